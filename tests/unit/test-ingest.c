/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ingest.c: the sync's core: the id map, snapshot claims and counts, and the two-thread feed ingest */

#include <glib/gstdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "feeds/jk-id-map-private.h"
#include "feeds/jk-ingest-private.h"
#include "jobs/jk-snapshot-private.h"
#include "store/jk-store-private.h"
#include <jobkiosk/jk-jobs.h>
#include <jobkiosk/jk-store.h>
#include "jk-test.h"
#include "jk-test-db.h"
#include "jk-test-proc.h"
#include "jk-test-read-log.h"

#define SOURCE_ID 1
#define OTHER_SOURCE_ID 2
#define NOW G_GINT64_CONSTANT (1764000000) /* 2025-11-24 */
/* How many rows jk-ingest.c lets wait at most: MAX_BATCHES queued batches
 * of BATCH_SIZE, one being written and one being filled. */
#define INGEST_BATCH_SIZE 64
#define INGEST_MAX_BATCHES 8

typedef JkTestDb Fixture;

#define assert_counts(c, a, u, same, r, d, t) \
  G_STMT_START \
  { \
    g_assert_cmpuint ((c)->added, ==, (a)); \
    g_assert_cmpuint ((c)->updated, ==, (u)); \
    g_assert_cmpuint ((c)->unchanged, ==, (same)); \
    g_assert_cmpuint ((c)->removed, ==, (r)); \
    g_assert_cmpuint ((c)->duplicates, ==, (d)); \
    g_assert_cmpuint ((c)->total, ==, (t)); \
  } \
  G_STMT_END

/* ---------------------------------------------------------------------- */
/* Fixture                                                                */

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer user_data)
{
  jk_test_db_set_up (fixture, "jk-ingest-XXXXXX", NULL);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer user_data)
{
  jk_test_db_tear_down (fixture);
}

/* ---------------------------------------------------------------------- */
/* Helpers: the database                                                  */

static gint64
count_jobs (Fixture *fixture,
            gint64   source_id)
{
  return jk_test_query_int (fixture->store, "SELECT count(*) FROM jobs WHERE source_id = %" G_GINT64_FORMAT, source_id);
}

static gint64
row_of (Fixture    *fixture,
        const char *external_id)
{
  return jk_test_query_int (fixture->store, "SELECT ifnull ((SELECT id FROM jobs WHERE external_id = '%s'), 0)", external_id);
}

/* Rows the index finds for an FTS5 query: it reads the index only, so a
 * posting removed from the table but not from the index still counts. */
static gint64
fts_count (Fixture    *fixture,
           const char *match)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (fixture->store,
                                                    "SELECT count(*) FROM jobs_fts WHERE jobs_fts MATCH ?1", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
assert_index_ok (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  gboolean ok;

  /* The index is consistent in itself … */
  ok = jk_store_exec (fixture->store, "INSERT INTO jobs_fts (jobs_fts) VALUES ('integrity-check')", &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  /* … and with the jobs table: with rank 1 FTS5 also compares an external
   * content table's rows with the index (the plain check does not). */
  ok = jk_store_exec (fixture->store, "INSERT INTO jobs_fts (jobs_fts, rank) VALUES ('integrity-check', 1)", &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

/* ---------------------------------------------------------------------- */
/* Helpers: snapshots                                                     */

static const char *const title_words[] = {
  "Cook", "Cashier", "Forklift", "Welder", "Teller", "Janitor", "Barista", "Guard", "Assistant", "Driver",
};

static JkJob *
make_job (const char *external_id,
          const char *title,
          guint64     raw_hash)
{
  JkJob *job = jk_job_new ();

  job->external_id = g_strdup (external_id);
  job->title = g_strdup (title);
  job->employer = g_strdup ("Test Employer");
  job->city = g_strdup ("Columbus");
  job->state = g_strdup ("OH");
  job->postal_code = g_strdup ("43215");
  job->description = g_strdup_printf ("All about the %s posting.", title != NULL ? title : "untitled");
  job->raw_hash = raw_hash;
  return job;
}

/* J-i, titled "Welder 3" and the like. */
static JkJob *
standard_job (guint   i,
              guint64 raw_hash)
{
  g_autofree char *id = g_strdup_printf ("J-%u", i);
  g_autofree char *title = g_strdup_printf ("%s %u", title_words[i % G_N_ELEMENTS (title_words)], i);

  return make_job (id, title, raw_hash);
}

static guint64
standard_raw_hash (guint i)
{
  /* Half with the top bit set: stored as negative integers. */
  return (i % 2 == 0 ? G_GUINT64_CONSTANT (0x8000000000000000) : 0) | (1000 + i);
}

static JkSnapshot *
begin_snapshot (Fixture *fixture,
                gint64   source_id,
                gint64   now)
{
  g_autoptr (GError) error = NULL;
  JkSnapshot *snapshot = jk_snapshot_begin (fixture->store, source_id, now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  return snapshot;
}

static void
add_job (JkSnapshot *snapshot,
         JkJob      *job)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkJob) owned = job;
  gboolean ok = jk_snapshot_add (snapshot, owned, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
commit_ok (JkSnapshot   *snapshot,
           double        min_share,
           JkSyncCounts *counts)
{
  g_autoptr (GError) error = NULL;
  gboolean ok;

  memset (counts, 0xAA, sizeof *counts); /* so nothing passes by chance */
  ok = jk_snapshot_commit (snapshot, min_share, counts, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

/* A committed first snapshot of J-0 … J-(n-1), with standard raw hashes. */
static void
seed_jobs (Fixture *fixture,
           guint    n)
{
  g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW);
  JkSyncCounts counts;

  for (guint i = 0; i < n; i++)
    add_job (snapshot, standard_job (i, standard_raw_hash (i)));
  commit_ok (snapshot, 0.5, &counts);
  assert_counts (&counts, n, 0, 0, 0, 0, n);
  g_assert_cmpint (count_jobs (fixture, SOURCE_ID), ==, n);
}

/* ---------------------------------------------------------------------- */
/* Helpers: feed files                                                    */

/* Past the 300 characters the index keeps of a description, and not ASCII,
 * so the index's excerpt and the table's must agree character by character. */
#define LONG_TEXT \
  "Café crème, naïve résumé — ünïcödé text that runs past the excerpt. " \
  "Café crème, naïve résumé — ünïcödé text that runs past the excerpt. " \
  "Café crème, naïve résumé — ünïcödé text that runs past the excerpt. " \
  "Café crème, naïve résumé — ünïcödé text that runs past the excerpt. " \
  "Café crème, naïve résumé — ünïcödé text that runs past the excerpt. "

static GString *
feed_new (void)
{
  return g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<source><publisher>Ingest test</publisher>\n");
}

/* Job R-i; lead goes at the start of its description, extra after its fields. */
static void
feed_add_job (GString    *xml,
              guint       i,
              const char *lead,
              const char *extra)
{
  g_string_append_printf (xml,
                          "<job><title><![CDATA[%s %u]]></title><referencenumber>R-%u</referencenumber>"
                          "<url>https://example.org/apply/%u</url><company><![CDATA[Test Employer]]></company>"
                          "<city>Columbus</city><state>OH</state><postalcode>43215</postalcode>"
                          "<description><![CDATA[<p>%sPosting number %u. " LONG_TEXT "</p>]]></description>"
                          "<date>2025-11-0%u</date>%s</job>\n",
                          title_words[i % G_N_ELEMENTS (title_words)], i, i, i, lead != NULL ? lead : "", i,
                          1 + i % 9, extra != NULL ? extra : "");
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static char *
feed_write (Fixture    *fixture,
            const char *name,
            GString    *xml)
{
  g_string_append (xml, "</source>\n");
  return write_file (fixture, name, xml->str, (gssize) xml->len);
}

/* R-0 … R-(n-1), with lead at the start of R-edited's description. */
static char *
write_edited_feed (Fixture    *fixture,
                   const char *name,
                   guint       n,
                   guint       edited,
                   const char *lead)
{
  g_autoptr (GString) xml = feed_new ();

  for (guint i = 0; i < n; i++)
    feed_add_job (xml, i, i == edited ? lead : NULL, NULL);
  return feed_write (fixture, name, xml);
}

/* R-0 … R-(n-1), as they are. */
static char *
write_standard_feed (Fixture    *fixture,
                     const char *name,
                     guint       n)
{
  return write_edited_feed (fixture, name, n, 0, NULL);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "feeds", name, NULL);
}

/* Ingests a file into a new snapshot of source_id and commits it. */
static void
ingest_ok (Fixture      *fixture,
           gint64        source_id,
           const char   *path,
           JkFeedFormat  format,
           JkFeedStats  *stats,
           JkSyncCounts *counts)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, source_id, NOW);
  gboolean ok;

  jk_feed_stats_clear (stats);
  ok = jk_ingest_file (snapshot, path, format, stats, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  commit_ok (snapshot, 0.5, counts);
}

/* ---------------------------------------------------------------------- */
/* JkIdMap                                                                */

static void
test_id_map_states (void)
{
  g_autoptr (JkIdMap) map = jk_id_map_new (0);
  guint64 a = jk_id_map_key ("A-1"), b = jk_id_map_key ("B-2"), c = jk_id_map_key ("C-3");
  guint64 raw = 0;
  gint64 row = 0;

  g_assert_cmpuint (jk_id_map_size (map), ==, 0);
  jk_id_map_add_cached (map, a, 0x1111, 7);
  jk_id_map_add_cached (map, b, G_GUINT64_CONSTANT (0xF00000000000000F), G_GINT64_CONSTANT (0x3FFFFFFFFFFF));
  g_assert_cmpuint (jk_id_map_size (map), ==, 2);

  /* Cached, first time: its row and raw hash. */
  g_assert_cmpint (jk_id_map_see (map, a, &row, &raw), ==, JK_ID_CACHED);
  g_assert_cmpint (row, ==, 7);
  g_assert_cmphex (raw, ==, 0x1111);
  /* Then a repeat. */
  g_assert_cmpint (jk_id_map_see (map, a, &row, &raw), ==, JK_ID_REPEAT);

  /* Large rows and raw hashes with the top bit set come back whole. */
  g_assert_cmpint (jk_id_map_see (map, b, &row, &raw), ==, JK_ID_CACHED);
  g_assert_cmpint (row, ==, G_GINT64_CONSTANT (0x3FFFFFFFFFFF));
  g_assert_cmphex (raw, ==, G_GUINT64_CONSTANT (0xF00000000000000F));
  g_assert_cmpint (jk_id_map_see (map, b, NULL, NULL), ==, JK_ID_REPEAT);

  /* Not cached: new, then a repeat; it counts in the size. */
  g_assert_cmpint (jk_id_map_see (map, c, &row, &raw), ==, JK_ID_NEW);
  g_assert_cmpuint (jk_id_map_size (map), ==, 3);
  g_assert_cmpint (jk_id_map_see (map, c, NULL, NULL), ==, JK_ID_REPEAT);
  g_assert_cmpuint (jk_id_map_size (map), ==, 3);

  /* NULL outputs are allowed for a cached key too. */
  jk_id_map_add_cached (map, jk_id_map_key ("D-4"), 4, 4);
  g_assert_cmpint (jk_id_map_see (map, jk_id_map_key ("D-4"), NULL, NULL), ==, JK_ID_CACHED);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
test_id_map_unseen (void)
{
  g_autoptr (JkIdMap) map = jk_id_map_new (0);
  g_autoptr (GArray) none = NULL;
  g_autoptr (GArray) rows = NULL;
  g_autoptr (GArray) after = NULL;

  none = jk_id_map_unseen_rows (map);
  g_assert_cmpuint (none->len, ==, 0);

  for (gint64 r = 10; r < 15; r++)
    {
      g_autofree char *id = g_strdup_printf ("id-%" G_GINT64_FORMAT, r);
      jk_id_map_add_cached (map, jk_id_map_key (id), (guint64) r * 3, r);
    }
  g_assert_cmpint (jk_id_map_see (map, jk_id_map_key ("id-11"), NULL, NULL), ==, JK_ID_CACHED);
  g_assert_cmpint (jk_id_map_see (map, jk_id_map_key ("id-13"), NULL, NULL), ==, JK_ID_CACHED);
  /* A new posting is never "unseen": it is in the snapshot. */
  g_assert_cmpint (jk_id_map_see (map, jk_id_map_key ("brand-new"), NULL, NULL), ==, JK_ID_NEW);

  rows = jk_id_map_unseen_rows (map);
  g_array_sort (rows, compare_int64);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpint (g_array_index (rows, gint64, 0), ==, 10);
  g_assert_cmpint (g_array_index (rows, gint64, 1), ==, 12);
  g_assert_cmpint (g_array_index (rows, gint64, 2), ==, 14);

  /* Seen ones stay seen after more lookups. */
  g_assert_cmpint (jk_id_map_see (map, jk_id_map_key ("id-11"), NULL, NULL), ==, JK_ID_REPEAT);
  after = jk_id_map_unseen_rows (map);
  g_assert_cmpuint (after->len, ==, 3);
}

/* Far past the first table's size, through many doublings. */
/* The raw-hash index finds cached postings by their bytes' hash, and
 * still does after the table grew under it with new postings; a posting
 * seen by id is a repeat by raw hash, and the other way round. */
static void
test_id_map_raw_index (void)
{
  const guint n = 2000, n_new = 5000;
  g_autoptr (JkIdMap) map = jk_id_map_new (n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("ext-%u", i);
      jk_id_map_add_cached (map, jk_id_map_key (id), (guint64) i * 7919 + 1, (gint64) i + 1);
    }
  jk_id_map_index_raw (map);
  g_assert_true (jk_id_map_holds_raw (map, 7919 * 5 + 1));
  g_assert_false (jk_id_map_holds_raw (map, 7919 * 5 + 2));
  g_assert_false (jk_id_map_holds_raw (map, 0));

  /* New postings make the table grow several times over. */
  for (guint i = 0; i < n_new; i++)
    {
      g_autofree char *fresh = g_strdup_printf ("new-%u", i);
      g_assert_cmpint (jk_id_map_see (map, jk_id_map_key (fresh), NULL, NULL), ==, JK_ID_NEW);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("ext-%u", i);
      guint64 raw = (guint64) i * 7919 + 1;

      g_assert_true (jk_id_map_holds_raw (map, raw));
      if (i % 2 == 0)
        {
          g_assert_cmpint (jk_id_map_see_raw (map, raw), ==, JK_ID_CACHED);
          g_assert_cmpint (jk_id_map_see (map, jk_id_map_key (id), NULL, NULL), ==, JK_ID_REPEAT);
        }
      else
        {
          g_assert_cmpint (jk_id_map_see (map, jk_id_map_key (id), NULL, NULL), ==, JK_ID_CACHED);
          g_assert_cmpint (jk_id_map_see_raw (map, raw), ==, JK_ID_REPEAT);
        }
    }
  g_assert_cmpuint (jk_id_map_size (map), ==, n + n_new);
  {
    g_autoptr (GArray) unseen = jk_id_map_unseen_rows (map);
    g_assert_cmpuint (unseen->len, ==, 0);
  }
}

static void
test_id_map_growth (void)
{
  const guint n = 50000, n_new = 3000;
  g_autoptr (JkIdMap) map = jk_id_map_new (0);
  g_autoptr (GArray) unseen = NULL;
  g_autoptr (GArray) none = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("ext-%u", i);
      jk_id_map_add_cached (map, jk_id_map_key (id), (guint64) i * 7919 + 1, (gint64) i + 1);
    }
  g_assert_cmpuint (jk_id_map_size (map), ==, n);

  /* Half seen, with new ones mixed in (the table grows while seeing too). */
  for (guint i = 0; i < n; i += 2)
    {
      g_autofree char *id = g_strdup_printf ("ext-%u", i);
      gint64 row = -1;
      guint64 raw = 0;

      g_assert_cmpint (jk_id_map_see (map, jk_id_map_key (id), &row, &raw), ==, JK_ID_CACHED);
      g_assert_cmpint (row, ==, (gint64) i + 1);
      g_assert_cmphex (raw, ==, (guint64) i * 7919 + 1);
      if (i / 2 < n_new)
        {
          g_autofree char *fresh = g_strdup_printf ("new-%u", i / 2);
          g_assert_cmpint (jk_id_map_see (map, jk_id_map_key (fresh), NULL, NULL), ==, JK_ID_NEW);
        }
    }
  g_assert_cmpuint (jk_id_map_size (map), ==, n + n_new);

  /* Unseen: exactly the odd half, each once. */
  unseen = jk_id_map_unseen_rows (map);
  g_assert_cmpuint (unseen->len, ==, n / 2);
  g_array_sort (unseen, compare_int64);
  for (guint k = 0; k < unseen->len; k++)
    g_assert_cmpint (g_array_index (unseen, gint64, k), ==, (gint64) (2 * k + 1) + 1);

  /* The rest: cached, then every key a repeat. */
  for (guint i = 1; i < n; i += 2)
    {
      g_autofree char *id = g_strdup_printf ("ext-%u", i);
      gint64 row = -1;

      g_assert_cmpint (jk_id_map_see (map, jk_id_map_key (id), &row, NULL), ==, JK_ID_CACHED);
      g_assert_cmpint (row, ==, (gint64) i + 1);
    }
  none = jk_id_map_unseen_rows (map);
  g_assert_cmpuint (none->len, ==, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("ext-%u", i);
      g_assert_cmpint (jk_id_map_see (map, jk_id_map_key (id), NULL, NULL), ==, JK_ID_REPEAT);
    }
  for (guint i = 0; i < n_new; i++)
    {
      g_autofree char *fresh = g_strdup_printf ("new-%u", i);
      g_assert_cmpint (jk_id_map_see (map, jk_id_map_key (fresh), NULL, NULL), ==, JK_ID_REPEAT);
    }
  g_assert_cmpuint (jk_id_map_size (map), ==, n + n_new);
}

static void
test_id_map_key (void)
{
  const char *const ids[] = { "T-1", "T-10", "T-01", "t-1", "T-1 ", "", "T-1#2", "https://example.org/apply/1" };
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *copy = g_strdup ("T-1");
  char buffer[8] = "T-1";

  /* Equal text, equal key, wherever it is stored. */
  g_assert_cmphex (jk_id_map_key ("T-1"), ==, jk_id_map_key (copy));
  g_assert_cmphex (jk_id_map_key (buffer), ==, jk_id_map_key (copy));

  /* Different text, different keys; never the empty slot's 0. */
  for (gsize i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      guint64 key_i = jk_id_map_key (ids[i]);
      g_assert_cmphex (key_i, !=, 0);
      for (gsize j = i + 1; j < G_N_ELEMENTS (ids); j++)
        g_assert_cmphex (key_i, !=, jk_id_map_key (ids[j]));
    }

  /* No two of many similar ids share a key. */
  for (guint i = 0; i < 100000; i++)
    {
      g_autofree char *id = g_strdup_printf ("REQ-%u", i);
      gint64 *key = g_new (gint64, 1);

      *key = (gint64) jk_id_map_key (id);
      g_assert_cmpint (*key, !=, 0);
      g_assert_false (g_hash_table_contains (seen, key));
      g_hash_table_add (seen, key);
    }
}

/* ---------------------------------------------------------------------- */
/* JkSnapshot                                                             */

static void
test_snapshot_first (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW);
  g_autofree char *title = NULL;
  g_autofree char *state = NULL;
  JkSyncCounts counts;

  for (guint i = 0; i < 5; i++)
    add_job (snapshot, standard_job (i, standard_raw_hash (i)));
  /* Neither without a title nor without an id can be kept. */
  add_job (snapshot, make_job ("NO-TITLE", NULL, 1));
  add_job (snapshot, make_job (NULL, "No Id", 2));
  commit_ok (snapshot, 0.5, &counts);
  assert_counts (&counts, 5, 0, 0, 0, 0, 5);
  g_assert_cmpuint (counts.expired, ==, 0);

  g_assert_cmpint (count_jobs (fixture, SOURCE_ID), ==, 5);
  g_assert_cmpint (row_of (fixture, "NO-TITLE"), ==, 0);
  title = jk_test_query_text (fixture->store, "SELECT title FROM jobs WHERE external_id = 'J-3'");
  g_assert_cmpstr (title, ==, "Welder 3");
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT raw_hash FROM jobs WHERE external_id = 'J-2'"), ==,
                   (gint64) standard_raw_hash (2));
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM jobs WHERE first_seen = %" G_GINT64_FORMAT
                              " AND last_seen = %" G_GINT64_FORMAT, NOW, NOW), ==, 5);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT last_good_count FROM sources WHERE id = 1"), ==, 5);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT last_good_sync FROM sources WHERE id = 1"), ==, NOW);
  state = jk_test_query_text (fixture->store, "SELECT state FROM sources WHERE id = 1");
  g_assert_cmpstr (state, ==, "ok");
  g_assert_cmpint (jk_jobs_count_active (fixture->store, SOURCE_ID, NOW, NULL), ==, 5);

  g_assert_cmpint (fts_count (fixture, "title:welder"), ==, 1);
  g_assert_cmpint (fts_count (fixture, "employer:employer"), ==, 5);
  assert_index_ok (fixture);
}

