/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jk-staff-section.h"

G_BEGIN_DECLS

/* Staff mode's Settings: what a center changes itself (idle time, page
 * limits, the language visits start in, the center's name and area, the
 * printer), saved to conf.d/50-staff.conf and applied at once. */
#define JK_TYPE_STAFF_SETTINGS_FORM (jk_staff_settings_form_get_type ())
G_DECLARE_FINAL_TYPE (JkStaffSettingsForm, jk_staff_settings_form, JK, STAFF_SETTINGS_FORM, GtkBox)

extern const JkStaffSectionInfo jk_staff_settings_form_section;

GtkWidget *jk_staff_settings_form_new (const JkStaffContext *context);
/* TRUE while a save is under way (tests wait on it). */
gboolean   jk_staff_settings_form_is_busy (JkStaffSettingsForm *self);

G_END_DECLS
