/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-document.h>

#include "shell/jk-page.h"

G_BEGIN_DECLS

/* Every printout passes here: it is rendered off the main loop, shown as a
 * preview with its page count, and printed with one touch. Emits
 * "print-requested" with the JkDocument (pointer) when Print is touched;
 * whoever prints reports back with jk_print_page_set_status. */
#define JK_TYPE_PRINT_PAGE (jk_print_page_get_type ())
G_DECLARE_FINAL_TYPE (JkPrintPage, jk_print_page, JK, PRINT_PAGE, JkPage)

/* Renders one printout in a worker thread. */
typedef JkDocument *(*JkRenderFunc) (gpointer  data,
                                     GError  **error);

JkPage      *jk_print_page_new           (void);
/* Starts rendering; the preview appears when it is done. Takes data. */
void         jk_print_page_render        (JkPrintPage    *self,
                                          JkRenderFunc    render,
                                          gpointer        data,
                                          GDestroyNotify  free_data);
JkDocument  *jk_print_page_get_document  (JkPrintPage    *self);
gboolean     jk_print_page_is_rendering  (JkPrintPage    *self);
/* Whether Print can be touched, and the line under the preview. */
void         jk_print_page_set_can_print (JkPrintPage    *self,
                                          gboolean        can_print);
void         jk_print_page_set_status    (JkPrintPage    *self,
                                          const char     *text);

G_END_DECLS
