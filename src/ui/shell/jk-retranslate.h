/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GtkBuilder translates .ui strings once, when a widget is built. To switch
 * language live, the templates are built untranslated, capture records each
 * label's, placeholder's and accessible name's English text as its msgid,
 * and apply sets every recorded string in the current language. */
void         jk_retranslate_capture      (GtkWidget  *root);
void         jk_retranslate_apply        (GtkWidget  *root);

/* For widgets made in code: sets the text now and keeps the msgid. */
void         jk_retranslate_set_label    (GtkLabel   *label,
                                          const char *msgid);
void         jk_retranslate_set_a11y_name (GtkWidget *widget,
                                          const char *msgid);
/* A button's words and its accessible name, both from msgid. */
void         jk_retranslate_set_button   (GtkButton  *button,
                                          const char *msgid);

G_END_DECLS
