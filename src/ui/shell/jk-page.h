/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <jobkiosk/jk-session.h>
#include <jobkiosk/jk-speech.h>
#include <jobkiosk/jk-task.h>

#include "jk-page-info.h"

G_BEGIN_DECLS

/* The base of every screen. The window calls prepare (with what the page
 * is opened for) and enter when a page is shown, leave when another
 * replaces it, reset when a visit ends (the idle wipe or "Finish"), and
 * language_changed after the visitor switches language. */
#define JK_TYPE_PAGE (jk_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (JkPage, jk_page, JK, PAGE, GtkBox)

struct _JkPageClass
{
  GtkBoxClass parent_class;

  /* FALSE: the page cannot be shown for this argument (a job gone). */
  gboolean (*prepare)          (JkPage   *self,
                                GVariant *argument);
  void     (*enter)            (JkPage   *self);
  void     (*leave)            (JkPage   *self);
  void     (*reset)            (JkPage   *self);
  void     (*language_changed) (JkPage   *self);
};

/* Blocking work a page runs on a worker thread; done runs on the main
 * thread, and never once the page was left or the visit wiped. */
typedef JkTaskWorkFunc JkPageWorkFunc;
typedef void (*JkPageDoneFunc) (JkPage       *page,
                                gpointer      data,
                                const GError *error);

/* The screen's title in the top bar, untranslated (a msgid). */
const char       *jk_page_get_title        (JkPage           *self);
void              jk_page_set_title        (JkPage           *self,
                                            const char       *title);
/* What the screen asks of the visitor, untranslated (a msgid): spoken
 * after the title when the screen is entered with speech on ("What kind
 * of work? Type a word, or press Down to hear the choices."). */
const char       *jk_page_get_prompt       (JkPage           *self);
void              jk_page_set_prompt       (JkPage           *self,
                                            const char       *prompt);
/* Speech for the visit (the window sets it); jk_page_say does nothing
 * while speech is off. A page says its status and errors with it, and
 * what it shows when it arrives (a count, the results, a job's details). */
JkSpeech         *jk_page_get_speech       (JkPage           *self);
void              jk_page_set_speech       (JkPage           *self,
                                            JkSpeech         *speech);
void              jk_page_say              (JkPage           *self,
                                            const char       *text,
                                            JkSpeakMode       mode);
/* Whether speech is on: a page may skip composing what nobody hears. */
gboolean          jk_page_is_speaking      (JkPage           *self);
JkSession        *jk_page_get_session      (JkPage           *self);
void              jk_page_set_session      (JkPage           *self,
                                            JkSession        *session);
const JkPageInfo *jk_page_get_info         (JkPage           *self);
void              jk_page_set_info         (JkPage           *self,
                                            const JkPageInfo *info);
/* "Step 2 of 6" in the top bar; 0 steps shows none. */
void              jk_page_set_step         (JkPage           *self,
                                            guint             step,
                                            guint             n_steps);
guint             jk_page_get_step         (JkPage           *self);
guint             jk_page_get_n_steps      (JkPage           *self);

/* The page's one main action (Search, Print, "Add to my log"): kept in
 * view, given the accent, and what Enter on the last field does. */
void              jk_page_set_main_action  (JkPage           *self,
                                            GtkWidget        *action);
GtkWidget        *jk_page_get_main_action  (JkPage           *self);
/* Asks the window to show another page (the "navigate" signal). */
void              jk_page_navigate         (JkPage           *self,
                                            const JkPageInfo *target,
                                            GVariant         *argument);
/* The same, in place of this page, so Back skips it (a form just sent). */
void              jk_page_replace          (JkPage           *self,
                                            const JkPageInfo *target);
/* Runs work (GTask in a thread) for this page; leaving the page or the
 * wipe cancels it. data is freed with free_data once both have run. */
void              jk_page_run              (JkPage           *self,
                                            const char       *name,
                                            JkPageWorkFunc    work,
                                            JkPageDoneFunc    done,
                                            gpointer          data,
                                            GDestroyNotify    free_data);
/* Cancels the page's work now (a newer search replaces an older one). */
void              jk_page_cancel_work      (JkPage           *self);

gboolean          jk_page_prepare          (JkPage           *self,
                                            GVariant         *argument);
void              jk_page_enter            (JkPage           *self);
void              jk_page_leave            (JkPage           *self);
void              jk_page_reset            (JkPage           *self);
void              jk_page_language_changed (JkPage           *self);

/* What every page's template init calls last: record the .ui strings so a
 * language switch can translate them again. */
void              jk_page_init_strings     (JkPage           *self);

/* A label of text (already translated) added at the end of box, left
 * aligned and wrapping, with style_class (or NULL): how pages that build
 * their content in code (a program, an occupation, a service) add a line. */
GtkWidget        *jk_page_add_label        (GtkBox           *box,
                                            const char       *text,
                                            const char       *style_class);

G_END_DECLS
