/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-document.c: every printout (job sheet, job list, job-search log) laid out with Pango on Cairo pages */

#define G_LOG_DOMAIN "jk-document"

#include <cairo.h>
#include <cairo-pdf.h>
#include <errno.h>
#include <jobkiosk/jk-i18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <qrencode.h>
#include <string.h>

#include "jobkiosk/jk-document.h"
#include "jobkiosk/jk-format.h"

/* Everything below is in PDF points (1/72 inch). */
#define MARGIN            54.0
#define FONT_FAMILY       "Cantarell, DejaVu Sans"
#define QR_QUIET_MODULES  4
#define SHEET_QR_SIZE     115.2  /* 1.6 in: scans from a phone held at reading distance */
#define SHEET_QR_MAX      180.0
#define LIST_QR_SIZE      64.8   /* 0.9 in */
#define LIST_QR_MAX       96.0
#define LOG_MIN_ROWS      8
#define LOG_ROW_HEIGHT    30.0   /* room to write by hand */
#define CELL_PADDING      5.0
#define BULLET_INDENT     20.0
#define MAX_PREVIEW_WIDTH 8192

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QRcode, QRcode_free)

struct _JkDocument
{
  const char *kind;
  double width;
  double height;
  GPtrArray *pages;   /* cairo_surface_t *: one recording surface per page */
  GBytes *pdf;
};

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
  N_STYLES
} Style;

typedef struct
{
  double size;
  PangoWeight weight;
  Ink ink;
} StyleSpec;

/* One family of sizes for every printout, so they read as one set. */
static const StyleSpec style_specs[N_STYLES] = {
  [STYLE_BODY] = { 12.0, PANGO_WEIGHT_NORMAL, INK_TEXT },
  [STYLE_BODY_SMALL] = { 11.0, PANGO_WEIGHT_NORMAL, INK_TEXT },
  [STYLE_TITLE] = { 24.0, PANGO_WEIGHT_BOLD, INK_ACCENT },
  [STYLE_SUBTITLE] = { 15.0, PANGO_WEIGHT_NORMAL, INK_TEXT },
  [STYLE_HEADING] = { 15.0, PANGO_WEIGHT_BOLD, INK_ACCENT },
  [STYLE_PAY] = { 16.0, PANGO_WEIGHT_BOLD, INK_TEXT },
  [STYLE_ITEM_TITLE] = { 14.0, PANGO_WEIGHT_BOLD, INK_ACCENT },
  [STYLE_HEADER] = { 10.0, PANGO_WEIGHT_BOLD, INK_ACCENT },
  [STYLE_HEADER_TITLE] = { 10.0, PANGO_WEIGHT_NORMAL, INK_MUTED },
  [STYLE_FOOTER] = { 9.0, PANGO_WEIGHT_NORMAL, INK_MUTED },
  [STYLE_CELL] = { 11.0, PANGO_WEIGHT_NORMAL, INK_TEXT },
  [STYLE_CELL_HEAD] = { 11.0, PANGO_WEIGHT_BOLD, INK_TEXT },
};

/* The layout engine every printout shares: a cursor moving down the body
 * of the current page, and pages started as the cursor runs out. */
typedef struct
{
  const char *title;        /* the document's title, for the header */
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
} Composer;

/* A simple grid whose header row repeats on each page it spans. */
typedef struct
{
  guint n_columns;
  const char *headers[8];
  double widths[8];
} Table;

/* ---------------------------------------------------------------------- */
/* Text and pages                                                         */

static void
set_ink (cairo_t *cr,
         Ink      ink)
{
  switch (ink)
    {
    case INK_ACCENT:
      /* Dark blue, as on screen; still dark on a black-and-white printer. */
      cairo_set_source_rgb (cr, 0.08, 0.20, 0.42);
      break;
    case INK_MUTED:
      cairo_set_source_rgb (cr, 0.33, 0.33, 0.33);
      break;
    case INK_TEXT:
    default:
      cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
      break;
    }
}

/* Outside text only ever goes in through pango_layout_set_text, so
 * markup characters in it are printed as they are. */
