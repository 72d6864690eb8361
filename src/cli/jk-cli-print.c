/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-print.c: jobkioskctl print FILE | jobs | release | cancel | reprint, and printer status */

#define G_LOG_DOMAIN "jobkioskctl"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-print.h>
#include <string.h>

#include "jk-cli.h"

#define MAX_COPIES     99
#define MAX_PDF_BYTES  (64 * 1024 * 1024)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* A [print] number: the default when absent, or (with a note) when invalid. */
static char *
get_db_path (JkCli *cli)
{
  return cli->db_file != NULL ? g_strdup (cli->db_file) : jk_config_get_database_path (cli->config);
}

static const char *
describe_outcome (JkPrintOutcome outcome)
{
  switch (outcome)
    {
    case JK_PRINT_OUTCOME_PRINTED:
      return "printed";
    case JK_PRINT_OUTCOME_HELD:
      return "held";
    case JK_PRINT_OUTCOME_WAITING:
    default:
      return "waiting";
    }
}

static void
print_result (const JkPrintResult *result)
{
  g_print ("%s\n", result->message);
  /* TRANSLATORS: print history row number, CUPS job number, outcome keyword */
  g_print (_("Print job %lld (CUPS job %d): %s\n"), (long long) result->id, result->cups_job_id,
           describe_outcome (result->outcome));
}

/* ---------------------------------------------------------------------- */
/* Commands                                                               */

