/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jk-clock.h"
#include "jk-config.h"

G_BEGIN_DECLS

/* Keeps the job cache fresh while the kiosk runs: each enabled source is
 * synced in a worker thread (GTask, its own database connection) when its
 * refresh interval has passed, so the window keeps reading while it
 * writes. Emits "updated" on the main thread after each sync. */
#define JK_TYPE_REFRESHER (jk_refresher_get_type ())
G_DECLARE_FINAL_TYPE (JkRefresher, jk_refresher, JK, REFRESHER, GObject)

JkRefresher *jk_refresher_new          (const JkConfig *config,
                                        const char     *database_path,
                                        JkClock        *clock);
/* Syncs what is due now and checks again every minute. */
void         jk_refresher_start        (JkRefresher    *self);
void         jk_refresher_stop         (JkRefresher    *self);
gboolean     jk_refresher_is_busy      (JkRefresher    *self);
/* Staff's "Sync now": every enabled source not being synced already is
 * synced at once, due or not ("updated" follows each). Returns how many
 * were started: 0 when all were running, or the refresher is stopped. */
guint        jk_refresher_sync_now     (JkRefresher    *self);

/* One line for visitors on how fresh the listings are:
 * "Updated 12 minutes ago", or "Can't reach the job bank right now:
 * showing listings from Tuesday 9:40 AM". NULL when there are no feeds. */
char        *jk_refresher_describe     (GPtrArray      *source_statuses,
                                        GDateTime      *now);

G_END_DECLS
