/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-training.c: jobkioskctl training import | search (the Eligible Training Provider List) */

#define G_LOG_DOMAIN "jobkioskctl"

#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-geo.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-lmi.h>
#include <jobkiosk/jk-training.h>
#include <math.h>
#include <string.h>

#include "jk-cli.h"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
add_number (JsonBuilder *builder,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (builder, member);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

/* The contract's objects (issue 18): provider, program, cip, credential,
 * weeks, cost (dollars), mode, city, state, postal_code, distance_miles,
 * outcomes {completion_rate, employment_rate, median_earnings}; and more. */
static void
add_program (JsonBuilder             *builder,
             const JkTrainingProgram *program)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, program->id);
  jk_cli_add_string (builder, "provider", program->provider);
  jk_cli_add_string (builder, "program", program->program);
  jk_cli_add_string (builder, "cip", program->cip);
  jk_cli_add_string (builder, "credential", program->credential);
  add_number (builder, "weeks", program->weeks);
  add_number (builder, "hours", program->hours);
  add_number (builder, "cost", program->cost_cents < 0 ? NAN : program->cost_cents / 100.0);
  jk_cli_add_string (builder, "mode", program->mode);
  jk_cli_add_string (builder, "schedule", program->schedule);
  jk_cli_add_string (builder, "address", program->address);
  jk_cli_add_string (builder, "city", program->city);
  jk_cli_add_string (builder, "state", program->state);
  jk_cli_add_string (builder, "postal_code", program->postal_code);
  jk_cli_add_string (builder, "phone", program->phone);
  jk_cli_add_string (builder, "url", program->url);
  add_number (builder, "distance_miles", program->distance_miles);
  json_builder_set_member_name (builder, "outcomes");
  json_builder_begin_object (builder);
  add_number (builder, "completion_rate", program->completion_rate);
  add_number (builder, "employment_rate", program->employment_rate);
  add_number (builder, "median_earnings", program->median_earnings);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "demo");
  json_builder_add_boolean_value (builder, program->demo);
  json_builder_end_object (builder);
}

static void
print_program (const JkTrainingProgram *program)
{
  g_autoptr (GString) line = g_string_new (NULL);
  double length = jk_training_program_length (program);

  g_string_append_printf (line, "%s — %s", program->program, program->provider);
  if (program->cip != NULL)
    g_string_append_printf (line, " (CIP %s)", program->cip);
  g_print ("%s\n", line->str);
  g_string_truncate (line, 0);
  if (!isnan (program->distance_miles))
    g_string_append_printf (line, _("%.1f miles"), program->distance_miles);
  else
    g_string_append (line, _("distance not known"));
  if (!isnan (program->weeks))
    {
      g_autofree char *weeks = g_strdup_printf (jk_ngettext ("%.0f week", "%.0f weeks", (gulong) program->weeks),
                                                program->weeks);
      g_string_append_printf (line, ", %s", weeks);
    }
  else if (!isnan (length))
    g_string_append_printf (line, _(", %.0f hours"), program->hours);
  if (program->cost_cents >= 0)
    {
      g_autofree char *cost = jk_format_count (program->cost_cents / 100);
      g_string_append_printf (line, ", $%s", cost);
    }
  if (program->credential != NULL)
    g_string_append_printf (line, ", %s", program->credential);
  if (program->mode != NULL)
    g_string_append_printf (line, ", %s", program->mode);
  if (program->city != NULL)
    g_string_append_printf (line, ", %s", program->city);
  g_print ("  %s\n", line->str);
}

/* ---------------------------------------------------------------------- */
/* Subcommands                                                            */

