/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-resume-document.c: the resume printout and its slip, read back with pdfinfo, pdftotext and pdffonts
 * and compared with golden text (JK_RESUME_GOLDEN_UPDATE=1 writes the goldens again: read them before
 * committing) */

#include <cairo.h>
#include <string.h>
#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-resume.h>

#include "jk-test-log.h"
#include "jk-test-pdf.h"

static char *output_dir;

/* Every heading a resume may print, in English: none may end a page. */
static const char *const headings[] = {
  "SUMMARY", "SKILLS", "WORK HISTORY", "EDUCATION", "LICENSES AND CERTIFICATES",
  "VOLUNTEER AND OTHER EXPERIENCE", "AWARDS", "LANGUAGES", "INTERESTS", "REFERENCES",
};

typedef struct {
  const char *fixture;
  guint pages;           /* the same in every template */
} Case;

static const Case cases[] = {
  { "minimal", 1 },
  { "empty-sections", 1 },
  { "hostile", 1 },
  { "complete", 2 },
  { "long", 2 },
};

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static JkResume *
load_fixture (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".json", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "resume", file, NULL);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  JkResume *resume = jk_resume_load_file (path, &problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (resume);
  return resume;
}

static char *
render_to_file (const JkResume   *resume,
                JkResumeTemplate  template_id,
                JkPaperSize       paper,
                const char       *language,
                const char       *name)
{
  JkResumeDocInput input = { .resume = resume, .template_id = template_id };
  JkDocumentContext context = { .center_name = "Eastside Career Center", .paper = paper, .language = language };
  g_autoptr (GError) error = NULL;
  g_autoptr (JkDocument) document = jk_document_render (&jk_document_resume, &context, &input, &error);
  g_autofree char *path = g_build_filename (output_dir, name, NULL);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpstr (jk_document_get_kind (document), ==, "resume");
  g_assert_true (jk_document_save (document, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static char *
page_text (const char *path,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);

  return JK_TEST_PDF_TOOL ("pdftotext", "-f", number, "-l", number, path, "-");
}

static gboolean
is_heading (const char *line)
{
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    if (g_str_equal (line, headings[i]))
      return TRUE;
  return FALSE;
}

/* The last line of text on each page is never a heading. */
static void
assert_no_page_ends_with_heading (const char *path,
                                  guint       n_pages)
{
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = page_text (path, page);
      g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
      const char *last = NULL;

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_strstrip (lines[i]);
          if (lines[i][0] != '\0' && lines[i][0] != '\f')
            last = lines[i];
        }
      g_assert_nonnull (last);
      if (is_heading (last))
        g_error ("%s: page %u ends with the heading %s", path, page, last);
    }
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("\"%s\" not found in:\n%s", needle, text);
}

/* The text compared with its golden file; JK_RESUME_GOLDEN_UPDATE=1
 * writes the golden file instead, to be read by a person. */
static void
assert_golden (const char *text,
               const char *name)
{
  g_autofree char *file = g_strconcat (name, ".txt", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "resume", "golden", file, NULL);
  g_autofree char *expected = NULL;
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (g_getenv ("JK_RESUME_GOLDEN_UPDATE"), "1") == 0)
    {
      g_assert_true (g_file_set_contents (path, text, -1, &error));
      g_assert_no_error (error);
      return;
    }
  g_assert_true (g_file_get_contents (path, &expected, NULL, &error));
  g_assert_no_error (error);
  if (!g_str_equal (text, expected))
    g_error ("%s differs from its golden text (JK_RESUME_GOLDEN_UPDATE=1 rewrites it):\n%s", path, text);
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

/* Each template × each fixture on letter, and each template of the
 * complete one on A4: the golden text, the page count, no heading at a
 * page's foot, fonts embedded, nothing in the margins. */
