/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-jobs.c: jobkioskctl jobs search | show */

#define G_LOG_DOMAIN "jobkioskctl"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-jobs.h>
#include <jobkiosk/jk-search.h>
#include <math.h>
#include <string.h>

#include "jk-cli.h"

static const char *const employment_types[] = { "full-time", "part-time", "temporary", "contract", "internship", NULL };

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

/* YYYY-MM-DD in UTC, or NULL for an unknown date. */
static char *
format_day (gint64 unix_time)
{
  g_autoptr (GDateTime) time = NULL;

  if (unix_time == 0)
    return NULL;
  time = g_date_time_new_from_unix_utc (unix_time);
  return time != NULL ? g_date_time_format (time, "%Y-%m-%d") : NULL;
}

static void
add_record (JsonBuilder       *builder,
            const JkJobRecord *record,
            gboolean           with_description)
{
  const JkJob *job = record->job;
  g_autofree char *posted = format_day (job->posted != 0 ? job->posted : record->first_seen);
  g_autofree char *expires = format_day (job->expires);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, record->id);
  jk_cli_add_string (builder, "title", job->title);
  jk_cli_add_string (builder, "employer", job->employer);
  jk_cli_add_string (builder, "city", job->city);
  jk_cli_add_string (builder, "state", job->state);
  jk_cli_add_string (builder, "postal_code", job->postal_code);
  jk_cli_add_string (builder, "place", jk_job_place_to_string (jk_job_get_place (job)));
  add_number (builder, "salary_min", job->salary_min);
  add_number (builder, "salary_max", job->salary_max);
  jk_cli_add_string (builder, "salary_period", jk_salary_period_to_string (job->salary_period));
  jk_cli_add_string (builder, "salary_text", job->salary_text);
  jk_cli_add_string (builder, "employment_type", job->employment_type);
  jk_cli_add_string (builder, "posted", posted);
  jk_cli_add_string (builder, "expires", expires);
  jk_cli_add_string (builder, "apply_url", job->apply_url);
  jk_cli_add_string (builder, "source", record->source);
  jk_cli_add_string (builder, "external_id", job->external_id);
  jk_cli_add_string (builder, "education", job->education);
  jk_cli_add_string (builder, "soc_code", job->soc_code);
  if (job->has_geo)
    {
      add_number (builder, "latitude", job->latitude);
      add_number (builder, "longitude", job->longitude);
    }
  if (with_description)
    jk_cli_add_string (builder, "description", job->description);
  json_builder_end_object (builder);
}

/* "Columbus, OH"; what the place is when there is none to name. */
static char *
format_place (const JkJob *job)
{
  g_autofree char *named = g_strdup_printf ("%s%s%s", job->city != NULL ? job->city : "",
                                            job->city != NULL && job->state != NULL ? ", " : "",
                                            job->state != NULL ? job->state : "");

  switch (jk_job_get_place (job))
    {
    case JK_JOB_PLACE_REMOTE:
      return named[0] != '\0' ? g_strdup_printf (_("Remote (%s)"), named) : g_strdup (_("Remote"));
    case JK_JOB_PLACE_NOT_GIVEN:
      return g_strdup (_("Place not given"));
    case JK_JOB_PLACE_GIVEN:
    default:
      return g_steal_pointer (&named);
    }
}

static void
print_record_line (const JkJobRecord *record)
{
  const JkJob *job = record->job;
  g_autofree char *posted = format_day (job->posted != 0 ? job->posted : record->first_seen);
  g_autofree char *place = format_place (job);

  g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\n", record->id, job->title,
           job->employer != NULL ? job->employer : "", place,
           job->salary_text != NULL ? job->salary_text : "", posted != NULL ? posted : "");
}

