/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-search.c: finding active postings: full-text words, place, type, pay, age */

#define G_LOG_DOMAIN "jk-search"

#include <math.h>
#include <string.h>

#include "jobkiosk/jk-geo.h"
#include "jobkiosk/jk-jobs.h"
#include "jobkiosk/jk-search.h"
#include "jobs/jk-vocabulary-private.h"
#include "store/jk-store-private.h"

/* Visitor text is bounded before it reaches FTS5: a 10 000-character paste
 * costs no more than a sentence. */
#define MAX_TERMS 12
#define MAX_TERM_CHARS 40
/* A word's translations and other forms: each costs the index one more
 * lookup, so a word stands for a handful at most. */
#define MAX_ALTERNATIVES 10

/* Ranking reads only this many of the newest matches: bm25 costs one step
 * per matching row, and a word found in every posting must stay cheap. At
 * 1 000 000 postings, 1 000 keeps the slowest queries near 17 ms (2 000:
 * 27 ms); a kiosk's visitors want recent postings first anyway. */
#define RANK_WINDOW 1000


/* Popular titles are counted among this many of the newest listings. */
#define POPULAR_SAMPLE 3000

#define RECORD_COLUMNS \
  "j.id, s.name, j.first_seen, j.external_id, j.title, j.employer, j.city, j.state, j.postal_code, " \
  "j.country, j.latitude, j.longitude, j.salary_min, j.salary_max, j.salary_period, j.salary_text, " \
  "j.employment_type, j.soc_code, j.category, j.education, j.apply_url, j.posted, j.expires, j.remote"

/* Pay as an hourly equivalent, for filtering and sorting across periods;
 * the same expression as the jobs_best_paid index (jk-store.c). */
#define HOURLY_PAY \
  "(coalesce (j.salary_max, j.salary_min) / CASE j.salary_period WHEN 'hour' THEN 1.0 WHEN 'day' THEN 8.0" \
  " WHEN 'week' THEN 40.0 WHEN 'month' THEN 173.33 WHEN 'year' THEN 2080.0 END)"

/* Postings that ask for a college degree name one; "no degree", "not
 * required" and high school or GED do not count. */
/* When a posting was listed: the same expression as the jobs_newest index. */
#define LISTED_AT "coalesce (j.posted, j.first_seen)"

#define NEEDS_NO_DEGREE \
  "(j.education IS NULL OR lower (j.education) LIKE '%no degree%' OR lower (j.education) LIKE '%not required%'" \
  " OR NOT (lower (j.education) LIKE '%bachelor%' OR lower (j.education) LIKE '%associate%'" \
  " OR lower (j.education) LIKE '%master%' OR lower (j.education) LIKE '%doctor%' OR lower (j.education) LIKE '%degree%'" \
  " OR lower (j.education) LIKE '%licenciatura%' OR lower (j.education) LIKE '%título%'))"

/* A posting that names no place at all, or says its work is remote:
 * jk_job_get_place's NOT_GIVEN and REMOTE. */
#define UNPLACED \
  "(j.remote = 1 OR (j.city IS NULL AND j.state IS NULL AND j.postal_code IS NULL AND j.latitude IS NULL))"

/* Which postings a statement reads. With include_unplaced and a place
 * asked for, a search is two lists, one after the other. */
typedef enum {
  PART_ALL,      /* everything the query asks for */
  PART_NEARBY,   /* at the place asked for, not remote */
  PART_UNPLACED, /* no place or remote, wherever the place asked for */
} Part;

/* A query's words as FTS5 expressions: the finished words against the
 * whole index (jobs_fts), the word still being typed against titles and
 * employers (jobs_title_fts). Either may be NULL. */
typedef struct {
  char *words;
  char *title;
} Match;

