/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-resume-vault.c: saved resumes: code and PIN open them, wrong PINs lock, tampering and expiry refuse */

#include <glib/gstdio.h>
#include <jobkiosk/jk-config.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-resume-vault.h>
#include <jobkiosk/jk-secret.h>
#include <string.h>

#include "resume/jk-resume-vault-private.h"
#include "store/jk-store-private.h"
#include "jk-test.h"
#include "jk-test-proc.h"

#define T0 G_GINT64_CONSTANT (1767225600) /* 2026-01-01 */
#define DAY (24 * 60 * 60)
/* Cheap Argon2id: the product's cost is measured by bench-resume-vault. */
#define TEST_OPSLIMIT 1
#define TEST_MEMLIMIT (64 * 1024)

typedef struct {
  char *dir;
  char *db;
  JkConfig *config;
  JkStore *store;  /* the kiosk's main connection: migrated; the tests' SQL */
  JkResumeVault *vault;
  JkResume *resume;
} Fixture;

static JkResumeVault *
make_vault (const JkConfig *config,
            const char     *db)
{
  g_autoptr (GError) error = NULL;
  JkResumeVault *vault = jk_resume_vault_new (config, db, &error);

  g_assert_no_error (error);
  g_assert_nonnull (vault);
  jk_resume_vault_set_cost (vault, TEST_OPSLIMIT, TEST_MEMLIMIT);
  return vault;
}

static JkResume *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "resume", name, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  JkResume *resume = jk_resume_load_file (path, &problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (resume);
  return resume;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("jk-test-vault-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "jobkiosk.db", NULL);
  fixture->store = jk_store_open (fixture->db, &error);
  g_assert_no_error (error);
  fixture->config = jk_config_new_defaults ();
  fixture->vault = make_vault (fixture->config, fixture->db);
  fixture->resume = load_fixture ("complete.json");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  jk_resume_free (fixture->resume);
  jk_resume_vault_free (fixture->vault);
  jk_config_free (fixture->config);
  jk_store_free (fixture->store);
  jk_test_remove_tree (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->dir);
}

static char *
save (Fixture    *fixture,
      const char *pin,
      gint64      now)
{
  g_autoptr (GError) error = NULL;
  gint64 expires = 0;
  char *code = jk_resume_vault_save (fixture->vault, fixture->resume, pin, now, &expires, &error);

  g_assert_no_error (error);
  g_assert_nonnull (code);
  g_assert_cmpint (expires, ==, now + 90 * DAY);
  return code;
}

static gint64
count_rows (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (fixture->store, "SELECT count(*) FROM saved_resumes", &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
exec (Fixture    *fixture,
      const char *sql)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (jk_store_exec (fixture->store, sql, &error));
  g_assert_no_error (error);
}

/* The row saved at `saved`'s sealed blob, with one byte flipped. */
static void
flip_sealed_byte (Fixture *fixture,
                  gint64   saved,
                  gboolean last)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) read = jk_store_prepare (fixture->store, "SELECT sealed FROM saved_resumes WHERE saved = ?",
                                                    &error);
  g_autoptr (sqlite3_stmt) write = NULL;
  g_autofree guint8 *sealed = NULL;
  int length;

  g_assert_no_error (error);
  sqlite3_bind_int64 (read, 1, saved);
  g_assert_cmpint (sqlite3_step (read), ==, SQLITE_ROW);
  length = sqlite3_column_bytes (read, 0);
  sealed = g_memdup2 (sqlite3_column_blob (read, 0), length);
  sealed[last ? length - 1 : 0] ^= 0x01;
  write = jk_store_prepare (fixture->store, "UPDATE saved_resumes SET sealed = ? WHERE saved = ?", &error);
  g_assert_no_error (error);
  sqlite3_bind_blob (write, 1, sealed, length, SQLITE_STATIC);
  sqlite3_bind_int64 (write, 2, saved);
  g_assert_cmpint (sqlite3_step (write), ==, SQLITE_DONE);
}

