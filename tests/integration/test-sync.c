/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sync.c: feeds synced from a real nginx on 127.0.0.1: conditional GET,
 * changes, faults; the old cache must survive every failure */

#include <gio/gio.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <jobkiosk/jk-refresher.h>
#include <jobkiosk/jk-search.h>
#include <jobkiosk/jk-sync.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "feeds/jk-fetch-private.h"
#include "store/jk-store-private.h"
#include "jk-test.h"
#include "jk-test-db.h"
#include "jk-test-log.h"
#include "jk-test-nginx.h"
#include "jk-test-proc.h"

/* How long a stalled server may hold the other feeds back: before the
 * fix it held them for timeout × attempts (20 minutes by default). */
#define STALL_BOUND_US (60 * G_USEC_PER_SEC)

typedef struct {
  char *dir;
  char *docroot;
  JkTestNginx *nginx;
  JkStore *store;
  JkSyncOptions options;
  gint64 now;
  GSocket *silent;     /* accepts (the kernel does) and never answers */
  char *silent_url;
} Fixture;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "sync", name, NULL);
}

/* Puts a fixture in the docroot under a name; a new mtime each time so
 * nginx gives it a new ETag. */
static void
serve (Fixture    *fixture,
       const char *fixture_name,
       const char *as)
{
  g_autofree char *from = fixture_path (fixture_name);
  g_autofree char *to = g_build_filename (fixture->docroot, as, NULL);
  g_autofree char *contents = NULL;
  gsize length;
  static gint64 stamp = 1700000000;
  struct utimbuf times;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, (gssize) length, NULL));
  stamp += 60;
  times.actime = times.modtime = stamp;
  g_assert_cmpint (g_utime (to, &times), ==, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkConfig) config = jk_config_new_defaults ();

  fixture->dir = g_dir_make_tmp ("jk-sync-XXXXXX", NULL);
  fixture->docroot = g_build_filename (fixture->dir, "www", NULL);
  g_mkdir (fixture->docroot, 0755);
  fixture->nginx = jk_test_nginx_start (fixture->docroot);
  db = g_build_filename (fixture->dir, "jobkiosk.db", NULL);
  fixture->store = jk_store_open (db, &error);
  g_assert_no_error (error);

  config->feed_attempts = 3;
  config->feed_retry_delay_ms = 20;
  config->feed_timeout = 10;
  config->feed_connect_timeout = 2;
  jk_sync_options_init (&fixture->options, config, db);
  fixture->now = 1764000000; /* 2025-11-24 */
}

/* A server that accepts connections and never says a word: a listening
 * socket nobody reads; the kernel completes each connection. */
static const char *
silent_server (Fixture *fixture)
{
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;

  if (fixture->silent_url != NULL)
    return fixture->silent_url;
  fixture->silent = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_set_listen_backlog (fixture->silent, 64);
  g_assert_true (g_socket_bind (fixture->silent, any_port, TRUE, &error));
  g_assert_true (g_socket_listen (fixture->silent, &error));
  bound = g_socket_get_local_address (fixture->silent, &error);
  g_assert_no_error (error);
  fixture->silent_url = g_strdup_printf ("http://127.0.0.1:%u/feed.xml",
                                         (guint) g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  return fixture->silent_url;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->silent != NULL)
    g_socket_close (fixture->silent, NULL);
  g_clear_object (&fixture->silent);
  g_free (fixture->silent_url);
  jk_test_nginx_stop (fixture->nginx);
  jk_store_free (fixture->store);
  jk_sync_options_clear (&fixture->options);
  jk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->docroot);
}

/* Syncs one source named name from url; returns the outcome. */
static JkSyncOutcome
sync_url (Fixture      *fixture,
          const char   *name,
          const char   *url,
          JkSyncReport *report)
{
  g_autoptr (JkSource) source = jk_source_new (name, url, JK_FEED_FORMAT_AUTO);
  g_autoptr (GError) error = NULL;

  jk_sync_report_clear (report);
  g_assert_true (jk_sync_source (fixture->store, source, &fixture->options, fixture->now, report, NULL, &error));
  g_assert_no_error (error);
  return report->outcome;
}

static JkSyncOutcome
sync_path (Fixture      *fixture,
           const char   *path,
           JkSyncReport *report)
{
  g_autofree char *url = jk_test_nginx_url (fixture->nginx, path);

  return sync_url (fixture, "bank", url, report);
}

