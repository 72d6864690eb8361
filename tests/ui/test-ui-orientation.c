/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-orientation.c: About this center as a visitor finds it on the shipped pages: the home tile, the list, a
 * page with its picture, printed on a private cupsd, the same page in Spanish, both at two screen sizes, the wipe */

#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-speaker-recorder.h>
#include <jobkiosk/jk-speech.h>

#include "orientation/jk-orientation-page.h"
#include "print/jk-print-page.h"
#include "shell/jk-application.h"
#include "jk-test-cups.h"
#include "jk-test-log.h"
#include "jk-test-pdf.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"

static JkTestKiosk kiosk;
static JkWindow *window;
static JkTestCups *cups;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static JkOrientationPage *
orientation_page (void)
{
  return JK_ORIENTATION_PAGE (jk_window_get_page (window, &jk_orientation_page_info));
}

/* For jk_test_wait_until: the page's read (on its worker) is shown. */
static gboolean
orientation_idle (gpointer data)
{
  return !jk_orientation_page_is_loading (orientation_page ());
}

/* A click, then the read it asked for shown. */
static void
click (const char *name)
{
  jk_test_click (GTK_WIDGET (window), name);
  jk_test_wait_until (orientation_idle, NULL, 10000);
}

static gboolean
said (const char *const *lines,
      const char        *part)
{
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], part) != NULL)
      return TRUE;
  for (guint i = 0; lines[i] != NULL; i++)
    g_test_message ("  said: %s", lines[i]);
  return FALSE;
}

static void
screenshots (const char *name)
{
  const int sizes[][2] = { { 1280, 720 }, { 1920, 1080 } };

  for (guint l = 0; l < 2; l++)
    {
      if (l == 1)
        click ("Español");
      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          g_autofree char *shot = g_strdup_printf ("%s-%s-%dx%d", name, l == 0 ? "en" : "es",
                                                   sizes[i][0], sizes[i][1]);

          jk_test_resize (GTK_WIDGET (window), sizes[i][0], sizes[i][1]);
          jk_test_screenshot (GTK_WIDGET (window), shot);
        }
    }
  click ("English");
  jk_test_resize (GTK_WIDGET (window), 1280, 720);
}

/* Home → About this center → What to bring. */
static void
open_bring (void)
{
  jk_test_fresh_visit (window);
  click ("About this center");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "orientation");
  g_assert_null (jk_orientation_page_get_shown (orientation_page ()));
  click ("What to bring");
  g_assert_cmpstr (jk_orientation_page_get_shown (orientation_page ()), ==, "02-bring.md");
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

/* The tile opens the list: the five shipped pages by their headings. */
static void
test_list (void)
{
  const char *const titles[] = { "What we offer", "What to bring", "Your job search log", "TANF work hours",
                                 "Who to ask" };

  jk_test_fresh_visit (window);
  click ("About this center");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "orientation");
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_nonnull (jk_test_find_by_name (GTK_WIDGET (window), titles[i]));
  /* A list has nothing to print. */
  g_assert_null (jk_test_find_by_name (GTK_WIDGET (window), "Print this page"));
  screenshots ("orientation-list");
}

/* A page: its heading, its words, its list and its picture drawn. */
static void
test_page (void)
{
  GtkWidget *picture;

  open_bring ();
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (orientation_page ()), "What to bring"));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (orientation_page ()),
                                        "Your Social Security card or number"));
  g_assert_cmpuint (jk_orientation_page_get_n_images (orientation_page ()), ==, 1);
  picture = jk_test_find_by_name (GTK_WIDGET (window), "An ID card, a paper and a pen");
  g_assert_nonnull (picture);
  g_assert_true (GTK_IS_IMAGE (picture));
  g_assert_true (gtk_widget_get_mapped (picture));
  g_assert_cmpint (gtk_widget_get_allocated_width (picture), >, 100);
  g_assert_nonnull (gtk_image_get_pixbuf (GTK_IMAGE (picture)));
  g_assert_true (gtk_widget_get_mapped (jk_test_find_by_name (GTK_WIDGET (window), "Print this page")));
  screenshots ("orientation-page");
}

