/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-resume-page.c: the resume builder: one question per step, the page as it will print beside them */

#define G_LOG_DOMAIN "jk-resume-page"

#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-lmi.h>
#include <jobkiosk/jk-resume-suggest.h>
#include <jobkiosk/jk-resume-vault.h>
#include <string.h>

#include "mail/jk-mail-flow.h"
#include "print/jk-print-flow.h"
#include "shell/jk-retranslate.h"
#include "widgets/jk-chip-picker.h"
#include "widgets/jk-spell-chips.h"
#include "jk-resume-history.h"
#include "jk-resume-page.h"
#include "jk-resume-preview.h"

/* Occupations offered for the job wanted. */
#define MAX_JOBS 8
#define JOB_SEARCH_DELAY_MS 200
#define N_SUMMARY 3

/* Every template child, bound and reachable by name for tests. */
#define RESUME_PAGE_CHILDREN \
  X (GtkScrolledWindow, scroller) X (GtkStack, steps) X (GtkButton, new_button) \
  X (GtkButton, open_saved_button) X (GtkEntry, name_entry) X (GtkEntry, phone_entry) \
  X (GtkEntry, email_entry) X (GtkEntry, city_entry) X (GtkEntry, region_entry) X (GtkEntry, job_entry) \
  X (GtkLabel, job_status) X (GtkBox, job_chips_box) X (GtkBox, summary_chips_box) \
  X (GtkEntry, summary1_entry) X (GtkEntry, summary2_entry) X (GtkEntry, summary3_entry) \
  X (GtkBox, work_box) X (GtkBox, education_box) X (GtkBox, skills_chips_box) X (GtkEntry, skill_entry) \
  X (GtkButton, add_skill_button) X (GtkBox, licenses_chips_box) X (GtkEntry, license_entry) \
  X (GtkButton, add_license_button) X (GtkBox, other_box) X (GtkRadioButton, refs_on_request) \
  X (GtkRadioButton, refs_list) X (GtkBox, ref1_row) X (GtkBox, ref2_row) X (GtkEntry, ref1_name) \
  X (GtkEntry, ref1_contact) X (GtkEntry, ref2_name) X (GtkEntry, ref2_contact) \
  X (GtkRadioButton, skills_template) X (GtkRadioButton, classic_template) X (GtkRadioButton, simple_template) \
  X (GtkLabel, template_hint) X (GtkButton, print_button) X (GtkButton, email_button) X (GtkButton, keep_button) \
  X (GtkEntry, pin_entry) X (GtkEntry, pin_again_entry) X (GtkLabel, keep_error) X (GtkButton, save_button) \
  X (GtkLabel, code_label) X (GtkLabel, expires_label) X (GtkButton, print_slip_button) \
  X (GtkButton, saved_done_button) X (GtkEntry, code_entry) X (GtkEntry, open_pin_entry) \
  X (GtkLabel, open_error) X (GtkButton, open_button) X (GtkBox, preview_box) X (GtkLabel, preview_label) \
  X (GtkBox, preview_holder) X (GtkBox, page_buttons) X (GtkButton, previous_page_button) \
  X (GtkButton, next_page_button) X (GtkLabel, source_label) X (GtkBox, spell_box) X (GtkButton, back_step_button) \
  X (GtkButton, next_button)

struct _JkResumePage
{
  JkPage parent_instance;

#define X(type, name) type *name;
  RESUME_PAGE_CHILDREN
#undef X

  JkChipPicker *job_chips;
  JkChipPicker *summary_chips;
  JkChipPicker *skill_chips;
  JkChipPicker *license_chips;
  JkResumeHistory *work;
  JkResumeHistory *education;
  JkResumeHistory *other;
  JkResumePreview *preview;
  JkSpellChips *spell;
  GtkWindow *window;           /* whose focus the spelling chips follow */

  const JkConfig *config;
  JkStore *store;
  JkClock *clock;
  JkPrintFlow *print_flow;
  JkMailFlow *mail_flow;
  char *db_path;

  char *soc;                   /* the occupation chosen for the job wanted */
  char *job_title;
  JkResumeSuggestions *suggestions;
  GPtrArray *found;            /* JkResumeOccupation-like pairs: soc, title (char *), for the job chips */
  guint job_search_id;
  gboolean filling;

  /* The preview: one render at a time; a change while it runs asks for
   * one more when it ends. */
  gboolean previewing;
  gboolean preview_dirty;
  guint preview_page;
  guint n_pages;
  guint preview_count;

  gboolean vault_busy;
  char *saved_code;            /* the code this visit's resume is kept under */
  char *saved_pin;             /* kept for this visit only, to save changes under the same code */
};

G_DEFINE_FINAL_TYPE (JkResumePage, jk_resume_page, JK_TYPE_PAGE)

/* The steps with a number, in order; "other" only when there is a gap. */
static const char *const numbered_steps[] = {
  "contact", "job", "summary", "work", "education", "skills", "licenses", "other", "references",
};

static void schedule_preview (JkResumePage *self);
static const char *current_step (JkResumePage *self);
static void update_source (JkResumePage *self);

/* ---------------------------------------------------------------------- */
/* Helpers: the resume the steps hold                                     */

static char *
entry_text (GtkEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_entry_get_text (entry)));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

static const char *
visit_language (JkResumePage *self)
{
  JkSession *session = jk_page_get_session (JK_PAGE (self));

  return session != NULL ? jk_session_get_language (session) : jk_i18n_get_language ();
}

