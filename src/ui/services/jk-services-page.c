/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-services-page.c: Other help: the nine categories, the services near the center, one service to take away */

#define G_LOG_DOMAIN "jk-services"

#include <jobkiosk/jk-geo.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-services.h>
#include <math.h>

#include "access/jk-describe.h"
#include "print/jk-print-flow.h"
#include "widgets/jk-qr-code.h"
#include "jk-referral-page.h"
#include "jk-services-page.h"

/* A list longer than this is more than a visitor reads at a kiosk. */
#define MAX_FOUND 50
#define SEARCH_PREFIX "search:"

typedef enum {
  VIEW_NONE,
  VIEW_CATEGORIES,
  VIEW_LIST,
  VIEW_SERVICE,
} View;

struct _JkServicesPage
{
  JkPage parent_instance;

  GtkLabel *title_label;
  GtkWidget *search_row;
  GtkEntry *search_entry;
  GtkWidget *search_button;
  GtkLabel *status_label;
  GtkScrolledWindow *scroller;
  GtkBox *content;
  GtkWidget *qr_box;
  JkQrCode *qr_code;
  GtkLabel *qr_label;
  GtkWidget *action_row;
  GtkWidget *up_button;
  GtkLabel *up_label;
  GtkWidget *print_button;
  GtkWidget *referral_button;

  JkStore *store;
  char *db_path;
  JkClock *clock;
  JkPrintFlow *print_flow;
  double latitude;   /* the kiosk's place; NAN when not known */
  double longitude;

  View view;
  char *list;          /* the list shown or looked up: a key or "search:WORDS" */
  GPtrArray *found;    /* JkService: the list, kept for "Back to the list" */
  JkService *service;  /* the service shown */
  gboolean busy;
  gboolean importing;  /* the first directory is being imported */
};

G_DEFINE_FINAL_TYPE (JkServicesPage, jk_services_page, JK_TYPE_PAGE)

typedef struct {
  char *db_path;
  char *text;
  char *category;
  double latitude;
  double longitude;
  GDateTime *now;
  char *language;
  GPtrArray *found;
} Lookup;

static void look_up (JkServicesPage *self);

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* The tiles' pictures: Adwaita's symbolic icons, in the order of
 * jk_services_categories. */
static const struct {
  const char *key;
  const char *icon;
} icons[] = {
  { "childcare", "emoji-people-symbolic" },
  { "transportation", "emoji-travel-symbolic" },
  { "food", "emoji-food-symbolic" },
  { "housing", "user-home-symbolic" },
  { "health", "emblem-favorite-symbolic" },
  { "education", "accessories-dictionary-symbolic" },
  { "disability", "preferences-desktop-accessibility-symbolic" },
  { "legal", "emblem-documents-symbolic" },
  { "money", "auth-smartcard-symbolic" },
};

static void
lookup_free (Lookup *lookup)
{
  g_free (lookup->db_path);
  g_free (lookup->text);
  g_free (lookup->category);
  g_clear_pointer (&lookup->now, g_date_time_unref);
  g_free (lookup->language);
  g_clear_pointer (&lookup->found, g_ptr_array_unref);
  g_free (lookup);
}

static char *
distance_words (const JkService *service)
{
  if (isnan (service->distance_miles))
    return NULL;
  return g_strdup_printf (jk_ngettext ("%.0f mile away", "%.0f miles away",
                                       (gulong) MAX (1, llround (service->distance_miles))),
                          MAX (1.0, round (service->distance_miles)));
}

/* What a service's button says, and says aloud: its name and
 * organization, what it does, then "Open now until 5 PM · 2 miles away". */
static char *
row_text (const JkService *service)
{
  g_autoptr (GString) text = g_string_new (service->name);
  g_autofree char *distance = distance_words (service);

  if (service->organization != NULL)
    g_string_append_printf (text, " — %s", service->organization);
  if (service->description != NULL)
    g_string_append_printf (text, "\n%s", service->description);
  g_string_append_printf (text, "\n%s", service->hours != NULL ? service->hours : "");
  if (distance != NULL)
    g_string_append_printf (text, " · %s", distance);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
set_up_button (JkServicesPage *self,
               const char     *words)
{
  if (words == NULL)
    {
      gtk_widget_hide (self->up_button);
      return;
    }
  gtk_label_set_text (self->up_label, words);
  atk_object_set_name (gtk_widget_get_accessible (self->up_button), words);
  gtk_widget_show (self->up_button);
}

static void
set_status (JkServicesPage *self,
            const char     *text)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL && *text != '\0');
}

