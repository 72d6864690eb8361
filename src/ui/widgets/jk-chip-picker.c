/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-chip-picker.c: a wrapping row of chips to pick from */

#define G_LOG_DOMAIN "jk-chip-picker"

#include "jk-chip-picker.h"

struct _JkChipPicker
{
  GtkFlowBox parent_instance;

  gboolean filling; /* set by code: no "toggled" */
};

enum {
  SIGNAL_TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JkChipPicker, jk_chip_picker, GTK_TYPE_FLOW_BOX)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
on_chip_toggled (GtkToggleButton *button,
                 JkChipPicker    *self)
{
  if (!self->filling)
    g_signal_emit (self, signals[SIGNAL_TOGGLED], 0, gtk_button_get_label (GTK_BUTTON (button)),
                   gtk_toggle_button_get_active (button));
}

static GtkWidget *
chip_new (JkChipPicker *self,
          const char   *text)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (text);
  GtkWidget *label = gtk_bin_get_child (GTK_BIN (button));
  GtkWidget *child = gtk_flow_box_child_new ();

  /* A long duty wraps inside its chip instead of widening the page. */
  gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_style_context_add_class (gtk_widget_get_style_context (button), "chip");
  atk_object_set_name (gtk_widget_get_accessible (button), text);
  g_signal_connect (button, "toggled", G_CALLBACK (on_chip_toggled), self);
  /* As wide as its words, not its column. */
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  /* Room inside the child for the focus ring, which it would clip. */
  gtk_widget_set_margin_start (button, 6);
  gtk_widget_set_margin_end (button, 6);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_set_margin_bottom (button, 6);
  /* The chip takes the focus, not the flow box's child around it. */
  gtk_widget_set_can_focus (child, FALSE);
  gtk_container_add (GTK_CONTAINER (child), button);
  gtk_widget_show_all (child);
  return child;
}

static GtkToggleButton *
child_button (GtkWidget *child)
{
  return GTK_TOGGLE_BUTTON (gtk_bin_get_child (GTK_BIN (child)));
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_chip_picker_class_init (JkChipPickerClass *klass)
{
  signals[SIGNAL_TOGGLED] = g_signal_new ("toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                          NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "flowbox");
}

static void
jk_chip_picker_init (JkChipPicker *self)
{
  GtkFlowBox *box = GTK_FLOW_BOX (self);

  gtk_flow_box_set_selection_mode (box, GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (box, FALSE);
  /* With each chip's margin: 12 px between chips. */
  gtk_flow_box_set_row_spacing (box, 0);
  gtk_flow_box_set_column_spacing (box, 0);
  gtk_flow_box_set_min_children_per_line (box, 1);
  gtk_flow_box_set_max_children_per_line (box, 6);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_START);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

GtkWidget *
jk_chip_picker_new (void)
{
  return g_object_new (JK_TYPE_CHIP_PICKER, "visible", TRUE, NULL);
}

void
jk_chip_picker_set_items (JkChipPicker       *self,
                          const char * const *items,
                          guint               n_items)
{
  g_autoptr (GPtrArray) active = jk_chip_picker_get_active (self);
  GList *children = gtk_container_get_children (GTK_CONTAINER (self));

  self->filling = TRUE;
  for (GList *l = children; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (children);
  for (guint i = 0; i < n_items; i++)
    {
      GtkWidget *child;

      if (items[i] == NULL || items[i][0] == '\0' || jk_chip_picker_find (self, items[i]) != NULL)
        continue;
      child = chip_new (self, items[i]);
      gtk_container_add (GTK_CONTAINER (self), child);
      for (guint j = 0; j < active->len; j++)
        if (g_str_equal (active->pdata[j], items[i]))
          gtk_toggle_button_set_active (child_button (child), TRUE);
    }
  self->filling = FALSE;
}

void
jk_chip_picker_add (JkChipPicker *self,
                    const char   *text)
{
  GtkToggleButton *button = jk_chip_picker_find (self, text);

  if (button == NULL)
    {
      GtkWidget *child = chip_new (self, text);

      gtk_container_add (GTK_CONTAINER (self), child);
      button = child_button (child);
    }
  gtk_toggle_button_set_active (button, TRUE);
}

void
jk_chip_picker_set_active (JkChipPicker *self,
                           const char   *text,
                           gboolean      active)
{
  GtkToggleButton *button = jk_chip_picker_find (self, text);

  if (button == NULL)
    return;
  self->filling = TRUE;
  gtk_toggle_button_set_active (button, active);
  self->filling = FALSE;
}

void
jk_chip_picker_unpress_all (JkChipPicker *self)
{
  GList *children = gtk_container_get_children (GTK_CONTAINER (self));

  self->filling = TRUE;
  for (GList *l = children; l != NULL; l = l->next)
    gtk_toggle_button_set_active (child_button (l->data), FALSE);
  self->filling = FALSE;
  g_list_free (children);
}

GPtrArray *
jk_chip_picker_get_active (JkChipPicker *self)
{
  GPtrArray *active = g_ptr_array_new_with_free_func (g_free);
  GList *children = gtk_container_get_children (GTK_CONTAINER (self));

  for (GList *l = children; l != NULL; l = l->next)
    if (gtk_toggle_button_get_active (child_button (l->data)))
      g_ptr_array_add (active, g_strdup (gtk_button_get_label (GTK_BUTTON (child_button (l->data)))));
  g_list_free (children);
  return active;
}

guint
jk_chip_picker_get_n_items (JkChipPicker *self)
{
  GList *children = gtk_container_get_children (GTK_CONTAINER (self));
  guint n = g_list_length (children);

  g_list_free (children);
  return n;
}

GtkToggleButton *
jk_chip_picker_find (JkChipPicker *self,
                     const char   *text)
{
  GList *children = gtk_container_get_children (GTK_CONTAINER (self));
  GtkToggleButton *found = NULL;

  for (GList *l = children; l != NULL && found == NULL; l = l->next)
    if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child_button (l->data))), text) == 0)
      found = child_button (l->data);
  g_list_free (children);
  return found;
}
