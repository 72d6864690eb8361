/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-layout.c: fit, target size and contrast measurements of a drawn window */

#include <math.h>

#include "shell/jk-page.h"
#include "shell/jk-window.h"
#include "jk-test-layout.h"
#include "jk-test-ui-util.h"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static gboolean
has_class (GtkWidget  *widget,
           const char *name)
{
  return gtk_style_context_has_class (gtk_widget_get_style_context (widget), name);
}

static gboolean
has_handler (gpointer    instance,
             const char *signal)
{
  guint id = g_signal_lookup (signal, G_OBJECT_TYPE (instance));

  return id != 0 && g_signal_has_handler_pending (instance, id, 0, TRUE);
}

static gboolean
rect_contains (const GdkRectangle *outer,
               const GdkRectangle *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y && inner->x + inner->width <= outer->x + outer->width
         && inner->y + inner->height <= outer->y + outer->height;
}

static gboolean
rect_intersect (const GdkRectangle *a,
                const GdkRectangle *b,
                GdkRectangle       *out)
{
  GdkRectangle result = { 0, 0, 0, 0 };
  gboolean any = gdk_rectangle_intersect (a, b, &result);

  if (out != NULL)
    *out = result;
  return any;
}

/* The widget's allocation in the toplevel's coordinates (scrolling included). */
static gboolean
window_rect (GtkWidget    *widget,
             GdkRectangle *rect)
{
  GtkWidget *top = gtk_widget_get_toplevel (widget);
  int x = 0, y = 0;

  if (!gtk_widget_translate_coordinates (widget, top, 0, 0, &x, &y))
    return FALSE;
  rect->x = x;
  rect->y = y;
  rect->width = gtk_widget_get_allocated_width (widget);
  rect->height = gtk_widget_get_allocated_height (widget);
  return TRUE;
}

/* The allocation less the CSS margin: the box a finger sees. */
static gboolean
border_box (GtkWidget    *widget,
            GdkRectangle *rect)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GtkBorder margin;

  if (!window_rect (widget, rect))
    return FALSE;
  gtk_style_context_get_margin (context, gtk_style_context_get_state (context), &margin);
  rect->x += margin.left;
  rect->y += margin.top;
  rect->width = MAX (0, rect->width - margin.left - margin.right);
  rect->height = MAX (0, rect->height - margin.top - margin.bottom);
  return TRUE;
}

static char *
short_text (const char *text)
{
  g_autofree char *flat = g_strdup (text);
  GString *out;

  g_strdelimit (flat, "\n\t", ' ');
  g_strstrip (flat);
  if (g_utf8_strlen (flat, -1) <= 48)
    return g_steal_pointer (&flat);
  out = g_string_new_len (flat, g_utf8_offset_to_pointer (flat, 45) - flat);
  g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

static void
collect_label_text (GtkWidget *widget,
                    gpointer   user_data)
{
  GString *text = user_data;

  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
    }
  else if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), collect_label_text, text);
}

/* The name a person using a screen reader would hear, else what is written on it. */
static char *
widget_name (GtkWidget *widget)
{
  AtkObject *accessible = gtk_widget_get_accessible (widget);
  const char *name = accessible != NULL ? atk_object_get_name (accessible) : NULL;
  g_autoptr (GString) text = g_string_new (NULL);

  if (name != NULL && name[0] != '\0')
    return g_strdup_printf ("“%s”", name);
  if (GTK_IS_ENTRY (widget) && gtk_entry_get_placeholder_text (GTK_ENTRY (widget)) != NULL)
    g_string_append (text, gtk_entry_get_placeholder_text (GTK_ENTRY (widget)));
  else
    collect_label_text (widget, text);
  if (text->len > 0)
    {
      g_autofree char *shown = short_text (text->str);
      return g_strdup_printf ("unnamed, showing “%s”", shown);
    }
  return g_strdup ("unnamed");
}

static GtkWidget *
actionable_ancestor (GtkWidget *widget)
{
  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
    if (jk_layout_is_actionable (up))
      return up;
  return NULL;
}

static double
channel_luminance (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const GdkRGBA *c)
{
  return 0.2126 * channel_luminance (c->red) + 0.7152 * channel_luminance (c->green)
         + 0.0722 * channel_luminance (c->blue);
}

static void
pixel_at (GdkPixbuf *pixbuf,
          int        x,
          int        y,
          GdkRGBA   *out)
{
  const guchar *p = gdk_pixbuf_read_pixels (pixbuf) + y * gdk_pixbuf_get_rowstride (pixbuf)
                    + x * gdk_pixbuf_get_n_channels (pixbuf);

  out->red = p[0] / 255.0;
  out->green = p[1] / 255.0;
  out->blue = p[2] / 255.0;
  out->alpha = 1;
}

static gboolean
in_pixbuf (GdkPixbuf *pixbuf,
           int        x,
           int        y)
{
  return x >= 0 && y >= 0 && x < gdk_pixbuf_get_width (pixbuf) && y < gdk_pixbuf_get_height (pixbuf);
}

static char *
hex (const GdkRGBA *c)
{
  return g_strdup_printf ("#%02x%02x%02x", (int) lround (c->red * 255), (int) lround (c->green * 255),
                          (int) lround (c->blue * 255));
}

/* A colour with alpha, as drawn over behind. */
static void
blend (const GdkRGBA *over,
       const GdkRGBA *behind,
       GdkRGBA       *out)
{
  out->red = over->red * over->alpha + behind->red * (1 - over->alpha);
  out->green = over->green * over->alpha + behind->green * (1 - over->alpha);
  out->blue = over->blue * over->alpha + behind->blue * (1 - over->alpha);
  out->alpha = 1;
}

/* The most common colour in rect (what lies behind the text), and the
 * colour there that stands out most from it (the text's own colour: glyph
 * stems at 18 pt and up are several pixels wide, so it is drawn whole).
 * Columns [skip_from, skip_to) are left out (an entry's text cursor). */