static PangoLayout *
create_layout (Composer   *c,
               Style       style,
               const char *text,
               double      width)
{
  PangoLayout *layout = pango_layout_new (c->pango);

  pango_layout_set_font_description (layout, c->fonts[style]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

/* "Schedule: Full-time" with the label bold, done with an attribute rather
 * than markup so the value can be anything. */
static PangoLayout *
create_label_layout (Composer   *c,
                     Style       style,
                     const char *label,
                     const char *value,
                     double      width)
{
  g_autofree char *text = g_strconcat (label, " ", value != NULL ? value : "", NULL);
  PangoLayout *layout = create_layout (c, style, text, width);
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

  bold->start_index = 0;
  bold->end_index = strlen (label);
  pango_attr_list_insert (attrs, bold);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static double
measure_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

static double
measure_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return pango_units_to_double (width);
}

/* Where the n-th line ends, to keep a paragraph's first lines together. */
static double
measure_first_lines (PangoLayout *layout,
                     guint        n_lines)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  PangoRectangle logical = { 0 };
  guint i = 0;

  do
    pango_layout_iter_get_line_extents (iter, NULL, &logical);
  while (++i < n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return pango_units_to_double (logical.y + logical.height);
}

static double
measure_line_height (Composer *c,
                     Style     style)
{
  g_autoptr (PangoLayout) layout = create_layout (c, style, "Ag", -1);

  return measure_height (layout);
}

static void
draw_layout (Composer    *c,
             PangoLayout *layout,
             Style        style,
             double       x,
             double       y)
{
  set_ink (c->cr, style_specs[style].ink);
  cairo_move_to (c->cr, x, y);
  pango_cairo_show_layout (c->cr, layout);
}

static void
draw_rule (cairo_t *cr,
           double   x1,
           double   x2,
           double   y,
           double   line_width,
           Ink      ink)
{
  set_ink (cr, ink);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x1, y);
  cairo_line_to (cr, x2, y);
  cairo_stroke (cr);
}

static void
draw_header (Composer *c)
{
  double width = c->right - c->left;
  g_autoptr (PangoLayout) name = create_layout (c, STYLE_HEADER, c->center_name, width * 0.58);
  g_autoptr (PangoLayout) title = create_layout (c, STYLE_HEADER_TITLE, c->title, width * 0.4);

  /* One line each: a long center name is cut, never pushed into the body. */
  pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (title, PANGO_ALIGN_RIGHT);
  draw_layout (c, name, STYLE_HEADER, c->left, MARGIN);
  draw_layout (c, title, STYLE_HEADER_TITLE, c->right - width * 0.4, MARGIN);
  draw_rule (c->cr, c->left, c->right, c->header_rule_y, 0.75, INK_ACCENT);
}

static void
draw_footer (Composer *c,
             cairo_t  *cr,
             guint     page,
             guint     n_pages)
{
  double width = c->right - c->left;
  g_autofree char *date = jk_format_date_short (c->printed_at);
  g_autofree char *time = jk_format_time_of_day (c->printed_at);
  /* TRANSLATORS: footer of every printout: short date ("Nov 22"), year, time of day */
  g_autofree char *printed = g_strdup_printf (_("Printed %1$s, %2$d %3$s"), date,
                                              g_date_time_get_year (c->printed_at), time);
  /* TRANSLATORS: footer of every printout: this page's number, number of pages */
  g_autofree char *numbers = g_strdup_printf (_("Page %1$u of %2$u"), page, n_pages);
  g_autoptr (PangoLayout) left = create_layout (c, STYLE_FOOTER, printed, width * 0.6);
  g_autoptr (PangoLayout) right = create_layout (c, STYLE_FOOTER, numbers, width * 0.38);
  double text_y = c->footer_rule_y + 5;

  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  draw_rule (cr, c->left, c->right, c->footer_rule_y, 0.5, INK_MUTED);
  set_ink (cr, style_specs[STYLE_FOOTER].ink);
  cairo_move_to (cr, c->left, text_y);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, c->right - width * 0.38, text_y);
  pango_cairo_show_layout (cr, right);
}

static void
composer_new_page (Composer *c)
{
  cairo_rectangle_t extents = { 0, 0, c->width, c->height };
  cairo_surface_t *page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

  g_clear_pointer (&c->cr, cairo_destroy);
  g_ptr_array_add (c->pages, page);
  c->cr = cairo_create (page);
  draw_header (c);
  c->y = c->top;
}

static void
composer_init (Composer                *c,
               const JkDocumentContext *context,
               const char              *title)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  double header_height;
  double footer_height;

  memset (c, 0, sizeof *c);
  c->title = title;
  c->center_name = g_strdup (context != NULL && context->center_name != NULL && context->center_name[0] != '\0'
                             ? context->center_name
                             /* TRANSLATORS: the header of a printout when the kiosk has no center name set */
                             : _("Career Center"));
  c->printed_at = context != NULL && context->printed_at != NULL ? g_date_time_ref (context->printed_at)
                                                                 : g_date_time_new_now_local ();
  if (context != NULL && context->paper == JK_PAPER_A4)
    {
      c->width = 595.276;
      c->height = 841.89;
    }
  else
    {
      c->width = 612.0;
      c->height = 792.0;
    }

  /* A private font map per document: PangoCairo's default one belongs to
   * the thread that made it. 72 dpi makes a Pango point a PDF point, and
   * unhinted, unrounded metrics keep the layout the same at any scale. */
  c->font_map = pango_cairo_font_map_new ();
  c->pango = pango_font_map_create_context (c->font_map);
  pango_cairo_context_set_resolution (c->pango, 72.0);
  pango_context_set_round_glyph_positions (c->pango, FALSE);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (c->pango, options);
  cairo_font_options_destroy (options);
  for (guint i = 0; i < N_STYLES; i++)
    {
      c->fonts[i] = pango_font_description_from_string (FONT_FAMILY);
      pango_font_description_set_size (c->fonts[i], (int) (style_specs[i].size * PANGO_SCALE));
      pango_font_description_set_weight (c->fonts[i], style_specs[i].weight);
    }

  header_height = measure_line_height (c, STYLE_HEADER);
  footer_height = measure_line_height (c, STYLE_FOOTER);
  c->left = MARGIN;
  c->right = c->width - MARGIN;
  c->header_rule_y = MARGIN + header_height + 3;
  c->top = c->header_rule_y + 18;
  c->footer_rule_y = c->height - MARGIN - footer_height - 5;
  c->bottom = c->footer_rule_y - 14;
  c->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  composer_new_page (c);
}

static void
composer_clear (Composer *c)
{
  g_clear_pointer (&c->cr, cairo_destroy);
  g_clear_pointer (&c->pages, g_ptr_array_unref);
  for (guint i = 0; i < N_STYLES; i++)
    g_clear_pointer (&c->fonts[i], pango_font_description_free);
  g_clear_object (&c->pango);
  g_clear_object (&c->font_map);
  g_clear_pointer (&c->printed_at, g_date_time_unref);
  g_clear_pointer (&c->center_name, g_free);
}

static gboolean
composer_at_top (Composer *c)
{
  return c->y <= c->top + 0.01;
}

