/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-lmi-import.c: labor market files in their published layouts land in the database, or are refused whole */

#include <glib/gstdio.h>
#include <string.h>
#include <jobkiosk/jk-lmi-import.h>
#include "store/jk-store-private.h"
#include "jk-test.h"
#include "jk-test-db.h"

typedef JkTestDb Fixture;

/* ---------------------------------------------------------------------- */
/* Fixture                                                                */

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer user_data)
{
  jk_test_db_set_up (fixture, "jk-lmi-XXXXXX", NULL);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer user_data)
{
  jk_test_db_tear_down (fixture);
}

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "lmi", name, NULL);
}

/* Imports fixture folders (NULL-ended) for Ohio and Columbus; the releases. */
static GPtrArray *
import_ok (Fixture    *fixture,
           const char *first,
           ...)
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *releases = jk_lmi_release_list_new ();
  JkLmiImportOptions options = { .state = "39", .metro = "18140" };
  g_autoptr (GError) error = NULL;
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    g_ptr_array_add (paths, data_path (name));
  va_end (args);
  g_ptr_array_add (paths, NULL);
  g_assert_true (jk_lmi_import (fixture->store, (const char *const *) paths->pdata, &options, releases, &error));
  g_assert_no_error (error);
  return releases;
}

static GError *
import_refused (Fixture    *fixture,
                const char *name)
{
  g_autofree char *path = data_path (name);
  const char *paths[] = { path, NULL };
  g_autoptr (GPtrArray) releases = jk_lmi_release_list_new ();
  JkLmiImportOptions options = { .state = "39", .metro = "18140" };
  GError *error = NULL;

  g_assert_false (jk_lmi_import (fixture->store, paths, &options, releases, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (releases->len, ==, 0);
  return error;
}

static double
wage (Fixture    *fixture,
      const char *column,
      const char *area,
      const char *soc)
{
  g_autofree char *text = jk_test_query_text (fixture->store,
                                              "SELECT printf ('%%.2f', %s) FROM lmi_wages WHERE area_code = '%s' AND soc = '%s'",
                                              column, area, soc);
  g_assert_nonnull (text);
  return g_ascii_strtod (text, NULL);
}

static char *
reasons (Fixture    *fixture,
         const char *area,
         const char *soc)
{
  return jk_test_query_text (fixture->store, "SELECT reasons FROM lmi_wages WHERE area_code = '%s' AND soc = '%s'", area,
                             soc);
}

static gint64
count (Fixture    *fixture,
       const char *table)
{
  return jk_test_query_int (fixture->store, "SELECT count(*) FROM %s", table);
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

static void
test_oews_flat (Fixture      *fixture,
                gconstpointer user_data)
{
  g_autoptr (GPtrArray) releases = import_ok (fixture, "oews-flat", NULL);
  JkLmiRelease *release;
  g_autofree char *ceo = NULL;
  g_autofree char *cashier = NULL;
  g_autofree char *source = NULL;

  g_assert_cmpuint (releases->len, ==, 1);
  release = releases->pdata[0];
  g_assert_cmpstr (release->kind, ==, "oews");
  g_assert_cmpstr (release->name, ==, "May 2024");
  g_assert_false (release->demo);
  /* Ohio's figures as the file has them. */
  g_assert_cmpfloat (wage (fixture, "employment", "3900000", "29-1141"), ==, 133450);
  g_assert_cmpfloat (wage (fixture, "hourly_median", "3900000", "29-1141"), ==, 39.50);
  g_assert_cmpfloat (wage (fixture, "annual_median", "3900000", "29-1141"), ==, 82160);
  g_assert_cmpfloat (wage (fixture, "location_quotient", "0017140", "29-1141"), ==, 1.02);
  /* "-" with footnote 5 is the top code; 8 not released; none: missing. */
  ceo = reasons (fixture, "3900000", "11-1011");
  g_assert_cmpstr (ceo, ==, "hourly_p75=top_coded;hourly_p90=top_coded;annual_p75=top_coded;annual_p90=top_coded");
  g_assert_cmpint (jk_test_query_int (fixture->store,
                                      "SELECT annual_p90 IS NULL FROM lmi_wages WHERE area_code = '3900000' AND soc = '11-1011'"),
                   ==, 1);
  cashier = reasons (fixture, "0018140", "41-2011");
  g_assert_cmpstr (cashier, ==, "employment=not_released;location_quotient=not_released");
  {
    g_autofree char *aide = reasons (fixture, "0010420", "31-1131");
    g_assert_cmpstr (aide, ==, "hourly_p90=missing");
  }
  /* Ohio, its metros (Cincinnati by its title "OH-KY-IN", though oe.area lists it under Kentucky), the nation. */
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(DISTINCT area_code) FROM lmi_wages"), ==, 5);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM lmi_wages WHERE area_code IN"
                                                      " ('1800000', '0026900')"), ==, 0);
  /* Indiana and Indianapolis: 2 areas × 8 codes × 16 figures, and 2 industry rows. */
  g_assert_cmpint (release->skipped[JK_LMI_SKIP_OTHER_AREAS], ==, 2 * 8 * 16 + 2);
  g_assert_cmpint (release->skipped[JK_LMI_SKIP_INDUSTRIES], ==, 5);
  g_assert_cmpint (release->skipped[JK_LMI_SKIP_GROUPS], ==, 5 * 15);
  /* Groups are not occupations; titles come from oe.occupation. */
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM lmi_wages WHERE soc = '29-0000'"), ==, 0);
  source = jk_test_query_text (fixture->store, "SELECT title FROM lmi_occupations WHERE soc = '53-7051'");
  g_assert_cmpstr (source, ==, "Industrial Truck and Tractor Operators");
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM lmi_areas WHERE type = 'metro'"), ==, 3);
}

static void
test_oews_csv (Fixture      *fixture,
               gconstpointer user_data)
{
  g_autoptr (GPtrArray) releases = import_ok (fixture, "oews-csv", NULL);
  JkLmiRelease *release = releases->pdata[0];
  g_autofree char *ceo = NULL;
  g_autofree char *cashier = NULL;

  g_assert_cmpuint (releases->len, ==, 1);
  g_assert_cmpstr (release->name, ==, "May 2024");
  g_assert_cmpstr (release->files, ==, "MSA_M_2024_dl.csv, state_M_2024_dl.csv");
  g_assert_cmpfloat (wage (fixture, "employment", "3900000", "29-1141"), ==, 133450);
  g_assert_cmpfloat (wage (fixture, "annual_p90", "3900000", "29-1141"), ==, 119142);
  g_assert_cmpfloat (wage (fixture, "hourly_median", "0018140", "29-1141"), ==, 41.08);
  g_assert_cmpfloat (wage (fixture, "annual_median", "0017140", "29-1141"), ==, 83803);
  ceo = reasons (fixture, "3900000", "11-1011");
  g_assert_cmpstr (ceo, ==, "hourly_p75=top_coded;hourly_p90=top_coded;annual_p75=top_coded;annual_p90=top_coded");
  cashier = reasons (fixture, "3900000", "41-2011");
  g_assert_cmpstr (cashier, ==, "employment=not_released;jobs_per_1000=missing;location_quotient=missing;"
                                "hourly_p10=not_released;hourly_p25=not_released;annual_p10=not_released;annual_p25=not_released");
  /* Indiana's two rows, Indianapolis and a nonmetropolitan area. */
  g_assert_cmpint (release->skipped[JK_LMI_SKIP_OTHER_AREAS], ==, 4);
  g_assert_cmpint (release->skipped[JK_LMI_SKIP_GROUPS], ==, 1);
  g_assert_cmpint (release->taken, ==, 7);
}

static void
test_laus (Fixture      *fixture,
           gconstpointer user_data)
{
  g_autoptr (GPtrArray) releases = import_ok (fixture, "laus", NULL);
  JkLmiRelease *release = releases->pdata[0];
  g_autofree char *county = NULL;

  g_assert_cmpstr (release->kind, ==, "laus");
  g_assert_cmpstr (release->name, ==, "December 2024");
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT rate * 10 FROM lmi_unemployment"
                                                      " WHERE area_code = '3900000' AND period = 'M11'"), ==, 43);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT preliminary FROM lmi_unemployment"
                                                      " WHERE area_code = '3900000' AND period = 'M12'"), ==, 1);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT rate IS NULL FROM lmi_unemployment"
                                                      " WHERE area_code = '39049' AND period = 'M12'"), ==, 1);
  g_assert_cmpint (count (fixture, "lmi_unemployment"), ==, 8);
  g_assert_cmpint (release->skipped[JK_LMI_SKIP_OTHER_AREAS], ==, 8);
  g_assert_cmpint (release->skipped[JK_LMI_SKIP_ADJUSTED], ==, 4);
  county = jk_test_query_text (fixture->store, "SELECT name FROM lmi_areas WHERE code = '39049'");
  g_assert_cmpstr (county, ==, "Franklin County, OH");
}

