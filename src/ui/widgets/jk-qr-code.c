/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-qr-code.c: drawing a QR code with libqrencode */

#define G_LOG_DOMAIN "jk-qr-code"

#include <qrencode.h>

#include "jk-qr-code.h"

#define QUIET_ZONE 4 /* modules of white around the code (ISO/IEC 18004) */

struct _JkQrCode
{
  GtkDrawingArea parent_instance;

  char *text;
  QRcode *code;
};

G_DEFINE_FINAL_TYPE (JkQrCode, jk_qr_code, GTK_TYPE_DRAWING_AREA)

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static gboolean
jk_qr_code_draw (GtkWidget *widget,
                 cairo_t   *cr)
{
  JkQrCode *self = JK_QR_CODE (widget);
  int width = gtk_widget_get_allocated_width (widget);
  int height = gtk_widget_get_allocated_height (widget);
  int modules, module_px, offset_x, offset_y;

  if (self->code == NULL)
    return FALSE;
  modules = self->code->width + 2 * QUIET_ZONE;
  /* Whole pixels per module keep edges sharp for the phone's camera. */
  module_px = MAX (1, MIN (width, height) / modules);
  offset_x = (width - module_px * modules) / 2;
  offset_y = (height - module_px * modules) / 2;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, offset_x, offset_y, module_px * modules, module_px * modules);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int y = 0; y < self->code->width; y++)
    for (int x = 0; x < self->code->width; x++)
      if (self->code->data[y * self->code->width + x] & 1)
        cairo_rectangle (cr, offset_x + (x + QUIET_ZONE) * module_px, offset_y + (y + QUIET_ZONE) * module_px,
                         module_px, module_px);
  cairo_fill (cr);
  return FALSE;
}

static void
jk_qr_code_finalize (GObject *object)
{
  JkQrCode *self = JK_QR_CODE (object);

  g_free (self->text);
  g_clear_pointer (&self->code, QRcode_free);
  G_OBJECT_CLASS (jk_qr_code_parent_class)->finalize (object);
}

static void
jk_qr_code_class_init (JkQrCodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = jk_qr_code_finalize;
  widget_class->draw = jk_qr_code_draw;
  gtk_widget_class_set_css_name (widget_class, "jkqrcode");
}

static void
jk_qr_code_init (JkQrCode *self)
{
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

GtkWidget *
jk_qr_code_new (void)
{
  return g_object_new (JK_TYPE_QR_CODE, NULL);
}

gboolean
jk_qr_code_set_text (JkQrCode   *self,
                     const char *text)
{
  g_clear_pointer (&self->code, QRcode_free);
  g_free (self->text);
  self->text = g_strdup (text);
  if (text != NULL && text[0] != '\0')
    self->code = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return self->code != NULL;
}

const char *
jk_qr_code_get_text (JkQrCode *self)
{
  return self->text;
}

int
jk_qr_code_get_size (JkQrCode *self)
{
  return self->code != NULL ? self->code->width + 2 * QUIET_ZONE : 0;
}
