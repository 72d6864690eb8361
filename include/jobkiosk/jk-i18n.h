/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets up the locale and the message catalogue. Call once, first thing. */
void         jk_i18n_init           (void);
/* Switches the language of every later _() call: "en" or "es". */
void         jk_i18n_set_language   (const char *language);
const char  *jk_i18n_get_language   (void);
const char  *jk_i18n_get_localedir  (void);

G_END_DECLS
