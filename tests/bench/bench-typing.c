/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-typing.c: the typing test's keystroke to screen update (the target: under 16 ms): a key event
 * sent to the window while a passage is typed, until the next frame is painted. The floor, in the same window and
 * run: the same keys typed into a plain GtkEntry put under the page. Also the work alone (the key handled, the
 * frame laid out and painted), since the full figure includes the wait for the frame clock's next tick (about
 * 16.7 ms at 60 Hz, which the floor pays too). A fake clock, so the test's minute never
 * runs out; prints figures, never fails on a timer. JK_BENCH_SIZE=tiny types 20 keys. */

#include <jobkiosk/jk-i18n.h>
#include <stdio.h>

#include "shell/jk-application.h"
#include "typing/jk-typing-page.h"
#include "jk-bench-stats.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"

static gint64 painted_at;
static gint64 paint_began_at;
static guint32 key_time = 1000;
static double last_work;

static void
on_before_paint (GdkFrameClock *clock,
                 gpointer       user_data)
{
  paint_began_at = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted_at = g_get_monotonic_time ();
}

static void
send_key (GtkWidget   *window,
          guint        keyval,
          GdkEventType type)
{
  GdkDisplay *display = gtk_widget_get_display (window);
  GdkEvent *event = gdk_event_new (type);
  g_autofree GdkKeymapKey *keys = NULL;
  int n_keys = 0;

  event->key.window = g_object_ref (gtk_widget_get_window (window));
  event->key.send_event = TRUE;
  event->key.time = key_time;
  event->key.keyval = keyval;
  if (gdk_keymap_get_entries_for_keyval (gdk_keymap_get_for_display (display), keyval, &keys, &n_keys) && n_keys > 0)
    event->key.hardware_keycode = (guint16) keys[0].keycode;
  gdk_event_set_device (event, gdk_seat_get_keyboard (gdk_display_get_default_seat (display)));
  gtk_main_do_event (event);
  gdk_event_free (event);
}

/* ms from one key's press sent to the window until the next frame painted;
 * last_work: the part of it the kiosk works (handling the key, then the
 * frame's layout and paint), without the wait for the frame clock's tick. */
static double
key_to_paint (GtkWidget *window,
              gunichar   c)
{
  guint keyval = gdk_unicode_to_keyval (c);
  gint64 sent, handled;

  /* Nothing pending: the frame measured is the key's. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  painted_at = 0;
  key_time += 150;
  sent = g_get_monotonic_time ();
  send_key (window, keyval, GDK_KEY_PRESS);
  handled = g_get_monotonic_time ();
  while (painted_at == 0)
    g_main_context_iteration (NULL, TRUE);
  last_work = ((handled - sent) + (painted_at - paint_began_at)) / 1000.0;
  send_key (window, keyval, GDK_KEY_RELEASE);
  return (painted_at - sent) / 1000.0;
}

static void
type_into (GtkWidget  *window,
           const char *text,
           guint       n,
           GArray     *out,
           GArray     *work)
{
  const char *p = text;

  for (guint i = 0; i < n && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      double ms = key_to_paint (window, g_utf8_get_char (p));

      g_array_append_val (out, ms);
      g_array_append_val (work, last_work);
    }
}

static void
report (const char *what,
        GArray     *ms)
{
  printf ("  %s (%u keys): median %.2f ms, p95 %.2f ms, max %.2f ms\n", what, ms->len, jk_bench_percentile (ms, 0.5),
          jk_bench_percentile (ms, 0.95), jk_bench_percentile (ms, 1.0));
}

int
main (int   argc,
      char *argv[])
{
  gboolean tiny = g_strcmp0 (g_getenv ("JK_BENCH_SIZE"), "tiny") == 0;
  guint n = tiny ? 20 : 400;
  g_autofree char *dir = g_dir_make_tmp ("jk-bench-typing-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "jobkiosk.db", NULL);
  g_autoptr (GDateTime) start = g_date_time_new_local (2026, 11, 22, 9, 40, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) typing = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) typing_work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) floor_work = g_array_new (FALSE, FALSE, sizeof (double));
  JkApplicationOptions options = { 0 };
  JkConfig *config = jk_config_new_defaults ();
  JkClock *clock = jk_clock_new_fake (start);
  JkApplication *app;
  JkWindow *window;
  JkStore *store;
  JkTypingPage *page;
  GtkWidget *entry;
  const char *passage;

  setvbuf (stdout, NULL, _IOLBF, 0);
  g_setenv ("GDK_GL", "disable", FALSE);
  jk_i18n_init ();
  jk_test_require_display ();
  config->physical_keyboard = TRUE;
  store = jk_store_open (db, &error);
  g_assert_no_error (error);
  app = jk_application_new (config, store, clock, &options);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  jk_application_load_style ();
  window = jk_application_create_window (app);
  jk_test_show_window (window, 1280, 720);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint", G_CALLBACK (on_after_paint),
                    NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "before-paint", G_CALLBACK (on_before_paint),
                    NULL);

  jk_test_click (GTK_WIDGET (window), "Typing test");
  jk_test_run_for (50);
  page = JK_TYPING_PAGE (jk_window_get_page (window, &jk_typing_page_info));
  jk_test_click (GTK_WIDGET (window), "5 minutes");
  jk_test_run_for (50);
  passage = jk_typing_page_get_passage (page);
  g_assert_nonnull (passage);
  /* The floor's field is on the page from the start, so both are measured in the same layout. */
  entry = gtk_entry_new ();
  gtk_widget_show (entry);
  gtk_box_pack_end (GTK_BOX (page), entry, FALSE, FALSE, 0);
  jk_test_wait_drawn (GTK_WIDGET (window));

  gtk_widget_grab_focus (GTK_WIDGET (jk_typing_page_get_view (page)));
  type_into (GTK_WIDGET (window), passage, n, typing, typing_work);
  g_assert_null (jk_typing_page_get_result (page));
  gtk_widget_grab_focus (entry);
  type_into (GTK_WIDGET (window), passage, n, floor, floor_work);

  printf ("Typing test: a key sent to the window to the next frame painted, 1280x720 (target: under 16 ms):\n");
  report ("typing the passage", typing);
  report ("floor, a plain GtkEntry in the same window", floor);
  printf ("the work in that (the key handled, then the frame's layout and paint; no wait for the frame clock):\n");
  report ("typing the passage", typing_work);
  report ("floor, the plain GtkEntry", floor_work);
  printf ("ratio typing / floor at the median: %.2fx, at p95: %.2fx\n",
          jk_bench_percentile (floor, 0.5) > 0 ? jk_bench_percentile (typing, 0.5) / jk_bench_percentile (floor, 0.5)
                                                : 0,
          jk_bench_percentile (floor, 0.95) > 0
            ? jk_bench_percentile (typing, 0.95) / jk_bench_percentile (floor, 0.95) : 0);

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (app);
  g_object_unref (clock);
  jk_test_remove_tree (dir);
  return 0;
}
