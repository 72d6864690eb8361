/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-record-scan.c: splitting XML feeds into records and the bytes between them, fed in any chunks */

#include <string.h>
#include "feeds/jk-record-scan-private.h"

/* Chunk sizes for scan_chunks (): the whole input in one feed, or a new
 * random size for every feed. */
#define WHOLE G_MAXSIZE
#define RANDOM 0

#define SEED G_GUINT64_CONSTANT (0x6a6f626b696f736b)

typedef struct {
  GBytes *bytes;
  guint64 context;
  gsize start_tag_length;
  guint depth;
} Record;

typedef struct {
  GByteArray *bytes;   /* every piece, records or not, in order */
  GPtrArray *records;  /* Record */
  gsize fed_length;    /* bytes handed on before finish */
  gboolean splitting;  /* after the last feed */
} Scanned;

/* What a record should be; start_tag_length 0 means "<job>". */
typedef struct {
  const char *bytes;
  gsize start_tag_length;
  guint depth;
} Expected;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
record_free (Record *record)
{
  g_bytes_unref (record->bytes);
  g_free (record);
}

static void
scanned_free (Scanned *scanned)
{
  g_byte_array_unref (scanned->bytes);
  g_ptr_array_unref (scanned->records);
  g_free (scanned);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Scanned, scanned_free)

static void
collect_cb (const JkRecordScanPiece *piece,
            gpointer                 user_data)
{
  Scanned *scanned = user_data;

  /* The caller appends every piece as it comes: an empty one is noise. */
  g_assert_nonnull (piece->data);
  g_assert_cmpuint (piece->length, >, 0);
  if (piece->record)
    {
      Record *record = g_new0 (Record, 1);

      g_assert_cmpuint (piece->start_tag_length, >=, 3);
      g_assert_cmpuint (piece->start_tag_length, <=, piece->length);
      g_assert_cmpint (piece->data[0], ==, '<');
      g_assert_cmpint (piece->data[piece->start_tag_length - 1], ==, '>');
      g_assert_cmpint (piece->data[piece->length - 1], ==, '>');
      record->bytes = g_bytes_new (piece->data, piece->length);
      record->context = piece->context;
      record->start_tag_length = piece->start_tag_length;
      record->depth = piece->depth;
      g_ptr_array_add (scanned->records, record);
    }
  g_byte_array_append (scanned->bytes, (const guint8 *) piece->data, (guint) piece->length);
}

/* Feeds data in chunks of chunk bytes (or WHOLE, or RANDOM), then finishes. */
static Scanned *
scan_chunks (const char *data,
             gsize       length,
             const char *record_name,
             guint64     seed,
             gsize       chunk)
{
  g_autoptr (JkRecordScan) scan = jk_record_scan_new (record_name, seed);
  Scanned *scanned = g_new0 (Scanned, 1);
  gsize offset = 0;

  scanned->bytes = g_byte_array_new ();
  scanned->records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  g_assert_true (jk_record_scan_is_splitting (scan));
  while (offset < length)
    {
      gsize size = chunk == RANDOM ? (gsize) g_test_rand_int_range (1, 300) : chunk;

      size = MIN (size, length - offset);
      jk_record_scan_feed (scan, data + offset, size, collect_cb, scanned);
      offset += size;
    }
  scanned->fed_length = scanned->bytes->len;
  scanned->splitting = jk_record_scan_is_splitting (scan);
  jk_record_scan_finish (scan, collect_cb, scanned);

  /* Whatever happened, the pieces are the input, byte for byte. */
  g_assert_cmpmem (scanned->bytes->data, scanned->bytes->len, data, length);
  return scanned;
}

static Scanned *
scan_text (const char *text,
           gsize       chunk)
{
  return scan_chunks (text, strlen (text), "job", SEED, chunk);
}

static void
assert_same_records (const Scanned *scanned,
                     const Scanned *reference)
{
  g_assert_cmpuint (scanned->records->len, ==, reference->records->len);
  for (guint i = 0; i < scanned->records->len; i++)
    {
      const Record *a = g_ptr_array_index (scanned->records, i);
      const Record *b = g_ptr_array_index (reference->records, i);

      g_assert_true (g_bytes_equal (a->bytes, b->bytes));
      g_assert_cmpuint (a->context, ==, b->context);
      g_assert_cmpuint (a->start_tag_length, ==, b->start_tag_length);
      g_assert_cmpuint (a->depth, ==, b->depth);
    }
  g_assert_cmpint (scanned->splitting, ==, reference->splitting);
}

