/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-idle.c: the idle timer behind the visitor wipe (WCAG 2.2.1) */

#define G_LOG_DOMAIN "jk-idle"

#include "jobkiosk/jk-idle.h"

struct _JkIdleMonitor
{
  GObject parent_instance;

  JkClock *clock;
  guint timeout;   /* seconds */
  guint warning;   /* seconds */
  gboolean armed;
  JkIdleState state;
  gint64 last_activity;
  guint seconds_left;
  guint tick_id;
};

enum {
  SIGNAL_WARNING,
  SIGNAL_COUNTDOWN,
  SIGNAL_RESUMED,
  SIGNAL_EXPIRED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JkIdleMonitor, jk_idle_monitor, G_TYPE_OBJECT)

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static gboolean
tick_cb (gpointer user_data)
{
  jk_idle_monitor_check (user_data);
  return G_SOURCE_CONTINUE;
}

static void
on_clock_advanced (JkClock       *clock,
                   JkIdleMonitor *self)
{
  jk_idle_monitor_check (self);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_idle_monitor_dispose (GObject *object)
{
  JkIdleMonitor *self = JK_IDLE_MONITOR (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  g_clear_object (&self->clock);
  G_OBJECT_CLASS (jk_idle_monitor_parent_class)->dispose (object);
}

static void
jk_idle_monitor_class_init (JkIdleMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jk_idle_monitor_dispose;

  signals[SIGNAL_WARNING] = g_signal_new ("warning", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_COUNTDOWN] = g_signal_new ("countdown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_RESUMED] = g_signal_new ("resumed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_EXPIRED] = g_signal_new ("expired", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jk_idle_monitor_init (JkIdleMonitor *self)
{
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkIdleMonitor *
jk_idle_monitor_new (JkClock *clock,
                     guint    timeout_seconds,
                     guint    warning_seconds)
{
  JkIdleMonitor *self = g_object_new (JK_TYPE_IDLE_MONITOR, NULL);

  self->clock = g_object_ref (clock);
  self->timeout = timeout_seconds;
  self->warning = MAX (warning_seconds, 20); /* WCAG 2.2.1: at least 20 s to answer */
  self->last_activity = jk_clock_get_monotonic (clock);
  g_signal_connect (clock, "advanced", G_CALLBACK (on_clock_advanced), self);
  return self;
}

void
jk_idle_monitor_set_armed (JkIdleMonitor *self,
                           gboolean       armed)
{
  armed = !!armed;
  if (self->armed == armed)
    return;
  self->armed = armed;
  self->last_activity = jk_clock_get_monotonic (self->clock);
  if (armed && !jk_clock_is_fake (self->clock))
    self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
  else
    g_clear_handle_id (&self->tick_id, g_source_remove);
  if (!armed && self->state == JK_IDLE_STATE_WARNING)
    {
      self->state = JK_IDLE_STATE_ACTIVE;
      g_signal_emit (self, signals[SIGNAL_RESUMED], 0);
    }
}

gboolean
jk_idle_monitor_get_armed (JkIdleMonitor *self)
{
  return self->armed;
}

void
jk_idle_monitor_poke (JkIdleMonitor *self)
{
  self->last_activity = jk_clock_get_monotonic (self->clock);
  if (self->state == JK_IDLE_STATE_WARNING)
    {
      self->state = JK_IDLE_STATE_ACTIVE;
      g_signal_emit (self, signals[SIGNAL_RESUMED], 0);
    }
}

void
jk_idle_monitor_check (JkIdleMonitor *self)
{
  gint64 idle_us;
  gint64 total_us;

  if (!self->armed)
    return;

  idle_us = jk_clock_get_monotonic (self->clock) - self->last_activity;
  total_us = (gint64) (self->timeout + self->warning) * G_USEC_PER_SEC;

  if (idle_us >= total_us)
    {
      self->state = JK_IDLE_STATE_ACTIVE;
      self->seconds_left = 0;
      self->last_activity = jk_clock_get_monotonic (self->clock);
      g_signal_emit (self, signals[SIGNAL_EXPIRED], 0);
      return;
    }
  if (idle_us >= (gint64) self->timeout * G_USEC_PER_SEC)
    {
      guint left = (guint) ((total_us - idle_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

      if (self->state != JK_IDLE_STATE_WARNING)
        {
          self->state = JK_IDLE_STATE_WARNING;
          self->seconds_left = left;
          g_signal_emit (self, signals[SIGNAL_WARNING], 0, left);
        }
      else if (left != self->seconds_left)
        {
          self->seconds_left = left;
          g_signal_emit (self, signals[SIGNAL_COUNTDOWN], 0, left);
        }
    }
}

JkIdleState
jk_idle_monitor_get_state (JkIdleMonitor *self)
{
  return self->state;
}

guint
jk_idle_monitor_get_seconds_left (JkIdleMonitor *self)
{
  return self->seconds_left;
}

guint
jk_idle_monitor_get_timeout (JkIdleMonitor *self)
{
  return self->timeout;
}

/* Takes effect at the next check: staff mode's longer time, or a center's
 * new idle time from staff settings. */
void
jk_idle_monitor_set_timeout (JkIdleMonitor *self,
                             guint          timeout_seconds)
{
  g_return_if_fail (JK_IS_IDLE_MONITOR (self));
  self->timeout = timeout_seconds;
  jk_idle_monitor_check (self);
}

guint
jk_idle_monitor_get_warning (JkIdleMonitor *self)
{
  return self->warning;
}
