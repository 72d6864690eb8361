/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-files.h: a private folder for targets whose input is a file, removed at exit */
#pragma once

#include <stdint.h>
#include <stdlib.h>

#include <glib.h>
#include <glib/gstdio.h>

static char *fuzz_dir_path;

/* Everything in path (files and folders), but not path itself. */
static inline void
fuzz_empty_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        {
          fuzz_empty_dir (child);
          g_rmdir (child);
        }
      else
        g_unlink (child);
    }
}

static void
fuzz_remove_dir (void)
{
  fuzz_empty_dir (fuzz_dir_path);
  g_rmdir (fuzz_dir_path);
}

/* Warnings are the expected path for bad input: not printed, so that the
 * fuzzer's own lines stay readable. Criticals still abort (G_DEBUG). */
static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* The target's folder, made on the first call. */
static inline const char *
fuzz_dir (void)
{
  if (fuzz_dir_path == NULL)
    {
      g_autoptr (GError) error = NULL;

      g_log_set_writer_func (fuzz_log_writer, NULL, NULL);

      fuzz_dir_path = g_dir_make_tmp ("jk-fuzz-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (fuzz_remove_dir);
    }
  return fuzz_dir_path;
}

/* Writes data to name in the target's folder; returns the path. */
static inline char *
fuzz_write (const char    *name,
            const uint8_t *data,
            size_t         size)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (fuzz_dir (), name, NULL);

  g_file_set_contents (path, (const char *) data, (gssize) size, &error);
  g_assert_no_error (error);
  return path;
}
