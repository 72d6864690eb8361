/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-print-page.c: preview and print */

#define G_LOG_DOMAIN "jk-print-page"

#include <jobkiosk/jk-i18n.h>

#include "widgets/jk-qr-code.h"
#include "jk-print-flow.h"
#include "jk-print-page.h"

#define PREVIEW_WIDTH 420
#define MAX_PREVIEW_PAGES 4

struct _JkPrintPage
{
  JkPage parent_instance;

  GtkLabel *summary_label;
  GtkScrolledWindow *content_scroller;
  GtkWidget *takeaway_box;
  JkQrCode *takeaway_qr;
  GtkFlowBox *pages_box;
  GtkSpinner *spinner;
  GtkLabel *status_label;
  GtkWidget *print_button;

  JkPrintFlow *flow;
  JkDocument *document;
  char *link;        /* where the printout can be taken instead (a QR code); NULL when nowhere */
  gboolean rendering;
  gboolean failed;   /* the printout could not be prepared */
};

/* A printout being rendered on a worker thread. */
typedef struct {
  JkPrintRequest *request;
  JkDocument *document;
} RenderJob;

G_DEFINE_FINAL_TYPE (JkPrintPage, jk_print_page, JK_TYPE_PAGE)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
render_job_free (RenderJob *job)
{
  jk_print_request_free (job->request);
  g_clear_pointer (&job->document, jk_document_free);
  g_free (job);
}

static gboolean
can_print (JkPrintPage *self)
{
  return self->document != NULL && jk_print_flow_get_can_print (self->flow);
}

