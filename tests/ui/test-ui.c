/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui.c: the real kiosk window under a display, driven page by page */

#include <math.h>
#include <glib/gstdio.h>
#include <jobkiosk/jk-i18n.h>

#include "shell/jk-application.h"
#include "shell/jk-info-page.h"
#include "shell/jk-page-registry.h"
#include "jk-test-ui-util.h"

static JkApplication *app;
static JkWindow *window;
static JkClock *fake_clock;
static GPtrArray *log_lines;
static JkConfig *config;

/* The screens kiosks have. */
static const struct {
  int width;
  int height;
} screens[] = { { 1280, 720 }, { 1280, 800 }, { 1366, 768 }, { 1920, 1080 } };

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

/* Found once, while it shows: it steps aside while the keyboard is up. */
static GtkWidget *
bottom_bar (void)
{
  static GtkWidget *bar;

  if (bar == NULL)
    bar = gtk_widget_get_parent (find ("Help"));
  return bar;
}

static void
dump_wide_cb (GtkWidget *widget,
              gpointer   user_data)
{
  int min = 0;

  if (!gtk_widget_get_visible (widget))
    return;
  gtk_widget_get_preferred_width (widget, &min, NULL);
  if (min > GPOINTER_TO_INT (user_data))
    g_printerr ("%s %s name=%s min-width %d\n", G_OBJECT_TYPE_NAME (widget), gtk_widget_get_name (widget),
                atk_object_get_name (gtk_widget_get_accessible (widget)), min);
  if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), dump_wide_cb, user_data);
}

/* The window is the screen's size and asks for no more. */
static void
assert_window_fits (int         width,
                    int         height,
                    const char *where)
{
  GtkWidget *widget = GTK_WIDGET (window);
  int min_width, min_height;

  jk_test_wait_drawn (widget);
  gtk_widget_get_preferred_width (widget, &min_width, NULL);
  gtk_widget_get_preferred_height_for_width (widget, width, &min_height, NULL);
  if (min_width > width || min_height > height)
    {
      dump_wide_cb (widget, GINT_TO_POINTER (width * 3 / 4));
      g_error ("%s: the window asks for at least %dx%d on a %dx%d screen", where, min_width, min_height, width, height);
    }
  if (gtk_widget_get_allocated_width (widget) != width || gtk_widget_get_allocated_height (widget) != height)
    g_error ("%s: the window is %dx%d on a %dx%d screen", where, gtk_widget_get_allocated_width (widget),
             gtk_widget_get_allocated_height (widget), width, height);
}

/* Shown whole, inside the window and above the bottom bar (when it shows). */
static void
assert_unclipped (GtkWidget  *widget,
                  const char *what,
                  const char *where)
{
  GtkWidget *bar = bottom_bar ();
  int x = 0, y = 0, bottom = gtk_widget_get_allocated_height (GTK_WIDGET (window));
  int width = gtk_widget_get_allocated_width (widget), height = gtk_widget_get_allocated_height (widget);
  int min_height = 0;
  /* What lies over the window may lie over the bars too. */
  gboolean over = gtk_widget_is_ancestor (widget, jk_window_get_idle_warning (window)) ||
                  gtk_widget_is_ancestor (widget, jk_window_get_finish_confirm (window)) ||
                  widget == jk_window_get_cleared_notice (window);

  if (!gtk_widget_get_mapped (widget))
    g_error ("%s: %s is not on screen", where, what);
  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (window), 0, 0, &x, &y));
  if (!over && gtk_widget_get_mapped (bar) && widget != bar && !gtk_widget_is_ancestor (widget, bar))
    {
      int bar_y = 0;

      g_assert_true (gtk_widget_translate_coordinates (bar, GTK_WIDGET (window), 0, 0, NULL, &bar_y));
      bottom = bar_y;
    }
  gtk_widget_get_preferred_height_for_width (widget, width + gtk_widget_get_margin_start (widget) +
                                             gtk_widget_get_margin_end (widget), &min_height, NULL);
  /* Preferred sizes count the margins, allocations do not. */
  min_height -= gtk_widget_get_margin_top (widget) + gtk_widget_get_margin_bottom (widget);
  if (x < 0 || y < 0 || x + width > gtk_widget_get_allocated_width (GTK_WIDGET (window)) || y + height > bottom)
    g_error ("%s: %s is at %d,%d %dx%d, past the room (%dx%d)", where, what, x, y, width, height,
             gtk_widget_get_allocated_width (GTK_WIDGET (window)), bottom);
  if (height < min_height)
    g_error ("%s: %s is %d px high, squeezed under its %d px", where, what, height, min_height);
}