static gint64
active (Fixture *fixture)
{
  return jk_jobs_count_active (fixture->store, 0, fixture->now, NULL);
}

static JkSourceStatus *
find_status (GPtrArray  *statuses,
             const char *name)
{
  for (guint i = 0; i < statuses->len; i++)
    if (g_str_equal (((JkSourceStatus *) statuses->pdata[i])->name, name))
      return statuses->pdata[i];
  g_assert_not_reached ();
}

static void
assert_index_consistent (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (jk_store_exec (fixture->store, "INSERT INTO jobs_fts (jobs_fts) VALUES ('integrity-check')", &error));
  g_assert_no_error (error);
  g_assert_true (jk_store_exec (fixture->store, "INSERT INTO jobs_title_fts (jobs_title_fts) VALUES ('integrity-check')", &error));
  g_assert_no_error (error);
  /* The titles' index holds what the whole index holds for titles and
   * employers, word for word: both follow every insert, change and delete. */
  g_assert_true (jk_store_exec (fixture->store,
                                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.whole_words USING fts5vocab (main, jobs_fts, instance);"
                                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.title_words"
                                " USING fts5vocab (main, jobs_title_fts, instance);",
                                &error));
  g_assert_no_error (error);
  g_assert_cmpint (jk_test_query_int (fixture->store,
                                      "SELECT count(*) FROM (SELECT doc, term, col, offset FROM whole_words"
                                      " WHERE col IN ('title', 'employer') EXCEPT SELECT doc, term, col, offset FROM title_words)"),
                   ==, 0);
  g_assert_cmpint (jk_test_query_int (fixture->store,
                                      "SELECT count(*) FROM (SELECT doc, term, col, offset FROM title_words"
                                      " EXCEPT SELECT doc, term, col, offset FROM whole_words)"),
                   ==, 0);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM title_words"), >, 0);
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

static void
test_first_then_not_modified (Fixture       *fixture,
                              gconstpointer  user_data)
{
  JkSyncReport report = { 0 };
  int status = 0;
  g_autoptr (GPtrArray) statuses = NULL;

  serve (fixture, "feed-v1.xml", "feed.xml");
  g_assert_cmpint (sync_path (fixture, "/feed.xml", &report), ==, JK_SYNC_OK);
  g_assert_cmpuint (report.counts.added, ==, 10);
  g_assert_cmpint (report.active, ==, 10);

  /* Second time: nginx answers 304 and nothing is rewritten. */
  g_assert_cmpint (sync_path (fixture, "/feed.xml", &report), ==, JK_SYNC_UNCHANGED);
  g_assert_cmpuint (jk_test_nginx_count_requests (fixture->nginx, "/feed.xml", &status), ==, 2);
  g_assert_cmpint (status, ==, 304);
  g_assert_cmpint (active (fixture), ==, 10);
  statuses = jk_sync_list_status (fixture->store, fixture->now, NULL);
  g_assert_cmpstr (find_status (statuses, "bank")->state, ==, "unchanged");
  assert_index_consistent (fixture);
  jk_sync_report_clear (&report);
}

static void
test_changed_feed (Fixture       *fixture,
                   gconstpointer  user_data)
{
  JkSyncReport report = { 0 };
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GError) error = NULL;
  JkSearchQuery query = { .text = "forklift", .now = fixture->now };

  serve (fixture, "feed-v1.xml", "feed.xml");
  g_assert_cmpint (sync_path (fixture, "/feed.xml", &report), ==, JK_SYNC_OK);
  serve (fixture, "feed-v2.xml", "feed.xml");
  g_assert_cmpint (sync_path (fixture, "/feed.xml", &report), ==, JK_SYNC_OK);
  g_assert_cmpuint (report.counts.added, ==, 1);    /* T-10 */
  g_assert_cmpuint (report.counts.removed, ==, 1);  /* T-9 */
  g_assert_cmpuint (report.counts.updated, ==, 2);  /* T-3 pay, T-5 closing date */
  g_assert_cmpuint (report.counts.unchanged, ==, 7);
  g_assert_cmpuint (report.counts.expired, ==, 1);
  g_assert_cmpint (report.active, ==, 9);           /* 10 in the feed, one expired */

  /* The index follows: the changed posting is found with its new pay. */
  found = jk_search_jobs (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  query.text = "welder";
  g_clear_pointer (&found, g_ptr_array_unref);
  found = jk_search_jobs (fixture->store, &query, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpfloat (((JkJobRecord *) found->pdata[0])->job->salary_min, ==, 19.0);
  query.text = "delivery";
  g_clear_pointer (&found, g_ptr_array_unref);
  found = jk_search_jobs (fixture->store, &query, &error);
  g_assert_cmpuint (found->len, ==, 0);
  assert_index_consistent (fixture);
  jk_sync_report_clear (&report);
}

/* Every failure leaves yesterday's listings serving. */
static void
test_faults_keep_cache (Fixture       *fixture,
                        gconstpointer  user_data)
{
  JkSyncReport report = { 0 };
  g_autoptr (GPtrArray) statuses = NULL;
  g_autofree char *refused_url = NULL;
  int status = 0;

  serve (fixture, "feed-v1.xml", "feed.xml");
  g_assert_cmpint (sync_path (fixture, "/feed.xml", &report), ==, JK_SYNC_OK);

  /* 500: retried, then failed. */
  g_assert_cmpint (sync_url (fixture, "bank", jk_test_nginx_url (fixture->nginx, "/status/500"), &report), ==,
                   JK_SYNC_FAILED);
  g_assert_nonnull (strstr (report.message, "HTTP 500"));
  g_assert_cmpuint (jk_test_nginx_count_requests (fixture->nginx, "/status/500", &status), ==, 3);
  g_assert_cmpint (active (fixture), ==, 10);
  statuses = jk_sync_list_status (fixture->store, fixture->now, NULL);
  g_assert_cmpstr (find_status (statuses, "bank")->state, ==, "failing");
  g_assert_nonnull (find_status (statuses, "bank")->last_error);
  g_clear_pointer (&statuses, g_ptr_array_unref);

  /* 404: not retried. */
  g_assert_cmpint (sync_path (fixture, "/missing.xml", &report), ==, JK_SYNC_FAILED);
  g_assert_cmpuint (jk_test_nginx_count_requests (fixture->nginx, "/missing.xml", NULL), ==, 1);

  /* A body cut short. */
  serve (fixture, "feed-truncated.xml", "feed.xml");
  g_assert_cmpint (sync_path (fixture, "/feed.xml", &report), ==, JK_SYNC_FAILED);
  g_assert_cmpint (active (fixture), ==, 10);

  /* Empty, then a fraction of the last good one: refused, source suspect. */
  serve (fixture, "feed-empty.xml", "feed.xml");
  g_assert_cmpint (sync_path (fixture, "/feed.xml", &report), ==, JK_SYNC_REFUSED);
  serve (fixture, "feed-small.xml", "feed.xml");
  g_assert_cmpint (sync_path (fixture, "/feed.xml", &report), ==, JK_SYNC_REFUSED);
  g_assert_nonnull (strstr (report.message, "only 3 postings"));
  g_assert_cmpint (active (fixture), ==, 10);
  statuses = jk_sync_list_status (fixture->store, fixture->now, NULL);
  g_assert_cmpstr (find_status (statuses, "bank")->state, ==, "suspect");
  g_clear_pointer (&statuses, g_ptr_array_unref);

  /* Nobody listening. */
  refused_url = jk_test_nginx_url (fixture->nginx, "/feed.xml");
  jk_test_nginx_stop (fixture->nginx);
  g_assert_cmpint (sync_url (fixture, "bank", refused_url, &report), ==, JK_SYNC_FAILED);
  g_assert_nonnull (strstr (report.message, "Can't reach"));
  g_assert_cmpint (active (fixture), ==, 10);
  assert_index_consistent (fixture);
  jk_sync_report_clear (&report);
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  user_data)
{
  JkSyncReport report = { 0 };
  g_autofree char *big = g_build_filename (fixture->docroot, "big.xml", NULL);
  g_autofree char *filler = g_malloc (64 * 1024 + 1);

  /* Random letters: gzip cannot shrink them into a quick answer. */
  for (gsize i = 0; i < 64 * 1024; i++)
    filler[i] = (char) g_random_int_range ('a', 'z' + 1);
  filler[64 * 1024] = '\0';
  g_assert_true (g_file_set_contents (big, filler, -1, NULL));
  fixture->options.total_timeout = 1;
  fixture->options.max_attempts = 1;
  g_assert_cmpint (sync_path (fixture, "/slow/big.xml", &report), ==, JK_SYNC_FAILED);
  if (strstr (report.message, "too long") == NULL)
    g_error ("unexpected message: %s", report.message);
  jk_sync_report_clear (&report);
}

static void
test_redirect_and_gzip (Fixture       *fixture,
                        gconstpointer  user_data)
{
  JkSyncReport report = { 0 };

  serve (fixture, "feed-v1.xml", "redirect-target.xml");
  g_assert_cmpint (sync_path (fixture, "/redirect", &report), ==, JK_SYNC_OK);
  g_assert_cmpuint (report.counts.added, ==, 10);
  g_assert_cmpint (sync_path (fixture, "/redirect-loop", &report), ==, JK_SYNC_FAILED);
  jk_sync_report_clear (&report);
}

/* A small compressed body that inflates past the limit is refused as soon
 * as it does, with next to nothing of it on disk (before: the limit's
 * worth of zeros was written to the spool first). */
static void
test_gzip_bomb (Fixture       *fixture,
                gconstpointer  user_data)
{
  JkSyncReport report = { 0 };
  g_autofree char *bomb = g_test_build_filename (G_TEST_DIST, "data", "feeds", "gzip-bomb.gz", NULL);
  g_autofree char *served = g_build_filename (fixture->docroot, "bomb.xml.gz", NULL);
  g_autofree char *dest = g_build_filename (fixture->dir, "bomb.feed", NULL);
  g_autofree char *url = jk_test_nginx_url (fixture->nginx, "/precompressed/bomb.xml");
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  JkFetchRequest request = {
    .url = url, .dest_path = dest, .connect_timeout = 2, .total_timeout = 30,
    .max_bytes = 8 * 1024 * 1024, .max_attempts = 1,
  };
  JkFetchResult result = { 0 };
  gsize length;

  g_assert_true (g_file_get_contents (bomb, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (served, contents, (gssize) length, NULL));

  g_assert_false (jk_fetch (&request, &result, NULL, &error));
  g_assert_error (error, JK_FETCH_ERROR, JK_FETCH_ERROR_TOO_LARGE);
  g_test_message ("gzip bomb: %" G_GOFFSET_FORMAT " bytes spooled, %" G_GOFFSET_FORMAT " inflated when refused",
                  result.spooled, result.bytes);
  g_assert_cmpint (result.spooled, <, 64 * 1024);
  g_assert_cmpint (result.bytes, >, request.max_bytes);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  jk_fetch_result_clear (&result);

  fixture->options.max_bytes = 8 * 1024 * 1024;
  g_assert_cmpint (sync_path (fixture, "/precompressed/bomb.xml", &report), ==, JK_SYNC_FAILED);
  g_assert_nonnull (strstr (report.message, "larger than the limit"));
  jk_sync_report_clear (&report);
}

/* A server that accepts and never answers: the low-speed limit ends each
 * try, and the tries share one budget. */
static void
test_silent_server_stalls (Fixture       *fixture,
                           gconstpointer  user_data)
{
  JkSyncReport report = { 0 };
  gint64 start = g_get_monotonic_time ();

  fixture->options.total_timeout = 300;
  fixture->options.max_attempts = 3;
  fixture->options.stall_timeout = 2;
  g_assert_cmpint (sync_url (fixture, "stalled", silent_server (fixture), &report), ==, JK_SYNC_FAILED);
  if (strstr (report.message, "too long") == NULL)
    g_error ("unexpected message: %s", report.message);
  g_test_message ("silent server given up after %.1f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpint (g_get_monotonic_time () - start, <, STALL_BOUND_US);
  jk_sync_report_clear (&report);
}

/* jobkioskctl sync with a silent server listed first: the other feeds are
 * synced beside it, and the whole sync ends at its deadline. */
static void
test_silent_server_cli (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *conf = g_build_filename (fixture->dir, "jobkiosk.conf", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "sync.out", NULL);
  g_autofree char *db = g_build_filename (fixture->dir, "jobkiosk.db", NULL);
  g_autofree char *bank = jk_test_nginx_url (fixture->nginx, "/feed.xml");
  g_autofree char *partner = jk_test_nginx_url (fixture->nginx, "/other.xml");
  g_autofree char *text = NULL;
  g_autofree char *printed = NULL;
  const char *argv[] = { g_getenv ("JK_JOBKIOSKCTL"), "--config", conf, "--db", db, "sync", NULL };
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int out_fd, status = 0;
  gboolean exited = FALSE;
  GPid pid;

  serve (fixture, "feed-v1.xml", "feed.xml");
  serve (fixture, "other-source.xml", "other.xml");
  /* Without the deadline and the side-by-side downloads the silent feed
   * alone would take 2 × 120 s, and the others would wait for it. */
  text = g_strdup_printf ("[feeds]\nconnect-timeout = 2\ntimeout = 120\nattempts = 2\nretry-delay-ms = 20\n"
                          "stall-timeout = 300\nsync-deadline = 8\n"
                          "[source stalled]\nurl = %s\n[source bank]\nurl = %s\n[source partner]\nurl = %s\n",
                          silent_server (fixture), bank, partner);
  g_assert_true (g_file_set_contents (conf, text, -1, NULL));
  g_assert_nonnull (argv[0]);
  out_fd = g_open (out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  g_assert_cmpint (out_fd, >=, 0);
  g_assert_true (g_spawn_async_with_fds (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                         jk_test_child_setup, GINT_TO_POINTER ((int) getpid ()), &pid,
                                         -1, out_fd, -1, &error));
  g_assert_no_error (error);
  close (out_fd);
  while (g_get_monotonic_time () - start < STALL_BOUND_US)
    {
      if (waitpid (pid, &status, WNOHANG) == pid)
        {
          exited = TRUE;
          break;
        }
      g_usleep (50 * 1000);
    }
  if (!exited)
    jk_test_kill_group_and_reap (pid);
  g_spawn_close_pid (pid);
  g_assert_true (g_file_get_contents (out, &printed, NULL, NULL));
  g_test_message ("jobkioskctl sync with a silent server ended after %.1f s:\n%s",
                  (g_get_monotonic_time () - start) / 1e6, printed);
  g_assert_true (exited);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 3);
  g_assert_true (g_str_has_prefix (printed, "stalled: failed: The job feed took too long"));
  g_assert_nonnull (strstr (printed, "\nbank: 10 added"));
  g_assert_nonnull (strstr (printed, "\npartner: 3 added"));
}

static void
on_refresher_updated (JkRefresher *refresher,
                      gpointer     user_data)
{
  *(guint *) user_data += 1;
}

static gint64
last_good_sync (Fixture    *fixture,
                const char *name)
{
  g_autoptr (GPtrArray) statuses = jk_sync_list_status (fixture->store, fixture->now, NULL);

  for (guint i = 0; statuses != NULL && i < statuses->len; i++)
    if (g_str_equal (((JkSourceStatus *) statuses->pdata[i])->name, name))
      return ((JkSourceStatus *) statuses->pdata[i])->last_good_sync;
  return 0;
}

/* The kiosk's refresher with a silent server listed first: the other feed
 * is synced while the silent one is still waited for. */
static void
test_silent_server_refresher (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *conf = g_build_filename (fixture->dir, "jobkiosk.conf", NULL);
  g_autofree char *db = g_build_filename (fixture->dir, "jobkiosk.db", NULL);
  g_autofree char *bank = jk_test_nginx_url (fixture->nginx, "/feed.xml");
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkConfig) config = jk_config_new_defaults ();
  g_autoptr (JkRefresher) refresher = NULL;
  gint64 start = g_get_monotonic_time ();
  guint updates = 0;

  serve (fixture, "feed-v1.xml", "feed.xml");
  text = g_strdup_printf ("[feeds]\nconnect-timeout = 2\ntimeout = 120\nattempts = 2\nstall-timeout = 300\n"
                          "[source stalled]\nurl = %s\n[source bank]\nurl = %s\n",
                          silent_server (fixture), bank);
  g_assert_true (g_file_set_contents (conf, text, -1, NULL));
  g_assert_true (jk_config_load_file (config, conf, &error));
  g_assert_no_error (error);
  refresher = jk_refresher_new (config, db, jk_clock_get_default ());
  g_signal_connect (refresher, "updated", G_CALLBACK (on_refresher_updated), &updates);
  jk_refresher_start (refresher);
  while (last_good_sync (fixture, "bank") == 0 && g_get_monotonic_time () - start < STALL_BOUND_US)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (20 * 1000), TRUE);
  g_test_message ("the other feed synced after %.1f s beside a silent one", (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpint (last_good_sync (fixture, "bank"), >, 0);
  g_assert_true (jk_refresher_is_busy (refresher)); /* the silent one, still waited for */

  /* Stopping ends the stalled download too, and its end is still heard. */
  start = g_get_monotonic_time ();
  jk_refresher_stop (refresher);
  while (jk_refresher_is_busy (refresher) && g_get_monotonic_time () - start < STALL_BOUND_US)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (20 * 1000), TRUE);
  g_assert_false (jk_refresher_is_busy (refresher));
  g_assert_cmpuint (updates, ==, 2);
}

/* The same posting from two feeds is shown once. */
static void
test_duplicates_across_sources (Fixture       *fixture,
                                gconstpointer  user_data)
{
  JkSyncReport report = { 0 };
  g_autoptr (GPtrArray) found = NULL;
  JkSearchQuery query = { .text = "line cook", .now = fixture->now };

  serve (fixture, "feed-v1.xml", "feed.xml");
  serve (fixture, "other-source.xml", "other.xml");
  g_assert_cmpint (sync_path (fixture, "/feed.xml", &report), ==, JK_SYNC_OK);
  g_assert_cmpint (sync_url (fixture, "partner", jk_test_nginx_url (fixture->nginx, "/other.xml"), &report), ==,
                   JK_SYNC_OK);
  g_assert_cmpuint (report.counts.added, ==, 3);
  g_assert_cmpint (active (fixture), ==, 11); /* 10 + 3, two of them twins */
  found = jk_search_jobs (fixture->store, &query, NULL);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((JkJobRecord *) found->pdata[0])->source, ==, "bank");
  g_clear_pointer (&found, g_ptr_array_unref);

  /* The first copy goes away: the twin shows instead. */
  {
    g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_source_free);
    g_ptr_array_add (keep, jk_source_new ("partner", "x", JK_FEED_FORMAT_AUTO));
    g_assert_true (jk_sync_forget_others (fixture->store, keep, NULL));
  }
  found = jk_search_jobs (fixture->store, &query, NULL);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((JkJobRecord *) found->pdata[0])->source, ==, "partner");
  g_assert_cmpint (active (fixture), ==, 3);
  assert_index_consistent (fixture);
  jk_sync_report_clear (&report);
}

