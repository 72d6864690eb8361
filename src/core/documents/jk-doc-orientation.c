/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-doc-orientation.c: one orientation page on paper: headings, paragraphs, lists and pictures as the kiosk
 * shows them */

#define G_LOG_DOMAIN "jk-document"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <jobkiosk/jk-i18n.h>

#include "documents/jk-layout-private.h"

#define LIST_INDENT 18.0
/* Pixels per point a picture is loaded at: 144 dpi, sharp on a laser
 * printer without making the PDF heavy. */
#define PICTURE_SCALE 2.0
#define PICTURE_SPACE 8.0

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* A picture loaded for print: its pixels and the points it is drawn at. */
typedef struct
{
  cairo_surface_t *surface;
  double width;
  double height;
} Picture;

static void
picture_free (Picture *picture)
{
  cairo_surface_destroy (picture->surface);
  g_free (picture);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Picture, picture_free)

/* keep_below: the height of what must follow on the same page (a picture
 * the paragraph introduces), when both fit on one. */
static void
add_markup (Composer                 *c,
            const JkOrientationBlock *block,
            Style                     style,
            double                    indent,
            const char               *marker_text,
            double                    keep_below)
{
  g_autoptr (PangoLayout) layout = jk_layout_create_text (c, style, NULL, c->right - c->left - indent);
  g_autoptr (PangoLayout) marker = NULL;

  /* The markup is the parser's own: escaped text and <b>, <i> alone. */
  pango_layout_set_markup (layout, block->markup, -1);
  if (keep_below > 0 && jk_layout_measure_height (layout) + keep_below <= c->bottom - c->top)
    jk_composer_need (c, jk_layout_measure_height (layout) + keep_below);
  if (marker_text != NULL)
    marker = jk_layout_create_text (c, style, marker_text, -1);
  jk_composer_flow (c, layout, style, c->left + indent, marker, c->left + indent - LIST_INDENT + 2);
}

/* A GdkPixbuf (RGB or RGBA, unpremultiplied bytes) as a cairo image
 * surface (native-endian, premultiplied ARGB32): GDK's own converter is
 * in GTK, which core does not use. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int in_stride = gdk_pixbuf_get_rowstride (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  const guchar *in = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                                         width, height);
  guchar *out;
  int out_stride;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface;
  cairo_surface_flush (surface);
  out = cairo_image_surface_get_data (surface);
  out_stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    {
      const guchar *p = in + (gsize) y * in_stride;
      guint32 *q = (guint32 *) (gpointer) (out + (gsize) y * out_stride);

      for (int x = 0; x < width; x++, p += channels)
        {
          guint a = alpha ? p[3] : 255;
          /* (v * a + 127) / 255, rounded, without a division. */
          guint t;
          guint r, g, b;

          t = p[0] * a + 0x80;
          r = (t + (t >> 8)) >> 8;
          t = p[1] * a + 0x80;
          g = (t + (t >> 8)) >> 8;
          t = p[2] * a + 0x80;
          b = (t + (t >> 8)) >> 8;
          q[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* A picture as large as the column and a third of the body allow, its
 * shape kept; NULL when it cannot be loaded. */
static Picture *
load_picture (Composer                 *c,
              const JkOrientationBlock *block)
{
  double max_width = c->right - c->left;
  double max_height = (c->bottom - c->top) / 3;
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkPixbuf) pixbuf = NULL;
  Picture *picture;

  if (block->path == NULL)
    return NULL;
  pixbuf = gdk_pixbuf_new_from_file_at_scale (block->path, (int) (max_width * PICTURE_SCALE),
                                              (int) (max_height * PICTURE_SCALE), TRUE, &error);
  if (pixbuf == NULL)
    {
      g_info ("%s: picture printed as its words: %s", block->path, error->message);
      return NULL;
    }
  picture = g_new0 (Picture, 1);
  picture->surface = surface_from_pixbuf (pixbuf);
  picture->width = gdk_pixbuf_get_width (pixbuf) / PICTURE_SCALE;
  picture->height = gdk_pixbuf_get_height (pixbuf) / PICTURE_SCALE;
  if (cairo_surface_status (picture->surface) != CAIRO_STATUS_SUCCESS)
    {
      g_info ("%s: picture printed as its words: %s", block->path,
              cairo_status_to_string (cairo_surface_status (picture->surface)));
      g_clear_pointer (&picture, picture_free);
    }
  return picture;
}

/* A picture in its place, whole on the next page when it does not fit;
 * without one (it could not be loaded) its words in italics: a page never
 * fails to print for a picture. */
