/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A control as speech says it on focus, in the current language: its
 * name, what it is, and its state ("Full-time, filter, on", "What kind
 * of work?, text field, cook"). NULL for a widget with nothing to say. */
char        *jk_describe_widget      (GtkWidget  *widget);
/* What a control is, when its kind alone says too little: a chip is a
 * "filter", not a "toggle button". role is untranslated (N_()). */
void         jk_describe_set_role    (GtkWidget  *widget,
                                      const char *role);
/* The sentence a row says instead of its accessible name (a result
 * card's "Line Cook, Hilltop Hardware, …"); copied. */
void         jk_describe_set_text    (GtkWidget  *widget,
                                      const char *text);

/* Every visible label inside container, in order, as sentences: what a
 * message box or a page's details say ("No jobs match. Try fewer
 * filters."). NULL when there is none. */
char        *jk_describe_text_of     (GtkWidget  *container);

G_END_DECLS
