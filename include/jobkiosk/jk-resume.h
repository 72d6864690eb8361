/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-resume.h: a resume as plain structs; JSON Resume (schema v1.0.0) in and out, its checks, plain text */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JK_RESUME_ERROR (jk_resume_error_quark ())

typedef enum {
  JK_RESUME_ERROR_TOO_LARGE,  /* the file is over JK_RESUME_MAX_FILE_SIZE */
  JK_RESUME_ERROR_MALFORMED,  /* not JSON, or not UTF-8 */
  JK_RESUME_ERROR_IO,
} JkResumeError;

/* A resume is a page or two; a file far larger is a mistake or an attack,
 * refused before it is parsed. */
#define JK_RESUME_MAX_FILE_SIZE (2 * 1024 * 1024)
/* Longer text is cut, with a warning. */
#define JK_RESUME_MAX_LINE      200    /* a name, a title, a date */
#define JK_RESUME_MAX_TEXT      2000   /* a summary, a duty */
#define JK_RESUME_MAX_ITEMS     100    /* entries in one list */

/* Every string is UTF-8 or NULL; every GPtrArray holds char * (lists of
 * text) or the section's struct, and frees its elements. Dates are kept
 * as given: "YYYY-MM", "YYYY" or "YYYY-MM-DD". */
typedef struct {
  char *name;
  char *label;
  char *email;
  char *phone;
  char *url;
  char *summary;
  /* location: never a street address */
  char *city;
  char *region;
  char *country_code;
} JkResumeBasics;

/* work[] and volunteer[] (whose employer is "organization" in JSON). */
typedef struct {
  char *name;        /* the employer */
  char *position;
  char *location;    /* work only: the schema gives volunteer work none */
  char *url;
  char *start_date;
  char *end_date;    /* NULL: works there now */
  char *summary;
  GPtrArray *highlights; /* duties */
} JkResumeWork;

typedef struct {
  char *institution;
  char *url;
  char *area;
  char *study_type;  /* the credential: "GED", "High school diploma"… */
  char *start_date;
  char *end_date;
  char *score;
  GPtrArray *courses;
} JkResumeEducation;

typedef struct {
  char *title;
  char *date;
  char *awarder;
  char *summary;
} JkResumeAward;

typedef struct {
  char *name;
  char *date;
  char *url;
  char *issuer;
} JkResumeCertificate;

/* skills[] and interests[] */
typedef struct {
  char *name;
  char *level;
  GPtrArray *keywords;
} JkResumeSkill;

typedef struct {
  char *language;
  char *fluency;
} JkResumeLanguage;

typedef struct {
  char *name;
  char *reference;
} JkResumeReference;

typedef struct {
  JkResumeBasics basics;
  GPtrArray *work;          /* JkResumeWork */
  GPtrArray *volunteer;     /* JkResumeWork */
  GPtrArray *education;     /* JkResumeEducation */
  GPtrArray *awards;        /* JkResumeAward */
  GPtrArray *certificates;  /* JkResumeCertificate */
  GPtrArray *skills;        /* JkResumeSkill */
  GPtrArray *languages;     /* JkResumeLanguage */
  GPtrArray *interests;     /* JkResumeSkill (name, keywords) */
  GPtrArray *references;    /* JkResumeReference */
} JkResume;

typedef enum {
  JK_RESUME_WARNING,  /* taken, but changed or left out: says what */
  JK_RESUME_ERROR_PROBLEM,
} JkResumeSeverity;

/* One problem of a JSON Resume: where ("$.work[2].startDate") and what
 * is wrong, translated ("is not a date like 2021-05 or 2021"). */
typedef struct {
  JkResumeSeverity severity;
  char *path;
  char *message;
} JkResumeProblem;

typedef enum {
  JK_RESUME_ORDER_SKILLS_FIRST,   /* combination: what job centers teach */
  JK_RESUME_ORDER_CHRONOLOGICAL,
} JkResumeOrder;

GQuark       jk_resume_error_quark     (void);

JkResume    *jk_resume_new             (void);
void         jk_resume_free            (JkResume       *resume);
JkResume    *jk_resume_copy            (const JkResume *resume);
gboolean     jk_resume_equal           (const JkResume *a,
                                        const JkResume *b);

/* One entry of work[] or volunteer[], or of education[]: a deep copy,
 * and its free (what the resume's arrays free theirs with). */
JkResumeWork      *jk_resume_work_copy       (const JkResumeWork      *work);
void               jk_resume_work_free       (JkResumeWork            *work);
JkResumeEducation *jk_resume_education_copy  (const JkResumeEducation *education);
void               jk_resume_education_free  (JkResumeEducation       *education);

/* Reads a JSON Resume. Returns NULL with error when the file cannot be
 * read, is too large or is not JSON; otherwise the resume, with what was
 * wrong in *problems (JkResumeProblem, in file order; may be empty). Parts
 * that are errors are left out of the resume. */
JkResume    *jk_resume_load_file       (const char     *path,
                                        GPtrArray     **problems,
                                        GError        **error);
JkResume    *jk_resume_load_data       (const char     *data,
                                        gsize           length,
                                        GPtrArray     **problems,
                                        GError        **error);
gboolean     jk_resume_problems_have_errors (GPtrArray *problems);

/* JSON Resume, pretty, keys in the schema's order, empty parts left out. */
char        *jk_resume_to_json         (const JkResume *resume);
/* For pasting into online applications: standard headings in the current
 * language, 80 columns, no tabs, empty sections left out. */
char        *jk_resume_to_text         (const JkResume *resume,
                                        JkResumeOrder   order);
/* "May 2021", "2021"; NULL for NULL. In the current language. */
char        *jk_resume_format_date     (const char     *date);
/* "May 2021 – Present" (open_ended: no end means still there), "2019 –
 * 2021", "2021"; NULL when neither date is given. */
char        *jk_resume_format_period   (const char     *start,
                                        const char     *end,
                                        gboolean        open_ended);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkResume, jk_resume_free)

G_END_DECLS
