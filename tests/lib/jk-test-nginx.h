/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-nginx.h: a real nginx on 127.0.0.1 with a private prefix, for integration tests */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _JkTestNginx JkTestNginx;
/* Starts nginx on 127.0.0.1 on a free port, serving the folder docroot (a
 * copy made by the caller is best, since tests change files). Fails the test
 * (g_error) if nginx cannot start within 5 s. */
JkTestNginx *jk_test_nginx_start (const char *docroot);
void         jk_test_nginx_stop  (JkTestNginx *self);   /* SIGTERM, waitpid, removes its private dir; safe to call twice */
/* The loopback port nginx listens on (still valid after stop, for
 * connection-refused tests). */
guint16      jk_test_nginx_get_port (JkTestNginx *self);
char        *jk_test_nginx_url   (JkTestNginx *self, const char *path);  /* "http://127.0.0.1:PORT/path" */
/* Reads the access log: how many requests for path, and the last status code (0 if none). */
guint        jk_test_nginx_count_requests (JkTestNginx *self, const char *path, int *last_status);

G_END_DECLS
