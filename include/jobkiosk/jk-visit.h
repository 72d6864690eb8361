/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jk-joblog.h"
#include "jk-search.h"
#include "jk-session.h"

G_BEGIN_DECLS

/* What a job seeker keeps during one visit, held in the session so the
 * idle wipe frees it: saved postings ("My list"), the job-search log, and
 * the name they typed for the log. Nothing of it is stored anywhere else. */

/* The arrays returned are for reading only (an empty one when nothing was kept). */
GPtrArray   *jk_visit_get_saved_jobs   (JkSession         *session); /* JkJobRecord, oldest first */
gboolean     jk_visit_is_saved         (JkSession         *session,
                                        gint64             job_id);
void         jk_visit_save_job         (JkSession         *session,
                                        const JkJobRecord *record);
void         jk_visit_unsave_job       (JkSession         *session,
                                        gint64             job_id);

GPtrArray   *jk_visit_get_log          (JkSession         *session); /* JkLogEntry, in the order added */
void         jk_visit_add_log_entry    (JkSession         *session,
                                        JkLogEntry        *entry);   /* takes it */

const char  *jk_visit_get_name         (JkSession         *session);
void         jk_visit_set_name         (JkSession         *session,
                                        const char        *name);

G_END_DECLS
