/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-checkin.c: checking in at the kiosk: a scanner's burst, a person typing, a code, name and birth date,
 * walk-ins, the result going home, both languages, the wipe */

#include <jobkiosk/jk-i18n.h>
#include <sqlite3.h>
#include <string.h>

#include "checkin/jk-checkin-page.h"
#include "shell/jk-application.h"
#include "jk-test-checkin.h"
#include "jk-test-log.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"

static JkTestKiosk kiosk;
static JkWindow *window;
static JkClock *fake_clock;

#define click(name) jk_test_click (GTK_WIDGET (window), (name))

static JkCheckinPage *
page (void)
{
  return JK_CHECKIN_PAGE (jk_window_get_page (window, &jk_checkin_page_info));
}

static GtkWidget *
widget (const char *id)
{
  return jk_checkin_page_get_widget (page (), id);
}

static gboolean
idle (gpointer data)
{
  return !jk_checkin_page_is_busy (page ());
}

static void
wait_idle (void)
{
  jk_test_wait_until (idle, NULL, 10000);
  jk_test_run_for (20);
}

static void
shot (const char *what)
{
  g_autofree char *name = g_strdup_printf ("checkin-%s-%s", what, jk_i18n_get_language ());

  wait_idle ();
  jk_test_screenshot (GTK_WIDGET (window), name);
}

static void
assert_step (const char *step)
{
  g_assert_cmpstr (jk_checkin_page_get_step (page ()), ==, step);
}

static void
assert_result_has (const char *text)
{
  g_autofree char *result = jk_checkin_page_dup_result (page ());

  if (strstr (result, text) == NULL)
    g_error ("the result “%s” does not say “%s”", result, text);
}

/* Today's appointments, as a calendar sync leaves them: code, person
 * ("lastname|YYYY-MM-DD", stored as the kiosk's keyed hash of both),
 * greeting, the start at hour:minute today. */
static void
add_appointment (const char *uid,
                 const char *code,
                 const char *person,
                 int         hour,
                 int         minute)
{
  g_autoptr (GDateTime) now = jk_clock_now_local (fake_clock);
  g_autoptr (GDateTime) starts = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                        g_date_time_get_day_of_month (now), hour, minute, 0);
  g_auto (GStrv) parts = person != NULL ? g_strsplit (person, "|", 2) : NULL;
  JkTestAppointment appointment = { uid, code, parts != NULL ? parts[0] : NULL, parts != NULL ? parts[1] : NULL,
                                    g_date_time_to_unix (starts), g_date_time_to_unix (starts) + 1800, NULL, FALSE };

  jk_test_add_appointment (kiosk.config, jk_store_get_path (kiosk.store), &appointment);
}


static int
count_arrivals (const char *kind)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_open (jk_store_get_path (kiosk.store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count (*) FROM arrivals WHERE kind = ?", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* One key as a keyboard (or a scanner, which is one) sends it, at a time
 * in milliseconds: a scanner's keys are a few ms apart, a person's far more. */
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

static guint32 key_time = 1000000;

/* text, then Enter, each key gap_ms after the last. */
static void
type_at_pace (const char *text,
              guint       gap_ms)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      guint keyval = *p == '\t' ? GDK_KEY_Tab : gdk_unicode_to_keyval ((gunichar) *p);

      key_time += gap_ms;
      send_key_at (keyval, GDK_KEY_PRESS, key_time);
      send_key_at (keyval, GDK_KEY_RELEASE, key_time + 1);
    }
  key_time += gap_ms;
  send_key_at (GDK_KEY_Return, GDK_KEY_PRESS, key_time);
  send_key_at (GDK_KEY_Return, GDK_KEY_RELEASE, key_time + 1);
  key_time += 10000;
  jk_test_run_for (20);
  wait_idle ();
}

/* The main action (the home tile is also named "Check in"). */
static void
press_main (void)
{
  g_assert_true (gtk_widget_get_mapped (widget ("main_button")));
  gtk_button_clicked (GTK_BUTTON (widget ("main_button")));
  jk_test_run_for (20);
}

