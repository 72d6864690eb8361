/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-cups.h: a real private cupsd on 127.0.0.1 with a PDF-to-folder queue, for integration tests */
#pragma once

#include <glib.h>
#include <sys/types.h>

G_BEGIN_DECLS

typedef struct _JkTestCups JkTestCups;

/* Starts Debian's cupsd on 127.0.0.1 on a free port with a private
 * configuration, spool and ServerBin, and creates an enabled, accepting queue
 * (Generic PDF model, printer-error-policy=abort-job) whose backend writes
 * each job's PDF into the output dir. Never reads or changes /etc/cups.
 * g_error if it cannot start within 10 s. Call from the main thread (or one
 * that outlives the server): cupsd gets SIGTERM when the starting thread dies. */
JkTestCups *jk_test_cups_start (void);
/* SIGTERM to the cupsd we started only, waitpid (5 s, then SIGKILL), ends
 * any filter/backend of its jobs still running, removes the private dir.
 * Safe to call twice; also runs at exit for servers not stopped. */
void        jk_test_cups_stop (JkTestCups *self);
/* "127.0.0.1:PORT", for CUPS_SERVER / cupsSetServer(). Valid after stop
 * (for "cupsd not running" tests). */
const char *jk_test_cups_get_server (JkTestCups *self);
/* The loopback port of get_server(). */
guint16     jk_test_cups_get_port (JkTestCups *self);
/* The queue's name, "kiosk-pdf". */
const char *jk_test_cups_get_printer (JkTestCups *self);
/* Folder where each completed job lands as job-<id>.pdf. */
const char *jk_test_cups_get_output_dir (JkTestCups *self);
/* The pid of the cupsd we started (0 once stopped). */
GPid        jk_test_cups_get_pid (JkTestCups *self);
/* Waits until n PDFs are in the output dir (timeout ms); returns the paths
 * of all of them (n or more), sorted by job id, or NULL on timeout. */
GPtrArray  *jk_test_cups_wait_for_output (JkTestCups *self, guint n, guint timeout_ms);
/* Runs a CUPS command against this server (lpadmin, cupsdisable -r TEXT,
 * cupsenable, cupsreject, cupsaccept, lp, lpstat, cancel, ...; argv[0] is
 * looked up in PATH) with CUPS_SERVER set to it; g_error (with the command's
 * stderr and cupsd's error log) if it fails; returns its stdout. */
char       *jk_test_cups_run (JkTestCups *self, const char *const *argv);
/* Makes the server's queue its default printer (lpadmin -d), as a kiosk
 * configured without a printer name uses. */
void        jk_test_cups_make_default (JkTestCups *self);
/* Starts the server, makes its queue the default and names the server in
 * CUPS_SERVER for this process: the kiosk under test prints there. */
JkTestCups *jk_test_cups_start_default (void);

/* Makes the printer's next jobs fail the way a real printer does, through
 * the backend (read at the start of each job; stays until changed). */
typedef enum {
  JK_TEST_CUPS_OK,              /* print normally */
  JK_TEST_CUPS_OUT_OF_PAPER,    /* STATE: +media-empty-error, exit 4: queue stops (state 5), job pending (3) */
  JK_TEST_CUPS_FAIL_JOB,        /* exit 1: with the queue's abort-job policy the job ends aborted (8) */
  JK_TEST_CUPS_CANCEL_JOB,      /* exit 5: the job ends canceled (7) */
  JK_TEST_CUPS_HANG_OFFLINE,    /* STATE: +offline-report, then hangs: job processing (5) until canceled */
} JkTestCupsFault;
void        jk_test_cups_set_fault (JkTestCups *self, JkTestCupsFault fault);

/* Pids (a GArray of pid_t) of the filters and backend of this server's
 * jobs running now (found by their DEVICE_URI), e.g. a hanging backend:
 * for checking that nothing is left after a cancel or stop(). */
GArray     *jk_test_cups_list_job_processes (JkTestCups *self);

G_END_DECLS