static double
channel (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const GdkRGBA *color)
{
  return 0.2126 * channel (color->red) + 0.7152 * channel (color->green) + 0.0722 * channel (color->blue);
}

/* WCAG 2 contrast ratio. */
static double
contrast (const GdkRGBA *a,
          const GdkRGBA *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static GdkRGBA
blend (const GdkRGBA *top,
       const GdkRGBA *ground)
{
  GdkRGBA out = {
    top->red * top->alpha + ground->red * (1 - top->alpha),
    top->green * top->alpha + ground->green * (1 - top->alpha),
    top->blue * top->alpha + ground->blue * (1 - top->alpha),
    1,
  };

  return out;
}

static GdkRGBA
style_color (GtkWidget  *widget,
             const char *property)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA *value = NULL;
  GdkRGBA color;

  gtk_style_context_get (context, gtk_style_context_get_state (context), property, &value, NULL);
  color = *value;
  gdk_rgba_free (value);
  return color;
}

/* The colour a widget is drawn on: its own background, or the first
 * ancestor's that has one. */
static GdkRGBA
ground_color (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      GdkRGBA color = style_color (widget, "background-color");

      if (color.alpha > 0.5)
        return color;
    }
  return (GdkRGBA) { 1, 1, 1, 1 };
}

/* The first label inside a widget (the widget itself if it is one or has none). */
static GtkWidget *
inner_label (GtkWidget *widget)
{
  GtkWidget *label = GTK_IS_LABEL (widget) ? widget : jk_test_find_by_type (widget, GTK_TYPE_LABEL);

  return label != NULL ? label : widget;
}

static double
text_contrast (GtkWidget *widget)
{
  GtkWidget *label = inner_label (widget);
  GdkRGBA ground = ground_color (widget);
  GdkRGBA text;

  gtk_style_context_get_color (gtk_widget_get_style_context (label),
                               gtk_style_context_get_state (gtk_widget_get_style_context (label)), &text);
  text = blend (&text, &ground);
  return contrast (&text, &ground);
}

/* The edge of a control against what is around it. */
static double
border_contrast (GtkWidget *widget)
{
  GdkRGBA border = style_color (widget, "border-top-color");
  GdkRGBA ground = ground_color (gtk_widget_get_parent (widget));

  border = blend (&border, &ground);
  return contrast (&border, &ground);
}

static void
set_display (gboolean high_contrast_large_text)
{
  JkSession *session = jk_window_get_session (window);

  jk_session_set_high_contrast (session, high_contrast_large_text);
  jk_session_set_large_text (session, high_contrast_large_text);
}

/* A Finish that asks, answered Yes, to start the next test from a fresh visit. */
static void
finish_visit_by_button (void)
{
  click ("Finish and clear my information");
  if (gtk_widget_get_visible (jk_window_get_finish_confirm (window)))
    click ("Yes, clear everything");
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
  finish_visit_by_button ();
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
  /* No field in use yet, whatever had the focus before. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
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
  click ("Sí, borrar todo");
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
  jk_window_finish_visit (window);
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

  /* The field opens the keyboard when the visitor touches it. */
  entry = open_form_page ();
  jk_test_run_for (50);
  g_assert_false (jk_window_get_keyboard_shown (window));
  jk_test_wait_drawn (GTK_WIDGET (window));
  jk_test_click_widget (GTK_WIDGET (entry));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)));
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

/* A form as a capability's would be: two fields and its main action. */
static const JkPageInfo enter_page_info = { "enter-form", 0, NULL };
static guint main_action_clicks;

static void
on_main_action_clicked (GtkButton *button,
                        gpointer   user_data)
{
  main_action_clicks++;
}

