/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-search-ui.c: the job search screen over a big cache: keystroke to
 * first page of results drawn, frame times while scrolling 2 000 results,
 * and resident memory with them loaded. Prints figures; never fails on a
 * timer. JK_BENCH_SIZE=tiny uses 3 000 jobs so the benchmark keeps working;
 * JK_BENCH_JOBS sets another size (the 1 000 000-posting run). */

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-jobs.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "shell/jk-application.h"
#include "jobs/jk-search-page.h"
#include "jk-bench-cache.h"
#include "jk-bench-stats.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"

/* A frame of work this long leaves little of the 16.7 ms a frame has. */
#define HEAVY_FRAME_MS 12.0

static gboolean shown;
static gint64 drawn_at;
static gint64 before_paint_at;
static JkSearchPage *page;
static guint cards_before; /* on screen at the end of the frame before */
static GArray *frame_cards; /* cards added to the lists, per frame */
static GArray *frame_work; /* ms from the frame's start (before-paint) to the end of painting */
/* Where a frame's time went, to tell slow frames apart. */
static gint64 layout_start_at, layout_end_at, last_paint_at;
static guint pages_shown, pages_before;
typedef struct {
  double gap_ms;    /* from the frame before to this one's start: the main loop's other work */
  double update_ms; /* tick callbacks: the cards built */
  double layout_ms;
  double paint_ms;
  guint pages;     /* pages of results that arrived since the frame before */
  guint shown;     /* cards on screen after it */
} FrameParts;
static GArray *frame_parts;

static void
on_results_shown (JkSearchPage *results_page,
                  gpointer      user_data)
{
  shown = TRUE;
  pages_shown++;
}

static void
on_after_paint (GdkFrameClock *clock,
                GArray        *frames)
{
  gint64 now = g_get_monotonic_time ();

  drawn_at = now;
  if (frames != NULL)
    {
      double work = before_paint_at != 0 ? (now - before_paint_at) / 1000.0 : 0;
      guint cards = jk_search_page_get_n_shown (page) - cards_before;
      FrameParts parts = {
        .gap_ms = last_paint_at != 0 ? (before_paint_at - last_paint_at) / 1000.0 : 0,
        .update_ms = (layout_start_at - before_paint_at) / 1000.0,
        .layout_ms = (layout_end_at - layout_start_at) / 1000.0,
        .paint_ms = (now - layout_end_at) / 1000.0,
        .pages = pages_shown - pages_before,
        .shown = jk_search_page_get_n_shown (page),
      };

      g_array_append_val (frames, now);
      g_array_append_val (frame_work, work);
      g_array_append_val (frame_cards, cards);
      g_array_append_val (frame_parts, parts);
      cards_before += cards;
      pages_before = pages_shown;
      last_paint_at = now;
    }
}

static void
on_before_paint (GdkFrameClock *clock,
                 gpointer       user_data)
{
  before_paint_at = layout_start_at = layout_end_at = g_get_monotonic_time ();
}

/* After the update phase (animations, the cards added): layout begins. */
static void
on_update_done (GdkFrameClock *clock,
                gpointer       user_data)
{
  layout_start_at = layout_end_at = g_get_monotonic_time ();
}

static void
on_layout_done (GdkFrameClock *clock,
                gpointer       user_data)
{
  layout_end_at = g_get_monotonic_time ();
}

static long
rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

