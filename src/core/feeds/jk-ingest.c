/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-ingest.c: a feed read, normalized and written on three threads */

#define G_LOG_DOMAIN "jk-ingest"

#include "feeds/jk-ingest-private.h"

/* Work crosses between threads in batches, so a lock is taken once per
 * batch; at most MAX_BATCHES wait in each queue, which bounds memory
 * whatever the feed's size. */
#define BATCH_SIZE 64
#define MAX_BATCHES 8

/* ---------------------------------------------------------------------- */
/* A bounded queue of batches between two threads                         */

typedef struct {
  GMutex lock;
  GCond changed;
  GQueue batches;
  gboolean closed;  /* the producer is done */
  gboolean stopped; /* the consumer gave up: pushing fails */
} BatchQueue;

static void
batch_queue_init (BatchQueue *queue)
{
  g_mutex_init (&queue->lock);
  g_cond_init (&queue->changed);
  g_queue_init (&queue->batches);
}

static void
batch_queue_clear (BatchQueue *queue)
{
  g_queue_clear_full (&queue->batches, (GDestroyNotify) g_ptr_array_unref);
  g_mutex_clear (&queue->lock);
  g_cond_clear (&queue->changed);
}

/* Waits while the queue is full; FALSE (batch not taken) once stopped. */
static gboolean
batch_queue_push (BatchQueue *queue,
                  GPtrArray  *batch)
{
  gboolean stopped;

  g_mutex_lock (&queue->lock);
  while (g_queue_get_length (&queue->batches) >= MAX_BATCHES && !queue->stopped)
    g_cond_wait (&queue->changed, &queue->lock);
  stopped = queue->stopped;
  if (!stopped)
    {
      g_queue_push_tail (&queue->batches, batch);
      g_cond_broadcast (&queue->changed);
    }
  g_mutex_unlock (&queue->lock);
  return !stopped;
}

/* The next batch, waiting for one; NULL when closed and empty. */
static GPtrArray *
batch_queue_pop (BatchQueue *queue)
{
  GPtrArray *batch;

  g_mutex_lock (&queue->lock);
  while (g_queue_is_empty (&queue->batches) && !queue->closed)
    g_cond_wait (&queue->changed, &queue->lock);
  batch = g_queue_pop_head (&queue->batches);
  g_cond_broadcast (&queue->changed);
  g_mutex_unlock (&queue->lock);
  return batch;
}

static void
batch_queue_set (BatchQueue *queue,
                 gboolean   *flag)
{
  g_mutex_lock (&queue->lock);
  *flag = TRUE;
  g_cond_broadcast (&queue->changed);
  g_mutex_unlock (&queue->lock);
}

static void
batch_queue_close (BatchQueue *queue)
{
  batch_queue_set (queue, &queue->closed);
}

static void
batch_queue_stop (BatchQueue *queue)
{
  batch_queue_set (queue, &queue->stopped);
}

/* ---------------------------------------------------------------------- */
/* The three stages                                                       */

/* What the reading thread hands on: records to normalize (job-xml, RSS),
 * claimed already, or jobs the JSON parsers normalized already. */
typedef enum {
  ITEM_RECORD,
  ITEM_JOB,
} ItemKind;

typedef struct {
  JkFeedRecord *record;
  gint64 row;        /* the cached row it replaces, or 0 */
} ClaimedRecord;

static void
claimed_record_free (ClaimedRecord *claimed)
{
  if (claimed == NULL)
    return;
  jk_feed_record_free (claimed->record);
  g_free (claimed);
}

typedef struct {
  JkSnapshot *snapshot;
  const char *path;
  JkFeedFormat format;

  BatchQueue read;      /* reading thread → normalizing thread */
  BatchQueue ready;     /* normalizing thread → writer (the caller) */

  /* Reading thread only, until it ends. */
  GPtrArray *reading;
  ItemKind reading_kind; /* one kind for a whole feed */
  JkFeedStats read_stats;
  GError *read_error;
  gboolean read_ok;
  gboolean read_claimed; /* known_cb claimed the record being read */
  gint64 read_claimed_row;

  /* Normalizing thread only, until it ends. */
  GPtrArray *normalized;
  JkFeedStats normalize_stats;
  gboolean claimed;     /* the posting whose job comes next was claimed */
  gint64 claimed_row;
} Ingest;

static GPtrArray *
new_batch (GDestroyNotify free_func)
{
  return g_ptr_array_new_full (BATCH_SIZE, free_func);
}

