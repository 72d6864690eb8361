/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-appointments.c: iCalendar in: time zones and DST, Windows zones, overrides, recurrence, bad input, purge */

#include <glib/gstdio.h>
#include <jobkiosk/jk-appointments.h>
#include <jobkiosk/jk-config.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-secret.h>
#include <libical/ical.h>
#include <string.h>

#include "checkin/jk-appointments-private.h"
#include "checkin/jk-checkin-person-private.h"
#include "store/jk-store-private.h"
#include "jk-test.h"
#include "jk-test-proc.h"

typedef struct {
  char *dir;
  char *db;
  JkConfig *config;
  JkStore *store;  /* the kiosk's main connection: migrated; the tests' SQL */
} Fixture;

/* One stored row, as the tests read it back. */
typedef struct {
  char *code;
  gint64 starts;
  gint64 ends;
  char *day;
  char *greeting;
  char *service;
  char *location;
  char *staff;
  gboolean cancelled;
  char *recurrence_id;
  GBytes *person;
} Row;

static void
row_free (Row *row)
{
  g_free (row->code);
  g_free (row->day);
  g_free (row->greeting);
  g_free (row->service);
  g_free (row->location);
  g_free (row->staff);
  g_free (row->recurrence_id);
  g_clear_pointer (&row->person, g_bytes_unref);
  g_free (row);
}

/* Unix seconds of a UTC wall time: the expected instants are written as
 * UTC, worked out by hand from the zone's rules, not by the code tested. */
