/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-staff-notify.c: posts an arrival to staff (plain JSON, a Teams or a Slack incoming webhook) for the outbox */

#define G_LOG_DOMAIN "jk-staff-notify"

#include <json-glib/json-glib.h>
#include <string.h>

#include <jobkiosk/jk-checkin.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-mail.h>

#include "checkin/jk-staff-notify-private.h"
#include "mail/jk-outbox-private.h"

#define POST_TIMEOUT 10

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static char *
format_local (gint64      when,
              const char *format)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (when);

  return time != NULL ? g_date_time_format (time, format) : NULL;
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

/* The one line a person reads in a chat. */
static char *
make_text (JsonObject *notice)
{
  const char *greeting = member_string (notice, "greeting");
  const char *time = member_string (notice, "time");
  const char *service = member_string (notice, "service");
  const char *location = member_string (notice, "location");
  const char *reason = member_string (notice, "reason");
  const char *arrived = member_string (notice, "arrived");
  g_autofree char *arrived_hm = NULL;
  gint64 queue = json_object_get_int_member_with_default (notice, "queue_number", 0);
  g_autoptr (GDateTime) arrived_time = arrived != NULL ? g_date_time_new_from_iso8601 (arrived, NULL) : NULL;
  g_autoptr (GDateTime) arrived_local = arrived_time != NULL ? g_date_time_to_local (arrived_time) : NULL;

  arrived_hm = arrived_local != NULL ? g_date_time_format (arrived_local, "%H:%M") : g_strdup ("?");
  if (g_strcmp0 (member_string (notice, "kind"), "walk-in") == 0)
    {
      const char *label = reason != NULL ? jk_walkin_reason_label (reason) : NULL;

      /* TRANSLATORS: told to staff in their chat: the queue number, the walk-in's first name (or "someone"),
       * the reason for the visit and the time they arrived */
      return g_strdup_printf (_("Walk-in #%u: %s, %s (arrived %s)"), (guint) queue,
                              greeting != NULL ? greeting : _("someone"),
                              label != NULL ? _(label) : (reason != NULL ? reason : ""), arrived_hm);
    }
  /* TRANSLATORS: told to staff in their chat: "Maria N. checked in for 10:30, Career Services, Room 2 (arrived
   * 10:12)" */
  return g_strdup_printf (_("%s checked in for %s, %s, %s (arrived %s)"),
                          greeting != NULL ? greeting : _("someone"), time != NULL ? time : "?",
                          service != NULL ? service : "-", location != NULL ? location : "-", arrived_hm);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

GBytes *
jk_staff_notice_to_json (const JkStaffNotice *notice,
                         const char          *idempotency_key)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GDateTime) arrived = g_date_time_new_from_unix_local (notice->arrived);
  g_autofree char *time = notice->starts != 0 ? format_local (notice->starts, "%H:%M") : NULL;
  g_autofree char *arrived_iso = arrived != NULL ? g_date_time_format_iso8601 (arrived) : NULL;
  char *text;

  json_builder_begin_object (builder);
  add_string (builder, "idempotency_key", idempotency_key);
  add_string (builder, "kind", notice->kind);
  add_string (builder, "greeting", notice->greeting);
  add_string (builder, "time", time);
  add_string (builder, "service", notice->service);
  add_string (builder, "location", notice->location);
  add_string (builder, "reason", notice->reason);
  json_builder_set_member_name (builder, "queue_number");
  if (notice->queue_number > 0)
    json_builder_add_int_value (builder, notice->queue_number);
  else
    json_builder_add_null_value (builder);
  add_string (builder, "arrived", arrived_iso);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  return g_bytes_new_take (text, strlen (text));
}

char *
jk_staff_notify_shape (const char   *format,
                       const guint8 *payload,
                       gsize         size,
                       GError      **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (JsonGenerator) generator = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;
  JsonObject *notice;

  if (!json_parser_load_from_data (parser, (const char *) payload, (gssize) size, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, JK_MAIL_ERROR, JK_MAIL_ERROR_FAILED, "not a JSON object");
      return NULL;
    }
  if (format == NULL || g_strcmp0 (format, "json") == 0)
    return g_strndup ((const char *) payload, size);
  notice = json_node_get_object (json_parser_get_root (parser));
  text = make_text (notice);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  if (g_strcmp0 (format, "teams") == 0)
    {
      /* An Office 365 connector card: what a Teams incoming webhook shows. */
      add_string (builder, "@type", "MessageCard");
      add_string (builder, "@context", "https://schema.org/extensions");
      add_string (builder, "summary", text);
      add_string (builder, "text", text);
    }
  else
    add_string (builder, "text", text);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

guint
jk_staff_notify_timeout (const JkConfig *config)
{
  return POST_TIMEOUT;
}

gboolean
jk_staff_notify_deliver (const JkConfig *config,
                         const char     *idempotency_key,
                         const guint8   *payload,
                         gsize           size,
                         GError        **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *body = NULL;
  JkOutboxPost post = {
    config->checkin_endpoint, config->checkin_token_file, POST_TIMEOUT,
    /* TRANSLATORS: who receives it, inside a sentence */
    _("the staff endpoint"),
    _("the staff token"),
  };

  if (config->checkin_endpoint == NULL)
    {
      g_set_error_literal (error, JK_MAIL_ERROR, JK_MAIL_ERROR_NOT_CONFIGURED,
                           _("No staff endpoint is set in [checkin]."));
      return FALSE;
    }
  body = jk_staff_notify_shape (config->checkin_format, payload, size, &local_error);
  if (body == NULL)
    {
      g_set_error (error, JK_MAIL_ERROR, JK_MAIL_ERROR_REFUSED, _("The message to staff is damaged: %s"),
                   local_error->message);
      return FALSE;
    }
  return jk_outbox_post_json (&post, idempotency_key, body, strlen (body), error);
}
