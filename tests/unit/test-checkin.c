/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-checkin.c: codes and names normalized, the window, a person's appointments together, walk-ins, arrivals */

#include <jobkiosk/jk-checkin.h>
#include <jobkiosk/jk-config.h>
#include <jobkiosk/jk-secret.h>
#include <string.h>

#include "checkin/jk-checkin-person-private.h"
#include "store/jk-store-private.h"
#include "jk-test.h"
#include "jk-test-checkin.h"
#include "jk-test-db.h"
#include "jk-test-proc.h"

typedef struct {
  char *dir;
  char *db_path;
  JkStore *store;
  JkConfig *config;
  gint64 ten;          /* today 10:00 local */
  char *day;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) ten = g_date_time_new_local (2027, 3, 10, 10, 0, 0);

  f->dir = g_dir_make_tmp ("jk-test-checkin-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "jobkiosk.db", NULL);
  f->store = jk_store_open (f->db_path, &error);
  g_assert_no_error (error);
  f->config = jk_config_new_defaults ();
  f->ten = g_date_time_to_unix (ten);
  f->day = g_date_time_format (ten, "%Y-%m-%d");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->store, jk_store_free);
  g_clear_pointer (&f->config, jk_config_free);
  jk_test_remove_tree (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
  g_free (f->day);
}

/* An appointment as the importer writes it; start in minutes from 10:00. */
static void
add_appointment (Fixture    *f,
                 const char *uid,
                 const char *code,
                 const char *last_name,
                 const char *dob,
                 int         minutes,
                 const char *service,
                 gboolean    cancelled)
{
  JkTestAppointment appointment = { uid, code, last_name, dob, f->ten + minutes * 60, 0, service, cancelled };

  jk_test_add_appointment (f->config, f->db_path, &appointment);
}


static gint64
count (Fixture    *f,
       const char *sql)
{
  return jk_test_query_int (f->store, "%s", sql);
}

static JkCheckinOutcome
by_code (Fixture    *f,
         const char *code,
         gint64      now)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkCheckinResult) result = jk_checkin_by_code (f->config, f->db_path, code, now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result != NULL ? result->outcome : (JkCheckinOutcome) -1;
}

/* ---------------------------------------------------------------------- */

static void
test_code_normalize (void)
{
  g_autofree char *long_text = g_strnfill (10000, 'A');
  g_autofree char *sixty_five = g_strnfill (65, 'B');
  g_autofree char *sixty_four = g_strnfill (64, 'B');
  g_autofree char *a = jk_checkin_code_normalize ("ab-12 cd");
  g_autofree char *b = jk_checkin_code_normalize (sixty_four);

  g_assert_cmpstr (a, ==, "AB12CD");
  g_assert_cmpstr (b, ==, sixty_four);
  g_assert_null (jk_checkin_code_normalize (sixty_five));
  g_assert_null (jk_checkin_code_normalize (long_text));
  g_assert_null (jk_checkin_code_normalize ("AB\tCD"));
  g_assert_null (jk_checkin_code_normalize ("AB\nCD"));
  g_assert_null (jk_checkin_code_normalize ("ÁB12"));
  g_assert_null (jk_checkin_code_normalize ("AB_12"));
  g_assert_null (jk_checkin_code_normalize (" - "));
  g_assert_null (jk_checkin_code_normalize (""));
  g_assert_null (jk_checkin_code_normalize (NULL));
}

