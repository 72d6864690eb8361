/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-services.h>

#include "shell/jk-page.h"

G_BEGIN_DECLS

/* Other help: partner services near the center. Opened without an
 * argument, the nine categories as tiles and a search by words; with a
 * string, a list nearest first (a category's key, or "search:WORDS"); with
 * an int64, one service (its id): what it does, hours, address, phone,
 * who can get it, cost, languages, a QR code of its link or vCard, and
 * "Print a referral slip". The first directory ([services] data) is
 * imported at start-up when the kiosk has none. */
#define JK_TYPE_SERVICES_PAGE (jk_services_page_get_type ())
G_DECLARE_FINAL_TYPE (JkServicesPage, jk_services_page, JK, SERVICES_PAGE, JkPage)

extern const JkPageInfo jk_services_page_info;

/* For tests. */
gboolean          jk_services_page_is_busy     (JkServicesPage *self);
guint             jk_services_page_get_n_found (JkServicesPage *self);
const JkService  *jk_services_page_get_found   (JkServicesPage *self,
                                                guint           index);
const JkService  *jk_services_page_get_service (JkServicesPage *self);
GtkWidget        *jk_services_page_get_qr_code (JkServicesPage *self);

G_END_DECLS
