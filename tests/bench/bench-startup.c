/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-startup.c: time from exec to the first drawn frame, for jobkiosk
 * and for a bare GTK window in the same run, and jobkiosk's resident memory
 * at idle on the home page. Prints figures and ratios; never fails on a timer.
 * JK_BENCH_SIZE=tiny runs each program twice, to keep the benchmark working. */

#include <glib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "jk-bench-stats.h"
#include "jk-test-proc.h"

static char *db_dir;

static double
run_once_ms (const char *const *argv,
             char              **envp)
{
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int wait_status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &wait_status, &error))
    g_error ("cannot start %s: %s", argv[0], error->message);
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
    g_error ("%s did not reach its first frame (wait status %d)", argv[0], wait_status);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), jk_bench_compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static long
read_rss_kb (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return -1;
  line = strstr (contents, "VmRSS:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

static long
idle_rss_kb (const char *kiosk,
             const char *db)
{
  const char *argv[] = { kiosk, "--windowed", "--db", db, NULL };
  g_autoptr (GError) error = NULL;
  GPid pid;
  long rss;
  int wait_status;

  if (!g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    g_error ("cannot start %s: %s", kiosk, error->message);
  /* Home page shown and settled. */
  g_usleep (3 * G_USEC_PER_SEC);
  rss = read_rss_kb (pid);
  kill (pid, SIGTERM);
  waitpid (pid, &wait_status, 0);
  g_spawn_close_pid (pid);
  if (rss < 0)
    g_error ("jobkiosk exited before its memory could be read");
  return rss;
}

int
main (int   argc,
      char *argv[])
{
  const char *kiosk = g_getenv ("JK_JOBKIOSK");
  const char *bare = g_getenv ("JK_BARE_WINDOW");
  gboolean tiny = g_strcmp0 (g_getenv ("JK_BENCH_SIZE"), "tiny") == 0;
  guint runs = tiny ? 2 : 15;
  g_autofree double *kiosk_ms = g_new0 (double, runs);
  g_autofree double *bare_ms = g_new0 (double, runs);
  g_autofree double *bare_nogl_ms = g_new0 (double, runs);
  g_autofree char *db = NULL;
  g_auto (GStrv) env = g_get_environ ();
  g_auto (GStrv) env_nogl = g_environ_setenv (g_get_environ (), "GDK_GL", "disable", TRUE);
  double kiosk_median, bare_median, bare_nogl_median;
  long rss;

  g_assert (kiosk != NULL && bare != NULL);
  db_dir = g_dir_make_tmp ("jk-bench-XXXXXX", NULL);
  db = g_build_filename (db_dir, "jobkiosk.db", NULL);

  {
    const char *kiosk_argv[] = { kiosk, "--windowed", "--quit-after-first-frame", "--db", db, NULL };
    const char *bare_argv[] = { bare, NULL };

    /* One warm-up each, so all start with the same files in the page cache. */
    run_once_ms (kiosk_argv, env);
    run_once_ms (bare_argv, env);
    run_once_ms (bare_argv, env_nogl);
    for (guint i = 0; i < runs; i++)
      {
        kiosk_ms[i] = run_once_ms (kiosk_argv, env);
        bare_ms[i] = run_once_ms (bare_argv, env);
        bare_nogl_ms[i] = run_once_ms (bare_argv, env_nogl);
      }
  }
  kiosk_median = median (kiosk_ms, runs);
  bare_median = median (bare_ms, runs);
  bare_nogl_median = median (bare_nogl_ms, runs);
  rss = idle_rss_kb (kiosk, db);

  printf ("start-up to first frame (%u runs each, alternating):\n", runs);
  printf ("  jobkiosk     median %7.1f ms\n", kiosk_median);
  printf ("  bare window  median %7.1f ms (the floor)\n", bare_median);
  printf ("  ratio        %.2fx (target: at most 1.5x)\n", kiosk_median / bare_median);
  /* The kiosk turns off GDK's OpenGL probe; the same for the bare window
   * shows what the kiosk itself costs. */
  printf ("  bare window without the GL probe (GDK_GL=disable, as the kiosk runs) median %7.1f ms\n",
          bare_nogl_median);
  printf ("  ratio like for like %.2fx\n", kiosk_median / bare_nogl_median);
  printf ("resident memory at idle on the home page: %.1f MB (target: under 80 MB)\n", rss / 1024.0);

  jk_test_remove_tree (db_dir);
  return 0;
}
