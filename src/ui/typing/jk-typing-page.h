/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-typing.h>

#include "shell/jk-page.h"

G_BEGIN_DECLS

/* The typing test, offered only where [kiosk] physical-keyboard is true:
 * 1, 3 or 5 minutes (or the home-row practice), a passage in the visit's
 * language shown large with the typed text below, a countdown from the
 * first key, no marks on errors until the end; then gross and net words
 * per minute, accuracy and the errors, printable as a result sheet. The
 * on-screen keyboard never opens here (JK_PAGE_NO_KEYBOARD). */
#define JK_TYPE_TYPING_PAGE (jk_typing_page_get_type ())
G_DECLARE_FINAL_TYPE (JkTypingPage, jk_typing_page, JK, TYPING_PAGE, JkPage)

extern const JkPageInfo jk_typing_page_info;

/* For tests: the passage being typed (NULL before a test), the field typed
 * into, the result once shown (NULL before) and the label listing the errors. */
const char           *jk_typing_page_get_passage     (JkTypingPage *self);
GtkTextView          *jk_typing_page_get_view        (JkTypingPage *self);
const JkTypingResult *jk_typing_page_get_result      (JkTypingPage *self);
GtkLabel             *jk_typing_page_get_errors_label (JkTypingPage *self);

G_END_DECLS