static JkPage *
make_enter_page (void)
{
  JkPage *page = jk_info_page_new ("Check in", "x-office-calendar-symbolic", "Check in", "Type your name");
  const char *const names[] = { "First name", "Last name" };
  GtkWidget *button = gtk_button_new_with_label ("Add to my log");

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *entry = gtk_entry_new ();

      atk_object_set_name (gtk_widget_get_accessible (entry), names[i]);
      gtk_widget_show (entry);
      gtk_container_add (GTK_CONTAINER (page), entry);
    }
  atk_object_set_name (gtk_widget_get_accessible (button), "Add to my log");
  g_signal_connect (button, "clicked", G_CALLBACK (on_main_action_clicked), NULL);
  gtk_widget_show (button);
  gtk_container_add (GTK_CONTAINER (page), button);
  jk_page_set_main_action (page, button);
  return page;
}

/* Every screen size, normal and Larger text with High contrast, both
 * languages: the window is the screen's size, the bars keep their height,
 * home shows whole (its toggles too, so larger text can be turned off),
 * and the center's name is not cut. */
static void
test_fits_every_screen (void)
{
  int bar_height = -1;

  jk_window_finish_visit (window);
  for (gsize i = 0; i < G_N_ELEMENTS (screens); i++)
    for (int display = 0; display < 2; display++)
      for (int spanish = 0; spanish < 2; spanish++)
        {
          int width = screens[i].width, height = screens[i].height;
          g_autofree char *where = g_strdup_printf ("home %dx%d %s %s", width, height,
                                                    display ? "larger text + high contrast" : "normal",
                                                    spanish ? "es" : "en");
          GtkLabel *center;

          set_display (display);
          jk_session_set_language (jk_window_get_session (window), spanish ? "es" : "en");
          jk_test_resize (GTK_WIDGET (window), width, height);
          assert_window_fits (width, height, where);
          if (bar_height < 0)
            bar_height = gtk_widget_get_allocated_height (bottom_bar ());
          if (gtk_widget_get_allocated_height (bottom_bar ()) != bar_height)
            g_error ("%s: the bottom bar is %d px high, not %d", where,
                     gtk_widget_get_allocated_height (bottom_bar ()), bar_height);
          assert_unclipped (bottom_bar (), "the bottom bar", where);
          assert_unclipped (GTK_WIDGET (jk_window_get_page (window, jk_page_registry_get ()[0])), "home", where);
          assert_unclipped (find (spanish ? "Alto contraste" : "High contrast"), "the contrast toggle", where);
          assert_unclipped (find (spanish ? "Letra más grande" : "Larger text"), "the text toggle", where);
          center = jk_test_find_label (GTK_WIDGET (window), config->center_name);
          g_assert_nonnull (center);
          if (pango_layout_is_ellipsized (gtk_label_get_layout (center)))
            g_error ("%s: the center's name is cut", where);
          if ((width == 1280 && height == 720) || width == 1920)
            {
              g_autofree char *shot = g_strdup_printf ("home-%s-%s-%dx%d", spanish ? "es" : "en",
                                                       display ? "large-hc" : "normal", width, height);

              jk_test_screenshot (GTK_WIDGET (window), shot);
            }
        }
  jk_window_finish_visit (window);
  jk_test_resize (GTK_WIDGET (window), 1920, 1080);
}

/* The printer's message wraps in two lines at most, in the room the
 * buttons leave, and the bar keeps its height; in High contrast it is
 * yellow on black like the rest of the bar. */