static int
print_file (JkCli  *cli,
            int     argc,
            char  **argv)
{
  g_autofree char *printer = NULL;
  gboolean hold = FALSE;
  int copies = 1;
  const GOptionEntry entries[] = {
    { "printer", 0, 0, G_OPTION_ARG_STRING, &printer, N_("Print on this CUPS queue instead of the configured one"),
      N_("NAME") },
    { "hold", 0, 0, G_OPTION_ARG_NONE, &hold, N_("Hold the job until staff release it"), NULL },
    { "copies", 0, 0, G_OPTION_ARG_INT, &copies, N_("Number of copies (default 1)"), N_("N") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (N_("FILE.pdf"));
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *data = NULL;
  JkPrintOptions options;
  JkPrintResult result = { 0 };
  gsize len = 0;
  gboolean ok;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Print a PDF on the kiosk's printer, with the kiosk's page limits.\n"
                                           "Other forms: print jobs [--json], print release|cancel|reprint JOB."));
  if (!jk_cli_parse (context, "print", &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 2)
    {
      g_printerr (_("jobkioskctl print: give one PDF file (see --help)\n"));
      return JK_CLI_EXIT_USAGE;
    }
  if (copies < 1 || copies > MAX_COPIES)
    {
      g_printerr (_("jobkioskctl print: --copies must be from 1 to %d\n"), MAX_COPIES);
      return JK_CLI_EXIT_USAGE;
    }
  if (!g_file_get_contents (argv[1], &data, &len, &error))
    {
      g_printerr ("jobkioskctl print: %s\n", error->message);
      return JK_CLI_EXIT_FAILED;
    }
  if (len > MAX_PDF_BYTES)
    {
      g_printerr (_("jobkioskctl print: %s is too large to print from the kiosk\n"), argv[1]);
      return JK_CLI_EXIT_FAILED;
    }
  pdf = g_bytes_new_take (g_steal_pointer (&data), len);

  store = jk_cli_open_store (cli, &error);
  if (store == NULL)
    {
      g_printerr ("jobkioskctl: %s\n", error->message);
      return JK_CLI_EXIT_FAILED;
    }
  db_path = get_db_path (cli);
  jk_print_options_init (&options, cli->config, db_path);
  if (printer != NULL)
    {
      g_free (options.printer);
      options.printer = g_steal_pointer (&printer);
    }
  if (hold)
    options.hold_for_release = TRUE;

  now = g_date_time_new_now_local ();
  ok = jk_print_pdf (store, &options, pdf, "document", (guint) copies, 0, now, &result, NULL, &error);
  if (ok)
    print_result (&result);
  else
    g_printerr ("jobkioskctl print: %s\n", error->message);
  jk_print_result_clear (&result);
  jk_print_options_clear (&options);
  return ok ? JK_CLI_EXIT_OK : JK_CLI_EXIT_FAILED;
}

static int
print_jobs (JkCli  *cli,
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
  g_autoptr (GPtrArray) jobs = NULL;
  g_autofree char *db_path = NULL;
  JkPrintOptions options;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("List today's print jobs and any held ones, newest first."));
  if (!jk_cli_parse (context, "print jobs", &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 1)
    {
      g_printerr (_("jobkioskctl print jobs: unexpected argument “%s”\n"), argv[1]);
      return JK_CLI_EXIT_USAGE;
    }

  store = jk_cli_open_store (cli, &error);
  if (store == NULL)
    {
      g_printerr ("jobkioskctl: %s\n", error->message);
      return JK_CLI_EXIT_FAILED;
    }
  db_path = get_db_path (cli);
  jk_print_options_init (&options, cli->config, db_path);
  jobs = jk_print_list_jobs (store, &options, &error);
  jk_print_options_clear (&options);
  if (jobs == NULL)
    {
      g_printerr ("jobkioskctl: %s\n", error->message);
      return JK_CLI_EXIT_FAILED;
    }

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < jobs->len; i++)
        {
          const JkPrintJobInfo *info = jobs->pdata[i];
          g_autofree char *submitted = jk_cli_format_time (info->submitted);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, info->id);
          json_builder_set_member_name (builder, "cups_job_id");
          if (info->cups_job_id > 0)
            json_builder_add_int_value (builder, info->cups_job_id);
          else
            json_builder_add_null_value (builder);
          jk_cli_add_string (builder, "kind", info->kind);
          json_builder_set_member_name (builder, "pages");
          json_builder_add_int_value (builder, info->pages);
          json_builder_set_member_name (builder, "copies");
          json_builder_add_int_value (builder, info->copies);
          jk_cli_add_string (builder, "submitted", submitted);
          jk_cli_add_string (builder, "state", jk_print_job_state_to_string (info->state));
          jk_cli_add_string (builder, "message", info->message);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      jk_cli_print_json (root);
      return JK_CLI_EXIT_OK;
    }

  for (guint i = 0; i < jobs->len; i++)
    {
      const JkPrintJobInfo *info = jobs->pdata[i];
      g_autofree char *submitted = jk_cli_format_time (info->submitted);

      g_print ("%" G_GINT64_FORMAT "\t%d\t%s\t%s\t%u×%u\t%s\t%s\n", info->id, info->cups_job_id, submitted != NULL ? submitted : "",
               jk_print_job_state_to_string (info->state), info->pages, info->copies, info->kind,
               info->message != NULL ? info->message : "");
    }
  if (jobs->len == 0)
    g_print (_("No print jobs today.\n"));
  return JK_CLI_EXIT_OK;
}

