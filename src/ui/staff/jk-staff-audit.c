/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-staff-audit.c: an audit entry written on a worker, for staff actions that need no other blocking work */

#define G_LOG_DOMAIN "jk-staff"

#include <jobkiosk/jk-staff.h>
#include <jobkiosk/jk-task.h>

#include "jk-staff-audit.h"

typedef struct {
  char *database_path;
  char *actor;
  char *action;
  char *detail;
  gint64 now;
} AuditWork;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
audit_work_free (AuditWork *work)
{
  g_free (work->database_path);
  g_free (work->actor);
  g_free (work->action);
  g_free (work->detail);
  g_free (work);
}

static gboolean
audit_work (gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  AuditWork *work = data;

  return jk_audit_add (work->database_path, work->actor, work->action, work->detail, work->now, error);
}

static void
on_audited (gpointer      source,
            gpointer      data,
            const GError *error)
{
  if (error != NULL)
    g_warning ("Cannot write the audit log: %s", error->message);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

void
jk_staff_audit_later (gpointer      source,
                      GCancellable *cancellable,
                      const char   *database_path,
                      const char   *actor,
                      const char   *action,
                      const char   *detail,
                      gint64        now)
{
  AuditWork *work = g_new0 (AuditWork, 1);

  work->database_path = g_strdup (database_path);
  work->actor = g_strdup (actor);
  work->action = g_strdup (action);
  work->detail = g_strdup (detail);
  work->now = now;
  jk_task_run (source, cancellable, "jk-staff-audit", audit_work, on_audited, work, (GDestroyNotify) audit_work_free);
}