static void
test_printer_badge_fits (void)
{
  const char *message = "The printer is not working. Ask staff at the front desk, or take the job with the QR code.";
  int bar_height;
  GtkWidget *label;

  jk_window_finish_visit (window);
  jk_test_resize (GTK_WIDGET (window), 1280, 800);
  bar_height = gtk_widget_get_allocated_height (bottom_bar ());
  jk_window_set_printer_badge (window, message, FALSE);
  jk_window_show_page (window, &printing_page_info);
  /* No field in use, so the bar is showing. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  for (int display = 0; display < 2; display++)
    {
      set_display (display);
      jk_test_wait_drawn (GTK_WIDGET (window));
      assert_window_fits (1280, 800, "the printer message");
      label = GTK_WIDGET (jk_test_find_label (GTK_WIDGET (window), message));
      g_assert_nonnull (label);
      assert_unclipped (label, "the printer message", "1280x800");
      g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (label))), <=, 2);
      g_assert_cmpint (gtk_widget_get_allocated_width (label), >=, 200);
      g_assert_cmpint (gtk_widget_get_allocated_height (bottom_bar ()), ==, bar_height);
      g_assert_cmpfloat (text_contrast (label), >=, 4.5);
      jk_test_screenshot (GTK_WIDGET (window), display ? "printer-badge-large-hc-1280x800" : "printer-badge-1280x800");
    }
  jk_window_set_printer_badge (window, "", TRUE);
  jk_window_finish_visit (window);
  jk_test_resize (GTK_WIDGET (window), 1920, 1080);
}

/* The badge is set again, in the new language, the moment it changes. */
static void
test_printer_badge_follows_language (void)
{
  JkPrintFlow *flow = jk_application_get_print_flow (app);
  GtkWidget *badge;

  jk_window_finish_visit (window);
  jk_window_set_printer_badge (window, "A message from before", TRUE);
  jk_window_show_page (window, &printing_page_info);
  g_assert_nonnull (jk_test_find_by_name (GTK_WIDGET (window), "A message from before"));
  click ("Español");
  g_assert_null (jk_test_find_by_name (GTK_WIDGET (window), "A message from before"));
  if (jk_print_flow_get_printer_text (flow) != NULL && jk_print_flow_get_printer_text (flow)[0] != '\0')
    {
      badge = jk_test_find_by_name (GTK_WIDGET (window), jk_print_flow_get_printer_text (flow));
      g_assert_nonnull (badge);
    }
  jk_window_finish_visit (window);
}

/* Contrast of the colours the theme resolves to, in both themes. */
static void
test_contrast (void)
{
  GtkEntry *entry;

  jk_window_finish_visit (window);
  for (int display = 0; display < 2; display++)
    {
      GtkWidget *back, *tile, *action;

      set_display (display);
      jk_window_go_home (window);
      jk_test_wait_drawn (GTK_WIDGET (window));
      back = find ("Back");
      g_assert_false (gtk_widget_is_sensitive (back));
      /* Disabled, but readable, and told apart by its dashed edge. */
      g_assert_cmpfloat (text_contrast (back), >=, 4.5);
      {
        GtkBorderStyle style;

        gtk_style_context_get (gtk_widget_get_style_context (back), GTK_STATE_FLAG_INSENSITIVE,
                               "border-top-style", &style, NULL);
        g_assert_cmpint (style, ==, GTK_BORDER_STYLE_DASHED);
      }
      tile = find ("Find a job");
      g_assert_cmpfloat (text_contrast (tile), >=, 4.5);
      g_assert_cmpfloat (border_contrast (tile), >=, 3);
      g_assert_cmpfloat (text_contrast (find ("Help")), >=, 4.5);
      g_assert_cmpfloat (border_contrast (find ("Help")), >=, 3);

      entry = open_form_page ();
      gtk_entry_set_placeholder_text (entry, "For example: cook");
      g_assert_cmpfloat (border_contrast (GTK_WIDGET (entry)), >=, 3);
      g_assert_cmpfloat (text_contrast (GTK_WIDGET (entry)) , >=, 4.5);

      /* The main action stands apart from every other button. */
      jk_window_show_page (window, &enter_page_info);
      jk_test_wait_drawn (GTK_WIDGET (window));
      action = find ("Add to my log");
      {
        GdkRGBA action_fill = style_color (action, "background-color");
        GdkRGBA other_fill = style_color (find ("Help"), "background-color");
        GdkRGBA page_fill = ground_color (gtk_widget_get_parent (action));

        g_assert_false (gdk_rgba_equal (&action_fill, &page_fill));
        g_assert_false (gdk_rgba_equal (&action_fill, &other_fill));
        g_assert_cmpfloat (text_contrast (action), >=, 4.5);
      }
      jk_test_screenshot (GTK_WIDGET (window), display ? "main-action-large-hc" : "main-action-normal");
      jk_window_go_home (window);
    }
  set_display (FALSE);
  jk_window_finish_visit (window);
}

/* The placeholder as drawn: its darkest pixel against the entry's ground. */
static void
test_placeholder_contrast (void)
{
  GtkEntry *entry;

  jk_window_finish_visit (window);
  for (int display = 0; display < 2; display++)
    {
      cairo_surface_t *surface;
      cairo_t *cr;
      GdkRGBA ground, darkest = { 1, 1, 1, 1 };
      unsigned char *data;
      int stride, width, height;

      set_display (display);
      entry = open_form_page ();
      gtk_entry_set_text (entry, "");
      gtk_entry_set_placeholder_text (entry, "For example: cook");
      gtk_window_set_focus (GTK_WINDOW (window), NULL);
      jk_test_wait_drawn (GTK_WIDGET (window));
      width = gtk_widget_get_allocated_width (GTK_WIDGET (entry));
      height = gtk_widget_get_allocated_height (GTK_WIDGET (entry));
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
      cr = cairo_create (surface);
      ground = ground_color (GTK_WIDGET (entry));
      gdk_cairo_set_source_rgba (cr, &ground);
      cairo_paint (cr);
      gtk_widget_draw (GTK_WIDGET (entry), cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      /* Inside the edge, where only the placeholder is drawn. */
      for (int y = 8; y < height - 8; y++)
        for (int x = 24; x < width / 2; x++)
          {
            guint32 pixel = *(guint32 *) (data + y * stride + x * 4);
            GdkRGBA color = { ((pixel >> 16) & 0xff) / 255.0, ((pixel >> 8) & 0xff) / 255.0, (pixel & 0xff) / 255.0, 1 };

            if (contrast (&color, &ground) > contrast (&darkest, &ground))
              darkest = color;
          }
      cairo_surface_destroy (surface);
      g_test_message ("placeholder contrast %.2f (%s)", contrast (&darkest, &ground), gdk_rgba_to_string (&darkest));
      g_assert_cmpfloat (contrast (&darkest, &ground), >=, 4.5);
      gtk_entry_set_placeholder_text (entry, NULL);
    }
  set_display (FALSE);
  jk_window_finish_visit (window);
}

/* Finish with something in the visit asks first; No keeps it all. */
static void
test_finish_asks (void)
{
  GtkWidget *confirm = jk_window_get_finish_confirm (window);
  GtkEntry *entry;
  GdkEvent *event;

  jk_window_finish_visit (window);
  entry = open_form_page ();
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  jk_keyboard_press (jk_window_get_keyboard (window), "a");
  g_assert_cmpstr (gtk_entry_get_text (entry), ==, "a");
  /* The bottom bar steps aside while the keyboard is up. */
  g_assert_null (jk_test_find_by_name (GTK_WIDGET (window), "Finish and clear my information"));
  jk_keyboard_press (jk_window_get_keyboard (window), "hide");
  click ("Finish and clear my information");
  g_assert_true (gtk_widget_get_visible (confirm));
  g_assert_cmpint (atk_object_get_role (gtk_widget_get_accessible (confirm)), ==, ATK_ROLE_ALERT);
  g_assert_cmpstr (atk_object_get_name (gtk_widget_get_accessible (confirm)), ==, "Clear everything and start over?");
  g_assert_nonnull (jk_test_find_label (confirm, "Clear everything and start over?"));
  assert_main_target ("Yes, clear everything");
  assert_main_target ("No, go back");
  /* Nothing behind it answers, and the keys stay inside it. */
  g_assert_false (gtk_widget_is_sensitive (find ("Home")));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (entry)));
  for (int i = 0; i < 6; i++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      focus = gtk_window_get_focus (GTK_WINDOW (window));
      g_assert_nonnull (focus);
      g_assert_true (gtk_widget_is_ancestor (focus, confirm));
    }
  jk_test_screenshot (GTK_WIDGET (window), "finish-confirm-en-1920x1080");

  click ("No, go back");
  g_assert_false (gtk_widget_get_visible (confirm));
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "form");
  g_assert_cmpstr (gtk_entry_get_text (entry), ==, "a");
  g_assert_true (gtk_widget_is_sensitive (find ("Home")));

  /* Escape is No as well. */
  click ("Finish and clear my information");
  g_assert_true (gtk_widget_get_visible (confirm));
  event = gdk_event_new (GDK_KEY_PRESS);
  event->key.window = g_object_ref (gtk_widget_get_window (GTK_WIDGET (window)));
  event->key.send_event = TRUE;
  event->key.keyval = GDK_KEY_Escape;
  event->key.time = GDK_CURRENT_TIME;
  gdk_event_set_device (event, gdk_seat_get_keyboard (gdk_display_get_default_seat (gdk_display_get_default ())));
  gtk_main_do_event (event);
  gdk_event_free (event);
  g_assert_false (gtk_widget_get_visible (confirm));
  g_assert_cmpstr (gtk_entry_get_text (entry), ==, "a");
  jk_window_finish_visit (window);
}

