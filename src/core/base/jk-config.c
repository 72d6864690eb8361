/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-config.c: the kiosk's INI configuration (GKeyFile), its drop-ins and the demo default */

#define G_LOG_DOMAIN "jk-config"

#include "jk-build-config.h"

#include <jobkiosk/jk-i18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include <jobkiosk/jk-feed.h>

#include "jobkiosk/jk-config.h"

/* ---------------------------------------------------------------------- */
/* The schema: every key the kiosk understands                            */

typedef enum {
  KEY_STRING,
  KEY_LANGUAGE,
  KEY_UINT,
  KEY_BOOL,
  KEY_PATH,
  KEY_URL,       /* a source's url: required, no default */
  KEY_FORMAT,    /* a source's format: a name jk_feed_format_from_string knows */
  KEY_ENDPOINT,  /* a partner's endpoint: an http:// or https:// address */
} KeyType;

/* Keys of [source NAME] groups have no field here: they are checked when
 * read, kept in merged when good, and read from there by the feeds. */
#define NO_FIELD G_MAXSIZE
#define SOURCE_GROUP "source"
#define SOURCE_PREFIX SOURCE_GROUP " "
/* [partner NAME]: a referral agreement (jk-referrals.h), read like a source. */
#define PARTNER_GROUP "partner"
#define PARTNER_PREFIX PARTNER_GROUP " "
#define HEADER_PREFIX "header-"
#define HEADER_FILE_SUFFIX "-file"

typedef struct {
  const char *group;
  const char *key;
  KeyType type;
  gsize offset;
  guint min;
  guint max;
  guint fallback; /* the default of a NO_FIELD key (a field holds its own) */
} KeySpec;

