/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "jk-job.h"

G_BEGIN_DECLS

/* Dates and times the way a visitor reads them, in the current language,
 * whatever locales the system has installed. */
char        *jk_format_time_of_day   (GDateTime *time);   /* "2:45 PM" */
char        *jk_format_date_long     (GDateTime *time);   /* "Sunday, November 22" */
char        *jk_format_date_short    (GDateTime *time);   /* "Nov 22" */
char        *jk_format_date_with_year (GDateTime *time);  /* "June 3, 2026" */
const char  *jk_format_month_name    (int        month);  /* 1..12 */
const char  *jk_format_weekday_name  (int        weekday);/* 1 = Monday .. 7 */

/* Pay as a visitor reads it: "$16.25–$18.00 an hour", "$38,000 a year",
 * the feed's own words when it gave no numbers ("DOE"), or "Pay not listed". */
char        *jk_format_pay           (const JkJob *job);
/* An amount (or range) with its period: "$16.25 an hour", "16 dollars a
 * year"; the amount alone for NONE. */
char        *jk_format_per_period    (const char    *amount,
                                      JkSalaryPeriod period);
/* Where the work is: "Dayton, OH" (with_postal_code: "Dayton, OH 45402"),
 * or why no place is shown: "Remote", "Place not given". */
char        *jk_format_place         (const JkJob *job,
                                      gboolean     with_postal_code);
/* "Full-time", "Part-time, Temporary"; NULL when unknown. */
char        *jk_format_employment_type (const char *type);
/* The kiosk's own words for a feed's education value, in the current
 * language ("No degree needed", "High school diploma or GED"); the feed's
 * own words when it is not one the kiosk knows; NULL for NULL. */
char        *jk_format_education     (const char *education);
/* "Posted today", "Posted yesterday", "Posted 3 days ago", "Posted Nov 2". */
char        *jk_format_posted        (gint64     posted,
                                      GDateTime *now);
/* "Closes Dec 31", "Closes today"; NULL when unknown. */
char        *jk_format_closes        (gint64     expires,
                                      GDateTime *now);
/* "1,240": a count with the language's thousands separator. */
char        *jk_format_count         (gint64     count);
/* "$16.25" with cents, "$45,000" without (rounded to whole dollars). */
char        *jk_format_dollars       (double     amount,
                                      gboolean   cents);
/* "1 job", "1,240 jobs". */
char        *jk_format_job_count     (gint64     count);

G_END_DECLS
