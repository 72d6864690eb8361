/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-layout.c: the layout engine every printout shares: pages with header and footer, text flowing
 * across pages, tables, QR codes, and the PDF */

#define G_LOG_DOMAIN "jk-document"

#include <jobkiosk/jk-i18n.h>
#include <string.h>

#include "jobkiosk/jk-format.h"
#include "documents/jk-document-private.h"
#include "documents/jk-layout-private.h"

/* Everything below is in PDF points (1/72 inch). */
#define MARGIN            54.0
#define FONT_FAMILY       "Cantarell, DejaVu Sans"
#define CELL_PADDING      5.0
#define BULLET_INDENT     20.0

typedef struct
{
  double size;
  PangoWeight weight;
  Ink ink;
} StyleSpec;

/* One family of sizes for every printout, so they read as one set. */
static const StyleSpec style_specs[N_STYLES] = {
  [STYLE_BODY] = { 12.0, PANGO_WEIGHT_NORMAL, INK_TEXT },
  [STYLE_BODY_SMALL] = { 11.0, PANGO_WEIGHT_NORMAL, INK_TEXT },
  [STYLE_TITLE] = { 24.0, PANGO_WEIGHT_BOLD, INK_ACCENT },
  [STYLE_SUBTITLE] = { 15.0, PANGO_WEIGHT_NORMAL, INK_TEXT },
  [STYLE_HEADING] = { 15.0, PANGO_WEIGHT_BOLD, INK_ACCENT },
  [STYLE_PAY] = { 16.0, PANGO_WEIGHT_BOLD, INK_TEXT },
  [STYLE_ITEM_TITLE] = { 14.0, PANGO_WEIGHT_BOLD, INK_ACCENT },
  [STYLE_HEADER] = { 10.0, PANGO_WEIGHT_BOLD, INK_ACCENT },
  [STYLE_HEADER_TITLE] = { 10.0, PANGO_WEIGHT_NORMAL, INK_MUTED },
  [STYLE_FOOTER] = { 9.0, PANGO_WEIGHT_NORMAL, INK_MUTED },
  [STYLE_CELL] = { 11.0, PANGO_WEIGHT_NORMAL, INK_TEXT },
  [STYLE_CELL_HEAD] = { 11.0, PANGO_WEIGHT_BOLD, INK_TEXT },
  [STYLE_RESUME_NAME] = { 22.0, PANGO_WEIGHT_BOLD, INK_ACCENT },
  [STYLE_RESUME_LABEL] = { 12.5, PANGO_WEIGHT_NORMAL, INK_TEXT },
  [STYLE_RESUME_HEADING] = { 12.0, PANGO_WEIGHT_BOLD, INK_ACCENT },
  [STYLE_RESUME_ENTRY] = { 11.5, PANGO_WEIGHT_BOLD, INK_TEXT },
  [STYLE_RESUME_BODY] = { 11.0, PANGO_WEIGHT_NORMAL, INK_TEXT },
  [STYLE_RESUME_META] = { 11.0, PANGO_WEIGHT_NORMAL, INK_MUTED },
  [STYLE_SLIP_CODE] = { 40.0, PANGO_WEIGHT_BOLD, INK_TEXT },
};

/* ---------------------------------------------------------------------- */
/* Text and pages                                                         */

void
jk_layout_set_ink (cairo_t *cr,
                   Ink      ink)
{
  switch (ink)
    {
    case INK_ACCENT:
      /* Dark blue, as on screen; still dark on a black-and-white printer. */
      cairo_set_source_rgb (cr, 0.08, 0.20, 0.42);
      break;
    case INK_MUTED:
      cairo_set_source_rgb (cr, 0.33, 0.33, 0.33);
      break;
    case INK_TEXT:
    default:
      cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
      break;
    }
}

/* Outside text only ever goes in through pango_layout_set_text, so
 * markup characters in it are printed as they are. */
