/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-screens.c: every screen of the kiosk, reached as a visitor would, for the measuring tests */

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-services.h>
#include <jobkiosk/jk-speech.h>
#include <jobkiosk/jk-staff.h>
#include <jobkiosk/jk-services.h>
#include <jobkiosk/jk-training.h>
#include <jobkiosk/jk-visit.h>

#include "shell/jk-application.h"
#include "careers/jk-careers-page.h"
#include "careers/jk-occupation-page.h"
#include "checkin/jk-checkin-page.h"
#include "services/jk-referral-page.h"
#include "interests/jk-interests-page.h"
#include "shell/jk-info-page.h"
#include "jobs/jk-list-page.h"
#include "jobs/jk-log-page.h"
#include "jobs/jk-search-page.h"
#include "mail/jk-mail-flow.h"
#include "print/jk-print-page.h"
#include "resume/jk-resume-page.h"
#include "services/jk-services-page.h"
#include "staff/jk-staff-feeds.h"
#include "staff/jk-staff-page.h"
#include "staff/jk-staff-print-queue.h"
#include "staff/jk-staff-resume.h"
#include "staff/jk-staff-settings-form.h"
#include "staff/jk-staff-today.h"
#include "staff/jk-staff-usage.h"
#include "orientation/jk-orientation-page.h"
#include "typing/jk-typing-page.h"
#include "widgets/jk-pin-pad.h"
#include "training/jk-program-page.h"
#include "jk-test-proc.h"
#include "jk-test-screens.h"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

#define click(name) jk_test_click (GTK_WIDGET (window), (name))

/* The kiosk's database, for the screens reached by what is in it. */
static JkStore *screens_store;
/* The kiosk's configuration, for screens only a configured kiosk shows. */
static JkConfig *screens_config;

static void
search_for (JkWindow   *window,
            const char *what)
{
  jk_search_page_set_text (jk_test_search_page (window), what, NULL);
  jk_search_page_search_now (jk_test_search_page (window));
  jk_test_wait_until (jk_test_search_idle, window, 10000);
}

static void
open_line_cook (JkWindow *window)
{
  GtkListBoxRow *row;

  jk_window_show_page (window, &jk_search_page_info);
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  search_for (window, "cook");
  row = jk_search_page_get_result (jk_test_search_page (window), 0);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activate");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "job");
}

static gboolean
keyboard_revealed (gpointer data)
{
  GtkWidget *keyboard = GTK_WIDGET (jk_window_get_keyboard (JK_WINDOW (data)));

  return keyboard != NULL && gtk_revealer_get_child_revealed (GTK_REVEALER (gtk_widget_get_parent (keyboard)));
}

static gboolean
rendered (gpointer data)
{
  return !jk_print_page_is_rendering (JK_PRINT_PAGE (jk_window_get_page (JK_WINDOW (data), &jk_print_page_info)));
}

/* ---------------------------------------------------------------------- */
/* The screens                                                            */

/* Home; data 1: with a real keyboard, so the typing test's button shows. */
static void
reach_home (JkWindow     *window,
            JkClock      *clock,
            gconstpointer data)
{
  screens_config->physical_keyboard = GPOINTER_TO_INT (data) == 1;
  jk_test_fresh_visit (window);
}

/* The typing test: 0 the lengths, 1 a test under way, 2 its result. */
static void
reach_typing (JkWindow     *window,
              JkClock      *clock,
              gconstpointer data)
{
  int step = GPOINTER_TO_INT (data);
  JkTypingPage *page;

  screens_config->physical_keyboard = TRUE;
  jk_test_fresh_visit (window);
  jk_window_show_page (window, &jk_typing_page_info);
  page = JK_TYPING_PAGE (jk_window_get_page (window, &jk_typing_page_info));
  if (step >= 1)
    {
      click ("1 minute");
      gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (jk_typing_page_get_view (page)),
                                        "Maria got up erly on the first day ", -1);
    }
  if (step >= 2)
    {
      jk_clock_advance (clock, 61 * G_USEC_PER_SEC);
      jk_test_run_for (20);
      g_assert_nonnull (jk_typing_page_get_result (page));
    }
  jk_test_run_for (20);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
}

