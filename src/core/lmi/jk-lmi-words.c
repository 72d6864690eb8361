/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-lmi-words.c: an occupation's figures in words, for screen and paper */

#define G_LOG_DOMAIN "jk-lmi"

#include <math.h>
#include <string.h>

#include "jobkiosk/jk-format.h"
#include "jobkiosk/jk-i18n.h"
#include "jobkiosk/jk-lmi-words.h"

static double
wage (const JkLmiWages *wages,
      JkLmiFigure       figure,
      gboolean         *top_coded)
{
  if (wages->reasons[figure] == JK_LMI_REASON_TOP_CODED)
    {
      if (top_coded != NULL)
        *top_coded = TRUE;
      return jk_lmi_top_code (figure);
    }
  return wages->values[figure];
}

/* An area as a visitor names it: the nation in their language (OEWS
 * calls it "National"), the others as published. */
static const char *
area_name (const JkLmiOrigin *origin)
{
  if (g_strcmp0 (origin->area_type, "national") == 0)
    return _("United States");
  return origin->area_name != NULL ? origin->area_name : origin->area_code;
}

char *
jk_lmi_words_source (const JkLmiOrigin *origin)
{
  if (origin == NULL || origin->source == NULL)
    return NULL;
  if (origin->demo)
    return g_strdup (_("Demo data: these figures are made up to show how the kiosk works."));
  if (origin->release != NULL)
    /* TRANSLATORS: under a figure: who published it and which release */
    return g_strdup_printf (_("Source: %1$s, %2$s."), origin->source, origin->release);
  return g_strdup_printf (_("Source: %s."), origin->source);
}

guint
jk_lmi_words_chart_rows (const JkLmiOccupation *occupation,
                         gboolean               hourly,
                         JkPayChartRow          rows[3])
{
  guint n = 0;

  for (int a = JK_LMI_AREA_METRO; a <= JK_LMI_AREA_NATION; a++)
    {
      const JkLmiWages *w = occupation->wages[a];
      JkPayChartRow *row = &rows[n];

      if (w == NULL)
        continue;
      memset (row, 0, sizeof *row);
      row->area = area_name (&w->origin);
      row->p10 = wage (w, hourly ? JK_LMI_HOURLY_P10 : JK_LMI_ANNUAL_P10, NULL);
      row->p25 = wage (w, hourly ? JK_LMI_HOURLY_P25 : JK_LMI_ANNUAL_P25, NULL);
      row->median = wage (w, hourly ? JK_LMI_HOURLY_MEDIAN : JK_LMI_ANNUAL_MEDIAN, &row->median_top_coded);
      row->p75 = wage (w, hourly ? JK_LMI_HOURLY_P75 : JK_LMI_ANNUAL_P75, NULL);
      row->p90 = wage (w, hourly ? JK_LMI_HOURLY_P90 : JK_LMI_ANNUAL_P90, &row->p90_top_coded);
      n++;
    }
  return n;
}

char *
jk_lmi_words_pay_source (const JkLmiOccupation *occupation)
{
  const JkLmiWages *first = NULL;
  g_autoptr (GString) areas = g_string_new (NULL);
  g_autofree char *source = NULL;

  for (int a = JK_LMI_AREA_METRO; a <= JK_LMI_AREA_NATION; a++)
    {
      const JkLmiWages *w = occupation->wages[a];

      if (w == NULL)
        continue;
      if (first == NULL && w->origin.source != NULL)
        first = w;
      if (w->origin.area_name != NULL)
        g_string_append_printf (areas, "%s%s", areas->len > 0 ? "; " : "", area_name (&w->origin));
    }
  source = jk_lmi_words_source (first != NULL ? &first->origin : NULL);
  if (source == NULL)
    return g_strdup (_("The kiosk has no pay figures for this occupation."));
  /* TRANSLATORS: the source line under the pay chart, then the areas it shows */
  return g_strdup_printf (_("%1$s Areas: %2$s."), source, areas->str);
}

