/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-training.c: the provider list and crosswalk imported (and refused), programs found nearest first, short programs */

#include <jobkiosk/jk-training.h>
#include <math.h>
#include <string.h>

#include "jk-test.h"
#include "jk-test-db.h"
#include "jk-test-lmi.h"

/* Where the ZIP codes of the fixtures are (near enough: what matters is
 * 43215 is the kiosk, 43081 about 11 miles north, 43123 about 7 south-west). */
#define CENTROIDS \
  "INSERT INTO zip_centroids (zip, latitude, longitude) VALUES ('43215', 39.9612, -82.9988)," \
  " ('43081', 40.1106, -82.9206), ('43123', 39.8806, -83.0930)"
#define KIOSK_LAT 39.9612
#define KIOSK_LON -82.9988

typedef struct {
  JkTestDb db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  jk_test_db_set_up (&f->db, "jk-test-training-XXXXXX", CENTROIDS);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jk_test_db_tear_down (&f->db);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "training", name, NULL);
}

static gboolean
import (Fixture     *f,
        const char  *name,
        const char  *map,
        GError     **error)
{
  g_autofree char *path = fixture_path (name);
  g_autofree char *map_path = map != NULL ? fixture_path (map) : NULL;

  return jk_training_import (f->db.store, path, map_path, NULL, error);
}

static void
import_ok (Fixture    *f,
           const char *name)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (import (f, name, NULL, &error));
  g_assert_no_error (error);
}

static gint64
count_programs (Fixture *f)
{
  return jk_test_query_int (f->db.store, "SELECT count (*) FROM training_programs");
}