/* Starts a new page unless `height` more fits on this one (or this page
 * is still empty, where waiting would not help). */
static void
composer_need (Composer *c,
               double    height)
{
  if (c->y + height > c->bottom && !composer_at_top (c))
    composer_new_page (c);
}

/* Vertical space that disappears at the top of a page. */
static void
composer_space (Composer *c,
                double    height)
{
  if (!composer_at_top (c))
    c->y += height;
}

/* Draws a layout line by line from the cursor, going on to a new page
 * between lines, never through one. A marker (a bullet) is drawn beside
 * the first line, on its baseline. */
static void
composer_flow (Composer    *c,
               PangoLayout *layout,
               Style        style,
               double       x,
               PangoLayout *marker,
               double       marker_x)
{
  PangoLayoutIter *iter;
  double shift;
  gboolean first = TRUE;

  /* No paragraph starts with a lone line at the foot of a page. */
  composer_need (c, measure_first_lines (layout, 2));
  shift = c->y;
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      double top;
      double line_height;
      double baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = pango_units_to_double (logical.y) + shift;
      line_height = pango_units_to_double (logical.height);
      if (top + line_height > c->bottom && !composer_at_top (c))
        {
          composer_new_page (c);
          shift = c->y - pango_units_to_double (logical.y);
          top = c->y;
        }
      baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter)) + shift;
      set_ink (c->cr, style_specs[style].ink);
      cairo_move_to (c->cr, x + pango_units_to_double (logical.x), baseline);
      pango_cairo_show_layout_line (c->cr, pango_layout_iter_get_line_readonly (iter));
      if (first && marker != NULL)
        {
          cairo_move_to (c->cr, marker_x, baseline);
          pango_cairo_show_layout_line (c->cr, pango_layout_get_line_readonly (marker, 0));
        }
      first = FALSE;
      c->y = top + line_height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
add_text (Composer   *c,
          Style       style,
          const char *text)
{
  g_autoptr (PangoLayout) layout = create_layout (c, style, text, c->right - c->left);

  composer_flow (c, layout, style, c->left, NULL, 0);
}

static void
add_label_text (Composer   *c,
                Style       style,
                const char *label,
                const char *value)
{
  g_autoptr (PangoLayout) layout = create_label_layout (c, style, label, value, c->right - c->left);

  composer_flow (c, layout, style, c->left, NULL, 0);
}

/* A heading never ends a page: it moves on with the lines it introduces. */
static void
add_heading (Composer   *c,
             const char *text)
{
  double width = c->right - c->left;
  g_autoptr (PangoLayout) layout = create_layout (c, STYLE_HEADING, text, width);

  composer_space (c, 16);
  composer_need (c, measure_height (layout) + 6 + 2.5 * measure_line_height (c, STYLE_BODY));
  composer_flow (c, layout, STYLE_HEADING, c->left, NULL, 0);
  c->y += 6;
}

static void
add_bullet (Composer   *c,
            Style       style,
            const char *text)
{
  double indent = BULLET_INDENT;
  g_autoptr (PangoLayout) layout = create_layout (c, style, text, c->right - c->left - indent);
  g_autoptr (PangoLayout) marker = create_layout (c, style, "•", -1);

  composer_flow (c, layout, style, c->left + indent, marker, c->left + 6);
}

/* A description as the feed module leaves it: paragraphs split by blank
 * lines, "• " lines as bullets. Lines inside a paragraph stay lines. */
static void
add_description (Composer   *c,
                 const char *text)
{
  static const char bullet[] = "• ";
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (GString) paragraph = g_string_new (NULL);
  gboolean after_bullet = FALSE;

  for (guint i = 0; lines[i] != NULL || paragraph->len > 0; i++)
    {
      const char *line = lines[i] != NULL ? lines[i] : "";
      gboolean is_bullet = g_str_has_prefix (line, bullet);

      if (paragraph->len > 0 && (is_bullet || line[0] == '\0'))
        {
          composer_space (c, after_bullet ? 8 : 0);
          add_text (c, STYLE_BODY, paragraph->str);
          c->y += 8;
          g_string_truncate (paragraph, 0);
          after_bullet = FALSE;
        }
      if (lines[i] == NULL)
        break;
      if (is_bullet)
        {
          add_bullet (c, STYLE_BODY, line + strlen (bullet));
          c->y += 3;
          after_bullet = TRUE;
        }
      else if (line[0] != '\0')
        {
          if (paragraph->len > 0)
            g_string_append_c (paragraph, '\n');
          g_string_append (paragraph, line);
        }
    }
}

/* ---------------------------------------------------------------------- */
/* QR codes and addresses                                                 */

static QRcode *
encode_qr (const char *url)
{
  QRcode *qr;

  if (url == NULL || url[0] == '\0')
    return NULL;
  qr = QRcode_encodeString (url, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (qr == NULL)
    g_debug ("No QR code for a %zu-byte address: %s", strlen (url), g_strerror (errno));
  return qr;
}

/* A module size a phone can still read, within limits. */
static double
choose_qr_size (const QRcode *qr,
                double        smallest,
                double        largest)
{
  double wanted = (qr->width + 2 * QR_QUIET_MODULES) * 1.2;

  return CLAMP (wanted, smallest, largest);
}

/* Black modules as filled rectangles on a white square that includes the
 * quiet zone; a row's run of modules is one rectangle, and all of them
 * one fill, so no hairlines show between modules. */
static void
draw_qr (cairo_t      *cr,
         const QRcode *qr,
         double        x,
         double        y,
         double        size)
{
  double module = size / (qr->width + 2 * QR_QUIET_MODULES);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int row = 0; row < qr->width; row++)
    {
      int col = 0;

      while (col < qr->width)
        {
          int start;

          if (!(qr->data[row * qr->width + col] & 1))
            {
              col++;
              continue;
            }
          start = col;
          while (col < qr->width && (qr->data[row * qr->width + col] & 1))
            col++;
          cairo_rectangle (cr,
                           x + (QR_QUIET_MODULES + start) * module,
                           y + (QR_QUIET_MODULES + row) * module,
                           (col - start) * module, module);
        }
    }
  cairo_fill (cr);
  cairo_restore (cr);
}

