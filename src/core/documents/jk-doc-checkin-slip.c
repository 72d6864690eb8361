/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-doc-checkin-slip.c: the slip of a check-in: the appointment's time, service and room, or a walk-in's number;
 * never a name */

#define G_LOG_DOMAIN "jk-document"

#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-i18n.h>
#include <string.h>

#include "documents/jk-layout-private.h"

/* ---------------------------------------------------------------------- */
/* The kind                                                               */

static JkDocument *
render_slip (const JkDocumentContext *context,
             gconstpointer            data,
             GError                 **error)
{
  const JkCheckinSlipInput *slip = data;
  g_autoptr (PangoLayout) big = NULL;
  Composer c;

  /* TRANSLATORS: the title of the slip printed at check-in */
  jk_composer_init (&c, context, _("You are checked in"));
  jk_layout_add_text (&c, STYLE_TITLE, slip->queue_number > 0 ? _("Your number") : _("You are checked in"));
  jk_composer_space (&c, 14);
  if (slip->queue_number > 0)
    {
      g_autofree char *number = g_strdup_printf ("%u", slip->queue_number);

      big = jk_layout_create_text (&c, STYLE_SLIP_CODE, number, c.right - c.left);
      jk_composer_flow (&c, big, STYLE_SLIP_CODE, c.left, NULL, 0);
      jk_composer_space (&c, 14);
      jk_layout_add_text (&c, STYLE_BODY, _("Please have a seat. We will call your number."));
    }
  else
    {
      g_autoptr (GDateTime) starts = g_date_time_new_from_unix_local (slip->starts);
      g_autofree char *when = jk_format_time_of_day (starts);
      /* TRANSLATORS: on the check-in slip: the appointment's time ("10:30 AM") */
      g_autofree char *time_line = g_strdup_printf (_("Time: %s"), when);

      jk_layout_add_text (&c, STYLE_BODY, time_line);
      if (slip->service != NULL && *slip->service != '\0')
        {
          /* TRANSLATORS: on the check-in slip: what the appointment is for */
          g_autofree char *line = g_strdup_printf (_("Service: %s"), slip->service);

          jk_layout_add_text (&c, STYLE_BODY, line);
        }
      if (slip->location != NULL && *slip->location != '\0')
        {
          /* TRANSLATORS: on the check-in slip: where the appointment is */
          g_autofree char *line = g_strdup_printf (_("Room: %s"), slip->location);

          jk_layout_add_text (&c, STYLE_BODY, line);
        }
      jk_composer_space (&c, 14);
      jk_layout_add_text (&c, STYLE_BODY, _("Please have a seat. Someone will call you."));
    }
  return jk_composer_finish (&c, jk_document_checkin_slip.id, error);
}

static gpointer
copy_slip_input (gconstpointer data)
{
  const JkCheckinSlipInput *input = data;
  JkCheckinSlipInput *copy = g_new0 (JkCheckinSlipInput, 1);

  copy->starts = input->starts;
  copy->service = g_strdup (input->service);
  copy->location = g_strdup (input->location);
  copy->queue_number = input->queue_number;
  return copy;
}

static void
free_slip_input (gpointer data)
{
  JkCheckinSlipInput *input = data;

  g_free ((char *) input->service);
  g_free ((char *) input->location);
  g_free (input);
}

const JkDocumentKind jk_document_checkin_slip = {
  .id = "checkin slip",
  .title = N_("Your check-in slip"),
  .render = render_slip,
  .copy_input = copy_slip_input,
  .free_input = free_slip_input,
};
