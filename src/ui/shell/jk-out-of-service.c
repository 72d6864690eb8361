/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-out-of-service.c: "Out of service, please ask staff", in both languages */

#define G_LOG_DOMAIN "jk-out-of-service"

#include <jobkiosk/jk-i18n.h>

#include "jk-out-of-service.h"

struct _JkOutOfService
{
  GtkWindow parent_instance;

  GtkLabel *title_en;
  GtkLabel *body_en;
  GtkLabel *title_es;
  GtkLabel *body_es;
};

G_DEFINE_FINAL_TYPE (JkOutOfService, jk_out_of_service, GTK_TYPE_WINDOW)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* The template holds the English text (the msgid) in both columns; the
 * Spanish column gets its translation, whatever the kiosk's language. */
static void
translate_to_spanish (GtkLabel *label)
{
  g_autofree char *msgid = g_strdup (gtk_label_get_label (label));

  jk_i18n_set_thread_language ("es");
  gtk_label_set_text (label, _(msgid));
  jk_i18n_set_thread_language (NULL);
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

/* Only staff, by stopping the service, end this screen. */
static gboolean
on_delete_event (GtkWidget *widget,
                 GdkEvent  *event,
                 gpointer   user_data)
{
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_out_of_service_class_init (JkOutOfServiceClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/shell/jk-out-of-service.ui");
  gtk_widget_class_bind_template_child (widget_class, JkOutOfService, title_en);
  gtk_widget_class_bind_template_child (widget_class, JkOutOfService, body_en);
  gtk_widget_class_bind_template_child (widget_class, JkOutOfService, title_es);
  gtk_widget_class_bind_template_child (widget_class, JkOutOfService, body_es);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_event);
}

static void
jk_out_of_service_init (JkOutOfService *self)
{
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  translate_to_spanish (self->title_es);
  translate_to_spanish (self->body_es);
  title = g_strdup_printf ("Job Kiosk: %s / %s", gtk_label_get_text (self->title_en),
                           gtk_label_get_text (self->title_es));
  gtk_window_set_title (GTK_WINDOW (self), title);
  name = g_strdup_printf ("%s %s %s %s", gtk_label_get_text (self->title_en), gtk_label_get_text (self->body_en),
                          gtk_label_get_text (self->title_es), gtk_label_get_text (self->body_es));
  atk_object_set_name (gtk_widget_get_accessible (GTK_WIDGET (self)), name);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

GtkWidget *
jk_out_of_service_new (void)
{
  return g_object_new (JK_TYPE_OUT_OF_SERVICE, NULL);
}
