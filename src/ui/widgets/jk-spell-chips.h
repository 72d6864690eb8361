/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <jobkiosk/jk-session.h>

G_BEGIN_DECLS

/* Spell checking for one free-text field at a time, with the fixes as big
 * chips under it ("Did you mean?" good, god… Keep "goood"), never a popup
 * menu. Pack the row under the field (or under a step's fields) and attach
 * the field that has the visitor's attention; attaching another detaches
 * the one before. The row hides itself while nothing is misspelt.
 *
 * "suggested" (const char *word) is emitted when the row shows a new word,
 * so the page can say jk_spell_chips_dup_announcement () with speech. */
#define JK_TYPE_SPELL_CHIPS (jk_spell_chips_get_type ())
G_DECLARE_FINAL_TYPE (JkSpellChips, jk_spell_chips, JK, SPELL_CHIPS, GtkBox)

/* At most this many suggestions are offered, beside the Keep chip. */
#define JK_SPELL_CHIPS_MAX_SUGGESTIONS 4

JkSpellChips *jk_spell_chips_new                (void);
void          jk_spell_chips_attach_entry       (JkSpellChips *self,
                                                 GtkEntry     *entry);
void          jk_spell_chips_attach_text_view   (JkSpellChips *self,
                                                 GtkTextView  *text_view);
void          jk_spell_chips_detach             (JkSpellChips *self);
/* The visit: its language is followed (live) and, when it ends, the words
 * the visitor chose to keep are forgotten. Without a session, the language
 * is jk_i18n_get_language () at each check. */
void          jk_spell_chips_set_session        (JkSpellChips *self,
                                                 JkSession    *session);
/* "en" or "es": overrides the visit's language until it switches again. */
void          jk_spell_chips_set_language       (JkSpellChips *self,
                                                 const char   *language);
/* FALSE when no dictionary for the language is installed (the row then
 * never shows). */
gboolean      jk_spell_chips_has_dictionary     (JkSpellChips *self);
/* Checks the field at once instead of after the pause in typing; the row
 * shows once the word's suggestions are found (on a thread of their own,
 * tens of milliseconds; at once for a word seen before). */
void          jk_spell_chips_check_now          (JkSpellChips *self);
/* TRUE while a check waits for the pause or suggestions are being found. */
gboolean      jk_spell_chips_is_pending         (JkSpellChips *self);
/* Misspelt words found by the last check (near the cursor in long text). */
guint         jk_spell_chips_get_n_misspelt     (JkSpellChips *self);
/* The word the row offers fixes for, or NULL while it is hidden. */
const char   *jk_spell_chips_get_word           (JkSpellChips *self);
/* "Check the spelling of “goood”. Did you mean: good, god?", in the
 * visit's language; NULL while the row is hidden. */
char         *jk_spell_chips_dup_announcement   (JkSpellChips *self);

G_END_DECLS
