/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-lmi.h: labor market information as the kiosk reads it: finding an occupation, the lists, the occupation page */
#pragma once

#include <glib.h>

#include "jk-job.h"
#include "jk-store.h"

G_BEGIN_DECLS

/* The tables are written by the importer (src/core/lmi/, jobkioskctl lmi
 * import); the schema is migration 14 in jk-store.c. What is read here is
 * always the newest release (the highest id) that has the figure. */

#define JK_LMI_ERROR (jk_lmi_error_quark ())

typedef enum {
  JK_LMI_ERROR_NOT_FOUND, /* no such occupation or area */
} JkLmiError;

GQuark       jk_lmi_error_quark      (void);

/* Where the kiosk is: its state and metro as the configuration gives them
 * ([lmi] state = "39", metro = "18140"; JkConfig lmi_state, lmi_metro),
 * or as 7-digit area codes. metro may be NULL. */
typedef struct {
  const char *state;
  const char *metro;
} JkLmiPlace;

/* "39" → "3900000"; "18140" → "0018140"; a 7-digit code stays. NULL for
 * NULL or text that is not such a code. */
char        *jk_lmi_state_area_code  (const char *state);
char        *jk_lmi_metro_area_code  (const char *metro);

/* ---------------------------------------------------------------------- */
/* Finding an occupation                                                  */

/* Rebuilds the search index of occupation titles (migration 15) from
 * lmi_occupations and lmi_titles. The importer calls it at the end of its
 * transaction, after writing titles: until then a search does not find
 * them. A few seconds at O*NET's full size. */
gboolean     jk_lmi_reindex          (JkStore    *store,
                                      GError    **error);

/* One occupation a search found: its main title, and the title the words
 * matched (an alternate title such as "CNA" for Nursing Assistants, or the
 * main title itself). */
typedef struct {
  char *soc;            /* "31-1131" */
  char *title;          /* the occupation's main title */
  char *matched_title;
  char *matched_kind;   /* main, short, alternate, reported */
  double score;         /* higher is better; only for ordering */
} JkLmiMatch;

void         jk_lmi_match_free       (JkLmiMatch *match);

/* The occupations whose titles hold the words a person typed ("truck
 * driver", "CNA", "cajero", "nursing asistant"), best first, one per SOC,
 * at most limit (0: 10). Case, accents, a letter or two wrong and Spanish
 * job words (data/vocabulary/es-en.tsv) are forgiven. With typing, the
 * last word may be unfinished and matches as a prefix. An array (maybe
 * empty) of JkLmiMatch, or NULL with error. */
GPtrArray   *jk_lmi_search           (JkStore    *store,
                                      const char *text,
                                      gboolean    typing,
                                      guint       limit,
                                      GError    **error);

/* "What this job pays here": the SOC of the occupation a posting is, by
 * its soc_code when that is a known occupation, else when its title holds
 * every word of one of an occupation's titles ("Night Shift Line Cook" has
 * "Line Cook"); the longest such title wins. NULL when none does (error
 * unset), or with error. */
char        *jk_lmi_soc_for_job      (JkStore     *store,
                                      const JkJob *job,
                                      GError     **error);

/* "29-1141", "29-1141.00" and "291141" → "29-1141"; NULL when text is no
 * SOC code. */
char        *jk_lmi_normalize_soc    (const char *text);

/* ---------------------------------------------------------------------- */
/* Lists for this area                                                    */

typedef enum {
  JK_LMI_LIST_NO_DEGREE_TOP_PAY, /* typical education below an associate's degree, best paid first */
  JK_LMI_LIST_FASTEST_GROWING,   /* projected percent change, the state's else the nation's */
  JK_LMI_LIST_MOST_OPENINGS,     /* openings each year, the state's else the nation's */
  JK_LMI_LIST_SHORT_TRAINING,    /* a postsecondary nondegree award, short- or moderate-term on-the-job
                                    training, or O*NET job zone 1 or 2; best paid first */
} JkLmiList;

