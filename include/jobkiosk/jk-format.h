/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates and times the way a visitor reads them, in the current language,
 * whatever locales the system has installed. */
char        *jk_format_time_of_day   (GDateTime *time);   /* "2:45 PM" */
char        *jk_format_date_long     (GDateTime *time);   /* "Sunday, November 22" */
char        *jk_format_date_short    (GDateTime *time);   /* "Nov 22" */
const char  *jk_format_month_name    (int        month);  /* 1..12 */
const char  *jk_format_weekday_name  (int        weekday);/* 1 = Monday .. 7 */

G_END_DECLS
