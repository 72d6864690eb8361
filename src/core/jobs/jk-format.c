/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-format.c: dates and times in the visitor's language */

#define G_LOG_DOMAIN "jk-format"

#include <jobkiosk/jk-i18n.h>
#include <math.h>
#include <string.h>

#include "jobkiosk/jk-format.h"
#include "jobs/jk-vocabulary-private.h"

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
jk_format_date_with_year (GDateTime *time)
{
  /* TRANSLATORS: a day with its year: the month's name, the day, the year ("June 3, 2026") */
  return g_strdup_printf (_("%1$s %2$d, %3$d"), jk_format_month_name (g_date_time_get_month (time)),
                          g_date_time_get_day_of_month (time), g_date_time_get_year (time));
}

char *
jk_format_date_short (GDateTime *time)
{
  /* TRANSLATORS: short month name and day of month: "Nov 22" */
  return g_strdup_printf (_("%1$s %2$d"),
                          jk_pgettext ("abbreviated month",
                                        month_abbreviations[g_date_time_get_month (time) - 1]),
                          g_date_time_get_day_of_month (time));
}

/* ---------------------------------------------------------------------- */
/* Postings                                                               */

/* The digits of a whole number in groups of three, separated by sep. */
static void
append_grouped (GString    *out,
                gint64      value,
                const char *sep)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && digits[i - 1] != '-' && (n - i) % 3 == 0)
        g_string_append (out, sep);
      g_string_append_c (out, digits[i]);
    }
}

/* "$16.25", "$45,000": cents for hourly pay and odd amounts, as postings
 * write them. */
static char *
format_money (double         amount,
              JkSalaryPeriod period)
{
  gboolean cents = period == JK_SALARY_PERIOD_HOUR || fabs (amount - round (amount)) >= 0.005;

  return jk_format_dollars (amount, cents);
}

static gboolean
is_amount (double value)
{
  return isfinite (value) && value > 0 && value < 1e9;
}

/* "$16.25–$18.00 an hour"; the feed's own words when it gave no numbers;
 * else "Pay not listed". */
char *
jk_format_pay (const JkJob *job)
{
  gboolean has_min = is_amount (job->salary_min);
  gboolean has_max = is_amount (job->salary_max);
  g_autofree char *amount = NULL;

  if (has_min && has_max && fabs (job->salary_max - job->salary_min) >= 0.005)
    {
      g_autofree char *low = format_money (MIN (job->salary_min, job->salary_max), job->salary_period);
      g_autofree char *high = format_money (MAX (job->salary_min, job->salary_max), job->salary_period);

      /* TRANSLATORS: a pay range: lowest and highest amount */
      amount = g_strdup_printf (_("%1$s–%2$s"), low, high);
    }
  else if (has_min && has_max)
    amount = format_money (job->salary_min, job->salary_period);
  else if (has_min)
    {
      g_autofree char *low = format_money (job->salary_min, job->salary_period);

      /* TRANSLATORS: pay with only a lowest amount: "From $15.00" */
      amount = g_strdup_printf (_("From %s"), low);
    }
  else if (has_max)
    {
      g_autofree char *high = format_money (job->salary_max, job->salary_period);

      /* TRANSLATORS: pay with only a highest amount: "Up to $18.00" */
      amount = g_strdup_printf (_("Up to %s"), high);
    }
  else if (job->salary_text != NULL && job->salary_text[0] != '\0')
    return g_strdup (job->salary_text);
  else
    return g_strdup (_("Pay not listed"));

  return jk_format_per_period (amount, job->salary_period);
}

