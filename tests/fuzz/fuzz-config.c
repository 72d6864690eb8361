/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-config.c: libFuzzer target for the configuration: a main file and a conf.d drop-in */

#define G_LOG_DOMAIN "jk-fuzz"

#include <string.h>

#include <jobkiosk/jk-config.h>
#include <jobkiosk/jk-sync.h>

#include "fuzz-files.h"
#include "fuzz-target.h"

/* The input is the main file, then (after the first form feed, if any) a
 * drop-in conf.d/50-fuzz.conf. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const uint8_t *split = memchr (data, '\f', size);
  size_t main_size = split != NULL ? (size_t) (split - data) : size;
  g_autofree char *main_path = NULL;
  g_autofree char *dropins = g_build_filename (fuzz_dir (), "conf.d", NULL);
  g_autoptr (JkConfig) config = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *database = NULL;
  g_autoptr (GPtrArray) sources = NULL;
  g_autoptr (GPtrArray) source_problems = g_ptr_array_new_with_free_func (g_free);

  fuzz_empty_dir (fuzz_dir ());
  main_path = fuzz_write ("jobkiosk.conf", data, main_size);
  if (split != NULL)
    {
      g_autofree char *dropin = g_build_filename ("conf.d", "50-fuzz.conf", NULL);

      g_assert_cmpint (g_mkdir (dropins, 0700), ==, 0);
      g_free (fuzz_write (dropin, split + 1, size - main_size - 1));
    }

  config = jk_config_load (main_path, &error);
  if (config == NULL)
    {
      /* Only an unreadable main file is refused; everything else is a problem. */
      g_assert_error (error, JK_CONFIG_ERROR, JK_CONFIG_ERROR_UNREADABLE);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (config->files->len, >=, 1);
  g_assert_cmpuint (config->files->len, <=, 2);
  for (guint i = 0; i < config->problems->len; i++)
    g_assert_true (g_utf8_validate (config->problems->pdata[i], -1, NULL));

  /* Every value is one the kiosk accepts. */
  g_assert_true (g_str_equal (config->language, "en") || g_str_equal (config->language, "es"));
  g_assert_true (g_utf8_validate (config->center_name, -1, NULL) && config->center_name[0] != '\0');
  g_assert_true (g_utf8_validate (config->kiosk_name, -1, NULL) && config->kiosk_name[0] != '\0');
  g_assert_true (config->print_paper[0] != '\0');
  g_assert_cmpuint (config->idle_timeout, >=, 15);
  g_assert_cmpuint (config->idle_timeout, <=, 3600);
  g_assert_cmpuint (config->idle_warning, >=, 20);
  g_assert_cmpuint (config->idle_warning, <=, 300);
  g_assert_cmpuint (config->feed_min_share, <=, 100);
  g_assert_cmpuint (config->feed_max_mb, >=, 1);
  g_assert_cmpuint (config->feed_attempts, >=, 1);
  g_assert_cmpuint (config->feed_attempts, <=, 10);
  g_assert_cmpuint (config->print_timeout, >=, 5);
  g_assert_true (config->database == NULL || g_path_is_absolute (config->database));
  g_assert_true (config->zip_centroids == NULL || g_path_is_absolute (config->zip_centroids));

  database = jk_config_get_database_path (config);
  g_assert_nonnull (database);

  /* The feed sources, as the sync reads them from the merged files: each
   * extra header is one line for curl. */
  sources = jk_sources_from_config (config, source_problems);
  for (guint i = 0; i < sources->len; i++)
    {
      JkSource *source = sources->pdata[i];

      g_assert_true (source->name != NULL && source->name[0] != '\0');
      g_assert_true (source->url != NULL && source->url[0] != '\0');
      for (guint h = 0; source->headers != NULL && source->headers[h] != NULL; h++)
        g_assert_null (strpbrk (source->headers[h], "\r\n"));
    }
  for (guint i = 0; i < source_problems->len; i++)
    g_assert_true (g_utf8_validate (source_problems->pdata[i], -1, NULL));
  return 0;
}
