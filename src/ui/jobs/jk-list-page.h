/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-clock.h>

#include "shell/jk-page.h"

G_BEGIN_DECLS

/* "My list": the jobs saved during this visit, one QR code for all their
 * links, and printing them on one sheet. */
#define JK_TYPE_LIST_PAGE (jk_list_page_get_type ())
G_DECLARE_FINAL_TYPE (JkListPage, jk_list_page, JK, LIST_PAGE, JkPage)

extern const JkPageInfo jk_list_page_info;

guint        jk_list_page_get_n_jobs   (JkListPage *self);
/* The text the one-for-all QR code carries: one link per line. */
char        *jk_list_page_build_links  (GPtrArray  *records);

G_END_DECLS
