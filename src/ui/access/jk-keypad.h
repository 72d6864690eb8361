/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <jobkiosk/jk-config.h>

G_BEGIN_DECLS

typedef struct _JkWindow JkWindow;

typedef enum {
#define X(id, key, keys) JK_KEYPAD_##id,
  JK_KEYPAD_ACTIONS
#undef X
  JK_KEYPAD_N_ACTIONS
} JkKeypadAction;

/* A navigation keypad (36 CFR 1194 407, the EZ-Access kind) is a
 * keyboard: its keys map to the kiosk's actions through [keypad] in the
 * configuration (jk-config.h lists the actions and their default keys).
 * Next and previous move the focus in reading order, into and along
 * lists of results too; back goes back, or answers "No" to a question on
 * screen; help, speech, repeat, stop, slower, faster, quieter and louder
 * are the speech actions. A key a focused field needs (BackSpace in a
 * field, arrows in a text area) stays the field's. */
#define JK_TYPE_KEYPAD (jk_keypad_get_type ())
G_DECLARE_FINAL_TYPE (JkKeypad, jk_keypad, JK, KEYPAD, GObject)

/* keys: the configuration's merged key file (its [keypad] group), or NULL
 * for the defaults. A key name GTK does not know is logged and skipped. */
JkKeypad    *jk_keypad_new          (JkWindow       *window,
                                     GKeyFile       *keys);
/* What the key does, or -1 when it is not one of the keypad's. */
int          jk_keypad_lookup       (JkKeypad       *self,
                                     guint           keyval,
                                     GdkModifierType state);
/* Moves the focus to the next (or previous) control in reading order. */
void         jk_keypad_move_focus   (JkWindow       *window,
                                     gboolean        forward);

G_END_DECLS
