/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-mail.h>

G_BEGIN_DECLS

/* "smtp://host:port/ehlo-name" (smtps:// for security=tls). */
char     *jk_mail_build_url         (const JkConfig *config);
/* "<32 hex digits@from's domain>": a Message-ID, and the outbox's idempotency key. */
char     *jk_mail_make_message_id   (const char     *from);

G_END_DECLS
