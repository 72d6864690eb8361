/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-services.c: Other help as a visitor finds it, on the demo's directory imported at start-up: home's tile,
 * a category's services nearest first, a service with its QR code read back, its referral slip printed on a
 * private cupsd, a Spanish word finding English listings, both languages at two screen sizes, and the wipe */

#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-services.h>
#include <jobkiosk/jk-speaker-recorder.h>
#include <math.h>
#include <sys/wait.h>

#include "print/jk-print-page.h"
#include "services/jk-services-page.h"
#include "shell/jk-application.h"
#include "jk-test-cups.h"
#include "jk-test-log.h"
#include "jk-test-pdf.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"

#define CHILD_CARE "Child Care While You Work"

static JkTestKiosk kiosk;
static JkWindow *window;
static JkTestCups *cups;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static JkServicesPage *
services_page (void)
{
  return JK_SERVICES_PAGE (jk_window_get_page (window, &jk_services_page_info));
}

static gboolean
services_idle (gpointer data)
{
  return !jk_services_page_is_busy (services_page ());
}

static void
wait_idle (void)
{
  jk_test_wait_until (services_idle, NULL, 20000);
  jk_test_run_for (50);
}

static void
click (const char *name)
{
  jk_test_click (GTK_WIDGET (window), name);
}

/* A showing button whose accessible name begins with prefix (a service's
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

/* The same screen in both languages at the two kiosk sizes, in normal and
 * larger text; settle (or NULL) runs after each change. */
static void
screenshots (const char *name,
             void      (*settle) (void))
{
  const int sizes[][2] = { { 1280, 720 }, { 1920, 1080 } };

  for (guint l = 0; l < 2; l++)
    {
      if (l == 1)
        click ("Español");
      if (settle != NULL)
        settle ();
      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          g_autofree char *shot = g_strdup_printf ("%s-%s-%dx%d", name, l == 0 ? "en" : "es",
                                                   sizes[i][0], sizes[i][1]);

          jk_test_resize (GTK_WIDGET (window), sizes[i][0], sizes[i][1]);
          jk_test_screenshot (GTK_WIDGET (window), shot);
        }
    }
  click ("English");
  if (settle != NULL)
    settle ();
  jk_test_resize (GTK_WIDGET (window), 1280, 720);
}

/* Draws the QR code as the screen shows it into a PNG and returns what
 * zbarimg reads in it: one decoded symbol per line. */
static char *
read_qr (GtkWidget *qr)
{
  g_autofree char *dir = g_dir_make_tmp ("jk-ui-services-qr-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "qr.png", NULL);
  const char *decode[] = { "zbarimg", "--raw", "-q", png, NULL };
  g_autofree char *zbarimg = g_find_program_in_path ("zbarimg");
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  /* A missing decoder fails the test: a skip would read as a pass. */
  if (zbarimg == NULL)
    g_error ("zbarimg is not installed: install zbar-tools (packaging/dev/deps does)");
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, gtk_widget_get_allocated_width (qr),
                                        gtk_widget_get_allocated_height (qr));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0.96, 0.96, 0.96);
  cairo_paint (cr);
  gtk_widget_draw (qr, cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_spawn_sync (NULL, (char **) decode, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL) && !(WIFEXITED (status) && WEXITSTATUS (status) == 4))
    g_error ("zbarimg failed: %s", err);
  jk_test_remove_tree (dir);
  return g_steal_pointer (&out);
}

static gboolean
services_imported (gpointer data)
{
  return jk_services_count (kiosk.store, NULL) > 0 && !jk_services_page_is_busy (services_page ());
}

/* Home → Other help: the categories. */
static void
open_other_help (void)
{
  jk_test_fresh_visit (window);
  click ("Other help");
  jk_test_run_for (50);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "services");
}

static void
open_child_care (void)
{
  open_other_help ();
  click ("Child care");
  wait_idle ();
  g_assert_cmpuint (jk_services_page_get_n_found (services_page ()), >, 0);
}

static void
open_first_child_care (void)
{
  GtkWidget *button;

  open_child_care ();
  button = find_button_prefix (GTK_WIDGET (window), CHILD_CARE);
  g_assert_nonnull (button);
  gtk_button_clicked (GTK_BUTTON (button));
  jk_test_run_for (50);
  g_assert_nonnull (jk_services_page_get_service (services_page ()));
  g_assert_cmpstr (jk_services_page_get_service (services_page ())->name, ==, CHILD_CARE);
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

/* Home's Other help: the nine categories as tiles and the search field. */
static void
test_categories (void)
{
  const char *const *keys = jk_services_categories ();

  open_other_help ();
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (services_page ()), "What kind of help do you need?"));
  for (guint i = 0; keys[i] != NULL; i++)
    {
      GtkWidget *tile = jk_test_find_by_name (GTK_WIDGET (services_page ()), jk_services_category_name (keys[i]));

      g_assert_nonnull (tile);
      g_assert_true (gtk_widget_get_mapped (tile));
    }
  g_assert_true (gtk_widget_get_mapped (jk_test_find_by_name (GTK_WIDGET (window),
                                                              "Search by words, in English or Spanish")));
  screenshots ("services-categories", NULL);
  /* The tiles follow a switch of language at once. */
  click ("Español");
  g_assert_nonnull (jk_test_find_by_name (GTK_WIDGET (services_page ()), "Cuidado de niños"));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (services_page ()), "¿Qué tipo de ayuda necesita?"));
  click ("English");
}

