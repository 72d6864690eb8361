/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-long-text.c: postings whose text no screen is wide enough for (a 20 KB
 * unbroken word, a 2 KB address, 300-character titles and employers) never
 * widen or lengthen the window: the results, the details page with its QR
 * code and buttons, my list and the log all stay inside it */

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-sync.h>
#include <jobkiosk/jk-visit.h>

#include "shell/jk-application.h"
#include "jobs/jk-job-card.h"
#include "jobs/jk-job-page.h"
#include "jobs/jk-list-page.h"
#include "jobs/jk-log-form-page.h"
#include "jobs/jk-log-page.h"
#include "print/jk-print-page.h"
#include "jobs/jk-search-page.h"
#include "widgets/jk-qr-code.h"
#include "jk-test-log.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"

/* The postings of tests/data/feeds/job-xml-long-text.xml, the only ones in the database. */
#define N_POSTINGS 6

static JkWindow *window;
static JkClock *fake_clock;
static JkStore *kiosk_store;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* The window is still the size it was given, and nothing in it asks for
 * more: a label whose shortest line is wider than the screen would make
 * GTK grow the window past it (and X refuse a window over 32767 px). */
static void
assert_window_size (int         width,
                    int         height,
                    const char *where)
{
  GtkWidget *widget = GTK_WIDGET (window);
  GdkWindow *gdk_window = gtk_widget_get_window (widget);
  int min_width, min_height;

  jk_test_wait_drawn (widget);
  gtk_widget_get_preferred_width (widget, &min_width, NULL);
  gtk_widget_get_preferred_height_for_width (widget, width, &min_height, NULL);
  if (min_width > width || min_height > height)
    g_error ("%s: the window asks for at least %dx%d on a %dx%d screen", where, min_width, min_height, width, height);
  if (gtk_widget_get_allocated_width (widget) != width || gtk_widget_get_allocated_height (widget) != height)
    g_error ("%s: the window is %dx%d, not %dx%d", where, gtk_widget_get_allocated_width (widget),
             gtk_widget_get_allocated_height (widget), width, height);
  g_assert_cmpint (gdk_window_get_width (gdk_window), ==, width);
  g_assert_cmpint (gdk_window_get_height (gdk_window), ==, height);
}

/* Shown, and wholly inside the window. */
static void
assert_inside (GtkWidget  *widget,
               const char *what)
{
  GtkWidget *top = GTK_WIDGET (window);
  int x = 0, y = 0;
  int width = gtk_widget_get_allocated_width (widget);
  int height = gtk_widget_get_allocated_height (widget);

  if (!gtk_widget_get_mapped (widget))
    g_error ("%s is not on screen (page %s)", what, jk_window_get_page_name (window));
  g_assert_true (gtk_widget_translate_coordinates (widget, top, 0, 0, &x, &y));
  if (x < 0 || y < 0 || x + width > gtk_widget_get_allocated_width (top)
      || y + height > gtk_widget_get_allocated_height (top) || width <= 0 || height <= 0)
    g_error ("%s is at %d,%d %dx%d, outside the %dx%d window (page %s)", what, x, y, width, height,
             gtk_widget_get_allocated_width (top), gtk_widget_get_allocated_height (top),
             jk_window_get_page_name (window));
}

static void
assert_named_inside (const char *accessible_name)
{
  GtkWidget *widget = jk_test_find_by_name (GTK_WIDGET (window), accessible_name);

  if (widget == NULL)
    g_error ("no visible widget named “%s” on page %s", accessible_name, jk_window_get_page_name (window));
  assert_inside (widget, accessible_name);
}

/* The frame every page has: Finish and Help stay reachable. */
static void
assert_shell_inside (void)
{
  assert_named_inside ("Finish and clear my information");
  assert_named_inside ("Help");
}

/* Every card in a list is no wider than the window, and the ones shown are
 * inside it horizontally (rows below the fold are scrolled to, not cut). */
static void
assert_cards_fit (GtkWidget *list)
{
  GList *rows = gtk_container_get_children (GTK_CONTAINER (list));
  guint n = 0;

  for (GList *l = rows; l != NULL; l = l->next)
    {
      GtkWidget *row = l->data;
      int x = 0, y = 0;

      if (!gtk_widget_get_mapped (row))
        continue;
      g_assert_true (gtk_widget_translate_coordinates (row, GTK_WIDGET (window), 0, 0, &x, &y));
      if (x < 0 || x + gtk_widget_get_allocated_width (row) > gtk_widget_get_allocated_width (GTK_WIDGET (window)))
        g_error ("a card is at x %d, %d px wide, past the window's edge", x, gtk_widget_get_allocated_width (row));
      n++;
    }
  g_list_free (rows);
  g_assert_cmpuint (n, >, 0);
}

