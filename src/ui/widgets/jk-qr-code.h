/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A QR code a phone can scan from arm's length: black modules on white
 * with the quiet zone the standard asks for, as large as it is given. */
#define JK_TYPE_QR_CODE (jk_qr_code_get_type ())
G_DECLARE_FINAL_TYPE (JkQrCode, jk_qr_code, JK, QR_CODE, GtkDrawingArea)

GtkWidget   *jk_qr_code_new          (void);
/* Encodes text; FALSE (and nothing drawn) when it cannot be encoded. */
gboolean     jk_qr_code_set_text     (JkQrCode   *self,
                                      const char *text);
const char  *jk_qr_code_get_text     (JkQrCode   *self);
/* Modules per side including the quiet zone, 0 when empty. */
int          jk_qr_code_get_size     (JkQrCode   *self);

G_END_DECLS
