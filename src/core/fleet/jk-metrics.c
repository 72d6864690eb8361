/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-metrics.c: the kiosk's health as Prometheus text, for node_exporter's textfile collector */

#define G_LOG_DOMAIN "jk-metrics"

#include "jk-build-config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-print.h>
#include <string.h>
#include <unistd.h>

#include "store/jk-store-private.h"
#include "jobkiosk/jk-metrics.h"

/* How long the printer may take to answer before it counts as unreachable:
 * a cupsd that accepts and never answers must not hold the timer up. */
#define PRINTER_DEADLINE_MS 2000

/* The states a source is in (jk-sync.c, jk-jobs.c), each a sample. */
static const char *const feed_states[] = { "new", "ok", "unchanged", "suspect", "failing" };

/* The printer's, as the metric names them. */
static const char *const printer_states[] = { "idle", "printing", "stopped", "unreachable" };

/* The outbox's kinds, each shown even when nothing waits. */
static const char *const outbox_kinds[] = { "mail", "staff" };

/* The printer check on its own thread: the caller waits for it only so
 * long, and whichever of the two lets go last frees it. */
typedef struct {
  gint refs;
  GMutex lock;
  GCond answered;
  gboolean done;
  JkPrintOptions options;
  JkPrinterStatus status;
  gboolean reached;
} PrinterCheck;

G_DEFINE_QUARK (jk-metrics-error-quark, jk_metrics_error)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
printer_check_unref (PrinterCheck *check)
{
  if (!g_atomic_int_dec_and_test (&check->refs))
    return;
  jk_print_options_clear (&check->options);
  jk_printer_status_clear (&check->status);
  g_mutex_clear (&check->lock);
  g_cond_clear (&check->answered);
  g_free (check);
}

static gpointer
printer_check_work (gpointer data)
{
  PrinterCheck *check = data;
  JkPrinterStatus status = { 0 };
  gboolean reached = jk_printer_get_status (&check->options, &status, NULL);

  g_mutex_lock (&check->lock);
  check->status = status;
  check->reached = reached;
  check->done = TRUE;
  g_cond_signal (&check->answered);
  g_mutex_unlock (&check->lock);
  printer_check_unref (check);
  return NULL;
}

/* One of printer_states. */
static const char *
read_printer_state (const JkConfig *config,
                    const char     *db_path)
{
  PrinterCheck *check = g_new0 (PrinterCheck, 1);
  gint64 deadline = g_get_monotonic_time () + PRINTER_DEADLINE_MS * G_TIME_SPAN_MILLISECOND;
  const char *state = "unreachable";
  GThread *thread;

  check->refs = 2;
  g_mutex_init (&check->lock);
  g_cond_init (&check->answered);
  jk_print_options_init (&check->options, config, db_path);
  thread = g_thread_new ("jk-metrics-printer", printer_check_work, check);
  g_thread_unref (thread);

  g_mutex_lock (&check->lock);
  while (!check->done)
    if (!g_cond_wait_until (&check->answered, &check->lock, deadline))
      break;
  if (check->done && check->reached && check->status.found)
    {
      switch (check->status.state)
        {
        case JK_PRINTER_STATE_IDLE:
          state = "idle";
          break;
        case JK_PRINTER_STATE_PROCESSING:
          state = "printing";
          break;
        case JK_PRINTER_STATE_STOPPED:
          state = "stopped";
          break;
        case JK_PRINTER_STATE_UNKNOWN:
        default:
          break;
        }
    }
  else if (!check->done)
    g_message ("The printer did not answer within %d ms", PRINTER_DEADLINE_MS);
  g_mutex_unlock (&check->lock);
  printer_check_unref (check);
  return state;
}

/* Label values: backslash, double quote and line feed escaped. */
static void
append_label_value (GString    *out,
                    const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\\')
        g_string_append (out, "\\\\");
      else if (*p == '"')
        g_string_append (out, "\\\"");
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
}

static void
append_header (GString    *out,
               const char *name,
               const char *type,
               const char *help)
{
  g_string_append_printf (out, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* name{label="value"} number; label NULL for none. */
static void
append_sample (GString    *out,
               const char *name,
               const char *label,
               const char *value,
               const char *number)
{
  g_string_append (out, name);
  if (label != NULL)
    {
      g_string_append_printf (out, "{%s=\"", label);
      append_label_value (out, value);
      g_string_append (out, "\"}");
    }
  g_string_append_printf (out, " %s\n", number);
}

static void
append_int (GString    *out,
            const char *name,
            const char *label,
            const char *value,
            gint64      number)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, number);
  append_sample (out, name, label, value, text);
}

typedef struct {
  char *name;
  gint64 last_good_sync;
  gint64 postings;
  gint64 failures;
  char *state;
  gboolean has_error;
} FeedRow;

