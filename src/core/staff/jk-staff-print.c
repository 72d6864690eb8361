/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-staff-print.c: staff printouts (a usage report, a client's resume): no visit, no page limit, never held */

#define G_LOG_DOMAIN "jk-staff"

#include <jobkiosk/jk-staff-print.h>
#include <jobkiosk/jk-store.h>

gboolean
jk_staff_print (const JkConfig          *config,
                const char              *database_path,
                const JkDocumentRequest *request,
                JkPrintResult           *result,
                GCancellable            *cancellable,
                GError                 **error)
{
  g_autoptr (JkDocument) document = NULL;
  g_autoptr (JkStore) store = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  JkPrintOptions options = { 0 };
  GBytes *pdf;
  gboolean ok;

  document = jk_document_request_render (request, error);
  if (document == NULL)
    return FALSE;
  pdf = jk_document_get_pdf (document);
  if (pdf == NULL)
    {
      g_set_error_literal (error, JK_PRINT_ERROR, JK_PRINT_ERROR_INVALID, "the printout could not be written");
      return FALSE;
    }
  store = jk_store_open_writer (database_path, error);
  if (store == NULL)
    return FALSE;
  jk_print_options_init (&options, config, database_path);
  /* Staff stand at the printer and decide themselves: visit 0 counts
   * against no visit, and neither limit nor hold applies. */
  options.visit_page_limit = 0;
  options.day_page_limit = 0;
  options.hold_for_release = FALSE;
  ok = jk_print_pdf (store, &options, pdf, jk_document_get_kind (document), 1, 0, now, result, cancellable, error);
  jk_print_options_clear (&options);
  return ok;
}
