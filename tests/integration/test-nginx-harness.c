/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-nginx-harness.c: checks jk-test-nginx against the real nginx with libcurl */

#include "jk-test-nginx.h"

#include <curl/curl.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include "jk-test-proc.h"

static const char small_feed[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
  "<source><publisher>Test</publisher>"
  "<job><title><![CDATA[Welder]]></title><referencenumber>1</referencenumber></job>"
  "</source>\n";

typedef struct {
  char        *docroot;
  JkTestNginx *nginx;
} Fixture;

typedef struct {
  CURLcode    rc;
  long        code;
  GString    *body;
  GHashTable *headers;   /* lower-case name -> value, of the last response */
} Response;

static void
response_free (Response *r)
{
  g_string_free (r->body, TRUE);
  g_hash_table_unref (r->headers);
  g_free (r);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Response, response_free)

static void
write_file (const char *dir, const char *name, const char *text, gssize len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, text, len, &error);
  g_assert_no_error (error);
}

/* An XML feed well over nginx's gzip_min_length, or bigger for the slow test. */
static char *
make_big_feed (gsize min_size)
{
  GString *s = g_string_new ("<?xml version=\"1.0\"?>\n<source>\n");

  for (guint i = 0; s->len < min_size; i++)
    g_string_append_printf (s, "  <job><referencenumber>%u</referencenumber>"
                            "<title>Forklift operator, second shift</title>"
                            "<city>Springfield</city></job>\n", i);
  g_string_append (s, "</source>\n");
  return g_string_free (s, FALSE);
}

static char *
make_docroot (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *big = make_big_feed (4096);
  g_autofree char *huge = make_big_feed (64 * 1024);
  char *dir = g_dir_make_tmp ("jk-test-docroot-XXXXXX", &error);

  g_assert_no_error (error);
  write_file (dir, "feed.xml", small_feed, -1);
  write_file (dir, "feed-large.xml", big, -1);
  write_file (dir, "big.xml", huge, -1);
  write_file (dir, "redirect-target.xml", small_feed, -1);
  return dir;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  (void) data;
  f->docroot = make_docroot ();
  f->nginx = jk_test_nginx_start (f->docroot);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  (void) data;
  jk_test_nginx_stop (f->nginx);
  jk_test_remove_tree (f->docroot);
  g_free (f->docroot);
}

static size_t
on_body (char *ptr, size_t size, size_t nmemb, void *user_data)
{
  Response *r = user_data;

  g_string_append_len (r->body, ptr, (gssize) (size * nmemb));
  return size * nmemb;
}

static size_t
on_header (char *ptr, size_t size, size_t nmemb, void *user_data)
{
  Response *r = user_data;
  g_autofree char *line = g_strndup (ptr, size * nmemb);
  char *colon;

  if (g_str_has_prefix (line, "HTTP/"))
    g_hash_table_remove_all (r->headers);   /* a new response (redirects) */
  colon = strchr (line, ':');
  if (colon != NULL)
    {
      g_autofree char *name = g_ascii_strdown (line, colon - line);
      g_hash_table_insert (r->headers, g_steal_pointer (&name),
                           g_strdup (g_strstrip (colon + 1)));
    }
  return size * nmemb;
}

/* GET url with extra request headers (NULL-terminated, may be NULL). */
static Response *
http_get (const char *url, const char *const *extra, gboolean follow, long timeout_ms)
{
  Response *r = g_new0 (Response, 1);
  CURL *curl = curl_easy_init ();
  struct curl_slist *list = NULL;

  r->body = g_string_new (NULL);
  r->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    list = curl_slist_append (list, extra[i]);

  curl_easy_setopt (curl, CURLOPT_URL, url);
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt (curl, CURLOPT_WRITEDATA, r);
  curl_easy_setopt (curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt (curl, CURLOPT_HEADERDATA, r);
  curl_easy_setopt (curl, CURLOPT_FOLLOWLOCATION, follow ? 1L : 0L);
  curl_easy_setopt (curl, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT_MS, timeout_ms > 0 ? timeout_ms : 10000L);
  curl_easy_setopt (curl, CURLOPT_NOPROXY, "*");

  r->rc = curl_easy_perform (curl);
  curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &r->code);
  curl_easy_cleanup (curl);
  curl_slist_free_all (list);
  return r;
}

static Response *
get_path (Fixture *f, const char *path, const char *const *extra)
{
  g_autofree char *url = jk_test_nginx_url (f->nginx, path);

  return http_get (url, extra, FALSE, 0);
}

