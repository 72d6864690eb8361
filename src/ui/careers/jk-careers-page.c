/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-careers-page.c: finding an occupation, by words or from a list */

#define G_LOG_DOMAIN "jk-careers"

#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-task.h>
#include <jobkiosk/jk-training.h>
#include <jobkiosk/jk-lmi-import.h>
#include <jobkiosk/jk-lmi.h>
#include <jobkiosk/jk-pay-chart.h>
#include <math.h>

#include "access/jk-describe.h"
#include "training/jk-program-page.h"
#include "jk-careers-page.h"
#include "jk-occupation-page.h"

/* A pause in typing before the search, as Find a job waits. */
#define DEBOUNCE_MS 150
#define MAX_ROWS 30

struct _JkCareersPage
{
  JkPage parent_instance;

  GtkEntry *what_entry;
  GtkToggleButton *no_degree_button;
  GtkToggleButton *growing_button;
  GtkToggleButton *openings_button;
  GtkToggleButton *training_button;
  GtkLabel *status_label;
  GtkScrolledWindow *scroller;
  GtkListBox *results;
  GtkLabel *source_label;

  char *db_path;
  char *state;
  char *metro;
  guint debounce_id;
  gboolean busy;
  gboolean filling; /* the page sets its own controls: no search */
};

G_DEFINE_FINAL_TYPE (JkCareersPage, jk_careers_page, JK_TYPE_PAGE)

/* What a worker looks up: words, or one of the lists. */
typedef struct {
  char *db_path;
  char *text;
  JkLmiList list;
  char *state;
  char *metro;
  GPtrArray *found; /* JkLmiMatch, or JkLmiListItem for a list */
} LookupJob;

static void
lookup_job_free (gpointer data)
{
  LookupJob *job = data;

  g_free (job->db_path);
  g_free (job->text);
  g_free (job->state);
  g_free (job->metro);
  g_clear_pointer (&job->found, g_ptr_array_unref);
  g_free (job);
}

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static gboolean
lookup_work (gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  LookupJob *job = data;
  g_autoptr (JkStore) reader = jk_store_open_reader (job->db_path, error);
  JkLmiPlace place = { job->state, job->metro };

  if (reader == NULL)
    return FALSE;
  jk_store_set_cancellable (reader, cancellable);
  if (job->text != NULL)
    job->found = jk_lmi_search (reader, job->text, TRUE, MAX_ROWS, error);
  else
    job->found = jk_lmi_list (reader, &place, job->list, MAX_ROWS, error);
  return job->found != NULL;
}

static JkLmiList
chosen_list (JkCareersPage *self)
{
  if (gtk_toggle_button_get_active (self->growing_button))
    return JK_LMI_LIST_FASTEST_GROWING;
  if (gtk_toggle_button_get_active (self->openings_button))
    return JK_LMI_LIST_MOST_OPENINGS;
  if (gtk_toggle_button_get_active (self->training_button))
    return JK_LMI_LIST_SHORT_TRAINING;
  return JK_LMI_LIST_NO_DEGREE_TOP_PAY;
}

static void
clear_rows (JkCareersPage *self)
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

/* A row: the title big, and a line under it; said as one sentence. */
static GtkWidget *
row_new (const char *soc,
         const char *title,
         const char *detail)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *spoken = detail != NULL ? g_strdup_printf (_("%s. %s"), title, detail) : g_strdup (title);

  gtk_container_add (GTK_CONTAINER (box), label_new (title, "card-main"));
  if (detail != NULL)
    gtk_container_add (GTK_CONTAINER (box), label_new (detail, "card-details"));
  gtk_container_add (GTK_CONTAINER (row), box);
  /* Find a job's result cards: their size, spacing and focus ring. */
  gtk_style_context_add_class (gtk_widget_get_style_context (row), "job-card");
  g_object_set_data_full (G_OBJECT (row), "jk-soc", g_strdup (soc), g_free);
  atk_object_set_name (gtk_widget_get_accessible (row), spoken);
  jk_describe_set_text (row, spoken);
  gtk_widget_show_all (row);
  return row;
}

