/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "jk-job.h"
#include "jk-store.h"

G_BEGIN_DECLS

#define JK_JOBS_ERROR (jk_jobs_error_quark ())

typedef enum {
  JK_JOBS_ERROR_REFUSED, /* the snapshot was empty or far smaller than the last good one */
  JK_JOBS_ERROR_NOT_FOUND,
} JkJobsError;

/* What applying one snapshot did. */
typedef struct {
  guint added;
  guint updated;
  guint removed;
  guint unchanged;
  guint expired;    /* in the snapshot but already past their closing date */
  guint duplicates; /* the same id twice in one feed: the first one counts */
  guint total;      /* postings in the snapshot */
} JkSyncCounts;

/* A full snapshot of one source, applied in one transaction: postings
 * added, changed ones rewritten (unchanged ones untouched, by content
 * hash), postings absent from the snapshot removed. Nothing is visible to
 * readers until commit; abort (or a crash) leaves the previous snapshot. */
typedef struct _JkSnapshot JkSnapshot;

GQuark       jk_jobs_error_quark     (void);

JkSnapshot  *jk_snapshot_begin       (JkStore            *store,
                                      gint64              source_id,
                                      gint64              now,
                                      GError            **error);
gboolean     jk_snapshot_add         (JkSnapshot         *self,
                                      const JkJob        *job,
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
 * employer and place. */
char        *jk_jobs_dedup_key       (const JkJob        *job);
/* A hash of every stored field, to tell a changed posting from an unchanged one. */
gint64       jk_jobs_content_hash    (const JkJob        *job);

/* Removes a source and all its postings (from the index too). */
gboolean     jk_jobs_remove_source   (JkStore            *store,
                                      gint64              source_id,
                                      GError            **error);

/* Active jobs: not expired at now, not removed, not a duplicate. */
gint64       jk_jobs_count_active    (JkStore            *store,
                                      gint64              source_id, /* 0 for all */
                                      gint64              now,
                                      GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkSnapshot, jk_snapshot_free)

G_END_DECLS
