/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-speech-bar.c: the speech controls, shown while speech is on */

#define G_LOG_DOMAIN "jk-access"

#include "jk-speech-bar.h"

struct _JkSpeechBar
{
  GtkBox parent_instance;
};

G_DEFINE_FINAL_TYPE (JkSpeechBar, jk_speech_bar, GTK_TYPE_BOX)

static void
jk_speech_bar_class_init (JkSpeechBarClass *klass)
{
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass), "/org/jobkiosk/JobKiosk/access/jk-speech-bar.ui");
}

static void
jk_speech_bar_init (JkSpeechBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jk_speech_bar_new (void)
{
  return g_object_new (JK_TYPE_SPEECH_BAR, NULL);
}
