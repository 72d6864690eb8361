/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-staff.c: staff accounts, the wrong-PIN lock and the audit log */

#define G_LOG_DOMAIN "jk-staff"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-staff.h>

#include "store/jk-store-private.h"
#include "staff/jk-staff-private.h"

/* A stored hash asking for more than this is refused, not run: an edited
 * row must not make the kiosk allocate gigabytes or spin for minutes. */
#define MAX_OPSLIMIT 16
#define MAX_MEMLIMIT_KIB (1024 * 1024)
#define NAME_MAX_CHARS 64
#define AUDIT_MAX_BYTES 1000

typedef struct {
  char *name;
  char *pin_hash;
} Account;

static guint64 cost_opslimit = JK_STAFF_OPSLIMIT;
static gsize cost_memlimit = JK_STAFF_MEMLIMIT;
static guint derivations;

G_DEFINE_QUARK (jk-staff-error-quark, jk_staff_error)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
account_free (Account *account)
{
  g_free (account->name);
  if (account->pin_hash != NULL)
    sodium_memzero (account->pin_hash, strlen (account->pin_hash));
  g_free (account->pin_hash);
  g_free (account);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Account, account_free)

/* A store error becomes FAILED, keeping its words. */
static void
set_failed (GError **error,
            GError  *cause)
{
  g_set_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_FAILED, "%s",
               cause != NULL ? cause->message : _("The staff accounts could not be read or written"));
}

static JkStore *
open_store (const char  *database_path,
            gboolean     write,
            GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (JkStore) store = write ? jk_store_open_writer (database_path, &local_error)
                                    : jk_store_open_reader (database_path, &local_error);

  /* A removed account's hash is overwritten, not left in free pages. */
  if (store == NULL || (write && !jk_store_exec (store, "PRAGMA secure_delete = ON", &local_error)))
    {
      set_failed (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&store);
}

static sqlite3_stmt *
prepare (JkStore     *store,
         const char  *sql,
         GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  sqlite3_stmt *stmt = jk_store_prepare (store, sql, &local_error);

  if (stmt == NULL)
    set_failed (error, local_error);
  return stmt;
}

static gboolean
exec (JkStore     *store,
      const char  *sql,
      GError     **error)
{
  g_autoptr (GError) local_error = NULL;

  if (jk_store_exec (store, sql, &local_error))
    return TRUE;
  set_failed (error, local_error);
  return FALSE;
}

static gboolean
step_done (JkStore      *store,
           sqlite3_stmt *stmt,
           const char   *doing,
           GError      **error)
{
  g_autoptr (GError) local_error = NULL;

  if (sqlite3_step (stmt) == SQLITE_DONE)
    return TRUE;
  jk_store_set_error (store, &local_error, doing);
  set_failed (error, local_error);
  return FALSE;
}

/* A PIN is what a keypad of digits can type, 4 to 12 of them. Anything
 * else is refused before the lock is looked at, and does not count as a
 * try: it cannot be anyone's PIN, so it guesses nothing, and a 200-digit
 * paste must not run Argon2id. */
static gboolean
check_pin (const char  *pin,
           GError     **error)
{
  gsize length = pin != NULL ? strnlen (pin, JK_STAFF_PIN_MAX + 1) : 0;
  gboolean good = length >= JK_STAFF_PIN_MIN && length <= JK_STAFF_PIN_MAX;

  for (gsize i = 0; good && i < length; i++)
    good = pin[i] >= '0' && pin[i] <= '9';
  if (!good)
    g_set_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_BAD_INPUT,
                 _("A PIN is %d to %d digits, 0 to 9, and nothing else"), JK_STAFF_PIN_MIN, JK_STAFF_PIN_MAX);
  return good;
}

/* The name as kept: without spaces around it, printable, not too long. */
static char *
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *stripped = NULL;
  gboolean good;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_BAD_INPUT, _("A staff name must be text"));
      return NULL;
    }
  stripped = g_strstrip (g_strdup (name));
  good = stripped[0] != '\0' && g_utf8_strlen (stripped, -1) <= NAME_MAX_CHARS;
  for (const char *p = stripped; good && *p != '\0'; p = g_utf8_next_char (p))
    good = g_unichar_isprint (g_utf8_get_char (p));
  if (!good)
    {
      g_set_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_BAD_INPUT,
                   _("A staff name is 1 to %d letters, digits, spaces or marks, on one line"), NAME_MAX_CHARS);
      return NULL;
    }
  return g_steal_pointer (&stripped);
}

