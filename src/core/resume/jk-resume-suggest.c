/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-resume-suggest.c: what the resume builder offers: O*NET's tasks and skills, else the bundled list */

#define G_LOG_DOMAIN "jk-resume-suggest"

#include <string.h>
#include <sqlite3.h>

#include <jobkiosk/jk-config.h>
#include <jobkiosk/jk-lmi-words.h>
#include <jobkiosk/jk-resume-suggest.h>
#include "jobs/jk-vocabulary-private.h"
#include "store/jk-store-private.h"

/* Languages of the bundled file: a key without brackets is English. */
enum {
  LANG_EN,
  LANG_ES,
  N_LANGS,
};

/* O*NET's task statements run long; a duty longer than this is cut at a
 * clause ("…, such as…") or left out. */
#define MAX_DUTY_LENGTH 90
#define MAX_DUTIES      8
#define MAX_SKILLS      8
/* Tasks read to find MAX_DUTIES short enough. */
#define MAX_TASKS_READ  40

typedef struct {
  char *soc;
  GStrv socs;                 /* other codes for the same job */
  char *title[N_LANGS];
  GStrv summary[N_LANGS];
  GStrv duties[N_LANGS];
  GStrv skills[N_LANGS];
  GPtrArray *names;           /* GStrv: each name (title and others, both languages) as stemmed words */
} Entry;

typedef struct {
  GPtrArray *entries;         /* Entry, file order */
  Entry *general;             /* no soc, no title */
  GStrv template_summary[N_LANGS];
  GStrv certificates[N_LANGS];
  GStrv credentials[N_LANGS];
  GStrv other[N_LANGS];
} Suggestions;

/* Words that say nothing about which job it is. */
static const char *const stop_words[] = {
  "a", "an", "and", "the", "of", "at", "in", "for", "or", "de", "del", "la", "el", "los", "las", "y", "en", "o",
  "con", "para", "un", "una",
};
/* Words many jobs share: half a match, never a match alone. */
static const char *const generic_words[] = {
  "worker", "clerk", "assistant", "associate", "helper", "driver", "operator", "aide", "member", "team",
  "general", "trabajador", "ayudante", "asistente", "auxiliar", "empleado", "operario", "operador", "chofer",
  "conductor", "encargado",
};

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static int
language_index (const char *language)
{
  return language != NULL && g_str_has_prefix (language, "es") ? LANG_ES : LANG_EN;
}

static gboolean
in_list (const char        *word,
         const char *const *list,
         gsize              length)
{
  for (gsize i = 0; i < length; i++)
    if (g_str_equal (word, list[i]))
      return TRUE;
  return FALSE;
}

/* A word as titles are compared: folded, without a plural "s", then
 * without the vowel that ends it, so "Cajeras" meets "cajero", "Aides"
 * "aide" and "conductores" "conductor". Both sides are cut alike. */
static char *
stem_word (const char *folded)
{
  gsize length = strlen (folded);

  if (length > 3 && folded[length - 1] == 's' && folded[length - 2] != 's')
    length--;
  if (length >= 5 && strchr ("aeo", folded[length - 1]) != NULL)
    length--;
  return g_strndup (folded, length);
}

static gboolean
is_generic (const char *stem)
{
  for (gsize i = 0; i < G_N_ELEMENTS (generic_words); i++)
    {
      g_autofree char *generic = stem_word (generic_words[i]);
      if (g_str_equal (stem, generic))
        return TRUE;
    }
  return FALSE;
}

/* The words of a title that can tell jobs apart, stemmed. */
static GStrv
title_words (const char *title)
{
  g_autofree char *folded = jk_vocabulary_fold (title);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GString) word = g_string_new (NULL);

  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0 && !in_list (word->str, stop_words, G_N_ELEMENTS (stop_words)))
        {
          g_autofree char *stem = stem_word (word->str);
          g_strv_builder_add (builder, stem);
        }
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
  return g_strv_builder_end (builder);
}

static void
add_name (Entry      *entry,
          const char *name)
{
  GStrv words = title_words (name);

  if (words[0] == NULL)
    {
      g_strfreev (words);
      return;
    }
  g_ptr_array_add (entry->names, words);
}

/* A list of the group in one language; an empty list when missing (the
 * data test finds what is missing, the kiosk goes on). */
