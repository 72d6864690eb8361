/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-job-page.c: a job's details and how to apply */

#define G_LOG_DOMAIN "jk-job-page"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-visit.h>
#include <string.h>

#include <jobkiosk/jk-lmi.h>

#include "careers/jk-occupation-page.h"
#include "jk-job-page.h"
#include "jk-log-form-page.h"
#include "print/jk-print-flow.h"
#include "widgets/jk-qr-code.h"
#include "shell/jk-retranslate.h"

#define SHORT_ADDRESS_MAX 48
#define FACT_MAX_LINES 2
/* A run of letters longer than any word gets a break opportunity every
 * RUN_BREAK_EVERY characters (see breakable_text). */
#define RUN_MAX 64
#define RUN_BREAK_EVERY 32
/* The QR code's side: 200 px at least, up to 300 where the page is tall. */
#define QR_MIN 200
#define QR_MAX 300

struct _JkJobPage
{
  JkPage parent_instance;

  GtkLabel *title_label;
  GtkLabel *employer_label;
  GtkGrid *facts;
  GtkScrolledWindow *content_scroller;
  GtkLabel *description_label;
  GtkWidget *apply_box;
  JkQrCode *qr_code;
  GtkLabel *address_label;
  GtkToggleButton *save_button;
  GtkLabel *save_label;
  GtkWidget *applied_button;

  const JkConfig *config;
  JkStore *store;
  JkClock *clock;
  JkPrintFlow *print_flow;
  JkJobRecord *record;
  char *soc;               /* the occupation the posting is, when the kiosk knows it */
  gboolean updating;
  guint qr_side_id;
};

G_DEFINE_FINAL_TYPE (JkJobPage, jk_job_page, JK_TYPE_PAGE)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* A fact with its name before it; with none, the value spans the row. */
static void
add_fact (JkJobPage  *self,
          int         row,
          const char *name,
          const char *value)
{
  GtkWidget *name_label, *value_label;

  if (value == NULL || value[0] == '\0')
    return;
  value_label = gtk_label_new (NULL);
  if (name == NULL)
    {
      gtk_label_set_text (GTK_LABEL (value_label), value);
      gtk_label_set_xalign (GTK_LABEL (value_label), 0);
      gtk_label_set_line_wrap (GTK_LABEL (value_label), TRUE);
      gtk_widget_show (value_label);
      gtk_grid_attach (self->facts, value_label, 0, row, 2, 1);
      return;
    }
  name_label = gtk_label_new (name);
  gtk_label_set_text (GTK_LABEL (value_label), value);
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  /* Feed text: broken between letters where a word is wider than the
   * column, and a few lines at most, so no value widens or lengthens the
   * page (the printout has it whole). */
  gtk_label_set_line_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_line_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_ellipsize (GTK_LABEL (value_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (value_label), FACT_MAX_LINES);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_style_context_add_class (gtk_widget_get_style_context (name_label), "fact-name");
  gtk_widget_show (name_label);
  gtk_widget_show (value_label);
  gtk_grid_attach (self->facts, name_label, 0, row, 1, 1);
  gtk_grid_attach (self->facts, value_label, 1, row, 1, 1);
}

static gboolean
is_break (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200B;
}

/* The text with a zero-width space every RUN_BREAK_EVERY characters of a
 * run longer than RUN_MAX without a space: Pango lays out a long unbroken
 * word in time that grows with the square of its length (a 16 KB word took
 * seconds to show), while wrapping at those invisible breaks costs next to
 * nothing. Ordinary words and sentences are left as they are. */
static char *
breakable_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 16);
  const char *p = text;

  while (*p != '\0')
    {
      const char *end = p;
      glong length = 0;

      if (is_break (g_utf8_get_char (p)))
        {
          end = g_utf8_next_char (p);
          g_string_append_len (out, p, end - p);
          p = end;
          continue;
        }
      while (*end != '\0' && !is_break (g_utf8_get_char (end)))
        {
          end = g_utf8_next_char (end);
          length++;
        }
      if (length <= RUN_MAX)
        g_string_append_len (out, p, end - p);
      else
        for (glong i = 0; p < end; i++, p = g_utf8_next_char (p))
          {
            if (i > 0 && i % RUN_BREAK_EVERY == 0)
              g_string_append (out, "\u200B");
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          }
      p = end;
    }
  return g_string_free (out, FALSE);
}

