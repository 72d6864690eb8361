/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-speech.c: what the kiosk says, with keys alone, as a visitor who
 * cannot see the screen meets it: the real window, its keypad keys, and
 * a recording speaker in place of speech-dispatcher */

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-speaker-recorder.h>

#include "access/jk-describe.h"
#include "jobs/jk-search-page.h"
#include "print/jk-print-page.h"
#include "shell/jk-application.h"
#include "jk-test-log.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"

static JkTestKiosk kiosk;
static JkWindow *window;
static JkClock *fake_clock;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static GStrv
take (void)
{
  return jk_speaker_recorder_take_lines (kiosk.speaker);
}

static void
log_lines (const char *const *lines)
{
  for (guint i = 0; lines[i] != NULL; i++)
    g_test_message ("  said: %s", lines[i]);
}

/* The index of the first line at or after from that starts with prefix,
 * or fails the test showing what was said. */
static guint
find_line (const char *const *lines,
           guint              from,
           const char        *prefix)
{
  for (guint i = from; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return i;
  log_lines (lines);
  g_error ("nothing said starts with “%s” (from line %u)", prefix, from);
}

static gboolean
said_any (const char *const *lines,
          const char        *part)
{
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], part) != NULL)
      return TRUE;
  return FALSE;
}

static void
key (guint keyval)
{
  jk_test_press_key (GTK_WIDGET (window), keyval);
  jk_test_run_for (30);
}

static GtkWidget *
focus (void)
{
  return gtk_window_get_focus (GTK_WINDOW (window));
}

/* Presses the keypad's Down until the focus is on what name describes,
 * as a visitor does who listens to each control. */
static void
move_to (const char *description_prefix)
{
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *description = focus () != NULL ? jk_describe_widget (focus ()) : NULL;

      if (description != NULL && g_str_has_prefix (description, description_prefix))
        return;
      key (GDK_KEY_Down);
    }
  g_error ("Down never reached “%s”", description_prefix);
}

static void
type (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    key (gdk_unicode_to_keyval ((guint32) *p));
}

