/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-outbox.c: what waits to be handed over (an email to the relay, an arrival to staff, a day's usage), sealed until then */

#define G_LOG_DOMAIN "jk-outbox"

#include <sodium.h>
#include <string.h>

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-mail.h>
#include <jobkiosk/jk-referrals.h>
#include <jobkiosk/jk-secret.h>

#include "checkin/jk-staff-notify-private.h"
#include "mail/jk-mail-private.h"
#include "mail/jk-outbox-private.h"
#include "services/jk-referrals-private.h"
#include "store/jk-store-private.h"
#include "usage/jk-usage-report-private.h"

/* The sealed payload: to, subject, body, attachments (file name, type,
 * bytes). The version is part of what is authenticated, so a future
 * format never misreads this one. */
#define MAIL_FORMAT "(sssa(ssay))"
#define MAIL_KIND "mail"
#define SEAL_VERSION "jk-outbox-1"
/* crypto_kdf's context: exactly 8 characters. */
#define KDF_CONTEXT "jkoutbox"
#define KDF_ID 1
/* How long a try may hold an entry before another process may try it. */
#define LEASE_MARGIN 120

/* What each kind of entry is: how its opened payload is handed over
 * (FALSE with JK_MAIL_ERROR_REFUSED or BAD_ADDRESS: never again; any other
 * error: try again later), how long one try may take, and what it notes
 * on the outbox's writer once handed over (NULL: nothing). */
typedef struct {
  const char *kind;
  gboolean  (*deliver) (const JkConfig *config,
                        const char     *idempotency_key,
                        const guint8   *payload,
                        gsize           size,
                        GError        **error);
  guint     (*timeout) (const JkConfig *config);
  void      (*handed_over) (JkStore    *store,
                            const char *idempotency_key,
                            gint64      now);
} OutboxKind;

static gboolean deliver_mail (const JkConfig *config,
                              const char     *idempotency_key,
                              const guint8   *payload,
                              gsize           size,
                              GError        **error);
static guint    mail_timeout (const JkConfig *config);

static const OutboxKind kinds[] = {
  { MAIL_KIND, deliver_mail, mail_timeout, NULL },
  { JK_STAFF_NOTIFY_KIND, jk_staff_notify_deliver, jk_staff_notify_timeout, NULL },
  { JK_USAGE_REPORT_KIND, jk_usage_report_deliver, jk_usage_report_timeout, NULL },
  { JK_REFERRAL_KIND, jk_referrals_deliver, jk_referrals_timeout, jk_referrals_handed_over },
};

/* One process delivers one entry at a time: the minute's retry and a
 * visitor's "Send" never hand the same entry over twice. Other processes
 * (jobkioskctl outbox send) are kept off by the entry's lease. */
static GMutex deliver_lock;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static gboolean
derive_key (const JkConfig *config,
            const char     *database_path,
            guint8          key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES],
            GError        **error)
{
  guint8 secret[JK_SECRET_SIZE];

  if (!jk_secret_load (config, database_path, secret, error))
    return FALSE;
  crypto_kdf_derive_from_key (key, crypto_aead_xchacha20poly1305_ietf_KEYBYTES, KDF_ID, KDF_CONTEXT, secret);
  sodium_memzero (secret, sizeof secret);
  return TRUE;
}

/* What the seal binds the payload to besides the key: its format, kind and
 * idempotency key, so a sealed payload moved onto another row fails to open. */
static char *
make_ad (const char *kind,
         const char *idempotency_key)
{
  return g_strdup_printf ("%s\n%s\n%s", SEAL_VERSION, kind, idempotency_key);
}

static GBytes *
serialize (const JkMailMessage *message)
{
  GVariantBuilder attachments;
  g_autoptr (GVariant) variant = NULL;

  g_variant_builder_init (&attachments, G_VARIANT_TYPE ("a(ssay)"));
  for (guint i = 0; i < message->attachments->len; i++)
    {
      const JkMailAttachment *attachment = message->attachments->pdata[i];

      g_variant_builder_add (&attachments, "(ss@ay)", attachment->filename, attachment->content_type,
                             g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, attachment->data, TRUE));
    }
  variant = g_variant_ref_sink (g_variant_new ("(sssa(ssay))", message->to,
                                               message->subject != NULL ? message->subject : "",
                                               message->body != NULL ? message->body : "", &attachments));
  return g_variant_get_data_as_bytes (variant);
}

