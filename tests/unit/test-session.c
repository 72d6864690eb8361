/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-session.c: a visit's state, its wipe, and the idle timer with a fake clock */

#include <jobkiosk/jk-clock.h>
#include <jobkiosk/jk-idle.h>
#include <jobkiosk/jk-session.h>

static void
count_free (gpointer data)
{
  guint *freed = data;
  (*freed)++;
}

static void
count_signal (gpointer instance,
              gpointer user_data)
{
  guint *count = user_data;
  (*count)++;
}

static void
test_reset_frees_everything (void)
{
  g_autoptr (JkSession) session = jk_session_new ("en", FALSE, FALSE);
  guint freed = 0, resets = 0;
  g_autofree char *typed = g_strdup ("Núñez 45402");
  GWeakRef weak;
  GObject *held = g_object_new (G_TYPE_OBJECT, NULL);
  guint first_visit = jk_session_get_visit_number (session);

  g_signal_connect (session, "reset", G_CALLBACK (count_signal), &resets);
  g_assert_true (jk_session_is_pristine (session));

  jk_session_set_data (session, "saved-jobs", &freed, count_free);
  jk_session_set_data (session, "job-log", &freed, count_free);
  jk_session_set_data (session, "typed", g_steal_pointer (&typed), g_free);
  g_weak_ref_init (&weak, held);
  jk_session_set_data (session, "object", held, g_object_unref);
  jk_session_set_language (session, "es");
  jk_session_set_high_contrast (session, TRUE);
  jk_session_set_large_text (session, TRUE);
  g_assert_false (jk_session_is_pristine (session));
  g_assert_cmpuint (jk_session_get_n_items (session), ==, 4);

  /* Replacing an item frees the old one. */
  jk_session_set_data (session, "job-log", &freed, count_free);
  g_assert_cmpuint (freed, ==, 1);

  jk_session_reset (session);
  g_assert_cmpuint (freed, ==, 3);
  g_assert_null (g_weak_ref_get (&weak));
  g_weak_ref_clear (&weak);
  g_assert_cmpuint (jk_session_get_n_items (session), ==, 0);
  g_assert_null (jk_session_get_data (session, "typed"));
  g_assert_cmpstr (jk_session_get_language (session), ==, "en");
  g_assert_false (jk_session_get_high_contrast (session));
  g_assert_false (jk_session_get_large_text (session));
  g_assert_true (jk_session_is_pristine (session));
  g_assert_cmpuint (resets, ==, 1);
  g_assert_cmpuint (jk_session_get_visit_number (session), ==, first_visit + 1);
}

static void
record_order (JkSession  *session,
              GPtrArray  *order)
{
  g_ptr_array_add (order, g_strdup_printf ("reset in %s", jk_session_get_language (session)));
}

static void
record_language (JkSession  *session,
                 GParamSpec *pspec,
                 GPtrArray  *order)
{
  g_ptr_array_add (order, g_strdup_printf ("language %s", jk_session_get_language (session)));
}

/* Pages reset while the old visit's language still holds, and the default
 * language comes back after: otherwise a page redoes the old visitor's
 * search in the new language before its reset cancels it. */
static void
test_reset_before_defaults (void)
{
  g_autoptr (JkSession) session = jk_session_new ("en", FALSE, FALSE);
  g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_free);

  jk_session_set_language (session, "es");
  g_signal_connect (session, "reset", G_CALLBACK (record_order), order);
  g_signal_connect (session, "notify::language", G_CALLBACK (record_language), order);
  jk_session_reset (session);
  g_assert_cmpuint (order->len, ==, 2);
  g_assert_cmpstr (order->pdata[0], ==, "reset in es");
  g_assert_cmpstr (order->pdata[1], ==, "language en");
}

