/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "jk-staff-section.h"

G_BEGIN_DECLS

/* Staff mode's Usage: counts by day and hour as a bar chart and a table,
 * exported as CSV and printed; no hour below JK_USAGE_MIN_SHOWN shown. */
#define JK_TYPE_STAFF_USAGE (jk_staff_usage_get_type ())
G_DECLARE_FINAL_TYPE (JkStaffUsage, jk_staff_usage, JK, STAFF_USAGE, GtkBox)

extern const JkStaffSectionInfo jk_staff_usage_section;

GtkWidget *jk_staff_usage_new     (const JkStaffContext *context);
/* TRUE while a query, an export or a print is under way (tests wait on it). */
gboolean   jk_staff_usage_is_busy (JkStaffUsage *self);

G_END_DECLS
