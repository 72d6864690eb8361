/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-doc-referral-slip.c: the slip of a referral to a partner: who will call, the reference, the number hidden */

#define G_LOG_DOMAIN "jk-document"

#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-i18n.h>

#include "documents/jk-layout-private.h"

/* ---------------------------------------------------------------------- */
/* The kind                                                               */

static JkDocument *
render_slip (const JkDocumentContext *context,
             gconstpointer            data,
             GError                 **error)
{
  const JkReferralSlipInput *slip = data;
  g_autoptr (PangoLayout) big = NULL;
  g_autofree char *date = NULL;
  g_autofree char *partner_line = NULL;
  g_autofree char *service_line = NULL;
  g_autofree char *date_line = NULL;
  g_autofree char *call_line = NULL;
  g_autofree char *nobody_line = NULL;
  Composer c;

  /* TRANSLATORS: the title of the slip printed after "Ask them to contact me" */
  jk_composer_init (&c, context, _("Your referral"));
  jk_layout_add_text (&c, STYLE_TITLE, _("Your referral"));
  jk_composer_space (&c, 14);
  jk_layout_add_text (&c, STYLE_BODY, _("Your reference number:"));
  big = jk_layout_create_text (&c, STYLE_SLIP_CODE, slip->reference, c.right - c.left);
  jk_composer_flow (&c, big, STYLE_SLIP_CODE, c.left, NULL, 0);
  jk_composer_space (&c, 14);
  date = jk_format_date_with_year (c.printed_at);
  /* TRANSLATORS: on the referral slip: who will call (a partner's name) */
  partner_line = g_strdup_printf (_("Sent to: %s"), slip->partner);
  /* TRANSLATORS: on the referral slip: the service asked about */
  service_line = g_strdup_printf (_("Service: %s"), slip->service);
  /* TRANSLATORS: on the referral slip: the day it was sent ("June 3, 2026") */
  date_line = g_strdup_printf (_("Date: %s"), date);
  /* TRANSLATORS: %s is a phone number with most digits hidden: "(xxx) xxx-xx12" */
  call_line = g_strdup_printf (_("They will call you at %s."), slip->phone_masked);
  /* TRANSLATORS: on the referral slip; %s is the partner's name */
  nobody_line = g_strdup_printf (_("If nobody calls you in 3 work days, show this slip to the staff here, or call "
                                   "%s and give them your reference number."), slip->partner);
  jk_layout_add_text (&c, STYLE_BODY, partner_line);
  jk_layout_add_text (&c, STYLE_BODY, service_line);
  jk_layout_add_text (&c, STYLE_BODY, date_line);
  jk_composer_space (&c, 14);
  jk_layout_add_text (&c, STYLE_HEADING, call_line);
  jk_composer_space (&c, 14);
  jk_layout_add_text (&c, STYLE_BODY, nobody_line);
  return jk_composer_finish (&c, jk_document_referral_slip.id, error);
}

static gpointer
copy_slip_input (gconstpointer data)
{
  const JkReferralSlipInput *input = data;
  JkReferralSlipInput *copy = g_new0 (JkReferralSlipInput, 1);

  copy->reference = g_strdup (input->reference);
  copy->partner = g_strdup (input->partner);
  copy->service = g_strdup (input->service);
  copy->phone_masked = g_strdup (input->phone_masked);
  return copy;
}

static void
free_slip_input (gpointer data)
{
  JkReferralSlipInput *input = data;

  g_free ((char *) input->reference);
  g_free ((char *) input->partner);
  g_free ((char *) input->service);
  g_free ((char *) input->phone_masked);
  g_free (input);
}

const JkDocumentKind jk_document_referral_slip = {
  .id = "referral slip",
  .title = N_("Your referral slip"),
  .render = render_slip,
  .copy_input = copy_slip_input,
  .free_input = free_slip_input,
};