static void
clear_content (JkServicesPage *self)
{
  GList *children = gtk_container_get_children (GTK_CONTAINER (self->content));

  for (GList *l = children; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (children);
  if (self->referral_button != NULL)
    gtk_widget_destroy (self->referral_button);
  self->referral_button = NULL;
  g_clear_pointer (&self->service, jk_service_free);
  jk_qr_code_set_text (self->qr_code, NULL);
  gtk_widget_hide (self->qr_box);
  gtk_widget_hide (self->print_button);
  set_up_button (self, NULL);
  gtk_widget_hide (self->action_row);
  set_status (self, NULL);
}

/* Says what the page shows now, once it is showing: a switch inside the
 * page (a tile, a row) has no page-shown of its own. */
static void
announce (JkServicesPage *self)
{
  JkPage *page = JK_PAGE (self);

  if (!jk_page_is_speaking (page) || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (self->view == VIEW_CATEGORIES)
    jk_page_say (page, gtk_label_get_text (self->title_label), JK_SPEAK_QUEUE);
  else if (self->view == VIEW_LIST && self->found != NULL)
    {
      /* Said when the list has come: a lookup still running says it then. */
      jk_page_say (page, gtk_label_get_text (self->title_label), JK_SPEAK_QUEUE);
      jk_page_say (page, gtk_label_get_text (self->status_label), JK_SPEAK_QUEUE);
      for (guint i = 0; i < self->found->len; i++)
        {
          g_autofree char *text = row_text (self->found->pdata[i]);

          jk_page_say (page, text, JK_SPEAK_QUEUE);
        }
    }
  else if (self->view == VIEW_SERVICE && self->service != NULL)
    {
      const JkService *s = self->service;
      g_autofree char *place = jk_services_format_place (s);

      jk_page_say (page, s->name, JK_SPEAK_QUEUE);
      if (s->organization != NULL)
        jk_page_say (page, s->organization, JK_SPEAK_QUEUE);
      if (s->description != NULL)
        jk_page_say (page, s->description, JK_SPEAK_QUEUE);
      jk_page_say (page, s->hours, JK_SPEAK_QUEUE);
      if (s->week_hours != NULL)
        jk_page_say (page, s->week_hours, JK_SPEAK_QUEUE);
      if (place != NULL)
        jk_page_say (page, place, JK_SPEAK_QUEUE);
      if (s->phone != NULL)
        {
          g_autofree char *phone = g_strdup_printf (_("Phone: %s"), s->phone);

          jk_page_say (page, phone, JK_SPEAK_QUEUE);
        }
    }
}

static void
on_category_clicked (GtkButton      *button,
                     JkServicesPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "jk-category");

  jk_page_navigate (JK_PAGE (self), &jk_services_page_info, g_variant_new_string (key));
}

static GtkWidget *
category_tile (JkServicesPage *self,
               const char     *key,
               const char     *icon)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *image = gtk_image_new_from_icon_name (icon, GTK_ICON_SIZE_DIALOG);
  GtkWidget *label = gtk_label_new (jk_services_category_name (key));

  gtk_image_set_pixel_size (GTK_IMAGE (image), 48);
  gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
  /* Three to a row at 1280 px in larger Spanish text: the words wrap. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_container_add (GTK_CONTAINER (box), image);
  gtk_container_add (GTK_CONTAINER (box), label);
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_container_add (GTK_CONTAINER (button), box);
  gtk_style_context_add_class (gtk_widget_get_style_context (button), "tile");
  gtk_style_context_add_class (gtk_widget_get_style_context (button), "category-tile");
  gtk_widget_set_hexpand (button, TRUE);
  atk_object_set_name (gtk_widget_get_accessible (button), jk_services_category_name (key));
  g_object_set_data_full (G_OBJECT (button), "jk-category", g_strdup (key), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_category_clicked), self);
  gtk_widget_show_all (button);
  return button;
}

static void
show_categories (JkServicesPage *self)
{
  GtkWidget *grid = gtk_grid_new ();
  guint i = 0;

  jk_page_cancel_work (JK_PAGE (self));
  self->busy = FALSE;
  clear_content (self);
  g_clear_pointer (&self->found, g_ptr_array_unref);
  g_clear_pointer (&self->list, g_free);
  self->view = VIEW_CATEGORIES;
  gtk_label_set_text (self->title_label, _("What kind of help do you need?"));
  gtk_widget_show (self->search_row);
  jk_page_set_main_action (JK_PAGE (self), self->search_button);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 16);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 16);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  /* Room for the focus rings: the scroll indicator is drawn on the right. */
  gtk_widget_set_margin_start (grid, 6);
  gtk_widget_set_margin_end (grid, 14);
  for (const char *const *key = jk_services_categories (); *key != NULL; key++, i++)
    {
      const char *icon = "help-about-symbolic";

      for (guint k = 0; k < G_N_ELEMENTS (icons); k++)
        if (g_str_equal (icons[k].key, *key))
          icon = icons[k].icon;
      gtk_grid_attach (GTK_GRID (grid), category_tile (self, *key, icon), (int) (i % 3), (int) (i / 3), 1, 1);
    }
  gtk_widget_show (grid);
  gtk_container_add (GTK_CONTAINER (self->content), grid);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  announce (self);
}

