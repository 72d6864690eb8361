/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-qr.c: QR codes for the screen and for paper, encoded one way with libqrencode */

#define G_LOG_DOMAIN "jk-qr"

#include <errno.h>
#include <jobkiosk/jk-i18n.h>
#include <qrencode.h>
#include <string.h>

#include "jobkiosk/jk-qr.h"

/* Error correction M (about 15% of the code can be lost) on screen and on
 * paper alike. Kiosk printouts get folded through the code, streaked by a
 * tired toner cartridge and scanned under glare, and the screen reflects
 * the room's lights: L (7%) fails first there. Q and H cost too much for
 * long links: a 300-character tracking link is version 11 (61 modules a
 * side) at L, 13 (69) at M, 16 (81) at Q and 18 (89) at H, and in the
 * same square smaller modules are what a phone at arm's length misses. */
#define EC_LEVEL QR_ECLEVEL_M

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

G_DEFINE_QUARK (jk-qr-error-quark, jk_qr_error)

JkQrMatrix *
jk_qr_encode (const char  *text,
              GError     **error)
{
  QRcode *code;
  JkQrMatrix *matrix;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL || text[0] == '\0')
    {
      g_set_error_literal (error, JK_QR_ERROR, JK_QR_ERROR_EMPTY, _("There is no address to make a QR code of."));
      return NULL;
    }
  /* Version 0: the smallest that holds the text. Case-sensitive 8-bit with
   * digit and upper-case runs in their denser modes, as libqrencode picks. */
  code = QRcode_encodeString (text, 0, EC_LEVEL, QR_MODE_8, 1);
  if (code == NULL)
    {
      g_debug ("No QR code for a %zu-byte text: %s", strlen (text), g_strerror (errno));
      g_set_error_literal (error, JK_QR_ERROR, JK_QR_ERROR_TOO_LONG, _("This address is too long for a QR code."));
      return NULL;
    }

  matrix = g_new0 (JkQrMatrix, 1);
  matrix->size = code->width;
  matrix->modules = g_malloc ((gsize) code->width * code->width);
  for (int i = 0; i < code->width * code->width; i++)
    matrix->modules[i] = code->data[i] & 1;
  QRcode_free (code);
  return matrix;
}

int
jk_qr_matrix_get_full_size (const JkQrMatrix *matrix)
{
  g_return_val_if_fail (matrix != NULL, 0);
  return matrix->size + 2 * JK_QR_QUIET_ZONE;
}

void
jk_qr_matrix_free (JkQrMatrix *matrix)
{
  if (matrix == NULL)
    return;
  g_free (matrix->modules);
  g_free (matrix);
}

void
jk_qr_draw (cairo_t          *cr,
            const JkQrMatrix *matrix,
            double            x,
            double            y,
            double            size)
{
  int n;
  double module;

  g_return_if_fail (cr != NULL && matrix != NULL);

  n = matrix->size;
  module = size / jk_qr_matrix_get_full_size (matrix);
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int row = 0; row < n; row++)
    {
      int col = 0;

      while (col < n)
        {
          int start;

          if (!matrix->modules[row * n + col])
            {
              col++;
              continue;
            }
          start = col;
          while (col < n && matrix->modules[row * n + col])
            col++;
          cairo_rectangle (cr,
                           x + (JK_QR_QUIET_ZONE + start) * module,
                           y + (JK_QR_QUIET_ZONE + row) * module,
                           (col - start) * module, module);
        }
    }
  cairo_fill (cr);
  cairo_restore (cr);
}
