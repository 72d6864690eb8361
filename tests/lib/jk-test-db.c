/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-db.c: what the tests ask the database directly */

#include <stdarg.h>

#include "jk-test-db.h"
#include "jk-test-proc.h"
#include "store/jk-store-private.h"

static void
exec_sql (JkStore    *store,
          const char *sql)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = jk_store_exec (store, sql, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

void
jk_test_db_set_up (JkTestDb   *db,
                   const char *dir_template,
                   const char *extra_sql)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  db->dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  path = g_build_filename (db->dir, "jobkiosk.db", NULL);
  db->store = jk_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db->store);
  exec_sql (db->store,
            "INSERT INTO sources (id, name, url, format) VALUES"
            " (1, 'test', 'feed.xml', 'job-xml'),"
            " (2, 'other', 'feed.json', 'jsonld')");
  if (extra_sql != NULL)
    exec_sql (db->store, extra_sql);
}

void
jk_test_db_tear_down (JkTestDb *db)
{
  jk_store_free (db->store);
  jk_test_remove_tree (db->dir);
  g_assert_false (g_file_test (db->dir, G_FILE_TEST_EXISTS));
  g_free (db->dir);
}

static sqlite3_stmt *
query_step (JkStore    *store,
            const char *format,
            va_list     args)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = g_strdup_vprintf (format, args);
  sqlite3_stmt *stmt = jk_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return stmt;
}

gint64
jk_test_query_int (JkStore    *store,
                   const char *format,
                   ...)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  va_list args;

  va_start (args, format);
  stmt = query_step (store, format, args);
  va_end (args);
  return sqlite3_column_int64 (stmt, 0);
}

char *
jk_test_query_text (JkStore    *store,
                    const char *format,
                    ...)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  va_list args;

  va_start (args, format);
  stmt = query_step (store, format, args);
  va_end (args);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}
