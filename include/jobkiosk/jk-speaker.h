/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What actually speaks: speech-dispatcher on a kiosk (jk-speaker-spd.c),
 * a recorder in tests (jk-speaker-recorder.c). JkSpeech decides what is
 * said and when; a speaker only says it, and never blocks its caller. */

typedef enum {
  JK_SPEAK_INTERRUPT, /* stops what is being said and what waits: a focus change, a new screen */
  JK_SPEAK_QUEUE,     /* after what is being said: a count, each result, a status */
} JkSpeakMode;

typedef enum {
  JK_SPEAK_TEXT,      /* words, spoken as plain text: markup is never read as markup */
  JK_SPEAK_CHARACTER, /* one typed character, by its name ("a", "space") */
  JK_SPEAK_TONE,      /* a key pressed in a hidden field (a PIN): a short sound, or text ("digit") where the speaker has no sound */
} JkSpeakKind;

/* How fast and how loud, each 0-100 with 50 the voice's normal. */
#define JK_SPEECH_NORMAL 50

#define JK_TYPE_SPEAKER (jk_speaker_get_type ())
G_DECLARE_INTERFACE (JkSpeaker, jk_speaker, JK, SPEAKER, GObject)

struct _JkSpeakerInterface
{
  GTypeInterface parent_iface;

  void     (*speak)      (JkSpeaker  *self,
                          JkSpeakKind kind,
                          const char *text,
                          const char *language,
                          JkSpeakMode mode);
  void     (*stop)       (JkSpeaker  *self);
  void     (*set_rate)   (JkSpeaker  *self,
                          guint       rate);
  void     (*set_volume) (JkSpeaker  *self,
                          guint       volume);
  /* Whether speech can be heard now: blocks (a socket round trip), so
   * for the CLI and start-up checks, not the window. */
  gboolean (*check)      (JkSpeaker  *self,
                          GError    **error);
};

#define JK_SPEAKER_ERROR (jk_speaker_error_quark ())

typedef enum {
  JK_SPEAKER_ERROR_UNREACHABLE, /* speech-dispatcher not running and not startable */
  JK_SPEAKER_ERROR_FAILED,      /* it answered, but refused the text or the voice */
} JkSpeakerError;

GQuark    jk_speaker_error_quark (void);

/* language: "en" or "es". */
void      jk_speaker_speak       (JkSpeaker  *self,
                                  JkSpeakKind kind,
                                  const char *text,
                                  const char *language,
                                  JkSpeakMode mode);
void      jk_speaker_stop        (JkSpeaker  *self);
void      jk_speaker_set_rate    (JkSpeaker  *self,
                                  guint       rate);
void      jk_speaker_set_volume  (JkSpeaker  *self,
                                  guint       volume);
gboolean  jk_speaker_check       (JkSpeaker  *self,
                                  GError    **error);

G_END_DECLS
