/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-joblog.c: one row of a visitor's job-search log */

#define G_LOG_DOMAIN "jk-joblog"

#include <jobkiosk/jk-i18n.h>

#include "jobkiosk/jk-joblog.h"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* Optional fields are NULL when the visitor left them empty, so the
 * printout can tell "nothing said" from a blank string. */
static char *
dup_optional (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkLogEntry *
jk_log_entry_new (const GDate     *date,
                  const char      *employer,
                  const char      *position,
                  JkContactMethod  method,
                  const char      *contact,
                  const char      *result)
{
  JkLogEntry *entry = g_new0 (JkLogEntry, 1);

  g_date_clear (&entry->date, 1);
  if (date != NULL && g_date_valid (date))
    entry->date = *date;
  entry->employer = g_strdup (employer);
  entry->position = g_strdup (position);
  entry->method = method;
  entry->contact = dup_optional (contact);
  entry->result = dup_optional (result);
  return entry;
}

void
jk_log_entry_free (JkLogEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->employer);
  g_free (entry->position);
  g_free (entry->contact);
  g_free (entry->result);
  g_free (entry);
}

const char *
jk_contact_method_to_label (JkContactMethod method)
{
  switch (method)
    {
    case JK_CONTACT_ONLINE:
      /* TRANSLATORS: how a job seeker contacted an employer, in the job-search log */
      return _("Online");
    case JK_CONTACT_IN_PERSON:
      /* TRANSLATORS: how a job seeker contacted an employer, in the job-search log */
      return _("In person");
    case JK_CONTACT_PHONE:
      /* TRANSLATORS: how a job seeker contacted an employer, in the job-search log */
      return _("Phone");
    case JK_CONTACT_EMAIL:
      /* TRANSLATORS: how a job seeker contacted an employer, in the job-search log */
      return _("Email");
    default:
      return "";
    }
}
