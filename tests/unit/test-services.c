/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-services.c: Open Referral directories imported (and refused), hours and open-now, search in both languages */

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-services.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "jk-test.h"
#include "jk-test-db.h"

typedef struct {
  JkTestDb db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  jk_test_db_set_up (&f->db, "jk-test-services-XXXXXX", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jk_test_db_tear_down (&f->db);
}

static JkServicesImport *
import (Fixture     *f,
        const char  *name,
        GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "services", name, NULL);

  return jk_services_import (f->db.store, path, 1765000000, error);
}

static void
import_ok (Fixture    *f,
           const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkServicesImport) result = import (f, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
}

/* Local time as the kiosk's, in UTC so the test does not depend on the
 * machine's zone. */
static GDateTime *
at (int year,
    int month,
    int day,
    int hour,
    int minute)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();

  return g_date_time_new (utc, year, month, day, hour, minute, 0);
}

static JkService *
find (GPtrArray  *services,
      const char *name)
{
  for (guint i = 0; i < services->len; i++)
    if (g_strcmp0 (((JkService *) services->pdata[i])->name, name) == 0)
      return services->pdata[i];
  g_error ("no service named %s", name);
}

static GPtrArray *
search (Fixture    *f,
        const char *text,
        const char *category,
        GDateTime  *now)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *found = jk_services_search (f->db.store, text, category, now, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (found);
  return found;
}

/* The hours words of one service at a time. */
static char *
hours_at (Fixture    *f,
          const char *name,
          GDateTime  *now,
          JkServiceOpen *open)
{
  g_autoptr (GPtrArray) found = search (f, NULL, NULL, now);
  JkService *service = find (found, name);

  g_assert_nonnull (service);
  if (open != NULL)
    *open = service->open_now;
  return g_strdup (service->hours);
}

static void
assert_hours (Fixture       *f,
              const char    *name,
              GDateTime     *now,
              JkServiceOpen  open,
              const char    *words)
{
  JkServiceOpen got;
  g_autofree char *text = hours_at (f, name, now, &got);

  g_assert_cmpstr (text, ==, words);
  g_assert_cmpint (got, ==, open);
}

/* ---------------------------------------------------------------------- */

static void
test_import_hsds3 (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkServicesImport) result = import (f, "hsds3", &error);
  g_autoptr (GDateTime) now = at (2026, 12, 7, 10, 0);
  g_autoptr (GPtrArray) all = NULL;
  JkService *pantry, *legal, *shelter, *market;

  g_assert_no_error (error);
  g_assert_cmpstr (result->format, ==, "hsds-3");
  /* The inactive service is not kept. */
  g_assert_cmpint (result->services, ==, 4);
  g_assert_cmpint (result->locations, ==, 4);
  g_assert_cmpint (jk_test_query_int (f->db.store, "SELECT count(*) FROM services_imports"), ==, 1);
  /* Several places for one service; the row naming no known service skipped. */
  g_assert_cmpint (jk_test_query_int (f->db.store, "SELECT count(*) FROM service_at_location a JOIN services s"
                                                   " ON s.id = a.service_id WHERE s.key = 's1'"), ==, 2);
  g_assert_cmpint (jk_test_query_int (f->db.store, "SELECT count(*) FROM service_at_location"), ==, 4);

  all = search (f, NULL, NULL, now);
  g_assert_cmpuint (all->len, ==, 4);
  /* By name without a place to measure from. */
  g_assert_cmpstr (((JkService *) all->pdata[0])->name, ==, "Eviction Defense");
  g_assert_cmpstr (((JkService *) all->pdata[3])->name, ==, "Overnight Shelter");

  pantry = find (all, "Food Pantry");
  g_assert_cmpstr (pantry->organization, ==, "Eastside Food Bank");
  g_assert_cmpstr (pantry->address, ==, "100 Main St");
  g_assert_cmpstr (pantry->city, ==, "Columbus");
  g_assert_cmpstr (pantry->state, ==, "OH");
  g_assert_cmpstr (pantry->postal_code, ==, "43215");
  g_assert_cmpstr (pantry->phone, ==, "614-555-0100");
  g_assert_cmpstr (pantry->url, ==, "https://food.example.org/pantry");
  g_assert_cmpstr (pantry->eligibility, ==, "Lives in the county");
  g_assert_cmpuint (g_strv_length (pantry->languages), ==, 2);
  g_assert_cmpstr (pantry->languages[1], ==, "Spanish");
  g_assert_cmpuint (g_strv_length (pantry->categories), ==, 1);
  g_assert_cmpstr (pantry->categories[0], ==, "food");

  /* A postal address when it is all the place has; the organization's phone. */
  legal = find (all, "Eviction Defense");
  g_assert_cmpstr (legal->address, ==, "PO Box 9");
  g_assert_cmpstr (legal->phone, ==, "614-555-0300");
  g_assert_cmpstr (legal->categories[0], ==, "legal");
  /* The place's phone with its extension; a missing URL is no URL. */
  shelter = find (all, "Overnight Shelter");
  g_assert_cmpstr (shelter->phone, ==, "614-555-0200 ext. 12");
  g_assert_cmpstr (shelter->week_hours, ==, "Every day: 10 PM to 6 AM");
  /* Searching fills it too, and a copy keeps it. */
  {
    g_autoptr (JkService) copy = jk_service_copy (find (all, "Overnight Shelter"));

    g_assert_cmpstr (copy->week_hours, ==, "Every day: 10 PM to 6 AM");
  }
  g_assert_null (shelter->url);
  g_assert_cmpstr (shelter->categories[0], ==, "housing");
  g_assert_cmpuint (g_strv_length (shelter->languages), ==, 0);
  /* A term that maps to none of the nine: no category. */
  market = find (all, "Mobile Market");
  g_assert_cmpuint (g_strv_length (market->categories), ==, 0);
  g_assert_null (market->address);
}