static void
test_projections (Fixture      *fixture,
                  gconstpointer user_data)
{
  g_autoptr (GPtrArray) releases = import_ok (fixture, "projections", "projections-state", NULL);
  g_autofree char *education = NULL;

  g_assert_cmpuint (releases->len, ==, 2);
  g_assert_cmpstr (((JkLmiRelease *) releases->pdata[0])->name, ==, "2023-2033");
  g_assert_cmpstr (((JkLmiRelease *) releases->pdata[1])->name, ==, "2022-2032 Ohio");
  /* The national table is in thousands. */
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT annual_openings FROM lmi_projections"
                                                      " WHERE area_code = '0000000' AND soc = '29-1141'"), ==, 193100);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT median_wage IS NULL FROM lmi_projections"
                                                      " WHERE area_code = '0000000' AND soc = '11-1011'"), ==, 1);
  education = jk_test_query_text (fixture->store, "SELECT training FROM lmi_projections"
                                                  " WHERE area_code = '0000000' AND soc = '53-7051'");
  g_assert_cmpstr (education, ==, "Short-term on-the-job training");
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT projected_employment FROM lmi_projections"
                                                      " WHERE area_code = '3900000' AND soc = '29-1141'"), ==, 139930);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM lmi_projections WHERE area_code = '1800000'"),
                   ==, 0);
}

