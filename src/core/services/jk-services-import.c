/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-services-import.c: an Open Referral (HSDS 3.0, 1.x/2.0) directory or a plain list, read whole and written in one transaction */

#define G_LOG_DOMAIN "jk-services"

#include <json-glib/json-glib.h>
#include <jobkiosk/jk-i18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jobkiosk/jk-services.h"
#include "services/jk-services-private.h"
#include "store/jk-store-private.h"

/* Larger than any region's directory (a state's 211 is some tens of MB). */
#define MAX_FILE_SIZE (256 * 1024 * 1024)

typedef struct {
  char *name;           /* the file's name, for errors */
  GPtrArray *header;    /* char *, normalized */
  GPtrArray *rows;      /* GPtrArray of char * */
  GArray *lines;        /* gint64: the line each row began on */
} Table;

typedef struct {
  char *dir;
  GHashTable *resources;  /* datapackage resource name → file path */
} Source;

typedef struct {
  JkStore *store;
  GHashTable *organizations;  /* directory id → row id (gint64 *) */
  GHashTable *services;
  GHashTable *locations;
  GHashTable *terms;
  GHashTable *at_location;    /* service_at_location id → "service\tlocation" ids */
  gint64 service_count;
  gint64 location_count;
} Writer;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
fail (GError     **error,
      const char  *name,
      gint64       line,
      const char  *format,
      ...) G_GNUC_PRINTF (4, 5);

static void
fail (GError     **error,
      const char  *name,
      gint64       line,
      const char  *format,
      ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, JK_SERVICES_ERROR, JK_SERVICES_ERROR_FORMAT, "%s:%" G_GINT64_FORMAT ": %s", name, line,
               reason);
}

static void
table_free (Table *table)
{
  g_free (table->name);
  g_ptr_array_unref (table->header);
  g_ptr_array_unref (table->rows);
  g_array_unref (table->lines);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

/* Lower case, every run of other than letters and digits one "_":
 * "Postal Code" → "postal_code". */
static char *
normalize_header (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean gap = FALSE;

  for (const char *c = text; *c != '\0'; c++)
    {
      if (g_ascii_isalnum (*c) || (guchar) *c >= 0x80)
        {
          if (gap && out->len > 0)
            g_string_append_c (out, '_');
          gap = FALSE;
          g_string_append_c (out, g_ascii_tolower (*c));
        }
      else
        gap = TRUE;
    }
  return g_string_free (out, FALSE);
}

/* Splits data (UTF-8, RFC 4180) into records. */
static gboolean
parse_csv (const char  *name,
           const char  *data,
           gsize        length,
           Table       *table,
           GError     **error)
{
  const char *p = data, *end = data + length;
  gint64 line = 1;
  g_autoptr (GString) field = g_string_new (NULL);

  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end)
    {
      GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
      gint64 record_line;

      /* Blank lines between records are not records. */
      while (p < end && (*p == '\n' || *p == '\r'))
        {
          if (*p == '\n')
            line++;
          p++;
        }
      if (p >= end)
        {
          g_ptr_array_unref (record);
          break;
        }
      record_line = line;
      for (;;)
        {
          g_string_truncate (field, 0);
          if (p < end && *p == '"')
            {
              gint64 opened = line;

              p++;
              for (;;)
                {
                  if (p >= end)
                    {
                      g_ptr_array_unref (record);
                      fail (error, name, opened, _("a quote opened here is never closed"));
                      return FALSE;
                    }
                  if (*p == '"')
                    {
                      if (p + 1 < end && p[1] == '"')
                        {
                          g_string_append_c (field, '"');
                          p += 2;
                          continue;
                        }
                      p++;
                      break;
                    }
                  if (*p == '\n')
                    line++;
                  if (*p != '\r')
                    g_string_append_c (field, *p);
                  p++;
                }
              if (p < end && *p != ',' && *p != '\n' && *p != '\r')
                {
                  g_ptr_array_unref (record);
                  fail (error, name, line, _("text after a closing quote (a quote inside a field is written twice)"));
                  return FALSE;
                }
            }
          else
            while (p < end && *p != ',' && *p != '\n' && *p != '\r')
              g_string_append_c (field, *p++);
          g_ptr_array_add (record, g_strstrip (g_strdup (field->str)));
          if (p < end && *p == ',')
            {
              p++;
              continue;
            }
          if (p < end && *p == '\r')
            p++;
          if (p < end && *p == '\n')
            p++;
          line++;
          break;
        }
      if (table->header->len == 0)
        {
          for (guint i = 0; i < record->len; i++)
            g_ptr_array_add (table->header, normalize_header (record->pdata[i]));
          g_ptr_array_unref (record);
          continue;
        }
      /* A spreadsheet's row of empty cells is no record. */
      if (record->len == 1 && *(char *) record->pdata[0] == '\0')
        {
          g_ptr_array_unref (record);
          continue;
        }
      if (record->len != table->header->len)
        {
          guint n = record->len;

          g_ptr_array_unref (record);
          fail (error, name, record_line, _("%u fields where the header has %u"), n, table->header->len);
          return FALSE;
        }
      g_ptr_array_add (table->rows, record);
      g_array_append_val (table->lines, record_line);
    }
  if (table->header->len == 0)
    {
      fail (error, name, 1, _("the file is empty: a header line is expected"));
      return FALSE;
    }
  return TRUE;
}

static Table *
read_table (const char  *path,
            GError     **error)
{
  g_autoptr (Table) table = g_new0 (Table, 1);
  g_autofree char *data = NULL;
  gsize length;

  table->name = g_path_get_basename (path);
  table->header = g_ptr_array_new_with_free_func (g_free);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  table->lines = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  if (length > MAX_FILE_SIZE)
    {
      fail (error, table->name, 1, _("the file is larger than a directory can be"));
      return NULL;
    }
  if (!g_utf8_validate (data, length, NULL))
    {
      /* What a spreadsheet saves as "CSV" on Windows. */
      g_autofree char *converted = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, &length, NULL);

      if (converted == NULL)
        {
          fail (error, table->name, 1, _("the file is not text"));
          return NULL;
        }
      g_free (data);
      data = g_steal_pointer (&converted);
    }
  if (!parse_csv (table->name, data, length, table, error))
    return NULL;
  return g_steal_pointer (&table);
}

static int
column (const Table *table,
        const char  *name)
{
  for (guint i = 0; i < table->header->len; i++)
    if (g_str_equal (table->header->pdata[i], name))
      return (int) i;
  return -1;
}

