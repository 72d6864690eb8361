/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-interests.c: "What kind of work would suit me?" as a visitor uses it, on the demo's O*NET interest
 * profiles: from Pay and careers, cards tapped, Back, results grouped by preparation, an occupation opened, the
 * "My interests" sheet printed on a private cupsd, both languages at two screen sizes, and the wipe */

#include <glib/gstdio.h>
#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-speaker-recorder.h>
#include <jobkiosk/jk-speech.h>
#include <jobkiosk/jk-training.h>

#include "careers/jk-careers-page.h"
#include "careers/jk-occupation-page.h"
#include "interests/jk-interests-page.h"
#include "print/jk-print-page.h"
#include "shell/jk-application.h"
#include "training/jk-program-page.h"
#include "jk-test-cups.h"
#include "jk-test-log.h"
#include "jk-test-pdf.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"

static JkTestKiosk kiosk;
static JkWindow *window;
static JkTestCups *cups;

static JkInterestsPage *
interests_page (void)
{
  return JK_INTERESTS_PAGE (jk_window_get_page (window, &jk_interests_page_info));
}

static gboolean
interests_idle (gpointer data)
{
  return !jk_interests_page_is_busy (interests_page ());
}

static void
click (const char *name)
{
  jk_test_click (GTK_WIDGET (window), name);
}

/* Taps the answer as a finger does: press and release on the button. */
static void
tap (const char *name)
{
  GtkWidget *button = jk_test_find_by_name (GTK_WIDGET (window), name);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  jk_test_click_widget (button);
}

/* The way in: Pay and careers' button. */
static void
open_quiz (void)
{
  gboolean spanish = g_str_has_prefix (jk_i18n_get_language (), "es");

  jk_window_show_page (window, &jk_careers_page_info);
  jk_test_run_for (50);
  click (spanish ? "¿Qué tipo de trabajo me iría bien?" : "What kind of work would suit me?");
  jk_test_run_for (50);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "interests");
}

/* Likes the hands-on and organizing cards, not the others, for n cards
 * (the cards take turns: R I A S E C). */
static void
answer_hands_on (guint n)
{
  for (guint i = 0; i < n; i++)
    {
      guint area = jk_interests_page_get_index (interests_page ()) % 6;

      gboolean spanish = g_str_has_prefix (jk_i18n_get_language (), "es");

      if (area == 0 || area == 5)
        tap (spanish ? "Me gustaría" : "I'd like it");
      else
        tap (spanish ? "No es para mí" : "Not for me");
    }
}

/* The result rows (occupations) and the group headings above them. */
static void
count_rows (guint *headings,
            guint *occupations)
{
  GList *rows = gtk_container_get_children (GTK_CONTAINER (jk_interests_page_get_list (interests_page ())));

  *headings = *occupations = 0;
  for (GList *l = rows; l != NULL; l = l->next)
    {
      GtkWidget *header = gtk_list_box_row_get_header (l->data);

      (*occupations)++;
      if (header != NULL && gtk_widget_get_visible (header))
        (*headings)++;
      g_assert_nonnull (atk_object_get_name (gtk_widget_get_accessible (l->data)));
    }
  g_list_free (rows);
}

static GtkListBoxRow *
first_occupation_row (void)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (jk_interests_page_get_list (interests_page ()), 0);

  g_assert_nonnull (row);
  return row;
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

