/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-referrals.c: "Ask them to contact me": partners from the configuration, a referral queued and delivered */

#define G_LOG_DOMAIN "jk-referrals"

#include <json-glib/json-glib.h>
#include <sodium.h>
#include <string.h>

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-mail.h>
#include <jobkiosk/jk-referrals.h>
#include <jobkiosk/jk-services.h>
#include <jobkiosk/jk-usage.h>

#include "mail/jk-outbox-private.h"
#include "store/jk-store-private.h"
#include "jk-referrals-private.h"

#define PARTNER_PREFIX "partner "
#define POST_TIMEOUT 15
/* No 0/O, 1/I: a reference is read aloud over the phone. */
#define REFERENCE_ALPHABET "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
#define REFERENCE_LENGTH 4

typedef struct {
  const char *key;
  const char *words;
} Reason;

#define X(id, key, words) { key, words },
static const Reason reasons[] = { JK_REFERRAL_REASONS };
#undef X

G_DEFINE_QUARK (jk-referrals-error-quark, jk_referrals_error)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static char *
get_trimmed (GKeyFile   *kf,
             const char *group,
             const char *key)
{
  char *value = g_key_file_get_string (kf, group, key, NULL);

  if (value == NULL)
    return NULL;
  g_strstrip (value);
  if (value[0] == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

/* The configuration keeps only values it checked in merged: a partner
 * with both organization and endpoint there is usable. */
static JkPartner *
read_partner (const JkConfig *config,
              const char     *name)
{
  g_autofree char *group = g_strconcat (PARTNER_PREFIX, name, NULL);
  g_autoptr (JkPartner) partner = g_new0 (JkPartner, 1);
  g_autofree char *token = NULL;

  partner->name = g_strstrip (g_strdup (name));
  partner->organization = get_trimmed (config->merged, group, "organization");
  partner->endpoint = get_trimmed (config->merged, group, "endpoint");
  if (partner->name[0] == '\0' || partner->organization == NULL || partner->endpoint == NULL)
    return NULL;
  partner->display_name = get_trimmed (config->merged, group, "display-name");
  if (partner->display_name == NULL)
    partner->display_name = g_strdup (partner->organization);
  token = get_trimmed (config->merged, group, "token-file");
  if (token != NULL)
    partner->token_file = jk_config_resolve_path (config, token);
  return g_steal_pointer (&partner);
}

static JkPartner *
find_partner_by_name (const JkConfig *config,
                      const char     *name)
{
  for (guint i = 0; name != NULL && i < config->partner_names->len; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (config->partner_names->pdata[i]));

      if (g_str_equal (stripped, name))
        return read_partner (config, config->partner_names->pdata[i]);
    }
  return NULL;
}

/* Organizations are matched as people write them: case and spaces aside. */
static char *
fold_name (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_auto (GStrv) words = g_strsplit_set (folded, " \t", -1);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static GBytes *
make_payload (const JkConfig          *config,
              const JkPartner         *partner,
              const JkReferralService *service,
              const char              *reference,
              const char              *first_name,
              const char              *digits,
              const char              *reason,
              const char              *language,
              gint64                   now)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GDateTime) created = g_date_time_new_from_unix_utc (now);
  g_autofree char *created_iso = g_date_time_format (created, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *phone = g_strconcat ("+1", digits, NULL);
  char *text;

  json_builder_begin_object (builder);
  add_string (builder, "reference", reference);
  add_string (builder, "partner", partner->name);
  add_string (builder, "organization", service->organization);
  add_string (builder, "service", service->name);
  add_string (builder, "category", service->category);
  add_string (builder, "first_name", first_name);
  add_string (builder, "phone", phone);
  add_string (builder, "reason", reason);
  add_string (builder, "language", language);
  add_string (builder, "center", config->center_name);
  add_string (builder, "kiosk", config->kiosk_name);
  add_string (builder, "created", created_iso);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  sodium_memzero (phone, strlen (phone));
  return g_bytes_new_take (text, strlen (text));
}

static gboolean
insert_row (JkStore                 *store,
            const JkPartner         *partner,
            const JkReferralService *service,
            const char              *reference,
            const char              *idempotency_key,
            const char              *reason,
            gint64                   now,
            gboolean                *taken,
            GError                 **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, "INSERT OR IGNORE INTO referrals (reference, "
                                                    "idempotency_key, partner, organization, service, category, "
                                                    "reason, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, idempotency_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, partner->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, service->organization, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, service->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, service->category, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "keeping a referral");
      return FALSE;
    }
  /* Ignored: the reference is taken already; the caller draws another. */
  *taken = sqlite3_changes (jk_store_get_db (store)) == 0;
  return TRUE;
}

