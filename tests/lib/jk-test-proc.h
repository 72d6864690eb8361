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
void         jk_test_remove_tree         (const char *path);
guint16      jk_test_pick_free_port      (void);
char        *jk_test_read_text           (const char *path);

G_END_DECLS