static void
open_checkin (void)
{
  jk_test_fresh_visit (window);
  click ("Check in");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "checkin");
  assert_step ("start");
}

static gboolean
said (const char *part)
{
  g_auto (GStrv) lines = jk_speaker_recorder_take_lines (kiosk.speaker);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], part) != NULL)
      return TRUE;
  for (guint i = 0; lines[i] != NULL; i++)
    g_test_message ("  said: %s", lines[i]);
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

/* With speech on: what the page asks, and the result. */
static void
test_speech (void)
{
  add_appointment ("spoken", "SPOK2345", NULL, 10, 0);
  jk_test_fresh_visit (window);
  jk_test_press_key (GTK_WIDGET (window), GDK_KEY_F2);
  g_strfreev (jk_speaker_recorder_take_lines (kiosk.speaker));
  click ("Check in");
  g_assert_true (said ("Scan the code on your letter, type your code"));
  click ("Type your code");
  gtk_entry_set_text (GTK_ENTRY (widget ("code_entry")), "SPOK2345");
  g_strfreev (jk_speaker_recorder_take_lines (kiosk.speaker));
  press_main ();
  wait_idle ();
  assert_step ("result");
  g_assert_true (said ("Welcome, Maria N."));
  jk_test_press_key (GTK_WIDGET (window), GDK_KEY_F2);
}

/* A scanner types the code and Enter in a few milliseconds, with no field
 * focused: the visitor is checked in. */
static void
test_scan (void)
{
  int before = count_arrivals ("appointment");

  add_appointment ("scan", "SCAN2345", NULL, 10, 0);
  open_checkin ();
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  type_at_pace ("scan-2345", 4);
  assert_step ("result");
  assert_result_has ("Welcome, Maria N.");
  assert_result_has ("Career Services, Room 2");
  assert_result_has ("10:15");
  g_assert_cmpint (count_arrivals ("appointment"), ==, before + 1);
  shot ("scanned");
}

/* The same keys at a person's pace into a field stay in the field. */
static void
test_slow_typing (void)
{
  int before = count_arrivals ("appointment");

  add_appointment ("slow", "SLOW2345", NULL, 10, 0);
  open_checkin ();
  click ("Last name and date of birth");
  assert_step ("person");
  gtk_widget_grab_focus (widget ("last_name_entry"));
  type_at_pace ("SLOW2345", 150);
  assert_step ("person");
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (widget ("last_name_entry"))), ==, "SLOW2345");
  g_assert_cmpint (count_arrivals ("appointment"), ==, before);

  /* Scanned while that field has the focus: a check-in, and the field
   * keeps none of the scanner's keys. */
  gtk_entry_set_text (GTK_ENTRY (widget ("last_name_entry")), "Nu");
  gtk_editable_set_position (GTK_EDITABLE (widget ("last_name_entry")), -1);
  type_at_pace ("SLOW2345", 5);
  assert_step ("result");
  assert_result_has ("Welcome, Maria N.");
  g_assert_cmpint (count_arrivals ("appointment"), ==, before + 1);
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (widget ("last_name_entry"))), ==, "Nu");
}

/* Control characters in a burst, or 10 000 characters: a polite message. */
static void
test_scan_unreadable (void)
{
  g_autofree char *huge = g_strnfill (10000, 'A');
  int before = count_arrivals ("appointment");

  open_checkin ();
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  type_at_pace ("ABCD\t2345", 4);
  assert_step ("result");
  assert_result_has ("That code could not be read.");

  open_checkin ();
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  type_at_pace (huge, 2);
  assert_step ("result");
  assert_result_has ("That code could not be read.");
  g_assert_cmpint (count_arrivals ("appointment"), ==, before);
}