static gboolean
set_outbox_id (JkStore    *store,
               const char *reference,
               gint64      outbox_id,
               GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, "UPDATE referrals SET outbox_id = ? WHERE reference = ?",
                                                    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, outbox_id);
  sqlite3_bind_text (stmt, 2, reference, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "keeping a referral");
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_input (const char  *first_name,
             const char  *phone,
             const char  *reason,
             const char  *language,
             char       **name_out,
             char       **digits_out,
             GError     **error)
{
  g_autofree char *name = g_strstrip (g_strdup (first_name != NULL ? first_name : ""));

  if (name[0] == '\0' || !g_utf8_validate (name, -1, NULL) || g_utf8_strlen (name, -1) > JK_REFERRAL_MAX_NAME)
    {
      g_set_error_literal (error, JK_REFERRALS_ERROR, JK_REFERRALS_ERROR_BAD_INPUT, _("Type your first name."));
      return FALSE;
    }
  for (const char *p = name; *p != '\0'; p++)
    if (g_ascii_iscntrl (*p))
      {
        g_set_error_literal (error, JK_REFERRALS_ERROR, JK_REFERRALS_ERROR_BAD_INPUT, _("Type your first name."));
        return FALSE;
      }
  *digits_out = jk_referrals_phone_digits (phone);
  if (*digits_out == NULL)
    {
      g_set_error_literal (error, JK_REFERRALS_ERROR, JK_REFERRALS_ERROR_BAD_INPUT,
                           _("Type a US phone number with its area code: 10 numbers."));
      return FALSE;
    }
  if (!jk_referrals_is_reason (reason))
    {
      g_clear_pointer (digits_out, g_free);
      g_set_error_literal (error, JK_REFERRALS_ERROR, JK_REFERRALS_ERROR_BAD_INPUT, _("Pick a reason."));
      return FALSE;
    }
  if (g_strcmp0 (language, "en") != 0 && g_strcmp0 (language, "es") != 0)
    {
      g_clear_pointer (digits_out, g_free);
      g_set_error (error, JK_REFERRALS_ERROR, JK_REFERRALS_ERROR_BAD_INPUT, "not a language: %s",
                   language != NULL ? language : "(none)");
      return FALSE;
    }
  *name_out = g_steal_pointer (&name);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

GPtrArray *
jk_referrals_partners (const JkConfig *config)
{
  GPtrArray *partners = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_partner_free);

  g_return_val_if_fail (config != NULL, partners);
  for (guint i = 0; i < config->partner_names->len; i++)
    {
      JkPartner *partner = read_partner (config, config->partner_names->pdata[i]);

      if (partner != NULL)
        g_ptr_array_add (partners, partner);
    }
  return partners;
}

JkPartner *
jk_referrals_find_partner (const JkConfig *config,
                           const char     *organization)
{
  g_autoptr (GPtrArray) partners = NULL;
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (config != NULL, NULL);
  if (organization == NULL || organization[0] == '\0')
    return NULL;
  wanted = fold_name (organization);
  partners = jk_referrals_partners (config);
  for (guint i = 0; i < partners->len; i++)
    {
      JkPartner *partner = partners->pdata[i];
      g_autofree char *theirs = fold_name (partner->organization);

      if (g_str_equal (theirs, wanted))
        return g_ptr_array_steal_index (partners, i);
    }
  return NULL;
}

void
jk_partner_free (JkPartner *partner)
{
  if (partner == NULL)
    return;
  g_free (partner->name);
  g_free (partner->display_name);
  g_free (partner->organization);
  g_free (partner->endpoint);
  g_free (partner->token_file);
  g_free (partner);
}

const char *
jk_referrals_reason_name (const char *key)
{
  for (gsize i = 0; key != NULL && i < G_N_ELEMENTS (reasons); i++)
    if (g_str_equal (reasons[i].key, key))
      return _(reasons[i].words);
  return NULL;
}

gboolean
jk_referrals_is_reason (const char *key)
{
  return jk_referrals_reason_name (key) != NULL;
}

char *
jk_referrals_make_reference (void)
{
  char code[REFERENCE_LENGTH + 1];

  for (guint i = 0; i < REFERENCE_LENGTH; i++)
    code[i] = REFERENCE_ALPHABET[randombytes_uniform (sizeof REFERENCE_ALPHABET - 1)];
  code[REFERENCE_LENGTH] = '\0';
  return g_strconcat ("R-", code, NULL);
}

char *
jk_referrals_phone_digits (const char *text)
{
  g_autoptr (GString) digits = g_string_new (NULL);

  if (text == NULL)
    return NULL;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (strchr (" ()-.+", *p) == NULL)
        return NULL;
    }
  /* A leading 1 is the country code. */
  if (digits->len == 11 && digits->str[0] == '1')
    g_string_erase (digits, 0, 1);
  if (digits->len != 10 || digits->str[0] < '2' || digits->str[3] < '2')
    return NULL;
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

