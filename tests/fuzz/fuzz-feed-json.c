/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-feed-json.c: libFuzzer target for the JSON-LD (JSON and HTML pages) and USAJOBS parsers */

#define G_LOG_DOMAIN "jk-fuzz"

#include <stdint.h>
#include <string.h>

#include "fuzz-check.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const JkFeedFormat formats[] = { JK_FEED_FORMAT_AUTO, JK_FEED_FORMAT_JSONLD, JK_FEED_FORMAT_USAJOBS };

  jk_feed_detect_format ((const char *) data, size);
  fuzz_parse_as (data, size, formats, G_N_ELEMENTS (formats));
  return 0;
}
