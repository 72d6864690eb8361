/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-referral.c: "Ask them to contact me" on the demo's directory: the button only for a partner's services,
 * the form's checks, "No, go back" sends nothing, "Yes, send it" queues one referral, its slip printed on a private
 * cupsd, both languages at two screen sizes, and the wipe */

#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-mail.h>
#include <jobkiosk/jk-referrals.h>
#include <jobkiosk/jk-services.h>
#include <jobkiosk/jk-speaker-recorder.h>
#include <jobkiosk/jk-speech.h>

#include "print/jk-print-page.h"
#include "services/jk-referral-page.h"
#include "shell/jk-application.h"
#include "jk-test-cups.h"
#include "jk-test-log.h"
#include "jk-test-pdf.h"
#include "jk-test-proc.h"
#include "jk-test-ui-util.h"

/* The demo's [partner little-steps]: its organization's first service. */
#define PARTNER_ORGANIZATION "Little Steps Child Center (demo)"
#define PARTNER_SERVICE "Child Care While You Work"

static JkTestKiosk kiosk;
static JkWindow *window;
static JkTestCups *cups;
static gint64 service_id;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static JkReferralPage *
referral_page (void)
{
  return JK_REFERRAL_PAGE (jk_window_get_page (window, &jk_referral_page_info));
}

static GtkEntry *
entry (const char *id)
{
  return GTK_ENTRY (jk_referral_page_get_widget (referral_page (), id));
}

static void
click (const char *name)
{
  jk_test_click (GTK_WIDGET (window), name);
}

static guint
outbox_count (void)
{
  g_autoptr (GError) error = NULL;
  guint n = jk_outbox_count_waiting (jk_store_get_path (kiosk.store), &error);

  g_assert_no_error (error);
  return n;
}

static GPtrArray *
referrals (void)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *list = jk_referrals_list (jk_store_get_path (kiosk.store), &error);

  g_assert_no_error (error);
  return list;
}

static guint
referral_count (void)
{
  g_autoptr (GPtrArray) list = referrals ();

  return list->len;
}

static gboolean
page_idle (gpointer data)
{
  return !jk_referral_page_is_busy (referral_page ());
}

static void
open_referral (void)
{
  jk_test_fresh_visit (window);
  g_assert_true (jk_window_open_page (window, &jk_referral_page_info, g_variant_new_int64 (service_id)));
  jk_test_run_for (50);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "referral");
  g_assert_cmpstr (jk_referral_page_get_step (referral_page ()), ==, "form");
}

static void
fill_form (void)
{
  gtk_entry_set_text (entry ("first_name_entry"), "Maria");
  gtk_entry_set_text (entry ("phone_entry"), "614 555 0123");
  click ("I need this service");
  jk_test_run_for (20);
}

/* The same screen in both languages at the two kiosk sizes. */
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

static gboolean
said (const char *part)
{
  g_auto (GStrv) lines = jk_speaker_recorder_take_lines (kiosk.speaker);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], part) != NULL)
      return TRUE;
  for (guint i = 0; lines[i] != NULL; i++)
    g_test_message ("  said: %s", lines[i]);
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

/* The button is offered for a partner's service only, and opens the form. */
static void
test_button (void)
{
  JkService partner_service = { .id = service_id, .organization = (char *) "LITTLE STEPS child center (demo)",
                                .name = (char *) PARTNER_SERVICE };
  JkService other = { .id = service_id, .organization = (char *) "Eastside Food Pantry (demo)",
                      .name = (char *) "Hot Meals" };
  JkPage *home;
  GtkWidget *none;
  GtkWidget *button;

  jk_test_fresh_visit (window);
  home = jk_window_get_current_page (window);
  none = jk_referral_page_new_button (home, &other);
  g_assert_null (none);
  button = g_object_ref_sink (jk_referral_page_new_button (home, &partner_service));
  g_assert_nonnull (button);
  g_assert_cmpstr (atk_object_get_name (gtk_widget_get_accessible (button)), ==, "Ask them to contact me");
  gtk_button_clicked (GTK_BUTTON (button));
  jk_test_run_for (50);
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "referral");
  g_assert_cmpstr (jk_referral_page_get_step (referral_page ()), ==, "form");
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (referral_page ()), "Ask Little Steps Child Center (demo) to call you"));
  g_object_unref (button);
  /* A service without an agreement cannot be opened. */
  g_assert_false (jk_window_open_page (window, &jk_referral_page_info, g_variant_new_int64 (-1)));
}

