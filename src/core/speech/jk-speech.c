/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-speech.c: speech mode for one visit, and what goes to the speaker */

#define G_LOG_DOMAIN "jk-speech"

#include <string.h>

#include "jobkiosk/jk-i18n.h"
#include "jobkiosk/jk-speech.h"

/* Repeat says again at most this many lines: a screen's title and prompt,
 * a count, the results after it. */
#define MAX_REPEAT_LINES 40
/* Session data while speech is on. */
#define SPEECH_ON_KEY "jk-speech-on"

struct _JkSpeech
{
  GObject parent_instance;

  JkSession *session;
  JkSpeaker *speaker;
  guint default_rate;
  guint default_volume;

  gboolean active;
  guint rate;
  guint volume;
  GPtrArray *said; /* since the last interruption, for repeat */
};

enum {
  PROP_0,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (JkSpeech, jk_speech, G_TYPE_OBJECT)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static const char *
language (JkSpeech *self)
{
  return jk_session_get_language (self->session);
}

static void
speak (JkSpeech   *self,
       const char *text,
       JkSpeakMode mode)
{
  g_autofree char *clean = jk_speech_clean_text (text);

  if (clean[0] == '\0')
    return;
  if (mode == JK_SPEAK_INTERRUPT)
    g_ptr_array_set_size (self->said, 0);
  if (self->said->len < MAX_REPEAT_LINES)
    g_ptr_array_add (self->said, g_strdup (clean));
  jk_speaker_speak (self->speaker, JK_SPEAK_TEXT, clean, language (self), mode);
}

static void
restore_defaults (JkSpeech *self)
{
  self->rate = self->default_rate;
  self->volume = self->default_volume;
  jk_speaker_set_rate (self->speaker, self->rate);
  jk_speaker_set_volume (self->speaker, self->volume);
}

static void
set_active (JkSpeech *self,
            gboolean  active,
            gboolean  stop)
{
  active = !!active;
  if (self->active == active)
    return;
  if (!active && stop)
    jk_speaker_stop (self->speaker);
  /* Speech is the visit's: it keeps the visit from being pristine, so
   * the idle wipe ends it for the next visitor. */
  jk_session_set_data (self->session, SPEECH_ON_KEY, active ? GINT_TO_POINTER (1) : NULL, NULL);
  self->active = active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
on_session_reset (JkSession *session,
                  JkSpeech  *self)
{
  /* The visitor who pressed Finish hears that it was done; then speech
   * is off, and 402.3: the next visitor starts at the kiosk's own rate
   * and volume. */
  if (self->active)
    speak (self, _("Your information was cleared."), JK_SPEAK_INTERRUPT);
  set_active (self, FALSE, FALSE);
  restore_defaults (self);
  g_ptr_array_set_size (self->said, 0);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_speech_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  JkSpeech *self = JK_SPEECH (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jk_speech_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  JkSpeech *self = JK_SPEECH (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      jk_speech_set_active (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jk_speech_dispose (GObject *object)
{
  JkSpeech *self = JK_SPEECH (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->speaker);
  G_OBJECT_CLASS (jk_speech_parent_class)->dispose (object);
}

static void
jk_speech_finalize (GObject *object)
{
  JkSpeech *self = JK_SPEECH (object);

  g_ptr_array_unref (self->said);
  G_OBJECT_CLASS (jk_speech_parent_class)->finalize (object);
}

static void
jk_speech_class_init (JkSpeechClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = jk_speech_get_property;
  object_class->set_property = jk_speech_set_property;
  object_class->dispose = jk_speech_dispose;
  object_class->finalize = jk_speech_finalize;

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jk_speech_init (JkSpeech *self)
{
  self->said = g_ptr_array_new_with_free_func (g_free);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkSpeech *
jk_speech_new (JkSession *session,
               JkSpeaker *speaker,
               guint      default_rate,
               guint      default_volume)
{
  JkSpeech *self;

  g_return_val_if_fail (JK_IS_SESSION (session), NULL);
  g_return_val_if_fail (JK_IS_SPEAKER (speaker), NULL);

  self = g_object_new (JK_TYPE_SPEECH, NULL);
  self->session = g_object_ref (session);
  self->speaker = g_object_ref (speaker);
  self->default_rate = MIN (default_rate, 100);
  self->default_volume = MIN (default_volume, 100);
  restore_defaults (self);
  g_signal_connect (session, "reset", G_CALLBACK (on_session_reset), self);
  return self;
}

JkSpeaker *
jk_speech_get_speaker (JkSpeech *self)
{
  g_return_val_if_fail (JK_IS_SPEECH (self), NULL);

  return self->speaker;
}

gboolean
jk_speech_get_active (JkSpeech *self)
{
  g_return_val_if_fail (JK_IS_SPEECH (self), FALSE);

  return self->active;
}

void
jk_speech_set_active (JkSpeech *self,
                      gboolean  active)
{
  g_return_if_fail (JK_IS_SPEECH (self));

  set_active (self, active, TRUE);
}

void
jk_speech_say (JkSpeech   *self,
               const char *text,
               JkSpeakMode mode)
{
  g_return_if_fail (JK_IS_SPEECH (self));

  if (self->active && text != NULL)
    speak (self, text, mode);
}

void
jk_speech_say_character (JkSpeech *self,
                         gunichar  character)
{
  g_autofree char *name = NULL;

  g_return_if_fail (JK_IS_SPEECH (self));

  if (!self->active)
    return;
  name = jk_speech_text_character (character);
  jk_speaker_speak (self->speaker, JK_SPEAK_CHARACTER, name, language (self), JK_SPEAK_INTERRUPT);
}

void
jk_speech_say_tone (JkSpeech *self)
{
  g_return_if_fail (JK_IS_SPEECH (self));

  if (self->active)
    jk_speaker_speak (self->speaker, JK_SPEAK_TONE, C_ ("key read aloud", "digit"), language (self), JK_SPEAK_INTERRUPT);
}

void
jk_speech_repeat (JkSpeech *self)
{
  g_autoptr (GPtrArray) lines = NULL;

  g_return_if_fail (JK_IS_SPEECH (self));

  if (!self->active)
    return;
  /* speak() empties and refills self->said: read from a copy. */
  lines = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->said->len; i++)
    g_ptr_array_add (lines, g_strdup (self->said->pdata[i]));
  for (guint i = 0; i < lines->len; i++)
    speak (self, lines->pdata[i], i == 0 ? JK_SPEAK_INTERRUPT : JK_SPEAK_QUEUE);
}

void
jk_speech_stop (JkSpeech *self)
{
  g_return_if_fail (JK_IS_SPEECH (self));

  jk_speaker_stop (self->speaker);
}

static void
change (JkSpeech   *self,
        guint      *value,
        int         steps,
        void      (*apply) (JkSpeaker *, guint),
        const char *more,
        const char *less,
        const char *most,
        const char *least)
{
  int wanted = (int) *value + steps * JK_SPEECH_STEP;
  guint next = (guint) CLAMP (wanted, 0, 100);
  gboolean at_limit = next == *value;

  *value = next;
  apply (self->speaker, next);
  /* Said at the new setting, so the visitor hears the difference. */
  if (at_limit)
    jk_speech_say (self, steps > 0 ? most : least, JK_SPEAK_INTERRUPT);
  else
    jk_speech_say (self, steps > 0 ? more : less, JK_SPEAK_INTERRUPT);
}

void
jk_speech_change_rate (JkSpeech *self,
                       int       steps)
{
  g_return_if_fail (JK_IS_SPEECH (self));

  if (steps != 0)
    change (self, &self->rate, steps, jk_speaker_set_rate, _("Faster"), _("Slower"), _("This is the fastest"),
            _("This is the slowest"));
}

void
jk_speech_change_volume (JkSpeech *self,
                         int       steps)
{
  g_return_if_fail (JK_IS_SPEECH (self));

  if (steps != 0)
    change (self, &self->volume, steps, jk_speaker_set_volume, _("Louder"), _("Quieter"), _("This is the loudest"),
            _("This is the quietest"));
}

guint
jk_speech_get_rate (JkSpeech *self)
{
  g_return_val_if_fail (JK_IS_SPEECH (self), 0);

  return self->rate;
}

guint
jk_speech_get_volume (JkSpeech *self)
{
  g_return_val_if_fail (JK_IS_SPEECH (self), 0);

  return self->volume;
}

char *
jk_speech_clean_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autoptr (GString) out = g_string_new (NULL);
  glong chars = 0;
  gboolean space = FALSE;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Control and format characters (including zero-width ones) are
       * never handed on: some synthesizers read them as commands. */
      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
        {
          space = out->len > 0;
          continue;
        }
      if (chars >= JK_SPEECH_MAX_CHARS)
        {
          /* Cut at the last whole word. */
          const char *last_space = strrchr (out->str, ' ');

          if (last_space != NULL && last_space - out->str > (gssize) out->len / 2)
            g_string_truncate (out, (gsize) (last_space - out->str));
          g_string_append (out, "…");
          break;
        }
      if (space)
        {
          g_string_append_c (out, ' ');
          chars++;
          space = FALSE;
        }
      g_string_append_unichar (out, c);
      chars++;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