static void
start_visit (const char *language)
{
  jk_test_fresh_visit (window);
  jk_session_set_language (jk_window_get_session (window), language);
  jk_test_run_for (50);
  g_strfreev (take ());
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

typedef struct {
  const char *language;
  const char *speech_on;
  const char *home;
  const char *find_a_job_tile;
  const char *search_screen;
  const char *field;
  const char *count;
  const char *card;
  const char *job_screen;
  const char *pay_words;
  const char *print_button;
  const char *print_screen;
  const char *finish_button;
  const char *question;
  const char *yes;
} Journey;

static const Journey english = {
  "en",
  "en interrupt: Speech is on.",
  "en interrupt: Welcome. What would you like to do?",
  "Find a job, button",
  "en interrupt: Find a job. What kind of work?",
  "What kind of work?",
  "en queue: 3 jobs",
  "Line Cook, Hilltop Hardware, Columbus, OH",
  "en interrupt: Job details.",
  "16 dollars 25 cents to 18 dollars an hour",
  "Print this job, button",
  "en interrupt: Print. Check the pages",
  "Finish and clear my information, button",
  "en interrupt: Clear everything and start over?",
  "Yes, clear everything, button",
};

static const Journey spanish = {
  "es",
  "es interrupt: La voz está activada.",
  "es interrupt: Bienvenido. ¿Qué le gustaría hacer?",
  "Buscar trabajo, botón",
  "es interrupt: Buscar trabajo. ¿Qué tipo de trabajo?",
  "¿Qué tipo de trabajo?",
  "es queue: 3 empleos",
  "Line Cook, Hilltop Hardware, Columbus, OH",
  "es interrupt: Detalles del empleo.",
  "16 dólares con 25 centavos a 18 dólares la hora",
  "Imprimir este empleo, botón",
  "es interrupt: Imprimir. Revise las páginas",
  "Terminar y borrar mi información, botón",
  "es interrupt: ¿Borrar todo y empezar de nuevo?",
  "Sí, borrar todo, botón",
};

/* Home, Find a job, type "cook", a result, its details, Print, Finish:
 * keys alone, and what was said at each step, in order. */
static void
test_journey (gconstpointer data)
{
  const Journey *journey = data;
  g_auto (GStrv) lines = NULL;
  g_autofree char *prefix = NULL;
  guint at;

  start_visit (journey->language);

  /* The keypad's speech key. */
  key (GDK_KEY_F2);
  lines = take ();
  at = find_line ((const char *const *) lines, 0, journey->speech_on);
  find_line ((const char *const *) lines, at + 1, journey->home);
  g_strfreev (g_steal_pointer (&lines));

  move_to (journey->find_a_job_tile);
  lines = take ();
  prefix = g_strdup_printf ("%s interrupt: %s", journey->language, journey->find_a_job_tile);
  find_line ((const char *const *) lines, 0, prefix);
  g_strfreev (g_steal_pointer (&lines));
  key (GDK_KEY_Return);
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  jk_test_run_for (100);
  lines = take ();
  find_line ((const char *const *) lines, 0, journey->search_screen);
  g_strfreev (g_steal_pointer (&lines));

  /* Into the field, then "cook", each letter said as it is typed. */
  move_to (journey->field);
  g_strfreev (take ());
  type ("cook");
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  jk_test_run_for (300);
  lines = take ();
  g_clear_pointer (&prefix, g_free);
  prefix = g_strdup_printf ("%s character: c", journey->language);
  at = find_line ((const char *const *) lines, 0, prefix);
  g_clear_pointer (&prefix, g_free);
  prefix = g_strdup_printf ("%s character: k", journey->language);
  at = find_line ((const char *const *) lines, at + 1, prefix);
  /* The count, then each result as one sentence. */
  at = find_line ((const char *const *) lines, at + 1, journey->count);
  g_clear_pointer (&prefix, g_free);
  prefix = g_strdup_printf ("%s queue: %s", journey->language, journey->card);
  find_line ((const char *const *) lines, at + 1, prefix);
  g_strfreev (g_steal_pointer (&lines));

  /* Down to the result, Select: the details, read in order. */
  move_to (journey->card);
  g_strfreev (take ());
  key (GDK_KEY_Return);
  jk_test_run_for (200);
  lines = take ();
  at = find_line ((const char *const *) lines, 0, journey->job_screen);
  /* No printer here: the badge's words are said with the screen. */
  g_assert_nonnull (jk_window_get_printer_problem (window));
  g_clear_pointer (&prefix, g_free);
  prefix = g_strdup_printf ("%s queue: %s", journey->language, jk_window_get_printer_problem (window));
  find_line ((const char *const *) lines, at + 1, prefix);
  g_clear_pointer (&prefix, g_free);
  prefix = g_strdup_printf ("%s queue: %s", journey->language, journey->card);
  at = find_line ((const char *const *) lines, at + 1, prefix);
  g_assert_nonnull (strstr (lines[at], journey->pay_words));
  g_strfreev (g_steal_pointer (&lines));

  /* Print: its screen and what it says about the printer. */
  move_to (journey->print_button);
  key (GDK_KEY_Return);
  jk_test_run_for (300);
  lines = take ();
  find_line ((const char *const *) lines, 0, journey->print_screen);
  g_strfreev (g_steal_pointer (&lines));

  /* Finish asks, and is answered with keys. */
  move_to (journey->finish_button);
  key (GDK_KEY_Return);
  jk_test_run_for (100);
  lines = take ();
  find_line ((const char *const *) lines, 0, journey->question);
  g_strfreev (g_steal_pointer (&lines));
  move_to (journey->yes);
  key (GDK_KEY_Return);
  jk_test_run_for (100);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "home");
  /* The wipe ends speech: the next visitor starts without it. */
  g_assert_false (jk_speech_get_active (jk_application_get_speech (kiosk.app)));
  jk_test_screenshot (GTK_WIDGET (window), journey->language[0] == 'e' && journey->language[1] == 'n' ? "speech-journey-en"
                                                                                                    : "speech-journey-es");
}

/* Off by default: nothing is said until the visitor asks. */
static void
test_silent_until_asked (void)
{
  g_auto (GStrv) lines = NULL;

  start_visit ("en");
  move_to ("Find a job, button");
  key (GDK_KEY_Return);
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  lines = take ();
  log_lines ((const char *const *) lines);
  g_assert_cmpuint (g_strv_length (lines), ==, 0);
}

