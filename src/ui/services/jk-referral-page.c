/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-referral-page.c: "Ask them to contact me": consent, the visitor's first name, phone and reason, the slip */

#define G_LOG_DOMAIN "jk-referral-page"

#include "jk-referral-page.h"

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

GtkWidget *
jk_referral_page_new_button (JkPage          *page,
                             const JkService *service)
{
  g_return_val_if_fail (JK_IS_PAGE (page), NULL);
  g_return_val_if_fail (service != NULL, NULL);

  /* No partner agreements are read yet: no service offers a referral. */
  return NULL;
}
