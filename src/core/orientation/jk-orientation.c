/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-orientation.c: the center's orientation pages: their folder, their list, a small Markdown read into blocks */

#define G_LOG_DOMAIN "jk-orientation"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "jobkiosk/jk-orientation.h"

/* Deeper emphasis than this is shown as it is written. */
#define MAX_INLINE_DEPTH 8
/* Deeper lists than this are shown at this depth. */
#define MAX_LIST_LEVEL 3

typedef struct {
  const char *file;
  const char *page_dir;
  char *root;              /* canonical, no trailing slash */
  GPtrArray *blocks;
  GPtrArray *lines;        /* of the paragraph or item being read */
  JkOrientationBlockKind open_kind;
  guint open_level;
  guint open_number;
  gboolean open;
  GArray *indents;         /* int: the open list levels' indents */
} Parser;

G_DEFINE_QUARK (jk-orientation-error-quark, jk_orientation_error)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
append_text (GString    *plain,
             GString    *markup,
             const char *text,
             gssize      len)
{
  g_autofree char *escaped = NULL;

  if (len < 0)
    len = strlen (text);
  g_string_append_len (plain, text, len);
  escaped = g_markup_escape_text (text, len);
  g_string_append (markup, escaped);
}

/* Where the closing mark of a run of n delim characters opened at start
 * is (the first such run not after a space, the run's last n when the
 * run is longer), or -1. */
static gssize
find_closing (const char *s,
              gsize       len,
              gsize       start,
              char        delim,
              guint       n)
{
  for (gsize j = start + 1; j + n <= len; j++)
    {
      gboolean match = TRUE;

      for (guint k = 0; k < n; k++)
        match = match && s[j + k] == delim;
      if (!match || g_ascii_isspace (s[j - 1]))
        continue;
      while (j + n < len && s[j + n] == delim)
        j++;
      /* "_" inside a word (snake_case) closes nothing. */
      if (delim == '_' && j + n < len && g_ascii_isalnum (s[j + n]))
        continue;
      return (gssize) j;
    }
  return -1;
}

/* The text of a "[...]" starting at open, its closing bracket at *close
 * and the "(...)" after it ending at *end; FALSE when it is not one. */
static gboolean
find_link (const char *s,
           gsize       len,
           gsize       open,
           gsize      *close,
           gsize      *end)
{
  guint depth = 0;
  gsize i;

  for (i = open; i < len; i++)
    {
      if (s[i] == '\\' && i + 1 < len)
        i++;
      else if (s[i] == '[')
        depth++;
      else if (s[i] == ']' && --depth == 0)
        break;
    }
  if (i >= len || i + 1 >= len || s[i + 1] != '(')
    return FALSE;
  *close = i;
  for (gsize j = i + 2; j < len; j++)
    if (s[j] == ')')
      {
        *end = j;
        return TRUE;
      }
  return FALSE;
}

static void
render_inline (const char *s,
               gsize       len,
               GString    *plain,
               GString    *markup,
               guint       depth)
{
  gsize i = 0;

  while (i < len)
    {
      char c = s[i];

      if (c == '\\' && i + 1 < len && g_ascii_ispunct (s[i + 1]))
        {
          append_text (plain, markup, s + i + 1, 1);
          i += 2;
          continue;
        }
      if (c == '`')
        {
          const char *close = memchr (s + i + 1, '`', len - i - 1);

          if (close != NULL)
            {
              append_text (plain, markup, s + i + 1, close - (s + i + 1));
              i = close - s + 1;
              continue;
            }
        }
      if ((c == '[' || (c == '!' && i + 1 < len && s[i + 1] == '[')) && depth < MAX_INLINE_DEPTH)
        {
          gsize open = c == '!' ? i + 1 : i;
          gsize close;
          gsize end;

          /* A link (or an inline picture) is its words: nothing opens. */
          if (find_link (s, len, open, &close, &end))
            {
              render_inline (s + open + 1, close - open - 1, plain, markup, depth + 1);
              i = end + 1;
              continue;
            }
        }
      if ((c == '*' || c == '_') && depth < MAX_INLINE_DEPTH)
        {
          guint n = (i + 1 < len && s[i + 1] == c) ? 2 : 1;
          gboolean opens = i + n < len && !g_ascii_isspace (s[i + n])
                           && !(c == '_' && i > 0 && g_ascii_isalnum (s[i - 1]));
          gssize close = opens ? find_closing (s, len, i + n, c, n) : -1;

          if (close > (gssize) (i + n))
            {
              g_string_append (markup, n == 2 ? "<b>" : "<i>");
              render_inline (s + i + n, close - (i + n), plain, markup, depth + 1);
              g_string_append (markup, n == 2 ? "</b>" : "</i>");
              i = close + n;
              continue;
            }
          /* Unclosed: the mark is text, one character at a time, so a
           * "**" left open may still hold a "*x*". */
          append_text (plain, markup, s + i, 1);
          i++;
          continue;
        }
      {
        gsize j = i + 1;

        while (j < len && strchr ("\\`[!*_", s[j]) == NULL)
          j++;
        append_text (plain, markup, s + i, j - i);
        i = j;
      }
    }
}

