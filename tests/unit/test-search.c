/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-search.c: finding active postings: the FTS5 expression, sorts, filters, paging, counts, titles, spelling */

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <jobkiosk/jk-config.h>
#include <jobkiosk/jk-jobs.h>
#include <jobkiosk/jk-search.h>
#include <jobkiosk/jk-store.h>
#include "feeds/jk-ingest-private.h"
#include "jobs/jk-snapshot-private.h"
#include "store/jk-store-private.h"
#include "jk-test.h"
#include "jk-test-db.h"
#include "jk-test-proc.h"

#define SOURCE_ID 1
#define OTHER_SOURCE_ID 2
#define NOW G_GINT64_CONSTANT (1764000000) /* 2025-11-24 */
#define HOUR G_GINT64_CONSTANT (3600)

/* ---------------------------------------------------------------------- */
/* The cache every test searches                                          */

/* Postings without an end date. */
#define NEVER G_MAXINT64
/* Posted when unknown: listed from first_seen (the snapshot's time, NOW). */
#define UNKNOWN (-1)

typedef struct {
  gint64 source_id;
  const char *id;           /* external id, unique across both sources */
  const char *title;
  const char *employer;
  const char *city;
  const char *zip;          /* every posting is in OH */
  double salary_min;        /* 0: unknown */
  double salary_max;        /* 0: unknown */
  JkSalaryPeriod period;
  const char *type;
  const char *education;
  const char *description;
  gint64 posted_hours_ago;  /* UNKNOWN: not given */
  gint64 expires_in_hours;  /* from NOW, negative for the past; NEVER */
  gboolean has_geo;         /* else the ZIP's centroid, when one is known */
  double latitude;
  double longitude;
} Posting;

#define H JK_SALARY_PERIOD_HOUR
#define W JK_SALARY_PERIOD_WEEK
#define M JK_SALARY_PERIOD_MONTH
#define Y JK_SALARY_PERIOD_YEAR
#define NP 0, 0, JK_SALARY_PERIOD_NONE

/* In insertion order, so row ids follow it: source 1 first, then source 2.
 * Hourly equivalents are in the comments where a sort depends on them. */
static const Posting postings[] = {
  { 1, "A01", "Line Cook", "Diner Co", "Columbus", "43215", 16, 18, H, "full-time", NULL,
    "Prepare orders on the grill line.", 20, 720 },
  { 1, "A02", "Cook", "Corner Bistro", "Columbus", "43215", 15, 15, H, "part-time", NULL,
    "Breakfast and lunch shifts.", 70, 720 },
  { 1, "A03", "Prep Cook", "Grill House", "Dayton", "45402", 14, 14, H, "part-time", NULL,
    "Chop vegetables and portion meats.", 120, 720 },
  /* Mentions the word only in its description. */
  { 1, "A04", "Dishwasher", "Diner Co", "Columbus", "43215", 13, 13, H, "part-time", NULL,
    "Help the cook keep the kitchen clean.", 12, 720 },
  { 1, "A05", "Cashier", "Grocery Mart", "Columbus", "43201", 14, 14, H, "part-time", NULL,
    "Ring up groceries.", 48, 720 },
  { 1, "A06", "Cashier", "Fuel Stop", "Dayton", "45402", 13.5, 13.5, H, "full-time", NULL,
    "Night shift at the register.", 96, 720 },
  { 1, "A07", "Cashier", "Grocery Mart", "Cincinnati", "45202", 15, 15, H, "part-time", NULL,
    "Ring up groceries.", 144, 240 },
  { 1, "A08", "Head Cashier", "Grocery Mart", "Columbus", "43201", 16, 16, H, "full-time", NULL,
    "Lead the front end.", 480, -24 },
  /* 21.63 an hour. */
  { 1, "A09", "Warehouse Associate", "Big Box Logistics", "Columbus", "43219", 40000, 45000, Y, "full-time",
    "High school diploma or GED", "Pick and pack orders.", 240, 720 },
  /* 18.27 an hour, from the minimum alone; the title in other letters. */
  { 1, "A10", "warehouse associate", "Big Box Logistics", "Dayton", "45402", 38000, 0, Y, "full-time",
    "High school diploma or GED", "Load trucks.", 288, 720 },
  { 1, "A11", "Forklift Operator", "Big Box Logistics", "Columbus", "43219", 19, 19, H, "full-time", NULL,
    "Move pallets safely.", 192, 720, TRUE, 40.05, -82.90 },
  /* 38.46 an hour. */
  { 1, "A12", "Registered Nurse", "City Hospital", "Columbus", "43210", 80000, 80000, Y, "full-time",
    "Bachelor's degree in nursing", "Care for patients.", 360, 720 },
  /* 26.44 an hour. */
  { 1, "A13", "Office Manager", "Law Firm", "Columbus", "43215", 55000, 55000, Y, "full-time",
    "Associate degree preferred", "Run the front office.", 960, 1440 },
  { 1, "A14", "Receptionist", "Bright Dental", "Columbus", "43215", NP, "part-time",
    "No degree required", "Greet patients.", 216, 720 },
  { 1, "A15", "IT Support Technician", "Tech Co", "Columbus", "43215", 22, 22, H, "contract",
    "Bachelor's degree not required", "Fix laptops and printers for us.", 167, 720 },
  { 1, "A16", "Summer Intern", "City Hall", "Columbus", "43215", 12, 12, H, "internship",
    "Currently enrolled in college", "Assist the clerk.", 264, 720 },
  { 1, "A17", "Seasonal Helper", "Toy Shop", "Dayton", "45402", NP, "temporary", NULL,
    "Holiday rush.", 600, 720 },
  { 1, "A18", "Delivery Driver", "Pizza Place", "Columbus", "43215", NP, "full-time,part-time", NULL,
    "Deliver pizzas.", 312, 720 },
  /* Expired, the newest of all and the most common title if counted. */
  { 1, "A19", "Usher", "Grand Theater", "Columbus", "43215", 11, 11, H, "part-time", NULL,
    "Seat guests.", 6, -1 },
  { 1, "A20", "Usher", "Grand Theater", "Dayton", "45402", 11, 11, H, "part-time", NULL,
    "Seat guests.", 7, 0 }, /* ends exactly at NOW */
  { 1, "A21", "Usher", "Grand Theater", "Cincinnati", "45202", 11, 11, H, "part-time", NULL,
    "Seat guests.", 960, -120 },
  { 1, "A22", "Usher", "Grand Theater", "Springfield", "45502", 11, 11, H, "part-time", NULL,
    "Seat guests.", 800, -240 },
  { 1, "A23", "Janitor", "Clean Co", "Columbus", "43215", 15, 15, H, "part-time", NULL,
    "Evening cleaning.", UNKNOWN, NEVER },
  { 1, "A24", "Bank Teller", "First Bank", "Columbus", "43215", 17, 17, H, "full-time", NULL,
    "Count cash and help customers.", 336, NEVER },
  /* 16.00 an hour. */
  { 1, "A25", "Security Guard", "Safe Co", "Columbus", "43215", 640, 640, W, "full-time", NULL,
    "Patrol the lot.", 384, 720 },
  /* 17.31 an hour. */
  { 1, "A26", "Barista", "Bean Cafe", "Columbus", "43201", 3000, 3000, M, "part-time", NULL,
    "Pull espresso shots.", 408, 720 },
  { 1, "A27", "Cocinero", "Taqueria Sol", "Columbus", "43215", 14.5, 14.5, H, "full-time", NULL,
    "Preparar tacos y salsas para la cocina.", 432, 720 },
  /* A copy of A05 from the other source, better paid: hidden. */
  { 2, "B1", "Cashier", "Grocery Mart", "Columbus", "43201", 99, 99, H, "part-time", NULL,
    "Ring up groceries.", 48, 720 },
  { 2, "B2", "Pastry Cook", "Sweet Bakery", "Cincinnati", "45202", 16, 16, H, "part-time", NULL,
    "Bake bread and cakes.", 456, 720 },
  /* 33.65 an hour. */
  { 2, "B3", "Truck Driver", "Freight Lines", "Dayton", "45402", 70000, 70000, Y, "full-time", NULL,
    "Long haul routes.", 504, 720 },
};

#undef H
#undef W
#undef M
#undef Y
#undef NP

/* Downtown Columbus: the origin of the distance tests. */
#define ORIGIN_LATITUDE 39.9612
#define ORIGIN_LONGITUDE (-82.9988)

/* ZIP centroids, known before the postings arrive so they take them; none
 * for 43201 (its postings have no place to measure from) nor 45502. */
#define CENTROIDS_SQL \
  "INSERT INTO zip_centroids (zip, latitude, longitude) VALUES" \
  " ('43215', 39.9612, -82.9988)," /* the origin */ \
  " ('43210', 40.0020, -83.0160)," /* 2.96 miles */ \
  " ('43219', 40.0000, -82.9220)," /* 4.87 miles; A11's own place is 8.06 */ \
  " ('45402', 39.7589, -84.1916)," /* Dayton, 64.8 miles */ \
  " ('45202', 39.1031, -84.5120)"  /* Cincinnati, 100.1 miles */

/* Every active posting, newest first (A23 is listed from first_seen, NOW). */
#define ALL_NEWEST \
  "A23 A04 A01 A05 A02 A06 A03 A07 A15 A11 A14 A09 A16 A10 A18 A24 A12 A25 A26 A27 B2 B3 A17 A13"
#define N_ACTIVE 24

typedef JkTestDb Fixture;