static void
test_hours (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GDateTime) monday_10 = at (2026, 12, 7, 10, 0);
  g_autoptr (GDateTime) monday_1659 = at (2026, 12, 7, 16, 59);
  g_autoptr (GDateTime) monday_17 = at (2026, 12, 7, 17, 0);
  g_autoptr (GDateTime) monday_23 = at (2026, 12, 7, 23, 0);
  g_autoptr (GDateTime) tuesday_3 = at (2026, 12, 8, 3, 0);
  g_autoptr (GDateTime) tuesday_7 = at (2026, 12, 8, 7, 0);
  g_autoptr (GDateTime) saturday = at (2026, 12, 5, 12, 0);
  g_autoptr (GDateTime) christmas = at (2026, 12, 25, 10, 0);
  g_autoptr (GDateTime) eve_23 = at (2026, 12, 24, 23, 0);
  g_autoptr (GDateTime) christmas_3 = at (2026, 12, 25, 3, 0);

  import_ok (f, "hsds3");
  assert_hours (f, "Food Pantry", monday_10, JK_SERVICE_OPEN, "Open now until 5 PM");
  assert_hours (f, "Food Pantry", monday_1659, JK_SERVICE_OPEN, "Open now until 5 PM");
  assert_hours (f, "Food Pantry", monday_17, JK_SERVICE_CLOSED, "Closed now; opens tomorrow at 9 AM");
  assert_hours (f, "Food Pantry", saturday, JK_SERVICE_CLOSED, "Closed now; opens Monday at 9 AM");
  /* Christmas is a Friday and a closure: the next opening is Monday. */
  assert_hours (f, "Food Pantry", christmas, JK_SERVICE_CLOSED, "Closed now; opens Monday at 9 AM");
  /* Across midnight, every day: 22:00 to 06:00. */
  assert_hours (f, "Overnight Shelter", monday_23, JK_SERVICE_OPEN, "Open now until 6 AM");
  assert_hours (f, "Overnight Shelter", tuesday_3, JK_SERVICE_OPEN, "Open now until 6 AM");
  assert_hours (f, "Overnight Shelter", tuesday_7, JK_SERVICE_CLOSED, "Closed now; opens today at 10 PM");
  /* Closed on Christmas Eve (through its place): the night that begins
   * then does not open, and the next is Christmas night. */
  assert_hours (f, "Overnight Shelter", eve_23, JK_SERVICE_CLOSED, "Closed now; opens tomorrow at 10 PM");
  assert_hours (f, "Overnight Shelter", christmas_3, JK_SERVICE_CLOSED, "Closed now; opens today at 10 PM");
  /* No schedule: not known, not closed. */
  assert_hours (f, "Eviction Defense", monday_10, JK_SERVICE_OPEN_UNKNOWN, "Hours not listed");

  jk_i18n_set_language ("es");
  assert_hours (f, "Food Pantry", monday_10, JK_SERVICE_OPEN, "Abierto ahora hasta las 5 p. m.");
  assert_hours (f, "Food Pantry", saturday, JK_SERVICE_CLOSED, "Cerrado ahora; abre el lunes a las 9 a. m.");
  assert_hours (f, "Eviction Defense", monday_10, JK_SERVICE_OPEN_UNKNOWN, "Horario no indicado");
  jk_i18n_set_language ("en");
}

