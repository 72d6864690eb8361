/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  JK_SALARY_PERIOD_NONE = 0, /* no numbers, or no period known */
  JK_SALARY_PERIOD_HOUR,
  JK_SALARY_PERIOD_DAY,
  JK_SALARY_PERIOD_WEEK,
  JK_SALARY_PERIOD_MONTH,
  JK_SALARY_PERIOD_YEAR,
} JkSalaryPeriod;

/* One posting at one place, normalized from any feed format. Every string
 * is valid UTF-8 plain text with no control characters, or NULL when the
 * feed did not say. A posting with several places becomes one JkJob per
 * place, the second and later with "#2", "#3"… appended to external_id. */
typedef struct {
  char *external_id;    /* the feed's own id (reference number, guid, PositionID) */
  char *title;
  char *employer;
  char *city;
  char *state;          /* two-letter code when known ("OH"), else as given */
  char *postal_code;
  char *country;
  gboolean has_geo;
  double latitude;
  double longitude;
  double salary_min;    /* NAN when not known */
  double salary_max;    /* NAN when not known; equal to min for one figure */
  JkSalaryPeriod salary_period;
  char *salary_text;    /* the feed's words, kept even when no numbers ("DOE") */
  char *employment_type;/* "full-time", "part-time", "temporary", "contract",
                           "internship", "seasonal", "per-diem", "volunteer";
                           several joined by ","; NULL when unknown */
  char *soc_code;       /* "35-2014" when the feed gives one */
  char *category;       /* the feed's own category text */
  char *education;
  char *description;    /* plain text: paragraphs split by "\n\n", bullets as "• " lines */
  char *apply_url;
  gint64 posted;        /* Unix seconds, UTC; 0 when unknown */
  gint64 expires;       /* Unix seconds, UTC; 0 when unknown */
  guint64 raw_hash;     /* of the feed's text for it, before normalizing; 0 when not known */
  gboolean remote;      /* the feed says the work is done remotely (JSON-LD TELECOMMUTE,
                           USAJOBS RemoteIndicator, a place that reads "Remote") */
} JkJob;

/* Where a posting's work happens, as the visitor is told. */
typedef enum {
  JK_JOB_PLACE_GIVEN,     /* a city, state, ZIP or coordinates */
  JK_JOB_PLACE_NOT_GIVEN, /* the feed named no place */
  JK_JOB_PLACE_REMOTE,    /* the feed says the work is remote */
} JkJobPlace;

JkJob       *jk_job_new                   (void);
JkJob       *jk_job_copy                  (const JkJob    *job);
void         jk_job_free                  (JkJob          *job);

/* Remote when the feed says so, whatever place it also names. */
JkJobPlace   jk_job_get_place             (const JkJob    *job);
/* "given", "not-given", "remote": for jobkioskctl's output. */
const char  *jk_job_place_to_string       (JkJobPlace      place);

const char  *jk_salary_period_to_string   (JkSalaryPeriod  period); /* "hour"…"year", NULL for NONE */
JkSalaryPeriod jk_salary_period_from_string (const char    *text);  /* the inverse; NONE when unknown */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkJob, jk_job_free)

G_END_DECLS