static int
find_break (const char *text,
            int         length,
            const char *after)
{
  for (int i = length; i > length / 2; i--)
    if (strchr (after, text[i - 1]) != NULL)
      return i;
  return 0;
}

/* A web address split into lines that fit `width` (the first one
 * `first_width`), after a "/" or "?" where it can, else after other
 * punctuation, else anywhere; never with an added hyphen. */
static char *
break_url (Composer   *c,
           Style       style,
           const char *url,
           double      first_width,
           double      width)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (PangoLayout) layout = create_layout (c, style, NULL, width);
  PangoAttrList *attrs = pango_attr_list_new ();
  const char *rest = url;

  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_wrap (layout, PANGO_WRAP_CHAR);
  pango_layout_set_width (layout, pango_units_from_double (first_width));
  while (*rest != '\0')
    {
      int length;
      int cut;

      pango_layout_set_text (layout, rest, -1);
      if (pango_layout_get_line_count (layout) <= 1)
        {
          g_string_append (out, rest);
          break;
        }
      length = pango_layout_get_line_readonly (layout, 0)->length;
      if (length <= 0)
        {
          g_string_append (out, rest);
          break;
        }
      cut = find_break (rest, length, "/?&#");
      if (cut == 0)
        cut = find_break (rest, length, "=-_.~+,;:");
      if (cut == 0)
        cut = length;
      g_string_append_len (out, rest, cut);
      g_string_append_c (out, '\n');
      rest += cut;
      pango_layout_set_width (layout, pango_units_from_double (width));
    }
  return g_strdup (out->str);
}

/* ---------------------------------------------------------------------- */
/* Words for a posting                                                    */

/* "Columbus, OH 43215", or whatever part of it is known. */
static char *
format_place (const JkJob *job)
{
  g_autoptr (GString) out = g_string_new (NULL);

  if (job->city != NULL)
    g_string_append (out, job->city);
  if (job->state != NULL)
    g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", job->state);
  if (job->postal_code != NULL)
    g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", job->postal_code);
  return out->len > 0 ? g_strdup (out->str) : NULL;
}

/* "Nov 20", with the year only when it is not this year's. */
static char *
format_day (GDateTime *time,
            GDateTime *now)
{
  g_autofree char *day = jk_format_date_short (time);

  if (g_date_time_get_year (time) == g_date_time_get_year (now))
    return g_steal_pointer (&day);
  /* TRANSLATORS: a short date ("Nov 22") and its year */
  return g_strdup_printf (_("%1$s, %2$d"), day, g_date_time_get_year (time));
}

static char *
format_unix_day (gint64     unix_time,
                 GDateTime *now)
{
  g_autoptr (GDateTime) time = unix_time > 0 ? g_date_time_new_from_unix_local (unix_time) : NULL;

  return time != NULL ? format_day (time, now) : NULL;
}

/* "Posted Nov 20 · Closes Dec 31", or either half; NULL when neither. */
static char *
format_dates (const JkJob *job,
              GDateTime   *now)
{
  g_autofree char *posted = format_unix_day (job->posted, now);
  g_autofree char *expires = format_unix_day (job->expires, now);
  g_autoptr (GString) out = g_string_new (NULL);

  if (posted != NULL)
    /* TRANSLATORS: when a job was posted: a short date, "Nov 20" */
    g_string_append_printf (out, _("Posted %s"), posted);
  if (expires != NULL)
    {
      if (out->len > 0)
        g_string_append (out, "  ·  ");
      /* TRANSLATORS: the last day to apply for a job: a short date, "Dec 31" */
      g_string_append_printf (out, _("Closes %s"), expires);
    }
  return out->len > 0 ? g_strdup (out->str) : NULL;
}

static const char *
get_title (const JkJob *job)
{
  /* TRANSLATORS: shown when a posting has no job title */
  return job->title != NULL && job->title[0] != '\0' ? job->title : _("Job opening");
}

/* ---------------------------------------------------------------------- */
/* Blocks of the job sheet and the job list                               */

