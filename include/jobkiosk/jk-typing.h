/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-typing.h: the typing test: its passages, the home-row drills and the scoring */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Passages are data/typing/passages.ini (the project's own plain sentences,
 * in English and Spanish); the home-row drills are built in.
 *
 * Scoring compares word by word, as the usual typing tests do. The typed
 * text and the passage are split at white space; the typed words are lined
 * up with the passage's by the fewest edits (a word typed wrong, a word
 * added, a word left out each count as one), and what the visitor had not
 * reached yet is not an error. So a letter missing, added or wrong inside
 * a word makes that word one error, and a skipped or doubled word is one
 * error, not a shift of every word after it. The last word, when the text
 * does not end in a space and it is the start of the passage's word, was
 * still being typed and is not an error.
 *
 *   typed characters   every character of the typed text, spaces included
 *   gross WPM          (typed characters / 5) / minutes
 *   errors             uncorrected errors: the words wrong, added or left out
 *   net WPM            gross WPM - errors / minutes, never below 0
 *   correct characters typed characters - the characters of the typed words
 *                      that are errors
 *   accuracy           correct characters / typed characters (1 when nothing
 *                      was typed is not claimed: 0) */

#define JK_TYPING_CHARS_PER_WORD 5

typedef struct {
  char *id;        /* "en-1": stable */
  char *language;  /* "en" or "es" */
  char *title;
  char *text;
} JkTypingPassage;

typedef struct {
  char *expected;  /* the passage's word; "" for a word added */
  char *typed;     /* what was typed; "" for a word left out */
} JkTypingError;

typedef struct {
  double minutes;
  guint typed_chars;
  guint correct_chars;
  guint typed_words;
  guint errors;
  double gross_wpm;
  double net_wpm;
  double accuracy;   /* 0 to 1 */
  gboolean finished; /* every word of the passage was typed */
  GPtrArray *error_list; /* JkTypingError, in passage order */
} JkTypingResult;

GPtrArray      *jk_typing_get_passages   (const char  *language,
                                          GError     **error);
const char     *jk_typing_home_row_drill (void);
JkTypingResult *jk_typing_score          (const char  *passage,
                                          const char  *typed,
                                          double       seconds);
gboolean        jk_typing_is_finished    (const char  *passage,
                                          const char  *typed);
void            jk_typing_result_free    (JkTypingResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkTypingResult, jk_typing_result_free)

G_END_DECLS