static void
test_person_hash (void)
{
  guint8 secret[32] = { 1, 2, 3 };
  guint8 other_secret[32] = { 3, 2, 1 };
  guint8 a[32], b[32], c[32], d[32], e[32];

  g_assert_true (jk_checkin_person_hash (secret, "Núñez-García", "1990-04-01", a));
  g_assert_true (jk_checkin_person_hash (secret, " NUNEZ garcia ", "1990-04-01", b));
  g_assert_cmpmem (a, 32, b, 32);
  g_assert_true (jk_checkin_person_hash (secret, "Núñez-García", "1990-04-02", c));
  g_assert_true (memcmp (a, c, 32) != 0);
  g_assert_true (jk_checkin_person_hash (other_secret, "Núñez-García", "1990-04-01", d));
  g_assert_true (memcmp (a, d, 32) != 0);
  g_assert_true (jk_checkin_person_hash (secret, "O'Brien", "1990-04-01", e));
  g_assert_true (jk_checkin_person_hash (secret, "obrien", "1990-04-01", b));
  g_assert_cmpmem (e, 32, b, 32);
  g_assert_false (jk_checkin_person_hash (secret, "1234", "1990-04-01", e));
  g_assert_false (jk_checkin_person_hash (secret, "Nunez", "1990-02-30", e));
  g_assert_false (jk_checkin_person_hash (secret, "Nunez", "1990-4-1", e));
  g_assert_false (jk_checkin_person_hash (secret, "Nunez", NULL, e));
}

/* From 30 minutes before to 15 after, both ends in. */
static void
test_window (Fixture       *f,
             gconstpointer  data)
{
  add_appointment (f, "early", "EARLY1", NULL, NULL, 30, "Career Services", FALSE);
  add_appointment (f, "first", "FIRST1", NULL, NULL, 30, "Career Services", FALSE);
  add_appointment (f, "last", "LAST1", NULL, NULL, 30, "Career Services", FALSE);
  add_appointment (f, "late", "LATE1", NULL, NULL, 30, "Career Services", FALSE);

  g_assert_cmpint (by_code (f, "EARLY1", f->ten - 1), ==, JK_CHECKIN_EARLY);
  g_assert_cmpint (by_code (f, "first-1", f->ten), ==, JK_CHECKIN_CHECKED_IN);
  g_assert_cmpint (by_code (f, "LAST1", f->ten + 45 * 60), ==, JK_CHECKIN_CHECKED_IN);
  g_assert_cmpint (by_code (f, "late1", f->ten + 45 * 60 + 1), ==, JK_CHECKIN_LATE);
  /* Early is noted; late is sent to the desk and not written. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM arrivals"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM arrivals WHERE uid = 'late'"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count FROM usage_hours WHERE what = 'checkins' AND hour = 9"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count FROM usage_hours WHERE what = 'checkins' AND hour = 10"), ==, 2);
}

static void
test_together (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkCheckinResult) first = NULL;
  g_autoptr (JkCheckinResult) again = NULL;
  g_autoptr (JkCheckinResult) by_name = NULL;
  JkCheckinAppointment *shown;

  add_appointment (f, "morning", "CODE1", "Núñez", "1990-04-01", 20, "Career Services", FALSE);
  add_appointment (f, "afternoon", "CODE2", "Nunez", "1990-04-01", 240, "Workshop", FALSE);
  add_appointment (f, "someone-else", "CODE3", "Nunez", "1991-04-01", 20, "Workshop", FALSE);

  first = jk_checkin_by_code (f->config, f->db_path, "code1", f->ten, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->outcome, ==, JK_CHECKIN_CHECKED_IN);
  g_assert_false (first->already);
  g_assert_cmpstr (first->greeting, ==, "Maria N.");
  g_assert_cmpuint (first->appointments->len, ==, 2);
  shown = first->appointments->pdata[0];
  g_assert_cmpint (shown->starts, ==, f->ten + 20 * 60);
  g_assert_cmpstr (shown->service, ==, "Career Services");
  g_assert_cmpstr (shown->location, ==, "Room 2");
  g_assert_cmpint (count (f, "SELECT count(*) FROM arrivals"), ==, 2);

  /* Twice changes nothing, whichever way in. */
  again = jk_checkin_by_code (f->config, f->db_path, "CODE2", f->ten + 60, &error);
  g_assert_no_error (error);
  g_assert_true (again->already);
  by_name = jk_checkin_by_person (f->config, f->db_path, "NÚÑEZ", "1990-04-01", f->ten + 120, &error);
  g_assert_no_error (error);
  g_assert_cmpint (by_name->outcome, ==, JK_CHECKIN_CHECKED_IN);
  g_assert_true (by_name->already);
  g_assert_cmpint (count (f, "SELECT count(*) FROM arrivals"), ==, 2);
  g_assert_cmpint (count (f, "SELECT sum(count) FROM usage_hours WHERE what = 'checkins'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM arrivals WHERE uid = 'someone-else'"), ==, 0);
}