/* Yes wipes, and home then says so, to the eye and to a screen reader. */
static void
test_finish_yes_wipes_and_tells (void)
{
  GtkWidget *confirm = jk_window_get_finish_confirm (window);
  GtkWidget *notice = jk_window_get_cleared_notice (window);
  GtkEntry *entry;

  jk_window_finish_visit (window);
  entry = open_form_page ();
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  jk_keyboard_press (jk_window_get_keyboard (window), "b");
  jk_keyboard_press (jk_window_get_keyboard (window), "hide");
  click ("Español");
  click ("Terminar y borrar mi información");
  g_assert_true (gtk_widget_get_visible (confirm));
  g_assert_nonnull (jk_test_find_label (confirm, "¿Borrar todo y empezar de nuevo?"));
  jk_test_screenshot (GTK_WIDGET (window), "finish-confirm-es-1920x1080");
  click ("Sí, borrar todo");
  g_assert_false (gtk_widget_get_visible (confirm));
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "home");
  g_assert_cmpstr (gtk_entry_get_text (entry), ==, "");
  g_assert_true (jk_session_is_pristine (jk_window_get_session (window)));
  g_assert_true (gtk_widget_get_visible (notice));
  g_assert_nonnull (jk_test_find_label (notice, "Your information was cleared"));
  g_assert_cmpint (atk_object_get_role (gtk_widget_get_accessible (notice)), ==, ATK_ROLE_NOTIFICATION);
  g_assert_cmpstr (atk_object_get_name (gtk_widget_get_accessible (notice)), ==, "Your information was cleared");
  jk_test_wait_drawn (GTK_WIDGET (window));
  assert_unclipped (notice, "the notice", "home");
  jk_test_screenshot (GTK_WIDGET (window), "finish-cleared-notice-1920x1080");
  /* It goes once the next visitor starts. */
  click ("Find a job");
  g_assert_false (gtk_widget_get_visible (notice));
  jk_window_finish_visit (window);
}