static void
reach_search_results (JkWindow     *window,
                      JkClock      *clock,
                      gconstpointer data)
{
  jk_test_fresh_visit (window);
  click ("Find a job");
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  g_assert_cmpint (jk_search_page_get_count (jk_test_search_page (window)), >, 3);
}

static void
reach_search_keyboard (JkWindow     *window,
                       JkClock      *clock,
                       gconstpointer data)
{
  JkSearchPage *page;
  GtkWidget *entry;

  jk_test_fresh_visit (window);
  click ("Find a job");
  page = jk_test_search_page (window);
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  entry = jk_test_find_by_type (GTK_WIDGET (page), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  gtk_widget_grab_focus (entry);
  g_assert_true (jk_window_get_keyboard_shown (window));
  for (const char *key = "cook"; *key != '\0'; key++)
    {
      char letter[2] = { *key, '\0' };
      g_assert_true (jk_keyboard_press (jk_window_get_keyboard (window), letter));
    }
  jk_search_page_search_now (page);
  jk_test_wait_until (jk_test_search_idle, window, 10000);
  jk_test_wait_until (keyboard_revealed, window, 5000);
  g_assert_cmpint (jk_search_page_get_count (page), >=, 2);
}

static void
reach_job (JkWindow     *window,
           JkClock      *clock,
           gconstpointer data)
{
  jk_test_fresh_visit (window);
  open_line_cook (window);
}

static void
reach_my_list (JkWindow     *window,
               JkClock      *clock,
               gconstpointer data)
{
  jk_test_fresh_visit (window);
  open_line_cook (window);
  click ("Save to my list");
  jk_window_show_page (window, &jk_list_page_info);
  g_assert_cmpuint (jk_visit_get_saved_jobs (jk_window_get_session (window))->len, ==, 1);
}

static void
reach_print (JkWindow     *window,
             JkClock      *clock,
             gconstpointer data)
{
  jk_test_fresh_visit (window);
  open_line_cook (window);
  click ("Print this job");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "print");
  jk_test_wait_until (rendered, window, 10000);
  /* The printer check (no printer here) answers quickly; let it. */
  jk_test_run_for (300);
}

/* The email page for My list, keyboard up, as a visitor reaches it. */
static void
reach_email (JkWindow     *window,
             JkClock      *clock,
             gconstpointer data)
{
  JkApplication *app = JK_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  reach_my_list (window, clock, data);
  jk_mail_flow_show (jk_application_get_mail_flow (app), jk_window_get_current_page (window), &jk_document_job_list,
                     jk_visit_get_saved_jobs (jk_window_get_session (window)));
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "email");
  jk_test_wait_drawn (GTK_WIDGET (window));
}

static void
reach_log (JkWindow     *window,
           JkClock      *clock,
           gconstpointer data)
{
  jk_test_fresh_visit (window);
  open_line_cook (window);
  click ("I applied / I contacted this employer");
  click ("Add to my log");
  g_assert_cmpuint (jk_visit_get_log (jk_window_get_session (window))->len, ==, 1);
  jk_window_show_page (window, &jk_log_page_info);
}

static void
reach_log_form (JkWindow     *window,
                JkClock      *clock,
                gconstpointer data)
{
  jk_test_fresh_visit (window);
  open_line_cook (window);
  click ("I applied / I contacted this employer");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "logform");
}

static void
reach_idle_warning (JkWindow     *window,
                    JkClock      *clock,
                    gconstpointer data)
{
  JkIdleMonitor *idle = jk_window_get_idle_monitor (window);

  jk_test_fresh_visit (window);
  open_line_cook (window);
  jk_idle_monitor_poke (idle);
  jk_clock_advance (clock, jk_idle_monitor_get_timeout (idle) * G_USEC_PER_SEC);
  g_assert_true (gtk_widget_get_visible (jk_window_get_idle_warning (window)));
}