/* Schedules for the week: byday ("MO,TU" or "" for every day), opens,
 * closes ("HH:MM"), closed (a closure), each four strings. */
static GPtrArray *
week (const char *const *rows)
{
  GPtrArray *schedules = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; rows[i] != NULL; i += 4)
    {
      JkServiceSchedule *s = g_new0 (JkServiceSchedule, 1);

      s->days = jk_services_parse_days (rows[i]);
      s->opens = jk_services_parse_time (rows[i + 1]);
      s->closes = jk_services_parse_time (rows[i + 2]);
      s->closed = g_strcmp0 (rows[i + 3], "closed") == 0;
      if (s->closed)
        {
          g_strlcpy (s->valid_from, "2026-12-25", sizeof s->valid_from);
          g_strlcpy (s->valid_to, "2026-12-25", sizeof s->valid_to);
        }
      g_ptr_array_add (schedules, s);
    }
  return schedules;
}

static void
assert_week (const char *const *rows,
             const char        *expected)
{
  g_autoptr (GPtrArray) schedules = week (rows);
  g_autofree char *words = jk_services_week_words (schedules);

  g_assert_cmpstr (words, ==, expected);
}

static void
test_week (void)
{
  const char *const weekdays[] = { "MO,TU,WE,TH,FR", "09:00", "17:00", "", NULL };
  const char *const single[] = { "SA", "10:00", "14:00", "", NULL };
  const char *const split[] = { "MO,TU,WE,TH,FR", "13:00", "17:00", "", "MO,TU,WE,TH,FR", "09:00", "12:00", "",
                                "SA", "10:00", "14:00", "", NULL };
  const char *const overnight[] = { "", "22:00", "06:00", "", NULL };
  const char *const every_day[] = { "MO,TU,WE,TH,FR,SA,SU", "08:30", "16:30", "", NULL };
  const char *const scattered[] = { "MO,WE,FR", "09:00", "13:00", "", "TU,TH", "10:00", "15:00", "", NULL };
  const char *const mixed[] = { "MO,TU,WE,TH,FR,SU", "09:00", "17:00", "", "SA", "09:00", "12:00", "", NULL };
  const char *const with_closure[] = { "MO,TU", "09:00", "17:00", "", "", "", "", "closed", NULL };
  const char *const around_clock[] = { "SU", "00:00", "00:00", "", NULL };
  const char *const closure_only[] = { "", "", "", "closed", NULL };
  const char *const none[] = { NULL };
  g_autoptr (GPtrArray) empty = week (none);

  assert_week (weekdays, "Monday to Friday: 9 AM to 5 PM");
  assert_week (single, "Saturday: 10 AM to 2 PM");
  assert_week (split, "Monday to Friday: 9 AM to 12 PM and 1 PM to 5 PM\nSaturday: 10 AM to 2 PM");
  assert_week (overnight, "Every day: 10 PM to 6 AM");
  assert_week (every_day, "Every day: 8:30 AM to 4:30 PM");
  assert_week (scattered, "Monday, Wednesday and Friday: 9 AM to 1 PM\nTuesday and Thursday: 10 AM to 3 PM");
  assert_week (mixed, "Monday to Friday and Sunday: 9 AM to 5 PM\nSaturday: 9 AM to 12 PM");
  /* A holiday is not part of the usual week. */
  assert_week (with_closure, "Monday and Tuesday: 9 AM to 5 PM");
  assert_week (around_clock, "Sunday: Open 24 hours");
  assert_week (closure_only, NULL);
  g_assert_null (jk_services_week_words (empty));

  jk_i18n_set_language ("es");
  assert_week (weekdays, "Lunes a viernes: 9 a. m. a 5 p. m.");
  assert_week (split, "Lunes a viernes: 9 a. m. a 12 p. m. y 1 p. m. a 5 p. m.\nSábado: 10 a. m. a 2 p. m.");
  assert_week (scattered, "Lunes, miércoles y viernes: 9 a. m. a 1 p. m.\nMartes y jueves: 10 a. m. a 3 p. m.");
  assert_week (every_day, "Todos los días: 8:30 a. m. a 4:30 p. m.");
  jk_i18n_set_language ("en");
}

