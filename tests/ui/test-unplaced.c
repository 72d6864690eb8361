/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-unplaced.c: postings whose feed names no place (or says "remote")
 * in the real window: a search from the kiosk's own area lists them after
 * the nearby ones, each card saying "Place not given" or "Remote" in the
 * visit's language, and a place far away stays out */

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-sync.h>

#include "shell/jk-application.h"
#include "jobs/jk-job-card.h"
#include "jobs/jk-search-page.h"
#include "jk-test-log.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"

static JkWindow *window;

/* The places the cards show, in the order listed. */
static GStrv
card_places (void)
{
  JkSearchPage *page = jk_test_search_page (window);
  g_autoptr (GStrvBuilder) places = g_strv_builder_new ();

  for (guint i = 0; i < jk_search_page_get_n_shown (page); i++)
    g_strv_builder_add (places, jk_job_card_get_place (JK_JOB_CARD (jk_search_page_get_result (page, i))));
  return g_strv_builder_end (places);
}

static void
search_everything (void)
{
  jk_window_show_page (window, &jk_search_page_info);
  jk_search_page_set_text (jk_test_search_page (window), "", NULL);
  jk_search_page_search_now (jk_test_search_page (window));
  jk_test_wait_until (jk_test_search_idle, window, 10000);
}

static void
test_after_nearby (void)
{
  const char *const english[] = { "Columbus, OH", "Place not given", "Remote", "Remote", NULL };
  const char *const spanish[] = { "Columbus, OH", "Lugar no indicado", "Trabajo a distancia", "Trabajo a distancia",
                                  NULL };
  g_auto (GStrv) places = NULL;
  g_auto (GStrv) places_es = NULL;

  jk_test_fresh_visit (window);
  search_everything ();
  places = card_places ();
  /* Near the kiosk first; then, by posting (newest first), those with no
   * place; Dayton, 70 miles away, not at all. */
  g_assert_cmpuint (g_strv_length (places), ==, 4);
  g_assert_cmpstr (places[0], ==, english[0]);
  for (guint i = 1; i < 4; i++)
    g_assert_true (g_strv_contains (english + 1, places[i]));
  g_assert_false (g_strv_contains ((const char *const *) places, "Dayton, OH"));
  jk_test_screenshot (GTK_WIDGET (window), "unplaced-en");

  jk_session_set_language (jk_window_get_session (window), "es");
  search_everything ();
  places_es = card_places ();
  g_assert_cmpuint (g_strv_length (places_es), ==, 4);
  for (guint i = 1; i < 4; i++)
    g_assert_true (g_strv_contains (spanish + 1, places_es[i]));
  jk_test_screenshot (GTK_WIDGET (window), "unplaced-es");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GDateTime) start = g_date_time_new_local (2026, 11, 22, 9, 40, 0);
  g_autofree char *path = NULL;
  g_autoptr (JkSource) source = NULL;
  JkClock *fake_clock;
  JkTestKiosk kiosk;
  int status;

  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();
  jk_i18n_init ();
  jk_test_require_display ();

  fake_clock = jk_clock_new_fake (start);
  jk_test_kiosk_start (&kiosk, "jk-ui-unplaced-XXXXXX", fake_clock);
  window = kiosk.window;
  path = g_test_build_filename (G_TEST_DIST, "data", "sync", "feed-unplaced.xml", NULL);
  source = jk_source_new ("Unplaced", path, JK_FEED_FORMAT_JOB_XML);
  g_assert_cmpint (jk_test_kiosk_sync (&kiosk, source, g_date_time_to_unix (start)), ==, 5);
  jk_test_show_window (window, 1280, 720);

  g_test_add_func ("/unplaced/after-nearby", test_after_nearby);
  status = g_test_run ();

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (kiosk.app);
  g_object_unref (fake_clock);
  jk_test_remove_tree (kiosk.state_dir);
  g_free (kiosk.state_dir);
  return status;
}
