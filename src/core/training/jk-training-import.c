/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-training-import.c: the Eligible Training Provider List and the CIP-SOC crosswalk, read whole and written in one transaction */

#define G_LOG_DOMAIN "jk-training"

#include <jobkiosk/jk-i18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jobkiosk/jk-training.h"
#include "store/jk-store-private.h"

/* A folder holding this file holds a list made up for the demo. */
#define DEMO_MARKER "DEMO-DATA.txt"
/* Larger than any state's list (tens of thousands of programs, a few MB). */
#define MAX_FILE_SIZE (256 * 1024 * 1024)

/* The ETPL fields, in training_programs' order after id. */
typedef enum {
  F_PROVIDER,
  F_PROGRAM,
  F_CIP,
  F_CREDENTIAL,
  F_WEEKS,
  F_HOURS,
  F_COST,
  F_MODE,
  F_SCHEDULE,
  F_ADDRESS,
  F_CITY,
  F_STATE,
  F_POSTAL_CODE,
  F_PHONE,
  F_URL,
  F_COMPLETION_RATE,
  F_EMPLOYMENT_RATE,
  F_MEDIAN_EARNINGS,
  N_FIELDS,
} Field;

static const char *const field_names[N_FIELDS] = {
  "provider", "program", "cip", "credential", "weeks", "hours", "cost", "mode", "schedule", "address", "city",
  "state", "postal_code", "phone", "url", "completion_rate", "employment_rate", "median_earnings",
};

/* The headers states publish for each field (Training Provider Results
 * Portal, state ETPL downloads and the ETA-9171 element names), written as
 * normalize_header leaves them. */
static const char *const synonyms[N_FIELDS][24] = {
  [F_PROVIDER] = { "provider name", "provider", "training provider", "training provider name", "institution name",
                   "institution", "school name", "school", "organization name", "name of eligible training provider",
                   "eligible training provider", "etp name", "provider legal name", NULL },
  [F_PROGRAM] = { "program name", "program", "program title", "training program", "training program name",
                  "course name", "course title", "name of program", "program of study", NULL },
  [F_CIP] = { "cip code", "cip", "cip 2020", "cip 2020 code", "cip2020code", "program cip code", "cipcode",
              "cip code 6 digit", "classification of instructional programs", "cip code of program", NULL },
  [F_CREDENTIAL] = { "credential type", "credential", "credential name", "type of credential", "award type",
                     "certificate type", "credential awarded", "credential earned", "program credential",
                     "associated credential", "type of award", NULL },
  [F_WEEKS] = { "program length weeks", "length weeks", "weeks", "length in weeks", "duration weeks",
                "number of weeks", "weeks to complete", "weeks to complete program", "of weeks to complete program",
                "program duration weeks", "program length in weeks", "total weeks", "program length", "duration",
                NULL },
  [F_HOURS] = { "program length hours", "length hours", "hours", "total hours", "clock hours", "contact hours",
                "total hours of instruction", "total clock hours", "length in hours", "program hours",
                "instructional hours", "total contact hours", "program duration hours", NULL },
  [F_COST] = { "total cost", "total program cost", "cost", "tuition", "tuition and fees", "total tuition",
               "program cost", "total cost of program", "tuition cost", "total program costs", "total costs",
               "cost of attendance", "total tuition and fees", "program tuition", NULL },
  [F_MODE] = { "delivery mode", "delivery method", "method of delivery", "format", "mode", "instruction mode",
               "delivery format", "mode of delivery", "instructional delivery", "delivery", "program format",
               "online or in person", "training delivery method", NULL },
  [F_SCHEDULE] = { "schedule", "training schedule", "class schedule", "program schedule", "class times",
                   "days and times", NULL },
  [F_ADDRESS] = { "address", "street address", "address 1", "address1", "address line 1", "training site address",
                  "physical address", "street", "provider address", "location address", "site address",
                  "program address", NULL },
  [F_CITY] = { "city", "provider city", "location city", "training site city", "site city", "program city", NULL },
  [F_STATE] = { "state", "provider state", "location state", "site state", "st", "state code", NULL },
  [F_POSTAL_CODE] = { "zip", "zip code", "zipcode", "postal code", "provider zip", "zip5", "location zip",
                      "site zip", "training site zip", "program zip", "provider zip code", NULL },
  [F_PHONE] = { "phone", "phone number", "telephone", "telephone number", "primary phone", "provider phone",
                "contact phone", "program phone", NULL },
  [F_URL] = { "website", "web site", "url", "program url", "program website", "provider website", "web address",
              "link", "program link", "website url", "program web address", NULL },
  [F_COMPLETION_RATE] = { "completion rate", "program completion rate", "completion", "completers rate",
                          "percent completed", "rate of completion", NULL },
  [F_EMPLOYMENT_RATE] = { "employment rate", "employment rate 2nd quarter after exit",
                          "employment rate second quarter after exit", "employment rate q2", "employed q2",
                          "entered employment rate", "placement rate", "job placement rate",
                          "employment rate 2nd quarter", "all students employment rate q2", NULL },
  [F_MEDIAN_EARNINGS] = { "median earnings", "median earnings 2nd quarter after exit",
                          "median earnings second quarter after exit", "median earnings q2", "median wage",
                          "median wages", "all students median earnings q2", "median quarterly earnings", NULL },
};

