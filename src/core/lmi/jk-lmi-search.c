/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-lmi-search.c: finding an occupation by the words a person types, and the postings that are one */

#define G_LOG_DOMAIN "jk-lmi-search"

#include <math.h>
#include <string.h>

#include "jobkiosk/jk-lmi.h"
#include "jobs/jk-vocabulary-private.h"
#include "lmi/jk-lmi-query-private.h"
#include "store/jk-store-private.h"

/* Visitor text is bounded: a paste costs no more than a sentence. */
#define MAX_WORDS 8
#define MAX_WORD_CHARS 40
/* Other words one typed word stands for (translations, spellings). */
#define MAX_ALTERNATIVES 10
#define MAX_TYPOS 8
/* Ranking reads this many of the best-ranked titles (bm25, main titles
 * weighted three times): one occupation has up to a hundred names, and a
 * common word ("assistant") is in thousands. */
#define RANK_WINDOW 400
/* Titles that count a posting as an occupation's, the shortest first. */
#define MAX_PHRASES 40
#define MAX_PHRASE_WORDS 4
/* Of those, the ones a count of postings looks for: each costs the jobs
 * index a phrase lookup, and the page counts while it opens. */
#define MAX_COUNTED_PHRASES 12

/* How well one typed word found a word of a title. */
#define HIT_EXACT 3.0       /* the word itself, or its singular or plural */
#define HIT_TYPING 2.8      /* the beginning of a word, for the word being typed */
#define HIT_ALTERNATIVE 2.6 /* a translation or other form from the vocabulary */
#define HIT_PREFIX 2.0      /* the beginning of a longer word */
#define HIT_TYPO 1.5        /* a word a letter or two away */

typedef struct {
  char *word;               /* folded */
  gboolean unfinished;      /* the last word while typing */
  GPtrArray *forms;         /* the word, and its singular */
  GPtrArray *alternatives;  /* from the vocabulary, found in the index */
  GPtrArray *typos;         /* words of the index near in spelling */
  gboolean as_prefix;       /* forms match the beginning of words */
} Group;

static const char *const stop_words[] = {
  "a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
  "al", "con", "de", "del", "el", "en", "la", "las", "los", "o", "para", "por", "un", "una", "y",
};

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
group_free (Group *group)
{
  g_free (group->word);
  g_ptr_array_unref (group->forms);
  g_ptr_array_unref (group->alternatives);
  g_ptr_array_unref (group->typos);
  g_free (group);
}

static Group *
group_new (const char *word,
           gboolean    unfinished)
{
  Group *group = g_new0 (Group, 1);
  gsize length = strlen (word);

  group->word = g_strdup (word);
  group->unfinished = unfinished;
  group->forms = g_ptr_array_new_with_free_func (g_free);
  group->alternatives = g_ptr_array_new_with_free_func (g_free);
  group->typos = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (group->forms, g_strdup (word));
  /* "drivers" also finds "Driver": the index is not stemmed. */
  if (!unfinished && length > 4 && word[length - 1] == 's' && word[length - 2] != 's')
    g_ptr_array_add (group->forms, g_strndup (word, length - 1));
  return group;
}

static gboolean
contains_string (GPtrArray  *array,
                 const char *text)
{
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (array->pdata[i], text))
      return TRUE;
  return FALSE;
}

/* Optimal string alignment distance (a swap of two neighbours is one
 * edit), over bytes: folded words are nearly always ASCII. Stops early
 * once it must exceed limit. */
