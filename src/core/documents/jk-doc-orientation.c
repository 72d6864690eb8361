/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-doc-orientation.c: one orientation page on paper: headings, paragraphs and lists as the kiosk shows them */

#define G_LOG_DOMAIN "jk-document"

#include <jobkiosk/jk-i18n.h>

#include "documents/jk-layout-private.h"

#define LIST_INDENT 18.0

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
add_markup (Composer                 *c,
            const JkOrientationBlock *block,
            Style                     style,
            double                    indent,
            const char               *marker_text)
{
  g_autoptr (PangoLayout) layout = jk_layout_create_text (c, style, NULL, c->right - c->left - indent);
  g_autoptr (PangoLayout) marker = NULL;

  /* The markup is the parser's own: escaped text and <b>, <i> alone. */
  pango_layout_set_markup (layout, block->markup, -1);
  if (marker_text != NULL)
    marker = jk_layout_create_text (c, style, marker_text, -1);
  jk_composer_flow (c, layout, style, c->left + indent, marker, c->left + indent - LIST_INDENT + 2);
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
  Composer c;

  /* TRANSLATORS: the printed orientation page's header, before the page's own title */
  jk_composer_init (&c, context, title != NULL ? title : _("About this center"));
  for (guint i = 0; i < input->blocks->len; i++)
    {
      const JkOrientationBlock *block = input->blocks->pdata[i];
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
          add_markup (&c, block, STYLE_BODY, 0, NULL);
          jk_composer_space (&c, 8);
          break;
        case JK_ORIENTATION_BULLET:
          add_markup (&c, block, STYLE_BODY, LIST_INDENT * (block->level + 1), block->level % 2 == 0 ? "•" : "◦");
          c.y += 3;
          break;
        case JK_ORIENTATION_NUMBERED:
          number = g_strdup_printf ("%u.", block->number);
          add_markup (&c, block, STYLE_BODY, LIST_INDENT * (block->level + 1), number);
          c.y += 3;
          break;
        case JK_ORIENTATION_IMAGE:
          /* Pictures are for the screen: the paper keeps the words. */
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
