/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-resume-suggest.h: what the resume builder offers to pick: sentences, duties, skills, credentials */
#pragma once

#include <glib.h>

#include "jk-resume.h"
#include "jk-store.h"

G_BEGIN_DECLS

/* What is offered for one occupation, in one language. */
typedef struct {
  char *soc;              /* "35-2014": the one asked, else the bundled occupation the title matched;
                           * NULL for general suggestions */
  char *title;            /* the occupation's name in the language asked (the bundled list's, else the
                           * title given, else O*NET's); NULL for general suggestions without a title */
  GPtrArray *summaries;   /* char *: two or three sentences for the summary */
  GPtrArray *duties;      /* char *: short task statements for a job's duties */
  GPtrArray *skills;      /* char *: a few words each, for skill chips */
  char *attribution;      /* the O*NET line (jk_lmi_words_attribution, in the current language) when the
                           * duties came from O*NET; NULL for the bundled list */
} JkResumeSuggestions;

/* An occupation of the bundled list, for picking when the LMI import
 * holds none. */
typedef struct {
  const char *soc;
  char *title;            /* in the language asked */
} JkResumeOccupation;

/* Suggestions for the occupation soc (or, without one or when the list
 * does not have it, the bundled occupation whose title or other name is
 * nearest to title, in either language, without case or accents) in
 * language ("en", "es").
 * Uses the O*NET tasks (core ones, most important first, cut to short
 * duties) and skills of the store's LMI import when it holds them for soc
 * and language is English; the bundled list otherwise (data/resume/
 * suggestions.ini; its Spanish is ours). The summary is the bundled
 * occupation's, else sentences made with the title. Never NULL: an
 * unknown job gets general suggestions. store may be NULL (the bundled
 * list only). A quick read: main thread. */
JkResumeSuggestions *jk_resume_suggest              (JkStore    *store,
                                                     const char *soc,
                                                     const char *title,
                                                     const char *language);
void                 jk_resume_suggestions_free     (JkResumeSuggestions *self);

/* The bundled occupations (about 30), in language, sorted by title:
 * GPtrArray of JkResumeOccupation. */
GPtrArray           *jk_resume_suggest_occupations  (const char *language);
/* Common licenses and certificates (CDL, CNA, ServSafe, forklift, CPR…)
 * and credentials (GED, high school diploma…), in language: char *. */
GPtrArray           *jk_resume_suggest_certificates (const char *language);
GPtrArray           *jk_resume_suggest_credentials  (const char *language);
/* Kinds of other experience: volunteer work, caregiving, training… */
GPtrArray           *jk_resume_suggest_other        (const char *language);

/* TRUE when the work history leaves more than a year (12 whole months)
 * uncovered between jobs, or between the last job and now (unix seconds),
 * or has no job with dates yet: the builder then offers "other
 * experience". Dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a year alone
 * runs January to December); no end date is a current job; a job whose
 * dates cannot be read is left out. */
gboolean             jk_resume_has_gap              (const JkResume *resume,
                                                     gint64          now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkResumeSuggestions, jk_resume_suggestions_free)

G_END_DECLS
