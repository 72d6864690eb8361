/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-resume-json.c: JSON Resume (schema v1.0.0) read with its checks, and written back in the schema's order */

#define G_LOG_DOMAIN "jobkiosk-resume"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <jobkiosk/jk-i18n.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "resume/jk-resume-private.h"

typedef struct {
  GPtrArray *problems;
} Reader;

static void
problem_free (gpointer data)
{
  JkResumeProblem *problem = data;

  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

static void add_problem (Reader           *reader,
                         JkResumeSeverity  severity,
                         const char       *path,
                         const char       *format,
                         ...) G_GNUC_PRINTF (4, 5);

static void
add_problem (Reader           *reader,
             JkResumeSeverity  severity,
             const char       *path,
             const char       *format,
             ...)
{
  JkResumeProblem *problem = g_new0 (JkResumeProblem, 1);
  va_list args;

  problem->severity = severity;
  problem->path = g_strdup (path);
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (reader->problems, problem);
}

gboolean
jk_resume_problems_have_errors (GPtrArray *problems)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    if (((JkResumeProblem *) g_ptr_array_index (problems, i))->severity == JK_RESUME_ERROR_PROBLEM)
      return TRUE;
  return FALSE;
}

static const char *
node_kind (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("a list");
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  switch (json_node_get_value_type (node) == G_TYPE_STRING ? 0 : json_node_get_value_type (node) == G_TYPE_BOOLEAN ? 1 : 2)
    {
    case 0: return _("text");
    case 1: return _("true or false");
    default: return _("a number");
    }
}

/* A date as the schema allows it: YYYY, YYYY-MM or YYYY-MM-DD, with a
 * real month and day. */
static gboolean
date_is_valid (const char *date)
{
  gsize length = strlen (date);
  int year, month = 1, day = 1;

  if (length != 4 && length != 7 && length != 10)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      if (i == 4 || i == 7)
        {
          if (date[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (date[i]))
        return FALSE;
    }
  year = atoi (date);
  if (length >= 7)
    month = atoi (date + 5);
  if (length == 10)
    day = atoi (date + 8);
  return year >= 1900 && year <= 2999 && g_date_valid_dmy (day, month, year);
}

/* Control characters removed (a line break kept where text may hold
 * one), tabs made spaces, the ends trimmed, and the length cut. */
static char *
clean_text (Reader            *reader,
            const char        *path,
            const char        *text,
            JkResumeFieldKind  kind)
{
  GString *out = g_string_new (NULL);
  gboolean removed = FALSE;
  glong max = kind == JK_RESUME_FIELD_TEXT || kind == JK_RESUME_FIELD_LIST ? JK_RESUME_MAX_TEXT : JK_RESUME_MAX_LINE;
  glong count = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t')
        c = ' ';
      else if (c == '\r')
        continue;
      else if (c == '\n' && kind != JK_RESUME_FIELD_TEXT)
        c = ' ';
      else if ((c < 0x20 && c != '\n') || (c >= 0x7f && c < 0xa0))
        {
          removed = TRUE;
          continue;
        }
      g_string_append_unichar (out, c);
    }
  if (removed)
    add_problem (reader, JK_RESUME_WARNING, path, "%s", _("had control characters, which were removed"));
  g_strstrip (out->str);
  count = g_utf8_strlen (out->str, -1);
  if (count > max)
    {
      char *end = g_utf8_offset_to_pointer (out->str, max);

      *end = '\0';
      g_strchomp (out->str);
      add_problem (reader, JK_RESUME_WARNING, path, _("is longer than %ld characters and was cut"), max);
    }
  if (out->str[0] == '\0')
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static char *
read_string (Reader            *reader,
             const char        *path,
             JsonNode          *node,
             JkResumeFieldKind  kind)
{
  char *text;

  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      add_problem (reader, JK_RESUME_ERROR_PROBLEM, path, _("should be text in quotes, not %s"), node_kind (node));
      return NULL;
    }
  text = clean_text (reader, path, json_node_get_string (node), kind);
  if (text != NULL && kind == JK_RESUME_FIELD_DATE && !date_is_valid (text))
    {
      add_problem (reader, JK_RESUME_ERROR_PROBLEM, path, "%s", _("is not a date like 2021-05 or 2021"));
      g_clear_pointer (&text, g_free);
    }
  return text;
}

