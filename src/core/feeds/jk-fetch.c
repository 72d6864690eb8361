/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-fetch.c: getting a feed over HTTP(S) with libcurl, or from a local file */

#define G_LOG_DOMAIN "jk-fetch"

#include "jk-build-config.h"

#include <curl/curl.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "feeds/jk-fetch-private.h"

typedef struct {
  FILE *out;
  goffset bytes;
  goffset max_bytes;
  gboolean too_large;
  GCancellable *cancellable;
  char *etag;
  char *last_modified;
} Transfer;

G_DEFINE_QUARK (jk-fetch-error-quark, jk_fetch_error)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static size_t
write_cb (char   *data,
          size_t  size,
          size_t  count,
          void   *user_data)
{
  Transfer *transfer = user_data;
  size_t length = size * count;

  /* Counted after decompression, so a gzip bomb stops at the limit. */
  if (transfer->bytes + (goffset) length > transfer->max_bytes)
    {
      transfer->too_large = TRUE;
      return 0;
    }
  transfer->bytes += length;
  return fwrite (data, 1, length, transfer->out);
}

static char *
header_value (const char *line,
              size_t      length,
              const char *name)
{
  size_t name_length = strlen (name);
  char *value;

  if (length <= name_length + 1 || g_ascii_strncasecmp (line, name, name_length) != 0 || line[name_length] != ':')
    return NULL;
  value = g_strstrip (g_strndup (line + name_length + 1, length - name_length - 1));
  /* The value goes back in a request header and into the database: one
   * line of UTF-8 text, or nothing (the next fetch is then unconditional). */
  for (const char *p = value; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      value[0] = '\0';
  if (value[0] == '\0' || !g_utf8_validate (value, -1, NULL))
    g_clear_pointer (&value, g_free);
  return value;
}

static size_t
header_cb (char   *data,
           size_t  size,
           size_t  count,
           void   *user_data)
{
  Transfer *transfer = user_data;
  size_t length = size * count;

  jk_fetch_read_header (data, length, &transfer->etag, &transfer->last_modified);
  return length;
}

static int
progress_cb (void       *user_data,
             curl_off_t  dltotal,
             curl_off_t  dlnow,
             curl_off_t  ultotal,
             curl_off_t  ulnow)
{
  Transfer *transfer = user_data;

  return g_cancellable_is_cancelled (transfer->cancellable) ? 1 : 0;
}

static gboolean
is_retryable (CURLcode code,
              long     status)
{
  if (code == CURLE_OK)
    return status >= 500 || status == 408 || status == 429;
  switch (code)
    {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
set_curl_error (GError    **error,
                CURLcode    code,
                const char *detail,
                const char *url)
{
  const char *what = detail[0] != '\0' ? detail : curl_easy_strerror (code);

  switch (code)
    {
    case CURLE_OPERATION_TIMEDOUT:
      g_set_error (error, JK_FETCH_ERROR, JK_FETCH_ERROR_TIMEOUT,
                   "The job feed took too long to answer (%s)", what);
      break;
    case CURLE_ABORTED_BY_CALLBACK:
      g_set_error (error, JK_FETCH_ERROR, JK_FETCH_ERROR_CANCELLED, "The download was stopped");
      break;
    case CURLE_UNSUPPORTED_PROTOCOL:
      g_set_error (error, JK_FETCH_ERROR, JK_FETCH_ERROR_UNSUPPORTED,
                   "Only http, https and local files can be feeds (%s)", url);
      break;
    default:
      g_set_error (error, JK_FETCH_ERROR, JK_FETCH_ERROR_UNREACHABLE,
                   "Can't reach the job feed: %s", what);
    }
}

/* A local feed counts as unchanged when its size and time are. */
static gboolean
fetch_local (const JkFetchRequest *request,
             const char           *path,
             JkFetchResult        *result,
             GError              **error)
{
  GStatBuf st;
  g_autofree char *validator = NULL;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || g_access (path, R_OK) != 0)
    {
      int saved = errno;
      g_set_error (error, JK_FETCH_ERROR, JK_FETCH_ERROR_LOCAL, "Cannot read the feed file %s: %s", path,
                   S_ISDIR (st.st_mode) ? "it is a folder" : g_strerror (saved));
      return FALSE;
    }
  if (st.st_size > request->max_bytes)
    {
      g_set_error (error, JK_FETCH_ERROR, JK_FETCH_ERROR_TOO_LARGE,
                   "The feed file is %" G_GOFFSET_FORMAT " MB, more than the limit of %" G_GOFFSET_FORMAT " MB",
                   (goffset) st.st_size / (1024 * 1024), request->max_bytes / (1024 * 1024));
      return FALSE;
    }
  validator = g_strdup_printf ("\"%" G_GOFFSET_FORMAT "-%" G_GINT64_FORMAT ".%09ld\"", (goffset) st.st_size,
                               (gint64) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec);
  result->not_modified = g_strcmp0 (validator, request->etag) == 0;
  result->etag = g_steal_pointer (&validator);
  result->body_path = g_strdup (path);
  result->bytes = st.st_size;
  result->attempts = 1;
  return TRUE;
}

static CURL *
make_handle (const JkFetchRequest *request,
             Transfer             *transfer,
             struct curl_slist   **headers,
             char                 *error_buffer)
{
  CURL *curl = curl_easy_init ();

  if (curl == NULL)
    return NULL;
  curl_easy_setopt (curl, CURLOPT_URL, request->url);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt (curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt (curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt (curl, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt (curl, CURLOPT_ACCEPT_ENCODING, ""); /* every encoding curl can decode */
  curl_easy_setopt (curl, CURLOPT_USERAGENT, jk_fetch_user_agent ());
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, (long) request->connect_timeout);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, (long) request->total_timeout);
  curl_easy_setopt (curl, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t) request->max_bytes);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt (curl, CURLOPT_FAILONERROR, 0L);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, write_cb);
  curl_easy_setopt (curl, CURLOPT_WRITEDATA, transfer);
  curl_easy_setopt (curl, CURLOPT_HEADERFUNCTION, header_cb);
  curl_easy_setopt (curl, CURLOPT_HEADERDATA, transfer);
  curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, progress_cb);
  curl_easy_setopt (curl, CURLOPT_XFERINFODATA, transfer);
  curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, error_buffer);

  for (guint i = 0; request->headers != NULL && request->headers[i] != NULL; i++)
    *headers = curl_slist_append (*headers, request->headers[i]);
  if (request->etag != NULL)
    {
      g_autofree char *line = g_strdup_printf ("If-None-Match: %s", request->etag);
      *headers = curl_slist_append (*headers, line);
    }
  if (request->last_modified != NULL)
    {
      g_autofree char *line = g_strdup_printf ("If-Modified-Since: %s", request->last_modified);
      *headers = curl_slist_append (*headers, line);
    }
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, *headers);
  return curl;
}

