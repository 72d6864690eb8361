/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-document.h>

#include "shell/jk-page.h"

G_BEGIN_DECLS

/* Every printout passes here: rendered off the main loop in the
 * visitor's language, shown as a preview with its page count, and printed
 * with one touch through the print flow (jk-print-flow.h), which says how
 * it went. */
#define JK_TYPE_PRINT_PAGE (jk_print_page_get_type ())
G_DECLARE_FINAL_TYPE (JkPrintPage, jk_print_page, JK, PRINT_PAGE, JkPage)

extern const JkPageInfo jk_print_page_info;

JkDocument  *jk_print_page_get_document  (JkPrintPage    *self);
gboolean     jk_print_page_is_rendering  (JkPrintPage    *self);

G_END_DECLS