/* An empty visit has nothing to lose: Finish wipes at once, and says so. */
static void
test_finish_empty_visit (void)
{
  jk_window_finish_visit (window);
  jk_window_show_page (window, &form_page_info);
  click ("Finish and clear my information");
  g_assert_false (gtk_widget_get_visible (jk_window_get_finish_confirm (window)));
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "home");
  g_assert_true (gtk_widget_get_visible (jk_window_get_cleared_notice (window)));
  jk_window_finish_visit (window);
}

/* The idle warning: an alert, alone to answer, whole on every screen. */
static void
test_idle_warning_is_modal (void)
{
  GtkWidget *warning = jk_window_get_idle_warning (window);
  GtkWidget *card;

  jk_window_finish_visit (window);
  open_form_page ();
  jk_idle_monitor_poke (jk_window_get_idle_monitor (window));
  jk_clock_advance (fake_clock, 90 * G_USEC_PER_SEC);
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_cmpint (atk_object_get_role (gtk_widget_get_accessible (warning)), ==, ATK_ROLE_ALERT);
  g_assert_cmpstr (atk_object_get_name (gtk_widget_get_accessible (warning)), ==, "Are you still there?");
  g_assert_nonnull (strstr (atk_object_get_description (gtk_widget_get_accessible (warning)), "will clear in"));
  g_assert_false (gtk_widget_is_sensitive (find ("Home")));
  g_assert_false (gtk_widget_is_sensitive (find ("Finish and clear my information")));
  for (int i = 0; i < 4; i++)
    {
      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), warning));
    }
  card = gtk_bin_get_child (GTK_BIN (warning));
  for (gsize i = 0; i < G_N_ELEMENTS (screens); i++)
    for (int display = 0; display < 2; display++)
      {
        g_autofree char *where = g_strdup_printf ("idle warning %dx%d%s", screens[i].width, screens[i].height,
                                                  display ? " larger text" : "");

        set_display (display);
        jk_test_resize (GTK_WIDGET (window), screens[i].width, screens[i].height);
        assert_window_fits (screens[i].width, screens[i].height, where);
        assert_unclipped (card, "the card", where);
        assert_unclipped (find ("I need more time"), "I need more time", where);
        if (screens[i].width == 1280 && screens[i].height == 720)
          jk_test_screenshot (GTK_WIDGET (window), display ? "idle-warning-large-hc-1280x720"
                                                           : "idle-warning-1280x720");
      }
  click ("I need more time");
  g_assert_false (gtk_widget_get_visible (warning));
  g_assert_true (gtk_widget_is_sensitive (find ("Home")));
  jk_window_finish_visit (window);
  jk_test_resize (GTK_WIDGET (window), 1920, 1080);
}

