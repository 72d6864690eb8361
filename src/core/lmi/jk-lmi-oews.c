/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-lmi-oews.c: OEWS wages from the BLS time-series flat files (oe.*) or the spreadsheets saved as CSV */

#define G_LOG_DOMAIN "jk-lmi"

#include <jobkiosk/jk-i18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmi/jk-lmi-import-private.h"

#define SERIES_ID_LENGTH 25
#define OEWS_SOURCE "U.S. Bureau of Labor Statistics, OEWS"

/* lmi_wages' figures, in its column order. */
enum {
  EMPLOYMENT, JOBS_1000, LOC_QUOTIENT, H_MEAN, A_MEAN,
  H_PCT10, H_PCT25, H_MEDIAN, H_PCT75, H_PCT90,
  A_PCT10, A_PCT25, A_MEDIAN, A_PCT75, A_PCT90,
  N_FIGURES
};

static const char *const figure_columns[N_FIGURES] = {
  "employment", "jobs_per_1000", "location_quotient", "hourly_mean", "annual_mean",
  "hourly_p10", "hourly_p25", "hourly_median", "hourly_p75", "hourly_p90",
  "annual_p10", "annual_p25", "annual_median", "annual_p75", "annual_p90",
};

/* The spreadsheets' names for them. */
static const char *const figure_csv[N_FIGURES] = {
  "TOT_EMP", "JOBS_1000", "LOC_QUOTIENT", "H_MEAN", "A_MEAN",
  "H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90",
  "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90",
};

typedef enum {
  UNSET,
  PRESENT,
  TOP_CODED,
  NOT_RELEASED,
  MISSING,
} Figure;

static const char *const reason_words[] = { NULL, NULL, "top_coded", "not_released", "missing" };

/* One area's figures for one occupation. */
typedef struct {
  char area[8];
  char soc[8];
  double value[N_FIGURES];
  guint8 state[N_FIGURES];
} Record;

typedef struct {
  GHashTable *records;   /* area + soc → Record */
  GPtrArray *metros;     /* 7-digit codes of the metros kept */
  GHashTable *areas;     /* codes written to lmi_areas */
} Wages;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
wages_init (Wages *wages)
{
  wages->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  wages->metros = g_ptr_array_new_with_free_func (g_free);
  wages->areas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
wages_clear (Wages *wages)
{
  g_clear_pointer (&wages->records, g_hash_table_unref);
  g_clear_pointer (&wages->metros, g_ptr_array_unref);
  g_clear_pointer (&wages->areas, g_hash_table_unref);
}

static Record *
record_for (Wages      *wages,
            const char *area,
            const char *soc)
{
  char key[16];
  Record *record;

  g_snprintf (key, sizeof key, "%s%s", area, soc);
  record = g_hash_table_lookup (wages->records, key);
  if (record == NULL)
    {
      record = g_new0 (Record, 1);
      g_strlcpy (record->area, area, sizeof record->area);
      g_strlcpy (record->soc, soc, sizeof record->soc);
      g_hash_table_insert (wages->records, g_strdup (key), record);
    }
  return record;
}

static gboolean
add_area_once (JkLmiImport  *import,
               Wages        *wages,
               const char   *code,
               const char   *name,
               const char   *type,
               const char   *state,
               GError      **error)
{
  if (g_hash_table_contains (wages->areas, code) || name == NULL || *name == '\0')
    return TRUE;
  g_hash_table_add (wages->areas, g_strdup (code));
  return jk_lmi_add_area (import, code, name, type, state, error);
}

static gboolean
is_metro_kept (Wages      *wages,
               const char *code)
{
  for (guint i = 0; i < wages->metros->len; i++)
    if (memcmp (wages->metros->pdata[i], code, 7) == 0)
      return TRUE;
  return FALSE;
}

/* Detailed occupations and the total; groups end in 0 ("29-1140",
 * "29-0000"). */
static gboolean
is_detailed (const char *soc)
{
  return soc[6] != '0' || g_str_equal (soc, "00-0000");
}

static gboolean
write_wages (JkLmiImport  *import,
             Wages        *wages,
             GError      **error)
{
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autoptr (GString) sql = g_string_new ("INSERT OR REPLACE INTO lmi_wages (release_id, area_code, soc, reasons");
  g_autoptr (GString) reasons = g_string_new (NULL);
  GHashTableIter iter;
  gpointer value;

  for (int i = 0; i < N_FIGURES; i++)
    g_string_append_printf (sql, ", %s", figure_columns[i]);
  g_string_append (sql, ") VALUES (?1, ?2, ?3, ?4");
  for (int i = 0; i < N_FIGURES; i++)
    g_string_append_printf (sql, ", ?%d", i + 5);
  g_string_append (sql, ")");
  insert = jk_store_prepare (import->store, sql->str, error);
  if (insert == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, wages->records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Record *record = value;

      g_string_truncate (reasons, 0);
      sqlite3_bind_int64 (insert, 1, import->release_id);
      sqlite3_bind_text (insert, 2, record->area, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, record->soc, -1, SQLITE_STATIC);
      for (int i = 0; i < N_FIGURES; i++)
        {
          jk_lmi_bind_number (insert, i + 5, record->state[i] == PRESENT, record->value[i]);
          if (record->state[i] >= TOP_CODED)
            g_string_append_printf (reasons, "%s%s=%s", reasons->len > 0 ? ";" : "", figure_columns[i],
                                    reason_words[record->state[i]]);
        }
      jk_lmi_bind_text (insert, 4, reasons->str);
      if (!jk_lmi_step (import, insert, error))
        return FALSE;
    }
  return TRUE;
}

static const char *
find_path (GPtrArray  *paths,
           const char *prefix,
           gboolean    exact)
{
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *base = g_path_get_basename (paths->pdata[i]);
      g_autofree char *lower = g_ascii_strdown (base, -1);
      if (exact ? g_str_equal (lower, prefix) : g_str_has_prefix (lower, prefix))
        return paths->pdata[i];
    }
  return NULL;
}

