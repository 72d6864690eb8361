/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-http-sink.h: a real HTTP receiver (Debian's python http.server) on 127.0.0.1 that writes each request down */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _JkTestHttpSink JkTestHttpSink;

/* Starts the receiver on 127.0.0.1:port (0: a free one) with a private
 * folder; fails the test (g_error) when it cannot listen within 10 s. */
JkTestHttpSink *jk_test_http_sink_start   (guint16         port);
/* Ends the process (by its pid) but keeps the port and what it received:
 * the endpoint is down until jk_test_http_sink_up. */
void            jk_test_http_sink_down    (JkTestHttpSink *self);
void            jk_test_http_sink_up      (JkTestHttpSink *self);
/* Down, and its folder removed; safe to call twice. */
void            jk_test_http_sink_stop    (JkTestHttpSink *self);
/* The status it answers from now on (200 at first). */
void            jk_test_http_sink_set_status (JkTestHttpSink *self,
                                              guint           status);
char           *jk_test_http_sink_get_url (JkTestHttpSink *self,
                                           const char     *path);
/* Requests received whole so far. */
guint           jk_test_http_sink_count   (JkTestHttpSink *self);
guint           jk_test_http_sink_wait    (JkTestHttpSink *self,
                                           guint           n,
                                           guint           timeout_ms);
/* Request index (1-based): its body, or one header (name in lower case);
 * NULL when there is none. */
char           *jk_test_http_sink_body    (JkTestHttpSink *self,
                                           guint           index);
char           *jk_test_http_sink_header  (JkTestHttpSink *self,
                                           guint           index,
                                           const char     *name);

G_END_DECLS
