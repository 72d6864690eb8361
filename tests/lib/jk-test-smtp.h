/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-smtp.h: a real SMTP receiver (Debian's aiosmtpd) on 127.0.0.1 that writes each message to a folder */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _JkTestSmtp JkTestSmtp;

/* Starts aiosmtpd on 127.0.0.1:port (0: a free one), writing what it
 * receives into a private folder (jk_test_smtp_sink.py says how). Fails the
 * test (g_error) when it cannot start within 10 s. */
JkTestSmtp *jk_test_smtp_start         (guint16     port);
/* SIGTERM to its pid, wait, remove its folder; safe to call twice. */
void        jk_test_smtp_stop          (JkTestSmtp *self);
guint16     jk_test_smtp_get_port      (JkTestSmtp *self);
/* How many messages arrived whole so far. */
guint       jk_test_smtp_count         (JkTestSmtp *self);
/* Waits until at least n arrived (at most timeout_ms); returns the count. */
guint       jk_test_smtp_wait          (JkTestSmtp *self,
                                        guint       n,
                                        guint       timeout_ms);
/* Message index (1-based): the raw message, its envelope recipients
 * (a line each), its text part, or an attachment decoded by Python's MIME
 * parser; NULL when there is none. */
GBytes     *jk_test_smtp_read          (JkTestSmtp *self,
                                        guint       index,
                                        const char *what);   /* "eml", "rcpt", "body.txt", "part-NAME" */

G_END_DECLS
