/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-usage-report-private.h: the daily usage summary as the outbox keeps it and posts it */
#pragma once

#include <jobkiosk/jk-config.h>

G_BEGIN_DECLS

#define JK_USAGE_REPORT_KIND "usage"

/* The payload the outbox seals and posts as it is: {"kiosk", "center",
 * "day", "counts": [{"hour", "counter", "count"}], "totals": [{"counter",
 * "count"}]}, with what jk_usage_to_csv leaves out left out. */
GBytes  *jk_usage_report_to_json   (const JkConfig *config,
                                    const char     *day,
                                    GPtrArray      *rows);
/* The outbox's deliver function for kind "usage": POSTs to [usage]
 * report-endpoint with the idempotency key and [usage] report-token-file's
 * bearer token. 2xx: TRUE. A 4xx other than 408 and 429:
 * JK_MAIL_ERROR_REFUSED (given up). Else JK_MAIL_ERROR_RELAY (again later). */
gboolean jk_usage_report_deliver   (const JkConfig *config,
                                    const char     *idempotency_key,
                                    const guint8   *payload,
                                    gsize           size,
                                    GError        **error);
/* Seconds one post may take. */
guint    jk_usage_report_timeout   (const JkConfig *config);

G_END_DECLS