/* Counts add up, leave the visit pristine, are stolen whole and go at reset. */
static void
test_counts (void)
{
  g_autoptr (JkSession) session = jk_session_new ("en", FALSE, FALSE);
  g_autoptr (GHashTable) stolen = NULL;

  jk_session_count (session, "searches", 1);
  jk_session_count (session, "searches", 1);
  jk_session_count (session, "pages-printed", 3);
  g_assert_cmpuint (jk_session_get_count (session, "searches"), ==, 2);
  g_assert_cmpuint (jk_session_get_count (session, "qr-shown"), ==, 0);
  g_assert_true (jk_session_is_pristine (session));

  stolen = jk_session_steal_counts (session);
  g_assert_cmpuint (g_hash_table_size (stolen), ==, 2);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (stolen, "pages-printed")), ==, 3);
  g_assert_cmpuint (jk_session_get_count (session, "searches"), ==, 0);

  jk_session_count (session, "jobs-viewed", 1);
  jk_session_reset (session);
  g_assert_cmpuint (jk_session_get_count (session, "jobs-viewed"), ==, 0);
}

static void
test_defaults_from_config (void)
{
  g_autoptr (JkSession) session = jk_session_new ("es", TRUE, FALSE);

  g_assert_cmpstr (jk_session_get_language (session), ==, "es");
  g_assert_true (jk_session_get_high_contrast (session));
  jk_session_set_language (session, "en");
  jk_session_set_high_contrast (session, FALSE);
  jk_session_reset (session);
  /* Back to this kiosk's defaults, not to English. */
  g_assert_cmpstr (jk_session_get_language (session), ==, "es");
  g_assert_true (jk_session_get_high_contrast (session));
}

typedef struct {
  guint warnings;
  guint countdowns;
  guint resumed;
  guint expired;
  guint last_left;
} IdleLog;

static void
on_warning (JkIdleMonitor *idle, guint left, IdleLog *log)
{
  log->warnings++;
  log->last_left = left;
}

static void
on_countdown (JkIdleMonitor *idle, guint left, IdleLog *log)
{
  log->countdowns++;
  log->last_left = left;
}

static void
on_resumed (JkIdleMonitor *idle, IdleLog *log)
{
  log->resumed++;
}

static void
on_expired (JkIdleMonitor *idle, IdleLog *log)
{
  log->expired++;
}

static JkIdleMonitor *
new_monitor (JkClock *clock, guint timeout, guint warning, IdleLog *log)
{
  JkIdleMonitor *idle = jk_idle_monitor_new (clock, timeout, warning);

  g_signal_connect (idle, "warning", G_CALLBACK (on_warning), log);
  g_signal_connect (idle, "countdown", G_CALLBACK (on_countdown), log);
  g_signal_connect (idle, "resumed", G_CALLBACK (on_resumed), log);
  g_signal_connect (idle, "expired", G_CALLBACK (on_expired), log);
  return idle;
}

static void
test_idle_warns_then_expires (void)
{
  g_autoptr (JkClock) clock = jk_clock_new_fake (NULL);
  IdleLog log = { 0 };
  g_autoptr (JkIdleMonitor) idle = new_monitor (clock, 90, 30, &log);

  /* Disarmed (an untouched home screen): time passes, nothing happens. */
  jk_clock_advance (clock, 500 * G_USEC_PER_SEC);
  g_assert_cmpuint (log.warnings + log.expired, ==, 0);

  jk_idle_monitor_set_armed (idle, TRUE);
  jk_clock_advance (clock, 89 * G_USEC_PER_SEC);
  g_assert_cmpuint (log.warnings, ==, 0);
  jk_clock_advance (clock, 1 * G_USEC_PER_SEC);
  g_assert_cmpuint (log.warnings, ==, 1);
  g_assert_cmpuint (log.last_left, ==, 30);
  g_assert_cmpint (jk_idle_monitor_get_state (idle), ==, JK_IDLE_STATE_WARNING);

  for (int i = 0; i < 29; i++)
    jk_clock_advance (clock, G_USEC_PER_SEC);
  g_assert_cmpuint (log.countdowns, ==, 29);
  g_assert_cmpuint (log.last_left, ==, 1);
  g_assert_cmpuint (log.expired, ==, 0);
  jk_clock_advance (clock, G_USEC_PER_SEC);
  g_assert_cmpuint (log.expired, ==, 1);
  g_assert_cmpint (jk_idle_monitor_get_state (idle), ==, JK_IDLE_STATE_ACTIVE);
}

