/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-orientation.h>

#include "shell/jk-page.h"

G_BEGIN_DECLS

/* About this center: the center's orientation pages (jk-orientation.h) in
 * the visit's language, first as a list of big buttons, then one page
 * drawn natively (headings, paragraphs, lists, pictures scaled to fit)
 * with "All pages" and "Print this page". Opened with no argument: the
 * list; with a string: that page's file name ("01-offer.md"). A switch
 * of language shows the same page from the other language's folder. The
 * files are read on the page's worker (jk_page_run); what was shown stays
 * until the read is done. */
#define JK_TYPE_ORIENTATION_PAGE (jk_orientation_page_get_type ())
G_DECLARE_FINAL_TYPE (JkOrientationPage, jk_orientation_page, JK, ORIENTATION_PAGE, JkPage)

extern const JkPageInfo jk_orientation_page_info;

/* For tests: the page shown ("01-offer.md"), NULL for the list; the
 * folder it was read from; how many pictures are showing. */
const char  *jk_orientation_page_get_shown    (JkOrientationPage *self);
const char  *jk_orientation_page_get_folder   (JkOrientationPage *self);
guint        jk_orientation_page_get_n_images (JkOrientationPage *self);
/* Whether a read (the list or a page, on the page's worker) is still to
 * show: a test waits until it is not. */
gboolean     jk_orientation_page_is_loading   (JkOrientationPage *self);

G_END_DECLS
