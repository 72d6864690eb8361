/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-config.c: the kiosk's INI configuration (GKeyFile), its drop-ins and the demo default */

#define G_LOG_DOMAIN "jk-config"

#include "jk-build-config.h"

#include <jobkiosk/jk-i18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "jobkiosk/jk-config.h"

/* ---------------------------------------------------------------------- */
/* The schema: every key the kiosk understands                            */

typedef enum {
  KEY_STRING,
  KEY_LANGUAGE,
  KEY_UINT,
  KEY_BOOL,
  KEY_PATH,
} KeyType;

typedef struct {
  const char *group;
  const char *key;
  KeyType type;
  gsize offset;
  guint min;
  guint max;
} KeySpec;

static const KeySpec key_specs[] = {
  { "kiosk", "center-name", KEY_STRING, G_STRUCT_OFFSET (JkConfig, center_name), 0, 0 },
  { "kiosk", "name", KEY_STRING, G_STRUCT_OFFSET (JkConfig, kiosk_name), 0, 0 },
  { "kiosk", "language", KEY_LANGUAGE, G_STRUCT_OFFSET (JkConfig, language), 0, 0 },
  { "kiosk", "idle-timeout", KEY_UINT, G_STRUCT_OFFSET (JkConfig, idle_timeout), 15, 3600 },
  { "kiosk", "idle-warning", KEY_UINT, G_STRUCT_OFFSET (JkConfig, idle_warning), 20, 300 },
  { "kiosk", "database", KEY_PATH, G_STRUCT_OFFSET (JkConfig, database), 0, 0 },
  { "kiosk", "area", KEY_STRING, G_STRUCT_OFFSET (JkConfig, area), 0, 0 },
  { "kiosk", "location", KEY_STRING, G_STRUCT_OFFSET (JkConfig, location), 0, 0 },
  { "kiosk", "zip-centroids", KEY_PATH, G_STRUCT_OFFSET (JkConfig, zip_centroids), 0, 0 },
  { "feeds", "min-share", KEY_UINT, G_STRUCT_OFFSET (JkConfig, feed_min_share), 0, 100 },
  { "feeds", "max-size-mb", KEY_UINT, G_STRUCT_OFFSET (JkConfig, feed_max_mb), 1, 4096 },
  { "feeds", "connect-timeout", KEY_UINT, G_STRUCT_OFFSET (JkConfig, feed_connect_timeout), 1, 300 },
  { "feeds", "timeout", KEY_UINT, G_STRUCT_OFFSET (JkConfig, feed_timeout), 1, 3600 },
  { "feeds", "attempts", KEY_UINT, G_STRUCT_OFFSET (JkConfig, feed_attempts), 1, 10 },
  { "feeds", "retry-delay-ms", KEY_UINT, G_STRUCT_OFFSET (JkConfig, feed_retry_delay_ms), 1, 600000 },
  { "feeds", "stall-timeout", KEY_UINT, G_STRUCT_OFFSET (JkConfig, feed_stall_timeout), 1, 3600 },
  { "feeds", "sync-deadline", KEY_UINT, G_STRUCT_OFFSET (JkConfig, feed_sync_deadline), 1, 86400 },
  { "print", "printer", KEY_STRING, G_STRUCT_OFFSET (JkConfig, print_printer), 0, 0 },
  { "print", "paper", KEY_STRING, G_STRUCT_OFFSET (JkConfig, print_paper), 0, 0 },
  { "print", "visit-page-limit", KEY_UINT, G_STRUCT_OFFSET (JkConfig, print_visit_limit), 0, 1000 },
  { "print", "day-page-limit", KEY_UINT, G_STRUCT_OFFSET (JkConfig, print_day_limit), 0, 100000 },
  { "print", "hold", KEY_BOOL, G_STRUCT_OFFSET (JkConfig, print_hold), 0, 0 },
  { "print", "hold-minutes", KEY_UINT, G_STRUCT_OFFSET (JkConfig, print_hold_minutes), 0, 10080 },
  { "print", "timeout", KEY_UINT, G_STRUCT_OFFSET (JkConfig, print_timeout), 5, 3600 },
  { "display", "fullscreen", KEY_BOOL, G_STRUCT_OFFSET (JkConfig, fullscreen), 0, 0 },
  { "display", "high-contrast", KEY_BOOL, G_STRUCT_OFFSET (JkConfig, start_high_contrast), 0, 0 },
  { "display", "large-text", KEY_BOOL, G_STRUCT_OFFSET (JkConfig, start_large_text), 0, 0 },
};