PangoLayout *
jk_layout_create_text (Composer   *c,
                       Style       style,
                       const char *text,
                       double      width)
{
  PangoLayout *layout = pango_layout_new (c->pango);

  pango_layout_set_font_description (layout, c->fonts[style]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

/* "Schedule: Full-time" with the label bold, done with an attribute rather
 * than markup so the value can be anything. */
PangoLayout *
jk_layout_create_label_text (Composer   *c,
                             Style       style,
                             const char *label,
                             const char *value,
                             double      width)
{
  g_autofree char *text = g_strconcat (label, " ", value != NULL ? value : "", NULL);
  PangoLayout *layout = jk_layout_create_text (c, style, text, width);
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

  bold->start_index = 0;
  bold->end_index = strlen (label);
  pango_attr_list_insert (attrs, bold);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

double
jk_layout_measure_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

double
jk_layout_measure_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return pango_units_to_double (width);
}

/* Where the n-th line ends, to keep a paragraph's first lines together. */
static double
measure_first_lines (PangoLayout *layout,
                     guint        n_lines)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  PangoRectangle logical = { 0 };
  guint i = 0;

  do
    pango_layout_iter_get_line_extents (iter, NULL, &logical);
  while (++i < n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return pango_units_to_double (logical.y + logical.height);
}

static double
measure_line_height (Composer *c,
                     Style     style)
{
  g_autoptr (PangoLayout) layout = jk_layout_create_text (c, style, "Ag", -1);

  return jk_layout_measure_height (layout);
}

static Ink
composer_ink (Composer *c,
              Style     style)
{
  return c->monochrome ? INK_TEXT : style_specs[style].ink;
}

void
jk_layout_draw_text (Composer    *c,
                     PangoLayout *layout,
                     Style        style,
                     double       x,
                     double       y)
{
  jk_layout_set_ink (c->cr, composer_ink (c, style));
  cairo_move_to (c->cr, x, y);
  pango_cairo_show_layout (c->cr, layout);
}

void
jk_layout_draw_rule (cairo_t *cr,
                     double   x1,
                     double   x2,
                     double   y,
                     double   line_width,
                     Ink      ink)
{
  jk_layout_set_ink (cr, ink);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x1, y);
  cairo_line_to (cr, x2, y);
  cairo_stroke (cr);
}

static void
draw_header (Composer *c)
{
  double width = c->right - c->left;
  g_autoptr (PangoLayout) name = jk_layout_create_text (c, STYLE_HEADER, c->center_name, width * 0.58);
  g_autoptr (PangoLayout) title = jk_layout_create_text (c, STYLE_HEADER_TITLE, c->title, width * 0.4);

  /* One line each: a long center name is cut, never pushed into the body. */
  pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (title, PANGO_ALIGN_RIGHT);
  jk_layout_draw_text (c, name, STYLE_HEADER, c->left, MARGIN);
  jk_layout_draw_text (c, title, STYLE_HEADER_TITLE, c->right - width * 0.4, MARGIN);
  jk_layout_draw_rule (c->cr, c->left, c->right, c->header_rule_y, 0.75, INK_ACCENT);
}

static void
draw_footer (Composer *c,
             cairo_t  *cr,
             guint     page,
             guint     n_pages)
{
  double width = c->right - c->left;
  g_autofree char *date = jk_format_date_short (c->printed_at);
  g_autofree char *time = jk_format_time_of_day (c->printed_at);
  /* TRANSLATORS: footer of every printout: short date ("Nov 22"), year, time of day */
  g_autofree char *printed = g_strdup_printf (_("Printed %1$s, %2$d %3$s"), date,
                                              g_date_time_get_year (c->printed_at), time);
  /* TRANSLATORS: footer of every printout: this page's number, number of pages */
  g_autofree char *numbers = g_strdup_printf (_("Page %1$u of %2$u"), page, n_pages);
  g_autoptr (PangoLayout) left = jk_layout_create_text (c, STYLE_FOOTER, printed, width * 0.6);
  g_autoptr (PangoLayout) right = jk_layout_create_text (c, STYLE_FOOTER, numbers, width * 0.38);
  double text_y = c->footer_rule_y + 5;

  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  jk_layout_draw_rule (cr, c->left, c->right, c->footer_rule_y, 0.5, INK_MUTED);
  jk_layout_set_ink (cr, style_specs[STYLE_FOOTER].ink);
  cairo_move_to (cr, c->left, text_y);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, c->right - width * 0.38, text_y);
  pango_cairo_show_layout (cr, right);
}

