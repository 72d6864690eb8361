/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-print.c: the job page, the print page, the log and the log form
 * in the real window, on the screens kiosks have, in both languages, with
 * normal and larger text: one scroller each, the main action always in
 * sight (and above the keyboard), the job's facts in plain words, and a
 * stopped printer explained on the print page at once, in the visit's
 * language */

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-sync.h>
#include <jobkiosk/jk-visit.h>

#include "shell/jk-application.h"
#include "jobs/jk-job-page.h"
#include "jobs/jk-log-form-page.h"
#include "jobs/jk-log-page.h"
#include "print/jk-print-flow.h"
#include "widgets/jk-qr-code.h"
#include "jk-test-cups.h"
#include "jk-test-log.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"

static JkApplication *app;
static JkWindow *window;
static JkStore *store;
static const JkConfig *config;
static JkClock *fake_clock;
static JkTestCups *cups;
/* The screen's height the window was last sized to: the window may not
 * grow past it (its width is every page's: the stack's pages share it). */
static int screen_height;

/* The sizes every page is held to, and how a visitor may have set it up. */
static const struct {
  int width, height;
} sizes[] = { { 1280, 720 }, { 1280, 800 }, { 1920, 1080 } };

typedef struct {
  const char *language;
  gboolean larger; /* larger text and high contrast */
} Setup;

static const Setup setups[] = { { "en", FALSE }, { "es", FALSE }, { "en", TRUE }, { "es", TRUE } };

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
set_up_visit (const Setup *setup)
{
  JkSession *session = jk_window_get_session (window);

  jk_session_set_language (session, setup->language);
  jk_session_set_large_text (session, setup->larger);
  jk_session_set_high_contrast (session, setup->larger);
}

static char *
setup_name (const Setup *setup,
            int          width,
            int          height)
{
  return g_strdup_printf ("%dx%d-%s%s", width, height, setup->language, setup->larger ? "-larger" : "");
}

/* The id of the demo posting with this title. */
static gint64
find_job (const char *title)
{
  JkSearchQuery query = { .text = title, .limit = 50, .now = g_date_time_to_unix (jk_clock_now_local (fake_clock)) };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = jk_search_jobs (store, &query, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    {
      const JkJobRecord *record = found->pdata[i];

      if (g_str_equal (record->job->title, title))
        return record->id;
    }
  g_error ("no posting titled %s in the demo", title);
}

static JkJobPage *
open_job (const char *title)
{
  g_assert_true (jk_window_open_page (window, &jk_job_page_info, g_variant_new_int64 (find_job (title))));
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "job");
  jk_test_wait_drawn (GTK_WIDGET (window));
  return JK_JOB_PAGE (jk_window_get_page (window, &jk_job_page_info));
}

/* The page asks for no more than the screen, and gets what it asks: a
 * page that needs more would push the window past the screen's edge.
 * (The window as a whole is the shell's, and every page's: its own test.) */
static void
assert_page_fits (JkPage     *page,
                  int         width,
                  int         height,
                  const char *where)
{
  GtkWidget *widget = GTK_WIDGET (page);
  int min_width, min_height;

  jk_test_wait_drawn (GTK_WIDGET (window));
  gtk_widget_get_preferred_width (widget, &min_width, NULL);
  gtk_widget_get_preferred_height_for_width (widget, gtk_widget_get_allocated_width (widget), &min_height, NULL);
  if (min_width > width)
    g_error ("%s: the page asks for %d px of width on a %d px screen", where, min_width, width);
  if (min_height > gtk_widget_get_allocated_height (widget) || gtk_widget_get_allocated_height (widget) > height)
    g_error ("%s: the page asks for %d px of height and has %d px on a %d px screen", where, min_height,
             gtk_widget_get_allocated_height (widget), height);
}

static void
resize (int width,
        int height)
{
  screen_height = height;
  jk_test_resize (GTK_WIDGET (window), width, height);
}

/* The top of the keyboard in window coordinates, or the bottom of the
 * screen when it is not shown. */
