/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-document.c: printouts rendered to PDF and read back with pdfinfo, pdftotext and pdffonts */

#include <cairo.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>
#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-usage-chart.h>
#include <jobkiosk/jk-usage.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-orientation.h>

#include "jk-test-log.h"
#include "jk-test-pdf.h"
#include "jk-test-proc.h"

#define HOSTILE_TITLE "<i>Baker</i> & <u>Helper</u>"
#define EMPLOYER "Panadería El Niño 🍞"
#define SOURCE "OhioMeansJobs"

/* Where the PDFs go: a temporary folder, or JK_DOCUMENT_OUTPUT_DIR to keep
 * them for a person to look at. */
static char *output_dir;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static GDateTime *
make_local_time (int year,
                 int month,
                 int day,
                 int hour,
                 int minute)
{
  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

static gint64
make_unix (int year,
           int month,
           int day)
{
  g_autoptr (GDateTime) time = make_local_time (year, month, day, 12, 0);

  return g_date_time_to_unix (time);
}

/* A 300-character address with the usual parts of a tracking link. */
static char *
make_long_url (void)
{
  g_autoptr (GString) url = g_string_new ("https://careers.example.org/jobs/2026/bakery-helper-5531"
                                          "?utm_source=kiosk&utm_medium=print&ref=eastside");

  for (guint i = 0; url->len < 300; i++)
    g_string_append_printf (url, "&k%u=%07u", i, i * 7919);
  g_string_truncate (url, 300);
  g_assert_cmpuint (strlen (url->str), ==, 300);
  return g_string_free (g_steal_pointer (&url), FALSE);
}

/* About 16 KB of description, Spanish and English, paragraphs and
 * bullets, with markers at both ends. */
static char *
make_long_description (void)
{
  g_autoptr (GString) text = g_string_new ("FIRSTPARAGRAPH Buscamos un ayudante de panadería con ganas de aprender. "
                                           "Horario de mañana, café incluido. 😀\n\n");
  guint n = 0;

  while (text->len < 16 * 1024 - 200)
    {
      g_string_append_printf (text, "Paragraph %u: you will mix dough, shape loaves and keep the "
                              "ovens clean. Trabajará con el equipo de producción, limpiará el área "
                              "y atenderá a clientes cuando haga falta. Safety shoes are required "
                              "and provided after the first month.\n\n", ++n);
      if (n % 4 == 0)
        g_string_append (text, "• Lift up to 50 pounds\n• Stand for long periods, de pie durante el turno\n"
                               "• Start at 4:00 AM on weekends; a bullet this long wraps onto a second "
                               "line that lines up with the words above it, not under the bullet\n\n");
    }
  g_string_append (text, "LASTPARAGRAPH Equal opportunity employer.");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static JkJobRecord *
make_record (const char *title,
             const char *employer,
             double      salary_min,
             double      salary_max,
             JkSalaryPeriod period,
             const char *url,
             const char *description)
{
  JkJobRecord *record = g_new0 (JkJobRecord, 1);
  JkJob *job = jk_job_new ();

  job->title = g_strdup (title);
  job->employer = g_strdup (employer);
  job->city = g_strdup ("San José");
  job->state = g_strdup ("OH");
  job->postal_code = g_strdup ("43215");
  job->salary_min = salary_min;
  job->salary_max = salary_max;
  job->salary_period = period;
  job->employment_type = g_strdup ("part-time,temporary");
  job->education = g_strdup ("High school diploma or GED");
  job->description = g_strdup (description);
  job->apply_url = g_strdup (url);
  job->posted = make_unix (2026, 11, 20);
  job->expires = make_unix (2026, 12, 31);
  record->id = 42;
  record->source = g_strdup (SOURCE);
  record->first_seen = job->posted;
  record->job = job;
  return record;
}

static gboolean
have_tools (void)
{
  const char *tools[] = { "pdfinfo", "pdftotext", "pdffonts" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = g_find_program_in_path (tools[i]);

      if (path == NULL)
        {
          g_test_skip_printf ("%s is not installed (poppler-utils)", tools[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* A tool the test cannot do without: a clear failure when it is missing,
 * never a skip that reads as a pass. */
static void
require_tool (const char *tool,
              const char *package)
{
  g_autofree char *path = g_find_program_in_path (tool);

  if (path == NULL)
    g_error ("%s is not installed: install %s (packaging/dev/deps does)", tool, package);
}

/* Rasterizes one page as a printer would see it (150 dpi) and returns
 * what zbarimg reads in it: one decoded symbol per line, as printed. */
static char *
read_qr_codes (const char *pdf_path,
               guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autofree char *prefix = g_strdup_printf ("%s-page%u", pdf_path, page);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  const char *rasterize[] = { "pdftoppm", "-r", "150", "-png", "-f", number, "-l", number, "-singlefile",
                              pdf_path, prefix, NULL };
  const char *decode[] = { "zbarimg", "--raw", "-q", png, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  require_tool ("pdftoppm", "poppler-utils");
  require_tool ("zbarimg", "zbar-tools");
  g_spawn_sync (NULL, (char **) rasterize, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("pdftoppm failed: %s", err);
  g_clear_pointer (&err, g_free);
  /* zbarimg exits 4 when it finds no code: that is for the caller to see. */
  g_spawn_sync (NULL, (char **) decode, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL) && !(WIFEXITED (status) && WEXITSTATUS (status) == 4))
    g_error ("zbarimg failed: %s", err);
  return g_steal_pointer (&out);
}

static char *
save_document (JkDocument *document,
               const char *name)
{
  g_autofree char *path = g_build_filename (output_dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (jk_document_save (document, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
assert_page_size (const char *path,
                  const char *expected)
{
  g_autofree char *info = JK_TEST_PDF_TOOL ("pdfinfo", path);

  if (strstr (info, expected) == NULL)
    g_error ("expected page size %s in:\n%s", expected, info);
}

static char *
pdf_text (const char *path,
          guint       first_page)
{
  g_autofree char *first = g_strdup_printf ("%u", first_page);

  return JK_TEST_PDF_TOOL ("pdftotext", "-f", first, path, "-");
}

/* The text with all white space taken out, to find a value that the
 * layout had to wrap onto several lines. */
/* One image of a PDF as `pdfimages -list` reads it: its page, its pixels,
 * and the size it is drawn at, in points (pixels over pixels per inch). */
typedef struct
{
  guint page;
  guint width;
  guint height;
  double x_ppi;
  double drawn_width;
  double drawn_height;
} PdfImage;

static GArray *
list_pdf_images (const char *path)
{
  g_autofree char *list = NULL;
  g_auto (GStrv) lines = NULL;
  GArray *images = g_array_new (FALSE, TRUE, sizeof (PdfImage));

  require_tool ("pdfimages", "poppler-utils");
  list = JK_TEST_PDF_TOOL ("pdfimages", "-list", path);
  lines = g_strsplit (list, "\n", -1);
  /* Two lines of heading; then page num type width height color comp bpc
   * enc interp object ID x-ppi y-ppi size ratio. A soft mask is not a
   * picture of its own. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr (GPtrArray) words = g_ptr_array_new ();
      PdfImage image = { 0 };
      double y_ppi;

      for (guint j = 0; fields[j] != NULL; j++)
        if (fields[j][0] != '\0')
          g_ptr_array_add (words, fields[j]);
      if (words->len == 0)
        continue;
      g_assert_cmpuint (words->len, >=, 14);
      if (g_strcmp0 (words->pdata[2], "image") != 0)
        continue;
      image.page = (guint) g_ascii_strtoull (words->pdata[0], NULL, 10);
      image.width = (guint) g_ascii_strtoull (words->pdata[3], NULL, 10);
      image.height = (guint) g_ascii_strtoull (words->pdata[4], NULL, 10);
      image.x_ppi = g_ascii_strtod (words->pdata[12], NULL);
      y_ppi = g_ascii_strtod (words->pdata[13], NULL);
      g_assert_cmpfloat (image.x_ppi, >, 0);
      g_assert_cmpfloat (y_ppi, >, 0);
      image.drawn_width = image.width * 72.0 / image.x_ppi;
      image.drawn_height = image.height * 72.0 / y_ppi;
      g_array_append_val (images, image);
    }
  return images;
}

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("\"%s\" not found in the PDF text:\n%s", needle, text);
}

/* For table cells, which wrap where the column ends. */
static void
assert_contains_wrapped (const char *text,
                         const char *needle)
{
  g_autofree char *squeezed_text = squeeze (text);
  g_autofree char *squeezed_needle = squeeze (needle);

  assert_contains (squeezed_text, squeezed_needle);
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Text no column is wide enough for, as tests/data/feeds/job-xml-long-text.xml
 * has it: `length` letters and no space, starting with `start`. */
static char *
make_run (const char *start,
          gsize       length,
          guint       seed)
{
  GString *run = g_string_new (start);

  for (guint i = 0; run->len < length; i++)
    g_string_append_c (run, 'a' + (i * 7 + seed) % 26);
  return g_string_free (run, FALSE);
}

/* The text of every page without its header and footer (a Letter page cut
 * to the band between their rules), so that text flowing from one page to
 * the next reads on unbroken; only what lies between x and x + width (a
 * table's column). */
static char *
pdf_body_text (const char *path,
               int         x,
               int         width)
{
  g_autofree char *x_text = g_strdup_printf ("%d", x);
  g_autofree char *width_text = g_strdup_printf ("%d", width);

  return JK_TEST_PDF_TOOL ("pdftotext", "-x", x_text, "-y", "80", "-W", width_text, "-H", "630", path, "-");
}

/* The pages' size and every word's box, from pdftotext -bbox: each must lie
 * inside the margins (54 pt, with half a point for rounding). */
static void
assert_words_inside (const char *path)
{
  g_autofree char *html = JK_TEST_PDF_TOOL ("pdftotext", "-bbox", path, "-");
  const char *page = strstr (html, "<page width=\"");
  double width, height;
  guint n_words = 0;

  g_assert_nonnull (page);
  width = g_ascii_strtod (page + strlen ("<page width=\""), NULL);
  height = g_ascii_strtod (strstr (page, "height=\"") + strlen ("height=\""), NULL);
  g_assert_cmpfloat (width, >, 500);
  for (const char *word = strstr (html, "<word "); word != NULL; word = strstr (word + 1, "<word "))
    {
      double x_min = g_ascii_strtod (strstr (word, "xMin=\"") + strlen ("xMin=\""), NULL);
      double y_min = g_ascii_strtod (strstr (word, "yMin=\"") + strlen ("yMin=\""), NULL);
      double x_max = g_ascii_strtod (strstr (word, "xMax=\"") + strlen ("xMax=\""), NULL);
      double y_max = g_ascii_strtod (strstr (word, "yMax=\"") + strlen ("yMax=\""), NULL);

      if (x_min < 53.5 || y_min < 53.5 || x_max > width - 53.5 || y_max > height - 53.5)
        {
          g_autofree char *what = g_strndup (strchr (word, '>') + 1, 60);

          g_error ("%s: a word at %.1f,%.1f–%.1f,%.1f is outside the margins of a %.0fx%.0f page: %s", path,
                   x_min, y_min, x_max, y_max, width, height, what);
        }
      n_words++;
    }
  g_assert_cmpuint (n_words, >, 10);
}

static JkDocumentContext
make_context (GDateTime *printed_at)
{
  JkDocumentContext context = { "Eastside Career Center", JK_PAPER_LETTER, printed_at };

  return context;
}

static GPtrArray *
make_log_entries (guint n)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_log_entry_free);
  const char *employers[] = { "Acme Foods", HOSTILE_TITLE, "Hospital San Martín" };
  const char *results[] = { "Applied", "Interview set for Monday at 10:00 AM with the store manager", NULL };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GDate) date = g_date_new_dmy (16 + i % 7, G_DATE_NOVEMBER, 2026);
      g_autofree char *position = g_strdup_printf ("Position %u", i + 1);

      g_ptr_array_add (entries, jk_log_entry_new (date, employers[i % 3], position, (JkContactMethod) (i % 4),
                                                  i % 2 == 0 ? "Ms. Rivera" : "", results[i % 3]));
    }
  return entries;
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

/* The job board as staff named it for visitors ([source NAME]
 * display-name), in the visitor's language. */
static void
test_job_sheet_source_name (void)
{
  g_autoptr (GDateTime) printed_at = make_local_time (2026, 11, 22, 9, 40);
  JkDocumentContext context = make_context (printed_at);
  g_autoptr (JkJobRecord) record = make_record ("Line Cook", EMPLOYER, 16.25, 18.0, JK_SALARY_PERIOD_HOUR,
                                                "https://example.org/apply", "Cook on the line.");
  g_autoptr (JkConfig) config = jk_config_new_defaults ();
  g_autofree char *dir = g_dir_make_tmp ("jk-doc-config-XXXXXX", NULL);
  g_autofree char *conf = g_build_filename (dir, "jobkiosk.conf", NULL);
  g_autoptr (GError) error = NULL;

  if (!have_tools ())
    return;
  g_assert_true (g_file_set_contents (conf, "[source " SOURCE "]\nurl = jobs.xml\n"
                                      "display-name = Ohio Means Jobs\n", -1, NULL));
  g_assert_true (jk_config_load_file (config, conf, &error));
  g_assert_no_error (error);
  context.config = config;
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (JkDocument) document = NULL;
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;

      context.language = i == 0 ? "en" : "es";
      document = jk_document_render (&jk_document_job_sheet, &context, record, &error);
      g_assert_no_error (error);
      path = save_document (document, i == 0 ? "job-sheet-source-en.pdf" : "job-sheet-source-es.pdf");
      text = pdf_text (path, 1);
      assert_contains (text, i == 0 ? "From: Ohio Means Jobs" : "Fuente: Ohio Means Jobs");
      g_assert_null (strstr (text, SOURCE));
    }
  jk_test_remove_tree (dir);
}

static void
test_job_sheet (void)
{
  g_autoptr (GDateTime) printed_at = make_local_time (2026, 11, 22, 9, 40);
  JkDocumentContext context = make_context (printed_at);
  g_autofree char *url = make_long_url ();
  g_autofree char *description = make_long_description ();
  g_autoptr (JkJobRecord) record = make_record (HOSTILE_TITLE, EMPLOYER, 16.25, 18.0, JK_SALARY_PERIOD_HOUR,
                                                url, description);
  g_autoptr (GError) error = NULL;
  g_autoptr (JkDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *later = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *last_page = NULL;
  guint n_pages;

  if (!have_tools ())
    return;
  document = jk_document_job_sheet.render (&context, record, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpstr (jk_document_get_kind (document), ==, "job sheet");
  n_pages = jk_document_get_n_pages (document);
  g_assert_cmpuint (n_pages, >=, 2);
  path = save_document (document, "job-sheet.pdf");

  g_assert_cmpuint (jk_test_pdf_page_count (path), ==, n_pages);
  assert_page_size (path, "612 x 792 pts (letter)");
  jk_test_pdf_assert_fonts_embedded (path);

  text = pdf_text (path, 1);
  assert_contains (text, HOSTILE_TITLE);
  assert_contains (text, "Panadería El Niño");
  assert_contains (text, "San José, OH 43215");
  assert_contains (text, "$16.25–$18.00 an hour");
  assert_contains (text, "Part-time, Temporary");
  assert_contains (text, "High school diploma or GED");
  assert_contains (text, "Posted Nov 20");
  assert_contains (text, "Closes Dec 31");
  /* A source's identifier is never shown: only a name staff gave it. */
  g_assert_null (strstr (text, "From:"));
  g_assert_null (strstr (text, SOURCE));
  assert_contains (text, "How to apply");
  assert_contains (text, "Eastside Career Center");
  assert_contains (text, "Page 1 of");
  assert_contains (text, "Printed Nov 22, 2026 9:40 AM");
  assert_contains (text, "FIRSTPARAGRAPH Buscamos un ayudante de panadería");
  assert_contains (text, "Lift up to 50 pounds");
  /* The address is printed in full, wrapped over several lines. */
  squeezed = squeeze (text);
  assert_contains (squeezed, url);
  assert_contains (text, "https://careers.example.org/");

  /* The description flows on: its end is on a later page, numbered. */
  last_page = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  later = pdf_text (path, 2);
  assert_contains (later, "LASTPARAGRAPH");
  assert_contains (later, last_page);
  g_assert_null (strstr (later, "FIRSTPARAGRAPH"));
}

/* A 20 KB word, a 2 KB address, a 300-character title and employer: every
 * letter printed, wrapped inside the margins over a sane number of pages. */
static void
test_long_text (void)
{
  g_autoptr (GDateTime) printed_at = make_local_time (2026, 11, 22, 9, 40);
  JkDocumentContext context = make_context (printed_at);
  g_autofree char *word = make_run ("Longword", 20 * 1024, 1);
  g_autofree char *url = make_run ("https://apply.example.org/zanesville/LT-2/?ref=kiosk&token=", 2040, 3);
  g_autofree char *title = make_run ("Longtitle", 300, 5);
  g_autofree char *employer = make_run ("Longemployer", 300, 9);
  g_autoptr (JkJobRecord) record = make_record (title, employer, 16.25, 18.0, JK_SALARY_PERIOD_HOUR, url, word);
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_job_record_free);
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_log_entry_free);
  g_autoptr (GDate) date = g_date_new_dmy (20, G_DATE_NOVEMBER, 2026);
  JkSearchLogInput log_input = { "Ana", { 0 }, entries };
  /* The log's employer and position columns: 12% to 32% and 32% to 52%
   * of the body (54 pt to 558 pt), read each on its own. */
  struct
  {
    const JkDocumentKind *kind;
    gconstpointer input;
    const char *name;
    guint max_pages;
    struct
    {
      const char *text;
      int x;
      int width;
    } expected[5];
  } cases[] = {
    { &jk_document_job_sheet, record, "long-text-job-sheet.pdf", 12,
      { { title, 0, 612 }, { employer, 0, 612 }, { url, 0, 612 }, { word, 0, 612 } } },
    { &jk_document_job_list, records, "long-text-job-list.pdf", 4,
      { { title, 0, 612 }, { employer, 0, 612 }, { url, 0, 612 } } },
    { &jk_document_search_log, &log_input, "long-text-search-log.pdf", 4,
      { { employer, 116, 99 }, { title, 217, 99 } } },
  };

  require_tool ("pdftotext", "poppler-utils");
  require_tool ("pdfinfo", "poppler-utils");
  g_assert_cmpuint (strlen (url), ==, 2040);
  g_ptr_array_add (records, jk_job_record_copy (record));
  g_ptr_array_add (records, make_record ("Cook", "Diner", 15, 15, JK_SALARY_PERIOD_HOUR, url, NULL));
  g_ptr_array_add (entries, jk_log_entry_new (date, employer, title, JK_CONTACT_ONLINE, NULL, "Applied"));
  g_date_clear (&log_input.week_start, 1);
  g_date_set_dmy (&log_input.week_start, 16, G_DATE_NOVEMBER, 2026);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JkDocument) document = NULL;
      g_autofree char *path = NULL;
      gint64 started = g_get_monotonic_time ();
      guint n_pages;

      document = cases[i].kind->render (&context, cases[i].input, &error);
      g_assert_no_error (error);
      g_assert_nonnull (document);
      g_test_message ("%s: %u pages in %" G_GINT64_FORMAT " ms", cases[i].name, jk_document_get_n_pages (document),
                      (g_get_monotonic_time () - started) / 1000);
      n_pages = jk_document_get_n_pages (document);
      g_assert_cmpuint (n_pages, >=, 1);
      g_assert_cmpuint (n_pages, <=, cases[i].max_pages);
      path = save_document (document, cases[i].name);
      g_assert_cmpuint (jk_test_pdf_page_count (path), ==, n_pages);
      assert_words_inside (path);
      /* Wrapped over lines, but whole: nothing cut, nothing added. */
      for (guint j = 0; cases[i].expected[j].text != NULL; j++)
        {
          g_autofree char *text = pdf_body_text (path, cases[i].expected[j].x, cases[i].expected[j].width);
          g_autofree char *squeezed = squeeze (text);

          g_assert_null (strstr (squeezed, "Printed"));
          if (strstr (squeezed, cases[i].expected[j].text) == NULL)
            g_error ("%s: %.40s… (%zu bytes) is not printed whole:\n%s", cases[i].name, cases[i].expected[j].text,
                     strlen (cases[i].expected[j].text), text);
        }
    }
}

static void
test_pay_words (void)
{
  struct
  {
    double min;
    double max;
    JkSalaryPeriod period;
    const char *salary_text;
    const char *expected;
  } cases[] = {
    { 45000, 52000, JK_SALARY_PERIOD_YEAR, NULL, "$45,000–$52,000 a year" },
    { 15, 15, JK_SALARY_PERIOD_HOUR, NULL, "$15.00 an hour" },
    { 17.5, NAN, JK_SALARY_PERIOD_HOUR, NULL, "From $17.50 an hour" },
    { NAN, NAN, JK_SALARY_PERIOD_NONE, "DOE <b>competitive</b>", "DOE <b>competitive</b>" },
    { NAN, NAN, JK_SALARY_PERIOD_NONE, NULL, "Pay not listed" },
  };
  JkDocumentContext context = { NULL, JK_PAPER_LETTER, NULL };

  if (!have_tools ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JkJobRecord) record = make_record ("Cook", "Diner", cases[i].min, cases[i].max, cases[i].period,
                                                    NULL, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (JkDocument) document = NULL;
      g_autofree char *name = g_strdup_printf ("pay-%u.pdf", i);
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;

      record->job->salary_text = g_strdup (cases[i].salary_text);
      document = jk_document_job_sheet.render (&context, record, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (jk_document_get_n_pages (document), ==, 1);
      path = save_document (document, name);
      text = pdf_text (path, 1);
      assert_contains (text, cases[i].expected);
      /* No center name configured, no address: still a whole page. */
      assert_contains (text, "Career Center");
      assert_contains (text, "Ask staff at the front desk");
    }
}

static void
test_job_list (void)
{
  g_autoptr (GDateTime) printed_at = make_local_time (2026, 11, 22, 9, 40);
  JkDocumentContext context = make_context (printed_at);
  g_autofree char *url = make_long_url ();
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_job_record_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (JkDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  guint n_pages;

  if (!have_tools ())
    return;
  g_ptr_array_add (records, make_record (HOSTILE_TITLE, EMPLOYER, 16.25, 18.0, JK_SALARY_PERIOD_HOUR, url, NULL));
  for (guint i = 1; i < 9; i++)
    {
      g_autofree char *title = g_strdup_printf ("Warehouse Associate %u", i);
      g_autofree char *short_url = g_strdup_printf ("https://jobs.example.com/apply/%u", 1000 + i);

      g_ptr_array_add (records, make_record (title, "Columbus Logistics", 40000 + i * 1000, NAN,
                                             JK_SALARY_PERIOD_YEAR, short_url, "Unused here."));
    }

  document = jk_document_job_list.render (&context, records, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jk_document_get_kind (document), ==, "job list");
  n_pages = jk_document_get_n_pages (document);
  /* Several to a page, but nine do not fit on one. */
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_cmpuint (n_pages, <=, 3);
  path = save_document (document, "job-list.pdf");
  g_assert_cmpuint (jk_test_pdf_page_count (path), ==, n_pages);
  assert_page_size (path, "612 x 792 pts (letter)");
  jk_test_pdf_assert_fonts_embedded (path);

  text = pdf_text (path, 1);
  assert_contains (text, "My saved jobs");
  assert_contains (text, "9 jobs");
  assert_contains (text, HOSTILE_TITLE);
  assert_contains (text, "Panadería El Niño");
  assert_contains (text, "$16.25–$18.00 an hour");
  assert_contains (text, "From $41,000 a year");
  assert_contains (text, "Page 1 of");
  squeezed = squeeze (text);
  assert_contains (squeezed, url);
  g_clear_pointer (&text, g_free);
  text = pdf_text (path, 2);
  assert_contains (text, "Warehouse Associate 8");
  assert_contains (text, "https://jobs.example.com/apply/1008");
}

static void
test_search_log (void)
{
  g_autoptr (GDateTime) printed_at = make_local_time (2026, 11, 22, 9, 40);
  JkDocumentContext context = make_context (printed_at);
  g_autoptr (GPtrArray) entries = make_log_entries (3);
  JkSearchLogInput input = { "María José Núñez", { 0 }, entries };
  g_autoptr (GError) error = NULL;
  g_autoptr (JkDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!have_tools ())
    return;
  g_date_set_dmy (&input.week_start, 16, G_DATE_NOVEMBER, 2026);
  document = jk_document_search_log.render (&context, &input, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jk_document_get_kind (document), ==, "job search log");
  g_assert_cmpuint (jk_document_get_n_pages (document), ==, 1);
  path = save_document (document, "search-log.pdf");
  g_assert_cmpuint (jk_test_pdf_page_count (path), ==, 1);
  assert_page_size (path, "612 x 792 pts (letter)");
  jk_test_pdf_assert_fonts_embedded (path);

  text = pdf_text (path, 1);
  assert_contains (text, "Job Search Log");
  assert_contains (text, "Name:");
  assert_contains (text, "María José Núñez");
  assert_contains (text, "Week of Nov 16 – Nov 22, 2026");
  assert_contains (text, "Employer");
  assert_contains (text, "Position");
  assert_contains_wrapped (text, "Acme Foods");
  assert_contains_wrapped (text, HOSTILE_TITLE);
  assert_contains_wrapped (text, "Hospital San Martín");
  assert_contains_wrapped (text, "Interview set for Monday at 10:00 AM with the store manager");
  assert_contains (text, "Position 3");
  assert_contains (text, "Online");
  assert_contains (text, "In person");
  assert_contains (text, "Phone");
  assert_contains (text, "Ms. Rivera");
  assert_contains (text, "Nov 16");
  assert_contains (text, "Nov 18");
  assert_contains (text, "I certify that the information above is true.");
  assert_contains (text, "Signature:");
  assert_contains (text, "Date:");
  assert_contains (text, "Page 1 of 1");
}

/* A blank form when there is nothing to print yet, and the header row
 * again on every page when there is a lot. */
static void
test_search_log_edges (void)
{
  g_autoptr (GDateTime) printed_at = make_local_time (2026, 11, 22, 9, 40);
  JkDocumentContext context = make_context (printed_at);
  g_autoptr (GPtrArray) many = make_log_entries (30);
  JkSearchLogInput blank_input = { NULL, { 0 }, NULL };
  JkSearchLogInput long_input = { "", { 0 }, many };
  g_autoptr (GError) error = NULL;
  g_autoptr (JkDocument) blank = NULL;
  g_autoptr (JkDocument) long_log = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *second = NULL;

  if (!have_tools ())
    return;
  blank = jk_document_search_log.render (&context, &blank_input, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jk_document_get_n_pages (blank), ==, 1);
  path = save_document (blank, "search-log-blank.pdf");
  text = pdf_text (path, 1);
  assert_contains (text, "Name:");
  assert_contains (text, "Week of:");
  assert_contains (text, "Signature:");
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);

  long_log = jk_document_search_log.render (&context, &long_input, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jk_document_get_n_pages (long_log), >=, 2);
  path = save_document (long_log, "search-log-long.pdf");
  second = pdf_text (path, 2);
  assert_contains (second, "Employer");
  assert_contains (second, "Result");
  assert_contains (second, "Position 30");
  text = pdf_text (path, 1);
  g_assert_cmpuint (count_occurrences (text, "Position 1\n") + count_occurrences (second, "Position 1\n"), ==, 1);
}

/* A check-in's slip: the time, service and room, or a walk-in's number;
 * nothing else (there is no name to print: the input has none). */
static void
test_checkin_slip (void)
{
  g_autoptr (GDateTime) printed_at = make_local_time (2026, 11, 22, 9, 40);
  g_autoptr (GDateTime) starts = make_local_time (2026, 11, 22, 10, 30);
  JkDocumentContext context = make_context (printed_at);
  JkCheckinSlipInput appointment = { g_date_time_to_unix (starts), "Career Services", "Room 2", 0 };
  JkCheckinSlipInput walk_in = { 0, NULL, NULL, 17 };
  g_autoptr (GError) error = NULL;
  g_autoptr (JkDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!have_tools ())
    return;
  document = jk_document_render (&jk_document_checkin_slip, &context, &appointment, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jk_document_get_n_pages (document), ==, 1);
  path = save_document (document, "checkin-slip.pdf");
  text = pdf_text (path, 1);
  assert_contains (text, "10:30");
  assert_contains (text, "Career Services");
  assert_contains (text, "Room 2");
  g_clear_pointer (&document, jk_document_free);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);

  document = jk_document_render (&jk_document_checkin_slip, &context, &walk_in, &error);
  g_assert_no_error (error);
  path = save_document (document, "checkin-slip-walk-in.pdf");
  text = pdf_text (path, 1);
  assert_contains (text, "17");
}

/* A referral's slip: the reference big, the partner, the service, the
 * date, the number partly hidden and what to do if nobody calls. */
static void
test_referral_slip (void)
{
  g_autoptr (GDateTime) printed_at = make_local_time (2026, 11, 22, 9, 40);
  JkDocumentContext context = make_context (printed_at);
  JkReferralSlipInput input = { "R-7K3M", "Little Steps Child Center", "Child Care Vouchers", "(xxx) xxx-xx23" };
  g_autoptr (GError) error = NULL;
  g_autoptr (JkDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!have_tools ())
    return;
  g_assert_true (jk_document_kind_lookup ("referral slip") == &jk_document_referral_slip);
  document = jk_document_render (&jk_document_referral_slip, &context, &input, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jk_document_get_n_pages (document), ==, 1);
  path = save_document (document, "referral-slip.pdf");
  text = pdf_text (path, 1);
  assert_contains (text, "R-7K3M");
  assert_contains (text, "Little Steps Child Center");
  assert_contains (text, "Child Care Vouchers");
  assert_contains (text, "November 22, 2026");
  assert_contains (text, "(xxx) xxx-xx23");
  assert_contains (text, "If nobody calls you");
}

/* The test page: the center, the kiosk, the printer and when, in words
 * saying it works; one page. */
static void
test_test_page (void)
{
  g_autoptr (GDateTime) printed_at = make_local_time (2026, 11, 22, 9, 40);
  JkDocumentContext context = make_context (printed_at);
  JkTestPageInput input = { "Kiosk 2", "front-desk-laser" };
  g_autoptr (GError) error = NULL;
  g_autoptr (JkDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!have_tools ())
    return;
  g_assert_true (jk_document_kind_lookup ("test page") == &jk_document_test_page);
  document = jk_document_render (&jk_document_test_page, &context, &input, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jk_document_get_n_pages (document), ==, 1);
  path = save_document (document, "test-page.pdf");
  text = pdf_text (path, 1);
  assert_contains (text, context.center_name);
  assert_contains (text, "Kiosk 2");
  assert_contains (text, "front-desk-laser");
  assert_contains (text, "the printer works");
  assert_contains (text, "November 22");
  assert_contains (text, "9:40");
}

/* The usage report prints the bars as staff saw them: a year's from its
 * days' totals, a day too small to show as "fewer than 5". */
static void
test_usage_report (void)
{
  g_autoptr (GDateTime) printed_at = make_local_time (2026, 11, 22, 9, 40);
  JkDocumentContext context = make_context (printed_at);
  g_autoptr (GPtrArray) totals = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_usage_total_free);
  g_autoptr (GArray) bars = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  JkUsageReportInput input = { "2026-11-20", "2026-11-22", "visits", NULL };
  const struct { const char *day; gint64 count; } days[] = { { "2026-11-20", 41 }, { "2026-11-21", 3 } };

  if (!have_tools ())
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (days); i++)
    {
      JkUsageTotal *total = g_new0 (JkUsageTotal, 1);

      g_strlcpy (total->day, days[i].day, sizeof total->day);
      total->what = g_strdup ("visits");
      total->count = days[i].count;
      g_ptr_array_add (totals, total);
    }
  bars = jk_usage_bars_from_totals (totals, "visits", input.first_day, input.last_day);
  g_assert_cmpuint (bars->len, ==, 3);
  input.bars = bars;
  document = jk_document_render (&jk_document_usage_report, &context, &input, &error);
  g_assert_no_error (error);
  path = save_document (document, "usage-report.pdf");
  text = pdf_text (path, 1);
  assert_contains (text, "Kiosk usage");
  assert_contains (text, "2026-11-20 to 2026-11-22");
  assert_contains (text, "41");
  assert_contains (text, "fewer than 5");
  g_assert_null (strstr (text, "\n3\n"));
}

static JkTrainingProgram *
make_program (void)
{
  JkTrainingProgram *p = g_new0 (JkTrainingProgram, 1);

  p->id = 7;
  p->provider = g_strdup ("Instituto Hispano de Capacitación Laboral");
  p->program = g_strdup ("Auxiliar de Enfermería / Nurse Aide");
  p->cip = g_strdup ("51.3902");
  p->credential = g_strdup ("Certificate (STNA)");
  p->weeks = 6;
  p->hours = 120;
  p->cost_cents = 120000;
  p->mode = g_strdup ("In person");
  p->schedule = g_strdup ("Evenings");
  p->address = g_strdup ("1200 Morse Rd");
  p->city = g_strdup ("Columbus");
  p->state = g_strdup ("OH");
  p->postal_code = g_strdup ("43230");
  p->phone = g_strdup ("614-555-0102");
  p->url = g_strdup ("https://example.org/instituto-hispano/stna?from=kiosk");
  p->completion_rate = 92;
  p->employment_rate = 88;
  p->median_earnings = 7600;
  p->distance_miles = NAN;
  p->pay = NAN;
  p->demo = TRUE;
  return p;
}

/* A training program on one page: provider, address, phone, schedule,
 * length, cost, credential, mode, outcomes in plain words, the WIOA line,
 * the center and the date, "Demo data", and its link read back from the
 * QR code; in Spanish too; without outcomes, cost or link it says so. */
static void
test_program_sheet (void)
{
  g_autoptr (GDateTime) printed_at = make_local_time (2026, 11, 22, 9, 40);
  JkDocumentContext context = make_context (printed_at);
  g_autoptr (JkTrainingProgram) program = make_program ();
  gpointer copy = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *read = NULL;

  if (!have_tools ())
    return;
  g_assert_true (jk_document_kind_lookup ("program sheet") == &jk_document_program_sheet);
  /* The copy is the render thread's own. */
  copy = jk_document_program_sheet.copy_input (program);
  g_clear_pointer (&program->provider, g_free);
  program->provider = g_strdup ("changed after the copy");
  document = jk_document_render (&jk_document_program_sheet, &context, copy, &error);
  jk_document_program_sheet.free_input (copy);
  g_assert_no_error (error);
  g_assert_cmpuint (jk_document_get_n_pages (document), ==, 1);
  g_assert_cmpstr (jk_document_get_kind (document), ==, "program sheet");
  path = save_document (document, "program-sheet.pdf");
  jk_test_pdf_assert_fonts_embedded (path);
  text = jk_test_pdf_text (path);
  assert_contains (text, "Training program");
  assert_contains (text, "Auxiliar de Enfermería / Nurse Aide");
  assert_contains (text, "Instituto Hispano de Capacitación Laboral");
  g_assert_null (strstr (text, "changed after the copy"));
  assert_contains (text, "1200 Morse Rd, Columbus, OH 43230");
  assert_contains (text, "Phone: 614-555-0102");
  assert_contains (text, "Length: 6 weeks (120 hours)");
  assert_contains (text, "Cost: $1,200");
  assert_contains (text, "Credential: Certificate (STNA)");
  assert_contains (text, "How it is taught: In person");
  assert_contains (text, "Schedule: Evenings");
  assert_contains (text, "Out of every 100 people who started, 92 finished.");
  assert_contains (text, "88 had a job about six months");
  assert_contains (text, "more than $7,600");
  {
    g_autofree char *squeezed = squeeze (text);

    /* The line may wrap. */
    assert_contains (squeezed, "WIOAmaypayforthis:askstaffaboutanIndividualTrainingAccount");
  }
  assert_contains (text, "Demo data");
  assert_contains (text, "Eastside Career Center");
  assert_contains (text, "Printed Nov 22, 2026 9:40 AM");
  read = read_qr_codes (path, 1);
  g_assert_cmpstr (read, ==, "https://example.org/instituto-hispano/stna?from=kiosk\n");
  g_clear_pointer (&document, jk_document_free);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);

  /* In the visitor's Spanish. */
  context.language = "es";
  document = jk_document_render (&jk_document_program_sheet, &context, program, &error);
  g_assert_no_error (error);
  path = save_document (document, "program-sheet-es.pdf");
  text = jk_test_pdf_text (path);
  assert_contains (text, "Programa de capacitación");
  assert_contains (text, "Duración: 6 semanas (120 horas)");
  assert_contains (text, "Modalidad: In person");
  assert_contains (text, "WIOA podría pagar esto");
  g_assert_null (strstr (text, "WIOA may pay"));
  g_assert_null (strstr (text, "Length:"));
  g_clear_pointer (&document, jk_document_free);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);
  context.language = NULL;

  /* What the list does not give: no outcomes, no cost, no link, not demo. */
  program->completion_rate = program->employment_rate = program->median_earnings = NAN;
  program->cost_cents = -1;
  program->weeks = NAN;
  g_clear_pointer (&program->url, g_free);
  g_clear_pointer (&program->phone, g_free);
  program->demo = FALSE;
  document = jk_document_render (&jk_document_program_sheet, &context, program, &error);
  g_assert_no_error (error);
  path = save_document (document, "program-sheet-bare.pdf");
  text = jk_test_pdf_text (path);
  assert_contains (text, "Length: 120 hours");
  assert_contains (text, "Cost: Not listed");
  assert_contains (text, "does not give results for this program yet");
  assert_contains (text, "WIOA may pay for this");
  g_assert_null (strstr (text, "Demo data"));
  g_assert_null (strstr (text, "Phone:"));
  g_assert_null (strstr (text, "web page"));
}

/* A partner service's referral slip: the service and organization, the
 * address, hours, phone, who can get it, what to bring, the center and
 * the date, and its card read back from the QR code; in Spanish too. */
static void
test_service_slip (void)
{
  g_autoptr (GDateTime) printed_at = make_local_time (2026, 11, 22, 9, 40);
  JkDocumentContext context = make_context (printed_at);
  char *languages[] = { "English", "Spanish", NULL };
  char *categories[] = { "childcare", NULL };
  JkService service = {
    .id = 7,
    .organization = "Little Steps Child Center (demo)",
    .name = "Child Care While You Work",
    .description = "Child care for children 6 weeks to 12 years while parents work.",
    .address = "410 Oak St",
    .city = "Columbus",
    .state = "OH",
    .postal_code = "43205",
    .phone = "614-555-0101",
    .eligibility = "Parents who work, or are in training",
    .fees = "Sliding scale",
    .hours = "Open now until 6:30 PM",
    .open_now = JK_SERVICE_OPEN,
    .languages = languages,
    .categories = categories,
  };
  /* The demo directory's schedule for this service (svc-1). */
  JkServiceSchedule weekdays = { .days = jk_services_parse_days ("MO,TU,WE,TH,FR"), .opens = 6 * 60 + 30,
                                 .closes = 18 * 60 + 30 };
  g_autoptr (GPtrArray) schedules = g_ptr_array_new ();
  g_autofree char *week_hours = NULL;
  gpointer copy = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *read = NULL;
  g_autofree char *card = NULL;
  g_autofree char *card_read = NULL;

  if (!have_tools ())
    return;
  g_ptr_array_add (schedules, &weekdays);
  week_hours = jk_services_week_words (schedules);
  service.week_hours = week_hours;
  g_assert_true (jk_document_kind_lookup ("service slip") == &jk_document_service_slip);
  copy = jk_document_service_slip.copy_input (&service);
  document = jk_document_render (&jk_document_service_slip, &context, copy, &error);
  jk_document_service_slip.free_input (copy);
  g_assert_no_error (error);
  g_assert_cmpuint (jk_document_get_n_pages (document), ==, 1);
  path = save_document (document, "service-slip.pdf");
  jk_test_pdf_assert_fonts_embedded (path);
  text = jk_test_pdf_text (path);
  assert_contains (text, "Referral slip");
  assert_contains (text, "Child Care While You Work");
  assert_contains (text, "Little Steps Child Center (demo)");
  assert_contains (text, "Address: 410 Oak St, Columbus, OH 43205");
  /* The week, not "open now", which is stale once on paper. */
  assert_contains (text, "Hours: Monday to Friday: 6:30 AM to 6:30 PM");
  g_assert_null (strstr (text, "Open now"));
  assert_contains (text, "Phone: 614-555-0101");
  assert_contains (text, "Languages spoken: English, Spanish");
  assert_contains (text, "Who can get it: Parents who work, or are in training");
  assert_contains (text, "Cost: Sliding scale");
  assert_contains (text, "What to bring: Bring a photo ID and proof of address.");
  assert_contains (text, "Eastside Career Center");
  assert_contains (text, "Printed Nov 22, 2026 9:40 AM");
  /* No link: the QR code is the service's card, as the window shows it. */
  read = read_qr_codes (path, 1);
  card = jk_services_vcard (&service);
  /* zbarimg ends each symbol with a newline. */
  card_read = g_strconcat (card, "\n", NULL);
  g_assert_cmpstr (read, ==, card_read);
  g_assert_nonnull (strstr (read, "FN:Child Care While You Work"));
  g_assert_nonnull (strstr (read, "ORG:Little Steps Child Center (demo)"));
  g_assert_nonnull (strstr (read, "TEL;TYPE=WORK,VOICE:614-555-0101"));
  g_assert_nonnull (strstr (read, "ADR;TYPE=WORK:;;410 Oak St;Columbus;OH;43205;"));
  g_clear_pointer (&document, jk_document_free);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&read, g_free);

  context.language = "es";
  service.url = "https://example.org/demo/org-1";
  /* No week known: the words there are, as they were. */
  service.week_hours = NULL;
  document = jk_document_render (&jk_document_service_slip, &context, &service, &error);
  g_assert_no_error (error);
  path = save_document (document, "service-slip-es.pdf");
  text = jk_test_pdf_text (path);
  assert_contains (text, "Hoja de referencia");
  assert_contains (text, "Dirección: 410 Oak St");
  assert_contains (text, "Qué llevar:");
  assert_contains (text, "Open now until 6:30 PM");
  g_assert_null (strstr (text, "What to bring"));
  read = read_qr_codes (path, 1);
  g_assert_cmpstr (read, ==, "https://example.org/demo/org-1\n");
}

static void
test_a4 (void)
{
  JkDocumentContext context = { "Eastside Career Center", JK_PAPER_A4, NULL };
  g_autoptr (GPtrArray) entries = make_log_entries (2);
  JkSearchLogInput input = { "Ana", { 0 }, entries };
  g_autoptr (GError) error = NULL;
  g_autoptr (JkDocument) document = NULL;
  g_autofree char *path = NULL;

  if (!have_tools ())
    return;
  document = jk_document_search_log.render (&context, &input, &error);
  g_assert_no_error (error);
  path = save_document (document, "search-log-a4.pdf");
  assert_page_size (path, "(A4)");
}

static void
test_preview (void)
{
  g_autoptr (JkJobRecord) record = make_record (HOSTILE_TITLE, EMPLOYER, 16.25, 18.0, JK_SALARY_PERIOD_HOUR,
                                                "https://jobs.example.com/apply/7", "A short description.");
  g_autoptr (GError) error = NULL;
  g_autoptr (JkDocument) document = jk_document_job_sheet.render (NULL, record, &error);
  cairo_surface_t *surface;
  const guint8 *data;
  int stride;
  gboolean all_white = TRUE;

  g_assert_no_error (error);
  surface = jk_document_render_preview (document, 0, 400);
  g_assert_nonnull (surface);
  g_assert_cmpint (cairo_surface_get_type (surface), ==, CAIRO_SURFACE_TYPE_IMAGE);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 400);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (400.0 * 792 / 612));
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface) && all_white; y++)
    for (int x = 0; x < 400 && all_white; x++)
      if ((((const guint32 *) (data + y * stride))[x] & 0xffffff) != 0xffffff)
        all_white = FALSE;
  g_assert_false (all_white);
  cairo_surface_destroy (surface);

  g_assert_null (jk_document_render_preview (document, 1, 400));
  g_assert_null (jk_document_render_preview (document, 0, 0));
}

