/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "jobkiosk/jk-store.h"

G_BEGIN_DECLS

/* The SQLite side of a JkStore, for core and its tests only: the UI and
 * the CLI go through the capabilities' public APIs and never see SQLite. */

sqlite3      *jk_store_get_db               (JkStore    *self);

gboolean      jk_store_exec                 (JkStore    *self,
                                             const char *sql,
                                             GError    **error);
sqlite3_stmt *jk_store_prepare              (JkStore    *self,
                                             const char *sql,
                                             GError    **error);
gboolean      jk_store_begin                (JkStore    *self,
                                             GError    **error);
gboolean      jk_store_commit               (JkStore    *self,
                                             GError    **error);
void          jk_store_rollback             (JkStore    *self);

/* Whether this open checked every page (jk_store_open says when it does). */
gboolean      jk_store_was_checked          (JkStore    *self);

/* Sets error from the connection's last failure, with what was being done. */
void          jk_store_set_error            (JkStore    *self,
                                             GError    **error,
                                             const char *doing);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
