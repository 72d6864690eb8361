/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-doc-resume-slip.c: the slip a visitor keeps a saved resume by: its code, large, and the day it goes;
 * never the PIN */

#define G_LOG_DOMAIN "jk-document"

#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-resume-vault.h>
#include <string.h>

#include "documents/jk-layout-private.h"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* ---------------------------------------------------------------------- */
/* The kind                                                               */

static JkDocument *
render_slip (const JkDocumentContext *context,
             gconstpointer            data,
             GError                 **error)
{
  const JkResumeSlipInput *slip = data;
  g_autofree char *code = jk_resume_code_format (slip->code);
  g_autoptr (GDateTime) expires = slip->expires > 0 ? g_date_time_new_from_unix_local (slip->expires) : NULL;
  g_autofree char *day = expires != NULL ? jk_format_date_with_year (expires) : NULL;
  g_autoptr (PangoLayout) code_layout = NULL;
  Composer c;

  /* TRANSLATORS: the title of the slip with a saved resume's code */
  jk_composer_init (&c, context, _("Your saved resume"));
  pango_font_description_set_family (c.fonts[STYLE_SLIP_CODE], "DejaVu Sans Mono");
  jk_layout_add_text (&c, STYLE_TITLE, _("Your saved resume"));
  jk_composer_space (&c, 14);
  /* TRANSLATORS: above the code on the saved resume's slip */
  jk_layout_add_text (&c, STYLE_BODY, _("Your code:"));
  jk_composer_space (&c, 4);
  code_layout = jk_layout_create_text (&c, STYLE_SLIP_CODE, code, c.right - c.left);
  jk_composer_flow (&c, code_layout, STYLE_SLIP_CODE, c.left, NULL, 0);
  jk_composer_space (&c, 14);
  jk_layout_add_text (&c, STYLE_BODY, _("Keep this slip. You need this code and your PIN to open your resume at "
                                        "this kiosk. We never print your PIN."));
  if (day != NULL)
    {
      /* TRANSLATORS: on the saved resume's slip: the day it is deleted ("June 3, 2026") */
      g_autofree char *until = g_strdup_printf (_("Your resume is kept until %s. After that it is deleted."), day);

      jk_composer_space (&c, 10);
      jk_layout_add_text (&c, STYLE_BODY, until);
    }
  jk_composer_space (&c, 10);
  jk_layout_add_text (&c, STYLE_BODY_SMALL, _("Forgot your PIN? Make a new resume: nobody, not even staff, can open "
                                              "it without the PIN."));
  return jk_composer_finish (&c, jk_document_resume_slip.id, error);
}

static gpointer
copy_slip_input (gconstpointer data)
{
  const JkResumeSlipInput *input = data;
  JkResumeSlipInput *copy = g_new0 (JkResumeSlipInput, 1);

  copy->code = g_strdup (input->code);
  copy->expires = input->expires;
  return copy;
}

static void
free_slip_input (gpointer data)
{
  JkResumeSlipInput *input = data;

  g_free ((char *) input->code);
  g_free (input);
}

const JkDocumentKind jk_document_resume_slip = {
  .id = "resume slip",
  .title = N_("Your saved resume"),
  .render = render_slip,
  .copy_input = copy_slip_input,
  .free_input = free_slip_input,
};
