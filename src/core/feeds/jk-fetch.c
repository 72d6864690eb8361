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

#define INFLATE_CHUNK (64 * 1024)

typedef struct {
  FILE *out;
  goffset bytes;             /* decompressed */
  goffset spooled;           /* written to out, as sent */
  goffset max_bytes;
  gboolean too_large;
  gboolean damaged;          /* compressed data that does not inflate */
  GCancellable *cancellable;
  char *etag;
  char *last_modified;
  GZlibCompressorFormat encoding; /* of the body; only meaningful when encoded */
  gboolean encoded;
  GConverter *inflater;      /* counts what the body inflates to, keeping nothing */
  char *scratch;
} Transfer;

G_DEFINE_QUARK (jk-fetch-error-quark, jk_fetch_error)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* Counts what data inflates to, into a scratch buffer that is thrown
 * away: the limit is checked before anything is spooled. */
static gboolean
count_inflated (Transfer   *transfer,
                const char *data,
                size_t      length)
{
  if (transfer->inflater == NULL)
    {
      transfer->inflater = G_CONVERTER (g_zlib_decompressor_new (transfer->encoding));
      if (transfer->scratch == NULL)
        transfer->scratch = g_malloc (INFLATE_CHUNK);
    }
  while (length > 0)
    {
      gsize read = 0, written = 0;
      g_autoptr (GError) error = NULL;
      GConverterResult result = g_converter_convert (transfer->inflater, data, length, transfer->scratch,
                                                     INFLATE_CHUNK, G_CONVERTER_NO_FLAGS, &read, &written, &error);

      if (result == G_CONVERTER_ERROR)
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
            return TRUE;
          transfer->damaged = TRUE;
          return FALSE;
        }
      transfer->bytes += (goffset) written;
      if (transfer->bytes > transfer->max_bytes)
        {
          transfer->too_large = TRUE;
          return FALSE;
        }
      if (result == G_CONVERTER_FINISHED || (read == 0 && written == 0))
        return TRUE;
      data += read;
      length -= read;
    }
  return TRUE;
}

