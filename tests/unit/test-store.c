/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c: the database: open, migrate, recover from a damaged file */

#include <glib/gstdio.h>
#include <string.h>
#include <jobkiosk/jk-staff.h>
#include <jobkiosk/jk-store.h>
#include <unistd.h>
#include <utime.h>

#include "store/jk-store-private.h"
#include "jk-test.h"
#include "jk-test-log.h"
#include "jk-test-db.h"
#include "jk-test-proc.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer user_data)
{
  fixture->dir = g_dir_make_tmp ("jk-store-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->dir, "jobkiosk.db", NULL);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_chmod (fixture->dir, 0700);
  jk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static guint
count_damaged_files (const char *dir_path)
{
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, ".damaged-") != NULL && !g_str_has_suffix (name, "-wal") && !g_str_has_suffix (name, "-shm"))
      n++;
  return n;
}

static guint
count_files (const char *dir_path)
{
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
assert_untouched (Fixture *fixture,
                  GBytes  *before)
{
  g_autoptr (GBytes) after = jk_test_read_bytes (fixture->path);

  g_assert_true (g_bytes_equal (before, after));
  /* Not moved aside, no journal or index made beside it. */
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

/* A database a real kiosk wrote and closed, then changed by hand with raw
 * SQLite (sql) and left in rollback mode, so the file alone holds it all. */
static void
make_database (Fixture    *fixture,
               const char *sql)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;

  jk_store_free (jk_store_open (fixture->path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  /* Whatever else the kiosk keeps beside its file goes: only the file. */
  {
    g_autoptr (GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      if (!g_str_equal (name, "jobkiosk.db"))
        {
          g_autofree char *other = g_build_filename (fixture->dir, name, NULL);
          g_unlink (other);
        }
  }
}

static void
test_fresh (Fixture      *fixture,
            gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = jk_store_open (fixture->path, &error);
  g_autofree char *journal = NULL;
  g_autofree char *fk = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (jk_store_get_schema_version (store), ==, jk_store_get_latest_version ());
  g_assert_cmpint (jk_store_get_latest_version (), >=, 1);
  g_assert_null (jk_store_get_moved_aside (store));
  journal = jk_test_query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  fk = jk_test_query_text (store, "PRAGMA foreign_keys");
  g_assert_cmpstr (fk, ==, "1");
}

static void
test_reopen_keeps_data (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;

  {
    g_autoptr (JkStore) store = jk_store_open (fixture->path, &error);
    g_assert_no_error (error);
    g_assert_true (jk_store_exec (store, "INSERT INTO meta (key, value) VALUES ('k', 'kept')", &error));
  }
  {
    g_autoptr (JkStore) store = jk_store_open (fixture->path, &error);
    g_assert_no_error (error);
    value = jk_test_query_text (store, "SELECT value FROM meta WHERE key = 'k'");
    g_assert_cmpstr (value, ==, "kept");
  }
}

/* An old database (schema 1, from before files carried the kiosk's
 * application id) is recognised by its tables and brought up to date step
 * by step; afterwards it carries the id. */
static void
test_migrates_old (Fixture      *fixture,
                   gconstpointer user_data)
{
  sqlite3 *db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                                 "CREATE TABLE usage_counts (day TEXT NOT NULL, what TEXT NOT NULL,"
                                 "  count INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (day, what));"
                                 "CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL,"
                                 "  action TEXT NOT NULL, detail TEXT);"
                                 "CREATE TABLE leftover (x); PRAGMA user_version = 1;",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);

  store = jk_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jk_store_get_schema_version (store), ==, jk_store_get_latest_version ());
  g_assert_true (jk_store_exec (store, "SELECT count(*) FROM meta, leftover, jobs", &error));
  g_assert_cmpint (jk_test_query_int (store, "PRAGMA application_id"), !=, 0);
}

/* A kiosk updated from a version at schema 17, with a day's data: the
 * database goes to 18 (staff mode) keeping every row, staff accounts can
 * be added, and they are still there the next time it opens. Schema 17 is
 * made by undoing what step 18 adds, on a database the kiosk wrote. */
static void
test_migrates_17 (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GPtrArray) members = NULL;
  g_autofree char *detail = NULL;
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;

  /* A step after 21: undo it below too, before 21's, 20's, 19's and 18's. */
  g_assert_cmpint (jk_store_get_latest_version (), ==, 22);
  make_database (fixture,
                 "DROP TABLE services_fts;"
                 "DROP TABLE service_eligibility;"
                 "DROP TABLE service_languages;"
                 "DROP TABLE service_categories;"
                 "DROP TABLE service_terms;"
                 "DROP TABLE service_taxonomy_terms;"
                 "DROP TABLE service_schedules;"
                 "DROP TABLE service_phones;"
                 "DROP TABLE service_at_location;"
                 "DROP TABLE referrals;"
                 "DROP TABLE service_locations;"
                 "DROP TABLE services;"
                 "DROP TABLE service_organizations;"
                 "DROP TABLE services_imports;"
                 "DROP TABLE usage_days;"
                 "DROP TABLE training_cip_soc;"
                 "DROP TABLE training_programs;"
                 "DROP TABLE training_imports;"
                 "DROP TABLE lmi_interest_activities;"
                 "DROP TABLE lmi_interests;"
                 "DROP INDEX audit_log_at;"
                 "DROP TABLE usage_hours;"
                 "DROP TABLE staff_lock;"
                 "DROP TABLE staff;"
                 "ALTER TABLE arrivals DROP COLUMN served;"
                 "ALTER TABLE arrivals DROP COLUMN called;"
                 "PRAGMA user_version = 17;"
                 "INSERT INTO meta (key, value) VALUES ('probe', 'kept');"
                 "INSERT INTO usage_counts (day, what, count) VALUES ('2026-03-02', 'visits', 41);"
                 "INSERT INTO audit_log (at, actor, action, detail)"
                 "  VALUES ('2026-03-02T15:04:05Z', 'jobkioskctl', 'print-release', 'job 7');"
                 "INSERT INTO arrivals (day, arrived, kind, greeting, reason, queue_number, state)"
                 "  VALUES ('2026-03-02', 1772463845, 'walk-in', 'Ana', 'resume', 3, 'waiting');");
  /* It is schema 17: none of 18's tables. */
  g_assert_cmpint (sqlite3_open (fixture->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT (SELECT user_version FROM pragma_user_version),"
                                            " (SELECT count(*) FROM sqlite_master WHERE name = 'staff')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 17);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);

  store = jk_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jk_store_get_schema_version (store), ==, jk_store_get_latest_version ());
  g_assert_null (jk_store_get_moved_aside (store));
  g_assert_cmpint (jk_test_query_int (store, "SELECT count(*) FROM meta WHERE key = 'probe' AND value = 'kept'"),
                   ==, 1);
  g_assert_cmpint (jk_test_query_int (store, "SELECT count FROM usage_counts WHERE what = 'visits'"), ==, 41);
  detail = jk_test_query_text (store, "SELECT detail FROM audit_log WHERE action = 'print-release'");
  g_assert_cmpstr (detail, ==, "job 7");
  g_assert_cmpint (jk_test_query_int (store, "SELECT queue_number FROM arrivals WHERE greeting = 'Ana'"
                                             " AND called IS NULL AND served IS NULL"), ==, 3);
  g_assert_cmpint (jk_test_query_int (store, "SELECT count(*) FROM staff"), ==, 0);
  /* 21's directory is there, empty, beside the rows kept. */
  g_assert_cmpint (jk_test_query_int (store, "SELECT count(*) FROM services"), ==, 0);
  g_assert_cmpint (jk_test_query_int (store, "SELECT count(*) FROM services_fts"), ==, 0);

  g_assert_true (jk_staff_add (fixture->path, "Rosa", "1234", 1772463845, &error));
  g_assert_no_error (error);
  g_assert_true (jk_audit_add (fixture->path, "jobkioskctl", "staff-add", "Rosa", 1772463845, &error));
  g_assert_no_error (error);
  g_clear_pointer (&store, jk_store_free);

  /* Opened again, as the next start does: all kept, nothing moved aside. */
  store = jk_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_null (jk_store_get_moved_aside (store));
  members = jk_staff_list (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpstr (((JkStaffMember *) members->pdata[0])->name, ==, "Rosa");
  g_assert_cmpint (jk_test_query_int (store, "SELECT count(*) FROM audit_log"), ==, 2);
}

/* A database from a newer Job Kiosk is refused with a plain message and
 * left exactly as it is: never moved aside, never downgraded, not even
 * switched to another journal mode. */
static void
test_too_new (Fixture      *fixture,
              gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GBytes) before = NULL;

  make_database (fixture, "PRAGMA user_version = 999");
  before = jk_test_read_bytes (fixture->path);
  store = jk_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, JK_STORE_ERROR, JK_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer"));
  assert_untouched (fixture, before);
}

/* --db notes.txt: a text file is not a database to take over. */
static void
test_text_file_refused (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autofree char *text = g_strnfill (8192, 'x');

  g_assert_true (g_file_set_contents (fixture->path, text, -1, NULL));
  before = jk_test_read_bytes (fixture->path);
  store = jk_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, JK_STORE_ERROR, JK_STORE_ERROR_NOT_OURS);
  g_assert_nonnull (strstr (error->message, fixture->path));
  assert_untouched (fixture, before);
}

/* Another program's SQLite database: refused, untouched, never migrated
 * into. */
static void
test_other_sqlite_refused (Fixture      *fixture,
                           gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GBytes) before = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  /* Its own schema number, higher than the kiosk's: still not a newer kiosk. */
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine');"
                                 "PRAGMA user_version = 300;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = jk_test_read_bytes (fixture->path);
  store = jk_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, JK_STORE_ERROR, JK_STORE_ERROR_NOT_OURS);
  assert_untouched (fixture, before);
}