static int
keyboard_top (void)
{
  JkKeyboard *keyboard = jk_window_get_keyboard (window);
  GtkWidget *revealer;
  int y = 0;

  if (!jk_window_get_keyboard_shown (window) || keyboard == NULL)
    return screen_height;
  revealer = gtk_widget_get_parent (GTK_WIDGET (keyboard));
  g_assert_true (gtk_widget_translate_coordinates (revealer, GTK_WIDGET (window), 0, 0, NULL, &y));
  return MIN (y, screen_height);
}

/* Wholly inside the window and above the keyboard. */
static void
assert_inside (GtkWidget  *widget,
               const char *what,
               const char *where)
{
  GtkWidget *top = GTK_WIDGET (window);
  int x = 0, y = 0;
  int width = gtk_widget_get_allocated_width (widget);
  int height = gtk_widget_get_allocated_height (widget);

  if (!gtk_widget_get_mapped (widget))
    g_error ("%s: %s is not on screen", where, what);
  g_assert_true (gtk_widget_translate_coordinates (widget, top, 0, 0, &x, &y));
  if (x < 0 || y < 0 || width <= 0 || height <= 0 || x + width > gtk_widget_get_allocated_width (top)
      || y + height > keyboard_top ())
    g_error ("%s: %s is at %d,%d %dx%d, not inside the %dx%d window above y %d", where, what, x, y, width, height,
             gtk_widget_get_allocated_width (top), gtk_widget_get_allocated_height (top), keyboard_top ());
}

/* Shown wherever the page's content is scrolled: in the window and not
 * in a scroller. The name is English: looked up in the visit's language. */
static void
assert_sticky (const char *accessible_name,
               const char *where)
{
  GtkWidget *widget = jk_test_find_by_name (GTK_WIDGET (window), _(accessible_name));

  if (widget == NULL)
    g_error ("%s: no visible widget named “%s”", where, _(accessible_name));
  assert_inside (widget, accessible_name, where);
  if (gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW) != NULL)
    g_error ("%s: “%s” scrolls away with the content", where, accessible_name);
}

/* The page's main action is the one named, given the accent, in sight,
 * in the page's action row with the page's other buttons. */
static void
assert_main_action (JkPage     *page,
                    const char *accessible_name,
                    const char *where)
{
  GtkWidget *action = jk_page_get_main_action (page);
  GtkWidget *row;
  GList *children;

  g_assert_nonnull (action);
  g_assert_cmpstr (atk_object_get_name (gtk_widget_get_accessible (action)), ==, _(accessible_name));
  g_assert_true (gtk_style_context_has_class (gtk_widget_get_style_context (action), "main-action"));
  assert_sticky (accessible_name, where);
  row = gtk_widget_get_ancestor (gtk_widget_get_parent (action), GTK_TYPE_BOX);
  g_assert_true (gtk_style_context_has_class (gtk_widget_get_style_context (row), "action-row"));
  children = gtk_container_get_children (GTK_CONTAINER (row));
  for (GList *l = children; l != NULL; l = l->next)
    if (GTK_IS_BUTTON (l->data) && gtk_widget_get_visible (l->data))
      assert_inside (l->data, atk_object_get_name (gtk_widget_get_accessible (l->data)), where);
  g_list_free (children);
}

static void
count_scrollers (GtkWidget *widget,
                 gpointer   user_data)
{
  guint *n = user_data;

  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      (*n)++;
      if (gtk_widget_get_ancestor (gtk_widget_get_parent (widget), GTK_TYPE_SCROLLED_WINDOW) != NULL)
        g_error ("a scroller inside a scroller");
    }
  if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), count_scrollers, user_data);
}

static void
assert_one_scroller (JkPage *page)
{
  guint n = 0;

  count_scrollers (GTK_WIDGET (page), &n);
  g_assert_cmpuint (n, ==, 1);
}

typedef struct {
  const char *text;
  guint n;
} Count;

static void
count_labels_cb (GtkWidget *widget,
                 gpointer   user_data)
{
  Count *count = user_data;

  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), count->text) != NULL)
    count->n++;
  if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), count_labels_cb, count);
}

/* How many shown labels hold text. */
static guint
count_labels (GtkWidget  *root,
              const char *text)
{
  Count count = { text, 0 };

  count_labels_cb (root, &count);
  return count.n;
}