static gint64
utc (int year,
     int month,
     int day,
     int hour,
     int minute)
{
  g_autoptr (GDateTime) time = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

/* Noon of a day at the kiosk (America/New_York, set in main). */
static gint64
local_noon (int year,
            int month,
            int day)
{
  g_autoptr (GDateTime) time = g_date_time_new_local (year, month, day, 12, 0, 0);

  return g_date_time_to_unix (time);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "checkin", name, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("jk-test-appointments-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "kiosk.db", NULL);
  fixture->config = jk_config_new_defaults ();
  fixture->store = jk_store_open (fixture->db, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  jk_store_free (fixture->store);
  jk_config_free (fixture->config);
  jk_test_remove_tree (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->dir);
}

static JkAppointmentsReport *
import (Fixture    *fixture,
        const char *name,
        gint64      now,
        guint       days_ahead)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr (GError) error = NULL;
  JkAppointmentsReport *report = NULL;

  jk_appointments_import_file (fixture->config, fixture->db, path, now, days_ahead, &report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  for (guint i = 0; i < report->problems->len; i++)
    g_test_message ("%s: %s", name, (const char *) report->problems->pdata[i]);
  return report;
}

/* The rows with code (NULL: all), earliest first. */
static GPtrArray *
rows (Fixture    *fixture,
      const char *code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) select = jk_store_prepare (fixture->store,
                                                      "SELECT code, starts, ends, day, greeting, service, location,"
                                                      " staff, cancelled, recurrence_id, person FROM appointments"
                                                      " WHERE ?1 IS NULL OR code = ?1 ORDER BY starts, code", &error);
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  g_assert_no_error (error);
  sqlite3_bind_text (select, 1, code, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (select) == SQLITE_ROW)
    {
      Row *row = g_new0 (Row, 1);

      row->code = g_strdup ((const char *) sqlite3_column_text (select, 0));
      row->starts = sqlite3_column_int64 (select, 1);
      row->ends = sqlite3_column_int64 (select, 2);
      row->day = g_strdup ((const char *) sqlite3_column_text (select, 3));
      row->greeting = g_strdup ((const char *) sqlite3_column_text (select, 4));
      row->service = g_strdup ((const char *) sqlite3_column_text (select, 5));
      row->location = g_strdup ((const char *) sqlite3_column_text (select, 6));
      row->staff = g_strdup ((const char *) sqlite3_column_text (select, 7));
      row->cancelled = sqlite3_column_int (select, 8);
      row->recurrence_id = g_strdup ((const char *) sqlite3_column_text (select, 9));
      if (sqlite3_column_type (select, 10) == SQLITE_BLOB)
        row->person = g_bytes_new (sqlite3_column_blob (select, 10), sqlite3_column_bytes (select, 10));
      g_ptr_array_add (found, row);
    }
  return found;
}

static Row *
only_row (Fixture    *fixture,
          const char *code)
{
  g_autoptr (GPtrArray) found = rows (fixture, code);

  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_steal_index (found, 0);
}

static guint
count_rows (Fixture *fixture)
{
  g_autoptr (GPtrArray) found = rows (fixture, NULL);

  return found->len;
}

static gboolean
has_problem_about (const JkAppointmentsReport *report,
                   const char                 *text)
{
  for (guint i = 0; i < report->problems->len; i++)
    if (strstr (report->problems->pdata[i], text) != NULL)
      return TRUE;
  return FALSE;
}

/* ---------------------------------------------------------------------- */

/* A VTIMEZONE America/New_York calendar across the change of 8 March
 * 2026 (02:00 EST → 03:00 EDT): the same wall time is an hour apart in UTC. */
static void
test_dst (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr (JkAppointmentsReport) report = import (fixture, "center-dst.ics", local_noon (2026, 3, 6), 3);
  g_autoptr (GPtrArray) all = rows (fixture, NULL);
  Row *row;

  g_assert_cmpuint (report->events, ==, 4);
  g_assert_cmpuint (report->kept, ==, 4);
  g_assert_cmpuint (all->len, ==, 4);
  row = only_row (fixture, "AB1234");
  g_assert_cmpint (row->starts, ==, utc (2026, 3, 6, 15, 30));  /* 10:30 EST */
  g_assert_cmpint (row->ends, ==, utc (2026, 3, 6, 16, 30));
  g_assert_cmpstr (row->day, ==, "2026-03-06");
  g_assert_cmpstr (row->greeting, ==, "Maria N.");
  g_assert_cmpstr (row->service, ==, "Career Services");
  g_assert_cmpstr (row->location, ==, "Room 2");
  g_assert_cmpstr (row->staff, ==, "Ana");
  g_assert_cmpstr (row->recurrence_id, ==, "");
  g_assert_false (row->cancelled);
  row_free (row);
  row = only_row (fixture, "EF9012");
  g_assert_cmpint (row->starts, ==, utc (2026, 3, 8, 7, 0));    /* 03:00 EDT, just after the jump */
  g_assert_cmpstr (row->day, ==, "2026-03-08");
  g_assert_null (row->person);
  row_free (row);
  row = only_row (fixture, "CD5678");
  g_assert_cmpint (row->starts, ==, utc (2026, 3, 9, 14, 30));  /* 10:30 EDT */
  row_free (row);
  /* The calendar's own VTIMEZONE, which no zone database knows. */
  row = only_row (fixture, "FX0001");
  g_assert_cmpint (row->starts, ==, utc (2026, 3, 9, 13, 0));   /* 10:00 at -03:00 */
  row_free (row);
}

/* Outlook: TZID="Eastern Standard Time" (quoted or not) and a display name, no VTIMEZONE. */
static void
test_windows_zones (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (JkAppointmentsReport) report = import (fixture, "outlook.ics", local_noon (2026, 3, 9), 0);
  const char *const *targets = jk_appointments_windows_zone_targets ();
  Row *row;

  g_assert_cmpuint (report->events, ==, 3);
  g_assert_cmpuint (report->kept, ==, 2);
  g_assert_cmpuint (report->skipped, ==, 1);  /* OUT002 was on the 6th */
  g_assert_cmpuint (report->problems->len, ==, 0);
  row = only_row (fixture, "OUT001");
  g_assert_cmpint (row->starts, ==, utc (2026, 3, 9, 14, 30));
  g_assert_cmpstr (row->location, ==, "Room 3");
  row_free (row);
  row = only_row (fixture, "OUT003");
  g_assert_cmpint (row->starts, ==, utc (2026, 3, 9, 14, 0));   /* 09:00 CDT */
  row_free (row);

  g_assert_cmpstr (jk_appointments_windows_zone ("Eastern Standard Time"), ==, "America/New_York");
  g_assert_cmpstr (jk_appointments_windows_zone ("\"Pacific Standard Time\""), ==, "America/Los_Angeles");
  g_assert_cmpstr (jk_appointments_windows_zone ("US Mountain Standard Time"), ==, "America/Phoenix");
  g_assert_cmpstr (jk_appointments_windows_zone ("Hawaiian Standard Time"), ==, "Pacific/Honolulu");
  g_assert_cmpstr (jk_appointments_windows_zone ("(UTC-05:00) Eastern Time (US & Canada)"), ==, "America/New_York");
  g_assert_null (jk_appointments_windows_zone ("Nowhere Standard Time"));
  /* Every name the table gives is one the zone database has. */
  for (guint i = 0; targets[i] != NULL; i++)
    {
      if (icaltimezone_get_builtin_timezone (targets[i]) == NULL)
        g_error ("libical does not know %s", targets[i]);
    }
}

/* Google: the override (RECURRENCE-ID) comes before its master. */
static void
test_override_first (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (JkAppointmentsReport) report = import (fixture, "google-override.ics", local_noon (2026, 3, 9), 0);
  g_autoptr (JkAppointmentsReport) later = NULL;
  Row *row = only_row (fixture, "GOOG01");

  g_assert_cmpint (row->starts, ==, utc (2026, 3, 9, 20, 0));  /* moved from 14:00 to 16:00 EDT */
  g_assert_cmpstr (row->location, ==, "Room 5");
  g_assert_cmpstr (row->recurrence_id, ==, "20260309T180000Z");
  row_free (row);

  /* The week after, the master's own occurrence. */
  later = import (fixture, "google-override.ics", local_noon (2026, 3, 16), 0);
  row = only_row (fixture, "GOOG01");
  g_assert_cmpint (row->starts, ==, utc (2026, 3, 16, 18, 0));
  g_assert_cmpstr (row->location, ==, "Room 1");
  g_assert_cmpstr (row->recurrence_id, ==, "20260316T180000Z");
  row_free (row);
}

/* Weekly with COUNT=8 and one EXDATE; a zone by its IANA name alone. */
static void
test_exdate (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (JkAppointmentsReport) first = import (fixture, "weekly-exdate.ics", local_noon (2026, 3, 9), 0);
  g_autoptr (JkAppointmentsReport) excluded = NULL;
  g_autoptr (JkAppointmentsReport) after = NULL;
  g_autoptr (JkAppointmentsReport) ended = NULL;
  Row *row = only_row (fixture, "WK0001");

  g_assert_cmpint (row->starts, ==, utc (2026, 3, 9, 13, 0));
  g_assert_cmpstr (row->service, ==, "Resume workshop");
  row_free (row);
  excluded = import (fixture, "weekly-exdate.ics", local_noon (2026, 3, 16), 0);
  g_assert_cmpuint (count_rows (fixture), ==, 0);
  g_assert_cmpuint (excluded->skipped, ==, 1);
  after = import (fixture, "weekly-exdate.ics", local_noon (2026, 3, 23), 0);
  row = only_row (fixture, "WK0001");
  g_assert_cmpint (row->starts, ==, utc (2026, 3, 23, 13, 0));
  row_free (row);
  ended = import (fixture, "weekly-exdate.ics", local_noon (2026, 4, 27), 0);  /* the 8th was 20 April */
  g_assert_cmpuint (count_rows (fixture), ==, 0);
}

/* RRULE without COUNT or UNTIL: today's occurrence from a 2020 start, and
 * a FREQ=SECONDLY from 1990 stops at the cap with a problem. */
static void
test_endless (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (JkAppointmentsReport) report = import (fixture, "endless.ics", local_noon (2026, 3, 9), 1);
  g_autoptr (GPtrArray) daily = rows (fixture, "LAB001");

  g_assert_cmpuint (daily->len, ==, 2);  /* today and tomorrow */
  g_assert_cmpint (((Row *) daily->pdata[0])->starts, ==, utc (2026, 3, 9, 12, 0));  /* 08:00 EDT, floating */
  g_assert_cmpint (((Row *) daily->pdata[1])->starts, ==, utc (2026, 3, 10, 12, 0));
  g_assert_true (has_problem_about (report, "event 2"));
  g_assert_cmpuint (count_rows (fixture), ==, 2);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (JkAppointmentsReport) report = import (fixture, "cancelled.ics", local_noon (2026, 3, 9), 0);
  Row *row;

  g_assert_cmpuint (report->cancelled, ==, 2);
  g_assert_cmpuint (report->kept, ==, 1);
  row = only_row (fixture, "CAN001");
  g_assert_true (row->cancelled);
  row_free (row);
  row = only_row (fixture, "CAN002");  /* the series' occurrence today, cancelled by its override */
  g_assert_true (row->cancelled);
  g_assert_cmpint (row->starts, ==, utc (2026, 3, 9, 17, 0));
  row_free (row);
  row = only_row (fixture, "CAN003");
  g_assert_false (row->cancelled);
  row_free (row);
}

/* Three versions of one UID, the highest SEQUENCE not last in the file. */
static void
test_sequence (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (JkAppointmentsReport) report = import (fixture, "sequence.ics", local_noon (2026, 3, 9), 0);
  Row *row = only_row (fixture, "SEQ001");

  g_assert_cmpint (row->starts, ==, utc (2026, 3, 9, 15, 0));
  g_assert_cmpstr (row->location, ==, "Room 4");
  g_assert_cmpuint (report->skipped, ==, 2);
  row_free (row);
}

static void
test_all_day (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (JkAppointmentsReport) report = import (fixture, "all-day.ics", local_noon (2026, 3, 9), 0);
  g_autoptr (GPtrArray) all = rows (fixture, NULL);

  g_assert_cmpuint (report->events, ==, 2);
  g_assert_cmpuint (report->skipped, ==, 1);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpstr (((Row *) all->pdata[0])->code, ==, "DAY002");
}

static GBytes *
read_all (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_bytes_new (NULL, 0);
  return g_bytes_new_take (contents, length);
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return length > 0 && memmem (data, length, needle, strlen (needle)) != NULL;
}

/* Every fixture in one database: no SUMMARY, DESCRIPTION, last name or
 * birth date anywhere in its bytes (the file and its WAL). */
static void
test_nothing_private_stored (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *const names[] = { "center-dst.ics", "outlook.ics", "google-override.ics", "weekly-exdate.ics",
                                "endless.ics", "cancelled.ics", "sequence.ics", "all-day.ics", "hostile.ics",
                                "utf8-fold.ics" };
  const char *const forbidden[] = { "SUMMARYSECRET", "DESCRIPTIONSECRET", "Orientation", "case notes",
                                    "N\xc3\xba\xc3\xb1" "ez", "Nu\xc3\xb1" "ez", "1980-05-17", "19800517" };
  g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);
  guint stored;

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (JkAppointmentsReport) report = import (fixture, names[i], local_noon (2026, 3, 9), 0);
    }
  stored = count_rows (fixture);
  g_assert_cmpuint (stored, >, 10);
  for (gsize f = 0; f < 2; f++)
    {
      g_autoptr (GBytes) bytes = read_all (f == 0 ? fixture->db : wal);

      for (gsize i = 0; i < G_N_ELEMENTS (forbidden); i++)
        if (bytes_contain (bytes, forbidden[i]))
          g_error ("%s found in the database", forbidden[i]);
    }
}