/* An SQLite header over garbage: damaged, but nothing says it was ever the
 * kiosk's, so it is not moved aside either. */
static void
test_unrecognisable_refused (Fixture      *fixture,
                             gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GBytes) before = NULL;
  g_autofree char *contents = g_malloc (8192);

  for (gsize i = 0; i < 8192; i++)
    contents[i] = (char) (i * 131 + 7);
  memcpy (contents, "SQLite format 3", 16);
  g_assert_true (g_file_set_contents (fixture->path, contents, 8192, NULL));
  before = jk_test_read_bytes (fixture->path);
  store = jk_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, JK_STORE_ERROR, JK_STORE_ERROR_NOT_OURS);
  assert_untouched (fixture, before);
}

/* A real database whose pages were overwritten: caught by the check at
 * start, never a crash loop. */
static void
test_damaged_pages (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) reopened = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  {
    g_autoptr (JkStore) store = jk_store_open (fixture->path, &error);
    g_assert_no_error (error);
    g_assert_true (jk_store_exec (store,
                                  "CREATE TABLE filler (id INTEGER PRIMARY KEY, t TEXT);"
                                  "CREATE INDEX filler_t ON filler (t);"
                                  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
                                  "  INSERT INTO filler (t) SELECT printf('row %d %s', i, hex(randomblob(40))) FROM n;"
                                  "PRAGMA wal_checkpoint(TRUNCATE);",
                                  &error));
  }
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16 * 4096);
  /* Scribble over pages in the middle, leaving the header intact. */
  for (gsize i = 8 * 4096; i < 14 * 4096; i++)
    contents[i] = (char) (i * 31);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));

  jk_test_log_expect_warning ("jk-store", "*damaged*");
  reopened = jk_store_open (fixture->path, &error);
  jk_test_log_assert_expected ();
  g_assert_no_error (error);
  g_assert_nonnull (jk_store_get_moved_aside (reopened));
  g_assert_cmpuint (count_damaged_files (fixture->dir), ==, 1);
}

