/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The kiosk's notion of time. The real clock reads the system; a fake one
 * is moved by tests, so an idle wipe or "posted 2 days ago" needs no waiting. */
#define JK_TYPE_CLOCK (jk_clock_get_type ())
G_DECLARE_FINAL_TYPE (JkClock, jk_clock, JK, CLOCK, GObject)

JkClock     *jk_clock_get_default      (void);
JkClock     *jk_clock_new_fake         (GDateTime *start);

gboolean     jk_clock_is_fake          (JkClock   *self);
/* Microseconds, never going backwards. */
gint64       jk_clock_get_monotonic    (JkClock   *self);
GDateTime   *jk_clock_now_local        (JkClock   *self);
/* Fake clocks only: moves time on and emits "advanced". */
void         jk_clock_advance          (JkClock   *self,
                                        GTimeSpan  span);

G_END_DECLS