/* Same id, same raw hash: counted unchanged, never compared or written. */
static void
test_snapshot_unchanged_raw (Fixture      *fixture,
                             gconstpointer user_data)
{
  g_autoptr (JkSnapshot) snapshot = NULL;
  sqlite3 *db = jk_store_get_db (fixture->store);
  g_autoptr (GError) error = NULL;
  JkSyncCounts counts;
  gint64 row = -5;
  int changes;

  seed_jobs (fixture, 5);
  /* Were J-2 compared or rewritten, its content hash would come back. */
  g_assert_true (jk_store_exec (fixture->store, "UPDATE jobs SET content_hash = 0 WHERE external_id = 'J-2'", &error));
  g_assert_no_error (error);

  snapshot = begin_snapshot (fixture, SOURCE_ID, NOW + 3600);
  changes = sqlite3_total_changes (db);
  for (guint i = 0; i < 4; i++)
    add_job (snapshot, standard_job (i, standard_raw_hash (i)));
  g_assert_false (jk_snapshot_claim (snapshot, "J-4", standard_raw_hash (4), 0, &row));
  g_assert_cmpint (row, ==, -5);
  g_assert_cmpint (sqlite3_total_changes (db), ==, changes);
  commit_ok (snapshot, 0.5, &counts);
  assert_counts (&counts, 0, 0, 5, 0, 0, 5);

  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT content_hash FROM jobs WHERE external_id = 'J-2'"), ==, 0);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM jobs WHERE last_seen = %" G_GINT64_FORMAT, NOW),
                   ==, 5);
  g_assert_cmpint (count_jobs (fixture, SOURCE_ID), ==, 5);
}

