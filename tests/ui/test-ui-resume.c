/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-resume.c: "Build a resume" as a visitor uses it: every step typed on
 * the on-screen keyboard, the preview beside them, printed on a private
 * cupsd, kept under a code and a PIN, wiped, and opened again */

#include <glib/gstdio.h>
#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-resume-vault.h>

#include "mail/jk-mail-page.h"
#include "print/jk-print-page.h"
#include "resume/jk-resume-history.h"
#include "resume/jk-resume-page.h"
#include "shell/jk-application.h"
#include "shell/jk-keyboard.h"
#include "widgets/jk-chip-picker.h"
#include "jk-test-cups.h"
#include "jk-test-log.h"
#include "jk-test-pdf.h"
#include "jk-test-proc.h"
#include "jk-test-smtp.h"
#include "jk-test-ui-util.h"

static JkTestKiosk kiosk;
static JkWindow *window;
static JkTestCups *cups;
static JkTestSmtp *smtp;
static char *kept_code;

static JkResumePage *
page (void)
{
  return JK_RESUME_PAGE (jk_window_get_page (window, &jk_resume_page_info));
}

static GtkWidget *
widget (const char *id)
{
  GtkWidget *found = jk_resume_page_get_widget (page (), id);

  g_assert_nonnull (found);
  return found;
}

static gboolean
page_idle (gpointer data)
{
  return !jk_resume_page_is_busy (page ());
}

static void
click (const char *name)
{
  jk_test_click (GTK_WIDGET (window), name);
}

static void
wait_idle (void)
{
  jk_test_run_for (50);
  jk_test_wait_until (page_idle, NULL, 20000);
  jk_test_run_for (20);
}

static void
shot (const char *what)
{
  g_autofree char *name = g_strdup_printf ("resume-%s-%s", what, jk_i18n_get_language ());

  wait_idle ();
  jk_test_screenshot (GTK_WIDGET (window), name);
}

/* Types text on the on-screen keyboard, finding each character on
 * whichever layer has it, as a visitor would. */
static void
type_keys (GtkWidget  *field,
           const char *text)
{
  static const char *const layers[] = { "letters", "symbols", "accents" };
  JkKeyboard *keyboard = jk_window_get_keyboard (window);

  gtk_widget_grab_focus (field);
  jk_test_run_for (20);
  g_assert_true (jk_window_get_keyboard_shown (window));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *key = g_utf8_substring (p, 0, 1);
      gboolean pressed = FALSE;

      if (g_str_equal (key, " "))
        {
          g_free (key);
          key = g_strdup ("space");
        }
      pressed = jk_keyboard_press (keyboard, key);
      /* Each layer is reached from the letters, as the keys show. */
      for (guint i = 0; !pressed && i < G_N_ELEMENTS (layers); i++)
        {
          jk_keyboard_press (keyboard, "letters");
          if (i > 0 && !jk_keyboard_press (keyboard, layers[i]))
            continue;
          pressed = jk_keyboard_press (keyboard, key);
          if (!pressed && i == 0 && g_unichar_isupper (g_utf8_get_char (p)))
            pressed = jk_keyboard_press (keyboard, "shift") && jk_keyboard_press (keyboard, key);
        }
      if (!pressed)
        g_error ("The on-screen keyboard has no key for “%s”", key);
    }
  jk_test_run_for (20);
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (field)), ==, text);
}

static GtkEntry *
history_entry (const char *history,
               const char *field)
{
  return jk_resume_history_get_entry (JK_RESUME_HISTORY (widget (history)), field);
}

static void
press_chip (const char *picker,
            guint       index)
{
  GList *children = gtk_container_get_children (GTK_CONTAINER (widget (picker)));
  GtkWidget *child = g_list_nth_data (children, index);

  g_assert_nonnull (child);
  gtk_button_clicked (GTK_BUTTON (gtk_bin_get_child (GTK_BIN (child))));
  g_list_free (children);
  jk_test_run_for (20);
}

static void
assert_step (const char *step)
{
  g_assert_cmpstr (jk_resume_page_get_step (page ()), ==, step);
}