/* The box with the QR code beside the words and the address in full. */
static void
add_apply_box (Composer   *c,
               const char *url)
{
  const double padding = 14;
  const double gap = 18;
  g_autoptr (QRcode) qr = encode_qr (url);
  double qr_size = qr != NULL ? choose_qr_size (qr, SHEET_QR_SIZE, SHEET_QR_MAX) : 0;
  double text_x = c->left + padding + (qr != NULL ? qr_size + gap : 0);
  double text_width = c->right - padding - text_x;
  g_autoptr (PangoLayout) heading = create_layout (c, STYLE_HEADING, _("How to apply"), text_width);
  g_autoptr (PangoLayout) how = NULL;
  g_autoptr (PangoLayout) address = NULL;
  double text_height;
  double box_height;
  double y;

  if (url != NULL && url[0] != '\0')
    {
      g_autofree char *lines = break_url (c, STYLE_BODY, url, text_width, text_width);

      how = create_layout (c, STYLE_BODY,
                           qr != NULL ? _("Point your phone’s camera at the square code, or type this address:")
                                      : _("Go to this address:"),
                           text_width);
      address = create_layout (c, STYLE_BODY, lines, text_width);
      pango_layout_set_wrap (address, PANGO_WRAP_CHAR);
    }
  else
    how = create_layout (c, STYLE_BODY, _("This posting does not say how to apply. Ask staff at the front desk for help."),
                         text_width);

  text_height = measure_height (heading) + 6 + measure_height (how)
                + (address != NULL ? 6 + measure_height (address) : 0);
  box_height = MAX (qr_size, text_height) + 2 * padding;

  if (box_height > c->bottom - c->top)
    {
      /* An address too long for one page: no box, just let it flow. */
      add_heading (c, _("How to apply"));
      composer_flow (c, how, STYLE_BODY, c->left, NULL, 0);
      if (address != NULL)
        composer_flow (c, address, STYLE_BODY, c->left, NULL, 0);
      return;
    }

  composer_need (c, box_height);
  y = c->y;
  cairo_set_source_rgb (c->cr, 0.94, 0.96, 0.99);
  cairo_rectangle (c->cr, c->left, y, c->right - c->left, box_height);
  cairo_fill_preserve (c->cr);
  set_ink (c->cr, INK_ACCENT);
  cairo_set_line_width (c->cr, 1.25);
  cairo_stroke (c->cr);
  if (qr != NULL)
    draw_qr (c->cr, qr, c->left + padding, y + padding, qr_size);
  y += padding;
  draw_layout (c, heading, STYLE_HEADING, text_x, y);
  y += measure_height (heading) + 6;
  draw_layout (c, how, STYLE_BODY, text_x, y);
  y += measure_height (how) + 6;
  if (address != NULL)
    draw_layout (c, address, STYLE_BODY, text_x, y);
  c->y += box_height;
}

/* One saved posting: a few lines of text with a small QR code beside them,
 * kept on one page, a rule between postings. */
static void
add_list_item (Composer          *c,
               const JkJobRecord *record,
               gboolean           first)
{
  const JkJob *job = record->job;
  const double gap = 14;
  const char *url = job->apply_url != NULL && job->apply_url[0] != '\0' ? job->apply_url : NULL;
  g_autoptr (QRcode) qr = encode_qr (url);
  double qr_size = qr != NULL ? choose_qr_size (qr, LIST_QR_SIZE, LIST_QR_MAX) : 0;
  double text_width = c->right - c->left - (qr != NULL ? qr_size + gap : 0);
  g_autofree char *place = format_place (job);
  g_autofree char *pay = jk_format_pay (job);
  g_autofree char *schedule = jk_format_employment_type (job->employment_type);
  g_autoptr (GString) where = g_string_new (job->employer);
  PangoLayout *layouts[4] = { NULL };
  Style styles[4] = { STYLE_ITEM_TITLE, STYLE_BODY_SMALL, STYLE_CELL_HEAD, STYLE_BODY_SMALL };
  double text_height = 0;
  double height;
  double y;

  if (place != NULL)
    g_string_append_printf (where, "%s%s", where->len > 0 ? "  ·  " : "", place);
  if (schedule != NULL)
    {
      g_autofree char *with_schedule = g_strconcat (pay, "  ·  ", schedule, NULL);

      g_free (pay);
      pay = g_steal_pointer (&with_schedule);
    }

  layouts[0] = create_layout (c, STYLE_ITEM_TITLE, get_title (job), text_width);
  layouts[1] = create_layout (c, STYLE_BODY_SMALL, where->str, text_width);
  layouts[2] = create_layout (c, STYLE_CELL_HEAD, pay, text_width);
  {
    /* TRANSLATORS: before a job's web address on the printed list of saved jobs */
    const char *label = _("Apply:");
    g_autoptr (PangoLayout) label_layout = create_layout (c, STYLE_BODY_SMALL, label, -1);
    double label_width = measure_width (label_layout) * 1.1 + 6;
    g_autofree char *lines = url != NULL
                             ? break_url (c, STYLE_BODY_SMALL, url, text_width - label_width, text_width)
                             /* TRANSLATORS: on the printed list of saved jobs */
                             : g_strdup (_("Ask the employer how to apply."));

    layouts[3] = create_label_layout (c, STYLE_BODY_SMALL, label, lines, text_width);
  }
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    text_height += measure_height (layouts[i]) + (i > 0 ? 3 : 0);
  height = MAX (text_height, qr_size);

  if (!first)
    {
      if (c->y + 24 + height > c->bottom)
        composer_new_page (c);
      else
        {
          c->y += 12;
          draw_rule (c->cr, c->left, c->right, c->y, 0.75, INK_MUTED);
          c->y += 12;
        }
    }

  if (height > c->bottom - c->top)
    {
      /* Absurdly long text: let it flow rather than run off the page. */
      for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
        composer_flow (c, layouts[i], styles[i], c->left, NULL, 0);
    }
  else
    {
      composer_need (c, height);
      y = c->y;
      if (qr != NULL)
        draw_qr (c->cr, qr, c->right - qr_size, y, qr_size);
      for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
        {
          draw_layout (c, layouts[i], styles[i], c->left, y);
          y += measure_height (layouts[i]) + 3;
        }
      c->y += height;
    }
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    g_object_unref (layouts[i]);
}

/* ---------------------------------------------------------------------- */
/* Tables and form lines                                                  */

static double
measure_row (Composer          *c,
             const Table       *table,
             Style              style,
             const char *const *cells,
             PangoLayout      **layouts)
{
  double height = 0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      double cell_height;

      layouts[i] = create_layout (c, style, cells[i], table->widths[i] - 2 * CELL_PADDING);
      cell_height = measure_height (layouts[i]);
      height = MAX (height, cell_height);
    }
  return height + 2 * CELL_PADDING;
}

