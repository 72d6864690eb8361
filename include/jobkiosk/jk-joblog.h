/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a visitor contacted an employer, for a job-search (work-search) log. */
typedef enum {
  JK_CONTACT_ONLINE,
  JK_CONTACT_IN_PERSON,
  JK_CONTACT_PHONE,
  JK_CONTACT_EMAIL,
} JkContactMethod;

/* One row of the Job Search Log a caseworker expects: kept in the visitor's
 * session only, printed on request, never stored. */
typedef struct {
  GDate date;
  char *employer;
  char *position;
  JkContactMethod method;
  char *contact;   /* a person's name, optional */
  char *result;    /* "Applied", "Interview set for Monday", optional */
} JkLogEntry;

JkLogEntry  *jk_log_entry_new            (const GDate     *date,
                                          const char      *employer,
                                          const char      *position,
                                          JkContactMethod  method,
                                          const char      *contact,
                                          const char      *result);
void         jk_log_entry_free           (JkLogEntry      *entry);
/* The method in the visitor's language ("Online", "En persona"…). */
const char  *jk_contact_method_to_label  (JkContactMethod  method);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkLogEntry, jk_log_entry_free)

G_END_DECLS
