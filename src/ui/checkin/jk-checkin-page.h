/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shell/jk-page.h"

G_BEGIN_DECLS

/* "Check in": scan the letter's code (a scanner types it anywhere on the
 * page), type the code, or give last name and date of birth; or say "I
 * don't have an appointment" and get a number. The result goes home by
 * itself after RESULT_SECONDS. */
#define JK_TYPE_CHECKIN_PAGE (jk_checkin_page_get_type ())
G_DECLARE_FINAL_TYPE (JkCheckinPage, jk_checkin_page, JK, CHECKIN_PAGE, JkPage)

extern const JkPageInfo jk_checkin_page_info;

/* For tests: the step shown ("start", "code", "person", "reason",
 * "walkin", "result"), whether a check-in is at work, the result's words,
 * and a control by its template id. */
const char  *jk_checkin_page_get_step     (JkCheckinPage *self);
gboolean     jk_checkin_page_is_busy      (JkCheckinPage *self);
char        *jk_checkin_page_dup_result   (JkCheckinPage *self);
GtkWidget   *jk_checkin_page_get_widget   (JkCheckinPage *self,
                                           const char    *id);

G_END_DECLS
