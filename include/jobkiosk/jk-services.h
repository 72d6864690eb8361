/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-services.h: partner services: an Open Referral (HSDS) directory imported, searched, and its hours in words */
#pragma once

#include <glib.h>

#include "jk-store.h"

G_BEGIN_DECLS

/* The tables are migration 21's (services_imports, service_organizations,
 * services, service_locations, ... in jk-store.c).
 *
 * What jk_services_import reads, told apart by the files present:
 *
 * - HSDS 3.0 tables (a folder with service.csv, singular, usually beside a
 *   datapackage.json): organization, service, location, address, phone,
 *   schedule, service_at_location, language, taxonomy_term, attribute
 *   (the link from a service to its taxonomy terms), each NAME.csv. A
 *   schedule row with valid_from and valid_to but neither opens_at nor
 *   closes_at is a closure on those dates (a holiday).
 * - HSDS 1.x / 2.0 tables (services.csv, plural): organizations,
 *   services, locations, physical_addresses, phones, services_at_location,
 *   regular_schedules (weekday, opens_at, closes_at), holiday_schedules
 *   (closed, start_date, end_date), languages, eligibility, taxonomy and
 *   services_taxonomy.
 * - A plain CSV (one file, or the only .csv in a folder, named other
 *   than service.csv or services.csv), one row per
 *   service, with the header names: organization, service, description,
 *   category, address, city, state, postal_code, phone, hours, url,
 *   languages, eligibility (case and spaces aside; organization and
 *   service required, the rest may be absent). category is one of the
 *   keys below, or words that map to one (the same table as taxonomy
 *   terms); several are separated by ";". languages are separated by ";"
 *   or ",". hours is kept as words: the kiosk shows it as written and
 *   cannot tell whether the service is open now.
 *
 * A re-import replaces the whole directory in one transaction. A file
 * that cannot be read (a quote left open, a record with more fields than
 * its header, a required column or a service's name missing, a time that
 * is not HH:MM, a date that is not YYYY-MM-DD) is refused with
 * JK_SERVICES_ERROR_FORMAT, "FILE:LINE: reason", and the directory the
 * kiosk had stays. A directory with no services, or fewer than min_share
 * of the last import's (JK_SERVICES_MIN_SHARE by default), is refused
 * with JK_SERVICES_ERROR_SHRUNK, as a feed refuses a shrunken snapshot.
 * Rows naming a service or place the directory does not have are skipped
 * (directories are often cut from a larger one); services whose status is
 * "inactive" or "defunct" are not kept. A place without coordinates gets
 * its ZIP code's centroid when the kiosk has it (jobkioskctl geo import).
 *
 * The nine category keys, the kiosk's "Other help" tiles: childcare,
 * transportation (Getting to work), food, housing, health, education
 * (Education and GED), disability, legal, money (Money and benefits).
 * A taxonomy term maps to one by its code (AIRS/211 LA: BD food, BH
 * housing, BT transportation, BV money, F legal, H education, L health,
 * LR disability, N money, PH-1250 childcare) or else by its name's words
 * (Open Eligibility's "Food", "Housing", "Transit", "Health", "Money",
 * "Education", "Legal", "Care" > "Childcare"...); jk_services_category_for
 * is the table. A service with no term that maps has no category. */

#define JK_SERVICES_ERROR (jk_services_error_quark ())
/* The share of the last import a new one must reach. */
#define JK_SERVICES_MIN_SHARE 0.5

typedef enum {
  JK_SERVICES_ERROR_FORMAT,  /* FILE:LINE: reason */
  JK_SERVICES_ERROR_EMPTY,   /* nothing the kiosk can read at the path */
  JK_SERVICES_ERROR_SHRUNK,  /* no services, or far fewer than the last import */
  JK_SERVICES_ERROR_NOT_FOUND, /* no service with that id (a re-import gives new ids) */
} JkServicesError;

GQuark       jk_services_error_quark   (void);

/* The nine keys in the tiles' order, NULL-terminated. */
const char *const *jk_services_categories (void);
gboolean     jk_services_is_category   (const char *key);
/* The tile's words for a key, translated ("Getting to work"); NULL for
 * no key. */
const char  *jk_services_category_name (const char *key);
/* A taxonomy term's code and/or name (either may be NULL), or a plain
 * list's category cell, to a key; NULL when none fits. */
const char  *jk_services_category_for  (const char *code,
                                        const char *name);

typedef struct {
  char *source;       /* the file's or folder's name */
  char *format;       /* "hsds-3", "hsds-2", "plain" */
  gint64 services;
  gint64 locations;
} JkServicesImport;

void         jk_services_import_free   (JkServicesImport *import);

/* Imports the directory at path (a folder or a file), now the import's
 * time (Unix). NULL with error when refused; the old directory stays. */
JkServicesImport *jk_services_import   (JkStore    *store,
                                        const char *path,
                                        gint64      now,
                                        GError    **error);