/* From home to the last step, every field typed on the on-screen keyboard. */
static void
fill_in_every_step (void)
{
  g_autoptr (JkResume) resume = NULL;

  click ("Build a resume");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "resume");
  assert_step ("start");
  shot ("start");
  click ("Start a new resume");
  assert_step ("contact");
  type_keys (widget ("name_entry"), "María O'Neil-López");
  type_keys (widget ("phone_entry"), "(614) 555-0100");
  type_keys (widget ("city_entry"), "Columbus");
  type_keys (widget ("region_entry"), "OH");
  shot ("contact");
  click ("Next");
  assert_step ("job");
  type_keys (widget ("job_entry"), "cook");
  wait_idle ();
  g_assert_cmpuint (jk_chip_picker_get_n_items (JK_CHIP_PICKER (widget ("job_chips"))), >, 0);
  press_chip ("job_chips", 0);
  shot ("job");
  click ("Next");
  assert_step ("summary");
  g_assert_cmpuint (jk_chip_picker_get_n_items (JK_CHIP_PICKER (widget ("summary_chips"))), >=, 2);
  press_chip ("summary_chips", 0);
  press_chip ("summary_chips", 1);
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (widget ("summary1_entry"))), !=, "");
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (widget ("summary2_entry"))), !=, "");
  shot ("summary");
  click ("Next");
  assert_step ("work");
  type_keys (GTK_WIDGET (history_entry ("work", "name")), "Joe's Diner");
  type_keys (GTK_WIDGET (history_entry ("work", "position")), "Line cook");
  type_keys (GTK_WIDGET (history_entry ("work", "start-year")), "2019");
  type_keys (GTK_WIDGET (history_entry ("work", "end-year")), "2023");
  /* The duties suggested for the title typed. */
  jk_test_run_for (400);
  wait_idle ();
  {
    GtkWidget *chips = jk_test_find_by_type (widget ("work"), JK_TYPE_CHIP_PICKER);
    GList *children = gtk_container_get_children (GTK_CONTAINER (chips));

    g_assert_cmpuint (g_list_length (children), >, 0);
    gtk_button_clicked (GTK_BUTTON (gtk_bin_get_child (GTK_BIN (children->data))));
    g_list_free (children);
  }
  g_assert_cmpstr (gtk_entry_get_text (history_entry ("work", "duty")), !=, "");
  shot ("work");
  click ("Next");
  assert_step ("education");
  type_keys (GTK_WIDGET (history_entry ("education", "name")), "Columbus Adult Learning Center");
  type_keys (GTK_WIDGET (history_entry ("education", "position")), "GED");
  type_keys (GTK_WIDGET (history_entry ("education", "end-year")), "2015");
  shot ("education");
  click ("Next");
  assert_step ("skills");
  g_assert_cmpuint (jk_chip_picker_get_n_items (JK_CHIP_PICKER (widget ("skill_chips"))), >, 2);
  press_chip ("skill_chips", 0);
  press_chip ("skill_chips", 1);
  type_keys (widget ("skill_entry"), "Bilingual");
  click ("Add skill");
  shot ("skills");
  click ("Next");
  assert_step ("licenses");
  press_chip ("license_chips", 0);
  shot ("licenses");
  click ("Next");
  /* The last job ended in 2023: a gap, so other experience is offered. */
  assert_step ("other");
  g_assert_cmpuint (jk_page_get_n_steps (JK_PAGE (page ())), ==, 9);
  {
    GtkWidget *chips = jk_test_find_by_type (widget ("other"), JK_TYPE_CHIP_PICKER);
    GList *children = gtk_container_get_children (GTK_CONTAINER (chips));

    gtk_button_clicked (GTK_BUTTON (gtk_bin_get_child (GTK_BIN (children->data))));
    g_list_free (children);
  }
  g_assert_cmpstr (gtk_entry_get_text (history_entry ("other", "position")), !=, "");
  type_keys (GTK_WIDGET (history_entry ("other", "start-year")), "2024");
  shot ("other");
  click ("Next");
  assert_step ("references");
  g_assert_cmpuint (jk_resume_history_get_n_entries (JK_RESUME_HISTORY (widget ("other"))), ==, 1);
  g_assert_cmpuint (jk_page_get_step (JK_PAGE (page ())), ==, 9);
  shot ("references");
  click ("Finish");
  assert_step ("done");
  wait_idle ();
  g_assert_cmpuint (jk_resume_page_get_n_pages (page ()), >=, 1);
  g_assert_cmpuint (jk_resume_page_get_preview_count (page ()), >, 0);
  shot ("done");

  resume = jk_resume_page_build_resume (page ());
  g_assert_cmpstr (resume->basics.name, ==, "María O'Neil-López");
  g_assert_cmpstr (resume->basics.phone, ==, "(614) 555-0100");
  g_assert_cmpuint (resume->work->len, ==, 1);
  g_assert_cmpstr (((JkResumeWork *) resume->work->pdata[0])->start_date, ==, "2019");
  g_assert_cmpuint (resume->education->len, ==, 1);
  g_assert_cmpuint (resume->skills->len, ==, 3);
  g_assert_cmpuint (resume->certificates->len, ==, 1);
  g_assert_cmpuint (resume->volunteer->len, ==, 1);
  g_assert_cmpuint (resume->references->len, ==, 1);
}

