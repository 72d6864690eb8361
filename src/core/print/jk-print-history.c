/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-print-history.c: the print_jobs table: rows, their states, pages counted against the limits, kept copies */

#define G_LOG_DOMAIN "jk-print"

#include <errno.h>
#include <jobkiosk/jk-i18n.h>
#include <glib/gstdio.h>

#include "print/jk-print-history-private.h"
#include "store/jk-store-private.h"

#define ROW_COLUMNS "id, cups_job_id, kind, pages, copies, visit, submitted, held, state, message, spool_path"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
read_row (sqlite3_stmt *stmt,
          Row          *row)
{
  row->id = sqlite3_column_int64 (stmt, 0);
  row->cups_job_id = sqlite3_column_int (stmt, 1);
  row->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  row->pages = (guint) sqlite3_column_int (stmt, 3);
  row->copies = (guint) sqlite3_column_int (stmt, 4);
  row->visit = (guint) sqlite3_column_int64 (stmt, 5);
  row->submitted = sqlite3_column_int64 (stmt, 6);
  row->held = sqlite3_column_int (stmt, 7) != 0;
  row->state = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  row->message = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  row->spool_path = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
}

/* ---------------------------------------------------------------------- */
/* Rows                                                                   */

char *
jk_print_history_format_day (GDateTime *now)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (now);

  return g_date_time_format (local, "%Y-%m-%d");
}

JkPrintJobState
jk_print_history_parse_state (const char *state)
{
  static const JkPrintJobState states[] = {
    JK_PRINT_JOB_STATE_HELD, JK_PRINT_JOB_STATE_PRINTING, JK_PRINT_JOB_STATE_PRINTED,
    JK_PRINT_JOB_STATE_WAITING, JK_PRINT_JOB_STATE_CANCELED, JK_PRINT_JOB_STATE_FAILED,
  };

  for (gsize i = 0; state != NULL && i < G_N_ELEMENTS (states); i++)
    if (g_str_equal (state, jk_print_job_state_to_string (states[i])))
      return states[i];
  g_warning ("Unknown print job state %s, taken as failed", state != NULL ? state : "(none)");
  return JK_PRINT_JOB_STATE_FAILED;
}

gint64
jk_print_history_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

guint
jk_print_history_sum_pages (JkStore    *store,
                            const char *day,
                            guint       visit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (
    store,
    "SELECT COALESCE(SUM(pages * copies), 0) FROM print_jobs"
    " WHERE day = ?1 AND (?2 = 0 OR visit = ?2) AND state NOT IN ('canceled', 'failed')",
    &error);
  sqlite3_int64 used;

  if (stmt == NULL)
    {
      g_warning ("Cannot count printed pages: %s", error->message);
      return G_MAXUINT;
    }
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, visit);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      jk_store_set_error (store, &error, "Cannot count printed pages");
      g_warning ("%s", error->message);
      return G_MAXUINT; /* fail closed: nothing left */
    }
  used = sqlite3_column_int64 (stmt, 0);
  return used < 0 ? 0 : (guint) MIN (used, (sqlite3_int64) G_MAXUINT);
}

gint64
jk_print_history_insert (JkStore    *store,
                         const char *printer,
                         const char *kind,
                         guint       pages,
                         guint       copies,
                         const char *day,
                         guint       visit,
                         gint64      submitted,
                         gboolean    held,
                         GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (
    store,
    "INSERT INTO print_jobs (printer, kind, pages, copies, day, visit, submitted, held, state)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, printer, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, pages);
  sqlite3_bind_int64 (stmt, 4, copies);
  sqlite3_bind_text (stmt, 5, day, -1, SQLITE_STATIC);
  if (visit != 0)
    sqlite3_bind_int64 (stmt, 6, visit);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_int64 (stmt, 7, submitted);
  sqlite3_bind_int (stmt, 8, held ? 1 : 0);
  sqlite3_bind_text (stmt, 9, held ? STATE_HELD : STATE_PRINTING, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot record the print job");
      return 0;
    }
  return sqlite3_last_insert_rowid (jk_store_get_db (store));
}

/* Sets one column of a row; value NULL (or 0 for numbers) stores NULL. */
gboolean
jk_print_history_update_column (JkStore    *store,
                                gint64      id,
                                const char *sql,
                                const char *text,
                                gint64      number,
                                GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  else if (number != 0)
    sqlite3_bind_int64 (stmt, 2, number);
  else
    sqlite3_bind_null (stmt, 2);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot update the print job");
      return FALSE;
    }
  return TRUE;
}