static GPtrArray *
read_strings (Reader     *reader,
              const char *path,
              JsonNode   *node)
{
  GPtrArray *strings;
  JsonArray *array;

  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      add_problem (reader, JK_RESUME_ERROR_PROBLEM, path, _("should be a list, not %s"), node_kind (node));
      return NULL;
    }
  array = json_node_get_array (node);
  strings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);
      char *text;

      if (i == JK_RESUME_MAX_ITEMS)
        {
          add_problem (reader, JK_RESUME_WARNING, path, _("has more than %d entries; the rest were left out"),
                       JK_RESUME_MAX_ITEMS);
          break;
        }
      text = read_string (reader, item_path, json_array_get_element (array, i), JK_RESUME_FIELD_LIST);
      if (text != NULL)
        g_ptr_array_add (strings, text);
    }
  if (strings->len == 0)
    g_clear_pointer (&strings, g_ptr_array_unref);
  return strings;
}

/* Reads the members of object named in fields into entry; says which
 * others it left out (except those in ignore, handled by the caller).
 * Returns whether anything was taken. */
static gboolean
read_fields (Reader              *reader,
             const char          *path,
             JsonObject          *object,
             const JkResumeField *fields,
             gpointer             entry,
             const char * const  *ignore)
{
  g_autoptr (GList) members = json_object_get_members (object);
  gboolean any = FALSE;

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      g_autofree char *member_path = g_strdup_printf ("%s.%s", path, key);
      JsonNode *node = json_object_get_member (object, key);
      const JkResumeField *f;

      if (ignore != NULL && g_strv_contains (ignore, key))
        continue;
      for (f = fields; f->key != NULL && !g_str_equal (f->key, key); f++)
        ;
      if (f->key == NULL)
        {
          add_problem (reader, JK_RESUME_WARNING, member_path, "%s", _("is not used by the kiosk and was left out"));
          continue;
        }
      if (f->kind == JK_RESUME_FIELD_LIST)
        {
          g_clear_pointer (&JK_RESUME_FIELD_ARRAY (entry, f), g_ptr_array_unref);
          JK_RESUME_FIELD_ARRAY (entry, f) = read_strings (reader, member_path, node);
          any |= JK_RESUME_FIELD_ARRAY (entry, f) != NULL;
        }
      else
        {
          g_clear_pointer (&JK_RESUME_FIELD_STRING (entry, f), g_free);
          JK_RESUME_FIELD_STRING (entry, f) = read_string (reader, member_path, node, f->kind);
          any |= JK_RESUME_FIELD_STRING (entry, f) != NULL;
        }
    }
  return any;
}

static JsonObject *
expect_object (Reader     *reader,
               const char *path,
               JsonNode   *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);
  if (!JSON_NODE_HOLDS_NULL (node))
    add_problem (reader, JK_RESUME_ERROR_PROBLEM, path, _("should be an object with named fields, not %s"),
                 node_kind (node));
  return NULL;
}

static void
read_basics (Reader     *reader,
             JsonNode   *node,
             JkResume   *resume)
{
  static const char * const basics_own[] = { "location", NULL };
  static const char * const location_own[] = { "address", NULL };
  JsonObject *basics = expect_object (reader, "$.basics", node);
  JsonObject *location;

  if (basics == NULL)
    return;
  read_fields (reader, "$.basics", basics, jk_resume_basics_fields, &resume->basics, basics_own);
  if (!json_object_has_member (basics, "location"))
    return;
  location = expect_object (reader, "$.basics.location", json_object_get_member (basics, "location"));
  if (location == NULL)
    return;
  read_fields (reader, "$.basics.location", location, jk_resume_location_fields, &resume->basics, location_own);
  if (json_object_has_member (location, "address"))
    add_problem (reader, JK_RESUME_WARNING, "$.basics.location.address", "%s",
                 _("was left out: a resume needs no street address"));
}