static const KeySpec key_specs[] = {
  { "kiosk", "center-name", KEY_STRING, G_STRUCT_OFFSET (JkConfig, center_name), 0, 0, 0 },
  { "kiosk", "name", KEY_STRING, G_STRUCT_OFFSET (JkConfig, kiosk_name), 0, 0, 0 },
  { "kiosk", "language", KEY_LANGUAGE, G_STRUCT_OFFSET (JkConfig, language), 0, 0, 0 },
  { "kiosk", "idle-timeout", KEY_UINT, G_STRUCT_OFFSET (JkConfig, idle_timeout), 15, 3600, 0 },
  { "kiosk", "idle-warning", KEY_UINT, G_STRUCT_OFFSET (JkConfig, idle_warning), 20, 300, 0 },
  { "kiosk", "database", KEY_PATH, G_STRUCT_OFFSET (JkConfig, database), 0, 0, 0 },
  { "kiosk", "area", KEY_STRING, G_STRUCT_OFFSET (JkConfig, area), 0, 0, 0 },
  { "kiosk", "location", KEY_STRING, G_STRUCT_OFFSET (JkConfig, location), 0, 0, 0 },
  { "kiosk", "secret-file", KEY_PATH, G_STRUCT_OFFSET (JkConfig, secret_file), 0, 0, 0 },
  { "kiosk", "zip-centroids", KEY_PATH, G_STRUCT_OFFSET (JkConfig, zip_centroids), 0, 0, 0 },
  { "kiosk", "physical-keyboard", KEY_BOOL, G_STRUCT_OFFSET (JkConfig, physical_keyboard), 0, 0, 0 },
  { "feeds", "min-share", KEY_UINT, G_STRUCT_OFFSET (JkConfig, feed_min_share), 0, 100, 0 },
  { "feeds", "max-size-mb", KEY_UINT, G_STRUCT_OFFSET (JkConfig, feed_max_mb), 1, 4096, 0 },
  { "feeds", "connect-timeout", KEY_UINT, G_STRUCT_OFFSET (JkConfig, feed_connect_timeout), 1, 300, 0 },
  { "feeds", "timeout", KEY_UINT, G_STRUCT_OFFSET (JkConfig, feed_timeout), 1, 3600, 0 },
  { "feeds", "attempts", KEY_UINT, G_STRUCT_OFFSET (JkConfig, feed_attempts), 1, 10, 0 },
  { "feeds", "retry-delay-ms", KEY_UINT, G_STRUCT_OFFSET (JkConfig, feed_retry_delay_ms), 1, 600000, 0 },
  { "feeds", "stall-timeout", KEY_UINT, G_STRUCT_OFFSET (JkConfig, feed_stall_timeout), 1, 3600, 0 },
  { "feeds", "sync-deadline", KEY_UINT, G_STRUCT_OFFSET (JkConfig, feed_sync_deadline), 1, 86400, 0 },
  { "print", "printer", KEY_STRING, G_STRUCT_OFFSET (JkConfig, print_printer), 0, 0, 0 },
  { "print", "paper", KEY_STRING, G_STRUCT_OFFSET (JkConfig, print_paper), 0, 0, 0 },
  { "print", "visit-page-limit", KEY_UINT, G_STRUCT_OFFSET (JkConfig, print_visit_limit), 0, 1000, 0 },
  { "print", "day-page-limit", KEY_UINT, G_STRUCT_OFFSET (JkConfig, print_day_limit), 0, 100000, 0 },
  { "print", "hold", KEY_BOOL, G_STRUCT_OFFSET (JkConfig, print_hold), 0, 0, 0 },
  { "print", "hold-minutes", KEY_UINT, G_STRUCT_OFFSET (JkConfig, print_hold_minutes), 0, 10080, 0 },
  { "print", "timeout", KEY_UINT, G_STRUCT_OFFSET (JkConfig, print_timeout), 5, 3600, 0 },
  { "display", "fullscreen", KEY_BOOL, G_STRUCT_OFFSET (JkConfig, fullscreen), 0, 0, 0 },
  { "display", "high-contrast", KEY_BOOL, G_STRUCT_OFFSET (JkConfig, start_high_contrast), 0, 0, 0 },
  { "display", "large-text", KEY_BOOL, G_STRUCT_OFFSET (JkConfig, start_large_text), 0, 0, 0 },
  { "lmi", "state", KEY_STRING, G_STRUCT_OFFSET (JkConfig, lmi_state), 0, 0, 0 },
  { "lmi", "metro", KEY_STRING, G_STRUCT_OFFSET (JkConfig, lmi_metro), 0, 0, 0 },
  { "lmi", "data", KEY_PATH, G_STRUCT_OFFSET (JkConfig, lmi_data), 0, 0, 0 },
  { "training", "data", KEY_PATH, G_STRUCT_OFFSET (JkConfig, training_data), 0, 0, 0 },
  { "training", "map", KEY_PATH, G_STRUCT_OFFSET (JkConfig, training_map), 0, 0, 0 },
  { "services", "data", KEY_PATH, G_STRUCT_OFFSET (JkConfig, services_data), 0, 0, 0 },
  { "services", "min-share", KEY_UINT, G_STRUCT_OFFSET (JkConfig, services_min_share), 0, 100, 0 },
  { "orientation", "folder", KEY_PATH, G_STRUCT_OFFSET (JkConfig, orientation_folder), 0, 0, 0 },
  { "resume", "keep-days", KEY_UINT, G_STRUCT_OFFSET (JkConfig, resume_keep_days), 1, 3650, 0 },
  { "checkin", "calendars", KEY_STRING, G_STRUCT_OFFSET (JkConfig, checkin_calendars), 0, 0, 0 },
  { "checkin", "refresh-minutes", KEY_UINT, G_STRUCT_OFFSET (JkConfig, checkin_refresh), 1, 1440, 0 },
  { "checkin", "minutes-before", KEY_UINT, G_STRUCT_OFFSET (JkConfig, checkin_before), 0, 240, 0 },
  { "checkin", "minutes-after", KEY_UINT, G_STRUCT_OFFSET (JkConfig, checkin_after), 0, 240, 0 },
  { "checkin", "grace-minutes", KEY_UINT, G_STRUCT_OFFSET (JkConfig, checkin_grace), 0, 480, 0 },
  { "checkin", "staff-endpoint", KEY_STRING, G_STRUCT_OFFSET (JkConfig, checkin_endpoint), 0, 0, 0 },
  { "checkin", "staff-token-file", KEY_PATH, G_STRUCT_OFFSET (JkConfig, checkin_token_file), 0, 0, 0 },
  { "checkin", "staff-format", KEY_STRING, G_STRUCT_OFFSET (JkConfig, checkin_format), 0, 0, 0 },
  { "checkin", "slip", KEY_BOOL, G_STRUCT_OFFSET (JkConfig, checkin_slip), 0, 0, 0 },
  { "staff", "idle-minutes", KEY_UINT, G_STRUCT_OFFSET (JkConfig, staff_idle_minutes), 1, 60, 0 },
  { "staff", "max-tries", KEY_UINT, G_STRUCT_OFFSET (JkConfig, staff_max_tries), 1, 20, 0 },
  { "staff", "lock-minutes", KEY_UINT, G_STRUCT_OFFSET (JkConfig, staff_lock_minutes), 1, 1440, 0 },
  { "usage", "report-endpoint", KEY_STRING, G_STRUCT_OFFSET (JkConfig, usage_endpoint), 0, 0, 0 },
  { "usage", "report-token-file", KEY_PATH, G_STRUCT_OFFSET (JkConfig, usage_token_file), 0, 0, 0 },
  { "usage", "report-dir", KEY_PATH, G_STRUCT_OFFSET (JkConfig, usage_report_dir), 0, 0, 0 },
  { "metrics", "textfile", KEY_PATH, G_STRUCT_OFFSET (JkConfig, metrics_textfile), 0, 0, 0 },
  { "mail", "host", KEY_STRING, G_STRUCT_OFFSET (JkConfig, mail_host), 0, 0, 0 },
  { "mail", "port", KEY_UINT, G_STRUCT_OFFSET (JkConfig, mail_port), 1, 65535, 0 },
  { "mail", "security", KEY_STRING, G_STRUCT_OFFSET (JkConfig, mail_security), 0, 0, 0 },
  { "mail", "from", KEY_STRING, G_STRUCT_OFFSET (JkConfig, mail_from), 0, 0, 0 },
  { "mail", "username", KEY_STRING, G_STRUCT_OFFSET (JkConfig, mail_username), 0, 0, 0 },
  { "mail", "password-file", KEY_PATH, G_STRUCT_OFFSET (JkConfig, mail_password_file), 0, 0, 0 },
  { "mail", "timeout", KEY_UINT, G_STRUCT_OFFSET (JkConfig, mail_timeout), 1, 3600, 0 },
  { "speech", "rate", KEY_UINT, G_STRUCT_OFFSET (JkConfig, speech_rate), 0, 100, 0 },
  { "speech", "volume", KEY_UINT, G_STRUCT_OFFSET (JkConfig, speech_volume), 0, 100, 0 },
  { "speech", "module", KEY_STRING, G_STRUCT_OFFSET (JkConfig, speech_module), 0, 0, 0 },
  { "speech", "headphone-device", KEY_PATH, G_STRUCT_OFFSET (JkConfig, speech_headphones), 0, 0, 0 },
#define X(id, key, keys) { "keypad", key, KEY_STRING, NO_FIELD, 0, 0, 0 },
  JK_KEYPAD_ACTIONS
#undef X
  /* [source NAME]; header-NAME and header-NAME-file are checked apart. */
  { SOURCE_GROUP, "url", KEY_URL, NO_FIELD, 0, 0, 0 },
  { SOURCE_GROUP, "format", KEY_FORMAT, NO_FIELD, 0, 0, 0 },
  { SOURCE_GROUP, "refresh", KEY_UINT, NO_FIELD, 1, 7 * 24 * 60, 60 },
  { SOURCE_GROUP, "enabled", KEY_BOOL, NO_FIELD, 0, 0, TRUE },
  { SOURCE_GROUP, "display-name", KEY_STRING, NO_FIELD, 0, 0, 0 },
  /* [partner NAME] */
  { PARTNER_GROUP, "display-name", KEY_STRING, NO_FIELD, 0, 0, 0 },
  { PARTNER_GROUP, "organization", KEY_STRING, NO_FIELD, 0, 0, 0 },
  { PARTNER_GROUP, "endpoint", KEY_ENDPOINT, NO_FIELD, 0, 0, 0 },
  { PARTNER_GROUP, "token-file", KEY_PATH, NO_FIELD, 0, 0, 0 },
};

