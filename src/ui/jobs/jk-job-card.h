/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <jobkiosk/jk-search.h>

G_BEGIN_DECLS

/* One result in the list: title, employer, place, pay, when posted and
 * when it closes. Every text is set as plain text, never as markup. */
#define JK_TYPE_JOB_CARD (jk_job_card_get_type ())
G_DECLARE_FINAL_TYPE (JkJobCard, jk_job_card, JK, JOB_CARD, GtkListBoxRow)

/* Takes record. */
GtkWidget         *jk_job_card_new        (JkJobRecord *record,
                                           GDateTime   *now);
const JkJobRecord *jk_job_card_get_record (JkJobCard   *self);

G_END_DECLS
