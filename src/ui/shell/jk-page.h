/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <jobkiosk/jk-session.h>

G_BEGIN_DECLS

/* The base of every screen. The window calls enter when a page is shown,
 * leave when another replaces it, reset when a visit ends (the idle wipe or
 * "Finish"), and language_changed after the visitor switches language. */
#define JK_TYPE_PAGE (jk_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (JkPage, jk_page, JK, PAGE, GtkBox)

struct _JkPageClass
{
  GtkBoxClass parent_class;

  void (*enter)            (JkPage *self);
  void (*leave)            (JkPage *self);
  void (*reset)            (JkPage *self);
  void (*language_changed) (JkPage *self);
};

/* The screen's title in the top bar, untranslated (a msgid). */
const char  *jk_page_get_title             (JkPage     *self);
void         jk_page_set_title             (JkPage     *self,
                                            const char *title);
JkSession   *jk_page_get_session           (JkPage     *self);
void         jk_page_set_session           (JkPage     *self,
                                            JkSession  *session);

void         jk_page_enter                 (JkPage     *self);
void         jk_page_leave                 (JkPage     *self);
void         jk_page_reset                 (JkPage     *self);
void         jk_page_language_changed      (JkPage     *self);

/* What every page's template init calls last: record the .ui strings so a
 * language switch can translate them again. */
void         jk_page_init_strings          (JkPage     *self);

G_END_DECLS