/* "$38,270 a year · growing 12% · 1,240 openings a year" */
static char *
list_detail (const JkLmiListItem *item)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (isfinite (item->annual_median))
    {
      g_autofree char *pay = jk_pay_chart_format (item->annual_median, FALSE, FALSE);

      /* TRANSLATORS: the median pay in a list of occupations */
      g_ptr_array_add (parts, g_strdup_printf (_("%s a year"), pay));
    }
  if (isfinite (item->percent_change))
    {
      /* TRANSLATORS: the projected change in jobs over ten years, in a list of occupations */
      g_ptr_array_add (parts, g_strdup_printf (item->percent_change >= 0 ? _("%+.0f%% jobs in 10 years")
                                                                         : _("%.0f%% jobs in 10 years"),
                                               item->percent_change));
    }
  if (isfinite (item->annual_openings))
    {
      g_autofree char *openings = jk_format_count ((gint64) llround (item->annual_openings));

      g_ptr_array_add (parts, g_strdup_printf (jk_ngettext ("%s opening a year", "%s openings a year",
                                                            (gulong) item->annual_openings),
                                               openings));
    }
  /* BLS writes "None" where no training on the job is typical. */
  if (item->training != NULL && g_ascii_strcasecmp (item->training, "None") != 0)
    g_ptr_array_add (parts, g_strdup (item->training));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (GStrv) parts->pdata);
}

static void
on_lookup_done (JkPage       *source,
                gpointer      data,
                const GError *error)
{
  JkCareersPage *self = JK_CAREERS_PAGE (source);
  LookupJob *job = data;
  gboolean demo = FALSE;
  g_autofree char *count = NULL;

  self->busy = FALSE;
  clear_rows (self);
  if (error != NULL)
    {
      g_warning ("Occupations could not be looked up: %s", error->message);
      gtk_label_set_text (self->status_label, _("Pay and careers cannot be shown right now. Please ask staff."));
      jk_page_say (JK_PAGE (self), gtk_label_get_text (self->status_label), JK_SPEAK_QUEUE);
      return;
    }
  for (guint i = 0; i < job->found->len; i++)
    {
      if (job->text != NULL)
        {
          const JkLmiMatch *match = job->found->pdata[i];
          g_autofree char *also = NULL;

          if (g_strcmp0 (match->matched_kind, "main") != 0 && match->matched_title != NULL)
            /* TRANSLATORS: under an occupation found by another of its names */
            also = g_strdup_printf (_("Also called: %s"), match->matched_title);
          gtk_container_add (GTK_CONTAINER (self->results), row_new (match->soc, match->title, also));
        }
      else
        {
          const JkLmiListItem *item = job->found->pdata[i];
          g_autofree char *detail = list_detail (item);

          demo |= item->demo;
          gtk_container_add (GTK_CONTAINER (self->results), row_new (item->soc, item->title, detail));
        }
    }
  if (job->found->len == 0 && job->text != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("No occupation matches “%s”. Try other words, or choose a list."),
                                               job->text);

      gtk_label_set_text (self->status_label, text);
    }
  else if (job->found->len == 0)
    gtk_label_set_text (self->status_label, _("This list is empty: the kiosk has no figures for it yet."));
  else
    {
      count = g_strdup_printf (jk_ngettext ("%u occupation", "%u occupations", job->found->len), job->found->len);
      gtk_label_set_text (self->status_label, count);
    }
  gtk_label_set_text (self->source_label,
                      demo ? _("Demo data: these figures are made up to show how the kiosk works.") : "");
  gtk_widget_set_visible (GTK_WIDGET (self->source_label), demo);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  jk_page_say (JK_PAGE (self), gtk_label_get_text (self->status_label), JK_SPEAK_QUEUE);
  {
    GList *rows = gtk_container_get_children (GTK_CONTAINER (self->results));

    for (GList *l = rows; l != NULL; l = l->next)
      jk_page_say (JK_PAGE (self), atk_object_get_name (gtk_widget_get_accessible (l->data)), JK_SPEAK_QUEUE);
    g_list_free (rows);
  }
}

