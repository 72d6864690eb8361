/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-resume.c: JSON Resume in and out, its checks with their paths, and the plain text against golden files */

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-resume.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "resume", name, NULL);
}

static JkResume *
load_fixture (const char  *name,
              GPtrArray  **problems)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr (GError) error = NULL;
  JkResume *resume = jk_resume_load_file (path, problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (resume);
  return resume;
}

/* The problems as "severity path: message" lines, to compare at once. */
static char *
problems_text (GPtrArray *problems)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      JkResumeProblem *problem = g_ptr_array_index (problems, i);

      g_string_append_printf (text, "%s %s: %s\n", problem->severity == JK_RESUME_ERROR_PROBLEM ? "error" : "warning",
                              problem->path, problem->message);
    }
  return g_string_free (text, FALSE);
}

static void
test_parse_complete (void)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (JkResume) resume = load_fixture ("complete.json", &problems);
  JkResumeWork *work, *earlier;
  JkResumeEducation *ged;
  JkResumeSkill *skill;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (resume->basics.name, ==, "Dana Whitfield");
  g_assert_cmpstr (resume->basics.city, ==, "Columbus");
  g_assert_cmpstr (resume->basics.region, ==, "OH");
  g_assert_cmpstr (resume->basics.country_code, ==, "US");
  g_assert_cmpuint (resume->work->len, ==, 2);
  work = g_ptr_array_index (resume->work, 0);
  g_assert_cmpstr (work->name, ==, "Maple Grove Care Center");
  g_assert_cmpstr (work->start_date, ==, "2021-05");
  g_assert_null (work->end_date); /* works there now */
  g_assert_cmpuint (work->highlights->len, ==, 3);
  earlier = g_ptr_array_index (resume->work, 1);
  g_assert_cmpstr (earlier->start_date, ==, "2019"); /* a year only stays a year */
  g_assert_cmpstr (earlier->end_date, ==, "2021-04");
  g_assert_cmpstr (((JkResumeWork *) g_ptr_array_index (resume->volunteer, 0))->name, ==, "Mid-Ohio Food Collective");
  ged = g_ptr_array_index (resume->education, 1);
  g_assert_cmpstr (ged->study_type, ==, "High school equivalency (GED)");
  g_assert_null (ged->area);
  skill = g_ptr_array_index (resume->skills, 0);
  g_assert_cmpuint (skill->keywords->len, ==, 5);
  g_assert_null (((JkResumeSkill *) g_ptr_array_index (resume->skills, 2))->keywords);
  g_assert_cmpuint (resume->certificates->len, ==, 2);
  g_assert_cmpuint (resume->awards->len, ==, 1);
  g_assert_cmpuint (resume->languages->len, ==, 2);
  g_assert_cmpuint (resume->interests->len, ==, 1);
  g_assert_cmpuint (resume->references->len, ==, 1);
}

static void
test_bad_dates (void)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (JkResume) resume = load_fixture ("bad-dates.json", &problems);
  g_autofree char *text = problems_text (problems);

  g_assert_cmpstr (text, ==,
                   "error $.work[1].startDate: is not a date like 2021-05 or 2021\n"
                   "error $.work[2].startDate: is not a date like 2021-05 or 2021\n"
                   "error $.certificates[0].date: is not a date like 2021-05 or 2021\n"
                   "error $.work[3].endDate: is before the start date\n");
  g_assert_true (jk_resume_problems_have_errors (problems));
  /* A bad date is left out, never printed as given. */
  g_assert_null (((JkResumeWork *) g_ptr_array_index (resume->work, 1))->start_date);
  g_assert_cmpstr (((JkResumeWork *) g_ptr_array_index (resume->work, 0))->end_date, ==, "2021-06");
}

