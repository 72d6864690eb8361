/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jk-staff-section.h"

G_BEGIN_DECLS

/* Staff mode's Settings: what a center changes itself (idle time, page
 * limits, the language visits start in, the center's name and area, the
 * printer), saved to conf.d/50-staff.conf and applied at once. */
#define JK_TYPE_STAFF_SETTINGS (jk_staff_settings_get_type ())
G_DECLARE_FINAL_TYPE (JkStaffSettings, jk_staff_settings, JK, STAFF_SETTINGS, GtkBox)

extern const JkStaffSectionInfo jk_staff_settings_section;

GtkWidget *jk_staff_settings_new (const JkStaffContext *context);
/* TRUE while a save is under way (tests wait on it). */
gboolean   jk_staff_settings_is_busy (JkStaffSettings *self);

G_END_DECLS