/* Cards tapped one at a time, Back re-asks the last, results any time. */
static void
test_journey (void)
{
  const JkInterestResult *result;
  guint headings, occupations;

  jk_test_fresh_visit (window);
  /* The way in, at the top of Pay and careers. */
  jk_window_show_page (window, &jk_careers_page_info);
  jk_test_run_for (50);
  jk_test_screenshot (GTK_WIDGET (window), "interests-way-in-en");
  open_quiz ();
  g_assert_cmpuint (jk_interests_page_get_index (interests_page ()), ==, 0);
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "Fix a car engine that will not start"));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "Card 1 of 30"));
  g_assert_false (gtk_widget_is_sensitive (jk_test_find_by_name (GTK_WIDGET (window), "Back to the last card")));
  jk_test_screenshot (GTK_WIDGET (window), "interests-card-en");

  tap ("I'd like it");
  tap ("Not sure");
  g_assert_cmpuint (jk_interests_page_get_index (interests_page ()), ==, 2);
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "Card 3 of 30"));
  /* Back: the second card again, to answer it otherwise. */
  tap ("Back to the last card");
  g_assert_cmpuint (jk_interests_page_get_index (interests_page ()), ==, 1);
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "Find out why a machine keeps breaking"));
  tap ("Not for me");
  answer_hands_on (16);
  g_assert_cmpuint (jk_interests_page_get_n_answered (interests_page ()), ==, 18);

  /* Stopped before the end: the answers so far are scored. */
  click ("See my results");
  jk_test_wait_until (interests_idle, NULL, 10000);
  result = jk_interests_page_get_result (interests_page ());
  g_assert_nonnull (result);
  g_assert_true (result->ranked);
  g_assert_cmpuint (result->n_top, >=, 1);
  g_assert_cmpint (result->top[0], ==, JK_INTEREST_REALISTIC);
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "You like working with your hands and fixing things.\n"
                                                             "You like keeping things in order and working with numbers."));
  count_rows (&headings, &occupations);
  g_assert_cmpuint (occupations, ==, result->occupations->len);
  g_assert_cmpuint (occupations, >, 3);
  /* The demo's hands-on jobs need little, some or medium preparation: more than one group. */
  g_assert_cmpuint (headings, >=, 2);
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "Little or no preparation"));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "Some preparation"));
  /* Pay here and the jobs open, on each occupation. */
  g_assert_nonnull (strstr (atk_object_get_name (gtk_widget_get_accessible (GTK_WIDGET (first_occupation_row ()))),
                            " a year"));
  g_assert_nonnull (strstr (atk_object_get_name (gtk_widget_get_accessible (GTK_WIDGET (first_occupation_row ()))),
                            "near you"));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), jk_interests_words_about ()));
  /* The demo's examples of hands-on work (its Interests Illustrative Activities). */
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window),
                                        "Work like this, for example: Repair a leaking pipe under a sink. Load a truck "
                                        "with a forklift. Put together furniture from a kit."));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window),
                                        "The occupations' interest profiles are demo figures made up for this kiosk."));
  jk_test_screenshot (GTK_WIDGET (window), "interests-results-en");

  /* An occupation opens its page; Back returns to the same results. */
  {
    GtkListBoxRow *row = first_occupation_row ();
    const char *soc = g_object_get_data (G_OBJECT (row), "jk-soc");

    g_signal_emit_by_name (jk_interests_page_get_list (interests_page ()), "row-activated", row);
    jk_test_run_for (100);
    g_assert_cmpstr (jk_window_get_page_name (window), ==, "occupation");
    g_assert_cmpstr (jk_occupation_page_get_soc (JK_OCCUPATION_PAGE (jk_window_get_page (window,
                                                                                         &jk_occupation_page_info))),
                     ==, soc);
  }
  jk_window_show_page (window, &jk_interests_page_info);
  jk_test_run_for (50);
  g_assert_true (jk_interests_page_get_result (interests_page ()) == result);

  /* Back to the cards: the first one not answered. */
  click ("Back to the cards");
  g_assert_cmpuint (jk_interests_page_get_index (interests_page ()), ==, 18);
}

/* All "Not sure": no ranking, the honest message instead. */
static void
test_not_sure (void)
{
  const JkInterestResult *result;
  guint headings, occupations;

  jk_test_fresh_visit (window);
  open_quiz ();
  for (int i = 0; i < 30; i++)
    tap ("Not sure");
  /* The last card shows the results by itself. */
  jk_test_wait_until (interests_idle, NULL, 10000);
  result = jk_interests_page_get_result (interests_page ());
  g_assert_nonnull (result);
  g_assert_false (result->ranked);
  count_rows (&headings, &occupations);
  g_assert_cmpuint (occupations, ==, 0);
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), result->message));
  g_assert_true (g_str_has_prefix (result->message, "We can't tell yet"));
  jk_test_screenshot (GTK_WIDGET (window), "interests-not-sure-en");
}