static void
test_wrong_types (void)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (JkResume) resume = load_fixture ("wrong-types.json", &problems);
  g_autofree char *text = problems_text (problems);

  g_assert_cmpstr (text, ==,
                   "error $.basics.phone: should be text in quotes, not a number\n"
                   "error $.basics.location: should be an object with named fields, not text\n"
                   "error $.work: should be a list, not an object\n"
                   "error $.skills[0]: should be an object with named fields, not text\n"
                   "error $.skills[1].keywords: should be a list, not text\n"
                   "error $.education[0].endDate: should be text in quotes, not a number\n"
                   "warning $.publications: is not used by the kiosk and was left out\n");
  g_assert_cmpstr (resume->basics.name, ==, "Sam Lee");
  g_assert_cmpuint (resume->work->len, ==, 0);
  g_assert_cmpuint (resume->skills->len, ==, 1);
}

static void
test_no_street_address (void)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (JkResume) resume = load_fixture ("accents.json", &problems);
  g_autofree char *text = problems_text (problems);
  g_autofree char *json = jk_resume_to_json (resume);

  g_assert_cmpstr (text, ==, "warning $.basics.location.address: was left out: a resume needs no street address\n");
  g_assert_false (jk_resume_problems_have_errors (problems));
  g_assert_null (strstr (json, "Main St"));
  g_assert_null (strstr (json, "address"));
  g_assert_cmpstr (resume->basics.name, ==, "María José O'Connor-Peña");
}

static void
test_malformed (void)
{
  g_autofree char *path = fixture_path ("malformed.json");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (JkResume) resume = jk_resume_load_file (path, &problems, &error);

  g_assert_null (resume);
  g_assert_null (problems);
  g_assert_error (error, JK_RESUME_ERROR, JK_RESUME_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, "malformed.json is not valid JSON: line 7, column "));
}

static void
test_not_utf8 (void)
{
  const char data[] = "{\n  \"basics\": { \"name\": \"Jos\xe9\" }\n}\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (JkResume) resume = jk_resume_load_data (data, sizeof data - 1, NULL, &error);

  g_assert_null (resume);
  g_assert_error (error, JK_RESUME_ERROR, JK_RESUME_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==, "The resume is not UTF-8 text: line 2, column 27");
}

static void
test_long_and_control_text (void)
{
  g_autofree char *summary = g_strnfill (5000, 'a');
  g_autofree char *name = g_strnfill (300, 'n');
  g_autofree char *data = g_strdup_printf ("{ \"basics\": { \"name\": \"%s\", \"summary\": \"%s\", "
                                           "\"label\": \"Cook\\u0007\\tand\\nbaker\\u0085\" } }", name, summary);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkResume) resume = jk_resume_load_data (data, strlen (data), &problems, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = problems_text (problems);
  g_assert_cmpstr (text, ==,
                   "warning $.basics.name: is longer than 200 characters and was cut\n"
                   "warning $.basics.summary: is longer than 2000 characters and was cut\n"
                   "warning $.basics.label: had control characters, which were removed\n");
  g_assert_cmpint (g_utf8_strlen (resume->basics.name, -1), ==, JK_RESUME_MAX_LINE);
  g_assert_cmpint (g_utf8_strlen (resume->basics.summary, -1), ==, JK_RESUME_MAX_TEXT);
  /* A tab and a line break in one-line text become spaces. */
  g_assert_cmpstr (resume->basics.label, ==, "Cook and baker");
}

static void
test_long_text_cut_on_characters (void)
{
  GString *data = g_string_new ("{ \"basics\": { \"name\": \"");
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkResume) resume = NULL;

  /* Two-byte and four-byte characters: a cut in the middle of one would
   * leave invalid UTF-8. */
  for (int i = 0; i < 150; i++)
    g_string_append (data, "ñ😀");
  g_string_append (data, "\" } }");
  resume = jk_resume_load_data (data->str, data->len, &problems, &error);
  g_string_free (data, TRUE);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (resume->basics.name, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (resume->basics.name, -1), ==, JK_RESUME_MAX_LINE);
}

