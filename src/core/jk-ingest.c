/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-ingest.c: a feed parsed on one thread and written on another */

#define G_LOG_DOMAIN "jk-ingest"

#include "jobkiosk/jk-ingest.h"

/* Rows cross between the threads in batches, so the lock is taken once per
 * batch; at most MAX_BATCHES wait, which bounds memory whatever the feed. */
#define BATCH_SIZE 64
#define MAX_BATCHES 8

typedef struct {
  JkSnapshot *snapshot;
  const char *path;
  JkFeedFormat format;
  JkFeedStats *stats;

  GMutex lock;
  GCond changed;
  GQueue batches;      /* of GPtrArray of JkSnapshotRow, oldest first */
  gboolean finished;   /* the parsing thread is done */
  gboolean parsed;     /* … and the whole feed parsed */
  GError *parse_error;
  gboolean stop;       /* the writer failed: parse no further */

  /* Parsing thread only. */
  GPtrArray *filling;
  gboolean claimed;    /* known_cb claimed the posting whose job comes next */
  gint64 claimed_row;
} Ingest;

static GPtrArray *
new_batch (void)
{
  return g_ptr_array_new_full (BATCH_SIZE, (GDestroyNotify) jk_snapshot_row_free);
}

/* Hands the filled batch to the writer, waiting while too many wait;
 * FALSE when the writer has stopped. */
static gboolean
push_batch (Ingest *ingest)
{
  gboolean stop;

  g_mutex_lock (&ingest->lock);
  while (g_queue_get_length (&ingest->batches) >= MAX_BATCHES && !ingest->stop)
    g_cond_wait (&ingest->changed, &ingest->lock);
  stop = ingest->stop;
  if (!stop && ingest->filling->len > 0)
    {
      g_queue_push_tail (&ingest->batches, ingest->filling);
      ingest->filling = new_batch ();
      g_cond_broadcast (&ingest->changed);
    }
  g_mutex_unlock (&ingest->lock);
  return !stop;
}

static gboolean
known_cb (const char *external_id,
          guint64     raw_hash,
          gpointer    user_data)
{
  Ingest *ingest = user_data;
  gint64 row = 0;

  if (!jk_snapshot_claim (ingest->snapshot, external_id, raw_hash, &row))
    return TRUE;
  ingest->claimed = TRUE;
  ingest->claimed_row = row;
  return FALSE;
}

static gboolean
job_cb (JkJob    *job,
        gpointer  user_data,
        GError  **error)
{
  Ingest *ingest = user_data;
  gint64 row = 0;

  if (ingest->claimed)
    {
      /* The job known_cb was just asked about. */
      row = ingest->claimed_row;
      ingest->claimed = FALSE;
    }
  else if (job->title == NULL || job->external_id == NULL
           || !jk_snapshot_claim (ingest->snapshot, job->external_id, job->raw_hash, &row))
    {
      jk_job_free (job);
      return TRUE;
    }
  g_ptr_array_add (ingest->filling, jk_snapshot_row_new (job, row));
  if (ingest->filling->len >= BATCH_SIZE && !push_batch (ingest))
    {
      g_set_error_literal (error, JK_FEED_ERROR, JK_FEED_ERROR_ABORTED, "Stopped: the postings could not be saved");
      return FALSE;
    }
  return TRUE;
}

static gpointer
parse_thread (gpointer data)
{
  Ingest *ingest = data;
  GError *error = NULL;
  gboolean ok;

  ok = jk_feed_parse_file_full (ingest->path, ingest->format, known_cb, job_cb, ingest, ingest->stats, &error);
  if (ok)
    push_batch (ingest);
  g_mutex_lock (&ingest->lock);
  ingest->finished = TRUE;
  ingest->parsed = ok;
  ingest->parse_error = error;
  g_cond_broadcast (&ingest->changed);
  g_mutex_unlock (&ingest->lock);
  return NULL;
}

gboolean
jk_ingest_file (JkSnapshot   *snapshot,
                const char   *path,
                JkFeedFormat  format,
                JkFeedStats  *stats,
                GError      **error)
{
  Ingest ingest = {
    .snapshot = snapshot,
    .path = path,
    .format = format,
    .stats = stats,
    .filling = new_batch (),
  };
  g_autoptr (GError) write_error = NULL;
  GThread *thread;

  g_mutex_init (&ingest.lock);
  g_cond_init (&ingest.changed);
  thread = g_thread_new ("jk-parse", parse_thread, &ingest);

  for (;;)
    {
      g_autoptr (GPtrArray) batch = NULL;

      g_mutex_lock (&ingest.lock);
      while (g_queue_is_empty (&ingest.batches) && !ingest.finished)
        g_cond_wait (&ingest.changed, &ingest.lock);
      batch = g_queue_pop_head (&ingest.batches);
      g_cond_broadcast (&ingest.changed);
      g_mutex_unlock (&ingest.lock);
      if (batch == NULL)
        break;

      /* After a failed write, batches are only drained until the parser
       * notices and stops. */
      for (guint i = 0; i < batch->len && write_error == NULL; i++)
        if (!jk_snapshot_write (snapshot, batch->pdata[i], &write_error))
          {
            g_mutex_lock (&ingest.lock);
            ingest.stop = TRUE;
            g_cond_broadcast (&ingest.changed);
            g_mutex_unlock (&ingest.lock);
          }
    }
  g_thread_join (thread);
  g_ptr_array_unref (ingest.filling);
  g_mutex_clear (&ingest.lock);
  g_cond_clear (&ingest.changed);

  if (write_error != NULL)
    {
      g_clear_error (&ingest.parse_error);
      g_propagate_error (error, g_steal_pointer (&write_error));
      return FALSE;
    }
  if (!ingest.parsed)
    {
      g_propagate_error (error, ingest.parse_error);
      return FALSE;
    }
  return TRUE;
}