JkResume *
jk_resume_page_build_resume (JkResumePage *self)
{
  JkResume *resume = jk_resume_new ();
  g_autoptr (GPtrArray) picked = NULL;
  GString *summary = g_string_new (NULL);
  GtkEntry *sentences[N_SUMMARY] = { self->summary1_entry, self->summary2_entry, self->summary3_entry };

  resume->basics.name = entry_text (self->name_entry);
  resume->basics.phone = entry_text (self->phone_entry);
  resume->basics.email = entry_text (self->email_entry);
  resume->basics.city = entry_text (self->city_entry);
  resume->basics.region = entry_text (self->region_entry);
  resume->basics.label = g_strdup (self->job_title);
  for (guint i = 0; i < N_SUMMARY; i++)
    {
      g_autofree char *sentence = entry_text (sentences[i]);

      if (sentence == NULL)
        continue;
      if (summary->len > 0)
        g_string_append_c (summary, ' ');
      g_string_append (summary, sentence);
    }
  resume->basics.summary = summary->len > 0 ? g_string_free (summary, FALSE) : (g_string_free (summary, TRUE), NULL);
  jk_resume_history_collect (self->work, resume->work);
  jk_resume_history_collect (self->education, resume->education);
  jk_resume_history_collect (self->other, resume->volunteer);

  picked = jk_chip_picker_get_active (self->skill_chips);
  for (guint i = 0; i < picked->len; i++)
    {
      JkResumeSkill *skill = g_new0 (JkResumeSkill, 1);

      skill->name = g_strdup (picked->pdata[i]);
      g_ptr_array_add (resume->skills, skill);
    }
  g_clear_pointer (&picked, g_ptr_array_unref);
  picked = jk_chip_picker_get_active (self->license_chips);
  for (guint i = 0; i < picked->len; i++)
    {
      JkResumeCertificate *certificate = g_new0 (JkResumeCertificate, 1);

      certificate->name = g_strdup (picked->pdata[i]);
      g_ptr_array_add (resume->certificates, certificate);
    }

  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->refs_on_request)))
    {
      JkResumeReference *reference = g_new0 (JkResumeReference, 1);

      reference->reference = g_strdup (_("References available on request."));
      g_ptr_array_add (resume->references, reference);
    }
  else
    {
      GtkEntry *rows[][2] = { { self->ref1_name, self->ref1_contact }, { self->ref2_name, self->ref2_contact } };

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        {
          g_autofree char *name = entry_text (rows[i][0]);
          g_autofree char *contact = entry_text (rows[i][1]);
          JkResumeReference *reference;

          if (name == NULL && contact == NULL)
            continue;
          reference = g_new0 (JkResumeReference, 1);
          reference->name = g_steal_pointer (&name);
          reference->reference = g_steal_pointer (&contact);
          g_ptr_array_add (resume->references, reference);
        }
    }
  return resume;
}

static JkResumeTemplate
chosen_template (JkResumePage *self)
{
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->classic_template)))
    return JK_RESUME_TEMPLATE_CLASSIC;
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->simple_template)))
    return JK_RESUME_TEMPLATE_SIMPLE;
  return JK_RESUME_TEMPLATE_SKILLS;
}

static JkPaperSize
paper_size (JkResumePage *self)
{
  return g_strcmp0 (self->config->print_paper, "a4") == 0 ? JK_PAPER_A4 : JK_PAPER_LETTER;
}

/* ---------------------------------------------------------------------- */
/* Helpers: suggestions                                                   */

static void
fill_suggestions (JkResumePage *self)
{
  g_autoptr (GPtrArray) skills = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) certificates = jk_resume_suggest_certificates (visit_language (self));
  g_autoptr (GPtrArray) credentials = jk_resume_suggest_credentials (visit_language (self));
  g_autoptr (GPtrArray) other = jk_resume_suggest_other (visit_language (self));
  g_autoptr (JkResume) resume = jk_resume_page_build_resume (self);

  g_clear_pointer (&self->suggestions, jk_resume_suggestions_free);
  self->suggestions = jk_resume_suggest (self->store, self->soc, self->job_title, visit_language (self));
  jk_chip_picker_set_items (self->summary_chips, (const char * const *) self->suggestions->summaries->pdata,
                            self->suggestions->summaries->len);
  /* Skills of the job wanted, then of the jobs held. */
  for (guint i = 0; i < self->suggestions->skills->len; i++)
    g_ptr_array_add (skills, g_strdup (self->suggestions->skills->pdata[i]));
  for (guint i = 0; i < resume->work->len; i++)
    {
      const JkResumeWork *work = resume->work->pdata[i];
      g_autoptr (JkResumeSuggestions) held = NULL;

      if (work->position == NULL)
        continue;
      held = jk_resume_suggest (self->store, NULL, work->position, visit_language (self));
      for (guint j = 0; j < held->skills->len; j++)
        g_ptr_array_add (skills, g_strdup (held->skills->pdata[j]));
    }
  /* The visitor's own stay: set_items keeps what is pressed only if listed. */
  {
    g_autoptr (GPtrArray) own = jk_chip_picker_get_active (self->skill_chips);

    for (guint i = 0; i < own->len; i++)
      g_ptr_array_add (skills, g_strdup (own->pdata[i]));
  }
  jk_chip_picker_set_items (self->skill_chips, (const char * const *) skills->pdata, skills->len);
  {
    g_autoptr (GPtrArray) own = jk_chip_picker_get_active (self->license_chips);

    for (guint i = 0; i < own->len; i++)
      g_ptr_array_add (certificates, g_strdup (own->pdata[i]));
    jk_chip_picker_set_items (self->license_chips, (const char * const *) certificates->pdata, certificates->len);
  }
  jk_resume_history_set_choices (self->education, credentials);
  jk_resume_history_set_choices (self->other, other);
  jk_resume_history_suggest_now (self->work);
  update_source (self);
}

/* O*NET's words carry its attribution line while they are offered. */
static void
update_source (JkResumePage *self)
{
  const char *step = current_step (self);
  gboolean offered = step != NULL && (g_str_equal (step, "summary") || g_str_equal (step, "work") ||
                                      g_str_equal (step, "skills"));
  const char *attribution = self->suggestions != NULL ? self->suggestions->attribution : NULL;

  gtk_label_set_text (self->source_label, attribution != NULL ? attribution : "");
  gtk_widget_set_visible (GTK_WIDGET (self->source_label), offered && attribution != NULL);
}

static GPtrArray *
suggest_duties (const char *title,
                gpointer    user_data)
{
  JkResumePage *self = user_data;
  g_autoptr (JkResumeSuggestions) suggestions = NULL;

  /* The job wanted's duties until the job held has a title. */
  if (title[0] == '\0')
    suggestions = jk_resume_suggest (self->store, self->soc, self->job_title, visit_language (self));
  else
    suggestions = jk_resume_suggest (self->store, NULL, title, visit_language (self));
  return g_ptr_array_ref (suggestions->duties);
}

/* ---------------------------------------------------------------------- */
/* Helpers: the job wanted                                                */

typedef struct {
  char *db_path;
  char *text;
  char *language;
  GPtrArray *found;  /* char *: soc, title, soc, title… */
} JobSearch;

