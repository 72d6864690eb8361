/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-mail.c: a message with attachments, sent through the center's relay with libcurl's SMTP and MIME */

#define G_LOG_DOMAIN "jk-mail"

#include <curl/curl.h>
#include <sodium.h>
#include <string.h>

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-mail.h>

#include "mail/jk-mail-private.h"

#define MAX_ADDRESS 254
#define MAX_LOCAL_PART 64

G_DEFINE_QUARK (jk-mail-error-quark, jk_mail_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CURL, curl_easy_cleanup)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
attachment_free (gpointer data)
{
  JkMailAttachment *attachment = data;

  g_free (attachment->filename);
  g_free (attachment->content_type);
  g_clear_pointer (&attachment->data, g_bytes_unref);
  g_free (attachment);
}

/* Characters that would let an address reach beyond its header or its
 * SMTP command, or that visitors' addresses never hold. */
static gboolean
is_forbidden (gunichar c)
{
  return c <= ' ' || c == 0x7f || strchr ("<>()[]\\,;:\"", (int) c) != NULL;
}

/* The Date header in RFC 5322's English, whatever the locale. */
static char *
format_date (void)
{
  static const char *const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%H:%M:%S %z");

  return g_strdup_printf ("%s, %02d %s %d %s", days[g_date_time_get_day_of_week (now) - 1],
                          g_date_time_get_day_of_month (now), months[g_date_time_get_month (now) - 1],
                          g_date_time_get_year (now), time);
}

/* A header's text as RFC 2047 encoded words when it is not plain ASCII,
 * each word whole characters of at most 45 bytes (75 characters encoded). */
static char *
encode_header_text (const char *text)
{
  GString *encoded;
  const char *p = text;

  for (const char *q = text; *q != '\0'; q++)
    if ((guchar) *q >= 0x80 || *q == '\r' || *q == '\n')
      goto encode;
  return g_strdup (text);

encode:
  encoded = g_string_new (NULL);
  while (*p != '\0')
    {
      const char *end = p;
      g_autofree char *chunk = NULL;
      g_autofree char *base64 = NULL;

      while (*end != '\0')
        {
          const char *next = g_utf8_next_char (end);
          if (next - p > 45)
            break;
          end = next;
        }
      chunk = g_strndup (p, (gsize) (end - p));
      /* A line break in a subject would start a header of its own. */
      g_strdelimit (chunk, "\r\n", ' ');
      base64 = g_base64_encode ((const guchar *) chunk, strlen (chunk));
      g_string_append_printf (encoded, "%s=?UTF-8?B?%s?=", encoded->len > 0 ? " " : "", base64);
      p = end;
    }
  return g_string_free (encoded, FALSE);
}

static const char *
domain_of (const char *address)
{
  const char *at = address != NULL ? strrchr (address, '@') : NULL;

  return at != NULL && at[1] != '\0' ? at + 1 : "jobkiosk.invalid";
}

static char *
read_password (const char *path,
               GError    **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr (GError) local_error = NULL;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_warning ("Cannot read the mail password file %s: %s", path, local_error->message);
      g_set_error_literal (error, JK_MAIL_ERROR, JK_MAIL_ERROR_FAILED,
                           _("The kiosk cannot read its mail password. Please tell staff."));
      return NULL;
    }
  /* The file's last line break is not part of the password. */
  while (length > 0 && (contents[length - 1] == '\n' || contents[length - 1] == '\r'))
    contents[--length] = '\0';
  return g_steal_pointer (&contents);
}

static void
free_password (char *password)
{
  if (password == NULL)
    return;
  sodium_memzero (password, strlen (password));
  g_free (password);
}

/* A failed transfer in words, and whether it is worth trying again: a 5xx
 * the relay answered to the sender, the recipient or the message is for
 * good; a failed login is the kiosk's setup, which staff can mend. */
static void
set_curl_error (CURLcode  code,
                long      response,
                GError  **error)
{
  gboolean refused = response >= 500 && response < 600 && code != CURLE_LOGIN_DENIED;

  g_info ("the relay did not take the message: %s (last reply %ld)", curl_easy_strerror (code), response);
  if (refused)
    g_set_error (error, JK_MAIL_ERROR, JK_MAIL_ERROR_REFUSED,
                 _("The mail server refused this email (code %ld). Check the address and try again."), response);
  else if (code == CURLE_LOGIN_DENIED)
    g_set_error_literal (error, JK_MAIL_ERROR, JK_MAIL_ERROR_RELAY,
                         _("The mail server did not accept the kiosk's login."));
  else if (code == CURLE_OPERATION_TIMEDOUT)
    g_set_error_literal (error, JK_MAIL_ERROR, JK_MAIL_ERROR_RELAY, _("The mail server took too long to answer."));
  else if (response >= 400 && response < 500)
    g_set_error (error, JK_MAIL_ERROR, JK_MAIL_ERROR_RELAY,
                 _("The mail server asked to try again later (code %ld)."), response);
  else
    g_set_error_literal (error, JK_MAIL_ERROR, JK_MAIL_ERROR_RELAY, _("The mail server is not answering."));
}

