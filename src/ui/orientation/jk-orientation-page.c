/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-orientation-page.c: About this center: the center's own pages, listed, then one drawn natively */

#define G_LOG_DOMAIN "jk-orientation"

#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-orientation.h>

#include "print/jk-print-flow.h"
#include "jk-orientation-page.h"

/* Pictures are scaled to fit in this box, never enlarged past it. */
#define PICTURE_WIDTH 480
#define PICTURE_HEIGHT 300
#define LIST_INDENT 32

struct _JkOrientationPage
{
  JkPage parent_instance;

  GtkLabel *title_label;
  GtkScrolledWindow *scroller;
  GtkBox *content;
  GtkWidget *action_row;
  GtkWidget *list_button;
  GtkWidget *print_button;

  JkPrintFlow *print_flow;
  char *root;
  char *folder;         /* the visit's language's, or English's */
  char *shown;          /* the page shown, NULL for the list */
  GPtrArray *blocks;    /* the page shown's */
  GPtrArray *pages;     /* the list's */
  guint n_images;
};

G_DEFINE_FINAL_TYPE (JkOrientationPage, jk_orientation_page, JK_TYPE_PAGE)

static void show_page (JkOrientationPage *self, const char *name);

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static GtkWidget *
add_label (JkOrientationPage *self,
           GtkBox            *box,
           const char        *markup,
           const char        *style_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_style_context_add_class (gtk_widget_get_style_context (label), style_class);
  gtk_widget_show (label);
  gtk_container_add (GTK_CONTAINER (box), label);
  return label;
}

static void
clear_content (JkOrientationPage *self)
{
  GList *children = gtk_container_get_children (GTK_CONTAINER (self->content));

  for (GList *l = children; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (children);
  g_clear_pointer (&self->shown, g_free);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->n_images = 0;
  gtk_widget_hide (self->action_row);
}

/* The folder for the visit's language, read again each time: a language
 * switch or a center's new pages show at once. */
static gboolean
find_folder (JkOrientationPage *self)
{
  g_autoptr (GError) error = NULL;

  g_free (self->folder);
  self->folder = jk_orientation_find_folder (self->root, jk_i18n_get_language (), &error);
  if (self->folder == NULL)
    g_warning ("%s", error->message);
  return self->folder != NULL;
}

static void
on_item_clicked (GtkButton         *button,
                 JkOrientationPage *self)
{
  g_autofree char *name = g_strdup (g_object_get_data (G_OBJECT (button), "jk-orientation-name"));

  show_page (self, name);
}

static void
show_list (JkOrientationPage *self)
{
  g_autoptr (GError) error = NULL;

  clear_content (self);
  gtk_label_set_text (self->title_label, _("About this center"));
  if (find_folder (self))
    self->pages = jk_orientation_list_pages (self->folder, &error);
  if (self->pages == NULL)
    {
      if (error != NULL)
        g_warning ("%s", error->message);
      add_label (self, self->content, _("There is nothing here yet. Please ask at the front desk."), "body-text");
      return;
    }
  for (guint i = 0; i < self->pages->len; i++)
    {
      const JkOrientationFile *page = self->pages->pdata[i];
      GtkWidget *button = gtk_button_new ();
      GtkWidget *label = gtk_label_new (page->title);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
      gtk_style_context_add_class (gtk_widget_get_style_context (label), "section-title");
      gtk_widget_show (label);
      gtk_container_add (GTK_CONTAINER (button), label);
      gtk_widget_set_size_request (button, -1, 88);
      atk_object_set_name (gtk_widget_get_accessible (button), page->title);
      g_object_set_data_full (G_OBJECT (button), "jk-orientation-name", g_strdup (page->name), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_item_clicked), self);
      gtk_widget_show (button);
      gtk_container_add (GTK_CONTAINER (self->content), button);
    }
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
add_picture (JkOrientationPage        *self,
             const JkOrientationBlock *block)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file_at_scale (block->path, PICTURE_WIDTH, PICTURE_HEIGHT,
                                                                   TRUE, &error);
  GtkWidget *image;

  if (pixbuf == NULL)
    {
      g_warning ("%s: %s", block->path, error->message);
      return;
    }
  image = gtk_image_new_from_pixbuf (pixbuf);
  gtk_widget_set_halign (image, GTK_ALIGN_START);
  atk_object_set_name (gtk_widget_get_accessible (image), block->text);
  gtk_widget_show (image);
  gtk_container_add (GTK_CONTAINER (self->content), image);
  self->n_images++;
}

