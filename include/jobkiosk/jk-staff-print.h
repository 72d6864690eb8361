/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-staff-print.h: a printout staff ask for: no visit, no page limit, never held */
#pragma once

#include <gio/gio.h>

#include "jk-config.h"
#include "jk-document.h"
#include "jk-print.h"

G_BEGIN_DECLS

/* Renders request and prints it on the kiosk's printer as staff: counted
 * against no visit and refused by no page limit (the pages still count
 * for the day's total), never held for release. Blocking: call from a
 * worker; opens its own writer. */
gboolean     jk_staff_print        (const JkConfig          *config,
                                    const char              *database_path,
                                    const JkDocumentRequest *request,
                                    JkPrintResult           *result,
                                    GCancellable            *cancellable,
                                    GError                 **error);

G_END_DECLS
