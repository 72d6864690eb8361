/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shared by the UI tests: wait for drawing, find widgets as a screen
 * reader would (by accessible name), save screenshots. */
void         jk_test_wait_drawn        (GtkWidget  *window);
void         jk_test_run_for           (guint       milliseconds);
GtkWidget   *jk_test_find_by_name      (GtkWidget  *root,
                                        const char *accessible_name);
GtkWidget   *jk_test_find_by_type      (GtkWidget  *root,
                                        GType       type);
void         jk_test_screenshot        (GtkWidget  *window,
                                        const char *name);
void         jk_test_require_display   (void);
/* A visible label showing exactly text, or NULL. */
GtkLabel    *jk_test_find_label        (GtkWidget  *root,
                                        const char *text);
/* Clicks the visible, sensitive button with this accessible name (fails the test if none). */
void         jk_test_click             (GtkWidget  *root,
                                        const char *accessible_name);
/* Runs the main loop until done() says so, failing after timeout_ms. */
void         jk_test_wait_until        (gboolean  (*done) (gpointer),
                                        gpointer    data,
                                        guint       timeout_ms);

G_END_DECLS