static void
test_parse (void)
{
  g_assert_cmpint (jk_services_parse_time ("09:00"), ==, 540);
  g_assert_cmpint (jk_services_parse_time ("9:30:00"), ==, 570);
  g_assert_cmpint (jk_services_parse_time ("17:00Z"), ==, 1020);
  g_assert_cmpint (jk_services_parse_time ("10 PM"), ==, -1);
  g_assert_cmpint (jk_services_parse_time ("25:00"), ==, -1);
  g_assert_cmpint (jk_services_parse_days ("MO,WE"), ==, (1 << 1) | (1 << 3));
  g_assert_cmpint (jk_services_parse_days ("Sunday"), ==, 1 << 7);
  g_assert_cmpint (jk_services_parse_days ("1"), ==, 1 << 1);
  g_assert_cmpint (jk_services_parse_days ("Funday"), ==, 0);
  g_assert_cmpstr (jk_services_category_for ("BD-1800.2000", NULL), ==, "food");
  g_assert_cmpstr (jk_services_category_for ("LR-8000", NULL), ==, "disability");
  g_assert_cmpstr (jk_services_category_for ("LV-1600", NULL), ==, "health");
  g_assert_cmpstr (jk_services_category_for ("PH-1250.1000", NULL), ==, "childcare");
  g_assert_cmpstr (jk_services_category_for (NULL, "GED classes"), ==, "education");
  g_assert_cmpstr (jk_services_category_for (NULL, "Managed care"), ==, NULL);
  g_assert_cmpstr (jk_services_category_for (NULL, "Getting to work"), ==, "transportation");
  g_assert_cmpstr (jk_services_category_for (NULL, "Bicycles"), ==, NULL);
}

static void
test_import_hsds2 (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkServicesImport) result = import (f, "hsds2", &error);
  g_autoptr (GDateTime) monday = at (2026, 12, 7, 9, 0);
  g_autoptr (GDateTime) holiday = at (2026, 7, 6, 9, 0);
  g_autoptr (GPtrArray) all = NULL;
  JkService *daycare, *bus;

  g_assert_no_error (error);
  g_assert_cmpstr (result->format, ==, "hsds-2");
  g_assert_cmpint (result->services, ==, 2);
  all = search (f, NULL, NULL, monday);
  daycare = find (all, "Daycare Vouchers");
  g_assert_cmpstr (daycare->categories[0], ==, "childcare");
  g_assert_cmpstr (daycare->address, ==, "10 Kid Lane");
  g_assert_cmpstr (daycare->eligibility, ==, "Parents working or in training");
  g_assert_cmpstr (daycare->phone, ==, "614-555-0400");
  g_assert_cmpstr (daycare->hours, ==, "Open now until 12 PM");
  bus = find (all, "Bus Passes");
  g_assert_cmpstr (bus->categories[0], ==, "transportation");
  g_assert_cmpstr (bus->languages[0], ==, "Spanish");
  g_assert_null (bus->phone);
  g_clear_pointer (&all, g_ptr_array_unref);
  /* holiday_schedules closed=true on a Monday. */
  all = search (f, "daycare", NULL, holiday);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpint (((JkService *) all->pdata[0])->open_now, ==, JK_SERVICE_CLOSED);
  g_assert_cmpstr (((JkService *) all->pdata[0])->hours, ==, "Closed now; opens Wednesday at 8 AM");
}

