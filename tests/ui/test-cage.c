/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cage.c: the kiosk in its real session, the cage Wayland compositor
 * (wlroots' headless output, 1280x720), read back with grim */

/* One program, two sides. The test side (no display) starts cage as an
 * unprivileged user with this same program inside it (JK_CAGE_SCENARIO
 * set): that side builds the real kiosk window on GTK's Wayland backend,
 * touches it as a visitor would and, at each checkpoint, saves what the
 * window drew and waits while the test side takes a grim screenshot of the
 * whole output and compares the two. A scenario's result is a file it
 * writes only at its end; a failed assertion aborts it before that. */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <jobkiosk/jk-i18n.h>

#include <gdk/gdkwayland.h>
#include <jobkiosk/jk-idle.h>

#include "shell/jk-keyboard.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"

#define SCREEN_WIDTH 1280
#define SCREEN_HEIGHT 720
/* A pixel differs when a channel is off by more than this. */
#define CHANNEL_SLACK 24
#define NOBODY 65534

/* ---------------------------------------------------------------------- */
/* Inside cage                                                            */

static const char *talk_dir;
static guint checkpoints;

/* The widget whose allocation spans the window's width around child: the
 * bar a button sits in. */
static GtkWidget *
full_width_ancestor (GtkWidget *window,
                     GtkWidget *child)
{
  for (GtkWidget *w = child; w != NULL && w != window; w = gtk_widget_get_parent (w))
    if (gtk_widget_get_allocated_width (w) == gtk_widget_get_allocated_width (window))
      return w;
  return NULL;
}

static void
widget_box (GtkWidget    *widget,
            GtkWidget    *window,
            GdkRectangle *box)
{
  g_assert_true (gtk_widget_translate_coordinates (widget, window, 0, 0, &box->x, &box->y));
  box->width = gtk_widget_get_allocated_width (widget);
  box->height = gtk_widget_get_allocated_height (widget);
}

/* The window as the compositor was given it, and the screen it is on. */
static void
assert_full_screen (GtkWidget *window)
{
  GdkWindow *gdk_window = gtk_widget_get_window (window);
  GdkMonitor *monitor = gdk_display_get_monitor_at_window (gtk_widget_get_display (window), gdk_window);
  GdkRectangle screen;

  g_assert_nonnull (monitor);
  gdk_monitor_get_geometry (monitor, &screen);
  g_assert_cmpint (screen.width, ==, SCREEN_WIDTH);
  g_assert_cmpint (screen.height, ==, SCREEN_HEIGHT);
  g_assert_cmpint (gdk_window_get_width (gdk_window), ==, screen.width);
  g_assert_cmpint (gdk_window_get_height (gdk_window), ==, screen.height);
  g_assert_cmpint (gtk_widget_get_allocated_width (window), ==, screen.width);
  g_assert_cmpint (gtk_widget_get_allocated_height (window), ==, screen.height);
  /* cage 0.1.4 answers the kiosk's fullscreen request with "maximized":
   * either way nothing else is on the screen. */
  g_test_message ("window state: 0x%x", gdk_window_get_state (gdk_window));
  g_assert_true (gdk_window_get_state (gdk_window) & (GDK_WINDOW_STATE_FULLSCREEN | GDK_WINDOW_STATE_MAXIMIZED));
}

/* Lays out and draws what is pending, saves what the window drew, and
 * waits until the test side has taken its screenshot. The file says the
 * rows the real program may draw differently (its clock). */
static void
checkpoint (GtkWidget  *window,
            const char *name,
            int         top_rows_that_vary)
{
  g_autofree char *picture = NULL;
  g_autofree char *ready = NULL;
  g_autofree char *go = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GdkPixbuf) pixbuf = NULL;
  g_autoptr (GError) error = NULL;
  GdkWindow *gdk_window = gtk_widget_get_window (window);
  cairo_surface_t *surface;
  cairo_t *cr;
  gint64 deadline;

  checkpoints++;
  jk_test_wait_drawn (window);
  picture = g_strdup_printf ("%s/window-%u.png", talk_dir, checkpoints);
  /* Drawn again into memory: on Wayland GDK cannot read a window back. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, gdk_window_get_width (gdk_window),
                                        gdk_window_get_height (gdk_window));
  cr = cairo_create (surface);
  gtk_widget_draw (window, cr);
  cairo_destroy (cr);
  pixbuf = gdk_pixbuf_get_from_surface (surface, 0, 0, cairo_image_surface_get_width (surface),
                                        cairo_image_surface_get_height (surface));
  cairo_surface_destroy (surface);
  g_assert_nonnull (pixbuf);
  g_assert_true (gdk_pixbuf_save (pixbuf, picture, "png", &error, NULL));
  g_assert_no_error (error);

  ready = g_strdup_printf ("%s/ready-%u", talk_dir, checkpoints);
  text = g_strdup_printf ("%s %d\n", name, top_rows_that_vary);
  g_assert_true (g_file_set_contents (ready, text, -1, &error));
  go = g_strdup_printf ("%s/go-%u", talk_dir, checkpoints);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!g_file_test (go, G_FILE_TEST_EXISTS))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("checkpoint %s: no screenshot within 60 s", name);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
}

static gboolean
window_is_full_screen (gpointer window)
{
  GdkWindow *gdk_window = gtk_widget_get_window (window);

  return gdk_window != NULL && gtk_widget_get_allocated_height (window) == SCREEN_HEIGHT &&
         gdk_window_get_height (gdk_window) == SCREEN_HEIGHT &&
         (gdk_window_get_state (gdk_window) & (GDK_WINDOW_STATE_FULLSCREEN | GDK_WINDOW_STATE_MAXIMIZED));
}

static gboolean
keyboard_settled (gpointer window)
{
  GtkWidget *revealer = gtk_widget_get_parent (GTK_WIDGET (jk_window_get_keyboard (window)));

  return gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)) ==
         gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

/* The bars and the keyboard lie whole on the screen. */
static void
assert_bars_on_screen (GtkWidget *window,
                       gboolean   keyboard)
{
  GtkWidget *english = jk_test_find_by_name (window, "English");
  GtkWidget *top_bar;
  GdkRectangle box;

  g_assert_nonnull (english);
  top_bar = full_width_ancestor (window, english);
  g_assert_nonnull (top_bar);
  widget_box (top_bar, window, &box);
  g_assert_cmpint (box.y, ==, 0);
  if (keyboard)
    {
      GtkWidget *revealer = gtk_widget_get_parent (GTK_WIDGET (jk_window_get_keyboard (JK_WINDOW (window))));

      widget_box (revealer, window, &box);
      g_assert_cmpint (box.y + box.height, <=, SCREEN_HEIGHT);
      g_assert_cmpint (box.width, ==, SCREEN_WIDTH);
    }
  else
    {
      GtkWidget *help = jk_test_find_by_name (window, "Help");
      GtkWidget *bottom_bar;

      g_assert_nonnull (help);
      bottom_bar = full_width_ancestor (window, help);
      g_assert_nonnull (bottom_bar);
      widget_box (bottom_bar, window, &box);
      /* Drawn to the screen's last row, not below it. */
      g_assert_cmpint (box.y + box.height, ==, SCREEN_HEIGHT);
      widget_box (help, window, &box);
      g_assert_cmpint (box.y + box.height, <=, SCREEN_HEIGHT);
      g_assert_cmpint (box.x + box.width, <=, SCREEN_WIDTH);
    }
}

static int
top_bar_height (GtkWidget *window)
{
  return gtk_widget_get_allocated_height (full_width_ancestor (window, jk_test_find_by_name (window, "English")));
}

/* A touch on a widget: a press and a release through its own gesture. */
static void
touch (GtkWidget *widget)
{
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_is_sensitive (widget));
  jk_test_click_widget (widget);
}

