/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-usage-chart.c: one counter's usage as bars, drawn with cairo for the staff screen and the printed report */

#define G_LOG_DOMAIN "jk-usage"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include <jobkiosk/jk-usage.h>
#include <jobkiosk/jk-usage-chart.h>

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static GDate *
parse_day (const char *day)
{
  GDate *date = g_date_new ();

  g_date_set_parse (date, day);
  /* g_date_set_parse follows the locale; YYYY-MM-DD is read by hand. */
  if (strlen (day) == 10)
    {
      guint y = (guint) g_ascii_strtoull (day, NULL, 10);
      guint m = (guint) g_ascii_strtoull (day + 5, NULL, 10);
      guint d = (guint) g_ascii_strtoull (day + 8, NULL, 10);

      if (g_date_valid_dmy (d, m, y))
        g_date_set_dmy (date, d, m, y);
    }
  return date;
}

static double
nice_step (gint64 top)
{
  double raw = top / 4.0;
  double magnitude = pow (10, floor (log10 (MAX (raw, 1))));
  double fraction = raw / magnitude;

  if (fraction <= 1)
    return magnitude;
  if (fraction <= 2)
    return 2 * magnitude;
  if (fraction <= 5)
    return 5 * magnitude;
  return 10 * magnitude;
}

static void
show_text (cairo_t      *cr,
           PangoLayout  *layout,
           const char   *text,
           double        x,
           double        y,
           double        align)   /* 0 left, 0.5 centre, 1 right of x */
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - align * w, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

GArray *
jk_usage_bars (GPtrArray  *rows,
               const char *what,
               const char *first_day,
               const char *last_day)
{
  GArray *bars = g_array_new (FALSE, TRUE, sizeof (JkUsageBar));

  g_return_val_if_fail (rows != NULL && what != NULL && first_day != NULL && last_day != NULL, bars);

  if (g_str_equal (first_day, last_day))
    {
      g_array_set_size (bars, 24);
      for (guint h = 0; h < 24; h++)
        g_snprintf (g_array_index (bars, JkUsageBar, h).label, sizeof (((JkUsageBar *) 0)->label), "%u", h);
      for (guint i = 0; i < rows->len; i++)
        {
          const JkUsageRow *row = rows->pdata[i];

          if (row->hour < 24 && g_str_equal (row->what, what) && g_str_equal (row->day, first_day))
            g_array_index (bars, JkUsageBar, row->hour).count = jk_usage_row_shown (row) ? row->count : -1;
        }
    }
  else
    {
      g_autoptr (GPtrArray) totals = jk_usage_day_totals (rows);

      g_array_unref (bars);
      bars = jk_usage_bars_from_totals (totals, what, first_day, last_day);
    }
  return bars;
}

GArray *
jk_usage_bars_from_totals (GPtrArray  *totals,
                           const char *what,
                           const char *first_day,
                           const char *last_day)
{
  GArray *bars = g_array_new (FALSE, TRUE, sizeof (JkUsageBar));
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  GDate *day;
  GDate *last;

  g_return_val_if_fail (totals != NULL && what != NULL && first_day != NULL && last_day != NULL, bars);

  day = parse_day (first_day);
  last = parse_day (last_day);
  /* Every day of the range has its bar, so the days line up. */
  while (g_date_valid (day) && g_date_valid (last) && g_date_compare (day, last) <= 0 && bars->len < 3700)
    {
      JkUsageBar bar = { 0 };

      g_snprintf (bar.label, sizeof bar.label, "%04u-%02u-%02u", g_date_get_year (day), g_date_get_month (day),
                  g_date_get_day (day));
      g_array_append_val (bars, bar);
      g_date_add_days (day, 1);
    }
  g_date_free (day);
  g_date_free (last);
  for (guint i = 0; i < bars->len; i++)
    g_hash_table_insert (index, g_array_index (bars, JkUsageBar, i).label, GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < totals->len; i++)
    {
      const JkUsageTotal *total = totals->pdata[i];
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (index, total->day));

      if (at == 0 || !g_str_equal (total->what, what))
        continue;
      /* A day total below 5 tells as much as an hour would. */
      g_array_index (bars, JkUsageBar, at - 1).count =
        total->withheld || (total->count > 0 && total->count < JK_USAGE_MIN_SHOWN) ? -1 : total->count;
    }
  return bars;
}

