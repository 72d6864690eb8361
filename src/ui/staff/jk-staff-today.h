/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "staff/jk-staff-section.h"

G_BEGIN_DECLS

#define JK_TYPE_STAFF_TODAY (jk_staff_today_get_type ())
G_DECLARE_FINAL_TYPE (JkStaffToday, jk_staff_today, JK, STAFF_TODAY, GtkBox)

extern const JkStaffSectionInfo jk_staff_today_section;

GtkWidget *jk_staff_today_new      (const JkStaffContext *context);
/* Reads today's arrivals again (as when shown, every 30 s, after a mark). */
void       jk_staff_today_refresh  (JkStaffToday         *self);
/* TRUE while a read or a mark runs (tests wait on it). */
gboolean   jk_staff_today_is_busy  (JkStaffToday         *self);

G_END_DECLS
