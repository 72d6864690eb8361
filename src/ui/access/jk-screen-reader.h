/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <jobkiosk/jk-speech.h>

G_BEGIN_DECLS

typedef struct _JkWindow JkWindow;

/* The kiosk's own screen reader (36 CFR 1194 402.2): with speech on, it
 * says each screen as it opens (title, then prompt), each control as it
 * gets the focus, each key typed, and the questions that cover the
 * screen (the idle warning and its countdown, Finish). It adds the
 * window's speech actions, which the Listen buttons, the speech bar and
 * the keypad use: win.speech (on/off), win.speech-repeat, -stop,
 * -slower, -faster, -quieter, -louder, -help. */
#define JK_TYPE_SCREEN_READER (jk_screen_reader_get_type ())
G_DECLARE_FINAL_TYPE (JkScreenReader, jk_screen_reader, JK, SCREEN_READER, GObject)

JkScreenReader *jk_screen_reader_new          (JkWindow       *window,
                                               JkSpeech       *speech);
/* What Help says on the screen shown: its title, what it is for, and
 * which keys do what. */
char           *jk_screen_reader_get_help     (JkScreenReader *self);

G_END_DECLS