static void
read_section (Reader                *reader,
              const JkResumeSection *section,
              JsonNode              *node,
              JkResume              *resume)
{
  g_autofree char *path = g_strdup_printf ("$.%s", section->key);
  GPtrArray *entries = JK_RESUME_SECTION_ARRAY (resume, section);
  JsonArray *array;

  if (JSON_NODE_HOLDS_NULL (node))
    return;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      add_problem (reader, JK_RESUME_ERROR_PROBLEM, path, _("should be a list, not %s"), node_kind (node));
      return;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *entry_path = g_strdup_printf ("%s[%u]", path, i);
      JsonObject *object;
      gpointer entry;

      if (i == JK_RESUME_MAX_ITEMS)
        {
          add_problem (reader, JK_RESUME_WARNING, path, _("has more than %d entries; the rest were left out"),
                       JK_RESUME_MAX_ITEMS);
          break;
        }
      object = expect_object (reader, entry_path, json_array_get_element (array, i));
      if (object == NULL)
        continue;
      entry = g_malloc0 (section->size);
      /* An entry with nothing in it would be an empty line on the page. */
      if (read_fields (reader, entry_path, object, section->fields, entry, NULL))
        g_ptr_array_add (entries, entry);
      else
        section->free_entry (entry);
    }
}

/* Work and volunteer dates in order: the end not before the start. */
static void
check_periods (Reader    *reader,
               JkResume  *resume)
{
  const char *keys[] = { "work", "volunteer" };
  GPtrArray *lists[] = { resume->work, resume->volunteer };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        JkResumeWork *work = g_ptr_array_index (lists[l], i);
        g_autofree char *path = NULL;

        if (work->start_date == NULL || work->end_date == NULL
            || strncmp (work->end_date, work->start_date, MIN (strlen (work->start_date), strlen (work->end_date))) >= 0)
          continue;
        path = g_strdup_printf ("$.%s[%u].endDate", keys[l], i);
        add_problem (reader, JK_RESUME_ERROR_PROBLEM, path, "%s", _("is before the start date"));
      }
}

/* json-glib says "<data>:LINE:COLUMN: Parse error: WHAT"; people read
 * "line LINE, column COLUMN: WHAT". */
static void
set_malformed_error (GError     **error,
                     const char  *name,
                     const GError *parse_error)
{
  int line = 0, column = 0, consumed = 0;
  const char *what = parse_error->message;

  if (sscanf (what, "<data>:%d:%d: %n", &line, &column, &consumed) == 2 && consumed > 0)
    {
      what += consumed;
      if (g_str_has_prefix (what, "Parse error: "))
        what += strlen ("Parse error: ");
      g_set_error (error, JK_RESUME_ERROR, JK_RESUME_ERROR_MALFORMED, _("%s is not valid JSON: line %d, column %d: %s"),
                   name, line, column, what);
    }
  else
    g_set_error (error, JK_RESUME_ERROR, JK_RESUME_ERROR_MALFORMED, _("%s is not valid JSON: %s"), name, what);
}

static JkResume *
load_data (const char  *name,
           const char  *data,
           gsize        length,
           GPtrArray  **problems,
           GError     **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) parse_error = NULL;
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (problem_free);
  g_autoptr (JkResume) resume = NULL;
  Reader reader = { found };
  const char *bad = NULL;
  JsonObject *root;

  if (length > JK_RESUME_MAX_FILE_SIZE)
    {
      g_set_error (error, JK_RESUME_ERROR, JK_RESUME_ERROR_TOO_LARGE,
                   _("%s is larger than %d MB: too large for a resume, so it was not read"), name,
                   JK_RESUME_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!g_utf8_validate (data, length, &bad))
    {
      int line = 1, column = 1;

      for (const char *p = data; p < bad; p++)
        {
          if (*p == '\n')
            line++, column = 1;
          else if ((*p & 0xc0) != 0x80)
            column++;
        }
      g_set_error (error, JK_RESUME_ERROR, JK_RESUME_ERROR_MALFORMED,
                   _("%s is not UTF-8 text: line %d, column %d"), name, line, column);
      return NULL;
    }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      set_malformed_error (error, name, parse_error);
      return NULL;
    }
  resume = jk_resume_new ();
  root = expect_object (&reader, "$", json_parser_get_root (parser));
  if (root == NULL)
    {
      if (found->len == 0)
        add_problem (&reader, JK_RESUME_ERROR_PROBLEM, "$", "%s", _("should be an object with named fields, not null"));
    }
  else
    {
      g_autoptr (GList) members = json_object_get_members (root);

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *key = l->data;
          JsonNode *node = json_object_get_member (root, key);
          const JkResumeSection *s;
          g_autofree char *path = g_strdup_printf ("$.%s", key);

          if (g_str_equal (key, "$schema"))
            continue;
          if (g_str_equal (key, "basics"))
            {
              read_basics (&reader, node, resume);
              continue;
            }
          for (s = jk_resume_sections; s->key != NULL && !g_str_equal (s->key, key); s++)
            ;
          if (s->key != NULL)
            read_section (&reader, s, node, resume);
          else
            add_problem (&reader, JK_RESUME_WARNING, path, "%s", _("is not used by the kiosk and was left out"));
        }
    }
  if (resume->basics.name == NULL)
    add_problem (&reader, JK_RESUME_ERROR_PROBLEM, "$.basics.name", "%s", _("is missing: a resume needs a name"));
  check_periods (&reader, resume);
  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return g_steal_pointer (&resume);
}