/* Whether a stored hash is one this code will run: Argon2id at a cost it
 * can afford. */
static gboolean
hash_is_sane (const char *pin_hash)
{
  unsigned long memory = 0, passes = 0;

  if (pin_hash == NULL || !g_str_has_prefix (pin_hash, "$argon2id$v=19$"))
    return FALSE;
  if (sscanf (pin_hash + strlen ("$argon2id$v=19$"), "m=%lu,t=%lu,", &memory, &passes) != 2)
    return FALSE;
  return memory >= 8 && memory <= MAX_MEMLIMIT_KIB && passes >= 1 && passes <= MAX_OPSLIMIT;
}

static gboolean
pin_matches (const char *pin_hash,
             const char *pin)
{
  if (!hash_is_sane (pin_hash))
    {
      g_warning ("a staff PIN hash is not one the kiosk makes; it is skipped");
      return FALSE;
    }
  g_atomic_int_inc (&derivations);
  return crypto_pwhash_str_verify (pin_hash, pin, strlen (pin)) == 0;
}

static GPtrArray *
read_accounts (JkStore  *store,
               GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = prepare (store, "SELECT name, pin_hash FROM staff ORDER BY name", error);
  g_autoptr (GPtrArray) accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) account_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Account *account = g_new0 (Account, 1);

      account->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      account->pin_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (accounts, account);
    }
  if (rc != SQLITE_DONE)
    {
      g_autoptr (GError) local_error = NULL;

      jk_store_set_error (store, &local_error, "reading the staff accounts");
      set_failed (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&accounts);
}

static char *
format_utc (gint64 when)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_utc (when);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

static void
set_locked (GError **error,
            gint64   now,
            gint64   until)
{
  g_autoptr (GDateTime) local = g_date_time_new_from_unix_local (until);
  /* As the top bar's clock shows it: "9:55 AM" in English. */
  g_autofree char *clock = local != NULL ? jk_format_time_of_day (local) : g_strdup ("?");
  gulong minutes = (gulong) MAX ((until - now + 59) / 60, 1);

  /* TRANSLATORS: %lu is minutes, %s the time it ends, "2:35 PM" */
  g_set_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_LOCKED,
               jk_ngettext ("Too many wrong PINs. Staff mode is locked for %lu more minute, until %s.",
                            "Too many wrong PINs. Staff mode is locked for %lu more minutes, until %s.", minutes),
               minutes, clock);
}

/* Reads the lock's row (failures, locked_until), making it if missing. */
static gboolean
read_lock (JkStore  *store,
           gint64   *failures,
           gint64   *locked_until,
           GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = prepare (store, "SELECT failures, locked_until FROM staff_lock WHERE id = 1", error);
  int rc;

  *failures = 0;
  *locked_until = 0;
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *failures = sqlite3_column_int64 (stmt, 0);
      *locked_until = sqlite3_column_int64 (stmt, 1);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    return TRUE;
  {
    g_autoptr (GError) local_error = NULL;

    jk_store_set_error (store, &local_error, "reading the staff lock");
    set_failed (error, local_error);
  }
  return FALSE;
}

static gboolean
write_lock (JkStore  *store,
            gint64    failures,
            gint64    locked_until,
            GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = prepare (store,
                                           "INSERT INTO staff_lock (id, failures, locked_until) VALUES (1, ?, ?)"
                                           " ON CONFLICT (id) DO UPDATE SET failures = excluded.failures,"
                                           " locked_until = excluded.locked_until",
                                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, failures);
  sqlite3_bind_int64 (stmt, 2, locked_until);
  return step_done (store, stmt, "writing the staff lock", error);
}

