/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-feed-json.c: libFuzzer target for the JSON-LD (JSON and HTML pages) and USAJOBS parsers */

#define G_LOG_DOMAIN "jk-fuzz"

#include "fuzz-check.h"
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const JkFeedFormat formats[] = { JK_FEED_FORMAT_AUTO, JK_FEED_FORMAT_JSONLD, JK_FEED_FORMAT_USAJOBS };

  fuzz_parse_as (data, size, formats, G_N_ELEMENTS (formats));
  return 0;
}
