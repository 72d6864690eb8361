/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The card over the screen that asks "Are you still there?" and counts down.
 * Emits "more-time" or "finish". An alert to assistive technology: its name
 * the question, its description the countdown. */
#define JK_TYPE_IDLE_WARNING (jk_idle_warning_get_type ())
G_DECLARE_FINAL_TYPE (JkIdleWarning, jk_idle_warning, JK, IDLE_WARNING, GtkEventBox)

GtkWidget   *jk_idle_warning_new                (void);
void         jk_idle_warning_set_seconds_left   (JkIdleWarning *self,
                                                 guint          seconds);
void         jk_idle_warning_retranslate        (JkIdleWarning *self);
/* Shows the card with the key focus on "I need more time". */
void         jk_idle_warning_present            (JkIdleWarning *self);

G_END_DECLS
