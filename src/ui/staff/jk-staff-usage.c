/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-staff-usage.c: staff mode's Usage: counts as a bar chart and a table, a CSV export and a printout */

#define G_LOG_DOMAIN "jk-staff-usage"

#include <errno.h>
#include <glib/gstdio.h>

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-staff-print.h>
#include <jobkiosk/jk-staff.h>
#include <jobkiosk/jk-task.h>
#include <jobkiosk/jk-usage-chart.h>
#include <jobkiosk/jk-usage.h>

#include "jk-staff-usage.h"

typedef enum {
  RANGE_TODAY,
  RANGE_WEEK,
  RANGE_MONTH,
  RANGE_YEAR,
} Range;

struct _JkStaffUsage
{
  GtkBox parent_instance;

  const JkPageContext *context;
  char *staff_name;
  char *database_path;
  GCancellable *cancellable;
  guint busy;

  char first_day[11];
  char last_day[11];
  GPtrArray *rows;        /* a day shown: its hours (JkUsageRow) */
  GPtrArray *totals;      /* a longer range shown: its days' totals (JkUsageTotal) */
  GArray *bars;           /* JkUsageBar of the counter shown */
  char *what;             /* the counter shown */

  GtkToggleButton *today_button;
  GtkToggleButton *week_button;
  GtkToggleButton *month_button;
  GtkToggleButton *year_button;
  GtkComboBoxText *counter_combo;
  GtkLabel *summary_label;
  GtkWidget *chart;
  GtkTreeView *table;
  GtkLabel *when_label;
  GtkListStore *table_store;
  GtkLabel *status_label;
  GtkWidget *export_button;
  GtkWidget *print_button;
};

G_DEFINE_FINAL_TYPE (JkStaffUsage, jk_staff_usage, GTK_TYPE_BOX)

typedef struct {
  char *database_path;
  char first_day[11];
  char last_day[11];
  GPtrArray *rows;             /* one day: its hours (JkUsageRow) */
  GPtrArray *totals;           /* longer: its days' totals (JkUsageTotal) */
  /* export */
  char *report_dir;
  char *path;
  char *actor;
  gint64 now;
  /* print */
  JkDocumentRequest *request;
  const JkConfig *config;
  JkPrintResult result;
} UsageWork;

static void
usage_work_free (gpointer data)
{
  UsageWork *work = data;

  g_free (work->database_path);
  g_clear_pointer (&work->rows, g_ptr_array_unref);
  g_clear_pointer (&work->totals, g_ptr_array_unref);
  g_free (work->report_dir);
  g_free (work->path);
  g_free (work->actor);
  g_clear_pointer (&work->request, jk_document_request_free);
  jk_print_result_clear (&work->result);
  g_free (work);
}

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static char *
counter_words (const char *what)
{
  const char *label = jk_usage_counter_label (what);

  if (label != NULL && g_str_has_prefix (what, JK_USAGE_WALKIN_PREFIX))
    /* TRANSLATORS: a counter of walk-ins by reason: "Walk-ins: Resume help" */
    return g_strdup_printf (_("Walk-ins: %s"), _(label));
  if (label != NULL)
    return g_strdup (_(label));
  if (g_str_has_prefix (what, JK_USAGE_SCREEN_PREFIX))
    /* TRANSLATORS: a counter of a screen used: "Screen used: search" */
    return g_strdup_printf (_("Screen used: %s"), what + strlen (JK_USAGE_SCREEN_PREFIX));
  if (g_str_has_prefix (what, JK_USAGE_WALKIN_PREFIX))
    return g_strdup_printf (_("Walk-ins: %s"), what + strlen (JK_USAGE_WALKIN_PREFIX));
  return g_strdup (what);
}

static void
format_day (GDateTime *time,
            char       out[11])
{
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_time_get_year (time), g_date_time_get_month (time),
              g_date_time_get_day_of_month (time));
}

static Range
current_range (JkStaffUsage *self)
{
  if (gtk_toggle_button_get_active (self->week_button))
    return RANGE_WEEK;
  if (gtk_toggle_button_get_active (self->month_button))
    return RANGE_MONTH;
  if (gtk_toggle_button_get_active (self->year_button))
    return RANGE_YEAR;
  return RANGE_TODAY;
}

