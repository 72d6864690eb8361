/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-resume-suggest.c: what the resume builder offers: the bundled list, O*NET's tasks, gaps in a work history */

#include <string.h>
#include <jobkiosk/jk-config.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-resume-suggest.h>
#include "jk-test.h"
#include "jk-test-db.h"
#include "jk-test-lmi.h"

typedef struct {
  JkTestDb db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  jk_test_db_set_up (&fixture->db, "jk-test-resume-suggest-XXXXXX", NULL);
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

static gboolean
list_has (GPtrArray  *list,
          const char *text)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (list->pdata[i], text))
      return TRUE;
  return FALSE;
}

/* The length of a list key of the bundled file; the test fails naming
 * group and key when it is missing. */
static guint
count_items (GKeyFile   *file,
             const char *group,
             const char *key)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) items = g_key_file_get_string_list (file, group, key, NULL, &error);
  guint count = 0;

  if (items == NULL)
    g_test_message ("[%s] %s: %s", group, key, error->message);
  g_assert_nonnull (items);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_strstrip (items[i]);
      if (items[i][0] != '\0')
        count++;
    }
  return count;
}

static GKeyFile *
load_bundled (void)
{
  g_autofree char *path = g_build_filename (jk_get_pkgdatadir (), "resume", "suggestions.ini", NULL);
  g_autoptr (GError) error = NULL;
  GKeyFile *file = g_key_file_new ();

  g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
  g_assert_no_error (error);
  return file;
}

static JkResume *
resume_with_jobs (const char *const *dates)
{
  JkResume *resume = jk_resume_new ();

  for (guint i = 0; dates[i] != NULL; i += 2)
    {
      JkResumeWork *work = g_new0 (JkResumeWork, 1);

      work->name = g_strdup ("Employer");
      work->start_date = g_strdup (dates[i]);
      work->end_date = g_strcmp0 (dates[i + 1], "now") == 0 ? NULL : g_strdup (dates[i + 1]);
      work->highlights = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (resume->work, work);
    }
  return resume;
}

