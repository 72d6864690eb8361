/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-bench-cache.h: a big cache of postings written straight into the
 * database, for the benchmarks that measure the window over it */
#pragma once

#include <jobkiosk/jk-store.h>

G_BEGIN_DECLS

/* Adds source "bench" with n_jobs postings (common entry-level titles,
 * hourly pay, 50 Ohio cities, 60-word descriptions, posted in the 30 days
 * before now), the same ones for the same n_jobs. */
void jk_bench_fill_cache (JkStore *store,
                          guint    n_jobs,
                          gint64   now);

G_END_DECLS
