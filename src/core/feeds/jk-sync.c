/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-sync.c: configured feed sources, and fetch → parse → apply for each */

#define G_LOG_DOMAIN "jk-sync"

#include <glib/gstdio.h>
#include <jobkiosk/jk-i18n.h>
#include <string.h>

#include "feeds/jk-fetch-private.h"
#include "feeds/jk-ingest-private.h"
#include "jobkiosk/jk-sync.h"
#include "jobs/jk-snapshot-private.h"
#include "store/jk-store-private.h"

#define SOURCE_PREFIX "source "
#define HEADER_PREFIX "header-"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
add_problem (GPtrArray  *problems,
             const char *group,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (GPtrArray  *problems,
             const char *group,
             const char *format,
             ...)
{
  va_list args;
  g_autofree char *what = NULL;
  char *message;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  message = g_strdup_printf ("[%s]: %s", group, what);
  g_warning ("%s", message);
  if (problems != NULL)
    g_ptr_array_add (problems, message);
  else
    g_free (message);
}

#define HEADER_NAME_CHARS "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

/* header-NAME = value, or header-NAME-file = path holding the value (an API
 * key kept out of the configuration file). */
static GStrv
read_headers (const JkConfig *config,
              const char     *group,
              GPtrArray      *problems)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) keys = g_key_file_get_keys (config->merged, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *value = NULL;
      g_autofree char *name = NULL;

      if (!g_str_has_prefix (keys[i], HEADER_PREFIX))
        continue;
      name = g_strdup (keys[i] + strlen (HEADER_PREFIX));
      value = g_key_file_get_string (config->merged, group, keys[i], NULL);
      if (g_str_has_suffix (name, "-file"))
        {
          g_autofree char *path = jk_config_resolve_path (config, value);
          g_autofree char *contents = NULL;

          name[strlen (name) - strlen ("-file")] = '\0';
          if (!g_file_get_contents (path, &contents, NULL, NULL))
            {
              add_problem (problems, group, _("cannot read %s for the %s header; sent without it"), path, name);
              continue;
            }
          g_free (value);
          value = g_strdup (g_strstrip (contents));
        }
      /* The name is an HTTP token; the value one line. */
      if (name[0] == '\0' || strspn (name, HEADER_NAME_CHARS) != strlen (name) || strpbrk (value, "\r\n") != NULL)
        {
          add_problem (problems, group, _("the header %s is not usable; sent without it"), keys[i]);
          continue;
        }
      {
        g_autofree char *line = g_strdup_printf ("%s: %s", name, value);
        g_strv_builder_add (builder, line);
      }
    }
  return g_strv_builder_end (builder);
}

static gint64
ensure_source_row (JkStore        *store,
                   const JkSource *source,
                   GError        **error)
{
  g_autoptr (sqlite3_stmt) upsert = jk_store_prepare (
    store,
    /* A new address or format makes the old validators meaningless. */
    "INSERT INTO sources (name, url, format) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (name) DO UPDATE SET url = excluded.url, format = excluded.format,"
    "   etag = CASE WHEN url = excluded.url AND format = excluded.format THEN etag END,"
    "   last_modified = CASE WHEN url = excluded.url AND format = excluded.format THEN last_modified END"
    " RETURNING id",
    error);

  if (upsert == NULL)
    return 0;
  sqlite3_bind_text (upsert, 1, source->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (upsert, 2, source->url, -1, SQLITE_STATIC);
  sqlite3_bind_text (upsert, 3, jk_feed_format_to_string (source->format), -1, SQLITE_STATIC);
  if (sqlite3_step (upsert) != SQLITE_ROW)
    {
      jk_store_set_error (store, error, "Cannot record the feed source");
      return 0;
    }
  return sqlite3_column_int64 (upsert, 0);
}

static gboolean
read_validators (JkStore  *store,
                 gint64    id,
                 char    **etag,
                 char    **last_modified,
                 GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, "SELECT etag, last_modified FROM sources WHERE id = ?1",
                                                    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      jk_store_set_error (store, error, "Cannot read the feed source");
      return FALSE;
    }
  *etag = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  *last_modified = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  return TRUE;
}

/* Runs one UPDATE on a source row: ?1 id, ?2 now, ?3 and ?4 as given
 * (binding a parameter a statement lacks is harmless). */
static gboolean
update_source (JkStore    *store,
               const char *sql,
               gint64      id,
               gint64      now,
               const char *text3,
               const char *text4,
               GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_text (stmt, 3, text3, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, text4, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot record the feed's state");
      return FALSE;
    }
  return TRUE;
}

