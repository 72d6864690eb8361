/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-staff.c: staff mode in the kiosk's own window: the 3-second press and Ctrl+Alt+S, the visit wiped first,
 * the PIN pad (a wrong PIN, the lock), signing in and out, staff mode's own idle time, and a journey through its
 * tools (a held job released on a private cupsd, usage exported as CSV, the idle time changed and felt by the next
 * visitor), screenshots */

#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-print.h>
#include <jobkiosk/jk-staff.h>
#include <jobkiosk/jk-usage.h>
#include <string.h>

#include "jobs/jk-search-page.h"
#include "shell/jk-application.h"
#include "staff/jk-staff-page.h"
#include "staff/jk-staff-print-queue.h"
#include "staff/jk-staff-settings-form.h"
#include "staff/jk-staff-usage.h"
#include "widgets/jk-pin-pad.h"
#include "jk-test-cups.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"

#define PIN "2468"

static JkTestKiosk kiosk;
static JkWindow *window;
static JkClock *fake_clock;
static JkTestCups *cups;
static char *etc_dir;      /* the kiosk's configuration folder: staff settings write conf.d/ here */

static JkStaffPage *
page (void)
{
  return JK_STAFF_PAGE (jk_window_get_page (window, &jk_staff_page_info));
}

static const char *
db_path (void)
{
  return jk_store_get_path (kiosk.store);
}

static gint64
now_seconds (void)
{
  g_autoptr (GDateTime) now = jk_clock_now_local (fake_clock);

  return g_date_time_to_unix (now);
}

static gboolean
idle (gpointer data)
{
  return !jk_staff_page_is_busy (page ());
}

static void
type_pin (const char *pin)
{
  JkPinPad *pad = JK_PIN_PAD (jk_staff_page_get_pin_pad (page ()));

  for (const char *p = pin; *p != '\0'; p++)
    {
      GtkWidget *key = jk_pin_pad_get_button (pad, *p);

      g_assert_true (gtk_widget_is_sensitive (key));
      g_assert_true (gtk_widget_get_mapped (key));
      gtk_button_clicked (GTK_BUTTON (key));
    }
  g_assert_cmpuint (strlen (jk_pin_pad_get_pin (pad)), ==, strlen (pin));
  jk_test_click (GTK_WIDGET (window), "Sign in");
  jk_test_wait_until (idle, NULL, 20000);
  jk_test_run_for (20);
}

static gboolean
audited (const char *actor,
         const char *action)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = jk_audit_list (db_path (), 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      const JkAuditEntry *entry = entries->pdata[i];

      if (g_strcmp0 (entry->actor, actor) == 0 && g_strcmp0 (entry->action, action) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
audited_leave (gpointer data)
{
  return audited ("Ana", "staff-leave");
}

static void
open_staff_mode (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), "staff", NULL);
  jk_test_run_for (20);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "staff");
}

/* Held 3 s on the center's name, staff mode's PIN pad shows; let go
 * before, or slide off, and nothing happens. */
static void
test_long_press (void)
{
  GtkWidget *name = gtk_widget_get_parent (GTK_WIDGET (jk_test_find_label (GTK_WIDGET (window),
                                                                          kiosk.config->center_name)));

  jk_test_fresh_visit (window);
  g_assert_true (GTK_IS_EVENT_BOX (name));
  jk_test_send_button_event (name, GDK_BUTTON_PRESS);
  jk_clock_advance (fake_clock, 2 * G_USEC_PER_SEC);
  jk_test_run_for (50);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "home");
  jk_test_send_button_event (name, GDK_BUTTON_RELEASE);
  jk_clock_advance (fake_clock, 2 * G_USEC_PER_SEC);
  jk_test_run_for (50);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "home");

  jk_test_send_button_event (name, GDK_BUTTON_PRESS);
  jk_clock_advance (fake_clock, 3 * G_USEC_PER_SEC);
  jk_test_run_for (50);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "staff");
  jk_test_send_button_event (name, GDK_BUTTON_RELEASE);
  g_assert_null (jk_staff_page_get_signed_in (page ()));
  jk_test_screenshot (GTK_WIDGET (window), "staff-pin");
}

/* Whatever the visitor left is gone before the pad shows. */
static void
test_wipes_visit (void)
{
  JkSession *session = jk_window_get_session (window);

  jk_test_fresh_visit (window);
  jk_window_show_page (window, &jk_search_page_info);
  jk_session_set_language (session, "es");
  g_assert_false (jk_session_is_pristine (session));
  open_staff_mode ();
  g_assert_true (jk_session_is_pristine (session));
  g_assert_cmpstr (jk_session_get_language (session), ==, "en");
}

