/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-doc-search-log.c: the weekly Job Search Log a caseworker asks for */

#define G_LOG_DOMAIN "jk-document"

#include <jobkiosk/jk-i18n.h>

#include "jobkiosk/jk-format.h"
#include "documents/jk-layout-private.h"

#define LOG_MIN_ROWS      8
#define LOG_ROW_HEIGHT    30.0   /* room to write by hand */

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* "Signature: ______  Date: ______" with room above the lines to sign. */
static void
add_signature_lines (Composer *c)
{
  /* TRANSLATORS: a line to sign on, at the foot of the job-search log */
  g_autoptr (PangoLayout) signature = jk_layout_create_text (c, STYLE_CELL_HEAD, _("Signature:"), -1);
  /* TRANSLATORS: a line to write the date on, beside the signature */
  g_autoptr (PangoLayout) date = jk_layout_create_text (c, STYLE_CELL_HEAD, _("Date:"), -1);
  double width = c->right - c->left;
  double date_x = c->left + width * 0.64;
  double baseline;

  jk_composer_need (c, 34);
  baseline = c->y + 30;
  jk_layout_draw_text (c, signature, STYLE_CELL_HEAD, c->left,
                       baseline - pango_units_to_double (pango_layout_get_baseline (signature)));
  jk_layout_draw_rule (c->cr, c->left + jk_layout_measure_width (signature) + 8, date_x - 18, baseline + 2, 0.75,
                       INK_TEXT);
  jk_layout_draw_text (c, date, STYLE_CELL_HEAD, date_x,
                       baseline - pango_units_to_double (pango_layout_get_baseline (date)));
  jk_layout_draw_rule (c->cr, date_x + jk_layout_measure_width (date) + 8, c->right, baseline + 2, 0.75, INK_TEXT);
  c->y = baseline + 6;
}

static char *
format_gdate (const GDate *date,
              GDateTime   *now)
{
  g_autoptr (GDateTime) time = NULL;

  if (date == NULL || !g_date_valid (date))
    return NULL;
  time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 12, 0, 0);
  return time != NULL ? jk_layout_format_day (time, now) : NULL;
}

/* "Week of Nov 16 – Nov 22, 2026". */
static char *
format_week (const GDate *start)
{
  GDate end = *start;
  g_autoptr (GDateTime) first = NULL;
  g_autoptr (GDateTime) last = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_date_add_days (&end, 6);
  first = g_date_time_new_local (g_date_get_year (start), g_date_get_month (start), g_date_get_day (start), 12, 0, 0);
  last = g_date_time_new_local (g_date_get_year (&end), g_date_get_month (&end), g_date_get_day (&end), 12, 0, 0);
  if (first == NULL || last == NULL)
    return NULL;
  from = jk_layout_format_day (first, last);
  to = jk_format_date_short (last);
  /* TRANSLATORS: the week a job-search log covers: first day, last day, year: "Nov 16 – Nov 22, 2026" */
  return g_strdup_printf (_("Week of %1$s – %2$s, %3$d"), from, to, g_date_time_get_year (last));
}

static JkDocument *
render_search_log (const JkDocumentContext *context,
                   gconstpointer            data,
                   GError                 **error)
{
  const JkSearchLogInput *input = data;
  const char *visitor_name = input != NULL ? input->visitor_name : NULL;
  const GDate *week_start = input != NULL ? &input->week_start : NULL;
  GPtrArray *entries = input != NULL ? input->entries : NULL;
  Composer c;
  Table table = { 0 };
  static const double fractions[] = { 0.12, 0.20, 0.20, 0.13, 0.15, 0.20 };
  guint n = entries != NULL ? entries->len : 0;
  g_autofree char *week = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  jk_composer_init (&c, context, _(jk_document_search_log.title));
  table.n_columns = G_N_ELEMENTS (fractions);
  /* TRANSLATORS: column headings of the job-search log */
  table.headers[0] = _("Date");
  table.headers[1] = _("Employer");
  table.headers[2] = _("Position");
  /* TRANSLATORS: column heading: how the employer was contacted (online, in person…) */
  table.headers[3] = _("How");
  /* TRANSLATORS: column heading: the person spoken to */
  table.headers[4] = _("Contact");
  /* TRANSLATORS: column heading: what came of it (applied, interview…) */
  table.headers[5] = _("Result");
  for (guint i = 0; i < table.n_columns; i++)
    table.widths[i] = (c.right - c.left) * fractions[i];

  jk_layout_add_text (&c, STYLE_TITLE, _("Job Search Log"));
  jk_composer_space (&c, 14);
  /* TRANSLATORS: before the visitor's name on the job-search log */
  jk_layout_add_fill_in_line (&c, _("Name:"), visitor_name != NULL ? visitor_name : "", 300);
  c.y += 10;
  week = week_start != NULL && g_date_valid (week_start) ? format_week (week_start) : NULL;
  if (week != NULL)
    jk_layout_add_text (&c, STYLE_BODY, week);
  else
    /* TRANSLATORS: before a blank line for the week the log covers */
    jk_layout_add_fill_in_line (&c, _("Week of:"), "", 200);
  jk_composer_space (&c, 16);

  jk_composer_need (&c, 60);
  jk_layout_add_table_header (&c, &table);
  for (guint i = 0; i < MAX (n, LOG_MIN_ROWS); i++)
    {
      const JkLogEntry *entry = i < n ? entries->pdata[i] : NULL;
      g_autofree char *date = entry != NULL ? format_gdate (&entry->date, c.printed_at) : NULL;
      const char *cells[6] = { "", "", "", "", "", "" };

      if (entry != NULL)
        {
          cells[0] = date != NULL ? date : "";
          cells[1] = entry->employer != NULL ? entry->employer : "";
          cells[2] = entry->position != NULL ? entry->position : "";
          cells[3] = jk_contact_method_to_label (entry->method);
          cells[4] = entry->contact != NULL ? entry->contact : "";
          cells[5] = entry->result != NULL ? entry->result : "";
        }
      jk_layout_add_table_row (&c, &table, cells, LOG_ROW_HEIGHT);
    }

  /* The statement and the lines to sign stay together. */
  jk_composer_space (&c, 18);
  jk_composer_need (&c, 80);
  /* TRANSLATORS: the statement above the signature on the job-search log */
  jk_layout_add_text (&c, STYLE_BODY, _("I certify that the information above is true."));
  c.y += 8;
  add_signature_lines (&c);

  return jk_composer_finish (&c, jk_document_search_log.id, error);
}

