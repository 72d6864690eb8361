/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-interests-page.c: the interest quiz, one card at a time, and the occupations that fit */

#define G_LOG_DOMAIN "jk-interests"

#include <jobkiosk/jk-clock.h>
#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-interests.h>
#include <string.h>

#include "access/jk-describe.h"
#include "careers/jk-occupation-page.h"
#include "print/jk-print-flow.h"
#include "jk-interests-page.h"

#define N_RESULTS 20

struct _JkInterestsPage
{
  JkPage parent_instance;

  GtkStack *stack;
  GtkLabel *progress_label;
  GtkImage *card_image;
  GtkLabel *card_label;
  GtkLabel *about_quiz_label;
  GtkLabel *areas_label;
  GtkLabel *activities_label;
  GtkLabel *message_label;
  GtkListBox *results;
  GtkLabel *about_label;
  GtkLabel *source_label;
  GtkScrolledWindow *scroller;
  GtkWidget *answers_box;
  GtkWidget *like_button;
  GtkWidget *back_button;
  GtkWidget *results_button;
  GtkWidget *more_button;
  GtkWidget *print_button;

  char *db_path;
  char *state;
  char *metro;
  JkClock *clock;
  JkPrintFlow *print_flow;
  const GPtrArray *cards;
  JkInterestAnswer *answers;  /* one per card; the visit's, wiped with it */
  guint index;
  gboolean busy;
  JkInterestResult *result;
};

G_DEFINE_FINAL_TYPE (JkInterestsPage, jk_interests_page, JK_TYPE_PAGE)

/* What a worker works out: the answers scored and the occupations with pay and open jobs. */
typedef struct {
  char *db_path;
  char *state;
  char *metro;
  char *language;
  gint64 now;
  JkInterestAnswer *answers;
  guint n_answers;
  JkInterestResult *result;
} ScoreJob;

static void
score_job_free (gpointer data)
{
  ScoreJob *job = data;

  g_free (job->db_path);
  g_free (job->state);
  g_free (job->metro);
  g_free (job->language);
  g_free (job->answers);
  g_clear_pointer (&job->result, jk_interest_result_free);
  g_free (job);
}

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static gboolean
score_work (gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  ScoreJob *job = data;
  g_autoptr (JkStore) reader = jk_store_open_reader (job->db_path, error);
  JkLmiPlace place = { job->state, job->metro };
  gboolean ok;

  if (reader == NULL)
    return FALSE;
  jk_store_set_cancellable (reader, cancellable);
  /* The message is words the visitor reads: in the visit's language. */
  jk_i18n_set_thread_language (job->language);
  job->result = jk_interests_match (reader, job->answers, job->n_answers, N_RESULTS, error);
  ok = job->result != NULL && jk_interests_add_details (reader, job->result, &place, job->now, error);
  jk_i18n_set_thread_language (NULL);
  return ok;
}

static guint
count_answered (JkInterestsPage *self)
{
  guint n = 0;

  for (guint i = 0; i < self->cards->len; i++)
    n += self->answers[i] != JK_INTEREST_UNANSWERED;
  return n;
}

static void
show_mode (JkInterestsPage *self,
           gboolean         results)
{
  gtk_stack_set_visible_child_name (self->stack, results ? "results" : "quiz");
  gtk_widget_set_visible (self->answers_box, !results);
  gtk_widget_set_visible (self->back_button, !results);
  gtk_widget_set_visible (self->results_button, !results);
  gtk_widget_set_visible (self->more_button, results);
  gtk_widget_set_visible (self->print_button, results);
  jk_page_set_main_action (JK_PAGE (self), results ? self->print_button : self->like_button);
}

