/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli-staff.c: jobkioskctl staff (add, remove, list) and audit */

#define G_LOG_DOMAIN "jobkioskctl"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-staff.h>

#include "jk-cli.h"

#define ACTOR "jobkioskctl"
/* Longer than any PIN, so a long line is read whole and refused as one. */
#define PIN_LINE_MAX 256

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static int
staff_error (const char   *command,
             const GError *error)
{
  if (g_error_matches (error, JK_STAFF_ERROR, JK_STAFF_ERROR_BAD_INPUT))
    return jk_cli_usage ("jobkioskctl %s: %s\n", command, error->message);
  if (g_error_matches (error, JK_STAFF_ERROR, JK_STAFF_ERROR_EXISTS)
      || g_error_matches (error, JK_STAFF_ERROR, JK_STAFF_ERROR_NOT_FOUND))
    {
      g_printerr ("jobkioskctl %s: %s\n", command, error->message);
      return JK_CLI_EXIT_EXISTS;
    }
  return jk_cli_fail (command, error);
}

/* One line from stream, without its line end; FALSE at end of input. */
static gboolean
read_line (FILE *stream,
           char *line,
           gsize size)
{
  gsize length;

  if (fgets (line, (int) size, stream) == NULL)
    return FALSE;
  length = strlen (line);
  /* A line longer than the buffer: the rest is read and dropped, and what
   * is kept is already too long to be a PIN. */
  if (length > 0 && line[length - 1] != '\n' && !feof (stream))
    {
      int c;
      while ((c = fgetc (stream)) != EOF && c != '\n')
        ;
    }
  while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r'))
    line[--length] = '\0';
  return TRUE;
}

/* Asks on the terminal with echo off. */
static gboolean
ask_hidden (const char *prompt,
            char       *line,
            gsize       size)
{
  struct termios saved, quiet;
  gboolean got;

  g_printerr ("%s", prompt);
  if (tcgetattr (STDIN_FILENO, &saved) != 0)
    return read_line (stdin, line, size);
  quiet = saved;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  quiet.c_lflag |= ECHONL;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
  got = read_line (stdin, line, size);
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
  return got;
}

/* The PIN: from the terminal, asked twice and never shown; from a pipe,
 * its first line. Never from the command line, where ps shows it. */
static int
read_pin (const char *name,
          char       *pin,
          gsize       size)
{
  char again[PIN_LINE_MAX];
  g_autofree char *prompt = NULL;
  gboolean same;

  if (!isatty (STDIN_FILENO))
    {
      if (!read_line (stdin, pin, size))
        return jk_cli_usage (_("jobkioskctl staff add: no PIN on the standard input\n"));
      return JK_CLI_EXIT_OK;
    }
  /* TRANSLATORS: %s is the staff member's name */
  prompt = g_strdup_printf (_("PIN for %s (4 to 12 digits): "), name);
  if (!ask_hidden (prompt, pin, size))
    return jk_cli_usage (_("jobkioskctl staff add: no PIN was typed\n"));
  if (!ask_hidden (_("The same PIN again: "), again, sizeof again))
    return jk_cli_usage (_("jobkioskctl staff add: no PIN was typed\n"));
  same = g_str_equal (pin, again);
  explicit_bzero (again, sizeof again);
  if (!same)
    return jk_cli_usage (_("jobkioskctl staff add: the two PINs differ; nothing was changed\n"));
  return JK_CLI_EXIT_OK;
}

static int
staff_add (JkCli  *cli,
           int     argc,
           char  **argv)
{
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GError) error = NULL;
  char pin[PIN_LINE_MAX] = "";
  const char *name;
  gboolean added;
  int status;

  if (!jk_cli_begin ("staff add", N_("NAME"),
                     _("Add a staff member: the PIN is typed twice on the terminal (or is the first line of the "
                       "standard input), never given on the command line. Exit 0 added, 2 bad name or PIN, "
                       "3 the name or PIN is taken"),
                     NULL, NULL, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 2)
    return jk_cli_usage (_("Usage: jobkioskctl staff add NAME (the PIN is asked for)\n"));
  name = g_strstrip (argv[1]);
  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  status = read_pin (name, pin, sizeof pin);
  if (status != JK_CLI_EXIT_OK)
    return status;
  added = jk_staff_add (cli->db_path, name, pin, now_seconds (), &error);
  explicit_bzero (pin, sizeof pin);
  if (!added)
    return staff_error ("staff add", error);
  if (!jk_audit_add (cli->db_path, ACTOR, "staff-add", name, now_seconds (), &error))
    return jk_cli_fail ("staff add", error);
  /* TRANSLATORS: %s is the staff member's name */
  g_print (_("Staff member “%s” added."), name);
  g_print ("\n");
  return JK_CLI_EXIT_OK;
}