/* The same log as plain text, for an email's body: the name, the week and
 * each contact on lines of its own (a table does not survive every mail
 * reader). */
static char *
render_search_log_text (const JkDocumentContext *context,
                        gconstpointer            data)
{
  const JkSearchLogInput *input = data;
  GPtrArray *entries = input != NULL ? input->entries : NULL;
  GString *text = g_string_new (NULL);
  g_autofree char *week = NULL;
  g_autoptr (GDateTime) now = context->printed_at != NULL ? g_date_time_ref (context->printed_at)
                                                          : g_date_time_new_now_local ();

  g_string_append_printf (text, "%s\n", _("Job Search Log"));
  if (input != NULL && input->visitor_name != NULL && input->visitor_name[0] != '\0')
    g_string_append_printf (text, "%s %s\n", _("Name:"), input->visitor_name);
  week = input != NULL && g_date_valid (&input->week_start) ? format_week (&input->week_start) : NULL;
  if (week != NULL)
    g_string_append_printf (text, "%s\n", week);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const JkLogEntry *entry = entries->pdata[i];
      g_autofree char *date = format_gdate (&entry->date, now);

      g_string_append (text, "\n");
      if (date != NULL)
        g_string_append_printf (text, "%s: %s\n", _("Date"), date);
      g_string_append_printf (text, "%s: %s\n", _("Employer"), entry->employer != NULL ? entry->employer : "");
      g_string_append_printf (text, "%s: %s\n", _("Position"), entry->position != NULL ? entry->position : "");
      g_string_append_printf (text, "%s: %s\n", _("How"), jk_contact_method_to_label (entry->method));
      if (entry->contact != NULL && entry->contact[0] != '\0')
        g_string_append_printf (text, "%s: %s\n", _("Contact"), entry->contact);
      if (entry->result != NULL && entry->result[0] != '\0')
        g_string_append_printf (text, "%s: %s\n", _("Result"), entry->result);
    }
  return g_string_free (text, FALSE);
}

static gpointer
copy_log_input (gconstpointer data)
{
  const JkSearchLogInput *input = data;
  JkSearchLogInput *copy = g_new0 (JkSearchLogInput, 1);

  copy->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_log_entry_free);
  if (input == NULL)
    return copy;
  copy->visitor_name = g_strdup (input->visitor_name);
  copy->week_start = input->week_start;
  for (guint i = 0; input->entries != NULL && i < input->entries->len; i++)
    {
      const JkLogEntry *entry = input->entries->pdata[i];

      g_ptr_array_add (copy->entries, jk_log_entry_new (&entry->date, entry->employer, entry->position, entry->method,
                                                        entry->contact, entry->result));
    }
  return copy;
}

static void
free_log_input (gpointer data)
{
  JkSearchLogInput *input = data;

  if (input == NULL)
    return;
  g_free (input->visitor_name);
  g_clear_pointer (&input->entries, g_ptr_array_unref);
  g_free (input);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

const JkDocumentKind jk_document_search_log = {
  .id = "job search log",
  /* TRANSLATORS: the title of the printed weekly log of employer contacts
   * that welfare and unemployment offices ask for */
  .title = N_("Job Search Log"),
  .render = render_search_log,
  .copy_input = copy_log_input,
  .free_input = free_log_input,
  .render_text = render_search_log_text,
};
