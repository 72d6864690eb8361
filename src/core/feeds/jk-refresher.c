/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-refresher.c: background feed syncs while the kiosk runs */

#define G_LOG_DOMAIN "jk-refresher"

#include <jobkiosk/jk-i18n.h>

#include "jobkiosk/jk-format.h"
#include "jobkiosk/jk-refresher.h"
#include "jobkiosk/jk-task.h"
#include "jobkiosk/jk-sync.h"

/* Syncs at once, each on its own thread and connection: a server that
 * never answers holds only its own feed (for its timeout at most). */
#define MAX_RUNNING 4

struct _JkRefresher
{
  GObject parent_instance;

  GPtrArray *sources;        /* JkSource */
  GHashTable *next_due;      /* source name → monotonic µs */
  JkSyncOptions options;
  char *database_path;
  JkClock *clock;
  GCancellable *cancellable;
  guint tick_id;
  GHashTable *running;       /* names of the sources being synced */
};

typedef struct {
  JkSource *source;          /* borrowed from the refresher, which outlives the task */
  JkSyncOptions *options;
  char *database_path;
  gint64 now;
  GCancellable *cancellable; /* stops the sync; the refresher still hears it ended */
} SyncJob;

enum {
  SIGNAL_UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JkRefresher, jk_refresher, G_TYPE_OBJECT)

static void schedule_due (JkRefresher *self);

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
sync_job_free (SyncJob *job)
{
  g_free (job->database_path);
  g_clear_object (&job->cancellable);
  g_free (job);
}

/* Worker thread: its own connection, so the window's reads never wait on it. */
static gboolean
sync_work (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  SyncJob *job = data;
  /* The kiosk checked and migrated the database at start: a plain writer. */
  g_autoptr (JkStore) store = jk_store_open_writer (job->database_path, error);
  JkSyncReport report = { 0 };
  gboolean ok;

  ok = store != NULL && jk_sync_source (store, job->source, job->options, job->now, &report, job->cancellable, error);
  if (ok)
    g_info ("feed %s: %s", report.source, jk_sync_outcome_to_string (report.outcome));
  jk_sync_report_clear (&report);
  return ok;
}

static void
on_sync_done (gpointer      source,
              gpointer      data,
              const GError *error)
{
  JkRefresher *self = JK_REFRESHER (source);
  SyncJob *job = data;

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Updating the job listings failed: %s", error->message);
  g_hash_table_remove (self->running, job->source->name);
  g_signal_emit (self, signals[SIGNAL_UPDATED], 0);
  schedule_due (self);
}

/* Starts every source that is due and not being synced already. */
static void
schedule_due (JkRefresher *self)
{
  gint64 now_us = jk_clock_get_monotonic (self->clock);

  if (self->cancellable == NULL)
    return;
  for (guint i = 0; i < self->sources->len && g_hash_table_size (self->running) < MAX_RUNNING; i++)
    {
      JkSource *source = self->sources->pdata[i];
      gint64 *due = g_hash_table_lookup (self->next_due, source->name);
      g_autoptr (GDateTime) wall = NULL;
      SyncJob *job;

      if (!source->enabled || (due != NULL && *due > now_us) || g_hash_table_contains (self->running, source->name))
        continue;
      if (due == NULL)
        {
          due = g_new (gint64, 1);
          g_hash_table_insert (self->next_due, g_strdup (source->name), due);
        }
      *due = now_us + (gint64) source->refresh_minutes * 60 * G_USEC_PER_SEC;

      wall = jk_clock_now_local (self->clock);
      job = g_new0 (SyncJob, 1);
      job->source = source;
      job->options = &self->options;
      job->database_path = g_strdup (self->database_path);
      job->now = g_date_time_to_unix (wall);
      job->cancellable = g_object_ref (self->cancellable);
      g_hash_table_add (self->running, g_strdup (source->name));
      /* No cancellable here: a stopped sync still ends in on_sync_done. */
      jk_task_run (self, NULL, "jk-feed-sync", sync_work, on_sync_done, job, (GDestroyNotify) sync_job_free);
    }
}

