/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-lmi-import.c: streaming import of a national OEWS oe.data file keeping one state, beside reading it line by line */

/*
 * Generates an oe.data.0.Current of 6 000 000 rows in the published layout
 * (series ids padded to 30 columns, values right-aligned, a header row;
 * the nation, every state and some 400 metros, 16 datatypes per
 * occupation, "-" values with footnotes) and its oe.area, into a private
 * folder. Then, in the same run:
 *   a. the floor: the same file read line by line with getline(3);
 *   b. `jobkioskctl lmi import FOLDER` as a child keeping Ohio (39), its
 *      metros and the nation: wall time, rows/s and peak resident memory
 *      (ru_maxrss from wait4), and its ratio to the floor.
 * Targets: under 60 s, under 100 MB, at most 2x the floor. A missed target
 * is printed, not failed; the run fails (exit 1) only when something did
 * not work (the child failed, or the database does not hold the rows the
 * file has for Ohio). JK_BENCH_SIZE=tiny uses 60 000 rows.
 */

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <jobkiosk/jk-store.h>
#include "store/jk-store-private.h"
#include "jk-bench-child.h"
#include "jk-test-proc.h"

#define FULL_ROWS 6000000
#define TINY_ROWS 60000
#define TARGET_SECONDS 60.0
#define TARGET_RSS_MB 100.0
#define TARGET_RATIO 2.0
#define STATE "39"
#define N_METROS 400
#define N_SOCS 830

static const char *const states[] = {
  "01", "02", "04", "05", "06", "08", "09", "10", "11", "12", "13", "15", "16", "17", "18", "19", "20", "21",
  "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "36", "37", "38", "39",
  "40", "41", "42", "44", "45", "46", "47", "48", "49", "50", "51", "53", "54", "55", "56", "66", "72", "78",
};
/* OEWS datatypes, 05 (wage standard error) left out as the published file has it only for some. */
static const char *const datatypes[] = {
  "01", "02", "03", "04", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17",
};

static gboolean any_failed;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
report_failure (const char *format,
                ...) G_GNUC_PRINTF (1, 2);

static void
report_failure (const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  printf ("  FAILED: %s\n", message);
  fflush (stdout);
  any_failed = TRUE;
}

static const char *
verdict (gboolean met)
{
  return met ? "met" : "MISSED";
}

static double
seconds_since (gint64 start_us)
{
  return (double) (g_get_monotonic_time () - start_us) / G_USEC_PER_SEC;
}

/* The metro codes: CBSA-like, each in one state; the kiosk's metro (18140) among Ohio's. */
static void
metro_code (guint  i,
            char  *code,
            const char **state)
{
  if (i == 0)
    {
      strcpy (code, "0018140");
      *state = STATE;
      return;
    }
  g_snprintf (code, 8, "00%05u", 10000 + i * 173 % 89000);
  *state = states[i % G_N_ELEMENTS (states)];
}

static void
soc_code (guint  i,
          char  *soc)
{
  guint major = 11 + (i / 40) * 2;

  /* Every tenth a group (ends in 0), as the file has them between detailed ones. */
  if (i % 10 == 0)
    g_snprintf (soc, 7, "%02u%04u", major % 100, 1000 + (i % 40) * 10);
  else
    g_snprintf (soc, 7, "%02u%04u", major % 100, 1000 + (i % 40) * 10 + i % 9 + 1);
}

/* Writes oe.area and oe.data.0.Current; the (area, occupation) pairs
 * the import should keep for Ohio in expected_pairs. */