static void
job_search_free (gpointer data)
{
  JobSearch *job = data;

  g_free (job->db_path);
  g_free (job->text);
  g_free (job->language);
  g_clear_pointer (&job->found, g_ptr_array_unref);
  g_free (job);
}

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  g_autofree char *lower = g_utf8_casefold (normal, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_combining_class (g_utf8_get_char (p)) == 0)
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* Occupations by any title: "Pay and careers"'s search where the kiosk has
 * labor market information (in English: O*NET's titles), the bundled list
 * (both languages) otherwise, or when it finds nothing. */
static gboolean
job_search_work (gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  JobSearch *job = data;
  g_autoptr (JkStore) reader = jk_store_open_reader (job->db_path, NULL);
  g_autoptr (GPtrArray) matches = NULL;
  g_autofree char *folded = fold (job->text);

  job->found = g_ptr_array_new_with_free_func (g_free);
  if (reader != NULL)
    {
      jk_i18n_set_thread_language (job->language);
      jk_store_set_cancellable (reader, cancellable);
      matches = jk_lmi_search (reader, job->text, TRUE, MAX_JOBS, NULL);
    }
  for (guint i = 0; matches != NULL && i < matches->len; i++)
    {
      const JkLmiMatch *match = matches->pdata[i];

      g_ptr_array_add (job->found, g_strdup (match->soc));
      g_ptr_array_add (job->found, g_strdup (match->title));
    }
  if (job->found->len == 0)
    {
      g_autoptr (GPtrArray) bundled = jk_resume_suggest_occupations (job->language);

      for (guint i = 0; i < bundled->len && job->found->len < 2 * MAX_JOBS; i++)
        {
          const JkResumeOccupation *occupation = bundled->pdata[i];
          g_autofree char *title = fold (occupation->title);

          if (folded[0] != '\0' && strstr (title, folded) == NULL)
            continue;
          g_ptr_array_add (job->found, g_strdup (occupation->soc));
          g_ptr_array_add (job->found, g_strdup (occupation->title));
        }
    }
  return TRUE;
}

static void
on_job_search_done (JkPage       *page,
                    gpointer      data,
                    const GError *error)
{
  JkResumePage *self = JK_RESUME_PAGE (page);
  JobSearch *job = data;
  g_autoptr (GPtrArray) titles = g_ptr_array_new ();

  g_clear_pointer (&self->found, g_ptr_array_unref);
  self->found = g_steal_pointer (&job->found);
  for (guint i = 1; i < self->found->len; i += 2)
    g_ptr_array_add (titles, self->found->pdata[i]);
  self->filling = TRUE;
  jk_chip_picker_set_items (self->job_chips, (const char * const *) titles->pdata, titles->len);
  if (self->job_title != NULL)
    jk_chip_picker_set_active (self->job_chips, self->job_title, TRUE);
  self->filling = FALSE;
  if (titles->len == 0)
    gtk_label_set_text (self->job_status, _("No job matches these words. Try other words, or keep what you typed."));
  else
    {
      g_autofree char *count = g_strdup_printf (jk_ngettext ("%u job matches. Touch the one that fits best.",
                                                             "%u jobs match. Touch the one that fits best.",
                                                             titles->len),
                                                titles->len);

      gtk_label_set_text (self->job_status, count);
    }
  jk_page_say (page, gtk_label_get_text (self->job_status), JK_SPEAK_QUEUE);
}

static void
search_jobs (JkResumePage *self)
{
  JobSearch *job = g_new0 (JobSearch, 1);

  g_clear_handle_id (&self->job_search_id, g_source_remove);
  job->db_path = g_strdup (self->db_path);
  job->text = g_strstrip (g_strdup (gtk_entry_get_text (self->job_entry)));
  job->language = g_strdup (visit_language (self));
  jk_page_run (JK_PAGE (self), "jk-resume-jobs", job_search_work, on_job_search_done, job, job_search_free);
}

static gboolean
job_search_cb (gpointer user_data)
{
  JkResumePage *self = user_data;

  self->job_search_id = 0;
  search_jobs (self);
  return G_SOURCE_REMOVE;
}

/* ---------------------------------------------------------------------- */
/* Helpers: the preview                                                   */

typedef struct {
  JkResume *resume;
  JkResumeTemplate template_id;
  JkPaperSize paper;
  char *center_name;
  char *language;
  int width;
  guint page;
  guint n_pages;
  cairo_surface_t *surface;
} PreviewJob;

static void
preview_job_free (gpointer data)
{
  PreviewJob *job = data;

  jk_resume_free (job->resume);
  g_free (job->center_name);
  g_free (job->language);
  g_clear_pointer (&job->surface, cairo_surface_destroy);
  g_free (job);
}

static gboolean
preview_work (gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  PreviewJob *job = data;
  JkDocumentContext context = { job->center_name, job->paper, NULL, job->language, NULL };
  JkResumeDocInput input = { job->resume, job->template_id };
  g_autoptr (JkDocument) document = jk_document_render (&jk_document_resume, &context, &input, error);

  if (document == NULL)
    return FALSE;
  job->n_pages = jk_document_get_n_pages (document);
  job->page = MIN (job->page, job->n_pages > 0 ? job->n_pages - 1 : 0);
  job->surface = jk_document_render_preview (document, job->page, job->width);
  return TRUE;
}

static void
update_page_buttons (JkResumePage *self)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->page_buttons), self->n_pages > 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->previous_page_button), self->preview_page > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_page_button), self->preview_page + 1 < self->n_pages);
  /* TRANSLATORS: above the preview of the resume */
  if (self->n_pages > 1)
    text = g_strdup_printf (_("Your resume: page %u of %u"), self->preview_page + 1, self->n_pages);
  gtk_label_set_text (self->preview_label, text != NULL ? text : _("Your resume"));
}

static void
on_preview_done (JkPage       *page,
                 gpointer      data,
                 const GError *error)
{
  JkResumePage *self = JK_RESUME_PAGE (page);
  PreviewJob *job = data;

  self->previewing = FALSE;
  if (error != NULL)
    g_warning ("The resume's preview could not be drawn: %s", error->message);
  else
    {
      self->n_pages = job->n_pages;
      self->preview_page = job->page;
      jk_resume_preview_set_page (self->preview, g_steal_pointer (&job->surface));
      self->preview_count++;
      update_page_buttons (self);
    }
  if (self->preview_dirty)
    schedule_preview (self);
}

static void
schedule_preview (JkResumePage *self)
{
  PreviewJob *job;

  if (self->filling)
    return;
  if (self->previewing)
    {
      self->preview_dirty = TRUE;
      return;
    }
  self->preview_dirty = FALSE;
  self->previewing = TRUE;
  job = g_new0 (PreviewJob, 1);
  job->resume = jk_resume_page_build_resume (self);
  job->template_id = chosen_template (self);
  job->paper = paper_size (self);
  job->center_name = g_strdup (self->config->center_name);
  job->language = g_strdup (visit_language (self));
  job->width = jk_resume_preview_get_width (self->preview, job->paper == JK_PAPER_A4 ? 297.0 / 210.0 : 11.0 / 8.5);
  job->page = self->preview_page;
  jk_page_run (JK_PAGE (self), "jk-resume-preview", preview_work, on_preview_done, job, preview_job_free);
}

/* ---------------------------------------------------------------------- */
/* Helpers: steps                                                         */

static gboolean
has_gap (JkResumePage *self)
{
  g_autoptr (JkResume) resume = jk_resume_page_build_resume (self);
  g_autoptr (GDateTime) now = jk_clock_now_local (self->clock);

  return resume->volunteer->len > 0 || jk_resume_has_gap (resume, g_date_time_to_unix (now));
}

