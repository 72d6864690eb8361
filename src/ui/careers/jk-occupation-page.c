/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-occupation-page.c: one occupation, pictures first and words second */

#define G_LOG_DOMAIN "jk-careers"

#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-geo.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-lmi-words.h>
#include <math.h>

#include "access/jk-describe.h"
#include "jobs/jk-search-page.h"
#include "print/jk-print-flow.h"
#include "training/jk-program-page.h"
#include "jk-occupation-page.h"
#include "jk-pay-chart-view.h"

/* The trend line of the unemployment rate. */
#define TREND_WIDTH 360
#define TREND_HEIGHT 72
/* Training programs shown before "See all". */
#define N_PROGRAMS 5

struct _JkOccupationPage
{
  JkPage parent_instance;

  GtkLabel *title_label;
  GtkScrolledWindow *scroller;
  GtkToggleButton *hourly_button;
  GtkToggleButton *yearly_button;
  JkPayChartView *chart;
  GtkLabel *pay_source_label;
  GtkBox *details;
  GtkWidget *print_button;
  GtkWidget *jobs_button;
  GtkLabel *jobs_label;

  JkStore *store;
  JkClock *clock;
  JkPrintFlow *print_flow;
  char *state;
  char *metro;
  JkTrainingQuery origin;  /* the kiosk's place, for the programs' distances */
  JkLmiOccupation *occupation;
  GArray *trend; /* double: the months' rates, oldest first */
};

G_DEFINE_FINAL_TYPE (JkOccupationPage, jk_occupation_page, JK_TYPE_PAGE)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
fill_chart (JkOccupationPage *self)
{
  gboolean hourly = gtk_toggle_button_get_active (self->hourly_button);
  JkPayChartRow rows[3];
  guint n = jk_lmi_words_chart_rows (self->occupation, hourly, rows);
  g_autofree char *source = jk_lmi_words_pay_source (self->occupation);

  jk_pay_chart_view_set_rows (self->chart, rows, n);
  jk_pay_chart_view_set_hourly (self->chart, hourly);
  gtk_label_set_text (self->pay_source_label, source);
}

static gboolean
draw_trend (GtkWidget        *area,
            cairo_t          *cr,
            JkOccupationPage *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (area);
  int width = gtk_widget_get_allocated_width (area), height = gtk_widget_get_allocated_height (area);
  double low = INFINITY, high = -INFINITY;
  GdkRGBA ink;
  guint n = self->trend->len;

  gtk_style_context_get_color (context, gtk_widget_get_state_flags (area), &ink);
  for (guint i = 0; i < n; i++)
    {
      low = MIN (low, g_array_index (self->trend, double, i));
      high = MAX (high, g_array_index (self->trend, double, i));
    }
  if (n < 2)
    return GDK_EVENT_PROPAGATE;
  if (high - low < 0.5)
    {
      low -= 0.25;
      high += 0.25;
    }
  gdk_cairo_set_source_rgba (cr, &ink);
  cairo_set_line_width (cr, 3);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < n; i++)
    {
      double x = 4 + (width - 8) * (double) i / (n - 1);
      double y = 4 + (height - 8) * (1 - (g_array_index (self->trend, double, i) - low) / (high - low));

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  return GDK_EVENT_PROPAGATE;
}

static void
on_related_clicked (GtkButton        *button,
                    JkOccupationPage *self)
{
  const char *soc = g_object_get_data (G_OBJECT (button), "jk-soc");

  jk_page_navigate (JK_PAGE (self), &jk_occupation_page_info, g_variant_new_string (soc));
}

static GtkBox *
section (JkOccupationPage *self,
         const char       *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_show (box);
  gtk_container_add (GTK_CONTAINER (self->details), box);
  jk_page_add_label (GTK_BOX (box), title, "section-title");
  return GTK_BOX (box);
}

static void
fill_outlook (JkOccupationPage *self)
{
  const JkLmiProjection *p = self->occupation->projection;
  g_autofree char *change = NULL;
  g_autofree char *openings = NULL;
  g_autofree char *source = NULL;
  GtkBox *box;

  if (p == NULL)
    return;
  box = section (self, _("Outlook"));
  jk_page_add_label (box, jk_lmi_outlook_label (p->outlook), "outlook");
  change = jk_lmi_words_change (p);
  openings = jk_lmi_words_openings (p);
  source = jk_lmi_words_source (&p->origin);
  if (change != NULL)
    jk_page_add_label (box, change, "body-text");
  if (openings != NULL)
    jk_page_add_label (box, openings, "body-text");
  if (source != NULL)
    jk_page_add_label (box, source, "source-line");
}

