/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-normalize-chars-private.h: the character helpers the jk-normalize*.c files share */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  JK_CHAR_TEXT,
  JK_CHAR_SPACE,
  JK_CHAR_NEWLINE,
  JK_CHAR_CONTROL,   /* C0, DEL, C1: never shown */
  JK_CHAR_INVISIBLE, /* zero-width and direction overrides: dropped, not spaced */
} JkCharClass;

/* The largest length <= len that does not end inside a UTF-8 character. */
G_GNUC_INTERNAL gsize        jk_find_char_boundary    (const char  *text,
                                                       gsize        len);
/* Steps over a run of letters (and digits, if asked) in valid UTF-8. */
G_GNUC_INTERNAL const char  *jk_skip_word             (const char  *p,
                                                       gboolean     with_digits);
G_GNUC_INTERNAL void         jk_trim_trailing_space   (GString     *s);

/* The two helpers every character of a description goes through are
 * inline: called across files, they cost the HTML pass a tenth more. */
static inline JkCharClass
jk_classify_char (gunichar c)
{
  if (c > ' ' && c < 0x7F)
    return JK_CHAR_TEXT;
  if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029)
    return JK_CHAR_NEWLINE;
  if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == 0x00A0 || c == 0x1680
      || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000)
    return JK_CHAR_SPACE;
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
    return JK_CHAR_CONTROL;
  /* Zero-width space, soft hyphen, BOM, word joiner, noncharacters, and the
   * bidi overrides that could make a title read differently than it sorts.
   * U+200D (joiner) stays: emoji sequences need it. */
  if (c == 0x200B || c == 0x00AD || c == 0xFEFF || c == 0x2060 || c == 0xFFFE || c == 0xFFFF
      || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
    return JK_CHAR_INVISIBLE;
  return JK_CHAR_TEXT;
}

/* Reads one character, turning a bad byte into U+FFFD and stepping over it. */
static inline gunichar
jk_read_char (const char **p)
{
  gunichar c;

  /* Most feed text is ASCII: one byte, no decoding. */
  if ((guchar) **p < 0x80)
    return (guchar) *(*p)++;
  c = g_utf8_get_char_validated (*p, -1);

  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      (*p)++;
      return 0xFFFD;
    }
  *p = g_utf8_next_char (*p);
  return c;
}

G_END_DECLS
