/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-staff-notify-private.h: an arrival told to staff, as the outbox keeps it and posts it */
#pragma once

#include <jobkiosk/jk-config.h>

G_BEGIN_DECLS

#define JK_STAFF_NOTIFY_KIND "staff"

/* What staff are told of one arrival, and nothing more. */
typedef struct {
  const char *kind;             /* "appointment", "walk-in" */
  const char *greeting;         /* "Maria N.", a walk-in's first name, or NULL */
  gint64      starts;           /* the appointment's start, 0 for a walk-in */
  const char *service;
  const char *location;
  const char *reason;           /* a walk-in's reason key */
  guint       queue_number;     /* a walk-in's, else 0 */
  gint64      arrived;          /* unix seconds */
} JkStaffNotice;

/* The payload the outbox seals: the JSON object posted in the "json"
 * shape, idempotency_key included. */
GBytes  *jk_staff_notice_to_json   (const JkStaffNotice *notice,
                                    const char          *idempotency_key);
/* The body posted for [checkin] staff-format, from that payload. */
char    *jk_staff_notify_shape     (const char          *format,
                                    const guint8        *payload,
                                    gsize                size,
                                    GError             **error);
/* The outbox's deliver function for kind "staff": POSTs to [checkin]
 * staff-endpoint. 2xx: TRUE. A 4xx other than 408 and 429:
 * JK_MAIL_ERROR_REFUSED (given up). Else JK_MAIL_ERROR_RELAY (again later). */
gboolean jk_staff_notify_deliver   (const JkConfig      *config,
                                    const char          *idempotency_key,
                                    const guint8        *payload,
                                    gsize                size,
                                    GError             **error);
/* Seconds one post may take. */
guint    jk_staff_notify_timeout   (const JkConfig      *config);

G_END_DECLS
