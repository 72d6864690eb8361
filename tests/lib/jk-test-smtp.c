/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-smtp.c: runs Debian's aiosmtpd on loopback, writing each message it receives to a folder */

#include "jk-test-proc.h"
#include "jk-test-smtp.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <unistd.h>

#define START_TIMEOUT_US (10 * G_USEC_PER_SEC)
#define POLL_INTERVAL_US (20 * 1000)

struct _JkTestSmtp {
  GPid pid;        /* 0 once stopped */
  guint16 port;
  char *folder;    /* private: the messages, and aiosmtpd's output */
};

static void
stop_at_exit (gpointer server)
{
  jk_test_smtp_stop (server);
}

JkTestSmtp *
jk_test_smtp_start (guint16 port)
{
  JkTestSmtp *self = g_new0 (JkTestSmtp, 1);
  g_autoptr (GError) error = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *srcdir = NULL;
  g_autofree char *python = g_strdup (g_getenv ("JK_TEST_PYTHON"));
  g_auto (GStrv) env = g_get_environ ();
  gint64 deadline;

  if (python == NULL)
    python = g_strdup ("/usr/bin/python3");
  self->port = port != 0 ? port : jk_test_pick_free_port ();
  self->folder = g_dir_make_tmp ("jk-test-smtp-XXXXXX", &error);
  g_assert_no_error (error);
  listen = g_strdup_printf ("127.0.0.1:%u", (guint) self->port);
  /* The handler module sits in tests/lib of the source tree. */
  srcdir = g_build_filename (g_getenv ("G_TEST_SRCDIR") != NULL ? g_getenv ("G_TEST_SRCDIR") : ".", "lib", NULL);
  env = g_environ_setenv (env, "PYTHONPATH", srcdir, TRUE);
  env = g_environ_setenv (env, "PYTHONDONTWRITEBYTECODE", "1", TRUE);
  {
    const char *argv[] = { python, "-m", "aiosmtpd", "-n", "-l", listen, "-c", "jk_test_smtp_sink.Sink",
                           self->folder, NULL };

    if (!g_spawn_async (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                        jk_test_child_setup, GINT_TO_POINTER ((int) getpid ()), &self->pid, &error))
      g_error ("jk-test-smtp: cannot start %s -m aiosmtpd: %s", python, error->message);
  }
  deadline = g_get_monotonic_time () + START_TIMEOUT_US;
  while (!jk_test_port_accepts (self->port))
    {
      if (jk_test_wait_for_exit (self->pid, 0))
        g_error ("jk-test-smtp: aiosmtpd exited before it listened on port %u (python3-aiosmtpd installed?)",
                 (guint) self->port);
      if (g_get_monotonic_time () > deadline)
        g_error ("jk-test-smtp: aiosmtpd did not listen on port %u within 10 s", (guint) self->port);
      g_usleep (POLL_INTERVAL_US);
    }
  jk_test_stop_at_exit (self, stop_at_exit);
  return self;
}

void
jk_test_smtp_stop (JkTestSmtp *self)
{
  if (self == NULL || self->pid == 0)
    return;
  jk_test_terminate (self->pid, "aiosmtpd");
  self->pid = 0;
  jk_test_remove_tree (self->folder);
}

guint16
jk_test_smtp_get_port (JkTestSmtp *self)
{
  return self->port;
}

guint
jk_test_smtp_count (JkTestSmtp *self)
{
  g_autoptr (GDir) dir = g_dir_open (self->folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && g_str_has_suffix (name, ".eml"))
      n++;
  return n;
}

guint
jk_test_smtp_wait (JkTestSmtp *self,
                   guint       n,
                   guint       timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint count;

  while ((count = jk_test_smtp_count (self)) < n && g_get_monotonic_time () < deadline)
    g_usleep (POLL_INTERVAL_US);
  return count;
}

GBytes *
jk_test_smtp_read (JkTestSmtp *self,
                   guint       index,
                   const char *what)
{
  g_autofree char *name = g_strdup_printf ("%03u.%s", index, what);
  g_autofree char *path = g_build_filename (self->folder, name, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  return jk_test_read_bytes (path);
}
