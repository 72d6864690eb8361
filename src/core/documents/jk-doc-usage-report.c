/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-doc-usage-report.c: the usage report staff print: one counter over a range as a bar chart and a table */

#define G_LOG_DOMAIN "jk-document"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-usage-chart.h>
#include <jobkiosk/jk-usage.h>

#include "documents/jk-layout-private.h"

#define CHART_HEIGHT 220.0

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
add_chart (Composer     *c,
           const GArray *bars)
{
  const JkUsageChartStyle style = {
    .ink = { 0, 0, 0 },
    .bar = { 0.35, 0.35, 0.35 },
    .withheld = { 0.55, 0.55, 0.55 },
    .grid = { 0.85, 0.85, 0.85 },
    .paper = { 1, 1, 1 },
    .font = c->fonts[STYLE_BODY_SMALL],
  };

  jk_composer_need (c, CHART_HEIGHT);
  cairo_save (c->cr);
  cairo_translate (c->cr, c->left, c->y);
  jk_usage_chart_draw (c->cr, c->pango, c->right - c->left, CHART_HEIGHT, (const JkUsageBar *) bars->data, bars->len,
                       &style);
  cairo_restore (c->cr);
  c->y += CHART_HEIGHT + 10;
}

/* ---------------------------------------------------------------------- */
/* The kind                                                               */

static JkDocument *
render_report (const JkDocumentContext *context,
               gconstpointer            data,
               GError                 **error)
{
  const JkUsageReportInput *input = data;
  GArray *bars = input->bars;
  const char *label = jk_usage_counter_label (input->what);
  gboolean by_hour = g_str_equal (input->first_day, input->last_day);
  g_autofree char *range = NULL;
  Table table = { 0 };
  Composer c;

  jk_composer_init (&c, context, _(jk_document_usage_report.title));
  jk_layout_add_text (&c, STYLE_TITLE, _(jk_document_usage_report.title));
  /* TRANSLATORS: the usage report's range: "2026-11-01 to 2026-11-22" */
  range = by_hour ? g_strdup (input->first_day)
                  : g_strdup_printf (_("%s to %s"), input->first_day, input->last_day);
  jk_layout_add_text (&c, STYLE_SUBTITLE, label != NULL ? _(label) : input->what);
  jk_layout_add_text (&c, STYLE_BODY, range);
  jk_composer_space (&c, 8);
  add_chart (&c, bars);
  jk_layout_add_text (&c, STYLE_BODY_SMALL,
                      _("No personal data is counted. An hour with fewer than 5 is not shown, so that it cannot point "
                        "at one person."));
  jk_composer_space (&c, 8);
  table.n_columns = 2;
  table.headers[0] = by_hour ? _("Hour") : _("Day");
  table.headers[1] = _("Count");
  table.widths[0] = (c.right - c.left) * 0.5;
  table.widths[1] = (c.right - c.left) * 0.5;
  jk_layout_add_table_header (&c, &table);
  for (guint i = 0; i < bars->len; i++)
    {
      const JkUsageBar *bar = &g_array_index (bars, JkUsageBar, i);
      g_autofree char *count = bar->count < 0 ? g_strdup (_("fewer than 5"))
                                              : g_strdup_printf ("%" G_GINT64_FORMAT, bar->count);
      const char *cells[] = { bar->label, count };

      jk_layout_add_table_row (&c, &table, cells, 0);
    }
  return jk_composer_finish (&c, jk_document_usage_report.id, error);
}

static gpointer
copy_report_input (gconstpointer data)
{
  const JkUsageReportInput *input = data;
  JkUsageReportInput *copy = g_new0 (JkUsageReportInput, 1);

  copy->first_day = g_strdup (input->first_day);
  copy->last_day = g_strdup (input->last_day);
  copy->what = g_strdup (input->what);
  copy->bars = input->bars != NULL ? g_array_copy (input->bars) : g_array_new (FALSE, TRUE, sizeof (JkUsageBar));
  return copy;
}

static void
free_report_input (gpointer data)
{
  JkUsageReportInput *input = data;

  g_free (input->first_day);
  g_free (input->last_day);
  g_free (input->what);
  g_clear_pointer (&input->bars, g_array_unref);
  g_free (input);
}

const JkDocumentKind jk_document_usage_report = {
  .id = "usage report",
  .title = N_("Kiosk usage"),
  .render = render_report,
  .copy_input = copy_report_input,
  .free_input = free_report_input,
};
