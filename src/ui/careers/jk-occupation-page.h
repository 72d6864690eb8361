/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "shell/jk-page.h"

G_BEGIN_DECLS

/* One occupation at a glance: what the work is, a pay chart for the metro,
 * the state and the nation, the outlook, what it takes to get in, hiring
 * requirements, the area's unemployment, related occupations, and "N jobs
 * open near you now", which opens job search for it. Opened with its SOC
 * code ("53-7051"). */
#define JK_TYPE_OCCUPATION_PAGE (jk_occupation_page_get_type ())
G_DECLARE_FINAL_TYPE (JkOccupationPage, jk_occupation_page, JK, OCCUPATION_PAGE, JkPage)

extern const JkPageInfo jk_occupation_page_info;

/* For tests. */
const char  *jk_occupation_page_get_soc       (JkOccupationPage *self);
GtkWidget   *jk_occupation_page_get_chart     (JkOccupationPage *self);
gint64       jk_occupation_page_get_open_jobs (JkOccupationPage *self);

G_END_DECLS
