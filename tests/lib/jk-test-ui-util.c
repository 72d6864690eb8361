/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-ui-util.c: helpers for tests that drive real windows */

#include <glib/gstdio.h>

#include "print/jk-print-page.h"
#include "jk-test-ui-util.h"

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
quit_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
jk_test_run_for (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Waits for one full frame after everything pending has been handled. */
void
jk_test_wait_drawn (GtkWidget *window)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gboolean timed_out = FALSE;
  guint timeout_id;
  gulong handler;

  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  clock = gtk_widget_get_frame_clock (window);
  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (window);
  timeout_id = g_timeout_add (5000, quit_cb, &timed_out);
  while (!painted && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  if (!timed_out)
    g_source_remove (timeout_id);
  g_assert_false (timed_out);
  /* Let the X server take the frame before anyone reads it back. */
  gdk_display_sync (gtk_widget_get_display (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

typedef struct {
  const char *name;
  GType type;
  GtkWidget *found;
} Search;

static void
search_cb (GtkWidget *widget,
           gpointer   user_data)
{
  Search *search = user_data;
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (search->found != NULL || !gtk_widget_get_visible (widget))
    return;
  /* A stack's other pages stay visible, but not child-visible. */
  if (parent != NULL && GTK_IS_STACK (parent) && !gtk_widget_get_child_visible (widget))
    return;
  if (search->name != NULL)
    {
      AtkObject *accessible = gtk_widget_get_accessible (widget);
      if (accessible != NULL && g_strcmp0 (accessible->name, search->name) == 0)
        {
          search->found = widget;
          return;
        }
    }
  else if (G_TYPE_CHECK_INSTANCE_TYPE (widget, search->type))
    {
      search->found = widget;
      return;
    }
  if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), search_cb, search);
}

/* Only among visible widgets, and in a GtkStack only its page shown (a
 * hidden revealer's children are found: tests open it). */
GtkWidget *
jk_test_find_by_name (GtkWidget  *root,
                      const char *accessible_name)
{
  Search search = { accessible_name, G_TYPE_INVALID, NULL };

  search_cb (root, &search);
  return search.found;
}

GtkWidget *
jk_test_find_by_type (GtkWidget *root,
                      GType      type)
{
  Search search = { NULL, type, NULL };

  search_cb (root, &search);
  return search.found;
}

void
jk_test_screenshot (GtkWidget  *window,
                    const char *name)
{
  const char *dir = g_getenv ("JK_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr (GdkPixbuf) pixbuf = NULL;
  g_autoptr (GError) error = NULL;
  GdkWindow *gdk_window = gtk_widget_get_window (window);

  if (dir == NULL)
    dir = "screenshots";
  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  jk_test_wait_drawn (window);
  pixbuf = gdk_pixbuf_get_from_window (gdk_window, 0, 0,
                                       gdk_window_get_width (gdk_window),
                                       gdk_window_get_height (gdk_window));
  g_assert_nonnull (pixbuf);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  g_test_message ("screenshot: %s", path);
}

void
jk_test_require_display (void)
{
  if (!gtk_init_check (NULL, NULL))
    {
      g_printerr ("No display: UI tests need X11 (run them through tests/lib/run-with-display)\n");
      exit (1);
    }
}

typedef struct {
  const char *text;
  GtkLabel *found;
} LabelSearch;

static void
label_search_cb (GtkWidget *widget,
                 gpointer   user_data)
{
  LabelSearch *search = user_data;

  if (search->found != NULL || !gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), search->text) == 0)
    search->found = GTK_LABEL (widget);
  else if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), label_search_cb, search);
}

GtkLabel *
jk_test_find_label (GtkWidget  *root,
                    const char *text)
{
  LabelSearch search = { text, NULL };

  label_search_cb (root, &search);
  return search.found;
}

/* The input-only window GtkButton takes its events on. */
static GdkWindow *
find_event_window (GtkWidget *button)
{
  for (GList *l = gdk_window_peek_children (gtk_widget_get_window (button)); l != NULL; l = l->next)
    {
      gpointer owner = NULL;

      gdk_window_get_user_data (l->data, &owner);
      if (owner == button && gdk_window_is_visible (l->data))
        return l->data;
    }
  return NULL;
}

/* A mouse button going down or up in the middle of a widget, delivered the
 * way GTK delivers real ones: through the button's own gesture. */
void
jk_test_send_button_event (GtkWidget    *button,
                           GdkEventType  type)
{
  GdkWindow *window = find_event_window (button);
  GdkSeat *seat = gdk_display_get_default_seat (gtk_widget_get_display (button));
  GdkEvent *event;
  int root_x = 0, root_y = 0;

  g_assert_nonnull (window);
  event = gdk_event_new (type);
  event->button.window = g_object_ref (window);
  event->button.send_event = TRUE;
  event->button.time = GDK_CURRENT_TIME;
  event->button.x = gtk_widget_get_allocated_width (button) / 2.0;
  event->button.y = gtk_widget_get_allocated_height (button) / 2.0;
  gdk_window_get_root_coords (window, (int) event->button.x, (int) event->button.y, &root_x, &root_y);
  event->button.x_root = root_x;
  event->button.y_root = root_y;
  event->button.button = GDK_BUTTON_PRIMARY;
  event->button.state = type == GDK_BUTTON_RELEASE ? GDK_BUTTON1_MASK : 0;
  gdk_event_set_device (event, gdk_seat_get_pointer (seat));
  gtk_main_do_event (event);
  gdk_event_free (event);
}

