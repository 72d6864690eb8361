/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <jobkiosk/jk-speaker-recorder.h>
#include <jobkiosk/jk-sync.h>

#include "jobs/jk-search-page.h"
#include "shell/jk-application.h"

G_BEGIN_DECLS

/* Shared by the UI tests: wait for drawing, find widgets as a screen
 * reader would (by accessible name), save screenshots. */
void         jk_test_wait_drawn        (GtkWidget  *window);
void         jk_test_run_for           (guint       milliseconds);
/* The window's "Find a job" page, and (for jk_test_wait_until, with the
 * window as data) whether it has no search running or waiting. */
JkSearchPage *jk_test_search_page      (JkWindow   *window);
gboolean     jk_test_search_idle       (gpointer    window);
/* For jk_test_wait_until: with the application as data, whether its
 * print page has finished rendering; with the window, whether its Print
 * button is there and can be pressed. */
gboolean     jk_test_print_rendered    (gpointer    app);
gboolean     jk_test_print_ready       (gpointer    window);
/* Shows the window at this size (its default) and waits until drawn. */
void         jk_test_show_window       (JkWindow   *window,
                                        int         width,
                                        int         height);
/* Resizes the window as a screen of that size would, and waits until drawn. */
void         jk_test_resize            (GtkWidget  *window,
                                        int         width,
                                        int         height);
GtkWidget   *jk_test_find_by_name      (GtkWidget  *root,
                                        const char *accessible_name);
GtkWidget   *jk_test_find_by_type      (GtkWidget  *root,
                                        GType       type);
void         jk_test_screenshot        (GtkWidget  *window,
                                        const char *name);
void         jk_test_require_display   (void);
/* A visible label showing exactly text, or NULL. */
GtkLabel    *jk_test_find_label        (GtkWidget  *root,
                                        const char *text);
/* Clicks the visible, sensitive button with this accessible name (fails
 * the test if none) as gtk_button_clicked() does, then lets 20 ms of the
 * main loop run. */
void         jk_test_click             (GtkWidget  *root,
                                        const char *accessible_name);
/* A primary-button press and release in the middle of button, delivered
 * through its own gesture as real pointer events are (focus and grabs
 * follow, unlike jk_test_click); then runs what is pending. */
void         jk_test_click_widget      (GtkWidget  *button);
/* One GDK_BUTTON_PRESS or GDK_BUTTON_RELEASE of that click (for holding a
 * button down). */
void         jk_test_send_button_event (GtkWidget    *button,
                                        GdkEventType  type);
/* A key pressed and released on the window, delivered as a keyboard's
 * are (the window's key handlers, then the focused widget); then runs
 * what is pending. */
void         jk_test_press_key         (GtkWidget    *window,
                                        guint         keyval);
/* Ends the visit as "Finish" does (no question) and waits until the
 * window is home with a pristine session and no search running: how
 * every UI test case starts. */
void         jk_test_fresh_visit       (JkWindow   *window);
/* Runs the main loop until done() says so, failing after timeout_ms. */
void         jk_test_wait_until        (gboolean  (*done) (gpointer),
                                        gpointer    data,
                                        guint       timeout_ms);

/* The kiosk as the UI tests run it, out of kiosk mode: a fresh database in
 * a private folder, the configuration jk_config_load () finds, the clock
 * given; the application registered, its style loaded, its window made but
 * not shown. */
typedef struct {
  JkApplication *app;
  JkWindow      *window;
  JkConfig      *config;     /* the application's */
  JkStore       *store;      /* the application's */
  char          *state_dir;  /* the folder the database is in */
  JkSpeakerRecorder *speaker; /* what the kiosk says, written down */
} JkTestKiosk;

/* dir_template names the folder, as for g_dir_make_tmp (). */
void         jk_test_kiosk_start       (JkTestKiosk *kiosk,
                                        const char  *dir_template,
                                        JkClock     *clock);
/* Syncs source (NULL: the one source the kiosk's configuration names, the
 * demo feed) into the kiosk's database as of now, and returns how many
 * postings are active; fails the test on any error. */
gint64       jk_test_kiosk_sync        (JkTestKiosk    *kiosk,
                                        const JkSource *source,
                                        gint64          now);

G_END_DECLS