static void
draw_row (Composer     *c,
          const Table  *table,
          Style         style,
          PangoLayout **layouts,
          double        height,
          gboolean      is_header)
{
  double x = c->left;
  double visible = MIN (height, c->bottom - c->y);

  cairo_save (c->cr);
  /* A row taller than a page is cut at its foot rather than overprinting. */
  cairo_rectangle (c->cr, c->left - 1, c->y - 1, c->right - c->left + 2, visible + 2);
  cairo_clip (c->cr);
  if (is_header)
    {
      cairo_set_source_rgb (c->cr, 0.88, 0.91, 0.96);
      cairo_rectangle (c->cr, c->left, c->y, c->right - c->left, visible);
      cairo_fill (c->cr);
    }

  /* Each line of the grid once: doubled strokes print heavier. Every page's
   * part of the table starts with the header row, which draws the top. */
  cairo_new_path (c->cr);
  if (is_header)
    {
      cairo_move_to (c->cr, c->left, c->y);
      cairo_line_to (c->cr, c->right, c->y);
    }
  cairo_move_to (c->cr, c->left, c->y + visible);
  cairo_line_to (c->cr, c->right, c->y + visible);
  for (guint i = 0; i <= table->n_columns; i++)
    {
      cairo_move_to (c->cr, x, c->y);
      cairo_line_to (c->cr, x, c->y + visible);
      if (i < table->n_columns)
        x += table->widths[i];
    }
  set_ink (c->cr, INK_TEXT);
  cairo_set_line_width (c->cr, 0.75);
  cairo_stroke (c->cr);

  x = c->left;
  for (guint i = 0; i < table->n_columns; i++)
    {
      draw_layout (c, layouts[i], style, x + CELL_PADDING, c->y + CELL_PADDING);
      x += table->widths[i];
    }
  cairo_restore (c->cr);
  c->y += visible;
}

static void
add_table_header (Composer    *c,
                  const Table *table)
{
  PangoLayout *layouts[8] = { NULL };
  double height = measure_row (c, table, STYLE_CELL_HEAD, table->headers, layouts);

  draw_row (c, table, STYLE_CELL_HEAD, layouts, height, TRUE);
  for (guint i = 0; i < table->n_columns; i++)
    g_object_unref (layouts[i]);
}

/* A row as tall as its tallest cell (and at least min_height); a row that
 * does not fit goes to the next page, under the header again. */
static void
add_table_row (Composer          *c,
               const Table       *table,
               const char *const *cells,
               double             min_height)
{
  PangoLayout *layouts[8] = { NULL };
  double height = measure_row (c, table, STYLE_CELL, cells, layouts);

  height = MAX (height, min_height);
  if (c->y + height > c->bottom)
    {
      composer_new_page (c);
      add_table_header (c, table);
    }
  draw_row (c, table, STYLE_CELL, layouts, height, FALSE);
  for (guint i = 0; i < table->n_columns; i++)
    g_object_unref (layouts[i]);
}

/* "Name: ______" with the value written on the line, or the line left
 * empty to fill in by hand. */
static void
add_fill_in_line (Composer   *c,
                  const char *label,
                  const char *value,
                  double      line_width)
{
  g_autoptr (PangoLayout) label_layout = create_layout (c, STYLE_CELL_HEAD, label, -1);
  double label_width = measure_width (label_layout);
  double value_x = c->left + label_width + 8;
  double value_width = MIN (line_width, c->right - value_x);
  g_autoptr (PangoLayout) value_layout = create_layout (c, STYLE_BODY, value, value_width);
  double label_height = measure_height (label_layout);
  double value_height = measure_height (value_layout);
  double height = MAX (label_height, value_height);
  double label_baseline = pango_units_to_double (pango_layout_get_baseline (label_layout));
  double value_baseline = pango_units_to_double (pango_layout_get_baseline (value_layout));
  double baseline;

  composer_need (c, height + 4);
  baseline = c->y + MAX (label_baseline, value_baseline);
  draw_layout (c, label_layout, STYLE_CELL_HEAD, c->left, baseline - label_baseline);
  draw_layout (c, value_layout, STYLE_BODY, value_x, baseline - value_baseline);
  c->y += height + 2;
  draw_rule (c->cr, value_x, value_x + value_width, c->y, 0.75, INK_TEXT);
  c->y += 2;
}

/* "Signature: ______  Date: ______" with room above the lines to sign. */
static void
add_signature_lines (Composer *c)
{
  /* TRANSLATORS: a line to sign on, at the foot of the job-search log */
  g_autoptr (PangoLayout) signature = create_layout (c, STYLE_CELL_HEAD, _("Signature:"), -1);
  /* TRANSLATORS: a line to write the date on, beside the signature */
  g_autoptr (PangoLayout) date = create_layout (c, STYLE_CELL_HEAD, _("Date:"), -1);
  double width = c->right - c->left;
  double date_x = c->left + width * 0.64;
  double baseline;

  composer_need (c, 34);
  baseline = c->y + 30;
  draw_layout (c, signature, STYLE_CELL_HEAD, c->left,
               baseline - pango_units_to_double (pango_layout_get_baseline (signature)));
  draw_rule (c->cr, c->left + measure_width (signature) + 8, date_x - 18, baseline + 2, 0.75, INK_TEXT);
  draw_layout (c, date, STYLE_CELL_HEAD, date_x,
               baseline - pango_units_to_double (pango_layout_get_baseline (date)));
  draw_rule (c->cr, date_x + measure_width (date) + 8, c->right, baseline + 2, 0.75, INK_TEXT);
  c->y = baseline + 6;
}

