/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-lmi-projections.c: Employment Projections: the BLS national occupation table and a state's long-term projections, as CSV */

#define G_LOG_DOMAIN "jk-lmi"

#include <jobkiosk/jk-i18n.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lmi/jk-lmi-import-private.h"

/* The national table gives employment, change and openings in thousands. */
#define NATIONAL_UNIT 1000.0

enum {
  CODE, TITLE, TYPE, BASE, PROJECTED, CHANGE, PERCENT, OPENINGS, WAGE, EDUCATION, EXPERIENCE, TRAINING,
  BASE_YEAR, PROJECTED_YEAR, FIPS, AREA,
  N_COLUMNS
};

typedef struct {
  int column[N_COLUMNS];
  int base_year, projected_year;
  guint n;
} Layout;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static int
find_any (const JkLmiRow *row,
          ...)
{
  va_list args;
  const char *name;
  int found = -1;

  va_start (args, row);
  while (found < 0 && (name = va_arg (args, const char *)) != NULL)
    found = jk_lmi_row_find (row, name);
  va_end (args);
  return found;
}

/* "Employment, 2023": the year after the comma. */
static int
employment_year (const char *header)
{
  g_autofree char *lower = g_ascii_strdown (header, -1);

  if (!g_str_has_prefix (lower, "employment,"))
    return 0;
  return atoi (lower + strlen ("employment,"));
}

static gboolean
national_layout (const JkLmiRow *header,
                 Layout         *layout)
{
  for (int i = 0; i < N_COLUMNS; i++)
    layout->column[i] = -1;
  layout->n = header->n;
  for (guint i = 0; i < header->n; i++)
    {
      int year = employment_year (header->field[i]);
      if (year < 1990)
        continue;
      if (layout->column[BASE] < 0)
        {
          layout->column[BASE] = (int) i;
          layout->base_year = year;
        }
      else if (layout->column[PROJECTED] < 0)
        {
          layout->column[PROJECTED] = (int) i;
          layout->projected_year = year;
        }
    }
  if (layout->base_year > layout->projected_year)
    {
      int column = layout->column[BASE], year = layout->base_year;
      layout->column[BASE] = layout->column[PROJECTED];
      layout->base_year = layout->projected_year;
      layout->column[PROJECTED] = column;
      layout->projected_year = year;
    }
  layout->column[CODE] = jk_lmi_row_find_words (header, 0, "code", NULL);
  layout->column[TITLE] = jk_lmi_row_find_words (header, 0, "title", NULL);
  layout->column[TYPE] = jk_lmi_row_find_words (header, 0, "occupation type", NULL);
  layout->column[CHANGE] = jk_lmi_row_find_words (header, 0, "change", "numeric", NULL);
  layout->column[PERCENT] = jk_lmi_row_find_words (header, 0, "change", "percent", NULL);
  layout->column[OPENINGS] = jk_lmi_row_find_words (header, 0, "openings", NULL);
  layout->column[WAGE] = jk_lmi_row_find_words (header, 0, "median", "wage", NULL);
  layout->column[EDUCATION] = jk_lmi_row_find_words (header, 0, "education", NULL);
  layout->column[EXPERIENCE] = jk_lmi_row_find_words (header, 0, "work experience", NULL);
  layout->column[TRAINING] = jk_lmi_row_find_words (header, 0, "on-the-job training", NULL);
  return layout->column[CODE] >= 0 && layout->column[BASE] >= 0 && layout->column[PROJECTED] >= 0;
}

static gboolean
state_layout (const JkLmiRow *header,
              Layout         *layout)
{
  for (int i = 0; i < N_COLUMNS; i++)
    layout->column[i] = -1;
  layout->n = header->n;
  layout->column[FIPS] = find_any (header, "State FIPS", "StateFips", "FIPS", "Area Code", "AreaCode", NULL);
  layout->column[AREA] = find_any (header, "Area Name", "AreaName", "State Name", "StateName", "Area", NULL);
  layout->column[CODE] = find_any (header, "Occupation Code", "OccCode", "SOC Code", "SOC", "Code", NULL);
  layout->column[TITLE] = find_any (header, "Occupation Name", "OccTitle", "Occupation Title", "Title", NULL);
  layout->column[BASE_YEAR] = find_any (header, "Base Year", "BaseYear", NULL);
  layout->column[PROJECTED_YEAR] = find_any (header, "Projected Year", "ProjYear", "Projection Year", NULL);
  layout->column[BASE] = find_any (header, "Base", "Base Employment", NULL);
  layout->column[PROJECTED] = find_any (header, "Projection", "Projected", "Proj", "Projected Employment", NULL);
  layout->column[CHANGE] = find_any (header, "Change", "Numeric Change", NULL);
  layout->column[PERCENT] = find_any (header, "Percent Change", "PercentChange", "Percent", NULL);
  layout->column[OPENINGS] = find_any (header, "Average Annual Openings", "AvgAnnualOpenings", "Annual Openings",
                                       "Openings", NULL);
  return layout->column[CODE] >= 0 && layout->column[BASE] >= 0 && layout->column[PROJECTED] >= 0 &&
         layout->column[BASE_YEAR] >= 0 && layout->column[PROJECTED_YEAR] >= 0;
}