/* One row of a list, with the figures it was ordered by. */
typedef struct {
  char *soc;
  char *title;
  double annual_median;   /* NAN when not published: the metro's, else the state's, else the nation's */
  char *wage_area_code;   /* the area annual_median is for; NULL with it */
  double percent_change;  /* NAN when not projected; the state's, else the nation's */
  double annual_openings; /* NAN when not projected */
  char *projection_area_code;
  char *education;        /* BLS's words, or O*NET's category name; NULL when not known */
  char *training;         /* BLS's words; NULL when not known */
  gboolean demo;          /* a figure shown is demo data */
} JkLmiListItem;

void         jk_lmi_list_item_free   (JkLmiListItem *item);

/* At most limit (0: 20) JkLmiListItem. */
GPtrArray   *jk_lmi_list             (JkStore          *store,
                                      const JkLmiPlace *place,
                                      JkLmiList         list,
                                      guint             limit,
                                      GError          **error);

/* ---------------------------------------------------------------------- */
/* The occupation page                                                    */

/* The OEWS figures of lmi_wages, in that table's order. */
typedef enum {
  JK_LMI_EMPLOYMENT,
  JK_LMI_JOBS_PER_1000,
  JK_LMI_LOCATION_QUOTIENT,
  JK_LMI_HOURLY_MEAN,
  JK_LMI_ANNUAL_MEAN,
  JK_LMI_HOURLY_P10,
  JK_LMI_HOURLY_P25,
  JK_LMI_HOURLY_MEDIAN,
  JK_LMI_HOURLY_P75,
  JK_LMI_HOURLY_P90,
  JK_LMI_ANNUAL_P10,
  JK_LMI_ANNUAL_P25,
  JK_LMI_ANNUAL_MEDIAN,
  JK_LMI_ANNUAL_P75,
  JK_LMI_ANNUAL_P90,
  JK_LMI_N_FIGURES,
} JkLmiFigure;

/* Why a figure is not a number. */
typedef enum {
  JK_LMI_REASON_NONE,         /* it is a number */
  JK_LMI_REASON_TOP_CODED,    /* at or above the top BLS publishes ($115.00 an hour, $239,200 a year) */
  JK_LMI_REASON_NOT_RELEASED, /* BLS did not release it for this area */
  JK_LMI_REASON_MISSING,      /* not in the data the kiosk has */
} JkLmiReason;

/* The column name ("annual_p90"), as lmi_wages.reasons and the CLI's
 * JSON name it. */
const char  *jk_lmi_figure_name      (JkLmiFigure figure);
/* "top_coded", "not_released", "missing"; NULL for NONE. */
const char  *jk_lmi_reason_name      (JkLmiReason reason);
/* The top code of a wage figure (115.00 for hourly, 239200 for annual
 * percentiles); NAN for figures that have none. */
double       jk_lmi_top_code         (JkLmiFigure figure);

/* Where a block of figures comes from, for the source line under it. */
typedef struct {
  char *area_code;
  char *area_name;
  char *area_type;      /* national, state, metro, county */
  char *release;        /* "May 2024" */
  char *source;         /* "U.S. Bureau of Labor Statistics, OEWS" */
  gboolean demo;        /* made up for the demo: never shown as a published figure */
} JkLmiOrigin;

/* An area's wages. An area the kiosk has no row for has every figure
 * missing and release NULL. */
typedef struct {
  JkLmiOrigin origin;
  double values[JK_LMI_N_FIGURES];      /* NAN when not a number */
  JkLmiReason reasons[JK_LMI_N_FIGURES];
} JkLmiWages;

typedef enum {
  JK_LMI_OUTLOOK_UNKNOWN,
  JK_LMI_OUTLOOK_GROWING_FAST, /* 10 % or more */
  JK_LMI_OUTLOOK_GROWING,      /* 3 % or more */
  JK_LMI_OUTLOOK_ABOUT_SAME,   /* more than -3 % */
  JK_LMI_OUTLOOK_SHRINKING,
} JkLmiOutlook;

