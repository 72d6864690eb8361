/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gi18n-lib.h>

G_BEGIN_DECLS

/* The kiosk translates through its own reading of the message catalogues,
 * not through gettext's LANGUAGE variable: the language changes with every
 * visitor while worker threads translate, and setenv is not thread-safe.
 * Include this header instead of <glib/gi18n-lib.h>; N_() and NC_() stay. */
#undef _
#define _(msgid) jk_gettext (msgid)
#undef C_
#define C_(context, msgid) jk_pgettext (context, msgid)

/* Sets up the locale. Call once, first thing, before any thread starts. */
void         jk_i18n_init           (void);
/* Switches the language of every later _() call: "en" or "es". A worker
 * thread that has its own language (jk_i18n_set_thread_language) keeps it. */
void         jk_i18n_set_language   (const char *language);
const char  *jk_i18n_get_language   (void);
/* The language this thread translates in, whatever the visit's is: a worker
 * that renders text is handed the language it must use. NULL follows the
 * visit's language again. */
void         jk_i18n_set_thread_language (const char *language);
const char  *jk_i18n_get_localedir  (void);

/* Safe from any thread; the strings returned live as long as the process. */
const char  *jk_gettext             (const char *msgid) G_GNUC_FORMAT (1);
const char  *jk_ngettext            (const char *msgid,
                                     const char *msgid_plural,
                                     gulong      n) G_GNUC_FORMAT (1) G_GNUC_FORMAT (2);
const char  *jk_pgettext            (const char *context,
                                     const char *msgid) G_GNUC_FORMAT (2);

G_END_DECLS