/* 2025-11-24, local time at noon so no zone moves the month. */
static gint64
now (void)
{
  g_autoptr (GDateTime) date = g_date_time_new_local (2025, 11, 24, 12, 0, 0);
  return g_date_time_to_unix (date);
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

/* Every occupation of the bundled file in both languages, with the counts
 * the builder needs; the lists the same length in both. */
static void
test_data (void)
{
  g_autoptr (GKeyFile) file = load_bundled ();
  g_auto (GStrv) groups = g_key_file_get_groups (file, NULL);
  g_autoptr (GHashTable) socs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const char *const lists[] = { "certificates", "credentials", "other" };
  guint occupations = 0;

  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *group = groups[i];
      gboolean general = g_str_equal (group, "general");
      g_auto (GStrv) aliases = g_key_file_get_string_list (file, group, "socs", NULL, NULL);

      if (!general && !g_regex_match_simple ("^[0-9]{2}-[0-9]{4}$", group, 0, 0))
        continue;
      g_test_message ("[%s]", group);
      if (!general)
        {
          g_autofree char *title = g_key_file_get_string (file, group, "title", NULL);
          g_autofree char *title_es = g_key_file_get_string (file, group, "title[es]", NULL);

          occupations++;
          g_assert_nonnull (title);
          g_assert_nonnull (title_es);
          g_assert_cmpuint (count_items (file, group, "names"), >=, 3);
          g_assert_cmpuint (count_items (file, group, "names[es]"), >=, 3);
          g_assert_false (g_hash_table_contains (socs, group));
          g_hash_table_add (socs, g_strdup (group));
          for (guint a = 0; aliases != NULL && aliases[a] != NULL; a++)
            {
              g_assert_true (g_regex_match_simple ("^[0-9]{2}-[0-9]{4}$", aliases[a], 0, 0));
              g_assert_false (g_hash_table_contains (socs, aliases[a]));
              g_hash_table_add (socs, g_strdup (aliases[a]));
            }
        }
      g_assert_cmpuint (count_items (file, group, "summary"), ==, 3);
      g_assert_cmpuint (count_items (file, group, "summary[es]"), ==, 3);
      g_assert_cmpuint (count_items (file, group, "duties"), >=, 6);
      g_assert_cmpuint (count_items (file, group, "duties"), <=, 8);
      g_assert_cmpuint (count_items (file, group, "duties[es]"), ==, count_items (file, group, "duties"));
      g_assert_cmpuint (count_items (file, group, "skills"), >=, 6);
      g_assert_cmpuint (count_items (file, group, "skills"), <=, 8);
      g_assert_cmpuint (count_items (file, group, "skills[es]"), ==, count_items (file, group, "skills"));
      /* Spanish written, not English left in place. */
      {
        g_auto (GStrv) duties = g_key_file_get_string_list (file, group, "duties", NULL, NULL);
        g_auto (GStrv) duties_es = g_key_file_get_string_list (file, group, "duties[es]", NULL, NULL);

        for (guint d = 0; duties[d] != NULL && duties_es[d] != NULL; d++)
          g_assert_cmpstr (duties[d], !=, duties_es[d]);
      }
    }
  g_assert_cmpuint (occupations, >=, 28);
  g_assert_cmpuint (occupations, <=, 35);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_test_message ("[%s]", lists[i]);
      g_assert_cmpuint (count_items (file, lists[i], "items"), >=, 6);
      g_assert_cmpuint (count_items (file, lists[i], "items[es]"), ==, count_items (file, lists[i], "items"));
    }
  g_assert_cmpuint (count_items (file, "template", "summary"), ==, 3);
  g_assert_cmpuint (count_items (file, "template", "summary[es]"), ==, 3);

  /* What the code reads is what the file holds. */
  {
    g_autoptr (GPtrArray) en = jk_resume_suggest_occupations ("en");
    g_autoptr (GPtrArray) es = jk_resume_suggest_occupations ("es");
    g_autoptr (GPtrArray) certificates = jk_resume_suggest_certificates ("en");
    g_autoptr (GPtrArray) certificates_es = jk_resume_suggest_certificates ("es");
    g_autoptr (GPtrArray) credentials = jk_resume_suggest_credentials ("en");
    g_autoptr (GPtrArray) credentials_es = jk_resume_suggest_credentials ("es");
    g_autoptr (GPtrArray) other = jk_resume_suggest_other ("en");
    g_autoptr (GPtrArray) other_es = jk_resume_suggest_other ("es");

    g_assert_cmpuint (en->len, ==, occupations);
    g_assert_cmpuint (es->len, ==, occupations);
    for (guint i = 1; i < es->len; i++)
      g_assert_cmpint (g_utf8_collate (((JkResumeOccupation *) es->pdata[i - 1])->title,
                                       ((JkResumeOccupation *) es->pdata[i])->title), <=, 0);
    g_assert_true (list_has (certificates, "CDL Class A"));
    g_assert_true (list_has (certificates, "CPR and First Aid"));
    g_assert_true (list_has (certificates, "OSHA 10"));
    g_assert_true (list_has (certificates_es, "RCP y primeros auxilios"));
    g_assert_cmpuint (certificates->len, ==, certificates_es->len);
    g_assert_true (list_has (credentials, "GED"));
    g_assert_true (list_has (credentials, "High school diploma"));
    g_assert_cmpuint (credentials->len, ==, credentials_es->len);
    g_assert_true (list_has (other, "Volunteer work"));
    g_assert_true (list_has (other_es, "Trabajo voluntario"));
    g_assert_cmpuint (other->len, ==, other_es->len);
  }
}

static void
test_by_soc (void)
{
  g_autoptr (JkResumeSuggestions) en = jk_resume_suggest (NULL, "41-2011", NULL, "en");
  g_autoptr (JkResumeSuggestions) es = jk_resume_suggest (NULL, "41-2011", NULL, "es");
  g_autoptr (JkResumeSuggestions) alias = jk_resume_suggest (NULL, "31-1122", NULL, "en");

  g_assert_cmpstr (en->soc, ==, "41-2011");
  g_assert_cmpstr (en->title, ==, "Cashier");
  g_assert_cmpuint (en->summaries->len, ==, 3);
  g_assert_true (list_has (en->duties, "Count the cash drawer at the start and end of each shift"));
  g_assert_true (list_has (en->skills, "Cash handling"));
  g_assert_null (en->attribution);

  g_assert_cmpstr (es->title, ==, "Cajero/a");
  g_assert_true (list_has (es->duties, "Contar el dinero de la caja al empezar y al terminar cada turno"));
  g_assert_true (list_has (es->skills, "Manejo de efectivo"));
  g_assert_cmpuint (es->duties->len, ==, en->duties->len);
  g_assert_null (es->attribution);

  /* Personal care aides share the home health aides' entry. */
  g_assert_cmpstr (alias->soc, ==, "31-1122");
  g_assert_cmpstr (alias->title, ==, "Home health aide");
}