/* Records where a row stands; logged, not fatal: the outcome still reaches
 * the visitor when the history cannot be written. */
void
jk_print_history_record_state (JkStore    *store,
                               gint64      id,
                               const char *state,
                               gint64      finished,
                               const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (
    store, "UPDATE print_jobs SET state = ?2, finished = ?3, message = ?4 WHERE id = ?1", &error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, state, -1, SQLITE_STATIC);
      if (finished != 0)
        sqlite3_bind_int64 (stmt, 3, finished);
      else
        sqlite3_bind_null (stmt, 3);
      sqlite3_bind_text (stmt, 4, message, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        jk_store_set_error (store, &error, "Cannot update the print job");
    }
  if (error != NULL)
    g_warning ("Print job %" G_GINT64_FORMAT ": %s", id, error->message);
}

void
jk_print_row_clear (Row *row)
{
  g_clear_pointer (&row->kind, g_free);
  g_clear_pointer (&row->state, g_free);
  g_clear_pointer (&row->message, g_free);
  g_clear_pointer (&row->spool_path, g_free);
}

gboolean
jk_print_history_load_row (JkStore *store,
                           gint64   id,
                           Row     *row,
                           GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, "SELECT " ROW_COLUMNS " FROM print_jobs WHERE id = ?1",
                                                    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      read_row (stmt, row);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, JK_PRINT_ERROR, JK_PRINT_ERROR_NOT_FOUND, _("There is no print job number %lld."),
                 (long long) id);
  else
    jk_store_set_error (store, error, "Cannot read the print job");
  return FALSE;
}

void
jk_print_history_free_rows (GPtrArray *rows)
{
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      jk_print_row_clear (rows->pdata[i]);
      g_free (rows->pdata[i]);
    }
  if (rows != NULL)
    g_ptr_array_unref (rows);
}

/* Rows matching where (with ?1 text, ?2 and ?3 numbers bound), in order. */
GPtrArray *
jk_print_history_load_rows (JkStore    *store,
                            const char *where,
                            const char *text,
                            gint64      number2,
                            gint64      number3,
                            GError    **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " ROW_COLUMNS " FROM print_jobs WHERE ", where, NULL);
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, sql, error);
  g_autoptr (GPtrArray) rows = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, number2);
  sqlite3_bind_int64 (stmt, 3, number3);
  rows = g_ptr_array_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row *row = g_new0 (Row, 1);

      read_row (stmt, row);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot read the print history");
      jk_print_history_free_rows (g_steal_pointer (&rows));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* ---------------------------------------------------------------------- */
/* The kept copy                                                          */

/* Keeps the PDF of a held job (0600 in a 0700 folder) for release and
 * reprint; returns its path, or NULL (logged) when it cannot. */
char *
jk_print_history_keep_copy (const JkPrintOptions *options,
                            gint64                id,
                            GBytes               *pdf)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (pdf, &len);

  if (options->spool_dir == NULL)
    {
      g_message ("No print spool folder configured: held job %" G_GINT64_FORMAT " cannot be reprinted", id);
      return NULL;
    }
  if (g_mkdir_with_parents (options->spool_dir, 0700) != 0 || g_chmod (options->spool_dir, 0700) != 0)
    {
      g_warning ("Cannot make the print spool folder %s: %s", options->spool_dir, g_strerror (errno));
      return NULL;
    }
  name = g_strdup_printf ("print-%" G_GINT64_FORMAT ".pdf", id);
  path = g_build_filename (options->spool_dir, name, NULL);
  if (!g_file_set_contents_full (path, data, (gssize) len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_warning ("Cannot keep a copy of print job %" G_GINT64_FORMAT ": %s", id, error->message);
      return NULL;
    }
  return g_steal_pointer (&path);
}

void
jk_print_history_drop_copy (JkStore    *store,
                            gint64      id,
                            const char *path)
{
  g_autoptr (GError) error = NULL;

  if (path == NULL)
    return;
  if (g_unlink (path) != 0 && errno != ENOENT)
    g_warning ("Cannot remove the kept copy %s: %s", path, g_strerror (errno));
  if (!jk_print_history_update_column (store, id, "UPDATE print_jobs SET spool_path = ?2 WHERE id = ?1", NULL, 0,
                                       &error))
    g_warning ("%s", error->message);
}