static void
test_journey (void)
{
  g_autoptr (GPtrArray) printed = NULL;
  g_autofree char *text = NULL;

  jk_test_fresh_visit (window);
  fill_in_every_step ();
  click ("Print my resume");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "print");
  jk_test_wait_until (jk_test_print_rendered, kiosk.app, 10000);
  jk_test_wait_until (jk_test_print_ready, window, 10000);
  jk_test_screenshot (GTK_WIDGET (window), "resume-print-en");
  click ("Print");
  printed = jk_test_cups_wait_for_output (cups, 1, 20000);
  g_assert_nonnull (printed);
  text = jk_test_pdf_text (printed->pdata[printed->len - 1]);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "María O'Neil-López"));
  g_assert_nonnull (strstr (text, "Line cook"));
  g_assert_nonnull (strstr (text, "Joe's Diner"));
  g_assert_nonnull (strstr (text, "Bilingual"));
  g_assert_nonnull (strstr (text, "GED"));
}

static gboolean
database_holds (const char *text)
{
  g_autofree char *db = g_build_filename (kiosk.state_dir, "jobkiosk.db", NULL);
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (path, &contents, &length, NULL) &&
          g_strstr_len (contents, (gssize) length, text) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Kept under a code and a PIN, wiped, opened again at a later visit. */
static void
test_keep_and_open (void)
{
  g_autoptr (JkResume) opened = NULL;
  const char *code;

  jk_test_fresh_visit (window);
  fill_in_every_step ();
  click ("Keep my resume");
  assert_step ("keep");
  type_keys (widget ("pin_entry"), "4821");
  type_keys (widget ("pin_again_entry"), "4821");
  shot ("keep");
  click ("Keep it");
  wait_idle ();
  assert_step ("saved");
  code = gtk_label_get_text (GTK_LABEL (widget ("code_label")));
  g_test_message ("code %s", code);
  g_free (kept_code);
  kept_code = jk_resume_code_normalize (code);
  g_assert_nonnull (kept_code);
  g_assert_cmpuint (strlen (kept_code), ==, JK_RESUME_CODE_LENGTH);
  shot ("saved");

  /* The slip: the code, never the PIN. */
  click ("Print my code");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "print");
  jk_test_wait_until (jk_test_print_rendered, kiosk.app, 10000);
  {
    JkDocument *document = jk_print_page_get_document (jk_application_get_print_page (kiosk.app));
    g_autofree char *pdf = g_build_filename (kiosk.state_dir, "slip.pdf", NULL);
    g_autofree char *text = NULL;
    g_autoptr (GError) error = NULL;

    g_assert_true (jk_document_save (document, pdf, &error));
    text = jk_test_pdf_text (pdf);
    g_assert_nonnull (strstr (text, code));
    g_assert_null (strstr (text, "4821"));
  }

  jk_window_finish_visit (window);
  jk_test_run_for (50);
  /* Nothing of the visit is left on the page, nor readable in the file. */
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (widget ("name_entry"))), ==, "");
  g_assert_cmpstr (gtk_entry_get_text (history_entry ("work", "name")), ==, "");
  assert_step ("start");
  g_assert_false (database_holds ("O'Neil"));
  g_assert_false (database_holds ("Joe's Diner"));

  /* The next visit: a wrong PIN first. */
  click ("Build a resume");
  click ("Open my saved resume");
  assert_step ("open");
  type_keys (widget ("code_entry"), code);
  type_keys (widget ("open_pin_entry"), "1111");
  click ("Open");
  wait_idle ();
  assert_step ("open");
  g_assert_true (gtk_widget_get_visible (widget ("open_error")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (widget ("open_error"))), "4 more times"));
  shot ("open-wrong-pin");
  gtk_entry_set_text (GTK_ENTRY (widget ("open_pin_entry")), "");
  type_keys (widget ("open_pin_entry"), "4821");
  click ("Open");
  wait_idle ();
  assert_step ("done");
  opened = jk_resume_page_build_resume (page ());
  g_assert_cmpstr (opened->basics.name, ==, "María O'Neil-López");
  g_assert_cmpuint (opened->work->len, ==, 1);
  g_assert_cmpstr (((JkResumeWork *) opened->work->pdata[0])->name, ==, "Joe's Diner");
  shot ("opened");

  /* And printed, as it was before it was kept. */
  {
    g_autoptr (GPtrArray) printed = NULL;
    g_autofree char *text = NULL;
    g_autoptr (GPtrArray) already = jk_test_cups_wait_for_output (cups, 0, 1000);
    guint before = already->len;

    click ("Print my resume");
    jk_test_wait_until (jk_test_print_rendered, kiosk.app, 10000);
    jk_test_wait_until (jk_test_print_ready, window, 10000);
    click ("Print");
    printed = jk_test_cups_wait_for_output (cups, before + 1, 20000);
    g_assert_nonnull (printed);
    text = jk_test_pdf_text (printed->pdata[printed->len - 1]);
    g_assert_nonnull (strstr (text, "María O'Neil-López"));
    g_assert_nonnull (strstr (text, "Joe's Diner"));
  }
}

