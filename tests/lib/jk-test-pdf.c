/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-pdf.c: PDFs for the print tests to send, made with cairo */

#include <cairo-pdf.h>
#include <cairo.h>

#include "jk-test-pdf.h"

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
jk_test_make_pdf (guint       pages,
                  const char *title,
                  const char *second_line)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_array, bytes, 612, 792);
  cairo_t *cr = cairo_create (surface);

  for (guint page = 1; page <= pages; page++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", page, pages);

      cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, 24);
      cairo_move_to (cr, 72, 108);
      cairo_show_text (cr, title);
      if (second_line != NULL)
        {
          cairo_move_to (cr, 72, 150);
          cairo_show_text (cr, second_line);
        }
      cairo_set_font_size (cr, 10);
      cairo_move_to (cr, 72, 740);
      cairo_show_text (cr, footer);
      cairo_show_page (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}
