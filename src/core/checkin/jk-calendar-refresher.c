/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-calendar-refresher.c: today's appointments kept fresh while the kiosk runs */

#define G_LOG_DOMAIN "jk-calendar-refresher"

#include <jobkiosk/jk-appointments.h>
#include <jobkiosk/jk-calendar-refresher.h>
#include <jobkiosk/jk-task.h>

struct _JkCalendarRefresher
{
  GObject parent_instance;

  const JkConfig *config;
  char *database_path;
  JkClock *clock;
  GCancellable *cancellable;
  guint timeout_id;
  gboolean busy;
};

enum {
  SIGNAL_UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JkCalendarRefresher, jk_calendar_refresher, G_TYPE_OBJECT)

typedef struct {
  const JkConfig *config;
  char *database_path;
  gint64 now;
} SyncJob;

static void
sync_job_free (gpointer data)
{
  SyncJob *job = data;

  g_free (job->database_path);
  g_free (job);
}

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static gboolean
sync_work (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  SyncJob *job = data;
  g_autoptr (GPtrArray) reports = NULL;

  /* Without calendars there is nothing to fetch, but walk-ins' numbers
   * and arrivals are still today's only. */
  if (job->config->checkin_calendars == NULL)
    return jk_appointments_purge (job->database_path, job->now, error) >= 0;
  reports = jk_appointments_sync (job->config, job->database_path, job->now, error);
  if (reports == NULL)
    return FALSE;
  for (guint i = 0; i < reports->len; i++)
    {
      const JkAppointmentsReport *report = reports->pdata[i];

      /* The calendar's address only: never an event's text. */
      if (report->error != NULL)
        g_warning ("The calendar %s could not be read: %s", report->source, report->error);
    }
  return TRUE;
}

static void
on_synced (gpointer      source,
           gpointer      data,
           const GError *error)
{
  JkCalendarRefresher *self = source;

  self->busy = FALSE;
  if (error != NULL)
    g_warning ("The appointments could not be brought up to date: %s", error->message);
  g_signal_emit (self, signals[SIGNAL_UPDATED], 0);
}

static gboolean
sync_cb (gpointer user_data)
{
  JkCalendarRefresher *self = user_data;
  g_autoptr (GDateTime) now = jk_clock_now_local (self->clock);
  SyncJob *job;

  if (self->busy)
    return G_SOURCE_CONTINUE;
  job = g_new0 (SyncJob, 1);
  job->config = self->config;
  job->database_path = g_strdup (self->database_path);
  job->now = g_date_time_to_unix (now);
  self->busy = TRUE;
  jk_task_run (self, self->cancellable, "jk-calendar-sync", sync_work, on_synced, job, sync_job_free);
  return G_SOURCE_CONTINUE;
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_calendar_refresher_dispose (GObject *object)
{
  JkCalendarRefresher *self = JK_CALENDAR_REFRESHER (object);

  jk_calendar_refresher_stop (self);
  g_clear_object (&self->clock);
  G_OBJECT_CLASS (jk_calendar_refresher_parent_class)->dispose (object);
}

static void
jk_calendar_refresher_finalize (GObject *object)
{
  JkCalendarRefresher *self = JK_CALENDAR_REFRESHER (object);

  g_clear_object (&self->cancellable);
  g_free (self->database_path);
  G_OBJECT_CLASS (jk_calendar_refresher_parent_class)->finalize (object);
}

static void
jk_calendar_refresher_class_init (JkCalendarRefresherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jk_calendar_refresher_dispose;
  object_class->finalize = jk_calendar_refresher_finalize;
  signals[SIGNAL_UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                          NULL, G_TYPE_NONE, 0);
}

static void
jk_calendar_refresher_init (JkCalendarRefresher *self)
{
  self->cancellable = g_cancellable_new ();
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkCalendarRefresher *
jk_calendar_refresher_new (const JkConfig *config,
                           const char     *database_path,
                           JkClock        *clock)
{
  JkCalendarRefresher *self = g_object_new (JK_TYPE_CALENDAR_REFRESHER, NULL);

  self->config = config;
  self->database_path = g_strdup (database_path);
  self->clock = g_object_ref (clock);
  return self;
}

void
jk_calendar_refresher_start (JkCalendarRefresher *self)
{
  if (self->timeout_id != 0)
    return;
  sync_cb (self);
  self->timeout_id = g_timeout_add_seconds (self->config->checkin_refresh * 60, sync_cb, self);
  g_source_set_name_by_id (self->timeout_id, "[jk-calendar-refresher] sync");
}

void
jk_calendar_refresher_stop (JkCalendarRefresher *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = FALSE;
}

gboolean
jk_calendar_refresher_is_busy (JkCalendarRefresher *self)
{
  return self->busy;
}
