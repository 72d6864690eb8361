/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-fit.c: every screen at the kiosk screen sizes, in both themes and
 * both languages, photographed and measured: nothing that can be touched
 * is cut off, outside the window or under the keyboard; targets are big
 * enough and apart; text, control borders and focus rings stand out */

#include <glib/gstdio.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-sync.h>
#include <jobkiosk/jk-visit.h>

#include "shell/jk-application.h"
#include "careers/jk-careers-page.h"
#include "shell/jk-info-page.h"
#include "jobs/jk-job-card.h"
#include "jobs/jk-job-page.h"
#include "jobs/jk-list-page.h"
#include "jobs/jk-log-page.h"
#include "jobs/jk-search-page.h"
#include "print/jk-print-page.h"
#include "jk-test-layout.h"
#include "jk-test-log.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"

static JkApplication *app;
static JkWindow *window;
static JkClock *fake_clock;

/* The screens a kiosk really has: cage's 1280x720 and the 1920x1080 the
 * kiosk is made for in every theme and language; two laptop-like sizes in
 * the default look. */
static const struct {
  int width, height;
  gboolean every_look;
} sizes[] = {
  { 1280, 720, TRUE },
  { 1920, 1080, TRUE },
  { 1280, 800, FALSE },
  { 1366, 768, FALSE },
};

static const struct {
  const char *name;
  gboolean high_contrast_large_text;
} themes[] = {
  { "normal", FALSE },
  { "large-hc", TRUE },
};

static const struct {
  const char *code;
  const char *button;
} languages[] = {
  { "en", "English" },
  { "es", "Español" },
};

/* A check of its own that one screen adds to the matrix. */
typedef void (*ExtraCheck) (const char *where,
                            GPtrArray  *failures);

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

#define click(name) jk_test_click (GTK_WIDGET (window), (name))

static void
search_for (const char *what)
{
  jk_search_page_set_text (jk_test_search_page (window), what, NULL);
  jk_search_page_search_now (jk_test_search_page (window));
  jk_test_wait_until (jk_test_search_idle, window, 10000);
}

static void
open_line_cook (void)
{
  GtkListBoxRow *row;

  jk_window_show_page (window, &jk_search_page_info);
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  search_for ("cook");
  row = jk_search_page_get_result (jk_test_search_page (window), 0);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "job");
}

static gboolean
keyboard_revealed (gpointer data)
{
  GtkWidget *keyboard = GTK_WIDGET (jk_window_get_keyboard (window));

  return keyboard != NULL && gtk_revealer_get_child_revealed (GTK_REVEALER (gtk_widget_get_parent (keyboard)));
}

static gboolean
rendered (gpointer data)
{
  return !jk_print_page_is_rendering (JK_PRINT_PAGE (jk_window_get_page (window, &jk_print_page_info)));
}

/* The saved screenshot and, beside it, the failures found on it. */
static void
save_shot (GdkPixbuf  *shot,
           const char *name)
{
  const char *dir = g_getenv ("JK_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (dir == NULL)
    dir = "screenshots";
  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_pixbuf_save (shot, path, "png", &error, NULL));
}

