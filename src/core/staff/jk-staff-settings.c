/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-staff-settings.c: the settings a center changes itself, kept in conf.d/50-staff.conf */

#define G_LOG_DOMAIN "jk-staff"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-staff.h>

#include "staff/jk-staff-private.h"

#define DROPIN_NAME "50-staff.conf"

/* What staff mode may change: what a center's own staff decide, never
 * where the database, the secret or the feeds are. */
static const struct {
  const char *group;
  const char *key;
} allowed[] = {
  { "kiosk", "idle-timeout" },
  { "kiosk", "language" },
  { "kiosk", "center-name" },
  { "kiosk", "area" },
  { "print", "printer" },
  { "print", "visit-page-limit" },
  { "print", "day-page-limit" },
};

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* "group/key" into its parts, if it is one staff may change. */
gboolean
jk_staff_settings_split_key (const char  *group_key,
           char       **group,
           char       **key,
           GError     **error)
{
  const char *slash = group_key != NULL ? strchr (group_key, '/') : NULL;

  if (slash != NULL)
    {
      *group = g_strndup (group_key, (gsize) (slash - group_key));
      *key = g_strdup (slash + 1);
      if (jk_staff_settings_key_allowed (*group, *key))
        return TRUE;
      g_clear_pointer (group, g_free);
      g_clear_pointer (key, g_free);
    }
  g_set_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_BAD_INPUT, _("“%s” is not a setting staff can change"),
               group_key != NULL ? group_key : "");
  return FALSE;
}

/* The configuration's own rules decide: the new values alone are read by a
 * fresh JkConfig as a drop-in would be, and any problem it finds refuses
 * them all. Its message begins with the file and line, which here are a
 * temporary file's: what follows is the reason. */
JkConfig *
jk_staff_settings_read (const JkConfig  *config,
                        GKeyFile        *values,
                        GError         **error)
{
  g_autoptr (JkConfig) check = jk_config_new_defaults ();
  g_autoptr (GError) local_error = NULL;
  g_autofree char *data = g_key_file_to_data (values, NULL, NULL);
  g_autofree char *tmp_path = NULL;
  int fd = g_file_open_tmp ("jk-staff-settings-XXXXXX.conf", &tmp_path, &local_error);
  gboolean loaded;

  if (fd < 0 || !g_file_set_contents (tmp_path, data, -1, &local_error))
    {
      if (fd >= 0)
        {
          close (fd);
          g_unlink (tmp_path);
        }
      g_set_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_FAILED, _("The settings could not be checked: %s"),
                   local_error->message);
      return NULL;
    }
  close (fd);
  if (config != NULL)
    {
      g_free (check->base_dir);
      check->base_dir = g_strdup (config->base_dir);
    }
  loaded = jk_config_load_file (check, tmp_path, &local_error);
  g_unlink (tmp_path);
  if (!loaded)
    {
      g_set_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_BAD_INPUT, _("The settings cannot be used: %s"),
                   local_error->message);
      return NULL;
    }
  if (check->problems->len > 0)
    {
      const char *reason = check->problems->pdata[0];

      if (g_str_has_prefix (reason, tmp_path) && reason[strlen (tmp_path)] == ':')
        {
          reason += strlen (tmp_path) + 1;
          while (g_ascii_isdigit (*reason))
            reason++;
          if (g_str_has_prefix (reason, ": "))
            reason += 2;
        }
      g_set_error_literal (error, JK_STAFF_ERROR, JK_STAFF_ERROR_BAD_INPUT, reason);
      return NULL;
    }
  return g_steal_pointer (&check);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

gboolean
jk_staff_settings_key_allowed (const char *group,
                               const char *key)
{
  if (group == NULL || key == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (allowed); i++)
    if (g_str_equal (allowed[i].group, group) && g_str_equal (allowed[i].key, key))
      return TRUE;
  return FALSE;
}

gboolean
jk_staff_settings_write (const JkConfig *config,
                         GHashTable     *values,
                         GError        **error)
{
  g_autofree char *dir = g_build_filename (config->base_dir, "conf.d", NULL);
  g_autofree char *path = g_build_filename (dir, DROPIN_NAME, NULL);
  g_autoptr (GKeyFile) changes = g_key_file_new ();
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autoptr (JkConfig) read = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *data = NULL;
  g_auto (GStrv) groups = NULL;
  GHashTableIter iter;
  gpointer name, value;
  gsize length = 0;

  /* What is asked, checked before anything is read or written. */
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      g_autofree char *group = NULL;
      g_autofree char *key = NULL;

      if (!jk_staff_settings_split_key (name, &group, &key, error))
        return FALSE;
      if (value != NULL && (!g_utf8_validate (value, -1, NULL) || strpbrk (value, "\r\n\t\v\f") != NULL))
        {
          g_set_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_BAD_INPUT, _("A setting is one line of text"));
          return FALSE;
        }
      if (value != NULL)
        g_key_file_set_string (changes, group, key, value);
    }
  read = jk_staff_settings_read (config, changes, &local_error);
  if (read == NULL)
    {
      if (g_error_matches (local_error, JK_STAFF_ERROR, JK_STAFF_ERROR_BAD_INPUT))
        /* TRANSLATORS: %s is the configuration's reason, "[kiosk] idle-timeout: "5" is not a whole number…" */
        g_set_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_BAD_INPUT, _("Not saved: %s"), local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* What the file holds already stays, unless replaced here. */
  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_COMMENTS, &local_error)
      && !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_set_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_FAILED,
                   _("The settings file %s cannot be read (%s); nothing was changed"), path, local_error->message);
      return FALSE;
    }
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      g_autofree char *group = NULL;
      g_autofree char *key = NULL;

      jk_staff_settings_split_key (name, &group, &key, NULL);
      /* No value: the key leaves this file, so the main file's applies again. */
      if (value != NULL)
        g_key_file_set_string (file, group, key, value);
      else
        g_key_file_remove_key (file, group, key, NULL);
    }
  groups = g_key_file_get_groups (file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto (GStrv) keys = g_key_file_get_keys (file, groups[i], NULL, NULL);

      if (keys == NULL || keys[0] == NULL)
        g_key_file_remove_group (file, groups[i], NULL);
    }
  g_key_file_set_comment (file, NULL, NULL,
                          " Written by the kiosk's staff mode: the settings a center changes itself.\n"
                          " It is replaced whole on each change; its keys win over jobkiosk.conf and\n"
                          " the drop-ins named before it. Change them in staff mode rather than here.", NULL);
  data = g_key_file_to_data (file, &length, NULL);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_FAILED, _("The settings could not be saved in %s: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }
  /* A temporary file, written to disk, then renamed over the old one: a
   * power cut leaves the old settings or the new, never half a file. */
  g_clear_error (&local_error);
  if (!g_file_set_contents_full (path, data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0644, &local_error))
    {
      g_set_error (error, JK_STAFF_ERROR, JK_STAFF_ERROR_FAILED, _("The settings could not be saved in %s: %s"),
                   dir, local_error->message);
      return FALSE;
    }
  return TRUE;
}