G_DEFINE_QUARK (jk-config-error-quark, jk_config_error)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* The schema's name for a group: every [source NAME] is "source", every
 * [partner NAME] "partner". */
static const char *
schema_group (const char *group)
{
  if (g_str_has_prefix (group, SOURCE_PREFIX))
    return SOURCE_GROUP;
  return g_str_has_prefix (group, PARTNER_PREFIX) ? PARTNER_GROUP : group;
}

static gboolean
is_web_address (const char *value)
{
  g_autoptr (GUri) uri = g_uri_parse (value, G_URI_FLAGS_NONE, NULL);

  return uri != NULL && g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0'
         && (g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0
             || g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0);
}

static const KeySpec *
find_spec (const char *group,
           const char *key)
{
  for (gsize i = 0; i < G_N_ELEMENTS (key_specs); i++)
    if (g_str_equal (key_specs[i].group, schema_group (group)) &&
        (key == NULL || g_str_equal (key_specs[i].key, key)))
      return &key_specs[i];
  return NULL;
}

/* GKeyFile keeps no line numbers, so find the key's line in the text itself. */
static guint
find_line (const char *contents,
           const char *group,
           const char *key)
{
  g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);
  g_autofree char *want = g_strdup_printf ("[%s]", group);
  gboolean in_group = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (line[0] == '[')
        {
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

/* where is "FILE:LINE"; what is translated. */
static void
add_problem_at (JkConfig   *self,
                const char *where,
                const char *group,
                const char *key,
                const char *what)
{
  char *message;

  if (group == NULL)
    message = g_strdup_printf ("%s: %s", where, what);
  else if (key != NULL)
    message = g_strdup_printf ("%s: [%s] %s: %s", where, group, key, what);
  else
    message = g_strdup_printf ("%s: [%s]: %s", where, group, what);
  g_warning ("%s", message);
  g_ptr_array_add (self->problems, message);
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
  g_autofree char *where = g_strdup_printf ("%s:%u", path, contents != NULL ? find_line (contents, group, key) : 0);

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  add_problem_at (self, where, group, key, what);
}

/* A whole file, or a line of one, that was not read: a problem that also
 * keeps the feeds from forgetting any source (jk_config_is_complete). */
static void
refuse (JkConfig   *self,
        const char *message)
{
  g_warning ("%s", message);
  g_ptr_array_add (self->problems, g_strdup (message));
  g_ptr_array_add (self->refused, g_strdup (message));
}

static void G_GNUC_PRINTF (4, 5)
refuse_line (JkConfig   *self,
             const char *path,
             guint       line,
             const char *format,
             ...)
{
  va_list args;
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  message = g_strdup_printf ("%s:%u: %s", path, line, what);
  refuse (self, message);
}

static gboolean
parses_alone (const char *prefix,
              const char *line)
{
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autofree char *text = g_strconcat (prefix, line, "\n", NULL);

  return g_key_file_load_from_data (kf, text, -1, G_KEY_FILE_NONE, NULL);
}

/* GKeyFile refuses a whole file for one bad line, and a whole conf.d file
 * lost is every source it names lost. So each line is checked alone: a bad
 * one is reported with its number and blanked (a bad [section] line with
 * the keys under it, which would otherwise land in the section above), and
 * the rest of the file applies. Returns the text GKeyFile then reads. */
static char *
drop_bad_lines (JkConfig   *self,
                const char *path,
                const char *contents,
                gsize       length)
{
  GString *kept = g_string_sized_new (length);
  const char *end = contents + length;
  gboolean in_group = FALSE;  /* below a [section] line that was read */
  gboolean skipping = FALSE;  /* below a [section] line that was refused */
  guint number = 0;

  for (const char *start = contents; start < end; number++)
    {
      const char *newline = memchr (start, '\n', (gsize) (end - start));
      gsize size = (gsize) ((newline != NULL ? newline : end) - start);
      g_autofree char *line = g_strndup (start, size);
      const char *text = line;
      gboolean good;

      start += size + 1;
      while (g_ascii_isspace (*text))
        text++;
      if (*text == '\0' || *text == '#')
        {
          g_string_append_printf (kept, "%s\n", line);
          continue;
        }
      if (*text == '[')
        {
          good = g_utf8_validate (line, -1, NULL) && parses_alone ("", line);
          if (!good)
            refuse_line (self, path, number + 1,
                         _("this is not a [section] line; it and the lines below it up to the next section "
                           "were not read"));
          in_group = good;
          skipping = !good;
        }
      else if (skipping)
        good = FALSE;
      else if (!g_utf8_validate (line, -1, NULL))
        {
          good = FALSE;
          refuse_line (self, path, number + 1, _("this line is not UTF-8 text; it was not read"));
        }
      else if (!in_group)
        {
          good = FALSE;
          refuse_line (self, path, number + 1, _("this line comes before any [section]; it was not read"));
        }
      else
        {
          good = parses_alone ("[x]\n", line);
          if (!good)
            refuse_line (self, path, number + 1, _("this is not a “key = value” line; it was not read"));
        }
      /* A blank line in its place keeps the line numbers true. */
      g_string_append (kept, good ? line : "");
      g_string_append_c (kept, '\n');
    }
  return g_string_free (kept, FALSE);
}

/* Where the value that applies came from: a later file replaces it. */
static void
note_value (JkConfig   *self,
            const char *path,
            const char *contents,
            const char *group,
            const char *key)
{
  g_hash_table_insert (self->value_origins, g_strdup_printf ("%s\037%s", group, key),
                       g_strdup_printf ("%u:%s", find_line (contents, group, key), path));
}

static void
apply_key (JkConfig      *self,
           GKeyFile      *kf,
           const char    *path,
           const char    *contents,
           const char    *group,
           const KeySpec *spec)
{
  gpointer field = spec->offset != NO_FIELD ? G_STRUCT_MEMBER_P (self, spec->offset) : NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *raw = g_key_file_get_value (kf, group, spec->key, NULL);

  switch (spec->type)
    {
    case KEY_STRING:
    case KEY_PATH:
    case KEY_LANGUAGE:
    case KEY_URL:
    case KEY_FORMAT:
    case KEY_ENDPOINT:
      {
        g_autofree char *value = g_key_file_get_string (kf, group, spec->key, &error);
        JkFeedFormat format;

        if (value == NULL)
          {
            add_problem (self, path, contents, group, spec->key,
                         _("cannot read the value (%s); using the default"), error->message);
            return;
          }
        g_strstrip (value);
        if (spec->type == KEY_LANGUAGE && !g_str_equal (value, "en") && !g_str_equal (value, "es"))
          {
            add_problem (self, path, contents, group, spec->key,
                         _("\"%s\" is not a language the kiosk speaks (en or es); using the default"), value);
            return;
          }
        if (spec->type == KEY_FORMAT && !jk_feed_format_from_string (value, &format))
          {
            add_problem (self, path, contents, group, spec->key,
                         _("\"%s\" is not one of auto, job-xml, jsonld, rss, usajobs; using auto"), value);
            return;
          }
        /* [mail] security: a mistyped value must not quietly send in the clear. */
        if (g_str_equal (group, "mail") && g_str_equal (spec->key, "security") && !g_str_equal (value, "starttls")
            && !g_str_equal (value, "tls") && !g_str_equal (value, "none"))
          {
            add_problem (self, path, contents, group, spec->key,
                         _("\"%s\" is not one of starttls, tls, none; using starttls"), value);
            return;
          }
        if (spec->type == KEY_ENDPOINT && !is_web_address (value))
          {
            add_problem (self, path, contents, group, spec->key,
                         _("\"%s\" is not an http:// or https:// address; nothing is sent to this partner"),
                         value);
            return;
          }
        if (value[0] == '\0' && spec->type == KEY_URL)
          {
            add_problem (self, path, contents, group, spec->key, _("is empty"));
            return;
          }
        if (value[0] == '\0' && spec->type != KEY_PATH)
          {
            add_problem (self, path, contents, group, spec->key, _("is empty; using the default"));
            return;
          }
        /* A source's display name is kept per source; the other NO_FIELD
         * keys are read from merged (by the feeds, by the keypad). */
        if (field == NULL && g_str_equal (spec->key, "display-name") && g_str_has_prefix (group, SOURCE_PREFIX))
          g_hash_table_insert (self->display_names, g_strdup (group + strlen (SOURCE_PREFIX)),
                               g_steal_pointer (&value));
        if (field == NULL)
          break;
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
            add_problem (self, path, contents, group, spec->key,
                         _("\"%s\" is not a whole number from %u to %u; using the default (%u)"),
                         raw, spec->min, spec->max, field != NULL ? *(guint *) field : spec->fallback);
            return;
          }
        if (field != NULL)
          *(guint *) field = (guint) value;
        break;
      }

    case KEY_BOOL:
      {
        gboolean value = g_key_file_get_boolean (kf, group, spec->key, &error);
        if (error != NULL)
          {
            gboolean fallback = field != NULL ? *(gboolean *) field : (gboolean) spec->fallback;
            add_problem (self, path, contents, group, spec->key,
                         _("\"%s\" is not true or false; using the default (%s)"),
                         raw, fallback ? "true" : "false");
            return;
          }
        if (field != NULL)
          *(gboolean *) field = value;
        break;
      }

    default:
      g_assert_not_reached ();
    }

  note_value (self, path, contents, group, spec->key);
  g_key_file_set_value (self->merged, group, spec->key, raw);
}

