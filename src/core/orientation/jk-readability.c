/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-readability.c: Flesch-Kincaid for English, Fernández Huerta for Spanish, with the hardest sentences */

#define G_LOG_DOMAIN "jk-readability"

#include <string.h>

#include "jobkiosk/jk-readability.h"

typedef struct {
  guint words;
  guint syllables;
} Counts;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalpha (c) || g_unichar_isdigit (c) || g_unichar_ismark (c);
}

static gboolean
is_joiner (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == '-';
}

static gboolean
en_vowel (char c,
          gsize i)
{
  return strchr ("aeiou", c) != NULL || (c == 'y' && i > 0) || (guchar) c >= 0x80;
}

static gboolean
es_strong (gunichar c)
{
  return c == 'a' || c == 'e' || c == 'o' || c == 0xE1 || c == 0xE9 || c == 0xF3;
}

static gboolean
es_accented_weak (gunichar c)
{
  return c == 0xED || c == 0xFA;
}

static gboolean
es_plain_vowel (gunichar c)
{
  return es_strong (c) || es_accented_weak (c) || c == 'i' || c == 'u' || c == 0xFC;
}

static guint
digit_syllables (const char *word)
{
  guint n = 0;

  for (const char *p = word; *p != '\0'; p++)
    n += g_ascii_isdigit (*p);
  return MIN (n, 4);
}

