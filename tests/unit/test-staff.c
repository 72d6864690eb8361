/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-staff.c: staff accounts, the wrong-PIN lock, the audit log, the settings staff change */

#include <glib/gstdio.h>
#include <jobkiosk/jk-config.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-staff.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "staff/jk-staff-private.h"
#include "store/jk-store-private.h"
#include "jk-test.h"
#include "jk-test-db.h"
#include "jk-test-log.h"
#include "jk-test-proc.h"

#define T0 G_GINT64_CONSTANT (1767225600) /* 2026-01-01T00:00:00Z */
/* Cheap Argon2id; the product's cost is what /staff/cost measures. */
#define TEST_OPSLIMIT 1
#define TEST_MEMLIMIT (64 * 1024)

typedef struct {
  char *dir;
  char *db;
  JkConfig *config;
  JkStore *store;  /* the kiosk's main connection: migrated; the tests' SQL */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("jk-test-staff-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "jobkiosk.db", NULL);
  fixture->store = jk_store_open (fixture->db, &error);
  g_assert_no_error (error);
  fixture->config = jk_config_new_defaults ();
  jk_staff_set_cost (TEST_OPSLIMIT, TEST_MEMLIMIT);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  jk_config_free (fixture->config);
  jk_store_free (fixture->store);
  g_chmod (fixture->dir, 0700);
  jk_test_remove_tree (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->dir);
}

static void
add (Fixture    *fixture,
     const char *name,
     const char *pin)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (jk_staff_add (fixture->db, name, pin, T0, &error));
  g_assert_no_error (error);
}

/* Verifies, expecting code (-1: the PIN opens name). */
static void
verify (Fixture    *fixture,
        const char *pin,
        gint64      now,
        int         code,
        const char *name)
{
  g_autoptr (GError) error = NULL;
  gint64 until = -1;
  g_autofree char *who = jk_staff_verify (fixture->config, fixture->db, pin, now, &until, &error);

  if (code < 0)
    {
      g_assert_no_error (error);
      g_assert_cmpstr (who, ==, name);
      g_assert_cmpint (until, ==, 0);
    }
  else
    {
      g_assert_error (error, JK_STAFF_ERROR, code);
      g_assert_null (who);
      g_assert_cmpstr (error->message, !=, "");
      if (code == JK_STAFF_ERROR_LOCKED)
        g_assert_cmpint (until, >, now);
      else
        g_assert_cmpint (until, ==, 0);
    }
}

