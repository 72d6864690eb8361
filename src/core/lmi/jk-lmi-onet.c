/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-lmi-onet.c: O*NET database text files: occupations, titles, tasks, education, job zones, skills, related
 * occupations, interests */

#define G_LOG_DOMAIN "jk-lmi"

#include <jobkiosk/jk-i18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmi/jk-lmi-import-private.h"

#define CODE "O*NET-SOC Code"
#define MAX_NAMES 8

typedef struct {
  char *onet_code;
  char *title;
  char *description;
  int job_zone;
} Occupation;

typedef struct {
  JkLmiImport *import;
  GHashTable *occupations; /* soc → Occupation: the .00 code's, else the first detailed one's */
  GHashTable *categories;  /* "element|scale|category" → its description */
  GHashTable *short_titles;/* "soc|title" seen */
  GHashTable *interests;   /* soc → Interests: the OI ratings of its O*NET codes, summed */
  sqlite3_stmt *title;
} Onet;

/* The RIASEC areas as lmi_interests names its columns, in O*NET's order
 * (elements 1.B.1.a to 1.B.1.f). */
static const char *const riasec[] = {
  "realistic", "investigative", "artistic", "social", "enterprising", "conventional",
};

typedef struct {
  double sum[G_N_ELEMENTS (riasec)];
  int count[G_N_ELEMENTS (riasec)];
} Interests;

/* One file being read: its header's columns, by the names asked for. */
typedef struct {
  JkLmiLines lines;
  JkLmiRow row;
  int column[MAX_NAMES];
  guint needed;
} Table;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
occupation_free (Occupation *occupation)
{
  g_free (occupation->onet_code);
  g_free (occupation->title);
  g_free (occupation->description);
  g_free (occupation);
}

/* Opens path and finds the columns named (NULL-ended; a name after
 * optional_from may be missing, its column -1). */
static gboolean
table_open (Table              *table,
            const char         *path,
            const char *const  *names,
            int                 optional_from,
            GError            **error)
{
  char *line;

  jk_lmi_row_init (&table->row);
  if (!jk_lmi_lines_open (&table->lines, path, error))
    return FALSE;
  line = jk_lmi_lines_next (&table->lines, NULL, error);
  if (line == NULL)
    {
      if (error == NULL || *error == NULL)
        jk_lmi_fail (error, &table->lines, "%s", _("the file is empty"));
      return FALSE;
    }
  jk_lmi_row_split_tsv (&table->row, line);
  table->needed = 0;
  for (int i = 0; names[i] != NULL; i++)
    {
      table->column[i] = jk_lmi_row_find (&table->row, names[i]);
      if (table->column[i] < 0 && (optional_from < 0 || i < optional_from))
        {
          jk_lmi_fail_column (error, &table->lines, names[i]);
          return FALSE;
        }
      table->needed = MAX (table->needed, (guint) (table->column[i] + 1));
    }
  return TRUE;
}

/* The next row; FALSE at the end or on error (error set). */
static gboolean
table_next (Table   *table,
            GError **error)
{
  char *line;

  while ((line = jk_lmi_lines_next (&table->lines, NULL, error)) != NULL)
    {
      if (table->lines.unterminated)
        {
          jk_lmi_fail (error, &table->lines, "%s", _("the last line is cut short (it has no line end)"));
          return FALSE;
        }
      if (*line == '\0')
        continue;
      jk_lmi_row_split_tsv (&table->row, line);
      if (table->row.n < table->needed)
        {
          jk_lmi_fail_short (error, &table->lines, table->row.n, table->needed);
          return FALSE;
        }
      return TRUE;
    }
  return FALSE;
}

static void
table_close (Table *table)
{
  jk_lmi_row_clear (&table->row);
  jk_lmi_lines_close (&table->lines);
}

static const char *
get (Table *table,
     int    index)
{
  return jk_lmi_row_get (&table->row, table->column[index]);
}

/* The SOC an O*NET-SOC code folds into; fails naming the line. */
static gboolean
fold (Table       *table,
      const char  *code,
      char        *soc,
      GError     **error)
{
  if (strlen (code) == 10 && jk_lmi_parse_soc (code, soc))
    return TRUE;
  jk_lmi_fail (error, &table->lines, _("“%s” is not an O*NET-SOC code"), code);
  return FALSE;
}