static GPtrArray *
search (Fixture    *f,
        const char *soc)
{
  g_autoptr (GError) error = NULL;
  JkTrainingQuery query = { soc, TRUE, KIOSK_LAT, KIOSK_LON, 0 };
  GPtrArray *programs = jk_training_search (f->db.store, &query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (programs);
  return programs;
}

static const JkTrainingProgram *
find_program (GPtrArray  *programs,
              const char *name)
{
  for (guint i = 0; i < programs->len; i++)
    {
      const JkTrainingProgram *program = programs->pdata[i];
      if (g_str_equal (program->program, name))
        return program;
    }
  return NULL;
}

/* ---------------------------------------------------------------------- */
/* Cases                                                                  */

static void
test_normalize_cip (void)
{
  static const struct {
    const char *text, *cip;
  } cases[] = {
    { "11.0701", "11.0701" }, { "110701", "11.0701" }, { "11.07", "11.0700" }, { " 51.3902 ", "51.3902" },
    { "1.0101", "01.0101" }, { "10101", "01.0101" }, { "=\"48.0508\"", "48.0508" }, { "11.1", "11.1000" },
    { "", NULL }, { "11", NULL }, { "48.AB", NULL }, { "111.0701", NULL }, { "11.07011", NULL },
    { "1107012", NULL }, { "11.07.01", NULL }, { "CIP", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cip = jk_training_normalize_cip (cases[i].text);
      g_assert_cmpstr (cip, ==, cases[i].cip);
    }
}

static void
test_import_spanish (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GPtrArray) programs = NULL;
  const JkTrainingProgram *welding, *aide, *forklift, *safety;
  JkTrainingQuery all = { NULL, TRUE, KIOSK_LAT, KIOSK_LON, 0 };
  g_autoptr (GError) error = NULL;

  import_ok (f, "crosswalk.csv");
  import_ok (f, "etpl-spanish.csv");
  g_assert_cmpint (count_programs (f), ==, 4);
  g_assert_false (jk_training_is_demo (f->db.store));
  programs = jk_training_search (f->db.store, &all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (programs->len, ==, 4);

  welding = find_program (programs, "Soldadura Básica");
  aide = find_program (programs, "Auxiliar de Enfermería");
  forklift = find_program (programs, "Operador de Montacargas");
  safety = find_program (programs, "Forklift Safety");
  g_assert_nonnull (welding);
  g_assert_nonnull (aide);
  g_assert_nonnull (forklift);
  g_assert_nonnull (safety);

  /* The byte order mark is not part of the first header: the provider was found. */
  g_assert_cmpstr (welding->provider, ==, "Escuela Técnica Señor Muñoz");
  g_assert_cmpstr (aide->provider, ==, "Academia \"La Esperanza\"");
  g_assert_cmpstr (forklift->provider, ==, "Centro de Capacitación Niños y Familias");
  g_assert_cmpstr (welding->address, ==, "100 Calle Mayor, Suite 2");
  g_assert_cmpstr (welding->mode, ==, "Presencial");

  /* "$1,200.00", "1200" and "1,200" are the same amount; empty is not known. */
  g_assert_cmpint (welding->cost_cents, ==, 120000);
  g_assert_cmpint (aide->cost_cents, ==, 120000);
  g_assert_cmpint (forklift->cost_cents, ==, 120000);
  g_assert_cmpint (safety->cost_cents, ==, -1);

  /* "85%", "0.85" and "85" are 85 %; what the list leaves empty stays unknown. */
  g_assert_cmpfloat_with_epsilon (welding->completion_rate, 85, 1e-9);
  g_assert_cmpfloat_with_epsilon (welding->employment_rate, 85, 1e-9);
  g_assert_cmpfloat_with_epsilon (aide->completion_rate, 85, 1e-9);
  g_assert_true (isnan (aide->employment_rate));
  g_assert_cmpfloat_with_epsilon (welding->median_earnings, 8100, 1e-9);
  g_assert_true (isnan (aide->median_earnings));
  g_assert_true (isnan (forklift->completion_rate));
  g_assert_true (isnan (forklift->employment_rate));
  g_assert_true (isnan (forklift->median_earnings));
  g_assert_null (aide->url);

  g_assert_cmpstr (aide->cip, ==, "51.3902");
  g_assert_cmpfloat_with_epsilon (welding->weeks, 12, 1e-9);
  g_assert_true (isnan (welding->hours));
  g_assert_true (isnan (forklift->weeks));
  g_assert_cmpfloat_with_epsilon (forklift->hours, 16, 1e-9);
  g_assert_cmpfloat_with_epsilon (jk_training_program_length (forklift), 0.4, 1e-9);
  g_assert_true (isnan (jk_training_program_length (safety)));

  /* A ZIP+4 is its ZIP's centroid; a program without a ZIP has no distance. */
  g_assert_cmpfloat (aide->distance_miles, <, 0.01);
  g_assert_cmpfloat (forklift->distance_miles, >, 9);
  g_assert_cmpfloat (forklift->distance_miles, <, 13);
  g_assert_true (isnan (safety->distance_miles));
}

static void
test_import_map (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) programs = NULL;
  const JkTrainingProgram *truck;

  /* Without the map "Institution" is the provider, but nothing is the program: refused. */
  g_assert_false (import (f, "etpl-other-headers.csv", NULL, &error));
  g_assert_error (error, JK_TRAINING_ERROR, JK_TRAINING_ERROR_FORMAT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "etpl-other-headers.csv:1:"));
  g_assert_nonnull (strstr (error->message, "“program”"));
  g_clear_error (&error);

  g_assert_true (import (f, "etpl-other-headers.csv", "columns.map", &error));
  g_assert_no_error (error);
  import_ok (f, "crosswalk.csv");
  programs = search (f, "53-3032");
  g_assert_cmpuint (programs->len, ==, 1);
  truck = programs->pdata[0];
  g_assert_cmpstr (truck->provider, ==, "Riverside Training");
  g_assert_cmpstr (truck->program, ==, "Truck Driving");
  g_assert_cmpstr (truck->credential, ==, "License");
  g_assert_cmpint (truck->cost_cents, ==, 90000);
  g_assert_cmpfloat_with_epsilon (truck->weeks, 4, 1e-9);
  g_assert_cmpstr (truck->postal_code, ==, "43215");
}