static gboolean
has_letter (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static guint
count_word (const char *word,
            gboolean    spanish)
{
  if (!has_letter (word))
    return MAX (1, digit_syllables (word));
  return spanish ? jk_readability_syllables_es (word) : jk_readability_syllables_en (word);
}

static void
sentence_free (JkReadabilitySentence *sentence)
{
  g_free (sentence->text);
  g_free (sentence);
}

static int
compare_hardest (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  const JkReadabilitySentence *sa = *(const JkReadabilitySentence *const *) a;
  const JkReadabilitySentence *sb = *(const JkReadabilitySentence *const *) b;
  gboolean spanish = GPOINTER_TO_INT (data);
  /* English: a higher grade is harder; Spanish: a lower index. */
  double ka = spanish ? -sa->score : sa->score;
  double kb = spanish ? -sb->score : sb->score;

  return ka < kb ? 1 : ka > kb ? -1 : 0;
}

static double
score_of (gboolean spanish,
          guint    words,
          guint    sentences,
          guint    syllables)
{
  if (words == 0)
    return 0;
  return spanish ? jk_readability_fernandez_huerta (words, sentences, syllables)
                 : jk_readability_flesch_kincaid (words, sentences, syllables);
}

static double
grade_of (gboolean spanish,
          double   score,
          guint    words)
{
  if (words == 0)
    return 0;
  return spanish ? jk_readability_fernandez_huerta_grade (score) : score;
}

/* Adds one sentence (start..end of text) to self, when it has words. */
static void
add_sentence (JkReadability *self,
              const char    *start,
              const char    *end,
              gboolean       spanish)
{
  g_autofree char *text = g_strstrip (g_strndup (start, end - start));
  Counts counts = { 0, 0 };
  const char *p = text;
  JkReadabilitySentence *sentence;

  while (*p != '\0')
    {
      const char *word_start;
      g_autofree char *word = NULL;

      while (*p != '\0' && !is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      word_start = p;
      while (*p != '\0')
        {
          gunichar c = g_utf8_get_char (p);
          const char *next = g_utf8_next_char (p);

          if (is_word_char (c) || (is_joiner (c) && *next != '\0' && is_word_char (g_utf8_get_char (next))))
            p = next;
          /* 3.5, 1,000: one number. */
          else if ((c == '.' || c == ',') && p > word_start && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (*next))
            p = next;
          else
            break;
        }
      word = g_strndup (word_start, p - word_start);
      counts.words++;
      /* "full-time": each part's syllables. */
      {
        g_auto (GStrv) parts = g_strsplit (word, "-", -1);

        for (guint i = 0; parts[i] != NULL; i++)
          if (parts[i][0] != '\0')
            counts.syllables += count_word (parts[i], spanish);
      }
    }
  if (counts.words == 0)
    return;
  sentence = g_new0 (JkReadabilitySentence, 1);
  sentence->text = g_steal_pointer (&text);
  sentence->score = score_of (spanish, counts.words, 1, counts.syllables);
  sentence->grade = grade_of (spanish, sentence->score, counts.words);
  g_ptr_array_add (self->hardest, sentence);
  self->words += counts.words;
  self->syllables += counts.syllables;
  self->sentences++;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

double
jk_readability_flesch_kincaid (guint words,
                               guint sentences,
                               guint syllables)
{
  if (words == 0 || sentences == 0)
    return 0;
  return 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
}

double
jk_readability_fernandez_huerta (guint words,
                                 guint sentences,
                                 guint syllables)
{
  if (words == 0)
    return 0;
  /* F as the words per sentence: see jk-readability.h. */
  if (sentences == 0)
    return 0;
  return 206.84 - 0.60 * (100.0 * syllables / words) - 1.02 * ((double) words / sentences);
}

double
jk_readability_fernandez_huerta_grade (double score)
{
  if (score >= 90)
    return 4;
  if (score >= 80)
    return 5;
  if (score >= 70)
    return 6;
  if (score >= 60)
    return 8;
  if (score >= 50)
    return 12;
  if (score >= 30)
    return 14;
  return 16;
}

guint
jk_readability_syllables_en (const char *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  gsize len;
  guint n = 0;
  gboolean in_vowels = FALSE;

  /* Letters only: "don't" is "dont". */
  {
    char *w = lower;

    for (char *r = lower; *r != '\0'; r++)
      if (*r != '\'' && !g_ascii_isdigit (*r))
        *w++ = *r;
    *w = '\0';
  }
  len = strlen (lower);
  for (gsize i = 0; i < len; i++)
    {
      gboolean vowel = en_vowel (lower[i], i);

      /* A character of several bytes is one vowel. */
      if (vowel && (guchar) lower[i] >= 0x80 && ((guchar) lower[i] & 0xC0) == 0x80)
        continue;
      if (vowel && !in_vowels)
        n++;
      in_vowels = vowel;
    }
  if (len >= 3 && n > 1)
    {
      char last = lower[len - 1];
      char before = lower[len - 2];
      char third = lower[len - 3];

      if (last == 'e' && !en_vowel (before, len - 2) && !(before == 'l' && !en_vowel (third, len - 3)))
        n--;
      else if (len > 3 && before == 'e' && last == 'd' && third != 't' && third != 'd')
        n--;
      else if (len > 3 && before == 'e' && last == 's' && strchr ("sxzgch", third) == NULL)
        n--;
    }
  return MAX (n, 1);
}

guint
jk_readability_syllables_es (const char *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  glong n_chars = g_utf8_strlen (lower, -1);
  g_autofree gunichar *c = g_utf8_to_ucs4_fast (lower, -1, NULL);
  guint n = 0;
  gunichar prev = 0;
  gboolean in_vowels = FALSE;

  if (n_chars == 1 && c[0] == 'y')
    return 1;
  for (glong i = 0; i < n_chars; i++)
    {
      gboolean vowel = es_plain_vowel (c[i]);
      gunichar next = i + 1 < n_chars ? c[i + 1] : 0;

      /* que, qui, gue, gui: the u is not said. */
      if (c[i] == 'u' && i > 0 && (c[i - 1] == 'q' || c[i - 1] == 'g')
          && (next == 'e' || next == 'i' || next == 0xE9 || next == 0xED))
        vowel = FALSE;
      /* hoy, muy, rey: a weak vowel of the run before it. */
      if (c[i] == 'y' && i == n_chars - 1 && in_vowels)
        vowel = TRUE;
      if (vowel)
        {
          if (!in_vowels)
            n++;
          else if ((es_strong (prev) && es_strong (c[i])) || es_accented_weak (prev) || es_accented_weak (c[i]))
            n++;
          prev = c[i];
        }
      in_vowels = vowel;
    }
  return MAX (n, 1);
}

JkReadability *
jk_readability_measure (const char *text,
                        const char *language)
{
  JkReadability *self = g_new0 (JkReadability, 1);
  gboolean spanish = g_strcmp0 (language, "es") == 0;
  const char *start = text;
  const char *p = text;

  self->language = g_strdup (spanish ? "es" : "en");
  self->hardest = g_ptr_array_new_with_free_func ((GDestroyNotify) sentence_free);
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (c == '\n')
        {
          add_sentence (self, start, p, spanish);
          start = next;
        }
      else if (c == '!' || c == '?' || c == 0x2026 || (c == '.' && !is_word_char (g_utf8_get_char (next))))
        {
          /* "?!", "...", and a closing quote or bracket stay with it. */
          while (*next != '\0' && strchr (".!?\"')]", *next) != NULL && *next != '\n')
            next++;
          if (g_str_has_prefix (next, "\xE2\x80\x9D") || g_str_has_prefix (next, "\xE2\x80\x99"))
            next += 3;
          add_sentence (self, start, next, spanish);
          start = next;
        }
      p = next;
    }
  add_sentence (self, start, p, spanish);
  self->score = score_of (spanish, self->words, self->sentences, self->syllables);
  self->grade = grade_of (spanish, self->score, self->words);
  g_ptr_array_sort_with_data (self->hardest, compare_hardest, GINT_TO_POINTER (spanish));
  return self;
}

void
jk_readability_free (JkReadability *self)
{
  if (self == NULL)
    return;
  g_free (self->language);
  g_ptr_array_unref (self->hardest);
  g_free (self);
}
