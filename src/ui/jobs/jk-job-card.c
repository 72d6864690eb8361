/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-job-card.c: a job in the results list */

#define G_LOG_DOMAIN "jk-job-card"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-speech.h>

#include "access/jk-describe.h"
#include "jk-job-card.h"
#include "widgets/jk-row-accessible.h"

struct _JkJobCard
{
  GtkListBoxRow parent_instance;

  JkJobRecord *record;
  GtkWidget *details;   /* employer and dates, hidden while compact */
  GtkWidget *side;      /* pay, and the place unless compact */
  GtkWidget *box;
  char *pay;
  char *place;
  gboolean compact;
};

G_DEFINE_FINAL_TYPE (JkJobCard, jk_job_card, GTK_TYPE_LIST_BOX_ROW)

#define SIDE_MAX_CHARS 30
/* Lines of each paragraph (title, employer, dates) a card shows at most:
 * feed text of any length keeps a card a card. */
#define MAIN_MAX_LINES 3

/* Built in code, three labels a card, rather than from a template: a list
 * may hold thousands of cards, and each builder parse and each extra label
 * costs time while scrolling and memory while loaded. */
static GtkWidget *
make_label (const char *markup,
            float       xalign,
            gboolean    wrap,
            const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  /* Wrapping is costly to measure: only the title side wraps; pay and
   * place are short, and a long pay text is cut on the card (the posting's
   * page shows more of it, the printout all). */
  gtk_label_set_line_wrap (GTK_LABEL (label), wrap);
  if (wrap)
    {
      /* Between letters where a word is wider than the card: a label's
       * narrowest is its longest unbreakable run, and one long word from a
       * feed would otherwise widen the window past the screen. */
      gtk_label_set_line_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_lines (GTK_LABEL (label), MAIN_MAX_LINES);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), SIDE_MAX_CHARS);
    }
  gtk_style_context_add_class (gtk_widget_get_style_context (label), style);
  gtk_widget_show (label);
  return label;
}

static void
jk_job_card_finalize (GObject *object)
{
  JkJobCard *self = JK_JOB_CARD (object);

  jk_job_record_free (self->record);
  g_free (self->pay);
  g_free (self->place);
  G_OBJECT_CLASS (jk_job_card_parent_class)->finalize (object);
}

static void
jk_job_card_class_init (JkJobCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jk_job_card_finalize;
  gtk_widget_class_set_accessible_type (GTK_WIDGET_CLASS (klass), JK_TYPE_ROW_ACCESSIBLE);
}

static void
jk_job_card_init (JkJobCard *self)
{
  gtk_style_context_add_class (gtk_widget_get_style_context (GTK_WIDGET (self)), "job-card");
}

static void
set_side (JkJobCard *self)
{
  g_autofree char *markup = NULL;

  /* Feed text goes into markup only escaped. */
  if (self->compact)
    markup = g_markup_printf_escaped ("<span size=\"large\" weight=\"bold\">%s</span>", self->pay);
  else
    markup = g_markup_printf_escaped ("<span size=\"large\" weight=\"bold\">%s</span>\n%s", self->pay, self->place);
  gtk_label_set_markup (GTK_LABEL (self->side), markup);
}

GtkWidget *
jk_job_card_new (JkJobRecord *record,
                 GDateTime   *now)
{
  JkJobCard *self = g_object_new (JK_TYPE_JOB_CARD, "activatable", TRUE, NULL);
  GtkWidget *box, *main_box;
  const JkJob *job = record->job;
  g_autofree char *posted = jk_format_posted (job->posted != 0 ? job->posted : record->first_seen, now);
  g_autofree char *closes = jk_format_closes (job->expires, now);
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  g_autofree char *name = NULL;
  g_autofree char *spoken = NULL;

  box = self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  main_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->record = record;
  self->pay = jk_format_pay (job);
  self->place = jk_format_place (job, FALSE);
  /* TRANSLATORS: "Posted 2 days ago · Closes Dec 31" */
  when = closes != NULL ? g_strdup_printf (_("%s · %s"), posted, closes) : g_strdup (posted != NULL ? posted : "");
  title = g_markup_printf_escaped ("<span size=\"x-large\" weight=\"bold\">%s</span>", job->title);
  /* The employer and the dates share a line: a card is two lines tall. */
  if (job->employer != NULL)
    details = g_markup_printf_escaped ("%s  <span alpha=\"75%%\">%s</span>", job->employer, when);
  else
    details = g_markup_printf_escaped ("<span alpha=\"75%%\">%s</span>", when);
  self->details = make_label (details, 0, TRUE, "card-details");
  self->side = make_label ("", 1, FALSE, "card-side");
  set_side (self);
  gtk_box_pack_start (GTK_BOX (main_box), make_label (title, 0, TRUE, "card-main"), FALSE, FALSE, 0);
  gtk_box_pack_start (GTK_BOX (main_box), self->details, FALSE, FALSE, 0);
  gtk_widget_show (main_box);
  gtk_box_pack_start (GTK_BOX (box), main_box, TRUE, TRUE, 0);
  gtk_box_pack_end (GTK_BOX (box), self->side, FALSE, FALSE, 0);
  gtk_widget_show (box);
  gtk_container_add (GTK_CONTAINER (self), box);
  gtk_widget_show (GTK_WIDGET (self));

  /* A screen reader hears the card as one sentence. */
  name = g_strjoin (", ", job->title, job->employer != NULL ? job->employer : "", self->place, self->pay, NULL);
  atk_object_set_name (gtk_widget_get_accessible (GTK_WIDGET (self)), name);
  /* The kiosk's own voice says it with the pay in words and the date. */
  spoken = jk_speech_text_job (job, job->posted != 0 ? job->posted : record->first_seen, now);
  jk_describe_set_text (GTK_WIDGET (self), spoken);
  return GTK_WIDGET (self);
}

const JkJobRecord *
jk_job_card_get_record (JkJobCard *self)
{
  return self->record;
}

void
jk_job_card_set_compact (JkJobCard *self,
                         gboolean   compact)
{
  compact = !!compact;
  if (self->compact == compact)
    return;
  self->compact = compact;
  gtk_widget_set_visible (self->details, !compact);
  set_side (self);
}

const char *
jk_job_card_get_place (JkJobCard *self)
{
  return self->place;
}

void
jk_job_card_add_action (JkJobCard *self,
                        GtkWidget *action)
{
  gtk_widget_set_valign (action, GTK_ALIGN_CENTER);
  gtk_box_pack_end (GTK_BOX (self->box), action, FALSE, FALSE, 0);
}
