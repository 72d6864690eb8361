/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-resume-render.c: a two-page resume rendered to PDF, beside Cairo and Pango drawing the same text
 * alone; and the builder's preview refresh after a keystroke. Prints figures; never fails on a timer.
 * JK_BENCH_SIZE=tiny runs a few times. */

#include <cairo-pdf.h>
#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-resume.h>
#include <pango/pangocairo.h>
#include <stdio.h>

#include "jk-bench-stats.h"

/* The builder's preview is about this wide beside the steps. */
#define PREVIEW_WIDTH 520

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The floor: the resume's words laid out by Pango, a paragraph a layout,
 * straight onto a PDF surface in memory, a new page when one is full; no
 * composer, no headings, no keeping together. */
static gsize
draw_text_alone (const char *text)
{
  gsize size = 0;
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (discard, &size, 612, 792);
  cairo_t *cr = cairo_create (surface);
  PangoFontMap *font_map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (font_map);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, DejaVu Sans 11");
  g_auto (GStrv) paragraphs = g_strsplit (text, "\n", -1);
  double y = 54;

  pango_cairo_context_set_resolution (context, 72);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autoptr (PangoLayout) layout = pango_layout_new (context);
      int height;

      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, 504 * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_text (layout, paragraphs[i], -1);
      pango_layout_get_size (layout, NULL, &height);
      if (y + height / (double) PANGO_SCALE > 738)
        {
          cairo_show_page (cr);
          y = 54;
        }
      cairo_move_to (cr, 54, y);
      pango_cairo_show_layout (cr, layout);
      y += height / (double) PANGO_SCALE;
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  pango_font_description_free (font);
  g_object_unref (context);
  g_object_unref (font_map);
  return size;
}

int
main (int   argc,
      char *argv[])
{
  gboolean tiny = g_strcmp0 (g_getenv ("JK_BENCH_SIZE"), "tiny") == 0;
  guint runs = tiny ? 3 : 100;
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR") != NULL ? g_getenv ("G_TEST_SRCDIR") : "tests",
                                            "data", "resume", "long.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (JkResume) resume = jk_resume_load_file (path, &problems, &error);
  g_autoptr (GArray) render_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) floor_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) preview_ms = g_array_new (FALSE, FALSE, sizeof (double));
  JkDocumentContext context = { .paper = JK_PAPER_LETTER, .language = "en" };
  JkResumeDocInput input = { .resume = resume, .template_id = JK_RESUME_TEMPLATE_SKILLS };
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  double render_median, floor_median;
  guint pages = 0;

  jk_i18n_init ();
  g_assert_no_error (error);
  g_assert_nonnull (resume);
  text = jk_resume_to_text (resume, JK_RESUME_ORDER_SKILLS_FIRST);

  /* One of each first: fonts found and loaded once, as in a running kiosk. */
  jk_document_free (jk_document_render (&jk_document_resume, &context, &input, NULL));
  draw_text_alone (text);

  /* Turn about, so both see the same machine. */
  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (JkDocument) document = jk_document_render (&jk_document_resume, &context, &input, &error);
      double ms;

      g_assert_no_error (error);
      g_assert_nonnull (jk_document_get_pdf (document));
      ms = elapsed_ms (start);
      g_array_append_val (render_ms, ms);
      pages = jk_document_get_n_pages (document);

      start = g_get_monotonic_time ();
      g_assert_cmpuint (draw_text_alone (text), >, 0);
      ms = elapsed_ms (start);
      g_array_append_val (floor_ms, ms);
    }

  /* A keystroke in the summary: the resume rendered again without its
   * PDF, and page one drawn at the preview's width. */
  summary = g_strdup (resume->basics.summary);
  for (guint i = 0; i < runs * 2; i++)
    {
      gint64 start;
      g_autoptr (JkDocument) document = NULL;
      cairo_surface_t *surface;
      double ms;

      g_free (resume->basics.summary);
      resume->basics.summary = g_strndup (summary, 40 + i % 120);
      start = g_get_monotonic_time ();
      document = jk_document_render_pages (&jk_document_resume, &context, &input, &error);
      g_assert_no_error (error);
      surface = jk_document_render_preview (document, 0, PREVIEW_WIDTH);
      g_assert_nonnull (surface);
      cairo_surface_destroy (surface);
      ms = elapsed_ms (start);
      g_array_append_val (preview_ms, ms);
    }

  render_median = jk_bench_percentile (render_ms, 0.5);
  floor_median = jk_bench_percentile (floor_ms, 0.5);
  printf ("resume to PDF (%u pages, skills first, letter), %u runs: median %.1f ms, p95 %.1f ms (target: median under 50 ms)\n",
          pages, runs, render_median, jk_bench_percentile (render_ms, 0.95));
  printf ("floor, Cairo + Pango drawing the same text alone: median %.1f ms; the resume takes %.1fx\n", floor_median,
          render_median / floor_median);
  printf ("preview refresh after a keystroke (pages without the PDF + page 1 at %d px), %u runs:"
          " median %.1f ms, p95 %.1f ms (target: p95 under 100 ms)\n",
          PREVIEW_WIDTH, preview_ms->len, jk_bench_percentile (preview_ms, 0.5), jk_bench_percentile (preview_ms, 0.95));
  return 0;
}
