/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-list-page.c: the jobs a visitor saved */

#define G_LOG_DOMAIN "jk-list-page"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-visit.h>

#include "jk-job-card.h"
#include "jk-job-page.h"
#include "jk-list-page.h"
#include "mail/jk-mail-flow.h"
#include "print/jk-print-flow.h"
#include "widgets/jk-qr-code.h"

struct _JkListPage
{
  JkPage parent_instance;

  GtkWidget *empty_label;
  GtkLabel *count_label;
  GtkWidget *scroller;
  GtkListBox *saved_list;
  GtkWidget *all_qr_box;
  JkQrCode *all_qr;
  GtkWidget *qr_caption;
  GtkWidget *qr_too_long;
  GtkWidget *print_button;
  GtkWidget *email_button;
  GtkToggleButton *qr_button;

  JkClock *clock;
  JkPrintFlow *print_flow;
  JkMailFlow *mail_flow;
};

G_DEFINE_FINAL_TYPE (JkListPage, jk_list_page, JK_TYPE_PAGE)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void on_remove_clicked (GtkButton  *button,
                               JkListPage *self);

static GtkWidget *
remove_button_new (const JkJobRecord *record)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  /* TRANSLATORS: the name a screen reader says for the button that takes a job off "My list" */
  g_autofree char *name = g_strdup_printf (_("Remove %s"), record->job->title);

  gtk_container_add (GTK_CONTAINER (box), gtk_image_new_from_icon_name ("list-remove-symbolic",
                                                                        GTK_ICON_SIZE_LARGE_TOOLBAR));
  gtk_container_add (GTK_CONTAINER (box), gtk_label_new (_("Remove")));
  gtk_container_add (GTK_CONTAINER (button), box);
  gtk_widget_show_all (button);
  gtk_style_context_add_class (gtk_widget_get_style_context (button), "remove-job");
  atk_object_set_name (gtk_widget_get_accessible (button), name);
  g_object_set_data_full (G_OBJECT (button), "jk-job-id", g_memdup2 (&record->id, sizeof record->id), g_free);
  return button;
}

static void
update_qr (JkListPage *self,
           GPtrArray  *saved)
{
  g_autofree char *links = jk_list_page_build_links (saved);
  gboolean encoded = links[0] != '\0' && jk_qr_code_set_text (self->all_qr, links);

  if (!encoded)
    jk_qr_code_set_text (self->all_qr, NULL);
  /* A sentence rather than an empty square. */
  gtk_widget_set_visible (GTK_WIDGET (self->all_qr), encoded);
  gtk_widget_set_visible (self->qr_caption, encoded);
  gtk_widget_set_visible (self->qr_too_long, !encoded);
}

static void
rebuild (JkListPage *self)
{
  JkSession *session = jk_page_get_session (JK_PAGE (self));
  GPtrArray *saved = session != NULL ? jk_visit_get_saved_jobs (session) : NULL;
  g_autoptr (GDateTime) now = jk_clock_now_local (self->clock);
  GList *old = gtk_container_get_children (GTK_CONTAINER (self->saved_list));
  guint n = saved != NULL ? saved->len : 0;

  for (GList *l = old; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (old);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *card = jk_job_card_new (jk_job_record_copy (saved->pdata[i]), now);
      GtkWidget *remove = remove_button_new (saved->pdata[i]);

      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
      jk_job_card_add_action (JK_JOB_CARD (card), remove);
      gtk_container_add (GTK_CONTAINER (self->saved_list), card);
    }
  if (n > 0)
    {
      g_autofree char *count = jk_format_job_count (n);
      gtk_label_set_text (self->count_label, count);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), n > 0);
  gtk_widget_set_visible (self->empty_label, n == 0);
  gtk_widget_set_visible (self->scroller, n > 0);
  gtk_widget_set_sensitive (self->print_button, n > 0);
  /* Offered only where the center has a mail relay. */
  gtk_widget_set_visible (self->email_button, jk_mail_flow_is_enabled (self->mail_flow));
  gtk_widget_set_sensitive (self->email_button, n > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->qr_button), n > 0);
  if (n == 0)
    gtk_toggle_button_set_active (self->qr_button, FALSE);
  if (gtk_toggle_button_get_active (self->qr_button))
    update_qr (self, saved);
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_row_activated (JkListPage    *self,
                  GtkListBoxRow *row)
{
  jk_page_navigate (JK_PAGE (self), &jk_job_page_info,
                    g_variant_new_int64 (jk_job_card_get_record (JK_JOB_CARD (row))->id));
}