static gint64
failures (Fixture *fixture)
{
  return jk_test_query_int (fixture->store, "SELECT coalesce ((SELECT failures FROM staff_lock), 0)");
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

/* ---------------------------------------------------------------------- */
/* Accounts                                                               */

static void
test_add_list_remove (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) members = NULL;

  add (fixture, "Rosa", "1234");
  g_assert_true (jk_staff_add (fixture->db, "  Ana María  ", "98765", T0 + 60, &error));
  g_assert_no_error (error);

  members = jk_staff_list (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 2);
  g_assert_cmpstr (((JkStaffMember *) members->pdata[0])->name, ==, "Ana María");
  g_assert_cmpint (((JkStaffMember *) members->pdata[0])->added, ==, T0 + 60);
  g_assert_cmpstr (((JkStaffMember *) members->pdata[1])->name, ==, "Rosa");
  g_assert_cmpint (((JkStaffMember *) members->pdata[1])->added, ==, T0);
  g_clear_pointer (&members, g_ptr_array_unref);

  /* Names are found without regard to case, as they are kept unique. */
  g_assert_true (jk_staff_remove (fixture->db, "rosa", &error));
  g_assert_no_error (error);
  g_assert_false (jk_staff_remove (fixture->db, "Rosa", &error));
  g_assert_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Rosa"));
  g_clear_error (&error);

  members = jk_staff_list (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpstr (((JkStaffMember *) members->pdata[0])->name, ==, "Ana María");
  /* The removed PIN opens nothing now. */
  verify (fixture, "1234", T0, JK_STAFF_ERROR_WRONG_PIN, NULL);
}

static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  add (fixture, "Rosa", "1234");
  /* The same name, in any case. */
  g_assert_false (jk_staff_add (fixture->db, "ROSA", "5678", T0, &error));
  g_assert_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "Rosa"));
  g_clear_error (&error);
  /* Another name with a PIN already in use: the PIN alone says who it is. */
  g_assert_false (jk_staff_add (fixture->db, "Luis", "1234", T0, &error));
  g_assert_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "PIN"));
  g_clear_error (&error);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM staff"), ==, 1);
  /* A PIN that only begins the same is another PIN. */
  add (fixture, "Luis", "12345");
  verify (fixture, "12345", T0, -1, "Luis");
  verify (fixture, "1234", T0, -1, "Rosa");
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  const char *bad_pins[] = { "", "123", "1234567890123", "12a4", "12 34", "１２３４", "-1234", NULL };
  g_autofree char *long_pin = g_strnfill (200, '7');
  const char *bad_names[] = { "", "   ", "Ro\nsa", "Ro\tsa", NULL };
  g_autofree char *long_name = g_strnfill (65, 'a');
  guint derivations;

  add (fixture, "Rosa", "1234");
  derivations = jk_staff_get_derivations ();
  for (guint i = 0; bad_pins[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (jk_staff_add (fixture->db, "Luis", bad_pins[i], T0, &error));
      g_assert_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_BAD_INPUT);
      verify (fixture, bad_pins[i], T0, JK_STAFF_ERROR_BAD_INPUT, NULL);
    }
  verify (fixture, long_pin, T0, JK_STAFF_ERROR_BAD_INPUT, NULL);
  verify (fixture, NULL, T0, JK_STAFF_ERROR_BAD_INPUT, NULL);
  /* None of these counted as a try, or ran Argon2id. */
  g_assert_cmpint (failures (fixture), ==, 0);
  g_assert_cmpuint (jk_staff_get_derivations (), ==, derivations);

  for (guint i = 0; bad_names[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (jk_staff_add (fixture->db, bad_names[i], "5678", T0, &error));
      g_assert_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_BAD_INPUT);
    }
  {
    g_autoptr (GError) error = NULL;

    g_assert_false (jk_staff_add (fixture->db, long_name, "5678", T0, &error));
    g_assert_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_BAD_INPUT);
  }
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM staff"), ==, 1);
  /* The longest and shortest PINs are PINs. */
  add (fixture, "Luis", "000000000000");
  verify (fixture, "000000000000", T0, -1, "Luis");
}

/* ---------------------------------------------------------------------- */
/* Verify and the lock                                                    */

static void
test_verify (Fixture       *fixture,
             gconstpointer  data)
{
  add (fixture, "Rosa", "1234");
  add (fixture, "Luis", "987654");

  verify (fixture, "987654", T0, -1, "Luis");
  verify (fixture, "1234", T0, -1, "Rosa");
  verify (fixture, "4321", T0, JK_STAFF_ERROR_WRONG_PIN, NULL);
  g_assert_cmpint (failures (fixture), ==, 1);
  verify (fixture, "12345", T0, JK_STAFF_ERROR_WRONG_PIN, NULL);
  g_assert_cmpint (failures (fixture), ==, 2);
  /* A right PIN forgets the wrong ones before it. */
  verify (fixture, "1234", T0, -1, "Rosa");
  g_assert_cmpint (failures (fixture), ==, 0);
}

static void
test_no_accounts (Fixture       *fixture,
                  gconstpointer  data)
{
  verify (fixture, "1234", T0, JK_STAFF_ERROR_WRONG_PIN, NULL);
}