static JkOrientationBlock *
block_new (JkOrientationBlockKind kind,
           guint                  level,
           const char            *text)
{
  JkOrientationBlock *block = g_new0 (JkOrientationBlock, 1);
  g_autoptr (GString) plain = g_string_new (NULL);
  g_autoptr (GString) markup = g_string_new (NULL);

  block->kind = kind;
  block->level = level;
  render_inline (text, strlen (text), plain, markup, 0);
  block->text = g_strstrip (g_string_free (g_steal_pointer (&plain), FALSE));
  block->markup = g_strstrip (g_string_free (g_steal_pointer (&markup), FALSE));
  return block;
}

static void
flush_open (Parser *p)
{
  g_autofree char *joined = NULL;
  JkOrientationBlock *block;

  if (!p->open)
    return;
  p->open = FALSE;
  g_ptr_array_add (p->lines, NULL);
  joined = g_strjoinv (" ", (char **) p->lines->pdata);
  g_ptr_array_set_size (p->lines, 0);
  block = block_new (p->open_kind, p->open_level, joined);
  block->number = p->open_number;
  if (block->text[0] == '\0')
    {
      jk_orientation_block_free (block);
      return;
    }
  g_ptr_array_add (p->blocks, block);
}

static void
open_block (Parser                *p,
            JkOrientationBlockKind kind,
            guint                  level,
            guint                  number,
            const char            *first_line)
{
  flush_open (p);
  p->open = TRUE;
  p->open_kind = kind;
  p->open_level = level;
  p->open_number = number;
  g_ptr_array_add (p->lines, g_strdup (first_line));
}

static guint
indent_of (const char  *line,
           const char **rest)
{
  guint columns = 0;

  for (; *line == ' ' || *line == '\t'; line++)
    columns = *line == '\t' ? (columns / 4 + 1) * 4 : columns + 1;
  *rest = line;
  return columns;
}

/* A list item's depth from its indent: deeper than the item above makes
 * one level more, back to an earlier indent returns to its level. */
static guint
list_level (Parser *p,
            int     indent)
{
  GArray *stack = p->indents;

  while (stack->len > 1 && g_array_index (stack, int, stack->len - 1) > indent)
    g_array_set_size (stack, stack->len - 1);
  if (stack->len == 0)
    g_array_append_val (stack, indent);
  else if (indent > g_array_index (stack, int, stack->len - 1))
    g_array_append_val (stack, indent);
  else if (stack->len == 1)
    g_array_index (stack, int, 0) = indent;
  return MIN (stack->len - 1, MAX_LIST_LEVEL);
}

/* "- x", "* x", "+ x": the words after the mark, or NULL. */
static const char *
bullet_words (const char *rest)
{
  if (strchr ("-*+", rest[0]) == NULL || rest[0] == '\0')
    return NULL;
  if (rest[1] == '\0')
    return rest + 1;
  if (rest[1] != ' ' && rest[1] != '\t')
    return NULL;
  return rest + 2;
}

/* "12. x", "3) x": the words after the mark, or NULL. */
static const char *
numbered_words (const char *rest,
                guint      *number)
{
  guint i = 0;

  while (g_ascii_isdigit (rest[i]) && i < 9)
    i++;
  if (i == 0 || (rest[i] != '.' && rest[i] != ')'))
    return NULL;
  if (rest[i + 1] != '\0' && rest[i + 1] != ' ' && rest[i + 1] != '\t')
    return NULL;
  *number = (guint) g_ascii_strtoull (rest, NULL, 10);
  return rest[i + 1] == '\0' ? rest + i + 1 : rest + i + 2;
}