/* ---------------------------------------------------------------------- */
/* Fixture                                                                */

static JkJob *
job_from_posting (const Posting *p)
{
  JkJob *job = jk_job_new ();

  job->external_id = g_strdup (p->id);
  job->title = g_strdup (p->title);
  job->employer = g_strdup (p->employer);
  job->city = g_strdup (p->city);
  job->state = g_strdup ("OH");
  job->postal_code = g_strdup (p->zip);
  job->country = g_strdup ("US");
  job->has_geo = p->has_geo;
  job->latitude = p->has_geo ? p->latitude : NAN;
  job->longitude = p->has_geo ? p->longitude : NAN;
  job->salary_min = p->salary_min > 0 ? p->salary_min : NAN;
  job->salary_max = p->salary_max > 0 ? p->salary_max : NAN;
  job->salary_period = p->period;
  job->employment_type = g_strdup (p->type);
  job->education = g_strdup (p->education);
  job->description = g_strdup (p->description);
  job->apply_url = g_strdup_printf ("https://jobs.example/%s", p->id);
  job->posted = p->posted_hours_ago == UNKNOWN ? 0 : NOW - p->posted_hours_ago * HOUR;
  job->expires = p->expires_in_hours == NEVER ? 0 : NOW + p->expires_in_hours * HOUR;
  return job;
}

static void
ingest_source (Fixture *fixture,
               gint64   source_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkSnapshot) snapshot = jk_snapshot_begin (fixture->store, source_id, NOW, &error);
  JkSyncCounts counts;
  guint n = 0;
  gboolean ok;

  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  for (gsize i = 0; i < G_N_ELEMENTS (postings); i++)
    {
      g_autoptr (JkJob) job = NULL;

      if (postings[i].source_id != source_id)
        continue;
      job = job_from_posting (&postings[i]);
      ok = jk_snapshot_add (snapshot, job, &error);
      g_assert_no_error (error);
      g_assert_true (ok);
      n++;
    }
  ok = jk_snapshot_commit (snapshot, 0.0, &counts, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (counts.added, ==, n);
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer user_data)
{
  jk_test_db_set_up (fixture, "jk-search-XXXXXX", CENTROIDS_SQL);
  ingest_source (fixture, SOURCE_ID);
  ingest_source (fixture, OTHER_SOURCE_ID);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer user_data)
{
  jk_test_db_tear_down (fixture);
}

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static gint64
row_of (Fixture    *fixture,
        const char *external_id)
{
  return jk_test_query_int (fixture->store, "SELECT ifnull ((SELECT id FROM jobs WHERE external_id = '%s'), 0)", external_id);
}

/* What a visitor asks with nothing set: everything, 100 to a page. */
static JkSearchQuery
query_new (const char *text)
{
  JkSearchQuery query = { .text = text, .limit = 100, .now = NOW, .min_pay_per = JK_SALARY_PERIOD_HOUR };

  return query;
}