void
jk_usage_chart_draw (cairo_t                 *cr,
                     PangoContext            *pango,
                     double                   width,
                     double                   height,
                     const JkUsageBar        *bars,
                     guint                    n_bars,
                     const JkUsageChartStyle *style)
{
  g_autoptr (PangoLayout) layout = pango_layout_new (pango);
  gint64 top = JK_USAGE_MIN_SHOWN;
  double left, bottom, plot_w, plot_h, step, slot;
  int text_w, text_h;
  guint label_every;

  pango_layout_set_font_description (layout, style->font);
  cairo_save (cr);
  cairo_set_source_rgb (cr, style->paper[0], style->paper[1], style->paper[2]);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  for (guint i = 0; i < n_bars; i++)
    top = MAX (top, bars[i].count);
  step = nice_step (top);
  top = (gint64) (ceil (top / step) * step);

  /* Room for the scale's figures on the left and the labels below. */
  {
    g_autofree char *widest = g_strdup_printf ("%" G_GINT64_FORMAT, top);

    pango_layout_set_text (layout, widest, -1);
    pango_layout_get_pixel_size (layout, &text_w, &text_h);
  }
  left = text_w + 12;
  bottom = height - text_h - 8;
  plot_w = MAX (width - left - 4, 1);
  plot_h = MAX (bottom - text_h / 2.0 - 2, 1);
  slot = plot_w / MAX (n_bars, 1);

  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= top + 0.5; v += step)
    {
      double y = round (bottom - v / top * plot_h) + 0.5;
      g_autofree char *figure = g_strdup_printf ("%.0f", v);

      cairo_set_source_rgb (cr, style->grid[0], style->grid[1], style->grid[2]);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, left + plot_w, y);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, style->ink[0], style->ink[1], style->ink[2]);
      show_text (cr, layout, figure, left - 6, y, 1);
    }

  for (guint i = 0; i < n_bars; i++)
    {
      double x = left + i * slot + slot * 0.12;
      double w = MAX (slot * 0.76, 1);

      if (bars[i].count > 0)
        {
          double h = bars[i].count / (double) top * plot_h;

          cairo_set_source_rgb (cr, style->bar[0], style->bar[1], style->bar[2]);
          cairo_rectangle (cr, x, bottom - h, w, h);
          cairo_fill (cr);
        }
      else if (bars[i].count < 0)
        {
          /* Fewer than 5: an outline up to 5, never a figure. */
          double h = (JK_USAGE_MIN_SHOWN - 1) / (double) top * plot_h;

          cairo_set_source_rgb (cr, style->withheld[0], style->withheld[1], style->withheld[2]);
          cairo_rectangle (cr, x + 0.5, bottom - h + 0.5, MAX (w - 1, 1), h - 1);
          cairo_stroke (cr);
        }
    }

  /* Labels: as many as fit side by side, evenly spaced. */
  pango_layout_set_text (layout, n_bars == 24 ? "23" : "2026-12-31", -1);
  pango_layout_get_pixel_size (layout, &text_w, NULL);
  label_every = (guint) ceil ((text_w + 12) / MAX (slot, 0.01));
  label_every = MAX (label_every, 1);
  cairo_set_source_rgb (cr, style->ink[0], style->ink[1], style->ink[2]);
  for (guint i = 0; i < n_bars; i += label_every)
    {
      /* A day's label is its month and day: the year is in the title. */
      const char *label = n_bars == 24 || strlen (bars[i].label) < 10 ? bars[i].label : bars[i].label + 5;

      show_text (cr, layout, label, left + (i + 0.5) * slot, bottom + 4 + text_h / 2.0, 0.5);
    }
  cairo_restore (cr);
}