static GStrv
get_list (GKeyFile   *file,
          const char *group,
          const char *key,
          int         lang)
{
  g_autofree char *localized = lang == LANG_EN ? g_strdup (key) : g_strdup_printf ("%s[es]", key);
  GStrv list = g_key_file_get_string_list (file, group, localized, NULL, NULL);

  if (list == NULL && lang != LANG_EN)
    list = g_key_file_get_string_list (file, group, key, NULL, NULL);
  if (list == NULL)
    list = g_new0 (char *, 1);
  /* Items are trimmed, and an empty one (a trailing ";") dropped. */
  for (guint i = 0, kept = 0;; i++)
    {
      if (list[i] == NULL)
        {
          list[kept] = NULL;
          break;
        }
      g_strstrip (list[i]);
      if (list[i][0] == '\0')
        g_free (list[i]);
      else
        list[kept++] = list[i];
    }
  return list;
}

static char *
get_text (GKeyFile   *file,
          const char *group,
          const char *key,
          int         lang)
{
  g_autofree char *localized = lang == LANG_EN ? g_strdup (key) : g_strdup_printf ("%s[es]", key);
  char *text = g_key_file_get_string (file, group, localized, NULL);

  if (text == NULL && lang != LANG_EN)
    text = g_key_file_get_string (file, group, key, NULL);
  return text;
}

static Entry *
read_entry (GKeyFile   *file,
            const char *group)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->soc = g_strdup (group);
  entry->socs = g_key_file_get_string_list (file, group, "socs", NULL, NULL);
  entry->names = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (int lang = 0; lang < N_LANGS; lang++)
    {
      g_auto (GStrv) names = get_list (file, group, "names", lang);

      entry->title[lang] = get_text (file, group, "title", lang);
      entry->summary[lang] = get_list (file, group, "summary", lang);
      entry->duties[lang] = get_list (file, group, "duties", lang);
      entry->skills[lang] = get_list (file, group, "skills", lang);
      if (entry->title[lang] != NULL)
        add_name (entry, entry->title[lang]);
      for (guint i = 0; names[i] != NULL; i++)
        add_name (entry, names[i]);
    }
  return entry;
}

/* "41-2011": a group that is an occupation. */
static gboolean
is_soc (const char *text)
{
  return strlen (text) == 7 && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) && text[2] == '-' &&
         g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[4]) && g_ascii_isdigit (text[5]) &&
         g_ascii_isdigit (text[6]);
}

static gpointer
load_suggestions (gpointer data)
{
  Suggestions *suggestions = g_new0 (Suggestions, 1);
  g_autofree char *path = g_build_filename (jk_get_pkgdatadir (), "resume", "suggestions.ini", NULL);
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) groups = NULL;

  suggestions->entries = g_ptr_array_new ();
  /* Without the file the builder still works: it offers nothing to pick.
   * Translations are dropped on loading unless kept. */
  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_TRANSLATIONS, &error))
    g_warning ("No resume suggestions, the builder offers none: %s: %s", path, error->message);
  groups = g_key_file_get_groups (file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    if (is_soc (groups[i]))
      g_ptr_array_add (suggestions->entries, read_entry (file, groups[i]));
  suggestions->general = read_entry (file, "general");
  g_clear_pointer (&suggestions->general->soc, g_free);
  for (int lang = 0; lang < N_LANGS; lang++)
    {
      suggestions->template_summary[lang] = get_list (file, "template", "summary", lang);
      suggestions->certificates[lang] = get_list (file, "certificates", "items", lang);
      suggestions->credentials[lang] = get_list (file, "credentials", "items", lang);
      suggestions->other[lang] = get_list (file, "other", "items", lang);
    }
  return suggestions;
}

/* Read once, by whichever thread asks first; read-only after. */
static const Suggestions *
get_suggestions (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_suggestions, NULL);
}

static const Entry *
find_by_soc (const Suggestions *suggestions,
             const char        *soc)
{
  for (guint i = 0; i < suggestions->entries->len; i++)
    {
      const Entry *entry = suggestions->entries->pdata[i];

      if (g_str_equal (entry->soc, soc) || (entry->socs != NULL && g_strv_contains ((const char *const *) entry->socs, soc)))
        return entry;
    }
  return NULL;
}

/* How well typed words name a title's words: 0 for not at all; the whole
 * of both alike scores 3. */