/* print release|cancel|reprint JOB */
static int
print_staff (JkCli      *cli,
             const char *action,
             int         argc,
             char      **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (N_("JOB"));
  g_autofree char *command = g_strdup_printf ("print %s", action);
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autofree char *db_path = NULL;
  JkPrintOptions options;
  JkPrintResult result = { 0 };
  guint64 id;
  gboolean ok;

  g_option_context_set_summary (context, _("JOB is a print job number from “jobkioskctl print jobs”."));
  if (!jk_cli_parse (context, command, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 2 || !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    {
      g_printerr (_("jobkioskctl %s: give one print job number (from print jobs)\n"), command);
      return JK_CLI_EXIT_USAGE;
    }

  store = jk_cli_open_store (cli, &error);
  if (store == NULL)
    {
      g_printerr ("jobkioskctl: %s\n", error->message);
      return JK_CLI_EXIT_FAILED;
    }
  db_path = get_db_path (cli);
  jk_print_options_init (&options, cli->config, db_path);

  if (g_str_equal (action, "release"))
    {
      ok = jk_print_release (store, &options, (gint64) id, &error);
      if (ok)
        g_print (_("Print job %lld was sent to the printer.\n"), (long long) id);
    }
  else if (g_str_equal (action, "cancel"))
    {
      ok = jk_print_cancel (store, &options, (gint64) id, &error);
      if (ok)
        g_print (_("Print job %lld was canceled. Its pages were not counted.\n"), (long long) id);
    }
  else
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();

      ok = jk_print_reprint (store, &options, (gint64) id, now, &result, &error);
      if (ok)
        print_result (&result);
      jk_print_result_clear (&result);
    }
  jk_print_options_clear (&options);
  if (!ok)
    {
      g_printerr ("jobkioskctl %s: %s\n", command, error->message);
      return JK_CLI_EXIT_FAILED;
    }
  return JK_CLI_EXIT_OK;
}

static int
printer_status (JkCli  *cli,
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
  g_autofree char *db_path = NULL;
  g_autofree char *name = NULL;
  JkPrintOptions options;
  JkPrinterStatus status = { 0 };
  gboolean ok, found;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Show whether the kiosk's printer can print now, and why not."));
  if (!jk_cli_parse (context, "printer status", &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 1)
    {
      g_printerr (_("jobkioskctl printer status: unexpected argument “%s”\n"), argv[1]);
      return JK_CLI_EXIT_USAGE;
    }

  db_path = get_db_path (cli);
  jk_print_options_init (&options, cli->config, db_path);
  ok = jk_printer_get_status (&options, &status, &error);
  name = g_strdup (status.found ? status.name : options.printer);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_object (builder);
      jk_cli_add_string (builder, "printer", name);
      json_builder_set_member_name (builder, "found");
      json_builder_add_boolean_value (builder, status.found);
      jk_cli_add_string (builder, "state", status.found ? jk_printer_state_to_string (status.state) : NULL);
      json_builder_set_member_name (builder, "state_code");
      json_builder_add_int_value (builder, status.state);
      json_builder_set_member_name (builder, "accepting");
      json_builder_add_boolean_value (builder, status.accepting);
      json_builder_set_member_name (builder, "out_of_service");
      json_builder_add_boolean_value (builder, status.out_of_service);
      json_builder_set_member_name (builder, "reasons");
      json_builder_begin_array (builder);
      for (guint i = 0; status.reasons != NULL && status.reasons[i] != NULL; i++)
        json_builder_add_string_value (builder, status.reasons[i]);
      json_builder_end_array (builder);
      jk_cli_add_string (builder, "message", status.message);
      jk_cli_add_string (builder, "printer_message", status.printer_message);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      jk_cli_print_json (root);
    }
  else
    {
      g_autofree char *reasons = status.reasons != NULL ? g_strjoinv (", ", status.reasons) : g_strdup ("");

      g_print (_("Printer: %s\n"), name != NULL ? name : _("the CUPS default"));
      if (status.found)
        {
          g_print (_("State: %s, %s\n"), jk_printer_state_to_string (status.state),
                   status.accepting ? _("accepting jobs") : _("not accepting jobs"));
          g_print (_("Can print now: %s\n"), status.out_of_service ? _("no") : _("yes"));
          if (reasons[0] != '\0')
            g_print (_("Reasons: %s\n"), reasons);
          if (status.printer_message != NULL && status.printer_message[0] != '\0')
            g_print (_("The printer says: %s\n"), status.printer_message);
        }
      g_print ("%s\n", status.message != NULL ? status.message : "");
    }
  found = status.found;
  jk_printer_status_clear (&status);
  jk_print_options_clear (&options);
  /* 0 when the printer was read (even out of service), 1 when there is none or CUPS is down. */
  return ok && found ? JK_CLI_EXIT_OK : JK_CLI_EXIT_FAILED;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

int
jk_cli_print (JkCli  *cli,
              int     argc,
              char  **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "jobs"))
    return print_jobs (cli, argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "release") || g_str_equal (argv[1], "cancel") ||
                    g_str_equal (argv[1], "reprint")))
    return print_staff (cli, argv[1], argc - 1, argv + 1);
  return print_file (cli, argc, argv);
}

int
jk_cli_printer (JkCli  *cli,
                int     argc,
                char  **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "status"))
    return printer_status (cli, argc - 1, argv + 1);
  g_printerr (_("Usage: jobkioskctl printer status [--json]\n"));
  return JK_CLI_EXIT_USAGE;
}