static JkResume *
try_open (Fixture    *fixture,
          const char *code,
          const char *pin,
          gint64      now,
          guint      *tries_left,
          GError    **error)
{
  return jk_resume_vault_open (fixture->vault, code, pin, now, tries_left, error);
}

static void
assert_opens (Fixture    *fixture,
              const char *code,
              const char *pin,
              gint64      now)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkResume) opened = try_open (fixture, code, pin, now, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (opened);
  g_assert_true (jk_resume_equal (opened, fixture->resume));
}

/* Refused, with one of the errors a tampered row may give, never a resume. */
static void
assert_refused (Fixture    *fixture,
                const char *code,
                const char *pin,
                gint64      now,
                int         expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkResume) opened = try_open (fixture, code, pin, now, NULL, &error);

  g_assert_null (opened);
  g_assert_error (error, JK_RESUME_VAULT_ERROR, expected);
}

static gboolean
file_holds (const char *path,
            const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

/* ---------------------------------------------------------------------- */

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *code = save (fixture, "4821", T0);
  g_autofree char *typed = g_ascii_strdown (code, -1);
  g_autofree char *formatted = jk_resume_code_format (code);

  g_assert_cmpuint (strlen (code), ==, JK_RESUME_CODE_LENGTH);
  for (const char *p = code; *p != '\0'; p++)
    g_assert_nonnull (strchr (JK_RESUME_CODE_ALPHABET, *p));
  g_assert_cmpuint (strlen (formatted), ==, 9);
  g_assert_cmpint (formatted[4], ==, '-');
  assert_opens (fixture, code, "4821", T0 + 60);
  /* As a visitor types it: lower case, with the hyphen or spaces. */
  assert_opens (fixture, typed, "4821", T0 + 120);
  assert_opens (fixture, formatted, "4821", T0 + 180);
  /* Rows saved at another cost stay readable when the cost changes. */
  jk_resume_vault_set_cost (fixture->vault, 2, 128 * 1024);
  assert_opens (fixture, code, "4821", T0 + 240);
  /* Two saves: two codes. */
  {
    g_autofree char *other = save (fixture, "4821", T0);

    g_assert_cmpstr (other, !=, code);
    assert_opens (fixture, other, "4821", T0 + 60);
  }
}

static void
test_wrong_pin_locks (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *code = save (fixture, "123456", T0);
  gint64 now = T0 + 100;
  guint derivations;

  for (guint expected = 4; expected >= 1; expected--)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JkResume) opened = NULL;
      guint tries_left = 99;

      opened = try_open (fixture, code, "123457", now, &tries_left, &error);
      g_assert_null (opened);
      g_assert_error (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_WRONG_PIN);
      g_assert_cmpuint (tries_left, ==, expected);
    }
  /* The fifth wrong PIN locks the code. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (JkResume) opened = try_open (fixture, code, "000000", now, NULL, &error);

    g_assert_null (opened);
    g_assert_error (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_LOCKED);
  }
  /* The sixth is refused, right PIN or not, and Argon2id does not run. */
  derivations = jk_resume_vault_get_derivations (fixture->vault);
  assert_refused (fixture, code, "123456", now + 60, JK_RESUME_VAULT_ERROR_LOCKED);
  assert_refused (fixture, code, "999999", now + 14 * 60, JK_RESUME_VAULT_ERROR_LOCKED);
  g_assert_cmpuint (jk_resume_vault_get_derivations (fixture->vault), ==, derivations);
  /* The lock is on the code: another vault of the same kiosk sees it. */
  {
    g_autoptr (JkResumeVault) again = make_vault (fixture->config, fixture->db);
    g_autoptr (GError) error = NULL;
    g_autoptr (JkResume) opened = jk_resume_vault_open (again, code, "123456", now + 60, NULL, &error);

    g_assert_null (opened);
    g_assert_error (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_LOCKED);
  }
  /* Fifteen minutes on, the right PIN opens. */
  assert_opens (fixture, code, "123456", now + JK_RESUME_LOCK_SECONDS);

  /* A right PIN forgets the wrong ones before it. */
  now += JK_RESUME_LOCK_SECONDS + 60;
  for (guint i = 0; i < 3; i++)
    assert_refused (fixture, code, "1111", now, JK_RESUME_VAULT_ERROR_WRONG_PIN);
  assert_opens (fixture, code, "123456", now);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (JkResume) opened = NULL;
    guint tries_left = 0;

    opened = try_open (fixture, code, "1111", now, &tries_left, &error);
    g_assert_error (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_WRONG_PIN);
    g_assert_cmpuint (tries_left, ==, 4);
  }
}