static void
test_lockout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  guint derivations;
  gint64 lock_end = T0 + 4 + 15 * 60;

  add (fixture, "Rosa", "1234");
  g_assert_cmpuint (fixture->config->staff_max_tries, ==, 5);
  g_assert_cmpuint (fixture->config->staff_lock_minutes, ==, 15);

  /* Four wrong: still open. */
  for (int i = 0; i < 4; i++)
    verify (fixture, "0000", T0 + i, JK_STAFF_ERROR_WRONG_PIN, NULL);
  g_assert_cmpint (jk_staff_locked_until (fixture->db, T0 + 4, &error), ==, 0);
  g_assert_no_error (error);

  /* The fifth wrong in a row locks, for lock-minutes from then. */
  {
    g_autoptr (GError) locked = NULL;
    gint64 until = 0;
    g_autofree char *who = jk_staff_verify (fixture->config, fixture->db, "0000", T0 + 4, &until, &locked);

    g_assert_null (who);
    g_assert_error (locked, JK_STAFF_ERROR, JK_STAFF_ERROR_LOCKED);
    g_assert_cmpint (until, ==, lock_end);
    /* It says for how long, in words. */
    g_assert_nonnull (strstr (locked->message, "15 more minutes"));
  }
  g_assert_cmpint (jk_staff_locked_until (fixture->db, T0 + 5, &error), ==, lock_end);
  g_assert_no_error (error);

  /* Locked: even the right PIN is refused, without running Argon2id. */
  derivations = jk_staff_get_derivations ();
  verify (fixture, "1234", T0 + 60, JK_STAFF_ERROR_LOCKED, NULL);
  verify (fixture, "1234", lock_end - 1, JK_STAFF_ERROR_LOCKED, NULL);
  g_assert_cmpuint (jk_staff_get_derivations (), ==, derivations);
  {
    g_autoptr (GError) locked = NULL;
    gint64 until = 0;

    g_assert_null (jk_staff_verify (fixture->config, fixture->db, "1234", lock_end - 30, &until, &locked));
    g_assert_error (locked, JK_STAFF_ERROR, JK_STAFF_ERROR_LOCKED);
    g_assert_nonnull (strstr (locked->message, "1 more minute,"));
  }
  /* And in Spanish. */
  jk_i18n_set_language ("es");
  {
    g_autoptr (GError) locked = NULL;

    g_assert_null (jk_staff_verify (fixture->config, fixture->db, "1234", T0 + 60, NULL, &locked));
    g_assert_error (locked, JK_STAFF_ERROR, JK_STAFF_ERROR_LOCKED);
    g_assert_nonnull (strstr (locked->message, "bloqueado 15 minutos más, hasta las"));
  }
  jk_i18n_set_language ("en");

  /* After lock-minutes it opens again, and the count starts afresh. */
  g_assert_cmpint (jk_staff_locked_until (fixture->db, lock_end, &error), ==, 0);
  verify (fixture, "0000", lock_end, JK_STAFF_ERROR_WRONG_PIN, NULL);
  g_assert_cmpint (failures (fixture), ==, 1);
  verify (fixture, "1234", lock_end + 1, -1, "Rosa");
  g_assert_cmpint (failures (fixture), ==, 0);
}

/* A right PIN between wrong ones: "in a row" starts again. */
static void
test_lockout_in_a_row (Fixture       *fixture,
                       gconstpointer  data)
{
  add (fixture, "Rosa", "1234");
  fixture->config->staff_max_tries = 3;
  fixture->config->staff_lock_minutes = 2;
  verify (fixture, "0000", T0, JK_STAFF_ERROR_WRONG_PIN, NULL);
  verify (fixture, "0000", T0, JK_STAFF_ERROR_WRONG_PIN, NULL);
  verify (fixture, "1234", T0, -1, "Rosa");
  verify (fixture, "0000", T0, JK_STAFF_ERROR_WRONG_PIN, NULL);
  verify (fixture, "0000", T0, JK_STAFF_ERROR_WRONG_PIN, NULL);
  verify (fixture, "0000", T0, JK_STAFF_ERROR_LOCKED, NULL);
  g_assert_cmpint (jk_staff_locked_until (fixture->db, T0, NULL), ==, T0 + 120);
}

/* The PIN is in no file the kiosk writes: neither the database nor its
 * write-ahead log. */