/* The first of names the table has. */
static int
column_any (const Table *table,
            const char  *const *names)
{
  for (gsize i = 0; names[i] != NULL; i++)
    {
      int c = column (table, names[i]);

      if (c >= 0)
        return c;
    }
  return -1;
}

#define COLUMN_ANY(table, ...) column_any ((table), (const char *const[]) { __VA_ARGS__, NULL })

/* A cell, or NULL when the column is absent or the cell empty. */
static const char *
cell (const Table *table,
      guint        row,
      int          c)
{
  GPtrArray *record = table->rows->pdata[row];
  const char *value;

  if (c < 0 || (guint) c >= record->len)
    return NULL;
  value = record->pdata[c];
  return *value != '\0' ? value : NULL;
}

static gint64
row_line (const Table *table,
          guint        row)
{
  return g_array_index (table->lines, gint64, row);
}

static gboolean
require (const Table *table,
         int          c,
         const char  *name,
         GError     **error)
{
  if (c < 0)
    {
      fail (error, table->name, 1, _("no “%s” column in the header"), name);
      return FALSE;
    }
  return TRUE;
}

/* One of names (a datapackage resource, else NAME.csv) read, or NULL
 * with no error when the directory has none of them. */
static Table *
open_table (Source      *source,
            const char  *const *names,
            GError     **error)
{
  for (gsize i = 0; names[i] != NULL; i++)
    {
      const char *listed = source->resources != NULL ? g_hash_table_lookup (source->resources, names[i]) : NULL;
      g_autofree char *file = g_strconcat (names[i], ".csv", NULL);
      g_autofree char *path = listed != NULL ? g_build_filename (source->dir, listed, NULL)
                                             : g_build_filename (source->dir, file, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return read_table (path, error);
    }
  return NULL;
}

#define OPEN_TABLE(source, error, ...) open_table ((source), (const char *const[]) { __VA_ARGS__, NULL }, (error))

/* datapackage.json's resources by name, when there is one. */
static gboolean
read_datapackage (Source  *source,
                  GError **error)
{
  g_autofree char *path = g_build_filename (source->dir, "datapackage.json", NULL);
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) local_error = NULL;
  JsonNode *root;
  JsonArray *resources;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  parser = json_parser_new ();
  if (!json_parser_load_from_file (parser, path, &local_error))
    {
      g_set_error (error, JK_SERVICES_ERROR, JK_SERVICES_ERROR_FORMAT, "datapackage.json:%d: %s",
                   MAX (json_parser_get_current_line (parser), 1), local_error->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "resources") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "resources")))
    {
      fail (error, "datapackage.json", 1, _("no “resources” list"));
      return FALSE;
    }
  source->resources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  resources = json_object_get_array_member (json_node_get_object (root), "resources");
  for (guint i = 0; i < json_array_get_length (resources); i++)
    {
      JsonNode *node = json_array_get_element (resources, i);
      JsonObject *resource;
      const char *name, *file;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      resource = json_node_get_object (node);
      name = json_object_get_string_member_with_default (resource, "name", NULL);
      file = json_object_get_string_member_with_default (resource, "path", NULL);
      /* A path outside the folder, or a URL, is not read. */
      if (name != NULL && file != NULL && !g_path_is_absolute (file) && strstr (file, "..") == NULL &&
          strstr (file, "://") == NULL)
        g_hash_table_replace (source->resources, g_strdup (name), g_strdup (file));
    }
  return TRUE;
}

static gint64 *
new_id (gint64 id)
{
  gint64 *copy = g_new (gint64, 1);

  *copy = id;
  return copy;
}

