/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-staff-sections.c: staff mode's Today, Print queue and Feeds sections, each alone in a window with a real
 * page context: arrivals marked, a held job released and a test page printed on a private cupsd, feeds' health and
 * Sync now; every action in the audit log; screenshots at 1280x720 and 1920x1080 */

#include <jobkiosk/jk-checkin.h>
#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-print.h>
#include <jobkiosk/jk-staff.h>
#include <jobkiosk/jk-sync.h>
#include <string.h>

#include "print/jk-print-flow.h"
#include "shell/jk-application.h"
#include "staff/jk-staff-feeds.h"
#include "staff/jk-staff-print-queue.h"
#include "staff/jk-staff-today.h"
#include "jk-test-checkin.h"
#include "jk-test-cups.h"
#include "jk-test-log.h"
#include "jk-test-pdf.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"

static JkTestCups *cups;
static JkConfig *config;
static JkStore *store;
static JkClock *fake_clock;
static JkSession *session;
static JkRefresher *refresher;
static JkPrintFlow *print_flow;
static char *state_dir;
static char *db_path;
static JkPageContext page_context;
static JkStaffContext staff_context;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* A loopback port nobody listens on: the broken feed's server. */
static guint16
closed_port (void)
{
  g_autoptr (GSocketListener) listener = g_socket_listener_new ();
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL,
                                                &bound, &error));
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static GtkWidget *
show_section (const JkStaffSectionInfo *info)
{
  GtkWidget *window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  GtkWidget *section = info->create (&staff_context);

  g_assert_true (GTK_IS_BOX (section));
  gtk_style_context_add_class (gtk_widget_get_style_context (section), "staff-section");
  gtk_container_set_border_width (GTK_CONTAINER (window), 24);
  gtk_container_add (GTK_CONTAINER (window), section);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  gtk_widget_show (window);
  jk_test_wait_drawn (window);
  return section;
}

static void
screenshots (GtkWidget  *section,
             gboolean  (*idle) (gpointer),
             const char *name)
{
  GtkWidget *window = gtk_widget_get_toplevel (section);
  const int sizes[][2] = { { 1280, 720 }, { 1920, 1080 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *file = g_strdup_printf ("staff-%s-%dx%d", name, sizes[i][0], sizes[i][1]);
      int width, height;

      jk_test_resize (window, sizes[i][0], sizes[i][1]);
      jk_test_wait_until (idle, section, 20000);
      jk_test_wait_drawn (window);
      gtk_window_get_size (GTK_WINDOW (window), &width, &height);
      /* The section asks for no more than the screen. */
      g_assert_cmpint (width, <=, sizes[i][0]);
      g_assert_cmpint (height, <=, sizes[i][1]);
      jk_test_screenshot (window, file);
    }
}

/* The audit log holds an entry by the signed-in staff member for action. */
static gboolean
audited (const char *action)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = jk_audit_list (db_path, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      const JkAuditEntry *entry = entries->pdata[i];

      if (g_str_equal (entry->action, action) && g_str_equal (entry->actor, "Ana"))
        return TRUE;
    }
  return FALSE;
}

static gint64
now_unix (void)
{
  g_autoptr (GDateTime) now = jk_clock_now_local (fake_clock);

  return g_date_time_to_unix (now);
}

static gboolean today_idle (gpointer section) { return !jk_staff_today_is_busy (section); }
static gboolean print_idle (gpointer section) { return !jk_staff_print_queue_is_busy (section); }
static gboolean feeds_idle (gpointer section) { return !jk_staff_feeds_is_busy (section); }
static gboolean refresher_idle (gpointer data) { return !jk_refresher_is_busy (refresher); }

