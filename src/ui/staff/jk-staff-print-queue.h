/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "staff/jk-staff-section.h"

G_BEGIN_DECLS

#define JK_TYPE_STAFF_PRINT_QUEUE (jk_staff_print_queue_get_type ())
G_DECLARE_FINAL_TYPE (JkStaffPrintQueue, jk_staff_print_queue, JK, STAFF_PRINT_QUEUE, GtkBox)

extern const JkStaffSectionInfo jk_staff_print_queue_section;

GtkWidget *jk_staff_print_queue_new      (const JkStaffContext *context);
/* Reads the printer, the jobs and today's pages again. */
void       jk_staff_print_queue_refresh  (JkStaffPrintQueue         *self);
/* TRUE while a read or an action runs (tests wait on it). */
gboolean   jk_staff_print_queue_is_busy  (JkStaffPrintQueue         *self);
/* What the last action said ("Job 3 was sent to the printer."). */
const char *jk_staff_print_queue_get_result (JkStaffPrintQueue      *self);

G_END_DECLS
