/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "jk-joblog.h"
#include "jk-search.h"

G_BEGIN_DECLS

#define JK_DOCUMENT_ERROR (jk_document_error_quark ())

typedef enum {
  JK_DOCUMENT_ERROR_RENDER,
  JK_DOCUMENT_ERROR_WRITE,
} JkDocumentError;

typedef enum {
  JK_PAPER_LETTER,
  JK_PAPER_A4,
} JkPaperSize;

/* What every printout shares: the header with the center's name, the
 * footer with page numbers and when it was printed. Text goes through
 * gettext, so set the visitor's language before rendering. */
typedef struct {
  const char *center_name;
  JkPaperSize paper;
  GDateTime *printed_at;   /* shown in the footer; NULL for now */
  const char *language;    /* "en" or "es": the renderer translates in it */
} JkDocumentContext;

/* A rendered printout: PDF bytes (fonts embedded, text extractable), its
 * page count, and a kind word for job names ("job sheet"), never personal. */
typedef struct _JkDocument JkDocument;

GQuark       jk_document_error_quark        (void);

/* One posting, readable at arm's length: title, employer, place, pay,
 * schedule, education, dates, source, the whole description (paragraphs
 * and bullets), and how to apply: the link as a QR code and as text. */
JkDocument  *jk_document_render_job_sheet   (const JkDocumentContext *context,
                                             const JkJobRecord       *record,
                                             GError                 **error);
/* Several saved postings on as few pages as reads well: each with title,
 * employer, place, pay, the apply address and a small QR code. */
JkDocument  *jk_document_render_job_list    (const JkDocumentContext *context,
                                             GPtrArray               *records,
                                             GError                 **error);
/* The Job Search Log a caseworker expects: the visitor's name, the week,
 * one row per contact (date, employer, position, how, contact, result),
 * and lines for a signature and date. */
JkDocument  *jk_document_render_search_log  (const JkDocumentContext *context,
                                             const char              *visitor_name,
                                             const GDate             *week_start,
                                             GPtrArray               *entries,
                                             GError                 **error);

/* A kind of printout, registered once: the print flow takes any of them. */
typedef struct _JkDocumentKind JkDocumentKind;
struct _JkDocumentKind {
  const char *id;            /* "job-sheet": the kind in print history */
  const char *title;         /* untranslated msgid, for the print page */
  JkDocument *(*render) (const JkDocumentContext *context, gconstpointer input, GError **error);
  gpointer   (*copy_input) (gconstpointer input);  /* deep copy handed to the render thread */
  void       (*free_input) (gpointer input);
};

/* The job-search log's input: whose log, the week it covers, the entries. */
typedef struct {
  const char *visitor_name;
  GDate week_start;
  GPtrArray *entries;        /* JkLogEntry */
} JkSearchLogInput;

extern const JkDocumentKind jk_document_job_sheet;   /* input: const JkJobRecord * */
extern const JkDocumentKind jk_document_job_list;    /* input: GPtrArray of JkJobRecord */
extern const JkDocumentKind jk_document_search_log;  /* input: const JkSearchLogInput * */
const JkDocumentKind *jk_document_kind_lookup (const char *id);

/* Renders input as kind, translating in context->language on this thread. */
JkDocument  *jk_document_render             (const JkDocumentKind    *kind,
                                             const JkDocumentContext *context,
                                             gconstpointer            input,
                                             GError                 **error);

GBytes      *jk_document_get_pdf            (JkDocument  *self);
guint        jk_document_get_n_pages        (JkDocument  *self);
const char  *jk_document_get_kind           (JkDocument  *self);
gboolean     jk_document_save               (JkDocument  *self,
                                             const char  *path,
                                             GError     **error);
/* Renders page `page` (0-based) into a Cairo image surface at `width` pixels
 * wide, for an on-screen preview. Returns a cairo_surface_t *, or NULL. */
gpointer     jk_document_render_preview     (JkDocument  *self,
                                             guint        page,
                                             int          width);
void         jk_document_free               (JkDocument  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkDocument, jk_document_free)

G_END_DECLS
