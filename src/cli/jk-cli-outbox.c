/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-outbox.c: jobkioskctl outbox (what waits: mail for the relay, arrivals for staff), status, send and flush */

#define G_LOG_DOMAIN "jobkioskctl"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-mail.h>

#include "jk-cli.h"

/* Staff see when and how often, and why not: never an address. status
 * adds the counts per kind. */
static int
outbox_list (JkCli  *cli,
             int     argc,
             char  **argv,
             gboolean status)
{
  gboolean json = FALSE;
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GList) kinds = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;

  if (!jk_cli_begin (status ? "outbox status" : "outbox", NULL,
                     _("List what waits to be sent (never an address or a name), with counts per kind"), NULL, &json,
                     &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 1)
    return jk_cli_usage (_("Usage: jobkioskctl outbox [status] [--json], outbox send, or outbox flush [--json]\n"));
  /* Opened (and migrated) once, as every command does, before the outbox's own connections. */
  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  entries = jk_outbox_list (cli->db_path, &error);
  if (entries == NULL)
    return jk_cli_fail ("outbox", error);
  for (guint i = 0; i < entries->len; i++)
    {
      const JkOutboxEntry *entry = entries->pdata[i];

      g_hash_table_insert (counts, entry->kind,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, entry->kind)) + 1));
    }
  kinds = g_list_sort (g_hash_table_get_keys (counts), (GCompareFunc) g_strcmp0);
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      if (status)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "waiting");
          json_builder_add_int_value (builder, entries->len);
          json_builder_set_member_name (builder, "kinds");
          json_builder_begin_object (builder);
          for (GList *l = kinds; l != NULL; l = l->next)
            {
              json_builder_set_member_name (builder, l->data);
              json_builder_add_int_value (builder, GPOINTER_TO_UINT (g_hash_table_lookup (counts, l->data)));
            }
          json_builder_end_object (builder);
          json_builder_set_member_name (builder, "entries");
        }
      json_builder_begin_array (builder);
      for (guint i = 0; i < entries->len; i++)
        {
          const JkOutboxEntry *entry = entries->pdata[i];
          g_autofree char *created = jk_cli_format_time (entry->created);
          g_autofree char *next = jk_cli_format_time (entry->next_attempt);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, entry->id);
          jk_cli_add_string (builder, "kind", entry->kind);
          jk_cli_add_string (builder, "created", created);
          json_builder_set_member_name (builder, "attempts");
          json_builder_add_int_value (builder, entry->attempts);
          jk_cli_add_string (builder, "next_attempt", next);
          jk_cli_add_string (builder, "last_error", entry->last_error);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      if (status)
        json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      jk_cli_print_json (root);
      return JK_CLI_EXIT_OK;
    }
  if (status)
    for (GList *l = kinds; l != NULL; l = l->next)
      {
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, l->data));

        /* TRANSLATORS: jobkioskctl outbox status: how many entries of a kind ("mail", "staff") wait */
        g_print (jk_ngettext ("%s: %u waiting", "%s: %u waiting", n), (const char *) l->data, n);
        g_print ("\n");
      }
  if (entries->len == 0)
    {
      g_print ("%s\n", _("Nothing waits in the outbox."));
      return JK_CLI_EXIT_OK;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      const JkOutboxEntry *entry = entries->pdata[i];
      g_autofree char *created = jk_cli_format_time (entry->created);
      g_autofree char *next = jk_cli_format_time (entry->next_attempt);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, entry->id);

      /* TRANSLATORS: one outbox entry: id, kind ("mail"), when it was made, how many tries, when the next is */
      g_print (_("%s  %s  made %s  tries %u  next try %s"), id, entry->kind, created, entry->attempts, next);
      if (entry->last_error != NULL)
        /* TRANSLATORS: after an outbox entry: why its last try failed */
        g_print (_("  last error: %s"), entry->last_error);
      g_print ("\n");
    }
  return JK_CLI_EXIT_OK;
}

/* Tries what is due now; exit 0 only when nothing is left waiting. */
static int
outbox_send (JkCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GError) error = NULL;
  guint handed_over;
  guint waiting;

  if (!jk_cli_begin ("outbox send", NULL, _("Hand what is due in the outbox to the mail relay"), NULL, NULL,
                     &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 1)
    return jk_cli_usage (_("Usage: jobkioskctl outbox send\n"));
  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  if (!jk_mail_is_configured (cli->config))
    {
      g_autoptr (GError) not_configured = g_error_new_literal (JK_MAIL_ERROR, JK_MAIL_ERROR_NOT_CONFIGURED,
                                                               _("No [mail] host is configured"));
      return jk_cli_fail ("outbox send", not_configured);
    }
  handed_over = jk_outbox_deliver_due (cli->config, cli->db_path, g_get_real_time () / G_USEC_PER_SEC, &error);
  if (error != NULL)
    g_printerr ("jobkioskctl outbox send: %s\n", error->message);
  g_clear_error (&error);
  waiting = jk_outbox_count_waiting (cli->db_path, &error);
  if (error != NULL)
    return jk_cli_fail ("outbox send", error);
  /* TRANSLATORS: after jobkioskctl outbox send */
  g_print (jk_ngettext ("%u handed to the relay", "%u handed to the relay", handed_over), handed_over);
  g_print (", ");
  g_print (jk_ngettext ("%u still waiting", "%u still waiting", waiting), waiting);
  g_print ("\n");
  return waiting == 0 ? JK_CLI_EXIT_OK : JK_CLI_EXIT_FAILED;
}

/* Delivers every kind that is due now (mail and staff): what the kiosk's
 * minute does; exit 0 when nothing is left waiting. */
static int
outbox_flush (JkCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GError) error = NULL;
  gboolean json = FALSE;
  guint delivered;
  guint waiting;

  if (!jk_cli_begin ("outbox flush", NULL, _("Deliver everything that is due in the outbox now"), NULL, &json,
                     &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 1)
    return jk_cli_usage (_("Usage: jobkioskctl outbox flush [--json]\n"));
  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  delivered = jk_outbox_deliver_due (cli->config, cli->db_path, g_get_real_time () / G_USEC_PER_SEC, &error);
  if (error != NULL)
    g_printerr ("jobkioskctl outbox flush: %s\n", error->message);
  g_clear_error (&error);
  waiting = jk_outbox_count_waiting (cli->db_path, &error);
  if (error != NULL)
    return jk_cli_fail ("outbox flush", error);
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "delivered");
      json_builder_add_int_value (builder, delivered);
      json_builder_set_member_name (builder, "waiting");
      json_builder_add_int_value (builder, waiting);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      jk_cli_print_json (root);
    }
  else
    {
      /* TRANSLATORS: after jobkioskctl outbox flush */
      g_print (jk_ngettext ("%u delivered", "%u delivered", delivered), delivered);
      g_print (", ");
      g_print (jk_ngettext ("%u still waiting", "%u still waiting", waiting), waiting);
      g_print ("\n");
    }
  return waiting == 0 ? JK_CLI_EXIT_OK : JK_CLI_EXIT_FAILED;
}

int
jk_cli_outbox (JkCli  *cli,
               int     argc,
               char  **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "send"))
    return outbox_send (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "flush"))
    return outbox_flush (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "status"))
    return outbox_list (cli, argc - 1, argv + 1, TRUE);
  return outbox_list (cli, argc, argv, FALSE);
}
