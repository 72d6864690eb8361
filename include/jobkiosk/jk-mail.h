/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-mail.h: a message with attachments, sent through the center's relay (libcurl SMTP), and the outbox that keeps it until then */
#pragma once

#include <glib.h>

#include "jk-config.h"

G_BEGIN_DECLS

#define JK_MAIL_ERROR (jk_mail_error_quark ())

typedef enum {
  JK_MAIL_ERROR_NOT_CONFIGURED,  /* no [mail] host */
  JK_MAIL_ERROR_BAD_ADDRESS,
  JK_MAIL_ERROR_RELAY,           /* the relay could not be reached or refused: try again later */
  JK_MAIL_ERROR_REFUSED,         /* the relay refused this message for good (a 5xx) */
  JK_MAIL_ERROR_FAILED,
} JkMailError;

typedef struct {
  char *filename;       /* "resume.pdf" */
  char *content_type;   /* "application/pdf" */
  GBytes *data;
} JkMailAttachment;

typedef struct {
  char *to;             /* used for this message only, never kept after it is handed over */
  char *subject;
  char *body;           /* plain text */
  GPtrArray *attachments; /* JkMailAttachment */
  char *message_id;     /* "<key@domain>"; NULL: jk_mail_send makes one. The outbox sets its
                         * idempotency key here, so a relay or a reader can tell a retry from a new message */
} JkMailMessage;

typedef enum {
  JK_OUTBOX_WAITING,    /* kept, to be tried again */
  JK_OUTBOX_HANDED_OVER,/* the relay took it: gone from the outbox */
  JK_OUTBOX_GIVEN_UP,   /* refused for good, or too old: gone from the outbox */
  JK_OUTBOX_GONE,       /* no such entry: handed over or given up before; nothing was sent */
} JkOutboxState;

/* One waiting entry, as staff see it: never its address or contents. */
typedef struct {
  gint64 id;
  char *kind;           /* "mail" */
  gint64 created;       /* unix seconds */
  guint attempts;
  gint64 next_attempt;
  char *last_error;     /* in words; NULL before the first try */
} JkOutboxEntry;

/* How long an entry is tried before it is given up: three days. */
#define JK_OUTBOX_GIVE_UP_AFTER (3 * 24 * 3600)

GQuark         jk_mail_error_quark        (void);

gboolean       jk_mail_is_configured      (const JkConfig      *config);
/* An address a visitor typed: one @, a dot in the domain, no spaces or
 * control characters, at most 254 characters. */
gboolean       jk_mail_address_is_valid   (const char          *address);

JkMailMessage *jk_mail_message_new        (const char          *to,
                                           const char          *subject,
                                           const char          *body);
void           jk_mail_message_attach     (JkMailMessage       *message,
                                           const char          *filename,
                                           const char          *content_type,
                                           GBytes              *data);
void           jk_mail_message_free       (JkMailMessage       *message);

/* The port [mail] sends to: its port, else 587, 465 or 25 by security. */
guint          jk_mail_get_port           (const JkConfig      *config);
/* Sends now through [mail] (blocks: a worker's call). Errors are in words
 * a visitor or staff can read, and never hold the address:
 * JK_MAIL_ERROR_RELAY (try again later), REFUSED (a 5xx: never again),
 * NOT_CONFIGURED, BAD_ADDRESS, FAILED (the password file cannot be read). */
gboolean       jk_mail_send               (const JkConfig      *config,
                                           const JkMailMessage *message,
                                           GError             **error);

/* The outbox: what waits to be handed over, sealed with the kiosk's
 * secret, each entry with an idempotency key so a retry never sends twice
 * what the relay already took. Every call opens its own connection. */

/* Keeps the message; returns its id (> 0), or 0 with error. */
gint64         jk_outbox_add_mail         (const JkConfig      *config,
                                           const char          *database_path,
                                           const JkMailMessage *message,
                                           gint64               now,
                                           GError             **error);
/* Tries the entry now (a worker's call): HANDED_OVER, GIVEN_UP or WAITING
 * (error says why, in words), and the entry's next try is scheduled. */
JkOutboxState  jk_outbox_deliver          (const JkConfig      *config,
                                           const char          *database_path,
                                           gint64               id,
                                           gint64               now,
                                           GError             **error);
/* Tries every entry that is due; returns how many were handed over. */
guint          jk_outbox_deliver_due      (const JkConfig      *config,
                                           const char          *database_path,
                                           gint64               now,
                                           GError             **error);
/* How many entries wait. */
guint          jk_outbox_count_waiting    (const char          *database_path,
                                           GError             **error);
/* The waiting entries, oldest first (JkOutboxEntry *), or NULL with error. */
GPtrArray     *jk_outbox_list             (const char          *database_path,
                                           GError             **error);
void           jk_outbox_entry_free       (JkOutboxEntry       *entry);
/* Seconds to wait before the next try after `attempts` failed ones:
 * 1, 2, 5, 10, 30 minutes, then an hour. */
gint64         jk_outbox_backoff          (guint                attempts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkMailMessage, jk_mail_message_free)

G_END_DECLS
