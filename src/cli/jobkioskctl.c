/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jobkioskctl.c: the admin and test command line; every core capability is reachable here */

#define G_LOG_DOMAIN "jobkioskctl"

#include "jk-build-config.h"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-log.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "jk-cli.h"
#include "jk-uninstalled.h"

static const JkCliCommand commands[] = {
  { "status", jk_cli_status, N_("Show the kiosk's database, configuration and health") },
  { "sync", jk_cli_sync, N_("Update the job listings from the feeds") },
  { "geo", jk_cli_geo, N_("Import ZIP code centroids (geo import FILE) for distances") },
  { "print", jk_cli_print, N_("Print a PDF (print FILE), list print jobs (print jobs), or release, cancel or reprint one") },
  { "printer", jk_cli_printer, N_("Show the printer's state (printer status)") },
  { "jobs", jk_cli_jobs, N_("Search job listings (jobs search) or show one (jobs show ID)") },
  { "speak", jk_cli_speak, N_("Say a line through the kiosk's voice (speak TEXT [--lang en|es])") },
  { "lmi", jk_cli_lmi, N_("Labor market information: import files (lmi import PATH…), search, show") },
  { "appointments", jk_cli_appointments, N_("Keep today's appointments: from the [checkin] calendars (appointments sync) or a file (appointments import FILE)") },
  { "outbox", jk_cli_outbox, N_("What waits to be sent: list (outbox, outbox status), send mail (outbox send), "
                              "deliver all that is due (outbox flush)") },
  { "checkin", jk_cli_checkin, N_("Check in for today's appointment (checkin --code CODE | --last-name NAME --dob DATE)") },
  { "walkin", jk_cli_walkin, N_("Join today's queue without an appointment (walkin --reason KEY)") },
  { "arrivals", jk_cli_arrivals, N_("List today's arrivals for staff (arrivals [--date YYYY-MM-DD])") },
  { "staff", jk_cli_staff, N_("Staff accounts for staff mode (staff add NAME, staff remove NAME, staff list)") },
  { "audit", jk_cli_audit, N_("Who did what in staff mode and with jobkioskctl (audit [--since YYYY-MM-DD])") },
  { "config", jk_cli_config, N_("Check the configuration: every value and where it came from (config check)") },
  { "metrics", jk_cli_metrics, N_("Print the kiosk's health for Prometheus, or write it to a file (metrics --output FILE)") },
  { "usage", jk_cli_usage_counts, N_("Usage counts by day and hour (usage [--from DAY] [--to DAY] [--json|--csv]), "
                                    "the daily report (usage report [--day DAY])") },
  { "training", jk_cli_training, N_("Training programs: import the provider list or the CIP-SOC crosswalk (training import FILE), search") },
  { "services", jk_cli_services, N_("Partner services: import the directory (services import FILE-or-DIR), search") },
  { "referrals", jk_cli_referrals, N_("Referrals to partners and whether each was delivered (referrals [--json])") },
  { "orientation", jk_cli_orientation, N_("The center's orientation pages: list them, check they read at grade 8 or below "
                                        "(orientation check [FOLDER])") },
  { "interests", jk_cli_interests, N_("The interest quiz: its cards (interests cards) and what answers fit (interests score ANSWERS)") },
  { "resume", jk_cli_resume, N_("Check, render and keep resumes (resume validate, render, purge, export-saved, import-saved)") },
};

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: jobkioskctl [--config FILE] [--db FILE] [--verbose] COMMAND [OPTIONS…]"));
  fprintf (stream, "%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “jobkioskctl COMMAND --help” for a command's options."));
}

/* ---------------------------------------------------------------------- */
/* Shared by the commands                                                 */

