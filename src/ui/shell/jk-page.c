/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-page.c: what all screens share */

#define G_LOG_DOMAIN "jk-page"

#include <jobkiosk/jk-task.h>

#include "jk-page.h"
#include "jk-retranslate.h"

typedef struct
{
  char *title;
  char *prompt;
  JkSession *session;
  JkSpeech *speech;
  const JkPageInfo *info;
  guint step;
  guint n_steps;
  GCancellable *cancellable; /* the page's running work; NULL when none ran */
  GtkWidget *main_action;    /* a child of the page, not referenced */
} JkPagePrivate;

enum {
  PROP_0,
  PROP_TITLE,
  PROP_PROMPT,
  PROP_SESSION,
  PROP_STEP,
  N_PROPS
};

enum {
  SIGNAL_NAVIGATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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
    case PROP_PROMPT:
      g_value_set_string (value, jk_page_get_prompt (self));
      break;
    case PROP_SESSION:
      g_value_set_object (value, jk_page_get_session (self));
      break;
    case PROP_STEP:
      g_value_set_uint (value, jk_page_get_step (self));
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
    case PROP_PROMPT:
      jk_page_set_prompt (self, g_value_get_string (value));
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
  g_free (priv->prompt);
  g_clear_object (&priv->session);
  g_clear_object (&priv->speech);
  if (priv->cancellable != NULL)
    g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
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
  properties[PROP_PROMPT] =
    g_param_spec_string ("prompt", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, JK_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP] =
    g_param_spec_uint ("step", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_NAVIGATE] = g_signal_new ("navigate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                           NULL, G_TYPE_NONE, 3, G_TYPE_POINTER, G_TYPE_VARIANT,
                                           G_TYPE_BOOLEAN);

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

const char *
jk_page_get_prompt (JkPage *self)
{
  JkPagePrivate *priv = jk_page_get_instance_private (self);

  return priv->prompt;
}

void
jk_page_set_prompt (JkPage     *self,
                    const char *prompt)
{
  JkPagePrivate *priv = jk_page_get_instance_private (self);

  if (g_strcmp0 (priv->prompt, prompt) == 0)
    return;
  g_free (priv->prompt);
  priv->prompt = g_strdup (prompt);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROMPT]);
}

JkSpeech *
jk_page_get_speech (JkPage *self)
{
  JkPagePrivate *priv = jk_page_get_instance_private (self);

  return priv->speech;
}

void
jk_page_set_speech (JkPage   *self,
                    JkSpeech *speech)
{
  JkPagePrivate *priv = jk_page_get_instance_private (self);

  g_set_object (&priv->speech, speech);
}

void
jk_page_say (JkPage      *self,
             const char  *text,
             JkSpeakMode  mode)
{
  JkPagePrivate *priv = jk_page_get_instance_private (self);

  if (priv->speech != NULL && text != NULL)
    jk_speech_say (priv->speech, text, mode);
}

gboolean
jk_page_is_speaking (JkPage *self)
{
  JkPagePrivate *priv = jk_page_get_instance_private (self);

  return priv->speech != NULL && jk_speech_get_active (priv->speech);
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

const JkPageInfo *
jk_page_get_info (JkPage *self)
{
  JkPagePrivate *priv = jk_page_get_instance_private (self);

  return priv->info;
}

void
jk_page_set_info (JkPage           *self,
                  const JkPageInfo *info)
{
  JkPagePrivate *priv = jk_page_get_instance_private (self);

  priv->info = info;
}

void
jk_page_set_step (JkPage *self,
                  guint   step,
                  guint   n_steps)
{
  JkPagePrivate *priv = jk_page_get_instance_private (self);

  if (priv->step == step && priv->n_steps == n_steps)
    return;
  priv->step = step;
  priv->n_steps = n_steps;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

guint
jk_page_get_step (JkPage *self)
{
  JkPagePrivate *priv = jk_page_get_instance_private (self);

  return priv->step;
}

guint
jk_page_get_n_steps (JkPage *self)
{
  JkPagePrivate *priv = jk_page_get_instance_private (self);

  return priv->n_steps;
}

void
jk_page_set_main_action (JkPage    *self,
                         GtkWidget *action)
{
  JkPagePrivate *priv = jk_page_get_instance_private (self);

  g_return_if_fail (action == NULL || gtk_widget_is_ancestor (action, GTK_WIDGET (self)));
  if (priv->main_action != NULL)
    gtk_style_context_remove_class (gtk_widget_get_style_context (priv->main_action), "main-action");
  priv->main_action = action;
  if (action != NULL)
    gtk_style_context_add_class (gtk_widget_get_style_context (action), "main-action");
}

GtkWidget *
jk_page_get_main_action (JkPage *self)
{
  JkPagePrivate *priv = jk_page_get_instance_private (self);

  return priv->main_action;
}

void
jk_page_navigate (JkPage           *self,
                  const JkPageInfo *target,
                  GVariant         *argument)
{
  g_autoptr (GVariant) sunk = argument != NULL ? g_variant_ref_sink (argument) : NULL;

  g_signal_emit (self, signals[SIGNAL_NAVIGATE], 0, target, sunk, FALSE);
}

void
jk_page_replace (JkPage           *self,
                 const JkPageInfo *target)
{
  g_signal_emit (self, signals[SIGNAL_NAVIGATE], 0, target, NULL, TRUE);
}

void
jk_page_run (JkPage         *self,
             const char     *name,
             JkPageWorkFunc  work,
             JkPageDoneFunc  done,
             gpointer        data,
             GDestroyNotify  free_data)
{
  JkPagePrivate *priv = jk_page_get_instance_private (self);

  if (priv->cancellable == NULL)
    priv->cancellable = g_cancellable_new ();
  jk_task_run (self, priv->cancellable, name, work, (JkTaskDoneFunc) done, data, free_data);
}

void
jk_page_cancel_work (JkPage *self)
{
  JkPagePrivate *priv = jk_page_get_instance_private (self);

  if (priv->cancellable == NULL)
    return;
  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
}

gboolean
jk_page_prepare (JkPage   *self,
                 GVariant *argument)
{
  if (JK_PAGE_GET_CLASS (self)->prepare != NULL)
    return JK_PAGE_GET_CLASS (self)->prepare (self, argument);
  return TRUE;
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
  jk_page_cancel_work (self);
  if (JK_PAGE_GET_CLASS (self)->leave != NULL)
    JK_PAGE_GET_CLASS (self)->leave (self);
}

void
jk_page_reset (JkPage *self)
{
  jk_page_cancel_work (self);
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

GtkWidget *
jk_page_add_label (GtkBox     *box,
                   const char *text,
                   const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
  if (style_class != NULL)
    gtk_style_context_add_class (gtk_widget_get_style_context (label), style_class);
  gtk_widget_show (label);
  gtk_container_add (GTK_CONTAINER (box), label);
  return label;
}