/* A touch on the screen where the warning dims it, away from its
 * buttons, delivered as a real one is (the window sees it first). */
static void
tap_on (GtkWidget *widget)
{
  GdkSeat *seat = gdk_display_get_default_seat (gtk_widget_get_display (widget));

  for (int i = 0; i < 2; i++)
    {
      GdkEvent *event = gdk_event_new (i == 0 ? GDK_BUTTON_PRESS : GDK_BUTTON_RELEASE);
      GdkWindow *gdk_window = gtk_widget_get_window (widget);
      int root_x = 0, root_y = 0;

      event->button.window = g_object_ref (gdk_window);
      event->button.send_event = TRUE;
      event->button.time = GDK_CURRENT_TIME;
      gtk_widget_translate_coordinates (widget, gtk_widget_get_toplevel (widget), 12, 12, &root_x, &root_y);
      event->button.x = root_x;
      event->button.y = root_y;
      gdk_window_get_root_coords (gdk_window, root_x, root_y, &root_x, &root_y);
      event->button.x_root = root_x;
      event->button.y_root = root_y;
      event->button.button = GDK_BUTTON_PRIMARY;
      event->button.state = i == 1 ? GDK_BUTTON1_MASK : 0;
      gdk_event_set_device (event, gdk_seat_get_pointer (seat));
      gtk_main_do_event (event);
      gdk_event_free (event);
    }
  jk_test_run_for (30);
}

/* The idle warning (WCAG 2.2.1) is said, with how to go on, and its
 * countdown; it stays for the whole configured warning (20 s or more:
 * one second before the end the visit is still there); and one key, or
 * one touch anywhere, keeps the visit: ten times in a row, each way. */
static void
test_idle_warning_speaks (void)
{
  JkIdleMonitor *idle = jk_window_get_idle_monitor (window);
  guint warning = jk_idle_monitor_get_warning (idle);

  g_assert_cmpuint (warning, >=, 20);
  start_visit ("en");
  key (GDK_KEY_F2);
  /* Somewhere to be: the wipe would take the visitor home. */
  move_to ("Find a job, button");
  key (GDK_KEY_Return);
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  for (int round = 0; round < 20; round++)
    {
      g_auto (GStrv) lines = NULL;
      guint timeout = jk_idle_monitor_get_timeout (idle);
      gboolean by_touch = round % 2 == 1;

      g_strfreev (take ());
      jk_clock_advance (fake_clock, (gint64) timeout * G_USEC_PER_SEC);
      jk_test_run_for (50);
      g_assert_true (gtk_widget_get_visible (jk_window_get_idle_warning (window)));
      /* Counted down to one second left: still there, the visit whole. */
      for (guint s = 0; s < warning - 1; s++)
        {
          jk_clock_advance (fake_clock, G_USEC_PER_SEC);
          jk_test_run_for (5);
        }
      g_assert_true (gtk_widget_get_visible (jk_window_get_idle_warning (window)));
      g_assert_cmpstr (jk_window_get_page_name (window), ==, "jobs");
      lines = take ();
      find_line ((const char *const *) lines, 0, "en interrupt: Are you still there?");
      g_assert_true (said_any ((const char *const *) lines, "To go on, press any key or touch the screen."));
      find_line ((const char *const *) lines, 0, "en interrupt: 10 seconds left.");
      if (by_touch)
        tap_on (jk_window_get_idle_warning (window));
      else
        key (GDK_KEY_Down);
      g_assert_false (gtk_widget_get_visible (jk_window_get_idle_warning (window)));
      g_assert_cmpstr (jk_window_get_page_name (window), ==, "jobs");
      g_assert_true (jk_speech_get_active (jk_application_get_speech (kiosk.app)));
    }
}

/* A hidden field (a PIN) says a tone or "digit" for each key, never the
 * digit, and never its length. */
