/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-mail.c: "Email it to me" end to end: the outbox, libcurl's SMTP and a real receiver on 127.0.0.1 */

#include <glib/gstdio.h>
#include <string.h>

#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-mail.h>

#include "mail/jk-mail-private.h"
#include "store/jk-store-private.h"

#include "jk-test.h"
#include "jk-test-cli.h"
#include "jk-test-log.h"
#include "jk-test-proc.h"
#include "jk-test-smtp.h"

#define ADDRESS "maria.nunez@example.org"
#define NOW ((gint64) 1800000000)

typedef struct {
  char *dir;
  char *db_path;
  JkStore *store;     /* the main connection, as the kiosk keeps one open */
  JkConfig *config;
  JkTestSmtp *smtp;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("jk-test-mail-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "jobkiosk.db", NULL);
  f->store = jk_store_open (f->db_path, &error);
  g_assert_no_error (error);
  f->config = jk_config_new_defaults ();
  f->config->mail_host = g_strdup ("127.0.0.1");
  g_free (f->config->mail_security);
  f->config->mail_security = g_strdup ("none");
  f->config->mail_from = g_strdup ("kiosk@center.example");
  f->config->mail_timeout = 20;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  jk_test_smtp_stop (f->smtp);
  g_clear_pointer (&f->store, jk_store_free);
  g_clear_pointer (&f->config, jk_config_free);
  jk_test_remove_tree (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

static void
use_port (Fixture *f,
          guint16  port)
{
  f->config->mail_port = port;
}

/* A printout as a visitor emails it: the search log's PDF and its text. */
static JkMailMessage *
make_message (const char *to,
              GBytes    **pdf_out)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_log_entry_free);
  GDate date;
  JkSearchLogInput input = { "María José Núñez", { 0 }, entries };
  JkDocumentContext context = { .center_name = "Riverside Career Center", .language = "en" };
  g_autoptr (JkDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  JkMailMessage *message;

  g_date_set_dmy (&date, 17, G_DATE_NOVEMBER, 2026);
  g_ptr_array_add (entries, jk_log_entry_new (&date, "Acme Foods", "Line Cook", JK_CONTACT_ONLINE, NULL, "Applied"));
  document = jk_document_render (&jk_document_search_log, &context, &input, &error);
  g_assert_no_error (error);
  text = jk_document_render_text (&jk_document_search_log, &context, &input);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "Acme Foods"));
  message = jk_mail_message_new (to, "Your job search log — Riverside", text);
  jk_mail_message_attach (message, "job-search-log.pdf", "application/pdf", jk_document_get_pdf (document));
  *pdf_out = g_bytes_ref (jk_document_get_pdf (document));
  return message;
}

/* A receiver on a free port, the relay the kiosk is configured with. */
static void
start_relay (Fixture *f)
{
  f->smtp = jk_test_smtp_start (0);
  use_port (f, jk_test_smtp_get_port (f->smtp));
}

/* That printout to `to` put in the outbox at NOW; its id. */
static gint64
queue_mail (Fixture    *f,
            const char *to,
            GBytes    **pdf_out)
{
  g_autoptr (JkMailMessage) message = make_message (to, pdf_out);
  g_autoptr (GError) error = NULL;
  gint64 id = jk_outbox_add_mail (f->config, f->db_path, message, NOW, &error);

  g_assert_no_error (error);
  return id;
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  return data != NULL && memmem (data, size, needle, strlen (needle)) != NULL;
}

/* The address is nowhere in the database's files, whatever state they are in. */
static void
assert_address_gone (Fixture    *f,
                     const char *address)
{
  const char *suffixes[] = { "", "-wal", "-journal" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (f->db_path, suffixes[i], NULL);
      g_autoptr (GBytes) bytes = NULL;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      bytes = jk_test_read_bytes (path);
      if (bytes_contain (bytes, address))
        g_error ("the address is in %s", path);
    }
}