static guint
edit_distance (const char *a,
               const char *b,
               guint       limit)
{
  gsize n = strlen (a), m = strlen (b);
  g_autofree guint *rows = NULL;
  guint *before, *previous, *current;

  if ((n > m ? n - m : m - n) > limit)
    return limit + 1;
  rows = g_new (guint, 3 * (m + 1));
  before = rows;
  previous = rows + m + 1;
  current = rows + 2 * (m + 1);
  for (gsize j = 0; j <= m; j++)
    previous[j] = (guint) j;
  for (gsize i = 1; i <= n; i++)
    {
      guint smallest;
      guint *spare;

      current[0] = (guint) i;
      smallest = current[0];
      for (gsize j = 1; j <= m; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint best = MIN (MIN (previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);

          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            best = MIN (best, before[j - 2] + 1);
          current[j] = best;
          smallest = MIN (smallest, best);
        }
      if (smallest > limit)
        return limit + 1;
      spare = before;
      before = previous;
      previous = current;
      current = spare;
    }
  return previous[m];
}

/* How far a word may be misspelt and still be found: none for short words,
 * where one letter makes another word ("cook", "cool"). */
static guint
typo_limit (const char *word)
{
  gsize length = strlen (word);

  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/* Whether the index has the word, or (with prefix) a word it begins. */
static gboolean
has_term (JkStore    *store,
          const char *word,
          gboolean    prefix,
          GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = jk_store_prepare (store,
                           prefix ? "SELECT 1 FROM lmi_search_terms WHERE key >= ?1 AND key < ?1 || x'f48fbfbf'"
                                    " AND key = term LIMIT 1"
                                  : "SELECT 1 FROM lmi_search_terms WHERE key = ?1 AND term = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, word, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    jk_store_set_error (store, error, "Cannot look up a word");
  return rc == SQLITE_ROW;
}

/* Adds to keys the word less one letter anywhere, for each of its forms
 * in keys from start on. */
static void
add_deletions (GPtrArray *keys,
               guint      start)
{
  guint end = keys->len;

  for (guint k = start; k < end; k++)
    {
      const char *word = keys->pdata[k];
      gsize length = strlen (word);

      for (gsize i = 0; i < length; i++)
        {
          char *shorter = g_malloc (length);

          memcpy (shorter, word, i);
          memcpy (shorter + i, word + i + 1, length - i);
          if (!contains_string (keys, shorter))
            g_ptr_array_add (keys, shorter);
          else
            g_free (shorter);
        }
    }
}

typedef struct {
  char *term;
  guint distance;
} Near;

static int
compare_near (gconstpointer a,
              gconstpointer b)
{
  const Near *x = a, *y = b;

  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  return (int) strlen (x->term) - (int) strlen (y->term);
}

static void
near_clear (gpointer data)
{
  g_free (((Near *) data)->term);
}

/* Words of the index a letter or two from word: the index's words less a
 * letter (lmi_search_terms) met by the word less none, one or (long words)
 * two letters, then measured. A word being typed is measured against the
 * beginnings of words that start with its letter. */
static gboolean
find_typos (JkStore  *store,
            Group    *group,
            GError  **error)
{
  guint limit = typo_limit (group->word);
  g_autoptr (GArray) near = g_array_new (FALSE, FALSE, sizeof (Near));
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_array_set_clear_func (near, near_clear);
  if (limit == 0)
    return TRUE;
  if (group->unfinished)
    {
      gsize length = strlen (group->word);
      char first[2] = { group->word[0], '\0' };

      stmt = jk_store_prepare (store,
                               "SELECT term FROM lmi_search_terms WHERE key >= ?1 AND key < ?1 || x'f48fbfbf'"
                               " AND key = term AND length (term) >= ?2",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, (int) length - 1);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *term = (const char *) sqlite3_column_text (stmt, 0);
          guint best = limit + 1;

          for (gsize cut = length - 1; cut <= length + 1 && cut <= strlen (term); cut++)
            {
              g_autofree char *start = g_strndup (term, cut);
              best = MIN (best, edit_distance (group->word, start, limit));
            }
          if (best <= limit)
            {
              Near one = { g_strdup (term), best };
              g_array_append_val (near, one);
            }
        }
    }
  else
    {
      g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GString) sql = g_string_new ("SELECT DISTINCT term FROM lmi_search_terms WHERE key IN (");

      g_ptr_array_add (keys, g_strdup (group->word));
      add_deletions (keys, 0);
      if (limit >= 2)
        add_deletions (keys, 1);
      for (guint i = 0; i < keys->len; i++)
        g_string_append (sql, i > 0 ? ", ?" : "?");
      g_string_append_c (sql, ')');
      stmt = jk_store_prepare (store, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < keys->len; i++)
        sqlite3_bind_text (stmt, (int) i + 1, keys->pdata[i], -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *term = (const char *) sqlite3_column_text (stmt, 0);
          guint distance = edit_distance (group->word, term, limit);

          if (distance <= limit)
            {
              Near one = { g_strdup (term), distance };
              g_array_append_val (near, one);
            }
        }
    }
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot look up spellings");
      return FALSE;
    }
  g_array_sort (near, compare_near);
  for (guint i = 0; i < near->len && group->typos->len < MAX_TYPOS; i++)
    g_ptr_array_add (group->typos, g_strdup (g_array_index (near, Near, i).term));
  return TRUE;
}

/* What one typed word may find. FALSE with error; a word that finds
 * nothing at all keeps no forms, alternatives or typos. */
