/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-lmi.c: labor market information written straight into the tables, for the query tests */

#include <jobkiosk/jk-lmi.h>
#include <stdarg.h>

#include "jk-test-lmi.h"
#include "store/jk-store-private.h"

/* Common words of job titles, for generated titles a person could type. */
static const char *const job_words[] = {
  "assistant", "aide", "associate", "attendant", "baker", "bartender", "cashier", "caregiver", "carpenter",
  "cleaner", "clerk", "coach", "collector", "cook", "coordinator", "counselor", "courier", "custodian", "dispatcher",
  "driver", "electrician", "engineer", "estimator", "fabricator", "farmer", "finisher", "forklift", "guard",
  "handler", "helper", "host", "housekeeper", "inspector", "installer", "instructor", "janitor", "laborer",
  "loader", "machinist", "maintenance", "manager", "mechanic", "merchandiser", "nurse", "nursing", "operator",
  "packer", "painter", "picker", "plumber", "porter", "production", "receptionist", "repairer", "representative",
  "sales", "scheduler", "secretary", "server", "service", "shipping", "specialist", "stocker", "supervisor",
  "teacher", "technician", "tester", "trainer", "truck", "tutor", "warehouse", "welder", "worker", "writer",
  "customer", "medical", "dental", "home", "health", "kitchen", "food", "retail", "office", "delivery", "route",
  "night", "shift", "lead", "senior", "junior", "general", "industrial", "commercial", "residential", "mobile",
  "field", "line", "prep", "floor", "front", "desk", "records", "billing", "payroll", "claims", "care", "child",
  "patient", "pharmacy", "laboratory", "security", "parking", "transit", "bus", "van", "tractor", "trailer",
};

/* Syllables for the rarer words every title set has, so the index's words
 * are as many as a real one's and not only a hundred common ones. */
