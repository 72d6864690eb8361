/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <jobkiosk/jk-clock.h>
#include <jobkiosk/jk-store.h>

G_BEGIN_DECLS

/* One line telling a visitor how fresh the job listings are: "Updated 12
 * minutes ago", or "Can't reach the job bank right now: showing listings
 * from Tuesday 9:40 AM". Reads the feeds' state through the window's own
 * database connection. */
#define JK_TYPE_FEED_STATUS (jk_feed_status_get_type ())
G_DECLARE_FINAL_TYPE (JkFeedStatus, jk_feed_status, JK, FEED_STATUS, GtkBox)

GtkWidget   *jk_feed_status_new        (JkStore      *store,
                                        JkClock      *clock);
/* Reads the state again (after a sync, a minute passing, a language switch). */
void         jk_feed_status_update     (JkFeedStatus *self);
const char  *jk_feed_status_get_text   (JkFeedStatus *self);

G_END_DECLS