static void
touch_key (JkKeyboard *keyboard,
           const char *key_id)
{
  GtkWidget *key = jk_keyboard_find_key (keyboard, key_id);

  if (key == NULL)
    g_error ("no key “%s” on the keyboard", key_id);
  touch (key);
}

/* The home screen as the first visitor sees it. */
static void
scenario_home (JkTestKiosk *kiosk)
{
  GtkWidget *window = GTK_WIDGET (kiosk->window);

  checkpoint (window, "home", top_bar_height (window));
}

/* A visitor searches with the on-screen keyboard, then walks away. */
static void
scenario_visit (JkTestKiosk *kiosk,
                JkClock     *clock)
{
  GtkWidget *window = GTK_WIDGET (kiosk->window);
  JkWindow *jk_window = kiosk->window;
  JkKeyboard *keyboard = jk_window_get_keyboard (jk_window);
  GtkWidget *warning = jk_window_get_idle_warning (jk_window);
  GtkWidget *entry;
  const char *const keys[] = { "shift", "C", "o", "o", "k", NULL };

  touch (jk_test_find_by_name (window, "Find a job"));
  g_assert_cmpstr (jk_window_get_page_name (jk_window), ==, "jobs");
  entry = GTK_WIDGET (jk_test_find_by_type (window, GTK_TYPE_ENTRY));
  g_assert_nonnull (entry);

  /* A touch on the field opens the keyboard, whether or not the page
   * already gave the field the focus. */
  jk_test_send_button_event (entry, GDK_BUTTON_PRESS);
  jk_test_send_button_event (entry, GDK_BUTTON_RELEASE);
  jk_test_run_for (50);
  g_assert_true (gtk_widget_has_focus (entry));
  g_assert_true (jk_window_get_keyboard_shown (jk_window));
  g_assert_true (jk_keyboard_get_target (keyboard) == entry);

  for (guint i = 0; keys[i] != NULL; i++)
    touch_key (keyboard, keys[i]);
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (entry)), ==, "Cook");
  g_assert_true (gtk_widget_has_focus (entry));
  jk_test_wait_until (keyboard_settled, window, 5000);
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  assert_bars_on_screen (window, TRUE);
  checkpoint (window, "keyboard", 0);

  /* The visitor walks away: the warning, then the wipe. */
  jk_idle_monitor_poke (jk_window_get_idle_monitor (jk_window));
  jk_clock_advance (clock, (gint64) kiosk->config->idle_timeout * G_USEC_PER_SEC);
  g_assert_true (gtk_widget_get_visible (warning));
  /* The warning takes the keyboard away: compare once it has slid out, or
   * the screenshot and the window's own picture catch it mid-way. */
  jk_test_wait_until (keyboard_settled, window, 5000);
  checkpoint (window, "idle-warning", 0);
  for (guint i = 0; i < kiosk->config->idle_warning && gtk_widget_get_visible (warning); i++)
    jk_clock_advance (clock, G_USEC_PER_SEC);
  g_assert_false (gtk_widget_get_visible (warning));
  g_assert_cmpstr (jk_window_get_page_name (jk_window), ==, "home");
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (entry)), ==, "");
  g_assert_true (jk_session_is_pristine (jk_window_get_session (jk_window)));
  jk_test_wait_until (keyboard_settled, window, 5000);
  g_assert_false (jk_window_get_keyboard_shown (jk_window));
  jk_test_wait_until (window_is_full_screen, window, 5000);
  assert_full_screen (window);
  assert_bars_on_screen (window, FALSE);
  checkpoint (window, "wiped", 0);
}

