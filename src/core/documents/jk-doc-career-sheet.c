/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-doc-career-sheet.c: one occupation on one page: the pay chart, the
 * outlook, the jobs open now, what it takes (the page on screen has the
 * tasks, with O*NET's attribution) */

#define G_LOG_DOMAIN "jk-document"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-lmi-words.h>
#include <math.h>

#include "documents/jk-layout-private.h"

#define CHART_HEIGHT 200.0

/* What the sheet prints, put into words on the main thread when it is
 * handed over (the render thread never reads the occupation). */
typedef struct {
  char *title;
  gboolean hourly;
  JkPayChartRow rows[3];
  guint n_rows;
  char *pay_source;
  char *outlook;
  char *change;
  char *openings;
  char *outlook_source;
  char *education;
  char *experience;
  char *training;
  GPtrArray *requirements;
  char *open_jobs;
  gboolean demo;
} Sheet;

static void
sheet_free (gpointer data)
{
  Sheet *sheet = data;

  g_free (sheet->title);
  for (guint i = 0; i < sheet->n_rows; i++)
    g_free ((char *) sheet->rows[i].area);
  g_free (sheet->pay_source);
  g_free (sheet->outlook);
  g_free (sheet->change);
  g_free (sheet->openings);
  g_free (sheet->outlook_source);
  g_free (sheet->education);
  g_free (sheet->experience);
  g_free (sheet->training);
  g_ptr_array_unref (sheet->requirements);
  g_free (sheet->open_jobs);
  g_free (sheet);
}

static gpointer
sheet_new (gconstpointer data)
{
  const JkCareerSheetInput *input = data;
  const JkLmiOccupation *o = input->occupation;
  Sheet *sheet = g_new0 (Sheet, 1);

  sheet->title = g_strdup (o->title);
  sheet->hourly = input->hourly;
  sheet->n_rows = jk_lmi_words_chart_rows (o, input->hourly, sheet->rows);
  for (guint i = 0; i < sheet->n_rows; i++)
    sheet->rows[i].area = g_strdup (sheet->rows[i].area);
  sheet->pay_source = jk_lmi_words_pay_source (o);
  if (o->projection != NULL)
    {
      sheet->outlook = g_strdup (jk_lmi_outlook_label (o->projection->outlook));
      sheet->change = jk_lmi_words_change (o->projection);
      sheet->openings = jk_lmi_words_openings (o->projection);
      sheet->outlook_source = jk_lmi_words_source (&o->projection->origin);
    }
  if (o->education != NULL)
    {
      sheet->education = g_strdup (o->education->education);
      sheet->experience = g_strdup (o->education->experience);
      sheet->training = g_strdup (o->education->training);
    }
  sheet->requirements = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; o->requirements != NULL && i < o->requirements->len; i++)
    g_ptr_array_add (sheet->requirements, jk_lmi_words_requirement (o->requirements->pdata[i]));
  sheet->open_jobs = jk_lmi_words_open_jobs (o->open_jobs);
  sheet->demo = o->demo;
  return sheet;
}

static void
add_chart (Composer    *c,
           const Sheet *sheet)
{
  const JkPayChartStyle style = {
    .ink = { 0, 0, 0 },
    .mark = { 0, 0, 0 },
    .range = { 0.78, 0.78, 0.78 },
    .middle = { 0.45, 0.45, 0.45 },
    .grid = { 0.85, 0.85, 0.85 },
    .paper = { 1, 1, 1 },
    .font = c->fonts[STYLE_BODY_SMALL],
    .bold = c->fonts[STYLE_CELL_HEAD],
  };
  double height = MIN (CHART_HEIGHT, 40 + 54.0 * sheet->n_rows);

  jk_composer_need (c, height);
  cairo_save (c->cr);
  cairo_translate (c->cr, c->left, c->y);
  jk_pay_chart_draw (c->cr, c->pango, c->right - c->left, height, sheet->rows, sheet->n_rows, sheet->hourly, &style);
  cairo_restore (c->cr);
  c->y += height + 6;
}

static JkDocument *
render_career_sheet (const JkDocumentContext *context,
                     gconstpointer            input,
                     GError                 **error)
{
  const Sheet *sheet = input;
  Composer c;

  g_return_val_if_fail (sheet != NULL, NULL);

  jk_composer_init (&c, context, _(jk_document_career_sheet.title));
  jk_layout_add_text (&c, STYLE_TITLE, sheet->title);
  /* Said once for the whole sheet; each figure's source line is then the
   * same words again, and left out. */
  if (sheet->demo)
    jk_layout_add_text (&c, STYLE_BODY_SMALL,
                        _("Demo data: the figures and texts on this sheet are made up to show how the kiosk works."));
  jk_composer_space (&c, 6);
  jk_layout_add_heading (&c, sheet->hourly ? _("Pay per hour") : _("Pay per year"));
  add_chart (&c, sheet);
  jk_layout_add_text (&c, STYLE_BODY_SMALL,
                      _("The bar shows what most workers earn, from the lowest 10% to the highest 10%; the darker "
                        "part is the middle half, and the mark the median: half earn more, half less."));
  if (!sheet->demo)
    jk_layout_add_text (&c, STYLE_BODY_SMALL, sheet->pay_source);

  if (sheet->outlook != NULL)
    {
      jk_composer_space (&c, 6);
      jk_layout_add_heading (&c, _("Outlook"));
      jk_layout_add_text (&c, STYLE_PAY, sheet->outlook);
      if (sheet->change != NULL)
        jk_layout_add_text (&c, STYLE_BODY, sheet->change);
      if (sheet->openings != NULL)
        jk_layout_add_text (&c, STYLE_BODY, sheet->openings);
      if (sheet->outlook_source != NULL && !sheet->demo)
        jk_layout_add_text (&c, STYLE_BODY_SMALL, sheet->outlook_source);
    }

  jk_composer_space (&c, 8);
  jk_layout_add_text (&c, STYLE_PAY, sheet->open_jobs);
  jk_layout_add_text (&c, STYLE_BODY, _("Search for them at the kiosk: Find a job."));

  if (sheet->education != NULL || sheet->experience != NULL || sheet->training != NULL ||
      sheet->requirements->len > 0)
    {
      jk_composer_space (&c, 6);
      jk_layout_add_heading (&c, _("What it takes to start"));
      if (sheet->education != NULL)
        jk_layout_add_label_text (&c, STYLE_BODY, _("Education:"), sheet->education);
      if (sheet->experience != NULL)
        jk_layout_add_label_text (&c, STYLE_BODY, _("Experience:"), sheet->experience);
      if (sheet->training != NULL)
        jk_layout_add_label_text (&c, STYLE_BODY, _("Training on the job:"), sheet->training);
      for (guint i = 0; i < sheet->requirements->len; i++)
        {
          g_autofree char *item = g_strdup_printf ("• %s", (const char *) sheet->requirements->pdata[i]);

          jk_layout_add_text (&c, STYLE_BODY, item);
        }
    }

  return jk_composer_finish (&c, jk_document_career_sheet.id, error);
}

const JkDocumentKind jk_document_career_sheet = {
  .id = "career sheet",
  /* TRANSLATORS: the title in the header of a printed career sheet */
  .title = N_("Career sheet"),
  .render = render_career_sheet,
  .copy_input = sheet_new,
  .free_input = sheet_free,
};
