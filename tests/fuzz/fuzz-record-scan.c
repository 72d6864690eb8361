/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-record-scan.c: libFuzzer target for the record scan and for leaving records the cache holds unparsed */

#define G_LOG_DOMAIN "jk-fuzz"

#include <string.h>

#include "feeds/jk-feed-private.h"
#include "feeds/jk-record-scan-private.h"

#include "fuzz-target.h"
#include "jk-test-read-log.h"

typedef struct {
  GByteArray *bytes;   /* every piece, in order */
  GString *records;    /* each record's length and context, in order */
} Pieces;

static void
collect_piece (const JkRecordScanPiece *piece,
               gpointer                 user_data)
{
  Pieces *pieces = user_data;

  g_assert_cmpuint (piece->length, >, 0);
  g_byte_array_append (pieces->bytes, (const guint8 *) piece->data, (guint) piece->length);
  if (piece->record)
    g_string_append_printf (pieces->records, "%" G_GSIZE_FORMAT "@%" G_GSIZE_FORMAT ":%016" G_GINT64_MODIFIER "x/%u;",
                            piece->length, pieces->bytes->len - piece->length, piece->context, piece->depth);
}

/* The scan hands on every byte, in order, and finds the same records
 * however the input is cut. */
static void
check_scan (const uint8_t *data,
            size_t         size)
{
  static const gsize chunk_sizes[] = { G_MAXSIZE, 1, 7, 4093 };
  g_autofree char *whole = NULL;

  for (gsize c = 0; c < G_N_ELEMENTS (chunk_sizes); c++)
    {
      g_autoptr (JkRecordScan) scan = jk_record_scan_new ("job", 1);
      Pieces pieces = { g_byte_array_new (), g_string_new (NULL) };

      /* Byte by byte only on small inputs: it is slow on large ones. */
      if (chunk_sizes[c] == 1 && size > 4096)
        continue;
      for (gsize at = 0; at < size; at += MIN (chunk_sizes[c], size - at))
        jk_record_scan_feed (scan, (const char *) data + at, MIN (chunk_sizes[c], size - at), collect_piece, &pieces);
      jk_record_scan_finish (scan, collect_piece, &pieces);

      g_assert_cmpuint (pieces.bytes->len, ==, size);
      g_assert_true (size == 0 || memcmp (pieces.bytes->data, data, size) == 0);
      if (whole == NULL)
        whole = g_strdup (pieces.records->str);
      else
        g_assert_cmpstr (pieces.records->str, ==, whole);
      g_byte_array_unref (pieces.bytes);
      g_string_free (pieces.records, TRUE);
    }
}

static gboolean
read_records (const uint8_t *data,
              size_t         size,
              JkFeedFormat   format,
              JkTestReadLog *records)
{
  g_autoptr (GError) error = NULL;
  JkFeedStats stats = { 0 };
  gboolean ok;

  jk_test_read_log_init (records);
  ok = jk_feed_parse_data_full ((const char *) data, size, format, jk_test_read_log_known, jk_test_read_log_record,
                                NULL, records, &stats, &error);
  g_assert_true (ok == (error == NULL));
  jk_feed_stats_clear (&stats);
  return ok;
}

/* Read again with every record matched to its bytes said to be cached:
 * the same records come, in the same order with the same hashes, and only
 * those are left unparsed. */
static void
check_unparsed (const uint8_t *data,
                size_t         size,
                JkFeedFormat   format)
{
  JkTestReadLog first = { 0 }, second = { 0 };

  if (read_records (data, size, format, &first))
    {
      second.known = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < first.hashes->len; i++)
        {
          g_assert_true (g_array_index (first.parsed, gboolean, i));
          if (g_array_index (first.hashes, guint64, i) != 0)
            g_hash_table_add (second.known, &g_array_index (first.hashes, guint64, i));
        }
      g_assert_true (read_records (data, size, format, &second));
      g_assert_cmpuint (second.hashes->len, ==, first.hashes->len);
      for (guint i = 0; i < first.hashes->len; i++)
        {
          g_assert_cmphex (g_array_index (second.hashes, guint64, i), ==, g_array_index (first.hashes, guint64, i));
          if (!g_array_index (second.parsed, gboolean, i))
            g_assert_cmphex (g_array_index (first.hashes, guint64, i), !=, 0);
        }
    }
  jk_test_read_log_clear (&first);
  jk_test_read_log_clear (&second);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  check_scan (data, size);
  check_unparsed (data, size, JK_FEED_FORMAT_JOB_XML);
  check_unparsed (data, size, JK_FEED_FORMAT_RSS);
  return 0;
}
