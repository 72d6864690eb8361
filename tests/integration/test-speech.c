/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-speech.c: the kiosk's real voice, recorded from a private PulseAudio and measured */

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <jobkiosk/jk-session.h>
#include <jobkiosk/jk-speaker-spd.h>
#include <jobkiosk/jk-speech.h>

#include "jk-test.h"
#include "jk-test-proc.h"
#include "jk-test-speechd.h"

/* About ten words: espeak-ng at the normal rate says them in 3 to 5 s. */
#define SENTENCE_EN "Welcome to the job center. Press the green button to start your search."
#define SENTENCE_ES "Bienvenido al centro de empleo. Pulse el botón verde para empezar su búsqueda."
#define MIN_SPEECH_S 1.5
#define MAX_SPEECH_S 8.0
/* Silence is 0; espeak-ng at the normal volume is about 0.08-0.15. */
#define MIN_RMS 0.03
#define IDLE_TIMEOUT_MS (120 * 1000)

/* One private PulseAudio and speech-dispatcher for the whole program: a
 * process keeps the XDG folders it first saw (libspeechd's autospawn then
 * points a new server at the first HOME's configuration). */
static JkTestSpeechd *speechd;

typedef struct {
  JkTestSpeechd *speechd;
  char *wav;
  gsize log_start; /* what speech-dispatcher logged before this case */
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autofree char *log = jk_test_speechd_read_log (speechd);

  fixture->speechd = speechd;
  fixture->wav = g_build_filename (jk_test_speechd_get_runtime_dir (speechd), "speech.wav", NULL);
  fixture->log_start = strlen (log);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_unlink (fixture->wav);
  g_free (fixture->wav);
}

/* What speech-dispatcher logged during this case. */
static char *
read_log (Fixture *fixture)
{
  g_autofree char *log = jk_test_speechd_read_log (fixture->speechd);

  return g_strdup (strlen (log) >= fixture->log_start ? log + fixture->log_start : log);
}

typedef struct {
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

static void
speak (Fixture    *fixture,
       Run        *run,
       const char *const *extra_env,
       const char *const *args)
{
  g_auto (GStrv) envp = jk_test_speechd_get_envp (fixture->speechd);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *ctl = g_getenv ("JK_JOBKIOSKCTL");

  g_assert_nonnull (ctl);
  for (guint i = 0; extra_env != NULL && extra_env[i] != NULL; i += 2)
    envp = g_environ_setenv (envp, extra_env[i], extra_env[i + 1], TRUE);
  g_ptr_array_add (argv, (gpointer) ctl);
  g_ptr_array_add (argv, (gpointer) "speak");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &run->out, &run->err,
                               &run->status, &error));
  g_test_message ("jobkioskctl speak: status %d, stderr: %s", run->status, run->err);
}

/* Records what `jobkioskctl speak ARGS` says, measured. */
static void
record_speak (Fixture           *fixture,
              const char *const *args,
              JkTestAudio       *audio)
{
  Run run = { 0 };

  jk_test_speechd_record_start (fixture->speechd, fixture->wav);
  speak (fixture, &run, NULL, args);
  jk_test_speechd_record_stop (fixture->speechd);
  g_assert_true (g_spawn_check_wait_status (run.status, NULL));
  g_assert_cmpstr (run.err, ==, "");
  jk_test_audio_measure (fixture->wav, audio);
  run_clear (&run);
}

static void
assert_sentence (const JkTestAudio *audio)
{
  g_assert_cmpfloat (audio->speech_seconds, >, MIN_SPEECH_S);
  g_assert_cmpfloat (audio->speech_seconds, <, MAX_SPEECH_S);
  g_assert_cmpfloat (audio->rms, >, MIN_RMS);
}

/* ---------------------------------------------------------------------- */

static void
test_cli_english (Fixture      *fixture,
                  gconstpointer data)
{
  JkTestAudio audio;

  record_speak (fixture, (const char *const[]) { SENTENCE_EN, NULL }, &audio);
  assert_sentence (&audio);
}

static void
test_cli_spanish (Fixture      *fixture,
                  gconstpointer data)
{
  JkTestAudio es, en;
  g_autofree char *log = NULL;
  const char *handed;

  record_speak (fixture, (const char *const[]) { "--lang", "es", SENTENCE_ES, NULL }, &es);
  assert_sentence (&es);
  /* speech-dispatcher handed the Spanish sentence to espeak-ng with the
   * language es (its debug log lists the settings sent with a message). */
  log = read_log (fixture);
  handed = strstr (log, "Bienvenido al centro de empleo");
  g_assert_nonnull (handed);
  g_assert_nonnull (strstr (log, "language=es"));
  g_assert_null (strstr (log, "language=en"));

  /* And the Spanish voice sounds unlike the English one reading the same
   * words (seen: RMS 0.083 in Spanish, 0.105 in English). */
  record_speak (fixture, (const char *const[]) { "--lang", "en", SENTENCE_ES, NULL }, &en);
  assert_sentence (&en);
  g_test_message ("same text: es %.2f s RMS %.3f, en %.2f s RMS %.3f", es.speech_seconds, es.rms, en.speech_seconds,
                  en.rms);
  g_assert_true (fabs (es.rms - en.rms) > 0.1 * MAX (es.rms, en.rms) ||
                 fabs (es.speech_seconds - en.speech_seconds) > 0.1 * MAX (es.speech_seconds, en.speech_seconds));
}

