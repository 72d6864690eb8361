/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-retranslate.c: live language switching for widgets */

#define G_LOG_DOMAIN "jk-retranslate"

#include <jobkiosk/jk-i18n.h>

#include "jk-retranslate.h"

#define LABEL_KEY "jk-msgid-label"
#define PLACEHOLDER_KEY "jk-msgid-placeholder"
#define A11Y_KEY "jk-msgid-a11y"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static const char *
explicit_accessible_name (GtkWidget *widget)
{
  AtkObject *accessible = gtk_widget_get_accessible (widget);

  /* Only a name someone set, not the one ATK derives from a label. */
  return accessible != NULL ? accessible->name : NULL;
}

static void
capture_one (GtkWidget *widget,
             gpointer   user_data)
{
  const char *text;

  if (GTK_IS_LABEL (widget) && g_object_get_data (G_OBJECT (widget), LABEL_KEY) == NULL)
    {
      text = gtk_label_get_label (GTK_LABEL (widget));
      if (text != NULL && text[0] != '\0')
        g_object_set_data_full (G_OBJECT (widget), LABEL_KEY, g_strdup (text), g_free);
    }
  if (GTK_IS_ENTRY (widget) && g_object_get_data (G_OBJECT (widget), PLACEHOLDER_KEY) == NULL)
    {
      text = gtk_entry_get_placeholder_text (GTK_ENTRY (widget));
      if (text != NULL && text[0] != '\0')
        g_object_set_data_full (G_OBJECT (widget), PLACEHOLDER_KEY, g_strdup (text), g_free);
    }
  if (g_object_get_data (G_OBJECT (widget), A11Y_KEY) == NULL)
    {
      text = explicit_accessible_name (widget);
      if (text != NULL && text[0] != '\0')
        g_object_set_data_full (G_OBJECT (widget), A11Y_KEY, g_strdup (text), g_free);
    }
  if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), capture_one, NULL);
}

static void
apply_one (GtkWidget *widget,
           gpointer   user_data)
{
  const char *msgid;

  msgid = g_object_get_data (G_OBJECT (widget), LABEL_KEY);
  if (msgid != NULL)
    {
      if (gtk_label_get_use_markup (GTK_LABEL (widget)))
        gtk_label_set_markup (GTK_LABEL (widget), _(msgid));
      else
        gtk_label_set_text (GTK_LABEL (widget), _(msgid));
    }
  msgid = g_object_get_data (G_OBJECT (widget), PLACEHOLDER_KEY);
  if (msgid != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (widget), _(msgid));
  msgid = g_object_get_data (G_OBJECT (widget), A11Y_KEY);
  if (msgid != NULL)
    atk_object_set_name (gtk_widget_get_accessible (widget), _(msgid));

  if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), apply_one, NULL);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

void
jk_retranslate_capture (GtkWidget *root)
{
  capture_one (root, NULL);
}

void
jk_retranslate_apply (GtkWidget *root)
{
  apply_one (root, NULL);
}

void
jk_retranslate_set_label (GtkLabel   *label,
                          const char *msgid)
{
  g_object_set_data_full (G_OBJECT (label), LABEL_KEY, g_strdup (msgid), g_free);
  gtk_label_set_text (label, _(msgid));
}

void
jk_retranslate_set_a11y_name (GtkWidget  *widget,
                              const char *msgid)
{
  g_object_set_data_full (G_OBJECT (widget), A11Y_KEY, g_strdup (msgid), g_free);
  atk_object_set_name (gtk_widget_get_accessible (widget), _(msgid));
}

void
jk_retranslate_set_button (GtkButton  *button,
                           const char *msgid)
{
  gtk_button_set_label (button, _(msgid));
  jk_retranslate_set_label (GTK_LABEL (gtk_bin_get_child (GTK_BIN (button))), msgid);
  jk_retranslate_set_a11y_name (GTK_WIDGET (button), msgid);
}