static void
show_card (JkInterestsPage *self,
           JkSpeakMode      mode)
{
  const JkInterestCard *card;
  g_autofree char *progress = NULL;
  g_autofree char *spoken = NULL;
  const char *text;

  show_mode (self, FALSE);
  gtk_widget_set_sensitive (self->back_button, self->index > 0);
  if (self->cards->len == 0)
    return;
  card = self->cards->pdata[MIN (self->index, self->cards->len - 1)];
  text = jk_interest_card_text (card, jk_i18n_get_language ());
  /* TRANSLATORS: where the visitor is in the interest quiz */
  progress = g_strdup_printf (_("Card %u of %u"), MIN (self->index + 1, self->cards->len), self->cards->len);
  gtk_label_set_text (self->progress_label, progress);
  gtk_label_set_text (self->card_label, text);
  gtk_image_set_from_icon_name (self->card_image, card->icon, GTK_ICON_SIZE_DIALOG);
  gtk_image_set_pixel_size (self->card_image, 72);
  atk_object_set_name (gtk_widget_get_accessible (GTK_WIDGET (self->card_image)), text);
  gtk_label_set_text (self->about_quiz_label, jk_interests_words_about ());
  spoken = g_strdup_printf (_("%s. Would you like this: %s?"), progress, text);
  jk_page_say (JK_PAGE (self), spoken, mode);
}

static void
clear_rows (JkInterestsPage *self)
{
  GList *rows = gtk_container_get_children (GTK_CONTAINER (self->results));

  for (GList *l = rows; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (rows);
}

static GtkWidget *
label_new (const char *text,
           const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
  gtk_style_context_add_class (gtk_widget_get_style_context (label), style_class);
  return label;
}

static int
row_zone (GtkListBoxRow *row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "jk-zone"));
}

/* A group's heading above its first occupation: a list header, not a row,
 * so the focus moves along the occupations alone. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  int zone = row_zone (row);
  const char *label;
  GtkWidget *header;

  if (before != NULL && row_zone (before) == zone)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  label = jk_interest_job_zone_label (zone);
  header = label_new (label != NULL ? label : _("Preparation not known"), "section-title");
  gtk_widget_set_margin_top (header, before != NULL ? 16 : 0);
  gtk_widget_show (header);
  gtk_list_box_row_set_header (row, header);
}

/* An occupation: the title big, pay and open jobs under it; said as one sentence. */
static GtkWidget *
row_new (const JkInterestMatch *match)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *details = jk_interests_words_details (match);
  g_autofree char *spoken = *details != '\0' ? g_strdup_printf (_("%s. %s"), match->title, details)
                                             : g_strdup (match->title);

  gtk_container_add (GTK_CONTAINER (box), label_new (match->title, "card-main"));
  if (*details != '\0')
    gtk_container_add (GTK_CONTAINER (box), label_new (details, "card-details"));
  gtk_container_add (GTK_CONTAINER (row), box);
  /* Find a job's result cards: their size, spacing and focus ring. */
  gtk_style_context_add_class (gtk_widget_get_style_context (row), "job-card");
  g_object_set_data_full (G_OBJECT (row), "jk-soc", g_strdup (match->soc), g_free);
  atk_object_set_name (gtk_widget_get_accessible (row), spoken);
  jk_describe_set_text (row, spoken);
  gtk_widget_show_all (row);
  return row;
}

