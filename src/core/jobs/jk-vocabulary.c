/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-vocabulary.c: the bundled Spanish and English job words, so a word in one language finds the other */

#define G_LOG_DOMAIN "jk-vocabulary"

#include <string.h>

#include "jobkiosk/jk-config.h"
#include "jobs/jk-vocabulary-private.h"

/* More keys than this beginning with a half-typed word ("con") mean
 * nothing yet: no expansion. */
#define MAX_PREFIX_KEYS 12

typedef struct {
  GHashTable *words; /* folded word (interned) → GPtrArray of folded terms (interned) */
  GPtrArray *keys;   /* the words, sorted, for prefixes */
} Vocabulary;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
add_once (GPtrArray  *terms,
          const char *term)
{
  for (guint i = 0; i < terms->len; i++)
    if (terms->pdata[i] == term) /* interned: one pointer per text */
      return;
  g_ptr_array_add (terms, (gpointer) term);
}

/* A term as the index can match it: words of letters and digits, folded,
 * one space between them (a phrase); NULL when nothing is left. */
static const char *
clean_term (const char *text)
{
  g_autofree char *folded = jk_vocabulary_fold (text);
  g_autoptr (GString) term = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (space && term->len > 0)
            g_string_append_c (term, ' ');
          space = FALSE;
          g_string_append_unichar (term, c);
        }
      else
        space = TRUE;
    }
  return term->len > 0 ? g_intern_string (term->str) : NULL;
}

static gboolean
is_plural_of_any (const char      *word,
                  const GPtrArray *group)
{
  gsize length = strlen (word);

  for (guint i = 0; i < group->len; i++)
    {
      const char *other = group->pdata[i];
      gsize stem = strlen (other);

      if (stem < length && strncmp (word, other, stem) == 0 &&
          (g_str_equal (word + stem, "s") || g_str_equal (word + stem, "es")))
        return TRUE;
    }
  return FALSE;
}

static void
add_line (Vocabulary *vocabulary,
          const char *line)
{
  g_auto (GStrv) sides = g_strsplit (line, "\t", -1);
  g_autoptr (GPtrArray) group = g_ptr_array_new ();
  g_autoptr (GPtrArray) searched = g_ptr_array_new ();

  if (g_strv_length (sides) != 2)
    {
      g_debug ("Not a vocabulary line: %s", line);
      return;
    }
  for (guint s = 0; s < 2; s++)
    {
      g_auto (GStrv) words = g_strsplit (sides[s], ",", -1);

      for (guint w = 0; words[w] != NULL; w++)
        {
          const char *term = clean_term (words[w]);

          if (term != NULL)
            add_once (group, term);
        }
    }
  /* A regular plural of another word of the line is found by that word
   * already (the index stems "cocineros" to "cocinero"): it is looked up,
   * never searched for. */
  for (guint i = 0; i < group->len; i++)
    if (!is_plural_of_any (group->pdata[i], group))
      g_ptr_array_add (searched, group->pdata[i]);
  /* Every single word of the line stands for all of them. */
  for (guint i = 0; i < group->len; i++)
    {
      const char *key = group->pdata[i];
      GPtrArray *terms;

      if (strchr (key, ' ') != NULL)
        continue;
      terms = g_hash_table_lookup (vocabulary->words, key);
      if (terms == NULL)
        {
          terms = g_ptr_array_new ();
          g_hash_table_insert (vocabulary->words, (gpointer) key, terms);
          g_ptr_array_add (vocabulary->keys, (gpointer) key);
        }
      for (guint j = 0; j < searched->len; j++)
        add_once (terms, searched->pdata[j]);
    }
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static gpointer
load_vocabulary (gpointer data)
{
  Vocabulary *vocabulary = g_new0 (Vocabulary, 1);
  g_autofree char *path = g_build_filename (jk_get_pkgdatadir (), "vocabulary", "es-en.tsv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;

  vocabulary->words = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  vocabulary->keys = g_ptr_array_new ();
  /* Without it, words find what they find in their own language. */
  if (!g_file_get_contents (path, &contents, NULL, &error) || !g_utf8_validate (contents, -1, NULL))
    {
      g_message ("No job vocabulary, words are not translated: %s",
                 error != NULL ? error->message : "not UTF-8 text");
      return vocabulary;
    }
  for (char *line = contents, *next; line != NULL; line = next)
    {
      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      g_strchomp (line);
      if (line[0] != '\0' && line[0] != '#')
        add_line (vocabulary, line);
    }
  g_ptr_array_sort (vocabulary->keys, compare_keys);
  return vocabulary;
}

static const Vocabulary *
get_vocabulary (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_vocabulary, NULL);
}

static void
add_terms (GPtrArray       *terms,
           const GPtrArray *from,
           guint            max)
{
  for (guint i = 0; i < from->len && terms->len < max; i++)
    add_once (terms, from->pdata[i]);
}

/* The line of a word, or of its singular when it is a regular plural
 * ("cajeros", "almacenes", "nannies", "capataces"). */
static const GPtrArray *
lookup_word (const Vocabulary *vocabulary,
             const char       *word)
{
  static const struct {
    const char *plural;
    const char *singular;
  } endings[] = { { "s", "" }, { "es", "" }, { "ies", "y" }, { "ces", "z" } };
  const GPtrArray *terms = g_hash_table_lookup (vocabulary->words, word);
  gsize length = strlen (word);

  for (gsize i = 0; terms == NULL && length >= 4 && i < G_N_ELEMENTS (endings); i++)
    if (g_str_has_suffix (word, endings[i].plural))
      {
        g_autofree char *singular = g_strdup_printf ("%.*s%s", (int) (length - strlen (endings[i].plural)), word, endings[i].singular);
        terms = g_hash_table_lookup (vocabulary->words, singular);
      }
  return terms;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

char *
jk_vocabulary_fold (const char *word)
{
  g_autofree char *decomposed = g_utf8_normalize (word, -1, G_NORMALIZE_NFD);
  GString *folded = g_string_new (NULL);

  if (decomposed == NULL)
    return g_string_free (folded, FALSE);
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (folded, g_unichar_tolower (c));
    }
  return g_string_free (folded, FALSE);
}

void
jk_vocabulary_expand (const char *word,
                      gboolean    prefix,
                      GPtrArray  *terms,
                      guint       max)
{
  const Vocabulary *vocabulary = get_vocabulary ();
  g_autofree char *folded = jk_vocabulary_fold (word);
  const GPtrArray *found;
  g_autoptr (GPtrArray) by_prefix = NULL;
  guint first, last, keys;

  found = lookup_word (vocabulary, folded);
  if (found != NULL)
    add_terms (terms, found, max);
  if (!prefix || folded[0] == '\0')
    return;

  /* The first key not before the prefix, by bisection. */
  first = 0;
  last = vocabulary->keys->len;
  while (first < last)
    {
      guint middle = first + (last - first) / 2;

      if (strcmp (vocabulary->keys->pdata[middle], folded) < 0)
        first = middle + 1;
      else
        last = middle;
    }
  by_prefix = g_ptr_array_new ();
  for (keys = 0; first + keys < vocabulary->keys->len; keys++)
    {
      const char *key = vocabulary->keys->pdata[first + keys];

      if (!g_str_has_prefix (key, folded))
        break;
      if (keys == MAX_PREFIX_KEYS)
        return;
      add_terms (by_prefix, g_hash_table_lookup (vocabulary->words, key), G_MAXUINT);
    }
  /* Words that begin alike but mean different things: wait for more letters. */
  if (by_prefix->len <= max)
    add_terms (terms, by_prefix, max);
}