static void
test_no_plaintext (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);
  const char *pin = "739146285017";
  const char *control = "604182739551";

  add (fixture, "Rosa", pin);
  verify (fixture, pin, T0, -1, "Rosa");
  verify (fixture, "111111", T0, JK_STAFF_ERROR_WRONG_PIN, NULL);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (file_contains (fixture->db, pin));
  g_assert_false (file_contains (wal, pin));
  g_assert_false (file_contains (fixture->db, "111111"));
  g_assert_false (file_contains (wal, "111111"));
  g_assert_true (file_contains (fixture->db, "$argon2id$") || file_contains (wal, "$argon2id$"));

  /* The search itself finds digits written in clear. */
  {
    g_autoptr (GError) error = NULL;

    g_assert_true (jk_audit_add (fixture->db, "test", "control", control, T0, &error));
    g_assert_no_error (error);
    g_assert_true (file_contains (fixture->db, control) || file_contains (wal, control));
  }
}

/* An edited row that asks Argon2id for gigabytes is skipped, not run. */
static void
test_absurd_hash (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  jk_test_log_expect_warning ("jk-staff", "*not one the kiosk makes*");
  g_assert_true (jk_store_exec (fixture->store,
                                "INSERT INTO staff (name, pin_hash, added) VALUES ('Eve',"
                                " '$argon2id$v=19$m=67108864,t=100,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA',"
                                " 0)", &error));
  g_assert_no_error (error);
  verify (fixture, "1234", T0, JK_STAFF_ERROR_WRONG_PIN, NULL);
  jk_test_log_assert_expected ();
}

/* ---------------------------------------------------------------------- */
/* The audit log                                                          */