/* A wrong PIN is told and counted; max-tries in a row lock staff mode,
 * and then even the right PIN waits for the lock's end. */
static void
test_wrong_pin_lock (void)
{
  g_autoptr (GError) error = NULL;

  jk_test_fresh_visit (window);
  open_staff_mode ();
  type_pin ("1111");
  g_assert_nonnull (strstr (jk_staff_page_get_message (page ()), "not right"));
  g_assert_null (jk_staff_page_get_signed_in (page ()));
  for (guint i = 1; i < kiosk.config->staff_max_tries; i++)
    type_pin ("1111");
  g_assert_nonnull (strstr (jk_staff_page_get_message (page ()), "locked"));
  jk_test_screenshot (GTK_WIDGET (window), "staff-locked");
  type_pin (PIN);
  g_assert_null (jk_staff_page_get_signed_in (page ()));
  g_assert_nonnull (strstr (jk_staff_page_get_message (page ()), "locked"));

  /* After the lock (the kiosk left idle meanwhile went home), the right
   * PIN opens it. */
  jk_clock_advance (fake_clock, (gint64) kiosk.config->staff_lock_minutes * 60 * G_USEC_PER_SEC);
  jk_idle_monitor_check (jk_window_get_idle_monitor (window));
  jk_test_run_for (20);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "home");
  open_staff_mode ();
  type_pin (PIN);
  g_assert_cmpstr (jk_staff_page_get_signed_in (page ()), ==, "Ana");
  g_assert_cmpint (jk_staff_locked_until (db_path (), now_seconds (), &error), ==, 0);
  g_assert_no_error (error);
}

/* Signed in: staff mode's idle time; leaving logs it, forgets who it was
 * and gives the visitors' idle time back. */
static void
test_sign_in_out (void)
{
  JkIdleMonitor *monitor = jk_window_get_idle_monitor (window);
  guint visit;

  jk_test_fresh_visit (window);
  open_staff_mode ();
  type_pin (PIN);
  g_assert_cmpstr (jk_staff_page_get_signed_in (page ()), ==, "Ana");
  g_assert_true (audited ("Ana", "staff-enter"));
  g_assert_cmpuint (jk_idle_monitor_get_timeout (monitor), ==, kiosk.config->staff_idle_minutes * 60);
  jk_test_screenshot (GTK_WIDGET (window), "staff-signed-in");
  visit = jk_session_get_visit_number (jk_window_get_session (window));
  jk_test_click (GTK_WIDGET (window), "Leave staff mode");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "home");
  jk_test_wait_until (audited_leave, NULL, 5000);
  /* Staff mode ended like a visit: the next person starts afresh. */
  g_assert_cmpuint (jk_session_get_visit_number (jk_window_get_session (window)), !=, visit);
  g_assert_cmpuint (jk_idle_monitor_get_timeout (monitor), ==, kiosk.config->idle_timeout);
  open_staff_mode ();
  g_assert_null (jk_staff_page_get_signed_in (page ()));
}

/* Staff mode left alone ends like a visit: the wipe signs out. */
static void
test_idle_leaves (void)
{
  jk_test_fresh_visit (window);
  open_staff_mode ();
  type_pin (PIN);
  g_assert_cmpstr (jk_staff_page_get_signed_in (page ()), ==, "Ana");
  jk_clock_advance (fake_clock, (gint64) (kiosk.config->staff_idle_minutes * 60 + kiosk.config->idle_warning + 1)
                                * G_USEC_PER_SEC);
  jk_idle_monitor_check (jk_window_get_idle_monitor (window));
  jk_test_run_for (50);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "home");
  g_assert_null (jk_staff_page_get_signed_in (page ()));
}

/* A keyboard's digits and Enter work the pad; the pad holds no more than
 * a PIN can be. */