static void
test_typed_code (void)
{
  add_appointment ("typed", "TYPE2345", NULL, 10, 0);
  add_appointment ("early", "EARL2345", NULL, 11, 30);
  add_appointment ("late", "LATE2345", NULL, 9, 0);
  open_checkin ();
  click ("Type your code");
  assert_step ("code");
  gtk_entry_set_text (GTK_ENTRY (widget ("code_entry")), "nope-0000");
  press_main ();
  wait_idle ();
  /* Not found: said on the step, so it can be put right. */
  assert_step ("code");
  g_assert_true (gtk_widget_get_visible (widget ("code_error")));
  gtk_entry_set_text (GTK_ENTRY (widget ("code_entry")), "type-2345");
  press_main ();
  wait_idle ();
  assert_step ("result");
  assert_result_has ("Welcome, Maria N.");

  open_checkin ();
  click ("Type your code");
  gtk_entry_set_text (GTK_ENTRY (widget ("code_entry")), "EARL2345");
  press_main ();
  wait_idle ();
  assert_result_has ("You're early; we've noted you're here.");

  open_checkin ();
  click ("Type your code");
  gtk_entry_set_text (GTK_ENTRY (widget ("code_entry")), "LATE2345");
  press_main ();
  wait_idle ();
  assert_result_has ("Please check in at the front desk.");
}

static void
test_person (void)
{
  add_appointment ("person", NULL, "nunez|1980-04-02", 10, 0);
  open_checkin ();
  click ("Last name and date of birth");
  gtk_entry_set_text (GTK_ENTRY (widget ("last_name_entry")), "Nunez");
  gtk_entry_set_text (GTK_ENTRY (widget ("month_entry")), "4");
  gtk_entry_set_text (GTK_ENTRY (widget ("day_entry")), "31");
  gtk_entry_set_text (GTK_ENTRY (widget ("year_entry")), "1980");
  press_main ();
  /* April has 30 days. */
  assert_step ("person");
  g_assert_true (gtk_widget_get_visible (widget ("person_error")));
  gtk_entry_set_text (GTK_ENTRY (widget ("day_entry")), "02");
  press_main ();
  wait_idle ();
  assert_step ("result");
  assert_result_has ("Welcome, Maria N.");
  g_assert_cmpint (gtk_entry_get_input_purpose (GTK_ENTRY (widget ("year_entry"))), ==, GTK_INPUT_PURPOSE_DIGITS);
}

static void
test_walk_in (void)
{
  int before = count_arrivals ("walk-in");

  open_checkin ();
  click ("I don't have an appointment");
  assert_step ("reason");
  click ("Resume help");
  assert_step ("walkin");
  gtk_entry_set_text (GTK_ENTRY (widget ("first_name_entry")), "Luis");
  gtk_entry_set_text (GTK_ENTRY (widget ("phone_entry")), "12");
  press_main ();
  assert_step ("walkin");
  g_assert_true (gtk_widget_get_visible (widget ("walkin_error")));
  gtk_entry_set_text (GTK_ENTRY (widget ("phone_entry")), "555 123 4567");
  press_main ();
  wait_idle ();
  assert_step ("result");
  g_assert_cmpint (count_arrivals ("walk-in"), ==, before + 1);
  g_assert_true (gtk_widget_get_visible (widget ("queue_label")));
  g_assert_cmpuint (g_ascii_strtoull (gtk_label_get_text (GTK_LABEL (widget ("queue_label"))), NULL, 10), ==,
                    before + 1);
  if (before == 0)
    assert_result_has ("You're next.");
  else
    assert_result_has ("About");
}

/* The result goes home by itself after 15 seconds of the kiosk's clock. */
static void
test_result_goes_home (void)
{
  open_checkin ();
  click ("I don't have an appointment");
  click ("Look for work");
  press_main ();
  wait_idle ();
  assert_step ("result");
  jk_clock_advance (fake_clock, 14 * G_TIME_SPAN_SECOND);
  jk_test_run_for (20);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "checkin");
  jk_clock_advance (fake_clock, 2 * G_TIME_SPAN_SECOND);
  jk_test_run_for (20);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "home");

  /* Leaving first: nothing goes home later. */
  open_checkin ();
  click ("I don't have an appointment");
  click ("Look for work");
  press_main ();
  wait_idle ();
  click ("Start over");
  assert_step ("start");
  jk_clock_advance (fake_clock, 20 * G_TIME_SPAN_SECOND);
  jk_test_run_for (20);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "checkin");
}