static void
add_picture (Composer                 *c,
             const JkOrientationBlock *block,
             const Picture            *picture)
{
  g_autofree char *escaped = NULL;
  g_autofree char *markup = NULL;
  g_autoptr (PangoLayout) layout = NULL;

  if (picture != NULL)
    {
      jk_composer_need (c, picture->height);
      cairo_save (c->cr);
      cairo_translate (c->cr, c->left, c->y);
      cairo_scale (c->cr, picture->width / cairo_image_surface_get_width (picture->surface),
                   picture->height / cairo_image_surface_get_height (picture->surface));
      cairo_set_source_surface (c->cr, picture->surface, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (c->cr), CAIRO_FILTER_GOOD);
      cairo_paint (c->cr);
      cairo_restore (c->cr);
      c->y += picture->height;
      jk_composer_space (c, PICTURE_SPACE);
      return;
    }
  if (block->text == NULL || block->text[0] == '\0')
    return;
  escaped = g_markup_escape_text (block->text, -1);
  markup = g_strdup_printf ("<i>%s</i>", escaped);
  layout = jk_layout_create_text (c, STYLE_BODY, NULL, c->right - c->left);
  pango_layout_set_markup (layout, markup, -1);
  jk_composer_flow (c, layout, STYLE_BODY, c->left, NULL, 0);
  jk_composer_space (c, PICTURE_SPACE);
}

/* ---------------------------------------------------------------------- */
/* The kind                                                               */

static JkDocument *
render_page (const JkDocumentContext *context,
             gconstpointer            data,
             GError                 **error)
{
  const JkOrientationDocInput *input = data;
  const char *title = jk_orientation_blocks_title (input->blocks);
  gboolean title_drawn = FALSE;
  g_autoptr (Picture) picture = NULL;
  gboolean picture_tried = FALSE;
  Composer c;

  /* TRANSLATORS: the printed orientation page's header, before the page's own title */
  jk_composer_init (&c, context, title != NULL ? title : _("About this center"));
  for (guint i = 0; i < input->blocks->len; i++)
    {
      const JkOrientationBlock *block = input->blocks->pdata[i];
      const JkOrientationBlock *next = i + 1 < input->blocks->len ? input->blocks->pdata[i + 1] : NULL;
      g_autofree char *number = NULL;

      switch (block->kind)
        {
        case JK_ORIENTATION_HEADING:
          if (!title_drawn && block->level == 1)
            {
              jk_layout_add_text (&c, STYLE_TITLE, block->text);
              jk_composer_space (&c, 10);
              title_drawn = TRUE;
            }
          else
            jk_layout_add_heading (&c, block->text);
          break;
        case JK_ORIENTATION_PARAGRAPH:
          /* The words that lead to a picture are not left alone at the
           * foot of a page, their picture overleaf. */
          if (next != NULL && next->kind == JK_ORIENTATION_IMAGE)
            {
              picture = load_picture (&c, next);
              picture_tried = TRUE;
            }
          add_markup (&c, block, STYLE_BODY, 0, NULL, picture != NULL ? 8 + picture->height : 0);
          jk_composer_space (&c, 8);
          break;
        case JK_ORIENTATION_BULLET:
          add_markup (&c, block, STYLE_BODY, LIST_INDENT * (block->level + 1), block->level % 2 == 0 ? "•" : "◦",
                      0);
          c.y += 3;
          break;
        case JK_ORIENTATION_NUMBERED:
          number = g_strdup_printf ("%u.", block->number);
          add_markup (&c, block, STYLE_BODY, LIST_INDENT * (block->level + 1), number, 0);
          c.y += 3;
          break;
        case JK_ORIENTATION_IMAGE:
          /* Loaded already when a paragraph led to it. */
          if (!picture_tried)
            picture = load_picture (&c, block);
          add_picture (&c, block, picture);
          g_clear_pointer (&picture, picture_free);
          picture_tried = FALSE;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return jk_composer_finish (&c, jk_document_orientation.id, error);
}

static gpointer
copy_page_input (gconstpointer data)
{
  const JkOrientationDocInput *input = data;
  JkOrientationDocInput *copy = g_new0 (JkOrientationDocInput, 1);

  copy->blocks = g_ptr_array_new_full (input->blocks->len, (GDestroyNotify) jk_orientation_block_free);
  for (guint i = 0; i < input->blocks->len; i++)
    g_ptr_array_add (copy->blocks, jk_orientation_block_copy (input->blocks->pdata[i]));
  return copy;
}

static void
free_page_input (gpointer data)
{
  JkOrientationDocInput *input = data;

  g_ptr_array_unref (input->blocks);
  g_free (input);
}

const JkDocumentKind jk_document_orientation = {
  .id = "orientation page",
  .title = N_("About this center"),
  .render = render_page,
  .copy_input = copy_page_input,
  .free_input = free_page_input,
};