/* header-NAME = value, or header-NAME-file = a file holding the value. */
static void
apply_header (JkConfig   *self,
              GKeyFile   *kf,
              const char *path,
              const char *contents,
              const char *group,
              const char *key)
{
  g_autofree char *raw = g_key_file_get_value (kf, group, key, NULL);
  g_autofree char *value = g_key_file_get_string (kf, group, key, NULL);
  g_autofree char *name = g_strdup (key + strlen (HEADER_PREFIX));
  gboolean from_file = g_str_has_suffix (name, HEADER_FILE_SUFFIX);

  if (from_file)
    name[strlen (name) - strlen (HEADER_FILE_SUFFIX)] = '\0';
  if (name[0] == '\0' || value == NULL || (!from_file && strpbrk (value, "\r\n") != NULL))
    {
      add_problem (self, path, contents, group, key, _("this header is not usable; it is not sent"));
      return;
    }
  if (from_file)
    {
      g_autofree char *file = jk_config_resolve_path (self, g_strstrip (value));
      g_autofree char *text = NULL;
      g_autoptr (GError) error = NULL;

      if (!g_file_get_contents (file, &text, NULL, &error))
        {
          add_problem (self, path, contents, group, key, _("cannot read %s (%s); the header is not sent"),
                       file, error->message);
          return;
        }
    }
  note_value (self, path, contents, group, key);
  g_key_file_set_value (self->merged, group, key, raw);
}

