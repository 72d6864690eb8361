/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-typing.c: the typing test at the kiosk: offered only with a real keyboard, a minute typed key by key
 * with mistakes on a fake clock, the figures and errors after, printed on a private cupsd, both languages at two
 * screen sizes, speech, and the wipe */

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-typing.h>
#include <math.h>
#include <string.h>

#include "print/jk-print-page.h"
#include "shell/jk-application.h"
#include "typing/jk-typing-page.h"
#include "jk-test-cups.h"
#include "jk-test-log.h"
#include "jk-test-pdf.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"

static JkTestKiosk kiosk;
static JkWindow *window;
static JkClock *fake_clock;
static JkTestCups *cups;
static guint32 key_time = 1000000;

#define click(name) jk_test_click (GTK_WIDGET (window), (name))

static JkTypingPage *
typing_page (void)
{
  return JK_TYPING_PAGE (jk_window_get_page (window, &jk_typing_page_info));
}

static gboolean
spanish (void)
{
  return g_str_has_prefix (jk_i18n_get_language (), "es");
}

/* One key as a keyboard sends it to the window, which hands it to the
 * focused field. */
static void
send_key_at (guint        keyval,
             GdkEventType type,
             guint32      time)
{
  GtkWidget *toplevel = GTK_WIDGET (window);
  GdkDisplay *display = gtk_widget_get_display (toplevel);
  GdkEvent *event = gdk_event_new (type);
  g_autofree GdkKeymapKey *keys = NULL;
  int n_keys = 0;

  event->key.window = g_object_ref (gtk_widget_get_window (toplevel));
  event->key.send_event = TRUE;
  event->key.time = time;
  event->key.keyval = keyval;
  if (gdk_keymap_get_entries_for_keyval (gdk_keymap_get_for_display (display), keyval, &keys, &n_keys) && n_keys > 0)
    event->key.hardware_keycode = (guint16) keys[0].keycode;
  gdk_event_set_device (event, gdk_seat_get_keyboard (gdk_display_get_default_seat (display)));
  gtk_main_do_event (event);
  gdk_event_free (event);
}

/* text typed a key at a time, gap_ms apart (a person's pace). */
static void
type_at_pace (const char *text,
              guint       gap_ms)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      guint keyval = gdk_unicode_to_keyval (g_utf8_get_char (p));

      key_time += gap_ms;
      send_key_at (keyval, GDK_KEY_PRESS, key_time);
      send_key_at (keyval, GDK_KEY_RELEASE, key_time + 1);
    }
  jk_test_run_for (20);
}

static char *
view_text (void)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (jk_typing_page_get_view (typing_page ()));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_keyboard (gboolean physical)
{
  kiosk.config->physical_keyboard = physical;
  jk_test_fresh_visit (window);
  jk_test_run_for (20);
}

static void
open_test (void)
{
  click (spanish () ? "Mecanografía" : "Typing test");
  jk_test_run_for (50);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "typing");
}

/* The first words of the passage with deliberate mistakes: the second word
 * with a letter left out, the fifth with one changed, the ninth skipped. */
static char *
typed_with_mistakes (const char *passage,
                     guint       n_words)
{
  g_auto (GStrv) words = g_strsplit (passage, " ", -1);
  g_autoptr (GString) out = g_string_new (NULL);

  g_assert_cmpuint (g_strv_length (words), >, n_words);
  for (guint i = 0; i < n_words; i++)
    {
      if (i == 8)
        continue;
      if (i == 1)
        g_string_append_len (out, words[i], strlen (words[i]) - 1);
      else if (i == 4)
        g_string_append_printf (out, "%sx", words[i]);
      else
        g_string_append (out, words[i]);
      g_string_append_c (out, ' ');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A minute's test: typed, then the clock moved past the minute. Leaves the result showing. */
static char *
take_one_minute (void)
{
  const char *passage;
  g_autofree char *typed = NULL;

  click (spanish () ? "1 minuto" : "1 minute");
  jk_test_run_for (50);
  passage = jk_typing_page_get_passage (typing_page ());
  g_assert_nonnull (passage);
  typed = typed_with_mistakes (passage, 14);
  type_at_pace (typed, 40);
  /* Errors are not shown while typing. */
  g_assert_null (jk_typing_page_get_result (typing_page ()));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (jk_typing_page_get_errors_label (typing_page ()))));
  jk_clock_advance (fake_clock, 30 * G_USEC_PER_SEC);
  jk_test_run_for (250);
  g_assert_null (jk_typing_page_get_result (typing_page ()));
  jk_clock_advance (fake_clock, 30 * G_USEC_PER_SEC);
  jk_test_run_for (250);
  g_assert_nonnull (jk_typing_page_get_result (typing_page ()));
  return g_steal_pointer (&typed);
}

