/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-uninstalled.c: programs run from the build tree use the source tree's data */

#define G_LOG_DOMAIN "jobkiosk"

#include "jk-uninstalled.h"

#define MARKER_NAME "jobkiosk-uninstalled.ini"

static void
set_from (GKeyFile   *marker,
          const char *key,
          const char *variable)
{
  g_autofree char *value = g_key_file_get_string (marker, "uninstalled", key, NULL);

  if (value != NULL && value[0] != '\0')
    g_setenv (variable, value, FALSE);
}

void
jk_uninstalled_setup (void)
{
  g_autofree char *executable = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GKeyFile) marker = g_key_file_new ();

  if (executable == NULL)
    return;
  dir = g_path_get_dirname (executable);
  path = g_build_filename (dir, MARKER_NAME, NULL);
  /* An installed program has none beside it: nothing changes. */
  if (!g_key_file_load_from_file (marker, path, G_KEY_FILE_NONE, NULL))
    return;
  set_from (marker, "datadir", "JOBKIOSK_DATADIR");
  set_from (marker, "localedir", "JOBKIOSK_LOCALEDIR");
}
