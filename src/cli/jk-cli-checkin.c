/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-checkin.c: jobkioskctl checkin, walkin and arrivals */

#define G_LOG_DOMAIN "jobkioskctl"

#include <jobkiosk/jk-checkin.h>
#include <jobkiosk/jk-i18n.h>

#include "jk-cli.h"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static char *
format_hm (gint64 when)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (when);

  return g_date_time_format (time, "%H:%M");
}

static const char *
outcome_key (JkCheckinOutcome outcome)
{
  switch (outcome)
    {
    case JK_CHECKIN_CHECKED_IN:
      return "checked-in";
    case JK_CHECKIN_EARLY:
      return "early";
    case JK_CHECKIN_LATE:
      return "late";
    case JK_CHECKIN_NOT_FOUND:
    default:
      return "not-found";
    }
}

static int
checkin_error (const char   *command,
               const GError *error)
{
  if (g_error_matches (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_BAD_INPUT))
    return jk_cli_usage ("jobkioskctl %s: %s\n", command, error->message);
  if (g_error_matches (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_RATE_LIMITED))
    {
      g_printerr ("jobkioskctl %s: %s\n", command, error->message);
      return JK_CLI_EXIT_RATE_LIMITED;
    }
  if (g_error_matches (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_NOT_FOUND))
    {
      g_printerr ("jobkioskctl %s: %s\n", command, error->message);
      return JK_CLI_EXIT_NOT_FOUND;
    }
  return jk_cli_fail (command, error);
}

static void
print_result (const JkCheckinResult *result,
              gboolean               json)
{
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_object (builder);
      jk_cli_add_string (builder, "outcome", outcome_key (result->outcome));
      json_builder_set_member_name (builder, "already");
      json_builder_add_boolean_value (builder, result->already);
      jk_cli_add_string (builder, "greeting", result->greeting);
      json_builder_set_member_name (builder, "appointments");
      json_builder_begin_array (builder);
      for (guint i = 0; i < result->appointments->len; i++)
        {
          const JkCheckinAppointment *a = result->appointments->pdata[i];
          g_autofree char *starts = jk_cli_format_time (a->starts);

          json_builder_begin_object (builder);
          jk_cli_add_string (builder, "starts", starts);
          jk_cli_add_string (builder, "service", a->service);
          jk_cli_add_string (builder, "location", a->location);
          jk_cli_add_string (builder, "staff", a->staff);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      jk_cli_print_json (root);
      return;
    }
  switch (result->outcome)
    {
    case JK_CHECKIN_CHECKED_IN:
    case JK_CHECKIN_EARLY:
      if (result->outcome == JK_CHECKIN_EARLY)
        g_print ("%s\n", _("You're early; we've noted you're here."));
      /* TRANSLATORS: %s is a first name and last initial, "Maria N." */
      g_print (_("Welcome, %s"), result->greeting != NULL ? result->greeting : "");
      g_print ("\n");
      for (guint i = 0; i < result->appointments->len; i++)
        {
          const JkCheckinAppointment *a = result->appointments->pdata[i];
          g_autofree char *time = format_hm (a->starts);

          /* TRANSLATORS: one appointment checked in for: time, service, room */
          g_print (_("Checked in for %s, %s, %s."), time, a->service != NULL ? a->service : "-",
                   a->location != NULL ? a->location : "-");
          g_print ("\n");
        }
      if (result->already)
        g_print ("%s\n", _("Already checked in: nothing changed."));
      break;
    case JK_CHECKIN_LATE:
      g_print ("%s\n", _("Please check in at the front desk."));
      break;
    case JK_CHECKIN_NOT_FOUND:
    default:
      g_print ("%s\n", _("We could not find an appointment for today. Please ask at the front desk."));
      break;
    }
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

int
jk_cli_checkin (JkCli  *cli,
                int     argc,
                char  **argv)
{
  g_autofree char *code = NULL;
  g_autofree char *last_name = NULL;
  g_autofree char *dob = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "code", 0, 0, G_OPTION_ARG_STRING, &code, N_("The check-in code from the appointment letter"), N_("CODE") },
    { "last-name", 0, 0, G_OPTION_ARG_STRING, &last_name, N_("The last name (with --dob)"), N_("NAME") },
    { "dob", 0, 0, G_OPTION_ARG_STRING, &dob, N_("The date of birth (with --last-name)"), N_("YYYY-MM-DD") },
    { NULL },
  };
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkCheckinResult) result = NULL;

  if (!jk_cli_begin ("checkin", NULL, _("Check in for today's appointment: exit 0 checked in (early too), "
                                        "3 not found, 4 late, 5 too many tries"),
                     entries, &json, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 1 || (code != NULL) == (last_name != NULL || dob != NULL)
      || (code == NULL && (last_name == NULL || dob == NULL)))
    return jk_cli_usage (_("Usage: jobkioskctl checkin --code CODE | --last-name NAME --dob YYYY-MM-DD [--json]\n"));
  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  if (code != NULL)
    result = jk_checkin_by_code (cli->config, cli->db_path, code, now_seconds (), &error);
  else
    result = jk_checkin_by_person (cli->config, cli->db_path, last_name, dob, now_seconds (), &error);
  if (result == NULL)
    return checkin_error ("checkin", error);
  print_result (result, json);
  switch (result->outcome)
    {
    case JK_CHECKIN_CHECKED_IN:
    case JK_CHECKIN_EARLY:
      return JK_CLI_EXIT_OK;
    case JK_CHECKIN_LATE:
      return JK_CLI_EXIT_OUTSIDE;
    case JK_CHECKIN_NOT_FOUND:
    default:
      return JK_CLI_EXIT_NOT_FOUND;
    }
}