static void
match_clear (Match *match)
{
  g_clear_pointer (&match->words, g_free);
  g_clear_pointer (&match->title, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Match, match_clear)

static Match
match_for (const JkSearchQuery *query)
{
  Match match;

  match.words = jk_search_build_match (query->text, query->typing, &match.title);
  return match;
}

static gboolean
has_words (const Match *match)
{
  return match->words != NULL || match->title != NULL;
}

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static double
hourly_factor (JkSalaryPeriod period)
{
  switch (period)
    {
    case JK_SALARY_PERIOD_DAY:
      return 8.0;
    case JK_SALARY_PERIOD_WEEK:
      return 40.0;
    case JK_SALARY_PERIOD_MONTH:
      return 173.33;
    case JK_SALARY_PERIOD_YEAR:
      return 2080.0;
    case JK_SALARY_PERIOD_HOUR:
    case JK_SALARY_PERIOD_NONE:
    default:
      return 1.0;
    }
}

static gboolean
is_zip (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p != '-')
        return FALSE;
    }
  return digits >= 3;
}

/* The conditions every query shares, with named parameters bound later.
 * FALSE when only those that hide expired and duplicate postings. */
static gboolean
append_filters (GString             *sql,
                const JkSearchQuery *query,
                Part                 part)
{
  gsize visible_only;

  g_string_append (sql, " j.duplicate = 0 AND (j.expires IS NULL OR j.expires > :now)");
  visible_only = sql->len;
  if (part == PART_UNPLACED)
    g_string_append (sql, " AND " UNPLACED);
  else if (part == PART_NEARBY)
    g_string_append (sql, " AND j.remote = 0");
  if (part != PART_UNPLACED && query->where != NULL && query->where[0] != '\0')
    {
      if (is_zip (query->where))
        g_string_append (sql, " AND j.postal_code LIKE :zip || '%'");
      else
        g_string_append (sql, " AND j.city = :city COLLATE NOCASE AND (:state IS NULL OR j.state = :state COLLATE NOCASE)");
    }
  if (query->employment_type != NULL)
    g_string_append (sql, " AND instr (j.employment_type, :type) > 0");
  if (query->min_pay > 0)
    g_string_append (sql, " AND " HOURLY_PAY " >= :min_hourly");
  if (query->posted_within_days > 0)
    g_string_append (sql, " AND " LISTED_AT " >= :since");
  if (query->no_degree)
    g_string_append (sql, " AND " NEEDS_NO_DEGREE);
  if (part != PART_UNPLACED && query->has_origin && query->max_miles > 0)
    g_string_append (sql, " AND jk_distance_miles (j.latitude, j.longitude, :olat, :olon) <= :miles");
  return sql->len > visible_only;
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    {
      if (value != NULL)
        sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, index);
    }
}

