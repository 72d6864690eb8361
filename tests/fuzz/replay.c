/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replay.c: feeds every file of the given folders (seed corpora) to a fuzz target, for builds without libFuzzer */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

#include "fuzz-target.h"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* Every regular file under path (or path itself), sorted, into files. */
static gboolean
collect_inputs (const char *path,
                GPtrArray  *files)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return TRUE;
    }
  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      fprintf (stderr, "replay: %s\n", error->message);
      return FALSE;
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    if (!collect_inputs (g_ptr_array_index (names, i), files))
      return FALSE;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Main                                                                   */

int
main (int    argc,
      char **argv)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--"))
        continue; /* --tap and the like: the output is TAP anyway */
      if (!collect_inputs (argv[i], files))
        return 1;
    }
  if (files->len == 0)
    {
      fprintf (stderr, "replay: no inputs (usage: %s DIR-or-FILE…)\n", argv[0]);
      return 1;
    }

  printf ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr (GError) error = NULL;
      g_autofree char *data = NULL;
      gsize length = 0;

      fflush (stdout);
      if (!g_file_get_contents (path, &data, &length, &error))
        {
          printf ("not ok %u - %s: %s\n", i + 1, path, error->message);
          return 1;
        }
      LLVMFuzzerTestOneInput ((const uint8_t *) data, length);
      printf ("ok %u - %s\n", i + 1, path);
    }
  return 0;
}
