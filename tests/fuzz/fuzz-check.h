/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-check.h: what every fuzz target checks on the parsers' output (the JkJob contract) */
#pragma once

#include <math.h>
#include <stdint.h>
#include <string.h>
#include "feeds/jk-feed-private.h"
#include "feeds/jk-normalize-private.h"

/* Valid UTF-8 with no control characters (newlines too, unless allowed). */
static inline void
fuzz_check_text (const char *text,
                 gboolean    newlines)
{
  if (text == NULL)
    return;
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p != '\0'; p++)
    g_assert_true ((guchar) *p >= 0x20 || (newlines && *p == '\n'));
}

static inline void
fuzz_check_field (const char *text,
                  gsize       max)
{
  fuzz_check_text (text, FALSE);
  if (text != NULL)
    {
      g_assert_cmpstr (text, !=, "");
      g_assert_cmpuint (strlen (text), <=, max);
    }
}

static inline gboolean
fuzz_take_job (JkJob    *job,
               gpointer  user_data,
               GError  **error)
{
  g_assert_nonnull (job->title);
  fuzz_check_field (job->title, JK_FIELD_MAX);
  fuzz_check_field (job->employer, JK_FIELD_MAX);
  fuzz_check_field (job->city, JK_FIELD_MAX);
  fuzz_check_field (job->state, JK_FIELD_MAX);
  fuzz_check_field (job->postal_code, JK_FIELD_MAX);
  fuzz_check_field (job->country, JK_FIELD_MAX);
  fuzz_check_field (job->salary_text, JK_FIELD_MAX);
  fuzz_check_field (job->category, JK_FIELD_MAX);
  fuzz_check_field (job->education, JK_FIELD_MAX);
  fuzz_check_field (job->external_id, 4096);
  fuzz_check_field (job->apply_url, 4096);
  fuzz_check_field (job->employment_type, JK_FIELD_MAX);
  fuzz_check_field (job->soc_code, 7);
  fuzz_check_text (job->description, TRUE);
  if (job->description != NULL)
    g_assert_cmpuint (strlen (job->description), <=, JK_DESCRIPTION_MAX);
  if (job->has_geo)
    g_assert_true (fabs (job->latitude) <= 90 && fabs (job->longitude) <= 180);
  if (!isnan (job->salary_min))
    g_assert_false (isnan (job->salary_max));
  g_assert_cmpint (job->salary_period, >=, JK_SALARY_PERIOD_NONE);
  g_assert_cmpint (job->salary_period, <=, JK_SALARY_PERIOD_YEAR);
  jk_job_free (job);
  return TRUE;
}

/* Detects the input's format, then parses it as each of formats; a failure
 * must come with a GError. */
static inline void
fuzz_parse_as (const uint8_t      *data,
               size_t              size,
               const JkFeedFormat *formats,
               guint               n_formats)
{
  jk_feed_detect_format ((const char *) data, size);
  for (guint i = 0; i < n_formats; i++)
    {
      g_autoptr (GError) error = NULL;
      JkFeedStats stats = { 0 };
      gboolean ok = jk_feed_parse_data_full ((const char *) data, size, formats[i], NULL, NULL, fuzz_take_job, NULL, &stats, &error);

      g_assert_true (ok == (error == NULL));
      if (error != NULL)
        g_assert_true (error->domain == JK_FEED_ERROR);
      jk_feed_stats_clear (&stats);
    }
}