static void
test_pin_never_spoken (void)
{
  GtkWidget *pin = gtk_entry_new ();
  JkPage *home;
  g_auto (GStrv) lines = NULL;

  start_visit ("en");
  home = jk_window_get_current_page (window);
  gtk_entry_set_visibility (GTK_ENTRY (pin), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (pin), GTK_INPUT_PURPOSE_PIN);
  atk_object_set_name (gtk_widget_get_accessible (pin), "PIN");
  gtk_widget_show (pin);
  gtk_container_add (GTK_CONTAINER (home), pin);
  key (GDK_KEY_F2);
  gtk_widget_grab_focus (pin);
  jk_test_run_for (50);
  g_strfreev (take ());
  type ("4071");
  key (GDK_KEY_F3); /* repeat: the field as a whole */
  lines = take ();
  log_lines ((const char *const *) lines);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (lines[i], ==, "en tone: digit");
  g_assert_cmpstr (lines[4], ==, "en interrupt: PIN, text field, filled in");
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_null (strpbrk (lines[i], "0123456789"));
  gtk_widget_destroy (pin);
}

/* Faster and louder last the visit; the next starts at the defaults. */
static void
test_wipe_resets_voice (void)
{
  JkSpeech *speech = jk_application_get_speech (kiosk.app);

  start_visit ("en");
  key (GDK_KEY_F2);
  key (GDK_KEY_F6);
  key (GDK_KEY_F6);
  key (GDK_KEY_F8);
  g_assert_cmpuint (jk_speaker_recorder_get_rate (kiosk.speaker), ==, kiosk.config->speech_rate + 2 * JK_SPEECH_STEP);
  g_assert_cmpuint (jk_speaker_recorder_get_volume (kiosk.speaker), ==, kiosk.config->speech_volume + JK_SPEECH_STEP);
  g_assert_cmpuint (jk_speech_get_rate (speech), ==, kiosk.config->speech_rate + 2 * JK_SPEECH_STEP);
  jk_window_finish_visit (window);
  jk_test_run_for (50);
  g_assert_cmpuint (jk_speaker_recorder_get_rate (kiosk.speaker), ==, kiosk.config->speech_rate);
  g_assert_cmpuint (jk_speaker_recorder_get_volume (kiosk.speaker), ==, kiosk.config->speech_volume);
  g_assert_false (jk_speech_get_active (speech));
}

/* Text from a feed is said as text: markup and SSML-looking words are
 * handed on as they are, never as commands; a huge title is cut. */
static void
test_hostile_text (void)
{
  JkSpeech *speech = jk_application_get_speech (kiosk.app);
  g_autoptr (GString) huge = g_string_new (NULL);
  g_auto (GStrv) lines = NULL;

  start_visit ("en");
  jk_speech_set_active (speech, TRUE);
  g_strfreev (take ());
  for (int i = 0; i < 1000; i++)
    g_string_append (huge, "Cook12345 ");
  jk_speech_say (speech, "<speak><break time=\"10s\"/>Line Cook</speak> 🍳 \x01\x1b[31m", JK_SPEAK_INTERRUPT);
  jk_speech_say (speech, huge->str, JK_SPEAK_QUEUE);
  lines = take ();
  g_assert_cmpstr (lines[0], ==, "en interrupt: <speak><break time=\"10s\"/>Line Cook</speak> 🍳 [31m");
  g_assert_cmpuint (g_utf8_strlen (lines[1], -1), <=, strlen ("en queue: ") + JK_SPEECH_MAX_CHARS + 1);
  g_assert_true (g_str_has_suffix (lines[1], "…"));
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

  fake_clock = jk_clock_new_fake (start);
  jk_test_kiosk_start (&kiosk, "jk-ui-speech-XXXXXX", fake_clock);
  window = kiosk.window;
  jk_test_kiosk_sync (&kiosk, NULL, g_date_time_to_unix (start));
  jk_test_show_window (window, 1280, 720);

  g_test_add_func ("/speech/silent-until-asked", test_silent_until_asked);
  g_test_add_data_func ("/speech/journey/en", &english, test_journey);
  g_test_add_data_func ("/speech/journey/es", &spanish, test_journey);
  g_test_add_func ("/speech/idle-warning", test_idle_warning_speaks);
  g_test_add_func ("/speech/pin-never-spoken", test_pin_never_spoken);
  g_test_add_func ("/speech/wipe-resets-voice", test_wipe_resets_voice);
  g_test_add_func ("/speech/hostile-text", test_hostile_text);
  status = g_test_run ();

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (kiosk.app);
  g_object_unref (kiosk.speaker);
  g_object_unref (fake_clock);
  jk_test_remove_tree (kiosk.state_dir);
  g_free (kiosk.state_dir);
  return status;
}
