/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-mail.c: "Email it to me" in the real window: My list and the
 * log, the address typed with the on-screen keyboard, Send, the message at
 * a real SMTP receiver on 127.0.0.1; a relay that does not answer, then
 * the minute's retry; the wipe; no button without a relay */

#include <string.h>

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-search.h>
#include <jobkiosk/jk-visit.h>

#include "shell/jk-application.h"
#include "shell/jk-keyboard.h"
#include "jobs/jk-list-page.h"
#include "jobs/jk-log-page.h"
#include "mail/jk-mail-flow.h"
#include "mail/jk-mail-page.h"
#include "jk-test-log.h"
#include "jk-test-proc.h"
#include "jk-test-smtp.h"
#include "jk-test-ui-util.h"

static JkApplication *app;
static JkWindow *window;
static JkStore *store;
static JkConfig *config;
static JkClock *fake_clock;
static JkTestSmtp *smtp;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
save_jobs (guint n)
{
  g_autoptr (GDateTime) now = jk_clock_now_local (fake_clock);
  JkSearchQuery query = { .text = "cook", .limit = 50, .now = g_date_time_to_unix (now) };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = jk_search_jobs (store, &query, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (found->len, >=, n);
  for (guint i = 0; i < n; i++)
    jk_visit_save_job (jk_window_get_session (window), found->pdata[i]);
}

static JkMailPage *
mail_page (void)
{
  return JK_MAIL_PAGE (jk_window_get_page (window, &jk_mail_page_info));
}

static gboolean
page_idle (gpointer data)
{
  return !jk_mail_page_is_sending (mail_page ());
}

static gboolean
flow_idle (gpointer data)
{
  return !jk_mail_flow_is_retrying (jk_application_get_mail_flow (app));
}

/* Each character through the on-screen keyboard, switching layers as a
 * finger would for the signs. */
static void
type_on_keyboard (const char *text)
{
  JkKeyboard *keyboard = jk_window_get_keyboard (window);

  g_assert_true (jk_window_get_keyboard_shown (window));
  for (const char *p = text; *p != '\0'; p++)
    {
      char key[2] = { *p, '\0' };

      if (g_ascii_isalpha (*p))
        {
          g_assert_true (jk_keyboard_press (keyboard, key));
          continue;
        }
      g_assert_true (jk_keyboard_press (keyboard, "symbols"));
      g_assert_true (jk_keyboard_press (keyboard, key));
      g_assert_true (jk_keyboard_press (keyboard, "letters"));
    }
}

/* The chip that types an ending, by its name in the visit's language. */
static void
click_ending (const char *name)
{
  g_autofree char *full = g_strdup_printf (_("Type %s"), name);

  jk_test_click (GTK_WIDGET (window), full);
}

static void
shoot (const char *name)
{
  int sizes[][2] = { { 1280, 720 }, { 1920, 1080 } };

  for (gsize i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *shot = g_strdup_printf ("%s-%dx%d", name, sizes[i][0], sizes[i][1]);

      jk_test_resize (GTK_WIDGET (window), sizes[i][0], sizes[i][1]);
      jk_test_screenshot (GTK_WIDGET (window), shot);
    }
  jk_test_resize (GTK_WIDGET (window), 1280, 720);
}

/* My list → Email it to me → the address on the keyboard → Send. */
static void
open_mail_from_list (void)
{
  jk_window_show_page (window, &jk_list_page_info);
  jk_test_wait_drawn (GTK_WIDGET (window));
  jk_test_click (GTK_WIDGET (window), _("Email my list to me"));
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "email");
  jk_test_wait_drawn (GTK_WIDGET (window));
  /* The visitor touches the field: the keyboard comes up. */
  jk_test_click_widget (GTK_WIDGET (jk_mail_page_get_entry (mail_page ())));
  jk_test_run_for (300);
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

static void
test_list_sends (void)
{
  GtkEntry *entry;
  g_autoptr (GBytes) rcpt = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GBytes) body = NULL;
  gsize size = 0;
  const char *data;

  jk_test_fresh_visit (window);
  save_jobs (2);
  open_mail_from_list ();
  entry = jk_mail_page_get_entry (mail_page ());
  type_on_keyboard ("maria.nunez");
  /* The ending, one touch. */
  click_ending ("@gmail.com");
  g_assert_cmpstr (gtk_entry_get_text (entry), ==, "maria.nunez@gmail.com");
  shoot ("mail-typed-en");

  /* Enter on the keyboard sends: Send is the page's main action. */
  g_assert_true (jk_keyboard_press (jk_window_get_keyboard (window), "enter"));
  jk_test_wait_until (page_idle, NULL, 30000);
  g_assert_cmpstr (jk_mail_page_get_status (mail_page ()), ==,
                   "Sent to the center's mail server at 2:14 PM. It should reach you in a few minutes. "
                   "Check your spam folder too.");
  g_assert_cmpuint (jk_test_smtp_wait (smtp, 1, 10000), ==, 1);
  rcpt = jk_test_smtp_read (smtp, 1, "rcpt");
  data = g_bytes_get_data (rcpt, &size);
  g_assert_cmpmem (data, size, "maria.nunez@gmail.com\n", strlen ("maria.nunez@gmail.com\n"));
  pdf = jk_test_smtp_read (smtp, 1, "part-my-saved-jobs.pdf");
  g_assert_nonnull (pdf);
  data = g_bytes_get_data (pdf, &size);
  g_assert_true (size > 4 && memcmp (data, "%PDF", 4) == 0);
  body = jk_test_smtp_read (smtp, 1, "body.txt");
  g_assert_nonnull (body);
  /* Handed over: the address is gone from the page. */
  g_assert_cmpstr (gtk_entry_get_text (entry), ==, "");
  shoot ("mail-sent-en");
}