/* Email it to me: the PDF arrives whole at a real SMTP receiver, and the
 * address is nowhere in the database afterwards. */
static void
test_email (void)
{
  g_autoptr (GBytes) rcpt = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autofree char *saved = g_build_filename (kiosk.state_dir, "emailed.pdf", NULL);
  g_autofree char *text = NULL;
  GtkWidget *entry;

  jk_test_fresh_visit (window);
  fill_in_every_step ();
  click ("Email it to me");
  g_assert_cmpstr (jk_window_get_page_name (window), ==, "email");
  entry = GTK_WIDGET (jk_mail_page_get_entry (JK_MAIL_PAGE (jk_window_get_page (window, &jk_mail_page_info))));
  type_keys (entry, "maria.oneil@example.org");
  jk_test_screenshot (GTK_WIDGET (window), "resume-email-en");
  click ("Send the email");
  g_assert_cmpuint (jk_test_smtp_wait (smtp, 1, 20000), ==, 1);
  rcpt = jk_test_smtp_read (smtp, 1, "rcpt");
  g_assert_cmpmem (g_bytes_get_data (rcpt, NULL), g_bytes_get_size (rcpt), "maria.oneil@example.org\n", 24);
  pdf = jk_test_smtp_read (smtp, 1, "part-resume.pdf");
  g_assert_nonnull (pdf);
  g_assert_true (g_file_set_contents (saved, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), NULL));
  text = jk_test_pdf_text (saved);
  g_assert_nonnull (strstr (text, "María O'Neil-López"));
  body = jk_test_smtp_read (smtp, 1, "body.txt");
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (body, NULL), (gssize) g_bytes_get_size (body), "Joe's Diner"));
  jk_test_run_for (200);
  g_assert_false (database_holds ("maria.oneil@example.org"));
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