static void
test_import_refused (Fixture       *f,
                     gconstpointer  data)
{
  static const struct {
    const char *file, *where, *why;
  } cases[] = {
    { "bad-no-cip.csv", "bad-no-cip.csv:1:", "cip" },
    { "bad-quote.csv", "bad-quote.csv:3:", "quote" },
    { "bad-fields.csv", "bad-fields.csv:4:", "4 fields where the header has 3" },
    { "bad-cip.csv", "bad-cip.csv:3:", "“48.AB” is not a CIP code" },
  };

  import_ok (f, "etpl-spanish.csv");
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (import (f, cases[i].file, NULL, &error));
      g_assert_error (error, JK_TRAINING_ERROR, JK_TRAINING_ERROR_FORMAT);
      g_test_message ("%s: %s", cases[i].file, error->message);
      g_assert_true (g_str_has_prefix (error->message, cases[i].where));
      g_assert_nonnull (strstr (error->message, cases[i].why));
      /* The list the kiosk had stays, whole. */
      g_assert_cmpint (count_programs (f), ==, 4);
      g_assert_cmpint (jk_test_query_int (f->db.store, "SELECT count (*) FROM training_programs"
                                                       " WHERE provider = 'Escuela Técnica Señor Muñoz'"), ==, 1);
    }
  g_assert_cmpint (jk_test_query_int (f->db.store, "SELECT rows FROM training_imports WHERE kind = 'etpl'"), ==, 4);

  /* A good file replaces the list. */
  g_assert_true (import (f, "etpl-other-headers.csv", "columns.map", NULL));
  g_assert_cmpint (count_programs (f), ==, 1);
}

