/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One run of a built program: how it exited and what it wrote. */
typedef struct {
  int   status;   /* its exit status */
  char *out;
  char *err;
} JkTestRun;

void         jk_test_run_clear           (JkTestRun *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JkTestRun, jk_test_run_clear)

/* Runs the program meson built whose path is in env_var (JK_JOBKIOSKCTL,
 * JK_JOBKIOSK) with head's arguments then args' (head may be NULL), in envp
 * (NULL: the test's own environment), and waits for it; the test fails
 * unless it exits by itself. */
void         jk_test_run_program         (JkTestRun         *run,
                                          const char        *env_var,
                                          const char *const *envp,
                                          const char *const *head,
                                          const char *const *args);

/* jobkioskctl, its messages in language (NULL: the test's own). */
void         jk_test_run_ctl             (JkTestRun         *run,
                                          const char        *language,
                                          const char *const *head,
                                          const char *const *args);

G_END_DECLS
