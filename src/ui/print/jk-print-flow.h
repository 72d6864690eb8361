/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <jobkiosk/jk-clock.h>
#include <jobkiosk/jk-config.h>
#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-session.h>

#include "shell/jk-page.h"

G_BEGIN_DECLS

/* Every printout's way to paper: the page a printout is shown on first,
 * rendering it in the visitor's language, checking the printer and the
 * page limits, submitting and following the job, the printer's health for
 * the bottom bar, and cancelling held jobs nobody collected. Its workers
 * open their own database connections. Nothing of one visit reaches the
 * next: a print that ends after the wipe is heard of by nobody. */
#define JK_TYPE_PRINT_FLOW (jk_print_flow_get_type ())
G_DECLARE_FINAL_TYPE (JkPrintFlow, jk_print_flow, JK, PRINT_FLOW, GObject)

/* What the print page renders: made by jk_print_flow_show. */
typedef struct _JkPrintRequest JkPrintRequest;

JkPrintFlow     *jk_print_flow_new              (const JkConfig       *config,
                                                 const char           *database_path,
                                                 JkClock              *clock,
                                                 JkSession            *session);
/* Watches the printer once a minute and cancels stale held jobs. */
void             jk_print_flow_start            (JkPrintFlow          *self);
/* Shows `kind` made from `input` (copied now) on the print page, opened
 * from page `from`. */
void             jk_print_flow_show             (JkPrintFlow          *self,
                                                 JkPage               *from,
                                                 const JkDocumentKind *kind,
                                                 gconstpointer         input);
/* The print page takes what to render; NULL when nothing was asked. */
JkPrintRequest  *jk_print_flow_take_request     (JkPrintFlow          *self);
/* Renders on a worker thread, in the language the visit had when asked. */
JkDocument      *jk_print_request_render        (JkPrintRequest       *request,
                                                 GError              **error);
/* Where the printout can be taken instead, as a QR code (a job sheet's
 * apply link); NULL when it has no such link. */
const char      *jk_print_request_get_link      (JkPrintRequest       *request);
void             jk_print_request_free          (JkPrintRequest       *request);

void             jk_print_flow_submit           (JkPrintFlow          *self,
                                                 JkDocument           *document);
void             jk_print_flow_check_printer    (JkPrintFlow          *self);
/* For the print page: what is happening, in words, and whether Print may be touched. */
const char      *jk_print_flow_get_status       (JkPrintFlow          *self);
gboolean         jk_print_flow_get_can_print    (JkPrintFlow          *self);
/* For the bottom bar: the printer in a few words, and whether it works. */
const char      *jk_print_flow_get_printer_text (JkPrintFlow          *self);
gboolean         jk_print_flow_get_printer_ready (JkPrintFlow         *self);
/* Staff's one-time override of the visit's page limit: the next visit
 * (the one after the visit now on, which for staff mode is staff's own:
 * leaving staff mode ends it with the wipe) may print `pages` more than
 * [print] visit-page-limit, within the day's limit; the grant is gone when
 * that visit ends, used or not. It is kept here, in memory only: a restart
 * forgets it, as it ends every visit. 0 withdraws a grant. */
void             jk_print_flow_grant_pages      (JkPrintFlow          *self,
                                                 guint                 pages);
/* The pages granted to the next visit (or the one now on, once it has
 * begun); 0 when none. */
guint            jk_print_flow_get_granted_pages (JkPrintFlow         *self);
/* TRUE while a print job is on its way (tests wait on it). */
gboolean         jk_print_flow_is_printing      (JkPrintFlow          *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkPrintRequest, jk_print_request_free)

G_END_DECLS
