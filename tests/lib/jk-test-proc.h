/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the tests' own servers (nginx, cupsd) share: children that die with
 * the test, waiting for and killing only what a test started, free
 * loopback ports, and removing a test's private folders. */
void         jk_test_child_setup         (gpointer    user_data);   /* GSpawnChildSetupFunc */
gboolean     jk_test_wait_for_exit       (GPid        pid,
                                          gint64      timeout_us);
void         jk_test_kill_group_and_reap (GPid        pid);
/* SIGTERM to the server (by its pid) and wait; SIGKILL to its group, with
 * a warning naming it, when it has not exited within 5 s. */
void         jk_test_terminate           (GPid        pid,
                                          const char *name);
void         jk_test_remove_tree         (const char *path);
guint16      jk_test_pick_free_port      (void);
/* TRUE when something accepts a TCP connection on 127.0.0.1:port. */
gboolean     jk_test_port_accepts        (guint16     port);
char        *jk_test_read_text           (const char *path);
/* A file's bytes, to prove something left it exactly as it was. */
GBytes      *jk_test_read_bytes          (const char *path);

/* The server program meson found (env_var, e.g. JK_TEST_NGINX), or
 * fallback (Debian's) when the test runs by hand; fails the test when it is
 * not executable, naming the package to install. */
const char  *jk_test_server_program     (const char *env_var,
                                          const char *fallback,
                                          const char *package);

/* Has stop (server) run at exit for a server a test started and did not
 * stop. The server stays reachable on purpose: its stop() must be safe to
 * call twice, so it cannot free the struct, and leak checkers do not report
 * memory that a global still points to. */
typedef void (*JkTestStopFunc) (gpointer server);
void         jk_test_stop_at_exit        (gpointer       server,
                                          JkTestStopFunc stop);

G_END_DECLS
