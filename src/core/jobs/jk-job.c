/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-job.c: the normalized job record */

#define G_LOG_DOMAIN "jk-job"

#include <math.h>

#include "jobkiosk/jk-job.h"

static const char *const period_names[] = {
  [JK_SALARY_PERIOD_NONE] = NULL,
  [JK_SALARY_PERIOD_HOUR] = "hour",
  [JK_SALARY_PERIOD_DAY] = "day",
  [JK_SALARY_PERIOD_WEEK] = "week",
  [JK_SALARY_PERIOD_MONTH] = "month",
  [JK_SALARY_PERIOD_YEAR] = "year",
};

JkJob *
jk_job_new (void)
{
  JkJob *job = g_new0 (JkJob, 1);

  job->salary_min = NAN;
  job->salary_max = NAN;
  return job;
}

JkJob *
jk_job_copy (const JkJob *job)
{
  JkJob *copy = g_memdup2 (job, sizeof *job);

  copy->external_id = g_strdup (job->external_id);
  copy->title = g_strdup (job->title);
  copy->employer = g_strdup (job->employer);
  copy->city = g_strdup (job->city);
  copy->state = g_strdup (job->state);
  copy->postal_code = g_strdup (job->postal_code);
  copy->country = g_strdup (job->country);
  copy->salary_text = g_strdup (job->salary_text);
  copy->employment_type = g_strdup (job->employment_type);
  copy->soc_code = g_strdup (job->soc_code);
  copy->category = g_strdup (job->category);
  copy->education = g_strdup (job->education);
  copy->description = g_strdup (job->description);
  copy->apply_url = g_strdup (job->apply_url);
  return copy;
}

void
jk_job_free (JkJob *job)
{
  if (job == NULL)
    return;
  g_free (job->external_id);
  g_free (job->title);
  g_free (job->employer);
  g_free (job->city);
  g_free (job->state);
  g_free (job->postal_code);
  g_free (job->country);
  g_free (job->salary_text);
  g_free (job->employment_type);
  g_free (job->soc_code);
  g_free (job->category);
  g_free (job->education);
  g_free (job->description);
  g_free (job->apply_url);
  g_free (job);
}

const char *
jk_salary_period_to_string (JkSalaryPeriod period)
{
  return (guint) period < G_N_ELEMENTS (period_names) ? period_names[period] : NULL;
}

JkSalaryPeriod
jk_salary_period_from_string (const char *text)
{
  for (guint i = 1; text != NULL && i < G_N_ELEMENTS (period_names); i++)
    if (g_str_equal (text, period_names[i]))
      return (JkSalaryPeriod) i;
  return JK_SALARY_PERIOD_NONE;
}

JkJobPlace
jk_job_get_place (const JkJob *job)
{
  if (job->remote)
    return JK_JOB_PLACE_REMOTE;
  if (job->has_geo || job->city != NULL || job->state != NULL || job->postal_code != NULL)
    return JK_JOB_PLACE_GIVEN;
  return JK_JOB_PLACE_NOT_GIVEN;
}

const char *
jk_job_place_to_string (JkJobPlace place)
{
  switch (place)
    {
    case JK_JOB_PLACE_REMOTE:
      return "remote";
    case JK_JOB_PLACE_NOT_GIVEN:
      return "not-given";
    case JK_JOB_PLACE_GIVEN:
    default:
      return "given";
    }
}
