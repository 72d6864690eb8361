/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The card over the window that asks, before Finish wipes a visit that
 * holds something, "Clear everything and start over?". Emits "confirmed"
 * (Yes) or "cancelled" (No, or Escape). An alert to assistive technology. */
#define JK_TYPE_FINISH_CONFIRM (jk_finish_confirm_get_type ())
G_DECLARE_FINAL_TYPE (JkFinishConfirm, jk_finish_confirm, JK, FINISH_CONFIRM, GtkEventBox)

GtkWidget   *jk_finish_confirm_new          (void);
/* Shows the card with the key focus on "No, go back", the safe answer. */
void         jk_finish_confirm_present      (JkFinishConfirm *self);
void         jk_finish_confirm_retranslate  (JkFinishConfirm *self);

G_END_DECLS