static void
leave_idle_warning (JkWindow *window)
{
  click ("I need more time");
}

static gboolean
careers_idle (gpointer window)
{
  return !jk_careers_page_is_busy (JK_CAREERS_PAGE (jk_window_get_page (window, &jk_careers_page_info)));
}

/* Pay and careers with its first list, from the demo's labor market
 * information. */
static void
reach_careers (JkWindow     *window,
               JkClock      *clock,
               gconstpointer data)
{
  jk_test_fresh_visit (window);
  jk_window_show_page (window, &jk_careers_page_info);
  jk_test_wait_until (careers_idle, window, 10000);
}

/* An occupation's page: forklift operators, with the demo's figures. */
static void
reach_occupation (JkWindow     *window,
                  JkClock      *clock,
                  gconstpointer data)
{
  jk_test_fresh_visit (window);
  g_assert_true (jk_window_open_page (window, &jk_occupation_page_info, g_variant_new_string ("53-7051")));
}

/* Training (data NULL: the nearest program for nursing assistants, with
 * its address, outcomes, QR code and Print; "short": the short programs
 * that raise pay), from the demo's list. */
static void
reach_program (JkWindow     *window,
               JkClock      *clock,
               gconstpointer data)
{
  jk_test_fresh_visit (window);
  if (data == NULL)
    {
      JkTrainingQuery query = { .soc = "31-1131", .limit = 1 };
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) programs = jk_training_search (screens_store, &query, &error);
      const JkTrainingProgram *program;

      g_assert_no_error (error);
      g_assert_cmpuint (programs->len, ==, 1);
      program = programs->pdata[0];
      g_assert_true (jk_window_open_page (window, &jk_program_page_info, g_variant_new_int64 (program->id)));
    }
  else
    g_assert_true (jk_window_open_page (window, &jk_program_page_info, g_variant_new_string (data)));
}

/* Other help (data NULL: the nine categories from home's tile; a
 * category's key: its services nearest first; "service": the nearest
 * child care with its QR code and Print), on the demo's directory. */
static gboolean
services_idle (gpointer window)
{
  return !jk_services_page_is_busy (JK_SERVICES_PAGE (jk_window_get_page (window, &jk_services_page_info)));
}

static void
reach_services (JkWindow     *window,
                JkClock      *clock,
                gconstpointer data)
{
  jk_test_fresh_visit (window);
  if (data == NULL)
    {
      click ("Other help");
      jk_test_run_for (20);
      return;
    }
  if (g_str_equal (data, "service"))
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GDateTime) now = jk_clock_now_local (clock);
      g_autoptr (GPtrArray) found = jk_services_search (screens_store, "Child Care While You Work", NULL, now, 1,
                                                        &error);

      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, 1);
      g_assert_true (jk_window_open_page (window, &jk_services_page_info,
                                          g_variant_new_int64 (((JkService *) found->pdata[0])->id)));
      return;
    }
  g_assert_true (jk_window_open_page (window, &jk_services_page_info, g_variant_new_string (data)));
  jk_test_wait_until (services_idle, window, 10000);
}

static gboolean
services_imported (gpointer window)
{
  return jk_services_count (screens_store, NULL) > 0 && services_idle (window);
}

static gboolean
training_imported (gpointer store)
{
  return jk_training_count (store, "31-1131", NULL) > 0;
}

static gboolean
interests_idle (gpointer window)
{
  return !jk_interests_page_is_busy (JK_INTERESTS_PAGE (jk_window_get_page (window, &jk_interests_page_info)));
}

/* The interest quiz: its first card, or the results of the hands-on and
 * organizing cards liked (the demo's profiles: several groups). */