void
jk_composer_new_page (Composer *c)
{
  cairo_rectangle_t extents = { 0, 0, c->width, c->height };
  cairo_surface_t *page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

  g_clear_pointer (&c->cr, cairo_destroy);
  g_ptr_array_add (c->pages, page);
  c->cr = cairo_create (page);
  if (!c->bare)
    draw_header (c);
  c->y = c->top;
}

static void
composer_setup (Composer                *c,
                const JkDocumentContext *context,
                const char              *title,
                gboolean                 bare)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  double header_height;
  double footer_height;

  memset (c, 0, sizeof *c);
  c->title = title;
  c->bare = bare;
  c->language = context != NULL ? context->language : NULL;
  c->center_name = g_strdup (context != NULL && context->center_name != NULL && context->center_name[0] != '\0'
                             ? context->center_name
                             /* TRANSLATORS: the header of a printout when the kiosk has no center name set */
                             : _("Career Center"));
  c->printed_at = context != NULL && context->printed_at != NULL ? g_date_time_ref (context->printed_at)
                                                                 : g_date_time_new_now_local ();
  if (context != NULL && context->paper == JK_PAPER_A4)
    {
      c->width = 595.276;
      c->height = 841.89;
    }
  else
    {
      c->width = 612.0;
      c->height = 792.0;
    }

  /* A private font map per document: PangoCairo's default one belongs to
   * the thread that made it. 72 dpi makes a Pango point a PDF point, and
   * unhinted, unrounded metrics keep the layout the same at any scale. */
  c->font_map = pango_cairo_font_map_new ();
  c->pango = pango_font_map_create_context (c->font_map);
  pango_cairo_context_set_resolution (c->pango, 72.0);
  pango_context_set_round_glyph_positions (c->pango, FALSE);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (c->pango, options);
  cairo_font_options_destroy (options);
  for (guint i = 0; i < N_STYLES; i++)
    {
      c->fonts[i] = pango_font_description_from_string (FONT_FAMILY);
      pango_font_description_set_size (c->fonts[i], (int) (style_specs[i].size * PANGO_SCALE));
      pango_font_description_set_weight (c->fonts[i], style_specs[i].weight);
    }

  header_height = measure_line_height (c, STYLE_HEADER);
  footer_height = measure_line_height (c, STYLE_FOOTER);
  c->left = MARGIN;
  c->right = c->width - MARGIN;
  c->header_rule_y = MARGIN + header_height + 3;
  c->top = c->header_rule_y + 18;
  c->footer_rule_y = c->height - MARGIN - footer_height - 5;
  c->bottom = c->footer_rule_y - 14;
  if (bare)
    {
      c->top = MARGIN;
      c->bottom = c->height - MARGIN;
    }
  c->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  jk_composer_new_page (c);
}

void
jk_composer_init (Composer                *c,
                  const JkDocumentContext *context,
                  const char              *title)
{
  composer_setup (c, context, title, FALSE);
}

void
jk_composer_init_bare (Composer                *c,
                       const JkDocumentContext *context,
                       const char              *title)
{
  composer_setup (c, context, title, TRUE);
}

static void
composer_clear (Composer *c)
{
  g_clear_pointer (&c->cr, cairo_destroy);
  g_clear_pointer (&c->pages, g_ptr_array_unref);
  for (guint i = 0; i < N_STYLES; i++)
    g_clear_pointer (&c->fonts[i], pango_font_description_free);
  g_clear_object (&c->pango);
  g_clear_object (&c->font_map);
  g_clear_pointer (&c->printed_at, g_date_time_unref);
  g_clear_pointer (&c->center_name, g_free);
}

