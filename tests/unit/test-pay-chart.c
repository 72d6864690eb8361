/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-pay-chart.c: the pay chart drawn as a person must read it: each
 * area's bar where its figures say, the median marked, a top-coded range
 * running to the edge, and an area without figures saying so */

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-pay-chart.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "jk-test.h"

#define WIDTH 1000
#define HEIGHT 420

static const JkPayChartStyle *
style (void)
{
  static JkPayChartStyle style = {
    .ink = { 0.05, 0.10, 0.25 },
    .mark = { 0.70, 0.28, 0.06 },
    .range = { 0.72, 0.80, 0.93 },
    .middle = { 0.30, 0.45, 0.75 },
    .grid = { 0.85, 0.85, 0.85 },
    .paper = { 1, 1, 1 },
  };

  if (style.font == NULL)
    {
      style.font = pango_font_description_from_string ("Cantarell 14px");
      style.bold = pango_font_description_from_string ("Cantarell Bold 16px");
    }
  return &style;
}

/* The colour at x, y as 0-255 RGB. */
static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          guint8           rgb[3])
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  const guint32 *row = (const guint32 *) (data + y * cairo_image_surface_get_stride (surface));
  guint32 argb = row[x];

  rgb[0] = (argb >> 16) & 0xff;
  rgb[1] = (argb >> 8) & 0xff;
  rgb[2] = argb & 0xff;
}

static gboolean
is_colour (const guint8  rgb[3],
           const double *wanted)
{
  for (int c = 0; c < 3; c++)
    if (fabs (rgb[c] - wanted[c] * 255) > 3)
      return FALSE;
  return TRUE;
}

/* How many pixels of row y, in x0..x1, have the colour. */
static int
count_colour (cairo_surface_t *surface,
              int              y,
              int              x0,
              int              x1,
              const double    *wanted)
{
  int n = 0;

  for (int x = x0; x < x1; x++)
    {
      guint8 rgb[3];

      pixel_at (surface, x, y, rgb);
      n += is_colour (rgb, wanted);
    }
  return n;
}

static cairo_surface_t *
draw (const JkPayChartRow *rows,
      guint                n_rows,
      gboolean             hourly,
      const char          *name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PangoContext *pango = pango_cairo_create_context (cr);
  const char *dir = g_getenv ("JK_SCREENSHOT_DIR");

  jk_pay_chart_draw (cr, pango, WIDTH, HEIGHT, rows, n_rows, hourly, style ());
  cairo_surface_flush (surface);
  if (dir != NULL)
    {
      g_autofree char *file = g_strdup_printf ("%s.png", name);
      g_autofree char *path = g_build_filename (dir, file, NULL);

      g_mkdir_with_parents (dir, 0755);
      cairo_surface_write_to_png (surface, path);
    }
  g_object_unref (pango);
  cairo_destroy (cr);
  return surface;
}

/* The row's middle line: where its bar is. */
static int
bar_y (cairo_surface_t *surface,
       guint            row,
       guint            n_rows)
{
  double row_height = (HEIGHT - 36.0) / n_rows;

  /* The bar is in the row's lower half; find the line with most range. */
  int best = -1, best_count = 0;

  for (int y = (int) (row * row_height); y < (int) ((row + 1) * row_height); y++)
    {
      int n = count_colour (surface, y, 0, WIDTH, style ()->range) + count_colour (surface, y, 0, WIDTH, style ()->middle);

      if (n > best_count)
        {
          best = y;
          best_count = n;
        }
    }
  return best;
}

static void
test_format (void)
{
  g_autofree char *hour = jk_pay_chart_format (18.4, TRUE, FALSE);
  g_autofree char *year = jk_pay_chart_format (38270, FALSE, FALSE);
  g_autofree char *top = jk_pay_chart_format (239200, FALSE, TRUE);
  g_autofree char *top_hour = jk_pay_chart_format (115, TRUE, TRUE);

  g_assert_cmpstr (hour, ==, "$18.40");
  g_assert_cmpstr (year, ==, "$38,270");
  g_assert_cmpstr (top, ==, "$239,200 or more");
  g_assert_cmpstr (top_hour, ==, "$115.00 or more");
}

/* Three areas on one scale: the bars are ordered as their figures, the
 * median mark sits inside the middle half, a missing area has no bar. */
