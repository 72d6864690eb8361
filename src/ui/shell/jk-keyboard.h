/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The built-in on-screen keyboard. It types into its target (a GtkEditable)
 * without ever taking the focus from it. Layers: lower-case letters,
 * capitals (Shift, one letter at a time, or Caps by a double tap), Spanish
 * letters and marks (á é í ó ú ü ñ ¿ ¡ and their capitals), numbers and
 * symbols; and a separate number-pad mode for phone numbers and dates. */
#define JK_TYPE_KEYBOARD (jk_keyboard_get_type ())
G_DECLARE_FINAL_TYPE (JkKeyboard, jk_keyboard, JK, KEYBOARD, GtkBox)

typedef enum {
  JK_KEYBOARD_MODE_TEXT,
  JK_KEYBOARD_MODE_NUMBER_PAD,
} JkKeyboardMode;

GtkWidget     *jk_keyboard_new              (void);
void           jk_keyboard_set_target       (JkKeyboard     *self,
                                             GtkWidget      *editable);
GtkWidget     *jk_keyboard_get_target       (JkKeyboard     *self);
void           jk_keyboard_set_mode         (JkKeyboard     *self,
                                             JkKeyboardMode  mode);
JkKeyboardMode jk_keyboard_get_mode         (JkKeyboard     *self);
/* The mode an entry wants, from its input-purpose (phone, number, digits → pad). */
JkKeyboardMode jk_keyboard_mode_for_widget  (GtkWidget      *editable);
/* Back to the lower-case letter layer, Shift off, repeat stopped. */
void           jk_keyboard_reset            (JkKeyboard     *self);
void           jk_keyboard_retranslate      (JkKeyboard     *self);

/* Presses the key with this id as a finger would (for tests and scanners):
 * a character it types ("a", "Ñ", "4", "¿") in the layer showing now, or one
 * of "shift", "letters", "accents", "symbols", "space", "backspace",
 * "enter", "hide". Returns FALSE when no such key is on the current layer. */
gboolean       jk_keyboard_press            (JkKeyboard     *self,
                                             const char     *key_id);
/* The button for a key id on the current layer, or NULL. */
GtkWidget     *jk_keyboard_find_key         (JkKeyboard     *self,
                                             const char     *key_id);

G_END_DECLS
