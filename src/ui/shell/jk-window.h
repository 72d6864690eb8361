/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <jobkiosk/jk-clock.h>
#include <jobkiosk/jk-idle.h>
#include <jobkiosk/jk-session.h>
#include <jobkiosk/jk-speech.h>

#include "jk-keyboard.h"
#include "jk-page.h"

G_BEGIN_DECLS

/* The one frame every screen shares: top bar, the stack of pages, the
 * on-screen keyboard, the bottom bar, and the idle wipe. */
#define JK_TYPE_WINDOW (jk_window_get_type ())
G_DECLARE_FINAL_TYPE (JkWindow, jk_window, JK, WINDOW, GtkApplicationWindow)

typedef struct {
  const char *center_name;
  guint idle_timeout;   /* seconds */
  guint idle_warning;   /* seconds */
  gboolean kiosk_mode;  /* fullscreen, undecorated, no inspector */
  JkSpeech *speech;     /* the visit's speech */
  GKeyFile *keypad_keys; /* the configuration's [keypad], or NULL for the default keys */
  const char *database_path; /* where a visit's usage counts go at the wipe; NULL: nowhere */
} JkWindowSetup;

JkWindow      *jk_window_new                 (GtkApplication      *application,
                                              JkSession           *session,
                                              JkClock             *clock,
                                              const JkWindowSetup *setup);

/* Adds a page; info says what the shell shows around it. */
void           jk_window_add_page            (JkWindow         *self,
                                              const JkPageInfo *info,
                                              JkPage           *page);
/* Makes the page from info when it is first wanted (shown, or asked for
 * with jk_window_get_page), with context; context's pointers must outlive
 * the window. */
void           jk_window_defer_page          (JkWindow            *self,
                                              const JkPageInfo    *info,
                                              const JkPageContext *context);
/* The page, made now if it was deferred. */
JkPage        *jk_window_get_page            (JkWindow         *self,
                                              const JkPageInfo *info);
void           jk_window_show_page           (JkWindow         *self,
                                              const JkPageInfo *info);
/* Shows a page for something (a job's id): the page's prepare decides
 * whether it can be shown. */
gboolean       jk_window_open_page           (JkWindow         *self,
                                              const JkPageInfo *info,
                                              GVariant         *argument);
/* Shows a page in place of the current one, so Back skips it (a form
 * that was just sent). */
void           jk_window_replace_page        (JkWindow         *self,
                                              const JkPageInfo *info);
JkPage        *jk_window_get_current_page    (JkWindow         *self);
/* The shown page's registry name ("jobs"), for logs and tests. */
const char    *jk_window_get_page_name       (JkWindow         *self);
void           jk_window_go_back             (JkWindow   *self);
void           jk_window_go_home             (JkWindow   *self);
/* Ends the visit now: every page reset, the session wiped, home shown. */
void           jk_window_finish_visit        (JkWindow   *self);
/* What Finish does: when the visit holds anything, asks "Clear everything
 * and start over?" first; then wipes and says so on home for a while. */
void           jk_window_ask_finish          (JkWindow   *self);
/* Answers the question on screen as "No" (Finish) or "more time" (the
 * idle warning); FALSE when none is shown. */
gboolean       jk_window_cancel_modal        (JkWindow   *self);
/* The question, and the notice on home afterwards (for tests). */
GtkWidget     *jk_window_get_finish_confirm  (JkWindow   *self);
GtkWidget     *jk_window_get_cleared_notice  (JkWindow   *self);

JkSession     *jk_window_get_session         (JkWindow   *self);
JkIdleMonitor *jk_window_get_idle_monitor    (JkWindow   *self);
/* The center's name in the top bar (staff changed it in Settings). */
void           jk_window_set_center_name     (JkWindow   *self,
                                              const char *center_name);
JkKeyboard    *jk_window_get_keyboard        (JkWindow   *self);
gboolean       jk_window_get_keyboard_shown  (JkWindow   *self);
GtkWidget     *jk_window_get_idle_warning    (JkWindow   *self);
/* The speech controls, shown while speech is on. */
GtkWidget     *jk_window_get_speech_bar      (JkWindow   *self);
/* The printer's health, shown small in the bottom bar on the pages that
 * offer printing, so a visitor knows before trying. */
void           jk_window_set_printer_badge   (JkWindow   *self,
                                              const char *text,
                                              gboolean    ready);
/* What the badge says when the printer cannot print, on a page that
 * shows it; NULL when it can, or the page shows no badge. */
const char    *jk_window_get_printer_problem (JkWindow   *self);
/* "Step 2 of 6" as shown now, or "" on a page without steps. */
const char    *jk_window_get_step_text       (JkWindow   *self);
/* The screen's title as shown now, in the visitor's language. */
const char    *jk_window_get_title_text      (JkWindow   *self);

G_END_DECLS
