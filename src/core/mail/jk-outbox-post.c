/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-outbox-post.c: an outbox entry POSTed as JSON to an HTTP receiver, with its idempotency key and a bearer token */

#define G_LOG_DOMAIN "jk-outbox"

#include <curl/curl.h>
#include <string.h>

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-mail.h>

#include "mail/jk-outbox-private.h"

#define CONNECT_TIMEOUT 5

static char *
read_token (const char *path,
            GError    **error)
{
  g_autofree char *contents = NULL;

  if (path == NULL)
    return NULL;
  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  return g_strdup (g_strstrip (contents));
}

static size_t
discard_cb (char  *data,
            size_t size,
            size_t count,
            void  *user_data)
{
  return size * count;
}

gboolean
jk_outbox_post_json (const JkOutboxPost *post,
                     const char         *idempotency_key,
                     const char         *body,
                     gsize               size,
                     GError            **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *authorization = NULL;
  g_autofree char *key_header = NULL;
  struct curl_slist *headers = NULL;
  CURL *curl;
  CURLcode code;
  long status = 0;

  token = read_token (post->token_file, &local_error);
  if (local_error != NULL)
    {
      /* TRANSLATORS: the first %s names the token ("the staff token"), the second says why */
      g_set_error (error, JK_MAIL_ERROR, JK_MAIL_ERROR_RELAY, _("Cannot read %s: %s"), post->token,
                   local_error->message);
      return FALSE;
    }
  curl = curl_easy_init ();
  if (curl == NULL)
    {
      g_set_error_literal (error, JK_MAIL_ERROR, JK_MAIL_ERROR_RELAY, _("Cannot start a connection."));
      return FALSE;
    }
  headers = curl_slist_append (headers, "Content-Type: application/json; charset=utf-8");
  /* The same key on every retry: a receiver that saw the message already
   * (the kiosk lost power after it took it) drops the second. */
  key_header = g_strdup_printf ("Idempotency-Key: %s", idempotency_key);
  headers = curl_slist_append (headers, key_header);
  if (token != NULL && token[0] != '\0')
    {
      authorization = g_strdup_printf ("Authorization: Bearer %s", token);
      headers = curl_slist_append (headers, authorization);
    }
  /* No "Expect: 100-continue" wait on a small body. */
  headers = curl_slist_append (headers, "Expect:");
  curl_easy_setopt (curl, CURLOPT_URL, post->url);
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, (long) CONNECT_TIMEOUT);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, (long) post->timeout);
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt (curl, CURLOPT_POSTFIELDS, body);
  curl_easy_setopt (curl, CURLOPT_POSTFIELDSIZE, (long) size);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, discard_cb);
  code = curl_easy_perform (curl);
  if (code == CURLE_OK)
    curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup (curl);
  curl_slist_free_all (headers);
  if (authorization != NULL)
    memset (authorization, 0, strlen (authorization));
  if (token != NULL)
    memset (token, 0, strlen (token));

  if (code != CURLE_OK)
    {
      /* TRANSLATORS: the first %s names the receiver ("the staff endpoint"), the second is libcurl's reason */
      g_set_error (error, JK_MAIL_ERROR, JK_MAIL_ERROR_RELAY, _("Could not reach %s: %s"), post->receiver,
                   curl_easy_strerror (code));
      return FALSE;
    }
  if (status >= 200 && status < 300)
    return TRUE;
  /* A 4xx other than a timeout or "too many" will not change by trying
   * again: the outbox gives up on it. */
  if (status >= 400 && status < 500 && status != 408 && status != 429)
    {
      /* TRANSLATORS: %s names the receiver ("the staff endpoint"), %ld is an HTTP status such as 403 */
      g_set_error (error, JK_MAIL_ERROR, JK_MAIL_ERROR_REFUSED, _("Refused by %s (HTTP %ld); it will not be sent again."),
                   post->receiver, status);
      return FALSE;
    }
  /* TRANSLATORS: %s names the receiver ("the staff endpoint"), %ld is an HTTP status such as 503 */
  g_set_error (error, JK_MAIL_ERROR, JK_MAIL_ERROR_RELAY, _("HTTP %ld from %s; it will be tried again."), status,
               post->receiver);
  return FALSE;
}
