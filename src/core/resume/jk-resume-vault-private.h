/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-resume-vault-private.h: what the vault's tests and benchmark may change or look at */
#pragma once

#include <jobkiosk/jk-resume-vault.h>

G_BEGIN_DECLS

/* Argon2id's cost for rows saved from now on by this vault (the product
 * keeps JK_RESUME_VAULT_OPSLIMIT and _MEMLIMIT): the tests make it cheap so
 * the suite stays fast. Rows keep the cost they were saved with. */
void    jk_resume_vault_set_cost         (JkResumeVault *self,
                                          guint64        opslimit,
                                          gsize          memlimit);
void    jk_resume_vault_get_cost         (JkResumeVault *self,
                                          guint64       *opslimit,
                                          gsize         *memlimit);
/* How many times this vault ran Argon2id: a locked code must not. */
guint   jk_resume_vault_get_derivations  (JkResumeVault *self);

G_END_DECLS