static void
on_see_all_clicked (GtkButton        *button,
                    JkOccupationPage *self)
{
  if (self->occupation != NULL)
    jk_page_navigate (JK_PAGE (self), &jk_program_page_info, g_variant_new_string (self->occupation->soc));
}

/* "Training for this job near you": the nearest few, on the main thread
 * (an indexed read of six rows: HACKING.md's list of quick reads). */
static void
fill_training (JkOccupationPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) programs = NULL;
  JkTrainingQuery query = self->origin;
  gint64 count;
  GtkBox *box;

  query.soc = self->occupation->soc;
  query.limit = N_PROGRAMS;
  programs = jk_training_search (self->store, &query, &error);
  if (programs == NULL)
    {
      g_warning ("Training programs not read: %s", error->message);
      return;
    }
  if (programs->len == 0)
    return;
  box = section (self, _("Training for this job near you"));
  for (guint i = 0; i < programs->len; i++)
    gtk_container_add (GTK_CONTAINER (box), jk_program_page_new_button (JK_PAGE (self), programs->pdata[i]));
  count = jk_training_count (self->store, self->occupation->soc, NULL);
  if (count > N_PROGRAMS)
    {
      g_autofree char *text = g_strdup_printf (jk_ngettext ("See all %lld program", "See all %lld programs",
                                                            (gulong) count), (long long) count);
      GtkWidget *all = gtk_button_new_with_label (text);

      gtk_widget_set_halign (all, GTK_ALIGN_START);
      g_signal_connect (all, "clicked", G_CALLBACK (on_see_all_clicked), self);
      gtk_widget_show (all);
      gtk_container_add (GTK_CONTAINER (box), all);
    }
  jk_page_add_label (box, _("WIOA may pay for this: ask staff about an Individual Training Account."), "outlook");
  if (((JkTrainingProgram *) programs->pdata[0])->demo)
    jk_page_add_label (box, _("Demo data: these programs are made up for the demo."), "source-line");
}

static void
fill_details (JkOccupationPage *self)
{
  const JkLmiOccupation *o = self->occupation;
  GList *old = gtk_container_get_children (GTK_CONTAINER (self->details));
  GtkBox *box;

  for (GList *l = old; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (old);

  if (o->demo)
    jk_page_add_label (self->details, _("Demo data: the figures and texts on this page are made up to show how the kiosk works."),
                       "demo-note");

  fill_outlook (self);

  if (o->description != NULL || (o->tasks != NULL && o->tasks->len > 0))
    {
      box = section (self, _("What the work is"));
      if (o->description != NULL)
        jk_page_add_label (box, o->description, "body-text");
      for (guint i = 0; o->tasks != NULL && i < o->tasks->len; i++)
        {
          g_autofree char *item = g_strdup_printf ("• %s", (const char *) o->tasks->pdata[i]);

          jk_page_add_label (box, item, "body-text");
        }
    }

  if (o->education != NULL)
    {
      JkLmiOrigin origin = { .release = o->education->release, .source = o->education->source,
                             .demo = o->education->demo };
      g_autofree char *source = jk_lmi_words_source (&origin);

      box = section (self, _("What it takes to start"));
      if (o->education->education != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Education: %s"), o->education->education);
          jk_page_add_label (box, text, "body-text");
        }
      if (o->education->experience != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Experience: %s"), o->education->experience);
          jk_page_add_label (box, text, "body-text");
        }
      if (o->education->training != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Training on the job: %s"), o->education->training);
          jk_page_add_label (box, text, "body-text");
        }
      if (source != NULL)
        jk_page_add_label (box, source, "source-line");
    }

  if (o->requirements != NULL && o->requirements->len > 0)
    {
      box = section (self, _("Employers here ask for"));
      for (guint i = 0; i < o->requirements->len; i++)
        {
          g_autofree char *words = jk_lmi_words_requirement (o->requirements->pdata[i]);
          g_autofree char *item = g_strdup_printf ("• %s", words);

          jk_page_add_label (box, item, "body-text");
        }
    }

  g_array_set_size (self->trend, 0);
  if (o->unemployment != NULL && o->unemployment->len > 0)
    {
      const JkLmiUnemployment *u = o->unemployment->pdata[0];
      g_autofree char *latest = jk_lmi_words_unemployment (u);
      g_autofree char *source = jk_lmi_words_source (&u->origin);
      GtkWidget *trend;

      box = section (self, _("Unemployment"));
      if (latest != NULL)
        jk_page_add_label (box, latest, "body-text");
      for (guint i = 0; i < u->months->len; i++)
        if (isfinite (g_array_index (u->months, JkLmiRate, i).rate))
          g_array_append_val (self->trend, g_array_index (u->months, JkLmiRate, i).rate);
      trend = gtk_drawing_area_new ();
      gtk_widget_set_size_request (trend, TREND_WIDTH, TREND_HEIGHT);
      gtk_widget_set_halign (trend, GTK_ALIGN_START);
      atk_object_set_name (gtk_widget_get_accessible (trend), _("The unemployment rate over the last two years"));
      g_signal_connect (trend, "draw", G_CALLBACK (draw_trend), self);
      gtk_widget_show (trend);
      gtk_container_add (GTK_CONTAINER (box), trend);
      if (source != NULL)
        jk_page_add_label (box, source, "source-line");
    }

  if (o->related != NULL && o->related->len > 0)
    {
      GtkWidget *flow = gtk_flow_box_new ();

      box = section (self, _("Related jobs"));
      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
      /* The buttons' margins (below) space them. */
      gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 0);
      gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 0);
      for (guint i = 0; i < o->related->len; i++)
        {
          const JkLmiRelated *r = o->related->pdata[i];
          GtkWidget *button = gtk_button_new_with_label (r->title);

          g_object_set_data_full (G_OBJECT (button), "jk-soc", g_strdup (r->soc), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (on_related_clicked), self);
          /* Its focus ring is drawn inside its cell of the flow box, which
           * cuts off what is drawn outside it. */
          gtk_widget_set_margin_start (button, 6);
          gtk_widget_set_margin_end (button, 6);
          gtk_widget_set_margin_top (button, 6);
          gtk_widget_set_margin_bottom (button, 6);
          gtk_widget_show (button);
          gtk_container_add (GTK_CONTAINER (flow), button);
        }
      gtk_widget_show (flow);
      gtk_container_add (GTK_CONTAINER (box), flow);
    }

  fill_training (self);

  {
    g_autofree char *attribution = jk_lmi_words_attribution (o);

    if (attribution != NULL)
      jk_page_add_label (self->details, attribution, "source-line");
  }
}

