/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A Letter PDF made with cairo, each of its pages with text pdftotext can
 * read: title, then second_line (unless NULL) below it, and "Page N of M"
 * at the foot. */
GBytes      *jk_test_make_pdf            (guint       pages,
                                          const char *title,
                                          const char *second_line);

G_END_DECLS
