/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-usage.h: self-service traffic counts by day, hour and counter, with no identity; the daily report */
#pragma once

#include <glib.h>

#include "jk-config.h"
#include "jk-store.h"

G_BEGIN_DECLS

#define JK_USAGE_ERROR (jk_usage_error_quark ())

typedef enum {
  JK_USAGE_ERROR_BAD_INPUT,
  JK_USAGE_ERROR_FAILED,
} JkUsageError;

/* The counters, as keys (usage_hours.what, CSV and JSON) and words. A
 * counter with a part after ':' is one of a family: "walk-in:resume",
 * "screen:search". */
#define JK_USAGE_COUNTERS \
  X (VISITS, "visits", N_("Visits")) \
  X (SEARCHES, "searches", N_("Searches")) \
  X (JOBS_VIEWED, "jobs-viewed", N_("Jobs viewed")) \
  X (QR_SHOWN, "qr-shown", N_("QR codes shown")) \
  X (PAGES_PRINTED, "pages-printed", N_("Pages printed")) \
  X (CHECKINS, "checkins", N_("Check-ins")) \
  X (WALKINS, "walk-ins", N_("Walk-ins"))

/* Counts below this, for one hour, are not shown or sent: they could
 * point at one person. */
#define JK_USAGE_MIN_SHOWN 5

/* The families: "walk-in:" and a key of JK_WALKIN_REASONS (jk-checkin.h),
 * "screen:" and a page's name, "referral:" and a service category's key
 * (jk-services.h) or "other": referrals to a partner by category. */
#define JK_USAGE_WALKIN_PREFIX "walk-in:"
#define JK_USAGE_REFERRAL_PREFIX "referral:"
#define JK_USAGE_SCREEN_PREFIX "screen:"

typedef struct {
  char day[11];                 /* YYYY-MM-DD */
  guint8 hour;                  /* 0-23 */
  char *what;
  gint64 count;
} JkUsageRow;

/* One counter's day: count is exact (every hour, shown or not);
 * shown_hours is what the hours shown add up to. withheld: the total
 * less the hours shown would tell a count from 1 to 4, so the total is
 * not shown either. */
typedef struct {
  char day[11];
  char *what;
  gint64 count;
  gint64 shown_hours;
  gboolean withheld;
} JkUsageTotal;

/* Adds n to a counter for now's local hour, and to its day's total,
 * inside the caller's transaction on a writer. */
gboolean     jk_usage_add          (JkStore     *store,
                                    const char  *what,
                                    gint64       n,
                                    gint64       now,
                                    GError     **error);
/* Adds a visit's counts (what -> GINT_TO_POINTER (n)) in one transaction
 * of its own: the window calls it at the wipe, from a GTask. */
gboolean     jk_usage_add_counts   (const char  *database_path,
                                    GHashTable  *counts,
                                    gint64       now,
                                    GError     **error);
/* Rows from first_day to last_day (YYYY-MM-DD, both included), by day,
 * hour, counter. */
GPtrArray   *jk_usage_query        (const char  *database_path,
                                    const char  *first_day,
                                    const char  *last_day,
                                    GError     **error);   /* JkUsageRow */
/* Each day's total per counter from first_day to last_day, as
 * jk_usage_add keeps them (JkUsageTotal, by day then counter, withheld
 * set as jk_usage_day_totals sets it): what a long range is drawn from,
 * 365 rows a counter for a year where jk_usage_query reads 8 760. */
GPtrArray   *jk_usage_query_totals (const char  *database_path,
                                    const char  *first_day,
                                    const char  *last_day,
                                    GError     **error);   /* JkUsageTotal */
/* CSV (RFC 4180, CRLF): day,hour,counter,count,note; hours with a count
 * below JK_USAGE_MIN_SHOWN are left out; each day's totals (hour empty,
 * the note says so) follow its hours, exact unless withheld
 * (JkUsageTotal). */
char        *jk_usage_to_csv       (GPtrArray   *rows);
/* The day's summary: sealed into the outbox for [usage] report-endpoint
 * and written as CSV into [usage] report-dir, each where configured. */
gboolean     jk_usage_report_day   (const JkConfig *config,
                                    const char     *database_path,
                                    const char     *day,
                                    gint64          now,
                                    GError        **error);
const char  *jk_usage_counter_label (const char *what);   /* untranslated msgid, or NULL */

/* Whether an hour's row may be shown: count >= JK_USAGE_MIN_SHOWN. */
gboolean     jk_usage_row_shown    (const JkUsageRow *row);
/* Each day's total per counter, by day then counter (JkUsageTotal). */
GPtrArray   *jk_usage_day_totals   (GPtrArray   *rows);
/* A key of JK_USAGE_COUNTERS or of a family; a day as YYYY-MM-DD. */
gboolean     jk_usage_key_is_valid (const char  *what);
gboolean     jk_usage_day_is_valid (const char  *day);

void         jk_usage_row_free     (JkUsageRow  *row);
void         jk_usage_total_free   (JkUsageTotal *total);
GQuark       jk_usage_error_quark  (void);

G_END_DECLS
