/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "jk-job.h"
#include "jk-store.h"

G_BEGIN_DECLS

typedef enum {
  JK_SEARCH_SORT_BEST,    /* best match (newest first without words) */
  JK_SEARCH_SORT_NEWEST,
  JK_SEARCH_SORT_PAY,     /* highest pay first, hourly-equivalent */
} JkSearchSort;

/* What a visitor (or jobkioskctl jobs search) asks for. Any text is safe:
 * words are quoted for FTS5, never passed through as query syntax. */
typedef struct {
  const char *text;           /* words, or NULL/"" for everything */
  const char *where;          /* a city ("Columbus", "Columbus, OH") or a ZIP, or NULL */
  const char *employment_type;/* "full-time", "part-time", "temporary", "contract", "internship", or NULL */
  double min_pay;             /* 0 for no minimum */
  JkSalaryPeriod min_pay_per; /* the period min_pay is in (hour or year) */
  guint posted_within_days;   /* 0 for any time */
  JkSearchSort sort;
  guint limit;                /* 0 means 20 */
  guint offset;
  gint64 now;                 /* what "expired" is measured against */
} JkSearchQuery;

/* A stored posting as search and details show it. */
typedef struct {
  gint64 id;
  char *source;
  gint64 first_seen;
  JkJob *job;
} JkJobRecord;

/* Active postings only (not expired, not removed, not a duplicate). */
GPtrArray   *jk_search_jobs          (JkStore             *store,
                                      const JkSearchQuery *query,
                                      GError             **error);
/* How many active postings match, exactly. */
gint64       jk_search_count         (JkStore             *store,
                                      const JkSearchQuery *query,
                                      GError             **error);
/* One posting with its description, or NULL with JK_JOBS_ERROR_NOT_FOUND. */
JkJobRecord *jk_search_get           (JkStore             *store,
                                      gint64               id,
                                      GError             **error);
void         jk_job_record_free      (JkJobRecord         *record);

/* The FTS5 expression for visitor text: each word quoted, all required, the
 * last one also matched as a prefix. NULL when the text has no words. */
char        *jk_search_build_match   (const char          *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkJobRecord, jk_job_record_free)

G_END_DECLS
