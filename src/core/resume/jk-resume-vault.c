/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-resume-vault.c: "Keep my resume": resumes sealed under a code, a PIN and the kiosk's secret */

#define G_LOG_DOMAIN "jk-resume-vault"

#include <errno.h>
#include <json-glib/json-glib.h>
#include <sodium.h>
#include <string.h>

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-resume-vault.h>
#include <jobkiosk/jk-secret.h>

#include "store/jk-store-private.h"
#include "resume/jk-resume-vault-private.h"

/* How a row is sealed (version 1):
 *
 *   lookup   = BLAKE2b-256 (key: lookup key, the normalized code)
 *   stretched = Argon2id (code ":" PIN, salt, opslimit, memlimit), 32 bytes
 *   BLAKE2b-512 (key: seal key, stretched) = aead key (32) | check (16) | unused
 *   sealed   = check | XChaCha20-Poly1305 (aead key, nonce, JSON Resume,
 *              additional data: AD_PREFIX lookup salt saved expires opslimit memlimit)
 *
 * The lookup, seal and fingerprint keys come from the kiosk's secret
 * (crypto_kdf), so the database without the secret is useless even to
 * someone who tries every PIN of a known code. The check tells a wrong PIN
 * (check differs) from a row changed after it was sealed (check right,
 * AEAD refused): only the first counts as a wrong try. */

#define KEY_BYTES 32
#define LOOKUP_BYTES 32
#define CHECK_BYTES 16
#define SALT_BYTES crypto_pwhash_SALTBYTES
#define NONCE_BYTES crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define FINGERPRINT_BYTES 16
#define AD_PREFIX "jobkiosk saved resume 1"
#define KDF_CONTEXT "jkresume"
#define EXPORT_VERSION 1
/* A row asking for more is refused as damaged, not run: an imported or
 * edited row must not make a kiosk allocate gigabytes or spin for minutes. */
#define MAX_OPSLIMIT 16
#define MAX_MEMLIMIT ((gint64) 1024 * 1024 * 1024)
/* A resume is at most JK_RESUME_MAX_FILE_SIZE; in base64 a third more. */
#define MAX_EXPORT_LINE (4 * 1024 * 1024)

enum {
  KDF_LOOKUP = 1,
  KDF_SEAL = 2,
  KDF_FINGERPRINT = 3,
};

typedef struct {
  guint8 lookup[KEY_BYTES];
  guint8 seal[KEY_BYTES];
  guint8 fingerprint[KEY_BYTES];
} Keys;

struct _JkResumeVault {
  char *database_path;
  guint keep_days;
  guint64 opslimit;
  gsize memlimit;
  int derivations;
  Keys *keys;  /* sodium_malloc: guarded and locked in memory */
};

/* One row of saved_resumes, checked. */
typedef struct {
  guint8 lookup[LOOKUP_BYTES];
  guint8 salt[SALT_BYTES];
  guint8 nonce[NONCE_BYTES];
  GBytes *sealed;
  gint64 opslimit;
  gint64 memlimit;
  gint64 saved;
  gint64 expires;
  gint64 failures;
  gint64 locked_until;
} Row;

typedef enum {
  ROW_FOUND,
  ROW_NONE,
  ROW_MALFORMED,
  ROW_ERROR,
} RowResult;

/* The key a code and PIN open, and the check stored beside the sealed text. */
typedef struct {
  guint8 key[KEY_BYTES];
  guint8 check[CHECK_BYTES];
} Derived;

G_DEFINE_QUARK (jk-resume-vault-error-quark, jk_resume_vault_error)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
row_clear (Row *row)
{
  g_clear_pointer (&row->sealed, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Row, row_clear)

static void
set_failed (GError      **error,
            const GError *cause)
{
  g_set_error_literal (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_FAILED, cause->message);
}

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_NOT_FOUND,
                       _("No resume is saved here under this code. It may have expired."));
}

static void
set_damaged (GError **error)
{
  g_set_error_literal (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_DAMAGED,
                       _("This saved resume is damaged and cannot be opened."));
}

static void
set_locked (GError **error,
            gint64   locked_until,
            gint64   now)
{
  gint64 minutes = MAX ((locked_until - now + 59) / 60, 1);

  g_set_error (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_LOCKED,
               jk_ngettext ("Too many wrong PINs. Try again in %d minute.",
                            "Too many wrong PINs. Try again in %d minutes.", (gulong) minutes),
               (int) minutes);
}

static gboolean
check_code_and_pin (const char  *code,
                    const char  *pin,
                    char       **normalized,
                    GError     **error)
{
  *normalized = code != NULL ? jk_resume_code_normalize (code) : NULL;
  if (*normalized == NULL)
    {
      g_set_error_literal (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_BAD_CODE,
                           _("A code has 8 letters and numbers, like ACDE-FGHJ."));
      return FALSE;
    }
  if (!jk_resume_pin_is_valid (pin))
    {
      g_clear_pointer (normalized, g_free);
      g_set_error_literal (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_BAD_PIN,
                           _("A PIN has 4 to 6 digits."));
      return FALSE;
    }
  return TRUE;
}

