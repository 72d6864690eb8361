/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-checkin.c: checking in for today's appointments and walking in, each arrival counted and told to staff */

#define G_LOG_DOMAIN "jk-checkin"

#include <math.h>
#include <sodium.h>
#include <string.h>

#include <jobkiosk/jk-checkin.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-secret.h>
#include <jobkiosk/jk-usage.h>

#include "checkin/jk-checkin-person-private.h"
#include "checkin/jk-staff-notify-private.h"
#include "mail/jk-outbox-private.h"
#include "store/jk-store-private.h"

/* Tries that found nothing, per kiosk (its database) and minute, before
 * the rest of the minute is refused: enough for typos, too few to guess. */
#define MAX_FAILED_PER_MINUTE 5
#define MAX_CODE_LENGTH 64
#define MAX_FIRST_NAME 40

G_DEFINE_QUARK (jk-checkin-error-quark, jk_checkin_error)

typedef struct {
  char *source, *uid, *recurrence_id;
  gint64 starts;
  char *greeting, *service, *location, *staff;
} Appointment;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
appointment_free (Appointment *a)
{
  g_free (a->source);
  g_free (a->uid);
  g_free (a->recurrence_id);
  g_free (a->greeting);
  g_free (a->service);
  g_free (a->location);
  g_free (a->staff);
  g_free (a);
}

static void
checkin_appointment_free (JkCheckinAppointment *a)
{
  g_free (a->service);
  g_free (a->location);
  g_free (a->staff);
  g_free (a);
}

static char *
local_format (gint64      when,
              const char *format)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (when);

  return g_date_time_format (time, format);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
to_checkin_error (GError **error)
{
  if (error != NULL && *error != NULL && (*error)->domain != JK_CHECKIN_ERROR)
    {
      (*error)->domain = JK_CHECKIN_ERROR;
      (*error)->code = JK_CHECKIN_ERROR_FAILED;
    }
}

static JkStore *
open_writer (const char *database_path,
             GError    **error)
{
  g_autoptr (JkStore) store = jk_store_open_writer (database_path, error);

  /* A walk-in's mobile number is overwritten when its day is purged. */
  if (store == NULL || !jk_store_exec (store, "PRAGMA secure_delete = ON", error))
    {
      to_checkin_error (error);
      return NULL;
    }
  return g_steal_pointer (&store);
}

/* A failed try, for the rate limit: not usage (that is jk_usage_add). */
static gboolean
count_failed (JkStore    *store,
             const char *day,
             const char *what,
             GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, "INSERT INTO usage_counts (day, what, count) "
                                                    "VALUES (?, ?, 1) ON CONFLICT (day, what) "
                                                    "DO UPDATE SET count = count + 1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, what, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "counting a visit");
      return FALSE;
    }
  return TRUE;
}

/* The failed tries of now's minute: one usage_counts row per minute
 * ("checkin:not-found:HH:MM"), so the kiosk and jobkioskctl share it and
 * reports can sum the hour. No identity is in it. */
static char *
failed_key (gint64 now)
{
  g_autofree char *minute = local_format (now, "%H:%M");

  return g_strconcat ("checkin:not-found:", minute, NULL);
}

static gboolean
is_rate_limited (JkStore    *store,
                 const char *day,
                 gint64      now,
                 GError    **error)
{
  g_autofree char *what = failed_key (now);
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, "SELECT count FROM usage_counts WHERE day = ? AND what = ?",
                                                    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, what, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) >= MAX_FAILED_PER_MINUTE)
    {
      g_set_error_literal (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_RATE_LIMITED,
                           _("Too many tries. Please wait a minute and try again, or ask at the front desk."));
      return TRUE;
    }
  return FALSE;
}