static void
assert_records (const Scanned  *scanned,
                const Expected *expected,
                gsize           n_expected)
{
  g_assert_cmpuint (scanned->records->len, ==, n_expected);
  for (gsize i = 0; i < n_expected; i++)
    {
      const Record *record = g_ptr_array_index (scanned->records, i);
      gsize length;
      const char *bytes = g_bytes_get_data (record->bytes, &length);

      g_assert_cmpmem (bytes, length, expected[i].bytes, strlen (expected[i].bytes));
      g_assert_cmpuint (record->start_tag_length, ==,
                        expected[i].start_tag_length != 0 ? expected[i].start_tag_length : strlen ("<job>"));
      g_assert_cmpuint (record->depth, ==, expected[i].depth);
    }
}

/* The context of the one record in text. */
static guint64
context_of (const char *text,
            guint64     seed,
            guint      *out_depth)
{
  g_autoptr (Scanned) scanned = scan_chunks (text, strlen (text), "job", seed, WHOLE);
  const Record *record;

  g_assert_cmpuint (scanned->records->len, ==, 1);
  record = g_ptr_array_index (scanned->records, 0);
  if (out_depth != NULL)
    *out_depth = record->depth;
  return record->context;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static gsize chunk_sizes[] = { 1, 2, 3, 5, 7, 64, 4096, WHOLE };

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

/* However the bytes arrive, the same records come out, and nothing is lost. */
static void
test_fixtures_any_chunks (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "feeds", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, &error);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *record_names[] = { "job", "item" };
  const char *name;
  guint records_seen = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >, 0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, g_ptr_array_index (names, i), NULL);
      g_autofree char *data = NULL;
      gsize length;

      g_file_get_contents (path, &data, &length, &error);
      g_assert_no_error (error);

      for (gsize r = 0; r < G_N_ELEMENTS (record_names); r++)
        {
          g_autoptr (Scanned) whole = scan_chunks (data, length, record_names[r], SEED, WHOLE);

          g_test_message ("%s <%s>: %u records", (const char *) g_ptr_array_index (names, i), record_names[r],
                          whole->records->len);
          records_seen += whole->records->len;
          for (gsize c = 0; c < G_N_ELEMENTS (chunk_sizes); c++)
            {
              g_autoptr (Scanned) scanned = scan_chunks (data, length, record_names[r], SEED, chunk_sizes[c]);

              assert_same_records (scanned, whole);
            }
          for (guint round = 0; round < 16; round++)
            {
              g_autoptr (Scanned) scanned = scan_chunks (data, length, record_names[r], SEED, RANDOM);

              assert_same_records (scanned, whole);
            }
        }
    }
  /* Not vacuous: the job-xml and RSS fixtures hold records. */
  g_assert_cmpuint (records_seen, >, 10);
}

static void
test_simple_feed (void)
{
  const char *feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<source><publisher>P</publisher>\n"
                     "<job><title>A</title></job>\n"
                     "<job><title>B</title><city>Columbus</city></job>\n"
                     "<job><title>C</title></job>\n"
                     "</source>\n";
  const Expected expected[] = {
    { "<job><title>A</title></job>", 0, 1 },
    { "<job><title>B</title><city>Columbus</city></job>", 0, 1 },
    { "<job><title>C</title></job>", 0, 1 },
  };

  for (gsize c = 0; c < G_N_ELEMENTS (chunk_sizes); c++)
    {
      g_autoptr (Scanned) scanned = scan_text (feed, chunk_sizes[c]);
      const Record *first;

      assert_records (scanned, expected, G_N_ELEMENTS (expected));
      g_assert_true (scanned->splitting);
      /* Siblings in one feed: nothing around them differs. */
      first = g_ptr_array_index (scanned->records, 0);
      for (guint i = 1; i < scanned->records->len; i++)
        g_assert_cmpuint (((const Record *) g_ptr_array_index (scanned->records, i))->context, ==, first->context);
    }
}

