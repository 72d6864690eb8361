/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <jobkiosk/jk-search.h>

G_BEGIN_DECLS

/* One result in the list, two lines: the title and the pay; the employer
 * with when it was posted and when it closes, and the place (or "Remote",
 * "Place not given"). Feed text is escaped, never read as markup. Compact
 * (while the visitor types) shows the first line only. */
#define JK_TYPE_JOB_CARD (jk_job_card_get_type ())
G_DECLARE_FINAL_TYPE (JkJobCard, jk_job_card, JK, JOB_CARD, GtkListBoxRow)

/* Takes record. */
GtkWidget         *jk_job_card_new        (JkJobRecord *record,
                                           GDateTime   *now);
const JkJobRecord *jk_job_card_get_record (JkJobCard   *self);
void               jk_job_card_set_compact (JkJobCard  *self,
                                           gboolean    compact);
/* A button at the card's end (My list's "Remove"): touching it does not
 * open the job. */
void               jk_job_card_add_action (JkJobCard  *self,
                                           GtkWidget  *action);
/* The place as the card says it, in the language of when it was made. */
const char        *jk_job_card_get_place  (JkJobCard   *self);

G_END_DECLS