void
jk_test_click_widget (GtkWidget *button)
{
  jk_test_send_button_event (button, GDK_BUTTON_PRESS);
  jk_test_send_button_event (button, GDK_BUTTON_RELEASE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
send_key_event (GtkWidget   *window,
                GdkEventType type,
                guint        keyval)
{
  GdkDisplay *display = gtk_widget_get_display (window);
  GdkEvent *event = gdk_event_new (type);
  g_autofree GdkKeymapKey *keys = NULL;
  int n_keys = 0;

  event->key.window = g_object_ref (gtk_widget_get_window (window));
  event->key.send_event = TRUE;
  event->key.time = GDK_CURRENT_TIME;
  event->key.keyval = keyval;
  if (gdk_keymap_get_entries_for_keyval (gdk_keymap_get_for_display (display), keyval, &keys, &n_keys) && n_keys > 0)
    event->key.hardware_keycode = (guint16) keys[0].keycode;
  gdk_event_set_device (event, gdk_seat_get_keyboard (gdk_display_get_default_seat (display)));
  gtk_main_do_event (event);
  gdk_event_free (event);
}

void
jk_test_press_key (GtkWidget *window,
                   guint      keyval)
{
  send_key_event (window, GDK_KEY_PRESS, keyval);
  send_key_event (window, GDK_KEY_RELEASE, keyval);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

void
jk_test_click (GtkWidget  *root,
               const char *accessible_name)
{
  GtkWidget *widget = jk_test_find_by_name (root, accessible_name);

  if (widget == NULL)
    g_error ("no visible widget named “%s”", accessible_name);
  g_assert_true (gtk_widget_is_sensitive (widget));
  gtk_button_clicked (GTK_BUTTON (widget));
  jk_test_run_for (20);
}

void
jk_test_wait_until (gboolean (*done) (gpointer),
                    gpointer   data,
                    guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out after %u ms", timeout_ms);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

void
jk_test_kiosk_start (JkTestKiosk *kiosk,
                     const char  *dir_template,
                     JkClock     *clock)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db_path = NULL;
  JkApplicationOptions options = { .kiosk_mode = FALSE };

  kiosk->state_dir = g_dir_make_tmp (dir_template, NULL);
  db_path = g_build_filename (kiosk->state_dir, "jobkiosk.db", NULL);
  kiosk->config = jk_config_load (NULL, &error);
  g_assert_no_error (error);
  kiosk->store = jk_store_open (db_path, &error);
  g_assert_no_error (error);

  kiosk->speaker = jk_speaker_recorder_new ();
  options.speaker = JK_SPEAKER (kiosk->speaker);
  kiosk->app = jk_application_new (kiosk->config, kiosk->store, clock, &options);
  g_assert_true (g_application_register (G_APPLICATION (kiosk->app), NULL, NULL));
  jk_application_load_style ();
  kiosk->window = jk_application_create_window (kiosk->app);
}

gboolean
jk_test_print_rendered (gpointer app)
{
  return !jk_print_page_is_rendering (jk_application_get_print_page (app));
}

gboolean
jk_test_print_ready (gpointer window)
{
  GtkWidget *button = jk_test_find_by_name (window, "Print");

  return button != NULL && gtk_widget_is_sensitive (button);
}

void
jk_test_show_window (JkWindow *window,
                     int       width,
                     int       height)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  jk_test_wait_drawn (GTK_WIDGET (window));
}

void
jk_test_resize (GtkWidget *window,
                int        width,
                int        height)
{
  gtk_window_resize (GTK_WINDOW (window), width, height);
  jk_test_run_for (150);
  jk_test_wait_drawn (window);
}

JkSearchPage *
jk_test_search_page (JkWindow *window)
{
  return JK_SEARCH_PAGE (jk_window_get_page (window, &jk_search_page_info));
}

gboolean
jk_test_search_idle (gpointer window)
{
  return !jk_search_page_is_busy (jk_test_search_page (window));
}

gint64
jk_test_kiosk_sync (JkTestKiosk    *kiosk,
                    const JkSource *source,
                    gint64          now)
{
  g_autoptr (GPtrArray) sources = NULL;
  JkSyncOptions options = { 0 };
  JkSyncReport report = { 0 };
  g_autoptr (GError) error = NULL;
  gint64 active;

  if (source == NULL)
    {
      sources = jk_sources_from_config (kiosk->config, NULL);
      g_assert_cmpuint (sources->len, ==, 1);
      source = sources->pdata[0];
    }
  jk_sync_options_init (&options, kiosk->config, jk_store_get_path (kiosk->store));
  g_assert_true (jk_sync_source (kiosk->store, source, &options, now, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report.outcome, ==, JK_SYNC_OK);
  active = report.active;
  jk_sync_report_clear (&report);
  jk_sync_options_clear (&options);
  return active;
}

void
jk_test_fresh_visit (JkWindow *window)
{
  jk_window_finish_visit (window);
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  g_assert_true (jk_session_is_pristine (jk_window_get_session (window)));
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "home");
}
