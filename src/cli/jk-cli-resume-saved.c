/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-resume-saved.c: jobkioskctl resume purge | export-saved | import-saved (saved resumes) */

#define G_LOG_DOMAIN "jobkioskctl"

#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-resume-vault.h>

#include "jk-cli.h"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* The database checked and migrated first, as every command opens it;
 * the vault then works on connections of its own. */
static JkResumeVault *
open_vault (JkCli *cli)
{
  g_autoptr (JkStore) store = jk_cli_open_store (cli);
  g_autoptr (GError) error = NULL;
  JkResumeVault *vault;

  if (store == NULL)
    return NULL;
  vault = jk_resume_vault_new (cli->config, cli->db_path, &error);
  if (vault == NULL)
    jk_cli_fail ("resume", error);
  return vault;
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

int
jk_cli_resume_purge (JkCli  *cli,
                     int     argc,
                     char  **argv)
{
  g_autoptr (JkResumeVault) vault = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *count = NULL;
  int dropped;

  if (!jk_cli_begin ("resume purge", NULL, _("Drop the saved resumes that have expired"), NULL, NULL, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 1)
    return jk_cli_usage (_("Usage: jobkioskctl resume purge\n"));
  vault = open_vault (cli);
  if (vault == NULL)
    return JK_CLI_EXIT_FAILED;
  dropped = jk_resume_vault_purge (vault, now_seconds (), &error);
  if (dropped < 0)
    return jk_cli_fail ("resume purge", error);
  count = jk_format_count (dropped);
  g_print (jk_ngettext ("%s expired saved resume dropped\n", "%s expired saved resumes dropped\n", (gulong) dropped),
           count);
  return JK_CLI_EXIT_OK;
}

int
jk_cli_resume_export_saved (JkCli  *cli,
                            int     argc,
                            char  **argv)
{
  g_autoptr (JkResumeVault) vault = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *count_text = NULL;
  guint count = 0;

  if (!jk_cli_begin ("resume export-saved", N_("FILE"),
                     _("Write the saved resumes, sealed as they are, for kiosks that share this kiosk's secret"),
                     NULL, NULL, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 2)
    return jk_cli_usage (_("Usage: jobkioskctl resume export-saved FILE\n"));
  vault = open_vault (cli);
  if (vault == NULL)
    return JK_CLI_EXIT_FAILED;
  if (!jk_resume_vault_export (vault, argv[1], now_seconds (), &count, &error))
    return jk_cli_fail ("resume export-saved", error);
  count_text = jk_format_count (count);
  g_print (jk_ngettext ("%s saved resume written to %s\n", "%s saved resumes written to %s\n", count),
           count_text, argv[1]);
  return JK_CLI_EXIT_OK;
}

int
jk_cli_resume_import_saved (JkCli  *cli,
                            int     argc,
                            char  **argv)
{
  g_autoptr (JkResumeVault) vault = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *taken = NULL, *kept = NULL, *expired = NULL;
  JkResumeVaultImport result = { 0 };

  if (!jk_cli_begin ("resume import-saved", N_("FILE"),
                     _("Take the saved resumes another kiosk exported, keeping the newer of each"),
                     NULL, NULL, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 2)
    return jk_cli_usage (_("Usage: jobkioskctl resume import-saved FILE\n"));
  vault = open_vault (cli);
  if (vault == NULL)
    return JK_CLI_EXIT_FAILED;
  if (!jk_resume_vault_import (vault, argv[1], now_seconds (), &result, &error))
    {
      jk_cli_fail ("resume import-saved", error);
      g_printerr ("%s\n", _("Nothing was imported."));
      return JK_CLI_EXIT_FAILED;
    }
  taken = jk_format_count (result.taken);
  kept = jk_format_count (result.kept);
  expired = jk_format_count (result.expired);
  g_print (jk_ngettext ("%s saved resume taken\n", "%s saved resumes taken\n", result.taken), taken);
  g_print (jk_ngettext ("%s kept: the one here is as new\n", "%s kept: the ones here are as new\n", result.kept),
           kept);
  g_print (jk_ngettext ("%s left out: expired\n", "%s left out: expired\n", result.expired), expired);
  return JK_CLI_EXIT_OK;
}