static int
run_inside (const char *scenario)
{
  g_autoptr (GDateTime) start = g_date_time_new_local (2026, 11, 22, 9, 40, 0);
  g_autoptr (JkClock) clock = jk_clock_new_fake (start);
  g_autoptr (GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *result = NULL;
  JkApplicationOptions options = { .kiosk_mode = TRUE };
  JkTestKiosk kiosk = { 0 };
  GtkWidget *window;

  talk_dir = g_getenv ("JK_CAGE_TALK");
  g_assert_nonnull (talk_dir);
  jk_i18n_init ();
  if (!gtk_init_check (NULL, NULL))
    g_error ("no Wayland display inside cage");
  g_assert_true (GDK_IS_WAYLAND_DISPLAY (gdk_display_get_default ()));

  db_path = g_build_filename (g_get_home_dir (), "jobkiosk.db", NULL);
  kiosk.config = jk_config_load (NULL, &error);
  g_assert_no_error (error);
  kiosk.store = jk_store_open (db_path, &error);
  g_assert_no_error (error);
  kiosk.speaker = jk_speaker_recorder_new ();
  options.speaker = JK_SPEAKER (kiosk.speaker);
  kiosk.app = jk_application_new (kiosk.config, kiosk.store, clock, &options);
  g_assert_true (g_application_register (G_APPLICATION (kiosk.app), NULL, NULL));
  jk_application_load_style ();
  kiosk.window = jk_application_create_window (kiosk.app);
  jk_test_kiosk_sync (&kiosk, NULL, g_date_time_to_unix (start));
  window = GTK_WIDGET (kiosk.window);
  gtk_window_present (GTK_WINDOW (window));

  /* The compositor decides the size: wait for its answer. */
  jk_test_wait_until (window_is_full_screen, window, 10000);
  jk_test_wait_drawn (window);
  assert_full_screen (window);
  assert_bars_on_screen (window, FALSE);
  /* A touch screen alone gives the seat no keyboard, and Wayland keyboard
   * focus then never comes: the window is active all the same, or the
   * field typed into shows neither its cursor nor its focus ring. */
  g_assert_true (gtk_window_is_active (GTK_WINDOW (window)));

  if (g_strcmp0 (scenario, "home") == 0)
    scenario_home (&kiosk);
  else if (g_strcmp0 (scenario, "visit") == 0)
    scenario_visit (&kiosk, clock);
  else
    g_error ("no scenario “%s”", scenario);

  result = g_build_filename (talk_dir, "result", NULL);
  g_assert_true (g_file_set_contents (result, "ok\n", -1, &error));
  gtk_widget_destroy (window);
  g_object_unref (kiosk.app);
  return 0;
}

/* ---------------------------------------------------------------------- */
/* The test side                                                          */

typedef struct {
  char *dir;        /* private: the session's home, runtime folder, talk */
  char *run_dir;
  char *home_dir;
  char *talk;
  char *log;
  GPid cage;       /* 0 once it has ended */
  GPid group;      /* the process group cage was started in */
  gboolean as_nobody;
} Session;

/* The tool's path, found once (meson checked they are all installed). */
static const char *
required_tool (const char *name)
{
  static GHashTable *found;
  char *path;

  if (found == NULL)
    found = g_hash_table_new (g_str_hash, g_str_equal);
  path = g_hash_table_lookup (found, name);
  if (path == NULL)
    {
      path = g_find_program_in_path (name);
      if (path == NULL)
        g_error ("%s is not installed (packaging/dev/deps installs it)", name);
      g_hash_table_insert (found, (gpointer) name, path);
    }
  return path;
}

static void
own_for_session (Session    *session,
                 const char *path,
                 int         mode)
{
  g_assert_cmpint (g_mkdir_with_parents (path, mode), ==, 0);
  g_assert_cmpint (chmod (path, mode), ==, 0);
  if (session->as_nobody)
    g_assert_cmpint (chown (path, NOBODY, NOBODY), ==, 0);
}

/* The environment cage and what it runs get: nothing of the test's own
 * but what names the source tree, the catalogues and the demo. */
static GStrv
session_env (Session    *session,
             const char *scenario)
{
  GPtrArray *env = g_ptr_array_new ();
  const char *const passed[] = {
    "JOBKIOSK_DATADIR", "JOBKIOSK_LOCALEDIR", "JOBKIOSK_SYSCONFDIR", "G_DEBUG", "G_TEST_SRCDIR", "G_TEST_BUILDDIR",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (passed); i++)
    if (g_getenv (passed[i]) != NULL)
      g_ptr_array_add (env, g_strdup_printf ("%s=%s", passed[i], g_getenv (passed[i])));
  g_ptr_array_add (env, g_strdup ("PATH=/usr/bin:/bin"));
  g_ptr_array_add (env, g_strdup ("LANG=C.UTF-8"));
  g_ptr_array_add (env, g_strdup_printf ("HOME=%s", session->home_dir));
  g_ptr_array_add (env, g_strdup_printf ("XDG_DATA_HOME=%s/data", session->home_dir));
  g_ptr_array_add (env, g_strdup_printf ("XDG_RUNTIME_DIR=%s", session->run_dir));
  g_ptr_array_add (env, g_strdup_printf ("TMPDIR=%s", session->home_dir));
  g_ptr_array_add (env, g_strdup_printf ("JK_CAGE_TALK=%s", session->talk));
  if (scenario != NULL)
    g_ptr_array_add (env, g_strdup_printf ("JK_CAGE_SCENARIO=%s", scenario));
  g_ptr_array_add (env, g_strdup ("WLR_BACKENDS=headless"));
  g_ptr_array_add (env, g_strdup ("WLR_LIBINPUT_NO_DEVICES=1"));
  g_ptr_array_add (env, g_strdup ("WLR_RENDERER=pixman"));
  /* What packaging/systemd/jobkiosk.service sets. */
  g_ptr_array_add (env, g_strdup ("XDG_SESSION_TYPE=wayland"));
  g_ptr_array_add (env, g_strdup ("GDK_BACKEND=wayland"));
  g_ptr_array_add (env, g_strdup ("NO_AT_BRIDGE=1"));
  g_ptr_array_add (env, g_strdup ("GSETTINGS_BACKEND=memory"));
  g_ptr_array_add (env, NULL);
  return (GStrv) g_ptr_array_free (env, FALSE);
}

/* argv run as the session's user: as root (CI) through setpriv, since
 * cage refuses to run as root; otherwise as is. */
static GStrv
as_session_user (Session           *session,
                 const char *const *argv)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  if (session->as_nobody)
    {
      const char *const setpriv[] = {
        /* A new user clears the parent-death signal the test set: set
         * it again, so cage ends even if the test aborts. */
        required_tool ("setpriv"), "--reuid=65534", "--regid=65534", "--clear-groups", "--pdeathsig=TERM", NULL,
      };
      g_strv_builder_addv (builder, (const char **) setpriv);
    }
  g_strv_builder_addv (builder, (const char **) argv);
  return g_strv_builder_end (builder);
}