typedef struct {
  const char *text;
  gboolean found;
} Holding;

/* The label's text less the invisible breaks (U+200B) the page may add. */
static void
find_holding_cb (GtkWidget *widget,
                 gpointer   user_data)
{
  Holding *holding = user_data;

  if (holding->found || !gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      g_auto (GStrv) parts = g_strsplit (gtk_label_get_text (GTK_LABEL (widget)), "\u200B", -1);
      g_autofree char *text = g_strjoinv ("", parts);

      holding->found = g_str_equal (text, holding->text);
    }
  else if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), find_holding_cb, holding);
}

/* Some label on the page holds the whole text, to scroll through. */
static void
assert_shown_whole (GtkWidget  *root,
                    const char *text)
{
  Holding holding = { text, FALSE };

  find_holding_cb (root, &holding);
  if (!holding.found)
    g_error ("no label holds the whole of “%.40s…” (%zu bytes)", text, strlen (text));
}

static void
search_all (void)
{
  jk_window_show_page (window, &jk_search_page_info);
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  jk_search_page_set_text (jk_test_search_page (window), "", "");
  jk_search_page_search_now (jk_test_search_page (window));
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  jk_test_wait_drawn (GTK_WIDGET (window));
  g_assert_cmpint (jk_search_page_get_count (jk_test_search_page (window)), ==, N_POSTINGS);
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

static void
run_at (int width,
        int height)
{
  g_autofree char *size = g_strdup_printf ("%dx%d", width, height);
  g_autofree char *shot = NULL;
  JkJobPage *job_page = JK_JOB_PAGE (jk_window_get_page (window, &jk_job_page_info));

  jk_test_fresh_visit (window);
  jk_test_resize (GTK_WIDGET (window), width, height);
  assert_window_size (width, height, "home");

  /* The suggestions under the search box are the most common titles: here
   * the 300-character one. */
  jk_window_show_page (window, &jk_search_page_info);
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  assert_window_size (width, height, "search page");
  assert_shell_inside ();
  shot = g_strdup_printf ("long-text-search-%s", size);
  jk_test_screenshot (GTK_WIDGET (window), shot);

  search_all ();
  assert_window_size (width, height, "results");
  assert_cards_fit (jk_search_page_get_results (jk_test_search_page (window)));
  assert_shell_inside ();
  g_free (shot);
  shot = g_strdup_printf ("long-text-results-%s", size);
  jk_test_screenshot (GTK_WIDGET (window), shot);

  for (guint i = 0; i < N_POSTINGS; i++)
    {
      GtkListBoxRow *row = jk_search_page_get_result (jk_test_search_page (window), i);
      const JkJobRecord *record;
      GtkWidget *qr;
      gint64 started;

      g_assert_nonnull (row);
      record = jk_job_card_get_record (JK_JOB_CARD (row));
      started = g_get_monotonic_time ();
      g_assert_true (jk_window_open_page (window, &jk_job_page_info, g_variant_new_int64 (record->id)));
      g_assert_cmpstr (jk_window_get_page_name (window), ==, "job");
      jk_test_wait_drawn (GTK_WIDGET (window));
      g_test_message ("job %" G_GINT64_FORMAT " at %s: shown in %" G_GINT64_FORMAT " ms", record->id, size,
                      (g_get_monotonic_time () - started) / 1000);
      g_free (shot);
      shot = g_strdup_printf ("long-text-job-%" G_GINT64_FORMAT "-%s", record->id, size);
      jk_test_screenshot (GTK_WIDGET (window), shot);
      assert_window_size (width, height, shot);
      assert_named_inside ("I applied / I contacted this employer");
      assert_named_inside ("Print this job");
      assert_named_inside ("Save to my list");
      assert_shell_inside ();
      qr = jk_test_find_by_type (GTK_WIDGET (job_page), JK_TYPE_QR_CODE);
      g_assert_nonnull (qr);
      g_assert_cmpstr (jk_qr_code_get_text (JK_QR_CODE (qr)), ==, record->job->apply_url);
      assert_inside (qr, "the QR code");
      /* The card's record has no description: the page reads the posting whole. */
      g_assert_nonnull (jk_job_page_get_record (job_page)->job->description);
      assert_shown_whole (GTK_WIDGET (job_page), jk_job_page_get_record (job_page)->job->description);

      /* Kept for my list and the log, which show the same text again. */
      jk_test_click (GTK_WIDGET (window), "Save to my list");
      jk_test_click (GTK_WIDGET (window), "I applied / I contacted this employer");
      assert_window_size (width, height, "log form");
      jk_test_click (GTK_WIDGET (window), "Add to my log");
      assert_window_size (width, height, "after adding to the log");
      jk_window_show_page (window, &jk_search_page_info);
      jk_test_wait_until (jk_test_search_idle, window, 10000);
    }
  g_assert_cmpuint (jk_visit_get_saved_jobs (jk_window_get_session (window))->len, ==, N_POSTINGS);
  g_assert_cmpuint (jk_visit_get_log (jk_window_get_session (window))->len, ==, N_POSTINGS);

  jk_window_show_page (window, &jk_list_page_info);
  assert_window_size (width, height, "my list");
  assert_named_inside ("Print my list");
  assert_shell_inside ();
  assert_cards_fit (jk_test_find_by_type (GTK_WIDGET (jk_window_get_page (window, &jk_list_page_info)),
                                          GTK_TYPE_LIST_BOX));
  /* The first job's "Remove" stays on the card, whatever its title. */
  {
    const JkJobRecord *first = jk_visit_get_saved_jobs (jk_window_get_session (window))->pdata[0];
    g_autofree char *remove = g_strdup_printf ("Remove %s", first->job->title);

    assert_named_inside (remove);
  }
  g_free (shot);
  shot = g_strdup_printf ("long-text-my-list-%s", size);
  jk_test_screenshot (GTK_WIDGET (window), shot);
  jk_test_click (GTK_WIDGET (window), "One QR code for all");
  assert_window_size (width, height, "my list with one QR code");
  /* These links are too long for one code: a sentence says so, in sight,
   * instead of an empty square. */
  {
    GtkWidget *qr = jk_test_find_by_name (GTK_WIDGET (window), "QR code with the links to all your saved jobs");
    GtkLabel *told = jk_test_find_label (GTK_WIDGET (window), "These links are too many for one QR code. Open each job "
                                                              "to scan its own code, or print your list.");

    if (qr != NULL && gtk_widget_get_mapped (qr))
      {
        g_assert_cmpint (jk_qr_code_get_size (JK_QR_CODE (qr)), >, 0);
        assert_inside (qr, "the QR code for all");
        g_assert_null (told);
      }
    else
      {
        g_assert_nonnull (told);
        assert_inside (GTK_WIDGET (told), "the sentence instead of the QR code");
      }
  }
  assert_named_inside ("Print my list");
  assert_shell_inside ();
  g_free (shot);
  shot = g_strdup_printf ("long-text-my-list-qr-%s", size);
  jk_test_screenshot (GTK_WIDGET (window), shot);

  jk_window_show_page (window, &jk_log_page_info);
  assert_window_size (width, height, "the log");
  assert_shell_inside ();
  g_free (shot);
  shot = g_strdup_printf ("long-text-log-%s", size);
  jk_test_screenshot (GTK_WIDGET (window), shot);

  jk_test_fresh_visit (window);
}

static void
test_small_screen (void)
{
  run_at (1280, 720);
}

static void
test_large_screen (void)
{
  run_at (1920, 1080);
}

/* The job page with each long posting, its print page and the log that
 * holds them all, on the page alone: sized on the page (the window is
 * never made smaller than the page it shows), the page asks for no more
 * than the screen and its action row is inside the window. */
static void
assert_page_inside (JkPage     *page,
                    int         width,
                    int         height,
                    const char *where)
{
  GtkWidget *action = jk_page_get_main_action (page);
  GtkWidget *row = gtk_widget_get_parent (action);
  GList *buttons = gtk_container_get_children (GTK_CONTAINER (row));
  int min_width, min_height;

  jk_test_resize (GTK_WIDGET (window), width, height);
  gtk_widget_get_preferred_width (GTK_WIDGET (page), &min_width, NULL);
  gtk_widget_get_preferred_height_for_width (GTK_WIDGET (page), gtk_widget_get_allocated_width (GTK_WIDGET (page)),
                                             &min_height, NULL);
  if (min_width > width || min_height > gtk_widget_get_allocated_height (GTK_WIDGET (page)))
    g_error ("%s: the page asks for %dx%d and has %dx%d", where, min_width, min_height,
             gtk_widget_get_allocated_width (GTK_WIDGET (page)), gtk_widget_get_allocated_height (GTK_WIDGET (page)));
  if (gtk_widget_get_allocated_height (GTK_WIDGET (window)) != height)
    g_test_message ("%s: the window is %d px tall on a %d px screen (its bars are the shell's)", where,
                    gtk_widget_get_allocated_height (GTK_WIDGET (window)), height);
  for (GList *l = buttons; l != NULL; l = l->next)
    if (GTK_IS_BUTTON (l->data) && gtk_widget_get_visible (l->data))
      assert_inside (l->data, where);
  g_list_free (buttons);
}

static void
run_job_pages_at (int width,
                  int height)
{
  g_autofree char *size = g_strdup_printf ("%dx%d", width, height);
  JkSearchQuery query = { .limit = N_POSTINGS, .now = g_date_time_to_unix (jk_clock_now_local (fake_clock)) };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = jk_search_jobs (kiosk_store, &query, &error);
  JkPage *job_page = jk_window_get_page (window, &jk_job_page_info);
  JkPage *print_page = JK_PAGE (jk_application_get_print_page (JK_APPLICATION (
    gtk_window_get_application (GTK_WINDOW (window)))));

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, N_POSTINGS);
  jk_test_fresh_visit (window);
  for (guint i = 0; i < records->len; i++)
    {
      const JkJobRecord *record = records->pdata[i];
      g_autofree char *where = g_strdup_printf ("job page %" G_GINT64_FORMAT " at %s", record->id, size);
      g_autofree char *shot = g_strdup_printf ("long-text-job-page-%" G_GINT64_FORMAT "-%s", record->id, size);

      g_assert_true (jk_window_open_page (window, &jk_job_page_info, g_variant_new_int64 (record->id)));
      assert_page_inside (job_page, width, height, where);
      jk_test_screenshot (GTK_WIDGET (window), shot);
      jk_test_click (GTK_WIDGET (window), "Save to my list");
      jk_test_click (GTK_WIDGET (window), "I applied / I contacted this employer");
      g_free (where);
      where = g_strdup_printf ("log form for %" G_GINT64_FORMAT " at %s", record->id, size);
      assert_page_inside (jk_window_get_page (window, &jk_log_form_page_info), width, height, where);
      jk_test_click (GTK_WIDGET (window), "Add to my log");
    }
  jk_window_show_page (window, &jk_log_page_info);
  assert_page_inside (jk_window_get_page (window, &jk_log_page_info), width, height, "the log");
  g_free (g_steal_pointer (&size));
  size = g_strdup_printf ("long-text-log-page-%dx%d", width, height);
  jk_test_screenshot (GTK_WIDGET (window), size);

  g_assert_true (jk_window_open_page (window, &jk_job_page_info,
                                      g_variant_new_int64 (((JkJobRecord *) records->pdata[0])->id)));
  jk_test_click (GTK_WIDGET (window), "Print this job");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "print");
  assert_page_inside (print_page, width, height, "the print page");
  jk_test_fresh_visit (window);
}

