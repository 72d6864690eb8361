/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-interests.h>

#include "shell/jk-page.h"

G_BEGIN_DECLS

/* "What kind of work would suit me?": the interest quiz one card at a time
 * (I'd like it, Not sure, Not for me; Back; See my results at any time),
 * then the areas the visitor likes in words and the occupations whose
 * O*NET interest profile fits, grouped by how much preparation they need,
 * each with pay here and the jobs open now, opening its occupation page.
 * Printable as "My interests"; the answers go with the visit. */
#define JK_TYPE_INTERESTS_PAGE (jk_interests_page_get_type ())
G_DECLARE_FINAL_TYPE (JkInterestsPage, jk_interests_page, JK, INTERESTS_PAGE, JkPage)

extern const JkPageInfo jk_interests_page_info;

/* For tests: the card showing (0-based; the number of cards once all are
 * answered), whether the results are being worked out, the results shown
 * (NULL on the cards), the rows of the results (group headings too). */
guint        jk_interests_page_get_index  (JkInterestsPage *self);
guint        jk_interests_page_get_n_answered (JkInterestsPage *self);
gboolean     jk_interests_page_is_busy    (JkInterestsPage *self);
const JkInterestResult *jk_interests_page_get_result (JkInterestsPage *self);
GtkListBox  *jk_interests_page_get_list   (JkInterestsPage *self);

G_END_DECLS