static GPtrArray *
read_appointments (sqlite3_stmt *stmt)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) appointment_free);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Appointment *a = g_new0 (Appointment, 1);

      a->source = column_dup (stmt, 0);
      a->uid = column_dup (stmt, 1);
      a->recurrence_id = column_dup (stmt, 2);
      a->starts = sqlite3_column_int64 (stmt, 3);
      a->greeting = column_dup (stmt, 4);
      a->service = column_dup (stmt, 5);
      a->location = column_dup (stmt, 6);
      a->staff = column_dup (stmt, 7);
      g_ptr_array_add (found, a);
    }
  return found;
}

#define APPOINTMENT_COLUMNS "source, uid, recurrence_id, starts, greeting, service, location, staff"

/* Tells staff of one arrival: an outbox row in the caller's transaction.
 * Without a staff endpoint nobody is told; the arrival is still listed. */
static gboolean
tell_staff (JkStore             *store,
            const JkConfig      *config,
            const char          *database_path,
            const JkStaffNotice *notice,
            gint64               now,
            GError             **error)
{
  g_autofree char *key = NULL;
  g_autoptr (GBytes) payload = NULL;

  if (config->checkin_endpoint == NULL || config->checkin_endpoint[0] == '\0')
    return TRUE;
  key = g_uuid_string_random ();
  payload = jk_staff_notice_to_json (notice, key);
  return jk_outbox_add_sealed (store, config, database_path, JK_STAFF_NOTIFY_KIND, key, payload, now, error) > 0;
}

/* Inserts the arrival unless it is there: TRUE in *added when it is new. */
static gboolean
add_arrival (JkStore           *store,
             const char        *day,
             gint64             now,
             const Appointment *a,
             gboolean          *added,
             GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, "INSERT OR IGNORE INTO arrivals (day, arrived, kind, source, "
                                                    "uid, recurrence_id, greeting, reason) "
                                                    "VALUES (?, ?, 'appointment', ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_text (stmt, 3, a->source, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, a->uid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, a->recurrence_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, a->greeting, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, a->service != NULL ? a->service : "", -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "writing an arrival");
      return FALSE;
    }
  *added = sqlite3_changes (jk_store_get_db (store)) == 1;
  return TRUE;
}

static JkCheckinResult *
result_new (JkCheckinOutcome outcome)
{
  JkCheckinResult *result = g_new0 (JkCheckinResult, 1);

  result->outcome = outcome;
  result->appointments = g_ptr_array_new_with_free_func ((GDestroyNotify) checkin_appointment_free);
  return result;
}

/* The check-in itself, once the person's appointments today are found
 * (inside the open transaction). */
static JkCheckinResult *
check_in (JkStore        *store,
          const JkConfig *config,
          const char     *database_path,
          const char     *day,
          GPtrArray      *found,
          gint64          now,
          GError        **error)
{
  g_autoptr (JkCheckinResult) result = NULL;
  gint64 before = (gint64) config->checkin_before * 60;
  gint64 after = (gint64) config->checkin_after * 60;
  const Appointment *next = NULL;
  gboolean any_new = FALSE;

  if (found->len == 0)
    {
      g_autofree char *what = failed_key (now);

      if (!count_failed (store, day, what, error))
        return NULL;
      return result_new (JK_CHECKIN_NOT_FOUND);
    }
  /* What decides is the first appointment whose window has not ended. */
  for (guint i = 0; i < found->len && next == NULL; i++)
    {
      const Appointment *a = found->pdata[i];

      if (now <= a->starts + after)
        next = a;
    }
  if (next == NULL)
    result = result_new (JK_CHECKIN_LATE);
  else if (now < next->starts - before)
    result = result_new (JK_CHECKIN_EARLY);
  else
    result = result_new (JK_CHECKIN_CHECKED_IN);
  for (guint i = 0; i < found->len; i++)
    {
      const Appointment *a = found->pdata[i];
      JkCheckinAppointment *shown = g_new0 (JkCheckinAppointment, 1);

      shown->starts = a->starts;
      shown->service = g_strdup (a->service);
      shown->location = g_strdup (a->location);
      shown->staff = g_strdup (a->staff);
      g_ptr_array_add (result->appointments, shown);
      if (result->greeting == NULL)
        result->greeting = g_strdup (a->greeting);
    }
  if (result->outcome == JK_CHECKIN_LATE)
    return g_steal_pointer (&result);

  /* Every appointment of the day not yet over, together. */
  for (guint i = 0; i < found->len; i++)
    {
      const Appointment *a = found->pdata[i];
      gboolean added = FALSE;
      JkStaffNotice notice = { 0 };

      if (now > a->starts + after)
        continue;
      if (!add_arrival (store, day, now, a, &added, error))
        return NULL;
      if (!added)
        continue;
      any_new = TRUE;
      notice.kind = "appointment";
      notice.greeting = a->greeting;
      notice.starts = a->starts;
      notice.service = a->service;
      notice.location = a->location;
      notice.arrived = now;
      if (!jk_usage_add (store, "checkins", 1, now, error)
          || !tell_staff (store, config, database_path, &notice, now, error))
        return NULL;
    }
  result->already = !any_new;
  return g_steal_pointer (&result);
}