static void
test_ssml_spoken_as_text (Fixture      *fixture,
                          gconstpointer data)
{
  JkTestAudio audio;
  g_autofree char *log = NULL;

  record_speak (fixture, (const char *const[]) { "<speak><break time=\"10s\"/></speak> hello", NULL }, &audio);
  /* Read as SSML it would be 10 s of silence and then "hello" (0.4 s);
   * read as text it is a few seconds of words. */
  g_assert_cmpfloat (audio.speech_seconds, >, 1.0);
  g_assert_cmpfloat (audio.total_seconds, <, 10.0);
  g_assert_cmpfloat (audio.rms, >, MIN_RMS);
  /* The module got it escaped, as text. */
  log = read_log (fixture);
  g_assert_nonnull (strstr (log, "&lt;break time=\"10s\"/&gt;"));
}

static void
test_unreachable (Fixture      *fixture,
                  gconstpointer data)
{
  g_autofree char *dead = g_build_filename (jk_test_speechd_get_runtime_dir (fixture->speechd), "dead.sock", NULL);
  g_autofree char *address = g_strconcat ("unix_socket:", dead, NULL);
  Run run = { 0 };

  /* An address of its own: libspeechd does not start a server for it. */
  speak (fixture, &run, (const char *const[]) { "SPEECHD_ADDRESS", address, NULL },
         (const char *const[]) { "Hello", NULL });
  g_assert_false (g_spawn_check_wait_status (run.status, NULL));
  g_assert_true (g_str_has_prefix (run.err, "jobkioskctl speak: Speech is not available: "
                                            "speech-dispatcher could not be reached ("));
  /* One line. */
  g_assert_true (g_str_has_suffix (run.err, ").\n"));
  g_assert_true (strchr (run.err, '\n') == strrchr (run.err, '\n'));
  run_clear (&run);
}

static void
test_long_title (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr (JkSession) session = jk_session_new ("en", FALSE, FALSE);
  g_autoptr (JkSpeakerSpd) speaker = jk_speaker_spd_new ("espeak-ng");
  g_autoptr (JkSpeech) speech = NULL;
  g_autoptr (GString) title = g_string_new (NULL);
  JkTestAudio audio;

  while (title->len < 10000)
    g_string_append (title, "Senior line cook ");
  g_string_truncate (title, 10000);
  /* The fastest rate keeps the test short: about 100 words still take
   * several seconds; uncut, the title's 1 800 words would take minutes. */
  speech = jk_speech_new (session, JK_SPEAKER (speaker), 100, JK_SPEECH_NORMAL);
  jk_speech_set_active (speech, TRUE);

  jk_test_speechd_record_start (fixture->speechd, fixture->wav);
  jk_speech_say (speech, title->str, JK_SPEAK_INTERRUPT);
  g_assert_true (jk_speaker_spd_wait_idle (speaker, IDLE_TIMEOUT_MS));
  jk_test_speechd_record_stop (fixture->speechd);
  jk_test_audio_measure (fixture->wav, &audio);
  g_assert_cmpuint (jk_speaker_spd_get_handed (speaker, NULL), ==, 1);
  g_assert_cmpfloat (audio.speech_seconds, >, 3.0);
  g_assert_cmpfloat (audio.speech_seconds, <, 60.0);
  g_assert_cmpfloat (audio.rms, >, MIN_RMS);
}

/* JkSpeakerSpd itself against the real server. */

#define LONG_TEXT "One, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve, thirteen, fourteen, " \
                  "fifteen, sixteen, seventeen, eighteen, nineteen, twenty, twenty-one, twenty-two, twenty-three."

static void
wait_handed (JkSpeakerSpd *speaker,
             guint         count)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (jk_speaker_spd_get_handed (speaker, NULL) < count)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (10 * 1000);
    }
}

