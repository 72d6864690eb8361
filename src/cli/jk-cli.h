/* SPDX-License-Identifier: GPL-3.0-or-later */
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
};

/* What the global options set up, handed to each command. */
typedef struct {
  const char *config_file;  /* --config, or NULL */
  const char *db_file;      /* --db, or NULL */
  JkConfig *config;         /* loaded before the command runs */
} JkCli;

typedef int (*JkCliCommandFunc) (JkCli *cli, int argc, char **argv);

typedef struct {
  const char *name;
  JkCliCommandFunc run;
  const char *summary; /* msgid */
} JkCliCommand;

/* Opens the database the options name (or the configured default). */
JkStore     *jk_cli_open_store     (JkCli        *cli,
                                    GError      **error);
/* Parses a command's own options; prints the error and returns FALSE on bad usage. */
gboolean     jk_cli_parse          (GOptionContext *context,
                                    const char     *command,
                                    int            *argc,
                                    char         ***argv);
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

G_END_DECLS
