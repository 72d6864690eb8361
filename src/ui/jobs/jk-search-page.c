/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-search-page.c: the job search screen */

#define G_LOG_DOMAIN "jk-search-page"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-geo.h>
#include <jobkiosk/jk-search.h>
#include <jobkiosk/jk-task.h>
#include <jobkiosk/jk-visit.h>

#include "access/jk-describe.h"
#include "jk-job-card.h"
#include "shell/jk-retranslate.h"
#include "shell/jk-window.h"
#include "jk-job-page.h"
#include "jk-search-page.h"

#define PAGE_SIZE 30
/* Short: a search takes milliseconds, and a stale one is cancelled. */
#define DEBOUNCE_MS 40
/* Few, and in one row, so the results stay in sight. */
#define N_SUGGESTIONS 5
/* A suggestion is a title from a feed: cut, so no title widens the window. */
#define SUGGESTION_MAX_CHARS 24
/* Start fetching the next page this far (px) before the list runs out. */
#define PREFETCH_PX 800

typedef enum {
  GROUP_TYPE,
  GROUP_PAY,
  GROUP_POSTED,
  GROUP_DEGREE,
  GROUP_DISTANCE,
} ChipGroup;

typedef struct {
  ChipGroup group;
  const char *label;  /* msgid */
  int value;
  gboolean needs_origin;
  gboolean more;      /* behind "More filters" */
} ChipSpec;

/* The filters most visitors use are always in sight, in one row even in
 * Spanish with larger text on a 1280 px screen; the rest are behind "More
 * filters". The order of the results is not a chip: it has its own radio
 * buttons. */
static const ChipSpec chip_specs[] = {
  { GROUP_TYPE, N_("Full-time"), 0 },
  { GROUP_TYPE, N_("Part-time"), 1 },
  { GROUP_TYPE, N_("Temporary"), 2, FALSE, TRUE },
  { GROUP_DEGREE, N_("No degree needed"), 1 },
  { GROUP_PAY, N_("$12+ an hour"), 12, FALSE, TRUE },
  { GROUP_PAY, N_("$15+ an hour"), 15, FALSE, TRUE },
  { GROUP_PAY, N_("$18+ an hour"), 18, FALSE, TRUE },
  { GROUP_PAY, N_("$20+ an hour"), 20, FALSE, TRUE },
  { GROUP_POSTED, N_("Last 3 days"), 3, FALSE, TRUE },
  { GROUP_POSTED, N_("Last 7 days"), 7, FALSE, TRUE },
  { GROUP_POSTED, N_("Last 30 days"), 30, FALSE, TRUE },
  { GROUP_DISTANCE, N_("Within 5 miles"), 5, TRUE, TRUE },
  { GROUP_DISTANCE, N_("Within 10 miles"), 10, TRUE, TRUE },
  { GROUP_DISTANCE, N_("Within 25 miles"), 25, TRUE, TRUE },
};

static const char *const employment_types[] = { "full-time", "part-time", "temporary" };

struct _JkSearchPage
{
  JkPage parent_instance;

  GtkEntry *what_entry;
  GtkEntry *where_entry;
  GtkWidget *what_label;
  GtkWidget *where_label;
  GtkWidget *search_button;
  GtkWidget *my_list_button;
  GtkLabel *my_list_label;
  GtkWidget *top_row;
  GtkBox *suggestions;
  GtkBox *filters;
  GtkBox *type_filters;
  GtkBox *pay_filters;
  GtkBox *posted_filters;
  GtkBox *distance_filters;
  GtkWidget *distance_label;
  GtkRevealer *more_revealer;
  GtkToggleButton *more_button;
  GtkLabel *more_label;
  GtkBox *count_box;
  GtkWidget *status_holder;   /* the feed status, folded away while typing */
  GtkWidget *order_box;
  GtkToggleButton *order_best;
  GtkToggleButton *order_newest;
  GtkToggleButton *order_closest;
  GtkToggleButton *order_pay;
  GtkLabel *count_label;
  GtkScrolledWindow *results_scroller;
  GtkBox *results_box;      /* of GtkListBox, a page of cards each */
  GtkListBox *last_list;    /* where the next card goes */
  guint last_list_rows;
  guint shown;              /* cards in the lists */
  GtkWidget *empty_box;
  GtkWidget *empty_body;
  GtkWidget *empty_actions;
  GtkWidget *count_row;
  GtkButton *spelling_button;

  JkStore *store;
  JkFeedStatus *feed_status;
  JkClock *clock;
  char *default_area;
  gboolean has_origin;
  double origin_latitude;
  double origin_longitude;

  GtkToggleButton *chips[G_N_ELEMENTS (chip_specs)];
  gboolean typing;          /* the keyboard is open for one of the fields */
  gboolean tracking_focus;
  GtkWidget *keyboard_revealer; /* watched once the keyboard was shown */
  guint debounce_id;
  GCancellable *cancellable;
  gboolean busy;
  gboolean counting;
  gboolean rerun;           /* work was cut short by leaving: search again on return */
  gint64 count;
  guint loaded;
  char *spelling;
  GPtrArray *spoken;        /* the first page as speech says it, until the count is known */
  gboolean updating_chips;
  GQueue pending;         /* records fetched, waiting to become cards */
  JkJobRecord *last;      /* the last record fetched: the next page starts after it */
  guint add_cards_id;
};

/* A search as it was asked, carried to the worker thread and back. */
typedef struct {
  char *db_path;
  JkSearchQuery query;
  JkJobRecord *after;
  char *text;
  char *where;
  gboolean first_page;
  GPtrArray *records;
  gint64 count;
  char *spelling;
} SearchJob;

enum {
  SIGNAL_RESULTS_SHOWN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JkSearchPage, jk_search_page, JK_TYPE_PAGE)

