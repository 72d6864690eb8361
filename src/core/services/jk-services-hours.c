/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-services-hours.c: whether a service is open at a given time, from its schedules, and the hours in plain words */

#define G_LOG_DOMAIN "jk-services"

#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-i18n.h>
#include <stdlib.h>
#include <string.h>

#include "jobkiosk/jk-services.h"
#include "services/jk-services-private.h"

static const char *const day_codes[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };
static const char *const day_words[] = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
format_date (GDateTime *time,
             char       out[11])
{
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_time_get_year (time), g_date_time_get_month (time),
              g_date_time_get_day_of_month (time));
}

/* Whether s applies on the day of day (its weekday and dates). */
static gboolean
applies (const JkServiceSchedule *s,
         GDateTime               *day)
{
  char date[11];

  format_date (day, date);
  if (s->days != 0 && (s->days & (1u << g_date_time_get_day_of_week (day))) == 0)
    return FALSE;
  if (s->valid_from[0] != '\0' && strcmp (date, s->valid_from) < 0)
    return FALSE;
  if (s->valid_to[0] != '\0' && strcmp (date, s->valid_to) > 0)
    return FALSE;
  return TRUE;
}

static gboolean
is_hours (const JkServiceSchedule *s)
{
  return !s->closed && s->opens >= 0 && s->closes >= 0;
}

/* Whether a closure shuts the day of day. */
static gboolean
closed_on (GPtrArray *schedules,
           GDateTime *day)
{
  for (guint i = 0; i < schedules->len; i++)
    {
      const JkServiceSchedule *s = schedules->pdata[i];

      if (s->closed && applies (s, day))
        return TRUE;
    }
  return FALSE;
}

/* day's midnight plus minutes (more than a day's when past midnight). */
static GDateTime *
at_minutes (GDateTime *day,
            int        minutes)
{
  g_autoptr (GDateTime) midnight = g_date_time_new (g_date_time_get_timezone (day), g_date_time_get_year (day),
                                                    g_date_time_get_month (day), g_date_time_get_day_of_month (day),
                                                    0, 0, 0);

  return g_date_time_add_minutes (midnight, minutes);
}

/* "5 PM", "5:30 PM". */
static char *
short_time (GDateTime *time)
{
  int hour = g_date_time_get_hour (time);
  int hour12 = hour % 12 == 0 ? 12 : hour % 12;

  if (g_date_time_get_minute (time) != 0)
    return jk_format_time_of_day (time);
  if (hour < 12)
    /* TRANSLATORS: a time of day on the hour, before noon: "9 AM" */
    return g_strdup_printf (_("%d AM"), hour12);
  /* TRANSLATORS: a time of day on the hour, after noon: "5 PM" */
  return g_strdup_printf (_("%d PM"), hour12);
}

/* A time of day given in minutes (past midnight wraps), as short_time says it. */
static char *
short_minutes (int minutes)
{
  g_autoptr (GDateTime) time = NULL;

  minutes %= 24 * 60;
  time = g_date_time_new_utc (2000, 1, 1, minutes / 60, minutes % 60, 0);
  return short_time (time);
}

static int
compare_intervals (gconstpointer a,
                   gconstpointer b)
{
  const int *x = a, *y = b;

  return x[0] != y[0] ? x[0] - y[0] : x[1] - y[1];
}

/* One weekday's hours (1 Monday .. 7 Sunday) in words, earliest first:
 * "9 AM to 12 PM and 1 PM to 5 PM"; NULL when it has none. Closures and
 * validity dates are left out: this is the usual week. */