int
main (int   argc,
      char *argv[])
{
  gboolean tiny = g_strcmp0 (g_getenv ("JK_BENCH_SIZE"), "tiny") == 0;
  const char *jobs_env = g_getenv ("JK_BENCH_JOBS");
  guint n_jobs = jobs_env != NULL ? (guint) g_ascii_strtoull (jobs_env, NULL, 10) : tiny ? 3000 : 200000;
  guint n_keys = tiny ? 10 : 60;
  const char *const queries[] = { "c", "ca", "cas", "cash", "cashi", "cashier", "w", "we", "wel", "weld", "welder",
                                  "d", "dr", "dri", "driv", "driver", "line c", "line co", "line coo", "line cook" };
  g_autofree char *dir = g_dir_make_tmp ("jk-bench-ui-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "jobkiosk.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GPtrArray) first_round = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) frames = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) intervals = g_array_new (FALSE, FALSE, sizeof (double));
  JkApplicationOptions options = { 0 };
  g_autoptr (GDateTime) start = g_date_time_new_now_local ();
  JkApplication *app;
  JkWindow *window;
  GtkAdjustment *adjustment;
  GdkFrameClock *clock;
  JkStore *store;
  gint64 fill_start;
  double max_frame = 0;
  guint worst_frame = 0;
  long rss;

  setvbuf (stdout, NULL, _IOLBF, 0);
  /* As jobkiosk runs (see src/jobkiosk.c): no GLX probe. */
  g_setenv ("GDK_GL", "disable", FALSE);
  jk_i18n_init ();
  jk_test_require_display ();
  store = jk_store_open (db, &error);
  g_assert_no_error (error);
  fill_start = g_get_monotonic_time ();
  jk_bench_fill_cache (store, n_jobs, g_date_time_to_unix (start));
  printf ("cache: %u jobs (filled in %.1f s)\n", n_jobs, (g_get_monotonic_time () - fill_start) / 1e6);

  app = jk_application_new (jk_config_new_defaults (), store, jk_clock_get_default (), &options);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  jk_application_load_style ();
  window = jk_application_create_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_present (GTK_WINDOW (window));
  jk_window_show_page (window, &jk_search_page_info);
  page = JK_SEARCH_PAGE (jk_window_get_page (window, &jk_search_page_info));
  g_signal_connect (page, "results-shown", G_CALLBACK (on_results_shown), NULL);
  jk_test_wait_drawn (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);

  /* Keystroke to the first page of results on screen. */
  for (guint i = 0; i < n_keys; i++)
    {
      gint64 t0, deadline;

      shown = FALSE;
      t0 = g_get_monotonic_time ();
      deadline = t0 + 10 * G_USEC_PER_SEC;
      jk_search_page_set_text (page, queries[i % G_N_ELEMENTS (queries)], NULL);
      while (!shown && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      drawn_at = 0;
      while (drawn_at == 0 && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      {
        double ms = (drawn_at - t0) / 1000.0;
        g_array_append_val (latencies, ms);
        if (i < G_N_ELEMENTS (queries))
          {
            g_autofree char *line = g_strdup_printf ("“%s” %.0f ms", queries[i], ms);

            g_ptr_array_add (first_round, g_steal_pointer (&line));
          }
      }
    }
  printf ("keystroke to first page drawn (%u keystrokes, includes the 40 ms typing pause):\n", n_keys);
  printf ("  median %.1f ms, p95 %.1f ms (target: p95 under 100 ms)\n", jk_bench_percentile (latencies, 0.5),
          jk_bench_percentile (latencies, 0.95));
  g_ptr_array_add (first_round, NULL);
  {
    g_autofree char *each = g_strjoinv (", ", (char **) first_round->pdata);

    printf ("  each keystroke of the first round: %s\n", each);
  }
  /* The same words through the core alone, on this thread: what of a
   * keystroke is the query's, and what its count costs the other core. */
  {
    g_autoptr (GPtrArray) core = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        JkSearchQuery query = { .text = queries[i], .typing = TRUE, .limit = 20,
                                .now = g_date_time_to_unix (start) };
        g_autoptr (GPtrArray) records = NULL;
        gint64 t0 = g_get_monotonic_time (), t1;

        records = jk_search_jobs (store, &query, NULL);
        t1 = g_get_monotonic_time ();
        jk_search_count (store, &query, NULL);
        g_ptr_array_add (core, g_strdup_printf ("“%s” %.0f + %.0f ms", queries[i], (t1 - t0) / 1000.0,
                                                (g_get_monotonic_time () - t1) / 1000.0));
      }
    g_ptr_array_add (core, NULL);
    {
      g_autofree char *each = g_strjoinv (", ", (char **) core->pdata);

      printf ("  the core alone, first page + count: %s\n", each);
    }
  }

  /* Scroll through 2 000 results, a step per frame. */
  jk_search_page_set_text (page, "", NULL);
  jk_search_page_search_now (page);
  while (jk_search_page_is_busy (page))
    g_main_context_iteration (NULL, TRUE);
  adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (jk_search_page_get_results (page), GTK_TYPE_SCROLLED_WINDOW)));
  jk_test_wait_drawn (GTK_WIDGET (window));
  printf ("all jobs: %" G_GINT64_FORMAT " found, %u loaded; list %.0f px in a %.0f px view\n",
          jk_search_page_get_count (page), jk_search_page_get_n_loaded (page),
          gtk_adjustment_get_upper (adjustment), gtk_adjustment_get_page_size (adjustment));
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), frames);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  frame_work = g_array_new (FALSE, FALSE, sizeof (double));
  frame_cards = g_array_new (FALSE, FALSE, sizeof (guint));
  cards_before = jk_search_page_get_n_shown (page);
  pages_before = pages_shown;
  frame_parts = g_array_new (FALSE, FALSE, sizeof (FrameParts));
  g_signal_connect_after (clock, "update", G_CALLBACK (on_update_done), NULL);
  g_signal_connect_after (clock, "layout", G_CALLBACK (on_layout_done), NULL);
  for (guint stalled = 0; jk_search_page_get_n_loaded (page) < MIN (2000, n_jobs) && stalled < 200;)
    {
      guint before = jk_search_page_get_n_loaded (page);
      gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + 120);
      gtk_widget_queue_draw (GTK_WIDGET (window));
      drawn_at = 0;
      while (drawn_at == 0 && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, FALSE);
      stalled = jk_search_page_get_n_loaded (page) > before ? 0 : stalled + 1;
    }
  for (guint i = 1; i < frames->len; i++)
    {
      double ms = (g_array_index (frames, gint64, i) - g_array_index (frames, gint64, i - 1)) / 1000.0;
      if (ms > max_frame)
        worst_frame = i;
      max_frame = MAX (max_frame, ms);
      g_array_append_val (intervals, ms);
    }
  printf ("scrolling to %u loaded results (%u frames; the worst was frame %u, %.1f ms of it the window's own"
          " work from its start to the end of painting):\n",
          jk_search_page_get_n_loaded (page), frames->len, worst_frame,
          worst_frame < frame_work->len ? g_array_index (frame_work, double, worst_frame) : NAN);
  printf ("  frame interval median %.1f ms, p95 %.1f ms, worst %.1f ms (target: no frame over 32 ms)\n",
          jk_bench_percentile (intervals, 0.5), jk_bench_percentile (intervals, 0.95), max_frame);
  {
    g_autoptr (GArray) work = g_array_copy (frame_work);
    g_autoptr (GArray) early = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr (GArray) late = g_array_new (FALSE, FALSE, sizeof (double));

    /* The window's own work per frame, early in the list and late, to see
     * whether it grows with the number of cards. */
    for (guint i = 0; i < frame_work->len; i++)
      g_array_append_val (i < frame_work->len / 4 ? early : late, g_array_index (frame_work, double, i));
    printf ("  the window's own work per frame: median %.1f ms, p95 %.1f ms (first quarter of the frames: median %.1f ms;"
            " the rest: median %.1f ms)\n",
            jk_bench_percentile (work, 0.5), jk_bench_percentile (work, 0.95), jk_bench_percentile (early, 0.5),
            jk_bench_percentile (late, 0.5));
  }
  {
    guint heavy = 0, heavy_with_cards = 0;

    /* Which frames are slow: the ones that add cards, or any? */
    for (guint i = 0; i < frame_work->len; i++)
      if (g_array_index (frame_work, double, i) > HEAVY_FRAME_MS)
        {
          heavy++;
          if (g_array_index (frame_cards, guint, i) > 0)
            heavy_with_cards++;
        }
    printf ("  frames with over %.0f ms of the window's own work: %u, of which %u added cards\n", HEAVY_FRAME_MS, heavy,
            heavy_with_cards);
  }
  {
    /* The three longest intervals, and what their frames did. */
    g_autoptr (GArray) order = g_array_copy (intervals);

    g_array_sort (order, jk_bench_compare_doubles);
    printf ("  the longest frames:");
    for (guint k = 0; k < MIN (3, order->len); k++)
      {
        double wanted = g_array_index (order, double, order->len - 1 - k);

        /* intervals was sorted by jk_bench_percentile (): look in frames. */
        for (guint i = 1; i < frames->len; i++)
          if ((g_array_index (frames, gint64, i) - g_array_index (frames, gint64, i - 1)) / 1000.0 == wanted)
            {
              const FrameParts *parts = &g_array_index (frame_parts, FrameParts, i);

              printf ("%s %.1f ms (before it %.1f; own work %.1f: update %.1f, layout %.1f, paint %.1f; %u cards, %u pages"
                      " arrived, %u shown)",
                      k == 0 ? "" : ";", wanted, parts->gap_ms, g_array_index (frame_work, double, i), parts->update_ms,
                      parts->layout_ms, parts->paint_ms, g_array_index (frame_cards, guint, i), parts->pages,
                      parts->shown);
              break;
            }
      }
    printf ("\n");
  }
  rss = rss_kb ();
  printf ("resident memory with %u results loaded: %.1f MB (target: under 120 MB)\n", jk_search_page_get_n_loaded (page),
          rss / 1024.0);

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (app);
  jk_test_remove_tree (dir);
  return 0;
}
