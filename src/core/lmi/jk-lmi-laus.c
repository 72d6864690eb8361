/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-lmi-laus.c: unemployment rates of the state and its counties from the BLS LAUS flat files (la.*) */

#define G_LOG_DOMAIN "jk-lmi"

#include <jobkiosk/jk-i18n.h>
#include <stdlib.h>
#include <string.h>

#include "lmi/jk-lmi-import-private.h"

#define SERIES_ID_LENGTH 20
#define MEASURE_UNEMPLOYMENT_RATE "03"

static const char *const months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
  "December",
};

typedef struct {
  int year, month; /* the latest month read, for the release's name */
  gboolean annual;
} Latest;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

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

/* The area code LAUS writes ("ST3900000000000", "CN3904900000000") as
 * lmi_areas has it ("3900000", "39049"), when it is the state or one of its
 * counties. */
static gboolean
our_area (const JkLmiImport *import,
          const char        *laus,
          char              *code)
{
  if (laus[2] != import->state[0] || laus[3] != import->state[1])
    return FALSE;
  if (laus[0] == 'S' && laus[1] == 'T')
    {
      g_snprintf (code, 8, "%.2s00000", laus + 2);
      return TRUE;
    }
  if (laus[0] == 'C' && laus[1] == 'N')
    {
      g_snprintf (code, 8, "%.5s", laus + 2);
      return TRUE;
    }
  return FALSE;
}

static gboolean
read_areas (JkLmiImport  *import,
            const char   *path,
            GError      **error)
{
  static const char *const names[] = { "area_code", "area_text", NULL };
  JkLmiLines lines;
  JkLmiRow row;
  int columns[2];
  gboolean ok;
  char *line;

  jk_lmi_row_init (&row);
  ok = open_flat (&lines, &row, path, names, columns, error);
  while (ok && (line = jk_lmi_lines_next (&lines, NULL, error)) != NULL)
    {
      const char *laus;
      char code[8];

      if (*line == '\0')
        continue;
      jk_lmi_row_split_tsv (&row, line);
      laus = jk_lmi_row_get (&row, columns[0]);
      if (strlen (laus) == 15 && our_area (import, laus, code))
        ok = jk_lmi_add_area (import, code, jk_lmi_row_get (&row, columns[1]), laus[0] == 'S' ? "state" : "county",
                              import->state, error);
    }
  ok = ok && (error == NULL || *error == NULL);
  jk_lmi_row_clear (&row);
  jk_lmi_lines_close (&lines);
  return ok;
}