/* Titles as a visitor types them, in either language, any case, with or
 * without accents, singular or plural, another name for the job. */
static void
test_by_title (void)
{
  static const char *const cases[][3] = {
    { "cashier", "en", "41-2011" },
    { "CAJERA", "es", "41-2011" },
    { "Line cook", "en", "35-2014" },
    { "cocineros", "es", "35-2014" },
    { "cocinero de línea", "es", "35-2014" },
    { "montacarguista", "es", "53-7051" },
    { "Forklift Driver", "en", "53-7051" },
    { "trabajador de almacen", "es", "53-7062" },
    { "Trabajadora de almacén", "es", "53-7062" },
    { "truck drivers", "en", "53-3032" },
    { "CNA", "en", "31-1131" },
    { "auxiliar de enfermería", "es", "31-1131" },
    { "DISHWASHER", "en", "35-9021" },
    { "lavaplatos", "es", "35-9021" },
    { "Home health aides", "en", "31-1120" },
    { "niñera", "es", "39-9011" },
    { "Nanera", "es", NULL },
    { "night stocker at a grocery store", "en", "53-7065" },
    { "guardia de seguridad", "es", "33-9032" },
    { "técnico de farmacia", "es", "29-2052" },
    { "Waitress", "en", "35-3031" },
    { "mesera", "es", "35-3031" },
    { "Astronaut", "en", NULL },
    { "worker", "en", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JkResumeSuggestions) found = jk_resume_suggest (NULL, NULL, cases[i][0], cases[i][1]);

      g_test_message ("%s (%s)", cases[i][0], cases[i][1]);
      g_assert_cmpstr (found->soc, ==, cases[i][2]);
    }
  /* The bundled title in the language asked, whichever language was typed. */
  {
    g_autoptr (JkResumeSuggestions) found = jk_resume_suggest (NULL, NULL, "cajera", "en");
    g_assert_cmpstr (found->title, ==, "Cashier");
  }
}

/* A job the list does not have: general duties and skills, and the
 * summary made with the typed title; without one, the general summary. */
static void
test_unknown (void)
{
  g_autoptr (GKeyFile) file = load_bundled ();
  g_auto (GStrv) general_duties = g_key_file_get_string_list (file, "general", "duties", NULL, NULL);
  g_auto (GStrv) general_summary = g_key_file_get_string_list (file, "general", "summary[es]", NULL, NULL);
  g_autoptr (JkResumeSuggestions) typed = jk_resume_suggest (NULL, NULL, "Zookeeper", "en");
  g_autoptr (JkResumeSuggestions) typed_es = jk_resume_suggest (NULL, NULL, "Guía de museo", "es");
  g_autoptr (JkResumeSuggestions) nothing = jk_resume_suggest (NULL, NULL, NULL, "es");
  g_autoptr (JkResumeSuggestions) unknown_soc = jk_resume_suggest (NULL, "11-1021", "", "en");

  g_assert_null (typed->soc);
  g_assert_cmpstr (typed->title, ==, "Zookeeper");
  g_assert_cmpuint (typed->summaries->len, ==, 3);
  g_assert_nonnull (strstr (typed->summaries->pdata[0], "zookeeper experience"));
  g_assert_cmpuint (typed->duties->len, ==, g_strv_length (general_duties));
  g_assert_cmpstr (typed->duties->pdata[0], ==, general_duties[0]);
  g_assert_cmpuint (typed->skills->len, >=, 6);
  g_assert_null (typed->attribution);

  g_assert_nonnull (strstr (typed_es->summaries->pdata[0], "guía de museo"));
  g_assert_cmpuint (typed_es->duties->len, >=, 6);

  g_assert_null (nothing->soc);
  g_assert_null (nothing->title);
  g_assert_cmpuint (nothing->summaries->len, ==, 3);
  g_assert_cmpstr (nothing->summaries->pdata[0], ==, general_summary[0]);
  g_assert_cmpuint (nothing->duties->len, >=, 6);

  /* A code the list does not have, and no store to ask. */
  g_assert_cmpstr (unknown_soc->soc, ==, "11-1021");
  g_assert_cmpuint (unknown_soc->duties->len, ==, g_strv_length (general_duties));
}

