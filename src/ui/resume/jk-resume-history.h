/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <jobkiosk/jk-resume.h>

G_BEGIN_DECLS

/* One step of the resume builder that is a list of entries: jobs,
 * schools, or other experience. Shows what was added (Change, Remove) and
 * a form for one entry; what the form holds counts as an entry already,
 * so the preview shows it while it is typed. */
typedef enum {
  JK_RESUME_HISTORY_WORK,       /* JkResumeWork: employer, title, city, dates, duties */
  JK_RESUME_HISTORY_EDUCATION,  /* JkResumeEducation: school, credential, year */
  JK_RESUME_HISTORY_OTHER,      /* JkResumeWork (volunteer[]): what, where, dates, more */
} JkResumeHistoryKind;

/* Suggested duties for a job title, in the visit's language (char *). */
typedef GPtrArray *(*JkResumeSuggestFunc) (const char *title,
                                           gpointer    user_data);

#define JK_TYPE_RESUME_HISTORY (jk_resume_history_get_type ())
G_DECLARE_FINAL_TYPE (JkResumeHistory, jk_resume_history, JK, RESUME_HISTORY, GtkBox)

GtkWidget   *jk_resume_history_new            (JkResumeHistoryKind  kind);
/* Duties (work) or kinds of experience (other) offered as chips. */
void         jk_resume_history_set_suggest    (JkResumeHistory     *self,
                                               JkResumeSuggestFunc  func,
                                               gpointer             user_data);
/* Offers the suggestions for the form's job title now. */
void         jk_resume_history_suggest_now    (JkResumeHistory     *self);
void         jk_resume_history_set_choices    (JkResumeHistory     *self,
                                               GPtrArray           *choices);
/* The entries (copies, JkResumeWork or JkResumeEducation), the form's
 * included when it holds anything; appended to into. */
void         jk_resume_history_collect        (JkResumeHistory     *self,
                                               GPtrArray           *into);
/* Replaces the entries (copied) and empties the form. */
void         jk_resume_history_set_entries    (JkResumeHistory     *self,
                                               GPtrArray           *entries);
/* Saves the form when it holds a valid entry. FALSE (and the form says
 * why) when it holds an invalid one: the step should not be left. */
gboolean     jk_resume_history_commit         (JkResumeHistory     *self);
void         jk_resume_history_clear          (JkResumeHistory     *self);
/* For tests: the form's fields. */
GtkEntry    *jk_resume_history_get_entry      (JkResumeHistory     *self,
                                               const char          *field);
guint        jk_resume_history_get_n_entries  (JkResumeHistory     *self);

G_END_DECLS
