/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-resume.h>

#include "shell/jk-page.h"

G_BEGIN_DECLS

/* "Build a resume": one question per step (contact, the job wanted,
 * summary, work, education, skills, licenses, other experience when the
 * work history has a gap, references), the resume as it will print beside
 * them, then print, email or keep it under a code and a PIN. */
#define JK_TYPE_RESUME_PAGE (jk_resume_page_get_type ())
G_DECLARE_FINAL_TYPE (JkResumePage, jk_resume_page, JK, RESUME_PAGE, JkPage)

extern const JkPageInfo jk_resume_page_info;

/* For tests: the step shown ("contact", "done"…), the resume as the
 * steps hold it now, whether the preview or the vault is at work, the
 * preview's page count, and a control by its template id. */
const char  *jk_resume_page_get_step       (JkResumePage *self);
JkResume    *jk_resume_page_build_resume   (JkResumePage *self);
gboolean     jk_resume_page_is_busy        (JkResumePage *self);
guint        jk_resume_page_get_n_pages    (JkResumePage *self);
guint        jk_resume_page_get_preview_count (JkResumePage *self);
GtkWidget   *jk_resume_page_get_widget     (JkResumePage *self,
                                            const char   *id);

G_END_DECLS