static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  JkCheckinResult *result;
  g_autoptr (GDateTime) ten = g_date_time_new_from_unix_local (f->ten);
  g_autoptr (GDateTime) yesterday = g_date_time_add_days (ten, -1);
  g_autofree char *yesterday_day = g_date_time_format (yesterday, "%Y-%m-%d");
  g_autofree char *sql = NULL;

  add_appointment (f, "cancelled", "GONE1", "Nunez", "1990-04-01", 10, "Career Services", TRUE);
  add_appointment (f, "yesterday", "PAST1", NULL, NULL, 10, "Career Services", FALSE);
  sql = g_strdup_printf ("UPDATE appointments SET day = '%s', starts = starts - 86400 WHERE uid = 'yesterday'",
                         yesterday_day);
  g_assert_true (jk_store_exec (f->store, sql, NULL));

  g_assert_cmpint (by_code (f, "GONE1", f->ten), ==, JK_CHECKIN_NOT_FOUND);
  g_assert_cmpint (by_code (f, "PAST1", f->ten), ==, JK_CHECKIN_NOT_FOUND);
  g_assert_cmpint (by_code (f, "NOBODY", f->ten), ==, JK_CHECKIN_NOT_FOUND);
  result = jk_checkin_by_person (f->config, f->db_path, "Nunez", "1990-04-01", f->ten, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->outcome, ==, JK_CHECKIN_NOT_FOUND);
  g_assert_null (result->greeting);
  g_assert_cmpuint (result->appointments->len, ==, 0);
  jk_checkin_result_free (result);
  g_assert_cmpint (count (f, "SELECT count(*) FROM arrivals"), ==, 0);

  /* Bad input says so, and is not a try. */
  g_assert_null (jk_checkin_by_code (f->config, f->db_path, "AB\x01", f->ten, &error));
  g_assert_error (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_BAD_INPUT);
  g_clear_error (&error);
  g_assert_null (jk_checkin_by_person (f->config, f->db_path, "Nunez", "1990-13-01", f->ten, &error));
  g_assert_error (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_BAD_INPUT);
}

static void
test_rate_limit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  /* Inside one minute whatever the zone: 10:00:00 to 10:00:50. */
  gint64 now = f->ten;

  add_appointment (f, "real", "REAL1", NULL, NULL, 10, "Career Services", FALSE);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (by_code (f, "WRONG", now + i * 10), ==, JK_CHECKIN_NOT_FOUND);
  g_assert_null (jk_checkin_by_code (f->config, f->db_path, "REAL1", now + 50, &error));
  g_assert_error (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_RATE_LIMITED);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM arrivals"), ==, 0);
  /* The next minute starts afresh. */
  g_assert_cmpint (by_code (f, "REAL1", now + 60), ==, JK_CHECKIN_CHECKED_IN);
}

static gint64
arrival_id (Fixture *f,
            guint    queue_number)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM arrivals WHERE queue_number = %u", queue_number);

  return count (f, sql);
}