/* Opens a flat file and maps its header's columns (NULL-ended names);
 * FALSE with error when one is missing. */
static gboolean
open_flat (JkLmiLines         *lines,
           JkLmiRow           *row,
           const char         *path,
           const char *const  *names,
           int                *columns,
           GError            **error)
{
  char *line;

  if (!jk_lmi_lines_open (lines, path, error))
    return FALSE;
  line = jk_lmi_lines_next (lines, NULL, error);
  if (line == NULL)
    {
      if (error == NULL || *error == NULL)
        jk_lmi_fail (error, lines, "%s", _("the file is empty"));
      return FALSE;
    }
  jk_lmi_row_split_tsv (row, line);
  for (int i = 0; names[i] != NULL; i++)
    {
      columns[i] = jk_lmi_row_find (row, names[i]);
      if (columns[i] < 0)
        {
          jk_lmi_fail_column (error, lines, names[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* The next data row of a flat file, split; NULL at the end (or error).
 * BLS ends every line, so a last line without its end is a file cut short. */
static char *
next_flat (JkLmiLines  *lines,
           JkLmiRow    *row,
           guint        needed,
           GError     **error)
{
  char *line;

  while ((line = jk_lmi_lines_next (lines, NULL, error)) != NULL)
    {
      if (lines->unterminated)
        {
          jk_lmi_fail (error, lines, "%s", _("the last line is cut short (it has no line end)"));
          return NULL;
        }
      if (*line == '\0')
        continue;
      jk_lmi_row_split_tsv (row, line);
      if (row->n < needed)
        {
          jk_lmi_fail_short (error, lines, row->n, needed);
          return NULL;
        }
      return line;
    }
  return NULL;
}

static guint
max_column (const int *columns,
            int        n)
{
  int max = 0;

  for (int i = 0; i < n; i++)
    max = MAX (max, columns[i]);
  return (guint) max + 1;
}

/* ---------------------------------------------------------------------- */
/* Flat files                                                             */

/* Footnote codes to reasons: 5 the top code, 8 not released, unless the
 * release's oe.footnote words them otherwise. */
static gboolean
read_footnotes (JkLmiImport  *import,
                const char   *path,
                Figure       *reasons,
                GError      **error)
{
  static const char *const names[] = { "footnote_code", "footnote_text", NULL };
  JkLmiLines lines;
  JkLmiRow row;
  int columns[2];
  gboolean ok;

  for (int i = 0; i < 128; i++)
    reasons[i] = MISSING;
  reasons['5'] = TOP_CODED;
  reasons['8'] = NOT_RELEASED;
  if (path == NULL)
    return TRUE;
  jk_lmi_row_init (&row);
  ok = open_flat (&lines, &row, path, names, columns, error);
  while (ok && next_flat (&lines, &row, max_column (columns, 2), error) != NULL)
    {
      const char *code = jk_lmi_row_get (&row, columns[0]);
      g_autofree char *text = g_ascii_strdown (jk_lmi_row_get (&row, columns[1]), -1);

      if (strlen (code) != 1 || (guchar) code[0] >= 128)
        continue;
      if (strstr (text, "equal to or greater") != NULL || strstr (text, "top code") != NULL)
        reasons[(guchar) code[0]] = TOP_CODED;
      else if (strstr (text, "not released") != NULL)
        reasons[(guchar) code[0]] = NOT_RELEASED;
    }
  ok = ok && (error == NULL || *error == NULL);
  jk_lmi_row_clear (&row);
  jk_lmi_lines_close (&lines);
  return ok;
}

/* The nation, the state, its metros (a metro in several states is in oe.area under each) and the kiosk's metro. */
static gboolean
read_areas (JkLmiImport  *import,
            Wages        *wages,
            const char   *path,
            GError      **error)
{
  static const char *const names[] = { "state_code", "area_code", "areatype_code", "area_name", NULL };
  JkLmiLines lines;
  JkLmiRow row;
  int columns[4];
  gboolean ok;

  if (import->metro[0] != '\0')
    g_ptr_array_add (wages->metros, g_strdup (import->metro));
  if (path == NULL)
    return TRUE;
  jk_lmi_row_init (&row);
  ok = open_flat (&lines, &row, path, names, columns, error);
  while (ok && next_flat (&lines, &row, max_column (columns, 4), error) != NULL)
    {
      const char *state = jk_lmi_row_get (&row, columns[0]);
      const char *code = jk_lmi_row_get (&row, columns[1]);
      const char *type = jk_lmi_row_get (&row, columns[2]);
      const char *name = jk_lmi_row_get (&row, columns[3]);

      if (strlen (code) != 7)
        {
          jk_lmi_fail (error, &lines, _("“%s” is not an area code of 7 digits"), code);
          ok = FALSE;
        }
      else if (g_str_equal (type, "N"))
        ok = add_area_once (import, wages, code, name, "national", NULL, error);
      else if (g_str_equal (type, "S") && g_str_equal (state, import->state))
        ok = add_area_once (import, wages, code, name, "state", import->state, error);
      else if (g_str_equal (type, "M") &&
               (g_str_equal (state, import->state) || jk_lmi_title_in_state (name, import->state_abbr) ||
                g_str_equal (code, import->metro)))
        {
          if (!is_metro_kept (wages, code))
            g_ptr_array_add (wages->metros, g_strdup (code));
          ok = add_area_once (import, wages, code, name, "metro", import->state, error);
        }
    }
  ok = ok && (error == NULL || *error == NULL);
  jk_lmi_row_clear (&row);
  jk_lmi_lines_close (&lines);
  return ok;
}

static gboolean
read_occupation_titles (const char  *path,
                        GHashTable  *titles,
                        GError     **error)
{
  static const char *const names[] = { "occupation_code", "occupation_name", NULL };
  JkLmiLines lines;
  JkLmiRow row;
  int columns[2];
  gboolean ok;

  if (path == NULL)
    return TRUE;
  jk_lmi_row_init (&row);
  ok = open_flat (&lines, &row, path, names, columns, error);
  while (ok && next_flat (&lines, &row, max_column (columns, 2), error) != NULL)
    {
      char soc[8];
      if (jk_lmi_parse_soc (jk_lmi_row_get (&row, columns[0]), soc))
        g_hash_table_insert (titles, g_strdup (soc), g_strdup (jk_lmi_row_get (&row, columns[1])));
    }
  ok = ok && (error == NULL || *error == NULL);
  jk_lmi_row_clear (&row);
  jk_lmi_lines_close (&lines);
  return ok;
}

static int
datatype_figure (const char *code)
{
  int type = (code[0] - '0') * 10 + (code[1] - '0');

  switch (type)
    {
    case 1: return EMPLOYMENT;
    case 3: return H_MEAN;
    case 4: return A_MEAN;
    case 16: return JOBS_1000;
    case 17: return LOC_QUOTIENT;
    default:
      if (type >= 6 && type <= 10)
        return H_PCT10 + type - 6;
      if (type >= 11 && type <= 15)
        return A_PCT10 + type - 11;
      return -1; /* standard errors */
    }
}

static gboolean
read_data (JkLmiImport  *import,
           Wages        *wages,
           const char   *path,
           const Figure *reasons,
           int           year,
           GError      **error)
{
  static const char *const names[] = { "series_id", "year", "period", "value", NULL };
  JkLmiRelease *release = import->release;
  JkLmiLines lines;
  JkLmiRow row;
  int columns[4], footnote_column;
  guint needed;
  char *line;
  gsize length;
  gboolean ok = TRUE;

  jk_lmi_row_init (&row);
  if (!open_flat (&lines, &row, path, names, columns, error))
    goto out;
  footnote_column = jk_lmi_row_find (&row, "footnote_codes");
  needed = max_column (columns, 4);
  if (columns[0] != 0)
    {
      jk_lmi_fail (error, &lines, "%s", _("the series id is not the first column"));
      goto out;
    }

  while ((line = jk_lmi_lines_next (&lines, &length, error)) != NULL)
    {
      gsize id_length = strcspn (line, " \t");
      gboolean keep;
      char soc[8];
      const char *value;
      int figure, row_year;
      Record *record;

      if (lines.unterminated)
        {
          jk_lmi_fail (error, &lines, "%s", _("the last line is cut short (it has no line end)"));
          goto out;
        }
      if (length == 0)
        continue;
      if (id_length != SERIES_ID_LENGTH || line[0] != 'O' || line[1] != 'E')
        {
          jk_lmi_fail (error, &lines, _("a series id of %u characters where %u were expected"), (guint) id_length,
                       SERIES_ID_LENGTH);
          goto out;
        }
      /* The area alone decides most rows: nothing else is parsed for them. */
      switch (line[3])
        {
        case 'N':
          keep = memcmp (line + 4, "0000000", 7) == 0;
          break;
        case 'S':
          keep = line[4] == import->state[0] && line[5] == import->state[1];
          break;
        case 'M':
          keep = is_metro_kept (wages, line + 4);
          break;
        default:
          keep = FALSE;
        }
      if (!keep)
        {
          release->skipped[JK_LMI_SKIP_OTHER_AREAS]++;
          continue;
        }
      if (memcmp (line + 11, "000000", 6) != 0)
        {
          release->skipped[JK_LMI_SKIP_INDUSTRIES]++;
          continue;
        }

      jk_lmi_row_split_tsv (&row, line);
      if (row.n < needed)
        {
          jk_lmi_fail_short (error, &lines, row.n, needed);
          goto out;
        }
      row_year = atoi (jk_lmi_row_get (&row, columns[1]));
      if (row_year != year)
        {
          release->skipped[JK_LMI_SKIP_OTHER_YEARS]++;
          continue;
        }
      figure = datatype_figure (line + 23);
      if (figure < 0 || !g_str_equal (jk_lmi_row_get (&row, columns[2]), "A01"))
        {
          release->skipped[JK_LMI_SKIP_FIGURES]++;
          continue;
        }
      jk_lmi_parse_soc ((char[7]) { line[17], line[18], line[19], line[20], line[21], line[22], '\0' }, soc);
      if (!is_detailed (soc))
        {
          release->skipped[JK_LMI_SKIP_GROUPS]++;
          continue;
        }
      {
        char area[8];
        memcpy (area, line + 4, 7);
        area[7] = '\0';
        record = record_for (wages, area, soc);
      }
      value = jk_lmi_row_get (&row, columns[3]);
      if (g_str_equal (value, "-"))
        {
          const char *note = jk_lmi_row_get (&row, footnote_column);
          record->state[figure] = (guchar) note[0] < 128 && note[0] != '\0' ? reasons[(guchar) note[0]] : MISSING;
        }
      else if (jk_lmi_parse_number (value, &record->value[figure]))
        record->state[figure] = PRESENT;
      else
        {
          jk_lmi_fail_number (error, &lines, value);
          goto out;
        }
      release->taken++;
    }
  ok = error == NULL || *error == NULL;
  jk_lmi_row_clear (&row);
  jk_lmi_lines_close (&lines);
  return ok;

out:
  jk_lmi_row_clear (&row);
  jk_lmi_lines_close (&lines);
  return FALSE;
}

static gboolean
peek_year (const char  *path,
           int         *year,
           GError     **error)
{
  static const char *const names[] = { "series_id", "year", NULL };
  JkLmiLines lines;
  JkLmiRow row;
  int columns[2];
  gboolean ok;

  jk_lmi_row_init (&row);
  ok = open_flat (&lines, &row, path, names, columns, error) &&
       next_flat (&lines, &row, max_column (columns, 2), error) != NULL;
  if (ok)
    {
      *year = atoi (jk_lmi_row_get (&row, columns[1]));
      if (*year < 1990 || *year > 2200)
        {
          jk_lmi_fail (error, &lines, _("“%s” is not a year"), jk_lmi_row_get (&row, columns[1]));
          ok = FALSE;
        }
    }
  else if (error == NULL || *error == NULL)
    {
      jk_lmi_fail (error, &lines, "%s", _("the file has no figures"));
    }
  jk_lmi_row_clear (&row);
  jk_lmi_lines_close (&lines);
  return ok;
}

static gboolean
flat_peek (JkLmiImport  *import,
           GPtrArray    *paths,
           char        **name,
           char        **source,
           GError      **error)
{
  const char *data = find_path (paths, "oe.data.", FALSE);
  int year;

  if (data == NULL)
    {
      g_set_error (error, JK_LMI_IMPORT_ERROR, JK_LMI_IMPORT_ERROR_FORMAT,
                   _("%s: OEWS files without an oe.data file"), (const char *) paths->pdata[0]);
      return FALSE;
    }
  if (!peek_year (data, &year, error))
    return FALSE;
  /* OEWS estimates are for May of their year. */
  *name = g_strdup_printf ("May %d", year);
  *source = g_strdup (OEWS_SOURCE);
  return TRUE;
}

static gboolean
flat_run (JkLmiImport  *import,
          GPtrArray    *paths,
          GError      **error)
{
  g_autoptr (GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Figure reasons[128];
  Wages wages;
  GHashTableIter iter;
  gpointer value;
  gboolean ok;
  int year = 0;

  sscanf (import->release->name, "May %d", &year);
  wages_init (&wages);
  ok = read_footnotes (import, find_path (paths, "oe.footnote", TRUE), reasons, error) &&
       read_areas (import, &wages, find_path (paths, "oe.area", TRUE), error) &&
       read_occupation_titles (find_path (paths, "oe.occupation", TRUE), titles, error);
  for (guint i = 0; ok && i < paths->len; i++)
    {
      g_autofree char *base = g_path_get_basename (paths->pdata[i]);
      g_autofree char *lower = g_ascii_strdown (base, -1);
      if (g_str_has_prefix (lower, "oe.data."))
        ok = read_data (import, &wages, paths->pdata[i], reasons, year, error);
    }
  ok = ok && write_wages (import, &wages, error);
  if (ok)
    {
      g_hash_table_iter_init (&iter, wages.records);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        jk_lmi_add_title (import, ((Record *) value)->soc, g_hash_table_lookup (titles, ((Record *) value)->soc));
    }
  wages_clear (&wages);
  return ok;
}

const JkLmiFormat jk_lmi_format_oews_flat = { "oews", flat_peek, flat_run };

/* ---------------------------------------------------------------------- */
/* Spreadsheets saved as CSV                                              */

static Figure
csv_figure (const char *text,
            double     *value)
{
  if (g_str_equal (text, "#"))
    return TOP_CODED;
  if (g_str_equal (text, "*") || g_str_equal (text, "**"))
    return NOT_RELEASED;
  if (*text == '\0' || g_str_equal (text, "~") || g_str_equal (text, "N/A") || g_str_equal (text, "-"))
    return MISSING;
  return jk_lmi_parse_number (text, value) ? PRESENT : UNSET;
}

/* The 7-digit code of a spreadsheet's area, and its type; FALSE for areas
 * the kiosk does not keep (nonmetropolitan areas). */
static gboolean
csv_area (const char  *area,
          const char  *area_type,
          char        *code,
          const char **type)
{
  int kind = atoi (area_type);

  if (*area_type == '\0')
    {
      gsize len = strlen (area);
      kind = len == 7 ? (g_str_equal (area, "0000000") ? 1 : g_str_has_suffix (area, "00000") ? 2 : 4)
           : len <= 2 ? (g_str_equal (area, "99") ? 1 : 2) : 4;
    }
  if (strspn (area, "0123456789") != strlen (area) || *area == '\0' || strlen (area) > 7)
    return FALSE;
  switch (kind)
    {
    case 1:
      strcpy (code, "0000000");
      *type = "national";
      return TRUE;
    case 2:
    case 3:
      if (strlen (area) == 7)
        strcpy (code, area);
      else
        g_snprintf (code, 8, "%02d00000", atoi (area));
      *type = "state";
      return TRUE;
    case 4:
      g_snprintf (code, 8, "%07d", atoi (area));
      *type = "metro";
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
csv_read (JkLmiImport  *import,
          Wages        *wages,
          const char   *path,
          GError      **error)
{
  JkLmiRelease *release = import->release;
  JkLmiLines lines;
  JkLmiRow row;
  int figures[N_FIGURES];
  int area_col, title_col, type_col, prim_col, naics_col, own_col, occ_col, occ_title_col, group_col;
  guint n_columns;
  gboolean ok = FALSE;

  if (!jk_lmi_lines_open (&lines, path, error))
    return FALSE;
  jk_lmi_row_init (&row);
  if (!jk_lmi_row_read_csv (&row, &lines, error))
    goto out;
  n_columns = row.n;
  area_col = jk_lmi_row_find (&row, "AREA");
  title_col = jk_lmi_row_find (&row, "AREA_TITLE");
  type_col = jk_lmi_row_find (&row, "AREA_TYPE");
  prim_col = jk_lmi_row_find (&row, "PRIM_STATE");
  naics_col = jk_lmi_row_find (&row, "NAICS");
  own_col = jk_lmi_row_find (&row, "OWN_CODE");
  occ_col = jk_lmi_row_find (&row, "OCC_CODE");
  occ_title_col = jk_lmi_row_find (&row, "OCC_TITLE");
  group_col = jk_lmi_row_find (&row, "O_GROUP");
  if (group_col < 0)
    group_col = jk_lmi_row_find (&row, "OCC_GROUP");
  for (int i = 0; i < N_FIGURES; i++)
    figures[i] = jk_lmi_row_find (&row, figure_csv[i]);
  if (figures[LOC_QUOTIENT] < 0)
    figures[LOC_QUOTIENT] = jk_lmi_row_find (&row, "LOC_Q");
  if (area_col < 0 || occ_col < 0)
    {
      jk_lmi_fail_column (error, &lines, area_col < 0 ? "AREA" : "OCC_CODE");
      goto out;
    }

  while (jk_lmi_row_read_csv (&row, &lines, error))
    {
      const char *area = jk_lmi_row_get (&row, area_col);
      const char *area_name = jk_lmi_row_get (&row, title_col);
      const char *type;
      const char *group = jk_lmi_row_get (&row, group_col);
      char code[8], soc[8];
      gboolean keep;
      Record *record;

      if (row.n == 1 && *row.field[0] == '\0')
        continue;
      if (row.n < n_columns)
        {
          jk_lmi_fail_short (error, &lines, row.n, n_columns);
          goto out;
        }
      if (!csv_area (area, jk_lmi_row_get (&row, type_col), code, &type))
        keep = FALSE;
      else if (g_str_equal (type, "national"))
        keep = TRUE;
      else if (g_str_equal (type, "state"))
        keep = code[0] == import->state[0] && code[1] == import->state[1];
      else
        keep = g_str_equal (code, import->metro) ||
               (import->state_abbr != NULL && g_str_equal (jk_lmi_row_get (&row, prim_col), import->state_abbr)) ||
               jk_lmi_title_in_state (area_name, import->state_abbr);
      if (!keep)
        {
          release->skipped[JK_LMI_SKIP_OTHER_AREAS]++;
          continue;
        }
      if ((naics_col >= 0 && !g_str_equal (jk_lmi_row_get (&row, naics_col), "000000")) ||
          (own_col >= 0 && !g_str_equal (jk_lmi_row_get (&row, own_col), "1235")))
        {
          release->skipped[JK_LMI_SKIP_INDUSTRIES]++;
          continue;
        }
      if (!jk_lmi_parse_soc (jk_lmi_row_get (&row, occ_col), soc))
        {
          jk_lmi_fail (error, &lines, _("“%s” is not an occupation code"), jk_lmi_row_get (&row, occ_col));
          goto out;
        }
      if (group_col >= 0 ? !(g_ascii_strcasecmp (group, "detailed") == 0 || g_ascii_strcasecmp (group, "total") == 0)
                         : !is_detailed (soc))
        {
          release->skipped[JK_LMI_SKIP_GROUPS]++;
          continue;
        }
      if (!add_area_once (import, wages, code, area_name, type,
                          g_str_equal (type, "national") ? NULL : import->state, error))
        goto out;
      record = record_for (wages, code, soc);
      for (int i = 0; i < N_FIGURES; i++)
        {
          const char *text;
          if (figures[i] < 0)
            continue;
          text = jk_lmi_row_get (&row, figures[i]);
          record->state[i] = csv_figure (text, &record->value[i]);
          if (record->state[i] == UNSET)
            {
              jk_lmi_fail_number (error, &lines, text);
              goto out;
            }
        }
      jk_lmi_add_title (import, soc, jk_lmi_row_get (&row, occ_title_col));
      release->taken++;
    }
  ok = error == NULL || *error == NULL;

out:
  jk_lmi_row_clear (&row);
  jk_lmi_lines_close (&lines);
  return ok;
}

static char *
year_of (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *lower = g_ascii_strdown (base, -1);
  const char *p = lower;

  while ((p = strstr (p, "_m")) != NULL)
    {
      p += 2;
      if (*p == '_')
        p++;
      if (strspn (p, "0123456789") == 4)
        return g_strndup (p, 4);
    }
  return NULL;
}

static gboolean
csv_peek (JkLmiImport  *import,
          GPtrArray    *paths,
          char        **name,
          char        **source,
          GError      **error)
{
  g_autofree char *year = year_of (paths->pdata[0]);

  if (year == NULL)
    {
      g_set_error (error, JK_LMI_IMPORT_ERROR, JK_LMI_IMPORT_ERROR_FORMAT,
                   _("%s: cannot tell the year of this OEWS file: keep its published name (state_M_2024.csv)"),
                   (const char *) paths->pdata[0]);
      return FALSE;
    }
  *name = g_strdup_printf ("May %s", year);
  *source = g_strdup (OEWS_SOURCE);
  return TRUE;
}

static gboolean
csv_run (JkLmiImport  *import,
         GPtrArray    *paths,
         GError      **error)
{
  Wages wages;
  gboolean ok = TRUE;

  wages_init (&wages);
  for (guint i = 0; ok && i < paths->len; i++)
    ok = csv_read (import, &wages, paths->pdata[i], error);
  ok = ok && write_wages (import, &wages, error);
  wages_clear (&wages);
  return ok;
}

const JkLmiFormat jk_lmi_format_oews_csv = { "oews", csv_peek, csv_run };