static gboolean
have_counts (JkStaffUsage *self)
{
  return self->rows != NULL || self->totals != NULL;
}

static void
set_busy (JkStaffUsage *self,
          gboolean      busy)
{
  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;
  gtk_widget_set_sensitive (self->export_button, self->busy == 0 && have_counts (self));
  gtk_widget_set_sensitive (self->print_button, self->busy == 0 && have_counts (self));
}

/* The chart and the table for the counter chosen. */
static void
show_counter (JkStaffUsage *self)
{
  const char *what = gtk_combo_box_get_active_id (GTK_COMBO_BOX (self->counter_combo));
  gboolean by_hour = g_str_equal (self->first_day, self->last_day);
  g_autofree char *words = NULL;
  g_autofree char *summary = NULL;
  gint64 total = 0;
  gboolean any_withheld = FALSE;

  g_clear_pointer (&self->bars, g_array_unref);
  gtk_list_store_clear (self->table_store);
  g_free (self->what);
  self->what = g_strdup (what != NULL ? what : "visits");
  if (!have_counts (self))
    return;
  self->bars = by_hour ? jk_usage_bars (self->rows, self->what, self->first_day, self->last_day)
                       : jk_usage_bars_from_totals (self->totals, self->what, self->first_day, self->last_day);
  gtk_label_set_text (self->when_label, by_hour ? _("Hour") : _("Day"));
  for (guint i = 0; i < self->bars->len; i++)
    {
      const JkUsageBar *bar = &g_array_index (self->bars, JkUsageBar, i);
      g_autofree char *count = bar->count < 0 ? g_strdup (_("fewer than 5"))
                                              : g_strdup_printf ("%" G_GINT64_FORMAT, bar->count);
      /* TRANSLATORS: an hour of the day in the usage table: "14:00" */
      g_autofree char *when = by_hour ? g_strdup_printf (_("%s:00"), bar->label) : g_strdup (bar->label);

      gtk_list_store_insert_with_values (self->table_store, NULL, -1, 0, when, 1, count, -1);
      if (bar->count > 0)
        total += bar->count;
      any_withheld = any_withheld || bar->count < 0;
    }
  words = counter_words (self->what);
  {
    g_autofree char *figure = g_strdup_printf ("%" G_GINT64_FORMAT, total);

    /* TRANSLATORS: over the usage chart: "Visits, 2026-11-22: 12", then maybe " and hours of fewer than 5" */
    summary = by_hour ? g_strdup_printf (_("%s, %s: %s%s"), words, self->first_day, figure,
                                         any_withheld ? _(" and hours of fewer than 5") : "")
                      /* TRANSLATORS: "Visits, 2026-11-01 to 2026-11-22: 1204" */
                      : g_strdup_printf (_("%s, %s to %s: %s%s"), words, self->first_day, self->last_day, figure,
                                         any_withheld ? _(" and days of fewer than 5") : "");
  }
  gtk_label_set_text (self->summary_label, summary);
  atk_object_set_description (gtk_widget_get_accessible (self->chart), summary);
  gtk_widget_queue_draw (self->chart);
}

/* The counter chooser lists the seven counters and every family member
 * the range holds (walk-ins by reason, screens used). */