static GPtrArray *
new_read_batch (ItemKind kind)
{
  return new_batch (kind == ITEM_RECORD ? (GDestroyNotify) claimed_record_free : (GDestroyNotify) jk_job_free);
}

/* Reading thread: the filled batch goes to the normalizing thread. */
static gboolean
hand_over_read (Ingest  *ingest,
                GError **error)
{
  GPtrArray *batch = ingest->reading;

  if (batch->len == 0)
    return TRUE;
  ingest->reading = new_read_batch (ingest->reading_kind);
  if (batch_queue_push (&ingest->read, batch))
    return TRUE;
  g_ptr_array_unref (batch);
  g_set_error_literal (error, JK_FEED_ERROR, JK_FEED_ERROR_ABORTED, "Stopped: the postings could not be saved");
  return FALSE;
}

static gboolean
read_item (Ingest   *ingest,
           ItemKind  kind,
           gpointer  item,
           GError  **error)
{
  if (ingest->reading == NULL)
    {
      ingest->reading_kind = kind;
      ingest->reading = new_read_batch (kind);
    }
  g_assert (kind == ingest->reading_kind);
  g_ptr_array_add (ingest->reading, item);
  return ingest->reading->len < BATCH_SIZE || hand_over_read (ingest, error);
}

static gboolean
known_cb (const char *external_id,
          guint64     raw_hash,
          gint64      posted,
          gpointer    user_data)
{
  Ingest *ingest = user_data;
  gint64 row = 0;

  if (!jk_snapshot_claim (ingest->snapshot, external_id, raw_hash, posted, &row))
    return TRUE;
  ingest->read_claimed = TRUE;
  ingest->read_claimed_row = row;
  return FALSE;
}

/* Reading thread: every claim of a job-xml or RSS posting is made here,
 * in feed order, so that of two postings with one id the newest stands
 * (the later one when as new); only the few to normalize go on to the
 * normalizing thread. */
static gboolean
record_read_cb (JkFeedRecord *record,
                gpointer      user_data,
                GError      **error)
{
  Ingest *ingest = user_data;
  ClaimedRecord *claimed;
  gboolean to_normalize;

  if (!jk_feed_record_is_parsed (record))
    jk_snapshot_claim_raw (ingest->snapshot, jk_feed_record_get_raw_hash (record));
  ingest->read_claimed = FALSE;
  to_normalize = jk_feed_record_claim (record, known_cb, ingest, &ingest->read_stats);
  if (to_normalize && !ingest->read_claimed)
    {
      /* No id to keep it by: not worth normalizing. */
      ingest->read_stats.skipped++;
      to_normalize = FALSE;
    }
  if (!to_normalize)
    {
      jk_feed_record_free (record);
      return TRUE;
    }
  claimed = g_new (ClaimedRecord, 1);
  claimed->record = record;
  claimed->row = ingest->read_claimed_row;
  return read_item (ingest, ITEM_RECORD, claimed, error);
}

static gboolean
job_read_cb (JkJob    *job,
             gpointer  user_data,
             GError  **error)
{
  return read_item (user_data, ITEM_JOB, job, error);
}

/* Reading thread: a posting the cache holds byte for byte is not parsed,
 * unless it must replace an older copy of its id listed before it. */
static gboolean
known_bytes_cb (guint64  raw_hash,
                gpointer user_data)
{
  Ingest *ingest = user_data;

  return jk_snapshot_holds_raw (ingest->snapshot, raw_hash);
}

static gpointer
read_thread (gpointer data)
{
  Ingest *ingest = data;

  ingest->read_ok = jk_feed_parse_file_full (ingest->path, ingest->format, known_bytes_cb, record_read_cb, job_read_cb,
                                             ingest, &ingest->read_stats, &ingest->read_error);
  /* The postings before a break go on too: the counts then tell how far
   * the feed got, and the snapshot is rolled back all the same. */
  if (ingest->reading != NULL)
    {
      g_autoptr (GError) hand_error = NULL;

      if (!hand_over_read (ingest, &hand_error) && ingest->read_ok)
        {
          ingest->read_ok = FALSE;
          ingest->read_error = g_steal_pointer (&hand_error);
        }
    }
  g_clear_pointer (&ingest->reading, g_ptr_array_unref);
  batch_queue_close (&ingest->read);
  return NULL;
}