static void
save_report (const char *screen,
             GPtrArray  *failures)
{
  const char *dir = g_getenv ("JK_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr (GString) text = g_string_new (NULL);

  if (dir == NULL)
    dir = "screenshots";
  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/fit-%s.txt", dir, screen);
  for (guint i = 0; i < failures->len; i++)
    g_string_append_printf (text, "%s\n", (char *) failures->pdata[i]);
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
}

/* Shows the screen in every size, look and language of the matrix,
 * photographs and measures each; the screen was reached before. Fails
 * once, at the end, with every failure listed. */
static void
run_matrix (const char *screen,
            ExtraCheck  extra)
{
  JkSession *session = jk_window_get_session (window);
  g_autoptr (GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);
  const char *page = jk_window_get_page_name (window);

  for (gsize s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      jk_test_resize (GTK_WIDGET (window), sizes[s].width, sizes[s].height);
      for (gsize t = 0; t < G_N_ELEMENTS (themes); t++)
        for (gsize l = 0; l < G_N_ELEMENTS (languages); l++)
          {
            g_autofree char *where = NULL;
            g_autofree char *name = NULL;
            g_autoptr (GdkPixbuf) shot = NULL;

            if (!sizes[s].every_look && (t > 0 || l > 0))
              continue;
            jk_session_set_high_contrast (session, themes[t].high_contrast_large_text);
            jk_session_set_large_text (session, themes[t].high_contrast_large_text);
            /* By the visitor's button, unless a warning lies over the bar. */
            if (!g_str_equal (jk_session_get_language (session), languages[l].code))
              {
                if (gtk_widget_is_sensitive (jk_test_find_by_name (GTK_WIDGET (window), languages[l].button)))
                  click (languages[l].button);
                else
                  jk_session_set_language (session, languages[l].code);
              }
            jk_test_wait_until (jk_test_search_idle, window, 10000);
            g_assert_cmpstr (jk_window_get_page_name (window), ==, page);
            /* The screen's size again: a window grown for the last look
             * or language is not shrunk back by GTK on its own. */
            gtk_window_resize (GTK_WINDOW (window), sizes[s].width, sizes[s].height);
            jk_test_run_for (80);
            jk_test_wait_drawn (GTK_WIDGET (window));

            where = g_strdup_printf ("%s %dx%d %s %s", screen, sizes[s].width, sizes[s].height, themes[t].name,
                                     languages[l].code);
            name = g_strdup_printf ("fit-%s-%s-%s-%dx%d", screen, languages[l].code, themes[t].name,
                                    sizes[s].width, sizes[s].height);
            shot = jk_layout_capture (GTK_WIDGET (window));
            g_assert_nonnull (shot);
            save_shot (shot, name);
            jk_layout_check_fit (GTK_WIDGET (window), sizes[s].width, sizes[s].height, where, failures);
            jk_layout_check_targets (GTK_WIDGET (window), where, failures);
            jk_layout_check_contrast (GTK_WIDGET (window), shot, where, failures);
            if (extra != NULL)
              extra (where, failures);
          }
    }
  save_report (screen, failures);
  for (guint i = 0; i < failures->len; i++)
    g_test_message ("%s", (char *) failures->pdata[i]);
  if (failures->len > 0)
    g_test_fail_printf ("%s: %u failures (listed above, and in fit-%s.txt beside the screenshots)", screen,
                        failures->len, screen);
  jk_test_resize (GTK_WIDGET (window), 1920, 1080);
}

/* While typing, the keyboard stays open and at least three result cards
 * show whole above it. */
static void
check_cards_while_typing (const char *where,
                          GPtrArray  *failures)
{
  JkSearchPage *page = jk_test_search_page (window);
  GdkRectangle keyboard;
  guint whole = 0;

  if (!jk_window_get_keyboard_shown (window) || !jk_layout_keyboard_rect (GTK_WIDGET (window), &keyboard))
    {
      g_ptr_array_add (failures, g_strdup_printf ("%s: keyboard: closed while the visitor types", where));
      return;
    }
  for (guint i = 0; i < jk_search_page_get_n_shown (page); i++)
    {
      GtkWidget *row = GTK_WIDGET (jk_search_page_get_result (page, i));
      JkSight sight;

      if (!gtk_widget_get_mapped (row))
        continue;
      jk_layout_sight (row, 0, 0, &sight);
      if (sight.clipper == NULL && sight.cover == NULL && gdk_rectangle_equal (&sight.rect, &sight.visible)
          && !gdk_rectangle_intersect (&sight.visible, &keyboard, NULL))
        whole++;
    }
  if (whole < 3)
    g_ptr_array_add (failures, g_strdup_printf ("%s: keyboard: %u result cards show whole above the keyboard "
                                                "while typing, needs 3 (%u results)", where, whole,
                                                jk_search_page_get_n_shown (page)));
}

static void
check_warning_shown (const char *where,
                     GPtrArray  *failures)
{
  if (!gtk_widget_get_visible (jk_window_get_idle_warning (window)))
    g_ptr_array_add (failures, g_strdup_printf ("%s: idle warning: no longer shown", where));
}

/* ---------------------------------------------------------------------- */
/* Tests: one per screen                                                  */

static void
test_home (void)
{
  jk_test_fresh_visit (window);
  run_matrix ("home", NULL);
}

static void
test_search_results (void)
{
  jk_test_fresh_visit (window);
  click ("Find a job");
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  g_assert_cmpint (jk_search_page_get_count (jk_test_search_page (window)), >, 3);
  run_matrix ("search-results", NULL);
}

static void
test_search_keyboard (void)
{
  JkSearchPage *page;
  GtkWidget *entry;

  jk_test_fresh_visit (window);
  click ("Find a job");
  page = jk_test_search_page (window);
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  entry = jk_test_find_by_type (GTK_WIDGET (page), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  gtk_widget_grab_focus (entry);
  g_assert_true (jk_window_get_keyboard_shown (window));
  for (const char *key = "cook"; *key != '\0'; key++)
    {
      char letter[2] = { *key, '\0' };
      g_assert_true (jk_keyboard_press (jk_window_get_keyboard (window), letter));
    }
  jk_search_page_search_now (page);
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  jk_test_wait_until (keyboard_revealed, NULL, 5000);
  g_assert_cmpint (jk_search_page_get_count (page), >=, 2);
  run_matrix ("search-keyboard", check_cards_while_typing);
}

static void
test_job (void)
{
  jk_test_fresh_visit (window);
  open_line_cook ();
  run_matrix ("job", NULL);
}

static void
test_my_list (void)
{
  jk_test_fresh_visit (window);
  open_line_cook ();
  click ("Save to my list");
  jk_window_show_page (window, &jk_list_page_info);
  g_assert_cmpuint (jk_visit_get_saved_jobs (jk_window_get_session (window))->len, ==, 1);
  run_matrix ("my-list", NULL);
}

static void
test_print (void)
{
  jk_test_fresh_visit (window);
  open_line_cook ();
  click ("Print this job");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "print");
  jk_test_wait_until (rendered, NULL, 10000);
  /* The printer check (no printer here) answers quickly; let it. */
  jk_test_run_for (300);
  run_matrix ("print", NULL);
}

static void
test_log (void)
{
  jk_test_fresh_visit (window);
  open_line_cook ();
  click ("I applied / I contacted this employer");
  click ("Add to my log");
  g_assert_cmpuint (jk_visit_get_log (jk_window_get_session (window))->len, ==, 1);
  jk_window_show_page (window, &jk_log_page_info);
  run_matrix ("log", NULL);
}

static void
test_log_form (void)
{
  jk_test_fresh_visit (window);
  open_line_cook ();
  click ("I applied / I contacted this employer");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "logform");
  run_matrix ("log-form", NULL);
}