static void
test_idle_touch_resumes (void)
{
  g_autoptr (JkClock) clock = jk_clock_new_fake (NULL);
  IdleLog log = { 0 };
  g_autoptr (JkIdleMonitor) idle = new_monitor (clock, 90, 30, &log);

  jk_idle_monitor_set_armed (idle, TRUE);
  jk_clock_advance (clock, 100 * G_USEC_PER_SEC);
  g_assert_cmpuint (log.warnings, ==, 1);
  jk_idle_monitor_poke (idle);
  g_assert_cmpuint (log.resumed, ==, 1);
  /* A full new idle period is needed before the next warning. */
  jk_clock_advance (clock, 89 * G_USEC_PER_SEC);
  g_assert_cmpuint (log.warnings, ==, 1);
  g_assert_cmpuint (log.expired, ==, 0);
  /* Activity before the warning just moves the deadline. */
  jk_idle_monitor_poke (idle);
  g_assert_cmpuint (log.resumed, ==, 1);
  jk_clock_advance (clock, 60 * G_USEC_PER_SEC);
  g_assert_cmpuint (log.warnings, ==, 1);
}

/* WCAG 2.2.1: at least 20 seconds to answer, whatever is configured. */
static void
test_idle_warning_at_least_20s (void)
{
  g_autoptr (JkClock) clock = jk_clock_new_fake (NULL);
  IdleLog log = { 0 };
  g_autoptr (JkIdleMonitor) idle = new_monitor (clock, 30, 5, &log);

  g_assert_cmpuint (jk_idle_monitor_get_warning (idle), ==, 20);
  jk_idle_monitor_set_armed (idle, TRUE);
  jk_clock_advance (clock, 49 * G_USEC_PER_SEC);
  g_assert_cmpuint (log.expired, ==, 0);
  jk_clock_advance (clock, 1 * G_USEC_PER_SEC);
  g_assert_cmpuint (log.expired, ==, 1);
}

static void
test_fake_clock (void)
{
  g_autoptr (GDateTime) start = g_date_time_new_local (2026, 11, 22, 9, 40, 0);
  g_autoptr (JkClock) clock = jk_clock_new_fake (start);
  g_autoptr (GDateTime) later = NULL;
  gint64 t0 = jk_clock_get_monotonic (clock);

  jk_clock_advance (clock, 3 * G_TIME_SPAN_HOUR);
  later = jk_clock_now_local (clock);
  g_assert_cmpint (g_date_time_get_hour (later), ==, 12);
  g_assert_cmpint (jk_clock_get_monotonic (clock) - t0, ==, 3 * G_TIME_SPAN_HOUR);
  g_assert_false (jk_clock_is_fake (jk_clock_get_default ()));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session/reset-frees-everything", test_reset_frees_everything);
  g_test_add_func ("/session/reset-before-defaults", test_reset_before_defaults);
  g_test_add_func ("/session/defaults-from-config", test_defaults_from_config);
  g_test_add_func ("/session/counts", test_counts);
  g_test_add_func ("/idle/warns-then-expires", test_idle_warns_then_expires);
  g_test_add_func ("/idle/touch-resumes", test_idle_touch_resumes);
  g_test_add_func ("/idle/warning-at-least-20s", test_idle_warning_at_least_20s);
  g_test_add_func ("/clock/fake", test_fake_clock);
  return g_test_run ();
}