/* The crosswalk's columns (NCES publishes CIP2020Code, SOC2018Code). */
static const char *const crosswalk_cip[] = { "cip2020code", "cip 2020 code", "cipcode", "cip code", NULL };
static const char *const crosswalk_soc[] = { "soc2018code", "soc 2018 code", "soccode", "soc code", "soc", NULL };

/* Text a list writes where it has no value. */
static const char *const unknown_words[] = {
  "n/a", "na", "n.a.", "none", "-", "--", "tbd", "tba", "varies", "unknown", "not available", "not reported",
  "null", "*", "not applicable", "see website", "call", NULL,
};

G_DEFINE_QUARK (jk-training-error-quark, jk_training_error)

typedef struct {
  const char *path;
  const char *p;
  const char *end;
  gint64 line;          /* the line p is on, from 1 */
  gint64 record_line;   /* the line the record last read began on */
  GPtrArray *fields;    /* char *, the record last read */
} Csv;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
fail (GError     **error,
      const char  *path,
      gint64       line,
      const char  *format,
      ...) G_GNUC_PRINTF (4, 5);

static void
fail (GError     **error,
      const char  *path,
      gint64       line,
      const char  *format,
      ...)
{
  g_autofree char *reason = NULL;
  g_autofree char *name = g_path_get_basename (path);
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, JK_TRAINING_ERROR, JK_TRAINING_ERROR_FORMAT, "%s:%" G_GINT64_FORMAT ": %s", name, line, reason);
}

/* Lower case, every run of other than letters and digits one space:
 * "Program Length (Weeks)" → "program length weeks". */
static char *
normalize_header (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *c = text; *c != '\0'; c++)
    {
      if (g_ascii_isalnum (*c) || (guchar) *c >= 0x80)
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, g_ascii_tolower (*c));
        }
      else
        space = TRUE;
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_unknown (const char *text)
{
  g_autofree char *folded = g_ascii_strdown (text, -1);

  g_strstrip (folded);
  if (*folded == '\0')
    return TRUE;
  for (gsize i = 0; unknown_words[i] != NULL; i++)
    if (g_str_equal (folded, unknown_words[i]))
      return TRUE;
  return FALSE;
}

/* A number as lists write it: "$1,200.00", "1200", " 12 weeks", "85%".
 * percent (may be NULL) says whether a % followed it. */