static void
reach_interests (JkWindow     *window,
                 JkClock      *clock,
                 gconstpointer data)
{
  jk_test_fresh_visit (window);
  jk_window_show_page (window, &jk_careers_page_info);
  jk_test_wait_until (careers_idle, window, 10000);
  jk_window_show_page (window, &jk_interests_page_info);
  if (GPOINTER_TO_INT (data) == 0)
    return;
  for (guint i = 0; i < 12; i++)
    {
      gboolean spanish = g_str_has_prefix (jk_i18n_get_language (), "es");
      gboolean like = i % 6 == 0 || i % 6 == 5;

      click (like ? (spanish ? "Me gustaría" : "I'd like it") : (spanish ? "No es para mí" : "Not for me"));
    }
  click (g_str_has_prefix (jk_i18n_get_language (), "es") ? "Ver mis resultados" : "See my results");
  jk_test_wait_until (interests_idle, window, 10000);
}

static gboolean
resume_idle (gpointer window)
{
  return !jk_resume_page_is_busy (JK_RESUME_PAGE (jk_window_get_page (window, &jk_resume_page_info)));
}

/* The resume builder at a step (data: how many times Next is touched
 * after "Start a new resume"; -1 stays on the start), its preview drawn. */
static void
reach_resume (JkWindow     *window,
              JkClock      *clock,
              gconstpointer data)
{
  int nexts = GPOINTER_TO_INT (data);

  jk_test_fresh_visit (window);
  click ("Build a resume");
  if (nexts >= 0)
    click ("Start a new resume");
  for (int i = 0; i < nexts; i++)
    click (i == nexts - 1 && nexts > 8 ? "Finish" : "Next");
  /* The steps hand the focus to their first field; the measures start
   * with none, as a visitor arriving. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  jk_test_wait_until (resume_idle, window, 10000);
}

static gboolean
checkin_idle (gpointer window)
{
  return !jk_checkin_page_is_busy (JK_CHECKIN_PAGE (jk_window_get_page (window, &jk_checkin_page_info)));
}

/* Check in: 0 the start, 1 the walk-in reasons, 2 a walk-in's number. */
static void
reach_checkin (JkWindow     *window,
               JkClock      *clock,
               gconstpointer data)
{
  int step = GPOINTER_TO_INT (data);
  JkCheckinPage *page;

  jk_test_fresh_visit (window);
  jk_window_show_page (window, &jk_checkin_page_info);
  page = JK_CHECKIN_PAGE (jk_window_get_page (window, &jk_checkin_page_info));
  if (step >= 1)
    gtk_button_clicked (GTK_BUTTON (jk_checkin_page_get_widget (page, "walkin_button")));
  if (step >= 2)
    {
      GtkGrid *reasons = GTK_GRID (jk_checkin_page_get_widget (page, "reasons_grid"));

      gtk_button_clicked (GTK_BUTTON (gtk_grid_get_child_at (reasons, 0, 0)));
      gtk_button_clicked (GTK_BUTTON (jk_checkin_page_get_widget (page, "main_button")));
      jk_test_wait_until (checkin_idle, window, 10000);
      g_assert_cmpstr (jk_checkin_page_get_step (page), ==, "result");
    }
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
}

static gboolean
referral_idle (gpointer window)
{
  return !jk_referral_page_is_busy (JK_REFERRAL_PAGE (jk_window_get_page (window, &jk_referral_page_info)));
}

/* Ask them to contact me, for the demo's partner's first service: 0 the
 * form, 1 the consent screen, 2 sent (to the demo's endpoint that goes
 * nowhere: it waits in the outbox). */
static void
reach_referral (JkWindow     *window,
                JkClock      *clock,
                gconstpointer data)
{
  int step = GPOINTER_TO_INT (data);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GDateTime) now = jk_clock_now_local (clock);
  JkReferralPage *page;

  if (jk_services_count (screens_store, NULL) == 0)
    {
      g_autofree char *services = g_build_filename (jk_get_pkgdatadir (), "services", "demo", NULL);
      g_autoptr (JkServicesImport) import = jk_services_import (screens_store, services, g_date_time_to_unix (now),
                                                                &error);

      g_assert_no_error (error);
    }
  found = jk_services_search (screens_store, "Child Care While You Work", NULL, now, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  jk_test_fresh_visit (window);
  g_assert_true (jk_window_open_page (window, &jk_referral_page_info,
                                      g_variant_new_int64 (((JkService *) found->pdata[0])->id)));
  page = JK_REFERRAL_PAGE (jk_window_get_page (window, &jk_referral_page_info));
  if (step >= 1)
    {
      GList *chips = gtk_container_get_children (GTK_CONTAINER (jk_referral_page_get_widget (page, "reasons_box")));

      gtk_entry_set_text (GTK_ENTRY (jk_referral_page_get_widget (page, "first_name_entry")), "Maria");
      gtk_entry_set_text (GTK_ENTRY (jk_referral_page_get_widget (page, "phone_entry")), "614 555 0123");
      gtk_toggle_button_set_active (chips->data, TRUE);
      g_list_free (chips);
      gtk_button_clicked (GTK_BUTTON (jk_referral_page_get_widget (page, "next_button")));
      g_assert_cmpstr (jk_referral_page_get_step (page), ==, "consent");
    }
  if (step >= 2)
    {
      gtk_button_clicked (GTK_BUTTON (jk_referral_page_get_widget (page, "send_button")));
      jk_test_wait_until (referral_idle, window, 10000);
      g_assert_cmpstr (jk_referral_page_get_step (page), ==, "sent");
    }
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
}

/* Staff mode as a staff member enters it: the PIN pad (data NULL), or
 * signed in with one tool shown (data its name), after its first read. */
#define STAFF_NAME "Fit"
#define STAFF_PIN "97531"

static gboolean
staff_idle (gpointer window)
{
  JkStaffPage *page = JK_STAFF_PAGE (jk_window_get_page (window, &jk_staff_page_info));
  GtkWidget *section = gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_parent (
    jk_staff_page_get_section (page, "today"))));

  if (jk_staff_page_is_busy (page))
    return FALSE;
  if (JK_IS_STAFF_TODAY (section))
    return !jk_staff_today_is_busy (JK_STAFF_TODAY (section));
  if (JK_IS_STAFF_PRINT_QUEUE (section))
    return !jk_staff_print_queue_is_busy (JK_STAFF_PRINT_QUEUE (section));
  if (JK_IS_STAFF_RESUME (section))
    return !jk_staff_resume_is_busy (JK_STAFF_RESUME (section));
  if (JK_IS_STAFF_FEEDS (section))
    return !jk_staff_feeds_is_busy (JK_STAFF_FEEDS (section));
  if (JK_IS_STAFF_USAGE (section))
    return !jk_staff_usage_is_busy (JK_STAFF_USAGE (section));
  return !jk_staff_settings_form_is_busy (JK_STAFF_SETTINGS_FORM (section));
}

