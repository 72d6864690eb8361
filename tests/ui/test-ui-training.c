/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-training.c: training programs near you as a visitor finds them, on the demo's list imported at start-up:
 * an occupation's programs with the WIOA line, a program's page, its sheet printed on a private cupsd, the short
 * programs that raise pay from Pay and careers, both languages at two screen sizes, and the wipe */

#include <glib/gstdio.h>
#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-training.h>

#include "careers/jk-careers-page.h"
#include "careers/jk-occupation-page.h"
#include "print/jk-print-page.h"
#include "shell/jk-application.h"
#include "training/jk-program-page.h"
#include "jk-test-cups.h"
#include "jk-test-log.h"
#include "jk-test-pdf.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"

#define NURSING_ASSISTANTS "31-1131"
#define WIOA_LINE "WIOA may pay for this: ask staff about an Individual Training Account."
#define STNA "State Tested Nurse Aide (STNA) — Scioto Health Careers Academy (demo)"

static JkTestKiosk kiosk;
static JkWindow *window;
static JkTestCups *cups;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static JkProgramPage *
program_page (void)
{
  return JK_PROGRAM_PAGE (jk_window_get_page (window, &jk_program_page_info));
}

static GtkWidget *
occupation_root (void)
{
  return GTK_WIDGET (jk_window_get_page (window, &jk_occupation_page_info));
}

static gboolean
careers_idle (gpointer data)
{
  return !jk_careers_page_is_busy (JK_CAREERS_PAGE (jk_window_get_page (window, &jk_careers_page_info)));
}

static void
click (const char *name)
{
  jk_test_click (GTK_WIDGET (window), name);
}

/* A showing button whose accessible name begins with prefix (a program's
 * button is named by all it says), or NULL. */
static GtkWidget *
find_button_prefix (GtkWidget  *root,
                    const char *prefix)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (GTK_IS_BUTTON (root) && g_str_has_prefix (atk_object_get_name (gtk_widget_get_accessible (root)) ?: "", prefix))
    return root;
  if (GTK_IS_CONTAINER (root))
    {
      g_autoptr (GList) children = gtk_container_get_children (GTK_CONTAINER (root));

      for (GList *l = children; l != NULL; l = l->next)
        {
          GtkWidget *found = find_button_prefix (l->data, prefix);

          if (found != NULL)
            return found;
        }
    }
  return NULL;
}

static guint
count_buttons_prefix (GtkWidget  *root,
                      const char *prefix)
{
  guint n = 0;

  if (!gtk_widget_get_mapped (root))
    return 0;
  if (GTK_IS_BUTTON (root) && g_str_has_prefix (atk_object_get_name (gtk_widget_get_accessible (root)) ?: "", prefix))
    n++;
  if (GTK_IS_CONTAINER (root))
    {
      g_autoptr (GList) children = gtk_container_get_children (GTK_CONTAINER (root));

      for (GList *l = children; l != NULL; l = l->next)
        n += count_buttons_prefix (l->data, prefix);
    }
  return n;
}

/* Scrolls the page's one scroller until widget is in its view. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  /* The viewport's child: positions in it do not move as it scrolls. */
  GtkWidget *child = gtk_bin_get_child (GTK_BIN (gtk_bin_get_child (GTK_BIN (scroller))));
  int x = 0;
  int y = 0;

  g_assert_true (gtk_widget_translate_coordinates (widget, child, 0, 0, &x, &y));
  gtk_adjustment_set_value (adjustment, MAX (0, y - 80));
  jk_test_run_for (50);
}

/* The same screen in both languages at the two kiosk sizes; settle (or
 * NULL) runs after each change, since a page is filled anew in the other
 * language (scrolled back, or looked up again). */
static void
screenshots (const char *name,
             void      (*settle) (void))
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
          if (settle != NULL)
            settle ();
          jk_test_screenshot (GTK_WIDGET (window), shot);
        }
    }
  click ("English");
  jk_test_resize (GTK_WIDGET (window), 1280, 720);
}

/* The occupation page scrolled to its first program, just under the
 * section's heading. */
static void
scroll_to_stna (void)
{
  GtkWidget *button = find_button_prefix (GTK_WIDGET (window), STNA);

  g_assert_nonnull (button);
  scroll_to (button);
}

static void
wait_careers (void)
{
  jk_test_wait_until (careers_idle, NULL, 10000);
}

