/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-normalize-pay.c: pay text ("$16.25 - $18.00 per hour") and unit codes to figures and periods */

#define G_LOG_DOMAIN "jk-normalize"

#include <string.h>

#include "feeds/jk-normalize-private.h"
#include "feeds/jk-normalize-chars-private.h"

/* Pay above this is a data error, not a salary. */
#define SALARY_ABSURD 10000000.0

#define MAX_SALARY_NUMBERS 16

typedef struct {
  double value;
  gboolean currency;  /* "$", "USD" or "dollars" next to it */
  gboolean thousands; /* written with a K */
  gsize start;        /* including a leading "$" */
  gsize end;          /* including a trailing "k" or currency word */
} SalaryNumber;

typedef struct {
  const char *word;
  JkSalaryPeriod period;
} PeriodWord;

/* Words that name a pay period, English and Spanish, lower case. */
static const PeriodWord period_words[] = {
  { "hour", JK_SALARY_PERIOD_HOUR },      { "hours", JK_SALARY_PERIOD_HOUR },
  { "hourly", JK_SALARY_PERIOD_HOUR },    { "hr", JK_SALARY_PERIOD_HOUR },
  { "hrs", JK_SALARY_PERIOD_HOUR },       { "h", JK_SALARY_PERIOD_HOUR },
  { "hora", JK_SALARY_PERIOD_HOUR },      { "horas", JK_SALARY_PERIOD_HOUR },
  { "day", JK_SALARY_PERIOD_DAY },        { "days", JK_SALARY_PERIOD_DAY },
  { "daily", JK_SALARY_PERIOD_DAY },      { "día", JK_SALARY_PERIOD_DAY },
  { "dia", JK_SALARY_PERIOD_DAY },        { "diario", JK_SALARY_PERIOD_DAY },
  { "diaria", JK_SALARY_PERIOD_DAY },     { "week", JK_SALARY_PERIOD_WEEK },
  { "weeks", JK_SALARY_PERIOD_WEEK },     { "weekly", JK_SALARY_PERIOD_WEEK },
  { "wk", JK_SALARY_PERIOD_WEEK },        { "semana", JK_SALARY_PERIOD_WEEK },
  { "semanal", JK_SALARY_PERIOD_WEEK },   { "month", JK_SALARY_PERIOD_MONTH },
  { "months", JK_SALARY_PERIOD_MONTH },   { "monthly", JK_SALARY_PERIOD_MONTH },
  { "mo", JK_SALARY_PERIOD_MONTH },       { "mes", JK_SALARY_PERIOD_MONTH },
  { "mensual", JK_SALARY_PERIOD_MONTH },  { "year", JK_SALARY_PERIOD_YEAR },
  { "years", JK_SALARY_PERIOD_YEAR },     { "yearly", JK_SALARY_PERIOD_YEAR },
  { "yr", JK_SALARY_PERIOD_YEAR },        { "annual", JK_SALARY_PERIOD_YEAR },
  { "annually", JK_SALARY_PERIOD_YEAR },  { "annum", JK_SALARY_PERIOD_YEAR },
  { "año", JK_SALARY_PERIOD_YEAR },       { "ano", JK_SALARY_PERIOD_YEAR },
  { "anual", JK_SALARY_PERIOD_YEAR },      { "anuales", JK_SALARY_PERIOD_YEAR },
  { "semanales", JK_SALARY_PERIOD_WEEK }, { "mensuales", JK_SALARY_PERIOD_MONTH },
  { "diarios", JK_SALARY_PERIOD_DAY },
};

/* Periods the kiosk cannot store; their figures must not be guessed at. */
static const char *const odd_period_words[] = {
  "biweekly", "fortnightly", "semimonthly", "quincenal", "bimonthly", "bimensual",
};

/* Codes as feeds send them in a unit field (schema.org unitText, USAJOBS
 * RateIntervalCode), upper case. */
