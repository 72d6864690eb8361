/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-staff-settings-apply.c: staff settings checked one by one and copied into the running configuration */

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-staff.h>

#include "jk-test-log.h"
#include "jk-test.h"

static GHashTable *
new_values (const char *first_key,
            ...)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  va_list args;

  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    g_hash_table_insert (values, g_strdup (key), g_strdup (va_arg (args, const char *)));
  va_end (args);
  return values;
}

static void
test_check (void)
{
  g_autoptr (JkConfig) config = jk_config_new_defaults ();
  g_autoptr (GError) error = NULL;

  g_assert_true (jk_staff_settings_check (config, "kiosk/idle-timeout", "20", &error));
  g_assert_no_error (error);
  g_assert_true (jk_staff_settings_check (config, "print/visit-page-limit", "0", &error));
  g_assert_no_error (error);
  /* Below the configuration's floor of 15 s: refused, with its reason
   * and not the temporary file's name. */
  jk_test_log_expect_warning ("jk-config", "*idle-timeout*");
  g_assert_false (jk_staff_settings_check (config, "kiosk/idle-timeout", "5", &error));
  g_assert_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_BAD_INPUT);
  g_assert_nonnull (strstr (error->message, "idle-timeout"));
  g_assert_null (strstr (error->message, "jk-staff-check"));
  g_clear_error (&error);
  jk_test_log_expect_warning ("jk-config", "*language*");
  g_assert_false (jk_staff_settings_check (config, "kiosk/language", "fr", &error));
  g_assert_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_BAD_INPUT);
  g_clear_error (&error);
  g_assert_false (jk_staff_settings_check (config, "kiosk/database", "/x.db", &error));
  g_assert_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_BAD_INPUT);
  jk_test_log_assert_expected ();
}

static void
test_apply (void)
{
  g_autoptr (JkConfig) config = jk_config_new_defaults ();
  g_autoptr (GHashTable) values = new_values ("kiosk/idle-timeout", "20", "kiosk/language", "es",
                                              "kiosk/center-name", "Eastside Center", "kiosk/area", "43215",
                                              "print/printer", "Front-Desk", "print/visit-page-limit", "12",
                                              "print/day-page-limit", "300", NULL);
  g_autoptr (GHashTable) refused = new_values ("kiosk/idle-timeout", "25", "print/day-page-limit", "many", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_cmpuint (config->idle_timeout, !=, 20);
  g_assert_true (jk_staff_settings_apply (config, values, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (config->idle_timeout, ==, 20);
  g_assert_cmpstr (config->language, ==, "es");
  g_assert_cmpstr (config->center_name, ==, "Eastside Center");
  g_assert_cmpstr (config->area, ==, "43215");
  g_assert_cmpstr (config->print_printer, ==, "Front-Desk");
  g_assert_cmpuint (config->print_visit_limit, ==, 12);
  g_assert_cmpuint (config->print_day_limit, ==, 300);

  /* One refused value takes none: the idle time stays 20. */
  jk_test_log_expect_warning ("jk-config", "*day-page-limit*");
  g_assert_false (jk_staff_settings_apply (config, refused, &error));
  jk_test_log_assert_expected ();
  g_assert_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_BAD_INPUT);
  g_assert_cmpuint (config->idle_timeout, ==, 20);
  g_assert_cmpuint (config->print_day_limit, ==, 300);

  /* NULL: back to the CUPS default printer. */
  g_hash_table_remove_all (values);
  g_hash_table_insert (values, g_strdup ("print/printer"), NULL);
  g_clear_error (&error);
  g_assert_true (jk_staff_settings_apply (config, values, &error));
  g_assert_null (config->print_printer);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();
  jk_i18n_init ();
  g_test_add_func ("/staff-settings/check", test_check);
  g_test_add_func ("/staff-settings/apply", test_apply);
  return g_test_run ();
}