static void
assert_label (const char *text)
{
  if (jk_test_find_label (GTK_WIDGET (window), text) == NULL)
    g_error ("no label “%s” on the screen", text);
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

/* No way in without a real keyboard; a modest button under the tiles with one. */
static void
test_offered (void)
{
  GtkWidget *button;

  set_keyboard (FALSE);
  button = jk_test_find_by_name (GTK_WIDGET (window), "Typing test");
  g_assert_true (button == NULL || !gtk_widget_get_mapped (button));
  set_keyboard (TRUE);
  button = jk_test_find_by_name (GTK_WIDGET (window), "Typing test");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  jk_test_screenshot (GTK_WIDGET (window), "typing-home-en");
  set_keyboard (FALSE);
}

/* A minute typed key by key with three mistakes: the page's figures are
 * the core's for the same text over 60 s, the errors listed only after. */
static void
test_one_minute (void)
{
  g_autofree char *typed = NULL;
  g_autofree char *shown = NULL;
  g_autoptr (JkTypingResult) expected = NULL;
  const JkTypingResult *result;
  const char *passage;
  g_autofree char *net = NULL;
  const char *errors;

  set_keyboard (TRUE);
  open_test ();
  typed = take_one_minute ();
  shown = view_text ();
  g_assert_cmpstr (shown, ==, typed);
  passage = jk_typing_page_get_passage (typing_page ());
  expected = jk_typing_score (passage, typed, 60);
  result = jk_typing_page_get_result (typing_page ());
  g_assert_cmpfloat_with_epsilon (result->minutes, 1.0, 1e-9);
  g_assert_cmpuint (result->typed_chars, ==, g_utf8_strlen (typed, -1));
  g_assert_cmpuint (result->errors, ==, 3);
  g_assert_cmpuint (result->errors, ==, expected->errors);
  g_assert_cmpfloat_with_epsilon (result->gross_wpm, expected->gross_wpm, 1e-9);
  g_assert_cmpfloat_with_epsilon (result->net_wpm, expected->net_wpm, 1e-9);
  g_assert_cmpfloat_with_epsilon (result->accuracy, expected->accuracy, 1e-9);
  /* Gross is the characters / 5 in one minute; net takes 3 away. */
  g_assert_cmpfloat_with_epsilon (result->gross_wpm, g_utf8_strlen (typed, -1) / 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (result->net_wpm, g_utf8_strlen (typed, -1) / 5.0 - 3, 1e-9);
  net = g_strdup_printf ("%.0f", round (result->net_wpm));
  assert_label (net);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (jk_typing_page_get_errors_label (typing_page ()))));
  errors = gtk_label_get_text (jk_typing_page_get_errors_label (typing_page ()));
  g_test_message ("%s", errors);
  {
    g_auto (GStrv) lines = g_strsplit (errors, "\n", -1);
    g_auto (GStrv) words = g_strsplit (passage, " ", -1);
    g_autofree char *left_out = g_strdup_printf ("Word left out: “%s”", words[8]);

    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    g_assert_nonnull (strstr (lines[0], words[1]));
    g_assert_nonnull (strstr (lines[1], words[4]));
    g_assert_cmpstr (lines[2], ==, left_out);
  }
  jk_test_screenshot (GTK_WIDGET (window), "typing-result-en-1280x720");
}

