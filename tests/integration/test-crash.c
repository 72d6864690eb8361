/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-crash.c: kill -9 a real `jobkioskctl sync` at random moments, many
 * times; after each, the database must be whole and hold exactly one of the
 * snapshots, never a mix */

#include <glib/gstdio.h>
#include <jobkiosk/jk-store.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>

#include "jk-test-log.h"
#include "jk-test-nginx.h"
#include "jk-test-db.h"
#include "store/jk-store-private.h"
#include "jk-test-proc.h"

#define JOBS_A 1500
#define JOBS_B 1900

static char *dir;
static char *db_path;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* Feed B keeps two thirds of A's postings (some with new pay), drops the
 * rest and adds its own: applying it inserts, updates and deletes. Every
 * pay_every-th posting gets pay, the others $15 an hour; word is in every
 * title. */
static char *
write_feed (const char *name,
            guint       first,
            guint       count,
            const char *word,
            const char *pay,
            guint       pay_every)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<source>\n");

  for (guint i = first; i < first + count; i++)
    g_string_append_printf (xml,
                            "<job><title>Posting %u %s</title><referencenumber>C-%u</referencenumber>"
                            "<company>Employer %u</company><city>Columbus</city><state>OH</state>"
                            "<description><![CDATA[<p>Work number %u.</p><ul><li>Lift boxes</li><li>Count stock</li></ul>"
                            "<p>%s</p>]]></description><salary>%s</salary></job>\n",
                            i, word, i, i % 97, i, "Good pay and a kind team. Apply today.",
                            i % pay_every == 0 ? pay : "$15 per hour");
  g_string_append (xml, "</source>\n");
  g_assert_true (g_file_set_contents (path, xml->str, (gssize) xml->len, NULL));
  return g_steal_pointer (&path);
}

static GPid
start_sync_on (const char *db,
               const char *feed)
{
  const char *ctl = g_getenv ("JK_JOBKIOSKCTL");
  const char *argv[] = { ctl, "--db", db, "sync", "--name", "crash", feed, NULL };
  g_autoptr (GError) error = NULL;
  GPid pid;

  g_assert_nonnull (ctl);
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  return pid;
}

static GPid
start_sync (const char *feed)
{
  return start_sync_on (db_path, feed);
}

static int
wait_exit (GPid pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  return status;
}

