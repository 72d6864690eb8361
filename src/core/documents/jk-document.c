/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-document.c: a rendered printout: its PDF, its pages for a preview, and saving it */

#define G_LOG_DOMAIN "jk-document"

#include <cairo.h>
#include <cairo-pdf.h>
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
  &jk_document_resume,
  &jk_document_resume_slip,
  &jk_document_checkin_slip,
  &jk_document_referral_slip,
  &jk_document_usage_report,
  &jk_document_test_page,
  &jk_document_interest_sheet,
  &jk_document_program_sheet,
  &jk_document_service_slip,
  &jk_document_typing_sheet,
  &jk_document_orientation,
};

struct _JkDocument
{
  const char *kind;
  char *title;
  double width;
  double height;
  GPtrArray *pages;   /* cairo_surface_t *: one recording surface per page */
  GBytes *pdf;        /* NULL until written: a preview needs only the pages */
};

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Replays the recorded pages into one PDF in memory; Cairo embeds the
 * fonts and keeps the text as text. */
static GBytes *
write_pdf (GPtrArray  *pages,
           double      width,
           double      height,
           const char *title,
           GError    **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Job Kiosk");
  for (guint i = 0; i < pages->len; i++)
    {
      cairo_set_source_surface (cr, pages->pdata[i], 0, 0);
      cairo_paint (cr);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      jk_document_set_render_error (error, status);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static gboolean
ensure_pdf (JkDocument  *self,
            GError     **error)
{
  if (self->pdf == NULL)
    self->pdf = write_pdf (self->pages, self->width, self->height, self->title, error);
  return self->pdf != NULL;
}

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
jk_document_render_pages (const JkDocumentKind    *kind,
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
jk_document_render (const JkDocumentKind    *kind,
                    const JkDocumentContext *context,
                    gconstpointer            input,
                    GError                 **error)
{
  g_autoptr (JkDocument) document = jk_document_render_pages (kind, context, input, error);

  /* The PDF is written here, on the render thread, so the print flow
   * hands over bytes that are ready. */
  if (document == NULL || !ensure_pdf (document, error))
    return NULL;
  return g_steal_pointer (&document);
}

JkDocumentRequest *
jk_document_request_new (const JkDocumentKind    *kind,
                         gconstpointer            input,
                         const JkDocumentContext *context)
{
  JkDocumentRequest *request = g_new0 (JkDocumentRequest, 1);

  request->kind = kind;
  request->input = kind->copy_input (input);
  request->context = *context;
  request->context.center_name = g_strdup (context->center_name);
  request->context.language = g_strdup (context->language);
  request->context.printed_at = context->printed_at != NULL ? g_date_time_ref (context->printed_at) : NULL;
  return request;
}

JkDocument *
jk_document_request_render (const JkDocumentRequest *request,
                            GError                 **error)
{
  return jk_document_render (request->kind, &request->context, request->input, error);
}

char *
jk_document_request_render_text (const JkDocumentRequest *request)
{
  return jk_document_render_text (request->kind, &request->context, request->input);
}

void
jk_document_request_free (JkDocumentRequest *request)
{
  if (request == NULL)
    return;
  request->kind->free_input (request->input);
  g_free ((char *) request->context.center_name);
  g_free ((char *) request->context.language);
  g_clear_pointer (&request->context.printed_at, g_date_time_unref);
  g_free (request);
}

JkDocument *
jk_document_new (const char *kind,
                 const char *title,
                 double      width,
                 double      height,
                 GPtrArray  *pages)
{
  JkDocument *self = g_new0 (JkDocument, 1);

  self->kind = kind;
  self->title = g_strdup (title);
  self->width = width;
  self->height = height;
  self->pages = pages;
  return self;
}

void
jk_document_set_render_error (GError         **error,
                              cairo_status_t   status)
{
  g_warning ("Could not render a document: %s", cairo_status_to_string (status));
  g_set_error_literal (error, JK_DOCUMENT_ERROR, JK_DOCUMENT_ERROR_RENDER,
                       _("The page could not be made ready to print."));
}

GBytes *
jk_document_get_pdf (JkDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  ensure_pdf (self, NULL);
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

  if (!ensure_pdf (self, error))
    return FALSE;
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
  g_free (self->title);
  g_free (self);
}
