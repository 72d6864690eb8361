/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-clock.h>
#include <jobkiosk/jk-search.h>

#include "shell/jk-page.h"

G_BEGIN_DECLS

/* "I applied": a short form for one row of the job-search log, the date
 * prefilled with today; opened with ("employer", "job title") from a
 * posting or with nothing. After saving, the log replaces it. */
#define JK_TYPE_LOG_FORM_PAGE (jk_log_form_page_get_type ())
G_DECLARE_FINAL_TYPE (JkLogFormPage, jk_log_form_page, JK, LOG_FORM_PAGE, JkPage)

extern const JkPageInfo jk_log_form_page_info;

G_END_DECLS