static void
test_walk_in (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  JkWalkinResult *result;
  g_autofree char *greeting = NULL;
  g_autofree char *phone = NULL;

  result = jk_checkin_walk_in (f->config, f->db_path, "resume", "Maria Elena Núñez", "(555) 123-4567", f->ten, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->queue_number, ==, 1);
  g_assert_cmpuint (result->waiting_ahead, ==, 0);
  g_assert_cmpuint (result->estimate_minutes, ==, 0);
  jk_walkin_result_free (result);
  greeting = jk_test_query_text (f->store, "SELECT greeting FROM arrivals WHERE queue_number = 1");
  phone = jk_test_query_text (f->store, "SELECT phone FROM arrivals WHERE queue_number = 1");
  g_assert_cmpstr (greeting, ==, "Maria");
  g_assert_cmpstr (phone, ==, "5551234567");

  result = jk_checkin_walk_in (f->config, f->db_path, "computer", NULL, NULL, f->ten + 60, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->queue_number, ==, 2);
  g_assert_cmpuint (result->waiting_ahead, ==, 1);
  g_assert_cmpuint (result->estimate_minutes, ==, 0);
  jk_walkin_result_free (result);

  /* Number 1 was called 20 minutes into the day's flow: 20 minutes a
   * call, and number 3 waits for number 2's call and then its own. */
  g_assert_true (jk_checkin_mark (f->db_path, arrival_id (f, 1), "called", f->ten + 20 * 60, &error));
  g_assert_no_error (error);
  result = jk_checkin_walk_in (f->config, f->db_path, "other", "", NULL, f->ten + 20 * 60, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->queue_number, ==, 3);
  g_assert_cmpuint (result->waiting_ahead, ==, 1);
  g_assert_cmpuint (result->estimate_minutes, ==, 40);
  jk_walkin_result_free (result);
  g_assert_cmpint (count (f, "SELECT count FROM usage_hours WHERE what = 'walk-in:resume' AND hour = 10"), ==, 1);
  g_assert_cmpint (count (f, "SELECT sum(count) FROM usage_hours WHERE what = 'walk-ins'"), ==, 3);
  /* No identity in the counts: keys only. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM usage_hours WHERE what NOT IN ('walk-ins', 'walk-in:resume', "
                             "'walk-in:other', 'walk-in:computer')"), ==, 0);

  g_assert_null (jk_checkin_walk_in (f->config, f->db_path, "coffee", NULL, NULL, f->ten, &error));
  g_assert_error (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_BAD_INPUT);
  g_clear_error (&error);
  g_assert_null (jk_checkin_walk_in (f->config, f->db_path, "resume", NULL, "call me", f->ten, &error));
  g_assert_error (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_BAD_INPUT);
  g_clear_error (&error);
  g_assert_null (jk_checkin_walk_in (f->config, f->db_path, "resume", "Ma\x1bria", NULL, f->ten, &error));
  g_assert_error (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_BAD_INPUT);
  g_assert_cmpint (count (f, "SELECT count(*) FROM arrivals"), ==, 3);
}

/* Staff mark arrivals; called and served keep their first time, and only
 * today's can be marked. */
static void
test_mark (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  const JkArrival *arrival;
  gint64 id;

  jk_walkin_result_free (jk_checkin_walk_in (f->config, f->db_path, "resume", NULL, NULL, f->ten, &error));
  g_assert_no_error (error);
  id = arrival_id (f, 1);
  g_assert_true (jk_checkin_mark (f->db_path, id, "called", f->ten + 60, &error));
  g_assert_true (jk_checkin_mark (f->db_path, id, "served", f->ten + 600, &error));
  g_assert_no_error (error);
  list = jk_checkin_arrivals (f->config, f->db_path, NULL, f->ten + 700, &error);
  g_assert_no_error (error);
  arrival = list->pdata[0];
  g_assert_cmpint (arrival->id, ==, id);
  g_assert_cmpstr (arrival->state, ==, "served");
  g_assert_cmpint (arrival->called, ==, f->ten + 60);
  g_assert_cmpint (arrival->served, ==, f->ten + 600);

  /* Back to waiting (a mistaken tap) forgets both times. */
  g_assert_true (jk_checkin_mark (f->db_path, id, "waiting", f->ten + 800, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM arrivals WHERE called IS NULL AND served IS NULL"), ==, 1);

  g_assert_false (jk_checkin_mark (f->db_path, id, "gone", f->ten, &error));
  g_assert_error (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_BAD_INPUT);
  g_clear_error (&error);
  g_assert_false (jk_checkin_mark (f->db_path, id + 1, "called", f->ten, &error));
  g_assert_error (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Tomorrow, yesterday's arrival is not in the list to be marked. */
  g_assert_false (jk_checkin_mark (f->db_path, id, "called", f->ten + 24 * 3600, &error));
  g_assert_error (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_NOT_FOUND);
}

static void
test_arrivals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  JkWalkinResult *walk_in;
  JkArrival *arrival;

  add_appointment (f, "came", "CAME1", NULL, NULL, 0, "Career Services", FALSE);
  add_appointment (f, "missed", "MISS1", NULL, NULL, 5, "Orientation", FALSE);
  add_appointment (f, "later", "LATER1", NULL, NULL, 120, "Workshop", FALSE);
  g_assert_cmpint (by_code (f, "CAME1", f->ten - 60), ==, JK_CHECKIN_CHECKED_IN);
  walk_in = jk_checkin_walk_in (f->config, f->db_path, "workshop", "Ana", NULL, f->ten + 60, &error);
  g_assert_no_error (error);
  jk_walkin_result_free (walk_in);

  /* 10:34: the 10:05 appointment is not a no-show yet (grace 30 minutes). */
  list = jk_checkin_arrivals (f->config, f->db_path, NULL, f->ten + 34 * 60, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = jk_checkin_arrivals (f->config, f->db_path, f->day, f->ten + 36 * 60, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  arrival = list->pdata[0];
  g_assert_cmpstr (arrival->kind, ==, "appointment");
  g_assert_cmpstr (arrival->state, ==, "waiting");
  g_assert_cmpint (arrival->starts, ==, f->ten);
  g_assert_cmpstr (arrival->reason, ==, "Career Services");
  arrival = list->pdata[1];
  g_assert_cmpstr (arrival->kind, ==, "walk-in");
  g_assert_cmpuint (arrival->queue_number, ==, 1);
  g_assert_cmpstr (arrival->greeting, ==, "Ana");
  arrival = list->pdata[2];
  g_assert_cmpstr (arrival->state, ==, "no-show");
  g_assert_cmpstr (arrival->reason, ==, "Orientation");
  g_assert_cmpint (arrival->arrived, ==, 0);
}

/* The arrival, its count and what tells staff go together or not at all. */
static void
test_one_transaction (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  JkCheckinResult *result;

  f->config->checkin_endpoint = g_strdup ("http://127.0.0.1:9/staff");
  add_appointment (f, "one", "ONE1", NULL, NULL, 0, "Career Services", FALSE);
  add_appointment (f, "two", "TWO1", NULL, NULL, 0, "Career Services", FALSE);
  g_assert_cmpint (by_code (f, "ONE1", f->ten), ==, JK_CHECKIN_CHECKED_IN);
  g_assert_cmpint (count (f, "SELECT count(*) FROM outbox WHERE kind = 'staff'"), ==, 1);

  g_assert_true (jk_store_exec (f->store, "CREATE TRIGGER refuse BEFORE INSERT ON outbox "
                                "BEGIN SELECT RAISE (ABORT, 'refused'); END", NULL));
  result = jk_checkin_by_code (f->config, f->db_path, "TWO1", f->ten, &error);
  g_assert_null (result);
  g_assert_error (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_FAILED);
  g_assert_cmpint (count (f, "SELECT count(*) FROM arrivals"), ==, 1);
  g_assert_cmpint (count (f, "SELECT sum(count) FROM usage_hours WHERE what = 'checkins'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM outbox"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checkin/code-normalize", test_code_normalize);
  g_test_add_func ("/checkin/person-hash", test_person_hash);
  JK_TEST_ADD ("/checkin/window", Fixture, test_window);
  JK_TEST_ADD ("/checkin/together", Fixture, test_together);
  JK_TEST_ADD ("/checkin/not-found", Fixture, test_not_found);
  JK_TEST_ADD ("/checkin/rate-limit", Fixture, test_rate_limit);
  JK_TEST_ADD ("/checkin/walk-in", Fixture, test_walk_in);
  JK_TEST_ADD ("/checkin/mark", Fixture, test_mark);
  JK_TEST_ADD ("/checkin/arrivals", Fixture, test_arrivals);
  JK_TEST_ADD ("/checkin/one-transaction", Fixture, test_one_transaction);
  return g_test_run ();
}
