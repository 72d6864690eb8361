/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-lmi.c: jobkioskctl lmi import | search | show (labor market information) */

#define G_LOG_DOMAIN "jobkioskctl"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-lmi-import.h>

#include "jk-cli.h"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static const char *
kind_label (const char *kind)
{
  if (g_str_equal (kind, "oews"))
    return _("Wages (OEWS)");
  if (g_str_equal (kind, "laus"))
    return _("Unemployment (LAUS)");
  if (g_str_equal (kind, "projections"))
    return _("Employment projections");
  if (g_str_equal (kind, "onet"))
    return _("O*NET occupations");
  if (g_str_equal (kind, "requirements"))
    return _("Hiring requirements");
  return kind;
}

static void
print_release (const JkLmiRelease *release)
{
  g_autofree char *taken = jk_format_count (release->taken);

  /* TRANSLATORS: "Wages (OEWS) “May 2024” (U.S. Bureau of Labor Statistics, OEWS)" */
  g_print (_("%s “%s” (%s)\n"), kind_label (release->kind), release->name, release->source);
  g_print (_("  read: %s\n"), release->files);
  g_print (jk_ngettext ("  %s row taken\n", "  %s rows taken\n", (gulong) release->taken), taken);
  for (int why = 0; why < JK_LMI_SKIP_N; why++)
    {
      g_autofree char *skipped = jk_lmi_describe_skip (release, why);
      if (skipped != NULL)
        g_print ("  %s\n", skipped);
    }
  if (release->replaced)
    g_print ("  %s\n", _("It replaced the earlier import of this release."));
  if (release->demo)
    g_print ("  %s\n", _("Demo data: these figures are made up, not published ones."));
}

/* ---------------------------------------------------------------------- */
/* Subcommands                                                            */

static int
lmi_import (JkCli  *cli,
            int     argc,
            char  **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GPtrArray) releases = jk_lmi_release_list_new ();
  JkLmiImportOptions options = { 0 };
  gboolean ok;

  if (!jk_cli_begin ("lmi import", N_("PATH…"),
                     _("Import labor market information: BLS OEWS, LAUS and projections files, O*NET database "
                       "text files, hiring requirements CSV. Folders are read with their subfolders."),
                     NULL, NULL, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc < 2)
    return jk_cli_usage (_("Usage: jobkioskctl lmi import PATH… (files or folders)\n"));
  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  options.state = cli->config->lmi_state;
  options.metro = cli->config->lmi_metro;
  ok = jk_lmi_import (store, (const char *const *) argv + 1, &options, releases, &error);
  for (guint i = 0; i < releases->len; i++)
    print_release (releases->pdata[i]);
  if (!ok)
    {
      jk_cli_fail ("lmi import", error);
      g_printerr ("%s\n", _("That release was not imported: its earlier import, if any, keeps serving."));
      return error->domain == JK_LMI_IMPORT_ERROR ? JK_CLI_EXIT_REFUSED : JK_CLI_EXIT_FAILED;
    }
  return JK_CLI_EXIT_OK;
}

static const JkCliCommand subcommands[] = {
  { "import", lmi_import, N_("Import labor market files or folders (lmi import PATH…)") },
  /* The query side: jk-cli-lmi-query.c. */
  { "search", jk_cli_lmi_search, N_("Find occupations by words (lmi search TEXT [--json])") },
  { "show", jk_cli_lmi_show,
    N_("Show an occupation's pay, outlook and requirements (lmi show SOC-or-TITLE [--area CODE] [--json])") },
};

/* ---------------------------------------------------------------------- */
/* The command group                                                      */

int
jk_cli_lmi (JkCli  *cli,
            int     argc,
            char  **argv)
{
  return jk_cli_run_group (cli, "lmi", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}