/* As root the session runs as nobody, who must reach the build tree: a
 * checkout under a folder only root may enter (mktemp -d makes them 0700)
 * would otherwise end cage at once with nothing in its log to say why. */
static void
assert_nobody_reaches (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  while (strcmp (dir, "/") != 0 && strcmp (dir, ".") != 0)
    {
      struct stat st;
      char *parent;

      g_assert_cmpint (stat (dir, &st), ==, 0);
      if ((st.st_mode & S_IXOTH) == 0)
        g_error ("the session runs as nobody (uid %d), who cannot enter %s (mode %o): make the folders above "
                 "the build tree searchable by others (chmod o+x)", NOBODY, dir, st.st_mode & 07777);
      parent = g_path_get_dirname (dir);
      g_free (dir);
      dir = parent;
    }
}
static void
session_start (Session           *session,
               const char        *scenario,
               const char *const *program)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) env = NULL;
  g_auto (GStrv) cage_argv = NULL;
  g_auto (GStrv) argv = NULL;
  g_autoptr (GError) error = NULL;
  int log_fd;

  memset (session, 0, sizeof *session);
  session->as_nobody = geteuid () == 0;
  if (session->as_nobody)
    assert_nobody_reaches (g_getenv ("JK_TEST_CAGE"));
  session->dir = g_dir_make_tmp ("jk-cage-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_cmpint (chmod (session->dir, 0755), ==, 0);
  session->run_dir = g_build_filename (session->dir, "run", NULL);
  session->home_dir = g_build_filename (session->dir, "home", NULL);
  session->talk = g_build_filename (session->dir, "talk", NULL);
  session->log = g_build_filename (session->dir, "cage.log", NULL);
  own_for_session (session, session->run_dir, 0700);
  own_for_session (session, session->home_dir, 0700);
  own_for_session (session, session->talk, 0755);

  /* cage hands a window that covers the whole output straight to it
   * (direct scan-out), and wlroots 0.15's headless output then gives
   * screenshots a black frame. Turned 180° the output composes the window
   * itself, the window keeps the screen's size, and grim turns it back. */
  g_strv_builder_add (builder, required_tool ("cage"));
  g_strv_builder_addv (builder, (const char *[]) { "-r", "-r", "-d", "--", NULL });
  g_strv_builder_addv (builder, (const char **) program);
  cage_argv = g_strv_builder_end (builder);
  argv = as_session_user (session, (const char *const *) cage_argv);
  env = session_env (session, scenario);

  log_fd = open (session->log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  g_assert_cmpint (log_fd, >=, 0);
  g_spawn_async_with_pipes_and_fds (NULL, (const char *const *) argv, (const char *const *) env,
                                    G_SPAWN_DO_NOT_REAP_CHILD, jk_test_child_setup, GINT_TO_POINTER (getpid ()),
                                    -1, log_fd, log_fd, NULL, NULL, 0, &session->cage, NULL, NULL, NULL, &error);
  close (log_fd);
  g_assert_no_error (error);
  session->group = session->cage;
}

static void
print_log (Session *session)
{
  g_autofree char *log = jk_test_read_text (session->log);

  if (log != NULL)
    g_test_message ("cage's log:\n%s", log);
}

/* Waits for cage to end by itself; FALSE if it was still running after
 * timeout_s. Its exit status goes to status. */
static gboolean
session_wait (Session *session,
              int      timeout_s,
              int     *status)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_s * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      pid_t r = waitpid (session->cage, status, WNOHANG);

      if (r == session->cage)
        {
          session->cage = 0;
          return TRUE;
        }
      g_assert_cmpint (r, ==, 0);
      g_usleep (20 * 1000);
    }
  return FALSE;
}