static void
test_speaker_queue (Fixture      *fixture,
                    gconstpointer data)
{
  g_autoptr (JkSpeakerSpd) speaker = jk_speaker_spd_new ("espeak-ng");
  JkSpeaker *s = JK_SPEAKER (speaker);
  JkTestAudio one, both;
  g_autoptr (GError) error = NULL;

  jk_speaker_check (s, &error);
  g_assert_no_error (error);
  jk_test_speechd_record_start (fixture->speechd, fixture->wav);
  jk_speaker_speak (s, JK_SPEAK_TEXT, SENTENCE_EN, "en", JK_SPEAK_QUEUE);
  g_assert_true (jk_speaker_spd_wait_idle (speaker, IDLE_TIMEOUT_MS));
  jk_test_speechd_record_stop (fixture->speechd);
  jk_test_audio_measure (fixture->wav, &one);

  /* Queued after it, the second line is said too, not instead. */
  jk_test_speechd_record_start (fixture->speechd, fixture->wav);
  jk_speaker_speak (s, JK_SPEAK_TEXT, SENTENCE_EN, "en", JK_SPEAK_QUEUE);
  jk_speaker_speak (s, JK_SPEAK_TEXT, SENTENCE_EN, "en", JK_SPEAK_QUEUE);
  g_assert_true (jk_speaker_spd_wait_idle (speaker, IDLE_TIMEOUT_MS));
  jk_test_speechd_record_stop (fixture->speechd);
  jk_test_audio_measure (fixture->wav, &both);
  g_assert_cmpuint (jk_speaker_spd_get_handed (speaker, NULL), ==, 3);
  g_assert_cmpfloat (both.speech_seconds, >, 1.6 * one.speech_seconds);
}

static void
test_speaker_interrupt (Fixture      *fixture,
                        gconstpointer data)
{
  g_autoptr (JkSpeakerSpd) speaker = jk_speaker_spd_new ("espeak-ng");
  JkSpeaker *s = JK_SPEAKER (speaker);
  JkTestAudio audio;
  gint64 before, last;

  jk_test_speechd_record_start (fixture->speechd, fixture->wav);
  jk_speaker_speak (s, JK_SPEAK_TEXT, LONG_TEXT, "en", JK_SPEAK_QUEUE);
  jk_speaker_speak (s, JK_SPEAK_TEXT, LONG_TEXT, "en", JK_SPEAK_QUEUE);
  /* Both are with speech-dispatcher, one speaking and one waiting there. */
  wait_handed (speaker, 2);
  before = g_get_monotonic_time ();
  jk_speaker_speak (s, JK_SPEAK_TEXT, "Find a job. What kind of work?", "en", JK_SPEAK_INTERRUPT);
  wait_handed (speaker, 3);
  jk_speaker_spd_get_handed (speaker, &last);
  g_assert_cmpint (last, >=, before);
  g_assert_true (jk_speaker_spd_wait_idle (speaker, IDLE_TIMEOUT_MS));
  jk_test_speechd_record_stop (fixture->speechd);
  jk_test_audio_measure (fixture->wav, &audio);
  /* Twice twenty-three numbers take over 25 s: cancelled, what was heard
   * is the start of the first and the new screen's line (about 1.5 s). */
  g_assert_cmpfloat (audio.speech_seconds, <, 5.0);
  g_assert_cmpfloat (audio.speech_seconds, >, 0.8);

  /* Stop silences what waits, and nothing else is said. */
  jk_test_speechd_record_start (fixture->speechd, fixture->wav);
  jk_speaker_speak (s, JK_SPEAK_TEXT, LONG_TEXT, "en", JK_SPEAK_QUEUE);
  jk_speaker_speak (s, JK_SPEAK_TEXT, LONG_TEXT, "en", JK_SPEAK_QUEUE);
  wait_handed (speaker, 5);
  jk_speaker_stop (s);
  g_assert_true (jk_speaker_spd_wait_idle (speaker, IDLE_TIMEOUT_MS));
  jk_test_speechd_record_stop (fixture->speechd);
  jk_test_audio_measure (fixture->wav, &audio);
  g_assert_cmpfloat (audio.speech_seconds, <, 3.0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  JK_TEST_ADD ("/speech/cli/english", Fixture, test_cli_english);
  JK_TEST_ADD ("/speech/cli/spanish", Fixture, test_cli_spanish);
  JK_TEST_ADD ("/speech/cli/ssml-spoken-as-text", Fixture, test_ssml_spoken_as_text);
  JK_TEST_ADD ("/speech/cli/unreachable", Fixture, test_unreachable);
  JK_TEST_ADD ("/speech/long-title", Fixture, test_long_title);
  JK_TEST_ADD ("/speech/speaker/queue", Fixture, test_speaker_queue);
  JK_TEST_ADD ("/speech/speaker/interrupt", Fixture, test_speaker_interrupt);

  speechd = jk_test_speechd_start ();
  status = g_test_run ();
  jk_test_speechd_stop (speechd);
  return status;
}
