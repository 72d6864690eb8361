/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-usage.c: jobkioskctl usage (counts by day, with small hours left out) and usage report */

#define G_LOG_DOMAIN "jobkioskctl"

#include <stdio.h>
#include <string.h>

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-usage.h>

#include "jk-cli.h"

/* What `usage` shows without --from: this many days to today. */
#define DEFAULT_DAYS 7

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Today plus days (negative: before), local. */
static char *
local_day (int days)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static char *
day_before (const char *day,
            int         days)
{
  int y, m, d;
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) then = NULL;

  sscanf (day, "%d-%d-%d", &y, &m, &d);
  start = g_date_time_new_local (y, m, d, 12, 0, 0);
  then = g_date_time_add_days (start, -days);
  return g_date_time_format (then, "%Y-%m-%d");
}

static void
print_json (GPtrArray *rows)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GPtrArray) totals = jk_usage_day_totals (rows);

  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      const JkUsageRow *row = rows->pdata[i];

      if (!jk_usage_row_shown (row))
        continue;
      json_builder_begin_object (builder);
      jk_cli_add_string (builder, "day", row->day);
      json_builder_set_member_name (builder, "hour");
      json_builder_add_int_value (builder, row->hour);
      jk_cli_add_string (builder, "counter", row->what);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, row->count);
      json_builder_end_object (builder);
    }
  /* A day's total: hour null, exact, and left out where it would tell a
   * small hour (as in the CSV). */
  for (guint i = 0; i < totals->len; i++)
    {
      const JkUsageTotal *total = totals->pdata[i];

      if (total->withheld)
        continue;
      json_builder_begin_object (builder);
      jk_cli_add_string (builder, "day", total->day);
      json_builder_set_member_name (builder, "hour");
      json_builder_add_null_value (builder);
      jk_cli_add_string (builder, "counter", total->what);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, total->count);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  jk_cli_print_json (root);
}

static void
print_table (GPtrArray *rows)
{
  g_autoptr (GPtrArray) totals = jk_usage_day_totals (rows);
  const char *day = NULL;
  gboolean any_withheld = FALSE;

  if (totals->len == 0)
    {
      g_print ("%s\n", _("Nothing was counted on these days."));
      return;
    }
  for (guint i = 0; i < totals->len; i++)
    {
      const JkUsageTotal *total = totals->pdata[i];
      const char *label = jk_usage_counter_label (total->what);

      if (day == NULL || strcmp (day, total->day) != 0)
        {
          day = total->day;
          g_print ("%s\n", day);
        }
      if (total->withheld)
        {
          any_withheld = TRUE;
          g_print ("  %-32s %8s\n", label != NULL ? _(label) : total->what, "-");
        }
      else
        g_print ("  %-32s %8" G_GINT64_FORMAT "\n", label != NULL ? _(label) : total->what, total->count);
    }
  if (any_withheld)
    {
      g_print ("\n");
      /* TRANSLATORS: %d is the smallest count shown (5) */
      g_print (_("-: not shown, as it could point at one person (hours under %d are never shown).\n"),
               JK_USAGE_MIN_SHOWN);
    }
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

static int
usage_report (JkCli  *cli,
              int     argc,
              char  **argv)
{
  g_autofree char *day = NULL;
  GOptionEntry entries[] = {
    { "day", 0, 0, G_OPTION_ARG_STRING, &day, N_("The day to report (yesterday without it)"), N_("YYYY-MM-DD") },
    { NULL },
  };
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GError) error = NULL;
  const JkConfig *config = cli->config;
  gboolean to_endpoint = config->usage_endpoint != NULL && config->usage_endpoint[0] != '\0';
  gboolean to_dir = config->usage_report_dir != NULL && config->usage_report_dir[0] != '\0';

  if (!jk_cli_begin ("usage report", NULL, _("Send the day's usage summary and write it as CSV, as [usage] says"),
                     entries, NULL, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 1)
    return jk_cli_usage (_("Usage: jobkioskctl usage report [--day YYYY-MM-DD]\n"));
  if (day == NULL)
    day = local_day (-1);
  if (!jk_usage_day_is_valid (day))
    return jk_cli_usage (_("jobkioskctl usage report: a day is written YYYY-MM-DD: %s\n"), day);
  if (!to_endpoint && !to_dir)
    {
      g_printerr ("jobkioskctl usage report: %s\n", _("Neither [usage] report-endpoint nor report-dir is set."));
      return JK_CLI_EXIT_FAILED;
    }
  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  g_clear_pointer (&store, jk_store_free);
  if (!jk_usage_report_day (config, cli->db_path, day, now_seconds (), &error))
    return jk_cli_fail ("usage report", error);
  if (to_dir)
    {
      g_autofree char *name = g_strdup_printf ("usage-%s.csv", day);
      g_autofree char *path = g_build_filename (config->usage_report_dir, name, NULL);

      /* TRANSLATORS: %s is the CSV file written */
      g_print (_("Written: %s\n"), path);
    }
  if (to_endpoint)
    /* TRANSLATORS: %s is a day, YYYY-MM-DD */
    g_print (_("The summary of %s is in the outbox, once (jobkioskctl outbox flush sends it now).\n"), day);
  return JK_CLI_EXIT_OK;
}

int
jk_cli_usage_counts (JkCli  *cli,
                     int     argc,
                     char  **argv)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean json = FALSE;
  gboolean csv = FALSE;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The first day (a week before --to without it)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The last day (today without it)"), N_("YYYY-MM-DD") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print CSV: day, hour, counter, count, note"), NULL },
    { NULL },
  };
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  if (argc >= 2 && g_str_equal (argv[1], "report"))
    return usage_report (cli, argc - 1, argv + 1);
  if (!jk_cli_begin ("usage", NULL, _("Counts by day and hour; counts under 5 in an hour are never shown"), entries,
                     &json, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 1 || (json && csv))
    return jk_cli_usage (_("Usage: jobkioskctl usage [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json|--csv]\n"
                           "       jobkioskctl usage report [--day YYYY-MM-DD]\n"));
  if (to == NULL)
    to = local_day (0);
  if (!jk_usage_day_is_valid (to))
    return jk_cli_usage (_("jobkioskctl usage: a day is written YYYY-MM-DD: %s\n"), to);
  if (from == NULL)
    from = day_before (to, DEFAULT_DAYS - 1);
  if (!jk_usage_day_is_valid (from))
    return jk_cli_usage (_("jobkioskctl usage: a day is written YYYY-MM-DD: %s\n"), from);
  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  g_clear_pointer (&store, jk_store_free);
  rows = jk_usage_query (cli->db_path, from, to, &error);
  if (rows == NULL)
    return jk_cli_fail ("usage", error);
  if (csv)
    {
      g_autofree char *text = jk_usage_to_csv (rows);

      fputs (text, stdout);
    }
  else if (json)
    print_json (rows);
  else
    print_table (rows);
  return JK_CLI_EXIT_OK;
}