static void
look_up (JkCareersPage *self)
{
  LookupJob *job = g_new0 (LookupJob, 1);
  const char *text = gtk_entry_get_text (self->what_entry);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  job->db_path = g_strdup (self->db_path);
  job->text = g_strstrip (g_strdup (text));
  if (job->text[0] == '\0')
    g_clear_pointer (&job->text, g_free);
  job->list = chosen_list (self);
  job->state = g_strdup (self->state);
  job->metro = g_strdup (self->metro);
  self->busy = TRUE;
  jk_page_cancel_work (JK_PAGE (self));
  jk_page_run (JK_PAGE (self), "jk-careers-lookup", lookup_work, on_lookup_done, job, lookup_job_free);
}

static gboolean
debounce_cb (gpointer user_data)
{
  JkCareersPage *self = user_data;

  self->debounce_id = 0;
  look_up (self);
  return G_SOURCE_REMOVE;
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_text_changed (JkCareersPage *self)
{
  if (self->filling)
    return;
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (DEBOUNCE_MS, debounce_cb, self);
  g_source_set_name_by_id (self->debounce_id, "[jk-careers] debounce");
}

static void
on_list_toggled (JkCareersPage   *self,
                 GtkToggleButton *button)
{
  if (self->filling || !gtk_toggle_button_get_active (button))
    return;
  /* A list is chosen instead of words. */
  self->filling = TRUE;
  gtk_entry_set_text (self->what_entry, "");
  self->filling = FALSE;
  look_up (self);
}

static void
on_row_activated (JkCareersPage *self,
                  GtkListBoxRow *row)
{
  const char *soc = g_object_get_data (G_OBJECT (row), "jk-soc");

  if (soc != NULL)
    jk_page_navigate (JK_PAGE (self), &jk_occupation_page_info, g_variant_new_string (soc));
}

static void
on_short_programs_clicked (JkCareersPage *self)
{
  jk_page_navigate (JK_PAGE (self), &jk_program_page_info, g_variant_new_string ("short"));
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_careers_page_enter (JkPage *page)
{
  JkCareersPage *self = JK_CAREERS_PAGE (page);

  if (gtk_list_box_get_row_at_index (self->results, 0) == NULL && !self->busy)
    look_up (self);
}

static void
jk_careers_page_reset (JkPage *page)
{
  JkCareersPage *self = JK_CAREERS_PAGE (page);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->filling = TRUE;
  JK_PAGE_CLASS (jk_careers_page_parent_class)->reset (page);
  gtk_toggle_button_set_active (self->no_degree_button, TRUE);
  self->filling = FALSE;
  self->busy = FALSE;
  clear_rows (self);
  gtk_label_set_text (self->status_label, "");
}

static void
jk_careers_page_language_changed (JkPage *page)
{
  JkCareersPage *self = JK_CAREERS_PAGE (page);

  JK_PAGE_CLASS (jk_careers_page_parent_class)->language_changed (page);
  /* The lists' words (training, pay) come in the visit's language. */
  if (gtk_list_box_get_row_at_index (self->results, 0) != NULL)
    look_up (self);
}

static void
jk_careers_page_finalize (GObject *object)
{
  JkCareersPage *self = JK_CAREERS_PAGE (object);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_free (self->db_path);
  g_free (self->state);
  g_free (self->metro);
  G_OBJECT_CLASS (jk_careers_page_parent_class)->finalize (object);
}

static void
jk_careers_page_class_init (JkCareersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JkPageClass *page_class = JK_PAGE_CLASS (klass);

  object_class->finalize = jk_careers_page_finalize;
  page_class->enter = jk_careers_page_enter;
  page_class->reset = jk_careers_page_reset;
  page_class->language_changed = jk_careers_page_language_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/careers/jk-careers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JkCareersPage, what_entry);
  gtk_widget_class_bind_template_child (widget_class, JkCareersPage, no_degree_button);
  gtk_widget_class_bind_template_child (widget_class, JkCareersPage, growing_button);
  gtk_widget_class_bind_template_child (widget_class, JkCareersPage, openings_button);
  gtk_widget_class_bind_template_child (widget_class, JkCareersPage, training_button);
  gtk_widget_class_bind_template_child (widget_class, JkCareersPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, JkCareersPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, JkCareersPage, results);
  gtk_widget_class_bind_template_child (widget_class, JkCareersPage, source_label);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_short_programs_clicked);
}

