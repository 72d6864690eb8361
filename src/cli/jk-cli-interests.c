/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-interests.c: jobkioskctl interests cards | score: the interest quiz's cards and what answers fit */

#define G_LOG_DOMAIN "jobkioskctl"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-interests.h>
#include <math.h>

#include "jk-cli.h"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static int
interests_cards (JkCli  *cli,
                 int     argc,
                 char  **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr (GError) error = NULL;
  const GPtrArray *cards;

  if (!jk_cli_begin ("interests cards", NULL, _("List the interest quiz's cards in quiz order."), entries, &json,
                     &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc > 1)
    return jk_cli_usage (_("jobkioskctl interests cards: takes no arguments (see --help)\n"));
  cards = jk_interest_cards (&error);
  if (cards == NULL)
    return jk_cli_fail ("interests cards", error);
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < cards->len; i++)
        {
          const JkInterestCard *card = cards->pdata[i];

          json_builder_begin_object (builder);
          jk_cli_add_string (builder, "id", card->id);
          jk_cli_add_string (builder, "area", jk_interest_area_id (card->area));
          jk_cli_add_string (builder, "text_en", card->text_en);
          jk_cli_add_string (builder, "text_es", card->text_es);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      jk_cli_print_json (root);
      return JK_CLI_EXIT_OK;
    }
  for (guint i = 0; i < cards->len; i++)
    {
      const JkInterestCard *card = cards->pdata[i];

      g_print ("%2u  %-14s %s\n", i + 1, jk_interest_area_id (card->area),
               jk_interest_card_text (card, jk_i18n_get_language ()));
    }
  return JK_CLI_EXIT_OK;
}

static void
print_result (const JkInterestResult *result)
{
  g_print ("%s\n", _("Scores (from -1, not for me, to 1, liked):"));
  for (int a = 0; a < JK_INTEREST_N_AREAS; a++)
    g_print ("  %-14s %+.2f\n", jk_interest_area_id (a), result->scores[a]);
  for (guint i = 0; i < result->n_top; i++)
    g_print ("%s\n", jk_interest_area_sentence (result->top[i]));
  if (!result->ranked)
    {
      g_print ("\n%s\n", result->message);
      return;
    }
  g_print ("\n%s\n", _("Occupations that fit (the correlation of your scores with O*NET's interest profile):"));
  if (result->occupations->len == 0)
    g_print ("  %s\n", _("None: the kiosk has no interest profiles yet (jobkioskctl lmi import)."));
  for (guint i = 0; i < result->occupations->len; i++)
    {
      const JkInterestMatch *match = result->occupations->pdata[i];
      const char *zone = jk_interest_job_zone_label (match->job_zone);

      g_print ("  %+.2f  %s  %s%s%s%s\n", match->fit, match->soc, match->title, zone != NULL ? " (" : "",
               zone != NULL ? zone : "", zone != NULL ? ")" : "");
    }
}

static int
interests_score (JkCli  *cli,
                 int     argc,
                 char  **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr (GError) error = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (JkInterestResult) result = NULL;
  g_autofree JkInterestAnswer *answers = NULL;
  const GPtrArray *cards;

  if (!jk_cli_begin ("interests score", N_("ANSWERS"),
                     _("Score the quiz's answers and list the occupations that fit: ANSWERS holds one of y (I'd like "
                       "it), n (not for me) or ? (not sure) for each card, in the quiz's order."),
                     entries, &json, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  cards = jk_interest_cards (&error);
  if (cards == NULL)
    return jk_cli_fail ("interests score", error);
  if (argc != 2)
    return jk_cli_usage (_("jobkioskctl interests score: give the answers, one of y, n or ? for each of the %u "
                           "cards (see --help)\n"),
                         cards->len);
  answers = g_new0 (JkInterestAnswer, cards->len);
  if (!jk_interests_parse_answers (argv[1], answers, cards->len, &error))
    return jk_cli_usage ("jobkioskctl interests score: %s\n", error->message);

  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  result = jk_interests_match (store, answers, cards->len, 20, &error);
  if (result == NULL)
    return jk_cli_fail ("interests score", error);
  if (!json)
    {
      print_result (result);
      return JK_CLI_EXIT_OK;
    }
  {
    g_autoptr (JsonBuilder) builder = json_builder_new ();
    g_autoptr (JsonNode) root = NULL;

    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "scores");
    json_builder_begin_object (builder);
    for (int a = 0; a < JK_INTEREST_N_AREAS; a++)
      {
        json_builder_set_member_name (builder, jk_interest_area_id (a));
        json_builder_add_double_value (builder, result->scores[a]);
      }
    json_builder_end_object (builder);
    json_builder_set_member_name (builder, "occupations");
    json_builder_begin_array (builder);
    for (guint i = 0; i < result->occupations->len; i++)
      {
        const JkInterestMatch *match = result->occupations->pdata[i];

        json_builder_begin_object (builder);
        jk_cli_add_string (builder, "soc", match->soc);
        jk_cli_add_string (builder, "title", match->title);
        json_builder_set_member_name (builder, "fit");
        /* Three places: enough to order by, no false precision. */
        json_builder_add_double_value (builder, round (match->fit * 1000) / 1000);
        json_builder_set_member_name (builder, "job_zone");
        if (match->job_zone > 0)
          json_builder_add_int_value (builder, match->job_zone);
        else
          json_builder_add_null_value (builder);
        json_builder_end_object (builder);
      }
    json_builder_end_array (builder);
    if (!result->ranked)
      jk_cli_add_string (builder, "message", result->message);
    json_builder_end_object (builder);
    root = json_builder_get_root (builder);
    jk_cli_print_json (root);
  }
  return JK_CLI_EXIT_OK;
}

static const JkCliCommand subcommands[] = {
  { "cards", interests_cards, N_("List the quiz's cards in order (interests cards [--json])") },
  { "score", interests_score, N_("Score answers and list the occupations that fit (interests score ANSWERS [--json])") },
};

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

int
jk_cli_interests (JkCli  *cli,
                  int     argc,
                  char  **argv)
{
  return jk_cli_run_group (cli, "interests", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}