static gboolean
text_colours (GdkPixbuf          *pixbuf,
              const GdkRectangle *rect,
              int                 skip_from,
              int                 skip_to,
              GdkRGBA            *background,
              GdkRGBA            *ink)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint best_count = 0, best = 0;
  double best_ratio = 0;
  GdkRectangle bounds = { 0, 0, gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf) };
  GdkRectangle area;

  if (!rect_intersect (rect, &bounds, &area))
    return FALSE;
  for (int y = area.y; y < area.y + area.height; y++)
    for (int x = area.x; x < area.x + area.width; x++)
      {
        const guchar *p;
        guint rgb;

        if (x >= skip_from && x < skip_to)
          continue;
        p = gdk_pixbuf_read_pixels (pixbuf) + y * gdk_pixbuf_get_rowstride (pixbuf)
            + x * gdk_pixbuf_get_n_channels (pixbuf);
        rgb = (p[0] << 16) | (p[1] << 8) | p[2];
        g_hash_table_insert (counts, GUINT_TO_POINTER (rgb + 1),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (rgb + 1))) + 1));
      }
  if (g_hash_table_size (counts) == 0)
    return FALSE;
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_count)
      {
        best_count = GPOINTER_TO_UINT (value);
        best = GPOINTER_TO_UINT (key) - 1;
      }
  background->red = ((best >> 16) & 0xff) / 255.0;
  background->green = ((best >> 8) & 0xff) / 255.0;
  background->blue = (best & 0xff) / 255.0;
  background->alpha = 1;
  *ink = *background;
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint rgb = GPOINTER_TO_UINT (key) - 1;
      GdkRGBA c = { ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0, 1 };
      double ratio = jk_layout_contrast_ratio (&c, background);

      if (ratio > best_ratio)
        {
          best_ratio = ratio;
          *ink = c;
        }
    }
  return TRUE;
}

/* Whether the widget's text counts as large (WCAG: 18 pt, or 14 pt bold,
 * which are 24 px and 18.66 px), and its size in px for the message. */
static gboolean
large_text (GtkWidget *widget,
            double    *px,
            gboolean  *bold)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  PangoFontDescription *font = NULL;
  double size, dpi = gdk_screen_get_resolution (gtk_widget_get_screen (widget));

  gtk_style_context_get (context, gtk_style_context_get_state (context), "font", &font, NULL);
  size = pango_font_description_get_size (font) / (double) PANGO_SCALE;
  if (dpi <= 0)
    dpi = 96;
  *px = pango_font_description_get_size_is_absolute (font) ? size : size * dpi / 72.0;
  *bold = pango_font_description_get_weight (font) >= PANGO_WEIGHT_BOLD;
  pango_font_description_free (font);
  return *px >= 24 - 0.01 || (*bold && *px >= 18.66 - 0.01);
}

static void
fail (GPtrArray  *failures,
      const char *where,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static void
fail (GPtrArray  *failures,
      const char *where,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *what = NULL;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (failures, g_strdup_printf ("%s: %s", where, what));
}

/* Scrollable children of a scrolled window show a moving part of
 * themselves: what they cut off can be scrolled to, in the directions the
 * scrolled window scrolls. */
static gboolean
scrolls (GtkWidget *widget,
         gboolean  *horizontal,
         gboolean  *vertical)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);
  GtkPolicyType h, v;

  if (!GTK_IS_SCROLLABLE (widget) || !GTK_IS_SCROLLED_WINDOW (parent))
    return FALSE;
  gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (parent), &h, &v);
  *horizontal = h != GTK_POLICY_NEVER;
  *vertical = v != GTK_POLICY_NEVER;
  return TRUE;
}

typedef struct {
  GtkWidget *main_child;
  GtkWidget *under;
  const GdkRectangle *visible;
  GtkWidget *cover;
} CoverSearch;

static void
find_cover_cb (GtkWidget *child,
               gpointer   user_data)
{
  CoverSearch *search = user_data;
  GdkRectangle rect;

  if (search->cover != NULL || child == search->main_child || child == search->under
      || !gtk_widget_get_mapped (child) || !window_rect (child, &rect))
    return;
  if (rect_intersect (&rect, search->visible, NULL))
    search->cover = child;
}

static void
collect_cb (GtkWidget *widget,
            gpointer   user_data)
{
  GPtrArray *found = user_data;

  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_mapped (widget))
    return;
  if (jk_layout_is_actionable (widget))
    g_ptr_array_add (found, widget);
  if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), collect_cb, found);
}

static void
collect_labels_cb (GtkWidget *widget,
                   gpointer   user_data)
{
  GPtrArray *labels = user_data;

  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
      if (text[0] != '\0')
        g_ptr_array_add (labels, widget);
    }
  else if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), collect_labels_cb, labels);
}

static void
check_text (GtkWidget          *widget,
            GdkPixbuf          *shot,
            const GdkRectangle *area,
            int                 skip_from,
            int                 skip_to,
            const char         *what,
            const char         *where,
            GPtrArray          *failures)
{
  GdkRGBA background, ink;
  double px, ratio;
  gboolean bold, large = large_text (widget, &px, &bold);

  if (area->width <= 0 || area->height <= 0 || !text_colours (shot, area, skip_from, skip_to, &background, &ink))
    return;
  ratio = jk_layout_contrast_ratio (&ink, &background);
  if (ratio < (large ? JK_LAYOUT_LARGE_CONTRAST : JK_LAYOUT_TEXT_CONTRAST))
    {
      g_autofree char *ink_hex = hex (&ink);
      g_autofree char *background_hex = hex (&background);

      fail (failures, where, "contrast: %s: %s on %s is %.2f:1, needs %.1f:1 (%.0f px%s%s%s)", what, ink_hex,
            background_hex, ratio, large ? JK_LAYOUT_LARGE_CONTRAST : JK_LAYOUT_TEXT_CONTRAST, px,
            bold ? " bold" : "", large ? ", large" : "", gtk_widget_is_sensitive (widget) ? "" : ", disabled");
    }
}

/* The part of the widget that is drawn and seen, or FALSE. */
static gboolean
seen_area (GtkWidget    *widget,
           GdkRectangle *area)
{
  JkSight sight;

  jk_layout_sight (widget, 0, 0, &sight);
  *area = sight.visible;
  return sight.cover == NULL && sight.visible.width > 0 && sight.visible.height > 0;
}