/* Puts the result in words (the visit's language, at each switch). */
static void
fill_results (JkInterestsPage *self)
{
  const JkInterestResult *result = self->result;
  g_autoptr (GString) areas = g_string_new (NULL);
  g_autofree char *attribution = NULL;

  clear_rows (self);
  for (guint i = 0; i < result->n_top; i++)
    g_string_append_printf (areas, "%s%s", i > 0 ? "\n" : "", jk_interest_area_sentence (result->top[i]));
  gtk_label_set_text (self->areas_label, areas->str);
  gtk_widget_set_visible (GTK_WIDGET (self->areas_label), areas->len > 0);
  /* O*NET's examples of the top area's work are in English only. */
  if (result->activities->len > 0 && !g_str_has_prefix (jk_i18n_get_language (), "es"))
    {
      g_autofree char *joined = NULL;
      g_autofree char *text = NULL;

      g_ptr_array_add (result->activities, NULL);
      joined = g_strjoinv (" ", (GStrv) result->activities->pdata);
      g_ptr_array_remove_index (result->activities, result->activities->len - 1);
      /* TRANSLATORS: before O*NET's examples of work in the visitor's top interest area */
      text = g_strdup_printf (_("Work like this, for example: %s"), joined);
      gtk_label_set_text (self->activities_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->activities_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->activities_label), FALSE);
  if (!result->ranked)
    gtk_label_set_text (self->message_label, result->message);
  else if (result->occupations->len == 0)
    gtk_label_set_text (self->message_label, _("The kiosk has no occupations to match yet. Please ask staff."));
  else
    gtk_label_set_text (self->message_label, _("Jobs that may suit you, by how much preparation they need. "
                                               "Touch one to see its pay and the jobs open now."));
  /* Grouped by preparation, fewest first; best fit first within a group. */
  for (int zone = 1; zone <= 6; zone++)
    {
      for (guint i = 0; i < result->occupations->len; i++)
        {
          const JkInterestMatch *match = result->occupations->pdata[i];
          GtkWidget *row;
          int group = match->job_zone >= 1 && match->job_zone <= 5 ? match->job_zone : 6;

          if (group != zone)
            continue;
          row = row_new (match);
          g_object_set_data (G_OBJECT (row), "jk-zone", GINT_TO_POINTER (zone));
          gtk_container_add (GTK_CONTAINER (self->results), row);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->results), result->occupations->len > 0);
  gtk_label_set_text (self->about_label, jk_interests_words_about ());
  attribution = jk_interests_words_attribution (result);
  gtk_label_set_text (self->source_label, attribution != NULL ? attribution : "");
  gtk_widget_set_visible (GTK_WIDGET (self->source_label), attribution != NULL);
  gtk_widget_set_sensitive (self->print_button, TRUE);
}

static void
say_results (JkInterestsPage *self)
{
  GList *rows;

  if (gtk_widget_get_visible (GTK_WIDGET (self->areas_label)))
    jk_page_say (JK_PAGE (self), gtk_label_get_text (self->areas_label), JK_SPEAK_INTERRUPT);
  jk_page_say (JK_PAGE (self), gtk_label_get_text (self->message_label), JK_SPEAK_QUEUE);
  rows = gtk_container_get_children (GTK_CONTAINER (self->results));
  for (GList *l = rows; l != NULL; l = l->next)
    {
      GtkWidget *header = gtk_list_box_row_get_header (l->data);

      /* The group's heading, then its occupations. */
      if (header != NULL)
        jk_page_say (JK_PAGE (self), gtk_label_get_text (GTK_LABEL (header)), JK_SPEAK_QUEUE);
      jk_page_say (JK_PAGE (self), atk_object_get_name (gtk_widget_get_accessible (l->data)), JK_SPEAK_QUEUE);
    }
  g_list_free (rows);
}

