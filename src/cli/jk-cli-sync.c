/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-sync.c: jobkioskctl sync */

#define G_LOG_DOMAIN "jobkioskctl"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-geo.h>
#include <jobkiosk/jk-sync.h>

#include "jk-cli.h"

/* Exit code when any source was refused or failed (its cache untouched). */
#define EXIT_SOURCE_FAILED 3

static void
print_report (const JkSyncReport *report)
{
  switch (report->outcome)
    {
    case JK_SYNC_OK:
      g_print (_("%s: %u added, %u updated, %u removed, %u unchanged, %u expired (%lld active)\n"),
               report->source, report->counts.added, report->counts.updated, report->counts.removed,
               report->counts.unchanged, report->counts.expired, (long long) report->active);
      break;
    case JK_SYNC_UNCHANGED:
      g_print (_("%s: unchanged since the last update (%lld active)\n"), report->source,
               (long long) report->active);
      break;
    case JK_SYNC_REFUSED:
      g_print (_("%s: refused: %s\n"), report->source, report->message);
      break;
    case JK_SYNC_FAILED:
    default:
      g_print (_("%s: failed: %s\n"), report->source, report->message);
      break;
    }
}

/* A name for a feed given on the command line: --name, or the file's name. */
static char *
name_for_url (const char *url,
              const char *name,
              guint       index,
              guint       count)
{
  g_autofree char *base = NULL;

  if (name != NULL)
    return count > 1 ? g_strdup_printf ("%s-%u", name, index + 1) : g_strdup (name);
  base = g_path_get_basename (url);
  return g_strdup (base[0] != '\0' && !g_str_equal (base, "/") ? base : url);
}

/* A source the configuration names but cannot be updated (no url): a line
 * like a failed feed's. Returns TRUE when there was one. */
static gboolean
report_unusable (const JkConfig *config,
                 GPtrArray      *sources)
{
  gboolean any = FALSE;

  for (guint i = 0; i < config->source_names->len; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (config->source_names->pdata[i]));
      gboolean usable = FALSE;

      for (guint j = 0; j < sources->len && !usable; j++)
        usable = g_str_equal (((const JkSource *) sources->pdata[j])->name, name);
      if (usable)
        continue;
      g_print (_("%s: not updated: its configuration is not usable (jobkioskctl status says why)\n"), name);
      any = TRUE;
    }
  return any;
}

int
jk_cli_sync (JkCli  *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *format_text = NULL;
  g_autofree char *name = NULL;
  g_auto (GStrv) urls = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Feed format: auto, job-xml, jsonld, rss, usajobs"), N_("FORMAT") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Name for the feed given on the command line"), N_("NAME") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &urls, NULL, N_("[URL-or-PATH…]") },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GPtrArray) sources = NULL;
  JkFeedFormat format = JK_FEED_FORMAT_AUTO;
  JkSyncOptions options = { 0 };
  g_autofree JkSyncReport *reports = NULL;
  gboolean synced;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  int status = JK_CLI_EXIT_OK;

  if (!jk_cli_begin ("sync", N_("[URL-or-PATH…]"),
                     _("Update the job listings from every configured feed, or from the feeds given."),
                     entries, NULL, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (format_text != NULL && !jk_feed_format_from_string (format_text, &format))
    return jk_cli_usage (_("jobkioskctl sync: unknown format “%s” (auto, job-xml, jsonld, rss, usajobs)\n"),
                         format_text);
  if (urls == NULL && (format_text != NULL || name != NULL))
    return jk_cli_usage (_("jobkioskctl sync: --format and --name go with a URL or path\n"));

  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;

  if (urls != NULL)
    {
      guint count = g_strv_length (urls);

      sources = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_source_free);
      for (guint i = 0; i < count; i++)
        {
          g_autofree char *source_name = name_for_url (urls[i], name, i, count);
          g_autofree char *url = g_uri_peek_scheme (urls[i]) != NULL ? g_strdup (urls[i])
                                                                     : g_canonicalize_filename (urls[i], NULL);
          g_ptr_array_add (sources, jk_source_new (source_name, url, format));
        }
    }
  else
    {
      sources = jk_sources_from_config (cli->config, NULL);
      if (cli->config->source_names->len == 0 && jk_config_is_complete (cli->config, NULL))
        return jk_cli_usage (_("jobkioskctl sync: no feeds are configured (add a [source NAME] group) and none were given\n"));
      if (!jk_sync_forget_unconfigured (store, cli->config, &error))
        {
          if (error->domain != JK_CONFIG_ERROR)
            return jk_cli_fail (NULL, error);
          /* What could be read is still updated; nothing is removed. */
          g_printerr (_("jobkioskctl sync: %s\nNo feed source and no listing was removed: a part of the "
                        "configuration that was not read may name them.\n"), error->message);
          g_clear_error (&error);
          status = EXIT_SOURCE_FAILED;
        }
    }

  if (!jk_geo_ensure_centroids (store, cli->config->zip_centroids, &error))
    {
      g_printerr (_("jobkioskctl: the ZIP code centroids could not be imported: %s\n"), error->message);
      g_clear_error (&error);
    }
  jk_sync_options_init (&options, cli->config, jk_store_get_path (store));
  /* Feeds download side by side, and all of them within the deadline. */
  options.deadline = g_get_monotonic_time () + (gint64) cli->config->feed_sync_deadline * G_USEC_PER_SEC;
  reports = g_new0 (JkSyncReport, sources->len);
  synced = jk_sync_sources (jk_store_get_path (store), sources, &options, now, reports, NULL, &error);
  for (guint i = 0; i < sources->len; i++)
    {
      if (synced && reports[i].source != NULL)
        {
          print_report (&reports[i]);
          if (reports[i].outcome == JK_SYNC_FAILED || reports[i].outcome == JK_SYNC_REFUSED)
            status = EXIT_SOURCE_FAILED;
        }
      jk_sync_report_clear (&reports[i]);
    }
  jk_sync_options_clear (&options);
  if (!synced)
    return jk_cli_fail (NULL, error);
  if (urls == NULL && report_unusable (cli->config, sources))
    status = EXIT_SOURCE_FAILED;
  return status;
}