static void start_search          (JkSearchPage *self,
                                   gboolean      first_page);
static void on_suggestion_clicked (GtkButton    *button,
                                   JkSearchPage *self);

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
search_job_free (SearchJob *job)
{
  g_free (job->db_path);
  jk_job_record_free (job->after);
  g_free (job->text);
  g_free (job->where);
  g_free (job->spelling);
  g_clear_pointer (&job->records, g_ptr_array_unref);
  g_free (job);
}

static int
active_value (JkSearchPage *self,
              ChipGroup     group,
              int           none)
{
  for (gsize i = 0; i < G_N_ELEMENTS (chip_specs); i++)
    if (chip_specs[i].group == group && self->chips[i] != NULL && gtk_toggle_button_get_active (self->chips[i]))
      return chip_specs[i].value;
  return none;
}

static JkSearchSort
active_sort (JkSearchPage *self)
{
  if (gtk_toggle_button_get_active (self->order_newest))
    return JK_SEARCH_SORT_NEWEST;
  if (gtk_toggle_button_get_active (self->order_closest) && self->has_origin)
    return JK_SEARCH_SORT_CLOSEST;
  if (gtk_toggle_button_get_active (self->order_pay))
    return JK_SEARCH_SORT_PAY;
  return JK_SEARCH_SORT_BEST;
}

/* "Where?" still says the kiosk's own area, as the page starts. */
static gboolean
where_is_default (JkSearchPage *self,
                  const char   *where)
{
  g_autofree char *area = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (self->default_area == NULL || where == NULL)
    return FALSE;
  area = g_strstrip (g_strdup (self->default_area));
  a = g_utf8_casefold (area, -1);
  b = g_utf8_casefold (where, -1);
  return g_strcmp0 (a, b) == 0;
}

static void
fill_query (JkSearchPage *self,
            SearchJob    *job)
{
  g_autoptr (GDateTime) now = jk_clock_now_local (self->clock);
  int type = active_value (self, GROUP_TYPE, -1);
  int pay = active_value (self, GROUP_PAY, 0);

  job->text = g_strdup (gtk_entry_get_text (self->what_entry));
  job->where = g_strstrip (g_strdup (gtk_entry_get_text (self->where_entry)));
  job->query.text = job->text;
  job->query.typing = TRUE;
  job->query.where = job->where[0] != '\0' ? job->where : NULL;
  job->query.employment_type = type >= 0 ? employment_types[type] : NULL;
  job->query.min_pay = pay;
  job->query.min_pay_per = JK_SALARY_PERIOD_HOUR;
  job->query.posted_within_days = active_value (self, GROUP_POSTED, 0);
  job->query.no_degree = active_value (self, GROUP_DEGREE, 0) != 0;
  job->query.sort = active_sort (self);
  job->query.limit = PAGE_SIZE;
  job->query.now = g_date_time_to_unix (now);
  if (self->has_origin)
    {
      job->query.has_origin = TRUE;
      job->query.origin_latitude = self->origin_latitude;
      job->query.origin_longitude = self->origin_longitude;
      job->query.max_miles = active_value (self, GROUP_DISTANCE, 0);
      /* With a distance chosen, the place is the kiosk's own, not a city. */
      if (job->query.max_miles > 0)
        job->query.where = NULL;
    }
  /* Searching from the kiosk's own area (as the page starts, or by
   * distance from it), postings that name no place, or remote work, follow
   * the nearby ones rather than never being seen. A place the visitor
   * typed means that place only. */
  job->query.include_unplaced = job->query.max_miles > 0 || where_is_default (self, job->query.where);
}

/* Cards are made a few per frame, just before it is laid out: building a
 * whole page of them at once, or as many as idle time allows between two
 * frames, would hold up the next frame while the visitor scrolls. */
#define CARDS_PER_FRAME 3

static void on_row_activated (JkSearchPage  *self,
                              GtkListBoxRow *row);

/* The arrow keys go on from the last card of one list to the first of the
 * next, and back, as in one list. */
static gboolean
on_results_keynav_failed (GtkWidget        *list,
                          GtkDirectionType  direction,
                          JkSearchPage     *self)
{
  g_autoptr (GList) lists = gtk_container_get_children (GTK_CONTAINER (self->results_box));
  GList *here = g_list_find (lists, list);
  GList *next = direction == GTK_DIR_DOWN ? here->next : direction == GTK_DIR_UP ? here->prev : NULL;
  g_autoptr (GList) rows = NULL;

  if (next == NULL)
    return FALSE;
  rows = gtk_container_get_children (next->data);
  if (rows == NULL)
    return FALSE;
  gtk_widget_grab_focus (direction == GTK_DIR_DOWN ? rows->data : g_list_last (rows)->data);
  return TRUE;
}

/* Cards go in lists of at most PAGE_SIZE: a card added then lays out and
 * draws its own short list, not every card loaded before it (a GtkListBox
 * allocates all its rows whenever one is added). */
static void
add_card (JkSearchPage *self,
          GtkWidget    *card)
{
  if (self->last_list == NULL || self->last_list_rows >= PAGE_SIZE)
    {
      GtkWidget *list = gtk_list_box_new ();

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (list), TRUE);
      gtk_style_context_add_class (gtk_widget_get_style_context (list), "results");
      atk_object_set_name (gtk_widget_get_accessible (list), _("Search results"));
      /* Results that arrive while the visitor types come compact. */
      if (self->typing)
        gtk_style_context_add_class (gtk_widget_get_style_context (list), "compact");
      g_signal_connect_swapped (list, "row-activated", G_CALLBACK (on_row_activated), self);
      g_signal_connect (list, "keynav-failed", G_CALLBACK (on_results_keynav_failed), self);
      gtk_widget_show (list);
      gtk_container_add (GTK_CONTAINER (self->results_box), list);
      self->last_list = GTK_LIST_BOX (list);
      self->last_list_rows = 0;
    }
  jk_job_card_set_compact (JK_JOB_CARD (card), self->typing);
  gtk_container_add (GTK_CONTAINER (self->last_list), card);
  self->last_list_rows++;
  self->shown++;
}