static gboolean
whole_in_view (GtkWidget *widget)
{
  JkSight sight;

  jk_layout_sight (widget, 0, 0, &sight);
  return gdk_rectangle_equal (&sight.rect, &sight.visible);
}

static void
check_label (GtkWidget  *label,
             GdkPixbuf  *shot,
             const char *where,
             GPtrArray  *failures)
{
  GdkRectangle area;
  GtkWidget *owner = actionable_ancestor (label);
  g_autofree char *text = short_text (gtk_label_get_text (GTK_LABEL (label)));
  g_autofree char *in = owner != NULL ? jk_layout_describe (owner) : NULL;
  g_autofree char *what = NULL;

  /* Text partly scrolled away is read once scrolled to, where it is whole. */
  if (!seen_area (label, &area) || !whole_in_view (label))
    return;
  what = g_strdup_printf ("text “%s” (GtkLabel%s%s)", text, in != NULL ? " in " : "", in != NULL ? in : "");
  check_text (label, shot, &area, -1, -1, what, where, failures);
}

/* An entry's text, or its placeholder when empty, in its text area (not
 * its icons), leaving out the text cursor. GTK 3 shows the placeholder
 * only while the entry is not focused: a focused empty entry shows none. */
static void
check_entry_text (GtkWidget  *entry,
                  GdkPixbuf  *shot,
                  const char *where,
                  GPtrArray  *failures)
{
  GdkRectangle allocation, area, seen;
  gboolean placeholder = gtk_entry_get_text_length (GTK_ENTRY (entry)) == 0;
  const char *shown = placeholder ? gtk_entry_get_placeholder_text (GTK_ENTRY (entry))
                                  : gtk_entry_get_text (GTK_ENTRY (entry));
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *what = NULL;
  int caret = -1;

  if (shown == NULL || shown[0] == '\0' || (placeholder && gtk_widget_has_focus (entry))
      || !gtk_entry_get_visibility (GTK_ENTRY (entry)) || !seen_area (entry, &seen) || !whole_in_view (entry)
      || !window_rect (entry, &allocation))
    return;
  gtk_entry_get_text_area (GTK_ENTRY (entry), &area);
  area.x += allocation.x;
  area.y += allocation.y;
  if (!rect_intersect (&area, &seen, &area))
    return;
  if (gtk_widget_has_focus (entry))
    {
      PangoLayout *layout = gtk_entry_get_layout (GTK_ENTRY (entry));
      int index = gtk_entry_text_index_to_layout_index (GTK_ENTRY (entry),
                                                        gtk_editable_get_position (GTK_EDITABLE (entry)));
      PangoRectangle strong;
      int layout_x = 0;

      /* Layout offsets count from the allocation. */
      gtk_entry_get_layout_offsets (GTK_ENTRY (entry), &layout_x, NULL);
      pango_layout_get_cursor_pos (layout, index, &strong, NULL);
      caret = allocation.x + layout_x + strong.x / PANGO_SCALE;
    }
  name = jk_layout_describe (entry);
  text = short_text (shown);
  what = g_strdup_printf ("%s “%s” (in GtkEntry %s)",
                          placeholder ? "placeholder text"
                          : gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), NULL, NULL) ? "selected text"
                          : "text", text, name);
  check_text (entry, shot, &area, caret >= 0 ? caret - 4 : -1, caret >= 0 ? caret + 5 : -1, what, where, failures);
}

/* One side of a control: the colour just outside (behind it), on its
 * border, and inside (its fill). */
typedef struct {
  GdkRGBA behind, border, fill;
  gboolean valid;
} Side;

static void
sample_side (GdkPixbuf          *shot,
             const GdkRectangle *box,
             const GdkRectangle *seen,
             const GtkBorder    *border,
             int                 side,
             Side               *out)
{
  int ox, oy, bx, by, fx, fy, cx = box->x + box->width / 2, cy = box->y + box->height / 2;

  switch (side)
    {
    case 0: /* left */
      ox = box->x - 1, oy = cy, bx = box->x + border->left / 2, by = cy, fx = box->x + border->left + 2, fy = cy;
      break;
    case 1: /* right */
      ox = box->x + box->width, oy = cy, bx = box->x + box->width - 1 - border->right / 2, by = cy;
      fx = box->x + box->width - border->right - 3, fy = cy;
      break;
    case 2: /* top */
      ox = cx, oy = box->y - 1, bx = cx, by = box->y + border->top / 2, fx = cx, fy = box->y + border->top + 2;
      break;
    default: /* bottom */
      ox = cx, oy = box->y + box->height, bx = cx, by = box->y + box->height - 1 - border->bottom / 2;
      fx = cx, fy = box->y + box->height - border->bottom - 3;
      break;
    }
  out->valid = FALSE;
  /* Behind means in view: not past a scroller's edge or the screen's. */
  if (ox < seen->x - 1 || ox > seen->x + seen->width || oy < seen->y - 1 || oy > seen->y + seen->height)
    return;
  if (!in_pixbuf (shot, ox, oy) || !in_pixbuf (shot, bx, by) || !in_pixbuf (shot, fx, fy))
    return;
  if (bx < seen->x || bx >= seen->x + seen->width || by < seen->y || by >= seen->y + seen->height)
    return;
  pixel_at (shot, ox, oy, &out->behind);
  pixel_at (shot, bx, by, &out->border);
  pixel_at (shot, fx, fy, &out->fill);
  /* A dashed border has gaps: along the side, its most visible pixel is
   * its colour. */
  for (int step = -12; step <= 12; step += 2)
    {
      int sx = side < 2 ? bx : bx + step, sy = side < 2 ? by + step : by;
      GdkRGBA other;

      if (!in_pixbuf (shot, sx, sy))
        continue;
      pixel_at (shot, sx, sy, &other);
      if (jk_layout_contrast_ratio (&other, &out->behind) > jk_layout_contrast_ratio (&out->border, &out->behind))
        out->border = other;
    }
  out->valid = TRUE;
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_ENTRY (widget) || GTK_IS_SWITCH (widget);
}

/* WCAG 1.4.11: a control is told from its surroundings by its border or
 * by its fill; either must reach 3:1 against what is behind it. Its focus
 * indicator (outline, or the focused border colour) too. */
