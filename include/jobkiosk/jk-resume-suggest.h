/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-resume-suggest.h: what the resume builder offers to pick: sentences, duties, skills, credentials */
#pragma once

#include <glib.h>

#include "jk-resume.h"
#include "jk-store.h"

G_BEGIN_DECLS

/* What is offered for one occupation, in one language. */
typedef struct {
  char *soc;              /* "35-2014"; NULL when only a title was given */
  char *title;            /* the occupation's name in the language asked */
  GPtrArray *summaries;   /* char *: two or three sentences for the summary */
  GPtrArray *duties;      /* char *: short task statements for a job's duties */
  GPtrArray *skills;      /* char *: a few words each, for skill chips */
  char *attribution;      /* the O*NET line when the text came from O*NET; NULL for the bundled list */
} JkResumeSuggestions;

/* An occupation of the bundled list, for picking when the LMI import
 * holds none. */
typedef struct {
  const char *soc;
  char *title;            /* in the language asked */
} JkResumeOccupation;

/* Suggestions for the occupation soc (or, without one, the bundled
 * occupation whose title is nearest to title) in language ("en", "es").
 * Uses the O*NET tasks and skills of the store's LMI import when it holds
 * them for soc and language is English; the bundled list otherwise (its
 * Spanish is ours). Never NULL: an unknown job gets general suggestions.
 * store may be NULL (the bundled list only). A quick read: main thread. */
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

/* TRUE when the work history leaves more than a year uncovered between
 * jobs, or between the last job and now (unix seconds): the builder then
 * offers "other experience". */
gboolean             jk_resume_has_gap              (const JkResume *resume,
                                                     gint64          now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkResumeSuggestions, jk_resume_suggestions_free)

G_END_DECLS