static double
score_name (GStrv typed,
            GStrv name)
{
  guint n_typed = g_strv_length (typed);
  guint n_name = g_strv_length (name);
  double matched = 0;
  gboolean specific = FALSE;

  for (guint i = 0; typed[i] != NULL; i++)
    if (g_strv_contains ((const char *const *) name, typed[i]))
      {
        gboolean generic = is_generic (typed[i]);

        matched += generic ? 0.5 : 1.0;
        specific = specific || !generic;
      }
  /* A match names the job: most of what was typed, or all of the name. */
  if (!specific || (matched * 2 < n_typed && matched < n_name))
    return 0;
  return 2 * matched / n_typed + matched / n_name;
}

static const Entry *
find_by_title (const Suggestions *suggestions,
               const char        *title)
{
  g_auto (GStrv) typed = title_words (title);
  const Entry *best = NULL;
  double best_score = 0;

  if (typed[0] == NULL)
    return NULL;
  for (guint i = 0; i < suggestions->entries->len; i++)
    {
      const Entry *entry = suggestions->entries->pdata[i];

      for (guint n = 0; n < entry->names->len; n++)
        {
          /* Titles come first among the names: a tie goes to a title. */
          double score = score_name (typed, entry->names->pdata[n]);

          if (score > best_score)
            {
              best_score = score;
              best = entry;
            }
        }
    }
  return best;
}

static GPtrArray *
copy_list (GStrv list)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    g_ptr_array_add (copy, g_strdup (list[i]));
  return copy;
}

/* An occupation's name as it reads inside a sentence: O*NET's plural
 * title made one ("Nursing Assistants" → "nursing assistant"), words in
 * lower case except those written all in capitals ("CNA"). */
static char *
title_in_sentence (const char *title,
                   gboolean    from_onet)
{
  g_autofree char *name = NULL;
  g_auto (GStrv) words = NULL;
  const char *comma = strchr (title, ',');

  name = comma != NULL ? g_strndup (title, comma - title) : g_strdup (title);
  if (from_onet)
    {
      /* "Janitors and Cleaners": the first of two names; "Home Health and
       * Personal Care Aides" is one. */
      const char *and = strstr (name, " and ");
      gsize length;

      if (and != NULL && and > name && and[-1] == 's')
        name[and - name] = '\0';
      length = strlen (name);
      if (length > 3 && name[length - 1] == 's' && name[length - 2] != 's')
        name[length - 1] = '\0';
    }
  words = g_strsplit (g_strstrip (name), " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *upper = g_utf8_strup (words[i], -1);

      if (!g_str_equal (upper, words[i]) || g_utf8_strlen (words[i], -1) < 2)
        {
          g_autofree char *lower = g_utf8_strdown (words[i], -1);
          g_free (words[i]);
          words[i] = g_steal_pointer (&lower);
        }
    }
  return g_strjoinv (" ", words);
}

static GPtrArray *
summaries_for (const Suggestions *suggestions,
               const char        *title,
               gboolean           from_onet,
               int                lang)
{
  g_autofree char *name = title_in_sentence (title, from_onet);
  GPtrArray *summaries = g_ptr_array_new_with_free_func (g_free);
  GStrv template = suggestions->template_summary[lang];

  for (guint i = 0; template[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (template[i], "{title}", -1);
      g_ptr_array_add (summaries, g_strjoinv (name, parts));
    }
  return summaries;
}

/* An O*NET task statement as a resume duty: its first sentence, without
 * asides in brackets or the final period, cut at a clause when long.
 * NULL when no whole clause fits. */
static char *
task_to_duty (const char *task)
{
  static const char *const clauses[] = {
    ", such as ", " such as ", ", including ", " including ", ", using ", " using ", ", according to ",
    " according to ", ", in accordance with ", " in accordance with ", " to ensure ", ", to ", " in order to ",
    "; ", ", or ", ", and ",
  };
  g_autoptr (GString) duty = g_string_new (NULL);
  const char *end = strstr (task, ". ");
  int depth = 0;

  /* The first sentence, without "(…)". */
  for (const char *p = task; *p != '\0' && (end == NULL || p < end); p++)
    {
      if (*p == '(')
        depth++;
      else if (*p == ')' && depth > 0)
        depth--;
      else if (depth == 0)
        g_string_append_c (duty, *p);
    }
  while (strstr (duty->str, "  ") != NULL)
    g_string_replace (duty, "  ", " ", 0);
  while (strstr (duty->str, " ,") != NULL)
    g_string_replace (duty, " ,", ",", 0);
  g_strstrip (duty->str);
  g_string_set_size (duty, strlen (duty->str));
  while (duty->len > 0 && (duty->str[duty->len - 1] == '.' || duty->str[duty->len - 1] == ';'))
    g_string_truncate (duty, duty->len - 1);

  if (g_utf8_strlen (duty->str, -1) > MAX_DUTY_LENGTH)
    {
      const char *cut = NULL;

      /* The earliest clause that leaves a statement that says something. */
      for (gsize i = 0; i < G_N_ELEMENTS (clauses); i++)
        {
          const char *found = strstr (duty->str + 20, clauses[i]);

          if (found != NULL && (cut == NULL || found < cut))
            cut = found;
        }
      if (cut == NULL || g_utf8_strlen (duty->str, cut - duty->str) > MAX_DUTY_LENGTH)
        return NULL;
      g_string_truncate (duty, cut - duty->str);
    }
  if (duty->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&duty), FALSE);
}

