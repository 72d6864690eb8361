/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui.c: the real kiosk window under a display, driven page by page */

#include <glib/gstdio.h>
#include <jobkiosk/jk-i18n.h>

#include "shell/jk-application.h"
#include "shell/jk-info-page.h"
#include "jk-test-ui-util.h"

static JkApplication *app;
static JkWindow *window;
static JkClock *fake_clock;
static GPtrArray *log_lines;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* Every log line is kept, so a test can prove nothing typed reaches the log. */
static GLogWriterOutput
record_log (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
      g_ptr_array_add (log_lines, g_strdup (fields[i].value));
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL))
    return g_log_writer_default (level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

static GtkWidget *
find (const char *accessible_name)
{
  GtkWidget *widget = jk_test_find_by_name (GTK_WIDGET (window), accessible_name);

  if (widget == NULL)
    g_error ("no visible widget named “%s” on page %s", accessible_name, jk_window_get_page_name (window));
  return widget;
}

#define click(accessible_name) jk_test_click (GTK_WIDGET (window), (accessible_name))

static void
check_targets_cb (GtkWidget *widget,
                  gpointer   user_data)
{
  guint *checked = user_data;

  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_BUTTON (widget))
    {
      AtkObject *accessible = gtk_widget_get_accessible (widget);
      const char *name = atk_object_get_name (accessible);
      int height = gtk_widget_get_allocated_height (widget);
      int width = gtk_widget_get_allocated_width (widget);

      if (name == NULL || name[0] == '\0')
        g_error ("a button on page %s has no accessible name", jk_window_get_page_name (window));
      if (height < 44 || width < 44)
        g_error ("button “%s” is %dx%d px, under 44 px", name, width, height);
      (*checked)++;
    }
  if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), check_targets_cb, user_data);
}

static void
assert_targets_and_names (void)
{
  guint checked = 0;

  jk_test_wait_drawn (GTK_WIDGET (window));
  check_targets_cb (GTK_WIDGET (window), &checked);
  g_assert_cmpuint (checked, >=, 4);
}

static void
assert_main_target (const char *accessible_name)
{
  GtkWidget *widget = find (accessible_name);

  g_assert_cmpint (gtk_widget_get_allocated_height (widget), >=, 64);
  g_assert_cmpint (gtk_widget_get_allocated_width (widget), >=, 64);
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

static void
test_starts_at_home (void)
{
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "home");
  g_assert_cmpstr (jk_window_get_title_text (window), ==, "Welcome");
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "What would you like to do?"));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "Need help? Ask staff at the front desk."));
  /* The injected clock: 9:40 AM on Sunday, November 22. */
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "9:40 AM"));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "Sunday, November 22"));
  g_assert_false (gtk_widget_is_sensitive (find ("Back")));
  for (const char *const *tile = (const char *const[]) { "Find a job", "Pay and careers", "Build a resume", "Check in", NULL };
       *tile != NULL; tile++)
    assert_main_target (*tile);
  assert_main_target ("Home");
  assert_main_target ("Finish and clear my information");
  assert_targets_and_names ();
  jk_test_screenshot (GTK_WIDGET (window), "home-en-1920x1080");
}

static void
test_language_switch (void)
{
  click ("Español");
  g_assert_cmpstr (jk_i18n_get_language (), ==, "es");
  g_assert_cmpstr (jk_window_get_title_text (window), ==, "Bienvenido");
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "¿Qué le gustaría hacer?"));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "Buscar trabajo"));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "domingo, 22 de noviembre"));
  /* Accessible names follow the language too. */
  g_assert_nonnull (jk_test_find_by_name (GTK_WIDGET (window), "Buscar trabajo"));
  g_assert_nonnull (jk_test_find_by_name (GTK_WIDGET (window), "Inicio"));
  g_assert_null (jk_test_find_label (GTK_WIDGET (window), "What would you like to do?"));
  assert_targets_and_names ();
  jk_test_screenshot (GTK_WIDGET (window), "home-es-1920x1080");

  /* A page opened in Spanish stays Spanish, and the switch works there too. */
  click ("Buscar trabajo");
  g_assert_cmpstr (jk_window_get_title_text (window), ==, "Buscar trabajo");
  click ("English");
  g_assert_cmpstr (jk_window_get_title_text (window), ==, "Find a job");
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "What kind of work?"));
  click ("Home");
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "What would you like to do?"));
  g_assert_cmpstr (jk_session_get_language (jk_window_get_session (window)), ==, "en");
}

