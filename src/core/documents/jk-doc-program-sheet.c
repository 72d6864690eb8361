/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-doc-program-sheet.c: one training program on one page: where, when, how long, what it costs, how people did,
 * the WIOA line and its link as a QR code */

#define G_LOG_DOMAIN "jk-document"

#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-i18n.h>
#include <math.h>

#include "documents/jk-layout-private.h"

#define SHEET_QR_SIZE     115.2  /* 1.6 in, as the job sheet's: scans from a phone held at reading distance */
#define SHEET_QR_MAX      160.0

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static char *
format_dollars (double dollars)
{
  g_autofree char *count = jk_format_count ((gint64) llround (dollars));

  return g_strdup_printf ("$%s", count);
}

/* "4 weeks", "120 hours", or both when the list gives both. */
static char *
format_length (const JkTrainingProgram *p)
{
  g_autofree char *weeks = NULL;
  g_autofree char *hours = NULL;

  if (!isnan (p->weeks))
    weeks = g_strdup_printf (jk_ngettext ("%.0f week", "%.0f weeks", (gulong) p->weeks), p->weeks);
  if (!isnan (p->hours))
    hours = g_strdup_printf (jk_ngettext ("%.0f hour", "%.0f hours", (gulong) p->hours), p->hours);
  if (weeks != NULL && hours != NULL)
    return g_strdup_printf ("%s (%s)", weeks, hours);
  if (weeks != NULL)
    return g_steal_pointer (&weeks);
  if (hours != NULL)
    return g_steal_pointer (&hours);
  return g_strdup (_("Not listed"));
}

static char *
format_cost (const JkTrainingProgram *p)
{
  if (p->cost_cents == 0)
    return g_strdup (_("Free"));
  if (p->cost_cents > 0)
    return format_dollars (p->cost_cents / 100.0);
  return g_strdup (_("Not listed"));
}

static char *
format_place (const JkTrainingProgram *p)
{
  g_autoptr (GString) place = g_string_new (NULL);

  if (p->address != NULL)
    g_string_append (place, p->address);
  if (p->city != NULL)
    g_string_append_printf (place, "%s%s", place->len > 0 ? ", " : "", p->city);
  if (p->state != NULL)
    g_string_append_printf (place, "%s%s", place->len > 0 ? ", " : "", p->state);
  if (p->postal_code != NULL)
    g_string_append_printf (place, "%s%s", place->len > 0 ? " " : "", p->postal_code);
  return place->len > 0 ? g_string_free (g_steal_pointer (&place), FALSE) : NULL;
}

static void
add_value (Composer   *c,
           const char *label,
           const char *value)
{
  if (value != NULL && value[0] != '\0')
    jk_layout_add_label_text (c, STYLE_BODY, label, value);
}

/* The QR code of the program's link beside the words and the address in
 * full; a link too long for one page just flows. */