/* Claim, row_new and write in steps, the way the ingest threads use them. */
static void
test_snapshot_claim_steps (Fixture      *fixture,
                           gconstpointer user_data)
{
  g_autoptr (JkSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  JkSyncCounts counts;
  gint64 row;

  {
    g_autoptr (JkSnapshot) first = begin_snapshot (fixture, SOURCE_ID, NOW);
    add_job (first, standard_job (0, 100));
    add_job (first, standard_job (1, 101));
    add_job (first, standard_job (2, 0)); /* raw text unknown, as from JSON */
    commit_ok (first, 0.5, &counts);
    assert_counts (&counts, 3, 0, 0, 0, 0, 3);
  }

  snapshot = begin_snapshot (fixture, SOURCE_ID, NOW);
  row = -1;
  g_assert_false (jk_snapshot_claim (snapshot, "J-0", 100, 0, &row));
  g_assert_cmpint (row, ==, -1);
  /* A different raw hash: to be written over its cached row. */
  g_assert_true (jk_snapshot_claim (snapshot, "J-1", 999, 0, &row));
  g_assert_cmpint (row, ==, row_of (fixture, "J-1"));
  g_assert_cmpint (row, >, 0);
  {
    g_autoptr (JkSnapshotRow) write = jk_snapshot_row_new (make_job ("J-1", "Head Cashier 1", 999), row);
    g_assert_true (jk_snapshot_write (snapshot, write, &error));
    g_assert_no_error (error);
  }
  /* Raw hash 0 (unknown) never matches, even a cached 0: compared by content. */
  g_assert_true (jk_snapshot_claim (snapshot, "J-2", 0, 0, &row));
  g_assert_cmpint (row, ==, row_of (fixture, "J-2"));
  {
    g_autoptr (JkSnapshotRow) write = jk_snapshot_row_new (standard_job (2, 0), row);
    g_assert_true (jk_snapshot_write (snapshot, write, &error));
    g_assert_no_error (error);
  }
  /* New: row 0. */
  row = -1;
  g_assert_true (jk_snapshot_claim (snapshot, "J-9", 109, 0, &row));
  g_assert_cmpint (row, ==, 0);
  {
    g_autoptr (JkSnapshotRow) write = jk_snapshot_row_new (standard_job (9, 109), row);
    g_assert_true (jk_snapshot_write (snapshot, write, &error));
    g_assert_no_error (error);
  }
  /* Repeats, whatever their raw hash: as new as the copy listed before
   * (no date), the later one stands, written over where that one went. */
  g_assert_true (jk_snapshot_claim (snapshot, "J-9", 109, 0, &row));
  g_assert_cmpint (row, ==, JK_SNAPSHOT_ROW_LISTED);
  g_assert_true (jk_snapshot_claim (snapshot, "J-0", 555, 0, &row));
  g_assert_cmpint (row, ==, -row_of (fixture, "J-0"));
  g_assert_true (jk_snapshot_claim (snapshot, "J-1", 999, 0, &row));
  g_assert_cmpint (row, ==, -row_of (fixture, "J-1"));

  commit_ok (snapshot, 0.5, &counts);
  assert_counts (&counts, 1, 1, 2, 0, 3, 4);

  title = jk_test_query_text (fixture->store, "SELECT title FROM jobs WHERE external_id = 'J-1'");
  g_assert_cmpstr (title, ==, "Head Cashier 1");
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT raw_hash FROM jobs WHERE external_id = 'J-1'"), ==, 999);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT raw_hash FROM jobs WHERE external_id = 'J-2'"), ==, 0);
  g_assert_cmpint (count_jobs (fixture, SOURCE_ID), ==, 4);
  g_assert_cmpint (fts_count (fixture, "title:head"), ==, 1);
  assert_index_ok (fixture);
}

static JkJob *
dated_job (const char *external_id,
           const char *title,
           guint64     raw_hash,
           gint64      posted)
{
  JkJob *job = make_job (external_id, title, raw_hash);

  job->posted = posted;
  return job;
}

/* The same id twice in one snapshot: one duplicate, the newest stands (by
 * date posted, then the later in the feed). */
static void
test_snapshot_duplicate_id (Fixture      *fixture,
                            gconstpointer user_data)
{
  g_autofree char *title = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *fourth = NULL;
  JkSyncCounts counts;

  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW);
    add_job (snapshot, dated_job ("D-1", "Original Title", 11, NOW - 10));
    add_job (snapshot, dated_job ("D-1", "Impostor Title", 22, NOW - 20));
    add_job (snapshot, make_job ("D-2", "Other Posting", 33));
    commit_ok (snapshot, 0.5, &counts);
    assert_counts (&counts, 2, 0, 0, 0, 1, 2);
  }
  title = jk_test_query_text (fixture->store, "SELECT title FROM jobs WHERE external_id = 'D-1'");
  g_assert_cmpstr (title, ==, "Original Title");
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT raw_hash FROM jobs WHERE external_id = 'D-1'"), ==, 11);
  g_assert_cmpint (fts_count (fixture, "title:impostor"), ==, 0);

  /* Cached now: the first listing (changed, newer) is written, the second ignored. */
  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW);
    add_job (snapshot, dated_job ("D-1", "Renamed Title", 44, NOW - 5));
    add_job (snapshot, dated_job ("D-1", "Original Title", 11, NOW - 10));
    add_job (snapshot, make_job ("D-2", "Other Posting", 33));
    add_job (snapshot, make_job ("D-2", "Other Posting", 33));
    commit_ok (snapshot, 0.5, &counts);
    assert_counts (&counts, 0, 1, 1, 0, 2, 2);
  }
  second = jk_test_query_text (fixture->store, "SELECT title FROM jobs WHERE external_id = 'D-1'");
  g_assert_cmpstr (second, ==, "Renamed Title");
  g_assert_cmpint (count_jobs (fixture, SOURCE_ID), ==, 2);
  assert_index_ok (fixture);

  /* The newer one second: it stands, over the first, new or cached. */
  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW);
    add_job (snapshot, dated_job ("D-1", "Stale Title", 55, NOW - 30));
    add_job (snapshot, dated_job ("D-1", "Newest Title", 66, NOW));
    add_job (snapshot, dated_job ("D-3", "Old Listing", 77, NOW - 30));
    add_job (snapshot, dated_job ("D-3", "Fresh Listing", 88, NOW));
    commit_ok (snapshot, 0.5, &counts);
    assert_counts (&counts, 1, 1, 0, 1, 2, 2);
  }
  third = jk_test_query_text (fixture->store, "SELECT group_concat (title, ',') FROM jobs ORDER BY external_id");
  g_assert_cmpstr (third, ==, "Newest Title,Fresh Listing");
  g_assert_cmpint (fts_count (fixture, "title:stale OR title:old"), ==, 0);
  g_assert_cmpint (fts_count (fixture, "title:newest"), ==, 1);
  g_assert_cmpint (fts_count (fixture, "title:fresh"), ==, 1);
  assert_index_ok (fixture);

  /* As new as each other: the later one in the feed. */
  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW);
    add_job (snapshot, dated_job ("D-1", "Newest Title", 66, NOW));
    add_job (snapshot, dated_job ("D-1", "Later Title", 99, NOW));
    add_job (snapshot, dated_job ("D-3", "Fresh Listing", 88, NOW));
    commit_ok (snapshot, 0.5, &counts);
    assert_counts (&counts, 0, 0, 2, 0, 1, 2);
  }
  fourth = jk_test_query_text (fixture->store, "SELECT title FROM jobs WHERE external_id = 'D-1'");
  g_assert_cmpstr (fourth, ==, "Later Title");
  assert_index_ok (fixture);
}

/* A posting the new snapshot does not list leaves the table and the index. */
static void
test_snapshot_removed (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autoptr (JkSnapshot) snapshot = NULL;
  JkSyncCounts counts;

  seed_jobs (fixture, 10);
  g_assert_cmpint (fts_count (fixture, "title:welder"), ==, 1);

  snapshot = begin_snapshot (fixture, SOURCE_ID, NOW);
  for (guint i = 0; i < 10; i++)
    if (i != 3)
      add_job (snapshot, standard_job (i, standard_raw_hash (i)));
  commit_ok (snapshot, 0.5, &counts);
  assert_counts (&counts, 0, 0, 9, 1, 0, 9);

  g_assert_cmpint (row_of (fixture, "J-3"), ==, 0);
  g_assert_cmpint (count_jobs (fixture, SOURCE_ID), ==, 9);
  g_assert_cmpint (fts_count (fixture, "title:welder"), ==, 0);
  g_assert_cmpint (fts_count (fixture, "title:cook"), ==, 1);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT last_good_count FROM sources WHERE id = 1"), ==, 9);
  assert_index_ok (fixture);
}

/* A new raw hash but the same normalized posting: unchanged, and only the
 * raw hash is brought up to date. */
static void
test_snapshot_raw_hash_only (Fixture      *fixture,
                             gconstpointer user_data)
{
  const guint64 new_raw = G_GUINT64_CONSTANT (0xFEDCBA9876543210);
  g_autoptr (JkSnapshot) third = NULL;
  sqlite3 *db = jk_store_get_db (fixture->store);
  JkSyncCounts counts;
  gint64 content_hash, row = -1;

  seed_jobs (fixture, 3);
  content_hash = jk_test_query_int (fixture->store, "SELECT content_hash FROM jobs WHERE external_id = 'J-1'");

  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW + 60);
    add_job (snapshot, standard_job (0, standard_raw_hash (0)));
    add_job (snapshot, standard_job (1, new_raw));
    add_job (snapshot, standard_job (2, standard_raw_hash (2)));
    commit_ok (snapshot, 0.5, &counts);
    assert_counts (&counts, 0, 0, 3, 0, 0, 3);
  }
  g_assert_cmphex ((guint64) jk_test_query_int (fixture->store, "SELECT raw_hash FROM jobs WHERE external_id = 'J-1'"), ==,
                   new_raw);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT content_hash FROM jobs WHERE external_id = 'J-1'"), ==,
                   content_hash);

  /* The next snapshot knows it by its new raw hash, and writes nothing. */
  third = begin_snapshot (fixture, SOURCE_ID, NOW + 120);
  {
    int changes = sqlite3_total_changes (db);
    g_assert_false (jk_snapshot_claim (third, "J-1", new_raw, 0, &row));
    g_assert_false (jk_snapshot_claim (third, "J-0", standard_raw_hash (0), 0, &row));
    add_job (third, standard_job (2, standard_raw_hash (2)));
    g_assert_cmpint (sqlite3_total_changes (db), ==, changes);
  }
  g_assert_cmpint (row, ==, -1);
  commit_ok (third, 0.5, &counts);
  assert_counts (&counts, 0, 0, 3, 0, 0, 3);
}

static void
test_snapshot_updated (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autoptr (JkSnapshot) snapshot = NULL;
  g_autofree char *description = NULL;
  g_autofree char *title = NULL;
  JkSyncCounts counts;

  seed_jobs (fixture, 10);
  g_assert_cmpint (fts_count (fixture, "title:teller"), ==, 1);

  snapshot = begin_snapshot (fixture, SOURCE_ID, NOW + 3600);
  for (guint i = 0; i < 10; i++)
    {
      JkJob *job = standard_job (i, standard_raw_hash (i) + 1);
      if (i == 4)
        {
          /* A new title: a new dedup key, new index terms. */
          g_free (job->title);
          job->title = g_strdup ("Loan Officer 4");
        }
      if (i == 6)
        {
          g_free (job->description);
          job->description = g_strdup ("Zeppelin pilot wanted.");
        }
      add_job (snapshot, job);
    }
  commit_ok (snapshot, 0.5, &counts);
  assert_counts (&counts, 0, 2, 8, 0, 0, 10);

  title = jk_test_query_text (fixture->store, "SELECT title FROM jobs WHERE external_id = 'J-4'");
  g_assert_cmpstr (title, ==, "Loan Officer 4");
  description = jk_test_query_text (fixture->store, "SELECT description FROM jobs WHERE external_id = 'J-6'");
  g_assert_cmpstr (description, ==, "Zeppelin pilot wanted.");
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT first_seen FROM jobs WHERE external_id = 'J-6'"), ==, NOW);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT last_seen FROM jobs WHERE external_id = 'J-6'"), ==, NOW + 3600);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM jobs WHERE dedup_key LIKE 'loan officer 4|%%'"), ==,
                   1);
  g_assert_cmpint (fts_count (fixture, "title:teller"), ==, 0);
  g_assert_cmpint (fts_count (fixture, "title:officer"), ==, 1);
  g_assert_cmpint (fts_count (fixture, "excerpt:zeppelin"), ==, 1);
  g_assert_cmpint (fts_count (fixture, "excerpt:barista"), ==, 0); /* J-6's old "All about the Barista 6 posting." */
  assert_index_ok (fixture);
}