static void
test_onet (Fixture      *fixture,
           gconstpointer user_data)
{
  g_autoptr (GPtrArray) releases = import_ok (fixture, "onet", NULL);
  JkLmiRelease *release = releases->pdata[0];
  g_autofree char *source = NULL;
  g_autofree char *category = NULL;

  g_assert_cmpstr (release->name, ==, "29.1");
  source = g_strdup (release->source);
  g_assert_true (g_str_has_prefix (source, "O*NET 29.1 Database"));
  /* The detailed code folds into its SOC and keeps its own code. */
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM lmi_titles WHERE soc = '11-1011'"
                                                      " AND onet_code = '11-1011.03'"), ==, 2);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT job_zone FROM lmi_occupations WHERE soc = '11-1011'"), ==, 5);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM lmi_titles WHERE soc = '53-7051'"
                                                      " AND title LIKE 'Fork%%'"), ==, 4);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT core FROM lmi_tasks WHERE task LIKE 'Inspect%%'"), ==, 0);
  g_assert_cmpint (count (fixture, "lmi_skills"), ==, 3);
  category = jk_test_query_text (fixture->store, "SELECT category_name FROM lmi_education WHERE soc = '53-7051'"
                                                 " AND category = 2 AND element = 'Required Level of Education'");
  g_assert_cmpstr (category, ==, "High School Diploma - or the equivalent (for example, GED)");
  /* 11-1011.00 to 11-1011.03 is one occupation here. */
  g_assert_cmpint (count (fixture, "lmi_related"), ==, 3);
}

static void
test_onet_quoted_crlf (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autoptr (GPtrArray) releases = import_ok (fixture, "onet-quoted-crlf", NULL);
  g_autofree char *title = NULL;
  g_autofree char *quoted = NULL;

  g_assert_cmpstr (((JkLmiRelease *) releases->pdata[0])->name, ==, "29.1");
  title = jk_test_query_text (fixture->store, "SELECT title FROM lmi_occupations WHERE soc = '53-7051'");
  g_assert_cmpstr (title, ==, "Industrial Truck and Tractor Operators");
  quoted = jk_test_query_text (fixture->store, "SELECT title FROM lmi_titles WHERE title LIKE '%%Tow Motor%%'");
  g_assert_cmpstr (quoted, ==, "\"Tow Motor\" Operator");
}

