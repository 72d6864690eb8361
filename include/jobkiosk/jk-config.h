/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JK_CONFIG_ERROR (jk_config_error_quark ())

typedef enum {
  JK_CONFIG_ERROR_UNREADABLE,
  JK_CONFIG_ERROR_INCOMPLETE, /* a file, or a line of one, was refused: nothing configured may be forgotten */
} JkConfigError;

/* Where the configuration came from. */
typedef enum {
  JK_CONFIG_MODE_DEMO,       /* no configuration at all: the bundled demo */
  JK_CONFIG_MODE_CONFIGURED, /* /etc/jobkiosk/jobkiosk.conf or --config */
} JkConfigMode;

typedef struct _JkConfig JkConfig;

struct _JkConfig
{
  JkConfigMode mode;
  char *main_file;     /* the file read first, NULL when only defaults apply */
  char *base_dir;      /* relative paths in the configuration resolve here */
  GPtrArray *files;    /* every file read, in order (main file, then drop-ins) */
  GPtrArray *problems; /* plain-language warnings, one per problem found: "FILE:LINE: [group] key: what" */
  GPtrArray *refused;  /* the problems that are a file, or a line of one, not read at all (also in problems) */
  GPtrArray *source_names; /* every [source NAME] a file read names, usable or not, in order */
  GPtrArray *partner_names; /* every [partner NAME] (jk-referrals.h), usable or not, in order */
  GKeyFile *merged;    /* all groups and keys as finally applied (only valid values), for other modules */
  GHashTable *origins; /* private: group → "FILE:LINE" where it first appears */
  GHashTable *display_names; /* private: source NAME → its display-name */
  GHashTable *value_origins; /* private: "group\037key" → "LINE:FILE" of the value that applies */

  /* [kiosk] */
  char *center_name;
  char *kiosk_name;
  char *language;      /* "en" or "es": the language each visit starts in */
  guint idle_timeout;  /* seconds without a touch before the warning */
  guint idle_warning;  /* seconds the warning counts down, at least 20 */
  char *database;      /* NULL: the default for this kind of run */
  char *area;          /* the "Where?" a search starts with: "Columbus, OH" or a ZIP */
  char *location;      /* this kiosk's place for distances: a ZIP or "lat,lon" */
  char *zip_centroids; /* a gazetteer file imported when the database has none */
  gboolean physical_keyboard; /* a real keyboard: offer the typing test */
  char *secret_file;   /* the kiosk's secret (32 random bytes, made on first use) that seals saved
                        * resumes and the outbox; NULL: "kiosk-secret" beside the database.
                        * Kiosks that share saved resumes share this file. */

  /* [feeds] */
  guint feed_min_share;      /* percent */
  guint feed_max_mb;
  guint feed_connect_timeout;/* seconds */
  guint feed_timeout;        /* seconds */
  guint feed_attempts;
  guint feed_retry_delay_ms;
  guint feed_stall_timeout;  /* seconds nearly silent before an attempt ends */
  guint feed_sync_deadline;  /* seconds a whole jobkioskctl sync may download for */

  /* [print] */
  char *print_printer;       /* CUPS destination; NULL for the CUPS default */
  char *print_paper;         /* "letter" or "a4" */
  guint print_visit_limit;   /* pages; 0 for no limit */
  guint print_day_limit;
  gboolean print_hold;       /* jobs wait for staff release */
  guint print_hold_minutes;
  guint print_timeout;       /* seconds */

  /* [display] */
  gboolean fullscreen;
  gboolean start_high_contrast;
  gboolean start_large_text;

  /* [speech] */
  guint speech_rate;         /* 0-100, 50 the voice's normal: where every visit starts */
  guint speech_volume;       /* 0-100 (speech-dispatcher's -100 to 100); 75 by default */
  char *speech_module;       /* speech-dispatcher output module */
  char *speech_headphones;   /* an input device whose headphone switch starts speech; NULL: none */

  /* [lmi]: the labor market information the kiosk keeps and shows */
  char *lmi_state;           /* 2-digit FIPS code ("39"): its OEWS, LAUS and projections are kept */
  char *lmi_metro;           /* the kiosk's metro, a CBSA code ("18140"); NULL: none */
  char *lmi_data;            /* files or a folder imported when the database has no LMI yet; NULL: none */

  /* [resume]: saved resumes (jk-resume-vault.h) */
  guint resume_keep_days;    /* a saved resume is gone this many days after it was saved; 90 */

  /* [checkin]: appointments and walk-ins (jk-checkin.h, jk-appointments.h) */
  char *checkin_calendars;   /* iCalendar URLs, ";" between several; NULL: only imported files */
  guint checkin_refresh;     /* minutes between fetches; 5 */
  guint checkin_before;      /* minutes before the start a check-in counts; 30 */
  guint checkin_after;       /* minutes after the start; 15 */
  guint checkin_grace;       /* minutes after the start an arrival not called becomes a no-show; 30 */
  char *checkin_endpoint;    /* staff are told here (HTTP POST); NULL: nobody is told, arrivals are still listed */
  char *checkin_token_file;  /* a bearer token for the endpoint, read when sending */
  char *checkin_format;      /* "json" (the default), "teams" or "slack": the shape of what is posted */
  gboolean checkin_slip;     /* offer a printed slip; true */

  /* [training]: training programs near the kiosk (jk-training.h) */
  char *training_data;       /* an Eligible Training Provider List CSV and/or the CIP-SOC crosswalk (a file or a
                              * folder), imported at start-up when the database has no programs; NULL: none */
  char *training_map;        /* a column map for a state whose ETPL headers differ (jobkioskctl training import --map) */