static void
test_keyboard (void)
{
  JkPinPad *pad;

  jk_test_fresh_visit (window);
  open_staff_mode ();
  pad = JK_PIN_PAD (jk_staff_page_get_pin_pad (page ()));
  for (guint i = 0; i < 200; i++)
    jk_test_press_key (GTK_WIDGET (window), GDK_KEY_7);
  g_assert_cmpuint (strlen (jk_pin_pad_get_pin (pad)), ==, JK_STAFF_PIN_MAX);
  jk_test_press_key (GTK_WIDGET (window), GDK_KEY_BackSpace);
  g_assert_cmpuint (strlen (jk_pin_pad_get_pin (pad)), ==, JK_STAFF_PIN_MAX - 1);
  for (guint i = 1; i < JK_STAFF_PIN_MAX; i++)
    jk_test_press_key (GTK_WIDGET (window), GDK_KEY_BackSpace);
  g_assert_cmpstr (jk_pin_pad_get_pin (pad), ==, "");
  for (const char *p = PIN; *p != '\0'; p++)
    jk_test_press_key (GTK_WIDGET (window), gdk_unicode_to_keyval (*p));
  jk_test_press_key (GTK_WIDGET (window), GDK_KEY_Return);
  jk_test_wait_until (idle, NULL, 20000);
  g_assert_cmpstr (jk_staff_page_get_signed_in (page ()), ==, "Ana");
}

static gboolean
section_idle (gpointer data)
{
  GtkWidget *section = jk_staff_page_get_section (page (), data);

  if (JK_IS_STAFF_PRINT_QUEUE (section))
    return !jk_staff_print_queue_is_busy (JK_STAFF_PRINT_QUEUE (section));
  if (JK_IS_STAFF_USAGE (section))
    return !jk_staff_usage_is_busy (JK_STAFF_USAGE (section));
  return !jk_staff_settings_form_is_busy (JK_STAFF_SETTINGS_FORM (section));
}

static GtkWidget *
show_section (const char *name)
{
  jk_staff_page_show_section (page (), name);
  jk_test_run_for (20);
  g_assert_nonnull (jk_staff_page_get_section (page (), name));
  jk_test_wait_until (section_idle, (gpointer) name, 20000);
  return jk_staff_page_get_section (page (), name);
}

static gboolean
warning_shown (gpointer data)
{
  return gtk_widget_get_mapped (jk_window_get_idle_warning (window));
}

/* A staff member's morning, in the kiosk's own window: a visitor's held
 * printout released, the usage counts exported, the idle time changed,
 * and the next visitor warned after the new time. */
static void
test_journey (void)
{
  g_autoptr (GDateTime) now = jk_clock_now_local (fake_clock);
  JkDocumentContext context = { kiosk.config->center_name, JK_PAPER_LETTER, now, NULL, kiosk.config };
  JkCheckinSlipInput slip = { 0, NULL, NULL, 7 };
  g_autoptr (JkDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) printed = NULL;
  g_autoptr (JkStore) writer = NULL;
  g_autofree char *release = NULL;
  g_autofree char *dropin = NULL;
  g_autofree char *dropin_path = g_build_filename (etc_dir, "conf.d", "50-staff.conf", NULL);
  g_autofree char *reports = g_build_filename (kiosk.state_dir, "reports", NULL);
  g_autoptr (GDir) dir = NULL;
  JkPrintOptions options;
  JkPrintResult result = { 0 };
  GtkWidget *section;
  GtkWidget *idle_field;

  /* A visitor's printout, held for staff. */
  kiosk.config->print_hold = TRUE;
  document = jk_document_render (&jk_document_checkin_slip, &context, &slip, &error);
  g_assert_no_error (error);
  jk_print_options_init (&options, kiosk.config, db_path ());
  g_assert_true (jk_print_pdf (kiosk.store, &options, jk_document_get_pdf (document), "checkin slip", 1, 1, now,
                               &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.outcome, ==, JK_PRINT_OUTCOME_HELD);
  jk_print_options_clear (&options);
  /* Usage worth exporting: this hour's visits. */
  writer = jk_store_open_writer (db_path (), &error);
  g_assert_no_error (error);
  g_assert_true (jk_usage_add (writer, "visits", 12, now_seconds (), &error));
  g_assert_no_error (error);

  jk_test_fresh_visit (window);
  open_staff_mode ();
  type_pin (PIN);
  g_assert_cmpstr (jk_staff_page_get_signed_in (page ()), ==, "Ana");

  section = show_section ("print");
  release = g_strdup_printf ("Release: job %" G_GINT64_FORMAT, result.id);
  jk_test_screenshot (GTK_WIDGET (window), "staff-journey-print");
  jk_test_click (section, release);
  jk_test_wait_until (section_idle, "print", 20000);
  printed = jk_test_cups_wait_for_output (cups, 1, 20000);
  g_assert_nonnull (printed);
  g_assert_true (audited ("Ana", "print-release"));

  section = show_section ("usage");
  jk_test_click (section, "Export the counts as CSV");
  jk_test_wait_until (section_idle, "usage", 20000);
  dir = g_dir_open (reports, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_dir_read_name (dir));
  jk_test_screenshot (GTK_WIDGET (window), "staff-journey-usage");

  section = show_section ("settings");
  idle_field = jk_test_find_by_name (section, "Seconds before the kiosk asks “Are you still there?”");
  g_assert_nonnull (idle_field);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (idle_field), 20);
  jk_test_click (section, "Save the settings");
  jk_test_wait_until (section_idle, "settings", 20000);
  g_assert_true (g_file_get_contents (dropin_path, &dropin, NULL, &error));
  g_assert_nonnull (strstr (dropin, "idle-timeout=20"));
  /* Still staff mode's own time while signed in. */
  g_assert_cmpuint (jk_idle_monitor_get_timeout (jk_window_get_idle_monitor (window)), ==,
                    kiosk.config->staff_idle_minutes * 60);
  jk_test_screenshot (GTK_WIDGET (window), "staff-journey-settings");
  jk_test_click (GTK_WIDGET (window), "Leave staff mode");
  jk_test_run_for (50);

  /* The next visitor, idle for the new 20 s, is asked "Are you still there?". */
  jk_window_show_page (window, &jk_search_page_info);
  jk_session_set_language (jk_window_get_session (window), "es");
  jk_test_run_for (20);
  jk_clock_advance (fake_clock, 21 * G_USEC_PER_SEC);
  jk_idle_monitor_check (jk_window_get_idle_monitor (window));
  jk_test_wait_until (warning_shown, NULL, 5000);
  jk_window_cancel_modal (window);
  jk_session_set_language (jk_window_get_session (window), "en");
}