static gboolean
staff_checked (gpointer page)
{
  return !jk_staff_page_is_busy (page);
}

static void
reach_staff (JkWindow      *window,
             JkClock       *clock,
             gconstpointer  data)
{
  const char *db_path = jk_store_get_path (jk_application_get_store (JK_APPLICATION (
    gtk_window_get_application (GTK_WINDOW (window)))));
  g_autoptr (GDateTime) now = jk_clock_now_local (clock);
  g_autoptr (GError) error = NULL;
  JkStaffPage *page;

  g_action_group_activate_action (G_ACTION_GROUP (window), "staff", NULL);
  jk_test_run_for (20);
  page = JK_STAFF_PAGE (jk_window_get_page (window, &jk_staff_page_info));
  if (data == NULL)
    return;
  if (!jk_staff_add (db_path, STAFF_NAME, STAFF_PIN, g_date_time_to_unix (now), &error))
    g_assert_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_EXISTS);
  for (const char *p = STAFF_PIN; *p != '\0'; p++)
    gtk_button_clicked (GTK_BUTTON (jk_pin_pad_get_button (JK_PIN_PAD (jk_staff_page_get_pin_pad (page)), *p)));
  click ("Sign in");
  jk_test_wait_until (staff_checked, page, 20000);
  g_assert_cmpstr (jk_staff_page_get_signed_in (page), ==, STAFF_NAME);
  jk_staff_page_show_section (page, data);
  jk_test_run_for (20);
  jk_test_wait_until (staff_idle, window, 20000);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
}

