/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-pdf.c: PDFs for the print tests to send, made with cairo, and PDFs read back with poppler's tools */

#include <cairo-pdf.h>
#include <cairo.h>
#include <string.h>

#include "jk-test-pdf.h"
#include "jk-test-proc.h"

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

char *
jk_test_pdf_tool (const char *const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed (%s): %s", argv[0], error->message, err);
  return g_steal_pointer (&out);
}

char *
jk_test_pdf_text (const char *path)
{
  return JK_TEST_PDF_TOOL ("pdftotext", "-layout", path, "-");
}

guint
jk_test_pdf_page_count (const char *path)
{
  g_autofree char *info = JK_TEST_PDF_TOOL ("pdfinfo", path);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

/* pdffonts' "emb" column is counted from the right because the type
 * column may hold spaces. */
void
jk_test_pdf_assert_fonts_embedded (const char *path)
{
  g_autofree char *fonts = JK_TEST_PDF_TOOL ("pdffonts", path);
  g_auto (GStrv) lines = g_strsplit (fonts, "\n", -1);
  guint n_fonts = 0;

  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr (GPtrArray) words = g_ptr_array_new ();

      for (guint j = 0; fields[j] != NULL; j++)
        if (fields[j][0] != '\0')
          g_ptr_array_add (words, fields[j]);
      if (words->len < 6)
        continue;
      g_assert_cmpstr (words->pdata[words->len - 5], ==, "yes");
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

static gboolean
output_dir_kept (void)
{
  const char *keep = g_getenv ("JK_DOCUMENT_OUTPUT_DIR");

  return keep != NULL && keep[0] != '\0';
}

char *
jk_test_pdf_output_dir (const char *tmpl)
{
  char *dir;

  if (output_dir_kept ())
    {
      dir = g_strdup (g_getenv ("JK_DOCUMENT_OUTPUT_DIR"));
      g_mkdir_with_parents (dir, 0700);
    }
  else
    dir = g_dir_make_tmp (tmpl, NULL);
  g_assert_nonnull (dir);
  return dir;
}

void
jk_test_pdf_output_dir_remove (const char *dir)
{
  if (!output_dir_kept ())
    jk_test_remove_tree (dir);
}