/* Runs a lookup (its statement bound by bind) and the check-in in one
 * transaction. */
typedef void (*BindFunc) (sqlite3_stmt *stmt, gconstpointer data);

static JkCheckinResult *
lookup_and_check_in (const JkConfig *config,
                     const char     *database_path,
                     const char     *sql,
                     BindFunc        bind,
                     gconstpointer   data,
                     gint64          now,
                     GError        **error)
{
  g_autoptr (JkStore) store = open_writer (database_path, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (JkCheckinResult) result = NULL;
  g_autofree char *day = local_format (now, "%Y-%m-%d");

  if (store == NULL)
    return NULL;
  if (!jk_store_begin (store, error))
    goto failed;
  if (is_rate_limited (store, day, now, error))
    {
      jk_store_rollback (store);
      return NULL;
    }
  if (error != NULL && *error != NULL)
    goto failed;
  stmt = jk_store_prepare (store, sql, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  bind (stmt, data);
  found = read_appointments (stmt);
  g_clear_pointer (&stmt, sqlite3_finalize);
  result = check_in (store, config, database_path, day, found, now, error);
  if (result == NULL || !jk_store_commit (store, error))
    goto failed;
  return g_steal_pointer (&result);

failed:
  jk_store_rollback (store);
  to_checkin_error (error);
  return NULL;
}

static void
bind_code (sqlite3_stmt *stmt,
           gconstpointer data)
{
  sqlite3_bind_text (stmt, 2, data, -1, SQLITE_STATIC);
}

static void
bind_person (sqlite3_stmt *stmt,
             gconstpointer data)
{
  sqlite3_bind_blob (stmt, 2, data, 32, SQLITE_STATIC);
}

/* A phone number as typed: digits with the usual marks, 7 to 15 digits. */
static char *
normalize_phone (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) || (*p == '+' && digits->len == 0))
        g_string_append_c (digits, *p);
      else if (strchr (" -().", *p) == NULL)
        {
          g_string_free (digits, TRUE);
          return NULL;
        }
    }
  if (digits->len < 7 || digits->len > 16)
    {
      g_string_free (digits, TRUE);
      return NULL;
    }
  return g_string_free (digits, FALSE);
}

/* The first word of a first name, at most 40 characters, no control
 * characters: a greeting, never a full name. */
