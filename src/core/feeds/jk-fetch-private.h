/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JK_FETCH_ERROR (jk_fetch_error_quark ())

/* A transfer slower than this many bytes a second for stall_timeout
 * seconds has stalled. */
#define JK_FETCH_STALL_BYTES 1024

typedef enum {
  JK_FETCH_ERROR_UNREACHABLE, /* DNS, refused, reset, TLS: no answer from the server */
  JK_FETCH_ERROR_TIMEOUT,
  JK_FETCH_ERROR_HTTP,        /* the server answered with an error status */
  JK_FETCH_ERROR_TOO_LARGE,
  JK_FETCH_ERROR_LOCAL,       /* a file:// or plain path that cannot be read */
  JK_FETCH_ERROR_CANCELLED,
  JK_FETCH_ERROR_UNSUPPORTED, /* a scheme other than http, https, file */
} JkFetchError;

typedef struct {
  const char *url;             /* http://, https://, file:// or a plain path */
  const char *subject;         /* what errors call it ("calendar"); NULL for "job feed" */
  const char *etag;            /* from the last good fetch, or NULL */
  const char *last_modified;   /* from the last good fetch, or NULL */
  const char *const *headers;  /* extra "Name: value" lines, NULL-terminated, or NULL */
  const char *dest_path;       /* where an HTTP body is written (replaced whole on success) */
  guint connect_timeout;       /* seconds */
  guint total_timeout;         /* seconds for the whole fetch, retries and their waits included */
  guint stall_timeout;         /* seconds under JK_FETCH_STALL_BYTES a second end an attempt; 0: total_timeout */
  gint64 deadline;             /* monotonic µs after which nothing more is tried (a whole sync's), or 0 */
  goffset max_bytes;           /* after decompression */
  guint max_attempts;          /* 1 = no retry */
  guint retry_base_ms;         /* first backoff; doubles each retry, with jitter */
} JkFetchRequest;

typedef struct {
  gboolean not_modified;       /* 304, or a local file whose size and time are unchanged */
  long http_status;            /* 0 for local files */
  char *body_path;             /* the file to parse: dest_path, or the local file itself */
  char *etag;                  /* validators to send next time */
  char *last_modified;
  goffset bytes;               /* the body's, decompressed */
  goffset spooled;             /* bytes written to disk in the last attempt (compressed as sent) */
  guint attempts;
} JkFetchResult;

GQuark       jk_fetch_error_quark   (void);

/* Downloads (or finds) a feed. Retries 5xx answers and network failures
 * with exponential backoff and jitter, within total_timeout and the
 * deadline; never retries 4xx. A compressed body is spooled as sent and
 * refused as soon as it inflates past max_bytes, then inflated into
 * dest_path. Error messages
 * are plain words for staff ("Can't reach the job bank: connection refused"). */
gboolean     jk_fetch               (const JkFetchRequest *request,
                                     JkFetchResult        *result,
                                     GCancellable         *cancellable,
                                     GError              **error);
void         jk_fetch_result_clear  (JkFetchResult        *result);

/* Reads one response header line as curl hands it (not NUL-terminated,
 * CRLF included): a status line forgets the validators of a redirect, an
 * ETag or Last-Modified line replaces that validator. For the fuzz target;
 * the fetch calls it for every header. */
void         jk_fetch_read_header   (const char           *line,
                                     size_t                length,
                                     char                **etag,
                                     char                **last_modified);

/* The User-Agent the kiosk sends. */
const char  *jk_fetch_user_agent    (void);

G_END_DECLS
