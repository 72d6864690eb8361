/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jk-config.h"
#include "jk-feed.h"
#include "jk-jobs.h"
#include "jk-store.h"

G_BEGIN_DECLS

/* One configured feed: a [source NAME] group. */
typedef struct {
  char *name;
  char *url;              /* http(s)://, file:// or a path (relative ones resolved) */
  JkFeedFormat format;
  guint refresh_minutes;
  gboolean enabled;
  GStrv headers;          /* "Name: value", from header-NAME and header-NAME-file keys */
} JkSource;

/* The [feeds] settings every sync uses. */
typedef struct {
  guint min_share_percent; /* refuse a snapshot smaller than this share of the last good one */
  goffset max_bytes;
  guint connect_timeout;
  guint total_timeout;     /* one feed's whole download, retries included */
  guint stall_timeout;     /* seconds nearly silent before a try ends */
  gint64 deadline;         /* monotonic µs after which no download goes on (a whole sync's), or 0 */
  guint max_attempts;
  guint retry_delay_ms;
  char *download_dir;      /* where HTTP bodies land before parsing */
} JkSyncOptions;

typedef enum {
  JK_SYNC_OK,
  JK_SYNC_UNCHANGED,
  JK_SYNC_REFUSED,   /* empty or shrunken snapshot: old cache kept, source suspect */
  JK_SYNC_FAILED,    /* download or parse failed: old cache kept */
} JkSyncOutcome;

typedef struct {
  char *source;
  JkSyncOutcome outcome;
  JkSyncCounts counts;
  gint64 active;     /* active postings from this source afterwards */
  char *message;     /* plain words, for staff, when not OK */
} JkSyncReport;

/* What staff see of a source (jobkioskctl status, the kiosk's status line). */
typedef struct {
  char *name;
  char *url;
  char *format;
  gint64 last_attempt;   /* Unix seconds, 0 never */
  gint64 last_checked;
  gint64 last_good_sync;
  gint64 active;
  char *state;           /* "new", "ok", "unchanged", "suspect", "failing" */
  char *last_error;      /* plain words, or NULL */
} JkSourceStatus;

JkSource      *jk_source_new              (const char      *name,
                                           const char      *url,
                                           JkFeedFormat     format);
void           jk_source_free             (JkSource        *source);
/* Every usable [source NAME] group (the configuration reported the bad
 * ones when it was read); problems, when not NULL, gets what fails now (a
 * header file that can no longer be read). */
GPtrArray     *jk_sources_from_config     (const JkConfig  *config,
                                           GPtrArray       *problems);
void           jk_sync_options_init       (JkSyncOptions   *options,
                                           const JkConfig  *config,
                                           const char      *database_path);
void           jk_sync_options_clear      (JkSyncOptions   *options);

/* Fetch, parse and apply one source. Never throws the old cache away on
 * failure. Returns FALSE only when the database itself failed. */
gboolean       jk_sync_source             (JkStore             *store,
                                           const JkSource      *source,
                                           const JkSyncOptions *options,
                                           gint64               now,
                                           JkSyncReport        *report,
                                           GCancellable        *cancellable,
                                           GError             **error);
/* Syncs every enabled source in sources side by side, each on a thread
 * with its own writer on database_path, so one stalled server holds no
 * other back (the writes still take turns). reports holds one per source,
 * in order; a disabled source's stays empty (source NULL). Returns FALSE
 * only when the database itself failed. */
gboolean       jk_sync_sources            (const char          *database_path,
                                           GPtrArray           *sources,
                                           const JkSyncOptions *options,
                                           gint64               now,
                                           JkSyncReport        *reports,
                                           GCancellable        *cancellable,
                                           GError             **error);
/* Removes sources (and their postings) other than those given. */
gboolean       jk_sync_forget_others      (JkStore         *store,
                                           GPtrArray       *sources,
                                           GError         **error);
/* Removes the sources (and their postings) the configuration no longer
 * names. When any configuration file or line was refused it removes
 * nothing and fails with JK_CONFIG_ERROR_INCOMPLETE, saying which. */
gboolean       jk_sync_forget_unconfigured (JkStore        *store,
                                            const JkConfig *config,
                                            GError        **error);
void           jk_sync_report_clear       (JkSyncReport    *report);
const char    *jk_sync_outcome_to_string  (JkSyncOutcome    outcome);

GPtrArray     *jk_sync_list_status        (JkStore         *store,
                                           gint64           now,
                                           GError         **error);
void           jk_source_status_free      (JkSourceStatus  *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkSource, jk_source_free)

G_END_DECLS