/* The form says in plain words what is missing; nothing moves on. */
static void
test_form_checks (void)
{
  guint waiting = outbox_count ();

  open_referral ();
  screenshots ("referral-form");
  click ("Next");
  g_assert_cmpstr (jk_referral_page_get_step (referral_page ()), ==, "form");
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (referral_page ()), "Type your first name."));
  gtk_entry_set_text (entry ("first_name_entry"), "Maria");
  gtk_entry_set_text (entry ("phone_entry"), "555 0123");
  click ("Next");
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (referral_page ()),
                                        "Type a US phone number with its area code: 10 numbers."));
  gtk_entry_set_text (entry ("phone_entry"), "(614) 555-0123");
  click ("Next");
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (referral_page ()), "Pick a reason."));
  click ("I have a question");
  click ("Next");
  g_assert_cmpstr (jk_referral_page_get_step (referral_page ()), ==, "consent");
  g_assert_cmpuint (outbox_count (), ==, waiting);
}

/* "No, go back" on the consent screen: nothing sent, nothing typed kept. */
static void
test_no_sends_nothing (void)
{
  guint waiting = outbox_count ();
  guint kept = referral_count ();

  open_referral ();
  fill_form ();
  click ("Next");
  g_assert_cmpstr (jk_referral_page_get_step (referral_page ()), ==, "consent");
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (referral_page ()),
                                        "We will send your first name, your phone number and the reason you pick "
                                        "to Little Steps Child Center (demo). They will call you. Nothing else about "
                                        "you is kept on this kiosk."));
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (referral_page ()),
                                        "First name: Maria\nPhone: (614) 555-0123\nReason: I need this service"));
  screenshots ("referral-consent");
  click ("No, go back");
  jk_test_run_for (50);
  g_assert_cmpstr (jk_window_get_page_name (window), !=, "referral");
  g_assert_cmpstr (gtk_entry_get_text (entry ("first_name_entry")), ==, "");
  g_assert_cmpstr (gtk_entry_get_text (entry ("phone_entry")), ==, "");
  g_assert_cmpuint (outbox_count (), ==, waiting);
  g_assert_cmpuint (referral_count (), ==, kept);
}

/* "Yes, send it": one referral queued with the reference shown; the slip
 * printed on the private cupsd says it, with the number hidden. */
static void
test_yes_queues_and_prints (void)
{
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) printed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *reference = NULL;
  const JkReferral *referral;
  JkDocument *document;
  guint waiting = outbox_count ();
  guint kept = referral_count ();

  open_referral ();
  fill_form ();
  click ("Next");
  click ("Yes, send it");
  jk_test_wait_until (page_idle, NULL, 10000);
  jk_test_run_for (50);
  g_assert_cmpstr (jk_referral_page_get_step (referral_page ()), ==, "sent");
  reference = g_strdup (jk_referral_page_get_reference (referral_page ()));
  g_assert_nonnull (reference);
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (referral_page ()), reference));
  /* The fields hold nothing once it is kept. */
  g_assert_cmpstr (gtk_entry_get_text (entry ("first_name_entry")), ==, "");
  g_assert_cmpstr (gtk_entry_get_text (entry ("phone_entry")), ==, "");
  list = referrals ();
  g_assert_cmpuint (list->len, ==, kept + 1);
  referral = list->pdata[list->len - 1];
  g_assert_cmpstr (referral->reference, ==, reference);
  g_assert_cmpstr (referral->partner, ==, "little-steps");
  g_assert_cmpstr (referral->service, ==, PARTNER_SERVICE);
  g_assert_cmpstr (referral->reason, ==, "need");
  /* The demo's endpoint goes nowhere: it waits. */
  g_assert_cmpint (referral->state, ==, JK_REFERRAL_WAITING);
  g_assert_cmpuint (outbox_count (), ==, waiting + 1);
  screenshots ("referral-sent");

  click ("Print a slip");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "print");
  jk_test_wait_until (jk_test_print_rendered, kiosk.app, 10000);
  document = jk_print_page_get_document (jk_application_get_print_page (kiosk.app));
  g_assert_nonnull (document);
  g_assert_cmpstr (jk_document_get_kind (document), ==, "referral slip");
  jk_test_wait_until (jk_test_print_ready, window, 10000);
  click ("Print");
  printed = jk_test_cups_wait_for_output (cups, 1, 20000);
  g_assert_nonnull (printed);
  text = jk_test_pdf_text (printed->pdata[printed->len - 1]);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, reference));
  g_assert_nonnull (strstr (text, PARTNER_ORGANIZATION));
  g_assert_nonnull (strstr (text, PARTNER_SERVICE));
  g_assert_nonnull (strstr (text, "(xxx) xxx-xx23"));
  g_assert_null (strstr (text, "Maria"));
  g_assert_null (strstr (text, "555"));
}

