/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-training.c: training programs for an occupation, nearest first, and the short programs that raise pay */

#define G_LOG_DOMAIN "jk-training"

#include <jobkiosk/jk-i18n.h>
#include <math.h>
#include <stdlib.h>

#include "jobkiosk/jk-training.h"
#include "store/jk-store-private.h"

#define NATION "0000000"
#define SHORT_WEEKS 26

/* A program's length in weeks: its weeks, else its hours at 40 a week. */
#define LENGTH_SQL "coalesce (p.weeks, p.hours / 40.0)"

#define PROGRAM_COLUMNS \
  "p.id, p.provider, p.program, p.cip, p.credential, p.weeks, p.hours, p.cost_cents, p.mode, p.schedule," \
  " p.address, p.city, p.state, p.postal_code, p.phone, p.url, p.completion_rate, p.employment_rate," \
  " p.median_earnings, jk_distance_miles (z.latitude, z.longitude, :lat, :lon) AS distance"
#define N_PROGRAM_COLUMNS 20

/* The provider's ZIP centroid (a ZIP+4 is its first five digits). */
#define ZIP_JOIN " LEFT JOIN zip_centroids z ON z.zip = substr (p.postal_code, 1, 5)"

#define ORDER_SQL \
  " ORDER BY distance IS NULL, distance, " LENGTH_SQL " IS NULL, " LENGTH_SQL ", p.program, p.id"

/* An occupation's median annual pay here: the metro's, else the state's,
 * else the nation's, each the newest release that publishes it. */
#define PAY_SQL(soc) \
  "coalesce ((SELECT w.annual_median FROM lmi_wages w WHERE w.soc = " soc " AND w.area_code = :metro" \
  "   AND w.annual_median IS NOT NULL ORDER BY w.release_id DESC LIMIT 1)," \
  "  (SELECT w.annual_median FROM lmi_wages w WHERE w.soc = " soc " AND w.area_code = :state" \
  "   AND w.annual_median IS NOT NULL ORDER BY w.release_id DESC LIMIT 1)," \
  "  (SELECT w.annual_median FROM lmi_wages w WHERE w.soc = " soc " AND w.area_code = '" NATION "'" \
  "   AND w.annual_median IS NOT NULL ORDER BY w.release_id DESC LIMIT 1))"

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

static JkTrainingProgram *
read_program (sqlite3_stmt *stmt,
              gboolean      demo)
{
  JkTrainingProgram *program = g_new0 (JkTrainingProgram, 1);

  program->id = sqlite3_column_int64 (stmt, 0);
  program->provider = column_text (stmt, 1);
  program->program = column_text (stmt, 2);
  program->cip = column_text (stmt, 3);
  program->credential = column_text (stmt, 4);
  program->weeks = column_number (stmt, 5);
  program->hours = column_number (stmt, 6);
  program->cost_cents = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 7);
  program->mode = column_text (stmt, 8);
  program->schedule = column_text (stmt, 9);
  program->address = column_text (stmt, 10);
  program->city = column_text (stmt, 11);
  program->state = column_text (stmt, 12);
  program->postal_code = column_text (stmt, 13);
  program->phone = column_text (stmt, 14);
  program->url = column_text (stmt, 15);
  program->completion_rate = column_number (stmt, 16);
  program->employment_rate = column_number (stmt, 17);
  program->median_earnings = column_number (stmt, 18);
  program->distance_miles = column_number (stmt, 19);
  program->pay = NAN;
  program->demo = demo;
  return program;
}

static void
bind_origin (sqlite3_stmt          *stmt,
             const JkTrainingQuery *query)
{
  int lat = sqlite3_bind_parameter_index (stmt, ":lat");
  int lon = sqlite3_bind_parameter_index (stmt, ":lon");

  if (query != NULL && query->has_origin)
    {
      sqlite3_bind_double (stmt, lat, query->latitude);
      sqlite3_bind_double (stmt, lon, query->longitude);
    }
  else
    {
      sqlite3_bind_null (stmt, lat);
      sqlite3_bind_null (stmt, lon);
    }
}