static void
bind_named_int64 (sqlite3_stmt *stmt,
                  const char   *name,
                  gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_query (sqlite3_stmt        *stmt,
            const JkSearchQuery *query,
            const Match         *match)
{
  bind_named_text (stmt, ":match", match->words);
  bind_named_text (stmt, ":title_match", match->title);
  bind_named_int64 (stmt, ":now", query->now);
  bind_named_int64 (stmt, ":limit", query->limit > 0 ? query->limit : 20);
  bind_named_int64 (stmt, ":offset", query->offset);
  bind_named_int64 (stmt, ":window", RANK_WINDOW);
  bind_named_text (stmt, ":type", query->employment_type);
  bind_named_int64 (stmt, ":since", query->now - (gint64) query->posted_within_days * 86400);
  if (query->has_origin)
    {
      sqlite3_bind_double (stmt, sqlite3_bind_parameter_index (stmt, ":olat"), query->origin_latitude);
      sqlite3_bind_double (stmt, sqlite3_bind_parameter_index (stmt, ":olon"), query->origin_longitude);
      sqlite3_bind_double (stmt, sqlite3_bind_parameter_index (stmt, ":miles"), query->max_miles);
    }
  if (query->min_pay > 0)
    sqlite3_bind_double (stmt, sqlite3_bind_parameter_index (stmt, ":min_hourly"),
                         query->min_pay / hourly_factor (query->min_pay_per));
  if (query->where != NULL && query->where[0] != '\0')
    {
      g_auto (GStrv) parts = g_strsplit (query->where, ",", 2);

      bind_named_text (stmt, ":zip", g_strstrip (parts[0]));
      bind_named_text (stmt, ":city", g_strstrip (parts[0]));
      bind_named_text (stmt, ":state", parts[1] != NULL && g_strstrip (parts[1])[0] != '\0' ? parts[1] : NULL);
    }
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static double
column_double (sqlite3_stmt *stmt,
               int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, column);
}

static JkJobRecord *
read_record (sqlite3_stmt *stmt)
{
  JkJobRecord *record = g_new0 (JkJobRecord, 1);
  JkJob *job = jk_job_new ();
  g_autofree char *period = NULL;
  int c = 0;

  record->id = sqlite3_column_int64 (stmt, c++);
  record->source = column_text (stmt, c++);
  record->first_seen = sqlite3_column_int64 (stmt, c++);
  job->external_id = column_text (stmt, c++);
  job->title = column_text (stmt, c++);
  job->employer = column_text (stmt, c++);
  job->city = column_text (stmt, c++);
  job->state = column_text (stmt, c++);
  job->postal_code = column_text (stmt, c++);
  job->country = column_text (stmt, c++);
  job->has_geo = sqlite3_column_type (stmt, c) != SQLITE_NULL;
  job->latitude = column_double (stmt, c++);
  job->longitude = column_double (stmt, c++);
  job->salary_min = column_double (stmt, c++);
  job->salary_max = column_double (stmt, c++);
  period = column_text (stmt, c++);
  job->salary_period = jk_salary_period_from_string (period);
  job->salary_text = column_text (stmt, c++);
  job->employment_type = column_text (stmt, c++);
  job->soc_code = column_text (stmt, c++);
  job->category = column_text (stmt, c++);
  job->education = column_text (stmt, c++);
  job->apply_url = column_text (stmt, c++);
  job->posted = sqlite3_column_int64 (stmt, c++);
  job->expires = sqlite3_column_int64 (stmt, c++);
  job->remote = sqlite3_column_int (stmt, c++) != 0;
  record->job = job;
  return record;
}

/* The hourly pay HOURLY_PAY gives a posting, computed the same way. */
static double
hourly_pay (const JkJob *job)
{
  double pay = !isnan (job->salary_max) ? job->salary_max : job->salary_min;

  if (isnan (pay) || job->salary_period == JK_SALARY_PERIOD_NONE)
    return NAN;
  return pay / hourly_factor (job->salary_period);
}

/* Listings without words continue after the last record shown: a page
 * deep in the list then costs what the first one does, where OFFSET reads
 * every row before it. FALSE when the order has no such key (closest). */
static gboolean
append_after (GString             *sql,
              const JkSearchQuery *query)
{
  if (query->after == NULL)
    return FALSE;
  if (query->sort == JK_SEARCH_SORT_PAY)
    {
      if (isnan (hourly_pay (query->after->job)))
        g_string_append (sql, " AND " HOURLY_PAY " IS NULL AND j.id < :after_id");
      else
        g_string_append (sql, " AND (" HOURLY_PAY " < :after_pay OR (" HOURLY_PAY " = :after_pay AND j.id < :after_id)"
                              " OR " HOURLY_PAY " IS NULL)");
      return TRUE;
    }
  if (query->sort == JK_SEARCH_SORT_CLOSEST && query->has_origin)
    return FALSE;
  /* In this form, not as a row value, the range is read from jobs_newest. */
  g_string_append (sql, " AND (" LISTED_AT " < :after_listed OR (" LISTED_AT " = :after_listed AND j.id < :after_id))");
  return TRUE;
}

static void
bind_after (sqlite3_stmt        *stmt,
            const JkSearchQuery *query)
{
  const JkJobRecord *after = query->after;
  int index;

  if (after == NULL)
    return;
  bind_named_int64 (stmt, ":after_id", after->id);
  bind_named_int64 (stmt, ":after_listed", after->job->posted != 0 ? after->job->posted : after->first_seen);
  index = sqlite3_bind_parameter_index (stmt, ":after_pay");
  if (index > 0)
    sqlite3_bind_double (stmt, index, hourly_pay (after->job));
}

/* Best match without words is simply the newest. */
static const char *
order_clause (const JkSearchQuery *query)
{
  switch (query->sort)
    {
    case JK_SEARCH_SORT_PAY:
      /* In descending order, postings without pay come last. */
      return " ORDER BY " HOURLY_PAY " DESC, j.id DESC";
    case JK_SEARCH_SORT_NEWEST:
      return " ORDER BY " LISTED_AT " DESC, j.id DESC";
    case JK_SEARCH_SORT_CLOSEST:
      if (query->has_origin)
        return " ORDER BY jk_distance_miles (j.latitude, j.longitude, :olat, :olon) IS NULL,"
               " jk_distance_miles (j.latitude, j.longitude, :olat, :olon), j.id DESC";
      return " ORDER BY " LISTED_AT " DESC, j.id DESC";
    case JK_SEARCH_SORT_BEST:
    default:
      return " ORDER BY " LISTED_AT " DESC, j.id DESC";
    }
}

/* A ZIP whose centroid is known means "near here", not "this ZIP only". */
#define ZIP_RADIUS_MILES 15

static JkSearchQuery
resolve_place (JkStore             *store,
               const JkSearchQuery *query)
{
  JkSearchQuery resolved = *query;
  double latitude, longitude;

  if (query->where != NULL && is_zip (query->where) && jk_geo_locate (store, query->where, &latitude, &longitude))
    {
      resolved.where = NULL;
      resolved.has_origin = TRUE;
      resolved.origin_latitude = latitude;
      resolved.origin_longitude = longitude;
      if (resolved.max_miles <= 0)
        resolved.max_miles = ZIP_RADIUS_MILES;
    }
  return resolved;
}

/* English and Spanish function words. Not "it" (IT support) nor "us". */
static const char *const stop_words[] = {
  "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "in", "is", "of", "on",
  "or", "our", "that", "the", "their", "this", "to", "was", "we", "will", "with", "you", "your",
  "al", "con", "de", "del", "el", "en", "la", "las", "los", "o", "para", "por", "que", "se", "su", "un", "una",
  "y",
};

static gboolean
is_stop_word (const char *word)
{
  for (gsize i = 0; i < G_N_ELEMENTS (stop_words); i++)
    if (g_ascii_strcasecmp (word, stop_words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The index folds case and accents and stems plurals: "Cooks" finds what
 * "cook" does, and both in one match would count the word twice. */
static gboolean
is_same_word (const char *folded,
              const char *other)
{
  gsize length = strlen (other);

  return strncmp (folded, other, length) == 0 &&
         (folded[length] == '\0' || g_str_equal (folded + length, "s") || g_str_equal (folded + length, "es"));
}

/* The index a query's matches are read from first: the whole postings'
 * for its words, else the titles' for the one word being typed. */
static const char *
first_index (const Match *match)
{
  return match->words != NULL ? "jobs_fts" : "jobs_title_fts";
}

/* The query's matches with the postings they are (j), from first_index;
 * with both words and a word being typed, the titles' as a set. FTS5 does
 * not take an alias in MATCH, hence the tables' own names. */
static void
append_matches_from (GString     *sql,
                     const Match *match)
{
  const char *index = first_index (match);

  g_string_append_printf (sql, "FROM %s CROSS JOIN jobs j ON j.id = %s.rowid WHERE %s MATCH %s AND", index, index,
                          index, match->words != NULL ? ":match" : ":title_match");
  if (match->words != NULL && match->title != NULL)
    g_string_append (sql, " j.id IN (SELECT rowid FROM jobs_title_fts WHERE jobs_title_fts MATCH :title_match) AND");
}

/* One list of a search: the page the query's limit, offset and after ask
 * for, among the postings of part. */
static GPtrArray *
search_part (JkStore             *store,
             const JkSearchQuery *query,
             const Match         *match,
             Part                 part,
             GError             **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_job_record_free);
  int rc;

  if (has_words (match) && query->sort == JK_SEARCH_SORT_BEST)
    {
      /* The newest matches, ranked: FTS5 walks rowids backwards and stops,
       * so the window bounds the cost of ranking. CROSS JOIN keeps the
       * index outermost: the planner would otherwise start from
       * "duplicate = 0" on jobs and search the index once per posting. */
      const char *index = first_index (match);

      g_string_append_printf (sql, "WITH m AS (SELECT %s.rowid AS id, %s.rank AS score ", index, index);
      append_matches_from (sql, match);
      append_filters (sql, query, part);
      g_string_append_printf (sql, " ORDER BY %s.rowid DESC LIMIT :window),", index);
      g_string_append (sql, " top AS MATERIALIZED (SELECT id, score FROM m ORDER BY score, id DESC LIMIT :limit OFFSET :offset),");
      /* Past the window, the older matches follow, newest first, so paging
       * reaches every match the count promises. */
      g_string_append_printf (sql, " rest AS (SELECT %s.rowid AS id ", index);
      append_matches_from (sql, match);
      append_filters (sql, query, part);
      g_string_append_printf (sql, " ORDER BY %s.rowid DESC", index);
      g_string_append (sql, " LIMIT max (0, :limit - (SELECT count(*) FROM top))"
                            " OFFSET max (:offset, :window)),"
                            " page AS (SELECT id, 0 AS part, score FROM top UNION ALL SELECT id, 1, 0 FROM rest)"
                            /* Whole records only for the page shown. */
                            " SELECT " RECORD_COLUMNS " FROM page m JOIN jobs j ON j.id = m.id"
                            " JOIN sources s ON s.id = j.source_id ORDER BY m.part, m.score, j.id DESC");
    }
  else
    {
      /* In another order, every match counts: "highest pay" means of all. */
      gboolean keyed;

      g_string_append (sql, "SELECT " RECORD_COLUMNS " FROM jobs j JOIN sources s ON s.id = j.source_id WHERE");
      append_filters (sql, query, part);
      if (match->words != NULL)
        g_string_append (sql, " AND j.id IN (SELECT rowid FROM jobs_fts WHERE jobs_fts MATCH :match)");
      if (match->title != NULL)
        g_string_append (sql, " AND j.id IN (SELECT rowid FROM jobs_title_fts WHERE jobs_title_fts MATCH :title_match)");
      keyed = !has_words (match) && append_after (sql, query);
      g_string_append (sql, order_clause (query));
      g_string_append (sql, keyed ? " LIMIT :limit" : " LIMIT :limit OFFSET :offset");
    }

  stmt = jk_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;
  bind_query (stmt, query, match);
  bind_after (stmt, query);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, read_record (stmt));
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot search the job listings");
      return NULL;
    }
  return g_steal_pointer (&records);
}

static gint64
count_part (JkStore             *store,
            const JkSearchQuery *query,
            const Match         *match,
            Part                 part,
            GError             **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_string_append (sql, "SELECT count(*) ");
  if (has_words (match))
    append_matches_from (sql, match);
  else
    g_string_append (sql, "FROM jobs j WHERE");
  /* Everything shown: counted from an index alone. */
  if (!append_filters (sql, query, part) && !has_words (match))
    return jk_jobs_count_active (store, 0, query->now, error);
  stmt = jk_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return -1;
  bind_query (stmt, query, match);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      jk_store_set_error (store, error, "Cannot count the job listings");
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* Whether the postings without a place follow the nearby ones: asked
 * for, and a place asked for (a where, or a distance). */
static gboolean
splits (const JkSearchQuery *query)
{
  return query->include_unplaced &&
         ((query->where != NULL && query->where[0] != '\0') || (query->has_origin && query->max_miles > 0));
}

/* Whether search_part pages by query->after rather than by offset: the
 * same test as its own. */
static gboolean
pages_by_after (const JkSearchQuery *query,
                const Match         *match)
{
  return query->after != NULL && !has_words (match) && !(query->sort == JK_SEARCH_SORT_CLOSEST && query->has_origin);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

char *
jk_search_build_match (const char *text,
                       gboolean    typing,
                       char      **title_match)
{
  g_autoptr (GString) match = g_string_new (NULL);
  g_autoptr (GString) term = g_string_new (NULL);
  g_autoptr (GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  const char *p, *end;
  gboolean unfinished, last_kept = FALSE;

  if (title_match != NULL)
    *title_match = NULL;
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  /* Words are runs of letters and digits; everything else (quotes, AND,
   * parentheses, "*", emoji) separates them and carries no syntax. */
  for (p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;

      if (c != 0 && g_unichar_isalnum (c))
        {
          if (g_utf8_strlen (term->str, -1) < MAX_TERM_CHARS)
            g_string_append_unichar (term, c);
          continue;
        }
      /* Function words are in nearly every posting: they narrow nothing,
       * add nothing to the ranking, and make every match cost more. */
      if (term->len > 0)
        {
          last_kept = !is_stop_word (term->str) && terms->len < MAX_TERMS;
          if (last_kept)
            g_ptr_array_add (terms, g_strdup (term->str));
        }
      g_string_truncate (term, 0);
      if (c == 0)
        break;
    }
  if (terms->len == 0)
    return NULL;
  /* "cook " with its space is a finished word, and so is "cook" in
   * "cook the": only the text's own last word can be unfinished. */
  end = text + strlen (text);
  unfinished = typing && last_kept && end > text && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (end)));

  for (guint i = 0; i < terms->len; i++)
    {
      const char *word = terms->pdata[i];
      g_autofree char *folded = jk_vocabulary_fold (word);
      g_autoptr (GPtrArray) alternatives = g_ptr_array_new ();
      /* A word still being typed matches as a prefix too; not with one or
       * two letters, where "co"* would rank half the index. Finished words
       * need no prefix: the stemmer already finds "cooks" for "cook", and a
       * prefix of a common word ("the"*) costs a hundred times the word. */
      gboolean prefix = title_match != NULL && unfinished && i == terms->len - 1 && g_utf8_strlen (word, -1) >= 3;
      /* The word being typed looks in titles and employers only: it is how
       * a visitor types what they want ("cash…" for Cashier), and in the
       * whole index a prefix's list of postings holds every common word it
       * begins ("cash", "customers" in most descriptions), which FTS5
       * builds in full: at 1 000 000 postings 60 ms a keystroke, against
       * 2 among titles. */
      GString *group = prefix ? g_string_new (NULL) : match;

      /* FTS5 joins a bracketed group only with an explicit AND. */
      if (group->len > 0)
        g_string_append (group, " AND ");
      /* "cocinero" is also "cook": postings are mostly in English, visitors
       * often type Spanish. The index folds accents and case as the
       * vocabulary does, so the word itself is not repeated. */
      jk_vocabulary_expand (word, prefix, alternatives, MAX_ALTERNATIVES);
      for (guint a = alternatives->len; a > 0; a--)
        if (is_same_word (folded, alternatives->pdata[a - 1]))
          g_ptr_array_remove_index (alternatives, a - 1);
      if (alternatives->len == 0)
        g_string_append_printf (group, prefix ? "\"%s\"*" : "\"%s\"", word);
      else
        {
          g_string_append_printf (group, prefix ? "(\"%s\"*" : "(\"%s\"", word);
          for (guint a = 0; a < alternatives->len; a++)
            g_string_append_printf (group, " OR \"%s\"", (const char *) alternatives->pdata[a]);
          g_string_append_c (group, ')');
        }
      if (prefix)
        *title_match = g_string_free (group, FALSE);
    }
  if (match->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&match), FALSE);
}


GPtrArray *
jk_search_jobs (JkStore             *store,
                const JkSearchQuery *asked,
                GError             **error)
{
  JkSearchQuery resolved = resolve_place (store, asked);
  const JkSearchQuery *query = &resolved;
  g_auto (Match) match = match_for (query);
  g_autoptr (GPtrArray) nearby = NULL;
  g_autoptr (GPtrArray) unplaced = NULL;
  JkSearchQuery rest;
  guint limit = query->limit > 0 ? query->limit : 20;

  if (!splits (query))
    return search_part (store, query, &match, PART_ALL, error);

  /* The nearby postings, then the unplaced ones in the same order, as one
   * list: the page may hold the end of one and the start of the other. */
  rest = *query;
  rest.after = NULL;
  rest.offset = 0;
  if (pages_by_after (query, &match) && jk_job_get_place (query->after->job) != JK_JOB_PLACE_GIVEN)
    {
      /* Past every nearby posting already. */
      rest.after = query->after;
      return search_part (store, &rest, &match, PART_UNPLACED, error);
    }
  nearby = search_part (store, query, &match, PART_NEARBY, error);
  if (nearby == NULL)
    return NULL;
  if (nearby->len >= limit)
    return g_steal_pointer (&nearby);
  if (nearby->len == 0 && !pages_by_after (query, &match) && query->offset > 0)
    {
      /* A page past the nearby ones: how far past is the offset less
       * their number. */
      gint64 nearby_count = count_part (store, query, &match, PART_NEARBY, error);

      if (nearby_count < 0)
        return NULL;
      rest.offset = query->offset - (guint) MIN ((gint64) query->offset, nearby_count);
    }
  rest.limit = limit - nearby->len;
  unplaced = search_part (store, &rest, &match, PART_UNPLACED, error);
  if (unplaced == NULL)
    return NULL;
  g_ptr_array_extend_and_steal (nearby, g_steal_pointer (&unplaced));
  return g_steal_pointer (&nearby);
}

gint64
jk_search_count (JkStore             *store,
                 const JkSearchQuery *asked,
                 GError             **error)
{
  JkSearchQuery resolved = resolve_place (store, asked);
  const JkSearchQuery *query = &resolved;
  g_auto (Match) match = match_for (query);
  gint64 nearby, unplaced;

  if (!splits (query))
    return count_part (store, query, &match, PART_ALL, error);
  nearby = count_part (store, query, &match, PART_NEARBY, error);
  if (nearby < 0)
    return -1;
  unplaced = count_part (store, query, &match, PART_UNPLACED, error);
  if (unplaced < 0)
    return -1;
  return nearby + unplaced;
}

JkJobRecord *
jk_search_get (JkStore  *store,
               gint64    id,
               GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (
    store, "SELECT " RECORD_COLUMNS ", j.description FROM jobs j JOIN sources s ON s.id = j.source_id WHERE j.id = ?1",
    error);
  JkJobRecord *record;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, JK_JOBS_ERROR, JK_JOBS_ERROR_NOT_FOUND, "There is no job %" G_GINT64_FORMAT, id);
      else
        jk_store_set_error (store, error, "Cannot read the job");
      return NULL;
    }
  record = read_record (stmt);
  record->job->description = column_text (stmt, sqlite3_column_count (stmt) - 1);
  return record;
}