static size_t
write_cb (char   *data,
          size_t  size,
          size_t  count,
          void   *user_data)
{
  Transfer *transfer = user_data;
  size_t length = size * count;

  /* Counted after decompression, before writing: a gzip bomb stops at
   * the limit having spooled only the few bytes that carried it. */
  if (transfer->encoded)
    {
      if (!count_inflated (transfer, data, length))
        return 0;
    }
  else
    transfer->bytes += (goffset) length;
  if (transfer->bytes > transfer->max_bytes || transfer->spooled + (goffset) length > transfer->max_bytes)
    {
      transfer->too_large = TRUE;
      return 0;
    }
  transfer->spooled += (goffset) length;
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
  char *value;

  /* A redirect's headers come first (jk_fetch_read_header forgets its
   * validators): the last response's encoding counts too. */
  if (length > 5 && g_ascii_strncasecmp (data, "HTTP/", 5) == 0)
    transfer->encoded = FALSE;
  if ((value = header_value (data, length, "Content-Encoding")) != NULL)
    {
      /* Only what Accept-Encoding offered; anything else is kept as sent. */
      transfer->encoded = TRUE;
      if (g_ascii_strcasecmp (value, "gzip") == 0 || g_ascii_strcasecmp (value, "x-gzip") == 0)
        transfer->encoding = G_ZLIB_COMPRESSOR_FORMAT_GZIP;
      else if (g_ascii_strcasecmp (value, "deflate") == 0)
        transfer->encoding = G_ZLIB_COMPRESSOR_FORMAT_ZLIB;
      else
        transfer->encoded = FALSE;
      g_free (value);
    }
  else
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

/* What the messages call what is fetched: staff read "Can't reach the
 * calendar", not "the job feed", when a calendar is down. */
static const char *
subject_of (const JkFetchRequest *request)
{
  return request->subject != NULL ? request->subject : "job feed";
}

static void
set_curl_error (GError    **error,
                CURLcode    code,
                const char *detail,
                const char *url,
                const char *subject)
{
  const char *what = detail[0] != '\0' ? detail : curl_easy_strerror (code);

  switch (code)
    {
    case CURLE_OPERATION_TIMEDOUT:
      g_set_error (error, JK_FETCH_ERROR, JK_FETCH_ERROR_TIMEOUT,
                   "The %s took too long to answer (%s)", subject, what);
      break;
    case CURLE_ABORTED_BY_CALLBACK:
      g_set_error (error, JK_FETCH_ERROR, JK_FETCH_ERROR_CANCELLED, "The download was stopped");
      break;
    case CURLE_UNSUPPORTED_PROTOCOL:
      g_set_error (error, JK_FETCH_ERROR, JK_FETCH_ERROR_UNSUPPORTED,
                   "Only http, https and local files can be read (%s)", url);
      break;
    default:
      g_set_error (error, JK_FETCH_ERROR, JK_FETCH_ERROR_UNREACHABLE,
                   "Can't reach the %s: %s", subject, what);
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
      g_set_error (error, JK_FETCH_ERROR, JK_FETCH_ERROR_LOCAL, "Cannot read the %s file %s: %s", subject_of (request), path,
                   S_ISDIR (st.st_mode) ? "it is a folder" : g_strerror (saved));
      return FALSE;
    }
  if (st.st_size > request->max_bytes)
    {
      g_set_error (error, JK_FETCH_ERROR, JK_FETCH_ERROR_TOO_LARGE,
                   "The %s file is %" G_GOFFSET_FORMAT " MB, more than the limit of %" G_GOFFSET_FORMAT " MB",
                   subject_of (request),
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
             gint64                time_left_ms,
             Transfer             *transfer,
             struct curl_slist   **headers,
             char                 *error_buffer)
{
  guint stall = request->stall_timeout > 0 ? request->stall_timeout : request->total_timeout;

  CURL *curl = curl_easy_init ();

  if (curl == NULL)
    return NULL;
  curl_easy_setopt (curl, CURLOPT_URL, request->url);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt (curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt (curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt (curl, CURLOPT_MAXREDIRS, 5L);
  /* Decoded here, not by curl, so the inflated size is known before a
   * byte of it is spooled. */
  curl_easy_setopt (curl, CURLOPT_ACCEPT_ENCODING, "gzip");
  curl_easy_setopt (curl, CURLOPT_HTTP_CONTENT_DECODING, 0L);
  curl_easy_setopt (curl, CURLOPT_USERAGENT, jk_fetch_user_agent ());
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT_MS, (long) MIN ((gint64) request->connect_timeout * 1000, time_left_ms));
  curl_easy_setopt (curl, CURLOPT_TIMEOUT_MS, (long) time_left_ms);
  /* A server that accepts and then says nothing (or next to nothing) ends
   * the attempt after stall seconds, not after the whole budget. */
  curl_easy_setopt (curl, CURLOPT_LOW_SPEED_LIMIT, (long) JK_FETCH_STALL_BYTES);
  curl_easy_setopt (curl, CURLOPT_LOW_SPEED_TIME, (long) MAX (stall, 1u));
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
         gint64                time_left_ms,
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
  transfer->spooled = 0;
  transfer->too_large = FALSE;
  transfer->damaged = FALSE;
  transfer->encoded = FALSE;
  g_clear_object (&transfer->inflater);
  error_buffer[0] = '\0';
  curl = make_handle (request, time_left_ms, transfer, &headers, error_buffer);
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

/* Milliseconds left before end (monotonic µs). */
static gint64
ms_left (gint64 end)
{
  return (end - g_get_monotonic_time ()) / 1000;
}

static gboolean
wait_before_retry (guint         attempt_number,
                   guint         base_ms,
                   gint64        end,
                   GCancellable *cancellable)
{
  /* Exponential backoff with full jitter: never every kiosk at once. */
  guint64 ceiling = (guint64) base_ms << MIN (attempt_number - 1, 10u);
  guint64 delay_ms = ceiling / 2 + (guint64) g_random_int_range (0, (gint32) MIN (ceiling / 2 + 1, G_MAXINT32));

  /* A retry that could not start before the end is not waited for. */
  if ((gint64) delay_ms + 1000 >= ms_left (end))
    return FALSE;

  for (guint64 waited = 0; waited < delay_ms; waited += 50)
    {
      if (g_cancellable_is_cancelled (cancellable))
        return FALSE;
      g_usleep (MIN (50, delay_ms - waited) * 1000);
    }
  return TRUE;
}

/* The spooled body, already known to inflate within the limit, inflated
 * into dest. */
static gboolean
inflate_file (const char            *part_path,
              const char            *dest_path,
              GZlibCompressorFormat  format,
              GError               **error)
{
  g_autoptr (GFile) part = g_file_new_for_path (part_path);
  g_autoptr (GFile) dest = g_file_new_for_path (dest_path);
  g_autoptr (GFileInputStream) raw = NULL;
  g_autoptr (GFileOutputStream) out = NULL;
  g_autoptr (GConverter) inflater = G_CONVERTER (g_zlib_decompressor_new (format));
  g_autoptr (GInputStream) in = NULL;
  g_autoptr (GError) local_error = NULL;

  raw = g_file_read (part, NULL, &local_error);
  if (raw != NULL)
    out = g_file_replace (dest, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &local_error);
  if (out != NULL)
    {
      in = g_converter_input_stream_new (G_INPUT_STREAM (raw), inflater);
      if (g_output_stream_splice (G_OUTPUT_STREAM (out), in,
                                  G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                  NULL, &local_error) >= 0)
        return TRUE;
      g_unlink (dest_path);
    }
  g_set_error (error, JK_FETCH_ERROR, JK_FETCH_ERROR_LOCAL, "Cannot keep the downloaded feed: %s",
               local_error->message);
  return FALSE;
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
  gint64 end;
  gboolean out_of_time = FALSE;
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
  /* One budget for every attempt and wait: a stalled server costs this
   * feed total_timeout at most, never that many times over. */
  end = g_get_monotonic_time () + (gint64) MAX (request->total_timeout, 1u) * G_USEC_PER_SEC;
  if (request->deadline > 0)
    end = MIN (end, request->deadline);

  for (guint n = 1; n <= MAX (request->max_attempts, 1u); n++)
    {
      gint64 left = ms_left (end);

      if (left <= 0)
        {
          code = n == 1 ? CURLE_OPERATION_TIMEDOUT : code;
          out_of_time = n == 1;
          break;
        }
      result->attempts = n;
      code = attempt (request, left, part_path, &transfer, &status, error_buffer);
      if (!is_retryable (code, status) || n == MAX (request->max_attempts, 1u))
        break;
      g_debug ("attempt %u of %s failed (%s, HTTP %ld); retrying", n, request->url,
               curl_easy_strerror (code), status);
      if (!wait_before_retry (n, request->retry_base_ms, end, cancellable))
        {
          if (g_cancellable_is_cancelled (cancellable))
            code = CURLE_ABORTED_BY_CALLBACK;
          break;
        }
    }

  result->http_status = status;
  result->bytes = transfer.bytes;
  result->spooled = transfer.spooled;
  result->etag = g_steal_pointer (&transfer.etag);
  result->last_modified = g_steal_pointer (&transfer.last_modified);
  g_clear_object (&transfer.inflater);
  g_clear_pointer (&transfer.scratch, g_free);

  if (transfer.too_large || code == CURLE_FILESIZE_EXCEEDED)
    {
      g_set_error (error, JK_FETCH_ERROR, JK_FETCH_ERROR_TOO_LARGE,
                   "The %s is larger than the limit of %" G_GOFFSET_FORMAT " MB", subject_of (request),
                   request->max_bytes / (1024 * 1024));
    }
  else if (transfer.damaged)
    {
      g_set_error (error, JK_FETCH_ERROR, JK_FETCH_ERROR_UNREACHABLE,
                   "The %s's compressed data is damaged", subject_of (request));
    }
  else if (out_of_time)
    {
      g_set_error (error, JK_FETCH_ERROR, JK_FETCH_ERROR_TIMEOUT,
                   "The %s took too long to answer (no time was left in this update)",
                   subject_of (request));
    }
  else if (code != CURLE_OK)
    {
      set_curl_error (error, code, error_buffer, request->url, subject_of (request));
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
                   status == 404 ? "The %s's address was not found (HTTP %ld)"
                   : status == 401 || status == 403 ? "The %s refused access (HTTP %ld); check the key or token"
                   : "The %s answered with an error (HTTP %ld)",
                   subject_of (request), status);
    }
  else if (transfer.encoded ? !inflate_file (part_path, request->dest_path, transfer.encoding, error)
                             : g_rename (part_path, request->dest_path) != 0)
    {
      int saved = errno;
      if (!transfer.encoded)
        g_set_error (error, JK_FETCH_ERROR, JK_FETCH_ERROR_LOCAL, "Cannot keep the downloaded feed: %s",
                     g_strerror (saved));
    }
  else
    {
      if (transfer.encoded)
        g_unlink (part_path);
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