static void
test_audit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) later = NULL;
  g_autoptr (GPtrArray) none = NULL;
  g_autofree char *long_detail = g_strnfill (5000, 'x');
  const JkAuditEntry *e;

  g_assert_true (jk_audit_add (fixture->db, "jobkioskctl", "staff-add", "Rosa", T0 + 86400, &error));
  g_assert_true (jk_audit_add (fixture->db, "Rosa", "staff-enter", NULL, T0, &error));
  g_assert_true (jk_audit_add (fixture->db, "Rosa", "settings", long_detail, T0 + 2 * 86400 + 3661, &error));
  g_assert_no_error (error);
  g_assert_false (jk_audit_add (fixture->db, "", "x", NULL, T0, &error));
  g_assert_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_BAD_INPUT);
  g_clear_error (&error);
  g_assert_false (jk_audit_add (fixture->db, "Rosa", NULL, NULL, T0, &error));
  g_assert_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_BAD_INPUT);
  g_clear_error (&error);

  /* Oldest first, whatever order they were written in. */
  all = jk_audit_list (fixture->db, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  e = all->pdata[0];
  g_assert_cmpstr (e->at, ==, "2026-01-01T00:00:00Z");
  g_assert_cmpstr (e->actor, ==, "Rosa");
  g_assert_cmpstr (e->action, ==, "staff-enter");
  g_assert_null (e->detail);
  e = all->pdata[1];
  g_assert_cmpstr (e->at, ==, "2026-01-02T00:00:00Z");
  g_assert_cmpstr (e->actor, ==, "jobkioskctl");
  g_assert_cmpstr (e->action, ==, "staff-add");
  g_assert_cmpstr (e->detail, ==, "Rosa");
  e = all->pdata[2];
  g_assert_cmpstr (e->at, ==, "2026-01-03T01:01:01Z");
  g_assert_cmpuint (strlen (e->detail), <, 5000);
  g_assert_cmpuint (strlen (e->detail), >, 0);

  /* since: at or after. */
  later = jk_audit_list (fixture->db, T0 + 86400, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->len, ==, 2);
  g_assert_cmpstr (((JkAuditEntry *) later->pdata[0])->action, ==, "staff-add");
  none = jk_audit_list (fixture->db, T0 + 3 * 86400, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

/* ---------------------------------------------------------------------- */
/* Settings staff change                                                  */

/* A configured kiosk's main file in the fixture's folder, loaded. */
static JkConfig *
load_config (Fixture *fixture)
{
  g_autofree char *main_file = g_build_filename (fixture->dir, "jobkiosk.conf", NULL);
  g_autoptr (GError) error = NULL;
  JkConfig *config;

  if (!g_file_test (main_file, G_FILE_TEST_EXISTS))
    g_assert_true (g_file_set_contents (main_file,
                                        "[kiosk]\nidle-timeout = 60\ncenter-name = Main Street Center\n"
                                        "[print]\nvisit-page-limit = 10\n", -1, NULL));
  config = jk_config_load (main_file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (config->problems->len, ==, 0);
  return config;
}

static char *
dropin_path (Fixture *fixture)
{
  return g_build_filename (fixture->dir, "conf.d", "50-staff.conf", NULL);
}

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
write_settings (Fixture    *fixture,
                GHashTable *values)
{
  g_autoptr (JkConfig) config = load_config (fixture);
  g_autoptr (GError) error = NULL;

  g_assert_true (jk_staff_settings_write (config, values, &error));
  g_assert_no_error (error);
  g_hash_table_unref (values);
}

static void
test_settings_allowed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_assert_true (jk_staff_settings_key_allowed ("kiosk", "idle-timeout"));
  g_assert_true (jk_staff_settings_key_allowed ("kiosk", "language"));
  g_assert_true (jk_staff_settings_key_allowed ("kiosk", "center-name"));
  g_assert_true (jk_staff_settings_key_allowed ("kiosk", "area"));
  g_assert_true (jk_staff_settings_key_allowed ("print", "printer"));
  g_assert_true (jk_staff_settings_key_allowed ("print", "visit-page-limit"));
  g_assert_true (jk_staff_settings_key_allowed ("print", "day-page-limit"));
  g_assert_false (jk_staff_settings_key_allowed ("kiosk", "database"));
  g_assert_false (jk_staff_settings_key_allowed ("kiosk", "secret-file"));
  g_assert_false (jk_staff_settings_key_allowed ("print", "hold"));
  g_assert_false (jk_staff_settings_key_allowed ("staff", "max-tries"));
  g_assert_false (jk_staff_settings_key_allowed (NULL, "area"));
}

/* Written beside the main file, said to be staff mode's, and read after it. */
static void
test_settings_write (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = dropin_path (fixture);
  g_autofree char *contents = NULL;
  g_autoptr (JkConfig) before = load_config (fixture);

  g_assert_cmpuint (before->idle_timeout, ==, 60);
  write_settings (fixture, new_values ("kiosk/idle-timeout", "120", "print/printer", "Front Desk",
                                       "kiosk/center-name", "Centro de Empleo", NULL));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "# Written by the kiosk's staff mode"));

  {
    g_autoptr (JkConfig) after = load_config (fixture);

    /* The drop-in wins over the main file; what it does not name stays. */
    g_assert_cmpuint (after->idle_timeout, ==, 120);
    g_assert_cmpstr (after->print_printer, ==, "Front Desk");
    g_assert_cmpstr (after->center_name, ==, "Centro de Empleo");
    g_assert_cmpuint (after->print_visit_limit, ==, 10);
    g_assert_cmpuint (after->files->len, ==, 2);
    g_assert_cmpstr (after->files->pdata[1], ==, path);
  }

  /* A later write keeps what it does not replace, a key put there by
   * hand too; no value takes a key out, so the main file's applies. */
  {
    g_autoptr (GString) edited = g_string_new (NULL);
    g_autofree char *again = NULL;

    g_clear_pointer (&contents, g_free);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_string_append_printf (edited, "%s\n[print]\nday-page-limit = 300\n", contents);
    g_assert_true (g_file_set_contents (path, edited->str, -1, NULL));
    write_settings (fixture, new_values ("kiosk/language", "es", "kiosk/center-name", NULL, NULL));
    {
      g_autoptr (JkConfig) after = load_config (fixture);

      g_assert_cmpstr (after->language, ==, "es");
      g_assert_cmpuint (after->idle_timeout, ==, 120);
      g_assert_cmpstr (after->print_printer, ==, "Front Desk");
      g_assert_cmpuint (after->print_day_limit, ==, 300);
      g_assert_cmpstr (after->center_name, ==, "Main Street Center");
    }
    g_assert_true (g_file_get_contents (path, &again, NULL, NULL));
    /* One header, not one per write. */
    g_assert_null (strstr (strstr (again, "staff mode") + 1, "Written by the kiosk's staff mode"));
  }
}