  /* [services]: partner services, "Other help" (jk-services.h); partners with a referral
   * agreement are [partner NAME] groups (jk-referrals.h) */
  char *services_data;       /* a directory (HSDS tables or a plain CSV) imported at start-up when the database
                              * has no services; NULL: none */
  guint services_min_share;  /* percent of the last import a new one must reach; 50 */

  /* [orientation]: the center's own pages in plain words, orientation/{en,es}/NAME.md */
  char *orientation_folder;  /* NULL: "orientation" beside the main configuration file, else the shipped template */

  /* [staff]: staff mode (jk-staff.h) */
  guint staff_idle_minutes;  /* staff mode leaves by itself after this long untouched; 3 */
  guint staff_max_tries;     /* wrong PINs in a row before staff mode locks; 5 */
  guint staff_lock_minutes;  /* how long it stays locked; 15 */

  /* [usage]: the daily usage summary (jk-usage.h) */
  char *usage_endpoint;      /* the state's reporting endpoint (HTTP POST, through the outbox); NULL: not sent */
  char *usage_token_file;    /* a bearer token for it, read when sending */
  char *usage_report_dir;    /* a folder that gets one CSV a day; NULL: none written */

  /* [metrics]: Prometheus (jk-metrics.h) */
  char *metrics_textfile;    /* where the metrics timer writes, for node_exporter's textfile collector */

  /* [mail]: the center's own relay, for "Email it to me" (jk-mail.h) */
  char *mail_host;           /* NULL: no mail; the kiosk offers no "Email it to me" */
  guint mail_port;           /* 0: 587 for starttls, 465 for tls, 25 for none */
  char *mail_security;       /* "starttls" (the default), "tls" or "none" */
  char *mail_from;           /* the From address */
  char *mail_username;       /* NULL: no login */
  char *mail_password_file;  /* the password, read when sending; never in the configuration itself */
  guint mail_timeout;        /* seconds one attempt may take; 60 */

  /* [keypad]: action = key names (GTK accelerator names, ";" between
   * several), read from merged by the window; see JK_KEYPAD_ACTIONS. */
};

/* The keypad's actions, each a key of [keypad], with its default keys. */
#define JK_KEYPAD_ACTIONS \
  X (NEXT, "next", "Down") \
  X (PREVIOUS, "previous", "Up") \
  X (SELECT, "select", "Return;KP_Enter") \
  X (BACK, "back", "Escape;BackSpace") \
  X (HELP, "help", "F1;Help") \
  X (SPEECH, "speech", "F2") \
  X (REPEAT, "repeat", "F3") \
  X (STOP, "stop", "F4") \
  X (SLOWER, "slower", "F5") \
  X (FASTER, "faster", "F6") \
  X (QUIETER, "quieter", "F7;XF86AudioLowerVolume") \
  X (LOUDER, "louder", "F8;XF86AudioRaiseVolume")

/* One key's effective value and where it came from (jobkioskctl config check). */
typedef struct {
  char *group;         /* "kiosk", "source job-bank" */
  char *key;
  char *value;         /* as it applies (a path resolved); NULL when unset;
                        * JK_CONFIG_VALUE_SET for a source's header value, never the value */
  char *file;          /* the file that set it ("--db" for that option); NULL: the default */
  guint line;
} JkConfigValue;

#define JK_CONFIG_VALUE_SET "(set)"

GQuark       jk_config_error_quark        (void);

JkConfig    *jk_config_new_defaults       (void);
JkConfig    *jk_config_load               (const char  *explicit_file,
                                           GError     **error);
gboolean     jk_config_load_file          (JkConfig    *self,
                                           const char  *path,
                                           GError     **error);
/* TRUE when every configuration file was read whole; otherwise error says
 * which files or lines were refused (JK_CONFIG_ERROR_INCOMPLETE), and what
 * the configuration does not name must not be taken to be gone. */
gboolean     jk_config_is_complete        (const JkConfig *self,
                                           GError        **error);
char        *jk_config_resolve_path       (const JkConfig *self,
                                           const char     *path);
void         jk_config_override_database  (JkConfig       *self,
                                           const char     *file);
char        *jk_config_get_database_path  (const JkConfig *self);
const char  *jk_config_mode_to_string     (JkConfigMode mode);
/* The name a visitor is shown for a source ([source NAME] display-name),
 * or NULL: the source's own NAME is an identifier, never shown. */
const char  *jk_config_get_source_display_name (const JkConfig *self,
                                                const char     *source);
void         jk_config_free               (JkConfig    *self);
/* Every key of every group ([source NAME] groups in the order read, their
 * header keys after), as it applies now: a GPtrArray of JkConfigValue. */
GPtrArray   *jk_config_list_values        (const JkConfig *self);
void         jk_config_value_free         (JkConfigValue  *value);

/* A problem found reading the configuration (JkConfig.problems), split. */
typedef struct {
  char *file;          /* NULL when the problem is a whole file or folder (message names it) */
  guint line;          /* 0: none */
  char *message;       /* "[group] key: what", or the words alone */
} JkConfigProblem;

/* jobkioskctl config check (src/core/fleet/jk-config-check.c): the values
 * as jk_config_list_values gives them with secrets left out (a feed url's
 * query; the check-in, usage and partner endpoints and calendar addresses
 * but for their scheme and host), and the problems split by file and line. */
GPtrArray   *jk_config_check_values       (const JkConfig  *self);
GPtrArray   *jk_config_check_problems     (const JkConfig  *self);
void         jk_config_problem_free       (JkConfigProblem *problem);

/* Where the program's shared data (demo, dictionaries) lives. */
const char  *jk_get_pkgdatadir            (void);
const char  *jk_get_sysconfdir            (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkConfig, jk_config_free)

G_END_DECLS