static void
test_screens (void)
{
  jk_test_fresh_visit (window);
  jk_test_resize (GTK_WIDGET (window), 1920, 1080);
  open_staff_mode ();
  jk_test_screenshot (GTK_WIDGET (window), "staff-pin-1080p");
  type_pin (PIN);
  jk_test_screenshot (GTK_WIDGET (window), "staff-signed-in-1080p");
  jk_test_resize (GTK_WIDGET (window), 1280, 720);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GDateTime) start = g_date_time_new_local (2026, 11, 22, 9, 40, 0);
  g_autoptr (GError) error = NULL;
  g_autofree char *config_path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  jk_i18n_init ();
  jk_test_require_display ();

  /* The kiosk's own configuration in a private folder, as /etc/jobkiosk
   * is: Settings writes its drop-in in conf.d/ beside it. */
  etc_dir = g_dir_make_tmp ("jk-ui-staff-etc-XXXXXX", NULL);
  config_path = g_build_filename (etc_dir, "jobkiosk.conf", NULL);
  g_assert_true (g_file_set_contents (config_path, "[kiosk]\ncenter-name = Riverside American Job Center\n"
                                                   "name = Kiosk 3\nidle-timeout = 90\n", -1, &error));
  g_setenv ("JOBKIOSK_SYSCONFDIR", etc_dir, TRUE);
  cups = jk_test_cups_start_default ();
  fake_clock = jk_clock_new_fake (start);
  jk_test_kiosk_start (&kiosk, "jk-ui-staff-XXXXXX", fake_clock);
  g_assert_cmpstr (kiosk.config->center_name, ==, "Riverside American Job Center");
  window = kiosk.window;
  g_assert_true (jk_staff_add (db_path (), "Ana", PIN, now_seconds (), &error));
  g_assert_no_error (error);
  jk_test_show_window (window, 1280, 720);

  g_test_add_func ("/staff/long-press", test_long_press);
  g_test_add_func ("/staff/wipes-visit", test_wipes_visit);
  g_test_add_func ("/staff/wrong-pin-lock", test_wrong_pin_lock);
  g_test_add_func ("/staff/sign-in-out", test_sign_in_out);
  g_test_add_func ("/staff/idle-leaves", test_idle_leaves);
  g_test_add_func ("/staff/keyboard", test_keyboard);
  g_test_add_func ("/staff/screens", test_screens);
  g_test_add_func ("/staff/journey", test_journey);
  status = g_test_run ();

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (kiosk.app);
  g_object_unref (fake_clock);
  jk_test_remove_tree (kiosk.state_dir);
  g_free (kiosk.state_dir);
  jk_test_cups_stop (cups);
  jk_test_remove_tree (etc_dir);
  g_free (etc_dir);
  return status;
}