static void
assert_refused (Fixture    *fixture,
                GHashTable *values,
                int         code,
                const char *needle)
{
  g_autoptr (JkConfig) config = load_config (fixture);
  g_autoptr (GError) error = NULL;

  g_assert_false (jk_staff_settings_write (config, values, &error));
  g_assert_error (error, JK_STAFF_ERROR, code);
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
  /* It names no temporary file. */
  g_assert_null (strstr (error->message, "jk-staff-settings-"));
  g_hash_table_unref (values);
}

/* A value the configuration would refuse is refused here, with its reason,
 * and the file stays as it was. */
static void
test_settings_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = dropin_path (fixture);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  write_settings (fixture, new_values ("kiosk/idle-timeout", "120", NULL));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  jk_test_log_expect_warning ("jk-config", "*idle-timeout*");
  assert_refused (fixture, new_values ("kiosk/idle-timeout", "5", "print/printer", "Back", NULL),
                  JK_STAFF_ERROR_BAD_INPUT, "idle-timeout: \"5\" is not a whole number from 15 to 3600");
  jk_test_log_expect_warning ("jk-config", "*language*");
  assert_refused (fixture, new_values ("kiosk/language", "fr", NULL), JK_STAFF_ERROR_BAD_INPUT, "\"fr\"");
  jk_test_log_expect_warning ("jk-config", "*day-page-limit*");
  assert_refused (fixture, new_values ("print/day-page-limit", "lots", NULL), JK_STAFF_ERROR_BAD_INPUT,
                  "day-page-limit");
  jk_test_log_expect_warning ("jk-config", "*center-name*");
  assert_refused (fixture, new_values ("kiosk/center-name", "", NULL), JK_STAFF_ERROR_BAD_INPUT, "center-name");
  jk_test_log_assert_expected ();
  /* Keys staff may not change, whatever the value. */
  assert_refused (fixture, new_values ("kiosk/database", "/tmp/other.db", NULL), JK_STAFF_ERROR_BAD_INPUT,
                  "kiosk/database");
  assert_refused (fixture, new_values ("idle-timeout", "60", NULL), JK_STAFF_ERROR_BAD_INPUT, NULL);
  assert_refused (fixture, new_values ("kiosk/center-name", "Two\nlines", NULL), JK_STAFF_ERROR_BAD_INPUT, NULL);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
}

/* A folder that cannot be written is a plain error, and the old file stays. */
static void
test_settings_unwritable (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = dropin_path (fixture);
  g_autofree char *conf_d = g_path_get_dirname (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  write_settings (fixture, new_values ("kiosk/idle-timeout", "120", NULL));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  if (geteuid () == 0)
    {
      /* root writes anywhere: a write that fails part-way stands in (no
       * more than 100 bytes a file: the check's file fits, the new
       * drop-in does not), and so does a conf.d that is a file below. */
      struct rlimit saved, tiny;

      g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
      tiny = saved;
      tiny.rlim_cur = 100;
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &tiny), ==, 0);
      assert_refused (fixture, new_values ("kiosk/idle-timeout", "300", NULL), JK_STAFF_ERROR_FAILED, conf_d);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
      signal (SIGXFSZ, SIG_DFL);
    }
  else
    {
      g_assert_cmpint (g_chmod (conf_d, 0500), ==, 0);
      assert_refused (fixture, new_values ("kiosk/idle-timeout", "300", NULL), JK_STAFF_ERROR_FAILED, conf_d);
      g_chmod (conf_d, 0700);
    }
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  {
    g_autoptr (GDir) dir = g_dir_open (conf_d, 0, NULL);
    const char *name;
    guint n = 0;

    /* No temporary file left behind. */
    while ((name = g_dir_read_name (dir)) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }

  /* conf.d a plain file: nothing can be written there. */
  {
    g_autoptr (JkConfig) config = load_config (fixture);
    g_autoptr (GHashTable) values = new_values ("kiosk/idle-timeout", "300", NULL);
    g_autoptr (GError) error = NULL;

    jk_test_remove_tree (conf_d);
    g_assert_true (g_file_set_contents (conf_d, "not a folder", -1, NULL));
    g_assert_false (jk_staff_settings_write (config, values, &error));
    g_assert_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_FAILED);
    g_assert_nonnull (strstr (error->message, conf_d));
  }
}

