/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-staff-data.c: staff mode's Usage, Settings and Help with a resume sections in the real window, printing on
 * a private cupsd */

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-resume-vault.h>
#include <jobkiosk/jk-staff.h>
#include <jobkiosk/jk-usage.h>

#include "shell/jk-page.h"
#include "shell/jk-window.h"
#include "staff/jk-staff-resume.h"
#include "staff/jk-staff-settings-form.h"
#include "staff/jk-staff-usage.h"

#include "jk-test-cups.h"
#include "jk-test-log.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"
#include "jk-test.h"

static JkTestKiosk kiosk;
static JkWindow *window;
static JkClock *fake_clock;
static JkTestCups *cups;
static JkConfig *config;          /* the sections' own, from a main file in the test's folder */
static JkPageContext page_context;
static JkStaffContext staff_context;
static char *main_file;

/* Each section is shown alone on a page of its own, as the staff page
 * will hold it. */
static JkPage *host;
static const JkPageInfo host_info = { .name = "staff-test", .flags = 0 };

static GtkWidget *
show_section (const JkStaffSectionInfo *info)
{
  GtkWidget *section;

  gtk_container_foreach (GTK_CONTAINER (host), (GtkCallback) gtk_widget_destroy, NULL);
  section = info->create (&staff_context);
  gtk_widget_set_vexpand (section, TRUE);
  gtk_container_add (GTK_CONTAINER (host), section);
  gtk_widget_show (section);
  jk_window_show_page (window, &host_info);
  jk_test_wait_drawn (GTK_WIDGET (window));
  return section;
}

static gboolean
usage_idle (gpointer data)
{
  return !jk_staff_usage_is_busy (data);
}

static gboolean
settings_idle (gpointer data)
{
  return !jk_staff_settings_form_is_busy (data);
}

static gboolean
resume_idle (gpointer data)
{
  return !jk_staff_resume_is_busy (data);
}

static gboolean
store_has_text (GtkListStore *store,
                int           column,
                const char   *text)
{
  GtkTreeIter iter;
  gboolean more = gtk_tree_model_get_iter_first (GTK_TREE_MODEL (store), &iter);

  while (more)
    {
      g_autofree char *value = NULL;

      gtk_tree_model_get (GTK_TREE_MODEL (store), &iter, column, &value, -1);
      if (g_strcmp0 (value, text) == 0)
        return TRUE;
      more = gtk_tree_model_iter_next (GTK_TREE_MODEL (store), &iter);
    }
  return FALSE;
}

static void
shots (const char *name)
{
  g_autofree char *small = g_strdup_printf ("staff-%s-1280x720", name);
  g_autofree char *large = g_strdup_printf ("staff-%s-1920x1080", name);

  jk_test_resize (GTK_WIDGET (window), 1280, 720);
  jk_test_screenshot (GTK_WIDGET (window), small);
  jk_test_resize (GTK_WIDGET (window), 1920, 1080);
  jk_test_screenshot (GTK_WIDGET (window), large);
  jk_test_resize (GTK_WIDGET (window), 1280, 720);
}

static gboolean
audit_has (const char *action,
           const char *detail)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = jk_audit_list (staff_context.database_path, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      JkAuditEntry *entry = entries->pdata[i];

      if (g_str_equal (entry->action, action) && g_str_equal (entry->actor, "Rosa")
          && (detail == NULL || g_strcmp0 (entry->detail, detail) == 0))
        return TRUE;
    }
  return FALSE;
}

/* ---------------------------------------------------------------------- */

