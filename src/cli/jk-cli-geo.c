/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-geo.c: jobkioskctl geo import */

#define G_LOG_DOMAIN "jobkioskctl"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-geo.h>

#include "jk-cli.h"

int
jk_cli_geo (JkCli  *cli,
            int     argc,
            char  **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  gint64 count;

  if (argc != 3 || !g_str_equal (argv[1], "import"))
    return jk_cli_usage (_("Usage: jobkioskctl geo import FILE (a Census Gazetteer ZCTA file)\n"));
  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  count = jk_geo_import_gazetteer (store, argv[2], &error);
  if (count < 0)
    return jk_cli_fail (NULL, error);
  g_print (_("%lld ZIP codes imported\n"), (long long) count);
  return JK_CLI_EXIT_OK;
}