/* Ends cage and what runs in it (their own process group, the one the test
 * started) and removes the session's folder. */
static void
session_end (Session *session)
{
  if (session->cage > 0)
    {
      int status;

      kill (session->cage, SIGTERM);
      if (!session_wait (session, 5, &status))
        {
          g_test_message ("cage did not end on SIGTERM: killing its process group");
          jk_test_kill_group_and_reap (session->cage);
          session->cage = 0;
        }
    }
  /* The program inside ends once its display is gone; should it not,
   * it is still in the group cage was started in. */
  for (int i = 0; waitpid (-session->group, NULL, WNOHANG) >= 0; i++)
    {
      if (i == 250)
        {
          g_test_message ("what ran in cage outlived it by 5 s: killing its process group");
          kill (-session->group, SIGKILL);
        }
      g_usleep (20 * 1000);
    }
  jk_test_remove_tree (session->dir);
  g_free (session->dir);
  g_free (session->run_dir);
  g_free (session->home_dir);
  g_free (session->talk);
  g_free (session->log);
}

static GdkPixbuf *
grim (Session    *session,
      const char *name)
{
  g_autofree char *socket = g_build_filename (session->run_dir, "wayland-0", NULL);
  g_autofree char *out = g_build_filename (session->talk, "grim.png", NULL);
  g_autofree char *runtime = g_strdup_printf ("XDG_RUNTIME_DIR=%s", session->run_dir);
  const char *const grim_argv[] = { required_tool ("env"), "-i", runtime, "WAYLAND_DISPLAY=wayland-0",
                                    required_tool ("grim"), out, NULL };
  g_auto (GStrv) argv = as_session_user (session, grim_argv);
  g_autoptr (GError) error = NULL;
  g_autofree char *errors = NULL;
  int status = 0;
  const char *dir = g_getenv ("JK_SCREENSHOT_DIR");
  g_autofree char *keep = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  GdkPixbuf *pixbuf;

  g_assert_true (g_file_test (socket, G_FILE_TEST_EXISTS));
  g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &errors, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("grim failed: %s", errors);
  pixbuf = gdk_pixbuf_new_from_file (out, &error);
  g_assert_no_error (error);

  if (dir == NULL)
    dir = "screenshots";
  g_mkdir_with_parents (dir, 0755);
  keep = g_strdup_printf ("%s/cage-%s.png", dir, name);
  g_assert_true (g_file_get_contents (out, &contents, &length, &error));
  g_assert_true (g_file_set_contents (keep, contents, (gssize) length, &error));
  g_test_message ("screenshot: %s", keep);
  g_unlink (out);
  return pixbuf;
}