static gboolean
commit (JkStore  *store,
        GError  **error)
{
  if (exec (store, "COMMIT", error))
    return TRUE;
  jk_store_rollback (store);
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

void
jk_staff_set_cost (guint64 opslimit,
                   gsize   memlimit)
{
  cost_opslimit = opslimit;
  cost_memlimit = memlimit;
}

guint
jk_staff_get_derivations (void)
{
  return (guint) g_atomic_int_get (&derivations);
}

gboolean
jk_staff_add (const char  *database_path,
              const char  *name,
              const char  *pin,
              gint64       now,
              GError     **error)
{
  g_autofree char *kept_name = check_name (name, error);
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  char pin_hash[crypto_pwhash_STRBYTES];
  int rc;

  if (kept_name == NULL || !check_pin (pin, error))
    return FALSE;
  if (sodium_init () < 0)
    {
      g_set_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_FAILED, _("The cryptography library could not start"));
      return FALSE;
    }
  store = open_store (database_path, TRUE, error);
  if (store == NULL || (accounts = read_accounts (store, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < accounts->len; i++)
    {
      const Account *account = accounts->pdata[i];

      /* The table compares names as SQLite's NOCASE does: ASCII letters only. */
      if (g_ascii_strcasecmp (account->name, kept_name) == 0)
        {
          g_set_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_EXISTS,
                       _("There is already a staff member called “%s”"), account->name);
          return FALSE;
        }
    }
  /* The PIN alone says who is at the kiosk, so it must open one account. */
  for (guint i = 0; i < accounts->len; i++)
    if (pin_matches (((const Account *) accounts->pdata[i])->pin_hash, pin))
      {
        g_set_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_EXISTS,
                     _("Another staff member already has this PIN; choose a different one"));
        return FALSE;
      }

  g_atomic_int_inc (&derivations);
  if (crypto_pwhash_str_alg (pin_hash, pin, strlen (pin), cost_opslimit, cost_memlimit,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_FAILED, _("There was not enough memory to protect the PIN"));
      return FALSE;
    }
  stmt = prepare (store, "INSERT INTO staff (name, pin_hash, added) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kept_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, pin_hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, now);
  rc = sqlite3_step (stmt);
  sodium_memzero (pin_hash, sizeof pin_hash);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      /* Added by someone else while the PIN was being hashed. */
      g_set_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_EXISTS,
                   _("There is already a staff member called “%s”"), kept_name);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      g_autoptr (GError) local_error = NULL;

      jk_store_set_error (store, &local_error, "adding a staff member");
      set_failed (error, local_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
jk_staff_remove (const char  *database_path,
                 const char  *name,
                 GError     **error)
{
  g_autofree char *kept_name = check_name (name, error);
  g_autoptr (JkStore) store = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (kept_name == NULL)
    return FALSE;
  store = open_store (database_path, TRUE, error);
  if (store == NULL)
    return FALSE;
  stmt = prepare (store, "DELETE FROM staff WHERE name = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kept_name, -1, SQLITE_STATIC);
  if (!step_done (store, stmt, "removing a staff member", error))
    return FALSE;
  if (sqlite3_changes (jk_store_get_db (store)) == 0)
    {
      g_set_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_NOT_FOUND, _("There is no staff member called “%s”"),
                   kept_name);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
jk_staff_list (const char  *database_path,
               GError     **error)
{
  g_autoptr (JkStore) store = open_store (database_path, FALSE, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_staff_member_free);
  int rc;

  if (store == NULL)
    return NULL;
  stmt = prepare (store, "SELECT name, added FROM staff ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JkStaffMember *member = g_new0 (JkStaffMember, 1);

      member->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      member->added = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (members, member);
    }
  if (rc != SQLITE_DONE)
    {
      g_autoptr (GError) local_error = NULL;

      jk_store_set_error (store, &local_error, "listing the staff accounts");
      set_failed (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&members);
}

/* The try is counted before Argon2id runs and settled after: a process
 * ended mid-check has still used a try, and a locked kiosk runs nothing. */
char *
jk_staff_verify (const JkConfig *config,
                 const char     *database_path,
                 const char     *pin,
                 gint64          now,
                 gint64         *locked_until,
                 GError        **error)
{
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  gint64 failures = 0, until = 0;
  const char *found = NULL;

  if (locked_until != NULL)
    *locked_until = 0;
  if (!check_pin (pin, error))
    return NULL;
  if (sodium_init () < 0)
    {
      g_set_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_FAILED, _("The cryptography library could not start"));
      return NULL;
    }
  store = open_store (database_path, TRUE, error);
  if (store == NULL || !exec (store, "BEGIN IMMEDIATE", error))
    return NULL;
  if (!read_lock (store, &failures, &until, error))
    {
      jk_store_rollback (store);
      return NULL;
    }
  if (until > now)
    {
      jk_store_rollback (store);
      if (locked_until != NULL)
        *locked_until = until;
      set_locked (error, now, until);
      return NULL;
    }
  failures++;
  if (!write_lock (store, failures, 0, error) || (accounts = read_accounts (store, error)) == NULL)
    {
      jk_store_rollback (store);
      return NULL;
    }
  if (!commit (store, error))
    return NULL;

  for (guint i = 0; i < accounts->len && found == NULL; i++)
    if (pin_matches (((const Account *) accounts->pdata[i])->pin_hash, pin))
      found = ((const Account *) accounts->pdata[i])->name;

  if (!exec (store, "BEGIN IMMEDIATE", error))
    return NULL;
  /* Another try may have been counted meanwhile: settle on what is there. */
  if (!read_lock (store, &failures, &until, error))
    {
      jk_store_rollback (store);
      return NULL;
    }
  if (found != NULL)
    {
      failures = 0;
      until = 0;
    }
  else if (failures >= config->staff_max_tries)
    {
      /* The lock starts now; the next tries after it are counted afresh. */
      failures = 0;
      until = now + (gint64) config->staff_lock_minutes * 60;
    }
  if (!write_lock (store, failures, until, error) || !commit (store, error))
    {
      jk_store_rollback (store);
      return NULL;
    }

  if (found != NULL)
    return g_strdup (found);
  if (until > now)
    {
      if (locked_until != NULL)
        *locked_until = until;
      set_locked (error, now, until);
      return NULL;
    }
  g_set_error_literal (error, JK_STAFF_ERROR, JK_STAFF_ERROR_WRONG_PIN,
                       accounts->len == 0 ? _("No staff accounts exist yet: add one with “jobkioskctl staff add NAME”")
                                          : _("That PIN is not right. Try again."));
  return NULL;
}

gint64
jk_staff_locked_until (const char  *database_path,
                       gint64       now,
                       GError     **error)
{
  g_autoptr (JkStore) store = open_store (database_path, FALSE, error);
  gint64 failures = 0, until = 0;

  if (store == NULL || !read_lock (store, &failures, &until, error))
    return 0;
  return until > now ? until : 0;
}

gboolean
jk_audit_add (const char  *database_path,
              const char  *actor,
              const char  *action,
              const char  *detail,
              gint64       now,
              GError     **error)
{
  g_autoptr (JkStore) store = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *at = format_utc (now);
  g_autofree char *kept_detail = NULL;

  if (actor == NULL || actor[0] == '\0' || action == NULL || action[0] == '\0' || at == NULL
      || !g_utf8_validate (actor, -1, NULL) || !g_utf8_validate (action, -1, NULL)
      || (detail != NULL && !g_utf8_validate (detail, -1, NULL)))
    {
      g_set_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_BAD_INPUT,
                   _("An audit entry needs a time, who did it and what, as text"));
      return FALSE;
    }
  /* A line of what was done, not a document. */
  if (detail != NULL && strlen (detail) > AUDIT_MAX_BYTES)
    {
      const char *end = detail + AUDIT_MAX_BYTES;

      while (end > detail && (*end & 0xc0) == 0x80)
        end--;
      kept_detail = g_strndup (detail, (gsize) (end - detail));
    }
  else
    kept_detail = g_strdup (detail);
  store = open_store (database_path, TRUE, error);
  if (store == NULL)
    return FALSE;
  stmt = prepare (store, "INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, kept_detail, -1, SQLITE_STATIC);
  return step_done (store, stmt, "writing the audit log", error);
}

GPtrArray *
jk_audit_list (const char  *database_path,
               gint64       since,
               GError     **error)
{
  g_autoptr (JkStore) store = open_store (database_path, FALSE, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_audit_entry_free);
  g_autofree char *from = since > 0 ? format_utc (since) : g_strdup ("");
  int rc;

  if (store == NULL)
    return NULL;
  /* The times are all one fixed-width UTC form, so text order is time order. */
  stmt = prepare (store, "SELECT id, at, actor, action, detail FROM audit_log WHERE at >= ? ORDER BY at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from != NULL ? from : "", -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JkAuditEntry *entry = g_new0 (JkAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->actor = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->action = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->detail = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      g_autoptr (GError) local_error = NULL;

      jk_store_set_error (store, &local_error, "reading the audit log");
      set_failed (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

void
jk_staff_member_free (JkStaffMember *member)
{
  if (member == NULL)
    return;
  g_free (member->name);
  g_free (member);
}

void
jk_audit_entry_free (JkAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->detail);
  g_free (entry);
}