static gboolean
add_part (curl_mime   *mime,
          const char  *type,
          const char  *encoder,
          const char  *filename,
          gconstpointer data,
          gsize        size)
{
  curl_mimepart *part = curl_mime_addpart (mime);

  return part != NULL
         && curl_mime_data (part, data, size) == CURLE_OK
         && curl_mime_type (part, type) == CURLE_OK
         && curl_mime_encoder (part, encoder) == CURLE_OK
         && (filename == NULL || curl_mime_filename (part, filename) == CURLE_OK);
}

/* ---------------------------------------------------------------------- */
/* Private API                                                            */

char *
jk_mail_build_url (const JkConfig *config)
{
  const char *scheme = g_strcmp0 (config->mail_security, "tls") == 0 ? "smtps" : "smtp";
  gboolean ipv6 = strchr (config->mail_host, ':') != NULL;

  /* The EHLO name is the URL's path: the kiosk's own host name. */
  return g_strdup_printf ("%s://%s%s%s:%u/%s", scheme, ipv6 ? "[" : "", config->mail_host, ipv6 ? "]" : "",
                          jk_mail_get_port (config), g_get_host_name ());
}

char *
jk_mail_make_message_id (const char *from)
{
  guint8 random[16];
  char hex[sizeof random * 2 + 1];

  randombytes_buf (random, sizeof random);
  sodium_bin2hex (hex, sizeof hex, random, sizeof random);
  return g_strdup_printf ("<%s@%s>", hex, domain_of (from));
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

gboolean
jk_mail_is_configured (const JkConfig *config)
{
  return config != NULL && config->mail_host != NULL && config->mail_host[0] != '\0';
}

gboolean
jk_mail_address_is_valid (const char *address)
{
  const char *at;
  const char *domain;
  gsize length;

  if (address == NULL || !g_utf8_validate (address, -1, NULL))
    return FALSE;
  length = strlen (address);
  at = strchr (address, '@');
  if (length == 0 || length > MAX_ADDRESS || at == NULL || strchr (at + 1, '@') != NULL)
    return FALSE;
  if (at == address || (gsize) (at - address) > MAX_LOCAL_PART)
    return FALSE;
  for (const char *p = address; *p != '\0'; p = g_utf8_next_char (p))
    if (is_forbidden (g_utf8_get_char (p)))
      return FALSE;
  if (address[0] == '.' || at[-1] == '.' || strstr (address, "..") != NULL)
    return FALSE;
  domain = at + 1;
  /* A dot in the domain, neither first nor last: "name@gmail" is a slip. */
  return strchr (domain, '.') != NULL && domain[0] != '.' && domain[0] != '-'
         && domain[strlen (domain) - 1] != '.' && domain[strlen (domain) - 1] != '-';
}

guint
jk_mail_get_port (const JkConfig *config)
{
  if (config->mail_port != 0)
    return config->mail_port;
  if (g_strcmp0 (config->mail_security, "tls") == 0)
    return 465;
  if (g_strcmp0 (config->mail_security, "none") == 0)
    return 25;
  return 587;
}

JkMailMessage *
jk_mail_message_new (const char *to,
                     const char *subject,
                     const char *body)
{
  JkMailMessage *message = g_new0 (JkMailMessage, 1);

  message->to = g_strdup (to);
  message->subject = g_strdup (subject);
  message->body = g_strdup (body);
  message->attachments = g_ptr_array_new_with_free_func (attachment_free);
  return message;
}

void
jk_mail_message_attach (JkMailMessage *message,
                        const char    *filename,
                        const char    *content_type,
                        GBytes        *data)
{
  JkMailAttachment *attachment = g_new0 (JkMailAttachment, 1);

  attachment->filename = g_strdup (filename);
  attachment->content_type = g_strdup (content_type);
  attachment->data = g_bytes_ref (data);
  g_ptr_array_add (message->attachments, attachment);
}

void
jk_mail_message_free (JkMailMessage *message)
{
  if (message == NULL)
    return;
  /* The address was the visitor's: nothing of it stays in freed memory. */
  if (message->to != NULL)
    sodium_memzero (message->to, strlen (message->to));
  g_free (message->to);
  g_free (message->subject);
  g_free (message->body);
  g_free (message->message_id);
  g_ptr_array_unref (message->attachments);
  g_free (message);
}

gboolean
jk_mail_send (const JkConfig      *config,
              const JkMailMessage *message,
              GError             **error)
{
  g_autoptr (CURL) curl = NULL;
  curl_mime *mime = NULL;
  struct curl_slist *recipients = NULL;
  struct curl_slist *headers = NULL;
  g_autofree char *url = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *message_id = NULL;
  g_autofree char *header = NULL;
  g_autofree char *mail_from = NULL;
  char *password = NULL;
  char errbuf[CURL_ERROR_SIZE] = "";
  CURLcode code;
  long response = 0;
  gboolean ok = FALSE;
  const char *from;

  if (!jk_mail_is_configured (config))
    {
      g_set_error_literal (error, JK_MAIL_ERROR, JK_MAIL_ERROR_NOT_CONFIGURED, _("This kiosk does not send email."));
      return FALSE;
    }
  if (!jk_mail_address_is_valid (message->to))
    {
      g_set_error_literal (error, JK_MAIL_ERROR, JK_MAIL_ERROR_BAD_ADDRESS,
                           _("This is not an email address. Check it and try again."));
      return FALSE;
    }
  from = config->mail_from != NULL ? config->mail_from : "jobkiosk@localhost";
  if (config->mail_username != NULL && config->mail_password_file != NULL)
    {
      password = read_password (config->mail_password_file, error);
      if (password == NULL)
        return FALSE;
    }
  curl = curl_easy_init ();
  if (curl == NULL)
    {
      free_password (password);
      g_set_error_literal (error, JK_MAIL_ERROR, JK_MAIL_ERROR_FAILED, _("The kiosk cannot send email now."));
      return FALSE;
    }
  url = jk_mail_build_url (config);
  date = format_date ();
  subject = encode_header_text (message->subject != NULL ? message->subject : "");
  message_id = message->message_id != NULL ? g_strdup (message->message_id) : jk_mail_make_message_id (from);
  mail_from = g_strdup_printf ("<%s>", from);

  header = g_strdup_printf ("Date: %s", date);
  headers = curl_slist_append (headers, header);
  g_free (header);
  header = g_strdup_printf ("From: %s", from);
  headers = curl_slist_append (headers, header);
  g_free (header);
  header = g_strdup_printf ("To: %s", message->to);
  headers = curl_slist_append (headers, header);
  g_free (header);
  header = g_strdup_printf ("Subject: %s", subject);
  headers = curl_slist_append (headers, header);
  g_free (header);
  header = g_strdup_printf ("Message-ID: %s", message_id);
  headers = curl_slist_append (headers, header);
  g_clear_pointer (&header, g_free);
  /* A message sent for a visitor is not bulk mail; it asks for no replies. */
  headers = curl_slist_append (headers, "Auto-Submitted: auto-generated");
  header = g_strdup_printf ("<%s>", message->to);
  recipients = curl_slist_append (recipients, header);
  sodium_memzero (header, strlen (header));
  g_clear_pointer (&header, g_free);

  mime = curl_mime_init (curl);
  ok = add_part (mime, "text/plain; charset=UTF-8", "quoted-printable", NULL,
                 message->body != NULL ? message->body : "", message->body != NULL ? strlen (message->body) : 0);
  for (guint i = 0; ok && i < message->attachments->len; i++)
    {
      const JkMailAttachment *attachment = message->attachments->pdata[i];
      gsize size = 0;
      gconstpointer data = g_bytes_get_data (attachment->data, &size);

      ok = add_part (mime, attachment->content_type, "base64", attachment->filename, data, size);
    }
  if (!ok)
    {
      g_set_error_literal (error, JK_MAIL_ERROR, JK_MAIL_ERROR_FAILED, _("The kiosk cannot send email now."));
      goto out;
    }

  curl_easy_setopt (curl, CURLOPT_URL, url);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, (long) MIN (config->mail_timeout, 30));
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, (long) config->mail_timeout);
  /* STARTTLS is required, never only tried: a relay that does not offer it
   * is not sent an address in the clear. */
  if (g_strcmp0 (config->mail_security, "starttls") == 0)
    curl_easy_setopt (curl, CURLOPT_USE_SSL, (long) CURLUSESSL_ALL);
  else
    curl_easy_setopt (curl, CURLOPT_USE_SSL, (long) CURLUSESSL_NONE);
  if (password != NULL)
    {
      curl_easy_setopt (curl, CURLOPT_USERNAME, config->mail_username);
      curl_easy_setopt (curl, CURLOPT_PASSWORD, password);
    }
  curl_easy_setopt (curl, CURLOPT_MAIL_FROM, mail_from);
  curl_easy_setopt (curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt (curl, CURLOPT_MIMEPOST, mime);

  code = curl_easy_perform (curl);
  curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &response);
  ok = code == CURLE_OK;
  if (!ok)
    set_curl_error (code, response, error);
  else
    g_info ("the relay took message %s", message_id);

out:
  free_password (password);
  curl_mime_free (mime);
  curl_slist_free_all (headers);
  curl_slist_free_all (recipients);
  return ok;
}