/* A figure, or none for the tables' marks ("(NA)", "—", ">=239,200"). */
static gboolean
figure (const JkLmiRow *row,
        int             column,
        double          scale,
        double         *value,
        gboolean       *present)
{
  const char *text = jk_lmi_row_get (row, column);

  *present = FALSE;
  if (*text == '\0' || g_ascii_strcasecmp (text, "NA") == 0 || g_ascii_strcasecmp (text, "(NA)") == 0 ||
      g_str_equal (text, "—") || g_str_equal (text, "-") || text[0] == '>' || text[0] == '<')
    return TRUE;
  if (!jk_lmi_parse_number (text, value))
    return FALSE;
  *value *= scale;
  *present = TRUE;
  return TRUE;
}

/* A line of notes below the table ("Note: …", "[1] …"): only its first field is filled. */
static gboolean
is_note (const JkLmiRow *row)
{
  for (guint i = 1; i < row->n; i++)
    if (*row->field[i] != '\0')
      return FALSE;
  return TRUE;
}

/* Whether a state file's row is of the configured state. */
static gboolean
row_in_state (const JkLmiImport *import,
              const JkLmiRow    *row,
              const Layout      *layout)
{
  const char *fips = jk_lmi_row_get (row, layout->column[FIPS]);
  const char *area = jk_lmi_row_get (row, layout->column[AREA]);

  if (layout->column[FIPS] < 0 && layout->column[AREA] < 0)
    return TRUE;
  if (layout->column[FIPS] >= 0 && atoi (fips) == atoi (import->state) && *fips != '\0')
    return TRUE;
  return import->state_name != NULL && g_ascii_strcasecmp (area, import->state_name) == 0;
}

static const char *
words_or_null (const JkLmiRow *row,
               int             column)
{
  const char *text = jk_lmi_row_get (row, column);
  return *text == '\0' || g_str_equal (text, "—") ? NULL : text;
}

/* Reads the file's rows into lmi_projections; for a state's file, or
 * the nation's (national). */