/* Groups owned by other modules, checked by them ("source NAME" and so on). */
static const char *const foreign_group_prefixes[] = { "source ", NULL };

G_DEFINE_QUARK (jk-config-error-quark, jk_config_error)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static const KeySpec *
find_spec (const char *group,
           const char *key)
{
  for (gsize i = 0; i < G_N_ELEMENTS (key_specs); i++)
    if (g_str_equal (key_specs[i].group, group) && (key == NULL || g_str_equal (key_specs[i].key, key)))
      return &key_specs[i];
  return NULL;
}

static gboolean
is_foreign_group (const char *group)
{
  for (guint i = 0; foreign_group_prefixes[i] != NULL; i++)
    if (g_str_has_prefix (group, foreign_group_prefixes[i]))
      return TRUE;
  return FALSE;
}

/* GKeyFile keeps no line numbers, so find the key's line in the text itself. */
static guint
find_line (const char *contents,
           const char *group,
           const char *key)
{
  g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);
  gboolean in_group = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (line[0] == '[')
        {
          g_autofree char *want = g_strdup_printf ("[%s]", group);
          in_group = g_str_equal (line, want);
          if (key == NULL && in_group)
            return i + 1;
          continue;
        }
      if (in_group && key != NULL && g_str_has_prefix (line, key))
        {
          const char *rest = line + strlen (key);
          while (*rest == ' ' || *rest == '\t')
            rest++;
          if (*rest == '=')
            return i + 1;
        }
    }
  return 0;
}

static void G_GNUC_PRINTF (6, 7)
add_problem (JkConfig   *self,
             const char *path,
             const char *contents,
             const char *group,
             const char *key,
             const char *format,
             ...)
{
  va_list args;
  g_autofree char *what = NULL;
  char *message;
  guint line = contents != NULL ? find_line (contents, group, key) : 0;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (key != NULL)
    message = g_strdup_printf ("%s:%u: [%s] %s: %s", path, line, group, key, what);
  else
    message = g_strdup_printf ("%s:%u: [%s]: %s", path, line, group, what);
  g_warning ("%s", message);
  g_ptr_array_add (self->problems, message);
}

static void
apply_key (JkConfig   *self,
           GKeyFile   *kf,
           const char *path,
           const char *contents,
           const KeySpec *spec)
{
  gpointer field = G_STRUCT_MEMBER_P (self, spec->offset);
  g_autoptr (GError) error = NULL;
  g_autofree char *raw = g_key_file_get_value (kf, spec->group, spec->key, NULL);

  switch (spec->type)
    {
    case KEY_STRING:
    case KEY_PATH:
    case KEY_LANGUAGE:
      {
        g_autofree char *value = g_key_file_get_string (kf, spec->group, spec->key, &error);
        if (value == NULL)
          {
            add_problem (self, path, contents, spec->group, spec->key,
                         "cannot read the value (%s); using the default", error->message);
            return;
          }
        g_strstrip (value);
        if (spec->type == KEY_LANGUAGE && !g_str_equal (value, "en") && !g_str_equal (value, "es"))
          {
            add_problem (self, path, contents, spec->group, spec->key,
                         "\"%s\" is not a language the kiosk speaks (en or es); using the default", value);
            return;
          }
        if (value[0] == '\0' && spec->type != KEY_PATH)
          {
            add_problem (self, path, contents, spec->group, spec->key, "is empty; using the default");
            return;
          }
        if (spec->type == KEY_PATH && value[0] != '\0')
          {
            char *resolved = jk_config_resolve_path (self, value);
            g_free (g_steal_pointer (&value));
            value = resolved;
          }
        g_free (*(char **) field);
        *(char **) field = value[0] != '\0' ? g_steal_pointer (&value) : NULL;
        break;
      }

    case KEY_UINT:
      {
        guint64 value;
        g_autofree char *text = g_strstrip (g_strdup (raw));
        if (!g_ascii_string_to_unsigned (text, 10, spec->min, spec->max, &value, NULL))
          {
            add_problem (self, path, contents, spec->group, spec->key,
                         "\"%s\" is not a whole number from %u to %u; using the default (%u)",
                         raw, spec->min, spec->max, *(guint *) field);
            return;
          }
        *(guint *) field = (guint) value;
        break;
      }

    case KEY_BOOL:
      {
        gboolean value = g_key_file_get_boolean (kf, spec->group, spec->key, &error);
        if (error != NULL)
          {
            add_problem (self, path, contents, spec->group, spec->key,
                         "\"%s\" is not true or false; using the default (%s)",
                         raw, *(gboolean *) field ? "true" : "false");
            return;
          }
        *(gboolean *) field = value;
        break;
      }

    default:
      g_assert_not_reached ();
    }

  g_key_file_set_value (self->merged, spec->group, spec->key, raw);
}