static gboolean
add_cards_tick (GtkWidget     *list,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  JkSearchPage *self = user_data;
  g_autoptr (GDateTime) now = jk_clock_now_local (self->clock);

  for (int i = 0; i < CARDS_PER_FRAME && !g_queue_is_empty (&self->pending); i++)
    add_card (self, jk_job_card_new (g_queue_pop_head (&self->pending), now));
  if (!g_queue_is_empty (&self->pending))
    return G_SOURCE_CONTINUE;
  self->add_cards_id = 0;
  return G_SOURCE_REMOVE;
}

static void
clear_pending (JkSearchPage *self)
{
  if (self->add_cards_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->results_box), self->add_cards_id);
  self->add_cards_id = 0;
  g_queue_clear_full (&self->pending, (GDestroyNotify) jk_job_record_free);
}

static void
clear_results (JkSearchPage *self)
{
  GList *lists = gtk_container_get_children (GTK_CONTAINER (self->results_box));

  for (GList *l = lists; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (lists);
  self->last_list = NULL;
  self->shown = 0;
  clear_pending (self);
  g_clear_pointer (&self->last, jk_job_record_free);
  self->loaded = 0;
  self->count = 0;
}

static void
update_count (JkSearchPage *self)
{
  g_autofree char *text = NULL;

  if (self->busy && self->loaded == 0)
    return;
  if (self->count < 0)
    {
      /* Still counting: no number rather than a wrong one. */
      gtk_label_set_text (self->count_label, "");
      return;
    }
  text = jk_format_job_count (self->count);
  gtk_label_set_text (self->count_label, text);
}

static void
update_my_list (JkSearchPage *self)
{
  JkSession *session = jk_page_get_session (JK_PAGE (self));
  guint saved = session != NULL ? jk_visit_get_saved_jobs (session)->len : 0;
  g_autofree char *text = saved > 0 ? g_strdup_printf (_("My list (%u)"), saved) : g_strdup (_("My list"));

  gtk_label_set_text (self->my_list_label, text);
  /* The count is heard too, not only seen. */
  atk_object_set_name (gtk_widget_get_accessible (self->my_list_button), text);
}

/* Chosen filters behind "More filters", so a closed panel still tells. */
static void
update_more_button (JkSearchPage *self)
{
  guint hidden = 0;
  g_autofree char *text = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (chip_specs); i++)
    if (self->chips[i] != NULL && gtk_toggle_button_get_active (self->chips[i])
        && gtk_widget_get_parent (GTK_WIDGET (self->chips[i])) != GTK_WIDGET (self->filters))
      hidden++;
  /* TRANSLATORS: the button that shows the other filters; %u is how many of them are chosen */
  text = hidden > 0 ? g_strdup_printf (_("More filters (%u)"), hidden) : g_strdup (_("More filters"));
  gtk_label_set_text (self->more_label, text);
  atk_object_set_name (gtk_widget_get_accessible (GTK_WIDGET (self->more_button)), text);
}

/* Chips sit straight in a box: no wrapper of their own (a flow box's would
 * be an unnamed list item to assistive technology), one row whatever the
 * width, a label shortened rather than the row made taller. */
static void
add_chip (GtkBox    *box,
          GtkWidget *chip)
{
  gtk_box_pack_start (box, chip, FALSE, TRUE, 0);
}

static GtkBox *
chip_row (JkSearchPage   *self,
          const ChipSpec *spec)
{
  if (!spec->more)
    return self->filters;
  switch (spec->group)
    {
    case GROUP_PAY:
      return self->pay_filters;
    case GROUP_POSTED:
      return self->posted_filters;
    case GROUP_DISTANCE:
      return self->distance_filters;
    case GROUP_TYPE:
    case GROUP_DEGREE:
    default:
      return self->type_filters;
    }
}

/* A chosen chip says so with a check mark, not only its fill. */
static void
update_chip_mark (GtkToggleButton *chip)
{
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (chip), "jk-chip-mark"), gtk_toggle_button_get_active (chip));
}

/* While the keyboard is open for one of the fields, the page keeps the
 * fields and as many results as it can: the chips fold away and the
 * cards show one line each. */
static void
set_typing (JkSearchPage *self,
            gboolean      typing)
{
  g_autoptr (GList) lists = NULL;

  if (self->typing == typing)
    return;
  self->typing = typing;
  gtk_widget_set_visible (self->what_label, !typing);
  gtk_widget_set_visible (self->where_label, !typing);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions), !typing && gtk_entry_get_text_length (self->what_entry) == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->filters), !typing);
  gtk_widget_set_visible (GTK_WIDGET (self->more_revealer), !typing);
  gtk_widget_set_visible (self->order_box, !typing);
  gtk_widget_set_visible (self->status_holder, !typing);
  /* The cards say what was found; "No jobs match" keeps its title only. */
  gtk_widget_set_visible (self->count_row, !typing);
  gtk_widget_set_visible (self->empty_body, !typing);
  gtk_widget_set_visible (self->empty_actions, !typing);
  if (typing)
    gtk_style_context_add_class (gtk_widget_get_style_context (GTK_WIDGET (self)), "typing");
  else
    gtk_style_context_remove_class (gtk_widget_get_style_context (GTK_WIDGET (self)), "typing");
  lists = gtk_container_get_children (GTK_CONTAINER (self->results_box));
  for (GList *l = lists; l != NULL; l = l->next)
    {
      g_autoptr (GList) cards = gtk_container_get_children (l->data);

      if (typing)
        gtk_style_context_add_class (gtk_widget_get_style_context (l->data), "compact");
      else
        gtk_style_context_remove_class (gtk_widget_get_style_context (l->data), "compact");
      for (GList *c = cards; c != NULL; c = c->next)
        jk_job_card_set_compact (c->data, typing);
    }
}

