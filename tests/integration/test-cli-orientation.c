/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-orientation.c: jobkioskctl orientation list | check: grades, the hardest sentences, JSON, exit codes */

#include <json-glib/json-glib.h>
#include <string.h>

#include "jk-test.h"
#include "jk-test-cli.h"
#include "jk-test-proc.h"

static const char *const check_members[] = {
  "file", "language", "title", "grade", "score", "words", "sentences", "hardest",
};

/* A center's page a visitor would struggle with: one long sentence of long words. */
#define HARD_SENTENCE "Notwithstanding the aforementioned administrative considerations, participants must " \
  "substantiate their eligibility documentation comprehensively prior to commencing individualized " \
  "employment counseling appointments."
#define HARD_PAGE "# Your papers\n\nWe are glad you came.\n\n" HARD_SENTENCE "\n"
#define EASY_PAGE "# Welcome\n\nWe are glad you came. You can look for a job here. You can print your resume. " \
  "Ask us if you need help. We are at the front desk.\n\n- Bring your ID.\n- Bring a pen.\n"
#define EASY_PAGE_ES "# Bienvenidos\n\nNos alegra que vino. Aquí puede buscar trabajo. Puede imprimir su " \
  "currículum. Pida ayuda si la necesita.\n\n- Traiga su ID.\n"

