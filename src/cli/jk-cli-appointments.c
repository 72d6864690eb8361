/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-appointments.c: jobkioskctl appointments sync and appointments import FILE */

#define G_LOG_DOMAIN "jobkioskctl"

#include <jobkiosk/jk-appointments.h>
#include <jobkiosk/jk-i18n.h>
#include <stdio.h>

#include "jk-cli.h"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
add_report_json (JsonBuilder                *builder,
                 const JkAppointmentsReport *report)
{
  json_builder_begin_object (builder);
  jk_cli_add_string (builder, "source", report->source);
  json_builder_set_member_name (builder, "events");
  json_builder_add_int_value (builder, report->events);
  json_builder_set_member_name (builder, "kept");
  json_builder_add_int_value (builder, report->kept);
  json_builder_set_member_name (builder, "cancelled");
  json_builder_add_int_value (builder, report->cancelled);
  json_builder_set_member_name (builder, "skipped");
  json_builder_add_int_value (builder, report->skipped);
  json_builder_set_member_name (builder, "unchanged");
  json_builder_add_boolean_value (builder, report->unchanged);
  jk_cli_add_string (builder, "error", report->error);
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; report->problems != NULL && i < report->problems->len; i++)
    json_builder_add_string_value (builder, report->problems->pdata[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
print_report (const JkAppointmentsReport *report)
{
  if (report->error != NULL)
    /* TRANSLATORS: a calendar that could not be fetched or read: its URL, then why */
    g_print (_("%s: refused, the previous appointments stay: %s\n"), report->source, report->error);
  else if (report->unchanged)
    /* TRANSLATORS: a calendar whose server said it had not changed */
    g_print (_("%s: unchanged\n"), report->source);
  else
    /* TRANSLATORS: what an import read: the calendar, then counts */
    g_print (_("%s: %u events read, %u appointments kept, %u cancelled, %u skipped\n"), report->source,
             report->events, report->kept, report->cancelled, report->skipped);
  for (guint i = 0; report->problems != NULL && i < report->problems->len; i++)
    g_print ("  %s\n", (const char *) report->problems->pdata[i]);
}

/* now for --day: that day's noon, local; else the real time. */
static gboolean
parse_day (const char *day,
           gint64     *now)
{
  g_autoptr (GDateTime) noon = NULL;
  int year, month, dom;
  char end;

  if (day == NULL)
    {
      *now = g_get_real_time () / G_USEC_PER_SEC;
      return TRUE;
    }
  if (sscanf (day, "%4d-%2d-%2d%c", &year, &month, &dom, &end) != 3 ||
      !g_date_valid_dmy ((GDateDay) dom, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  noon = g_date_time_new_local (year, month, dom, 12, 0, 0);
  if (noon == NULL)
    return FALSE;
  *now = g_date_time_to_unix (noon);
  return TRUE;
}

static int
appointments_import (JkCli  *cli,
                     int     argc,
                     char  **argv)
{
  gboolean json = FALSE;
  g_autofree char *day = NULL;
  int days_ahead = 0;
  const GOptionEntry entries[] = {
    { "day", 0, 0, G_OPTION_ARG_STRING, &day, N_("Keep the appointments of this day (default: today)"),
      N_("YYYY-MM-DD") },
    { "days-ahead", 0, 0, G_OPTION_ARG_INT, &days_ahead, N_("Keep this many following days too"), N_("N") },
    { NULL }
  };
  g_autoptr (JkStore) store = NULL;
  g_autoptr (JkAppointmentsReport) report = NULL;
  g_autoptr (GError) error = NULL;
  gint64 now;

  if (!jk_cli_begin ("appointments import", N_("FILE"),
                     _("Read appointments from an iCalendar file, replacing that file's earlier ones"), entries, &json,
                     &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 2)
    return jk_cli_usage (_("Usage: jobkioskctl appointments import FILE [--day YYYY-MM-DD] [--json]\n"));
  if (!parse_day (day, &now))
    return jk_cli_usage (_("--day takes a date as YYYY-MM-DD\n"));
  if (days_ahead < 0 || days_ahead > 31)
    return jk_cli_usage (_("--days-ahead takes 0 to 31\n"));
  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  if (!jk_appointments_import_file (cli->config, cli->db_path, argv[1], now, (guint) days_ahead, &report, &error))
    {
      if (json)
        {
          g_autoptr (JsonBuilder) builder = json_builder_new ();
          g_autoptr (JsonNode) root = NULL;
          g_autofree char *name = g_path_get_basename (argv[1]);

          json_builder_begin_object (builder);
          jk_cli_add_string (builder, "source", name);
          jk_cli_add_string (builder, "error", error->message);
          json_builder_end_object (builder);
          root = json_builder_get_root (builder);
          jk_cli_print_json (root);
        }
      return jk_cli_fail ("appointments import", error);
    }
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      add_report_json (builder, report);
      root = json_builder_get_root (builder);
      jk_cli_print_json (root);
    }
  else
    print_report (report);
  return JK_CLI_EXIT_OK;
}

static int
appointments_sync (JkCli  *cli,
                   int     argc,
                   char  **argv)
{
  gboolean json = FALSE;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (GError) error = NULL;
  gboolean refused = FALSE;

  if (!jk_cli_begin ("appointments sync", NULL, _("Fetch the [checkin] calendars and keep today's appointments"),
                     NULL, &json, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 1)
    return jk_cli_usage (_("Usage: jobkioskctl appointments sync [--json]\n"));
  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  if (cli->config->checkin_calendars == NULL)
    {
      g_autoptr (GError) none = g_error_new_literal (JK_APPOINTMENTS_ERROR, JK_APPOINTMENTS_ERROR_FETCH,
                                                     _("No [checkin] calendars are configured"));
      return jk_cli_fail ("appointments sync", none);
    }
  reports = jk_appointments_sync (cli->config, cli->db_path, g_get_real_time () / G_USEC_PER_SEC, &error);
  if (reports == NULL)
    return jk_cli_fail ("appointments sync", error);
  for (guint i = 0; i < reports->len; i++)
    refused |= ((JkAppointmentsReport *) reports->pdata[i])->error != NULL;
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < reports->len; i++)
        add_report_json (builder, reports->pdata[i]);
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      jk_cli_print_json (root);
    }
  else
    for (guint i = 0; i < reports->len; i++)
      print_report (reports->pdata[i]);
  return refused ? JK_CLI_EXIT_FAILED : JK_CLI_EXIT_OK;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

int
jk_cli_appointments (JkCli  *cli,
                     int     argc,
                     char  **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "sync"))
    return appointments_sync (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "import"))
    return appointments_import (cli, argc - 1, argv + 1);
  return jk_cli_usage (_("Usage: jobkioskctl appointments sync [--json], or appointments import FILE [--json]\n"));
}