char *
jk_format_per_period (const char     *amount,
                      JkSalaryPeriod  period)
{
  switch (period)
    {
    case JK_SALARY_PERIOD_HOUR:
      /* TRANSLATORS: pay per hour: an amount or range, "$16.25–$18.00 an hour" */
      return g_strdup_printf (_("%s an hour"), amount);
    case JK_SALARY_PERIOD_DAY:
      /* TRANSLATORS: pay per day: an amount or range */
      return g_strdup_printf (_("%s a day"), amount);
    case JK_SALARY_PERIOD_WEEK:
      /* TRANSLATORS: pay per week: an amount or range */
      return g_strdup_printf (_("%s a week"), amount);
    case JK_SALARY_PERIOD_MONTH:
      /* TRANSLATORS: pay per month: an amount or range */
      return g_strdup_printf (_("%s a month"), amount);
    case JK_SALARY_PERIOD_YEAR:
      /* TRANSLATORS: pay per year: an amount or range, "$45,000 a year" */
      return g_strdup_printf (_("%s a year"), amount);
    case JK_SALARY_PERIOD_NONE:
    default:
      return g_strdup (amount);
    }
}

static const char *
get_employment_type_word (const char *type)
{
  /* TRANSLATORS: kinds of work schedule on a printed job posting */
  if (g_str_equal (type, "full-time"))
    return _("Full-time");
  if (g_str_equal (type, "part-time"))
    return _("Part-time");
  if (g_str_equal (type, "temporary"))
    return _("Temporary");
  if (g_str_equal (type, "contract"))
    return _("Contract");
  if (g_str_equal (type, "internship"))
    return _("Internship");
  if (g_str_equal (type, "seasonal"))
    return _("Seasonal");
  if (g_str_equal (type, "per-diem"))
    return _("Per diem");
  if (g_str_equal (type, "volunteer"))
    return _("Volunteer");
  return NULL;
}

char *
jk_format_employment_type (const char *types)
{
  g_auto (GStrv) parts = NULL;
  g_autoptr (GString) out = g_string_new (NULL);

  if (types == NULL)
    return NULL;
  parts = g_strsplit (types, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *word = get_employment_type_word (g_strstrip (parts[i]));

      if (word == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, word);
    }
  return out->len > 0 ? g_strdup (out->str) : NULL;
}

/* Whether folded text holds any of words (folded too), each from the
 * start of a word ("ged", not "managed"). */
static gboolean
mentions (const char        *folded,
          const char *const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    for (const char *at = strstr (folded, words[i]); at != NULL; at = strstr (at + 1, words[i]))
      if (at == folded || !g_ascii_isalnum (at[-1]))
        return TRUE;
  return FALSE;
}

char *
jk_format_place (const JkJob *job,
                 gboolean     with_postal_code)
{
  g_autoptr (GString) where = g_string_new (NULL);

  switch (jk_job_get_place (job))
    {
    case JK_JOB_PLACE_REMOTE:
      return g_strdup (_("Remote"));
    case JK_JOB_PLACE_NOT_GIVEN:
      return g_strdup (_("Place not given"));
    case JK_JOB_PLACE_GIVEN:
    default:
      break;
    }
  if (job->city != NULL)
    g_string_append (where, job->city);
  if (job->state != NULL)
    g_string_append_printf (where, "%s%s", where->len > 0 ? ", " : "", job->state);
  /* A ZIP alone still says where, even where it is not asked for. */
  if (job->postal_code != NULL && (with_postal_code || where->len == 0))
    g_string_append_printf (where, "%s%s", where->len > 0 ? " " : "", job->postal_code);
  return g_string_free (g_steal_pointer (&where), FALSE);
}