/* Both languages at 1280x720 and 1920x1080, the card and the results. */
static void
test_languages_and_sizes (void)
{
  static const int sizes[][2] = { { 1280, 720 }, { 1920, 1080 } };

  for (gsize s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int spanish = 0; spanish <= 1; spanish++)
      {
        g_autofree char *card = g_strdup_printf ("interests-card-%s-%dx%d", spanish ? "es" : "en", sizes[s][0],
                                                 sizes[s][1]);
        g_autofree char *results = g_strdup_printf ("interests-results-%s-%dx%d", spanish ? "es" : "en",
                                                    sizes[s][0], sizes[s][1]);

        jk_test_fresh_visit (window);
        jk_test_resize (GTK_WIDGET (window), sizes[s][0], sizes[s][1]);
        if (spanish)
          click ("Español");
        open_quiz ();
        if (spanish)
          g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "Arreglar el motor de un carro que no arranca"));
        jk_test_screenshot (GTK_WIDGET (window), card);
        answer_hands_on (12);
        click (spanish ? "Ver mis resultados" : "See my results");
        jk_test_wait_until (interests_idle, NULL, 10000);
        if (spanish)
          g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "Poca o ninguna preparación"));
        jk_test_screenshot (GTK_WIDGET (window), results);
      }
  jk_test_fresh_visit (window);
  jk_test_resize (GTK_WIDGET (window), 1280, 720);
}

/* "My interests": printed through the print page on the private cupsd,
 * one page, its words read back from the PDF. */
static void
test_print (void)
{
  g_autoptr (GPtrArray) printed = NULL;
  g_autofree char *text = NULL;
  JkDocument *document;

  jk_test_fresh_visit (window);
  open_quiz ();
  answer_hands_on (30);
  jk_test_wait_until (interests_idle, NULL, 10000);
  click ("Print my interests");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "print");
  jk_test_wait_until (jk_test_print_rendered, kiosk.app, 10000);
  document = jk_print_page_get_document (jk_application_get_print_page (kiosk.app));
  g_assert_nonnull (document);
  g_assert_cmpuint (jk_document_get_n_pages (document), ==, 1);
  {
    g_autofree char *pdf = g_build_filename (g_getenv ("JK_SCREENSHOT_DIR"), "interest-sheet-en.pdf", NULL);
    g_autoptr (GError) error = NULL;

    g_mkdir_with_parents (g_getenv ("JK_SCREENSHOT_DIR"), 0755);
    g_assert_true (jk_document_save (document, pdf, &error));
  }
  jk_test_screenshot (GTK_WIDGET (window), "interest-sheet-preview-en");
  jk_test_wait_until (jk_test_print_ready, window, 10000);
  click ("Print");
  printed = jk_test_cups_wait_for_output (cups, 1, 20000);
  g_assert_nonnull (printed);
  text = jk_test_pdf_text (printed->pdata[printed->len - 1]);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "My interests"));
  g_assert_nonnull (strstr (text, "You like working with your hands"));
  g_assert_nonnull (strstr (text, "Jobs that may suit you"));
  g_assert_nonnull (strstr (text, "preparation"));
  g_assert_nonnull (strstr (text, "not the official O*NET Interest"));
}

static gboolean
training_imported (gpointer data)
{
  return jk_training_count (kiosk.store, "31-1131", NULL) > 0;   /* nursing assistants: in the demo list */
}

/* A program button of the occupation page's "Training for this job near
 * you", or NULL. */
static void
find_program_cb (GtkWidget *widget,
                 gpointer   data)
{
  GtkWidget **found = data;

  if (*found != NULL || !gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "jk-program-id") != NULL)
    *found = widget;
  else if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), find_program_cb, data);
}

/* The journey: the quiz, an occupation it found, a training
 * program for it, the program printed. */
