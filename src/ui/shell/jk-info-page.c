/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-info-page.c: a screen that only tells */

#define G_LOG_DOMAIN "jk-info-page"

#include "jk-info-page.h"
#include "jk-retranslate.h"

struct _JkInfoPage
{
  JkPage parent_instance;

  GtkImage *icon;
  GtkLabel *heading;
  GtkLabel *body;
};

G_DEFINE_FINAL_TYPE (JkInfoPage, jk_info_page, JK_TYPE_PAGE)

static void
jk_info_page_class_init (JkInfoPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/shell/jk-info-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JkInfoPage, icon);
  gtk_widget_class_bind_template_child (widget_class, JkInfoPage, heading);
  gtk_widget_class_bind_template_child (widget_class, JkInfoPage, body);
}

static void
jk_info_page_init (JkInfoPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

JkPage *
jk_info_page_new (const char *title,
                  const char *icon_name,
                  const char *heading,
                  const char *body)
{
  JkInfoPage *self = g_object_new (JK_TYPE_INFO_PAGE, "title", title, NULL);

  gtk_image_set_from_icon_name (self->icon, icon_name, GTK_ICON_SIZE_DIALOG);
  gtk_image_set_pixel_size (self->icon, 96);
  jk_retranslate_set_label (self->heading, heading);
  jk_retranslate_set_label (self->body, body);
  return JK_PAGE (self);
}
