/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-config.c: the INI configuration, good, bad and missing */

#include <glib/gstdio.h>
#include <string.h>
#include <jobkiosk/jk-config.h>

#include "jk-test-log.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "config", name, NULL);
}

static gboolean
problems_mention (JkConfig   *config,
                  const char *needle)
{
  for (guint i = 0; i < config->problems->len; i++)
    if (strstr (config->problems->pdata[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_defaults (void)
{
  g_autoptr (JkConfig) config = jk_config_new_defaults ();

  g_assert_cmpstr (config->language, ==, "en");
  g_assert_cmpuint (config->idle_timeout, ==, 90);
  g_assert_cmpuint (config->idle_warning, ==, 30);
  g_assert_true (config->fullscreen);
  g_assert_false (config->start_high_contrast);
  g_assert_cmpuint (config->problems->len, ==, 0);
}

static void
test_good (void)
{
  g_autofree char *path = data_path ("good.conf");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *expected_db = g_build_filename (dir, "state", "kiosk.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (JkConfig) config = jk_config_load (path, &error);
  g_autofree char *db = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (config);
  g_assert_cmpint (config->mode, ==, JK_CONFIG_MODE_CONFIGURED);
  g_assert_cmpstr (config->center_name, ==, "Eastside Career Center");
  g_assert_cmpstr (config->kiosk_name, ==, "Kiosk 2");
  g_assert_cmpstr (config->language, ==, "es");
  g_assert_cmpuint (config->idle_timeout, ==, 120);
  g_assert_cmpuint (config->idle_warning, ==, 45);
  g_assert_false (config->fullscreen);
  g_assert_true (config->start_high_contrast);
  g_assert_true (config->start_large_text);
  /* Relative paths resolve beside the configuration file. */
  db = jk_config_get_database_path (config);
  g_assert_cmpstr (db, ==, expected_db);
  g_assert_cmpuint (config->problems->len, ==, 0);
  g_assert_true (jk_config_is_complete (config, NULL));
}

static void
test_bad_values (void)
{
  g_autofree char *path = data_path ("bad-values.conf");
  g_autoptr (GError) error = NULL;
  g_autoptr (JkConfig) config = NULL;

  jk_test_log_expect_warning ("jk-config", "*");
  jk_test_log_expect_warning ("jk-config", "*");
  jk_test_log_expect_warning ("jk-config", "*");
  jk_test_log_expect_warning ("jk-config", "*");
  jk_test_log_expect_warning ("jk-config", "*");
  jk_test_log_expect_warning ("jk-config", "*");
  config = jk_config_load (path, &error);
  jk_test_log_assert_expected ();
  g_assert_no_error (error);

  /* Good keys beside bad ones still apply; bad ones keep the default. */
  g_assert_cmpstr (config->center_name, ==, "Westside Career Center");
  g_assert_cmpstr (config->language, ==, "en");
  g_assert_cmpuint (config->idle_timeout, ==, 90);
  g_assert_cmpuint (config->idle_warning, ==, 30);
  g_assert_true (config->fullscreen);

  /* Each message names the file, the line and the key. */
  g_assert_cmpuint (config->problems->len, ==, 6);
  g_assert_true (problems_mention (config, "bad-values.conf:3: [kiosk] language: \"fr\""));
  g_assert_true (problems_mention (config, "bad-values.conf:4: [kiosk] idle-timeout: \"soon\" is not a whole number"));
  g_assert_true (problems_mention (config, "bad-values.conf:5: [kiosk] idle-warning: \"5\""));
  g_assert_true (problems_mention (config, "bad-values.conf:6: [kiosk] colour: unknown key"));
  g_assert_true (problems_mention (config, "bad-values.conf:9: [display] fullscreen: \"maybe\" is not true or false"));
  g_assert_true (problems_mention (config, "bad-values.conf:11: [printers]: unknown section"));
}

static void
test_dropins (void)
{
  g_autofree char *path = data_path ("with-dropins/main.conf");
  g_autoptr (GError) error = NULL;
  g_autoptr (JkConfig) config = jk_config_load (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (config->center_name, ==, "Main Street Center");
  g_assert_cmpuint (config->idle_timeout, ==, 75);  /* 50-idle.conf wins over main */
  g_assert_cmpstr (config->kiosk_name, ==, "Kiosk 7");
  g_assert_cmpuint (config->files->len, ==, 3);     /* README is not read */
}

static void
test_missing_explicit (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkConfig) config = jk_config_load ("/nonexistent/jobkiosk.conf", &error);

  g_assert_null (config);
  g_assert_error (error, JK_CONFIG_ERROR, JK_CONFIG_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "/nonexistent/jobkiosk.conf"));
}

static void
test_garbage_explicit (void)
{
  g_autofree char *path = data_path ("garbage.conf");
  g_autoptr (GError) error = NULL;
  g_autoptr (JkConfig) config = jk_config_load (path, &error);

  g_assert_null (config);
  g_assert_error (error, JK_CONFIG_ERROR, JK_CONFIG_ERROR_UNREADABLE);
}

/* No system configuration at all: the bundled demo runs. */
static void
test_demo_when_unconfigured (void)
{
  g_autofree char *empty_etc = g_dir_make_tmp ("jk-etc-XXXXXX", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (JkConfig) config = NULL;

  g_setenv ("JOBKIOSK_SYSCONFDIR", empty_etc, TRUE);
  config = jk_config_load (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (config->mode, ==, JK_CONFIG_MODE_DEMO);
  g_assert_nonnull (strstr (config->main_file, "demo"));
  g_assert_cmpuint (config->problems->len, ==, 0);
  g_assert_nonnull (strstr (config->center_name, "demo"));
  g_rmdir (empty_etc);
}

/* A system file that is garbage must not leave the kiosk dark. */
static void
test_garbage_system_file_falls_back (void)
{
  g_autofree char *etc = g_dir_make_tmp ("jk-etc-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (etc, "jobkiosk.conf", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (JkConfig) config = NULL;

  g_assert_true (g_file_set_contents (file, "[kiosk\nthis is = not ini\x01", -1, NULL));
  g_setenv ("JOBKIOSK_SYSCONFDIR", etc, TRUE);
  jk_test_log_expect_warning ("jk-config", "*jobkiosk.conf:1: this is not a [section] line*");
  config = jk_config_load (NULL, &error);
  jk_test_log_assert_expected ();
  g_assert_no_error (error);
  g_assert_nonnull (config);
  g_assert_cmpuint (config->idle_timeout, ==, 90);
  g_assert_cmpuint (config->problems->len, ==, 1);
  g_assert_false (jk_config_is_complete (config, NULL));
  g_unlink (file);
  g_rmdir (etc);
}

/* One bad line costs that line (a bad [section] line, the lines under it),
 * never the whole file; each is reported, and the configuration then is
 * not complete, so nothing it might have named is taken to be gone. */
static void
test_bad_lines_keep_the_rest (void)
{
  g_autofree char *path = data_path ("bad-lines.conf");
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) incomplete = NULL;
  g_autoptr (JkConfig) config = NULL;

  jk_test_log_expect_warning ("jk-config", "*bad-lines.conf:4: this is not a “key = value” line*");
  jk_test_log_expect_warning ("jk-config", "*bad-lines.conf:6: this line is not UTF-8 text*");
  jk_test_log_expect_warning ("jk-config", "*bad-lines.conf:7: this is not a [section] line*");
  config = jk_config_load (path, &error);
  jk_test_log_assert_expected ();
  g_assert_no_error (error);
  g_assert_nonnull (config);

  g_assert_cmpstr (config->center_name, ==, "Northside Center");
  g_assert_cmpstr (config->kiosk_name, ==, "Kiosk 3");
  g_assert_cmpuint (config->idle_timeout, ==, 90);
  g_assert_null (config->area);
  /* fullscreen = false sat under the broken [display: not read, and not
   * taken as a key of [kiosk] above it either. */
  g_assert_true (config->fullscreen);
  g_assert_cmpuint (config->problems->len, ==, 3);
  g_assert_cmpuint (config->source_names->len, ==, 1);
  g_assert_cmpstr (config->source_names->pdata[0], ==, "a");

  g_assert_cmpuint (config->refused->len, ==, 3);
  g_assert_false (jk_config_is_complete (config, &incomplete));
  g_assert_error (incomplete, JK_CONFIG_ERROR, JK_CONFIG_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (incomplete->message, "bad-lines.conf:7: "));
}

/* Problems inside [source NAME] groups are reported like any other: file,
 * line and key. Bad values are not refused lines: the file was read. */
static void
test_source_problems (void)
{
  g_autofree char *path = data_path ("bad-sources.conf");
  g_autoptr (GError) error = NULL;
  g_autoptr (JkConfig) config = NULL;

  for (guint i = 0; i < 6; i++)
    jk_test_log_expect_warning ("jk-config", "*bad-sources.conf:*");
  config = jk_config_load (path, &error);
  jk_test_log_assert_expected ();
  g_assert_no_error (error);

  g_assert_cmpuint (config->problems->len, ==, 6);
  g_assert_true (problems_mention (config, "bad-sources.conf:6: [source bad-values] format: \"csv\" is not one of"));
  g_assert_true (problems_mention (config, "bad-sources.conf:7: [source bad-values] refresh: \"hourly\" is not a whole"));
  g_assert_true (problems_mention (config, "bad-sources.conf:8: [source bad-values] enabled: \"yes please\" is not"));
  g_assert_true (problems_mention (config, "bad-sources.conf:9: [source bad-values] header-X-Api-Key-file: cannot read"));
  g_assert_true (problems_mention (config, "bad-sources.conf:10: [source bad-values] colour: unknown key"));
  g_assert_true (problems_mention (config, "bad-sources.conf:12: [source no-url]: has no url"));
  /* Only good values reach the feeds; every named source is known. */
  g_assert_false (g_key_file_has_key (config->merged, "source bad-values", "format", NULL));
  g_assert_true (g_key_file_has_key (config->merged, "source bad-values", "url", NULL));
  g_assert_cmpuint (config->source_names->len, ==, 3);
  g_assert_true (jk_config_is_complete (config, NULL));
}

/* A conf.d that exists but cannot be listed hides whatever it names. */
static void
test_unlistable_dropins (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jk-config-XXXXXX", NULL);
  g_autofree char *main_file = g_build_filename (dir, "main.conf", NULL);
  g_autofree char *conf_d = g_build_filename (dir, "conf.d", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (JkConfig) config = NULL;

  g_assert_true (g_file_set_contents (main_file, "[kiosk]\nname = Kiosk 4\n", -1, NULL));
  g_assert_true (g_file_set_contents (conf_d, "not a folder", -1, NULL));
  jk_test_log_expect_warning ("jk-config", "*Cannot read the folder*conf.d*");
  config = jk_config_load (main_file, &error);
  jk_test_log_assert_expected ();
  g_assert_no_error (error);
  g_assert_cmpstr (config->kiosk_name, ==, "Kiosk 4");
  g_assert_false (jk_config_is_complete (config, NULL));
  g_unlink (conf_d);
  g_unlink (main_file);
  g_rmdir (dir);
}

/* A source's display name is what a visitor reads; its NAME stays an
 * identifier. Drop-ins override it like any key; an empty one is a problem
 * that keeps the earlier value. */
static void
test_source_display_name (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jk-config-XXXXXX", NULL);
  g_autofree char *main_file = g_build_filename (dir, "main.conf", NULL);
  g_autofree char *conf_d = g_build_filename (dir, "conf.d", NULL);
  g_autofree char *dropin = g_build_filename (conf_d, "50-names.conf", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (JkConfig) config = NULL;

  g_assert_true (g_file_set_contents (main_file,
                                      "[source ohio]\n"
                                      "url = http://127.0.0.1/ohio.xml\n"
                                      "display-name =  Ohio Means Jobs \n"
                                      "[source county]\n"
                                      "url = http://127.0.0.1/county.xml\n"
                                      "display-name = County Board\n"
                                      "[source plain]\n"
                                      "url = http://127.0.0.1/plain.xml\n",
                                      -1, NULL));
  g_assert_cmpint (g_mkdir (conf_d, 0700), ==, 0);
  g_assert_true (g_file_set_contents (dropin,
                                      "[source county]\n"
                                      "display-name = Franklin County Jobs\n"
                                      "[source plain]\n"
                                      "display-name =\n",
                                      -1, NULL));
  jk_test_log_expect_warning ("jk-config", "*50-names.conf:4: [source plain] display-name: is empty*");
  config = jk_config_load (main_file, &error);
  jk_test_log_assert_expected ();
  g_assert_no_error (error);

  g_assert_cmpuint (config->problems->len, ==, 1);
  g_assert_cmpstr (jk_config_get_source_display_name (config, "ohio"), ==, "Ohio Means Jobs");
  g_assert_cmpstr (jk_config_get_source_display_name (config, "county"), ==, "Franklin County Jobs");
  g_assert_null (jk_config_get_source_display_name (config, "plain"));
  g_assert_null (jk_config_get_source_display_name (config, "unknown"));
  g_assert_null (jk_config_get_source_display_name (config, NULL));
  g_assert_true (jk_config_is_complete (config, NULL));

  g_unlink (dropin);
  g_rmdir (conf_d);
  g_unlink (main_file);
  g_rmdir (dir);
}

static const JkConfigValue *
find_value (GPtrArray  *values,
            const char *group,
            const char *key)
{
  for (guint i = 0; i < values->len; i++)
    {
      const JkConfigValue *value = values->pdata[i];
      if (g_str_equal (value->group, group) && g_str_equal (value->key, key))
        return value;
    }
  return NULL;
}

static char *
write_file (const char *dir,
            const char *name,
            const char *text,
            gssize      length)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, length, NULL));
  return path;
}

static void
remove_tree (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* config check: a later conf.d file overrides an earlier one and the main
 * file, and the value names the file and line that set it. */
static void
test_value_origins (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jk-config-XXXXXX", NULL);
  g_autofree char *conf_d = g_build_filename (dir, "conf.d", NULL);
  g_autofree char *main_file = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkConfig) config = NULL;
  g_autoptr (GPtrArray) values = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  const JkConfigValue *value;

  main_file = write_file (dir, "main.conf",
                          "[kiosk]\n"
                          "name = Kiosk 1\n"
                          "idle-timeout = 60\n"
                          "[print]\n"
                          "paper = a4\n", -1);
  g_assert_cmpint (g_mkdir (conf_d, 0700), ==, 0);
  first = write_file (conf_d, "10-first.conf", "[kiosk]\nidle-timeout = 100\n[print]\npaper = letter\n", -1);
  second = write_file (conf_d, "20-second.conf",
                       "# the later one wins\n"
                       "[kiosk]\n"
                       "\n"
                       "idle-timeout = 120\n"
                       "[source bank]\n"
                       "url = https://jobs.example.org/feed.xml?api_key=s3cret\n"
                       "header-Authorization = Bearer hunter2\n", -1);
  config = jk_config_load (main_file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (config->idle_timeout, ==, 120);
  values = jk_config_check_values (config);
  problems = jk_config_check_problems (config);
  g_assert_cmpuint (problems->len, ==, 0);

  value = find_value (values, "kiosk", "idle-timeout");
  g_assert_cmpstr (value->value, ==, "120");
  g_assert_cmpstr (value->file, ==, second);
  g_assert_cmpuint (value->line, ==, 4);
  value = find_value (values, "print", "paper");
  g_assert_cmpstr (value->value, ==, "letter");
  g_assert_cmpstr (value->file, ==, first);
  g_assert_cmpuint (value->line, ==, 4);
  value = find_value (values, "kiosk", "name");
  g_assert_cmpstr (value->value, ==, "Kiosk 1");
  g_assert_cmpstr (value->file, ==, main_file);
  g_assert_cmpuint (value->line, ==, 2);
  /* Keys no file sets show their default; every group is there. */
  value = find_value (values, "kiosk", "language");
  g_assert_cmpstr (value->value, ==, "en");
  g_assert_null (value->file);
  g_assert_nonnull (find_value (values, "metrics", "textfile"));
  g_assert_cmpstr (find_value (values, "keypad", "next")->value, ==, "Down");
  g_assert_cmpstr (find_value (values, "source bank", "refresh")->value, ==, "60");
  /* Secrets are never shown: a header's value, a url's query. */
  g_assert_cmpstr (find_value (values, "source bank", "header-Authorization")->value, ==, "(set)");
  g_assert_cmpstr (find_value (values, "source bank", "url")->value, ==, "https://jobs.example.org/feed.xml?(set)");
  for (guint i = 0; i < values->len; i++)
    {
      const JkConfigValue *each = values->pdata[i];
      g_assert_null (each->value != NULL ? strstr (each->value, "s3cret") : NULL);
      g_assert_null (each->value != NULL ? strstr (each->value, "hunter2") : NULL);
    }
  remove_tree (dir);
}

/* [partner NAME]: a referral agreement. Its problems name the file and
 * line in plain words; config check shows the endpoint as scheme and host
 * only and the token file as its path. */
static void
test_partners (void)
{
  g_autofree char *dir = g_dir_make_tmp ("jk-config-XXXXXX", NULL);
  g_autofree char *main_file = NULL;
  g_autofree char *token = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkConfig) config = NULL;
  g_autoptr (GPtrArray) values = NULL;

  main_file = write_file (dir, "main.conf",
                          "[partner childcare]\n"
                          "display-name = Franklin County Child Care Council\n"
                          "organization = Child Care Council of Franklin County\n"
                          "endpoint = https://referrals.example.org/api/referrals?key=s3cret\n"
                          "token-file = childcare.token\n"
                          "[partner no-endpoint]\n"
                          "organization = Mid-Ohio Food Collective\n"
                          "[partner no-organization]\n"
                          "endpoint = https://food.example.org/in\n"
                          "[partner ftp]\n"
                          "organization = Legal Aid\n"
                          "endpoint = ftp://legal.example.org/drop\n"
                          "[partner typo]\n"
                          "organisation = Typo House\n", -1);
  jk_test_log_expect_warning ("jk-config", "*main.conf:12: [partner ftp] endpoint: \"ftp://legal.example.org/drop\" "
                              "is not an http:// or https:// address*");
  jk_test_log_expect_warning ("jk-config", "*main.conf:14: [partner typo] organisation: unknown key*");
  jk_test_log_expect_warning ("jk-config", "*main.conf:6: [partner no-endpoint]: has no usable endpoint*");
  jk_test_log_expect_warning ("jk-config", "*main.conf:8: [partner no-organization]: has no organization*");
  jk_test_log_expect_warning ("jk-config", "*main.conf:10: [partner ftp]: has no usable endpoint*");
  jk_test_log_expect_warning ("jk-config", "*main.conf:13: [partner typo]: has no organization*");
  config = jk_config_load (main_file, &error);
  jk_test_log_assert_expected ();
  g_assert_no_error (error);

  g_assert_cmpuint (config->partner_names->len, ==, 5);
  g_assert_cmpstr (config->partner_names->pdata[0], ==, "childcare");
  g_assert_cmpuint (config->problems->len, ==, 6);
  g_assert_false (g_key_file_has_key (config->merged, "partner ftp", "endpoint", NULL));
  g_assert_cmpstr (g_key_file_get_value (config->merged, "partner childcare", "organization", NULL), ==,
                   "Child Care Council of Franklin County");
  /* A partner's display name is not a feed source's. */
  g_assert_null (jk_config_get_source_display_name (config, "childcare"));

  values = jk_config_check_values (config);
  g_assert_cmpstr (find_value (values, "partner childcare", "endpoint")->value, ==,
                   "https://referrals.example.org/(set)");
  g_assert_cmpuint (find_value (values, "partner childcare", "endpoint")->line, ==, 4);
  token = g_build_filename (dir, "childcare.token", NULL);
  g_assert_cmpstr (find_value (values, "partner childcare", "token-file")->value, ==, token);
  g_assert_cmpstr (find_value (values, "partner childcare", "display-name")->value, ==,
                   "Franklin County Child Care Council");
  g_assert_null (find_value (values, "partner no-endpoint", "endpoint")->value);
  for (guint i = 0; i < values->len; i++)
    {
      const JkConfigValue *each = values->pdata[i];
      g_assert_null (each->value != NULL ? strstr (each->value, "s3cret") : NULL);
    }
  remove_tree (dir);
}

/* A drop-in that is binary, or has broken lines, is reported in plain
 * words with its file (and line), and costs no other value. */
static void
test_corrupt_dropin (void)
{
  static const char binary[] = "\x7f" "ELF\x02\x01\x01\0\0\0[kiosk]\nname = no\n";
  g_autofree char *dir = g_dir_make_tmp ("jk-config-XXXXXX", NULL);
  g_autofree char *conf_d = g_build_filename (dir, "conf.d", NULL);
  g_autofree char *main_file = NULL;
  g_autofree char *good = NULL;
  g_autofree char *bin = NULL;
  g_autofree char *broken = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkConfig) config = NULL;
  g_autoptr (GPtrArray) values = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  const JkConfigProblem *problem;
  const JkConfigValue *value;

  main_file = write_file (dir, "main.conf", "[kiosk]\nname = Kiosk 5\ncenter-name = East\n", -1);
  g_assert_cmpint (g_mkdir (conf_d, 0700), ==, 0);
  good = write_file (conf_d, "10-good.conf", "[kiosk]\nidle-timeout = 200\n", -1);
  bin = write_file (conf_d, "20-binary.conf", binary, sizeof binary - 1);
  broken = write_file (conf_d, "30-broken.conf",
                       "[kiosk]\n"
                       "this line is broken\n"
                       "area = 43215\n"
                       "[display\n"
                       "fullscreen = false\n", -1);
  jk_test_log_expect_warning ("jk-config", "*20-binary.conf is not a text file*");
  jk_test_log_expect_warning ("jk-config", "*30-broken.conf:2: this is not a “key = value” line*");
  jk_test_log_expect_warning ("jk-config", "*30-broken.conf:4: this is not a [section] line*");
  config = jk_config_load (main_file, &error);
  jk_test_log_assert_expected ();
  g_assert_no_error (error);

  values = jk_config_check_values (config);
  problems = jk_config_check_problems (config);
  g_assert_cmpuint (problems->len, ==, 3);
  /* Problems in the order found: the binary file names itself. */
  problem = problems->pdata[0];
  g_assert_null (problem->file);
  g_assert_nonnull (strstr (problem->message, bin));
  g_assert_nonnull (strstr (problem->message, "is not a text file"));
  problem = problems->pdata[1];
  g_assert_cmpstr (problem->file, ==, broken);
  g_assert_cmpuint (problem->line, ==, 2);
  problem = problems->pdata[2];
  g_assert_cmpstr (problem->file, ==, broken);
  g_assert_cmpuint (problem->line, ==, 4);

  value = find_value (values, "kiosk", "name");
  g_assert_cmpstr (value->value, ==, "Kiosk 5");
  g_assert_cmpstr (value->file, ==, main_file);
  value = find_value (values, "kiosk", "idle-timeout");
  g_assert_cmpstr (value->value, ==, "200");
  g_assert_cmpstr (value->file, ==, good);
  value = find_value (values, "kiosk", "area");
  g_assert_cmpstr (value->value, ==, "43215");
  g_assert_cmpstr (value->file, ==, broken);
  g_assert_cmpuint (value->line, ==, 3);
  value = find_value (values, "display", "fullscreen");
  g_assert_cmpstr (value->value, ==, "true");
  g_assert_null (value->file);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();

  g_test_add_func ("/config/defaults", test_defaults);
  g_test_add_func ("/config/good", test_good);
  g_test_add_func ("/config/bad-values", test_bad_values);
  g_test_add_func ("/config/drop-ins", test_dropins);
  g_test_add_func ("/config/missing-explicit", test_missing_explicit);
  g_test_add_func ("/config/garbage-explicit", test_garbage_explicit);
  g_test_add_func ("/config/demo-when-unconfigured", test_demo_when_unconfigured);
  g_test_add_func ("/config/garbage-system-file", test_garbage_system_file_falls_back);
  g_test_add_func ("/config/bad-lines-keep-the-rest", test_bad_lines_keep_the_rest);
  g_test_add_func ("/config/source-problems", test_source_problems);
  g_test_add_func ("/config/unlistable-drop-ins", test_unlistable_dropins);
  g_test_add_func ("/config/source-display-name", test_source_display_name);
  g_test_add_func ("/config/value-origins", test_value_origins);
  g_test_add_func ("/config/corrupt-drop-in", test_corrupt_dropin);
  g_test_add_func ("/config/partners", test_partners);
  return g_test_run ();
}