static void
update_typing (JkSearchPage *self)
{
  GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));
  GtkWidget *focus = GTK_IS_WINDOW (toplevel) ? gtk_window_get_focus (GTK_WINDOW (toplevel)) : NULL;
  gboolean keyboard = JK_IS_WINDOW (toplevel) && jk_window_get_keyboard_shown (JK_WINDOW (toplevel));

  if (keyboard && self->keyboard_revealer == NULL)
    {
      /* The keyboard exists once shown: follow its "Hide" from now on. */
      self->keyboard_revealer = gtk_widget_get_parent (GTK_WIDGET (jk_window_get_keyboard (JK_WINDOW (toplevel))));
      if (GTK_IS_REVEALER (self->keyboard_revealer))
        g_signal_connect_object (self->keyboard_revealer, "notify::reveal-child", G_CALLBACK (update_typing), self,
                                 G_CONNECT_SWAPPED);
    }
  set_typing (self, keyboard && gtk_widget_get_mapped (GTK_WIDGET (self))
                      && (focus == GTK_WIDGET (self->what_entry) || focus == GTK_WIDGET (self->where_entry)));
}

static void
show_empty_state (JkSearchPage *self,
                  gboolean      empty)
{
  gtk_widget_set_visible (GTK_WIDGET (self->results_box), !empty);
  gtk_widget_set_visible (self->empty_box, empty);
  gtk_widget_set_visible (GTK_WIDGET (self->spelling_button), empty && self->spelling != NULL);
  if (empty && self->spelling != NULL)
    {
      /* TRANSLATORS: a button offering a corrected spelling: "Search for: cashier" */
      g_autofree char *label = g_strdup_printf (_("Search for: %s"), self->spelling);
      gtk_button_set_label (self->spelling_button, label);
      atk_object_set_name (gtk_widget_get_accessible (GTK_WIDGET (self->spelling_button)), label);
    }
}

static GtkWidget *
chip_new (const char *msgid)
{
  GtkWidget *chip = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic", GTK_ICON_SIZE_LARGE_TOOLBAR);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_no_show_all (mark, TRUE);
  gtk_container_add (GTK_CONTAINER (box), mark);
  gtk_container_add (GTK_CONTAINER (box), label);
  gtk_widget_show (label);
  gtk_widget_show (box);
  gtk_container_add (GTK_CONTAINER (chip), box);
  gtk_style_context_add_class (gtk_widget_get_style_context (chip), "chip");
  g_object_set_data (G_OBJECT (chip), "jk-chip-mark", mark);
  jk_retranslate_set_label (GTK_LABEL (label), msgid);
  jk_retranslate_set_a11y_name (chip, msgid);
  jk_describe_set_role (chip, C_ ("spoken role", "filter"));
  gtk_widget_show (chip);
  return chip;
}

static void
refresh_suggestions (JkSearchPage *self)
{
  g_autoptr (GDateTime) now = jk_clock_now_local (self->clock);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) titles = jk_search_popular_titles (self->store, g_date_time_to_unix (now), N_SUGGESTIONS, &error);
  GList *old = gtk_container_get_children (GTK_CONTAINER (self->suggestions));

  for (GList *l = old; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  g_list_free (old);
  if (titles == NULL)
    {
      g_warning ("Cannot list common titles: %s", error->message);
      return;
    }
  for (guint i = 0; titles[i] != NULL; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (titles[i]);
      GtkLabel *label = GTK_LABEL (gtk_bin_get_child (GTK_BIN (button)));

      gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (label, SUGGESTION_MAX_CHARS);
      gtk_style_context_add_class (gtk_widget_get_style_context (button), "chip");
      gtk_style_context_add_class (gtk_widget_get_style_context (button), "suggestion");
      atk_object_set_name (gtk_widget_get_accessible (button), titles[i]);
      g_object_set_data_full (G_OBJECT (button), "jk-title", g_strdup (titles[i]), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_suggestion_clicked), self);
      gtk_widget_show (button);
      /* Shortened rather than wrapped when the row is too narrow. */
      gtk_box_pack_start (self->suggestions, button, FALSE, TRUE, 0);
    }
}

/* Workers read through a connection of their own: their statements never
 * make the window wait on the shared one, and a stale search or count
 * stops as soon as its task is cancelled by the next keystroke. */
static JkStore *
open_reader (SearchJob     *job,
             GCancellable  *cancellable,
             GError       **error)
{
  JkStore *reader = jk_store_open_reader (job->db_path, error);

  if (reader != NULL)
    jk_store_set_cancellable (reader, cancellable);
  return reader;
}

/* Worker thread: the query, and on the first page the honest count and,
 * when nothing matched, a spelling to offer. */
static gboolean
search_work (gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  SearchJob *job = data;
  g_autoptr (JkStore) reader = open_reader (job, cancellable, error);

  if (reader == NULL)
    return FALSE;
  job->records = jk_search_jobs (reader, &job->query, error);
  if (job->records == NULL)
    return FALSE;
  /* A full first page means there may be many more: counting them exactly
   * is left to a second task, so the first cards show without waiting. */
  if (job->first_page)
    {
      job->count = job->records->len < PAGE_SIZE ? (gint64) job->records->len : -1;
      if (job->count == 0 && job->text != NULL)
        job->spelling = jk_search_suggest_spelling (reader, job->text, NULL);
    }
  return TRUE;
}

