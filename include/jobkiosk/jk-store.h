/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JK_STORE_ERROR (jk_store_error_quark ())

typedef enum {
  JK_STORE_ERROR_OPEN,      /* the file or its folder cannot be opened or created */
  JK_STORE_ERROR_TOO_NEW,   /* written by a newer Job Kiosk */
  JK_STORE_ERROR_MIGRATE,   /* a schema step failed; the database is unchanged */
  JK_STORE_ERROR_SQL,       /* a statement failed */
  JK_STORE_ERROR_NOT_OURS,  /* not a Job Kiosk database (or too damaged to tell): left as it is */
} JkStoreError;

/* The kiosk's one database, as the UI and the CLI see it: open, close,
 * where it is, which schema. Statements and transactions are core's
 * business: src/core/store/jk-store-private.h. */
typedef struct _JkStore JkStore;

GQuark       jk_store_error_quark          (void);

/* Opens (creating if needed) and migrates the kiosk's database: the only
 * way the window and jobkioskctl open it. Refuses, leaving it untouched,
 * a file that is not a Job Kiosk database (JK_STORE_ERROR_NOT_OURS) or is
 * from a newer one (JK_STORE_ERROR_TOO_NEW). Checks every page unless the
 * file is known to be whole (jk-store.c says when), and moves a damaged
 * Job Kiosk database aside and starts afresh. */
JkStore     *jk_store_open                 (const char *path,
                                            GError    **error);
/* A read-only connection to a database a JkStore already opened and
 * migrated: no check, no migration, for worker threads that only read and
 * must not wait behind another thread's statement on a shared connection. */
JkStore     *jk_store_open_reader          (const char *path,
                                            GError    **error);
/* The same for a worker thread that writes (a print job's history row):
 * its own connection, never the main thread's. */
JkStore     *jk_store_open_writer          (const char *path,
                                            GError    **error);
void         jk_store_free                 (JkStore    *self);
/* Statements on this connection stop (SQLITE_INTERRUPT) soon after
 * cancellable is cancelled; NULL to stop looking. */
void         jk_store_set_cancellable      (JkStore      *self,
                                            GCancellable *cancellable);

const char  *jk_store_get_path             (JkStore    *self);
int          jk_store_get_schema_version   (JkStore    *self);
int          jk_store_get_latest_version   (void);
/* The path a damaged file was moved to when this open recovered, or NULL. */
const char  *jk_store_get_moved_aside      (JkStore    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkStore, jk_store_free)

G_END_DECLS
