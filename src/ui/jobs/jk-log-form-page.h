/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-clock.h>
#include <jobkiosk/jk-search.h>

#include "shell/jk-page.h"

G_BEGIN_DECLS

/* "I applied": a short form for one row of the job-search log, the date
 * prefilled with today. Emits "saved" after the entry joins the log. */
#define JK_TYPE_LOG_FORM_PAGE (jk_log_form_page_get_type ())
G_DECLARE_FINAL_TYPE (JkLogFormPage, jk_log_form_page, JK, LOG_FORM_PAGE, JkPage)

JkPage      *jk_log_form_page_new      (JkClock           *clock);
/* Starts a new entry, with the employer and job filled from record (or empty). */
void         jk_log_form_page_start    (JkLogFormPage     *self,
                                        const JkJobRecord *record);

G_END_DECLS
