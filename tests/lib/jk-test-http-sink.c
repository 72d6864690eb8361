/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-http-sink.c: runs jk_test_http_sink.py on loopback and reads back what it received */

#include "jk-test-http-sink.h"
#include "jk-test-proc.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#define START_TIMEOUT_US (10 * G_USEC_PER_SEC)
#define POLL_INTERVAL_US (10 * 1000)

struct _JkTestHttpSink {
  GPid pid;        /* 0 while down */
  guint16 port;
  char *folder;
  gboolean at_exit;
};

static void
stop_at_exit (gpointer sink)
{
  jk_test_http_sink_stop (sink);
}

JkTestHttpSink *
jk_test_http_sink_start (guint16 port)
{
  JkTestHttpSink *self = g_new0 (JkTestHttpSink, 1);
  g_autoptr (GError) error = NULL;

  self->port = port != 0 ? port : jk_test_pick_free_port ();
  self->folder = g_dir_make_tmp ("jk-test-http-XXXXXX", &error);
  g_assert_no_error (error);
  jk_test_http_sink_up (self);
  return self;
}

void
jk_test_http_sink_up (JkTestHttpSink *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *script = NULL;
  g_autofree char *port = g_strdup_printf ("%u", (guint) self->port);
  const char *python = g_getenv ("JK_TEST_PYTHON") != NULL ? g_getenv ("JK_TEST_PYTHON") : "/usr/bin/python3";
  gint64 deadline;

  if (self->pid != 0)
    return;
  script = g_build_filename (g_getenv ("G_TEST_SRCDIR") != NULL ? g_getenv ("G_TEST_SRCDIR") : ".", "lib",
                             "jk_test_http_sink.py", NULL);
  {
    const char *argv[] = { python, script, self->folder, port, NULL };

    if (!g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                        jk_test_child_setup, GINT_TO_POINTER ((int) getpid ()), &self->pid, &error))
      g_error ("jk-test-http-sink: cannot start %s: %s", python, error->message);
  }
  deadline = g_get_monotonic_time () + START_TIMEOUT_US;
  while (!jk_test_port_accepts (self->port))
    {
      if (jk_test_wait_for_exit (self->pid, 0))
        g_error ("jk-test-http-sink: the receiver exited before it listened on port %u", (guint) self->port);
      if (g_get_monotonic_time () > deadline)
        g_error ("jk-test-http-sink: the receiver did not listen on port %u within 10 s", (guint) self->port);
      g_usleep (POLL_INTERVAL_US);
    }
  if (!self->at_exit)
    jk_test_stop_at_exit (self, stop_at_exit);
  self->at_exit = TRUE;
}

void
jk_test_http_sink_down (JkTestHttpSink *self)
{
  if (self == NULL || self->pid == 0)
    return;
  jk_test_terminate (self->pid, "http sink");
  self->pid = 0;
}

void
jk_test_http_sink_stop (JkTestHttpSink *self)
{
  if (self == NULL || self->folder == NULL)
    return;
  jk_test_http_sink_down (self);
  jk_test_remove_tree (self->folder);
  g_clear_pointer (&self->folder, g_free);
}

void
jk_test_http_sink_set_status (JkTestHttpSink *self,
                              guint           status)
{
  g_autofree char *path = g_build_filename (self->folder, "status", NULL);
  g_autofree char *text = g_strdup_printf ("%u\n", status);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

char *
jk_test_http_sink_get_url (JkTestHttpSink *self,
                           const char     *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", (guint) self->port, path);
}

guint
jk_test_http_sink_count (JkTestHttpSink *self)
{
  g_autoptr (GDir) dir = g_dir_open (self->folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".body"))
      n++;
  return n;
}

guint
jk_test_http_sink_wait (JkTestHttpSink *self,
                        guint           n,
                        guint           timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint count;

  while ((count = jk_test_http_sink_count (self)) < n && g_get_monotonic_time () < deadline)
    g_usleep (POLL_INTERVAL_US);
  return count;
}

char *
jk_test_http_sink_body (JkTestHttpSink *self,
                        guint           index)
{
  g_autofree char *name = g_strdup_printf ("%03u.body", index);
  g_autofree char *path = g_build_filename (self->folder, name, NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

char *
jk_test_http_sink_header (JkTestHttpSink *self,
                          guint           index,
                          const char     *header)
{
  g_autofree char *name = g_strdup_printf ("%03u.headers", index);
  g_autofree char *path = g_build_filename (self->folder, name, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s: ", header);
  g_auto (GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i] + strlen (prefix));
  return NULL;
}
