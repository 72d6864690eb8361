/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-metrics.c: jobkioskctl metrics */

#define G_LOG_DOMAIN "jobkioskctl"

#include "jk-build-config.h"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-metrics.h>

#include "jk-cli.h"

int
jk_cli_metrics (JkCli  *cli,
                int     argc,
                char  **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE atomically (for node_exporter's textfile collector) instead of standard output"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  const char *path;

  if (!jk_cli_begin ("metrics", NULL,
                     _("Print the kiosk's health in the Prometheus text format, or write it to a file "
                       "(--output, else [metrics] textfile)."),
                     entries, NULL, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 1)
    return jk_cli_usage (_("jobkioskctl metrics: takes no arguments\n"));

  text = jk_metrics_collect (cli->config, cli->db_path, g_get_real_time () / G_USEC_PER_SEC, &error);
  if (text == NULL)
    return jk_cli_fail ("metrics", error);
  path = output != NULL ? output : cli->config->metrics_textfile;
  if (path == NULL)
    {
      g_print ("%s", text);
      return JK_CLI_EXIT_OK;
    }
  if (!jk_metrics_write_file (path, text, &error))
    return jk_cli_fail ("metrics", error);
  return JK_CLI_EXIT_OK;
}