static gboolean
resolve_group (JkStore  *store,
               Group    *group,
               GError  **error)
{
  g_autoptr (GPtrArray) expanded = g_ptr_array_new ();
  gboolean found = FALSE;
  GError *local = NULL;

  /* A word still being typed, and a finished one in the plural or its
   * beginning ("forklift" in "forklifts"): the index has no stems. */
  group->as_prefix = strlen (group->word) >= (group->unfinished ? 2 : 3);
  for (guint i = group->forms->len; i > 0; i--)
    {
      if (has_term (store, group->forms->pdata[i - 1], group->as_prefix, &local))
        found = TRUE;
      else
        g_ptr_array_remove_index (group->forms, i - 1);
      if (local != NULL)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
    }

  /* "cajero" is "cashier", "montacargas" "forklift". */
  jk_vocabulary_expand (group->word, group->unfinished, expanded, MAX_ALTERNATIVES);
  for (guint i = 0; i < expanded->len; i++)
    {
      const char *other = expanded->pdata[i];

      if (contains_string (group->forms, other) || contains_string (group->alternatives, other))
        continue;
      if (has_term (store, other, TRUE, &local))
        g_ptr_array_add (group->alternatives, g_strdup (other));
      if (local != NULL)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
    }
  if (found || group->alternatives->len > 0)
    return TRUE;
  return find_typos (store, group, error);
}

static gboolean
group_finds (const Group *group)
{
  return group->forms->len + group->alternatives->len + group->typos->len > 0;
}

static void
append_term (GString    *match,
             const char *term,
             gboolean    prefix,
             gboolean   *first)
{
  g_string_append (match, *first ? "\"" : " OR \"");
  for (const char *p = term; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, *p);
    }
  g_string_append (match, prefix ? "\"*" : "\"");
  *first = FALSE;
}

/* The FTS5 expression: every word, each as any of what it may find. */
static char *
build_match (GPtrArray *groups)
{
  GString *match = g_string_new (NULL);

  for (guint i = 0; i < groups->len; i++)
    {
      const Group *group = groups->pdata[i];
      gboolean first = TRUE;

      g_string_append (match, i > 0 ? " AND (" : "(");
      for (guint f = 0; f < group->forms->len; f++)
        append_term (match, group->forms->pdata[f], group->as_prefix, &first);
      for (guint a = 0; a < group->alternatives->len; a++)
        append_term (match, group->alternatives->pdata[a], TRUE, &first);
      for (guint t = 0; t < group->typos->len; t++)
        append_term (match, group->typos->pdata[t], TRUE, &first);
      g_string_append_c (match, ')');
    }
  return g_string_free (match, FALSE);
}

/* "cashier" is "cashiers" and "cashier's" is "cashier s": the same word. */
static gboolean
same_word (const char *token,
           const char *word)
{
  gsize length = strlen (word);

  return strncmp (token, word, length) == 0 &&
         (token[length] == '\0' || g_str_equal (token + length, "s") || g_str_equal (token + length, "es"));
}

static double
hit_quality (const Group *group,
             const char  *token)
{
  double best = 0;

  for (guint f = 0; f < group->forms->len; f++)
    {
      const char *form = group->forms->pdata[f];

      if (same_word (token, form))
        return HIT_EXACT;
      if (group->as_prefix && g_str_has_prefix (token, form))
        best = MAX (best, group->unfinished ? HIT_TYPING : HIT_PREFIX);
    }
  for (guint a = 0; a < group->alternatives->len; a++)
    if (same_word (token, group->alternatives->pdata[a]) ||
        (group->unfinished && g_str_has_prefix (token, group->alternatives->pdata[a])))
      best = MAX (best, HIT_ALTERNATIVE);
  for (guint t = 0; t < group->typos->len; t++)
    if (g_str_has_prefix (token, group->typos->pdata[t]))
      best = MAX (best, HIT_TYPO);
  return best;
}

static double
kind_bonus (const char *kind)
{
  if (g_strcmp0 (kind, "main") == 0)
    return 1.0;
  if (g_strcmp0 (kind, "short") == 0)
    return 0.8;
  if (g_strcmp0 (kind, "reported") == 0)
    return -0.2;
  return 0;
}

/* A title's score for the typed words: how well each word found one of
 * its words, how much of the title they cover, and a main title first. */