static gboolean
tick_cb (gpointer user_data)
{
  schedule_due (user_data);
  return G_SOURCE_CONTINUE;
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_refresher_dispose (GObject *object)
{
  JkRefresher *self = JK_REFRESHER (object);

  jk_refresher_stop (self);
  G_OBJECT_CLASS (jk_refresher_parent_class)->dispose (object);
}

static void
jk_refresher_finalize (GObject *object)
{
  JkRefresher *self = JK_REFRESHER (object);

  g_ptr_array_unref (self->sources);
  g_hash_table_unref (self->next_due);
  g_hash_table_unref (self->running);
  jk_sync_options_clear (&self->options);
  g_free (self->database_path);
  g_clear_object (&self->clock);
  G_OBJECT_CLASS (jk_refresher_parent_class)->finalize (object);
}

static void
jk_refresher_class_init (JkRefresherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jk_refresher_dispose;
  object_class->finalize = jk_refresher_finalize;

  signals[SIGNAL_UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jk_refresher_init (JkRefresher *self)
{
  self->next_due = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->running = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkRefresher *
jk_refresher_new (const JkConfig *config,
                  const char     *database_path,
                  JkClock        *clock)
{
  JkRefresher *self = g_object_new (JK_TYPE_REFRESHER, NULL);

  self->sources = jk_sources_from_config (config, NULL);
  self->database_path = g_strdup (database_path);
  self->clock = g_object_ref (clock);
  jk_sync_options_init (&self->options, config, database_path);
  return self;
}

void
jk_refresher_start (JkRefresher *self)
{
  if (self->cancellable != NULL)
    return;
  self->cancellable = g_cancellable_new ();
  self->tick_id = g_timeout_add_seconds (60, tick_cb, self);
  schedule_due (self);
}

void
jk_refresher_stop (JkRefresher *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

gboolean
jk_refresher_is_busy (JkRefresher *self)
{
  return g_hash_table_size (self->running) > 0;
}

guint
jk_refresher_sync_now (JkRefresher *self)
{
  guint before;

  g_return_val_if_fail (JK_IS_REFRESHER (self), 0);

  if (self->cancellable == NULL)
    return 0;
  /* A source with no due time is due now (schedule_due). */
  g_hash_table_remove_all (self->next_due);
  before = g_hash_table_size (self->running);
  schedule_due (self);
  return g_hash_table_size (self->running) - before;
}

char *
jk_refresher_describe (GPtrArray *source_statuses,
                       GDateTime *now)
{
  gint64 newest_good = 0, newest_check = 0;
  gboolean any_failing = FALSE;
  gint64 minutes;

  if (source_statuses == NULL || source_statuses->len == 0)
    return NULL;
  for (guint i = 0; i < source_statuses->len; i++)
    {
      const JkSourceStatus *status = source_statuses->pdata[i];

      newest_good = MAX (newest_good, status->last_good_sync);
      newest_check = MAX (newest_check, MAX (status->last_checked, status->last_good_sync));
      if (g_strcmp0 (status->state, "failing") == 0 || g_strcmp0 (status->state, "suspect") == 0)
        any_failing = TRUE;
    }
  if (newest_good == 0)
    return g_strdup (any_failing ? _("Can't reach the job bank right now, and no listings are saved yet.")
                                 : _("Getting the latest job listings…"));

  if (any_failing)
    {
      g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (newest_good);
      g_autoptr (GDateTime) then = g_date_time_to_local (utc);
      g_autofree char *time = jk_format_time_of_day (then);

      /* TRANSLATORS: weekday and time of day: "Tuesday 9:40 AM" */
      return g_strdup_printf (_("Can't reach the job bank right now: showing listings from %s %s"),
                              jk_format_weekday_name (g_date_time_get_day_of_week (then)), time);
    }

  minutes = MAX (0, (g_date_time_to_unix (now) - newest_check) / 60);
  if (minutes < 1)
    return g_strdup (_("Updated just now"));
  if (minutes < 60)
    return g_strdup_printf (jk_ngettext ("Updated %d minute ago", "Updated %d minutes ago",
                                         (gulong) minutes),
                            (int) minutes);
  if (minutes < 48 * 60)
    return g_strdup_printf (jk_ngettext ("Updated %d hour ago", "Updated %d hours ago",
                                         (gulong) (minutes / 60)),
                            (int) (minutes / 60));
  return g_strdup_printf (jk_ngettext ("Updated %d day ago", "Updated %d days ago",
                                       (gulong) (minutes / (24 * 60))),
                          (int) (minutes / (24 * 60)));
}
