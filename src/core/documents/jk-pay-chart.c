/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-pay-chart.c: pay ranges by area, drawn with Cairo for screen and paper */

#define G_LOG_DOMAIN "jk-pay-chart"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "jobkiosk/jk-format.h"
#include "jobkiosk/jk-i18n.h"
#include "jobkiosk/jk-pay-chart.h"

/* Room under the rows for the scale's figures, and between parts. */
#define AXIS_HEIGHT 36.0
#define GAP 16.0
#define MEDIAN_LINE 4.0

typedef struct {
  double low;
  double high;
  double step;
} Scale;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static gboolean
known (double value)
{
  return isfinite (value) && value > 0;
}

static double
row_low (const JkPayChartRow *row)
{
  return known (row->p10) ? row->p10 : known (row->p25) ? row->p25 : row->median;
}

static double
row_high (const JkPayChartRow *row)
{
  return known (row->p90) ? row->p90 : known (row->p75) ? row->p75 : row->median;
}

/* From zero, in round steps (1, 2, 5 times a power of ten) giving four
 * to six lines. */
static gboolean
make_scale (const JkPayChartRow *rows,
            guint                n_rows,
            Scale               *scale)
{
  double low = INFINITY, high = -INFINITY, span, magnitude;
  static const double steps[] = { 1, 2, 5, 10 };

  for (guint i = 0; i < n_rows; i++)
    {
      if (known (row_low (&rows[i])))
        low = MIN (low, row_low (&rows[i]));
      if (known (row_high (&rows[i])))
        high = MAX (high, row_high (&rows[i]));
    }
  if (!isfinite (low) || !isfinite (high))
    return FALSE;
  /* From zero: a bar twice as long is pay twice as high, as a reader
   * takes it to be. */
  low = 0;
  span = high - low;
  magnitude = pow (10, floor (log10 (span / 5)));
  scale->step = magnitude;
  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    if (span / (steps[i] * magnitude) <= 6)
      {
        scale->step = steps[i] * magnitude;
        break;
      }
  scale->low = floor (low / scale->step) * scale->step;
  scale->high = ceil (high / scale->step) * scale->step;
  if (scale->high <= scale->low)
    scale->high = scale->low + scale->step;
  return TRUE;
}

static double
x_of (const Scale *scale,
      double       x0,
      double       width,
      double       amount)
{
  return x0 + (amount - scale->low) / (scale->high - scale->low) * width;
}