static void
test_tiles_open_and_return (void)
{
  const struct {
    const char *tile;
    const char *page;
  } tiles[] = {
    { "Find a job", "jobs" },
    { "Pay and careers", "careers" },
    { "Build a resume", "resume" },
    { "Check in", "checkin" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (tiles); i++)
    {
      g_autofree char *shot = g_strdup_printf ("placeholder-%s", tiles[i].page);

      click (tiles[i].tile);
      g_assert_cmpstr (jk_window_get_page_name (window), ==, tiles[i].page);
      g_assert_cmpstr (jk_window_get_title_text (window), ==, tiles[i].tile);
      g_assert_true (gtk_widget_is_sensitive (find ("Back")));
      assert_targets_and_names ();
      if (i == 0)
        jk_test_screenshot (GTK_WIDGET (window), shot);
      /* Help from a page, then Back twice reaches home again. */
      click ("Help");
      g_assert_cmpstr (jk_window_get_page_name (window), ==, "help");
      click ("Back");
      g_assert_cmpstr (jk_window_get_page_name (window), ==, tiles[i].page);
      if (i % 2 == 0)
        click ("Back");
      else
        click ("Home");
      g_assert_cmpstr (jk_window_get_page_name (window), ==, "home");
      g_assert_false (gtk_widget_is_sensitive (find ("Back")));
    }
}

static void
test_display_toggles (void)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (window));

  click ("High contrast");
  g_assert_true (gtk_style_context_has_class (context, "high-contrast"));
  jk_test_screenshot (GTK_WIDGET (window), "home-high-contrast-1920x1080");
  click ("Larger text");
  g_assert_true (gtk_style_context_has_class (context, "large-text"));
  assert_targets_and_names ();
  jk_test_screenshot (GTK_WIDGET (window), "home-high-contrast-large-text-1920x1080");

  /* Finishing the visit gives the next visitor the defaults back. */
  click ("Finish and clear my information");
  g_assert_false (gtk_style_context_has_class (context, "high-contrast"));
  g_assert_false (gtk_style_context_has_class (context, "large-text"));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find ("High contrast"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find ("Larger text"))));
}

/* The home screen fits without scrolling. */
static void
assert_no_scrolling (void)
{
  GtkWidget *scroller = jk_test_find_by_type (GTK_WIDGET (window), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), <=, gtk_adjustment_get_page_size (adjustment) + 1);
}

static void
test_small_screen (void)
{
  int min_width, min_height;
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (window));

  jk_test_resize (GTK_WIDGET (window), 1280, 800);
  gtk_widget_get_preferred_width (GTK_WIDGET (window), &min_width, NULL);
  gtk_widget_get_preferred_height (GTK_WIDGET (window), &min_height, NULL);
  g_assert_cmpint (min_width, <=, 1280);
  g_assert_cmpint (min_height, <=, 800);
  g_assert_cmpint (gtk_widget_get_allocated_width (GTK_WIDGET (window)), ==, 1280);
  g_assert_cmpint (gtk_widget_get_allocated_height (GTK_WIDGET (window)), ==, 800);
  assert_targets_and_names ();
  assert_no_scrolling ();
  jk_test_screenshot (GTK_WIDGET (window), "home-en-1280x800");
  click ("Español");
  assert_targets_and_names ();
  assert_no_scrolling ();
  jk_test_screenshot (GTK_WIDGET (window), "home-es-1280x800");
  click ("English");
  click ("High contrast");
  g_assert_true (gtk_style_context_has_class (context, "high-contrast"));
  jk_test_screenshot (GTK_WIDGET (window), "home-high-contrast-1280x800");
  click ("High contrast");
  jk_test_resize (GTK_WIDGET (window), 1920, 1080);
}

/* A page with one field, as a capability's form would be. */
static const JkPageInfo form_page_info = { "form", 0, NULL };
/* The same form on a page that says the keyboard must not open there. */
static const JkPageInfo keyless_page_info = { "keyless", JK_PAGE_NO_KEYBOARD, NULL };
/* A page that offers printing. */
static const JkPageInfo printing_page_info = { "printing", JK_PAGE_PRINTER_BADGE, NULL };

static GtkEntry *
open_form_page (void)
{
  jk_window_show_page (window, &form_page_info);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "form");
  return GTK_ENTRY (jk_test_find_by_type (GTK_WIDGET (jk_window_get_page (window, &form_page_info)), GTK_TYPE_ENTRY));
}