static void
test_person_hash (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (JkAppointmentsReport) report = import (fixture, "center-dst.ics", local_noon (2026, 3, 9), 0);
  g_autoptr (GError) error = NULL;
  guint8 secret[JK_SECRET_SIZE];
  guint8 expected[32], other[32];
  Row *row = only_row (fixture, "CD5678");

  g_assert_true (jk_secret_load (fixture->config, fixture->db, secret, &error));
  g_assert_true (jk_checkin_person_hash (secret, "Núñez", "1980-05-17", expected));
  g_assert_nonnull (row->person);
  g_assert_cmpmem (g_bytes_get_data (row->person, NULL), g_bytes_get_size (row->person), expected, 32);
  row_free (row);

  /* What a visitor may type meets it. */
  g_assert_true (jk_checkin_person_hash (secret, " NUNEZ ", "1980-05-17", other));
  g_assert_cmpmem (other, 32, expected, 32);
  g_assert_true (jk_checkin_person_hash (secret, "nu\xcc\x81n\xcc\x83" "ez", "1980-05-17", other));  /* decomposed */
  g_assert_cmpmem (other, 32, expected, 32);
  g_assert_true (jk_checkin_person_hash (secret, "O'Brien-Núñez", "1980-05-17", expected));
  g_assert_true (jk_checkin_person_hash (secret, "obriennunez", "1980-05-17", other));
  g_assert_cmpmem (other, 32, expected, 32);
  g_assert_true (jk_checkin_person_hash (secret, "Núñez", "1980-05-18", other));
  g_assert_cmpint (memcmp (other, expected, 32), !=, 0);
  g_assert_false (jk_checkin_person_hash (secret, "Núñez", "1980-02-30", other));
  g_assert_false (jk_checkin_person_hash (secret, "Núñez", "17/05/1980", other));
  g_assert_false (jk_checkin_person_hash (secret, "- '", "1980-05-17", other));
  g_assert_false (jk_checkin_person_hash (secret, "", "1980-05-17", other));
}

