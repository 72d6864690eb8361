/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "staff/jk-staff-section.h"

G_BEGIN_DECLS

#define JK_TYPE_STAFF_PRINT (jk_staff_print_get_type ())
G_DECLARE_FINAL_TYPE (JkStaffPrint, jk_staff_print, JK, STAFF_PRINT, GtkBox)

extern const JkStaffSectionInfo jk_staff_print_section;

GtkWidget *jk_staff_print_new      (const JkStaffContext *context);
/* Reads the printer, the jobs and today's pages again. */
void       jk_staff_print_refresh  (JkStaffPrint         *self);
/* TRUE while a read or an action runs (tests wait on it). */
gboolean   jk_staff_print_is_busy  (JkStaffPrint         *self);
/* What the last action said ("Job 3 was sent to the printer."). */
const char *jk_staff_print_get_result (JkStaffPrint      *self);

G_END_DECLS