static void
test_import_plain (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkServicesImport) result = import (f, "plain", &error);
  g_autoptr (GDateTime) now = at (2026, 12, 7, 10, 0);
  g_autoptr (GPtrArray) all = NULL;
  JkService *clinic;

  g_assert_no_error (error);
  g_assert_cmpstr (result->format, ==, "plain");
  g_assert_cmpint (result->services, ==, 4);
  all = search (f, NULL, NULL, now);
  clinic = find (all, "Free Health Clinic");
  g_assert_cmpstr (clinic->organization, ==, "Hope Clinic");
  g_assert_cmpstr (clinic->categories[0], ==, "health");
  g_assert_cmpstr (clinic->hours, ==, "Mon-Fri 9 to 5");
  /* A plain list's hours are already words: no week to put in them. */
  g_assert_null (clinic->week_hours);
  g_assert_cmpint (clinic->open_now, ==, JK_SERVICE_OPEN_UNKNOWN);
  g_assert_cmpuint (g_strv_length (clinic->languages), ==, 2);
  g_assert_cmpstr (clinic->languages[1], ==, "Spanish");
  g_assert_cmpstr (clinic->postal_code, ==, "43215");
  g_assert_cmpstr (clinic->eligibility, ==, "Anyone without insurance");
  g_assert_cmpstr (find (all, "GED Classes")->categories[0], ==, "education");
  g_assert_cmpstr (find (all, "Utility Bill Help")->categories[0], ==, "money");
  g_assert_cmpuint (g_strv_length (find (all, "Something Else")->categories), ==, 0);
  g_assert_cmpstr (find (all, "Something Else")->hours, ==, "Hours not listed");
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkServicesImport) result = NULL;
  g_autofree char *empty = g_build_filename (f->db.dir, "empty", NULL);

  import_ok (f, "hsds3");
  result = import (f, "bad-time", &error);
  g_assert_null (result);
  g_assert_error (error, JK_SERVICES_ERROR, JK_SERVICES_ERROR_FORMAT);
  g_assert_true (g_str_has_prefix (error->message, "schedule.csv:3: "));
  g_assert_nonnull (strstr (error->message, "10 PM"));
  g_clear_error (&error);

  result = import (f, "bad-quote", &error);
  g_assert_null (result);
  g_assert_error (error, JK_SERVICES_ERROR, JK_SERVICES_ERROR_FORMAT);
  g_assert_true (g_str_has_prefix (error->message, "list.csv:3: "));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
  result = jk_services_import (f->db.store, empty, 1765000000, &error);
  g_assert_null (result);
  g_assert_error (error, JK_SERVICES_ERROR, JK_SERVICES_ERROR_EMPTY);
  g_clear_error (&error);
  g_rmdir (empty);

  /* The directory the kiosk had is all there. */
  g_assert_cmpint (jk_services_count (f->db.store, NULL), ==, 4);
  g_assert_cmpint (jk_test_query_int (f->db.store, "SELECT count(*) FROM services_fts"), ==, 4);
  g_assert_cmpint (jk_test_query_int (f->db.store, "SELECT count(*) FROM services_imports"), ==, 1);
}

static void
test_shrunk (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkServicesImport) result = NULL;
  g_autoptr (GDateTime) now = at (2026, 12, 7, 10, 0);
  g_autoptr (GPtrArray) found = NULL;

  import_ok (f, "hsds3");
  /* One service where there were four: refused, the four kept. */
  result = import (f, "small", &error);
  g_assert_null (result);
  g_assert_error (error, JK_SERVICES_ERROR, JK_SERVICES_ERROR_SHRUNK);
  g_clear_error (&error);
  g_assert_cmpint (jk_services_count (f->db.store, NULL), ==, 4);
  found = search (f, "pantry", NULL, now);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  /* Two of four is half: taken, and it replaces the whole directory. */
  import_ok (f, "hsds2");
  g_assert_cmpint (jk_services_count (f->db.store, NULL), ==, 2);
  found = search (f, "pantry", NULL, now);
  g_assert_cmpuint (found->len, ==, 0);
  g_assert_cmpint (jk_test_query_int (f->db.store, "SELECT count(*) FROM service_locations"), ==, 2);
  g_assert_cmpint (jk_test_query_int (f->db.store, "SELECT count(*) FROM service_organizations"), ==, 2);
}