static void
test_requirements (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr (GPtrArray) releases = import_ok (fixture, "requirements", NULL);
  g_autofree char *note = NULL;

  g_assert_cmpint (((JkLmiRelease *) releases->pdata[0])->taken, ==, 6);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM lmi_requirements"
                                                      " WHERE soc = '53-3032' AND kind = 'driver''s license'"), ==, 1);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM lmi_requirements WHERE kind = 'drug test'"),
                   ==, 1);
  note = jk_test_query_text (fixture->store, "SELECT note FROM lmi_requirements WHERE kind = 'background check'");
  g_assert_cmpstr (note, ==, "Fingerprints at the center, Tuesdays");
}

static void
test_twice_same_counts (Fixture      *fixture,
                        gconstpointer user_data)
{
  const char *tables[] = { "lmi_releases", "lmi_wages", "lmi_titles", "lmi_occupations", "lmi_unemployment",
                           "lmi_projections", "lmi_tasks", "lmi_education", "lmi_skills", "lmi_related",
                           "lmi_requirements", "lmi_areas" };
  gint64 before[G_N_ELEMENTS (tables)];
  g_autoptr (GPtrArray) first = import_ok (fixture, "oews-flat", "laus", "projections", "onet", "requirements", NULL);
  g_autoptr (GPtrArray) second = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      before[i] = count (fixture, tables[i]);
      g_assert_cmpint (before[i], >, 0);
    }
  for (guint i = 0; i < first->len; i++)
    g_assert_false (((JkLmiRelease *) first->pdata[i])->replaced);
  second = import_ok (fixture, "oews-flat", "laus", "projections", "onet", "requirements", NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_cmpint (count (fixture, tables[i]), ==, before[i]);
  for (guint i = 0; i < second->len; i++)
    g_assert_true (((JkLmiRelease *) second->pdata[i])->replaced);
}

static void
test_refused_keeps_old (Fixture      *fixture,
                        gconstpointer user_data)
{
  static const struct {
    const char *folder, *file, *reason;
  } cases[] = {
    { "malformed/wrong-header", "oe.data.0.Current:1:", "series_id" },
    { "malformed/short-row", "oe.data.0.Current:3:", "a row of 2 fields where 4 were expected" },
    { "malformed/series-length", "oe.data.0.Current:3:", "a series id of 24 characters" },
    { "malformed/truncated", "oe.data.0.Current:3:", "cut short" },
    { "malformed/not-a-number", "oe.data.0.Current:3:", "“41,O0” is not a number" },
  };
  g_autoptr (GPtrArray) releases = import_ok (fixture, "oews-flat", NULL);
  gint64 wages = count (fixture, "lmi_wages");

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = import_refused (fixture, cases[i].folder);
      g_autofree char *where = g_strdup_printf ("%s/%s", cases[i].folder, cases[i].file);

      g_test_message ("%s", error->message);
      g_assert_error (error, JK_LMI_IMPORT_ERROR, JK_LMI_IMPORT_ERROR_FORMAT);
      g_assert_nonnull (strstr (error->message, where));
      g_assert_nonnull (strstr (error->message, cases[i].reason));
      /* May 2024 still serves, whole. */
      g_assert_cmpint (count (fixture, "lmi_wages"), ==, wages);
      g_assert_cmpint (count (fixture, "lmi_releases"), ==, 1);
      g_assert_cmpfloat (wage (fixture, "employment", "3900000", "29-1141"), ==, 133450);
    }
}

static void
test_refused_onet_and_requirements (Fixture      *fixture,
                                    gconstpointer user_data)
{
  g_autoptr (GPtrArray) releases = import_ok (fixture, "onet", "requirements", NULL);
  gint64 titles = count (fixture, "lmi_titles");
  g_autoptr (GError) onet = NULL;
  g_autoptr (GError) kind = NULL;

  /* Its good first row is not kept either. */
  onet = import_refused (fixture, "malformed/onet-short");
  g_assert_nonnull (strstr (onet->message, "Occupation Data.txt:3:"));
  g_assert_cmpint (count (fixture, "lmi_titles"), ==, titles);
  kind = import_refused (fixture, "malformed/requirements-kind");
  g_assert_nonnull (strstr (kind->message, "requirements.csv:2:"));
  g_assert_nonnull (strstr (kind->message, "permit"));
  g_assert_cmpint (count (fixture, "lmi_requirements"), ==, 6);
}