static void
update_save_button (JkJobPage *self)
{
  JkSession *session = jk_page_get_session (JK_PAGE (self));
  gboolean saved = self->record != NULL && session != NULL && jk_visit_is_saved (session, self->record->id);

  self->updating = TRUE;
  gtk_toggle_button_set_active (self->save_button, saved);
  gtk_label_set_text (self->save_label, saved ? _("Saved to my list ✓") : _("Save to my list"));
  self->updating = FALSE;
}

static void
on_pays_clicked (JkJobPage *self)
{
  if (self->soc != NULL)
    jk_page_navigate (JK_PAGE (self), &jk_occupation_page_info, g_variant_new_string (self->soc));
}

/* Everything on the page comes from the feed: plain text only. */
static void
fill (JkJobPage *self)
{
  const JkJob *job = self->record->job;
  g_autoptr (GDateTime) now = jk_clock_now_local (self->clock);
  g_autofree char *pay = jk_format_pay (job);
  g_autofree char *schedule = jk_format_employment_type (job->employment_type);
  g_autofree char *education = jk_format_education (job->education);
  g_autofree char *posted = jk_format_posted (job->posted != 0 ? job->posted : self->record->first_seen, now);
  g_autofree char *closes = jk_format_closes (job->expires, now);
  g_autofree char *where = jk_format_place (job, TRUE);
  g_autofree char *address = NULL;
  g_autofree char *description = NULL;
  GList *old = gtk_container_get_children (GTK_CONTAINER (self->facts));
  int row = 0;

  for (GList *l = old; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (old);

  gtk_label_set_text (self->title_label, job->title);
  gtk_label_set_text (self->employer_label, job->employer != NULL ? job->employer : "");
  add_fact (self, row++, _("Pay"), pay);
  add_fact (self, row++, _("Schedule"), schedule);
  add_fact (self, row++, _("Education"), education);
  add_fact (self, row++, _("Where"), where);
  /* "Posted today" says what it is: no name before it. */
  add_fact (self, row++, NULL, posted);
  add_fact (self, row++, _("Closes"), closes);
  /* The source's name as staff set it for visitors; its identifier never. */
  add_fact (self, row++, _("From"),
            self->config != NULL ? jk_config_get_source_display_name (self->config, self->record->source) : NULL);
  /* "What this job pays here", beside the pay: the occupation's page,
   * when one matches. */
  g_clear_pointer (&self->soc, g_free);
  self->soc = jk_lmi_soc_for_job (self->store, job, NULL);
  if (self->soc != NULL)
    {
      GtkWidget *pays = gtk_button_new_with_label (_("What this job pays here"));

      gtk_widget_set_halign (pays, GTK_ALIGN_START);
      gtk_widget_set_valign (pays, GTK_ALIGN_CENTER);
      gtk_style_context_add_class (gtk_widget_get_style_context (pays), "pays-here");
      atk_object_set_name (gtk_widget_get_accessible (pays), _("What this job pays here"));
      g_signal_connect_swapped (pays, "clicked", G_CALLBACK (on_pays_clicked), self);
      gtk_widget_show (pays);
      gtk_grid_attach (self->facts, pays, 2, 0, 1, 1);
    }
  description = breakable_text (job->description != NULL ? job->description : "");
  gtk_label_set_text (self->description_label, description);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->content_scroller), 0);

  gtk_widget_set_visible (self->apply_box, job->apply_url != NULL);
  if (job->apply_url != NULL)
    {
      jk_qr_code_set_text (self->qr_code, job->apply_url);
      address = jk_job_page_short_address (job->apply_url);
      gtk_label_set_text (self->address_label, address);
    }
  update_save_button (self);
}

/* The QR code as large as the page's height allows: a phone reads a
 * bigger code from further away, and a short screen keeps room for text. */