static gboolean
parse_number (const char *text,
              double     *value,
              gboolean   *percent)
{
  g_autoptr (GString) digits = g_string_new (NULL);
  const char *c = text;
  char *end;

  while (g_ascii_isspace (*c))
    c++;
  if (*c == '$')
    c++;
  while (g_ascii_isspace (*c))
    c++;
  for (; g_ascii_isdigit (*c) || *c == ',' || *c == '.'; c++)
    if (*c != ',')
      g_string_append_c (digits, *c);
  if (digits->len == 0)
    return FALSE;
  *value = g_ascii_strtod (digits->str, &end);
  if (*end != '\0' || !isfinite (*value))
    return FALSE;
  while (g_ascii_isspace (*c))
    c++;
  if (percent != NULL)
    *percent = *c == '%';
  if (*c == '%')
    c++;
  /* A word after the number ("12 weeks", "600 hours") is the unit. */
  for (; *c != '\0'; c++)
    if (!g_ascii_isalpha (*c) && !g_ascii_isspace (*c) && *c != '.')
      return FALSE;
  return TRUE;
}

/* Reads the next record; FALSE at the end (error unset) or on error. */
static gboolean
csv_next (Csv     *csv,
          GError **error)
{
  g_autoptr (GString) field = g_string_new (NULL);

  g_ptr_array_set_size (csv->fields, 0);
  /* Blank lines between records are not records. */
  while (csv->p < csv->end && (*csv->p == '\n' || *csv->p == '\r'))
    {
      if (*csv->p == '\n' || csv->p + 1 >= csv->end || csv->p[1] != '\n')
        csv->line++;
      csv->p++;
    }
  if (csv->p >= csv->end)
    return FALSE;
  csv->record_line = csv->line;
  for (;;)
    {
      g_string_truncate (field, 0);
      while (csv->p < csv->end && (*csv->p == ' ' || *csv->p == '\t'))
        csv->p++;
      if (csv->p < csv->end && *csv->p == '"')
        {
          gint64 opened = csv->line;

          csv->p++;
          for (;;)
            {
              if (csv->p >= csv->end)
                {
                  fail (error, csv->path, opened, _("a quote opened here is never closed"));
                  return FALSE;
                }
              if (*csv->p == '"')
                {
                  if (csv->p + 1 < csv->end && csv->p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      csv->p += 2;
                      continue;
                    }
                  csv->p++;
                  break;
                }
              if (*csv->p == '\n')
                csv->line++;
              if (*csv->p != '\r')
                g_string_append_c (field, *csv->p);
              csv->p++;
            }
          while (csv->p < csv->end && (*csv->p == ' ' || *csv->p == '\t'))
            csv->p++;
          if (csv->p < csv->end && *csv->p != ',' && *csv->p != '\n' && *csv->p != '\r')
            {
              fail (error, csv->path, csv->line, _("text after a closing quote (a quote inside a field is written "
                                                   "twice)"));
              return FALSE;
            }
        }
      else
        {
          while (csv->p < csv->end && *csv->p != ',' && *csv->p != '\n' && *csv->p != '\r')
            {
              if (*csv->p == '"')
                {
                  fail (error, csv->path, csv->line, _("a quote inside a field that is not quoted"));
                  return FALSE;
                }
              g_string_append_c (field, *csv->p);
              csv->p++;
            }
        }
      g_ptr_array_add (csv->fields, g_strstrip (g_strdup (field->str)));
      if (csv->p < csv->end && *csv->p == ',')
        {
          csv->p++;
          continue;
        }
      /* The record's end: CRLF, LF, CR or the file's end. */
      if (csv->p < csv->end && *csv->p == '\r')
        csv->p++;
      if (csv->p < csv->end && *csv->p == '\n')
        csv->p++;
      csv->line++;
      return TRUE;
    }
}

static const char *
csv_get (Csv *csv,
         int  column)
{
  return column >= 0 && (guint) column < csv->fields->len ? csv->fields->pdata[column] : "";
}

/* The file as UTF-8 without its byte order mark; a file that is not UTF-8
 * is read as Windows-1252 (what a spreadsheet saves "CSV" as). */
