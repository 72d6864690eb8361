/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-doc-test-page.c: the page staff print to see the printer works: the center, the kiosk, the printer, when */

#define G_LOG_DOMAIN "jk-document"

#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-i18n.h>

#include "documents/jk-layout-private.h"

/* ---------------------------------------------------------------------- */
/* The kind                                                               */

/* A value, or a dash for one not known. */
static const char *
or_dash (const char *value)
{
  return value != NULL && *value != '\0' ? value : "—";
}

static void
add_line (Composer *c,
          char     *line)
{
  jk_layout_add_text (c, STYLE_BODY, line);
  g_free (line);
}

static JkDocument *
render_test_page (const JkDocumentContext *context,
                  gconstpointer            data,
                  GError                 **error)
{
  const JkTestPageInput *input = data;
  g_autoptr (GDateTime) now = context->printed_at != NULL ? g_date_time_ref (context->printed_at)
                                                           : g_date_time_new_now_local ();
  g_autofree char *date = jk_format_date_long (now);
  g_autofree char *time = jk_format_time_of_day (now);
  g_autofree char *when = g_strdup_printf ("%s, %s", date, time);
  Composer c;

  /* TRANSLATORS: the title of the page staff print to check the printer */
  jk_composer_init (&c, context, _("Printer test page"));
  jk_layout_add_text (&c, STYLE_TITLE, _("Printer test page"));
  jk_composer_space (&c, 14);
  jk_layout_add_text (&c, STYLE_BODY, _("If you can read this page, the printer works."));
  jk_composer_space (&c, 14);
  /* TRANSLATORS: on the printer test page; %s is the career center's name */
  add_line (&c, g_strdup_printf (_("Center: %s"), or_dash (context->center_name)));
  /* TRANSLATORS: on the printer test page; %s is the kiosk's name ("Kiosk 2") */
  add_line (&c, g_strdup_printf (_("Kiosk: %s"), or_dash (input->kiosk_name)));
  /* TRANSLATORS: on the printer test page; %s is the CUPS queue's name */
  add_line (&c, g_strdup_printf (_("Printer: %s"), or_dash (input->printer_name)));
  /* TRANSLATORS: on the printer test page; %s is a date and time ("Sunday, November 22, 9:40 AM") */
  add_line (&c, g_strdup_printf (_("Printed: %s"), when));
  return jk_composer_finish (&c, jk_document_test_page.id, error);
}

static gpointer
copy_test_page_input (gconstpointer data)
{
  const JkTestPageInput *input = data;
  JkTestPageInput *copy = g_new0 (JkTestPageInput, 1);

  copy->kiosk_name = g_strdup (input->kiosk_name);
  copy->printer_name = g_strdup (input->printer_name);
  return copy;
}

static void
free_test_page_input (gpointer data)
{
  JkTestPageInput *input = data;

  g_free ((char *) input->kiosk_name);
  g_free ((char *) input->printer_name);
  g_free (input);
}

const JkDocumentKind jk_document_test_page = {
  .id = "test page",
  .title = N_("Printer test page"),
  .render = render_test_page,
  .copy_input = copy_test_page_input,
  .free_input = free_test_page_input,
};