/* A cut-short download is refused and the calendar's rows stay. */
static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (JkAppointmentsReport) report = NULL;
  g_autofree char *dst = fixture_path ("center-dst.ics");
  g_autofree char *truncated = fixture_path ("truncated.ics");
  g_autofree char *copy = g_build_filename (fixture->dir, "center-dst.ics", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  JkAppointmentsReport *refused = NULL;
  guint before;

  /* Both under one name: the truncated download of the same calendar. */
  g_assert_true (g_file_get_contents (dst, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, contents, -1, NULL));
  g_assert_true (jk_appointments_import_file (fixture->config, fixture->db, copy, local_noon (2026, 3, 6), 3,
                                              &report, &error));
  before = count_rows (fixture);
  g_assert_cmpuint (before, ==, 4);
  g_free (contents);
  g_assert_true (g_file_get_contents (truncated, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, contents, -1, NULL));
  g_assert_false (jk_appointments_import_file (fixture->config, fixture->db, copy, local_noon (2026, 3, 6), 3,
                                               &refused, &error));
  g_assert_error (error, JK_APPOINTMENTS_ERROR, JK_APPOINTMENTS_ERROR_MALFORMED);
  g_assert_null (refused);
  g_assert_cmpuint (count_rows (fixture), ==, before);
  g_clear_error (&error);
  g_assert_false (jk_appointments_import_data (fixture->config, fixture->db, "center-dst.ics", "not a calendar", 14,
                                               local_noon (2026, 3, 6), 3, NULL, &error));
  g_assert_error (error, JK_APPOINTMENTS_ERROR, JK_APPOINTMENTS_ERROR_MALFORMED);
  g_assert_cmpuint (count_rows (fixture), ==, before);
}

