/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-training.h>

#include "shell/jk-page.h"

G_BEGIN_DECLS

/* Training programs: one program (opened with its id, an int64 GVariant:
 * the provider's address and phone, length, cost, credential, mode,
 * schedule, its outcomes in plain words and a QR code of its link), or a
 * list of them (a string: a SOC code, every program for that occupation
 * nearest first; or "short", the short programs that raise pay). */
#define JK_TYPE_PROGRAM_PAGE (jk_program_page_get_type ())
G_DECLARE_FINAL_TYPE (JkProgramPage, jk_program_page, JK, PROGRAM_PAGE, JkPage)

extern const JkPageInfo jk_program_page_info;

/* What a program's button says: its name and provider, then "4 weeks ·
 * $650 · Certificate · In person · 7 miles", then its outcomes. Opens the
 * program page from page. */
GtkWidget   *jk_program_page_new_button   (JkPage                  *page,
                                           const JkTrainingProgram *program);

/* For tests. */
gint64       jk_program_page_get_id       (JkProgramPage *self);
guint        jk_program_page_get_n_listed (JkProgramPage *self);

G_END_DECLS