static int
jobs_search (JkCli  *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *where = NULL;
  g_autofree char *type = NULL;
  g_autofree char *per = NULL;
  g_autofree char *sort = NULL;
  g_auto (GStrv) words = NULL;
  double min_pay = 0;
  int posted_within = 0, limit = 20;
  gboolean json = FALSE, include_unplaced = FALSE;
  const GOptionEntry entries[] = {
    { "where", 0, 0, G_OPTION_ARG_STRING, &where, N_("City or ZIP code"), N_("PLACE") },
    { "include-unplaced", 0, 0, G_OPTION_ARG_NONE, &include_unplaced,
      N_("With --where: also the jobs that name no place, or are remote, after the ones there"), NULL },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type, N_("full-time, part-time, temporary, contract or internship"), N_("TYPE") },
    { "min-pay", 0, 0, G_OPTION_ARG_DOUBLE, &min_pay, N_("Lowest pay"), N_("AMOUNT") },
    { "per", 0, 0, G_OPTION_ARG_STRING, &per, N_("What --min-pay is per: hour or year"), N_("PERIOD") },
    { "posted-within", 0, 0, G_OPTION_ARG_INT, &posted_within, N_("Posted in the last DAYS days"), N_("DAYS") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort, N_("best, newest or pay"), N_("ORDER") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N jobs (default 20)"), N_("N") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &words, NULL, N_("[QUERY]") },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autofree char *text = NULL;
  JkSearchQuery query = { 0 };

  if (!jk_cli_begin ("jobs search", N_("[QUERY]"), _("Search the active job listings, best match first."),
                     entries, &json, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (type != NULL && !g_strv_contains (employment_types, type))
    return jk_cli_usage (_("jobkioskctl jobs search: --type must be one of full-time, part-time, temporary, contract, internship\n"));
  if (per != NULL && !g_str_equal (per, "hour") && !g_str_equal (per, "year"))
    return jk_cli_usage (_("jobkioskctl jobs search: --per must be hour or year\n"));
  if (min_pay < 0 || posted_within < 0 || limit < 1 || limit > 10000 ||
      (sort != NULL && !g_str_equal (sort, "best") && !g_str_equal (sort, "newest") && !g_str_equal (sort, "pay")))
    return jk_cli_usage (_("jobkioskctl jobs search: a value is out of range (see --help)\n"));

  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;

  text = words != NULL ? g_strjoinv (" ", words) : NULL;
  query.text = text;
  query.where = where;
  query.include_unplaced = include_unplaced;
  query.employment_type = type;
  query.min_pay = min_pay;
  query.min_pay_per = per != NULL && g_str_equal (per, "year") ? JK_SALARY_PERIOD_YEAR : JK_SALARY_PERIOD_HOUR;
  query.posted_within_days = posted_within;
  query.sort = sort == NULL || g_str_equal (sort, "best") ? JK_SEARCH_SORT_BEST
               : g_str_equal (sort, "newest")             ? JK_SEARCH_SORT_NEWEST
                                                          : JK_SEARCH_SORT_PAY;
  query.limit = limit;
  query.now = g_get_real_time () / G_USEC_PER_SEC;

  records = jk_search_jobs (store, &query, &error);
  if (records == NULL)
    return jk_cli_fail (NULL, error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < records->len; i++)
        add_record (builder, records->pdata[i], FALSE);
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      jk_cli_print_json (root);
    }
  else
    {
      for (guint i = 0; i < records->len; i++)
        print_record_line (records->pdata[i]);
      if (records->len == 0)
        g_print (_("No active jobs match.\n"));
    }
  return JK_CLI_EXIT_OK;
}

static int
jobs_show (JkCli  *cli,
           int     argc,
           char  **argv)
{
  gboolean json = FALSE;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (JkJobRecord) record = NULL;
  guint64 id;

  if (!jk_cli_begin ("jobs show", N_("ID"), _("Show one job listing with its description."), NULL, &json,
                     &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 2 || !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    return jk_cli_usage (_("jobkioskctl jobs show: give one job id (a number from jobs search)\n"));

  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  record = jk_search_get (store, (gint64) id, &error);
  if (record == NULL)
    return jk_cli_fail (NULL, error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      add_record (builder, record, TRUE);
      root = json_builder_get_root (builder);
      jk_cli_print_json (root);
    }
  else
    {
      print_record_line (record);
      g_print ("\n%s\n", record->job->description != NULL ? record->job->description : "");
      if (record->job->apply_url != NULL)
        g_print (_("\nApply: %s\n"), record->job->apply_url);
    }
  return JK_CLI_EXIT_OK;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

int
jk_cli_jobs (JkCli  *cli,
             int     argc,
             char  **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "search"))
    return jobs_search (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "show"))
    return jobs_show (cli, argc - 1, argv + 1);
  return jk_cli_usage (_("Usage: jobkioskctl jobs search [QUERY] [OPTIONS…] | jobkioskctl jobs show ID [--json]\n"));
}
