/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-referrals.c: jobkioskctl referrals: the referrals to partners and where each stands, never a name or phone */

#define G_LOG_DOMAIN "jobkioskctl"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-referrals.h>

#include "jk-cli.h"

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

/* Staff see what was asked of whom and whether it arrived; the first name
 * and phone number live only in the sealed outbox entry, never here. */
int
jk_cli_referrals (JkCli  *cli,
                  int     argc,
                  char  **argv)
{
  gboolean json = FALSE;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GPtrArray) referrals = NULL;
  g_autoptr (GError) error = NULL;

  if (!jk_cli_begin ("referrals", NULL,
                     _("List the referrals to partners and whether each was delivered (never a name or phone)"),
                     NULL, &json, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 1)
    return jk_cli_usage (_("Usage: jobkioskctl referrals [--json]\n"));
  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  referrals = jk_referrals_list (cli->db_path, &error);
  if (referrals == NULL)
    return jk_cli_fail ("referrals", error);
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < referrals->len; i++)
        {
          const JkReferral *referral = referrals->pdata[i];
          g_autofree char *created = jk_cli_format_time (referral->created);
          g_autofree char *delivered = jk_cli_format_time (referral->delivered);

          json_builder_begin_object (builder);
          jk_cli_add_string (builder, "reference", referral->reference);
          jk_cli_add_string (builder, "partner", referral->partner);
          jk_cli_add_string (builder, "organization", referral->organization);
          jk_cli_add_string (builder, "service", referral->service);
          jk_cli_add_string (builder, "category", referral->category);
          jk_cli_add_string (builder, "reason", referral->reason);
          jk_cli_add_string (builder, "state", jk_referral_state_to_string (referral->state));
          json_builder_set_member_name (builder, "attempts");
          json_builder_add_int_value (builder, referral->attempts);
          jk_cli_add_string (builder, "last_error", referral->last_error);
          jk_cli_add_string (builder, "created", created);
          jk_cli_add_string (builder, "delivered", delivered);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      jk_cli_print_json (root);
      return JK_CLI_EXIT_OK;
    }
  if (referrals->len == 0)
    {
      g_print ("%s\n", _("No referrals yet."));
      return JK_CLI_EXIT_OK;
    }
  for (guint i = 0; i < referrals->len; i++)
    {
      const JkReferral *referral = referrals->pdata[i];
      g_autofree char *created = jk_cli_format_time (referral->created);

      /* TRANSLATORS: one referral: reference, partner, service, state (waiting, delivered, failed), when made */
      g_print (_("%s  %s  %s  %s  made %s"), referral->reference, referral->partner, referral->service,
               jk_referral_state_to_string (referral->state), created);
      if (referral->state == JK_REFERRAL_DELIVERED)
        {
          g_autofree char *delivered = jk_cli_format_time (referral->delivered);
          /* TRANSLATORS: after a referral: when the partner took it */
          g_print (_("  delivered %s"), delivered);
        }
      else if (referral->state == JK_REFERRAL_WAITING)
        {
          /* TRANSLATORS: after a referral still waiting: how many tries so far */
          g_print (_("  tries %u"), referral->attempts);
          if (referral->last_error != NULL)
            g_print (_("  last error: %s"), referral->last_error);
        }
      g_print ("\n");
    }
  return JK_CLI_EXIT_OK;
}