static gboolean
count_work (gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  SearchJob *job = data;
  g_autoptr (JkStore) reader = open_reader (job, cancellable, NULL);

  /* An unknown count (-1) stays "counting…" until the next search. */
  job->count = reader != NULL ? jk_search_count (reader, &job->query, NULL) : -1;
  return TRUE;
}

/* The count, then each result of the first page, once both are known;
 * or why there is none. Queued: the visitor's next key interrupts. */
static void
speak_results (JkSearchPage *self)
{
  g_autofree char *count = NULL;

  if (self->spoken == NULL || self->count < 0)
    return;
  if (self->count == 0)
    {
      g_autofree char *empty = jk_describe_text_of (self->empty_box);

      jk_page_say (JK_PAGE (self), empty, JK_SPEAK_QUEUE);
    }
  else
    {
      count = jk_format_job_count (self->count);
      jk_page_say (JK_PAGE (self), count, JK_SPEAK_QUEUE);
      for (guint i = 0; i < self->spoken->len; i++)
        jk_page_say (JK_PAGE (self), self->spoken->pdata[i], JK_SPEAK_QUEUE);
    }
  g_clear_pointer (&self->spoken, g_ptr_array_unref);
}

static void
on_counted (gpointer      source,
            gpointer      data,
            const GError *error)
{
  JkSearchPage *self = JK_SEARCH_PAGE (source);
  SearchJob *job = data;

  self->counting = FALSE;
  /* A count that failed leaves no number rather than a wrong one. */
  self->count = job->count >= 0 ? MAX (job->count, (gint64) self->loaded) : -1;
  update_count (self);
  speak_results (self);
}

static void
start_count (JkSearchPage *self,
             SearchJob    *done)
{
  SearchJob *job = g_new0 (SearchJob, 1);

  job->db_path = g_strdup (done->db_path);
  job->text = g_strdup (done->text);
  job->where = g_strdup (done->where);
  job->query = done->query;
  job->query.text = job->text;
  job->query.after = NULL;
  job->query.where = done->query.where != NULL ? job->where : NULL;
  self->counting = TRUE;
  jk_task_run (self, self->cancellable, "jk-search-count", count_work, on_counted, job,
               (GDestroyNotify) search_job_free);
}

static void
on_search_done (gpointer      source,
                gpointer      data,
                const GError *error)
{
  JkSearchPage *self = JK_SEARCH_PAGE (source);
  SearchJob *job = data;
  g_autoptr (GDateTime) now = NULL;

  self->busy = FALSE;
  if (error != NULL)
    {
      g_warning ("Search failed: %s", error->message);
      return;
    }
  now = jk_clock_now_local (self->clock);
  if (job->first_page)
    {
      clear_results (self);
      self->count = job->count;
      if (job->count < 0)
        start_count (self, job);
      g_free (self->spelling);
      self->spelling = g_steal_pointer (&job->spelling);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->results_scroller), 0);
      g_clear_pointer (&self->spoken, g_ptr_array_unref);
      if (jk_page_is_speaking (JK_PAGE (self)))
        {
          self->spoken = g_ptr_array_new_with_free_func (g_free);
          for (guint i = 0; i < job->records->len; i++)
            {
              const JkJobRecord *record = job->records->pdata[i];
              gint64 listed = record->job->posted != 0 ? record->job->posted : record->first_seen;

              g_ptr_array_add (self->spoken, jk_speech_text_job (record->job, listed, now));
            }
        }
    }
  if (job->records->len > 0)
    {
      g_clear_pointer (&self->last, jk_job_record_free);
      self->last = jk_job_record_copy (job->records->pdata[job->records->len - 1]);
    }
  for (guint i = 0; i < job->records->len; i++)
    {
      /* The first screenful at once; the rest as the main loop has time. */
      if (job->first_page && i < 8)
        add_card (self, jk_job_card_new (g_steal_pointer (&job->records->pdata[i]), now));
      else
        g_queue_push_tail (&self->pending, g_steal_pointer (&job->records->pdata[i]));
    }
  if (!g_queue_is_empty (&self->pending) && self->add_cards_id == 0)
    self->add_cards_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->results_box), add_cards_tick, self, NULL);
  self->loaded += job->records->len;
  /* A count computed before a sync may fall short of what was loaded. */
  if (self->count >= 0)
    self->count = MAX (self->count, (gint64) self->loaded);
  update_count (self);
  show_empty_state (self, self->count == 0);
  speak_results (self);
  g_signal_emit (self, signals[SIGNAL_RESULTS_SHOWN], 0);
}

static void
start_search (JkSearchPage *self,
              gboolean      first_page)
{
  SearchJob *job;

  if (first_page)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->counting = FALSE;
    }
  else if (self->busy)
    return;
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();

  /* Never the words: nothing a visitor types is logged. */
  g_debug ("search started (%s)", first_page ? "first page" : "next page");
  job = g_new0 (SearchJob, 1);
  job->db_path = g_strdup (jk_store_get_path (self->store));
  job->first_page = first_page;
  fill_query (self, job);
  job->query.offset = first_page ? 0 : self->loaded;
  if (!first_page && self->last != NULL)
    {
      job->after = jk_job_record_copy (self->last);
      job->query.after = job->after;
    }
  self->busy = TRUE;
  jk_task_run (self, self->cancellable, "jk-search", search_work, on_search_done, job,
               (GDestroyNotify) search_job_free);
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

/* Keys move along the fields' row in the order it is read. GTK 3 orders a
 * row by each child's middle, and the fields (a label above each) and the
 * shorter buttons (at the row's foot) differ: Down skipped Search and My
 * list, and while typing (the labels folded away) went from "Where?"
 * straight to the results. */
