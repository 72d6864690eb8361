/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-idle-warning.c: "Are you still there?" */

#define G_LOG_DOMAIN "jk-idle-warning"

#include <jobkiosk/jk-i18n.h>

#include "jk-idle-warning.h"
#include "jk-retranslate.h"

struct _JkIdleWarning
{
  GtkEventBox parent_instance;

  GtkLabel *question_label;
  GtkLabel *countdown_label;
  GtkButton *more_time_button;
  guint seconds_left;
};

enum {
  SIGNAL_MORE_TIME,
  SIGNAL_FINISH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JkIdleWarning, jk_idle_warning, GTK_TYPE_EVENT_BOX)

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_more_time_clicked (JkIdleWarning *self)
{
  g_signal_emit (self, signals[SIGNAL_MORE_TIME], 0);
}

static void
on_finish_clicked (JkIdleWarning *self)
{
  g_signal_emit (self, signals[SIGNAL_FINISH], 0);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_idle_warning_class_init (JkIdleWarningClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[SIGNAL_MORE_TIME] = g_signal_new ("more-time", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_FINISH] = g_signal_new ("finish", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/shell/jk-idle-warning.ui");
  gtk_widget_class_bind_template_child (widget_class, JkIdleWarning, question_label);
  gtk_widget_class_bind_template_child (widget_class, JkIdleWarning, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, JkIdleWarning, more_time_button);
  gtk_widget_class_bind_template_callback (widget_class, on_more_time_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_finish_clicked);
  gtk_widget_class_set_css_name (widget_class, "jkidlewarning");
  /* A screen reader says it as soon as it appears, whatever had the focus. */
  gtk_widget_class_set_accessible_role (widget_class, ATK_ROLE_ALERT);
}

static void
jk_idle_warning_init (JkIdleWarning *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jk_retranslate_capture (GTK_WIDGET (self));
  jk_retranslate_apply (GTK_WIDGET (self));
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

GtkWidget *
jk_idle_warning_new (void)
{
  return g_object_new (JK_TYPE_IDLE_WARNING, NULL);
}

void
jk_idle_warning_set_seconds_left (JkIdleWarning *self,
                                  guint          seconds)
{
  g_autofree char *text = NULL;

  self->seconds_left = seconds;
  text = g_strdup_printf (jk_ngettext ("To keep your information private, this screen will clear in %u second.",
                                       "To keep your information private, this screen will clear in %u seconds.",
                                       seconds),
                          seconds);
  gtk_label_set_text (self->countdown_label, text);
  atk_object_set_name (gtk_widget_get_accessible (GTK_WIDGET (self)), gtk_label_get_text (self->question_label));
  atk_object_set_description (gtk_widget_get_accessible (GTK_WIDGET (self)), text);
}

void
jk_idle_warning_present (JkIdleWarning *self)
{
  gtk_widget_show (GTK_WIDGET (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->more_time_button));
}

void
jk_idle_warning_retranslate (JkIdleWarning *self)
{
  jk_retranslate_apply (GTK_WIDGET (self));
  jk_idle_warning_set_seconds_left (self, self->seconds_left);
}
