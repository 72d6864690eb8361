/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-task.c: one way to run blocking work off the main thread */

#define G_LOG_DOMAIN "jk-task"

#include "jobkiosk/jk-task.h"

typedef struct {
  JkTaskWorkFunc work;
  JkTaskDoneFunc done;
  gpointer data;
  GDestroyNotify free_data;
} Work;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
work_free (Work *work)
{
  if (work->free_data != NULL)
    work->free_data (work->data);
  g_free (work);
}

static void
work_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *work = task_data;
  GError *error = NULL;

  if (work->work (work->data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_work_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Work *work = g_task_get_task_data (G_TASK (result));
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr (GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  if (cancellable != NULL && g_cancellable_is_cancelled (cancellable))
    return;
  if (work->done != NULL)
    work->done (source, work->data, error);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

void
jk_task_run (gpointer        source,
             GCancellable   *cancellable,
             const char     *name,
             JkTaskWorkFunc  work,
             JkTaskDoneFunc  done,
             gpointer        data,
             GDestroyNotify  free_data)
{
  g_autoptr (GTask) task = g_task_new (source, cancellable, on_work_done, NULL);
  Work *w = g_new0 (Work, 1);

  w->work = work;
  w->done = done;
  w->data = data;
  w->free_data = free_data;
  g_task_set_task_data (task, w, (GDestroyNotify) work_free);
  g_task_set_name (task, name);
  g_task_run_in_thread (task, work_thread);
}