static char *
format_gdate (const GDate *date,
              GDateTime   *now)
{
  g_autoptr (GDateTime) time = NULL;

  if (date == NULL || !g_date_valid (date))
    return NULL;
  time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 12, 0, 0);
  return time != NULL ? format_day (time, now) : NULL;
}

/* "Week of Nov 16 – Nov 22, 2026". */
static char *
format_week (const GDate *start)
{
  GDate end = *start;
  g_autoptr (GDateTime) first = NULL;
  g_autoptr (GDateTime) last = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_date_add_days (&end, 6);
  first = g_date_time_new_local (g_date_get_year (start), g_date_get_month (start), g_date_get_day (start), 12, 0, 0);
  last = g_date_time_new_local (g_date_get_year (&end), g_date_get_month (&end), g_date_get_day (&end), 12, 0, 0);
  if (first == NULL || last == NULL)
    return NULL;
  from = format_day (first, last);
  to = jk_format_date_short (last);
  /* TRANSLATORS: the week a job-search log covers: first day, last day, year: "Nov 16 – Nov 22, 2026" */
  return g_strdup_printf (_("Week of %1$s – %2$s, %3$d"), from, to, g_date_time_get_year (last));
}

/* ---------------------------------------------------------------------- */
/* Output                                                                 */

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_render_error (GError         **error,
                  cairo_status_t   status)
{
  g_warning ("Could not render a document: %s", cairo_status_to_string (status));
  g_set_error_literal (error, JK_DOCUMENT_ERROR, JK_DOCUMENT_ERROR_RENDER,
                       _("The page could not be made ready to print."));
}

/* Replays the recorded pages into one PDF in memory; Cairo embeds the
 * fonts and keeps the text as text. */
