/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-store.c: the one SQLite database: open, check, recover, migrate */

#define G_LOG_DOMAIN "jk-store"

#include "jk-build-config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>

#include "store/jk-store-private.h"

/* Virtual machine steps between looks at a cancellable: well under a
 * millisecond. */
#define PROGRESS_STEPS 1000

struct _JkStore
{
  sqlite3 *db;
  char *path;
  char *moved_aside;
  int schema_version;
  GCancellable *cancellable; /* read by the progress handler, under the connection's mutex */
};

typedef enum {
  OPEN_OK,
  OPEN_DAMAGED,
  OPEN_FAILED,
} OpenResult;

/* Each step moves the schema from version i to i + 1, in one transaction.
 * Never edit a step that has shipped: add a new one. */
static const char *const migrations[] = {
  /* 1: the foundation */
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL);"
  "CREATE TABLE usage_counts ("
  "  day TEXT NOT NULL,"
  "  what TEXT NOT NULL,"
  "  count INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (day, what));"
  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  actor TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  detail TEXT);",

  /* 2: job feeds and the job cache. The full-text index covers what a
   * visitor searches by (title, employer, place, category and the start of
   * the description), not whole descriptions: that keeps ingest near the
   * plain-row rate and makes common words cheap to rank. */
  "CREATE TABLE sources ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  url TEXT NOT NULL,"
  "  format TEXT NOT NULL DEFAULT 'auto',"
  "  etag TEXT,"
  "  last_modified TEXT,"
  "  last_attempt INTEGER,"
  "  last_checked INTEGER,"
  "  last_good_sync INTEGER,"
  "  last_good_count INTEGER NOT NULL DEFAULT 0,"
  "  state TEXT NOT NULL DEFAULT 'new',"
  "  last_error TEXT,"
  "  failures INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE jobs ("
  "  id INTEGER PRIMARY KEY,"
  "  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,"
  "  external_id TEXT NOT NULL,"
  "  content_hash INTEGER NOT NULL,"
  "  dedup_key TEXT NOT NULL,"
  "  duplicate INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL,"
  "  employer TEXT,"
  "  city TEXT,"
  "  state TEXT,"
  "  postal_code TEXT,"
  "  country TEXT,"
  "  latitude REAL,"
  "  longitude REAL,"
  "  salary_min REAL,"
  "  salary_max REAL,"
  "  salary_period TEXT,"
  "  salary_text TEXT,"
  "  employment_type TEXT,"
  "  soc_code TEXT,"
  "  category TEXT,"
  "  education TEXT,"
  "  description TEXT,"
  "  apply_url TEXT,"
  "  posted INTEGER,"
  "  expires INTEGER,"
  "  first_seen INTEGER NOT NULL,"
  "  last_seen INTEGER NOT NULL,"
  "  place TEXT GENERATED ALWAYS AS (ifnull (city, '') || ' ' || ifnull (state, '') || ' ' || ifnull (postal_code, '')) VIRTUAL,"
  "  excerpt TEXT GENERATED ALWAYS AS (ifnull (category, '') || ' ' || ifnull (soc_code, '') || ' ' || ifnull (substr (description, 1, 300), '')) VIRTUAL,"
  "  UNIQUE (source_id, external_id));"
  "CREATE INDEX jobs_dedup ON jobs (dedup_key);"
  "CREATE INDEX jobs_expires ON jobs (expires);"
  "CREATE INDEX jobs_posted ON jobs (posted);"
  "CREATE VIRTUAL TABLE jobs_fts USING fts5 ("
  "  title, employer, place, excerpt,"
  "  content = 'jobs', content_rowid = 'id',"
  "  tokenize = 'porter unicode61 remove_diacritics 2');"
  /* Column weights set once: ranking by the table's rank is about 4x
   * faster at p99 than passing weights to bm25() in every query. */
  "INSERT INTO jobs_fts (jobs_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 2.0, 1.0)');",

  /* 3: places. ZIP centroids (Census ZCTA gazetteer), so postings without
   * coordinates get their ZIP's, and distances work. */
  "CREATE TABLE zip_centroids ("
  "  zip TEXT PRIMARY KEY,"
  "  latitude REAL NOT NULL,"
  "  longitude REAL NOT NULL);"
  "CREATE INDEX jobs_place ON jobs (latitude, longitude);",

  /* 4: printing. One row per print job: what kind, how many pages, what
   * became of it; never the document's text or the visitor's name. Pages
   * count against the day's and the visit's limits until a job fails. */
  "CREATE TABLE print_jobs ("
  "  id INTEGER PRIMARY KEY,"
  "  cups_job_id INTEGER,"
  "  printer TEXT,"
  "  kind TEXT NOT NULL,"
  "  pages INTEGER NOT NULL,"
  "  copies INTEGER NOT NULL DEFAULT 1,"
  "  day TEXT NOT NULL,"
  "  visit INTEGER,"
  "  submitted INTEGER NOT NULL,"
  "  finished INTEGER,"
  "  held INTEGER NOT NULL DEFAULT 0,"
  "  state TEXT NOT NULL,"
  "  message TEXT,"
  "  spool_path TEXT);"
  "CREATE INDEX print_jobs_day ON print_jobs (day);",

  /* 5: counting a source's active postings without reading every row. */
  "CREATE INDEX jobs_active ON jobs (source_id, duplicate, expires);",

  /* 6: a hash of each posting's feed text, so a sync skips normalizing the
   * ones that did not change; the index lets it load a source's ids and
   * hashes without reading whole rows. */
  "ALTER TABLE jobs ADD COLUMN raw_hash INTEGER NOT NULL DEFAULT 0;"
  "CREATE INDEX jobs_sync ON jobs (source_id, external_id, raw_hash);",

  /* 7: listings in the orders the kiosk shows them without words (newest,
   * best paid), read from an index instead of sorting every row; the
   * expressions are jk-search.c's LISTED_AT and HOURLY_PAY, which must stay
   * equal to them. Counting uses jobs_active, so expires and posted alone
   * need no index. */
  "DROP INDEX jobs_expires;"
  "DROP INDEX jobs_posted;"
  "CREATE INDEX jobs_newest ON jobs (duplicate, coalesce (posted, first_seen));"
  "CREATE INDEX jobs_best_paid ON jobs (duplicate, (coalesce (salary_max, salary_min) / CASE salary_period"
  " WHEN 'hour' THEN 1.0 WHEN 'day' THEN 8.0 WHEN 'week' THEN 40.0 WHEN 'month' THEN 173.33"
  " WHEN 'year' THEN 2080.0 END));",

  /* 8: distances are computed per posting, never looked up by position, so
   * an index on it only cost every sync a write per posting. */
  "DROP INDEX jobs_place;",
};

