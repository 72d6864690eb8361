/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-qr-widget.c: the on-screen QR code, drawn at the job page's size and read back with zbarimg */

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "widgets/jk-qr-code.h"
#include "jk-test-ui-util.h"

/* The smallest the job page draws it (width-request and height-request in
 * ui/jobs/jk-job-page.ui, on a 1280x720 screen); it grows with the room. */
#define JOB_PAGE_QR_SIZE 200

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* A 300-character address with the usual parts of a tracking link. */
static char *
make_long_url (void)
{
  g_autoptr (GString) url = g_string_new ("https://careers.example.org/jobs/2026/bakery-helper-5531"
                                          "?utm_source=kiosk&utm_medium=screen&ref=eastside");

  for (guint i = 0; url->len < 300; i++)
    g_string_append_printf (url, "&k%u=%07u", i, i * 7919);
  g_string_truncate (url, 300);
  return g_string_free (g_steal_pointer (&url), FALSE);
}

/* Draws the widget as the screen shows it into a PNG, and returns what
 * zbarimg reads in that: one decoded symbol per line. */
static char *
read_back (GtkWidget  *qr,
           const char *png)
{
  g_autofree char *zbarimg = g_find_program_in_path ("zbarimg");
  const char *decode[] = { "zbarimg", "--raw", "-q", png, NULL };
  int width = gtk_widget_get_allocated_width (qr);
  int height = gtk_widget_get_allocated_height (qr);
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  /* A missing decoder fails the test: a skip would read as a pass. */
  if (zbarimg == NULL)
    g_error ("zbarimg is not installed: install zbar-tools (packaging/dev/deps does)");

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  /* The page behind the widget: the kiosk's light background. */
  cairo_set_source_rgb (cr, 0.96, 0.96, 0.96);
  cairo_paint (cr);
  gtk_widget_draw (qr, cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_spawn_sync (NULL, (char **) decode, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  /* zbarimg exits 4 when it finds no code: the comparison shows that. */
  if (!g_spawn_check_wait_status (status, NULL) && !(WIFEXITED (status) && WEXITSTATUS (status) == 4))
    g_error ("zbarimg failed: %s", err);
  return g_steal_pointer (&out);
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

static void
test_read_back (void)
{
  g_autofree char *long_url = make_long_url ();
  const char *urls[] = { long_url, "https://jobs.example.com/apply/7" };
  g_autofree char *dir = g_dir_make_tmp ("jk-qr-widget-XXXXXX", NULL);
  GtkWidget *window = gtk_offscreen_window_new ();
  GtkWidget *qr = jk_qr_code_new ();

  g_assert_nonnull (dir);
  gtk_widget_set_size_request (qr, JOB_PAGE_QR_SIZE, JOB_PAGE_QR_SIZE);
  gtk_container_add (GTK_CONTAINER (window), qr);
  gtk_widget_show_all (window);

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autofree char *name = g_strdup_printf ("qr-%u.png", i);
      g_autofree char *png = g_build_filename (dir, name, NULL);
      g_autofree char *expected = g_strconcat (urls[i], "\n", NULL);
      g_autofree char *read = NULL;

      g_assert_true (jk_qr_code_set_text (JK_QR_CODE (qr), urls[i]));
      g_assert_cmpstr (jk_qr_code_get_text (JK_QR_CODE (qr)), ==, urls[i]);
      jk_test_wait_drawn (window);
      g_assert_cmpint (gtk_widget_get_allocated_width (qr), ==, JOB_PAGE_QR_SIZE);
      /* At least two whole pixels per module, quiet zone included. */
      g_assert_cmpint (JOB_PAGE_QR_SIZE / jk_qr_code_get_size (JK_QR_CODE (qr)), >=, 2);
      read = read_back (qr, png);
      g_assert_cmpstr (read, ==, expected);
      g_unlink (png);
    }

  g_assert_false (jk_qr_code_set_text (JK_QR_CODE (qr), NULL));
  g_assert_cmpint (jk_qr_code_get_size (JK_QR_CODE (qr)), ==, 0);
  gtk_widget_destroy (window);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* No display is a failure, never a skip. */
  jk_test_require_display ();

  g_test_add_func ("/qr-widget/read-back", test_read_back);
  return g_test_run ();
}
