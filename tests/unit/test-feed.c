/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-feed.c: the feed parsers (job-xml, RSS, JSON-LD, USAJOBS) on the fixtures in tests/data/feeds */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "feeds/jk-feed-private.h"
#include "feeds/jk-normalize-private.h"

typedef struct {
  gboolean ok;
  GPtrArray *jobs;
  JkFeedStats stats;
  GError *error;
} Parsed;

typedef struct {
  guint count;
  guint stop_after;
  gboolean set_error;
  char *last_id;
} Counter;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "feeds", name, NULL);
}

static char *
read_fixture (const char *name,
              gsize      *out_length)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr (GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, out_length, &error);
  g_assert_no_error (error);
  return data;
}

static gboolean
collect_cb (JkJob    *job,
            gpointer  user_data,
            GError  **error)
{
  GPtrArray *jobs = user_data;

  g_assert_nonnull (job);
  g_assert_nonnull (job->title);
  g_ptr_array_add (jobs, job);
  return TRUE;
}

static void
parsed_free (Parsed *parsed)
{
  g_ptr_array_unref (parsed->jobs);
  jk_feed_stats_clear (&parsed->stats);
  g_clear_error (&parsed->error);
  g_free (parsed);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Parsed, parsed_free)

static Parsed *
parse_data (const char   *data,
            gsize         length,
            JkFeedFormat  format)
{
  Parsed *parsed = g_new0 (Parsed, 1);

  parsed->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_job_free);
  parsed->ok = jk_feed_parse_data_full (data, length, format, NULL, NULL, collect_cb, parsed->jobs, &parsed->stats, &parsed->error);
  g_assert_true (parsed->ok == (parsed->error == NULL));
  g_assert_cmpuint (parsed->stats.jobs, ==, parsed->jobs->len);
  return parsed;
}

/* Parses a fixture as a file, and checks that parsing its bytes in memory
 * gives the same jobs and the same error. */
static Parsed *
parse_fixture (const char   *name,
               JkFeedFormat  format)
{
  g_autofree char *path = fixture_path (name);
  g_autofree char *data = NULL;
  g_autoptr (Parsed) again = NULL;
  Parsed *parsed = g_new0 (Parsed, 1);
  gsize length = 0;

  parsed->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_job_free);
  parsed->ok = jk_feed_parse_file_full (path, format, NULL, NULL, collect_cb, parsed->jobs, &parsed->stats, &parsed->error);
  g_assert_true (parsed->ok == (parsed->error == NULL));
  g_assert_cmpuint (parsed->stats.jobs, ==, parsed->jobs->len);

  data = read_fixture (name, &length);
  again = parse_data (data, length, format);
  g_assert_cmpint (again->ok, ==, parsed->ok);
  g_assert_cmpuint (again->jobs->len, ==, parsed->jobs->len);
  g_assert_cmpuint (again->stats.skipped, ==, parsed->stats.skipped);
  if (parsed->error != NULL)
    g_assert_error (again->error, parsed->error->domain, parsed->error->code);
  for (guint i = 0; i < parsed->jobs->len; i++)
    {
      JkJob *a = g_ptr_array_index (parsed->jobs, i), *b = g_ptr_array_index (again->jobs, i);
      g_assert_cmpstr (a->external_id, ==, b->external_id);
      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpstr (a->description, ==, b->description);
    }
  return parsed;
}

static JkJob *
job_at (Parsed *parsed,
        guint   index)
{
  g_assert_cmpuint (index, <, parsed->jobs->len);
  return g_ptr_array_index (parsed->jobs, index);
}

static JkJob *
find_job (Parsed     *parsed,
          const char *external_id)
{
  for (guint i = 0; i < parsed->jobs->len; i++)
    {
      JkJob *job = g_ptr_array_index (parsed->jobs, i);
      if (g_strcmp0 (job->external_id, external_id) == 0)
        return job;
    }
  g_error ("no job with id %s", external_id);
  return NULL;
}

static gint64
utc (int year,
     int month,
     int day,
     int hour,
     int minute,
     int second)
{
  g_autoptr (GDateTime) time = g_date_time_new_utc (year, month, day, hour, minute, second);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

static void
assert_salary (JkJob          *job,
               double          low,
               double          high,
               JkSalaryPeriod  period)
{
  g_assert_cmpfloat_with_epsilon (job->salary_min, low, 0.001);
  g_assert_cmpfloat_with_epsilon (job->salary_max, high, 0.001);
  g_assert_cmpint (job->salary_period, ==, period);
}

static void
assert_no_salary (JkJob *job)
{
  g_assert_true (isnan (job->salary_min));
  g_assert_true (isnan (job->salary_max));
  g_assert_cmpint (job->salary_period, ==, JK_SALARY_PERIOD_NONE);
}

/* Plain text: valid UTF-8, no markup, no control characters but newlines. */
static void
assert_plain_text (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_null (strchr (text, '<'));
  g_assert_null (strstr (text, "&lt;"));
  g_assert_null (strstr (text, "&amp;"));
  for (const char *p = text; *p != '\0'; p++)
    g_assert_true ((guchar) *p >= 0x20 || *p == '\n');
}

/* Every string of every job, for "never anywhere" checks. */
static gboolean
any_field_contains (Parsed     *parsed,
                    const char *needle)
{
  for (guint i = 0; i < parsed->jobs->len; i++)
    {
      JkJob *job = g_ptr_array_index (parsed->jobs, i);
      const char *fields[] = { job->external_id, job->title, job->employer, job->city, job->state,
                               job->postal_code, job->country, job->salary_text, job->employment_type,
                               job->soc_code, job->category, job->education, job->description, job->apply_url };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        if (fields[f] != NULL && strstr (fields[f], needle) != NULL)
          return TRUE;
    }
  return FALSE;
}

static void
assert_fields_clean (Parsed *parsed)
{
  for (guint i = 0; i < parsed->jobs->len; i++)
    {
      JkJob *job = g_ptr_array_index (parsed->jobs, i);
      const char *fields[] = { job->external_id, job->title, job->employer, job->city, job->state,
                               job->postal_code, job->country, job->salary_text, job->employment_type,
                               job->soc_code, job->category, job->education, job->apply_url };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          if (fields[f] == NULL)
            continue;
          g_assert_true (g_utf8_validate (fields[f], -1, NULL));
          g_assert_cmpstr (fields[f], !=, "");
          for (const char *p = fields[f]; *p != '\0'; p++)
            g_assert_true ((guchar) *p >= 0x20);
        }
      if (job->description != NULL)
        assert_plain_text (job->description);
    }
}

static guint
count_substrings (const char *text,
                  gsize       length,
                  const char *needle)
{
  gsize n = strlen (needle);
  guint count = 0;

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (text + i, needle, n) == 0)
      count++;
  return count;
}

/* Resets the peak resident size (VmHWM); FALSE where the kernel says no. */
static gboolean
reset_peak_rss (void)
{
  FILE *clear_refs = fopen ("/proc/self/clear_refs", "w");
  gboolean ok;

  if (clear_refs == NULL)
    return FALSE;
  ok = fputs ("5", clear_refs) >= 0;
  return fclose (clear_refs) == 0 && ok;
}