/* The numbered steps this resume takes: "other" only after a gap. */
static GPtrArray *
step_list (JkResumePage *self)
{
  GPtrArray *list = g_ptr_array_new ();
  gboolean gap = has_gap (self);

  for (guint i = 0; i < G_N_ELEMENTS (numbered_steps); i++)
    if (!g_str_equal (numbered_steps[i], "other") || gap)
      g_ptr_array_add (list, (gpointer) numbered_steps[i]);
  return list;
}

static const char *
current_step (JkResumePage *self)
{
  return gtk_stack_get_visible_child_name (self->steps);
}

/* The step's question, said as it appears: the first label of the step. */
static const char *
step_question (JkResumePage *self)
{
  GtkWidget *step = gtk_stack_get_visible_child (self->steps);
  GList *children = gtk_container_get_children (GTK_CONTAINER (step));
  const char *text = NULL;

  for (GList *l = children; l != NULL && text == NULL; l = l->next)
    if (GTK_IS_LABEL (l->data))
      text = gtk_label_get_text (l->data);
  g_list_free (children);
  return text;
}

static GtkWidget *
first_field (JkResumePage *self,
             const char   *step)
{
  if (g_str_equal (step, "contact"))
    return GTK_WIDGET (self->name_entry);
  if (g_str_equal (step, "job"))
    return GTK_WIDGET (self->job_entry);
  if (g_str_equal (step, "keep"))
    return GTK_WIDGET (self->pin_entry);
  if (g_str_equal (step, "open"))
    return GTK_WIDGET (self->code_entry);
  return NULL;
}

static void
show_step (JkResumePage *self,
           const char   *name)
{
  g_autoptr (GPtrArray) list = step_list (self);
  guint number = 0;
  gboolean numbered = FALSE;
  gboolean form = FALSE;
  GtkWidget *field;

  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (list->pdata[i], name))
      {
        number = i + 1;
        numbered = TRUE;
      }
  form = numbered;
  gtk_stack_set_visible_child_name (self->steps, name);
  jk_page_set_step (JK_PAGE (self), number, numbered ? list->len : 0);
  gtk_widget_set_visible (GTK_WIDGET (self->back_step_button), !g_str_equal (name, "start"));
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), form);
  /* What a finished resume is for, kept in sight below it. */
  gtk_widget_set_visible (GTK_WIDGET (self->print_button), g_str_equal (name, "done"));
  gtk_widget_set_visible (GTK_WIDGET (self->keep_button), g_str_equal (name, "done"));
  gtk_widget_set_visible (GTK_WIDGET (self->email_button), g_str_equal (name, "done") && self->mail_flow != NULL &&
                          jk_mail_flow_is_enabled (self->mail_flow));
  jk_retranslate_set_button (self->next_button, numbered && number == list->len ? N_("Finish") : N_("Next"));
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), g_str_equal (name, "keep"));
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), g_str_equal (name, "open"));
  /* The page's main action, in the sticky row: Next in the steps, Print
   * when done, Keep it and Open for a PIN. */
  if (form)
    jk_page_set_main_action (JK_PAGE (self), GTK_WIDGET (self->next_button));
  else if (g_str_equal (name, "done"))
    jk_page_set_main_action (JK_PAGE (self), GTK_WIDGET (self->print_button));
  else if (g_str_equal (name, "keep"))
    jk_page_set_main_action (JK_PAGE (self), GTK_WIDGET (self->save_button));
  else if (g_str_equal (name, "open"))
    jk_page_set_main_action (JK_PAGE (self), GTK_WIDGET (self->open_button));
  else
    jk_page_set_main_action (JK_PAGE (self), NULL);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  if (g_str_equal (name, "skills") || g_str_equal (name, "licenses") || g_str_equal (name, "summary") ||
      g_str_equal (name, "work") || g_str_equal (name, "education") || g_str_equal (name, "other"))
    fill_suggestions (self);
  update_source (self);
  field = first_field (self, name);
  if (field != NULL)
    gtk_widget_grab_focus (field);
  jk_page_say (JK_PAGE (self), step_question (self), JK_SPEAK_INTERRUPT);
}

/* Leaving a step keeps what its form holds; FALSE when it cannot be kept. */
static gboolean
commit_step (JkResumePage *self)
{
  const char *step = current_step (self);

  if (g_str_equal (step, "work"))
    return jk_resume_history_commit (self->work);
  if (g_str_equal (step, "education"))
    return jk_resume_history_commit (self->education);
  if (g_str_equal (step, "other"))
    return jk_resume_history_commit (self->other);
  return TRUE;
}

static void
move_step (JkResumePage *self,
           int           direction)
{
  g_autoptr (GPtrArray) list = NULL;
  const char *step = current_step (self);

  if (direction > 0 && !commit_step (self))
    return;
  list = step_list (self);
  /* Keeping and opening are beside the steps: back from them is where
   * they were reached from. */
  if (g_str_equal (step, "keep") || g_str_equal (step, "saved"))
    {
      show_step (self, "done");
      return;
    }
  if (g_str_equal (step, "open"))
    {
      show_step (self, "start");
      return;
    }
  if (g_str_equal (step, "done"))
    {
      show_step (self, list->pdata[list->len - 1]);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (list->pdata[i], step))
      {
        if (direction > 0 && i + 1 == list->len)
          show_step (self, "done");
        else if (direction > 0)
          show_step (self, list->pdata[i + 1]);
        else if (i > 0)
          show_step (self, list->pdata[i - 1]);
        else
          show_step (self, "start");
        return;
      }
}

static void
clear_builder (JkResumePage *self)
{
  self->filling = TRUE;
  g_clear_pointer (&self->soc, g_free);
  g_clear_pointer (&self->job_title, g_free);
  g_clear_pointer (&self->found, g_ptr_array_unref);
  g_clear_pointer (&self->suggestions, jk_resume_suggestions_free);
  if (self->saved_pin != NULL)
    memset (self->saved_pin, 0, strlen (self->saved_pin));
  g_clear_pointer (&self->saved_pin, g_free);
  g_clear_pointer (&self->saved_code, g_free);
  jk_chip_picker_set_items (self->job_chips, NULL, 0);
  jk_chip_picker_set_items (self->summary_chips, NULL, 0);
  /* set_items keeps pressed chips that are listed again: none are. */
  for (JkChipPicker **p = (JkChipPicker *[]) { self->skill_chips, self->license_chips, NULL }; *p != NULL; p++)
    {
      jk_chip_picker_unpress_all (*p);
      jk_chip_picker_set_items (*p, NULL, 0);
    }
  jk_resume_history_clear (self->work);
  jk_resume_history_clear (self->education);
  jk_resume_history_clear (self->other);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->refs_on_request), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->skills_template), TRUE);
  gtk_label_set_text (self->job_status, "");
  gtk_widget_hide (GTK_WIDGET (self->keep_error));
  gtk_widget_hide (GTK_WIDGET (self->open_error));
  self->preview_page = 0;
  self->n_pages = 0;
  jk_resume_preview_set_page (self->preview, NULL);
  update_page_buttons (self);
  self->filling = FALSE;
}