static void
check_control (GtkWidget  *widget,
               GdkPixbuf  *shot,
               const char *where,
               GPtrArray  *failures)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GtkStateFlags state = gtk_style_context_get_state (context);
  GdkRectangle box, seen;
  GtkBorder border;
  Side sides[4];
  Side *worst = NULL;
  double worst_ratio = G_MAXDOUBLE;
  g_autofree char *name = jk_layout_describe (widget);
  GdkRGBA *outline = NULL, *focused_border = NULL, *normal_border = NULL;
  int outline_width = 0;
  GtkBorderStyle outline_style = GTK_BORDER_STYLE_NONE;

  if (!seen_area (widget, &seen) || !border_box (widget, &box))
    return;
  gtk_style_context_get_border (context, state, &border);
  for (int i = 0; i < 4; i++)
    {
      double ratio;

      sample_side (shot, &box, &seen, &border, i, &sides[i]);
      if (!sides[i].valid)
        continue;
      ratio = MAX (jk_layout_contrast_ratio (&sides[i].border, &sides[i].behind),
                   jk_layout_contrast_ratio (&sides[i].fill, &sides[i].behind));
      if (ratio < worst_ratio)
        {
          worst_ratio = ratio;
          worst = &sides[i];
        }
    }
  if (worst == NULL)
    return;
  if (worst_ratio < JK_LAYOUT_UI_CONTRAST)
    {
      g_autofree char *border_hex = hex (&worst->border);
      g_autofree char *fill_hex = hex (&worst->fill);
      g_autofree char *behind_hex = hex (&worst->behind);

      fail (failures, where, "contrast: boundary of %s: border %s, fill %s against %s behind: %.2f:1, needs 3:1%s",
            name, border_hex, fill_hex, behind_hex, worst_ratio, gtk_widget_is_sensitive (widget) ? "" : " (disabled)");
    }

  /* The focus indicator as the style would draw it on focus. A field's
   * is a ring drawn as a shadow, which the style's colours do not tell:
   * jk_layout_check_keys measures it (every indicator) from the pixels. */
  if (!gtk_widget_get_can_focus (widget) || !gtk_widget_is_sensitive (widget) || GTK_IS_ENTRY (widget))
    return;
  gtk_style_context_get (context, state | GTK_STATE_FLAG_FOCUSED, "outline-color", &outline, "outline-width",
                         &outline_width, "outline-style", &outline_style, "border-left-color", &focused_border,
                         NULL);
  gtk_style_context_get (context, state & ~GTK_STATE_FLAG_FOCUSED, "border-left-color", &normal_border, NULL);
  {
    GdkRGBA drawn;
    double ratio;
    const char *kind;

    /* GTK 3 draws an outline on focus for buttons; an entry shows focus by its border only. */
    if (!GTK_IS_ENTRY (widget) && outline_style != GTK_BORDER_STYLE_NONE && outline_style != GTK_BORDER_STYLE_HIDDEN
        && outline_width > 0)
      {
        blend (outline, &worst->behind, &drawn);
        kind = "focus outline";
      }
    else if (!gdk_rgba_equal (focused_border, normal_border) && border.left > 0)
      {
        blend (focused_border, &worst->behind, &drawn);
        kind = "focused border";
      }
    else
      {
        fail (failures, where, "contrast: %s shows no focus indicator (no outline, same border when focused)", name);
        kind = NULL;
      }
    if (kind != NULL && (ratio = jk_layout_contrast_ratio (&drawn, &worst->behind)) < JK_LAYOUT_UI_CONTRAST)
      {
        g_autofree char *drawn_hex = hex (&drawn);
        g_autofree char *behind_hex = hex (&worst->behind);

        fail (failures, where, "contrast: %s of %s: %s against %s behind: %.2f:1, needs 3:1", kind, name, drawn_hex,
              behind_hex, ratio);
      }
  }
  gdk_rgba_free (outline);
  gdk_rgba_free (focused_border);
  gdk_rgba_free (normal_border);
}

/* Keys alone: the focus walk, reading order and the drawn focus outline. */

/* A widget the walk must reach, where it was when the walk began. */
typedef struct {
  GtkWidget *widget; /* a reference */
  GdkRectangle rect;
  gboolean reached;
} Target;

static void
target_free (gpointer data)
{
  Target *target = data;

  g_object_unref (target->widget);
  g_free (target);
}

/* The keyboard slides; the picture is taken once it is still. */
static void
wait_settled (GtkWidget *window)
{
  JkKeyboard *keyboard = JK_IS_WINDOW (window) ? jk_window_get_keyboard (JK_WINDOW (window)) : NULL;
  GtkWidget *revealer = keyboard != NULL ? gtk_widget_get_parent (GTK_WIDGET (keyboard)) : NULL;

  for (int i = 0; i < 100 && revealer != NULL && GTK_IS_REVEALER (revealer)
                  && gtk_revealer_get_reveal_child (GTK_REVEALER (revealer))
                       != gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)); i++)
    jk_test_run_for (20);
  jk_test_wait_drawn (window);
}

static gboolean
in_keyboard (GtkWidget *window,
             GtkWidget *widget)
{
  JkKeyboard *keyboard = JK_IS_WINDOW (window) ? jk_window_get_keyboard (JK_WINDOW (window)) : NULL;

  return keyboard != NULL && gtk_widget_is_ancestor (widget, GTK_WIDGET (keyboard));
}

/* The ancestor a widget scrolls with, or NULL. */
static GtkWidget *
scroll_region (GtkWidget *widget)
{
  return gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
}

/* Below its nearest common ancestor with other, the ancestor of widget. */
static GtkWidget *
branch_under_common (GtkWidget *widget,
                     GtkWidget *other)
{
  GtkWidget *child = widget;

  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; child = up, up = gtk_widget_get_parent (up))
    if (up == other || gtk_widget_is_ancestor (other, up))
      return child;
  return NULL;
}

/* <0 when a is read before b: rows from the top, and within a row (most
 * of the lower one's height shared) from the left. */
static int
compare_rects (const GdkRectangle *a,
               const GdkRectangle *b)
{
  int overlap = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  if (overlap * 2 >= MIN (a->height, b->height))
    return a->x - b->x;
  return a->y - b->y;
}

