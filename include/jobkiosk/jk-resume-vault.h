/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-resume-vault.h: "Keep my resume": resumes saved under a code and a PIN, sealed so only both open them */
#pragma once

#include <glib.h>

#include "jk-config.h"
#include "jk-resume.h"

G_BEGIN_DECLS

#define JK_RESUME_VAULT_ERROR (jk_resume_vault_error_quark ())

typedef enum {
  JK_RESUME_VAULT_ERROR_BAD_CODE,   /* not 8 characters of the code's alphabet */
  JK_RESUME_VAULT_ERROR_BAD_PIN,    /* not 4 to 6 digits */
  JK_RESUME_VAULT_ERROR_NOT_FOUND,  /* no such code here, or it expired */
  JK_RESUME_VAULT_ERROR_WRONG_PIN,
  JK_RESUME_VAULT_ERROR_LOCKED,     /* too many wrong PINs: try again later */
  JK_RESUME_VAULT_ERROR_DAMAGED,    /* the row does not open with the right PIN: tampered or corrupt */
  JK_RESUME_VAULT_ERROR_FAILED,     /* the database or the secret */
} JkResumeVaultError;

#define JK_RESUME_CODE_LENGTH 8
/* Letters and digits nobody mixes up: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V. */
#define JK_RESUME_CODE_ALPHABET "34679ACDEFGHJKMNPQRTWXY"
#define JK_RESUME_MAX_FAILURES 5
#define JK_RESUME_LOCK_SECONDS (15 * 60)
/* Argon2id's cost for a new saved resume, aimed at 0.3 to 1 s to open one
 * (bench-resume-vault): 3 passes over 192 MiB took 0.30 s on an idle
 * reference machine (0.46-0.59 s with the other core busy), at the very
 * floor, so 4 passes; libsodium's "interactive" 2 / 64 MiB took 0.12 s,
 * its "moderate" 3 / 256 MiB 1.1 s under load. Each row keeps the cost it
 * was saved with, so changing these leaves earlier rows readable. */
#define JK_RESUME_VAULT_OPSLIMIT 4
#define JK_RESUME_VAULT_MEMLIMIT (192 * 1024 * 1024)

/* A vault reads the kiosk's secret once; each call opens its own database
 * connection and may block for a second (Argon2id): call from a worker. */
typedef struct _JkResumeVault JkResumeVault;

JkResumeVault *jk_resume_vault_new          (const JkConfig  *config,
                                             const char      *database_path,
                                             GError         **error);
void           jk_resume_vault_free         (JkResumeVault   *self);

/* Saves a resume under a new code (returned, JK_RESUME_CODE_LENGTH
 * characters) and the visitor's PIN; *expires (unix seconds) when it will
 * be gone. now: unix seconds. */
char          *jk_resume_vault_save         (JkResumeVault   *self,
                                             const JkResume  *resume,
                                             const char      *pin,
                                             gint64           now,
                                             gint64          *expires,
                                             GError         **error);
/* Saves over the resume kept under code (opened earlier with this PIN):
 * the code stays, the time it is kept starts again. The PIN is checked
 * and counted as jk_resume_vault_open does. */
gboolean       jk_resume_vault_replace      (JkResumeVault   *self,
                                             const char      *code,
                                             const JkResume  *resume,
                                             const char      *pin,
                                             gint64           now,
                                             gint64          *expires,
                                             GError         **error);
/* Opens the resume kept under code. A wrong PIN counts (WRONG_PIN,
 * *tries_left: how many are left, 4 down to 1); the fifth in a row locks
 * the code for JK_RESUME_LOCK_SECONDS and answers LOCKED, as every try
 * does until then, the right PIN too, without running Argon2id. A right
 * PIN forgets the wrong ones. A row changed since it was sealed is
 * DAMAGED (or, where the change reaches the key, a WRONG_PIN); an expired
 * one is NOT_FOUND and deleted. */
JkResume      *jk_resume_vault_open         (JkResumeVault   *self,
                                             const char      *code,
                                             const char      *pin,
                                             gint64           now,
                                             guint           *tries_left,
                                             GError         **error);
/* Drops expired resumes; returns how many, or -1 with error. */
int            jk_resume_vault_purge        (JkResumeVault   *self,
                                             gint64           now,
                                             GError         **error);

/* What an import did (jk_resume_vault_import). */
typedef struct {
  guint taken;     /* new here, or newer than the one here */
  guint kept;      /* the one here was as new or newer */
  guint expired;   /* already expired: left out */
} JkResumeVaultImport;

/* Writes the saved resumes still kept to path (mode 0600), one JSON
 * object a line, sealed as they are (base64 fields): kiosks sharing the
 * secret read them with jk_resume_vault_import. Wrong-PIN counts and locks
 * are not written: they stay with each kiosk. *count: how many. */
gboolean       jk_resume_vault_export       (JkResumeVault   *self,
                                             const char      *path,
                                             gint64           now,
                                             guint           *count,
                                             GError         **error);
/* Reads a file jk_resume_vault_export wrote, keeping per code the resume
 * saved last. All or nothing: a malformed line, or one sealed with another
 * kiosk's secret, refuses the file ("FILE:LINE: why",
 * JK_RESUME_VAULT_ERROR_DAMAGED) and nothing is taken. */
gboolean       jk_resume_vault_import       (JkResumeVault       *self,
                                             const char          *path,
                                             gint64               now,
                                             JkResumeVaultImport *result,
                                             GError             **error);

/* What a visitor typed as a code, as stored: upper case, spaces and
 * hyphens dropped; NULL when it cannot be a code. */
char          *jk_resume_code_normalize     (const char      *typed);
/* "ACDE-FGHJ": a code as printed and shown, in two halves. */
char          *jk_resume_code_format        (const char      *code);
gboolean       jk_resume_pin_is_valid       (const char      *pin);

GQuark         jk_resume_vault_error_quark  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkResumeVault, jk_resume_vault_free)

G_END_DECLS