static void
on_remove_clicked (GtkButton  *button,
                   JkListPage *self)
{
  const gint64 *id = g_object_get_data (G_OBJECT (button), "jk-job-id");

  jk_visit_unsave_job (jk_page_get_session (JK_PAGE (self)), *id);
  rebuild (self);
  /* The focus was on the button just destroyed: keep it on the list. */
  if (gtk_list_box_get_row_at_index (self->saved_list, 0) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->saved_list, 0)));
  else
    gtk_widget_grab_focus (self->print_button);
}

static void
on_print_clicked (JkListPage *self)
{
  jk_print_flow_show (self->print_flow, JK_PAGE (self), &jk_document_job_list,
                      jk_visit_get_saved_jobs (jk_page_get_session (JK_PAGE (self))));
}

static void
on_email_clicked (JkListPage *self)
{
  jk_mail_flow_show (self->mail_flow, JK_PAGE (self), &jk_document_job_list,
                     jk_visit_get_saved_jobs (jk_page_get_session (JK_PAGE (self))));
}

static void
on_qr_toggled (JkListPage *self)
{
  gtk_widget_set_visible (self->all_qr_box, gtk_toggle_button_get_active (self->qr_button));
  rebuild (self);
  /* A code the visitor asked to see, for the usage counts. */
  if (gtk_toggle_button_get_active (self->qr_button) && gtk_widget_get_visible (GTK_WIDGET (self->all_qr)))
    jk_session_count (jk_page_get_session (JK_PAGE (self)), "qr-shown", 1);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_list_page_enter (JkPage *page)
{
  rebuild (JK_LIST_PAGE (page));
}

static void
jk_list_page_reset (JkPage *page)
{
  JkListPage *self = JK_LIST_PAGE (page);

  JK_PAGE_CLASS (jk_list_page_parent_class)->reset (page);
  gtk_toggle_button_set_active (self->qr_button, FALSE);
  jk_qr_code_set_text (self->all_qr, NULL);
  rebuild (self);
}

static void
jk_list_page_language_changed (JkPage *page)
{
  JK_PAGE_CLASS (jk_list_page_parent_class)->language_changed (page);
  rebuild (JK_LIST_PAGE (page));
}

static void
jk_list_page_dispose (GObject *object)
{
  g_clear_object (&JK_LIST_PAGE (object)->clock);
  g_clear_object (&JK_LIST_PAGE (object)->print_flow);
  g_clear_object (&JK_LIST_PAGE (object)->mail_flow);
  G_OBJECT_CLASS (jk_list_page_parent_class)->dispose (object);
}

static void
jk_list_page_class_init (JkListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JkPageClass *page_class = JK_PAGE_CLASS (klass);

  object_class->dispose = jk_list_page_dispose;
  page_class->enter = jk_list_page_enter;
  page_class->reset = jk_list_page_reset;
  page_class->language_changed = jk_list_page_language_changed;

  g_type_ensure (JK_TYPE_QR_CODE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/jobs/jk-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JkListPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, JkListPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, JkListPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, JkListPage, qr_caption);
  gtk_widget_class_bind_template_child (widget_class, JkListPage, qr_too_long);
  gtk_widget_class_bind_template_child (widget_class, JkListPage, saved_list);
  gtk_widget_class_bind_template_child (widget_class, JkListPage, all_qr_box);
  gtk_widget_class_bind_template_child (widget_class, JkListPage, all_qr);
  gtk_widget_class_bind_template_child (widget_class, JkListPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, JkListPage, email_button);
  gtk_widget_class_bind_template_child (widget_class, JkListPage, qr_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_email_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_qr_toggled);
}

static void
jk_list_page_init (JkListPage *self)
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
  JkListPage *self = g_object_new (JK_TYPE_LIST_PAGE, "title", N_("My list"), "prompt",
                                   N_("The jobs you saved in this visit. Open one, remove it, or print the list."),
                                   NULL);

  self->clock = g_object_ref (context->clock);
  self->print_flow = g_object_ref (context->print_flow);
  self->mail_flow = g_object_ref (context->mail_flow);
  return JK_PAGE (self);
}

const JkPageInfo jk_list_page_info = { "mylist", JK_PAGE_PRINTER_BADGE, create };

guint
jk_list_page_get_n_jobs (JkListPage *self)
{
  JkSession *session = jk_page_get_session (JK_PAGE (self));

  return session != NULL ? jk_visit_get_saved_jobs (session)->len : 0;
}

char *
jk_list_page_build_links (GPtrArray *records)
{
  g_autoptr (GString) links = g_string_new (NULL);

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      const JkJobRecord *record = records->pdata[i];

      if (record->job->apply_url == NULL)
        continue;
      /* A phone shows the text with each link touchable. */
      g_string_append_printf (links, "%s%s - %s", links->len > 0 ? "\n" : "", record->job->title,
                              record->job->apply_url);
    }
  return g_string_free (g_steal_pointer (&links), FALSE);
}
