/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-store-open.c: libFuzzer target for opening (and migrating) a database file of arbitrary bytes */

#define G_LOG_DOMAIN "jk-fuzz"

#include <jobkiosk/jk-store.h>

#include "store/jk-store-private.h"
#include "fuzz-files.h"
#include "fuzz-target.h"

/* A query every schema of the kiosk can answer; it may fail on a broken
 * file, but cleanly. */
static void
read_something (JkStore *store)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, "SELECT count (*) FROM sqlite_schema", NULL);

  if (stmt != NULL)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      ;
}

/* The input is the database file. A reader opens it as it is (or refuses);
 * then the kiosk's open either opens it, migrated to the latest schema,
 * or refuses it with a JK_STORE_ERROR. Whether a damaged file is moved
 * aside or refused is the store's business, not this target's. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) reader = NULL;
  g_autoptr (JkStore) store = NULL;

  fuzz_empty_dir (fuzz_dir ());
  path = fuzz_write ("jobkiosk.db", data, size);

  reader = jk_store_open_reader (path, &error);
  if (reader == NULL)
    g_assert_error (error, JK_STORE_ERROR, JK_STORE_ERROR_OPEN);
  else
    {
      g_assert_no_error (error);
      g_assert_cmpint (jk_store_get_schema_version (reader), ==, jk_store_get_latest_version ());
      read_something (reader);
    }
  g_clear_pointer (&reader, jk_store_free);
  g_clear_error (&error);

  store = jk_store_open (path, &error);
  if (store == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == JK_STORE_ERROR);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpint (jk_store_get_schema_version (store), ==, jk_store_get_latest_version ());
  read_something (store);
  g_clear_pointer (&store, jk_store_free);

  /* Once opened, the file opens again, for readers too. */
  reader = jk_store_open_reader (path, &error);
  g_assert_no_error (error);
  read_something (reader);
  return 0;
}