static gboolean
contains_folded (GPtrArray  *list,
                 const char *text)
{
  g_autofree char *folded = jk_vocabulary_fold (text);

  for (guint i = 0; i < list->len; i++)
    {
      g_autofree char *other = jk_vocabulary_fold (list->pdata[i]);
      if (g_str_equal (folded, other))
        return TRUE;
    }
  return FALSE;
}

/* The newest O*NET release's core tasks (as duties) and skills for soc,
 * the release's name and whether it is the demo's. FALSE when the store
 * holds no usable task for it. */
static gboolean
read_onet (JkStore    *store,
           const char *soc,
           GPtrArray  *duties,
           GPtrArray  *skills,
           char      **title,
           char      **release,
           gboolean   *demo)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) tasks = NULL;
  g_autoptr (sqlite3_stmt) skill_rows = NULL;
  g_autoptr (sqlite3_stmt) occupation = NULL;
  g_autoptr (GPtrArray) long_tasks = g_ptr_array_new_with_free_func (g_free);
  int rc;

  /* The .00 code is the occupation itself; the most important first, where
   * the import has ratings, else in O*NET's order. */
  tasks = jk_store_prepare (store,
                            "SELECT t.task, r.name, r.demo FROM lmi_tasks t JOIN lmi_releases r ON r.id = t.release_id"
                            " WHERE t.soc = ?1 AND t.core = 1"
                            " AND t.release_id = (SELECT max (release_id) FROM lmi_tasks WHERE soc = ?1)"
                            " ORDER BY t.onet_code = t.soc || '.00' DESC, t.importance IS NULL, t.importance DESC,"
                            " t.rowid LIMIT ?2",
                            &error);
  if (tasks == NULL)
    goto failed;
  sqlite3_bind_text (tasks, 1, soc, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (tasks, 2, MAX_TASKS_READ);
  while ((rc = sqlite3_step (tasks)) == SQLITE_ROW)
    {
      const char *task = (const char *) sqlite3_column_text (tasks, 0);
      g_autofree char *duty = task != NULL ? task_to_duty (task) : NULL;

      if (*release == NULL)
        {
          *release = g_strdup ((const char *) sqlite3_column_text (tasks, 1));
          *demo = sqlite3_column_int (tasks, 2) != 0;
        }
      if (duty == NULL)
        {
          if (task != NULL)
            g_ptr_array_add (long_tasks, g_strdup (task));
          continue;
        }
      if (duties->len < MAX_DUTIES && !contains_folded (duties, duty))
        g_ptr_array_add (duties, g_steal_pointer (&duty));
    }
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, &error, "Cannot read the tasks");
      goto failed;
    }
  /* An occupation whose every task is long still gets three, cut at the
   * last word that fits: better than nothing to start from. */
  for (guint i = 0; duties->len < 3 && i < long_tasks->len; i++)
    {
      g_autofree char *text = g_utf8_substring (long_tasks->pdata[i], 0, MAX_DUTY_LENGTH);
      char *space = strrchr (text, ' ');

      if (space != NULL)
        *space = '\0';
      while (space != NULL && space > text && (space[-1] == ',' || space[-1] == ';'))
        *--space = '\0';
      g_ptr_array_add (duties, g_strdup (text));
    }
  if (duties->len == 0)
    return FALSE;

  skill_rows = jk_store_prepare (store,
                                 "SELECT skill FROM lmi_skills WHERE soc = ?1"
                                 " AND release_id = (SELECT max (release_id) FROM lmi_skills WHERE soc = ?1)"
                                 " ORDER BY onet_code = soc || '.00' DESC, importance IS NULL, importance DESC, rowid"
                                 " LIMIT 40",
                                 &error);
  if (skill_rows == NULL)
    goto failed;
  sqlite3_bind_text (skill_rows, 1, soc, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (skill_rows)) == SQLITE_ROW && skills->len < MAX_SKILLS)
    {
      const char *skill = (const char *) sqlite3_column_text (skill_rows, 0);

      if (skill != NULL && skill[0] != '\0' && !contains_folded (skills, skill))
        g_ptr_array_add (skills, g_strdup (skill));
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      jk_store_set_error (store, &error, "Cannot read the skills");
      goto failed;
    }

  occupation = jk_store_prepare (store, "SELECT title FROM lmi_occupations WHERE soc = ?1", &error);
  if (occupation == NULL)
    goto failed;
  sqlite3_bind_text (occupation, 1, soc, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (occupation) == SQLITE_ROW && sqlite3_column_text (occupation, 0) != NULL)
    *title = g_strdup ((const char *) sqlite3_column_text (occupation, 0));
  return TRUE;