static void
assert_finds (Fixture    *f,
              const char *text,
              const char *category,
              const char *first,
              guint       count)
{
  g_autoptr (GDateTime) now = at (2026, 12, 7, 10, 0);
  g_autoptr (GPtrArray) found = search (f, text, category, now);

  g_test_message ("searching for %s in %s", text, category);
  g_assert_cmpuint (found->len, ==, count);
  if (first != NULL)
    g_assert_cmpstr (((JkService *) found->pdata[0])->name, ==, first);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) none = NULL;
  g_autoptr (GDateTime) now = at (2026, 12, 7, 10, 0);

  import_ok (f, "hsds3");
  /* English: the name, the organization, the category's words. */
  assert_finds (f, "pantry", NULL, "Food Pantry", 1);
  assert_finds (f, "food", NULL, "Food Pantry", 2);  /* and the Food Bank's Mobile Market */
  assert_finds (f, "landlord", NULL, "Eviction Defense", 1);
  assert_finds (f, "lawyer", NULL, "Eviction Defense", 1);
  /* Spanish words a visitor types, with or without accents. */
  /* "comida" is also "food" (the vocabulary): the Food Bank's market too. */
  assert_finds (f, "comida", NULL, "Food Pantry", 2);
  assert_finds (f, "comida", "food", "Food Pantry", 1);
  assert_finds (f, "albergue", NULL, "Overnight Shelter", 1);
  assert_finds (f, "abogado", NULL, "Eviction Defense", 1);
  assert_finds (f, "clinica", NULL, NULL, 0);
  /* A category alone, and with words. */
  assert_finds (f, NULL, "housing", "Overnight Shelter", 1);
  assert_finds (f, "food", "food", "Food Pantry", 1);
  assert_finds (f, "shelter", "food", NULL, 0);
  /* Punctuation and FTS syntax are words, not syntax. */
  assert_finds (f, "\"pantry\" OR *", NULL, "Food Pantry", 1);

  none = jk_services_search (f->db.store, NULL, "bikes", now, 0, &error);
  g_assert_null (none);
  g_assert_error (error, JK_SERVICES_ERROR, JK_SERVICES_ERROR_FORMAT);
}

static void
test_nearest (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = at (2026, 12, 7, 10, 0);
  g_autoptr (GPtrArray) found = NULL;
  JkService *first;

  import_ok (f, "hsds3");
  /* From the north pantry: the pantry's own place there, then the
   * shelter downtown; the places with no coordinates last. */
  found = jk_services_search_near (f->db.store, NULL, NULL, 40.05, -83.02, now, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 4);
  first = found->pdata[0];
  g_assert_cmpstr (first->name, ==, "Food Pantry");
  g_assert_cmpstr (first->address, ==, "2 North Ave, Suite 3");
  g_assert_cmpfloat (first->distance_miles, <, 0.1);
  g_assert_cmpstr (((JkService *) found->pdata[1])->name, ==, "Overnight Shelter");
  g_assert_true (isnan (((JkService *) found->pdata[2])->distance_miles));
  g_assert_true (isnan (((JkService *) found->pdata[3])->distance_miles));
}

/* One service by its id: all that a search gives of it, and a clear
 * error for an id the directory does not have. */
static void
test_get (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = at (2026, 12, 7, 10, 0);
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (JkService) pantry = NULL;
  g_autoptr (JkService) shelter = NULL;
  g_autoptr (JkService) none = NULL;
  const JkService *listed;

  import_ok (f, "hsds3");
  all = search (f, NULL, NULL, now);
  listed = find (all, "Food Pantry");
  pantry = jk_services_get (f->db.store, listed->id, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pantry);
  g_assert_cmpint (pantry->id, ==, listed->id);
  g_assert_cmpstr (pantry->name, ==, "Food Pantry");
  g_assert_cmpstr (pantry->organization, ==, "Eastside Food Bank");
  g_assert_cmpstr (pantry->description, ==, "Free groceries once a week, no questions asked");
  g_assert_cmpstr (pantry->address, ==, "100 Main St");
  g_assert_cmpstr (pantry->phone, ==, "614-555-0100");
  g_assert_cmpstr (pantry->url, ==, "https://food.example.org/pantry");
  g_assert_cmpstr (pantry->eligibility, ==, "Lives in the county");
  g_assert_cmpstr (pantry->fees, ==, "Free");
  g_assert_cmpstr (pantry->hours, ==, "Open now until 5 PM");
  /* The usual week, without its Christmas closure. */
  g_assert_cmpstr (pantry->week_hours, ==, "Monday to Friday: 9 AM to 5 PM");
  g_assert_cmpint (pantry->open_now, ==, JK_SERVICE_OPEN);
  g_assert_cmpuint (g_strv_length (pantry->languages), ==, 2);
  g_assert_cmpstr (pantry->categories[0], ==, "food");
  g_assert_true (isnan (pantry->distance_miles));

  /* Not the first service of the table: the id picks it. */
  shelter = jk_services_get (f->db.store, find (all, "Overnight Shelter")->id, now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shelter->name, ==, "Overnight Shelter");
  g_assert_cmpstr (shelter->phone, ==, "614-555-0200 ext. 12");

  none = jk_services_get (f->db.store, 999999, now, &error);
  g_assert_null (none);
  g_assert_error (error, JK_SERVICES_ERROR, JK_SERVICES_ERROR_NOT_FOUND);
}