static void
test_areas_on_one_scale (void)
{
  const JkPayChartRow rows[] = {
    { "Columbus, OH", 14.1, 15.8, 18.4, 21.9, 24.8, FALSE, FALSE },
    { "Ohio", 13.2, 15.0, 17.6, 20.5, 23.9, FALSE, FALSE },
    { "United States", 12.5, 14.6, 17.2, 20.1, 25.6, FALSE, FALSE },
  };
  cairo_surface_t *surface = draw (rows, G_N_ELEMENTS (rows), TRUE, "pay-chart-hourly");
  int first_range[3], last_range[3];

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      int y = bar_y (surface, i, G_N_ELEMENTS (rows));
      guint8 rgb[3];

      g_assert_cmpint (y, >=, 0);
      first_range[i] = -1;
      last_range[i] = -1;
      for (int x = 0; x < WIDTH; x++)
        {
          pixel_at (surface, x, y, rgb);
          if (is_colour (rgb, style ()->range) || is_colour (rgb, style ()->middle) || is_colour (rgb, style ()->mark))
            {
              if (first_range[i] < 0 && x > 200)
                first_range[i] = x;
              last_range[i] = x;
            }
        }
      /* The median's mark is drawn inside the bar. */
      g_assert_cmpint (count_colour (surface, y, first_range[i], last_range[i], style ()->mark), >=, 3);
      g_assert_cmpint (count_colour (surface, y, first_range[i], last_range[i], style ()->middle), >, 10);
    }
  /* The median where the scale puts it: from $0 to $30 across the chart,
   * which starts after the names (28%) and a 16 px gap, and ends 16 px
   * before the edge. */
  {
    int y = bar_y (surface, 0, G_N_ELEMENTS (rows));
    double x0 = WIDTH * 0.28 + 16, expected = x0 + 18.4 / 30 * (WIDTH - x0 - 16);
    double sum = 0;
    int n = 0;

    for (int x = 0; x < WIDTH; x++)
      {
        guint8 rgb[3];

        pixel_at (surface, x, y, rgb);
        if (is_colour (rgb, style ()->mark))
          {
            sum += x;
            n++;
          }
      }
    g_assert_cmpint (n, >, 0);
    g_assert_cmpfloat (fabs (sum / n - expected), <, 3);
  }
  /* The nation's p90 is the highest: its bar ends furthest right; the
   * state's p10 the... second lowest: the nation starts leftmost. */
  g_assert_cmpint (last_range[2], >, last_range[0]);
  g_assert_cmpint (last_range[0], >, last_range[1]);
  g_assert_cmpint (first_range[2], <, first_range[1]);
  g_assert_cmpint (first_range[1], <, first_range[0]);
  cairo_surface_destroy (surface);
}

/* A top-coded p90 runs to the chart's edge; an area without figures has
 * no bar at all. */
static void
test_honest_markers (void)
{
  const JkPayChartRow rows[] = {
    { "Columbus, OH", NAN, NAN, NAN, NAN, NAN, FALSE, FALSE },
    { "Ohio", 98000, 130000, 180000, 220000, 239200, TRUE, FALSE },
    { "United States", 90000, 120000, 170000, 215000, 239200, TRUE, FALSE },
  };
  cairo_surface_t *surface = draw (rows, G_N_ELEMENTS (rows), FALSE, "pay-chart-top-coded");
  double row_height = (HEIGHT - 36.0) / 3;
  int missing = 0;

  for (int y = 0; y < (int) row_height; y++)
    missing += count_colour (surface, y, 0, WIDTH, style ()->range);
  g_assert_cmpint (missing, ==, 0);
  {
    int y = bar_y (surface, 1, 3);
    guint8 rgb[3];

    /* 16 px of margin on the right: the bar reaches it. */
    pixel_at (surface, WIDTH - 17, y, rgb);
    g_assert_true (is_colour (rgb, style ()->range) || is_colour (rgb, style ()->middle));
  }
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  jk_i18n_init ();

  g_test_add_func ("/pay-chart/format", test_format);
  g_test_add_func ("/pay-chart/areas-on-one-scale", test_areas_on_one_scale);
  g_test_add_func ("/pay-chart/honest-markers", test_honest_markers);
  return g_test_run ();
}
