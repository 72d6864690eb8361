/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-describe.c: a control's name, kind and state in words */

#define G_LOG_DOMAIN "jk-access"

#include <jobkiosk/jk-i18n.h>
#include <string.h>

#include "jk-describe.h"

#define ROLE_KEY "jk-spoken-role"
#define TEXT_KEY "jk-spoken-text"

/* The label a button shows, when its accessible name is not set. */
static void
find_label_cb (GtkWidget *widget,
               gpointer   data)
{
  const char **text = data;

  if (*text != NULL)
    return;
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    *text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), find_label_cb, data);
}

static const char *
name_of (GtkWidget *widget)
{
  const char *name = atk_object_get_name (gtk_widget_get_accessible (widget));
  const char *label = NULL;

  if (name != NULL && name[0] != '\0')
    return name;
  if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), find_label_cb, &label);
  return label;
}

static void
add (GPtrArray  *parts,
     const char *text)
{
  if (text != NULL && text[0] != '\0')
    g_ptr_array_add (parts, g_strdup (text));
}

static const char *
role_or (GtkWidget  *widget,
         const char *fallback)
{
  const char *role = g_object_get_data (G_OBJECT (widget), ROLE_KEY);

  return role != NULL ? _(role) : fallback;
}

char *
jk_describe_widget (GtkWidget *widget)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *text;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  text = g_object_get_data (G_OBJECT (widget), TEXT_KEY);
  if (text != NULL)
    add (parts, text);
  else if (GTK_IS_ENTRY (widget))
    {
      GtkEntry *entry = GTK_ENTRY (widget);
      const char *name = atk_object_get_name (gtk_widget_get_accessible (widget));

      add (parts, name != NULL && name[0] != '\0' ? name : gtk_entry_get_placeholder_text (entry));
      add (parts, role_or (widget, C_ ("spoken role", "text field")));
      if (gtk_entry_get_text_length (entry) == 0)
        add (parts, C_ ("spoken state", "empty"));
      else if (!gtk_entry_get_visibility (entry))
        /* A PIN is never read out, not even its length. */
        add (parts, C_ ("spoken state", "filled in"));
      else
        add (parts, gtk_entry_get_text (entry));
    }
  else if (GTK_IS_RADIO_BUTTON (widget))
    {
      add (parts, name_of (widget));
      add (parts, role_or (widget, C_ ("spoken role", "choice")));
      add (parts, gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget)) ? C_ ("spoken state", "selected")
                                                                               : C_ ("spoken state", "not selected"));
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    {
      add (parts, name_of (widget));
      add (parts, role_or (widget, C_ ("spoken role", "check box")));
      add (parts, gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget)) ? C_ ("spoken state", "checked")
                                                                               : C_ ("spoken state", "not checked"));
    }
  else if (GTK_IS_TOGGLE_BUTTON (widget))
    {
      add (parts, name_of (widget));
      add (parts, role_or (widget, C_ ("spoken role", "switch")));
      add (parts, gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget)) ? C_ ("spoken state", "on")
                                                                               : C_ ("spoken state", "off"));
    }
  else if (GTK_IS_LINK_BUTTON (widget))
    {
      add (parts, name_of (widget));
      add (parts, role_or (widget, C_ ("spoken role", "link")));
    }
  else if (GTK_IS_BUTTON (widget))
    {
      add (parts, name_of (widget));
      add (parts, role_or (widget, C_ ("spoken role", "button")));
    }
  else
    {
      add (parts, name_of (widget));
      if (g_object_get_data (G_OBJECT (widget), ROLE_KEY) != NULL)
        add (parts, role_or (widget, NULL));
    }
  if (parts->len > 0 && !gtk_widget_is_sensitive (widget))
    add (parts, C_ ("spoken state", "unavailable"));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (_(", "), (GStrv) parts->pdata);
}

void
jk_describe_set_role (GtkWidget  *widget,
                      const char *role)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data (G_OBJECT (widget), ROLE_KEY, (gpointer) role);
}

void
jk_describe_set_text (GtkWidget  *widget,
                      const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data_full (G_OBJECT (widget), TEXT_KEY, g_strdup (text), g_free);
}

static void
collect_labels_cb (GtkWidget *widget,
                   gpointer   data)
{
  GPtrArray *parts = data;

  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
      gsize length = strlen (text);

      if (length == 0)
        return;
      /* Each label a sentence of its own, so the voice pauses between. */
      if (strchr (".?!:", text[length - 1]) == NULL)
        g_ptr_array_add (parts, g_strconcat (text, ".", NULL));
      else
        g_ptr_array_add (parts, g_steal_pointer (&text));
    }
  else if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), collect_labels_cb, parts);
}

char *
jk_describe_text_of (GtkWidget *container)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (GTK_IS_WIDGET (container), NULL);

  collect_labels_cb (container, parts);
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" ", (GStrv) parts->pdata);
}
