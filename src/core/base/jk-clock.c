/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-clock.c: real and fake time */

#define G_LOG_DOMAIN "jk-clock"

#include "jobkiosk/jk-clock.h"

struct _JkClock
{
  GObject parent_instance;

  gboolean fake;
  gint64 fake_monotonic;
  GDateTime *fake_now;
};

enum {
  SIGNAL_ADVANCED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JkClock, jk_clock, G_TYPE_OBJECT)

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_clock_finalize (GObject *object)
{
  JkClock *self = JK_CLOCK (object);

  g_clear_pointer (&self->fake_now, g_date_time_unref);
  G_OBJECT_CLASS (jk_clock_parent_class)->finalize (object);
}

static void
jk_clock_class_init (JkClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jk_clock_finalize;

  /* Emitted by a fake clock when a test moves it on. */
  signals[SIGNAL_ADVANCED] = g_signal_new ("advanced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jk_clock_init (JkClock *self)
{
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkClock *
jk_clock_get_default (void)
{
  static JkClock *real_clock;

  if (g_once_init_enter (&real_clock))
    g_once_init_leave (&real_clock, g_object_new (JK_TYPE_CLOCK, NULL));
  return real_clock;
}

JkClock *
jk_clock_new_fake (GDateTime *start)
{
  JkClock *self = g_object_new (JK_TYPE_CLOCK, NULL);

  self->fake = TRUE;
  self->fake_monotonic = 1000000;
  self->fake_now = start != NULL ? g_date_time_ref (start) : g_date_time_new_now_local ();
  return self;
}

gboolean
jk_clock_is_fake (JkClock *self)
{
  return self->fake;
}

gint64
jk_clock_get_monotonic (JkClock *self)
{
  return self->fake ? self->fake_monotonic : g_get_monotonic_time ();
}

GDateTime *
jk_clock_now_local (JkClock *self)
{
  return self->fake ? g_date_time_ref (self->fake_now) : g_date_time_new_now_local ();
}

void
jk_clock_advance (JkClock   *self,
                  GTimeSpan  span)
{
  GDateTime *later;

  g_return_if_fail (self->fake);
  g_return_if_fail (span >= 0);

  self->fake_monotonic += span;
  later = g_date_time_add (self->fake_now, span);
  g_date_time_unref (self->fake_now);
  self->fake_now = later;
  g_signal_emit (self, signals[SIGNAL_ADVANCED], 0);
}
