/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-config.c: jobkioskctl config check */

#define G_LOG_DOMAIN "jobkioskctl"

#include "jk-build-config.h"

#include <jobkiosk/jk-i18n.h>

#include "jk-cli.h"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
print_json (GPtrArray *values,
            GPtrArray *problems)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "values");
  json_builder_begin_array (builder);
  for (guint i = 0; i < values->len; i++)
    {
      const JkConfigValue *value = values->pdata[i];

      json_builder_begin_object (builder);
      jk_cli_add_string (builder, "group", value->group);
      jk_cli_add_string (builder, "key", value->key);
      jk_cli_add_string (builder, "value", value->value);
      jk_cli_add_string (builder, "file", value->file);
      json_builder_set_member_name (builder, "line");
      if (value->file != NULL && value->line > 0)
        json_builder_add_int_value (builder, value->line);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      const JkConfigProblem *problem = problems->pdata[i];

      json_builder_begin_object (builder);
      jk_cli_add_string (builder, "file", problem->file);
      json_builder_set_member_name (builder, "line");
      if (problem->file != NULL)
        json_builder_add_int_value (builder, problem->line);
      else
        json_builder_add_null_value (builder);
      jk_cli_add_string (builder, "message", problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  jk_cli_print_json (root);
}

static void
print_text (GPtrArray *values,
            GPtrArray *problems)
{
  for (guint i = 0; i < values->len; i++)
    {
      const JkConfigValue *value = values->pdata[i];
      g_autofree char *setting = g_strdup_printf ("[%s] %s = %s", value->group, value->key,
                                                  value->value != NULL ? value->value : "");

      if (value->file == NULL)
        g_print ("%s    # default\n", setting);
      else if (value->line == 0)
        g_print ("%s    # %s\n", setting, value->file);
      else
        g_print ("%s    # %s:%u\n", setting, value->file, value->line);
    }
  g_print ("\n");
  for (guint i = 0; i < problems->len; i++)
    {
      const JkConfigProblem *problem = problems->pdata[i];

      if (problem->file != NULL)
        g_print (_("problem: %s:%u: %s\n"), problem->file, problem->line, problem->message);
      else
        g_print (_("problem: %s\n"), problem->message);
    }
  if (problems->len == 0)
    g_print ("%s\n", _("No problems found."));
  else
    g_print (jk_ngettext ("%u problem found.\n", "%u problems found.\n", problems->len), problems->len);
}

static int
config_check (JkCli  *cli,
              int     argc,
              char  **argv)
{
  gboolean json = FALSE;
  g_autoptr (GPtrArray) values = NULL;
  g_autoptr (GPtrArray) problems = NULL;

  if (!jk_cli_begin ("config check", NULL,
                     _("Check the configuration and print every value as it applies, with the file and line it "
                       "came from. Exits 1 when there is any problem."),
                     NULL, &json, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 1)
    return jk_cli_usage (_("jobkioskctl config check: takes no arguments\n"));

  values = jk_config_check_values (cli->config);
  problems = jk_config_check_problems (cli->config);
  if (json)
    print_json (values, problems);
  else
    print_text (values, problems);
  return problems->len == 0 ? JK_CLI_EXIT_OK : JK_CLI_EXIT_FAILED;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

int
jk_cli_config (JkCli  *cli,
               int     argc,
               char  **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "check"))
    return config_check (cli, argc - 1, argv + 1);
  return jk_cli_usage (_("jobkioskctl config: say what to do: config check\n"));
}