static void
round_trip (const char *name)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (JkResume) first = load_fixture (name, &problems);
  g_autofree char *json = jk_resume_to_json (first);
  g_autoptr (GPtrArray) again_problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkResume) second = jk_resume_load_data (json, strlen (json), &again_problems, &error);
  g_autofree char *json_again = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (again_problems->len, ==, 0);
  g_assert_true (jk_resume_equal (first, second));
  json_again = jk_resume_to_json (second);
  g_assert_cmpstr (json, ==, json_again);
}

static void
test_round_trip (void)
{
  round_trip ("complete.json");
  round_trip ("minimal.json");
  round_trip ("accents.json");
  round_trip ("empty-sections.json");
}

static void
test_copy_and_equal (void)
{
  g_autoptr (JkResume) resume = load_fixture ("complete.json", NULL);
  g_autoptr (JkResume) copy = jk_resume_copy (resume);
  JkResumeWork *work;

  g_assert_true (jk_resume_equal (resume, copy));
  work = g_ptr_array_index (copy->work, 1);
  g_free (g_ptr_array_index (work->highlights, 0));
  g_ptr_array_index (work->highlights, 0) = g_strdup ("Something else");
  g_assert_false (jk_resume_equal (resume, copy));
  g_ptr_array_remove_index (copy->work, 1);
  g_assert_false (jk_resume_equal (resume, copy));
}

/* Volunteer work has "organization" for its name, and no location. */
static void
test_volunteer_members (void)
{
  const char data[] = "{ \"basics\": { \"name\": \"A\" }, "
                      "\"volunteer\": [ { \"organization\": \"Food bank\", \"name\": \"x\", \"location\": \"Akron\" } ] }";
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (JkResume) resume = jk_resume_load_data (data, sizeof data - 1, &problems, NULL);
  g_autofree char *text = problems_text (problems);
  JkResumeWork *volunteer = g_ptr_array_index (resume->volunteer, 0);

  g_assert_cmpstr (text, ==,
                   "warning $.volunteer[0].name: is not used by the kiosk and was left out\n"
                   "warning $.volunteer[0].location: is not used by the kiosk and was left out\n");
  g_assert_cmpstr (volunteer->name, ==, "Food bank");
  g_assert_null (volunteer->location);
}

/* Schema order, whatever order the file had. */
static void
test_json_order (void)
{
  const char data[] = "{ \"references\": [ { \"reference\": \"r\", \"name\": \"n\" } ], "
                      "\"basics\": { \"location\": { \"region\": \"OH\", \"city\": \"Akron\" }, \"name\": \"A\" } }";
  g_autoptr (JkResume) resume = jk_resume_load_data (data, sizeof data - 1, NULL, NULL);
  g_autofree char *json = jk_resume_to_json (resume);

  g_assert_cmpstr (json, ==,
                   "{\n"
                   "  \"basics\" : {\n"
                   "    \"name\" : \"A\",\n"
                   "    \"location\" : {\n"
                   "      \"city\" : \"Akron\",\n"
                   "      \"region\" : \"OH\"\n"
                   "    }\n"
                   "  },\n"
                   "  \"references\" : [\n"
                   "    {\n"
                   "      \"name\" : \"n\",\n"
                   "      \"reference\" : \"r\"\n"
                   "    }\n"
                   "  ]\n"
                   "}\n");
}