static GPtrArray *
read_programs (JkStore       *store,
               sqlite3_stmt  *stmt,
               gboolean       with_pay,
               GError       **error)
{
  g_autoptr (GPtrArray) programs = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_training_program_free);
  gboolean demo = jk_training_is_demo (store);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JkTrainingProgram *program = read_program (stmt, demo);

      if (with_pay)
        {
          program->soc = column_text (stmt, N_PROGRAM_COLUMNS);
          program->pay = column_number (stmt, N_PROGRAM_COLUMNS + 1);
          program->occupation = column_text (stmt, N_PROGRAM_COLUMNS + 2);
        }
      g_ptr_array_add (programs, program);
    }
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot read the training programs");
      return NULL;
    }
  return g_steal_pointer (&programs);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median pay of the occupations needing no formal credential (the
 * header's definition); NAN when none has pay. */
static gboolean
no_credential_bar (JkStore       *store,
                   const char    *state,
                   const char    *metro,
                   double        *bar,
                   GError       **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) pays = g_array_new (FALSE, FALSE, sizeof (double));
  int rc;

  stmt = jk_store_prepare (
    store,
    "WITH e AS (SELECT o.soc,"
    "  (SELECT p.education FROM lmi_projections p WHERE p.soc = o.soc AND p.education IS NOT NULL"
    "   ORDER BY p.area_code = :state DESC, p.release_id DESC LIMIT 1) AS education,"
    "  (SELECT e.category FROM lmi_education e WHERE e.soc = o.soc"
    "   AND e.element IN ('RL', 'Required Level of Education')"
    "   ORDER BY e.release_id DESC, e.percent DESC LIMIT 1) AS rl"
    " FROM lmi_occupations o)"
    " SELECT " PAY_SQL ("e.soc") " AS pay FROM e"
    " WHERE education = 'No formal educational credential' COLLATE NOCASE OR (education IS NULL AND rl = 1)"
    " ORDER BY pay",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":state"), state, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":metro"), metro, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
      {
        double pay = sqlite3_column_double (stmt, 0);
        g_array_append_val (pays, pay);
      }
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot read the labor market information");
      return FALSE;
    }
  g_array_sort (pays, compare_doubles);
  if (pays->len == 0)
    *bar = NAN;
  else if (pays->len % 2 == 1)
    *bar = g_array_index (pays, double, pays->len / 2);
  else
    *bar = (g_array_index (pays, double, pays->len / 2 - 1) + g_array_index (pays, double, pays->len / 2)) / 2;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

void
jk_training_program_free (JkTrainingProgram *program)
{
  if (program == NULL)
    return;
  g_free (program->provider);
  g_free (program->program);
  g_free (program->cip);
  g_free (program->credential);
  g_free (program->mode);
  g_free (program->schedule);
  g_free (program->address);
  g_free (program->city);
  g_free (program->state);
  g_free (program->postal_code);
  g_free (program->phone);
  g_free (program->url);
  g_free (program->soc);
  g_free (program->occupation);
  g_free (program);
}

double
jk_training_program_length (const JkTrainingProgram *program)
{
  if (!isnan (program->weeks))
    return program->weeks;
  if (!isnan (program->hours))
    return program->hours / 40.0;
  return NAN;
}

gboolean
jk_training_is_demo (JkStore *store)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = jk_store_prepare (store, "SELECT demo FROM training_imports WHERE kind = 'etpl' ORDER BY id DESC LIMIT 1",
                           NULL);
  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
}

