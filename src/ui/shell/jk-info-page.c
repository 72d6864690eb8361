/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-info-page.c: a screen that only tells */

#define G_LOG_DOMAIN "jk-info-page"

#include <jobkiosk/jk-i18n.h>

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
  JkInfoPage *self = g_object_new (JK_TYPE_INFO_PAGE, "title", title, "prompt", body, NULL);

  gtk_image_set_from_icon_name (self->icon, icon_name, GTK_ICON_SIZE_DIALOG);
  gtk_image_set_pixel_size (self->icon, 96);
  jk_retranslate_set_label (self->heading, heading);
  jk_retranslate_set_label (self->body, body);
  return JK_PAGE (self);
}

/* Help: what it says. */
typedef struct {
  const char *title;
  const char *icon_name;
  const char *heading;
  const char *body;
} InfoText;

static const InfoText help = {
  N_("Help"), "help-browser-symbolic", N_("Need help? Ask staff at the front desk."),
  N_("Touch a big button to start. Use Back to go one step back and Home to start over. When you are done, touch \"Finish and clear my information\" so the next person cannot see what you did."),
};

static JkPage *
create (const JkPageInfo    *info,
        const JkPageContext *context)
{
  const InfoText *text = info->data;

  return jk_info_page_new (text->title, text->icon_name, text->heading, text->body);
}

const JkPageInfo jk_help_page_info = { "help", JK_PAGE_NO_KEYBOARD, create, &help };