/* Widgets that scroll together are compared where they are in the page;
 * else their branches below the common ancestor are (the scrolled content,
 * a sticky row, the keyboard, the bars), each wherever its content lies. */
static int
reading_compare (GtkWidget          *window,
                 const Target       *a,
                 const Target       *b)
{
  GtkWidget *branch_a, *branch_b;
  GdkRectangle ra, rb;

  if (scroll_region (a->widget) == scroll_region (b->widget))
    return compare_rects (&a->rect, &b->rect);
  branch_a = branch_under_common (a->widget, b->widget);
  branch_b = branch_under_common (b->widget, a->widget);
  if (branch_a == NULL || branch_b == NULL || !window_rect (branch_a, &ra) || !window_rect (branch_b, &rb))
    return compare_rects (&a->rect, &b->rect);
  return compare_rects (&ra, &rb);
}

/* One line across a side of the focused widget, inside to outside: the
 * longest run of pixels the focus changed by 3:1 or more, and the most
 * changed pixel, with and without the focus. */
typedef struct {
  int thick;
  double ratio;
  GdkRGBA focused, unfocused;
} Scan;

static void
scan_line (GdkPixbuf *with,
           GdkPixbuf *without,
           int        x,
           int        y,
           int        dx,
           int        dy,
           int        steps,
           Scan      *scan)
{
  int run = 0;

  memset (scan, 0, sizeof *scan);
  scan->ratio = 1;
  for (int i = 0; i < steps; i++, x += dx, y += dy)
    {
      GdkRGBA a, b;
      double ratio;

      if (!in_pixbuf (with, x, y))
        {
          run = 0;
          continue;
        }
      pixel_at (with, x, y, &a);
      pixel_at (without, x, y, &b);
      ratio = jk_layout_contrast_ratio (&a, &b);
      run = ratio >= JK_LAYOUT_UI_CONTRAST - 0.005 ? run + 1 : 0;
      scan->thick = MAX (scan->thick, run);
      if (ratio > scan->ratio)
        {
          scan->ratio = ratio;
          scan->focused = a;
          scan->unfocused = b;
        }
    }
}

static int
compare_scans (gconstpointer a,
               gconstpointer b)
{
  const Scan *sa = a, *sb = b;

  if (sa->thick != sb->thick)
    return sa->thick - sb->thick;
  return sa->ratio < sb->ratio ? -1 : sa->ratio > sb->ratio;
}

#define OUTLINE_REACH 16 /* px outside the border box where an outline may lie */
#define OUTLINE_INSET 10 /* px inside it */

/* The focused widget drawn with its focus and without it (the same
 * layout: only the focus state and the window's focus-visible flag
 * change), and the ring compared side by side. */