static gboolean
is_clean (const char *text,
          guint       max_chars)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > max_chars)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f || c == '<' || c == '>' || g_unichar_type (c) == G_UNICODE_FORMAT)
        return FALSE;
    }
  return TRUE;
}

/* Markup, control characters and a 10 000-character value in every property. */
static void
test_hostile (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (JkAppointmentsReport) report = import (fixture, "hostile.ics", local_noon (2026, 3, 9), 0);
  g_autoptr (GPtrArray) all = rows (fixture, NULL);
  Row *row;

  g_assert_cmpuint (report->events, ==, 3);
  g_assert_true (has_problem_about (report, "event 2"));  /* a code that is markup */
  g_assert_true (has_problem_about (report, "event 3"));  /* DTSTART not a date */
  for (guint i = 0; i < all->len; i++)
    {
      row = all->pdata[i];
      g_assert_true (is_clean (row->greeting, 80));
      g_assert_true (is_clean (row->service, 80));
      g_assert_true (is_clean (row->location, 80));
      g_assert_true (is_clean (row->staff, 80));
    }
  row = only_row (fixture, "HOS001");
  g_assert_cmpstr (row->staff, ==, "Ana");
  g_assert_true (g_str_has_prefix (row->greeting, "Maria"));
  g_assert_true (g_str_has_suffix (row->greeting, " N."));
  /* Tags go, their words stay as plain text (no bell, no bidi override). */
  g_assert_cmpstr (row->service, ==, "alert(1)Career Services");
  g_assert_cmpuint (g_utf8_strlen (row->location, -1), ==, 80);
  g_assert_nonnull (row->person);
  row_free (row);
  for (guint i = 0; i < report->problems->len; i++)
    g_assert_true (is_clean (report->problems->pdata[i], 200));
  /* The problems are for staff, in the language asked for. */
  jk_i18n_set_language ("es");
  g_clear_pointer (&report, jk_appointments_report_free);
  report = import (fixture, "hostile.ics", local_noon (2026, 3, 9), 0);
  jk_i18n_set_language ("en");
  g_assert_true (has_problem_about (report, "evento 3: falta DTSTART"));

  g_assert_cmpstr (jk_appointments_normalize_code (" ab-12 cd "), ==, "AB12CD");
  g_assert_null (jk_appointments_normalize_code ("AB\x01" "12"));
  g_assert_null (jk_appointments_normalize_code ("<b>1</b>"));
  g_assert_null (jk_appointments_normalize_code ("--"));
}

