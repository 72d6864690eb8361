/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-speech-text.c: postings and keys in words a synthesizer reads well */

#define G_LOG_DOMAIN "jk-speech"

#include <math.h>

#include "jobkiosk/jk-format.h"
#include "jobkiosk/jk-i18n.h"
#include "jobkiosk/jk-speech.h"

/* ---------------------------------------------------------------------- */
/* Pay                                                                    */

static gboolean
is_amount (double value)
{
  return isfinite (value) && value > 0 && value < 1e9;
}

static gboolean
is_whole (double amount)
{
  return llround (amount * 100) % 100 == 0;
}

/* "16", "16 dollars", "16 dollars 25 cents". Digits without separators:
 * a synthesizer reads "38000" as a number in both languages, where "38,000"
 * is a decimal in Spanish. */
static char *
spoken_amount (double   amount,
               gboolean with_unit)
{
  gint64 cents = llround (amount * 100);

  if (cents % 100 != 0)
    /* TRANSLATORS: spoken pay: whole dollars and cents, "16 dollars 25 cents" */
    return g_strdup_printf (_("%1$d dollars %2$d cents"), (int) (cents / 100), (int) (cents % 100));
  if (with_unit)
    /* TRANSLATORS: spoken pay: "38000 dollars" */
    return g_strdup_printf (_("%d dollars"), (int) (cents / 100));
  return g_strdup_printf ("%d", (int) (cents / 100));
}

char *
jk_speech_text_pay (const JkJob *job)
{
  gboolean has_min = is_amount (job->salary_min);
  gboolean has_max = is_amount (job->salary_max);
  g_autofree char *amount = NULL;

  if (has_min && has_max && fabs (job->salary_max - job->salary_min) >= 0.005)
    {
      double low_amount = MIN (job->salary_min, job->salary_max);
      double high_amount = MAX (job->salary_min, job->salary_max);
      /* "16 to 18 dollars": the unit once, when both are whole. */
      g_autofree char *low = spoken_amount (low_amount, !(is_whole (low_amount) && is_whole (high_amount)));
      g_autofree char *high = spoken_amount (high_amount, TRUE);

      /* TRANSLATORS: spoken pay range: "16 to 18 dollars" */
      amount = g_strdup_printf (_("%1$s to %2$s"), low, high);
    }
  else if (has_min || has_max)
    {
      g_autofree char *one = spoken_amount (has_min ? job->salary_min : job->salary_max, TRUE);

      if (has_min && has_max)
        amount = g_steal_pointer (&one);
      else
        amount = g_strdup_printf (has_min ? _("From %s") : _("Up to %s"), one);
    }
  else if (job->salary_text != NULL && job->salary_text[0] != '\0')
    return g_strdup (job->salary_text);
  else
    return g_strdup (_("Pay not listed"));

  return jk_format_per_period (amount, job->salary_period);
}

/* ---------------------------------------------------------------------- */
/* Postings                                                               */

char *
jk_speech_text_job (const JkJob *job,
                    gint64       listed,
                    GDateTime   *now)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (job != NULL, NULL);

  if (job->title != NULL && job->title[0] != '\0')
    g_ptr_array_add (parts, g_strdup (job->title));
  if (job->employer != NULL && job->employer[0] != '\0')
    g_ptr_array_add (parts, g_strdup (job->employer));
  g_ptr_array_add (parts, jk_format_place (job, FALSE));
  g_ptr_array_add (parts, jk_speech_text_pay (job));
  if (listed != 0 && now != NULL)
    g_ptr_array_add (parts, jk_format_posted (listed, now));
  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: between the parts of a job read aloud: "Line Cook, Hilltop Hardware, …" */
  return g_strjoinv (_(", "), (GStrv) parts->pdata);
}

/* ---------------------------------------------------------------------- */
/* Keys                                                                   */

char *
jk_speech_text_character (gunichar character)
{
  char utf8[8] = { 0 };

  switch (character)
    {
    case ' ':
      return g_strdup (C_ ("key read aloud", "space"));
    case '.':
      return g_strdup (C_ ("key read aloud", "period"));
    case ',':
      return g_strdup (C_ ("key read aloud", "comma"));
    case '-':
      return g_strdup (C_ ("key read aloud", "dash"));
    case '@':
      return g_strdup (C_ ("key read aloud", "at sign"));
    case '\'':
      return g_strdup (C_ ("key read aloud", "apostrophe"));
    case '/':
      return g_strdup (C_ ("key read aloud", "slash"));
    case '_':
      return g_strdup (C_ ("key read aloud", "underscore"));
    case '\b':
      return g_strdup (C_ ("key read aloud", "delete"));
    default:
      break;
    }
  g_unichar_to_utf8 (character, utf8);
  if (g_unichar_isupper (character))
    /* TRANSLATORS: a capital letter read aloud: "capital A" */
    return g_strdup_printf (C_ ("key read aloud", "capital %s"), utf8);
  if (!g_unichar_isgraph (character))
    return g_strdup (C_ ("key read aloud", "space"));
  return g_strdup (utf8);
}

/* ---------------------------------------------------------------------- */
/* Long text                                                              */

/* Where a piece of at most max_chars characters from text ends: after the
 * last sentence end inside it, else the last space, else max_chars. */
static const char *
piece_end (const char *text,
           guint       max_chars)
{
  const char *sentence = NULL, *space = NULL, *p = text;

  for (guint n = 0; n < max_chars && *p != '\0'; n++, p = g_utf8_next_char (p))
    {
      if ((*p == '.' || *p == '?' || *p == '!') && (p[1] == ' ' || p[1] == '\0'))
        sentence = p + 1;
      else if (*p == ' ')
        space = p;
    }
  if (*p == '\0')
    return p;
  return sentence != NULL ? sentence : space != NULL ? space : p;
}

GPtrArray *
jk_speech_split_text (const char *text,
                      guint       max_chars)
{
  GPtrArray *pieces = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *clean = NULL;
  g_auto (GStrv) paragraphs = NULL;

  g_return_val_if_fail (max_chars > 0, pieces);

  paragraphs = g_strsplit (text != NULL ? text : "", "\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      const char *p;

      g_free (clean);
      /* Cleaned with no cap of its own: the pieces are the cap. */
      clean = g_strstrip (g_strdup (paragraphs[i]));
      for (p = clean; *p != '\0';)
        {
          const char *end = piece_end (p, max_chars);
          g_autofree char *piece = g_strstrip (g_strndup (p, (gsize) (end - p)));
          g_autofree char *spoken = jk_speech_clean_text (piece);

          if (spoken[0] != '\0')
            g_ptr_array_add (pieces, g_steal_pointer (&spoken));
          p = end;
          while (*p == ' ')
            p++;
        }
    }
  return pieces;
}