static void
fill_counters (JkStaffUsage *self)
{
  g_autofree char *keep = g_strdup (self->what != NULL ? self->what : "visits");
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  static const char *const base[] = {
#define X(id, key, label) key,
    JK_USAGE_COUNTERS
#undef X
  };
  g_autoptr (GPtrArray) family = g_ptr_array_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (base); i++)
    g_hash_table_add (seen, (gpointer) base[i]);
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      JkUsageRow *row = self->rows->pdata[i];

      if (g_hash_table_add (seen, row->what))
        g_ptr_array_add (family, row->what);
    }
  for (guint i = 0; self->totals != NULL && i < self->totals->len; i++)
    {
      JkUsageTotal *total = self->totals->pdata[i];

      if (g_hash_table_add (seen, total->what))
        g_ptr_array_add (family, total->what);
    }
  g_ptr_array_sort (family, (GCompareFunc) g_strcmp0);
  g_signal_handlers_block_matched (self->counter_combo, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_combo_box_text_remove_all (self->counter_combo);
  for (gsize i = 0; i < G_N_ELEMENTS (base); i++)
    {
      g_autofree char *words = counter_words (base[i]);

      gtk_combo_box_text_append (self->counter_combo, base[i], words);
    }
  for (guint i = 0; i < family->len; i++)
    {
      g_autofree char *words = counter_words (family->pdata[i]);

      gtk_combo_box_text_append (self->counter_combo, family->pdata[i], words);
    }
  if (!gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->counter_combo), keep))
    gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->counter_combo), "visits");
  g_signal_handlers_unblock_matched (self->counter_combo, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static gboolean
query_work (gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  UsageWork *work = data;

  /* A day by its hours; a longer range by its days' totals, which a year
   * reads 365 of a counter where its hours are 8 760. */
  if (g_str_equal (work->first_day, work->last_day))
    work->rows = jk_usage_query (work->database_path, work->first_day, work->last_day, error);
  else
    work->totals = jk_usage_query_totals (work->database_path, work->first_day, work->last_day, error);
  return work->rows != NULL || work->totals != NULL;
}

static void
on_queried (gpointer      source,
            gpointer      data,
            const GError *error)
{
  JkStaffUsage *self = source;
  UsageWork *work = data;

  /* An answer for a range no longer chosen is dropped. */
  if (g_strcmp0 (work->first_day, self->first_day) != 0 || g_strcmp0 (work->last_day, self->last_day) != 0)
    {
      set_busy (self, FALSE);
      return;
    }
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->totals, g_ptr_array_unref);
  if (error != NULL)
    gtk_label_set_text (self->status_label, error->message);
  else
    {
      self->rows = g_steal_pointer (&work->rows);
      self->totals = g_steal_pointer (&work->totals);
    }
  fill_counters (self);
  show_counter (self);
  set_busy (self, FALSE);
}

static void
refresh (JkStaffUsage *self)
{
  g_autoptr (GDateTime) now = jk_clock_now_local (self->context->clock);
  g_autoptr (GDateTime) first = NULL;
  UsageWork *work;

  switch (current_range (self))
    {
    case RANGE_WEEK:
      first = g_date_time_add_days (now, -6);
      break;
    case RANGE_MONTH:
      first = g_date_time_add_days (now, -29);
      break;
    case RANGE_YEAR:
      first = g_date_time_add_days (now, 1 - g_date_time_get_day_of_year (now));
      break;
    case RANGE_TODAY:
    default:
      first = g_date_time_ref (now);
      break;
    }
  format_day (first, self->first_day);
  format_day (now, self->last_day);
  work = g_new0 (UsageWork, 1);
  work->database_path = g_strdup (self->database_path);
  memcpy (work->first_day, self->first_day, sizeof work->first_day);
  memcpy (work->last_day, self->last_day, sizeof work->last_day);
  set_busy (self, TRUE);
  jk_task_run (self, self->cancellable, "staff-usage-query", query_work, on_queried, work, usage_work_free);
}

/* ---------------------------------------------------------------------- */
/* Export and print                                                       */

static gboolean
export_work (gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  UsageWork *work = data;
  g_autofree char *csv = NULL;
  g_autofree char *name = NULL;

  work->rows = jk_usage_query (work->database_path, work->first_day, work->last_day, error);
  if (work->rows == NULL)
    return FALSE;
  csv = jk_usage_to_csv (work->rows);
  if (g_mkdir_with_parents (work->report_dir, 0750) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("Could not make the folder %s: %s"),
                   work->report_dir, g_strerror (saved));
      return FALSE;
    }
  name = g_strdup_printf ("usage-%s-%s.csv", work->first_day, work->last_day);
  work->path = g_build_filename (work->report_dir, name, NULL);
  /* g_file_set_contents writes beside it and renames: never half a file. */
  if (!g_file_set_contents (work->path, csv, -1, error))
    return FALSE;
  {
    g_autofree char *detail = g_strdup_printf ("%s to %s", work->first_day, work->last_day);
    g_autoptr (GError) audit_error = NULL;

    if (!jk_audit_add (work->database_path, work->actor, "usage-export", detail, work->now, &audit_error))
      g_warning ("Usage exported but not written to the audit log: %s", audit_error->message);
  }
  return TRUE;
}

