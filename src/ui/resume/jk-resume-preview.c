/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-resume-preview.c: a page of the resume as it will print */

#define G_LOG_DOMAIN "jk-resume-preview"

#include "jk-resume-preview.h"

struct _JkResumePreview
{
  GtkDrawingArea parent_instance;

  cairo_surface_t *page;
};

G_DEFINE_FINAL_TYPE (JkResumePreview, jk_resume_preview, GTK_TYPE_DRAWING_AREA)

/* US Letter: a page not yet drawn keeps its shape. */
#define DEFAULT_ASPECT (11.0 / 8.5)

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static gboolean
jk_resume_preview_draw (GtkWidget *widget,
                        cairo_t   *cr)
{
  JkResumePreview *self = JK_RESUME_PREVIEW (widget);
  double width = gtk_widget_get_allocated_width (widget);
  double height = gtk_widget_get_allocated_height (widget);
  double aspect = DEFAULT_ASPECT, page_w, page_h, x, y;

  if (self->page != NULL)
    aspect = (double) cairo_image_surface_get_height (self->page) / cairo_image_surface_get_width (self->page);
  page_w = MIN (width - 8, (height - 8) / aspect);
  page_h = page_w * aspect;
  x = (width - page_w) / 2;
  y = 4;
  /* Paper on the page's background, with a thin edge to show where it ends. */
  cairo_rectangle (cr, x, y, page_w, page_h);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  if (self->page != NULL)
    {
      double scale = page_w / cairo_image_surface_get_width (self->page);

      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, self->page, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
    }
  return FALSE;
}

static void
jk_resume_preview_finalize (GObject *object)
{
  JkResumePreview *self = JK_RESUME_PREVIEW (object);

  g_clear_pointer (&self->page, cairo_surface_destroy);
  G_OBJECT_CLASS (jk_resume_preview_parent_class)->finalize (object);
}

static void
jk_resume_preview_class_init (JkResumePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = jk_resume_preview_finalize;
  widget_class->draw = jk_resume_preview_draw;
}

static void
jk_resume_preview_init (JkResumePreview *self)
{
  gtk_widget_set_size_request (GTK_WIDGET (self), 300, 200);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

GtkWidget *
jk_resume_preview_new (void)
{
  return g_object_new (JK_TYPE_RESUME_PREVIEW, "visible", TRUE, NULL);
}

void
jk_resume_preview_set_page (JkResumePreview *self,
                            gpointer         surface)
{
  g_clear_pointer (&self->page, cairo_surface_destroy);
  self->page = surface;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
jk_resume_preview_get_width (JkResumePreview *self,
                             double           page_aspect)
{
  int width = gtk_widget_get_allocated_width (GTK_WIDGET (self));
  int height = gtk_widget_get_allocated_height (GTK_WIDGET (self));

  if (page_aspect <= 0)
    page_aspect = DEFAULT_ASPECT;
  /* Drawn at the size shown (and at least readable when zoomed in a screenshot). */
  return MAX (200, (int) MIN (width - 8, (height - 8) / page_aspect));
}