static void
check_outline (GtkWidget  *window,
               GtkWidget  *widget,
               const char *where,
               GPtrArray  *failures,
               double     *min_outline)
{
  GdkWindow *gdk_window = gtk_widget_get_window (window);
  GdkRectangle box, area, bounds = { 0, 0, gdk_window_get_width (gdk_window), gdk_window_get_height (gdk_window) };
  g_autoptr (GdkPixbuf) with = NULL;
  g_autoptr (GdkPixbuf) without = NULL;
  JkSight sight;
  const char *side_names[] = { "left", "right", "top", "bottom" };
  Scan worst = { G_MAXINT, G_MAXDOUBLE, { 0 }, { 0 } };
  int worst_side = -1;

  jk_layout_sight (widget, 0, 0, &sight);
  if (!border_box (widget, &box) || sight.visible.width <= 0 || sight.visible.height <= 0)
    return;
  area = (GdkRectangle) { box.x - OUTLINE_REACH, box.y - OUTLINE_REACH, box.width + 2 * OUTLINE_REACH,
                          box.height + 2 * OUTLINE_REACH };
  if (!rect_intersect (&area, &bounds, &area))
    return;
  with = gdk_pixbuf_get_from_window (gdk_window, area.x, area.y, area.width, area.height);
  gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
  gtk_widget_unset_state_flags (widget, GTK_STATE_FLAG_FOCUSED);
  jk_test_wait_drawn (window);
  without = gdk_pixbuf_get_from_window (gdk_window, area.x, area.y, area.width, area.height);
  gtk_widget_set_state_flags (widget, GTK_STATE_FLAG_FOCUSED, FALSE);
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  g_assert_nonnull (with);
  g_assert_nonnull (without);

  for (int side = 0; side < 4; side++)
    {
      g_autoptr (GArray) scans = g_array_new (FALSE, TRUE, sizeof (Scan));
      gboolean vertical = side < 2;
      int length = vertical ? box.height : box.width;
      int step = MAX (2, length / 16);
      /* Where the side is, and which way is out. */
      int edge = side == 0 ? box.x : side == 1 ? box.x + box.width - 1 : side == 2 ? box.y : box.y + box.height - 1;
      int out = side == 0 || side == 2 ? -1 : 1;
      Scan median;

      /* A side scrolled away or cut off is not seen, nor is its outline. */
      if (vertical ? edge < sight.visible.x || edge >= sight.visible.x + sight.visible.width
                   : edge < sight.visible.y || edge >= sight.visible.y + sight.visible.height)
        continue;
      /* Along the straight middle of the side, past the rounded corners. */
      for (int along = length / 5; along < length - length / 5; along += step)
        {
          int start = edge - out * OUTLINE_INSET;
          int x = vertical ? start : box.x + along, y = vertical ? box.y + along : start;
          Scan scan;

          if (vertical ? y < sight.visible.y || y >= sight.visible.y + sight.visible.height
                       : x < sight.visible.x || x >= sight.visible.x + sight.visible.width)
            continue;
          scan_line (with, without, x - area.x, y - area.y, vertical ? out : 0, vertical ? 0 : out,
                     OUTLINE_INSET + OUTLINE_REACH, &scan);
          g_array_append_val (scans, scan);
        }
      if (scans->len == 0)
        continue;
      g_array_sort (scans, compare_scans);
      median = g_array_index (scans, Scan, scans->len / 2);
      if (median.thick < worst.thick || (median.thick == worst.thick && median.ratio < worst.ratio))
        {
          worst = median;
          worst_side = side;
        }
    }
  if (worst_side < 0)
    return;
  if (min_outline != NULL && worst.thick >= JK_LAYOUT_MIN_OUTLINE && worst.ratio < *min_outline)
    {
      g_autofree char *name = jk_layout_describe (widget);
      g_autofree char *focused = hex (&worst.focused);
      g_autofree char *unfocused = hex (&worst.unfocused);

      *min_outline = worst.ratio;
      g_test_message ("%s: focus: the faintest outline so far: %s, %s side, %s over %s, %.2f:1, %d px", where, name,
                      side_names[worst_side], focused, unfocused, worst.ratio, worst.thick);
    }
  if (worst.thick < JK_LAYOUT_MIN_OUTLINE)
    {
      g_autofree char *name = jk_layout_describe (widget);
      g_autofree char *focused = hex (&worst.focused);
      g_autofree char *unfocused = hex (&worst.unfocused);

      if (worst.ratio < 1.05)
        fail (failures, where, "focus: %s shows no focus outline on its %s side (nothing drawn changes)", name,
              side_names[worst_side]);
      else
        fail (failures, where, "focus: the outline of %s on its %s side: %s over %s, %.2f:1, %d px at 3:1 or more "
              "(needs %d px at 3:1)", name, side_names[worst_side], focused, unfocused, worst.ratio, worst.thick,
              JK_LAYOUT_MIN_OUTLINE);
    }
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

void
jk_layout_check_keys (GtkWidget  *window,
                      const char *where,
                      GPtrArray  *failures,
                      double     *min_outline)
{
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) targets = g_ptr_array_new_full (0, target_free);
  g_autoptr (GPtrArray) stops = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) checked = g_hash_table_new (NULL, NULL);
  GtkWidget *first = NULL;
  gboolean round = FALSE;
  const Target *previous = NULL;
  const guint max_stops = 400;

  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  wait_settled (window);
  found = jk_layout_collect_actionable (window);
  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *widget = found->pdata[i];
      JkSight sight;
      Target *target;

      jk_layout_sight (widget, 0, 0, &sight);
      if (sight.rect.width <= 0 || sight.rect.height <= 0 || sight.cover != NULL || !gtk_widget_is_sensitive (widget)
          || in_keyboard (window, widget))
        continue;
      target = g_new0 (Target, 1);
      target->widget = g_object_ref (widget);
      window_rect (widget, &target->rect);
      g_ptr_array_add (targets, target);
    }

  for (guint i = 0; i < max_stops && !round; i++)
    {
      GtkWidget *focus;

      jk_test_press_key (window, GDK_KEY_Down);
      wait_settled (window);
      focus = gtk_window_get_focus (GTK_WINDOW (window));
      if (focus == NULL)
        {
          fail (failures, where, "keys: Down left nothing focused (after %u stops)", stops->len);
          break;
        }
      if (first == NULL)
        first = focus;
      else if (focus == first)
        {
          round = TRUE;
          break;
        }
      else if (g_ptr_array_find (stops, focus, NULL))
        {
          g_autofree char *name = jk_layout_describe (focus);
          g_autofree char *start = jk_layout_describe (first);

          fail (failures, where, "keys: Down comes back to %s, never to %s where it began", name, start);
          break;
        }
      g_ptr_array_add (stops, g_object_ref (focus));
      if (jk_layout_is_actionable (focus) && !g_hash_table_contains (checked, focus))
        {
          g_hash_table_add (checked, focus);
          check_outline (window, focus, where, failures, min_outline);
        }
    }
  if (!round && stops->len >= max_stops)
    fail (failures, where, "keys: after %u presses of Down the focus has not come round", max_stops);

  /* Reached, and in reading order (measured from where things were when
   * the walk began: the focus scrolls the page as it goes). */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  wait_settled (window);
  for (guint i = 0; i < stops->len; i++)
    for (guint j = 0; j < targets->len; j++)
      {
        Target *target = targets->pdata[j];

        if (target->widget != stops->pdata[i] || target->reached)
          continue;
        target->reached = TRUE;
        if (previous != NULL && reading_compare (window, target, previous) < 0)
          {
            g_autofree char *before = jk_layout_describe (previous->widget);
            g_autofree char *after = jk_layout_describe (target->widget);

            fail (failures, where, "order: Down goes from %s at %d,%d to %s at %d,%d, drawn before it", before,
                  previous->rect.x, previous->rect.y, after, target->rect.x, target->rect.y);
          }
        previous = target;
      }
  for (guint j = 0; j < targets->len; j++)
    {
      Target *target = targets->pdata[j];

      if (!target->reached && g_getenv ("JK_KEYS_TRACE") != NULL)
        for (guint i = 0; i < stops->len; i++)
          {
            g_autofree char *name = jk_layout_describe (stops->pdata[i]);
            g_test_message ("%s: stop %u: %s", where, i, name);
          }
      if (!target->reached)
        {
          g_autofree char *name = jk_layout_describe (target->widget);

          fail (failures, where, "keys: %s at %d,%d %dx%d is never reached by Down (%u stops)", name,
                target->rect.x, target->rect.y, target->rect.width, target->rect.height, stops->len);
        }
    }
}

void
jk_layout_check_outline (GtkWidget  *window,
                         GtkWidget  *widget,
                         const char *where,
                         GPtrArray  *failures,
                         double     *min_outline)
{
  wait_settled (window);
  check_outline (window, widget, where, failures, min_outline);
}

double
jk_layout_contrast_ratio (const GdkRGBA *a,
                          const GdkRGBA *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

gboolean
jk_layout_is_actionable (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) || GTK_IS_ENTRY (widget) || GTK_IS_SWITCH (widget) || GTK_IS_RANGE (widget))
    return !GTK_IS_SCROLLBAR (widget);
  if (GTK_IS_TEXT_VIEW (widget))
    return gtk_text_view_get_editable (GTK_TEXT_VIEW (widget));
  if (GTK_IS_LIST_BOX_ROW (widget))
    {
      GtkWidget *list = gtk_widget_get_parent (widget);
      return gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)) && GTK_IS_LIST_BOX (list)
             && has_handler (list, "row-activated");
    }
  if (GTK_IS_FLOW_BOX_CHILD (widget))
    {
      GtkWidget *box = gtk_widget_get_parent (widget);
      return GTK_IS_FLOW_BOX (box) && has_handler (box, "child-activated");
    }
  return FALSE;
}