/* Lines folded inside a UTF-8 character, and one whose character never completes. */
static void
test_utf8_fold (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (JkAppointmentsReport) report = import (fixture, "utf8-fold.ics", local_noon (2026, 3, 9), 0);
  g_autoptr (GError) error = NULL;
  guint8 secret[JK_SECRET_SIZE], expected[32];
  Row *row = only_row (fixture, "FOLD01");

  g_assert_true (g_utf8_validate (row->location, -1, NULL));
  g_assert_true (g_str_has_prefix (row->location, "Sala de capacitaci"));
  g_assert_cmpstr (row->greeting, ==, "Maria N.");
  g_assert_true (jk_secret_load (fixture->config, fixture->db, secret, &error));
  g_assert_true (jk_checkin_person_hash (secret, "Nuñez", "1980-05-17", expected));
  g_assert_cmpmem (g_bytes_get_data (row->person, NULL), 32, expected, 32);
  row_free (row);
}

/* 100 000 events of today, made here: all read, none lost, no hang. */
static void
test_many_events (Fixture       *fixture,
                  gconstpointer  data)
{
  GString *text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
  g_autoptr (JkAppointmentsReport) report = NULL;
  g_autoptr (GError) error = NULL;
  gint64 started;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, "BEGIN:VEVENT\r\nUID:%u@x\r\nDTSTART:20260309T%02u%02u00Z\r\n"
                            "X-JOBKIOSK-CODE:C%u\r\nEND:VEVENT\r\n", i, 13 + (i / 60) % 10, i % 60, i);
  g_string_append (text, "END:VCALENDAR\r\n");
  started = g_get_monotonic_time ();
  g_assert_true (jk_appointments_import_data (fixture->config, fixture->db, "many", text->str, text->len,
                                              local_noon (2026, 3, 9), 0, &report, &error));
  g_assert_no_error (error);
  g_test_message ("100 000 events, %" G_GSIZE_FORMAT " bytes: %.1f s", text->len,
                  (g_get_monotonic_time () - started) / 1e6);
  g_assert_cmpuint (report->events, ==, 100000);
  g_assert_cmpuint (report->kept, ==, 100000);
  g_assert_cmpuint (count_rows (fixture), ==, 100000);
  g_string_free (text, TRUE);
}

