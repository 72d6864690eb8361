/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-lmi.c: labor market information as the kiosk reads it: finding an occupation, the lists, the occupation page */

#include <math.h>
#include <string.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-lmi.h>
#include "lmi/jk-lmi-query-private.h"
#include "store/jk-store-private.h"
#include "jk-test.h"
#include "jk-test-db.h"
#include "jk-test-lmi.h"

#define NOW G_GINT64_CONSTANT (1764000000) /* 2025-11-24 */

typedef struct {
  JkTestDb db;
} Fixture;

static const JkLmiPlace place = { JK_TEST_LMI_STATE, JK_TEST_LMI_METRO };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  jk_test_db_set_up (&fixture->db, "jk-test-lmi-XXXXXX", NULL);
  jk_test_lmi_fill_sample (fixture->db.store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  jk_test_db_tear_down (&fixture->db);
}

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static GPtrArray *
search (Fixture    *fixture,
        const char *text,
        gboolean    typing)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *found = jk_lmi_search (fixture->db.store, text, typing, 10, &error);

  g_assert_no_error (error);
  g_assert_nonnull (found);
  return found;
}

static const char *
soc_at (GPtrArray *found,
        guint      index)
{
  g_assert_cmpuint (found->len, >, index);
  return ((JkLmiMatch *) found->pdata[index])->soc;
}

static gboolean
has_soc (GPtrArray  *found,
         const char *soc)
{
  for (guint i = 0; i < found->len; i++)
    if (g_str_equal (((JkLmiMatch *) found->pdata[i])->soc, soc))
      return TRUE;
  return FALSE;
}

/* The SOC found first for text, or "" for nothing. */
static char *
first_soc (Fixture    *fixture,
           const char *text,
           gboolean    typing)
{
  g_autoptr (GPtrArray) found = search (fixture, text, typing);

  return g_strdup (found->len > 0 ? soc_at (found, 0) : "");
}

static GPtrArray *
list (Fixture  *fixture,
      JkLmiList which)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *items = jk_lmi_list (fixture->db.store, &place, which, 50, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

static gint
index_in_list (GPtrArray  *items,
               const char *soc)
{
  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (((JkLmiListItem *) items->pdata[i])->soc, soc))
      return (gint) i;
  return -1;
}

static JkLmiOccupation *
page (Fixture          *fixture,
      const char       *soc,
      const JkLmiPlace *where)
{
  g_autoptr (GError) error = NULL;
  JkLmiOccupation *occupation = jk_lmi_occupation_get (fixture->db.store, soc, where, NOW, &error);

  g_assert_no_error (error);
  g_assert_nonnull (occupation);
  return occupation;
}

static void
add_posting (Fixture    *fixture,
             gint64      id,
             const char *title,
             const char *soc_code,
             gint64      expires,
             gboolean    duplicate)
{
  g_autofree char *soc = soc_code != NULL ? g_strdup_printf ("'%s'", soc_code) : g_strdup ("NULL");
  g_autofree char *ends = expires != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, expires) : g_strdup ("NULL");

  jk_test_lmi_exec (fixture->db.store,
                    "INSERT INTO jobs (id, source_id, external_id, content_hash, dedup_key, duplicate, title,"
                    " soc_code, expires, first_seen, last_seen) VALUES (%" G_GINT64_FORMAT ", 1, 'P%" G_GINT64_FORMAT
                    "', 0, '', %d, '%s', %s, %s, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                    id, id, duplicate ? 1 : 0, title, soc, ends, NOW, NOW);
}

static char *
soc_for_job (Fixture    *fixture,
             const char *title,
             const char *soc_code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkJob) job = jk_job_new ();
  char *soc;

  job->title = g_strdup (title);
  job->soc_code = g_strdup (soc_code);
  soc = jk_lmi_soc_for_job (fixture->db.store, job, &error);
  g_assert_no_error (error);
  return soc;
}

/* ---------------------------------------------------------------------- */
/* Finding an occupation                                                  */