static gpointer
render_in_thread (gpointer data)
{
  JkJobRecord *record = data;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JkDocument) document = jk_document_job_sheet.render (NULL, record, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (jk_document_get_pdf (document)), >, 1000);
    }
  return NULL;
}

typedef struct {
  const JkSearchLogInput *input;
  JkDocument *document;
} SpanishRender;

static gpointer
render_spanish_in_thread (gpointer data)
{
  SpanishRender *render = data;
  g_autoptr (GDateTime) printed_at = make_local_time (2026, 11, 22, 9, 40);
  JkDocumentContext context = make_context (printed_at);
  g_autoptr (GError) error = NULL;

  context.language = "es";
  render->document = jk_document_render (&jk_document_search_log, &context, render->input, &error);
  g_assert_no_error (error);
  /* The thread's own language ended with the render. */
  g_assert_cmpstr (_("Job Search Log"), ==, "Job Search Log");
  return NULL;
}

/* A printout is rendered on a worker in the language the visitor had when
 * they asked, whatever the kiosk shows meanwhile: the language goes with
 * the render, not through the process. */
static void
test_rendered_in_visitors_language (void)
{
  g_autoptr (GPtrArray) entries = make_log_entries (1);
  JkSearchLogInput input = { "María José Núñez", { 0 }, entries };
  SpanishRender render = { &input, NULL };
  g_autoptr (JkDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!have_tools ())
    return;
  g_date_set_dmy (&input.week_start, 16, G_DATE_NOVEMBER, 2026);
  g_assert_cmpstr (jk_i18n_get_language (), ==, "en");
  g_thread_join (g_thread_new ("render", render_spanish_in_thread, &render));
  document = render.document;
  path = save_document (document, "search-log-es.pdf");
  text = pdf_text (path, 1);
  assert_contains (text, "Registro de búsqueda de empleo");
  g_assert_null (strstr (text, "Job Search Log"));
  /* The main thread kept the kiosk's language. */
  g_assert_cmpstr (_("Job Search Log"), ==, "Job Search Log");
}

