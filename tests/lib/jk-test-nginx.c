/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-nginx.c: runs Debian's nginx on loopback with a private prefix for integration tests */

#include "jk-test-proc.h"
#include "jk-test-nginx.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#define START_TIMEOUT_US    (5 * G_USEC_PER_SEC)
#define POLL_INTERVAL_US    (20 * 1000)
#define MAX_PORT_ATTEMPTS   5
/* A location that is never logged: count_requests() asks for it first so
 * that every request the test has completed is already in the access log. */
#define SYNC_PATH           "/__jk_test_nginx_sync"

struct _JkTestNginx {
  GPid     pid;        /* the master we spawned; 0 once stopped */
  guint16  port;
  char    *prefix;     /* private dir: conf, logs, pid, temp paths */
  char    *docroot;
  char    *access_log;
  char    *error_log;
  char    *pid_file;
};

static const char *
nginx_binary (void)
{
  return jk_test_server_program ("JK_TEST_NGINX", "/usr/sbin/nginx", "nginx");
}

/* nginx writes its pid file only after it has bound its listening socket, so
 * "pid file holds our pid" tells our nginx apart from whoever else might
 * answer on a port that was taken from under us. */
static gboolean
pid_file_is (const char *pid_file, GPid pid)
{
  g_autofree char *text = jk_test_read_text (pid_file);
  gint64 value = g_ascii_strtoll (text, NULL, 10);

  return value > 0 && value == (gint64) pid;
}

static gboolean
path_is_safe_for_conf (const char *path)
{
  /* The path goes inside double quotes in nginx.conf; '$' would start a
   * variable in root/alias, '"' and '\' would need escaping. */
  for (const char *p = path; *p != '\0'; p++)
    if (*p == '"' || *p == '\\' || *p == '$' || g_ascii_iscntrl (*p))
      return FALSE;
  return TRUE;
}

static void
write_conf (JkTestNginx *self, const char *conf_path)
{
  g_autoptr (GString) conf = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  const char *p = self->prefix;
  const char *d = self->docroot;

  g_string_append (conf,
                   "# Written by tests/jk-test-nginx.c for one test run.\n"
                   "daemon off;\n"
                   "master_process on;\n"
                   "worker_processes 1;\n");
  /* As root the master runs workers as 'nobody' by default, and nobody
   * cannot enter this private dir or a docroot made by g_dir_make_tmp
   * (both 0700), nor anything under a 0700 parent. chmod-ing the caller's
   * docroot (and its parents) would change files the test owns and still
   * miss some layouts; running the workers as root reads exactly what the
   * test itself can read. Only loopback is served, and the test is root
   * anyway. Without root nginx ignores 'user' with a warning: leave it out. */
  if (geteuid () == 0)
    g_string_append (conf, "user root;\n");
  g_string_append_printf (conf,
                          "pid \"%s/nginx.pid\";\n"
                          "error_log \"%s/error.log\" notice;\n"
                          "\n"
                          "events {\n"
                          "    worker_connections 64;\n"
                          "}\n"
                          "\n",
                          p, p);
  g_string_append_printf (conf,
                          "http {\n"
                          "    client_body_temp_path \"%s/client_body_temp\";\n"
                          "    proxy_temp_path \"%s/proxy_temp\";\n"
                          "    fastcgi_temp_path \"%s/fastcgi_temp\";\n"
                          "    uwsgi_temp_path \"%s/uwsgi_temp\";\n"
                          "    scgi_temp_path \"%s/scgi_temp\";\n"
                          "\n"
                          /* One line per request; no buffer= so each line is
                           * written when the request ends. */
                          "    log_format jk_test '$request_uri $status $body_bytes_sent';\n"
                          "    access_log \"%s/access.log\" jk_test;\n"
                          "\n",
                          p, p, p, p, p, p);
  g_string_append (conf,
                   "    types {\n"
                   "        application/xml xml;\n"
                   "        application/json json;\n"
                   "        text/html html;\n"
                   "        application/rss+xml rss;\n"
                   "        text/plain txt;\n"
                   "        application/gzip gz;\n"
                   "    }\n"
                   "    default_type application/octet-stream;\n"
                   /* Static files get ETag and Last-Modified. With gzip the
                    * ETag becomes weak (W/...). */
                   "    etag on;\n"
                   "    gzip on;\n"
                   /* text/html is always compressed when gzip is on; naming
                    * it here makes nginx warn about a duplicate MIME type. */
                   "    gzip_types application/xml application/json application/rss+xml;\n"
                   "    gzip_min_length 256;\n"
                   "    gzip_vary on;\n"
                   "\n");
  g_string_append_printf (conf,
                          "    server {\n"
                          "        listen 127.0.0.1:%u;\n"
                          "        root \"%s\";\n"
                          "\n"
                          "        location = /status/500 { return 500; }\n"
                          "        location = /status/503 { return 503; }\n"
                          "        location = /redirect { return 302 /redirect-target.xml; }\n"
                          "        location = /redirect-loop { return 302 /redirect-loop; }\n"
                          /* /slow/big.xml serves DOCROOT/big.xml at 1 KB/s. */
                          "        location /slow/ { limit_rate 1k; alias \"%s/\"; }\n"
                          "        location = " SYNC_PATH " { access_log off; return 204; }\n"
                          /* /precompressed/bomb.xml is DOCROOT/bomb.xml.gz sent with
                           * Content-Encoding: gzip: a gzip bomb as a server sends one. */
                          "        location /precompressed/ { gzip_static always; alias \"%s/\"; }\n"
                          /* Truncated bodies: static nginx cannot lie about
                           * Content-Length, so tests serve a truncated
                           * fixture file instead. */
                          "    }\n"
                          "}\n",
                          (guint) self->port, d, d, d);

  if (!g_file_set_contents (conf_path, conf->str, (gssize) conf->len, &error))
    g_error ("jk-test-nginx: writing %s: %s", conf_path, error->message);
}