static gboolean
composer_at_top (Composer *c)
{
  return c->y <= c->top + 0.01;
}

/* Starts a new page unless `height` more fits on this one (or this page
 * is still empty, where waiting would not help). */
void
jk_composer_need (Composer *c,
                  double    height)
{
  if (c->y + height > c->bottom && !composer_at_top (c))
    jk_composer_new_page (c);
}

/* Vertical space that disappears at the top of a page. */
void
jk_composer_space (Composer *c,
                   double    height)
{
  if (!composer_at_top (c))
    c->y += height;
}

/* Draws a layout line by line from the cursor, going on to a new page
 * between lines, never through one. A marker (a bullet) is drawn beside
 * the first line, on its baseline. */
void
jk_composer_flow (Composer    *c,
                  PangoLayout *layout,
                  Style        style,
                  double       x,
                  PangoLayout *marker,
                  double       marker_x)
{
  PangoLayoutIter *iter;
  double shift;
  gboolean first = TRUE;

  /* No paragraph starts with a lone line at the foot of a page. */
  jk_composer_need (c, measure_first_lines (layout, 2));
  shift = c->y;
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      double top;
      double line_height;
      double baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = pango_units_to_double (logical.y) + shift;
      line_height = pango_units_to_double (logical.height);
      if (top + line_height > c->bottom && !composer_at_top (c))
        {
          jk_composer_new_page (c);
          shift = c->y - pango_units_to_double (logical.y);
          top = c->y;
        }
      baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter)) + shift;
      jk_layout_set_ink (c->cr, composer_ink (c, style));
      cairo_move_to (c->cr, x + pango_units_to_double (logical.x), baseline);
      pango_cairo_show_layout_line (c->cr, pango_layout_iter_get_line_readonly (iter));
      if (first && marker != NULL)
        {
          cairo_move_to (c->cr, marker_x, baseline);
          pango_cairo_show_layout_line (c->cr, pango_layout_get_line_readonly (marker, 0));
        }
      first = FALSE;
      c->y = top + line_height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

void
jk_layout_add_text (Composer   *c,
                    Style       style,
                    const char *text)
{
  g_autoptr (PangoLayout) layout = jk_layout_create_text (c, style, text, c->right - c->left);

  jk_composer_flow (c, layout, style, c->left, NULL, 0);
}

void
jk_layout_add_label_text (Composer   *c,
                          Style       style,
                          const char *label,
                          const char *value)
{
  g_autoptr (PangoLayout) layout = jk_layout_create_label_text (c, style, label, value, c->right - c->left);

  jk_composer_flow (c, layout, style, c->left, NULL, 0);
}

/* A heading never ends a page: it moves on with the lines it introduces. */
void
jk_layout_add_heading (Composer   *c,
                       const char *text)
{
  double width = c->right - c->left;
  g_autoptr (PangoLayout) layout = jk_layout_create_text (c, STYLE_HEADING, text, width);

  jk_composer_space (c, 16);
  jk_composer_need (c, jk_layout_measure_height (layout) + 6 + 2.5 * measure_line_height (c, STYLE_BODY));
  jk_composer_flow (c, layout, STYLE_HEADING, c->left, NULL, 0);
  c->y += 6;
}

static void
add_bullet (Composer   *c,
            Style       style,
            const char *text)
{
  double indent = BULLET_INDENT;
  g_autoptr (PangoLayout) layout = jk_layout_create_text (c, style, text, c->right - c->left - indent);
  g_autoptr (PangoLayout) marker = jk_layout_create_text (c, style, "•", -1);

  jk_composer_flow (c, layout, style, c->left + indent, marker, c->left + 6);
}

