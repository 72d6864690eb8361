/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes one audit entry (jk_audit_add) on a worker, for a staff action
 * taken on the main thread; a failure is logged. source's work is
 * cancelled with cancellable. */
void  jk_staff_audit_later  (gpointer      source,
                             GCancellable *cancellable,
                             const char   *database_path,
                             const char   *actor,
                             const char   *action,
                             const char   *detail,
                             gint64        now);

G_END_DECLS
