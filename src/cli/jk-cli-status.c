/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-status.c: jobkioskctl status */

#define G_LOG_DOMAIN "jobkioskctl"

#include "jk-build-config.h"

#include <jobkiosk/jk-i18n.h>

#include <jobkiosk/jk-sync.h>

#include "jk-cli.h"

static void
add_time (JsonBuilder *builder,
          const char  *member,
          gint64       unix_time)
{
  g_autofree char *text = jk_cli_format_time (unix_time);

  jk_cli_add_string (builder, member, text);
}

static void
add_sources (JsonBuilder *builder,
             GPtrArray   *sources)
{
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < sources->len; i++)
    {
      const JkSourceStatus *status = sources->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, status->name);
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, status->url);
      json_builder_set_member_name (builder, "format");
      json_builder_add_string_value (builder, status->format);
      add_time (builder, "last_attempt", status->last_attempt);
      add_time (builder, "last_checked", status->last_checked);
      add_time (builder, "last_good_sync", status->last_good_sync);
      json_builder_set_member_name (builder, "active");
      json_builder_add_int_value (builder, status->active);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, status->state);
      jk_cli_add_string (builder, "last_error", status->last_error);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

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
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GPtrArray) sources = NULL;
  const char *moved_aside;

  if (!jk_cli_begin ("status", NULL, _("Show the kiosk's database, configuration and health."), NULL, &json,
                     &argc, &argv))
    return JK_CLI_EXIT_USAGE;

  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  moved_aside = jk_store_get_moved_aside (store);
  sources = jk_sync_list_status (store, g_get_real_time () / G_USEC_PER_SEC, &error);
  if (sources == NULL)
    return jk_cli_fail (NULL, error);

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
      jk_cli_add_string (builder, "database_moved_aside", moved_aside);
      jk_cli_add_string (builder, "config_file", cli->config->main_file);
      add_strings (builder, "config_files", cli->config->files);
      add_strings (builder, "config_problems", cli->config->problems);
      add_sources (builder, sources);
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
  if (!jk_config_is_complete (cli->config, NULL))
    g_print (_("  Until every file and line of it can be read, no feed source is removed.\n"));
  g_print (_("Database: %s (schema %d)\n"), jk_store_get_path (store), jk_store_get_schema_version (store));
  if (moved_aside != NULL)
    g_print (_("  The old database was damaged and was moved to %s\n"), moved_aside);
  for (guint i = 0; i < sources->len; i++)
    {
      const JkSourceStatus *status = sources->pdata[i];
      g_autofree char *good = jk_cli_format_time (status->last_good_sync);

      g_print (_("Feed %s: %s, %lld active, last good update %s\n"), status->name, status->state,
               (long long) status->active, good != NULL ? good : _("never"));
      if (status->last_error != NULL)
        g_print (_("  last problem: %s\n"), status->last_error);
    }
  return JK_CLI_EXIT_OK;
}