static void
test_tricky_markup (void)
{
  const struct {
    const char *feed;
    Expected expected[3];
  } cases[] = {
    /* Comments and CDATA outside records hide what looks like a record. */
    { "<source><!-- <job>x</job> --><![CDATA[<job>y</job>]]><p><![CDATA[<job>]]></p><!--<job>--></source>",
      { { NULL } } },
    /* An end tag in CDATA, a comment or an instruction ends nothing. */
    { "<source><job><d><![CDATA[a</job>b]]></d><t>T</t></job></source>",
      { { "<job><d><![CDATA[a</job>b]]></d><t>T</t></job>", 0, 1 } } },
    { "<source><job><!-- </job> --><t>T</t></job></source>",
      { { "<job><!-- </job> --><t>T</t></job>", 0, 1 } } },
    { "<source><job><?pi </job> ?><t>T</t></job></source>",
      { { "<job><?pi </job> ?><t>T</t></job>", 0, 1 } } },
    /* Nor a '>' or an end tag in a quoted attribute value. */
    { "<source><job ref=\"a>b</job>\">R</job><job ref='c>d'>S</job></source>",
      { { "<job ref=\"a>b</job>\">R</job>", strlen ("<job ref=\"a>b</job>\">"), 1 },
        { "<job ref='c>d'>S</job>", strlen ("<job ref='c>d'>"), 1 } } },
    /* A record inside a record does not end the outer one early. */
    { "<source><job><job>inner</job><t>after</t></job></source>",
      { { "<job><job>inner</job><t>after</t></job>", 0, 1 } } },
    { "<source><job><job/><t>after</t></job></source>",
      { { "<job><job/><t>after</t></job>", 0, 1 } } },
    /* Empty records: the start tag is the whole record. */
    { "<source><job/><job id=\"x\"/>\n<job\n  id='y' /></source>",
      { { "<job/>", strlen ("<job/>"), 1 },
        { "<job id=\"x\"/>", strlen ("<job id=\"x\"/>"), 1 },
        { "<job\n  id='y' />", strlen ("<job\n  id='y' />"), 1 } } },
    /* Any case, as libxml2's callers compare it. */
    { "<source><JOB>u</JOB><Job\tid=\"1\">m</Job ></source>",
      { { "<JOB>u</JOB>", 0, 1 }, { "<Job\tid=\"1\">m</Job >", strlen ("<Job\tid=\"1\">"), 1 } } },
    /* Other names: a prefix, or a longer name. */
    { "<source xmlns:x=\"urn:x\"><x:job>a</x:job><jobs>b</jobs><jobtitle>c</jobtitle><job2/><jo>d</jo></source>",
      { { NULL } } },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize n_expected = 0;

      while (n_expected < G_N_ELEMENTS (cases[i].expected) && cases[i].expected[n_expected].bytes != NULL)
        n_expected++;
      g_test_message ("%s", cases[i].feed);
      /* Every cut: in a comment's or CDATA's terminator, in a quoted value. */
      for (gsize c = 0; c < G_N_ELEMENTS (chunk_sizes); c++)
        {
          g_autoptr (Scanned) scanned = scan_text (cases[i].feed, chunk_sizes[c]);

          assert_records (scanned, cases[i].expected, n_expected);
          g_assert_true (scanned->splitting);
        }
    }
}

/* A DTD may declare entities a record uses: the scanner stops splitting. */
static void
test_doctype (void)
{
  const char *prolog = "<?xml version=\"1.0\"?>\n";
  const char *rest = "<!DOCTYPE source [ <!ENTITY e \"x\"> ]>\n"
                     "<source><job><title>&e;</title></job><job><title>B</title></job></source>\n";
  g_autofree char *feed = g_strconcat (prolog, rest, NULL);

  for (gsize c = 0; c < G_N_ELEMENTS (chunk_sizes); c++)
    {
      g_autoptr (Scanned) scanned = scan_text (feed, chunk_sizes[c]);

      g_assert_false (scanned->splitting);
      g_assert_cmpuint (scanned->records->len, ==, 0);
      /* Nothing is held once it gave up. */
      g_assert_cmpuint (scanned->fed_length, ==, strlen (feed));
    }

  /* Only the DTD itself ends the splitting. */
  {
    g_autoptr (JkRecordScan) scan = jk_record_scan_new ("job", SEED);
    g_autoptr (Scanned) scanned = g_new0 (Scanned, 1);

    scanned->bytes = g_byte_array_new ();
    scanned->records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
    jk_record_scan_feed (scan, prolog, strlen (prolog), collect_cb, scanned);
    g_assert_true (jk_record_scan_is_splitting (scan));
    jk_record_scan_feed (scan, rest, strlen (rest), collect_cb, scanned);
    g_assert_false (jk_record_scan_is_splitting (scan));
    jk_record_scan_finish (scan, collect_cb, scanned);
    g_assert_cmpuint (scanned->records->len, ==, 0);
    g_assert_cmpmem (scanned->bytes->data, scanned->bytes->len, feed, strlen (feed));
  }
}

