/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-clock.h>
#include <jobkiosk/jk-search.h>
#include <jobkiosk/jk-store.h>

#include "shell/jk-page.h"

G_BEGIN_DECLS

/* One posting, readable at arm's length, with the apply link as a QR code,
 * Print, Save and "I applied". Opened with the job's id (int64). */
#define JK_TYPE_JOB_PAGE (jk_job_page_get_type ())
G_DECLARE_FINAL_TYPE (JkJobPage, jk_job_page, JK, JOB_PAGE, JkPage)

extern const JkPageInfo jk_job_page_info;

/* Loads the posting; FALSE when it is gone (removed since the search). */
gboolean           jk_job_page_show_job   (JkJobPage *self,
                                           gint64     job_id);
const JkJobRecord *jk_job_page_get_record (JkJobPage *self);
/* "jobkiosk.org/demo/apply/0005": an address short enough to type. */
char              *jk_job_page_short_address (const char *url);

G_END_DECLS
