/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* A pay chart as a person reads it at a glance: for each area (the metro,
 * the state, the nation) the range most workers earn, p10 to p90, as a bar,
 * the middle half (p25 to p75) darker, and the median marked and written
 * out; all areas on one scale, so "here" and "the nation" compare by eye.
 * One drawing for the window and the printed career sheet. */

typedef struct {
  const char *area;      /* "Columbus, OH" */
  double p10, p25, median, p75, p90; /* dollars; NAN when not published */
  gboolean p90_top_coded; /* p90 is the survey's top code (p90 holds it: $239,200 a year): "or more" */
  gboolean median_top_coded;
} JkPayChartRow;

typedef struct {
  double ink[3];         /* text */
  double mark[3];        /* the median's mark, drawn with a paper-coloured edge */
  double range[3];       /* the p10-p90 bar */
  double middle[3];      /* the p25-p75 part */
  double grid[3];        /* the scale's lines */
  double paper[3];       /* behind it all */
  PangoFontDescription *font;     /* labels */
  PangoFontDescription *bold;     /* the median figures */
} JkPayChartStyle;

/* hourly: the figures are per hour ("$18.40"), else per year ("$38,270").
 * Rows without any figure say "Not published for this area". Its words
 * are in the current (or the thread's) language. */
void         jk_pay_chart_draw      (cairo_t                *cr,
                                     PangoContext           *pango,
                                     double                  width,
                                     double                  height,
                                     const JkPayChartRow    *rows,
                                     guint                   n_rows,
                                     gboolean                hourly,
                                     const JkPayChartStyle  *style);
/* "$18.40", "$38,270", "$239,200 or more". */
char        *jk_pay_chart_format    (double                  amount,
                                     gboolean                hourly,
                                     gboolean                or_more);

G_END_DECLS