/* A log as long as a busy week's. */
static void
fill_log (guint n)
{
  JkSession *session = jk_window_get_session (window);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 20, 11, 2026);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *employer = g_strdup_printf ("Employer number %u", i + 1);

      jk_visit_add_log_entry (session, jk_log_entry_new (&date, employer, "Line Cook", JK_CONTACT_IN_PERSON,
                                                         "Sam", "Applied"));
    }
}

/* Every page of this file at one size and set-up: each in its one
 * scroller, its main action and buttons in sight. */
static void
check_pages (int          width,
             int          height,
             const Setup *setup)
{
  g_autofree char *name = setup_name (setup, width, height);
  g_autofree char *where = NULL;
  g_autofree char *shot = NULL;
  JkPage *page;

  jk_test_fresh_visit (window);
  set_up_visit (setup);

  /* Sized on each page: a window is never made smaller than the page it
   * shows, so the size is the page's to keep. */
  page = JK_PAGE (open_job ("Line Cook"));
  resize (width, height);
  where = g_strdup_printf ("job page %s", name);
  shot = g_strdup_printf ("job-%s", name);
  jk_test_screenshot (GTK_WIDGET (window), shot);
  assert_page_fits (page, width, height, where);
  assert_one_scroller (page);
  assert_main_action (page, "I applied / I contacted this employer", where);
  assert_sticky ("Print this job", where);
  assert_sticky ("Save to my list", where);

  jk_test_click (GTK_WIDGET (window), _("Print this job"));
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "print");
  jk_test_wait_until (jk_test_print_rendered, app, 10000);
  resize (width, height);
  page = JK_PAGE (jk_application_get_print_page (app));
  g_free (where);
  where = g_strdup_printf ("print page %s", name);
  g_free (shot);
  shot = g_strdup_printf ("print-%s", name);
  jk_test_screenshot (GTK_WIDGET (window), shot);
  assert_page_fits (page, width, height, where);
  assert_one_scroller (page);
  assert_main_action (page, "Print", where);

  fill_log (12);
  jk_window_show_page (window, &jk_log_page_info);
  page = jk_window_get_page (window, &jk_log_page_info);
  resize (width, height);
  g_free (where);
  where = g_strdup_printf ("log page %s", name);
  g_free (shot);
  shot = g_strdup_printf ("log-%s", name);
  jk_test_screenshot (GTK_WIDGET (window), shot);
  assert_page_fits (page, width, height, where);
  assert_one_scroller (page);
  assert_main_action (page, "Print my Job Search Log", where);
  assert_sticky ("Add a contact", where);

  jk_test_click (GTK_WIDGET (window), _("Add a contact"));
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "logform");
  page = jk_window_get_page (window, &jk_log_form_page_info);
  resize (width, height);
  g_free (where);
  where = g_strdup_printf ("log form %s", name);
  g_free (shot);
  shot = g_strdup_printf ("log-form-%s", name);
  jk_test_screenshot (GTK_WIDGET (window), shot);
  assert_page_fits (page, width, height, where);
  assert_one_scroller (page);
  assert_main_action (page, "Add to my log", where);
}