static void
note_group (JkConfig   *self,
            const char *path,
            const char *contents,
            const char *group)
{
  if (g_hash_table_contains (self->origins, group))
    return;
  g_hash_table_insert (self->origins, g_strdup (group),
                       g_strdup_printf ("%s:%u", path, find_line (contents, group, NULL)));
  if (g_str_has_prefix (group, SOURCE_PREFIX))
    g_ptr_array_add (self->source_names, g_strdup (group + strlen (SOURCE_PREFIX)));
  if (g_str_has_prefix (group, PARTNER_PREFIX))
    g_ptr_array_add (self->partner_names, g_strdup (group + strlen (PARTNER_PREFIX)));
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
      gboolean is_source = g_str_has_prefix (group, SOURCE_PREFIX);

      note_group (self, path, contents, group);
      if (find_spec (group, NULL) == NULL)
        {
          add_problem (self, path, contents, group, NULL, _("unknown section; ignored"));
          continue;
        }
      for (guint k = 0; keys[k] != NULL; k++)
        {
          const KeySpec *spec = find_spec (group, keys[k]);
          if (spec != NULL)
            apply_key (self, kf, path, contents, group, spec);
          else if (is_source && g_str_has_prefix (keys[k], HEADER_PREFIX))
            apply_header (self, kf, path, contents, group, keys[k]);
          else
            add_problem (self, path, contents, group, keys[k], _("unknown key; ignored"));
        }
    }
}

