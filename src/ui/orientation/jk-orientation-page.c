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
  GtkListBox *reading;  /* the page shown's blocks, a row each */
  guint n_images;
  gboolean loading;     /* a read asked for and not yet shown */
};

/* One read on the page's worker: the folder for a language, then a
 * page's blocks (name) or the list; what it found goes back in it. */
typedef struct {
  char *root;
  char *language;
  char *name;           /* the page wanted; NULL for the list */
  JkSpeakMode speak;    /* how to say what is shown, when speech is on */
  gboolean say;
  char *folder;
  GPtrArray *blocks;    /* the page's, when it was read */
  GPtrArray *pages;     /* the list's, when no page was read */
} Load;

G_DEFINE_FINAL_TYPE (JkOrientationPage, jk_orientation_page, JK_TYPE_PAGE)

static void show_page (JkOrientationPage *self, const char *name, gboolean say);

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static GtkWidget *
new_text (const char *markup,
          const char *style_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_style_context_add_class (gtk_widget_get_style_context (label), style_class);
  gtk_widget_show (label);
  return label;
}

/* Each block of a page is a row the keypad's Down can stop on: a page of
 * words alone has nothing else to take the focus, and the focus is what
 * scrolls a long page into view for a visitor without touch. */
static void
add_block (JkOrientationPage *self,
           GtkWidget         *widget)
{
  GtkWidget *row;

  if (widget == NULL)
    return;
  if (self->reading == NULL)
    {
      self->reading = GTK_LIST_BOX (gtk_list_box_new ());
      gtk_list_box_set_selection_mode (self->reading, GTK_SELECTION_NONE);
      gtk_style_context_add_class (gtk_widget_get_style_context (GTK_WIDGET (self->reading)), "reading");
      gtk_widget_show (GTK_WIDGET (self->reading));
      gtk_container_add (GTK_CONTAINER (self->content), GTK_WIDGET (self->reading));
    }
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_container_add (GTK_CONTAINER (row), widget);
  gtk_widget_show (row);
  gtk_container_add (GTK_CONTAINER (self->reading), row);
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
  self->reading = NULL;
  self->n_images = 0;
  gtk_widget_hide (self->action_row);
}

static void
load_free (Load *load)
{
  g_free (load->root);
  g_free (load->language);
  g_free (load->name);
  g_free (load->folder);
  g_clear_pointer (&load->blocks, g_ptr_array_unref);
  g_clear_pointer (&load->pages, g_ptr_array_unref);
  g_free (load);
}

static void
on_item_clicked (GtkButton         *button,
                 JkOrientationPage *self)
{
  g_autofree char *name = g_strdup (g_object_get_data (G_OBJECT (button), "jk-orientation-name"));

  show_page (self, name, TRUE);
}

static void
say_count (JkOrientationPage *self,
           JkSpeakMode        mode)
{
  g_autofree char *count = g_strdup_printf (jk_ngettext ("%u page", "%u pages", self->pages->len),
                                            self->pages->len);

  jk_page_say (JK_PAGE (self), count, mode);
}

static void
fill_list (JkOrientationPage *self)
{
  gtk_label_set_text (self->title_label, _("About this center"));
  if (self->pages == NULL)
    {
      gtk_container_add (GTK_CONTAINER (self->content),
                         new_text (_("There is nothing here yet. Please ask at the front desk."), "body-text"));
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

static GtkWidget *
new_picture (JkOrientationPage        *self,
             const JkOrientationBlock *block)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file_at_scale (block->path, PICTURE_WIDTH, PICTURE_HEIGHT,
                                                                   TRUE, &error);
  GtkWidget *image;

  if (pixbuf == NULL)
    {
      g_warning ("%s: %s", block->path, error->message);
      return NULL;
    }
  image = gtk_image_new_from_pixbuf (pixbuf);
  gtk_widget_set_halign (image, GTK_ALIGN_START);
  atk_object_set_name (gtk_widget_get_accessible (image), block->text);
  gtk_widget_show (image);
  self->n_images++;
  return image;
}

static GtkWidget *
new_item (const JkOrientationBlock *block)
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
  gtk_container_add (GTK_CONTAINER (row), new_text (block->markup, "body-text"));
  gtk_widget_show (row);
  return row;
}

