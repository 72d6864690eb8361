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

G_END_DECLS
