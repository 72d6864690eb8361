/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-doc-job-list.c: the saved jobs, several to a page, each with a small QR code */

#define G_LOG_DOMAIN "jk-document"

#include <jobkiosk/jk-i18n.h>

#include "jobkiosk/jk-format.h"
#include "documents/jk-layout-private.h"

#define LIST_QR_SIZE      64.8   /* 0.9 in */
#define LIST_QR_MAX       96.0

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* One saved posting: a few lines of text with a small QR code beside them,
 * kept on one page, a rule between postings. */
static void
add_list_item (Composer          *c,
               const JkJobRecord *record,
               gboolean           first)
{
  const JkJob *job = record->job;
  const double gap = 14;
  const char *url = job->apply_url != NULL && job->apply_url[0] != '\0' ? job->apply_url : NULL;
  g_autoptr (JkQrMatrix) qr = jk_qr_encode (url, NULL);
  double qr_size = qr != NULL ? jk_layout_choose_qr_size (qr, LIST_QR_SIZE, LIST_QR_MAX) : 0;
  double text_width = c->right - c->left - (qr != NULL ? qr_size + gap : 0);
  g_autofree char *place = jk_layout_format_place (job);
  g_autofree char *pay = jk_format_pay (job);
  g_autofree char *schedule = jk_format_employment_type (job->employment_type);
  g_autoptr (GString) where = g_string_new (job->employer);
  PangoLayout *layouts[4] = { NULL };
  Style styles[4] = { STYLE_ITEM_TITLE, STYLE_BODY_SMALL, STYLE_CELL_HEAD, STYLE_BODY_SMALL };
  double text_height = 0;
  double height;
  double y;

  if (place != NULL)
    g_string_append_printf (where, "%s%s", where->len > 0 ? "  ·  " : "", place);
  if (schedule != NULL)
    {
      g_autofree char *with_schedule = g_strconcat (pay, "  ·  ", schedule, NULL);

      g_free (pay);
      pay = g_steal_pointer (&with_schedule);
    }

  layouts[0] = jk_layout_create_text (c, STYLE_ITEM_TITLE, jk_layout_get_title (job), text_width);
  layouts[1] = jk_layout_create_text (c, STYLE_BODY_SMALL, where->str, text_width);
  layouts[2] = jk_layout_create_text (c, STYLE_CELL_HEAD, pay, text_width);
  {
    /* TRANSLATORS: before a job's web address on the printed list of saved jobs */
    const char *label = _("Apply:");
    g_autoptr (PangoLayout) label_layout = jk_layout_create_text (c, STYLE_BODY_SMALL, label, -1);
    double label_width = jk_layout_measure_width (label_layout) * 1.1 + 6;
    g_autofree char *lines = url != NULL
                             ? jk_layout_break_url (c, STYLE_BODY_SMALL, url, text_width - label_width, text_width)
                             /* TRANSLATORS: on the printed list of saved jobs */
                             : g_strdup (_("Ask the employer how to apply."));

    layouts[3] = jk_layout_create_label_text (c, STYLE_BODY_SMALL, label, lines, text_width);
  }
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    text_height += jk_layout_measure_height (layouts[i]) + (i > 0 ? 3 : 0);
  height = MAX (text_height, qr_size);

  if (!first)
    {
      if (c->y + 24 + height > c->bottom)
        jk_composer_new_page (c);
      else
        {
          c->y += 12;
          jk_layout_draw_rule (c->cr, c->left, c->right, c->y, 0.75, INK_MUTED);
          c->y += 12;
        }
    }

  if (height > c->bottom - c->top)
    {
      /* Absurdly long text: let it flow rather than run off the page. */
      for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
        jk_composer_flow (c, layouts[i], styles[i], c->left, NULL, 0);
    }
  else
    {
      jk_composer_need (c, height);
      y = c->y;
      if (qr != NULL)
        jk_qr_draw (c->cr, qr, c->right - qr_size, y, qr_size);
      for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
        {
          jk_layout_draw_text (c, layouts[i], styles[i], c->left, y);
          y += jk_layout_measure_height (layouts[i]) + 3;
        }
      c->y += height;
    }
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    g_object_unref (layouts[i]);
}

