/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-bench-child.h: a program the benchmarks run and measure (wall, CPU and peak memory) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  int wait_status;
  double wall_s;
  double user_s;
  double sys_s;
  long maxrss_kb;
} JkBenchChild;

/* Runs argv[0] (a full path) with stdout and stderr to log_path, and waits
 * for it with wait4() to read its times and peak resident memory. FALSE,
 * with *failure saying why (its log when it did not exit 0), when it could
 * not start or failed. */
gboolean jk_bench_run_child (const char *const *argv,
                             const char        *log_path,
                             JkBenchChild      *run,
                             char             **failure);

G_END_DECLS
