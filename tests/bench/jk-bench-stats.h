/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-bench-stats.h: the order of timings and their percentiles, as the benchmarks print them */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For qsort () and g_array_sort () over doubles: the smaller first. */
int jk_bench_compare_doubles (const void *a,
                              const void *b);

/* Sorts values (doubles) and returns the one at p (0 to 1) of the way
 * along them, the nearest index; p = 0.5 is the median. */
double jk_bench_percentile (GArray *values,
                            double  p);

G_END_DECLS