static void
compute_lookup (JkResumeVault *self,
                const char    *code,
                guint8         lookup[LOOKUP_BYTES])
{
  crypto_generichash (lookup, LOOKUP_BYTES, (const guint8 *) code, strlen (code),
                      self->keys->lookup, KEY_BYTES);
}

static void
compute_fingerprint (JkResumeVault *self,
                     guint8         fingerprint[FINGERPRINT_BYTES])
{
  static const char what[] = "jobkiosk kiosk secret fingerprint";

  crypto_generichash (fingerprint, FINGERPRINT_BYTES, (const guint8 *) what, sizeof what - 1,
                      self->keys->fingerprint, KEY_BYTES);
}

/* Argon2id over code:PIN, then mixed with the kiosk's secret. */
static gboolean
derive (JkResumeVault *self,
        const char    *code,
        const char    *pin,
        const guint8   salt[SALT_BYTES],
        guint64        opslimit,
        gsize          memlimit,
        Derived       *derived,
        GError       **error)
{
  char password[JK_RESUME_CODE_LENGTH + 1 + 6 + 1];
  guint8 stretched[KEY_BYTES];
  guint8 mixed[crypto_generichash_BYTES_MAX];
  int n = g_snprintf (password, sizeof password, "%s:%s", code, pin);
  int rc;

  g_atomic_int_inc (&self->derivations);
  rc = crypto_pwhash (stretched, sizeof stretched, password, n, salt, opslimit, memlimit,
                      crypto_pwhash_ALG_ARGON2ID13);
  sodium_memzero (password, sizeof password);
  if (rc != 0)
    {
      sodium_memzero (stretched, sizeof stretched);
      g_set_error_literal (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_FAILED,
                           _("Not enough memory to open the saved resume"));
      return FALSE;
    }
  crypto_generichash (mixed, sizeof mixed, stretched, sizeof stretched, self->keys->seal, KEY_BYTES);
  memcpy (derived->key, mixed, KEY_BYTES);
  memcpy (derived->check, mixed + KEY_BYTES, CHECK_BYTES);
  sodium_memzero (stretched, sizeof stretched);
  sodium_memzero (mixed, sizeof mixed);
  return TRUE;
}

static void
put_le64 (GByteArray *array,
          gint64      value)
{
  guint64 le = GUINT64_TO_LE ((guint64) value);

  g_byte_array_append (array, (const guint8 *) &le, sizeof le);
}

/* What the seal binds besides the text: a row moved to another code, or
 * given another date or cost, no longer opens. */
static GByteArray *
additional_data (const Row *row)
{
  GByteArray *ad = g_byte_array_new ();

  g_byte_array_append (ad, (const guint8 *) AD_PREFIX, sizeof AD_PREFIX);
  g_byte_array_append (ad, row->lookup, LOOKUP_BYTES);
  g_byte_array_append (ad, row->salt, SALT_BYTES);
  put_le64 (ad, row->saved);
  put_le64 (ad, row->expires);
  put_le64 (ad, row->opslimit);
  put_le64 (ad, row->memlimit);
  return ad;
}

static gboolean
cost_is_sane (gint64 opslimit,
              gint64 memlimit)
{
  return opslimit >= crypto_pwhash_argon2id_OPSLIMIT_MIN && opslimit <= MAX_OPSLIMIT
         && memlimit >= crypto_pwhash_argon2id_MEMLIMIT_MIN && memlimit <= MAX_MEMLIMIT;
}