static void
test_job_pages_small (void)
{
  run_job_pages_at (1280, 720);
}

static void
test_job_pages_large (void)
{
  run_job_pages_at (1920, 1080);
}

/* ---------------------------------------------------------------------- */
/* Set-up                                                                 */

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GDateTime) start = g_date_time_new_local (2026, 11, 22, 9, 40, 0);
  JkTestKiosk kiosk;
  JkApplication *app;
  int status;

  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();
  jk_i18n_init ();
  jk_test_require_display ();

  fake_clock = jk_clock_new_fake (start);
  jk_test_kiosk_start (&kiosk, "jk-ui-long-text-XXXXXX", fake_clock);
  app = kiosk.app;
  window = kiosk.window;
  kiosk_store = kiosk.store;
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", "job-xml-long-text.xml", NULL);
    g_autoptr (JkSource) source = jk_source_new ("Long text", path, JK_FEED_FORMAT_JOB_XML);

    g_assert_cmpint (jk_test_kiosk_sync (&kiosk, source, g_date_time_to_unix (start)), ==, N_POSTINGS);
  }
  jk_test_show_window (window, 1280, 720);

  g_test_add_func ("/long-text/1280x720", test_small_screen);
  g_test_add_func ("/long-text/1920x1080", test_large_screen);
  g_test_add_func ("/long-text/job-pages/1280x720", test_job_pages_small);
  g_test_add_func ("/long-text/job-pages/1920x1080", test_job_pages_large);
  status = g_test_run ();

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (app);
  g_object_unref (fake_clock);
  jk_test_remove_tree (kiosk.state_dir);
  g_free (kiosk.state_dir);
  return status;
}