/* Postings at or past their closing date are counted. */
static void
test_snapshot_expired (Fixture      *fixture,
                       gconstpointer user_data)
{
  const gint64 expires[] = { NOW - 86400, NOW, NOW + 1, 0 };
  JkSyncCounts counts;

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW);

      for (guint i = 0; i < G_N_ELEMENTS (expires); i++)
        {
          JkJob *job = standard_job (i, standard_raw_hash (i));
          job->expires = expires[i];
          add_job (snapshot, job);
        }
      commit_ok (snapshot, 0.5, &counts);
      if (round == 0)
        assert_counts (&counts, 4, 0, 0, 0, 0, 4);
      else
        assert_counts (&counts, 0, 0, 4, 0, 0, 4);
      g_assert_cmpuint (counts.expired, ==, 2);
    }
  g_assert_cmpint (jk_jobs_count_active (fixture->store, SOURCE_ID, NOW, NULL), ==, 2);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM jobs WHERE expires IS NULL"), ==, 1);
}

static void
assert_seed_intact (Fixture *fixture,
                    guint    n)
{
  g_assert_cmpint (count_jobs (fixture, SOURCE_ID), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *description = jk_test_query_text (fixture->store,
                                                  "SELECT description FROM jobs WHERE external_id = 'J-%u'", i);
      g_autofree char *expected = NULL;
      g_autoptr (JkJob) job = standard_job (i, 0);

      expected = g_strdup (job->description);
      g_assert_cmpstr (description, ==, expected);
      g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT raw_hash FROM jobs WHERE external_id = 'J-%u'", i), ==,
                       (gint64) standard_raw_hash (i));
    }
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT last_good_count FROM sources WHERE id = 1"), ==, n);
  assert_index_ok (fixture);
}

/* An empty snapshot, or one far smaller than the last good one, is refused
 * and the previous listings stay as they were. */
static void
test_snapshot_refused (Fixture      *fixture,
                       gconstpointer user_data)
{
  JkSyncCounts counts;

  seed_jobs (fixture, 10);

  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW);
    g_autoptr (GError) error = NULL;

    g_assert_false (jk_snapshot_commit (snapshot, 0.0, &counts, &error));
    g_assert_error (error, JK_JOBS_ERROR, JK_JOBS_ERROR_REFUSED);
  }
  assert_seed_intact (fixture, 10);

  /* A snapshot of only postings without id or title is empty too. */
  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW);
    g_autoptr (GError) error = NULL;

    add_job (snapshot, make_job (NULL, "No Id", 5));
    g_assert_false (jk_snapshot_commit (snapshot, 0.0, &counts, &error));
    g_assert_error (error, JK_JOBS_ERROR, JK_JOBS_ERROR_REFUSED);
  }
  assert_seed_intact (fixture, 10);

  /* 4 of 10 is below half: refused, and what it wrote is rolled back. */
  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW);
    g_autoptr (GError) error = NULL;
    JkJob *changed = standard_job (0, 777);

    g_free (changed->description);
    changed->description = g_strdup ("Rewritten before the refusal.");
    add_job (snapshot, changed);
    add_job (snapshot, standard_job (1, standard_raw_hash (1)));
    add_job (snapshot, standard_job (2, standard_raw_hash (2)));
    add_job (snapshot, standard_job (42, 4242));
    g_assert_false (jk_snapshot_commit (snapshot, 0.5, &counts, &error));
    g_assert_error (error, JK_JOBS_ERROR, JK_JOBS_ERROR_REFUSED);
  }
  assert_seed_intact (fixture, 10);
  g_assert_cmpint (row_of (fixture, "J-42"), ==, 0);
  g_assert_cmpint (fts_count (fixture, "excerpt:rewritten"), ==, 0);

  /* Exactly half is enough. */
  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW);

    for (guint i = 0; i < 5; i++)
      add_job (snapshot, standard_job (i, standard_raw_hash (i)));
    commit_ok (snapshot, 0.5, &counts);
    assert_counts (&counts, 0, 0, 5, 5, 0, 5);
  }
  g_assert_cmpint (count_jobs (fixture, SOURCE_ID), ==, 5);
  assert_index_ok (fixture);
}

/* Freed without a commit: everything it wrote is rolled back. */
static void
test_snapshot_rollback (Fixture      *fixture,
                        gconstpointer user_data)
{
  JkSyncCounts counts;

  seed_jobs (fixture, 10);
  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW + 60);
    JkJob *changed = standard_job (0, 777);

    g_free (changed->title);
    changed->title = g_strdup ("Rolled Back");
    add_job (snapshot, changed);
    add_job (snapshot, standard_job (100, 100));
    for (guint i = 1; i < 10; i++)
      add_job (snapshot, standard_job (i, standard_raw_hash (i)));
  }
  assert_seed_intact (fixture, 10);
  g_assert_cmpint (row_of (fixture, "J-100"), ==, 0);
  g_assert_cmpint (fts_count (fixture, "title:rolled"), ==, 0);

  /* And the store takes the next snapshot as usual. */
  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW + 120);
    for (guint i = 0; i < 10; i++)
      add_job (snapshot, standard_job (i, standard_raw_hash (i)));
    commit_ok (snapshot, 0.5, &counts);
    assert_counts (&counts, 0, 0, 10, 0, 0, 10);
  }
}

static gint64
duplicate_flag (Fixture    *fixture,
                gint64      source_id,
                const char *external_id)
{
  return jk_test_query_int (fixture->store,
                    "SELECT duplicate FROM jobs WHERE source_id = %" G_GINT64_FORMAT " AND external_id = '%s'",
                    source_id, external_id);
}

static JkJob *
copy_job (const char *external_id,
          const char *title,
          const char *employer)
{
  JkJob *job = make_job (external_id, title, 0);

  g_free (job->employer);
  job->employer = g_strdup (employer);
  return job;
}

/* Copies of one posting from two sources: only the oldest row shows, and
 * the flags follow removals and changes on either side. */
static void
test_snapshot_duplicates_across_sources (Fixture      *fixture,
                                         gconstpointer user_data)
{
  JkSyncCounts counts;

  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW);
    add_job (snapshot, copy_job ("A-1", "Line Cook", "ACME, Inc."));
    add_job (snapshot, copy_job ("A-2", "Dishwasher", "ACME, Inc."));
    commit_ok (snapshot, 0.0, &counts);
  }
  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, OTHER_SOURCE_ID, NOW);
    add_job (snapshot, copy_job ("B-1", "LINE COOK", "Acme Inc"));
    commit_ok (snapshot, 0.0, &counts);
  }
  g_assert_cmpint (duplicate_flag (fixture, SOURCE_ID, "A-1"), ==, 0);
  g_assert_cmpint (duplicate_flag (fixture, OTHER_SOURCE_ID, "B-1"), ==, 1);
  g_assert_cmpint (jk_jobs_count_active (fixture->store, 0, NOW, NULL), ==, 2);

  /* The shown copy leaves: the other one shows. */
  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW);
    add_job (snapshot, copy_job ("A-2", "Dishwasher", "ACME, Inc."));
    commit_ok (snapshot, 0.0, &counts);
    assert_counts (&counts, 0, 0, 1, 1, 0, 1);
  }
  g_assert_cmpint (duplicate_flag (fixture, OTHER_SOURCE_ID, "B-1"), ==, 0);
  g_assert_cmpint (jk_jobs_count_active (fixture->store, 0, NOW, NULL), ==, 2);

  /* It comes back, newer now: hidden behind the other source's. */
  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW);
    add_job (snapshot, copy_job ("A-1", "Line Cook", "ACME, Inc."));
    add_job (snapshot, copy_job ("A-2", "Dishwasher", "ACME, Inc."));
    commit_ok (snapshot, 0.0, &counts);
    assert_counts (&counts, 1, 0, 1, 0, 0, 2);
  }
  g_assert_cmpint (duplicate_flag (fixture, SOURCE_ID, "A-1"), ==, 1);
  g_assert_cmpint (duplicate_flag (fixture, OTHER_SOURCE_ID, "B-1"), ==, 0);

  /* The shown copy changes into another posting: the hidden one shows. */
  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, OTHER_SOURCE_ID, NOW);
    add_job (snapshot, copy_job ("B-1", "Prep Cook", "Acme Inc"));
    commit_ok (snapshot, 0.0, &counts);
    assert_counts (&counts, 0, 1, 0, 0, 0, 1);
  }
  g_assert_cmpint (duplicate_flag (fixture, SOURCE_ID, "A-1"), ==, 0);
  g_assert_cmpint (duplicate_flag (fixture, OTHER_SOURCE_ID, "B-1"), ==, 0);
  g_assert_cmpint (jk_jobs_count_active (fixture->store, 0, NOW, NULL), ==, 3);

  /* A posting under a new id, the old id gone in the same snapshot: the
   * new row is added while the old one is still there, yet shows. */
  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW);
    add_job (snapshot, copy_job ("A-1", "Line Cook", "ACME, Inc."));
    add_job (snapshot, copy_job ("A-3", "Dishwasher", "ACME, Inc."));
    commit_ok (snapshot, 0.0, &counts);
    assert_counts (&counts, 1, 0, 1, 1, 0, 2);
  }
  g_assert_cmpint (row_of (fixture, "A-2"), ==, 0);
  g_assert_cmpint (duplicate_flag (fixture, SOURCE_ID, "A-3"), ==, 0);
  g_assert_cmpint (jk_jobs_count_active (fixture->store, 0, NOW, NULL), ==, 3);
  assert_index_ok (fixture);
}

/* Postings of one source with different ids are never each other's
 * duplicates, whatever they share; and an empty employer never makes two
 * postings, of one source or of two, the same. (A feed of 40 postings
 * showed 38: two pairs shared title and city and named no employer.) */
static void
test_snapshot_not_duplicates (Fixture      *fixture,
                              gconstpointer user_data)
{
  JkSyncCounts counts;
  g_autofree char *key = NULL;

  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW);
    add_job (snapshot, copy_job ("S-1", "Line Cook", "ACME, Inc."));
    add_job (snapshot, copy_job ("S-2", "Line Cook", "ACME, Inc."));
    add_job (snapshot, copy_job ("S-3", "Dishwasher", NULL));
    add_job (snapshot, copy_job ("S-4", "Dishwasher", NULL));
    add_job (snapshot, copy_job ("S-5", "Prep Cook", " - "));
    commit_ok (snapshot, 0.0, &counts);
    assert_counts (&counts, 5, 0, 0, 0, 0, 5);
  }
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM jobs WHERE duplicate <> 0"), ==, 0);
  g_assert_cmpint (jk_jobs_count_active (fixture->store, SOURCE_ID, NOW, NULL), ==, 5);

  /* Another source's copies: the one with an employer is hidden, behind
   * both of the first source's; those with none are not. */
  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, OTHER_SOURCE_ID, NOW);
    add_job (snapshot, copy_job ("T-1", "LINE COOK", "Acme Inc"));
    add_job (snapshot, copy_job ("T-3", "Dishwasher", NULL));
    add_job (snapshot, copy_job ("T-5", "Prep Cook", ""));
    commit_ok (snapshot, 0.0, &counts);
  }
  g_assert_cmpint (duplicate_flag (fixture, OTHER_SOURCE_ID, "T-1"), ==, 1);
  g_assert_cmpint (duplicate_flag (fixture, OTHER_SOURCE_ID, "T-3"), ==, 0);
  g_assert_cmpint (duplicate_flag (fixture, OTHER_SOURCE_ID, "T-5"), ==, 0);
  g_assert_cmpint (duplicate_flag (fixture, SOURCE_ID, "S-1"), ==, 0);
  g_assert_cmpint (duplicate_flag (fixture, SOURCE_ID, "S-2"), ==, 0);
  g_assert_cmpint (jk_jobs_count_active (fixture->store, 0, NOW, NULL), ==, 7);

  /* One of the first source's copies leaves: the other still hides T-1. */
  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW);
    add_job (snapshot, copy_job ("S-2", "Line Cook", "ACME, Inc."));
    add_job (snapshot, copy_job ("S-3", "Dishwasher", NULL));
    add_job (snapshot, copy_job ("S-4", "Dishwasher", NULL));
    add_job (snapshot, copy_job ("S-5", "Prep Cook", " - "));
    commit_ok (snapshot, 0.0, &counts);
  }
  g_assert_cmpint (duplicate_flag (fixture, OTHER_SOURCE_ID, "T-1"), ==, 1);
  g_assert_cmpint (duplicate_flag (fixture, SOURCE_ID, "S-2"), ==, 0);
  g_assert_cmpint (jk_jobs_count_active (fixture->store, 0, NOW, NULL), ==, 6);

  /* The other source goes: nothing is hidden. */
  g_assert_true (jk_jobs_remove_source (fixture->store, OTHER_SOURCE_ID, NULL));
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM jobs WHERE duplicate <> 0"), ==, 0);

  {
    g_autoptr (JkJob) job = copy_job ("X", "Dishwasher", NULL);
    key = jk_jobs_dedup_key (job);
    g_assert_cmpstr (key, ==, "");
  }
  assert_index_ok (fixture);
}

