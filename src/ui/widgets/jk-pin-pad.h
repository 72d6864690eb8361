/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A number pad for a PIN: ten digits, "Delete" and "Sign in" (its
 * "activate"), and the PIN shown as dots, never as digits. It holds at most max_length digits (more
 * are ignored) and wipes them when cleared or destroyed. A physical
 * keyboard's digits, BackSpace and Enter work through
 * jk_pin_pad_handle_key, called by the page that holds it. */
#define JK_TYPE_PIN_PAD (jk_pin_pad_get_type ())
G_DECLARE_FINAL_TYPE (JkPinPad, jk_pin_pad, JK, PIN_PAD, GtkBox)

GtkWidget   *jk_pin_pad_new        (guint        max_length);
const char  *jk_pin_pad_get_pin    (JkPinPad    *self);
void         jk_pin_pad_clear      (JkPinPad    *self);
/* TRUE when the key was the pad's (a digit, BackSpace, Enter). */
gboolean     jk_pin_pad_handle_key (JkPinPad    *self,
                                    GdkEventKey *event);
/* The button of a digit ('0'-'9'), for tests and the keypad. */
GtkWidget   *jk_pin_pad_get_button (JkPinPad    *self,
                                    char         digit);

G_END_DECLS
