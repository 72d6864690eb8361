/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-resume-saved.c: jobkioskctl resume purge, export-saved and import-saved between two kiosks */

#include <glib/gstdio.h>
#include <jobkiosk/jk-config.h>
#include <jobkiosk/jk-resume-vault.h>
#include <jobkiosk/jk-secret.h>
#include <jobkiosk/jk-store.h>
#include <string.h>

#include "resume/jk-resume-vault-private.h"
#include "jk-test.h"
#include "jk-test-cli.h"
#include "jk-test-proc.h"

#define DAY (24 * 60 * 60)

typedef struct {
  char *dir;
  char *db_a;       /* kiosk A: its secret beside its database */
  char *db_b;       /* kiosk B: [kiosk] secret-file names a copy of A's */
  char *config_b;
  char *config_c;   /* kiosk C: a secret of its own */
  JkResume *resume;
} Fixture;

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "resume", "complete.json", NULL);
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *text = NULL;
  g_autofree char *secret_b = NULL, *secret_c = NULL;

  fixture->dir = g_dir_make_tmp ("jk-test-cli-saved-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_a = g_build_filename (fixture->dir, "a.db", NULL);
  fixture->db_b = g_build_filename (fixture->dir, "b.db", NULL);
  fixture->config_b = g_build_filename (fixture->dir, "b.conf", NULL);
  fixture->config_c = g_build_filename (fixture->dir, "c.conf", NULL);
  secret_b = g_build_filename (fixture->dir, "shared-secret", NULL);
  secret_c = g_build_filename (fixture->dir, "c-secret", NULL);
  text = g_strdup_printf ("[kiosk]\nsecret-file=%s\n", secret_b);
  write_file (fixture->config_b, text);
  g_free (text);
  text = g_strdup_printf ("[kiosk]\nsecret-file=%s\n", secret_c);
  write_file (fixture->config_c, text);
  fixture->resume = jk_resume_load_file (path, &problems, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  jk_test_remove_tree (fixture->dir);
  jk_resume_free (fixture->resume);
  g_free (fixture->db_a);
  g_free (fixture->db_b);
  g_free (fixture->config_b);
  g_free (fixture->config_c);
  g_free (fixture->dir);
}

/* jobkioskctl with English messages. */
static void
ctl (JkTestRun         *run,
     const char *const *args)
{
  jk_test_run_ctl (run, "en", NULL, args);
}

#define CTL(run, ...) ctl (run, (const char *const[]) { __VA_ARGS__, NULL })

/* A kiosk's vault, on a database jobkioskctl has made and migrated. */
static JkResumeVault *
vault_for (const char *config_file,
           const char *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkConfig) config = config_file != NULL ? jk_config_load (config_file, &error) : jk_config_new_defaults ();
  g_autoptr (JkStore) store = NULL;
  JkResumeVault *vault;

  g_assert_no_error (error);
  store = jk_store_open (db, &error);
  g_assert_no_error (error);
  vault = jk_resume_vault_new (config, db, &error);
  g_assert_no_error (error);
  jk_resume_vault_set_cost (vault, 1, 64 * 1024);
  return vault;
}

static char *
save (JkResumeVault  *vault,
      const JkResume *resume,
      const char     *pin,
      gint64          now)
{
  g_autoptr (GError) error = NULL;
  char *code = jk_resume_vault_save (vault, resume, pin, now, NULL, &error);

  g_assert_no_error (error);
  return code;
}

/* Kiosk B's secret-file: a copy of A's secret. */
static void
share_secret (Fixture *fixture)
{
  g_autofree char *secret_a = g_build_filename (fixture->dir, "kiosk-secret", NULL);
  g_autofree char *shared = g_build_filename (fixture->dir, "shared-secret", NULL);
  g_autofree char *secret = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (secret_a, &secret, &length, NULL));
  g_assert_cmpuint (length, ==, JK_SECRET_SIZE);
  g_assert_true (g_file_set_contents (shared, secret, length, NULL));
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* ---------------------------------------------------------------------- */

static void
test_purge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (JkResumeVault) vault = vault_for (NULL, fixture->db_a);
  g_autofree char *old1 = save (vault, fixture->resume, "1234", now_seconds () - 91 * DAY);
  g_autofree char *old2 = save (vault, fixture->resume, "1234", now_seconds () - 95 * DAY);
  g_autofree char *fresh = save (vault, fixture->resume, "1234", now_seconds ());
  g_auto (JkTestRun) first = { 0 };
  g_auto (JkTestRun) second = { 0 };
  g_auto (JkTestRun) extra = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (JkResume) opened = NULL;

  CTL (&first, "--db", fixture->db_a, "resume", "purge");
  g_assert_cmpstr (first.err, ==, "");
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpstr (first.out, ==, "2 expired saved resumes dropped\n");
  CTL (&second, "--db", fixture->db_a, "resume", "purge");
  g_assert_cmpint (second.status, ==, 0);
  g_assert_cmpstr (second.out, ==, "0 expired saved resumes dropped\n");
  opened = jk_resume_vault_open (vault, fresh, "1234", now_seconds (), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (jk_resume_equal (opened, fixture->resume));

  CTL (&extra, "--db", fixture->db_a, "resume", "purge", "now");
  g_assert_cmpint (extra.status, ==, 2);
  g_assert_nonnull (strstr (extra.err, "Usage: jobkioskctl resume purge"));
}