/* Print jobs render in GTask threads, several at once. */
static void
test_threads (void)
{
  g_autoptr (JkJobRecord) record = make_record ("Cashier", "Corner Market", 14, 15, JK_SALARY_PERIOD_HOUR,
                                                "https://jobs.example.com/apply/9", "Ring up sales.\n\n• Count the drawer");
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("render", render_in_thread, record);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

/* The apply link read back from the printed page with a real decoder,
 * byte for byte: a 300-character tracking link and a short one. */
static void
test_job_sheet_qr (void)
{
  g_autofree char *long_url = make_long_url ();
  const char *urls[] = { long_url, "https://jobs.example.com/apply/7" };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr (JkJobRecord) record = make_record ("Cook", "Diner", 15, 15, JK_SALARY_PERIOD_HOUR, urls[i],
                                                    "Cook breakfast.");
      g_autoptr (GError) error = NULL;
      g_autoptr (JkDocument) document = jk_document_job_sheet.render (NULL, record, &error);
      g_autofree char *name = g_strdup_printf ("job-sheet-qr-%u.pdf", i);
      g_autofree char *path = NULL;
      g_autofree char *read = NULL;
      g_autofree char *expected = g_strconcat (urls[i], "\n", NULL);

      g_assert_no_error (error);
      path = save_document (document, name);
      read = read_qr_codes (path, 1);
      g_assert_cmpstr (read, ==, expected);
    }
}