static gboolean
normalized_cb (JkJob    *job,
               gpointer  user_data,
               GError  **error)
{
  Ingest *ingest = user_data;
  gint64 row = 0;

  if (ingest->claimed)
    {
      /* The record the reading thread claimed. */
      row = ingest->claimed_row;
      ingest->claimed = FALSE;
    }
  else if (job->title == NULL || job->external_id == NULL
           || !jk_snapshot_claim (ingest->snapshot, job->external_id, job->raw_hash, job->posted, &row))
    {
      jk_job_free (job);
      return TRUE;
    }
  g_ptr_array_add (ingest->normalized, jk_snapshot_row_new (job, row));
  if (ingest->normalized->len < BATCH_SIZE)
    return TRUE;
  if (!batch_queue_push (&ingest->ready, ingest->normalized))
    {
      g_set_error_literal (error, JK_FEED_ERROR, JK_FEED_ERROR_ABORTED, "Stopped: the postings could not be saved");
      return FALSE;
    }
  ingest->normalized = new_batch ((GDestroyNotify) jk_snapshot_row_free);
  return TRUE;
}

static gboolean
normalize_batch (Ingest    *ingest,
                 GPtrArray *batch)
{
  /* Set before the first batch was handed over, under the queue's lock. */
  gboolean records = ingest->reading_kind == ITEM_RECORD;

  for (guint i = 0; i < batch->len; i++)
    {
      gpointer item = g_steal_pointer (&batch->pdata[i]);
      gboolean ok;

      if (records)
        {
          g_autofree ClaimedRecord *claimed = item;

          ingest->claimed = TRUE;
          ingest->claimed_row = claimed->row;
          ok = jk_feed_record_finish (g_steal_pointer (&claimed->record), NULL, normalized_cb, ingest,
                                      &ingest->normalize_stats, NULL);
        }
      else
        ok = normalized_cb (item, ingest, NULL);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gpointer
normalize_thread (gpointer data)
{
  Ingest *ingest = data;
  GPtrArray *batch;
  gboolean writing = TRUE;

  while ((batch = batch_queue_pop (&ingest->read)) != NULL)
    {
      /* Once the writer has stopped, batches are only drained until the
       * reading thread notices. */
      if (writing && !normalize_batch (ingest, batch))
        {
          writing = FALSE;
          batch_queue_stop (&ingest->read);
        }
      g_ptr_array_unref (batch);
    }
  if (writing && ingest->normalized->len > 0 && batch_queue_push (&ingest->ready, ingest->normalized))
    ingest->normalized = NULL;
  g_clear_pointer (&ingest->normalized, g_ptr_array_unref);
  batch_queue_close (&ingest->ready);
  return NULL;
}

static void
add_stats (JkFeedStats       *to,
           const JkFeedStats *from)
{
  to->jobs += from->jobs;
  to->skipped += from->skipped;
  to->unchanged += from->unchanged;
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
    .normalized = new_batch ((GDestroyNotify) jk_snapshot_row_free),
  };
  g_autoptr (GError) write_error = NULL;
  GThread *reader, *normalizer;
  GPtrArray *batch;

  batch_queue_init (&ingest.read);
  batch_queue_init (&ingest.ready);
  reader = g_thread_new ("jk-read", read_thread, &ingest);
  normalizer = g_thread_new ("jk-normalize", normalize_thread, &ingest);

  while ((batch = batch_queue_pop (&ingest.ready)) != NULL)
    {
      for (guint i = 0; i < batch->len && write_error == NULL; i++)
        if (!jk_snapshot_write (snapshot, batch->pdata[i], &write_error))
          batch_queue_stop (&ingest.ready);
      g_ptr_array_unref (batch);
    }
  g_thread_join (reader);
  g_thread_join (normalizer);
  batch_queue_clear (&ingest.read);
  batch_queue_clear (&ingest.ready);

  if (stats != NULL)
    {
      jk_feed_stats_clear (stats);
      *stats = ingest.read_stats;
      add_stats (stats, &ingest.normalize_stats);
    }
  else
    jk_feed_stats_clear (&ingest.read_stats);

  if (write_error != NULL)
    {
      g_clear_error (&ingest.read_error);
      g_propagate_error (error, g_steal_pointer (&write_error));
      return FALSE;
    }
  if (!ingest.read_ok)
    {
      g_propagate_error (error, ingest.read_error);
      return FALSE;
    }
  return TRUE;
}
