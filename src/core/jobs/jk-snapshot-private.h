/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "jobkiosk/jk-jobs.h"

G_BEGIN_DECLS

/* A full snapshot of one source, applied in one transaction: postings
 * added, changed ones rewritten (unchanged ones untouched, by content
 * hash), postings absent from the snapshot removed. Nothing is visible to
 * readers until commit; abort (or a crash) leaves the previous snapshot. */
typedef struct _JkSnapshot JkSnapshot;
/* One posting ready to be written: the job and what is derived from it. */
typedef struct _JkSnapshotRow JkSnapshotRow;

JkSnapshot  *jk_snapshot_begin       (JkStore            *store,
                                      gint64              source_id,
                                      gint64              now,
                                      GError            **error);
/* Claim, row_new and write in one go, on the store's thread. */
gboolean     jk_snapshot_add         (JkSnapshot         *self,
                                      const JkJob        *job,
                                      GError            **error);

/* The same in steps, for reading and normalizing on other threads while
 * writing on the store's: every claim (claim, claim_raw, holds_raw) on one
 * thread, in feed order; row_new on any thread; write on the store's
 * thread; commit after the other threads are done.
 *
 * claim is asked once per posting, by its feed id, the hash of its raw
 * feed text (0 when unknown) and its date posted (0 when unknown): FALSE
 * when it needs no writing (another copy of its id in this snapshot is
 * newer, by date posted and then by place in the feed; or it is cached
 * with the same raw hash); else TRUE with out_row the cached row it
 * replaces, 0 for a new posting, or, for a copy newer than one listed
 * before, the negated row that copy went to or JK_SNAPSHOT_ROW_LISTED. */
#define JK_SNAPSHOT_ROW_LISTED G_MININT64
gboolean       jk_snapshot_claim     (JkSnapshot         *self,
                                      const char         *external_id,
                                      guint64             raw_hash,
                                      gint64              posted,
                                      gint64             *out_row);
/* Whether the cache holds a posting of this source read from bytes with
 * this raw hash, so that they need no parsing (JkKnownBytesFunc); asked on
 * the thread that claims, once per posting, before the claims of the
 * postings before it. FALSE also when those bytes must be parsed to
 * replace a copy of their id listed already. */
gboolean       jk_snapshot_holds_raw (JkSnapshot         *self,
                                      guint64             raw_hash);
/* A posting the feed lists unchanged, known by its raw hash alone (one
 * holds_raw said the cache holds): claimed, in feed order like the
 * others, and left as it is. */
void           jk_snapshot_claim_raw (JkSnapshot         *self,
                                      guint64             raw_hash);
/* Takes job. */
JkSnapshotRow *jk_snapshot_row_new   (JkJob              *job,
                                      gint64              row);
void           jk_snapshot_row_free  (JkSnapshotRow      *row);
gboolean       jk_snapshot_write     (JkSnapshot         *self,
                                      const JkSnapshotRow *row,
                                      GError            **error);
/* Refuses (JK_JOBS_ERROR_REFUSED, nothing changed) a snapshot that is
 * empty or has fewer postings than min_share of the last good one. */
gboolean     jk_snapshot_commit      (JkSnapshot         *self,
                                      double              min_share,
                                      JkSyncCounts       *counts,
                                      GError            **error);
/* Rolls back whatever was added; frees. */
void         jk_snapshot_free        (JkSnapshot         *self);

/* The key two sources' copies of one posting share: normalized title,
 * employer and place; "" (no copy of anything) without an employer. Only
 * other sources' postings are hidden as copies: one source's postings with
 * different ids all show. */
char        *jk_jobs_dedup_key       (const JkJob        *job);
/* A hash of every stored field, to tell a changed posting from an unchanged one. */
gint64       jk_jobs_content_hash    (const JkJob        *job);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkSnapshot, jk_snapshot_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkSnapshotRow, jk_snapshot_row_free)

G_END_DECLS
