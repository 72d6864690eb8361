/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-log.c: where log lines go */

#define G_LOG_DOMAIN "jk-log"

#include "jobkiosk/jk-log.h"

#include <unistd.h>

static gboolean log_verbose;

static GLogWriterOutput
write_log (GLogLevelFlags   level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  if (!log_verbose && (level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO)) != 0)
    return G_LOG_WRITER_HANDLED;
  /* Under systemd, straight to the journal with the structured fields. */
  if (g_log_writer_is_journald (STDERR_FILENO) &&
      g_log_writer_journald (level, fields, n_fields, user_data) == G_LOG_WRITER_HANDLED)
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_standard_streams (level, fields, n_fields, user_data);
}

void
jk_log_init (gboolean verbose)
{
  const char *debug = g_getenv ("G_MESSAGES_DEBUG");

  log_verbose = verbose || (debug != NULL && debug[0] != '\0');
  g_log_set_writer_func (write_log, NULL, NULL);
}
