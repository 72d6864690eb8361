/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jobkiosk/jk-document.h"

G_BEGIN_DECLS

/* A document from its pages (cairo recording surfaces, in points) and the
 * PDF made from them; takes both. kind is a static string. */
JkDocument  *jk_document_new                (const char  *kind,
                                             double       width,
                                             double       height,
                                             GPtrArray   *pages,
                                             GBytes      *pdf);

G_END_DECLS