/* One rule for every open: check unless the file is known whole. */
static void
test_check_when_not_known_whole (Fixture      *fixture,
                                 gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *stamp = g_strconcat (fixture->path, "-checked", NULL);
  g_autofree char *text = NULL;
  g_autofree char *old = NULL;
  JkStore *store;
  GStatBuf st;
  struct utimbuf times;

  /* A new file needs no check; closed cleanly, the next open needs none. */
  store = jk_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (jk_store_was_checked (store));
  jk_store_free (store);
  g_assert_true (g_file_test (stamp, G_FILE_TEST_EXISTS));
  store = jk_store_open (fixture->path, &error);
  g_assert_false (jk_store_was_checked (store));
  jk_store_free (store);

  /* Changed by something else since. */
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  times.actime = st.st_atime;
  times.modtime = st.st_mtime + 1;
  g_assert_cmpint (g_utime (fixture->path, &times), ==, 0);
  store = jk_store_open (fixture->path, &error);
  g_assert_true (jk_store_was_checked (store));
  jk_store_free (store);
  store = jk_store_open (fixture->path, &error);
  g_assert_false (jk_store_was_checked (store));
  jk_store_free (store);

  /* A writer died and left its log. */
  g_assert_true (g_file_set_contents (wal, "left by a crash", -1, NULL));
  store = jk_store_open (fixture->path, &error);
  g_assert_true (jk_store_was_checked (store));
  jk_store_free (store);

  /* Found whole more than a day ago. */
  g_assert_true (g_file_get_contents (stamp, &text, NULL, NULL));
  old = g_strdup_printf ("%" G_GINT64_FORMAT "%s", g_ascii_strtoll (text, NULL, 10) - 2 * 24 * 3600,
                         strchr (text, ' '));
  g_assert_true (g_file_set_contents (stamp, old, -1, NULL));
  store = jk_store_open (fixture->path, &error);
  g_assert_true (jk_store_was_checked (store));
  jk_store_free (store);
}