G_DEFINE_QUARK (jk-store-error-quark, jk_store_error)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static gboolean
is_damage_code (int code)
{
  code &= 0xff;
  return code == SQLITE_NOTADB || code == SQLITE_CORRUPT;
}

static OpenResult
check_integrity (sqlite3  *db,
                 char    **detail)
{
  sqlite3_stmt *stmt = NULL;
  OpenResult result = OPEN_OK;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      *detail = g_strdup (sqlite3_errmsg (db));
      return is_damage_code (rc) ? OPEN_DAMAGED : OPEN_FAILED;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0 && result == OPEN_OK)
        {
          result = OPEN_DAMAGED;
          *detail = g_strdup (line);
        }
    }
  if (rc != SQLITE_DONE && result == OPEN_OK)
    {
      *detail = g_strdup (sqlite3_errmsg (db));
      result = is_damage_code (rc) ? OPEN_DAMAGED : OPEN_FAILED;
    }
  sqlite3_finalize (stmt);
  return result;
}

/* jk_distance_miles(lat1, lon1, lat2, lon2): great-circle distance, NULL
 * when a coordinate is missing. */
static void
distance_miles_func (sqlite3_context *context,
                     int              argc,
                     sqlite3_value  **argv)
{
  double lat1, lon1, lat2, lon2, a;
  const double to_radians = G_PI / 180.0;

  for (int i = 0; i < 4; i++)
    if (sqlite3_value_type (argv[i]) == SQLITE_NULL)
      {
        sqlite3_result_null (context);
        return;
      }
  lat1 = sqlite3_value_double (argv[0]) * to_radians;
  lon1 = sqlite3_value_double (argv[1]) * to_radians;
  lat2 = sqlite3_value_double (argv[2]) * to_radians;
  lon2 = sqlite3_value_double (argv[3]) * to_radians;
  a = pow (sin ((lat2 - lat1) / 2), 2) + cos (lat1) * cos (lat2) * pow (sin ((lon2 - lon1) / 2), 2);
  sqlite3_result_double (context, 3958.8 * 2 * atan2 (sqrt (a), sqrt (1 - a)));
}