static gboolean
qr_side_cb (gpointer user_data)
{
  JkJobPage *self = user_data;
  int height = gtk_widget_get_allocated_height (GTK_WIDGET (self->content_scroller));
  int side = CLAMP (height / 2, QR_MIN, QR_MAX);
  int old_side;

  self->qr_side_id = 0;
  gtk_widget_get_size_request (GTK_WIDGET (self->qr_code), NULL, &old_side);
  if (side != old_side)
    gtk_widget_set_size_request (GTK_WIDGET (self->qr_code), side, side);
  return G_SOURCE_REMOVE;
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_scroller_allocated (JkJobPage *self)
{
  /* Not during the allocation itself: a new size request there is lost. */
  if (self->qr_side_id == 0)
    self->qr_side_id = g_idle_add (qr_side_cb, self);
}

static void
on_print_clicked (JkJobPage *self)
{
  if (self->record != NULL)
    jk_print_flow_show (self->print_flow, JK_PAGE (self), &jk_document_job_sheet, self->record);
}

/* The log form starts filled in with this employer and job. */
static void
on_applied_clicked (JkJobPage *self)
{
  const JkJob *job = self->record != NULL ? self->record->job : NULL;

  if (job != NULL)
    jk_page_navigate (JK_PAGE (self), &jk_log_form_page_info,
                      g_variant_new ("(ss)", job->employer != NULL ? job->employer : "",
                                     job->title != NULL ? job->title : ""));
}

static void
on_save_toggled (JkJobPage *self)
{
  JkSession *session = jk_page_get_session (JK_PAGE (self));

  if (self->updating || self->record == NULL || session == NULL)
    return;
  if (gtk_toggle_button_get_active (self->save_button))
    jk_visit_save_job (session, self->record);
  else
    jk_visit_unsave_job (session, self->record->id);
  update_save_button (self);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

/* Opened with the job's id; FALSE when it is gone (removed since the search). */
static gboolean
jk_job_page_prepare (JkPage   *page,
                     GVariant *argument)
{
  JkJobPage *self = JK_JOB_PAGE (page);

  if (argument == NULL)
    return self->record != NULL;
  if (!jk_job_page_show_job (self, g_variant_get_int64 (argument)))
    return FALSE;
  jk_session_count (jk_page_get_session (page), "jobs-viewed", 1);
  if (self->record->job->apply_url != NULL)
    jk_session_count (jk_page_get_session (page), "qr-shown", 1);
  return TRUE;
}

/* The details in the order the page shows them, a part a line, so the
 * visitor can stop or repeat where they are. */
static void
speak_details (JkJobPage *self)
{
  const JkJob *job = self->record->job;
  JkPage *page = JK_PAGE (self);
  g_autoptr (GDateTime) now = jk_clock_now_local (self->clock);
  g_autofree char *summary = jk_speech_text_job (job, job->posted != 0 ? job->posted : self->record->first_seen, now);
  g_autofree char *schedule = jk_format_employment_type (job->employment_type);
  g_autofree char *education = jk_format_education (job->education);
  g_autofree char *closes = jk_format_closes (job->expires, now);
  g_autoptr (GPtrArray) description = jk_speech_split_text (job->description, JK_SPEECH_MAX_CHARS);

  jk_page_say (page, summary, JK_SPEAK_QUEUE);
  jk_page_say (page, schedule, JK_SPEAK_QUEUE);
  jk_page_say (page, education, JK_SPEAK_QUEUE);
  jk_page_say (page, closes, JK_SPEAK_QUEUE);
  for (guint i = 0; i < description->len; i++)
    jk_page_say (page, description->pdata[i], JK_SPEAK_QUEUE);
  if (job->apply_url != NULL)
    jk_page_say (page, _("To apply, point your phone's camera at the code on the screen, or print this job."),
                 JK_SPEAK_QUEUE);
}

static void
jk_job_page_enter (JkPage *page)
{
  JkJobPage *self = JK_JOB_PAGE (page);

  update_save_button (self);
  if (self->record != NULL && jk_page_is_speaking (page))
    speak_details (self);
}

static void
jk_job_page_reset (JkPage *page)
{
  JkJobPage *self = JK_JOB_PAGE (page);

  JK_PAGE_CLASS (jk_job_page_parent_class)->reset (page);
  g_clear_pointer (&self->record, jk_job_record_free);
  g_clear_pointer (&self->soc, g_free);
  gtk_label_set_text (self->title_label, "");
  gtk_label_set_text (self->description_label, "");
  jk_qr_code_set_text (self->qr_code, NULL);
}

static void
jk_job_page_language_changed (JkPage *page)
{
  JkJobPage *self = JK_JOB_PAGE (page);

  JK_PAGE_CLASS (jk_job_page_parent_class)->language_changed (page);
  if (self->record != NULL)
    fill (self);
}

static void
jk_job_page_dispose (GObject *object)
{
  JkJobPage *self = JK_JOB_PAGE (object);

  g_clear_handle_id (&self->qr_side_id, g_source_remove);
  g_clear_pointer (&self->record, jk_job_record_free);
  g_clear_pointer (&self->soc, g_free);
  g_clear_object (&self->clock);
  g_clear_object (&self->print_flow);
  G_OBJECT_CLASS (jk_job_page_parent_class)->dispose (object);
}

static void
jk_job_page_class_init (JkJobPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JkPageClass *page_class = JK_PAGE_CLASS (klass);

  object_class->dispose = jk_job_page_dispose;
  page_class->prepare = jk_job_page_prepare;
  page_class->enter = jk_job_page_enter;
  page_class->reset = jk_job_page_reset;
  page_class->language_changed = jk_job_page_language_changed;

  g_type_ensure (JK_TYPE_QR_CODE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/jobs/jk-job-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JkJobPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, JkJobPage, employer_label);
  gtk_widget_class_bind_template_child (widget_class, JkJobPage, facts);
  gtk_widget_class_bind_template_child (widget_class, JkJobPage, content_scroller);
  gtk_widget_class_bind_template_child (widget_class, JkJobPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, JkJobPage, apply_box);
  gtk_widget_class_bind_template_child (widget_class, JkJobPage, qr_code);
  gtk_widget_class_bind_template_child (widget_class, JkJobPage, address_label);
  gtk_widget_class_bind_template_child (widget_class, JkJobPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, JkJobPage, save_label);
  gtk_widget_class_bind_template_child (widget_class, JkJobPage, applied_button);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_applied_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_toggled);
}

static void
jk_job_page_init (JkJobPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jk_page_set_main_action (JK_PAGE (self), self->applied_button);
  g_signal_connect_object (self->content_scroller, "size-allocate", G_CALLBACK (on_scroller_allocated), self,
                           G_CONNECT_SWAPPED);
  jk_page_init_strings (JK_PAGE (self));
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

static JkPage *
create (const JkPageInfo   *info,
        const JkPageContext *context)
{
  JkJobPage *self = g_object_new (JK_TYPE_JOB_PAGE, "title", N_("Job details"), "prompt",
                                  N_("Print it, save it to your list, or tell us you applied. The job:"), NULL);

  self->config = context->config;
  self->store = context->store;
  self->clock = g_object_ref (context->clock);
  self->print_flow = g_object_ref (context->print_flow);
  return JK_PAGE (self);
}

const JkPageInfo jk_job_page_info = { "job", JK_PAGE_PRINTER_BADGE, create };

gboolean
jk_job_page_show_job (JkJobPage *self,
                      gint64     job_id)
{
  g_autoptr (GError) error = NULL;
  /* A look-up by key on the main connection: quick enough for the main thread (HACKING.md). */
  JkJobRecord *record = jk_search_get (self->store, job_id, &error);

  if (record == NULL)
    {
      g_info ("job %" G_GINT64_FORMAT " is gone: %s", job_id, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->record, jk_job_record_free);
  self->record = record;
  fill (self);
  return TRUE;
}

const JkJobRecord *
jk_job_page_get_record (JkJobPage *self)
{
  return self->record;
}

char *
jk_job_page_short_address (const char *url)
{
  const char *rest = url;
  g_autofree char *trimmed = NULL;

  if (g_str_has_prefix (rest, "https://"))
    rest += strlen ("https://");
  else if (g_str_has_prefix (rest, "http://"))
    rest += strlen ("http://");
  if (g_str_has_prefix (rest, "www."))
    rest += strlen ("www.");
  trimmed = g_strdup (rest);
  if (g_str_has_suffix (trimmed, "/"))
    trimmed[strlen (trimmed) - 1] = '\0';
  if (g_utf8_strlen (trimmed, -1) <= SHORT_ADDRESS_MAX)
    return g_steal_pointer (&trimmed);
  /* Too long to type: the host is what a person can find again. */
  {
    const char *slash = strchr (trimmed, '/');
    g_autofree char *host = slash != NULL ? g_strndup (trimmed, slash - trimmed) : g_strdup (trimmed);
    return g_strdup_printf ("%s/…", host);
  }
}