gboolean
jk_cli_begin (const char          *command,
              const char          *parameter,
              const char          *summary,
              const GOptionEntry  *entries,
              gboolean            *json,
              int                 *argc,
              char              ***argv)
{
  const GOptionEntry json_entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, json, N_("Print JSON for scripts"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (parameter);
  g_autoptr (GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("jobkioskctl %s", command);

  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (json != NULL)
    g_option_context_add_main_entries (context, json_entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_set_prgname (prgname);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("jobkioskctl %s: %s\n", command, error->message);
      return FALSE;
    }
  return TRUE;
}

JkStore *
jk_cli_open_store (JkCli *cli)
{
  g_autoptr (GError) error = NULL;
  JkStore *store = jk_store_open (cli->db_path, &error);

  if (store == NULL)
    jk_cli_fail (NULL, error);
  return store;
}

int
jk_cli_fail (const char   *command,
             const GError *error)
{
  if (command != NULL)
    g_printerr ("jobkioskctl %s: %s\n", command, error->message);
  else
    g_printerr ("jobkioskctl: %s\n", error->message);
  return JK_CLI_EXIT_FAILED;
}

int
jk_cli_usage (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("%s", message);
  return JK_CLI_EXIT_USAGE;
}

int
jk_cli_run_group (JkCli              *cli,
                  const char         *group,
                  const JkCliCommand *subcommands,
                  gsize               n_subcommands,
                  int                 argc,
                  char              **argv)
{
  g_autofree char *usage = NULL;

  if (argc >= 2)
    for (gsize i = 0; i < n_subcommands; i++)
      if (g_str_equal (argv[1], subcommands[i].name))
        return subcommands[i].run (cli, argc - 1, argv + 1);

  /* TRANSLATORS: %s is a command group of jobkioskctl: "lmi", "training" */
  usage = g_strdup_printf (_("Usage: jobkioskctl %s COMMAND"), group);
  g_printerr ("%s\n", usage);
  for (gsize i = 0; i < n_subcommands; i++)
    g_printerr ("  %-8s %s\n", subcommands[i].name, _(subcommands[i].summary));
  return JK_CLI_EXIT_USAGE;
}

void
jk_cli_print_json (JsonNode *node)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

char *
jk_cli_format_time (gint64 unix_time)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (unix_time == 0)
    return NULL;
  utc = g_date_time_new_from_unix_utc (unix_time);
  local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  return local != NULL ? g_date_time_format_iso8601 (local) : NULL;
}

void
jk_cli_add_string (JsonBuilder *builder,
                   const char  *member,
                   const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* ---------------------------------------------------------------------- */
/* main                                                                   */

int
main (int   argc,
      char *argv[])
{
  JkCli cli = { 0 };
  g_autofree char *config_file = NULL;
  g_autofree char *db_file = NULL;
  g_autofree char *db_path = NULL;
  gboolean verbose = FALSE, version = FALSE;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkConfig) config = NULL;
  int first_command_arg = 1;

  jk_uninstalled_setup ();
  jk_i18n_init ();

  /* Global options stand before the command; the command parses the rest. */
  while (first_command_arg < argc && argv[first_command_arg][0] == '-')
    {
      const char *arg = argv[first_command_arg];
      const char *value = NULL;

      if (g_str_equal (arg, "--version"))
        version = TRUE;
      else if (g_str_equal (arg, "--verbose") || g_str_equal (arg, "-v"))
        verbose = TRUE;
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_usage (stdout);
          return JK_CLI_EXIT_OK;
        }
      else if (g_str_equal (arg, "--config") || g_str_equal (arg, "--db"))
        {
          if (first_command_arg + 1 >= argc)
            {
              g_printerr (_("jobkioskctl: %s needs a file name\n"), arg);
              return JK_CLI_EXIT_USAGE;
            }
          value = argv[++first_command_arg];
        }
      else if (g_str_has_prefix (arg, "--config="))
        value = arg + strlen ("--config=");
      else if (g_str_has_prefix (arg, "--db="))
        value = arg + strlen ("--db=");
      else
        {
          g_printerr (_("jobkioskctl: unknown option %s\n"), arg);
          print_usage (stderr);
          return JK_CLI_EXIT_USAGE;
        }

      if (value != NULL && g_str_has_prefix (arg, "--config"))
        {
          g_free (config_file);
          config_file = g_strdup (value);
        }
      else if (value != NULL)
        {
          g_free (db_file);
          db_file = g_strdup (value);
        }
      first_command_arg++;
    }

  if (version)
    {
      g_print ("jobkioskctl %s\n", PACKAGE_VERSION);
      return JK_CLI_EXIT_OK;
    }
  if (first_command_arg >= argc)
    {
      print_usage (stderr);
      return JK_CLI_EXIT_USAGE;
    }
  jk_log_init (verbose);

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (!g_str_equal (commands[i].name, argv[first_command_arg]))
        continue;

      config = jk_config_load (config_file, &error);
      if (config == NULL)
        {
          /* Only a file named by --config stops a command; say so. */
          g_printerr (_("jobkioskctl: %s\nNothing was done: the file given with --config must be readable.\n"),
                      error->message);
          return JK_CLI_EXIT_FAILED;
        }
      jk_config_override_database (config, db_file);
      db_path = jk_config_get_database_path (config);
      cli.config_file = config_file;
      cli.config = config;
      cli.db_path = db_path;
      return commands[i].run (&cli, argc - first_command_arg, argv + first_command_arg);
    }

  g_printerr (_("jobkioskctl: unknown command “%s”\n"), argv[first_command_arg]);
  print_usage (stderr);
  return JK_CLI_EXIT_USAGE;
}