static JkMailMessage *
deserialize (const guint8 *data,
             gsize         size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GVariant) variant = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (MAIL_FORMAT),
                                                                               bytes, FALSE));
  g_autoptr (GVariant) normal = g_variant_get_normal_form (variant);
  g_autoptr (GVariantIter) iter = NULL;
  const char *to, *subject, *body, *filename, *type;
  GVariant *content;
  JkMailMessage *message;

  g_variant_get (normal, "(&s&s&sa(ssay))", &to, &subject, &body, &iter);
  message = jk_mail_message_new (to, subject, body);
  while (g_variant_iter_next (iter, "(&s&s@ay)", &filename, &type, &content))
    {
      g_autoptr (GBytes) payload = g_variant_get_data_as_bytes (content);

      jk_mail_message_attach (message, filename, type, payload);
      g_variant_unref (content);
    }
  return message;
}

static JkStore *
open_writer (const char *database_path,
             GError    **error)
{
  g_autoptr (JkStore) store = jk_store_open_writer (database_path, error);

  /* A deleted entry's bytes are overwritten, not left in free pages. */
  if (store == NULL || !jk_store_exec (store, "PRAGMA secure_delete = ON", error))
    return NULL;
  return g_steal_pointer (&store);
}

/* Gone, and nothing of it left in the write-ahead log either. */
static gboolean
delete_entry (JkStore *store,
              gint64   id,
              GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, "DELETE FROM outbox WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "deleting an outbox entry");
      return FALSE;
    }
  /* Readers may hold the log for a moment; the next checkpoint then does it. */
  sqlite3_wal_checkpoint_v2 (jk_store_get_db (store), NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  return TRUE;
}

static gboolean
reschedule (JkStore    *store,
            gint64      id,
            guint       attempts,
            gint64      next_attempt,
            const char *last_error,
            GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, "UPDATE outbox SET attempts = ?, next_attempt = ?, "
                                                    "last_error = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int) attempts);
  sqlite3_bind_int64 (stmt, 2, next_attempt);
  sqlite3_bind_text (stmt, 3, last_error, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "rescheduling an outbox entry");
      return FALSE;
    }
  return TRUE;
}

/* Takes the entry for this try if it is due and nobody else took it: its
 * next try moves past this one's end, so another process skips it. */
static gboolean
claim (JkStore *store,
       gint64   id,
       gint64   due,
       gint64   lease,
       GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, "UPDATE outbox SET next_attempt = ? "
                                                    "WHERE id = ? AND next_attempt = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, lease);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_int64 (stmt, 3, due);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "claiming an outbox entry");
      return FALSE;
    }
  return sqlite3_changes (jk_store_get_db (store)) == 1;
}

static gboolean
deliver_mail (const JkConfig *config,
              const char     *idempotency_key,
              const guint8   *payload,
              gsize           size,
              GError        **error)
{
  g_autoptr (JkMailMessage) message = deserialize (payload, size);

  message->message_id = g_strdup (idempotency_key);
  return jk_mail_send (config, message, error);
}

static guint
mail_timeout (const JkConfig *config)
{
  return config->mail_timeout;
}

/* Seals and inserts on an open writer. */
static gint64
add_sealed (JkStore        *store,
            const JkConfig *config,
            const char     *database_path,
            const char     *kind,
            const char     *idempotency_key,
            GBytes         *payload,
            gint64          now,
            GError        **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *ad = NULL;
  g_autofree guint8 *sealed = NULL;
  guint8 key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
  guint8 nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];
  unsigned long long sealed_size = 0;
  gsize plain_size = 0;
  gconstpointer plain_data;

  if (!derive_key (config, database_path, key, error))
    return 0;
  ad = make_ad (kind, idempotency_key);
  plain_data = g_bytes_get_data (payload, &plain_size);
  sealed = g_malloc (plain_size + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  randombytes_buf (nonce, sizeof nonce);
  crypto_aead_xchacha20poly1305_ietf_encrypt (sealed, &sealed_size, plain_data, plain_size,
                                              (const guint8 *) ad, strlen (ad), NULL, nonce, key);
  sodium_memzero (key, sizeof key);

  stmt = jk_store_prepare (store, "INSERT INTO outbox (kind, idempotency_key, nonce, sealed, created, next_attempt) "
                           "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, idempotency_key, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 3, nonce, sizeof nonce, SQLITE_STATIC);
  sqlite3_bind_blob64 (stmt, 4, sealed, sealed_size, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, now);
  sqlite3_bind_int64 (stmt, 6, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "keeping an entry in the outbox");
      return 0;
    }
  return sqlite3_last_insert_rowid (jk_store_get_db (store));
}