static void
clear_preview (JkPrintPage *self)
{
  GList *old = gtk_container_get_children (GTK_CONTAINER (self->pages_box));

  for (GList *l = old; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (old);
  gtk_label_set_text (self->summary_label, "");
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

/* What the printer can do, in the current language, right next to Print:
 * why not, and what to do instead, when it cannot. */
static void
show_status (JkPrintPage *self)
{
  const char *status = jk_print_flow_get_status (self->flow);
  gboolean printable = can_print (self);
  gboolean printer_down = !jk_print_flow_get_can_print (self->flow) && !jk_print_flow_is_printing (self->flow)
                          && status != NULL;
  gboolean take_away = printer_down && self->link != NULL;
  g_autofree char *text = NULL;

  if (self->failed)
    text = g_strdup (_("Sorry, this could not be prepared for printing. Please ask staff for help."));
  else if (take_away)
    /* TRANSLATORS: %s says why the printer cannot print and to ask staff */
    text = g_strdup_printf (_("%s Or take the job with you: scan the QR code with your phone."), status);
  else if (status != NULL)
    text = g_strdup (status);
  else if (self->rendering)
    text = g_strdup (_("Preparing your pages…"));
  /* Said when it changes: the printer is checked again and again. */
  if (g_strcmp0 (text, gtk_label_get_text (self->status_label)) != 0)
    jk_page_say (JK_PAGE (self), text, JK_SPEAK_QUEUE);
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_sensitive (self->print_button, printable);
  /* A screen reader hears why Print does nothing, as a sighted visitor reads it beside the button. */
  atk_object_set_description (gtk_widget_get_accessible (self->print_button),
                              !printable && text != NULL ? text : "");
  gtk_widget_set_visible (self->takeaway_box, take_away);
}

static void
show_preview (JkPrintPage *self)
{
  guint pages = jk_document_get_n_pages (self->document);

  clear_preview (self);
  /* No wider than its pages, so a lone page sits in the middle. */
  gtk_flow_box_set_max_children_per_line (self->pages_box, CLAMP (pages, 1, MAX_PREVIEW_PAGES));
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
      /* A picture to look at, not a control: named, and not in the focus chain. */
      gtk_widget_set_can_focus (gtk_widget_get_parent (image), FALSE);
      atk_object_set_name (gtk_widget_get_accessible (gtk_widget_get_parent (image)), name);
    }
  show_summary (self);
  show_status (self);
}

static void on_flow_changed (JkPrintPage *self);

static gboolean
render_work (gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  RenderJob *job = data;

  job->document = jk_print_request_render (job->request, error);
  return job->document != NULL;
}

static void
on_rendered (JkPage       *page,
             gpointer      data,
             const GError *error)
{
  JkPrintPage *self = JK_PRINT_PAGE (page);
  RenderJob *job = data;

  self->rendering = FALSE;
  gtk_spinner_stop (self->spinner);
  gtk_widget_hide (GTK_WIDGET (self->spinner));
  if (job->document == NULL)
    {
      g_warning ("Cannot render the printout: %s", error->message);
      self->failed = TRUE;
      show_status (self);
      return;
    }
  g_clear_pointer (&self->document, jk_document_free);
  self->document = g_steal_pointer (&job->document);
  show_preview (self);
  on_flow_changed (self);
}

static void
stop_rendering (JkPrintPage *self)
{
  jk_page_cancel_work (JK_PAGE (self));
  self->rendering = FALSE;
  gtk_spinner_stop (self->spinner);
  gtk_widget_hide (GTK_WIDGET (self->spinner));
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_print_clicked (JkPrintPage *self)
{
  if (can_print (self))
    jk_print_flow_submit (self->flow, self->document);
}

static void
on_flow_changed (JkPrintPage *self)
{
  show_status (self);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

/* The printout the flow was asked for, rendered in the background. */
static gboolean
jk_print_page_prepare (JkPage   *page,
                       GVariant *argument)
{
  JkPrintPage *self = JK_PRINT_PAGE (page);
  RenderJob *job;
  JkPrintRequest *request = jk_print_flow_take_request (self->flow);

  if (request == NULL)
    return self->document != NULL;
  stop_rendering (self);
  g_clear_pointer (&self->document, jk_document_free);
  clear_preview (self);
  g_free (self->link);
  self->link = g_strdup (jk_print_request_get_link (request));
  jk_qr_code_set_text (self->takeaway_qr, self->link);
  if (self->link != NULL)
    jk_session_count (jk_page_get_session (JK_PAGE (self)), "qr-shown", 1);
  self->failed = FALSE;
  gtk_widget_show (GTK_WIDGET (self->spinner));
  gtk_spinner_start (self->spinner);
  job = g_new0 (RenderJob, 1);
  job->request = request;
  self->rendering = TRUE;
  /* What the printer can do is said now, while the pages are prepared. */
  show_status (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->content_scroller), 0);
  jk_page_run (page, "jk-render", render_work, on_rendered, job, (GDestroyNotify) render_job_free);
  return TRUE;
}

static void
jk_print_page_leave (JkPage *page)
{
  stop_rendering (JK_PRINT_PAGE (page));
}

static void
jk_print_page_reset (JkPage *page)
{
  JkPrintPage *self = JK_PRINT_PAGE (page);

  JK_PAGE_CLASS (jk_print_page_parent_class)->reset (page);
  stop_rendering (self);
  g_clear_pointer (&self->document, jk_document_free);
  clear_preview (self);
  g_clear_pointer (&self->link, g_free);
  jk_qr_code_set_text (self->takeaway_qr, NULL);
  self->failed = FALSE;
  show_status (self);
}

static void
jk_print_page_language_changed (JkPage *page)
{
  JK_PAGE_CLASS (jk_print_page_parent_class)->language_changed (page);
  show_summary (JK_PRINT_PAGE (page));
  show_status (JK_PRINT_PAGE (page));
}

static void
jk_print_page_dispose (GObject *object)
{
  JkPrintPage *self = JK_PRINT_PAGE (object);

  if (self->flow != NULL)
    g_signal_handlers_disconnect_by_data (self->flow, self);
  g_clear_object (&self->flow);
  g_clear_pointer (&self->document, jk_document_free);
  g_clear_pointer (&self->link, g_free);
  G_OBJECT_CLASS (jk_print_page_parent_class)->dispose (object);
}

static void
jk_print_page_class_init (JkPrintPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JkPageClass *page_class = JK_PAGE_CLASS (klass);

  object_class->dispose = jk_print_page_dispose;
  page_class->prepare = jk_print_page_prepare;
  page_class->leave = jk_print_page_leave;
  page_class->reset = jk_print_page_reset;
  page_class->language_changed = jk_print_page_language_changed;

  g_type_ensure (JK_TYPE_QR_CODE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/print/jk-print-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JkPrintPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JkPrintPage, content_scroller);
  gtk_widget_class_bind_template_child (widget_class, JkPrintPage, takeaway_box);
  gtk_widget_class_bind_template_child (widget_class, JkPrintPage, takeaway_qr);
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
  jk_page_set_main_action (JK_PAGE (self), self->print_button);
  jk_page_init_strings (JK_PAGE (self));
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

static JkPage *
create (const JkPageInfo   *info,
        const JkPageContext *context)
{
  JkPrintPage *self = g_object_new (JK_TYPE_PRINT_PAGE, "title", N_("Print"), "prompt",
                                    N_("Check the pages, then press Print."), NULL);

  self->flow = g_object_ref (context->print_flow);
  g_signal_connect_swapped (self->flow, "changed", G_CALLBACK (on_flow_changed), self);
  return JK_PAGE (self);
}

const JkPageInfo jk_print_page_info = { "print", JK_PAGE_PRINTER_BADGE, create };

JkDocument *
jk_print_page_get_document (JkPrintPage *self)
{
  return self->document;
}

gboolean
jk_print_page_is_rendering (JkPrintPage *self)
{
  return self->rendering;
}