static void
set_rgb (cairo_t      *cr,
         const double *rgb)
{
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

static PangoLayout *
make_layout (PangoContext               *pango,
             const PangoFontDescription *font,
             const char                 *text,
             double                      max_width)
{
  PangoLayout *layout = pango_layout_new (pango);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

/* Text centred on x (kept inside left..right), its top at y. */
static void
draw_text_at (cairo_t                    *cr,
              PangoContext               *pango,
              const PangoFontDescription *font,
              const char                 *text,
              double                      x,
              double                      y,
              double                      left,
              double                      right)
{
  g_autoptr (PangoLayout) layout = make_layout (pango, font, text, -1);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  x = CLAMP (x - w / 2.0, left, MAX (left, right - w));
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static int
text_height (PangoContext               *pango,
             const PangoFontDescription *font)
{
  g_autoptr (PangoLayout) layout = make_layout (pango, font, "$0", -1);
  int h;

  pango_layout_get_pixel_size (layout, NULL, &h);
  return h;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

char *
jk_pay_chart_format (double   amount,
                     gboolean hourly,
                     gboolean or_more)
{
  g_autofree char *number = jk_format_dollars (amount, hourly);

  if (or_more)
    /* TRANSLATORS: pay at or above what the survey publishes: "$239,200 or more" */
    return g_strdup_printf (_("%s or more"), number);
  return g_steal_pointer (&number);
}

void
jk_pay_chart_draw (cairo_t               *cr,
                   PangoContext          *pango,
                   double                 width,
                   double                 height,
                   const JkPayChartRow   *rows,
                   guint                  n_rows,
                   gboolean               hourly,
                   const JkPayChartStyle *style)
{
  double label_width = MIN (width * 0.28, 320);
  double x0 = label_width + GAP, chart_width = width - x0 - GAP;
  double rows_height = height - AXIS_HEIGHT, row_height;
  int line = text_height (pango, style->font), bold_line = text_height (pango, style->bold);
  Scale scale = { 0, 1, 1 };
  gboolean any = n_rows > 0 && make_scale (rows, n_rows, &scale);

  g_return_if_fail (cr != NULL && style != NULL);

  cairo_save (cr);
  set_rgb (cr, style->paper);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  if (n_rows == 0)
    {
      cairo_restore (cr);
      return;
    }
  row_height = rows_height / n_rows;

  /* The scale: a line and a figure at each step, under every row. */
  if (any)
    {
      cairo_set_line_width (cr, 1);
      for (double tick = scale.low; tick <= scale.high + scale.step / 2; tick += scale.step)
        {
          double x = round (x_of (&scale, x0, chart_width, tick)) + 0.5;
          g_autofree char *figure = jk_pay_chart_format (tick, hourly && scale.step < 1, FALSE);

          set_rgb (cr, style->grid);
          cairo_move_to (cr, x, 0);
          cairo_line_to (cr, x, rows_height);
          cairo_stroke (cr);
          set_rgb (cr, style->ink);
          draw_text_at (cr, pango, style->font, figure, x, rows_height + 4, x0 - GAP, width);
        }
    }

  for (guint i = 0; i < n_rows; i++)
    {
      const JkPayChartRow *row = &rows[i];
      double top = i * row_height;
      double bar_height = MIN (32, row_height * 0.3);
      double bar_top = top + MAX (bold_line + 6, (row_height - bar_height) / 2);
      g_autoptr (PangoLayout) name = make_layout (pango, style->font, row->area, label_width);
      int name_height;
      double low = row_low (row), high = row_high (row);

      pango_layout_get_pixel_size (name, NULL, &name_height);
      set_rgb (cr, style->ink);
      cairo_move_to (cr, 0, bar_top + bar_height / 2 - name_height / 2.0);
      pango_cairo_show_layout (cr, name);

      if (!any || !known (low) || !known (high))
        {
          g_autoptr (PangoLayout) none = make_layout (pango, style->font, _("Not published for this area"),
                                                      chart_width);

          cairo_move_to (cr, x0, bar_top + bar_height / 2 - line / 2.0);
          pango_cairo_show_layout (cr, none);
          continue;
        }

      /* Most workers: p10 to p90. A top-coded p90 runs to the edge. */
      set_rgb (cr, style->range);
      {
        double left = x_of (&scale, x0, chart_width, low);
        double right = row->p90_top_coded ? x0 + chart_width : x_of (&scale, x0, chart_width, high);

        cairo_rectangle (cr, left, bar_top, MAX (2, right - left), bar_height);
        cairo_fill (cr);
      }
      /* The middle half: p25 to p75. */
      if (known (row->p25) && (known (row->p75) || row->p90_top_coded))
        {
          double left = x_of (&scale, x0, chart_width, row->p25);
          double right = known (row->p75) ? x_of (&scale, x0, chart_width, row->p75) : x0 + chart_width;

          set_rgb (cr, style->middle);
          cairo_rectangle (cr, left, bar_top, MAX (2, right - left), bar_height);
          cairo_fill (cr);
        }
      /* The median: a mark through the bar, and the figure above it. */
      if (known (row->median))
        {
          double x = x_of (&scale, x0, chart_width, row->median);
          g_autofree char *figure = jk_pay_chart_format (row->median, hourly, row->median_top_coded);
          /* TRANSLATORS: above the mark of the median pay: "Median $18.40" */
          g_autofree char *text = g_strdup_printf (_("Median %s"), figure);

          /* An edge of paper, so the mark stands out from either part of the bar. */
          set_rgb (cr, style->paper);
          cairo_rectangle (cr, x - MEDIAN_LINE / 2 - 2, bar_top - 6, MEDIAN_LINE + 4, bar_height + 12);
          cairo_fill (cr);
          set_rgb (cr, style->mark);
          cairo_rectangle (cr, x - MEDIAN_LINE / 2, bar_top - 4, MEDIAN_LINE, bar_height + 8);
          cairo_fill (cr);
          set_rgb (cr, style->ink);
          draw_text_at (cr, pango, style->bold, text, x, bar_top - bold_line - 6, x0, width);
        }
      /* The ends, under the bar. */
      {
        g_autofree char *from = jk_pay_chart_format (low, hourly, FALSE);
        g_autofree char *to = jk_pay_chart_format (high, hourly, row->p90_top_coded);
        double left = x_of (&scale, x0, chart_width, low);
        double right = row->p90_top_coded ? x0 + chart_width : x_of (&scale, x0, chart_width, high);
        double y = bar_top + bar_height + 4;

        set_rgb (cr, style->ink);
        if (y + line <= top + row_height + 2)
          {
            draw_text_at (cr, pango, style->font, from, left, y, x0, width);
            draw_text_at (cr, pango, style->font, to, right, y, x0, width);
          }
      }
    }
  cairo_restore (cr);
}
