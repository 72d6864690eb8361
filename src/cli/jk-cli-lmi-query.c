/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-lmi-query.c: jobkioskctl lmi search | show: finding an occupation and what the kiosk knows of it */

#define G_LOG_DOMAIN "jobkioskctl"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-lmi.h>
#include <math.h>
#include <string.h>

#include "jk-cli.h"

/* The wage figures of `lmi show --json`, in this order (the contract of
 * issue 14: names as lmi_wages' columns). */
static const JkLmiFigure json_figures[] = {
  JK_LMI_EMPLOYMENT, JK_LMI_HOURLY_MEDIAN, JK_LMI_ANNUAL_MEDIAN, JK_LMI_ANNUAL_P10,
  JK_LMI_ANNUAL_P25, JK_LMI_ANNUAL_P75, JK_LMI_ANNUAL_P90,
};

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

static void
add_boolean (JsonBuilder *builder,
             const char  *member,
             gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

static void
add_origin (JsonBuilder       *builder,
            const JkLmiOrigin *origin)
{
  jk_cli_add_string (builder, "area_code", origin->area_code);
  jk_cli_add_string (builder, "area_name", origin->area_name);
  jk_cli_add_string (builder, "area_type", origin->area_type);
  jk_cli_add_string (builder, "release", origin->release);
  jk_cli_add_string (builder, "source", origin->source);
  add_boolean (builder, "demo", origin->demo);
}

static void
add_wages (JsonBuilder      *builder,
           const JkLmiWages *wages)
{
  json_builder_begin_object (builder);
  add_origin (builder, &wages->origin);
  for (gsize i = 0; i < G_N_ELEMENTS (json_figures); i++)
    {
      JkLmiFigure figure = json_figures[i];
      /* A capped figure is not a number: the top code is a floor. */
      add_number (builder, jk_lmi_figure_name (figure),
                  wages->reasons[figure] == JK_LMI_REASON_TOP_CODED ? NAN : wages->values[figure]);
    }
  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_object (builder);
  for (gsize i = 0; i < G_N_ELEMENTS (json_figures); i++)
    {
      JkLmiFigure figure = json_figures[i];

      if (wages->reasons[figure] != JK_LMI_REASON_NONE)
        jk_cli_add_string (builder, jk_lmi_figure_name (figure), jk_lmi_reason_name (wages->reasons[figure]));
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static JsonNode *
occupation_to_json (const JkLmiOccupation *occupation)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  jk_cli_add_string (builder, "soc", occupation->soc);
  jk_cli_add_string (builder, "title", occupation->title);
  jk_cli_add_string (builder, "description", occupation->description);
  add_boolean (builder, "demo", occupation->demo);

  json_builder_set_member_name (builder, "wages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (occupation->wages); i++)
    if (occupation->wages[i] != NULL)
      add_wages (builder, occupation->wages[i]);
  json_builder_end_array (builder);

  if (occupation->projection != NULL)
    {
      const JkLmiProjection *projection = occupation->projection;

      json_builder_set_member_name (builder, "projections");
      json_builder_begin_object (builder);
      add_origin (builder, &projection->origin);
      json_builder_set_member_name (builder, "base_year");
      json_builder_add_int_value (builder, projection->base_year);
      json_builder_set_member_name (builder, "projected_year");
      json_builder_add_int_value (builder, projection->projected_year);
      add_number (builder, "base_employment", projection->base_employment);
      add_number (builder, "projected_employment", projection->projected_employment);
      add_number (builder, "change", projection->change);
      add_number (builder, "percent_change", projection->percent_change);
      add_number (builder, "annual_openings", projection->annual_openings);
      add_number (builder, "median_wage", projection->median_wage);
      jk_cli_add_string (builder, "outlook", jk_lmi_outlook_name (projection->outlook));
      json_builder_end_object (builder);
    }
  if (occupation->education != NULL)
    {
      json_builder_set_member_name (builder, "education");
      json_builder_begin_object (builder);
      jk_cli_add_string (builder, "education", occupation->education->education);
      jk_cli_add_string (builder, "experience", occupation->education->experience);
      jk_cli_add_string (builder, "training", occupation->education->training);
      jk_cli_add_string (builder, "release", occupation->education->release);
      jk_cli_add_string (builder, "source", occupation->education->source);
      add_boolean (builder, "from_onet", occupation->education->from_onet);
      add_boolean (builder, "demo", occupation->education->demo);
      json_builder_end_object (builder);
    }
  if (occupation->tasks->len > 0)
    {
      json_builder_set_member_name (builder, "tasks");
      json_builder_begin_array (builder);
      for (guint i = 0; i < occupation->tasks->len; i++)
        json_builder_add_string_value (builder, occupation->tasks->pdata[i]);
      json_builder_end_array (builder);
    }
  if (occupation->requirements->len > 0)
    {
      json_builder_set_member_name (builder, "requirements");
      json_builder_begin_array (builder);
      for (guint i = 0; i < occupation->requirements->len; i++)
        {
          const JkLmiRequirement *requirement = occupation->requirements->pdata[i];

          json_builder_begin_object (builder);
          jk_cli_add_string (builder, "requirement", requirement->requirement);
          jk_cli_add_string (builder, "kind", requirement->kind);
          jk_cli_add_string (builder, "agency", requirement->agency);
          jk_cli_add_string (builder, "link", requirement->link);
          jk_cli_add_string (builder, "note", requirement->note);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  if (occupation->unemployment->len > 0)
    {
      json_builder_set_member_name (builder, "unemployment");
      json_builder_begin_array (builder);
      for (guint i = 0; i < occupation->unemployment->len; i++)
        {
          const JkLmiUnemployment *series = occupation->unemployment->pdata[i];

          json_builder_begin_object (builder);
          add_origin (builder, &series->origin);
          json_builder_set_member_name (builder, "months");
          json_builder_begin_array (builder);
          for (guint m = 0; m < series->months->len; m++)
            {
              const JkLmiRate *rate = &g_array_index (series->months, JkLmiRate, m);
              g_autofree char *period = g_strdup_printf ("%04d-%02d", rate->year, rate->month);

              json_builder_begin_object (builder);
              jk_cli_add_string (builder, "period", period);
              add_number (builder, "rate", rate->rate);
              add_boolean (builder, "preliminary", rate->preliminary);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          if (series->annual.year != 0)
            {
              json_builder_set_member_name (builder, "annual");
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "year");
              json_builder_add_int_value (builder, series->annual.year);
              add_number (builder, "rate", series->annual.rate);
              add_boolean (builder, "preliminary", series->annual.preliminary);
              json_builder_end_object (builder);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  if (occupation->related->len > 0)
    {
      json_builder_set_member_name (builder, "related");
      json_builder_begin_array (builder);
      for (guint i = 0; i < occupation->related->len; i++)
        {
          const JkLmiRelated *related = occupation->related->pdata[i];

          json_builder_begin_object (builder);
          jk_cli_add_string (builder, "soc", related->soc);
          jk_cli_add_string (builder, "title", related->title);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "open_jobs");
  json_builder_add_int_value (builder, occupation->open_jobs);
  jk_cli_add_string (builder, "open_jobs_search", occupation->open_jobs_text);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static const char *
area_type_words (const char *type)
{
  if (g_strcmp0 (type, "metro") == 0)
    return _("metro area");
  if (g_strcmp0 (type, "state") == 0)
    return _("state");
  if (g_strcmp0 (type, "national") == 0)
    return _("nation");
  return type != NULL ? type : "";
}

/* "Columbus, OH (metro area)": the area's name and what kind it is. */
static char *
area_words (const JkLmiOrigin *origin)
{
  return g_strdup_printf ("%s (%s)", origin->area_name != NULL ? origin->area_name : origin->area_code,
                          area_type_words (origin->area_type));
}

/* "Source: U.S. Bureau of Labor Statistics, OEWS, May 2024", with the
 * demo's label when the figures are made up. */
static void
print_source (const JkLmiOrigin *origin)
{
  if (origin->release == NULL)
    return;
  if (origin->demo)
    g_print ("    %s\n", _("Demo data, not published figures"));
  g_print (_("    Source: %s, %s\n"), origin->source != NULL ? origin->source : "", origin->release);
}

static void
print_occupation (const JkLmiOccupation *occupation)
{
  g_autofree char *count = NULL;

  g_print ("%s  %s\n", occupation->soc, occupation->title);
  if (occupation->demo)
    g_print ("%s\n", _("Some figures here are demo data, not published figures."));
  if (occupation->description != NULL)
    g_print ("\n%s\n", occupation->description);
  if (occupation->tasks->len > 0)
    {
      g_print ("\n%s\n", _("What the work is:"));
      for (guint i = 0; i < occupation->tasks->len; i++)
        g_print ("  • %s\n", (const char *) occupation->tasks->pdata[i]);
    }

  g_print ("\n%s\n", _("Pay in a year (the median, then the 10th to the 90th percentile):"));
  for (guint i = 0; i < G_N_ELEMENTS (occupation->wages); i++)
    {
      const JkLmiWages *wages = occupation->wages[i];
      g_autofree char *area = NULL;
      g_autofree char *median = NULL;
      g_autofree char *hourly = NULL;
      g_autofree char *low = NULL;
      g_autofree char *high = NULL;

      if (wages == NULL)
        continue;
      area = area_words (&wages->origin);
      median = jk_lmi_format_wage (wages, JK_LMI_ANNUAL_MEDIAN);
      hourly = jk_lmi_format_wage (wages, JK_LMI_HOURLY_MEDIAN);
      low = jk_lmi_format_wage (wages, JK_LMI_ANNUAL_P10);
      high = jk_lmi_format_wage (wages, JK_LMI_ANNUAL_P90);
      if (wages->origin.release == NULL)
        {
          g_print ("  %s: %s\n", area, _("Not published for this area"));
          continue;
        }
      g_print (_("  %s: %s (%s an hour); %s to %s\n"), area, median, hourly, low, high);
      print_source (&wages->origin);
    }

  if (occupation->projection != NULL)
    {
      const JkLmiProjection *projection = occupation->projection;
      g_autofree char *area = area_words (&projection->origin);

      g_print ("\n");
      g_print (_("Outlook in %s, %d to %d: %s, %+.1f%%, %.0f openings a year\n"), area, projection->base_year,
               projection->projected_year, jk_lmi_outlook_label (projection->outlook), projection->percent_change,
               isnan (projection->annual_openings) ? 0 : projection->annual_openings);
      print_source (&projection->origin);
    }
  if (occupation->education != NULL)
    {
      const JkLmiEducation *education = occupation->education;

      g_print ("\n%s\n", _("What it takes to start:"));
      if (education->education != NULL)
        g_print (_("  Education: %s\n"), education->education);
      if (education->experience != NULL)
        g_print (_("  Experience: %s\n"), education->experience);
      if (education->training != NULL)
        g_print (_("  Training: %s\n"), education->training);
    }
  if (occupation->requirements->len > 0)
    {
      g_print ("\n%s\n", _("Hiring requirements:"));
      for (guint i = 0; i < occupation->requirements->len; i++)
        {
          const JkLmiRequirement *requirement = occupation->requirements->pdata[i];
          g_print ("  • %s (%s%s%s)\n", requirement->requirement, requirement->kind,
                   requirement->agency != NULL ? ", " : "", requirement->agency != NULL ? requirement->agency : "");
        }
    }
  for (guint i = 0; i < occupation->unemployment->len; i++)
    {
      const JkLmiUnemployment *series = occupation->unemployment->pdata[i];
      g_autofree char *area = area_words (&series->origin);

      if (series->months->len > 0)
        {
          const JkLmiRate *last = &g_array_index (series->months, JkLmiRate, series->months->len - 1);

          g_print ("\n");
          g_print (_("Unemployment rate in %s: %.1f%% in %04d-%02d%s\n"), area, last->rate, last->year, last->month,
                   last->preliminary ? _(" (preliminary)") : "");
        }
      if (series->annual.year != 0)
        g_print (_("  Average in %d: %.1f%%\n"), series->annual.year, series->annual.rate);
    }
  if (occupation->related->len > 0)
    {
      g_print ("\n%s\n", _("Related occupations:"));
      for (guint i = 0; i < occupation->related->len; i++)
        {
          const JkLmiRelated *related = occupation->related->pdata[i];
          g_print ("  %s  %s\n", related->soc, related->title);
        }
    }
  count = g_strdup_printf ("%" G_GINT64_FORMAT, occupation->open_jobs);
  g_print ("\n");
  g_print (jk_ngettext ("%s job open near you now (search: %s)\n", "%s jobs open near you now (search: %s)\n",
                        (gulong) occupation->open_jobs),
           count, occupation->open_jobs_text);
}

/* --area: a state ("39", "3900000") or a metro ("18140", "0018140"), in
 * place of the configured one. */
static gboolean
apply_area (const char *area,
            char      **state,
            char      **metro)
{
  gsize length = strlen (area);

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (area[i]))
      return FALSE;
  if (length == 2 || (length == 7 && g_str_has_suffix (area, "00000") && !g_str_equal (area, "0000000")))
    {
      g_free (*state);
      *state = g_strdup (area);
      g_clear_pointer (metro, g_free);
      return TRUE;
    }
  if (length == 5 || length == 7)
    {
      g_free (*metro);
      *metro = g_strdup (area);
      return TRUE;
    }
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

int
jk_cli_lmi_search (JkCli  *cli,
                   int     argc,
                   char  **argv)
{
  gboolean json = FALSE;
  int limit = 10;
  g_auto (GStrv) words = NULL;
  const GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N occupations (default 10)"), N_("N") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &words, NULL, N_("TEXT") },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autofree char *text = NULL;

  if (!jk_cli_begin ("lmi search", N_("TEXT"),
                     _("Find occupations by the words a person would use: titles and other names, in English or Spanish."),
                     entries, &json, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (words == NULL || limit < 1 || limit > 1000)
    return jk_cli_usage (_("jobkioskctl lmi search: give the words to look for (see --help)\n"));
  text = g_strjoinv (" ", words);

  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  found = jk_lmi_search (store, text, FALSE, (guint) limit, &error);
  if (found == NULL)
    return jk_cli_fail (NULL, error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < found->len; i++)
        {
          const JkLmiMatch *match = found->pdata[i];

          json_builder_begin_object (builder);
          jk_cli_add_string (builder, "soc", match->soc);
          jk_cli_add_string (builder, "title", match->title);
          jk_cli_add_string (builder, "matched_title", match->matched_title);
          jk_cli_add_string (builder, "matched_kind", match->matched_kind);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      jk_cli_print_json (root);
    }
  else
    {
      for (guint i = 0; i < found->len; i++)
        {
          const JkLmiMatch *match = found->pdata[i];

          if (g_strcmp0 (match->matched_title, match->title) != 0)
            g_print (_("%s\t%s\t(also called %s)\n"), match->soc, match->title, match->matched_title);
          else
            g_print ("%s\t%s\n", match->soc, match->title);
        }
      if (found->len == 0)
        g_printerr (_("No occupation matches.\n"));
    }
  return found->len > 0 ? JK_CLI_EXIT_OK : JK_CLI_EXIT_FAILED;
}

int
jk_cli_lmi_show (JkCli  *cli,
                 int     argc,
                 char  **argv)
{
  gboolean json = FALSE;
  g_autofree char *area = NULL;
  g_auto (GStrv) words = NULL;
  const GOptionEntry entries[] = {
    { "area", 0, 0, G_OPTION_ARG_STRING, &area,
      N_("A state (39 or 3900000) or metro area (18140 or 0018140) instead of the configured one"), N_("CODE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &words, NULL, N_("SOC-or-TITLE") },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (JkLmiOccupation) occupation = NULL;
  g_autofree char *text = NULL;
  g_autofree char *soc = NULL;
  g_autofree char *state = NULL;
  g_autofree char *metro = NULL;
  JkLmiPlace place;

  if (!jk_cli_begin ("lmi show", N_("SOC-or-TITLE"),
                     _("Show what the kiosk knows of an occupation: pay here, outlook, what it takes, open jobs."),
                     entries, &json, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (words == NULL)
    return jk_cli_usage (_("jobkioskctl lmi show: give a SOC code (29-1141) or an occupation's title\n"));
  state = g_strdup (cli->config->lmi_state);
  metro = g_strdup (cli->config->lmi_metro);
  if (area != NULL && !apply_area (area, &state, &metro))
    return jk_cli_usage (_("jobkioskctl lmi show: --area takes a state's code (39) or a metro area's (18140)\n"));
  text = g_strjoinv (" ", words);

  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  soc = jk_lmi_normalize_soc (text);
  if (soc == NULL)
    {
      g_autoptr (GPtrArray) found = jk_lmi_search (store, text, FALSE, 1, &error);

      if (found == NULL)
        return jk_cli_fail (NULL, error);
      if (found->len == 0)
        {
          g_printerr (_("jobkioskctl lmi show: no occupation matches “%s”\n"), text);
          return JK_CLI_EXIT_FAILED;
        }
      soc = g_strdup (((JkLmiMatch *) found->pdata[0])->soc);
    }
  place.state = state;
  place.metro = metro;
  occupation = jk_lmi_occupation_get (store, soc, &place, g_get_real_time () / G_USEC_PER_SEC, &error);
  if (occupation == NULL)
    return jk_cli_fail ("lmi show", error);

  if (json)
    {
      g_autoptr (JsonNode) root = occupation_to_json (occupation);
      jk_cli_print_json (root);
    }
  else
    print_occupation (occupation);
  return JK_CLI_EXIT_OK;
}