static gint64
outbox_int (Fixture    *f,
            const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (f->store, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
outbox_text (Fixture    *f,
             const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (f->store, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* ---------------------------------------------------------------------- */

static void
test_address (void)
{
  const char *good[] = { "ana@example.com", "maria.nunez+jobs@mail.example.org", "josé@correo.es", "a@b.co" };
  const char *bad[] = { "", "ana", "ana@", "@example.com", "ana@example", "ana@@example.com", "ana@ex ample.com",
                        "ana example@example.com", "ana@example.com\r\nBcc: x@y.com", "ana.@example.com",
                        ".ana@example.com", "ana..b@example.com", "ana@.example.com", "ana@example.com.",
                        "<ana@example.com>", "ana@example,com", "ana;b@example.com" };
  g_autofree char *long_local = g_strnfill (65, 'a');
  g_autofree char *too_long_local = g_strconcat (long_local, "@example.com", NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (jk_mail_address_is_valid (good[i]));
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (jk_mail_address_is_valid (bad[i]))
        g_error ("“%s” was taken for an address", bad[i]);
    }
  g_assert_false (jk_mail_address_is_valid (too_long_local));
  g_assert_false (jk_mail_address_is_valid (NULL));
}

static void
test_url (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *none = NULL;
  g_autofree char *tls = NULL;
  g_autofree char *starttls = NULL;

  none = jk_mail_build_url (f->config);
  g_assert_true (g_str_has_prefix (none, "smtp://127.0.0.1:25/"));
  g_free (f->config->mail_security);
  f->config->mail_security = g_strdup ("tls");
  tls = jk_mail_build_url (f->config);
  g_assert_true (g_str_has_prefix (tls, "smtps://127.0.0.1:465/"));
  g_free (f->config->mail_security);
  f->config->mail_security = g_strdup ("starttls");
  f->config->mail_port = 2525;
  starttls = jk_mail_build_url (f->config);
  g_assert_true (g_str_has_prefix (starttls, "smtp://127.0.0.1:2525/"));
}

/* STARTTLS is required, not only tried: a relay that does not offer it
 * (this receiver, without a certificate) is never sent the message. */
static void
test_starttls_required (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (JkMailMessage) message = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GError) error = NULL;

  start_relay (f);
  g_free (f->config->mail_security);
  f->config->mail_security = g_strdup ("starttls");
  message = make_message (ADDRESS, &pdf);
  g_assert_false (jk_mail_send (f->config, message, &error));
  g_assert_error (error, JK_MAIL_ERROR, JK_MAIL_ERROR_RELAY);
  g_assert_cmpuint (jk_test_smtp_count (f->smtp), ==, 0);
}

static void
test_send (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GBytes) received_pdf = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GBytes) rcpt = NULL;
  g_autoptr (GBytes) eml = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *message_id = NULL;
  gint64 id;

  start_relay (f);
  id = queue_mail (f, ADDRESS, &pdf);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (jk_outbox_count_waiting (f->db_path, NULL), ==, 1);
  /* Sealed while it waits. */
  assert_address_gone (f, ADDRESS);
  key = outbox_text (f, "SELECT idempotency_key FROM outbox");

  g_assert_cmpint (jk_outbox_deliver (f->config, f->db_path, id, NOW, &error), ==, JK_OUTBOX_HANDED_OVER);
  g_assert_no_error (error);
  g_assert_cmpuint (jk_test_smtp_wait (f->smtp, 1, 10000), ==, 1);

  rcpt = jk_test_smtp_read (f->smtp, 1, "rcpt");
  g_assert_true (bytes_contain (rcpt, ADDRESS "\n"));
  received_pdf = jk_test_smtp_read (f->smtp, 1, "part-job-search-log.pdf");
  g_assert_nonnull (received_pdf);
  g_assert_true (g_bytes_equal (received_pdf, pdf));
  body = jk_test_smtp_read (f->smtp, 1, "body.txt");
  g_assert_true (bytes_contain (body, "Acme Foods"));
  g_assert_true (bytes_contain (body, "María José Núñez"));
  eml = jk_test_smtp_read (f->smtp, 1, "eml");
  /* The outbox's key is the Message-ID, so a retry is known for one. */
  message_id = g_strdup_printf ("Message-ID: %s", key);
  g_assert_true (bytes_contain (eml, message_id));
  g_assert_true (bytes_contain (eml, "From: kiosk@center.example"));
  g_assert_true (bytes_contain (eml, "Subject: =?UTF-8?B?"));

  /* Handed over: gone, and delivering it again sends nothing. */
  g_assert_cmpuint (jk_outbox_count_waiting (f->db_path, NULL), ==, 0);
  g_assert_cmpint (jk_outbox_deliver (f->config, f->db_path, id, NOW, &error), ==, JK_OUTBOX_GONE);
  g_assert_cmpuint (jk_outbox_deliver_due (f->config, f->db_path, NOW + 3600, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (jk_test_smtp_count (f->smtp), ==, 1);
  assert_address_gone (f, ADDRESS);
  g_assert_false (jk_test_log_contains (ADDRESS));
}

static void
test_relay_down (Fixture       *f,
                 gconstpointer  data)
{
  guint16 port = jk_test_pick_free_port ();
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GBytes) received_pdf = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  JkOutboxEntry *entry;
  gint64 id;

  use_port (f, port);
  id = queue_mail (f, ADDRESS, &pdf);

  /* Nothing listens: kept, to be tried again in a minute. */
  g_assert_cmpint (jk_outbox_deliver (f->config, f->db_path, id, NOW, &error), ==, JK_OUTBOX_WAITING);
  g_assert_error (error, JK_MAIL_ERROR, JK_MAIL_ERROR_RELAY);
  g_assert_null (strstr (error->message, ADDRESS));
  g_clear_error (&error);
  entries = jk_outbox_list (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = entries->pdata[0];
  g_assert_cmpint (entry->id, ==, id);
  g_assert_cmpstr (entry->kind, ==, "mail");
  g_assert_cmpuint (entry->attempts, ==, 1);
  g_assert_cmpint (entry->next_attempt, ==, NOW + jk_outbox_backoff (1));
  g_assert_nonnull (entry->last_error);
  g_assert_null (strstr (entry->last_error, ADDRESS));

  /* Not due yet: not tried. */
  f->smtp = jk_test_smtp_start (port);
  g_assert_cmpuint (jk_outbox_deliver_due (f->config, f->db_path, NOW + 30, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (jk_outbox_count_waiting (f->db_path, NULL), ==, 1);

  /* Due, and the relay answers now: handed over once. */
  g_assert_cmpuint (jk_outbox_deliver_due (f->config, f->db_path, NOW + 60, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (jk_outbox_deliver_due (f->config, f->db_path, NOW + 120, &error), ==, 0);
  g_assert_cmpuint (jk_test_smtp_wait (f->smtp, 1, 10000), ==, 1);
  received_pdf = jk_test_smtp_read (f->smtp, 1, "part-job-search-log.pdf");
  g_assert_true (g_bytes_equal (received_pdf, pdf));
  g_assert_cmpuint (jk_outbox_count_waiting (f->db_path, NULL), ==, 0);
  g_assert_cmpuint (jk_test_smtp_count (f->smtp), ==, 1);
  assert_address_gone (f, ADDRESS);
}

static void
test_backoff (void)
{
  g_assert_cmpint (jk_outbox_backoff (1), ==, 60);
  g_assert_cmpint (jk_outbox_backoff (2), ==, 120);
  g_assert_cmpint (jk_outbox_backoff (3), ==, 300);
  g_assert_cmpint (jk_outbox_backoff (4), ==, 600);
  g_assert_cmpint (jk_outbox_backoff (5), ==, 1800);
  g_assert_cmpint (jk_outbox_backoff (6), ==, 3600);
  g_assert_cmpint (jk_outbox_backoff (60), ==, 3600);
}

/* A relay that has not answered for three days: given up, not kept forever. */
static void
test_give_up (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  use_port (f, jk_test_pick_free_port ());
  id = queue_mail (f, ADDRESS, &pdf);
  g_assert_cmpint (jk_outbox_deliver (f->config, f->db_path, id, NOW + JK_OUTBOX_GIVE_UP_AFTER - 3600, &error), ==,
                   JK_OUTBOX_WAITING);
  g_clear_error (&error);
  g_assert_cmpint (jk_outbox_deliver (f->config, f->db_path, id, NOW + JK_OUTBOX_GIVE_UP_AFTER + 60, &error), ==,
                   JK_OUTBOX_GIVEN_UP);
  g_assert_error (error, JK_MAIL_ERROR, JK_MAIL_ERROR_RELAY);
  g_assert_cmpuint (jk_outbox_count_waiting (f->db_path, NULL), ==, 0);
}

/* A 5xx for the recipient is for good: given up at once, not retried. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  start_relay (f);
  id = queue_mail (f, "refuse.me@example.org", &pdf);
  g_assert_cmpint (jk_outbox_deliver (f->config, f->db_path, id, NOW, &error), ==, JK_OUTBOX_GIVEN_UP);
  g_assert_error (error, JK_MAIL_ERROR, JK_MAIL_ERROR_REFUSED);
  g_assert_null (strstr (error->message, "refuse.me"));
  g_assert_cmpuint (jk_outbox_count_waiting (f->db_path, NULL), ==, 0);
  g_assert_cmpuint (jk_test_smtp_count (f->smtp), ==, 0);
  assert_address_gone (f, "refuse.me@example.org");
}

/* A 4xx for the recipient: kept and tried again. */
static void
test_try_later (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  start_relay (f);
  id = queue_mail (f, "later.please@example.org", &pdf);
  g_assert_cmpint (jk_outbox_deliver (f->config, f->db_path, id, NOW, &error), ==, JK_OUTBOX_WAITING);
  g_assert_error (error, JK_MAIL_ERROR, JK_MAIL_ERROR_RELAY);
  g_assert_cmpuint (jk_outbox_count_waiting (f->db_path, NULL), ==, 1);
}

static void
test_bad_address (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (JkMailMessage) message = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GError) error = NULL;

  use_port (f, jk_test_pick_free_port ());
  message = make_message ("maria at example dot org", &pdf);
  g_assert_cmpint (jk_outbox_add_mail (f->config, f->db_path, message, NOW, &error), ==, 0);
  g_assert_error (error, JK_MAIL_ERROR, JK_MAIL_ERROR_BAD_ADDRESS);
  g_assert_cmpuint (jk_outbox_count_waiting (f->db_path, NULL), ==, 0);
  g_clear_error (&error);
  g_assert_false (jk_mail_send (f->config, message, &error));
  g_assert_error (error, JK_MAIL_ERROR, JK_MAIL_ERROR_BAD_ADDRESS);
}

static void
test_not_configured (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (JkMailMessage) message = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&f->config->mail_host, g_free);
  g_assert_false (jk_mail_is_configured (f->config));
  message = make_message (ADDRESS, &pdf);
  g_assert_cmpint (jk_outbox_add_mail (f->config, f->db_path, message, NOW, &error), ==, 0);
  g_assert_error (error, JK_MAIL_ERROR, JK_MAIL_ERROR_NOT_CONFIGURED);
}

/* A changed sealed payload never opens into garbage: dropped, nothing sent. */
static void
test_tampered (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  start_relay (f);
  id = queue_mail (f, ADDRESS, &pdf);
  g_assert_true (jk_store_exec (f->store, "UPDATE outbox SET sealed = "
                                "substr(sealed, 1, 20) || zeroblob(1) || substr(sealed, 22)", &error));
  g_assert_no_error (error);
  g_assert_cmpint (outbox_int (f, "SELECT count(*) FROM outbox"), ==, 1);
  jk_test_log_expect_warning ("jk-outbox", "*cannot be opened*");
  g_assert_cmpint (jk_outbox_deliver (f->config, f->db_path, id, NOW, &error), ==, JK_OUTBOX_GIVEN_UP);
  jk_test_log_assert_expected ();
  g_assert_error (error, JK_MAIL_ERROR, JK_MAIL_ERROR_FAILED);
  g_assert_cmpuint (jk_test_smtp_count (f->smtp), ==, 0);
  g_assert_cmpint (outbox_int (f, "SELECT count(*) FROM outbox"), ==, 0);
}

/* jobkioskctl outbox: runs the command on the fixture's database with a
 * configuration naming the relay's port; returns its exit status. */
static int
run_ctl (Fixture    *f,
         char      **out,
         const char *first,
         ...)
{
  g_autofree char *config_path = g_build_filename (f->dir, "jobkiosk.conf", NULL);
  g_autofree char *config_text = g_strdup_printf ("[mail]\nhost = 127.0.0.1\nport = %u\nsecurity = none\n"
                                                  "from = kiosk@center.example\ntimeout = 20\n",
                                                  f->config->mail_port);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (JkTestRun) run = { 0 };
  va_list args;

  g_assert_true (g_file_set_contents (config_path, config_text, -1, NULL));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  jk_test_run_ctl (&run, NULL, (const char *const[]) { "--config", config_path, "--db", f->db_path, NULL },
                   (const char *const *) argv->pdata);
  g_assert_null (strstr (run.out, ADDRESS));
  g_assert_null (strstr (run.err, ADDRESS));
  *out = g_steal_pointer (&run.out);
  return run.status;
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  guint16 port = jk_test_pick_free_port ();
  g_autoptr (JkMailMessage) message = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *id_text = NULL;
  gint64 id;

  use_port (f, port);
  message = make_message (ADDRESS, &pdf);
  /* Kept a day ago, so it is due for the command whatever the clock says. */
  id = jk_outbox_add_mail (f->config, f->db_path, message, g_get_real_time () / G_USEC_PER_SEC - 86400, &error);
  g_assert_no_error (error);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT "  mail", id);

  g_assert_cmpint (run_ctl (f, &out, "outbox", NULL), ==, 0);
  g_assert_nonnull (strstr (out, id_text));
  g_clear_pointer (&out, g_free);
  /* Nothing listens: kept, exit 1. */
  g_assert_cmpint (run_ctl (f, &out, "outbox", "send", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_ctl (f, &out, "outbox", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"attempts\" : 1"));
  g_assert_nonnull (strstr (out, "\"last_error\" : \""));
  g_clear_pointer (&out, g_free);

  /* Due again an hour later (the entry's next try is written by the
   * command's clock): moved back so this run needs no waiting. */
  g_assert_true (jk_store_exec (f->store, "UPDATE outbox SET next_attempt = 0", &error));
  f->smtp = jk_test_smtp_start (port);
  g_assert_cmpint (run_ctl (f, &out, "outbox", "send", NULL), ==, 0);
  g_assert_cmpuint (jk_test_smtp_wait (f->smtp, 1, 10000), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_ctl (f, &out, "outbox", NULL), ==, 0);
  g_assert_null (strstr (out, id_text));
}

/* A mistyped security never means "none". */
static void
test_config_security (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "mail.conf", NULL);
  g_autoptr (JkConfig) config = jk_config_new_defaults ();
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "[mail]\nhost = relay.example\nsecurity = ssl\n", -1, NULL));
  jk_test_log_expect_warning ("jk-config", "*not one of starttls, tls, none*");
  jk_config_load_file (config, path, &error);
  jk_test_log_assert_expected ();
  g_assert_cmpstr (config->mail_security, ==, "starttls");
  g_assert_cmpstr (config->mail_host, ==, "relay.example");
  g_assert_cmpuint (config->problems->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  jk_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  jk_test_log_init ();
  g_test_add_func ("/mail/address", test_address);
  g_test_add_func ("/mail/backoff", test_backoff);
  JK_TEST_ADD ("/mail/url", Fixture, test_url);
  JK_TEST_ADD ("/mail/starttls-required", Fixture, test_starttls_required);
  JK_TEST_ADD ("/mail/outbox/send", Fixture, test_send);
  JK_TEST_ADD ("/mail/outbox/relay-down", Fixture, test_relay_down);
  JK_TEST_ADD ("/mail/outbox/give-up", Fixture, test_give_up);
  JK_TEST_ADD ("/mail/outbox/refused", Fixture, test_refused);
  JK_TEST_ADD ("/mail/outbox/try-later", Fixture, test_try_later);
  JK_TEST_ADD ("/mail/outbox/bad-address", Fixture, test_bad_address);
  JK_TEST_ADD ("/mail/outbox/not-configured", Fixture, test_not_configured);
  JK_TEST_ADD ("/mail/outbox/tampered", Fixture, test_tampered);
  JK_TEST_ADD ("/mail/cli", Fixture, test_cli);
  JK_TEST_ADD ("/mail/config-security", Fixture, test_config_security);
  return g_test_run ();
}