static void
check_text (const char    *json_name,
            JkResumeOrder  order,
            const char    *language,
            const char    *golden_name)
{
  g_autoptr (JkResume) resume = load_fixture (json_name, NULL);
  g_autofree char *golden_path = fixture_path (golden_name);
  g_autofree char *golden = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;

  jk_i18n_set_language (language);
  text = jk_resume_to_text (resume, order);
  jk_i18n_set_language ("en");
  g_assert_true (g_file_get_contents (golden_path, &golden, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, golden);
  g_assert_null (strchr (text, '\t'));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_cmpint (g_utf8_strlen (lines[i], -1), <=, 80);
}

static void
test_text_golden (void)
{
  check_text ("complete.json", JK_RESUME_ORDER_SKILLS_FIRST, "en", "complete.txt");
  check_text ("complete.json", JK_RESUME_ORDER_CHRONOLOGICAL, "en", "complete-classic.txt");
  check_text ("accents.json", JK_RESUME_ORDER_SKILLS_FIRST, "es", "accents-es.txt");
  check_text ("minimal.json", JK_RESUME_ORDER_SKILLS_FIRST, "en", "minimal.txt");
  check_text ("empty-sections.json", JK_RESUME_ORDER_SKILLS_FIRST, "en", "empty-sections.txt");
}

static void
test_text_empty_sections (void)
{
  const char *headings[] = { "SUMMARY", "SKILLS", "WORK HISTORY", "EDUCATION", "LICENSES AND CERTIFICATES",
                             "VOLUNTEER AND OTHER EXPERIENCE", "AWARDS", "LANGUAGES", "INTERESTS" };
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (JkResume) resume = load_fixture ("empty-sections.json", &problems);
  g_autofree char *text = jk_resume_to_text (resume, JK_RESUME_ORDER_SKILLS_FIRST);
  g_autofree char *json = jk_resume_to_json (resume);

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (resume->work->len, ==, 0);
  g_assert_cmpuint (resume->skills->len, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    g_assert_null (strstr (text, headings[i]));
  /* References are never empty: "Available on request". */
  g_assert_nonnull (strstr (text, "REFERENCES\nAvailable on request\n"));
  g_assert_null (strstr (json, "\"work\""));
  g_assert_null (strstr (json, "location"));
}

static void
test_text_long_word_and_wrap (void)
{
  g_autoptr (JkResume) resume = jk_resume_new ();
  g_autofree char *xs = g_strnfill (150, 'x');
  g_autofree char *url = g_strconcat ("https://example.org/", xs, NULL);
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;

  resume->basics.name = g_strdup ("A");
  resume->basics.summary = g_strdup_printf ("See\t%s for more.", url);
  text = jk_resume_to_text (resume, JK_RESUME_ORDER_SKILLS_FIRST);
  g_assert_null (strchr (text, '\t'));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_cmpint (g_utf8_strlen (lines[i], -1), <=, 80);
  g_assert_cmpstr (lines[3], ==, "See");
  g_assert_true (g_str_has_prefix (lines[4], "https://example.org/xxx"));
  g_assert_cmpint (g_utf8_strlen (lines[4], -1), ==, 80);
}

static void
test_format_date (void)
{
  g_autofree char *month = jk_resume_format_date ("2021-05");
  g_autofree char *day = jk_resume_format_date ("2021-05-17");
  g_autofree char *year = jk_resume_format_date ("2021");
  g_autofree char *spanish = NULL;

  g_assert_cmpstr (month, ==, "May 2021");
  g_assert_cmpstr (day, ==, "May 2021");
  g_assert_cmpstr (year, ==, "2021");
  g_assert_null (jk_resume_format_date (NULL));
  jk_i18n_set_language ("es");
  spanish = jk_resume_format_date ("2021-05");
  jk_i18n_set_language ("en");
  g_assert_cmpstr (spanish, ==, "mayo de 2021");
}

static void
test_too_large_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jk-test-resume-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr (JkResume) resume = NULL;
  int fd;

  g_assert_no_error (error);
  path = g_build_filename (dir, "big.json", NULL);
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  /* 50 MB that take no room on disk. */
  g_assert_cmpint (ftruncate (fd, 50 * 1024 * 1024), ==, 0);
  close (fd);
  resume = jk_resume_load_file (path, NULL, &error);
  g_assert_null (resume);
  g_assert_error (error, JK_RESUME_ERROR, JK_RESUME_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "big.json is larger than 2 MB: too large for a resume, so it was not read");
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

typedef struct {
  char *path;
  GMutex lock;
  GCond cond;
  gboolean reader_done;
  gsize written;
} Pipe;

/* Writes 3 MB into the pipe, then holds it open until the reader has
 * returned: a reader that waited for the end of the data would wait
 * forever, and the test would time out. */
static gpointer
pipe_writer (gpointer data)
{
  Pipe *pipe = data;
  char chunk[65536];
  int fd = g_open (pipe->path, O_WRONLY, 0);

  memset (chunk, ' ', sizeof chunk);
  while (fd >= 0 && pipe->written < 3 * 1024 * 1024)
    {
      ssize_t got = write (fd, chunk, sizeof chunk);

      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        break;
      pipe->written += (gsize) got;
    }
  g_mutex_lock (&pipe->lock);
  while (!pipe->reader_done)
    g_cond_wait (&pipe->cond, &pipe->lock);
  g_mutex_unlock (&pipe->lock);
  if (fd >= 0)
    close (fd);
  return NULL;
}

static void
test_too_large_pipe (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jk-test-resume-XXXXXX", &error);
  g_autoptr (JkResume) resume = NULL;
  Pipe pipe = { 0 };
  GThread *writer;

  g_assert_no_error (error);
  pipe.path = g_build_filename (dir, "pipe.json", NULL);
  g_mutex_init (&pipe.lock);
  g_cond_init (&pipe.cond);
  g_assert_cmpint (mkfifo (pipe.path, 0600), ==, 0);
  writer = g_thread_new ("pipe-writer", pipe_writer, &pipe);
  resume = jk_resume_load_file (pipe.path, NULL, &error);
  g_mutex_lock (&pipe.lock);
  pipe.reader_done = TRUE;
  g_cond_signal (&pipe.cond);
  g_mutex_unlock (&pipe.lock);
  g_thread_join (writer);
  g_assert_null (resume);
  g_assert_error (error, JK_RESUME_ERROR, JK_RESUME_ERROR_TOO_LARGE);
  g_assert_cmpint (g_unlink (pipe.path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_free (pipe.path);
  g_mutex_clear (&pipe.lock);
  g_cond_clear (&pipe.cond);
}

int
main (int   argc,
      char *argv[])
{
  /* The pipe test's writer may write after the reader has closed. */
  signal (SIGPIPE, SIG_IGN);
  jk_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/resume/parse-complete", test_parse_complete);
  g_test_add_func ("/resume/bad-dates", test_bad_dates);
  g_test_add_func ("/resume/wrong-types", test_wrong_types);
  g_test_add_func ("/resume/no-street-address", test_no_street_address);
  g_test_add_func ("/resume/malformed", test_malformed);
  g_test_add_func ("/resume/not-utf8", test_not_utf8);
  g_test_add_func ("/resume/long-and-control-text", test_long_and_control_text);
  g_test_add_func ("/resume/long-text-cut-on-characters", test_long_text_cut_on_characters);
  g_test_add_func ("/resume/round-trip", test_round_trip);
  g_test_add_func ("/resume/copy-and-equal", test_copy_and_equal);
  g_test_add_func ("/resume/volunteer-members", test_volunteer_members);
  g_test_add_func ("/resume/json-order", test_json_order);
  g_test_add_func ("/resume/text-golden", test_text_golden);
  g_test_add_func ("/resume/text-empty-sections", test_text_empty_sections);
  g_test_add_func ("/resume/text-long-word-and-wrap", test_text_long_word_and_wrap);
  g_test_add_func ("/resume/format-date", test_format_date);
  g_test_add_func ("/resume/too-large-file", test_too_large_file);
  g_test_add_func ("/resume/too-large-pipe", test_too_large_pipe);

  return g_test_run ();
}