static const char *const syllables[] = {
  "ba", "ce", "di", "fo", "gu", "ha", "ke", "li", "mo", "nu", "pa", "re", "si", "to", "va", "we", "xi", "yo", "za",
  "bro", "cla", "dre", "fli", "gro", "pla", "stri", "tra",
};

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
exec_checked (JkStore    *store,
              const char *sql)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = jk_store_exec (store, sql, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static char *
rare_word (guint index)
{
  GString *word = g_string_new (NULL);
  guint n = G_N_ELEMENTS (syllables);

  g_string_append (word, syllables[index % n]);
  g_string_append (word, syllables[(index / n) % n]);
  g_string_append (word, syllables[(index / (n * n)) % n]);
  g_string_append (word, "n");
  return g_string_free (word, FALSE);
}

static void
step_checked (JkStore      *store,
              sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("writing the generated labor market failed: %s", sqlite3_errmsg (jk_store_get_db (store)));
  sqlite3_reset (stmt);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

void
jk_test_lmi_exec (JkStore    *store,
                  const char *format,
                  ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  exec_checked (store, sql);
}

void
jk_test_lmi_fill_sample (JkStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) rates = g_string_new (NULL);

  exec_checked (store,
    "INSERT INTO lmi_releases (id, kind, name, source, demo, imported) VALUES"
    " (1, 'onet', '29.1', 'O*NET 29.1 Database, U.S. Department of Labor', 0, 1),"
    " (2, 'oews', 'May 2024', 'U.S. Bureau of Labor Statistics, OEWS', 0, 1),"
    " (3, 'projections', '2023-2033', 'U.S. Bureau of Labor Statistics, Employment Projections', 0, 1),"
    " (4, 'projections', 'Ohio 2022-2032', 'Ohio Labor Market Information', 1, 1),"
    " (5, 'laus', '2025', 'U.S. Bureau of Labor Statistics, LAUS', 0, 1),"
    " (6, 'requirements', 'Center 2025', 'Riverside American Job Center', 0, 1);"
    "INSERT INTO lmi_areas (code, name, type, state) VALUES"
    " ('0000000', 'U.S.', 'national', NULL),"
    " ('3900000', 'Ohio', 'state', '39'),"
    " ('0018140', 'Columbus, OH', 'metro', '39'),"
    " ('39049', 'Franklin County, OH', 'county', '39');"
    "INSERT INTO lmi_occupations (soc, title, description, job_zone, release_id) VALUES"
    " ('31-1131', 'Nursing Assistants', 'Provide basic patient care under direction of nursing staff.', 2, 1),"
    " ('53-3032', 'Heavy and Tractor-Trailer Truck Drivers', 'Drive a tractor-trailer combination or a truck"
    "   with a capacity of at least 26,001 pounds.', 2, 1),"
    " ('53-3033', 'Light Truck Drivers', 'Drive a light vehicle, such as a truck or van.', 2, 1),"
    " ('41-2011', 'Cashiers', 'Receive and disburse money in establishments other than financial institutions.', 1, 1),"
    " ('53-7051', 'Industrial Truck and Tractor Operators', 'Operate industrial trucks or tractors equipped to"
    "   move materials around a warehouse.', 2, 1),"
    " ('29-1141', 'Registered Nurses', 'Assess patient health problems and needs.', 4, 1),"
    " ('35-2014', 'Cooks, Restaurant', 'Prepare, season, and cook dishes in restaurants.', 2, 1),"
    " ('35-2021', 'Food Preparation Workers', 'Perform a variety of food preparation duties.', 1, 1),"
    " ('29-2061', 'Licensed Practical and Licensed Vocational Nurses', 'Care for ill, injured, or convalescing"
    "   patients.', 3, 1),"
    " ('49-9071', 'Maintenance and Repair Workers, General', 'Perform work involving the skills of two or more"
    "   maintenance or craft occupations.', 3, 1),"
    " ('11-1021', 'General and Operations Managers', 'Plan, direct, or coordinate the operations of organizations.', 4, 1),"
    " ('43-4051', 'Customer Service Representatives', 'Interact with customers to provide information.', 2, 1);"
    "INSERT INTO lmi_titles (soc, onet_code, title, kind, release_id) VALUES"
    " ('31-1131', '31-1131.00', 'Nursing Assistants', 'main', 1),"
    " ('31-1131', '31-1131.00', 'Certified Nursing Assistant (CNA)', 'alternate', 1),"
    " ('31-1131', '31-1131.00', 'CNA', 'alternate', 1),"
    " ('31-1131', '31-1131.00', 'Nurse Aide', 'alternate', 1),"
    " ('31-1131', '31-1131.00', 'Nursing Aide', 'alternate', 1),"
    " ('31-1131', '31-1131.00', 'State Tested Nursing Assistant (STNA)', 'alternate', 1),"
    " ('53-3032', '53-3032.00', 'Heavy and Tractor-Trailer Truck Drivers', 'main', 1),"
    " ('53-3032', '53-3032.00', 'Semi Truck Driver', 'alternate', 1),"
    " ('53-3032', '53-3032.00', 'Tractor Trailer Driver', 'alternate', 1),"
    " ('53-3032', '53-3032.00', 'CDL Driver', 'alternate', 1),"
    " ('53-3032', '53-3032.00', 'Over the Road Driver (OTR Driver)', 'alternate', 1),"
    " ('53-3033', '53-3033.00', 'Light Truck Drivers', 'main', 1),"
    " ('53-3033', '53-3033.00', 'Delivery Driver', 'alternate', 1),"
    " ('53-3033', '53-3033.00', 'Route Driver', 'alternate', 1),"
    " ('53-3033', '53-3033.00', 'Box Truck Driver', 'alternate', 1),"
    " ('41-2011', '41-2011.00', 'Cashiers', 'main', 1),"
    " ('41-2011', '41-2011.00', 'Front End Cashier', 'alternate', 1),"
    " ('41-2011', '41-2011.00', 'Checker', 'alternate', 1),"
    " ('53-7051', '53-7051.00', 'Industrial Truck and Tractor Operators', 'main', 1),"
    " ('53-7051', '53-7051.00', 'Forklift Operator', 'alternate', 1),"
    " ('53-7051', '53-7051.00', 'Forklift Driver', 'alternate', 1),"
    " ('53-7051', '53-7051.00', 'Hi-Lo Driver', 'alternate', 1),"
    " ('29-1141', '29-1141.00', 'Registered Nurses', 'main', 1),"
    " ('29-1141', '29-1141.00', 'Registered Nurse (RN)', 'alternate', 1),"
    " ('29-1141', '29-1141.00', 'Staff Nurse', 'alternate', 1),"
    " ('35-2014', '35-2014.00', 'Cooks, Restaurant', 'main', 1),"
    " ('35-2014', '35-2014.00', 'Line Cook', 'alternate', 1),"
    " ('35-2014', '35-2014.00', 'Grill Cook', 'alternate', 1),"
    " ('35-2021', '35-2021.00', 'Food Preparation Workers', 'main', 1),"
    " ('35-2021', '35-2021.00', 'Prep Cook', 'alternate', 1),"
    " ('35-2021', '35-2021.00', 'Kitchen Helper', 'alternate', 1),"
    " ('29-2061', '29-2061.00', 'Licensed Practical and Licensed Vocational Nurses', 'main', 1),"
    " ('29-2061', '29-2061.00', 'Licensed Practical Nurse (LPN)', 'alternate', 1),"
    " ('29-2061', '29-2061.00', 'LPN', 'alternate', 1),"
    " ('49-9071', '49-9071.00', 'Maintenance and Repair Workers, General', 'main', 1),"
    " ('49-9071', '49-9071.00', 'Maintenance Technician', 'alternate', 1),"
    " ('11-1021', '11-1021.00', 'General and Operations Managers', 'main', 1),"
    " ('11-1021', '11-1021.00', 'Operations Manager', 'alternate', 1),"
    " ('43-4051', '43-4051.00', 'Customer Service Representatives', 'main', 1),"
    " ('43-4051', '43-4051.00', 'Call Center Representative', 'alternate', 1);");

  /* Wages. Registered Nurses' 90th percentile is top coded; the metro's
   * employment of Nursing Assistants was not released. Maintenance
   * workers have the nation's wages only. */
  exec_checked (store,
    "INSERT INTO lmi_wages (release_id, area_code, soc, employment, hourly_median, annual_p10, annual_p25,"
    " annual_median, annual_p75, annual_p90, hourly_p90, reasons) VALUES"
    " (2, '0018140', '31-1131', NULL, 18.20, 30000, 33000, 37856, 42000, 47000, 22.60, 'employment=not_released'),"
    " (2, '3900000', '31-1131', 84000, 17.90, 29500, 32500, 37232, 41000, 46000, 22.10, NULL),"
    " (2, '0000000', '31-1131', 1351760, 18.49, 30000, 33500, 38460, 43000, 48000, 23.10, NULL),"
    " (2, '0018140', '53-3032', 14000, 27.40, 43000, 48000, 56992, 66000, 75000, 36.00, NULL),"
    " (2, '3900000', '53-3032', 70000, 26.90, 42000, 47000, 55952, 64000, 73000, 35.10, NULL),"
    " (2, '0000000', '53-3032', 2070000, 27.20, 41000, 46000, 56576, 65000, 76000, 36.50, NULL),"
    " (2, '0018140', '53-3033', 9000, 21.10, 33000, 37000, 43888, 52000, 60000, 28.80, NULL),"
    " (2, '0000000', '53-3033', 1040000, 21.00, 32000, 36000, 43680, 51000, 59000, 28.40, NULL),"
    " (2, '0018140', '41-2011', 30000, 14.20, 22000, 25000, 29536, 32000, 35000, 16.80, NULL),"
    " (2, '0000000', '41-2011', 3300000, 14.50, 21000, 25500, 30160, 33000, 36000, 17.30, NULL),"
    " (2, '0018140', '53-7051', 12000, 21.50, 35000, 39000, 44720, 49000, 54000, 26.00, NULL),"
    " (2, '0000000', '53-7051', 800000, 21.00, 34000, 38000, 43680, 48000, 53000, 25.50, NULL),"
    " (2, '0018140', '29-1141', 25000, 41.80, 65000, 74000, 86944, 100000, NULL, NULL,"
    "  'annual_p90=top_coded;hourly_p90=top_coded'),"
    " (2, '0000000', '29-1141', 3300000, 45.40, 66000, 78000, 94432, 115000, NULL, NULL,"
    "  'annual_p90=top_coded;hourly_p90=top_coded'),"
    " (2, '0018140', '35-2014', 11000, 17.00, 28000, 31000, 35360, 39000, 43000, 20.60, NULL),"
    " (2, '0000000', '35-2014', 1400000, 17.40, 28500, 31500, 36192, 40000, 44000, 21.20, NULL),"
    " (2, '0018140', '35-2021', 5000, 15.10, 25000, 27000, 31408, 34000, 37000, 17.80, NULL),"
    " (2, '0018140', '29-2061', 6000, 28.50, 48000, 53000, 59280, 65000, 70000, 33.70, NULL),"
    " (2, '0000000', '49-9071', 1500000, 23.30, 31000, 38000, 48464, 60000, 70000, 33.60, NULL),"
    " (2, '0018140', '11-1021', 20000, 50.00, 50000, 70000, 104000, 150000, NULL, NULL, 'annual_p90=top_coded'),"
    " (2, '0018140', '43-4051', 18000, 19.00, 30000, 34000, 39520, 45000, 50000, 24.00, NULL);");

  exec_checked (store,
    "INSERT INTO lmi_projections (release_id, area_code, soc, base_year, projected_year, base_employment,"
    " projected_employment, change, percent_change, annual_openings, median_wage, education, experience, training)"
    " VALUES"
    " (3, '0000000', '31-1131', 2023, 2033, 1400000, 1428000, 28000, 2.0, 211000, 38130,"
    "  'Postsecondary nondegree award', 'None', 'None'),"
    " (3, '0000000', '53-3032', 2023, 2033, 2200000, 2303400, 103400, 4.7, 241200, 54320,"
    "  'Postsecondary nondegree award', 'None', 'Short-term on-the-job training'),"
    " (3, '0000000', '53-3033', 2023, 2033, 1100000, 1232000, 132000, 12.0, 120000, 42000,"
    "  'High school diploma or equivalent', 'None', 'Short-term on-the-job training'),"
    " (3, '0000000', '41-2011', 2023, 2033, 3300000, 2970000, -330000, -10.0, 560000, 29720,"
    "  'No formal educational credential', 'None', 'Short-term on-the-job training'),"
    " (3, '0000000', '53-7051', 2023, 2033, 800000, 840000, 40000, 5.0, 110000, 43000,"
    "  'No formal educational credential', 'Less than 5 years', 'Short-term on-the-job training'),"
    " (3, '0000000', '29-1141', 2023, 2033, 3300000, 3498000, 198000, 6.0, 194500, 86070,"
    "  'Bachelor''s degree', 'None', 'None'),"
    " (3, '0000000', '35-2014', 2023, 2033, 1400000, 1540000, 140000, 10.0, 250000, 34110,"
    "  'No formal educational credential', 'Less than 5 years', 'Moderate-term on-the-job training'),"
    " (3, '0000000', '35-2021', 2023, 2033, 900000, 873000, -27000, -3.0, 150000, 31000,"
    "  'No formal educational credential', 'None', 'Short-term on-the-job training'),"
    " (3, '0000000', '29-2061', 2023, 2033, 650000, 669500, 19500, 3.0, 54400, 59730,"
    "  'Postsecondary nondegree award', 'None', 'None'),"
    " (3, '0000000', '49-9071', 2023, 2033, 1600000, 1664000, 64000, 4.0, 150000, 46000,"
    "  'High school diploma or equivalent', 'None', 'Moderate-term on-the-job training'),"
    " (3, '0000000', '11-1021', 2023, 2033, 3500000, 3710000, 210000, 6.0, 300000, 101280,"
    "  'Bachelor''s degree', '5 years or more', 'None'),"
    " (4, '3900000', '53-3033', 2022, 2032, 40000, 46000, 6000, 15.0, 5000, NULL, NULL, NULL, NULL),"
    " (4, '3900000', '41-2011', 2022, 2032, 120000, 105600, -14400, -12.0, 20000, NULL, NULL, NULL, NULL),"
    " (4, '3900000', '31-1131', 2022, 2032, 84000, 85680, 1680, 2.0, 12000, NULL, NULL, NULL, NULL);");

  /* O*NET: Nursing Assistants' tasks (one supplemental, ranked above the
   * rest, which the page leaves out), the required level of education of
   * Customer Service Representatives (no projections), related
   * occupations; the center's hiring requirements. */
  exec_checked (store,
    "INSERT INTO lmi_tasks (release_id, soc, onet_code, task, core, importance) VALUES"
    " (1, '31-1131', '31-1131.00', 'Answer patient call signals.', 1, 4.1),"
    " (1, '31-1131', '31-1131.00', 'Turn or reposition bedridden patients.', 1, 4.5),"
    " (1, '31-1131', '31-1131.00', 'Provide patient care by supplying and emptying bed pans.', 1, 4.4),"
    " (1, '31-1131', '31-1131.00', 'Measure and record vital signs.', 1, 4.3),"
    " (1, '31-1131', '31-1131.00', 'Feed patients who are unable to feed themselves.', 1, 4.0),"
    " (1, '31-1131', '31-1131.00', 'Document care provided to patients.', 1, 3.9),"
    " (1, '31-1131', '31-1131.00', 'Set up equipment such as oxygen tents.', 0, 4.9),"
    " (1, '41-2011', '41-2011.00', 'Receive payment by cash, check, or credit card.', 1, 4.6);"
    "INSERT INTO lmi_education (release_id, soc, onet_code, element, category, category_name, percent) VALUES"
    " (1, '43-4051', '43-4051.00', 'RL', 2, 'High School Diploma (or GED or High School Equivalence Certificate)', 61),"
    " (1, '43-4051', '43-4051.00', 'RL', 4, 'Some College Courses', 30),"
    " (1, '43-4051', '43-4051.00', 'RL', 6, 'Bachelor''s Degree', 9);"
    "INSERT INTO lmi_related (release_id, soc, related_soc, rank) VALUES"
    " (1, '31-1131', '29-2061.00', 1),"
    " (1, '31-1131', '31-1122.00', 2),"
    " (1, '31-1131', '29-1141.00', 3);"
    "INSERT INTO lmi_requirements (release_id, soc, requirement, kind, agency, link, note) VALUES"
    " (6, '31-1131', 'State Tested Nursing Assistant (STNA) certification', 'certificate',"
    "  'Ohio Department of Health', 'https://odh.ohio.gov/', 'Training of at least 75 hours'),"
    " (6, '31-1131', 'Criminal background check', 'background check', NULL, NULL, NULL),"
    " (6, '53-3032', 'Commercial driver''s license, class A', 'driver''s license', 'Ohio BMV', NULL, NULL);");

  /* Ohio's unemployment rate: 26 months, the last two preliminary, and
   * the annual averages of 2023 and 2024. */
  g_string_append (rates, "INSERT INTO lmi_unemployment (release_id, area_code, year, period, rate, preliminary) VALUES");
  for (int i = 0; i < 26; i++)
    g_string_append_printf (rates, "%s (5, '3900000', %d, 'M%02d', %.1f, %d)", i > 0 ? "," : "", 2023 + i / 12,
                            i % 12 + 1, 3.5 + (i % 7) / 10.0, i >= 24);
  g_string_append (rates, ", (5, '3900000', 2023, 'M13', 3.6, 0), (5, '3900000', 2024, 'M13', 4.3, 0);");
  exec_checked (store, rates->str);

  g_assert_true (jk_lmi_reindex (store, &error));
  g_assert_no_error (error);
}

void
jk_test_lmi_generate (JkStore *store,
                      guint    occupations,
                      guint    alternates,
                      GStrv   *words)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (14);
  g_autoptr (GStrvBuilder) word_list = g_strv_builder_new ();
  g_autoptr (GPtrArray) rare = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (sqlite3_stmt) occupation = NULL;
  g_autoptr (sqlite3_stmt) title = NULL;
  g_autoptr (sqlite3_stmt) wages = NULL;
  g_autoptr (sqlite3_stmt) projection = NULL;
  const char *areas[] = { "0018140", "3900000", "0000000" };
  guint n_common = G_N_ELEMENTS (job_words);
  guint n_rare = MAX (alternates / 6, 50);

  for (guint i = 0; i < n_rare; i++)
    g_ptr_array_add (rare, rare_word (i * 7919 % 21952));
  g_strv_builder_addv (word_list, (const char **) job_words);
  g_assert_true (jk_store_begin (store, &error));
  exec_checked (store,
    "INSERT INTO lmi_releases (id, kind, name, source, demo, imported) VALUES"
    " (1, 'onet', 'generated', 'bench', 1, 1), (2, 'oews', 'generated', 'bench', 1, 1),"
    " (3, 'projections', 'generated', 'bench', 1, 1);"
    "INSERT INTO lmi_areas (code, name, type, state) VALUES ('0000000', 'U.S.', 'national', NULL),"
    " ('3900000', 'Ohio', 'state', '39'), ('0018140', 'Columbus, OH', 'metro', '39');");
  occupation = jk_store_prepare (store, "INSERT INTO lmi_occupations (soc, title, description, job_zone, release_id)"
                                        " VALUES (?1, ?2, ?3, ?4, 1)", &error);
  title = jk_store_prepare (store, "INSERT INTO lmi_titles (soc, onet_code, title, kind, release_id)"
                                   " VALUES (?1, ?1 || '.00', ?2, ?3, 1)", &error);
  wages = jk_store_prepare (store, "INSERT INTO lmi_wages (release_id, area_code, soc, employment, hourly_median,"
                                   " annual_p10, annual_p25, annual_median, annual_p75, annual_p90)"
                                   " VALUES (2, ?1, ?2, ?3, ?4 / 2080.0, ?4 * 0.6, ?4 * 0.8, ?4, ?4 * 1.2, ?4 * 1.5)",
                            &error);
  projection = jk_store_prepare (store, "INSERT INTO lmi_projections (release_id, area_code, soc, percent_change,"
                                        " annual_openings, education, training) VALUES (3, ?1, ?2, ?3, ?4, ?5, ?6)",
                                 &error);
  g_assert_no_error (error);
  for (guint o = 0; o < occupations; o++)
    {
      g_autofree char *soc = g_strdup_printf ("%02u-%04u", 11 + o / 1000 % 40, o % 10000);
      g_autofree char *main_title = g_strdup_printf ("%c%s %s Workers", g_ascii_toupper (job_words[o % n_common][0]),
                                                     job_words[o % n_common] + 1,
                                                     (const char *) rare->pdata[o % rare->len]);
      double pay = 25000 + g_rand_double_range (rand, 0, 90000);

      sqlite3_bind_text (occupation, 1, soc, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (occupation, 2, main_title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (occupation, 3, "Do the work of this generated occupation.", -1, SQLITE_STATIC);
      sqlite3_bind_int (occupation, 4, (int) (o % 5) + 1);
      step_checked (store, occupation);
      sqlite3_bind_text (title, 1, soc, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (title, 2, main_title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (title, 3, "main", -1, SQLITE_STATIC);
      step_checked (store, title);
      for (guint a = 0; a < alternates / MAX (occupations, 1); a++)
        {
          /* Two common words and often a rare one: "Night Forklift
           * Operator", "Dispatcher Brodizan". */
          g_autofree char *alternate = g_strdup_printf (
            "%s %s%s%s", job_words[g_rand_int_range (rand, 0, (gint32) n_common)],
            job_words[g_rand_int_range (rand, 0, (gint32) n_common)], a % 3 != 0 ? " " : "",
            a % 3 != 0 ? (const char *) rare->pdata[g_rand_int_range (rand, 0, (gint32) rare->len)] : "");

          sqlite3_bind_text (title, 1, soc, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (title, 2, alternate, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (title, 3, "alternate", -1, SQLITE_STATIC);
          step_checked (store, title);
        }
      for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
        {
          sqlite3_bind_text (wages, 1, areas[i], -1, SQLITE_STATIC);
          sqlite3_bind_text (wages, 2, soc, -1, SQLITE_TRANSIENT);
          sqlite3_bind_double (wages, 3, 1000 + o);
          sqlite3_bind_double (wages, 4, pay * (1 + i / 20.0));
          step_checked (store, wages);
        }
      for (guint i = 1; i < G_N_ELEMENTS (areas); i++)
        {
          sqlite3_bind_text (projection, 1, areas[i], -1, SQLITE_STATIC);
          sqlite3_bind_text (projection, 2, soc, -1, SQLITE_TRANSIENT);
          sqlite3_bind_double (projection, 3, g_rand_double_range (rand, -15, 25));
          sqlite3_bind_double (projection, 4, g_rand_double_range (rand, 100, 50000));
          sqlite3_bind_text (projection, 5, o % 2 == 0 ? "High school diploma or equivalent" : "Bachelor's degree", -1,
                             SQLITE_STATIC);
          sqlite3_bind_text (projection, 6, "Short-term on-the-job training", -1, SQLITE_STATIC);
          step_checked (store, projection);
        }
    }
  for (guint i = 0; i < rare->len; i++)
    g_strv_builder_add (word_list, rare->pdata[i]);
  g_assert_true (jk_lmi_reindex (store, &error));
  g_assert_no_error (error);
  g_assert_true (jk_store_commit (store, &error));
  g_assert_no_error (error);
  *words = g_strv_builder_end (word_list);
}
