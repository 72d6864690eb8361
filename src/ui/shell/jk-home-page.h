/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jk-page.h"

G_BEGIN_DECLS

#define JK_TYPE_HOME_PAGE (jk_home_page_get_type ())
G_DECLARE_FINAL_TYPE (JkHomePage, jk_home_page, JK, HOME_PAGE, JkPage)

extern const JkPageInfo jk_home_page_info;

JkPage      *jk_home_page_new   (void);

G_END_DECLS