static void
add_item (JkOrientationPage        *self,
          const JkOrientationBlock *block)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *mark = block->kind == JK_ORIENTATION_NUMBERED ? g_strdup_printf ("%u.", block->number)
                                                                 : g_strdup (block->level % 2 == 0 ? "•" : "◦");
  GtkWidget *marker = gtk_label_new (mark);

  gtk_widget_set_margin_start (row, LIST_INDENT * block->level);
  gtk_widget_set_valign (marker, GTK_ALIGN_START);
  gtk_label_set_width_chars (GTK_LABEL (marker), 2);
  gtk_label_set_xalign (GTK_LABEL (marker), 1);
  gtk_style_context_add_class (gtk_widget_get_style_context (marker), "body-text");
  gtk_widget_show (marker);
  gtk_container_add (GTK_CONTAINER (row), marker);
  add_label (self, GTK_BOX (row), block->markup, "body-text");
  gtk_widget_show (row);
  gtk_container_add (GTK_CONTAINER (self->content), row);
}

static void
show_page (JkOrientationPage *self,
           const char        *name)
{
  g_autofree char *path = NULL;
  g_autofree char *wanted = g_strdup (name);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) blocks = NULL;
  const char *title;
  gboolean title_shown = FALSE;

  if (strchr (wanted, G_DIR_SEPARATOR) != NULL || !find_folder (self))
    return;
  path = g_build_filename (self->folder, wanted, NULL);
  blocks = jk_orientation_read_page (path, self->root, &error);
  if (blocks == NULL)
    {
      g_warning ("%s", error->message);
      show_list (self);
      return;
    }
  clear_content (self);
  self->shown = g_steal_pointer (&wanted);
  self->blocks = g_steal_pointer (&blocks);
  title = jk_orientation_blocks_title (self->blocks);
  gtk_label_set_text (self->title_label, title != NULL ? title : _("About this center"));
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const JkOrientationBlock *block = self->blocks->pdata[i];

      switch (block->kind)
        {
        case JK_ORIENTATION_HEADING:
          /* The first heading is the page's title, shown above. */
          if (!title_shown && g_strcmp0 (block->text, title) == 0)
            title_shown = TRUE;
          else
            add_label (self, self->content, block->markup, "section-title");
          break;
        case JK_ORIENTATION_PARAGRAPH:
          add_label (self, self->content, block->markup, "body-text");
          break;
        case JK_ORIENTATION_BULLET:
        case JK_ORIENTATION_NUMBERED:
          add_item (self, block);
          break;
        case JK_ORIENTATION_IMAGE:
          add_picture (self, block);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  gtk_widget_show (self->action_row);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  if (jk_page_is_speaking (JK_PAGE (self)) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      g_autofree char *text = jk_orientation_blocks_text (self->blocks);

      jk_page_say (JK_PAGE (self), text, JK_SPEAK_INTERRUPT);
    }
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_list_clicked (JkOrientationPage *self)
{
  show_list (self);
  if (jk_page_is_speaking (JK_PAGE (self)) && self->pages != NULL)
    {
      g_autofree char *count = g_strdup_printf (jk_ngettext ("%u page", "%u pages", self->pages->len),
                                                self->pages->len);

      jk_page_say (JK_PAGE (self), count, JK_SPEAK_INTERRUPT);
    }
}

static void
on_print_clicked (JkOrientationPage *self)
{
  JkOrientationDocInput input = { self->blocks };

  if (self->blocks != NULL)
    jk_print_flow_show (self->print_flow, JK_PAGE (self), &jk_document_orientation, &input);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static gboolean
jk_orientation_page_prepare (JkPage   *page,
                             GVariant *argument)
{
  JkOrientationPage *self = JK_ORIENTATION_PAGE (page);

  if (argument != NULL && g_variant_is_of_type (argument, G_VARIANT_TYPE_STRING))
    {
      show_page (self, g_variant_get_string (argument, NULL));
      return self->shown != NULL;
    }
  /* Back from printing keeps the page; the home tile shows the list. */
  if (self->shown == NULL)
    show_list (self);
  return TRUE;
}

static void
jk_orientation_page_enter (JkPage *page)
{
  JkOrientationPage *self = JK_ORIENTATION_PAGE (page);

  if (!jk_page_is_speaking (page))
    return;
  if (self->blocks != NULL)
    {
      g_autofree char *text = jk_orientation_blocks_text (self->blocks);

      jk_page_say (page, text, JK_SPEAK_QUEUE);
    }
  else if (self->pages != NULL)
    {
      g_autofree char *count = g_strdup_printf (jk_ngettext ("%u page", "%u pages", self->pages->len),
                                                self->pages->len);

      jk_page_say (page, count, JK_SPEAK_QUEUE);
    }
}

static void
jk_orientation_page_reset (JkPage *page)
{
  JkOrientationPage *self = JK_ORIENTATION_PAGE (page);

  JK_PAGE_CLASS (jk_orientation_page_parent_class)->reset (page);
  clear_content (self);
  gtk_label_set_text (self->title_label, "");
}

static void
jk_orientation_page_language_changed (JkPage *page)
{
  JkOrientationPage *self = JK_ORIENTATION_PAGE (page);

  JK_PAGE_CLASS (jk_orientation_page_parent_class)->language_changed (page);
  /* The same file from the other language's folder, or the list. */
  if (self->shown != NULL)
    {
      g_autofree char *shown = g_strdup (self->shown);

      show_page (self, shown);
    }
  else if (self->pages != NULL)
    show_list (self);
}

static void
jk_orientation_page_finalize (GObject *object)
{
  JkOrientationPage *self = JK_ORIENTATION_PAGE (object);

  g_free (self->shown);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_free (self->root);
  g_free (self->folder);
  g_clear_object (&self->print_flow);
  G_OBJECT_CLASS (jk_orientation_page_parent_class)->finalize (object);
}

static void
jk_orientation_page_class_init (JkOrientationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JkPageClass *page_class = JK_PAGE_CLASS (klass);

  object_class->finalize = jk_orientation_page_finalize;
  page_class->prepare = jk_orientation_page_prepare;
  page_class->enter = jk_orientation_page_enter;
  page_class->reset = jk_orientation_page_reset;
  page_class->language_changed = jk_orientation_page_language_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/jobkiosk/JobKiosk/orientation/jk-orientation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JkOrientationPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, JkOrientationPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, JkOrientationPage, content);
  gtk_widget_class_bind_template_child (widget_class, JkOrientationPage, action_row);
  gtk_widget_class_bind_template_child (widget_class, JkOrientationPage, list_button);
  gtk_widget_class_bind_template_child (widget_class, JkOrientationPage, print_button);
  gtk_widget_class_bind_template_callback (widget_class, on_list_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked);
}

static void
jk_orientation_page_init (JkOrientationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jk_page_init_strings (JK_PAGE (self));
  gtk_widget_set_no_show_all (self->action_row, TRUE);
  gtk_widget_hide (self->action_row);
  jk_page_set_main_action (JK_PAGE (self), self->print_button);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

static JkPage *
create (const JkPageInfo    *info,
        const JkPageContext *context)
{
  JkOrientationPage *self = g_object_new (JK_TYPE_ORIENTATION_PAGE, "title", N_("About this center"), "prompt",
                                          N_("Short pages about this center. Pick one to read it."), NULL);

  self->print_flow = g_object_ref (context->print_flow);
  self->root = jk_orientation_get_root (context->config);
  return JK_PAGE (self);
}

const JkPageInfo jk_orientation_page_info = { "orientation", JK_PAGE_PRINTER_BADGE | JK_PAGE_NO_KEYBOARD, create };

const char *
jk_orientation_page_get_shown (JkOrientationPage *self)
{
  return self->shown;
}

const char *
jk_orientation_page_get_folder (JkOrientationPage *self)
{
  return self->folder;
}

guint
jk_orientation_page_get_n_images (JkOrientationPage *self)
{
  return self->n_images;
}
