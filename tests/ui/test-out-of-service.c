/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-out-of-service.c: a kiosk whose database cannot be used shows "out
 * of service, please ask staff" in both languages and stays up */

#include <gdk/gdkx.h>
#include <glib/gstdio.h>
#include <jobkiosk/jk-i18n.h>
#include <signal.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include "shell/jk-out-of-service.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"

#define TITLE_EN "This kiosk is out of service"
#define TITLE_ES "Este quiosco está fuera de servicio"
#define BODY_EN "Please ask a staff member for help."
#define BODY_ES "Por favor, pida ayuda a un miembro del personal."

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static int
font_points (GtkWidget *widget)
{
  PangoFontDescription *font = NULL;
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int points;

  gtk_style_context_get (context, gtk_style_context_get_state (context), "font", &font, NULL);
  points = pango_font_description_get_size (font) / PANGO_SCALE;
  pango_font_description_free (font);
  return points;
}

/* The top-level X window whose title is title, on this display, or None:
 * the real kiosk is another process, so X is where it can be seen. */
static Window
find_x_window (const char *title)
{
  Display *x = GDK_DISPLAY_XDISPLAY (gdk_display_get_default ());
  Window root_return, parent_return, *children = NULL, found = None;
  unsigned int n = 0;

  if (!XQueryTree (x, DefaultRootWindow (x), &root_return, &parent_return, &children, &n))
    return None;
  for (unsigned int i = 0; i < n && found == None; i++)
    {
      XTextProperty property = { 0 };
      char **list = NULL;
      int count = 0;

      if (XGetTextProperty (x, children[i], &property, XInternAtom (x, "_NET_WM_NAME", False)) &&
          Xutf8TextPropertyToTextList (x, &property, &list, &count) >= Success && count > 0 &&
          g_strcmp0 (list[0], title) == 0)
        {
          XWindowAttributes attributes;
          if (XGetWindowAttributes (x, children[i], &attributes) && attributes.map_state == IsViewable)
            found = children[i];
        }
      if (list != NULL)
        XFreeStringList (list);
      if (property.value != NULL)
        XFree (property.value);
    }
  if (children != NULL)
    XFree (children);
  return found;
}

typedef struct {
  GSubprocess *process;
  gboolean exited;
} Child;

static void
on_child_exited (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Child *child = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  child->exited = TRUE;
}

typedef struct {
  Child *child;
  const char *title;
  Window window;
} WindowWait;

static gboolean
window_shown_or_exited (gpointer data)
{
  WindowWait *wait = data;

  wait->window = find_x_window (wait->title);
  return wait->window != None || wait->child->exited;
}

/* Dark ink on the light page: the pixels text and the icon are drawn in. */
static guint
count_ink_pixels (GdkPixbuf *pixbuf)
{
  const guchar *pixels = gdk_pixbuf_read_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf), channels = gdk_pixbuf_get_n_channels (pixbuf);
  guint ink = 0;

  for (int y = 0; y < gdk_pixbuf_get_height (pixbuf); y++)
    for (int x = 0; x < gdk_pixbuf_get_width (pixbuf); x++)
      {
        const guchar *p = pixels + y * stride + x * channels;
        ink += p[0] + p[1] + p[2] < 3 * 128;
      }
  return ink;
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

/* Both languages at once, whatever the kiosk's, in large text, with
 * nothing to press. */
static void
test_screen (void)
{
  GtkWidget *window;
  GtkLabel *title_en, *title_es;
  const char *name;

  jk_i18n_set_language ("es");
  window = jk_out_of_service_new ();
  jk_i18n_set_language ("en");
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_widget_show (window);
  jk_test_wait_drawn (window);

  title_en = jk_test_find_label (window, TITLE_EN);
  title_es = jk_test_find_label (window, TITLE_ES);
  g_assert_nonnull (title_en);
  g_assert_nonnull (title_es);
  g_assert_nonnull (jk_test_find_label (window, BODY_EN));
  g_assert_nonnull (jk_test_find_label (window, BODY_ES));
  g_assert_cmpint (font_points (GTK_WIDGET (title_en)), >=, 30);
  g_assert_cmpint (font_points (GTK_WIDGET (title_es)), >=, 30);
  g_assert_null (jk_test_find_by_type (window, GTK_TYPE_BUTTON));
  g_assert_null (jk_test_find_by_type (window, GTK_TYPE_ENTRY));

  /* A screen reader hears both languages. */
  name = atk_object_get_name (gtk_widget_get_accessible (window));
  g_assert_nonnull (strstr (name, TITLE_EN));
  g_assert_nonnull (strstr (name, TITLE_ES));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Job Kiosk: " TITLE_EN " / " TITLE_ES);

  /* Closing it does nothing: only stopping the service ends it. */
  gtk_window_close (GTK_WINDOW (window));
  jk_test_run_for (50);
  g_assert_true (gtk_widget_get_visible (window));

  jk_test_screenshot (window, "out-of-service-1920x1080");
  gtk_widget_destroy (window);
}