static const PeriodWord period_codes[] = {
  { "HOUR", JK_SALARY_PERIOD_HOUR }, { "PH", JK_SALARY_PERIOD_HOUR },
  { "DAY", JK_SALARY_PERIOD_DAY },   { "PD", JK_SALARY_PERIOD_DAY },
  { "WEEK", JK_SALARY_PERIOD_WEEK }, { "PW", JK_SALARY_PERIOD_WEEK },
  { "MONTH", JK_SALARY_PERIOD_MONTH }, { "PM", JK_SALARY_PERIOD_MONTH },
  { "YEAR", JK_SALARY_PERIOD_YEAR }, { "PA", JK_SALARY_PERIOD_YEAR },
  { "PY", JK_SALARY_PERIOD_YEAR },   { "ANNUAL", JK_SALARY_PERIOD_YEAR },
};

/* ---------------------------------------------------------------------- */
/* Salary                                                                 */

static gboolean
has_word_at (const char *s,
             gsize       pos,
             const char *word)
{
  gsize len = strlen (word);

  return strncmp (s + pos, word, len) == 0 && !g_ascii_isalpha (s[pos + len]);
}

/* Reads "3,500", "16.25", "16,25" (a Spanish decimal comma) or ".50" at
 * s[*pos] into value, leaving *pos after it. */
static double
read_amount (const char *s,
             gsize      *pos)
{
  char buf[64];
  gsize n = 0, i = *pos;
  gboolean seen_point = FALSE, seen_group = FALSE;

  while (n < sizeof buf - 2)
    {
      if (g_ascii_isdigit (s[i]))
        buf[n++] = s[i++];
      else if (s[i] == ',' && !seen_point && g_ascii_isdigit (s[i + 1]) && g_ascii_isdigit (s[i + 2])
               && g_ascii_isdigit (s[i + 3]) && !g_ascii_isdigit (s[i + 4]))
        {
          seen_group = TRUE;
          i++;
        }
      else if (s[i] == ',' && !seen_point && !seen_group && g_ascii_isdigit (s[i + 1])
               && !g_ascii_isdigit (s[i + 1 + (g_ascii_isdigit (s[i + 2]) ? 2 : 1)]))
        {
          seen_point = TRUE;
          buf[n++] = '.';
          i++;
        }
      else if (s[i] == '.' && !seen_point && g_ascii_isdigit (s[i + 1]))
        {
          seen_point = TRUE;
          buf[n++] = '.';
          i++;
        }
      else
        break;
    }
  /* Skip what a long digit run left unread so it is not read again. */
  while (g_ascii_isdigit (s[i]) || s[i] == '.' || s[i] == ',')
    i++;
  buf[n] = '\0';
  *pos = i;
  return g_ascii_strtod (buf, NULL);
}

/* Finds the figures in lower-cased salary text; skips "401(k)", "1st",
 * "10%", "9:00" and zero, which are numbers but not pay. */
