/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-usage-report.c: the day's usage summary, sealed into the outbox for the state and written as CSV to a folder */

#define G_LOG_DOMAIN "jk-usage-report"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-mail.h>
#include <jobkiosk/jk-usage.h>

#include "mail/jk-outbox-private.h"
#include "store/jk-store-private.h"
#include "usage/jk-usage-report-private.h"

#define POST_TIMEOUT 20

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static gboolean
write_csv (const char *dir,
           const char *day,
           GPtrArray  *rows,
           GError    **error)
{
  g_autofree char *name = g_strdup_printf ("usage-%s.csv", day);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *csv = jk_usage_to_csv (rows);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      /* TRANSLATORS: %s is a folder, the second %s why it cannot be made */
      g_set_error (error, JK_USAGE_ERROR, JK_USAGE_ERROR_FAILED, _("Cannot make the folder %s: %s"), dir,
                   g_strerror (saved));
      return FALSE;
    }
  /* g_file_set_contents writes a temporary file and renames it over the
   * old one: a center's collector never reads half a file. */
  return g_file_set_contents_full (path, csv, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

/* Seals the day's summary into the outbox once: a day already queued (its
 * meta row) is not queued again, so a re-run never sends it twice. */
static gboolean
queue_report (const JkConfig *config,
              const char     *database_path,
              const char     *day,
              GPtrArray      *rows,
              gint64          now,
              GError        **error)
{
  g_autoptr (JkStore) store = jk_store_open_writer (database_path, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *meta_key = g_strconcat ("usage-report:", day, NULL);
  g_autofree char *key = g_strdup_printf ("usage:%s:%s", config->kiosk_name != NULL ? config->kiosk_name : "", day);
  g_autofree char *queued = g_strdup_printf ("%" G_GINT64_FORMAT, now);
  g_autoptr (GBytes) payload = NULL;

  /* The key is sent as a header: no control character from the name. */
  for (char *p = key; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f)
        *p = '_';
    }
  if (store == NULL || !jk_store_exec (store, "PRAGMA secure_delete = ON", error) || !jk_store_begin (store, error))
    return FALSE;
  stmt = jk_store_prepare (store, "SELECT 1 FROM meta WHERE key = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, meta_key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_debug ("The usage summary of %s was queued already", day);
      jk_store_rollback (store);
      return TRUE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  payload = jk_usage_report_to_json (config, day, rows);
  if (jk_outbox_add_sealed (store, config, database_path, JK_USAGE_REPORT_KIND, key, payload, now, error) <= 0)
    goto failed;
  stmt = jk_store_prepare (store, "INSERT INTO meta (key, value) VALUES (?, ?)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, meta_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, queued, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "noting the usage summary");
      goto failed;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!jk_store_commit (store, error))
    goto failed;
  return TRUE;

failed:
  jk_store_rollback (store);
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

GBytes *
jk_usage_report_to_json (const JkConfig *config,
                         const char     *day,
                         GPtrArray      *rows)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GPtrArray) totals = jk_usage_day_totals (rows);
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kiosk");
  json_builder_add_string_value (builder, config->kiosk_name);
  json_builder_set_member_name (builder, "center");
  json_builder_add_string_value (builder, config->center_name);
  json_builder_set_member_name (builder, "day");
  json_builder_add_string_value (builder, day);
  json_builder_set_member_name (builder, "min_shown");
  json_builder_add_int_value (builder, JK_USAGE_MIN_SHOWN);
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      const JkUsageRow *row = rows->pdata[i];

      if (strcmp (row->day, day) != 0 || !jk_usage_row_shown (row))
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "hour");
      json_builder_add_int_value (builder, row->hour);
      json_builder_set_member_name (builder, "counter");
      json_builder_add_string_value (builder, row->what);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, row->count);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  /* The day's exact totals, but none that would tell a small hour. */
  json_builder_set_member_name (builder, "totals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < totals->len; i++)
    {
      const JkUsageTotal *total = totals->pdata[i];

      if (strcmp (total->day, day) != 0 || total->withheld)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "counter");
      json_builder_add_string_value (builder, total->what);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, total->count);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  return g_bytes_new_take (text, strlen (text));
}

guint
jk_usage_report_timeout (const JkConfig *config)
{
  return POST_TIMEOUT;
}

gboolean
jk_usage_report_deliver (const JkConfig *config,
                         const char     *idempotency_key,
                         const guint8   *payload,
                         gsize           size,
                         GError        **error)
{
  JkOutboxPost post = {
    config->usage_endpoint, config->usage_token_file, POST_TIMEOUT,
    /* TRANSLATORS: who receives it, inside a sentence */
    _("the usage report endpoint"),
    _("the usage report token"),
  };

  if (config->usage_endpoint == NULL || config->usage_endpoint[0] == '\0')
    {
      g_set_error_literal (error, JK_MAIL_ERROR, JK_MAIL_ERROR_NOT_CONFIGURED,
                           _("No usage report endpoint is set in [usage]."));
      return FALSE;
    }
  return jk_outbox_post_json (&post, idempotency_key, (const char *) payload, size, error);
}

gboolean
jk_usage_report_day (const JkConfig *config,
                     const char     *database_path,
                     const char     *day,
                     gint64          now,
                     GError        **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  gboolean to_endpoint = config->usage_endpoint != NULL && config->usage_endpoint[0] != '\0';
  gboolean to_dir = config->usage_report_dir != NULL && config->usage_report_dir[0] != '\0';

  rows = jk_usage_query (database_path, day, day, error);
  if (rows == NULL)
    return FALSE;
  if ((to_dir && !write_csv (config->usage_report_dir, day, rows, error))
      || (to_endpoint && !queue_report (config, database_path, day, rows, now, error)))
    {
      if (error != NULL && *error != NULL && (*error)->domain != JK_USAGE_ERROR)
        {
          (*error)->domain = JK_USAGE_ERROR;
          (*error)->code = JK_USAGE_ERROR_FAILED;
        }
      return FALSE;
    }
  return TRUE;
}
