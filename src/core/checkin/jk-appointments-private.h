/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-appointments-private.h: what the appointments' tests look at inside */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every IANA name the Windows table maps to, NULL-terminated: each must
 * be a zone libical finds. */
const char *const *jk_appointments_windows_zone_targets (void);

/* Text from an event as it may be stored and shown: valid UTF-8, no
 * control or format characters, no markup, spaces collapsed, at most
 * max_chars characters; NULL when nothing is left. */
char              *jk_appointments_clean_text           (const char *text,
                                                         guint       max_chars);

/* A check-in code as the appointments table keeps it: upper case, spaces
 * and hyphens dropped, letters and digits only, 1 to 32 of them; NULL
 * otherwise. */
char              *jk_appointments_normalize_code       (const char *text);

G_END_DECLS