static void
on_service_clicked (GtkButton      *button,
                    JkServicesPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "jk-service-id"));

  jk_page_navigate (JK_PAGE (self), &jk_services_page_info, g_variant_new_int64 (id));
}

static GtkWidget *
service_button (JkServicesPage  *self,
                const JkService *service)
{
  g_autofree char *text = row_text (service);
  /* The same words with the service's name in bold: what a person looks
   * for first in the list. */
  g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>", service->name);
  g_autofree char *rest = g_markup_escape_text (text + strlen (service->name), -1);
  g_autofree char *markup = g_strconcat (name, rest, NULL);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_show (label);
  gtk_container_add (GTK_CONTAINER (button), label);
  /* Room for its focus ring inside a scroller: more on the right, where
   * the scroll indicator is drawn over it. */
  gtk_widget_set_margin_start (button, 6);
  gtk_widget_set_margin_end (button, 14);
  atk_object_set_name (gtk_widget_get_accessible (button), text);
  g_object_set_data (G_OBJECT (button), "jk-service-id", GSIZE_TO_POINTER ((gsize) service->id));
  g_signal_connect (button, "clicked", G_CALLBACK (on_service_clicked), self);
  gtk_widget_show (button);
  return button;
}

static const char *
list_words (const char *list)
{
  return g_str_has_prefix (list, SEARCH_PREFIX) ? list + strlen (SEARCH_PREFIX) : NULL;
}

/* The list's heading: the category's name, or what was searched for. */
static void
set_list_title (JkServicesPage *self)
{
  const char *words = list_words (self->list);

  if (words != NULL)
    {
      /* TRANSLATORS: the heading over services found by words the visitor typed */
      g_autofree char *title = g_strdup_printf (_("Services for “%s”"), words);

      gtk_label_set_text (self->title_label, title);
    }
  else
    gtk_label_set_text (self->title_label, jk_services_category_name (self->list));
}

