/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Following a print job (jk-print-follow.c): polling CUPS until the job
 * ends or waits, and bringing a history row up to date. */

#include "print/jk-print-cups-private.h"
#include "print/jk-print-history-private.h"

G_BEGIN_DECLS

const char  *jk_print_follow_refresh_row    (JkStore              *store,
                                             const CupsLink       *link,
                                             Row                  *row);
gboolean     jk_print_follow_job            (JkStore              *store,
                                             const CupsLink       *link,
                                             const JkPrintOptions *options,
                                             gint64                row_id,
                                             int                   job_id,
                                             gboolean              hold,
                                             gint64                submitted,
                                             gint64                started_us,
                                             JkPrintResult        *result,
                                             GCancellable         *cancellable,
                                             GError              **error);

G_END_DECLS