static void
test_crosswalk (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GPtrArray) imports = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_training_import_free);
  g_autofree char *path = fixture_path ("crosswalk.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) welders = NULL;
  g_autoptr (GPtrArray) setters = NULL;
  g_autoptr (GPtrArray) hosts = NULL;
  g_autoptr (GPtrArray) all = NULL;
  const JkTrainingImport *import;
  const char *socs[] = { "51-4121", "51-4122", "31-1131", "53-7051", "53-3032" };

  g_assert_true (jk_training_import (f->db.store, path, NULL, imports, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imports->len, ==, 1);
  import = imports->pdata[0];
  g_assert_cmpint (import->kind, ==, JK_TRAINING_FILE_CROSSWALK);
  g_assert_cmpint (import->rows, ==, 5);
  g_assert_cmpint (import->skipped, ==, 2);
  import_ok (f, "etpl-spanish.csv");
  /* A program whose CIP code has no occupation. */
  jk_test_lmi_exec (f->db.store, "INSERT INTO training_programs (provider, program, cip, postal_code)"
                                 " VALUES ('Centro', 'Inglés para el trabajo', '32.0109', '43215')");

  /* Welding leads to two occupations: found for each, once. */
  welders = search (f, "51-4121");
  setters = search (f, "51-4122.00");
  g_assert_cmpuint (welders->len, ==, 1);
  g_assert_cmpuint (setters->len, ==, 1);
  g_assert_cmpstr (((JkTrainingProgram *) welders->pdata[0])->program, ==, "Soldadura Básica");
  g_assert_cmpstr (((JkTrainingProgram *) setters->pdata[0])->program, ==, "Soldadura Básica");
  g_assert_cmpint (jk_training_count (f->db.store, "51-4121", NULL), ==, 1);
  /* Two forklift programs for one occupation. */
  g_assert_cmpint (jk_training_count (f->db.store, "53-7051", NULL), ==, 2);

  /* "NO MATCH" rows lead nowhere, and the program without an occupation is found for none. */
  hosts = search (f, "35-9031");
  g_assert_cmpuint (hosts->len, ==, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (socs); i++)
    {
      g_autoptr (GPtrArray) programs = search (f, socs[i]);
      g_assert_null (find_program (programs, "Inglés para el trabajo"));
    }
  all = search (f, NULL);
  g_assert_cmpuint (all->len, ==, 5);
  g_assert_nonnull (find_program (all, "Inglés para el trabajo"));

  /* A re-import of the crosswalk replaces it. */
  import_ok (f, "crosswalk.csv");
  g_assert_cmpint (jk_test_query_int (f->db.store, "SELECT count (*) FROM training_cip_soc"), ==, 5);
}

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GPtrArray) programs = NULL;
  g_autoptr (GError) error = NULL;
  JkTrainingQuery limited = { "51-4121", TRUE, KIOSK_LAT, KIOSK_LON, 2 };
  const char *expected[] = { "Near short", "Near hours", "Near long", "Near unknown length", "Middle", "Far",
                             "Nowhere A", "Nowhere B" };

  import_ok (f, "crosswalk.csv");
  /* Inserted out of order; "Near hours" is 200 hours: 5 weeks full time. */
  jk_test_lmi_exec (f->db.store,
                    "INSERT INTO training_programs (provider, program, cip, weeks, hours, postal_code) VALUES"
                    " ('P', 'Far', '48.0508', 1, NULL, '43081'),"
                    " ('P', 'Nowhere B', '48.0508', 3, NULL, '99999'),"
                    " ('P', 'Near long', '48.0508', 30, NULL, '43215'),"
                    " ('P', 'Middle', '48.0508', 50, NULL, '43123'),"
                    " ('P', 'Near unknown length', '48.0508', NULL, NULL, '43215'),"
                    " ('P', 'Near short', '48.0508', 4, NULL, '43215'),"
                    " ('P', 'Nowhere A', '48.0508', 2, NULL, NULL),"
                    " ('P', 'Near hours', '48.0508', NULL, 200, '43215-0001'),"
                    " ('P', 'Other trade', '51.3902', 1, NULL, '43215')");
  programs = search (f, "51-4121");
  g_assert_cmpuint (programs->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < programs->len; i++)
    {
      const JkTrainingProgram *program = programs->pdata[i];

      g_test_message ("%u: %s %.1f mi", i, program->program, program->distance_miles);
      g_assert_cmpstr (program->program, ==, expected[i]);
    }
  g_assert_true (isnan (((JkTrainingProgram *) programs->pdata[6])->distance_miles));

  g_clear_pointer (&programs, g_ptr_array_unref);
  programs = jk_training_search (f->db.store, &limited, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (programs->len, ==, 2);
  g_assert_cmpint (jk_training_count (f->db.store, "51-4121", NULL), ==, G_N_ELEMENTS (expected));

  /* Without a place, length alone orders them. */
  limited.has_origin = FALSE;
  limited.limit = 0;
  g_clear_pointer (&programs, g_ptr_array_unref);
  programs = jk_training_search (f->db.store, &limited, &error);
  g_assert_cmpstr (((JkTrainingProgram *) programs->pdata[0])->program, ==, "Far");
  g_assert_true (isnan (((JkTrainingProgram *) programs->pdata[0])->distance_miles));
}

