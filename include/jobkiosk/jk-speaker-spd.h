/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-speaker.h>

G_BEGIN_DECLS

/* The kiosk's voice: speech-dispatcher (libspeechd) with the configured
 * output module ("espeak-ng"). Requests go to a thread of its own, so a
 * slow or absent speech-dispatcher never holds up the window; the
 * connection is made there on the first request and made again after it
 * drops. */
#define JK_TYPE_SPEAKER_SPD (jk_speaker_spd_get_type ())
G_DECLARE_FINAL_TYPE (JkSpeakerSpd, jk_speaker_spd, JK, SPEAKER_SPD, GObject)

JkSpeakerSpd *jk_speaker_spd_new         (const char   *module);
/* How many requests to speak were handed to speech-dispatcher so far, and
 * when the last one was (g_get_monotonic_time): for the benchmark that
 * measures focus change to speech request. */
guint         jk_speaker_spd_get_handed  (JkSpeakerSpd *self,
                                          gint64       *last_time);
/* Blocks until what was handed has been spoken (speech-dispatcher's end
 * of speech), or timeout_ms passed: for jobkioskctl speak, which must
 * not exit before the staff member heard the line. FALSE on timeout. */
gboolean      jk_speaker_spd_wait_idle   (JkSpeakerSpd *self,
                                          guint         timeout_ms);

G_END_DECLS
