/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-services.h>

#include "shell/jk-page.h"

G_BEGIN_DECLS

/* "Ask them to contact me" for service: the button a service's page shows
 * where the center has a referral agreement with the service's
 * organization ([partner NAME] in the configuration), opening the consent
 * screen from page; NULL where it has none. */
GtkWidget   *jk_referral_page_new_button (JkPage          *page,
                                          const JkService *service);

G_END_DECLS
