/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-typing.c: the typing test: its passages, the home-row drill and the scoring */
#define G_LOG_DOMAIN "jk-typing"

#include <string.h>

#include <jobkiosk/jk-config.h>

#include "jobkiosk/jk-typing.h"

typedef struct {
  GPtrArray *passages; /* JkTypingPassage */
  GError *error;
} Passages;

/* The edits that line typed words up with the passage's. */
typedef enum {
  STEP_MATCH,
  STEP_WRONG,
  STEP_ADDED,   /* a typed word the passage does not have there */
  STEP_MISSED,  /* a passage word left out */
} Step;

/* Keys a, s, d, f, j, k, l and ; alone, then words made of them: the
 * fingers stay where they rest. */
static const char home_row_drill[] =
  "asdf jkl; asdf jkl; fdsa ;lkj fdsa ;lkj aa ss dd ff jj kk ll ;; "
  "fj dk sl a; fj dk sl a; as ad ask all add lad sad dad fad "
  "fall flask salad; a lass asks dad; all lads fall; add a flask;";

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
passage_free (JkTypingPassage *passage)
{
  g_free (passage->id);
  g_free (passage->language);
  g_free (passage->title);
  g_free (passage->text);
  g_free (passage);
}

static void
typing_error_free (JkTypingError *error)
{
  g_free (error->expected);
  g_free (error->typed);
  g_free (error);
}

static gpointer
load_passages (gpointer data)
{
  Passages *set = g_new0 (Passages, 1);
  g_autofree char *path = g_build_filename (jk_get_pkgdatadir (), "typing", "passages.ini", NULL);
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_auto (GStrv) groups = NULL;

  set->passages = g_ptr_array_new_with_free_func ((GDestroyNotify) passage_free);
  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &set->error))
    {
      g_prefix_error (&set->error, "%s: ", path);
      return set;
    }
  groups = g_key_file_get_groups (file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      JkTypingPassage *passage = g_new0 (JkTypingPassage, 1);

      passage->id = g_strdup (groups[i]);
      passage->language = g_key_file_get_string (file, groups[i], "language", NULL);
      passage->title = g_key_file_get_string (file, groups[i], "title", NULL);
      passage->text = g_key_file_get_string (file, groups[i], "text", NULL);
      g_ptr_array_add (set->passages, passage);
      if (passage->language == NULL || passage->title == NULL || passage->text == NULL)
        {
          g_set_error (&set->error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       "%s: passage %s lacks its language, title or text", path, groups[i]);
          return set;
        }
    }
  return set;
}

/* Words as the test compares them: split at any white space. */
static GStrv
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new ();
  const char *p = text != NULL ? text : "";

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_add (words, g_strndup (start, p - start));
    }
  g_ptr_array_add (words, NULL);
  return (GStrv) g_ptr_array_free (words, FALSE);
}

static gboolean
ends_in_space (const char *text)
{
  const char *last;

  if (text == NULL || text[0] == '\0')
    return FALSE;
  last = g_utf8_find_prev_char (text, text + strlen (text));
  return last != NULL && g_unichar_isspace (g_utf8_get_char (last));
}