static void
apply_keyfile (JkConfig   *self,
               GKeyFile   *kf,
               const char *path,
               const char *contents)
{
  g_auto (GStrv) groups = g_key_file_get_groups (kf, NULL);

  for (guint g = 0; groups[g] != NULL; g++)
    {
      const char *group = groups[g];
      g_auto (GStrv) keys = g_key_file_get_keys (kf, group, NULL, NULL);

      if (is_foreign_group (group))
        {
          /* Kept whole for the module that owns it. */
          for (guint k = 0; keys[k] != NULL; k++)
            {
              g_autofree char *raw = g_key_file_get_value (kf, group, keys[k], NULL);
              g_key_file_set_value (self->merged, group, keys[k], raw);
            }
          continue;
        }
      if (find_spec (group, NULL) == NULL)
        {
          add_problem (self, path, contents, group, NULL, "unknown section; ignored");
          continue;
        }
      for (guint k = 0; keys[k] != NULL; k++)
        {
          const KeySpec *spec = find_spec (group, keys[k]);
          if (spec == NULL)
            add_problem (self, path, contents, group, keys[k], "unknown key; ignored");
          else
            apply_key (self, kf, path, contents, spec);
        }
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* Drop-ins live in conf.d/ beside the main file and apply in name order. */
static void
load_dropins (JkConfig   *self,
              const char *main_file)
{
  g_autofree char *dir_path = g_build_filename (self->base_dir, "conf.d", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".conf"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, names->pdata[i], NULL);
      g_autoptr (GError) error = NULL;

      if (!jk_config_load_file (self, path, &error))
        {
          g_warning ("%s", error->message);
          g_ptr_array_add (self->problems, g_strdup (error->message));
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

const char *
jk_get_pkgdatadir (void)
{
  const char *env = g_getenv ("JOBKIOSK_DATADIR");
  return env != NULL && env[0] != '\0' ? env : JK_PKGDATADIR;
}

const char *
jk_get_sysconfdir (void)
{
  const char *env = g_getenv ("JOBKIOSK_SYSCONFDIR");
  return env != NULL && env[0] != '\0' ? env : JK_SYSCONFDIR;
}

JkConfig *
jk_config_new_defaults (void)
{
  JkConfig *self = g_new0 (JkConfig, 1);

  self->mode = JK_CONFIG_MODE_DEMO;
  self->files = g_ptr_array_new_with_free_func (g_free);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->merged = g_key_file_new ();
  self->base_dir = g_get_current_dir ();
  self->center_name = g_strdup ("American Job Center");
  self->kiosk_name = g_strdup ("Kiosk");
  self->language = g_strdup ("en");
  self->idle_timeout = 90;
  self->idle_warning = 30;
  self->fullscreen = TRUE;
  self->print_paper = g_strdup ("letter");
  self->print_visit_limit = 10;
  self->print_day_limit = 500;
  self->print_hold_minutes = 60;
  self->print_timeout = 120;
  self->feed_min_share = 50;
  self->feed_max_mb = 512;
  self->feed_connect_timeout = 15;
  self->feed_timeout = 300;
  self->feed_attempts = 4;
  self->feed_retry_delay_ms = 2000;
  self->feed_stall_timeout = 60;
  self->feed_sync_deadline = 600;
  return self;
}

/* Reads one file over what is already set. A file that cannot be read or
 * parsed at all is an error; bad values inside are problems, not errors. */
gboolean
jk_config_load_file (JkConfig    *self,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autoptr (GError) local_error = NULL;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, JK_CONFIG_ERROR, JK_CONFIG_ERROR_UNREADABLE,
                   "Cannot read the configuration file %s: %s", path, local_error->message);
      return FALSE;
    }
  if (!g_utf8_validate (contents, length, NULL))
    {
      g_set_error (error, JK_CONFIG_ERROR, JK_CONFIG_ERROR_UNREADABLE,
                   "The configuration file %s is not UTF-8 text; it was ignored", path);
      return FALSE;
    }
  if (!g_key_file_load_from_data (kf, contents, length, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, JK_CONFIG_ERROR, JK_CONFIG_ERROR_UNREADABLE,
                   "The configuration file %s is not a valid INI file (%s); it was ignored",
                   path, local_error->message);
      return FALSE;
    }
  g_ptr_array_add (self->files, g_strdup (path));
  apply_keyfile (self, kf, path, contents);
  return TRUE;
}

/* With an explicit file, it must be readable: the administrator asked for
 * it. Without one, the system file is used when present, and otherwise the
 * bundled demo configuration, so a fresh install shows a living kiosk. */
JkConfig *
jk_config_load (const char  *explicit_file,
                GError     **error)
{
  g_autoptr (JkConfig) self = jk_config_new_defaults ();
  g_autofree char *main_file = NULL;
  g_autoptr (GError) local_error = NULL;

  if (explicit_file != NULL)
    {
      main_file = g_canonicalize_filename (explicit_file, NULL);
      self->mode = JK_CONFIG_MODE_CONFIGURED;
    }
  else
    {
      g_autofree char *system_file = g_build_filename (jk_get_sysconfdir (), "jobkiosk.conf", NULL);

      if (g_file_test (system_file, G_FILE_TEST_EXISTS))
        {
          main_file = g_steal_pointer (&system_file);
          self->mode = JK_CONFIG_MODE_CONFIGURED;
        }
      else
        {
          main_file = g_build_filename (jk_get_pkgdatadir (), "demo", "jobkiosk.conf", NULL);
          self->mode = JK_CONFIG_MODE_DEMO;
        }
    }

  g_free (self->base_dir);
  self->base_dir = g_path_get_dirname (main_file);
  self->main_file = g_strdup (main_file);

  if (!jk_config_load_file (self, main_file, &local_error))
    {
      if (explicit_file != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* A broken system file must not leave the kiosk dark: run on defaults. */
      g_warning ("%s; running on the built-in defaults", local_error->message);
      g_ptr_array_add (self->problems, g_strdup (local_error->message));
    }

  load_dropins (self, main_file);
  return g_steal_pointer (&self);
}

char *
jk_config_resolve_path (const JkConfig *self,
                        const char     *path)
{
  if (g_path_is_absolute (path))
    return g_strdup (path);
  return g_build_filename (self->base_dir, path, NULL);
}

/* --db FILE: this run's database, over the configured one and the default. */
void
jk_config_override_database (JkConfig   *self,
                             const char *file)
{
  if (file == NULL)
    return;
  g_free (self->database);
  self->database = g_strdup (file);
}

/* The one place that decides which database a run uses, for the kiosk and
 * jobkioskctl alike: --db (jk_config_override_database), else the
 * configured [kiosk] database; else an installed kiosk keeps it under
 * /var/lib/jobkiosk, and a developer's run (and the demo) under the XDG
 * data directory. */
char *
jk_config_get_database_path (const JkConfig *self)
{
  const char *statedir = g_getenv ("JOBKIOSK_STATEDIR");

  if (self->database != NULL)
    return g_strdup (self->database);
  if (statedir == NULL)
    statedir = JK_STATEDIR;
  if (self->mode == JK_CONFIG_MODE_CONFIGURED && g_access (statedir, W_OK) == 0)
    return g_build_filename (statedir, "jobkiosk.db", NULL);
  return g_build_filename (g_get_user_data_dir (), "jobkiosk", "jobkiosk.db", NULL);
}

const char *
jk_config_mode_to_string (JkConfigMode mode)
{
  return mode == JK_CONFIG_MODE_DEMO ? "demo" : "configured";
}

void
jk_config_free (JkConfig *self)
{
  if (self == NULL)
    return;
  g_free (self->main_file);
  g_free (self->base_dir);
  g_ptr_array_unref (self->files);
  g_ptr_array_unref (self->problems);
  g_key_file_unref (self->merged);
  g_free (self->center_name);
  g_free (self->kiosk_name);
  g_free (self->language);
  g_free (self->database);
  g_free (self->area);
  g_free (self->location);
  g_free (self->zip_centroids);
  g_free (self->print_printer);
  g_free (self->print_paper);
  g_free (self);
}