/* One attempt. Returns the curl code; status and transfer filled in. */
static CURLcode
attempt (const JkFetchRequest *request,
         const char           *part_path,
         Transfer             *transfer,
         long                 *status,
         char                 *error_buffer)
{
  struct curl_slist *headers = NULL;
  CURL *curl;
  CURLcode code;

  transfer->out = g_fopen (part_path, "wb");
  if (transfer->out == NULL)
    return CURLE_WRITE_ERROR;
  transfer->bytes = 0;
  transfer->too_large = FALSE;
  error_buffer[0] = '\0';
  curl = make_handle (request, transfer, &headers, error_buffer);
  if (curl == NULL)
    {
      fclose (transfer->out);
      return CURLE_FAILED_INIT;
    }
  code = curl_easy_perform (curl);
  *status = 0;
  curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, status);
  curl_easy_cleanup (curl);
  curl_slist_free_all (headers);
  if (fclose (transfer->out) != 0 && code == CURLE_OK)
    code = CURLE_WRITE_ERROR;
  transfer->out = NULL;
  return code;
}

static gboolean
wait_before_retry (guint         attempt_number,
                   guint         base_ms,
                   GCancellable *cancellable)
{
  /* Exponential backoff with full jitter: never every kiosk at once. */
  guint64 ceiling = (guint64) base_ms << MIN (attempt_number - 1, 10u);
  guint64 delay_ms = ceiling / 2 + (guint64) g_random_int_range (0, (gint32) MIN (ceiling / 2 + 1, G_MAXINT32));

  for (guint64 waited = 0; waited < delay_ms; waited += 50)
    {
      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;
      g_usleep (MIN (50, delay_ms - waited) * 1000);
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

void
jk_fetch_read_header (const char  *line,
                      size_t       length,
                      char       **etag,
                      char       **last_modified)
{
  char *value;

  /* A redirect's headers come first: the last response's validators win. */
  if (length > 5 && g_ascii_strncasecmp (line, "HTTP/", 5) == 0)
    {
      g_clear_pointer (etag, g_free);
      g_clear_pointer (last_modified, g_free);
    }
  if ((value = header_value (line, length, "ETag")) != NULL)
    {
      g_free (*etag);
      *etag = value;
    }
  else if ((value = header_value (line, length, "Last-Modified")) != NULL)
    {
      g_free (*last_modified);
      *last_modified = value;
    }
}

const char *
jk_fetch_user_agent (void)
{
  return "JobKiosk/" PACKAGE_VERSION " (self-service job search kiosk)";
}

gboolean
jk_fetch (const JkFetchRequest *request,
          JkFetchResult        *result,
          GCancellable         *cancellable,
          GError              **error)
{
  g_autofree char *part_path = NULL;
  Transfer transfer = { 0 };
  char error_buffer[CURL_ERROR_SIZE];
  CURLcode code = CURLE_OK;
  long status = 0;
  const char *scheme = g_uri_peek_scheme (request->url);

  memset (result, 0, sizeof *result);
  if (scheme == NULL)
    return fetch_local (request, request->url, result, error);
  if (g_str_equal (scheme, "file"))
    {
      g_autofree char *path = g_filename_from_uri (request->url, NULL, NULL);
      if (path == NULL)
        {
          g_set_error (error, JK_FETCH_ERROR, JK_FETCH_ERROR_LOCAL, "Not a usable file address: %s", request->url);
          return FALSE;
        }
      return fetch_local (request, path, result, error);
    }

  part_path = g_strconcat (request->dest_path, ".part", NULL);
  transfer.max_bytes = request->max_bytes;
  transfer.cancellable = cancellable;

  for (guint n = 1; n <= MAX (request->max_attempts, 1u); n++)
    {
      result->attempts = n;
      code = attempt (request, part_path, &transfer, &status, error_buffer);
      if (!is_retryable (code, status) || n == MAX (request->max_attempts, 1u))
        break;
      g_debug ("attempt %u of %s failed (%s, HTTP %ld); retrying", n, request->url,
               curl_easy_strerror (code), status);
      if (!wait_before_retry (n, request->retry_base_ms, cancellable))
        {
          code = CURLE_ABORTED_BY_CALLBACK;
          break;
        }
    }

  result->http_status = status;
  result->bytes = transfer.bytes;
  result->etag = g_steal_pointer (&transfer.etag);
  result->last_modified = g_steal_pointer (&transfer.last_modified);

  if (transfer.too_large || code == CURLE_FILESIZE_EXCEEDED)
    {
      g_set_error (error, JK_FETCH_ERROR, JK_FETCH_ERROR_TOO_LARGE,
                   "The job feed is larger than the limit of %" G_GOFFSET_FORMAT " MB",
                   request->max_bytes / (1024 * 1024));
    }
  else if (code != CURLE_OK)
    {
      set_curl_error (error, code, error_buffer, request->url);
    }
  else if (status == 304)
    {
      result->not_modified = TRUE;
      g_unlink (part_path);
      return TRUE;
    }
  else if (status < 200 || status >= 300)
    {
      g_set_error (error, JK_FETCH_ERROR, JK_FETCH_ERROR_HTTP,
                   status == 404 ? "The job feed's address was not found (HTTP %ld)"
                   : status == 401 || status == 403 ? "The job feed refused access (HTTP %ld); check the API key"
                   : "The job feed answered with an error (HTTP %ld)",
                   status);
    }
  else if (g_rename (part_path, request->dest_path) != 0)
    {
      int saved = errno;
      g_set_error (error, JK_FETCH_ERROR, JK_FETCH_ERROR_LOCAL, "Cannot keep the downloaded feed: %s",
                   g_strerror (saved));
    }
  else
    {
      result->body_path = g_strdup (request->dest_path);
      return TRUE;
    }
  g_unlink (part_path);
  return FALSE;
}

void
jk_fetch_result_clear (JkFetchResult *result)
{
  g_clear_pointer (&result->body_path, g_free);
  g_clear_pointer (&result->etag, g_free);
  g_clear_pointer (&result->last_modified, g_free);
}
