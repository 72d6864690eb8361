/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-bench-stats.c: the order of timings and their percentiles, as the benchmarks print them */

#include <math.h>

#include "jk-bench-stats.h"

int
jk_bench_compare_doubles (const void *a,
                          const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
jk_bench_percentile (GArray *values,
                     double  p)
{
  g_array_sort (values, jk_bench_compare_doubles);
  return g_array_index (values, double, (guint) MIN (values->len - 1, floor (p * (values->len - 1) + 0.5)));
}
