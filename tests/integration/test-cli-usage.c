/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-usage.c: jobkioskctl usage (table, JSON, CSV, small hours left out) and usage report to a folder and a real receiver */

#include <json-glib/json-glib.h>
#include <jobkiosk/jk-usage.h>
#include <string.h>

#include "store/jk-store-private.h"
#include "jk-test.h"
#include "jk-test-cli.h"
#include "jk-test-db.h"
#include "jk-test-http-sink.h"
#include "jk-test-proc.h"

typedef struct {
  char *dir;
  char *db_path;
  char *config_path;
  char *report_dir;
  JkStore *store;
  JkTestHttpSink *sink;
} Fixture;

static void
add (Fixture    *f,
     const char *what,
     gint64      n,
     int         day,
     int         hour)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) when = g_date_time_new_local (2027, 3, day, hour, 30, 0);

  g_assert_true (jk_store_begin (f->store, &error));
  g_assert_true (jk_usage_add (f->store, what, n, g_date_time_to_unix (when), &error));
  g_assert_no_error (error);
  g_assert_true (jk_store_commit (f->store, &error));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("jk-test-cli-usage-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "jobkiosk.db", NULL);
  f->config_path = g_build_filename (f->dir, "jobkiosk.ini", NULL);
  f->report_dir = g_build_filename (f->dir, "reports", NULL);
  f->store = jk_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (f->config_path, "", -1, NULL));

  add (f, "visits", 12, 10, 9);
  add (f, "visits", 3, 10, 10);          /* never shown */
  add (f, "visits", 2, 10, 11);          /* never shown; with 10h's 3 the day total can be */
  add (f, "searches", 6, 10, 9);
  add (f, "searches", 4, 10, 10);        /* the total would tell it: left out */
  add (f, "walk-in:resume", 1, 10, 9);   /* one person: never anywhere */
  add (f, "visits", 8, 11, 14);
  add (f, "visits", 99, 12, 9);          /* outside the ranges asked */
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->sink != NULL)
    jk_test_http_sink_stop (f->sink);
  g_clear_pointer (&f->store, jk_store_free);
  jk_test_remove_tree (f->dir);
  g_free (f->db_path);
  g_free (f->config_path);
  g_free (f->report_dir);
  g_free (f->dir);
}

static void
ctl (Fixture           *f,
     JkTestRun         *run,
     const char *const *args)
{
  jk_test_run_ctl (run, "en", (const char *const[]) { "--config", f->config_path, "--db", f->db_path, NULL }, args);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* "day hour counter count" lines of a JSON array of rows; hour "-" for a
 * day's total. */
static char *
json_rows_text (JsonArray *rows)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      JsonNode *hour = json_object_get_member (row, "hour");
      g_autofree char *hour_text = JSON_NODE_HOLDS_NULL (hour) ? g_strdup ("-")
                                                               : g_strdup_printf ("%" G_GINT64_FORMAT,
                                                                                  json_node_get_int (hour));

      g_string_append_printf (out, "%s %s %s %" G_GINT64_FORMAT "\n", json_object_get_string_member (row, "day"),
                              hour_text, json_object_get_string_member (row, "counter"),
                              json_object_get_int_member (row, "count"));
    }
  return g_string_free (out, FALSE);
}

static int
count_files (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  int n = 0;

  if (d == NULL)
    return 0;
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* ---------------------------------------------------------------------- */

static void
test_json_csv_table (Fixture       *f,
                     gconstpointer  data)
{
  {
    g_auto (JkTestRun) run = { 0 };
    g_autoptr (JsonNode) root = NULL;
    g_autofree char *text = NULL;

    ctl (f, &run, (const char *const[]) { "usage", "--from", "2027-03-10", "--to", "2027-03-11", "--json", NULL });
    g_assert_cmpint (run.status, ==, 0);
    root = parse (run.out);
    g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
    text = json_rows_text (json_node_get_array (root));
    g_assert_cmpstr (text, ==,
                     "2027-03-10 9 searches 6\n"
                     "2027-03-10 9 visits 12\n"
                     "2027-03-11 14 visits 8\n"
                     "2027-03-10 - visits 17\n"
                     "2027-03-11 - visits 8\n");
  }
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, (const char *const[]) { "usage", "--from", "2027-03-10", "--to", "2027-03-10", "--csv", NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "day,hour,counter,count,note\r\n"));
    g_assert_nonnull (strstr (run.out, "\r\n2027-03-10,9,visits,12,\r\n"));
    g_assert_nonnull (strstr (run.out, "\r\n2027-03-10,9,searches,6,\r\n"));
    g_assert_nonnull (strstr (run.out, "\r\n2027-03-10,,visits,17,exact day total"));
    g_assert_nonnull (strstr (run.out, "\r\n2027-03-10,,searches,,day total left out"));
    g_assert_nonnull (strstr (run.out, "\r\n2027-03-10,,walk-in:resume,,day total left out"));
    g_assert_null (strstr (run.out, ",10,visits"));
    g_assert_null (strstr (run.out, ",11,visits"));
    g_assert_null (strstr (run.out, "2027-03-11"));
  }
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, (const char *const[]) { "usage", "--from", "2027-03-10", "--to", "2027-03-11", NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Visits"));
    g_assert_nonnull (strstr (run.out, "17"));
    g_assert_nonnull (strstr (run.out, "Resume help"));
    g_assert_nonnull (strstr (run.out, "could point at one person"));
    g_assert_null (strstr (run.out, "99"));
  }
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, (const char *const[]) { "usage", "--from", "10/03/2027", NULL });
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, (const char *const[]) { "usage", "--json", "--csv", NULL });
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto (JkTestRun) run = { 0 };

    /* Nowhere to report to. */
    ctl (f, &run, (const char *const[]) { "usage", "report", "--day", "2027-03-10", NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "report-endpoint"));
  }
}