typedef struct {
  char *dir;
  char *db;
  char *config;    /* names no orientation folder: the shipped pages */
  char *pages;     /* a center's folder with a hard page */
  char *shipped;
} Fixture;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
write_file (const char *folder,
            const char *language,
            const char *name,
            const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_build_filename (folder, language, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("jk-test-cli-orientation-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "jobkiosk.db", NULL);
  f->config = g_build_filename (f->dir, "jobkiosk.conf", NULL);
  g_assert_true (g_file_set_contents (f->config, "[kiosk]\nlocation = 43215\n", -1, &error));
  f->pages = g_build_filename (f->dir, "center-pages", NULL);
  write_file (f->pages, "en", "01-welcome.md", EASY_PAGE);
  write_file (f->pages, "en", "02-eligibility.md", HARD_PAGE);
  write_file (f->pages, "es", "01-welcome.md", EASY_PAGE_ES);
  f->shipped = g_test_build_filename (G_TEST_DIST, "..", "data", "orientation", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jk_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->config);
  g_free (f->pages);
  g_free (f->shipped);
}

static void
ctl_with (const char        *config,
          Fixture           *f,
          JkTestRun         *run,
          const char *const *args)
{
  const char *head[] = { "--config", config, "--db", f->db, NULL };

  jk_test_run_ctl (run, "C", head, args);
  g_test_message ("exit %d\n%s%s", run->status, run->out, run->err);
}

static void
ctl (Fixture           *f,
     JkTestRun         *run,
     const char *const *args)
{
  ctl_with (f->config, f, run, args);
}

static JsonArray *
parse_array (const char *text,
             JsonParser *parser)
{
  g_autoptr (GError) error = NULL;
  JsonNode *root;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_node_get_array (root);
}

static JsonObject *
find_file (JsonArray  *pages,
           const char *suffix)
{
  for (guint i = 0; i < json_array_get_length (pages); i++)
    {
      JsonObject *page = json_array_get_object_element (pages, i);

      if (g_str_has_suffix (json_object_get_string_member (page, "file"), suffix))
        return page;
    }
  g_assert_not_reached ();
}

/* ---------------------------------------------------------------------- */
/* Cases                                                                  */

/* The shipped template passes, named or found through the configuration. */
static void
test_shipped_pass (Fixture       *f,
                   gconstpointer  data)
{
  g_auto (JkTestRun) named = { 0 };
  g_auto (JkTestRun) found = { 0 };
  const char *named_args[] = { "orientation", "check", f->shipped, NULL };
  const char *found_args[] = { "orientation", "check", NULL };

  ctl (f, &named, named_args);
  g_assert_cmpint (named.status, ==, 0);
  g_assert_nonnull (strstr (named.out, "en/01-offer.md"));
  g_assert_nonnull (strstr (named.out, "es/05-ask.md"));
  g_assert_nonnull (strstr (named.out, "All 10 pages read at grade 8 or below."));

  ctl (f, &found, found_args);
  g_assert_cmpint (found.status, ==, 0);
  g_assert_nonnull (strstr (found.out, "en/01-offer.md"));
}

/* A hard page fails the check, by name, with its hardest sentence; the
 * configuration's [orientation] folder is what is checked without FOLDER. */
static void
test_hard_page_fails (Fixture       *f,
                      gconstpointer  data)
{
  g_auto (JkTestRun) named = { 0 };
  g_auto (JkTestRun) configured = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *config = g_build_filename (f->dir, "center.conf", NULL);
  g_autofree char *text = g_strdup_printf ("[orientation]\nfolder = %s\n", f->pages);
  const char *named_args[] = { "orientation", "check", f->pages, NULL };
  const char *configured_args[] = { "orientation", "check", NULL };
  const char *hardest;

  ctl (f, &named, named_args);
  g_assert_cmpint (named.status, ==, 1);
  /* Named plainly on stderr, the easy pages not. */
  g_assert_nonnull (strstr (named.err, "above grade 8"));
  g_assert_nonnull (strstr (named.err, "en/02-eligibility.md"));
  g_assert_nonnull (strstr (named.err, "Your papers"));
  g_assert_null (strstr (named.err, "01-welcome.md"));
  /* Its hardest sentence listed first under it. */
  hardest = strstr (named.out, "en/02-eligibility.md");
  g_assert_nonnull (hardest);
  hardest = strstr (hardest, "Hardest sentences:");
  g_assert_nonnull (hardest);
  g_assert_nonnull (strstr (hardest, HARD_SENTENCE));
  g_assert_true (strstr (hardest, HARD_SENTENCE) < strstr (hardest, "We are glad you came."));

  g_assert_true (g_file_set_contents (config, text, -1, &error));
  ctl_with (config, f, &configured, configured_args);
  g_assert_cmpint (configured.status, ==, 1);
  g_assert_nonnull (strstr (configured.err, "en/02-eligibility.md"));
}

static void
test_check_json (Fixture       *f,
                 gconstpointer  data)
{
  g_auto (JkTestRun) hard = { 0 };
  g_auto (JkTestRun) shipped = { 0 };
  g_autoptr (JsonParser) hard_parser = json_parser_new ();
  g_autoptr (JsonParser) shipped_parser = json_parser_new ();
  const char *hard_args[] = { "orientation", "check", "--json", f->pages, NULL };
  const char *shipped_args[] = { "orientation", "check", "--json", f->shipped, NULL };
  JsonArray *pages, *hardest;
  JsonObject *page, *first;

  ctl (f, &hard, hard_args);
  g_assert_cmpint (hard.status, ==, 1);
  pages = parse_array (hard.out, hard_parser);
  g_assert_cmpuint (json_array_get_length (pages), ==, 3);
  for (guint i = 0; i < json_array_get_length (pages); i++)
    {
      page = json_array_get_object_element (pages, i);
      for (gsize m = 0; m < G_N_ELEMENTS (check_members); m++)
        g_assert_true (json_object_has_member (page, check_members[m]));
      hardest = json_object_get_array_member (page, "hardest");
      g_assert_cmpuint (json_array_get_length (hardest), >, 0);
      g_assert_cmpuint (json_array_get_length (hardest), <=, 5);
      first = json_array_get_object_element (hardest, 0);
      g_assert_true (json_object_has_member (first, "text"));
      g_assert_true (json_object_has_member (first, "grade"));
    }

  page = find_file (pages, "en/02-eligibility.md");
  g_assert_cmpstr (json_object_get_string_member (page, "language"), ==, "en");
  g_assert_cmpstr (json_object_get_string_member (page, "title"), ==, "Your papers");
  g_assert_cmpfloat (json_object_get_double_member (page, "grade"), >, 8.0);
  /* The heading, the welcome and the hard sentence. */
  g_assert_cmpint (json_object_get_int_member (page, "sentences"), ==, 3);
  hardest = json_object_get_array_member (page, "hardest");
  g_assert_cmpuint (json_array_get_length (hardest), ==, 3);
  first = json_array_get_object_element (hardest, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "text"), ==, HARD_SENTENCE);
  g_assert_cmpfloat (json_object_get_double_member (first, "grade"), >, 8.0);

  page = find_file (pages, "es/01-welcome.md");
  g_assert_cmpstr (json_object_get_string_member (page, "language"), ==, "es");
  g_assert_cmpstr (json_object_get_string_member (page, "title"), ==, "Bienvenidos");
  g_assert_cmpfloat (json_object_get_double_member (page, "grade"), <=, 8.0);
  /* Spanish's score is the Fernández Huerta index, higher than its grade. */
  g_assert_cmpfloat (json_object_get_double_member (page, "score"), >=, 60.0);

  ctl (f, &shipped, shipped_args);
  g_assert_cmpint (shipped.status, ==, 0);
  pages = parse_array (shipped.out, shipped_parser);
  g_assert_cmpuint (json_array_get_length (pages), ==, 10);
  for (guint i = 0; i < json_array_get_length (pages); i++)
    {
      page = json_array_get_object_element (pages, i);
      g_assert_cmpfloat (json_object_get_double_member (page, "grade"), <=, 8.0);
      g_assert_cmpint (json_object_get_int_member (page, "words"), >, 50);
    }
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_auto (JkTestRun) run = { 0 };
  g_auto (JkTestRun) text = { 0 };
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *args[] = { "orientation", "list", "--json", f->pages, NULL };
  const char *text_args[] = { "orientation", "list", NULL };
  JsonArray *pages;
  JsonObject *page;

  ctl (f, &run, args);
  g_assert_cmpint (run.status, ==, 0);
  pages = parse_array (run.out, parser);
  g_assert_cmpuint (json_array_get_length (pages), ==, 3);
  /* By language, then by file name. */
  page = json_array_get_object_element (pages, 0);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (page, "file"), "en/01-welcome.md"));
  g_assert_cmpstr (json_object_get_string_member (page, "language"), ==, "en");
  g_assert_cmpstr (json_object_get_string_member (page, "title"), ==, "Welcome");
  page = json_array_get_object_element (pages, 1);
  g_assert_cmpstr (json_object_get_string_member (page, "title"), ==, "Your papers");
  page = json_array_get_object_element (pages, 2);
  g_assert_cmpstr (json_object_get_string_member (page, "language"), ==, "es");
  g_assert_cmpstr (json_object_get_string_member (page, "title"), ==, "Bienvenidos");

  /* The shipped pages, found through the configuration. */
  ctl (f, &text, text_args);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "en/01-offer.md"));
  g_assert_nonnull (strstr (text.out, "es/01-offer.md"));
}

