/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-speechd.c: speech-dispatcher, a private PulseAudio with a null sink, parecord and sox for speech tests */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "jk-test-proc.h"
#include "jk-test-speechd.h"

#define SINK "jk_null"
#define START_TIMEOUT_US (10 * G_USEC_PER_SEC)
#define POLL_US (20 * 1000)

struct _JkTestSpeechd {
  char *dir;
  char *runtime_dir;
  char *home;
  GPid pulse_pid;
  GPid speechd_pid;
  GPid record_pid;
};

static char *
find_tool (const char *name,
           const char *package)
{
  char *path = g_find_program_in_path (name);

  if (path == NULL)
    g_error ("jk-test-speechd: %s is missing (apt-get install %s)", name, package);
  return path;
}

/* Runs a tool to its end with the private environment; its stdout. */
static gboolean
run_tool (JkTestSpeechd *self,
          const char   **argv,
          char         **out,
          char         **err)
{
  g_auto (GStrv) envp = jk_test_speechd_get_envp (self);
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL, out, err, &status, &error))
    g_error ("jk-test-speechd: cannot run %s: %s", argv[0], error->message);
  return g_spawn_check_wait_status (status, NULL);
}

static gboolean
pactl_lists (JkTestSpeechd *self,
             const char    *what,
             const char    *needle)
{
  const char *argv[] = { "pactl", "list", "short", what, NULL };
  g_autofree char *out = NULL;

  if (!run_tool (self, argv, &out, NULL))
    return FALSE;
  return needle != NULL ? strstr (out, needle) != NULL : out[0] != '\0';
}