/* Fills the steps from a saved resume. */
static void
load_resume (JkResumePage   *self,
             const JkResume *resume)
{
  GtkEntry *sentences[N_SUMMARY] = { self->summary1_entry, self->summary2_entry, self->summary3_entry };
  g_auto (GStrv) parts = NULL;

  self->filling = TRUE;
  gtk_entry_set_text (self->name_entry, resume->basics.name != NULL ? resume->basics.name : "");
  gtk_entry_set_text (self->phone_entry, resume->basics.phone != NULL ? resume->basics.phone : "");
  gtk_entry_set_text (self->email_entry, resume->basics.email != NULL ? resume->basics.email : "");
  gtk_entry_set_text (self->city_entry, resume->basics.city != NULL ? resume->basics.city : "");
  gtk_entry_set_text (self->region_entry, resume->basics.region != NULL ? resume->basics.region : "");
  g_free (self->job_title);
  self->job_title = g_strdup (resume->basics.label);
  gtk_entry_set_text (self->job_entry, resume->basics.label != NULL ? resume->basics.label : "");
  /* The summary back in sentences, the last one taking any more. */
  parts = g_regex_split_simple ("(?<=[.!?])\\s+", resume->basics.summary != NULL ? resume->basics.summary : "", 0, 0);
  for (guint i = 0, n = g_strv_length (parts); i < N_SUMMARY; i++)
    {
      g_autofree char *text = i >= n ? g_strdup ("") : i + 1 == N_SUMMARY ? g_strjoinv (" ", parts + i)
                                                                          : g_strdup (parts[i]);

      gtk_entry_set_text (sentences[i], text);
    }
  jk_resume_history_set_entries (self->work, resume->work);
  jk_resume_history_set_entries (self->education, resume->education);
  jk_resume_history_set_entries (self->other, resume->volunteer);
  for (guint i = 0; i < resume->skills->len; i++)
    jk_chip_picker_add (self->skill_chips, ((JkResumeSkill *) resume->skills->pdata[i])->name);
  for (guint i = 0; i < resume->certificates->len; i++)
    jk_chip_picker_add (self->license_chips, ((JkResumeCertificate *) resume->certificates->pdata[i])->name);
  {
    gboolean listed = FALSE;
    GtkEntry *rows[][2] = { { self->ref1_name, self->ref1_contact }, { self->ref2_name, self->ref2_contact } };
    guint row = 0;

    for (guint i = 0; i < resume->references->len && row < G_N_ELEMENTS (rows); i++)
      {
        const JkResumeReference *reference = resume->references->pdata[i];

        if (reference->name == NULL)
          continue;
        listed = TRUE;
        gtk_entry_set_text (rows[row][0], reference->name);
        gtk_entry_set_text (rows[row][1], reference->reference != NULL ? reference->reference : "");
        row++;
      }
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (listed ? self->refs_list : self->refs_on_request), TRUE);
  }
  self->filling = FALSE;
  fill_suggestions (self);
}

static void
update_references (JkResumePage *self)
{
  gboolean listed = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->refs_list));

  gtk_widget_set_visible (GTK_WIDGET (self->ref1_row), listed);
  gtk_widget_set_visible (GTK_WIDGET (self->ref2_row), listed);
}

/* ---------------------------------------------------------------------- */
/* Helpers: keeping and opening                                           */

typedef enum {
  VAULT_SAVE,
  VAULT_REPLACE,
  VAULT_OPEN,
} VaultAction;

typedef struct {
  VaultAction action;
  const JkConfig *config;
  char *db_path;
  JkResume *resume;
  char *code;
  char *pin;
  gint64 now;
  gint64 expires;
  guint tries_left;
} VaultJob;

static void
vault_job_free (gpointer data)
{
  VaultJob *job = data;

  g_clear_pointer (&job->resume, jk_resume_free);
  g_free (job->db_path);
  g_free (job->code);
  if (job->pin != NULL)
    memset (job->pin, 0, strlen (job->pin));
  g_free (job->pin);
  g_free (job);
}

static gboolean
vault_work (gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  VaultJob *job = data;
  g_autoptr (JkResumeVault) vault = jk_resume_vault_new (job->config, job->db_path, error);

  if (vault == NULL)
    return FALSE;
  switch (job->action)
    {
    case VAULT_SAVE:
      job->code = jk_resume_vault_save (vault, job->resume, job->pin, job->now, &job->expires, error);
      return job->code != NULL;
    case VAULT_REPLACE:
      return jk_resume_vault_replace (vault, job->code, job->resume, job->pin, job->now, &job->expires, error);
    case VAULT_OPEN:
    default:
      g_clear_pointer (&job->resume, jk_resume_free);
      job->resume = jk_resume_vault_open (vault, job->code, job->pin, job->now, &job->tries_left, error);
      return job->resume != NULL;
    }
}

static char *
vault_error_text (const GError *error,
                  guint         tries_left)
{
  if (g_error_matches (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_BAD_CODE))
    return g_strdup (_("A code has 8 letters and numbers, like ACDE-FGHJ. Please check it."));
  if (g_error_matches (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_BAD_PIN))
    return g_strdup (_("A PIN is 4 to 6 numbers."));
  if (g_error_matches (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_NOT_FOUND))
    return g_strdup (_("There is no saved resume with this code here. Please check the code on your slip. "
                       "Saved resumes are kept for a limited time."));
  if (g_error_matches (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_WRONG_PIN))
    return g_strdup_printf (jk_ngettext ("This PIN is not right. You can try %u more time.",
                                         "This PIN is not right. You can try %u more times.", tries_left),
                            tries_left);
  if (g_error_matches (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_LOCKED))
    return g_strdup (_("This code is locked after too many wrong PINs. Please try again in 15 minutes, or ask staff."));
  return g_strdup (_("Your resume cannot be opened or kept right now. Please ask staff."));
}

