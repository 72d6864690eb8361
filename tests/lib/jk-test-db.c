/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-db.c: what the tests ask the database directly */

#include <stdarg.h>

#include "jk-test-db.h"
#include "store/jk-store-private.h"

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