static void
test_golden (void)
{
  for (guint t = 0; t <= JK_RESUME_TEMPLATE_SIMPLE; t++)
    for (guint i = 0; i < G_N_ELEMENTS (cases) + 1; i++)
      {
        gboolean a4 = i == G_N_ELEMENTS (cases);
        const Case *test_case = a4 ? &cases[3] : &cases[i];
        const char *template_name = jk_resume_template_to_string (t);
        g_autofree char *name = g_strdup_printf ("%s-%s%s", test_case->fixture, template_name, a4 ? "-a4" : "");
        g_autofree char *file = g_strconcat (name, ".pdf", NULL);
        g_autoptr (JkResume) resume = load_fixture (test_case->fixture);
        g_autofree char *path = render_to_file (resume, t, a4 ? JK_PAPER_A4 : JK_PAPER_LETTER, "en", file);
        g_autofree char *text = jk_test_pdf_text (path);
        g_autofree char *info = JK_TEST_PDF_TOOL ("pdfinfo", path);

        g_test_message ("%s", name);
        assert_golden (text, name);
        g_assert_cmpuint (jk_test_pdf_page_count (path), ==, test_case->pages);
        assert_no_page_ends_with_heading (path, test_case->pages);
        jk_test_pdf_assert_fonts_embedded (path);
        assert_contains (info, a4 ? "595.276 x 841.89 pts" : "612 x 792 pts");
        /* Nothing in a header or footer: no center, no page numbers. */
        g_assert_null (strstr (text, "Eastside"));
        g_assert_null (strstr (text, "Page 1"));
        g_assert_null (strstr (text, "Printed"));
      }
}

/* Skills before the work history but for Classic, which is chronological. */
static void
test_section_order (void)
{
  g_autoptr (JkResume) resume = load_fixture ("complete");

  for (guint t = 0; t <= JK_RESUME_TEMPLATE_SIMPLE; t++)
    {
      g_autofree char *file = g_strdup_printf ("order-%u.pdf", t);
      g_autofree char *path = render_to_file (resume, t, JK_PAPER_LETTER, "en", file);
      g_autofree char *text = JK_TEST_PDF_TOOL ("pdftotext", path, "-");
      const char *skills = strstr (text, "SKILLS\n");
      const char *work = strstr (text, "WORK HISTORY\n");
      const char *education = strstr (text, "EDUCATION\n");

      g_assert_nonnull (skills);
      g_assert_nonnull (work);
      g_assert_true (strstr (text, "SUMMARY\n") < skills);
      g_assert_true (work < education);
      if (t == JK_RESUME_TEMPLATE_CLASSIC)
        g_assert_true (education < skills);
      else
        g_assert_true (skills < work);
    }
}

/* Empty sections print no heading; references always say something. */
static void
test_empty_sections (void)
{
  g_autoptr (JkResume) resume = load_fixture ("empty-sections");
  JkResumeWork *blank = g_new0 (JkResumeWork, 1);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  /* An entry with nothing in it, as the builder may hold one. */
  blank->position = g_strdup ("   ");
  blank->highlights = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (resume->work, blank);
  path = render_to_file (resume, JK_RESUME_TEMPLATE_SKILLS, JK_PAPER_LETTER, "en", "empty.pdf");
  text = JK_TEST_PDF_TOOL ("pdftotext", path, "-");
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    if (!g_str_equal (headings[i], "REFERENCES"))
      g_assert_null (strstr (text, headings[i]));
  assert_contains (text, "Lee Ann Tran");
  assert_contains (text, "REFERENCES\nAvailable on request");
}

/* Two pages break between jobs: every job's lines on one page. */
static void
test_entries_kept_whole (void)
{
  g_autoptr (JkResume) resume = load_fixture ("long");

  for (guint t = 0; t <= JK_RESUME_TEMPLATE_SIMPLE; t++)
    {
      g_autofree char *file = g_strdup_printf ("whole-%u.pdf", t);
      g_autofree char *path = render_to_file (resume, t, JK_PAPER_LETTER, "en", file);
      guint total = 0;

      for (guint page = 1; page <= 2; page++)
        {
          g_autofree char *text = page_text (path, page);
          guint starts = count (text, "Worked full time on a team");
          guint ends = count (text, "Trained three new team members");

          g_assert_cmpuint (starts, ==, ends);
          total += starts;
        }
      g_assert_cmpuint (total, ==, resume->work->len);
    }
}

/* A job longer than a page flows across pages rather than being cut. */
static void
test_entry_longer_than_page (void)
{
  g_autoptr (JkResume) resume = load_fixture ("minimal");
  JkResumeWork *work = g_new0 (JkResumeWork, 1);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  guint pages;

  work->name = g_strdup ("Acme");
  work->position = g_strdup ("Everything");
  work->start_date = g_strdup ("2020");
  work->highlights = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < 90; i++)
    g_ptr_array_add (work->highlights, g_strdup_printf ("Duty number %u of a very long list", i));
  g_ptr_array_add (resume->work, work);
  path = render_to_file (resume, JK_RESUME_TEMPLATE_SIMPLE, JK_PAPER_A4, "en", "huge.pdf");
  pages = jk_test_pdf_page_count (path);
  g_assert_cmpuint (pages, >=, 2);
  assert_no_page_ends_with_heading (path, pages);
  text = JK_TEST_PDF_TOOL ("pdftotext", path, "-");
  assert_contains (text, "Duty number 0 of");
  assert_contains (text, "Duty number 89 of");
  assert_contains (text, "REFERENCES");
}

