/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-checkin-stub.c: TEMPORARY stand-in for jk-checkin.c so the kiosk page can be built and tested before the real
 * check-in lands; drop this file (and its line in meson.build) at the merge. It keeps jk-checkin.h's shapes over
 * migration 17's tables but is not the real thing: person is matched as the plain bytes
 * "lowercased last name|YYYY-MM-DD" (no keyed hash), the rate limit is per process and staff are told nothing. */

#define G_LOG_DOMAIN "jk-checkin"

#include <jobkiosk/jk-checkin.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-store.h>
#include <string.h>

#include "store/jk-store-private.h"

#define MAX_MISSES 5

static guint misses;
static gint64 first_miss;

G_DEFINE_QUARK (jk-checkin-error-quark, jk_checkin_error)

static char *
local_day (gint64 now)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (now);

  return g_date_time_format (time, "%Y-%m-%d");
}

static gboolean
rate_limited (gint64   now,
              GError **error)
{
  if (misses > 0 && now - first_miss >= 60)
    misses = 0;
  if (misses < MAX_MISSES)
    return FALSE;
  g_set_error_literal (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_RATE_LIMITED, "too many tries");
  return TRUE;
}

static JkCheckinResult *
check_in (const JkConfig *config,
          const char     *database_path,
          const char     *column,
          const void     *key,
          gsize           key_size,
          gint64          now,
          GError        **error)
{
  g_autoptr (JkStore) store = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *day = local_day (now);
  g_autofree char *sql = NULL;
  JkCheckinResult *result;
  gint64 first = 0;

  if (rate_limited (now, error))
    return NULL;
  store = jk_store_open_writer (database_path, error);
  if (store == NULL)
    return NULL;
  sql = g_strdup_printf ("SELECT starts, service, location, staff, greeting, source, uid, recurrence_id "
                         "FROM appointments WHERE %s = ? AND day = ? AND cancelled = 0 ORDER BY starts", column);
  stmt = jk_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_blob (stmt, 1, key, key_size, SQLITE_TRANSIENT);
  if (g_str_equal (column, "code"))
    sqlite3_bind_text (stmt, 1, key, key_size, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);
  result = g_new0 (JkCheckinResult, 1);
  result->appointments = g_ptr_array_new ();
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      JkCheckinAppointment *appointment = g_new0 (JkCheckinAppointment, 1);
      g_autoptr (sqlite3_stmt) insert = NULL;

      appointment->starts = sqlite3_column_int64 (stmt, 0);
      appointment->service = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      appointment->location = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      appointment->staff = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      if (result->greeting == NULL)
        result->greeting = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (result->appointments, appointment);
      if (first == 0)
        first = appointment->starts;
      insert = jk_store_prepare (store, "INSERT OR IGNORE INTO arrivals (day, arrived, kind, source, uid, recurrence_id, "
                                 "greeting, reason) VALUES (?, ?, 'appointment', ?, ?, ?, ?, ?)", NULL);
      if (insert == NULL || now < first - (gint64) config->checkin_before * 60 ||
          now > first + (gint64) config->checkin_after * 60)
        continue;
      sqlite3_bind_text (insert, 1, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (insert, 2, now);
      for (int i = 5; i <= 7; i++)
        sqlite3_bind_value (insert, i - 2, sqlite3_column_value (stmt, i));
      sqlite3_bind_value (insert, 6, sqlite3_column_value (stmt, 4));
      sqlite3_bind_value (insert, 7, sqlite3_column_value (stmt, 1));
      sqlite3_step (insert);
      if (sqlite3_changes (jk_store_get_db (store)) == 0)
        result->already = TRUE;
    }
  if (result->appointments->len == 0)
    {
      if (misses++ == 0)
        first_miss = now;
      result->outcome = JK_CHECKIN_NOT_FOUND;
    }
  else if (now < first - (gint64) config->checkin_before * 60)
    result->outcome = JK_CHECKIN_EARLY;
  else if (now > first + (gint64) config->checkin_after * 60)
    result->outcome = JK_CHECKIN_LATE;
  else
    result->outcome = JK_CHECKIN_CHECKED_IN;
  return result;
}