/* The same with the share of the last import to reach (0-1). */
JkServicesImport *jk_services_import_with_share (JkStore    *store,
                                                 const char *path,
                                                 gint64      now,
                                                 double      min_share,
                                                 GError    **error);

/* ---------------------------------------------------------------------- */
/* Hours                                                                  */

typedef enum {
  JK_SERVICE_OPEN_UNKNOWN = -1,  /* no schedule listed */
  JK_SERVICE_CLOSED = 0,
  JK_SERVICE_OPEN = 1,
} JkServiceOpen;

/* One schedule row. A closure (closed) shuts the whole of each day from
 * valid_from to valid_to. */
typedef struct {
  guint8 days;        /* bit 1 Monday .. bit 7 Sunday (ISO weekdays); 0: every day */
  int opens;          /* minutes after midnight; -1 when not given */
  int closes;         /* minutes; at or before opens: the next day's */
  char valid_from[11];  /* YYYY-MM-DD, or "" */
  char valid_to[11];
  gboolean closed;
} JkServiceSchedule;

/* "MO,TU", "Monday", "1" (ISO) → days bits; 0 for none. */
guint8       jk_services_parse_days    (const char *text);
/* "09:00", "9:00:00", "17:30Z" → minutes; -1 when not a time. */
int          jk_services_parse_time    (const char *text);

/* Whether open at now (local time) by the schedules (JkServiceSchedule);
 * when open, *until the time it closes; when closed, *next the next
 * opening within a week (or NULL). Either may be NULL. */
JkServiceOpen jk_services_open_at      (GPtrArray  *schedules,
                                        GDateTime  *now,
                                        GDateTime **until,
                                        GDateTime **next);
/* "Open now until 5 PM", "Closed now; opens Monday at 9 AM", "Closed
 * today", "Hours not listed" in the thread's language; hours_text (a
 * plain list's words, may be NULL) is said when there are no schedules. */
char        *jk_services_hours_words   (GPtrArray  *schedules,
                                        const char *hours_text,
                                        GDateTime  *now);
/* The usual week in the thread's language, one line per set of days with
 * the same hours ("Monday to Friday: 9 AM to 5 PM", "Tuesday and
 * Thursday: 10 AM to 2 PM", "Saturday: 9 AM to 12 PM and 1 PM to 3 PM"),
 * in the order of the week from Monday; days without hours and closures
 * are left out, validity dates ignored. NULL when there are no hours. */
char        *jk_services_week_words    (GPtrArray  *schedules);

/* ---------------------------------------------------------------------- */
/* Searching                                                              */

typedef struct {
  gint64 id;
  char *organization;
  char *name;
  char *description;
  char *address, *city, *state, *postal_code;  /* its nearest (or first) place */
  char *phone;
  char *url;
  char *email;
  char *eligibility;
  char *fees;
  char *hours;          /* jk_services_hours_words at the search's now */
  char *week_hours;     /* jk_services_week_words, a line a set of days; NULL without schedules */
  JkServiceOpen open_now;
  GStrv languages;      /* as the directory names them */
  GStrv categories;     /* keys */
  double distance_miles;  /* NAN when not known */
} JkService;

void         jk_service_free           (JkService *service);
JkService   *jk_service_copy           (const JkService *service);
/* "12 Oak St, Columbus, OH 43215" from what is known; NULL for nothing. */
char        *jk_services_format_place  (const JkService *service);

/* Services matching text's words (English or Spanish; NULL or "" for
 * all) in category (a key, or NULL), by name; at most limit (0: all).
 * An array of JkService, or NULL with error. */
GPtrArray   *jk_services_search        (JkStore    *store,
                                        const char *text,
                                        const char *category,
                                        GDateTime  *now,
                                        guint       limit,
                                        GError    **error);
/* The same, nearest first from (latitude, longitude); services whose
 * place is not known after, by name. */
GPtrArray   *jk_services_search_near   (JkStore    *store,
                                        const char *text,
                                        const char *category,
                                        double      latitude,
                                        double      longitude,
                                        GDateTime  *now,
                                        guint       limit,
                                        GError    **error);
/* One service by its id, its place the first listed (no distance);
 * NULL with JK_SERVICES_ERROR_NOT_FOUND when the directory has none. */
JkService   *jk_services_get           (JkStore    *store,
                                        gint64      id,
                                        GDateTime  *now,
                                        GError    **error);
/* The service as a vCard 3.0 (RFC 2426): FN (the service), ORG, TEL,
 * ADR, EMAIL and URL where known; text escaped (\\ \, \; \n), lines
 * ending in CRLF, folded at 75 octets. */
char        *jk_services_vcard         (const JkService *service);
/* What the service's QR code holds: its link when it has one, else its
 * vCard. */
char        *jk_services_qr_text       (const JkService *service);
/* How many services the kiosk has. */
gint64       jk_services_count         (JkStore    *store,
                                        GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkServicesImport, jk_services_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkService, jk_service_free)

G_END_DECLS
