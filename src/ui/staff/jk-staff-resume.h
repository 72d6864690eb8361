/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jk-staff-section.h"

G_BEGIN_DECLS

/* Staff mode's Help with a resume: a client's saved resume opened with
 * its code and PIN, and printed without the visitor's page limit. Nothing
 * of it is kept once the section is cleared or destroyed. */
#define JK_TYPE_STAFF_RESUME (jk_staff_resume_get_type ())
G_DECLARE_FINAL_TYPE (JkStaffResume, jk_staff_resume, JK, STAFF_RESUME, GtkBox)

extern const JkStaffSectionInfo jk_staff_resume_section;

GtkWidget *jk_staff_resume_new     (const JkStaffContext *context);
/* TRUE while opening or printing (tests wait on it). */
gboolean   jk_staff_resume_is_busy (JkStaffResume *self);

G_END_DECLS
