/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-fit.c: every screen at the kiosk screen sizes, in both themes and
 * both languages, photographed and measured: nothing that can be touched
 * is cut off, outside the window or under the keyboard; targets are big
 * enough and apart; text, control borders and focus rings stand out */

#include <glib/gstdio.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-speech.h>

#include "shell/jk-application.h"
#include "jobs/jk-search-page.h"
#include "jk-test-layout.h"
#include "jk-test-log.h"
#include "jk-test-screens.h"
#include "jk-test-ui-util.h"

static JkTestKiosk kiosk;
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

/* Speech on shows the speech bar above the bottom bar: measured on the
 * screens that say it so (JkTestScreen.speech), at the sizes measured in
 * every look. */
static const struct {
  const char *name;
  gboolean on;
} speech_modes[] = {
  { "", FALSE },
  { "speech", TRUE },
};

/* A check of its own that one screen adds to the matrix. */
typedef void (*ExtraCheck) (const char *where,
                            GPtrArray  *failures);

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

#define click(name) jk_test_click (GTK_WIDGET (window), (name))

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
            gboolean    with_speech,
            ExtraCheck  extra)
{
  JkSession *session = jk_window_get_session (window);
  g_autoptr (GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);
  const char *page = jk_window_get_page_name (window);

  for (gsize s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      jk_test_resize (GTK_WIDGET (window), sizes[s].width, sizes[s].height);
      for (gsize m = 0; m < G_N_ELEMENTS (speech_modes); m++)
      for (gsize t = 0; t < G_N_ELEMENTS (themes); t++)
        for (gsize l = 0; l < G_N_ELEMENTS (languages); l++)
          {
            g_autofree char *where = NULL;
            g_autofree char *name = NULL;
            g_autoptr (GdkPixbuf) shot = NULL;

            if (!sizes[s].every_look && (t > 0 || l > 0 || m > 0))
              continue;
            if (speech_modes[m].on && !with_speech)
              continue;
            if (jk_speech_get_active (jk_application_get_speech (kiosk.app)) != speech_modes[m].on)
              jk_test_screens_speech (&kiosk, speech_modes[m].on);
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

            where = g_strdup_printf ("%s %dx%d %s%s%s %s", screen, sizes[s].width, sizes[s].height,
                                     themes[t].name, speech_modes[m].on ? " " : "", speech_modes[m].name,
                                     languages[l].code);
            name = g_strdup_printf ("fit-%s-%s-%s%s%s-%dx%d", screen, languages[l].code, themes[t].name,
                                    speech_modes[m].on ? "-" : "", speech_modes[m].name, sizes[s].width,
                                    sizes[s].height);
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
  jk_test_screens_speech (&kiosk, FALSE);
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
test_screen (gconstpointer data)
{
  const JkTestScreen *screen = data;
  ExtraCheck extra = NULL;

  screen->reach (window, fake_clock, screen->data);
  if (g_str_equal (screen->name, "search-keyboard"))
    extra = check_cards_while_typing;
  else if (g_str_equal (screen->name, "idle-warning"))
    extra = check_warning_shown;
  run_matrix (screen->name, screen->speech, extra);
  if (screen->leave != NULL)
    screen->leave (window);
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
  /* Every screen is measured even when one fails, so the list is whole. */
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

  jk_test_screens_start (&kiosk, "jk-ui-fit-XXXXXX", &fake_clock);
  window = kiosk.window;

  screens = jk_test_screens (&n_screens);
  for (guint i = 0; i < n_screens; i++)
    {
      g_autofree char *path = g_strdup_printf ("/fit/%s", screens[i].name);
      g_test_add_data_func (path, &screens[i], test_screen);
    }
  status = g_test_run ();

  jk_test_screens_stop (&kiosk, fake_clock);
  return status;
}