/* In Spanish, with the relay silent: kept, said so; the minute's retry
 * hands it over once the relay answers. */
static void
test_log_waits_es (void)
{
  guint16 port = config->mail_port;
  guint before = jk_test_smtp_count (smtp);
  GtkEntry *entry;

  jk_test_fresh_visit (window);
  jk_session_set_language (jk_window_get_session (window), "es");
  config->mail_port = jk_test_pick_free_port ();
  jk_window_show_page (window, &jk_log_page_info);
  jk_test_wait_drawn (GTK_WIDGET (window));
  jk_test_click (GTK_WIDGET (window), _("Email my Job Search Log to me"));
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "email");
  jk_test_click_widget (GTK_WIDGET (jk_mail_page_get_entry (mail_page ())));
  jk_test_run_for (300);
  entry = jk_mail_page_get_entry (mail_page ());
  type_on_keyboard ("ana");
  click_ending (_("at sign"));
  type_on_keyboard ("correo");
  click_ending (_("dot com"));
  g_assert_cmpstr (gtk_entry_get_text (entry), ==, "ana@correo.com");
  shoot ("mail-typed-es");
  jk_test_click (GTK_WIDGET (window), _("Send the email"));
  jk_test_wait_until (page_idle, NULL, 30000);
  g_assert_cmpstr (jk_mail_page_get_status (mail_page ()), ==,
                   "El servidor de correo no responde. Su correo se guarda y se enviará cuando responda; "
                   "puede irse.");
  g_assert_cmpstr (gtk_entry_get_text (entry), ==, "");
  g_assert_cmpuint (jk_test_smtp_count (smtp), ==, before);
  shoot ("mail-waiting-es");

  /* The relay answers again: the minute's retry hands it over, once. */
  config->mail_port = port;
  jk_clock_advance (fake_clock, 61 * G_TIME_SPAN_SECOND);
  jk_mail_flow_retry (jk_application_get_mail_flow (app));
  jk_test_wait_until (flow_idle, NULL, 30000);
  g_assert_cmpuint (jk_test_smtp_wait (smtp, before + 1, 10000), ==, before + 1);
  jk_mail_flow_retry (jk_application_get_mail_flow (app));
  jk_test_wait_until (flow_idle, NULL, 30000);
  g_assert_cmpuint (jk_test_smtp_count (smtp), ==, before + 1);
  g_assert_nonnull (jk_test_smtp_read (smtp, before + 1, "part-registro-de-busqueda-de-empleo.pdf"));
}

static void
test_wipe_clears (void)
{
  GtkEntry *entry;

  jk_test_fresh_visit (window);
  save_jobs (1);
  open_mail_from_list ();
  entry = jk_mail_page_get_entry (mail_page ());
  type_on_keyboard ("someone");
  g_assert_cmpstr (gtk_entry_get_text (entry), ==, "someone");
  jk_window_finish_visit (window);
  jk_test_run_for (100);
  g_assert_cmpstr (gtk_entry_get_text (entry), ==, "");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "home");
}

/* No relay configured: no button that could not work. */
static void
test_hidden_without_relay (void)
{
  g_autofree char *host = g_steal_pointer (&config->mail_host);
  GtkWidget *button;

  jk_test_fresh_visit (window);
  save_jobs (1);
  jk_window_show_page (window, &jk_list_page_info);
  jk_test_wait_drawn (GTK_WIDGET (window));
  button = jk_test_find_by_name (GTK_WIDGET (window), _("Email my list to me"));
  g_assert_true (button == NULL || !gtk_widget_is_visible (button));
  jk_window_show_page (window, &jk_log_page_info);
  button = jk_test_find_by_name (GTK_WIDGET (window), _("Email my Job Search Log to me"));
  g_assert_true (button == NULL || !gtk_widget_is_visible (button));
  config->mail_host = g_steal_pointer (&host);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GDateTime) start = g_date_time_new_local (2026, 11, 22, 14, 14, 0);
  JkTestKiosk kiosk;
  int status;

  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();
  jk_i18n_init ();
  jk_test_require_display ();

  smtp = jk_test_smtp_start (0);
  fake_clock = jk_clock_new_fake (start);
  jk_test_kiosk_start (&kiosk, "jk-ui-mail-XXXXXX", fake_clock);
  app = kiosk.app;
  window = kiosk.window;
  store = kiosk.store;
  config = kiosk.config;
  config->mail_host = g_strdup ("127.0.0.1");
  config->mail_port = jk_test_smtp_get_port (smtp);
  g_free (config->mail_security);
  config->mail_security = g_strdup ("none");
  config->mail_from = g_strdup ("kiosk@center.example");
  config->mail_timeout = 20;
  jk_test_kiosk_sync (&kiosk, NULL, g_date_time_to_unix (start));
  jk_test_show_window (window, 1280, 720);

  g_test_add_func ("/mail/list-sends", test_list_sends);
  g_test_add_func ("/mail/log-waits-es", test_log_waits_es);
  g_test_add_func ("/mail/wipe-clears", test_wipe_clears);
  g_test_add_func ("/mail/hidden-without-relay", test_hidden_without_relay);
  status = g_test_run ();

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (app);
  g_object_unref (fake_clock);
  jk_test_smtp_stop (smtp);
  jk_test_remove_tree (kiosk.state_dir);
  return status;
}