/* ---------------------------------------------------------------------- */
/* The cost                                                               */

/* The product's cost, once: says how long a check takes, and that a hash
 * made at it says so (each hash keeps its cost). A wrong PIN is the
 * slowest check: it runs Argon2id once for every account. */
static void
test_cost (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *expected = g_strdup_printf ("$argon2id$v=19$m=%d,t=%d,p=1$", JK_STAFF_MEMLIMIT / 1024,
                                               JK_STAFF_OPSLIMIT);
  gint64 start;

  jk_staff_set_cost (JK_STAFF_OPSLIMIT, JK_STAFF_MEMLIMIT);
  add (fixture, "Rosa", "1234");
  hash = jk_test_query_text (fixture->store, "SELECT pin_hash FROM staff");
  g_assert_true (g_str_has_prefix (hash, expected));
  start = g_get_monotonic_time ();
  verify (fixture, "1234", T0, -1, "Rosa");
  g_test_message ("one verify at the product's cost, one account: %.3f s",
                  (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);

  /* Nine more accounts (the same hash under other names: only the time matters). */
  g_assert_true (jk_store_exec (fixture->store,
                                "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 9)"
                                " INSERT INTO staff (name, pin_hash, added) SELECT 'staff ' || i, pin_hash, 0"
                                " FROM n, staff WHERE staff.name = 'Rosa'", &error));
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  verify (fixture, "4321", T0, JK_STAFF_ERROR_WRONG_PIN, NULL);
  g_test_message ("a wrong PIN at the product's cost, ten accounts: %.3f s",
                  (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();
  jk_i18n_init ();

  JK_TEST_ADD ("/staff/add-list-remove", Fixture, test_add_list_remove);
  JK_TEST_ADD ("/staff/duplicates", Fixture, test_duplicates);
  JK_TEST_ADD ("/staff/bad-input", Fixture, test_bad_input);
  JK_TEST_ADD ("/staff/verify", Fixture, test_verify);
  JK_TEST_ADD ("/staff/no-accounts", Fixture, test_no_accounts);
  JK_TEST_ADD ("/staff/lockout", Fixture, test_lockout);
  JK_TEST_ADD ("/staff/lockout-in-a-row", Fixture, test_lockout_in_a_row);
  JK_TEST_ADD ("/staff/no-plaintext", Fixture, test_no_plaintext);
  JK_TEST_ADD ("/staff/absurd-hash", Fixture, test_absurd_hash);
  JK_TEST_ADD ("/staff/audit", Fixture, test_audit);
  JK_TEST_ADD ("/staff/settings/allowed", Fixture, test_settings_allowed);
  JK_TEST_ADD ("/staff/settings/write", Fixture, test_settings_write);
  JK_TEST_ADD ("/staff/settings/refused", Fixture, test_settings_refused);
  JK_TEST_ADD ("/staff/settings/unwritable", Fixture, test_settings_unwritable);
  JK_TEST_ADD ("/staff/cost", Fixture, test_cost);
  return g_test_run ();
}
