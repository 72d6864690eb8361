/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-format.c: dates and times in the visitor's language */

#define G_LOG_DOMAIN "jk-format"

#include <glib/gi18n-lib.h>

#include "jobkiosk/jk-format.h"

/* Names come from our own catalogue, not LC_TIME: a kiosk switches
 * language per visitor and cannot count on system locales being installed. */
static const char *const month_names[] = {
  N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
  N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

static const char *const month_abbreviations[] = {
  NC_("abbreviated month", "Jan"), NC_("abbreviated month", "Feb"), NC_("abbreviated month", "Mar"),
  NC_("abbreviated month", "Apr"), NC_("abbreviated month", "May"), NC_("abbreviated month", "Jun"),
  NC_("abbreviated month", "Jul"), NC_("abbreviated month", "Aug"), NC_("abbreviated month", "Sep"),
  NC_("abbreviated month", "Oct"), NC_("abbreviated month", "Nov"), NC_("abbreviated month", "Dec"),
};

static const char *const weekday_names[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
  N_("Friday"), N_("Saturday"), N_("Sunday"),
};

const char *
jk_format_month_name (int month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return _(month_names[month - 1]);
}

const char *
jk_format_weekday_name (int weekday)
{
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, "");
  return _(weekday_names[weekday - 1]);
}

char *
jk_format_time_of_day (GDateTime *time)
{
  int hour = g_date_time_get_hour (time);
  int minute = g_date_time_get_minute (time);
  int hour12 = hour % 12 == 0 ? 12 : hour % 12;

  if (hour < 12)
    /* TRANSLATORS: a time of day before noon: hour, minute */
    return g_strdup_printf (_("%d:%02d AM"), hour12, minute);
  /* TRANSLATORS: a time of day after noon: hour, minute */
  return g_strdup_printf (_("%d:%02d PM"), hour12, minute);
}

char *
jk_format_date_long (GDateTime *time)
{
  /* TRANSLATORS: weekday, month name, day of month: "Sunday, November 22" */
  return g_strdup_printf (_("%1$s, %2$s %3$d"),
                          jk_format_weekday_name (g_date_time_get_day_of_week (time)),
                          jk_format_month_name (g_date_time_get_month (time)),
                          g_date_time_get_day_of_month (time));
}

char *
jk_format_date_short (GDateTime *time)
{
  /* TRANSLATORS: short month name and day of month: "Nov 22" */
  return g_strdup_printf (_("%1$s %2$d"),
                          g_dpgettext2 (GETTEXT_PACKAGE, "abbreviated month",
                                        month_abbreviations[g_date_time_get_month (time) - 1]),
                          g_date_time_get_day_of_month (time));
}
