/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-headphone-watch.c: the headphone jack's evdev records, fed through a FIFO */

#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <linux/input.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <jobkiosk/jk-headphone-watch.h>

#include "jk-test.h"
#include "jk-test-log.h"
#include "jk-test-proc.h"

typedef struct {
  char *dir;
  char *fifo;
  JkHeadphoneWatch *watch;
  int writer;
  guint plugged;
} Fixture;

static void
on_plugged (JkHeadphoneWatch *watch,
            Fixture          *fixture)
{
  fixture->plugged++;
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("jk-test-headphone-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->fifo = g_build_filename (fixture->dir, "event0", NULL);
  g_assert_cmpint (mkfifo (fixture->fifo, 0600), ==, 0);
  fixture->watch = jk_headphone_watch_new (fixture->fifo, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->watch);
  g_signal_connect (fixture->watch, "plugged", G_CALLBACK (on_plugged), fixture);
  /* The watch reads without blocking, so it is open before a writer is. */
  fixture->writer = g_open (fixture->fifo, O_WRONLY | O_CLOEXEC, 0);
  g_assert_cmpint (fixture->writer, >=, 0);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_clear_object (&fixture->watch);
  if (fixture->writer >= 0)
    close (fixture->writer);
  jk_test_remove_tree (fixture->dir);
  g_free (fixture->fifo);
  g_free (fixture->dir);
}

static void
write_bytes (Fixture    *fixture,
             const void *bytes,
             gsize       len)
{
  g_assert_cmpint (write (fixture->writer, bytes, len), ==, (gssize) len);
}

static void
write_event (Fixture *fixture,
             guint16  type,
             guint16  code,
             gint32   value)
{
  struct input_event event = { 0 };

  event.type = type;
  event.code = code;
  event.value = value;
  write_bytes (fixture, &event, sizeof event);
}

/* Runs the main context until the watch has read everything written: the
 * records it read are handled in the same dispatch. */
static void
drain (Fixture *fixture)
{
  int waiting = 1;

  while (waiting > 0)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (ioctl (fixture->writer, FIONREAD, &waiting), ==, 0);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_plug_once (Fixture      *fixture,
                gconstpointer data)
{
  /* What a jack reports: the switch, then a SYN_REPORT. */
  write_event (fixture, EV_SW, SW_HEADPHONE_INSERT, 1);
  write_event (fixture, EV_SYN, SYN_REPORT, 0);
  drain (fixture);
  g_assert_cmpuint (fixture->plugged, ==, 1);

  /* Unplugging, the microphone switch, a key and a line-out say nothing. */
  write_event (fixture, EV_SW, SW_HEADPHONE_INSERT, 0);
  write_event (fixture, EV_SYN, SYN_REPORT, 0);
  write_event (fixture, EV_SW, SW_MICROPHONE_INSERT, 1);
  write_event (fixture, EV_KEY, KEY_VOLUMEUP, 1);
  write_event (fixture, EV_SW, SW_LINEOUT_INSERT, 1);
  write_event (fixture, EV_KEY, SW_HEADPHONE_INSERT, 1);
  drain (fixture);
  g_assert_cmpuint (fixture->plugged, ==, 1);

  /* Plugged in again: once more. */
  write_event (fixture, EV_SW, SW_HEADPHONE_INSERT, 1);
  drain (fixture);
  g_assert_cmpuint (fixture->plugged, ==, 2);
}

static void
test_record_in_pieces (Fixture      *fixture,
                       gconstpointer data)
{
  struct input_event event = { 0 };
  const guint8 *bytes = (const guint8 *) &event;

  event.type = EV_SW;
  event.code = SW_HEADPHONE_INSERT;
  event.value = 1;
  write_bytes (fixture, bytes, 5);
  drain (fixture);
  g_assert_cmpuint (fixture->plugged, ==, 0);
  write_bytes (fixture, bytes + 5, sizeof event - 5);
  drain (fixture);
  g_assert_cmpuint (fixture->plugged, ==, 1);
}

static void
test_device_gone (Fixture      *fixture,
                  gconstpointer data)
{
  /* The writer closing is the device going away: the watch stops, without
   * a signal and without spinning on the hang-up. */
  write_event (fixture, EV_SW, SW_HEADPHONE_INSERT, 0);
  close (fixture->writer);
  fixture->writer = -1;
  jk_test_log_clear ();
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (jk_test_log_contains ("is gone"));
  g_assert_false (g_main_context_pending (NULL));
  g_assert_cmpuint (fixture->plugged, ==, 0);
}

static void
test_missing_device (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkHeadphoneWatch) watch = jk_headphone_watch_new ("/nonexistent/input/event99", &error);

  g_assert_null (watch);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/input/event99"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();

  JK_TEST_ADD ("/headphone-watch/plug-once", Fixture, test_plug_once);
  JK_TEST_ADD ("/headphone-watch/record-in-pieces", Fixture, test_record_in_pieces);
  JK_TEST_ADD ("/headphone-watch/device-gone", Fixture, test_device_gone);
  g_test_add_func ("/headphone-watch/missing-device", test_missing_device);
  return g_test_run ();
}