static const char *
header (Response *r, const char *name)
{
  return g_hash_table_lookup (r->headers, name);
}

/* nginx processes whose parent is `parent`, from /proc. */
static GArray *
nginx_children_of (pid_t parent)
{
  GArray *pids = g_array_new (FALSE, FALSE, sizeof (pid_t));
  g_autoptr (GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;

  while (proc != NULL && (name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *stat_path = NULL;
      g_autofree char *text = NULL;
      const char *open, *close;
      pid_t ppid;

      if (!g_ascii_isdigit (name[0]))
        continue;
      stat_path = g_build_filename ("/proc", name, "stat", NULL);
      if (!g_file_get_contents (stat_path, &text, NULL, NULL))
        continue;
      /* "pid (comm) state ppid ..." */
      open = strchr (text, '(');
      close = strrchr (text, ')');
      if (open == NULL || close == NULL || strncmp (open, "(nginx)", 7) != 0)
        continue;
      ppid = (pid_t) g_ascii_strtoll (close + 4, NULL, 10);
      if (ppid == parent)
        {
          pid_t pid = (pid_t) g_ascii_strtoll (name, NULL, 10);
          g_array_append_val (pids, pid);
        }
    }
  return pids;
}

/* The master started by the last jk_test_nginx_start(): the one child that
 * is new compared with `before`. */
static pid_t
new_nginx_child (GArray *before)
{
  g_autoptr (GArray) now = nginx_children_of (getpid ());
  pid_t found = 0;

  for (guint i = 0; i < now->len; i++)
    {
      pid_t pid = g_array_index (now, pid_t, i);
      gboolean old = FALSE;

      for (guint j = 0; before != NULL && j < before->len; j++)
        old = old || g_array_index (before, pid_t, j) == pid;
      if (!old)
        {
          g_assert_cmpint (found, ==, 0);
          found = pid;
        }
    }
  g_assert_cmpint (found, >, 0);
  return found;
}

/* The -p argument of nginx's command line: its private dir. The master
 * rewrites its argv into one title string ("nginx: master process
 * /usr/sbin/nginx -p DIR/ -c ..."), so split on spaces too. */
static char *
prefix_of (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/cmdline", (int) pid);
  g_autofree char *text = NULL;
  g_auto (GStrv) words = NULL;
  gsize len;

  if (!g_file_get_contents (path, &text, &len, NULL))
    return NULL;
  for (gsize i = 0; i < len; i++)
    if (text[i] == '\0')
      text[i] = ' ';
  words = g_strsplit (text, " ", -1);
  for (guint i = 0; words[i] != NULL && words[i + 1] != NULL; i++)
    if (strcmp (words[i], "-p") == 0)
      {
        char *prefix = g_strdup (words[i + 1]);
        if (g_str_has_suffix (prefix, "/"))
          prefix[strlen (prefix) - 1] = '\0';
        return prefix;
      }
  return NULL;
}

static void
test_conditional (Fixture *f, gconstpointer data)
{
  g_autoptr (Response) first = NULL;
  g_autoptr (Response) by_etag = NULL;
  g_autoptr (Response) by_date = NULL;
  g_autoptr (Response) changed = NULL;
  g_autofree char *inm = NULL;
  g_autofree char *ims = NULL;
  g_autofree char *path = g_build_filename (f->docroot, "feed.xml", NULL);
  g_autofree char *longer = g_strconcat (small_feed, "<!-- changed -->\n", NULL);
  struct timeval times[2] = { { 1700000000, 0 }, { 1700000000, 0 } };
  (void) data;

  first = get_path (f, "/feed.xml", NULL);
  g_assert_cmpint (first->rc, ==, CURLE_OK);
  g_assert_cmpint (first->code, ==, 200);
  g_assert_cmpstr (first->body->str, ==, small_feed);
  g_assert_nonnull (header (first, "etag"));
  g_assert_nonnull (header (first, "last-modified"));
  g_assert_true (g_str_has_prefix (header (first, "content-type"), "application/xml"));

  inm = g_strconcat ("If-None-Match: ", header (first, "etag"), NULL);
  by_etag = get_path (f, "/feed.xml", (const char *[]) { inm, NULL });
  g_assert_cmpint (by_etag->code, ==, 304);
  g_assert_cmpuint (by_etag->body->len, ==, 0);

  ims = g_strconcat ("If-Modified-Since: ", header (first, "last-modified"), NULL);
  by_date = get_path (f, "/feed.xml", (const char *[]) { ims, NULL });
  g_assert_cmpint (by_date->code, ==, 304);

  /* New size and a different mtime: nginx's ETag is "mtime-size". */
  write_file (f->docroot, "feed.xml", longer, -1);
  g_assert_cmpint (utimes (path, times), ==, 0);
  changed = get_path (f, "/feed.xml", (const char *[]) { inm, ims, NULL });
  g_assert_cmpint (changed->code, ==, 200);
  g_assert_cmpstr (changed->body->str, ==, longer);
  g_assert_nonnull (header (changed, "etag"));
  g_assert_cmpstr (header (changed, "etag"), !=, header (first, "etag"));
  g_assert_cmpstr (header (changed, "last-modified"), ==, "Tue, 14 Nov 2023 22:13:20 GMT");
}

static void
test_gzip (Fixture *f, gconstpointer data)
{
  g_autoptr (Response) zipped = NULL;
  g_autoptr (Response) plain = NULL;
  g_autoptr (Response) small = NULL;
  (void) data;

  zipped = get_path (f, "/feed-large.xml", (const char *[]) { "Accept-Encoding: gzip", NULL });
  g_assert_cmpint (zipped->code, ==, 200);
  g_assert_cmpstr (header (zipped, "content-encoding"), ==, "gzip");
  g_assert_cmpstr (header (zipped, "vary"), ==, "Accept-Encoding");
  g_assert_true (g_str_has_prefix (header (zipped, "etag"), "W/"));
  g_assert_cmpuint (zipped->body->len, >, 2);
  g_assert_cmpint ((guchar) zipped->body->str[0], ==, 0x1f);
  g_assert_cmpint ((guchar) zipped->body->str[1], ==, 0x8b);

  plain = get_path (f, "/feed-large.xml", NULL);
  g_assert_null (header (plain, "content-encoding"));

  /* Under gzip_min_length (256 bytes): sent as is. */
  small = get_path (f, "/feed.xml", (const char *[]) { "Accept-Encoding: gzip", NULL });
  g_assert_cmpint (small->code, ==, 200);
  g_assert_null (header (small, "content-encoding"));
}

static void
test_faults (Fixture *f, gconstpointer data)
{
  g_autoptr (Response) e500 = get_path (f, "/status/500", NULL);
  g_autoptr (Response) e503 = get_path (f, "/status/503", NULL);
  g_autoptr (Response) missing = get_path (f, "/nope.xml", NULL);
  g_autoptr (Response) redirect = get_path (f, "/redirect", NULL);
  g_autoptr (Response) followed = NULL;
  g_autoptr (Response) loop = NULL;
  g_autofree char *url = jk_test_nginx_url (f->nginx, "/redirect");
  g_autofree char *loop_url = jk_test_nginx_url (f->nginx, "redirect-loop");
  (void) data;

  g_assert_cmpint (e500->code, ==, 500);
  g_assert_cmpint (e503->code, ==, 503);
  g_assert_cmpint (missing->code, ==, 404);
  g_assert_cmpint (redirect->code, ==, 302);
  g_assert_nonnull (strstr (header (redirect, "location"), "/redirect-target.xml"));

  followed = http_get (url, NULL, TRUE, 0);
  g_assert_cmpint (followed->rc, ==, CURLE_OK);
  g_assert_cmpint (followed->code, ==, 200);
  g_assert_cmpstr (followed->body->str, ==, small_feed);

  loop = http_get (loop_url, NULL, TRUE, 0);
  g_assert_cmpint (loop->rc, ==, CURLE_TOO_MANY_REDIRECTS);
}

static void
test_slow (Fixture *f, gconstpointer data)
{
  g_autofree char *url = jk_test_nginx_url (f->nginx, "/slow/big.xml");
  g_autoptr (Response) slow = NULL;
  g_autoptr (Response) fast = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed_ms;
  (void) data;

  slow = http_get (url, NULL, FALSE, 1000);
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  g_test_message ("slow: %" G_GSIZE_FORMAT " bytes in %" G_GINT64_FORMAT " ms",
                  slow->body->len, elapsed_ms);
  g_assert_cmpint (slow->rc, ==, CURLE_OPERATION_TIMEDOUT);
  g_assert_cmpint (slow->code, ==, 200);
  g_assert_cmpuint (slow->body->len, <=, 2048);
  g_assert_cmpint (elapsed_ms, <, 3000);

  /* The same file outside /slow/ comes at once. */
  fast = get_path (f, "/big.xml", NULL);
  g_assert_cmpint (fast->code, ==, 200);
  g_assert_cmpuint (fast->body->len, >=, 64 * 1024);
}

static void
test_count_requests (Fixture *f, gconstpointer data)
{
  int status = -1;
  (void) data;

  g_assert_cmpuint (jk_test_nginx_count_requests (f->nginx, "/feed.xml", &status), ==, 0);
  g_assert_cmpint (status, ==, 0);

  for (int i = 0; i < 3; i++)
    {
      g_autoptr (Response) r = get_path (f, "/feed.xml", NULL);
      g_assert_cmpint (r->code, ==, 200);
    }
  g_assert_cmpuint (jk_test_nginx_count_requests (f->nginx, "/feed.xml", &status), ==, 3);
  g_assert_cmpint (status, ==, 200);

  {
    g_autoptr (Response) r = get_path (f, "/status/503", NULL);
    g_autoptr (Response) q = get_path (f, "/feed.xml?page=2", NULL);
    (void) r;
    (void) q;
  }
  g_assert_cmpuint (jk_test_nginx_count_requests (f->nginx, "status/503", &status), ==, 1);
  g_assert_cmpint (status, ==, 503);
  g_assert_cmpuint (jk_test_nginx_count_requests (f->nginx, "/feed.xml", NULL), ==, 4);
  g_assert_cmpuint (jk_test_nginx_count_requests (f->nginx, "/feed.xml?page=2", NULL), ==, 1);
  g_assert_cmpuint (jk_test_nginx_count_requests (f->nginx, "/nothing", &status), ==, 0);
  g_assert_cmpint (status, ==, 0);
}

static void
test_stop (void)
{
  g_autofree char *docroot = make_docroot ();
  g_autoptr (GArray) before = nginx_children_of (getpid ());
  JkTestNginx *nginx = jk_test_nginx_start (docroot);
  pid_t pid = new_nginx_child (before);
  g_autofree char *prefix = prefix_of (pid);
  g_autofree char *url = jk_test_nginx_url (nginx, "feed.xml");
  guint16 port = jk_test_nginx_get_port (nginx);
  g_autofree char *expected = g_strdup_printf ("http://127.0.0.1:%u/feed.xml", port);
  g_autoptr (GArray) workers = NULL;

  g_assert_nonnull (prefix);
  g_assert_true (g_file_test (prefix, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (port, >, 0);
  g_assert_cmpstr (url, ==, expected);

  jk_test_nginx_stop (nginx);
  g_assert_cmpint (kill (pid, 0), ==, -1);
  g_assert_cmpint (errno, ==, ESRCH);
  g_assert_false (g_file_test (prefix, G_FILE_TEST_EXISTS));
  workers = nginx_children_of (pid);
  g_assert_cmpuint (workers->len, ==, 0);

  /* Safe twice; the port stays known and now refuses connections. */
  jk_test_nginx_stop (nginx);
  g_assert_cmpuint (jk_test_nginx_get_port (nginx), ==, port);
  {
    g_autoptr (Response) refused = http_get (url, NULL, FALSE, 2000);
    g_assert_cmpint (refused->rc, ==, CURLE_COULDNT_CONNECT);
  }
  g_assert_cmpuint (jk_test_nginx_count_requests (nginx, "/feed.xml", NULL), ==, 0);

  jk_test_remove_tree (docroot);
}

static void
test_two_instances (void)
{
  g_autofree char *docroot = make_docroot ();
  JkTestNginx *a = jk_test_nginx_start (docroot);
  JkTestNginx *b = jk_test_nginx_start (docroot);
  g_autofree char *url_a = jk_test_nginx_url (a, "/feed.xml");
  g_autofree char *url_b = jk_test_nginx_url (b, "/feed.xml");
  g_autoptr (Response) ra = http_get (url_a, NULL, FALSE, 0);
  g_autoptr (Response) rb = http_get (url_b, NULL, FALSE, 0);

  g_assert_cmpuint (jk_test_nginx_get_port (a), !=, jk_test_nginx_get_port (b));
  g_assert_cmpint (ra->code, ==, 200);
  g_assert_cmpint (rb->code, ==, 200);
  g_assert_cmpuint (jk_test_nginx_count_requests (a, "/feed.xml", NULL), ==, 1);
  g_assert_cmpuint (jk_test_nginx_count_requests (b, "/feed.xml", NULL), ==, 1);

  jk_test_nginx_stop (a);
  {
    /* Stopping one leaves the other serving. */
    g_autoptr (Response) again = http_get (url_b, NULL, FALSE, 0);
    g_assert_cmpint (again->code, ==, 200);
  }
  jk_test_nginx_stop (b);
  jk_test_remove_tree (docroot);
}

/* Child mode: start nginx, report its pid and private dir, wait to be
 * killed with SIGKILL (which skips every cleanup in this process). */
static int
orphan_helper (const char *docroot)
{
  JkTestNginx *nginx;
  pid_t pid;
  g_autofree char *prefix = NULL;

  /* If the test itself dies, don't hang around. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  nginx = jk_test_nginx_start (docroot);
  pid = new_nginx_child (NULL);
  prefix = prefix_of (pid);
  printf ("%d %s\n", (int) pid, prefix);
  fflush (stdout);
  (void) nginx;
  for (;;)
    pause ();
  return 0;
}

static void
test_dies_with_test_process (void)
{
  g_autofree char *docroot = make_docroot ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GIOChannel) channel = NULL;
  g_autofree char *line = NULL;
  g_auto (GStrv) fields = NULL;
  g_autoptr (GArray) leftovers = NULL;
  const char *argv[] = { "/proc/self/exe", "--orphan-helper", docroot, NULL };
  GPid helper;
  int out_fd, status;
  pid_t nginx_pid;
  gint64 deadline;

  /* Orphans are re-parented to us, so we can reap nginx and see it go. */
  g_assert_cmpint (prctl (PR_SET_CHILD_SUBREAPER, 1), ==, 0);

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &helper, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);
  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_io_channel_read_line (channel, &line, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  fields = g_strsplit (g_strstrip (line), " ", 2);
  g_assert_cmpuint (g_strv_length (fields), ==, 2);
  nginx_pid = (pid_t) g_ascii_strtoll (fields[0], NULL, 10);
  g_assert_cmpint (nginx_pid, >, 0);
  g_assert_cmpint (kill (nginx_pid, 0), ==, 0);

  /* kill -9 the "test process": no atexit, no stop(). */
  g_assert_cmpint (kill (helper, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (helper, &status, 0), ==, helper);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

  /* PR_SET_PDEATHSIG sent nginx SIGTERM; it is now our child to reap. */
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (waitpid (nginx_pid, &status, WNOHANG) == 0 && g_get_monotonic_time () < deadline)
    g_usleep (20 * 1000);
  g_assert_cmpint (kill (nginx_pid, 0), ==, -1);
  g_assert_cmpint (errno, ==, ESRCH);
  leftovers = nginx_children_of (nginx_pid);
  g_assert_cmpuint (leftovers->len, ==, 0);
  g_test_message ("nginx %d exited after its parent was killed", (int) nginx_pid);

  /* Only the private dir is left behind in that case. */
  g_assert_true (g_str_has_prefix (fields[1], g_get_tmp_dir ()));
  g_assert_nonnull (strstr (fields[1], "jk-test-nginx-"));
  jk_test_remove_tree (fields[1]);
  jk_test_remove_tree (docroot);
}

int
main (int argc, char **argv)
{
  int ret;

  if (argc == 3 && strcmp (argv[1], "--orphan-helper") == 0)
    return orphan_helper (argv[2]);

  g_test_init (&argc, &argv, NULL);
  curl_global_init (CURL_GLOBAL_DEFAULT);

  g_test_add ("/nginx/conditional", Fixture, NULL, fixture_setup, test_conditional, fixture_teardown);
  g_test_add ("/nginx/gzip", Fixture, NULL, fixture_setup, test_gzip, fixture_teardown);
  g_test_add ("/nginx/faults", Fixture, NULL, fixture_setup, test_faults, fixture_teardown);
  g_test_add ("/nginx/slow", Fixture, NULL, fixture_setup, test_slow, fixture_teardown);
  g_test_add ("/nginx/count-requests", Fixture, NULL, fixture_setup, test_count_requests, fixture_teardown);
  g_test_add_func ("/nginx/stop", test_stop);
  g_test_add_func ("/nginx/two-instances", test_two_instances);
  g_test_add_func ("/nginx/dies-with-test-process", test_dies_with_test_process);

  ret = g_test_run ();
  curl_global_cleanup ();
  return ret;
}