static GBytes *
write_pdf (GPtrArray  *pages,
           double      width,
           double      height,
           const char *title,
           GError    **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Job Kiosk");
  for (guint i = 0; i < pages->len; i++)
    {
      cairo_set_source_surface (cr, pages->pdata[i], 0, 0);
      cairo_paint (cr);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      set_render_error (error, status);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* Adds the footers, now that the page count is known, and makes the PDF. */
static JkDocument *
composer_finish (Composer    *c,
                 const char  *kind,
                 GError     **error)
{
  g_autoptr (GBytes) pdf = NULL;
  JkDocument *self;
  cairo_status_t status = cairo_status (c->cr);

  g_clear_pointer (&c->cr, cairo_destroy);
  for (guint i = 0; i < c->pages->len && status == CAIRO_STATUS_SUCCESS; i++)
    {
      cairo_t *cr = cairo_create (c->pages->pdata[i]);

      draw_footer (c, cr, i + 1, c->pages->len);
      status = cairo_status (cr);
      cairo_destroy (cr);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (c->pages->pdata[i]);
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      set_render_error (error, status);
      composer_clear (c);
      return NULL;
    }
  pdf = write_pdf (c->pages, c->width, c->height, c->title, error);
  if (pdf == NULL)
    {
      composer_clear (c);
      return NULL;
    }

  self = g_new0 (JkDocument, 1);
  self->kind = kind;
  self->width = c->width;
  self->height = c->height;
  self->pages = g_steal_pointer (&c->pages);
  self->pdf = g_steal_pointer (&pdf);
  composer_clear (c);
  return self;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

G_DEFINE_QUARK (jk-document-error-quark, jk_document_error)

JkDocument *
jk_document_render_job_sheet (const JkDocumentContext *context,
                              const JkJobRecord       *record,
                              GError                 **error)
{
  const JkJob *job;
  Composer c;
  g_autofree char *place = NULL;
  g_autofree char *pay = NULL;
  g_autofree char *schedule = NULL;
  g_autofree char *dates = NULL;

  g_return_val_if_fail (record != NULL && record->job != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  job = record->job;
  /* TRANSLATORS: the title in the header of a printed job posting */
  composer_init (&c, context, _("Job posting"));
  place = format_place (job);
  pay = jk_format_pay (job);
  schedule = jk_format_employment_type (job->employment_type);
  dates = format_dates (job, c.printed_at);

  add_text (&c, STYLE_TITLE, get_title (job));
  c.y += 4;
  if (job->employer != NULL)
    add_text (&c, STYLE_SUBTITLE, job->employer);
  if (place != NULL)
    add_text (&c, STYLE_SUBTITLE, place);

  composer_space (&c, 12);
  add_text (&c, STYLE_PAY, pay);
  c.y += 4;
  if (schedule != NULL)
    /* TRANSLATORS: before the kind of schedule on a printed job posting: "Schedule: Full-time" */
    add_label_text (&c, STYLE_BODY, _("Schedule:"), schedule);
  if (job->education != NULL)
    /* TRANSLATORS: before the schooling a job asks for */
    add_label_text (&c, STYLE_BODY, _("Education:"), job->education);
  if (dates != NULL)
    add_text (&c, STYLE_BODY, dates);
  if (record->source != NULL && record->source[0] != '\0')
    /* TRANSLATORS: before the name of the job board a posting came from */
    add_label_text (&c, STYLE_BODY, _("From:"), record->source);

  composer_space (&c, 16);
  add_apply_box (&c, job->apply_url);

  if (job->description != NULL && job->description[0] != '\0')
    {
      composer_space (&c, 6);
      /* TRANSLATORS: heading above a job's description on the printout */
      add_heading (&c, _("About this job"));
      add_description (&c, job->description);
    }

  return composer_finish (&c, "job sheet", error);
}

JkDocument *
jk_document_render_job_list (const JkDocumentContext *context,
                             GPtrArray               *records,
                             GError                 **error)
{
  Composer c;
  guint n = records != NULL ? records->len : 0;
  g_autofree char *count = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* TRANSLATORS: the title of the printed list of jobs a visitor saved */
  composer_init (&c, context, _("My saved jobs"));
  add_text (&c, STYLE_TITLE, _("My saved jobs"));
  /* TRANSLATORS: how many jobs are on the printed list */
  count = g_strdup_printf (jk_ngettext ("%u job", "%u jobs", n), n);
  add_text (&c, STYLE_SUBTITLE, count);
  composer_space (&c, 14);
  draw_rule (c.cr, c.left, c.right, c.y, 1.25, INK_ACCENT);
  c.y += 14;

  if (n == 0)
    add_text (&c, STYLE_BODY, _("You have not saved any jobs yet."));
  for (guint i = 0; i < n; i++)
    {
      const JkJobRecord *record = records->pdata[i];

      if (record != NULL && record->job != NULL)
        add_list_item (&c, record, i == 0);
    }

  return composer_finish (&c, "job list", error);
}

JkDocument *
jk_document_render_search_log (const JkDocumentContext *context,
                               const char              *visitor_name,
                               const GDate             *week_start,
                               GPtrArray               *entries,
                               GError                 **error)
{
  Composer c;
  Table table = { 0 };
  static const double fractions[] = { 0.12, 0.20, 0.20, 0.13, 0.15, 0.20 };
  guint n = entries != NULL ? entries->len : 0;
  g_autofree char *week = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* TRANSLATORS: the title of the printed weekly log of employer contacts
   * that welfare and unemployment offices ask for */
  composer_init (&c, context, _("Job Search Log"));
  table.n_columns = G_N_ELEMENTS (fractions);
  /* TRANSLATORS: column headings of the job-search log */
  table.headers[0] = _("Date");
  table.headers[1] = _("Employer");
  table.headers[2] = _("Position");
  /* TRANSLATORS: column heading: how the employer was contacted (online, in person…) */
  table.headers[3] = _("How");
  /* TRANSLATORS: column heading: the person spoken to */
  table.headers[4] = _("Contact");
  /* TRANSLATORS: column heading: what came of it (applied, interview…) */
  table.headers[5] = _("Result");
  for (guint i = 0; i < table.n_columns; i++)
    table.widths[i] = (c.right - c.left) * fractions[i];

  add_text (&c, STYLE_TITLE, _("Job Search Log"));
  composer_space (&c, 14);
  /* TRANSLATORS: before the visitor's name on the job-search log */
  add_fill_in_line (&c, _("Name:"), visitor_name != NULL ? visitor_name : "", 300);
  c.y += 10;
  week = week_start != NULL && g_date_valid (week_start) ? format_week (week_start) : NULL;
  if (week != NULL)
    add_text (&c, STYLE_BODY, week);
  else
    /* TRANSLATORS: before a blank line for the week the log covers */
    add_fill_in_line (&c, _("Week of:"), "", 200);
  composer_space (&c, 16);

  composer_need (&c, 60);
  add_table_header (&c, &table);
  for (guint i = 0; i < MAX (n, LOG_MIN_ROWS); i++)
    {
      const JkLogEntry *entry = i < n ? entries->pdata[i] : NULL;
      g_autofree char *date = entry != NULL ? format_gdate (&entry->date, c.printed_at) : NULL;
      const char *cells[6] = { "", "", "", "", "", "" };

      if (entry != NULL)
        {
          cells[0] = date != NULL ? date : "";
          cells[1] = entry->employer != NULL ? entry->employer : "";
          cells[2] = entry->position != NULL ? entry->position : "";
          cells[3] = jk_contact_method_to_label (entry->method);
          cells[4] = entry->contact != NULL ? entry->contact : "";
          cells[5] = entry->result != NULL ? entry->result : "";
        }
      add_table_row (&c, &table, cells, LOG_ROW_HEIGHT);
    }

  /* The statement and the lines to sign stay together. */
  composer_space (&c, 18);
  composer_need (&c, 80);
  /* TRANSLATORS: the statement above the signature on the job-search log */
  add_text (&c, STYLE_BODY, _("I certify that the information above is true."));
  c.y += 8;
  add_signature_lines (&c);

  return composer_finish (&c, "job search log", error);
}

GBytes *
jk_document_get_pdf (JkDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->pdf;
}

guint
jk_document_get_n_pages (JkDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages->len;
}

const char *
jk_document_get_kind (JkDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->kind;
}

gboolean
jk_document_save (JkDocument  *self,
                  const char  *path,
                  GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  gsize size;
  const guint8 *data;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = g_bytes_get_data (self->pdf, &size);
  /* Owner-only: a job-search log carries the visitor's name. */
  if (!g_file_set_contents_full (path, (const char *) data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &local_error))
    {
      g_set_error (error, JK_DOCUMENT_ERROR, JK_DOCUMENT_ERROR_WRITE,
                   _("Could not save the printout: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

gpointer
jk_document_render_preview (JkDocument *self,
                            guint       page,
                            int         width)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int height;

  g_return_val_if_fail (self != NULL, NULL);
  if (page >= self->pages->len || width <= 0 || width > MAX_PREVIEW_WIDTH)
    return NULL;

  height = (int) ceil (width * self->height / self->width);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, width / self->width, width / self->width);
  cairo_set_source_surface (cr, self->pages->pdata[page], 0, 0);
  cairo_paint (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_warning ("Could not draw a preview: %s", cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      return NULL;
    }
  return surface;
}

void
jk_document_free (JkDocument *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_free (self);
}