/* Opens the database as the kiosk does: it must be whole, never moved aside. */
static JkStore *
open_whole (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = jk_store_open (path, &error);
  g_autoptr (sqlite3_stmt) check = NULL;

  g_assert_no_error (error);
  g_assert_null (jk_store_get_moved_aside (store));
  check = jk_store_prepare (store, "PRAGMA integrity_check", NULL);
  g_assert_cmpint (sqlite3_step (check), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (check, 0), ==, "ok");
  g_assert_true (jk_store_exec (store, "INSERT INTO jobs_fts (jobs_fts) VALUES ('integrity-check')", &error));
  g_assert_no_error (error);
  g_assert_true (jk_store_exec (store, "INSERT INTO jobs_title_fts (jobs_title_fts) VALUES ('integrity-check')", &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

/* Whole, consistent, and exactly one snapshot (or none yet). */
static gint64
check_database (void)
{
  g_autoptr (JkStore) store = open_whole (db_path);
  gint64 count;

  count = jk_test_query_int (store, "SELECT count(*) FROM jobs");
  g_assert_true (count == 0 || count == JOBS_A || count == JOBS_B);
  /* The index holds exactly the rows. */
  g_assert_cmpint (jk_test_query_int (store, "SELECT count(*) FROM jobs_fts WHERE jobs_fts MATCH 'helper'"), ==, count);
  if (count == JOBS_B)
    g_assert_cmpint (jk_test_query_int (store, "SELECT count(*) FROM jobs WHERE salary_min = 21"), >, 0);
  return count;
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

static void
test_kill_during_apply (void)
{
  g_autofree char *feed_a = write_feed ("a.xml", 0, JOBS_A, "helper", "$15 per hour", 3);
  g_autofree char *feed_b = write_feed ("b.xml", JOBS_A / 3, JOBS_B, "helper", "$21 per hour", 3);
  guint rounds = g_test_slow () ? 200 : 40;
  gint64 start, full_us;
  guint seen_a = 0, seen_b = 0;

  /* One full run gives the time scale to kill within. */
  start = g_get_monotonic_time ();
  g_assert_true (WIFEXITED (wait_exit (start_sync (feed_a))));
  full_us = g_get_monotonic_time () - start;
  g_assert_cmpint (check_database (), ==, JOBS_A);

  for (guint i = 0; i < rounds; i++)
    {
      const char *feed = i % 2 == 0 ? feed_b : feed_a;
      GPid pid = start_sync (feed);
      gint64 count;

      g_usleep ((gulong) g_random_int_range (0, (gint32) (full_us * 12 / 10) + 1));
      kill (pid, SIGKILL);
      wait_exit (pid);
      count = check_database ();
      seen_a += count == JOBS_A;
      seen_b += count == JOBS_B;
    }
  g_test_message ("after %u kills: snapshot A %u times, snapshot B %u times (a full sync takes %.0f ms)", rounds,
                  seen_a, seen_b, full_us / 1000.0);
  /* Some kills landed after a commit: the test really crossed both states. */
  g_assert_cmpuint (seen_a + seen_b, ==, rounds);

  /* And the next run recovers by itself. */
  g_assert_true (WIFEXITED (wait_exit (start_sync (feed_b))));
  g_assert_cmpint (check_database (), ==, JOBS_B);
}

/* The re-sync changes every posting (same ids, new title and pay): the
 * whole cache is rewritten, the heaviest apply there is. Killed anywhere,
 * the cache holds all old or all new postings, never some of each. */
static void
test_kill_every_posting_changed (void)
{
  g_autofree char *path = g_build_filename (dir, "every.db", NULL);
  g_autofree char *feed_old = write_feed ("old.xml", 0, JOBS_A, "helper", "$15 per hour", 1);
  g_autofree char *feed_new = write_feed ("new.xml", 0, JOBS_A, "changed", "$23 per hour", 1);
  guint rounds = g_test_slow () ? 200 : 40;
  guint seen_old = 0, seen_new = 0;
  gint64 start, full_us;

  g_assert_true (WIFEXITED (wait_exit (start_sync_on (path, feed_old))));
  /* The time scale to kill within: a sync that changes everything. */
  start = g_get_monotonic_time ();
  g_assert_true (WIFEXITED (wait_exit (start_sync_on (path, feed_new))));
  full_us = g_get_monotonic_time () - start;

  for (guint i = 0; i <= rounds; i++)
    {
      GPid pid;
      g_autoptr (JkStore) store = NULL;
      gint64 changed;

      if (i < rounds)
        {
          pid = start_sync_on (path, i % 2 == 0 ? feed_old : feed_new);
          g_usleep ((gulong) g_random_int_range (0, (gint32) (full_us * 12 / 10) + 1));
          kill (pid, SIGKILL);
          wait_exit (pid);
        }
      else
        g_assert_true (WIFEXITED (wait_exit (start_sync_on (path, feed_old))));

      store = open_whole (path);
      g_assert_cmpint (jk_test_query_int (store, "SELECT count(*) FROM jobs"), ==, JOBS_A);
      changed = jk_test_query_int (store, "SELECT count(*) FROM jobs WHERE title LIKE '%% changed'");
      g_assert_true (changed == 0 || changed == JOBS_A);
      g_assert_cmpint (jk_test_query_int (store, "SELECT count(*) FROM jobs WHERE salary_min = 23"), ==, changed);
      g_assert_cmpint (jk_test_query_int (store, "SELECT count(*) FROM jobs_fts WHERE jobs_fts MATCH 'changed'"), ==,
                       changed);
      g_assert_cmpint (jk_test_query_int (store, "SELECT count(*) FROM jobs_fts WHERE jobs_fts MATCH 'helper'"), ==,
                       JOBS_A - changed);
      if (i < rounds)
        {
          seen_old += changed == 0;
          seen_new += changed == JOBS_A;
        }
      else
        g_assert_cmpint (changed, ==, 0); /* the next run recovers by itself */
    }
  g_test_message ("after %u kills of a sync changing every posting: old %u times, new %u times (%.0f ms a sync)",
                  rounds, seen_old, seen_new, full_us / 1000.0);
}

/* Killed while the body is still arriving over HTTP. */
static void
test_kill_during_download (void)
{
  g_autofree char *www = g_build_filename (dir, "www", NULL);
  g_autofree char *feed = NULL;
  g_autofree char *url = NULL;
  JkTestNginx *nginx;
  gint64 before;

  g_mkdir (www, 0755);
  feed = write_feed ("www/slow.xml", 0, JOBS_A, "helper", "$15 per hour", 3);
  nginx = jk_test_nginx_start (www);
  url = jk_test_nginx_url (nginx, "/slow/slow.xml");
  before = check_database ();
  for (int i = 0; i < 3; i++)
    {
      GPid pid = start_sync (url);
      g_usleep (300000 + (gulong) g_random_int_range (0, 400000));
      kill (pid, SIGKILL);
      wait_exit (pid);
      g_assert_cmpint (check_database (), ==, before);
    }
  jk_test_nginx_stop (nginx);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();
  dir = g_dir_make_tmp ("jk-crash-XXXXXX", NULL);
  db_path = g_build_filename (dir, "jobkiosk.db", NULL);

  g_test_add_func ("/crash/kill-during-apply", test_kill_during_apply);
  g_test_add_func ("/crash/kill-during-download", test_kill_during_download);
  g_test_add_func ("/crash/kill-every-posting-changed", test_kill_every_posting_changed);
  status = g_test_run ();
  jk_test_remove_tree (dir);
  return status;
}