GPtrArray *
jk_training_search (JkStore               *store,
                    const JkTrainingQuery *query,
                    GError               **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *soc = query->soc != NULL ? jk_lmi_normalize_soc (query->soc) : NULL;

  if (query->soc != NULL && soc == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) jk_training_program_free);
  if (soc != NULL)
    stmt = jk_store_prepare (store, "SELECT " PROGRAM_COLUMNS " FROM training_cip_soc x"
                                    " JOIN training_programs p ON p.cip = x.cip" ZIP_JOIN
                                    " WHERE x.soc = :soc" ORDER_SQL " LIMIT :limit", error);
  else
    stmt = jk_store_prepare (store, "SELECT " PROGRAM_COLUMNS " FROM training_programs p" ZIP_JOIN
                                    ORDER_SQL " LIMIT :limit", error);
  if (stmt == NULL)
    return NULL;
  bind_origin (stmt, query);
  if (soc != NULL)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":soc"), soc, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), query->limit > 0 ? (gint64) query->limit : -1);
  return read_programs (store, stmt, FALSE, error);
}

gint64
jk_training_count (JkStore    *store,
                   const char *soc,
                   GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *code = jk_lmi_normalize_soc (soc);

  if (code == NULL)
    return 0;
  stmt = jk_store_prepare (store, "SELECT count (*) FROM training_cip_soc x JOIN training_programs p ON p.cip = x.cip"
                                  " WHERE x.soc = ?1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      jk_store_set_error (store, error, "Cannot count the training programs");
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

JkTrainingProgram *
jk_training_get (JkStore               *store,
                 gint64                 id,
                 const JkTrainingQuery *query,
                 GError               **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) programs = NULL;

  stmt = jk_store_prepare (store, "SELECT " PROGRAM_COLUMNS " FROM training_programs p" ZIP_JOIN
                                  " WHERE p.id = :id", error);
  if (stmt == NULL)
    return NULL;
  bind_origin (stmt, query);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), id);
  programs = read_programs (store, stmt, FALSE, error);
  if (programs == NULL)
    return NULL;
  if (programs->len == 0)
    {
      g_set_error (error, JK_TRAINING_ERROR, JK_TRAINING_ERROR_EMPTY, _("There is no such training program."));
      return NULL;
    }
  return g_ptr_array_steal_index (programs, 0);
}

GPtrArray *
jk_training_short_programs (JkStore               *store,
                            const JkLmiPlace      *place,
                            const JkTrainingQuery *query,
                            double                *out_bar,
                            GError               **error)
{
  g_autofree char *state = jk_lmi_state_area_code (place != NULL ? place->state : NULL);
  g_autofree char *metro = jk_lmi_metro_area_code (place != NULL ? place->metro : NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  double bar;

  if (out_bar != NULL)
    *out_bar = NAN;
  if (!no_credential_bar (store, state, metro, &bar, error))
    return NULL;
  if (out_bar != NULL)
    *out_bar = bar;
  if (isnan (bar))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) jk_training_program_free);

  /* Each short program's best-paid occupation above the bar (SQLite
   * gives max ()'s row's soc with it). */
  stmt = jk_store_prepare (
    store,
    "WITH c AS (SELECT p.id, x.soc FROM training_programs p JOIN training_cip_soc x ON x.cip = p.cip"
    "  WHERE " LENGTH_SQL " <= " G_STRINGIFY (SHORT_WEEKS) "),"
    " s AS (SELECT soc, " PAY_SQL ("d.soc") " AS pay FROM (SELECT DISTINCT soc FROM c) d),"
    " b AS (SELECT c.id, c.soc, max (s.pay) AS pay FROM c JOIN s ON s.soc = c.soc WHERE s.pay > :bar"
    "  GROUP BY c.id)"
    " SELECT " PROGRAM_COLUMNS ", b.soc, b.pay, (SELECT o.title FROM lmi_occupations o WHERE o.soc = b.soc)"
    " FROM b JOIN training_programs p ON p.id = b.id" ZIP_JOIN ORDER_SQL " LIMIT :limit",
    error);
  if (stmt == NULL)
    return NULL;
  bind_origin (stmt, query);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":state"), state, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":metro"), metro, -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, sqlite3_bind_parameter_index (stmt, ":bar"), bar);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"),
                      query != NULL && query->limit > 0 ? (gint64) query->limit : -1);
  return read_programs (store, stmt, TRUE, error);
}
