/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-staff-settings-apply.c: a staff setting checked alone, and saved settings copied into the running configuration */

#define G_LOG_DOMAIN "jk-staff"

#include <cups/cups.h>

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-staff.h>

#include "staff/jk-staff-private.h"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* The values read by a fresh configuration, as a drop-in holding only them
 * would be: the configuration's own rules (ranges, languages) decide, and
 * what they make of each value is what the running kiosk takes. NULL
 * values are left out. */
static JkConfig *
read_values (const JkConfig  *config,
             GHashTable      *values,
             GError         **error)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  GHashTableIter iter;
  gpointer k, v;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &k, &v))
    {
      g_autofree char *group = NULL;
      g_autofree char *key = NULL;

      if (!jk_staff_settings_split_key (k, &group, &key, error))
        return NULL;
      if (v != NULL)
        g_key_file_set_string (file, group, key, v);
    }
  return jk_staff_settings_read (config, file, error);
}

static void
replace_string (char       **field,
                const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

gboolean
jk_staff_settings_check (const JkConfig  *config,
                         const char      *group_key,
                         const char      *value,
                         GError         **error)
{
  g_autoptr (GHashTable) one = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (JkConfig) read = NULL;

  g_hash_table_insert (one, (gpointer) group_key, (gpointer) value);
  read = read_values (config, one, error);
  return read != NULL;
}

gboolean
jk_staff_settings_apply (JkConfig    *config,
                         GHashTable  *values,
                         GError     **error)
{
  g_autoptr (JkConfig) read = NULL;
  GHashTableIter iter;
  gpointer k, v;

  g_return_val_if_fail (config != NULL && values != NULL, FALSE);

  /* All checked before any is taken: the configuration never holds half. */
  read = read_values (config, values, error);
  if (read == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &k, &v))
    {
      const char *group_key = k;

      if (g_str_equal (group_key, "kiosk/idle-timeout") && v != NULL)
        config->idle_timeout = read->idle_timeout;
      else if (g_str_equal (group_key, "kiosk/language") && v != NULL)
        replace_string (&config->language, read->language);
      else if (g_str_equal (group_key, "kiosk/center-name"))
        replace_string (&config->center_name, read->center_name);
      else if (g_str_equal (group_key, "kiosk/area"))
        replace_string (&config->area, read->area);
      else if (g_str_equal (group_key, "print/printer"))
        replace_string (&config->print_printer, read->print_printer);
      else if (g_str_equal (group_key, "print/visit-page-limit") && v != NULL)
        config->print_visit_limit = read->print_visit_limit;
      else if (g_str_equal (group_key, "print/day-page-limit") && v != NULL)
        config->print_day_limit = read->print_day_limit;
    }
  return TRUE;
}

GStrv
jk_staff_list_printers (void)
{
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  cups_dest_t *dests = NULL;
  int n = cupsGetDests2 (CUPS_HTTP_DEFAULT, &dests);

  for (int i = 0; i < n; i++)
    if (dests[i].instance == NULL)
      g_strv_builder_add (names, dests[i].name);
  cupsFreeDests (n, dests);
  return g_strv_builder_end (names);
}
