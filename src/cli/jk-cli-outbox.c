/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-outbox.c: jobkioskctl outbox (what waits for the mail relay) and outbox send */

#define G_LOG_DOMAIN "jobkioskctl"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-mail.h>

#include "jk-cli.h"

/* Staff see when and how often, and why not: never an address. */
static int
outbox_list (JkCli  *cli,
             int     argc,
             char  **argv)
{
  gboolean json = FALSE;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;

  if (!jk_cli_begin ("outbox", NULL, _("List what waits for the mail relay (never its address)"), NULL, &json,
                     &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 1)
    return jk_cli_usage (_("Usage: jobkioskctl outbox [--json], or outbox send\n"));
  /* Opened (and migrated) once, as every command does, before the outbox's own connections. */
  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  entries = jk_outbox_list (cli->db_path, &error);
  if (entries == NULL)
    return jk_cli_fail ("outbox", error);
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

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
      root = json_builder_get_root (builder);
      jk_cli_print_json (root);
      return JK_CLI_EXIT_OK;
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

int
jk_cli_outbox (JkCli  *cli,
               int     argc,
               char  **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "send"))
    return outbox_send (cli, argc - 1, argv + 1);
  return outbox_list (cli, argc, argv);
}
