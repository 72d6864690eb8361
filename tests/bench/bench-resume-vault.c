/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-resume-vault.c: unlocking a saved resume with the product's Argon2id cost (target 0.3 to 1 s), beside the
 * same open at the cheapest cost (the floor: SQLite, the seal, the JSON). Prints figures; never fails on a timer.
 * JK_BENCH_SIZE=tiny opens once. */

#include <glib/gstdio.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-resume-vault.h>
#include <jobkiosk/jk-store.h>
#include <stdio.h>

#include "jk-bench-stats.h"
#include "resume/jk-resume-vault-private.h"

#define TARGET_LOW 0.3
#define TARGET_HIGH 1.0

/* Seconds for each of runs opens of code with pin. */
static GArray *
time_opens (JkResumeVault  *vault,
            const char     *code,
            const JkResume *resume,
            guint           runs,
            gint64          now)
{
  GArray *seconds = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JkResume) opened = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double s;

      opened = jk_resume_vault_open (vault, code, "482916", now, NULL, &error);
      s = (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC;
      g_assert_no_error (error);
      g_assert_true (jk_resume_equal (opened, resume));
      g_array_append_val (seconds, s);
    }
  return seconds;
}

int
main (int   argc,
      char *argv[])
{
  gboolean tiny = g_strcmp0 (g_getenv ("JK_BENCH_SIZE"), "tiny") == 0;
  guint runs = tiny ? 1 : 9;
  g_autofree char *dir = g_dir_make_tmp ("jk-bench-vault-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "jobkiosk.db", NULL);
  g_autofree char *fixture = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (JkConfig) config = jk_config_new_defaults ();
  g_autoptr (JkResumeVault) vault = NULL;
  g_autoptr (JkResume) resume = NULL;
  g_autoptr (GArray) product = NULL, floor = NULL;
  g_autofree char *code = NULL, *cheap_code = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint64 opslimit;
  gsize memlimit;
  double median, save_s, floor_median;
  gint64 t0;

  g_test_init (&argc, &argv, NULL);
  setvbuf (stdout, NULL, _IOLBF, 0);
  jk_i18n_init ();
  fixture = g_test_build_filename (G_TEST_DIST, "data", "resume", "complete.json", NULL);
  resume = jk_resume_load_file (fixture, &problems, &error);
  g_assert_no_error (error);
  store = jk_store_open (db, &error);
  g_assert_no_error (error);
  vault = jk_resume_vault_new (config, db, &error);
  g_assert_no_error (error);

  /* The product's cost: what jk_resume_vault_new chose, untouched. */
  jk_resume_vault_get_cost (vault, &opslimit, &memlimit);
  g_assert_cmpuint (opslimit, ==, JK_RESUME_VAULT_OPSLIMIT);
  g_assert_cmpuint (memlimit, ==, JK_RESUME_VAULT_MEMLIMIT);
  printf ("Argon2id (ALG_ARGON2ID13): opslimit %" G_GUINT64_FORMAT ", memlimit %zu MiB, single lane\n", opslimit,
          memlimit / (1024 * 1024));
  t0 = g_get_monotonic_time ();
  code = jk_resume_vault_save (vault, resume, "482916", now, NULL, &error);
  save_s = (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC;
  g_assert_no_error (error);
  printf ("save (one Argon2id, seal, insert): %.3f s\n", save_s);
  product = time_opens (vault, code, resume, runs, now);

  /* The floor: everything but the stretching. */
  jk_resume_vault_set_cost (vault, 1, 8 * 1024);
  cheap_code = jk_resume_vault_save (vault, resume, "482916", now, NULL, &error);
  g_assert_no_error (error);
  floor = time_opens (vault, cheap_code, resume, runs, now);

  median = jk_bench_percentile (product, 0.5);
  floor_median = jk_bench_percentile (floor, 0.5);
  printf ("open with code and PIN, %u runs: median %.3f s (min %.3f, max %.3f)\n", runs, median,
          g_array_index (product, double, 0), g_array_index (product, double, product->len - 1));
  printf ("floor (opslimit 1, memlimit 8 KiB), same run: median %.4f s\n", floor_median);
  printf ("target %.1f to %.1f s: median / %.1f s = %.2f, median / %.1f s = %.2f (%s)\n", TARGET_LOW, TARGET_HIGH,
          TARGET_LOW, median / TARGET_LOW, TARGET_HIGH, median / TARGET_HIGH,
          median < TARGET_LOW ? "too fast: raise the cost" : median > TARGET_HIGH ? "too slow: lower the cost"
                                                                                 : "within the target");

  jk_store_free (g_steal_pointer (&store));
  {
    g_autoptr (GDir) folder = g_dir_open (dir, 0, NULL);
    const char *name;

    while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
  }
  g_rmdir (dir);
  return 0;
}
