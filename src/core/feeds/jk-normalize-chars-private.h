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

G_GNUC_INTERNAL JkCharClass  jk_classify_char         (gunichar     c);
/* Reads one character, turning a bad byte into U+FFFD and stepping over it. */
G_GNUC_INTERNAL gunichar     jk_read_char             (const char **p);
/* The largest length <= len that does not end inside a UTF-8 character. */
G_GNUC_INTERNAL gsize        jk_find_char_boundary    (const char  *text,
                                                       gsize        len);
/* Steps over a run of letters (and digits, if asked) in valid UTF-8. */
G_GNUC_INTERNAL const char  *jk_skip_word             (const char  *p,
                                                       gboolean     with_digits);
G_GNUC_INTERNAL void         jk_trim_trailing_space   (GString     *s);

G_END_DECLS