static void
test_report_dir (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *ini = g_strdup_printf ("[usage]\nreport-dir=%s\n", f->report_dir);
  g_autofree char *path = g_build_filename (f->report_dir, "usage-2027-03-10.csv", NULL);
  g_autofree char *written = NULL;
  g_autofree char *first = NULL;

  g_assert_true (g_file_set_contents (f->config_path, ini, -1, NULL));
  for (int i = 0; i < 2; i++)
    {
      g_auto (JkTestRun) run = { 0 };

      ctl (f, &run, (const char *const[]) { "usage", "report", "--day", "2027-03-10", NULL });
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "usage-2027-03-10.csv"));
    }
  /* The file and nothing else: no temporary file left beside it. */
  g_assert_cmpint (count_files (f->report_dir), ==, 1);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, (const char *const[]) { "usage", "--from", "2027-03-10", "--to", "2027-03-10", "--csv", NULL });
    g_assert_cmpstr (written, ==, run.out);
  }
  g_assert_null (strstr (written, ",10,visits"));
  g_assert_nonnull (strstr (written, "2027-03-10,9,visits,12,"));
  g_assert_null (strstr (written, "2027-03-11"));
}

static void
test_report_endpoint (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *url = NULL;
  g_autofree char *ini = NULL;
  g_autofree char *token_path = g_build_filename (f->dir, "usage-token", NULL);
  g_autofree char *body = NULL;
  g_autofree char *key = NULL;
  g_autofree char *authorization = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *counts = NULL;
  JsonObject *report;

  f->sink = jk_test_http_sink_start (0);
  url = jk_test_http_sink_get_url (f->sink, "/state/usage");
  ini = g_strdup_printf ("[kiosk]\nname=Lobby 1\ncenter-name=Eastside Center\n"
                         "[usage]\nreport-endpoint=%s\nreport-token-file=%s\n", url, token_path);
  g_assert_true (g_file_set_contents (f->config_path, ini, -1, NULL));
  g_assert_true (g_file_set_contents (token_path, "s3cret-token\n", -1, NULL));

  /* Twice: queued once. */
  for (int i = 0; i < 2; i++)
    {
      g_auto (JkTestRun) run = { 0 };

      ctl (f, &run, (const char *const[]) { "usage", "report", "--day", "2027-03-10", NULL });
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "outbox"));
    }
  g_assert_cmpint (jk_test_query_int (f->store, "SELECT count(*) FROM outbox WHERE kind = 'usage'"), ==, 1);
  {
    g_auto (JkTestRun) run = { 0 };
    g_autoptr (JsonNode) flushed = NULL;

    ctl (f, &run, (const char *const[]) { "outbox", "flush", "--json", NULL });
    g_assert_cmpint (run.status, ==, 0);
    flushed = parse (run.out);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (flushed), "delivered"), ==, 1);
  }
  g_assert_cmpuint (jk_test_http_sink_count (f->sink), ==, 1);
  key = jk_test_http_sink_header (f->sink, 1, "idempotency-key");
  g_assert_cmpstr (key, ==, "usage:Lobby 1:2027-03-10");
  authorization = jk_test_http_sink_header (f->sink, 1, "authorization");
  g_assert_cmpstr (authorization, ==, "Bearer s3cret-token");
  body = jk_test_http_sink_body (f->sink, 1);
  root = parse (body);
  report = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (report, "kiosk"), ==, "Lobby 1");
  g_assert_cmpstr (json_object_get_string_member (report, "center"), ==, "Eastside Center");
  g_assert_cmpstr (json_object_get_string_member (report, "day"), ==, "2027-03-10");
  {
    JsonArray *rows = json_object_get_array_member (report, "counts");
    GString *out = g_string_new (NULL);

    for (guint i = 0; i < json_array_get_length (rows); i++)
      {
        JsonObject *row = json_array_get_object_element (rows, i);

        g_string_append_printf (out, "%" G_GINT64_FORMAT " %s %" G_GINT64_FORMAT "\n",
                                json_object_get_int_member (row, "hour"),
                                json_object_get_string_member (row, "counter"),
                                json_object_get_int_member (row, "count"));
      }
    counts = g_string_free (out, FALSE);
  }
  g_assert_cmpstr (counts, ==, "9 searches 6\n9 visits 12\n");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "totals")), ==, 1);

  /* Again after delivery: nothing new is queued, nothing sent twice. */
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, (const char *const[]) { "usage", "report", "--day", "2027-03-10", NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto (JkTestRun) run = { 0 };

    ctl (f, &run, (const char *const[]) { "outbox", "flush", NULL });
    g_assert_cmpint (run.status, ==, 0);
  }
  g_assert_cmpint (jk_test_query_int (f->store, "SELECT count(*) FROM outbox"), ==, 0);
  g_assert_cmpuint (jk_test_http_sink_count (f->sink), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  /* The kiosk's hours are local; jobkioskctl inherits the zone. */
  g_setenv ("TZ", "America/Chicago", TRUE);
  g_test_init (&argc, &argv, NULL);
  JK_TEST_ADD ("/cli-usage/json-csv-table", Fixture, test_json_csv_table);
  JK_TEST_ADD ("/cli-usage/report-dir", Fixture, test_report_dir);
  JK_TEST_ADD ("/cli-usage/report-endpoint", Fixture, test_report_endpoint);
  return g_test_run ();
}