static void
test_idle_warning (void)
{
  jk_test_fresh_visit (window);
  open_line_cook ();
  jk_idle_monitor_poke (jk_window_get_idle_monitor (window));
  jk_clock_advance (fake_clock, jk_idle_monitor_get_timeout (jk_window_get_idle_monitor (window)) * G_USEC_PER_SEC);
  g_assert_true (gtk_widget_get_visible (jk_window_get_idle_warning (window)));
  run_matrix ("idle-warning", check_warning_shown);
  click ("I need more time");
}

static void
test_placeholder (gconstpointer data)
{
  const JkPageInfo *info = data;

  jk_test_fresh_visit (window);
  jk_window_show_page (window, info);
  run_matrix (info->name, NULL);
}

/* ---------------------------------------------------------------------- */
/* Set-up                                                                 */

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GDateTime) start = g_date_time_new_local (2026, 11, 22, 9, 40, 0);
  JkTestKiosk kiosk;
  int status;
  /* Every screen is measured even when one fails, so the list is whole. */
  g_autofree char **args = g_new0 (char *, argc + 2);
  int n_args = argc + 1;

  args[0] = argv[0];
  args[1] = (char *) "--keep-going";
  for (int i = 1; i < argc; i++)
    args[i + 1] = argv[i];
  argv = args;
  argc = n_args;

  /* No printer: a closed port on loopback answers at once, as a kiosk
   * whose printer is off would, and the print page shows why. */
  g_setenv ("CUPS_SERVER", "127.0.0.1:9", TRUE);
  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();
  jk_i18n_init ();
  jk_test_require_display ();

  fake_clock = jk_clock_new_fake (start);
  jk_test_kiosk_start (&kiosk, "jk-ui-fit-XXXXXX", fake_clock);
  app = kiosk.app;
  window = kiosk.window;
  jk_test_kiosk_sync (&kiosk, NULL, g_date_time_to_unix (start));
  /* JK_FIT_EXTRA_CSS=file.css: style over the kiosk's, to try a colour or
   * size fix against these measurements before editing ui/. */
  if (g_getenv ("JK_FIT_EXTRA_CSS") != NULL)
    {
      g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();
      g_autoptr (GError) error = NULL;

      gtk_css_provider_load_from_path (provider, g_getenv ("JK_FIT_EXTRA_CSS"), &error);
      g_assert_no_error (error);
      gtk_style_context_add_provider_for_screen (gdk_screen_get_default (), GTK_STYLE_PROVIDER (provider),
                                                 GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_present (GTK_WINDOW (window));
  jk_test_wait_drawn (GTK_WIDGET (window));

  g_test_add_func ("/fit/home", test_home);
  g_test_add_func ("/fit/search-results", test_search_results);
  g_test_add_func ("/fit/search-keyboard", test_search_keyboard);
  g_test_add_func ("/fit/job", test_job);
  g_test_add_func ("/fit/my-list", test_my_list);
  g_test_add_func ("/fit/print", test_print);
  g_test_add_func ("/fit/log", test_log);
  g_test_add_func ("/fit/log-form", test_log_form);
  g_test_add_func ("/fit/idle-warning", test_idle_warning);
  g_test_add_data_func ("/fit/careers", &jk_careers_page_info, test_placeholder);
  g_test_add_data_func ("/fit/resume", &jk_resume_page_info, test_placeholder);
  g_test_add_data_func ("/fit/checkin", &jk_check_in_page_info, test_placeholder);
  status = g_test_run ();

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (app);
  g_object_unref (fake_clock);
  jk_test_remove_tree (kiosk.state_dir);
  g_free (kiosk.state_dir);
  return status;
}
