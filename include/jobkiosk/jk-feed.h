/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>


G_BEGIN_DECLS

#define JK_FEED_ERROR (jk_feed_error_quark ())

typedef enum {
  JK_FEED_ERROR_NOT_A_FEED,  /* an HTML page with no postings, an image, … */
  JK_FEED_ERROR_MALFORMED,   /* broken or truncated XML / JSON: the snapshot is incomplete */
  JK_FEED_ERROR_TOO_LARGE,   /* more than the configured maximum */
  JK_FEED_ERROR_ABORTED,     /* the callback asked to stop */
} JkFeedError;

typedef enum {
  JK_FEED_FORMAT_AUTO,
  JK_FEED_FORMAT_JOB_XML,
  JK_FEED_FORMAT_JSONLD,
  JK_FEED_FORMAT_RSS,
  JK_FEED_FORMAT_USAJOBS,
} JkFeedFormat;

GQuark         jk_feed_error_quark         (void);

/* Guesses the format from the first bytes of a feed. */
JkFeedFormat   jk_feed_detect_format       (const char   *head,
                                            gsize         length);
const char    *jk_feed_format_to_string    (JkFeedFormat  format); /* "job-xml", … "auto" */
gboolean       jk_feed_format_from_string  (const char   *text,
                                            JkFeedFormat *out_format);

G_END_DECLS