static void
on_exported (gpointer      source,
             gpointer      data,
             const GError *error)
{
  JkStaffUsage *self = source;
  UsageWork *work = data;

  set_busy (self, FALSE);
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Not exported: %s"), error->message);

      gtk_label_set_text (self->status_label, text);
    }
  else
    {
      /* TRANSLATORS: %s is the file's full path */
      g_autofree char *text = g_strdup_printf (_("Saved as %s"), work->path);

      gtk_label_set_text (self->status_label, text);
    }
}

static gboolean
print_work (gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  UsageWork *work = data;
  g_autoptr (GError) audit_error = NULL;
  g_autofree char *detail = NULL;

  if (!jk_staff_print (work->config, work->database_path, work->request, &work->result, cancellable, error))
    return FALSE;
  detail = g_strdup_printf ("%s to %s", work->first_day, work->last_day);
  if (!jk_audit_add (work->database_path, work->actor, "usage-print", detail, work->now, &audit_error))
    g_warning ("Usage printed but not written to the audit log: %s", audit_error->message);
  return TRUE;
}

static void
on_printed (gpointer      source,
            gpointer      data,
            const GError *error)
{
  JkStaffUsage *self = source;

  set_busy (self, FALSE);
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Not printed: %s"), error->message);

      gtk_label_set_text (self->status_label, text);
    }
  else
    gtk_label_set_text (self->status_label, _("The usage report is printing."));
}