static GPid
spawn_child (JkTestSpeechd *self,
             const char   **argv,
             const char    *log_path)
{
  g_auto (GStrv) envp = jk_test_speechd_get_envp (self);
  g_autoptr (GError) error = NULL;
  int log_fd = g_open (log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  GPid pid;

  if (log_fd < 0)
    g_error ("jk-test-speechd: %s: %s", log_path, g_strerror (errno));
  if (!g_spawn_async_with_fds (self->dir, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD,
                               jk_test_child_setup, GINT_TO_POINTER ((int) getpid ()), &pid, -1, log_fd, log_fd,
                               &error))
    g_error ("jk-test-speechd: cannot run %s: %s", argv[0], error->message);
  close (log_fd);
  setpgid (pid, pid);
  return pid;
}

/* speech-dispatcher daemonizes, so it is no child of ours: the pid it
 * wrote, and only while that pid still is a speech-dispatcher. */
static void
stop_speech_dispatcher (JkTestSpeechd *self)
{
  g_autofree char *pid_file = g_build_filename (self->runtime_dir, "speech-dispatcher", "pid",
                                                "speech-dispatcher.pid", NULL);
  g_autofree char *text = jk_test_read_text (pid_file);
  pid_t pid = (pid_t) g_ascii_strtoll (text, NULL, 10);
  g_autofree char *comm_path = NULL;
  g_autofree char *comm = NULL;
  gint64 deadline;

  if (pid <= 1)
    return;
  comm_path = g_strdup_printf ("/proc/%d/comm", (int) pid);
  comm = jk_test_read_text (comm_path);
  if (!g_str_has_prefix (comm, "speech-dispatch"))
    return;   /* it already exited when idle */
  kill (pid, SIGTERM);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (kill (pid, 0) == 0 && g_get_monotonic_time () < deadline)
    g_usleep (POLL_US);
  if (kill (pid, 0) == 0)
    {
      g_warning ("jk-test-speechd: speech-dispatcher %d ignored SIGTERM for 5 s: SIGKILL", (int) pid);
      kill (pid, SIGKILL);
    }
}

/* ---------------------------------------------------------------------- */

JkTestSpeechd *
jk_test_speechd_start (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *pulseaudio = find_tool ("pulseaudio", "pulseaudio");
  g_autofree char *pactl = find_tool ("pactl", "pulseaudio-utils");
  g_autofree char *parecord = find_tool ("parecord", "pulseaudio-utils");
  g_autofree char *sox = find_tool ("sox", "sox");
  g_autofree char *speechd = find_tool ("speech-dispatcher", "speech-dispatcher");
  g_autofree char *config_dir = NULL;
  g_autofree char *config = NULL;
  g_autofree char *pulse_log = NULL;
  JkTestSpeechd *self;
  gint64 deadline;

  self = g_new0 (JkTestSpeechd, 1);
  self->dir = g_dir_make_tmp ("jk-test-speechd-XXXXXX", &error);
  if (self->dir == NULL)
    g_error ("jk-test-speechd: %s", error->message);
  self->runtime_dir = g_build_filename (self->dir, "run", NULL);
  self->home = g_build_filename (self->dir, "home", NULL);
  config_dir = g_build_filename (self->home, ".config", "speech-dispatcher", NULL);
  if (g_mkdir (self->runtime_dir, 0700) != 0 || g_mkdir_with_parents (config_dir, 0700) != 0)
    g_error ("jk-test-speechd: cannot make folders in %s", self->dir);
  /* Its own configuration (found through HOME): the debug level puts what
   * reaches the voice module in the log; the modules are found as a
   * fresh installation finds them. */
  config = g_build_filename (config_dir, "speechd.conf", NULL);
  if (!g_file_set_contents (config, "LogLevel 5\nDefaultModule espeak-ng\n", -1, &error))
    g_error ("jk-test-speechd: %s", error->message);

  /* libspeechd and PulseAudio's clients in this process and its children. */
  g_setenv ("XDG_RUNTIME_DIR", self->runtime_dir, TRUE);
  g_setenv ("HOME", self->home, TRUE);
  g_unsetenv ("SPEECHD_ADDRESS");
  g_unsetenv ("PULSE_SERVER");

  {
    /* In the foreground (--daemonize=no), so its pid is ours to end. */
    const char *argv[] = {
      pulseaudio, "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no", "--disallow-exit",
      "-L", "module-null-sink sink_name=" SINK, "-L", "module-native-protocol-unix", NULL
    };

    pulse_log = g_build_filename (self->dir, "pulseaudio.log", NULL);
    self->pulse_pid = spawn_child (self, argv, pulse_log);
  }
  jk_test_stop_at_exit (self, (JkTestStopFunc) jk_test_speechd_stop);

  deadline = g_get_monotonic_time () + START_TIMEOUT_US;
  while (!pactl_lists (self, "sinks", SINK))
    {
      if (g_get_monotonic_time () > deadline || jk_test_wait_for_exit (self->pulse_pid, 0))
        {
          g_autofree char *log = jk_test_read_text (pulse_log);

          g_error ("jk-test-speechd: PulseAudio did not start:\n%s", log);
        }
      g_usleep (POLL_US);
    }

  {
    /* Started here, in the foreground (-s, no idle exit), not autospawned:
     * its pid is ours to end, and no daemon's fork stands between. The
     * clients find its socket in the private runtime folder. */
    const char *argv[] = { speechd, "-s", "-t", "0", NULL };
    g_autofree char *speechd_log = g_build_filename (self->dir, "speech-dispatcher.out", NULL);
    g_autofree char *socket = g_build_filename (self->runtime_dir, "speech-dispatcher", "speechd.sock", NULL);

    self->speechd_pid = spawn_child (self, argv, speechd_log);
    deadline = g_get_monotonic_time () + START_TIMEOUT_US;
    while (!g_file_test (socket, G_FILE_TEST_EXISTS))
      {
        if (g_get_monotonic_time () > deadline || jk_test_wait_for_exit (self->speechd_pid, 0))
          {
            g_autofree char *log = jk_test_read_text (speechd_log);

            g_error ("jk-test-speechd: speech-dispatcher did not start:\n%s", log);
          }
        g_usleep (POLL_US);
      }
  }
  return self;
}

void
jk_test_speechd_stop (JkTestSpeechd *self)
{
  g_return_if_fail (self != NULL);

  if (self->record_pid > 0)
    jk_test_speechd_record_stop (self);
  if (self->speechd_pid > 0)
    {
      jk_test_terminate (self->speechd_pid, "speech-dispatcher");
      self->speechd_pid = 0;
    }
  else if (self->runtime_dir != NULL)
    stop_speech_dispatcher (self);
  if (self->pulse_pid > 0)
    {
      jk_test_terminate (self->pulse_pid, "pulseaudio");
      self->pulse_pid = 0;
    }
  if (self->dir != NULL)
    {
      /* JK_TEST_KEEP_SPEECHD=1 keeps the logs and the last recording. */
      if (g_getenv ("JK_TEST_KEEP_SPEECHD") == NULL)
        jk_test_remove_tree (self->dir);
      g_clear_pointer (&self->dir, g_free);
    }
  g_clear_pointer (&self->runtime_dir, g_free);
  g_clear_pointer (&self->home, g_free);
}

const char *
jk_test_speechd_get_runtime_dir (JkTestSpeechd *self)
{
  return self->runtime_dir;
}

GStrv
jk_test_speechd_get_envp (JkTestSpeechd *self)
{
  char **envp = g_get_environ ();

  envp = g_environ_setenv (envp, "XDG_RUNTIME_DIR", self->runtime_dir, TRUE);
  envp = g_environ_setenv (envp, "HOME", self->home, TRUE);
  envp = g_environ_unsetenv (envp, "SPEECHD_ADDRESS");
  envp = g_environ_unsetenv (envp, "PULSE_SERVER");
  return envp;
}

void
jk_test_speechd_record_start (JkTestSpeechd *self,
                              const char    *wav_path)
{
  g_autofree char *log = g_build_filename (self->dir, "parecord.log", NULL);
  const char *argv[] = { "parecord", "-d", SINK ".monitor", "--file-format=wav", wav_path, NULL };
  gint64 deadline = g_get_monotonic_time () + START_TIMEOUT_US;
  g_autofree char *path = find_tool ("parecord", "pulseaudio-utils");

  g_assert_cmpint (self->record_pid, ==, 0);
  argv[0] = path;
  self->record_pid = spawn_child (self, argv, log);
  /* Recording once PulseAudio lists its stream: nothing said is lost. */
  while (!pactl_lists (self, "source-outputs", NULL))
    {
      if (g_get_monotonic_time () > deadline || jk_test_wait_for_exit (self->record_pid, 0))
        g_error ("jk-test-speechd: parecord did not start recording");
      g_usleep (POLL_US);
    }
}

void
jk_test_speechd_record_stop (JkTestSpeechd *self)
{
  if (self->record_pid <= 0)
    return;
  /* SIGINT: parecord writes the WAV header's sizes and exits. */
  kill (self->record_pid, SIGINT);
  if (!jk_test_wait_for_exit (self->record_pid, 5 * G_USEC_PER_SEC))
    {
      g_warning ("jk-test-speechd: parecord %d ignored SIGINT: SIGKILL", (int) self->record_pid);
      jk_test_kill_group_and_reap (self->record_pid);
    }
  self->record_pid = 0;
}

char *
jk_test_speechd_read_log (JkTestSpeechd *self)
{
  g_autofree char *path = g_build_filename (self->runtime_dir, "speech-dispatcher", "log", "speech-dispatcher.log",
                                            NULL);

  return jk_test_read_text (path);
}

static double
stat_value (const char *text,
            const char *label)
{
  const char *line = strstr (text, label);

  if (line == NULL)
    return 0;
  line = strchr (line, ':');
  return line != NULL ? g_ascii_strtod (line + 1, NULL) : 0;
}

void
jk_test_audio_measure (const char  *wav_path,
                       JkTestAudio *audio)
{
  g_autofree char *sox = find_tool ("sox", "sox");
  /* stat writes on stderr. Pauses over 0.3 s below 1 % of full scale
   * (the silence between words and sentences is shorter) are cut. */
  const char *all_argv[] = { sox, wav_path, "-n", "stat", NULL };
  const char *speech_argv[] = { sox, wav_path, "-n", "silence", "1", "0.05", "1%", "-1", "0.3", "1%", "stat", NULL };
  g_autofree char *all = NULL;
  g_autofree char *speech = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) all_argv, NULL, 0, NULL, NULL, NULL, &all, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("jk-test-speechd: sox %s: %s", wav_path, error->message);
  if (!g_spawn_sync (NULL, (char **) speech_argv, NULL, 0, NULL, NULL, NULL, &speech, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("jk-test-speechd: sox %s: %s", wav_path, error->message);
  audio->total_seconds = stat_value (all, "Length (seconds)");
  audio->speech_seconds = stat_value (speech, "Length (seconds)");
  audio->rms = stat_value (speech, "RMS     amplitude");
  g_test_message ("%s: %.2f s recorded, %.2f s of speech, RMS %.3f", wav_path, audio->total_seconds,
                  audio->speech_seconds, audio->rms);
}
