/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-doc-service-slip.c: a referral slip for a partner service: who, where, when, the phone, who can get it, what
 * to bring, and its card or link as a QR code */

#define G_LOG_DOMAIN "jk-document"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-services.h>
#include <string.h>

#include "documents/jk-layout-private.h"

#define SLIP_QR_SIZE      115.2  /* 1.6 in, as the job sheet's: scans from a phone held at reading distance */
#define SLIP_QR_MAX       160.0

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
add_value (Composer   *c,
           const char *label,
           const char *value)
{
  if (value != NULL && value[0] != '\0')
    jk_layout_add_label_text (c, STYLE_BODY, label, value);
}

/* A value of several lines (the week's hours) with the lines after the
 * first under its start, not under the label, so the days line up. */
static void
add_lines (Composer   *c,
           const char *label,
           const char *value)
{
  g_auto (GStrv) lines = NULL;
  g_autoptr (PangoLayout) first = NULL;
  PangoRectangle start;
  double indent;

  if (value == NULL || strchr (value, '\n') == NULL)
    {
      add_value (c, label, value);
      return;
    }
  lines = g_strsplit (value, "\n", -1);
  first = jk_layout_create_label_text (c, STYLE_BODY, label, lines[0], c->right - c->left);
  pango_layout_index_to_pos (first, (int) strlen (label) + 1, &start);
  indent = pango_units_to_double (start.x);
  jk_composer_flow (c, first, STYLE_BODY, c->left, NULL, 0);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_autoptr (PangoLayout) line = jk_layout_create_text (c, STYLE_BODY, lines[i], c->right - c->left - indent);

      jk_composer_flow (c, line, STYLE_BODY, c->left + indent, NULL, 0);
    }
}

/* The QR code (the service's link, else its card) beside what it is for;
 * left out when the code cannot hold it. */
static void
add_qr_box (Composer        *c,
            const JkService *s)
{
  const double padding = 14;
  const double gap = 18;
  g_autofree char *text = jk_services_qr_text (s);
  g_autoptr (JkQrMatrix) qr = jk_qr_encode (text, NULL);
  double qr_size;
  double text_x;
  g_autoptr (PangoLayout) how = NULL;
  double box_height;

  if (qr == NULL)
    return;
  qr_size = jk_layout_choose_qr_size (qr, SLIP_QR_SIZE, SLIP_QR_MAX);
  text_x = c->left + padding + qr_size + gap;
  how = jk_layout_create_text (c, STYLE_BODY,
                               s->url != NULL ? _("Point your phone’s camera at the square code to open their web "
                                                  "page.")
                                              : _("Point your phone’s camera at the square code to keep their "
                                                  "phone number and address."),
                               c->right - padding - text_x);
  box_height = MAX (qr_size, jk_layout_measure_height (how)) + 2 * padding;
  jk_composer_need (c, box_height);
  cairo_set_source_rgb (c->cr, 0.94, 0.96, 0.99);
  cairo_rectangle (c->cr, c->left, c->y, c->right - c->left, box_height);
  cairo_fill_preserve (c->cr);
  jk_layout_set_ink (c->cr, INK_ACCENT);
  cairo_set_line_width (c->cr, 1.25);
  cairo_stroke (c->cr);
  jk_qr_draw (c->cr, qr, c->left + padding, c->y + padding, qr_size);
  jk_layout_draw_text (c, how, STYLE_BODY, text_x, c->y + padding);
  c->y += box_height;
}

/* ---------------------------------------------------------------------- */
/* The kind                                                               */

static JkDocument *
render_service_slip (const JkDocumentContext *context,
                     gconstpointer            input,
                     GError                 **error)
{
  const JkService *s = input;
  g_autofree char *place = NULL;
  g_autofree char *languages = NULL;
  Composer c;

  g_return_val_if_fail (s != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  jk_composer_init (&c, context, _(jk_document_service_slip.title));
  place = jk_services_format_place (s);
  if (s->languages != NULL && s->languages[0] != NULL)
    languages = g_strjoinv (", ", s->languages);

  jk_layout_add_text (&c, STYLE_TITLE, s->name != NULL ? s->name : "");
  c.y += 4;
  if (s->organization != NULL)
    jk_layout_add_text (&c, STYLE_SUBTITLE, s->organization);
  if (s->description != NULL)
    jk_layout_add_text (&c, STYLE_BODY, s->description);

  jk_layout_add_heading (&c, _("Where and when"));
  /* TRANSLATORS: on a printed referral slip: the service's street address */
  add_value (&c, _("Address:"), place);
  /* The usual week: "open now" on paper is stale by the time it is read.
   * TRANSLATORS: on a printed referral slip, before the week's hours ("Monday to Friday: 9 AM to 5 PM") */
  add_lines (&c, _("Hours:"), s->week_hours != NULL ? s->week_hours : s->hours);
  /* TRANSLATORS: on a printed referral slip: the service's phone number */
  add_value (&c, _("Phone:"), s->phone);
  /* TRANSLATORS: on a printed referral slip: the languages the service's staff speak */
  add_value (&c, _("Languages spoken:"), languages);

  jk_layout_add_heading (&c, _("Before you go"));
  /* TRANSLATORS: on a printed referral slip: who the service is for */
  add_value (&c, _("Who can get it:"), s->eligibility);
  /* TRANSLATORS: on a printed referral slip: what the service costs ("Free") */
  add_value (&c, _("Cost:"), s->fees);
  /* The directory names no documents: what most services ask for. */
  add_value (&c, _("What to bring:"), _("Bring a photo ID and proof of address."));
  jk_composer_space (&c, 10);
  jk_layout_add_text (&c, STYLE_BODY, _("Call before you go: hours can change."));

  jk_composer_space (&c, 14);
  add_qr_box (&c, s);
  return jk_composer_finish (&c, jk_document_service_slip.id, error);
}

static gpointer
copy_service (gconstpointer data)
{
  return jk_service_copy (data);
}

static void
free_service (gpointer data)
{
  jk_service_free (data);
}

const JkDocumentKind jk_document_service_slip = {
  .id = "service slip",
  /* TRANSLATORS: the title in the header of a printed referral slip for a partner service */
  .title = N_("Referral slip"),
  .render = render_service_slip,
  .copy_input = copy_service,
  .free_input = free_service,
};
