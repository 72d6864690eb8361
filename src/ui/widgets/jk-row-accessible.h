/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk-a11y.h>

G_BEGIN_DECLS

/* What assistive technology sees of an activatable list row (a result
 * card): GTK 3 gives a row no action, so a screen reader or switch user
 * could read a card and never open it. This one has "activate", which does
 * what a touch does. Set it with gtk_widget_class_set_accessible_type (). */
#define JK_TYPE_ROW_ACCESSIBLE (jk_row_accessible_get_type ())
G_DECLARE_FINAL_TYPE (JkRowAccessible, jk_row_accessible, JK, ROW_ACCESSIBLE, GtkListBoxRowAccessible)

G_END_DECLS