static void
jk_careers_page_init (JkCareersPage *self)
{
  GtkToggleButton *lists[4];

  gtk_widget_init_template (GTK_WIDGET (self));
  jk_page_init_strings (JK_PAGE (self));
  lists[0] = self->no_degree_button;
  lists[1] = self->growing_button;
  lists[2] = self->openings_button;
  lists[3] = self->training_button;
  for (gsize i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      GtkWidget *label = gtk_bin_get_child (GTK_BIN (lists[i]));

      /* Four in a row at 1280 px with Larger text: their words wrap. */
      gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      jk_describe_set_role (GTK_WIDGET (lists[i]), C_ ("spoken role", "list"));
    }
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

typedef struct {
  char *db_path;
  char *data;
  char *map;
} TrainingImport;

static void
training_import_free (TrainingImport *import)
{
  g_free (import->db_path);
  g_free (import->data);
  g_free (import->map);
  g_free (import);
}

/* The first training list (the demo's), on its own writer: it is a few
 * milliseconds for the demo but a state's whole list for a real kiosk. */
static gboolean
training_import_work (gpointer       data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  TrainingImport *import = data;
  g_autoptr (JkStore) store = jk_store_open_writer (import->db_path, error);

  return store != NULL && jk_training_import_if_empty (store, import->data, import->map, error);
}

static void
on_training_imported (gpointer      source,
                      gpointer      data,
                      const GError *error)
{
  if (error != NULL)
    g_warning ("The training programs could not be imported: %s", error->message);
}

static JkPage *
create (const JkPageInfo    *info,
        const JkPageContext *context)
{
  JkCareersPage *self = g_object_new (JK_TYPE_CAREERS_PAGE, "title", N_("Pay and careers"), "prompt",
                                      N_("What job do you want to know about? Type its name, or choose a list."),
                                      NULL);
  JkLmiImportOptions options = { context->config->lmi_state, context->config->lmi_metro };
  g_autoptr (GError) error = NULL;

  self->db_path = g_strdup (jk_store_get_path (context->store));
  self->state = g_strdup (context->config->lmi_state);
  self->metro = g_strdup (context->config->lmi_metro);
  /* Once, at start-up: a kiosk's first labor market information (the
   * demo's), like the ZIP centroids; later releases come from jobkioskctl. */
  if (!jk_lmi_import_if_empty (context->store, context->config->lmi_data, &options, &error))
    g_warning ("The labor market information could not be imported: %s", error->message);
  if (context->config->training_data != NULL)
    {
      TrainingImport *import = g_new0 (TrainingImport, 1);

      import->db_path = g_strdup (jk_store_get_path (context->store));
      import->data = g_strdup (context->config->training_data);
      import->map = g_strdup (context->config->training_map);
      jk_task_run (self, NULL, "training-import", training_import_work, on_training_imported, import,
                   (GDestroyNotify) training_import_free);
    }
  return JK_PAGE (self);
}

const JkPageInfo jk_careers_page_info = { "careers", JK_PAGE_AT_START, create };

void
jk_careers_page_set_text (JkCareersPage *self,
                          const char    *text)
{
  gtk_entry_set_text (self->what_entry, text);
  look_up (self);
}

guint
jk_careers_page_get_n_rows (JkCareersPage *self)
{
  GList *rows = gtk_container_get_children (GTK_CONTAINER (self->results));
  guint n = g_list_length (rows);

  g_list_free (rows);
  return n;
}

GtkListBoxRow *
jk_careers_page_get_row (JkCareersPage *self,
                         guint          index)
{
  return gtk_list_box_get_row_at_index (self->results, (int) index);
}

gboolean
jk_careers_page_is_busy (JkCareersPage *self)
{
  return self->busy || self->debounce_id != 0;
}
