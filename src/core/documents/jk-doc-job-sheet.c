/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-doc-job-sheet.c: one posting on paper, its apply link as a QR code */

#define G_LOG_DOMAIN "jk-document"

#include <jobkiosk/jk-i18n.h>

#include "jobkiosk/jk-format.h"
#include "documents/jk-layout-private.h"

#define SHEET_QR_SIZE     115.2  /* 1.6 in: scans from a phone held at reading distance */
#define SHEET_QR_MAX      180.0

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* The box with the QR code beside the words and the address in full. */
static void
add_apply_box (Composer   *c,
               const char *url)
{
  const double padding = 14;
  const double gap = 18;
  g_autoptr (JkQrMatrix) qr = jk_qr_encode (url, NULL);
  double qr_size = qr != NULL ? jk_layout_choose_qr_size (qr, SHEET_QR_SIZE, SHEET_QR_MAX) : 0;
  double text_x = c->left + padding + (qr != NULL ? qr_size + gap : 0);
  double text_width = c->right - padding - text_x;
  g_autoptr (PangoLayout) heading = jk_layout_create_text (c, STYLE_HEADING, _("How to apply"), text_width);
  g_autoptr (PangoLayout) how = NULL;
  g_autoptr (PangoLayout) address = NULL;
  double text_height;
  double box_height;
  double y;

  if (url != NULL && url[0] != '\0')
    {
      g_autofree char *lines = jk_layout_break_url (c, STYLE_BODY, url, text_width, text_width);

      how = jk_layout_create_text (c, STYLE_BODY,
                                   qr != NULL
                                   ? _("Point your phone’s camera at the square code, or type this address:")
                                   : _("Go to this address:"),
                                   text_width);
      address = jk_layout_create_text (c, STYLE_BODY, lines, text_width);
      pango_layout_set_wrap (address, PANGO_WRAP_CHAR);
    }
  else
    how = jk_layout_create_text (c, STYLE_BODY,
                                 _("This posting does not say how to apply. Ask staff at the front desk for help."),
                                 text_width);

  text_height = jk_layout_measure_height (heading) + 6 + jk_layout_measure_height (how)
                + (address != NULL ? 6 + jk_layout_measure_height (address) : 0);
  box_height = MAX (qr_size, text_height) + 2 * padding;

  if (box_height > c->bottom - c->top)
    {
      /* An address too long for one page: no box, just let it flow. */
      jk_layout_add_heading (c, _("How to apply"));
      jk_composer_flow (c, how, STYLE_BODY, c->left, NULL, 0);
      if (address != NULL)
        jk_composer_flow (c, address, STYLE_BODY, c->left, NULL, 0);
      return;
    }

  jk_composer_need (c, box_height);
  y = c->y;
  cairo_set_source_rgb (c->cr, 0.94, 0.96, 0.99);
  cairo_rectangle (c->cr, c->left, y, c->right - c->left, box_height);
  cairo_fill_preserve (c->cr);
  jk_layout_set_ink (c->cr, INK_ACCENT);
  cairo_set_line_width (c->cr, 1.25);
  cairo_stroke (c->cr);
  if (qr != NULL)
    jk_qr_draw (c->cr, qr, c->left + padding, y + padding, qr_size);
  y += padding;
  jk_layout_draw_text (c, heading, STYLE_HEADING, text_x, y);
  y += jk_layout_measure_height (heading) + 6;
  jk_layout_draw_text (c, how, STYLE_BODY, text_x, y);
  y += jk_layout_measure_height (how) + 6;
  if (address != NULL)
    jk_layout_draw_text (c, address, STYLE_BODY, text_x, y);
  c->y += box_height;
}

static JkDocument *
render_job_sheet (const JkDocumentContext *context,
                  gconstpointer            input,
                  GError                 **error)
{
  const JkJobRecord *record = input;
  const JkJob *job;
  Composer c;
  g_autofree char *place = NULL;
  g_autofree char *pay = NULL;
  g_autofree char *schedule = NULL;
  g_autofree char *education = NULL;
  g_autofree char *dates = NULL;
  const char *source_name;

  g_return_val_if_fail (record != NULL && record->job != NULL, NULL);
  source_name = context != NULL && context->config != NULL ?
                jk_config_get_source_display_name (context->config, record->source) : NULL;
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  job = record->job;
  jk_composer_init (&c, context, _(jk_document_job_sheet.title));
  place = jk_layout_format_place (job);
  pay = jk_format_pay (job);
  schedule = jk_format_employment_type (job->employment_type);
  education = jk_format_education (job->education);
  dates = jk_layout_format_dates (job, c.printed_at);

  jk_layout_add_text (&c, STYLE_TITLE, jk_layout_get_title (job));
  c.y += 4;
  if (job->employer != NULL)
    jk_layout_add_text (&c, STYLE_SUBTITLE, job->employer);
  if (place != NULL)
    jk_layout_add_text (&c, STYLE_SUBTITLE, place);

  jk_composer_space (&c, 12);
  jk_layout_add_text (&c, STYLE_PAY, pay);
  c.y += 4;
  if (schedule != NULL)
    /* TRANSLATORS: before the kind of schedule on a printed job posting: "Schedule: Full-time" */
    jk_layout_add_label_text (&c, STYLE_BODY, _("Schedule:"), schedule);
  if (education != NULL)
    /* TRANSLATORS: before the schooling a job asks for */
    jk_layout_add_label_text (&c, STYLE_BODY, _("Education:"), education);
  if (dates != NULL)
    jk_layout_add_text (&c, STYLE_BODY, dates);
  /* The source as staff named it for visitors; its identifier never. */
  if (source_name != NULL)
    /* TRANSLATORS: before the name of the job board a posting came from */
    jk_layout_add_label_text (&c, STYLE_BODY, _("From:"), source_name);

  jk_composer_space (&c, 16);
  add_apply_box (&c, job->apply_url);

  if (job->description != NULL && job->description[0] != '\0')
    {
      jk_composer_space (&c, 6);
      /* TRANSLATORS: heading above a job's description on the printout */
      jk_layout_add_heading (&c, _("About this job"));
      jk_layout_add_description (&c, job->description);
    }

  return jk_composer_finish (&c, jk_document_job_sheet.id, error);
}

static gpointer
copy_record (gconstpointer input)
{
  return jk_job_record_copy (input);
}

static void
free_record (gpointer input)
{
  jk_job_record_free (input);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

const JkDocumentKind jk_document_job_sheet = {
  .id = "job sheet",
  /* TRANSLATORS: the title in the header of a printed job posting */
  .title = N_("Job posting"),
  .render = render_job_sheet,
  .copy_input = copy_record,
  .free_input = free_record,
};