static void
feed_row_free (FeedRow *row)
{
  g_free (row->name);
  g_free (row->state);
  g_free (row);
}

static JkMetricsFeedError
feed_error_code (const FeedRow *row)
{
  if (!row->has_error)
    return JK_METRICS_FEED_ERROR_NONE;
  if (g_strcmp0 (row->state, "failing") == 0)
    return JK_METRICS_FEED_ERROR_FAILED;
  if (g_strcmp0 (row->state, "suspect") == 0)
    return JK_METRICS_FEED_ERROR_REFUSED;
  return JK_METRICS_FEED_ERROR_OTHER;
}

/* The sources' rows alone: their stored count of the last good snapshot,
 * never a count of the jobs table. */
static GPtrArray *
read_feeds (JkStore  *store,
            GError  **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) feed_row_free);
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (
    store,
    "SELECT name, ifnull (last_good_sync, 0), last_good_count, failures, state, last_error IS NOT NULL"
    " FROM sources ORDER BY name",
    error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FeedRow *row = g_new0 (FeedRow, 1);

      row->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->last_good_sync = sqlite3_column_int64 (stmt, 1);
      row->postings = sqlite3_column_int64 (stmt, 2);
      row->failures = sqlite3_column_int64 (stmt, 3);
      row->state = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      row->has_error = sqlite3_column_int (stmt, 5) != 0;
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot read the feed sources");
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* One number from a query with text parameters (NULL-terminated). */
static gboolean
read_number (JkStore     *store,
             const char  *sql,
             const char  *param,
             gint64      *number,
             GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      jk_store_set_error (store, error, "Cannot read the metrics");
      return FALSE;
    }
  *number = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static void
append_feeds (GString   *out,
              GPtrArray *feeds,
              gint64     now)
{
  append_header (out, "jobkiosk_feed_age_seconds", "gauge",
                 "Seconds since the source's last good update (+Inf: never updated).");
  for (guint i = 0; i < feeds->len; i++)
    {
      const FeedRow *row = feeds->pdata[i];

      if (row->last_good_sync == 0)
        append_sample (out, "jobkiosk_feed_age_seconds", "source", row->name, "+Inf");
      else
        append_int (out, "jobkiosk_feed_age_seconds", "source", row->name, MAX (now - row->last_good_sync, 0));
    }
  append_header (out, "jobkiosk_feed_postings", "gauge",
                 "Postings in the source's last good update, as stored when it was applied.");
  for (guint i = 0; i < feeds->len; i++)
    {
      const FeedRow *row = feeds->pdata[i];
      append_int (out, "jobkiosk_feed_postings", "source", row->name, row->postings);
    }
  append_header (out, "jobkiosk_feed_state", "gauge",
                 "The source's state: 1 for the one it is in (new, ok, unchanged, suspect, failing), 0 for the others.");
  for (guint i = 0; i < feeds->len; i++)
    {
      const FeedRow *row = feeds->pdata[i];

      for (gsize s = 0; s < G_N_ELEMENTS (feed_states); s++)
        {
          g_string_append (out, "jobkiosk_feed_state{source=\"");
          append_label_value (out, row->name);
          g_string_append_printf (out, "\",state=\"%s\"} %d\n", feed_states[s],
                                  g_strcmp0 (row->state, feed_states[s]) == 0);
        }
    }
  append_header (out, "jobkiosk_feed_last_error_code", "gauge",
                 "The source's last error: 0 none, 1 the download or the parse failed, "
                 "2 an empty or shrunken update was refused, 3 another error is kept.");
  for (guint i = 0; i < feeds->len; i++)
    {
      const FeedRow *row = feeds->pdata[i];
      append_int (out, "jobkiosk_feed_last_error_code", "source", row->name, feed_error_code (row));
    }
  append_header (out, "jobkiosk_feed_failures", "gauge", "Updates of the source that failed in a row.");
  for (guint i = 0; i < feeds->len; i++)
    {
      const FeedRow *row = feeds->pdata[i];
      append_int (out, "jobkiosk_feed_failures", "source", row->name, row->failures);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static gboolean
append_outbox (GString  *out,
               JkStore  *store,
               GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, "SELECT kind, count(*) FROM outbox GROUP BY kind", error);
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) kinds = g_ptr_array_new ();
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (gsize k = 0; k < G_N_ELEMENTS (outbox_kinds); k++)
    g_hash_table_insert (counts, g_strdup (outbox_kinds[k]), GINT_TO_POINTER (0));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (counts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot read the outbox");
      return FALSE;
    }
  append_header (out, "jobkiosk_outbox_backlog", "gauge", "Outbox entries waiting to be sent, by kind.");
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, counts);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (kinds, key);
  }
  g_ptr_array_sort (kinds, compare_strings);
  for (guint k = 0; k < kinds->len; k++)
    append_int (out, "jobkiosk_outbox_backlog", "kind", kinds->pdata[k],
                GPOINTER_TO_INT (g_hash_table_lookup (counts, kinds->pdata[k])));
  return TRUE;
}

