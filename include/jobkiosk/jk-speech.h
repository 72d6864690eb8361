/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-job.h>
#include <jobkiosk/jk-session.h>
#include <jobkiosk/jk-speaker.h>

G_BEGIN_DECLS

/* Speech mode for one visit (36 CFR 1194 402): off until the visitor
 * asks for it (Listen, the keypad's speech key, headphones), then every
 * line goes to the speaker in the visit's language, at the visitor's rate
 * and volume. The wipe turns it off and puts rate and volume back. */
#define JK_TYPE_SPEECH (jk_speech_get_type ())
G_DECLARE_FINAL_TYPE (JkSpeech, jk_speech, JK, SPEECH, GObject)

/* How much one "faster" or "louder" changes, on the 0-100 scale. */
#define JK_SPEECH_STEP 10
/* Longer text is cut at a word, so a 10 000-character title is not read
 * for minutes; job details are spoken a part at a time. */
#define JK_SPEECH_MAX_CHARS 600

JkSpeech    *jk_speech_new            (JkSession  *session,
                                       JkSpeaker  *speaker,
                                       guint       default_rate,
                                       guint       default_volume);
JkSpeaker   *jk_speech_get_speaker    (JkSpeech   *self);
gboolean     jk_speech_get_active     (JkSpeech   *self);
void         jk_speech_set_active     (JkSpeech   *self,
                                       gboolean    active);
/* Nothing happens while speech is off. */
void         jk_speech_say            (JkSpeech   *self,
                                       const char *text,
                                       JkSpeakMode mode);
void         jk_speech_say_character  (JkSpeech   *self,
                                       gunichar    character);
/* For a key pressed in a field whose text is hidden (a PIN). */
void         jk_speech_say_tone       (JkSpeech   *self);
/* Says again what was said since the last interruption. */
void         jk_speech_repeat         (JkSpeech   *self);
void         jk_speech_stop           (JkSpeech   *self);
/* steps > 0 faster (louder), < 0 slower (quieter); says the change. */
void         jk_speech_change_rate    (JkSpeech   *self,
                                       int         steps);
void         jk_speech_change_volume  (JkSpeech   *self,
                                       int         steps);
guint        jk_speech_get_rate       (JkSpeech   *self);
guint        jk_speech_get_volume     (JkSpeech   *self);

/* Text as it is handed to a speaker: valid UTF-8, no control characters,
 * spaces collapsed, at most JK_SPEECH_MAX_CHARS. */
char        *jk_speech_clean_text     (const char *text);

/* What is said, in the current language. */
/* "16 to 18 dollars an hour", "38,000 dollars a year", the feed's words,
 * or "pay not listed". */
char        *jk_speech_text_pay       (const JkJob *job);
/* A result as one sentence: "Line Cook, Hilltop Hardware, Columbus, OH,
 * 16 to 18 dollars an hour, posted today". */
char        *jk_speech_text_job       (const JkJob *job,
                                       gint64       listed,
                                       GDateTime   *now);
/* Text too long for one line of speech (a posting's description) in
 * pieces of at most max_chars, cut at paragraphs, then sentences, then
 * words; each piece cleaned as jk_speech_clean_text does. */
GPtrArray   *jk_speech_split_text     (const char  *text,
                                       guint        max_chars);
/* A key's name as speech says it: "a", "space", "comma". */
char        *jk_speech_text_character (gunichar    character);

G_END_DECLS
