/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-calendar-refresher.h: today's appointments kept fresh while the kiosk runs */
#pragma once

#include <gio/gio.h>

#include "jk-clock.h"
#include "jk-config.h"

G_BEGIN_DECLS

/* Fetches the [checkin] calendars (jk_appointments_sync, conditional GETs)
 * in a worker thread every [checkin] refresh-minutes, and purges past
 * days (also without calendars: a walk-in's number is kept for its day
 * only); a calendar that fails keeps its appointments. Emits "updated" on
 * the main thread after each round. */
#define JK_TYPE_CALENDAR_REFRESHER (jk_calendar_refresher_get_type ())
G_DECLARE_FINAL_TYPE (JkCalendarRefresher, jk_calendar_refresher, JK, CALENDAR_REFRESHER, GObject)

JkCalendarRefresher *jk_calendar_refresher_new      (const JkConfig      *config,
                                                     const char          *database_path,
                                                     JkClock             *clock);
/* Syncs now, then every refresh-minutes. */
void                 jk_calendar_refresher_start    (JkCalendarRefresher *self);
void                 jk_calendar_refresher_stop     (JkCalendarRefresher *self);
gboolean             jk_calendar_refresher_is_busy  (JkCalendarRefresher *self);

G_END_DECLS
