/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-checkin.c: today's appointments filed as a calendar import leaves them */

#include <jobkiosk/jk-secret.h>
#include <jobkiosk/jk-store.h>

#include "checkin/jk-checkin-person-private.h"
#include "store/jk-store-private.h"
#include "jk-test-checkin.h"

void
jk_test_add_appointment (const JkConfig          *config,
                         const char              *database_path,
                         const JkTestAppointment *a)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = jk_store_open_writer (database_path, &error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GDateTime) starts = g_date_time_new_from_unix_local (a->starts);
  g_autofree char *day = g_date_time_format (starts, "%Y-%m-%d");
  guint8 secret[JK_SECRET_SIZE];
  guint8 person[32];

  g_assert_no_error (error);
  stmt = jk_store_prepare (store, "INSERT INTO appointments (source, uid, day, starts, ends, code, person, greeting, "
                           "service, location, staff, cancelled) VALUES ('test', ?, ?, ?, ?, ?, ?, 'Maria N.', ?, "
                           "'Room 2', 'Ana', ?)", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, a->uid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, a->starts);
  sqlite3_bind_int64 (stmt, 4, a->ends != 0 ? a->ends : a->starts + 3600);
  sqlite3_bind_text (stmt, 5, a->code, -1, SQLITE_STATIC);
  if (a->last_name != NULL)
    {
      g_assert_true (jk_secret_load (config, database_path, secret, &error));
      g_assert_no_error (error);
      g_assert_true (jk_checkin_person_hash (secret, a->last_name, a->date_of_birth, person));
      sqlite3_bind_blob (stmt, 6, person, sizeof person, SQLITE_TRANSIENT);
    }
  sqlite3_bind_text (stmt, 7, a->service != NULL ? a->service : "Career Services", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, a->cancelled);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}