static void
test_search_titles (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GPtrArray) cashier = search (fixture, "cashier", FALSE);
  g_autoptr (GPtrArray) cna = search (fixture, "CNA", FALSE);
  g_autoptr (GPtrArray) nothing = search (fixture, "xyzzyq", FALSE);
  g_autoptr (GPtrArray) empty = search (fixture, "", FALSE);
  g_autoptr (GPtrArray) punctuation = search (fixture, "\"*) OR (", FALSE);

  /* The main title, and a plural found by its singular. */
  g_assert_cmpstr (soc_at (cashier, 0), ==, "41-2011");
  g_assert_cmpstr (((JkLmiMatch *) cashier->pdata[0])->matched_kind, ==, "main");
  g_assert_cmpstr (((JkLmiMatch *) cashier->pdata[0])->title, ==, "Cashiers");
  /* An abbreviation through an alternate title; the result names the
   * occupation by its main title. */
  g_assert_cmpstr (soc_at (cna, 0), ==, "31-1131");
  g_assert_cmpstr (((JkLmiMatch *) cna->pdata[0])->title, ==, "Nursing Assistants");
  g_assert_cmpstr (((JkLmiMatch *) cna->pdata[0])->matched_title, ==, "CNA");
  g_assert_cmpuint (nothing->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (punctuation->len, ==, 0);
}

static void
test_search_typos_and_accents (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *assistant = first_soc (fixture, "nursing asistant", FALSE);
  g_autofree char *swapped = first_soc (fixture, "forklfit", FALSE);
  g_autofree char *dropped = first_soc (fixture, "cashir", FALSE);
  g_autofree char *two = first_soc (fixture, "maintenence tecnician", FALSE);
  g_autofree char *accented = first_soc (fixture, "Cajéro", FALSE);
  g_autofree char *short_word = first_soc (fixture, "cok", FALSE);

  g_assert_cmpstr (assistant, ==, "31-1131");
  g_assert_cmpstr (swapped, ==, "53-7051");
  g_assert_cmpstr (dropped, ==, "41-2011");
  g_assert_cmpstr (two, ==, "49-9071");
  g_assert_cmpstr (accented, ==, "41-2011");
  /* Three letters are too few to guess from: "cok" is not "cook". */
  g_assert_cmpstr (short_word, ==, "");
}

static void
test_search_spanish (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *cajero = first_soc (fixture, "cajero", FALSE);
  g_autofree char *montacargas = first_soc (fixture, "montacargas", FALSE);
  g_autofree char *cocinero = first_soc (fixture, "cocinero", FALSE);
  g_autoptr (GPtrArray) enfermeria = search (fixture, "auxiliar de enfermería", FALSE);
  g_autoptr (GPtrArray) chofer = search (fixture, "chofer de camion", FALSE);

  g_assert_cmpstr (cajero, ==, "41-2011");
  g_assert_cmpstr (montacargas, ==, "53-7051");
  g_assert_cmpstr (cocinero, ==, "35-2014");
  g_assert_cmpstr (soc_at (enfermeria, 0), ==, "31-1131");
  g_assert_true (has_soc (chofer, "53-3032"));
  g_assert_true (has_soc (chofer, "53-3033"));
}

static void
test_search_typing (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *forkl = first_soc (fixture, "fork", TRUE);
  g_autofree char *typo_typing = first_soc (fixture, "forkil", TRUE);
  g_autoptr (GPtrArray) truck = search (fixture, "truck dri", TRUE);

  g_assert_cmpstr (forkl, ==, "53-7051");
  g_assert_cmpstr (typo_typing, ==, "53-7051");
  g_assert_true (has_soc (truck, "53-3032"));
  g_assert_true (has_soc (truck, "53-3033"));
}

static void
test_search_ranking (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GPtrArray) nurse = search (fixture, "nurse", FALSE);
  g_autoptr (GPtrArray) driver = search (fixture, "driver", FALSE);
  g_autoptr (GPtrArray) cook = search (fixture, "cook", FALSE);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* A main title before alternate titles of other occupations. */
  g_assert_cmpstr (soc_at (nurse, 0), ==, "29-1141");
  g_assert_true (has_soc (nurse, "31-1131"));
  g_assert_true (has_soc (nurse, "29-2061"));
  g_assert_cmpstr (soc_at (cook, 0), ==, "35-2014");
  g_assert_true (has_soc (cook, "35-2021"));
  /* One result per occupation, however many of its titles match. */
  g_assert_cmpuint (driver->len, ==, 3);
  for (guint i = 0; i < driver->len; i++)
    {
      g_assert_false (g_hash_table_contains (seen, soc_at (driver, i)));
      g_hash_table_add (seen, (gpointer) soc_at (driver, i));
      if (i > 0)
        g_assert_cmpfloat (((JkLmiMatch *) driver->pdata[i - 1])->score, >=, ((JkLmiMatch *) driver->pdata[i])->score);
    }
}