/* "---", "***", "___" (three or more, spaces between allowed). */
static gboolean
is_rule (const char *rest,
         char       *mark)
{
  guint n = 0;

  *mark = rest[0];
  if (strchr ("-*_=", rest[0]) == NULL || rest[0] == '\0')
    return FALSE;
  for (; *rest != '\0'; rest++)
    {
      if (*rest == *mark)
        n++;
      else if (*rest != ' ' && *rest != '\t')
        return FALSE;
    }
  return n >= 3;
}

static char *
canonical_real (const char *path)
{
  char resolved[PATH_MAX];
  g_autofree char *lexical = g_canonicalize_filename (path, NULL);

  /* Symbolic links too, so one inside the folder cannot point out of it. */
  if (realpath (lexical, resolved) != NULL)
    return g_strdup (resolved);
  return g_steal_pointer (&lexical);
}

/* "![words](path)" alone on a line: a picture block, or its words as a
 * paragraph when the path is a link or outside the folder. */
static gboolean
read_picture (Parser     *p,
              const char *rest)
{
  g_autofree char *line = g_strstrip (g_strdup (rest));
  gsize len = strlen (line);
  gsize close;
  gsize end;
  g_autofree char *target = NULL;
  g_autofree char *full = NULL;
  g_autofree char *alt = NULL;
  JkOrientationBlock *block;
  char *space;

  if (len < 5 || line[0] != '!' || line[1] != '[' || !find_link (line, len, 1, &close, &end) || end != len - 1)
    return FALSE;
  flush_open (p);
  alt = g_strndup (line + 2, close - 2);
  target = g_strndup (line + close + 2, end - close - 2);
  g_strstrip (target);
  /* ![w](p.svg "title"): the title is not shown. */
  space = strpbrk (target, " \t");
  if (space != NULL)
    *space = '\0';
  block = block_new (JK_ORIENTATION_IMAGE, 0, alt);
  g_clear_pointer (&block->markup, g_free);
  if (target[0] != '\0' && strstr (target, "://") == NULL && !g_str_has_prefix (target, "data:"))
    {
      g_autofree char *joined = g_path_is_absolute (target) ? g_strdup (target)
                                                            : g_build_filename (p->page_dir, target, NULL);
      full = canonical_real (joined);
    }
  if (full != NULL && g_str_has_prefix (full, p->root) && full[strlen (p->root)] == G_DIR_SEPARATOR)
    {
      block->path = g_steal_pointer (&full);
      g_ptr_array_add (p->blocks, block);
      return TRUE;
    }
  g_info ("%s: picture \"%s\" refused: not a file inside %s", p->file, target, p->root);
  block->kind = JK_ORIENTATION_PARAGRAPH;
  block->markup = g_markup_escape_text (block->text, -1);
  if (block->text[0] != '\0')
    g_ptr_array_add (p->blocks, block);
  else
    jk_orientation_block_free (block);
  return TRUE;
}

