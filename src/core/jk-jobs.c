/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-jobs.c: applying a feed snapshot to the job cache, in one transaction */

#define G_LOG_DOMAIN "jk-jobs"

#include <math.h>
#include <string.h>

#include "jobkiosk/jk-jobs.h"

typedef enum {
  STMT_FIND,
  STMT_INSERT,
  STMT_UPDATE,
  STMT_OLD_FTS,
  STMT_FTS_INSERT,
  STMT_FTS_DELETE,
  STMT_SEEN,
  STMT_TOUCH_KEY,
  N_STMTS
} StmtId;

/* Every column a JkJob fills, in one order shared by INSERT and UPDATE. */
#define JOB_COLUMNS \
  "content_hash, dedup_key, title, employer, city, state, postal_code, country, latitude, longitude, " \
  "salary_min, salary_max, salary_period, salary_text, employment_type, soc_code, category, " \
  "education, description, apply_url, posted, expires"
#define N_JOB_COLUMNS 22
#define ZIP_LATITUDE "coalesce (?12, (SELECT latitude FROM zip_centroids WHERE zip = substr (?10, 1, 5)))"
#define ZIP_LONGITUDE "coalesce (?13, (SELECT longitude FROM zip_centroids WHERE zip = substr (?10, 1, 5)))"

static const char *const stmt_sql[N_STMTS] = {
  [STMT_FIND] = "SELECT id, content_hash, dedup_key FROM jobs WHERE source_id = ?1 AND external_id = ?2",
  /* A posting without coordinates takes its ZIP code's. */
  [STMT_INSERT] = "INSERT INTO jobs (source_id, external_id, first_seen, last_seen, " JOB_COLUMNS ") "
                  "VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, " ZIP_LATITUDE ", " ZIP_LONGITUDE ", "
                  "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
  [STMT_UPDATE] = "UPDATE jobs SET (last_seen, " JOB_COLUMNS ") = "
                  "(?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, " ZIP_LATITUDE ", " ZIP_LONGITUDE ", ?14, ?15, ?16, ?17, "
                  "?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25) WHERE id = ?1",
  [STMT_OLD_FTS] = "SELECT title, employer, place, excerpt FROM jobs WHERE id = ?1",
  /* With VALUES, not INSERT … SELECT: the latter opens a statement
   * savepoint per row, at which FTS5 flushes its pending terms. */
  [STMT_FTS_INSERT] = "INSERT INTO jobs_fts (rowid, title, employer, place, excerpt) VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_FTS_DELETE] = "INSERT INTO jobs_fts (jobs_fts, rowid, title, employer, place, excerpt) "
                      "VALUES ('delete', ?1, ?2, ?3, ?4, ?5)",
  [STMT_SEEN] = "INSERT OR IGNORE INTO temp.jk_seen (id) VALUES (?1)",
  [STMT_TOUCH_KEY] = "INSERT OR IGNORE INTO temp.jk_touched (key) VALUES (?1)",
};

struct _JkSnapshot
{
  JkStore *store;
  gint64 source_id;
  gint64 now;
  gboolean open;
  sqlite3_stmt *stmts[N_STMTS];
  JkSyncCounts counts;
};

