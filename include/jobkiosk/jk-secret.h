/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-secret.h: the kiosk's secret, which seals saved resumes and the outbox */
#pragma once

#include <glib.h>

#include "jk-config.h"

G_BEGIN_DECLS

#define JK_SECRET_SIZE 32

/* Where the secret is: [kiosk] secret-file, else "kiosk-secret" beside the
 * database at database_path. */
char        *jk_secret_get_path            (const JkConfig *config,
                                            const char     *database_path);
/* Reads the secret, making it (random, mode 0600, written whole before it
 * is used) when the file does not exist yet. A file of another size is an
 * error: a wrong secret would seal what nobody can open again. */
gboolean     jk_secret_load                (const JkConfig *config,
                                            const char     *database_path,
                                            guint8          secret[JK_SECRET_SIZE],
                                            GError        **error);

G_END_DECLS