static void
test_screens (void)
{
  const char *const languages[] = { "English", "Español" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      jk_test_fresh_visit (window);
      click (languages[i]);
      jk_window_show_page (window, &jk_checkin_page_info);
      shot ("start");
      gtk_button_clicked (GTK_BUTTON (widget ("scan_button")));
      shot ("scan");
      gtk_button_clicked (GTK_BUTTON (widget ("back_button")));
      gtk_button_clicked (GTK_BUTTON (widget ("code_button")));
      shot ("code");
      gtk_button_clicked (GTK_BUTTON (widget ("back_button")));
      gtk_button_clicked (GTK_BUTTON (widget ("person_button")));
      shot ("person");
      gtk_button_clicked (GTK_BUTTON (widget ("back_button")));
      gtk_button_clicked (GTK_BUTTON (widget ("walkin_button")));
      shot ("reasons");
      gtk_button_clicked (GTK_BUTTON (gtk_grid_get_child_at (GTK_GRID (widget ("reasons_grid")), 1, 0)));
      shot ("walkin");
      gtk_button_clicked (GTK_BUTTON (widget ("main_button")));
      shot ("number");
      g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (widget ("main_button"))), ==,
                       i == 0 ? "Done" : "Listo");
    }
  /* A result shown follows a switch of language at once. */
  click ("English");
  {
    g_autofree char *result = jk_checkin_page_dup_result (page ());

    g_assert_nonnull (strstr (result, "Your number is"));
  }
  jk_test_fresh_visit (window);
  click ("English");
}

/* The wipe leaves no trace of the visit on the page. */
static void
test_wipe (void)
{
  open_checkin ();
  click ("Type your code");
  gtk_entry_set_text (GTK_ENTRY (widget ("code_entry")), "WIPE2345");
  gtk_button_clicked (GTK_BUTTON (widget ("back_button")));
  click ("I don't have an appointment");
  click ("Workshop or class");
  gtk_entry_set_text (GTK_ENTRY (widget ("first_name_entry")), "Luis");
  gtk_entry_set_text (GTK_ENTRY (widget ("phone_entry")), "555 123 4567");
  press_main ();
  wait_idle ();
  assert_step ("result");
  jk_test_fresh_visit (window);
  assert_step ("start");
  for (const char *const *id = (const char *const[]) { "code_entry", "last_name_entry", "month_entry", "day_entry",
                                                       "year_entry", "first_name_entry", "phone_entry", NULL };
       *id != NULL; id++)
    g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (widget (*id))), ==, "");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget ("result_heading"))), ==, "");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget ("result_body"))), ==, "");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget ("queue_label"))), ==, "");
  g_assert_false (gtk_widget_get_visible (widget ("slip_button")));
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
  jk_test_kiosk_start (&kiosk, "jk-ui-checkin-XXXXXX", fake_clock);
  window = kiosk.window;
  jk_test_show_window (window, 1280, 720);

  g_test_add_func ("/checkin/scan", test_scan);
  g_test_add_func ("/checkin/speech", test_speech);
  g_test_add_func ("/checkin/slow-typing", test_slow_typing);
  g_test_add_func ("/checkin/scan-unreadable", test_scan_unreadable);
  g_test_add_func ("/checkin/typed-code", test_typed_code);
  g_test_add_func ("/checkin/person", test_person);
  g_test_add_func ("/checkin/walk-in", test_walk_in);
  g_test_add_func ("/checkin/result-goes-home", test_result_goes_home);
  g_test_add_func ("/checkin/screens", test_screens);
  g_test_add_func ("/checkin/wipe", test_wipe);
  status = g_test_run ();

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (kiosk.app);
  g_object_unref (fake_clock);
  jk_test_remove_tree (kiosk.state_dir);
  g_free (kiosk.state_dir);
  return status;
}
