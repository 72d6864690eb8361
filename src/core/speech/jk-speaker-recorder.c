/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-speaker-recorder.c: a speaker that writes down what it would say */

#define G_LOG_DOMAIN "jk-speech"

#include "jobkiosk/jk-speaker-recorder.h"

struct _JkSpeakerRecorder
{
  GObject parent_instance;

  GMutex lock; /* speech may be asked for from any thread */
  GPtrArray *lines;
  guint rate;
  guint volume;
};

static void jk_speaker_recorder_speaker_init (JkSpeakerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JkSpeakerRecorder, jk_speaker_recorder, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (JK_TYPE_SPEAKER, jk_speaker_recorder_speaker_init))

static void
add_line (JkSpeakerRecorder *self,
          char              *line)
{
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->lines, line);
  g_mutex_unlock (&self->lock);
}

static void
recorder_speak (JkSpeaker  *speaker,
                JkSpeakKind kind,
                const char *text,
                const char *language,
                JkSpeakMode mode)
{
  JkSpeakerRecorder *self = JK_SPEAKER_RECORDER (speaker);
  const char *how = mode == JK_SPEAK_INTERRUPT ? "interrupt" : "queue";

  switch (kind)
    {
    case JK_SPEAK_CHARACTER:
      add_line (self, g_strdup_printf ("%s character: %s", language, text));
      break;
    case JK_SPEAK_TONE:
      add_line (self, g_strdup_printf ("%s tone: %s", language, text));
      break;
    case JK_SPEAK_TEXT:
    default:
      add_line (self, g_strdup_printf ("%s %s: %s", language, how, text));
      break;
    }
}

static void
recorder_stop (JkSpeaker *speaker)
{
  add_line (JK_SPEAKER_RECORDER (speaker), g_strdup ("stop"));
}

static void
recorder_set_rate (JkSpeaker *speaker,
                   guint      rate)
{
  JkSpeakerRecorder *self = JK_SPEAKER_RECORDER (speaker);

  g_atomic_int_set (&self->rate, rate);
  add_line (self, g_strdup_printf ("rate %u", rate));
}

static void
recorder_set_volume (JkSpeaker *speaker,
                     guint      volume)
{
  JkSpeakerRecorder *self = JK_SPEAKER_RECORDER (speaker);

  g_atomic_int_set (&self->volume, volume);
  add_line (self, g_strdup_printf ("volume %u", volume));
}

static gboolean
recorder_check (JkSpeaker *speaker,
                GError   **error)
{
  return TRUE;
}

static void
jk_speaker_recorder_speaker_init (JkSpeakerInterface *iface)
{
  iface->speak = recorder_speak;
  iface->stop = recorder_stop;
  iface->set_rate = recorder_set_rate;
  iface->set_volume = recorder_set_volume;
  iface->check = recorder_check;
}

static void
jk_speaker_recorder_finalize (GObject *object)
{
  JkSpeakerRecorder *self = JK_SPEAKER_RECORDER (object);

  g_ptr_array_unref (self->lines);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (jk_speaker_recorder_parent_class)->finalize (object);
}

static void
jk_speaker_recorder_class_init (JkSpeakerRecorderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jk_speaker_recorder_finalize;
}

static void
jk_speaker_recorder_init (JkSpeakerRecorder *self)
{
  g_mutex_init (&self->lock);
  self->lines = g_ptr_array_new_with_free_func (g_free);
  self->rate = JK_SPEECH_NORMAL;
  self->volume = JK_SPEECH_NORMAL;
}

JkSpeakerRecorder *
jk_speaker_recorder_new (void)
{
  return g_object_new (JK_TYPE_SPEAKER_RECORDER, NULL);
}

GStrv
jk_speaker_recorder_take_lines (JkSpeakerRecorder *self)
{
  GPtrArray *taken;

  g_return_val_if_fail (JK_IS_SPEAKER_RECORDER (self), NULL);

  g_mutex_lock (&self->lock);
  taken = g_steal_pointer (&self->lines);
  self->lines = g_ptr_array_new_with_free_func (g_free);
  g_mutex_unlock (&self->lock);
  g_ptr_array_add (taken, NULL);
  return (GStrv) g_ptr_array_free (taken, FALSE);
}

guint
jk_speaker_recorder_get_rate (JkSpeakerRecorder *self)
{
  g_return_val_if_fail (JK_IS_SPEAKER_RECORDER (self), 0);

  return g_atomic_int_get (&self->rate);
}

guint
jk_speaker_recorder_get_volume (JkSpeakerRecorder *self)
{
  g_return_val_if_fail (JK_IS_SPEAKER_RECORDER (self), 0);

  return g_atomic_int_get (&self->volume);
}