/* A category: its services near the center, nearest first, each with
 * what it does, its hours in words and how far. */
static void
test_category_list (void)
{
  JkServicesPage *page;
  GtkWidget *button;
  const char *name;

  open_child_care ();
  page = services_page ();
  for (guint i = 0; i < jk_services_page_get_n_found (page); i++)
    {
      const JkService *service = jk_services_page_get_found (page, i);

      g_assert_true (g_strv_contains ((const char *const *) service->categories, "childcare"));
      g_assert_false (isnan (service->distance_miles));
      if (i > 0)
        g_assert_cmpfloat (service->distance_miles, >=, jk_services_page_get_found (page, i - 1)->distance_miles);
    }
  button = find_button_prefix (GTK_WIDGET (window), CHILD_CARE);
  g_assert_nonnull (button);
  name = atk_object_get_name (gtk_widget_get_accessible (button));
  g_test_message ("%s", name);
  g_assert_nonnull (strstr (name, "Little Steps Child Center (demo)"));
  g_assert_nonnull (strstr (name, "Child care for children 6 weeks to 12 years"));
  /* Sunday morning: closed, and said so with the next opening. */
  g_assert_nonnull (strstr (name, "Closed now; opens tomorrow at 6:30 AM"));
  g_assert_nonnull (strstr (name, "miles away"));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (page), "Child care"));
  screenshots ("services-list", wait_idle);
}

/* A service: what it does, hours, address, phone, languages; its vCard
 * read back from the QR code on the screen. */
static void
test_service (void)
{
  const JkService *service;
  g_autofree char *read = NULL;
  g_autofree char *card = NULL;
  g_autofree char *expected = NULL;

  open_first_child_care ();
  service = jk_services_page_get_service (services_page ());
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (services_page ()), "Little Steps Child Center (demo)"));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (services_page ()), "Closed now; opens tomorrow at 6:30 AM"));
  /* The usual week under it (the demo's svc-1). */
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (services_page ()), "Monday to Friday: 6:30 AM to 6:30 PM"));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (services_page ()), "Phone: 614-555-0101"));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (services_page ()), "Languages spoken: English, Spanish"));
  g_assert_true (gtk_widget_get_mapped (jk_test_find_by_name (GTK_WIDGET (window), "Print a referral slip")));
  g_assert_true (gtk_widget_get_mapped (jk_test_find_by_name (GTK_WIDGET (window), "Back to the list")));

  /* No link in the demo: the QR code holds the service's card. */
  read = read_qr (jk_services_page_get_qr_code (services_page ()));
  card = jk_services_vcard (service);
  expected = g_strconcat (card, "\n", NULL);
  g_assert_cmpstr (read, ==, expected);
  g_assert_nonnull (strstr (read, "ORG:Little Steps Child Center (demo)"));
  g_assert_nonnull (strstr (read, "TEL;TYPE=WORK,VOICE:614-555-0101"));
  g_assert_nonnull (strstr (read, "ADR;TYPE=WORK:;;410 Oak St;Columbus;OH;43205;"));
  screenshots ("services-service", NULL);

  /* Spanish words on the same service. */
  click ("Español");
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (services_page ()), "Teléfono: 614-555-0101"));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (services_page ()), "Lunes a viernes: 6:30 a. m. a 6:30 p. m."));
  g_assert_nonnull (jk_test_find_by_name (GTK_WIDGET (window), "Imprimir una hoja de referencia"));
  click ("English");

  /* Back to the list the service came from. */
  click ("Back to the list");
  wait_idle ();
  g_assert_null (jk_services_page_get_service (services_page ()));
  g_assert_nonnull (find_button_prefix (GTK_WIDGET (window), CHILD_CARE));
  click ("All kinds of help");
  g_assert_nonnull (jk_test_find_by_name (GTK_WIDGET (services_page ()), "Food"));
}

/* Print a referral slip: through the print page on the private cupsd,
 * its words read back from the PDF the printer got. */