static double
score_title (GPtrArray  *groups,
             const char *title,
             const char *kind)
{
  g_autofree char *folded = jk_lmi_fold (title);
  g_autoptr (GPtrArray) tokens = jk_lmi_words (folded);
  g_autofree gboolean *covered = g_new0 (gboolean, tokens->len + 1);
  double total = 0;
  guint counted = 0, covered_count = 0;

  for (guint g = 0; g < groups->len; g++)
    {
      double best = 0;
      guint best_token = G_MAXUINT;

      for (guint t = 0; t < tokens->len; t++)
        {
          double quality = hit_quality (groups->pdata[g], tokens->pdata[t]);

          if (quality > best)
            {
              best = quality;
              best_token = t;
            }
        }
      if (best_token != G_MAXUINT)
        covered[best_token] = TRUE;
      total += best > 0 ? best : 0.5;
    }
  for (guint t = 0; t < tokens->len; t++)
    if (!jk_lmi_is_stop_word (tokens->pdata[t]))
      {
        counted++;
        if (covered[t])
          covered_count++;
      }
  return total / MAX (groups->len, 1) + kind_bonus (kind) + 1.5 * covered_count / MAX (counted, 1);
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const JkLmiMatch *x = *(JkLmiMatch *const *) a, *y = *(JkLmiMatch *const *) b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return g_utf8_collate (x->title, y->title);
}

/* The words of a title with what is in brackets left out ("Registered
 * Nurse (RN)" is named "Registered Nurse"); NULL for a title with a comma,
 * whose parts are not a name a posting uses ("Truck Drivers, Heavy"). */
static char *
phrase_for_title (const char *title)
{
  GString *phrase = g_string_new (NULL);
  int depth = 0;

  for (const char *p = title; *p != '\0'; p++)
    {
      if (*p == ',' || *p == ';')
        {
          g_string_free (phrase, TRUE);
          return NULL;
        }
      if (*p == '(' || *p == '[')
        depth++;
      else if ((*p == ')' || *p == ']') && depth > 0)
        depth--;
      else if (depth == 0)
        g_string_append_c (phrase, *p);
    }
  g_strstrip (phrase->str);
  phrase->len = strlen (phrase->str);
  return g_string_free (phrase, FALSE);
}

typedef struct {
  char *soc;      /* NULL once a second occupation has the phrase */
  char *kind;
  char *phrase;
} PhraseOwner;

static void
phrase_owner_free (PhraseOwner *owner)
{
  g_free (owner->soc);
  g_free (owner->kind);
  g_free (owner->phrase);
  g_free (owner);
}

static int
compare_phrases (gconstpointer a,
                 gconstpointer b)
{
  const PhraseOwner *x = *(PhraseOwner *const *) a, *y = *(PhraseOwner *const *) b;
  int by_soc = strcmp (x->soc, y->soc);

  if (by_soc != 0)
    return by_soc;
  return (int) strlen (x->phrase) - (int) strlen (y->phrase);
}

