/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-finish-confirm.c: "Clear everything and start over?" */

#define G_LOG_DOMAIN "jk-finish-confirm"

#include <jobkiosk/jk-i18n.h>

#include "jk-finish-confirm.h"
#include "jk-retranslate.h"

struct _JkFinishConfirm
{
  GtkEventBox parent_instance;

  GtkLabel *question_label;
  GtkButton *yes_button;
  GtkButton *no_button;
};

enum {
  SIGNAL_CONFIRMED,
  SIGNAL_CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JkFinishConfirm, jk_finish_confirm, GTK_TYPE_EVENT_BOX)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* A screen reader says the question when the card appears. */
static void
update_accessible (JkFinishConfirm *self)
{
  AtkObject *accessible = gtk_widget_get_accessible (GTK_WIDGET (self));

  atk_object_set_name (accessible, gtk_label_get_text (self->question_label));
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_yes_clicked (JkFinishConfirm *self)
{
  g_signal_emit (self, signals[SIGNAL_CONFIRMED], 0);
}

static void
on_no_clicked (JkFinishConfirm *self)
{
  g_signal_emit (self, signals[SIGNAL_CANCELLED], 0);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

/* Escape answers No, as it would in any dialog. */
static gboolean
jk_finish_confirm_key_press_event (GtkWidget   *widget,
                                   GdkEventKey *event)
{
  if (event->keyval == GDK_KEY_Escape)
    {
      on_no_clicked (JK_FINISH_CONFIRM (widget));
      return GDK_EVENT_STOP;
    }
  return GTK_WIDGET_CLASS (jk_finish_confirm_parent_class)->key_press_event (widget, event);
}

static void
jk_finish_confirm_class_init (JkFinishConfirmClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->key_press_event = jk_finish_confirm_key_press_event;

  signals[SIGNAL_CONFIRMED] = g_signal_new ("confirmed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/shell/jk-finish-confirm.ui");
  gtk_widget_class_bind_template_child (widget_class, JkFinishConfirm, question_label);
  gtk_widget_class_bind_template_child (widget_class, JkFinishConfirm, yes_button);
  gtk_widget_class_bind_template_child (widget_class, JkFinishConfirm, no_button);
  gtk_widget_class_bind_template_callback (widget_class, on_yes_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_no_clicked);
  gtk_widget_class_set_css_name (widget_class, "jkfinishconfirm");
  gtk_widget_class_set_accessible_role (widget_class, ATK_ROLE_ALERT);
}

static void
jk_finish_confirm_init (JkFinishConfirm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jk_retranslate_capture (GTK_WIDGET (self));
  jk_finish_confirm_retranslate (self);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

GtkWidget *
jk_finish_confirm_new (void)
{
  return g_object_new (JK_TYPE_FINISH_CONFIRM, NULL);
}

void
jk_finish_confirm_present (JkFinishConfirm *self)
{
  g_return_if_fail (JK_IS_FINISH_CONFIRM (self));

  gtk_widget_show (GTK_WIDGET (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->no_button));
}

void
jk_finish_confirm_retranslate (JkFinishConfirm *self)
{
  g_return_if_fail (JK_IS_FINISH_CONFIRM (self));

  jk_retranslate_apply (GTK_WIDGET (self));
  update_accessible (self);
}
