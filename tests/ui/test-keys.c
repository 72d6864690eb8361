/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-keys.c: every screen with keys alone, as a visitor with a
 * navigation keypad meets it: everything that can be touched is reached
 * by the keypad's Down, in reading order, and shows where the focus is
 * with an outline that stands out, at the kiosk's two screen sizes, in
 * both looks, with speech off and on */

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-speech.h>

#include "shell/jk-application.h"
#include "jk-test-layout.h"
#include "jk-test-log.h"
#include "jk-test-screens.h"
#include "jk-test-ui-util.h"

static JkTestKiosk kiosk;
static JkWindow *window;
static JkClock *fake_clock;

static const struct {
  int width, height;
} sizes[] = {
  { 1280, 720 },
  { 1920, 1080 },
};

static const struct {
  const char *name;
  gboolean high_contrast_large_text;
} themes[] = {
  { "normal", FALSE },
  { "large-hc", TRUE },
};

/* The smallest outline contrast measured in each look, over every case run. */
static double min_outline[G_N_ELEMENTS (themes)] = { G_MAXDOUBLE, G_MAXDOUBLE };

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

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
  path = g_strdup_printf ("%s/keys-%s.txt", dir, screen);
  for (guint i = 0; i < failures->len; i++)
    g_string_append_printf (text, "%s\n", (char *) failures->pdata[i]);
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
}

/* The idle warning goes at the first key (any key continues: that is
 * what it asks), so its buttons are not walked to: each is focused as the
 * warning focuses its first, and its outline measured. */
static void
check_modal_outlines (const char *where,
                      GPtrArray  *failures,
                      double     *min)
{
  g_autoptr (GPtrArray) widgets = jk_layout_collect_actionable (jk_window_get_idle_warning (window));

  if (widgets->len == 0)
    g_ptr_array_add (failures, g_strdup_printf ("%s: keys: the idle warning has nothing to focus", where));
  for (guint i = 0; i < widgets->len; i++)
    {
      gtk_widget_grab_focus (widgets->pdata[i]);
      gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
      if (gtk_window_get_focus (GTK_WINDOW (window)) != widgets->pdata[i])
        {
          g_autofree char *name = jk_layout_describe (widgets->pdata[i]);
          g_ptr_array_add (failures, g_strdup_printf ("%s: keys: %s cannot take the focus", where, name));
          continue;
        }
      jk_layout_check_outline (GTK_WIDGET (window), widgets->pdata[i], where, failures, min);
    }
}

static void
run_keys (const JkTestScreen *screen)
{
  JkSession *session = jk_window_get_session (window);
  JkSpeech *speech = jk_application_get_speech (kiosk.app);
  g_autoptr (GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);
  const char *page = NULL;

  for (gsize s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (gsize t = 0; t < G_N_ELEMENTS (themes); t++)
      for (int speaking = 0; speaking < 2; speaking++)
        {
          g_autofree char *where = NULL;

          /* A fresh start for each: the walk leaves fields focused and
           * the page scrolled. */
          screen->reach (window, fake_clock, screen->data);
          jk_session_set_high_contrast (session, themes[t].high_contrast_large_text);
          jk_session_set_large_text (session, themes[t].high_contrast_large_text);
          if (jk_speech_get_active (speech) != (speaking != 0))
            jk_test_screens_speech (&kiosk, speaking != 0);
          jk_test_resize (GTK_WIDGET (window), sizes[s].width, sizes[s].height);
          jk_test_wait_until (jk_test_search_idle, window, 10000);
          if (page == NULL)
            page = jk_window_get_page_name (window);
          g_assert_cmpstr (jk_window_get_page_name (window), ==, page);
          where = g_strdup_printf ("%s %dx%d %s%s", screen->name, sizes[s].width, sizes[s].height, themes[t].name,
                                   speaking ? " speech" : "");
          if (screen->leave != NULL)
            check_modal_outlines (where, failures, &min_outline[t]);
          else
            jk_layout_check_keys (GTK_WIDGET (window), where, failures, &min_outline[t]);
          /* A picture with the focus shown, to look at: a few stops in. */
          if (screen->leave == NULL)
            {
              g_autofree char *shot = g_strdup_printf ("keys-%s-%s%s-%dx%d", screen->name, themes[t].name,
                                                       speaking ? "-speech" : "", sizes[s].width, sizes[s].height);

              for (int i = 0; i < 4; i++)
                jk_test_press_key (GTK_WIDGET (window), GDK_KEY_Down);
              jk_test_screenshot (GTK_WIDGET (window), shot);
            }
          if (screen->leave != NULL)
            screen->leave (window);
          jk_test_screens_speech (&kiosk, FALSE);
        }
  save_report (screen->name, failures);
  for (guint i = 0; i < failures->len; i++)
    g_test_message ("%s", (char *) failures->pdata[i]);
  if (failures->len > 0)
    g_test_fail_printf ("%s: %u failures (listed above, and in keys-%s.txt beside the screenshots)", screen->name,
                        failures->len, screen->name);
  jk_session_set_high_contrast (session, FALSE);
  jk_session_set_large_text (session, FALSE);
  jk_test_resize (GTK_WIDGET (window), 1920, 1080);
}

/* ---------------------------------------------------------------------- */
/* Tests: one per screen                                                  */

static void
test_screen (gconstpointer data)
{
  run_keys (data);
}

/* ---------------------------------------------------------------------- */
/* Set-up                                                                 */

int
main (int   argc,
      char *argv[])
{
  int status;
  guint n_screens = 0;
  const JkTestScreen *screens;
  /* Every screen is walked even when one fails, so the list is whole. */
  g_autofree char **args = g_new0 (char *, argc + 2);
  int n_args = argc + 1;

  args[0] = argv[0];
  args[1] = (char *) "--keep-going";
  for (int i = 1; i < argc; i++)
    args[i + 1] = argv[i];
  argv = args;
  argc = n_args;

  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();
  jk_i18n_init ();
  jk_test_require_display ();

  jk_test_screens_start (&kiosk, "jk-ui-keys-XXXXXX", &fake_clock);
  window = kiosk.window;

  screens = jk_test_screens (&n_screens);
  for (guint i = 0; i < n_screens; i++)
    {
      g_autofree char *path = g_strdup_printf ("/keys/%s", screens[i].name);
      g_test_add_data_func (path, &screens[i], test_screen);
    }
  status = g_test_run ();
  for (gsize t = 0; t < G_N_ELEMENTS (themes); t++)
    if (min_outline[t] < G_MAXDOUBLE)
      g_print ("# smallest focus outline contrast, %s: %.2f:1\n", themes[t].name, min_outline[t]);

  jk_test_screens_stop (&kiosk, fake_clock);
  return status;
}