static void
test_context (void)
{
  const char *job = "<job><title>A</title></job>";
  g_autofree char *plain = g_strdup_printf ("<source>%s</source>", job);
  g_autofree char *namespaced = g_strdup_printf ("<source xmlns:foo=\"urn:x\">%s</source>", job);
  g_autofree char *monday = g_strdup_printf ("<source><lastBuildDate>Mon</lastBuildDate>%s</source>", job);
  g_autofree char *tuesday = g_strdup_printf ("<source><lastBuildDate>Tue</lastBuildDate>\n text %s</source>", job);
  g_autofree char *utf8 = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<source>%s</source>", job);
  g_autofree char *latin1 = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<source>%s</source>",
                                             job);
  g_autofree char *deeper = g_strdup_printf ("<source><jobs>%s</jobs></source>", job);
  guint depth;
  guint64 context;

  context = context_of (plain, SEED, &depth);
  g_assert_cmpuint (depth, ==, 1);

  /* A namespace declared around the record changes how it parses. */
  g_assert_cmpuint (context_of (namespaced, SEED, NULL), !=, context);
  /* Text and closed siblings before the record do not. */
  g_assert_cmpuint (context_of (monday, SEED, NULL), ==, context);
  g_assert_cmpuint (context_of (tuesday, SEED, NULL), ==, context);
  /* The XML declaration (its encoding) does. */
  g_assert_cmpuint (context_of (utf8, SEED, NULL), !=, context);
  g_assert_cmpuint (context_of (latin1, SEED, NULL), !=, context);
  g_assert_cmpuint (context_of (latin1, SEED, NULL), !=, context_of (utf8, SEED, NULL));
  /* So does the seed (the caller's format and hash version). */
  g_assert_cmpuint (context_of (plain, SEED + 1, NULL), !=, context);
  /* And one more element around it. */
  g_assert_cmpuint (context_of (deeper, SEED, &depth), !=, context);
  g_assert_cmpuint (depth, ==, 2);
}

#define LARGE_HEAD "<job><description>"
#define LARGE_TAIL "</description></job>"

/* Builds <source><job><description>...</description></job></source> with
 * a description of description_length bytes. */
static char *
large_feed (gsize  description_length,
            gsize *out_length,
            gsize *out_record_length)
{
  GString *feed = g_string_sized_new (description_length + 64);

  g_string_append (feed, "<source>" LARGE_HEAD);
  for (gsize i = 0; i < description_length; i++)
    g_string_append_c (feed, "abcdefghijklmnopqrstuvwxyz \n"[i % 28]);
  g_string_append (feed, LARGE_TAIL "</source>\n");
  *out_length = feed->len;
  *out_record_length = strlen (LARGE_HEAD) + description_length + strlen (LARGE_TAIL);
  return g_string_free (feed, FALSE);
}

/* A record still open after JK_RECORD_SCAN_MAX bytes (or a comment that
 * never closes) is not held any longer: every byte passes. */
static void
test_too_large_held (void)
{
  const gsize read_chunk = 64 * 1024;
  gsize length, record_length;
  g_autofree char *feed = large_feed (JK_RECORD_SCAN_MAX + 2 * read_chunk, &length, &record_length);
  g_autofree char *comment = NULL;
  g_autoptr (Scanned) scanned = scan_chunks (feed, length, "job", SEED, read_chunk);
  g_autoptr (Scanned) scanned_comment = NULL;

  g_assert_false (scanned->splitting);
  g_assert_cmpuint (scanned->records->len, ==, 0);
  /* Given up: nothing waits for finish. */
  g_assert_cmpuint (scanned->fed_length, ==, length);

  comment = g_strdup (feed);
  memcpy (comment + strlen ("<source>"), "<!--", 4);
  scanned_comment = scan_chunks (comment, length, "job", SEED, read_chunk);
  g_assert_false (scanned_comment->splitting);
  g_assert_cmpuint (scanned_comment->records->len, ==, 0);
}