/* The list's smaller codes read back too, each with its own link. */
static void
test_job_list_qr (void)
{
  g_autofree char *long_url = make_long_url ();
  const char *urls[] = { long_url, "https://jobs.example.com/apply/1001" };
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_job_record_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (JkDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *read = NULL;
  g_auto (GStrv) lines = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    g_ptr_array_add (records, make_record ("Cook", "Diner", 15, 15, JK_SALARY_PERIOD_HOUR, urls[i], NULL));
  document = jk_document_job_list.render (NULL, records, &error);
  g_assert_no_error (error);
  path = save_document (document, "job-list-qr.pdf");
  read = read_qr_codes (path, 1);
  lines = g_strsplit (read, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (urls) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    g_assert_true (g_strv_contains ((const char *const *) lines, urls[i]));
}

/* Each kind is found by its id, and renders from a copy of its input
 * once the caller's own input is gone, as the render thread does. */
static void
test_kinds (void)
{
  const JkDocumentKind *const all[] = { &jk_document_job_sheet, &jk_document_job_list, &jk_document_search_log };
  JkJobRecord *record = make_record ("Cook", "Diner", 15, 15, JK_SALARY_PERIOD_HOUR,
                                     "https://jobs.example.com/apply/3", "Cook breakfast.");
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_job_record_free);
  JkSearchLogInput *log = g_new0 (JkSearchLogInput, 1);
  gpointer inputs[3];

  g_ptr_array_add (records, jk_job_record_copy (record));
  log->visitor_name = g_strdup ("Ana");
  g_date_set_dmy (&log->week_start, 16, G_DATE_NOVEMBER, 2026);
  log->entries = make_log_entries (2);
  inputs[0] = jk_document_job_sheet.copy_input (record);
  inputs[1] = jk_document_job_list.copy_input (records);
  inputs[2] = jk_document_search_log.copy_input (log);
  jk_job_record_free (record);
  g_ptr_array_unref (records);
  jk_document_search_log.free_input (log);

  g_assert_null (jk_document_kind_lookup ("resume of someone"));
  g_assert_null (jk_document_kind_lookup (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JkDocument) document = NULL;

      g_assert_true (jk_document_kind_lookup (all[i]->id) == all[i]);
      g_assert_nonnull (all[i]->title);
      document = all[i]->render (NULL, inputs[i], &error);
      g_assert_no_error (error);
      g_assert_cmpstr (jk_document_get_kind (document), ==, all[i]->id);
      g_assert_cmpuint (jk_document_get_n_pages (document), ==, 1);
      all[i]->free_input (inputs[i]);
    }
}

static void
test_log_entry (void)
{
  g_autoptr (GDate) date = g_date_new_dmy (18, G_DATE_NOVEMBER, 2026);
  g_autoptr (JkLogEntry) entry = jk_log_entry_new (date, "Acme", "Cook", JK_CONTACT_IN_PERSON, "", NULL);
  char employer[] = "Mutable";
  g_autoptr (JkLogEntry) copied = jk_log_entry_new (NULL, employer, "Cook", JK_CONTACT_EMAIL, "Sam", "Applied");

  g_assert_cmpint (g_date_compare (&entry->date, date), ==, 0);
  g_assert_cmpstr (entry->employer, ==, "Acme");
  g_assert_null (entry->contact);
  g_assert_null (entry->result);
  employer[0] = 'X';
  g_assert_cmpstr (copied->employer, ==, "Mutable");
  g_assert_false (g_date_valid (&copied->date));
  g_assert_cmpstr (copied->contact, ==, "Sam");
  g_assert_cmpstr (jk_contact_method_to_label (JK_CONTACT_ONLINE), ==, "Online");
  g_assert_cmpstr (jk_contact_method_to_label (JK_CONTACT_IN_PERSON), ==, "In person");
  g_assert_cmpstr (jk_contact_method_to_label (JK_CONTACT_PHONE), ==, "Phone");
  g_assert_cmpstr (jk_contact_method_to_label (JK_CONTACT_EMAIL), ==, "Email");
}

/* Pictures for the orientation tests: a wide one (two to one) and a tall
 * one (one to five), each with a filled background so it is drawn opaque. */
#define DOOR_SVG \
  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"200\" viewBox=\"0 0 400 200\">" \
  "<rect width=\"400\" height=\"200\" fill=\"#e8f1fb\"/>" \
  "<rect x=\"150\" y=\"30\" width=\"100\" height=\"170\" fill=\"#8a5a2b\"/>" \
  "<circle cx=\"230\" cy=\"120\" r=\"8\" fill=\"#f5c542\"/></svg>"
#define TOWER_SVG \
  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"500\" viewBox=\"0 0 100 500\">" \
  "<rect width=\"100\" height=\"500\" fill=\"#dde3ea\"/>" \
  "<rect x=\"25\" y=\"40\" width=\"50\" height=\"460\" fill=\"#5b6b7a\"/></svg>"

#define N_DOORS 6

/* A picture on paper: on a page of the document, inside the Letter page's
 * 54 pt margins (no wider than the column, no taller than a third of the
 * page), and at twice the points in pixels at least, for print. */
static void
assert_picture_fits (const PdfImage *image,
                     guint           n_pages)
{
  g_test_message ("picture on page %u: %ux%u px drawn %.1fx%.1f pt", image->page, image->width, image->height,
                  image->drawn_width, image->drawn_height);
  g_assert_cmpuint (image->page, >=, 1);
  g_assert_cmpuint (image->page, <=, n_pages);
  g_assert_cmpfloat (image->drawn_width, <=, 612 - 2 * 54 + 0.5);
  g_assert_cmpfloat (image->drawn_height, <=, 792.0 / 3 + 0.5);
  g_assert_cmpfloat (image->x_ppi, >=, 143);
}

/* An orientation page on paper: its title, its words without their
 * Markdown marks, text that looks like markup printed as written, its
 * lists with their markers and numbers, its picture drawn in its place and
 * a picture whose file is missing printed as its words; a long page flows
 * onto a second inside the margins; Spanish pages in Spanish, with their
 * picture. */
static void
test_orientation_page (void)
{
  const char *markdown =
    "# Your first visit\n"
    "\n"
    "Come in **any day** from *9 to 5*. Bring <b>your ID</b> & a pen.\n"
    "\n"
    "![A desk with a person behind it](desk.svg)\n"
    "\n"
    "![An open door](door.svg)\n"
    "\n"
    "## Steps\n"
    "\n"
    "3. Sign in at the desk\n"
    "4. Meet your helper\n"
    "\n"
    "- Child care\n"
    "  - Rides to work\n";
  g_autoptr (GDateTime) printed_at = make_local_time (2026, 11, 22, 9, 40);
  JkDocumentContext context = make_context (printed_at);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) blocks = NULL;
  g_autoptr (GString) long_page = g_string_new ("# A long page\n\n");
  g_autoptr (GPtrArray) long_blocks = NULL;
  g_autofree char *shipped = g_build_filename (jk_get_pkgdatadir (), "orientation", NULL);
  g_autofree char *bring = g_build_filename (shipped, "es", "02-bring.md", NULL);
  g_autoptr (GPtrArray) spanish_blocks = NULL;
  JkOrientationDocInput input = { NULL };
  g_autoptr (JkDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *door = g_build_filename (output_dir, "door.svg", NULL);
  g_autofree char *desk = g_build_filename (output_dir, "desk.svg", NULL);
  g_autoptr (GArray) images = NULL;

  if (!have_tools ())
    return;
  /* A wide picture; the desk's file is not there. */
  g_assert_true (g_file_set_contents (door, DOOR_SVG, -1, NULL));
  g_assert_false (g_file_test (desk, G_FILE_TEST_EXISTS));
  blocks = jk_orientation_parse (markdown, -1, "first.md", output_dir, output_dir, &error);
  g_assert_no_error (error);
  input.blocks = blocks;
  g_assert_true (jk_document_kind_lookup ("orientation page") == &jk_document_orientation);
  document = jk_document_render (&jk_document_orientation, &context, &input, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jk_document_get_n_pages (document), ==, 1);
  path = save_document (document, "orientation-page.pdf");
  text = pdf_text (path, 1);
  g_test_message ("%s", text);
  assert_contains (text, context.center_name);
  assert_contains (text, "Your first visit");
  assert_contains (text, "Come in any day from 9 to 5.");
  assert_contains (text, "Bring <b>your ID</b> & a pen.");
  assert_contains (text, "Steps");
  assert_contains (text, "3. Sign in at the desk");
  assert_contains (text, "4. Meet your helper");
  assert_contains (text, "• Child care");
  assert_contains (text, "◦ Rides to work");
  g_assert_null (strstr (text, "**"));
  g_assert_null (strstr (text, "&amp;"));
  /* The missing picture's words stand in for it, its file name never. */
  assert_contains (text, "A desk with a person behind it");
  g_assert_null (strstr (text, "desk.svg"));
  /* The door is a picture, not words: once, on the page, inside the
   * column and a third of the page, at a resolution for print. */
  g_assert_null (strstr (text, "An open door"));
  g_assert_null (strstr (text, "door.svg"));
  images = list_pdf_images (path);
  g_assert_cmpuint (images->len, ==, 1);
  assert_picture_fits (&g_array_index (images, PdfImage, 0), 1);
  /* Its shape kept, and as large as the page lets it be, not a thumbnail. */
  g_assert_cmpfloat_with_epsilon (g_array_index (images, PdfImage, 0).drawn_width
                                  / g_array_index (images, PdfImage, 0).drawn_height, 2.0, 0.02);
  g_assert_cmpfloat (g_array_index (images, PdfImage, 0).drawn_height, >, 792.0 / 5);
  assert_words_inside (path);
  g_clear_pointer (&images, g_array_unref);
  g_clear_pointer (&document, jk_document_free);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);

  for (guint i = 1; i <= 40; i++)
    g_string_append_printf (long_page, "Paragraph %u. We help you look for work, write a resume and get "
                            "ready to talk with an employer about the job you want.\n\n", i);
  long_blocks = jk_orientation_parse (long_page->str, -1, "long.md", output_dir, output_dir, &error);
  g_assert_no_error (error);
  input.blocks = long_blocks;
  document = jk_document_render (&jk_document_orientation, &context, &input, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jk_document_get_n_pages (document), >=, 2);
  path = save_document (document, "orientation-long.pdf");
  text = JK_TEST_PDF_TOOL ("pdftotext", path, "-");
  squeezed = squeeze (text);
  /* Every paragraph printed once, the last one whole. */
  assert_contains (text, "Paragraph 1.");
  assert_contains (text, "Paragraph 40.");
  g_assert_cmpuint (count_occurrences (text, "Paragraph 2"), ==, 11);
  assert_contains (squeezed, "Paragraph40.Wehelpyoulookforwork,writearesumeandgetreadytotalkwithanemployer");
  assert_words_inside (path);
  g_clear_pointer (&document, jk_document_free);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&text, g_free);

  /* A shipped Spanish page, printed for a Spanish visit. */
  spanish_blocks = jk_orientation_read_page (bring, shipped, &error);
  g_assert_no_error (error);
  input.blocks = spanish_blocks;
  context.language = "es";
  document = jk_document_render (&jk_document_orientation, &context, &input, &error);
  g_assert_no_error (error);
  path = save_document (document, "orientation-es.pdf");
  text = pdf_text (path, 1);
  g_test_message ("%s", text);
  assert_contains (text, "Qué traer");
  assert_contains (text, "1. ");
  assert_contains (text, "Impreso el");
  assert_contains (text, "Página 1 de 1");
  images = list_pdf_images (path);
  g_assert_cmpuint (images->len, ==, 1);
  assert_picture_fits (&g_array_index (images, PdfImage, 0), 1);
}