/* A second snapshot cannot begin while one is open on the store; failing
 * to, it must leave the open one exactly as it was. */
static void
test_snapshot_begin_while_open (Fixture      *fixture,
                                gconstpointer user_data)
{
  g_autoptr (JkSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  JkSnapshot *second;
  JkSyncCounts counts;

  {
    g_autoptr (JkSnapshot) first = begin_snapshot (fixture, SOURCE_ID, NOW);
    add_job (first, copy_job ("A-1", "Line Cook", "ACME, Inc."));
    add_job (first, copy_job ("A-2", "Dishwasher", "ACME, Inc."));
    commit_ok (first, 0.0, &counts);
  }
  {
    g_autoptr (JkSnapshot) other = begin_snapshot (fixture, OTHER_SOURCE_ID, NOW);
    add_job (other, copy_job ("B-1", "Line Cook", "Acme Inc"));
    commit_ok (other, 0.0, &counts);
  }
  g_assert_cmpint (duplicate_flag (fixture, OTHER_SOURCE_ID, "B-1"), ==, 1);

  /* The shown copy becomes another posting, then a begin fails. */
  snapshot = begin_snapshot (fixture, SOURCE_ID, NOW);
  add_job (snapshot, copy_job ("A-1", "Head Chef", "ACME, Inc."));
  second = jk_snapshot_begin (fixture->store, SOURCE_ID, NOW, &error);
  g_assert_null (second);
  g_assert_error (error, JK_STORE_ERROR, JK_STORE_ERROR_SQL);

  add_job (snapshot, copy_job ("A-2", "Dishwasher", "ACME, Inc."));
  commit_ok (snapshot, 0.0, &counts);
  assert_counts (&counts, 0, 1, 1, 0, 0, 2);
  /* The other source's copy of the old posting is the only one left: it shows. */
  g_assert_cmpint (duplicate_flag (fixture, SOURCE_ID, "A-1"), ==, 0);
  g_assert_cmpint (duplicate_flag (fixture, OTHER_SOURCE_ID, "B-1"), ==, 0);
  g_assert_cmpint (jk_jobs_count_active (fixture->store, 0, NOW, NULL), ==, 3);
}

/* The index excerpt of a description shorter than its 300 characters
 * must not read past the description's end: here the end of the text is
 * the end of readable memory. */
static void
test_snapshot_short_description (void)
{
  if (g_test_subprocess ())
    {
      static const char text[] = "Short.";
      gsize page = (gsize) sysconf (_SC_PAGESIZE);
      char *pages = mmap (NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      JkJob *job = make_job ("S-1", "Short Posting", 1);

      g_assert_true (pages != MAP_FAILED);
      g_assert_cmpint (mprotect (pages + page, page, PROT_NONE), ==, 0);
      g_free (job->description);
      job->description = pages + page - sizeof text; /* its NUL is the page's last byte */
      memcpy (job->description, text, sizeof text);
      /* Takes job; never freed, its description not being from g_malloc. */
      g_assert_nonnull (jk_snapshot_row_new (job, 0));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* ---------------------------------------------------------------------- */
/* jk_ingest_file                                                         */

static void
test_ingest_job_xml (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autofree char *path = write_standard_feed (fixture, "feed.xml", 10);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *employer = NULL;
  g_autofree char *state = NULL;
  JkFeedStats stats = { 0 };
  JkSyncCounts counts;

  ingest_ok (fixture, SOURCE_ID, path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  g_assert_cmpuint (stats.jobs, ==, 10);
  g_assert_cmpuint (stats.unchanged, ==, 0);
  g_assert_cmpuint (stats.skipped, ==, 0);
  g_assert_cmpstr (stats.publisher, ==, "Ingest test");
  assert_counts (&counts, 10, 0, 0, 0, 0, 10);
  g_assert_cmpuint (counts.expired, ==, 0);

  g_assert_cmpint (count_jobs (fixture, SOURCE_ID), ==, 10);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(DISTINCT external_id) FROM jobs"), ==, 10);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM jobs WHERE raw_hash = 0"), ==, 0);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(DISTINCT raw_hash) FROM jobs"), ==, 10);
  title = jk_test_query_text (fixture->store, "SELECT title FROM jobs WHERE external_id = 'R-3'");
  g_assert_cmpstr (title, ==, "Welder 3");
  employer = jk_test_query_text (fixture->store, "SELECT employer FROM jobs WHERE external_id = 'R-3'");
  g_assert_cmpstr (employer, ==, "Test Employer");
  state = jk_test_query_text (fixture->store, "SELECT city || ', ' || state FROM jobs WHERE external_id = 'R-3'");
  g_assert_cmpstr (state, ==, "Columbus, OH");
  description = jk_test_query_text (fixture->store, "SELECT description FROM jobs WHERE external_id = 'R-3'");
  g_assert_true (g_str_has_prefix (description, "Posting number 3. Café crème"));
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT posted FROM jobs WHERE external_id = 'R-3'"), >, 0);
  g_assert_cmpint (fts_count (fixture, "title:welder"), ==, 1);
  assert_index_ok (fixture);
  jk_feed_stats_clear (&stats);
}

/* The same file again: nothing normalized, nothing written. */
static void
test_ingest_unchanged (Fixture      *fixture,
                       gconstpointer user_data)
{
  g_autofree char *path = write_standard_feed (fixture, "feed.xml", 10);
  JkFeedStats stats = { 0 };
  JkSyncCounts counts;

  ingest_ok (fixture, SOURCE_ID, path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  assert_counts (&counts, 10, 0, 0, 0, 0, 10);

  ingest_ok (fixture, SOURCE_ID, path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  g_assert_cmpuint (stats.unchanged, ==, 10);
  g_assert_cmpuint (stats.jobs, ==, 0);
  assert_counts (&counts, 0, 0, 10, 0, 0, 10);
  g_assert_cmpint (count_jobs (fixture, SOURCE_ID), ==, 10);

  /* With the format guessed, the same. */
  ingest_ok (fixture, SOURCE_ID, path, JK_FEED_FORMAT_AUTO, &stats, &counts);
  g_assert_cmpuint (stats.unchanged, ==, 10);
  assert_counts (&counts, 0, 0, 10, 0, 0, 10);
  assert_index_ok (fixture);
  jk_feed_stats_clear (&stats);
}

static void
test_ingest_changed (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autofree char *path = write_standard_feed (fixture, "feed.xml", 10);
  g_autofree char *changed_path = NULL;
  g_autofree char *description = NULL;
  JkFeedStats stats = { 0 };
  JkSyncCounts counts;

  ingest_ok (fixture, SOURCE_ID, path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  changed_path = write_edited_feed (fixture, "changed.xml", 10, 4, "Zeppelin experience a plus. ");

  ingest_ok (fixture, SOURCE_ID, changed_path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  g_assert_cmpuint (stats.jobs, ==, 1);
  g_assert_cmpuint (stats.unchanged, ==, 9);
  assert_counts (&counts, 0, 1, 9, 0, 0, 10);

  description = jk_test_query_text (fixture->store, "SELECT description FROM jobs WHERE external_id = 'R-4'");
  g_assert_true (g_str_has_prefix (description, "Zeppelin experience a plus. Posting number 4."));
  g_assert_cmpint (fts_count (fixture, "excerpt:zeppelin"), ==, 1);
  assert_index_ok (fixture);
  jk_feed_stats_clear (&stats);
}

/* Raw text changed in a field the posting does not use (requisitionid
 * when there is a referencenumber): unchanged, but its raw hash moves. */
static void
test_ingest_raw_only (Fixture      *fixture,
                      gconstpointer user_data)
{
  g_autofree char *path = write_standard_feed (fixture, "feed.xml", 10);
  g_autofree char *raw_path = NULL;
  g_autoptr (GString) xml = feed_new ();
  g_autoptr (GError) error = NULL;
  JkFeedStats stats = { 0 };
  JkSyncCounts counts;

  ingest_ok (fixture, SOURCE_ID, path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  g_assert_true (jk_store_exec (fixture->store,
                                "CREATE TEMP TABLE old_jobs AS SELECT id, raw_hash, content_hash FROM jobs", &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *extra = g_strdup_printf ("<requisitionid>REQ-%u</requisitionid>", i);
      feed_add_job (xml, i, NULL, extra);
    }
  raw_path = feed_write (fixture, "raw.xml", xml);

  ingest_ok (fixture, SOURCE_ID, raw_path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  g_assert_cmpuint (stats.jobs, ==, 10);
  g_assert_cmpuint (stats.unchanged, ==, 0);
  assert_counts (&counts, 0, 0, 10, 0, 0, 10);
  /* The same rows and contents, every raw hash new. */
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM jobs JOIN temp.old_jobs o USING (id)"
                              " WHERE jobs.content_hash = o.content_hash AND jobs.raw_hash <> o.raw_hash"),
                   ==, 10);

  /* Known by the new raw hash from now on. */
  ingest_ok (fixture, SOURCE_ID, raw_path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  g_assert_cmpuint (stats.jobs, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, 10);
  assert_counts (&counts, 0, 0, 10, 0, 0, 10);
  assert_index_ok (fixture);
  jk_feed_stats_clear (&stats);
}

static void
test_ingest_removed (Fixture      *fixture,
                     gconstpointer user_data)
{
  g_autofree char *path = write_standard_feed (fixture, "feed.xml", 10);
  g_autofree char *fewer_path = NULL;
  g_autoptr (GString) xml = feed_new ();
  JkFeedStats stats = { 0 };
  JkSyncCounts counts;

  ingest_ok (fixture, SOURCE_ID, path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  g_assert_cmpint (fts_count (fixture, "title:welder"), ==, 1);
  for (guint i = 0; i < 10; i++)
    if (i != 3)
      feed_add_job (xml, i, NULL, NULL);
  fewer_path = feed_write (fixture, "fewer.xml", xml);

  ingest_ok (fixture, SOURCE_ID, fewer_path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  g_assert_cmpuint (stats.unchanged, ==, 9);
  assert_counts (&counts, 0, 0, 9, 1, 0, 9);
  g_assert_cmpint (count_jobs (fixture, SOURCE_ID), ==, 9);
  g_assert_cmpint (row_of (fixture, "R-3"), ==, 0);
  g_assert_cmpint (fts_count (fixture, "title:welder"), ==, 0);
  assert_index_ok (fixture);
  jk_feed_stats_clear (&stats);
}

/* The same id twice in a feed: the first stands, the second is counted. */
static void
test_ingest_duplicate_id (Fixture      *fixture,
                          gconstpointer user_data)
{
  g_autoptr (GString) xml = feed_new ();
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  JkFeedStats stats = { 0 };
  JkSyncCounts counts;

  for (guint i = 0; i < 5; i++)
    feed_add_job (xml, i, NULL, NULL);
  g_string_append (xml, "<job><title>Impostor</title><referencenumber>R-2</referencenumber>"
                        "<company>Someone Else</company><description>Not the first.</description></job>\n");
  path = feed_write (fixture, "dup.xml", xml);

  for (guint round = 0; round < 2; round++)
    {
      ingest_ok (fixture, SOURCE_ID, path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
      if (round == 0)
        assert_counts (&counts, 5, 0, 0, 0, 1, 5);
      else
        assert_counts (&counts, 0, 0, 5, 0, 1, 5);
      g_assert_cmpint (count_jobs (fixture, SOURCE_ID), ==, 5);
      g_clear_pointer (&title, g_free);
      title = jk_test_query_text (fixture->store, "SELECT title FROM jobs WHERE external_id = 'R-2'");
      g_assert_cmpstr (title, ==, "Forklift 2");
    }
  g_assert_cmpint (fts_count (fixture, "title:impostor"), ==, 0);
  assert_index_ok (fixture);
  jk_feed_stats_clear (&stats);
}

/* ---------------------------------------------------------------------- */
/* Postings left unparsed, known by their bytes                           */

/* Reads an XML feed's records as the ingest does, asking log->known. */
static void
read_records (const char   *path,
              JkFeedFormat  format,
              JkTestReadLog *log,
              JkFeedStats  *stats)
{
  g_autoptr (GError) error = NULL;
  gboolean ok;

  jk_test_read_log_init (log);
  ok = jk_feed_parse_file_full (path, format, jk_test_read_log_known, jk_test_read_log_record, NULL, log, stats,
                                &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

/* A record whose bytes the cache holds reaches the ingest unparsed, in its
 * place in the feed and with the hash it had when it was parsed. A feed
 * with a DTD (entities) or one libxml2 reads through an encoding converter
 * is never matched to its bytes: its records come with no raw hash (the
 * ingest hashes their fields) and are always parsed. */
static void
test_parse_unparsed_records (Fixture      *fixture,
                             gconstpointer user_data)
{
  g_autofree char *standard = write_standard_feed (fixture, "feed.xml", 10);
  g_autofree char *basic = fixture_path ("job-xml-basic.xml");
  g_autofree char *hostile = fixture_path ("job-xml-hostile.xml");
  g_autofree char *rss = fixture_path ("rss.xml");
  g_autofree char *latin1 = fixture_path ("job-xml-latin1.xml");
  const struct {
    const char *path;
    JkFeedFormat format;
    gboolean by_bytes;
  } feeds[] = {
    { standard, JK_FEED_FORMAT_JOB_XML, TRUE },
    { basic, JK_FEED_FORMAT_JOB_XML, TRUE },
    { hostile, JK_FEED_FORMAT_JOB_XML, FALSE },
    { rss, JK_FEED_FORMAT_RSS, TRUE },
    { latin1, JK_FEED_FORMAT_JOB_XML, FALSE },
  };

  for (gsize k = 0; k < G_N_ELEMENTS (feeds); k++)
    {
      JkTestReadLog first = { 0 }, second = { 0 };
      JkFeedStats stats = { 0 };
      guint left_out = 0;

      g_test_message ("%s", feeds[k].path);
      read_records (feeds[k].path, feeds[k].format, &first, &stats);
      g_assert_cmpuint (first.hashes->len, >, 0);
      g_assert_cmpuint (stats.unchanged, ==, 0);
      for (guint i = 0; i < first.hashes->len; i++)
        {
          g_assert_true (g_array_index (first.parsed, gboolean, i));
          g_assert_cmpint (g_array_index (first.hashes, guint64, i) != 0, ==, feeds[k].by_bytes);
        }

      /* Every third record is said to be new. */
      second.known = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < first.hashes->len; i++)
        if (i % 3 != 0)
          g_hash_table_add (second.known, &g_array_index (first.hashes, guint64, i));
      jk_feed_stats_clear (&stats);
      read_records (feeds[k].path, feeds[k].format, &second, &stats);

      g_assert_cmpuint (second.hashes->len, ==, first.hashes->len);
      for (guint i = 0; i < first.hashes->len; i++)
        {
          gboolean parsed = g_array_index (second.parsed, gboolean, i);

          g_assert_cmpuint (g_array_index (second.hashes, guint64, i), ==, g_array_index (first.hashes, guint64, i));
          if (feeds[k].by_bytes)
            g_assert_cmpint (parsed, ==, i % 3 == 0);
          else
            g_assert_true (parsed);
          left_out += !parsed;
        }
      g_assert_cmpuint (stats.unchanged, ==, 0); /* counted by the ingest, which finishes them */
      g_test_message ("  %u records, %u left unparsed", first.hashes->len, left_out);
      jk_feed_stats_clear (&stats);
      jk_test_read_log_clear (&first);
      jk_test_read_log_clear (&second);
    }
}

/* Two postings with one id: the newer stands (by date posted), whether
 * either was parsed or left unparsed because the cache holds its bytes,
 * and whether the other copy is just before it or far from it. */
static void
test_ingest_unparsed_repeat (Fixture      *fixture,
                             gconstpointer user_data)
{
  const char *cached = "<job><title>Cached Welder</title><referencenumber>R-1</referencenumber>"
                       "<date>2025-11-01</date></job>\n";
  const char *newer = "<job><title>Newer Welder</title><referencenumber>R-1</referencenumber>"
                      "<date>2025-11-05</date></job>\n";
  g_autoptr (GString) xml = feed_new ();
  g_autoptr (GString) head = feed_new ();
  g_autofree char *first_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  JkFeedStats stats = { 0 };
  JkSyncCounts counts;

  g_string_append (xml, cached);
  feed_add_job (xml, 2, NULL, NULL);
  first_path = feed_write (fixture, "first.xml", xml);
  ingest_ok (fixture, SOURCE_ID, first_path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  assert_counts (&counts, 2, 0, 0, 0, 0, 2);

  /* The cached bytes first, left unparsed; the newer one after them is
   * parsed, and stands. */
  g_string_assign (xml, head->str);
  g_string_append (xml, cached);
  g_string_append (xml, newer);
  feed_add_job (xml, 2, NULL, NULL);
  path = feed_write (fixture, "cached-first.xml", xml);
  ingest_ok (fixture, SOURCE_ID, path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  g_assert_cmpuint (stats.jobs, ==, 1);
  assert_counts (&counts, 0, 0, 2, 0, 1, 2);
  title = jk_test_query_text (fixture->store, "SELECT title FROM jobs WHERE external_id = 'R-1'");
  g_assert_cmpstr (title, ==, "Newer Welder");

  /* The same again: the newer one's bytes are cached now and left
   * unparsed; the older one before them is parsed, and is the repeat.
   * Nothing is normalized. */
  ingest_ok (fixture, SOURCE_ID, path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  g_assert_cmpuint (stats.jobs, ==, 0);
  assert_counts (&counts, 0, 0, 2, 0, 1, 2);
  g_clear_pointer (&title, g_free);
  title = jk_test_query_text (fixture->store, "SELECT title FROM jobs WHERE external_id = 'R-1'");
  g_assert_cmpstr (title, ==, "Newer Welder");

  /* The newer one first, parsed; the older cached bytes after it, left
   * unparsed, are the repeat; and again with the newer one cached. */
  ingest_ok (fixture, SOURCE_ID, first_path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  g_clear_pointer (&path, g_free);
  g_string_assign (xml, head->str);
  g_string_append (xml, newer);
  g_string_append (xml, cached);
  feed_add_job (xml, 2, NULL, NULL);
  path = feed_write (fixture, "newer-first.xml", xml);
  for (guint round = 0; round < 2; round++)
    {
      ingest_ok (fixture, SOURCE_ID, path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
      g_assert_cmpuint (stats.jobs, ==, round == 0 ? 1 : 0);
      assert_counts (&counts, 0, round == 0 ? 1 : 0, round == 0 ? 1 : 2, 0, 1, 2);
      g_clear_pointer (&title, g_free);
      title = jk_test_query_text (fixture->store, "SELECT title FROM jobs WHERE external_id = 'R-1'");
      g_assert_cmpstr (title, ==, "Newer Welder");
    }

  /* The older one first and far from the newer one, which the cache
   * holds: the older is written before the newer is even read, and the
   * newer, parsed then, is written over it. */
  g_clear_pointer (&path, g_free);
  g_string_assign (xml, head->str);
  g_string_append (xml, cached);
  for (guint i = 10; i < 210; i++)
    feed_add_job (xml, i, NULL, NULL);
  g_string_append (xml, newer);
  path = feed_write (fixture, "far-apart.xml", xml);
  for (guint round = 0; round < 2; round++)
    {
      ingest_ok (fixture, SOURCE_ID, path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
      g_assert_cmpuint (counts.duplicates, ==, 1);
      g_assert_cmpuint (counts.total, ==, 201);
      g_clear_pointer (&title, g_free);
      title = jk_test_query_text (fixture->store, "SELECT title FROM jobs WHERE external_id = 'R-1'");
      g_assert_cmpstr (title, ==, "Newer Welder");
    }
  g_assert_cmpint (fts_count (fixture, "title:newer"), ==, 1);
  g_assert_cmpint (fts_count (fixture, "title:cached"), ==, 0);
  assert_index_ok (fixture);
  jk_feed_stats_clear (&stats);
}

/* What a posting's parse depends on outside it (the root's namespaces)
 * changes: every posting is parsed again, and found unchanged. What it
 * does not depend on (a sibling's text) changes: none is. */
static void
test_ingest_context_change (Fixture      *fixture,
                            gconstpointer user_data)
{
  g_autofree char *path = write_standard_feed (fixture, "feed.xml", 10);
  g_autofree char *contents = NULL;
  g_autofree char *namespaced_path = NULL;
  g_autofree char *dated_path = NULL;
  g_autoptr (GString) namespaced = NULL;
  g_autoptr (GString) dated = NULL;
  g_autoptr (GError) error = NULL;
  JkFeedStats stats = { 0 };
  JkSyncCounts counts;

  ingest_ok (fixture, SOURCE_ID, path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  namespaced = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (namespaced, "<source>", "<source xmlns:x=\"urn:example\">", 1), ==, 1);
  namespaced_path = write_file (fixture, "namespaced.xml", namespaced->str, (gssize) namespaced->len);
  ingest_ok (fixture, SOURCE_ID, namespaced_path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  g_assert_cmpuint (stats.jobs, ==, 10);
  assert_counts (&counts, 0, 0, 10, 0, 0, 10);

  dated = g_string_new (namespaced->str);
  g_assert_cmpuint (g_string_replace (dated, "</publisher>", "</publisher><lastBuildDate>Mon, 23 Nov 2026 02:00:00 GMT"
                                      "</lastBuildDate>", 1), ==, 1);
  dated_path = write_file (fixture, "dated.xml", dated->str, (gssize) dated->len);
  ingest_ok (fixture, SOURCE_ID, dated_path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  g_assert_cmpuint (stats.jobs, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, 10);
  assert_counts (&counts, 0, 0, 10, 0, 0, 10);
  assert_index_ok (fixture);
  jk_feed_stats_clear (&stats);
}

/* Cut in the middle of a posting: MALFORMED, and once the snapshot is
 * freed the cache is as it was, though rows were written meanwhile. */
static void
test_ingest_truncated (Fixture      *fixture,
                       gconstpointer user_data)
{
  const guint n = 300, n_v2 = 350, cut_in = 330;
  g_autofree char *path = write_standard_feed (fixture, "feed.xml", n);
  g_autofree char *cut_path = NULL;
  g_autofree char *v2_path = NULL;
  g_autoptr (GString) xml = feed_new ();
  sqlite3 *db = jk_store_get_db (fixture->store);
  JkFeedStats stats = { 0 };
  JkSyncCounts counts;
  gsize cut = 0;

  ingest_ok (fixture, SOURCE_ID, path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  assert_counts (&counts, n, 0, 0, 0, 0, n);

  for (guint i = 0; i < n_v2; i++)
    {
      if (i == cut_in)
        cut = xml->len + 120; /* inside its <description> */
      feed_add_job (xml, i, "Revised. ", NULL);
    }
  v2_path = feed_write (fixture, "v2.xml", xml);
  g_assert_cmpuint (cut, <, xml->len);
  cut_path = write_file (fixture, "cut.xml", xml->str, (gssize) cut);

  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW + 60);
    g_autoptr (GError) error = NULL;
    int changes = sqlite3_total_changes (db);

    jk_feed_stats_clear (&stats);
    g_assert_false (jk_ingest_file (snapshot, cut_path, JK_FEED_FORMAT_JOB_XML, &stats, &error));
    g_assert_error (error, JK_FEED_ERROR, JK_FEED_ERROR_MALFORMED);
    /* Every posting before the cut was handed over … */
    g_assert_cmpuint (stats.jobs, ==, cut_in);
    g_assert_cmpuint (stats.unchanged, ==, 0);
    /* … and full batches of them were written, to be rolled back. */
    g_assert_cmpint (sqlite3_total_changes (db) - changes, >=, (cut_in / INGEST_BATCH_SIZE) * INGEST_BATCH_SIZE);
  }

  g_assert_cmpint (count_jobs (fixture, SOURCE_ID), ==, n);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM jobs WHERE description LIKE 'Revised%%'"), ==, 0);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM jobs WHERE last_seen <> %" G_GINT64_FORMAT, NOW),
                   ==, 0);
  g_assert_cmpint (row_of (fixture, "R-310"), ==, 0);
  g_assert_cmpint (fts_count (fixture, "excerpt:revised"), ==, 0);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT last_good_count FROM sources WHERE id = 1"), ==, n);
  assert_index_ok (fixture);

  /* The whole file then goes in. */
  ingest_ok (fixture, SOURCE_ID, v2_path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  assert_counts (&counts, n_v2 - n, n, 0, 0, 0, n_v2);
  g_assert_cmpint (fts_count (fixture, "excerpt:revised"), ==, n_v2);
  assert_index_ok (fixture);
  jk_feed_stats_clear (&stats);
}

/* Thousands of postings: many batches, the queue full most of the time. */
static void
test_ingest_large (Fixture      *fixture,
                   gconstpointer user_data)
{
  const guint n = 5000, kept = 4900, n_new = 100;
  g_autoptr (GString) xml = feed_new ();
  g_autoptr (GString) next = feed_new ();
  g_autofree char *path = NULL;
  g_autofree char *next_path = NULL;
  g_autofree char *title = NULL;
  JkFeedStats stats = { 0 };
  JkSyncCounts counts;
  guint revised = 0;

  for (guint i = 0; i < n; i++)
    feed_add_job (xml, i, NULL, NULL);
  /* A repeat of an id from the first batch, far later: the first stands. */
  g_string_append (xml, "<job><title>Impostor</title><referencenumber>R-10</referencenumber></job>\n");
  path = feed_write (fixture, "large.xml", xml);

  ingest_ok (fixture, SOURCE_ID, path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  g_assert_cmpuint (stats.jobs, ==, n);
  assert_counts (&counts, n, 0, 0, 0, 1, n);
  g_assert_cmpint (count_jobs (fixture, SOURCE_ID), ==, n);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(DISTINCT external_id) FROM jobs"), ==, n);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM jobs WHERE external_id GLOB 'R-[0-9]*'"
                              " AND title = (CASE CAST (substr (external_id, 3) AS INTEGER) %% 10"
                              " WHEN 0 THEN 'Cook' WHEN 1 THEN 'Cashier' WHEN 2 THEN 'Forklift' WHEN 3 THEN 'Welder'"
                              " WHEN 4 THEN 'Teller' WHEN 5 THEN 'Janitor' WHEN 6 THEN 'Barista' WHEN 7 THEN 'Guard'"
                              " WHEN 8 THEN 'Assistant' ELSE 'Driver' END) || ' ' || substr (external_id, 3)"),
                   ==, n);
  title = jk_test_query_text (fixture->store, "SELECT title FROM jobs WHERE external_id = 'R-10'");
  g_assert_cmpstr (title, ==, "Cook 10");
  g_assert_cmpint (fts_count (fixture, "title:welder"), ==, n / 10);

  /* Identical: all known, none normalized (stats.unchanged is checked
   * below and in /ingest/file/unchanged, on feeds without a repeated id:
   * the parser counts a repeat it skips there too). */
  ingest_ok (fixture, SOURCE_ID, path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  g_assert_cmpuint (stats.jobs, ==, 0);
  assert_counts (&counts, 0, 0, n, 0, 1, n);

  /* Every seventh revised, the last hundred gone, a hundred new. */
  for (guint i = 0; i < kept; i++)
    {
      feed_add_job (next, i, i % 7 == 0 ? "Revised. " : NULL, NULL);
      revised += i % 7 == 0;
    }
  for (guint i = n; i < n + n_new; i++)
    feed_add_job (next, i, NULL, NULL);
  next_path = feed_write (fixture, "next.xml", next);

  ingest_ok (fixture, SOURCE_ID, next_path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  g_assert_cmpuint (stats.jobs, ==, revised + n_new);
  g_assert_cmpuint (stats.unchanged, ==, kept - revised);
  assert_counts (&counts, n_new, revised, kept - revised, n - kept, 0, kept + n_new);
  g_assert_cmpint (count_jobs (fixture, SOURCE_ID), ==, kept + n_new);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM jobs WHERE description LIKE 'Revised. %%'"), ==,
                   revised);
  g_assert_cmpint (row_of (fixture, "R-4950"), ==, 0);
  g_assert_cmpint (row_of (fixture, "R-5050"), !=, 0);
  g_assert_cmpint (fts_count (fixture, "excerpt:revised"), ==, revised);
  assert_index_ok (fixture);
  jk_feed_stats_clear (&stats);
}

/* JSON-LD: no raw hashes, so postings are compared by their content. */
static void
test_ingest_jsonld (Fixture      *fixture,
                    gconstpointer user_data)
{
  g_autofree char *path = fixture_path ("jsonld-array.json");
  g_autofree char *multi_path = fixture_path ("jsonld-multi-location.json");
  g_autofree char *contents = NULL;
  g_autofree char *changed_path = NULL;
  g_autofree char *description = NULL;
  g_autoptr (GString) changed = NULL;
  g_autoptr (GError) error = NULL;
  JkFeedStats stats = { 0 };
  JkSyncCounts counts;

  ingest_ok (fixture, OTHER_SOURCE_ID, path, JK_FEED_FORMAT_JSONLD, &stats, &counts);
  g_assert_cmpuint (stats.jobs, ==, 4);
  g_assert_cmpuint (stats.skipped, ==, 1);
  assert_counts (&counts, 4, 0, 0, 0, 0, 4);
  g_assert_cmpuint (counts.expired, ==, 1); /* the 2020 one */
  g_assert_cmpint (count_jobs (fixture, OTHER_SOURCE_ID), ==, 4);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM jobs WHERE raw_hash <> 0"), ==, 0);
  g_assert_cmpint (row_of (fixture, "99123"), !=, 0);

  /* Identical: every posting compared, none rewritten. */
  ingest_ok (fixture, OTHER_SOURCE_ID, path, JK_FEED_FORMAT_JSONLD, &stats, &counts);
  g_assert_cmpuint (stats.jobs, ==, 4);
  g_assert_cmpuint (stats.unchanged, ==, 0);
  assert_counts (&counts, 0, 0, 4, 0, 0, 4);
  g_assert_cmpuint (counts.expired, ==, 1);

  /* One description changed. */
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  changed = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (changed, "Room patients and take vital signs.",
                                      "Room patients, take vital signs and chart.", 0), ==, 1);
  changed_path = write_file (fixture, "changed.json", changed->str, (gssize) changed->len);
  ingest_ok (fixture, OTHER_SOURCE_ID, changed_path, JK_FEED_FORMAT_JSONLD, &stats, &counts);
  assert_counts (&counts, 0, 1, 3, 0, 0, 4);
  description = jk_test_query_text (fixture->store, "SELECT description FROM jobs WHERE external_id = 'CBC-2202'");
  g_assert_cmpstr (description, ==, "Room patients, take vital signs and chart.");
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM jobs WHERE raw_hash <> 0"), ==, 0);
  assert_index_ok (fixture);

  /* One posting at three places: three rows, then three unchanged. */
  ingest_ok (fixture, SOURCE_ID, multi_path, JK_FEED_FORMAT_JSONLD, &stats, &counts);
  assert_counts (&counts, 3, 0, 0, 0, 0, 3);
  g_assert_cmpint (row_of (fixture, "MLJ-7"), !=, 0);
  g_assert_cmpint (row_of (fixture, "MLJ-7#2"), !=, 0);
  g_assert_cmpint (row_of (fixture, "MLJ-7#3"), !=, 0);
  ingest_ok (fixture, SOURCE_ID, multi_path, JK_FEED_FORMAT_JSONLD, &stats, &counts);
  assert_counts (&counts, 0, 0, 3, 0, 0, 3);
  g_assert_cmpint (count_jobs (fixture, OTHER_SOURCE_ID), ==, 4);
  assert_index_ok (fixture);
  jk_feed_stats_clear (&stats);
}

/* JSON-LD postings without an identifier (schema.org's own example has
 * none) were dropped, and a feed of them refused as empty: they are kept
 * by url or by what they say, and found unchanged at the next sync. */
static void
test_ingest_jsonld_no_identifier (Fixture      *fixture,
                                  gconstpointer user_data)
{
  g_autofree char *path = fixture_path ("jsonld-no-identifier.json");
  JkFeedStats stats = { 0 };
  JkSyncCounts counts;

  ingest_ok (fixture, OTHER_SOURCE_ID, path, JK_FEED_FORMAT_JSONLD, &stats, &counts);
  assert_counts (&counts, 4, 0, 0, 0, 0, 4);
  g_assert_cmpint (jk_jobs_count_active (fixture->store, OTHER_SOURCE_ID, NOW, NULL), ==, 4);
  ingest_ok (fixture, OTHER_SOURCE_ID, path, JK_FEED_FORMAT_JSONLD, &stats, &counts);
  assert_counts (&counts, 0, 0, 4, 0, 0, 4);
  assert_index_ok (fixture);
  jk_feed_stats_clear (&stats);
}

/* A job-xml feed with one id twice, the newer second and the newer
 * first: the newer stands both times, at the first sync and the next. */
static void
test_ingest_repeated_id_fixture (Fixture      *fixture,
                                 gconstpointer user_data)
{
  g_autofree char *path = fixture_path ("job-xml-repeated-id.xml");
  JkFeedStats stats = { 0 };
  JkSyncCounts counts;

  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;

      ingest_ok (fixture, SOURCE_ID, path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
      g_assert_cmpuint (counts.duplicates, ==, 2);
      g_assert_cmpuint (counts.total, ==, 2);
      first = jk_test_query_text (fixture->store, "SELECT title FROM jobs WHERE external_id = 'REP-1'");
      second = jk_test_query_text (fixture->store, "SELECT title FROM jobs WHERE external_id = 'REP-2'");
      g_assert_cmpstr (first, ==, "Stock Clerk");
      g_assert_cmpstr (second, ==, "Delivery Driver");
    }
  g_assert_cmpint (fts_count (fixture, "title:old"), ==, 0);
  assert_index_ok (fixture);
  jk_feed_stats_clear (&stats);
}

/* Every parser fixture, ingested twice, each as a source of its own: the
 * second time nothing is added or rewritten, and job-xml and RSS postings
 * are not even normalized again. */
static void
test_ingest_fixtures (Fixture      *fixture,
                      gconstpointer user_data)
{
  static const struct {
    const char *name;
    JkFeedFormat format;
  } fixtures[] = {
    { "job-xml-basic.xml", JK_FEED_FORMAT_JOB_XML },
    { "job-xml-hostile.xml", JK_FEED_FORMAT_JOB_XML },
    { "job-xml-latin1.xml", JK_FEED_FORMAT_AUTO },
    { "rss.xml", JK_FEED_FORMAT_RSS },
    { "jsonld-graph.json", JK_FEED_FORMAT_JSONLD },
    { "jsonld-itemlist.json", JK_FEED_FORMAT_AUTO },
    { "jsonld-page.html", JK_FEED_FORMAT_JSONLD },
    { "usajobs-page.json", JK_FEED_FORMAT_USAJOBS },
  };

  for (gsize k = 0; k < G_N_ELEMENTS (fixtures); k++)
    {
      g_autofree char *path = fixture_path (fixtures[k].name);
      g_autofree char *sql = NULL;
      g_autoptr (GError) error = NULL;
      gint64 source_id = 10 + (gint64) k;
      gboolean xml = g_str_has_suffix (fixtures[k].name, ".xml");
      JkFeedStats stats = { 0 };
      JkSyncCounts first, second;
      guint first_jobs;

      g_test_message ("%s", fixtures[k].name);
      sql = g_strdup_printf ("INSERT INTO sources (id, name, url) VALUES (%" G_GINT64_FORMAT ", '%s', '%s')", source_id,
                             fixtures[k].name, fixtures[k].name);
      g_assert_true (jk_store_exec (fixture->store, sql, &error));
      g_assert_no_error (error);

      ingest_ok (fixture, source_id, path, fixtures[k].format, &stats, &first);
      first_jobs = stats.jobs;
      g_assert_cmpuint (first.total, >, 0);
      g_assert_cmpuint (first.added, ==, first.total);
      g_assert_cmpint (count_jobs (fixture, source_id), ==, first.total);
      g_assert_cmpint (jk_test_query_int (fixture->store,
                                  "SELECT count(*) FROM jobs WHERE source_id = %" G_GINT64_FORMAT " AND raw_hash <> 0",
                                  source_id),
                       ==, xml ? first.total : 0);

      ingest_ok (fixture, source_id, path, fixtures[k].format, &stats, &second);
      assert_counts (&second, 0, 0, first.total, 0, first.duplicates, first.total);
      g_assert_cmpuint (second.expired, ==, first.expired);
      /* XML postings are normalized once, and only those with an id (the
       * others cannot be kept); JSON ones as they are parsed, each time. */
      if (xml)
        {
          g_assert_cmpuint (first_jobs, ==, first.total);
          g_assert_cmpuint (stats.jobs, ==, first_jobs - first.total);
        }
      else
        g_assert_cmpuint (stats.jobs, ==, first_jobs);
      jk_feed_stats_clear (&stats);
    }
  assert_index_ok (fixture);
}

/* A file that is not there: the file error, nothing written. */
static void
test_ingest_missing_file (Fixture      *fixture,
                          gconstpointer user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "nowhere.xml", NULL);
  g_autoptr (JkSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  JkFeedStats stats = { 0 };

  seed_jobs (fixture, 3);
  snapshot = begin_snapshot (fixture, SOURCE_ID, NOW);
  g_assert_false (jk_ingest_file (snapshot, path, JK_FEED_FORMAT_JOB_XML, &stats, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_cmpuint (stats.jobs, ==, 0);
  g_clear_pointer (&snapshot, jk_snapshot_free);
  assert_seed_intact (fixture, 3);
}

/* Makes every write to jobs fail, from inside SQLite. */
static void
break_writes (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = jk_store_exec (fixture->store,
                               "CREATE TEMP TRIGGER jk_test_no_insert BEFORE INSERT ON main.jobs"
                               " BEGIN SELECT RAISE (ABORT, 'injected write failure'); END;"
                               "CREATE TEMP TRIGGER jk_test_no_update BEFORE UPDATE ON main.jobs"
                               " BEGIN SELECT RAISE (ABORT, 'injected write failure'); END;",
                               &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
mend_writes (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = jk_store_exec (fixture->store,
                               "DROP TRIGGER temp.jk_test_no_insert; DROP TRIGGER temp.jk_test_no_update;", &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

/* The writer fails: the database error comes back and nothing changes. */
static void
test_ingest_write_failure (Fixture      *fixture,
                           gconstpointer user_data)
{
  g_autofree char *path = write_standard_feed (fixture, "feed.xml", 10);
  g_autofree char *changed_path = NULL;
  g_autofree char *description = NULL;
  JkFeedStats stats = { 0 };
  JkSyncCounts counts;

  ingest_ok (fixture, SOURCE_ID, path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  changed_path = write_edited_feed (fixture, "changed.xml", 10, 5, "Revised. ");

  break_writes (fixture);
  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW + 60);
    g_autoptr (GError) error = NULL;

    jk_feed_stats_clear (&stats);
    g_assert_false (jk_ingest_file (snapshot, changed_path, JK_FEED_FORMAT_JOB_XML, &stats, &error));
    g_assert_error (error, JK_STORE_ERROR, JK_STORE_ERROR_SQL);
    g_assert_nonnull (strstr (error->message, "injected write failure"));
  }
  mend_writes (fixture);

  g_assert_cmpint (count_jobs (fixture, SOURCE_ID), ==, 10);
  description = jk_test_query_text (fixture->store, "SELECT description FROM jobs WHERE external_id = 'R-5'");
  g_assert_true (g_str_has_prefix (description, "Posting number 5."));
  assert_index_ok (fixture);

  /* Writable again: the change goes in. */
  ingest_ok (fixture, SOURCE_ID, changed_path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  assert_counts (&counts, 0, 1, 9, 0, 0, 10);
  jk_feed_stats_clear (&stats);
}

/* The writer fails at once on a big feed that is also cut short: the
 * parser stops within the queue's bound rather than reading on, and the
 * database error wins over the feed's. */
static void
test_ingest_write_failure_large (Fixture      *fixture,
                                 gconstpointer user_data)
{
  const guint n = 5000;
  g_autofree char *path = write_standard_feed (fixture, "feed.xml", 10);
  g_autofree char *large_path = NULL;
  g_autoptr (GString) xml = feed_new ();
  JkFeedStats stats = { 0 };
  JkSyncCounts counts;

  ingest_ok (fixture, SOURCE_ID, path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  for (guint i = 100; i < 100 + n; i++)
    feed_add_job (xml, i, NULL, NULL);
  g_string_append (xml, "<job><title>Cut sh"); /* and no </source> */
  large_path = write_file (fixture, "large.xml", xml->str, (gssize) xml->len);

  break_writes (fixture);
  {
    g_autoptr (JkSnapshot) snapshot = begin_snapshot (fixture, SOURCE_ID, NOW + 60);
    g_autoptr (GError) error = NULL;

    jk_feed_stats_clear (&stats);
    g_assert_false (jk_ingest_file (snapshot, large_path, JK_FEED_FORMAT_JOB_XML, &stats, &error));
    g_assert_error (error, JK_STORE_ERROR, JK_STORE_ERROR_SQL);
    /* One batch written (and failed), MAX_BATCHES waiting, one filling. */
    g_assert_cmpuint (stats.jobs, >=, INGEST_BATCH_SIZE);
    g_assert_cmpuint (stats.jobs, <=, (INGEST_MAX_BATCHES + 2) * INGEST_BATCH_SIZE);
  }
  mend_writes (fixture);

  g_assert_cmpint (count_jobs (fixture, SOURCE_ID), ==, 10);
  g_assert_cmpint (row_of (fixture, "R-100"), ==, 0);
  assert_index_ok (fixture);

  /* The same store, writable again, takes a whole feed. */
  ingest_ok (fixture, SOURCE_ID, path, JK_FEED_FORMAT_JOB_XML, &stats, &counts);
  assert_counts (&counts, 0, 0, 10, 0, 0, 10);
  jk_feed_stats_clear (&stats);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ingest/id-map/states", test_id_map_states);
  g_test_add_func ("/ingest/id-map/unseen", test_id_map_unseen);
  g_test_add_func ("/ingest/id-map/growth", test_id_map_growth);
  g_test_add_func ("/ingest/id-map/raw-index", test_id_map_raw_index);
  g_test_add_func ("/ingest/id-map/key", test_id_map_key);

  JK_TEST_ADD ("/ingest/snapshot/first", Fixture, test_snapshot_first);
  JK_TEST_ADD ("/ingest/snapshot/unchanged-raw-hash", Fixture, test_snapshot_unchanged_raw);
  JK_TEST_ADD ("/ingest/snapshot/claim-steps", Fixture, test_snapshot_claim_steps);
  JK_TEST_ADD ("/ingest/snapshot/duplicate-id", Fixture, test_snapshot_duplicate_id);
  JK_TEST_ADD ("/ingest/snapshot/removed", Fixture, test_snapshot_removed);
  JK_TEST_ADD ("/ingest/snapshot/raw-hash-only", Fixture, test_snapshot_raw_hash_only);
  JK_TEST_ADD ("/ingest/snapshot/updated", Fixture, test_snapshot_updated);
  JK_TEST_ADD ("/ingest/snapshot/expired", Fixture, test_snapshot_expired);
  JK_TEST_ADD ("/ingest/snapshot/refused", Fixture, test_snapshot_refused);
  JK_TEST_ADD ("/ingest/snapshot/rollback", Fixture, test_snapshot_rollback);
  JK_TEST_ADD ("/ingest/snapshot/duplicates-across-sources", Fixture, test_snapshot_duplicates_across_sources);
  JK_TEST_ADD ("/ingest/snapshot/not-duplicates", Fixture, test_snapshot_not_duplicates);
  JK_TEST_ADD ("/ingest/file/job-xml", Fixture, test_ingest_job_xml);
  JK_TEST_ADD ("/ingest/file/unchanged", Fixture, test_ingest_unchanged);
  JK_TEST_ADD ("/ingest/file/changed", Fixture, test_ingest_changed);
  JK_TEST_ADD ("/ingest/file/raw-only", Fixture, test_ingest_raw_only);
  JK_TEST_ADD ("/ingest/file/removed", Fixture, test_ingest_removed);
  JK_TEST_ADD ("/ingest/file/duplicate-id", Fixture, test_ingest_duplicate_id);
  JK_TEST_ADD ("/ingest/file/truncated", Fixture, test_ingest_truncated);
  JK_TEST_ADD ("/ingest/parse/unparsed-records", Fixture, test_parse_unparsed_records);
  JK_TEST_ADD ("/ingest/file/unparsed-repeat", Fixture, test_ingest_unparsed_repeat);
  JK_TEST_ADD ("/ingest/file/repeated-id-fixture", Fixture, test_ingest_repeated_id_fixture);
  JK_TEST_ADD ("/ingest/file/context-change", Fixture, test_ingest_context_change);
  JK_TEST_ADD ("/ingest/file/large", Fixture, test_ingest_large);
  JK_TEST_ADD ("/ingest/file/jsonld", Fixture, test_ingest_jsonld);
  JK_TEST_ADD ("/ingest/file/jsonld-no-identifier", Fixture, test_ingest_jsonld_no_identifier);
  JK_TEST_ADD ("/ingest/file/fixtures", Fixture, test_ingest_fixtures);
  JK_TEST_ADD ("/ingest/file/missing", Fixture, test_ingest_missing_file);
  JK_TEST_ADD ("/ingest/file/write-failure", Fixture, test_ingest_write_failure);
  JK_TEST_ADD ("/ingest/file/write-failure-large", Fixture, test_ingest_write_failure_large);
  /* Two bugs these found: a failed begin wiped an open snapshot's keys, and
   * the index excerpt read past a short description's end. */
  JK_TEST_ADD ("/ingest/robustness/begin-while-open", Fixture, test_snapshot_begin_while_open);
  g_test_add_func ("/ingest/robustness/short-description", test_snapshot_short_description);

  return g_test_run ();
}