static void
test_quiz_to_training (void)
{
  g_autoptr (GPtrArray) printed = NULL;
  g_autofree char *text = NULL;
  GtkListBox *list;
  GtkListBoxRow *chosen = NULL;
  GtkWidget *program = NULL;

  jk_test_fresh_visit (window);
  jk_window_show_page (window, &jk_careers_page_info);
  jk_test_wait_until (training_imported, NULL, 20000);
  open_quiz ();
  answer_hands_on (30);
  jk_test_wait_until (interests_idle, NULL, 10000);
  /* The first occupation in the results that the demo's list trains for. */
  list = jk_interests_page_get_list (interests_page ());
  for (int i = 0; chosen == NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      const char *soc;

      g_assert_nonnull (row);
      soc = g_object_get_data (G_OBJECT (row), "jk-soc");
      if (soc != NULL && jk_training_count (kiosk.store, soc, NULL) > 0)
        chosen = row;
    }
  g_signal_emit_by_name (list, "row-activated", chosen);
  jk_test_run_for (100);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "occupation");
  find_program_cb (GTK_WIDGET (jk_window_get_page (window, &jk_occupation_page_info)), &program);
  g_assert_nonnull (program);
  gtk_button_clicked (GTK_BUTTON (program));
  jk_test_run_for (50);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "program");
  jk_test_screenshot (GTK_WIDGET (window), "interests-to-program-en");
  click ("Print this program");
  jk_test_wait_until (jk_test_print_rendered, kiosk.app, 10000);
  jk_test_wait_until (jk_test_print_ready, window, 10000);
  click ("Print");
  printed = jk_test_cups_wait_for_output (cups, 2, 20000);
  g_assert_nonnull (printed);
  text = jk_test_pdf_text (printed->pdata[printed->len - 1]);
  g_assert_nonnull (strstr (text, "Training program"));
  g_assert_nonnull (strstr (text, "WIOA may pay for this"));
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

/* With speech on: each card as it shows, then the results in words. */
static void
test_speech (void)
{
  g_auto (GStrv) first = NULL;
  g_auto (GStrv) next = NULL;
  g_auto (GStrv) results = NULL;

  jk_test_fresh_visit (window);
  jk_speech_set_active (jk_application_get_speech (kiosk.app), TRUE);
  jk_test_run_for (50);
  g_strfreev (jk_speaker_recorder_take_lines (kiosk.speaker));
  open_quiz ();
  first = jk_speaker_recorder_take_lines (kiosk.speaker);
  g_assert_true (said ((const char *const *) first, "Card 1 of 30. Would you like this: Fix a car engine that will not start?"));
  tap ("I'd like it");
  next = jk_speaker_recorder_take_lines (kiosk.speaker);
  g_assert_true (said ((const char *const *) next, "Find out why a machine keeps breaking"));
  answer_hands_on (11);
  g_strfreev (jk_speaker_recorder_take_lines (kiosk.speaker));
  click ("See my results");
  jk_test_wait_until (interests_idle, NULL, 10000);
  results = jk_speaker_recorder_take_lines (kiosk.speaker);
  g_assert_true (said ((const char *const *) results, "You like working with your hands and fixing things."));
  g_assert_true (said ((const char *const *) results, "Little or no preparation"));
  g_assert_true (said ((const char *const *) results, " a year"));
  jk_speech_set_active (jk_application_get_speech (kiosk.app), FALSE);
}

/* The wipe forgets the answers and the results. */
static void
test_wipe (void)
{
  jk_test_fresh_visit (window);
  open_quiz ();
  answer_hands_on (12);
  click ("See my results");
  jk_test_wait_until (interests_idle, NULL, 10000);
  g_assert_nonnull (jk_interests_page_get_result (interests_page ()));
  /* Answering made the visit one to forget: Finish would ask. */
  g_assert_false (jk_session_is_pristine (jk_window_get_session (window)));
  jk_window_finish_visit (window);
  jk_test_run_for (50);
  g_assert_null (jk_interests_page_get_result (interests_page ()));
  g_assert_cmpuint (jk_interests_page_get_n_answered (interests_page ()), ==, 0);
  g_assert_cmpuint (jk_interests_page_get_index (interests_page ()), ==, 0);
  open_quiz ();
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (window), "Card 1 of 30"));
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
  jk_test_kiosk_start (&kiosk, "jk-ui-interests-XXXXXX", fake_clock);
  window = kiosk.window;
  jk_test_kiosk_sync (&kiosk, NULL, g_date_time_to_unix (start));
  jk_test_show_window (window, 1280, 720);

  g_test_add_func ("/interests/journey", test_journey);
  g_test_add_func ("/interests/not-sure", test_not_sure);
  g_test_add_func ("/interests/languages-and-sizes", test_languages_and_sizes);
  g_test_add_func ("/interests/print", test_print);
  g_test_add_func ("/interests/quiz-to-training", test_quiz_to_training);
  g_test_add_func ("/interests/speech", test_speech);
  g_test_add_func ("/interests/wipe", test_wipe);
  status = g_test_run ();

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (kiosk.app);
  g_object_unref (fake_clock);
  jk_test_cups_stop (cups);
  jk_test_remove_tree (kiosk.state_dir);
  g_free (kiosk.state_dir);
  return status;
}