JkJobRecord *
jk_job_record_copy (const JkJobRecord *record)
{
  JkJobRecord *copy = g_new0 (JkJobRecord, 1);

  copy->id = record->id;
  copy->source = g_strdup (record->source);
  copy->first_seen = record->first_seen;
  copy->job = jk_job_copy (record->job);
  return copy;
}

GStrv
jk_search_popular_titles (JkStore  *store,
                          gint64    now,
                          guint     count,
                          GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (
    store,
    /* Among the newest listings: what is hiring now, at a cost that does
     * not grow with the cache. */
    "SELECT title FROM (SELECT j.title FROM jobs j WHERE j.duplicate = 0 AND (j.expires IS NULL OR j.expires > ?1)"
    " ORDER BY " LISTED_AT " DESC, j.id DESC LIMIT " G_STRINGIFY (POPULAR_SAMPLE) ")"
    " GROUP BY lower (title) ORDER BY count(*) DESC, title LIMIT ?2",
    error);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int (stmt, 2, (int) count);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot list common titles");
      return NULL;
    }
  return g_strv_builder_end (builder);
}

static guint
edit_distance (const char *a,
               const char *b)
{
  glong la = g_utf8_strlen (a, -1), lb = g_utf8_strlen (b, -1);
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, NULL);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, NULL);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (glong j = 0; j <= lb; j++)
    row[j] = (guint) j;
  for (glong i = 1; i <= la; i++)
    {
      guint diagonal = row[0];
      row[0] = (guint) i;
      for (glong j = 1; j <= lb; j++)
        {
          guint above = row[j];
          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + (ua[i - 1] == ub[j - 1] ? 0 : 1));
          diagonal = above;
        }
    }
  return row[lb];
}