static void
read_line (Parser     *p,
           const char *line,
           gboolean    after_blank)
{
  const char *rest;
  int indent = (int) indent_of (line, &rest);
  const char *words;
  guint number = 0;
  char mark;

  if (rest[0] == '\0')
    {
      flush_open (p);
      return;
    }
  if (rest[0] == '#')
    {
      guint level = 0;

      while (rest[level] == '#')
        level++;
      if (rest[level] == '\0' || rest[level] == ' ' || rest[level] == '\t')
        {
          g_autofree char *text = g_strstrip (g_strdup (rest + level));
          gsize len = strlen (text);

          /* "## Title ##": the closing marks are not words. */
          while (len > 0 && text[len - 1] == '#')
            len--;
          if (len == 0 || text[len - 1] == ' ' || text[len - 1] == '\t')
            text[len] = '\0';
          g_strchomp (text);
          flush_open (p);
          g_array_set_size (p->indents, 0);
          if (text[0] != '\0')
            g_ptr_array_add (p->blocks, block_new (JK_ORIENTATION_HEADING, MIN (level, 3), text));
          return;
        }
    }
  if (is_rule (rest, &mark))
    {
      /* "Title" over "=====" or "-----" is a heading (setext). */
      if ((mark == '=' || mark == '-') && p->open && p->open_kind == JK_ORIENTATION_PARAGRAPH)
        {
          p->open_kind = JK_ORIENTATION_HEADING;
          p->open_level = mark == '=' ? 1 : 2;
          flush_open (p);
          return;
        }
      if (mark != '=')
        {
          flush_open (p);
          g_array_set_size (p->indents, 0);
          return;
        }
    }
  if (read_picture (p, rest))
    return;
  if ((words = bullet_words (rest)) != NULL)
    {
      open_block (p, JK_ORIENTATION_BULLET, list_level (p, indent), 0, words);
      return;
    }
  if ((words = numbered_words (rest, &number)) != NULL)
    {
      open_block (p, JK_ORIENTATION_NUMBERED, list_level (p, indent), number, words);
      return;
    }
  /* A line under an item, or under a paragraph, goes on with it. */
  if (p->open && !after_blank)
    {
      g_ptr_array_add (p->lines, g_strdup (rest));
      return;
    }
  if (indent == 0)
    g_array_set_size (p->indents, 0);
  open_block (p, JK_ORIENTATION_PARAGRAPH, 0, 0, rest);
}

static gboolean
has_page (const char *folder)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && g_str_has_suffix (name, ".md"))
      return TRUE;
  return FALSE;
}

static int
compare_pages (gconstpointer a,
               gconstpointer b)
{
  const JkOrientationFile *pa = *(const JkOrientationFile *const *) a;
  const JkOrientationFile *pb = *(const JkOrientationFile *const *) b;

  return strcmp (pa->name, pb->name);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

char *
jk_orientation_get_root (const JkConfig *config)
{
  g_autofree char *beside = NULL;

  /* Without "..": the demo's "../orientation" is told as the folder it is. */
  if (config != NULL && config->orientation_folder != NULL && config->orientation_folder[0] != '\0')
    return g_canonicalize_filename (config->orientation_folder, NULL);
  if (config != NULL && config->base_dir != NULL)
    {
      beside = g_build_filename (config->base_dir, "orientation", NULL);
      if (g_file_test (beside, G_FILE_TEST_IS_DIR))
        return g_steal_pointer (&beside);
    }
  return g_build_filename (jk_get_pkgdatadir (), "orientation", NULL);
}

char *
jk_orientation_find_folder (const char *root,
                            const char *language,
                            GError    **error)
{
  g_autofree char *wanted = g_build_filename (root, language != NULL ? language : "en", NULL);
  g_autofree char *english = NULL;

  if (has_page (wanted))
    return g_steal_pointer (&wanted);
  english = g_build_filename (root, "en", NULL);
  if (has_page (english))
    return g_steal_pointer (&english);
  g_set_error (error, JK_ORIENTATION_ERROR, JK_ORIENTATION_ERROR_NOT_FOUND,
               "%s: no orientation pages (NAME.md) in %s/ or en/", root, language != NULL ? language : "en");
  return NULL;
}

GPtrArray *
jk_orientation_list_pages (const char *folder,
                           GError    **error)
{
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_orientation_file_free);
  g_autoptr (GDir) dir = g_dir_open (folder, 0, error);
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      JkOrientationFile *page;
      g_autoptr (GPtrArray) blocks = NULL;
      g_autoptr (GError) local_error = NULL;
      const char *title;

      if (name[0] == '.' || !g_str_has_suffix (name, ".md"))
        continue;
      page = g_new0 (JkOrientationFile, 1);
      page->name = g_strdup (name);
      page->path = g_build_filename (folder, name, NULL);
      blocks = jk_orientation_read_page (page->path, NULL, &local_error);
      if (blocks == NULL)
        g_warning ("%s", local_error->message);
      title = blocks != NULL ? jk_orientation_blocks_title (blocks) : NULL;
      page->title = title != NULL ? g_strdup (title) : g_strndup (name, strlen (name) - 3);
      g_ptr_array_add (pages, page);
    }
  if (pages->len == 0)
    {
      g_set_error (error, JK_ORIENTATION_ERROR, JK_ORIENTATION_ERROR_NOT_FOUND,
                   "%s: no orientation pages (NAME.md)", folder);
      return NULL;
    }
  g_ptr_array_sort (pages, compare_pages);
  return g_steal_pointer (&pages);
}

