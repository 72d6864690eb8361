/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-feed-private.h: parsing feeds, for core and its tests; what the parsers share */
#pragma once

#include <jobkiosk/jk-feed.h>
#include <jobkiosk/jk-job.h>

G_BEGIN_DECLS

/* The parsing API, for the rest of core (ingest, sync) and the tests: the
 * UI and the CLI only name formats (jobkiosk/jk-feed.h). */

typedef struct {
  guint jobs;      /* records handed to the callback */
  guint skipped;   /* records dropped: no title, or nothing to show */
  guint unchanged; /* records the JkKnownFunc said to skip: cached as they are, or listed already */
  guint repaired;  /* records whose bytes that were not UTF-8 were replaced */
  char *publisher; /* the feed's own name for itself, when it gives one */
} JkFeedStats;

/* Called once per normalized job, which it takes. Return FALSE (with error
 * set) to stop the parse. */
typedef gboolean (*JkJobFunc) (JkJob    *job,
                               gpointer  user_data,
                               GError  **error);

/* Asked by the job-xml and RSS parsers before a posting is normalized,
 * with its feed id, a hash of its raw text (JkJob.raw_hash) and its date
 * posted (0 when unknown): TRUE when it needs no normalizing (the cache
 * holds it as it is, or the feed lists a newer copy of the id), and the
 * parser skips it. */
typedef gboolean (*JkKnownFunc) (const char *external_id,
                                 guint64     raw_hash,
                                 gint64      posted,
                                 gpointer    user_data);

/* Asked by the job-xml and RSS parsers, on the thread reading the feed,
 * with the hash of a posting's raw bytes (and of the little outside them
 * its parse depends on) before it is parsed: TRUE when the cache holds a
 * posting read from exactly those bytes. The posting is then not parsed at
 * all: record_func gets a record with its raw hash only (see
 * jk_feed_record_is_parsed). */
typedef gboolean (*JkKnownBytesFunc) (guint64  raw_hash,
                                      gpointer user_data);

/* One job-xml or RSS posting as read, not yet normalized. */
typedef struct _JkFeedRecord JkFeedRecord;

/* Takes record. Return FALSE (with error set) to stop the parse. */
typedef gboolean (*JkRecordFunc) (JkFeedRecord *record,
                                  gpointer      user_data,
                                  GError      **error);

/* Streams a feed file: memory stays flat whatever the file's size. Every
 * record that parses is handed to func; a feed that is broken or truncated
 * part way returns FALSE with JK_FEED_ERROR_MALFORMED after the records
 * before the break, so the caller must treat the snapshot as incomplete.
 * With record_func (or NULL), job-xml and RSS postings are handed to it as
 * read instead, to be finished with jk_feed_record_finish, on another
 * thread perhaps; known_bytes (or NULL) is asked first. JSON formats
 * always come to func normalized. */
gboolean       jk_feed_parse_file_full     (const char   *path,
                                            JkFeedFormat  format,
                                            JkKnownBytesFunc known_bytes,
                                            JkRecordFunc  record_func,
                                            JkJobFunc     func,
                                            gpointer      user_data,
                                            JkFeedStats  *stats,
                                            GError      **error);
/* Whether a record is to be normalized: FALSE, counted in stats, when it
 * was not parsed, has no title, or known says the cache holds it. Cheap:
 * it reads only the title, the id and (with known) the date posted. Does
 * not take record. */
gboolean       jk_feed_record_claim        (JkFeedRecord *record,
                                            JkKnownFunc   known,
                                            gpointer      user_data,
                                            JkFeedStats  *stats);
/* Claims (jk_feed_record_claim) and normalizes a record and hands its job
 * to func, as the parse would have; takes record. Counts in stats what it
 * did. */
gboolean       jk_feed_record_finish       (JkFeedRecord *record,
                                            JkKnownFunc   known,
                                            JkJobFunc     func,
                                            gpointer      user_data,
                                            JkFeedStats  *stats,
                                            GError      **error);
void           jk_feed_record_free         (JkFeedRecord *record);
/* FALSE for a record JkKnownBytesFunc said the cache holds: it has a raw
 * hash and nothing else, and jk_feed_record_finish only counts it. */
gboolean       jk_feed_record_is_parsed    (const JkFeedRecord *record);
/* The hash of the record's raw bytes, or 0 when the parse could not tell
 * them apart (then jk_feed_record_finish hashes the fields instead). */
guint64        jk_feed_record_get_raw_hash (const JkFeedRecord *record);
/* The same over bytes in memory (for fuzzing and small inputs). */
gboolean       jk_feed_parse_data_full     (const char   *data,
                                            gsize         length,
                                            JkFeedFormat  format,
                                            JkKnownBytesFunc known_bytes,
                                            JkRecordFunc  record_func,
                                            JkJobFunc     func,
                                            gpointer      user_data,
                                            JkFeedStats  *stats,
                                            GError      **error);
void           jk_feed_stats_clear         (JkFeedStats  *stats);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkFeedRecord, jk_feed_record_free)

/* What the parsers share inside the feed module. */

G_GNUC_INTERNAL gboolean jk_feed_emit_job      (JkJob        *job,
                                                JkJobFunc     func,
                                                gpointer      user_data,
                                                JkFeedStats  *stats,
                                                GError      **error);
G_GNUC_INTERNAL char    *jk_feed_find_soc_code (const char   *text);
/* A description as plain text, or NULL when nothing is left of it. */
G_GNUC_INTERNAL char    *jk_feed_describe      (const char   *html);
G_GNUC_INTERNAL void     jk_feed_set_publisher (JkFeedStats  *stats,
                                                const char   *name);
G_GNUC_INTERNAL void     jk_feed_add_employment_type (GString    *types,
                                                      const char *text);
G_GNUC_INTERNAL char    *jk_feed_clean_url     (const char   *text,
                                                gboolean      web_only);
/* Where a parse hands what it reads: the callbacks and counts of
 * jk_feed_parse_data_full, carried as one. */
typedef struct {
  JkKnownBytesFunc known_bytes;
  JkRecordFunc record_func;
  JkJobFunc func;
  gpointer user_data;
  JkFeedStats *stats;
} JkFeedSink;

G_GNUC_INTERNAL gboolean jk_feed_xml_parse     (int               fd,
                                                const char       *data,
                                                gsize             length,
                                                JkFeedFormat      format,
                                                const JkFeedSink *sink,
                                                GError          **error);
/* JSON formats: jobs come to sink->func normalized (no records). */
G_GNUC_INTERNAL gboolean jk_feed_json_parse    (const char       *data,
                                                gsize             length,
                                                JkFeedFormat      format,
                                                const JkFeedSink *sink,
                                                GError          **error);
G_GNUC_INTERNAL gboolean jk_feed_html_parse    (const char       *data,
                                                gsize             length,
                                                const JkFeedSink *sink,
                                                GError          **error);

G_END_DECLS