static void
test_export_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (JkResumeVault) vault_a = vault_for (NULL, fixture->db_a);
  g_autoptr (JkResumeVault) vault_b = NULL;
  g_autofree char *code = save (vault_a, fixture->resume, "2580", now_seconds () - DAY);
  g_autofree char *expired = save (vault_a, fixture->resume, "2580", now_seconds () - 100 * DAY);
  g_autofree char *file = g_build_filename (fixture->dir, "saved.jsonl", NULL);
  g_autofree char *exported = NULL;
  g_auto (JkTestRun) export = { 0 };
  g_auto (JkTestRun) import = { 0 };
  g_auto (JkTestRun) again = { 0 };
  g_auto (JkTestRun) other = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (JkResume) opened = NULL;
  GStatBuf st;

  CTL (&export, "--db", fixture->db_a, "resume", "export-saved", file);
  g_assert_cmpstr (export.err, ==, "");
  g_assert_cmpint (export.status, ==, 0);
  g_assert_true (g_str_has_prefix (export.out, "1 saved resume written to "));
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (file, &exported, NULL, NULL));
  g_assert_null (strstr (exported, "Dana"));

  /* Kiosk B has the same secret, in a file of its own. */
  share_secret (fixture);
  CTL (&import, "--config", fixture->config_b, "--db", fixture->db_b, "resume", "import-saved", file);
  g_assert_cmpstr (import.err, ==, "");
  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpstr (import.out, ==, "1 saved resume taken\n0 kept: the ones here are as new\n0 left out: expired\n");
  vault_b = vault_for (fixture->config_b, fixture->db_b);
  opened = jk_resume_vault_open (vault_b, code, "2580", now_seconds (), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (jk_resume_equal (opened, fixture->resume));

  CTL (&again, "--config", fixture->config_b, "--db", fixture->db_b, "resume", "import-saved", file);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpstr (again.out, ==, "0 saved resumes taken\n1 kept: the one here is as new\n0 left out: expired\n");

  /* Kiosk C's secret is its own: the file is refused, line named. */
  CTL (&other, "--config", fixture->config_c, "--db", fixture->db_b, "resume", "import-saved", file);
  g_assert_cmpint (other.status, ==, 1);
  g_assert_nonnull (strstr (other.err, "saved.jsonl:1: sealed with another kiosk's secret"));
  g_assert_nonnull (strstr (other.err, "Nothing was imported."));
}

static void
test_import_malformed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (JkResumeVault) vault_a = vault_for (NULL, fixture->db_a);
  g_autofree char *code = save (vault_a, fixture->resume, "2580", now_seconds ());
  g_autofree char *code2 = save (vault_a, fixture->resume, "2580", now_seconds () - 1);
  g_autofree char *file = g_build_filename (fixture->dir, "saved.jsonl", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.jsonl", NULL);
  g_autofree char *exported = NULL;
  g_auto (GStrv) lines = NULL;
  struct {
    const char *from;
    const char *to;
    const char *why;
  } edits[] = {
    { "\"salt\":\"", "\"salt\":\"AAAA", "“salt” is missing or not valid" },
    { "\"nonce\":\"", "\"nonce\":\"*", "“nonce” is missing or not valid" },
    { "\"opslimit\":1", "\"opslimit\":1000", "the Argon2id cost is missing or out of range" },
    { "\"v\":1", "\"v\":2", "not a saved resume of this version" },
    { "{", "[", "not a JSON object" },
    { "\"expires\":", "\"expires\":-", "the dates are missing or out of order" },
  };
  g_auto (JkTestRun) export = { 0 };
  g_auto (JkTestRun) export_b = { 0 };

  CTL (&export, "--db", fixture->db_a, "resume", "export-saved", file);
  g_assert_cmpint (export.status, ==, 0);
  share_secret (fixture);
  g_assert_true (g_file_get_contents (file, &exported, NULL, NULL));
  lines = g_strsplit (exported, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);  /* two and the end */
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *broken = NULL, *contents = NULL, *expected = NULL;
      g_auto (GStrv) parts = g_strsplit (lines[1], edits[i].from, 2);
      g_auto (JkTestRun) import = { 0 };

      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      broken = g_strconcat (parts[0], edits[i].to, parts[1], NULL);
      /* A good line, an empty one, then the broken one: line 3. */
      contents = g_strdup_printf ("%s\n\n%s\n", lines[0], broken);
      write_file (bad, contents);
      CTL (&import, "--db", fixture->db_b, "--config", fixture->config_b, "resume", "import-saved", bad);
      g_assert_cmpint (import.status, ==, 1);
      expected = g_strconcat ("bad.jsonl:3: ", edits[i].why, NULL);
      if (strstr (import.err, expected) == NULL)
        g_error ("expected “%s” in “%s”", expected, import.err);
      g_assert_cmpstr (import.out, ==, "");
    }
  /* Not even the good line was taken. */
  CTL (&export_b, "--db", fixture->db_b, "--config", fixture->config_b, "resume", "export-saved", file);
  g_assert_cmpint (export_b.status, ==, 0);
  g_assert_true (g_str_has_prefix (export_b.out, "0 saved resumes written to "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  JK_TEST_ADD ("/cli/resume/purge", Fixture, test_purge);
  JK_TEST_ADD ("/cli/resume/export-import", Fixture, test_export_import);
  JK_TEST_ADD ("/cli/resume/import-malformed", Fixture, test_import_malformed);
  return g_test_run ();
}