JkCheckinResult *
jk_checkin_by_code (const JkConfig *config,
                    const char     *database_path,
                    const char     *code,
                    gint64          now,
                    GError        **error)
{
  g_autofree char *normalized = jk_checkin_code_normalize (code);

  if (normalized == NULL)
    {
      g_set_error_literal (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_BAD_INPUT, "not a code");
      return NULL;
    }
  return check_in (config, database_path, "code", normalized, strlen (normalized), now, error);
}

JkCheckinResult *
jk_checkin_by_person (const JkConfig *config,
                      const char     *database_path,
                      const char     *last_name,
                      const char     *date_of_birth,
                      gint64          now,
                      GError        **error)
{
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;

  if (last_name == NULL || *g_strstrip (name = g_utf8_strdown (last_name, -1)) == '\0' ||
      date_of_birth == NULL || strlen (date_of_birth) != 10)
    {
      g_set_error_literal (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_BAD_INPUT, "not a name and a date");
      return NULL;
    }
  key = g_strdup_printf ("%s|%s", name, date_of_birth);
  return check_in (config, database_path, "person", key, strlen (key), now, error);
}

JkWalkinResult *
jk_checkin_walk_in (const JkConfig *config,
                    const char     *database_path,
                    const char     *reason,
                    const char     *first_name,
                    const char     *phone,
                    gint64          now,
                    GError        **error)
{
  g_autoptr (JkStore) store = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *day = local_day (now);
  JkWalkinResult *result;

  if (jk_walkin_reason_label (reason) == NULL)
    {
      g_set_error_literal (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_BAD_INPUT, "not a reason");
      return NULL;
    }
  store = jk_store_open_writer (database_path, error);
  if (store == NULL)
    return NULL;
  stmt = jk_store_prepare (store, "SELECT coalesce (max (queue_number), 0) + 1, "
                           "count (*) FILTER (WHERE state = 'waiting') FROM arrivals WHERE day = ? AND kind = 'walk-in'",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_step (stmt);
  result = g_new0 (JkWalkinResult, 1);
  result->queue_number = sqlite3_column_int (stmt, 0);
  result->waiting_ahead = sqlite3_column_int (stmt, 1);
  result->estimate_minutes = result->waiting_ahead * 10;
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = jk_store_prepare (store, "INSERT INTO arrivals (day, arrived, kind, greeting, reason, queue_number, phone) "
                           "VALUES (?, ?, 'walk-in', ?, ?, ?, ?)", error);
  if (stmt == NULL)
    {
      g_free (result);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_text (stmt, 3, first_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, result->queue_number);
  sqlite3_bind_text (stmt, 6, phone, -1, SQLITE_TRANSIENT);
  sqlite3_step (stmt);
  return result;
}

GPtrArray *
jk_checkin_arrivals (const JkConfig *config,
                     const char     *database_path,
                     const char     *day,
                     gint64          now,
                     GError        **error)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) jk_arrival_free);
}

char *
jk_checkin_code_normalize (const char *text)
{
  GString *code;

  if (text == NULL || strlen (text) > 64)
    return NULL;
  code = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '-')
        continue;
      if (!g_ascii_isalnum (*p))
        {
          g_string_free (code, TRUE);
          return NULL;
        }
      g_string_append_c (code, g_ascii_toupper (*p));
    }
  if (code->len < 4 || code->len > 32)
    {
      g_string_free (code, TRUE);
      return NULL;
    }
  return g_string_free (code, FALSE);
}

const char *
jk_walkin_reason_label (const char *key)
{
#define X(id, k, label) if (key != NULL && g_str_equal (key, k)) return label;
  JK_WALKIN_REASONS
#undef X
  return NULL;
}

static void
appointment_free (gpointer data)
{
  JkCheckinAppointment *appointment = data;

  g_free (appointment->service);
  g_free (appointment->location);
  g_free (appointment->staff);
  g_free (appointment);
}

void
jk_checkin_result_free (JkCheckinResult *result)
{
  if (result == NULL)
    return;
  g_free (result->greeting);
  g_ptr_array_foreach (result->appointments, (GFunc) appointment_free, NULL);
  g_ptr_array_unref (result->appointments);
  g_free (result);
}

void
jk_walkin_result_free (JkWalkinResult *result)
{
  g_free (result);
}

void
jk_arrival_free (JkArrival *arrival)
{
  if (arrival == NULL)
    return;
  g_free (arrival->kind);
  g_free (arrival->greeting);
  g_free (arrival->reason);
  g_free (arrival->state);
  g_free (arrival);
}
