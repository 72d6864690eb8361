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
  guint duplicates; /* the same id twice in one feed: the newest one counts (latest date posted, then latest in the feed) */
  guint total;      /* postings in the snapshot */
} JkSyncCounts;

GQuark       jk_jobs_error_quark     (void);

/* Removes a source and all its postings (from the index too). */
gboolean     jk_jobs_remove_source   (JkStore            *store,
                                      gint64              source_id,
                                      GError            **error);

/* Active jobs: not expired at now, not removed, not a duplicate. */
gint64       jk_jobs_count_active    (JkStore            *store,
                                      gint64              source_id, /* 0 for all */
                                      gint64              now,
                                      GError            **error);

G_END_DECLS
