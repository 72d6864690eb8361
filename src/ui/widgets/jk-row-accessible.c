/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-row-accessible.c: an activatable list row's "activate" action for assistive technology */

#define G_LOG_DOMAIN "jk-row-accessible"

#include <jobkiosk/jk-i18n.h>

#include "jk-row-accessible.h"

struct _JkRowAccessible
{
  GtkListBoxRowAccessible parent_instance;
};

static void jk_row_accessible_action_init (AtkActionIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JkRowAccessible, jk_row_accessible, GTK_TYPE_LIST_BOX_ROW_ACCESSIBLE,
                               G_IMPLEMENT_INTERFACE (ATK_TYPE_ACTION, jk_row_accessible_action_init))

/* ---------------------------------------------------------------------- */
/* AtkAction                                                              */
/* ---------------------------------------------------------------------- */

static GtkListBoxRow *
get_row (AtkAction *action)
{
  GtkWidget *widget = gtk_accessible_get_widget (GTK_ACCESSIBLE (action));

  return GTK_IS_LIST_BOX_ROW (widget) ? GTK_LIST_BOX_ROW (widget) : NULL;
}

static gint
jk_row_accessible_get_n_actions (AtkAction *action)
{
  GtkListBoxRow *row = get_row (action);

  return row != NULL && gtk_list_box_row_get_activatable (row) ? 1 : 0;
}

/* As GTK's own accessibles do: later, not inside the screen reader's
 * call, whose answer would wait on everything the new page announces. */
static gboolean
activate_cb (gpointer data)
{
  GtkListBoxRow *row = data;

  /* As a touch or Enter does: the list box then says "row-activated". */
  if (gtk_widget_get_mapped (GTK_WIDGET (row)) && gtk_widget_is_sensitive (GTK_WIDGET (row)))
    g_signal_emit_by_name (row, "activate");
  return G_SOURCE_REMOVE;
}

static gboolean
jk_row_accessible_do_action (AtkAction *action,
                             gint       i)
{
  GtkListBoxRow *row = get_row (action);

  if (i != 0 || row == NULL || !gtk_list_box_row_get_activatable (row) ||
      !gtk_widget_is_sensitive (GTK_WIDGET (row)))
    return FALSE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, activate_cb, g_object_ref (row), g_object_unref);
  return TRUE;
}

static const gchar *
jk_row_accessible_get_name (AtkAction *action,
                            gint       i)
{
  return i == 0 ? "activate" : NULL;
}

static const gchar *
jk_row_accessible_get_localized_name (AtkAction *action,
                                      gint       i)
{
  return i == 0 ? _("Open") : NULL;
}

static void
jk_row_accessible_action_init (AtkActionIface *iface)
{
  iface->get_n_actions = jk_row_accessible_get_n_actions;
  iface->do_action = jk_row_accessible_do_action;
  iface->get_name = jk_row_accessible_get_name;
  iface->get_localized_name = jk_row_accessible_get_localized_name;
}

/* ---------------------------------------------------------------------- */
/* GObject                                                                */
/* ---------------------------------------------------------------------- */

static void
jk_row_accessible_class_init (JkRowAccessibleClass *klass)
{
}

static void
jk_row_accessible_init (JkRowAccessible *self)
{
}