static int
training_import (JkCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GPtrArray) imports = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_training_import_free);
  g_autofree char *map = NULL;
  const GOptionEntry entries[] = {
    { "map", 0, 0, G_OPTION_ARG_FILENAME, &map, N_("A column map for a list whose headers differ"), N_("FILE") },
    { NULL },
  };
  gboolean ok;

  if (!jk_cli_begin ("training import", N_("FILE"),
                     _("Import the state's Eligible Training Provider List (CSV), or the CIP 2020 - SOC 2018 "
                       "crosswalk (CSV), told apart by their headers. A folder: every CSV file in it. The list "
                       "replaces the one the kiosk had; a file it cannot read is refused and the old list kept."),
                     entries, NULL, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 2)
    return jk_cli_usage (_("Usage: jobkioskctl training import FILE [--map FILE]\n"));
  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  ok = jk_training_import (store, argv[1], map != NULL ? map : cli->config->training_map, imports, &error);
  for (guint i = 0; i < imports->len; i++)
    {
      const JkTrainingImport *import = imports->pdata[i];
      g_autofree char *rows = jk_format_count (import->rows);

      if (import->kind == JK_TRAINING_FILE_ETPL)
        g_print (jk_ngettext ("%s: %s training program\n", "%s: %s training programs\n", (gulong) import->rows),
                 import->source, rows);
      else
        g_print (jk_ngettext ("%s: %s program-occupation pair (CIP-SOC crosswalk)\n",
                              "%s: %s program-occupation pairs (CIP-SOC crosswalk)\n", (gulong) import->rows),
                 import->source, rows);
      if (import->demo)
        g_print ("  %s\n", _("Demo data: these programs are made up."));
    }
  if (!ok)
    {
      jk_cli_fail ("training import", error);
      g_printerr ("%s\n", _("That file was not imported: the list the kiosk had, if any, stays."));
      return JK_CLI_EXIT_FAILED;
    }
  return JK_CLI_EXIT_OK;
}

static int
training_search (JkCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GPtrArray) programs = NULL;
  g_autofree char *soc_arg = NULL;
  g_autofree char *near = NULL;
  g_autofree char *soc = NULL;
  const char *place;
  gboolean json = FALSE;
  JkTrainingQuery query = { 0 };
  const GOptionEntry entries[] = {
    { "soc", 0, 0, G_OPTION_ARG_STRING, &soc_arg, N_("Programs for this occupation (29-2052)"), N_("SOC") },
    { "near", 0, 0, G_OPTION_ARG_STRING, &near, N_("Measure distances from this ZIP code (else the kiosk's place)"),
      N_("ZIP") },
    { NULL },
  };

  if (!jk_cli_begin ("training search", NULL,
                     _("List training programs, nearest first then shortest: all of them, or those leading to an "
                       "occupation through the CIP-SOC crosswalk."),
                     entries, &json, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 1)
    return jk_cli_usage (_("Usage: jobkioskctl training search [--soc SOC] [--near ZIP] [--json]\n"));
  if (soc_arg != NULL)
    {
      soc = jk_lmi_normalize_soc (soc_arg);
      if (soc == NULL)
        return jk_cli_usage (_("jobkioskctl training search: “%s” is not a SOC code (like 29-2052)\n"), soc_arg);
    }
  if (near != NULL && (strlen (near) != 5 || strspn (near, "0123456789") != 5))
    return jk_cli_usage (_("jobkioskctl training search: “%s” is not a ZIP code (five digits)\n"), near);
  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  /* The centroids as the kiosk reads them at start-up. */
  if (!jk_geo_ensure_centroids (store, cli->config->zip_centroids, &error))
    {
      g_printerr ("jobkioskctl training search: %s\n", error->message);
      g_clear_error (&error);
    }
  place = near != NULL ? near : cli->config->location;
  query.soc = soc;
  query.has_origin = place != NULL && jk_geo_locate (store, place, &query.latitude, &query.longitude);
  if (near != NULL && !query.has_origin)
    {
      g_printerr (_("jobkioskctl training search: the kiosk does not know where ZIP code %s is (jobkioskctl geo "
                    "import)\n"), near);
      return JK_CLI_EXIT_FAILED;
    }
  programs = jk_training_search (store, &query, &error);
  if (programs == NULL)
    return jk_cli_fail ("training search", error);
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < programs->len; i++)
        add_program (builder, programs->pdata[i]);
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      jk_cli_print_json (root);
      return JK_CLI_EXIT_OK;
    }
  if (programs->len == 0)
    g_print ("%s\n", _("No training programs found."));
  else if (jk_training_is_demo (store))
    g_print ("%s\n", _("Demo data: these programs are made up."));
  for (guint i = 0; i < programs->len; i++)
    print_program (programs->pdata[i]);
  return JK_CLI_EXIT_OK;
}

static const JkCliCommand subcommands[] = {
  { "import", training_import, N_("Import the training provider list or the CIP-SOC crosswalk (training import FILE "
                                  "[--map FILE])") },
  { "search", training_search, N_("List training programs (training search [--soc SOC] [--near ZIP] [--json])") },
};

/* ---------------------------------------------------------------------- */
/* The command group                                                      */

int
jk_cli_training (JkCli  *cli,
                 int     argc,
                 char  **argv)
{
  return jk_cli_run_group (cli, "training", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}