/* The list as found (or kept): a button per service, or why there is none. */
static void
fill_list (JkServicesPage *self)
{
  gboolean searched = list_words (self->list) != NULL;

  clear_content (self);
  self->view = VIEW_LIST;
  set_list_title (self);
  gtk_widget_set_visible (self->search_row, searched);
  jk_page_set_main_action (JK_PAGE (self), self->search_button);
  gtk_widget_show (self->action_row);
  set_up_button (self, _("All kinds of help"));
  if (self->found == NULL)
    {
      set_status (self, _("Looking for services near you…"));
      return;
    }
  if (self->found->len == 0)
    set_status (self, searched ? _("No services found for these words. Try other words, or choose a kind of help.")
                               : _("No services of this kind are listed near here yet. Please ask staff."));
  else
    {
      g_autofree char *count = g_strdup_printf (jk_ngettext ("%u service, nearest first",
                                                             "%u services, nearest first", self->found->len),
                                                self->found->len);

      set_status (self, count);
    }
  for (guint i = 0; i < self->found->len; i++)
    gtk_container_add (GTK_CONTAINER (self->content), service_button (self, self->found->pdata[i]));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static gboolean
lookup_work (gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Lookup *lookup = data;
  g_autoptr (JkStore) reader = jk_store_open_reader (lookup->db_path, error);

  if (reader == NULL)
    return FALSE;
  jk_store_set_cancellable (reader, cancellable);
  /* The hours are put in words here, in the visit's language. */
  jk_i18n_set_thread_language (lookup->language);
  lookup->found = jk_services_search_near (reader, lookup->text, lookup->category, lookup->latitude,
                                           lookup->longitude, lookup->now, MAX_FOUND, error);
  return lookup->found != NULL;
}

static void
on_lookup_done (JkPage       *page,
                gpointer      data,
                const GError *error)
{
  JkServicesPage *self = JK_SERVICES_PAGE (page);
  Lookup *lookup = data;

  self->busy = FALSE;
  if (error != NULL)
    {
      g_warning ("Services could not be looked up: %s", error->message);
      set_status (self, _("Other help cannot be shown right now. Please ask staff."));
      jk_page_say (page, gtk_label_get_text (self->status_label), JK_SPEAK_QUEUE);
      return;
    }
  g_clear_pointer (&self->found, g_ptr_array_unref);
  self->found = g_steal_pointer (&lookup->found);
  fill_list (self);
  announce (self);
}

static void
look_up (JkServicesPage *self)
{
  Lookup *lookup;
  const char *words = list_words (self->list);

  jk_page_cancel_work (JK_PAGE (self));
  g_clear_pointer (&self->found, g_ptr_array_unref);
  fill_list (self);
  /* The first directory is still going in: the list waits for it. */
  if (self->importing)
    return;
  lookup = g_new0 (Lookup, 1);
  lookup->db_path = g_strdup (self->db_path);
  lookup->text = g_strdup (words);
  lookup->category = words == NULL ? g_strdup (self->list) : NULL;
  lookup->latitude = self->latitude;
  lookup->longitude = self->longitude;
  lookup->now = jk_clock_now_local (self->clock);
  lookup->language = g_strdup (jk_i18n_get_language ());
  self->busy = TRUE;
  jk_page_run (JK_PAGE (self), "jk-services-lookup", lookup_work, on_lookup_done, lookup,
               (GDestroyNotify) lookup_free);
}

/* A line of the service's page, when the directory gives value. */
static void add_value (JkServicesPage *self,
                       const char     *value,
                       const char     *format,
                       ...) G_GNUC_PRINTF (3, 4);

static void
add_value (JkServicesPage *self,
           const char     *value,
           const char     *format,
           ...)
{
  g_autofree char *text = NULL;
  va_list args;

  if (value == NULL || *value == '\0')
    return;
  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  jk_page_add_label (self->content, text, "body-text");
}

static gboolean
show_service (JkServicesPage *self,
              gint64          id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = jk_clock_now_local (self->clock);
  JkService *service = jk_services_get (self->store, id, now, &error);
  g_autofree char *place = NULL;
  g_autofree char *languages = NULL;
  g_autofree char *qr_text = NULL;
  const JkService *s;

  if (service == NULL)
    {
      g_info ("service %" G_GINT64_FORMAT " not shown: %s", id, error->message);
      return FALSE;
    }
  jk_page_cancel_work (JK_PAGE (self));
  self->busy = FALSE;
  clear_content (self);
  self->service = service;
  s = service;
  self->view = VIEW_SERVICE;
  gtk_widget_hide (self->search_row);
  gtk_label_set_text (self->title_label, s->name);
  if (s->organization != NULL)
    jk_page_add_label (self->content, s->organization, "section-title");
  if (s->description != NULL)
    jk_page_add_label (self->content, s->description, "body-text");
  /* When it is open matters most: said big. */
  jk_page_add_label (self->content, s->hours, "section-title");
  /* Then the usual week, to plan a visit another day. */
  if (s->week_hours != NULL)
    jk_page_add_label (self->content, s->week_hours, "body-text");
  place = jk_services_format_place (s);
  if (place != NULL)
    {
      g_autofree char *distance = distance_words (s);
      g_autofree char *text = distance != NULL ? g_strdup_printf ("%s · %s", place, distance) : g_strdup (place);

      jk_page_add_label (self->content, text, "body-text");
    }
  /* TRANSLATORS: a partner service's phone number */
  add_value (self, s->phone, _("Phone: %s"), s->phone);
  /* TRANSLATORS: who a partner service is for */
  add_value (self, s->eligibility, _("Who can get it: %s"), s->eligibility);
  /* TRANSLATORS: what a partner service costs ("Free") */
  add_value (self, s->fees, _("Cost: %s"), s->fees);
  if (s->languages != NULL && s->languages[0] != NULL)
    {
      languages = g_strjoinv (", ", s->languages);
      /* TRANSLATORS: the languages a partner service's staff speak */
      add_value (self, languages, _("Languages spoken: %s"), languages);
    }
  jk_page_add_label (self->content, _("Bring a photo ID and proof of address. Call before you go: hours can change."),
                     "body-text");

  qr_text = jk_services_qr_text (s);
  if (jk_qr_code_set_text (self->qr_code, qr_text))
    {
      gtk_label_set_text (self->qr_label, s->url != NULL ? _("Scan with your phone to see their web page.")
                                                         : _("Scan with your phone to keep their phone number and "
                                                             "address."));
      atk_object_set_name (gtk_widget_get_accessible (GTK_WIDGET (self->qr_code)),
                           s->url != NULL ? _("QR code with the service's web page")
                                          : _("QR code with the service's phone and address"));
      gtk_widget_show (self->qr_box);
      jk_session_count (jk_page_get_session (JK_PAGE (self)), "qr-shown", 1);
    }
  gtk_widget_show (self->action_row);
  gtk_widget_show (self->print_button);
  set_up_button (self, self->list != NULL ? _("Back to the list") : _("All kinds of help"));
  jk_page_set_main_action (JK_PAGE (self), self->print_button);
  /* The partner's referral, where the center has an agreement with it. */
  self->referral_button = jk_referral_page_new_button (JK_PAGE (self), s);
  if (self->referral_button != NULL)
    {
      gtk_widget_show (self->referral_button);
      gtk_container_add (GTK_CONTAINER (self->action_row), self->referral_button);
    }
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  announce (self);
  return TRUE;
}

static void
show_list (JkServicesPage *self,
           const char     *list)
{
  g_free (self->list);
  self->list = g_strdup (list);
  if (list_words (list) != NULL && g_strcmp0 (gtk_entry_get_text (self->search_entry), list_words (list)) != 0)
    gtk_entry_set_text (self->search_entry, list_words (list));
  look_up (self);
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_search_activate (JkServicesPage *self)
{
  g_autofree char *words = g_strstrip (g_strdup (gtk_entry_get_text (self->search_entry)));
  g_autofree char *list = NULL;

  if (*words == '\0')
    return;
  list = g_strconcat (SEARCH_PREFIX, words, NULL);
  jk_session_count (jk_page_get_session (JK_PAGE (self)), "searches", 1);
  jk_page_navigate (JK_PAGE (self), &jk_services_page_info, g_variant_new_string (list));
}

static void
on_up_clicked (JkServicesPage *self)
{
  if (self->view == VIEW_SERVICE && self->list != NULL)
    {
      if (self->found != NULL)
        fill_list (self);
      else
        look_up (self);
      announce (self);
    }
  else
    {
      gtk_entry_set_text (self->search_entry, "");
      show_categories (self);
    }
}

static void
on_print_clicked (JkServicesPage *self)
{
  if (self->service != NULL)
    jk_print_flow_show (self->print_flow, JK_PAGE (self), &jk_document_service_slip, self->service);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static gboolean
jk_services_page_prepare (JkPage   *page,
                          GVariant *argument)
{
  JkServicesPage *self = JK_SERVICES_PAGE (page);

  if (argument == NULL)
    {
      /* From home's tile: the categories, whatever was shown before. */
      gtk_entry_set_text (self->search_entry, "");
      show_categories (self);
      return TRUE;
    }
  if (g_variant_is_of_type (argument, G_VARIANT_TYPE_INT64))
    return show_service (self, g_variant_get_int64 (argument));
  if (g_variant_is_of_type (argument, G_VARIANT_TYPE_STRING))
    {
      const char *list = g_variant_get_string (argument, NULL);
      const char *words = list_words (list);

      if (!jk_services_is_category (list) && (words == NULL || *words == '\0'))
        return FALSE;
      show_list (self, list);
      return TRUE;
    }
  return FALSE;
}

static void
jk_services_page_enter (JkPage *page)
{
  announce (JK_SERVICES_PAGE (page));
}

static void
jk_services_page_reset (JkPage *page)
{
  JkServicesPage *self = JK_SERVICES_PAGE (page);

  JK_PAGE_CLASS (jk_services_page_parent_class)->reset (page);
  self->busy = FALSE;
  clear_content (self);
  g_clear_pointer (&self->found, g_ptr_array_unref);
  g_clear_pointer (&self->list, g_free);
  self->view = VIEW_NONE;
  gtk_label_set_text (self->title_label, "");
}

static void
jk_services_page_language_changed (JkPage *page)
{
  JkServicesPage *self = JK_SERVICES_PAGE (page);

  JK_PAGE_CLASS (jk_services_page_parent_class)->language_changed (page);
  /* Shown again, so its words (and the hours) come in the new language. */
  switch (self->view)
    {
    case VIEW_CATEGORIES:
      show_categories (self);
      break;
    case VIEW_LIST:
      look_up (self);
      break;
    case VIEW_SERVICE:
      /* The list behind it is looked up again when it is gone back to. */
      g_clear_pointer (&self->found, g_ptr_array_unref);
      if (self->service != NULL)
        show_service (self, self->service->id);
      break;
    case VIEW_NONE:
      break;
    }
}

static void
jk_services_page_finalize (GObject *object)
{
  JkServicesPage *self = JK_SERVICES_PAGE (object);

  g_clear_pointer (&self->service, jk_service_free);
  g_clear_pointer (&self->found, g_ptr_array_unref);
  g_free (self->list);
  g_free (self->db_path);
  g_clear_object (&self->print_flow);
  g_clear_object (&self->clock);
  G_OBJECT_CLASS (jk_services_page_parent_class)->finalize (object);
}

static void
jk_services_page_class_init (JkServicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JkPageClass *page_class = JK_PAGE_CLASS (klass);

  object_class->finalize = jk_services_page_finalize;
  page_class->prepare = jk_services_page_prepare;
  page_class->enter = jk_services_page_enter;
  page_class->reset = jk_services_page_reset;
  page_class->language_changed = jk_services_page_language_changed;

  g_type_ensure (JK_TYPE_QR_CODE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/services/jk-services-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JkServicesPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, JkServicesPage, search_row);
  gtk_widget_class_bind_template_child (widget_class, JkServicesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, JkServicesPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, JkServicesPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, JkServicesPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, JkServicesPage, content);
  gtk_widget_class_bind_template_child (widget_class, JkServicesPage, qr_box);
  gtk_widget_class_bind_template_child (widget_class, JkServicesPage, qr_code);
  gtk_widget_class_bind_template_child (widget_class, JkServicesPage, qr_label);
  gtk_widget_class_bind_template_child (widget_class, JkServicesPage, action_row);
  gtk_widget_class_bind_template_child (widget_class, JkServicesPage, up_button);
  gtk_widget_class_bind_template_child (widget_class, JkServicesPage, up_label);
  gtk_widget_class_bind_template_child (widget_class, JkServicesPage, print_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_up_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked);
}

static void
jk_services_page_init (JkServicesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jk_page_init_strings (JK_PAGE (self));
  self->latitude = NAN;
  self->longitude = NAN;
  gtk_widget_set_no_show_all (self->qr_box, TRUE);
  gtk_widget_hide (self->qr_box);
  gtk_widget_set_no_show_all (self->action_row, TRUE);
  gtk_widget_hide (self->action_row);
  gtk_widget_set_no_show_all (self->up_button, TRUE);
  gtk_widget_set_no_show_all (self->print_button, TRUE);
  gtk_widget_set_no_show_all (GTK_WIDGET (self->status_label), TRUE);
  gtk_widget_set_no_show_all (self->search_row, TRUE);
  jk_page_set_main_action (JK_PAGE (self), self->search_button);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

typedef struct {
  char *db_path;
  char *data;
  double min_share;
} Import;

static void
import_free (Import *import)
{
  g_free (import->db_path);
  g_free (import->data);
  g_free (import);
}

/* The first directory (the demo's), on its own writer: a county's 211
 * directory is thousands of services. */
static gboolean
import_work (gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Import *import = data;
  g_autoptr (JkStore) store = jk_store_open_writer (import->db_path, error);
  g_autoptr (JkServicesImport) result = NULL;
  gint64 count;

  if (store == NULL)
    return FALSE;
  count = jk_services_count (store, error);
  if (count != 0)
    return count > 0;
  result = jk_services_import_with_share (store, import->data, g_get_real_time () / G_USEC_PER_SEC,
                                          import->min_share, error);
  return result != NULL;
}

static void
on_imported (gpointer      source,
             gpointer      data,
             const GError *error)
{
  JkServicesPage *self = source;

  if (error != NULL)
    g_warning ("The partner services could not be imported: %s", error->message);
  self->importing = FALSE;
  /* A list asked for meanwhile. */
  if (self->view == VIEW_LIST && self->found == NULL && !self->busy)
    look_up (self);
}

static JkPage *
create (const JkPageInfo    *info,
        const JkPageContext *context)
{
  JkServicesPage *self = g_object_new (JK_TYPE_SERVICES_PAGE, "title", N_("Other help"), "prompt",
                                       N_("What kind of help do you need? Choose one, or search by words."),
                                       NULL);

  self->store = context->store;
  self->db_path = g_strdup (jk_store_get_path (context->store));
  self->clock = g_object_ref (context->clock);
  self->print_flow = g_object_ref (context->print_flow);
  if (context->config->location == NULL ||
      !jk_geo_locate (context->store, context->config->location, &self->latitude, &self->longitude))
    self->latitude = self->longitude = NAN;
  /* Once, at start-up, like the training list: later directories come
   * from jobkioskctl services import. */
  if (context->config->services_data != NULL)
    {
      Import *import = g_new0 (Import, 1);

      import->db_path = g_strdup (self->db_path);
      import->data = g_strdup (context->config->services_data);
      import->min_share = context->config->services_min_share / 100.0;
      self->importing = TRUE;
      jk_task_run (self, NULL, "services-import", import_work, on_imported, import, (GDestroyNotify) import_free);
    }
  return JK_PAGE (self);
}

const JkPageInfo jk_services_page_info = { "services", JK_PAGE_AT_START, create };

gboolean
jk_services_page_is_busy (JkServicesPage *self)
{
  return self->busy || self->importing;
}

guint
jk_services_page_get_n_found (JkServicesPage *self)
{
  return self->found != NULL ? self->found->len : 0;
}

const JkService *
jk_services_page_get_found (JkServicesPage *self,
                            guint           index)
{
  return self->found != NULL && index < self->found->len ? self->found->pdata[index] : NULL;
}

const JkService *
jk_services_page_get_service (JkServicesPage *self)
{
  return self->service;
}

GtkWidget *
jk_services_page_get_qr_code (JkServicesPage *self)
{
  return GTK_WIDGET (self->qr_code);
}
