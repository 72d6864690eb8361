/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-lmi.c: labor market information as the kiosk shows it: the lists for this area and the occupation page */

#define G_LOG_DOMAIN "jk-lmi"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jobkiosk/jk-i18n.h>

#include "jobkiosk/jk-format.h"
#include "jobkiosk/jk-lmi.h"
#include "lmi/jk-lmi-query-private.h"
#include "store/jk-store-private.h"

#define NATION "0000000"
#define TOP_CODE_HOURLY 115.00
#define TOP_CODE_ANNUAL 239200.0
#define N_TASKS 5
#define N_RELATED 10
#define N_MONTHS 24

/* The columns of lmi_wages in JkLmiFigure's order. */
static const char *const figure_names[JK_LMI_N_FIGURES] = {
  "employment", "jobs_per_1000", "location_quotient", "hourly_mean", "annual_mean",
  "hourly_p10", "hourly_p25", "hourly_median", "hourly_p75", "hourly_p90",
  "annual_p10", "annual_p25", "annual_median", "annual_p75", "annual_p90",
};

#define WAGE_COLUMNS \
  "w.employment, w.jobs_per_1000, w.location_quotient, w.hourly_mean, w.annual_mean, w.hourly_p10, w.hourly_p25," \
  " w.hourly_median, w.hourly_p75, w.hourly_p90, w.annual_p10, w.annual_p25, w.annual_median, w.annual_p75, w.annual_p90"

/* BLS's typical education for entry below an associate's degree. */
#define BELOW_ASSOCIATE \
  "('No formal educational credential', 'High school diploma or equivalent', 'Some college, no degree'," \
  " 'Postsecondary nondegree award')"

/* O*NET's Required Level of Education, by the element's id or name. */
#define RL_ELEMENT "e.element IN ('RL', 'Required Level of Education')"

/* O*NET's names of its required-level categories, for data imported
 * without the categories file. */
static const char *const rl_categories[] = {
  NULL,
  "Less than a High School Diploma",
  "High School Diploma (or GED or High School Equivalence Certificate)",
  "Post-Secondary Certificate",
  "Some College Courses",
  "Associate's Degree (or other 2-year degree)",
  "Bachelor's Degree",
  "Post-Baccalaureate Certificate",
  "Master's Degree",
  "Post-Master's Certificate",
  "First Professional Degree",
  "Doctoral Degree",
  "Post-Doctoral Training",
};

G_DEFINE_QUARK (jk-lmi-error-quark, jk_lmi_error)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup (text) : NULL;
}

static double
column_number (sqlite3_stmt *stmt,
               int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, column);
}

static gboolean
is_digits (const char *text,
           gsize       length)
{
  if (text == NULL || strlen (text) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static void
origin_clear (JkLmiOrigin *origin)
{
  g_free (origin->area_code);
  g_free (origin->area_name);
  g_free (origin->area_type);
  g_free (origin->release);
  g_free (origin->source);
}

/* The area's name and type from lmi_areas; its type from its code when
 * the kiosk has no row for it. */
static gboolean
read_area (JkStore     *store,
           const char  *code,
           JkLmiOrigin *origin,
           GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, "SELECT name, type FROM lmi_areas WHERE code = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  origin->area_code = g_strdup (code);
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      origin->area_name = column_text (stmt, 0);
      origin->area_type = column_text (stmt, 1);
    }
  else if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot read the area");
      return FALSE;
    }
  if (origin->area_type == NULL)
    origin->area_type = g_strdup (g_str_equal (code, NATION) ? "national"
                                  : g_str_has_suffix (code, "00000") ? "state" : "metro");
  return TRUE;
}

/* "annual_p90=top_coded;hourly_p90=top_coded" */
static void
parse_reasons (const char *text,
               JkLmiReason reasons[JK_LMI_N_FIGURES])
{
  g_auto (GStrv) pairs = NULL;

  if (text == NULL)
    return;
  pairs = g_strsplit (text, ";", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *equals = strchr (pairs[i], '=');
      JkLmiReason reason;

      if (equals == NULL)
        continue;
      *equals = '\0';
      g_strstrip (pairs[i]);
      g_strstrip (equals + 1);
      if (g_str_equal (equals + 1, "top_coded"))
        reason = JK_LMI_REASON_TOP_CODED;
      else if (g_str_equal (equals + 1, "not_released"))
        reason = JK_LMI_REASON_NOT_RELEASED;
      else if (g_str_equal (equals + 1, "missing"))
        reason = JK_LMI_REASON_MISSING;
      else
        continue;
      for (int f = 0; f < JK_LMI_N_FIGURES; f++)
        if (g_str_equal (pairs[i], figure_names[f]))
          reasons[f] = reason;
    }
}