static void
test_short_programs (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GPtrArray) programs = NULL;
  g_autoptr (GError) error = NULL;
  JkLmiPlace place = { JK_TEST_LMI_STATE, JK_TEST_LMI_METRO };
  JkTrainingQuery query = { NULL, TRUE, KIOSK_LAT, KIOSK_LON, 0 };
  const JkTrainingProgram *program;
  double bar = 0;

  /* Three occupations needing no formal credential pay 30 000, 34 000 and
   * 41 000 here: the bar is 34 000. Cashiers' metro pay is not published:
   * the state's counts (30 000). Security guards have no BLS education but
   * O*NET's level 1 (less than high school). Welders pay 45 000 in the
   * metro (20 000 in the state: the metro's counts), nursing assistants
   * 33 000, forklift operators exactly 34 000 (not above), truck drivers
   * 52 000 (the nation's, their only figure). */
  jk_test_lmi_exec (
    f->db.store,
    "INSERT INTO lmi_releases (id, kind, name, source, imported) VALUES"
    " (1, 'oews', 'May 2024', 'BLS', 0), (2, 'projections', '2023-2033', 'BLS', 0), (3, 'onet', '29.1', 'O*NET', 0);"
    "INSERT INTO lmi_occupations (soc, title, release_id) VALUES"
    " ('41-2011', 'Cashiers', 1), ('35-3023', 'Fast Food and Counter Workers', 1),"
    " ('33-9032', 'Security Guards', 1), ('51-4121', 'Welders, Cutters, Solderers, and Brazers', 1),"
    " ('31-1131', 'Nursing Assistants', 1), ('53-7051', 'Industrial Truck and Tractor Operators', 1),"
    " ('53-3032', 'Heavy and Tractor-Trailer Truck Drivers', 1), ('11-1021', 'General and Operations Managers', 1);"
    "INSERT INTO lmi_wages (release_id, area_code, soc, annual_median) VALUES"
    " (1, '0018140', '41-2011', NULL), (1, '3900000', '41-2011', 30000),"
    " (1, '0018140', '35-3023', 34000), (1, '0018140', '33-9032', 41000),"
    " (1, '0018140', '51-4121', 45000), (1, '3900000', '51-4121', 20000),"
    " (1, '0018140', '31-1131', 33000), (1, '0018140', '53-7051', 34000),"
    " (1, '0000000', '53-3032', 52000), (1, '0018140', '11-1021', 99000);"
    "INSERT INTO lmi_projections (release_id, area_code, soc, education) VALUES"
    " (2, '0000000', '41-2011', 'No formal educational credential'),"
    " (2, '0000000', '35-3023', 'No formal educational credential'),"
    " (2, '0000000', '51-4121', 'High school diploma or equivalent'),"
    " (2, '0000000', '31-1131', 'Postsecondary nondegree award'),"
    " (2, '0000000', '53-7051', 'No formal educational credential'),"
    " (2, '0000000', '11-1021', 'Bachelor''s degree');"
    "INSERT INTO lmi_education (release_id, soc, onet_code, element, category, percent) VALUES"
    " (3, '33-9032', '33-9032.00', 'RL', 1, 60), (3, '33-9032', '33-9032.00', 'RL', 2, 40);");
  import_ok (f, "crosswalk.csv");
  jk_test_lmi_exec (f->db.store,
                    "INSERT INTO training_programs (provider, program, cip, weeks, hours, postal_code) VALUES"
                    " ('P', 'Welding far', '48.0508', 12, NULL, '43081'),"
                    " ('P', 'Welding near', '48.0508', 26, NULL, '43215'),"
                    " ('P', 'Welding long', '48.0508', 27, NULL, '43215'),"
                    " ('P', 'Nurse aide', '51.3902', 6, NULL, '43215'),"
                    " ('P', 'Forklift', '49.0209', NULL, 16, '43215'),"
                    " ('P', 'CDL', '49.0205', NULL, 1200, '43215'),"
                    " ('P', 'CDL short', '49.0205', NULL, 160, '43123')");

  programs = jk_training_short_programs (f->db.store, &place, &query, &bar, &error);
  g_assert_no_error (error);
  /* Median of 30 000 (cashiers), 34 000 (fast food), 34 000 (forklift), 41 000 (security). */
  g_assert_cmpfloat_with_epsilon (bar, 34000, 1e-6);
  g_assert_cmpuint (programs->len, ==, 3);
  program = programs->pdata[0];
  g_assert_cmpstr (program->program, ==, "Welding near");
  g_assert_cmpstr (program->soc, ==, "51-4121");
  g_assert_cmpstr (program->occupation, ==, "Welders, Cutters, Solderers, and Brazers");
  g_assert_cmpfloat_with_epsilon (program->pay, 45000, 1e-6);
  g_assert_cmpstr (((JkTrainingProgram *) programs->pdata[1])->program, ==, "CDL short");
  g_assert_cmpfloat_with_epsilon (((JkTrainingProgram *) programs->pdata[1])->pay, 52000, 1e-6);
  g_assert_cmpstr (((JkTrainingProgram *) programs->pdata[2])->program, ==, "Welding far");

  /* Two more no-credential occupations paying 50 000 and 60 000: six, the
   * bar the mean of the middle two (34 000 and 41 000). */
  g_clear_pointer (&programs, g_ptr_array_unref);
  jk_test_lmi_exec (f->db.store,
                    "INSERT INTO lmi_occupations (soc, title, release_id) VALUES ('37-2011', 'Janitors', 1),"
                    " ('37-2012', 'Maids', 1);"
                    "INSERT INTO lmi_wages (release_id, area_code, soc, annual_median) VALUES"
                    " (1, '0018140', '37-2011', 50000), (1, '0018140', '37-2012', 60000);"
                    "INSERT INTO lmi_projections (release_id, area_code, soc, education) VALUES"
                    " (2, '0000000', '37-2011', 'No formal educational credential'),"
                    " (2, '0000000', '37-2012', 'No formal educational credential')");
  programs = jk_training_short_programs (f->db.store, &place, &query, &bar, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (bar, 37500, 1e-6);
  g_assert_cmpuint (programs->len, ==, 3);

  /* Without labor market information there is no bar, and no list. */
  g_clear_pointer (&programs, g_ptr_array_unref);
  jk_test_lmi_exec (f->db.store, "DELETE FROM lmi_releases; DELETE FROM lmi_wages; DELETE FROM lmi_projections;"
                                 " DELETE FROM lmi_education; DELETE FROM lmi_occupations");
  programs = jk_training_short_programs (f->db.store, &place, &query, &bar, &error);
  g_assert_no_error (error);
  g_assert_true (isnan (bar));
  g_assert_cmpuint (programs->len, ==, 0);
}