static GPtrArray *
search_ok (Fixture             *fixture,
           const JkSearchQuery *query)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *records = jk_search_jobs (fixture->store, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

static gint64
count_ok (Fixture             *fixture,
          const JkSearchQuery *query)
{
  g_autoptr (GError) error = NULL;
  gint64 count = jk_search_count (fixture->store, query, &error);

  g_assert_no_error (error);
  g_assert_cmpint (count, >=, 0);
  return count;
}

/* The external ids of records, in order, space-separated. */
static char *
ids_of (GPtrArray *records)
{
  g_autoptr (GString) ids = g_string_new (NULL);

  for (guint i = 0; i < records->len; i++)
    {
      const JkJobRecord *record = records->pdata[i];

      g_assert_nonnull (record->job);
      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, record->job->external_id);
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* One page, as ids. */
static char *
search_ids (Fixture             *fixture,
            const JkSearchQuery *query)
{
  g_autoptr (GPtrArray) records = search_ok (fixture, query);

  return ids_of (records);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* The same ids in sorted order, for filters where order is not the point. */
static char *
sorted_ids (const char *ids)
{
  g_auto (GStrv) words = g_strsplit (ids, " ", -1);
  guint n = g_strv_length (words);

  qsort (words, n, sizeof (char *), compare_strings);
  return g_strjoinv (" ", words);
}

static guint
count_ids (const char *ids)
{
  g_auto (GStrv) words = NULL;

  if (ids[0] == '\0')
    return 0;
  words = g_strsplit (ids, " ", -1);
  return g_strv_length (words);
}

/* Every page of the query, limit at a time: no posting twice, the pages
 * together the same as one big page. Returns the ids in order. */
/* Pages through a query by offset alone, or as the window does, also
 * handing over the last record of the page before. */
static char *
page_through_by (Fixture             *fixture,
                 const JkSearchQuery *asked,
                 guint                limit,
                 gboolean             after_last)
{
  JkSearchQuery query = *asked;
  g_autoptr (GString) ids = g_string_new (NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (JkJobRecord) last = NULL;

  query.limit = limit;
  for (query.offset = 0;; query.offset += limit)
    {
      g_autoptr (GPtrArray) records = NULL;

      query.after = after_last ? last : NULL;
      records = search_ok (fixture, &query);
      g_assert_cmpuint (records->len, <=, limit);
      for (guint i = 0; i < records->len; i++)
        {
          const JkJobRecord *record = records->pdata[i];

          g_assert_false (g_hash_table_contains (seen, record->job->external_id));
          g_hash_table_add (seen, g_strdup (record->job->external_id));
          if (ids->len > 0)
            g_string_append_c (ids, ' ');
          g_string_append (ids, record->job->external_id);
        }
      if (records->len > 0)
        {
          g_clear_pointer (&last, jk_job_record_free);
          last = jk_job_record_copy (records->pdata[records->len - 1]);
        }
      if (records->len < limit)
        break;
      g_assert_cmpuint (query.offset, <, 1000);
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static char *
page_through (Fixture             *fixture,
              const JkSearchQuery *asked,
              guint                limit)
{
  JkSearchQuery query = *asked;
  g_autofree char *whole = NULL;
  g_autofree char *by_after = page_through_by (fixture, asked, limit, TRUE);
  char *by_offset = page_through_by (fixture, asked, limit, FALSE);

  /* Both ways of paging give the one list, in its order. */
  query.limit = 1000;
  query.offset = 0;
  whole = search_ids (fixture, &query);
  g_assert_cmpstr (by_offset, ==, whole);
  g_assert_cmpstr (by_after, ==, whole);
  return by_offset;
}

/* What paging finds, in sorted order, after checking that the count
 * agrees with it. */
static char *
counted_ids (Fixture             *fixture,
             const JkSearchQuery *query)
{
  g_autofree char *ids = page_through (fixture, query, 4);

  g_assert_cmpint (count_ok (fixture, query), ==, count_ids (ids));
  return sorted_ids (ids);
}

#define assert_filter(fixture, query, expected) \
  G_STMT_START \
  { \
    g_autofree char *_found = counted_ids ((fixture), (query)); \
    g_autofree char *_expected = sorted_ids (expected); \
    g_assert_cmpstr (_found, ==, _expected); \
  } \
  G_STMT_END

/* The expression for the words, and that for the word being typed. */
#define assert_typed(text, typing, expected, expected_title) \
  G_STMT_START \
  { \
    g_autofree char *_title = NULL; \
    g_autofree char *_match = jk_search_build_match ((text), (typing), &_title); \
    g_assert_cmpstr (_match, ==, (expected)); \
    g_assert_cmpstr (_title, ==, (expected_title)); \
  } \
  G_STMT_END

#define assert_match(text, typing, expected) assert_typed (text, typing, expected, NULL)

/* ---------------------------------------------------------------------- */
/* jk_search_build_match                                                  */

/* What the bundled vocabulary (data/vocabulary/es-en.tsv) adds to a word:
 * its other forms and its translations. Plurals are left out, the index
 * stems them. */
#define COOK_ALSO " OR \"cocinero\" OR \"cocinera\" OR \"chef\""
#define IT_ALSO " OR \"computadora\" OR \"computacion\" OR \"informatica\" OR \"computer\""
#define CASHIER_ALSO " OR \"cajero\" OR \"cajera\" OR \"checkout\""

static void
test_match_words (void)
{
  assert_match ("line", FALSE, "\"line\"");
  assert_match ("line cook", FALSE, "\"line\" AND (\"cook\"" COOK_ALSO ")");
  assert_match ("  Line   Cook  ", FALSE, "\"Line\" AND (\"Cook\"" COOK_ALSO ")");
  assert_match ("grill, line; night-time", FALSE, "\"grill\" AND \"line\" AND (\"night\" OR \"nocturno\" OR "
                "\"nocturna\" OR \"noche\" OR \"overnight\") AND \"time\"");
  assert_match ("résumé 24", FALSE, "\"résumé\" AND \"24\"");
  /* No words at all. */
  assert_match (NULL, FALSE, NULL);
  assert_match ("", FALSE, NULL);
  assert_match ("   ", TRUE, NULL);
  assert_match ("!!! ... ---", TRUE, NULL);
}

static void
test_match_typing (void)
{
  /* The last word, still being typed, is a prefix in titles… */
  assert_typed ("grill line", TRUE, "\"grill\"", "\"line\"*");
  assert_typed ("gri", TRUE, NULL, "\"gri\"*");
  assert_typed ("grill", TRUE, NULL, "\"grill\"*");
  /* … never with one or two letters … */
  assert_match ("gr", TRUE, "\"gr\"");
  assert_match ("line gr", TRUE, "\"line\" AND \"gr\"");
  /* … nor once it is finished by a space or punctuation … */
  assert_match ("line grill ", TRUE, "\"line\" AND \"grill\"");
  assert_match ("line grill,", TRUE, "\"line\" AND \"grill\"");
  assert_match ("line grill.", TRUE, "\"line\" AND \"grill\"");
  assert_match ("grill*", TRUE, "\"grill\"");
  /* … only the last word, and never without typing. */
  assert_typed ("grill line grill", TRUE, "\"grill\" AND \"line\"", "\"grill\"*");
  assert_match ("line grill", FALSE, "\"line\" AND \"grill\"");
  assert_match ("gri", FALSE, "\"gri\"");
  /* A word of the vocabulary is a prefix and its translations… */
  assert_typed ("line cook", TRUE, "\"line\"", "(\"cook\"*" COOK_ALSO ")");
  /* … and so is a word the vocabulary has only begun ("caje" for cajero)… */
  assert_typed ("caje", TRUE, NULL, "(\"caje\"* OR \"cajero\" OR \"cajera\" OR \"cashier\" OR \"checkout\")");
  /* … unless too many of its words begin so ("ca"…). */
  assert_typed ("cam", TRUE, NULL, "\"cam\"*");
  /* Without a place for it, the word being typed is a whole word. */
  {
    g_autofree char *whole = jk_search_build_match ("grill line", TRUE, NULL);

    g_assert_cmpstr (whole, ==, "\"grill\" AND \"line\"");
  }
}

static void
test_match_function_words (void)
{
  assert_match ("the grill", FALSE, "\"grill\"");
  assert_match ("THE Grill and the Line", FALSE, "\"Grill\" AND \"Line\"");
  assert_match ("jobs for you in the area", FALSE, "\"jobs\" AND \"area\"");
  assert_match ("parrilla de la y el", FALSE, "\"parrilla\"");
  assert_match ("trabajo para una parrilla con tacos", FALSE, "\"trabajo\" AND \"parrilla\" AND \"tacos\"");
  /* "it" (IT support) and "us" are words people look for. */
  assert_match ("it support", FALSE, "(\"it\"" IT_ALSO ") AND \"support\"");
  assert_match ("IT", FALSE, "(\"IT\"" IT_ALSO ")");
  assert_match ("work for us", FALSE, "\"work\" AND \"us\"");
  /* Only function words: no words. */
  assert_match ("the", FALSE, NULL);
  assert_match ("the", TRUE, NULL);
  assert_match ("the and to", FALSE, NULL);
  assert_match ("de la y", TRUE, NULL);
  assert_match ("The AND to OF a an", TRUE, NULL);
  /* A function word as the last word takes no prefix itself. */
  assert_match ("grill and", FALSE, "\"grill\"");
  /* Nor does the word before it, which the visitor has finished. */
  assert_match ("grill the", TRUE, "\"grill\"");
}

/* A long question: the function words in it must not use up the dozen
 * words a match keeps. */
static void
test_match_many_function_words (void)
{
  g_autofree char *twelve = jk_search_build_match ("the the the the the the the the the the the the grill", FALSE, NULL);
  g_autofree char *sentence = jk_search_build_match (
    "a grill at the deli in the city for the day of the month as a teller", FALSE, NULL);
  g_autofree char *thirteen = jk_search_build_match (
    "one two three four five six seven eight nine ten eleven twelve thirteen", FALSE, NULL);

  g_assert_cmpstr (twelve, ==, "\"grill\"");
  g_assert_cmpstr (sentence, ==, "\"grill\" AND \"deli\" AND \"city\" AND \"day\" AND \"month\" AND (\"teller\""
                                 " OR \"banco\" OR \"bancario\" OR \"bancaria\" OR \"bank\" OR \"banking\" OR \"ventanilla\")");
  /* Real words past a dozen are dropped: the cost stays bounded. */
  g_assert_cmpstr (thirteen, ==, "\"one\" AND \"two\" AND \"three\" AND \"four\" AND \"five\" AND \"six\" AND "
                                 "\"seven\" AND \"eight\" AND \"nine\" AND \"ten\" AND \"eleven\" AND \"twelve\"");
}

/* Visitor text that looks like FTS5 syntax, or is very long, or is not
 * text at all. */
static const char *const hostile[] = {
  "\"cook",
  "cook\"",
  "\"\"",
  "\"cook\" OR \"cashier\"",
  "cook AND cashier",
  "cook OR NOT cashier",
  "NEAR(cook cashier, 2)",
  "NEAR(",
  "title:cook",
  "{title employer}: cook",
  "cook*",
  "*",
  "^cook",
  "-cook +cashier",
  "(cook",
  "cook)",
  "((()))",
  "'; DROP TABLE jobs; --",
  "\\\"cook\\\"",
  "🍳 cook 🔥",
  "👩‍🍳",
  "ʰ ー 々",
  "𞤀𞤁𞤂 cook",
  "ＣＯＯＫ",
  "c\xcc\x81ook", /* a combining accent in the middle */
  "\xff\xfe cook", /* not UTF-8 */
  "x\x01y\ty\nz",
};

/* The match is only quoted words joined by AND, each alone or in a group
 * with its prefix (in titles and employers) and its alternatives (words,
 * or phrases of words). */
static void
assert_quoted_words (const char *match)
{
  g_auto (GStrv) words = g_strsplit (match, " AND ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    g_assert_true (g_regex_match_simple ("^(\"[\\p{L}\\p{N}]+\"\\*?|\\(\"[\\p{L}\\p{N}]+\"\\*?"
                                         "( OR \"[\\p{L}\\p{N}]+( [\\p{L}\\p{N}]+)*\")*\\))$",
                                         words[i], 0, 0));
}

static char *
long_text (const char *unit,
           gsize       chars)
{
  g_autoptr (GString) text = g_string_new (NULL);
  glong unit_chars = g_utf8_strlen (unit, -1);

  for (glong n = 0; n < (glong) chars; n += unit_chars)
    g_string_append (text, unit);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_match_hostile (void)
{
  g_autofree char *a40 = g_strnfill (40, 'a');
  g_autofree char *expected_a = g_strdup_printf ("\"%s\"", a40);

  for (gsize i = 0; i < G_N_ELEMENTS (hostile); i++)
    for (int typing = 0; typing <= 1; typing++)
      {
        g_autofree char *title = NULL;
        g_autofree char *match = jk_search_build_match (hostile[i], typing, &title);
        g_autofree char *escaped = g_strescape (hostile[i], NULL);

        g_test_message ("%s (typing %d): %s / %s", escaped, typing, match != NULL ? match : "(null)",
                        title != NULL ? title : "(null)");
        if (match != NULL)
          assert_quoted_words (match);
        if (title != NULL)
          assert_quoted_words (title);
      }

  assert_match ("\"cook\" OR \"cashier\"", FALSE, "(\"cook\"" COOK_ALSO ") AND (\"cashier\"" CASHIER_ALSO ")");
  assert_match ("NEAR(grill teller, 2)", FALSE, "\"NEAR\" AND \"grill\" AND (\"teller\" OR \"banco\" OR \"bancario\" OR "
                "\"bancaria\" OR \"bank\" OR \"banking\" OR \"ventanilla\") AND \"2\"");
  assert_match ("title:cook*", TRUE, "\"title\" AND (\"cook\"" COOK_ALSO ")");
  assert_match ("🍳 grill 🔥", FALSE, "\"grill\"");
  assert_match ("((()))", TRUE, NULL);
  assert_match ("*", TRUE, NULL);
  assert_match ("\xff\xfe cook", FALSE, NULL);

  /* 10 000 characters: one word is cut to 40 characters… */
  {
    g_autofree char *text = long_text ("a", 10000);
    assert_match (text, FALSE, expected_a);
  }
  /* … and many words to a dozen. */
  {
    g_autofree char *text = long_text ("cook ", 10000);
    g_autofree char *match = jk_search_build_match (text, TRUE, NULL);
    g_auto (GStrv) terms = g_strsplit (match, " AND ", -1);

    assert_quoted_words (match);
    g_assert_cmpuint (g_strv_length (terms), ==, 12);
  }
  {
    g_autofree char *text = long_text ("\"(*NEAR ", 10000);
    g_autofree char *match = jk_search_build_match (text, TRUE, NULL);

    assert_quoted_words (match);
  }
  {
    g_autofree char *text = long_text ("🍳", 10000);
    assert_match (text, TRUE, NULL);
  }
}

/* ---------------------------------------------------------------------- */
/* jk_search_jobs                                                         */

static void
test_jobs_active_only (Fixture      *fixture,
                       gconstpointer user_data)
{
  JkSearchQuery query = query_new (NULL);
  g_autofree char *all = NULL;

  /* The cache as set up: B1 is A05's hidden copy. */
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT count(*) FROM jobs"), ==, G_N_ELEMENTS (postings));
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT duplicate FROM jobs WHERE external_id = 'B1'"), ==, 1);
  g_assert_cmpint (jk_test_query_int (fixture->store, "SELECT duplicate FROM jobs WHERE external_id = 'A05'"), ==, 0);

  /* Not A08, the Ushers (A20 ends at NOW exactly), nor B1. */
  all = search_ids (fixture, &query);
  g_assert_cmpstr (all, ==, ALL_NEWEST);

  /* The records are whole (without the description). */
  {
    g_autoptr (GPtrArray) records = search_ok (fixture, &query);
    const JkJobRecord *record = NULL;

    for (guint i = 0; i < records->len; i++)
      if (g_str_equal (((JkJobRecord *) records->pdata[i])->job->external_id, "A09"))
        record = records->pdata[i];
    g_assert_nonnull (record);
    g_assert_cmpint (record->id, ==, row_of (fixture, "A09"));
    g_assert_cmpstr (record->source, ==, "test");
    g_assert_cmpint (record->first_seen, ==, NOW);
    g_assert_cmpstr (record->job->title, ==, "Warehouse Associate");
    g_assert_cmpstr (record->job->employer, ==, "Big Box Logistics");
    g_assert_cmpstr (record->job->city, ==, "Columbus");
    g_assert_cmpstr (record->job->state, ==, "OH");
    g_assert_cmpstr (record->job->postal_code, ==, "43219");
    g_assert_cmpfloat (record->job->salary_min, ==, 40000);
    g_assert_cmpfloat (record->job->salary_max, ==, 45000);
    g_assert_cmpint (record->job->salary_period, ==, JK_SALARY_PERIOD_YEAR);
    g_assert_cmpstr (record->job->employment_type, ==, "full-time");
    g_assert_cmpstr (record->job->education, ==, "High school diploma or GED");
    g_assert_cmpint (record->job->posted, ==, NOW - 240 * HOUR);
    g_assert_cmpint (record->job->expires, ==, NOW + 720 * HOUR);
    /* From its ZIP's centroid. */
    g_assert_true (record->job->has_geo);
    g_assert_cmpfloat_with_epsilon (record->job->latitude, 40.0, 1e-9);
    g_assert_null (record->job->description);
  }

  /* Later, the ones ending by then are gone too. */
  {
    g_autofree char *later = NULL;

    query.now = NOW + 240 * HOUR; /* A07 ends now */
    later = search_ids (fixture, &query);
    g_assert_cmpstr (later, ==, "A23 A04 A01 A05 A02 A06 A03 A15 A11 A14 A09 A16 A10 A18 A24 A12 A25 A26 A27 B2 B3 A17 A13");
  }
  {
    g_autofree char *later = NULL;

    query.now = NOW + 720 * HOUR; /* all but A13 and the two without an end */
    later = search_ids (fixture, &query);
    g_assert_cmpstr (later, ==, "A23 A24 A13");
  }
}

static void
test_jobs_best_match (Fixture      *fixture,
                      gconstpointer user_data)
{
  JkSearchQuery query = query_new ("cook");
  g_autoptr (GPtrArray) records = search_ok (fixture, &query);
  g_autofree char *ids = ids_of (records);
  g_autofree char *sorted = sorted_ids (ids);

  /* Every posting with the word, the Spanish one (A27, "Cocinero") too,
   * the one with it only in its description after every one with it in
   * the title. */
  g_assert_cmpstr (sorted, ==, "A01 A02 A03 A04 A27 B2");
  g_assert_cmpstr (((JkJobRecord *) records->pdata[records->len - 1])->job->external_id, ==, "A04");
  /* A title that is the word itself first: "Cook", or "Cocinero", its
   * translation, which counts the same (a rarer word weighs more). */
  g_assert_true (g_strv_contains ((const char *const[]) { "A02", "A27", NULL },
                                  ((JkJobRecord *) records->pdata[0])->job->external_id));
  g_assert_cmpstr (((JkJobRecord *) records->pdata[1])->job->external_id, !=, "A04");

  /* Function words change nothing, nor letter case, nor the word's ending. */
  {
    const char *const same[] = { "the cook", "Cook", "COOK", "cooks", "a cook for the", "la cook" };

    for (gsize i = 0; i < G_N_ELEMENTS (same); i++)
      {
        JkSearchQuery other = query_new (same[i]);
        g_autofree char *other_ids = search_ids (fixture, &other);

        g_assert_cmpstr (other_ids, ==, ids);
      }
  }
  {
    JkSearchQuery other = query_new ("cook night");
    g_autofree char *other_ids = search_ids (fixture, &other);

    g_assert_cmpstr (other_ids, ==, "");
  }

  /* A word in the place finds the postings there. */
  {
    JkSearchQuery other = query_new ("columbus cashier");
    g_autofree char *other_ids = search_ids (fixture, &other);

    g_assert_cmpstr (other_ids, ==, "A05");
  }
  {
    JkSearchQuery other = query_new ("cashier");
    g_autofree char *other_ids = search_ids (fixture, &other);
    g_autofree char *other_sorted = sorted_ids (other_ids);

    /* Not the expired head cashier (A08) nor the hidden copy (B1). */
    g_assert_cmpstr (other_sorted, ==, "A05 A06 A07");
  }
  /* Kept words: "it" and "us". */
  {
    JkSearchQuery other = query_new ("IT support");
    g_autofree char *other_ids = search_ids (fixture, &other);

    g_assert_cmpstr (other_ids, ==, "A15");
  }
  {
    JkSearchQuery other = query_new ("us");
    g_autofree char *other_ids = search_ids (fixture, &other);

    g_assert_cmpstr (other_ids, ==, "A15");
  }
  /* Spanish function words too. */
  {
    JkSearchQuery other = query_new ("cocinero de la cocina");
    g_autofree char *other_ids = search_ids (fixture, &other);

    /* A04 in English: "Help the cook keep the kitchen clean." */
    g_assert_cmpstr (other_ids, ==, "A27 A04");
  }
}

static void
test_jobs_function_words_only (Fixture      *fixture,
                               gconstpointer user_data)
{
  const char *const texts[] = { NULL, "", "  ", "the", "The", "the and to", "de la y", "!!!" };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    for (int typing = 0; typing <= 1; typing++)
      {
        JkSearchQuery query = query_new (texts[i]);
        g_autofree char *ids = NULL;

        query.typing = typing;
        ids = search_ids (fixture, &query);
        /* Everything, newest first. */
        g_assert_cmpstr (ids, ==, ALL_NEWEST);
        g_assert_cmpint (count_ok (fixture, &query), ==, N_ACTIVE);
      }
}

static void
test_jobs_typing (Fixture      *fixture,
                  gconstpointer user_data)
{
  JkSearchQuery query = query_new ("cas");
  g_autofree char *typing_ids = NULL;
  g_autofree char *finished_ids = NULL;
  g_auto (GStrv) found = NULL;

  query.typing = TRUE;
  typing_ids = counted_ids (fixture, &query);
  found = g_strsplit (typing_ids, " ", -1);
  g_assert_true (g_strv_contains ((const char *const *) found, "A05"));
  g_assert_true (g_strv_contains ((const char *const *) found, "A06"));
  g_assert_true (g_strv_contains ((const char *const *) found, "A07"));
  g_assert_false (g_strv_contains ((const char *const *) found, "A08"));
  g_assert_false (g_strv_contains ((const char *const *) found, "B1"));

  query.typing = FALSE;
  finished_ids = counted_ids (fixture, &query);
  g_assert_cmpstr (finished_ids, ==, "");

  /* The last word as a prefix, the others whole. */
  {
    JkSearchQuery other = query_new ("warehouse assoc");
    g_autofree char *ids = NULL;

    other.typing = TRUE;
    ids = counted_ids (fixture, &other);
    g_assert_cmpstr (ids, ==, "A09 A10");
    other.typing = FALSE;
    g_clear_pointer (&ids, g_free);
    ids = counted_ids (fixture, &other);
    g_assert_cmpstr (ids, ==, "");
    /* Finished with a space: not a prefix any more. */
    other.text = "warehouse assoc ";
    other.typing = TRUE;
    g_clear_pointer (&ids, g_free);
    ids = counted_ids (fixture, &other);
    g_assert_cmpstr (ids, ==, "");
  }
}

static void
test_jobs_hostile (Fixture      *fixture,
                   gconstpointer user_data)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (gsize i = 0; i < G_N_ELEMENTS (hostile); i++)
    g_ptr_array_add (texts, g_strdup (hostile[i]));
  g_ptr_array_add (texts, long_text ("a", 10000));
  g_ptr_array_add (texts, long_text ("cook ", 10000));
  g_ptr_array_add (texts, long_text ("\"(*NEAR ", 10000));
  g_ptr_array_add (texts, long_text ("🍳", 10000));
  g_ptr_array_add (texts, long_text ("ʰ", 10000));

  for (guint i = 0; i < texts->len; i++)
    for (int typing = 0; typing <= 1; typing++)
      for (int sort = JK_SEARCH_SORT_BEST; sort <= JK_SEARCH_SORT_PAY; sort++)
        {
          JkSearchQuery query = query_new (texts->pdata[i]);
          g_autoptr (GError) error = NULL;
          g_autoptr (GPtrArray) records = NULL;
          gint64 count;

          query.typing = typing;
          query.sort = sort;
          records = jk_search_jobs (fixture->store, &query, &error);
          g_assert_no_error (error);
          g_assert_nonnull (records);
          count = jk_search_count (fixture->store, &query, &error);
          g_assert_no_error (error);
          g_assert_cmpint (count, ==, records->len);
        }

  /* What the syntax would have meant is not what is found. */
  {
    JkSearchQuery query = query_new ("\"cook\" OR \"cashier\"");
    g_autofree char *ids = search_ids (fixture, &query);

    g_assert_cmpstr (ids, ==, "");
  }
  {
    JkSearchQuery query = query_new ("🍳 cook 🔥");
    JkSearchQuery plain = query_new ("cook");
    g_autofree char *ids = search_ids (fixture, &query);
    g_autofree char *plain_ids = search_ids (fixture, &plain);

    g_assert_cmpstr (ids, ==, plain_ids);
  }
}

/* ---------------------------------------------------------------------- */
/* Sorts and pages                                                        */

static void
test_sort_newest (Fixture      *fixture,
                  gconstpointer user_data)
{
  JkSearchQuery query = query_new (NULL);
  g_autofree char *newest = NULL;
  g_autofree char *best = NULL;
  g_autofree char *closest = NULL;
  g_autofree char *cooks = NULL;

  query.sort = JK_SEARCH_SORT_NEWEST;
  newest = search_ids (fixture, &query);
  g_assert_cmpstr (newest, ==, ALL_NEWEST);
  /* Best match without words is the newest. */
  query.sort = JK_SEARCH_SORT_BEST;
  best = search_ids (fixture, &query);
  g_assert_cmpstr (best, ==, ALL_NEWEST);
  /* So is closest without a place to measure from. */
  query.sort = JK_SEARCH_SORT_CLOSEST;
  closest = search_ids (fixture, &query);
  g_assert_cmpstr (closest, ==, ALL_NEWEST);

  query.text = "cook";
  query.sort = JK_SEARCH_SORT_NEWEST;
  cooks = search_ids (fixture, &query);
  g_assert_cmpstr (cooks, ==, "A04 A01 A02 A03 A27 B2");
}

static void
test_sort_pay (Fixture      *fixture,
               gconstpointer user_data)
{
  JkSearchQuery query = query_new (NULL);
  g_autofree char *all = NULL;
  g_autofree char *cooks = NULL;
  g_autofree char *cashiers = NULL;

  /* Hourly equivalents: a year is 2080 hours, a month 173.33, a week 40;
   * the maximum when there is one; equal pay newest row first; postings
   * without pay (A18, A17, A14) last. */
  query.sort = JK_SEARCH_SORT_PAY;
  all = search_ids (fixture, &query);
  g_assert_cmpstr (all, ==,
                   "A12 B3 A13 A15 A09 A11 A10 A01 A26 A24 B2 A25 A23 A07 A02 A27 A05 A03 A06 A04 A16"
                   " A18 A17 A14");

  query.text = "cook";
  cooks = search_ids (fixture, &query);
  g_assert_cmpstr (cooks, ==, "A01 B2 A02 A27 A03 A04");

  /* B1 would pay 99 an hour, but it is a hidden copy. */
  query.text = "cashier";
  cashiers = search_ids (fixture, &query);
  g_assert_cmpstr (cashiers, ==, "A07 A05 A06");
}

static void
test_sort_closest (Fixture      *fixture,
                   gconstpointer user_data)
{
  JkSearchQuery query = query_new (NULL);
  g_autofree char *all = NULL;
  g_autofree char *cashiers = NULL;

  query.sort = JK_SEARCH_SORT_CLOSEST;
  query.has_origin = TRUE;
  query.origin_latitude = ORIGIN_LATITUDE;
  query.origin_longitude = ORIGIN_LONGITUDE;
  /* 43215 (0 miles, newest row first), 43210, 43219, A11's own place,
   * Dayton, Cincinnati, then the two without a place (43201). */
  all = search_ids (fixture, &query);
  g_assert_cmpstr (all, ==,
                   "A27 A25 A24 A23 A18 A16 A15 A14 A13 A04 A02 A01"
                   " A12 A09 A11 B3 A17 A10 A06 A03 B2 A07 A26 A05");

  query.text = "cashier";
  cashiers = search_ids (fixture, &query);
  g_assert_cmpstr (cashiers, ==, "A06 A07 A05");

  /* Within a distance: the ones without a place are left out. */
  query.text = NULL;
  query.max_miles = 6;
  assert_filter (fixture, &query, "A27 A25 A24 A23 A18 A16 A15 A14 A13 A04 A02 A01 A12 A09");
  query.max_miles = 10;
  assert_filter (fixture, &query, "A27 A25 A24 A23 A18 A16 A15 A14 A13 A04 A02 A01 A12 A09 A11");
  query.text = "cook";
  query.max_miles = 6;
  assert_filter (fixture, &query, "A01 A02 A04 A27");
}

static void
test_jobs_paging (Fixture      *fixture,
                  gconstpointer user_data)
{
  const JkSearchSort sorts[] = { JK_SEARCH_SORT_BEST, JK_SEARCH_SORT_NEWEST, JK_SEARCH_SORT_PAY,
                                 JK_SEARCH_SORT_CLOSEST };
  const char *const texts[] = { NULL, "columbus", "cook", "oh" };
  const guint limits[] = { 1, 5, 7, 24, 25 };

  for (gsize s = 0; s < G_N_ELEMENTS (sorts); s++)
    for (gsize t = 0; t < G_N_ELEMENTS (texts); t++)
      for (gsize l = 0; l < G_N_ELEMENTS (limits); l++)
        {
          JkSearchQuery query = query_new (texts[t]);
          g_autofree char *ids = NULL;

          query.sort = sorts[s];
          query.has_origin = sorts[s] == JK_SEARCH_SORT_CLOSEST;
          query.origin_latitude = ORIGIN_LATITUDE;
          query.origin_longitude = ORIGIN_LONGITUDE;
          ids = page_through (fixture, &query, limits[l]);
          g_assert_cmpint (count_ok (fixture, &query), ==, count_ids (ids));
          if (texts[t] == NULL || g_str_equal (texts[t], "oh"))
            g_assert_cmpuint (count_ids (ids), ==, N_ACTIVE);
          else if (g_str_equal (texts[t], "columbus"))
            g_assert_cmpuint (count_ids (ids), ==, 17);
          else
            g_assert_cmpuint (count_ids (ids), ==, 6); /* "cook": A27 "Cocinero" too */
        }

  /* No limit is 20; past the end is nothing. */
  {
    JkSearchQuery query = query_new (NULL);
    g_autoptr (GPtrArray) records = NULL;
    g_autofree char *last = NULL;

    query.limit = 0;
    records = search_ok (fixture, &query);
    g_assert_cmpuint (records->len, ==, 20);
    g_clear_pointer (&records, g_ptr_array_unref);
    query.limit = 10;
    query.offset = N_ACTIVE;
    records = search_ok (fixture, &query);
    g_assert_cmpuint (records->len, ==, 0);
    query.offset = N_ACTIVE - 1;
    last = search_ids (fixture, &query);
    g_assert_cmpstr (last, ==, "A13");
  }
}

/* ---------------------------------------------------------------------- */
/* Filters                                                                */

#define COLUMBUS "A01 A02 A04 A05 A09 A11 A12 A13 A14 A15 A16 A18 A23 A24 A25 A26 A27"

static void
test_filter_city (Fixture      *fixture,
                  gconstpointer user_data)
{
  JkSearchQuery query = query_new (NULL);

  query.where = "Columbus";
  assert_filter (fixture, &query, COLUMBUS);
  query.where = "columbus, oh";
  assert_filter (fixture, &query, COLUMBUS);
  query.where = " Columbus ,  OH ";
  assert_filter (fixture, &query, COLUMBUS);
  query.where = "Columbus, KY";
  assert_filter (fixture, &query, "");
  query.where = "Dayton";
  assert_filter (fixture, &query, "A03 A06 A10 A17 B3");
  query.where = "Cincinnati, OH";
  assert_filter (fixture, &query, "A07 B2");
  /* Only expired postings there. */
  query.where = "Springfield";
  assert_filter (fixture, &query, "");
  /* An empty place is no place. */
  query.where = "";
  assert_filter (fixture, &query, ALL_NEWEST);

  query.where = "Dayton";
  query.text = "cashier";
  assert_filter (fixture, &query, "A06");
}

static void
test_filter_zip (Fixture      *fixture,
                 gconstpointer user_data)
{
  JkSearchQuery query = query_new (NULL);

  /* Without a known centroid: that ZIP (or ZIPs starting so). */
  query.where = "43201";
  assert_filter (fixture, &query, "A05 A26");
  query.where = "432";
  assert_filter (fixture, &query, COLUMBUS);
  query.where = "45502";
  assert_filter (fixture, &query, "");
  /* With one: within 15 miles, whatever the ZIP; the 43201 postings have
   * no place, so no distance. */
  query.where = "43215";
  assert_filter (fixture, &query, "A01 A02 A04 A09 A11 A12 A13 A14 A15 A16 A18 A23 A24 A25 A27");
  query.where = "45402";
  assert_filter (fixture, &query, "A03 A06 A10 A17 B3");
  query.where = "45202";
  assert_filter (fixture, &query, "A07 B2");

  query.where = "43215";
  query.text = "cook";
  assert_filter (fixture, &query, "A01 A02 A04 A27");
}

static void
test_filter_employment_type (Fixture      *fixture,
                             gconstpointer user_data)
{
  JkSearchQuery query = query_new (NULL);

  query.employment_type = "part-time";
  assert_filter (fixture, &query, "A02 A03 A04 A05 A07 A14 A18 A23 A26 B2");
  query.employment_type = "full-time";
  assert_filter (fixture, &query, "A01 A06 A09 A10 A11 A12 A13 A18 A24 A25 A27 B3");
  query.employment_type = "temporary";
  assert_filter (fixture, &query, "A17");
  query.employment_type = "contract";
  assert_filter (fixture, &query, "A15");
  query.employment_type = "internship";
  assert_filter (fixture, &query, "A16");

  query.employment_type = "part-time";
  query.text = "cook";
  assert_filter (fixture, &query, "A02 A03 A04 B2");
}

static void
test_filter_min_pay (Fixture      *fixture,
                     gconstpointer user_data)
{
  JkSearchQuery query = query_new (NULL);

  query.min_pay = 18;
  query.min_pay_per = JK_SALARY_PERIOD_HOUR;
  assert_filter (fixture, &query, "A01 A09 A10 A11 A12 A13 A15 B3");
  /* 37 440 a year is 18 an hour. */
  query.min_pay = 37440;
  query.min_pay_per = JK_SALARY_PERIOD_YEAR;
  assert_filter (fixture, &query, "A01 A09 A10 A11 A12 A13 A15 B3");
  /* 40 000 a year is 19.23 an hour: not A11's 19. */
  query.min_pay = 40000;
  assert_filter (fixture, &query, "A09 A12 A13 A15 B3");
  query.min_pay = 16;
  query.min_pay_per = JK_SALARY_PERIOD_HOUR;
  assert_filter (fixture, &query, "A01 A09 A10 A11 A12 A13 A15 A24 A25 A26 B2 B3");

  query.text = "cook";
  assert_filter (fixture, &query, "A01 B2");
}

static void
test_filter_posted_within (Fixture      *fixture,
                           gconstpointer user_data)
{
  JkSearchQuery query = query_new (NULL);

  /* A23's date is unknown: it was first seen at NOW. */
  query.posted_within_days = 1;
  assert_filter (fixture, &query, "A23 A04 A01");
  query.posted_within_days = 7;
  assert_filter (fixture, &query, "A23 A04 A01 A05 A02 A06 A03 A07 A15");
  query.posted_within_days = 30;
  assert_filter (fixture, &query,
                 "A23 A04 A01 A05 A02 A06 A03 A07 A15 A11 A14 A09 A16 A10 A18 A24 A12 A25 A26 A27 B2 B3 A17");

  query.posted_within_days = 7;
  query.text = "cook";
  assert_filter (fixture, &query, "A01 A02 A03 A04");
}

static void
test_filter_no_degree (Fixture      *fixture,
                       gconstpointer user_data)
{
  JkSearchQuery query = query_new (NULL);

  /* Not the bachelor's (A12) nor the associate degree (A13); "no degree
   * required", "degree not required", high school and college enrolment
   * are fine. */
  query.no_degree = TRUE;
  assert_filter (fixture, &query,
                 "A01 A02 A03 A04 A05 A06 A07 A09 A10 A11 A14 A15 A16 A17 A18 A23 A24 A25 A26 A27 B2 B3");

  query.min_pay = 20;
  assert_filter (fixture, &query, "A09 A15 B3");
}

static void
test_filter_combined (Fixture      *fixture,
                      gconstpointer user_data)
{
  JkSearchQuery query = query_new (NULL);

  query.where = "Columbus";
  query.employment_type = "part-time";
  query.min_pay = 14;
  assert_filter (fixture, &query, "A02 A05 A23 A26");

  query = query_new (NULL);
  query.posted_within_days = 7;
  query.employment_type = "full-time";
  assert_filter (fixture, &query, "A01 A06");

  query = query_new ("oh");
  query.where = "Columbus, OH";
  query.no_degree = TRUE;
  query.min_pay = 35000;
  query.min_pay_per = JK_SALARY_PERIOD_YEAR;
  query.sort = JK_SEARCH_SORT_PAY;
  assert_filter (fixture, &query, "A01 A09 A11 A15 A24 A26");
  {
    g_autofree char *ordered = search_ids (fixture, &query);
    g_assert_cmpstr (ordered, ==, "A15 A09 A11 A01 A26 A24");
  }
}

/* ---------------------------------------------------------------------- */
/* jk_search_count                                                        */

/* The count of everything (from the jobs_active index alone) against the
 * count with a filter that leaves nothing out, against paging. */
static void
test_count (Fixture      *fixture,
            gconstpointer user_data)
{
  const struct {
    gint64 now;
    guint active;
  } times[] = {
    { NOW, N_ACTIVE },
    { NOW - 48 * HOUR, N_ACTIVE + 3 }, /* A08, A19 and A20 had not ended */
    { NOW + 240 * HOUR, N_ACTIVE - 1 },
    { NOW + 720 * HOUR, 3 },
    { NOW + 1440 * HOUR, 2 },
  };
  const char *const nothing[] = { NULL, "", "the", "de la" };

  for (gsize t = 0; t < G_N_ELEMENTS (times); t++)
    {
      for (gsize i = 0; i < G_N_ELEMENTS (nothing); i++)
        {
          JkSearchQuery query = query_new (nothing[i]);
          g_autofree char *ids = NULL;

          query.now = times[t].now;
          ids = page_through (fixture, &query, 5);
          g_assert_cmpuint (count_ids (ids), ==, times[t].active);
          g_assert_cmpint (count_ok (fixture, &query), ==, times[t].active);
          /* The same through the filtered path. */
          query.posted_within_days = 100000;
          g_assert_cmpint (count_ok (fixture, &query), ==, times[t].active);
          /* And through the words path: every posting is in Ohio. */
          query.posted_within_days = 0;
          query.text = "oh";
          g_assert_cmpint (count_ok (fixture, &query), ==, times[t].active);
        }
    }

  /* Words, filters, both. */
  {
    const char *const texts[] = { NULL, "cook", "cashier", "columbus", "cas", "zzz" };

    for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
      for (int filter = 0; filter < 6; filter++)
        {
          JkSearchQuery query = query_new (texts[i]);
          g_autofree char *ids = NULL;

          query.typing = TRUE;
          switch (filter)
            {
            case 1: query.where = "Columbus"; break;
            case 2: query.where = "43215"; break;
            case 3: query.employment_type = "part-time"; break;
            case 4: query.min_pay = 30000; query.min_pay_per = JK_SALARY_PERIOD_YEAR; break;
            case 5: query.no_degree = TRUE; query.posted_within_days = 10; break;
            default: break;
            }
          ids = counted_ids (fixture, &query);
          g_test_message ("%s, filter %d: %s", texts[i], filter, ids);
        }
  }
  {
    JkSearchQuery query = query_new ("cook");
    g_assert_cmpint (count_ok (fixture, &query), ==, 6);
    query.text = "zzz";
    g_assert_cmpint (count_ok (fixture, &query), ==, 0);
  }
}

/* ---------------------------------------------------------------------- */
/* Popular titles, spelling, one posting                                  */

static void
test_popular_titles (Fixture      *fixture,
                     gconstpointer user_data)
{
  const char *const rest[] = {
    "Bank Teller", "Barista", "Cocinero", "Cook", "Delivery Driver", "Dishwasher", "Forklift Operator",
    "IT Support Technician", "Janitor", "Line Cook", "Office Manager", "Pastry Cook", "Prep Cook", "Receptionist",
    "Registered Nurse", "Seasonal Helper", "Security Guard", "Summer Intern", "Truck Driver",
  };
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) two = NULL;
  g_auto (GStrv) all = NULL;
  g_auto (GStrv) before = NULL;

  /* Cashier three times (B1 is hidden), the warehouse title twice in two
   * spellings; never Usher, four times but ended. */
  two = jk_search_popular_titles (fixture->store, NOW, 2, &error);
  g_assert_no_error (error);
  g_assert_nonnull (two);
  g_assert_cmpuint (g_strv_length (two), ==, 2);
  g_assert_cmpstr (two[0], ==, "Cashier");
  g_assert_cmpint (g_ascii_strcasecmp (two[1], "Warehouse Associate"), ==, 0);

  all = jk_search_popular_titles (fixture->store, NOW, 100, &error);
  g_assert_no_error (error);
  g_assert_nonnull (all);
  g_assert_cmpuint (g_strv_length (all), ==, 2 + G_N_ELEMENTS (rest));
  g_assert_cmpstr (all[0], ==, "Cashier");
  g_assert_cmpint (g_ascii_strcasecmp (all[1], "Warehouse Associate"), ==, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (rest); i++)
    g_assert_cmpstr (all[2 + i], ==, rest[i]);
  g_assert_false (g_strv_contains ((const char *const *) all, "Usher"));
  g_assert_false (g_strv_contains ((const char *const *) all, "Head Cashier"));

  /* Two days earlier two of the Ushers had not ended. */
  before = jk_search_popular_titles (fixture->store, NOW - 48 * HOUR, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (before), ==, 3);
  g_assert_cmpstr (before[0], ==, "Cashier");
  g_assert_cmpstr (before[1], ==, "Usher");
  g_assert_cmpint (g_ascii_strcasecmp (before[2], "Warehouse Associate"), ==, 0);
}

static void
test_suggest_spelling (Fixture      *fixture,
                       gconstpointer user_data)
{
  const struct {
    const char *text;
    const char *expected;
  } cases[] = {
    { "cashire", "cashier" },
    { "Cashire ", "cashier" },
    { "cashir", "cashier" },
    /* Spelled right, or a form of a word in the listings. */
    { "cashier", NULL },
    { "cashiers", NULL },
    /* Too short, too long, several words, nothing close. */
    { "csh", NULL },
    { "cashiercashiercashiercashiercashier", NULL },
    { "cashire cook", NULL },
    { "zzzzzz", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *suggestion = jk_search_suggest_spelling (fixture->store, cases[i].text, &error);

      g_test_message ("%s → %s", cases[i].text, suggestion);
      g_assert_no_error (error);
      g_assert_cmpstr (suggestion, ==, cases[i].expected);
    }
}

/* The index holds stems ("warehous"): the suggestion is the word in the
 * titles, and searching for it finds them. */
static void
test_suggest_spelling_stem (Fixture      *fixture,
                            gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *suggestion = jk_search_suggest_spelling (fixture->store, "warehose", &error);

  g_assert_no_error (error);
  g_assert_nonnull (suggestion);
  g_assert_cmpstr (suggestion, ==, "warehouse");
  {
    JkSearchQuery query = query_new (suggestion);
    g_autofree char *ids = counted_ids (fixture, &query);

      g_assert_cmpstr (ids, ==, "A09 A10");
  }
}

static void
test_get (Fixture      *fixture,
          gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkJobRecord) record = NULL;
  g_autoptr (JkJobRecord) copy = NULL;
  g_autoptr (JkJobRecord) hidden = NULL;
  g_autoptr (JkJobRecord) missing = NULL;
  gint64 id = row_of (fixture, "A04");

  g_assert_cmpint (id, >, 0);
  record = jk_search_get (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
  g_assert_cmpint (record->id, ==, id);
  g_assert_cmpstr (record->source, ==, "test");
  g_assert_cmpstr (record->job->external_id, ==, "A04");
  g_assert_cmpstr (record->job->title, ==, "Dishwasher");
  g_assert_cmpstr (record->job->description, ==, "Help the cook keep the kitchen clean.");
  g_assert_cmpstr (record->job->apply_url, ==, "https://jobs.example/A04");
  g_assert_cmpfloat (record->job->salary_min, ==, 13);
  g_assert_cmpint (record->job->salary_period, ==, JK_SALARY_PERIOD_HOUR);
  g_assert_cmpint (record->job->posted, ==, NOW - 12 * HOUR);

  copy = jk_job_record_copy (record);
  g_assert_true (copy != record && copy->job != record->job);
  g_assert_cmpint (copy->id, ==, id);
  g_assert_cmpstr (copy->source, ==, "test");
  g_assert_cmpstr (copy->job->description, ==, record->job->description);

  /* A hidden copy is still there to show by its id. */
  hidden = jk_search_get (fixture->store, row_of (fixture, "B1"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (hidden);
  g_assert_cmpstr (hidden->source, ==, "other");
  g_assert_cmpstr (hidden->job->description, ==, "Ring up groceries.");

  missing = jk_search_get (fixture->store, 999999, &error);
  g_assert_error (error, JK_JOBS_ERROR, JK_JOBS_ERROR_NOT_FOUND);
  g_assert_null (missing);
}

/* Ranking reads the newest 1 000 matches; paging must still reach every
 * match the count promises, the older ones after the ranked ones. */
static void
test_jobs_past_rank_window (Fixture      *fixture,
                            gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkSnapshot) snapshot = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JkSearchQuery query = query_new ("plumber");
  const guint n_jobs = 1234;
  guint pages = 0;

  g_assert_true (jk_store_exec (fixture->store, "INSERT INTO sources (id, name, url) VALUES (3, 'many', 'm.xml')",
                                &error));
  snapshot = jk_snapshot_begin (fixture->store, 3, NOW, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_jobs; i++)
    {
      g_autoptr (JkJob) job = jk_job_new ();

      job->external_id = g_strdup_printf ("P-%u", i);
      /* Every tenth a title match, so ranking has something to sort. */
      job->title = g_strdup (i % 10 == 0 ? "Plumber" : "Pipe Fitter");
      job->employer = g_strdup_printf ("Firm %u", i);
      job->description = g_strdup ("Plumber helper work.");
      g_assert_true (jk_snapshot_add (snapshot, job, &error));
    }
  g_assert_true (jk_snapshot_commit (snapshot, 0, NULL, &error));
  g_assert_no_error (error);

  query.limit = 97;
  for (query.offset = 0;; query.offset += query.limit, pages++)
    {
      g_autoptr (GPtrArray) records = search_ok (fixture, &query);

      for (guint i = 0; i < records->len; i++)
        {
          const JkJobRecord *record = records->pdata[i];

          g_assert_true (g_str_has_prefix (record->job->external_id, "P-"));
          g_assert_false (g_hash_table_contains (seen, record->job->external_id));
          g_hash_table_add (seen, g_strdup (record->job->external_id));
        }
      if (records->len < query.limit)
        break;
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, n_jobs);
  g_assert_cmpint (count_ok (fixture, &query), ==, n_jobs);
  g_assert_cmpuint (pages, ==, n_jobs / 97);
}

/* ---------------------------------------------------------------------- */
/* Postings without a place                                               */

#define UNPLACED_SOURCE_ID 3

typedef struct {
  const char *id;
  const char *title;
  const char *city;
  const char *state;
  const char *zip;
  gboolean remote;
  double pay;            /* an hour; 0: unknown */
  gint64 posted_hours_ago;
} Unplaced;

/* In source 3, beside the fixture's postings. */
static const Unplaced unplaced[] = {
  { "U1", "Line Cook", NULL, NULL, NULL, FALSE, 15.5, 30 },         /* no place */
  { "U2", "Cashier", NULL, NULL, NULL, TRUE, 0, 5 },                /* remote */
  { "U3", "Prep Cook", "Columbus", "OH", "43215", TRUE, 17, 100 },  /* remote, at a place near */
  { "U4", "Cook", NULL, "OH", NULL, FALSE, 14, 1 },                 /* a state: a place, not near */
  { "U5", "Dishwasher", NULL, NULL, NULL, FALSE, 0, 2000 },         /* no place, oldest */
};

static void
unplaced_set_up (Fixture      *fixture,
                 gconstpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JkSnapshot) snapshot = NULL;
  JkSyncCounts counts;

  fixture_set_up (fixture, user_data);
  g_assert_true (jk_store_exec (fixture->store, "INSERT INTO sources (id, name, url) VALUES (3, 'anywhere', 'a.xml')",
                                &error));
  snapshot = jk_snapshot_begin (fixture->store, UNPLACED_SOURCE_ID, NOW, &error);
  g_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (unplaced); i++)
    {
      g_autoptr (JkJob) job = jk_job_new ();

      job->external_id = g_strdup (unplaced[i].id);
      job->title = g_strdup (unplaced[i].title);
      job->employer = g_strdup_printf ("Employer %s", unplaced[i].id);
      job->city = g_strdup (unplaced[i].city);
      job->state = g_strdup (unplaced[i].state);
      job->postal_code = g_strdup (unplaced[i].zip);
      job->remote = unplaced[i].remote;
      if (unplaced[i].pay > 0)
        {
          job->salary_min = job->salary_max = unplaced[i].pay;
          job->salary_period = JK_SALARY_PERIOD_HOUR;
        }
      job->posted = NOW - unplaced[i].posted_hours_ago * HOUR;
      g_assert_true (jk_snapshot_add (snapshot, job, &error));
      g_assert_no_error (error);
    }
  g_assert_true (jk_snapshot_commit (snapshot, 0.0, &counts, &error));
  g_assert_no_error (error);
}

/* The ids a query finds with include_unplaced, after checking that they
 * are those it finds without, then the unplaced ones, and that paging
 * and the count agree. */
static char *
nearby_then_unplaced (Fixture             *fixture,
                      const JkSearchQuery *asked)
{
  JkSearchQuery query = *asked;
  g_autofree char *nearby = NULL;
  g_autofree char *all = NULL;

  query.include_unplaced = FALSE;
  {
    g_autoptr (GPtrArray) records = search_ok (fixture, &query);
    g_autoptr (GString) ids = g_string_new (NULL);

    /* Remote ones are not nearby, wherever their employer is. */
    for (guint i = 0; i < records->len; i++)
      {
        const JkJobRecord *record = records->pdata[i];

        if (record->job->remote)
          continue;
        if (ids->len > 0)
          g_string_append_c (ids, ' ');
        g_string_append (ids, record->job->external_id);
      }
    nearby = g_string_free (g_steal_pointer (&ids), FALSE);
  }
  query.include_unplaced = TRUE;
  for (guint limit = 1; limit <= 5; limit++)
    {
      g_autofree char *paged = page_through (fixture, &query, limit);

      g_clear_pointer (&all, g_free);
      all = g_steal_pointer (&paged);
    }
  g_assert_cmpint (count_ok (fixture, &query), ==, count_ids (all));
  /* The nearby ones first, as they were. */
  g_assert_true (g_str_has_prefix (all, nearby));
  return g_strdup (all[strlen (nearby)] == ' ' ? all + strlen (nearby) + 1 : all + strlen (nearby));
}

static void
test_unplaced (Fixture      *fixture,
               gconstpointer user_data)
{
  JkSearchQuery query = query_new (NULL);
  g_autofree char *after = NULL;

  query.where = "43215"; /* within 15 miles of its centroid */
  after = nearby_then_unplaced (fixture, &query);
  /* Newest first among them too; U3 is remote (not nearby), U4 names a
   * place (a state), just not one near. */
  g_assert_cmpstr (after, ==, "U2 U1 U3 U5");
  g_clear_pointer (&after, g_free);

  /* In the same order as the nearby ones. */
  query.sort = JK_SEARCH_SORT_PAY;
  after = nearby_then_unplaced (fixture, &query);
  g_assert_cmpstr (after, ==, "U3 U1 U5 U2");
  g_clear_pointer (&after, g_free);
  query.sort = JK_SEARCH_SORT_CLOSEST;
  query.has_origin = TRUE;
  query.origin_latitude = ORIGIN_LATITUDE;
  query.origin_longitude = ORIGIN_LONGITUDE;
  after = nearby_then_unplaced (fixture, &query);
  /* U3's ZIP gives it a distance; without one, the newest row first. */
  g_assert_cmpstr (after, ==, "U3 U5 U2 U1");
  g_clear_pointer (&after, g_free);

  /* With words, ranked among themselves. */
  query.sort = JK_SEARCH_SORT_BEST;
  query.text = "cook";
  after = nearby_then_unplaced (fixture, &query);
  {
    g_autofree char *sorted = sorted_ids (after);

    g_assert_cmpstr (sorted, ==, "U1 U3");
  }
  g_clear_pointer (&after, g_free);

  /* A town by name, and a distance alone. */
  query.text = NULL;
  query.where = "Dayton";
  after = nearby_then_unplaced (fixture, &query);
  g_assert_cmpstr (after, ==, "U2 U1 U3 U5");
  g_clear_pointer (&after, g_free);
  query.where = NULL;
  query.max_miles = 6;
  after = nearby_then_unplaced (fixture, &query);
  g_assert_cmpstr (after, ==, "U2 U1 U3 U5");
  g_clear_pointer (&after, g_free);

  /* Without a place asked for, nothing changes: everything is listed. */
  {
    JkSearchQuery everywhere = query_new (NULL);
    g_autofree char *without = search_ids (fixture, &everywhere);
    g_autofree char *with = NULL;

    everywhere.include_unplaced = TRUE;
    with = search_ids (fixture, &everywhere);
    g_assert_cmpstr (with, ==, without);
    g_assert_cmpint (count_ok (fixture, &everywhere), ==, N_ACTIVE + G_N_ELEMENTS (unplaced));
  }

  /* What each is, as the window and jobkioskctl say. */
  {
    JkSearchQuery all = query_new (NULL);
    g_autoptr (GPtrArray) records = search_ok (fixture, &all);

    for (guint i = 0; i < records->len; i++)
      {
        const JkJobRecord *record = records->pdata[i];
        const char *id = record->job->external_id;
        JkJobPlace expected = JK_JOB_PLACE_GIVEN;

        if (g_str_equal (id, "U1") || g_str_equal (id, "U5"))
          expected = JK_JOB_PLACE_NOT_GIVEN;
        else if (g_str_equal (id, "U2") || g_str_equal (id, "U3"))
          expected = JK_JOB_PLACE_REMOTE;
        g_assert_cmpint (jk_job_get_place (record->job), ==, expected);
      }
  }
}

/* ---------------------------------------------------------------------- */
/* Across languages, on the demo's postings (all in English)             */

static void
demo_set_up (Fixture      *fixture,
             gconstpointer user_data)
{
  g_autofree char *path = g_build_filename (jk_get_pkgdatadir (), "demo", "jobs.xml", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (JkSnapshot) snapshot = NULL;
  JkFeedStats stats = { 0 };
  JkSyncCounts counts;

  jk_test_db_set_up (fixture, "jk-search-XXXXXX", NULL);
  snapshot = jk_snapshot_begin (fixture->store, SOURCE_ID, NOW, &error);
  g_assert_no_error (error);
  g_assert_true (jk_ingest_file (snapshot, path, JK_FEED_FORMAT_JOB_XML, &stats, &error));
  g_assert_no_error (error);
  jk_feed_stats_clear (&stats);
  g_assert_true (jk_snapshot_commit (snapshot, 0.0, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, >, 50);
}

/* Every posting a text finds, in sorted order. */
static char *
all_found (Fixture    *fixture,
           const char *text,
           gboolean    typing)
{
  JkSearchQuery query = query_new (text);
  g_autofree char *ids = NULL;

  query.typing = typing;
  query.limit = 1000;
  ids = search_ids (fixture, &query);
  g_assert_cmpint (count_ok (fixture, &query), ==, count_ids (ids));
  return sorted_ids (ids);
}

static void
test_across_languages (Fixture      *fixture,
                       gconstpointer user_data)
{
  /* A Spanish word, its other forms, and the English word of the postings
   * find the same postings, and some. */
  static const char *const same[][6] = {
    { "cocinero", "cocinera", "cocineros", "Cocineras", "cook", "cooks" },
    { "cajero", "cajera", "cajeros", "CAJERAS", "cashier", "cashiers" },
    { "chofer", "chófer", "choferes", "conductora", "driver", "drivers" },
    { "limpieza", "limpiador", "limpiadoras", "limpieza", "cleaning", "cleaner" },
    { "almacén", "almacen", "Almacenes", "bodega", "warehouse", "warehouses" },
    { "soldador", "soldadora", "soldadores", "soldadura", "welder", "welding" },
    { "enfermera", "enfermero", "enfermeras", "enfermería", "nurse", "nursing" },
    { "mesero", "mesera", "meseros", "mesera", "server", "waiter" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *first = all_found (fixture, same[i][0], FALSE);

      g_test_message ("%s: %s", same[i][0], first);
      if (!g_str_equal (same[i][0], "mesero")) /* no restaurant server in the demo */
        g_assert_cmpuint (count_ids (first), >, 0);
      for (gsize j = 1; j < G_N_ELEMENTS (same[i]); j++)
        {
          g_autofree char *found = all_found (fixture, same[i][j], FALSE);

          g_assert_cmpstr (found, ==, first);
        }
    }

  /* The search page's examples, in both languages, find postings, while
   * they are typed and once they are finished. */
  {
    const char *const examples[] = { "cashier", "cook", "driver", "cajero", "cocinero", "chofer", "limpieza" };

    for (gsize i = 0; i < G_N_ELEMENTS (examples); i++)
      for (int typing = 0; typing <= 1; typing++)
        {
          g_autofree char *found = all_found (fixture, examples[i], typing);

          g_assert_cmpuint (count_ids (found), >, 0);
        }
  }
  /* Half typed, a Spanish word already finds its translation. */
  {
    g_autofree char *half = all_found (fixture, "cajer", TRUE);
    g_autofree char *whole = all_found (fixture, "cashier", FALSE);

    g_assert_cmpstr (half, ==, whole);
  }
  /* With other words, each translated alone. */
  {
    g_autofree char *spanish = all_found (fixture, "chofer de camión", FALSE);
    g_autofree char *english = all_found (fixture, "truck driver", FALSE);

    g_assert_cmpuint (count_ids (english), >, 0);
    g_assert_cmpstr (spanish, ==, english);
  }
  /* A word the vocabulary does not know is searched as it is. */
  {
    g_autofree char *match = jk_search_build_match ("Hardware", FALSE, NULL);
    g_autofree char *found = all_found (fixture, "Hardware", FALSE);

    g_assert_cmpstr (match, ==, "\"Hardware\"");
    g_assert_cmpuint (count_ids (found), >, 0);
  }
  {
    g_autofree char *found = all_found (fixture, "zzzz", FALSE);

    g_assert_cmpstr (found, ==, "");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/match/words", test_match_words);
  g_test_add_func ("/search/match/typing", test_match_typing);
  g_test_add_func ("/search/match/function-words", test_match_function_words);
  g_test_add_func ("/search/match/hostile", test_match_hostile);

  JK_TEST_ADD ("/search/jobs/active-only", Fixture, test_jobs_active_only);
  JK_TEST_ADD ("/search/jobs/best-match", Fixture, test_jobs_best_match);
  JK_TEST_ADD ("/search/jobs/function-words-only", Fixture, test_jobs_function_words_only);
  JK_TEST_ADD ("/search/jobs/typing", Fixture, test_jobs_typing);
  JK_TEST_ADD ("/search/jobs/hostile", Fixture, test_jobs_hostile);
  JK_TEST_ADD ("/search/jobs/paging", Fixture, test_jobs_paging);
  JK_TEST_ADD ("/search/jobs/past-rank-window", Fixture, test_jobs_past_rank_window);
  JK_TEST_ADD ("/search/sort/newest", Fixture, test_sort_newest);
  JK_TEST_ADD ("/search/sort/pay", Fixture, test_sort_pay);
  JK_TEST_ADD ("/search/sort/closest", Fixture, test_sort_closest);
  JK_TEST_ADD ("/search/filter/city", Fixture, test_filter_city);
  JK_TEST_ADD ("/search/filter/zip", Fixture, test_filter_zip);
  JK_TEST_ADD ("/search/filter/employment-type", Fixture, test_filter_employment_type);
  JK_TEST_ADD ("/search/filter/min-pay", Fixture, test_filter_min_pay);
  JK_TEST_ADD ("/search/filter/posted-within", Fixture, test_filter_posted_within);
  JK_TEST_ADD ("/search/filter/no-degree", Fixture, test_filter_no_degree);
  JK_TEST_ADD ("/search/filter/combined", Fixture, test_filter_combined);
  JK_TEST_ADD ("/search/count", Fixture, test_count);
  JK_TEST_ADD ("/search/popular-titles", Fixture, test_popular_titles);
  JK_TEST_ADD ("/search/spelling", Fixture, test_suggest_spelling);
  JK_TEST_ADD ("/search/get", Fixture, test_get);
  g_test_add ("/search/unplaced", Fixture, NULL, unplaced_set_up, test_unplaced, fixture_tear_down);
  g_test_add ("/search/across-languages", Fixture, NULL, demo_set_up, test_across_languages, fixture_tear_down);
  /* Two bugs these found: function words used up the dozen words a match
   * keeps, and a suggestion could be a stem that finds nothing. */
  g_test_add_func ("/search/robustness/many-function-words", test_match_many_function_words);
  JK_TEST_ADD ("/search/robustness/spelling-stem", Fixture, test_suggest_spelling_stem);

  return g_test_run ();
}
