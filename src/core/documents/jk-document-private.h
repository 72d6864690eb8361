/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jobkiosk/jk-document.h"

G_BEGIN_DECLS

#include <cairo.h>

/* A document from its pages (cairo recording surfaces, in points); takes
 * them. kind is a static string; title goes into the PDF's metadata. The
 * PDF is written when first asked for. */
JkDocument  *jk_document_new                (const char  *kind,
                                             const char  *title,
                                             double       width,
                                             double       height,
                                             GPtrArray   *pages);
void         jk_document_set_render_error   (GError         **error,
                                             cairo_status_t   status);

G_END_DECLS