static gboolean
read_file (JkLmiImport  *import,
           const char   *path,
           gboolean      national,
           GError      **error)
{
  g_autoptr (sqlite3_stmt) insert = NULL;
  JkLmiRelease *release = import->release;
  JkLmiLines lines;
  JkLmiRow row;
  Layout layout;
  char area[8];
  gboolean ok = FALSE;

  insert = jk_store_prepare (import->store,
                             "INSERT OR REPLACE INTO lmi_projections (release_id, area_code, soc, base_year, projected_year,"
                             " base_employment, projected_employment, change, percent_change, annual_openings, median_wage,"
                             " education, experience, training)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                             error);
  if (insert == NULL || !jk_lmi_lines_open (&lines, path, error))
    return FALSE;
  jk_lmi_row_init (&row);
  if (!jk_lmi_row_read_csv (&row, &lines, error))
    goto out;
  if (!(national ? national_layout (&row, &layout) : state_layout (&row, &layout)))
    {
      jk_lmi_fail_column (error, &lines, national ? "Employment, YYYY" : "Base Year");
      goto out;
    }
  if (national)
    strcpy (area, "0000000");
  else
    g_snprintf (area, sizeof area, "%s00000", import->state);

  while (jk_lmi_row_read_csv (&row, &lines, error))
    {
      static const int figures[] = { BASE, PROJECTED, CHANGE, PERCENT, OPENINGS, WAGE };
      double value[G_N_ELEMENTS (figures)] = { 0 };
      gboolean present[G_N_ELEMENTS (figures)];
      const char *code_text = jk_lmi_row_get (&row, layout.column[CODE]);
      const char *type = jk_lmi_row_get (&row, layout.column[TYPE]);
      char soc[8];
      int base_year = layout.base_year, projected_year = layout.projected_year;

      if (is_note (&row))
        continue;
      if (row.n < layout.n)
        {
          jk_lmi_fail_short (error, &lines, row.n, layout.n);
          goto out;
        }
      if (!national && !row_in_state (import, &row, &layout))
        {
          release->skipped[JK_LMI_SKIP_OTHER_AREAS]++;
          continue;
        }
      if (!jk_lmi_parse_soc (code_text, soc))
        {
          jk_lmi_fail (error, &lines, _("“%s” is not an occupation code"), code_text);
          goto out;
        }
      if (layout.column[TYPE] >= 0 ? g_ascii_strcasecmp (type, "Line item") != 0 : !(soc[6] != '0' || g_str_equal (soc, "00-0000")))
        {
          release->skipped[JK_LMI_SKIP_GROUPS]++;
          continue;
        }
      if (!national)
        {
          base_year = atoi (jk_lmi_row_get (&row, layout.column[BASE_YEAR]));
          projected_year = atoi (jk_lmi_row_get (&row, layout.column[PROJECTED_YEAR]));
        }
      for (gsize i = 0; i < G_N_ELEMENTS (figures); i++)
        {
          double scale = national && figures[i] != PERCENT && figures[i] != WAGE ? NATIONAL_UNIT : 1.0;
          if (!figure (&row, layout.column[figures[i]], scale, &value[i], &present[i]))
            {
              jk_lmi_fail_number (error, &lines, jk_lmi_row_get (&row, layout.column[figures[i]]));
              goto out;
            }
        }
      sqlite3_bind_int64 (insert, 1, import->release_id);
      sqlite3_bind_text (insert, 2, area, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, soc, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (insert, 4, base_year);
      sqlite3_bind_int (insert, 5, projected_year);
      for (gsize i = 0; i < G_N_ELEMENTS (figures); i++)
        jk_lmi_bind_number (insert, 6 + (int) i, present[i], value[i]);
      jk_lmi_bind_text (insert, 12, words_or_null (&row, layout.column[EDUCATION]));
      jk_lmi_bind_text (insert, 13, words_or_null (&row, layout.column[EXPERIENCE]));
      jk_lmi_bind_text (insert, 14, words_or_null (&row, layout.column[TRAINING]));
      if (!jk_lmi_step (import, insert, error))
        goto out;
      jk_lmi_add_title (import, soc, jk_lmi_row_get (&row, layout.column[TITLE]));
      release->taken++;
    }
  ok = error == NULL || *error == NULL;
  if (ok && !national && import->state_name != NULL)
    ok = jk_lmi_add_area (import, area, import->state_name, "state", import->state, error);

out:
  jk_lmi_row_clear (&row);
  jk_lmi_lines_close (&lines);
  return ok;
}

/* ---------------------------------------------------------------------- */
/* The formats                                                            */

static gboolean
national_peek (JkLmiImport  *import,
               GPtrArray    *paths,
               char        **name,
               char        **source,
               GError      **error)
{
  JkLmiLines lines;
  JkLmiRow row;
  Layout layout;
  gboolean ok = FALSE;

  if (!jk_lmi_lines_open (&lines, paths->pdata[0], error))
    return FALSE;
  jk_lmi_row_init (&row);
  if (jk_lmi_row_read_csv (&row, &lines, error))
    {
      ok = national_layout (&row, &layout);
      if (!ok)
        jk_lmi_fail_column (error, &lines, "Employment, YYYY");
    }
  if (ok)
    {
      *name = g_strdup_printf ("%d-%d", layout.base_year, layout.projected_year);
      *source = g_strdup ("U.S. Bureau of Labor Statistics, Employment Projections");
    }
  jk_lmi_row_clear (&row);
  jk_lmi_lines_close (&lines);
  return ok;
}

static gboolean
national_run (JkLmiImport  *import,
              GPtrArray    *paths,
              GError      **error)
{
  for (guint i = 0; i < paths->len; i++)
    if (!read_file (import, paths->pdata[i], TRUE, error))
      return FALSE;
  return TRUE;
}

const JkLmiFormat jk_lmi_format_projections = { "projections", national_peek, national_run };

/* Named by the years of the state's first row: "2022-2032 Ohio", apart
 * from the nation's "2023-2033". */
static gboolean
state_peek (JkLmiImport  *import,
            GPtrArray    *paths,
            char        **name,
            char        **source,
            GError      **error)
{
  JkLmiLines lines;
  JkLmiRow row;
  Layout layout;
  gboolean ok = FALSE;

  if (!jk_lmi_lines_open (&lines, paths->pdata[0], error))
    return FALSE;
  jk_lmi_row_init (&row);
  if (jk_lmi_row_read_csv (&row, &lines, error))
    {
      if (!state_layout (&row, &layout))
        jk_lmi_fail_column (error, &lines, "Base Year");
      else
        while (!ok && jk_lmi_row_read_csv (&row, &lines, error))
          if (!is_note (&row) && row_in_state (import, &row, &layout))
            {
              int base = atoi (jk_lmi_row_get (&row, layout.column[BASE_YEAR]));
              int projected = atoi (jk_lmi_row_get (&row, layout.column[PROJECTED_YEAR]));
              *name = g_strdup_printf ("%d-%d %s", base, projected, import->state_name ? import->state_name : import->state);
              ok = TRUE;
            }
      if (!ok && (error == NULL || *error == NULL))
        jk_lmi_fail (error, &lines, "%s", _("no figures of the state were found"));
    }
  if (ok)
    *source = g_strdup ("Projections Central, state long-term occupational projections");
  jk_lmi_row_clear (&row);
  jk_lmi_lines_close (&lines);
  return ok;
}

static gboolean
state_run (JkLmiImport  *import,
           GPtrArray    *paths,
           GError      **error)
{
  for (guint i = 0; i < paths->len; i++)
    if (!read_file (import, paths->pdata[i], FALSE, error))
      return FALSE;
  return TRUE;
}

const JkLmiFormat jk_lmi_format_projections_state = { "projections", state_peek, state_run };