/* What is known only once every file is read: a source with no url. */
static void
check_sources (JkConfig *self)
{
  for (guint i = 0; i < self->source_names->len; i++)
    {
      const char *name = self->source_names->pdata[i];
      g_autofree char *group = g_strconcat (SOURCE_PREFIX, name, NULL);
      const char *where = g_hash_table_lookup (self->origins, group);
      g_autofree char *stripped = g_strstrip (g_strdup (name));

      if (stripped[0] == '\0')
        add_problem_at (self, where, group, NULL, _("a source needs a name, as in [source job-bank]; skipped"));
      else if (!g_key_file_has_key (self->merged, group, "url", NULL))
        add_problem_at (self, where, group, NULL, _("has no url; this source is not updated"));
    }
}

/* A partner needs both its organization (to find its services) and an
 * endpoint (to send to): without either, no service offers the referral. */
static void
check_partners (JkConfig *self)
{
  for (guint i = 0; i < self->partner_names->len; i++)
    {
      const char *name = self->partner_names->pdata[i];
      g_autofree char *group = g_strconcat (PARTNER_PREFIX, name, NULL);
      const char *where = g_hash_table_lookup (self->origins, group);
      g_autofree char *stripped = g_strstrip (g_strdup (name));

      if (stripped[0] == '\0')
        add_problem_at (self, where, group, NULL,
                        _("a partner needs a name, as in [partner childcare-council]; skipped"));
      else if (!g_key_file_has_key (self->merged, group, "organization", NULL))
        add_problem_at (self, where, group, NULL,
                        _("has no organization; no service offers “Ask them to contact me” for this partner"));
      else if (!g_key_file_has_key (self->merged, group, "endpoint", NULL))
        add_problem_at (self, where, group, NULL,
                        _("has no usable endpoint; no service offers “Ask them to contact me” for this partner"));
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
  g_autoptr (GError) dir_error = NULL;
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, &dir_error);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    {
      /* No conf.d is no drop-ins; one that cannot be listed hides what it names. */
      if (!g_error_matches (dir_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_autofree char *message = g_strdup_printf (_("Cannot read the folder %s (%s); its files were not read"),
                                                      dir_path, dir_error->message);
          refuse (self, message);
        }
      return;
    }
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
          g_autofree char *message = g_strdup_printf (_("%s; the file was skipped, the rest of the configuration "
                                                        "applies"), error->message);
          refuse (self, message);
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
  self->refused = g_ptr_array_new_with_free_func (g_free);
  self->source_names = g_ptr_array_new_with_free_func (g_free);
  self->partner_names = g_ptr_array_new_with_free_func (g_free);
  self->origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->display_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->value_origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
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
  self->speech_rate = 50;
  /* speech-dispatcher's own default is its loudest (100), our 100; a
   * quarter below leaves "Louder" somewhere to go. */
  self->speech_volume = 75;
  self->speech_module = g_strdup ("espeak-ng");
  /* The demo's: Ohio, and Columbus (the demo center's area). */
  self->lmi_state = g_strdup ("39");
  self->lmi_metro = g_strdup ("18140");
  self->resume_keep_days = 90;
  self->services_min_share = 50;
  self->checkin_refresh = 5;
  self->checkin_before = 30;
  self->checkin_after = 15;
  self->checkin_grace = 30;
  self->checkin_format = g_strdup ("json");
  self->checkin_slip = TRUE;
  self->mail_security = g_strdup ("starttls");
  self->mail_timeout = 60;
  self->staff_idle_minutes = 3;
  self->staff_max_tries = 5;
  self->staff_lock_minutes = 15;
  return self;
}

/* Reads one file over what is already set. A file that cannot be read, or
 * is not text at all, is an error (the caller says what then happens); a
 * bad line is reported and skipped, a bad value reported and the default
 * kept. */
gboolean
jk_config_load_file (JkConfig    *self,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *kept = NULL;
  gsize length;
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  g_autoptr (GError) local_error = NULL;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, JK_CONFIG_ERROR, JK_CONFIG_ERROR_UNREADABLE,
                   _("Cannot read the configuration file %s: %s"), path, local_error->message);
      return FALSE;
    }
  /* A NUL byte: a binary file put there by mistake, not a text with a typo. */
  if (memchr (contents, '\0', length) != NULL)
    {
      g_set_error (error, JK_CONFIG_ERROR, JK_CONFIG_ERROR_UNREADABLE,
                   _("The configuration file %s is not a text file"), path);
      return FALSE;
    }
  kept = drop_bad_lines (self, path, contents, length);
  if (!g_key_file_load_from_data (kf, kept, -1, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, JK_CONFIG_ERROR, JK_CONFIG_ERROR_UNREADABLE,
                   _("The configuration file %s is not a valid INI file (%s)"), path, local_error->message);
      return FALSE;
    }
  g_ptr_array_add (self->files, g_strdup (path));
  apply_keyfile (self, kf, path, kept);
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
      {
        g_autofree char *message = g_strdup_printf (_("%s; the built-in defaults apply instead"),
                                                    local_error->message);
        refuse (self, message);
      }
    }

  load_dropins (self, main_file);
  check_sources (self);
  check_partners (self);
  return g_steal_pointer (&self);
}

