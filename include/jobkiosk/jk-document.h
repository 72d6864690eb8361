/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "jk-config.h"
#include "jk-interests.h"

#include "jk-joblog.h"
#include "jk-lmi.h"
#include "jk-orientation.h"
#include "jk-resume.h"
#include "jk-search.h"
#include "jk-services.h"
#include "jk-training.h"

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
 * footer with page numbers and when it was printed, and the language of
 * its words: the renderer translates in context->language. */
typedef struct {
  const char *center_name;
  JkPaperSize paper;
  GDateTime *printed_at;   /* shown in the footer; NULL for now */
  const char *language;    /* "en", "es": the visitor's; NULL for the kiosk's current one */
  const JkConfig *config;  /* for the names sources are shown by; NULL names none */
} JkDocumentContext;

/* A rendered printout: PDF bytes (fonts embedded, text extractable), its
 * page count, and its kind's id for job names and the print history
 * ("job sheet"), never personal. */
typedef struct _JkDocument JkDocument;

/* One kind of printout, registered in core: how to render it from its
 * input, and how to copy that input for the render thread. */
typedef struct _JkDocumentKind JkDocumentKind;
struct _JkDocumentKind {
  const char *id;            /* "job sheet": the kind in print history and job names */
  const char *title;         /* N_("Job posting"): untranslated msgid, for the print page */
  JkDocument *(*render) (const JkDocumentContext *context, gconstpointer input, GError **error);
  gpointer   (*copy_input) (gconstpointer input);  /* deep copy handed to the render thread */
  void       (*free_input) (gpointer input);
  /* The same in plain text (for an email's body, for pasting), in
   * context->language; NULL when the kind has none. */
  char      *(*render_text) (const JkDocumentContext *context, gconstpointer input);
};

/* The input of jk_document_search_log; a copy owns all of it. */
typedef struct {
  char *visitor_name;      /* NULL or "": a line to write the name on */
  GDate week_start;        /* cleared (invalid): a line to write the week on */
  GPtrArray *entries;      /* JkLogEntry *; NULL or fewer than a page: empty rows to fill in */
} JkSearchLogInput;

/* One posting, readable at arm's length: title, employer, place, pay,
 * schedule, education, dates, source, the whole description (paragraphs
 * and bullets), and how to apply: the link as a QR code and as text.
 * Input: const JkJobRecord *. */
extern const JkDocumentKind jk_document_job_sheet;
/* Several saved postings on as few pages as reads well: each with title,
 * employer, place, pay, the apply address and a small QR code.
 * Input: GPtrArray of JkJobRecord *. */
extern const JkDocumentKind jk_document_job_list;
/* The Job Search Log a caseworker expects: the visitor's name, the week,
 * one row per contact (date, employer, position, how, contact, result),
 * and lines for a signature and date. Input: const JkSearchLogInput *. */
extern const JkDocumentKind jk_document_search_log;

/* The input of jk_document_career_sheet: the occupation as its page shows
 * it, and the pay per hour or per year. */
typedef struct {
  const JkLmiOccupation *occupation;
  gboolean hourly;
} JkCareerSheetInput;

/* One occupation on one page: the pay chart for the metro, the state and
 * the nation, the outlook, the jobs open now, what it takes to start and
 * hiring requirements, with their sources.
 * Input: const JkCareerSheetInput *. */
extern const JkDocumentKind jk_document_career_sheet;

typedef enum {
  JK_RESUME_TEMPLATE_SKILLS,   /* combination: skills first, then work history (the default) */
  JK_RESUME_TEMPLATE_CLASSIC,  /* chronological */
  JK_RESUME_TEMPLATE_SIMPLE,   /* plain, for any printer */
} JkResumeTemplate;

/* The input of jk_document_resume. */
typedef struct {
  const JkResume *resume;
  JkResumeTemplate template_id;
} JkResumeDocInput;

/* A resume: single column, standard headings, real text, nothing in a
 * header or footer; breaks between entries, never after a heading.
 * Input: const JkResumeDocInput *. */
extern const JkDocumentKind jk_document_resume;
/* The slip a visitor keeps a saved resume by: its code and when it
 * expires, never the PIN. Input: const JkResumeSlipInput *. */
typedef struct {
  const char *code;
  gint64 expires;          /* unix seconds */
} JkResumeSlipInput;
extern const JkDocumentKind jk_document_resume_slip;
/* The slip of a check-in: the appointment's time, service and room, or a
 * walk-in's queue number (queue_number > 0); never a name. Input: const
 * JkCheckinSlipInput *. */
typedef struct {
  gint64 starts;           /* unix seconds; unused for a walk-in */
  const char *service;
  const char *location;
  guint queue_number;      /* 0 for an appointment */
} JkCheckinSlipInput;
extern const JkDocumentKind jk_document_checkin_slip;
/* The slip of a referral to a partner ("Ask them to contact me"): the
 * reference number big, the partner, the service, the date, "They will
 * call you at (xxx) xxx-xx12" and what to do if nobody calls. Never the
 * name, never the whole number. Input: const JkReferralSlipInput *. */