static JkDocument *
render_job_list (const JkDocumentContext *context,
                 gconstpointer            input,
                 GError                 **error)
{
  const GPtrArray *records = input;
  Composer c;
  guint n = records != NULL ? records->len : 0;
  g_autofree char *count = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  jk_composer_init (&c, context, _(jk_document_job_list.title));
  jk_layout_add_text (&c, STYLE_TITLE, _("My saved jobs"));
  /* TRANSLATORS: how many jobs are on the printed list */
  count = g_strdup_printf (jk_ngettext ("%u job", "%u jobs", n), n);
  jk_layout_add_text (&c, STYLE_SUBTITLE, count);
  jk_composer_space (&c, 14);
  jk_layout_draw_rule (c.cr, c.left, c.right, c.y, 1.25, INK_ACCENT);
  c.y += 14;

  if (n == 0)
    jk_layout_add_text (&c, STYLE_BODY, _("You have not saved any jobs yet."));
  for (guint i = 0; i < n; i++)
    {
      const JkJobRecord *record = records->pdata[i];

      if (record != NULL && record->job != NULL)
        add_list_item (&c, record, i == 0);
    }

  return jk_composer_finish (&c, jk_document_job_list.id, error);
}

/* The same list as plain text, for an email's body: each job's title,
 * employer and place, pay and schedule, and where to apply. */
static char *
render_job_list_text (const JkDocumentContext *context,
                      gconstpointer            input)
{
  const GPtrArray *records = input;
  GString *text = g_string_new (NULL);
  guint n = records != NULL ? records->len : 0;

  g_string_append_printf (text, "%s\n", _("My saved jobs"));
  g_string_append_printf (text, jk_ngettext ("%u job", "%u jobs", n), n);
  g_string_append (text, "\n");
  if (n == 0)
    g_string_append_printf (text, "\n%s\n", _("You have not saved any jobs yet."));
  for (guint i = 0; i < n; i++)
    {
      const JkJobRecord *record = records->pdata[i];
      const JkJob *job = record != NULL ? record->job : NULL;
      g_autofree char *place = NULL;
      g_autofree char *pay = NULL;
      g_autofree char *schedule = NULL;

      if (job == NULL)
        continue;
      place = jk_layout_format_place (job);
      pay = jk_format_pay (job);
      schedule = jk_format_employment_type (job->employment_type);
      g_string_append_printf (text, "\n%s\n", jk_layout_get_title (job));
      if (job->employer != NULL && job->employer[0] != '\0')
        g_string_append_printf (text, "%s\n", job->employer);
      if (place != NULL)
        g_string_append_printf (text, "%s\n", place);
      if (pay != NULL)
        g_string_append_printf (text, "%s%s%s\n", pay, schedule != NULL ? " · " : "", schedule != NULL ? schedule : "");
      if (job->apply_url != NULL && job->apply_url[0] != '\0')
        g_string_append_printf (text, "%s %s\n", _("Apply:"), job->apply_url);
      else
        g_string_append_printf (text, "%s\n", _("Ask the employer how to apply."));
    }
  return g_string_free (text, FALSE);
}

static gpointer
copy_records (gconstpointer input)
{
  const GPtrArray *records = input;
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_job_record_free);

  for (guint i = 0; records != NULL && i < records->len; i++)
    if (records->pdata[i] != NULL)
      g_ptr_array_add (copy, jk_job_record_copy (records->pdata[i]));
  return copy;
}

static void
free_records (gpointer input)
{
  if (input != NULL)
    g_ptr_array_unref (input);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

const JkDocumentKind jk_document_job_list = {
  .id = "job list",
  /* TRANSLATORS: the title of the printed list of jobs a visitor saved */
  .title = N_("My saved jobs"),
  .render = render_job_list,
  .copy_input = copy_records,
  .free_input = free_records,
  .render_text = render_job_list_text,
};