/* A record larger than JK_RECORD_SCAN_MAX ends the splitting however the
 * reads cut it: held past the limit, or whole in one read. (It once came
 * out as a record when its end tag arrived in the read that took it past
 * the limit.) */
static void
test_too_large_record (void)
{
  const gsize chunks[] = { 64 * 1024, 4093, WHOLE };
  gsize length, record_length;
  g_autofree char *feed = large_feed (JK_RECORD_SCAN_MAX + 1, &length, &record_length);

  g_assert_cmpuint (record_length, >, JK_RECORD_SCAN_MAX);
  for (gsize c = 0; c < G_N_ELEMENTS (chunks); c++)
    {
      g_autoptr (Scanned) scanned = scan_chunks (feed, length, "job", SEED, chunks[c]);

      g_assert_cmpuint (scanned->records->len, ==, 0);
      g_assert_false (scanned->splitting);
    }
}

/* The largest record allowed still comes out whole, however it is fed. */
static void
test_at_limit (void)
{
  const gsize chunks[] = { 64 * 1024, 4093, WHOLE };
  gsize length, record_length;
  g_autofree char *feed = large_feed (JK_RECORD_SCAN_MAX - strlen (LARGE_HEAD) - strlen (LARGE_TAIL), &length,
                                      &record_length);

  g_assert_cmpuint (record_length, ==, JK_RECORD_SCAN_MAX);

  for (gsize c = 0; c < G_N_ELEMENTS (chunks); c++)
    {
      g_autoptr (Scanned) scanned = scan_chunks (feed, length, "job", SEED, chunks[c]);
      const Record *record;

      g_assert_true (scanned->splitting);
      g_assert_cmpuint (scanned->records->len, ==, 1);
      record = g_ptr_array_index (scanned->records, 0);
      g_assert_cmpuint (g_bytes_get_size (record->bytes), ==, JK_RECORD_SCAN_MAX);
      g_assert_cmpuint (record->depth, ==, 1);
    }
}

/* A feed cut inside a record: the records before the cut come out, and the
 * rest only when the input ends. */
static void
test_truncated (void)
{
  const char *feed = "<source><job><title>A</title></job><job><title>B";
  const Expected expected[] = { { "<job><title>A</title></job>", 0, 1 } };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", "job-xml-truncated.xml", NULL);
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;

  for (gsize c = 0; c < G_N_ELEMENTS (chunk_sizes); c++)
    {
      g_autoptr (Scanned) scanned = scan_text (feed, chunk_sizes[c]);

      assert_records (scanned, expected, G_N_ELEMENTS (expected));
      g_assert_true (scanned->splitting);
      /* The cut record was held until finish. */
      g_assert_cmpuint (scanned->fed_length, ==, strlen ("<source><job><title>A</title></job>"));
    }

  /* The fixture cut inside its fourth <job>. */
  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  for (gsize c = 0; c < G_N_ELEMENTS (chunk_sizes); c++)
    {
      g_autoptr (Scanned) scanned = scan_chunks (data, length, "job", SEED, chunk_sizes[c]);

      g_assert_cmpuint (scanned->records->len, ==, 3);
      g_assert_cmpuint (scanned->fed_length, <, length);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record-scan/fixtures/any-chunks", test_fixtures_any_chunks);
  g_test_add_func ("/record-scan/simple", test_simple_feed);
  g_test_add_func ("/record-scan/tricky-markup", test_tricky_markup);
  g_test_add_func ("/record-scan/doctype", test_doctype);
  g_test_add_func ("/record-scan/context", test_context);
  g_test_add_func ("/record-scan/too-large/held", test_too_large_held);
  g_test_add_func ("/record-scan/too-large/at-limit", test_at_limit);
  g_test_add_func ("/record-scan/too-large/record", test_too_large_record);
  g_test_add_func ("/record-scan/truncated", test_truncated);

  return g_test_run ();
}
