/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "jk-clock.h"

G_BEGIN_DECLS

/* Watches for a visitor walking away. Armed while a visit is under way;
 * after `timeout` seconds without activity it emits "warning", then
 * "countdown" once a second, and after `warning` more seconds "expired".
 * Any activity during the warning emits "resumed". */
#define JK_TYPE_IDLE_MONITOR (jk_idle_monitor_get_type ())
G_DECLARE_FINAL_TYPE (JkIdleMonitor, jk_idle_monitor, JK, IDLE_MONITOR, GObject)

typedef enum {
  JK_IDLE_STATE_ACTIVE,
  JK_IDLE_STATE_WARNING,
} JkIdleState;

JkIdleMonitor *jk_idle_monitor_new              (JkClock       *clock,
                                                 guint          timeout_seconds,
                                                 guint          warning_seconds);
void           jk_idle_monitor_set_armed        (JkIdleMonitor *self,
                                                 gboolean       armed);
gboolean       jk_idle_monitor_get_armed        (JkIdleMonitor *self);
void           jk_idle_monitor_poke             (JkIdleMonitor *self);
void           jk_idle_monitor_check            (JkIdleMonitor *self);
JkIdleState    jk_idle_monitor_get_state        (JkIdleMonitor *self);
guint          jk_idle_monitor_get_seconds_left (JkIdleMonitor *self);
guint          jk_idle_monitor_get_timeout      (JkIdleMonitor *self);
guint          jk_idle_monitor_get_warning      (JkIdleMonitor *self);
void           jk_idle_monitor_set_timeout      (JkIdleMonitor *self,
                                                 guint          timeout_seconds);

G_END_DECLS