char *
jk_format_education (const char *education)
{
  static const char *const none[] = { "no degree", "not required", "no diploma", "no education", "none",
                                      "no se requiere", "sin estudios", "sin titulo", NULL };
  static const char *const training[] = { "training provided", "will train", "we train", "on the job training",
                                          "capacitacion", "entrenamiento", NULL };
  static const char *const doctorate[] = { "doctorate", "doctoral", "phd", "ph.d", "doctorado", NULL };
  static const char *const master[] = { "master's", "masters degree", "master degree", "maestria", NULL };
  static const char *const bachelor[] = { "bachelor", "four-year degree", "4-year degree", "college degree",
                                          "university degree", "licenciatura", "b.a.", "b.s.", NULL };
  static const char *const associate[] = { "associate degree", "associate's", "associates degree", "two-year degree",
                                           "2-year degree", NULL };
  static const char *const some_college[] = { "some college", "enrolled in college", "college student",
                                              "college coursework", NULL };
  static const char *const trade[] = { "trade school", "vocational", "technical school", NULL };
  static const char *const certificate[] = { "certificate", "certification", "certified", "license", "licence",
                                             "cdl", "stna", "certificado", "licencia", NULL };
  static const char *const high_school[] = { "high school", "ged", "diploma", "secundaria", "preparatoria", NULL };
  static const char *const preferred[] = { "preferred", "a plus", "desired", "preferible", "deseable", NULL };
  g_autofree char *folded = NULL;
  const char *category;

  if (education == NULL)
    return NULL;
  folded = jk_vocabulary_fold (education);
  /* From the most to the least specific: "Bachelor's degree not
   * required" asks for none, "Some college" is not a degree. */
  if (mentions (folded, none))
    /* TRANSLATORS: the schooling a job asks for, in the kiosk's own words */
    category = _("No degree needed");
  else if (mentions (folded, training))
    category = _("Training provided");
  else if (mentions (folded, doctorate))
    category = _("Doctorate");
  else if (mentions (folded, master))
    category = _("Master's degree");
  else if (mentions (folded, some_college))
    category = _("Some college");
  else if (mentions (folded, bachelor))
    category = _("Bachelor's degree");
  else if (mentions (folded, associate))
    category = _("Associate degree");
  else if (mentions (folded, trade))
    category = _("Trade school");
  else if (mentions (folded, certificate))
    {
      /* Which one matters ("CDL-A license"): in the feed's words beside it. */
      g_autofree char *kind = g_strdup (education);

      for (guint i = 0; preferred[i] != NULL; i++)
        {
          g_autofree char *lower = g_ascii_strdown (kind, -1);
          char *at = strstr (lower, preferred[i]);

          if (at != NULL)
            kind[at - lower] = '\0';
        }
      g_strstrip (kind);
      if (mentions (folded, preferred))
        /* TRANSLATORS: "Certificate or license (Welding certificate), preferred": the feed's words in brackets */
        return g_strdup_printf (_("Certificate or license (%s), preferred"), kind);
      /* TRANSLATORS: "Certificate or license (CDL-A license)": the feed's own words in brackets */
      return g_strdup_printf (_("Certificate or license (%s)"), kind);
    }
  else if (mentions (folded, high_school))
    category = _("High school diploma or GED");
  else
    return g_strdup (education);
  if (mentions (folded, preferred))
    /* TRANSLATORS: schooling a job would like but does not ask for: "High school diploma or GED, preferred" */
    return g_strdup_printf (_("%s, preferred"), category);
  return g_strdup (category);
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
    return g_strdup_printf (jk_ngettext ("Posted %d day ago", "Posted %d days ago", days), days);
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
jk_format_count (gint64 count)
{
  GString *out = g_string_new (NULL);

  /* TRANSLATORS: the thousands separator in "1,240 jobs" */
  append_grouped (out, count, C_ ("thousands separator", ","));
  return g_string_free (out, FALSE);
}

char *
jk_format_dollars (double   amount,
                   gboolean cents)
{
  gint64 total = (gint64) llround (amount * 100);
  GString *out = g_string_new ("$");

  /* US dollars are written the US way in both languages, as on the
   * postings and the BLS tables. */
  append_grouped (out, cents ? total / 100 : (gint64) llround (amount), ",");
  if (cents)
    g_string_append_printf (out, ".%02d", (int) (total % 100));
  return g_string_free (out, FALSE);
}

char *
jk_format_job_count (gint64 count)
{
  g_autofree char *digits = jk_format_count (count);

  return g_strdup_printf (jk_ngettext ("%s job", "%s jobs", (gulong) count), digits);
}