static guint
collect_salary_numbers (const char   *s,
                        SalaryNumber *numbers,
                        guint         max_numbers)
{
  guint count = 0;
  gsize i = 0;

  while (s[i] != '\0' && count < max_numbers)
    {
      SalaryNumber num = { 0 };
      gsize start = i, back = i;
      const char *after;

      if (!(g_ascii_isdigit (s[i]) || (s[i] == '.' && g_ascii_isdigit (s[i + 1])))
          || (i > 0 && (g_ascii_isalnum (s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ':')))
        {
          i++;
          continue;
        }
      while (back > 0 && s[back - 1] == ' ')
        back--;
      if (back > 0 && s[back - 1] == '$')
        {
          num.currency = TRUE;
          start = back - 1;
          if (start >= 2 && strncmp (s + start - 2, "us", 2) == 0)
            start -= 2;
        }
      else if (back >= 3 && strncmp (s + back - 3, "usd", 3) == 0 && (back == 3 || !g_ascii_isalpha (s[back - 4])))
        {
          num.currency = TRUE;
          start = back - 3;
        }
      /* "5 usd 6": the "usd" already ended the previous figure. */
      num.start = (count > 0) ? MAX (start, numbers[count - 1].end) : start;
      num.value = read_amount (s, &i);
      after = s + i;
      if (num.value <= 0 || g_str_has_prefix (after, "(k)") || g_str_has_prefix (after, "(b)") || *after == '%'
          || (*after == ':' && g_ascii_isdigit (after[1]))
          || has_word_at (s, i, "st") || has_word_at (s, i, "nd") || has_word_at (s, i, "rd")
          || has_word_at (s, i, "th")
          || (!num.currency && (num.value == 401 || num.value == 403) && (*after == 'k' || *after == 'b')))
        continue;
      if ((*after == 'k') && !g_ascii_isalpha (after[1]))
        {
          num.thousands = TRUE;
          num.value *= 1000;
          i++;
        }
      {
        gsize j = i;

        while (s[j] == ' ')
          j++;
        if (has_word_at (s, j, "usd") || has_word_at (s, j, "dollars") || has_word_at (s, j, "dólares")
            || has_word_at (s, j, "dolares"))
          {
            num.currency = TRUE;
            while (g_ascii_isalpha (s[j]) || (guchar) s[j] >= 0x80)
              j++;
            i = j;
          }
      }
      num.end = i;
      numbers[count++] = num;
    }
  return count;
}

/* Is the text between two figures a range ("-", "–", "to", "a", "hasta")?
 * Strict: nothing else there. Loose ("$16 per hour to $18 per hour"): other
 * words allowed, but only for the unambiguous separators. */
static gboolean
is_range_gap (const char *gap,
              gsize       len,
              gboolean    loose)
{
  static const char *const strict_words[] = { "-", "–", "—", "~", "to", "a", "y", "and", "hasta", "through" };
  static const char *const loose_words[] = { "-", "–", "—", "to", "hasta" };
  g_autofree char *copy = g_strndup (gap, len);
  g_auto (GStrv) tokens = NULL;
  guint n_tokens = 0;
  gboolean found = FALSE;

  if (len > 32)
    return FALSE;
  /* Split dashes off so "$16.25–$18" and "16 - 18" tokenize alike. */
  {
    g_autoptr (GString) spaced = g_string_new (NULL);

    for (const char *p = copy; *p != '\0'; p++)
      {
        if (*p == '-' || *p == '~' || *p == '/' || *p == ',' || *p == ':')
          g_string_append_printf (spaced, " %c ", *p);
        else if (g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—"))
          {
            g_string_append_c (spaced, ' ');
            g_string_append_len (spaced, p, 3);
            g_string_append_c (spaced, ' ');
            p += 2;
          }
        else
          g_string_append_c (spaced, *p);
      }
    tokens = g_strsplit_set (spaced->str, " \t", -1);
  }
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *const *words = loose ? loose_words : strict_words;
      guint n_words = loose ? G_N_ELEMENTS (loose_words) : G_N_ELEMENTS (strict_words);

      if (*tokens[i] == '\0')
        continue;
      n_tokens++;
      for (guint w = 0; w < n_words; w++)
        if (g_str_equal (tokens[i], words[w]))
          found = TRUE;
    }
  return found && (loose || n_tokens == 1);
}

static JkSalaryPeriod
lookup_period_word (const char *word,
                    gboolean   *out_odd)
{
  for (guint i = 0; i < G_N_ELEMENTS (odd_period_words); i++)
    if (g_str_equal (word, odd_period_words[i]))
      {
        *out_odd = TRUE;
        return JK_SALARY_PERIOD_NONE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (period_words); i++)
    if (g_str_equal (word, period_words[i].word))
      return period_words[i].period;
  return JK_SALARY_PERIOD_NONE;
}

/* The first period word in lower-case text. out_odd is set for periods the
 * kiosk cannot store ("biweekly", "bi-weekly"); out_salary when the text
 * says "salary", which suggests but does not prove a yearly figure. */
static JkSalaryPeriod
find_period_word (const char *s,
                  gboolean   *out_odd,
                  gboolean   *out_salary)
{
  const char *p = s;
  gboolean after_bi = FALSE;

  *out_odd = FALSE;
  *out_salary = FALSE;
  while (*p != '\0')
    {
      const char *start = p;
      g_autofree char *word = NULL;
      JkSalaryPeriod period;

      /* A word is a run of letters, non-ASCII ones included ("día", "año"). */
      p = jk_skip_word (p, FALSE);
      if (p == start)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      word = g_strndup (start, (gsize) (p - start));
      if (g_str_equal (word, "bi") || g_str_equal (word, "semi"))
        {
          after_bi = TRUE;
          continue;
        }
      if (g_str_equal (word, "salary") || g_str_equal (word, "salario") || g_str_equal (word, "sueldo"))
        *out_salary = TRUE;
      period = lookup_period_word (word, out_odd);
      if (*out_odd)
        return JK_SALARY_PERIOD_NONE;
      if (period != JK_SALARY_PERIOD_NONE)
        {
          if (after_bi && (period == JK_SALARY_PERIOD_WEEK || period == JK_SALARY_PERIOD_MONTH))
            {
              *out_odd = TRUE;
              return JK_SALARY_PERIOD_NONE;
            }
          return period;
        }
      after_bi = FALSE;
    }
  return JK_SALARY_PERIOD_NONE;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

gboolean
jk_parse_salary (const char     *text,
                 double         *out_min,
                 double         *out_max,
                 JkSalaryPeriod *out_period)
{
  SalaryNumber numbers[MAX_SALARY_NUMBERS];
  g_autofree char *valid = NULL;
  g_autofree char *lower = NULL;
  guint count, first = 0;
  gboolean any_currency = FALSE, odd = FALSE, said_salary = FALSE;
  double min, max;
  JkSalaryPeriod period;

  if (text == NULL)
    return FALSE;
  /* Salary text is short; a long one is a description in the wrong field. */
  valid = g_utf8_make_valid (text, (gssize) jk_find_char_boundary (text, MIN (strlen (text), 1024)));
  lower = g_utf8_strdown (valid, -1);
  count = collect_salary_numbers (lower, numbers, MAX_SALARY_NUMBERS);
  if (count == 0)
    return FALSE;

  for (guint i = 0; i < count; i++)
    if (numbers[i].currency)
      {
        any_currency = TRUE;
        first = i;
        break;
      }
  min = max = numbers[first].value;
  if (first + 1 < count)
    {
      const SalaryNumber *a = &numbers[first], *b = &numbers[first + 1];
      const char *gap = lower + a->end;
      gsize gap_len = b->start - a->end;
      gboolean loose = any_currency && a->currency && b->currency;

      if (is_range_gap (gap, gap_len, FALSE) || (loose && is_range_gap (gap, gap_len, TRUE)))
        {
          max = b->value;
          /* "$38-44K": the K covers both figures. */
          if (b->thousands && !a->thousands && min < 1000 && min * 1000 <= max)
            min *= 1000;
        }
    }
  if (min > max)
    {
      double t = min;

      min = max;
      max = t;
    }
  if (max <= 0 || max > SALARY_ABSURD)
    return FALSE;

  period = find_period_word (lower, &odd, &said_salary);
  if (period == JK_SALARY_PERIOD_NONE && !odd)
    {
      if (said_salary && min >= 1000)
        period = JK_SALARY_PERIOD_YEAR;
      else if (max <= 200)
        period = JK_SALARY_PERIOD_HOUR;
      else if (min >= 15000)
        period = JK_SALARY_PERIOD_YEAR;
    }

  if (out_min != NULL)
    *out_min = min;
  if (out_max != NULL)
    *out_max = max;
  if (out_period != NULL)
    *out_period = period;
  return TRUE;
}

JkSalaryPeriod
jk_salary_period_from_unit (const char *unit)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *lower = NULL;
  gboolean odd = FALSE, said_salary = FALSE;
  JkSalaryPeriod period;

  if (unit == NULL || !g_utf8_validate (unit, -1, NULL))
    return JK_SALARY_PERIOD_NONE;
  trimmed = g_strstrip (g_strdup (unit));
  for (guint i = 0; i < G_N_ELEMENTS (period_codes); i++)
    if (g_ascii_strcasecmp (trimmed, period_codes[i].word) == 0)
      return period_codes[i].period;
  lower = g_utf8_strdown (trimmed, -1);
  period = find_period_word (lower, &odd, &said_salary);
  if (period == JK_SALARY_PERIOD_NONE && said_salary && !odd)
    return JK_SALARY_PERIOD_YEAR;
  return period;
}
