/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-proc.c: processes, ports and folders for the tests' own servers */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "jk-test-proc.h"

/* Runs in the forked child before exec: only async-signal-safe calls. */
void
jk_test_child_setup (gpointer user_data)
{
  pid_t parent = (pid_t) GPOINTER_TO_INT (user_data);

  /* Own process group: if nginx ignores SIGTERM, stop() can SIGKILL the
   * master and its workers together without touching anything else. */
  setpgid (0, 0);
  /* abort() (g_error, failed g_assert) and kill -9 skip atexit handlers:
   * have the kernel send SIGTERM to nginx when the test dies. Linux-only.
   * It survives exec and fires when the *thread* that spawned nginx exits,
   * so start nginx from the test's main thread (or one that outlives it). */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
  /* The test may have died between fork and prctl. */
  if (getppid () != parent)
    _exit (127);
}

gboolean
jk_test_wait_for_exit (GPid pid, gint64 timeout_us)
{
  gint64 deadline = g_get_monotonic_time () + timeout_us;

  for (;;)
    {
      int status;
      pid_t r = waitpid (pid, &status, WNOHANG);

      if (r == pid || (r < 0 && errno == ECHILD))
        return TRUE;
      if (r < 0 && errno != EINTR)
        return TRUE;
      if (g_get_monotonic_time () >= deadline)
        return FALSE;
      g_usleep (10 * 1000);
    }
}

void
jk_test_remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          jk_test_remove_tree (child);
        }
      if (g_rmdir (path) != 0)
        g_warning ("jk-test: cannot remove %s: %s", path, g_strerror (errno));
    }
  else if (g_unlink (path) != 0)
    {
      g_warning ("jk-test: cannot remove %s: %s", path, g_strerror (errno));
    }
}

/* Binds 127.0.0.1:0, reads the port the kernel chose and releases it. Another
 * process can take it before nginx does: start() retries in that case. */
guint16
jk_test_pick_free_port (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSocket) sock = NULL;
  g_autoptr (GInetAddress) loopback = NULL;
  g_autoptr (GSocketAddress) any_port = NULL;
  g_autoptr (GSocketAddress) bound = NULL;
  guint16 port;

  sock = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                       G_SOCKET_PROTOCOL_TCP, &error);
  if (sock == NULL)
    g_error ("jk-test: socket: %s", error->message);
  loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  any_port = g_inet_socket_address_new (loopback, 0);
  if (!g_socket_bind (sock, any_port, FALSE, &error))
    g_error ("jk-test: bind 127.0.0.1:0: %s", error->message);
  bound = g_socket_get_local_address (sock, &error);
  if (bound == NULL)
    g_error ("jk-test: getsockname: %s", error->message);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (sock, NULL);
  return port;
}

char *
jk_test_read_text (const char *path)
{
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return g_strdup ("");
  return text;
}

void
jk_test_kill_group_and_reap (GPid pid)
{
  if (kill (-pid, SIGKILL) != 0)
    kill (pid, SIGKILL);
  jk_test_wait_for_exit (pid, 5 * G_USEC_PER_SEC);
}

void
jk_test_terminate (GPid        pid,
                   const char *name)
{
  kill (pid, SIGTERM);
  if (!jk_test_wait_for_exit (pid, 5 * G_USEC_PER_SEC))
    {
      g_warning ("jk-test: %s %d ignored SIGTERM for 5 s: SIGKILL", name, (int) pid);
      jk_test_kill_group_and_reap (pid);
    }
}

const char *
jk_test_server_program (const char *env_var,
                        const char *fallback,
                        const char *package)
{
  const char *env = g_getenv (env_var);
  const char *program = env != NULL && env[0] != '\0' ? env : fallback;

  if (!g_file_test (program, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("jk-test: %s is missing (apt-get install %s)", program, package);
  return program;
}

typedef struct {
  gpointer server;
  JkTestStopFunc stop;
} Running;

G_LOCK_DEFINE_STATIC (running);
static GArray *running;

static void
stop_all_at_exit (void)
{
  g_autoptr (GArray) copy = NULL;

  G_LOCK (running);
  if (running != NULL)
    copy = g_array_copy (running);
  G_UNLOCK (running);

  for (guint i = 0; copy != NULL && i < copy->len; i++)
    {
      Running *r = &g_array_index (copy, Running, i);

      r->stop (r->server);
    }
}

void
jk_test_stop_at_exit (gpointer       server,
                      JkTestStopFunc stop)
{
  static gsize atexit_once = 0;
  Running r = { server, stop };

  if (g_once_init_enter (&atexit_once))
    {
      atexit (stop_all_at_exit);
      g_once_init_leave (&atexit_once, 1);
    }
  G_LOCK (running);
  if (running == NULL)
    running = g_array_new (FALSE, FALSE, sizeof (Running));
  g_array_append_val (running, r);
  G_UNLOCK (running);
}

GBytes *
jk_test_read_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

gboolean
jk_test_port_accepts (guint16 port)
{
  g_autoptr (GSocket) sock = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) addr = g_inet_socket_address_new (loopback, port);
  gboolean ok;

  if (sock == NULL)
    return FALSE;
  ok = g_socket_connect (sock, addr, NULL, NULL);
  g_socket_close (sock, NULL);
  return ok;
}
