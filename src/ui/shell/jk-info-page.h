/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jk-page.h"

G_BEGIN_DECLS

/* A page that only tells: a big icon, a heading and a few plain sentences.
 * Serves the help screen. */
#define JK_TYPE_INFO_PAGE (jk_info_page_get_type ())
G_DECLARE_FINAL_TYPE (JkInfoPage, jk_info_page, JK, INFO_PAGE, JkPage)

/* The help screen. */
extern const JkPageInfo jk_help_page_info;

/* title, heading and body are msgids; they follow the visitor's language. */
JkPage      *jk_info_page_new   (const char *title,
                                 const char *icon_name,
                                 const char *heading,
                                 const char *body);

G_END_DECLS