static gint64
lookup (GHashTable *ids,
        const char *key)
{
  gint64 *id = key != NULL ? g_hash_table_lookup (ids, key) : NULL;

  return id != NULL ? *id : 0;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_number (sqlite3_stmt *stmt,
             int           index,
             const char   *text)
{
  char *end = NULL;
  double value = text != NULL ? g_ascii_strtod (text, &end) : NAN;

  if (text != NULL && end != text && *end == '\0' && isfinite (value))
    sqlite3_bind_double (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

/* Runs stmt once and resets it; the new row's id, or 0 with error. */
static gint64
run (Writer        *writer,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (writer->store, error, "Cannot save the services directory");
      return 0;
    }
  return sqlite3_last_insert_rowid (jk_store_get_db (writer->store));
}

/* A time cell checked: NULL (empty) or HH:MM kept; else refused. */
static gboolean
check_time (const Table  *table,
            guint         row,
            int           c,
            GError      **error)
{
  const char *value = cell (table, row, c);

  if (value != NULL && jk_services_parse_time (value) < 0)
    {
      fail (error, table->name, row_line (table, row), _("“%s” is not a time (like 09:00)"), value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_date (const Table  *table,
            guint         row,
            int           c,
            GError      **error)
{
  const char *value = cell (table, row, c);

  if (value == NULL)
    return TRUE;
  if (strlen (value) < 10 || value[4] != '-' || value[7] != '-' || !g_ascii_isdigit (value[0]) ||
      !g_date_valid_dmy (atoi (value + 8), atoi (value + 5), atoi (value)))
    {
      fail (error, table->name, row_line (table, row), _("“%s” is not a date (like 2026-12-25)"), value);
      return FALSE;
    }
  return TRUE;
}

/* "HH:MM" as stored, from what the directory wrote. */
static char *
stored_time (const char *text)
{
  int minutes = text != NULL ? jk_services_parse_time (text) : -1;

  return minutes >= 0 ? g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60) : NULL;
}

/* ---------------------------------------------------------------------- */
/* The HSDS tables (3.0, and 1.x / 2.0 by their plural names)             */

static gboolean
write_organizations (Writer  *writer,
                     Source  *source,
                     GError **error)
{
  g_autoptr (Table) table = OPEN_TABLE (source, error, "organization", "organizations");
  g_autoptr (sqlite3_stmt) insert = NULL;
  int id, name, description, url, email;

  if (table == NULL)
    return error == NULL || *error == NULL;
  id = column (table, "id");
  name = column (table, "name");
  if (!require (table, id, "id", error) || !require (table, name, "name", error))
    return FALSE;
  description = column (table, "description");
  url = COLUMN_ANY (table, "website", "url");
  email = column (table, "email");
  insert = jk_store_prepare (writer->store, "INSERT INTO service_organizations (key, name, description, url, email)"
                                            " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (insert == NULL)
    return FALSE;
  for (guint r = 0; r < table->rows->len; r++)
    {
      gint64 row;

      if (cell (table, r, name) == NULL)
        {
          fail (error, table->name, row_line (table, r), _("an organization without a name"));
          return FALSE;
        }
      bind_text (insert, 1, cell (table, r, id));
      bind_text (insert, 2, cell (table, r, name));
      bind_text (insert, 3, cell (table, r, description));
      bind_text (insert, 4, cell (table, r, url));
      bind_text (insert, 5, cell (table, r, email));
      if ((row = run (writer, insert, error)) == 0)
        return FALSE;
      if (cell (table, r, id) != NULL)
        g_hash_table_replace (writer->organizations, g_strdup (cell (table, r, id)), new_id (row));
    }
  return TRUE;
}

static gboolean
write_services (Writer  *writer,
                Source  *source,
                GError **error)
{
  g_autoptr (Table) table = OPEN_TABLE (source, error, "service", "services");
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autoptr (sqlite3_stmt) eligible = NULL;
  int id, organization, name, description, url, email, fees, process, status, eligibility, min_age, max_age;

  if (table == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, JK_SERVICES_ERROR, JK_SERVICES_ERROR_EMPTY, _("no services file"));
      return FALSE;
    }
  id = column (table, "id");
  name = column (table, "name");
  if (!require (table, id, "id", error) || !require (table, name, "name", error))
    return FALSE;
  organization = column (table, "organization_id");
  description = column (table, "description");
  url = COLUMN_ANY (table, "url", "website");
  email = column (table, "email");
  fees = COLUMN_ANY (table, "fees_description", "fees");
  process = column (table, "application_process");
  status = column (table, "status");
  eligibility = COLUMN_ANY (table, "eligibility_description", "eligibility");
  min_age = column (table, "minimum_age");
  max_age = column (table, "maximum_age");
  insert = jk_store_prepare (writer->store, "INSERT INTO services (key, organization_id, name, description, url, email,"
                                            " fees, application_process) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                             error);
  eligible = jk_store_prepare (writer->store, "INSERT INTO service_eligibility (service_id, description, minimum_age,"
                                              " maximum_age) VALUES (?1, ?2, ?3, ?4)", error);
  if (insert == NULL || eligible == NULL)
    return FALSE;
  for (guint r = 0; r < table->rows->len; r++)
    {
      const char *state = cell (table, r, status);
      gint64 row;

      if (cell (table, r, name) == NULL)
        {
          fail (error, table->name, row_line (table, r), _("a service without a name"));
          return FALSE;
        }
      if (state != NULL && (g_ascii_strcasecmp (state, "inactive") == 0 || g_ascii_strcasecmp (state, "defunct") == 0))
        continue;
      bind_text (insert, 1, cell (table, r, id));
      bind_id (insert, 2, lookup (writer->organizations, cell (table, r, organization)));
      bind_text (insert, 3, cell (table, r, name));
      bind_text (insert, 4, cell (table, r, description));
      bind_text (insert, 5, cell (table, r, url));
      bind_text (insert, 6, cell (table, r, email));
      bind_text (insert, 7, cell (table, r, fees));
      bind_text (insert, 8, cell (table, r, process));
      if ((row = run (writer, insert, error)) == 0)
        return FALSE;
      writer->service_count++;
      if (cell (table, r, id) != NULL)
        g_hash_table_replace (writer->services, g_strdup (cell (table, r, id)), new_id (row));
      if (cell (table, r, eligibility) != NULL)
        {
          sqlite3_bind_int64 (eligible, 1, row);
          bind_text (eligible, 2, cell (table, r, eligibility));
          bind_number (eligible, 3, cell (table, r, min_age));
          bind_number (eligible, 4, cell (table, r, max_age));
          if (run (writer, eligible, error) == 0)
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_locations (Writer  *writer,
                 Source  *source,
                 GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (Table) table = OPEN_TABLE (source, &local_error, "location", "locations");
  g_autoptr (Table) addresses = NULL;
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autoptr (sqlite3_stmt) address = NULL;
  int id, organization, name, latitude, longitude;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (table == NULL)
    return TRUE;
  id = column (table, "id");
  if (!require (table, id, "id", error))
    return FALSE;
  organization = column (table, "organization_id");
  name = column (table, "name");
  latitude = column (table, "latitude");
  longitude = column (table, "longitude");
  insert = jk_store_prepare (writer->store, "INSERT INTO service_locations (key, organization_id, name, latitude,"
                                            " longitude) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (insert == NULL)
    return FALSE;
  for (guint r = 0; r < table->rows->len; r++)
    {
      gint64 row;

      bind_text (insert, 1, cell (table, r, id));
      bind_id (insert, 2, lookup (writer->organizations, cell (table, r, organization)));
      bind_text (insert, 3, cell (table, r, name));
      bind_number (insert, 4, cell (table, r, latitude));
      bind_number (insert, 5, cell (table, r, longitude));
      if ((row = run (writer, insert, error)) == 0)
        return FALSE;
      writer->location_count++;
      if (cell (table, r, id) != NULL)
        g_hash_table_replace (writer->locations, g_strdup (cell (table, r, id)), new_id (row));
    }

  addresses = OPEN_TABLE (source, error, "address", "physical_addresses");
  if (addresses == NULL)
    return error == NULL || *error == NULL;
  {
    int location = column (addresses, "location_id");
    int line1 = COLUMN_ANY (addresses, "address_1", "address");
    int line2 = column (addresses, "address_2");
    int city = column (addresses, "city");
    int state = COLUMN_ANY (addresses, "state_province", "state", "region");
    int postal = column (addresses, "postal_code");
    int type = column (addresses, "address_type");

    if (!require (addresses, location, "location_id", error))
      return FALSE;
    /* A physical address wins over a postal one given before it. */
    address = jk_store_prepare (writer->store,
                                "UPDATE service_locations SET address = ?2, city = ?3, state = ?4, postal_code = ?5"
                                " WHERE id = ?1 AND (address IS NULL OR ?6)", error);
    if (address == NULL)
      return FALSE;
    for (guint r = 0; r < addresses->rows->len; r++)
      {
        gint64 place = lookup (writer->locations, cell (addresses, r, location));
        const char *kind = cell (addresses, r, type);
        g_autofree char *street = NULL;

        if (place == 0 || (kind != NULL && g_ascii_strcasecmp (kind, "virtual") == 0))
          continue;
        street = cell (addresses, r, line2) != NULL
          ? g_strdup_printf ("%s, %s", cell (addresses, r, line1) != NULL ? cell (addresses, r, line1) : "",
                             cell (addresses, r, line2))
          : g_strdup (cell (addresses, r, line1));
        sqlite3_bind_int64 (address, 1, place);
        bind_text (address, 2, street);
        bind_text (address, 3, cell (addresses, r, city));
        bind_text (address, 4, cell (addresses, r, state));
        bind_text (address, 5, cell (addresses, r, postal));
        sqlite3_bind_int (address, 6, kind == NULL || g_ascii_strcasecmp (kind, "physical") == 0);
        if (sqlite3_step (address) != SQLITE_DONE)
          {
            jk_store_set_error (writer->store, error, "Cannot save the services directory");
            return FALSE;
          }
        sqlite3_reset (address);
      }
  }
  return TRUE;
}

static gboolean
write_at_location (Writer  *writer,
                   Source  *source,
                   GError **error)
{
  g_autoptr (Table) table = OPEN_TABLE (source, error, "service_at_location", "services_at_location");
  g_autoptr (sqlite3_stmt) insert = NULL;
  int id, service, location;

  if (table == NULL)
    return error == NULL || *error == NULL;
  service = column (table, "service_id");
  location = column (table, "location_id");
  if (!require (table, service, "service_id", error) || !require (table, location, "location_id", error))
    return FALSE;
  id = column (table, "id");
  insert = jk_store_prepare (writer->store, "INSERT OR IGNORE INTO service_at_location (service_id, location_id)"
                                            " VALUES (?1, ?2)", error);
  if (insert == NULL)
    return FALSE;
  for (guint r = 0; r < table->rows->len; r++)
    {
      gint64 s = lookup (writer->services, cell (table, r, service));
      gint64 l = lookup (writer->locations, cell (table, r, location));

      if (s == 0 || l == 0)
        continue;
      sqlite3_bind_int64 (insert, 1, s);
      sqlite3_bind_int64 (insert, 2, l);
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          jk_store_set_error (writer->store, error, "Cannot save the services directory");
          return FALSE;
        }
      sqlite3_reset (insert);
      if (cell (table, r, id) != NULL)
        g_hash_table_replace (writer->at_location, g_strdup (cell (table, r, id)),
                              g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, s, l));
    }
  return TRUE;
}

/* The service and place a row names, directly or through its
 * service_at_location_id. FALSE when it names neither that the
 * directory has. */
static gboolean
row_owner (Writer      *writer,
           const Table *table,
           guint        r,
           gint64      *service,
           gint64      *location,
           gint64      *organization)
{
  const char *at = cell (table, r, column (table, "service_at_location_id"));
  const char *pair = at != NULL ? g_hash_table_lookup (writer->at_location, at) : NULL;

  *service = lookup (writer->services, cell (table, r, column (table, "service_id")));
  *location = lookup (writer->locations, cell (table, r, column (table, "location_id")));
  if (organization != NULL)
    *organization = lookup (writer->organizations, cell (table, r, column (table, "organization_id")));
  if (pair != NULL)
    {
      char *end;

      *service = g_ascii_strtoll (pair, &end, 10);
      *location = g_ascii_strtoll (end, NULL, 10);
    }
  return *service != 0 || *location != 0 || (organization != NULL && *organization != 0);
}

static gboolean
write_phones (Writer  *writer,
              Source  *source,
              GError **error)
{
  g_autoptr (Table) table = OPEN_TABLE (source, error, "phone", "phones");
  g_autoptr (sqlite3_stmt) insert = NULL;
  int number, extension, type, description;

  if (table == NULL)
    return error == NULL || *error == NULL;
  number = column (table, "number");
  if (!require (table, number, "number", error))
    return FALSE;
  extension = column (table, "extension");
  type = column (table, "type");
  description = column (table, "description");
  insert = jk_store_prepare (writer->store, "INSERT INTO service_phones (organization_id, service_id, location_id,"
                                            " number, extension, type, description)"
                                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (insert == NULL)
    return FALSE;
  for (guint r = 0; r < table->rows->len; r++)
    {
      gint64 service, location, organization;

      if (cell (table, r, number) == NULL || !row_owner (writer, table, r, &service, &location, &organization))
        continue;
      bind_id (insert, 1, organization);
      bind_id (insert, 2, service);
      bind_id (insert, 3, location);
      bind_text (insert, 4, cell (table, r, number));
      bind_text (insert, 5, cell (table, r, extension));
      bind_text (insert, 6, cell (table, r, type));
      bind_text (insert, 7, cell (table, r, description));
      if (run (writer, insert, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* HSDS 3.0's schedule, or 1.x / 2.0's regular_schedules and
 * holiday_schedules. */
static gboolean
write_schedules (Writer  *writer,
                 Source  *source,
                 GError **error)
{
  const char *const regular_names[] = { "schedule", "regular_schedules", NULL };
  g_autoptr (sqlite3_stmt) insert = NULL;

  insert = jk_store_prepare (writer->store, "INSERT INTO service_schedules (service_id, location_id, byday, opens_at,"
                                            " closes_at, valid_from, valid_to, closed, description)"
                                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (insert == NULL)
    return FALSE;
  for (gsize n = 0; regular_names[n] != NULL; n++)
    {
      const char *const one[] = { regular_names[n], NULL };
      g_autoptr (Table) table = open_table (source, one, error);
      int byday, opens, closes, from, to, description;

      if (table == NULL)
        {
          if (error != NULL && *error != NULL)
            return FALSE;
          continue;
        }
      byday = COLUMN_ANY (table, "byday", "weekday", "weekdays", "day");
      opens = column (table, "opens_at");
      closes = column (table, "closes_at");
      from = column (table, "valid_from");
      to = column (table, "valid_to");
      description = COLUMN_ANY (table, "description", "notes");
      for (guint r = 0; r < table->rows->len; r++)
        {
          gint64 service, location;
          const char *days = cell (table, r, byday);
          g_autofree char *opens_at = NULL;
          g_autofree char *closes_at = NULL;
          gboolean closure;

          if (!check_time (table, r, opens, error) || !check_time (table, r, closes, error) ||
              !check_date (table, r, from, error) || !check_date (table, r, to, error))
            return FALSE;
          if (days != NULL && jk_services_parse_days (days) == 0)
            {
              fail (error, table->name, row_line (table, r), _("“%s” is not a day of the week"), days);
              return FALSE;
            }
          if (!row_owner (writer, table, r, &service, &location, NULL))
            continue;
          opens_at = stored_time (cell (table, r, opens));
          closes_at = stored_time (cell (table, r, closes));
          /* 3.0 has no holiday table: dates with no hours are a closure. */
          closure = opens_at == NULL && closes_at == NULL && cell (table, r, from) != NULL;
          bind_id (insert, 1, service);
          bind_id (insert, 2, location);
          if (days != NULL)
            {
              g_autofree char *stored = jk_services_days_to_text (jk_services_parse_days (days));
              bind_text (insert, 3, stored);
            }
          else
            sqlite3_bind_null (insert, 3);
          bind_text (insert, 4, opens_at);
          bind_text (insert, 5, closes_at);
          bind_text (insert, 6, cell (table, r, from));
          bind_text (insert, 7, cell (table, r, to) != NULL ? cell (table, r, to) : closure ? cell (table, r, from)
                                                                                             : NULL);
          sqlite3_bind_int (insert, 8, closure);
          bind_text (insert, 9, cell (table, r, description));
          if (run (writer, insert, error) == 0)
            return FALSE;
        }
    }

  {
    g_autoptr (Table) table = OPEN_TABLE (source, error, "holiday_schedules");
    int closed, opens, closes, start, end;

    if (table == NULL)
      return error == NULL || *error == NULL;
    closed = column (table, "closed");
    opens = column (table, "opens_at");
    closes = column (table, "closes_at");
    start = column (table, "start_date");
    end = column (table, "end_date");
    if (!require (table, start, "start_date", error))
      return FALSE;
    for (guint r = 0; r < table->rows->len; r++)
      {
        const char *shut = cell (table, r, closed);
        gboolean closure = shut != NULL && (g_ascii_strcasecmp (shut, "true") == 0 || g_str_equal (shut, "1") ||
                                            g_ascii_strcasecmp (shut, "yes") == 0);
        g_autofree char *opens_at = NULL;
        g_autofree char *closes_at = NULL;
        gint64 service, location;

        if (!check_time (table, r, opens, error) || !check_time (table, r, closes, error) ||
            !check_date (table, r, start, error) || !check_date (table, r, end, error))
          return FALSE;
        if (cell (table, r, start) == NULL)
          {
            fail (error, table->name, row_line (table, r), _("a holiday without a start date"));
            return FALSE;
          }
        if (!row_owner (writer, table, r, &service, &location, NULL))
          continue;
        opens_at = stored_time (cell (table, r, opens));
        closes_at = stored_time (cell (table, r, closes));
        /* Open on a holiday with other hours: those hours on those days
         * only, beside the regular ones (the kiosk does not subtract). */
        if (!closure && opens_at == NULL)
          continue;
        bind_id (insert, 1, service);
        bind_id (insert, 2, location);
        sqlite3_bind_null (insert, 3);
        bind_text (insert, 4, closure ? NULL : opens_at);
        bind_text (insert, 5, closure ? NULL : closes_at);
        bind_text (insert, 6, cell (table, r, start));
        bind_text (insert, 7, cell (table, r, end) != NULL ? cell (table, r, end) : cell (table, r, start));
        sqlite3_bind_int (insert, 8, closure);
        sqlite3_bind_null (insert, 9);
        if (run (writer, insert, error) == 0)
          return FALSE;
      }
  }
  return TRUE;
}

static gboolean
write_languages (Writer  *writer,
                 Source  *source,
                 GError **error)
{
  g_autoptr (Table) table = OPEN_TABLE (source, error, "language", "languages");
  g_autoptr (sqlite3_stmt) insert = NULL;
  int name;

  if (table == NULL)
    return error == NULL || *error == NULL;
  name = COLUMN_ANY (table, "name", "language", "code");
  if (!require (table, name, "name", error))
    return FALSE;
  insert = jk_store_prepare (writer->store, "INSERT INTO service_languages (service_id, location_id, language)"
                                            " VALUES (?1, ?2, ?3)", error);
  if (insert == NULL)
    return FALSE;
  for (guint r = 0; r < table->rows->len; r++)
    {
      gint64 service, location;

      if (cell (table, r, name) == NULL || !row_owner (writer, table, r, &service, &location, NULL))
        continue;
      bind_id (insert, 1, service);
      bind_id (insert, 2, location);
      bind_text (insert, 3, cell (table, r, name));
      if (run (writer, insert, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* 1.x / 2.0's eligibility.csv (3.0 has it on the service). */
static gboolean
write_eligibility (Writer  *writer,
                   Source  *source,
                   GError **error)
{
  g_autoptr (Table) table = OPEN_TABLE (source, error, "eligibility");
  g_autoptr (sqlite3_stmt) insert = NULL;
  int text;

  if (table == NULL)
    return error == NULL || *error == NULL;
  text = COLUMN_ANY (table, "eligibility", "description");
  if (!require (table, text, "eligibility", error))
    return FALSE;
  insert = jk_store_prepare (writer->store, "INSERT INTO service_eligibility (service_id, description)"
                                            " VALUES (?1, ?2)", error);
  if (insert == NULL)
    return FALSE;
  for (guint r = 0; r < table->rows->len; r++)
    {
      gint64 service, location;

      if (cell (table, r, text) == NULL || !row_owner (writer, table, r, &service, &location, NULL) || service == 0)
        continue;
      sqlite3_bind_int64 (insert, 1, service);
      bind_text (insert, 2, cell (table, r, text));
      if (run (writer, insert, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* taxonomy_term + attribute (3.0), or taxonomy + services_taxonomy. */
static gboolean
write_taxonomy (Writer  *writer,
                Source  *source,
                GError **error)
{
  g_autoptr (Table) terms = OPEN_TABLE (source, error, "taxonomy_term", "taxonomy_terms", "taxonomy");
  g_autoptr (Table) links = NULL;
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autoptr (sqlite3_stmt) link = NULL;
  int id, code, name, taxonomy, service, term, entity;

  if (terms == NULL)
    return error == NULL || *error == NULL;
  id = column (terms, "id");
  name = column (terms, "name");
  if (!require (terms, id, "id", error) || !require (terms, name, "name", error))
    return FALSE;
  code = column (terms, "code");
  taxonomy = COLUMN_ANY (terms, "taxonomy", "vocabulary");
  insert = jk_store_prepare (writer->store, "INSERT INTO service_taxonomy_terms (key, code, name, taxonomy)"
                                            " VALUES (?1, ?2, ?3, ?4)", error);
  if (insert == NULL)
    return FALSE;
  for (guint r = 0; r < terms->rows->len; r++)
    {
      gint64 row;

      bind_text (insert, 1, cell (terms, r, id));
      bind_text (insert, 2, cell (terms, r, code));
      bind_text (insert, 3, cell (terms, r, name));
      bind_text (insert, 4, cell (terms, r, taxonomy));
      if ((row = run (writer, insert, error)) == 0)
        return FALSE;
      if (cell (terms, r, id) != NULL)
        g_hash_table_replace (writer->terms, g_strdup (cell (terms, r, id)), new_id (row));
    }

  links = OPEN_TABLE (source, error, "attribute", "attributes", "services_taxonomy", "service_taxonomy");
  if (links == NULL)
    return error == NULL || *error == NULL;
  service = COLUMN_ANY (links, "link_id", "service_id");
  term = COLUMN_ANY (links, "taxonomy_term_id", "taxonomy_id");
  entity = COLUMN_ANY (links, "link_entity", "link_type");
  if (!require (links, service, "service_id", error) || !require (links, term, "taxonomy_term_id", error))
    return FALSE;
  link = jk_store_prepare (writer->store, "INSERT OR IGNORE INTO service_terms (service_id, term_id) VALUES (?1, ?2)",
                           error);
  if (link == NULL)
    return FALSE;
  for (guint r = 0; r < links->rows->len; r++)
    {
      const char *kind = cell (links, r, entity);
      gint64 s = lookup (writer->services, cell (links, r, service));
      gint64 t = lookup (writer->terms, cell (links, r, term));

      if (s == 0 || t == 0 || (kind != NULL && g_ascii_strcasecmp (kind, "service") != 0))
        continue;
      sqlite3_bind_int64 (link, 1, s);
      sqlite3_bind_int64 (link, 2, t);
      if (sqlite3_step (link) != SQLITE_DONE)
        {
          jk_store_set_error (writer->store, error, "Cannot save the services directory");
          return FALSE;
        }
      sqlite3_reset (link);
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* A plain list                                                           */

static gint64
plain_organization (Writer      *writer,
                    const char  *name,
                    GError     **error)
{
  g_autoptr (sqlite3_stmt) insert = NULL;
  gint64 id = lookup (writer->organizations, name);

  if (id != 0)
    return id;
  insert = jk_store_prepare (writer->store, "INSERT INTO service_organizations (name) VALUES (?1)", error);
  if (insert == NULL)
    return 0;
  bind_text (insert, 1, name);
  if ((id = run (writer, insert, error)) != 0)
    g_hash_table_replace (writer->organizations, g_strdup (name), new_id (id));
  return id;
}

static gboolean
write_plain (Writer      *writer,
             const char  *path,
             GError     **error)
{
  g_autoptr (Table) table = read_table (path, error);
  g_autoptr (sqlite3_stmt) service = NULL;
  g_autoptr (sqlite3_stmt) location = NULL;
  g_autoptr (sqlite3_stmt) at = NULL;
  g_autoptr (sqlite3_stmt) phone = NULL;
  g_autoptr (sqlite3_stmt) language = NULL;
  g_autoptr (sqlite3_stmt) eligible = NULL;
  g_autoptr (sqlite3_stmt) category = NULL;
  int organization, name, description, kind, address, city, state, postal, number, hours, url, languages, eligibility;

  if (table == NULL)
    return FALSE;
  organization = COLUMN_ANY (table, "organization", "organization_name", "agency");
  name = COLUMN_ANY (table, "service", "service_name", "program");
  if (!require (table, organization, "organization", error) || !require (table, name, "service", error))
    return FALSE;
  description = column (table, "description");
  kind = COLUMN_ANY (table, "category", "categories");
  address = COLUMN_ANY (table, "address", "street_address");
  city = column (table, "city");
  state = column (table, "state");
  postal = COLUMN_ANY (table, "postal_code", "zip", "zip_code");
  number = COLUMN_ANY (table, "phone", "phone_number");
  hours = column (table, "hours");
  url = COLUMN_ANY (table, "url", "website");
  languages = column (table, "languages");
  eligibility = column (table, "eligibility");
  service = jk_store_prepare (writer->store, "INSERT INTO services (organization_id, name, description, url,"
                                             " hours_text) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  location = jk_store_prepare (writer->store, "INSERT INTO service_locations (organization_id, address, city, state,"
                                              " postal_code) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  at = jk_store_prepare (writer->store, "INSERT INTO service_at_location (service_id, location_id) VALUES (?1, ?2)",
                         error);
  phone = jk_store_prepare (writer->store, "INSERT INTO service_phones (service_id, number) VALUES (?1, ?2)", error);
  language = jk_store_prepare (writer->store, "INSERT INTO service_languages (service_id, language) VALUES (?1, ?2)",
                               error);
  eligible = jk_store_prepare (writer->store, "INSERT INTO service_eligibility (service_id, description)"
                                              " VALUES (?1, ?2)", error);
  category = jk_store_prepare (writer->store, "INSERT OR IGNORE INTO service_categories (category, service_id)"
                                              " VALUES (?1, ?2)", error);
  if (service == NULL || location == NULL || at == NULL || phone == NULL || language == NULL || eligible == NULL ||
      category == NULL)
    return FALSE;
  for (guint r = 0; r < table->rows->len; r++)
    {
      gint64 org, id;

      if (cell (table, r, name) == NULL || cell (table, r, organization) == NULL)
        {
          fail (error, table->name, row_line (table, r), _("a row without its organization or service"));
          return FALSE;
        }
      if ((org = plain_organization (writer, cell (table, r, organization), error)) == 0)
        return FALSE;
      sqlite3_bind_int64 (service, 1, org);
      bind_text (service, 2, cell (table, r, name));
      bind_text (service, 3, cell (table, r, description));
      bind_text (service, 4, cell (table, r, url));
      bind_text (service, 5, cell (table, r, hours));
      if ((id = run (writer, service, error)) == 0)
        return FALSE;
      writer->service_count++;
      if (cell (table, r, address) != NULL || cell (table, r, city) != NULL || cell (table, r, postal) != NULL)
        {
          gint64 place;

          sqlite3_bind_int64 (location, 1, org);
          bind_text (location, 2, cell (table, r, address));
          bind_text (location, 3, cell (table, r, city));
          bind_text (location, 4, cell (table, r, state));
          bind_text (location, 5, cell (table, r, postal));
          if ((place = run (writer, location, error)) == 0)
            return FALSE;
          writer->location_count++;
          sqlite3_bind_int64 (at, 1, id);
          sqlite3_bind_int64 (at, 2, place);
          if (run (writer, at, error) == 0)
            return FALSE;
        }
      if (cell (table, r, number) != NULL)
        {
          sqlite3_bind_int64 (phone, 1, id);
          bind_text (phone, 2, cell (table, r, number));
          if (run (writer, phone, error) == 0)
            return FALSE;
        }
      if (cell (table, r, eligibility) != NULL)
        {
          sqlite3_bind_int64 (eligible, 1, id);
          bind_text (eligible, 2, cell (table, r, eligibility));
          if (run (writer, eligible, error) == 0)
            return FALSE;
        }
      if (cell (table, r, languages) != NULL)
        {
          g_auto (GStrv) names = g_strsplit_set (cell (table, r, languages), ";,", -1);

          for (guint i = 0; names[i] != NULL; i++)
            if (*g_strstrip (names[i]) != '\0')
              {
                sqlite3_bind_int64 (language, 1, id);
                bind_text (language, 2, names[i]);
                if (run (writer, language, error) == 0)
                  return FALSE;
              }
        }
      if (cell (table, r, kind) != NULL)
        {
          g_auto (GStrv) words = g_strsplit (cell (table, r, kind), ";", -1);

          for (guint i = 0; words[i] != NULL; i++)
            {
              const char *key = jk_services_category_for (NULL, g_strstrip (words[i]));

              if (key == NULL)
                continue;
              bind_text (category, 1, key);
              sqlite3_bind_int64 (category, 2, id);
              if (sqlite3_step (category) != SQLITE_DONE)
                {
                  jk_store_set_error (writer->store, error, "Cannot save the services directory");
                  return FALSE;
                }
              sqlite3_reset (category);
            }
        }
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* After the tables: categories, places, the search index                 */

static gboolean
finish (Writer  *writer,
        GError **error)
{
  g_autoptr (sqlite3_stmt) terms = NULL;
  g_autoptr (sqlite3_stmt) category = NULL;
  g_autoptr (sqlite3_stmt) services = NULL;
  g_autoptr (sqlite3_stmt) index = NULL;
  int rc;

  /* Each term's key, for every service it is linked to. */
  terms = jk_store_prepare (writer->store, "SELECT st.service_id, t.code, t.name FROM service_terms st"
                                           " JOIN service_taxonomy_terms t ON t.id = st.term_id"
                                           " ORDER BY st.service_id, t.id", error);
  category = jk_store_prepare (writer->store, "INSERT OR IGNORE INTO service_categories (category, service_id)"
                                              " VALUES (?1, ?2)", error);
  if (terms == NULL || category == NULL)
    return FALSE;
  while ((rc = sqlite3_step (terms)) == SQLITE_ROW)
    {
      const char *key = jk_services_category_for ((const char *) sqlite3_column_text (terms, 1),
                                                  (const char *) sqlite3_column_text (terms, 2));

      if (key == NULL)
        continue;
      sqlite3_bind_text (category, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (category, 2, sqlite3_column_int64 (terms, 0));
      if (sqlite3_step (category) != SQLITE_DONE)
        break;
      sqlite3_reset (category);
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      jk_store_set_error (writer->store, error, "Cannot sort the services into categories");
      return FALSE;
    }
  if (!jk_store_exec (writer->store,
                      /* The first key in the tiles' order is the service's own. */
                      "UPDATE services SET category = (SELECT category FROM service_categories c"
                      "  WHERE c.service_id = services.id ORDER BY CASE category"
                      "  WHEN 'childcare' THEN 1 WHEN 'transportation' THEN 2 WHEN 'food' THEN 3"
                      "  WHEN 'housing' THEN 4 WHEN 'health' THEN 5 WHEN 'education' THEN 6"
                      "  WHEN 'disability' THEN 7 WHEN 'legal' THEN 8 ELSE 9 END LIMIT 1);"
                      /* A place with only a ZIP code: its centroid. */
                      "UPDATE service_locations SET"
                      "  latitude = (SELECT z.latitude FROM zip_centroids z WHERE z.zip = substr (postal_code, 1, 5)),"
                      "  longitude = (SELECT z.longitude FROM zip_centroids z WHERE z.zip = substr (postal_code, 1, 5))"
                      "  WHERE (latitude IS NULL OR longitude IS NULL) AND postal_code IS NOT NULL;"
                      "UPDATE services SET"
                      "  latitude = (SELECT l.latitude FROM service_at_location a JOIN service_locations l"
                      "    ON l.id = a.location_id WHERE a.service_id = services.id AND l.latitude IS NOT NULL"
                      "    AND l.longitude IS NOT NULL ORDER BY l.id LIMIT 1),"
                      "  longitude = (SELECT l.longitude FROM service_at_location a JOIN service_locations l"
                      "    ON l.id = a.location_id WHERE a.service_id = services.id AND l.latitude IS NOT NULL"
                      "    AND l.longitude IS NOT NULL ORDER BY l.id LIMIT 1);", error))
    return FALSE;

  services = jk_store_prepare (writer->store,
                               "SELECT s.id, s.name, s.description, o.name,"
                               "  (SELECT group_concat (category, ' ') FROM service_categories c"
                               "   WHERE c.service_id = s.id)"
                               " FROM services s LEFT JOIN service_organizations o ON o.id = s.organization_id", error);
  index = jk_store_prepare (writer->store, "INSERT INTO services_fts (rowid, name, description, organization,"
                                           " categories) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (services == NULL || index == NULL)
    return FALSE;
  while ((rc = sqlite3_step (services)) == SQLITE_ROW)
    {
      g_autofree char *words = jk_services_category_words ((const char *) sqlite3_column_text (services, 4));

      sqlite3_bind_int64 (index, 1, sqlite3_column_int64 (services, 0));
      sqlite3_bind_value (index, 2, sqlite3_column_value (services, 1));
      sqlite3_bind_value (index, 3, sqlite3_column_value (services, 2));
      sqlite3_bind_value (index, 4, sqlite3_column_value (services, 3));
      sqlite3_bind_text (index, 5, words, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (index) != SQLITE_DONE)
        break;
      sqlite3_reset (index);
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      jk_store_set_error (writer->store, error, "Cannot index the services");
      return FALSE;
    }
  if (rc == SQLITE_ROW)
    {
      jk_store_set_error (writer->store, error, "Cannot index the services");
      return FALSE;
    }
  return TRUE;
}

static gint64
last_import_count (JkStore *store)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (store, "SELECT services FROM services_imports"
                                                           " ORDER BY id DESC LIMIT 1", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* The one .csv in a folder that holds no HSDS table. */
static char *
find_plain (const char  *dir,
            GError     **error)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, error);
  g_autofree char *found = NULL;
  const char *name;

  if (listing == NULL)
    return NULL;
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".csv") || g_str_has_suffix (name, ".CSV"))
      {
        if (found != NULL)
          {
            g_set_error (error, JK_SERVICES_ERROR, JK_SERVICES_ERROR_EMPTY,
                         _("%s holds several CSV files but no HSDS services table (service.csv or services.csv)"),
                         dir);
            return NULL;
          }
        found = g_build_filename (dir, name, NULL);
      }
  if (found == NULL)
    g_set_error (error, JK_SERVICES_ERROR, JK_SERVICES_ERROR_EMPTY, _("%s holds no services directory"), dir);
  return g_steal_pointer (&found);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

void
jk_services_import_free (JkServicesImport *import)
{
  if (import == NULL)
    return;
  g_free (import->source);
  g_free (import->format);
  g_free (import);
}

JkServicesImport *
jk_services_import_with_share (JkStore    *store,
                               const char *path,
                               gint64      now,
                               double      min_share,
                               GError    **error)
{
  g_autoptr (JkServicesImport) import = g_new0 (JkServicesImport, 1);
  g_autofree char *plain = NULL;
  Source source = { 0 };
  Writer writer = { 0 };
  gboolean ok;
  gint64 last;

  g_return_val_if_fail (path != NULL, NULL);

  import->source = g_path_get_basename (path);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    source.dir = g_strdup (path);
  else if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_str_has_suffix (path, "datapackage.json"))
    source.dir = g_path_get_dirname (path);
  else if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    plain = g_strdup (path);
  else
    {
      g_set_error (error, JK_SERVICES_ERROR, JK_SERVICES_ERROR_EMPTY, _("%s: no such file or folder"), path);
      return NULL;
    }
  if (source.dir != NULL)
    {
      g_autofree char *v3 = g_build_filename (source.dir, "service.csv", NULL);
      g_autofree char *v2 = g_build_filename (source.dir, "services.csv", NULL);

      if (!read_datapackage (&source, error))
        {
          g_free (source.dir);
          return NULL;
        }
      if (g_file_test (v3, G_FILE_TEST_IS_REGULAR) ||
          (source.resources != NULL && g_hash_table_contains (source.resources, "service")))
        import->format = g_strdup ("hsds-3");
      else if (g_file_test (v2, G_FILE_TEST_IS_REGULAR) ||
               (source.resources != NULL && g_hash_table_contains (source.resources, "services")))
        import->format = g_strdup ("hsds-2");
      else if ((plain = find_plain (source.dir, error)) == NULL)
        {
          g_free (source.dir);
          g_clear_pointer (&source.resources, g_hash_table_unref);
          return NULL;
        }
    }
  if (import->format == NULL)
    import->format = g_strdup ("plain");

  writer.store = store;
  writer.organizations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  writer.services = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  writer.locations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  writer.terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  writer.at_location = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  last = last_import_count (store);
  ok = jk_store_begin (store, error) &&
       jk_store_exec (store,
                      "DELETE FROM services_fts; DELETE FROM service_categories; DELETE FROM service_terms;"
                      "DELETE FROM service_taxonomy_terms; DELETE FROM service_eligibility;"
                      "DELETE FROM service_languages; DELETE FROM service_schedules; DELETE FROM service_phones;"
                      "DELETE FROM service_at_location; DELETE FROM services; DELETE FROM service_locations;"
                      "DELETE FROM service_organizations;", error);
  if (ok && plain != NULL)
    ok = write_plain (&writer, plain, error);
  else if (ok)
    ok = write_organizations (&writer, &source, error) && write_services (&writer, &source, error) &&
         write_locations (&writer, &source, error) && write_at_location (&writer, &source, error) &&
         write_phones (&writer, &source, error) && write_schedules (&writer, &source, error) &&
         write_languages (&writer, &source, error) && write_eligibility (&writer, &source, error) &&
         write_taxonomy (&writer, &source, error);
  if (ok && (writer.service_count == 0 || (double) writer.service_count < min_share * (double) last))
    {
      g_autofree char *now_count = g_strdup_printf ("%" G_GINT64_FORMAT, writer.service_count);
      g_autofree char *last_count = g_strdup_printf ("%" G_GINT64_FORMAT, last);

      g_set_error (error, JK_SERVICES_ERROR, JK_SERVICES_ERROR_SHRUNK,
                   /* TRANSLATORS: folder, services now, services at the last import */
                   _("%1$s has %2$s services where the last import had %3$s: refused as a directory cut short; the "
                     "kiosk keeps the one it had"),
                   import->source, now_count, last_count);
      ok = FALSE;
    }
  if (ok)
    ok = finish (&writer, error);
  if (ok)
    {
      g_autoptr (sqlite3_stmt) record = jk_store_prepare (store, "INSERT INTO services_imports (source, format,"
                                                                 " imported, services) VALUES (?1, ?2, ?3, ?4)",
                                                          error);

      ok = record != NULL;
      if (ok)
        {
          sqlite3_bind_text (record, 1, import->source, -1, SQLITE_STATIC);
          sqlite3_bind_text (record, 2, import->format, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (record, 3, now);
          sqlite3_bind_int64 (record, 4, writer.service_count);
          ok = run (&writer, record, error) != 0;
        }
    }
  ok = ok && jk_store_commit (store, error);
  if (!ok)
    jk_store_rollback (store);

  g_hash_table_unref (writer.organizations);
  g_hash_table_unref (writer.services);
  g_hash_table_unref (writer.locations);
  g_hash_table_unref (writer.terms);
  g_hash_table_unref (writer.at_location);
  g_clear_pointer (&source.resources, g_hash_table_unref);
  g_free (source.dir);
  if (!ok)
    return NULL;
  import->services = writer.service_count;
  import->locations = writer.location_count;
  return g_steal_pointer (&import);
}

JkServicesImport *
jk_services_import (JkStore    *store,
                    const char *path,
                    gint64      now,
                    GError    **error)
{
  return jk_services_import_with_share (store, path, now, JK_SERVICES_MIN_SHARE, error);
}