static gboolean
read_data (JkLmiImport  *import,
           const char   *path,
           Latest       *latest,
           GError      **error)
{
  static const char *const names[] = { "series_id", "year", "period", "value", NULL };
  g_autoptr (sqlite3_stmt) insert = NULL;
  JkLmiRelease *release = import->release;
  JkLmiLines lines;
  JkLmiRow row;
  int columns[4], footnote_column;
  guint needed = 0;
  char *line;
  gboolean ok = FALSE;

  insert = jk_store_prepare (import->store,
                             "INSERT OR REPLACE INTO lmi_unemployment (release_id, area_code, year, period, rate, preliminary)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                             error);
  if (insert == NULL)
    return FALSE;
  jk_lmi_row_init (&row);
  if (!open_flat (&lines, &row, path, names, columns, error))
    goto out;
  footnote_column = jk_lmi_row_find (&row, "footnote_codes");
  for (int i = 0; i < 4; i++)
    needed = MAX (needed, (guint) columns[i] + 1);
  if (columns[0] != 0)
    {
      jk_lmi_fail (error, &lines, "%s", _("the series id is not the first column"));
      goto out;
    }

  while ((line = jk_lmi_lines_next (&lines, NULL, error)) != NULL)
    {
      gsize id_length = strcspn (line, " \t");
      const char *period, *value;
      char code[8];
      double rate = 0;
      gboolean present;
      int year, month;

      if (lines.unterminated)
        {
          jk_lmi_fail (error, &lines, "%s", _("the last line is cut short (it has no line end)"));
          goto out;
        }
      if (*line == '\0')
        continue;
      if (id_length != SERIES_ID_LENGTH || line[0] != 'L' || line[1] != 'A')
        {
          jk_lmi_fail (error, &lines, _("a series id of %u characters where %u were expected"), (guint) id_length,
                       SERIES_ID_LENGTH);
          goto out;
        }
      /* The area first: most rows are other states'. */
      if (!our_area (import, line + 3, code))
        {
          release->skipped[JK_LMI_SKIP_OTHER_AREAS]++;
          continue;
        }
      if (memcmp (line + 18, MEASURE_UNEMPLOYMENT_RATE, 2) != 0)
        {
          release->skipped[JK_LMI_SKIP_FIGURES]++;
          continue;
        }
      /* Counties are published unadjusted only: the state too, to compare. */
      if (line[2] != 'U')
        {
          release->skipped[JK_LMI_SKIP_ADJUSTED]++;
          continue;
        }
      jk_lmi_row_split_tsv (&row, line);
      if (row.n < needed)
        {
          jk_lmi_fail_short (error, &lines, row.n, needed);
          goto out;
        }
      period = jk_lmi_row_get (&row, columns[2]);
      value = jk_lmi_row_get (&row, columns[3]);
      year = atoi (jk_lmi_row_get (&row, columns[1]));
      if (year < 1970 || year > 2200)
        {
          jk_lmi_fail (error, &lines, _("“%s” is not a year"), jk_lmi_row_get (&row, columns[1]));
          goto out;
        }
      if (strlen (period) != 3 || period[0] != 'M' || strspn (period + 1, "0123456789") != 2 ||
          (month = atoi (period + 1)) < 1 || month > 13)
        {
          release->skipped[JK_LMI_SKIP_FIGURES]++;
          continue;
        }
      present = !g_str_equal (value, "-");
      if (present && !jk_lmi_parse_number (value, &rate))
        {
          jk_lmi_fail_number (error, &lines, value);
          goto out;
        }
      if (month <= 12 && (year > latest->year || (year == latest->year && month > latest->month)))
        {
          latest->year = year;
          latest->month = month;
        }
      else if (month == 13 && latest->month == 0 && year >= latest->year)
        {
          latest->year = year;
          latest->annual = TRUE;
        }
      sqlite3_bind_int64 (insert, 1, import->release_id);
      sqlite3_bind_text (insert, 2, code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (insert, 3, year);
      sqlite3_bind_text (insert, 4, period, -1, SQLITE_TRANSIENT);
      jk_lmi_bind_number (insert, 5, present, rate);
      sqlite3_bind_int (insert, 6, strchr (jk_lmi_row_get (&row, footnote_column), 'P') != NULL);
      if (!jk_lmi_step (import, insert, error))
        goto out;
      release->taken++;
    }
  ok = error == NULL || *error == NULL;

out:
  jk_lmi_row_clear (&row);
  jk_lmi_lines_close (&lines);
  return ok;
}

/* ---------------------------------------------------------------------- */
/* The format                                                             */

/* Named by the latest month read, once read. */
static gboolean
laus_peek (JkLmiImport  *import,
           GPtrArray    *paths,
           char        **name,
           char        **source,
           GError      **error)
{
  *name = NULL;
  *source = g_strdup ("U.S. Bureau of Labor Statistics, LAUS");
  return TRUE;
}

static gboolean
laus_run (JkLmiImport  *import,
          GPtrArray    *paths,
          GError      **error)
{
  Latest latest = { 0 };

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *base = g_path_get_basename (paths->pdata[i]);
      g_autofree char *lower = g_ascii_strdown (base, -1);
      if (g_str_equal (lower, "la.area") && !read_areas (import, paths->pdata[i], error))
        return FALSE;
    }
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *base = g_path_get_basename (paths->pdata[i]);
      g_autofree char *lower = g_ascii_strdown (base, -1);
      if (g_str_has_prefix (lower, "la.data.") && !read_data (import, paths->pdata[i], &latest, error))
        return FALSE;
    }
  if (latest.month > 0)
    import->release->name = g_strdup_printf ("%s %d", months[latest.month - 1], latest.year);
  else if (latest.annual)
    import->release->name = g_strdup_printf ("%d annual average", latest.year);
  return TRUE;
}

const JkLmiFormat jk_lmi_format_laus = { "laus", laus_peek, laus_run };
