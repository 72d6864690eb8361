/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <jobkiosk/jk-clock.h>
#include <jobkiosk/jk-config.h>
#include <jobkiosk/jk-store.h>

#include <jobkiosk/jk-refresher.h>
#include <jobkiosk/jk-speech.h>

#include "jobs/jk-feed-status.h"
#include "print/jk-print-flow.h"
#include "print/jk-print-page.h"
#include "jk-window.h"

G_BEGIN_DECLS

#define JK_TYPE_APPLICATION (jk_application_get_type ())
G_DECLARE_FINAL_TYPE (JkApplication, jk_application, JK, APPLICATION, GtkApplication)

typedef struct {
  gboolean kiosk_mode;
  gboolean quit_after_first_frame; /* for the start-up benchmark */
  JkSpeaker *speaker;              /* NULL: speech-dispatcher; tests pass a recorder */
} JkApplicationOptions;

/* Takes ownership of config and store. */
JkApplication *jk_application_new            (JkConfig                   *config,
                                              JkStore                    *store,
                                              JkClock                    *clock,
                                              const JkApplicationOptions *options);
/* Builds the kiosk window with all its pages (activate calls this). */
JkWindow      *jk_application_create_window  (JkApplication *self);
/* Starts keeping the job listings fresh in the background (activate does). */
void           jk_application_start_refresh  (JkApplication *self);
JkRefresher   *jk_application_get_refresher  (JkApplication *self);
JkFeedStatus  *jk_application_get_feed_status (JkApplication *self);
/* The page every printout passes through, and the flow behind it. */
JkPrintPage   *jk_application_get_print_page (JkApplication *self);
JkPrintFlow   *jk_application_get_print_flow (JkApplication *self);
/* The main connection (its path for a worker's own). */
JkStore       *jk_application_get_store      (JkApplication *self);
/* "Email it to me" and the outbox's retries. */
JkMailFlow    *jk_application_get_mail_flow  (JkApplication *self);
/* The visit's speech (on, off, rate, volume, what is said). */
JkSpeech      *jk_application_get_speech     (JkApplication *self);
/* Loads the kiosk's style sheets for the default screen. */
void           jk_application_load_style     (void);

G_END_DECLS
