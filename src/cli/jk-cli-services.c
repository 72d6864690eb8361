/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-services.c: jobkioskctl services import | search (the partner services directory) */

#define G_LOG_DOMAIN "jobkioskctl"

#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-geo.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-services.h>
#include <math.h>

#include "jk-cli.h"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
add_strings (JsonBuilder *builder,
             const char  *member,
             GStrv        values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

/* The contract's objects (issue 19): organization, service, description,
 * address, city, state, postal_code, phone, hours, open_now, languages,
 * categories, url; and more (week_hours: the usual week, a line a set of
 * days, or null). */
static void
add_service (JsonBuilder     *builder,
             const JkService *service)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, service->id);
  jk_cli_add_string (builder, "organization", service->organization);
  jk_cli_add_string (builder, "service", service->name);
  jk_cli_add_string (builder, "description", service->description);
  jk_cli_add_string (builder, "address", service->address);
  jk_cli_add_string (builder, "city", service->city);
  jk_cli_add_string (builder, "state", service->state);
  jk_cli_add_string (builder, "postal_code", service->postal_code);
  jk_cli_add_string (builder, "phone", service->phone);
  jk_cli_add_string (builder, "hours", service->hours);
  jk_cli_add_string (builder, "week_hours", service->week_hours);
  json_builder_set_member_name (builder, "open_now");
  if (service->open_now == JK_SERVICE_OPEN_UNKNOWN)
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder, service->open_now == JK_SERVICE_OPEN);
  add_strings (builder, "languages", service->languages);
  add_strings (builder, "categories", service->categories);
  jk_cli_add_string (builder, "url", service->url);
  jk_cli_add_string (builder, "email", service->email);
  jk_cli_add_string (builder, "eligibility", service->eligibility);
  jk_cli_add_string (builder, "fees", service->fees);
  json_builder_set_member_name (builder, "distance_miles");
  if (isnan (service->distance_miles))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, service->distance_miles);
  json_builder_end_object (builder);
}

static void
print_service (const JkService *service)
{
  g_print ("%s — %s\n", service->name, service->organization != NULL ? service->organization : "");
  if (service->address != NULL || service->city != NULL)
    g_print ("  %s%s%s\n", service->address != NULL ? service->address : "",
             service->address != NULL && service->city != NULL ? ", " : "",
             service->city != NULL ? service->city : "");
  if (service->phone != NULL)
    g_print ("  %s\n", service->phone);
  g_print ("  %s\n", service->hours);
}

/* ---------------------------------------------------------------------- */
/* Subcommands                                                            */

static int
services_import (JkCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (JkServicesImport) result = NULL;
  g_autofree char *count = NULL;

  if (!jk_cli_begin ("services import", N_("FILE-or-DIR"),
                     _("Import a partner services directory: Open Referral HSDS 3.0 or 2.0 tables (a folder with "
                       "a datapackage.json), or a plain CSV list. It replaces the directory the kiosk had; a file "
                       "it cannot read, or a directory far smaller than the last, is refused and the old one kept."),
                     NULL, NULL, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 2)
    return jk_cli_usage (_("Usage: jobkioskctl services import FILE-or-DIR\n"));
  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  result = jk_services_import_with_share (store, argv[1], g_get_real_time () / G_USEC_PER_SEC,
                                          cli->config->services_min_share / 100.0, &error);
  if (result == NULL)
    {
      jk_cli_fail ("services import", error);
      g_printerr ("%s\n", _("The directory was not imported: the one the kiosk had, if any, stays."));
      return JK_CLI_EXIT_FAILED;
    }
  count = jk_format_count (result->services);
  g_print (jk_ngettext ("%s: %s service (%s)\n", "%s: %s services (%s)\n", (gulong) result->services),
           result->source, count, result->format);
  return JK_CLI_EXIT_OK;
}

static int
services_search (JkCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *category = NULL;
  gboolean json = FALSE;
  double latitude = NAN, longitude = NAN;
  const GOptionEntry entries[] = {
    { "category", 0, 0, G_OPTION_ARG_STRING, &category,
      N_("Only this category: childcare, transportation, food, housing, health, education, disability, legal, "
         "money"), N_("KEY") },
    { NULL },
  };

  if (!jk_cli_begin ("services search", N_("[TEXT]"),
                     _("List partner services matching words in English or Spanish, nearest the kiosk first, with "
                       "their hours now."),
                     entries, &json, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc > 2)
    return jk_cli_usage (_("Usage: jobkioskctl services search [TEXT] [--category KEY] [--json]\n"));
  if (category != NULL && !jk_services_is_category (category))
    return jk_cli_usage (_("jobkioskctl services search: “%s” is not a category (childcare, transportation, food, "
                           "housing, health, education, disability, legal, money)\n"), category);
  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  if (!jk_geo_ensure_centroids (store, cli->config->zip_centroids, &error))
    g_clear_error (&error);
  if (cli->config->location != NULL)
    jk_geo_locate (store, cli->config->location, &latitude, &longitude);
  now = g_date_time_new_now_local ();
  found = jk_services_search_near (store, argc == 2 ? argv[1] : NULL, category, latitude, longitude, now, 0, &error);
  if (found == NULL)
    return jk_cli_fail ("services search", error);
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < found->len; i++)
        add_service (builder, found->pdata[i]);
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      jk_cli_print_json (root);
      return JK_CLI_EXIT_OK;
    }
  if (found->len == 0)
    g_print ("%s\n", _("No services found."));
  for (guint i = 0; i < found->len; i++)
    print_service (found->pdata[i]);
  return JK_CLI_EXIT_OK;
}

static const JkCliCommand subcommands[] = {
  { "import", services_import, N_("Import the partner services directory (services import FILE-or-DIR)") },
  { "search", services_search, N_("List partner services (services search [TEXT] [--category KEY] [--json])") },
};

/* ---------------------------------------------------------------------- */
/* The command group                                                      */

int
jk_cli_services (JkCli  *cli,
                 int     argc,
                 char  **argv)
{
  return jk_cli_run_group (cli, "services", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}