/* With keys alone: Down stops on each of a page's blocks in turn, which
 * scrolls a page longer than the screen down to its last words before
 * the focus leaves for the buttons below. */
static void
test_keys_scroll (void)
{
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  GtkWidget *last_row = NULL;
  double furthest = 0;

  open_bring ();
  scroller = GTK_SCROLLED_WINDOW (jk_test_find_by_type (GTK_WIDGET (orientation_page ()), GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  jk_test_wait_drawn (GTK_WIDGET (window));
  /* Taller than its view at 1280x720, or the walk proves nothing. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment) + 50);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  for (guint i = 0; i < 60; i++)
    {
      GtkWidget *focus;

      jk_test_press_key (GTK_WIDGET (window), GDK_KEY_Down);
      jk_test_wait_drawn (GTK_WIDGET (window));
      focus = gtk_window_get_focus (GTK_WINDOW (window));
      /* The walk may begin above the page (the top bar); it ends below. */
      if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (scroller)))
        {
          if (last_row != NULL)
            break;
          continue;
        }
      g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
      last_row = focus;
      furthest = MAX (furthest, gtk_adjustment_get_value (adjustment));
    }
  g_assert_nonnull (last_row);
  /* The last block was reached, and shown: scrolled to the foot. */
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (gtk_widget_get_parent (last_row)),
                                                gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (last_row)) + 1));
  g_assert_cmpfloat (furthest, >=, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)
                                     - 1);
}

/* Print this page: the sheet through the print page on the private
 * cupsd, its heading and its picture read back from the PDF the printer
 * got. */
static void
test_print (void)
{
  g_autoptr (GPtrArray) printed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *images = NULL;
  JkDocument *document;

  open_bring ();
  click ("Print this page");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "print");
  jk_test_wait_until (jk_test_print_rendered, kiosk.app, 10000);
  document = jk_print_page_get_document (jk_application_get_print_page (kiosk.app));
  g_assert_nonnull (document);
  g_assert_cmpstr (jk_document_get_kind (document), ==, "orientation page");
  jk_test_wait_until (jk_test_print_ready, window, 10000);
  /* The preview, with the page's picture on it. */
  jk_test_resize (GTK_WIDGET (window), 1920, 1080);
  jk_test_screenshot (GTK_WIDGET (window), "orientation-print-en-1920x1080");
  jk_test_resize (GTK_WIDGET (window), 1280, 720);
  jk_test_screenshot (GTK_WIDGET (window), "orientation-print-en-1280x720");
  click ("Print");
  printed = jk_test_cups_wait_for_output (cups, 1, 20000);
  g_assert_nonnull (printed);
  text = jk_test_pdf_text (printed->pdata[printed->len - 1]);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "What to bring"));
  g_assert_nonnull (strstr (text, "A photo ID"));
  g_assert_nonnull (strstr (text, kiosk.config->center_name));
  /* The picture reached the printer as a picture, not as its words. */
  images = JK_TEST_PDF_TOOL ("pdfimages", "-list", printed->pdata[printed->len - 1]);
  g_test_message ("%s", images);
  g_assert_nonnull (strstr (images, " image "));
  g_assert_null (strstr (text, "An ID card, a paper and a pen"));
}

/* The files are read on the page's worker, not while the window waits:
 * opening a page returns before it is read, and it shows once read. */
static void
test_read_on_worker (void)
{
  g_autoptr (GVariant) name = g_variant_ref_sink (g_variant_new_string ("04-tanf.md"));

  jk_test_fresh_visit (window);
  g_assert_true (jk_window_open_page (window, &jk_orientation_page_info, name));
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "orientation");
  g_assert_null (jk_orientation_page_get_shown (orientation_page ()));
  g_assert_true (jk_orientation_page_is_loading (orientation_page ()));
  jk_test_wait_until (orientation_idle, NULL, 10000);
  g_assert_cmpstr (jk_orientation_page_get_shown (orientation_page ()), ==, "04-tanf.md");
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (orientation_page ()), "TANF work hours"));

  /* Left before its read is done: nothing of it shows on the next visit. */
  jk_test_fresh_visit (window);
  g_assert_true (jk_window_open_page (window, &jk_orientation_page_info, name));
  jk_window_finish_visit (window);
  jk_test_run_for (50);
  g_assert_false (jk_orientation_page_is_loading (orientation_page ()));
  g_assert_null (jk_orientation_page_get_shown (orientation_page ()));
  g_assert_null (jk_test_find_label (GTK_WIDGET (orientation_page ()), "TANF work hours"));
}