static void
show_error (JkResumePage *self,
            GtkLabel     *label,
            const char   *text)
{
  gtk_label_set_text (label, text);
  gtk_widget_show (GTK_WIDGET (label));
  /* Above the fields, so it is in sight whatever the keyboard leaves. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  jk_page_say (JK_PAGE (self), text, JK_SPEAK_INTERRUPT);
}

static void
on_vault_done (JkPage       *page,
               gpointer      data,
               const GError *error)
{
  JkResumePage *self = JK_RESUME_PAGE (page);
  VaultJob *job = data;

  self->vault_busy = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), TRUE);
  if (error != NULL)
    {
      g_autofree char *text = vault_error_text (error, job->tries_left);

      if (!g_error_matches (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_WRONG_PIN) &&
          !g_error_matches (error, JK_RESUME_VAULT_ERROR, JK_RESUME_VAULT_ERROR_NOT_FOUND))
        g_warning ("Saved resume: %s", error->message);
      show_error (self, job->action == VAULT_OPEN ? self->open_error : self->keep_error, text);
      return;
    }
  if (job->action == VAULT_OPEN)
    {
      gtk_entry_set_text (self->open_pin_entry, "");
      g_free (self->saved_code);
      self->saved_code = g_steal_pointer (&job->code);
      g_free (self->saved_pin);
      self->saved_pin = g_steal_pointer (&job->pin);
      load_resume (self, job->resume);
      show_step (self, "done");
      jk_page_say (page, _("Your resume is open."), JK_SPEAK_QUEUE);
      schedule_preview (self);
      return;
    }
  {
    g_autoptr (GDateTime) expires = g_date_time_new_from_unix_local (job->expires);
    g_autofree char *day = jk_format_date_with_year (expires);
    g_autofree char *until = g_strdup_printf (_("It is kept until %s."), day);
    g_autofree char *shown = jk_resume_code_format (job->code);
    g_autofree char *spoken = NULL;

    g_free (self->saved_code);
    self->saved_code = g_steal_pointer (&job->code);
    g_free (self->saved_pin);
    self->saved_pin = g_steal_pointer (&job->pin);
    gtk_entry_set_text (self->pin_entry, "");
    gtk_entry_set_text (self->pin_again_entry, "");
    gtk_label_set_text (self->code_label, shown);
    gtk_label_set_text (self->expires_label, until);
    g_object_set_data_full (G_OBJECT (self->code_label), "jk-expires", g_memdup2 (&job->expires, sizeof job->expires),
                            g_free);
    show_step (self, "saved");
    spoken = g_strdup_printf (_("Your code is %s. %s"), shown, until);
    jk_page_say (page, spoken, JK_SPEAK_QUEUE);
  }
}

static void
run_vault (JkResumePage *self,
           VaultAction   action,
           const char   *code,
           const char   *pin)
{
  VaultJob *job = g_new0 (VaultJob, 1);
  g_autoptr (GDateTime) now = jk_clock_now_local (self->clock);

  job->action = action;
  job->config = self->config;
  job->db_path = g_strdup (self->db_path);
  job->code = g_strdup (code);
  job->pin = g_strdup (pin);
  job->now = g_date_time_to_unix (now);
  if (action != VAULT_OPEN)
    job->resume = jk_resume_page_build_resume (self);
  self->vault_busy = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), FALSE);
  jk_page_run (JK_PAGE (self), "jk-resume-vault", vault_work, on_vault_done, job, vault_job_free);
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_field_changed (JkResumePage *self)
{
  update_references (self);
  schedule_preview (self);
}

static void
on_nothing (JkResumePage *self)
{
}

static void
on_job_text_changed (JkResumePage *self)
{
  if (self->filling)
    return;
  g_clear_handle_id (&self->job_search_id, g_source_remove);
  self->job_search_id = g_timeout_add (JOB_SEARCH_DELAY_MS, job_search_cb, self);
  g_source_set_name_by_id (self->job_search_id, "[jk-resume] job search");
}

static void
on_job_chip_toggled (JkResumePage *self,
                     const char   *title,
                     gboolean      active)
{
  if (self->filling)
    return;
  if (!active)
    {
      if (g_strcmp0 (title, self->job_title) == 0)
        {
          g_clear_pointer (&self->job_title, g_free);
          g_clear_pointer (&self->soc, g_free);
        }
      schedule_preview (self);
      return;
    }
  /* One job wanted: the others let go. */
  self->filling = TRUE;
  if (self->job_title != NULL)
    jk_chip_picker_set_active (self->job_chips, self->job_title, FALSE);
  self->filling = FALSE;
  g_free (self->job_title);
  self->job_title = g_strdup (title);
  g_clear_pointer (&self->soc, g_free);
  for (guint i = 1; self->found != NULL && i < self->found->len; i += 2)
    if (g_str_equal (self->found->pdata[i], title))
      self->soc = g_strdup (self->found->pdata[i - 1]);
  fill_suggestions (self);
  schedule_preview (self);
}

/* A summary sentence, a skill or a license chosen or let go. */
static void
on_summary_chip_toggled (JkResumePage *self,
                         const char   *text,
                         gboolean      active)
{
  GtkEntry *sentences[N_SUMMARY] = { self->summary1_entry, self->summary2_entry, self->summary3_entry };

  for (guint i = 0; i < N_SUMMARY; i++)
    {
      const char *typed = gtk_entry_get_text (sentences[i]);

      if (!active && g_str_equal (typed, text))
        {
          gtk_entry_set_text (sentences[i], "");
          return;
        }
      if (active && typed[0] == '\0')
        {
          gtk_entry_set_text (sentences[i], text);
          return;
        }
    }
  /* Three sentences already: this one waits until one is emptied. */
  if (active)
    jk_chip_picker_set_active (self->summary_chips, text, FALSE);
}

static void
on_chip_toggled (JkResumePage *self)
{
  schedule_preview (self);
}

static void
add_own (JkResumePage *self,
         GtkEntry     *entry,
         JkChipPicker *chips)
{
  g_autofree char *text = entry_text (entry);

  if (text == NULL)
    return;
  jk_chip_picker_add (chips, text);
  gtk_entry_set_text (entry, "");
  schedule_preview (self);
}

static void
on_add_skill_clicked (JkResumePage *self)
{
  add_own (self, self->skill_entry, self->skill_chips);
}

static void
on_add_license_clicked (JkResumePage *self)
{
  add_own (self, self->license_entry, self->license_chips);
}

static void
on_new_clicked (JkResumePage *self)
{
  clear_builder (self);
  show_step (self, "contact");
  schedule_preview (self);
}

static void
on_open_saved_clicked (JkResumePage *self)
{
  gtk_widget_hide (GTK_WIDGET (self->open_error));
  show_step (self, "open");
}

static void
on_next_clicked (JkResumePage *self)
{
  move_step (self, 1);
}

static void
on_back_step_clicked (JkResumePage *self)
{
  move_step (self, -1);
}