/* The index holds stems ("warehous"): show the title word they come from. */
static char *
word_for_stem (JkStore    *store,
               const char *stem)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (
    store, "SELECT title FROM jobs_fts WHERE jobs_fts MATCH ?1 LIMIT 20", NULL);
  /* As a prefix: the stem searched as a word would be stemmed again
   * ("warehous" → "warehou") and find nothing. */
  g_autofree char *match = g_strdup_printf ("title : \"%s\"*", stem);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *title = g_utf8_strdown ((const char *) sqlite3_column_text (stmt, 0), -1);
      g_auto (GStrv) words = g_regex_split_simple ("[^[:alnum:]]+", title, 0, 0);

      for (guint i = 0; words[i] != NULL; i++)
        if (g_str_has_prefix (words[i], stem))
          return g_strdup (words[i]);
    }
  return g_strdup (stem);
}

char *
jk_search_suggest_spelling (JkStore     *store,
                            const char  *text,
                            GError     **error)
{
  g_autofree char *copy = NULL;
  g_autofree char *word = NULL;
  g_autofree char *best = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  guint best_distance = G_MAXUINT;
  gint64 best_docs = 0;
  int rc;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  word = g_utf8_strdown (copy, -1);
  if (g_utf8_strlen (word, -1) < 4 || g_utf8_strlen (word, -1) > 30 || strchr (word, ' ') != NULL)
    return NULL;
  if (!jk_store_exec (store, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.jobs_vocab USING fts5vocab (main, jobs_fts, row)",
                      error))
    return NULL;
  /* Words sharing the first letter and found in a few postings at least. */
  stmt = jk_store_prepare (store,
                           "SELECT term, doc FROM temp.jobs_vocab WHERE term >= ?1 AND term < ?1 || x'f48fbfbf'"
                           " AND doc >= 2 AND length (term) BETWEEN ?2 - 3 AND ?2 + 2",
                           error);
  if (stmt == NULL)
    return NULL;
  {
    char first[8] = { 0 };
    g_unichar_to_utf8 (g_utf8_get_char (word), first);
    sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  }
  sqlite3_bind_int (stmt, 2, (int) g_utf8_strlen (word, -1));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *term = (const char *) sqlite3_column_text (stmt, 0);
      gint64 docs = sqlite3_column_int64 (stmt, 1);
      guint distance;

      if (g_str_has_prefix (word, term) && strlen (word) - strlen (term) <= 2)
        distance = 0; /* the word's own stem ("cooks" → "cook"): it is spelled right */
      else
        distance = edit_distance (word, term);
      if (distance < best_distance || (distance == best_distance && docs > best_docs))
        {
          best_distance = distance;
          best_docs = docs;
          g_free (best);
          best = g_strdup (term);
        }
    }
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot look up spellings");
      return NULL;
    }
  if (best == NULL || best_distance == 0 || best_distance > 2)
    return NULL;
  return word_for_stem (store, best);
}

void
jk_job_record_free (JkJobRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->source);
  jk_job_free (record->job);
  g_free (record);
}