static void
test_demo_folder (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *demo = g_test_build_filename (G_TEST_DIST, "..", "data", "training", "demo", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) programs = NULL;

  g_assert_true (jk_training_import_if_empty (f->db.store, demo, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (jk_training_is_demo (f->db.store));
  g_assert_cmpint (count_programs (f), >=, 20);
  g_assert_cmpint (count_programs (f), <=, 40);
  programs = search (f, "31-1131");
  g_assert_cmpuint (programs->len, >=, 2);
  g_assert_true (((JkTrainingProgram *) programs->pdata[0])->demo);

  /* Not again once the database has programs. */
  jk_test_lmi_exec (f->db.store, "DELETE FROM training_programs WHERE id > 1");
  g_assert_true (jk_training_import_if_empty (f->db.store, demo, NULL, &error));
  g_assert_cmpint (count_programs (f), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/training/normalize-cip", test_normalize_cip);
  JK_TEST_ADD ("/training/import-spanish", Fixture, test_import_spanish);
  JK_TEST_ADD ("/training/import-map", Fixture, test_import_map);
  JK_TEST_ADD ("/training/import-refused", Fixture, test_import_refused);
  JK_TEST_ADD ("/training/crosswalk", Fixture, test_crosswalk);
  JK_TEST_ADD ("/training/order", Fixture, test_order);
  JK_TEST_ADD ("/training/short-programs", Fixture, test_short_programs);
  JK_TEST_ADD ("/training/demo-folder", Fixture, test_demo_folder);
  return g_test_run ();
}