static JkOutboxState
deliver_locked (const JkConfig *config,
                const char     *database_path,
                gint64          id,
                gint64          now,
                GError        **error)
{
  g_autoptr (JkStore) store = open_writer (database_path, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) send_error = NULL;
  const OutboxKind *type = NULL;
  guint8 key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
  g_autofree char *kind = NULL;
  g_autofree char *idempotency_key = NULL;
  g_autofree char *ad = NULL;
  g_autofree guint8 *plain = NULL;
  unsigned long long plain_size = 0;
  gint64 created, next_attempt;
  guint attempts;
  const guint8 *nonce, *sealed;
  int nonce_size, sealed_size;
  gboolean opened, delivered;

  if (store == NULL)
    return JK_OUTBOX_WAITING;
  stmt = jk_store_prepare (store, "SELECT kind, idempotency_key, nonce, sealed, created, attempts, next_attempt "
                           "FROM outbox WHERE id = ?", error);
  if (stmt == NULL)
    return JK_OUTBOX_WAITING;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return JK_OUTBOX_GONE;
  kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  idempotency_key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  created = sqlite3_column_int64 (stmt, 4);
  attempts = (guint) sqlite3_column_int (stmt, 5);
  next_attempt = sqlite3_column_int64 (stmt, 6);
  if (next_attempt > now)
    {
      g_set_error_literal (error, JK_MAIL_ERROR, JK_MAIL_ERROR_RELAY, _("It waits for its next try."));
      return JK_OUTBOX_WAITING;
    }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i].kind) == 0)
      type = &kinds[i];
  if (type == NULL)
    {
      /* TRANSLATORS: %s is the kind of an outbox entry ("mail") */
      g_set_error (error, JK_MAIL_ERROR, JK_MAIL_ERROR_FAILED, _("This kiosk does not send outbox entries of kind “%s”."),
                   kind);
      return JK_OUTBOX_WAITING;
    }
  nonce = sqlite3_column_blob (stmt, 2);
  nonce_size = sqlite3_column_bytes (stmt, 2);
  sealed = sqlite3_column_blob (stmt, 3);
  sealed_size = sqlite3_column_bytes (stmt, 3);
  if (!derive_key (config, database_path, key, error))
    return JK_OUTBOX_WAITING;
  ad = make_ad (kind, idempotency_key);
  plain = g_malloc ((gsize) MAX (sealed_size, 1));
  opened = nonce_size == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
           && (gsize) sealed_size >= crypto_aead_xchacha20poly1305_ietf_ABYTES
           && crypto_aead_xchacha20poly1305_ietf_decrypt (plain, &plain_size, NULL, sealed, (gsize) sealed_size,
                                                          (const guint8 *) ad, strlen (ad), nonce, key) == 0;
  sodium_memzero (key, sizeof key);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!opened)
    {
      /* Another secret sealed it, or it was changed: nobody can ever send it. */
      g_warning ("outbox entry %" G_GINT64_FORMAT " cannot be opened with this kiosk's secret; dropped", id);
      g_set_error_literal (error, JK_MAIL_ERROR, JK_MAIL_ERROR_FAILED,
                           _("This entry cannot be opened any more and was dropped."));
      delete_entry (store, id, NULL);
      return JK_OUTBOX_GIVEN_UP;
    }
  if (!claim (store, id, next_attempt, now + type->timeout (config) + LEASE_MARGIN, error))
    {
      sodium_memzero (plain, (gsize) plain_size);
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, JK_MAIL_ERROR, JK_MAIL_ERROR_RELAY, _("It is being sent already."));
      return JK_OUTBOX_WAITING;
    }
  delivered = type->deliver (config, idempotency_key, plain, (gsize) plain_size, &send_error);
  sodium_memzero (plain, (gsize) plain_size);
  if (delivered)
    {
      if (type->handed_over != NULL)
        type->handed_over (store, idempotency_key, now);
      if (!delete_entry (store, id, error))
        g_warning ("outbox entry %" G_GINT64_FORMAT " was handed over but stays in the outbox", id);
      return JK_OUTBOX_HANDED_OVER;
    }
  if (g_error_matches (send_error, JK_MAIL_ERROR, JK_MAIL_ERROR_REFUSED)
      || g_error_matches (send_error, JK_MAIL_ERROR, JK_MAIL_ERROR_BAD_ADDRESS)
      || now - created >= JK_OUTBOX_GIVE_UP_AFTER)
    {
      g_info ("outbox entry %" G_GINT64_FORMAT " given up after %u tries: %s", id, attempts + 1,
              send_error->message);
      delete_entry (store, id, NULL);
      g_propagate_error (error, g_steal_pointer (&send_error));
      return JK_OUTBOX_GIVEN_UP;
    }
  reschedule (store, id, attempts + 1, now + jk_outbox_backoff (attempts + 1), send_error->message, NULL);
  g_propagate_error (error, g_steal_pointer (&send_error));
  return JK_OUTBOX_WAITING;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

gint64
jk_outbox_backoff (guint attempts)
{
  static const gint64 minutes[] = { 1, 1, 2, 5, 10, 30, 60 };

  return minutes[MIN (attempts, G_N_ELEMENTS (minutes) - 1)] * 60;
}

