/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-lmi-import.c: labor market files found, sorted into releases, each written in one transaction */

#define G_LOG_DOMAIN "jk-lmi"

#include <jobkiosk/jk-i18n.h>
#include <stdlib.h>
#include <string.h>

#include "jobkiosk/jk-format.h"
#include "jobkiosk/jk-lmi.h"
#include "lmi/jk-lmi-import-private.h"

/* A folder holding this file holds figures made up for the demo. */
#define DEMO_MARKER "DEMO-DATA.txt"
#define DEMO_SOURCE "Demo data (not published figures)"

typedef struct {
  const JkLmiFormat *format;
  int order;          /* O*NET first: its titles are the ones kept */
  char *key;
  GPtrArray *paths;
  gboolean demo;
} Group;

static const struct {
  const char *fips, *abbr, *name;
} states[] = {
  { "01", "AL", "Alabama" }, { "02", "AK", "Alaska" }, { "04", "AZ", "Arizona" }, { "05", "AR", "Arkansas" },
  { "06", "CA", "California" }, { "08", "CO", "Colorado" }, { "09", "CT", "Connecticut" },
  { "10", "DE", "Delaware" }, { "11", "DC", "District of Columbia" }, { "12", "FL", "Florida" },
  { "13", "GA", "Georgia" }, { "15", "HI", "Hawaii" }, { "16", "ID", "Idaho" }, { "17", "IL", "Illinois" },
  { "18", "IN", "Indiana" }, { "19", "IA", "Iowa" }, { "20", "KS", "Kansas" }, { "21", "KY", "Kentucky" },
  { "22", "LA", "Louisiana" }, { "23", "ME", "Maine" }, { "24", "MD", "Maryland" },
  { "25", "MA", "Massachusetts" }, { "26", "MI", "Michigan" }, { "27", "MN", "Minnesota" },
  { "28", "MS", "Mississippi" }, { "29", "MO", "Missouri" }, { "30", "MT", "Montana" },
  { "31", "NE", "Nebraska" }, { "32", "NV", "Nevada" }, { "33", "NH", "New Hampshire" },
  { "34", "NJ", "New Jersey" }, { "35", "NM", "New Mexico" }, { "36", "NY", "New York" },
  { "37", "NC", "North Carolina" }, { "38", "ND", "North Dakota" }, { "39", "OH", "Ohio" },
  { "40", "OK", "Oklahoma" }, { "41", "OR", "Oregon" }, { "42", "PA", "Pennsylvania" },
  { "44", "RI", "Rhode Island" }, { "45", "SC", "South Carolina" }, { "46", "SD", "South Dakota" },
  { "47", "TN", "Tennessee" }, { "48", "TX", "Texas" }, { "49", "UT", "Utah" }, { "50", "VT", "Vermont" },
  { "51", "VA", "Virginia" }, { "53", "WA", "Washington" }, { "54", "WV", "West Virginia" },
  { "55", "WI", "Wisconsin" }, { "56", "WY", "Wyoming" }, { "66", "GU", "Guam" }, { "72", "PR", "Puerto Rico" },
  { "78", "VI", "Virgin Islands" },
};

static const char *const onet_files[] = {
  "occupation data.txt", "alternate titles.txt", "task statements.txt", "education, training, and experience.txt",
  "education, training, and experience categories.txt", "job zones.txt", "skills.txt", "related occupations.txt",
  "interests.txt", "interests illustrative activities.txt",
};

G_DEFINE_QUARK (jk-lmi-import-error-quark, jk_lmi_import_error)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
group_free (Group *group)
{
  g_free (group->key);
  g_ptr_array_unref (group->paths);
  g_free (group);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *ga = *(Group *const *) a, *gb = *(Group *const *) b;

  if (ga->order != gb->order)
    return ga->order - gb->order;
  return strcmp (ga->key, gb->key);
}

static void
add_to_group (GPtrArray         *groups,
              const JkLmiFormat *format,
              int                order,
              const char        *key,
              const char        *path,
              gboolean           demo)
{
  Group *group = NULL;

  for (guint i = 0; i < groups->len && group == NULL; i++)
    {
      Group *g = groups->pdata[i];
      if (g->format == format && g_str_equal (g->key, key))
        group = g;
    }
  if (group == NULL)
    {
      group = g_new0 (Group, 1);
      group->format = format;
      group->order = order;
      group->key = g_strdup (key);
      group->paths = g_ptr_array_new_with_free_func (g_free);
      group->demo = demo;
      g_ptr_array_add (groups, group);
    }
  group->demo = group->demo || demo;
  g_ptr_array_add (group->paths, g_strdup (path));
}