/* The field being typed in and "Add to my log" are both above the keyboard. */
static void
check_form_with_keyboard (const Setup *setup)
{
  const char *const fields[] = { "Employer", "Job", "Person you talked to (if any)", "What happened (if you know)",
                                 NULL };
  g_autofree char *name = setup_name (setup, 1280, 720);
  GtkWidget *window_widget = GTK_WIDGET (window);

  jk_test_fresh_visit (window);
  set_up_visit (setup);
  jk_window_show_page (window, &jk_log_form_page_info);
  resize (1280, 720);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      GtkWidget *entry = jk_test_find_by_name (window_widget, _(fields[i]));
      g_autofree char *where = g_strdup_printf ("log form with the keyboard, %s, in %s", name, fields[i]);

      g_assert_nonnull (entry);
      gtk_widget_grab_focus (entry);
      g_assert_true (jk_window_get_keyboard_shown (window));
      /* The keyboard slides in; then the entry is scrolled to. */
      jk_test_run_for (400);
      jk_test_wait_drawn (window_widget);
      assert_inside (entry, fields[i], where);
      assert_sticky ("Add to my log", where);
      if (i == 3)
        {
          g_autofree char *shot = g_strdup_printf ("log-form-keyboard-%s", name);
          jk_test_screenshot (window_widget, shot);
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

static void
test_pages_fit (gconstpointer data)
{
  const Setup *setup = data;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    check_pages (sizes[i].width, sizes[i].height, setup);
  jk_test_fresh_visit (window);
}

static void
test_form_keyboard (gconstpointer data)
{
  check_form_with_keyboard (data);
  jk_test_fresh_visit (window);
}

/* "Posted today" once, without a name that says it again; the source by
 * the name staff gave it, or not at all (never its identifier). */
static void
test_job_facts (void)
{
  JkJobPage *page;
  const JkJobRecord *record;
  const char *display_name;

  jk_test_fresh_visit (window);
  page = open_job ("Line Cook");
  record = jk_job_page_get_record (page);
  g_assert_cmpuint (count_labels (GTK_WIDGET (page), "Posted"), ==, 1);
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (page), "Posted today"));
  g_assert_null (jk_test_find_label (GTK_WIDGET (page), record->source));
  display_name = jk_config_get_source_display_name (config, record->source);
  if (display_name != NULL)
    g_assert_nonnull (jk_test_find_label (GTK_WIDGET (page), display_name));
  else
    g_assert_null (jk_test_find_label (GTK_WIDGET (page), "From"));

  /* Each log entry is a list item with a name: employer, job, date. */
  fill_log (2);
  jk_window_show_page (window, &jk_log_page_info);
  {
    GtkWidget *list = jk_test_find_by_type (GTK_WIDGET (jk_window_get_page (window, &jk_log_page_info)),
                                            GTK_TYPE_LIST_BOX);
    GList *rows = gtk_container_get_children (GTK_CONTAINER (list));

    g_assert_cmpuint (g_list_length (rows), ==, 2);
    for (GList *l = rows; l != NULL; l = l->next)
      {
        const char *row_name = atk_object_get_name (gtk_widget_get_accessible (l->data));

        g_assert_nonnull (row_name);
        g_assert_true (g_str_has_prefix (row_name, "Employer number "));
        g_assert_nonnull (strstr (row_name, "Line Cook"));
      }
    g_list_free (rows);
  }
  jk_test_fresh_visit (window);
}

static gboolean
status_says (gpointer data)
{
  GtkLabel *label = data;

  return strstr (gtk_label_get_text (label), "paused") != NULL;
}