/* OEWS, projections and O*NET meet on the SOC code: the forklift
 * operators' pay, outlook and titles are one occupation's. */
static void
test_join_by_code (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr (GPtrArray) releases = import_ok (fixture, "oews-flat", "projections", "onet", NULL);
  g_autofree char *joined = NULL;

  joined = jk_test_query_text (fixture->store,
                               "SELECT o.title || '|' || w.hourly_median || '|' || p.percent_change || '|' || o.job_zone"
                               " || '|' || (SELECT count(*) FROM lmi_titles t WHERE t.soc = o.soc)"
                               " FROM lmi_occupations o"
                               " JOIN lmi_wages w ON w.soc = o.soc AND w.area_code = '3900000'"
                               " JOIN lmi_projections p ON p.soc = o.soc AND p.area_code = '0000000'"
                               " WHERE o.soc = '53-7051'");
  g_assert_cmpstr (joined, ==, "Industrial Truck and Tractor Operators|21.05|6.6|2|6");
  /* O*NET's title wins; OEWS's stays for the occupations O*NET lacks. */
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM lmi_titles WHERE soc = '53-7051'"
                                                      " AND kind = 'main'"), ==, 1);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT r.kind = 'oews' FROM lmi_occupations o"
                                                      " JOIN lmi_releases r ON r.id = o.release_id WHERE o.soc = '41-2011'"), ==, 1);
}

static void
test_demo (Fixture      *fixture,
           gconstpointer user_data)
{
  g_autoptr (GPtrArray) releases = import_ok (fixture, "demo", "requirements", NULL);
  g_autoptr (GPtrArray) file = NULL;
  g_autofree char *source = NULL;

  g_assert_cmpuint (releases->len, ==, 2);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT demo FROM lmi_releases WHERE name = 'requirements-demo'"),
                   ==, 1);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT demo FROM lmi_releases WHERE name = 'requirements'"), ==, 0);
  source = jk_test_query_text (fixture->store, "SELECT source FROM lmi_releases WHERE name = 'requirements-demo'");
  g_assert_cmpstr (source, ==, "Demo data (not published figures)");
  /* A file named on its own is marked by its folder too. */
  jk_store_exec (fixture->store, "DELETE FROM lmi_releases", NULL);
  file = import_ok (fixture, "demo/requirements-demo.csv", NULL);
  g_assert_true (((JkLmiRelease *) file->pdata[0])->demo);
}

static void
test_unknown_file (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr (GError) error = import_refused (fixture, "README.md");

  g_assert_error (error, JK_LMI_IMPORT_ERROR, JK_LMI_IMPORT_ERROR_UNKNOWN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  JK_TEST_ADD ("/lmi/oews-flat", Fixture, test_oews_flat);
  JK_TEST_ADD ("/lmi/oews-csv", Fixture, test_oews_csv);
  JK_TEST_ADD ("/lmi/laus", Fixture, test_laus);
  JK_TEST_ADD ("/lmi/projections", Fixture, test_projections);
  JK_TEST_ADD ("/lmi/onet", Fixture, test_onet);
  JK_TEST_ADD ("/lmi/onet-quoted-crlf", Fixture, test_onet_quoted_crlf);
  JK_TEST_ADD ("/lmi/requirements", Fixture, test_requirements);
  JK_TEST_ADD ("/lmi/twice-same-counts", Fixture, test_twice_same_counts);
  JK_TEST_ADD ("/lmi/refused-keeps-old", Fixture, test_refused_keeps_old);
  JK_TEST_ADD ("/lmi/refused-onet-and-requirements", Fixture, test_refused_onet_and_requirements);
  JK_TEST_ADD ("/lmi/join-by-code", Fixture, test_join_by_code);
  JK_TEST_ADD ("/lmi/demo", Fixture, test_demo);
  JK_TEST_ADD ("/lmi/unknown-file", Fixture, test_unknown_file);
  return g_test_run ();
}