static void
wages_free (JkLmiWages *wages)
{
  if (wages == NULL)
    return;
  origin_clear (&wages->origin);
  g_free (wages);
}

/* An area's newest wages for the occupation; every figure missing when the
 * kiosk has none. */
static JkLmiWages *
read_wages (JkStore    *store,
            const char *soc,
            const char *area_code,
            GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (
    store,
    "SELECT " WAGE_COLUMNS ", w.reasons, r.name, r.source, r.demo"
    " FROM lmi_wages w JOIN lmi_releases r ON r.id = w.release_id"
    " WHERE w.soc = ?1 AND w.area_code = ?2 ORDER BY w.release_id DESC LIMIT 1",
    error);
  JkLmiWages *wages;
  int rc;

  if (stmt == NULL)
    return NULL;
  wages = g_new0 (JkLmiWages, 1);
  if (!read_area (store, area_code, &wages->origin, error))
    {
      wages_free (wages);
      return NULL;
    }
  for (int f = 0; f < JK_LMI_N_FIGURES; f++)
    {
      wages->values[f] = NAN;
      wages->reasons[f] = JK_LMI_REASON_MISSING;
    }
  sqlite3_bind_text (stmt, 1, soc, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, area_code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      JkLmiReason stored[JK_LMI_N_FIGURES] = { 0 };

      parse_reasons ((const char *) sqlite3_column_text (stmt, JK_LMI_N_FIGURES), stored);
      for (int f = 0; f < JK_LMI_N_FIGURES; f++)
        {
          wages->values[f] = column_number (stmt, f);
          /* A figure at the top code may be stored as the top code: it is
           * still "or more". */
          if (stored[f] == JK_LMI_REASON_TOP_CODED)
            wages->reasons[f] = JK_LMI_REASON_TOP_CODED;
          else if (!isnan (wages->values[f]))
            wages->reasons[f] = JK_LMI_REASON_NONE;
          else
            wages->reasons[f] = stored[f] != JK_LMI_REASON_NONE ? stored[f] : JK_LMI_REASON_MISSING;
        }
      wages->origin.release = column_text (stmt, JK_LMI_N_FIGURES + 1);
      wages->origin.source = column_text (stmt, JK_LMI_N_FIGURES + 2);
      wages->origin.demo = sqlite3_column_int (stmt, JK_LMI_N_FIGURES + 3) != 0;
    }
  else if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot read the wages");
      wages_free (wages);
      return NULL;
    }
  return wages;
}

static void
projection_free (JkLmiProjection *projection)
{
  if (projection == NULL)
    return;
  origin_clear (&projection->origin);
  g_free (projection);
}

static gboolean
read_projection (JkStore          *store,
                 const char       *soc,
                 const char       *state_code,
                 JkLmiProjection **out,
                 GError          **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (
    store,
    "SELECT p.area_code, p.base_year, p.projected_year, p.base_employment, p.projected_employment, p.change,"
    " p.percent_change, p.annual_openings, p.median_wage, r.name, r.source, r.demo"
    " FROM lmi_projections p JOIN lmi_releases r ON r.id = p.release_id"
    " WHERE p.soc = ?1 AND p.area_code IN (?2, '" NATION "') AND p.percent_change IS NOT NULL"
    " ORDER BY p.area_code = '" NATION "', p.release_id DESC LIMIT 1",
    error);
  JkLmiProjection *projection;
  int rc;

  *out = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, soc, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, state_code != NULL ? state_code : NATION, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      jk_store_set_error (store, error, "Cannot read the projections");
      return FALSE;
    }
  projection = g_new0 (JkLmiProjection, 1);
  if (!read_area (store, (const char *) sqlite3_column_text (stmt, 0), &projection->origin, error))
    {
      projection_free (projection);
      return FALSE;
    }
  projection->base_year = sqlite3_column_int (stmt, 1);
  projection->projected_year = sqlite3_column_int (stmt, 2);
  projection->base_employment = column_number (stmt, 3);
  projection->projected_employment = column_number (stmt, 4);
  projection->change = column_number (stmt, 5);
  projection->percent_change = column_number (stmt, 6);
  projection->annual_openings = column_number (stmt, 7);
  projection->median_wage = column_number (stmt, 8);
  projection->origin.release = column_text (stmt, 9);
  projection->origin.source = column_text (stmt, 10);
  projection->origin.demo = sqlite3_column_int (stmt, 11) != 0;
  projection->outlook = jk_lmi_outlook_for (projection->percent_change);
  *out = projection;
  return TRUE;
}

