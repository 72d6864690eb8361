/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-lmi-requirements.c: the hiring requirements the career center keeps, as CSV */

#define G_LOG_DOMAIN "jk-lmi"

#include <jobkiosk/jk-i18n.h>
#include <string.h>

#include "lmi/jk-lmi-import-private.h"

/* The kinds the occupation page knows, as written in the database. */
static const char *const kinds[] = { "license", "certificate", "background check", "drug test", "driver's license" };

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* The kind as the database keeps it, or NULL. Spreadsheets write the
 * apostrophe curly or leave it out. */
static const char *
normalize_kind (const char *text)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);
  g_autoptr (GString) plain = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p++)
    {
      if (g_str_has_prefix (p, "\xe2\x80\x99"))
        p += 2;
      else if (*p != '\'' && *p != '_' && *p != '-')
        g_string_append_c (plain, *p);
      else if (*p != '\'')
        g_string_append_c (plain, ' ');
    }
  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr (GString) kind = g_string_new (NULL);
      for (const char *p = kinds[i]; *p != '\0'; p++)
        if (*p != '\'')
          g_string_append_c (kind, *p);
      if (g_str_equal (kind->str, plain->str))
        return kinds[i];
    }
  return NULL;
}

/* ---------------------------------------------------------------------- */
/* The format                                                             */

/* Named by the file: importing it again replaces it. */
static gboolean
requirements_peek (JkLmiImport  *import,
                   GPtrArray    *paths,
                   char        **name,
                   char        **source,
                   GError      **error)
{
  g_autofree char *base = g_path_get_basename (paths->pdata[0]);
  char *dot = strrchr (base, '.');

  if (dot != NULL)
    *dot = '\0';
  *name = g_strdup (base);
  *source = g_strdup ("Hiring requirements kept by the career center");
  return TRUE;
}

static gboolean
requirements_run (JkLmiImport  *import,
                  GPtrArray    *paths,
                  GError      **error)
{
  const char *path = paths->pdata[0];
  g_autoptr (sqlite3_stmt) insert = NULL;
  JkLmiLines lines;
  JkLmiRow row;
  int soc_col, requirement_col, kind_col, agency_col, link_col, note_col;
  guint n_columns;
  gboolean ok = FALSE;

  insert = jk_store_prepare (import->store,
                             "INSERT INTO lmi_requirements (release_id, soc, requirement, kind, agency, link, note)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                             error);
  if (insert == NULL || !jk_lmi_lines_open (&lines, path, error))
    return FALSE;
  jk_lmi_row_init (&row);
  if (!jk_lmi_row_read_csv (&row, &lines, error))
    goto out;
  n_columns = row.n;
  soc_col = jk_lmi_row_find (&row, "soc");
  requirement_col = jk_lmi_row_find (&row, "requirement");
  kind_col = jk_lmi_row_find (&row, "kind");
  agency_col = jk_lmi_row_find (&row, "agency");
  link_col = jk_lmi_row_find (&row, "link");
  note_col = jk_lmi_row_find (&row, "note");
  if (kind_col < 0)
    {
      jk_lmi_fail_column (error, &lines, "kind");
      goto out;
    }

  while (jk_lmi_row_read_csv (&row, &lines, error))
    {
      const char *requirement = jk_lmi_row_get (&row, requirement_col);
      const char *kind;
      char soc[8];

      if (row.n == 1 && *row.field[0] == '\0')
        continue;
      if (row.n < n_columns)
        {
          jk_lmi_fail_short (error, &lines, row.n, n_columns);
          goto out;
        }
      if (!jk_lmi_parse_soc (jk_lmi_row_get (&row, soc_col), soc))
        {
          jk_lmi_fail (error, &lines, _("“%s” is not an occupation code"), jk_lmi_row_get (&row, soc_col));
          goto out;
        }
      kind = normalize_kind (jk_lmi_row_get (&row, kind_col));
      if (kind == NULL)
        {
          jk_lmi_fail (error, &lines,
                       _("“%s” is not a kind of requirement (license, certificate, background check, drug test, driver's license)"),
                       jk_lmi_row_get (&row, kind_col));
          goto out;
        }
      if (*requirement == '\0')
        {
          jk_lmi_fail (error, &lines, "%s", _("a requirement without its name"));
          goto out;
        }
      sqlite3_bind_int64 (insert, 1, import->release_id);
      sqlite3_bind_text (insert, 2, soc, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 3, requirement, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 4, kind, -1, SQLITE_STATIC);
      jk_lmi_bind_text (insert, 5, jk_lmi_row_get (&row, agency_col));
      jk_lmi_bind_text (insert, 6, jk_lmi_row_get (&row, link_col));
      jk_lmi_bind_text (insert, 7, jk_lmi_row_get (&row, note_col));
      if (!jk_lmi_step (import, insert, error))
        goto out;
      import->release->taken++;
    }
  ok = error == NULL || *error == NULL;

out:
  jk_lmi_row_clear (&row);
  jk_lmi_lines_close (&lines);
  return ok;
}

const JkLmiFormat jk_lmi_format_requirements = { "requirements", requirements_peek, requirements_run };
