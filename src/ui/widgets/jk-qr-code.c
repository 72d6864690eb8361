/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-qr-code.c: a QR code on screen, encoded and drawn as on paper (jk-qr.h) */

#define G_LOG_DOMAIN "jk-qr-code"

#include <jobkiosk/jk-qr.h>

#include "jk-qr-code.h"

struct _JkQrCode
{
  GtkDrawingArea parent_instance;

  char *text;
  JkQrMatrix *code;
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
  modules = jk_qr_matrix_get_full_size (self->code);
  /* Whole pixels per module keep edges sharp for the phone's camera. */
  module_px = MAX (1, MIN (width, height) / modules);
  offset_x = (width - module_px * modules) / 2;
  offset_y = (height - module_px * modules) / 2;
  jk_qr_draw (cr, self->code, offset_x, offset_y, module_px * modules);
  return FALSE;
}

static void
jk_qr_code_finalize (GObject *object)
{
  JkQrCode *self = JK_QR_CODE (object);

  g_free (self->text);
  g_clear_pointer (&self->code, jk_qr_matrix_free);
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
  g_clear_pointer (&self->code, jk_qr_matrix_free);
  g_free (self->text);
  self->text = g_strdup (text);
  if (text != NULL && text[0] != '\0')
    self->code = jk_qr_encode (text, NULL);
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
  return self->code != NULL ? jk_qr_matrix_get_full_size (self->code) : 0;
}
