/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-status.c: jobkioskctl status */

#define G_LOG_DOMAIN "jobkioskctl"

#include "jk-build-config.h"

#include <glib/gi18n-lib.h>

#include "jk-cli.h"

static void
add_strings (JsonBuilder *builder,
             const char  *member,
             GPtrArray   *strings)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < strings->len; i++)
    json_builder_add_string_value (builder, strings->pdata[i]);
  json_builder_end_array (builder);
}

int
jk_cli_status (JkCli  *cli,
               int     argc,
               char  **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON for scripts"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  const char *moved_aside;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Show the kiosk's database, configuration and health."));
  if (!jk_cli_parse (context, "status", &argc, &argv))
    return JK_CLI_EXIT_USAGE;

  store = jk_cli_open_store (cli, &error);
  if (store == NULL)
    {
      g_printerr ("jobkioskctl: %s\n", error->message);
      return JK_CLI_EXIT_FAILED;
    }
  moved_aside = jk_store_get_moved_aside (store);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "version");
      json_builder_add_string_value (builder, PACKAGE_VERSION);
      json_builder_set_member_name (builder, "mode");
      json_builder_add_string_value (builder, jk_config_mode_to_string (cli->config->mode));
      json_builder_set_member_name (builder, "database");
      json_builder_add_string_value (builder, jk_store_get_path (store));
      json_builder_set_member_name (builder, "schema_version");
      json_builder_add_int_value (builder, jk_store_get_schema_version (store));
      json_builder_set_member_name (builder, "database_moved_aside");
      if (moved_aside != NULL)
        json_builder_add_string_value (builder, moved_aside);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "config_file");
      if (cli->config->main_file != NULL)
        json_builder_add_string_value (builder, cli->config->main_file);
      else
        json_builder_add_null_value (builder);
      add_strings (builder, "config_files", cli->config->files);
      add_strings (builder, "config_problems", cli->config->problems);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      jk_cli_print_json (root);
      return JK_CLI_EXIT_OK;
    }

  g_print (_("Job Kiosk %s\n"), PACKAGE_VERSION);
  g_print (_("Configuration: %s (%s)\n"),
           cli->config->main_file != NULL ? cli->config->main_file : _("built-in defaults"),
           jk_config_mode_to_string (cli->config->mode));
  for (guint i = 0; i < cli->config->problems->len; i++)
    g_print (_("  problem: %s\n"), (const char *) cli->config->problems->pdata[i]);
  g_print (_("Database: %s (schema %d)\n"), jk_store_get_path (store), jk_store_get_schema_version (store));
  if (moved_aside != NULL)
    g_print (_("  The old database was damaged and was moved to %s\n"), moved_aside);
  return JK_CLI_EXIT_OK;
}