int
jk_cli_walkin (JkCli  *cli,
               int     argc,
               char  **argv)
{
  g_autofree char *reason = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *phone = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Why: look-for-work, computer, resume, unemployment, work-program, case-manager, workshop, other"),
      N_("KEY") },
    { "first-name", 0, 0, G_OPTION_ARG_STRING, &first_name, N_("A first name staff call out (optional)"), N_("NAME") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("A mobile number for a text when called, kept today only"),
      N_("NUMBER") },
    { NULL },
  };
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JkWalkinResult) result = NULL;

  if (!jk_cli_begin ("walkin", NULL, _("Join today's queue without an appointment; prints the queue number"),
                     entries, &json, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 1 || reason == NULL)
    return jk_cli_usage (_("Usage: jobkioskctl walkin --reason KEY [--first-name NAME] [--phone NUMBER] [--json]\n"));
  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  result = jk_checkin_walk_in (cli->config, cli->db_path, reason, first_name, phone, now_seconds (), &error);
  if (result == NULL)
    return checkin_error ("walkin", error);
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "queue_number");
      json_builder_add_int_value (builder, result->queue_number);
      json_builder_set_member_name (builder, "waiting_ahead");
      json_builder_add_int_value (builder, result->waiting_ahead);
      json_builder_set_member_name (builder, "estimate_minutes");
      json_builder_add_int_value (builder, result->estimate_minutes);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      jk_cli_print_json (root);
      return JK_CLI_EXIT_OK;
    }
  /* TRANSLATORS: a walk-in's queue number */
  g_print (_("Your number is %u."), result->queue_number);
  g_print ("\n");
  /* As the kiosk's screen says it. */
  if (result->waiting_ahead == 0)
    g_print ("%s\n", _("You're next."));
  else
    {
      g_print (jk_ngettext ("%u person is ahead of you.", "%u people are ahead of you.", result->waiting_ahead),
               result->waiting_ahead);
      g_print ("\n");
    }
  if (result->estimate_minutes > 0)
    {
      g_print (jk_ngettext ("About %u minute, from today's flow.", "About %u minutes, from today's flow.",
                            result->estimate_minutes), result->estimate_minutes);
      g_print ("\n");
    }
  return JK_CLI_EXIT_OK;
}

/* A time staff set, or null before they did. */
static void
add_time (JsonBuilder *builder,
          const char  *name,
          gint64       when)
{
  g_autofree char *text = when > 0 ? jk_cli_format_time (when) : NULL;

  jk_cli_add_string (builder, name, text);
}

