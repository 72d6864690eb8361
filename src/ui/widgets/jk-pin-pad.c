/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-pin-pad.c: a number pad that shows a PIN as dots */

#define G_LOG_DOMAIN "jk-pin-pad"

#include <jobkiosk/jk-i18n.h>
#include <sodium.h>
#include <string.h>

#include "shell/jk-retranslate.h"
#include "jk-pin-pad.h"

struct _JkPinPad
{
  GtkBox parent_instance;

  GtkLabel *dots;
  GtkWidget *digits[10];
  char pin[64];
  guint length;
  guint max_length;
};

enum {
  SIGNAL_CHANGED,
  SIGNAL_ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JkPinPad, jk_pin_pad, GTK_TYPE_BOX)

static void
update_dots (JkPinPad *self)
{
  GString *text = g_string_new (NULL);
  g_autofree char *a11y = NULL;

  for (guint i = 0; i < self->length; i++)
    g_string_append (text, i == 0 ? "●" : " ●");
  gtk_label_set_text (self->dots, self->length > 0 ? text->str : " ");
  /* A screen reader hears how many digits, never which. */
  a11y = g_strdup_printf (jk_ngettext ("%u digit typed", "%u digits typed", self->length), self->length);
  atk_object_set_name (gtk_widget_get_accessible (GTK_WIDGET (self->dots)), a11y);
  g_string_free (text, TRUE);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
add_digit (JkPinPad *self,
           char      digit)
{
  if (self->length >= self->max_length)
    return;
  self->pin[self->length++] = digit;
  self->pin[self->length] = '\0';
  update_dots (self);
}

static void
delete_digit (JkPinPad *self)
{
  if (self->length == 0)
    return;
  self->pin[--self->length] = '\0';
  update_dots (self);
}

static void
on_digit_clicked (GtkButton *button,
                  JkPinPad  *self)
{
  add_digit (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "jk-digit")));
}

static void
emit_activate (JkPinPad *self)
{
  g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0);
}

static GtkWidget *
pad_button (JkPinPad   *self,
            const char *label,
            const char *a11y_name)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *text = gtk_label_new (NULL);

  if (a11y_name != NULL)
    {
      jk_retranslate_set_label (GTK_LABEL (text), label);
      jk_retranslate_set_a11y_name (button, a11y_name);
    }
  else
    {
      /* A digit is its own name in every language. */
      gtk_label_set_text (GTK_LABEL (text), label);
      atk_object_set_name (gtk_widget_get_accessible (button), label);
    }
  gtk_container_add (GTK_CONTAINER (button), text);
  gtk_widget_set_size_request (button, 112, 64);
  gtk_style_context_add_class (gtk_widget_get_style_context (button), "pin-key");
  gtk_widget_show_all (button);
  return button;
}

static void
jk_pin_pad_finalize (GObject *object)
{
  JkPinPad *self = JK_PIN_PAD (object);

  sodium_memzero (self->pin, sizeof self->pin);
  G_OBJECT_CLASS (jk_pin_pad_parent_class)->finalize (object);
}

static void
jk_pin_pad_class_init (JkPinPadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jk_pin_pad_finalize;
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The pad's Sign in key, or Enter on a keyboard. */
  signals[SIGNAL_ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jk_pin_pad_init (JkPinPad *self)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *delete;
  GtkWidget *enter;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  self->dots = GTK_LABEL (gtk_label_new (" "));
  gtk_style_context_add_class (gtk_widget_get_style_context (GTK_WIDGET (self->dots)), "pin-dots");
  gtk_widget_show (GTK_WIDGET (self->dots));
  gtk_container_add (GTK_CONTAINER (self), GTK_WIDGET (self->dots));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  for (guint i = 0; i < 10; i++)
    {
      char label[2] = { (char) ('0' + i), '\0' };

      self->digits[i] = pad_button (self, label, NULL);
      g_object_set_data (G_OBJECT (self->digits[i]), "jk-digit", GINT_TO_POINTER ('0' + i));
      g_signal_connect (self->digits[i], "clicked", G_CALLBACK (on_digit_clicked), self);
      if (i > 0)
        gtk_grid_attach (GTK_GRID (grid), self->digits[i], (i - 1) % 3, (i - 1) / 3, 1, 1);
    }
  /* TRANSLATORS: a key of the PIN pad that takes back the last digit */
  delete = pad_button (self, N_("Delete"), N_("Delete the last digit"));
  g_signal_connect_swapped (delete, "clicked", G_CALLBACK (delete_digit), self);
  /* As on a bank's pad: Enter last, so the keys' order is the reading order. */
  enter = pad_button (self, N_("Sign in"), N_("Sign in"));
  gtk_style_context_add_class (gtk_widget_get_style_context (enter), "main-action");
  g_signal_connect_swapped (enter, "clicked", G_CALLBACK (emit_activate), self);
  gtk_grid_attach (GTK_GRID (grid), delete, 0, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->digits[0], 1, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), enter, 2, 3, 1, 1);
  gtk_widget_show (grid);
  gtk_container_add (GTK_CONTAINER (self), grid);
  update_dots (self);
}

GtkWidget *
jk_pin_pad_new (guint max_length)
{
  JkPinPad *self = g_object_new (JK_TYPE_PIN_PAD, NULL);

  self->max_length = MIN (max_length, sizeof self->pin - 1);
  return GTK_WIDGET (self);
}

const char *
jk_pin_pad_get_pin (JkPinPad *self)
{
  g_return_val_if_fail (JK_IS_PIN_PAD (self), NULL);
  return self->pin;
}

void
jk_pin_pad_clear (JkPinPad *self)
{
  g_return_if_fail (JK_IS_PIN_PAD (self));
  sodium_memzero (self->pin, sizeof self->pin);
  self->length = 0;
  update_dots (self);
}

gboolean
jk_pin_pad_handle_key (JkPinPad    *self,
                       GdkEventKey *event)
{
  guint32 c = gdk_keyval_to_unicode (event->keyval);

  g_return_val_if_fail (JK_IS_PIN_PAD (self), FALSE);
  if ((event->state & (GDK_CONTROL_MASK | GDK_MOD1_MASK)) != 0)
    return FALSE;
  if (c >= '0' && c <= '9')
    {
      add_digit (self, (char) c);
      return TRUE;
    }
  switch (event->keyval)
    {
    case GDK_KEY_BackSpace:
      delete_digit (self);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0);
      return TRUE;
    default:
      return FALSE;
    }
}

GtkWidget *
jk_pin_pad_get_button (JkPinPad *self,
                       char      digit)
{
  g_return_val_if_fail (JK_IS_PIN_PAD (self), NULL);
  g_return_val_if_fail (digit >= '0' && digit <= '9', NULL);
  return self->digits[digit - '0'];
}