/* How many pixels of rows first_row.. differ between the two pictures. */
static guint
count_different (GdkPixbuf *a,
                 GdkPixbuf *b,
                 int        first_row)
{
  int width = gdk_pixbuf_get_width (a), height = gdk_pixbuf_get_height (a);
  int na = gdk_pixbuf_get_n_channels (a), nb = gdk_pixbuf_get_n_channels (b);
  const guchar *pa = gdk_pixbuf_read_pixels (a), *pb = gdk_pixbuf_read_pixels (b);
  int sa = gdk_pixbuf_get_rowstride (a), sb = gdk_pixbuf_get_rowstride (b);
  guint different = 0;

  g_assert_cmpint (gdk_pixbuf_get_width (b), ==, width);
  g_assert_cmpint (gdk_pixbuf_get_height (b), ==, height);
  for (int y = first_row; y < height; y++)
    for (int x = 0; x < width; x++)
      for (int c = 0; c < 3; c++)
        if (ABS (pa[y * sa + x * na + c] - pb[y * sb + x * nb + c]) > CHANNEL_SLACK)
          {
            different++;
            break;
          }
  return different;
}

/* How many pixels of the picture's last rows are black, the colour of an
 * output where nothing was drawn. */
static guint
count_black_at_bottom (GdkPixbuf *picture,
                       int        rows)
{
  int width = gdk_pixbuf_get_width (picture), height = gdk_pixbuf_get_height (picture);
  int n = gdk_pixbuf_get_n_channels (picture), stride = gdk_pixbuf_get_rowstride (picture);
  const guchar *p = gdk_pixbuf_read_pixels (picture);
  guint black = 0;

  for (int y = height - rows; y < height; y++)
    for (int x = 0; x < width; x++)
      if (p[y * stride + x * n] < 8 && p[y * stride + x * n + 1] < 8 && p[y * stride + x * n + 2] < 8)
        black++;
  return black;
}

