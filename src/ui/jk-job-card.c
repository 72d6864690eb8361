/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-job-card.c: a job in the results list */

#define G_LOG_DOMAIN "jk-job-card"

#include <glib/gi18n-lib.h>
#include <jobkiosk/jk-format.h>

#include "jk-job-card.h"

struct _JkJobCard
{
  GtkListBoxRow parent_instance;

  GtkLabel *title_label;
  GtkLabel *employer_label;
  GtkLabel *place_label;
  GtkLabel *pay_label;
  GtkLabel *when_label;

  JkJobRecord *record;
};

G_DEFINE_FINAL_TYPE (JkJobCard, jk_job_card, GTK_TYPE_LIST_BOX_ROW)

static void
jk_job_card_finalize (GObject *object)
{
  JkJobCard *self = JK_JOB_CARD (object);

  jk_job_record_free (self->record);
  G_OBJECT_CLASS (jk_job_card_parent_class)->finalize (object);
}

static void
jk_job_card_class_init (JkJobCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = jk_job_card_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/jk-job-card.ui");
  gtk_widget_class_bind_template_child (widget_class, JkJobCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, JkJobCard, employer_label);
  gtk_widget_class_bind_template_child (widget_class, JkJobCard, place_label);
  gtk_widget_class_bind_template_child (widget_class, JkJobCard, pay_label);
  gtk_widget_class_bind_template_child (widget_class, JkJobCard, when_label);
}

static void
jk_job_card_init (JkJobCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jk_job_card_new (JkJobRecord *record,
                 GDateTime   *now)
{
  JkJobCard *self = g_object_new (JK_TYPE_JOB_CARD, NULL);
  const JkJob *job = record->job;
  g_autofree char *pay = jk_format_pay (job);
  g_autofree char *posted = jk_format_posted (job->posted != 0 ? job->posted : record->first_seen, now);
  g_autofree char *closes = jk_format_closes (job->expires, now);
  g_autofree char *when = NULL;
  g_autofree char *place = NULL;
  g_autofree char *name = NULL;

  self->record = record;
  place = job->state != NULL ? g_strdup_printf ("%s, %s", job->city != NULL ? job->city : "", job->state)
                             : g_strdup (job->city != NULL ? job->city : "");
  /* TRANSLATORS: "Posted 2 days ago · Closes Dec 31" */
  when = closes != NULL ? g_strdup_printf (_("%s · %s"), posted, closes) : g_strdup (posted);

  gtk_label_set_text (self->title_label, job->title);
  gtk_label_set_text (self->employer_label, job->employer != NULL ? job->employer : "");
  gtk_label_set_text (self->place_label, place);
  gtk_label_set_text (self->pay_label, pay);
  gtk_label_set_text (self->when_label, when != NULL ? when : "");

  /* A screen reader hears the card as one sentence. */
  name = g_strjoin (", ", job->title, job->employer != NULL ? job->employer : "", place, pay, NULL);
  atk_object_set_name (gtk_widget_get_accessible (GTK_WIDGET (self)), name);
  return GTK_WIDGET (self);
}

const JkJobRecord *
jk_job_card_get_record (JkJobCard *self)
{
  return self->record;
}