/* Titles written after the last reindex are not found until the next one:
 * the importer calls jk_lmi_reindex at the end of its transaction. */
static void
test_reindex (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  jk_test_lmi_exec (fixture->db.store,
                    "INSERT INTO lmi_occupations (soc, title, job_zone, release_id) VALUES"
                    " ('47-2061', 'Construction Laborers', 2, 1);"
                    "INSERT INTO lmi_titles (soc, title, kind, release_id) VALUES ('47-2061', 'Hod Carrier', 'alternate', 1);");
  before = first_soc (fixture, "hod carrier", FALSE);
  g_assert_cmpstr (before, ==, "");
  g_assert_true (jk_lmi_reindex (fixture->db.store, &error));
  g_assert_no_error (error);
  after = first_soc (fixture, "hod carrier", FALSE);
  g_assert_cmpstr (after, ==, "47-2061");
  /* Rebuilt, not added to: every name is there once. */
  g_assert_cmpint (jk_test_query_int (fixture->db.store, "SELECT count(*) FROM lmi_search_titles"), ==,
                   jk_test_query_int (fixture->db.store, "SELECT count(*) FROM (SELECT DISTINCT soc, lower (title)"
                                                         " FROM (SELECT soc, title FROM lmi_titles UNION ALL"
                                                         " SELECT soc, title FROM lmi_occupations))"));
}

/* ---------------------------------------------------------------------- */
/* Lists                                                                  */

static void
test_list_no_degree (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GPtrArray) items = list (fixture, JK_LMI_LIST_NO_DEGREE_TOP_PAY);
  const JkLmiListItem *first, *maintenance, *service;

  /* A bachelor's degree is a degree. */
  g_assert_cmpint (index_in_list (items, "29-1141"), ==, -1);
  g_assert_cmpint (index_in_list (items, "11-1021"), ==, -1);
  g_assert_cmpuint (items->len, ==, 10);
  for (guint i = 1; i < items->len; i++)
    g_assert_cmpfloat (((JkLmiListItem *) items->pdata[i - 1])->annual_median, >=,
                       ((JkLmiListItem *) items->pdata[i])->annual_median);
  first = items->pdata[0];
  g_assert_cmpstr (first->soc, ==, "29-2061");
  g_assert_cmpfloat (first->annual_median, ==, 59280);
  g_assert_cmpstr (first->wage_area_code, ==, "0018140");
  /* The nation's pay where the metro and the state publish none. */
  maintenance = items->pdata[index_in_list (items, "49-9071")];
  g_assert_cmpstr (maintenance->wage_area_code, ==, "0000000");
  g_assert_cmpfloat (maintenance->annual_median, ==, 48464);
  /* No projections: O*NET's most common required level. */
  service = items->pdata[index_in_list (items, "43-4051")];
  g_assert_cmpstr (service->education, ==, "High School Diploma (or GED or High School Equivalence Certificate)");
}

static void
test_list_growth_and_openings (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr (GPtrArray) growing = list (fixture, JK_LMI_LIST_FASTEST_GROWING);
  g_autoptr (GPtrArray) openings = list (fixture, JK_LMI_LIST_MOST_OPENINGS);
  const JkLmiListItem *light, *last;
  gint cashiers;

  /* The state's projection before the nation's: 15 % in Ohio, 12 % in
   * the nation. */
  light = growing->pdata[0];
  g_assert_cmpstr (light->soc, ==, "53-3033");
  g_assert_cmpfloat (light->percent_change, ==, 15.0);
  g_assert_cmpstr (light->projection_area_code, ==, "3900000");
  g_assert_true (light->demo);
  last = growing->pdata[growing->len - 1];
  g_assert_cmpstr (last->soc, ==, "41-2011");
  g_assert_cmpfloat (last->percent_change, ==, -12.0);

  g_assert_cmpstr (((JkLmiListItem *) openings->pdata[0])->soc, ==, "11-1021");
  for (guint i = 1; i < openings->len; i++)
    g_assert_cmpfloat (((JkLmiListItem *) openings->pdata[i - 1])->annual_openings, >=,
                       ((JkLmiListItem *) openings->pdata[i])->annual_openings);
  cashiers = index_in_list (openings, "41-2011");
  g_assert_cmpint (cashiers, >=, 0);
  g_assert_cmpfloat (((JkLmiListItem *) openings->pdata[cashiers])->annual_openings, ==, 20000);
  g_assert_false (((JkLmiListItem *) openings->pdata[0])->demo);
}

