/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-appointments.h: appointments from the scheduling system's iCalendar (RFC 5545), kept as check-in needs them */
#pragma once

#include <glib.h>

#include "jk-config.h"

G_BEGIN_DECLS

#define JK_APPOINTMENTS_ERROR (jk_appointments_error_quark ())

typedef enum {
  JK_APPOINTMENTS_ERROR_MALFORMED,  /* not iCalendar, or truncated: says where */
  JK_APPOINTMENTS_ERROR_TOO_LARGE,  /* over JK_APPOINTMENTS_MAX_SIZE */
  JK_APPOINTMENTS_ERROR_FETCH,      /* the calendar could not be fetched: the previous appointments stay */
  JK_APPOINTMENTS_ERROR_FAILED,     /* the database or the secret */
} JkAppointmentsError;

/* A day's calendar is kilobytes; a file far larger is refused unread. */
#define JK_APPOINTMENTS_MAX_SIZE (16 * 1024 * 1024)

/* What an import or sync did. */
typedef struct {
  char *source;
  guint events;         /* VEVENTs read */
  guint kept;           /* occurrences stored (today and the days ahead kept) */
  guint cancelled;
  guint skipped;        /* all-day, past, without a code or a person, or not valid (see problems) */
  gboolean unchanged;   /* a sync whose calendar had not changed (304) */
  GPtrArray *problems;  /* char *: "event 12: DTSTART is missing or not a date-time" (never an event's text) */
  char *error;          /* a sync: why this calendar was not fetched or was refused (its previous
                         * appointments stay; calendar_state.last_error says the same); NULL when it was read */
} JkAppointmentsReport;

/* The days after today a sync keeps (a kiosk that starts early finds
 * tomorrow's first appointments already there). */
#define JK_APPOINTMENTS_SYNC_DAYS_AHEAD 1

/* Reads iCalendar data (libical) and replaces source's appointments in
 * one transaction: VTIMEZONE/TZID and daylight saving, Windows zone names
 * (Exchange/Outlook) through the CLDR table, overrides (RECURRENCE-ID)
 * before or after their master, all-day events ignored, STATUS:CANCELLED,
 * SEQUENCE updates, RRULE/EXDATE expanded for today (now's local day) and
 * the next days (days_ahead). SUMMARY and DESCRIPTION are never read.
 * A time without a zone is the kiosk's local time. A calendar that is cut
 * short, not iCalendar, or too large is refused (FALSE) and the source's
 * previous rows stay; otherwise they are replaced in one transaction, on
 * a writer connection of its own. report (may be NULL) is set on success.
 * Blocks: a worker's or the CLI's call. */
gboolean     jk_appointments_import_data  (const JkConfig        *config,
                                           const char            *database_path,
                                           const char            *source,
                                           const char            *data,
                                           gsize                  length,
                                           gint64                 now,
                                           guint                  days_ahead,
                                           JkAppointmentsReport **report,
                                           GError               **error);
gboolean     jk_appointments_import_file  (const JkConfig        *config,
                                           const char            *database_path,
                                           const char            *path,
                                           gint64                 now,
                                           guint                  days_ahead,
                                           JkAppointmentsReport **report,
                                           GError               **error);
/* The same, the rows kept under source (NULL: the file's name). */
gboolean     jk_appointments_import_file_as (const JkConfig      *config,
                                           const char            *database_path,
                                           const char            *path,
                                           const char            *source,
                                           gint64                 now,
                                           guint                  days_ahead,
                                           JkAppointmentsReport **report,
                                           GError               **error);
/* Fetches each [checkin] calendar (conditional GET with the validators
 * kept in calendar_state) and imports it, then purges past days. A
 * calendar that fails keeps its previous appointments: its report has
 * error set, and the sync goes on. Reports: one per calendar
 * (JkAppointmentsReport *); NULL with error only when the database fails. */
GPtrArray   *jk_appointments_sync         (const JkConfig        *config,
                                           const char            *database_path,
                                           gint64                 now,
                                           GError               **error);
/* Drops appointments and arrivals of days before now's local day. */
int          jk_appointments_purge        (const char            *database_path,
                                           gint64                 now,
                                           GError               **error);
void         jk_appointments_report_free  (JkAppointmentsReport  *report);

/* The IANA zone for a Windows zone name ("Eastern Standard Time"), or
 * NULL; from CLDR's windowsZones table. */
const char  *jk_appointments_windows_zone (const char            *windows_name);

GQuark       jk_appointments_error_quark  (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkAppointmentsReport, jk_appointments_report_free)

G_END_DECLS