/* What every connection has, writer or reader. */
static void
configure_connection (sqlite3 *db)
{
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  sqlite3_create_function (db, "jk_distance_miles", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                           distance_miles_func, NULL, NULL);
}

static OpenResult
try_open (const char  *path,
          gboolean     check,
          sqlite3    **out_db,
          char       **detail)
{
  sqlite3 *db = NULL;
  OpenResult result;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc == SQLITE_OK)
    {
      configure_connection (db);
      rc = sqlite3_exec (db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;",
                         NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      *detail = g_strdup (db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      result = is_damage_code (rc) ? OPEN_DAMAGED : OPEN_FAILED;
      sqlite3_close (db);
      return result;
    }

  result = check ? check_integrity (db, detail) : OPEN_OK;
  if (result != OPEN_OK)
    {
      sqlite3_close (db);
      return result;
    }
  *out_db = db;
  return OPEN_OK;
}

/* Keeps the damaged file (and its journal) for a person to look at, out of
 * the way, so the next start never meets it again. */
static char *
move_aside (const char  *path,
            GError     **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.damaged-%s", path, stamp);
  const char *const suffixes[] = { "-wal", "-shm" };

  if (g_rename (path, target) != 0)
    {
      int saved = errno;
      g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_OPEN,
                   "The database %s is damaged and cannot be moved aside: %s",
                   path, g_strerror (saved));
      return NULL;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);
      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }
  return g_steal_pointer (&target);
}

static int
read_user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
migrate (JkStore  *self,
         GError  **error)
{
  int version = read_user_version (self->db);
  int latest = jk_store_get_latest_version ();

  if (version < 0)
    {
      /* Not a schema of ours (or unreadable): never index the steps with it. */
      g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_MIGRATE,
                   "The database %s has an unknown schema version (%d)", self->path, version);
      return FALSE;
    }
  if (version > latest)
    {
      g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_TOO_NEW,
                   "The database %s was written by a newer Job Kiosk (schema %d; this one knows %d)",
                   self->path, version, latest);
      return FALSE;
    }

  for (int step = version; step < latest; step++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", step + 1);
      g_autoptr (GError) local_error = NULL;

      if (!jk_store_begin (self, &local_error) ||
          !jk_store_exec (self, migrations[step], &local_error) ||
          !jk_store_exec (self, bump, &local_error) ||
          !jk_store_commit (self, &local_error))
        {
          jk_store_rollback (self);
          g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_MIGRATE,
                       "Cannot update the database %s to schema %d: %s",
                       self->path, step + 1, local_error->message);
          return FALSE;
        }
      g_info ("database %s migrated to schema %d", self->path, step + 1);
    }
  self->schema_version = latest;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

int
jk_store_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

JkStore *
jk_store_open (const char  *path,
               GError     **error)
{
  return jk_store_open_checked (path, TRUE, error);
}

/* A write-ahead log left beside the file means the last writer did not
 * close: that is when damage is possible. */
static gboolean
closed_cleanly (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) != 0 || st.st_size == 0;
}

