/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-visit.c: a job seeker's list, log and name, kept in the session */

#define G_LOG_DOMAIN "jk-visit"

#include "jobkiosk/jk-visit.h"

#define SAVED_KEY "visit-saved-jobs"
#define LOG_KEY "visit-job-log"
#define NAME_KEY "visit-name"

static GPtrArray *
ensure_array (JkSession     *session,
              const char    *key,
              GDestroyNotify free_item)
{
  GPtrArray *array = jk_session_get_data (session, key);

  if (array == NULL)
    {
      array = g_ptr_array_new_with_free_func (free_item);
      jk_session_set_data (session, key, array, (GDestroyNotify) g_ptr_array_unref);
    }
  return array;
}

/* Reading never creates anything: an untouched visit stays pristine. */
static GPtrArray *
read_array (JkSession  *session,
            const char *key)
{
  static GPtrArray *empty;
  GPtrArray *array = jk_session_get_data (session, key);

  if (g_once_init_enter (&empty))
    g_once_init_leave (&empty, g_ptr_array_new ());
  return array != NULL ? array : empty;
}

GPtrArray *
jk_visit_get_saved_jobs (JkSession *session)
{
  return read_array (session, SAVED_KEY);
}

gboolean
jk_visit_is_saved (JkSession *session,
                   gint64     job_id)
{
  GPtrArray *saved = jk_session_get_data (session, SAVED_KEY);

  for (guint i = 0; saved != NULL && i < saved->len; i++)
    if (((JkJobRecord *) saved->pdata[i])->id == job_id)
      return TRUE;
  return FALSE;
}

void
jk_visit_save_job (JkSession         *session,
                   const JkJobRecord *record)
{
  if (!jk_visit_is_saved (session, record->id))
    g_ptr_array_add (ensure_array (session, SAVED_KEY, (GDestroyNotify) jk_job_record_free),
                     jk_job_record_copy (record));
}

void
jk_visit_unsave_job (JkSession *session,
                     gint64     job_id)
{
  GPtrArray *saved = jk_session_get_data (session, SAVED_KEY);

  for (guint i = 0; saved != NULL && i < saved->len; i++)
    if (((JkJobRecord *) saved->pdata[i])->id == job_id)
      {
        g_ptr_array_remove_index (saved, i);
        return;
      }
}

GPtrArray *
jk_visit_get_log (JkSession *session)
{
  return read_array (session, LOG_KEY);
}

void
jk_visit_add_log_entry (JkSession  *session,
                        JkLogEntry *entry)
{
  g_ptr_array_add (ensure_array (session, LOG_KEY, (GDestroyNotify) jk_log_entry_free), entry);
}

const char *
jk_visit_get_name (JkSession *session)
{
  return jk_session_get_data (session, NAME_KEY);
}

void
jk_visit_set_name (JkSession  *session,
                   const char *name)
{
  jk_session_set_data (session, NAME_KEY, name != NULL && name[0] != '\0' ? g_strdup (name) : NULL, g_free);
}