G_DEFINE_QUARK (jk-jobs-error-quark, jk_jobs_error)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static gboolean
step_done (JkSnapshot   *self,
           sqlite3_stmt *stmt,
           const char   *doing,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      jk_store_set_error (self->store, error, doing);
      return FALSE;
    }
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_double (sqlite3_stmt *stmt,
             int           index,
             double        value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

static void
bind_time (sqlite3_stmt *stmt,
           int           index,
           gint64        value)
{
  if (value == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

/* Parameters ?4 … ?25 of STMT_INSERT and STMT_UPDATE, in JOB_COLUMNS order. */
static void
bind_job (sqlite3_stmt *stmt,
          const JkJob  *job,
          gint64        hash,
          const char   *dedup_key)
{
  int i = 4;

  sqlite3_bind_int64 (stmt, i++, hash);
  bind_text (stmt, i++, dedup_key);
  bind_text (stmt, i++, job->title);
  bind_text (stmt, i++, job->employer);
  bind_text (stmt, i++, job->city);
  bind_text (stmt, i++, job->state);
  bind_text (stmt, i++, job->postal_code);
  bind_text (stmt, i++, job->country);
  bind_double (stmt, i++, job->has_geo ? job->latitude : NAN);
  bind_double (stmt, i++, job->has_geo ? job->longitude : NAN);
  bind_double (stmt, i++, job->salary_min);
  bind_double (stmt, i++, job->salary_max);
  bind_text (stmt, i++, jk_salary_period_to_string (job->salary_period));
  bind_text (stmt, i++, job->salary_text);
  bind_text (stmt, i++, job->employment_type);
  bind_text (stmt, i++, job->soc_code);
  bind_text (stmt, i++, job->category);
  bind_text (stmt, i++, job->education);
  bind_text (stmt, i++, job->description);
  bind_text (stmt, i++, job->apply_url);
  bind_time (stmt, i++, job->posted);
  bind_time (stmt, i++, job->expires);
  g_assert (i == 4 + N_JOB_COLUMNS);
}

/* External content FTS5 needs the old indexed text to delete a row. */
static gboolean
delete_from_index (JkSnapshot *self,
                   gint64      id,
                   GError    **error)
{
  sqlite3_stmt *old = self->stmts[STMT_OLD_FTS];
  sqlite3_stmt *del = self->stmts[STMT_FTS_DELETE];
  gboolean ok;

  sqlite3_bind_int64 (old, 1, id);
  if (sqlite3_step (old) != SQLITE_ROW)
    {
      sqlite3_reset (old);
      jk_store_set_error (self->store, error, "Cannot read a posting to re-index it");
      return FALSE;
    }
  sqlite3_bind_int64 (del, 1, id);
  for (int c = 0; c < 4; c++)
    sqlite3_bind_value (del, c + 2, sqlite3_column_value (old, c));
  ok = step_done (self, del, "Cannot remove a posting from the search index", error);
  sqlite3_reset (old);
  sqlite3_clear_bindings (del);
  return ok;
}

/* The same text as the jobs table's generated place and excerpt columns,
 * which the index reads back when a posting is deleted: keep them equal. */
static char *
index_place (const JkJob *job)
{
  return g_strconcat (job->city != NULL ? job->city : "", " ", job->state != NULL ? job->state : "", " ",
                      job->postal_code != NULL ? job->postal_code : "", NULL);
}

static char *
index_excerpt (const JkJob *job)
{
  g_autofree char *start = job->description != NULL ? g_utf8_substring (job->description, 0, 300) : NULL;

  return g_strconcat (job->category != NULL ? job->category : "", " ", job->soc_code != NULL ? job->soc_code : "",
                      " ", start != NULL ? start : "", NULL);
}

static gboolean
add_to_index (JkSnapshot  *self,
              gint64       id,
              const JkJob *job,
              GError     **error)
{
  sqlite3_stmt *insert = self->stmts[STMT_FTS_INSERT];
  g_autofree char *place = index_place (job);
  g_autofree char *excerpt = index_excerpt (job);
  gboolean ok;

  sqlite3_bind_int64 (insert, 1, id);
  bind_text (insert, 2, job->title);
  bind_text (insert, 3, job->employer);
  sqlite3_bind_text (insert, 4, place, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, excerpt, -1, SQLITE_STATIC);
  ok = step_done (self, insert, "Cannot index a posting", error);
  sqlite3_clear_bindings (insert);
  return ok;
}

static gboolean
touch_key (JkSnapshot *self,
           const char *key,
           GError    **error)
{
  sqlite3_bind_text (self->stmts[STMT_TOUCH_KEY], 1, key, -1, SQLITE_TRANSIENT);
  return step_done (self, self->stmts[STMT_TOUCH_KEY], "Cannot note a posting for de-duplication", error);
}

static gint64
read_last_good_count (JkSnapshot *self,
                      GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (self->store,
                                                    "SELECT last_good_count FROM sources WHERE id = ?1", error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, self->source_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, JK_JOBS_ERROR, JK_JOBS_ERROR_NOT_FOUND, "The feed source is not in the database");
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* Postings the snapshot no longer lists leave the cache and the index. */
static gboolean
remove_unseen (JkSnapshot *self,
               GError    **error)
{
  g_autoptr (sqlite3_stmt) unseen = jk_store_prepare (
    self->store,
    "SELECT id, dedup_key FROM jobs WHERE source_id = ?1 AND id NOT IN (SELECT id FROM temp.jk_seen)",
    error);
  g_autoptr (sqlite3_stmt) del = jk_store_prepare (self->store, "DELETE FROM jobs WHERE id = ?1", error);
  int rc;

  if (unseen == NULL || del == NULL)
    return FALSE;
  sqlite3_bind_int64 (unseen, 1, self->source_id);
  while ((rc = sqlite3_step (unseen)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (unseen, 0);

      if (!delete_from_index (self, id, error) ||
          !touch_key (self, (const char *) sqlite3_column_text (unseen, 1), error))
        return FALSE;
      sqlite3_bind_int64 (del, 1, id);
      if (!step_done (self, del, "Cannot remove a posting", error))
        return FALSE;
      self->counts.removed++;
    }
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (self->store, error, "Cannot list removed postings");
      return FALSE;
    }
  return TRUE;
}

/* Among copies of one posting from several sources, the oldest row is
 * shown; only keys this snapshot touched can have changed. */
static gboolean
mark_duplicates (JkSnapshot *self,
                 GError    **error)
{
  /* Only rows whose flag changes are written: on a first ingest, none. */
  return jk_store_exec (self->store,
                        "UPDATE jobs SET duplicate = NOT duplicate"
                        " WHERE dedup_key IN (SELECT key FROM temp.jk_touched)"
                        "   AND duplicate <> (id <> (SELECT min (j2.id) FROM jobs j2 WHERE j2.dedup_key = jobs.dedup_key))",
                        error);
}

static gboolean
record_good_sync (JkSnapshot *self,
                  GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (
    self->store,
    "UPDATE sources SET last_good_sync = ?2, last_good_count = ?3, state = 'ok', last_error = NULL,"
    " failures = 0 WHERE id = ?1",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->source_id);
  sqlite3_bind_int64 (stmt, 2, self->now);
  sqlite3_bind_int64 (stmt, 3, self->counts.total);
  return step_done (self, stmt, "Cannot record the sync", error);
}

/* Lower-case letters and digits of each part, single spaces, so
 * "Line Cook – Downtown" at "ACME, Inc." in "Columbus, OH" finds its twin. */
static void
append_key_part (GString    *key,
                 const char *text)
{
  g_autofree char *folded = NULL;
  gboolean space = FALSE;

  if (text != NULL)
    {
      folded = g_utf8_casefold (text, -1);
      for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          if (g_unichar_isalnum (c))
            {
              if (space && key->len > 0 && key->str[key->len - 1] != '|')
                g_string_append_c (key, ' ');
              g_string_append_unichar (key, c);
              space = FALSE;
            }
          else
            space = TRUE;
        }
    }
  g_string_append_c (key, '|');
}

static void
hash_text (guint64    *hash,
           const char *text)
{
  /* FNV-1a, 64 bits; a NUL separates fields so "ab","c" differs from "a","bc". */
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    *hash = (*hash ^ (guchar) *p) * G_GUINT64_CONSTANT (1099511628211);
  *hash = (*hash ^ (text != NULL ? 0xff : 0xfe)) * G_GUINT64_CONSTANT (1099511628211);
}

static void
hash_double (guint64 *hash,
             double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  hash_text (hash, isnan (value) ? NULL : g_ascii_dtostr (buffer, sizeof buffer, value));
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

char *
jk_jobs_dedup_key (const JkJob *job)
{
  GString *key = g_string_new (NULL);

  append_key_part (key, job->title);
  append_key_part (key, job->employer);
  append_key_part (key, job->city);
  append_key_part (key, job->state);
  return g_string_free (key, FALSE);
}

gint64
jk_jobs_content_hash (const JkJob *job)
{
  guint64 hash = G_GUINT64_CONSTANT (14695981039346656037);
  const char *texts[] = {
    job->title, job->employer, job->city, job->state, job->postal_code, job->country, job->salary_text,
    job->employment_type, job->soc_code, job->category, job->education, job->description, job->apply_url,
    jk_salary_period_to_string (job->salary_period),
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    hash_text (&hash, texts[i]);
  hash_double (&hash, job->has_geo ? job->latitude : NAN);
  hash_double (&hash, job->has_geo ? job->longitude : NAN);
  hash_double (&hash, job->salary_min);
  hash_double (&hash, job->salary_max);
  hash_double (&hash, (double) job->posted);
  hash_double (&hash, (double) job->expires);
  return (gint64) hash;
}

JkSnapshot *
jk_snapshot_begin (JkStore  *store,
                   gint64    source_id,
                   gint64    now,
                   GError  **error)
{
  g_autoptr (JkSnapshot) self = g_new0 (JkSnapshot, 1);

  self->store = store;
  self->source_id = source_id;
  self->now = now;

  if (!jk_store_exec (store,
                      "CREATE TEMP TABLE IF NOT EXISTS jk_seen (id INTEGER PRIMARY KEY);"
                      "CREATE TEMP TABLE IF NOT EXISTS jk_touched (key TEXT PRIMARY KEY);"
                      "DELETE FROM temp.jk_seen; DELETE FROM temp.jk_touched;",
                      error))
    return NULL;
  for (int i = 0; i < N_STMTS; i++)
    {
      self->stmts[i] = jk_store_prepare (store, stmt_sql[i], error);
      if (self->stmts[i] == NULL)
        return NULL;
    }
  if (!jk_store_begin (store, error))
    return NULL;
  self->open = TRUE;
  return g_steal_pointer (&self);
}

gboolean
jk_snapshot_add (JkSnapshot  *self,
                 const JkJob *job,
                 GError     **error)
{
  sqlite3_stmt *find = self->stmts[STMT_FIND];
  g_autofree char *dedup_key = NULL;
  gint64 hash, id = 0, old_hash = 0;
  g_autofree char *old_key = NULL;

  g_return_val_if_fail (self->open, FALSE);
  if (job->title == NULL || job->external_id == NULL)
    return TRUE;

  self->counts.total++;
  if (job->expires != 0 && job->expires <= self->now)
    self->counts.expired++;

  sqlite3_bind_int64 (find, 1, self->source_id);
  sqlite3_bind_text (find, 2, job->external_id, -1, SQLITE_STATIC);
  if (sqlite3_step (find) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (find, 0);
      old_hash = sqlite3_column_int64 (find, 1);
      old_key = g_strdup ((const char *) sqlite3_column_text (find, 2));
    }
  sqlite3_reset (find);

  if (id != 0)
    {
      /* The same id twice in one feed: the first one stands. */
      sqlite3_bind_int64 (self->stmts[STMT_SEEN], 1, id);
      if (!step_done (self, self->stmts[STMT_SEEN], "Cannot note a posting", error))
        return FALSE;
      if (sqlite3_changes (jk_store_get_db (self->store)) == 0)
        {
          self->counts.duplicates++;
          self->counts.total--;
          return TRUE;
        }
    }

  hash = jk_jobs_content_hash (job);
  if (id != 0 && hash == old_hash)
    {
      self->counts.unchanged++;
      return TRUE;
    }

  dedup_key = jk_jobs_dedup_key (job);
  if (id != 0)
    {
      sqlite3_stmt *update = self->stmts[STMT_UPDATE];

      if (!delete_from_index (self, id, error))
        return FALSE;
      sqlite3_bind_int64 (update, 1, id);
      sqlite3_bind_int64 (update, 3, self->now);
      bind_job (update, job, hash, dedup_key);
      if (!step_done (self, update, "Cannot update a posting", error))
        return FALSE;
      sqlite3_clear_bindings (update);
      if (!add_to_index (self, id, job, error))
        return FALSE;
      if (g_strcmp0 (old_key, dedup_key) != 0 && !touch_key (self, old_key, error))
        return FALSE;
      self->counts.updated++;
    }
  else
    {
      sqlite3_stmt *insert = self->stmts[STMT_INSERT];

      sqlite3_bind_int64 (insert, 1, self->source_id);
      sqlite3_bind_text (insert, 2, job->external_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 3, self->now);
      bind_job (insert, job, hash, dedup_key);
      if (!step_done (self, insert, "Cannot add a posting", error))
        return FALSE;
      sqlite3_clear_bindings (insert);
      id = sqlite3_last_insert_rowid (jk_store_get_db (self->store));
      sqlite3_bind_int64 (self->stmts[STMT_SEEN], 1, id);
      if (!step_done (self, self->stmts[STMT_SEEN], "Cannot note a posting", error) ||
          !add_to_index (self, id, job, error))
        return FALSE;
      self->counts.added++;
    }
  return touch_key (self, dedup_key, error);
}

gboolean
jk_snapshot_commit (JkSnapshot    *self,
                    double         min_share,
                    JkSyncCounts  *counts,
                    GError       **error)
{
  gint64 last_good;

  g_return_val_if_fail (self->open, FALSE);

  last_good = read_last_good_count (self, error);
  if (last_good < 0)
    return FALSE;
  if (self->counts.total == 0)
    {
      g_set_error (error, JK_JOBS_ERROR, JK_JOBS_ERROR_REFUSED,
                   "The feed has no postings; the listings from the last good update were kept");
      return FALSE;
    }
  if ((double) self->counts.total < min_share * (double) last_good)
    {
      g_set_error (error, JK_JOBS_ERROR, JK_JOBS_ERROR_REFUSED,
                   "The feed has only %u postings, far fewer than the %" G_GINT64_FORMAT
                   " of the last good update; it looks broken, so the old listings were kept",
                   self->counts.total, last_good);
      return FALSE;
    }

  if (!remove_unseen (self, error) ||
      !mark_duplicates (self, error) ||
      !record_good_sync (self, error) ||
      !jk_store_commit (self->store, error))
    return FALSE;
  self->open = FALSE;
  if (counts != NULL)
    *counts = self->counts;
  return TRUE;
}

void
jk_snapshot_free (JkSnapshot *self)
{
  if (self == NULL)
    return;
  if (self->open)
    jk_store_rollback (self->store);
  for (int i = 0; i < N_STMTS; i++)
    sqlite3_finalize (self->stmts[i]);
  g_free (self);
}

gboolean
jk_jobs_remove_source (JkStore  *store,
                       gint64    source_id,
                       GError  **error)
{
  g_autofree char *sql = g_strdup_printf (
    "BEGIN IMMEDIATE;"
    "INSERT INTO jobs_fts (jobs_fts, rowid, title, employer, place, excerpt)"
    "  SELECT 'delete', id, title, employer, place, excerpt FROM jobs WHERE source_id = %" G_GINT64_FORMAT ";"
    "DELETE FROM jobs WHERE source_id = %" G_GINT64_FORMAT ";"
    "DELETE FROM sources WHERE id = %" G_GINT64_FORMAT ";"
    /* A copy hidden behind one of the removed postings may show now. */
    "UPDATE jobs SET duplicate = (id <> (SELECT min (j2.id) FROM jobs j2 WHERE j2.dedup_key = jobs.dedup_key))"
    "  WHERE duplicate = 1;"
    "COMMIT;",
    source_id, source_id, source_id);

  if (!jk_store_exec (store, sql, error))
    {
      jk_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gint64
jk_jobs_count_active (JkStore  *store,
                      gint64    source_id,
                      gint64    now,
                      GError  **error)
{
  /* Two statements, so the one for a source can use the jobs_active index. */
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (
    store,
    source_id != 0 ? "SELECT count(*) FROM jobs WHERE source_id = ?1 AND duplicate = 0"
                     " AND (expires IS NULL OR expires > ?2)"
                   : "SELECT count(*) FROM jobs WHERE ?1 = 0 AND duplicate = 0 AND (expires IS NULL OR expires > ?2)",
    error);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_int64 (stmt, 2, now);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      jk_store_set_error (store, error, "Cannot count postings");
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}
