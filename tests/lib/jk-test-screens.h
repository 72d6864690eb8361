/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <jobkiosk/jk-clock.h>

#include "shell/jk-window.h"
#include "jk-test-ui-util.h"

G_BEGIN_DECLS

/* The kiosk's screens as the measuring tests (test-fit, test-keys) reach
 * them, each from a fresh visit, so every screen is held to every check. */
typedef struct {
  const char *name;      /* "home", "search-results", … as in the screenshots' names */
  void (*reach) (JkWindow *window, JkClock *clock, gconstpointer data);
  gconstpointer data;
  /* Undoes what reach left over the window (the idle warning), or NULL. */
  void (*leave) (JkWindow *window);
  gboolean speech;       /* also measured with speech on (the speech bar shown) */
} JkTestScreen;

const JkTestScreen *jk_test_screens          (guint       *n_screens);

/* The kiosk as the measuring tests run it: the demo feed synced as of a
 * fixed morning on clock (made here, a fake one), no printer (a closed
 * port on loopback answers at once), JK_FIT_EXTRA_CSS laid over the style,
 * the window shown at 1920x1080. */
void                jk_test_screens_start    (JkTestKiosk *kiosk,
                                              const char  *dir_template,
                                              JkClock    **clock);
void                jk_test_screens_stop     (JkTestKiosk *kiosk,
                                              JkClock     *clock);

/* Speech on or off as the visitor's Listen does it (the speech bar shows
 * while it is on); waits until drawn. */
void                jk_test_screens_speech   (JkTestKiosk *kiosk,
                                              gboolean     on);

G_END_DECLS
