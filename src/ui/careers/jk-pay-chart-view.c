/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-pay-chart-view.c: the pay chart drawn in the window */

#define G_LOG_DOMAIN "jk-careers"

#include <jobkiosk/jk-i18n.h>
#include <math.h>

#include "jk-pay-chart-view.h"

/* Each area's row, and the scale's figures under them. */
#define ROW_HEIGHT 84
#define AXIS_HEIGHT 36

struct _JkPayChartView
{
  GtkDrawingArea parent_instance;

  GArray *rows;        /* JkPayChartRow, area names owned */
  gboolean hourly;
};

G_DEFINE_FINAL_TYPE (JkPayChartView, jk_pay_chart_view, GTK_TYPE_DRAWING_AREA)

/* The two looks. Bars are graphics: 3:1 or more against the page;
 * text 4.5:1 or more. */
static const JkPayChartStyle normal_look = {
  .ink = { 0x1c / 255.0, 0x3d / 255.0, 0x6e / 255.0 },    /* jk_ink */
  .mark = { 0xb3 / 255.0, 0x47 / 255.0, 0x0f / 255.0 },   /* jk_accent */
  .range = { 0x6f / 255.0, 0x8f / 255.0, 0xc9 / 255.0 },
  .middle = { 0x1c / 255.0, 0x3d / 255.0, 0x6e / 255.0 },
  .grid = { 0xb8 / 255.0, 0xc4 / 255.0, 0xd6 / 255.0 },   /* jk_line */
  .paper = { 1, 1, 1 },
};

/* High contrast pages are white with black text: the bars in black and
 * a dark grey, the median's mark black with its white edge. */
static const JkPayChartStyle high_contrast_look = {
  .ink = { 0, 0, 0 },
  .mark = { 0, 0, 0 },
  .range = { 0x59 / 255.0, 0x59 / 255.0, 0x59 / 255.0 },
  .middle = { 0, 0, 0 },
  .grid = { 0x76 / 255.0, 0x76 / 255.0, 0x76 / 255.0 },
  .paper = { 1, 1, 1 },
};

static void
clear_row (gpointer data)
{
  JkPayChartRow *row = data;

  g_free ((char *) row->area);
}

static gboolean
is_high_contrast (GtkWidget *widget)
{
  GtkWidget *toplevel = gtk_widget_get_toplevel (widget);

  return GTK_IS_WINDOW (toplevel) &&
         gtk_style_context_has_class (gtk_widget_get_style_context (toplevel), "high-contrast");
}

static void
update_accessible (JkPayChartView *self)
{
  g_autofree char *words = jk_pay_chart_view_describe (self);

  atk_object_set_name (gtk_widget_get_accessible (GTK_WIDGET (self)), words);
}

static gboolean
jk_pay_chart_view_draw (GtkWidget *widget,
                        cairo_t   *cr)
{
  JkPayChartView *self = JK_PAY_CHART_VIEW (widget);
  JkPayChartStyle look = is_high_contrast (widget) ? high_contrast_look : normal_look;
  const PangoFontDescription *base = NULL;
  g_autoptr (PangoFontDescription) font = NULL;
  g_autoptr (PangoFontDescription) bold = NULL;

  /* The window's font, so Larger text makes the chart's figures larger. */
  gtk_style_context_get (gtk_widget_get_style_context (widget), gtk_widget_get_state_flags (widget), "font", &font,
                         NULL);
  base = font;
  bold = pango_font_description_copy (base);
  pango_font_description_set_weight (bold, PANGO_WEIGHT_BOLD);
  look.font = font;
  look.bold = bold;
  jk_pay_chart_draw (cr, gtk_widget_get_pango_context (widget), gtk_widget_get_allocated_width (widget),
                     gtk_widget_get_allocated_height (widget), (const JkPayChartRow *) self->rows->data,
                     self->rows->len, self->hourly, &look);
  return GDK_EVENT_PROPAGATE;
}

