/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-checkin.h: today's appointments filed as a calendar import leaves them */
#pragma once

#include <jobkiosk/jk-config.h>

G_BEGIN_DECLS

/* An appointment for a test; NULL fields are left empty, a NULL service is
 * "Career Services". The greeting is "Maria N.", the room "Room 2", the
 * staff member "Ana". */
typedef struct {
  const char *uid;
  const char *code;
  const char *last_name;   /* with date_of_birth: filed under the kiosk's keyed hash of both */
  const char *date_of_birth;
  gint64 starts;           /* unix seconds; its local day is the row's day */
  gint64 ends;             /* 0: an hour after the start */
  const char *service;
  gboolean cancelled;
} JkTestAppointment;

/* Writes one through its own connection (so the kiosk's may be open). */
void         jk_test_add_appointment     (const JkConfig          *config,
                                          const char              *database_path,
                                          const JkTestAppointment *appointment);

G_END_DECLS
