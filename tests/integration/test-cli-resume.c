/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-resume.c: the contract of jobkioskctl resume validate and resume render: exit codes, lines, files */

#include <string.h>

#include "jk-test.h"
#include "jk-test-cli.h"
#include "jk-test-pdf.h"
#include "jk-test-proc.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("jk-test-cli-resume-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  jk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "resume", name, NULL);
}

/* Runs jobkioskctl with a database in the test's folder (the resume
 * commands never open it) and English messages. */
static void
ctl (Fixture           *fixture,
     JkTestRun         *run,
     const char *const *args)
{
  g_autofree char *db = g_build_filename (fixture->dir, "jobkiosk.db", NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; args[i] != NULL; i++)
    {
      /* "@name" is a fixture, "%name" a file in the test's folder. */
      if (args[i][0] == '@')
        g_ptr_array_add (argv, fixture_path (args[i] + 1));
      else if (args[i][0] == '%')
        g_ptr_array_add (argv, g_build_filename (fixture->dir, args[i] + 1, NULL));
      else
        g_ptr_array_add (argv, g_strdup (args[i]));
    }
  g_ptr_array_add (argv, NULL);
  jk_test_run_ctl (run, "en", (const char *const[]) { "--db", db, NULL }, (const char *const *) argv->pdata);
}

#define CTL(fixture, run, ...) ctl (fixture, run, (const char *const[]) { __VA_ARGS__, NULL })

static char *
read_out (Fixture    *fixture,
          const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static char *
read_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_validate_good (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto (JkTestRun) run = { 0 };

  CTL (fixture, &run, "resume", "validate", "@complete.json");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "No problems found.\n");
  g_assert_cmpstr (run.err, ==, "");
}

/* Warnings are printed, and the exit is still 0. */
static void
test_validate_warnings (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto (JkTestRun) run = { 0 };

  CTL (fixture, &run, "resume", "validate", "@accents.json");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "warning: $.basics.location.address: was left out: a resume needs no street address\n");
}

static void
test_validate_errors (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto (JkTestRun) run = { 0 };

  CTL (fixture, &run, "resume", "validate", "@bad-dates.json");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==,
                   "error: $.work[1].startDate: is not a date like 2021-05 or 2021\n"
                   "error: $.work[2].startDate: is not a date like 2021-05 or 2021\n"
                   "error: $.certificates[0].date: is not a date like 2021-05 or 2021\n"
                   "error: $.work[3].endDate: is before the start date\n");
}

static void
test_validate_malformed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto (JkTestRun) run = { 0 };

  CTL (fixture, &run, "resume", "validate", "@malformed.json");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "jobkioskctl resume: malformed.json is not valid JSON: line 7, column "));
}

static void
test_validate_missing_and_usage (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_auto (JkTestRun) missing = { 0 };
  g_auto (JkTestRun) no_file = { 0 };
  g_auto (JkTestRun) unknown = { 0 };

  CTL (fixture, &missing, "resume", "validate", "%nothing.json");
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "Could not open nothing.json"));
  CTL (fixture, &no_file, "resume", "validate");
  g_assert_cmpint (no_file.status, ==, 2);
  CTL (fixture, &unknown, "resume", "frobnicate");
  g_assert_cmpint (unknown.status, ==, 2);
}

static void
test_render_txt (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto (JkTestRun) run = { 0 };
  g_auto (JkTestRun) classic = { 0 };
  g_auto (JkTestRun) spanish = { 0 };
  g_autofree char *text = NULL, *golden = read_fixture ("complete.txt");
  g_autofree char *classic_text = NULL, *classic_golden = read_fixture ("complete-classic.txt");
  g_autofree char *spanish_text = NULL, *spanish_golden = read_fixture ("accents-es.txt");

  CTL (fixture, &run, "resume", "render", "@complete.json", "--format", "txt", "--paper", "a4", "--out", "%out.txt");
  g_assert_cmpint (run.status, ==, 0);
  text = read_out (fixture, "out.txt");
  g_assert_cmpstr (text, ==, golden);

  /* The format from the file's name; classic is the chronological order. */
  CTL (fixture, &classic, "resume", "render", "@complete.json", "--template", "classic", "--out", "%classic.txt");
  g_assert_cmpint (classic.status, ==, 0);
  classic_text = read_out (fixture, "classic.txt");
  g_assert_cmpstr (classic_text, ==, classic_golden);

  CTL (fixture, &spanish, "resume", "render", "@accents.json", "--lang", "es", "--out", "-", "--format", "txt");
  g_assert_cmpint (spanish.status, ==, 0);
  g_assert_cmpstr (spanish.out, ==, spanish_golden);
  g_assert_cmpstr (spanish.err, ==, "warning: $.basics.location.address: was left out: a resume needs no street address\n");
}