static void
test_exit_codes (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty", NULL);
  const char *too_many[] = { "orientation", "check", f->pages, f->shipped, NULL };
  const char *bad_option[] = { "orientation", "check", "--nonsense", NULL };
  const char *no_subcommand[] = { "orientation", NULL };
  const char *not_there[] = { "orientation", "check", missing, NULL };
  const char *no_pages[] = { "orientation", "list", empty, NULL };

  g_assert_cmpint (g_mkdir_with_parents (empty, 0700), ==, 0);
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, too_many);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, bad_option);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, no_subcommand);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "check"));
  }
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, not_there);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "no-such-folder"));
  }
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, no_pages);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "no orientation pages"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-orientation/shipped-pass", Fixture, NULL, fixture_set_up, test_shipped_pass, fixture_tear_down);
  g_test_add ("/cli-orientation/hard-page-fails", Fixture, NULL, fixture_set_up, test_hard_page_fails,
              fixture_tear_down);
  g_test_add ("/cli-orientation/check-json", Fixture, NULL, fixture_set_up, test_check_json, fixture_tear_down);
  g_test_add ("/cli-orientation/list", Fixture, NULL, fixture_set_up, test_list, fixture_tear_down);
  g_test_add ("/cli-orientation/exit-codes", Fixture, NULL, fixture_set_up, test_exit_codes, fixture_tear_down);
  return g_test_run ();
}