/* lmi_search_terms and lmi_job_phrases from lmi_search_titles. */
static gboolean
write_terms_and_phrases (JkStore  *store,
                         GError  **error)
{
  g_autoptr (sqlite3_stmt) read = jk_store_prepare (store, "SELECT soc, kind, coalesce (main, other) FROM lmi_search_titles",
                                                    error);
  g_autoptr (sqlite3_stmt) add_term = NULL;
  g_autoptr (sqlite3_stmt) add_phrase = NULL;
  g_autoptr (GHashTable) terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) phrase_owner_free);
  g_autoptr (GPtrArray) phrases = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;
  const char *last_soc = NULL;
  guint per_soc = 0;
  int rc;

  if (read == NULL)
    return FALSE;
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      const char *soc = (const char *) sqlite3_column_text (read, 0);
      const char *kind = (const char *) sqlite3_column_text (read, 1);
      const char *title = (const char *) sqlite3_column_text (read, 2);
      g_autofree char *folded = jk_lmi_fold (title != NULL ? title : "");
      g_autoptr (GPtrArray) words = jk_lmi_words (folded);
      g_autofree char *phrase = title != NULL ? phrase_for_title (title) : NULL;

      for (guint i = 0; i < words->len; i++)
        if (!g_hash_table_contains (terms, words->pdata[i]))
          g_hash_table_add (terms, g_strdup (words->pdata[i]));
      if (phrase != NULL)
        {
          g_autofree char *phrase_folded = jk_lmi_fold (phrase);
          g_autoptr (GPtrArray) phrase_words = jk_lmi_words (phrase_folded);
          g_autofree char *phrase_key = NULL;
          PhraseOwner *owner;

          if (phrase_words->len == 0 || phrase_words->len > MAX_PHRASE_WORDS ||
              (phrase_words->len == 1 && strlen (phrase_words->pdata[0]) < 3))
            continue;
          g_ptr_array_add (phrase_words, NULL);
          phrase_key = g_strjoinv (" ", (char **) phrase_words->pdata);
          owner = g_hash_table_lookup (owners, phrase_key);
          if (owner == NULL)
            {
              owner = g_new0 (PhraseOwner, 1);
              owner->soc = g_strdup (soc);
              owner->kind = g_strdup (kind);
              owner->phrase = g_strdup (phrase);
              g_hash_table_insert (owners, g_steal_pointer (&phrase_key), owner);
            }
          else if (owner->soc != NULL && !g_str_equal (owner->soc, soc))
            g_clear_pointer (&owner->soc, g_free);
        }
    }
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot read the occupation titles");
      return FALSE;
    }

  add_term = jk_store_prepare (store, "INSERT OR IGNORE INTO lmi_search_terms (key, term) VALUES (?1, ?2)", error);
  if (add_term == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, terms);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      const char *term = key;

      g_ptr_array_add (keys, g_strdup (term));
      /* Short words are not looked up by spelling (typo_limit). */
      if (strlen (term) >= 4)
        add_deletions (keys, 0);
      for (guint i = 0; i < keys->len; i++)
        {
          sqlite3_reset (add_term);
          sqlite3_bind_text (add_term, 1, keys->pdata[i], -1, SQLITE_STATIC);
          sqlite3_bind_text (add_term, 2, term, -1, SQLITE_STATIC);
          if (sqlite3_step (add_term) != SQLITE_DONE)
            {
              jk_store_set_error (store, error, "Cannot write the occupation search index");
              return FALSE;
            }
        }
    }

  /* A posting is counted by a title only one occupation has. */
  g_hash_table_iter_init (&iter, owners);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((PhraseOwner *) value)->soc != NULL)
      g_ptr_array_add (phrases, value);
  g_ptr_array_sort (phrases, compare_phrases);
  add_phrase = jk_store_prepare (store, "INSERT INTO lmi_job_phrases (soc, kind, phrase) VALUES (?1, ?2, ?3)", error);
  if (add_phrase == NULL)
    return FALSE;
  for (guint i = 0; i < phrases->len; i++)
    {
      const PhraseOwner *owner = phrases->pdata[i];

      if (last_soc == NULL || !g_str_equal (last_soc, owner->soc))
        per_soc = 0;
      last_soc = owner->soc;
      if (++per_soc > MAX_PHRASES)
        continue;
      sqlite3_reset (add_phrase);
      sqlite3_bind_text (add_phrase, 1, owner->soc, -1, SQLITE_STATIC);
      sqlite3_bind_text (add_phrase, 2, owner->kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (add_phrase, 3, owner->phrase, -1, SQLITE_STATIC);
      if (sqlite3_step (add_phrase) != SQLITE_DONE)
        {
          jk_store_set_error (store, error, "Cannot write the occupation titles for postings");
          return FALSE;
        }
    }
  return TRUE;
}

/* The typed text as word groups; NULL when it has no word to look for. */
static GPtrArray *
groups_for_text (const char *text,
                 gboolean    typing)
{
  g_autofree char *folded = NULL;
  g_autoptr (GPtrArray) words = NULL;
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  gboolean ends_in_word;
  gsize length;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return groups;
  folded = jk_lmi_fold (text);
  words = jk_lmi_words (folded);
  length = strlen (text);
  ends_in_word = length > 0 && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (text + length)));
  for (guint i = 0; i < words->len && groups->len < MAX_WORDS; i++)
    {
      const char *word = words->pdata[i];
      gboolean unfinished = typing && ends_in_word && i == words->len - 1;

      if (jk_lmi_is_stop_word (word) && !unfinished)
        continue;
      if (g_utf8_strlen (word, -1) > MAX_WORD_CHARS)
        continue;
      /* One letter being typed says nothing yet. */
      if (unfinished && strlen (word) < 2 && words->len > 1)
        continue;
      g_ptr_array_add (groups, group_new (word, unfinished));
    }
  return groups;
}

/* ---------------------------------------------------------------------- */
/* Shared in the area                                                     */

char *
jk_lmi_fold (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return jk_vocabulary_fold (text);
  return g_ascii_strdown (text, -1);
}