/* A description as the feed module leaves it: paragraphs split by blank
 * lines, "• " lines as bullets. Lines inside a paragraph stay lines. */
void
jk_layout_add_description (Composer   *c,
                           const char *text)
{
  static const char bullet[] = "• ";
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (GString) paragraph = g_string_new (NULL);
  gboolean after_bullet = FALSE;

  for (guint i = 0; lines[i] != NULL || paragraph->len > 0; i++)
    {
      const char *line = lines[i] != NULL ? lines[i] : "";
      gboolean is_bullet = g_str_has_prefix (line, bullet);

      if (paragraph->len > 0 && (is_bullet || line[0] == '\0'))
        {
          jk_composer_space (c, after_bullet ? 8 : 0);
          jk_layout_add_text (c, STYLE_BODY, paragraph->str);
          c->y += 8;
          g_string_truncate (paragraph, 0);
          after_bullet = FALSE;
        }
      if (lines[i] == NULL)
        break;
      if (is_bullet)
        {
          add_bullet (c, STYLE_BODY, line + strlen (bullet));
          c->y += 3;
          after_bullet = TRUE;
        }
      else if (line[0] != '\0')
        {
          if (paragraph->len > 0)
            g_string_append_c (paragraph, '\n');
          g_string_append (paragraph, line);
        }
    }
}

/* ---------------------------------------------------------------------- */
/* QR codes and addresses                                                 */

/* A module size a phone can still read, within limits. */
double
jk_layout_choose_qr_size (const JkQrMatrix *qr,
                          double            smallest,
                          double            largest)
{
  double wanted = jk_qr_matrix_get_full_size (qr) * 1.2;

  return CLAMP (wanted, smallest, largest);
}

static int
find_break (const char *text,
            int         length,
            const char *after)
{
  for (int i = length; i > length / 2; i--)
    if (strchr (after, text[i - 1]) != NULL)
      return i;
  return 0;
}

/* A web address split into lines that fit `width` (the first one
 * `first_width`), after a "/" or "?" where it can, else after other
 * punctuation, else anywhere; never with an added hyphen. */
char *
jk_layout_break_url (Composer   *c,
                     Style       style,
                     const char *url,
                     double      first_width,
                     double      width)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (PangoLayout) layout = jk_layout_create_text (c, style, NULL, width);
  PangoAttrList *attrs = pango_attr_list_new ();
  const char *rest = url;

  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_wrap (layout, PANGO_WRAP_CHAR);
  pango_layout_set_width (layout, pango_units_from_double (first_width));
  while (*rest != '\0')
    {
      int length;
      int cut;

      pango_layout_set_text (layout, rest, -1);
      if (pango_layout_get_line_count (layout) <= 1)
        {
          g_string_append (out, rest);
          break;
        }
      length = pango_layout_get_line_readonly (layout, 0)->length;
      if (length <= 0)
        {
          g_string_append (out, rest);
          break;
        }
      cut = find_break (rest, length, "/?&#");
      if (cut == 0)
        cut = find_break (rest, length, "=-_.~+,;:");
      if (cut == 0)
        cut = length;
      g_string_append_len (out, rest, cut);
      g_string_append_c (out, '\n');
      rest += cut;
      pango_layout_set_width (layout, pango_units_from_double (width));
    }
  return g_strdup (out->str);
}

/* ---------------------------------------------------------------------- */
/* Words for a posting                                                    */

/* "Columbus, OH 43215", or whatever part of it is known. */
char *
jk_layout_format_place (const JkJob *job)
{
  g_autoptr (GString) out = g_string_new (NULL);

  if (job->city != NULL)
    g_string_append (out, job->city);
  if (job->state != NULL)
    g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", job->state);
  if (job->postal_code != NULL)
    g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", job->postal_code);
  return out->len > 0 ? g_strdup (out->str) : NULL;
}

