/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-feed-xml.c: libFuzzer target for the job-xml and RSS parsers (and format detection) */

#define G_LOG_DOMAIN "jk-fuzz"

#include "fuzz-check.h"
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const JkFeedFormat formats[] = { JK_FEED_FORMAT_AUTO, JK_FEED_FORMAT_JOB_XML, JK_FEED_FORMAT_RSS };

  fuzz_parse_as (data, size, formats, G_N_ELEMENTS (formats));
  return 0;
}
