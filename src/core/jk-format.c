/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-format.c: dates and times in the visitor's language */

#define G_LOG_DOMAIN "jk-format"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

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

/* ---------------------------------------------------------------------- */
/* Postings                                                               */

/* "$16.25", "$18", "$38,000": cents only when there are any. */
static char *
format_money (double amount)
{
  g_autoptr (GString) digits = NULL;
  gint64 whole = (gint64) floor (amount);
  int cents = (int) lround ((amount - (double) whole) * 100);
  g_autofree char *plain = NULL;
  int length;

  if (cents == 100)
    {
      whole++;
      cents = 0;
    }
  plain = g_strdup_printf ("%" G_GINT64_FORMAT, whole);
  length = (int) strlen (plain);
  digits = g_string_new ("$");
  for (int i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append_c (digits, ',');
      g_string_append_c (digits, plain[i]);
    }
  if (cents != 0)
    g_string_append_printf (digits, ".%02d", cents);
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

char *
jk_format_pay (const JkJob *job)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  g_autofree char *amount = NULL;

  if (isnan (job->salary_min) && isnan (job->salary_max))
    {
      if (job->salary_text != NULL && job->salary_text[0] != '\0')
        return g_strdup (job->salary_text);
      return g_strdup (_("Pay not listed"));
    }
  low = format_money (!isnan (job->salary_min) ? job->salary_min : job->salary_max);
  high = format_money (!isnan (job->salary_max) ? job->salary_max : job->salary_min);
  /* TRANSLATORS: a pay range: "$16.25–$18.00" */
  amount = g_str_equal (low, high) ? g_strdup (low) : g_strdup_printf (_("%s–%s"), low, high);

  switch (job->salary_period)
    {
    case JK_SALARY_PERIOD_HOUR:
      return g_strdup_printf (_("%s an hour"), amount);
    case JK_SALARY_PERIOD_DAY:
      return g_strdup_printf (_("%s a day"), amount);
    case JK_SALARY_PERIOD_WEEK:
      return g_strdup_printf (_("%s a week"), amount);
    case JK_SALARY_PERIOD_MONTH:
      return g_strdup_printf (_("%s a month"), amount);
    case JK_SALARY_PERIOD_YEAR:
      return g_strdup_printf (_("%s a year"), amount);
    case JK_SALARY_PERIOD_NONE:
    default:
      return g_steal_pointer (&amount);
    }
}

char *
jk_format_employment_type (const char *type)
{
  static const struct {
    const char *key;
    const char *label;
  } labels[] = {
    { "full-time", N_("Full-time") },
    { "part-time", N_("Part-time") },
    { "temporary", N_("Temporary") },
    { "contract", N_("Contract") },
    { "internship", N_("Internship") },
    { "seasonal", N_("Seasonal") },
    { "per-diem", N_("Per diem") },
    { "volunteer", N_("Volunteer") },
  };
  g_auto (GStrv) parts = NULL;
  g_autoptr (GString) text = g_string_new (NULL);

  if (type == NULL || type[0] == '\0')
    return NULL;
  parts = g_strsplit (type, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    for (gsize k = 0; k < G_N_ELEMENTS (labels); k++)
      if (g_str_equal (parts[i], labels[k].key))
        {
          if (text->len > 0)
            g_string_append (text, ", ");
          g_string_append (text, _(labels[k].label));
        }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* Whole days between two moments in the kiosk's own time zone. */
static int
days_between (gint64     then,
              GDateTime *now)
{
  g_autoptr (GDateTime) then_utc = g_date_time_new_from_unix_utc (then);
  g_autoptr (GDateTime) then_local = g_date_time_to_timezone (then_utc, g_date_time_get_timezone (now));
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_dmy (&a, g_date_time_get_day_of_month (then_local), g_date_time_get_month (then_local),
                  g_date_time_get_year (then_local));
  g_date_set_dmy (&b, g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));
  return g_date_days_between (&a, &b);
}

char *
jk_format_posted (gint64     posted,
                  GDateTime *now)
{
  int days;

  if (posted == 0)
    return NULL;
  days = days_between (posted, now);
  if (days <= 0)
    return g_strdup (_("Posted today"));
  if (days == 1)
    return g_strdup (_("Posted yesterday"));
  if (days < 30)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Posted %d day ago", "Posted %d days ago", days), days);
  {
    g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (posted);
    g_autoptr (GDateTime) local = g_date_time_to_timezone (utc, g_date_time_get_timezone (now));
    g_autofree char *date = jk_format_date_short (local);
    /* TRANSLATORS: "Posted Nov 2" */
    return g_strdup_printf (_("Posted %s"), date);
  }
}

char *
jk_format_closes (gint64     expires,
                  GDateTime *now)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *date = NULL;

  if (expires == 0)
    return NULL;
  if (days_between (expires, now) == 0)
    return g_strdup (_("Closes today"));
  utc = g_date_time_new_from_unix_utc (expires);
  local = g_date_time_to_timezone (utc, g_date_time_get_timezone (now));
  date = jk_format_date_short (local);
  /* TRANSLATORS: "Closes Dec 31" */
  return g_strdup_printf (_("Closes %s"), date);
}

char *
jk_format_job_count (gint64 count)
{
  g_autofree char *plain = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  g_autoptr (GString) digits = g_string_new (NULL);
  int length = (int) strlen (plain);

  for (int i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        /* TRANSLATORS: the thousands separator in "1,240 jobs" */
        g_string_append (digits, C_("thousands separator", ","));
      g_string_append_c (digits, plain[i]);
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s job", "%s jobs", (gulong) count), digits->str);
}