/* 50 MB: refused unread, from memory and from a file; the rows stay. */
static void
test_huge (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (JkAppointmentsReport) report = import (fixture, "center-dst.ics", local_noon (2026, 3, 6), 3);
  gsize size = 50 * 1024 * 1024;
  g_autofree char *huge = g_malloc (size);
  g_autofree char *path = g_build_filename (fixture->dir, "center-dst.ics", NULL);
  g_autoptr (GError) error = NULL;

  memset (huge, 'A', size);
  memcpy (huge, "BEGIN:VCALENDAR\r\n", 17);
  memcpy (huge + size - 15, "END:VCALENDAR\r\n", 15);
  g_assert_false (jk_appointments_import_data (fixture->config, fixture->db, "center-dst.ics", huge, size,
                                               local_noon (2026, 3, 6), 3, NULL, &error));
  g_assert_error (error, JK_APPOINTMENTS_ERROR, JK_APPOINTMENTS_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (path, huge, size, NULL));
  g_assert_false (jk_appointments_import_file (fixture->config, fixture->db, path, local_noon (2026, 3, 6), 3, NULL,
                                               &error));
  g_assert_error (error, JK_APPOINTMENTS_ERROR, JK_APPOINTMENTS_ERROR_TOO_LARGE);
  g_assert_cmpuint (count_rows (fixture), ==, 4);
}

static void
add_arrival (Fixture    *fixture,
             const char *day)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("INSERT INTO arrivals (day, arrived, kind, reason) VALUES ('%s', 0,"
                                          " 'walk-in', 'computer')", day);

  g_assert_true (jk_store_exec (fixture->store, sql, &error));
  g_assert_no_error (error);
}

static void
test_purge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (JkAppointmentsReport) report = import (fixture, "center-dst.ics", local_noon (2026, 3, 6), 3);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) left = NULL;
  g_autoptr (sqlite3_stmt) arrivals = NULL;

  add_arrival (fixture, "2026-03-08");
  add_arrival (fixture, "2026-03-09");
  /* 4 appointments (6th, 8th, 9th twice) and 2 arrivals: the 6th's and the 8th's go. */
  g_assert_cmpint (jk_appointments_purge (fixture->db, local_noon (2026, 3, 9), &error), ==, 3);
  g_assert_no_error (error);
  left = rows (fixture, NULL);
  g_assert_cmpuint (left->len, ==, 2);
  for (guint i = 0; i < left->len; i++)
    g_assert_cmpstr (((Row *) left->pdata[i])->day, ==, "2026-03-09");
  arrivals = jk_store_prepare (fixture->store, "SELECT group_concat (day) FROM arrivals", &error);
  g_assert_cmpint (sqlite3_step (arrivals), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (arrivals, 0), ==, "2026-03-09");
  g_assert_cmpint (jk_appointments_purge (fixture->db, local_noon (2026, 3, 9), &error), ==, 0);
}

