/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "feeds/jk-feed-private.h"
#include <jobkiosk/jk-jobs.h>

#include "jobs/jk-snapshot-private.h"

G_BEGIN_DECLS

/* Reads a feed file into an open snapshot on three threads: one reads the
 * XML, one normalizes, and this one writes, so a sync takes about as long
 * as the slowest of them rather than all three. Postings the cache holds
 * with the same raw text are never normalized. Returns FALSE with the
 * first error (a database error before a feed error); the snapshot must
 * then be freed, not committed. */
gboolean  jk_ingest_file  (JkSnapshot   *snapshot,
                           const char   *path,
                           JkFeedFormat  format,
                           JkFeedStats  *stats,
                           GError      **error);

G_END_DECLS
