/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-read-log.h: the records a feed parse hands over, logged, for
 * the tests and fuzz targets of leaving unchanged postings unparsed
 * (header only: a libFuzzer target is built from one file) */
#pragma once

#include "feeds/jk-feed-private.h"

typedef struct {
  GArray *hashes;        /* guint64 raw hashes, in feed order */
  GArray *parsed;        /* gboolean, the same */
  GHashTable *known;     /* of guint64 *: bytes the cache is said to hold; may stay NULL */
} JkTestReadLog;

static inline void
jk_test_read_log_init (JkTestReadLog *log)
{
  log->hashes = g_array_new (FALSE, FALSE, sizeof (guint64));
  log->parsed = g_array_new (FALSE, FALSE, sizeof (gboolean));
}

static inline void
jk_test_read_log_clear (JkTestReadLog *log)
{
  g_clear_pointer (&log->hashes, g_array_unref);
  g_clear_pointer (&log->parsed, g_array_unref);
  g_clear_pointer (&log->known, g_hash_table_unref);
}

/* A JkRecordFunc. */
static inline gboolean
jk_test_read_log_record (JkFeedRecord *record,
                         gpointer      user_data,
                         GError      **error)
{
  JkTestReadLog *log = user_data;
  guint64 hash = jk_feed_record_get_raw_hash (record);
  gboolean parsed = jk_feed_record_is_parsed (record);

  g_array_append_val (log->hashes, hash);
  g_array_append_val (log->parsed, parsed);
  jk_feed_record_free (record);
  return TRUE;
}

/* A JkKnownBytesFunc: the hashes in log->known. */
static inline gboolean
jk_test_read_log_known (guint64  raw_hash,
                        gpointer user_data)
{
  JkTestReadLog *log = user_data;

  return log->known != NULL && g_hash_table_contains (log->known, &raw_hash);
}