/* Markup prints as text; emoji, which no printer font has, are left out
 * rather than printed as boxes of hex digits; right-to-left text keeps
 * the dates beside it in order. */
static void
test_hostile_text (void)
{
  g_autoptr (JkResume) resume = load_fixture ("hostile");
  g_autofree char *path = render_to_file (resume, JK_RESUME_TEMPLATE_SKILLS, JK_PAPER_LETTER, "en", "hostile.pdf");
  g_autofree char *text = JK_TEST_PDF_TOOL ("pdftotext", path, "-");

  assert_contains (text, "Siobhán O'Brien-Nakamura");
  assert_contains (text, "<b>Cook</b> & \"Baker\"");
  assert_contains (text, "<script>alert(1)</script>");
  assert_contains (text, "D'Arcy McAllister-Ó Súilleabháin");
  assert_contains (text, "February 2020 – Present");
  g_assert_null (strstr (text, "01F"));
  g_assert_null (strstr (text, "AAAA-"));
}

static void
test_spanish (void)
{
  g_autoptr (JkResume) resume = load_fixture ("accents");
  g_autofree char *path = render_to_file (resume, JK_RESUME_TEMPLATE_SKILLS, JK_PAPER_LETTER, "es", "es.pdf");
  g_autofree char *text = JK_TEST_PDF_TOOL ("pdftotext", path, "-");

  assert_contains (text, "RESUMEN");
  assert_contains (text, "HISTORIAL DE TRABAJO");
  assert_contains (text, "marzo de 2022 – Actualidad");
  assert_contains (text, "Disponibles a solicitud");
  /* The kiosk's own language is left as it was. */
  g_assert_cmpstr (_("SUMMARY"), ==, "SUMMARY");
}

/* The plain text is jk_resume_to_text in the template's order. */
static void
test_render_text (void)
{
  g_autoptr (JkResume) resume = load_fixture ("complete");
  JkDocumentContext context = { .language = "en" };

  for (guint t = 0; t <= JK_RESUME_TEMPLATE_SIMPLE; t++)
    {
      JkResumeDocInput input = { .resume = resume, .template_id = t };
      g_autofree char *text = jk_document_render_text (&jk_document_resume, &context, &input);
      g_autofree char *expected = jk_resume_to_text (resume, t == JK_RESUME_TEMPLATE_CLASSIC
                                                                ? JK_RESUME_ORDER_CHRONOLOGICAL
                                                                : JK_RESUME_ORDER_SKILLS_FIRST);

      g_assert_cmpstr (text, ==, expected);
    }
  g_assert_null (jk_document_render_text (&jk_document_job_sheet, &context, NULL));
}

static void
test_templates (void)
{
  JkResumeTemplate template_id = JK_RESUME_TEMPLATE_SIMPLE;

  g_assert_cmpstr (jk_resume_template_to_string (JK_RESUME_TEMPLATE_SKILLS), ==, "skills");
  g_assert_cmpstr (jk_resume_template_to_string (JK_RESUME_TEMPLATE_CLASSIC), ==, "classic");
  g_assert_cmpstr (jk_resume_template_to_string (JK_RESUME_TEMPLATE_SIMPLE), ==, "simple");
  g_assert_true (jk_resume_template_from_string ("classic", &template_id));
  g_assert_cmpint (template_id, ==, JK_RESUME_TEMPLATE_CLASSIC);
  g_assert_false (jk_resume_template_from_string ("fancy", &template_id));
  g_assert_false (jk_resume_template_from_string (NULL, &template_id));
  g_assert_cmpint (template_id, ==, JK_RESUME_TEMPLATE_CLASSIC);
  g_assert_true (jk_document_kind_lookup ("resume") == &jk_document_resume);
  g_assert_true (jk_document_kind_lookup ("resume slip") == &jk_document_resume_slip);
}

