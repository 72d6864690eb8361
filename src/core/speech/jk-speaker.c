/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-speaker.c: the interface every way of speaking implements */

#define G_LOG_DOMAIN "jk-speech"

#include "jobkiosk/jk-speaker.h"

G_DEFINE_INTERFACE (JkSpeaker, jk_speaker, G_TYPE_OBJECT)

G_DEFINE_QUARK (jk-speaker-error-quark, jk_speaker_error)

static void
jk_speaker_default_init (JkSpeakerInterface *iface)
{
}

void
jk_speaker_speak (JkSpeaker  *self,
                  JkSpeakKind kind,
                  const char *text,
                  const char *language,
                  JkSpeakMode mode)
{
  g_return_if_fail (JK_IS_SPEAKER (self));
  g_return_if_fail (text != NULL);

  JK_SPEAKER_GET_IFACE (self)->speak (self, kind, text, language, mode);
}

void
jk_speaker_stop (JkSpeaker *self)
{
  g_return_if_fail (JK_IS_SPEAKER (self));

  JK_SPEAKER_GET_IFACE (self)->stop (self);
}

void
jk_speaker_set_rate (JkSpeaker *self,
                     guint      rate)
{
  g_return_if_fail (JK_IS_SPEAKER (self));

  JK_SPEAKER_GET_IFACE (self)->set_rate (self, MIN (rate, 100));
}

void
jk_speaker_set_volume (JkSpeaker *self,
                       guint      volume)
{
  g_return_if_fail (JK_IS_SPEAKER (self));

  JK_SPEAKER_GET_IFACE (self)->set_volume (self, MIN (volume, 100));
}

gboolean
jk_speaker_check (JkSpeaker *self,
                  GError   **error)
{
  g_return_val_if_fail (JK_IS_SPEAKER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return JK_SPEAKER_GET_IFACE (self)->check (self, error);
}