/* Enter moves to the next field, and on the last does the main action. */
static void
test_keyboard_enter (void)
{
  JkPage *page = jk_window_get_page (window, &enter_page_info);
  JkKeyboard *keyboard;
  GtkWidget *first, *last;

  jk_window_finish_visit (window);
  jk_window_show_page (window, &enter_page_info);
  first = jk_test_find_by_name (GTK_WIDGET (page), "First name");
  last = jk_test_find_by_name (GTK_WIDGET (page), "Last name");
  gtk_widget_grab_focus (first);
  keyboard = jk_window_get_keyboard (window);
  main_action_clicks = 0;
  g_assert_true (jk_keyboard_press (keyboard, "enter"));
  g_assert_true (gtk_widget_has_focus (last));
  g_assert_true (jk_keyboard_get_target (keyboard) == last);
  g_assert_cmpuint (main_action_clicks, ==, 0);
  g_assert_true (jk_keyboard_press (keyboard, "enter"));
  g_assert_cmpuint (main_action_clicks, ==, 1);
  jk_window_finish_visit (window);
}

/* After Hide the field keeps the focus; a touch on it brings the keyboard back. */
static void
test_keyboard_tap_reopens (void)
{
  GtkEntry *entry;

  jk_window_finish_visit (window);
  entry = open_form_page ();
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  g_assert_true (jk_window_get_keyboard_shown (window));
  g_assert_true (jk_keyboard_press (jk_window_get_keyboard (window), "hide"));
  g_assert_false (jk_window_get_keyboard_shown (window));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)));
  jk_test_wait_drawn (GTK_WIDGET (window));
  jk_test_click_widget (GTK_WIDGET (entry));
  g_assert_true (jk_window_get_keyboard_shown (window));
  jk_window_finish_visit (window);
}

/* The keyboard takes its room from the page, never covers it: the bottom
 * bar steps aside, and on a 720 px screen the keyboard is compact. */
static void
test_keyboard_room (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (screens); i++)
    for (int display = 0; display < 2; display++)
      {
        int width = screens[i].width, height = screens[i].height;
        g_autofree char *where = g_strdup_printf ("keyboard %dx%d%s", width, height, display ? " larger text" : "");
        GtkEntry *entry;
        GtkWidget *revealer, *top_bar;
        int keyboard_height, room;

        jk_window_finish_visit (window);
        set_display (display);
        jk_test_resize (GTK_WIDGET (window), width, height);
        entry = open_form_page ();
        gtk_widget_grab_focus (GTK_WIDGET (entry));
        jk_test_run_for (300);
        jk_test_wait_drawn (GTK_WIDGET (window));
        assert_window_fits (width, height, where);
        g_assert_false (gtk_widget_get_mapped (bottom_bar ()));
        revealer = gtk_widget_get_parent (GTK_WIDGET (jk_window_get_keyboard (window)));
        top_bar = gtk_widget_get_parent (GTK_WIDGET (jk_test_find_label (GTK_WIDGET (window), config->center_name)));
        keyboard_height = gtk_widget_get_allocated_height (revealer);
        room = height - gtk_widget_get_allocated_height (top_bar) - keyboard_height;
        g_test_message ("%s: top bar %d, keyboard %d, the page gets %d px", where,
                        gtk_widget_get_allocated_height (top_bar), keyboard_height, room);
        if (height <= 800)
          g_assert_cmpint (room, >=, 350);
        assert_unclipped (GTK_WIDGET (entry), "the field", where);
        if ((width == 1280 && height == 720) || width == 1920)
          {
            g_autofree char *shot = g_strdup_printf ("keyboard-%s-%dx%d", display ? "large-hc" : "normal",
                                                     width, height);

            jk_test_screenshot (GTK_WIDGET (window), shot);
          }
      }
  set_display (FALSE);
  jk_window_finish_visit (window);
  jk_test_resize (GTK_WIDGET (window), 1920, 1080);
  g_assert_true (gtk_widget_get_mapped (bottom_bar ()));
}

