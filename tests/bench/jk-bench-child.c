/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-bench-child.c: a program the benchmarks run and measure (wall, CPU and peak memory) */

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jk-bench-child.h"

extern char **environ;

gboolean
jk_bench_run_child (const char *const *argv,
                    const char        *log_path,
                    JkBenchChild      *run,
                    char             **failure)
{
  posix_spawn_file_actions_t actions;
  struct rusage usage;
  gint64 start;
  pid_t pid, waited;
  int rc;

  memset (run, 0, sizeof *run);
  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, log_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2 (&actions, STDOUT_FILENO, STDERR_FILENO);
  start = g_get_monotonic_time ();
  rc = posix_spawn (&pid, argv[0], &actions, NULL, (char *const *) argv, environ);
  posix_spawn_file_actions_destroy (&actions);
  if (rc != 0)
    {
      *failure = g_strdup_printf ("cannot start %s: %s", argv[0], g_strerror (rc));
      return FALSE;
    }
  do
    waited = wait4 (pid, &run->wait_status, 0, &usage);
  while (waited < 0 && errno == EINTR);
  run->wall_s = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  if (waited < 0)
    {
      *failure = g_strdup_printf ("cannot wait for %s: %s", argv[0], g_strerror (errno));
      return FALSE;
    }
  run->user_s = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6;
  run->sys_s = usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  run->maxrss_kb = usage.ru_maxrss;
  if (!WIFEXITED (run->wait_status) || WEXITSTATUS (run->wait_status) != 0)
    {
      g_autofree char *log = NULL;

      g_file_get_contents (log_path, &log, NULL, NULL);
      *failure = g_strdup_printf ("%s exited with wait status 0x%x:\n%s", argv[0], (guint) run->wait_status,
                                  log != NULL ? log : "(no output)");
      return FALSE;
    }
  return TRUE;
}