static char *
normalize_first_name (const char *text,
                      gboolean   *ok)
{
  g_autofree char *copy = NULL;
  char *space;

  *ok = TRUE;
  if (text == NULL)
    return NULL;
  if (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > 200)
    {
      *ok = FALSE;
      return NULL;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        *ok = FALSE;
        return NULL;
      }
  copy = g_strstrip (g_strdup (text));
  space = strpbrk (copy, " \t");
  if (space != NULL)
    *space = '\0';
  if (copy[0] == '\0')
    return NULL;
  if (g_utf8_strlen (copy, -1) > MAX_FIRST_NAME)
    *g_utf8_offset_to_pointer (copy, MAX_FIRST_NAME) = '\0';
  return g_steal_pointer (&copy);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

char *
jk_checkin_code_normalize (const char *text)
{
  GString *code;

  if (text == NULL || strlen (text) > MAX_CODE_LENGTH)
    return NULL;
  code = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);

      if (c == ' ' || c == '-')
        continue;
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
        {
          g_string_free (code, TRUE);
          return NULL;
        }
      g_string_append_c (code, c);
    }
  if (code->len == 0)
    {
      g_string_free (code, TRUE);
      return NULL;
    }
  return g_string_free (code, FALSE);
}

const char *
jk_walkin_reason_label (const char *key)
{
#define X(id, k, label) if (g_strcmp0 (key, k) == 0) return label;
  JK_WALKIN_REASONS
#undef X
  return NULL;
}

JkCheckinResult *
jk_checkin_by_code (const JkConfig *config,
                    const char     *database_path,
                    const char     *code,
                    gint64          now,
                    GError        **error)
{
  g_autofree char *normal = jk_checkin_code_normalize (code);

  if (normal == NULL)
    {
      g_set_error_literal (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_BAD_INPUT,
                           _("This is not a check-in code. Check it and try again."));
      return NULL;
    }
  /* The code's appointments, and the rest of the same person's today. */
  return lookup_and_check_in (config, database_path,
                              "SELECT " APPOINTMENT_COLUMNS " FROM appointments "
                              "WHERE day = ?1 AND cancelled = 0 AND (code = ?2 OR person IN "
                              "(SELECT person FROM appointments WHERE code = ?2 AND day = ?1 AND cancelled = 0 "
                              "AND person IS NOT NULL)) ORDER BY starts, uid",
                              bind_code, normal, now, error);
}

JkCheckinResult *
jk_checkin_by_person (const JkConfig *config,
                      const char     *database_path,
                      const char     *last_name,
                      const char     *date_of_birth,
                      gint64          now,
                      GError        **error)
{
  guint8 secret[JK_SECRET_SIZE];
  guint8 person[32];
  gboolean hashed;
  JkCheckinResult *result;

  if (last_name == NULL || strlen (last_name) > 200 || date_of_birth == NULL)
    {
      g_set_error_literal (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_BAD_INPUT,
                           _("Type your last name and your date of birth."));
      return NULL;
    }
  for (const char *p = last_name; *p != '\0'; p++)
    if (g_ascii_iscntrl (*p))
      {
        g_set_error_literal (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_BAD_INPUT,
                             _("Type your last name and your date of birth."));
        return NULL;
      }
  if (!jk_secret_load (config, database_path, secret, error))
    {
      to_checkin_error (error);
      return NULL;
    }
  hashed = jk_checkin_person_hash (secret, last_name, date_of_birth, person);
  sodium_memzero (secret, sizeof secret);
  if (!hashed)
    {
      g_set_error_literal (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_BAD_INPUT,
                           _("Type your last name and your date of birth."));
      return NULL;
    }
  result = lookup_and_check_in (config, database_path,
                                "SELECT " APPOINTMENT_COLUMNS " FROM appointments "
                                "WHERE day = ?1 AND person = ?2 AND cancelled = 0 ORDER BY starts, uid",
                                bind_person, person, now, error);
  sodium_memzero (person, sizeof person);
  return result;
}

/* The wait for a walk-in joining now, in minutes: staff have called
 * called walk-ins between the first arrival and the last call, so one call
 * takes about that span over called; this one waits for those ahead and
 * then its own. 0 when nobody has been called yet: no flow to go by. */