int
jk_cli_arrivals (JkCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autofree char *date = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The day to list (today without it)"), N_("YYYY-MM-DD") },
    { NULL },
  };
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) arrivals = NULL;

  if (!jk_cli_begin ("arrivals", _("[mark ID STATE]"),
                     _("List today's arrivals: waiting, called, served, no-show; "
                       "or mark one (arrivals mark ID called|served|no-show|waiting)"), entries, &json,
                     &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 1 && !(argc == 4 && g_str_equal (argv[1], "mark")))
    return jk_cli_usage (_("Usage: jobkioskctl arrivals [--date YYYY-MM-DD] [--json]\n"
                           "       jobkioskctl arrivals mark ID called|served|no-show|waiting\n"));
  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  if (argc == 4)
    {
      char *end = NULL;
      gint64 id = g_ascii_strtoll (argv[2], &end, 10);

      if (end == argv[2] || *end != '\0' || id <= 0)
        return jk_cli_usage (_("jobkioskctl arrivals mark: \"%s\" is not an arrival's number (see jobkioskctl arrivals).\n"),
                             argv[2]);
      if (!jk_checkin_mark (cli->db_path, id, argv[3], now_seconds (), &error))
        return checkin_error ("arrivals", error);
      return JK_CLI_EXIT_OK;
    }
  arrivals = jk_checkin_arrivals (cli->config, cli->db_path, date, now_seconds (), &error);
  if (arrivals == NULL)
    return checkin_error ("arrivals", error);
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < arrivals->len; i++)
        {
          const JkArrival *a = arrivals->pdata[i];
          g_autofree char *arrived = jk_cli_format_time (a->arrived);
          g_autofree char *starts = jk_cli_format_time (a->starts);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          if (a->id > 0)
            json_builder_add_int_value (builder, a->id);
          else
            json_builder_add_null_value (builder);
          jk_cli_add_string (builder, "kind", a->kind);
          jk_cli_add_string (builder, "arrived", arrived);
          jk_cli_add_string (builder, "greeting", a->greeting);
          jk_cli_add_string (builder, "reason", a->reason);
          jk_cli_add_string (builder, "starts", starts);
          json_builder_set_member_name (builder, "queue_number");
          if (a->queue_number > 0)
            json_builder_add_int_value (builder, a->queue_number);
          else
            json_builder_add_null_value (builder);
          jk_cli_add_string (builder, "state", a->state);
          add_time (builder, "called", a->called);
          add_time (builder, "served", a->served);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      jk_cli_print_json (root);
      return JK_CLI_EXIT_OK;
    }
  if (arrivals->len == 0)
    {
      g_print ("%s\n", _("Nobody has arrived yet."));
      return JK_CLI_EXIT_OK;
    }
  for (guint i = 0; i < arrivals->len; i++)
    {
      const JkArrival *a = arrivals->pdata[i];
      g_autofree char *arrived = a->arrived != 0 ? format_hm (a->arrived) : g_strdup ("--:--");
      g_autofree char *number = a->id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, a->id) : g_strdup ("-");
      g_autofree char *what = NULL;

      if (g_strcmp0 (a->kind, "walk-in") == 0)
        {
          const char *label = jk_walkin_reason_label (a->reason);

          /* TRANSLATORS: a walk-in in the arrivals list: queue number, reason */
          what = g_strdup_printf (_("walk-in #%u, %s"), a->queue_number, label != NULL ? _(label) : a->reason);
        }
      else
        {
          g_autofree char *starts = format_hm (a->starts);

          /* TRANSLATORS: an appointment in the arrivals list: its time, its service */
          what = g_strdup_printf (_("appointment %s, %s"), starts, a->reason);
        }
      g_print ("%4s  %s  %-28s  %-12s  %s\n", number, arrived, what, a->greeting != NULL ? a->greeting : "-", _(a->state));
    }
  return JK_CLI_EXIT_OK;
}

/* The states as the list prints them. */
G_GNUC_UNUSED static const char *states[] = { N_("waiting"), N_("called"), N_("served"), N_("no-show") };