static GtkLabel *
status_label_beside (GtkWidget *print)
{
  GtkWidget *row = gtk_widget_get_parent (print);
  GList *children = gtk_container_get_children (GTK_CONTAINER (row));
  GtkLabel *found = NULL;

  for (GList *l = children; l != NULL; l = l->next)
    if (GTK_IS_LABEL (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (children);
  g_assert_nonnull (found);
  return found;
}

/* A stopped printer: the print page says why and what to do as soon as it
 * opens, beside the dead Print button, with the job's QR code to take
 * instead; and says it in Spanish the moment the visitor switches. */
static void
test_printer_stopped (void)
{
  const char *argv_stop[] = { "cupsdisable", jk_test_cups_get_printer (cups), NULL };
  const char *argv_start[] = { "cupsenable", jk_test_cups_get_printer (cups), NULL };
  JkPrintFlow *flow = jk_application_get_print_flow (app);
  GtkWidget *print;
  GtkLabel *status;
  GtkWidget *qr;
  const char *apply_url;
  const char *badge;

  jk_test_fresh_visit (window);
  g_free (jk_test_cups_run (cups, argv_stop));
  apply_url = jk_job_page_get_record (open_job ("Line Cook"))->job->apply_url;
  jk_test_click (GTK_WIDGET (window), _("Print this job"));
  resize (1280, 720);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "print");
  print = jk_page_get_main_action (JK_PAGE (jk_application_get_print_page (app)));
  g_assert_nonnull (print);
  status = status_label_beside (print);
  /* The check the page's opening started, not the once-a-minute one. */
  jk_test_wait_until (status_says, status, 10000);
  jk_test_wait_until (jk_test_print_rendered, app, 10000);
  jk_test_wait_drawn (GTK_WIDGET (window));
  jk_test_screenshot (GTK_WIDGET (window), "print-stopped-1280x720-en");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (status),
                                   "The printer is paused. Please ask staff at the front desk."));
  g_assert_nonnull (strstr (gtk_label_get_text (status), "QR code"));
  g_assert_false (gtk_widget_is_sensitive (print));
  g_assert_cmpstr (atk_object_get_description (gtk_widget_get_accessible (print)), ==, gtk_label_get_text (status));
  assert_inside (GTK_WIDGET (status), "the printer's message", "print page, printer stopped");
  qr = jk_test_find_by_type (GTK_WIDGET (jk_application_get_print_page (app)), JK_TYPE_QR_CODE);
  g_assert_nonnull (qr);
  g_assert_cmpstr (jk_qr_code_get_text (JK_QR_CODE (qr)), ==, apply_url);
  assert_inside (qr, "the QR code to take the job", "print page, printer stopped");

  /* Switched, and read before anything else runs: no printer check in between. */
  gtk_button_clicked (GTK_BUTTON (jk_test_find_by_name (GTK_WIDGET (window), "Español")));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (status), "La impresora está en pausa."));
  badge = jk_print_flow_get_printer_text (flow);
  g_assert_cmpstr (badge, ==, "La impresora está en pausa. Pregunte al personal en la recepción.");
  jk_test_wait_drawn (GTK_WIDGET (window));
  jk_test_screenshot (GTK_WIDGET (window), "print-stopped-1280x720-es");
  jk_session_set_large_text (jk_window_get_session (window), TRUE);
  jk_session_set_high_contrast (jk_window_get_session (window), TRUE);
  jk_test_wait_drawn (GTK_WIDGET (window));
  assert_page_fits (JK_PAGE (jk_application_get_print_page (app)), 1280, 720,
                    "print page, printer stopped, larger text");
  assert_inside (GTK_WIDGET (status), "the printer's message", "print page, printer stopped, larger text");
  assert_sticky ("Print", "print page, printer stopped, larger text");
  jk_test_screenshot (GTK_WIDGET (window), "print-stopped-1280x720-es-larger");

  /* And back: English at once. */
  gtk_button_clicked (GTK_BUTTON (jk_test_find_by_name (GTK_WIDGET (window), "English")));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (status), "The printer is paused."));
  g_assert_true (g_str_has_prefix (jk_print_flow_get_printer_text (flow), "The printer is paused."));

  g_free (jk_test_cups_run (cups, argv_start));
  jk_test_fresh_visit (window);
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

  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();
  jk_i18n_init ();
  jk_test_require_display ();

  cups = jk_test_cups_start_default ();
  fake_clock = jk_clock_new_fake (start);
  jk_test_kiosk_start (&kiosk, "jk-ui-print-XXXXXX", fake_clock);
  app = kiosk.app;
  window = kiosk.window;
  store = kiosk.store;
  config = kiosk.config;
  jk_test_kiosk_sync (&kiosk, NULL, g_date_time_to_unix (start));
  screen_height = 720;
  jk_test_show_window (window, 1280, screen_height);

  g_test_add_data_func ("/pages/fit/en", &setups[0], test_pages_fit);
  g_test_add_data_func ("/pages/fit/es", &setups[1], test_pages_fit);
  g_test_add_data_func ("/pages/fit/en-larger", &setups[2], test_pages_fit);
  g_test_add_data_func ("/pages/fit/es-larger", &setups[3], test_pages_fit);
  g_test_add_data_func ("/pages/log-form-keyboard/en", &setups[0], test_form_keyboard);
  g_test_add_data_func ("/pages/log-form-keyboard/es-larger", &setups[3], test_form_keyboard);
  g_test_add_func ("/pages/job-facts", test_job_facts);
  g_test_add_func ("/pages/printer-stopped", test_printer_stopped);
  status = g_test_run ();

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (app);
  g_object_unref (fake_clock);
  jk_test_cups_stop (cups);
  jk_test_remove_tree (kiosk.state_dir);
  g_free (kiosk.state_dir);
  return status;
}