static guint
walk_in_estimate (guint  called,
                  gint64 first_arrived,
                  gint64 last_called,
                  guint  ahead)
{
  double per_call;
  double minutes;

  if (called == 0 || last_called <= first_arrived)
    return 0;
  per_call = (double) (last_called - first_arrived) / 60.0 / called;
  minutes = per_call * (ahead + 1);
  /* Rounded up to five minutes: a promise of 7 minutes is kept less often
   * than one of 10. */
  return (guint) MAX (5, 5 * ceil (minutes / 5.0));
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
  g_autofree char *day = local_format (now, "%Y-%m-%d");
  g_autofree char *what = NULL;
  g_autofree char *name = NULL;
  g_autofree char *number = NULL;
  JkWalkinResult *result;
  JkStaffNotice notice = { 0 };
  gboolean name_ok;

  if (jk_walkin_reason_label (reason) == NULL)
    {
      g_set_error (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_BAD_INPUT, _("“%s” is not a reason for a visit."),
                   reason != NULL ? reason : "");
      return NULL;
    }
  name = normalize_first_name (first_name, &name_ok);
  if (!name_ok)
    {
      g_set_error_literal (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_BAD_INPUT,
                           _("This is not a first name. Check it and try again."));
      return NULL;
    }
  if (phone != NULL && phone[0] != '\0' && (number = normalize_phone (phone)) == NULL)
    {
      g_set_error_literal (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_BAD_INPUT,
                           _("This is not a mobile number. Check it and try again."));
      return NULL;
    }
  store = open_writer (database_path, error);
  if (store == NULL)
    return NULL;
  if (!jk_store_begin (store, error))
    goto failed;
  result = g_new0 (JkWalkinResult, 1);
  /* Today's flow: the next number, who still waits, and how many walk-ins
   * staff have called since the first arrived. */
  stmt = jk_store_prepare (store, "SELECT coalesce (max (queue_number), 0), "
                           "count (*) FILTER (WHERE state = 'waiting'), "
                           "count (called), min (arrived), max (called) "
                           "FROM arrivals WHERE day = ? AND kind = 'walk-in'", error);
  if (stmt == NULL)
    goto failed_result;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      jk_store_set_error (store, error, "counting today's walk-ins");
      goto failed_result;
    }
  result->queue_number = (guint) sqlite3_column_int (stmt, 0) + 1;
  result->waiting_ahead = (guint) sqlite3_column_int (stmt, 1);
  result->estimate_minutes = walk_in_estimate ((guint) sqlite3_column_int (stmt, 2), sqlite3_column_int64 (stmt, 3),
                                               sqlite3_column_int64 (stmt, 4), result->waiting_ahead);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = jk_store_prepare (store, "INSERT INTO arrivals (day, arrived, kind, greeting, reason, queue_number, phone) "
                           "VALUES (?, ?, 'walk-in', ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto failed_result;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, (int) result->queue_number);
  sqlite3_bind_text (stmt, 6, number, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "writing a walk-in");
      goto failed_result;
    }
  what = g_strconcat (JK_USAGE_WALKIN_PREFIX, reason, NULL);
  notice.kind = "walk-in";
  notice.greeting = name;
  notice.reason = reason;
  notice.queue_number = result->queue_number;
  notice.arrived = now;
  if (!jk_usage_add (store, "walk-ins", 1, now, error)
      || !jk_usage_add (store, what, 1, now, error)
      || !tell_staff (store, config, database_path, &notice, now, error)
      || !jk_store_commit (store, error))
    goto failed_result;
  return result;

failed_result:
  g_free (result);
failed:
  jk_store_rollback (store);
  to_checkin_error (error);
  return NULL;
}