static void
test_usage (void)
{
  g_autoptr (GDateTime) now = jk_clock_now_local (fake_clock);
  g_autoptr (GDateTime) earlier = g_date_time_add_hours (now, -1);
  g_autoptr (GHashTable) busy_hour = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) small_hour = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *small_hour_text = g_strdup_printf ("%d:00", g_date_time_get_hour (earlier));
  g_autofree char *busy_hour_text = g_strdup_printf ("%d:00", g_date_time_get_hour (now));
  GtkWidget *section;
  GtkListStore *store;

  g_hash_table_insert (busy_hour, "visits", GINT_TO_POINTER (12));
  g_hash_table_insert (busy_hour, "searches", GINT_TO_POINTER (31));
  g_hash_table_insert (small_hour, "visits", GINT_TO_POINTER (3));
  g_assert_true (jk_usage_add_counts (staff_context.database_path, busy_hour, g_date_time_to_unix (now), &error));
  g_assert_true (jk_usage_add_counts (staff_context.database_path, small_hour, g_date_time_to_unix (earlier),
                                      &error));
  g_assert_no_error (error);

  section = show_section (&jk_staff_usage_section);
  jk_test_wait_until (usage_idle, section, 10000);
  store = GTK_LIST_STORE (gtk_tree_view_get_model (GTK_TREE_VIEW (jk_test_find_by_name (section,
                                                                                        "Table of the counts"))));
  g_assert_cmpint (gtk_tree_model_iter_n_children (GTK_TREE_MODEL (store), NULL), ==, 24);
  g_assert_true (store_has_text (store, 1, "12"));
  g_assert_true (store_has_text (store, 1, "fewer than 5"));
  g_assert_false (store_has_text (store, 1, "3"));
  g_assert_true (store_has_text (store, 0, small_hour_text));
  g_assert_true (store_has_text (store, 0, busy_hour_text));
  shots ("usage");

  /* The week: one bar a day, the day's exact total withheld (12 + 3
   * would tell the hour of 3). */
  jk_test_click (section, "Usage for the last 7 days");
  jk_test_wait_until (usage_idle, section, 10000);
  g_assert_cmpint (gtk_tree_model_iter_n_children (GTK_TREE_MODEL (store), NULL), ==, 7);
  g_assert_false (store_has_text (store, 1, "15"));
  g_assert_true (store_has_text (store, 1, "fewer than 5"));
  shots ("usage-week");

  jk_test_click (section, "Usage for today");
  jk_test_wait_until (usage_idle, section, 10000);
  jk_test_click (section, "Export the counts as CSV");
  jk_test_wait_until (usage_idle, section, 10000);
  {
    g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
    g_autofree char *name = g_strdup_printf ("usage-%s-%s.csv", day, day);

    csv_path = g_build_filename (kiosk.state_dir, "reports", name, NULL);
  }
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv, ",visits,12,"));
  g_assert_nonnull (strstr (csv, ",searches,31,"));
  g_assert_null (strstr (csv, ",visits,3,"));
  g_assert_true (audit_has ("usage-export", NULL));
  shots ("usage-exported");
}

static void
test_settings (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkConfig) reloaded = NULL;
  g_autofree char *dropin = NULL;
  g_autofree char *dropin_path = g_build_filename (kiosk.state_dir, "conf.d", "50-staff.conf", NULL);
  GtkWidget *section = show_section (&jk_staff_settings_form_section);
  GtkWidget *idle = jk_test_find_by_name (section, "Seconds before the kiosk asks “Are you still there?”");
  GtkWidget *name = jk_test_find_by_name (section, "Center's name");

  shots ("settings");
  g_assert_cmpuint (jk_idle_monitor_get_timeout (jk_window_get_idle_monitor (window)), !=, 20);

  /* Refused beside its field, nothing written. */
  jk_test_log_expect_warning ("jk-config", "*idle-timeout*");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (idle), 5);
  jk_test_click (section, "Save the settings");
  jk_test_wait_until (settings_idle, section, 10000);
  jk_test_log_assert_expected ();
  g_assert_false (g_file_test (dropin_path, G_FILE_TEST_EXISTS));
  g_assert_nonnull (jk_test_find_label (section, "Not saved: a setting above cannot be used."));
  shots ("settings-refused");

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (idle), 20);
  gtk_entry_set_text (GTK_ENTRY (name), "Eastside Job Center");
  jk_test_click (section, "Save the settings");
  jk_test_wait_until (settings_idle, section, 10000);
  g_assert_nonnull (jk_test_find_label (section, "Saved. The kiosk uses the new settings now."));

  g_assert_true (g_file_get_contents (dropin_path, &dropin, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (dropin, "idle-timeout=20"));
  g_assert_nonnull (strstr (dropin, "center-name=Eastside Job Center"));
  g_assert_cmpuint (config->idle_timeout, ==, 20);
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "Eastside Job Center"));
  reloaded = jk_config_load (main_file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reloaded->idle_timeout, ==, 20);
  g_assert_cmpstr (reloaded->center_name, ==, "Eastside Job Center");
  g_assert_true (audit_has ("settings", NULL));
  shots ("settings-saved");
}

