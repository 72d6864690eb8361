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
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *data = NULL;
  JkPrintOptions options;
  JkPrintResult result = { 0 };
  gsize len = 0;
  gboolean ok;

  if (!jk_cli_begin ("print", N_("FILE.pdf"),
                     _("Print a PDF on the kiosk's printer, with the kiosk's page limits.\n"
                       "Other forms: print jobs [--json], print release|cancel|reprint JOB."),
                     entries, NULL, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 2)
    return jk_cli_usage (_("jobkioskctl print: give one PDF file (see --help)\n"));
  if (copies < 1 || copies > MAX_COPIES)
    return jk_cli_usage (_("jobkioskctl print: --copies must be from 1 to %d\n"), MAX_COPIES);
  if (!g_file_get_contents (argv[1], &data, &len, &error))
    return jk_cli_fail ("print", error);
  if (len > MAX_PDF_BYTES)
    {
      g_printerr (_("jobkioskctl print: %s is too large to print from the kiosk\n"), argv[1]);
      return JK_CLI_EXIT_FAILED;
    }
  pdf = g_bytes_new_take (g_steal_pointer (&data), len);

  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  jk_print_options_init (&options, cli->config, cli->db_path);
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
  jk_print_result_clear (&result);
  jk_print_options_clear (&options);
  return ok ? JK_CLI_EXIT_OK : jk_cli_fail ("print", error);
}

static int
print_jobs (JkCli  *cli,
            int     argc,
            char  **argv)
{
  gboolean json = FALSE;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GPtrArray) jobs = NULL;
  JkPrintOptions options;

  if (!jk_cli_begin ("print jobs", NULL, _("List today's print jobs and any held ones, newest first."), NULL,
                     &json, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 1)
    return jk_cli_usage (_("jobkioskctl print jobs: unexpected argument “%s”\n"), argv[1]);

  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  jk_print_options_init (&options, cli->config, cli->db_path);
  jobs = jk_print_list_jobs (store, &options, &error);
  jk_print_options_clear (&options);
  if (jobs == NULL)
    return jk_cli_fail (NULL, error);

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
  g_autofree char *command = g_strdup_printf ("print %s", action);
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  JkPrintOptions options;
  JkPrintResult result = { 0 };
  guint64 id;
  gboolean ok;

  if (!jk_cli_begin (command, N_("JOB"), _("JOB is a print job number from “jobkioskctl print jobs”."), NULL, NULL,
                     &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 2 || !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    return jk_cli_usage (_("jobkioskctl %s: give one print job number (from print jobs)\n"), command);

  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  jk_print_options_init (&options, cli->config, cli->db_path);

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
  return ok ? JK_CLI_EXIT_OK : jk_cli_fail (command, error);
}

static int
printer_status (JkCli  *cli,
                int     argc,
                char  **argv)
{
  gboolean json = FALSE;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  JkPrintOptions options;
  JkPrinterStatus status = { 0 };
  gboolean ok, found;

  if (!jk_cli_begin ("printer status", NULL, _("Show whether the kiosk's printer can print now, and why not."),
                     NULL, &json, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 1)
    return jk_cli_usage (_("jobkioskctl printer status: unexpected argument “%s”\n"), argv[1]);

  jk_print_options_init (&options, cli->config, cli->db_path);
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
  return jk_cli_usage (_("Usage: jobkioskctl printer status [--json]\n"));
}