static void
on_score_done (JkPage       *source,
               gpointer      data,
               const GError *error)
{
  JkInterestsPage *self = JK_INTERESTS_PAGE (source);
  ScoreJob *job = data;

  self->busy = FALSE;
  g_clear_pointer (&self->result, jk_interest_result_free);
  show_mode (self, TRUE);
  if (error != NULL)
    {
      g_warning ("The interest quiz could not be scored: %s", error->message);
      clear_rows (self);
      gtk_widget_set_visible (GTK_WIDGET (self->areas_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->activities_label), FALSE);
      gtk_label_set_text (self->message_label, _("Your results cannot be shown right now. Please ask staff."));
      gtk_widget_set_sensitive (self->print_button, FALSE);
      jk_page_say (JK_PAGE (self), gtk_label_get_text (self->message_label), JK_SPEAK_QUEUE);
      return;
    }
  self->result = g_steal_pointer (&job->result);
  fill_results (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  say_results (self);
}

static void
score (JkInterestsPage *self)
{
  ScoreJob *job = g_new0 (ScoreJob, 1);
  g_autoptr (GDateTime) now = jk_clock_now_local (self->clock);

  job->db_path = g_strdup (self->db_path);
  job->state = g_strdup (self->state);
  job->metro = g_strdup (self->metro);
  job->language = g_strdup (jk_i18n_get_language ());
  job->now = g_date_time_to_unix (now);
  job->answers = g_memdup2 (self->answers, sizeof (JkInterestAnswer) * self->cards->len);
  job->n_answers = self->cards->len;
  self->busy = TRUE;
  jk_page_cancel_work (JK_PAGE (self));
  jk_page_run (JK_PAGE (self), "jk-interests-score", score_work, on_score_done, job, score_job_free);
}

static void
answer (JkInterestsPage  *self,
        JkInterestAnswer  value)
{
  if (self->index >= self->cards->len)
    return;
  self->answers[self->index++] = value;
  /* The visit has something to forget now: Finish asks, the wipe runs. */
  if (jk_page_get_session (JK_PAGE (self)) != NULL)
    jk_session_set_data (jk_page_get_session (JK_PAGE (self)), "interests", GINT_TO_POINTER (1), NULL);
  if (self->index >= self->cards->len)
    score (self);
  else
    show_card (self, JK_SPEAK_INTERRUPT);
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_like_clicked (JkInterestsPage *self)
{
  answer (self, JK_INTEREST_LIKE);
}

static void
on_not_sure_clicked (JkInterestsPage *self)
{
  answer (self, JK_INTEREST_NOT_SURE);
}

static void
on_dislike_clicked (JkInterestsPage *self)
{
  answer (self, JK_INTEREST_DISLIKE);
}

static void
on_back_clicked (JkInterestsPage *self)
{
  if (self->index == 0)
    return;
  self->index--;
  show_card (self, JK_SPEAK_INTERRUPT);
}

static void
on_results_clicked (JkInterestsPage *self)
{
  score (self);
}

static void
on_more_clicked (JkInterestsPage *self)
{
  /* Back to the first card not answered, or the last one. */
  self->index = MIN (count_answered (self), self->cards->len - 1);
  for (guint i = 0; i < self->cards->len; i++)
    if (self->answers[i] == JK_INTEREST_UNANSWERED)
      {
        self->index = i;
        break;
      }
  show_card (self, JK_SPEAK_INTERRUPT);
}

static void
on_print_clicked (JkInterestsPage *self)
{
  JkInterestSheetInput input = { self->result };

  if (self->result != NULL)
    jk_print_flow_show (self->print_flow, JK_PAGE (self), &jk_document_interest_sheet, &input);
}

static void
on_row_activated (JkInterestsPage *self,
                  GtkListBoxRow   *row)
{
  const char *soc = g_object_get_data (G_OBJECT (row), "jk-soc");

  if (soc != NULL)
    jk_page_navigate (JK_PAGE (self), &jk_occupation_page_info, g_variant_new_string (soc));
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_interests_page_enter (JkPage *page)
{
  JkInterestsPage *self = JK_INTERESTS_PAGE (page);

  /* Coming back from an occupation: the results stay. */
  if (self->result == NULL && !self->busy)
    show_card (self, JK_SPEAK_QUEUE);
}

static void
jk_interests_page_reset (JkPage *page)
{
  JkInterestsPage *self = JK_INTERESTS_PAGE (page);

  JK_PAGE_CLASS (jk_interests_page_parent_class)->reset (page);
  self->busy = FALSE;
  self->index = 0;
  if (self->answers != NULL)
    memset (self->answers, 0, sizeof (JkInterestAnswer) * self->cards->len);
  g_clear_pointer (&self->result, jk_interest_result_free);
  clear_rows (self);
  gtk_label_set_text (self->areas_label, "");
  gtk_label_set_text (self->activities_label, "");
  gtk_label_set_text (self->message_label, "");
  show_mode (self, FALSE);
  gtk_widget_set_sensitive (self->back_button, FALSE);
}

static void
jk_interests_page_language_changed (JkPage *page)
{
  JkInterestsPage *self = JK_INTERESTS_PAGE (page);

  JK_PAGE_CLASS (jk_interests_page_parent_class)->language_changed (page);
  if (self->result != NULL)
    score (self);  /* the message and the pay's words come from the worker */
  else if (self->cards->len > 0)
    {
      const JkInterestCard *card = self->cards->pdata[MIN (self->index, self->cards->len - 1)];
      g_autofree char *progress = g_strdup_printf (_("Card %u of %u"), MIN (self->index + 1, self->cards->len),
                                                   self->cards->len);

      gtk_label_set_text (self->progress_label, progress);
      gtk_label_set_text (self->card_label, jk_interest_card_text (card, jk_i18n_get_language ()));
      gtk_label_set_text (self->about_quiz_label, jk_interests_words_about ());
    }
}

static void
jk_interests_page_finalize (GObject *object)
{
  JkInterestsPage *self = JK_INTERESTS_PAGE (object);

  g_free (self->db_path);
  g_free (self->state);
  g_free (self->metro);
  g_free (self->answers);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->result, jk_interest_result_free);
  G_OBJECT_CLASS (jk_interests_page_parent_class)->finalize (object);
}

static void
jk_interests_page_class_init (JkInterestsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JkPageClass *page_class = JK_PAGE_CLASS (klass);

  object_class->finalize = jk_interests_page_finalize;
  page_class->enter = jk_interests_page_enter;
  page_class->reset = jk_interests_page_reset;
  page_class->language_changed = jk_interests_page_language_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/interests/jk-interests-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JkInterestsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, JkInterestsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, JkInterestsPage, card_image);
  gtk_widget_class_bind_template_child (widget_class, JkInterestsPage, card_label);
  gtk_widget_class_bind_template_child (widget_class, JkInterestsPage, about_quiz_label);
  gtk_widget_class_bind_template_child (widget_class, JkInterestsPage, areas_label);
  gtk_widget_class_bind_template_child (widget_class, JkInterestsPage, activities_label);
  gtk_widget_class_bind_template_child (widget_class, JkInterestsPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, JkInterestsPage, results);
  gtk_widget_class_bind_template_child (widget_class, JkInterestsPage, about_label);
  gtk_widget_class_bind_template_child (widget_class, JkInterestsPage, source_label);
  gtk_widget_class_bind_template_child (widget_class, JkInterestsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, JkInterestsPage, answers_box);
  gtk_widget_class_bind_template_child (widget_class, JkInterestsPage, like_button);
  gtk_widget_class_bind_template_child (widget_class, JkInterestsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, JkInterestsPage, results_button);
  gtk_widget_class_bind_template_child (widget_class, JkInterestsPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, JkInterestsPage, print_button);
  gtk_widget_class_bind_template_callback (widget_class, on_like_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_not_sure_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_dislike_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_results_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_more_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
jk_interests_page_init (JkInterestsPage *self)
{
  g_autoptr (GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  jk_page_init_strings (JK_PAGE (self));
  gtk_list_box_set_header_func (self->results, update_header, NULL, NULL);
  self->cards = jk_interest_cards (&error);
  if (self->cards == NULL)
    {
      static GPtrArray *none;

      g_warning ("The interest quiz has no cards: %s", error->message);
      if (none == NULL)
        none = g_ptr_array_new ();
      self->cards = none;
    }
  self->answers = g_new0 (JkInterestAnswer, MAX (self->cards->len, 1));
  show_mode (self, FALSE);
  gtk_widget_set_sensitive (self->back_button, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

static JkPage *
create (const JkPageInfo    *info,
        const JkPageContext *context)
{
  JkInterestsPage *self = g_object_new (JK_TYPE_INTERESTS_PAGE, "title", N_("What kind of work would suit me?"),
                                        "prompt",
                                        N_("Would you like to do this? Answer as many cards as you like, then see "
                                           "your results."),
                                        NULL);

  self->db_path = g_strdup (jk_store_get_path (context->store));
  self->state = g_strdup (context->config->lmi_state);
  self->metro = g_strdup (context->config->lmi_metro);
  self->clock = g_object_ref (context->clock);
  self->print_flow = context->print_flow;
  return JK_PAGE (self);
}

const JkPageInfo jk_interests_page_info = { "interests", JK_PAGE_PRINTER_BADGE | JK_PAGE_NO_KEYBOARD, create };

guint
jk_interests_page_get_index (JkInterestsPage *self)
{
  return self->index;
}

guint
jk_interests_page_get_n_answered (JkInterestsPage *self)
{
  return count_answered (self);
}

gboolean
jk_interests_page_is_busy (JkInterestsPage *self)
{
  return self->busy;
}

const JkInterestResult *
jk_interests_page_get_result (JkInterestsPage *self)
{
  return self->result;
}

GtkListBox *
jk_interests_page_get_list (JkInterestsPage *self)
{
  return self->results;
}
