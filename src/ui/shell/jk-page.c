/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-page.c: what all screens share */

#define G_LOG_DOMAIN "jk-page"

#include "jk-page.h"
#include "jk-retranslate.h"

typedef struct
{
  char *title;
  JkSession *session;
} JkPagePrivate;

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE_WITH_PRIVATE (JkPage, jk_page, GTK_TYPE_BOX)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
clear_editables (GtkWidget *widget,
                 gpointer   user_data)
{
  if (GTK_IS_EDITABLE (widget))
    gtk_editable_delete_text (GTK_EDITABLE (widget), 0, -1);
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "", 0);
  if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), clear_editables, NULL);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

/* Whatever a page adds, nothing typed survives a visit. */
static void
jk_page_real_reset (JkPage *self)
{
  gtk_container_forall (GTK_CONTAINER (self), clear_editables, NULL);
}

static void
jk_page_real_language_changed (JkPage *self)
{
  jk_retranslate_apply (GTK_WIDGET (self));
}

static void
jk_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  JkPage *self = JK_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, jk_page_get_title (self));
      break;
    case PROP_SESSION:
      g_value_set_object (value, jk_page_get_session (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jk_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  JkPage *self = JK_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      jk_page_set_title (self, g_value_get_string (value));
      break;
    case PROP_SESSION:
      jk_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jk_page_finalize (GObject *object)
{
  JkPagePrivate *priv = jk_page_get_instance_private (JK_PAGE (object));

  g_free (priv->title);
  g_clear_object (&priv->session);
  G_OBJECT_CLASS (jk_page_parent_class)->finalize (object);
}

static void
jk_page_class_init (JkPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = jk_page_get_property;
  object_class->set_property = jk_page_set_property;
  object_class->finalize = jk_page_finalize;

  klass->reset = jk_page_real_reset;
  klass->language_changed = jk_page_real_language_changed;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JK_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "jkpage");
}

static void
jk_page_init (JkPage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

const char *
jk_page_get_title (JkPage *self)
{
  JkPagePrivate *priv = jk_page_get_instance_private (self);

  return priv->title;
}

void
jk_page_set_title (JkPage     *self,
                   const char *title)
{
  JkPagePrivate *priv = jk_page_get_instance_private (self);

  if (g_strcmp0 (priv->title, title) == 0)
    return;
  g_free (priv->title);
  priv->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

JkSession *
jk_page_get_session (JkPage *self)
{
  JkPagePrivate *priv = jk_page_get_instance_private (self);

  return priv->session;
}

void
jk_page_set_session (JkPage    *self,
                     JkSession *session)
{
  JkPagePrivate *priv = jk_page_get_instance_private (self);

  if (g_set_object (&priv->session, session))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
jk_page_enter (JkPage *self)
{
  if (JK_PAGE_GET_CLASS (self)->enter != NULL)
    JK_PAGE_GET_CLASS (self)->enter (self);
}

void
jk_page_leave (JkPage *self)
{
  if (JK_PAGE_GET_CLASS (self)->leave != NULL)
    JK_PAGE_GET_CLASS (self)->leave (self);
}

void
jk_page_reset (JkPage *self)
{
  JK_PAGE_GET_CLASS (self)->reset (self);
}

void
jk_page_language_changed (JkPage *self)
{
  JK_PAGE_GET_CLASS (self)->language_changed (self);
}

void
jk_page_init_strings (JkPage *self)
{
  jk_retranslate_capture (GTK_WIDGET (self));
  jk_retranslate_apply (GTK_WIDGET (self));
}
