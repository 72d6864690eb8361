/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-feed-private.h: what the feed parsers share inside the core library */
#pragma once

#include "jobkiosk/jk-feed.h"

G_BEGIN_DECLS

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
G_GNUC_INTERNAL gboolean jk_feed_json_parse    (const char   *data,
                                                gsize         length,
                                                JkFeedFormat  format,
                                                JkJobFunc     func,
                                                gpointer      user_data,
                                                JkFeedStats  *stats,
                                                GError      **error);
G_GNUC_INTERNAL gboolean jk_feed_html_parse    (const char   *data,
                                                gsize         length,
                                                JkJobFunc     func,
                                                gpointer      user_data,
                                                JkFeedStats  *stats,
                                                GError      **error);

G_END_DECLS