static char *
read_text (const char  *path,
           gsize       *length,
           GError     **error)
{
  g_autofree char *data = NULL;
  gsize size;

  if (!g_file_get_contents (path, &data, &size, error))
    return NULL;
  if (size > MAX_FILE_SIZE)
    {
      fail (error, path, 1, _("the file is too large to be a training provider list"));
      return NULL;
    }
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      memmove (data, data + 3, size - 3);
      size -= 3;
      data[size] = '\0';
    }
  if (!g_utf8_validate_len (data, size, NULL))
    {
      char *converted = g_convert (data, (gssize) size, "UTF-8", "WINDOWS-1252", NULL, &size, NULL);

      if (converted == NULL)
        {
          fail (error, path, 1, _("the file is neither UTF-8 nor Windows-1252 text"));
          return NULL;
        }
      *length = size;
      return converted;
    }
  *length = size;
  return g_steal_pointer (&data);
}

static int
find_column (Csv                *csv,
             const char *const  *names)
{
  for (guint i = 0; i < csv->fields->len; i++)
    {
      g_autofree char *header = normalize_header (csv->fields->pdata[i]);

      for (gsize j = 0; names[j] != NULL; j++)
        if (g_str_equal (header, names[j]))
          return (int) i;
    }
  return -1;
}