static void
add_error (JkTypingResult *result,
           const char     *expected,
           const char     *typed)
{
  JkTypingError *error = g_new0 (JkTypingError, 1);

  error->expected = g_strdup (expected);
  error->typed = g_strdup (typed);
  g_ptr_array_add (result->error_list, error);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

/* The passages in LANGUAGE ("en" or "es"), in the file's order: a new array
 * of the module's passages (free the array only). */
GPtrArray *
jk_typing_get_passages (const char  *language,
                        GError     **error)
{
  static GOnce once = G_ONCE_INIT;
  const Passages *set = g_once (&once, load_passages, NULL);
  GPtrArray *out;

  if (set->error != NULL)
    {
      g_propagate_error (error, g_error_copy (set->error));
      return NULL;
    }
  out = g_ptr_array_new ();
  for (guint i = 0; i < set->passages->len; i++)
    {
      JkTypingPassage *passage = g_ptr_array_index (set->passages, i);

      if (g_strcmp0 (passage->language, language) == 0)
        g_ptr_array_add (out, passage);
    }
  return out;
}

const char *
jk_typing_home_row_drill (void)
{
  return home_row_drill;
}

/* Whether TYPED has reached the passage's end: as many words as the
 * passage, the last one complete (a space after it, or as long as the
 * passage's last word). */
gboolean
jk_typing_is_finished (const char *passage,
                       const char *typed)
{
  g_auto (GStrv) want = split_words (passage);
  g_auto (GStrv) got = split_words (typed);
  guint n = g_strv_length (want);
  guint m = g_strv_length (got);

  if (n == 0 || m < n)
    return FALSE;
  if (m > n || ends_in_space (typed))
    return TRUE;
  return g_utf8_strlen (got[m - 1], -1) >= g_utf8_strlen (want[n - 1], -1);
}

/* Scores TYPED against PASSAGE after SECONDS of typing (see jk-typing.h). */
JkTypingResult *
jk_typing_score (const char *passage,
                 const char *typed,
                 double      seconds)
{
  JkTypingResult *result = g_new0 (JkTypingResult, 1);
  g_auto (GStrv) want = split_words (passage);
  g_auto (GStrv) got = split_words (typed);
  guint n = g_strv_length (want);
  guint m = g_strv_length (got);
  gboolean in_progress = m > 0 && !ends_in_space (typed);
  g_autofree guint *cost = g_new (guint, (gsize) (m + 1) * (n + 1));
  g_autofree guint8 *step = g_new (guint8, (gsize) (m + 1) * (n + 1));
  GArray *path = g_array_new (FALSE, FALSE, sizeof (guint8));
  guint error_chars = 0;
  guint best_j = 0;
  guint edit = m + 1;
  guint i, j;

#define AT(a, b) ((gsize) (a) * (n + 1) + (b))
  result->error_list = g_ptr_array_new_with_free_func ((GDestroyNotify) typing_error_free);
  result->minutes = seconds / 60.0;
  result->typed_chars = typed != NULL ? g_utf8_strlen (typed, -1) : 0;
  result->typed_words = m;

  /* The fewest edits lining got[0..i) up with want[0..j); among as few,
   * the fewest typed words in error (so "one three" for "one two three"
   * is "two" left out, not two words wrong): an edit weighs EDIT, a typed
   * word in error one more. */
  for (i = 0; i <= m; i++)
    for (j = 0; j <= n; j++)
      {
        guint best = G_MAXUINT;
        guint8 how = STEP_MATCH;

        if (i == 0 && j == 0)
          {
            cost[AT (0, 0)] = 0;
            step[AT (0, 0)] = STEP_MATCH;
            continue;
          }
        if (i > 0 && j > 0)
          {
            gboolean same = strcmp (got[i - 1], want[j - 1]) == 0 ||
                            (in_progress && i == m && g_str_has_prefix (want[j - 1], got[i - 1]));

            best = cost[AT (i - 1, j - 1)] + (same ? 0 : edit + 1);
            how = same ? STEP_MATCH : STEP_WRONG;
          }
        if (i > 0 && cost[AT (i - 1, j)] + edit + 1 < best)
          {
            best = cost[AT (i - 1, j)] + edit + 1;
            how = STEP_ADDED;
          }
        if (j > 0 && cost[AT (i, j - 1)] + edit < best)
          {
            best = cost[AT (i, j - 1)] + edit;
            how = STEP_MISSED;
          }
        cost[AT (i, j)] = best;
        step[AT (i, j)] = how;
      }
  /* What was not reached yet is free: the best end on the passage, the
   * furthest of equals ("wor " at the end is "world" typed wrong). */
  for (j = 0; j <= n; j++)
    if (cost[AT (m, j)] <= cost[AT (m, best_j)])
      best_j = j;

  for (i = m, j = best_j; i > 0 || j > 0;)
    {
      guint8 how = step[AT (i, j)];

      g_array_append_val (path, how);
      if (how == STEP_MATCH || how == STEP_WRONG)
        i--, j--;
      else if (how == STEP_ADDED)
        i--;
      else
        j--;
    }
  /* Walk forward so the errors are in passage order. */
  for (guint k = path->len, a = 0, b = 0; k > 0; k--)
    {
      guint8 how = g_array_index (path, guint8, k - 1);

      switch (how)
        {
        case STEP_MATCH:
          a++, b++;
          break;
        case STEP_WRONG:
          add_error (result, want[b], got[a]);
          error_chars += g_utf8_strlen (got[a], -1);
          a++, b++;
          break;
        case STEP_ADDED:
          add_error (result, "", got[a]);
          error_chars += g_utf8_strlen (got[a], -1);
          a++;
          break;
        default:
          add_error (result, want[b], "");
          b++;
          break;
        }
    }
  g_array_unref (path);
#undef AT

  result->errors = result->error_list->len;
  result->correct_chars = result->typed_chars - MIN (error_chars, result->typed_chars);
  result->finished = jk_typing_is_finished (passage, typed);
  if (result->minutes > 0)
    {
      result->gross_wpm = ((double) result->typed_chars / JK_TYPING_CHARS_PER_WORD) / result->minutes;
      result->net_wpm = MAX (0.0, result->gross_wpm - result->errors / result->minutes);
    }
  result->accuracy = result->typed_chars > 0 ? (double) result->correct_chars / result->typed_chars : 0.0;
  return result;
}

void
jk_typing_result_free (JkTypingResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->error_list, g_ptr_array_unref);
  g_free (result);
}