typedef struct {
  const char *reference;   /* "R-7K3M" */
  const char *partner;     /* its display name */
  const char *service;
  const char *phone_masked;/* jk_referrals_phone_masked: "(xxx) xxx-xx12" */
} JkReferralSlipInput;
extern const JkDocumentKind jk_document_referral_slip;
/* The page staff print to see that the printer works: the center's name
 * (the context's), the kiosk's and the printer's, the date and time
 * (context->printed_at). Input: const JkTestPageInput *. */
typedef struct {
  const char *kiosk_name;
  const char *printer_name;
} JkTestPageInput;
extern const JkDocumentKind jk_document_test_page;

/* One training program on one page: its provider, address and phone, its
 * length, cost, credential, mode and schedule, its outcomes in plain
 * words, the WIOA line, its link as a QR code and in full, "Demo data"
 * for the demo's. Input: const JkTrainingProgram *. */
extern const JkDocumentKind jk_document_program_sheet;

/* A referral slip for a partner service: the service and its
 * organization, what it does, address, hours (as at printing), phone,
 * languages, who can get it, the cost, what to bring, and its link or
 * vCard as a QR code. Input: const JkService *. */
extern const JkDocumentKind jk_document_service_slip;

/* The usage report staff print: one counter from first_day to last_day
 * (YYYY-MM-DD; by hour when they are the same day) as a bar chart and a
 * table, hours below 5 withheld (jk-usage-chart.h). Input: const
 * JkUsageReportInput *; bars are the counter's as shown on screen
 * (jk-usage-chart.h's JkUsageBar), so the paper says what staff saw. */
typedef struct {
  char *first_day;
  char *last_day;
  char *what;              /* a counter's key: "visits" */
  GArray *bars;            /* JkUsageBar */
} JkUsageReportInput;
extern const JkDocumentKind jk_document_usage_report;

/* "My interests": the quiz's results (jk-interests.h), pay and open jobs
 * filled in, at most a page of occupations grouped by preparation, with
 * what the quiz is and O*NET's attribution. */
typedef struct {
  const JkInterestResult *result;
} JkInterestSheetInput;

extern const JkDocumentKind jk_document_interest_sheet;
/* The result of a typing test: the date (context->printed_at), the
 * center (the header's), how long it lasted, gross and net words per
 * minute, accuracy and the errors' count; never what was typed. Input:
 * const JkTypingSheetInput *. */
typedef struct {
  guint minutes;           /* 1, 3 or 5 */
  double gross_wpm;
  double net_wpm;
  double accuracy;         /* 0 to 1 */
  guint errors;
} JkTypingSheetInput;
extern const JkDocumentKind jk_document_typing_sheet;
/* One orientation page (jk-orientation.h) as the kiosk shows it: its
 * headings, paragraphs and lists with their emphasis, and its pictures in
 * their places (loaded with gdk-pixbuf at 144 dpi, no wider than the column
 * nor taller than a third of the body, on the next page when they do not
 * fit); a picture that cannot be loaded prints its words in italics.
 * Input: const JkOrientationDocInput *. */
typedef struct {
  GPtrArray *blocks;       /* JkOrientationBlock * */
} JkOrientationDocInput;
extern const JkDocumentKind jk_document_orientation;

const char  *jk_resume_template_to_string   (JkResumeTemplate template_id);
gboolean     jk_resume_template_from_string (const char       *text,
                                             JkResumeTemplate *template_id);

GQuark       jk_document_error_quark        (void);

/* The kind with this id, or NULL. */
const JkDocumentKind *jk_document_kind_lookup (const char *id);
/* Renders input as kind on this thread, its words in context->language. */
JkDocument  *jk_document_render             (const JkDocumentKind    *kind,
                                             const JkDocumentContext *context,
                                             gconstpointer            input,
                                             GError                 **error);

/* The same, but the PDF is written only when jk_document_get_pdf (or
 * _save) first asks for it, on that caller's thread: a live preview needs
 * only the pages (jk_document_render_preview). */
JkDocument  *jk_document_render_pages       (const JkDocumentKind    *kind,
                                             const JkDocumentContext *context,
                                             gconstpointer            input,
                                             GError                 **error);

/* A printout asked for now and rendered later on a worker (to print, to
 * email): its kind, a copy of its input, and the context as it was when
 * asked (the visitor's language, the time); owns all of them. */
typedef struct {
  const JkDocumentKind *kind;
  gpointer input;
  JkDocumentContext context;
} JkDocumentRequest;

/* Copies input (kind->copy_input) and context's strings; refs printed_at. */
JkDocumentRequest *jk_document_request_new    (const JkDocumentKind    *kind,
                                               gconstpointer            input,
                                               const JkDocumentContext *context);
JkDocument  *jk_document_request_render     (const JkDocumentRequest *request,
                                             GError                 **error);
char        *jk_document_request_render_text (const JkDocumentRequest *request);
void         jk_document_request_free       (JkDocumentRequest       *request);

/* kind's plain text for input, or NULL when it has none. */
char        *jk_document_render_text        (const JkDocumentKind    *kind,
                                             const JkDocumentContext *context,
                                             gconstpointer            input);

/* NULL only when a document of jk_document_render_pages cannot be written. */
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
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkDocumentRequest, jk_document_request_free)

G_END_DECLS
