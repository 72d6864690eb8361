/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-normalize.c: libFuzzer target for the normalizers (HTML to text, salary, date, fields) */

#define G_LOG_DOMAIN "jk-fuzz"

#include <string.h>

#include "fuzz-check.h"
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* The normalizers take C strings: the input up to its first NUL. */
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *plain = jk_html_to_text (text, JK_DESCRIPTION_MAX);
  g_autofree char *short_plain = jk_html_to_text (text, 200);
  g_autofree char *field = jk_clean_field (text, JK_FIELD_MAX);
  g_autofree char *tiny = jk_clean_field (text, 5);
  g_autofree char *state = jk_normalize_state (text);
  const char *type = jk_normalize_employment_type (text);
  double low = NAN, high = NAN;
  JkSalaryPeriod period = JK_SALARY_PERIOD_NONE;
  gint64 when = 0;

  g_assert_nonnull (plain);
  fuzz_check_text (plain, TRUE);
  g_assert_cmpuint (strlen (plain), <=, JK_DESCRIPTION_MAX);
  g_assert_nonnull (short_plain);
  fuzz_check_text (short_plain, TRUE);
  fuzz_check_field (field, JK_FIELD_MAX);
  fuzz_check_field (tiny, 5);
  fuzz_check_text (state, FALSE);
  fuzz_check_text (type, FALSE);

  if (jk_parse_salary (text, &low, &high, &period))
    g_assert_false (isnan (low) || isnan (high));
  g_assert_cmpint (period, >=, JK_SALARY_PERIOD_NONE);
  g_assert_cmpint (period, <=, JK_SALARY_PERIOD_YEAR);
  g_assert_cmpint (jk_salary_period_from_unit (text), <=, JK_SALARY_PERIOD_YEAR);
  jk_parse_date (text, &when);
  return 0;
}