static gboolean
is_onet_file (const char *lower)
{
  for (gsize i = 0; i < G_N_ELEMENTS (onet_files); i++)
    if (g_str_equal (lower, onet_files[i]))
      return TRUE;
  return FALSE;
}

/* The year of a spreadsheet from its name: all_data_M_2024, MSA_M2019_dl. */
static char *
year_in_name (const char *lower)
{
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

/* Sorts one CSV by its header. */
static gboolean
detect_csv (GPtrArray   *groups,
            const char  *path,
            const char  *lower,
            gboolean     demo,
            gboolean    *known,
            GError     **error)
{
  JkLmiLines lines;
  JkLmiRow header;
  g_autofree char *folder = g_path_get_dirname (path);
  gboolean ok = TRUE;

  *known = TRUE;
  if (!jk_lmi_lines_open (&lines, path, error))
    return FALSE;
  jk_lmi_row_init (&header);
  if (!jk_lmi_row_read_csv (&header, &lines, error))
    {
      ok = error == NULL || *error == NULL;
      *known = FALSE;
    }
  else if (jk_lmi_row_find (&header, "OCC_CODE") >= 0 &&
           (jk_lmi_row_find (&header, "A_MEDIAN") >= 0 || jk_lmi_row_find (&header, "H_MEDIAN") >= 0))
    {
      g_autofree char *year = year_in_name (lower);
      g_autofree char *key = g_strdup_printf ("%s\n%s", folder, year != NULL ? year : "");
      add_to_group (groups, &jk_lmi_format_oews_csv, 1, key, path, demo);
    }
  else if (jk_lmi_row_find (&header, "soc") >= 0 && jk_lmi_row_find (&header, "requirement") >= 0)
    add_to_group (groups, &jk_lmi_format_requirements, 5, path, path, demo);
  else if (jk_lmi_row_find_words (&header, 0, "employment", "matrix", "code", NULL) >= 0 ||
           (jk_lmi_row_find_words (&header, 0, "employment,", NULL) >= 0 &&
            jk_lmi_row_find_words (&header, 0, "openings", NULL) >= 0))
    add_to_group (groups, &jk_lmi_format_projections, 2, path, path, demo);
  else if (jk_lmi_row_find_words (&header, 0, "base", NULL) >= 0 && jk_lmi_row_find_words (&header, 0, "proj", NULL) >= 0)
    add_to_group (groups, &jk_lmi_format_projections_state, 3, path, path, demo);
  else
    *known = FALSE;
  jk_lmi_row_clear (&header);
  jk_lmi_lines_close (&lines);
  return ok;
}

/* Puts one file in its release's group; explicit says the file was named
 * on its own (an unknown one is then an error, in a folder it is passed). */
static gboolean
detect_file (GPtrArray   *groups,
             const char  *path,
             gboolean     demo,
             gboolean     explicit,
             GError     **error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *lower = g_ascii_strdown (base, -1);
  g_autofree char *folder = g_path_get_dirname (path);
  gboolean known = TRUE;

  if (g_ascii_strcasecmp (base, DEMO_MARKER) == 0)
    return TRUE;
  if (g_str_has_prefix (lower, "oe.data.") || g_str_equal (lower, "oe.area") || g_str_equal (lower, "oe.occupation") ||
      g_str_equal (lower, "oe.footnote") || g_str_equal (lower, "oe.datatype"))
    add_to_group (groups, &jk_lmi_format_oews_flat, 1, folder, path, demo);
  else if (g_str_has_prefix (lower, "la.data.") || g_str_equal (lower, "la.area"))
    add_to_group (groups, &jk_lmi_format_laus, 4, folder, path, demo);
  else if (is_onet_file (lower))
    add_to_group (groups, &jk_lmi_format_onet, 0, folder, path, demo);
  else if (g_str_has_suffix (lower, ".csv"))
    {
      if (!detect_csv (groups, path, lower, demo, &known, error))
        return FALSE;
    }
  else
    known = FALSE;

  if (!known && explicit)
    {
      g_set_error (error, JK_LMI_IMPORT_ERROR, JK_LMI_IMPORT_ERROR_UNKNOWN,
                   _("%s: not a file the import knows (OEWS, LAUS, projections, O*NET or hiring requirements)"), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_demo_marker (const char *folder)
{
  g_autofree char *marker = g_build_filename (folder, DEMO_MARKER, NULL);
  return g_file_test (marker, G_FILE_TEST_IS_REGULAR);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static gboolean
detect_folder (GPtrArray   *groups,
               const char  *folder,
               gboolean     demo,
               GError     **error)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, error);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return FALSE;
  demo = demo || has_demo_marker (folder);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, names->pdata[i], NULL);
      gboolean ok;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        ok = detect_folder (groups, path, demo, error);
      else
        ok = detect_file (groups, path, demo, FALSE, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static char *
file_names (GPtrArray *paths)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *base = g_path_get_basename (paths->pdata[i]);
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, base);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Deletes the release of this kind and name but keep_id (its rows go with
 * it); says whether there was one. */
static gboolean
delete_release (JkLmiImport *import,
                const char  *name,
                gint64       keep_id,
                gboolean    *found,
                GError     **error)
{
  g_autoptr (sqlite3_stmt) del = jk_store_prepare (import->store,
                                                   "DELETE FROM lmi_releases WHERE kind = ?1 AND name = ?2 AND id <> ?3",
                                                   error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_text (del, 1, import->release->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (del, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (del, 3, keep_id);
  if (!jk_lmi_step (import, del, error))
    return FALSE;
  *found = sqlite3_changes (import->db) > 0;
  return TRUE;
}

/* Titles from OEWS or projections, for the occupations O*NET does not name. */
static gboolean
write_titles (JkLmiImport  *import,
              GError      **error)
{
  g_autoptr (sqlite3_stmt) occupation = NULL;
  g_autoptr (sqlite3_stmt) title = NULL;
  GHashTableIter iter;
  gpointer soc, text;

  occupation = jk_store_prepare (import->store,
                                 "INSERT OR IGNORE INTO lmi_occupations (soc, title, release_id) VALUES (?1, ?2, ?3)",
                                 error);
  title = jk_store_prepare (import->store,
                            "INSERT INTO lmi_titles (soc, title, kind, release_id) VALUES (?1, ?2, 'main', ?3)", error);
  if (occupation == NULL || title == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, import->titles);
  while (g_hash_table_iter_next (&iter, &soc, &text))
    {
      sqlite3_bind_text (occupation, 1, soc, -1, SQLITE_STATIC);
      sqlite3_bind_text (occupation, 2, text, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (occupation, 3, import->release_id);
      if (!jk_lmi_step (import, occupation, error))
        return FALSE;
      if (sqlite3_changes (import->db) == 0)
        continue;
      sqlite3_bind_text (title, 1, soc, -1, SQLITE_STATIC);
      sqlite3_bind_text (title, 2, text, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (title, 3, import->release_id);
      if (!jk_lmi_step (import, title, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_group (JkLmiImport  *import,
              Group        *group,
              GError      **error)
{
  g_autofree char *name = NULL;
  g_autofree char *source = NULL;
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autoptr (sqlite3_stmt) rename = NULL;
  JkLmiRelease *release = import->release;
  gboolean found = FALSE;

  release->kind = g_strdup (group->format->kind);
  release->demo = group->demo;
  release->files = file_names (group->paths);
  if (!group->format->peek (import, group->paths, &name, &source, error))
    return FALSE;
  release->source = g_strdup (group->demo ? DEMO_SOURCE : source);

  /* A release named before its rows replaces the old one first, so the
   * occupations the old one named are free for the new one; one named by
   * its rows (LAUS: its latest month) is renamed at the end. */
  if (name != NULL && !delete_release (import, name, 0, &release->replaced, error))
    return FALSE;
  insert = jk_store_prepare (import->store,
                             "INSERT INTO lmi_releases (kind, name, source, demo, imported, files)"
                             " VALUES (?1, coalesce (?2, 'importing ' || hex (randomblob (8))), ?3, ?4, ?5, ?6)",
                             error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_text (insert, 1, release->kind, -1, SQLITE_STATIC);
  jk_lmi_bind_text (insert, 2, name);
  sqlite3_bind_text (insert, 3, release->source, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 4, group->demo ? 1 : 0);
  sqlite3_bind_int64 (insert, 5, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_text (insert, 6, release->files, -1, SQLITE_STATIC);
  if (!jk_lmi_step (import, insert, error))
    return FALSE;
  import->release_id = sqlite3_last_insert_rowid (import->db);
  release->name = g_steal_pointer (&name);

  if (!group->format->run (import, group->paths, error))
    return FALSE;

  if (name == NULL && release->name == NULL)
    {
      g_set_error (error, JK_LMI_IMPORT_ERROR, JK_LMI_IMPORT_ERROR_FORMAT, _("%s: no figures of the state were found"),
                   (const char *) group->paths->pdata[0]);
      return FALSE;
    }
  if (!delete_release (import, release->name, import->release_id, &found, error))
    return FALSE;
  release->replaced = release->replaced || found;
  rename = jk_store_prepare (import->store, "UPDATE lmi_releases SET name = ?1 WHERE id = ?2", error);
  if (rename == NULL)
    return FALSE;
  sqlite3_bind_text (rename, 1, release->name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (rename, 2, import->release_id);
  return jk_lmi_step (import, rename, error) && write_titles (import, error);
}

/* ---------------------------------------------------------------------- */
/* What the readers share                                                 */

gboolean
jk_lmi_step (JkLmiImport  *import,
             sqlite3_stmt *stmt,
             GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  jk_store_set_error (import->store, error, "Cannot save labor market information");
  return FALSE;
}

void
jk_lmi_bind_number (sqlite3_stmt *stmt,
                    int           index,
                    gboolean      present,
                    double        value)
{
  if (present)
    sqlite3_bind_double (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

void
jk_lmi_bind_text (sqlite3_stmt *stmt,
                  int           index,
                  const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
jk_lmi_add_area (JkLmiImport  *import,
                 const char   *code,
                 const char   *name,
                 const char   *type,
                 const char   *state,
                 GError      **error)
{
  g_autoptr (sqlite3_stmt) stmt = jk_store_prepare (import->store,
                                                    "INSERT OR REPLACE INTO lmi_areas (code, name, type, state)"
                                                    " VALUES (?1, ?2, ?3, ?4)",
                                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, type, -1, SQLITE_STATIC);
  jk_lmi_bind_text (stmt, 4, state);
  return jk_lmi_step (import, stmt, error);
}

void
jk_lmi_add_title (JkLmiImport *import,
                  const char  *soc,
                  const char  *title)
{
  if (title != NULL && *title != '\0' && !g_hash_table_contains (import->titles, soc))
    g_hash_table_insert (import->titles, g_strdup (soc), g_strdup (title));
}

const char *
jk_lmi_state_fips_for_abbr (const char *abbr)
{
  for (gsize i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_ascii_strcasecmp (states[i].abbr, abbr) == 0)
      return states[i].fips;
  return NULL;
}

gboolean
jk_lmi_title_in_state (const char *title,
                       const char *abbr)
{
  const char *comma = strrchr (title, ',');
  g_auto (GStrv) parts = NULL;

  if (comma == NULL || abbr == NULL)
    return FALSE;
  /* "Cincinnati, OH-KY-IN"; some titles add " Metropolitan Statistical Area". */
  parts = g_strsplit_set (comma + 1, "- ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], abbr))
      return TRUE;
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

GPtrArray *
jk_lmi_release_list_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) jk_lmi_release_free);
}

void
jk_lmi_release_free (JkLmiRelease *release)
{
  if (release == NULL)
    return;
  g_free (release->kind);
  g_free (release->name);
  g_free (release->source);
  g_free (release->files);
  g_free (release);
}

char *
jk_lmi_describe_skip (const JkLmiRelease *release,
                      JkLmiSkip           why)
{
  gint64 n = release->skipped[why];
  g_autofree char *count = NULL;

  if (n == 0)
    return NULL;
  count = jk_format_count (n);
  switch (why)
    {
    case JK_LMI_SKIP_OTHER_AREAS:
      return g_strdup_printf (jk_ngettext ("%s row of other states and areas skipped",
                                           "%s rows of other states and areas skipped", (gulong) n), count);
    case JK_LMI_SKIP_INDUSTRIES:
      return g_strdup_printf (jk_ngettext ("%s row of a single industry skipped (all industries kept)",
                                           "%s rows of single industries skipped (all industries kept)", (gulong) n),
                              count);
    case JK_LMI_SKIP_GROUPS:
      return g_strdup_printf (jk_ngettext ("%s row of an occupation group skipped (detailed occupations kept)",
                                           "%s rows of occupation groups skipped (detailed occupations kept)",
                                           (gulong) n),
                              count);
    case JK_LMI_SKIP_FIGURES:
      return g_strdup_printf (jk_ngettext ("%s row of a figure the kiosk does not show skipped",
                                           "%s rows of figures the kiosk does not show skipped", (gulong) n),
                              count);
    case JK_LMI_SKIP_OTHER_YEARS:
      return g_strdup_printf (jk_ngettext ("%s row of another year skipped", "%s rows of other years skipped",
                                           (gulong) n),
                              count);
    case JK_LMI_SKIP_ADJUSTED:
      return g_strdup_printf (jk_ngettext ("%s seasonally adjusted row skipped (unadjusted kept)",
                                           "%s seasonally adjusted rows skipped (unadjusted kept)", (gulong) n),
                              count);
    case JK_LMI_SKIP_N:
    default:
      break;
    }
  g_return_val_if_reached (NULL);
}

gboolean
jk_lmi_import (JkStore                  *store,
               const char *const        *paths,
               const JkLmiImportOptions *options,
               GPtrArray                *releases,
               GError                  **error)
{
  g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  JkLmiImport import = { 0 };

  g_return_val_if_fail (options != NULL && options->state != NULL, FALSE);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      gboolean ok;

      if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        ok = detect_folder (groups, paths[i], FALSE, error);
      else if (g_file_test (paths[i], G_FILE_TEST_EXISTS))
        {
          g_autofree char *folder = g_path_get_dirname (paths[i]);
          ok = detect_file (groups, paths[i], has_demo_marker (folder), TRUE, error);
        }
      else
        {
          g_set_error (error, JK_LMI_IMPORT_ERROR, JK_LMI_IMPORT_ERROR_READ, _("%s: no such file or folder"), paths[i]);
          ok = FALSE;
        }
      if (!ok)
        return FALSE;
    }
  if (groups->len == 0)
    {
      g_set_error (error, JK_LMI_IMPORT_ERROR, JK_LMI_IMPORT_ERROR_UNKNOWN,
                   _("No labor market files were found (OEWS, LAUS, projections, O*NET or hiring requirements)"));
      return FALSE;
    }
  g_ptr_array_sort (groups, compare_groups);

  import.store = store;
  import.db = jk_store_get_db (store);
  g_strlcpy (import.state, options->state, sizeof import.state);
  for (gsize i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_str_equal (states[i].fips, import.state))
      {
        import.state_abbr = states[i].abbr;
        import.state_name = states[i].name;
      }
  if (options->metro != NULL && *options->metro != '\0' && strlen (options->metro) <= 7)
    g_snprintf (import.metro, sizeof import.metro, "%07d", atoi (options->metro));

  for (guint i = 0; i < groups->len; i++)
    {
      g_autoptr (JkLmiRelease) release = g_new0 (JkLmiRelease, 1);
      gboolean ok;

      import.release = release;
      import.release_id = 0;
      import.titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      /* The search index of titles is rebuilt in the same transaction:
       * a search never sees a release without its titles. */
      ok = jk_store_begin (store, error) && import_group (&import, groups->pdata[i], error) &&
           jk_lmi_reindex (store, error) && jk_store_commit (store, error);
      g_clear_pointer (&import.titles, g_hash_table_unref);
      if (!ok)
        {
          jk_store_rollback (store);
          return FALSE;
        }
      g_ptr_array_add (releases, g_steal_pointer (&release));
    }
  return TRUE;
}

gboolean
jk_lmi_import_if_empty (JkStore                  *store,
                        const char               *path,
                        const JkLmiImportOptions *options,
                        GError                  **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) releases = NULL;
  const char *paths[] = { path, NULL };

  if (path == NULL)
    return TRUE;
  stmt = jk_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM lmi_releases)", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      jk_store_set_error (store, error, "Cannot read the labor market information");
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 0) != 0)
    return TRUE;
  releases = jk_lmi_release_list_new ();
  return jk_lmi_import (store, paths, options, releases, error);
}