gboolean
jk_layout_is_main_action (GtkWidget *widget)
{
  if (has_class (widget, "main-action"))
    return TRUE;
  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
    {
      if (GTK_IS_BUTTON (widget) && has_class (up, "bottom-bar"))
        return TRUE;
      if (JK_IS_PAGE (up))
        return jk_page_get_main_action (JK_PAGE (up)) == widget;
    }
  return FALSE;
}

GPtrArray *
jk_layout_collect_actionable (GtkWidget *root)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_cb (root, found);
  return found;
}

char *
jk_layout_describe (GtkWidget *widget)
{
  g_autofree char *name = NULL;
  const char *id = GTK_IS_BUILDABLE (widget) ? gtk_buildable_get_name (GTK_BUILDABLE (widget)) : NULL;

  /* A container is known by its id in the template, or its type and place. */
  if (!jk_layout_is_actionable (widget) && GTK_IS_CONTAINER (widget))
    {
      GtkWidget *parent = gtk_widget_get_parent (widget);
      const char *parent_id = parent != NULL && GTK_IS_BUILDABLE (parent)
                                ? gtk_buildable_get_name (GTK_BUILDABLE (parent)) : NULL;

      if (id != NULL && !g_str_has_prefix (id, "___object_"))
        return g_strdup_printf ("%s “%s”", G_OBJECT_TYPE_NAME (widget), id);
      if (parent_id != NULL && !g_str_has_prefix (parent_id, "___object_"))
        return g_strdup_printf ("%s in %s “%s”", G_OBJECT_TYPE_NAME (widget), G_OBJECT_TYPE_NAME (parent), parent_id);
      return g_strdup_printf ("%s in %s", G_OBJECT_TYPE_NAME (widget),
                              parent != NULL ? G_OBJECT_TYPE_NAME (parent) : "nothing");
    }
  name = widget_name (widget);
  return g_strdup_printf ("%s (%s%s)", name, G_OBJECT_TYPE_NAME (widget),
                          jk_layout_is_main_action (widget) ? ", main action" : "");
}

void
jk_layout_sight (GtkWidget *widget,
                 int        screen_width,
                 int        screen_height,
                 JkSight   *sight)
{
  GtkWidget *top = gtk_widget_get_toplevel (widget);
  GtkWidget *child = widget;
  GdkRectangle screen = { 0, 0, screen_width, screen_height };

  memset (sight, 0, sizeof *sight);
  if (!border_box (widget, &sight->rect))
    return;
  sight->visible = sight->rect;
  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; child = up, up = gtk_widget_get_parent (up))
    {
      GdkRectangle area, cut;
      gboolean horizontal = FALSE, vertical = FALSE;

      if (sight->visible.width <= 0 || sight->visible.height <= 0)
        break;
      if (GTK_IS_OVERLAY (up) && sight->cover == NULL)
        {
          CoverSearch search = { gtk_bin_get_child (GTK_BIN (up)), child, &sight->visible, NULL };

          /* Only what lies under an overlay is covered, not the overlay's own content. */
          if (search.main_child == child)
            gtk_container_forall (GTK_CONTAINER (up), find_cover_cb, &search);
          sight->cover = search.cover;
        }
      if (up == top || !window_rect (up, &area))
        break;
      rect_intersect (&sight->visible, &area, &cut);
      if (scrolls (up, &horizontal, &vertical))
        {
          const GdkRectangle *v = &sight->visible;
          gboolean cut_x = v->x < area.x || v->x + v->width > area.x + area.width;
          gboolean cut_y = v->y < area.y || v->y + v->height > area.y + area.height;

          if ((cut_x && !horizontal) || (cut_y && !vertical))
            {
              if (sight->clipper == NULL)
                sight->clipper = up;
            }
          else if (cut_x || cut_y)
            sight->scrolled = TRUE;
        }
      else if (!rect_contains (&area, &sight->visible) && sight->clipper == NULL)
        sight->clipper = up;
      sight->visible = cut;
    }
  if (screen_width <= 0 || screen_height <= 0)
    {
      screen.width = gtk_widget_get_allocated_width (top);
      screen.height = gtk_widget_get_allocated_height (top);
    }
  if (sight->visible.width > 0 && sight->visible.height > 0 && !rect_contains (&screen, &sight->visible))
    sight->outside = TRUE;
  rect_intersect (&sight->visible, &screen, &sight->visible);
}

gboolean
jk_layout_keyboard_rect (GtkWidget    *window,
                         GdkRectangle *rect)
{
  JkKeyboard *keyboard = JK_IS_WINDOW (window) ? jk_window_get_keyboard (JK_WINDOW (window)) : NULL;

  if (keyboard == NULL || !gtk_widget_get_mapped (GTK_WIDGET (keyboard)))
    return FALSE;
  if (!window_rect (GTK_WIDGET (keyboard), rect))
    return FALSE;
  /* While the revealer slides, only its own area shows the keyboard. */
  {
    GdkRectangle revealer;
    if (window_rect (gtk_widget_get_parent (GTK_WIDGET (keyboard)), &revealer))
      rect_intersect (rect, &revealer, rect);
  }
  return rect->width > 0 && rect->height > 0;
}