/* The result through the print page on the private cupsd, read back. */
static void
test_print (void)
{
  g_autoptr (GPtrArray) printed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *net = NULL;
  g_autofree char *date = NULL;
  g_autoptr (GDateTime) now = jk_clock_now_local (fake_clock);

  set_keyboard (TRUE);
  open_test ();
  g_free (take_one_minute ());
  net = g_strdup_printf ("Net speed: %.0f words per minute",
                         round (jk_typing_page_get_result (typing_page ())->net_wpm));
  click ("Print my result");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "print");
  jk_test_wait_until (jk_test_print_rendered, kiosk.app, 10000);
  jk_test_screenshot (GTK_WIDGET (window), "typing-sheet-preview-en");
  jk_test_wait_until (jk_test_print_ready, window, 10000);
  click ("Print");
  printed = jk_test_cups_wait_for_output (cups, 1, 20000);
  g_assert_nonnull (printed);
  text = jk_test_pdf_text (printed->pdata[printed->len - 1]);
  g_test_message ("%s", text);
  date = g_date_time_format (now, "%Y");
  g_assert_nonnull (strstr (text, "Typing test result"));
  g_assert_nonnull (strstr (text, kiosk.config->center_name));
  g_assert_nonnull (strstr (text, "Date: "));
  g_assert_nonnull (strstr (text, date));
  g_assert_nonnull (strstr (text, "Length of the test: 1 minute"));
  g_assert_nonnull (strstr (text, net));
  g_assert_nonnull (strstr (text, "Accuracy: "));
  g_assert_nonnull (strstr (text, "3 errors"));
}

/* Both languages at both sizes: the choice, the test under way, the result. */
static void
test_languages_and_sizes (void)
{
  static const int sizes[][2] = { { 1280, 720 }, { 1920, 1080 } };

  for (gsize s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int es = 0; es <= 1; es++)
      {
        const char *lang = es ? "es" : "en";
        g_autofree char *choose = g_strdup_printf ("typing-choose-%s-%dx%d", lang, sizes[s][0], sizes[s][1]);
        g_autofree char *during = g_strdup_printf ("typing-test-%s-%dx%d", lang, sizes[s][0], sizes[s][1]);
        g_autofree char *result = g_strdup_printf ("typing-result-%s-%dx%d", lang, sizes[s][0], sizes[s][1]);
        g_autoptr (GError) error = NULL;
        g_autoptr (GPtrArray) passages = NULL;

        set_keyboard (TRUE);
        jk_test_resize (GTK_WIDGET (window), sizes[s][0], sizes[s][1]);
        if (es)
          click ("Español");
        open_test ();
        jk_test_screenshot (GTK_WIDGET (window), choose);
        click (es ? "1 minuto" : "1 minute");
        jk_test_run_for (50);
        /* The passage is in the visit's language. */
        passages = jk_typing_get_passages (lang, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (jk_typing_page_get_passage (typing_page ()), ==,
                         ((JkTypingPassage *) passages->pdata[0])->text);
        type_at_pace (es ? "Ana se levantó tempano " : "Maria got up erly ", 30);
        jk_test_screenshot (GTK_WIDGET (window), during);
        jk_clock_advance (fake_clock, 61 * G_USEC_PER_SEC);
        jk_test_run_for (250);
        g_assert_nonnull (jk_typing_page_get_result (typing_page ()));
        assert_label (es ? "Sus errores" : "Your errors");
        jk_test_screenshot (GTK_WIDGET (window), result);
      }
  set_keyboard (FALSE);
  jk_test_resize (GTK_WIDGET (window), 1280, 720);
}

/* Finishing the passage ends the test at once: the home-row practice. */
static void
test_practice (void)
{
  const JkTypingResult *result;
  GtkWidget *print;

  set_keyboard (TRUE);
  open_test ();
  click ("Practice the home row");
  jk_test_run_for (50);
  g_assert_cmpstr (jk_typing_page_get_passage (typing_page ()), ==, jk_typing_home_row_drill ());
  type_at_pace (jk_typing_home_row_drill (), 5);
  jk_clock_advance (fake_clock, 0);
  jk_test_run_for (50);
  result = jk_typing_page_get_result (typing_page ());
  g_assert_nonnull (result);
  g_assert_true (result->finished);
  g_assert_cmpuint (result->errors, ==, 0);
  g_assert_cmpfloat_with_epsilon (result->accuracy, 1.0, 1e-9);
  assert_label ("No errors. Well done!");
  /* Practice is not printed. */
  print = jk_test_find_by_name (GTK_WIDGET (window), "Print my result");
  g_assert_true (print == NULL || !gtk_widget_get_mapped (print));
}

static gboolean
said (const char *const *lines,
      const char        *part)
{
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], part) != NULL)
      return TRUE;
  for (guint i = 0; lines[i] != NULL; i++)
    g_test_message ("  said: %s", lines[i]);
  return FALSE;
}

