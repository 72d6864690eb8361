/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-speaker.h>

G_BEGIN_DECLS

/* A speaker that writes down what it is asked to say, for tests: each
 * request one line, "LANG MODE: text" ("en interrupt: Find a job. …",
 * "es queue: …", "en character: c", "en tone: digit"), and "stop", "rate N",
 * "volume N" for the other calls. */
#define JK_TYPE_SPEAKER_RECORDER (jk_speaker_recorder_get_type ())
G_DECLARE_FINAL_TYPE (JkSpeakerRecorder, jk_speaker_recorder, JK, SPEAKER_RECORDER, GObject)

JkSpeakerRecorder *jk_speaker_recorder_new        (void);
/* The lines written since the last take, oldest first; NULL-terminated. */
GStrv              jk_speaker_recorder_take_lines (JkSpeakerRecorder *self);
guint              jk_speaker_recorder_get_rate   (JkSpeakerRecorder *self);
guint              jk_speaker_recorder_get_volume (JkSpeakerRecorder *self);

G_END_DECLS
