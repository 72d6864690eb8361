/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shell/jk-page.h"

G_BEGIN_DECLS

/* The visit's job-search log: the contacts so far, the name to print on
 * it, adding a contact, printing it. */
#define JK_TYPE_LOG_PAGE (jk_log_page_get_type ())
G_DECLARE_FINAL_TYPE (JkLogPage, jk_log_page, JK, LOG_PAGE, JkPage)

extern const JkPageInfo jk_log_page_info;

guint        jk_log_page_get_n_entries (JkLogPage *self);

G_END_DECLS