static gboolean
record_failure (JkStore      *store,
                gint64        id,
                gint64        now,
                JkSyncReport *report,
                JkSyncOutcome outcome,
                const char   *message,
                GError      **error)
{
  report->outcome = outcome;
  report->message = g_strdup (message);
  g_info ("feed %s: %s", report->source, message);
  return update_source (store,
                        "UPDATE sources SET state = ?3, last_error = ?4, failures = failures + 1 WHERE id = ?1",
                        id, now, outcome == JK_SYNC_REFUSED ? "suspect" : "failing", message, error);
}

/* Removes every source (and its postings) whose name is not in names. */
static gboolean
forget_all_but (JkStore   *store,
                GPtrArray *names,
                GError   **error)
{
  g_autoptr (GString) sql = g_string_new ("SELECT id FROM sources WHERE name NOT IN (");
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  for (guint i = 0; i < names->len; i++)
    g_string_append (sql, i == 0 ? "?" : ", ?");
  g_string_append (sql, ")");
  stmt = jk_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    sqlite3_bind_text (stmt, (int) i + 1, names->pdata[i], -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot list feed sources");
      return FALSE;
    }
  for (guint i = 0; i < ids->len; i++)
    if (!jk_jobs_remove_source (store, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
is_database_error (const GError *error)
{
  return error->domain == JK_STORE_ERROR;
}

/* Syncs in one process take turns at the database (SQLite has one writer
 * at a time), never at the network. */
static GMutex writing;

/* A feed downloaded (or found unchanged) goes into the cache, under
 * writing. */
static gboolean
apply_fetched (JkStore             *store,
               const JkSource      *source,
               const JkSyncOptions *options,
               gint64               id,
               gint64               now,
               JkFetchResult       *fetched,
               JkSyncReport        *report,
               GError             **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (JkSnapshot) snapshot = NULL;
  JkFeedStats stats = { 0 };
  gboolean parsed;

  if (fetched->not_modified)
    {
      /* Only the "checked" time moves; a suspect source stays suspect. */
      report->outcome = JK_SYNC_UNCHANGED;
      report->active = jk_jobs_count_active (store, id, now, NULL);
      return update_source (store,
                            "UPDATE sources SET last_checked = ?2,"
                            " state = CASE state WHEN 'ok' THEN 'unchanged' WHEN 'failing' THEN 'unchanged' ELSE state END,"
                            " last_error = CASE state WHEN 'suspect' THEN last_error END, failures = 0"
                            " WHERE id = ?1",
                            id, now, NULL, NULL, error);
    }

  snapshot = jk_snapshot_begin (store, id, now, error);
  if (snapshot == NULL)
    return FALSE;
  parsed = jk_ingest_file (snapshot, fetched->body_path, source->format, &stats, &local_error);
  if (fetched->http_status != 0)
    g_unlink (fetched->body_path);

  if (!parsed || !jk_snapshot_commit (snapshot, options->min_share_percent / 100.0, &report->counts, &local_error))
    {
      g_clear_pointer (&snapshot, jk_snapshot_free); /* rolls back */
      jk_feed_stats_clear (&stats);
      if (is_database_error (local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return record_failure (store, id, now, report,
                             g_error_matches (local_error, JK_JOBS_ERROR, JK_JOBS_ERROR_REFUSED) ? JK_SYNC_REFUSED
                                                                                                   : JK_SYNC_FAILED,
                             local_error->message, error);
    }

  /* Validators are kept only once their snapshot is in: a 304 must never
   * stand for a feed the cache does not hold. */
  report->outcome = JK_SYNC_OK;
  report->active = jk_jobs_count_active (store, id, now, NULL);
  jk_feed_stats_clear (&stats);
  return update_source (store, "UPDATE sources SET last_checked = ?2, etag = ?3, last_modified = ?4 WHERE id = ?1",
                        id, now, fetched->etag, fetched->last_modified, error);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkSource *
jk_source_new (const char  *name,
               const char  *url,
               JkFeedFormat format)
{
  JkSource *source = g_new0 (JkSource, 1);

  source->name = g_strdup (name);
  source->url = g_strdup (url);
  source->format = format;
  source->refresh_minutes = 60;
  source->enabled = TRUE;
  source->headers = g_new0 (char *, 1);
  return source;
}

void
jk_source_free (JkSource *source)
{
  if (source == NULL)
    return;
  g_free (source->name);
  g_free (source->url);
  g_strfreev (source->headers);
  g_free (source);
}

GPtrArray *
jk_sources_from_config (const JkConfig *config,
                        GPtrArray      *problems)
{
  GPtrArray *sources = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_source_free);

  /* The configuration checked every key as it read it (config->problems
   * names each bad one with its file and line) and kept only good values. */
  for (guint i = 0; i < config->source_names->len; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (config->source_names->pdata[i]));
      g_autofree char *group = g_strconcat (SOURCE_PREFIX, (const char *) config->source_names->pdata[i], NULL);
      g_autofree char *url = g_key_file_get_string (config->merged, group, "url", NULL);
      g_autofree char *format_text = g_key_file_get_string (config->merged, group, "format", NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (JkSource) source = NULL;
      JkFeedFormat format = JK_FEED_FORMAT_AUTO;
      int refresh;
      gboolean enabled;

      if (url == NULL || g_strstrip (url)[0] == '\0' || name[0] == '\0')
        continue;
      if (format_text != NULL && !jk_feed_format_from_string (g_strstrip (format_text), &format))
        format = JK_FEED_FORMAT_AUTO;
      if (g_uri_peek_scheme (url) == NULL)
        {
          g_autofree char *resolved = jk_config_resolve_path (config, url);
          g_free (url);
          url = g_steal_pointer (&resolved);
        }
      source = jk_source_new (name, url, format);
      refresh = g_key_file_get_integer (config->merged, group, "refresh", &error);
      if (error == NULL && refresh >= 1 && refresh <= 7 * 24 * 60)
        source->refresh_minutes = refresh;
      g_clear_error (&error);
      enabled = g_key_file_get_boolean (config->merged, group, "enabled", &error);
      source->enabled = error == NULL ? enabled : TRUE;
      g_strfreev (source->headers);
      source->headers = read_headers (config, group, problems);
      g_ptr_array_add (sources, g_steal_pointer (&source));
    }
  return sources;
}

void
jk_sync_options_init (JkSyncOptions  *options,
                      const JkConfig *config,
                      const char     *database_path)
{
  g_autofree char *dir = g_path_get_dirname (database_path);

  options->min_share_percent = config->feed_min_share;
  options->max_bytes = (goffset) config->feed_max_mb * 1024 * 1024;
  options->connect_timeout = config->feed_connect_timeout;
  options->total_timeout = config->feed_timeout;
  options->stall_timeout = config->feed_stall_timeout;
  options->deadline = 0;
  options->max_attempts = config->feed_attempts;
  options->retry_delay_ms = config->feed_retry_delay_ms;
  options->download_dir = g_build_filename (dir, "downloads", NULL);
}

void
jk_sync_options_clear (JkSyncOptions *options)
{
  g_clear_pointer (&options->download_dir, g_free);
}

gboolean
jk_sync_source (JkStore             *store,
                const JkSource      *source,
                const JkSyncOptions *options,
                gint64               now,
                JkSyncReport        *report,
                GCancellable        *cancellable,
                GError             **error)
{
  g_autofree char *etag = NULL;
  g_autofree char *last_modified = NULL;
  g_autofree char *dest = NULL;
  g_autofree char *file_name = NULL;
  g_autoptr (GError) local_error = NULL;
  JkFetchResult fetched = { 0 };
  JkFetchRequest request = { 0 };
  gboolean fetched_ok, ok;
  gint64 id;

  memset (report, 0, sizeof *report);
  report->source = g_strdup (source->name);

  g_mutex_lock (&writing);
  id = ensure_source_row (store, source, error);
  ok = id != 0 && read_validators (store, id, &etag, &last_modified, error) &&
       update_source (store, "UPDATE sources SET last_attempt = ?2 WHERE id = ?1", id, now, NULL, NULL, error);
  g_mutex_unlock (&writing);
  if (!ok)
    return FALSE;

  g_mkdir_with_parents (options->download_dir, 0750);
  file_name = g_strdup_printf ("source-%" G_GINT64_FORMAT ".feed", id);
  dest = g_build_filename (options->download_dir, file_name, NULL);
  request.url = source->url;
  request.etag = etag;
  request.last_modified = last_modified;
  request.headers = (const char *const *) source->headers;
  request.dest_path = dest;
  request.connect_timeout = options->connect_timeout;
  request.total_timeout = options->total_timeout;
  request.stall_timeout = options->stall_timeout;
  request.deadline = options->deadline;
  request.max_bytes = options->max_bytes;
  request.max_attempts = options->max_attempts;
  request.retry_base_ms = options->retry_delay_ms;

  /* The download holds no lock: a silent server keeps only its own feed waiting. */
  fetched_ok = jk_fetch (&request, &fetched, cancellable, &local_error);

  g_mutex_lock (&writing);
  if (!fetched_ok)
    ok = record_failure (store, id, now, report, JK_SYNC_FAILED, local_error->message, error);
  else
    ok = apply_fetched (store, source, options, id, now, &fetched, report, error);
  g_mutex_unlock (&writing);
  jk_fetch_result_clear (&fetched);
  return ok;
}

typedef struct {
  const char *database_path;
  const JkSource *source;
  const JkSyncOptions *options;
  gint64 now;
  JkSyncReport *report;
  GCancellable *cancellable;
  GError *error;
  gboolean ok;
} SyncThread;

static gpointer
sync_thread_work (gpointer data)
{
  SyncThread *work = data;
  g_autoptr (JkStore) store = jk_store_open_writer (work->database_path, &work->error);

  work->ok = store != NULL && jk_sync_source (store, work->source, work->options, work->now, work->report,
                                              work->cancellable, &work->error);
  return NULL;
}

gboolean
jk_sync_sources (const char          *database_path,
                 GPtrArray           *sources,
                 const JkSyncOptions *options,
                 gint64               now,
                 JkSyncReport        *reports,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_autofree SyncThread *works = g_new0 (SyncThread, sources->len);
  g_autofree GThread **threads = g_new0 (GThread *, sources->len);
  gboolean ok = TRUE;

  for (guint i = 0; i < sources->len; i++)
    {
      const JkSource *source = sources->pdata[i];

      memset (&reports[i], 0, sizeof reports[i]);
      if (!source->enabled)
        continue;
      works[i] = (SyncThread) { database_path, source, options, now, &reports[i], cancellable, NULL, FALSE };
      threads[i] = g_thread_new ("jk-feed-sync", sync_thread_work, &works[i]);
    }
  for (guint i = 0; i < sources->len; i++)
    {
      if (threads[i] == NULL)
        continue;
      g_thread_join (threads[i]);
      if (!works[i].ok && ok)
        {
          ok = FALSE;
          g_propagate_error (error, g_steal_pointer (&works[i].error));
        }
      g_clear_error (&works[i].error);
    }
  return ok;
}

gboolean
jk_sync_forget_others (JkStore   *store,
                       GPtrArray *sources,
                       GError   **error)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < sources->len; i++)
    g_ptr_array_add (names, ((JkSource *) sources->pdata[i])->name);
  return forget_all_but (store, names, error);
}

gboolean
jk_sync_forget_unconfigured (JkStore         *store,
                             const JkConfig  *config,
                             GError         **error)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  /* A file or a line not read may name any source: none is gone for sure. */
  if (!jk_config_is_complete (config, error))
    return FALSE;
  for (guint i = 0; i < config->source_names->len; i++)
    g_ptr_array_add (names, g_strstrip (g_strdup (config->source_names->pdata[i])));
  return forget_all_but (store, names, error);
}

void
jk_sync_report_clear (JkSyncReport *report)
{
  g_clear_pointer (&report->source, g_free);
  g_clear_pointer (&report->message, g_free);
}

const char *
jk_sync_outcome_to_string (JkSyncOutcome outcome)
{
  switch (outcome)
    {
    case JK_SYNC_OK:
      return "ok";
    case JK_SYNC_UNCHANGED:
      return "unchanged";
    case JK_SYNC_REFUSED:
      return "refused";
    case JK_SYNC_FAILED:
    default:
      return "failed";
    }
}

GPtrArray *
jk_sync_list_status (JkStore  *store,
                     gint64    now,
                     GError  **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_source_status_free);
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (
    store,
    "SELECT s.name, s.url, s.format, ifnull (s.last_attempt, 0), ifnull (s.last_checked, 0),"
    " ifnull (s.last_good_sync, 0), s.state, s.last_error,"
    " (SELECT count(*) FROM jobs j WHERE j.source_id = s.id AND j.duplicate = 0"
    "   AND (j.expires IS NULL OR j.expires > ?1))"
    " FROM sources s ORDER BY s.name",
    error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, now);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JkSourceStatus *status = g_new0 (JkSourceStatus, 1);

      status->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      status->url = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      status->format = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      status->last_attempt = sqlite3_column_int64 (stmt, 3);
      status->last_checked = sqlite3_column_int64 (stmt, 4);
      status->last_good_sync = sqlite3_column_int64 (stmt, 5);
      status->state = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      status->last_error = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      status->active = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (list, status);
    }
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot read the feed sources");
      return NULL;
    }
  return g_steal_pointer (&list);
}

void
jk_source_status_free (JkSourceStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->name);
  g_free (status->url);
  g_free (status->format);
  g_free (status->state);
  g_free (status->last_error);
  g_free (status);
}