/* Screen readers read home's tiles in the order they are seen. */
static void
test_reading_order (void)
{
  const char *const tiles[] = { "Find a job", "Pay and careers", "Build a resume", "Check in", "Other help", "About this center" };
  GtkWidget *first = find (tiles[0]);
  GtkWidget *container = gtk_widget_get_parent (gtk_widget_get_parent (first));
  g_autoptr (GPtrArray) seen = g_ptr_array_new ();
  AtkObject *accessible = gtk_widget_get_accessible (container);

  jk_window_finish_visit (window);
  /* Walk the accessible tree under the tiles' container, depth first. */
  {
    GPtrArray *stack = g_ptr_array_new_with_free_func (g_object_unref);

    g_ptr_array_add (stack, g_object_ref (accessible));
    while (stack->len > 0)
      {
        AtkObject *object = g_ptr_array_steal_index (stack, 0);
        int n = atk_object_get_n_accessible_children (object);
        const char *name = atk_object_get_name (object);

        if (atk_object_get_role (object) == ATK_ROLE_PUSH_BUTTON && name != NULL)
          g_ptr_array_add (seen, (gpointer) name);
        for (int i = n - 1; i >= 0; i--)
          g_ptr_array_insert (stack, 0, atk_object_ref_accessible_child (object, i));
        g_object_unref (object);
      }
    g_ptr_array_unref (stack);
  }
  g_assert_cmpuint (seen->len, ==, G_N_ELEMENTS (tiles));
  for (gsize i = 0; i < G_N_ELEMENTS (tiles); i++)
    g_assert_cmpstr (seen->pdata[i], ==, tiles[i]);
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
  config = kiosk.config;
  jk_window_add_page (window, &enter_page_info, make_enter_page ());
  jk_window_add_page (window, &form_page_info, make_form_page ());
  jk_window_add_page (window, &keyless_page_info, make_form_page ());
  jk_window_add_page (window, &printing_page_info, make_form_page ());
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_present (GTK_WINDOW (window));
  jk_test_resize (GTK_WIDGET (window), 1920, 1080);
  bottom_bar ();

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
  g_test_add_func ("/ui/fits-every-screen", test_fits_every_screen);
  g_test_add_func ("/ui/printer-badge-fits", test_printer_badge_fits);
  g_test_add_func ("/ui/printer-badge-follows-language", test_printer_badge_follows_language);
  g_test_add_func ("/ui/contrast", test_contrast);
  g_test_add_func ("/ui/placeholder-contrast", test_placeholder_contrast);
  g_test_add_func ("/ui/finish-asks", test_finish_asks);
  g_test_add_func ("/ui/finish-yes-wipes-and-tells", test_finish_yes_wipes_and_tells);
  g_test_add_func ("/ui/finish-empty-visit", test_finish_empty_visit);
  g_test_add_func ("/ui/idle-warning-is-modal", test_idle_warning_is_modal);
  g_test_add_func ("/ui/keyboard-enter", test_keyboard_enter);
  g_test_add_func ("/ui/keyboard-tap-reopens", test_keyboard_tap_reopens);
  g_test_add_func ("/ui/keyboard-room", test_keyboard_room);
  g_test_add_func ("/ui/reading-order", test_reading_order);
  status = g_test_run ();

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (app);
  g_object_unref (fake_clock);
  g_ptr_array_unref (log_lines);
  return status;
}