/* The real program, given a database from a newer Job Kiosk: it shows the
 * screen, logs why once, stays up, leaves the file as it was, and ends
 * cleanly when the service stops it. */
static void
test_real_kiosk_newer_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jk-oos-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "jobkiosk.db", NULL);
  g_autofree char *log_path = g_build_filename (dir, "stderr.log", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  g_autofree char *log = NULL;
  g_autofree char *shot = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr (GdkPixbuf) pixbuf = NULL;
  g_auto (GStrv) lines = NULL;
  const char *program = g_getenv ("JK_JOBKIOSK");
  const char *screenshots = g_getenv ("JK_SCREENSHOT_DIR");
  guint32 newer = (guint32) jk_store_get_latest_version () + 1;
  GdkWindow *foreign;
  Child child = { 0 };
  WindowWait wait = { &child, "Job Kiosk: " TITLE_EN " / " TITLE_ES, None };
  gsize length;
  guint logged = 0;

  g_assert_nonnull (program);
  /* A kiosk's database, then the schema number a newer kiosk would write. */
  jk_store_free (jk_store_open (db, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (db, &contents, &length, NULL));
  for (int i = 0; i < 4; i++)
    contents[60 + i] = (char) (newer >> (24 - 8 * i));
  g_assert_true (g_file_set_contents (db, contents, (gssize) length, NULL));

  g_subprocess_launcher_set_stderr_file_path (launcher, log_path);
  g_subprocess_launcher_set_child_setup (launcher, jk_test_child_setup, GINT_TO_POINTER (getpid ()), NULL);
  child.process = g_subprocess_launcher_spawn (launcher, &error, program, "--windowed", "--db", db, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (child.process, NULL, on_child_exited, &child);

  jk_test_wait_until (window_shown_or_exited, &wait, 20000);
  g_assert_false (child.exited);
  g_assert_true (wait.window != None);
  jk_test_run_for (500);

  foreign = gdk_x11_window_foreign_new_for_display (gdk_display_get_default (), wait.window);
  pixbuf = gdk_pixbuf_get_from_window (foreign, 0, 0, gdk_window_get_width (foreign), gdk_window_get_height (foreign));
  g_assert_nonnull (pixbuf);
  /* Drawn, not a blank window: text and icon cover a good share of it. */
  g_assert_cmpuint (count_ink_pixels (pixbuf), >, 2000);
  shot = g_build_filename (screenshots != NULL ? screenshots : "screenshots", "out-of-service-real-kiosk.png", NULL);
  g_mkdir_with_parents (screenshots != NULL ? screenshots : "screenshots", 0755);
  g_assert_true (gdk_pixbuf_save (pixbuf, shot, "png", &error, NULL));
  g_assert_no_error (error);
  g_test_message ("screenshot: %s", shot);
  g_object_unref (foreign);

  /* Still up a while later: no exit, no restart loop. */
  jk_test_run_for (1500);
  g_assert_false (child.exited);

  g_subprocess_send_signal (child.process, SIGTERM);
  while (!child.exited)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_subprocess_get_if_exited (child.process));
  g_assert_cmpint (g_subprocess_get_exit_status (child.process), ==, 0);
  g_clear_object (&child.process);

  /* Why, logged once. */
  g_assert_true (g_file_get_contents (log_path, &log, NULL, NULL));
  lines = g_strsplit (log, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    logged += strstr (lines[i], "out of service") != NULL;
  g_assert_cmpuint (logged, ==, 1);
  g_assert_nonnull (strstr (log, "newer Job Kiosk"));

  /* The newer database is exactly as it was. */
  g_assert_true (g_file_get_contents (db, &after, NULL, NULL));
  g_assert_true (memcmp (contents, after, length) == 0);
  jk_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  jk_i18n_init ();
  /* No display is a failure, never a skip. */
  jk_test_require_display ();
  jk_application_load_style ();

  g_test_add_func ("/out-of-service/screen", test_screen);
  g_test_add_func ("/out-of-service/real-kiosk-newer-database", test_real_kiosk_newer_database);
  return g_test_run ();
}
