/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-speech.c: speech as a visitor who cannot see the screen meets it,
 * with the real speech-dispatcher and espeak-ng speaking into a private
 * PulseAudio null sink:
 *   - a focus change to the speech request handed to speech-dispatcher
 *     (target p95 under 50 ms), against the floor of a line handed to
 *     the speaker directly, with no window in between;
 *   - the window's frames while scrolling results with speech reading
 *     them aloud, against the same scroll with speech off (target: no
 *     worse).
 * Figures, never a pass or fail on a timer. JK_BENCH_SIZE=tiny makes it
 * short enough for the test suite. */

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-speaker-spd.h>

#include "jobs/jk-search-page.h"
#include "shell/jk-application.h"
#include "jk-bench-cache.h"
#include "jk-bench-stats.h"
#include "jk-test-proc.h"
#include "jk-test-speechd.h"
#include "jk-test-ui-util.h"

static GArray *frame_times; /* after-paint, monotonic µs */

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (frame_times != NULL)
    g_array_append_val (frame_times, now);
}

/* Waits for the speaker to hand over one more request than count; the
 * time it did, or 0 after the timeout. */
static gint64
wait_handed (JkSpeakerSpd *speaker,
             guint         count)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  gint64 handed_at = 0;

  while (jk_speaker_spd_get_handed (speaker, &handed_at) <= count && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  return jk_speaker_spd_get_handed (speaker, &handed_at) > count ? handed_at : 0;
}

/* Until nothing more is handed over for a while: each measurement starts
 * with speech-dispatcher's queue from before handed over already. */