static gboolean
on_top_row_focus (GtkWidget        *row,
                  GtkDirectionType  direction,
                  JkSearchPage     *self)
{
  g_autoptr (GList) children = NULL;
  GtkWidget *focus_child = gtk_container_get_focus_child (GTK_CONTAINER (row));
  GList *from;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GDK_EVENT_PROPAGATE;
  children = gtk_container_get_children (GTK_CONTAINER (row));
  if (direction == GTK_DIR_TAB_BACKWARD)
    children = g_list_reverse (children);
  from = children;
  if (focus_child != NULL)
    {
      if (gtk_widget_child_focus (focus_child, direction))
        return GDK_EVENT_STOP;
      from = g_list_find (children, focus_child);
      from = from != NULL ? from->next : NULL;
    }
  for (GList *l = from; l != NULL; l = l->next)
    if (gtk_widget_is_drawable (l->data) && gtk_widget_is_sensitive (l->data) &&
        gtk_widget_child_focus (l->data, direction))
      return GDK_EVENT_STOP;
  /* Out of the row, without GTK's own order having another go at it. */
  g_signal_stop_emission_by_name (row, "focus");
  return FALSE;
}

static gboolean
debounce_cb (gpointer user_data)
{
  JkSearchPage *self = user_data;

  self->debounce_id = 0;
  /* A search the visitor ran (not a page re-run on return or language). */
  jk_session_count (jk_page_get_session (JK_PAGE (self)), "searches", 1);
  start_search (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
on_query_changed (JkSearchPage *self)
{
  /* Suggestions are for people who do not know what to type yet. */
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions),
                          !self->typing && gtk_entry_get_text_length (self->what_entry) == 0);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (DEBOUNCE_MS, debounce_cb, self);
}

static void
on_query_activate (JkSearchPage *self)
{
  jk_search_page_search_now (self);
}

/* Searching is done: the focus leaves the fields, so the keyboard closes
 * and the whole page of results shows. */
static void
on_search_clicked (JkSearchPage *self)
{
  gtk_widget_grab_focus (self->search_button);
  jk_search_page_search_now (self);
}

static void
on_more_toggled (JkSearchPage *self)
{
  gtk_revealer_set_reveal_child (self->more_revealer, gtk_toggle_button_get_active (self->more_button));
}

static void
on_order_toggled (JkSearchPage    *self,
                  GtkToggleButton *button)
{
  /* A radio group toggles twice: the one left and the one chosen. */
  if (gtk_toggle_button_get_active (button) && !self->updating_chips)
    jk_search_page_search_now (self);
}

static void
on_set_focus (JkSearchPage *self)
{
  update_typing (self);
}

static void
on_chip_toggled (GtkToggleButton *chip,
                 JkSearchPage    *self)
{
  gsize index = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chip), "jk-chip"));

  update_chip_mark (chip);
  update_more_button (self);
  if (self->updating_chips)
    return;
  /* One choice per group, like radio buttons that can all be off. */
  if (gtk_toggle_button_get_active (chip))
    {
      self->updating_chips = TRUE;
      for (gsize i = 0; i < G_N_ELEMENTS (chip_specs); i++)
        if (i != index && chip_specs[i].group == chip_specs[index].group && self->chips[i] != NULL)
          gtk_toggle_button_set_active (self->chips[i], FALSE);
      self->updating_chips = FALSE;
    }
  jk_search_page_search_now (self);
}

static void
on_row_activated (JkSearchPage  *self,
                  GtkListBoxRow *row)
{
  jk_page_navigate (JK_PAGE (self), &jk_job_page_info,
                    g_variant_new_int64 (jk_job_card_get_record (JK_JOB_CARD (row))->id));
}

static void
on_scrolled (GtkAdjustment *adjustment,
             JkSearchPage  *self)
{
  double bottom = gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment);

  if (!self->busy && (self->count < 0 || self->loaded < self->count) &&
      bottom > gtk_adjustment_get_upper (adjustment) - PREFETCH_PX)
    start_search (self, FALSE);
}

static void
on_spelling_clicked (JkSearchPage *self)
{
  if (self->spelling != NULL)
    {
      g_autofree char *word = g_strdup (self->spelling);
      gtk_entry_set_text (self->what_entry, word);
      jk_search_page_search_now (self);
    }
}

static void
on_clear_filters_clicked (JkSearchPage *self)
{
  self->updating_chips = TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (chip_specs); i++)
    if (self->chips[i] != NULL)
      gtk_toggle_button_set_active (self->chips[i], FALSE);
  self->updating_chips = FALSE;
  jk_search_page_search_now (self);
}

static void
on_everywhere_clicked (JkSearchPage *self)
{
  self->updating_chips = TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (chip_specs); i++)
    if (self->chips[i] != NULL && chip_specs[i].group == GROUP_DISTANCE)
      gtk_toggle_button_set_active (self->chips[i], FALSE);
  self->updating_chips = FALSE;
  gtk_entry_set_text (self->where_entry, "");
  jk_search_page_search_now (self);
}

static void
on_suggestion_clicked (GtkButton    *button,
                       JkSearchPage *self)
{
  gtk_entry_set_text (self->what_entry, g_object_get_data (G_OBJECT (button), "jk-title"));
  jk_search_page_search_now (self);
}