/* With O*NET's tasks and skills in the store, English suggestions are
 * O*NET's, most important first, supplemental ones left out, with the
 * attribution line; Spanish stays our own. */
static void
test_onet (Fixture       *fixture,
           gconstpointer  data)
{
  JkStore *store = fixture->db.store;

  jk_test_lmi_exec (store,
                    "INSERT INTO lmi_skills (release_id, soc, onet_code, skill, importance) VALUES"
                    " (1, '31-1131', '31-1131.00', 'Service Orientation', 3.9),"
                    " (1, '31-1131', '31-1131.00', 'Active Listening', 3.6),"
                    " (1, '31-1131', '31-1131.00', 'Monitoring', 3.4),"
                    " (1, '31-1131', '31-1131.00', 'Speaking', 3.5);");
  {
    g_autoptr (JkResumeSuggestions) en = jk_resume_suggest (store, "31-1131", NULL, "en");
    g_autoptr (JkResumeSuggestions) es = jk_resume_suggest (store, "31-1131", NULL, "es");
    g_autoptr (JkResumeSuggestions) bundled = jk_resume_suggest (NULL, "31-1131", NULL, "es");

    g_assert_cmpuint (en->duties->len, ==, 6);
    g_assert_cmpstr (en->duties->pdata[0], ==, "Turn or reposition bedridden patients");
    g_assert_cmpstr (en->duties->pdata[1], ==, "Provide patient care by supplying and emptying bed pans");
    g_assert_cmpstr (en->duties->pdata[5], ==, "Document care provided to patients");
    g_assert_false (list_has (en->duties, "Set up equipment such as oxygen tents"));
    g_assert_cmpuint (en->skills->len, ==, 4);
    g_assert_cmpstr (en->skills->pdata[0], ==, "Service Orientation");
    g_assert_cmpstr (en->skills->pdata[1], ==, "Active Listening");
    g_assert_cmpstr (en->skills->pdata[3], ==, "Monitoring");
    g_assert_nonnull (en->attribution);
    g_assert_nonnull (strstr (en->attribution, "from the O*NET 29.1 Database by the U.S. Department of Labor"));
    g_assert_nonnull (strstr (en->attribution, "CC BY 4.0"));
    /* Our own title and summary for a job of the list. */
    g_assert_cmpstr (en->title, ==, "Nursing assistant");
    g_assert_cmpuint (en->summaries->len, ==, 3);

    g_assert_null (es->attribution);
    g_assert_cmpstr (es->title, ==, "Asistente de enfermería");
    g_assert_cmpuint (es->duties->len, ==, bundled->duties->len);
    for (guint i = 0; i < es->duties->len; i++)
      g_assert_cmpstr (es->duties->pdata[i], ==, bundled->duties->pdata[i]);
    g_assert_cmpstr (es->skills->pdata[0], ==, bundled->skills->pdata[0]);
  }
  /* Tasks without skills: O*NET's tasks, the bundled skills. */
  {
    g_autoptr (JkResumeSuggestions) en = jk_resume_suggest (store, "41-2011", NULL, "en");
    g_autoptr (JkResumeSuggestions) bundled = jk_resume_suggest (NULL, "41-2011", NULL, "en");

    g_assert_cmpuint (en->duties->len, ==, 1);
    g_assert_cmpstr (en->duties->pdata[0], ==, "Receive payment by cash, check, or credit card");
    g_assert_cmpstr (en->skills->pdata[0], ==, bundled->skills->pdata[0]);
    g_assert_nonnull (en->attribution);
  }
  /* No tasks for it: the bundled list, no attribution. */
  {
    g_autoptr (JkResumeSuggestions) en = jk_resume_suggest (store, "35-2014", NULL, "en");

    g_assert_true (list_has (en->duties, "Follow recipes and portion sizes"));
    g_assert_null (en->attribution);
  }
}

/* O*NET's long statements become short duties: the first sentence,
 * without brackets, cut at a clause; the summary names a job the list
 * does not have by O*NET's title, made singular. */