static void
add_link_box (Composer   *c,
              const char *url)
{
  const double padding = 14;
  const double gap = 18;
  g_autoptr (JkQrMatrix) qr = jk_qr_encode (url, NULL);
  double qr_size = qr != NULL ? jk_layout_choose_qr_size (qr, SHEET_QR_SIZE, SHEET_QR_MAX) : 0;
  double text_x = c->left + padding + (qr != NULL ? qr_size + gap : 0);
  double text_width = c->right - padding - text_x;
  g_autoptr (PangoLayout) heading = jk_layout_create_text (c, STYLE_HEADING, _("The program's web page"), text_width);
  g_autofree char *lines = jk_layout_break_url (c, STYLE_BODY, url, text_width, text_width);
  g_autoptr (PangoLayout) how = jk_layout_create_text (c, STYLE_BODY,
                                                       qr != NULL
                                                       ? _("Point your phone’s camera at the square code, or type "
                                                           "this address:")
                                                       : _("Go to this address:"),
                                                       text_width);
  g_autoptr (PangoLayout) address = jk_layout_create_text (c, STYLE_BODY, lines, text_width);
  double text_height;
  double box_height;
  double y;

  pango_layout_set_wrap (address, PANGO_WRAP_CHAR);
  text_height = jk_layout_measure_height (heading) + 6 + jk_layout_measure_height (how) + 6
                + jk_layout_measure_height (address);
  box_height = MAX (qr_size, text_height) + 2 * padding;
  if (box_height > c->bottom - c->top)
    {
      jk_layout_add_heading (c, _("The program's web page"));
      jk_composer_flow (c, how, STYLE_BODY, c->left, NULL, 0);
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
  jk_layout_draw_text (c, address, STYLE_BODY, text_x, y);
  c->y += box_height;
}

/* ---------------------------------------------------------------------- */
/* The kind                                                               */

static JkDocument *
render_program_sheet (const JkDocumentContext *context,
                      gconstpointer            input,
                      GError                 **error)
{
  const JkTrainingProgram *p = input;
  g_autofree char *place = NULL;
  g_autofree char *length = NULL;
  g_autofree char *cost = NULL;
  Composer c;

  g_return_val_if_fail (p != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  jk_composer_init (&c, context, _(jk_document_program_sheet.title));
  place = format_place (p);
  length = format_length (p);
  cost = format_cost (p);

  jk_layout_add_text (&c, STYLE_TITLE, p->program != NULL ? p->program : "");
  c.y += 4;
  if (p->provider != NULL)
    jk_layout_add_text (&c, STYLE_SUBTITLE, p->provider);
  if (place != NULL)
    jk_layout_add_text (&c, STYLE_BODY, place);
  if (p->phone != NULL)
    {
      /* TRANSLATORS: a training provider's phone number */
      g_autofree char *phone = g_strdup_printf (_("Phone: %s"), p->phone);

      jk_layout_add_text (&c, STYLE_BODY, phone);
    }
  if (p->demo)
    jk_layout_add_text (&c, STYLE_BODY_SMALL, _("Demo data: these programs are made up for the demo."));

  jk_layout_add_heading (&c, _("The program"));
  /* TRANSLATORS: on a printed training program: how long it lasts ("4 weeks") */
  add_value (&c, _("Length:"), length);
  /* TRANSLATORS: on a printed training program: what it costs in all ("$650", "Free") */
  add_value (&c, _("Cost:"), cost);
  /* TRANSLATORS: on a printed training program: what one gets at the end ("Certificate (STNA)") */
  add_value (&c, _("Credential:"), p->credential);
  /* TRANSLATORS: on a printed training program: in person, online or both ("Hybrid") */
  add_value (&c, _("How it is taught:"), p->mode);
  add_value (&c, _("Schedule:"), p->schedule);

  jk_layout_add_heading (&c, _("How people did"));
  if (!isnan (p->completion_rate))
    {
      g_autofree char *text = g_strdup_printf (_("Out of every 100 people who started, %.0f finished."),
                                               p->completion_rate);

      jk_layout_add_text (&c, STYLE_BODY, text);
    }
  if (!isnan (p->employment_rate))
    {
      g_autofree char *text = g_strdup_printf (_("Out of every 100 who took part, %.0f had a job about six months "
                                                 "after."), p->employment_rate);

      jk_layout_add_text (&c, STYLE_BODY, text);
    }
  if (!isnan (p->median_earnings))
    {
      g_autofree char *money = format_dollars (p->median_earnings);
      g_autofree char *text = g_strdup_printf (_("Half of those with a job earned more than %s in three months, "
                                                 "half less."), money);

      jk_layout_add_text (&c, STYLE_BODY, text);
    }
  if (isnan (p->completion_rate) && isnan (p->employment_rate) && isnan (p->median_earnings))
    jk_layout_add_text (&c, STYLE_BODY, _("The state's list does not give results for this program yet."));

  jk_composer_space (&c, 14);
  jk_layout_add_text (&c, STYLE_PAY, _("WIOA may pay for this: ask staff about an Individual Training Account."));

  if (p->url != NULL && p->url[0] != '\0')
    {
      jk_composer_space (&c, 14);
      add_link_box (&c, p->url);
    }
  return jk_composer_finish (&c, jk_document_program_sheet.id, error);
}

static gpointer
copy_program (gconstpointer data)
{
  const JkTrainingProgram *p = data;
  JkTrainingProgram *copy = g_new0 (JkTrainingProgram, 1);

  *copy = *p;
  copy->provider = g_strdup (p->provider);
  copy->program = g_strdup (p->program);
  copy->cip = g_strdup (p->cip);
  copy->credential = g_strdup (p->credential);
  copy->mode = g_strdup (p->mode);
  copy->schedule = g_strdup (p->schedule);
  copy->address = g_strdup (p->address);
  copy->city = g_strdup (p->city);
  copy->state = g_strdup (p->state);
  copy->postal_code = g_strdup (p->postal_code);
  copy->phone = g_strdup (p->phone);
  copy->url = g_strdup (p->url);
  copy->soc = g_strdup (p->soc);
  copy->occupation = g_strdup (p->occupation);
  return copy;
}

static void
free_program (gpointer data)
{
  jk_training_program_free (data);
}

const JkDocumentKind jk_document_program_sheet = {
  .id = "program sheet",
  /* TRANSLATORS: the title in the header of a printed training program */
  .title = N_("Training program"),
  .render = render_program_sheet,
  .copy_input = copy_program,
  .free_input = free_program,
};
