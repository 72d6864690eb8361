/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shell/jk-page.h"

G_BEGIN_DECLS

/* "Pay and careers": find an occupation by any words a person uses, or
 * pick one from the lists for this area (best pay without a degree,
 * growing fastest, most openings, short training); each opens its
 * occupation page. */
#define JK_TYPE_CAREERS_PAGE (jk_careers_page_get_type ())
G_DECLARE_FINAL_TYPE (JkCareersPage, jk_careers_page, JK, CAREERS_PAGE, JkPage)

extern const JkPageInfo jk_careers_page_info;

/* For tests: the text searched, the rows shown, whether a search runs. */
void         jk_careers_page_set_text    (JkCareersPage *self,
                                          const char    *text);
guint        jk_careers_page_get_n_rows  (JkCareersPage *self);
GtkListBoxRow *jk_careers_page_get_row   (JkCareersPage *self,
                                          guint          index);
gboolean     jk_careers_page_is_busy     (JkCareersPage *self);

G_END_DECLS