static void
education_free (JkLmiEducation *education)
{
  if (education == NULL)
    return;
  g_free (education->education);
  g_free (education->experience);
  g_free (education->training);
  g_free (education->release);
  g_free (education->source);
  g_free (education);
}

/* BLS's words from the projections (the state's when it gives them, else
 * the nation's), else O*NET's most common required level. */
static gboolean
read_education (JkStore         *store,
                const char      *soc,
                const char      *state_code,
                JkLmiEducation **out,
                GError         **error)
{
  g_autoptr (sqlite3_stmt) bls = jk_store_prepare (
    store,
    "SELECT p.education, p.experience, p.training, r.name, r.source, r.demo"
    " FROM lmi_projections p JOIN lmi_releases r ON r.id = p.release_id"
    " WHERE p.soc = ?1 AND p.education IS NOT NULL ORDER BY p.area_code = ?2 DESC, p.release_id DESC LIMIT 1",
    error);
  g_autoptr (sqlite3_stmt) onet = NULL;
  JkLmiEducation *education;
  int rc;

  *out = NULL;
  if (bls == NULL)
    return FALSE;
  sqlite3_bind_text (bls, 1, soc, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (bls, 2, state_code != NULL ? state_code : NATION, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (bls);
  if (rc == SQLITE_ROW)
    {
      education = g_new0 (JkLmiEducation, 1);
      education->education = column_text (bls, 0);
      education->experience = column_text (bls, 1);
      education->training = column_text (bls, 2);
      education->release = column_text (bls, 3);
      education->source = column_text (bls, 4);
      education->demo = sqlite3_column_int (bls, 5) != 0;
      *out = education;
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot read the education");
      return FALSE;
    }

  onet = jk_store_prepare (store,
                           "SELECT e.category, e.category_name, r.name, r.source, r.demo"
                           " FROM lmi_education e JOIN lmi_releases r ON r.id = e.release_id"
                           " WHERE e.soc = ?1 AND " RL_ELEMENT " ORDER BY e.release_id DESC, e.percent DESC LIMIT 1",
                           error);
  if (onet == NULL)
    return FALSE;
  sqlite3_bind_text (onet, 1, soc, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (onet);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      jk_store_set_error (store, error, "Cannot read the education");
      return FALSE;
    }
  education = g_new0 (JkLmiEducation, 1);
  education->education = column_text (onet, 1);
  if (education->education == NULL)
    {
      int category = sqlite3_column_int (onet, 0);
      if (category > 0 && category < (int) G_N_ELEMENTS (rl_categories))
        education->education = g_strdup (rl_categories[category]);
    }
  education->release = column_text (onet, 2);
  education->source = column_text (onet, 3);
  education->demo = sqlite3_column_int (onet, 4) != 0;
  education->from_onet = TRUE;
  *out = education;
  return TRUE;
}

static void
requirement_free (JkLmiRequirement *requirement)
{
  g_free (requirement->requirement);
  g_free (requirement->kind);
  g_free (requirement->agency);
  g_free (requirement->link);
  g_free (requirement->note);
  g_free (requirement);
}

static void
unemployment_free (JkLmiUnemployment *unemployment)
{
  origin_clear (&unemployment->origin);
  g_array_unref (unemployment->months);
  g_free (unemployment);
}

static void
related_free (JkLmiRelated *related)
{
  g_free (related->soc);
  g_free (related->title);
  g_free (related);
}

static void
read_rate (sqlite3_stmt *stmt,
           JkLmiRate    *rate)
{
  const char *period = (const char *) sqlite3_column_text (stmt, 1);

  rate->year = sqlite3_column_int (stmt, 0);
  rate->month = period != NULL && period[0] == 'M' ? atoi (period + 1) : 0;
  rate->rate = column_number (stmt, 2);
  rate->preliminary = sqlite3_column_int (stmt, 3) != 0;
}

/* An area's newest release of rates: the last 24 months and the last
 * annual average. Nothing when the kiosk has none for the area. */
static gboolean
read_unemployment (JkStore    *store,
                   const char *area_code,
                   GPtrArray  *into,
                   GError    **error)
{
  g_autoptr (sqlite3_stmt) release = jk_store_prepare (
    store,
    "SELECT u.release_id, r.name, r.source, r.demo FROM lmi_unemployment u JOIN lmi_releases r ON r.id = u.release_id"
    " WHERE u.area_code = ?1 ORDER BY u.release_id DESC LIMIT 1",
    error);
  g_autoptr (sqlite3_stmt) months = NULL;
  g_autoptr (sqlite3_stmt) annual = NULL;
  JkLmiUnemployment *unemployment;
  gint64 release_id;
  int rc;

  if (release == NULL)
    return FALSE;
  sqlite3_bind_text (release, 1, area_code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (release);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      jk_store_set_error (store, error, "Cannot read the unemployment rates");
      return FALSE;
    }
  release_id = sqlite3_column_int64 (release, 0);
  unemployment = g_new0 (JkLmiUnemployment, 1);
  unemployment->months = g_array_new (FALSE, TRUE, sizeof (JkLmiRate));
  g_ptr_array_add (into, unemployment);
  unemployment->origin.release = column_text (release, 1);
  unemployment->origin.source = column_text (release, 2);
  unemployment->origin.demo = sqlite3_column_int (release, 3) != 0;
  if (!read_area (store, area_code, &unemployment->origin, error))
    return FALSE;

  months = jk_store_prepare (store,
                             "SELECT year, period, rate, preliminary FROM lmi_unemployment"
                             " WHERE release_id = ?1 AND area_code = ?2 AND period <> 'M13'"
                             " ORDER BY year DESC, period DESC LIMIT ?3",
                             error);
  if (months == NULL)
    return FALSE;
  sqlite3_bind_int64 (months, 1, release_id);
  sqlite3_bind_text (months, 2, area_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (months, 3, N_MONTHS);
  while ((rc = sqlite3_step (months)) == SQLITE_ROW)
    {
      JkLmiRate rate;
      read_rate (months, &rate);
      g_array_prepend_val (unemployment->months, rate);
    }
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot read the unemployment rates");
      return FALSE;
    }
  annual = jk_store_prepare (store,
                             "SELECT year, period, rate, preliminary FROM lmi_unemployment"
                             " WHERE release_id = ?1 AND area_code = ?2 AND period = 'M13' ORDER BY year DESC LIMIT 1",
                             error);
  if (annual == NULL)
    return FALSE;
  sqlite3_bind_int64 (annual, 1, release_id);
  sqlite3_bind_text (annual, 2, area_code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (annual);
  if (rc == SQLITE_ROW)
    read_rate (annual, &unemployment->annual);
  else if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot read the unemployment rates");
      return FALSE;
    }
  else
    unemployment->annual.rate = NAN;
  return TRUE;
}

/* The occupation's title, description and O*NET release; FALSE with
 * NOT_FOUND for an occupation the kiosk does not have. */
static gboolean
read_occupation (JkStore         *store,
                 JkLmiOccupation *occupation,
                 GError         **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (
    store,
    "SELECT o.title, o.description, r.name, r.source, r.demo"
    " FROM lmi_occupations o LEFT JOIN lmi_releases r ON r.id = o.release_id WHERE o.soc = ?1",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, occupation->soc, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, JK_LMI_ERROR, JK_LMI_ERROR_NOT_FOUND, _("There is no occupation %s"), occupation->soc);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      jk_store_set_error (store, error, "Cannot read the occupation");
      return FALSE;
    }
  occupation->title = column_text (stmt, 0);
  occupation->description = column_text (stmt, 1);
  occupation->onet_release = column_text (stmt, 2);
  occupation->onet_source = column_text (stmt, 3);
  occupation->onet_demo = sqlite3_column_int (stmt, 4) != 0;
  return TRUE;
}

/* The newest release's rows for the occupation: tasks, requirements and
 * related occupations. */
static gboolean
read_lists (JkStore         *store,
            JkLmiOccupation *occupation,
            GError         **error)
{
  g_autoptr (sqlite3_stmt) tasks = jk_store_prepare (
    store,
    "SELECT task FROM lmi_tasks WHERE soc = ?1 AND core = 1"
    " AND release_id = (SELECT max (release_id) FROM lmi_tasks WHERE soc = ?1)"
    " ORDER BY onet_code = soc || '.00' DESC, importance DESC LIMIT ?2",
    error);
  g_autoptr (sqlite3_stmt) requirements = NULL;
  g_autoptr (sqlite3_stmt) related = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int rc;

  if (tasks == NULL)
    return FALSE;
  sqlite3_bind_text (tasks, 1, occupation->soc, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (tasks, 2, N_TASKS);
  while ((rc = sqlite3_step (tasks)) == SQLITE_ROW)
    g_ptr_array_add (occupation->tasks, column_text (tasks, 0));
  if (rc != SQLITE_DONE)
    goto failed;

  requirements = jk_store_prepare (store,
                                   "SELECT requirement, kind, agency, link, note FROM lmi_requirements WHERE soc = ?1"
                                   " AND release_id = (SELECT max (release_id) FROM lmi_requirements WHERE soc = ?1)"
                                   " ORDER BY rowid",
                                   error);
  if (requirements == NULL)
    return FALSE;
  sqlite3_bind_text (requirements, 1, occupation->soc, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (requirements)) == SQLITE_ROW)
    {
      JkLmiRequirement *requirement = g_new0 (JkLmiRequirement, 1);

      requirement->requirement = column_text (requirements, 0);
      requirement->kind = column_text (requirements, 1);
      requirement->agency = column_text (requirements, 2);
      requirement->link = column_text (requirements, 3);
      requirement->note = column_text (requirements, 4);
      g_ptr_array_add (occupation->requirements, requirement);
    }
  if (rc != SQLITE_DONE)
    goto failed;

  /* O*NET relates detailed codes: the SOC is their first seven characters. */
  related = jk_store_prepare (store,
                              "SELECT substr (r.related_soc, 1, 7) AS code, o.title FROM lmi_related r"
                              " JOIN lmi_occupations o ON o.soc = substr (r.related_soc, 1, 7)"
                              " WHERE r.soc = ?1 AND r.release_id = (SELECT max (release_id) FROM lmi_related WHERE soc = ?1)"
                              " AND code <> ?1 ORDER BY r.rank IS NULL, r.rank",
                              error);
  if (related == NULL)
    return FALSE;
  sqlite3_bind_text (related, 1, occupation->soc, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (related)) == SQLITE_ROW && occupation->related->len < N_RELATED)
    {
      const char *code = (const char *) sqlite3_column_text (related, 0);
      JkLmiRelated *one;

      if (g_hash_table_contains (seen, code))
        continue;
      g_hash_table_add (seen, g_strdup (code));
      one = g_new0 (JkLmiRelated, 1);
      one->soc = g_strdup (code);
      one->title = column_text (related, 1);
      g_ptr_array_add (occupation->related, one);
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    goto failed;
  return TRUE;

failed:
  jk_store_set_error (store, error, "Cannot read the occupation");
  return FALSE;
}

static void
append_money (GString *text,
              double   value,
              gboolean cents)
{
  g_autofree char *money = jk_format_dollars (fabs (value), cents);

  g_string_append (text, money);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

char *
jk_lmi_state_area_code (const char *state)
{
  if (is_digits (state, 7))
    return g_strdup (state);
  if (is_digits (state, 2))
    return g_strdup_printf ("%s00000", state);
  return NULL;
}

char *
jk_lmi_metro_area_code (const char *metro)
{
  if (is_digits (metro, 7))
    return g_strdup (metro);
  if (is_digits (metro, 5))
    return g_strdup_printf ("00%s", metro);
  return NULL;
}

const char *
jk_lmi_figure_name (JkLmiFigure figure)
{
  g_return_val_if_fail (figure < JK_LMI_N_FIGURES, NULL);
  return figure_names[figure];
}

const char *
jk_lmi_reason_name (JkLmiReason reason)
{
  switch (reason)
    {
    case JK_LMI_REASON_TOP_CODED:
      return "top_coded";
    case JK_LMI_REASON_NOT_RELEASED:
      return "not_released";
    case JK_LMI_REASON_MISSING:
      return "missing";
    case JK_LMI_REASON_NONE:
    default:
      return NULL;
    }
}

double
jk_lmi_top_code (JkLmiFigure figure)
{
  if (figure >= JK_LMI_HOURLY_P10 && figure <= JK_LMI_HOURLY_P90)
    return TOP_CODE_HOURLY;
  if (figure >= JK_LMI_ANNUAL_P10 && figure <= JK_LMI_ANNUAL_P90)
    return TOP_CODE_ANNUAL;
  if (figure == JK_LMI_HOURLY_MEAN)
    return TOP_CODE_HOURLY;
  if (figure == JK_LMI_ANNUAL_MEAN)
    return TOP_CODE_ANNUAL;
  return NAN;
}

JkLmiOutlook
jk_lmi_outlook_for (double percent_change)
{
  if (isnan (percent_change))
    return JK_LMI_OUTLOOK_UNKNOWN;
  if (percent_change >= 10)
    return JK_LMI_OUTLOOK_GROWING_FAST;
  if (percent_change >= 3)
    return JK_LMI_OUTLOOK_GROWING;
  if (percent_change > -3)
    return JK_LMI_OUTLOOK_ABOUT_SAME;
  return JK_LMI_OUTLOOK_SHRINKING;
}

const char *
jk_lmi_outlook_name (JkLmiOutlook outlook)
{
  switch (outlook)
    {
    case JK_LMI_OUTLOOK_GROWING_FAST:
      return "growing_fast";
    case JK_LMI_OUTLOOK_GROWING:
      return "growing";
    case JK_LMI_OUTLOOK_ABOUT_SAME:
      return "about_same";
    case JK_LMI_OUTLOOK_SHRINKING:
      return "shrinking";
    case JK_LMI_OUTLOOK_UNKNOWN:
    default:
      return "unknown";
    }
}

const char *
jk_lmi_outlook_label (JkLmiOutlook outlook)
{
  switch (outlook)
    {
    case JK_LMI_OUTLOOK_GROWING_FAST:
      return _("Growing fast");
    case JK_LMI_OUTLOOK_GROWING:
      return _("Growing");
    case JK_LMI_OUTLOOK_ABOUT_SAME:
      return _("About the same");
    case JK_LMI_OUTLOOK_SHRINKING:
      return _("Shrinking");
    case JK_LMI_OUTLOOK_UNKNOWN:
    default:
      return _("Not projected");
    }
}

char *
jk_lmi_format_wage (const JkLmiWages *wages,
                    JkLmiFigure       figure)
{
  g_autoptr (GString) text = g_string_new (NULL);
  gboolean hourly = figure == JK_LMI_HOURLY_MEAN || (figure >= JK_LMI_HOURLY_P10 && figure <= JK_LMI_HOURLY_P90);
  double value = wages->values[figure];

  g_return_val_if_fail (figure < JK_LMI_N_FIGURES, NULL);
  if (wages->reasons[figure] == JK_LMI_REASON_TOP_CODED)
    {
      /* BLS publishes no figure above its top code: the true one is higher. */
      append_money (text, isnan (value) ? jk_lmi_top_code (figure) : value, hourly);
      return g_strdup_printf (_("%s or more"), text->str);
    }
  if (isnan (value))
    return g_strdup (_("Not published for this area"));
  if (figure == JK_LMI_EMPLOYMENT)
    {
      append_money (text, value, FALSE);
      return g_strdup (text->str + 1);
    }
  if (figure == JK_LMI_JOBS_PER_1000 || figure == JK_LMI_LOCATION_QUOTIENT)
    return g_strdup_printf ("%.2f", value);
  append_money (text, value, hourly);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
jk_lmi_list_item_free (JkLmiListItem *item)
{
  if (item == NULL)
    return;
  g_free (item->soc);
  g_free (item->title);
  g_free (item->wage_area_code);
  g_free (item->projection_area_code);
  g_free (item->education);
  g_free (item->training);
  g_free (item);
}

GPtrArray *
jk_lmi_list (JkStore          *store,
             const JkLmiPlace *place,
             JkLmiList         list,
             guint             limit,
             GError          **error)
{
  g_autofree char *state = jk_lmi_state_area_code (place != NULL ? place->state : NULL);
  g_autofree char *metro = jk_lmi_metro_area_code (place != NULL ? place->metro : NULL);
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_lmi_list_item_free);
  int rc;

  /* Each figure the newest release has for the area; the pay of the
   * metro, else the state, else the nation; growth and openings of the
   * state, else the nation. */
  g_string_append (
    sql,
    "WITH f AS (SELECT o.soc, o.title, o.job_zone,"
    "  (SELECT w.annual_median FROM lmi_wages w WHERE w.soc = o.soc AND w.area_code = ?1"
    "   ORDER BY w.release_id DESC LIMIT 1) AS metro_pay,"
    "  (SELECT w.annual_median FROM lmi_wages w WHERE w.soc = o.soc AND w.area_code = ?2"
    "   ORDER BY w.release_id DESC LIMIT 1) AS state_pay,"
    "  (SELECT w.annual_median FROM lmi_wages w WHERE w.soc = o.soc AND w.area_code = '" NATION "'"
    "   ORDER BY w.release_id DESC LIMIT 1) AS nation_pay,"
    "  (SELECT p.area_code FROM lmi_projections p WHERE p.soc = o.soc AND p.area_code IN (?2, '" NATION "')"
    "   AND p.percent_change IS NOT NULL ORDER BY p.area_code = '" NATION "', p.release_id DESC LIMIT 1) AS p_area,"
    "  (SELECT p.education FROM lmi_projections p WHERE p.soc = o.soc AND p.education IS NOT NULL"
    "   ORDER BY p.area_code = ?2 DESC, p.release_id DESC LIMIT 1) AS education,"
    "  (SELECT p.training FROM lmi_projections p WHERE p.soc = o.soc AND p.training IS NOT NULL"
    "   ORDER BY p.area_code = ?2 DESC, p.release_id DESC LIMIT 1) AS training,"
    "  (SELECT e.category FROM lmi_education e WHERE e.soc = o.soc AND " RL_ELEMENT
    "   ORDER BY e.release_id DESC, e.percent DESC LIMIT 1) AS rl,"
    "  (SELECT e.category_name FROM lmi_education e WHERE e.soc = o.soc AND " RL_ELEMENT
    "   ORDER BY e.release_id DESC, e.percent DESC LIMIT 1) AS rl_name"
    " FROM lmi_occupations o),"
    " g AS (SELECT f.*, coalesce (metro_pay, state_pay, nation_pay) AS pay,"
    "  CASE WHEN metro_pay IS NOT NULL THEN ?1 WHEN state_pay IS NOT NULL THEN ?2"
    "   WHEN nation_pay IS NOT NULL THEN '" NATION "' END AS pay_area,"
    "  (SELECT p.percent_change FROM lmi_projections p WHERE p.soc = f.soc AND p.area_code = f.p_area"
    "   ORDER BY p.release_id DESC LIMIT 1) AS growth,"
    "  (SELECT p.annual_openings FROM lmi_projections p WHERE p.soc = f.soc AND p.area_code = f.p_area"
    "   ORDER BY p.release_id DESC LIMIT 1) AS openings"
    " FROM f)"
    " SELECT soc, title, pay, pay_area, growth, openings, p_area, coalesce (education, rl_name), training,"
    "  EXISTS (SELECT 1 FROM lmi_wages w JOIN lmi_releases r ON r.id = w.release_id"
    "   WHERE w.soc = g.soc AND w.area_code = g.pay_area AND r.demo = 1)"
    "  OR EXISTS (SELECT 1 FROM lmi_projections p JOIN lmi_releases r ON r.id = p.release_id"
    "   WHERE p.soc = g.soc AND p.area_code = g.p_area AND r.demo = 1)"
    " FROM g WHERE ");
  switch (list)
    {
    case JK_LMI_LIST_NO_DEGREE_TOP_PAY:
      g_string_append (sql, "pay IS NOT NULL AND (education COLLATE NOCASE IN " BELOW_ASSOCIATE
                            " OR (education IS NULL AND rl BETWEEN 1 AND 4)) ORDER BY pay DESC");
      break;
    case JK_LMI_LIST_FASTEST_GROWING:
      g_string_append (sql, "growth IS NOT NULL ORDER BY growth DESC");
      break;
    case JK_LMI_LIST_MOST_OPENINGS:
      g_string_append (sql, "openings IS NOT NULL ORDER BY openings DESC");
      break;
    case JK_LMI_LIST_SHORT_TRAINING:
    default:
      g_string_append (sql, "(education = 'Postsecondary nondegree award' COLLATE NOCASE"
                            " OR training COLLATE NOCASE IN ('Short-term on-the-job training',"
                            " 'Moderate-term on-the-job training') OR job_zone <= 2)"
                            " ORDER BY pay IS NULL, pay DESC");
      break;
    }
  g_string_append (sql, ", title LIMIT ?3");

  stmt = jk_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, metro != NULL ? metro : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, state != NULL ? state : NATION, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, limit > 0 ? (int) limit : 20);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JkLmiListItem *item = g_new0 (JkLmiListItem, 1);

      item->soc = column_text (stmt, 0);
      item->title = column_text (stmt, 1);
      item->annual_median = column_number (stmt, 2);
      item->wage_area_code = column_text (stmt, 3);
      item->percent_change = column_number (stmt, 4);
      item->annual_openings = column_number (stmt, 5);
      item->projection_area_code = column_text (stmt, 6);
      item->education = column_text (stmt, 7);
      item->training = column_text (stmt, 8);
      item->demo = sqlite3_column_int (stmt, 9) != 0;
      g_ptr_array_add (items, item);
    }
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot list the occupations");
      return NULL;
    }
  return g_steal_pointer (&items);
}