/* A pending keystroke, the search and the count, all stopped. */
static void
stop_work (JkSearchPage *self)
{
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->busy = FALSE;
  self->counting = FALSE;
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

/* Opened with words (an occupation's "jobs open near you"): they are
 * searched as finished words, everywhere in the postings. */
static gboolean
jk_search_page_prepare (JkPage   *page,
                        GVariant *argument)
{
  JkSearchPage *self = JK_SEARCH_PAGE (page);
  g_autofree char *words = NULL;

  if (argument == NULL)
    return TRUE;
  words = g_strconcat (g_variant_get_string (argument, NULL), " ", NULL);
  gtk_entry_set_text (self->what_entry, words);
  jk_search_page_search_now (self);
  return TRUE;
}

static void
jk_search_page_enter (JkPage *page)
{
  JkSearchPage *self = JK_SEARCH_PAGE (page);
  GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));

  if (!self->tracking_focus && GTK_IS_WINDOW (toplevel))
    {
      /* After the window's own handler, which opens the keyboard. */
      g_signal_connect_object (toplevel, "set-focus", G_CALLBACK (on_set_focus), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      self->tracking_focus = TRUE;
    }
  update_my_list (self);
  update_typing (self);
  refresh_suggestions (self);
  /* "The job list was last updated 3 days ago": said before the results. */
  if (jk_page_is_speaking (page) && gtk_widget_get_visible (GTK_WIDGET (self->feed_status)))
    {
      g_autofree char *status = jk_describe_text_of (GTK_WIDGET (self->feed_status));

      jk_page_say (page, status, JK_SPEAK_QUEUE);
    }
  if ((self->loaded == 0 || self->rerun) && !self->busy)
    start_search (self, TRUE);
  else if (jk_page_is_speaking (page) && self->count >= 0)
    {
      g_autofree char *count = jk_format_job_count (self->count);

      jk_page_say (page, count, JK_SPEAK_QUEUE);
    }
  self->rerun = FALSE;
}

/* Leaving stops the page's work; what it had not finished is done again on return. */
static void
jk_search_page_leave (JkPage *page)
{
  JkSearchPage *self = JK_SEARCH_PAGE (page);

  self->rerun = self->debounce_id != 0 || self->busy || self->counting;
  stop_work (self);
  set_typing (self, FALSE);
}

static void
jk_search_page_reset (JkPage *page)
{
  JkSearchPage *self = JK_SEARCH_PAGE (page);

  JK_PAGE_CLASS (jk_search_page_parent_class)->reset (page);
  stop_work (self);
  self->rerun = FALSE;
  self->updating_chips = TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (chip_specs); i++)
    if (self->chips[i] != NULL)
      gtk_toggle_button_set_active (self->chips[i], FALSE);
  gtk_toggle_button_set_active (self->order_best, TRUE);
  gtk_toggle_button_set_active (self->more_button, FALSE);
  self->updating_chips = FALSE;
  set_typing (self, FALSE);
  g_clear_pointer (&self->spelling, g_free);
  clear_results (self);
  show_empty_state (self, FALSE);
  gtk_label_set_text (self->count_label, "");
  gtk_entry_set_text (self->where_entry, self->default_area != NULL ? self->default_area : "");
  /* Setting the text scheduled a search: the next visitor starts fresh on enter. */
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  update_my_list (self);
}

static void
jk_search_page_language_changed (JkPage *page)
{
  JkSearchPage *self = JK_SEARCH_PAGE (page);

  JK_PAGE_CLASS (jk_search_page_parent_class)->language_changed (page);
  update_my_list (self);
  update_more_button (self);
  /* "0 jobs" is formatted, not a message the retranslation knows. */
  update_count (self);
  /* Cards say "an hour" and "Posted…" in words: draw them again. */
  if (self->loaded > 0)
    start_search (self, TRUE);
}

static void
jk_search_page_dispose (GObject *object)
{
  JkSearchPage *self = JK_SEARCH_PAGE (object);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  clear_pending (self);
  g_clear_pointer (&self->last, jk_job_record_free);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->clock);
  G_OBJECT_CLASS (jk_search_page_parent_class)->dispose (object);
}

static void
jk_search_page_finalize (GObject *object)
{
  JkSearchPage *self = JK_SEARCH_PAGE (object);

  g_free (self->default_area);
  g_free (self->spelling);
  G_OBJECT_CLASS (jk_search_page_parent_class)->finalize (object);
}