static void
test_list_short_training (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr (GPtrArray) items = list (fixture, JK_LMI_LIST_SHORT_TRAINING);

  g_assert_cmpint (index_in_list (items, "29-1141"), ==, -1);
  g_assert_cmpint (index_in_list (items, "11-1021"), ==, -1);
  /* A certificate, short on-the-job training, or job zone 2. */
  g_assert_cmpint (index_in_list (items, "31-1131"), >=, 0);
  g_assert_cmpint (index_in_list (items, "41-2011"), >=, 0);
  g_assert_cmpint (index_in_list (items, "43-4051"), >=, 0);
  g_assert_cmpuint (items->len, ==, 10);
  g_assert_cmpstr (((JkLmiListItem *) items->pdata[0])->soc, ==, "29-2061");
}

/* ---------------------------------------------------------------------- */
/* The occupation page                                                    */

static void
test_page (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (JkLmiOccupation) occupation = page (fixture, "31-1131", &place);
  const JkLmiWages *metro = occupation->wages[JK_LMI_AREA_METRO];
  const JkLmiWages *state = occupation->wages[JK_LMI_AREA_STATE];
  const JkLmiWages *nation = occupation->wages[JK_LMI_AREA_NATION];
  const JkLmiUnemployment *ohio;
  const JkLmiRate *first_month, *last_month;
  const JkLmiRequirement *requirement;
  g_autofree char *median = NULL;
  g_autofree char *hourly = NULL;
  g_autofree char *employment = NULL;

  g_assert_cmpstr (occupation->title, ==, "Nursing Assistants");
  g_assert_nonnull (strstr (occupation->description, "patient care"));
  g_assert_cmpstr (occupation->onet_release, ==, "29.1");
  /* Five core tasks by importance: the supplemental one is left out. */
  g_assert_cmpuint (occupation->tasks->len, ==, 5);
  g_assert_cmpstr (occupation->tasks->pdata[0], ==, "Turn or reposition bedridden patients.");
  g_assert_cmpstr (occupation->tasks->pdata[4], ==, "Feed patients who are unable to feed themselves.");
  for (guint i = 0; i < occupation->tasks->len; i++)
    g_assert_null (strstr (occupation->tasks->pdata[i], "oxygen"));

  g_assert_cmpstr (metro->origin.area_code, ==, "0018140");
  g_assert_cmpstr (metro->origin.area_name, ==, "Columbus, OH");
  g_assert_cmpstr (metro->origin.area_type, ==, "metro");
  g_assert_cmpstr (metro->origin.release, ==, "May 2024");
  g_assert_cmpstr (metro->origin.source, ==, "U.S. Bureau of Labor Statistics, OEWS");
  g_assert_true (isnan (metro->values[JK_LMI_EMPLOYMENT]));
  g_assert_cmpint (metro->reasons[JK_LMI_EMPLOYMENT], ==, JK_LMI_REASON_NOT_RELEASED);
  g_assert_cmpfloat (metro->values[JK_LMI_ANNUAL_MEDIAN], ==, 37856);
  g_assert_cmpint (metro->reasons[JK_LMI_ANNUAL_MEDIAN], ==, JK_LMI_REASON_NONE);
  /* A figure the importer did not have at all. */
  g_assert_cmpint (metro->reasons[JK_LMI_HOURLY_MEAN], ==, JK_LMI_REASON_MISSING);
  g_assert_cmpstr (state->origin.area_type, ==, "state");
  g_assert_cmpfloat (state->values[JK_LMI_EMPLOYMENT], ==, 84000);
  g_assert_cmpstr (nation->origin.area_type, ==, "national");
  g_assert_cmpfloat (nation->values[JK_LMI_ANNUAL_MEDIAN], ==, 38460);

  jk_i18n_set_language ("en");
  median = jk_lmi_format_wage (metro, JK_LMI_ANNUAL_MEDIAN);
  hourly = jk_lmi_format_wage (metro, JK_LMI_HOURLY_MEDIAN);
  employment = jk_lmi_format_wage (metro, JK_LMI_EMPLOYMENT);
  g_assert_cmpstr (median, ==, "$37,856");
  g_assert_cmpstr (hourly, ==, "$18.20");
  g_assert_cmpstr (employment, ==, "Not published for this area");

  /* Ohio's projection, which is demo data: the page says so. */
  g_assert_nonnull (occupation->projection);
  g_assert_cmpstr (occupation->projection->origin.area_code, ==, "3900000");
  g_assert_cmpstr (occupation->projection->origin.release, ==, "Ohio 2022-2032");
  g_assert_cmpfloat (occupation->projection->percent_change, ==, 2.0);
  g_assert_cmpint (occupation->projection->outlook, ==, JK_LMI_OUTLOOK_ABOUT_SAME);
  g_assert_true (occupation->projection->origin.demo);
  g_assert_true (occupation->demo);
  /* BLS's words from the national projections. */
  g_assert_cmpstr (occupation->education->education, ==, "Postsecondary nondegree award");
  g_assert_cmpstr (occupation->education->training, ==, "None");
  g_assert_false (occupation->education->from_onet);

  g_assert_cmpuint (occupation->requirements->len, ==, 2);
  requirement = occupation->requirements->pdata[0];
  g_assert_cmpstr (requirement->kind, ==, "certificate");
  g_assert_cmpstr (requirement->agency, ==, "Ohio Department of Health");

  g_assert_cmpuint (occupation->unemployment->len, ==, 1);
  ohio = occupation->unemployment->pdata[0];
  g_assert_cmpstr (ohio->origin.area_code, ==, "3900000");
  g_assert_cmpuint (ohio->months->len, ==, 24);
  first_month = &g_array_index (ohio->months, JkLmiRate, 0);
  last_month = &g_array_index (ohio->months, JkLmiRate, 23);
  g_assert_cmpint (first_month->year, ==, 2023);
  g_assert_cmpint (first_month->month, ==, 3);
  g_assert_false (first_month->preliminary);
  g_assert_cmpint (last_month->year, ==, 2025);
  g_assert_cmpint (last_month->month, ==, 2);
  g_assert_true (last_month->preliminary);
  g_assert_cmpint (ohio->annual.year, ==, 2024);
  g_assert_cmpfloat (ohio->annual.rate, ==, 4.3);

  /* Related occupations the kiosk knows, by rank, the detailed codes
   * made SOC codes. */
  g_assert_cmpuint (occupation->related->len, ==, 2);
  g_assert_cmpstr (((JkLmiRelated *) occupation->related->pdata[0])->soc, ==, "29-2061");
  g_assert_cmpstr (((JkLmiRelated *) occupation->related->pdata[1])->title, ==, "Registered Nurses");
}