static UsageWork *
new_work (JkStaffUsage *self)
{
  UsageWork *work = g_new0 (UsageWork, 1);
  g_autoptr (GDateTime) now = jk_clock_now_local (self->context->clock);

  work->database_path = g_strdup (self->database_path);
  memcpy (work->first_day, self->first_day, sizeof work->first_day);
  memcpy (work->last_day, self->last_day, sizeof work->last_day);
  work->actor = g_strdup (self->staff_name);
  work->now = g_date_time_to_unix (now);
  work->config = self->context->config;
  return work;
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_range_toggled (JkStaffUsage    *self,
                  GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

static void
on_counter_changed (JkStaffUsage *self)
{
  show_counter (self);
}

static gboolean
on_chart_draw (JkStaffUsage *self,
               cairo_t      *cr)
{
  GtkStyleContext *style_context = gtk_widget_get_style_context (self->chart);
  PangoContext *pango = gtk_widget_get_pango_context (self->chart);
  const PangoFontDescription *font = pango_context_get_font_description (pango);
  GdkRGBA ink;
  JkUsageChartStyle style = {
    .bar = { 0.11, 0.37, 0.62 },
    .withheld = { 0.45, 0.45, 0.45 },
    .grid = { 0.82, 0.82, 0.82 },
    .paper = { 1, 1, 1 },
  };

  if (self->bars == NULL)
    return FALSE;
  gtk_style_context_get_color (style_context, gtk_style_context_get_state (style_context), &ink);
  style.ink[0] = ink.red;
  style.ink[1] = ink.green;
  style.ink[2] = ink.blue;
  style.font = pango_font_description_copy (font);
  jk_usage_chart_draw (cr, pango, gtk_widget_get_allocated_width (self->chart),
                       gtk_widget_get_allocated_height (self->chart), (const JkUsageBar *) self->bars->data,
                       self->bars->len, &style);
  pango_font_description_free (style.font);
  return TRUE;
}

static void
on_export_clicked (JkStaffUsage *self)
{
  const JkConfig *config = self->context->config;
  UsageWork *work;

  if (self->busy > 0 || !have_counts (self))
    return;
  work = new_work (self);
  if (config->usage_report_dir != NULL && *config->usage_report_dir != '\0')
    work->report_dir = g_strdup (config->usage_report_dir);
  else
    {
      g_autofree char *dir = g_path_get_dirname (self->database_path);

      work->report_dir = g_build_filename (dir, "reports", NULL);
    }
  set_busy (self, TRUE);
  gtk_label_set_text (self->status_label, _("Exporting…"));
  jk_task_run (self, self->cancellable, "staff-usage-export", export_work, on_exported, work, usage_work_free);
}

static void
on_print_clicked (JkStaffUsage *self)
{
  const JkConfig *config = self->context->config;
  JkUsageReportInput input = { 0 };
  JkDocumentContext context = { 0 };
  UsageWork *work;

  if (self->busy > 0 || self->bars == NULL)
    return;
  work = new_work (self);
  input.first_day = self->first_day;
  input.last_day = self->last_day;
  input.what = self->what;
  input.bars = self->bars;
  context.center_name = config->center_name;
  context.paper = g_strcmp0 (config->print_paper, "a4") == 0 ? JK_PAPER_A4 : JK_PAPER_LETTER;
  context.language = jk_session_get_language (self->context->session);
  context.config = config;
  work->request = jk_document_request_new (&jk_document_usage_report, &input, &context);
  set_busy (self, TRUE);
  gtk_label_set_text (self->status_label, _("Printing…"));
  jk_task_run (self, self->cancellable, "staff-usage-print", print_work, on_printed, work, usage_work_free);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_staff_usage_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (jk_staff_usage_parent_class)->map (widget);
  refresh (JK_STAFF_USAGE (widget));
}

static void
jk_staff_usage_dispose (GObject *object)
{
  JkStaffUsage *self = JK_STAFF_USAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->totals, g_ptr_array_unref);
  g_clear_pointer (&self->bars, g_array_unref);
  G_OBJECT_CLASS (jk_staff_usage_parent_class)->dispose (object);
}

static void
jk_staff_usage_finalize (GObject *object)
{
  JkStaffUsage *self = JK_STAFF_USAGE (object);

  g_free (self->staff_name);
  g_free (self->database_path);
  g_free (self->what);
  G_OBJECT_CLASS (jk_staff_usage_parent_class)->finalize (object);
}

static void
jk_staff_usage_class_init (JkStaffUsageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jk_staff_usage_dispose;
  object_class->finalize = jk_staff_usage_finalize;
  widget_class->map = jk_staff_usage_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/staff/jk-staff-usage.ui");
  gtk_widget_class_bind_template_child (widget_class, JkStaffUsage, today_button);
  gtk_widget_class_bind_template_child (widget_class, JkStaffUsage, week_button);
  gtk_widget_class_bind_template_child (widget_class, JkStaffUsage, month_button);
  gtk_widget_class_bind_template_child (widget_class, JkStaffUsage, year_button);
  gtk_widget_class_bind_template_child (widget_class, JkStaffUsage, counter_combo);
  gtk_widget_class_bind_template_child (widget_class, JkStaffUsage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JkStaffUsage, chart);
  gtk_widget_class_bind_template_child (widget_class, JkStaffUsage, table);
  gtk_widget_class_bind_template_child (widget_class, JkStaffUsage, when_label);
  gtk_widget_class_bind_template_child (widget_class, JkStaffUsage, table_store);
  gtk_widget_class_bind_template_child (widget_class, JkStaffUsage, status_label);
  gtk_widget_class_bind_template_child (widget_class, JkStaffUsage, export_button);
  gtk_widget_class_bind_template_child (widget_class, JkStaffUsage, print_button);
  gtk_widget_class_bind_template_callback (widget_class, on_range_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_counter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_draw);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked);
}

static void
jk_staff_usage_init (JkStaffUsage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  fill_counters (self);
  set_busy (self, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

GtkWidget *
jk_staff_usage_new (const JkStaffContext *context)
{
  JkStaffUsage *self = g_object_new (JK_TYPE_STAFF_USAGE, NULL);

  self->context = context->context;
  self->staff_name = g_strdup (context->staff_name);
  self->database_path = g_strdup (context->database_path);
  return GTK_WIDGET (self);
}

gboolean
jk_staff_usage_is_busy (JkStaffUsage *self)
{
  g_return_val_if_fail (JK_IS_STAFF_USAGE (self), FALSE);

  return self->busy > 0;
}

const JkStaffSectionInfo jk_staff_usage_section = {
  .name = "usage",
  .title = N_("Usage"),
  .icon = "x-office-spreadsheet-symbolic",
  .create = jk_staff_usage_new,
};