static const JkArrival *
find_arrival (GPtrArray  *arrivals,
              const char *greeting)
{
  for (guint i = 0; i < arrivals->len; i++)
    {
      const JkArrival *arrival = arrivals->pdata[i];

      if (g_strcmp0 (arrival->greeting, greeting) == 0 && arrival->id != 0)
        return arrival;
    }
  return NULL;
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

/* Today: a walk-in and an appointment that checked in, in arrival order;
 * Called marks the row in the database and the audit log. */
static void
test_today (void)
{
  g_autoptr (GDateTime) now = jk_clock_now_local (fake_clock);
  g_autoptr (GDateTime) ten = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                     g_date_time_get_day_of_month (now), 10, 0, 0);
  g_autoptr (GDateTime) early = g_date_time_add_minutes (ten, -90);
  JkTestAppointment appointment = { "staff-today", "STAF2345", NULL, NULL, g_date_time_to_unix (ten), 0, NULL, FALSE };
  JkTestAppointment missed = { "staff-missed", "MISS2345", NULL, NULL, g_date_time_to_unix (early), 0, "Workshop",
                               FALSE };
  g_autoptr (GError) error = NULL;
  g_autoptr (JkWalkinResult) walk_in = NULL;
  g_autoptr (JkCheckinResult) checked_in = NULL;
  g_autoptr (GPtrArray) arrivals = NULL;
  const JkArrival *arrival;
  GtkWidget *section;

  walk_in = jk_checkin_walk_in (config, db_path, "resume", "Luis", NULL, now_unix () - 20 * 60, &error);
  g_assert_no_error (error);
  jk_test_add_appointment (config, db_path, &appointment);
  jk_test_add_appointment (config, db_path, &missed);
  checked_in = jk_checkin_by_code (config, db_path, "STAF2345", now_unix (), &error);
  g_assert_no_error (error);
  g_assert_cmpint (checked_in->outcome, ==, JK_CHECKIN_CHECKED_IN);

  section = show_section (&jk_staff_today_section);
  jk_test_wait_until (today_idle, section, 10000);
  jk_test_wait_drawn (gtk_widget_get_toplevel (section));
  g_assert_nonnull (jk_test_find_label (section, "2 waiting, 0 called, 0 served"));
  g_assert_nonnull (jk_test_find_label (section, "Walk-in, number 1 · Resume help"));
  g_assert_nonnull (jk_test_find_label (section, "Came at 9:20 AM, waiting 20 minutes"));
  g_assert_nonnull (jk_test_find_by_name (section, "No-show: Maria N."));
  /* The appointment nobody came to, past its grace: shown, nothing to mark. */
  g_assert_nonnull (jk_test_find_label (section, "No-show: did not check in"));
  screenshots (section, today_idle, "today");

  jk_test_click (section, "Called: Maria N.");
  jk_test_wait_until (today_idle, section, 10000);
  arrivals = jk_checkin_arrivals (config, db_path, NULL, now_unix (), &error);
  g_assert_no_error (error);
  arrival = find_arrival (arrivals, "Maria N.");
  if (arrival == NULL)
    g_error ("Maria N.'s arrival is gone");
  g_assert_cmpstr (arrival->state, ==, "called");
  g_assert_cmpint (arrival->called, ==, now_unix ());
  g_assert_true (audited ("arrival-mark"));
  /* The row now offers the undo, and the count follows. */
  g_assert_nonnull (jk_test_find_by_name (section, "Back to waiting: Maria N."));
  g_assert_null (jk_test_find_by_name (section, "Called: Maria N."));
  g_assert_nonnull (jk_test_find_label (section, "1 waiting, 1 called, 0 served"));
  jk_test_screenshot (gtk_widget_get_toplevel (section), "staff-today-called");
  gtk_widget_destroy (gtk_widget_get_toplevel (section));
}

/* Print queue: a held job is listed and Release sends it to the printer;
 * the test page prints; extra pages go to the next visit and end with it. */