static void
on_template_toggled (JkResumePage    *self,
                     GtkToggleButton *button)
{
  static const char *const hints[] = {
    [JK_RESUME_TEMPLATE_SKILLS] = N_("Skills first, then jobs: good when you are starting out or changing careers."),
    [JK_RESUME_TEMPLATE_CLASSIC] = N_("Jobs first, newest at the top: good when your work history is steady."),
    [JK_RESUME_TEMPLATE_SIMPLE] = N_("Plain text, no color: prints well anywhere."),
  };

  if (!gtk_toggle_button_get_active (button))
    return;
  gtk_label_set_text (self->template_hint, _(hints[chosen_template (self)]));
  self->preview_page = 0;
  schedule_preview (self);
}

static void
on_print_clicked (JkResumePage *self)
{
  g_autoptr (JkResume) resume = jk_resume_page_build_resume (self);
  JkResumeDocInput input = { resume, chosen_template (self) };

  jk_print_flow_show (self->print_flow, JK_PAGE (self), &jk_document_resume, &input);
}

static void
on_email_clicked (JkResumePage *self)
{
  g_autoptr (JkResume) resume = jk_resume_page_build_resume (self);
  JkResumeDocInput input = { resume, chosen_template (self) };

  jk_mail_flow_show (self->mail_flow, JK_PAGE (self), &jk_document_resume, &input);
}

static void
on_keep_clicked (JkResumePage *self)
{
  /* Kept once already this visit: saved again under the same code. */
  if (self->saved_code != NULL && self->saved_pin != NULL)
    {
      run_vault (self, VAULT_REPLACE, self->saved_code, self->saved_pin);
      return;
    }
  gtk_widget_hide (GTK_WIDGET (self->keep_error));
  show_step (self, "keep");
}

static void
on_save_clicked (JkResumePage *self)
{
  const char *pin = gtk_entry_get_text (self->pin_entry);

  if (self->vault_busy)
    return;
  if (!jk_resume_pin_is_valid (pin))
    show_error (self, self->keep_error, _("A PIN is 4 to 6 numbers."));
  else if (!g_str_equal (pin, gtk_entry_get_text (self->pin_again_entry)))
    show_error (self, self->keep_error, _("The two PINs are not the same. Please type them again."));
  else
    run_vault (self, VAULT_SAVE, NULL, pin);
}

static void
on_print_slip_clicked (JkResumePage *self)
{
  gint64 *expires = g_object_get_data (G_OBJECT (self->code_label), "jk-expires");
  JkResumeSlipInput input = { self->saved_code, expires != NULL ? *expires : 0 };

  if (self->saved_code != NULL)
    jk_print_flow_show (self->print_flow, JK_PAGE (self), &jk_document_resume_slip, &input);
}

static void
on_saved_done_clicked (JkResumePage *self)
{
  show_step (self, "done");
}

static void
on_open_clicked (JkResumePage *self)
{
  g_autofree char *code = jk_resume_code_normalize (gtk_entry_get_text (self->code_entry));

  if (self->vault_busy)
    return;
  if (code == NULL)
    show_error (self, self->open_error, _("A code has 8 letters and numbers, like ACDE-FGHJ. Please check it."));
  else if (!jk_resume_pin_is_valid (gtk_entry_get_text (self->open_pin_entry)))
    show_error (self, self->open_error, _("A PIN is 4 to 6 numbers."));
  else
    {
      clear_builder (self);
      run_vault (self, VAULT_OPEN, code, gtk_entry_get_text (self->open_pin_entry));
    }
}

static void
on_previous_page_clicked (JkResumePage *self)
{
  if (self->preview_page > 0)
    self->preview_page--;
  schedule_preview (self);
}

static void
on_next_page_clicked (JkResumePage *self)
{
  if (self->preview_page + 1 < self->n_pages)
    self->preview_page++;
  schedule_preview (self);
}

/* The spelling chips check the field with the focus, when its words are
 * free text (marked "jk-spell") and it is on this page. */
static void
on_window_focus (JkResumePage *self,
                 GtkWidget    *focus)
{
  if (focus != NULL && GTK_IS_ENTRY (focus) && g_object_get_data (G_OBJECT (focus), "jk-spell") != NULL &&
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    jk_spell_chips_attach_entry (self->spell, GTK_ENTRY (focus));
}

static void
on_spelling_suggested (JkResumePage *self)
{
  g_autofree char *text = jk_spell_chips_dup_announcement (self->spell);

  if (text != NULL)
    jk_page_say (JK_PAGE (self), text, JK_SPEAK_QUEUE);
}

static void
on_hierarchy_changed (JkResumePage *self,
                      GtkWidget    *previous_toplevel)
{
  GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));

  if (!GTK_IS_WINDOW (toplevel) || GTK_WINDOW (toplevel) == self->window)
    return;
  self->window = GTK_WINDOW (toplevel);
  g_signal_connect_object (toplevel, "set-focus", G_CALLBACK (on_window_focus), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_resume_page_enter (JkPage *page)
{
  JkResumePage *self = JK_RESUME_PAGE (page);

  jk_spell_chips_set_session (self->spell, jk_page_get_session (page));
  /* Back from printing: the steps are as they were. */
  if (current_step (self) == NULL || g_str_equal (current_step (self), "start"))
    show_step (self, "start");
  schedule_preview (self);
}

static void
jk_resume_page_leave (JkPage *page)
{
  JkResumePage *self = JK_RESUME_PAGE (page);

  /* Leaving cancels the page's work, whose done never runs. */
  self->previewing = FALSE;
  self->vault_busy = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), TRUE);
  g_clear_handle_id (&self->job_search_id, g_source_remove);
}

static void
jk_resume_page_reset (JkPage *page)
{
  JkResumePage *self = JK_RESUME_PAGE (page);

  jk_resume_page_leave (page);
  self->filling = TRUE;
  JK_PAGE_CLASS (jk_resume_page_parent_class)->reset (page);
  self->filling = FALSE;
  clear_builder (self);
  jk_spell_chips_detach (self->spell);
  gtk_stack_set_visible_child_name (self->steps, "start");
  jk_page_set_step (page, 0, 0);
}

static void
jk_resume_page_language_changed (JkPage *page)
{
  JkResumePage *self = JK_RESUME_PAGE (page);

  JK_PAGE_CLASS (jk_resume_page_parent_class)->language_changed (page);
  fill_suggestions (self);
  update_page_buttons (self);
  schedule_preview (self);
}

static void
jk_resume_page_finalize (GObject *object)
{
  JkResumePage *self = JK_RESUME_PAGE (object);

  g_clear_handle_id (&self->job_search_id, g_source_remove);
  g_free (self->db_path);
  g_free (self->soc);
  g_free (self->job_title);
  g_free (self->saved_code);
  g_free (self->saved_pin);
  g_clear_pointer (&self->found, g_ptr_array_unref);
  g_clear_pointer (&self->suggestions, jk_resume_suggestions_free);
  G_OBJECT_CLASS (jk_resume_page_parent_class)->finalize (object);
}

