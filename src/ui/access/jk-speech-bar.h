/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The speech controls on screen while speech is on (402.2.4): repeat,
 * stop, slower, faster, quieter, louder, and speech off; each a window
 * action the keypad has a key for too. */
#define JK_TYPE_SPEECH_BAR (jk_speech_bar_get_type ())
G_DECLARE_FINAL_TYPE (JkSpeechBar, jk_speech_bar, JK, SPEECH_BAR, GtkBox)

GtkWidget   *jk_speech_bar_new          (void);

G_END_DECLS
