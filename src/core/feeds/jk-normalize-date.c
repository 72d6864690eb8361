/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-normalize-date.c: dates as feeds write them (ISO 8601, RFC 822, US) to Unix time */

#define G_LOG_DOMAIN "jk-normalize"

#include <curl/curl.h>
#include <string.h>

#include "feeds/jk-normalize-private.h"
#include "feeds/jk-normalize-chars-private.h"

/* A date string longer than this is not a date. */
#define DATE_MAX_LEN 100

/* Compiled once, shared read-only by every thread (GRegex matching is
 * thread-safe; each call has its own GMatchInfo). */
typedef struct {
  GRegex *us_date;
  GRegex *compact_date;
  GRegex *iso_date;
  GRegex *iso_no_seconds;
} DateRegexes;

static const char *const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december",
};

static const char *const day_names[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

/* The zone names curl_getdate knows. */
static const char *const zone_names[] = {
  "GMT", "UT", "UTC", "WET", "BST", "WAT", "AST", "ADT", "EST", "EDT", "CST", "CDT", "MST", "MDT",
  "PST", "PDT", "YST", "YDT", "HST", "HDT", "CAT", "AHST", "NT", "IDLW", "CET", "MET", "MEWT",
  "MEST", "CEST", "MESZ", "FWT", "FST", "EET", "WAST", "WADT", "CCT", "JST", "EAST", "EADT",
  "GST", "NZT", "NZST", "NZDT", "IDLE",
};

/* ---------------------------------------------------------------------- */
/* Dates                                                                  */

static gpointer
compile_date_regexes (gpointer data)
{
  DateRegexes *re = g_new0 (DateRegexes, 1);

  /* [0-9], not \d: GRegex matches Unicode digits with \d. */
  re->us_date = g_regex_new ("^([0-9]{1,2})([/-])([0-9]{1,2})\\2([0-9]{4})"
                             "(?:[ T]+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?"
                             "\\s*(?:([AaPp])\\.?[Mm]\\.?)?)?$",
                             0, 0, NULL);
  re->compact_date = g_regex_new ("^([0-9]{4})([0-9]{2})([0-9]{2})$", 0, 0, NULL);
  re->iso_date = g_regex_new ("^([0-9]{4})-([0-9]{2})-([0-9]{2})$", 0, 0, NULL);
  re->iso_no_seconds = g_regex_new ("^([0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2})"
                                    "([Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?$",
                                    0, 0, NULL);
  g_assert (re->us_date && re->compact_date && re->iso_date && re->iso_no_seconds);
  return re;
}

static const DateRegexes *
get_date_regexes (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, compile_date_regexes, NULL);
}

static int
fetch_int (GMatchInfo *match,
           int         group)
{
  g_autofree char *s = g_match_info_fetch (match, group);

  return (s != NULL && *s != '\0') ? (int) g_ascii_strtoll (s, NULL, 10) : -1;
}

static gboolean
check_year (gint64 unix_time)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (unix_time);
  int year;

  if (dt == NULL)
    return FALSE;
  year = g_date_time_get_year (dt);
  return year >= 1990 && year <= 2100;
}

/* g_date_time_new rolls nothing over: Feb 30 or 25:00 give NULL. */
static gboolean
make_utc_time (int     year,
               int     month,
               int     day,
               int     hour,
               int     minute,
               int     second,
               gint64 *out_unix)
{
  g_autoptr (GDateTime) dt = NULL;

  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0
      || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return FALSE;
  dt = g_date_time_new_utc (year, month, day, hour, minute, second);
  if (dt == NULL)
    return FALSE;
  *out_unix = g_date_time_to_unix (dt);
  return TRUE;
}

static gboolean
parse_us_date (const DateRegexes *re,
               const char        *text,
               gint64            *out_unix)
{
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *ampm = NULL;
  int hour = 0, minute = 0, second = 0;

  if (!g_regex_match (re->us_date, text, 0, &match))
    return FALSE;
  if (fetch_int (match, 5) >= 0)
    {
      hour = fetch_int (match, 5);
      minute = fetch_int (match, 6);
      second = MAX (fetch_int (match, 7), 0);
      ampm = g_match_info_fetch (match, 8);
      if (ampm != NULL && *ampm != '\0')
        {
          if (hour < 1 || hour > 12)
            return FALSE;
          if (hour == 12)
            hour = 0;
          if (*ampm == 'p' || *ampm == 'P')
            hour += 12;
        }
    }
  return make_utc_time (fetch_int (match, 4), fetch_int (match, 1), fetch_int (match, 3), hour, minute,
                        second, out_unix);
}

static gboolean
parse_ymd (GRegex     *regex,
           const char *text,
           gint64     *out_unix)
{
  g_autoptr (GMatchInfo) match = NULL;

  if (!g_regex_match (regex, text, 0, &match))
    return FALSE;
  return make_utc_time (fetch_int (match, 1), fetch_int (match, 2), fetch_int (match, 3), 0, 0, 0, out_unix);
}