static void
wait_quiet (JkSpeakerSpd *speaker)
{
  guint count = jk_speaker_spd_get_handed (speaker, NULL);
  gint64 quiet_since = g_get_monotonic_time ();

  while (g_get_monotonic_time () - quiet_since < 150 * 1000)
    {
      guint now = jk_speaker_spd_get_handed (speaker, NULL);

      if (now != count)
        {
          count = now;
          quiet_since = g_get_monotonic_time ();
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
print_latencies (const char *what,
                 GArray     *latencies,
                 const char *target)
{
  printf ("  %s: median %.2f ms, p95 %.2f ms, worst %.2f ms over %u%s\n", what, jk_bench_percentile (latencies, 0.5),
          jk_bench_percentile (latencies, 0.95), jk_bench_percentile (latencies, 1.0), latencies->len, target);
}

/* Scrolls the results a step a frame for n_frames frames; the intervals
 * between frames, in ms. */
static GArray *
scroll_frames (JkWindow      *window,
               GtkAdjustment *adjustment,
               guint          n_frames)
{
  GArray *intervals = g_array_new (FALSE, FALSE, sizeof (double));
  double step = 60;

  frame_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (frame_times->len < n_frames)
    {
      guint before = frame_times->len;
      gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;
      double value = gtk_adjustment_get_value (adjustment) + step;

      /* Down the list and back, so the scroll never runs out of rows. */
      if (value + gtk_adjustment_get_page_size (adjustment) >= gtk_adjustment_get_upper (adjustment) || value <= 0)
        step = -step;
      gtk_adjustment_set_value (adjustment, value);
      gtk_widget_queue_draw (GTK_WIDGET (window));
      while (frame_times->len == before && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
    }
  for (guint i = 1; i < frame_times->len; i++)
    {
      double ms = (g_array_index (frame_times, gint64, i) - g_array_index (frame_times, gint64, i - 1)) / 1000.0;

      g_array_append_val (intervals, ms);
    }
  g_clear_pointer (&frame_times, g_array_unref);
  return intervals;
}

static void
print_frames (const char *what,
              GArray     *intervals)
{
  printf ("  %s: frame interval median %.1f ms, p95 %.1f ms, worst %.1f ms over %u frames\n", what,
          jk_bench_percentile (intervals, 0.5), jk_bench_percentile (intervals, 0.95),
          jk_bench_percentile (intervals, 1.0), intervals->len + 1);
}

int
main (int   argc,
      char *argv[])
{
  gboolean tiny = g_strcmp0 (g_getenv ("JK_BENCH_SIZE"), "tiny") == 0;
  guint n_jobs = tiny ? 2000 : 20000;
  guint n_focus = tiny ? 10 : 100;
  guint n_frames = tiny ? 60 : 600;
  g_autofree char *dir = g_dir_make_tmp ("jk-bench-speech-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "jobkiosk.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) focus_latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) direct_latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) quiet = NULL;
  g_autoptr (GArray) speaking = NULL;
  g_autoptr (GDateTime) start = g_date_time_new_now_local ();
  JkApplicationOptions options = { 0 };
  JkTestSpeechd *speechd;
  JkApplication *app;
  JkWindow *window;
  JkSearchPage *page;
  JkSpeech *speech;
  JkSpeakerSpd *speaker;
  GtkAdjustment *adjustment;
  JkStore *store;
  guint missed = 0;

  setvbuf (stdout, NULL, _IOLBF, 0);
  g_setenv ("GDK_GL", "disable", FALSE);
  jk_i18n_init ();
  jk_test_require_display ();
  speechd = jk_test_speechd_start ();

  store = jk_store_open (db, &error);
  g_assert_no_error (error);
  jk_bench_fill_cache (store, n_jobs, g_date_time_to_unix (start));
  /* The kiosk's own speaker: speech-dispatcher, the configured module. */
  app = jk_application_new (jk_config_new_defaults (), store, jk_clock_get_default (), &options);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  jk_application_load_style ();
  window = jk_application_create_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_present (GTK_WINDOW (window));
  jk_window_show_page (window, &jk_search_page_info);
  page = JK_SEARCH_PAGE (jk_window_get_page (window, &jk_search_page_info));
  jk_search_page_set_text (page, "", NULL);
  jk_search_page_search_now (page);
  while (jk_search_page_is_busy (page) || jk_search_page_get_n_shown (page) < 20)
    g_main_context_iteration (NULL, TRUE);
  jk_test_wait_drawn (GTK_WIDGET (window));
  speech = jk_application_get_speech (app);
  speaker = JK_SPEAKER_SPD (jk_speech_get_speaker (speech));
  adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (jk_search_page_get_results (page), GTK_TYPE_SCROLLED_WINDOW)));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint", G_CALLBACK (on_after_paint),
                    NULL);
  printf ("speech-dispatcher with espeak-ng into a PulseAudio null sink; %u postings, %u results loaded\n", n_jobs,
          jk_search_page_get_n_loaded (page));

  /* The floor: a line handed to the speaker directly (its thread, the
   * socket to speech-dispatcher). */
  jk_speaker_check (JK_SPEAKER (speaker), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_focus; i++)
    {
      guint count;
      gint64 t0, handed_at;

      wait_quiet (speaker);
      count = jk_speaker_spd_get_handed (speaker, NULL);
      t0 = g_get_monotonic_time ();
      jk_speaker_speak (JK_SPEAKER (speaker), JK_SPEAK_TEXT, "Line Cook, Hilltop Hardware", "en", JK_SPEAK_INTERRUPT);
      handed_at = wait_handed (speaker, count);
      if (handed_at != 0)
        {
          double ms = (handed_at - t0) / 1000.0;

          g_array_append_val (direct_latencies, ms);
        }
    }

  /* A focus change: from result to result, as Down on the keypad does. */
  jk_speech_set_active (speech, TRUE);
  for (guint i = 0; i < n_focus; i++)
    {
      GtkWidget *row = GTK_WIDGET (jk_search_page_get_result (page, i % MIN (20u, jk_search_page_get_n_shown (page))));
      guint count;
      gint64 t0, handed_at;

      wait_quiet (speaker);
      count = jk_speaker_spd_get_handed (speaker, NULL);
      t0 = g_get_monotonic_time ();
      gtk_widget_grab_focus (row);
      handed_at = wait_handed (speaker, count);
      if (handed_at == 0)
        missed++;
      else
        {
          double ms = (handed_at - t0) / 1000.0;

          g_array_append_val (focus_latencies, ms);
        }
    }
  printf ("focus change to the speech request handed to speech-dispatcher:\n");
  print_latencies ("a result's sentence after a focus change", focus_latencies, " (target: p95 under 50 ms)");
  print_latencies ("floor: a line handed to the speaker directly", direct_latencies, "");
  printf ("  ratio of the p95s: %.2fx; focus changes with nothing handed within 2 s: %u\n",
          jk_bench_percentile (focus_latencies, 0.95) / MAX (jk_bench_percentile (direct_latencies, 0.95), 0.001),
          missed);

  /* Frames: the same scroll, quiet and then while the results are read. */
  jk_speech_set_active (speech, FALSE);
  quiet = scroll_frames (window, adjustment, n_frames);
  jk_speech_set_active (speech, TRUE);
  jk_search_page_search_now (page);
  while (jk_search_page_is_busy (page))
    g_main_context_iteration (NULL, TRUE);
  speaking = scroll_frames (window, adjustment, n_frames);
  printf ("scrolling the results a step a frame:\n");
  print_frames ("speech off", quiet);
  print_frames ("speech reading the results aloud", speaking);
  printf ("  p95 with speech / without: %.2fx (target: no worse)\n",
          jk_bench_percentile (speaking, 0.95) / jk_bench_percentile (quiet, 0.95));

  jk_speech_set_active (speech, FALSE);
  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (app);
  jk_test_speechd_stop (speechd);
  jk_test_remove_tree (dir);
  return 0;
}
