/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-staff-private.h: what the staff tests and benchmarks may change or look at */
#pragma once

#include <jobkiosk/jk-staff.h>

G_BEGIN_DECLS

/* Argon2id's cost for PINs hashed from now on in this process (the product
 * keeps JK_STAFF_OPSLIMIT and _MEMLIMIT): the tests make it cheap so the
 * suite stays fast. A hash keeps the cost it was made with. */
void    jk_staff_set_cost         (guint64  opslimit,
                                   gsize    memlimit);
/* How many times this process ran Argon2id (hash or verify): a locked
 * kiosk and a PIN that cannot be one must not. */
guint   jk_staff_get_derivations  (void);

/* Settings (jk-staff-settings.c), shared with jk-staff-settings-apply.c:
 * "group/key" split, refused unless staff may change it; and the values
 * read by a fresh configuration as a drop-in holding only them would be,
 * its first problem (without the temporary file's name) as BAD_INPUT. */
gboolean  jk_staff_settings_split_key (const char      *group_key,
                                       char           **group,
                                       char           **key,
                                       GError         **error);
JkConfig *jk_staff_settings_read      (const JkConfig  *config,
                                       GKeyFile        *values,
                                       GError         **error);

G_END_DECLS
