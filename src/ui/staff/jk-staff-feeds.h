/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "staff/jk-staff-section.h"

G_BEGIN_DECLS

#define JK_TYPE_STAFF_FEEDS (jk_staff_feeds_get_type ())
G_DECLARE_FINAL_TYPE (JkStaffFeeds, jk_staff_feeds, JK, STAFF_FEEDS, GtkBox)

extern const JkStaffSectionInfo jk_staff_feeds_section;

GtkWidget *jk_staff_feeds_new      (const JkStaffContext *context);
/* Reads each source's health again. */
void       jk_staff_feeds_refresh  (JkStaffFeeds         *self);
/* TRUE while a read runs or a sync this section started (tests wait on it). */
gboolean   jk_staff_feeds_is_busy  (JkStaffFeeds         *self);

G_END_DECLS