JkLmiOccupation *
jk_lmi_occupation_get (JkStore          *store,
                       const char       *soc,
                       const JkLmiPlace *place,
                       gint64            now,
                       GError          **error)
{
  g_autofree char *state = jk_lmi_state_area_code (place != NULL ? place->state : NULL);
  g_autofree char *metro = jk_lmi_metro_area_code (place != NULL ? place->metro : NULL);
  g_autoptr (JkLmiOccupation) occupation = g_new0 (JkLmiOccupation, 1);
  const char *areas[3] = { metro, state, NATION };

  occupation->soc = jk_lmi_normalize_soc (soc);
  occupation->tasks = g_ptr_array_new_with_free_func (g_free);
  occupation->requirements = g_ptr_array_new_with_free_func ((GDestroyNotify) requirement_free);
  occupation->unemployment = g_ptr_array_new_with_free_func ((GDestroyNotify) unemployment_free);
  occupation->related = g_ptr_array_new_with_free_func ((GDestroyNotify) related_free);
  if (occupation->soc == NULL)
    {
      g_set_error (error, JK_LMI_ERROR, JK_LMI_ERROR_NOT_FOUND, _("There is no occupation %s"), soc);
      return NULL;
    }
  if (!read_occupation (store, occupation, error) || !read_lists (store, occupation, error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      if (areas[i] == NULL)
        continue;
      occupation->wages[i] = read_wages (store, occupation->soc, areas[i], error);
      if (occupation->wages[i] == NULL)
        return NULL;
    }
  if (!read_projection (store, occupation->soc, state, &occupation->projection, error) ||
      !read_education (store, occupation->soc, state, &occupation->education, error))
    return NULL;
  if ((state != NULL && !read_unemployment (store, state, occupation->unemployment, error)) ||
      (metro != NULL && !read_unemployment (store, metro, occupation->unemployment, error)))
    return NULL;
  occupation->open_jobs = jk_lmi_count_open_jobs (store, occupation->soc, now, &occupation->open_jobs_text, error);
  if (occupation->open_jobs < 0)
    return NULL;
  if (occupation->open_jobs_text == NULL)
    occupation->open_jobs_text = g_strdup (occupation->title);

  occupation->demo = occupation->onet_demo || (occupation->projection != NULL && occupation->projection->origin.demo) ||
                     (occupation->education != NULL && occupation->education->demo);
  for (guint i = 0; i < G_N_ELEMENTS (occupation->wages); i++)
    if (occupation->wages[i] != NULL && occupation->wages[i]->origin.demo)
      occupation->demo = TRUE;
  for (guint i = 0; i < occupation->unemployment->len; i++)
    if (((JkLmiUnemployment *) occupation->unemployment->pdata[i])->origin.demo)
      occupation->demo = TRUE;
  return g_steal_pointer (&occupation);
}

void
jk_lmi_occupation_free (JkLmiOccupation *occupation)
{
  if (occupation == NULL)
    return;
  g_free (occupation->soc);
  g_free (occupation->title);
  g_free (occupation->description);
  g_free (occupation->onet_release);
  g_free (occupation->onet_source);
  g_ptr_array_unref (occupation->tasks);
  for (guint i = 0; i < G_N_ELEMENTS (occupation->wages); i++)
    wages_free (occupation->wages[i]);
  projection_free (occupation->projection);
  education_free (occupation->education);
  g_ptr_array_unref (occupation->requirements);
  g_ptr_array_unref (occupation->unemployment);
  g_ptr_array_unref (occupation->related);
  g_free (occupation->open_jobs_text);
  g_free (occupation);
}
