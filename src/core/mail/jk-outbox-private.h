/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-outbox-private.h: an outbox entry written inside another module's transaction */
#pragma once

#include <jobkiosk/jk-config.h>

#include "store/jk-store-private.h"

G_BEGIN_DECLS

/* Seals payload under the kiosk's secret as an entry of kind ("staff")
 * with its idempotency key, on store: an open writer whose transaction
 * the caller commits or rolls back, so the entry lands with what it tells
 * of or not at all. Returns its id (> 0), or 0 with error. The kind's
 * deliver function is in jk-outbox.c's table. */
gint64 jk_outbox_add_sealed (JkStore        *store,
                             const JkConfig *config,
                             const char     *database_path,
                             const char     *kind,
                             const char     *idempotency_key,
                             GBytes         *payload,
                             gint64          now,
                             GError        **error);

/* How an HTTP kind of the outbox (staff told, the usage report) posts its
 * JSON: the receiver, a bearer token's file, and the words that name them
 * in messages, already translated ("the staff endpoint", "the staff
 * token"), never the first words of a sentence. */
typedef struct {
  const char *url;
  const char *token_file;        /* NULL: no Authorization header */
  guint timeout;                 /* seconds for the whole POST */
  const char *receiver;          /* "the staff endpoint" */
  const char *token;             /* "the staff token" */
} JkOutboxPost;

/* POSTs body with the entry's idempotency key: TRUE for a 2xx;
 * JK_MAIL_ERROR_REFUSED for a 4xx other than 408 and 429 (the outbox gives
 * up); JK_MAIL_ERROR_RELAY otherwise (tried again after its backoff). */
gboolean jk_outbox_post_json (const JkOutboxPost *post,
                              const char         *idempotency_key,
                              const char         *body,
                              gsize               size,
                              GError            **error);

G_END_DECLS