char *
jk_referrals_phone_display (const char *digits)
{
  g_return_val_if_fail (digits != NULL && strlen (digits) == 10, NULL);
  return g_strdup_printf ("(%.3s) %.3s-%.4s", digits, digits + 3, digits + 6);
}

char *
jk_referrals_phone_masked (const char *digits)
{
  g_return_val_if_fail (digits != NULL && strlen (digits) == 10, NULL);
  return g_strdup_printf ("(xxx) xxx-xx%.2s", digits + 8);
}

JkReferralService *
jk_referrals_get_service (JkStore *store,
                          gint64   id,
                          GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store,
                                                    "SELECT s.id, o.name, s.name, "
                                                    "  (SELECT min (category) FROM service_categories c "
                                                    "   WHERE c.service_id = s.id), s.category "
                                                    "FROM services s LEFT JOIN service_organizations o "
                                                    "ON o.id = s.organization_id WHERE s.id = ?", error);
  JkReferralService *service;
  const char *category;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, JK_REFERRALS_ERROR, JK_REFERRALS_ERROR_NOT_FOUND,
                   "no service %" G_GINT64_FORMAT, id);
      return NULL;
    }
  service = g_new0 (JkReferralService, 1);
  service->id = sqlite3_column_int64 (stmt, 0);
  service->organization = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  service->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  category = (const char *) sqlite3_column_text (stmt, 4);
  if (category == NULL)
    category = (const char *) sqlite3_column_text (stmt, 3);
  service->category = jk_services_is_category (category) ? g_strdup (category) : NULL;
  return service;
}

void
jk_referral_service_free (JkReferralService *service)
{
  if (service == NULL)
    return;
  g_free (service->organization);
  g_free (service->name);
  g_free (service->category);
  g_free (service);
}

char *
jk_referrals_queue (const JkConfig          *config,
                    const char              *database_path,
                    const JkPartner         *partner,
                    const JkReferralService *service,
                    const char              *first_name,
                    const char              *phone,
                    const char              *reason,
                    const char              *language,
                    gint64                   now,
                    gint64                  *outbox_id,
                    GError                 **error)
{
  g_autofree char *name = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *key = g_uuid_string_random ();
  g_autofree char *counter = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GBytes) payload = NULL;
  gint64 id = 0;
  gsize size = 0;
  gconstpointer data;

  g_return_val_if_fail (config != NULL && partner != NULL && service != NULL, NULL);
  if (!check_input (first_name, phone, reason, language, &name, &digits, error))
    return NULL;
  if (service->organization == NULL || service->name == NULL)
    {
      g_set_error_literal (error, JK_REFERRALS_ERROR, JK_REFERRALS_ERROR_NO_PARTNER,
                           "the service has no organization");
      return NULL;
    }
  store = jk_store_open_writer (database_path, error);
  /* The outbox's rows are wiped where they stood once gone, as it does itself. */
  if (store == NULL || !jk_store_exec (store, "PRAGMA secure_delete = ON", error) || !jk_store_begin (store, error))
    return NULL;
  for (guint tries = 0; reference == NULL; tries++)
    {
      gboolean taken = FALSE;

      reference = jk_referrals_make_reference ();
      if (!insert_row (store, partner, service, reference, key, reason, now, &taken, error))
        goto fail;
      if (taken)
        {
          g_clear_pointer (&reference, g_free);
          if (tries > 100)
            {
              g_set_error_literal (error, JK_REFERRALS_ERROR, JK_REFERRALS_ERROR_FAILED,
                                   "no free reference number");
              goto fail;
            }
        }
    }
  payload = make_payload (config, partner, service, reference, name, digits, reason, language, now);
  id = jk_outbox_add_sealed (store, config, database_path, JK_REFERRAL_KIND, key, payload, now, error);
  /* What was sealed is nobody's business once it is. */
  data = g_bytes_get_data (payload, &size);
  sodium_memzero ((gpointer) data, size);
  sodium_memzero (digits, strlen (digits));
  sodium_memzero (name, strlen (name));
  counter = g_strconcat (JK_USAGE_REFERRAL_PREFIX, service->category != NULL ? service->category : "other", NULL);
  if (id <= 0 || !set_outbox_id (store, reference, id, error) || !jk_usage_add (store, counter, 1, now, error)
      || !jk_store_commit (store, error))
    goto fail;
  if (outbox_id != NULL)
    *outbox_id = id;
  g_info ("referral %s to %s queued", reference, partner->name);
  return g_steal_pointer (&reference);