static gboolean
parse_iso_date_time (const DateRegexes *re,
                     const char        *text,
                     gint64            *out_unix)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (text, utc);
  g_autoptr (GMatchInfo) match = NULL;

  /* GLib wants seconds; feeds often leave them out ("2026-03-07T14:45"). */
  if (dt == NULL && g_regex_match (re->iso_no_seconds, text, 0, &match))
    {
      g_autofree char *head = g_match_info_fetch (match, 1);
      g_autofree char *zone = g_match_info_fetch (match, 2);
      g_autofree char *full = g_strconcat (head, ":00", zone, NULL);

      dt = g_date_time_new_from_iso8601 (full, utc);
    }
  if (dt == NULL)
    return FALSE;
  *out_unix = g_date_time_to_unix (dt);
  return check_year (*out_unix);
}

static gboolean
is_date_word (const char *word,
              gsize       len,
              int        *out_month)
{
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (len == 3 && g_ascii_strncasecmp (word, month_names[i], 3) == 0)
      {
        *out_month = (int) i + 1;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (day_names); i++)
    if ((len == 3 || len == strlen (day_names[i])) && g_ascii_strncasecmp (word, day_names[i], len) == 0)
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (zone_names); i++)
    if (len == strlen (zone_names[i]) && g_ascii_strncasecmp (word, zone_names[i], len) == 0)
      return TRUE;
  /* Military zones: one letter. */
  return len == 1;
}

/* curl_getdate is generous: it rolls "Feb 30" over into March and stops
 * reading after the zone ("… GMT; DROP TABLE"). Accept only words a date
 * has, and day numbers its month has. */
static gboolean
check_http_date (const char *text)
{
  int month = 0, day = 0, year = 0;
  const char *p = text;

  while (*p != '\0')
    {
      if (g_ascii_isalpha (*p))
        {
          const char *start = p;

          while (g_ascii_isalpha (*p))
            p++;
          if (!is_date_word (start, (gsize) (p - start), &month))
            return FALSE;
        }
      else if (g_ascii_isdigit (*p))
        {
          const char *start = p;
          gboolean in_time = (p > text && p[-1] == ':');

          while (g_ascii_isdigit (*p))
            p++;
          in_time = in_time || *p == ':' || (start > text && (start[-1] == '+' || start[-1] == '-'));
          if (in_time)
            continue;
          if (p - start == 4)
            year = (int) g_ascii_strtoll (start, NULL, 10);
          else if (p - start <= 2 && day == 0)
            day = (int) g_ascii_strtoll (start, NULL, 10);
        }
      else
        p++;
    }
  if (month == 0 || day == 0 || year == 0)
    return TRUE;
  return g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* "March 7, 2026" → "Mar 7, 2026": curl knows only the short month names. */
static char *
shorten_month_names (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;
      gsize len;
      gboolean is_month = FALSE;

      if (!g_ascii_isalpha (*p))
        {
          g_string_append_c (out, *p++);
          continue;
        }
      while (g_ascii_isalpha (*p))
        p++;
      len = (gsize) (p - start);
      for (guint i = 0; i < G_N_ELEMENTS (month_names) && len > 3; i++)
        if (strlen (month_names[i]) == len && g_ascii_strncasecmp (start, month_names[i], len) == 0)
          is_month = TRUE;
      g_string_append_len (out, start, is_month ? 3 : (gssize) len);
    }
  return g_string_free (out, FALSE);
}

static gboolean
parse_http_date (const char *text,
                 gint64     *out_unix)
{
  g_autofree char *shortened = shorten_month_names (text);
  time_t t = curl_getdate (shortened, NULL);

  if (t == (time_t) -1 || !check_http_date (shortened))
    return FALSE;
  *out_unix = (gint64) t;
  return check_year (*out_unix);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

gboolean
jk_parse_date (const char *text,
               gint64     *out_unix)
{
  const DateRegexes *re = get_date_regexes ();
  g_autofree char *trimmed = NULL;
  gint64 result = 0;
  gboolean ok;

  if (text == NULL || strlen (text) > DATE_MAX_LEN || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return FALSE;

  if (g_regex_match (re->compact_date, trimmed, 0, NULL))
    ok = parse_ymd (re->compact_date, trimmed, &result);
  else if (g_regex_match (re->iso_date, trimmed, 0, NULL))
    ok = parse_ymd (re->iso_date, trimmed, &result);
  else if (g_ascii_isdigit (trimmed[0]) && g_ascii_isdigit (trimmed[1]) && g_ascii_isdigit (trimmed[2])
           && g_ascii_isdigit (trimmed[3]) && (trimmed[4] == '-' || trimmed[4] == 'T' || g_ascii_isdigit (trimmed[4])))
    /* Looks ISO: only GLib judges it, so curl cannot "fix" 2026-13-07. */
    ok = parse_iso_date_time (re, trimmed, &result);
  else if (g_ascii_isdigit (trimmed[0]) && strchr (trimmed, '/') != NULL)
    ok = parse_us_date (re, trimmed, &result);
  else
    ok = parse_us_date (re, trimmed, &result) || parse_http_date (trimmed, &result);

  if (ok && out_unix != NULL)
    *out_unix = result;
  return ok;
}