GPtrArray *
jk_checkin_arrivals (const JkConfig *config,
                     const char     *database_path,
                     const char     *day,
                     gint64          now,
                     GError        **error)
{
  g_autoptr (JkStore) reader = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) arrivals = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_arrival_free);
  g_autofree char *today = local_format (now, "%Y-%m-%d");
  gint64 grace = (gint64) config->checkin_grace * 60;

  if (day != NULL && (strlen (day) != 10 || !g_ascii_isdigit (day[0])))
    {
      g_set_error_literal (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_BAD_INPUT, _("Give the day as YYYY-MM-DD."));
      return NULL;
    }
  reader = jk_store_open_reader (database_path, error);
  if (reader == NULL)
    {
      to_checkin_error (error);
      return NULL;
    }
  /* The arrivals, and the appointments nobody arrived for once their
   * grace is over: those are the no-shows staff look for. */
  stmt = jk_store_prepare (reader,
                           "SELECT a.id, a.arrived, a.kind, a.greeting, a.reason, coalesce (p.starts, 0), "
                           "coalesce (a.queue_number, 0), a.state, coalesce (a.called, 0), coalesce (a.served, 0), a.arrived AS sort "
                           "FROM arrivals a LEFT JOIN appointments p USING (source, uid, recurrence_id) "
                           "WHERE a.day = ?1 "
                           "UNION ALL "
                           "SELECT 0, 0, 'appointment', p.greeting, coalesce (p.service, ''), p.starts, 0, 'no-show', 0, 0, "
                           "p.starts + ?3 FROM appointments p "
                           "WHERE p.day = ?1 AND p.cancelled = 0 AND p.starts + ?3 < ?2 AND NOT EXISTS "
                           "(SELECT 1 FROM arrivals a WHERE a.source = p.source AND a.uid = p.uid "
                           "AND a.recurrence_id = p.recurrence_id) "
                           "ORDER BY sort, 1", error);
  if (stmt == NULL)
    {
      to_checkin_error (error);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, day != NULL ? day : today, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, grace);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      JkArrival *arrival = g_new0 (JkArrival, 1);

      arrival->id = sqlite3_column_int64 (stmt, 0);
      arrival->arrived = sqlite3_column_int64 (stmt, 1);
      arrival->kind = column_dup (stmt, 2);
      arrival->greeting = column_dup (stmt, 3);
      arrival->reason = column_dup (stmt, 4);
      arrival->starts = sqlite3_column_int64 (stmt, 5);
      arrival->queue_number = (guint) sqlite3_column_int (stmt, 6);
      arrival->state = column_dup (stmt, 7);
      arrival->called = sqlite3_column_int64 (stmt, 8);
      arrival->served = sqlite3_column_int64 (stmt, 9);
      g_ptr_array_add (arrivals, arrival);
    }
  return g_steal_pointer (&arrivals);
}

gboolean
jk_checkin_mark (const char  *database_path,
                 gint64       id,
                 const char  *state,
                 gint64       now,
                 GError     **error)
{
  g_autoptr (JkStore) store = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *today = local_format (now, "%Y-%m-%d");
  const char *const states[] = { "waiting", "called", "served", "no-show" };

  if (state == NULL || !g_strv_contains (states, state))
    {
      g_set_error_literal (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_BAD_INPUT,
                           _("An arrival can be marked waiting, called, served or no-show."));
      return FALSE;
    }
  store = open_writer (database_path, error);
  if (store == NULL)
    return FALSE;
  /* Served implies called: a walk-in served without a call still moved
   * the queue, and the wait estimate counts calls. */
  stmt = jk_store_prepare (store, "UPDATE arrivals SET state = ?1, "
                           "called = CASE WHEN ?1 IN ('called', 'served') THEN coalesce (called, ?2) "
                           "WHEN ?1 = 'waiting' THEN NULL ELSE called END, "
                           "served = CASE WHEN ?1 = 'served' THEN coalesce (served, ?2) ELSE NULL END "
                           "WHERE id = ?3 AND day = ?4", error);
  if (stmt == NULL)
    {
      to_checkin_error (error);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, state, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, id);
  sqlite3_bind_text (stmt, 4, today, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "marking an arrival");
      to_checkin_error (error);
      return FALSE;
    }
  if (sqlite3_changes (jk_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_NOT_FOUND,
                           _("No arrival of today has this number."));
      return FALSE;
    }
  return TRUE;
}

void
jk_checkin_result_free (JkCheckinResult *result)
{
  if (result == NULL)
    return;
  g_free (result->greeting);
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