static void
fill_page (JkOrientationPage *self)
{
  const char *title = jk_orientation_blocks_title (self->blocks);
  gboolean title_shown = FALSE;

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
            add_block (self, new_text (block->markup, "section-title"));
          break;
        case JK_ORIENTATION_PARAGRAPH:
          add_block (self, new_text (block->markup, "body-text"));
          break;
        case JK_ORIENTATION_BULLET:
        case JK_ORIENTATION_NUMBERED:
          add_block (self, new_item (block));
          break;
        case JK_ORIENTATION_IMAGE:
          add_block (self, new_picture (self, block));
          break;
        default:
          g_assert_not_reached ();
        }
    }
  gtk_widget_show (self->action_row);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* On the worker: the folder (read again each time, so a language switch
 * or a center's new pages show at once), then the page or the list. A
 * page that cannot be read gives the list. Its pictures are read on the
 * main thread: at most a few, scaled from files the center keeps small. */
static gboolean
load_work (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Load *load = data;
  g_autoptr (GError) local_error = NULL;

  load->folder = jk_orientation_find_folder (load->root, load->language, &local_error);
  if (load->folder == NULL)
    {
      g_warning ("%s", local_error->message);
      return TRUE;
    }
  if (load->name != NULL)
    {
      g_autofree char *path = g_build_filename (load->folder, load->name, NULL);

      load->blocks = jk_orientation_read_page (path, load->root, &local_error);
      if (load->blocks != NULL)
        return TRUE;
      g_warning ("%s", local_error->message);
      g_clear_error (&local_error);
    }
  load->pages = jk_orientation_list_pages (load->folder, &local_error);
  if (load->pages == NULL)
    g_warning ("%s", local_error->message);
  return TRUE;
}

static void
on_loaded (JkPage       *page,
           gpointer      data,
           const GError *error)
{
  JkOrientationPage *self = JK_ORIENTATION_PAGE (page);
  Load *load = data;
  gboolean say = load->say && jk_page_is_speaking (page) && gtk_widget_get_mapped (GTK_WIDGET (self));

  self->loading = FALSE;
  clear_content (self);
  g_free (self->folder);
  self->folder = g_steal_pointer (&load->folder);
  if (load->blocks != NULL)
    {
      self->shown = g_steal_pointer (&load->name);
      self->blocks = g_steal_pointer (&load->blocks);
      fill_page (self);
      if (say)
        {
          g_autofree char *text = jk_orientation_blocks_text (self->blocks);

          jk_page_say (page, text, load->speak);
        }
      return;
    }
  self->pages = g_steal_pointer (&load->pages);
  fill_list (self);
  if (say && self->pages != NULL)
    say_count (self, load->speak);
}

/* Reads on the page's worker, then shows what it read; a newer read
 * replaces one still running. */
static void
load (JkOrientationPage *self,
      const char        *name,
      gboolean           say,
      JkSpeakMode        speak)
{
  Load *load = g_new0 (Load, 1);

  jk_page_cancel_work (JK_PAGE (self));
  self->loading = TRUE;
  load->root = g_strdup (self->root);
  load->language = g_strdup (jk_i18n_get_language ());
  load->name = g_strdup (name);
  load->say = say;
  load->speak = speak;
  jk_page_run (JK_PAGE (self), "orientation", load_work, on_loaded, load, (GDestroyNotify) load_free);
}

static void
show_list (JkOrientationPage *self,
           gboolean           say,
           JkSpeakMode        speak)
{
  load (self, NULL, say, speak);
}

static void
show_page (JkOrientationPage *self,
           const char        *name,
           gboolean           say)
{
  /* A file of the folder, never a path out of it. */
  if (strchr (name, G_DIR_SEPARATOR) != NULL)
    return;
  load (self, name, say, JK_SPEAK_INTERRUPT);
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_list_clicked (JkOrientationPage *self)
{
  show_list (self, TRUE, JK_SPEAK_INTERRUPT);
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

  /* What the worker reads is said when it shows, after the page's title. */
  if (argument != NULL && g_variant_is_of_type (argument, G_VARIANT_TYPE_STRING))
    {
      const char *name = g_variant_get_string (argument, NULL);

      if (strchr (name, G_DIR_SEPARATOR) != NULL)
        return FALSE;
      show_page (self, name, TRUE);
      return TRUE;
    }
  /* Back from printing keeps the page; the home tile shows the list. */
  if (self->shown == NULL)
    show_list (self, TRUE, JK_SPEAK_QUEUE);
  return TRUE;
}

static void
jk_orientation_page_enter (JkPage *page)
{
  JkOrientationPage *self = JK_ORIENTATION_PAGE (page);

  /* A read still running says its words when it shows. */
  if (!jk_page_is_speaking (page) || self->loading)
    return;
  if (self->blocks != NULL)
    {
      g_autofree char *text = jk_orientation_blocks_text (self->blocks);

      jk_page_say (page, text, JK_SPEAK_QUEUE);
    }
  else if (self->pages != NULL)
    say_count (self, JK_SPEAK_QUEUE);
}

static void
jk_orientation_page_leave (JkPage *page)
{
  JkOrientationPage *self = JK_ORIENTATION_PAGE (page);

  /* Leaving cancelled the read (jk_page_leave): it will not show. */
  self->loading = FALSE;
}

static void
jk_orientation_page_reset (JkPage *page)
{
  JkOrientationPage *self = JK_ORIENTATION_PAGE (page);

  JK_PAGE_CLASS (jk_orientation_page_parent_class)->reset (page);
  self->loading = FALSE;
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

      show_page (self, shown, TRUE);
    }
  else if (self->pages != NULL)
    show_list (self, FALSE, JK_SPEAK_QUEUE);
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
  page_class->leave = jk_orientation_page_leave;
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

gboolean
jk_orientation_page_is_loading (JkOrientationPage *self)
{
  return self->loading;
}

guint
jk_orientation_page_get_n_images (JkOrientationPage *self)
{
  return self->n_images;
}