static void
test_render_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto (JkTestRun) run = { 0 };
  g_auto (JkTestRun) again = { 0 };
  g_auto (JkTestRun) check = { 0 };
  g_autofree char *first = NULL, *second = NULL;

  CTL (fixture, &run, "resume", "render", "@complete.json", "--format", "json", "--out", "%out.json");
  g_assert_cmpint (run.status, ==, 0);
  first = read_out (fixture, "out.json");
  g_assert_nonnull (strstr (first, "\"startDate\" : \"2021-05\""));
  /* The export imports as it was, and exports the same again. */
  CTL (fixture, &check, "resume", "validate", "%out.json");
  g_assert_cmpint (check.status, ==, 0);
  g_assert_cmpstr (check.out, ==, "No problems found.\n");
  CTL (fixture, &again, "resume", "render", "%out.json", "--out", "%again.json");
  g_assert_cmpint (again.status, ==, 0);
  second = read_out (fixture, "again.json");
  g_assert_cmpstr (first, ==, second);
}

/* A resume with errors is not rendered: nothing written, exit 1. */
static void
test_render_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto (JkTestRun) run = { 0 };
  g_autofree char *path = g_build_filename (fixture->dir, "out.txt", NULL);

  CTL (fixture, &run, "resume", "render", "@wrong-types.json", "--format", "txt", "--out", "%out.txt");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "error: $.basics.phone: should be text in quotes, not a number\n"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A PDF by --format or by the file's name, on the paper asked for; the
 * text in it in the language asked for. */
static void
test_render_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto (JkTestRun) run = { 0 };
  g_auto (JkTestRun) by_name = { 0 };
  g_auto (JkTestRun) spanish = { 0 };
  g_autofree char *letter = NULL, *a4 = NULL;
  gsize letter_length = 0, a4_length = 0;
  g_autofree char *letter_path = g_build_filename (fixture->dir, "out.pdf", NULL);
  g_autofree char *a4_path = g_build_filename (fixture->dir, "a4.pdf", NULL);
  g_autofree char *es_path = g_build_filename (fixture->dir, "es.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  CTL (fixture, &run, "resume", "render", "@complete.json", "--template", "simple", "--paper", "letter", "--format", "pdf",
       "--out", "%out.pdf");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_file_get_contents (letter_path, &letter, &letter_length, NULL));
  g_assert_true (g_str_has_prefix (letter, "%PDF-"));
  g_assert_nonnull (memmem (letter, letter_length, "/MediaBox [ 0 0 612 792 ]", 25));

  CTL (fixture, &by_name, "resume", "render", "@complete.json", "--paper", "a4", "--out", "%a4.pdf");
  g_assert_cmpint (by_name.status, ==, 0);
  g_assert_true (g_file_get_contents (a4_path, &a4, &a4_length, NULL));
  g_assert_true (g_str_has_prefix (a4, "%PDF-"));
  g_assert_nonnull (memmem (a4, a4_length, "/MediaBox [ 0 0 595.276 841.89 ]", 32));

  CTL (fixture, &spanish, "resume", "render", "@accents.json", "--lang", "es", "--out", "%es.pdf");
  g_assert_cmpint (spanish.status, ==, 0);
  if (pdftotext != NULL)
    {
      g_autofree char *text = JK_TEST_PDF_TOOL (pdftotext, es_path, "-");

      g_assert_nonnull (strstr (text, "María José O'Connor-Peña"));
      g_assert_nonnull (strstr (text, "RESUMEN"));
      g_assert_nonnull (strstr (text, "marzo de 2022 – Actualidad"));
    }
}

static void
test_render_usage (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *const bad[][10] = {
    { "resume", "render", "@complete.json", "--format", "txt", NULL },             /* no --out */
    { "resume", "render", "@complete.json", "--template", "fancy", "--out", "-", NULL },
    { "resume", "render", "@complete.json", "--paper", "legal", "--out", "-", NULL },
    { "resume", "render", "@complete.json", "--format", "docx", "--out", "-", NULL },
    { "resume", "render", "@complete.json", "--lang", "fr", "--out", "-", NULL },
    { "resume", "render", "--out", "-", NULL },                                   /* no IN.json */
    { "resume", "render", "@complete.json", "--template", "fancy", "--format", "pdf", "--out", "-", NULL },
    { "resume", "render", "@complete.json", "--paper", "legal", "--format", "pdf", "--out", "-", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto (JkTestRun) run = { 0 };

      ctl (fixture, &run, bad[i]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, !=, "");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  JK_TEST_ADD ("/cli/resume/validate-good", Fixture, test_validate_good);
  JK_TEST_ADD ("/cli/resume/validate-warnings", Fixture, test_validate_warnings);
  JK_TEST_ADD ("/cli/resume/validate-errors", Fixture, test_validate_errors);
  JK_TEST_ADD ("/cli/resume/validate-malformed", Fixture, test_validate_malformed);
  JK_TEST_ADD ("/cli/resume/validate-missing-and-usage", Fixture, test_validate_missing_and_usage);
  JK_TEST_ADD ("/cli/resume/render-txt", Fixture, test_render_txt);
  JK_TEST_ADD ("/cli/resume/render-json", Fixture, test_render_json);
  JK_TEST_ADD ("/cli/resume/render-errors", Fixture, test_render_errors);
  JK_TEST_ADD ("/cli/resume/render-pdf", Fixture, test_render_pdf);
  JK_TEST_ADD ("/cli/resume/render-usage", Fixture, test_render_usage);

  return g_test_run ();
}
