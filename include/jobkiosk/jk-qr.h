/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define JK_QR_ERROR (jk_qr_error_quark ())

typedef enum {
  JK_QR_ERROR_EMPTY,     /* nothing to encode */
  JK_QR_ERROR_TOO_LONG,  /* more than the largest QR code holds */
} JkQrError;

/* White modules around the code on every side, as ISO/IEC 18004 asks:
 * jk_qr_draw() always draws them. */
#define JK_QR_QUIET_ZONE 4

/* One QR code, the same on screen and on paper. */
typedef struct {
  int     size;      /* modules per side, without the quiet zone */
  guint8 *modules;   /* size × size, row by row: 1 dark, 0 light */
} JkQrMatrix;

GQuark       jk_qr_error_quark          (void);

/* Encodes text (a web address, usually) with the kiosk's one choice of
 * error correction; NULL with error set when it cannot. */
JkQrMatrix  *jk_qr_encode               (const char       *text,
                                         GError          **error);
/* Modules per side including the quiet zone on both sides. */
int          jk_qr_matrix_get_full_size (const JkQrMatrix *matrix);
void         jk_qr_matrix_free          (JkQrMatrix       *matrix);

/* Draws the code with its quiet zone as a white square of `size` at x, y:
 * dark modules as one fill, a row's run of modules one rectangle, so no
 * hairlines show between them. On screen, pass whole pixels per module. */
void         jk_qr_draw                 (cairo_t          *cr,
                                         const JkQrMatrix *matrix,
                                         double            x,
                                         double            y,
                                         double            size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkQrMatrix, jk_qr_matrix_free)

G_END_DECLS