static void
test_resume (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkResumeVault) vault = jk_resume_vault_new (config, staff_context.database_path, &error);
  g_autoptr (JkResume) resume = jk_resume_new ();
  g_autoptr (GPtrArray) printed = NULL;
  g_autofree char *code = NULL;
  g_autoptr (GDateTime) now = jk_clock_now_local (fake_clock);
  gint64 expires = 0;
  GtkWidget *section;
  GtkWidget *code_entry;
  GtkWidget *pin_entry;
  GtkWidget *print;

  g_assert_no_error (error);
  resume->basics.name = g_strdup ("Dana Whitfield");
  resume->basics.label = g_strdup ("Line cook");
  code = jk_resume_vault_save (vault, resume, "4821", g_date_time_to_unix (now), &expires, &error);
  g_assert_no_error (error);

  section = show_section (&jk_staff_resume_section);
  code_entry = jk_test_find_by_name (section, "The resume's code");
  pin_entry = jk_test_find_by_name (section, "The client's PIN");
  print = jk_test_find_by_name (section, "Print the resume");
  g_assert_false (gtk_widget_is_sensitive (print));
  shots ("resume");

  /* A wrong PIN: the vault's own words. */
  gtk_entry_set_text (GTK_ENTRY (code_entry), code);
  gtk_entry_set_text (GTK_ENTRY (pin_entry), "1111");
  jk_test_click (section, "Open the saved resume");
  jk_test_wait_until (resume_idle, section, 30000);
  g_assert_null (jk_test_find_label (section, "Dana Whitfield"));
  g_assert_false (gtk_widget_is_sensitive (print));
  shots ("resume-wrong-pin");

  gtk_entry_set_text (GTK_ENTRY (pin_entry), "4821");
  jk_test_click (section, "Open the saved resume");
  jk_test_wait_until (resume_idle, section, 30000);
  g_assert_nonnull (jk_test_find_label (section, "Dana Whitfield"));
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (pin_entry)), ==, "");
  shots ("resume-open");

  jk_test_click (section, "Print the resume");
  jk_test_wait_until (resume_idle, section, 60000);
  g_assert_nonnull (jk_test_find_label (section, "The resume is printing."));
  printed = jk_test_cups_wait_for_output (cups, 1, 30000);
  g_assert_nonnull (printed);
  g_assert_true (audit_has ("resume-print", code));

  /* Destroyed: nothing of the client's stays on screen. */
  gtk_widget_destroy (section);
  g_assert_null (jk_test_find_label (GTK_WIDGET (window), "Dana Whitfield"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GDateTime) start = g_date_time_new_local (2026, 11, 22, 10, 40, 0);
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();
  jk_i18n_init ();
  jk_test_require_display ();

  cups = jk_test_cups_start_default ();
  fake_clock = jk_clock_new_fake (start);
  jk_test_kiosk_start (&kiosk, "jk-ui-staff-data-XXXXXX", fake_clock);
  window = kiosk.window;

  /* The sections' configuration has a main file of its own in the test's
   * folder, so the drop-in is written there. */
  main_file = g_build_filename (kiosk.state_dir, "jobkiosk.conf", NULL);
  g_assert_true (g_file_set_contents (main_file, "[kiosk]\ncenter-name = Main Street Center\nidle-timeout = 90\n",
                                      -1, NULL));
  config = jk_config_load (main_file, &error);
  g_assert_no_error (error);
  page_context.config = config;
  page_context.store = kiosk.store;
  page_context.clock = fake_clock;
  page_context.session = jk_window_get_session (window);
  page_context.print_flow = jk_application_get_print_flow (kiosk.app);
  staff_context.context = &page_context;
  staff_context.staff_name = "Rosa";
  staff_context.database_path = g_strdup (jk_store_get_path (kiosk.store));

  host = g_object_new (JK_TYPE_PAGE, "orientation", GTK_ORIENTATION_VERTICAL, NULL);
  jk_window_add_page (window, &host_info, host);
  jk_test_show_window (window, 1280, 720);

  g_test_add_func ("/staff-data/usage", test_usage);
  g_test_add_func ("/staff-data/settings", test_settings);
  g_test_add_func ("/staff-data/resume", test_resume);
  status = g_test_run ();

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (kiosk.app);
  g_object_unref (fake_clock);
  jk_config_free (config);
  jk_test_cups_stop (cups);
  jk_test_remove_tree (kiosk.state_dir);
  g_free (kiosk.state_dir);
  g_free (staff_context.database_path);
  g_free (main_file);
  return status;
}