/* Pictures on paper: a tall one kept to a third of the page, its shape
 * kept; each picture in its place, after its words and before the next
 * one's, on as many pages as they need, the words that lead to a picture
 * kept on its page; a file that is not a picture prints its words. */
static void
test_orientation_pictures (void)
{
  g_autoptr (GDateTime) printed_at = make_local_time (2026, 11, 22, 9, 40);
  JkDocumentContext context = make_context (printed_at);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_build_filename (output_dir, "pictures", NULL);
  g_autofree char *door = g_build_filename (dir, "door.svg", NULL);
  g_autofree char *tower = g_build_filename (dir, "tower.svg", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.svg", NULL);
  g_autoptr (GString) markdown = g_string_new ("# Pictures\n\n![A tall tower](tower.svg)\n\n"
                                               "![A broken picture](broken.svg)\n\n");
  g_autoptr (GPtrArray) blocks = NULL;
  JkOrientationDocInput input = { NULL };
  g_autoptr (JkDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GArray) images = NULL;
  guint words_page[N_DOORS + 2] = { 0 };
  guint n_pages;
  const PdfImage *first;

  if (!have_tools ())
    return;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (door, DOOR_SVG, -1, NULL));
  g_assert_true (g_file_set_contents (tower, TOWER_SVG, -1, NULL));
  g_assert_true (g_file_set_contents (broken, "<svg this is not", -1, NULL));
  for (guint i = 1; i <= N_DOORS; i++)
    g_string_append_printf (markdown, "Door %u is below.\n\n![An open door](door.svg)\n\n", i);
  g_string_append (markdown, "The end.\n");
  blocks = jk_orientation_parse (markdown->str, -1, "pictures.md", dir, dir, &error);
  g_assert_no_error (error);
  input.blocks = blocks;
  document = jk_document_render (&jk_document_orientation, &context, &input, &error);
  g_assert_no_error (error);
  n_pages = jk_document_get_n_pages (document);
  g_assert_cmpuint (n_pages, >=, 2);
  path = save_document (document, "orientation-pictures.pdf");
  text = JK_TEST_PDF_TOOL ("pdftotext", path, "-");
  assert_contains (text, "A broken picture");
  g_assert_null (strstr (text, "A tall tower"));
  g_assert_null (strstr (text, "An open door"));
  assert_words_inside (path);

  /* Which page each door's words are on; "The end." stands for door 7. */
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *number = g_strdup_printf ("%u", page);
      g_autofree char *page_text = JK_TEST_PDF_TOOL ("pdftotext", "-f", number, "-l", number, path, "-");

      for (guint i = 1; i <= N_DOORS + 1; i++)
        {
          g_autofree char *words = i <= N_DOORS ? g_strdup_printf ("Door %u is below.", i) : g_strdup ("The end.");

          if (strstr (page_text, words) != NULL)
            words_page[i] = page;
        }
    }
  images = list_pdf_images (path);
  g_assert_cmpuint (images->len, ==, 1 + N_DOORS);
  for (guint i = 0; i < images->len; i++)
    assert_picture_fits (&g_array_index (images, PdfImage, i), n_pages);
  /* Each door after its words and before the next door's; and on the
   * same page as its words, which are never left at a page's foot with
   * their picture overleaf. */
  for (guint i = 1; i <= N_DOORS; i++)
    {
      g_assert_cmpuint (words_page[i], >=, 1);
      g_assert_cmpuint (g_array_index (images, PdfImage, i).page, <=, words_page[i + 1]);
      g_assert_cmpuint (g_array_index (images, PdfImage, i).page, ==, words_page[i]);
    }
  /* The tower: on the first page, held to a third of the page's height,
   * one to five wide as it was drawn. */
  first = &g_array_index (images, PdfImage, 0);
  g_assert_cmpuint (first->page, ==, 1);
  g_assert_cmpfloat (first->drawn_height, >, 792.0 / 5);
  g_assert_cmpfloat_with_epsilon (first->drawn_width / first->drawn_height, 0.2, 0.02);
  jk_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();
  jk_i18n_init ();
  jk_i18n_set_language ("en");

  output_dir = jk_test_pdf_output_dir ("jk-document-XXXXXX");

  g_test_add_func ("/document/log-entry", test_log_entry);
  g_test_add_func ("/document/kinds", test_kinds);
  g_test_add_func ("/document/job-sheet", test_job_sheet);
  g_test_add_func ("/document/job-sheet-source-name", test_job_sheet_source_name);
  g_test_add_func ("/document/job-sheet/pay-words", test_pay_words);
  g_test_add_func ("/document/long-text", test_long_text);
  g_test_add_func ("/document/job-sheet/qr", test_job_sheet_qr);
  g_test_add_func ("/document/job-list/qr", test_job_list_qr);
  g_test_add_func ("/document/job-list", test_job_list);
  g_test_add_func ("/document/search-log", test_search_log);
  g_test_add_func ("/document/search-log/edges", test_search_log_edges);
  g_test_add_func ("/document/search-log/visitors-language", test_rendered_in_visitors_language);
  g_test_add_func ("/document/a4", test_a4);
  g_test_add_func ("/document/checkin-slip", test_checkin_slip);
  g_test_add_func ("/document/referral-slip", test_referral_slip);
  g_test_add_func ("/document/test-page", test_test_page);
  g_test_add_func ("/document/usage-report", test_usage_report);
  g_test_add_func ("/document/program-sheet", test_program_sheet);
  g_test_add_func ("/document/service-slip", test_service_slip);
  g_test_add_func ("/document/orientation-page", test_orientation_page);
  g_test_add_func ("/document/orientation-pictures", test_orientation_pictures);
  g_test_add_func ("/document/preview", test_preview);
  g_test_add_func ("/document/threads", test_threads);

  status = g_test_run ();
  jk_test_pdf_output_dir_remove (output_dir);
  g_free (output_dir);
  return status;
}