static void
test_print (void)
{
  g_autoptr (GPtrArray) printed = NULL;
  g_autofree char *text = NULL;
  JkDocument *document;

  open_first_child_care ();
  click ("Print a referral slip");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "print");
  jk_test_wait_until (jk_test_print_rendered, kiosk.app, 10000);
  document = jk_print_page_get_document (jk_application_get_print_page (kiosk.app));
  g_assert_nonnull (document);
  g_assert_cmpstr (jk_document_get_kind (document), ==, "service slip");
  g_assert_cmpuint (jk_document_get_n_pages (document), ==, 1);
  jk_test_screenshot (GTK_WIDGET (window), "services-slip-print-en");
  jk_test_wait_until (jk_test_print_ready, window, 10000);
  click ("Print");
  printed = jk_test_cups_wait_for_output (cups, 1, 20000);
  g_assert_nonnull (printed);
  text = jk_test_pdf_text (printed->pdata[printed->len - 1]);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Referral slip"));
  g_assert_nonnull (strstr (text, CHILD_CARE));
  g_assert_nonnull (strstr (text, "Little Steps Child Center (demo)"));
  g_assert_nonnull (strstr (text, "Address: 410 Oak St, Columbus, OH 43205"));
  /* The week on paper, not the open-now words that go stale. */
  g_assert_nonnull (strstr (text, "Hours: Monday to Friday: 6:30 AM to 6:30 PM"));
  g_assert_null (strstr (text, "Closed now"));
  g_assert_nonnull (strstr (text, "Phone: 614-555-0101"));
  g_assert_nonnull (strstr (text, "What to bring: Bring a photo ID and proof of address."));
  g_assert_nonnull (strstr (text, kiosk.config->center_name));
  g_assert_nonnull (strstr (text, "Printed Nov 22, 2026"));
}

/* Search by words: a Spanish word finds services the directory lists in
 * English only; words that match nothing say so. */
static void
test_search_spanish (void)
{
  GtkEntry *entry;
  gboolean pantry = FALSE;

  open_other_help ();
  entry = GTK_ENTRY (jk_test_find_by_name (GTK_WIDGET (window), "Search by words, in English or Spanish"));
  gtk_entry_set_text (entry, "comida");
  g_signal_emit_by_name (entry, "activate");
  wait_idle ();
  g_assert_cmpuint (jk_services_page_get_n_found (services_page ()), >, 0);
  for (guint i = 0; i < jk_services_page_get_n_found (services_page ()); i++)
    pantry |= g_strcmp0 (jk_services_page_get_found (services_page (), i)->name, "Weekly Food Pantry") == 0;
  g_assert_true (pantry);
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (services_page ()), "Services for “comida”"));

  gtk_entry_set_text (entry, "zzyzx");
  g_signal_emit_by_name (entry, "activate");
  wait_idle ();
  g_assert_cmpuint (jk_services_page_get_n_found (services_page ()), ==, 0);
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (services_page ()),
                                        "No services found for these words. Try other words, or choose a kind of "
                                        "help."));
}

/* Speech on: the list's count and rows are said when they arrive. */
static void
test_speech (void)
{
  JkSpeech *speech = jk_application_get_speech (kiosk.app);
  g_auto (GStrv) lines = NULL;
  g_autofree char *said = NULL;

  open_other_help ();
  g_action_group_activate_action (G_ACTION_GROUP (window), "speech", NULL);
  g_assert_true (jk_speech_get_active (speech));
  g_strfreev (jk_speaker_recorder_take_lines (kiosk.speaker));
  click ("Child care");
  wait_idle ();
  lines = jk_speaker_recorder_take_lines (kiosk.speaker);
  said = g_strjoinv ("\n", lines);
  g_test_message ("%s", said);
  g_assert_nonnull (strstr (said, "services, nearest first"));
  g_assert_nonnull (strstr (said, CHILD_CARE));
  g_action_group_activate_action (G_ACTION_GROUP (window), "speech", NULL);
}

/* The wipe: the page keeps nothing of the visit. */
static void
test_wipe (void)
{
  open_first_child_care ();
  jk_window_finish_visit (window);
  jk_test_run_for (50);
  g_assert_null (jk_services_page_get_service (services_page ()));
  g_assert_cmpuint (jk_services_page_get_n_found (services_page ()), ==, 0);
  g_assert_null (jk_test_find_label (GTK_WIDGET (services_page ()), "Little Steps Child Center (demo)"));
  g_assert_null (jk_test_find_by_name (GTK_WIDGET (services_page ()), "Back to the list"));
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
  jk_test_kiosk_start (&kiosk, "jk-ui-services-XXXXXX", fake_clock);
  window = kiosk.window;
  jk_test_kiosk_sync (&kiosk, NULL, g_date_time_to_unix (start));
  jk_test_show_window (window, 1280, 720);
  /* The services page imports the demo's [services] data on a worker at
   * start-up. */
  jk_test_wait_until (services_imported, NULL, 20000);

  g_test_add_func ("/services/categories", test_categories);
  g_test_add_func ("/services/category-list", test_category_list);
  g_test_add_func ("/services/service", test_service);
  g_test_add_func ("/services/print", test_print);
  g_test_add_func ("/services/search-spanish", test_search_spanish);
  g_test_add_func ("/services/speech", test_speech);
  g_test_add_func ("/services/wipe", test_wipe);
  status = g_test_run ();

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (kiosk.app);
  g_object_unref (fake_clock);
  jk_test_cups_stop (cups);
  jk_test_remove_tree (kiosk.state_dir);
  g_free (kiosk.state_dir);
  return status;
}