static gboolean
add_title (Onet        *onet,
           const char  *soc,
           const char  *onet_code,
           const char  *title,
           const char  *kind,
           GError     **error)
{
  if (*title == '\0' || g_ascii_strcasecmp (title, "n/a") == 0)
    return TRUE;
  sqlite3_bind_text (onet->title, 1, soc, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (onet->title, 2, onet_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (onet->title, 3, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (onet->title, 4, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (onet->title, 5, onet->import->release_id);
  return jk_lmi_step (onet->import, onet->title, error);
}

static const char *
find_file (GPtrArray  *paths,
           const char *name)
{
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *base = g_path_get_basename (paths->pdata[i]);
      if (g_ascii_strcasecmp (base, name) == 0)
        return paths->pdata[i];
    }
  return NULL;
}

/* ---------------------------------------------------------------------- */
/* The files                                                              */

static gboolean
read_occupations (Onet        *onet,
                  const char  *path,
                  GError     **error)
{
  static const char *const names[] = { CODE, "Title", "Description", NULL };
  Table table;
  gboolean ok = table_open (&table, path, names, 2, error);

  while (ok && table_next (&table, error))
    {
      const char *code = get (&table, 0);
      Occupation *occupation;
      char soc[8];

      if (!fold (&table, code, soc, error))
        {
          ok = FALSE;
          break;
        }
      occupation = g_hash_table_lookup (onet->occupations, soc);
      /* The .00 code is the SOC occupation itself; a detailed one names it only when no .00 does. */
      if (occupation == NULL || (g_str_has_suffix (code, ".00") && !g_str_has_suffix (occupation->onet_code, ".00")))
        {
          occupation = g_new0 (Occupation, 1);
          occupation->onet_code = g_strdup (code);
          occupation->title = g_strdup (get (&table, 1));
          occupation->description = g_strdup (get (&table, 2));
          g_hash_table_insert (onet->occupations, g_strdup (soc), occupation);
        }
      ok = add_title (onet, soc, code, get (&table, 1), "main", error);
      onet->import->release->taken++;
    }
  ok = ok && (error == NULL || *error == NULL);
  table_close (&table);
  return ok;
}

static gboolean
read_job_zones (Onet        *onet,
                const char  *path,
                GError     **error)
{
  static const char *const names[] = { CODE, "Job Zone", NULL };
  Table table;
  gboolean ok = table_open (&table, path, names, -1, error);

  while (ok && table_next (&table, error))
    {
      Occupation *occupation;
      char soc[8];
      double zone;

      if (!fold (&table, get (&table, 0), soc, error))
        ok = FALSE;
      else if (!jk_lmi_parse_number (get (&table, 1), &zone))
        {
          jk_lmi_fail_number (error, &table.lines, get (&table, 1));
          ok = FALSE;
        }
      else if ((occupation = g_hash_table_lookup (onet->occupations, soc)) != NULL &&
               (occupation->job_zone == 0 || g_str_equal (occupation->onet_code, get (&table, 0))))
        occupation->job_zone = (int) zone;
      onet->import->release->taken++;
    }
  ok = ok && (error == NULL || *error == NULL);
  table_close (&table);
  return ok;
}

static gboolean
read_alternate_titles (Onet        *onet,
                       const char  *path,
                       GError     **error)
{
  static const char *const names[] = { CODE, "Alternate Title", "Short Title", NULL };
  Table table;
  gboolean ok = table_open (&table, path, names, 2, error);

  while (ok && table_next (&table, error))
    {
      const char *code = get (&table, 0);
      const char *short_title = get (&table, 2);
      char soc[8];

      ok = fold (&table, code, soc, error) && add_title (onet, soc, code, get (&table, 1), "alternate", error);
      if (ok && *short_title != '\0')
        {
          char *key = g_strdup_printf ("%s|%s", soc, short_title);
          if (g_hash_table_add (onet->short_titles, key))
            ok = add_title (onet, soc, code, short_title, "short", error);
        }
      onet->import->release->taken++;
    }
  ok = ok && (error == NULL || *error == NULL);
  table_close (&table);
  return ok;
}

static gboolean
read_tasks (Onet        *onet,
            const char  *path,
            GError     **error)
{
  static const char *const names[] = { CODE, "Task", "Task Type", NULL };
  g_autoptr (sqlite3_stmt) insert = NULL;
  Table table;
  gboolean ok;

  insert = jk_store_prepare (onet->import->store,
                             "INSERT INTO lmi_tasks (release_id, soc, onet_code, task, core) VALUES (?1, ?2, ?3, ?4, ?5)",
                             error);
  if (insert == NULL)
    return FALSE;
  ok = table_open (&table, path, names, 2, error);
  while (ok && table_next (&table, error))
    {
      char soc[8];

      if (!fold (&table, get (&table, 0), soc, error))
        {
          ok = FALSE;
          break;
        }
      sqlite3_bind_int64 (insert, 1, onet->import->release_id);
      sqlite3_bind_text (insert, 2, soc, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 3, get (&table, 0), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 4, get (&table, 1), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (insert, 5, g_ascii_strcasecmp (get (&table, 2), "Supplemental") != 0);
      ok = jk_lmi_step (onet->import, insert, error);
      onet->import->release->taken++;
    }
  ok = ok && (error == NULL || *error == NULL);
  table_close (&table);
  return ok;
}

static gboolean
read_categories (Onet        *onet,
                 const char  *path,
                 GError     **error)
{
  static const char *const names[] = { "Element ID", "Scale ID", "Category", "Category Description", NULL };
  Table table;
  gboolean ok = table_open (&table, path, names, -1, error);

  while (ok && table_next (&table, error))
    {
      g_hash_table_insert (onet->categories,
                           g_strdup_printf ("%s|%s|%d", get (&table, 0), get (&table, 1), atoi (get (&table, 2))),
                           g_strdup (get (&table, 3)));
      onet->import->release->taken++;
    }
  ok = ok && (error == NULL || *error == NULL);
  table_close (&table);
  return ok;
}

static gboolean
read_education (Onet        *onet,
                const char  *path,
                GError     **error)
{
  static const char *const names[] = { CODE, "Element ID", "Element Name", "Scale ID", "Category", "Data Value", NULL };
  g_autoptr (sqlite3_stmt) insert = NULL;
  Table table;
  gboolean ok;

  insert = jk_store_prepare (onet->import->store,
                             "INSERT INTO lmi_education (release_id, soc, onet_code, element, category, category_name, percent)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                             error);
  if (insert == NULL)
    return FALSE;
  ok = table_open (&table, path, names, -1, error);
  while (ok && table_next (&table, error))
    {
      const char *scale = get (&table, 3);
      g_autofree char *key = NULL;
      char soc[8];
      double percent;
      int category;

      if (!fold (&table, get (&table, 0), soc, error))
        {
          ok = FALSE;
          break;
        }
      /* Required level of education, related work experience, on-site and on-the-job training. */
      if (!(g_str_equal (scale, "RL") || g_str_equal (scale, "RW") || g_str_equal (scale, "PT") ||
            g_str_equal (scale, "OJ")))
        {
          onet->import->release->skipped[JK_LMI_SKIP_FIGURES]++;
          continue;
        }
      if (!jk_lmi_parse_number (get (&table, 5), &percent))
        {
          jk_lmi_fail_number (error, &table.lines, get (&table, 5));
          ok = FALSE;
          break;
        }
      category = atoi (get (&table, 4));
      key = g_strdup_printf ("%s|%s|%d", get (&table, 1), scale, category);
      sqlite3_bind_int64 (insert, 1, onet->import->release_id);
      sqlite3_bind_text (insert, 2, soc, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 3, get (&table, 0), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 4, get (&table, 2), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (insert, 5, category);
      jk_lmi_bind_text (insert, 6, g_hash_table_lookup (onet->categories, key));
      sqlite3_bind_double (insert, 7, percent);
      ok = jk_lmi_step (onet->import, insert, error);
      onet->import->release->taken++;
    }
  ok = ok && (error == NULL || *error == NULL);
  table_close (&table);
  return ok;
}

static gboolean
read_skills (Onet        *onet,
             const char  *path,
             GError     **error)
{
  static const char *const names[] = { CODE, "Element Name", "Scale ID", "Data Value", NULL };
  g_autoptr (sqlite3_stmt) insert = NULL;
  Table table;
  gboolean ok;

  insert = jk_store_prepare (onet->import->store,
                             "INSERT INTO lmi_skills (release_id, soc, onet_code, skill, importance) VALUES (?1, ?2, ?3, ?4, ?5)",
                             error);
  if (insert == NULL)
    return FALSE;
  ok = table_open (&table, path, names, -1, error);
  while (ok && table_next (&table, error))
    {
      char soc[8];
      double importance;

      if (!fold (&table, get (&table, 0), soc, error))
        {
          ok = FALSE;
          break;
        }
      /* Importance (IM); the level (LV) is another scale. */
      if (!g_str_equal (get (&table, 2), "IM"))
        {
          onet->import->release->skipped[JK_LMI_SKIP_FIGURES]++;
          continue;
        }
      if (!jk_lmi_parse_number (get (&table, 3), &importance))
        {
          jk_lmi_fail_number (error, &table.lines, get (&table, 3));
          ok = FALSE;
          break;
        }
      sqlite3_bind_int64 (insert, 1, onet->import->release_id);
      sqlite3_bind_text (insert, 2, soc, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 3, get (&table, 0), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 4, get (&table, 1), -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (insert, 5, importance);
      ok = jk_lmi_step (onet->import, insert, error);
      onet->import->release->taken++;
    }
  ok = ok && (error == NULL || *error == NULL);
  table_close (&table);
  return ok;
}

static gboolean
read_related (Onet        *onet,
              const char  *path,
              GError     **error)
{
  static const char *const names[] = { CODE, "Related O*NET-SOC Code", "Index", NULL };
  g_autoptr (sqlite3_stmt) insert = NULL;
  Table table;
  gboolean ok;

  insert = jk_store_prepare (onet->import->store,
                             "INSERT INTO lmi_related (release_id, soc, related_soc, rank) VALUES (?1, ?2, ?3, ?4)", error);
  if (insert == NULL)
    return FALSE;
  ok = table_open (&table, path, names, 2, error);
  while (ok && table_next (&table, error))
    {
      char soc[8], related[8];

      if (!fold (&table, get (&table, 0), soc, error) || !fold (&table, get (&table, 1), related, error))
        {
          ok = FALSE;
          break;
        }
      /* Two detailed codes of one SOC are one occupation here. */
      if (g_str_equal (soc, related))
        {
          onet->import->release->skipped[JK_LMI_SKIP_FIGURES]++;
          continue;
        }
      sqlite3_bind_int64 (insert, 1, onet->import->release_id);
      sqlite3_bind_text (insert, 2, soc, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 3, related, -1, SQLITE_TRANSIENT);
      if (*get (&table, 2) != '\0')
        sqlite3_bind_int (insert, 4, atoi (get (&table, 2)));
      ok = jk_lmi_step (onet->import, insert, error);
      onet->import->release->taken++;
    }
  ok = ok && (error == NULL || *error == NULL);
  table_close (&table);
  return ok;
}

/* Which RIASEC area an Element ID ("1.B.1.c") or Element Name ("Artistic")
 * is; -1 for the high-point codes and basic interests. */
static int
riasec_area (const char *element_id,
             const char *element_name)
{
  if (g_str_has_prefix (element_id, "1.B.1.") && strlen (element_id) == 7 && element_id[6] >= 'a' &&
      element_id[6] <= 'f')
    return element_id[6] - 'a';
  if (*element_id == '\0')
    for (guint i = 0; i < G_N_ELEMENTS (riasec); i++)
      if (g_ascii_strcasecmp (element_name, riasec[i]) == 0)
        return (int) i;
  return -1;
}

/* Interests.txt: the OI scale (1-7) of each area per O*NET code; the IH
 * high-point codes are left out. Several O*NET codes of one SOC are
 * averaged, area by area, at the end. */
static gboolean
read_interests (Onet        *onet,
                const char  *path,
                GError     **error)
{
  static const char *const names[] = { CODE, "Element ID", "Element Name", "Scale ID", "Data Value", NULL };
  Table table;
  gboolean ok = table_open (&table, path, names, -1, error);

  while (ok && table_next (&table, error))
    {
      Interests *interests;
      char soc[8];
      double value;
      int area;

      if (!fold (&table, get (&table, 0), soc, error))
        {
          ok = FALSE;
          break;
        }
      area = riasec_area (get (&table, 1), get (&table, 2));
      if (!g_str_equal (get (&table, 3), "OI") || area < 0)
        {
          onet->import->release->skipped[JK_LMI_SKIP_FIGURES]++;
          continue;
        }
      if (!jk_lmi_parse_number (get (&table, 4), &value))
        {
          jk_lmi_fail_number (error, &table.lines, get (&table, 4));
          ok = FALSE;
          break;
        }
      interests = g_hash_table_lookup (onet->interests, soc);
      if (interests == NULL)
        {
          interests = g_new0 (Interests, 1);
          g_hash_table_insert (onet->interests, g_strdup (soc), interests);
        }
      interests->sum[area] += value;
      interests->count[area]++;
      onet->import->release->taken++;
    }
  ok = ok && (error == NULL || *error == NULL);
  table_close (&table);
  return ok;
}

/* Interests Illustrative Activities.txt: the general (RIASEC) areas' activities. */
static gboolean
read_interest_activities (Onet        *onet,
                          const char  *path,
                          GError     **error)
{
  static const char *const names[] = { "Element ID", "Element Name", "Activity", "Interest Type", NULL };
  g_autoptr (sqlite3_stmt) insert = NULL;
  Table table;
  gboolean ok;

  insert = jk_store_prepare (onet->import->store,
                             "INSERT INTO lmi_interest_activities (release_id, area, activity) VALUES (?1, ?2, ?3)",
                             error);
  if (insert == NULL)
    return FALSE;
  ok = table_open (&table, path, names, 3, error);
  while (ok && table_next (&table, error))
    {
      int area = riasec_area (get (&table, 0), get (&table, 1));
      const char *type = get (&table, 3);

      if (area < 0 || *get (&table, 2) == '\0' || (*type != '\0' && g_ascii_strcasecmp (type, "General") != 0))
        {
          onet->import->release->skipped[JK_LMI_SKIP_FIGURES]++;
          continue;
        }
      sqlite3_bind_int64 (insert, 1, onet->import->release_id);
      sqlite3_bind_text (insert, 2, riasec[area], -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, get (&table, 2), -1, SQLITE_TRANSIENT);
      ok = jk_lmi_step (onet->import, insert, error);
      onet->import->release->taken++;
    }
  ok = ok && (error == NULL || *error == NULL);
  table_close (&table);
  return ok;
}

static gboolean
write_interests (Onet    *onet,
                 GError **error)
{
  g_autoptr (sqlite3_stmt) insert = NULL;
  GHashTableIter iter;
  gpointer soc, value;

  if (g_hash_table_size (onet->interests) == 0)
    return TRUE;
  insert = jk_store_prepare (onet->import->store,
                             "INSERT INTO lmi_interests (release_id, soc, realistic, investigative, artistic, social,"
                             " enterprising, conventional) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                             error);
  if (insert == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, onet->interests);
  while (g_hash_table_iter_next (&iter, &soc, &value))
    {
      Interests *interests = value;

      sqlite3_bind_int64 (insert, 1, onet->import->release_id);
      sqlite3_bind_text (insert, 2, soc, -1, SQLITE_STATIC);
      for (guint i = 0; i < G_N_ELEMENTS (riasec); i++)
        jk_lmi_bind_number (insert, 3 + (int) i, interests->count[i] > 0,
                            interests->count[i] > 0 ? interests->sum[i] / interests->count[i] : 0);
      if (!jk_lmi_step (onet->import, insert, error))
        return FALSE;
    }
  return TRUE;
}

/* O*NET's titles win over the ones OEWS or the projections gave. */
static gboolean
write_occupations (Onet    *onet,
                   GError **error)
{
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autoptr (sqlite3_stmt) others = NULL;
  GHashTableIter iter;
  gpointer soc, value;

  insert = jk_store_prepare (onet->import->store,
                             "INSERT OR REPLACE INTO lmi_occupations (soc, title, description, job_zone, release_id)"
                             " VALUES (?1, ?2, ?3, ?4, ?5)",
                             error);
  others = jk_store_prepare (onet->import->store,
                             "DELETE FROM lmi_titles WHERE soc = ?1 AND kind = 'main' AND release_id IN"
                             " (SELECT id FROM lmi_releases WHERE kind <> 'onet')",
                             error);
  if (insert == NULL || others == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, onet->occupations);
  while (g_hash_table_iter_next (&iter, &soc, &value))
    {
      Occupation *occupation = value;

      sqlite3_bind_text (others, 1, soc, -1, SQLITE_STATIC);
      if (!jk_lmi_step (onet->import, others, error))
        return FALSE;
      sqlite3_bind_text (insert, 1, soc, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, occupation->title, -1, SQLITE_STATIC);
      jk_lmi_bind_text (insert, 3, occupation->description);
      if (occupation->job_zone > 0)
        sqlite3_bind_int (insert, 4, occupation->job_zone);
      sqlite3_bind_int64 (insert, 5, onet->import->release_id);
      if (!jk_lmi_step (onet->import, insert, error))
        return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* The format                                                             */

/* The version: the Read Me's "O*NET 29.1 Database", else the folder's
 * published name ("db_29_1_text"), else the folder's name. */
static gboolean
onet_peek (JkLmiImport  *import,
           GPtrArray    *paths,
           char        **name,
           char        **source,
           GError      **error)
{
  g_autofree char *folder = g_path_get_dirname (paths->pdata[0]);
  g_autofree char *base = g_path_get_basename (folder);
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *entry;
  int major, minor;

  while (dir != NULL && *name == NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      gsize length;
      const char *p;

      if (g_ascii_strcasecmp (entry, "Read Me.txt") != 0)
        continue;
      path = g_build_filename (folder, entry, NULL);
      if (!g_file_get_contents (path, &text, &length, NULL))
        continue;
      text[MIN (length, (gsize) 65536)] = '\0';
      for (p = text; *name == NULL && (p = strstr (p, "O*NET ")) != NULL; p++)
        if (sscanf (p, "O*NET %d.%d", &major, &minor) == 2)
          *name = g_strdup_printf ("%d.%d", major, minor);
    }
  if (*name == NULL && sscanf (base, "db_%d_%d", &major, &minor) == 2)
    *name = g_strdup_printf ("%d.%d", major, minor);
  if (*name == NULL)
    *name = g_strdup (base);
  *source = g_strdup_printf ("O*NET %s Database, U.S. Department of Labor, Employment and Training Administration"
                             " (CC BY 4.0)", *name);
  return TRUE;
}

static gboolean
onet_run (JkLmiImport  *import,
          GPtrArray    *paths,
          GError      **error)
{
  Onet onet = { 0 };
  const char *path;
  gboolean ok = TRUE;

  onet.import = import;
  onet.occupations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) occupation_free);
  onet.categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  onet.short_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  onet.interests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  onet.title = jk_store_prepare (import->store,
                                 "INSERT INTO lmi_titles (soc, onet_code, title, kind, release_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                                 error);
  ok = onet.title != NULL;
  /* Occupations and the categories first: the other files refer to them. */
  if (ok && (path = find_file (paths, "Occupation Data.txt")) != NULL)
    ok = read_occupations (&onet, path, error);
  if (ok && (path = find_file (paths, "Education, Training, and Experience Categories.txt")) != NULL)
    ok = read_categories (&onet, path, error);
  if (ok && (path = find_file (paths, "Job Zones.txt")) != NULL)
    ok = read_job_zones (&onet, path, error);
  if (ok && (path = find_file (paths, "Alternate Titles.txt")) != NULL)
    ok = read_alternate_titles (&onet, path, error);
  if (ok && (path = find_file (paths, "Task Statements.txt")) != NULL)
    ok = read_tasks (&onet, path, error);
  if (ok && (path = find_file (paths, "Education, Training, and Experience.txt")) != NULL)
    ok = read_education (&onet, path, error);
  if (ok && (path = find_file (paths, "Skills.txt")) != NULL)
    ok = read_skills (&onet, path, error);
  if (ok && (path = find_file (paths, "Related Occupations.txt")) != NULL)
    ok = read_related (&onet, path, error);
  if (ok && (path = find_file (paths, "Interests.txt")) != NULL)
    ok = read_interests (&onet, path, error);
  if (ok && (path = find_file (paths, "Interests Illustrative Activities.txt")) != NULL)
    ok = read_interest_activities (&onet, path, error);
  ok = ok && write_occupations (&onet, error) && write_interests (&onet, error);

  g_clear_pointer (&onet.title, sqlite3_finalize);
  g_hash_table_unref (onet.occupations);
  g_hash_table_unref (onet.categories);
  g_hash_table_unref (onet.short_titles);
  g_hash_table_unref (onet.interests);
  return ok;
}

const JkLmiFormat jk_lmi_format_onet = { "onet", onet_peek, onet_run };
