/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JK_FETCH_ERROR (jk_fetch_error_quark ())

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
  const char *etag;            /* from the last good fetch, or NULL */
  const char *last_modified;   /* from the last good fetch, or NULL */
  const char *const *headers;  /* extra "Name: value" lines, NULL-terminated, or NULL */
  const char *dest_path;       /* where an HTTP body is written (replaced whole on success) */
  guint connect_timeout;       /* seconds */
  guint total_timeout;         /* seconds */
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
  goffset bytes;
  guint attempts;
} JkFetchResult;

GQuark       jk_fetch_error_quark   (void);

/* Downloads (or finds) a feed. Retries 5xx answers and network failures
 * with exponential backoff and jitter; never retries 4xx. Error messages
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
