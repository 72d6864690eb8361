/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-referrals-private.h: a referral as the outbox delivers it */
#pragma once

#include <jobkiosk/jk-config.h>

#include "store/jk-store-private.h"

G_BEGIN_DECLS

/* The outbox's deliver function for kind "referral": POSTs the payload to
 * the endpoint of the partner it names. 2xx: TRUE. A 4xx other than 408
 * and 429: JK_MAIL_ERROR_REFUSED (given up). A partner no longer
 * configured: JK_MAIL_ERROR_NOT_CONFIGURED (kept until it is, or too old).
 * Else JK_MAIL_ERROR_RELAY (again later). */
gboolean jk_referrals_deliver      (const JkConfig *config,
                                    const char     *idempotency_key,
                                    const guint8   *payload,
                                    gsize           size,
                                    GError        **error);
/* Seconds one post may take. */
guint    jk_referrals_timeout      (const JkConfig *config);
/* Marks the referral of idempotency_key delivered at now, on the outbox's
 * writer, before its entry is deleted. */
void     jk_referrals_handed_over  (JkStore        *store,
                                    const char     *idempotency_key,
                                    gint64          now);

G_END_DECLS