/* The QR code's card: RFC 2426's escapes in text and in each part of
 * ORG and ADR, CRLF line ends, and the link as it is. */
static void
test_vcard (void)
{
  char *languages[] = { NULL };
  JkService service = {
    .id = 1,
    .organization = "Smith, Jones; Partners",
    .name = "Rides, Repairs; Gas\\Cards",
    .address = "12 Oak St, Suite 3",
    .city = "Columbus",
    .state = "OH",
    .postal_code = "43215",
    .phone = "614-555-0100",
    .email = "help@example.org",
    .languages = languages,
    .categories = languages,
  };
  g_autofree char *card = NULL;
  g_autofree char *qr = NULL;
  g_autofree char *long_card = NULL;
  g_auto (GStrv) lines = NULL;

  card = jk_services_vcard (&service);
  g_assert_cmpstr (card, ==,
                   "BEGIN:VCARD\r\n"
                   "VERSION:3.0\r\n"
                   "N:;;;;\r\n"
                   "FN:Rides\\, Repairs\\; Gas\\\\Cards\r\n"
                   "ORG:Smith\\, Jones\\; Partners\r\n"
                   "TEL;TYPE=WORK,VOICE:614-555-0100\r\n"
                   "ADR;TYPE=WORK:;;12 Oak St\\, Suite 3;Columbus;OH;43215;\r\n"
                   "EMAIL;TYPE=INTERNET:help@example.org\r\n"
                   "END:VCARD\r\n");
  /* No link: the card is the QR code's text. */
  qr = jk_services_qr_text (&service);
  g_assert_cmpstr (qr, ==, card);
  g_clear_pointer (&qr, g_free);

  /* A link: the QR code holds it alone; the card has it unescaped. */
  service.url = "https://example.org/a,b;c";
  qr = jk_services_qr_text (&service);
  g_assert_cmpstr (qr, ==, "https://example.org/a,b;c");
  g_clear_pointer (&card, g_free);
  card = jk_services_vcard (&service);
  g_assert_nonnull (strstr (card, "\r\nURL:https://example.org/a,b;c\r\n"));

  /* A long name is folded at 75 octets, never inside a character. */
  service.name = "Ayuda con el alquiler, la luz y el agua para familias que trabajan — ñandú ñandú ñandú";
  long_card = jk_services_vcard (&service);
  lines = g_strsplit (long_card, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
    }
  g_assert_nonnull (strstr (long_card, "\r\n "));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/services/parse", test_parse);
  g_test_add_func ("/services/week", test_week);
  JK_TEST_ADD ("/services/import-hsds3", Fixture, test_import_hsds3);
  JK_TEST_ADD ("/services/hours", Fixture, test_hours);
  JK_TEST_ADD ("/services/import-hsds2", Fixture, test_import_hsds2);
  JK_TEST_ADD ("/services/import-plain", Fixture, test_import_plain);
  JK_TEST_ADD ("/services/refused", Fixture, test_refused);
  JK_TEST_ADD ("/services/shrunk", Fixture, test_shrunk);
  JK_TEST_ADD ("/services/search", Fixture, test_search);
  JK_TEST_ADD ("/services/nearest", Fixture, test_nearest);
  JK_TEST_ADD ("/services/get", Fixture, test_get);
  g_test_add_func ("/services/vcard", test_vcard);
  return g_test_run ();
}