GPtrArray *
jk_lmi_words (const char *folded)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;

  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;
      gboolean letter = c != 0 && ((c < 0x80 && g_ascii_isalnum (c)) || (c >= 0x80 && g_unichar_isalnum (c)));

      if (letter && start == NULL)
        start = p;
      else if (!letter && start != NULL)
        {
          g_ptr_array_add (words, g_strndup (start, p - start));
          start = NULL;
        }
      if (c == 0)
        break;
    }
  return words;
}

gboolean
jk_lmi_is_stop_word (const char *folded)
{
  for (gsize i = 0; i < G_N_ELEMENTS (stop_words); i++)
    if (g_str_equal (folded, stop_words[i]))
      return TRUE;
  return FALSE;
}

gint64
jk_lmi_count_open_jobs (JkStore    *store,
                        const char *soc,
                        gint64      now,
                        char      **text,
                        GError    **error)
{
  g_autoptr (sqlite3_stmt) phrases = jk_store_prepare (
    store,
    "SELECT phrase FROM lmi_job_phrases WHERE soc = ?1"
    " ORDER BY kind = 'short' DESC, kind = 'main' DESC, instr (phrase, ' ') > 0 DESC, length (phrase) LIMIT ?2",
    error);
  g_autoptr (sqlite3_stmt) count = NULL;
  g_autoptr (GString) match = g_string_new (NULL);
  g_autofree char *compact = NULL;
  g_autofree char *detailed = NULL;
  int rc;

  *text = NULL;
  if (phrases == NULL)
    return -1;
  sqlite3_bind_text (phrases, 1, soc, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (phrases, 2, MAX_COUNTED_PHRASES);
  while ((rc = sqlite3_step (phrases)) == SQLITE_ROW)
    {
      const char *phrase = (const char *) sqlite3_column_text (phrases, 0);
      g_autofree char *folded = jk_lmi_fold (phrase);
      g_autoptr (GPtrArray) words = jk_lmi_words (folded);

      if (*text == NULL)
        *text = g_strdup (phrase);
      /* A phrase of the words alone: the jobs index is stemmed as the
       * postings are written, so "Cashiers" finds "Cashier". */
      g_string_append (match, match->len == 0 ? "title : (\"" : " OR \"");
      for (guint i = 0; i < words->len; i++)
        g_string_append_printf (match, "%s%s", i > 0 ? " " : "", (const char *) words->pdata[i]);
      g_string_append_c (match, '"');
    }
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot read the occupation's titles");
      return -1;
    }
  if (match->len > 0)
    g_string_append_c (match, ')');

  compact = g_strdup_printf ("%.2s%s", soc, strlen (soc) >= 7 ? soc + 3 : "");
  detailed = g_strdup_printf ("%s.00", soc);
  /* The titles' matches drive the second count (CROSS JOIN keeps that
   * order): through an index of jobs it would read every posting. */
  count = jk_store_prepare (
    store,
    "SELECT (SELECT count(*) FROM jobs j WHERE j.soc_code IS NOT NULL AND j.soc_code IN (?1, ?2, ?3)"
    "  AND j.duplicate = 0 AND (j.expires IS NULL OR j.expires > ?4))"
    " + CASE WHEN ?5 IS NULL THEN 0 ELSE"
    " (SELECT count(*) FROM jobs_title_fts m CROSS JOIN jobs j ON j.id = m.rowid WHERE jobs_title_fts MATCH ?5"
    "  AND (j.soc_code IS NULL OR j.soc_code = '') AND j.duplicate = 0 AND (j.expires IS NULL OR j.expires > ?4)) END",
    error);
  if (count == NULL)
    return -1;
  sqlite3_bind_text (count, 1, soc, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (count, 2, detailed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (count, 3, compact, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (count, 4, now);
  if (match->len > 0)
    sqlite3_bind_text (count, 5, match->str, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (count, 5);
  if (sqlite3_step (count) != SQLITE_ROW)
    {
      jk_store_set_error (store, error, "Cannot count the occupation's postings");
      return -1;
    }
  /* Job search finds postings by words, not by code: hand it the title
   * most of the coded postings have ("Forklift Operator"), which finds
   * them, rather than one of the occupation's own names ("Hi-Lo Driver"). */
  {
    g_autoptr (sqlite3_stmt) title = jk_store_prepare (
      store,
      "SELECT j.title FROM jobs j WHERE j.soc_code IN (?1, ?2, ?3) AND j.duplicate = 0"
      " AND (j.expires IS NULL OR j.expires > ?4) GROUP BY lower (j.title) ORDER BY count(*) DESC, max (j.id) DESC"
      " LIMIT 1",
      error);

    if (title == NULL)
      return -1;
    sqlite3_bind_text (title, 1, soc, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (title, 2, detailed, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (title, 3, compact, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (title, 4, now);
    if (sqlite3_step (title) == SQLITE_ROW && sqlite3_column_text (title, 0) != NULL)
      {
        g_free (*text);
        *text = g_strdup ((const char *) sqlite3_column_text (title, 0));
      }
  }
  return sqlite3_column_int64 (count, 0);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

gboolean
jk_lmi_reindex (JkStore  *store,
                GError  **error)
{
  /* Every name once per occupation, the best kind kept; titles of the
   * newest release of each kind, so names a newer O*NET dropped go. */
  static const char *const rebuild =
    "DELETE FROM lmi_search_titles;"
    "DELETE FROM lmi_search_terms;"
    "DELETE FROM lmi_job_phrases;"
    "INSERT INTO lmi_search_titles (soc, kind, main, other)"
    " SELECT soc, kind, CASE WHEN kind IN ('main', 'short') THEN title END,"
    "  CASE WHEN kind IN ('main', 'short') THEN NULL ELSE title END"
    " FROM (SELECT soc, kind, title, row_number () OVER (PARTITION BY soc, lower (title) ORDER BY"
    "   CASE kind WHEN 'main' THEN 0 WHEN 'short' THEN 1 WHEN 'alternate' THEN 2 ELSE 3 END) AS n"
    "  FROM (SELECT soc, 'main' AS kind, title FROM lmi_occupations"
    "   UNION ALL SELECT soc, kind, title FROM lmi_titles"
    "    WHERE release_id IN (SELECT max (id) FROM lmi_releases GROUP BY kind)))"
    " WHERE n = 1 AND trim (title) <> '' ORDER BY soc;"
    "INSERT INTO lmi_search (lmi_search) VALUES ('rebuild');";

  if (!jk_store_exec (store, rebuild, error))
    return FALSE;
  return write_terms_and_phrases (store, error);
}

void
jk_lmi_match_free (JkLmiMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->soc);
  g_free (match->title);
  g_free (match->matched_title);
  g_free (match->matched_kind);
  g_free (match);
}

GPtrArray *
jk_lmi_search (JkStore    *store,
               const char *text,
               gboolean    typing,
               guint       limit,
               GError    **error)
{
  g_autoptr (GPtrArray) groups = groups_for_text (text, typing);
  g_autoptr (GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_lmi_match_free);
  g_autoptr (GHashTable) by_soc = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *match = NULL;
  int rc;

  if (limit == 0)
    limit = 10;
  for (guint i = 0; i < groups->len; i++)
    if (!resolve_group (store, groups->pdata[i], error))
      return NULL;
  /* A word that finds nothing anywhere ("please", a name) narrows nothing:
   * the others still find what they can. */
  for (guint i = groups->len; i > 0; i--)
    if (!group_finds (groups->pdata[i - 1]))
      g_ptr_array_remove_index (groups, i - 1);
  if (groups->len == 0)
    return g_steal_pointer (&results);

  match = build_match (groups);
  stmt = jk_store_prepare (store,
                           "SELECT s.soc, s.kind, coalesce (s.main, s.other), o.title"
                           " FROM (SELECT rowid AS id, rank FROM lmi_search WHERE lmi_search MATCH ?1"
                           "  ORDER BY rank LIMIT ?2) m"
                           " JOIN lmi_search_titles s ON s.id = m.id"
                           " LEFT JOIN lmi_occupations o ON o.soc = s.soc",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, RANK_WINDOW);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *soc = (const char *) sqlite3_column_text (stmt, 0);
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      const char *title = (const char *) sqlite3_column_text (stmt, 2);
      const char *main_title = (const char *) sqlite3_column_text (stmt, 3);
      double score = score_title (groups, title, kind);
      JkLmiMatch *found = g_hash_table_lookup (by_soc, soc);

      if (found == NULL)
        {
          found = g_new0 (JkLmiMatch, 1);
          found->soc = g_strdup (soc);
          found->title = g_strdup (main_title != NULL ? main_title : title);
          found->score = -G_MAXDOUBLE;
          g_ptr_array_add (results, found);
          g_hash_table_insert (by_soc, found->soc, found);
        }
      if (score > found->score)
        {
          found->score = score;
          g_free (found->matched_title);
          g_free (found->matched_kind);
          found->matched_title = g_strdup (title);
          found->matched_kind = g_strdup (kind);
        }
    }
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot search the occupations");
      return NULL;
    }
  g_ptr_array_sort (results, compare_matches);
  if (results->len > limit)
    g_ptr_array_set_size (results, limit);
  return g_steal_pointer (&results);
}

char *
jk_lmi_normalize_soc (const char *text)
{
  char digits[7];
  guint count = 0;
  const char *p;

  if (text == NULL)
    return NULL;
  p = text;
  while (g_ascii_isspace (*p))
    p++;
  for (; *p != '\0' && *p != '.' && count < G_N_ELEMENTS (digits); p++)
    {
      if (g_ascii_isdigit (*p))
        digits[count++] = *p;
      else if (!(*p == '-' && count == 2))
        return NULL;
    }
  if (count != 6)
    return NULL;
  /* "29-1141.00", "11-1011.03": O*NET's detailed codes. */
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
        return NULL;
      p += 2;
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return NULL;
  return g_strdup_printf ("%.2s-%.4s", digits, digits + 2);
}

char *
jk_lmi_soc_for_job (JkStore     *store,
                    const JkJob *job,
                    GError     **error)
{
  g_autofree char *soc = jk_lmi_normalize_soc (job->soc_code);
  g_autofree char *folded = NULL;
  g_autoptr (GPtrArray) words = NULL;
  g_autoptr (GString) match = g_string_new (NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *best = NULL;
  guint best_words = 0;
  double best_bonus = -1;
  int rc;

  if (soc != NULL)
    {
      g_autoptr (sqlite3_stmt) known = jk_store_prepare (store, "SELECT 1 FROM lmi_occupations WHERE soc = ?1", error);

      if (known == NULL)
        return NULL;
      sqlite3_bind_text (known, 1, soc, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (known);
      if (rc == SQLITE_ROW)
        return g_steal_pointer (&soc);
      if (rc != SQLITE_DONE)
        {
          jk_store_set_error (store, error, "Cannot look up the occupation");
          return NULL;
        }
    }
  if (job->title == NULL)
    return NULL;

  /* Titles holding any of the posting's words, then those whose every
   * word the posting has. */
  folded = jk_lmi_fold (job->title);
  words = jk_lmi_words (folded);
  for (guint i = 0, used = 0; i < words->len && used < 2 * MAX_WORDS; i++)
    {
      const char *word = words->pdata[i];
      gboolean first = match->len == 0;

      if (jk_lmi_is_stop_word (word) || g_utf8_strlen (word, -1) > MAX_WORD_CHARS)
        continue;
      if (!first)
        g_string_append (match, " OR ");
      first = TRUE;
      append_term (match, word, strlen (word) >= 3, &first);
      used++;
    }
  if (match->len == 0)
    return NULL;
  stmt = jk_store_prepare (store,
                           "SELECT s.soc, s.kind, coalesce (s.main, s.other),"
                           "  EXISTS (SELECT 1 FROM lmi_job_phrases p WHERE p.soc = s.soc"
                           "   AND p.phrase = coalesce (s.main, s.other))"
                           " FROM (SELECT rowid AS id, rank FROM lmi_search WHERE lmi_search MATCH ?1"
                           "  ORDER BY rank LIMIT ?2) m"
                           " JOIN lmi_search_titles s ON s.id = m.id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match->str, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, RANK_WINDOW);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *title = jk_lmi_fold ((const char *) sqlite3_column_text (stmt, 2));
      g_autoptr (GPtrArray) tokens = jk_lmi_words (title);
      gboolean unique = sqlite3_column_int (stmt, 3) != 0;
      guint counted = 0;
      gboolean all = TRUE;
      double bonus = kind_bonus (kind);

      for (guint t = 0; t < tokens->len && all; t++)
        {
          const char *token = tokens->pdata[t];
          gboolean has = FALSE;

          if (jk_lmi_is_stop_word (token))
            continue;
          counted++;
          for (guint w = 0; w < words->len && !has; w++)
            has = same_word (token, words->pdata[w]) || same_word (words->pdata[w], token);
          all = has;
        }
      /* One word a title shares with other occupations ("Driver") does not
       * say which one it is. */
      if (!all || counted == 0 || (counted == 1 && bonus <= 0 && !unique))
        continue;
      if (counted > best_words || (counted == best_words && bonus > best_bonus))
        {
          best_words = counted;
          best_bonus = bonus;
          g_free (best);
          best = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
        }
    }
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot match the job to an occupation");
      return NULL;
    }
  return g_steal_pointer (&best);
}
