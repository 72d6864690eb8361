/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-usage-chart.h: one counter's usage as bars (by hour for a day, by day for longer), for the screen and print */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* One bar: an hour ("14") or a day ("2026-11-22"). count is what may be
 * shown: -1 when it is withheld (an hour from 1 to 4, or a day total
 * that would tell one), shown as "fewer than 5". */
typedef struct {
  char label[11];
  gint64 count;
} JkUsageBar;

typedef struct {
  double ink[3];
  double bar[3];
  double withheld[3];
  double grid[3];
  double paper[3];
  PangoFontDescription *font;
} JkUsageChartStyle;

/* The bars of counter `what` in rows (jk_usage_query's, from first_day to
 * last_day): 24 hours when first_day is last_day, else one a day, every
 * day of the range (none counted: 0). */
GArray      *jk_usage_bars           (GPtrArray               *rows,
                                      const char              *what,
                                      const char              *first_day,
                                      const char              *last_day);   /* JkUsageBar */
/* The same, one a day, from day totals (jk_usage_query_totals's
 * JkUsageTotal): a long range without reading its every hour. */
GArray      *jk_usage_bars_from_totals (GPtrArray             *totals,
                                        const char            *what,
                                        const char            *first_day,
                                        const char            *last_day);   /* JkUsageBar */
/* Draws the bars filling width x height: a scale, a bar each, and under
 * them as many labels as fit. Withheld bars are a short outlined bar. */
void         jk_usage_chart_draw     (cairo_t                 *cr,
                                      PangoContext            *pango,
                                      double                   width,
                                      double                   height,
                                      const JkUsageBar        *bars,
                                      guint                    n_bars,
                                      const JkUsageChartStyle *style);

G_END_DECLS