static gboolean
orientation_idle (gpointer window)
{
  return !jk_orientation_page_is_loading (JK_ORIENTATION_PAGE (jk_window_get_page (window,
                                                                                    &jk_orientation_page_info)));
}

/* About this center, on the shipped pages: the list (data NULL) or a page
 * (its file name: "02-bring.md" has a list and a picture). */
static void
reach_orientation (JkWindow     *window,
                   JkClock      *clock,
                   gconstpointer data)
{
  jk_test_fresh_visit (window);
  if (data == NULL)
    jk_window_show_page (window, &jk_orientation_page_info);
  else
    g_assert_true (jk_window_open_page (window, &jk_orientation_page_info, g_variant_new_string (data)));
  jk_test_wait_until (orientation_idle, window, 10000);
  g_assert_cmpstr (jk_orientation_page_get_shown (JK_ORIENTATION_PAGE (jk_window_get_page (
                     window, &jk_orientation_page_info))), ==, data);
}

static const JkTestScreen screens[] = {
  { "home", reach_home, NULL, NULL, TRUE },
  { "home-typing", reach_home, GINT_TO_POINTER (1), NULL, FALSE },
  { "search-results", reach_search_results, NULL, NULL, TRUE },
  { "search-keyboard", reach_search_keyboard, NULL, NULL, FALSE },
  { "job", reach_job, NULL, NULL, TRUE },
  { "my-list", reach_my_list, NULL, NULL, FALSE },
  { "print", reach_print, NULL, NULL, FALSE },
  { "email", reach_email, NULL, NULL, FALSE },
  { "log", reach_log, NULL, NULL, FALSE },
  { "log-form", reach_log_form, NULL, NULL, FALSE },
  { "idle-warning", reach_idle_warning, NULL, leave_idle_warning, FALSE },
  { "careers", reach_careers, NULL, NULL, TRUE },
  { "occupation", reach_occupation, NULL, NULL, TRUE },
  { "interests-card", reach_interests, GINT_TO_POINTER (0), NULL, TRUE },
  { "interests-results", reach_interests, GINT_TO_POINTER (1), NULL, FALSE },
  { "program", reach_program, NULL, NULL, TRUE },
  { "program-short", reach_program, "short", NULL, FALSE },
  { "services", reach_services, NULL, NULL, TRUE },
  { "services-list", reach_services, "childcare", NULL, FALSE },
  { "services-service", reach_services, "service", NULL, TRUE },
  { "resume-start", reach_resume, GINT_TO_POINTER (-1), NULL, TRUE },
  { "resume-contact", reach_resume, GINT_TO_POINTER (0), NULL, FALSE },
  { "resume-work", reach_resume, GINT_TO_POINTER (3), NULL, TRUE },
  { "resume-skills", reach_resume, GINT_TO_POINTER (5), NULL, FALSE },
  { "resume-done", reach_resume, GINT_TO_POINTER (9), NULL, FALSE },
  { "checkin-start", reach_checkin, GINT_TO_POINTER (0), NULL, TRUE },
  { "checkin-reasons", reach_checkin, GINT_TO_POINTER (1), NULL, FALSE },
  { "checkin-result", reach_checkin, GINT_TO_POINTER (2), NULL, FALSE },
  { "referral-form", reach_referral, GINT_TO_POINTER (0), NULL, TRUE },
  { "referral-consent", reach_referral, GINT_TO_POINTER (1), NULL, FALSE },
  { "referral-sent", reach_referral, GINT_TO_POINTER (2), NULL, FALSE },
  { "staff-pin", reach_staff, NULL, NULL, TRUE },
  { "staff-today", reach_staff, "today", NULL, FALSE },
  { "staff-print", reach_staff, "print", NULL, FALSE },
  { "staff-resume", reach_staff, "resume", NULL, FALSE },
  { "staff-feeds", reach_staff, "feeds", NULL, FALSE },
  { "staff-usage", reach_staff, "usage", NULL, FALSE },
  { "staff-settings", reach_staff, "settings", NULL, FALSE },
  { "typing-choose", reach_typing, GINT_TO_POINTER (0), NULL, FALSE },
  { "typing-test", reach_typing, GINT_TO_POINTER (1), NULL, FALSE },
  { "typing-result", reach_typing, GINT_TO_POINTER (2), NULL, FALSE },
  { "orientation-list", reach_orientation, NULL, NULL, FALSE },
  { "orientation-page", reach_orientation, "02-bring.md", NULL, TRUE },
};

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