gboolean
jk_config_is_complete (const JkConfig *self,
                       GError        **error)
{
  g_autoptr (GString) list = g_string_new (NULL);

  if (self->refused->len == 0)
    return TRUE;
  for (guint i = 0; i < self->refused->len; i++)
    g_string_append_printf (list, "\n  %s", (const char *) self->refused->pdata[i]);
  g_set_error (error, JK_CONFIG_ERROR, JK_CONFIG_ERROR_INCOMPLETE,
               _("The configuration was not read whole:%s"), list->str);
  return FALSE;
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
  g_hash_table_insert (self->value_origins, g_strdup ("kiosk\037database"), g_strdup ("0:--db"));
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
  g_ptr_array_unref (self->refused);
  g_ptr_array_unref (self->source_names);
  g_ptr_array_unref (self->partner_names);
  g_hash_table_unref (self->origins);
  g_hash_table_unref (self->display_names);
  g_hash_table_unref (self->value_origins);
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
  g_free (self->speech_module);
  g_free (self->lmi_state);
  g_free (self->lmi_metro);
  g_free (self->lmi_data);
  g_free (self->secret_file);
  g_free (self->checkin_calendars);
  g_free (self->checkin_endpoint);
  g_free (self->checkin_token_file);
  g_free (self->checkin_format);
  g_free (self->training_data);
  g_free (self->training_map);
  g_free (self->services_data);
  g_free (self->orientation_folder);
  g_free (self->usage_endpoint);
  g_free (self->usage_token_file);
  g_free (self->usage_report_dir);
  g_free (self->metrics_textfile);
  g_free (self->mail_host);
  g_free (self->mail_security);
  g_free (self->mail_from);
  g_free (self->mail_username);
  g_free (self->mail_password_file);
  g_free (self->speech_headphones);
  g_free (self);
}

const char *
jk_config_get_source_display_name (const JkConfig *self,
                                   const char     *source)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (source == NULL)
    return NULL;
  return g_hash_table_lookup (self->display_names, source);
}

/* The default of a key with no field: the keypad's keys, a source's. */
static const char *
default_text (const KeySpec *spec)
{
#define X(id, name, keys) if (g_str_equal (spec->group, "keypad") && g_str_equal (spec->key, name)) return keys;
  JK_KEYPAD_ACTIONS
#undef X
  if (g_str_equal (spec->key, "format"))
    return "auto";
  return NULL;
}