typedef enum {
  LAUNCH_OK,
  LAUNCH_PORT_TAKEN,
} LaunchResult;

static LaunchResult
launch_once (JkTestNginx *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *conf_path = g_build_filename (self->prefix, "nginx.conf", NULL);
  g_autofree char *prefix_arg = g_strconcat (self->prefix, "/", NULL);
  const char *argv[] = {
    nginx_binary (), "-p", prefix_arg, "-c", conf_path, "-e", self->error_log, NULL
  };
  gint64 deadline;
  int log_fd;
  gboolean spawned;

  write_conf (self, conf_path);
  g_unlink (self->error_log);
  g_unlink (self->pid_file);

  /* nginx's early messages go to stderr: keep them next to the error log. */
  log_fd = g_open (self->error_log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd < 0)
    g_error ("jk-test-nginx: opening %s: %s", self->error_log, g_strerror (errno));

  spawned = g_spawn_async_with_fds (self->prefix, (char **) argv, NULL,
                                    G_SPAWN_DO_NOT_REAP_CHILD,
                                    jk_test_child_setup, GINT_TO_POINTER ((int) getpid ()),
                                    &self->pid, -1, log_fd, log_fd, &error);
  close (log_fd);
  if (!spawned)
    g_error ("jk-test-nginx: cannot run %s: %s", nginx_binary (), error->message);
  /* Also from this side, so kill(-pid) is right even if the child has not
   * run its setup yet (fails harmlessly once it has exec'd). */
  setpgid (self->pid, self->pid);

  deadline = g_get_monotonic_time () + START_TIMEOUT_US;
  for (;;)
    {
      g_autofree char *log = NULL;
      int status;
      pid_t r = waitpid (self->pid, &status, WNOHANG);

      log = jk_test_read_text (self->error_log);
      if (r == self->pid)
        {
          self->pid = 0;
          if (strstr (log, "Address already in use") != NULL)
            return LAUNCH_PORT_TAKEN;
          g_error ("jk-test-nginx: nginx exited at start-up (status %d):\n%s", status, log);
        }
      /* nginx keeps retrying bind() for ~2 s before giving up: don't wait. */
      if (strstr (log, "Address already in use") != NULL)
        {
          jk_test_kill_group_and_reap (self->pid);
          self->pid = 0;
          return LAUNCH_PORT_TAKEN;
        }
      if (pid_file_is (self->pid_file, self->pid) && jk_test_port_accepts (self->port))
        return LAUNCH_OK;
      if (g_get_monotonic_time () >= deadline)
        {
          jk_test_kill_group_and_reap (self->pid);
          self->pid = 0;
          g_error ("jk-test-nginx: nginx did not start within 5 s on port %u:\n%s",
                   (guint) self->port, log);
        }
      g_usleep (POLL_INTERVAL_US);
    }
}

JkTestNginx *
jk_test_nginx_start (const char *docroot)
{
  g_autoptr (GError) error = NULL;
  JkTestNginx *self;

  g_return_val_if_fail (docroot != NULL, NULL);

  nginx_binary ();
  if (!g_file_test (docroot, G_FILE_TEST_IS_DIR))
    g_error ("jk-test-nginx: docroot %s is not a directory", docroot);

  self = g_new0 (JkTestNginx, 1);
  self->docroot = g_canonicalize_filename (docroot, NULL);
  /* "/" would give alias "//": harmless, but keep the conf clean. */
  if (g_str_has_suffix (self->docroot, "/") && strlen (self->docroot) > 1)
    self->docroot[strlen (self->docroot) - 1] = '\0';
  self->prefix = g_dir_make_tmp ("jk-test-nginx-XXXXXX", &error);
  if (self->prefix == NULL)
    g_error ("jk-test-nginx: cannot make a private dir: %s", error->message);
  if (!path_is_safe_for_conf (self->docroot) || !path_is_safe_for_conf (self->prefix))
    g_error ("jk-test-nginx: path not usable in nginx.conf: %s", self->docroot);
  self->access_log = g_build_filename (self->prefix, "access.log", NULL);
  self->error_log = g_build_filename (self->prefix, "error.log", NULL);
  self->pid_file = g_build_filename (self->prefix, "nginx.pid", NULL);

  for (int attempt = 0; ; attempt++)
    {
      self->port = jk_test_pick_free_port ();
      if (launch_once (self) == LAUNCH_OK)
        break;
      if (attempt + 1 >= MAX_PORT_ATTEMPTS)
        g_error ("jk-test-nginx: no free port after %d attempts", MAX_PORT_ATTEMPTS);
    }

  jk_test_stop_at_exit (self, (JkTestStopFunc) jk_test_nginx_stop);

  return self;
}