static gboolean
training_imported (gpointer data)
{
  return jk_training_count (kiosk.store, NURSING_ASSISTANTS, NULL) > 0;
}

static void
open_nursing_assistants (void)
{
  jk_test_fresh_visit (window);
  g_assert_true (jk_window_open_page (window, &jk_occupation_page_info, g_variant_new_string (NURSING_ASSISTANTS)));
  jk_test_run_for (50);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "occupation");
}

static void
open_stna (void)
{
  GtkWidget *button;

  open_nursing_assistants ();
  button = find_button_prefix (GTK_WIDGET (window), STNA);
  g_assert_nonnull (button);
  gtk_button_clicked (GTK_BUTTON (button));
  jk_test_run_for (50);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "program");
  g_assert_cmpint (jk_program_page_get_id (program_page ()), >, 0);
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

/* Nursing assistants: its three demo programs, nearest first, each with
 * its length, cost and outcomes, and the WIOA line under them. */
static void
test_occupation_section (void)
{
  GtkWidget *first;
  GtkLabel *heading;

  open_nursing_assistants ();
  heading = jk_test_find_label (occupation_root (), "Training for this job near you");
  g_assert_nonnull (heading);
  g_assert_nonnull (jk_test_find_label (occupation_root (), WIOA_LINE));
  g_assert_nonnull (jk_test_find_label (occupation_root (), "Demo data: these programs are made up for the demo."));
  /* The crosswalk ties 51.3902 to 31-1131: the three nurse aide programs. */
  g_assert_cmpuint (count_buttons_prefix (GTK_WIDGET (window), "State Tested Nurse Aide")
                    + count_buttons_prefix (GTK_WIDGET (window), "Auxiliar de Enfermería")
                    + count_buttons_prefix (GTK_WIDGET (window), "Nurse Aide Training"), ==, 3);
  first = find_button_prefix (GTK_WIDGET (window), STNA);
  g_assert_nonnull (first);
  g_assert_nonnull (strstr (atk_object_get_name (gtk_widget_get_accessible (first)), "4 weeks · $650"));
  g_assert_nonnull (strstr (atk_object_get_name (gtk_widget_get_accessible (first)), "96 of 100 finished"));
  g_assert_true (gtk_widget_is_ancestor (first, gtk_widget_get_parent (GTK_WIDGET (heading))));
  screenshots ("training-occupation", scroll_to_stna);
}

/* A program's page: the provider's address and phone, its outcomes in
 * plain words, the WIOA line and the QR code of its link. */
static void
test_program_page (void)
{
  open_stna ();
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (program_page ()), "State Tested Nurse Aide (STNA)"));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (program_page ()), "Scioto Health Careers Academy (demo)"));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (program_page ()), "3400 Grove City Rd, Grove City, OH 43123"));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (program_page ()), "Phone: 614-555-0103"));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (program_page ()),
                                        "Out of every 100 people who started, 96 finished."));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (program_page ()),
                                        "Out of every 100 who took part, 91 had a job about six months after."));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (program_page ()), WIOA_LINE));
  g_assert_nonnull (jk_test_find_by_name (GTK_WIDGET (window), "QR code with the program's web page"));
  g_assert_true (gtk_widget_get_mapped (jk_test_find_by_name (GTK_WIDGET (window), "Print this program")));
  screenshots ("training-program", NULL);
}

/* Print this program: the sheet through the print page on the private
 * cupsd, its words read back from the PDF the printer got. */