JkStore *
jk_store_open_checked (const char  *path,
                       gboolean     full_check,
                       GError     **error)
{
  g_autoptr (JkStore) self = g_new0 (JkStore, 1);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *detail = NULL;
  OpenResult result;

  self->path = g_strdup (path);
  if (g_mkdir_with_parents (dir, 0750) != 0)
    {
      int saved = errno;
      g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_OPEN,
                   "Cannot create the folder %s for the database: %s", dir, g_strerror (saved));
      return NULL;
    }

  result = try_open (path, full_check || !closed_cleanly (path), &self->db, &detail);
  if (result == OPEN_DAMAGED)
    {
      self->moved_aside = move_aside (path, error);
      if (self->moved_aside == NULL)
        return NULL;
      g_warning ("The database %s was damaged (%s); it was moved to %s and a new one was created",
                 path, detail, self->moved_aside);
      g_clear_pointer (&detail, g_free);
      result = try_open (path, TRUE, &self->db, &detail);
    }
  if (result != OPEN_OK)
    {
      g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_OPEN,
                   "Cannot open the database %s: %s. Check that the folder exists and the kiosk may write to it.",
                   path, detail);
      return NULL;
    }

  if (!migrate (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

static JkStore *
open_worker (const char  *path,
             int          flags,
             GError     **error)
{
  g_autoptr (JkStore) self = g_new0 (JkStore, 1);
  int rc;

  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db, flags, NULL);
  if (rc == SQLITE_OK)
    {
      configure_connection (self->db);
      self->schema_version = read_user_version (self->db);
    }
  if (rc != SQLITE_OK || self->schema_version < 0)
    {
      g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_OPEN, "Cannot open the database %s: %s", path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  if (self->schema_version != jk_store_get_latest_version ())
    {
      g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_OPEN,
                   "The database %s is at schema %d, not %d: open it for writing first", path,
                   self->schema_version, jk_store_get_latest_version ());
      return NULL;
    }
  return g_steal_pointer (&self);
}

JkStore *
jk_store_open_reader (const char  *path,
                      GError     **error)
{
  return open_worker (path, SQLITE_OPEN_READONLY, error);
}

JkStore *
jk_store_open_writer (const char  *path,
                      GError     **error)
{
  return open_worker (path, SQLITE_OPEN_READWRITE, error);
}

static int
progress_cb (void *user_data)
{
  JkStore *self = user_data;

  return self->cancellable != NULL && g_cancellable_is_cancelled (self->cancellable);
}

void
jk_store_set_cancellable (JkStore      *self,
                          GCancellable *cancellable)
{
  sqlite3_mutex *mutex = sqlite3_db_mutex (self->db);

  /* The handler runs inside a step, which holds this same mutex. */
  sqlite3_mutex_enter (mutex);
  g_set_object (&self->cancellable, cancellable);
  sqlite3_progress_handler (self->db, cancellable != NULL ? PROGRESS_STEPS : 0, progress_cb, self);
  sqlite3_mutex_leave (mutex);
}

void
jk_store_free (JkStore *self)
{
  if (self == NULL)
    return;
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_object (&self->cancellable);
  g_free (self->path);
  g_free (self->moved_aside);
  g_free (self);
}

sqlite3 *
jk_store_get_db (JkStore *self)
{
  return self->db;
}

const char *
jk_store_get_path (JkStore *self)
{
  return self->path;
}

int
jk_store_get_schema_version (JkStore *self)
{
  return self->schema_version;
}

const char *
jk_store_get_moved_aside (JkStore *self)
{
  return self->moved_aside;
}

void
jk_store_set_error (JkStore    *self,
                    GError    **error,
                    const char *doing)
{
  g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_SQL, "%s: %s", doing, sqlite3_errmsg (self->db));
}

gboolean
jk_store_exec (JkStore    *self,
               const char *sql,
               GError    **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, JK_STORE_ERROR, JK_STORE_ERROR_SQL, "%s", message ? message : "unknown error");
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
jk_store_prepare (JkStore    *self,
                  const char *sql,
                  GError    **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      jk_store_set_error (self, error, "Cannot prepare a statement");
      return NULL;
    }
  return stmt;
}

gboolean
jk_store_begin (JkStore  *self,
                GError  **error)
{
  return jk_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
jk_store_commit (JkStore  *self,
                 GError  **error)
{
  return jk_store_exec (self, "COMMIT", error);
}

void
jk_store_rollback (JkStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}
