/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-document.c: a rendered printout: its PDF, its pages for a preview, and saving it */

#define G_LOG_DOMAIN "jk-document"

#include <cairo.h>
#include <jobkiosk/jk-i18n.h>
#include <math.h>

#include "documents/jk-document-private.h"

#define MAX_PREVIEW_WIDTH 8192

/* Every kind of printout the kiosk can make. */
static const JkDocumentKind *const kinds[] = {
  &jk_document_job_sheet,
  &jk_document_job_list,
  &jk_document_search_log,
  &jk_document_career_sheet,
};

struct _JkDocument
{
  const char *kind;
  double width;
  double height;
  GPtrArray *pages;   /* cairo_surface_t *: one recording surface per page */
  GBytes *pdf;
};

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

G_DEFINE_QUARK (jk-document-error-quark, jk_document_error)

const JkDocumentKind *
jk_document_kind_lookup (const char *id)
{
  for (gsize i = 0; id != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i]->id, id))
      return kinds[i];
  return NULL;
}

JkDocument *
jk_document_render (const JkDocumentKind    *kind,
                    const JkDocumentContext *context,
                    gconstpointer            input,
                    GError                 **error)
{
  JkDocument *document;

  /* Any thread may render: its words come in the visitor's language
   * whatever the kiosk shows meanwhile. */
  jk_i18n_set_thread_language (context->language);
  document = kind->render (context, input, error);
  jk_i18n_set_thread_language (NULL);
  return document;
}

char *
jk_document_render_text (const JkDocumentKind    *kind,
                         const JkDocumentContext *context,
                         gconstpointer            input)
{
  char *text;

  if (kind->render_text == NULL)
    return NULL;
  jk_i18n_set_thread_language (context->language);
  text = kind->render_text (context, input);
  jk_i18n_set_thread_language (NULL);
  return text;
}

JkDocument *
jk_document_new (const char *kind,
                 double      width,
                 double      height,
                 GPtrArray  *pages,
                 GBytes     *pdf)
{
  JkDocument *self = g_new0 (JkDocument, 1);

  self->kind = kind;
  self->width = width;
  self->height = height;
  self->pages = pages;
  self->pdf = pdf;
  return self;
}

GBytes *
jk_document_get_pdf (JkDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->pdf;
}

guint
jk_document_get_n_pages (JkDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages->len;
}

const char *
jk_document_get_kind (JkDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->kind;
}

gboolean
jk_document_save (JkDocument  *self,
                  const char  *path,
                  GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  gsize size;
  const guint8 *data;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = g_bytes_get_data (self->pdf, &size);
  /* Owner-only: a job-search log carries the visitor's name. */
  if (!g_file_set_contents_full (path, (const char *) data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &local_error))
    {
      g_set_error (error, JK_DOCUMENT_ERROR, JK_DOCUMENT_ERROR_WRITE,
                   _("Could not save the printout: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

gpointer
jk_document_render_preview (JkDocument *self,
                            guint       page,
                            int         width)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int height;

  g_return_val_if_fail (self != NULL, NULL);
  if (page >= self->pages->len || width <= 0 || width > MAX_PREVIEW_WIDTH)
    return NULL;

  height = (int) ceil (width * self->height / self->width);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, width / self->width, width / self->width);
  cairo_set_source_surface (cr, self->pages->pdata[page], 0, 0);
  cairo_paint (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_warning ("Could not draw a preview: %s", cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      return NULL;
    }
  return surface;
}

void
jk_document_free (JkDocument *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_free (self);
}