static char *
day_hours_words (GPtrArray *schedules,
                 int        weekday)
{
  g_autoptr (GArray) intervals = g_array_new (FALSE, FALSE, sizeof (int) * 2);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < schedules->len; i++)
    {
      const JkServiceSchedule *s = schedules->pdata[i];
      int interval[2];

      if (!is_hours (s) || (s->days != 0 && (s->days & (1u << weekday)) == 0))
        continue;
      /* Open round the clock: nothing else that day needs saying. */
      if (s->opens == s->closes)
        return g_strdup (_("Open 24 hours"));
      interval[0] = s->opens;
      interval[1] = s->closes;
      g_array_append_vals (intervals, interval, 1);
    }
  if (intervals->len == 0)
    return NULL;
  g_array_sort (intervals, compare_intervals);
  for (guint i = 0; i < intervals->len; i++)
    {
      const int *interval = &g_array_index (intervals, int, i * 2);
      g_autofree char *opens = NULL;
      g_autofree char *closes = NULL;
      g_autofree char *range = NULL;

      /* Two rows giving the same hours say them once. */
      if (i > 0 && compare_intervals (interval, interval - 2) == 0)
        continue;
      opens = short_minutes (interval[0]);
      closes = short_minutes (interval[1]);
      /* TRANSLATORS: a service's hours on a day: "9 AM to 5 PM" */
      range = g_strdup_printf (C_("hours", "%1$s to %2$s"), opens, closes);
      if (text->len == 0)
        g_string_append (text, range);
      else
        {
          g_autofree char *joined = NULL;

          /* TRANSLATORS: two of a day's hours, or the last two days of a list: "9 AM to 12 PM and 1 PM to 5 PM" */
          joined = g_strdup_printf (_("%1$s and %2$s"), text->str, range);
          g_string_assign (text, joined);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The days of mask (bit 1 Monday .. 7 Sunday) in words: runs of three or
 * more as "Monday to Friday", the rest named, the last joined by "and". */
static char *
days_words (guint8 mask)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) text = g_string_new (NULL);

  if (mask == 0xfe)
    return g_strdup (_("Every day"));
  for (int d = 1; d <= 7; d++)
    {
      int end = d;

      if ((mask & (1u << d)) == 0)
        continue;
      while (end < 7 && (mask & (1u << (end + 1))) != 0)
        end++;
      if (end - d >= 2)
        /* TRANSLATORS: a run of days a service keeps the same hours: "Monday to Friday" */
        g_ptr_array_add (parts, g_strdup_printf (C_("weekdays", "%1$s to %2$s"), jk_format_weekday_name (d),
                                                 jk_format_weekday_name (end)));
      else
        for (int e = d; e <= end; e++)
          g_ptr_array_add (parts, g_strdup (jk_format_weekday_name (e)));
      d = end;
    }
  for (guint i = 0; i < parts->len; i++)
    {
      if (i == 0)
        g_string_append (text, parts->pdata[i]);
      else if (i + 1 < parts->len)
        g_string_append_printf (text, ", %s", (char *) parts->pdata[i]);
      else
        {
          g_autofree char *joined = g_strdup_printf (_("%1$s and %2$s"), text->str, (char *) parts->pdata[i]);

          g_string_assign (text, joined);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

guint8
jk_services_parse_days (const char *text)
{
  g_auto (GStrv) parts = NULL;
  guint8 days = 0;

  if (text == NULL)
    return 0;
  parts = g_strsplit_set (text, ",; ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *word = g_ascii_strdown (g_strstrip (parts[i]), -1);
      guint8 found = 0;

      if (*word == '\0')
        continue;
      /* HSDS 1.x / 2.0 weekday: 1 (Monday) to 7 (Sunday). */
      if (strlen (word) == 1 && word[0] >= '1' && word[0] <= '7')
        found = 1u << (word[0] - '0');
      for (int d = 0; d < 7 && found == 0; d++)
        if (g_ascii_strcasecmp (word, day_codes[d]) == 0 ||
            (strlen (word) >= 3 && strncmp (day_words[d], word, strlen (word)) == 0))
          found = 1u << (d + 1);
      if (found == 0)
        return 0;
      days |= found;
    }
  return days;
}

char *
jk_services_days_to_text (guint8 days)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (int d = 0; d < 7; d++)
    if (days & (1u << (d + 1)))
      g_string_append_printf (text, "%s%s", text->len > 0 ? "," : "", day_codes[d]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

int
jk_services_parse_time (const char *text)
{
  char *end;
  long hour, minute = 0;

  if (text == NULL || !g_ascii_isdigit (*text))
    return -1;
  hour = strtol (text, &end, 10);
  if (*end == ':')
    {
      if (!g_ascii_isdigit (end[1]))
        return -1;
      minute = strtol (end + 1, &end, 10);
      /* Seconds, and a zone letter HSDS's examples write, are dropped. */
      if (*end == ':')
        {
          if (!g_ascii_isdigit (end[1]))
            return -1;
          strtol (end + 1, &end, 10);
        }
    }
  else
    return -1;
  if (*end == 'Z' || *end == 'z')
    end++;
  if (*end != '\0' || hour < 0 || hour > 24 || minute < 0 || minute > 59 || (hour == 24 && minute != 0))
    return -1;
  return (int) (hour * 60 + minute);
}

JkServiceOpen
jk_services_open_at (GPtrArray  *schedules,
                     GDateTime  *now,
                     GDateTime **until,
                     GDateTime **next)
{
  g_autoptr (GDateTime) yesterday = g_date_time_add_days (now, -1);
  int minutes = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);
  gboolean any = FALSE, open = FALSE;
  int latest = -1;   /* the open interval's end, in minutes from today's midnight */

  if (until != NULL)
    *until = NULL;
  if (next != NULL)
    *next = NULL;
  for (guint i = 0; i < schedules->len; i++)
    {
      const JkServiceSchedule *s = schedules->pdata[i];
      gboolean overnight;

      if (!is_hours (s))
        continue;
      any = TRUE;
      /* 22:00-06:00 runs into the next day; 00:00-00:00 is all day. */
      overnight = s->closes <= s->opens;
      if (applies (s, now) && !closed_on (schedules, now) && minutes >= s->opens &&
          (overnight || minutes < s->closes))
        {
          open = TRUE;
          latest = MAX (latest, overnight ? s->closes + 24 * 60 : s->closes);
        }
      /* Yesterday's overnight hours, still running. */
      if (overnight && applies (s, yesterday) && !closed_on (schedules, yesterday) && minutes < s->closes)
        {
          open = TRUE;
          latest = MAX (latest, s->closes);
        }
    }
  if (!any)
    return JK_SERVICE_OPEN_UNKNOWN;
  if (open)
    {
      if (until != NULL)
        *until = at_minutes (now, latest);
      return JK_SERVICE_OPEN;
    }
  /* The next opening within a week. */
  for (int d = 0; d <= 7 && next != NULL; d++)
    {
      g_autoptr (GDateTime) day = g_date_time_add_days (now, d);
      int earliest = -1;

      if (closed_on (schedules, day))
        continue;
      for (guint i = 0; i < schedules->len; i++)
        {
          const JkServiceSchedule *s = schedules->pdata[i];

          if (is_hours (s) && applies (s, day) && (d > 0 || s->opens > minutes) &&
              (earliest < 0 || s->opens < earliest))
            earliest = s->opens;
        }
      if (earliest >= 0)
        {
          *next = at_minutes (day, earliest);
          break;
        }
    }
  return JK_SERVICE_CLOSED;
}

char *
jk_services_hours_words (GPtrArray  *schedules,
                         const char *hours_text,
                         GDateTime  *now)
{
  g_autoptr (GDateTime) until = NULL;
  g_autoptr (GDateTime) next = NULL;
  g_autofree char *time = NULL;
  JkServiceOpen open = jk_services_open_at (schedules, now, &until, &next);
  int days;

  switch (open)
    {
    case JK_SERVICE_OPEN:
      time = short_time (until);
      /* TRANSLATORS: a service's hours: "Open now until 5 PM" */
      return g_strdup_printf (_("Open now until %s"), time);
    case JK_SERVICE_CLOSED:
      if (next == NULL)
        return g_strdup (_("Closed now"));
      time = short_time (next);
      days = g_date_time_get_day_of_year (next) - g_date_time_get_day_of_year (now);
      if (days < 0)
        days += 365;
      if (days == 0)
        /* TRANSLATORS: a service's hours: "Closed now; opens today at 1 PM" */
        return g_strdup_printf (_("Closed now; opens today at %s"), time);
      if (days == 1)
        /* TRANSLATORS: a service's hours: "Closed now; opens tomorrow at 9 AM" */
        return g_strdup_printf (_("Closed now; opens tomorrow at %s"), time);
      /* TRANSLATORS: a service's hours: weekday, time: "Closed now; opens Monday at 9 AM" */
      return g_strdup_printf (_("Closed now; opens %1$s at %2$s"),
                              jk_format_weekday_name (g_date_time_get_day_of_week (next)), time);
    case JK_SERVICE_OPEN_UNKNOWN:
    default:
      if (hours_text != NULL && *hours_text != '\0')
        return g_strdup (hours_text);
      return g_strdup (_("Hours not listed"));
    }
}

char *
jk_services_week_words (GPtrArray *schedules)
{
  g_autoptr (GString) text = g_string_new (NULL);
  char *words[8] = { NULL };
  guint8 done = 0;

  if (schedules == NULL)
    return NULL;
  for (int d = 1; d <= 7; d++)
    words[d] = day_hours_words (schedules, d);
  /* One line per set of days with the same hours, in the order of each set's first day. */
  for (int d = 1; d <= 7; d++)
    {
      g_autofree char *days = NULL;
      g_autofree char *line = NULL;
      guint8 mask = 0;
      gunichar first;

      if (words[d] == NULL || (done & (1u << d)) != 0)
        continue;
      for (int e = d; e <= 7; e++)
        if (words[e] != NULL && strcmp (words[e], words[d]) == 0)
          mask |= 1u << e;
      done |= mask;
      days = days_words (mask);
      /* TRANSLATORS: a line of a service's week: days, hours: "Monday to Friday: 9 AM to 5 PM" */
      line = g_strdup_printf (_("%1$s: %2$s"), days, words[d]);
      /* A line begins with a capital, though Spanish day names do not. */
      first = g_utf8_get_char (line);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_unichar (text, g_unichar_totitle (first));
      g_string_append (text, g_utf8_next_char (line));
    }
  for (int d = 1; d <= 7; d++)
    g_free (words[d]);
  if (text->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}
