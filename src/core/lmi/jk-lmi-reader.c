/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-lmi-reader.c: lines, fields and numbers of the labor market files, read as a stream */

#define G_LOG_DOMAIN "jk-lmi"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <jobkiosk/jk-i18n.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include "lmi/jk-lmi-import-private.h"

/* Large enough that a 330 MB file is a few hundred reads. */
#define BLOCK_SIZE (1024 * 1024)

/* ---------------------------------------------------------------------- */
/* Lines                                                                  */

gboolean
jk_lmi_lines_open (JkLmiLines  *lines,
                   const char  *path,
                   GError     **error)
{
  memset (lines, 0, sizeof *lines);
  lines->fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  lines->path = path;
  if (lines->fd < 0)
    {
      int saved = errno;
      g_set_error (error, JK_LMI_IMPORT_ERROR, JK_LMI_IMPORT_ERROR_READ, _("Cannot read %s: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
#ifdef POSIX_FADV_SEQUENTIAL
  posix_fadvise (lines->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  lines->size = BLOCK_SIZE;
  lines->buf = g_malloc (lines->size + 1);
  return TRUE;
}

/* Moves what is left to the front and reads more behind it; FALSE on a
 * read error. */
static gboolean
fill (JkLmiLines  *lines,
      GError     **error)
{
  gssize got;

  if (lines->start > 0)
    {
      memmove (lines->buf, lines->buf + lines->start, lines->end - lines->start);
      lines->end -= lines->start;
      lines->start = 0;
    }
  if (lines->end == lines->size)
    {
      /* One line longer than a block: let it be, it is a stray file. */
      lines->size *= 2;
      lines->buf = g_realloc (lines->buf, lines->size + 1);
    }
  do
    got = read (lines->fd, lines->buf + lines->end, lines->size - lines->end);
  while (got < 0 && errno == EINTR);
  if (got < 0)
    {
      int saved = errno;
      g_set_error (error, JK_LMI_IMPORT_ERROR, JK_LMI_IMPORT_ERROR_READ, _("Cannot read %s: %s"), lines->path,
                   g_strerror (saved));
      return FALSE;
    }
  if (got == 0)
    lines->eof = TRUE;
  lines->end += (gsize) got;
  return TRUE;
}

char *
jk_lmi_lines_next (JkLmiLines  *lines,
                   gsize       *length,
                   GError     **error)
{
  char *line, *newline;
  gsize len;

  for (;;)
    {
      newline = memchr (lines->buf + lines->start, '\n', lines->end - lines->start);
      if (newline != NULL || lines->eof)
        break;
      if (!fill (lines, error))
        return NULL;
    }
  line = lines->buf + lines->start;
  if (newline != NULL)
    {
      len = (gsize) (newline - line);
      lines->start += len + 1;
      lines->unterminated = FALSE;
    }
  else
    {
      len = lines->end - lines->start;
      if (len == 0)
        return NULL;
      lines->start = lines->end;
      lines->unterminated = TRUE;
    }
  if (len > 0 && line[len - 1] == '\r')
    len--;
  line[len] = '\0';
  lines->line++;
  if (length != NULL)
    *length = len;
  return line;
}

void
jk_lmi_lines_close (JkLmiLines *lines)
{
  if (lines->fd >= 0)
    close (lines->fd);
  lines->fd = -1;
  g_clear_pointer (&lines->buf, g_free);
}

/* ---------------------------------------------------------------------- */
/* Fields                                                                 */

void
jk_lmi_row_init (JkLmiRow *row)
{
  memset (row, 0, sizeof *row);
  row->scratch = g_string_new (NULL);
  row->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
}

void
jk_lmi_row_clear (JkLmiRow *row)
{
  if (row->scratch != NULL)
    g_string_free (row->scratch, TRUE);
  if (row->offsets != NULL)
    g_array_unref (row->offsets);
  row->scratch = NULL;
  row->offsets = NULL;
}

static char *
trim (char *text)
{
  char *end;

  while (*text == ' ' || *text == '\t')
    text++;
  end = text + strlen (text);
  while (end > text && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
    *--end = '\0';
  return text;
}

void
jk_lmi_row_split_tsv (JkLmiRow *row,
                      char     *line)
{
  char *p = line;

  row->n = 0;
  for (;;)
    {
      char *tab = strchr (p, '\t');
      char *field;
      gsize len;

      if (tab != NULL)
        *tab = '\0';
      field = trim (p);
      len = strlen (field);
      /* Copies saved through a spreadsheet quote fields, doubling quotes
       * inside: undo both. */
      if (len >= 2 && field[0] == '"' && field[len - 1] == '"')
        {
          char *in = field + 1, *out = field + 1;
          field[len - 1] = '\0';
          while (*in != '\0')
            {
              if (in[0] == '"' && in[1] == '"')
                in++;
              *out++ = *in++;
            }
          *out = '\0';
          field++;
        }
      if (row->n < JK_LMI_MAX_FIELDS)
        row->field[row->n++] = field;
      if (tab == NULL)
        break;
      p = tab + 1;
    }
}

gboolean
jk_lmi_row_read_csv (JkLmiRow    *row,
                     JkLmiLines  *lines,
                     GError     **error)
{
  gboolean quoted = FALSE;
  gint64 first_line;
  char *line;
  gsize zero = 0;

  g_string_truncate (row->scratch, 0);
  g_array_set_size (row->offsets, 0);
  row->n = 0;
  line = jk_lmi_lines_next (lines, NULL, error);
  if (line == NULL)
    return FALSE;
  first_line = lines->line;
  g_array_append_val (row->offsets, zero);
  for (;;)
    {
      for (const char *p = line; *p != '\0'; p++)
        {
          if (quoted)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (row->scratch, *p++);
              else if (*p == '"')
                quoted = FALSE;
              else
                g_string_append_c (row->scratch, *p);
            }
          else if (*p == '"')
            quoted = TRUE;
          else if (*p == ',')
            {
              gsize offset;
              g_string_append_c (row->scratch, '\0');
              offset = row->scratch->len;
              g_array_append_val (row->offsets, offset);
            }
          else
            g_string_append_c (row->scratch, *p);
        }
      if (!quoted)
        break;
      /* A line end inside quotes belongs to the field. */
      line = jk_lmi_lines_next (lines, NULL, error);
      if (line == NULL)
        {
          if (error == NULL || *error == NULL)
            {
              lines->line = first_line;
              jk_lmi_fail (error, lines, "%s", _("a quoted field never ends"));
            }
          return FALSE;
        }
      g_string_append_c (row->scratch, '\n');
    }
  for (guint i = 0; i < row->offsets->len && i < JK_LMI_MAX_FIELDS; i++)
    row->field[row->n++] = trim (row->scratch->str + g_array_index (row->offsets, gsize, i));
  return TRUE;
}

int
jk_lmi_row_find (const JkLmiRow *row,
                 const char     *name)
{
  for (guint i = 0; i < row->n; i++)
    if (g_ascii_strcasecmp (row->field[i], name) == 0)
      return (int) i;
  return -1;
}

int
jk_lmi_row_find_words (const JkLmiRow *row,
                       int             from,
                       ...)
{
  for (guint i = (guint) MAX (from, 0); i < row->n; i++)
    {
      g_autofree char *lower = g_ascii_strdown (row->field[i], -1);
      gboolean all = TRUE;
      va_list args;
      const char *word;

      va_start (args, from);
      while ((word = va_arg (args, const char *)) != NULL)
        if (strstr (lower, word) == NULL)
          all = FALSE;
      va_end (args);
      if (all)
        return (int) i;
    }
  return -1;
}

const char *
jk_lmi_row_get (const JkLmiRow *row,
                int             column)
{
  if (column < 0 || (guint) column >= row->n)
    return "";
  return row->field[column];
}

/* ---------------------------------------------------------------------- */
/* Values                                                                 */

gboolean
jk_lmi_parse_number (const char *text,
                     double     *value)
{
  char digits[64];
  gsize n = 0;
  char *end;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ',' || *p == ' ' || *p == '$' || *p == '"')
        continue;
      if (n + 1 >= sizeof digits)
        return FALSE;
      digits[n++] = *p;
    }
  digits[n] = '\0';
  if (n == 0)
    return FALSE;
  *value = g_ascii_strtod (digits, &end);
  /* Written so that "nan" and "inf" are refused too. */
  return *end == '\0' && *value == *value && *value < 1e300 && *value > -1e300;
}

gboolean
jk_lmi_parse_soc (const char *text,
                  char       *soc)
{
  gsize len = strlen (text);

  if (len == 6 && strspn (text, "0123456789") == 6)
    {
      memcpy (soc, text, 2);
      soc[2] = '-';
      memcpy (soc + 3, text + 2, 4);
      soc[7] = '\0';
      return TRUE;
    }
  if ((len == 7 || len == 10) && strspn (text, "0123456789") == 2 && text[2] == '-' &&
      strspn (text + 3, "0123456789") == 4 &&
      (len == 7 || (text[7] == '.' && strspn (text + 8, "0123456789") == 2)))
    {
      memcpy (soc, text, 7);
      soc[7] = '\0';
      return TRUE;
    }
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Errors                                                                 */

void
jk_lmi_fail (GError     **error,
             JkLmiLines  *lines,
             const char  *format,
             ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, JK_LMI_IMPORT_ERROR, JK_LMI_IMPORT_ERROR_FORMAT, "%s:%" G_GINT64_FORMAT ": %s", lines->path,
               lines->line, reason);
}

void
jk_lmi_fail_column (GError     **error,
                    JkLmiLines  *lines,
                    const char  *column)
{
  jk_lmi_fail (error, lines, _("the header is not the one expected (no “%s” column)"), column);
}

void
jk_lmi_fail_short (GError     **error,
                   JkLmiLines  *lines,
                   guint        found,
                   guint        expected)
{
  jk_lmi_fail (error, lines, _("a row of %u fields where %u were expected"), found, expected);
}

void
jk_lmi_fail_number (GError     **error,
                    JkLmiLines  *lines,
                    const char  *text)
{
  jk_lmi_fail (error, lines, _("“%s” is not a number"), text);
}