static void
test_page_top_coded (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (JkLmiOccupation) nurses = page (fixture, "29-1141.00", &place);
  const JkLmiWages *metro = nurses->wages[JK_LMI_AREA_METRO];
  g_autofree char *annual = NULL;
  g_autofree char *hourly = NULL;

  g_assert_cmpstr (nurses->soc, ==, "29-1141");
  g_assert_true (isnan (metro->values[JK_LMI_ANNUAL_P90]));
  g_assert_cmpint (metro->reasons[JK_LMI_ANNUAL_P90], ==, JK_LMI_REASON_TOP_CODED);
  g_assert_cmpint (metro->reasons[JK_LMI_HOURLY_P90], ==, JK_LMI_REASON_TOP_CODED);
  g_assert_cmpstr (jk_lmi_reason_name (metro->reasons[JK_LMI_ANNUAL_P90]), ==, "top_coded");
  jk_i18n_set_language ("en");
  annual = jk_lmi_format_wage (metro, JK_LMI_ANNUAL_P90);
  hourly = jk_lmi_format_wage (metro, JK_LMI_HOURLY_P90);
  g_assert_cmpstr (annual, ==, "$239,200 or more");
  g_assert_cmpstr (hourly, ==, "$115.00 or more");
  /* Ohio has no wages for it: every figure missing, no release named. */
  g_assert_null (nurses->wages[JK_LMI_AREA_STATE]->origin.release);
  g_assert_cmpint (nurses->wages[JK_LMI_AREA_STATE]->reasons[JK_LMI_ANNUAL_MEDIAN], ==, JK_LMI_REASON_MISSING);
  /* No state projection: the nation's. */
  g_assert_cmpstr (nurses->projection->origin.area_code, ==, "0000000");
  g_assert_cmpint (nurses->projection->outlook, ==, JK_LMI_OUTLOOK_GROWING);
  g_assert_cmpstr (nurses->education->education, ==, "Bachelor's degree");
  g_assert_false (nurses->demo);
}

