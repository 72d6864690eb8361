/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shell/jk-page-info.h"

G_BEGIN_DECLS

/* Staff mode is one page (JkStaffPage) with a section per tool: Today,
 * Print queue, Help with a resume, Feeds, Usage, Settings. Each section is
 * a widget of its own (src/ui/staff/jk-staff-<name>.c, its template in
 * ui/staff/), made fresh each time a staff member signs in and destroyed
 * when staff mode ends, so nothing of one sign-in outlives it. A section
 * brings itself up to date when it is shown (its "map"), runs blocking
 * work with jk_task_run on itself (cancelled when it is destroyed), and
 * writes every action to the audit log (jk_audit_add) as the signed-in
 * staff member. */
typedef struct {
  const JkPageContext *context;
  const char *staff_name;       /* who signed in: the audit's actor */
  char *database_path;          /* for workers' own connections */
} JkStaffContext;

typedef struct {
  const char *name;             /* "today", "print", "resume", "feeds", "usage", "settings" */
  const char *title;            /* a msgid: "Today" */
  const char *icon;             /* an icon name for the section's button */
  GtkWidget *(*create) (const JkStaffContext *context);
} JkStaffSectionInfo;

G_END_DECLS