static void
test_keyboard_types_into_entry (void)
{
  GtkEntry *entry = open_form_page ();
  JkKeyboard *keyboard = jk_window_get_keyboard (window);
  const char *const keys[] = {
    "shift", "N", "accents", "ú", "ñ", "letters", "e", "z", "space", "symbols", "4", "5", "4", "0", "2", NULL
  };
  GtkWidget *revealer;
  int entry_y = 0, keyboard_y = 0;

  g_assert_false (jk_window_get_keyboard_shown (window));
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  g_assert_true (jk_window_get_keyboard_shown (window));
  g_assert_true (jk_keyboard_get_target (keyboard) == GTK_WIDGET (entry));

  for (guint i = 0; keys[i] != NULL; i++)
    g_assert_true (jk_keyboard_press (keyboard, keys[i]));
  g_assert_cmpstr (gtk_entry_get_text (entry), ==, "Núñez 45402");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)));

  /* The keyboard never covers the entry being typed into. */
  jk_test_run_for (400);
  jk_test_wait_drawn (GTK_WIDGET (window));
  revealer = gtk_widget_get_parent (GTK_WIDGET (keyboard));
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (entry), GTK_WIDGET (window), 0, 0, NULL, &entry_y));
  g_assert_true (gtk_widget_translate_coordinates (revealer, GTK_WIDGET (window), 0, 0, NULL, &keyboard_y));
  g_assert_cmpint (entry_y, >=, 0);
  g_assert_cmpint (entry_y + gtk_widget_get_allocated_height (GTK_WIDGET (entry)), <=, keyboard_y);
  jk_test_screenshot (GTK_WIDGET (window), "keyboard-typing");

  /* Nothing the visitor typed went to the log. */
  for (guint i = 0; i < log_lines->len; i++)
    g_assert_null (strstr (log_lines->pdata[i], "Núñez"));
}

static void
test_idle_wipe (void)
{
  GtkEntry *entry;
  GtkWidget *warning = jk_window_get_idle_warning (window);
  JkSession *session = jk_window_get_session (window);

  /* A visit of its own, so the test passes alone and in any order. */
  jk_window_finish_visit (window);
  entry = open_form_page ();
  gtk_entry_set_text (entry, "Núñez 45402");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "form");
  g_assert_cmpstr (gtk_entry_get_text (entry), ==, "Núñez 45402");
  click ("Español");
  jk_idle_monitor_poke (jk_window_get_idle_monitor (window));

  jk_clock_advance (fake_clock, 89 * G_USEC_PER_SEC);
  g_assert_false (gtk_widget_get_visible (warning));
  jk_clock_advance (fake_clock, 1 * G_USEC_PER_SEC);
  g_assert_true (gtk_widget_get_visible (warning));
  jk_test_screenshot (GTK_WIDGET (window), "idle-warning-es");

  /* "I need more time" keeps everything. */
  click ("Necesito más tiempo");
  g_assert_false (gtk_widget_get_visible (warning));
  g_assert_cmpstr (gtk_entry_get_text (entry), ==, "Núñez 45402");

  click ("English");
  jk_clock_advance (fake_clock, 90 * G_USEC_PER_SEC);
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_nonnull (jk_test_find_label (warning,
                                        "To keep your information private, this screen will clear in 30 seconds."));
  jk_test_screenshot (GTK_WIDGET (window), "idle-warning-en");
  for (int i = 0; i < 29; i++)
    jk_clock_advance (fake_clock, G_USEC_PER_SEC);
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "form");
  jk_clock_advance (fake_clock, G_USEC_PER_SEC);

  /* Wiped: home, empty entry, defaults back, nothing kept. */
  g_assert_false (gtk_widget_get_visible (warning));
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "home");
  g_assert_cmpstr (gtk_entry_get_text (entry), ==, "");
  g_assert_false (jk_window_get_keyboard_shown (window));
  g_assert_true (jk_session_is_pristine (session));
  g_assert_cmpstr (jk_window_get_title_text (window), ==, "Welcome");

  /* An untouched home screen waits forever without warning. */
  jk_clock_advance (fake_clock, 600 * G_USEC_PER_SEC);
  g_assert_false (gtk_widget_get_visible (warning));
}

static void
test_finish_button_wipes (void)
{
  GtkEntry *entry = open_form_page ();

  gtk_entry_set_text (entry, "555-0100");
  click ("Español");
  click ("Terminar y borrar mi información");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "home");
  g_assert_cmpstr (gtk_entry_get_text (entry), ==, "");
  g_assert_cmpstr (jk_i18n_get_language (), ==, "en");
}

static void
on_updated (JkRefresher *refresher,
            gboolean    *updated)
{
  *updated = TRUE;
}