static void
test_expired (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *gone = save (fixture, "2468", T0);
  g_autofree char *first = NULL, *second = NULL, *kept = NULL;

  /* The last second it is kept, then never again, and the row goes. */
  assert_opens (fixture, gone, "2468", T0 + 90 * DAY - 1);
  assert_refused (fixture, gone, "2468", T0 + 90 * DAY, JK_RESUME_VAULT_ERROR_NOT_FOUND);
  g_assert_cmpint (count_rows (fixture), ==, 0);

  first = save (fixture, "1357", T0);
  second = save (fixture, "1357", T0 + DAY);
  kept = save (fixture, "1357", T0 + 10 * DAY);
  g_assert_cmpint (jk_resume_vault_purge (fixture->vault, T0, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (jk_resume_vault_purge (fixture->vault, T0 + 91 * DAY, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture), ==, 1);
  assert_refused (fixture, first, "1357", T0 + 91 * DAY, JK_RESUME_VAULT_ERROR_NOT_FOUND);
  assert_refused (fixture, second, "1357", T0 + 91 * DAY, JK_RESUME_VAULT_ERROR_NOT_FOUND);
  assert_opens (fixture, kept, "1357", T0 + 91 * DAY);
  g_assert_cmpint (jk_resume_vault_purge (fixture->vault, T0 + 91 * DAY, &error), ==, 0);
}

static void
test_tampered (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *a = save (fixture, "1111", T0);
  g_autofree char *b = save (fixture, "2222", T0 + 1);
  g_autofree char *c = save (fixture, "3333", T0 + 2);
  g_autofree char *d = save (fixture, "4444", T0 + 3);
  g_autofree char *e = save (fixture, "5555", T0 + 4);
  gint64 now = T0 + 100;
  guint derivations;

  /* A byte of the ciphertext: the right PIN meets a seal that breaks. */
  flip_sealed_byte (fixture, T0, TRUE);
  assert_refused (fixture, a, "1111", now, JK_RESUME_VAULT_ERROR_DAMAGED);
  /* A byte of the check: no different from a wrong PIN. */
  flip_sealed_byte (fixture, T0 + 1, FALSE);
  assert_refused (fixture, b, "2222", now, JK_RESUME_VAULT_ERROR_WRONG_PIN);

  /* Sealed text swapped between two rows: neither opens the other's. */
  exec (fixture, "UPDATE saved_resumes SET sealed = (SELECT sealed FROM saved_resumes WHERE saved = 1767225603), "
                 "nonce = (SELECT nonce FROM saved_resumes WHERE saved = 1767225603) WHERE saved = 1767225602");
  assert_refused (fixture, c, "3333", now, JK_RESUME_VAULT_ERROR_WRONG_PIN);
  assert_refused (fixture, c, "4444", now, JK_RESUME_VAULT_ERROR_WRONG_PIN);
  assert_opens (fixture, d, "4444", now);

  /* A longer life, or another day saved: the seal binds both. */
  exec (fixture, "UPDATE saved_resumes SET expires = expires + 86400 WHERE saved = 1767225603");
  assert_refused (fixture, d, "4444", now, JK_RESUME_VAULT_ERROR_DAMAGED);
  exec (fixture, "UPDATE saved_resumes SET saved = saved + 1 WHERE saved = 1767225604");
  assert_refused (fixture, e, "5555", now, JK_RESUME_VAULT_ERROR_DAMAGED);

  /* Fields that cannot be a row: damaged, before any Argon2id. */
  derivations = jk_resume_vault_get_derivations (fixture->vault);
  exec (fixture, "UPDATE saved_resumes SET salt = x'00' WHERE saved = 1767225605");
  assert_refused (fixture, e, "5555", now, JK_RESUME_VAULT_ERROR_DAMAGED);
  exec (fixture, "UPDATE saved_resumes SET salt = zeroblob(16), nonce = x'0102' WHERE saved = 1767225605");
  assert_refused (fixture, e, "5555", now, JK_RESUME_VAULT_ERROR_DAMAGED);
  exec (fixture, "UPDATE saved_resumes SET nonce = zeroblob(24), memlimit = 1099511627776 WHERE saved = 1767225605");
  assert_refused (fixture, e, "5555", now, JK_RESUME_VAULT_ERROR_DAMAGED);
  exec (fixture, "UPDATE saved_resumes SET memlimit = 65536, opslimit = 0 WHERE saved = 1767225605");
  assert_refused (fixture, e, "5555", now, JK_RESUME_VAULT_ERROR_DAMAGED);
  exec (fixture, "UPDATE saved_resumes SET opslimit = 1, sealed = 'text' WHERE saved = 1767225605");
  assert_refused (fixture, e, "5555", now, JK_RESUME_VAULT_ERROR_DAMAGED);
  g_assert_cmpuint (jk_resume_vault_get_derivations (fixture->vault), ==, derivations);
}

/* Every field's text, as it would be found in the file were it there. */
static void
test_no_plaintext (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *needles[] = {
    "Dana Whitfield", "(614) 555-0142", "dana.whitfield@example.org", "Columbus",
    "Maple Grove Care Center", "Take and record vital signs", "Mid-Ohio Food Collective",
    "Columbus State Community College", "State Tested Nurse Aide", "Employee of the Month",
    "Certified Nursing Assistant", "basics",
  };
  g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);
  g_autofree char *code = save (fixture, "8642", T0);
  g_autoptr (JkResume) changed = jk_resume_copy (fixture->resume);
  g_autoptr (GError) error = NULL;

  g_free (changed->basics.phone);
  changed->basics.phone = g_strdup ("(614) 555-0199");
  g_assert_true (jk_resume_vault_replace (fixture->vault, code, changed, "8642", T0 + 60, NULL, &error));
  g_assert_no_error (error);
  assert_refused (fixture, code, "8641", T0 + 90, JK_RESUME_VAULT_ERROR_WRONG_PIN);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    {
      g_assert_false (file_holds (fixture->db, needles[i]));
      g_assert_false (file_holds (wal, needles[i]));
    }
  g_assert_false (file_holds (fixture->db, code));
  g_assert_false (file_holds (wal, code));
  g_assert_false (file_holds (fixture->db, "(614) 555-0199"));
  g_assert_false (file_holds (wal, "(614) 555-0199"));

  exec (fixture, "PRAGMA wal_checkpoint(TRUNCATE)");
  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    g_assert_false (file_holds (fixture->db, needles[i]));
  g_assert_false (file_holds (fixture->db, code));

  /* The test can see text when it is there. */
  exec (fixture, "CREATE TABLE probe (t TEXT); INSERT INTO probe VALUES ('Dana Whitfield');"
                 "PRAGMA wal_checkpoint(TRUNCATE)");
  g_assert_true (file_holds (fixture->db, "Dana Whitfield"));
}

static void
test_other_secret (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *code = save (fixture, "5150", T0);
  g_autoptr (JkConfig) other_config = jk_config_new_defaults ();
  g_autoptr (JkResumeVault) other = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkResume) opened = NULL;

  other_config->secret_file = g_build_filename (fixture->dir, "other-secret", NULL);
  other = make_vault (other_config, fixture->db);
  opened = jk_resume_vault_open (other, code, "5150", T0 + 60, NULL, &error);
  g_assert_null (opened);
  g_assert_error (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_NOT_FOUND);
  /* Not counted against the code here, either. */
  assert_opens (fixture, code, "5150", T0 + 60);
}

