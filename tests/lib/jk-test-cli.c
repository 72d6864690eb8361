/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-cli.c: the built programs (jobkioskctl, jobkiosk) run as a person would, their exit status and output kept */

#include <sys/wait.h>

#include "jk-test-cli.h"

void
jk_test_run_clear (JkTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
jk_test_run_program (JkTestRun         *run,
                     const char        *env_var,
                     const char *const *envp,
                     const char *const *head,
                     const char *const *args)
{
  const char *program = g_getenv (env_var);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int wait_status;

  g_assert_nonnull (program);
  g_ptr_array_add (argv, (gpointer) program);
  for (guint i = 0; head != NULL && head[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) head[i]);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, (char **) envp, G_SPAWN_DEFAULT, NULL, NULL, &run->out,
                               &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

void
jk_test_run_ctl (JkTestRun         *run,
                 const char        *language,
                 const char *const *head,
                 const char *const *args)
{
  g_auto (GStrv) envp = NULL;

  if (language != NULL)
    envp = g_environ_setenv (g_get_environ (), "LANGUAGE", language, TRUE);
  jk_test_run_program (run, "JK_JOBKIOSKCTL", (const char *const *) envp, head, args);
}