static void
test_unwritable_folder (Fixture      *fixture,
                        gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autofree char *inside = g_build_filename (fixture->dir, "sub", "jobkiosk.db", NULL);

  if (geteuid () == 0)
    {
      /* root writes anywhere; a folder that cannot exist stands in. */
      g_autofree char *file_as_dir = g_build_filename (fixture->dir, "plain-file", NULL);
      g_autofree char *below_file = g_build_filename (file_as_dir, "jobkiosk.db", NULL);
      g_assert_true (g_file_set_contents (file_as_dir, "x", -1, NULL));
      store = jk_store_open (below_file, &error);
    }
  else
    {
      g_chmod (fixture->dir, 0500);
      store = jk_store_open (inside, &error);
    }
  g_assert_null (store);
  g_assert_error (error, JK_STORE_ERROR, JK_STORE_ERROR_OPEN);
}

/* A reader sees what the writer committed, cannot write, and refuses a
 * database not migrated to this version. */
static void
test_reader (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) writer = jk_store_open (fixture->path, &error);
  g_autoptr (JkStore) reader = NULL;
  g_autofree char *value = NULL;
  sqlite3 *raw = NULL;

  g_assert_no_error (error);
  g_assert_true (jk_store_exec (writer, "INSERT INTO meta (key, value) VALUES ('probe', 'seen')", &error));
  reader = jk_store_open_reader (fixture->path, &error);
  g_assert_no_error (error);
  value = jk_test_query_text (reader, "SELECT value FROM meta WHERE key = 'probe'");
  g_assert_cmpstr (value, ==, "seen");
  g_assert_false (jk_store_exec (reader, "INSERT INTO meta (key, value) VALUES ('x', 'y')", &error));
  g_assert_error (error, JK_STORE_ERROR, JK_STORE_ERROR_SQL);
  g_clear_error (&error);
  g_clear_pointer (&reader, jk_store_free);

  /* At an older schema, as a kiosk mid-upgrade would leave it. */
  g_assert_cmpint (sqlite3_open (fixture->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA user_version = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  reader = jk_store_open_reader (fixture->path, &error);
  g_assert_null (reader);
  g_assert_error (error, JK_STORE_ERROR, JK_STORE_ERROR_OPEN);
}

static gpointer
cancel_soon (gpointer data)
{
  g_usleep (50 * 1000);
  g_cancellable_cancel (data);
  return NULL;
}

/* A statement stops soon after its connection's cancellable is cancelled,
 * and the next one runs once it is taken away. */
static void
test_cancellable (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = jk_store_open (fixture->path, &error);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (sqlite3_stmt) endless = NULL;
  g_autofree char *after = NULL;
  GThread *thread;
  int rc;

  g_assert_no_error (error);
  jk_store_set_cancellable (store, cancellable);
  /* Counts far past anything the test would wait for. */
  endless = jk_store_prepare (store,
                              "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000000)"
                              " SELECT count(*) FROM n",
                              &error);
  g_assert_no_error (error);
  thread = g_thread_new ("cancel", cancel_soon, cancellable);
  rc = sqlite3_step (endless);
  g_thread_join (thread);
  /* Uncancelled, the count would run for hours. */
  g_assert_cmpint (rc, ==, SQLITE_INTERRUPT);
  sqlite3_reset (endless);

  jk_store_set_cancellable (store, NULL);
  after = jk_test_query_text (store, "SELECT 'still works'");
  g_assert_cmpstr (after, ==, "still works");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();

  JK_TEST_ADD ("/store/fresh", Fixture, test_fresh);
  JK_TEST_ADD ("/store/reopen-keeps-data", Fixture, test_reopen_keeps_data);
  JK_TEST_ADD ("/store/migrates-old", Fixture, test_migrates_old);
  JK_TEST_ADD ("/store/migrates-17-keeps-rows", Fixture, test_migrates_17);
  JK_TEST_ADD ("/store/too-new", Fixture, test_too_new);
  JK_TEST_ADD ("/store/text-file-refused", Fixture, test_text_file_refused);
  JK_TEST_ADD ("/store/other-sqlite-refused", Fixture, test_other_sqlite_refused);
  JK_TEST_ADD ("/store/unrecognisable-refused", Fixture, test_unrecognisable_refused);
  JK_TEST_ADD ("/store/damaged-pages", Fixture, test_damaged_pages);
  JK_TEST_ADD ("/store/check-when-not-known-whole", Fixture, test_check_when_not_known_whole);
  JK_TEST_ADD ("/store/unwritable-folder", Fixture, test_unwritable_folder);
  JK_TEST_ADD ("/store/reader", Fixture, test_reader);
  JK_TEST_ADD ("/store/cancellable", Fixture, test_cancellable);
  return g_test_run ();
}
