/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A wrapping row of chips to pick from: suggestions a visitor taps to
 * take (a duty, a skill, a certificate). Each chip is a toggle button with
 * its text as accessible name; "toggled" says which and how. */
#define JK_TYPE_CHIP_PICKER (jk_chip_picker_get_type ())
G_DECLARE_FINAL_TYPE (JkChipPicker, jk_chip_picker, JK, CHIP_PICKER, GtkFlowBox)

GtkWidget   *jk_chip_picker_new          (void);
/* Replaces the chips; those whose text is in active start pressed. */
void         jk_chip_picker_set_items    (JkChipPicker       *self,
                                          const char * const *items,
                                          guint               n_items);
/* Adds one chip (pressed) unless one with this text is there; presses it. */
void         jk_chip_picker_add          (JkChipPicker       *self,
                                          const char         *text);
void         jk_chip_picker_set_active   (JkChipPicker       *self,
                                          const char         *text,
                                          gboolean            active);
/* Lets every chip go, quietly (no "toggled"). */
void         jk_chip_picker_unpress_all  (JkChipPicker       *self);
/* The pressed chips' texts, in order (char *). */
GPtrArray   *jk_chip_picker_get_active   (JkChipPicker       *self);
guint        jk_chip_picker_get_n_items  (JkChipPicker       *self);
/* For tests and keys: the chip with this text, or NULL. */
GtkToggleButton *jk_chip_picker_find     (JkChipPicker       *self,
                                          const char         *text);

G_END_DECLS
