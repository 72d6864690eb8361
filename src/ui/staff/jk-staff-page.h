/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shell/jk-page.h"

G_BEGIN_DECLS

/* Staff mode: a PIN pad, then the tools (jk-staff-section.h) for the staff
 * member it signed in. Reached by a long press on the center's name or
 * Ctrl+Alt+S (the window's "staff-requested"), after the visit is wiped.
 * Leaving the page signs out: the tools are destroyed, and staff mode
 * keeps nothing. While signed in, the kiosk's idle time is [staff]
 * idle-minutes; its wipe ends staff mode like a visit. */
#define JK_TYPE_STAFF_PAGE (jk_staff_page_get_type ())
G_DECLARE_FINAL_TYPE (JkStaffPage, jk_staff_page, JK, STAFF_PAGE, JkPage)

extern const JkPageInfo jk_staff_page_info;

/* For tests: who is signed in (NULL at the PIN pad), the message under
 * the pad, whether a check runs, the pad, and a section's widget by name
 * (NULL before sign-in). */
const char  *jk_staff_page_get_signed_in (JkStaffPage *self);
const char  *jk_staff_page_get_message   (JkStaffPage *self);
gboolean     jk_staff_page_is_busy       (JkStaffPage *self);
GtkWidget   *jk_staff_page_get_pin_pad   (JkStaffPage *self);
GtkWidget   *jk_staff_page_get_section   (JkStaffPage *self,
                                          const char  *name);
void         jk_staff_page_show_section  (JkStaffPage *self,
                                          const char  *name);

G_END_DECLS
