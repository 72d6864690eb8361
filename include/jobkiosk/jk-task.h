/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Blocking work on a worker thread (a GTask). work runs there with data;
 * done runs back on the calling thread's main context, and never once
 * cancellable was cancelled, so work for a page left or a visit wiped
 * speaks to nobody. data is freed with free_data after both. */
typedef gboolean (*JkTaskWorkFunc) (gpointer       data,
                                    GCancellable  *cancellable,
                                    GError       **error);
typedef void     (*JkTaskDoneFunc) (gpointer       source,
                                    gpointer       data,
                                    const GError  *error);

void  jk_task_run  (gpointer        source,
                    GCancellable   *cancellable,
                    const char     *name,
                    JkTaskWorkFunc  work,
                    JkTaskDoneFunc  done,
                    gpointer        data,
                    GDestroyNotify  free_data);

G_END_DECLS