/* With speech on: the builder's title and prompt, each step's question as
 * it comes, the count of jobs found and the code when it is kept. */
static void
test_speech (void)
{
  g_auto (GStrv) lines = NULL;

  jk_test_fresh_visit (window);
  jk_test_press_key (GTK_WIDGET (window), GDK_KEY_F2);
  g_strfreev (jk_speaker_recorder_take_lines (kiosk.speaker));
  click ("Build a resume");
  lines = jk_speaker_recorder_take_lines (kiosk.speaker);
  g_assert_true (said ((const char *const *) lines, "Build a resume"));
  g_assert_true (said ((const char *const *) lines, "Start a new resume, or open one you saved here before."));
  g_strfreev (g_steal_pointer (&lines));
  click ("Start a new resume");
  lines = jk_speaker_recorder_take_lines (kiosk.speaker);
  g_assert_true (said ((const char *const *) lines, "How can an employer reach you?"));
  g_strfreev (g_steal_pointer (&lines));
  click ("Next");
  gtk_entry_set_text (GTK_ENTRY (widget ("job_entry")), "cook");
  wait_idle ();
  lines = jk_speaker_recorder_take_lines (kiosk.speaker);
  g_assert_true (said ((const char *const *) lines, "What job do you want?"));
  g_assert_true (said ((const char *const *) lines, "Touch the one that fits best."));
  g_strfreev (g_steal_pointer (&lines));
  jk_test_press_key (GTK_WIDGET (window), GDK_KEY_F2);
}

/* Each step in Spanish, with its preview. */
static void
test_spanish (void)
{
  jk_test_fresh_visit (window);
  click ("Español");
  click ("Hacer un currículum");
  shot ("start");
  click ("Empezar un currículum nuevo");
  type_keys (widget ("name_entry"), "José Núñez");
  shot ("contact");
  click ("Siguiente");
  type_keys (widget ("job_entry"), "cocinero");
  wait_idle ();
  g_assert_cmpuint (jk_chip_picker_get_n_items (JK_CHIP_PICKER (widget ("job_chips"))), >, 0);
  press_chip ("job_chips", 0);
  shot ("job");
  click ("Siguiente");
  press_chip ("summary_chips", 0);
  shot ("summary");
  click ("Siguiente");
  shot ("work");
  click ("Siguiente");
  shot ("education");
  click ("Siguiente");
  shot ("skills");
  click ("Siguiente");
  shot ("licenses");
  click ("Siguiente");
  /* No work history: other experience is offered. */
  assert_step ("other");
  shot ("other");
  click ("Siguiente");
  shot ("references");
  click ("Terminar");
  assert_step ("done");
  shot ("done");
  click ("English");
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
  smtp = jk_test_smtp_start (0);
  fake_clock = jk_clock_new_fake (start);
  jk_test_kiosk_start (&kiosk, "jk-ui-resume-XXXXXX", fake_clock);
  window = kiosk.window;
  kiosk.config->mail_host = g_strdup ("127.0.0.1");
  kiosk.config->mail_port = jk_test_smtp_get_port (smtp);
  g_free (kiosk.config->mail_security);
  kiosk.config->mail_security = g_strdup ("none");
  kiosk.config->mail_from = g_strdup ("kiosk@center.example");
  jk_test_show_window (window, 1280, 720);

  g_test_add_func ("/resume/journey", test_journey);
  g_test_add_func ("/resume/keep-and-open", test_keep_and_open);
  g_test_add_func ("/resume/email", test_email);
  g_test_add_func ("/resume/speech", test_speech);
  g_test_add_func ("/resume/spanish", test_spanish);
  status = g_test_run ();

  gtk_widget_destroy (GTK_WIDGET (window));
  g_object_unref (kiosk.app);
  g_object_unref (fake_clock);
  jk_test_cups_stop (cups);
  jk_test_smtp_stop (smtp);
  jk_test_remove_tree (kiosk.state_dir);
  g_free (kiosk.state_dir);
  g_free (kept_code);
  return status;
}
