/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shell/jk-page.h"

G_BEGIN_DECLS

/* "Email it to me": one address typed once, checked, and Send; the
 * printout (PDF, and its text in the message) goes through the outbox to
 * the center's relay, and the page says plainly whether the relay took it
 * or it is kept for later. The address is cleared once sent and at the
 * wipe. */
#define JK_TYPE_MAIL_PAGE (jk_mail_page_get_type ())
G_DECLARE_FINAL_TYPE (JkMailPage, jk_mail_page, JK, MAIL_PAGE, JkPage)

extern const JkPageInfo jk_mail_page_info;

/* TRUE while an email is being prepared and handed over (tests wait on it). */
gboolean     jk_mail_page_is_sending    (JkMailPage     *self);
GtkEntry    *jk_mail_page_get_entry     (JkMailPage     *self);
/* What the page says of the last Send, in the visit's language. */
const char  *jk_mail_page_get_status    (JkMailPage     *self);

G_END_DECLS
