/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-jobs.c: applying a feed snapshot to the job cache, in one transaction */

#define G_LOG_DOMAIN "jk-jobs"

#include <math.h>
#include <string.h>

#include "base/jk-hash-private.h"
#include "feeds/jk-id-map-private.h"
#include "jobkiosk/jk-jobs.h"
#include "jobs/jk-snapshot-private.h"
#include "store/jk-store-private.h"

typedef enum {
  STMT_OLD,
  STMT_INSERT,
  STMT_UPDATE,
  STMT_UPDATE_KEYS,
  STMT_RAW_HASH,
  STMT_OLD_FTS,
  STMT_FTS_INSERT,
  STMT_FTS_DELETE,
  STMT_TITLE_FTS_INSERT,
  STMT_TITLE_FTS_DELETE,
  STMT_TOUCH_KEY,
  STMT_DELETE,
  STMT_ROW_OF_ID,
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
/* Whether the row of jobs is hidden as a copy of another source's posting:
 * among the rows with its key, the oldest one's source shows all its
 * rows, and the other sources' rows are hidden. Postings of one source
 * with different ids are never each other's copies, and the empty key
 * (no employer) matches nothing. The store's migration 10 holds a copy. */
#define IS_DUPLICATE \
  "(jobs.dedup_key <> '' AND jobs.source_id <> (SELECT j2.source_id FROM jobs j2" \
  " WHERE j2.dedup_key = jobs.dedup_key ORDER BY j2.id LIMIT 1))"
/* The columns of JOB_COLUMNS some index reads, and their parameters. */
#define INDEXED_COLUMNS "dedup_key, latitude, longitude, salary_min, salary_max, salary_period, posted, expires"
#define INDEXED_VALUES "?5, " ZIP_LATITUDE ", " ZIP_LONGITUDE ", ?14, ?15, ?16, ?24, ?25"

static const char *const stmt_sql[N_STMTS] = {
  [STMT_OLD] = "SELECT content_hash, dedup_key, raw_hash FROM jobs WHERE id = ?1",
  /* A posting without coordinates takes its ZIP code's. */
  /* A new row takes the highest id, so it is a duplicate exactly when
   * the oldest row with its key is another source's (see IS_DUPLICATE). */
  [STMT_INSERT] = "INSERT INTO jobs (source_id, external_id, first_seen, last_seen, " JOB_COLUMNS ", raw_hash, remote,"
                  " duplicate) VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, " ZIP_LATITUDE ", " ZIP_LONGITUDE ", "
                  "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27,"
                  " ?5 <> '' AND ifnull ((SELECT source_id FROM jobs WHERE dedup_key = ?5 ORDER BY id LIMIT 1) <> ?1, 0))",
  /* A changed posting in two steps, with the parameters of STMT_INSERT:
   * first the columns no index reads, then the indexed ones only when
   * they differ, so an edited description rewrites no index entry. */
  [STMT_UPDATE] = "UPDATE jobs SET (last_seen, content_hash, title, employer, city, state, postal_code, country,"
                  " salary_text, employment_type, soc_code, category, education, description, apply_url, raw_hash, remote) ="
                  " (?3, ?4, ?6, ?7, ?8, ?9, ?10, ?11, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?26, ?27) WHERE id = ?1",
  [STMT_UPDATE_KEYS] = "UPDATE jobs SET (" INDEXED_COLUMNS ") = (" INDEXED_VALUES ")"
                       " WHERE id = ?1 AND (" INDEXED_COLUMNS ") IS NOT (" INDEXED_VALUES ")",
  [STMT_RAW_HASH] = "UPDATE jobs SET raw_hash = ?2 WHERE id = ?1",
  [STMT_OLD_FTS] = "SELECT title, employer, place, excerpt, dedup_key FROM jobs WHERE id = ?1",
  /* With VALUES, not INSERT … SELECT: the latter opens a statement
   * savepoint per row, at which FTS5 flushes its pending terms. */
  [STMT_FTS_INSERT] = "INSERT INTO jobs_fts (rowid, title, employer, place, excerpt) VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_FTS_DELETE] = "INSERT INTO jobs_fts (jobs_fts, rowid, title, employer, place, excerpt) "
                      "VALUES ('delete', ?1, ?2, ?3, ?4, ?5)",
  [STMT_TITLE_FTS_INSERT] = "INSERT INTO jobs_title_fts (rowid, title, employer) VALUES (?1, ?2, ?3)",
  [STMT_TITLE_FTS_DELETE] = "INSERT INTO jobs_title_fts (jobs_title_fts, rowid, title, employer) "
                            "VALUES ('delete', ?1, ?2, ?3)",
  [STMT_TOUCH_KEY] = "INSERT OR IGNORE INTO temp.jk_touched (key) VALUES (?1)",
  /* Without RETURNING, which opens a savepoint and so flushes FTS5. */
  [STMT_DELETE] = "DELETE FROM jobs WHERE id = ?1",
  [STMT_ROW_OF_ID] = "SELECT id FROM jobs INDEXED BY jobs_sync WHERE source_id = ?1 AND external_id = ?2",
};

struct _JkSnapshot
{
  JkStore *store;
  gint64 source_id;
  gint64 now;
  gboolean open;
  sqlite3_stmt *stmts[N_STMTS];
  JkSyncCounts counts;       /* rows written or compared, on the store's thread */
  /* Claims, on the parsing thread. */
  JkIdMap *ids;
  guint claimed;
  guint raw_unchanged;
  guint repeats;
};

struct _JkSnapshotRow
{
  JkJob *job;
  gint64 row;           /* the cached row it replaces; 0 when new */
  gint64 content_hash;
  char *dedup_key;
  char *place;          /* the text indexed for it */
  char *excerpt;
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

/* Parameters ?4 … ?27 of STMT_INSERT and the updates, in JOB_COLUMNS order. */
static void
bind_row (sqlite3_stmt        *stmt,
          const JkSnapshotRow *row)
{
  const JkJob *job = row->job;
  int i = 4;

  sqlite3_bind_int64 (stmt, i++, row->content_hash);
  bind_text (stmt, i++, row->dedup_key);
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
  sqlite3_bind_int64 (stmt, i++, (gint64) job->raw_hash);
  sqlite3_bind_int (stmt, i, job->remote ? 1 : 0);
}

/* Whether the text indexed for a row (STMT_OLD_FTS's first columns) is
 * what row would index: an edit past the description's start, or of the
 * pay, leaves the index as it is. */
static gboolean
same_index_text (sqlite3_stmt        *old,
                 const JkSnapshotRow *row)
{
  const char *texts[] = { row->job->title, row->job->employer, row->place, row->excerpt };

  for (int c = 0; c < (int) G_N_ELEMENTS (texts); c++)
    if (g_strcmp0 ((const char *) sqlite3_column_text (old, c), texts[c]) != 0)
      return FALSE;
  return TRUE;
}

/* External content FTS5 needs the old indexed text to delete a row; with
 * unless_same_as, a row whose indexed text would not change is kept (and
 * out_kept set). */
static gboolean
delete_from_index (JkSnapshot          *self,
                   gint64               id,
                   const JkSnapshotRow *unless_same_as,
                   gboolean            *out_kept,
                   char               **out_dedup_key,
                   GError             **error)
{
  sqlite3_stmt *old = self->stmts[STMT_OLD_FTS];
  sqlite3_stmt *del = self->stmts[STMT_FTS_DELETE];
  sqlite3_stmt *title_del = self->stmts[STMT_TITLE_FTS_DELETE];
  gboolean ok;

  sqlite3_bind_int64 (old, 1, id);
  if (sqlite3_step (old) != SQLITE_ROW)
    {
      sqlite3_reset (old);
      jk_store_set_error (self->store, error, "Cannot read a posting to re-index it");
      return FALSE;
    }
  if (out_kept != NULL)
    *out_kept = unless_same_as != NULL && same_index_text (old, unless_same_as);
  if (out_kept != NULL && *out_kept)
    {
      sqlite3_reset (old);
      return TRUE;
    }
  sqlite3_bind_int64 (del, 1, id);
  sqlite3_bind_int64 (title_del, 1, id);
  for (int c = 0; c < 4; c++)
    sqlite3_bind_value (del, c + 2, sqlite3_column_value (old, c));
  for (int c = 0; c < 2; c++)
    sqlite3_bind_value (title_del, c + 2, sqlite3_column_value (old, c));
  ok = step_done (self, del, "Cannot remove a posting from the search index", error) &&
       step_done (self, title_del, "Cannot remove a posting from the search index", error);
  if (out_dedup_key != NULL)
    *out_dedup_key = g_strdup ((const char *) sqlite3_column_text (old, 4));
  sqlite3_reset (old);
  sqlite3_clear_bindings (del);
  sqlite3_clear_bindings (title_del);
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
  const char *description = job->description != NULL ? job->description : "";
  const char *end = description;
  g_autofree char *start = NULL;

  /* The first 300 characters, as SQL's substr counts them. */
  for (guint i = 0; i < 300 && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  start = g_strndup (description, (gsize) (end - description));
  return g_strconcat (job->category != NULL ? job->category : "", " ", job->soc_code != NULL ? job->soc_code : "",
                      " ", start, NULL);
}

static gboolean
add_to_index (JkSnapshot          *self,
              gint64               id,
              const JkSnapshotRow *row,
              GError             **error)
{
  sqlite3_stmt *insert = self->stmts[STMT_FTS_INSERT];
  sqlite3_stmt *title_insert = self->stmts[STMT_TITLE_FTS_INSERT];
  gboolean ok;

  sqlite3_bind_int64 (insert, 1, id);
  bind_text (insert, 2, row->job->title);
  bind_text (insert, 3, row->job->employer);
  sqlite3_bind_text (insert, 4, row->place, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, row->excerpt, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (title_insert, 1, id);
  bind_text (title_insert, 2, row->job->title);
  bind_text (title_insert, 3, row->job->employer);
  ok = step_done (self, insert, "Cannot index a posting", error) &&
       step_done (self, title_insert, "Cannot index a posting", error);
  sqlite3_clear_bindings (insert);
  sqlite3_clear_bindings (title_insert);
  return ok;
}

static gboolean
touch_key (JkSnapshot *self,
           const char *key,
           GError    **error)
{
  /* The empty key is no posting's copy: nothing to look at again. */
  if (key == NULL || *key == '\0')
    return TRUE;
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

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Postings the snapshot no longer lists leave the cache and the index. */
static gboolean
remove_unseen (JkSnapshot *self,
               GError    **error)
{
  g_autoptr (GArray) rows = jk_id_map_unseen_rows (self->ids);
  sqlite3_stmt *del = self->stmts[STMT_DELETE];

  /* In row order, so neighbours share pages. */
  g_array_sort (rows, compare_rows);
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 id = g_array_index (rows, gint64, i);
      g_autofree char *key = NULL;

      if (!delete_from_index (self, id, NULL, NULL, &key, error))
        return FALSE;
      sqlite3_bind_int64 (del, 1, id);
      if (!step_done (self, del, "Cannot remove a posting", error) || !touch_key (self, key, error))
        return FALSE;
      self->counts.removed++;
    }
  return TRUE;
}

/* The cache's postings of this source, by id, with their raw hashes and
 * dates posted: all read from the index jobs_sync, none from the rows. */
static gboolean
load_ids (JkSnapshot *self,
          GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (
    self->store, "SELECT id, external_id, raw_hash, posted FROM jobs INDEXED BY jobs_sync WHERE source_id = ?1", error);
  gint64 last_good = read_last_good_count (self, error);
  int rc;

  if (stmt == NULL || last_good < 0)
    return FALSE;
  /* Room for the last snapshot and a tenth more, without growing. */
  self->ids = jk_id_map_new ((gsize) last_good + (gsize) last_good / 10);
  sqlite3_bind_int64 (stmt, 1, self->source_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    jk_id_map_add_cached_posted (self->ids, jk_id_map_key ((const char *) sqlite3_column_text (stmt, 1)),
                                 (guint64) sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 0),
                                 sqlite3_column_int64 (stmt, 3));
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (self->store, error, "Cannot read the cached postings");
      return FALSE;
    }
  jk_id_map_index_raw (self->ids);
  return TRUE;
}

/* Postings of the new snapshot already past their closing date. */
static gboolean
count_expired (JkSnapshot *self,
               GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (
    self->store, "SELECT count(*) FROM jobs WHERE source_id = ?1 AND duplicate IN (0, 1) AND expires <= ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->source_id);
  sqlite3_bind_int64 (stmt, 2, self->now);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      jk_store_set_error (self->store, error, "Cannot count expired postings");
      return FALSE;
    }
  self->counts.expired = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Among copies of one posting from several sources, the oldest row's
 * source is shown (IS_DUPLICATE). New rows set their own flag; a removed
 * posting or one whose key changed may let another copy show, so only
 * those keys are looked at. (Flags a kiosk that hid a source's own
 * postings from each other left were set right once, by the store's
 * migration 10.) */
static gboolean
mark_duplicates (JkSnapshot *self,
                 GError    **error)
{
  /* Only rows whose flag changes are written. */
  return jk_store_exec (self->store,
                        "UPDATE jobs SET duplicate = NOT duplicate"
                        " WHERE dedup_key IN (SELECT key FROM temp.jk_touched)"
                        "   AND duplicate <> " IS_DUPLICATE,
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

static guint64
hash_double (guint64 hash,
             double  value)
{
  guint64 bits;

  if (isnan (value))
    return jk_hash_text (hash, NULL);
  memcpy (&bits, &value, sizeof bits);
  return jk_hash_bytes (hash, &bits, sizeof bits);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

char *
jk_jobs_dedup_key (const JkJob *job)
{
  GString *key = g_string_new (NULL);
  gsize before;

  append_key_part (key, job->title);
  before = key->len;
  append_key_part (key, job->employer);
  /* Without an employer, the same title in the same town is as likely two
   * employers' postings as one posting twice: no key. */
  if (key->len == before + 1)
    {
      g_string_free (key, TRUE);
      return g_strdup ("");
    }
  append_key_part (key, job->city);
  append_key_part (key, job->state);
  return g_string_free (key, FALSE);
}

gint64
jk_jobs_content_hash (const JkJob *job)
{
  guint64 hash = 0;
  const char *texts[] = {
    job->title, job->employer, job->city, job->state, job->postal_code, job->country, job->salary_text,
    job->employment_type, job->soc_code, job->category, job->education, job->description, job->apply_url,
    jk_salary_period_to_string (job->salary_period),
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    hash = jk_hash_text (hash, texts[i]);
  hash = hash_double (hash, job->has_geo ? job->latitude : NAN);
  hash = hash_double (hash, job->has_geo ? job->longitude : NAN);
  hash = hash_double (hash, job->salary_min);
  hash = hash_double (hash, job->salary_max);
  hash = hash_double (hash, (double) job->posted);
  hash = hash_double (hash, (double) job->expires);
  /* Only when set: the hashes of postings from before it stay the same. */
  if (job->remote)
    hash = hash_double (hash, 1.0);
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

  if (!jk_store_exec (store, "CREATE TEMP TABLE IF NOT EXISTS jk_touched (key TEXT PRIMARY KEY)", error))
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
  /* Inside the transaction: a begin that fails must not touch another
   * snapshot's keys, and no other writer slips in before the ids are read. */
  if (!jk_store_exec (store, "DELETE FROM temp.jk_touched", error) || !load_ids (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
jk_snapshot_claim (JkSnapshot *self,
                   const char *external_id,
                   guint64     raw_hash,
                   gint64      posted,
                   gint64     *out_row)
{
  guint64 cached_hash = 0;
  gint64 row = 0;

  g_return_val_if_fail (external_id != NULL, FALSE);

  switch (jk_id_map_claim (self->ids, jk_id_map_key (external_id), posted, &row, &cached_hash))
    {
    case JK_ID_CLAIM_OLDER:
      /* The same id twice in one feed: the newest stands. */
      self->repeats++;
      return FALSE;
    case JK_ID_CLAIM_NEWER:
      /* Written over the copy listed before, wherever that went. */
      self->repeats++;
      *out_row = row != 0 ? -row : JK_SNAPSHOT_ROW_LISTED;
      return TRUE;
    case JK_ID_CLAIM_CACHED:
      if (raw_hash != 0 && raw_hash == cached_hash)
        {
          self->raw_unchanged++;
          return FALSE;
        }
      break;
    case JK_ID_CLAIM_NEW:
    default:
      break;
    }
  self->claimed++;
  *out_row = row;
  return TRUE;
}

gboolean
jk_snapshot_holds_raw (JkSnapshot *self,
                       guint64     raw_hash)
{
  return jk_id_map_reserve_raw (self->ids, raw_hash);
}

void
jk_snapshot_claim_raw (JkSnapshot *self,
                       guint64     raw_hash)
{
  /* Listed before under its id by a newer copy, which stands. */
  if (jk_id_map_see_raw (self->ids, raw_hash) == JK_ID_REPEAT)
    self->repeats++;
  else
    self->raw_unchanged++;
}

JkSnapshotRow *
jk_snapshot_row_new (JkJob  *job,
                     gint64  row)
{
  JkSnapshotRow *self = g_new0 (JkSnapshotRow, 1);

  self->job = job;
  self->row = row;
  self->content_hash = jk_jobs_content_hash (job);
  self->dedup_key = jk_jobs_dedup_key (job);
  self->place = index_place (job);
  self->excerpt = index_excerpt (job);
  return self;
}

void
jk_snapshot_row_free (JkSnapshotRow *self)
{
  if (self == NULL)
    return;
  jk_job_free (self->job);
  g_free (self->dedup_key);
  g_free (self->place);
  g_free (self->excerpt);
  g_free (self);
}

/* A cached posting whose feed text changed: rewritten only when what is
 * stored changed too, else just its raw hash is brought up to date. */
static gboolean
write_update (JkSnapshot          *self,
              const JkSnapshotRow *row,
              gint64               id,
              gboolean             count,
              GError             **error)
{
  sqlite3_stmt *old = self->stmts[STMT_OLD];
  sqlite3_stmt *updates[] = { self->stmts[STMT_UPDATE], self->stmts[STMT_UPDATE_KEYS] };
  g_autofree char *old_key = NULL;
  gint64 old_hash, old_raw_hash;
  gboolean same_text = FALSE;

  sqlite3_bind_int64 (old, 1, id);
  if (sqlite3_step (old) != SQLITE_ROW)
    {
      sqlite3_reset (old);
      jk_store_set_error (self->store, error, "Cannot read a posting to compare it");
      return FALSE;
    }
  old_hash = sqlite3_column_int64 (old, 0);
  old_key = g_strdup ((const char *) sqlite3_column_text (old, 1));
  old_raw_hash = sqlite3_column_int64 (old, 2);
  sqlite3_reset (old);

  if (old_hash == row->content_hash)
    {
      self->counts.unchanged += count;
      if (old_raw_hash == (gint64) row->job->raw_hash)
        return TRUE;
      sqlite3_bind_int64 (self->stmts[STMT_RAW_HASH], 1, id);
      sqlite3_bind_int64 (self->stmts[STMT_RAW_HASH], 2, (gint64) row->job->raw_hash);
      return step_done (self, self->stmts[STMT_RAW_HASH], "Cannot update a posting", error);
    }

  if (!delete_from_index (self, id, row, &same_text, NULL, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (updates); i++)
    {
      sqlite3_bind_int64 (updates[i], 1, id);
      sqlite3_bind_int64 (updates[i], 3, self->now);
      bind_row (updates[i], row);
      if (!step_done (self, updates[i], "Cannot update a posting", error))
        return FALSE;
      sqlite3_clear_bindings (updates[i]);
    }
  if (!same_text && !add_to_index (self, id, row, error))
    return FALSE;
  if (g_strcmp0 (old_key, row->dedup_key) != 0 && !touch_key (self, old_key, error))
    return FALSE;
  self->counts.updated += count;
  /* The same key keeps the same place among its copies. */
  return g_strcmp0 (old_key, row->dedup_key) == 0 || touch_key (self, row->dedup_key, error);
}

static gboolean
write_insert (JkSnapshot          *self,
              const JkSnapshotRow *row,
              GError             **error)
{
  sqlite3_stmt *insert = self->stmts[STMT_INSERT];

  sqlite3_bind_int64 (insert, 1, self->source_id);
  sqlite3_bind_text (insert, 2, row->job->external_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 3, self->now);
  bind_row (insert, row);
  if (!step_done (self, insert, "Cannot add a posting", error))
    return FALSE;
  sqlite3_clear_bindings (insert);
  if (!add_to_index (self, sqlite3_last_insert_rowid (jk_store_get_db (self->store)), row, error))
    return FALSE;
  self->counts.added++;
  return TRUE;
}

gboolean
jk_snapshot_write (JkSnapshot          *self,
                   const JkSnapshotRow *row,
                   GError             **error)
{
  g_return_val_if_fail (self->open, FALSE);

  if (row->row == JK_SNAPSHOT_ROW_LISTED)
    {
      /* A newer copy of a posting new in this snapshot: its row is found
       * by id, and it is counted once, as added. */
      sqlite3_stmt *find = self->stmts[STMT_ROW_OF_ID];
      gint64 id = 0;

      sqlite3_bind_int64 (find, 1, self->source_id);
      sqlite3_bind_text (find, 2, row->job->external_id, -1, SQLITE_STATIC);
      if (sqlite3_step (find) == SQLITE_ROW)
        id = sqlite3_column_int64 (find, 0);
      sqlite3_reset (find);
      sqlite3_clear_bindings (find);
      if (id == 0)
        {
          jk_store_set_error (self->store, error, "Cannot find a posting to replace it");
          return FALSE;
        }
      return write_update (self, row, id, FALSE, error);
    }
  if (row->row < 0)
    return write_update (self, row, -row->row, FALSE, error);
  return row->row != 0 ? write_update (self, row, row->row, TRUE, error) : write_insert (self, row, error);
}

gboolean
jk_snapshot_add (JkSnapshot  *self,
                 const JkJob *job,
                 GError     **error)
{
  g_autoptr (JkSnapshotRow) row = NULL;
  gint64 cached = 0;

  g_return_val_if_fail (self->open, FALSE);
  if (job->title == NULL || job->external_id == NULL)
    return TRUE;
  if (!jk_snapshot_claim (self, job->external_id, job->raw_hash, job->posted, &cached))
    return TRUE;
  row = jk_snapshot_row_new (jk_job_copy (job), cached);
  return jk_snapshot_write (self, row, error);
}

gboolean
jk_snapshot_commit (JkSnapshot    *self,
                    double         min_share,
                    JkSyncCounts  *counts,
                    GError       **error)
{
  gint64 last_good;

  g_return_val_if_fail (self->open, FALSE);

  self->counts.unchanged += self->raw_unchanged;
  self->counts.duplicates = self->repeats;
  self->counts.total = self->claimed + self->raw_unchanged;
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
      !count_expired (self, error) ||
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
  jk_id_map_free (self->ids);
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
    "INSERT INTO jobs_title_fts (jobs_title_fts, rowid, title, employer)"
    "  SELECT 'delete', id, title, employer FROM jobs WHERE source_id = %" G_GINT64_FORMAT ";"
    "DELETE FROM jobs WHERE source_id = %" G_GINT64_FORMAT ";"
    "DELETE FROM sources WHERE id = %" G_GINT64_FORMAT ";"
    /* A copy hidden behind one of the removed postings may show now. */
    "UPDATE jobs SET duplicate = " IS_DUPLICATE
    "  WHERE duplicate = 1;"
    "COMMIT;",
    source_id, source_id, source_id, source_id);

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
  /* Source by source, each from the jobs_active index alone. */
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (
    store,
    "SELECT coalesce (sum ((SELECT count(*) FROM jobs WHERE source_id = s.id AND duplicate = 0"
    " AND (expires IS NULL OR expires > ?2))), 0) FROM sources s WHERE ?1 IN (0, s.id)",
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