/* A preview needs pages only; the PDF comes when asked for, the same. */
static void
test_pages_then_pdf (void)
{
  g_autoptr (JkResume) resume = load_fixture ("long");
  JkResumeDocInput input = { .resume = resume, .template_id = JK_RESUME_TEMPLATE_SKILLS };
  JkDocumentContext context = { .language = "en" };
  g_autoptr (GError) error = NULL;
  g_autoptr (JkDocument) document = jk_document_render_pages (&jk_document_resume, &context, &input, &error);
  g_autofree char *path = g_build_filename (output_dir, "lazy.pdf", NULL);
  g_autofree char *eager = render_to_file (resume, JK_RESUME_TEMPLATE_SKILLS, JK_PAPER_LETTER, "en", "eager.pdf");
  g_autofree char *lazy_text = NULL;
  g_autofree char *eager_text = NULL;
  cairo_surface_t *preview;
  GBytes *pdf;

  g_assert_no_error (error);
  g_assert_cmpuint (jk_document_get_n_pages (document), ==, 2);
  preview = jk_document_render_preview (document, 0, 520);
  g_assert_nonnull (preview);
  g_assert_cmpint (cairo_image_surface_get_width (preview), ==, 520);
  cairo_surface_destroy (preview);
  pdf = jk_document_get_pdf (document);
  g_assert_nonnull (pdf);
  g_assert_true (pdf == jk_document_get_pdf (document));
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  lazy_text = jk_test_pdf_text (path);
  eager_text = jk_test_pdf_text (eager);
  g_assert_cmpstr (lazy_text, ==, eager_text);
}

static char *
render_slip (const char *language,
             const char *name)
{
  g_autoptr (GDateTime) expires = g_date_time_new_local (2026, 6, 3, 12, 0, 0);
  g_autoptr (GDateTime) printed = g_date_time_new_local (2026, 3, 5, 10, 30, 0);
  JkResumeSlipInput input = { .code = "acdefghj", .expires = g_date_time_to_unix (expires) };
  JkDocumentContext context = { .center_name = "Eastside", .printed_at = printed, .language = language };
  gpointer copy = jk_document_resume_slip.copy_input (&input);
  g_autoptr (GError) error = NULL;
  g_autoptr (JkDocument) document = jk_document_render (&jk_document_resume_slip, &context, copy, &error);
  g_autofree char *path = g_build_filename (output_dir, name, NULL);

  char *text;

  jk_document_resume_slip.free_input (copy);
  g_assert_no_error (error);
  g_assert_cmpuint (jk_document_get_n_pages (document), ==, 1);
  g_assert_true (jk_document_save (document, path, &error));
  jk_test_pdf_assert_fonts_embedded (path);
  /* One line, as the sentences wrap where the page ends. */
  text = JK_TEST_PDF_TOOL ("pdftotext", path, "-");
  return g_strdelimit (text, "\n", ' ');
}

/* The code in two halves, the day it goes, and no PIN: no run of digits
 * but the years. */
static void
test_slip (void)
{
  g_autofree char *text = render_slip ("en", "slip.pdf");
  g_autofree char *spanish = render_slip ("es", "slip-es.pdf");
  g_autoptr (GRegex) digits = g_regex_new ("[0-9]{4,}", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;

  assert_contains (text, "Your saved resume");
  assert_contains (text, "ACDE-FGHJ");
  assert_contains (text, "We never print your PIN.");
  assert_contains (text, "kept until June 3, 2026.");
  assert_contains (spanish, "ACDE-FGHJ");
  assert_contains (spanish, "Su currículum guardado");
  assert_contains (spanish, "hasta el 3 de junio de 2026.");
  g_regex_match (digits, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *found = g_match_info_fetch (match, 0);

      g_assert_cmpstr (found, ==, "2026");
      g_match_info_next (match, NULL);
    }
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
  output_dir = jk_test_pdf_output_dir ("jk-resume-document-XXXXXX");

  g_test_add_func ("/resume-document/golden", test_golden);
  g_test_add_func ("/resume-document/section-order", test_section_order);
  g_test_add_func ("/resume-document/empty-sections", test_empty_sections);
  g_test_add_func ("/resume-document/entries-kept-whole", test_entries_kept_whole);
  g_test_add_func ("/resume-document/entry-longer-than-page", test_entry_longer_than_page);
  g_test_add_func ("/resume-document/hostile-text", test_hostile_text);
  g_test_add_func ("/resume-document/spanish", test_spanish);
  g_test_add_func ("/resume-document/render-text", test_render_text);
  g_test_add_func ("/resume-document/templates", test_templates);
  g_test_add_func ("/resume-document/pages-then-pdf", test_pages_then_pdf);
  g_test_add_func ("/resume-document/slip", test_slip);

  status = g_test_run ();
  jk_test_pdf_output_dir_remove (output_dir);
  g_free (output_dir);
  return status;
}
