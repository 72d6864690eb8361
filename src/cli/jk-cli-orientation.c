/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-orientation.c: jobkioskctl orientation list | check (the center's pages and their reading grade) */

#define G_LOG_DOMAIN "jobkioskctl"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-orientation.h>
#include <jobkiosk/jk-readability.h>

#include "jk-cli.h"

/* The kiosk's bar: a visitor may read at a grade 8 level or below (the
 * same as the plain-language check of the shipped pages). */
#define MAX_GRADE 8.0
#define N_HARDEST 5

/* One language folder's pages. */
typedef struct {
  char *language;
  GPtrArray *pages;   /* JkOrientationFile * */
} Language;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
language_free (Language *language)
{
  g_free (language->language);
  g_ptr_array_unref (language->pages);
  g_free (language);
}

static int
compare_languages (gconstpointer a,
                   gconstpointer b)
{
  const Language *x = *(const Language *const *) a;
  const Language *y = *(const Language *const *) b;

  return g_strcmp0 (x->language, y->language);
}

/* Every folder of root holding pages (en, es, and any other), by name;
 * NOT_FOUND when none does. */
static GPtrArray *
list_languages (const char  *root,
                GError     **error)
{
  g_autoptr (GPtrArray) languages = g_ptr_array_new_with_free_func ((GDestroyNotify) language_free);
  g_autoptr (GDir) dir = g_dir_open (root, 0, error);
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *folder = g_build_filename (root, name, NULL);
      g_autoptr (GError) local_error = NULL;
      GPtrArray *pages;
      Language *language;

      if (name[0] == '.' || !g_file_test (folder, G_FILE_TEST_IS_DIR))
        continue;
      /* A folder without pages ("pictures") is not a language. */
      pages = jk_orientation_list_pages (folder, &local_error);
      if (pages == NULL)
        continue;
      language = g_new0 (Language, 1);
      language->language = g_strdup (name);
      language->pages = pages;
      g_ptr_array_add (languages, language);
    }
  if (languages->len == 0)
    {
      g_set_error (error, JK_ORIENTATION_ERROR, JK_ORIENTATION_ERROR_NOT_FOUND,
                   _("%s: no orientation pages (a folder per language, en/ and es/, of NAME.md files)"), root);
      return NULL;
    }
  g_ptr_array_sort (languages, compare_languages);
  return g_steal_pointer (&languages);
}

/* FOLDER as given, else the folder the kiosk reads. */
static char *
get_root (JkCli  *cli,
          int     argc,
          char  **argv)
{
  return argc >= 2 ? g_strdup (argv[1]) : jk_orientation_get_root (cli->config);
}