static void
test_page_other_sources (Fixture       *fixture,
                         gconstpointer  data)
{
  const JkLmiPlace no_metro = { "3900000", NULL };
  g_autoptr (JkLmiOccupation) service = page (fixture, "43-4051", &no_metro);
  g_autoptr (JkLmiOccupation) unknown = NULL;
  g_autoptr (GError) error = NULL;

  /* No projections: O*NET's most common level, and no outlook. */
  g_assert_null (service->projection);
  g_assert_true (service->education->from_onet);
  g_assert_cmpstr (service->education->education, ==,
                   "High School Diploma (or GED or High School Equivalence Certificate)");
  g_assert_cmpstr (service->education->release, ==, "29.1");
  /* Without a metro, the state and the nation. */
  g_assert_null (service->wages[JK_LMI_AREA_METRO]);
  g_assert_nonnull (service->wages[JK_LMI_AREA_STATE]);
  g_assert_cmpuint (service->tasks->len, ==, 0);
  g_assert_cmpuint (service->related->len, ==, 0);

  unknown = jk_lmi_occupation_get (fixture->db.store, "99-0000", &place, NOW, &error);
  g_assert_error (error, JK_LMI_ERROR, JK_LMI_ERROR_NOT_FOUND);
  g_assert_null (unknown);
}

static void
test_outlook (void)
{
  g_assert_cmpint (jk_lmi_outlook_for (25), ==, JK_LMI_OUTLOOK_GROWING_FAST);
  g_assert_cmpint (jk_lmi_outlook_for (10), ==, JK_LMI_OUTLOOK_GROWING_FAST);
  g_assert_cmpint (jk_lmi_outlook_for (9.9), ==, JK_LMI_OUTLOOK_GROWING);
  g_assert_cmpint (jk_lmi_outlook_for (3), ==, JK_LMI_OUTLOOK_GROWING);
  g_assert_cmpint (jk_lmi_outlook_for (2.9), ==, JK_LMI_OUTLOOK_ABOUT_SAME);
  g_assert_cmpint (jk_lmi_outlook_for (-2.9), ==, JK_LMI_OUTLOOK_ABOUT_SAME);
  g_assert_cmpint (jk_lmi_outlook_for (-3), ==, JK_LMI_OUTLOOK_SHRINKING);
  g_assert_cmpint (jk_lmi_outlook_for (NAN), ==, JK_LMI_OUTLOOK_UNKNOWN);
  g_assert_cmpstr (jk_lmi_outlook_name (JK_LMI_OUTLOOK_ABOUT_SAME), ==, "about_same");
  jk_i18n_set_language ("es");
  g_assert_cmpstr (jk_lmi_outlook_label (JK_LMI_OUTLOOK_GROWING_FAST), ==, "Crece rápido");
  jk_i18n_set_language ("en");
  g_assert_cmpstr (jk_lmi_outlook_label (JK_LMI_OUTLOOK_GROWING_FAST), ==, "Growing fast");
}

