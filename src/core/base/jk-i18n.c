/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-i18n.c: locale set-up and switching the language while running */

#define G_LOG_DOMAIN "jk-i18n"

#include "jk-build-config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "jobkiosk/jk-i18n.h"

static char current_language[8] = "en";

const char *
jk_i18n_get_localedir (void)
{
  const char *env = g_getenv ("JOBKIOSK_LOCALEDIR");
  return env != NULL && env[0] != '\0' ? env : JK_LOCALEDIR;
}

void
jk_i18n_init (void)
{
  const char *name = setlocale (LC_ALL, "");

  /* gettext ignores LANGUAGE under the plain C locale, and a kiosk must
   * switch languages whatever the system locale is: C.UTF-8 is always there. */
  if (name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX"))
    setlocale (LC_ALL, "C.UTF-8");

  bindtextdomain (GETTEXT_PACKAGE, jk_i18n_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  jk_i18n_set_language ("en");
}

void
jk_i18n_set_language (const char *language)
{
  g_return_if_fail (language != NULL);

  g_strlcpy (current_language, language, sizeof current_language);
  g_setenv ("LANGUAGE", language, TRUE);
  /* gettext caches translations per locale, not per LANGUAGE; setting the
   * text domain (even to the one in use) marks that cache stale. */
  textdomain (textdomain (NULL));
}

const char *
jk_i18n_get_language (void)
{
  return current_language;
}