static void
add_page (JsonBuilder             *builder,
          const char              *language,
          const JkOrientationFile *page,
          const JkReadability     *r)
{
  json_builder_begin_object (builder);
  jk_cli_add_string (builder, "file", page->path);
  jk_cli_add_string (builder, "language", language);
  jk_cli_add_string (builder, "title", page->title);
  if (r == NULL)
    {
      json_builder_end_object (builder);
      return;
    }
  json_builder_set_member_name (builder, "grade");
  json_builder_add_double_value (builder, r->grade);
  json_builder_set_member_name (builder, "score");
  json_builder_add_double_value (builder, r->score);
  json_builder_set_member_name (builder, "words");
  json_builder_add_int_value (builder, r->words);
  json_builder_set_member_name (builder, "sentences");
  json_builder_add_int_value (builder, r->sentences);
  json_builder_set_member_name (builder, "hardest");
  json_builder_begin_array (builder);
  for (guint i = 0; i < MIN (N_HARDEST, r->hardest->len); i++)
    {
      const JkReadabilitySentence *sentence = r->hardest->pdata[i];

      json_builder_begin_object (builder);
      jk_cli_add_string (builder, "text", sentence->text);
      json_builder_set_member_name (builder, "grade");
      json_builder_add_double_value (builder, sentence->grade);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
print_page (const JkOrientationFile *page,
            const JkReadability     *r)
{
  g_print ("%s  “%s”\n", page->path, page->title);
  if (g_str_equal (r->language, "es"))
    /* TRANSLATORS: a page's reading grade; the score is the Fernández Huerta index (higher is easier) */
    g_print (_("  grade %.1f, %u words, %u sentences, Fernández Huerta score %.1f%s\n"), r->grade, r->words,
             r->sentences, r->score, r->grade > MAX_GRADE ? _(" — above grade 8") : "");
  else
    /* TRANSLATORS: a page's reading grade (Flesch-Kincaid) */
    g_print (_("  grade %.1f, %u words, %u sentences%s\n"), r->grade, r->words, r->sentences,
             r->grade > MAX_GRADE ? _(" — above grade 8") : "");
  if (r->hardest->len > 0)
    g_print ("  %s\n", _("Hardest sentences:"));
  for (guint i = 0; i < MIN (N_HARDEST, r->hardest->len); i++)
    {
      const JkReadabilitySentence *sentence = r->hardest->pdata[i];

      g_print ("    %5.1f  %s\n", sentence->grade, sentence->text);
    }
}

/* ---------------------------------------------------------------------- */
/* Subcommands                                                            */

static int
orientation_list (JkCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) languages = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *root = NULL;
  gboolean json = FALSE;

  if (!jk_cli_begin ("orientation list", N_("[FOLDER]"),
                     _("List the orientation pages the kiosk shows in About this center: each language's files "
                       "and their titles. FOLDER: the pages' folder, else the one the configuration names."),
                     NULL, &json, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc > 2)
    return jk_cli_usage (_("Usage: jobkioskctl orientation list [FOLDER] [--json]\n"));
  root = get_root (cli, argc, argv);
  languages = list_languages (root, &error);
  if (languages == NULL)
    return jk_cli_fail ("orientation list", error);
  json_builder_begin_array (builder);
  for (guint l = 0; l < languages->len; l++)
    {
      const Language *language = languages->pdata[l];

      for (guint i = 0; i < language->pages->len; i++)
        {
          const JkOrientationFile *page = language->pages->pdata[i];

          if (json)
            add_page (builder, language->language, page, NULL);
          else
            g_print ("%s\t%s\t%s\n", page->path, language->language, page->title);
        }
    }
  json_builder_end_array (builder);
  if (json)
    {
      g_autoptr (JsonNode) node = json_builder_get_root (builder);

      jk_cli_print_json (node);
    }
  return JK_CLI_EXIT_OK;
}

static int
orientation_check (JkCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) languages = NULL;
  g_autoptr (GPtrArray) above = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *root = NULL;
  gboolean json = FALSE;
  guint n_pages = 0, n_unread = 0;

  if (!jk_cli_begin ("orientation check", N_("[FOLDER]"),
                     _("Check that each orientation page reads at grade 8 or below: its grade, words and "
                       "sentences (Flesch-Kincaid in English, Fernández Huerta in Spanish) and its five hardest "
                       "sentences. FOLDER: the pages' folder, else the one the configuration names. Exit 0 when "
                       "every page is at grade 8 or below, 1 when any is above or cannot be read."),
                     NULL, &json, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc > 2)
    return jk_cli_usage (_("Usage: jobkioskctl orientation check [FOLDER] [--json]\n"));
  root = get_root (cli, argc, argv);
  languages = list_languages (root, &error);
  if (languages == NULL)
    return jk_cli_fail ("orientation check", error);
  json_builder_begin_array (builder);
  for (guint l = 0; l < languages->len; l++)
    {
      const Language *language = languages->pdata[l];

      for (guint i = 0; i < language->pages->len; i++)
        {
          const JkOrientationFile *page = language->pages->pdata[i];
          g_autoptr (GPtrArray) blocks = jk_orientation_read_page (page->path, root, &error);
          g_autofree char *text = NULL;
          g_autoptr (JkReadability) r = NULL;

          n_pages++;
          if (blocks == NULL)
            {
              jk_cli_fail ("orientation check", error);
              g_clear_error (&error);
              n_unread++;
              continue;
            }
          text = jk_orientation_blocks_text (blocks);
          r = jk_readability_measure (text, language->language);
          if (r->grade > MAX_GRADE)
            /* TRANSLATORS: a page's file, its title and its reading grade */
            g_ptr_array_add (above, g_strdup_printf (_("%s (“%s”, grade %.1f)"), page->path, page->title, r->grade));
          if (json)
            add_page (builder, language->language, page, r);
          else
            print_page (page, r);
        }
    }
  json_builder_end_array (builder);
  if (json)
    {
      g_autoptr (JsonNode) node = json_builder_get_root (builder);

      jk_cli_print_json (node);
    }
  if (above->len > 0)
    {
      g_printerr (jk_ngettext ("This page reads above grade 8:\n", "These pages read above grade 8:\n", above->len));
      for (guint i = 0; i < above->len; i++)
        g_printerr ("  %s\n", (const char *) above->pdata[i]);
      g_printerr ("%s\n", _("Shorter sentences and shorter, everyday words bring the grade down. Start with the "
                            "hardest sentences listed."));
    }
  if (above->len > 0 || n_unread > 0)
    return JK_CLI_EXIT_FAILED;
  if (!json)
    g_print (jk_ngettext ("%u page reads at grade 8 or below.\n", "All %u pages read at grade 8 or below.\n",
                          n_pages), n_pages);
  return JK_CLI_EXIT_OK;
}

static const JkCliCommand subcommands[] = {
  { "list", orientation_list, N_("List the orientation pages (orientation list [FOLDER] [--json])") },
  { "check", orientation_check, N_("Check each page reads at grade 8 or below (orientation check [FOLDER] [--json])") },
};

/* ---------------------------------------------------------------------- */
/* The command group                                                      */

int
jk_cli_orientation (JkCli  *cli,
                    int     argc,
                    char  **argv)
{
  return jk_cli_run_group (cli, "orientation", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}
