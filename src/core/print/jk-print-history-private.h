/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The print history (jk-print-history.c): rows of the print_jobs table,
 * their states, the pages counted against the limits, and the kept copy
 * of a held job's PDF. */

#include "jobkiosk/jk-print.h"

G_BEGIN_DECLS

/* Row states of print_jobs; canceled and failed rows do not count against the limits. */
#define STATE_HELD     "held"
#define STATE_PRINTING "printing"
#define STATE_PRINTED  "printed"
#define STATE_WAITING  "waiting"
#define STATE_CANCELED "canceled"
#define STATE_FAILED   "failed"

/* A print_jobs row. */
typedef struct {
  gint64   id;
  int      cups_job_id;
  char    *kind;
  guint    pages;
  guint    copies;
  guint    visit;
  gint64   submitted;
  gboolean held;
  char    *state;
  char    *message;
  char    *spool_path;
} Row;

/* "2026-11-22": the day a row counts for, in local time. */
char        *jk_print_history_format_day    (GDateTime            *now);
gint64       jk_print_history_now           (void);
/* A row's state column as the public enum. */
JkPrintJobState jk_print_history_parse_state (const char *state);
/* Pages (× copies) of the day, of one visit when visit != 0; G_MAXUINT
 * when they cannot be counted. */
guint        jk_print_history_sum_pages     (JkStore              *store,
                                             const char           *day,
                                             guint                 visit);
gint64       jk_print_history_insert        (JkStore              *store,
                                             const char           *printer,
                                             const char           *kind,
                                             guint                 pages,
                                             guint                 copies,
                                             const char           *day,
                                             guint                 visit,
                                             gint64                submitted,
                                             gboolean              held,
                                             GError              **error);
gboolean     jk_print_history_update_column (JkStore              *store,
                                             gint64                id,
                                             const char           *sql,
                                             const char           *text,
                                             gint64                number,
                                             GError              **error);
void         jk_print_history_record_state  (JkStore              *store,
                                             gint64                id,
                                             const char           *state,
                                             gint64                finished,
                                             const char           *message);
void         jk_print_row_clear             (Row                  *row);
gboolean     jk_print_history_load_row      (JkStore              *store,
                                             gint64                id,
                                             Row                  *row,
                                             GError              **error);
void         jk_print_history_free_rows     (GPtrArray            *rows);
GPtrArray   *jk_print_history_load_rows     (JkStore              *store,
                                             const char           *where,
                                             const char           *text,
                                             gint64                number2,
                                             gint64                number3,
                                             GError              **error);
char        *jk_print_history_keep_copy     (const JkPrintOptions *options,
                                             gint64                id,
                                             GBytes               *pdf);
void         jk_print_history_drop_copy     (JkStore              *store,
                                             gint64                id,
                                             const char           *path);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Row, jk_print_row_clear)

G_END_DECLS