/* A line of /proc/self/status, in kB. */
static gint64
read_status_kb (const char *key)
{
  g_autofree char *status = NULL;
  g_auto (GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_ascii_strtoll (lines[i] + strlen (key) + 1, NULL, 10);
  return -1;
}

static gboolean
count_cb (JkJob    *job,
          gpointer  user_data,
          GError  **error)
{
  Counter *counter = user_data;

  counter->count++;
  g_free (counter->last_id);
  counter->last_id = g_strdup (job->external_id);
  jk_job_free (job);
  if (counter->stop_after > 0 && counter->count >= counter->stop_after)
    {
      if (counter->set_error)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled by the test");
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Formats                                                                */

static void
test_format_names (void)
{
  static const struct {
    JkFeedFormat format;
    const char *name;
  } names[] = {
    { JK_FEED_FORMAT_AUTO, "auto" },
    { JK_FEED_FORMAT_JOB_XML, "job-xml" },
    { JK_FEED_FORMAT_JSONLD, "jsonld" },
    { JK_FEED_FORMAT_RSS, "rss" },
    { JK_FEED_FORMAT_USAJOBS, "usajobs" },
  };
  JkFeedFormat format;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      format = (JkFeedFormat) 99;
      g_assert_cmpstr (jk_feed_format_to_string (names[i].format), ==, names[i].name);
      g_assert_true (jk_feed_format_from_string (names[i].name, &format));
      g_assert_cmpint (format, ==, names[i].format);
    }
  format = JK_FEED_FORMAT_RSS;
  g_assert_false (jk_feed_format_from_string ("atom", &format));
  g_assert_false (jk_feed_format_from_string ("", &format));
  g_assert_false (jk_feed_format_from_string (NULL, &format));
  g_assert_cmpint (format, ==, JK_FEED_FORMAT_RSS);
}

static void
test_format_detect_fixtures (void)
{
  static const struct {
    const char *file;
    JkFeedFormat format;
  } fixtures[] = {
    { "job-xml-basic.xml", JK_FEED_FORMAT_JOB_XML },
    { "job-xml-hostile.xml", JK_FEED_FORMAT_JOB_XML },
    { "job-xml-latin1.xml", JK_FEED_FORMAT_JOB_XML },
    { "job-xml-truncated.xml", JK_FEED_FORMAT_JOB_XML },
    { "rss.xml", JK_FEED_FORMAT_RSS },
    { "jsonld-array.json", JK_FEED_FORMAT_JSONLD },
    { "jsonld-graph.json", JK_FEED_FORMAT_JSONLD },
    { "jsonld-itemlist.json", JK_FEED_FORMAT_JSONLD },
    { "jsonld-multi-location.json", JK_FEED_FORMAT_JSONLD },
    { "jsonld-no-postings.json", JK_FEED_FORMAT_JSONLD },
    { "jsonld-no-identifier.json", JK_FEED_FORMAT_JSONLD },
    { "rss-job-board.xml", JK_FEED_FORMAT_RSS },
    { "jsonld-sections.json", JK_FEED_FORMAT_JSONLD },
    { "jsonld-truncated.json", JK_FEED_FORMAT_JSONLD },
    { "job-xml-bad-byte.xml", JK_FEED_FORMAT_JOB_XML },
    { "jsonld-nul-escape.json", JK_FEED_FORMAT_JSONLD },
    { "jsonld-page.html", JK_FEED_FORMAT_JSONLD },
    { "usajobs-page.json", JK_FEED_FORMAT_USAJOBS },
    { "not-a-feed.html", JK_FEED_FORMAT_AUTO },
    { "empty.xml", JK_FEED_FORMAT_AUTO },
    { "gzip-bomb.gz", JK_FEED_FORMAT_AUTO },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      gsize length = 0;
      g_autofree char *data = read_fixture (fixtures[i].file, &length);

      g_test_message ("detecting %s", fixtures[i].file);
      g_assert_cmpstr (jk_feed_format_to_string (jk_feed_detect_format (data, length)), ==,
                       jk_feed_format_to_string (fixtures[i].format));
      /* The first kilobyte is enough for every feed but the HTML page. */
      if (fixtures[i].format != JK_FEED_FORMAT_JSONLD || !g_str_has_suffix (fixtures[i].file, ".html"))
        g_assert_cmpint (jk_feed_detect_format (data, MIN (length, 1024)), ==, fixtures[i].format);
    }
}

static void
test_format_detect_heads (void)
{
  static const char utf16[] = "\xFF\xFE<\0s\0o\0u\0r\0c\0e\0>\0";
  static const struct {
    const char *head;
    JkFeedFormat format;
  } heads[] = {
    { "\xEF\xBB\xBF  \n\t<source><job>", JK_FEED_FORMAT_JOB_XML },
    { "<?xml version=\"1.0\"?>\n<!-- a <comment> -->\n<source>", JK_FEED_FORMAT_JOB_XML },
    { "<!DOCTYPE source [ <!ENTITY a \"<b>\"> ]><source/>", JK_FEED_FORMAT_JOB_XML },
    { "<SOURCE>", JK_FEED_FORMAT_JOB_XML },
    { "\n<rss version=\"2.0\">", JK_FEED_FORMAT_RSS },
    { "<sourcefoo>", JK_FEED_FORMAT_AUTO },
    { "<feed xmlns=\"http://www.w3.org/2005/Atom\">", JK_FEED_FORMAT_AUTO },
    { "{\"LanguageCode\":\"EN\",\"SearchResult\":{}}", JK_FEED_FORMAT_USAJOBS },
    { "\xEF\xBB\xBF[{\"@type\":\"JobPosting\"}]", JK_FEED_FORMAT_JSONLD },
    { "{\"@context\":\"https://schema.org\",\"@graph\":[]}", JK_FEED_FORMAT_JSONLD },
    { "{\"hello\": 1}", JK_FEED_FORMAT_AUTO },
    { "<!doctype html><html><script type=\"application/ld+json\">{}</script>", JK_FEED_FORMAT_JSONLD },
    { "<html><head><SCRIPT TYPE=\"Application/LD+JSON\">", JK_FEED_FORMAT_JSONLD },
    { "<!DOCTYPE html><html><body>Hello</body></html>", JK_FEED_FORMAT_AUTO },
    { "PK\x03\x04 a zip file", JK_FEED_FORMAT_AUTO },
    { "   \n  ", JK_FEED_FORMAT_AUTO },
    { "", JK_FEED_FORMAT_AUTO },
  };

  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    {
      g_autofree char *shown = g_strescape (heads[i].head, NULL);

      g_test_message ("detecting %s", shown);
      g_assert_cmpint (jk_feed_detect_format (heads[i].head, strlen (heads[i].head)), ==, heads[i].format);
    }
  g_assert_cmpint (jk_feed_detect_format (utf16, sizeof utf16 - 1), ==, JK_FEED_FORMAT_JOB_XML);
  g_assert_cmpint (jk_feed_detect_format (NULL, 0), ==, JK_FEED_FORMAT_AUTO);
  /* Only the given length counts. */
  g_assert_cmpint (jk_feed_detect_format ("<rss version", 3), ==, JK_FEED_FORMAT_AUTO);
}

/* ---------------------------------------------------------------------- */
/* job-xml                                                                */

static void
test_job_xml_basic (void)
{
  g_autoptr (Parsed) parsed = parse_fixture ("job-xml-basic.xml", JK_FEED_FORMAT_AUTO);
  static const char *const titles[] = { "Line Cook", "Warehouse Associate", "Home Health Aide",
                                        "Cajero/a bilingüe 🌟", "Forklift Operator", "Office Assistant",
                                        "Delivery Driver", "Bookkeeper" };
  JkJob *job;

  g_assert_no_error (parsed->error);
  g_assert_cmpuint (parsed->jobs->len, ==, 8);
  g_assert_cmpuint (parsed->stats.skipped, ==, 0);
  g_assert_cmpstr (parsed->stats.publisher, ==, "Buckeye Job Exchange (demo)");
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_cmpstr (job_at (parsed, i)->title, ==, titles[i]);
  assert_fields_clean (parsed);

  /* Every field, values in CDATA. */
  job = job_at (parsed, 0);
  g_assert_cmpstr (job->external_id, ==, "BJX-1001");
  g_assert_cmpstr (job->employer, ==, "Scioto Diner Co.");
  g_assert_cmpstr (job->city, ==, "Columbus");
  g_assert_cmpstr (job->state, ==, "OH");
  g_assert_cmpstr (job->postal_code, ==, "43215");
  g_assert_cmpstr (job->country, ==, "US");
  g_assert_false (job->has_geo);
  assert_salary (job, 16.25, 18.00, JK_SALARY_PERIOD_HOUR);
  g_assert_cmpstr (job->salary_text, ==, "$16.25 - $18.00 per hour");
  g_assert_cmpstr (job->employment_type, ==, "full-time");
  g_assert_cmpstr (job->soc_code, ==, "35-2014");
  g_assert_cmpstr (job->category, ==, "35-2014.00 Cooks, Restaurant");
  g_assert_cmpstr (job->education, ==, "High school diploma or GED");
  g_assert_cmpstr (job->apply_url, ==, "https://jobs.example.org/apply/BJX-1001?src=feed");
  g_assert_cmpint (job->posted, ==, utc (2026, 3, 7, 14, 45, 0));
  g_assert_cmpint (job->expires, ==, utc (2026, 4, 6, 0, 0, 0));
  g_assert_true (g_str_has_prefix (job->description, "Prepare breakfast and lunch on a busy line.\n\n"));
  g_assert_nonnull (strstr (job->description, "• Grill and fryer\n• Keep the station clean"));
  g_assert_nonnull (strstr (job->description, "Free meals & uniforms."));

  /* Requisition id when there is no reference number; entity-escaped HTML. */
  job = job_at (parsed, 1);
  g_assert_cmpstr (job->external_id, ==, "OL-2231");
  g_assert_cmpstr (job->city, ==, "Grove City");
  g_assert_cmpstr (job->state, ==, "OH");
  g_assert_null (job->country);
  assert_salary (job, 38000, 44000, JK_SALARY_PERIOD_YEAR);
  g_assert_cmpstr (job->salary_text, ==, "$38K–$44K a year");
  g_assert_cmpstr (job->employment_type, ==, "full-time,temporary");
  g_assert_cmpstr (job->soc_code, ==, "53-7062");
  g_assert_cmpint (job->posted, ==, utc (2026, 3, 2, 13, 30, 0));
  g_assert_cmpint (job->expires, ==, utc (2026, 3, 31, 0, 0, 0));
  g_assert_nonnull (strstr (job->description, "Pick and pack orders for stores across Ohio.\n\n"));
  g_assert_nonnull (strstr (job->description, "• Lift up to 50 lb\n• Scan and label"));

  /* The URL as the id; the source name as the employer; US date forms. */
  job = job_at (parsed, 2);
  g_assert_cmpstr (job->external_id, ==, "https://jobs.example.org/franklin-care/hha-westerville");
  g_assert_cmpstr (job->employer, ==, "Franklin Care Partners");
  g_assert_cmpstr (job->postal_code, ==, "43081");
  assert_salary (job, 900, 900, JK_SALARY_PERIOD_WEEK);
  g_assert_cmpstr (job->employment_type, ==, "part-time");
  g_assert_null (job->soc_code);
  g_assert_cmpstr (job->category, ==, "Healthcare Support");
  g_assert_cmpint (job->posted, ==, utc (2026, 3, 7, 14, 45, 0));
  g_assert_cmpint (job->expires, ==, utc (2026, 4, 15, 0, 0, 0));
  g_assert_nonnull (strstr (job->description, "medicine reminders.\n\nMust have"));

  /* Spanish and emoji. */
  job = find_job (parsed, "MLE-12");
  g_assert_cmpstr (job->title, ==, "Cajero/a bilingüe 🌟");
  assert_salary (job, 14.50, 14.50, JK_SALARY_PERIOD_HOUR);
  g_assert_cmpstr (job->salary_text, ==, "$14.50 la hora");
  g_assert_cmpstr (job->employment_type, ==, "part-time");
  g_assert_cmpint (job->posted, ==, utc (2026, 3, 5, 0, 0, 0));
  g_assert_cmpint (job->expires, ==, utc (2026, 4, 30, 23, 59, 59));
  g_assert_nonnull (strstr (job->description, "Atención al cliente en español e inglés."));
  g_assert_nonnull (strstr (job->description, "• Niños bienvenidos en la tienda 😊"));

  /* Salary words with no numbers keep the text. */
  job = find_job (parsed, "BJX-1005");
  assert_no_salary (job);
  g_assert_cmpstr (job->salary_text, ==, "DOE");
  g_assert_cmpint (job->posted, ==, utc (2026, 3, 6, 14, 0, 0));
  g_assert_cmpint (job->expires, ==, 0);
  g_assert_null (job->description);
  g_assert_null (job->apply_url);

  job = find_job (parsed, "BJX-1006");
  assert_no_salary (job);
  g_assert_cmpstr (job->salary_text, ==, "Negotiable");
  g_assert_cmpstr (job->state, ==, "OH");
  g_assert_null (job->employment_type);
  g_assert_cmpint (job->posted, ==, utc (2026, 3, 6, 10, 0, 0));
  g_assert_cmpint (job->expires, ==, utc (2026, 3, 7, 14, 45, 0));

  job = find_job (parsed, "BJX-1007");
  g_assert_cmpfloat_with_epsilon (job->salary_min, 20, 0.001);
  g_assert_cmpint (job->salary_period, ==, JK_SALARY_PERIOD_HOUR);
  g_assert_cmpstr (job->employment_type, ==, "contract");
  g_assert_cmpint (job->posted, ==, utc (2026, 3, 7, 9, 0, 0));

  job = find_job (parsed, "BJX-1008");
  g_assert_cmpstr (job->employer, ==, "Gahanna Tax & Books");
  g_assert_cmpfloat_with_epsilon (job->salary_min, 52000, 0.001);
  g_assert_cmpfloat_with_epsilon (job->salary_max, 52000, 0.001);
  g_assert_cmpint (job->posted, ==, utc (2026, 3, 7, 0, 0, 0));
}

static void
test_job_xml_hostile (void)
{
  g_autoptr (Parsed) parsed = parse_fixture ("job-xml-hostile.xml", JK_FEED_FORMAT_JOB_XML);
  JkJob *job;

  g_assert_no_error (parsed->error);
  /* Ten <job>s: three without a title (none, blank, empty element). */
  g_assert_cmpuint (parsed->jobs->len, ==, 7);
  g_assert_cmpuint (parsed->stats.skipped, ==, 3);
  g_assert_cmpstr (parsed->stats.publisher, ==, "Hostile & Broken Feeds <Test>");
  assert_fields_clean (parsed);

  /* Markup in a title and an employer is text, kept as it is. */
  job = job_at (parsed, 0);
  g_assert_cmpstr (job->external_id, ==, "HX-1");
  g_assert_cmpstr (job->title, ==, "<i>Baker</i> & <u>Helper</u>");
  g_assert_cmpstr (job->employer, ==, "Smith & Sons <Bakery>");
  g_assert_cmpstr (job->city, ==, "Bexley");
  /* Scripts and styles dropped, entities decoded. */
  g_assert_nonnull (strstr (job->description, "Bake bread before dawn.\n\n"));
  g_assert_nonnull (strstr (job->description, "Flour & sugar provided."));
  g_assert_null (strstr (job->description, "alert"));
  g_assert_null (strstr (job->description, "color"));

  /* Double-escaped HTML. */
  job = job_at (parsed, 1);
  g_assert_cmpstr (job->external_id, ==, "HX-2");
  g_assert_nonnull (strstr (job->description, "Stock shelves & help customers."));
  g_assert_nonnull (strstr (job->description, "• Night shift"));

  /* An expired posting is handed over as it is; the sync hides it. */
  job = find_job (parsed, "HX-3");
  g_assert_cmpint (job->posted, ==, utc (2020, 1, 2, 0, 0, 0));
  g_assert_cmpint (job->expires, ==, utc (2020, 1, 31, 0, 0, 0));
  g_assert_cmpint (job->expires, <, g_get_real_time () / G_USEC_PER_SEC);

  /* A duplicate id: both handed over, in feed order. */
  g_assert_cmpstr (job_at (parsed, 3)->external_id, ==, "HX-1");
  g_assert_cmpstr (job_at (parsed, 3)->title, ==, "Baker Helper (second shift)");
  g_assert_cmpstr (job_at (parsed, 3)->employer, ==, "Smith & Sons Bakery");

  /* Nothing but a title. */
  job = job_at (parsed, 4);
  g_assert_cmpstr (job->title, ==, "General Laborer");
  g_assert_null (job->external_id);
  g_assert_null (job->employer);
  g_assert_null (job->city);
  g_assert_null (job->state);
  g_assert_null (job->description);
  g_assert_null (job->salary_text);
  g_assert_null (job->apply_url);
  assert_no_salary (job);
  g_assert_cmpint (job->posted, ==, 0);
  g_assert_cmpint (job->expires, ==, 0);

  /* Whitespace collapsed; a nested <title> of an unknown element ignored;
   * entities never expanded (the external one would read /etc/passwd). */
  job = find_job (parsed, "HX-9");
  g_assert_cmpstr (job->title, ==, "Night Stocker Team");
  g_assert_null (job->employer);
  g_assert_null (job->city);
  g_assert_false (any_field_contains (parsed, "WRONG"));
  g_assert_false (any_field_contains (parsed, "root:"));
  g_assert_false (any_field_contains (parsed, "Internal Entity"));

  /* HTML written as XML elements inside <description>; a javascript: URL
   * is no apply link. */
  job = find_job (parsed, "HX-10");
  g_assert_nonnull (strstr (job->description, "Drive a box truck around Franklin County.\n\n"));
  g_assert_nonnull (strstr (job->description, "• CDL B\n• Clean record"));
  g_assert_null (job->apply_url);
}

static void
test_job_xml_latin1 (void)
{
  g_autoptr (Parsed) parsed = parse_fixture ("job-xml-latin1.xml", JK_FEED_FORMAT_AUTO);
  JkJob *job;

  g_assert_no_error (parsed->error);
  g_assert_cmpuint (parsed->jobs->len, ==, 1);
  job = job_at (parsed, 0);
  g_assert_cmpstr (job->title, ==, "Técnico de mantenimiento");
  g_assert_cmpstr (job->employer, ==, "Panadería Ñandú");
  g_assert_cmpstr (job->description, ==, "Reparación de hornos y máquinas.");
}

static void
test_job_xml_truncated (void)
{
  g_autoptr (Parsed) parsed = parse_fixture ("job-xml-truncated.xml", JK_FEED_FORMAT_AUTO);

  g_assert_false (parsed->ok);
  g_assert_error (parsed->error, JK_FEED_ERROR, JK_FEED_ERROR_MALFORMED);
  /* The three postings before the break were handed over, not the fourth. */
  g_assert_cmpuint (parsed->jobs->len, ==, 3);
  g_assert_cmpstr (job_at (parsed, 0)->external_id, ==, "TR-1");
  g_assert_cmpstr (job_at (parsed, 1)->external_id, ==, "TR-2");
  g_assert_cmpstr (job_at (parsed, 2)->external_id, ==, "TR-3");
  g_assert_cmpstr (job_at (parsed, 2)->employer, ==, "Linden Market");
  g_assert_cmpstr (parsed->stats.publisher, ==, "Cut-off Feed (demo)");
}

/* Cut a good feed at every byte: every posting whose </job> is inside the
 * cut is handed over, then MALFORMED; the whole feed parses. */
/* One byte that is not UTF-8 in one posting: that posting is mended (the
 * byte becomes U+FFFD) and said, and the feed is kept. Before, the whole
 * feed was refused as "broken or cut short". */
static void
test_job_xml_bad_byte (void)
{
  g_autoptr (Parsed) parsed = parse_fixture ("job-xml-bad-byte.xml", JK_FEED_FORMAT_AUTO);

  g_assert_no_error (parsed->error);
  g_assert_cmpuint (parsed->jobs->len, ==, 3);
  g_assert_cmpstr (job_at (parsed, 0)->external_id, ==, "BB-1");
  g_assert_cmpstr (find_job (parsed, "BB-2")->title, ==, "Caf\uFFFD Cook");
  g_assert_cmpstr (find_job (parsed, "BB-2")->employer, ==, "German Village Bistro");
  g_assert_cmpstr (job_at (parsed, 2)->external_id, ==, "BB-3");
  g_assert_cmpuint (parsed->stats.repaired, ==, 1);
}

/* A \u0000 in a JSON string is dropped: the field goes on past it, where
 * it used to end there. An escaped backslash before "u0000" is text. */
static void
test_jsonld_nul_escape (void)
{
  g_autoptr (Parsed) parsed = parse_fixture ("jsonld-nul-escape.json", JK_FEED_FORMAT_AUTO);
  JkJob *job;

  g_assert_no_error (parsed->error);
  g_assert_cmpuint (parsed->jobs->len, ==, 1);
  job = job_at (parsed, 0);
  g_assert_cmpstr (job->title, ==, "Forklift Operator");
  g_assert_cmpstr (job->employer, ==, "Scioto Freight");
  g_assert_nonnull (strstr (job->description, "Second shift, full time."));
  g_assert_nonnull (strstr (job->description, "C:\\u0000data stays as typed."));
}

static void
test_job_xml_cut_everywhere (void)
{
  gsize length = 0;
  g_autofree char *data = read_fixture ("job-xml-basic.xml", &length);
  gsize end = length;

  while (end > 0 && g_ascii_isspace (data[end - 1]))
    end--;
  for (gsize cut = 0; cut <= length; cut++)
    {
      g_autoptr (Parsed) parsed = parse_data (data, cut, JK_FEED_FORMAT_JOB_XML);

      if (cut >= end)
        {
          g_assert_no_error (parsed->error);
          g_assert_cmpuint (parsed->jobs->len, ==, 8);
          continue;
        }
      if (parsed->error == NULL || parsed->error->code != JK_FEED_ERROR_MALFORMED)
        g_error ("cut at %" G_GSIZE_FORMAT ": %s", cut, parsed->error != NULL ? parsed->error->message : "no error");
      g_assert_cmpuint (parsed->jobs->len, ==, count_substrings (data, cut, "</job>"));
    }
}

/* ---------------------------------------------------------------------- */
/* RSS                                                                    */

static void
test_rss (void)
{
  g_autoptr (Parsed) parsed = parse_fixture ("rss.xml", JK_FEED_FORMAT_AUTO);
  JkJob *job;

  g_assert_no_error (parsed->error);
  g_assert_cmpuint (parsed->jobs->len, ==, 4);
  g_assert_cmpuint (parsed->stats.skipped, ==, 1);
  g_assert_cmpstr (parsed->stats.publisher, ==, "Franklin County Jobs (demo)");
  assert_fields_clean (parsed);

  job = job_at (parsed, 0);
  g_assert_cmpstr (job->title, ==, "Customer Service Representative");
  g_assert_cmpstr (job->external_id, ==, "fcj-501");
  g_assert_cmpstr (job->apply_url, ==, "https://jobs.example.net/job/501");
  g_assert_cmpint (job->posted, ==, utc (2026, 3, 2, 14, 15, 0));
  g_assert_cmpstr (job->soc_code, ==, "43-4051");
  g_assert_cmpstr (job->category, ==, "43-4051 Customer Service Representatives");
  g_assert_nonnull (strstr (job->description, "Columbus, OH.\n\n• Paid training\n• Bus line nearby"));
  g_assert_null (job->employer);
  assert_no_salary (job);

  /* No guid: the link is the id. Escaped HTML with <br>. */
  job = job_at (parsed, 1);
  g_assert_cmpstr (job->external_id, ==, "https://jobs.example.net/job/502");
  g_assert_cmpint (job->posted, ==, utc (2026, 3, 3, 7, 0, 0));
  g_assert_nonnull (strstr (job->description, "Hilliard.\nSeasonal, April to October."));

  /* content:encoded is the full text. */
  job = job_at (parsed, 2);
  g_assert_cmpstr (job->title, ==, "Medical Receptionist");
  g_assert_cmpint (job->posted, ==, utc (2026, 3, 4, 12, 30, 0));
  g_assert_nonnull (strstr (job->description, "in Reynoldsburg.\n\nCheck patients in"));

  /* Escaped markup in a title stays text; scripts go; javascript: is no link. */
  job = job_at (parsed, 3);
  g_assert_cmpstr (job->title, ==, "<b>Urgent</b> Janitor");
  g_assert_cmpstr (job->external_id, ==, "fcj-505");
  g_assert_null (job->apply_url);
  g_assert_cmpint (job->posted, ==, utc (2026, 3, 5, 23, 0, 0));
  g_assert_cmpstr (job->description, ==, "Clean offices at night.");
}

/* ---------------------------------------------------------------------- */
/* JSON-LD                                                                */

/* Job boards' RSS: the employer in dc:creator or an Atom author's name,
 * the place in a location (or city and state) element of the board's own
 * namespace, or "Title at Employer (City, ST)" in the title. */
static void
test_rss_job_board (void)
{
  g_autoptr (Parsed) parsed = parse_fixture ("rss-job-board.xml", JK_FEED_FORMAT_RSS);
  JkJob *job;

  g_assert_no_error (parsed->error);
  g_assert_cmpuint (parsed->jobs->len, ==, 5);

  job = find_job (parsed, "board-101");
  g_assert_cmpstr (job->title, ==, "Baker");
  g_assert_cmpstr (job->employer, ==, "Maple Street Bakery");
  g_assert_cmpstr (job->city, ==, "Columbus");
  g_assert_cmpstr (job->state, ==, "OH");
  g_assert_cmpstr (job->postal_code, ==, "43215");

  job = find_job (parsed, "board-102");
  g_assert_cmpstr (job->employer, ==, "Riverside Hospital");
  g_assert_cmpstr (job->city, ==, "Dublin");
  g_assert_cmpstr (job->state, ==, "OH");

  job = find_job (parsed, "board-103");
  g_assert_cmpstr (job->title, ==, "Forklift Operator");
  g_assert_cmpstr (job->employer, ==, "Scioto Freight");
  g_assert_cmpstr (job->city, ==, "Grove City");
  g_assert_cmpstr (job->state, ==, "OH");

  /* " at " without a place after it is no clear pattern: left alone. */
  job = find_job (parsed, "board-104");
  g_assert_cmpstr (job->title, ==, "Work at Home Customer Service");
  g_assert_null (job->employer);
  g_assert_null (job->city);

  /* The employer from dc:creator; the place from the title. */
  job = find_job (parsed, "board-105");
  g_assert_cmpstr (job->title, ==, "Line Cook");
  g_assert_cmpstr (job->employer, ==, "Hilltop Diner LLC");
  g_assert_cmpstr (job->city, ==, "Columbus");
  g_assert_cmpstr (job->state, ==, "OH");
  assert_fields_clean (parsed);
}

static void
test_jsonld_array (void)
{
  g_autoptr (Parsed) parsed = parse_fixture ("jsonld-array.json", JK_FEED_FORMAT_AUTO);
  JkJob *job;

  g_assert_no_error (parsed->error);
  /* Six objects: four postings, one Event (not a posting), one without a title. */
  g_assert_cmpuint (parsed->jobs->len, ==, 4);
  g_assert_cmpuint (parsed->stats.skipped, ==, 1);
  g_assert_false (any_field_contains (parsed, "Job Fair"));
  assert_fields_clean (parsed);

  job = job_at (parsed, 0);
  g_assert_cmpstr (job->external_id, ==, "CBC-2201");
  g_assert_cmpstr (job->title, ==, "Pharmacy Technician");
  g_assert_cmpstr (job->employer, ==, "Capital Bay Clinic");
  g_assert_cmpstr (job->city, ==, "Columbus");
  g_assert_cmpstr (job->state, ==, "OH");
  g_assert_cmpstr (job->postal_code, ==, "43205");
  g_assert_cmpstr (job->country, ==, "US");
  g_assert_true (job->has_geo);
  g_assert_cmpfloat_with_epsilon (job->latitude, 39.955, 1e-6);
  g_assert_cmpfloat_with_epsilon (job->longitude, -82.98, 1e-6);
  assert_salary (job, 16.25, 18.00, JK_SALARY_PERIOD_HOUR);
  g_assert_cmpstr (job->salary_text, ==, "$16.25–$18.00 per hour");
  g_assert_cmpstr (job->employment_type, ==, "full-time,temporary");
  g_assert_cmpstr (job->soc_code, ==, "29-2052");
  g_assert_cmpstr (job->category, ==, "29-2052.00 Pharmacy Technicians");
  g_assert_cmpstr (job->education, ==, "high school");
  g_assert_cmpstr (job->apply_url, ==, "https://clinic.example.com/jobs/CBC-2201");
  g_assert_cmpint (job->posted, ==, utc (2026, 3, 1, 0, 0, 0));
  g_assert_cmpint (job->expires, ==, utc (2026, 4, 2, 3, 59, 59));
  g_assert_nonnull (strstr (job->description, "neighborhood clinic.\n\n• Certification paid for\n• No nights"));

  /* Identifier as text, organization as text, one figure, geo as strings. */
  job = job_at (parsed, 1);
  g_assert_cmpstr (job->external_id, ==, "CBC-2202");
  g_assert_cmpstr (job->employer, ==, "Capital Bay Clinic");
  g_assert_cmpstr (job->city, ==, "Whitehall");
  g_assert_cmpstr (job->state, ==, "OH");
  g_assert_cmpstr (job->country, ==, "US");
  g_assert_true (job->has_geo);
  g_assert_cmpfloat_with_epsilon (job->latitude, 39.97, 1e-6);
  g_assert_cmpfloat_with_epsilon (job->longitude, -82.89, 1e-6);
  assert_salary (job, 52000, 52000, JK_SALARY_PERIOD_YEAR);
  g_assert_cmpstr (job->salary_text, ==, "$52,000 per year");
  g_assert_cmpstr (job->employment_type, ==, "part-time");
  g_assert_cmpstr (job->soc_code, ==, "31-9092");
  g_assert_cmpstr (job->education, ==, "No degree required");
  g_assert_cmpint (job->posted, ==, utc (2026, 3, 2, 8, 0, 0));
  g_assert_cmpint (job->expires, ==, 0);

  /* Identifier as a number, @type as an array, baseSalary a bare number. */
  job = job_at (parsed, 2);
  g_assert_cmpstr (job->external_id, ==, "99123");
  g_assert_cmpstr (job->title, ==, "Groundskeeper");
  g_assert_cmpstr (job->employer, ==, "Metro Parks of Demo County");
  g_assert_cmpstr (job->city, ==, "Galloway");
  g_assert_false (job->has_geo); /* 0,0 is a feed's "unknown" */
  assert_salary (job, 17, 17, JK_SALARY_PERIOD_NONE);
  g_assert_cmpstr (job->salary_text, ==, "$17");
  g_assert_null (job->apply_url);
  g_assert_null (job->description);

  /* Spanish and emoji; a script in the description; "DOE"; expired. */
  job = job_at (parsed, 3);
  g_assert_cmpstr (job->external_id, ==, "4455");
  g_assert_cmpstr (job->title, ==, "Auxiliar de oficina 📎 (bilingüe)");
  g_assert_cmpstr (job->employer, ==, "Oficina Legal Hispana");
  assert_no_salary (job);
  g_assert_cmpstr (job->salary_text, ==, "DOE");
  g_assert_cmpstr (job->employment_type, ==, "internship");
  g_assert_cmpint (job->expires, ==, utc (2020, 6, 30, 0, 0, 0));
  g_assert_cmpstr (job->description, ==, "Archivar, contestar teléfonos y atender a los clientes.");
  g_assert_null (job->city);
}

static void
test_jsonld_graph (void)
{
  g_autoptr (Parsed) parsed = parse_fixture ("jsonld-graph.json", JK_FEED_FORMAT_JSONLD);
  JkJob *job;

  g_assert_no_error (parsed->error);
  g_assert_cmpuint (parsed->jobs->len, ==, 2);
  g_assert_cmpuint (parsed->stats.skipped, ==, 0);

  /* Amounts as strings; a CategoryCode. */
  job = find_job (parsed, "GR-1");
  g_assert_cmpstr (job->title, ==, "Electrician Apprentice");
  assert_salary (job, 18, 24.5, JK_SALARY_PERIOD_HOUR);
  g_assert_cmpstr (job->salary_text, ==, "$18.00–$24.50 per hour");
  g_assert_cmpstr (job->soc_code, ==, "47-2111");
  g_assert_cmpstr (job->category, ==, "47-2111 Electricians");
  g_assert_cmpstr (job->postal_code, ==, "43130");

  /* An address given as text. */
  job = find_job (parsed, "GR-2");
  g_assert_cmpstr (job->employer, ==, "Hocking Valley Electric");
  g_assert_cmpstr (job->city, ==, "Lancaster");
  g_assert_cmpstr (job->state, ==, "OH");
  g_assert_cmpstr (job->postal_code, ==, "43130");
  assert_salary (job, 45000, 52000, JK_SALARY_PERIOD_YEAR);
  g_assert_cmpstr (job->salary_text, ==, "$45,000–$52,000 per year");
}

static void
test_jsonld_itemlist (void)
{
  g_autoptr (Parsed) parsed = parse_fixture ("jsonld-itemlist.json", JK_FEED_FORMAT_AUTO);
  JkJob *job;

  g_assert_no_error (parsed->error);
  g_assert_cmpuint (parsed->jobs->len, ==, 2);
  job = find_job (parsed, "LCL-1");
  g_assert_cmpstr (job->title, ==, "Library Page");
  assert_salary (job, 13.75, 13.75, JK_SALARY_PERIOD_HOUR);
  g_assert_cmpstr (job->salary_text, ==, "$13.75 per hour");
  job = find_job (parsed, "LCL-2");
  g_assert_cmpstr (job->title, ==, "Children's Librarian");
  g_assert_cmpstr (job->education, ==, "bachelor degree");
  g_assert_cmpstr (job->employment_type, ==, "full-time");
}

static void
test_jsonld_multi_location (void)
{
  g_autoptr (Parsed) parsed = parse_fixture ("jsonld-multi-location.json", JK_FEED_FORMAT_AUTO);
  static const char *const ids[] = { "MLJ-7", "MLJ-7#2", "MLJ-7#3" };
  static const char *const cities[] = { "Columbus", "Dublin", "Reynoldsburg" };
  static const char *const postal_codes[] = { "43215", "43017", "43068" };
  static const gboolean geo[] = { TRUE, FALSE, TRUE };

  g_assert_no_error (parsed->error);
  g_assert_cmpuint (parsed->jobs->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JkJob *job = job_at (parsed, i);

      g_assert_cmpstr (job->external_id, ==, ids[i]);
      g_assert_cmpstr (job->city, ==, cities[i]);
      g_assert_cmpstr (job->state, ==, "OH");
      g_assert_cmpstr (job->postal_code, ==, postal_codes[i]);
      g_assert_cmpint (job->has_geo, ==, geo[i]);
      g_assert_cmpstr (job->title, ==, "Retail Sales Associate");
      g_assert_cmpstr (job->employer, ==, "Maple Street Outfitters");
      assert_salary (job, 15, 17, JK_SALARY_PERIOD_HOUR);
      g_assert_cmpstr (job->salary_text, ==, "$15–$17 per hour");
      g_assert_cmpstr (job->employment_type, ==, "part-time,full-time");
      g_assert_cmpstr (job->soc_code, ==, "41-2031");
      g_assert_cmpstr (job->apply_url, ==, "https://outfitters.example.com/careers/MLJ-7");
      g_assert_cmpint (job->posted, ==, utc (2026, 3, 6, 0, 0, 0));
      g_assert_cmpint (job->expires, ==, utc (2026, 4, 5, 0, 0, 0));
      g_assert_cmpstr (job->description, ==, "Help customers find what they need.\n\nHiring at three stores.");
    }
  g_assert_cmpfloat_with_epsilon (job_at (parsed, 2)->latitude, 39.9548, 1e-6);
  g_assert_cmpfloat_with_epsilon (job_at (parsed, 2)->longitude, -82.8121, 1e-6);
}

/* schema.org's own example has no identifier: the id is the url, else a
 * hash of title, employer, place and date posted, the same at every parse. */
static void
test_jsonld_no_identifier (void)
{
  g_autoptr (Parsed) parsed = parse_fixture ("jsonld-no-identifier.json", JK_FEED_FORMAT_JSONLD);
  g_autoptr (Parsed) again = parse_fixture ("jsonld-no-identifier.json", JK_FEED_FORMAT_JSONLD);
  JkJob *job;

  g_assert_no_error (parsed->error);
  g_assert_cmpuint (parsed->jobs->len, ==, 4);
  g_assert_cmpuint (parsed->stats.skipped, ==, 0);
  for (guint i = 0; i < parsed->jobs->len; i++)
    {
      g_assert_nonnull (job_at (parsed, i)->external_id);
      g_assert_cmpstr (job_at (parsed, i)->external_id, ==, job_at (again, i)->external_id);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (job_at (parsed, i)->external_id, !=, job_at (parsed, j)->external_id);
    }

  /* The example itself: every field it has is kept. */
  job = job_at (parsed, 0);
  g_assert_cmpstr (job->title, ==, "Software Engineer");
  g_assert_true (g_str_has_prefix (job->external_id, "posting-"));
  g_assert_cmpstr (job->employer, ==, "Olentangy Tool Works");
  g_assert_cmpstr (job->city, ==, "Worthington");
  g_assert_cmpstr (job->state, ==, "OH");
  g_assert_cmpint (job->posted, ==, utc (2026, 2, 27, 0, 0, 0));
  g_assert_cmpstr (job->soc_code, ==, "15-1132");
  g_assert_cmpstr (job->employment_type, ==, "full-time");
  g_assert_cmpstr (job->salary_text, ==, "$100,000");
  assert_salary (job, 100000, 100000, JK_SALARY_PERIOD_NONE);
  g_assert_true (g_str_has_prefix (job->description, "Description: Olentangy Tool Works seeks"));
  g_assert_nonnull (strstr (job->description, "\n\nResponsibilities:\nDesign and write specifications"));
  g_assert_nonnull (strstr (job->description, "\n\nWork hours:\n40 hours per week"));

  /* No identifier, a url: the url. A bare number as the salary. */
  job = job_at (parsed, 1);
  g_assert_cmpstr (job->external_id, ==, "https://jobs.example.org/postings/warehouse-associate-4471");
  g_assert_cmpstr (job->salary_text, ==, "$42,000");
  assert_salary (job, 42000, 42000, JK_SALARY_PERIOD_NONE);

  /* The same title, employer and date at two places: two postings. */
  g_assert_cmpstr (job_at (parsed, 2)->title, ==, job_at (parsed, 3)->title);
  g_assert_cmpstr (job_at (parsed, 2)->city, ==, "Columbus");
  g_assert_cmpstr (job_at (parsed, 3)->city, ==, "Hilliard");
}

/* responsibilities, qualifications, skills, experienceRequirements,
 * educationRequirements, jobBenefits, workHours, incentiveCompensation as
 * sections of the description, whatever shape schema.org lets them take. */
static void
test_jsonld_sections (void)
{
  g_autoptr (Parsed) parsed = parse_fixture ("jsonld-sections.json", JK_FEED_FORMAT_JSONLD);
  JkJob *job;

  g_assert_no_error (parsed->error);
  g_assert_cmpuint (parsed->jobs->len, ==, 3);

  job = find_job (parsed, "SEC-1");
  g_assert_cmpstr (job->description, ==,
                   "Join our family practice team.\n\n"
                   "Responsibilities:\n\xE2\x80\xA2 Room patients and take vitals\n\xE2\x80\xA2 Give injections\n\n"
                   "Qualifications:\n\xE2\x80\xA2 CPR certification\n\xE2\x80\xA2 Certified Medical Assistant (CMA) preferred\n\n"
                   "Skills:\n\xE2\x80\xA2 Phlebotomy\n\xE2\x80\xA2 Electronic health records\n\n"
                   "Experience requirements:\n2 years of experience\n\n"
                   "Education requirements:\n\xE2\x80\xA2 high school\n\xE2\x80\xA2 certificate\n\n"
                   "Job benefits:\nHealth insurance & 401(k) match\n\n"
                   "Work hours:\nMonday to Friday, 8am\xE2\x80\x93" "5pm\n\n"
                   "Incentive compensation:\n$500 sign-on bonus");
  g_assert_cmpstr (job->education, ==, "high school");
  g_assert_cmpstr (job->soc_code, ==, "31-9092");
  g_assert_cmpstr (job->salary_text, ==, "$42,000");
  assert_salary (job, 42000, 42000, JK_SALARY_PERIOD_NONE);
  assert_plain_text (job->description);

  /* No description, only a section; a CategoryCode; another currency. */
  job = find_job (parsed, "SEC-2");
  g_assert_cmpstr (job->description, ==, "Experience requirements:\n6 months of experience: in a help desk or similar role");
  g_assert_cmpstr (job->soc_code, ==, "15-1132");
  g_assert_cmpstr (job->category, ==, "15-1132.00");
  g_assert_cmpstr (job->salary_text, ==, "EUR 61,000.50");
  assert_salary (job, 61000.5, 61000.5, JK_SALARY_PERIOD_NONE);

  /* A code alone. */
  job = find_job (parsed, "SEC-3");
  g_assert_cmpstr (job->soc_code, ==, "15-1151");
  g_assert_cmpstr (job->category, ==, "15-1151");
  g_assert_cmpstr (job->description, ==, "Experience requirements:\n3 years of experience");
  assert_no_salary (job);
}

static void
test_jsonld_html_page (void)
{
  g_autoptr (Parsed) parsed = parse_fixture ("jsonld-page.html", JK_FEED_FORMAT_AUTO);
  JkJob *job;

  g_assert_no_error (parsed->error);
  /* One posting in one block, two in a @graph in another; the Organization
   * block and the ordinary script are not postings. */
  g_assert_cmpuint (parsed->jobs->len, ==, 3);
  g_assert_cmpuint (parsed->stats.skipped, ==, 0);
  assert_fields_clean (parsed);

  /* "</p>" inside a JSON string does not end the script. */
  job = find_job (parsed, "RK-1");
  g_assert_cmpstr (job->title, ==, "Ayudante de cocina 🍳");
  g_assert_cmpstr (job->description, ==, "Preparar verduras y lavar ollas.\n\nHorario de mañana.");
  assert_salary (job, 15.5, 16.5, JK_SALARY_PERIOD_HOUR);
  g_assert_cmpstr (job->salary_text, ==, "$15.50–$16.50 per hour");
  g_assert_cmpstr (job->postal_code, ==, "43215");

  job = find_job (parsed, "RK-2");
  g_assert_cmpstr (job->title, ==, "Server");
  g_assert_cmpstr (job->city, ==, "Worthington");
  g_assert_cmpstr (job->salary_text, ==, "$11.50 per hour");

  job = find_job (parsed, "RK-3");
  g_assert_cmpstr (job->title, ==, "Prep Cook");
  g_assert_null (job->city);
}

/* A page that does not name its charset is read as UTF-8; one that does,
 * in its own. */
static void
test_jsonld_html_charset (void)
{
  static const char utf8_page[] = "<html><head><script type=\"application/ld+json\">"
                                  "{\"@type\":\"JobPosting\",\"title\":\"Niñera 🌟\"}</script></head></html>";
  static const char latin1_page[] = "<html><head><meta charset=\"iso-8859-1\">"
                                    "<script type=\"application/ld+json\">"
                                    "{\"@type\":\"JobPosting\",\"title\":\"Ni\xf1" "era\"}</script></head></html>";
  g_autoptr (Parsed) parsed = parse_data (utf8_page, strlen (utf8_page), JK_FEED_FORMAT_AUTO);

  g_assert_no_error (parsed->error);
  g_assert_cmpuint (parsed->jobs->len, ==, 1);
  g_assert_cmpstr (job_at (parsed, 0)->title, ==, "Niñera 🌟");
  g_clear_pointer (&parsed, parsed_free);

  parsed = parse_data (latin1_page, strlen (latin1_page), JK_FEED_FORMAT_JSONLD);
  g_assert_no_error (parsed->error);
  g_assert_cmpuint (parsed->jobs->len, ==, 1);
  g_assert_cmpstr (job_at (parsed, 0)->title, ==, "Niñera");
}

/* ---------------------------------------------------------------------- */
/* USAJOBS                                                                */

static void
test_usajobs (void)
{
  g_autoptr (Parsed) parsed = parse_fixture ("usajobs-page.json", JK_FEED_FORMAT_AUTO);
  JkJob *job;

  g_assert_no_error (parsed->error);
  /* Four items: one with two places, one without a title. */
  g_assert_cmpuint (parsed->jobs->len, ==, 4);
  g_assert_cmpuint (parsed->stats.skipped, ==, 1);
  assert_fields_clean (parsed);

  job = find_job (parsed, "COSC-26-0001");
  g_assert_cmpstr (job->title, ==, "IT Specialist (SYSADMIN)");
  g_assert_cmpstr (job->employer, ==, "Central Ohio Supply Center (demo)");
  g_assert_cmpstr (job->city, ==, "Columbus");
  g_assert_cmpstr (job->state, ==, "OH");
  g_assert_cmpstr (job->country, ==, "United States");
  g_assert_true (job->has_geo);
  g_assert_cmpfloat_with_epsilon (job->latitude, 39.96118, 1e-6);
  g_assert_cmpfloat_with_epsilon (job->longitude, -82.99879, 1e-6);
  assert_salary (job, 75000, 97500, JK_SALARY_PERIOD_YEAR);
  g_assert_cmpstr (job->salary_text, ==, "$75,000–$97,500 per year");
  g_assert_cmpstr (job->employment_type, ==, "full-time");
  g_assert_cmpstr (job->category, ==, "OPM 2210");
  g_assert_null (job->soc_code);
  g_assert_cmpstr (job->apply_url, ==, "https://www.usajobs.example.gov/job/800001");
  g_assert_cmpint (job->posted, ==, utc (2026, 3, 2, 0, 0, 0));
  g_assert_cmpint (llabs (job->expires - utc (2026, 3, 16, 23, 59, 59)), <=, 1);
  g_assert_cmpstr (job->description, ==,
                   "Keep the center's servers and networks running.\n\nThis position is in the competitive service.");

  /* Two places: the second gets "#2". Hourly pay. */
  job = find_job (parsed, "VAD-26-0555");
  g_assert_cmpstr (job->city, ==, "Dublin");
  g_assert_cmpfloat_with_epsilon (job->latitude, 40.0992, 1e-6);
  assert_salary (job, 21.5, 27.25, JK_SALARY_PERIOD_HOUR);
  g_assert_cmpstr (job->salary_text, ==, "$21.50–$27.25 per hour");
  g_assert_cmpstr (job->employment_type, ==, "part-time");
  g_assert_cmpstr (job->category, ==, "OPM 3566");
  job = find_job (parsed, "VAD-26-0555#2");
  g_assert_cmpstr (job->title, ==, "Housekeeping Aid");
  g_assert_cmpstr (job->city, ==, "Whitehall");
  g_assert_cmpstr (job->state, ==, "OH");
  g_assert_cmpfloat_with_epsilon (job->longitude, -82.8855, 1e-6);
  g_assert_cmpstr (job->description, ==, "Clean patient rooms and common areas.");

  /* ApplyURI when there is no PositionURI; numbers as numbers; "PA". */
  job = find_job (parsed, "COSC-26-0003");
  g_assert_cmpstr (job->apply_url, ==, "https://www.usajobs.example.gov/job/800003/apply");
  g_assert_cmpstr (job->city, ==, "Lockbourne");
  g_assert_false (job->has_geo);
  assert_salary (job, 52000, 67600, JK_SALARY_PERIOD_YEAR);
  g_assert_cmpstr (job->description, ==, "A valid driver's license.");
  g_assert_cmpint (job->posted, ==, utc (2026, 3, 4, 0, 0, 0));
}

/* ---------------------------------------------------------------------- */
/* Errors                                                                 */

static void
assert_fixture_error (const char   *name,
                      JkFeedFormat  format,
                      int           code)
{
  g_autoptr (Parsed) parsed = NULL;

  g_test_message ("%s as %s", name, jk_feed_format_to_string (format));
  parsed = parse_fixture (name, format);
  g_assert_false (parsed->ok);
  g_assert_error (parsed->error, JK_FEED_ERROR, code);
  g_assert_cmpuint (parsed->jobs->len, ==, 0);
}

static void
test_errors (void)
{
  static const JkFeedFormat all[] = { JK_FEED_FORMAT_AUTO, JK_FEED_FORMAT_JOB_XML, JK_FEED_FORMAT_JSONLD,
                                      JK_FEED_FORMAT_RSS, JK_FEED_FORMAT_USAJOBS };
  g_autoptr (GError) error = NULL;
  g_autofree char *missing = fixture_path ("no-such-feed.xml");
  g_autoptr (GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_job_free);

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      /* Empty: an incomplete snapshot, whatever the format. */
      assert_fixture_error ("empty.xml", all[i], JK_FEED_ERROR_MALFORMED);
      /* A gzip body (never gunzipped here) and a web page are no feeds. */
      assert_fixture_error ("gzip-bomb.gz", all[i], JK_FEED_ERROR_NOT_A_FEED);
      assert_fixture_error ("not-a-feed.html", all[i], JK_FEED_ERROR_NOT_A_FEED);
    }
  assert_fixture_error ("jsonld-truncated.json", JK_FEED_FORMAT_AUTO, JK_FEED_ERROR_MALFORMED);
  assert_fixture_error ("jsonld-truncated.json", JK_FEED_FORMAT_JSONLD, JK_FEED_ERROR_MALFORMED);
  assert_fixture_error ("jsonld-no-postings.json", JK_FEED_FORMAT_AUTO, JK_FEED_ERROR_NOT_A_FEED);
  /* The wrong format for the document. */
  assert_fixture_error ("jsonld-array.json", JK_FEED_FORMAT_USAJOBS, JK_FEED_ERROR_NOT_A_FEED);
  assert_fixture_error ("jsonld-array.json", JK_FEED_FORMAT_JOB_XML, JK_FEED_ERROR_NOT_A_FEED);
  assert_fixture_error ("usajobs-page.json", JK_FEED_FORMAT_RSS, JK_FEED_ERROR_NOT_A_FEED);
  assert_fixture_error ("job-xml-basic.xml", JK_FEED_FORMAT_RSS, JK_FEED_ERROR_NOT_A_FEED);
  assert_fixture_error ("rss.xml", JK_FEED_FORMAT_JSONLD, JK_FEED_ERROR_NOT_A_FEED);

  g_assert_false (jk_feed_parse_file_full (missing, JK_FEED_FORMAT_AUTO, NULL, NULL, collect_cb, jobs, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);
  g_assert_false (jk_feed_parse_file_full (g_test_get_dir (G_TEST_DIST), JK_FEED_FORMAT_AUTO, NULL, NULL, collect_cb, jobs, NULL,
                                      &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (jobs->len, ==, 0);
}

static void
test_errors_inline (void)
{
  static const struct {
    const char *data;
    JkFeedFormat format;
    int code;   /* -1: parses */
    guint jobs;
  } cases[] = {
    { "   \n\t ", JK_FEED_FORMAT_AUTO, JK_FEED_ERROR_MALFORMED, 0 },
    { "<?xml version=\"1.0\"?>", JK_FEED_FORMAT_JOB_XML, JK_FEED_ERROR_MALFORMED, 0 },
    { "<source><job><title>A</title></job><job><title>B</title></jbo></source>", JK_FEED_FORMAT_JOB_XML,
      JK_FEED_ERROR_MALFORMED, 1 },
    { "<source></source>", JK_FEED_FORMAT_AUTO, -1, 0 },
    { "<source><job><title>A</title></job></source>trailing junk", JK_FEED_FORMAT_AUTO,
      JK_FEED_ERROR_MALFORMED, 1 },
    { "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>", JK_FEED_FORMAT_JOB_XML,
      JK_FEED_ERROR_NOT_A_FEED, 0 },
    { "<jobs><job><title>Lenient root</title></job></jobs>", JK_FEED_FORMAT_JOB_XML, -1, 1 },
    { "<feed><entry><title>Atom</title></entry></feed>", JK_FEED_FORMAT_RSS, JK_FEED_ERROR_NOT_A_FEED, 0 },
    { "<rss><channel><item><title>One</title></item></channel></rss>", JK_FEED_FORMAT_AUTO, -1, 1 },
    { "[]", JK_FEED_FORMAT_AUTO, -1, 0 },
    { "{\"@context\":\"https://schema.org\",\"@graph\":[]}", JK_FEED_FORMAT_AUTO, -1, 0 },
    { "[1, 2, 3]", JK_FEED_FORMAT_JSONLD, JK_FEED_ERROR_NOT_A_FEED, 0 },
    { "{\"SearchResult\":{\"SearchResultItems\":[]}}", JK_FEED_FORMAT_AUTO, -1, 0 },
    { "{\"SearchResult\":{}}", JK_FEED_FORMAT_USAJOBS, -1, 0 },
    { "{\"Result\":{}}", JK_FEED_FORMAT_USAJOBS, JK_FEED_ERROR_NOT_A_FEED, 0 },
    { "\xEF\xBB\xBF{\"@type\":\"JobPosting\",\"title\":\"BOM first\"}", JK_FEED_FORMAT_AUTO, -1, 1 },
    { "{\"@type\":\"JobPosting\",\"title\":\"Cut", JK_FEED_FORMAT_JSONLD, JK_FEED_ERROR_MALFORMED, 0 },
    /* A broken JSON-LD block with postings makes the page incomplete ... */
    { "<html><script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":\"Good\"}</script>"
      "<script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":</script></html>",
      JK_FEED_FORMAT_AUTO, JK_FEED_ERROR_MALFORMED, 1 },
    /* ... a broken block of something else does not. */
    { "<html><script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":\"Good\"}</script>"
      "<script type=\"application/ld+json\">{\"@type\":\"BreadcrumbList\",</script></html>",
      JK_FEED_FORMAT_AUTO, -1, 1 },
    { "\x89PNG\r\n\x1a\n", JK_FEED_FORMAT_AUTO, JK_FEED_ERROR_NOT_A_FEED, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (Parsed) parsed = NULL;
      g_autofree char *shown = g_strescape (cases[i].data, NULL);

      g_test_message ("case %u: %s", i, shown);
      parsed = parse_data (cases[i].data, strlen (cases[i].data), cases[i].format);
      if (cases[i].code < 0)
        g_assert_no_error (parsed->error);
      else
        g_assert_error (parsed->error, JK_FEED_ERROR, cases[i].code);
      g_assert_cmpuint (parsed->jobs->len, ==, cases[i].jobs);
    }
}

static void
test_utf16 (void)
{
  const char *text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><source><job><title>Niñera</title></job></source>";
  g_autofree char *utf16 = NULL;
  g_autoptr (GString) data = g_string_new ("\xFF\xFE");
  g_autoptr (Parsed) parsed = NULL;
  gsize length = 0;

  utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &length, NULL);
  g_assert_nonnull (utf16);
  g_string_append_len (data, utf16, (gssize) length);
  parsed = parse_data (data->str, data->len, JK_FEED_FORMAT_AUTO);
  g_assert_no_error (parsed->error);
  g_assert_cmpuint (parsed->jobs->len, ==, 1);
  g_assert_cmpstr (job_at (parsed, 0)->title, ==, "Niñera");
}

/* JSON nested far deeper than any feed: refused, not a stack overflow. */
static void
test_deep_nesting (void)
{
  g_autoptr (GString) data = g_string_new (NULL);
  g_autoptr (Parsed) parsed = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (data, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (data, ']');
  parsed = parse_data (data->str, data->len, JK_FEED_FORMAT_JSONLD);
  g_assert_error (parsed->error, JK_FEED_ERROR, JK_FEED_ERROR_MALFORMED);

  g_string_truncate (data, 0);
  for (guint i = 0; i < 50000; i++)
    g_string_append (data, "<a>");
  g_clear_pointer (&parsed, parsed_free);
  parsed = parse_data (data->str, data->len, JK_FEED_FORMAT_JOB_XML);
  g_assert_error (parsed->error, JK_FEED_ERROR, JK_FEED_ERROR_MALFORMED);
}

/* ---------------------------------------------------------------------- */
/* The callback                                                           */

static void
test_abort (void)
{
  static const char *const files[] = { "job-xml-basic.xml", "rss.xml", "jsonld-array.json", "jsonld-page.html",
                                       "usajobs-page.json" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = fixture_path (files[i]);
      g_autoptr (GError) error = NULL;
      JkFeedStats stats = { 0 };
      Counter counter = { .stop_after = 2 };

      g_assert_false (jk_feed_parse_file_full (path, JK_FEED_FORMAT_AUTO, NULL, NULL, count_cb, &counter, &stats, &error));
      g_assert_error (error, JK_FEED_ERROR, JK_FEED_ERROR_ABORTED);
      g_assert_cmpuint (counter.count, ==, 2);
      g_assert_cmpuint (stats.jobs, ==, 2);
      g_clear_error (&error);
      g_clear_pointer (&counter.last_id, g_free);
      jk_feed_stats_clear (&stats);

      /* The callback's own error comes back as it is. */
      counter = (Counter) { .stop_after = 1, .set_error = TRUE };
      g_assert_false (jk_feed_parse_file_full (path, JK_FEED_FORMAT_AUTO, NULL, NULL, count_cb, &counter, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpuint (counter.count, ==, 1);
      g_clear_pointer (&counter.last_id, g_free);
    }
}

static void
test_no_callback (void)
{
  g_autofree char *path = fixture_path ("usajobs-page.json");
  g_autoptr (GError) error = NULL;
  JkFeedStats stats = { 0 };

  /* No callback: jobs are only counted. Stats add up over several parses
   * (pages of one source); jk_feed_stats_clear starts again. */
  g_assert_true (jk_feed_parse_file_full (path, JK_FEED_FORMAT_USAJOBS, NULL, NULL, NULL, NULL, &stats, &error));
  g_assert_true (jk_feed_parse_file_full (path, JK_FEED_FORMAT_USAJOBS, NULL, NULL, NULL, NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.jobs, ==, 8);
  g_assert_cmpuint (stats.skipped, ==, 2);
  jk_feed_stats_clear (&stats);
  g_assert_cmpuint (stats.jobs, ==, 0);
  g_assert_null (stats.publisher);
  g_assert_true (jk_feed_parse_file_full (path, JK_FEED_FORMAT_AUTO, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Parsers run in GTask threads: several at once give the same results. */
static const struct {
  const char *file;
  guint jobs;
} thread_fixtures[] = {
  { "job-xml-basic.xml", 8 },   { "job-xml-hostile.xml", 7 }, { "rss.xml", 4 },
  { "jsonld-array.json", 4 },   { "jsonld-page.html", 3 },    { "jsonld-multi-location.json", 3 },
  { "usajobs-page.json", 4 },
};

static gpointer
parse_many_thread (gpointer user_data)
{
  guint failures = 0;

  for (guint round = 0; round < 25; round++)
    for (guint i = 0; i < G_N_ELEMENTS (thread_fixtures); i++)
      {
        g_autofree char *path = fixture_path (thread_fixtures[i].file);
        g_autoptr (GError) error = NULL;
        JkFeedStats stats = { 0 };

        if (!jk_feed_parse_file_full (path, JK_FEED_FORMAT_AUTO, NULL, NULL, NULL, NULL, &stats, &error)
            || stats.jobs != thread_fixtures[i].jobs)
          failures++;
        jk_feed_stats_clear (&stats);
      }
  return GUINT_TO_POINTER (failures);
}

static void
test_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("parse", parse_many_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[i])), ==, 0);
}

/* ---------------------------------------------------------------------- */
/* Sizes                                                                  */

/* A description of 200 KB and a title of 10 KB are cut cleanly, and the
 * posting after them is intact. */
static void
test_huge_fields (void)
{
  g_autoptr (GString) words = g_string_new (NULL);
  g_autoptr (GString) title = g_string_new (NULL);
  g_autoptr (GString) feed = g_string_new (NULL);
  g_autoptr (Parsed) parsed = NULL;
  g_autofree char *json = NULL;
  JkJob *job;

  for (guint i = 0; words->len < 200 * 1024; i++)
    g_string_append_printf (words, "<p>Paragraph %u: lift, stack, scan and ship orders, año %u.</p>", i, i);
  for (guint i = 0; title->len < 10 * 1024; i++)
    g_string_append (title, "Very long title ");

  g_string_append_printf (feed, "<source><job><title>%s</title><referencenumber>BIG-1</referencenumber>"
                                "<description><![CDATA[%s]]></description></job>"
                                "<job><title>After</title><referencenumber>BIG-2</referencenumber></job></source>",
                          title->str, words->str);
  parsed = parse_data (feed->str, feed->len, JK_FEED_FORMAT_AUTO);
  g_assert_no_error (parsed->error);
  g_assert_cmpuint (parsed->jobs->len, ==, 2);
  job = job_at (parsed, 0);
  g_assert_cmpuint (strlen (job->title), <=, JK_FIELD_MAX);
  g_assert_true (g_str_has_prefix (job->title, "Very long title"));
  g_assert_cmpuint (strlen (job->description), <=, JK_DESCRIPTION_MAX);
  g_assert_cmpuint (strlen (job->description), >, JK_DESCRIPTION_MAX / 2);
  g_assert_true (g_str_has_prefix (job->description, "Paragraph 0: lift"));
  assert_plain_text (job->description);
  g_assert_cmpstr (job_at (parsed, 1)->title, ==, "After");
  g_clear_pointer (&parsed, parsed_free);

  /* The same in JSON-LD. */
  {
    g_autofree char *escaped = g_strescape (words->str, NULL);
    json = g_strdup_printf ("[{\"@type\":\"JobPosting\",\"title\":\"Big\",\"identifier\":\"J-1\",\"description\":\"%s\"},"
                            "{\"@type\":\"JobPosting\",\"title\":\"After\",\"identifier\":\"J-2\"}]",
                            escaped);
  }
  parsed = parse_data (json, strlen (json), JK_FEED_FORMAT_AUTO);
  g_assert_no_error (parsed->error);
  g_assert_cmpuint (parsed->jobs->len, ==, 2);
  g_assert_cmpuint (strlen (job_at (parsed, 0)->description), <=, JK_DESCRIPTION_MAX);
  g_assert_cmpuint (strlen (job_at (parsed, 0)->description), >, JK_DESCRIPTION_MAX / 2);
  assert_plain_text (job_at (parsed, 0)->description);
  g_assert_cmpstr (job_at (parsed, 1)->external_id, ==, "J-2");
}

static void
write_or_die (GOutputStream *out,
              GString       *chunk)
{
  g_autoptr (GError) error = NULL;

  g_output_stream_write_all (out, chunk->str, chunk->len, NULL, NULL, &error);
  g_assert_no_error (error);
  g_string_truncate (chunk, 0);
}

/* 50 000 jobs (about 40 MB) streamed with flat memory. */
static void
test_large_feed_memory (void)
{
  const guint n_jobs = 50000;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileIOStream) io = NULL;
  g_autoptr (GFile) file = g_file_new_tmp ("jk-feed-large-XXXXXX.xml", &io, &error);
  g_autoptr (GString) chunk = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<source>\n");
  g_autofree char *path = NULL;
  GOutputStream *out;
  JkFeedStats stats = { 0 };
  Counter counter = { 0 };
  gint64 rss_before, peak_after;
  gboolean peak_reset;

  g_assert_no_error (error);
#if defined(__SANITIZE_ADDRESS__)
  g_test_skip ("AddressSanitizer keeps freed memory in quarantine: resident size means nothing");
  g_file_delete (file, NULL, NULL);
  return;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  g_test_skip ("AddressSanitizer keeps freed memory in quarantine: resident size means nothing");
  g_file_delete (file, NULL, NULL);
  return;
#endif
#endif
  out = g_io_stream_get_output_stream (G_IO_STREAM (io));
  for (guint i = 0; i < n_jobs; i++)
    {
      g_string_append_printf (chunk,
                              "<job><title><![CDATA[Warehouse Associate %u]]></title>"
                              "<referencenumber>GEN-%u</referencenumber><company>Generated Co %u</company>"
                              "<city>Columbus</city><state>OH</state><postalcode>432%02u</postalcode>"
                              "<salary>$%u.50 per hour</salary><date>2026-03-0%u</date><jobtype>Full-Time</jobtype>"
                              "<description><![CDATA[<p>Posting %u. ",
                              i, i, i % 97, i % 100, 14 + i % 9, 1 + i % 7, i);
      for (guint w = 0; w < 12; w++)
        g_string_append (chunk, "Pick, pack and ship orders on a clean, safe team. ");
      g_string_append (chunk, "</p><ul><li>Benefits</li><li>Weekly pay</li></ul>]]></description></job>\n");
      if (chunk->len > 256 * 1024)
        write_or_die (out, chunk);
    }
  g_string_append (chunk, "</source>\n");
  write_or_die (out, chunk);
  g_io_stream_close (G_IO_STREAM (io), NULL, &error);
  g_assert_no_error (error);
  path = g_file_get_path (file);

  /* Reset the peak (VmHWM) so that it measures this parse alone. */
  peak_reset = reset_peak_rss ();
  rss_before = read_status_kb ("VmRSS");
  g_assert_cmpint (rss_before, >, 0);

  g_assert_true (jk_feed_parse_file_full (path, JK_FEED_FORMAT_AUTO, NULL, NULL, count_cb, &counter, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counter.count, ==, n_jobs);
  g_assert_cmpuint (stats.jobs, ==, n_jobs);
  g_assert_cmpstr (counter.last_id, ==, "GEN-49999");

  peak_after = peak_reset ? read_status_kb ("VmHWM") : read_status_kb ("VmRSS");
  g_test_message ("VmRSS before %" G_GINT64_FORMAT " kB, %s after %" G_GINT64_FORMAT " kB", rss_before,
                  peak_reset ? "peak" : "VmRSS", peak_after);
  g_assert_cmpint (peak_after - rss_before, <, 30 * 1024);

  g_free (counter.last_id);
  jk_feed_stats_clear (&stats);
  g_file_delete (file, NULL, NULL);
}

/* ---------------------------------------------------------------------- */
/* Main                                                                   */

/* Remote work, however a feed says it: JSON-LD's jobLocationType,
 * USAJOBS' RemoteIndicator (not TeleworkEligible), or a place that reads
 * "Remote"; the place it names is then no place. */
static void
test_remote (void)
{
  static const char jsonld[] =
    "[{\"@type\": \"JobPosting\", \"title\": \"Support Agent\", \"identifier\": \"R1\","
    " \"jobLocationType\": \"TELECOMMUTE\"},"
    " {\"@type\": \"JobPosting\", \"title\": \"Cook\", \"identifier\": \"R2\","
    " \"jobLocation\": {\"@type\": \"Place\", \"address\": {\"addressLocality\": \"Columbus\","
    " \"addressRegion\": \"OH\"}}},"
    " {\"@type\": \"JobPosting\", \"title\": \"Writer\", \"identifier\": \"R3\","
    " \"jobLocation\": {\"@type\": \"Place\", \"address\": {\"addressLocality\": \"Remote\","
    " \"addressRegion\": \"OH\"}}},"
    " {\"@type\": \"JobPosting\", \"title\": \"Clerk\", \"identifier\": \"R4\","
    " \"jobLocation\": {\"@type\": \"Place\", \"address\": {\"addressLocality\": \"Remoteville\"}}}]";
  static const char usajobs[] =
    "{\"SearchResult\": {\"SearchResultItems\": ["
    "{\"MatchedObjectDescriptor\": {\"PositionID\": \"U1\", \"PositionTitle\": \"Analyst\","
    " \"PositionLocation\": [{\"LocationName\": \"Anywhere in the U.S. (remote job)\"}],"
    " \"UserArea\": {\"Details\": {\"RemoteIndicator\": true, \"TeleworkEligible\": true}}}},"
    "{\"MatchedObjectDescriptor\": {\"PositionID\": \"U2\", \"PositionTitle\": \"Nurse\","
    " \"PositionLocation\": [{\"CityName\": \"Columbus, Ohio\", \"CountrySubDivisionCode\": \"Ohio\"}],"
    " \"UserArea\": {\"Details\": {\"RemoteIndicator\": false, \"TeleworkEligible\": true}}}}]}}";
  g_autoptr (Parsed) ld = parse_data (jsonld, strlen (jsonld), JK_FEED_FORMAT_JSONLD);
  g_autoptr (Parsed) usa = parse_data (usajobs, strlen (usajobs), JK_FEED_FORMAT_USAJOBS);
  JkJob *job;

  g_assert_no_error (ld->error);
  g_assert_cmpuint (ld->jobs->len, ==, 4);
  job = ld->jobs->pdata[0];
  g_assert_true (job->remote);
  g_assert_cmpint (jk_job_get_place (job), ==, JK_JOB_PLACE_REMOTE);
  job = ld->jobs->pdata[1];
  g_assert_false (job->remote);
  g_assert_cmpint (jk_job_get_place (job), ==, JK_JOB_PLACE_GIVEN);
  job = ld->jobs->pdata[2];
  g_assert_true (job->remote);
  g_assert_null (job->city);
  g_assert_cmpstr (job->state, ==, "OH");
  job = ld->jobs->pdata[3];
  g_assert_false (job->remote);
  g_assert_cmpstr (job->city, ==, "Remoteville");

  g_assert_no_error (usa->error);
  g_assert_cmpuint (usa->jobs->len, ==, 2);
  job = usa->jobs->pdata[0];
  g_assert_true (job->remote);
  g_assert_null (job->city);
  job = usa->jobs->pdata[1];
  g_assert_false (job->remote); /* telework is still a place to go to */
  g_assert_cmpstr (job->city, ==, "Columbus");

  /* A posting that names nothing at all. */
  {
    g_autoptr (JkJob) bare = jk_job_new ();

    g_assert_cmpint (jk_job_get_place (bare), ==, JK_JOB_PLACE_NOT_GIVEN);
    bare->state = g_strdup ("OH");
    g_assert_cmpint (jk_job_get_place (bare), ==, JK_JOB_PLACE_GIVEN);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/format/names", test_format_names);
  g_test_add_func ("/feed/format/detect-fixtures", test_format_detect_fixtures);
  g_test_add_func ("/feed/format/detect-heads", test_format_detect_heads);
  g_test_add_func ("/feed/job-xml/basic", test_job_xml_basic);
  g_test_add_func ("/feed/job-xml/hostile", test_job_xml_hostile);
  g_test_add_func ("/feed/job-xml/latin1", test_job_xml_latin1);
  g_test_add_func ("/feed/job-xml/truncated", test_job_xml_truncated);
  g_test_add_func ("/feed/job-xml/cut-everywhere", test_job_xml_cut_everywhere);
  g_test_add_func ("/feed/job-xml/bad-byte", test_job_xml_bad_byte);
  g_test_add_func ("/feed/jsonld/nul-escape", test_jsonld_nul_escape);
  g_test_add_func ("/feed/rss", test_rss);
  g_test_add_func ("/feed/rss/job-board", test_rss_job_board);
  g_test_add_func ("/feed/jsonld/array", test_jsonld_array);
  g_test_add_func ("/feed/jsonld/graph", test_jsonld_graph);
  g_test_add_func ("/feed/jsonld/itemlist", test_jsonld_itemlist);
  g_test_add_func ("/feed/jsonld/multi-location", test_jsonld_multi_location);
  g_test_add_func ("/feed/jsonld/no-identifier", test_jsonld_no_identifier);
  g_test_add_func ("/feed/jsonld/sections", test_jsonld_sections);
  g_test_add_func ("/feed/jsonld/html-page", test_jsonld_html_page);
  g_test_add_func ("/feed/jsonld/html-charset", test_jsonld_html_charset);
  g_test_add_func ("/feed/usajobs", test_usajobs);
  g_test_add_func ("/feed/remote", test_remote);
  g_test_add_func ("/feed/errors/fixtures", test_errors);
  g_test_add_func ("/feed/errors/inline", test_errors_inline);
  g_test_add_func ("/feed/utf16", test_utf16);
  g_test_add_func ("/feed/deep-nesting", test_deep_nesting);
  g_test_add_func ("/feed/callback/abort", test_abort);
  g_test_add_func ("/feed/callback/none", test_no_callback);
  g_test_add_func ("/feed/threads", test_threads);
  g_test_add_func ("/feed/size/huge-fields", test_huge_fields);
  g_test_add_func ("/feed/size/large-feed-memory", test_large_feed_memory);

  return g_test_run ();
}