static void
test_codes (void)
{
  const char *const socs[][2] = {
    { "29-1141", "29-1141" }, { "29-1141.00", "29-1141" }, { "291141", "29-1141" }, { " 11-1011.03 ", "11-1011" },
    { "29-114", NULL }, { "2911411", NULL }, { "29-1141.0", NULL }, { "nurse", NULL }, { "", NULL }, { "29-11-41", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (socs); i++)
    {
      g_autofree char *soc = jk_lmi_normalize_soc (socs[i][0]);
      g_assert_cmpstr (soc, ==, socs[i][1]);
    }
  {
    g_autofree char *state = jk_lmi_state_area_code ("39");
    g_autofree char *metro = jk_lmi_metro_area_code ("18140");
    g_autofree char *full = jk_lmi_metro_area_code ("0018140");
    g_autofree char *bad = jk_lmi_state_area_code ("Ohio");
    g_assert_cmpstr (state, ==, "3900000");
    g_assert_cmpstr (metro, ==, "0018140");
    g_assert_cmpstr (full, ==, "0018140");
    g_assert_null (bad);
  }
}

/* ---------------------------------------------------------------------- */
/* Postings                                                               */

static void
test_open_jobs (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (JkLmiOccupation) occupation = NULL;
  g_autoptr (JkLmiOccupation) cooks = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  add_posting (fixture, 1, "CNA - nights", NULL, 0, FALSE);                      /* by title */
  add_posting (fixture, 2, "Patient Care Tech", "31-1131", 0, FALSE);            /* by its code */
  add_posting (fixture, 3, "Caregiver", "31-1131.00", NOW + 86400, FALSE);       /* by its detailed code */
  add_posting (fixture, 4, "Nursing Assistant", "29-1141", 0, FALSE);            /* the feed says another occupation */
  add_posting (fixture, 5, "Certified Nursing Assistant", NULL, NOW - 60, FALSE); /* expired */
  add_posting (fixture, 6, "State Tested Nursing Assistant", NULL, 0, TRUE);    /* a duplicate */
  add_posting (fixture, 7, "Nursing Assistant - Days", "", 0, FALSE);            /* an empty code: by title */
  add_posting (fixture, 8, "Line Cook", NULL, 0, FALSE);
  add_posting (fixture, 9, "Grill Cook", "35-2014", 0, FALSE);
  jk_test_lmi_exec (fixture->db.store, "INSERT INTO jobs_title_fts (jobs_title_fts) VALUES ('rebuild')");

  occupation = page (fixture, "31-1131", &place);
  g_assert_cmpint (occupation->open_jobs, ==, 4);
  /* Job search is by words: the newest of the coded postings' titles
   * (each is there once), which finds it. */
  g_assert_cmpstr (occupation->open_jobs_text, ==, "Caregiver");
  cooks = page (fixture, "35-2014", &place);
  g_assert_cmpint (cooks->open_jobs, ==, 2);
  g_assert_cmpint (jk_lmi_count_open_jobs (fixture->db.store, "29-1141", NOW, &text, &error), ==, 1);
  g_assert_no_error (error);
}

static void
test_soc_for_job (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *const cases[][3] = {
    { "Cook", "35-2014.00", "35-2014" },                /* the feed's code */
    { "Line Cook - Nights", "99-9999", "35-2014" },     /* an unknown code: the title */
    { "Night Shift Forklift Operator", NULL, "53-7051" },
    { "Cashier", NULL, "41-2011" },
    { "CNA", NULL, "31-1131" },
    { "Amazing Opportunity", NULL, NULL },
    { "Driver", NULL, NULL },                           /* every driver title says more */
    { "Forklift", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *soc = soc_for_job (fixture, cases[i][0], cases[i][1]);
      g_test_message ("%s", cases[i][0]);
      g_assert_cmpstr (soc, ==, cases[i][2]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  jk_i18n_init ();

  JK_TEST_ADD ("/lmi/search/titles", Fixture, test_search_titles);
  JK_TEST_ADD ("/lmi/search/typos-and-accents", Fixture, test_search_typos_and_accents);
  JK_TEST_ADD ("/lmi/search/spanish", Fixture, test_search_spanish);
  JK_TEST_ADD ("/lmi/search/typing", Fixture, test_search_typing);
  JK_TEST_ADD ("/lmi/search/ranking", Fixture, test_search_ranking);
  JK_TEST_ADD ("/lmi/search/reindex", Fixture, test_reindex);
  JK_TEST_ADD ("/lmi/list/no-degree", Fixture, test_list_no_degree);
  JK_TEST_ADD ("/lmi/list/growth-and-openings", Fixture, test_list_growth_and_openings);
  JK_TEST_ADD ("/lmi/list/short-training", Fixture, test_list_short_training);
  JK_TEST_ADD ("/lmi/page/figures", Fixture, test_page);
  JK_TEST_ADD ("/lmi/page/top-coded", Fixture, test_page_top_coded);
  JK_TEST_ADD ("/lmi/page/other-sources", Fixture, test_page_other_sources);
  g_test_add_func ("/lmi/outlook", test_outlook);
  g_test_add_func ("/lmi/codes", test_codes);
  JK_TEST_ADD ("/lmi/open-jobs", Fixture, test_open_jobs);
  JK_TEST_ADD ("/lmi/soc-for-job", Fixture, test_soc_for_job);

  return g_test_run ();
}
