/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-checkin.h: checking in for today's appointments, walk-ins, today's arrivals, and staff told through the outbox */
#pragma once

#include <glib.h>

#include "jk-config.h"

G_BEGIN_DECLS

#define JK_CHECKIN_ERROR (jk_checkin_error_quark ())

typedef enum {
  JK_CHECKIN_ERROR_BAD_INPUT,   /* not a code, not a name or a date */
  JK_CHECKIN_ERROR_RATE_LIMITED,/* too many tries that found nothing: wait a minute */
  JK_CHECKIN_ERROR_FAILED,      /* the database or the secret */
  JK_CHECKIN_ERROR_NOT_FOUND,   /* jk_checkin_mark: no arrival of today has this id */
} JkCheckinError;

typedef enum {
  JK_CHECKIN_CHECKED_IN,        /* in the window: arrivals written, staff told */
  JK_CHECKIN_EARLY,             /* before the window: noted as here, staff told */
  JK_CHECKIN_LATE,              /* after the window: "Please check in at the front desk" */
  JK_CHECKIN_NOT_FOUND,         /* not today, or nobody: one message, no hint which */
} JkCheckinOutcome;

/* One appointment as the kiosk may show it: never a full name. */
typedef struct {
  gint64 starts;                /* unix seconds */
  char *service;
  char *location;
  char *staff;                  /* first name */
} JkCheckinAppointment;

typedef struct {
  JkCheckinOutcome outcome;
  char *greeting;               /* "Maria N.", or NULL */
  GPtrArray *appointments;      /* JkCheckinAppointment: all of the person's today, earliest first */
  gboolean already;             /* checked in before: nothing changed */
} JkCheckinResult;

/* Walk-in reasons, as keys (CLI, counts, what staff are sent) and words. */
#define JK_WALKIN_REASONS \
  X (LOOK_FOR_WORK, "look-for-work", N_("Look for work")) \
  X (COMPUTER, "computer", N_("Use a computer or printer")) \
  X (RESUME, "resume", N_("Resume help")) \
  X (UNEMPLOYMENT, "unemployment", N_("Unemployment insurance")) \
  X (WORK_PROGRAM, "work-program", N_("TANF or SNAP work program")) \
  X (CASE_MANAGER, "case-manager", N_("See my case manager")) \
  X (WORKSHOP, "workshop", N_("Workshop or class")) \
  X (OTHER, "other", N_("Something else"))

typedef struct {
  guint queue_number;
  guint waiting_ahead;          /* walk-ins still waiting before this one */
  guint estimate_minutes;       /* from today's flow; 0 when there is none yet */
} JkWalkinResult;

typedef struct {
  gint64 id;
  gint64 arrived;
  char *kind;                   /* "appointment", "walk-in" */
  char *greeting;
  char *reason;
  gint64 starts;                /* the appointment's start; 0 for a walk-in */
  guint queue_number;
  char *state;                  /* waiting, called, served, no-show */
  gint64 called;                /* when staff called it; 0 before */
  gint64 served;                /* when staff marked it served; 0 before */
} JkArrival;

/* Each call opens its own connection (a worker's or the CLI's); writes go
 * in one transaction with the outbox row that tells staff. now: unix
 * seconds. */
JkCheckinResult *jk_checkin_by_code     (const JkConfig *config,
                                         const char     *database_path,
                                         const char     *code,
                                         gint64          now,
                                         GError        **error);
JkCheckinResult *jk_checkin_by_person   (const JkConfig *config,
                                         const char     *database_path,
                                         const char     *last_name,
                                         const char     *date_of_birth,   /* YYYY-MM-DD */
                                         gint64          now,
                                         GError        **error);
/* reason: a key of JK_WALKIN_REASONS; first_name and phone may be NULL. */
JkWalkinResult  *jk_checkin_walk_in     (const JkConfig *config,
                                         const char     *database_path,
                                         const char     *reason,
                                         const char     *first_name,
                                         const char     *phone,
                                         gint64          now,
                                         GError        **error);
/* Today's arrivals (day: YYYY-MM-DD, NULL for now's), in arrival order,
 * no-shows marked after [checkin] grace-minutes: JkArrival. */
GPtrArray       *jk_checkin_arrivals    (const JkConfig *config,
                                         const char     *database_path,
                                         const char     *day,
                                         gint64          now,
                                         GError        **error);
/* Staff mark an arrival of today (its id from jk_checkin_arrivals):
 * state is "called", "served", "no-show" or "waiting" (undo). Called and
 * served remember their first time: the walk-in wait is reckoned from them. */
gboolean         jk_checkin_mark        (const char     *database_path,
                                         gint64          id,
                                         const char     *state,
                                         gint64          now,
                                         GError        **error);
/* A code as typed or scanned, normalized; NULL when it cannot be one
 * (control characters, too long, outside the alphabet). */
char            *jk_checkin_code_normalize (const char  *text);
const char      *jk_walkin_reason_label (const char     *key);  /* untranslated msgid, or NULL */

void             jk_checkin_result_free (JkCheckinResult *result);
void             jk_walkin_result_free  (JkWalkinResult  *result);
void             jk_arrival_free        (JkArrival       *arrival);

GQuark           jk_checkin_error_quark (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkCheckinResult, jk_checkin_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkWalkinResult, jk_walkin_result_free)

G_END_DECLS