/* Seals resume into row (whose lookup, salt, cost and dates are set). */
static gboolean
seal (const Derived   *derived,
      const JkResume  *resume,
      Row             *row,
      GError         **error)
{
  g_autoptr (GByteArray) ad = NULL;
  char *json = jk_resume_to_json (resume);
  gsize json_length = strlen (json);
  gsize length = CHECK_BYTES + json_length + crypto_aead_xchacha20poly1305_ietf_ABYTES;
  guint8 *sealed;
  unsigned long long written = 0;

  /* What could not be read back must not be kept. */
  if (json_length > JK_RESUME_MAX_FILE_SIZE)
    {
      sodium_memzero (json, json_length);
      g_free (json);
      g_set_error_literal (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_FAILED,
                           _("This resume is too long to be saved"));
      return FALSE;
    }
  sealed = g_malloc (length);
  randombytes_buf (row->nonce, NONCE_BYTES);
  ad = additional_data (row);
  memcpy (sealed, derived->check, CHECK_BYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt (sealed + CHECK_BYTES, &written, (const guint8 *) json, json_length,
                                              ad->data, ad->len, NULL, row->nonce, derived->key);
  sodium_memzero (json, json_length);
  g_free (json);
  g_clear_pointer (&row->sealed, g_bytes_unref);
  row->sealed = g_bytes_new_take (sealed, CHECK_BYTES + written);
  return TRUE;
}

static gboolean
copy_blob (sqlite3_stmt *stmt,
           int           column,
           guint8       *out,
           gsize         size)
{
  if (sqlite3_column_type (stmt, column) != SQLITE_BLOB || (gsize) sqlite3_column_bytes (stmt, column) != size)
    return FALSE;
  memcpy (out, sqlite3_column_blob (stmt, column), size);
  return TRUE;
}

static RowResult
read_row (JkStore      *store,
          const guint8  lookup[LOOKUP_BYTES],
          Row          *row,
          GError      **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) local_error = NULL;
  int rc;

  stmt = jk_store_prepare (store,
                           "SELECT salt, opslimit, memlimit, nonce, sealed, saved, expires, failures, locked_until "
                           "FROM saved_resumes WHERE lookup = ?", &local_error);
  if (stmt == NULL)
    {
      set_failed (error, local_error);
      return ROW_ERROR;
    }
  sqlite3_bind_blob (stmt, 1, lookup, LOOKUP_BYTES, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return ROW_NONE;
  if (rc != SQLITE_ROW)
    {
      jk_store_set_error (store, &local_error, "reading a saved resume");
      set_failed (error, local_error);
      return ROW_ERROR;
    }
  memcpy (row->lookup, lookup, LOOKUP_BYTES);
  row->opslimit = sqlite3_column_int64 (stmt, 1);
  row->memlimit = sqlite3_column_int64 (stmt, 2);
  row->saved = sqlite3_column_int64 (stmt, 5);
  row->expires = sqlite3_column_int64 (stmt, 6);
  row->failures = sqlite3_column_int64 (stmt, 7);
  row->locked_until = sqlite3_column_int64 (stmt, 8);
  if (sqlite3_column_type (stmt, 4) == SQLITE_BLOB)
    row->sealed = g_bytes_new (sqlite3_column_blob (stmt, 4), sqlite3_column_bytes (stmt, 4));
  if (!copy_blob (stmt, 0, row->salt, SALT_BYTES) || !copy_blob (stmt, 3, row->nonce, NONCE_BYTES)
      || row->sealed == NULL
      || g_bytes_get_size (row->sealed) < CHECK_BYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES
      || !cost_is_sane (row->opslimit, row->memlimit) || row->failures < 0)
    return ROW_MALFORMED;
  return ROW_FOUND;
}

/* Runs sql with the lookup as ?1 and value as ?2 (when it has one). */
static gboolean
run_lookup (JkStore       *store,
            const char    *sql,
            const guint8   lookup[LOOKUP_BYTES],
            gint64         value,
            GError       **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) local_error = NULL;

  stmt = jk_store_prepare (store, sql, &local_error);
  if (stmt == NULL)
    {
      set_failed (error, local_error);
      return FALSE;
    }
  sqlite3_bind_blob (stmt, 1, lookup, LOOKUP_BYTES, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, value);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      jk_store_set_error (store, &local_error, "updating a saved resume");
      set_failed (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* A writer of our own; secure_delete so a dropped or replaced row's bytes
 * are overwritten, not left in free pages. */
static JkStore *
open_store (JkResumeVault  *self,
            GError        **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (JkStore) store = jk_store_open_writer (self->database_path, &local_error);

  if (store == NULL || !jk_store_exec (store, "PRAGMA secure_delete = ON", &local_error))
    {
      set_failed (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&store);
}

static gboolean
commit (JkStore  *store,
        GError  **error)
{
  g_autoptr (GError) local_error = NULL;

  if (!jk_store_commit (store, &local_error))
    {
      jk_store_rollback (store);
      set_failed (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* Checks code and PIN against the row: on success the row and the key it
 * opens with. Counts the try before Argon2id runs (so tries made at once,
 * or a process ended midway, still count) and forgets it when the PIN is
 * right. A locked code is refused without running Argon2id. */
static gboolean
unlock (JkResumeVault  *self,
        JkStore        *store,
        const char     *code,
        const char     *pin,
        gint64          now,
        guint          *tries_left,
        Row            *row,
        Derived        *derived,
        GError        **error)
{
  g_autoptr (GError) local_error = NULL;
  guint8 lookup[LOOKUP_BYTES];
  gint64 attempt;
  gboolean right;

  compute_lookup (self, code, lookup);
  if (!jk_store_begin (store, &local_error))
    {
      set_failed (error, local_error);
      return FALSE;
    }
  switch (read_row (store, lookup, row, error))
    {
    case ROW_ERROR:
      jk_store_rollback (store);
      return FALSE;
    case ROW_NONE:
      jk_store_rollback (store);
      set_not_found (error);
      return FALSE;
    case ROW_MALFORMED:
      jk_store_rollback (store);
      set_damaged (error);
      return FALSE;
    case ROW_FOUND:
      break;
    }
  if (row->expires <= now)
    {
      if (run_lookup (store, "DELETE FROM saved_resumes WHERE lookup = ?1", lookup, 0, error)
          && commit (store, error))
        set_not_found (error);
      else
        jk_store_rollback (store);
      return FALSE;
    }
  if (row->locked_until > now)
    {
      jk_store_rollback (store);
      set_locked (error, row->locked_until, now);
      return FALSE;
    }
  attempt = row->failures + 1;
  if (attempt > JK_RESUME_MAX_FAILURES)
    {
      /* Only tries made side by side get here: lock as the last would have. */
      if (run_lookup (store, "UPDATE saved_resumes SET failures = 0, locked_until = ?2 WHERE lookup = ?1",
                      lookup, now + JK_RESUME_LOCK_SECONDS, error) && commit (store, error))
        set_locked (error, now + JK_RESUME_LOCK_SECONDS, now);
      else
        jk_store_rollback (store);
      return FALSE;
    }
  if (!run_lookup (store, "UPDATE saved_resumes SET failures = ?2 WHERE lookup = ?1", lookup, attempt, error)
      || !commit (store, error))
    return FALSE;

  if (!derive (self, code, pin, row->salt, row->opslimit, row->memlimit, derived, error))
    return FALSE;
  right = sodium_memcmp (derived->check, g_bytes_get_data (row->sealed, NULL), CHECK_BYTES) == 0;
  if (right)
    return run_lookup (store, "UPDATE saved_resumes SET failures = 0, locked_until = ?2 WHERE lookup = ?1",
                       lookup, 0, error);

  sodium_memzero (derived, sizeof *derived);
  if (attempt >= JK_RESUME_MAX_FAILURES)
    {
      if (run_lookup (store, "UPDATE saved_resumes SET failures = 0, locked_until = ?2 WHERE lookup = ?1",
                      lookup, now + JK_RESUME_LOCK_SECONDS, error))
        set_locked (error, now + JK_RESUME_LOCK_SECONDS, now);
      if (tries_left != NULL)
        *tries_left = 0;
      return FALSE;
    }
  if (tries_left != NULL)
    *tries_left = JK_RESUME_MAX_FAILURES - attempt;
  g_set_error (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_WRONG_PIN,
               jk_ngettext ("That PIN is not right. %d more try before this code is locked for 15 minutes.",
                            "That PIN is not right. %d more tries before this code is locked for 15 minutes.",
                            (gulong) (JK_RESUME_MAX_FAILURES - attempt)),
               (int) (JK_RESUME_MAX_FAILURES - attempt));
  return FALSE;
}

/* A row's columns as ?1 to ?8, in the table's order. */
static void
bind_row (sqlite3_stmt *stmt,
          const Row    *row)
{
  gsize sealed_length;
  gconstpointer sealed = g_bytes_get_data (row->sealed, &sealed_length);

  sqlite3_bind_blob (stmt, 1, row->lookup, LOOKUP_BYTES, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 2, row->salt, SALT_BYTES, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, row->opslimit);
  sqlite3_bind_int64 (stmt, 4, row->memlimit);
  sqlite3_bind_blob (stmt, 5, row->nonce, NONCE_BYTES, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 6, sealed, sealed_length, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, row->saved);
  sqlite3_bind_int64 (stmt, 8, row->expires);
}

static gboolean
write_row (JkStore    *store,
           const Row  *row,
           gboolean    replace,
           gboolean   *taken,
           GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *sql = replace
    ? "UPDATE saved_resumes SET salt = ?2, opslimit = ?3, memlimit = ?4, nonce = ?5, sealed = ?6, saved = ?7, "
      "expires = ?8, failures = 0, locked_until = 0 WHERE lookup = ?1"
    : "INSERT INTO saved_resumes (lookup, salt, opslimit, memlimit, nonce, sealed, saved, expires) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (lookup) DO NOTHING";
  stmt = jk_store_prepare (store, sql, &local_error);
  if (stmt == NULL)
    {
      set_failed (error, local_error);
      return FALSE;
    }
  bind_row (stmt, row);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      jk_store_set_error (store, &local_error, "saving a resume");
      set_failed (error, local_error);
      return FALSE;
    }
  *taken = sqlite3_changes (jk_store_get_db (store)) > 0;
  return TRUE;
}

static void
make_code (char code[JK_RESUME_CODE_LENGTH + 1])
{
  static const char alphabet[] = JK_RESUME_CODE_ALPHABET;

  for (guint i = 0; i < JK_RESUME_CODE_LENGTH; i++)
    code[i] = alphabet[randombytes_uniform (sizeof alphabet - 1)];
  code[JK_RESUME_CODE_LENGTH] = '\0';
}

static char *
to_base64 (const guint8 *data,
           gsize         length)
{
  gsize size = sodium_base64_encoded_len (length, sodium_base64_VARIANT_ORIGINAL);
  char *text = g_malloc (size);

  sodium_bin2base64 (text, size, data, length, sodium_base64_VARIANT_ORIGINAL);
  return text;
}

/* Strict base64 of exactly size bytes (size 0: any length, into *out). */
static gboolean
from_base64 (const char  *text,
             gsize        size,
             guint8      *fixed,
             GBytes     **out)
{
  gsize text_length = strlen (text);
  gsize capacity = text_length / 4 * 3 + 3;
  g_autofree guint8 *bin = g_malloc (capacity);
  size_t length = 0;
  const char *end = NULL;

  if (sodium_base642bin (bin, capacity, text, text_length, NULL, &length, &end,
                         sodium_base64_VARIANT_ORIGINAL) != 0 || end != text + text_length)
    return FALSE;
  if (fixed != NULL)
    {
      if (length != size)
        return FALSE;
      memcpy (fixed, bin, size);
      return TRUE;
    }
  *out = g_bytes_new (bin, length);
  return TRUE;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
member_int (JsonObject *object,
            const char *name,
            gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

/* One exported line into a row, or why not (translated). */
static char *
parse_line (JkResumeVault *self,
            const char    *line,
            Row           *row)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  guint8 fingerprint[FINGERPRINT_BYTES], ours[FINGERPRINT_BYTES];
  JsonObject *object;
  const char *text;
  gint64 version;

  if (!json_parser_load_from_data (parser, line, -1, NULL) || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return g_strdup (_("not a JSON object"));
  object = json_node_get_object (json_parser_get_root (parser));
  if (!member_int (object, "v", &version) || version != EXPORT_VERSION)
    return g_strdup (_("not a saved resume of this version (v is not 1)"));
  compute_fingerprint (self, ours);
  if ((text = member_string (object, "kiosk")) == NULL || !from_base64 (text, FINGERPRINT_BYTES, fingerprint, NULL))
    return g_strdup_printf (_("“%s” is missing or not valid"), "kiosk");
  if (sodium_memcmp (fingerprint, ours, FINGERPRINT_BYTES) != 0)
    return g_strdup (_("sealed with another kiosk's secret: give this kiosk the same [kiosk] secret-file"));
  if ((text = member_string (object, "lookup")) == NULL || !from_base64 (text, LOOKUP_BYTES, row->lookup, NULL))
    return g_strdup_printf (_("“%s” is missing or not valid"), "lookup");
  if ((text = member_string (object, "salt")) == NULL || !from_base64 (text, SALT_BYTES, row->salt, NULL))
    return g_strdup_printf (_("“%s” is missing or not valid"), "salt");
  if ((text = member_string (object, "nonce")) == NULL || !from_base64 (text, NONCE_BYTES, row->nonce, NULL))
    return g_strdup_printf (_("“%s” is missing or not valid"), "nonce");
  if ((text = member_string (object, "sealed")) == NULL || !from_base64 (text, 0, NULL, &row->sealed)
      || g_bytes_get_size (row->sealed) < CHECK_BYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES)
    return g_strdup_printf (_("“%s” is missing or not valid"), "sealed");
  if (!member_int (object, "opslimit", &row->opslimit) || !member_int (object, "memlimit", &row->memlimit)
      || !cost_is_sane (row->opslimit, row->memlimit))
    return g_strdup (_("the Argon2id cost is missing or out of range"));
  if (!member_int (object, "saved", &row->saved) || !member_int (object, "expires", &row->expires)
      || row->saved < 0 || row->expires < row->saved)
    return g_strdup (_("the dates are missing or out of order"));
  return NULL;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkResumeVault *
jk_resume_vault_new (const JkConfig  *config,
                     const char      *database_path,
                     GError         **error)
{
  g_autoptr (GError) local_error = NULL;
  guint8 secret[JK_SECRET_SIZE];
  JkResumeVault *self;

  g_return_val_if_fail (database_path != NULL, NULL);

  if (!jk_secret_load (config, database_path, secret, &local_error))
    {
      set_failed (error, local_error);
      return NULL;
    }
  self = g_new0 (JkResumeVault, 1);
  self->keys = sodium_malloc (sizeof (Keys));
  if (self->keys == NULL)
    g_error ("out of memory");
  crypto_kdf_derive_from_key (self->keys->lookup, KEY_BYTES, KDF_LOOKUP, KDF_CONTEXT, secret);
  crypto_kdf_derive_from_key (self->keys->seal, KEY_BYTES, KDF_SEAL, KDF_CONTEXT, secret);
  crypto_kdf_derive_from_key (self->keys->fingerprint, KEY_BYTES, KDF_FINGERPRINT, KDF_CONTEXT, secret);
  sodium_memzero (secret, sizeof secret);
  self->database_path = g_strdup (database_path);
  self->keep_days = config != NULL && config->resume_keep_days > 0 ? config->resume_keep_days : 90;
  self->opslimit = JK_RESUME_VAULT_OPSLIMIT;
  self->memlimit = JK_RESUME_VAULT_MEMLIMIT;
  return self;
}

void
jk_resume_vault_free (JkResumeVault *self)
{
  if (self == NULL)
    return;
  sodium_free (self->keys);
  g_free (self->database_path);
  g_free (self);
}

char *
jk_resume_vault_save (JkResumeVault   *self,
                      const JkResume  *resume,
                      const char      *pin,
                      gint64           now,
                      gint64          *expires,
                      GError         **error)
{
  g_autoptr (JkStore) store = NULL;
  char code[JK_RESUME_CODE_LENGTH + 1];

  g_return_val_if_fail (self != NULL && resume != NULL, NULL);

  if (!jk_resume_pin_is_valid (pin))
    {
      g_set_error_literal (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_BAD_PIN, _("A PIN has 4 to 6 digits."));
      return NULL;
    }
  store = open_store (self, error);
  if (store == NULL)
    return NULL;
  /* 23^8 codes: a clash is a freak, but a code must never open two rows. */
  for (guint round = 0; round < 8; round++)
    {
      g_auto (Row) row = { 0 };
      Derived derived;
      gboolean taken = FALSE, ok;

      make_code (code);
      compute_lookup (self, code, row.lookup);
      randombytes_buf (row.salt, SALT_BYTES);
      row.opslimit = (gint64) self->opslimit;
      row.memlimit = (gint64) self->memlimit;
      row.saved = now;
      row.expires = now + (gint64) self->keep_days * 24 * 60 * 60;
      if (!derive (self, code, pin, row.salt, self->opslimit, self->memlimit, &derived, error))
        return NULL;
      ok = seal (&derived, resume, &row, error);
      sodium_memzero (&derived, sizeof derived);
      if (!ok || !write_row (store, &row, FALSE, &taken, error))
        return NULL;
      if (taken)
        {
          if (expires != NULL)
            *expires = row.expires;
          return g_strdup (code);
        }
    }
  g_set_error_literal (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_FAILED, _("No free code was found"));
  return NULL;
}

gboolean
jk_resume_vault_replace (JkResumeVault   *self,
                         const char      *code,
                         const JkResume  *resume,
                         const char      *pin,
                         gint64           now,
                         gint64          *expires,
                         GError         **error)
{
  g_autoptr (JkStore) store = NULL;
  g_autofree char *normalized = NULL;
  g_auto (Row) row = { 0 };
  Derived derived;
  gboolean taken = FALSE, ok;

  g_return_val_if_fail (self != NULL && resume != NULL, FALSE);

  if (!check_code_and_pin (code, pin, &normalized, error))
    return FALSE;
  store = open_store (self, error);
  if (store == NULL || !unlock (self, store, normalized, pin, now, NULL, &row, &derived, error))
    return FALSE;
  /* The same key serves again (a fresh nonce) unless the cost changed since. */
  if ((guint64) row.opslimit != self->opslimit || (gsize) row.memlimit != self->memlimit)
    {
      randombytes_buf (row.salt, SALT_BYTES);
      row.opslimit = (gint64) self->opslimit;
      row.memlimit = (gint64) self->memlimit;
      sodium_memzero (&derived, sizeof derived);
      if (!derive (self, normalized, pin, row.salt, self->opslimit, self->memlimit, &derived, error))
        return FALSE;
    }
  row.saved = now;
  row.expires = now + (gint64) self->keep_days * 24 * 60 * 60;
  ok = seal (&derived, resume, &row, error);
  sodium_memzero (&derived, sizeof derived);
  ok = ok && write_row (store, &row, TRUE, &taken, error);
  if (ok && !taken)
    {
      set_not_found (error);
      return FALSE;
    }
  if (ok && expires != NULL)
    *expires = row.expires;
  return ok;
}

JkResume *
jk_resume_vault_open (JkResumeVault   *self,
                      const char      *code,
                      const char      *pin,
                      gint64           now,
                      guint           *tries_left,
                      GError         **error)
{
  g_autoptr (JkStore) store = NULL;
  g_autofree char *normalized = NULL;
  g_autoptr (GByteArray) ad = NULL;
  g_auto (Row) row = { 0 };
  Derived derived;
  const guint8 *sealed;
  gsize sealed_length;
  guint8 *plain;
  unsigned long long plain_length = 0;
  JkResume *resume = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  if (!check_code_and_pin (code, pin, &normalized, error))
    return NULL;
  store = open_store (self, error);
  if (store == NULL || !unlock (self, store, normalized, pin, now, tries_left, &row, &derived, error))
    return NULL;

  ad = additional_data (&row);
  sealed = g_bytes_get_data (row.sealed, &sealed_length);
  plain = g_malloc (sealed_length);
  rc = crypto_aead_xchacha20poly1305_ietf_decrypt (plain, &plain_length, NULL, sealed + CHECK_BYTES,
                                                   sealed_length - CHECK_BYTES, ad->data, ad->len, row.nonce,
                                                   derived.key);
  sodium_memzero (&derived, sizeof derived);
  if (rc == 0)
    {
      g_autoptr (GPtrArray) problems = NULL;

      resume = jk_resume_load_data ((const char *) plain, plain_length, &problems, NULL);
    }
  sodium_memzero (plain, sealed_length);
  g_free (plain);
  if (resume == NULL)
    set_damaged (error);
  return resume;
}

int
jk_resume_vault_purge (JkResumeVault   *self,
                       gint64           now,
                       GError         **error)
{
  g_autoptr (JkStore) store = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, -1);

  store = open_store (self, error);
  if (store == NULL)
    return -1;
  stmt = jk_store_prepare (store, "DELETE FROM saved_resumes WHERE expires <= ?", &local_error);
  if (stmt == NULL)
    {
      set_failed (error, local_error);
      return -1;
    }
  sqlite3_bind_int64 (stmt, 1, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      jk_store_set_error (store, &local_error, "dropping expired saved resumes");
      set_failed (error, local_error);
      return -1;
    }
  return sqlite3_changes (jk_store_get_db (store));
}

gboolean
jk_resume_vault_export (JkResumeVault   *self,
                        const char      *path,
                        gint64           now,
                        guint           *count,
                        GError         **error)
{
  g_autoptr (JkStore) store = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  guint8 fingerprint[FINGERPRINT_BYTES];
  g_autofree char *kiosk = NULL;
  guint n = 0;
  int rc;

  g_return_val_if_fail (self != NULL && path != NULL, FALSE);

  compute_fingerprint (self, fingerprint);
  kiosk = to_base64 (fingerprint, FINGERPRINT_BYTES);
  store = open_store (self, error);
  if (store == NULL)
    return FALSE;
  stmt = jk_store_prepare (store,
                           "SELECT lookup, salt, opslimit, memlimit, nonce, sealed, saved, expires "
                           "FROM saved_resumes WHERE expires > ? ORDER BY saved", &local_error);
  if (stmt == NULL)
    {
      set_failed (error, local_error);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, now);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *lookup = NULL, *salt = NULL, *nonce = NULL, *sealed = NULL;

      /* A malformed row is copied as it is: the other kiosk refuses it too. */
      lookup = to_base64 (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      salt = to_base64 (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
      nonce = to_base64 (sqlite3_column_blob (stmt, 4), sqlite3_column_bytes (stmt, 4));
      sealed = to_base64 (sqlite3_column_blob (stmt, 5), sqlite3_column_bytes (stmt, 5));
      g_string_append_printf (out,
                              "{\"v\":%d,\"kiosk\":\"%s\",\"lookup\":\"%s\",\"salt\":\"%s\",\"opslimit\":%" G_GINT64_FORMAT
                              ",\"memlimit\":%" G_GINT64_FORMAT ",\"nonce\":\"%s\",\"saved\":%" G_GINT64_FORMAT
                              ",\"expires\":%" G_GINT64_FORMAT ",\"sealed\":\"%s\"}\n",
                              EXPORT_VERSION, kiosk, lookup, salt, (gint64) sqlite3_column_int64 (stmt, 2),
                              (gint64) sqlite3_column_int64 (stmt, 3), nonce, (gint64) sqlite3_column_int64 (stmt, 6),
                              (gint64) sqlite3_column_int64 (stmt, 7), sealed);
      n++;
    }
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, &local_error, "reading saved resumes");
      set_failed (error, local_error);
      return FALSE;
    }
  if (!g_file_set_contents_full (path, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      set_failed (error, local_error);
      return FALSE;
    }
  if (count != NULL)
    *count = n;
  return TRUE;
}

gboolean
jk_resume_vault_import (JkResumeVault       *self,
                        const char          *path,
                        gint64               now,
                        JkResumeVaultImport *result,
                        GError             **error)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileInputStream) input = NULL;
  g_autoptr (GDataInputStream) data = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autoptr (JkStore) store = NULL;
  JkResumeVaultImport counts = { 0 };
  guint line_number = 0;
  char *line;
  gsize length;

  g_return_val_if_fail (self != NULL && path != NULL, FALSE);

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
  file = g_file_new_for_path (path);
  input = g_file_read (file, NULL, &local_error);
  if (input == NULL)
    {
      set_failed (error, local_error);
      return FALSE;
    }
  data = g_data_input_stream_new (G_INPUT_STREAM (input));
  g_data_input_stream_set_newline_type (data, G_DATA_STREAM_NEWLINE_TYPE_ANY);
  /* Every line is checked before any is taken: a bad file changes nothing. */
  while ((line = g_data_input_stream_read_line (data, &length, NULL, &local_error)) != NULL)
    {
      g_autofree char *owned = line;
      g_autofree char *why = NULL;
      Row row = { 0 };

      line_number++;
      if (g_strstrip (owned)[0] == '\0')
        continue;
      if (length > MAX_EXPORT_LINE)
        why = g_strdup (_("the line is too long"));
      else if (!g_utf8_validate (owned, -1, NULL))
        why = g_strdup (_("not UTF-8 text"));
      else
        why = parse_line (self, owned, &row);
      if (why != NULL)
        {
          row_clear (&row);
          g_set_error (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_DAMAGED, "%s:%u: %s", path, line_number, why);
          return FALSE;
        }
      g_array_append_val (rows, row);
    }
  if (local_error != NULL)
    {
      set_failed (error, local_error);
      return FALSE;
    }

  store = open_store (self, error);
  if (store == NULL)
    return FALSE;
  if (!jk_store_begin (store, &local_error))
    {
      set_failed (error, local_error);
      return FALSE;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      g_autoptr (sqlite3_stmt) stmt = NULL;
      if (row->expires <= now)
        {
          counts.expired++;
          continue;
        }
      /* The newer per code; wrong-PIN counts stay this kiosk's own. */
      stmt = jk_store_prepare (store,
                               "INSERT INTO saved_resumes (lookup, salt, opslimit, memlimit, nonce, sealed, saved, expires) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (lookup) DO UPDATE SET "
                               "salt = excluded.salt, opslimit = excluded.opslimit, memlimit = excluded.memlimit, "
                               "nonce = excluded.nonce, sealed = excluded.sealed, saved = excluded.saved, "
                               "expires = excluded.expires WHERE excluded.saved > saved_resumes.saved",
                               &local_error);
      if (stmt == NULL)
        {
          jk_store_rollback (store);
          set_failed (error, local_error);
          return FALSE;
        }
      bind_row (stmt, row);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          jk_store_set_error (store, &local_error, "importing saved resumes");
          jk_store_rollback (store);
          set_failed (error, local_error);
          return FALSE;
        }
      if (sqlite3_changes (jk_store_get_db (store)) > 0)
        counts.taken++;
      else
        counts.kept++;
    }
  if (!commit (store, error))
    return FALSE;
  if (result != NULL)
    *result = counts;
  return TRUE;
}

char *
jk_resume_code_normalize (const char *typed)
{
  GString *code;

  g_return_val_if_fail (typed != NULL, NULL);

  code = g_string_new (NULL);
  for (const char *p = typed; *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);

      if (c == ' ' || c == '-' || c == '\t')
        continue;
      /* Letters the alphabet leaves out (O, I, S…) are refused, not
       * guessed: each could stand for more than one of its characters. */
      if (strchr (JK_RESUME_CODE_ALPHABET, c) == NULL || code->len >= JK_RESUME_CODE_LENGTH)
        {
          g_string_free (code, TRUE);
          return NULL;
        }
      g_string_append_c (code, c);
    }
  if (code->len != JK_RESUME_CODE_LENGTH)
    {
      g_string_free (code, TRUE);
      return NULL;
    }
  return g_string_free (code, FALSE);
}

char *
jk_resume_code_format (const char *code)
{
  g_autofree char *normalized = code != NULL ? jk_resume_code_normalize (code) : NULL;

  if (normalized == NULL)
    return NULL;
  return g_strdup_printf ("%.4s-%s", normalized, normalized + 4);
}

gboolean
jk_resume_pin_is_valid (const char *pin)
{
  gsize length;

  if (pin == NULL)
    return FALSE;
  length = strlen (pin);
  if (length < 4 || length > 6)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (pin[i]))
      return FALSE;
  return TRUE;
}

void
jk_resume_vault_set_cost (JkResumeVault *self,
                          guint64        opslimit,
                          gsize          memlimit)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cost_is_sane ((gint64) opslimit, (gint64) memlimit));

  self->opslimit = opslimit;
  self->memlimit = memlimit;
}

void
jk_resume_vault_get_cost (JkResumeVault *self,
                          guint64       *opslimit,
                          gsize         *memlimit)
{
  g_return_if_fail (self != NULL);

  *opslimit = self->opslimit;
  *memlimit = self->memlimit;
}

guint
jk_resume_vault_get_derivations (JkResumeVault *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return (guint) g_atomic_int_get (&self->derivations);
}