static gint64
database_size (const char *db_path)
{
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  GStatBuf info;
  gint64 size = 0;

  if (g_stat (db_path, &info) == 0)
    size += info.st_size;
  if (g_stat (wal, &info) == 0)
    size += info.st_size;
  return size;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

char *
jk_metrics_collect (const JkConfig  *config,
                    const char      *db_path,
                    gint64           now,
                    GError         **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) local_error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GPtrArray) feeds = NULL;
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr (GDateTime) local = g_date_time_to_local (utc);
  g_autofree char *today = g_date_time_format (local, "%Y-%m-%d");
  const char *printer;
  gint64 pages = 0, visits = 0;

  g_return_val_if_fail (config != NULL && db_path != NULL, NULL);

  /* The kiosk's own database only: a metrics run never makes one. */
  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, JK_METRICS_ERROR, JK_METRICS_ERROR_DATABASE, _("There is no database at %s"), db_path);
      return NULL;
    }
  store = jk_store_open_reader (db_path, &local_error);
  if (store != NULL)
    feeds = read_feeds (store, &local_error);
  if (feeds == NULL ||
      !read_number (store, "SELECT coalesce (sum (pages * copies), 0) FROM print_jobs"
                    " WHERE day = ?1 AND state NOT IN ('canceled', 'failed')", today, &pages, &local_error) ||
      !read_number (store, "SELECT coalesce (sum (count), 0) FROM usage_hours WHERE day = ?1 AND what = 'visits'",
                    today, &visits, &local_error))
    {
      g_set_error (error, JK_METRICS_ERROR, JK_METRICS_ERROR_DATABASE, _("Cannot read the database %s: %s"),
                   db_path, local_error->message);
      return NULL;
    }

  append_header (out, "jobkiosk_build_info", "gauge", "The Job Kiosk build: always 1, its version in a label.");
  append_sample (out, "jobkiosk_build_info", "version", PACKAGE_VERSION, "1");
  append_feeds (out, feeds, now);

  printer = read_printer_state (config, db_path);
  append_header (out, "jobkiosk_printer_state", "gauge",
                 "The printer's state: 1 for the one it is in (idle, printing, stopped, unreachable), 0 for the others.");
  for (gsize s = 0; s < G_N_ELEMENTS (printer_states); s++)
    append_int (out, "jobkiosk_printer_state", "state", printer_states[s], g_str_equal (printer, printer_states[s]));
  append_header (out, "jobkiosk_print_pages_today", "gauge",
                 "Pages printed today (the kiosk's local day), canceled and failed jobs left out.");
  append_int (out, "jobkiosk_print_pages_today", NULL, NULL, pages);

  if (!append_outbox (out, store, &local_error))
    {
      g_set_error (error, JK_METRICS_ERROR, JK_METRICS_ERROR_DATABASE, _("Cannot read the database %s: %s"),
                   db_path, local_error->message);
      return NULL;
    }
  append_header (out, "jobkiosk_visits_today", "gauge", "Visits today (the kiosk's local day).");
  append_int (out, "jobkiosk_visits_today", NULL, NULL, visits);
  append_header (out, "jobkiosk_database_size_bytes", "gauge",
                 "The size of the database file and its write-ahead log, in bytes.");
  append_int (out, "jobkiosk_database_size_bytes", NULL, NULL, database_size (db_path));
  append_header (out, "jobkiosk_metrics_written_timestamp_seconds", "gauge",
                 "When these metrics were written, in seconds since the Unix epoch.");
  append_int (out, "jobkiosk_metrics_written_timestamp_seconds", NULL, NULL, now);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
jk_metrics_write_file (const char  *path,
                       const char  *text,
                       GError     **error)
{
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  gsize length = strlen (text);
  gsize written = 0;
  int saved_errno = 0;
  int fd = g_open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, JK_METRICS_ERROR, JK_METRICS_ERROR_WRITE, _("Cannot write %s: %s"), tmp,
                   g_strerror (saved_errno));
      return FALSE;
    }
  while (written < length)
    {
      ssize_t n = write (fd, text + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved_errno = errno;
          break;
        }
      written += (gsize) n;
    }
  if (saved_errno == 0 && fsync (fd) != 0)
    saved_errno = errno;
  if (close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (saved_errno == 0 && g_rename (tmp, path) != 0)
    saved_errno = errno;
  if (saved_errno != 0)
    {
      g_unlink (tmp);
      g_set_error (error, JK_METRICS_ERROR, JK_METRICS_ERROR_WRITE, _("Cannot write %s: %s"), path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
