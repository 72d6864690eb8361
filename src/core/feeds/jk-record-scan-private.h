/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Finds where each record element (<job>, <item>) of an XML feed begins and
 * ends, without parsing it: a quick walk over tags, comments, CDATA and
 * quoted attributes. A re-sync uses it to tell a posting unchanged from
 * its bytes alone, before libxml2 spends any time on it.
 *
 * Bytes go in as they are read; they come out, in order, as pieces: bytes
 * outside records, and whole records. A record is held until its end tag
 * arrives. What the walk cannot follow (a DTD, a record larger than
 * JK_RECORD_SCAN_MAX) ends the splitting: from then on every byte passes
 * as it comes, so the feed is still read whole, only more slowly. */

#define JK_RECORD_SCAN_MAX (8 * 1024 * 1024)

typedef struct _JkRecordScan JkRecordScan;

typedef struct {
  const char *data;
  gsize length;
  gboolean record;          /* a whole record, from its start tag to its end tag */
  /* For records only: */
  guint64 context;          /* a hash of what else its parse depends on:
                             * the XML declaration and the start tags of
                             * the elements around it */
  gsize start_tag_length;
  guint depth;              /* elements open around it; 0 for the root */
} JkRecordScanPiece;

typedef void (*JkRecordScanFunc) (const JkRecordScanPiece *piece,
                                  gpointer                 user_data);

/* record_name is matched as libxml2's callers do: any case, no prefix.
 * seed starts every context hash. */
JkRecordScan *jk_record_scan_new        (const char       *record_name,
                                         guint64           seed);
void          jk_record_scan_free       (JkRecordScan     *scan);
void          jk_record_scan_feed       (JkRecordScan     *scan,
                                         const char       *data,
                                         gsize             length,
                                         JkRecordScanFunc  func,
                                         gpointer          user_data);
/* At the end of the input: whatever is held (a record cut short) passes. */
void          jk_record_scan_finish     (JkRecordScan     *scan,
                                         JkRecordScanFunc  func,
                                         gpointer          user_data);
/* FALSE once the walk gave up and bytes only pass. */
gboolean      jk_record_scan_is_splitting (const JkRecordScan *scan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkRecordScan, jk_record_scan_free)

G_END_DECLS