gint64
jk_outbox_add_mail (const JkConfig      *config,
                    const char          *database_path,
                    const JkMailMessage *message,
                    gint64               now,
                    GError             **error)
{
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GBytes) plain = NULL;
  g_autofree char *idempotency_key = NULL;
  gint64 id;
  gsize plain_size = 0;
  gconstpointer plain_data;

  if (!jk_mail_is_configured (config))
    {
      g_set_error_literal (error, JK_MAIL_ERROR, JK_MAIL_ERROR_NOT_CONFIGURED, _("This kiosk does not send email."));
      return 0;
    }
  if (!jk_mail_address_is_valid (message->to))
    {
      g_set_error_literal (error, JK_MAIL_ERROR, JK_MAIL_ERROR_BAD_ADDRESS,
                           _("This is not an email address. Check it and try again."));
      return 0;
    }
  store = open_writer (database_path, error);
  if (store == NULL)
    return 0;
  idempotency_key = jk_mail_make_message_id (config->mail_from);
  plain = serialize (message);
  id = add_sealed (store, config, database_path, MAIL_KIND, idempotency_key, plain, now, error);
  plain_data = g_bytes_get_data (plain, &plain_size);
  sodium_memzero ((gpointer) plain_data, plain_size);
  return id;
}

gint64
jk_outbox_add_sealed (JkStore        *store,
                      const JkConfig *config,
                      const char     *database_path,
                      const char     *kind,
                      const char     *idempotency_key,
                      GBytes         *payload,
                      gint64          now,
                      GError        **error)
{
  return add_sealed (store, config, database_path, kind, idempotency_key, payload, now, error);
}

JkOutboxState
jk_outbox_deliver (const JkConfig *config,
                   const char     *database_path,
                   gint64          id,
                   gint64          now,
                   GError        **error)
{
  JkOutboxState state;

  g_mutex_lock (&deliver_lock);
  state = deliver_locked (config, database_path, id, now, error);
  g_mutex_unlock (&deliver_lock);
  return state;
}

guint
jk_outbox_deliver_due (const JkConfig *config,
                       const char     *database_path,
                       gint64          now,
                       GError        **error)
{
  g_autoptr (JkStore) reader = jk_store_open_reader (database_path, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) due = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) due_kinds = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) unreachable = g_hash_table_new (g_str_hash, g_str_equal);
  guint handed_over = 0;

  if (reader == NULL)
    return 0;
  stmt = jk_store_prepare (reader, "SELECT id, kind FROM outbox WHERE next_attempt <= ? ORDER BY id", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, now);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (due, id);
      g_ptr_array_add (due_kinds, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_pointer (&reader, jk_store_free);

  for (guint i = 0; i < due->len; i++)
    {
      g_autoptr (GError) local_error = NULL;
      const char *kind = due_kinds->pdata[i];
      JkOutboxState state;

      if (kind == NULL || g_hash_table_contains (unreachable, kind))
        continue;
      state = jk_outbox_deliver (config, database_path, g_array_index (due, gint64, i), now, &local_error);
      if (state == JK_OUTBOX_HANDED_OVER)
        handed_over++;
      /* A relay (or staff endpoint) that does not answer one does not
       * answer the next of its kind: they wait for the next round rather
       * than each for its timeout; other kinds still go. */
      if (state == JK_OUTBOX_WAITING && g_error_matches (local_error, JK_MAIL_ERROR, JK_MAIL_ERROR_RELAY))
        {
          g_hash_table_add (unreachable, (gpointer) kind);
          if (error != NULL && *error == NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
        }
    }
  return handed_over;
}

guint
jk_outbox_count_waiting (const char *database_path,
                         GError    **error)
{
  g_autoptr (JkStore) reader = jk_store_open_reader (database_path, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (reader == NULL)
    return 0;
  stmt = jk_store_prepare (reader, "SELECT count(*) FROM outbox", error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return (guint) sqlite3_column_int (stmt, 0);
}

GPtrArray *
jk_outbox_list (const char *database_path,
                GError    **error)
{
  g_autoptr (JkStore) reader = jk_store_open_reader (database_path, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_outbox_entry_free);

  if (reader == NULL)
    return NULL;
  stmt = jk_store_prepare (reader, "SELECT id, kind, created, attempts, next_attempt, last_error "
                           "FROM outbox ORDER BY created, id", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      JkOutboxEntry *entry = g_new0 (JkOutboxEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->created = sqlite3_column_int64 (stmt, 2);
      entry->attempts = (guint) sqlite3_column_int (stmt, 3);
      entry->next_attempt = sqlite3_column_int64 (stmt, 4);
      entry->last_error = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (entries, entry);
    }
  return g_steal_pointer (&entries);
}

void
jk_outbox_entry_free (JkOutboxEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->kind);
  g_free (entry->last_error);
  g_free (entry);
}