static void
assert_screen_size (GdkPixbuf *shot)
{
  g_assert_cmpint (gdk_pixbuf_get_width (shot), ==, SCREEN_WIDTH);
  g_assert_cmpint (gdk_pixbuf_get_height (shot), ==, SCREEN_HEIGHT);
}

typedef struct {
  char *name;
  int top_rows_that_vary;
  GdkPixbuf *window;  /* what the window drew there */
} Checkpoint;

static void
checkpoint_free (Checkpoint *checkpoint)
{
  g_free (checkpoint->name);
  g_clear_object (&checkpoint->window);
  g_free (checkpoint);
}

/* Beside the screenshot, to compare by eye when they differ. */
static void
keep_window_picture (Checkpoint *checkpoint)
{
  const char *dir = g_getenv ("JK_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  path = g_strdup_printf ("%s/cage-%s-window.png", dir != NULL ? dir : "screenshots", checkpoint->name);
  g_assert_true (gdk_pixbuf_save (checkpoint->window, path, "png", &error, NULL));
}

/* Runs a scenario in cage: at each checkpoint, the whole output must be
 * exactly what the window drew. Returns the checkpoints. */
static GPtrArray *
run_scenario (const char *scenario)
{
  const char *self = g_getenv ("JK_TEST_CAGE");
  const char *const program[] = { self, NULL };
  g_autoptr (GPtrArray) checkpoints_seen = g_ptr_array_new_with_free_func ((GDestroyNotify) checkpoint_free);
  g_autofree char *result_path = NULL;
  g_autofree char *result = NULL;
  Session session;
  int status = 0;
  gboolean ended = FALSE;

  g_assert_nonnull (self);
  session_start (&session, scenario, program);
  for (guint n = 1; !ended; n++)
    {
      g_autofree char *ready = g_strdup_printf ("%s/ready-%u", session.talk, n);
      g_autofree char *go = g_strdup_printf ("%s/go-%u", session.talk, n);
      g_autofree char *window_path = g_strdup_printf ("%s/window-%u.png", session.talk, n);
      g_autofree char *text = NULL;
      g_autoptr (GdkPixbuf) shot = NULL;
      g_autoptr (GError) error = NULL;
      Checkpoint *checkpoint;
      gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
      char name[64];
      guint different;

      while (!g_file_test (ready, G_FILE_TEST_EXISTS))
        {
          if (waitpid (session.cage, &status, WNOHANG) == session.cage)
            {
              session.cage = 0;
              ended = TRUE;
              break;
            }
          if (g_get_monotonic_time () > deadline)
            {
              print_log (&session);
              g_error ("%s: checkpoint %u not reached within 60 s", scenario, n);
            }
          g_usleep (20 * 1000);
        }
      if (ended)
        break;

      checkpoint = g_new0 (Checkpoint, 1);
      text = jk_test_read_text (ready);
      g_assert_cmpint (sscanf (text, "%63s %d", name, &checkpoint->top_rows_that_vary), ==, 2);
      checkpoint->name = g_strdup (name);
      checkpoint->window = gdk_pixbuf_new_from_file (window_path, &error);
      g_assert_no_error (error);
      g_ptr_array_add (checkpoints_seen, checkpoint);
      keep_window_picture (checkpoint);

      shot = grim (&session, checkpoint->name);
      assert_screen_size (shot);
      assert_screen_size (checkpoint->window);
      /* The screen shows the window whole, from its first row to its last:
       * nothing cut off, nothing of the output left undrawn. */
      different = count_different (shot, checkpoint->window, 0);
      g_test_message ("%s: %u of %d pixels differ from what the window drew", checkpoint->name, different,
                      SCREEN_WIDTH * SCREEN_HEIGHT);
      g_assert_cmpuint (different, <=, SCREEN_WIDTH * SCREEN_HEIGHT / 200);
      g_assert_cmpuint (count_black_at_bottom (shot, 8), ==, 0);
      g_assert_true (g_file_set_contents (go, "", 0, &error));
    }

  result_path = g_build_filename (session.talk, "result", NULL);
  result = jk_test_read_text (result_path);
  if (g_strcmp0 (result, "ok\n") != 0)
    {
      print_log (&session);
      g_error ("%s: the kiosk inside cage failed (see its log above)", scenario);
    }
  session_end (&session);
  return g_steal_pointer (&checkpoints_seen);
}

static void
test_home (void)
{
  g_autoptr (GPtrArray) seen = run_scenario ("home");
  Checkpoint *home;
  const char *jobkiosk = g_getenv ("JK_JOBKIOSK");
  const char *const program[] = { jobkiosk, "--kiosk", NULL };
  Session session;
  gint64 deadline;
  guint different = G_MAXUINT;

  g_assert_cmpuint (seen->len, ==, 1);
  home = seen->pdata[0];

  /* The real program on its demo, as its systemd unit starts it: the same
   * home screen, full screen, but for the top bar's real clock. */
  g_assert_nonnull (jobkiosk);
  session_start (&session, NULL, program);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (different > 0 && g_get_monotonic_time () < deadline)
    {
      g_autofree char *socket = g_build_filename (session.run_dir, "wayland-0", NULL);
      g_autoptr (GdkPixbuf) shot = NULL;
      int status;

      g_usleep (500 * 1000);
      if (waitpid (session.cage, &status, WNOHANG) == session.cage)
        {
          session.cage = 0;
          print_log (&session);
          g_error ("cage ended with jobkiosk before it was drawn");
        }
      if (!g_file_test (socket, G_FILE_TEST_EXISTS))
        continue;
      shot = grim (&session, "jobkiosk-home");
      assert_screen_size (shot);
      different = count_different (shot, home->window, home->top_rows_that_vary);
    }
  g_test_message ("jobkiosk --kiosk: %u pixels below the top bar differ from the home screen", different);
  if (different > SCREEN_WIDTH * SCREEN_HEIGHT / 200)
    print_log (&session);
  g_assert_cmpuint (different, <=, SCREEN_WIDTH * SCREEN_HEIGHT / 200);
  session_end (&session);
}

static void
test_visit (void)
{
  g_autoptr (GPtrArray) seen = run_scenario ("visit");
  const char *const expected[] = { "keyboard", "idle-warning", "wiped" };

  g_assert_cmpuint (seen->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < seen->len; i++)
    g_assert_cmpstr (((Checkpoint *) seen->pdata[i])->name, ==, expected[i]);
}

int
main (int   argc,
      char *argv[])
{
  const char *scenario = g_getenv ("JK_CAGE_SCENARIO");

  if (scenario != NULL)
    return run_inside (scenario);

  g_test_init (&argc, &argv, NULL);
  /* What runs inside cage is left to this process when cage ends, so it
   * is reaped here and its end can be waited for. */
  prctl (PR_SET_CHILD_SUBREAPER, 1);
  g_test_add_func ("/cage/home", test_home);
  g_test_add_func ("/cage/visit", test_visit);
  return g_test_run ();
}
