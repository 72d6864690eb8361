/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-home-page.c: the big tiles and the display choices */

#define G_LOG_DOMAIN "jk-home-page"

#include <jobkiosk/jk-i18n.h>

#include "jk-home-page.h"

struct _JkHomePage
{
  JkPage parent_instance;

  GtkToggleButton *high_contrast_toggle;
  GtkToggleButton *large_text_toggle;
  GtkWidget *typing_button;
  const JkConfig *config;  /* the application's, read at each visit: staff may change it */
  GBinding *high_contrast_binding;
  GBinding *large_text_binding;
};

G_DEFINE_FINAL_TYPE (JkHomePage, jk_home_page, JK_TYPE_PAGE)

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_session_changed (JkHomePage *self)
{
  JkSession *session = jk_page_get_session (JK_PAGE (self));

  g_clear_pointer (&self->high_contrast_binding, g_binding_unbind);
  g_clear_pointer (&self->large_text_binding, g_binding_unbind);
  if (session == NULL)
    return;
  self->high_contrast_binding =
    g_object_bind_property (session, "high-contrast", self->high_contrast_toggle, "active",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  self->large_text_binding =
    g_object_bind_property (session, "large-text", self->large_text_toggle, "active",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_home_page_enter (JkPage *page)
{
  JkHomePage *self = JK_HOME_PAGE (page);

  /* The typing test's only way in, and only with a real keyboard. */
  gtk_widget_set_visible (self->typing_button, self->config != NULL && self->config->physical_keyboard);
}

/* Each visit starts here, so the next one sees a changed setting. */
static void
jk_home_page_reset (JkPage *page)
{
  JK_PAGE_CLASS (jk_home_page_parent_class)->reset (page);
  jk_home_page_enter (page);
}

static void
jk_home_page_class_init (JkHomePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JkPageClass *page_class = JK_PAGE_CLASS (klass);

  page_class->enter = jk_home_page_enter;
  page_class->reset = jk_home_page_reset;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/shell/jk-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JkHomePage, high_contrast_toggle);
  gtk_widget_class_bind_template_child (widget_class, JkHomePage, large_text_toggle);
  gtk_widget_class_bind_template_child (widget_class, JkHomePage, typing_button);
}

static void
jk_home_page_init (JkHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jk_page_init_strings (JK_PAGE (self));
  g_signal_connect (self, "notify::session", G_CALLBACK (on_session_changed), NULL);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkPage *
jk_home_page_new (void)
{
  /* TRANSLATORS: the home screen's title in the top bar */
  return g_object_new (JK_TYPE_HOME_PAGE, "title", N_("Welcome"), "prompt",
                       N_("What would you like to do? Find a job, Pay and careers, Build a resume, or Check in. "
                          "Press Down to go through the choices, and Select to choose one."),
                       NULL);
}

static JkPage *
create (const JkPageInfo   *info,
        const JkPageContext *context)
{
  JkPage *page = jk_home_page_new ();

  JK_HOME_PAGE (page)->config = context->config;
  jk_home_page_enter (page);
  return page;
}

const JkPageInfo jk_home_page_info = { "home", JK_PAGE_HOME | JK_PAGE_NO_KEYBOARD, create };