static int
staff_remove (JkCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GError) error = NULL;
  const char *name;

  if (!jk_cli_begin ("staff remove", N_("NAME"), _("Remove a staff member: exit 0 removed, 3 no such name"), NULL,
                     NULL, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 2)
    return jk_cli_usage (_("Usage: jobkioskctl staff remove NAME\n"));
  name = g_strstrip (argv[1]);
  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  if (!jk_staff_remove (cli->db_path, name, &error))
    return staff_error ("staff remove", error);
  if (!jk_audit_add (cli->db_path, ACTOR, "staff-remove", name, now_seconds (), &error))
    return jk_cli_fail ("staff remove", error);
  /* TRANSLATORS: %s is the staff member's name */
  g_print (_("Staff member “%s” removed."), name);
  g_print ("\n");
  return JK_CLI_EXIT_OK;
}

static int
staff_list (JkCli  *cli,
            int     argc,
            char  **argv)
{
  gboolean json = FALSE;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) members = NULL;

  if (!jk_cli_begin ("staff list", NULL, _("List the staff members and when each was added"), NULL, &json, &argc,
                     &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 1)
    return jk_cli_usage (_("Usage: jobkioskctl staff list [--json]\n"));
  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  members = jk_staff_list (cli->db_path, &error);
  if (members == NULL)
    return jk_cli_fail ("staff list", error);
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < members->len; i++)
        {
          const JkStaffMember *member = members->pdata[i];
          g_autofree char *added = jk_cli_format_time (member->added);

          json_builder_begin_object (builder);
          jk_cli_add_string (builder, "name", member->name);
          jk_cli_add_string (builder, "added", added);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      jk_cli_print_json (root);
      return JK_CLI_EXIT_OK;
    }
  if (members->len == 0)
    g_print ("%s\n", _("No staff members yet. Add one with “jobkioskctl staff add NAME”."));
  for (guint i = 0; i < members->len; i++)
    {
      const JkStaffMember *member = members->pdata[i];
      g_autofree char *added = jk_cli_format_time (member->added);

      /* TRANSLATORS: a staff member's name, and when they were added */
      g_print (_("%s, added %s"), member->name, added != NULL ? added : "-");
      g_print ("\n");
    }
  return JK_CLI_EXIT_OK;
}

/* YYYY-MM-DD: that day's start, in the kiosk's local time. */
static gboolean
parse_since (const char *text,
             gint64     *since)
{
  int year, month, day;
  char end;
  g_autoptr (GDateTime) start = NULL;

  *since = 0;
  if (text == NULL)
    return TRUE;
  if (strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  start = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (start == NULL)
    return FALSE;
  *since = g_date_time_to_unix (start);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

int
jk_cli_staff (JkCli  *cli,
              int     argc,
              char  **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return staff_add (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "remove"))
    return staff_remove (cli, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    return staff_list (cli, argc - 1, argv + 1);
  return jk_cli_usage (_("Usage: jobkioskctl staff add NAME, staff remove NAME, or staff list [--json]\n"));
}

int
jk_cli_audit (JkCli  *cli,
              int     argc,
              char  **argv)
{
  g_autofree char *since_text = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "since", 0, 0, G_OPTION_ARG_STRING, &since_text, N_("Only entries from this day on (the kiosk's local day)"),
      N_("YYYY-MM-DD") },
    { NULL },
  };
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries_found = NULL;
  gint64 since = 0;

  if (!jk_cli_begin ("audit", NULL, _("Show the audit log: who did what in staff mode and with jobkioskctl, "
                                      "oldest first (times in UTC)"),
                     entries, &json, &argc, &argv))
    return JK_CLI_EXIT_USAGE;
  if (argc != 1)
    return jk_cli_usage (_("Usage: jobkioskctl audit [--since YYYY-MM-DD] [--json]\n"));
  if (!parse_since (since_text, &since))
    return jk_cli_usage (_("--since takes a date as YYYY-MM-DD\n"));
  store = jk_cli_open_store (cli);
  if (store == NULL)
    return JK_CLI_EXIT_FAILED;
  entries_found = jk_audit_list (cli->db_path, since, &error);
  if (entries_found == NULL)
    return jk_cli_fail ("audit", error);
  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < entries_found->len; i++)
        {
          const JkAuditEntry *entry = entries_found->pdata[i];

          json_builder_begin_object (builder);
          jk_cli_add_string (builder, "at", entry->at);
          jk_cli_add_string (builder, "actor", entry->actor);
          jk_cli_add_string (builder, "action", entry->action);
          jk_cli_add_string (builder, "detail", entry->detail);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      jk_cli_print_json (root);
      return JK_CLI_EXIT_OK;
    }
  if (entries_found->len == 0)
    g_print ("%s\n", _("The audit log has no entries for that time."));
  for (guint i = 0; i < entries_found->len; i++)
    {
      const JkAuditEntry *entry = entries_found->pdata[i];

      g_print ("%s  %s  %s%s%s\n", entry->at, entry->actor, entry->action, entry->detail != NULL ? "  " : "",
               entry->detail != NULL ? entry->detail : "");
    }
  return JK_CLI_EXIT_OK;
}