static gboolean
generate (const char *dir,
          guint       n_rows,
          gint64     *expected_pairs,
          double     *megabytes)
{
  g_autofree char *area_path = g_build_filename (dir, "oe.area", NULL);
  g_autofree char *data_path = g_build_filename (dir, "oe.data.0.Current", NULL);
  g_autoptr (GString) area = g_string_new ("state_code\tarea_code\tareatype_code\tarea_name\n");
  g_autoptr (GError) error = NULL;
  FILE *out;
  static char buffer[4 << 20];
  char line[80];
  guint written = 0;
  gint64 bytes = 0;

  g_string_append (area, "00\t0000000\tN\tNational\n");
  for (gsize s = 0; s < G_N_ELEMENTS (states); s++)
    g_string_append_printf (area, "%s\t%s00000\tS\tState %s\n", states[s], states[s], states[s]);
  for (guint m = 0; m < N_METROS; m++)
    {
      char code[8];
      const char *state;
      metro_code (m, code, &state);
      g_string_append_printf (area, "%s\t%s\tM\tMetro %u, ST\n", state, code, m);
    }
  if (!g_file_set_contents (area_path, area->str, -1, &error))
    {
      report_failure ("cannot write oe.area: %s", error->message);
      return FALSE;
    }

  out = fopen (data_path, "w");
  if (out == NULL)
    {
      report_failure ("cannot write %s: %s", data_path, g_strerror (errno));
      return FALSE;
    }
  setvbuf (out, buffer, _IOFBF, sizeof buffer);
  fputs ("series_id                     \tyear\tperiod\t       value\tfootnote_codes\n", out);
  *expected_pairs = 0;
  for (guint a = 0; written < n_rows && a < 1 + G_N_ELEMENTS (states) + N_METROS; a++)
    {
      char type, code[8];
      const char *state = NULL;
      gboolean kept;

      if (a == 0)
        {
          type = 'N';
          strcpy (code, "0000000");
        }
      else if (a <= G_N_ELEMENTS (states))
        {
          type = 'S';
          state = states[a - 1];
          g_snprintf (code, sizeof code, "%s00000", state);
        }
      else
        {
          type = 'M';
          metro_code (a - 1 - G_N_ELEMENTS (states), code, &state);
        }
      kept = type == 'N' || g_str_equal (state, STATE);
      for (guint o = 0; written < n_rows && o < N_SOCS; o++)
        {
          char soc[7];
          gboolean pair_counted = FALSE;

          soc_code (o, soc);
          for (gsize d = 0; written < n_rows && d < G_N_ELEMENTS (datatypes); d++)
            {
              const char *dt = datatypes[d];
              gboolean top = (o % 50 == 7) && (g_str_equal (dt, "10") || g_str_equal (dt, "15"));
              char value[16];
              int len;

              if (top)
                strcpy (value, "-");
              else if (g_str_equal (dt, "01"))
                g_snprintf (value, sizeof value, "%u", 1000 + (o * 37 + a * 11) % 90000);
              else if (dt[0] == '1' && dt[1] >= '1' && dt[1] <= '5')
                g_snprintf (value, sizeof value, "%u", 25000 + (guint) ((o * 131 + a * 7 + d * 3000) % 90000));
              else
                g_snprintf (value, sizeof value, "%u.%02u", (guint) (10 + (o + a + d) % 60), (guint) ((o * 7 + d) % 100));
              len = g_snprintf (line, sizeof line, "OEU%c%s000000%s%s     \t2024\tA01\t%12s\t%s\n", type, code, soc, dt,
                                value, top ? "5" : "");
              fwrite (line, 1, (size_t) len, out);
              bytes += len;
              written++;
              if (kept && soc[5] != '0' && !g_str_equal (dt, "02") && !pair_counted)
                {
                  (*expected_pairs)++;
                  pair_counted = TRUE;
                }
            }
        }
    }
  if (fclose (out) != 0)
    {
      report_failure ("cannot write %s: %s", data_path, g_strerror (errno));
      return FALSE;
    }
  *megabytes = bytes / (1024.0 * 1024.0);
  return TRUE;
}

/* a. The floor: the file read line by line and nothing else. */
static double
read_lines (const char *path,
            guint64    *lines)
{
  FILE *in = fopen (path, "r");
  char *line = NULL;
  size_t size = 0;
  gint64 start = g_get_monotonic_time ();
  guint64 sum = 0;
  ssize_t got;

  *lines = 0;
  if (in == NULL)
    {
      report_failure ("cannot read %s: %s", path, g_strerror (errno));
      return 0;
    }
  while ((got = getline (&line, &size, in)) >= 0)
    {
      (*lines)++;
      sum += (guint64) got;
    }
  fclose (in);
  free (line);
  /* The sum keeps the loop from being optimized to nothing. */
  g_assert_cmpuint (sum, >, 0);
  return seconds_since (start);
}