static void
jk_resume_page_class_init (JkResumePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JkPageClass *page_class = JK_PAGE_CLASS (klass);

  object_class->finalize = jk_resume_page_finalize;
  page_class->enter = jk_resume_page_enter;
  page_class->leave = jk_resume_page_leave;
  page_class->reset = jk_resume_page_reset;
  page_class->language_changed = jk_resume_page_language_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/resume/jk-resume-page.ui");
#define X(type, name) gtk_widget_class_bind_template_child (widget_class, JkResumePage, name);
  RESUME_PAGE_CHILDREN
#undef X
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_nothing);
  gtk_widget_class_bind_template_callback (widget_class, on_job_text_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_skill_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_license_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_new_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_open_saved_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_back_step_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_template_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_email_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_keep_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_print_slip_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_saved_done_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_page_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_next_page_clicked);
}

static GtkWidget *
picker_in (GtkBox    *holder,
           GCallback  callback,
           gpointer   self)
{
  GtkWidget *picker = jk_chip_picker_new ();

  g_signal_connect_swapped (picker, "toggled", callback, self);
  gtk_container_add (GTK_CONTAINER (holder), picker);
  return picker;
}

static JkResumeHistory *
history_in (GtkBox              *holder,
            JkResumeHistoryKind  kind,
            JkResumePage        *self)
{
  GtkWidget *history = jk_resume_history_new (kind);

  g_signal_connect_swapped (history, "changed", G_CALLBACK (schedule_preview), self);
  gtk_container_add (GTK_CONTAINER (holder), history);
  return JK_RESUME_HISTORY (history);
}

/* Buttons in a row wrap their words, so Spanish in larger text never
 * widens the window. */
static void
wrap_button_labels (GtkWidget *widget,
                    gpointer   data)
{
  if (GTK_IS_BUTTON (widget) && GTK_IS_LABEL (gtk_bin_get_child (GTK_BIN (widget))))
    {
      GtkLabel *label = GTK_LABEL (gtk_bin_get_child (GTK_BIN (widget)));

      gtk_label_set_line_wrap (label, TRUE);
      gtk_label_set_max_width_chars (label, 16);
      gtk_label_set_justify (label, GTK_JUSTIFY_CENTER);
    }
  else if (GTK_IS_CONTAINER (widget))
    gtk_container_foreach (GTK_CONTAINER (widget), wrap_button_labels, data);
}

static void
jk_resume_page_init (JkResumePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->job_chips = JK_CHIP_PICKER (picker_in (self->job_chips_box, G_CALLBACK (on_job_chip_toggled), self));
  self->summary_chips = JK_CHIP_PICKER (picker_in (self->summary_chips_box, G_CALLBACK (on_summary_chip_toggled),
                                                   self));
  self->skill_chips = JK_CHIP_PICKER (picker_in (self->skills_chips_box, G_CALLBACK (on_chip_toggled), self));
  self->license_chips = JK_CHIP_PICKER (picker_in (self->licenses_chips_box, G_CALLBACK (on_chip_toggled), self));
  self->work = history_in (self->work_box, JK_RESUME_HISTORY_WORK, self);
  self->education = history_in (self->education_box, JK_RESUME_HISTORY_EDUCATION, self);
  self->other = history_in (self->other_box, JK_RESUME_HISTORY_OTHER, self);
  self->preview = JK_RESUME_PREVIEW (jk_resume_preview_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->preview), TRUE);
  gtk_container_add (GTK_CONTAINER (self->preview_holder), GTK_WIDGET (self->preview));
  gtk_widget_set_vexpand (GTK_WIDGET (self->preview_holder), TRUE);
  jk_retranslate_set_a11y_name (GTK_WIDGET (self->preview), N_("Your resume as it will print"));
  for (GtkEntry **e = (GtkEntry *[]) { self->summary1_entry, self->summary2_entry, self->summary3_entry,
                                       self->skill_entry, self->license_entry, NULL };
       *e != NULL; e++)
    g_object_set_data (G_OBJECT (*e), "jk-spell", GINT_TO_POINTER (TRUE));
  self->spell = jk_spell_chips_new ();
  gtk_container_add (GTK_CONTAINER (self->spell_box), GTK_WIDGET (self->spell));
  g_signal_connect_swapped (self->spell, "suggested", G_CALLBACK (on_spelling_suggested), self);
  g_signal_connect (self, "hierarchy-changed", G_CALLBACK (on_hierarchy_changed), NULL);
  wrap_button_labels (GTK_WIDGET (self), NULL);
  update_references (self);
  /* After the steps' own widgets are in, so their words switch too. */
  jk_page_init_strings (JK_PAGE (self));
  update_page_buttons (self);
}

static JkPage *
create (const JkPageInfo    *info,
        const JkPageContext *context)
{
  JkResumePage *self = g_object_new (JK_TYPE_RESUME_PAGE, "title", N_("Build a resume"), "prompt",
                                     N_("Start a new resume, or open one you saved here before."), NULL);

  self->config = context->config;
  self->store = context->store;
  self->clock = context->clock;
  self->print_flow = context->print_flow;
  self->mail_flow = context->mail_flow;
  self->db_path = g_strdup (jk_store_get_path (context->store));
  jk_resume_history_set_suggest (self->work, suggest_duties, self);
  if (context->config->print_hold)
    jk_retranslate_set_button (self->print_button, N_("Ask staff to print it"));
  return JK_PAGE (self);
}

const JkPageInfo jk_resume_page_info = { "resume", 0, create };

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

const char *
jk_resume_page_get_step (JkResumePage *self)
{
  return current_step (self);
}

gboolean
jk_resume_page_is_busy (JkResumePage *self)
{
  return self->previewing || self->vault_busy || self->job_search_id != 0;
}

guint
jk_resume_page_get_n_pages (JkResumePage *self)
{
  return self->n_pages;
}

guint
jk_resume_page_get_preview_count (JkResumePage *self)
{
  return self->preview_count;
}

GtkWidget *
jk_resume_page_get_widget (JkResumePage *self,
                           const char   *id)
{
  if (g_str_equal (id, "work"))
    return GTK_WIDGET (self->work);
  if (g_str_equal (id, "education"))
    return GTK_WIDGET (self->education);
  if (g_str_equal (id, "other"))
    return GTK_WIDGET (self->other);
  if (g_str_equal (id, "job_chips"))
    return GTK_WIDGET (self->job_chips);
  if (g_str_equal (id, "summary_chips"))
    return GTK_WIDGET (self->summary_chips);
  if (g_str_equal (id, "skill_chips"))
    return GTK_WIDGET (self->skill_chips);
  if (g_str_equal (id, "license_chips"))
    return GTK_WIDGET (self->license_chips);
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), JK_TYPE_RESUME_PAGE, id));
}
