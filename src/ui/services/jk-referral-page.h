/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-services.h>

#include "shell/jk-page.h"

G_BEGIN_DECLS

/* "Ask them to contact me": the visitor's first name, phone number and a
 * reason (step "form"), what will be sent and to whom with "Yes, send it"
 * and "No, go back" (step "consent"), then the reference number and "Print
 * a slip" (step "sent"). Opened with a service's id (an int64); a service
 * whose organization has no [partner NAME] cannot be opened. */
#define JK_TYPE_REFERRAL_PAGE (jk_referral_page_get_type ())
G_DECLARE_FINAL_TYPE (JkReferralPage, jk_referral_page, JK, REFERRAL_PAGE, JkPage)

extern const JkPageInfo jk_referral_page_info;

/* "Ask them to contact me" for service: the button a service's page shows
 * where the center has a referral agreement with the service's
 * organization ([partner NAME] in the configuration), opening the consent
 * screen from page; NULL where it has none. */
GtkWidget   *jk_referral_page_new_button (JkPage          *page,
                                          const JkService *service);

/* For tests: the step shown ("form", "consent", "sent"), the reference
 * sent (or NULL), whether a send is under way, a template child by id. */
const char  *jk_referral_page_get_step      (JkReferralPage *self);
const char  *jk_referral_page_get_reference (JkReferralPage *self);
gboolean     jk_referral_page_is_busy       (JkReferralPage *self);
GtkWidget   *jk_referral_page_get_widget    (JkReferralPage *self,
                                             const char     *id);

G_END_DECLS