/* Reads the map file into map[field] (a normalized header, or NULL). */
static gboolean
read_map (const char  *path,
          char       **map,
          GError     **error)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;

  if (!g_file_get_contents (path, &text, NULL, error))
    return FALSE;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      char *hash = strchr (line, '#');
      char *equals;
      g_autofree char *ours = NULL;
      int field = -1;

      if (hash != NULL)
        *hash = '\0';
      g_strstrip (line);
      if (*line == '\0')
        continue;
      equals = strchr (line, '=');
      if (equals == NULL)
        {
          fail (error, path, i + 1, _("a line of a column map is “our-name = their header”"));
          return FALSE;
        }
      *equals = '\0';
      ours = g_strdelimit (g_strstrip (g_strdup (line)), "-", '_');
      for (int f = 0; f < N_FIELDS; f++)
        if (g_ascii_strcasecmp (ours, field_names[f]) == 0)
          field = f;
      if (field < 0)
        {
          g_autofree char *known = g_strjoinv (", ", (char **) field_names);

          fail (error, path, i + 1, _("“%s” is not a field of a training program (%s)"), ours, known);
          return FALSE;
        }
      g_free (map[field]);
      map[field] = normalize_header (equals + 1);
      if (*map[field] == '\0')
        {
          fail (error, path, i + 1, _("no header is given for “%s”"), ours);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
is_demo (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *marker = g_build_filename (folder, DEMO_MARKER, NULL);

  return g_file_test (marker, G_FILE_TEST_IS_REGULAR);
}

static gboolean
step (JkStore       *store,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "Cannot write the training programs");
      return FALSE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

static gboolean
write_import_row (JkStore           *store,
                  JkTrainingImport  *import,
                  GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const char *kind = import->kind == JK_TRAINING_FILE_ETPL ? "etpl" : "crosswalk";

  stmt = jk_store_prepare (store, "DELETE FROM training_imports WHERE kind = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  if (!step (store, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = jk_store_prepare (store, "INSERT INTO training_imports (kind, source, demo, imported, rows)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, import->source, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, import->demo);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int64 (stmt, 5, import->rows);
  return step (store, stmt, error);
}

/* The crosswalk's rows, into training_cip_soc (the transaction is open). */
static gboolean
import_crosswalk (JkStore           *store,
                  Csv               *csv,
                  int                cip_column,
                  int                soc_column,
                  JkTrainingImport  *import,
                  GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  guint n_columns = csv->fields->len;

  if (!jk_store_exec (store, "DELETE FROM training_cip_soc", error))
    return FALSE;
  stmt = jk_store_prepare (store, "INSERT OR IGNORE INTO training_cip_soc (cip, soc) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  while (csv_next (csv, error))
    {
      g_autofree char *cip = NULL;
      g_autofree char *soc = NULL;
      const char *cip_text = csv_get (csv, cip_column);
      const char *soc_text = csv_get (csv, soc_column);

      if (csv->fields->len != n_columns)
        {
          fail (error, csv->path, csv->record_line, _("%u fields where the header has %u"), csv->fields->len,
                n_columns);
          return FALSE;
        }
      cip = jk_training_normalize_cip (cip_text);
      if (cip == NULL)
        {
          fail (error, csv->path, csv->record_line, _("“%s” is not a CIP code"), cip_text);
          return FALSE;
        }
      /* "99.9999 NO MATCH" and "99-9999": a program or occupation without a partner. */
      if (g_str_equal (cip, "99.9999") || g_str_has_prefix (soc_text, "99-9999"))
        {
          import->skipped++;
          continue;
        }
      soc = jk_lmi_normalize_soc (soc_text);
      if (soc == NULL)
        {
          fail (error, csv->path, csv->record_line, _("“%s” is not a SOC code"), soc_text);
          return FALSE;
        }
      sqlite3_bind_text (stmt, 1, cip, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, soc, -1, SQLITE_STATIC);
      if (!step (store, stmt, error))
        return FALSE;
      import->rows++;
    }
  return *error == NULL;
}

static gboolean
bind_value (JkStore      *store,
            Csv          *csv,
            sqlite3_stmt *stmt,
            Field         field,
            const char   *text,
            GError      **error)
{
  int index = field + 1;
  double value;
  gboolean percent;

  switch (field)
    {
    case F_CIP:
      {
        g_autofree char *cip = NULL;

        if (*text == '\0')
          return TRUE;
        cip = jk_training_normalize_cip (text);
        if (cip == NULL)
          {
            fail (error, csv->path, csv->record_line, _("“%s” is not a CIP code"), text);
            return FALSE;
          }
        sqlite3_bind_text (stmt, index, cip, -1, SQLITE_TRANSIENT);
        return TRUE;
      }
    case F_COST:
      if (is_unknown (text))
        return TRUE;
      if (g_ascii_strcasecmp (text, "free") == 0)
        value = 0;
      else if (!parse_number (text, &value, NULL))
        {
          fail (error, csv->path, csv->record_line, _("the cost “%s” is not an amount"), text);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, index, (gint64) llround (value * 100));
      return TRUE;
    case F_WEEKS:
    case F_HOURS:
    case F_MEDIAN_EARNINGS:
      if (is_unknown (text))
        return TRUE;
      if (!parse_number (text, &value, NULL))
        {
          fail (error, csv->path, csv->record_line, _("“%s” is not a number"), text);
          return FALSE;
        }
      sqlite3_bind_double (stmt, index, value);
      return TRUE;
    case F_COMPLETION_RATE:
    case F_EMPLOYMENT_RATE:
      if (is_unknown (text))
        return TRUE;
      if (!parse_number (text, &value, &percent))
        {
          fail (error, csv->path, csv->record_line, _("the rate “%s” is not a number"), text);
          return FALSE;
        }
      if (!percent && value <= 1.0)
        value *= 100;
      if (value > 100)
        {
          fail (error, csv->path, csv->record_line, _("the rate “%s” is more than 100%%"), text);
          return FALSE;
        }
      sqlite3_bind_double (stmt, index, value);
      return TRUE;
    default:
      if (*text != '\0')
        sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
      return TRUE;
    }
}

/* The list's programs, into training_programs (the transaction is open). */
static gboolean
import_etpl (JkStore           *store,
             Csv               *csv,
             const int         *columns,
             JkTrainingImport  *import,
             GError           **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  guint n_columns = csv->fields->len;

  if (!jk_store_exec (store, "DELETE FROM training_programs", error))
    return FALSE;
  stmt = jk_store_prepare (store, "INSERT INTO training_programs (provider, program, cip, credential, weeks, hours,"
                                  " cost_cents, mode, schedule, address, city, state, postal_code, phone, url,"
                                  " completion_rate, employment_rate, median_earnings)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
                                  " ?17, ?18)", error);
  if (stmt == NULL)
    return FALSE;
  while (csv_next (csv, error))
    {
      if (csv->fields->len != n_columns)
        {
          fail (error, csv->path, csv->record_line, _("%u fields where the header has %u"), csv->fields->len,
                n_columns);
          return FALSE;
        }
      if (*csv_get (csv, columns[F_PROVIDER]) == '\0' || *csv_get (csv, columns[F_PROGRAM]) == '\0')
        {
          fail (error, csv->path, csv->record_line, _("a program without its provider's name or its own"));
          return FALSE;
        }
      for (int f = 0; f < N_FIELDS; f++)
        if (columns[f] >= 0 && !bind_value (store, csv, stmt, f, csv_get (csv, columns[f]), error))
          return FALSE;
      if (!step (store, stmt, error))
        return FALSE;
      import->rows++;
    }
  return *error == NULL;
}

static gboolean
import_file (JkStore     *store,
             const char  *path,
             const char  *map_path,
             GPtrArray   *imports,
             GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (JkTrainingImport) import = g_new0 (JkTrainingImport, 1);
  char *map[N_FIELDS] = { NULL };
  int columns[N_FIELDS];
  int soc_column, cip_column;
  gsize length = 0;
  Csv csv = { path, NULL, NULL, 1, 1, fields };
  gboolean ok;

  text = read_text (path, &length, error);
  if (text == NULL)
    return FALSE;
  csv.p = text;
  csv.end = text + length;
  if (!csv_next (&csv, error))
    {
      if (error == NULL || *error == NULL)
        fail (error, path, 1, _("the file is empty"));
      return FALSE;
    }
  import->source = g_path_get_basename (path);
  import->demo = is_demo (path);

  if (map_path != NULL && !read_map (map_path, map, error))
    goto failed;
  for (int f = 0; f < N_FIELDS; f++)
    {
      const char *mapped[] = { map[f], NULL };

      columns[f] = map[f] != NULL ? find_column (&csv, mapped) : -1;
      if (map[f] != NULL && columns[f] < 0)
        {
          g_autofree char *name = g_path_get_basename (map_path);

          fail (error, path, 1, _("the column map %s names “%s” for %s, which this file has no column for"), name,
                map[f], field_names[f]);
          goto failed;
        }
      if (columns[f] < 0)
        columns[f] = find_column (&csv, synonyms[f]);
    }

  /* Without a provider and with a SOC column: the crosswalk. */
  soc_column = find_column (&csv, crosswalk_soc);
  cip_column = find_column (&csv, crosswalk_cip);
  if (columns[F_PROVIDER] < 0 && soc_column >= 0 && cip_column >= 0)
    import->kind = JK_TRAINING_FILE_CROSSWALK;
  else
    {
      import->kind = JK_TRAINING_FILE_ETPL;
      for (int f = F_PROVIDER; f <= F_CIP; f++)
        if (columns[f] < 0)
          {
            fail (error, path, 1, _("no column for “%s” (its header is not one the kiosk knows: name it in a "
                                    "column map, --map)"), field_names[f]);
            goto failed;
          }
    }

  if (!jk_store_begin (store, error))
    goto failed;
  if (import->kind == JK_TRAINING_FILE_CROSSWALK)
    ok = import_crosswalk (store, &csv, cip_column, soc_column, import, error);
  else
    ok = import_etpl (store, &csv, columns, import, error);
  if (ok && import->rows == 0)
    {
      fail (error, path, csv.line, _("the file holds no rows"));
      ok = FALSE;
    }
  ok = ok && write_import_row (store, import, error) && jk_store_commit (store, error);
  if (!ok)
    {
      jk_store_rollback (store);
      goto failed;
    }
  for (int f = 0; f < N_FIELDS; f++)
    g_free (map[f]);
  if (imports != NULL)
    g_ptr_array_add (imports, g_steal_pointer (&import));
  return TRUE;

failed:
  for (int f = 0; f < N_FIELDS; f++)
    g_free (map[f]);
  return FALSE;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

char *
jk_training_normalize_cip (const char *text)
{
  g_autofree char *trimmed = NULL;
  const char *dot;
  gsize left, right, length;

  if (text == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (text));
  /* A spreadsheet's formula-quoted code: ="11.0701". */
  if (g_str_has_prefix (trimmed, "=\"") && g_str_has_suffix (trimmed, "\""))
    {
      length = strlen (trimmed);
      memmove (trimmed, trimmed + 2, length - 3);
      trimmed[length - 3] = '\0';
    }
  length = strlen (trimmed);
  if (length == 0)
    return NULL;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (trimmed[i]) && trimmed[i] != '.')
      return NULL;
  dot = strchr (trimmed, '.');
  if (dot == NULL)
    {
      /* "110701", or "10101" with its first zero lost. */
      if (length == 6)
        return g_strdup_printf ("%.2s.%.4s", trimmed, trimmed + 2);
      if (length == 5)
        return g_strdup_printf ("0%.1s.%.4s", trimmed, trimmed + 1);
      return NULL;
    }
  left = (gsize) (dot - trimmed);
  right = length - left - 1;
  if (left < 1 || left > 2 || right > 4 || strchr (dot + 1, '.') != NULL)
    return NULL;
  return g_strdup_printf ("%s%.*s.%.*s%.*s", left == 1 ? "0" : "", (int) left, trimmed, (int) right, dot + 1,
                          (int) (4 - right), "0000");
}

void
jk_training_import_free (JkTrainingImport *import)
{
  if (import == NULL)
    return;
  g_free (import->source);
  g_free (import);
}

static gboolean import_path (JkStore     *store,
                             const char  *path,
                             const char  *map_path,
                             GPtrArray   *imports,
                             GError     **error);

gboolean
jk_training_import (JkStore     *store,
                    const char  *path,
                    const char  *map_path,
                    GPtrArray   *imports,
                    GError     **error)
{
  g_autoptr (GError) local_error = NULL;

  /* The readers tell their end from an error by the error: they need one. */
  if (!import_path (store, path, map_path, imports, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_path (JkStore     *store,
             const char  *path,
             const char  *map_path,
             GPtrArray   *imports,
             GError     **error)
{
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) crosswalks = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return import_file (store, path, map_path, imports, error);
  dir = g_dir_open (path, 0, error);
  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (name, -1);

      if (!g_str_has_suffix (lower, ".csv"))
        continue;
      /* The crosswalk first, so the list is searchable the moment it lands. */
      if (strstr (lower, "crosswalk") != NULL || strstr (lower, "cip") != NULL)
        g_ptr_array_add (crosswalks, g_build_filename (path, name, NULL));
      else
        g_ptr_array_add (files, g_build_filename (path, name, NULL));
    }
  g_ptr_array_sort (crosswalks, compare_paths);
  g_ptr_array_sort (files, compare_paths);
  if (crosswalks->len + files->len == 0)
    {
      g_set_error (error, JK_TRAINING_ERROR, JK_TRAINING_ERROR_EMPTY, _("%s holds no CSV file"), path);
      return FALSE;
    }
  for (guint i = 0; i < crosswalks->len; i++)
    if (!import_file (store, crosswalks->pdata[i], map_path, imports, error))
      return FALSE;
  for (guint i = 0; i < files->len; i++)
    if (!import_file (store, files->pdata[i], map_path, imports, error))
      return FALSE;
  return TRUE;
}

gboolean
jk_training_import_if_empty (JkStore    *store,
                             const char *path,
                             const char *map_path,
                             GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (path == NULL)
    return TRUE;
  stmt = jk_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM training_programs)", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      jk_store_set_error (store, error, "Cannot read the training programs");
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 0) != 0)
    return TRUE;
  g_clear_pointer (&stmt, sqlite3_finalize);
  return jk_training_import (store, path, map_path, NULL, error);
}