const JkTestScreen *
jk_test_screens (guint *n_screens)
{
  *n_screens = G_N_ELEMENTS (screens);
  return screens;
}

void
jk_test_screens_start (JkTestKiosk *kiosk,
                       const char  *dir_template,
                       JkClock    **clock)
{
  g_autoptr (GDateTime) start = g_date_time_new_local (2026, 11, 22, 9, 40, 0);

  /* No printer: a closed port on loopback answers at once, as a kiosk
   * whose printer is off would, and the print page shows why. */
  g_setenv ("CUPS_SERVER", "127.0.0.1:9", TRUE);
  *clock = jk_clock_new_fake (start);
  jk_test_kiosk_start (kiosk, dir_template, *clock);
  screens_config = kiosk->config;
  jk_test_kiosk_sync (kiosk, NULL, g_date_time_to_unix (start));
  /* Pay and careers imports the demo's training list on a worker at
   * start-up. */
  screens_store = kiosk->store;
  jk_test_wait_until (training_imported, kiosk->store, 20000);
  /* Other help imports the demo's directory on a worker at start-up. */
  jk_test_wait_until (services_imported, kiosk->window, 20000);
  /* JK_FIT_EXTRA_CSS=file.css: style over the kiosk's, to try a colour or
   * size fix against these measurements before editing ui/. */
  if (g_getenv ("JK_FIT_EXTRA_CSS") != NULL)
    {
      g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();
      g_autoptr (GError) error = NULL;

      gtk_css_provider_load_from_path (provider, g_getenv ("JK_FIT_EXTRA_CSS"), &error);
      g_assert_no_error (error);
      gtk_style_context_add_provider_for_screen (gdk_screen_get_default (), GTK_STYLE_PROVIDER (provider),
                                                 GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
    }
  gtk_window_set_default_size (GTK_WINDOW (kiosk->window), 1920, 1080);
  gtk_window_present (GTK_WINDOW (kiosk->window));
  jk_test_wait_drawn (GTK_WIDGET (kiosk->window));
}

void
jk_test_screens_stop (JkTestKiosk *kiosk,
                      JkClock     *clock)
{
  screens_store = NULL;
  gtk_widget_destroy (GTK_WIDGET (kiosk->window));
  g_object_unref (kiosk->app);
  g_object_unref (kiosk->speaker);
  g_object_unref (clock);
  jk_test_remove_tree (kiosk->state_dir);
  g_free (kiosk->state_dir);
}

void
jk_test_screens_speech (JkTestKiosk *kiosk,
                        gboolean     on)
{
  JkSpeech *speech = jk_application_get_speech (kiosk->app);

  if (jk_speech_get_active (speech) != on)
    g_action_group_activate_action (G_ACTION_GROUP (kiosk->window), "speech", NULL);
  g_assert_true (jk_speech_get_active (speech) == on);
  jk_test_run_for (50);
  jk_test_wait_drawn (GTK_WIDGET (kiosk->window));
}