void
jk_test_nginx_stop (JkTestNginx *self)
{
  g_return_if_fail (self != NULL);

  if (self->pid > 0)
    {
      /* The master we started, by its pid: fast shutdown of its workers. */
      jk_test_terminate (self->pid, "nginx");
      self->pid = 0;
    }

  if (self->prefix != NULL)
    {
      jk_test_remove_tree (self->prefix);
      g_clear_pointer (&self->prefix, g_free);
    }
  g_clear_pointer (&self->docroot, g_free);
  g_clear_pointer (&self->access_log, g_free);
  g_clear_pointer (&self->error_log, g_free);
  g_clear_pointer (&self->pid_file, g_free);
}

guint16
jk_test_nginx_get_port (JkTestNginx *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->port;
}

char *
jk_test_nginx_url (JkTestNginx *self, const char *path)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (path == NULL)
    path = "";
  if (path[0] == '/')
    path++;
  return g_strdup_printf ("http://127.0.0.1:%u/%s", (guint) self->port, path);
}

/* With a single worker, nginx handles one event at a time and logs a request
 * in the same step that sends its last byte. Once it has answered a new
 * connection, every request the client had seen complete is in the log. */
static void
sync_with_worker (JkTestNginx *self)
{
  g_autoptr (GSocket) sock = NULL;
  g_autoptr (GInetAddress) loopback = NULL;
  g_autoptr (GSocketAddress) addr = NULL;
  g_autofree char *request = NULL;
  gsize sent = 0;
  char buf[512];

  /* A plain socket, not GSocketClient: no proxy resolver gets involved. */
  sock = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                       G_SOCKET_PROTOCOL_TCP, NULL);
  if (sock == NULL)
    return;
  g_socket_set_timeout (sock, 5);
  loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  addr = g_inet_socket_address_new (loopback, self->port);
  if (!g_socket_connect (sock, addr, NULL, NULL))
    return;
  request = g_strdup_printf ("GET " SYNC_PATH " HTTP/1.0\r\nHost: 127.0.0.1:%u\r\n\r\n",
                             (guint) self->port);
  while (sent < strlen (request))
    {
      gssize n = g_socket_send (sock, request + sent, strlen (request) - sent, NULL, NULL);
      if (n <= 0)
        return;
      sent += (gsize) n;
    }
  /* HTTP/1.0 without keep-alive: nginx answers 204 and closes. */
  while (g_socket_receive (sock, buf, sizeof buf, NULL, NULL) > 0)
    ;
  g_socket_close (sock, NULL);
}

static gboolean
uri_matches (const char *uri, gsize uri_len, const char *want, gsize want_len)
{
  if (uri_len == want_len)
    return memcmp (uri, want, want_len) == 0;
  /* "/feed.xml" also counts "/feed.xml?since=..." unless a query is given. */
  return uri_len > want_len && uri[want_len] == '?' &&
         memchr (want, '?', want_len) == NULL &&
         memcmp (uri, want, want_len) == 0;
}

guint
jk_test_nginx_count_requests (JkTestNginx *self, const char *path, int *last_status)
{
  g_autofree char *want = NULL;
  g_autofree char *log = NULL;
  g_auto (GStrv) lines = NULL;
  guint count = 0;
  int status = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (path != NULL, 0);

  want = path[0] == '/' ? g_strdup (path) : g_strconcat ("/", path, NULL);
  if (self->pid > 0)
    {
      sync_with_worker (self);
      log = jk_test_read_text (self->access_log);
    }
  else
    {
      log = g_strdup ("");  /* stopped: the log went with the private dir */
    }

  lines = g_strsplit (log, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* "$request_uri $status $body_bytes_sent" */
      const char *line = lines[i];
      const char *space = strchr (line, ' ');

      if (space == NULL)
        continue;
      if (uri_matches (line, (gsize) (space - line), want, strlen (want)))
        {
          count++;
          status = (int) g_ascii_strtoll (space + 1, NULL, 10);
        }
    }

  if (last_status != NULL)
    *last_status = status;
  return count;
}
