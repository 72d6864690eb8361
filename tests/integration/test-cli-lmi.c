/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-lmi.c: the contract of jobkioskctl lmi import: what it prints and its exit codes */

#include <glib/gstdio.h>
#include <string.h>

#include "jk-test-cli.h"
#include "jk-test-proc.h"

static char *tmp_dir;

/* jobkioskctl --db DB ARGS… with the test environment (Ohio, Columbus: the defaults). */
static void
ctl (JkTestRun         *run,
     const char        *db,
     const char *const *args)
{
  jk_test_run_ctl (run, NULL, (const char *const[]) { "--db", db, NULL }, args);
}

#define CTL(run, db, ...) ctl (run, db, (const char *const[]) { __VA_ARGS__, NULL })

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "lmi", name, NULL);
}

static char *
db_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

static void
test_usage (void)
{
  g_autofree char *db = db_path ("usage.db");
  g_auto (JkTestRun) none = { 0 };
  g_auto (JkTestRun) no_paths = { 0 };
  g_auto (JkTestRun) unknown = { 0 };

  CTL (&none, db, "lmi");
  g_assert_cmpint (none.status, ==, 2);
  g_assert_nonnull (strstr (none.err, "import"));
  CTL (&no_paths, db, "lmi", "import");
  g_assert_cmpint (no_paths.status, ==, 2);
  g_assert_nonnull (strstr (no_paths.err, "PATH"));
  CTL (&unknown, db, "lmi", "frobnicate");
  g_assert_cmpint (unknown.status, ==, 2);
}

static void
test_import_prints_taken_and_skipped (void)
{
  g_autofree char *db = db_path ("import.db");
  g_autofree char *oews = fixture ("oews-flat");
  g_autofree char *onet = fixture ("onet");
  g_auto (JkTestRun) first = { 0 };
  g_auto (JkTestRun) again = { 0 };

  CTL (&first, db, "lmi", "import", oews, onet);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, "Wages (OEWS) “May 2024” (U.S. Bureau of Labor Statistics, OEWS)"));
  g_assert_nonnull (strstr (first.out, "540 rows taken"));
  g_assert_nonnull (strstr (first.out, "258 rows of other states and areas skipped"));
  g_assert_nonnull (strstr (first.out, "O*NET occupations “29.1”"));
  g_assert_null (strstr (first.out, "replaced"));
  CTL (&again, db, "lmi", "import", oews);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "It replaced the earlier import of this release."));
}

static void
test_refused (void)
{
  g_autofree char *db = db_path ("refused.db");
  g_autofree char *good = fixture ("oews-flat");
  g_autofree char *bad = fixture ("malformed/not-a-number");
  g_autofree char *unknown = fixture ("README.md");
  g_autofree char *missing = fixture ("no-such-folder");
  g_auto (JkTestRun) first = { 0 };
  g_auto (JkTestRun) refused = { 0 };
  g_auto (JkTestRun) not_ours = { 0 };
  g_auto (JkTestRun) not_there = { 0 };

  CTL (&first, db, "lmi", "import", good);
  g_assert_cmpint (first.status, ==, 0);
  CTL (&refused, db, "lmi", "import", bad);
  g_assert_cmpint (refused.status, ==, 3);
  g_assert_nonnull (strstr (refused.err, "not-a-number/oe.data.0.Current:3: “41,O0” is not a number"));
  g_assert_nonnull (strstr (refused.err, "keeps serving"));
  CTL (&not_ours, db, "lmi", "import", unknown);
  g_assert_cmpint (not_ours.status, ==, 3);
  g_assert_nonnull (strstr (not_ours.err, "not a file the import knows"));
  CTL (&not_there, db, "lmi", "import", missing);
  g_assert_cmpint (not_there.status, ==, 3);
}

static void
test_demo_said (void)
{
  g_autofree char *db = db_path ("demo.db");
  g_autofree char *demo = fixture ("demo");
  g_auto (JkTestRun) run = { 0 };

  CTL (&run, db, "lmi", "import", demo);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Demo data (not published figures)"));
  g_assert_nonnull (strstr (run.out, "Demo data: these figures are made up"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("jk-cli-lmi-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  g_test_add_func ("/cli/lmi/usage", test_usage);
  g_test_add_func ("/cli/lmi/import-prints-taken-and-skipped", test_import_prints_taken_and_skipped);
  g_test_add_func ("/cli/lmi/refused", test_refused);
  g_test_add_func ("/cli/lmi/demo-said", test_demo_said);
  status = g_test_run ();
  jk_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
