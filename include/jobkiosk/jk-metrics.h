/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "jk-config.h"

G_BEGIN_DECLS

#define JK_METRICS_ERROR (jk_metrics_error_quark ())

typedef enum {
  JK_METRICS_ERROR_DATABASE, /* the database could not be read */
  JK_METRICS_ERROR_WRITE,    /* the file (or its folder) could not be written */
} JkMetricsError;

/* What a feed source's last error was, as jobkiosk_feed_last_error_code
 * says it (its HELP text repeats this). */
typedef enum {
  JK_METRICS_FEED_ERROR_NONE = 0,     /* none */
  JK_METRICS_FEED_ERROR_FAILED = 1,   /* the download or the parse failed: state failing */
  JK_METRICS_FEED_ERROR_REFUSED = 2,  /* an empty or shrunken snapshot refused: state suspect */
  JK_METRICS_FEED_ERROR_OTHER = 3,    /* an error is kept, the state says neither */
} JkMetricsFeedError;

/* The kiosk's health in the Prometheus text exposition format 0.0.4, every
 * name prefixed jobkiosk_: the feed sources (their age, postings, state,
 * last error), the printer (asked through CUPS, never waiting more than
 * about two seconds), pages printed and visits today, the outbox backlog,
 * the database's size, the build and when this was written. Reads
 * db_path through its own read-only connection and only stored counts
 * and indexed rows: a job cache of any size costs the same. */
char        *jk_metrics_collect           (const JkConfig  *config,
                                           const char      *db_path,
                                           gint64           now,
                                           GError         **error);
/* Writes text to path atomically for node_exporter's textfile collector
 * (path.tmp in the same folder, fsync, rename): the old file stays whole
 * until the new one replaces it, and stays as it was when writing fails. */
gboolean     jk_metrics_write_file        (const char      *path,
                                           const char      *text,
                                           GError         **error);
GQuark       jk_metrics_error_quark       (void);

G_END_DECLS
