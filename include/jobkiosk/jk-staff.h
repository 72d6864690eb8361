/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-staff.h: staff accounts (a name and a PIN), the wrong-PIN lock, the audit log and the settings a center changes itself */
#pragma once

#include <glib.h>

#include "jk-config.h"

G_BEGIN_DECLS

#define JK_STAFF_ERROR (jk_staff_error_quark ())

typedef enum {
  JK_STAFF_ERROR_BAD_INPUT,     /* a name or PIN that cannot be one (a PIN is 4 to 12 digits) */
  JK_STAFF_ERROR_WRONG_PIN,     /* no staff member has this PIN */
  JK_STAFF_ERROR_LOCKED,        /* too many wrong PINs: wait */
  JK_STAFF_ERROR_EXISTS,        /* staff add: the name is taken */
  JK_STAFF_ERROR_NOT_FOUND,     /* staff remove: no such name */
  JK_STAFF_ERROR_FAILED,        /* the database, the drop-in file */
} JkStaffError;

#define JK_STAFF_PIN_MIN 4
#define JK_STAFF_PIN_MAX 12
/* Argon2id's cost for a PIN hashed from now on. A check runs it once per
 * account (a wrong PIN: every account), so it is cheaper than the saved
 * resumes' (jk-resume-vault.h): 2 passes over 32 MiB took 0.025-0.04 s per
 * account, a wrong PIN against ten accounts 0.22-0.31 s, on the 2-core
 * reference machine (0.06-0.1 s and 0.5-0.6 s with other builds busy;
 * test-staff's /staff/cost says it). Each hash keeps its own cost. */
#define JK_STAFF_OPSLIMIT 2
#define JK_STAFF_MEMLIMIT (32 * 1024 * 1024)

typedef struct {
  char *name;
  gint64 added;                 /* unix seconds */
} JkStaffMember;

typedef struct {
  gint64 id;
  char *at;                     /* ISO 8601, UTC */
  char *actor;                  /* a staff name, or "jobkioskctl" */
  char *action;                 /* a key: "staff-enter", "print-release", "settings", ... */
  char *detail;                 /* never a visitor's data */
} JkAuditEntry;

/* Accounts. Each call opens its own connection (the CLI's or a worker's). */
gboolean     jk_staff_add          (const char  *database_path,
                                    const char  *name,
                                    const char  *pin,
                                    gint64       now,
                                    GError     **error);
gboolean     jk_staff_remove       (const char  *database_path,
                                    const char  *name,
                                    GError     **error);
GPtrArray   *jk_staff_list         (const char  *database_path,
                                    GError     **error);   /* JkStaffMember, by name */

/* Checks a PIN against every account: the name of the one it opens, or
 * NULL with WRONG_PIN (one more failure counted) or LOCKED (with
 * *locked_until set, unix seconds). config gives [staff] max-tries and
 * lock-minutes. Slow on purpose (Argon2id): run it in a GTask. */
char        *jk_staff_verify       (const JkConfig *config,
                                    const char     *database_path,
                                    const char     *pin,
                                    gint64          now,
                                    gint64         *locked_until,
                                    GError        **error);
/* The lock's end if staff mode is locked at now, else 0. */
gint64       jk_staff_locked_until (const char  *database_path,
                                    gint64       now,
                                    GError     **error);

/* The audit log: who did what, when. */
gboolean     jk_audit_add          (const char  *database_path,
                                    const char  *actor,
                                    const char  *action,
                                    const char  *detail,
                                    gint64       now,
                                    GError     **error);
/* Entries at or after since (unix seconds; 0 for all), oldest first. */
GPtrArray   *jk_audit_list         (const char  *database_path,
                                    gint64       since,
                                    GError     **error);   /* JkAuditEntry */

/* Settings a center changes itself, written to conf.d/50-staff.conf beside
 * the main configuration (keys kept there are replaced, others kept). Only
 * these keys: kiosk idle-timeout, kiosk language, kiosk center-name, kiosk
 * area, print printer, print visit-page-limit, print day-page-limit. The
 * file is replaced atomically; a value the configuration would refuse is
 * refused here, with the reason (BAD_INPUT; FAILED when the file cannot be
 * written, the old one then kept). A NULL value takes the key out of the
 * file, so the main file's applies again. config is not changed: load the
 * configuration again to see the new values. */
gboolean     jk_staff_settings_write (const JkConfig *config,
                                      GHashTable     *values,   /* "group/key" -> value */
                                      GError        **error);
gboolean     jk_staff_settings_key_allowed (const char *group,
                                            const char *key);
/* One value ("kiosk/idle-timeout", "20") checked by the configuration's
 * rules, alone: BAD_INPUT with the reason in words, for beside its field. */
gboolean     jk_staff_settings_check (const JkConfig *config,
                                      const char     *group_key,
                                      const char     *value,
                                      GError        **error);
/* Copies values (as jk_staff_settings_write takes them, already written)
 * into the running configuration, all or none: what a drop-in would give
 * for each. A NULL value clears a text setting and leaves a number. */
gboolean     jk_staff_settings_apply (JkConfig       *config,
                                      GHashTable     *values,
                                      GError        **error);
/* CUPS' destinations by name, for the printer to choose (blocking: CUPS
 * is asked; call from a worker). */
GStrv        jk_staff_list_printers  (void);

void         jk_staff_member_free  (JkStaffMember *member);
void         jk_audit_entry_free   (JkAuditEntry  *entry);
GQuark       jk_staff_error_quark  (void);

G_END_DECLS