/* Kiosks sharing the secret's contents share rows; another secret's are refused. */
static void
test_export_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *code = save (fixture, "7777", T0);
  g_autofree char *old = save (fixture, "7777", T0 - 89 * DAY);
  g_autofree char *file = g_build_filename (fixture->dir, "saved.jsonl", NULL);
  g_autofree char *dir = g_build_filename (fixture->dir, "kiosk-b", NULL);
  g_autofree char *db = g_build_filename (dir, "jobkiosk.db", NULL);
  g_autofree char *secret = NULL;
  g_autofree char *secret_a = jk_secret_get_path (fixture->config, fixture->db);
  g_autofree char *secret_b = g_build_filename (dir, "kiosk-secret", NULL);
  g_autoptr (JkConfig) config_c = jk_config_new_defaults ();
  g_autoptr (JkStore) store = NULL;
  g_autoptr (JkResumeVault) vault_b = NULL, vault_c = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkResume) opened = NULL;
  JkResumeVaultImport result = { 0 };
  gsize length;
  guint count = 0;

  g_assert_true (jk_resume_vault_export (fixture->vault, file, T0 + DAY + 1, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 1);  /* the old one expired at T0 + DAY */
  g_assert_false (file_holds (file, "Dana Whitfield"));

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  store = jk_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (secret_a, &secret, &length, NULL));
  g_assert_true (g_file_set_contents (secret_b, secret, length, NULL));
  vault_b = make_vault (fixture->config, db);
  g_assert_true (jk_resume_vault_import (vault_b, file, T0 + DAY + 2, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.taken, ==, 1);
  opened = jk_resume_vault_open (vault_b, code, "7777", T0 + DAY + 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (jk_resume_equal (opened, fixture->resume));
  /* Again: the same rows are not newer. */
  g_assert_true (jk_resume_vault_import (vault_b, file, T0 + DAY + 4, &result, &error));
  g_assert_cmpuint (result.taken, ==, 0);
  g_assert_cmpuint (result.kept, ==, 1);

  /* A kiosk with its own secret refuses the file, naming the line. */
  config_c->secret_file = g_build_filename (fixture->dir, "secret-c", NULL);
  vault_c = make_vault (config_c, db);
  g_assert_false (jk_resume_vault_import (vault_c, file, T0 + DAY + 5, &result, &error));
  g_assert_error (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_DAMAGED);
  g_assert_true (g_str_has_suffix (error->message, ":1: sealed with another kiosk's secret: give this kiosk the same "
                                                   "[kiosk] secret-file"));
}

static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *code = save (fixture, "0042", T0);
  g_autoptr (JkResume) changed = jk_resume_copy (fixture->resume);
  g_autoptr (GError) error = NULL;
  g_autoptr (JkResume) opened = NULL;
  gint64 expires = 0;

  g_free (changed->basics.name);
  changed->basics.name = g_strdup ("Dana O'Neil-Whitfield");
  /* A wrong PIN changes nothing (and counts). */
  g_assert_false (jk_resume_vault_replace (fixture->vault, code, changed, "0043", T0 + DAY, &expires, &error));
  g_assert_error (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_WRONG_PIN);
  g_clear_error (&error);
  assert_opens (fixture, code, "0042", T0 + DAY);

  /* The code stays; its time starts again, at the cost of the day. */
  jk_resume_vault_set_cost (fixture->vault, 2, 128 * 1024);
  g_assert_true (jk_resume_vault_replace (fixture->vault, code, changed, "0042", T0 + 80 * DAY, &expires, &error));
  g_assert_no_error (error);
  g_assert_cmpint (expires, ==, T0 + 170 * DAY);
  opened = jk_resume_vault_open (fixture->vault, code, "0042", T0 + 100 * DAY, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (jk_resume_equal (opened, changed));
  g_assert_false (jk_resume_equal (opened, fixture->resume));
  g_assert_cmpint (count_rows (fixture), ==, 1);

  /* Nothing to replace once it expired. */
  g_assert_false (jk_resume_vault_replace (fixture->vault, code, changed, "0042", T0 + 170 * DAY, NULL, &error));
  g_assert_error (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_NOT_FOUND);
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  const char *bad_codes[] = {
    "", "ACDE-FGH", "ACDEFGHJK", "ACDE-FGHO", "ACDE-FGH0", "ACDE-FGH1", "ACDE-FGHS", "ÁCDE-FGHJ",
    "ACDE_FGHJ", "ACDE.FGHJ", "ACDE-FGHJ-A",
  };
  const char *bad_pins[] = { "", "123", "1234567", "12a4", "12 34", "-1234", "١٢٣٤", "1234\n" };
  g_autofree char *code = save (fixture, "9753", T0);
  g_autofree char *normalized = NULL, *formatted = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad_codes); i++)
    {
      g_autofree char *n = jk_resume_code_normalize (bad_codes[i]);

      g_assert_null (n);
      g_assert_null (jk_resume_code_format (bad_codes[i]));
      assert_refused (fixture, bad_codes[i], "9753", T0 + 60, JK_RESUME_VAULT_ERROR_BAD_CODE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_pins); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *saved = jk_resume_vault_save (fixture->vault, fixture->resume, bad_pins[i], T0, NULL, &error);

      g_assert_false (jk_resume_pin_is_valid (bad_pins[i]));
      g_assert_null (saved);
      g_assert_error (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_BAD_PIN);
      assert_refused (fixture, code, bad_pins[i], T0 + 60, JK_RESUME_VAULT_ERROR_BAD_PIN);
    }
  g_assert_false (jk_resume_pin_is_valid (NULL));
  g_assert_true (jk_resume_pin_is_valid ("0000"));
  g_assert_true (jk_resume_pin_is_valid ("987654"));
  normalized = jk_resume_code_normalize (" acde - fghj ");
  g_assert_cmpstr (normalized, ==, "ACDEFGHJ");
  formatted = jk_resume_code_format ("acdefghj");
  g_assert_cmpstr (formatted, ==, "ACDE-FGHJ");
  /* Bad input never counted as a wrong PIN; an unknown code is not found. */
  assert_refused (fixture, "ACDE-FGHJ", "9753", T0 + 60, JK_RESUME_VAULT_ERROR_NOT_FOUND);
  assert_opens (fixture, code, "9753", T0 + 60);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  jk_i18n_init ();

  JK_TEST_ADD ("/vault/round-trip", Fixture, test_round_trip);
  JK_TEST_ADD ("/vault/wrong-pin-locks", Fixture, test_wrong_pin_locks);
  JK_TEST_ADD ("/vault/expired", Fixture, test_expired);
  JK_TEST_ADD ("/vault/tampered", Fixture, test_tampered);
  JK_TEST_ADD ("/vault/no-plaintext", Fixture, test_no_plaintext);
  JK_TEST_ADD ("/vault/other-secret", Fixture, test_other_secret);
  JK_TEST_ADD ("/vault/export-import", Fixture, test_export_import);
  JK_TEST_ADD ("/vault/replace", Fixture, test_replace);
  JK_TEST_ADD ("/vault/bad-input", Fixture, test_bad_input);
  return g_test_run ();
}