/* The demo feed is synced in the background; the job page says how fresh. */
static void
test_feed_status (void)
{
  JkFeedStatus *status;
  gboolean updated = FALSE;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  jk_application_start_refresh (app);
  g_signal_connect (jk_application_get_refresher (app), "updated", G_CALLBACK (on_updated), &updated);
  while (!updated && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (updated);

  click ("Find a job");
  status = jk_application_get_feed_status (app);
  g_assert_cmpstr (jk_feed_status_get_text (status), ==, "Updated just now");
  /* Twelve minutes of a visitor still touching the screen. */
  for (int minute = 0; minute < 12; minute++)
    {
      jk_idle_monitor_poke (jk_window_get_idle_monitor (window));
      jk_clock_advance (fake_clock, 60 * G_USEC_PER_SEC);
    }
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "jobs");
  jk_feed_status_update (status);
  g_assert_cmpstr (jk_feed_status_get_text (status), ==, "Updated 12 minutes ago");
  jk_test_screenshot (GTK_WIDGET (window), "jobs-feed-status-en");
  click ("Español");
  g_assert_cmpstr (jk_feed_status_get_text (status), ==, "Actualizado hace 12 minutos");
  jk_test_screenshot (GTK_WIDGET (window), "jobs-feed-status-es");
  click ("Terminar y borrar mi información");
}

/* ---------------------------------------------------------------------- */
/* Set-up                                                                 */

static JkPage *
make_form_page (void)
{
  JkPage *page = jk_info_page_new ("Check in", "x-office-calendar-symbolic", "Check in", "Type your name");
  GtkWidget *entry = gtk_entry_new ();

  atk_object_set_name (gtk_widget_get_accessible (entry), "Your last name");
  gtk_widget_set_size_request (entry, 600, 64);
  gtk_widget_show (entry);
  gtk_container_add (GTK_CONTAINER (page), entry);
  return page;
}

/* What a page says about itself is what the shell shows around it: the
 * keyboard opens only where a page allows it, the printer's health only
 * where printing is offered, a step counter only on a page in steps. */
static void
test_page_flags (void)
{
  JkPage *form = jk_window_get_page (window, &form_page_info);
  GtkEntry *entry;

  jk_window_finish_visit (window);
  jk_window_set_printer_badge (window, "Printer ready", TRUE);
  jk_window_show_page (window, &printing_page_info);
  g_assert_nonnull (jk_test_find_by_name (GTK_WIDGET (window), "Printer ready"));
  jk_window_show_page (window, &keyless_page_info);
  entry = GTK_ENTRY (jk_test_find_by_type (GTK_WIDGET (jk_window_get_page (window, &keyless_page_info)),
                                           GTK_TYPE_ENTRY));
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  jk_test_run_for (50);
  g_assert_false (jk_window_get_keyboard_shown (window));
  g_assert_null (jk_test_find_by_name (GTK_WIDGET (window), "Printer ready"));

  entry = open_form_page ();
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  jk_test_run_for (50);
  g_assert_true (jk_window_get_keyboard_shown (window));
  g_assert_cmpstr (jk_window_get_step_text (window), ==, "");
  jk_page_set_step (form, 2, 6);
  g_assert_cmpstr (jk_window_get_step_text (window), ==, "Step 2 of 6");
  click ("Español");
  g_assert_cmpstr (jk_window_get_step_text (window), ==, "Paso 2 de 6");
  jk_test_screenshot (GTK_WIDGET (window), "step-counter-es");
  click ("English");
  jk_page_set_step (form, 0, 0);
  g_assert_cmpstr (jk_window_get_step_text (window), ==, "");
  jk_window_finish_visit (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GDateTime) start = g_date_time_new_local (2026, 11, 22, 9, 40, 0);
  JkTestKiosk kiosk;
  int status;

  g_test_init (&argc, &argv, NULL);
  log_lines = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (record_log, NULL, NULL);
  jk_i18n_init ();
  jk_test_require_display ();

  fake_clock = jk_clock_new_fake (start);
  jk_test_kiosk_start (&kiosk, "jk-ui-XXXXXX", fake_clock);
  app = kiosk.app;
  window = kiosk.window;
  jk_window_add_page (window, &form_page_info, make_form_page ());
  jk_window_add_page (window, &keyless_page_info, make_form_page ());
  jk_window_add_page (window, &printing_page_info, make_form_page ());
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_present (GTK_WINDOW (window));
  jk_test_resize (GTK_WIDGET (window), 1920, 1080);

  g_test_add_func ("/ui/starts-at-home", test_starts_at_home);
  g_test_add_func ("/ui/language-switch", test_language_switch);
  g_test_add_func ("/ui/tiles-open-and-return", test_tiles_open_and_return);
  g_test_add_func ("/ui/display-toggles", test_display_toggles);
  g_test_add_func ("/ui/small-screen", test_small_screen);
  g_test_add_func ("/ui/keyboard-types-into-entry", test_keyboard_types_into_entry);
  g_test_add_func ("/ui/idle-wipe", test_idle_wipe);
  g_test_add_func ("/ui/finish-button-wipes", test_finish_button_wipes);
  g_test_add_func ("/ui/feed-status", test_feed_status);
  g_test_add_func ("/ui/page-flags", test_page_flags);
  status = g_test_run ();

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (app);
  g_object_unref (fake_clock);
  g_ptr_array_unref (log_lines);
  return status;
}