JkLmiOutlook jk_lmi_outlook_for      (double percent_change);
/* "growing_fast", "growing", "about_same", "shrinking", "unknown". */
const char  *jk_lmi_outlook_name     (JkLmiOutlook outlook);
/* "Growing fast" and the others, translated. */
const char  *jk_lmi_outlook_label    (JkLmiOutlook outlook);

typedef struct {
  JkLmiOrigin origin;
  int base_year;
  int projected_year;
  double base_employment;      /* NAN when not given, as each figure here */
  double projected_employment;
  double change;
  double percent_change;
  double annual_openings;
  double median_wage;
  JkLmiOutlook outlook;
} JkLmiProjection;

/* Typical education, experience and training to start: BLS's words from
 * the projections, else O*NET's most common required level of education. */
typedef struct {
  char *education;
  char *experience;
  char *training;
  char *release;
  char *source;
  gboolean from_onet;
  gboolean demo;
} JkLmiEducation;

typedef struct {
  char *requirement;
  char *kind;     /* license, certificate, background check, drug test, driver's license */
  char *agency;
  char *link;
  char *note;
} JkLmiRequirement;

typedef struct {
  int year;
  int month;      /* 1-12; 13 the annual average */
  double rate;    /* percent; NAN when not given */
  gboolean preliminary;
} JkLmiRate;

/* An area's unemployment rate: the newest 24 months, oldest first, and the
 * newest annual average (month 13; year 0 when there is none). */
typedef struct {
  JkLmiOrigin origin;
  GArray *months; /* of JkLmiRate */
  JkLmiRate annual;
} JkLmiUnemployment;

typedef struct {
  char *soc;
  char *title;
} JkLmiRelated;

typedef struct {
  char *soc;
  char *title;
  char *description;
  char *onet_release;       /* the O*NET release the description and tasks are from, for its attribution line */
  char *onet_source;
  gboolean onet_demo;
  GPtrArray *tasks;         /* char *, the 5 most important core tasks */
  JkLmiWages *wages[3];     /* metro, state, nation; NULL for an area the kiosk is not in (no metro configured) */
  JkLmiProjection *projection; /* the state's, else the nation's; NULL when neither */
  JkLmiEducation *education;   /* NULL when not known */
  GPtrArray *requirements;  /* JkLmiRequirement */
  GPtrArray *unemployment;  /* JkLmiUnemployment: the state's, then the metro's when the kiosk has it */
  GPtrArray *related;       /* JkLmiRelated */
  gint64 open_jobs;         /* active postings for it: by soc_code where a posting has one, else by title */
  char *open_jobs_text;     /* what to hand to job search for them */
  gboolean demo;            /* some figure on the page is demo data */
} JkLmiOccupation;

enum {
  JK_LMI_AREA_METRO,
  JK_LMI_AREA_STATE,
  JK_LMI_AREA_NATION,
};

/* Everything the occupation page shows, in one call; now is what
 * "expired" is measured against for the open postings. NULL with
 * JK_LMI_ERROR_NOT_FOUND for an unknown SOC. */
JkLmiOccupation *jk_lmi_occupation_get (JkStore          *store,
                                        const char       *soc,
                                        const JkLmiPlace *place,
                                        gint64            now,
                                        GError          **error);
void         jk_lmi_occupation_free  (JkLmiOccupation *occupation);

/* A wage figure as a person reads it: "$21.82", "$45,380", "$239,200 or
 * more", "Not published for this area". Translated. */
char        *jk_lmi_format_wage      (const JkLmiWages *wages,
                                      JkLmiFigure       figure);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkLmiMatch, jk_lmi_match_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkLmiListItem, jk_lmi_list_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkLmiOccupation, jk_lmi_occupation_free)

G_END_DECLS