static void
fill_jobs (JkOccupationPage *self)
{
  g_autofree char *text = jk_lmi_words_open_jobs (self->occupation->open_jobs);

  gtk_label_set_text (self->jobs_label, text);
  atk_object_set_name (gtk_widget_get_accessible (self->jobs_button), text);
  gtk_widget_set_sensitive (self->jobs_button, self->occupation->open_jobs > 0 && self->occupation->open_jobs_text != NULL);
}

static void
fill (JkOccupationPage *self)
{
  gtk_label_set_text (self->title_label, self->occupation->title);
  fill_chart (self);
  fill_details (self);
  fill_jobs (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static gboolean
load (JkOccupationPage *self,
      const char       *soc)
{
  g_autoptr (GError) error = NULL;
  JkLmiPlace place = { self->state, self->metro };
  g_autoptr (GDateTime) now = jk_clock_now_local (self->clock);
  JkLmiOccupation *occupation;

  occupation = jk_lmi_occupation_get (self->store, soc, &place, g_date_time_to_unix (now), &error);
  if (occupation == NULL)
    {
      g_info ("occupation %s not shown: %s", soc, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->occupation, jk_lmi_occupation_free);
  self->occupation = occupation;
  fill (self);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_period_toggled (JkOccupationPage *self,
                   GtkToggleButton  *button)
{
  g_autofree char *words = NULL;

  if (self->occupation == NULL || !gtk_toggle_button_get_active (button))
    return;
  fill_chart (self);
  words = jk_pay_chart_view_describe (self->chart);
  jk_page_say (JK_PAGE (self), words, JK_SPEAK_QUEUE);
}

static void
on_jobs_clicked (JkOccupationPage *self)
{
  if (self->occupation != NULL && self->occupation->open_jobs_text != NULL)
    jk_page_navigate (JK_PAGE (self), &jk_search_page_info, g_variant_new_string (self->occupation->open_jobs_text));
}

static void
on_print_clicked (JkOccupationPage *self)
{
  JkCareerSheetInput input = { self->occupation, gtk_toggle_button_get_active (self->hourly_button) };

  if (self->occupation != NULL)
    jk_print_flow_show (self->print_flow, JK_PAGE (self), &jk_document_career_sheet, &input);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static gboolean
jk_occupation_page_prepare (JkPage   *page,
                            GVariant *argument)
{
  JkOccupationPage *self = JK_OCCUPATION_PAGE (page);

  if (argument == NULL)
    return self->occupation != NULL;
  return load (self, g_variant_get_string (argument, NULL));
}

static void
jk_occupation_page_enter (JkPage *page)
{
  JkOccupationPage *self = JK_OCCUPATION_PAGE (page);
  g_autofree char *pay = NULL;

  if (self->occupation == NULL || !jk_page_is_speaking (page))
    return;
  jk_page_say (page, self->occupation->title, JK_SPEAK_QUEUE);
  pay = jk_pay_chart_view_describe (self->chart);
  jk_page_say (page, pay, JK_SPEAK_QUEUE);
  if (self->occupation->projection != NULL)
    jk_page_say (page, jk_lmi_outlook_label (self->occupation->projection->outlook), JK_SPEAK_QUEUE);
  jk_page_say (page, gtk_label_get_text (self->jobs_label), JK_SPEAK_QUEUE);
}

static void
jk_occupation_page_reset (JkPage *page)
{
  JkOccupationPage *self = JK_OCCUPATION_PAGE (page);

  JK_PAGE_CLASS (jk_occupation_page_parent_class)->reset (page);
  g_clear_pointer (&self->occupation, jk_lmi_occupation_free);
  gtk_toggle_button_set_active (self->hourly_button, TRUE);
  jk_pay_chart_view_set_rows (self->chart, NULL, 0);
  gtk_label_set_text (self->title_label, "");
}

static void
jk_occupation_page_language_changed (JkPage *page)
{
  JkOccupationPage *self = JK_OCCUPATION_PAGE (page);
  g_autofree char *soc = NULL;

  JK_PAGE_CLASS (jk_occupation_page_parent_class)->language_changed (page);
  /* The words from the data (outlook, education) in the new language. */
  if (self->occupation != NULL)
    {
      soc = g_strdup (self->occupation->soc);
      load (self, soc);
    }
}

static void
jk_occupation_page_finalize (GObject *object)
{
  JkOccupationPage *self = JK_OCCUPATION_PAGE (object);

  g_clear_pointer (&self->occupation, jk_lmi_occupation_free);
  g_array_unref (self->trend);
  g_clear_object (&self->clock);
  g_free (self->state);
  g_free (self->metro);
  G_OBJECT_CLASS (jk_occupation_page_parent_class)->finalize (object);
}

static void
jk_occupation_page_class_init (JkOccupationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JkPageClass *page_class = JK_PAGE_CLASS (klass);

  object_class->finalize = jk_occupation_page_finalize;
  page_class->prepare = jk_occupation_page_prepare;
  page_class->enter = jk_occupation_page_enter;
  page_class->reset = jk_occupation_page_reset;
  page_class->language_changed = jk_occupation_page_language_changed;

  g_type_ensure (JK_TYPE_PAY_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/careers/jk-occupation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JkOccupationPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, JkOccupationPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, JkOccupationPage, hourly_button);
  gtk_widget_class_bind_template_child (widget_class, JkOccupationPage, yearly_button);
  gtk_widget_class_bind_template_child (widget_class, JkOccupationPage, chart);
  gtk_widget_class_bind_template_child (widget_class, JkOccupationPage, pay_source_label);
  gtk_widget_class_bind_template_child (widget_class, JkOccupationPage, details);
  gtk_widget_class_bind_template_child (widget_class, JkOccupationPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, JkOccupationPage, jobs_button);
  gtk_widget_class_bind_template_child (widget_class, JkOccupationPage, jobs_label);
  gtk_widget_class_bind_template_callback (widget_class, on_period_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_jobs_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked);
}

static void
jk_occupation_page_init (JkOccupationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jk_page_init_strings (JK_PAGE (self));
  self->trend = g_array_new (FALSE, FALSE, sizeof (double));
  jk_page_set_main_action (JK_PAGE (self), self->jobs_button);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

static JkPage *
create (const JkPageInfo    *info,
        const JkPageContext *context)
{
  JkOccupationPage *self = g_object_new (JK_TYPE_OCCUPATION_PAGE, "title", N_("Pay and careers"), "prompt",
                                         N_("What this job pays here, whether it is growing, what it takes, and the "
                                            "jobs open now."),
                                         NULL);

  self->store = context->store;
  self->clock = g_object_ref (context->clock);
  self->print_flow = context->print_flow;
  self->state = g_strdup (context->config->lmi_state);
  self->metro = g_strdup (context->config->lmi_metro);
  self->origin.has_origin = context->config->location != NULL &&
                            jk_geo_locate (context->store, context->config->location, &self->origin.latitude,
                                           &self->origin.longitude);
  return JK_PAGE (self);
}

const JkPageInfo jk_occupation_page_info = { "occupation", JK_PAGE_PRINTER_BADGE | JK_PAGE_NO_KEYBOARD, create };

const char *
jk_occupation_page_get_soc (JkOccupationPage *self)
{
  return self->occupation != NULL ? self->occupation->soc : NULL;
}

GtkWidget *
jk_occupation_page_get_chart (JkOccupationPage *self)
{
  return GTK_WIDGET (self->chart);
}

gint64
jk_occupation_page_get_open_jobs (JkOccupationPage *self)
{
  return self->occupation != NULL ? self->occupation->open_jobs : -1;
}