static void
test_print (void)
{
  g_autoptr (GDateTime) now = jk_clock_now_local (fake_clock);
  JkDocumentContext context = { config->center_name, JK_PAPER_LETTER, now, NULL, config };
  JkCheckinSlipInput slip = { 0, NULL, NULL, 7 };
  g_autoptr (JkDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) printed = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autofree char *release_name = NULL;
  g_autofree char *said = NULL;
  g_autofree char *text = NULL;
  JkPrintOptions options;
  JkPrintResult result = { 0 };
  GtkWidget *section;
  guint visit;

  document = jk_document_render (&jk_document_checkin_slip, &context, &slip, &error);
  g_assert_no_error (error);
  jk_print_options_init (&options, config, db_path);
  g_assert_true (options.hold_for_release);
  g_assert_true (jk_print_pdf (store, &options, jk_document_get_pdf (document), "checkin slip", 1, 1, now, &result,
                               NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.outcome, ==, JK_PRINT_OUTCOME_HELD);
  jk_print_options_clear (&options);

  section = show_section (&jk_staff_print_queue_section);
  jk_test_wait_until (print_idle, section, 20000);
  jk_test_wait_drawn (gtk_widget_get_toplevel (section));
  release_name = g_strdup_printf ("Release: job %" G_GINT64_FORMAT, result.id);
  g_assert_nonnull (jk_test_find_by_name (section, release_name));
  g_assert_nonnull (jk_test_find_label (section, "Held: waiting for release"));
  g_assert_nonnull (jk_test_find_label (section, "Printer kiosk-pdf: ready."));
  g_assert_nonnull (jk_test_find_label (section, "Today: 1 page printed of 100 allowed. Each visit may print 10 pages."));
  screenshots (section, print_idle, "print");
  /* Nothing printed while held. */
  printed = jk_test_cups_wait_for_output (cups, 1, 500);
  g_assert_null (printed);

  jk_test_click (section, release_name);
  jk_test_wait_until (print_idle, section, 20000);
  printed = jk_test_cups_wait_for_output (cups, 1, 20000);
  g_assert_nonnull (printed);
  g_assert_true (audited ("print-release"));
  said = g_strdup_printf ("Job %" G_GINT64_FORMAT " was sent to the printer.", result.id);
  g_assert_cmpstr (jk_staff_print_queue_get_result (JK_STAFF_PRINT_QUEUE (section)), ==, said);
  g_assert_null (jk_test_find_by_name (section, release_name));

  /* The test page: never held, on the configured printer. */
  jk_test_click (section, "Print a test page");
  jk_test_wait_until (print_idle, section, 30000);
  all = jk_test_cups_wait_for_output (cups, 2, 20000);
  g_assert_nonnull (all);
  text = jk_test_pdf_text (all->pdata[all->len - 1]);
  g_assert_nonnull (strstr (text, "the printer works"));
  g_assert_nonnull (strstr (text, "Kiosk 2"));
  g_assert_nonnull (strstr (text, "kiosk-pdf"));
  g_assert_true (audited ("print-test-page"));

  /* Extra pages: for the next visit, until it ends. */
  visit = jk_session_get_visit_number (session);
  jk_test_click (section, "Allow the next visitor 5 more pages");
  g_assert_cmpuint (jk_print_flow_get_granted_pages (print_flow), ==, 5);
  g_assert_nonnull (jk_test_find_label (section, "The next visitor may print 5 pages more than the limit."));
  jk_test_screenshot (gtk_widget_get_toplevel (section), "staff-print-granted");
  jk_session_reset (session);   /* staff mode ends: the next visit begins */
  g_assert_cmpuint (jk_session_get_visit_number (session), ==, visit + 1);
  g_assert_cmpuint (jk_print_flow_get_granted_pages (print_flow), ==, 5);
  jk_session_reset (session);   /* that visit ends */
  g_assert_cmpuint (jk_print_flow_get_granted_pages (print_flow), ==, 0);
  jk_test_wait_until (print_idle, section, 20000);
  g_assert_true (audited ("print-grant-pages"));

  jk_print_result_clear (&result);
  gtk_widget_destroy (gtk_widget_get_toplevel (section));
}

/* Feeds: each source's count and last error; Sync now syncs them again. */
static void
test_feeds (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) statuses = NULL;
  GtkWidget *section;
  GtkWidget *sync;
  gint64 before;

  jk_refresher_start (refresher);
  jk_test_wait_until (refresher_idle, NULL, 60000);

  section = show_section (&jk_staff_feeds_section);
  jk_test_wait_until (feeds_idle, section, 10000);
  jk_test_wait_drawn (gtk_widget_get_toplevel (section));
  g_assert_nonnull (jk_test_find_label (section, "2 feeds, 1 with a problem."));
  g_assert_nonnull (jk_test_find_label (section, "broken"));
  g_assert_nonnull (jk_test_find_label (section, "demo"));
  statuses = jk_sync_list_status (store, now_unix (), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < statuses->len; i++)
    {
      const JkSourceStatus *status = statuses->pdata[i];
      g_autofree char *problem = g_strdup_printf ("Last problem: %s", status->last_error);

      if (g_str_equal (status->name, "broken"))
        {
          g_assert_nonnull (status->last_error);
          g_assert_nonnull (jk_test_find_label (section, problem));
        }
      else
        g_assert_cmpint (status->active, >, 0);
    }
  screenshots (section, feeds_idle, "feeds");

  /* Sync now, a minute later: both sources are tried again at once. */
  before = now_unix ();
  jk_clock_advance (fake_clock, 60 * G_TIME_SPAN_SECOND);
  sync = jk_test_find_by_name (section, "Sync now");
  jk_test_click (section, "Sync now");
  g_assert_false (gtk_widget_is_sensitive (sync));
  jk_test_wait_until (feeds_idle, section, 60000);
  jk_test_wait_until (refresher_idle, NULL, 60000);
  jk_test_run_for (50);
  g_assert_true (gtk_widget_is_sensitive (sync));
  g_clear_pointer (&statuses, g_ptr_array_unref);
  statuses = jk_sync_list_status (store, now_unix (), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < statuses->len; i++)
    {
      const JkSourceStatus *status = statuses->pdata[i];

      g_assert_cmpint (status->last_attempt, >, before);
    }
  g_assert_true (audited ("feeds-sync-now"));
  jk_refresher_stop (refresher);
  gtk_widget_destroy (gtk_widget_get_toplevel (section));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GDateTime) start = g_date_time_new_local (2026, 11, 22, 9, 40, 0);
  g_autoptr (GError) error = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *config_text = NULL;
  g_autofree char *feed = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();
  jk_i18n_init ();
  jk_test_require_display ();

  cups = jk_test_cups_start_default ();
  fake_clock = jk_clock_new_fake (start);
  state_dir = g_dir_make_tmp ("jk-ui-staff-XXXXXX", NULL);
  db_path = g_build_filename (state_dir, "jobkiosk.db", NULL);
  feed = g_build_filename (g_getenv ("JOBKIOSK_DATADIR"), "demo", "jobs.xml", NULL);
  config_text = g_strdup_printf ("[kiosk]\ncenter-name = Eastside Career Center\nname = Kiosk 2\n"
                                 "[print]\nhold = true\nvisit-page-limit = 10\nday-page-limit = 100\n"
                                 "[checkin]\ngrace-minutes = 15\n"
                                 "[source demo]\nurl = %s\nformat = job-xml\n"
                                 "[source broken]\nurl = http://127.0.0.1:%u/jobs.xml\nformat = job-xml\n",
                                 feed, closed_port ());
  config_path = g_build_filename (state_dir, "jobkiosk.conf", NULL);
  g_assert_true (g_file_set_contents (config_path, config_text, -1, &error));
  config = jk_config_load (config_path, &error);
  g_assert_no_error (error);
  store = jk_store_open (db_path, &error);
  g_assert_no_error (error);
  jk_application_load_style ();

  session = jk_session_new ("en", FALSE, FALSE);
  refresher = jk_refresher_new (config, db_path, fake_clock);
  print_flow = jk_print_flow_new (config, db_path, fake_clock, session);
  page_context = (JkPageContext) { config, store, fake_clock, session, refresher, print_flow, NULL };
  staff_context = (JkStaffContext) { &page_context, "Ana", db_path };

  g_test_add_func ("/staff/today", test_today);
  g_test_add_func ("/staff/print", test_print);
  g_test_add_func ("/staff/feeds", test_feeds);
  status = g_test_run ();

  g_object_unref (print_flow);
  g_object_unref (refresher);
  g_object_unref (session);
  jk_store_free (store);
  jk_config_free (config);
  g_object_unref (fake_clock);
  jk_test_cups_stop (cups);
  jk_test_remove_tree (state_dir);
  g_free (state_dir);
  g_free (db_path);
  return status;
}