/* "Nov 20", with the year only when it is not this year's. */
char *
jk_layout_format_day (GDateTime *time,
                      GDateTime *now)
{
  g_autofree char *day = jk_format_date_short (time);

  if (g_date_time_get_year (time) == g_date_time_get_year (now))
    return g_steal_pointer (&day);
  /* TRANSLATORS: a short date ("Nov 22") and its year */
  return g_strdup_printf (_("%1$s, %2$d"), day, g_date_time_get_year (time));
}

static char *
format_unix_day (gint64     unix_time,
                 GDateTime *now)
{
  g_autoptr (GDateTime) time = unix_time > 0 ? g_date_time_new_from_unix_local (unix_time) : NULL;

  return time != NULL ? jk_layout_format_day (time, now) : NULL;
}

/* "Posted Nov 20 · Closes Dec 31", or either half; NULL when neither. */
char *
jk_layout_format_dates (const JkJob *job,
                        GDateTime   *now)
{
  g_autofree char *posted = format_unix_day (job->posted, now);
  g_autofree char *expires = format_unix_day (job->expires, now);
  g_autoptr (GString) out = g_string_new (NULL);

  if (posted != NULL)
    /* TRANSLATORS: when a job was posted: a short date, "Nov 20" */
    g_string_append_printf (out, _("Posted %s"), posted);
  if (expires != NULL)
    {
      if (out->len > 0)
        g_string_append (out, "  ·  ");
      /* TRANSLATORS: the last day to apply for a job: a short date, "Dec 31" */
      g_string_append_printf (out, _("Closes %s"), expires);
    }
  return out->len > 0 ? g_strdup (out->str) : NULL;
}

const char *
jk_layout_get_title (const JkJob *job)
{
  /* TRANSLATORS: shown when a posting has no job title */
  return job->title != NULL && job->title[0] != '\0' ? job->title : _("Job opening");
}

/* ---------------------------------------------------------------------- */
/* Tables and form lines                                                  */

static double
measure_row (Composer          *c,
             const Table       *table,
             Style              style,
             const char *const *cells,
             PangoLayout      **layouts)
{
  double height = 0;

  for (guint i = 0; i < table->n_columns; i++)
    {
      double cell_height;

      layouts[i] = jk_layout_create_text (c, style, cells[i], table->widths[i] - 2 * CELL_PADDING);
      cell_height = jk_layout_measure_height (layouts[i]);
      height = MAX (height, cell_height);
    }
  return height + 2 * CELL_PADDING;
}

static void
draw_row (Composer     *c,
          const Table  *table,
          Style         style,
          PangoLayout **layouts,
          double        height,
          gboolean      is_header)
{
  double x = c->left;
  double visible = MIN (height, c->bottom - c->y);

  cairo_save (c->cr);
  /* A row taller than a page is cut at its foot rather than overprinting. */
  cairo_rectangle (c->cr, c->left - 1, c->y - 1, c->right - c->left + 2, visible + 2);
  cairo_clip (c->cr);
  if (is_header)
    {
      cairo_set_source_rgb (c->cr, 0.88, 0.91, 0.96);
      cairo_rectangle (c->cr, c->left, c->y, c->right - c->left, visible);
      cairo_fill (c->cr);
    }

  /* Each line of the grid once: doubled strokes print heavier. Every page's
   * part of the table starts with the header row, which draws the top. */
  cairo_new_path (c->cr);
  if (is_header)
    {
      cairo_move_to (c->cr, c->left, c->y);
      cairo_line_to (c->cr, c->right, c->y);
    }
  cairo_move_to (c->cr, c->left, c->y + visible);
  cairo_line_to (c->cr, c->right, c->y + visible);
  for (guint i = 0; i <= table->n_columns; i++)
    {
      cairo_move_to (c->cr, x, c->y);
      cairo_line_to (c->cr, x, c->y + visible);
      if (i < table->n_columns)
        x += table->widths[i];
    }
  jk_layout_set_ink (c->cr, INK_TEXT);
  cairo_set_line_width (c->cr, 0.75);
  cairo_stroke (c->cr);

  x = c->left;
  for (guint i = 0; i < table->n_columns; i++)
    {
      jk_layout_draw_text (c, layouts[i], style, x + CELL_PADDING, c->y + CELL_PADDING);
      x += table->widths[i];
    }
  cairo_restore (c->cr);
  c->y += visible;
}

