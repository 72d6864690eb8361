/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-http-headers.c: libFuzzer target for the response headers the fetcher reads (ETag, Last-Modified) */

#define G_LOG_DOMAIN "jk-fuzz"

#include <string.h>

#include <glib.h>

#include "feeds/jk-fetch-private.h"
#include "fuzz-target.h"

/* A validator is sent back as a request header (If-None-Match,
 * If-Modified-Since) and kept in the database: one line of text, never
 * empty, no surrounding blanks. */
static void
check_validator (const char *value)
{
  if (value == NULL)
    return;
  g_assert_cmpstr (value, !=, "");
  g_assert_false (g_ascii_isspace (value[0]));
  g_assert_false (g_ascii_isspace (value[strlen (value) - 1]));
  g_assert_true (g_utf8_validate (value, -1, NULL));
  for (const char *p = value; *p != '\0'; p++)
    g_assert_true ((guchar) *p >= 0x20 && (guchar) *p != 0x7f);
}

/* The input is a response's header block; each line goes to the fetcher's
 * reader as curl hands it: one at a time, line ending included, no NUL
 * after it. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *etag = NULL;
  g_autofree char *last_modified = NULL;
  size_t start = 0;

  while (start < size)
    {
      const uint8_t *newline = memchr (data + start, '\n', size - start);
      size_t length = newline != NULL ? (size_t) (newline - data) - start + 1 : size - start;
      /* An exact-size copy, so that ASan sees any read past the line. */
      g_autofree char *line = g_memdup2 (data + start, length);

      jk_fetch_read_header (line, length, &etag, &last_modified);
      check_validator (etag);
      check_validator (last_modified);
      start += length;
    }
  return 0;
}
