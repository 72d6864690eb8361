/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-cli.h: what the jobkioskctl commands share: the prologue, errors, exit codes, JSON */
#pragma once

#include <json-glib/json-glib.h>
#include <jobkiosk/jk-config.h>
#include <jobkiosk/jk-store.h>

G_BEGIN_DECLS

/* Exit codes every command keeps. */
enum {
  JK_CLI_EXIT_OK = 0,
  JK_CLI_EXIT_FAILED = 1,
  JK_CLI_EXIT_USAGE = 2,
  JK_CLI_EXIT_REFUSED = 3, /* lmi import: a release refused, its earlier import kept */
  JK_CLI_EXIT_NOT_FOUND = 3, /* checkin: no appointment today; staff remove: no such name */
  JK_CLI_EXIT_EXISTS = 3, /* staff add: the name or the PIN is taken */
  JK_CLI_EXIT_OUTSIDE = 4, /* checkin: after the window ("late"); early is checked in (0) */
  JK_CLI_EXIT_RATE_LIMITED = 5, /* checkin: too many tries that found nothing this minute */
};

/* What the global options set up, handed to each command. */
typedef struct {
  const char *config_file;  /* --config, or NULL */
  JkConfig *config;         /* loaded before the command runs, --db applied */
  const char *db_path;      /* the database this run uses: jk_config_get_database_path () */
} JkCli;

typedef int (*JkCliCommandFunc) (JkCli *cli, int argc, char **argv);

typedef struct {
  const char *name;
  JkCliCommandFunc run;
  const char *summary; /* msgid */
} JkCliCommand;

/* The start every command shares. Parses the command's own options
 * (entries, or NULL), with --json when json is not NULL; parameter (a
 * msgid, or NULL) and summary (translated) are what --help shows. On bad
 * usage prints "jobkioskctl COMMAND: why" and returns FALSE: the command
 * then returns JK_CLI_EXIT_USAGE. */
gboolean     jk_cli_begin          (const char          *command,
                                    const char          *parameter,
                                    const char          *summary,
                                    const GOptionEntry  *entries,
                                    gboolean            *json,
                                    int                 *argc,
                                    char              ***argv);
/* Opens cli->db_path; when it cannot, prints why (as jk_cli_fail) and
 * returns NULL: the command then returns JK_CLI_EXIT_FAILED. */
JkStore     *jk_cli_open_store     (JkCli        *cli);
/* Prints "jobkioskctl: MESSAGE" (or "jobkioskctl COMMAND: MESSAGE") on
 * stderr and returns JK_CLI_EXIT_FAILED. */
int          jk_cli_fail           (const char   *command,
                                    const GError *error);
/* Prints a bad-usage message (a translated printf format ending in a
 * newline) on stderr and returns JK_CLI_EXIT_USAGE. */
int          jk_cli_usage          (const char   *format,
                                    ...) G_GNUC_PRINTF (1, 2);
/* A command group ("lmi", "training"): runs the subcommand argv[1] names,
 * or prints the group's subcommands and returns JK_CLI_EXIT_USAGE. */
int          jk_cli_run_group      (JkCli              *cli,
                                    const char         *group,
                                    const JkCliCommand *subcommands,
                                    gsize               n_subcommands,
                                    int                 argc,
                                    char              **argv);
void         jk_cli_print_json     (JsonNode     *node);
/* ISO 8601 in local time, or NULL for 0 (never). */
char        *jk_cli_format_time    (gint64        unix_time);
/* A JSON member holding value, or null. */
void         jk_cli_add_string     (JsonBuilder  *builder,
                                    const char   *member,
                                    const char   *value);

int          jk_cli_status         (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
int          jk_cli_sync           (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
int          jk_cli_geo            (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
int          jk_cli_print          (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
int          jk_cli_printer        (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
int          jk_cli_jobs           (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
int          jk_cli_speak          (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
/* lmi search, lmi show (jk-cli-lmi-query.c): the `lmi` group calls them
 * with argv[0] "search" or "show". */
int          jk_cli_lmi_search     (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
int          jk_cli_lmi_show       (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
int          jk_cli_lmi            (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
int          jk_cli_interests      (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
int          jk_cli_outbox         (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
int          jk_cli_appointments   (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
/* checkin, walkin, arrivals (jk-cli-checkin.c) */
int          jk_cli_checkin        (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
int          jk_cli_walkin         (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
int          jk_cli_arrivals       (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
/* staff add|remove|list, audit (jk-cli-staff.c) */
int          jk_cli_staff          (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
int          jk_cli_audit          (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
/* usage, usage report (jk-cli-usage.c) */
int          jk_cli_usage_counts   (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
/* services import, search (jk-cli-services.c) */
int          jk_cli_services       (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
/* referrals (jk-cli-referrals.c) */
int          jk_cli_referrals      (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
/* training import, search (jk-cli-training.c) */
int          jk_cli_training       (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
/* orientation list, check (jk-cli-orientation.c) */
int          jk_cli_orientation    (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
int          jk_cli_resume         (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
/* resume purge, export-saved, import-saved (jk-cli-resume-saved.c): the
 * `resume` group calls them with argv[0] the subcommand. */
int          jk_cli_resume_purge         (JkCli  *cli,
                                          int     argc,
                                          char  **argv);
int          jk_cli_resume_export_saved  (JkCli  *cli,
                                          int     argc,
                                          char  **argv);
int          jk_cli_resume_import_saved  (JkCli  *cli,
                                          int     argc,
                                          char  **argv);
/* config check (jk-cli-config.c) */
int          jk_cli_config         (JkCli        *cli,
                                    int           argc,
                                    char        **argv);
int          jk_cli_metrics        (JkCli        *cli,
                                    int           argc,
                                    char        **argv);

G_END_DECLS