static char *
state_error (Fixture    *fixture,
             const char *source)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) select = jk_store_prepare (fixture->store,
                                                      "SELECT last_error FROM calendar_state WHERE source = ?1",
                                                      &error);

  sqlite3_bind_text (select, 1, source, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (select), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (select, 0));
}

/* [checkin] calendars: one good (a local path, whose size and time stand
 * for the validators), one missing; unchanged the second time; a
 * truncated update keeps the rows. */
static void
test_sync (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *dst = fixture_path ("center-dst.ics");
  g_autofree char *truncated = fixture_path ("truncated.ics");
  g_autofree char *good = g_build_filename (fixture->dir, "center.ics", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.ics", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *why = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (GError) error = NULL;
  JkAppointmentsReport *report;

  g_assert_true (g_file_get_contents (dst, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (good, contents, -1, NULL));
  fixture->config->checkin_calendars = g_strdup_printf ("%s ; %s", good, missing);
  reports = jk_appointments_sync (fixture->config, fixture->db, local_noon (2026, 3, 9), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 2);
  report = reports->pdata[0];
  g_assert_null (report->error);
  g_assert_false (report->unchanged);
  g_assert_cmpuint (report->kept, ==, 2);  /* the 9th's two (and none on the 10th) */
  report = reports->pdata[1];
  g_assert_nonnull (report->error);
  why = state_error (fixture, missing);
  g_assert_nonnull (why);
  g_clear_pointer (&why, g_free);
  g_clear_pointer (&reports, g_ptr_array_unref);

  reports = jk_appointments_sync (fixture->config, fixture->db, local_noon (2026, 3, 9), &error);
  g_assert_true (((JkAppointmentsReport *) reports->pdata[0])->unchanged);
  g_assert_cmpuint (count_rows (fixture), ==, 2);
  g_clear_pointer (&reports, g_ptr_array_unref);

  g_free (contents);
  g_assert_true (g_file_get_contents (truncated, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (good, contents, -1, NULL));
  reports = jk_appointments_sync (fixture->config, fixture->db, local_noon (2026, 3, 9), &error);
  report = reports->pdata[0];
  g_assert_nonnull (report->error);
  g_assert_cmpuint (count_rows (fixture), ==, 2);
  why = state_error (fixture, good);
  g_assert_nonnull (why);
}

int
main (int    argc,
      char **argv)
{
  /* The kiosk's local zone, for floating times and the day: before GLib reads it. */
  g_setenv ("TZ", "America/New_York", TRUE);
  jk_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  JK_TEST_ADD ("/appointments/dst", Fixture, test_dst);
  JK_TEST_ADD ("/appointments/windows-zones", Fixture, test_windows_zones);
  JK_TEST_ADD ("/appointments/override-first", Fixture, test_override_first);
  JK_TEST_ADD ("/appointments/exdate", Fixture, test_exdate);
  JK_TEST_ADD ("/appointments/endless", Fixture, test_endless);
  JK_TEST_ADD ("/appointments/cancelled", Fixture, test_cancelled);
  JK_TEST_ADD ("/appointments/sequence", Fixture, test_sequence);
  JK_TEST_ADD ("/appointments/all-day", Fixture, test_all_day);
  JK_TEST_ADD ("/appointments/nothing-private-stored", Fixture, test_nothing_private_stored);
  JK_TEST_ADD ("/appointments/person-hash", Fixture, test_person_hash);
  JK_TEST_ADD ("/appointments/truncated", Fixture, test_truncated);
  JK_TEST_ADD ("/appointments/hostile", Fixture, test_hostile);
  JK_TEST_ADD ("/appointments/utf8-fold", Fixture, test_utf8_fold);
  JK_TEST_ADD ("/appointments/many-events", Fixture, test_many_events);
  JK_TEST_ADD ("/appointments/huge", Fixture, test_huge);
  JK_TEST_ADD ("/appointments/purge", Fixture, test_purge);
  JK_TEST_ADD ("/appointments/sync", Fixture, test_sync);
  return g_test_run ();
}
