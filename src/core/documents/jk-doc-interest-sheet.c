/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-doc-interest-sheet.c: "My interests": the quiz's top areas and the occupations that fit, by preparation */

#define G_LOG_DOMAIN "jk-document"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-interests.h>

#include "documents/jk-layout-private.h"

/* One page: the best fits, not all twenty. */
#define SHEET_OCCUPATIONS 12

/* ---------------------------------------------------------------------- */
/* The kind                                                               */

static JkDocument *
render_sheet (const JkDocumentContext *context,
              gconstpointer            data,
              GError                 **error)
{
  const JkInterestSheetInput *sheet = data;
  const JkInterestResult *result = sheet->result;
  g_autofree char *attribution = jk_interests_words_attribution (result);
  Composer c;

  /* TRANSLATORS: the title of the printed interest quiz results */
  jk_composer_init (&c, context, _("My interests"));
  jk_layout_add_text (&c, STYLE_TITLE, _("My interests"));
  jk_composer_space (&c, 8);
  if (result->n_top > 0)
    {
      jk_layout_add_heading (&c, _("What you like"));
      for (guint i = 0; i < result->n_top; i++)
        jk_layout_add_text (&c, STYLE_BODY, jk_interest_area_sentence (result->top[i]));
    }
  if (!result->ranked)
    {
      jk_composer_space (&c, 8);
      jk_layout_add_text (&c, STYLE_BODY, result->message);
    }
  else if (result->occupations->len > 0)
    {
      jk_layout_add_heading (&c, _("Jobs that may suit you"));
      /* Grouped by how much preparation they need, fewest first; best fit first within. */
      for (int zone = 0; zone <= 5; zone++)
        {
          gboolean headed = FALSE;

          for (guint i = 0; i < MIN (result->occupations->len, SHEET_OCCUPATIONS); i++)
            {
              const JkInterestMatch *match = result->occupations->pdata[i];
              g_autofree char *details = NULL;

              if ((match->job_zone >= 1 && match->job_zone <= 5 ? match->job_zone : 0) != zone)
                continue;
              if (!headed)
                {
                  const char *label = jk_interest_job_zone_label (zone);

                  jk_composer_space (&c, 4);
                  jk_layout_add_text (&c, STYLE_ITEM_TITLE, label != NULL ? label : _("Preparation not known"));
                  headed = TRUE;
                }
              details = jk_interests_words_details (match);
              jk_layout_add_label_text (&c, STYLE_BODY, match->title, details);
            }
        }
    }
  jk_composer_space (&c, 10);
  jk_layout_add_text (&c, STYLE_BODY_SMALL, jk_interests_words_about ());
  if (attribution != NULL)
    jk_layout_add_text (&c, STYLE_BODY_SMALL, attribution);
  return jk_composer_finish (&c, jk_document_interest_sheet.id, error);
}

static gpointer
copy_sheet_input (gconstpointer data)
{
  const JkInterestSheetInput *input = data;
  JkInterestSheetInput *copy = g_new0 (JkInterestSheetInput, 1);

  copy->result = jk_interest_result_copy (input->result);
  return copy;
}

static void
free_sheet_input (gpointer data)
{
  JkInterestSheetInput *input = data;

  jk_interest_result_free ((JkInterestResult *) input->result);
  g_free (input);
}

const JkDocumentKind jk_document_interest_sheet = {
  .id = "interest sheet",
  .title = N_("My interests"),
  .render = render_sheet,
  .copy_input = copy_sheet_input,
  .free_input = free_sheet_input,
};