char *
jk_lmi_words_change (const JkLmiProjection *p)
{
  const char *area;

  if (p == NULL || !isfinite (p->percent_change))
    return NULL;
  area = p->origin.area_name != NULL ? p->origin.area_name : "";
  if (p->percent_change >= 0)
    /* TRANSLATORS: the projected change in jobs: "12% more jobs from 2023 to 2033 in Ohio." */
    return g_strdup_printf (_("%1$.0f%% more jobs from %2$d to %3$d in %4$s."), p->percent_change, p->base_year,
                            p->projected_year, area);
  return g_strdup_printf (_("%1$.0f%% fewer jobs from %2$d to %3$d in %4$s."), -p->percent_change, p->base_year,
                          p->projected_year, area);
}

char *
jk_lmi_words_openings (const JkLmiProjection *p)
{
  g_autofree char *number = NULL;

  if (p == NULL || !isfinite (p->annual_openings))
    return NULL;
  number = jk_format_count ((gint64) llround (p->annual_openings));
  return g_strdup_printf (jk_ngettext ("About %s opening a year.", "About %s openings a year.",
                                       (gulong) p->annual_openings),
                          number);
}

char *
jk_lmi_words_unemployment (const JkLmiUnemployment *u)
{
  const JkLmiRate *last;
  const char *area;

  if (u == NULL || u->months == NULL || u->months->len == 0)
    return NULL;
  last = &g_array_index (u->months, JkLmiRate, u->months->len - 1);
  if (!isfinite (last->rate) || last->month < 1 || last->month > 12)
    return NULL;
  area = u->origin.area_name != NULL ? u->origin.area_name : "";
  if (last->preliminary)
    /* TRANSLATORS: "Ohio: 4.1% in October 2026 (early figure)." */
    return g_strdup_printf (_("%1$s: %2$.1f%% in %3$s %4$d (early figure)."), area, last->rate,
                            jk_format_month_name (last->month), last->year);
  return g_strdup_printf (_("%1$s: %2$.1f%% in %3$s %4$d."), area, last->rate,
                          jk_format_month_name (last->month), last->year);
}

char *
jk_lmi_words_requirement (const JkLmiRequirement *r)
{
  g_autoptr (GString) text = g_string_new (r->requirement);

  if (r->agency != NULL && r->agency[0] != '\0')
    g_string_append_printf (text, " (%s)", r->agency);
  if (r->note != NULL && r->note[0] != '\0')
    g_string_append_printf (text, ". %s", r->note);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
jk_lmi_words_open_jobs (gint64 open_jobs)
{
  if (open_jobs <= 0)
    return g_strdup (_("No jobs open near you right now"));
  return g_strdup_printf (jk_ngettext ("%d job open near you now", "%d jobs open near you now", (gulong) open_jobs),
                          (int) MIN (open_jobs, G_MAXINT));
}

char *
jk_lmi_words_attribution (const JkLmiOccupation *o)
{
  g_autofree char *database = NULL;

  if (o->description == NULL && (o->tasks == NULL || o->tasks->len == 0))
    return NULL;
  if (o->onet_demo)
    return g_strdup (_("The description and tasks are demo text written for this kiosk."));
  /* The release is kept as its number ("29.1"); O*NET asks to be named
   * "O*NET 29.1 Database". */
  if (o->onet_release == NULL)
    database = g_strdup ("O*NET Database");
  else if (g_str_has_prefix (o->onet_release, "O*NET"))
    database = g_strdup (o->onet_release);
  else
    database = g_strdup_printf ("O*NET %s Database", o->onet_release);
  /* TRANSLATORS: O*NET's attribution line, required where its text is shown (CC BY 4.0) */
  return g_strdup_printf (_("This page includes information from the %s by the U.S. Department of Labor, Employment "
                            "and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license."),
                          database);
}