static void
jk_pay_chart_view_get_preferred_height (GtkWidget *widget,
                                        int       *minimum,
                                        int       *natural)
{
  JkPayChartView *self = JK_PAY_CHART_VIEW (widget);
  int height = AXIS_HEIGHT + ROW_HEIGHT * (int) MAX (1u, self->rows->len);

  *minimum = *natural = height;
}

static void
jk_pay_chart_view_finalize (GObject *object)
{
  g_array_unref (JK_PAY_CHART_VIEW (object)->rows);
  G_OBJECT_CLASS (jk_pay_chart_view_parent_class)->finalize (object);
}

static void
jk_pay_chart_view_class_init (JkPayChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = jk_pay_chart_view_finalize;
  widget_class->draw = jk_pay_chart_view_draw;
  widget_class->get_preferred_height = jk_pay_chart_view_get_preferred_height;
  gtk_widget_class_set_css_name (widget_class, "paychart");
}

static void
jk_pay_chart_view_init (JkPayChartView *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (JkPayChartRow));
  g_array_set_clear_func (self->rows, clear_row);
  self->hourly = TRUE;
  atk_object_set_role (gtk_widget_get_accessible (GTK_WIDGET (self)), ATK_ROLE_CHART);
}

GtkWidget *
jk_pay_chart_view_new (void)
{
  return g_object_new (JK_TYPE_PAY_CHART_VIEW, NULL);
}

void
jk_pay_chart_view_set_rows (JkPayChartView      *self,
                            const JkPayChartRow *rows,
                            guint                n_rows)
{
  g_return_if_fail (JK_IS_PAY_CHART_VIEW (self));

  g_array_set_size (self->rows, 0);
  for (guint i = 0; i < n_rows; i++)
    {
      JkPayChartRow row = rows[i];

      row.area = g_strdup (rows[i].area);
      g_array_append_val (self->rows, row);
    }
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
jk_pay_chart_view_set_hourly (JkPayChartView *self,
                              gboolean        hourly)
{
  g_return_if_fail (JK_IS_PAY_CHART_VIEW (self));

  self->hourly = !!hourly;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
jk_pay_chart_view_get_hourly (JkPayChartView *self)
{
  g_return_val_if_fail (JK_IS_PAY_CHART_VIEW (self), TRUE);

  return self->hourly;
}

char *
jk_pay_chart_view_describe (JkPayChartView *self)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (JK_IS_PAY_CHART_VIEW (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const JkPayChartRow *row = &g_array_index (self->rows, JkPayChartRow, i);

      if (!isfinite (row->median))
        /* TRANSLATORS: the pay chart in words, for an area without figures: "Columbus, OH: not published for this area." */
        g_ptr_array_add (parts, g_strdup_printf (_("%s: not published for this area."), row->area));
      else
        {
          g_autofree char *median = jk_pay_chart_format (row->median, self->hourly, row->median_top_coded);
          g_autofree char *low = isfinite (row->p10) ? jk_pay_chart_format (row->p10, self->hourly, FALSE) : NULL;
          g_autofree char *high = isfinite (row->p90) ? jk_pay_chart_format (row->p90, self->hourly, row->p90_top_coded)
                                                      : NULL;

          if (low != NULL && high != NULL)
            g_ptr_array_add (parts,
                             /* TRANSLATORS: the pay chart in words: area, median, the p10 and p90 pay */
                             g_strdup_printf (self->hourly ? _("%1$s: half earn more than %2$s an hour; most earn from %3$s to %4$s.")
                                                           : _("%1$s: half earn more than %2$s a year; most earn from %3$s to %4$s."),
                                              row->area, median, low, high));
          else
            g_ptr_array_add (parts, g_strdup_printf (self->hourly ? _("%1$s: half earn more than %2$s an hour.")
                                                                  : _("%1$s: half earn more than %2$s a year."),
                                                     row->area, median));
        }
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" ", (GStrv) parts->pdata);
}
