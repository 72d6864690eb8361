/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-bench-feedgen.h: a fast, deterministic synthetic job-xml feed and query set for benchmarks */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What one generated feed holds. */
typedef struct {
  guint jobs;        /* <job> elements written */
  guint changed;     /* edited (pay or description) against the first-day snapshot */
  guint added;       /* new against the first-day snapshot */
  guint removed;     /* in the first-day snapshot, absent here */
  guint expired;     /* closing date already past at now */
  guint html_heavy;  /* descriptions with nested lists, tables, spans, entities, a script */
  guint64 bytes;     /* size of the file */
} JkBenchFeedStats;

/* Writes a job-xml feed of n_jobs postings to path, the same for the same
 * (n_jobs, seed, changed_share, now). Descriptions are 1–3 KB of words drawn
 * from a few thousand (Zipf-like: a few very common, most rare), 10% of
 * them HTML-heavy; titles from ~300 job titles with modifiers, ~2 000
 * employers, ~200 Ohio city/ZIP pairs, salary texts in many forms, dates in
 * RFC 822, ISO 8601 and US forms, about 3% already expired at now (Unix
 * seconds; 0 for the current time).
 *
 * changed_share 0 gives the first-day snapshot. changed_share > 0 gives the
 * next day's: the same postings, that share of them edited (pay or
 * description), and half that share removed and as many new ones added
 * (so the number of postings stays n_jobs). */
gboolean   jk_bench_feedgen_write   (const char       *path,
                                     guint             n_jobs,
                                     guint             seed,
                                     double            changed_share,
                                     gint64            now,
                                     JkBenchFeedStats *stats,
                                     GError          **error);

/* n_queries visitor queries of one to three words from the same words,
 * titles, employers and cities (common and rare words, whole titles,
 * employer words, places, a few half-typed prefixes and a few that match
 * nothing). An array of strings. */
GPtrArray *jk_bench_feedgen_queries (guint             n_queries,
                                     guint             seed);

G_END_DECLS