/* With speech on: the instructions with the passage, then the figures. */
static void
test_speech (void)
{
  g_auto (GStrv) start = NULL;
  g_auto (GStrv) end = NULL;

  set_keyboard (TRUE);
  jk_speech_set_active (jk_application_get_speech (kiosk.app), TRUE);
  jk_test_run_for (50);
  open_test ();
  g_strfreev (jk_speaker_recorder_take_lines (kiosk.speaker));
  click ("1 minute");
  jk_test_run_for (50);
  start = jk_speaker_recorder_take_lines (kiosk.speaker);
  g_assert_true (said ((const char *const *) start, "You have 1 minute, from your first key."));
  g_assert_true (said ((const char *const *) start, "Maria got up early"));
  type_at_pace ("Maria got up ", 30);
  jk_clock_advance (fake_clock, 61 * G_USEC_PER_SEC);
  jk_test_run_for (250);
  end = jk_speaker_recorder_take_lines (kiosk.speaker);
  g_assert_true (said ((const char *const *) end, "Net speed: 3 words per minute."));
  g_assert_true (said ((const char *const *) end, "Accuracy: 100 percent. 0 errors."));
  jk_speech_set_active (jk_application_get_speech (kiosk.app), FALSE);
}

/* The wipe forgets the passage, what was typed and the result. */
static void
test_wipe (void)
{
  g_autofree char *typed = NULL;

  set_keyboard (TRUE);
  open_test ();
  g_free (take_one_minute ());
  g_assert_false (jk_session_is_pristine (jk_window_get_session (window)));
  jk_window_finish_visit (window);
  jk_test_run_for (50);
  g_assert_null (jk_typing_page_get_result (typing_page ()));
  g_assert_null (jk_typing_page_get_passage (typing_page ()));
  typed = view_text ();
  g_assert_cmpstr (typed, ==, "");
  g_assert_cmpstr (gtk_label_get_text (jk_typing_page_get_errors_label (typing_page ())), ==, "");
  set_keyboard (FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GDateTime) start = g_date_time_new_local (2026, 11, 22, 9, 40, 0);
  int status;

  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();
  jk_i18n_init ();
  jk_test_require_display ();

  cups = jk_test_cups_start_default ();
  fake_clock = jk_clock_new_fake (start);
  jk_test_kiosk_start (&kiosk, "jk-ui-typing-XXXXXX", fake_clock);
  window = kiosk.window;
  jk_test_show_window (window, 1280, 720);

  g_test_add_func ("/typing/offered", test_offered);
  g_test_add_func ("/typing/one-minute", test_one_minute);
  g_test_add_func ("/typing/print", test_print);
  g_test_add_func ("/typing/languages-and-sizes", test_languages_and_sizes);
  g_test_add_func ("/typing/practice", test_practice);
  g_test_add_func ("/typing/speech", test_speech);
  g_test_add_func ("/typing/wipe", test_wipe);
  status = g_test_run ();

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (kiosk.app);
  g_object_unref (fake_clock);
  jk_test_cups_stop (cups);
  jk_test_remove_tree (kiosk.state_dir);
  g_free (kiosk.state_dir);
  return status;
}