/* With speech on, a page opened is read aloud from its heading. */
static void
test_speech (void)
{
  g_auto (GStrv) list = NULL;
  g_auto (GStrv) page = NULL;

  jk_test_fresh_visit (window);
  jk_speech_set_active (jk_application_get_speech (kiosk.app), TRUE);
  jk_test_run_for (50);
  g_strfreev (jk_speaker_recorder_take_lines (kiosk.speaker));
  click ("About this center");
  list = jk_speaker_recorder_take_lines (kiosk.speaker);
  g_assert_true (said ((const char *const *) list, "5 pages"));
  click ("What to bring");
  page = jk_speaker_recorder_take_lines (kiosk.speaker);
  g_assert_true (said ((const char *const *) page, "en interrupt: What to bring"));
  g_assert_true (said ((const char *const *) page, "Your Social Security card or number"));
  jk_speech_set_active (jk_application_get_speech (kiosk.app), FALSE);
}

/* A switch of language shows the Spanish file of the same page. */
static void
test_spanish (void)
{
  open_bring ();
  click ("Español");
  g_assert_true (g_str_has_suffix (jk_orientation_page_get_folder (orientation_page ()), "/es"));
  g_assert_cmpstr (jk_orientation_page_get_shown (orientation_page ()), ==, "02-bring.md");
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (orientation_page ()), "Qué traer"));
  g_assert_null (jk_test_find_label (GTK_WIDGET (orientation_page ()), "What to bring"));
  g_assert_cmpuint (jk_orientation_page_get_n_images (orientation_page ()), ==, 1);
  click ("Todas las páginas");
  g_assert_nonnull (jk_test_find_by_name (GTK_WIDGET (window), "Horas de trabajo de TANF"));
  click ("English");
  g_assert_nonnull (jk_test_find_by_name (GTK_WIDGET (window), "TANF work hours"));
}

/* The wipe leaves nothing shown. */
static void
test_wipe (void)
{
  open_bring ();
  jk_window_finish_visit (window);
  jk_test_run_for (50);
  g_assert_null (jk_orientation_page_get_shown (orientation_page ()));
  g_assert_null (jk_test_find_label (GTK_WIDGET (orientation_page ()), "Your Social Security card or number"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GDateTime) start = g_date_time_new_local (2026, 11, 22, 9, 40, 0);
  JkClock *fake_clock;
  int status;

  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();
  jk_i18n_init ();
  jk_test_require_display ();

  cups = jk_test_cups_start_default ();
  fake_clock = jk_clock_new_fake (start);
  jk_test_kiosk_start (&kiosk, "jk-ui-orientation-XXXXXX", fake_clock);
  window = kiosk.window;
  jk_test_show_window (window, 1280, 720);

  g_test_add_func ("/orientation/list", test_list);
  g_test_add_func ("/orientation/page", test_page);
  g_test_add_func ("/orientation/keys-scroll", test_keys_scroll);
  g_test_add_func ("/orientation/print", test_print);
  g_test_add_func ("/orientation/spanish", test_spanish);
  g_test_add_func ("/orientation/read-on-worker", test_read_on_worker);
  g_test_add_func ("/orientation/speech", test_speech);
  g_test_add_func ("/orientation/wipe", test_wipe);
  status = g_test_run ();

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (kiosk.app);
  g_object_unref (fake_clock);
  jk_test_cups_stop (cups);
  jk_test_remove_tree (kiosk.state_dir);
  g_free (kiosk.state_dir);
  return status;
}