JkResume *
jk_resume_load_data (const char  *data,
                     gsize        length,
                     GPtrArray  **problems,
                     GError     **error)
{
  return load_data (_("The resume"), data, length, problems, error);
}

JkResume *
jk_resume_load_file (const char  *path,
                     GPtrArray  **problems,
                     GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *data = NULL;
  gsize length = 0;
  struct stat info;
  int fd, saved_errno;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, JK_RESUME_ERROR, JK_RESUME_ERROR_IO, _("Could not open %s: %s"), name, g_strerror (saved_errno));
      return NULL;
    }
  /* A regular file says its size: refused before a byte is read. Others
   * (a pipe) are read only up to the limit, one byte past it telling. */
  if (fstat (fd, &info) == 0 && S_ISREG (info.st_mode) && info.st_size > JK_RESUME_MAX_FILE_SIZE)
    length = (gsize) JK_RESUME_MAX_FILE_SIZE + 1;
  else
    {
      data = g_malloc (JK_RESUME_MAX_FILE_SIZE + 2);
      while (length <= JK_RESUME_MAX_FILE_SIZE)
        {
          ssize_t got = read (fd, data + length, JK_RESUME_MAX_FILE_SIZE + 1 - length);

          if (got < 0 && errno == EINTR)
            continue;
          if (got < 0)
            {
              saved_errno = errno;
              close (fd);
              g_set_error (error, JK_RESUME_ERROR, JK_RESUME_ERROR_IO, _("Could not read %s: %s"), name,
                           g_strerror (saved_errno));
              return NULL;
            }
          if (got == 0)
            break;
          length += (gsize) got;
        }
      data[length] = '\0';
    }
  close (fd);
  return load_data (name, data != NULL ? data : "", length, problems, error);
}

/* ---------------------------------------------------------------------- */
/* Writing                                                                */

static void
write_fields (JsonBuilder         *builder,
              const JkResumeField *fields,
              gconstpointer        entry)
{
  for (const JkResumeField *f = fields; f->key != NULL; f++)
    {
      if (f->kind == JK_RESUME_FIELD_LIST)
        {
          GPtrArray *strings = JK_RESUME_FIELD_ARRAY (entry, f);

          if (strings == NULL || strings->len == 0)
            continue;
          json_builder_set_member_name (builder, f->key);
          json_builder_begin_array (builder);
          for (guint i = 0; i < strings->len; i++)
            json_builder_add_string_value (builder, g_ptr_array_index (strings, i));
          json_builder_end_array (builder);
        }
      else if (JK_RESUME_FIELD_STRING (entry, f) != NULL)
        {
          json_builder_set_member_name (builder, f->key);
          json_builder_add_string_value (builder, JK_RESUME_FIELD_STRING (entry, f));
        }
    }
}

char *
jk_resume_to_json (const JkResume *resume)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  const JkResumeBasics *basics = &resume->basics;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "basics");
  json_builder_begin_object (builder);
  write_fields (builder, jk_resume_basics_fields, basics);
  if (basics->city != NULL || basics->region != NULL || basics->country_code != NULL)
    {
      json_builder_set_member_name (builder, "location");
      json_builder_begin_object (builder);
      write_fields (builder, jk_resume_location_fields, basics);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  for (const JkResumeSection *s = jk_resume_sections; s->key != NULL; s++)
    {
      GPtrArray *entries = JK_RESUME_SECTION_ARRAY (resume, s);

      if (entries == NULL || entries->len == 0)
        continue;
      json_builder_set_member_name (builder, s->key);
      json_builder_begin_array (builder);
      for (guint i = 0; i < entries->len; i++)
        {
          json_builder_begin_object (builder);
          write_fields (builder, s->fields, g_ptr_array_index (entries, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  /* A file ends with a line break. */
  return g_strconcat (text, "\n", NULL);
}