GPtrArray *
jk_orientation_read_page (const char *path,
                          const char *root,
                          GError    **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *page_dir = g_path_get_dirname (path);
  gsize length = 0;
  GStatBuf st;

  if (g_stat (path, &st) == 0 && st.st_size > JK_ORIENTATION_MAX_SIZE)
    {
      g_set_error (error, JK_ORIENTATION_ERROR, JK_ORIENTATION_ERROR_READ,
                   "%s: larger than %d KB; orientation pages are short", path, JK_ORIENTATION_MAX_SIZE / 1024);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, NULL))
    {
      int saved = errno;

      g_set_error (error, JK_ORIENTATION_ERROR, JK_ORIENTATION_ERROR_READ, "%s: cannot read (%s)", path,
                   g_strerror (saved != 0 ? saved : EIO));
      return NULL;
    }
  return jk_orientation_parse (contents, (gssize) length, path, page_dir, root != NULL ? root : page_dir, error);
}

GPtrArray *
jk_orientation_parse (const char *text,
                      gssize      len,
                      const char *file,
                      const char *page_dir,
                      const char *root,
                      GError    **error)
{
  Parser p = { 0 };
  g_autofree char *copy = NULL;
  g_auto (GStrv) lines = NULL;
  gboolean after_blank = TRUE;
  char *start;

  if (len < 0)
    len = strlen (text);
  copy = g_strndup (text, len);
  if ((gsize) len != strlen (copy))
    {
      guint line = 1;

      for (const char *c = copy; *c != '\0'; c++)
        line += *c == '\n';
      g_set_error (error, JK_ORIENTATION_ERROR, JK_ORIENTATION_ERROR_ENCODING, "%s:%u: not UTF-8 text (a NUL byte)",
                   file, line);
      return NULL;
    }
  start = copy;
  if (g_str_has_prefix (start, "\xEF\xBB\xBF"))
    start += 3;
  lines = g_strsplit (start, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize n = strlen (lines[i]);

      if (n > 0 && lines[i][n - 1] == '\r')
        lines[i][n - 1] = '\0';
      if (!g_utf8_validate (lines[i], -1, NULL))
        {
          g_set_error (error, JK_ORIENTATION_ERROR, JK_ORIENTATION_ERROR_ENCODING, "%s:%u: not UTF-8 text", file,
                       i + 1);
          return NULL;
        }
    }
  p.file = file;
  p.page_dir = page_dir;
  p.root = canonical_real (root);
  p.blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_orientation_block_free);
  p.lines = g_ptr_array_new_with_free_func (g_free);
  p.indents = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *rest;

      indent_of (lines[i], &rest);
      read_line (&p, lines[i], after_blank);
      after_blank = rest[0] == '\0';
    }
  flush_open (&p);
  g_free (p.root);
  g_ptr_array_unref (p.lines);
  g_array_unref (p.indents);
  return p.blocks;
}

char *
jk_orientation_blocks_text (GPtrArray *blocks)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      const JkOrientationBlock *block = blocks->pdata[i];

      if (block->kind == JK_ORIENTATION_IMAGE)
        continue;
      g_string_append (text, block->text);
      g_string_append_c (text, '\n');
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

const char *
jk_orientation_blocks_title (GPtrArray *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      const JkOrientationBlock *block = blocks->pdata[i];

      if (block->kind == JK_ORIENTATION_HEADING)
        return block->text;
    }
  return NULL;
}

JkOrientationBlock *
jk_orientation_block_copy (const JkOrientationBlock *block)
{
  JkOrientationBlock *copy = g_memdup2 (block, sizeof *block);

  copy->text = g_strdup (block->text);
  copy->markup = g_strdup (block->markup);
  copy->path = g_strdup (block->path);
  return copy;
}

void
jk_orientation_block_free (JkOrientationBlock *block)
{
  if (block == NULL)
    return;
  g_free (block->text);
  g_free (block->markup);
  g_free (block->path);
  g_free (block);
}

void
jk_orientation_file_free (JkOrientationFile *page)
{
  if (page == NULL)
    return;
  g_free (page->name);
  g_free (page->path);
  g_free (page->title);
  g_free (page);
}
