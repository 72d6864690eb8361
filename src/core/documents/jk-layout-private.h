/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The layout engine every printout shares (jk-layout.c): a Composer moves
 * a cursor down the body of the current page and starts pages as it runs
 * out; text flows across pages line by line; the header and footer are
 * drawn for it. Each document kind (jk-doc-*.c) is written with it. All
 * measures are PDF points (1/72 inch). */

#include <cairo.h>
#include <pango/pangocairo.h>
#include "jobkiosk/jk-document.h"
#include "jobkiosk/jk-qr.h"

G_BEGIN_DECLS

typedef enum
{
  INK_TEXT,
  INK_ACCENT,
  INK_MUTED,
} Ink;

typedef enum
{
  STYLE_BODY,
  STYLE_BODY_SMALL,
  STYLE_TITLE,
  STYLE_SUBTITLE,
  STYLE_HEADING,
  STYLE_PAY,
  STYLE_ITEM_TITLE,
  STYLE_HEADER,
  STYLE_HEADER_TITLE,
  STYLE_FOOTER,
  STYLE_CELL,
  STYLE_CELL_HEAD,
  /* A resume's own sizes (jk-doc-resume.c sets a template's family and
   * sizes over these), and the resume slip's code. */
  STYLE_RESUME_NAME,
  STYLE_RESUME_LABEL,
  STYLE_RESUME_HEADING,
  STYLE_RESUME_ENTRY,
  STYLE_RESUME_BODY,
  STYLE_RESUME_META,
  STYLE_SLIP_CODE,
  N_STYLES
} Style;

/* The layout engine every printout shares: a cursor moving down the body
 * of the current page, and pages started as the cursor runs out. */
typedef struct
{
  const char *title;        /* the document's title, for the header */
  const char *language;     /* the renderer translates in this one ("en", "es") */
  char *center_name;
  GDateTime *printed_at;
  double width;
  double height;
  double left;              /* the body box */
  double right;
  double top;
  double bottom;
  double header_rule_y;
  double footer_rule_y;
  PangoFontMap *font_map;   /* our own: the default one is not for threads */
  PangoContext *pango;
  PangoFontDescription *fonts[N_STYLES];
  GPtrArray *pages;
  cairo_t *cr;              /* draws on the last page */
  double y;
  gboolean bare;            /* no header or footer: a resume's pages are the visitor's alone */
  gboolean monochrome;      /* every style in black: for a plain resume */
} Composer;

/* A simple grid whose header row repeats on each page it spans. */
typedef struct
{
  guint n_columns;
  const char *headers[8];
  double widths[8];
} Table;


/* Text and pages */
void         jk_layout_set_ink              (cairo_t     *cr,
                                             Ink          ink);
PangoLayout *jk_layout_create_text          (Composer    *c,
                                             Style        style,
                                             const char  *text,
                                             double       width);
PangoLayout *jk_layout_create_label_text    (Composer    *c,
                                             Style        style,
                                             const char  *label,
                                             const char  *value,
                                             double       width);
double       jk_layout_measure_height       (PangoLayout *layout);
double       jk_layout_measure_width        (PangoLayout *layout);
void         jk_layout_draw_text            (Composer    *c,
                                             PangoLayout *layout,
                                             Style        style,
                                             double       x,
                                             double       y);
void         jk_layout_draw_rule            (cairo_t     *cr,
                                             double       x1,
                                             double       x2,
                                             double       y,
                                             double       line_width,
                                             Ink          ink);
void         jk_composer_init               (Composer                *c,
                                             const JkDocumentContext *context,
                                             const char              *title);
/* The same without header and footer: the body runs from margin to margin. */
void         jk_composer_init_bare          (Composer                *c,
                                             const JkDocumentContext *context,
                                             const char              *title);
void         jk_composer_new_page           (Composer    *c);
void         jk_composer_need               (Composer    *c,
                                             double       height);
void         jk_composer_space              (Composer    *c,
                                             double       height);
void         jk_composer_flow               (Composer    *c,
                                             PangoLayout *layout,
                                             Style        style,
                                             double       x,
                                             PangoLayout *marker,
                                             double       marker_x);
void         jk_layout_add_text             (Composer    *c,
                                             Style        style,
                                             const char  *text);
void         jk_layout_add_label_text       (Composer    *c,
                                             Style        style,
                                             const char  *label,
                                             const char  *value);
void         jk_layout_add_heading          (Composer    *c,
                                             const char  *text);
void         jk_layout_add_description      (Composer    *c,
                                             const char  *text);

/* QR codes and addresses */
/* A side for a QR code (quiet zone included) a phone can still read,
 * within limits. */
double       jk_layout_choose_qr_size       (const JkQrMatrix *qr,
                                             double            smallest,
                                             double            largest);
char        *jk_layout_break_url            (Composer     *c,
                                             Style         style,
                                             const char   *url,
                                             double        first_width,
                                             double        width);

/* Words for a posting */
char        *jk_layout_format_place         (const JkJob *job);
char        *jk_layout_format_day           (GDateTime   *time,
                                             GDateTime   *now);
char        *jk_layout_format_dates         (const JkJob *job,
                                             GDateTime   *now);
const char  *jk_layout_get_title            (const JkJob *job);

/* Tables and form lines */
void         jk_layout_add_table_header     (Composer          *c,
                                             const Table       *table);
void         jk_layout_add_table_row        (Composer          *c,
                                             const Table       *table,
                                             const char *const *cells,
                                             double             min_height);
void         jk_layout_add_fill_in_line     (Composer    *c,
                                             const char  *label,
                                             const char  *value,
                                             double       line_width);

/* Output: adds the footers and makes the document; clears the composer.
 * Its PDF is written by jk_document_render, or on the first
 * jk_document_get_pdf after jk_document_render_pages. */
JkDocument  *jk_composer_finish             (Composer    *c,
                                             const char  *kind,
                                             GError     **error);

G_END_DECLS
