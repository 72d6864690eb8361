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
  JK_SEARCH_SORT_CLOSEST, /* nearest to the origin first (needs has_origin) */
} JkSearchSort;

/* A stored posting as search and details show it. */
typedef struct {
  gint64 id;
  char *source;
  gint64 first_seen;
  JkJob *job;
} JkJobRecord;

/* What a visitor (or jobkioskctl jobs search) asks for. Any text is safe:
 * words are quoted for FTS5, never passed through as query syntax. */
typedef struct {
  const char *text;           /* words, or NULL/"" for everything */
  gboolean typing;            /* the text is still being typed: its last word
                                 (3 letters or more) also matches as a prefix */
  const char *where;          /* a city ("Columbus", "Columbus, OH"), or a ZIP: within 15 miles
                                 of it when its centroid is known, else that ZIP; or NULL */
  const char *employment_type;/* "full-time", "part-time", "temporary", "contract", "internship", or NULL */
  double min_pay;             /* 0 for no minimum */
  JkSalaryPeriod min_pay_per; /* the period min_pay is in (hour or year) */
  guint posted_within_days;   /* 0 for any time */
  gboolean no_degree;         /* leave out postings that ask for a college degree */
  gboolean has_origin;        /* the kiosk's place is known: distances work */
  double origin_latitude;
  double origin_longitude;
  double max_miles;           /* 0 for any distance; needs has_origin */
  gboolean include_unplaced;  /* with where or max_miles: postings that name no
                                 place (or are remote) follow the nearby ones */
  JkSearchSort sort;
  guint limit;                /* 0 means 20 */
  guint offset;
  const JkJobRecord *after;   /* the last record of the page before, or NULL: listings
                                 without words then continue after it, whatever offset
                                 says, at the cost of a first page */
  gint64 now;                 /* what "expired" is measured against */
} JkSearchQuery;

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
JkJobRecord *jk_job_record_copy      (const JkJobRecord   *record);
void         jk_job_record_free      (JkJobRecord         *record);

/* The most common titles among the newest active postings, for suggestion chips. */
GStrv        jk_search_popular_titles (JkStore            *store,
                                      gint64              now,
                                      guint               count,
                                      GError            **error);
/* A word from the listings close in spelling to the visitor's word
 * ("cashier" for "cashire"), or NULL. */
char        *jk_search_suggest_spelling (JkStore          *store,
                                        const char        *text,
                                        GError           **error);

/* The FTS5 expression for visitor text: each word quoted, all required.
 * With typing and title_match, a last word still being typed (three
 * letters or more) is left out of it and set in *title_match instead, as
 * a prefix, for the titles-and-employers index. NULL when the text has
 * no (other) words. */
char        *jk_search_build_match   (const char          *text,
                                      gboolean             typing,
                                      char               **title_match);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkJobRecord, jk_job_record_free)

G_END_DECLS
