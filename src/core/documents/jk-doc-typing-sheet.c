/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-doc-typing-sheet.c: a typing test's result: the date, the center, the length and the figures */

#define G_LOG_DOMAIN "jk-document"

#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-i18n.h>
#include <math.h>

#include "documents/jk-layout-private.h"

/* ---------------------------------------------------------------------- */
/* The kind                                                               */

static JkDocument *
render_sheet (const JkDocumentContext *context,
              gconstpointer            data,
              GError                 **error)
{
  const JkTypingSheetInput *sheet = data;
  g_autofree char *date = NULL;
  g_autofree char *date_line = NULL;
  g_autofree char *center_line = NULL;
  g_autofree char *length_line = NULL;
  g_autofree char *gross_line = NULL;
  g_autofree char *net_line = NULL;
  g_autofree char *accuracy_line = NULL;
  g_autofree char *errors_line = NULL;
  Composer c;

  /* TRANSLATORS: the title of the printed typing test result */
  jk_composer_init (&c, context, _("Typing test result"));
  jk_layout_add_text (&c, STYLE_TITLE, _("Typing test result"));
  jk_composer_space (&c, 14);
  date = jk_format_date_with_year (c.printed_at);
  /* TRANSLATORS: on the typing test result: the day it was taken ("June 3, 2026") */
  date_line = g_strdup_printf (_("Date: %s"), date);
  /* TRANSLATORS: on the typing test result: the career center's name */
  center_line = g_strdup_printf (_("Center: %s"), c.center_name);
  length_line = g_strdup_printf (jk_ngettext ("Length of the test: %u minute", "Length of the test: %u minutes",
                                              sheet->minutes), sheet->minutes);
  /* TRANSLATORS: words per minute, counting every character typed */
  gross_line = g_strdup_printf (_("Gross speed: %.0f words per minute"), round (sheet->gross_wpm));
  /* TRANSLATORS: words per minute after taking away the errors */
  net_line = g_strdup_printf (_("Net speed: %.0f words per minute"), round (sheet->net_wpm));
  accuracy_line = g_strdup_printf (_("Accuracy: %.0f%%"), round (sheet->accuracy * 100));
  errors_line = g_strdup_printf (jk_ngettext ("%u error", "%u errors", sheet->errors), sheet->errors);
  jk_layout_add_text (&c, STYLE_BODY, date_line);
  jk_layout_add_text (&c, STYLE_BODY, center_line);
  jk_layout_add_text (&c, STYLE_BODY, length_line);
  jk_composer_space (&c, 14);
  jk_layout_add_text (&c, STYLE_HEADING, net_line);
  jk_layout_add_text (&c, STYLE_BODY, gross_line);
  jk_layout_add_text (&c, STYLE_BODY, accuracy_line);
  jk_layout_add_text (&c, STYLE_BODY, errors_line);
  jk_composer_space (&c, 14);
  jk_layout_add_text (&c, STYLE_BODY_SMALL,
                      _("A word is five characters, spaces included. Net speed takes away one word a minute for "
                        "each word left wrong."));
  return jk_composer_finish (&c, jk_document_typing_sheet.id, error);
}

static gpointer
copy_sheet_input (gconstpointer data)
{
  return g_memdup2 (data, sizeof (JkTypingSheetInput));
}

const JkDocumentKind jk_document_typing_sheet = {
  .id = "typing result",
  .title = N_("Your typing test result"),
  .render = render_sheet,
  .copy_input = copy_sheet_input,
  .free_input = g_free,
};