failed:
  /* The bundled list is still there to offer. */
  g_warning ("O*NET suggestions for %s: %s", soc, error != NULL ? error->message : "unknown error");
  g_ptr_array_set_size (duties, 0);
  g_ptr_array_set_size (skills, 0);
  g_clear_pointer (release, g_free);
  return FALSE;
}

/* The first month a date covers, counted from year 0; -1 when it is not
 * "YYYY", "YYYY-MM" or "YYYY-MM-DD". A year alone starts in January and,
 * as an end, lasts to December. */
static gint64
date_month (const char *date,
            gboolean    end)
{
  guint year = 0, month = 0, day = 0;
  char extra = 0;
  int found;

  if (date == NULL)
    return -1;
  found = sscanf (date, "%4u-%2u-%2u%c", &year, &month, &day, &extra);
  if (found < 1 || found > 3 || year < 1900 || year > 9999)
    return -1;
  if (found == 1)
    {
      if (strlen (date) != 4)
        return -1;
      month = end ? 12 : 1;
    }
  if (month < 1 || month > 12 || (found == 3 && (day < 1 || day > 31)))
    return -1;
  return (gint64) year * 12 + month - 1;
}

typedef struct {
  gint64 start;
  gint64 end;
} Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

static void
suggestions_fill_list (JkResumeSuggestions *self,
                       const Entry         *entry,
                       int                  lang)
{
  if (self->duties->len == 0)
    {
      g_ptr_array_unref (self->duties);
      self->duties = copy_list (entry->duties[lang]);
    }
  if (self->skills->len == 0)
    {
      g_ptr_array_unref (self->skills);
      self->skills = copy_list (entry->skills[lang]);
    }
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkResumeSuggestions *
jk_resume_suggest (JkStore    *store,
                   const char *soc,
                   const char *title,
                   const char *language)
{
  const Suggestions *suggestions = get_suggestions ();
  JkResumeSuggestions *self = g_new0 (JkResumeSuggestions, 1);
  int lang = language_index (language);
  const Entry *entry = NULL;
  g_autofree char *typed = title != NULL ? g_strstrip (g_strdup (title)) : NULL;
  gboolean onet = FALSE;

  if (typed != NULL && typed[0] == '\0')
    g_clear_pointer (&typed, g_free);
  if (soc != NULL && soc[0] == '\0')
    soc = NULL;
  if (soc != NULL)
    entry = find_by_soc (suggestions, soc);
  if (entry == NULL && typed != NULL)
    entry = find_by_title (suggestions, typed);

  self->duties = g_ptr_array_new_with_free_func (g_free);
  self->skills = g_ptr_array_new_with_free_func (g_free);
  self->soc = g_strdup (soc != NULL ? soc : entry != NULL ? entry->soc : NULL);

  /* O*NET's text is English; a Spanish visitor gets our own Spanish. */
  if (store != NULL && soc != NULL && lang == LANG_EN)
    {
      g_autofree char *onet_title = NULL;
      g_autofree char *release = NULL;
      gboolean demo = FALSE;

      onet = read_onet (store, soc, self->duties, self->skills, &onet_title, &release, &demo);
      if (onet)
        {
          JkLmiOccupation occupation = { 0 };

          occupation.soc = (char *) soc;
          occupation.tasks = self->duties;
          occupation.onet_release = release;
          occupation.onet_demo = demo;
          self->attribution = jk_lmi_words_attribution (&occupation);
          if (entry == NULL && typed == NULL && onet_title != NULL)
            {
              self->title = g_strdup (onet_title);
              self->summaries = summaries_for (suggestions, onet_title, TRUE, lang);
            }
        }
    }

  if (entry != NULL)
    {
      self->title = self->title != NULL ? self->title : g_strdup (entry->title[lang]);
      self->summaries = self->summaries != NULL ? self->summaries : copy_list (entry->summary[lang]);
      suggestions_fill_list (self, entry, lang);
    }
  else
    {
      if (self->title == NULL && typed != NULL)
        {
          self->title = g_strdup (typed);
          self->summaries = summaries_for (suggestions, typed, onet, lang);
        }
      if (self->summaries == NULL)
        self->summaries = copy_list (suggestions->general->summary[lang]);
      suggestions_fill_list (self, suggestions->general, lang);
    }
  return self;
}

void
jk_resume_suggestions_free (JkResumeSuggestions *self)
{
  if (self == NULL)
    return;
  g_free (self->soc);
  g_free (self->title);
  g_clear_pointer (&self->summaries, g_ptr_array_unref);
  g_clear_pointer (&self->duties, g_ptr_array_unref);
  g_clear_pointer (&self->skills, g_ptr_array_unref);
  g_free (self->attribution);
  g_free (self);
}

static void
occupation_free (JkResumeOccupation *occupation)
{
  g_free (occupation->title);
  g_free (occupation);
}

static int
compare_occupations (gconstpointer a,
                     gconstpointer b)
{
  const JkResumeOccupation *x = *(JkResumeOccupation *const *) a;
  const JkResumeOccupation *y = *(JkResumeOccupation *const *) b;

  return g_utf8_collate (x->title, y->title);
}

GPtrArray *
jk_resume_suggest_occupations (const char *language)
{
  const Suggestions *suggestions = get_suggestions ();
  GPtrArray *occupations = g_ptr_array_new_with_free_func ((GDestroyNotify) occupation_free);
  int lang = language_index (language);

  for (guint i = 0; i < suggestions->entries->len; i++)
    {
      const Entry *entry = suggestions->entries->pdata[i];
      JkResumeOccupation *occupation;

      if (entry->title[lang] == NULL)
        continue;
      occupation = g_new0 (JkResumeOccupation, 1);
      occupation->soc = entry->soc;
      occupation->title = g_strdup (entry->title[lang]);
      g_ptr_array_add (occupations, occupation);
    }
  g_ptr_array_sort (occupations, compare_occupations);
  return occupations;
}

GPtrArray *
jk_resume_suggest_certificates (const char *language)
{
  return copy_list (get_suggestions ()->certificates[language_index (language)]);
}

GPtrArray *
jk_resume_suggest_credentials (const char *language)
{
  return copy_list (get_suggestions ()->credentials[language_index (language)]);
}

GPtrArray *
jk_resume_suggest_other (const char *language)
{
  return copy_list (get_suggestions ()->other[language_index (language)]);
}

gboolean
jk_resume_has_gap (const JkResume *resume,
                   gint64          now)
{
  g_autoptr (GDateTime) today = g_date_time_new_from_unix_local (now);
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  gint64 now_month;
  Span covered;

  g_return_val_if_fail (resume != NULL, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  now_month = (gint64) g_date_time_get_year (today) * 12 + g_date_time_get_month (today) - 1;
  for (guint i = 0; resume->work != NULL && i < resume->work->len; i++)
    {
      const JkResumeWork *work = resume->work->pdata[i];
      Span span;

      span.start = date_month (work->start_date, FALSE);
      span.end = work->end_date == NULL || work->end_date[0] == '\0' ? now_month : date_month (work->end_date, TRUE);
      /* A job without dates the builder can read tells nothing of a gap. */
      if (span.start < 0 || span.end < 0)
        continue;
      if (span.end < span.start)
        span.end = span.start;
      g_array_append_val (spans, span);
    }
  /* Nothing to show yet: other experience is the place to start. */
  if (spans->len == 0)
    return TRUE;

  g_array_sort (spans, compare_spans);
  covered = g_array_index (spans, Span, 0);
  for (guint i = 1; i < spans->len; i++)
    {
      const Span *next = &g_array_index (spans, Span, i);

      /* Months wholly between two jobs. */
      if (next->start - covered.end - 1 > 12)
        return TRUE;
      covered.end = MAX (covered.end, next->end);
    }
  return now_month - covered.end - 1 > 12;
}
