/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <jobkiosk/jk-pay-chart.h>

G_BEGIN_DECLS

/* The pay chart on screen (jk_pay_chart_draw), in the window's look (High
 * contrast and Larger text), and in words for a screen reader and the
 * kiosk's own voice: its accessible name says each area's median and
 * range. */
#define JK_TYPE_PAY_CHART_VIEW (jk_pay_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (JkPayChartView, jk_pay_chart_view, JK, PAY_CHART_VIEW, GtkDrawingArea)

GtkWidget   *jk_pay_chart_view_new        (void);
/* Copies rows (and their area names). */
void         jk_pay_chart_view_set_rows   (JkPayChartView      *self,
                                           const JkPayChartRow *rows,
                                           guint                n_rows);
void         jk_pay_chart_view_set_hourly (JkPayChartView      *self,
                                           gboolean             hourly);
gboolean     jk_pay_chart_view_get_hourly (JkPayChartView      *self);
/* What the chart shows, in words, in the current language. */
char        *jk_pay_chart_view_describe   (JkPayChartView      *self);

G_END_DECLS
