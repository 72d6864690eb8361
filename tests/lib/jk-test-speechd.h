/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-speechd.h: a real speech-dispatcher speaking into a private PulseAudio, recorded and measured */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A private XDG_RUNTIME_DIR and HOME (set in this process's environment,
 * so libspeechd here and every child finds them), a private PulseAudio
 * with a null sink, and a speech-dispatcher configuration there that logs
 * what reaches the voice module. speech-dispatcher itself is autospawned
 * by the first client; stop() ends it by the pid file it writes, and the
 * PulseAudio and recorder it started by their pids. */
typedef struct _JkTestSpeechd JkTestSpeechd;

JkTestSpeechd *jk_test_speechd_start        (void);
void           jk_test_speechd_stop         (JkTestSpeechd *self);   /* safe to call twice */
const char    *jk_test_speechd_get_runtime_dir (JkTestSpeechd *self);
/* The environment for a child: this one with the private folders, without
 * SPEECHD_ADDRESS or PULSE_SERVER from outside. */
GStrv          jk_test_speechd_get_envp     (JkTestSpeechd *self);
/* Records the null sink's monitor into a WAV file until record_stop. */
void           jk_test_speechd_record_start (JkTestSpeechd *self,
                                             const char    *wav_path);
void           jk_test_speechd_record_stop  (JkTestSpeechd *self);
/* speech-dispatcher's log (its debug level shows each message as handed
 * to the module, and the module's language). */
char          *jk_test_speechd_read_log     (JkTestSpeechd *self);

typedef struct {
  double total_seconds;  /* the whole recording */
  double speech_seconds; /* with every pause over 0.3 s cut out (sox silence) */
  double rms;            /* RMS amplitude (0-1) of that speech */
} JkTestAudio;

/* Measures a WAV file with sox; fails the test when sox cannot. */
void           jk_test_audio_measure        (const char    *wav_path,
                                             JkTestAudio   *audio);

G_END_DECLS
