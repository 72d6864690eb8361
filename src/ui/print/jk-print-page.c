/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-print-page.c: preview and print */

#define G_LOG_DOMAIN "jk-print-page"

#include <jobkiosk/jk-i18n.h>

#include "jk-print-page.h"

#define PREVIEW_WIDTH 420
#define MAX_PREVIEW_PAGES 4

struct _JkPrintPage
{
  JkPage parent_instance;

  GtkLabel *summary_label;
  GtkBox *pages_box;
  GtkSpinner *spinner;
  GtkLabel *status_label;
  GtkWidget *print_button;

  JkDocument *document;
  GCancellable *cancellable;
  gboolean can_print;
};

typedef struct {
  JkRenderFunc render;
  gpointer data;
  GDestroyNotify free_data;
} RenderJob;

enum {
  SIGNAL_PRINT_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JkPrintPage, jk_print_page, JK_TYPE_PAGE)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
render_job_free (RenderJob *job)
{
  if (job->free_data != NULL)
    job->free_data (job->data);
  g_free (job);
}

static void
clear_preview (JkPrintPage *self)
{
  GList *old = gtk_container_get_children (GTK_CONTAINER (self->pages_box));

  for (GList *l = old; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (old);
  gtk_label_set_text (self->summary_label, "");
  gtk_label_set_text (self->status_label, "");
}

static void
show_summary (JkPrintPage *self)
{
  g_autofree char *summary = NULL;
  guint pages;

  if (self->document == NULL)
    return;
  pages = jk_document_get_n_pages (self->document);
  summary = g_strdup_printf (jk_ngettext ("%u page to print", "%u pages to print", pages), pages);
  gtk_label_set_text (self->summary_label, summary);
}

static void
show_preview (JkPrintPage *self)
{
  guint pages = jk_document_get_n_pages (self->document);

  clear_preview (self);
  for (guint i = 0; i < MIN (pages, MAX_PREVIEW_PAGES); i++)
    {
      cairo_surface_t *surface = jk_document_render_preview (self->document, i, PREVIEW_WIDTH);
      GtkWidget *image;
      g_autofree char *name = NULL;

      if (surface == NULL)
        continue;
      image = gtk_image_new_from_surface (surface);
      cairo_surface_destroy (surface);
      name = g_strdup_printf (_("Page %u of %u"), i + 1, pages);
      atk_object_set_name (gtk_widget_get_accessible (image), name);
      gtk_style_context_add_class (gtk_widget_get_style_context (image), "preview-page");
      gtk_widget_show (image);
      gtk_container_add (GTK_CONTAINER (self->pages_box), image);
    }
  show_summary (self);
  gtk_widget_set_sensitive (self->print_button, self->can_print);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;
  GError *error = NULL;
  JkDocument *document = job->render (job->data, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, (GDestroyNotify) jk_document_free);
}

static void
on_rendered (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  JkPrintPage *self = JK_PRINT_PAGE (object);
  g_autoptr (GError) error = NULL;
  JkDocument *document = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->spinner);
  gtk_widget_hide (GTK_WIDGET (self->spinner));
  if (document == NULL)
    {
      g_warning ("Cannot render the printout: %s", error->message);
      gtk_label_set_text (self->status_label, _("Sorry, this could not be prepared for printing. Please ask staff for help."));
      return;
    }
  g_clear_pointer (&self->document, jk_document_free);
  self->document = document;
  show_preview (self);
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_print_clicked (JkPrintPage *self)
{
  if (self->document != NULL && self->can_print)
    g_signal_emit (self, signals[SIGNAL_PRINT_REQUESTED], 0, self->document);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_print_page_leave (JkPage *page)
{
  JkPrintPage *self = JK_PRINT_PAGE (page);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
jk_print_page_reset (JkPage *page)
{
  JkPrintPage *self = JK_PRINT_PAGE (page);

  jk_print_page_leave (page);
  g_clear_pointer (&self->document, jk_document_free);
  clear_preview (self);
}

static void
jk_print_page_language_changed (JkPage *page)
{
  JK_PAGE_CLASS (jk_print_page_parent_class)->language_changed (page);
  show_summary (JK_PRINT_PAGE (page));
}

static void
jk_print_page_dispose (GObject *object)
{
  JkPrintPage *self = JK_PRINT_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->document, jk_document_free);
  G_OBJECT_CLASS (jk_print_page_parent_class)->dispose (object);
}

static void
jk_print_page_class_init (JkPrintPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JkPageClass *page_class = JK_PAGE_CLASS (klass);

  object_class->dispose = jk_print_page_dispose;
  page_class->leave = jk_print_page_leave;
  page_class->reset = jk_print_page_reset;
  page_class->language_changed = jk_print_page_language_changed;

  signals[SIGNAL_PRINT_REQUESTED] = g_signal_new ("print-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/print/jk-print-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JkPrintPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JkPrintPage, pages_box);
  gtk_widget_class_bind_template_child (widget_class, JkPrintPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, JkPrintPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, JkPrintPage, print_button);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked);
}

static void
jk_print_page_init (JkPrintPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jk_page_init_strings (JK_PAGE (self));
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkPage *
jk_print_page_new (void)
{
  return g_object_new (JK_TYPE_PRINT_PAGE, "title", N_("Print"), NULL);
}

void
jk_print_page_render (JkPrintPage   *self,
                      JkRenderFunc   render,
                      gpointer       data,
                      GDestroyNotify free_data)
{
  g_autoptr (GTask) task = NULL;
  RenderJob *job = g_new0 (RenderJob, 1);

  job->render = render;
  job->data = data;
  job->free_data = free_data;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->document, jk_document_free);
  clear_preview (self);
  gtk_widget_set_sensitive (self->print_button, FALSE);
  gtk_widget_show (GTK_WIDGET (self->spinner));
  gtk_spinner_start (self->spinner);

  task = g_task_new (self, self->cancellable, on_rendered, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  g_task_set_name (task, "jk-render");
  g_task_run_in_thread (task, render_thread);
}

JkDocument *
jk_print_page_get_document (JkPrintPage *self)
{
  return self->document;
}

gboolean
jk_print_page_is_rendering (JkPrintPage *self)
{
  return self->cancellable != NULL && self->document == NULL;
}

void
jk_print_page_set_can_print (JkPrintPage *self,
                             gboolean     can_print)
{
  self->can_print = can_print;
  gtk_widget_set_sensitive (self->print_button, can_print && self->document != NULL);
}

void
jk_print_page_set_status (JkPrintPage *self,
                          const char  *text)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
}