void
jk_layout_add_table_header (Composer    *c,
                            const Table *table)
{
  PangoLayout *layouts[8] = { NULL };
  double height = measure_row (c, table, STYLE_CELL_HEAD, table->headers, layouts);

  draw_row (c, table, STYLE_CELL_HEAD, layouts, height, TRUE);
  for (guint i = 0; i < table->n_columns; i++)
    g_object_unref (layouts[i]);
}

/* A row as tall as its tallest cell (and at least min_height); a row that
 * does not fit goes to the next page, under the header again. */
void
jk_layout_add_table_row (Composer          *c,
                         const Table       *table,
                         const char *const *cells,
                         double             min_height)
{
  PangoLayout *layouts[8] = { NULL };
  double height = measure_row (c, table, STYLE_CELL, cells, layouts);

  height = MAX (height, min_height);
  if (c->y + height > c->bottom)
    {
      jk_composer_new_page (c);
      jk_layout_add_table_header (c, table);
    }
  draw_row (c, table, STYLE_CELL, layouts, height, FALSE);
  for (guint i = 0; i < table->n_columns; i++)
    g_object_unref (layouts[i]);
}

/* "Name: ______" with the value written on the line, or the line left
 * empty to fill in by hand. */
void
jk_layout_add_fill_in_line (Composer   *c,
                            const char *label,
                            const char *value,
                            double      line_width)
{
  g_autoptr (PangoLayout) label_layout = jk_layout_create_text (c, STYLE_CELL_HEAD, label, -1);
  double label_width = jk_layout_measure_width (label_layout);
  double value_x = c->left + label_width + 8;
  double value_width = MIN (line_width, c->right - value_x);
  g_autoptr (PangoLayout) value_layout = jk_layout_create_text (c, STYLE_BODY, value, value_width);
  double label_height = jk_layout_measure_height (label_layout);
  double value_height = jk_layout_measure_height (value_layout);
  double height = MAX (label_height, value_height);
  double label_baseline = pango_units_to_double (pango_layout_get_baseline (label_layout));
  double value_baseline = pango_units_to_double (pango_layout_get_baseline (value_layout));
  double baseline;

  jk_composer_need (c, height + 4);
  baseline = c->y + MAX (label_baseline, value_baseline);
  jk_layout_draw_text (c, label_layout, STYLE_CELL_HEAD, c->left, baseline - label_baseline);
  jk_layout_draw_text (c, value_layout, STYLE_BODY, value_x, baseline - value_baseline);
  c->y += height + 2;
  jk_layout_draw_rule (c->cr, value_x, value_x + value_width, c->y, 0.75, INK_TEXT);
  c->y += 2;
}

/* ---------------------------------------------------------------------- */
/* Output                                                                 */

/* Adds the footers, now that the page count is known. */
JkDocument *
jk_composer_finish (Composer    *c,
                    const char  *kind,
                    GError     **error)
{
  JkDocument *self;
  cairo_status_t status = cairo_status (c->cr);

  g_clear_pointer (&c->cr, cairo_destroy);
  for (guint i = 0; i < c->pages->len && !c->bare && status == CAIRO_STATUS_SUCCESS; i++)
    {
      cairo_t *cr = cairo_create (c->pages->pdata[i]);

      draw_footer (c, cr, i + 1, c->pages->len);
      status = cairo_status (cr);
      cairo_destroy (cr);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (c->pages->pdata[i]);
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      jk_document_set_render_error (error, status);
      composer_clear (c);
      return NULL;
    }

  self = jk_document_new (kind, c->title, c->width, c->height, g_steal_pointer (&c->pages));
  composer_clear (c);
  return self;
}