/* Local files: a path and file:// work, and an untouched file is "unchanged". */
static void
test_local_file (Fixture       *fixture,
                 gconstpointer  user_data)
{
  JkSyncReport report = { 0 };
  g_autofree char *path = fixture_path ("feed-v1.xml");
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  g_assert_cmpint (sync_url (fixture, "local", path, &report), ==, JK_SYNC_OK);
  g_assert_cmpint (sync_url (fixture, "local", path, &report), ==, JK_SYNC_UNCHANGED);
  g_assert_cmpint (sync_url (fixture, "local-uri", uri, &report), ==, JK_SYNC_OK);
  g_assert_cmpint (sync_url (fixture, "nowhere", "/nonexistent/feed.xml", &report), ==, JK_SYNC_FAILED);
  jk_sync_report_clear (&report);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();

  JK_TEST_ADD ("/sync/first-then-not-modified", Fixture, test_first_then_not_modified);
  JK_TEST_ADD ("/sync/changed-feed", Fixture, test_changed_feed);
  JK_TEST_ADD ("/sync/faults-keep-cache", Fixture, test_faults_keep_cache);
  JK_TEST_ADD ("/sync/timeout", Fixture, test_timeout);
  JK_TEST_ADD ("/sync/redirect", Fixture, test_redirect_and_gzip);
  JK_TEST_ADD ("/sync/gzip-bomb", Fixture, test_gzip_bomb);
  JK_TEST_ADD ("/sync/silent-server-stalls", Fixture, test_silent_server_stalls);
  JK_TEST_ADD ("/sync/silent-server-cli", Fixture, test_silent_server_cli);
  JK_TEST_ADD ("/sync/silent-server-refresher", Fixture, test_silent_server_refresher);
  JK_TEST_ADD ("/sync/duplicates-across-sources", Fixture, test_duplicates_across_sources);
  JK_TEST_ADD ("/sync/local-file", Fixture, test_local_file);
  return g_test_run ();
}