static gboolean
run_child (const char *const *argv,
           const char        *log_path,
           JkBenchChild      *run)
{
  g_autofree char *failure = NULL;

  if (jk_bench_run_child (argv, log_path, run, &failure))
    return TRUE;
  report_failure ("%s", failure);
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  gboolean tiny = g_strcmp0 (g_getenv ("JK_BENCH_SIZE"), "tiny") == 0;
  guint n_rows = tiny ? TINY_ROWS : FULL_ROWS;
  const char *ctl = g_getenv ("JK_JOBKIOSKCTL");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jk-bench-lmi-XXXXXX", &error);
  g_autofree char *data_dir = NULL;
  g_autofree char *data_path = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *log_path = NULL;
  g_autofree char *log = NULL;
  gint64 expected_pairs = 0, start;
  double megabytes = 0, floor_s, floor_again_s;
  guint64 lines = 0;
  JkBenchChild run;

  if (dir == NULL || ctl == NULL)
    {
      printf ("bench-lmi-import: %s\n", dir == NULL ? error->message : "JK_JOBKIOSKCTL is not set");
      return 1;
    }
  data_dir = g_build_filename (dir, "oews", NULL);
  g_mkdir (data_dir, 0700);
  data_path = g_build_filename (data_dir, "oe.data.0.Current", NULL);
  db_path = g_build_filename (dir, "kiosk.db", NULL);
  log_path = g_build_filename (dir, "import.log", NULL);
  printf ("bench-lmi-import: %s size, %u rows, %d processors\n", tiny ? "tiny" : "full", n_rows,
          g_get_num_processors ());

  start = g_get_monotonic_time ();
  if (!generate (data_dir, n_rows, &expected_pairs, &megabytes))
    goto out;
  printf ("  generated oe.data.0.Current: %u rows, %.0f MB, in %.1f s; %" G_GINT64_FORMAT " (area, occupation)"
          " pairs of Ohio, its metros and the nation\n",
          n_rows, megabytes, seconds_since (start), expected_pairs);
  fflush (stdout);

  /* a. The floor (after a first pass, so both measure a file in the page cache). */
  read_lines (data_path, &lines);
  floor_s = read_lines (data_path, &lines);
  printf ("\n== a. Floor: getline(3) over the same file ==\n  %" G_GUINT64_FORMAT " lines in %.2f s (%.0f lines/s)\n",
          lines, floor_s, lines / floor_s);

  /* b. The import, a child as an administrator runs it. */
  printf ("\n== b. jobkioskctl lmi import (keeping state %s, its metros and the nation) ==\n", STATE);
  {
    const char *child[] = { ctl, "--db", db_path, "lmi", "import", data_dir, NULL };
    if (run_child (child, log_path, &run))
      {
        g_autoptr (JkStore) store = jk_store_open (db_path, &error);
        g_autoptr (sqlite3_stmt) stmt = NULL;
        gint64 pairs = -1;

        if (store != NULL)
          stmt = jk_store_prepare (store, "SELECT count(*) FROM lmi_wages", &error);
        if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
          pairs = sqlite3_column_int64 (stmt, 0);
        if (pairs != expected_pairs)
          report_failure ("the database holds %" G_GINT64_FORMAT " wage rows, not %" G_GINT64_FORMAT, pairs,
                          expected_pairs);
        g_file_get_contents (log_path, &log, NULL, NULL);
        printf ("%s", log != NULL ? log : "");
        printf ("  %.2f s  %.0f rows/s  peak RSS %.1f MB\n", run.wall_s, n_rows / run.wall_s, run.maxrss_kb / 1024.0);
        floor_again_s = read_lines (data_path, &lines);
        floor_s = MIN (floor_s, floor_again_s);
        printf ("\n== Targets ==\n");
        printf ("  wall time     %6.2f s   target < %.0f s   %s\n", run.wall_s, TARGET_SECONDS,
                verdict (run.wall_s < TARGET_SECONDS));
        printf ("  peak memory   %6.1f MB  target < %.0f MB  %s\n", run.maxrss_kb / 1024.0, TARGET_RSS_MB,
                verdict (run.maxrss_kb / 1024.0 < TARGET_RSS_MB));
        printf ("  to the floor  %6.2fx    target <= %.0fx    %s  (floor %.2f s, the better of two reads)\n",
                run.wall_s / floor_s, TARGET_RATIO, verdict (run.wall_s / floor_s <= TARGET_RATIO), floor_s);
      }
  }

out:
  printf ("\nbench-lmi-import: %s\n", any_failed ? "SOMETHING DID NOT WORK (see FAILED above)" : "every step worked");
  jk_test_remove_tree (dir);
  return any_failed ? 1 : 0;
}