fail:
  jk_store_rollback (store);
  return NULL;
}

GPtrArray *
jk_referrals_list (const char *database_path,
                   GError    **error)
{
  g_autoptr (JkStore) reader = jk_store_open_reader (database_path, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) referrals = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_referral_free);

  if (reader == NULL)
    return NULL;
  /* The entry is found by its kind and key, not its id alone: an id
   * freed by a delivered entry may be another entry's later. */
  stmt = jk_store_prepare (reader,
                           "SELECT r.reference, r.partner, r.organization, r.service, r.category, r.reason, "
                           "  r.created, r.delivered, o.id, o.attempts, o.last_error "
                           "FROM referrals r LEFT JOIN outbox o "
                           "  ON o.kind = '" JK_REFERRAL_KIND "' AND o.idempotency_key = r.idempotency_key "
                           "ORDER BY r.created, r.id", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      JkReferral *referral = g_new0 (JkReferral, 1);

      referral->reference = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      referral->partner = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      referral->organization = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      referral->service = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      referral->category = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      referral->reason = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      referral->created = sqlite3_column_int64 (stmt, 6);
      referral->delivered = sqlite3_column_int64 (stmt, 7);
      if (referral->delivered > 0)
        referral->state = JK_REFERRAL_DELIVERED;
      else if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
        {
          referral->state = JK_REFERRAL_WAITING;
          referral->attempts = (guint) sqlite3_column_int (stmt, 9);
          referral->last_error = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
        }
      else
        referral->state = JK_REFERRAL_FAILED;
      g_ptr_array_add (referrals, referral);
    }
  return g_steal_pointer (&referrals);
}

const char *
jk_referral_state_to_string (JkReferralState state)
{
  switch (state)
    {
    case JK_REFERRAL_WAITING:
      return "waiting";
    case JK_REFERRAL_DELIVERED:
      return "delivered";
    case JK_REFERRAL_FAILED:
    default:
      return "failed";
    }
}

void
jk_referral_free (JkReferral *referral)
{
  if (referral == NULL)
    return;
  g_free (referral->reference);
  g_free (referral->partner);
  g_free (referral->organization);
  g_free (referral->service);
  g_free (referral->category);
  g_free (referral->reason);
  g_free (referral->last_error);
  g_free (referral);
}

/* ---------------------------------------------------------------------- */
/* The outbox's side (jk-referrals-private.h)                             */

guint
jk_referrals_timeout (const JkConfig *config)
{
  return POST_TIMEOUT;
}

gboolean
jk_referrals_deliver (const JkConfig *config,
                      const char     *idempotency_key,
                      const guint8   *payload,
                      gsize           size,
                      GError        **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JkPartner) partner = NULL;
  g_autofree char *receiver = NULL;
  g_autofree char *token = NULL;
  JsonNode *root;
  const char *name = NULL;

  if (json_parser_load_from_data (parser, (const char *) payload, (gssize) size, NULL)
      && (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    name = json_object_get_string_member_with_default (json_node_get_object (root), "partner", NULL);
  if (name == NULL)
    {
      g_set_error_literal (error, JK_MAIL_ERROR, JK_MAIL_ERROR_REFUSED, "a referral without its partner");
      return FALSE;
    }
  partner = find_partner_by_name (config, name);
  if (partner == NULL)
    {
      /* TRANSLATORS: %s is a partner's NAME in the configuration ([partner NAME]) */
      g_set_error (error, JK_MAIL_ERROR, JK_MAIL_ERROR_NOT_CONFIGURED,
                   _("No usable [partner %s] is in the configuration."), name);
      return FALSE;
    }
  /* TRANSLATORS: who receives it, inside a sentence; %s is a partner's NAME */
  receiver = g_strdup_printf (_("the endpoint of partner %s"), partner->name);
  /* TRANSLATORS: inside a sentence; %s is a partner's NAME */
  token = g_strdup_printf (_("the token of partner %s"), partner->name);
  {
    JkOutboxPost post = { partner->endpoint, partner->token_file, POST_TIMEOUT, receiver, token };

    return jk_outbox_post_json (&post, idempotency_key, (const char *) payload, size, error);
  }
}

void
jk_referrals_handed_over (JkStore    *store,
                          const char *idempotency_key,
                          gint64      now)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, "UPDATE referrals SET delivered = ? "
                                                    "WHERE idempotency_key = ?", &error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, now);
      sqlite3_bind_text (stmt, 2, idempotency_key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_DONE)
        return;
      jk_store_set_error (store, &error, "marking a referral delivered");
    }
  g_warning ("A referral was delivered but is not marked so: %s", error->message);
}