/* With speech on: what the page asks, the consent in full, and the
 * reference once sent. */
static void
test_speech (void)
{
  /* On after the fresh visit, which ends speech with the visit. */
  jk_test_fresh_visit (window);
  jk_speech_set_active (jk_application_get_speech (kiosk.app), TRUE);
  jk_test_run_for (50);
  g_strfreev (jk_speaker_recorder_take_lines (kiosk.speaker));
  g_assert_true (jk_window_open_page (window, &jk_referral_page_info, g_variant_new_int64 (service_id)));
  jk_test_run_for (50);
  g_assert_true (said ("Type your first name and phone number, and pick why they should call."));
  fill_form ();
  g_strfreev (jk_speaker_recorder_take_lines (kiosk.speaker));
  click ("Next");
  jk_test_run_for (50);
  g_assert_true (said ("We will send your first name, your phone number and the reason you pick to Little Steps"));
  click ("Yes, send it");
  jk_test_wait_until (page_idle, NULL, 10000);
  jk_test_run_for (50);
  g_assert_cmpstr (jk_referral_page_get_step (referral_page ()), ==, "sent");
  {
    g_autofree char *spoken = g_strdup_printf ("Your reference number is %s.",
                                               jk_referral_page_get_reference (referral_page ()));

    g_assert_true (said (spoken));
  }
  jk_speech_set_active (jk_application_get_speech (kiosk.app), FALSE);
}

/* The wipe: the page keeps nothing, and cannot be shown again without a
 * service. */
static void
test_wipe (void)
{
  open_referral ();
  fill_form ();
  jk_window_finish_visit (window);
  jk_test_run_for (50);
  g_assert_cmpstr (gtk_entry_get_text (entry ("first_name_entry")), ==, "");
  g_assert_cmpstr (gtk_entry_get_text (entry ("phone_entry")), ==, "");
  g_assert_null (jk_referral_page_get_reference (referral_page ()));
  g_assert_false (jk_window_open_page (window, &jk_referral_page_info, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GDateTime) start = g_date_time_new_local (2026, 11, 22, 9, 40, 0);
  g_autofree char *services = g_build_filename (g_getenv ("JOBKIOSK_DATADIR"), "services", "demo", NULL);
  g_autoptr (JkServicesImport) import = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = NULL;
  JkClock *fake_clock;
  int status;

  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();
  jk_i18n_init ();
  jk_test_require_display ();

  cups = jk_test_cups_start_default ();
  fake_clock = jk_clock_new_fake (start);
  jk_test_kiosk_start (&kiosk, "jk-ui-referral-XXXXXX", fake_clock);
  window = kiosk.window;
  import = jk_services_import (kiosk.store, services, g_date_time_to_unix (start), &error);
  g_assert_no_error (error);
  found = jk_services_search (kiosk.store, PARTNER_SERVICE, NULL, start, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((JkService *) found->pdata[0])->organization, ==, PARTNER_ORGANIZATION);
  service_id = ((JkService *) found->pdata[0])->id;
  jk_test_show_window (window, 1280, 720);

  g_test_add_func ("/referral/button", test_button);
  g_test_add_func ("/referral/form-checks", test_form_checks);
  g_test_add_func ("/referral/no-sends-nothing", test_no_sends_nothing);
  g_test_add_func ("/referral/yes-queues-and-prints", test_yes_queues_and_prints);
  g_test_add_func ("/referral/speech", test_speech);
  g_test_add_func ("/referral/wipe", test_wipe);
  status = g_test_run ();

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (kiosk.app);
  g_object_unref (fake_clock);
  jk_test_cups_stop (cups);
  jk_test_remove_tree (kiosk.state_dir);
  g_free (kiosk.state_dir);
  return status;
}
