/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-document-kinds.c: the registered kinds of printout */

#define G_LOG_DOMAIN "jk-document"

#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-i18n.h>

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static GPtrArray *
copy_records (gconstpointer input)
{
  const GPtrArray *records = input;
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_job_record_free);

  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (copy, jk_job_record_copy (records->pdata[i]));
  return copy;
}

static gpointer
copy_record (gconstpointer input)
{
  return jk_job_record_copy (input);
}

static gpointer
copy_search_log (gconstpointer input)
{
  const JkSearchLogInput *log = input;
  JkSearchLogInput *copy = g_new0 (JkSearchLogInput, 1);

  copy->visitor_name = g_strdup (log->visitor_name);
  copy->week_start = log->week_start;
  copy->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_log_entry_free);
  for (guint i = 0; i < log->entries->len; i++)
    {
      const JkLogEntry *entry = log->entries->pdata[i];
      g_ptr_array_add (copy->entries, jk_log_entry_new (&entry->date, entry->employer, entry->position, entry->method,
                                                        entry->contact, entry->result));
    }
  return copy;
}

static void
free_search_log (gpointer input)
{
  JkSearchLogInput *log = input;

  g_free ((char *) log->visitor_name);
  g_ptr_array_unref (log->entries);
  g_free (log);
}

static JkDocument *
render_job_sheet (const JkDocumentContext *context,
                  gconstpointer            input,
                  GError                 **error)
{
  return jk_document_render_job_sheet (context, input, error);
}

static JkDocument *
render_job_list (const JkDocumentContext *context,
                 gconstpointer            input,
                 GError                 **error)
{
  return jk_document_render_job_list (context, (GPtrArray *) input, error);
}

static JkDocument *
render_search_log (const JkDocumentContext *context,
                   gconstpointer            input,
                   GError                 **error)
{
  const JkSearchLogInput *log = input;

  return jk_document_render_search_log (context, log->visitor_name, &log->week_start, log->entries, error);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

const JkDocumentKind jk_document_job_sheet = {
  "job sheet", N_("Job details"), render_job_sheet, copy_record, (GDestroyNotify) jk_job_record_free,
};

const JkDocumentKind jk_document_job_list = {
  "job list", N_("My list"), render_job_list, (gpointer (*) (gconstpointer)) copy_records,
  (GDestroyNotify) g_ptr_array_unref,
};

const JkDocumentKind jk_document_search_log = {
  "job search log", N_("Job Search Log"), render_search_log, copy_search_log, free_search_log,
};

static const JkDocumentKind *const kinds[] = {
  &jk_document_job_sheet,
  &jk_document_job_list,
  &jk_document_search_log,
};

const JkDocumentKind *
jk_document_kind_lookup (const char *id)
{
  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i]->id, id) == 0)
      return kinds[i];
  return NULL;
}

JkDocument *
jk_document_render (const JkDocumentKind    *kind,
                    const JkDocumentContext *context,
                    gconstpointer            input,
                    GError                 **error)
{
  JkDocument *document;

  jk_i18n_set_thread_language (context->language);
  document = kind->render (context, input, error);
  jk_i18n_set_thread_language (NULL);
  return document;
}