static void
test_print (void)
{
  g_autoptr (GPtrArray) printed = NULL;
  g_autofree char *text = NULL;
  JkDocument *document;

  open_stna ();
  click ("Print this program");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "print");
  jk_test_wait_until (jk_test_print_rendered, kiosk.app, 10000);
  document = jk_print_page_get_document (jk_application_get_print_page (kiosk.app));
  g_assert_nonnull (document);
  g_assert_cmpstr (jk_document_get_kind (document), ==, "program sheet");
  g_assert_cmpuint (jk_document_get_n_pages (document), ==, 1);
  jk_test_screenshot (GTK_WIDGET (window), "training-program-print-en");
  jk_test_wait_until (jk_test_print_ready, window, 10000);
  click ("Print");
  printed = jk_test_cups_wait_for_output (cups, 1, 20000);
  g_assert_nonnull (printed);
  text = jk_test_pdf_text (printed->pdata[printed->len - 1]);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Training program"));
  g_assert_nonnull (strstr (text, "State Tested Nurse Aide (STNA)"));
  g_assert_nonnull (strstr (text, "Scioto Health Careers Academy (demo)"));
  g_assert_nonnull (strstr (text, "3400 Grove City Rd, Grove City, OH 43123"));
  g_assert_nonnull (strstr (text, "Phone: 614-555-0103"));
  g_assert_nonnull (strstr (text, "Schedule: Weekdays 8am-2pm"));
  g_assert_nonnull (strstr (text, "Length: 4 weeks"));
  g_assert_nonnull (strstr (text, "Cost: $650"));
  g_assert_nonnull (strstr (text, "96 finished"));
  g_assert_nonnull (strstr (text, "WIOA may pay for this"));
  g_assert_nonnull (strstr (text, "Demo data"));
  g_assert_nonnull (strstr (text, "https://example.org/scioto-health"));
  g_assert_nonnull (strstr (text, kiosk.config->center_name));
  g_assert_nonnull (strstr (text, "Printed Nov 22, 2026"));
}

/* Pay and careers → Short programs that raise pay: programs of 26 weeks
 * or less, each under the occupation it leads to and its pay here. */
static void
test_short_programs (void)
{
  jk_test_fresh_visit (window);
  jk_window_show_page (window, &jk_careers_page_info);
  jk_test_wait_until (careers_idle, NULL, 10000);
  screenshots ("training-careers", wait_careers);
  click ("Short programs that raise pay");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "program");
  g_assert_cmpint (jk_program_page_get_id (program_page ()), ==, -1);
  g_assert_cmpuint (jk_program_page_get_n_listed (program_page ()), >, 0);
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (program_page ()), "Short programs that raise pay"));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (program_page ()), WIOA_LINE));
  /* A list has nothing to print. */
  g_assert_null (jk_test_find_by_name (GTK_WIDGET (window), "Print this program"));
  /* The list follows a switch of language at once, as a program does. */
  click ("Español");
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (program_page ()), "Programas cortos para ganar más"));
  g_assert_null (jk_test_find_label (GTK_WIDGET (program_page ()), "Short programs that raise pay"));
  g_assert_cmpuint (jk_program_page_get_n_listed (program_page ()), >, 0);
  click ("English");
  screenshots ("training-short", NULL);
}

/* The wipe: the program page keeps nothing, and cannot be shown again
 * without being asked for a program or a list. */
static void
test_wipe (void)
{
  open_stna ();
  jk_window_finish_visit (window);
  jk_test_run_for (50);
  g_assert_cmpint (jk_program_page_get_id (program_page ()), ==, -1);
  g_assert_cmpuint (jk_program_page_get_n_listed (program_page ()), ==, 0);
  g_assert_null (jk_test_find_label (GTK_WIDGET (program_page ()), "Scioto Health Careers Academy (demo)"));
  g_assert_false (jk_window_open_page (window, &jk_program_page_info, NULL));

  jk_test_fresh_visit (window);
  jk_window_show_page (window, &jk_careers_page_info);
  jk_test_wait_until (careers_idle, NULL, 10000);
  click ("Short programs that raise pay");
  jk_window_finish_visit (window);
  jk_test_run_for (50);
  g_assert_cmpuint (jk_program_page_get_n_listed (program_page ()), ==, 0);
  g_assert_false (jk_window_open_page (window, &jk_program_page_info, NULL));
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
  jk_test_kiosk_start (&kiosk, "jk-ui-training-XXXXXX", fake_clock);
  window = kiosk.window;
  jk_test_kiosk_sync (&kiosk, NULL, g_date_time_to_unix (start));
  jk_test_show_window (window, 1280, 720);
  /* Pay and careers imports the demo's [training] data on a worker at
   * start-up. */
  jk_test_wait_until (training_imported, NULL, 20000);

  g_test_add_func ("/training/occupation-section", test_occupation_section);
  g_test_add_func ("/training/program-page", test_program_page);
  g_test_add_func ("/training/print", test_print);
  g_test_add_func ("/training/short-programs", test_short_programs);
  g_test_add_func ("/training/wipe", test_wipe);
  status = g_test_run ();

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (kiosk.app);
  g_object_unref (fake_clock);
  jk_test_cups_stop (cups);
  jk_test_remove_tree (kiosk.state_dir);
  g_free (kiosk.state_dir);
  return status;
}