static void
test_onet_long_tasks (Fixture       *fixture,
                      gconstpointer  data)
{
  JkStore *store = fixture->db.store;
  g_autoptr (JkResumeSuggestions) en = NULL;

  jk_test_lmi_exec (store,
                    "INSERT INTO lmi_tasks (release_id, soc, onet_code, task, core, importance) VALUES"
                    " (1, '29-1141', '29-1141.00', 'Record patients'' medical information and vital signs.', 1, 4.8),"
                    " (1, '29-1141', '29-1141.00', 'Monitor, record, and report symptoms or changes in patients'' conditions,"
                    " such as pain, swelling, fever, or confusion, to physicians and other members of the care team.', 1, 4.7),"
                    " (1, '29-1141', '29-1141.00', 'Administer medications to patients (orally, by injection, or"
                    " intravenously) and monitor patients for reactions. Keep records.', 1, 4.6),"
                    " (1, '29-1141', '29-1141.00', 'Maintain accurate, detailed reports and records of patient care,"
                    " treatment plans, medications, allergies, immunizations, and discharge instructions for all staff"
                    " members everywhere in the building and beyond it.', 1, 4.5),"
                    " (1, '29-1141', '29-1141.00', 'Record patients'' medical information and vital signs', 1, 4.4);");
  en = jk_resume_suggest (store, "29-1141", NULL, "en");

  g_assert_cmpstr (en->soc, ==, "29-1141");
  g_assert_cmpuint (en->duties->len, ==, 3);
  g_assert_cmpstr (en->duties->pdata[0], ==, "Record patients' medical information and vital signs");
  g_assert_cmpstr (en->duties->pdata[1], ==, "Monitor, record, and report symptoms or changes in patients' conditions");
  g_assert_cmpstr (en->duties->pdata[2], ==, "Administer medications to patients and monitor patients for reactions");
  for (guint i = 0; i < en->duties->len; i++)
    g_assert_cmpuint (g_utf8_strlen (en->duties->pdata[i], -1), <=, 90);
  g_assert_nonnull (en->attribution);
  g_assert_cmpstr (en->title, ==, "Registered Nurses");
  g_assert_nonnull (strstr (en->summaries->pdata[0], "registered nurse experience"));
}

static void
test_gap (void)
{
  static const struct {
    const char *what;
    const char *dates[9];
    gboolean gap;
  } cases[] = {
    { "no jobs", { NULL }, TRUE },
    { "one job ended two years ago", { "2019-03", "2023-11", NULL }, TRUE },
    { "one job ended a year ago", { "2019-03", "2024-11", NULL }, FALSE },
    /* The months wholly between the end and this one (November 2025). */
    { "13 months since the last job", { "2019-03", "2024-09", NULL }, TRUE },
    { "12 months since the last job", { "2019-03", "2024-10", NULL }, FALSE },
    { "back to back", { "2018-01", "2020-06", "2020-07", "2025-10", NULL }, FALSE },
    { "back to back, in any order", { "2020-07", "2025-10", "2018-01", "2020-06", NULL }, FALSE },
    { "14 months between jobs", { "2015-01", "2019-02", "2020-05", "now", NULL }, TRUE },
    { "13 months between jobs", { "2015-01", "2019-02", "2020-04", "now", NULL }, TRUE },
    { "12 months between jobs", { "2015-01", "2019-02", "2020-03", "now", NULL }, FALSE },
    { "a current job", { "2024-05-12", NULL, NULL }, FALSE },
    { "years alone", { "2016", "2019", "2020", "2025", NULL }, FALSE },
    { "years alone, two apart", { "2016", "2017", "2020", "2025", NULL }, TRUE },
    { "overlapping jobs cover the gap", { "2010-01", "2022-01", "2012-01", "2014-01", "2021-06", "now", NULL }, FALSE },
    { "a gap hidden by an earlier long job", { "2010-01", "2016-01", "2012-01", "2014-01", "2018-01", "now", NULL }, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JkResume) resume = resume_with_jobs (cases[i].dates);

      g_test_message ("%s", cases[i].what);
      g_assert_cmpint (jk_resume_has_gap (resume, now ()), ==, cases[i].gap);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  jk_i18n_init ();

  g_test_add_func ("/resume-suggest/data", test_data);
  g_test_add_func ("/resume-suggest/by-soc", test_by_soc);
  g_test_add_func ("/resume-suggest/by-title", test_by_title);
  g_test_add_func ("/resume-suggest/unknown", test_unknown);
  JK_TEST_ADD ("/resume-suggest/onet", Fixture, test_onet);
  JK_TEST_ADD ("/resume-suggest/onet-long-tasks", Fixture, test_onet_long_tasks);
  g_test_add_func ("/resume-suggest/gap", test_gap);

  return g_test_run ();
}