static void
jk_search_page_class_init (JkSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JkPageClass *page_class = JK_PAGE_CLASS (klass);

  object_class->dispose = jk_search_page_dispose;
  object_class->finalize = jk_search_page_finalize;
  page_class->prepare = jk_search_page_prepare;
  page_class->enter = jk_search_page_enter;
  page_class->leave = jk_search_page_leave;
  page_class->reset = jk_search_page_reset;
  page_class->language_changed = jk_search_page_language_changed;

  signals[SIGNAL_RESULTS_SHOWN] = g_signal_new ("results-shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/jobs/jk-search-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, what_entry);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, where_entry);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, what_label);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, top_row);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, where_label);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, my_list_button);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, my_list_label);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, suggestions);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, filters);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, type_filters);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, pay_filters);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, posted_filters);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, distance_filters);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, distance_label);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, more_revealer);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, count_box);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, order_box);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, order_best);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, order_newest);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, order_closest);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, order_pay);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, results_scroller);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, results_box);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, empty_box);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, empty_body);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, empty_actions);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, count_row);
  gtk_widget_class_bind_template_child (widget_class, JkSearchPage, spelling_button);
  gtk_widget_class_bind_template_callback (widget_class, on_query_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_query_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_spelling_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_filters_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_everywhere_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_search_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_order_toggled);
}

static void
jk_search_page_init (JkSearchPage *self)
{
  GtkWidget *box, *icon;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* "More filters": a toggle at the end of the filters in sight. */
  self->more_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->more_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->more_label, PANGO_ELLIPSIZE_END);
  icon = gtk_image_new_from_icon_name ("pan-down-symbolic", GTK_ICON_SIZE_LARGE_TOOLBAR);
  gtk_container_add (GTK_CONTAINER (box), GTK_WIDGET (self->more_label));
  gtk_container_add (GTK_CONTAINER (box), icon);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_container_add (GTK_CONTAINER (self->more_button), box);
  gtk_style_context_add_class (gtk_widget_get_style_context (GTK_WIDGET (self->more_button)), "chip");
  gtk_style_context_add_class (gtk_widget_get_style_context (GTK_WIDGET (self->more_button)), "more-button");
  g_signal_connect_swapped (self->more_button, "toggled", G_CALLBACK (on_more_toggled), self);
  gtk_widget_show_all (GTK_WIDGET (self->more_button));
  jk_retranslate_set_a11y_name (GTK_WIDGET (self->suggestions), N_("Common job titles"));
  jk_retranslate_set_a11y_name (GTK_WIDGET (self->filters), N_("Filters"));
  jk_retranslate_set_a11y_name (GTK_WIDGET (self->type_filters), N_("Type of job"));
  jk_retranslate_set_a11y_name (GTK_WIDGET (self->pay_filters), N_("Pay"));
  jk_retranslate_set_a11y_name (GTK_WIDGET (self->posted_filters), N_("Posted"));
  jk_retranslate_set_a11y_name (GTK_WIDGET (self->distance_filters), N_("Distance"));
  g_signal_connect (self->top_row, "focus", G_CALLBACK (on_top_row_focus), self);
  jk_page_set_main_action (JK_PAGE (self), self->search_button);
  jk_page_init_strings (JK_PAGE (self));
  update_more_button (self);
  g_signal_connect (gtk_scrolled_window_get_vadjustment (self->results_scroller), "value-changed",
                    G_CALLBACK (on_scrolled), self);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

static JkPage *
create (const JkPageInfo   *info,
        const JkPageContext *context)
{
  JkSearchPage *self = g_object_new (JK_TYPE_SEARCH_PAGE, "title", N_("Find a job"), "prompt",
                                     N_("What kind of work? Type a word, or press Down to hear the choices."), NULL);
  g_autoptr (GError) error = NULL;

  self->store = context->store;
  self->clock = g_object_ref (context->clock);
  self->default_area = g_strdup (context->config->area);
  /* Once, at start-up: distances need the kiosk's place. */
  if (!jk_geo_ensure_centroids (context->store, context->config->zip_centroids, &error))
    g_warning ("The ZIP code centroids could not be imported: %s", error->message);
  self->has_origin = jk_geo_locate (context->store, context->config->location, &self->origin_latitude,
                                    &self->origin_longitude);
  self->feed_status = JK_FEED_STATUS (jk_feed_status_new (context->store, context->clock));
  gtk_widget_set_halign (GTK_WIDGET (self->feed_status), GTK_ALIGN_START);
  self->status_holder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_container_add (GTK_CONTAINER (self->status_holder), GTK_WIDGET (self->feed_status));
  gtk_widget_show (self->status_holder);
  gtk_container_add (GTK_CONTAINER (self->count_box), self->status_holder);
  g_signal_connect_object (context->refresher, "updated", G_CALLBACK (jk_feed_status_update), self->feed_status,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (context->session, "notify::language", G_CALLBACK (jk_feed_status_update),
                           self->feed_status, G_CONNECT_SWAPPED);

  for (gsize i = 0; i < G_N_ELEMENTS (chip_specs); i++)
    {
      GtkWidget *chip;

      if (chip_specs[i].needs_origin && !self->has_origin)
        continue;
      chip = chip_new (chip_specs[i].label);
      self->chips[i] = GTK_TOGGLE_BUTTON (chip);
      g_object_set_data (G_OBJECT (chip), "jk-chip", GSIZE_TO_POINTER (i));
      g_signal_connect (chip, "toggled", G_CALLBACK (on_chip_toggled), self);
      add_chip (chip_row (self, &chip_specs[i]), chip);
    }
  add_chip (self->filters, GTK_WIDGET (self->more_button));
  /* Distances and "Closest first" need the kiosk's place. */
  gtk_widget_set_visible (self->distance_label, self->has_origin);
  gtk_widget_set_visible (GTK_WIDGET (self->distance_filters), self->has_origin);
  gtk_widget_set_visible (GTK_WIDGET (self->order_closest), self->has_origin);
  gtk_entry_set_text (self->where_entry, self->default_area != NULL ? self->default_area : "");
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  return JK_PAGE (self);
}

const JkPageInfo jk_search_page_info = { "jobs", JK_PAGE_AT_START, create };

JkFeedStatus *
jk_search_page_get_feed_status (JkSearchPage *self)
{
  return self->feed_status;
}

void
jk_search_page_set_text (JkSearchPage *self,
                         const char   *what,
                         const char   *where)
{
  if (what != NULL)
    gtk_entry_set_text (self->what_entry, what);
  if (where != NULL)
    gtk_entry_set_text (self->where_entry, where);
}

void
jk_search_page_search_now (JkSearchPage *self)
{
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  jk_session_count (jk_page_get_session (JK_PAGE (self)), "searches", 1);
  start_search (self, TRUE);
}

gint64
jk_search_page_get_count (JkSearchPage *self)
{
  return self->count;
}

guint
jk_search_page_get_n_loaded (JkSearchPage *self)
{
  return self->loaded;
}

gboolean
jk_search_page_is_busy (JkSearchPage *self)
{
  return self->busy || self->counting || self->debounce_id != 0;
}

GtkWidget *
jk_search_page_get_results (JkSearchPage *self)
{
  return GTK_WIDGET (self->results_box);
}

guint
jk_search_page_get_n_shown (JkSearchPage *self)
{
  return self->shown;
}

GtkListBoxRow *
jk_search_page_get_result (JkSearchPage *self,
                           guint         index)
{
  g_autoptr (GList) lists = gtk_container_get_children (GTK_CONTAINER (self->results_box));
  GList *list = g_list_nth (lists, index / PAGE_SIZE);

  return list != NULL ? gtk_list_box_get_row_at_index (list->data, (int) (index % PAGE_SIZE)) : NULL;
}