void
jk_layout_check_fit (GtkWidget  *window,
                     int         screen_width,
                     int         screen_height,
                     const char *where,
                     GPtrArray  *failures)
{
  g_autoptr (GPtrArray) widgets = jk_layout_collect_actionable (window);
  GdkRectangle keyboard;
  gboolean has_keyboard = jk_layout_keyboard_rect (window, &keyboard);
  int width = gtk_widget_get_allocated_width (window), height = gtk_widget_get_allocated_height (window);
  int min_width = 0, min_height = 0;

  gtk_widget_get_preferred_width (window, &min_width, NULL);
  gtk_widget_get_preferred_height_for_width (window, screen_width, &min_height, NULL);
  if (width > screen_width || height > screen_height)
    fail (failures, where, "fit: the window is %dx%d, larger than the %dx%d screen", width, height, screen_width,
          screen_height);
  if (min_width > screen_width || min_height > screen_height)
    fail (failures, where, "fit: the window asks for at least %dx%d on a %dx%d screen", min_width, min_height,
          screen_width, screen_height);

  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *widget = widgets->pdata[i];
      g_autofree char *name = NULL;
      JkSight sight;

      jk_layout_sight (widget, screen_width, screen_height, &sight);
      if (sight.rect.width <= 0 || sight.rect.height <= 0)
        continue;
      name = jk_layout_describe (widget);
      if (sight.cover != NULL)
        {
          if (gtk_widget_is_sensitive (widget))
            {
              g_autofree char *cover = jk_layout_describe (sight.cover);
              fail (failures, where, "fit: %s lies under %s yet is still sensitive (reachable by keyboard "
                    "and assistive technology)", name, cover);
            }
          continue;
        }
      if (sight.clipper != NULL)
        {
          g_autofree char *clipper = jk_layout_describe (sight.clipper);
          if (sight.visible.width > 0 && sight.visible.height > 0)
            fail (failures, where, "fit: %s at %d,%d %dx%d is cut by %s: only %dx%d at %d,%d shows", name,
                  sight.rect.x, sight.rect.y, sight.rect.width, sight.rect.height, clipper, sight.visible.width,
                  sight.visible.height, sight.visible.x, sight.visible.y);
          else
            fail (failures, where, "fit: %s at %d,%d %dx%d is cut off by %s: none of it shows", name,
                  sight.rect.x, sight.rect.y, sight.rect.width, sight.rect.height, clipper);
        }
      else if (sight.outside)
        fail (failures, where, "fit: %s at %d,%d %dx%d is partly outside the %dx%d screen", name, sight.rect.x,
              sight.rect.y, sight.rect.width, sight.rect.height, screen_width, screen_height);
      if (has_keyboard && !gtk_widget_is_ancestor (widget, GTK_WIDGET (jk_window_get_keyboard (JK_WINDOW (window))))
          && rect_intersect (&sight.visible, &keyboard, NULL))
        fail (failures, where, "fit: %s at %d,%d %dx%d is under the on-screen keyboard (from y %d)", name,
              sight.rect.x, sight.rect.y, sight.rect.width, sight.rect.height, keyboard.y);
    }
}

static int
gap (const GdkRectangle *a,
     const GdkRectangle *b)
{
  int dx = MAX (b->x - (a->x + a->width), a->x - (b->x + b->width));
  int dy = MAX (b->y - (a->y + a->height), a->y - (b->y + b->height));

  return MAX (dx, dy);
}

void
jk_layout_check_targets (GtkWidget  *window,
                         const char *where,
                         GPtrArray  *failures)
{
  g_autoptr (GPtrArray) widgets = jk_layout_collect_actionable (window);
  g_autoptr (GArray) sights = g_array_sized_new (FALSE, TRUE, sizeof (JkSight), widgets->len);

  g_array_set_size (sights, widgets->len);
  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *widget = widgets->pdata[i];
      JkSight *sight = &g_array_index (sights, JkSight, i);
      g_autofree char *name = NULL;

      jk_layout_sight (widget, 0, 0, sight);
      if (sight->cover != NULL || sight->rect.width <= 0)
        continue;
      name = jk_layout_describe (widget);
      if (sight->rect.width < JK_LAYOUT_MIN_TARGET || sight->rect.height < JK_LAYOUT_MIN_TARGET)
        fail (failures, where, "target: %s is %dx%d px, under %dx%d", name, sight->rect.width, sight->rect.height,
              JK_LAYOUT_MIN_TARGET, JK_LAYOUT_MIN_TARGET);
      if (jk_layout_is_main_action (widget) && sight->rect.height < JK_LAYOUT_MIN_MAIN_TARGET)
        fail (failures, where, "target: main action %s is %d px tall, under %d", name, sight->rect.height,
              JK_LAYOUT_MIN_MAIN_TARGET);
    }
  for (guint i = 0; i < widgets->len; i++)
    for (guint j = i + 1; j < widgets->len; j++)
      {
        JkSight *a = &g_array_index (sights, JkSight, i), *b = &g_array_index (sights, JkSight, j);
        GtkWidget *wa = widgets->pdata[i], *wb = widgets->pdata[j];
        int distance;

        if (a->cover != NULL || b->cover != NULL || a->visible.width <= 0 || a->visible.height <= 0
            || b->visible.width <= 0 || b->visible.height <= 0 || gtk_widget_is_ancestor (wa, wb)
            || gtk_widget_is_ancestor (wb, wa))
          continue;
        distance = gap (&a->visible, &b->visible);
        if (distance < JK_LAYOUT_MIN_GAP)
          {
            g_autofree char *na = jk_layout_describe (wa);
            g_autofree char *nb = jk_layout_describe (wb);

            if (distance < 0)
              fail (failures, where, "target: %s and %s overlap", na, nb);
            else
              fail (failures, where, "target: %s and %s are %d px apart, under %d", na, nb, distance,
                    JK_LAYOUT_MIN_GAP);
          }
      }
}

void
jk_layout_check_contrast (GtkWidget  *window,
                          GdkPixbuf  *shot,
                          const char *where,
                          GPtrArray  *failures)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autoptr (GPtrArray) widgets = jk_layout_collect_actionable (window);

  collect_labels_cb (window, labels);
  for (guint i = 0; i < labels->len; i++)
    check_label (labels->pdata[i], shot, where, failures);
  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *widget = widgets->pdata[i];

      if (GTK_IS_ENTRY (widget))
        check_entry_text (widget, shot, where, failures);
      if (is_control (widget))
        check_control (widget, shot, where, failures);
    }
}

GdkPixbuf *
jk_layout_capture (GtkWidget *window)
{
  GdkWindow *gdk_window = gtk_widget_get_window (window);

  return gdk_pixbuf_get_from_window (gdk_window, 0, 0, gdk_window_get_width (gdk_window),
                                     gdk_window_get_height (gdk_window));
}