static char *
field_text (const JkConfig *self,
            const KeySpec  *spec)
{
  gconstpointer field = G_STRUCT_MEMBER_P (self, spec->offset);

  switch (spec->type)
    {
    case KEY_UINT:
      return g_strdup_printf ("%u", *(const guint *) field);
    case KEY_BOOL:
      return g_strdup (*(const gboolean *) field ? "true" : "false");
    default:
      return g_strdup (*(char *const *) field);
    }
}

static void
add_value (const JkConfig *self,
           GPtrArray      *values,
           const char     *group,
           const char     *key,
           char           *value)
{
  JkConfigValue *entry = g_new0 (JkConfigValue, 1);
  g_autofree char *id = g_strdup_printf ("%s\037%s", group, key);
  const char *origin = g_hash_table_lookup (self->value_origins, id);

  entry->group = g_strdup (group);
  entry->key = g_strdup (key);
  entry->value = value;
  if (origin != NULL)
    {
      char *rest = NULL;

      entry->line = (guint) g_ascii_strtoull (origin, &rest, 10);
      entry->file = g_strdup (rest + 1);
    }
  g_ptr_array_add (values, entry);
}

GPtrArray *
jk_config_list_values (const JkConfig *self)
{
  GPtrArray *values = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_config_value_free);

  g_return_val_if_fail (self != NULL, values);

  for (gsize i = 0; i < G_N_ELEMENTS (key_specs); i++)
    {
      const KeySpec *spec = &key_specs[i];
      char *value;

      if (g_str_equal (spec->group, SOURCE_GROUP) || g_str_equal (spec->group, PARTNER_GROUP))
        continue;
      if (spec->offset != NO_FIELD)
        value = field_text (self, spec);
      else
        {
          value = g_key_file_get_string (self->merged, spec->group, spec->key, NULL);
          if (value == NULL)
            value = g_strdup (default_text (spec));
        }
      add_value (self, values, spec->group, spec->key, value);
    }

  for (guint s = 0; s < self->source_names->len; s++)
    {
      g_autofree char *group = g_strconcat (SOURCE_PREFIX, (const char *) self->source_names->pdata[s], NULL);
      g_auto (GStrv) keys = g_key_file_get_keys (self->merged, group, NULL, NULL);

      for (gsize i = 0; i < G_N_ELEMENTS (key_specs); i++)
        {
          const KeySpec *spec = &key_specs[i];
          char *value;

          if (!g_str_equal (spec->group, SOURCE_GROUP))
            continue;
          value = g_key_file_get_string (self->merged, group, spec->key, NULL);
          if (value != NULL)
            g_strstrip (value);
          else if (spec->type == KEY_UINT)
            value = g_strdup_printf ("%u", spec->fallback);
          else if (spec->type == KEY_BOOL)
            value = g_strdup (spec->fallback ? "true" : "false");
          else
            value = g_strdup (default_text (spec));
          add_value (self, values, group, spec->key, value);
        }
      /* A header's value may be a credential: only that it is set. */
      for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
        if (g_str_has_prefix (keys[k], HEADER_PREFIX))
          add_value (self, values, group, keys[k],
                     g_str_has_suffix (keys[k], HEADER_FILE_SUFFIX)
                       ? g_strstrip (g_key_file_get_string (self->merged, group, keys[k], NULL))
                       : g_strdup (JK_CONFIG_VALUE_SET));
    }

  for (guint p = 0; p < self->partner_names->len; p++)
    {
      g_autofree char *group = g_strconcat (PARTNER_PREFIX, (const char *) self->partner_names->pdata[p], NULL);

      for (gsize i = 0; i < G_N_ELEMENTS (key_specs); i++)
        {
          const KeySpec *spec = &key_specs[i];
          g_autofree char *value = NULL;

          if (!g_str_equal (spec->group, PARTNER_GROUP))
            continue;
          value = g_key_file_get_string (self->merged, group, spec->key, NULL);
          if (value != NULL)
            g_strstrip (value);
          /* The token file is shown as the path it resolves to; its content never. */
          if (value != NULL && value[0] != '\0' && spec->type == KEY_PATH)
            {
              char *resolved = jk_config_resolve_path (self, value);
              g_free (value);
              value = resolved;
            }
          add_value (self, values, group, spec->key, g_steal_pointer (&value));
        }
    }
  return values;
}

void
jk_config_value_free (JkConfigValue *value)
{
  if (value == NULL)
    return;
  g_free (value->group);
  g_free (value->key);
  g_free (value->value);
  g_free (value->file);
  g_free (value);
}
