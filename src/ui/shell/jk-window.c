/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-window.c: the kiosk frame, page navigation, keyboard and idle wipe */

#define G_LOG_DOMAIN "jk-window"

#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-task.h>
#include <jobkiosk/jk-usage.h>

#include "access/jk-keypad.h"
#include "access/jk-screen-reader.h"
#include "access/jk-speech-bar.h"
#include "jk-finish-confirm.h"
#include "jk-idle-warning.h"
#include "jk-retranslate.h"
#include "jk-window.h"

/* How long home says "Your information was cleared". */
#define CLEARED_NOTICE_SECONDS 6
/* At this height or less the keyboard is made compact, so a page keeps
 * room above it for the field and what it finds. */
#define COMPACT_KEYBOARD_MAX_HEIGHT 800
/* Session data that says the visitor typed into a field of this visit. */
#define TYPED_KEY "jk-window-typed"

struct _JkWindow
{
  GtkApplicationWindow parent_instance;

  /* template */
  GtkLabel *center_label;
  GtkWidget *center_box;
  GtkLabel *title_label;
  GtkLabel *step_label;
  GtkToggleButton *english_button;
  GtkToggleButton *spanish_button;
  GtkLabel *time_label;
  GtkLabel *date_label;
  GtkOverlay *overlay;
  GtkStack *stack;
  GtkRevealer *keyboard_revealer;
  GtkWidget *back_button;
  GtkWidget *frame;
  GtkWidget *bottom_bar;

  JkKeyboard *keyboard;
  GtkOverlay *modal_overlay;  /* over the whole frame: the idle warning, the Finish question */
  JkIdleWarning *idle_warning;
  JkFinishConfirm *finish_confirm;
  GtkWidget *modal;           /* the one of them showing, or NULL */
  GtkWidget *focus_before_modal; /* weak */
  gboolean keyboard_before_modal;
  gboolean quiet_focus;       /* the focus goes back to a field without opening the keyboard */
  GtkWidget *cleared_notice;
  GtkLabel *cleared_label;
  guint cleared_notice_id;
  GtkWidget *typed_field;     /* weak: the field whose changes mark the visit */
  GtkWidget *printer_badge;
  GtkLabel *printer_label;
  GtkImage *printer_icon;
  gboolean printer_ready;
  GtkGesture *activity_gesture;
  GtkGesture *staff_press;
  gint64 staff_press_at;      /* the clock's monotonic µs when a press on the center's name opens staff mode; 0: none */
  guint staff_press_id;
  GtkEventController *activity_keys;
  GtkWidget *speech_bar;

  JkSession *session;
  JkSpeech *speech;
  JkScreenReader *reader;
  JkKeypad *keypad;
  JkClock *clock;
  JkIdleMonitor *idle;
  char *database_path;        /* where usage counts go; NULL: nowhere */
  GQueue history; /* JkPageInfo, most recent last */
  /* Pages made when first wanted, so start-up pays only for home. */
  GPtrArray *deferred;       /* JkPageInfo */
  JkPageContext deferred_context;
  const JkPageInfo *home;
  gboolean kiosk_mode;
  guint clock_tick_id;
  int shown_minute;
};

/* Staff mode opens after a press this long on the center's name (issue:
 * 3 s), checked this often. */
#define STAFF_PRESS_SECONDS 3
#define STAFF_PRESS_CHECK_MS 20
#define STAFF_PRESS_SLOP 32.0   /* pixels a held finger may wander */

/* The narrowest kiosk screen (1280x720, 1280x800). */
#define JK_WINDOW_MIN_WIDTH 1280

static void update_armed (JkWindow *self);
static void on_keyboard_hide_requested (JkWindow *self);
static gboolean on_keyboard_enter (JkKeyboard *keyboard,
                                   JkWindow   *self);
static void on_typed_field_changed (JkWindow *self);

enum {
  SIGNAL_PAGE_SHOWN,
  SIGNAL_MODAL_SHOWN,
  SIGNAL_STAFF_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JkWindow, jk_window, GTK_TYPE_APPLICATION_WINDOW)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static JkPage *
current_page (JkWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);

  return child != NULL ? JK_PAGE (child) : NULL;
}

static const JkPageInfo *
current_info (JkWindow *self)
{
  JkPage *page = current_page (self);

  return page != NULL ? jk_page_get_info (page) : NULL;
}

static gboolean
current_has (JkWindow    *self,
             JkPageFlags  flag)
{
  const JkPageInfo *info = current_info (self);

  return info != NULL && (info->flags & flag) != 0;
}

static void
update_title (JkWindow *self)
{
  JkPage *page = current_page (self);
  const char *title = page != NULL ? jk_page_get_title (page) : NULL;
  guint n_steps = page != NULL ? jk_page_get_n_steps (page) : 0;

  gtk_label_set_text (self->title_label, title != NULL ? _(title) : "");
  if (n_steps > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Step %u of %u"), jk_page_get_step (page), n_steps);
      gtk_label_set_text (self->step_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->step_label), n_steps > 0);
}

static void
update_clock (JkWindow *self,
              gboolean  force)
{
  g_autoptr (GDateTime) now = jk_clock_now_local (self->clock);
  g_autofree char *time_text = NULL;
  g_autofree char *date_text = NULL;
  int minute = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);

  if (!force && minute == self->shown_minute)
    return;
  self->shown_minute = minute;
  time_text = jk_format_time_of_day (now);
  date_text = jk_format_date_long (now);
  gtk_label_set_text (self->time_label, time_text);
  gtk_label_set_text (self->date_label, date_text);
}

/* Built at the first text field rather than at start-up: its hundreds of
 * keys are most of the window, and many visits never type. */
static JkKeyboard *
ensure_keyboard (JkWindow *self)
{
  if (self->keyboard == NULL)
    {
      self->keyboard = JK_KEYBOARD (jk_keyboard_new ());
      gtk_widget_show (GTK_WIDGET (self->keyboard));
      gtk_container_add (GTK_CONTAINER (self->keyboard_revealer), GTK_WIDGET (self->keyboard));
      g_signal_connect_swapped (self->keyboard, "hide-requested", G_CALLBACK (on_keyboard_hide_requested), self);
      g_signal_connect (self->keyboard, "enter-pressed", G_CALLBACK (on_keyboard_enter), self);
      if (gtk_widget_get_allocated_height (GTK_WIDGET (self)) <= COMPACT_KEYBOARD_MAX_HEIGHT)
        gtk_style_context_add_class (gtk_widget_get_style_context (GTK_WIDGET (self->keyboard)), "compact");
    }
  return self->keyboard;
}

/* The bottom bar, and the speech bar above it while speech is on. */
static void
show_bottom_bars (JkWindow *self,
                  gboolean  shown)
{
  gtk_widget_set_visible (self->bottom_bar, shown);
  gtk_widget_set_visible (self->speech_bar, shown && self->speech != NULL && jk_speech_get_active (self->speech));
}

/* While the keyboard is up the bottom bar steps aside (the keyboard has
 * its own Hide key), so a short screen keeps room for the page. */
static void
hide_keyboard (JkWindow *self)
{
  gtk_revealer_set_reveal_child (self->keyboard_revealer, FALSE);
  /* The bar comes back once the keyboard has gone (on_keyboard_revealed):
   * both at once would ask for more than the screen while it slides. */
  if (!gtk_revealer_get_child_revealed (self->keyboard_revealer))
    show_bottom_bars (self, TRUE);
  if (self->keyboard == NULL)
    return;
  jk_keyboard_set_target (self->keyboard, NULL);
  jk_keyboard_reset (self->keyboard);
}

/* For a new page or the wipe: a keyboard still sliding out under the next
 * page would ask for more room than the screen has. */
static void
hide_keyboard_at_once (JkWindow *self)
{
  guint duration = gtk_revealer_get_transition_duration (self->keyboard_revealer);

  gtk_revealer_set_transition_duration (self->keyboard_revealer, 0);
  hide_keyboard (self);
  gtk_revealer_set_transition_duration (self->keyboard_revealer, duration);
}

static void scroll_to_target (JkWindow *self);

static void
show_keyboard_for (JkWindow  *self,
                   GtkWidget *field)
{
  jk_keyboard_set_target (ensure_keyboard (self), field);
  jk_keyboard_set_mode (self->keyboard, jk_keyboard_mode_for_widget (field));
  show_bottom_bars (self, FALSE);
  gtk_revealer_set_reveal_child (self->keyboard_revealer, TRUE);
  scroll_to_target (self);
}

/* Any change to a field the visitor is in counts as their typing, so
 * Finish knows the visit holds something. */
static void
track_typed_field (JkWindow  *self,
                   GtkWidget *field)
{
  if (self->typed_field == field)
    return;
  if (self->typed_field != NULL)
    g_signal_handlers_disconnect_by_func (self->typed_field, on_typed_field_changed, self);
  g_set_weak_pointer (&self->typed_field, field);
  if (field != NULL)
    g_signal_connect_swapped (field, "changed", G_CALLBACK (on_typed_field_changed), self);
}

typedef struct {
  GtkWidget *page;
  GtkWidget *after;     /* the field Enter was pressed in */
  int after_y, after_x;
  GtkWidget *next;
  int next_y, next_x;
} NextField;

static void
find_next_field_cb (GtkWidget *widget,
                    gpointer   user_data)
{
  NextField *search = user_data;
  int x = 0, y = 0;

  if (!gtk_widget_get_mapped (widget) || !gtk_widget_is_sensitive (widget))
    return;
  if (GTK_IS_EDITABLE (widget) && widget != search->after && gtk_editable_get_editable (GTK_EDITABLE (widget)) &&
      gtk_widget_get_can_focus (widget) &&
      gtk_widget_translate_coordinates (widget, search->page, 0, 0, &x, &y))
    {
      /* Reading order: row by row, then left to right. */
      gboolean after_target = y > search->after_y || (y == search->after_y && x > search->after_x);
      gboolean before_next = search->next == NULL || y < search->next_y ||
                             (y == search->next_y && x < search->next_x);

      if (after_target && before_next)
        {
          search->next = widget;
          search->next_x = x;
          search->next_y = y;
        }
      return;
    }
  if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), find_next_field_cb, search);
}

/* The field after this one on the page, in reading order, or NULL. */
static GtkWidget *
find_next_field (GtkWidget *page,
                 GtkWidget *field)
{
  NextField search = { page, field, 0, 0, NULL, 0, 0 };

  if (!gtk_widget_translate_coordinates (field, page, 0, 0, &search.after_x, &search.after_y))
    return NULL;
  gtk_container_forall (GTK_CONTAINER (page), find_next_field_cb, &search);
  return search.next;
}

/* The keyboard takes space from the page instead of lying over it, so the
 * entry only needs scrolling back into the part still showing: each page
 * owns its one scroller, the entry's nearest. */
static void
scroll_to_target (JkWindow *self)
{
  GtkWidget *target = self->keyboard != NULL ? jk_keyboard_get_target (self->keyboard) : NULL;
  GtkWidget *scroller = target != NULL ? gtk_widget_get_ancestor (target, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  GtkWidget *content;
  GtkAdjustment *adjustment;
  GtkAllocation allocation;
  int y = 0;
  double value, page_size;
  const int margin = 24;

  if (scroller == NULL)
    return;
  content = gtk_bin_get_child (GTK_BIN (scroller));
  if (GTK_IS_VIEWPORT (content) && gtk_bin_get_child (GTK_BIN (content)) != NULL)
    content = gtk_bin_get_child (GTK_BIN (content));
  if (!gtk_widget_translate_coordinates (target, content, 0, 0, NULL, &y))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_widget_get_allocation (target, &allocation);
  value = gtk_adjustment_get_value (adjustment);
  page_size = gtk_adjustment_get_page_size (adjustment);
  if (y - margin < value)
    gtk_adjustment_set_value (adjustment, MAX (0, y - margin));
  else if (y + allocation.height + margin > value + page_size)
    gtk_adjustment_set_value (adjustment, y + allocation.height + margin - page_size);
}

static void
apply_display_classes (JkWindow *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  if (jk_session_get_high_contrast (self->session))
    gtk_style_context_add_class (context, "high-contrast");
  else
    gtk_style_context_remove_class (context, "high-contrast");
  if (jk_session_get_large_text (self->session))
    gtk_style_context_add_class (context, "large-text");
  else
    gtk_style_context_remove_class (context, "large-text");
}

static void
retranslate_all (JkWindow *self)
{
  GList *pages = gtk_container_get_children (GTK_CONTAINER (self->stack));

  jk_retranslate_apply (GTK_WIDGET (self));
  for (GList *l = pages; l != NULL; l = l->next)
    jk_page_language_changed (JK_PAGE (l->data));
  g_list_free (pages);
  jk_idle_warning_retranslate (self->idle_warning);
  jk_finish_confirm_retranslate (self->finish_confirm);
  atk_object_set_name (gtk_widget_get_accessible (self->cleared_notice), gtk_label_get_text (self->cleared_label));
  if (self->keyboard != NULL)
    jk_keyboard_retranslate (self->keyboard);
  update_title (self);
  update_clock (self, TRUE);
}

static void
sync_language_buttons (JkWindow *self)
{
  gboolean spanish = g_str_equal (jk_session_get_language (self->session), "es");

  g_signal_handlers_block_matched (self->english_button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_block_matched (self->spanish_button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_toggle_button_set_active (spanish ? self->spanish_button : self->english_button, TRUE);
  g_signal_handlers_unblock_matched (self->english_button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_unblock_matched (self->spanish_button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

/* A visit is under way once the visitor leaves home or changes anything;
 * an untouched home screen has nothing to wipe and no one to warn. */
static void
update_armed (JkWindow *self)
{
  gboolean at_home = current_has (self, JK_PAGE_HOME);

  jk_idle_monitor_set_armed (self->idle, !(at_home && jk_session_is_pristine (self->session)));
}

/* The idle warning and the Finish question: what is behind them is
 * insensitive (no touch, no key focus, no activation by a screen reader)
 * until they go, and the focus comes back where it was. */
static void
show_modal (JkWindow  *self,
            GtkWidget *modal)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  if (self->modal != NULL && self->modal != modal)
    gtk_widget_hide (self->modal);
  if (self->modal == NULL)
    {
      g_set_weak_pointer (&self->focus_before_modal,
                          focus != NULL && gtk_widget_is_ancestor (focus, self->frame) ? focus : NULL);
      self->keyboard_before_modal = gtk_revealer_get_reveal_child (self->keyboard_revealer);
    }
  self->modal = modal;
  hide_keyboard (self);
  gtk_widget_set_sensitive (self->frame, FALSE);
  if (modal == GTK_WIDGET (self->idle_warning))
    jk_idle_warning_present (self->idle_warning);
  else
    jk_finish_confirm_present (self->finish_confirm);
  g_signal_emit (self, signals[SIGNAL_MODAL_SHOWN], 0, modal);
}

static void
hide_modal (JkWindow *self,
            gboolean  restore_focus)
{
  GtkWidget *focus = self->focus_before_modal;

  if (self->modal == NULL)
    return;
  gtk_widget_hide (self->modal);
  self->modal = NULL;
  gtk_widget_set_sensitive (self->frame, TRUE);
  g_clear_weak_pointer (&self->focus_before_modal);
  if (restore_focus && focus != NULL && gtk_widget_is_drawable (focus))
    {
      /* The keyboard comes back only if it was up; otherwise a touch on the field brings it. */
      self->quiet_focus = !self->keyboard_before_modal;
      gtk_widget_grab_focus (focus);
      self->quiet_focus = FALSE;
    }
  else
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
}

static gboolean
hide_cleared_notice_cb (gpointer user_data)
{
  JkWindow *self = user_data;

  self->cleared_notice_id = 0;
  gtk_widget_hide (self->cleared_notice);
  return G_SOURCE_REMOVE;
}

static void
hide_cleared_notice (JkWindow *self)
{
  g_clear_handle_id (&self->cleared_notice_id, g_source_remove);
  gtk_widget_hide (self->cleared_notice);
}

/* Said on home for a few seconds, and to a screen reader, after Finish. */
static void
show_cleared_notice (JkWindow *self)
{
  g_clear_handle_id (&self->cleared_notice_id, g_source_remove);
  atk_object_set_name (gtk_widget_get_accessible (self->cleared_notice), gtk_label_get_text (self->cleared_label));
  gtk_widget_show (self->cleared_notice);
  self->cleared_notice_id = g_timeout_add_seconds (CLEARED_NOTICE_SECONDS, hide_cleared_notice_cb, self);
  g_source_set_name_by_id (self->cleared_notice_id, "[jk-window] cleared notice");
}

/* What Finish would lose: anything the session keeps (saved jobs, the
 * log, a printout, a language or display choice) or anything typed. */
static gboolean
visit_holds_anything (JkWindow *self)
{
  return !jk_session_is_pristine (self->session);
}

static void
finish_and_tell (JkWindow *self)
{
  jk_window_finish_visit (self);
  show_cleared_notice (self);
}

static void
update_printer_badge (JkWindow *self)
{
  gtk_widget_set_visible (self->printer_badge, current_has (self, JK_PAGE_PRINTER_BADGE) &&
                                                 gtk_label_get_text (self->printer_label)[0] != '\0');
}

/* The page named so, made now if it was deferred; NULL when none is. */
static GtkWidget *
page_by_name (JkWindow   *self,
              const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, name);

  for (guint i = 0; page == NULL && self->deferred != NULL && i < self->deferred->len; i++)
    {
      const JkPageInfo *info = self->deferred->pdata[i];

      if (!g_str_equal (info->name, name))
        continue;
      g_ptr_array_remove_index (self->deferred, i);
      page = GTK_WIDGET (info->create (info, &self->deferred_context));
      jk_window_add_page (self, info, JK_PAGE (page));
      /* Its words in the visit's language, as the other pages' are. */
      jk_retranslate_apply (page);
    }
  return page;
}

/* Each screen once per visit: how many visits saw it, not how often. */
static void
count_screen (JkWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);
  g_autofree char *what = NULL;

  if (name == NULL)
    return;
  what = g_strconcat (JK_USAGE_SCREEN_PREFIX, name, NULL);
  if (jk_session_get_count (self->session, what) == 0)
    jk_session_count (self->session, what, 1);
}

typedef struct {
  char *database_path;
  GHashTable *counts;
  gint64 now;
} VisitCounts;

static void
visit_counts_free (gpointer data)
{
  VisitCounts *v = data;

  g_free (v->database_path);
  g_hash_table_unref (v->counts);
  g_free (v);
}

static gboolean
visit_counts_work (gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  VisitCounts *v = data;

  return jk_usage_add_counts (v->database_path, v->counts, v->now, error);
}

static void
on_visit_counted (gpointer      source,
                  gpointer      data,
                  const GError *error)
{
  if (error != NULL)
    g_warning ("a visit's usage counts were not kept: %s", error->message);
}

/* Hands the ending visit's counts to a worker, before the wipe drops
 * them. A visit is counted when it held anything or saw more than home. */
static void
flush_visit_counts (JkWindow *self)
{
  g_autoptr (GHashTable) counts = jk_session_steal_counts (self->session);
  g_autofree char *home = g_strconcat (JK_USAGE_SCREEN_PREFIX, self->home != NULL ? self->home->name : "", NULL);
  guint beyond_home = g_hash_table_size (counts) - (g_hash_table_contains (counts, home) ? 1 : 0);
  g_autoptr (GDateTime) now = NULL;
  VisitCounts *v;

  if (self->database_path == NULL || (beyond_home == 0 && jk_session_is_pristine (self->session)))
    return;
  g_hash_table_replace (counts, g_strdup ("visits"), GINT_TO_POINTER (1));
  now = jk_clock_now_local (self->clock);
  v = g_new0 (VisitCounts, 1);
  v->database_path = g_strdup (self->database_path);
  v->counts = g_steal_pointer (&counts);
  v->now = g_date_time_to_unix (now);
  /* No cancellable: the counts outlive the visit they are of. */
  jk_task_run (self, NULL, "usage counts", visit_counts_work, on_visit_counted, v, visit_counts_free);
}

static void
switch_to (JkWindow         *self,
           const JkPageInfo *info)
{
  JkPage *old_page = current_page (self);
  GtkWidget *new_page = info != NULL ? page_by_name (self, info->name) : NULL;

  if (new_page == NULL)
    {
      g_warning ("no page named %s", info != NULL ? info->name : "(none)");
      return;
    }
  if (GTK_WIDGET (old_page) == new_page)
    return;
  hide_keyboard_at_once (self);
  hide_cleared_notice (self);
  if (old_page != NULL)
    jk_page_leave (old_page);
  /* GtkStack moves the focus into the new page when the old one had it:
   * a field may get it, but the visitor did not touch it, so no keyboard. */
  self->quiet_focus = TRUE;
  gtk_stack_set_visible_child (self->stack, new_page);
  self->quiet_focus = FALSE;
  count_screen (self);
  gtk_widget_set_sensitive (self->back_button, !g_queue_is_empty (&self->history));
  update_title (self);
  update_armed (self);
  update_printer_badge (self);
  /* Said before the page's enter, which may say what it shows after. */
  g_signal_emit (self, signals[SIGNAL_PAGE_SHOWN], 0, new_page);
  jk_page_enter (JK_PAGE (new_page));
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_language_toggled (JkWindow        *self,
                     GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  jk_session_set_language (self->session, button == self->spanish_button ? "es" : "en");
}

static void
on_session_language (JkSession  *session,
                     GParamSpec *pspec,
                     JkWindow   *self)
{
  jk_i18n_set_language (jk_session_get_language (session));
  sync_language_buttons (self);
  retranslate_all (self);
  update_armed (self);
}

static void
on_session_display (JkSession  *session,
                    GParamSpec *pspec,
                    JkWindow   *self)
{
  apply_display_classes (self);
  update_armed (self);
}

static void
on_session_reset (JkSession *session,
                  JkWindow  *self)
{
  GList *pages = gtk_container_get_children (GTK_CONTAINER (self->stack));

  /* The pages clearing their fields is not the visitor typing. */
  track_typed_field (self, NULL);
  for (GList *l = pages; l != NULL; l = l->next)
    jk_page_reset (JK_PAGE (l->data));
  g_list_free (pages);
  hide_keyboard_at_once (self);
  jk_window_go_home (self);
  /* Home was showing already: the next visit sees it all the same. */
  count_screen (self);
}

static void
on_set_focus (GtkWindow *window,
              GtkWidget *widget,
              JkWindow  *self)
{
  gboolean editable = widget != NULL && GTK_IS_EDITABLE (widget) && gtk_editable_get_editable (GTK_EDITABLE (widget));

  track_typed_field (self, editable ? widget : NULL);
  if (editable && !current_has (self, JK_PAGE_NO_KEYBOARD) && !self->quiet_focus)
    show_keyboard_for (self, widget);
  else if (gtk_revealer_get_reveal_child (self->keyboard_revealer))
    hide_keyboard (self);
}

static void
on_typed_field_changed (JkWindow *self)
{
  if (jk_session_get_data (self->session, TYPED_KEY) == NULL)
    {
      jk_session_set_data (self->session, TYPED_KEY, GINT_TO_POINTER (1), NULL);
      update_armed (self);
    }
}

/* Enter on the keyboard: the next field of the page, or on the last one
 * the page's main action; a page without one has the field activated. */
static gboolean
on_keyboard_enter (JkKeyboard *keyboard,
                   JkWindow   *self)
{
  GtkWidget *target = jk_keyboard_get_target (keyboard);
  JkPage *page = current_page (self);
  GtkWidget *next;
  GtkWidget *action;

  if (target == NULL || page == NULL || !gtk_widget_is_ancestor (target, GTK_WIDGET (page)))
    return FALSE;
  next = find_next_field (GTK_WIDGET (page), target);
  if (next != NULL)
    {
      gtk_widget_grab_focus (next);
      return TRUE;
    }
  action = jk_page_get_main_action (page);
  if (action == NULL || !gtk_widget_is_sensitive (action) || !gtk_widget_get_visible (action))
    return FALSE;
  /* Clicked at once: gtk_widget_activate would click a button only after
   * showing it pressed for a quarter of a second. */
  if (GTK_IS_BUTTON (action))
    gtk_button_clicked (GTK_BUTTON (action));
  else
    gtk_widget_activate (action);
  return TRUE;
}

/* After Hide the field keeps the focus; touching it again brings the
 * keyboard back. */
static void
on_pressed (GtkGestureMultiPress *gesture,
            int                   n_press,
            double                x,
            double                y,
            JkWindow             *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));
  GdkEvent *event = gtk_get_current_event ();
  GtkWidget *under = event != NULL ? gtk_get_event_widget (event) : NULL;

  jk_idle_monitor_poke (self->idle);
  if (focus != NULL && under != NULL && (under == focus || gtk_widget_is_ancestor (under, focus)) &&
      GTK_IS_EDITABLE (focus) && gtk_editable_get_editable (GTK_EDITABLE (focus)) &&
      !gtk_revealer_get_reveal_child (self->keyboard_revealer) && !current_has (self, JK_PAGE_NO_KEYBOARD))
    show_keyboard_for (self, focus);
  g_clear_pointer (&event, gdk_event_free);
}

static void
on_size_allocated (JkWindow      *self,
                   GtkAllocation *allocation)
{
  GtkStyleContext *context;

  if (self->keyboard == NULL)
    return;
  context = gtk_widget_get_style_context (GTK_WIDGET (self->keyboard));
  if (allocation->height <= COMPACT_KEYBOARD_MAX_HEIGHT && !gtk_style_context_has_class (context, "compact"))
    gtk_style_context_add_class (context, "compact");
  else if (allocation->height > COMPACT_KEYBOARD_MAX_HEIGHT && gtk_style_context_has_class (context, "compact"))
    gtk_style_context_remove_class (context, "compact");
}

/* Under cage on a touch screen alone the seat has no keyboard, so Wayland
 * never gives the window keyboard focus and GTK keeps it inactive: the
 * field being typed into with the on-screen keyboard shows neither its
 * cursor nor its focus ring. The compositor says the window is the active
 * one: take that as the focus. With a keyboard the focus comes as usual
 * and this does nothing. */
static gboolean
on_window_state (GtkWidget           *widget,
                 GdkEventWindowState *event,
                 gpointer             user_data)
{
  GdkEvent *focus;

  if (!(event->changed_mask & GDK_WINDOW_STATE_FOCUSED) || !(event->new_window_state & GDK_WINDOW_STATE_FOCUSED) ||
      gtk_window_has_toplevel_focus (GTK_WINDOW (widget)))
    return GDK_EVENT_PROPAGATE;
  focus = gdk_event_new (GDK_FOCUS_CHANGE);
  focus->focus_change.window = g_object_ref (event->window);
  focus->focus_change.send_event = TRUE;
  focus->focus_change.in = TRUE;
  gtk_widget_send_focus_change (widget, focus);
  gdk_event_free (focus);
  return GDK_EVENT_PROPAGATE;
}

/* The notice sits just under the top bar, over the page's heading. */
static gboolean
on_modal_child_position (GtkOverlay    *overlay,
                         GtkWidget     *child,
                         GtkAllocation *allocation,
                         JkWindow      *self)
{
  int overlay_width = gtk_widget_get_allocated_width (GTK_WIDGET (overlay));
  int width = 0, height = 0;

  if (child != self->cleared_notice)
    return FALSE;
  gtk_widget_get_preferred_width (child, NULL, &width);
  width = MIN (width, overlay_width);
  gtk_widget_get_preferred_height_for_width (child, width, NULL, &height);
  allocation->width = width;
  allocation->height = height;
  allocation->x = (overlay_width - width) / 2;
  allocation->y = gtk_widget_get_allocated_height (gtk_widget_get_parent (GTK_WIDGET (self->center_label)));
  return TRUE;
}

static void
on_keyboard_revealed (JkWindow *self)
{
  if (gtk_revealer_get_child_revealed (self->keyboard_revealer))
    scroll_to_target (self);
  else if (!gtk_revealer_get_reveal_child (self->keyboard_revealer))
    show_bottom_bars (self, TRUE);
}

static void
on_keyboard_hide_requested (JkWindow *self)
{
  hide_keyboard (self);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                JkWindow              *self)
{
  jk_idle_monitor_poke (self->idle);
  return FALSE;
}

static void
on_idle_warning (JkIdleMonitor *idle,
                 guint          seconds_left,
                 JkWindow      *self)
{
  /* The question needs the whole screen; the keyboard comes back at the next touch of a field. */
  jk_idle_warning_set_seconds_left (self->idle_warning, seconds_left);
  show_modal (self, GTK_WIDGET (self->idle_warning));
}

static void
on_idle_countdown (JkIdleMonitor *idle,
                   guint          seconds_left,
                   JkWindow      *self)
{
  jk_idle_warning_set_seconds_left (self->idle_warning, seconds_left);
}

static void
on_idle_resumed (JkIdleMonitor *idle,
                 JkWindow      *self)
{
  if (self->modal == GTK_WIDGET (self->idle_warning))
    hide_modal (self, TRUE);
}

static void
on_idle_expired (JkIdleMonitor *idle,
                 JkWindow      *self)
{
  g_info ("visitor idle: wiping the visit");
  jk_window_finish_visit (self);
}

static void
on_more_time (JkWindow *self)
{
  jk_idle_monitor_poke (self->idle);
}

static void
on_finish_confirmed (JkWindow *self)
{
  finish_and_tell (self);
}

static void
on_finish_cancelled (JkWindow *self)
{
  hide_modal (self, TRUE);
}

static gboolean
clock_tick_cb (gpointer user_data)
{
  update_clock (user_data, FALSE);
  return G_SOURCE_CONTINUE;
}

/* A long press on the center's name: held for STAFF_PRESS_SECONDS, it
 * asks for staff mode. Timed by the clock, so tests need not wait. */
static void
cancel_staff_press (JkWindow *self)
{
  g_clear_handle_id (&self->staff_press_id, g_source_remove);
  self->staff_press_at = 0;
}

static gboolean
staff_press_cb (gpointer data)
{
  JkWindow *self = data;

  if (self->staff_press_at == 0 || jk_clock_get_monotonic (self->clock) < self->staff_press_at)
    return G_SOURCE_CONTINUE;
  self->staff_press_id = 0;
  self->staff_press_at = 0;
  g_signal_emit (self, signals[SIGNAL_STAFF_REQUESTED], 0);
  return G_SOURCE_REMOVE;
}

static void
on_staff_pressed (GtkGestureDrag *gesture,
                  double          x,
                  double          y,
                  JkWindow       *self)
{
  cancel_staff_press (self);
  self->staff_press_at = jk_clock_get_monotonic (self->clock) + STAFF_PRESS_SECONDS * G_USEC_PER_SEC;
  /* Checked often enough that the pad follows the 3 s closely. */
  self->staff_press_id = g_timeout_add (STAFF_PRESS_CHECK_MS, staff_press_cb, self);
}

/* A finger that slides off is not holding the name. */
static void
on_staff_moved (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                JkWindow       *self)
{
  if (dx * dx + dy * dy > STAFF_PRESS_SLOP * STAFF_PRESS_SLOP)
    cancel_staff_press (self);
}

static void
staff_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       data)
{
  g_signal_emit (data, signals[SIGNAL_STAFF_REQUESTED], 0);
}

static void
on_clock_advanced (JkClock  *clock,
                   JkWindow *self)
{
  update_clock (self, FALSE);
  if (self->staff_press_id != 0)
    staff_press_cb (self);
}

static void
on_page_navigate (JkPage           *page,
                  const JkPageInfo *target,
                  GVariant         *argument,
                  gboolean          replace,
                  JkWindow         *self)
{
  if (replace)
    jk_window_replace_page (self, target);
  else
    jk_window_open_page (self, target, argument);
}

static void
on_speech_active (JkWindow *self)
{
  show_bottom_bars (self, gtk_widget_get_visible (self->bottom_bar));
  update_armed (self);
}

/* A page's title or step changed while it shows (staff mode's title once
 * signed in, a form's step). */
static void
on_page_heading (JkWindow *self)
{
  update_title (self);
}

/* .ui files name the page to show: "win.show-page" with "jobs". */
static void
show_page_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  JkWindow *self = user_data;
  const char *name = g_variant_get_string (parameter, NULL);
  GtkWidget *page = page_by_name (self, name);

  if (page == NULL)
    g_warning ("no page named %s", name);
  else
    jk_window_show_page (self, jk_page_get_info (JK_PAGE (page)));
}

static void
back_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  jk_window_go_back (user_data);
}

static void
home_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  jk_window_go_home (user_data);
}

static void
finish_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  jk_window_ask_finish (user_data);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

/* In kiosk mode the GTK inspector's key binding does nothing. */
static gboolean
jk_window_enable_debugging (GtkWindow *window,
                            gboolean   toggle)
{
  JkWindow *self = JK_WINDOW (window);

  if (self->kiosk_mode)
    return FALSE;
  return GTK_WINDOW_CLASS (jk_window_parent_class)->enable_debugging (window, toggle);
}

static void
jk_window_dispose (GObject *object)
{
  JkWindow *self = JK_WINDOW (object);

  g_clear_handle_id (&self->clock_tick_id, g_source_remove);
  g_clear_handle_id (&self->cleared_notice_id, g_source_remove);
  track_typed_field (self, NULL);
  g_clear_weak_pointer (&self->focus_before_modal);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  if (self->idle != NULL)
    g_signal_handlers_disconnect_by_data (self->idle, self);
  if (self->speech != NULL)
    g_signal_handlers_disconnect_by_data (self->speech, self);
  g_clear_object (&self->reader);
  g_clear_object (&self->keypad);
  g_clear_object (&self->speech);
  g_clear_object (&self->activity_gesture);
  cancel_staff_press (self);
  g_clear_object (&self->staff_press);
  g_clear_object (&self->activity_keys);
  g_clear_object (&self->idle);
  g_clear_object (&self->session);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->database_path, g_free);
  g_queue_clear (&self->history);
  g_clear_pointer (&self->deferred, g_ptr_array_unref);
  G_OBJECT_CLASS (jk_window_parent_class)->dispose (object);
}

static void
jk_window_class_init (JkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jk_window_dispose;
  window_class->enable_debugging = jk_window_enable_debugging;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/shell/jk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JkWindow, center_label);
  gtk_widget_class_bind_template_child (widget_class, JkWindow, center_box);
  gtk_widget_class_bind_template_child (widget_class, JkWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, JkWindow, step_label);
  gtk_widget_class_bind_template_child (widget_class, JkWindow, english_button);
  gtk_widget_class_bind_template_child (widget_class, JkWindow, spanish_button);
  gtk_widget_class_bind_template_child (widget_class, JkWindow, time_label);
  gtk_widget_class_bind_template_child (widget_class, JkWindow, date_label);
  gtk_widget_class_bind_template_child (widget_class, JkWindow, overlay);
  gtk_widget_class_bind_template_child (widget_class, JkWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, JkWindow, keyboard_revealer);
  gtk_widget_class_bind_template_child (widget_class, JkWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, JkWindow, frame);
  gtk_widget_class_bind_template_child (widget_class, JkWindow, bottom_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_language_toggled);

  /* A page was shown, before its enter runs: what speech says first. */
  signals[SIGNAL_PAGE_SHOWN] = g_signal_new ("page-shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                             NULL, G_TYPE_NONE, 1, JK_TYPE_PAGE);
  /* A question now covers the window (the idle warning, Finish). */
  signals[SIGNAL_MODAL_SHOWN] = g_signal_new ("modal-shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                              NULL, NULL, G_TYPE_NONE, 1, GTK_TYPE_WIDGET);
  /* A long press on the center's name, or Ctrl+Alt+S: the application
   * wipes the visit and shows staff mode's PIN pad. */
  signals[SIGNAL_STAFF_REQUESTED] = g_signal_new ("staff-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jk_window_init (JkWindow *self)
{
  static const GActionEntry actions[] = {
    { "show-page", show_page_action, "s", NULL, NULL },
    { "back", back_action, NULL, NULL, NULL },
    { "home", home_action, NULL, NULL, NULL },
    { "finish", finish_action, NULL, NULL, NULL },
    { "staff", staff_action, NULL, NULL, NULL },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  g_queue_init (&self->history);
  self->shown_minute = -1;

  g_signal_connect_swapped (self->keyboard_revealer, "notify::child-revealed", G_CALLBACK (on_keyboard_revealed), self);
  g_signal_connect_after (self, "set-focus", G_CALLBACK (on_set_focus), self);

  g_signal_connect (self, "size-allocate", G_CALLBACK (on_size_allocated), NULL);
  g_signal_connect (self, "window-state-event", G_CALLBACK (on_window_state), NULL);
  /* Only the page showing may ask for width: a page that is not shown
   * must never widen the window past the screen. */
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  /* GTK 3 makes a window at least as tall as its content is at the
   * window's narrowest width, where every wrapping label is at its
   * tallest. Kiosk screens are 1280 px wide or more: measure there. */
  gtk_widget_set_size_request (self->frame, JK_WINDOW_MIN_WIDTH, -1);

  /* What lies over the whole window (the bars too) goes in an overlay
   * around the frame, made here so the template keeps its shape. */
  self->modal_overlay = GTK_OVERLAY (gtk_overlay_new ());
  g_object_ref (self->frame);
  gtk_container_remove (GTK_CONTAINER (self), self->frame);
  gtk_container_add (GTK_CONTAINER (self->modal_overlay), self->frame);
  g_object_unref (self->frame);
  gtk_widget_show (GTK_WIDGET (self->modal_overlay));
  gtk_container_add (GTK_CONTAINER (self), GTK_WIDGET (self->modal_overlay));
  g_signal_connect (self->modal_overlay, "get-child-position", G_CALLBACK (on_modal_child_position), self);

  self->idle_warning = JK_IDLE_WARNING (jk_idle_warning_new ());
  gtk_overlay_add_overlay (self->modal_overlay, GTK_WIDGET (self->idle_warning));
  g_signal_connect_swapped (self->idle_warning, "more-time", G_CALLBACK (on_more_time), self);
  g_signal_connect_swapped (self->idle_warning, "finish", G_CALLBACK (on_finish_confirmed), self);

  self->finish_confirm = JK_FINISH_CONFIRM (jk_finish_confirm_new ());
  gtk_overlay_add_overlay (self->modal_overlay, GTK_WIDGET (self->finish_confirm));
  g_signal_connect_swapped (self->finish_confirm, "confirmed", G_CALLBACK (on_finish_confirmed), self);
  g_signal_connect_swapped (self->finish_confirm, "cancelled", G_CALLBACK (on_finish_cancelled), self);

  /* TRANSLATORS: shown on home for a few seconds after Finish wiped the visit */
  self->cleared_label = GTK_LABEL (gtk_label_new (N_("Your information was cleared")));
  gtk_label_set_line_wrap (self->cleared_label, TRUE);
  gtk_label_set_justify (self->cleared_label, GTK_JUSTIFY_CENTER);
  self->cleared_notice = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  gtk_style_context_add_class (gtk_widget_get_style_context (self->cleared_notice), "cleared-notice");
  gtk_container_add (GTK_CONTAINER (self->cleared_notice),
                     gtk_image_new_from_icon_name ("emblem-ok-symbolic", GTK_ICON_SIZE_DND));
  gtk_container_add (GTK_CONTAINER (self->cleared_notice), GTK_WIDGET (self->cleared_label));
  gtk_widget_show_all (self->cleared_notice);
  gtk_widget_hide (self->cleared_notice);
  /* Only something to read: touches go through to the page. */
  gtk_overlay_add_overlay (self->modal_overlay, self->cleared_notice);
  gtk_overlay_set_overlay_pass_through (self->modal_overlay, self->cleared_notice, TRUE);
  atk_object_set_role (gtk_widget_get_accessible (self->cleared_notice), ATK_ROLE_NOTIFICATION);

  /* Any touch or key anywhere counts as the visitor being there. Capture
   * phase, so it is seen before the widget under the finger handles it. */
  /* A drag gesture follows one press to its release, however long. */
  self->staff_press = gtk_gesture_drag_new (self->center_box);
  g_signal_connect (self->staff_press, "drag-begin", G_CALLBACK (on_staff_pressed), self);
  g_signal_connect (self->staff_press, "drag-update", G_CALLBACK (on_staff_moved), self);
  g_signal_connect_swapped (self->staff_press, "drag-end", G_CALLBACK (cancel_staff_press), self);
  g_signal_connect_swapped (self->staff_press, "cancel", G_CALLBACK (cancel_staff_press), self);

  self->activity_gesture = gtk_gesture_multi_press_new (GTK_WIDGET (self));
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->activity_gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (self->activity_gesture, "pressed", G_CALLBACK (on_pressed), self);
  self->activity_keys = gtk_event_controller_key_new (GTK_WIDGET (self));
  gtk_event_controller_set_propagation_phase (self->activity_keys, GTK_PHASE_CAPTURE);
  g_signal_connect (self->activity_keys, "key-pressed", G_CALLBACK (on_key_pressed), self);

  /* Above the bottom bar while speech is on. */
  self->speech_bar = jk_speech_bar_new ();
  gtk_box_pack_start (GTK_BOX (self->frame), self->speech_bar, FALSE, FALSE, 0);
  gtk_box_reorder_child (GTK_BOX (self->frame), self->speech_bar, 3);

  /* Made in code and placed before Help: a label that follows the printer. */
  self->printer_badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->printer_icon = GTK_IMAGE (gtk_image_new_from_icon_name ("printer-symbolic", GTK_ICON_SIZE_LARGE_TOOLBAR));
  self->printer_label = GTK_LABEL (gtk_label_new (""));
  /* At most two lines in whatever room the buttons leave, never one word a
   * line: the bar keeps its height. */
  gtk_label_set_line_wrap (self->printer_label, TRUE);
  gtk_label_set_line_wrap_mode (self->printer_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->printer_label, 2);
  gtk_label_set_ellipsize (self->printer_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (self->printer_label, 14);
  gtk_label_set_max_width_chars (self->printer_label, 40);
  gtk_label_set_xalign (self->printer_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->printer_label), TRUE);
  gtk_widget_set_valign (self->printer_badge, GTK_ALIGN_CENTER);
  gtk_style_context_add_class (gtk_widget_get_style_context (self->printer_badge), "printer-badge");
  gtk_container_add (GTK_CONTAINER (self->printer_badge), GTK_WIDGET (self->printer_icon));
  gtk_container_add (GTK_CONTAINER (self->printer_badge), GTK_WIDGET (self->printer_label));
  gtk_widget_show_all (self->printer_badge);
  gtk_widget_hide (self->printer_badge);
  /* Packed from the start, so the order read out is the order seen. */
  gtk_box_pack_start (GTK_BOX (self->bottom_bar), self->printer_badge, TRUE, TRUE, 0);
  gtk_box_reorder_child (GTK_BOX (self->bottom_bar), self->printer_badge, 3);

  jk_retranslate_capture (GTK_WIDGET (self));
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkWindow *
jk_window_new (GtkApplication      *application,
               JkSession           *session,
               JkClock             *clock,
               const JkWindowSetup *setup)
{
  JkWindow *self = g_object_new (JK_TYPE_WINDOW, "application", application, NULL);

  self->session = g_object_ref (session);
  self->clock = g_object_ref (clock);
  self->kiosk_mode = setup->kiosk_mode;
  self->database_path = g_strdup (setup->database_path);
  self->idle = jk_idle_monitor_new (clock, setup->idle_timeout, setup->idle_warning);

  gtk_label_set_text (self->center_label, setup->center_name);
  g_signal_connect (session, "notify::language", G_CALLBACK (on_session_language), self);
  g_signal_connect (session, "notify::high-contrast", G_CALLBACK (on_session_display), self);
  g_signal_connect (session, "notify::large-text", G_CALLBACK (on_session_display), self);
  g_signal_connect (session, "reset", G_CALLBACK (on_session_reset), self);
  g_signal_connect (self->idle, "warning", G_CALLBACK (on_idle_warning), self);
  g_signal_connect (self->idle, "countdown", G_CALLBACK (on_idle_countdown), self);
  g_signal_connect (self->idle, "resumed", G_CALLBACK (on_idle_resumed), self);
  g_signal_connect (self->idle, "expired", G_CALLBACK (on_idle_expired), self);
  if (jk_clock_is_fake (clock))
    g_signal_connect (clock, "advanced", G_CALLBACK (on_clock_advanced), self);
  else
    self->clock_tick_id = g_timeout_add_seconds (1, clock_tick_cb, self);

  if (self->kiosk_mode)
    {
      GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
      GdkMonitor *monitor = gdk_display_get_primary_monitor (display);
      GdkRectangle screen;

      /* The first frame at the screen's size: a compositor may show it for
       * a while (cage's headless output kept it), and the window's natural
       * size is not the screen's. */
      if (monitor == NULL && gdk_display_get_n_monitors (display) > 0)
        monitor = gdk_display_get_monitor (display, 0);
      if (monitor != NULL)
        {
          gdk_monitor_get_geometry (monitor, &screen);
          gtk_window_set_default_size (GTK_WINDOW (self), screen.width, screen.height);
        }
      gtk_window_set_decorated (GTK_WINDOW (self), FALSE);
      gtk_window_fullscreen (GTK_WINDOW (self));
    }

  self->speech = g_object_ref (setup->speech);
  g_signal_connect_swapped (self->speech, "notify::active", G_CALLBACK (on_speech_active), self);
  self->reader = jk_screen_reader_new (self, self->speech);
  self->keypad = jk_keypad_new (self, setup->keypad_keys);

  jk_i18n_set_language (jk_session_get_language (session));
  sync_language_buttons (self);
  apply_display_classes (self);
  retranslate_all (self);
  return self;
}

void
jk_window_add_page (JkWindow         *self,
                    const JkPageInfo *info,
                    JkPage           *page)
{
  jk_page_set_info (page, info);
  jk_page_set_session (page, self->session);
  jk_page_set_speech (page, self->speech);
  g_signal_connect_object (page, "navigate", G_CALLBACK (on_page_navigate), self, 0);
  g_signal_connect_object (page, "notify::step", G_CALLBACK (on_page_heading), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::title", G_CALLBACK (on_page_heading), self, G_CONNECT_SWAPPED);
  gtk_widget_show (GTK_WIDGET (page));
  gtk_stack_add_named (self->stack, GTK_WIDGET (page), info->name);
  if ((info->flags & JK_PAGE_HOME) != 0)
    {
      self->home = info;
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (page));
      update_title (self);
      gtk_widget_set_sensitive (self->back_button, FALSE);
    }
}

void
jk_window_defer_page (JkWindow            *self,
                      const JkPageInfo    *info,
                      const JkPageContext *context)
{
  if (self->deferred == NULL)
    self->deferred = g_ptr_array_new ();
  g_ptr_array_add (self->deferred, (gpointer) info);
  self->deferred_context = *context;
}

JkPage *
jk_window_get_page (JkWindow         *self,
                    const JkPageInfo *info)
{
  GtkWidget *page = page_by_name (self, info->name);

  return page != NULL ? JK_PAGE (page) : NULL;
}

gboolean
jk_window_open_page (JkWindow         *self,
                     const JkPageInfo *info,
                     GVariant         *argument)
{
  const JkPageInfo *current = current_info (self);
  JkPage *page = jk_window_get_page (self, info);

  if (page == NULL)
    {
      g_warning ("no page named %s", info->name);
      return FALSE;
    }
  if (!jk_page_prepare (page, argument))
    return FALSE;
  if (current == info)
    return TRUE;
  if ((info->flags & JK_PAGE_HOME) != 0)
    {
      jk_window_go_home (self);
      return TRUE;
    }
  if (current != NULL)
    g_queue_push_tail (&self->history, (gpointer) current);
  switch_to (self, info);
  return TRUE;
}

void
jk_window_show_page (JkWindow         *self,
                     const JkPageInfo *info)
{
  jk_window_open_page (self, info, NULL);
}

void
jk_window_replace_page (JkWindow         *self,
                        const JkPageInfo *info)
{
  if ((info->flags & JK_PAGE_HOME) != 0)
    jk_window_go_home (self);
  else
    switch_to (self, info);
}

const char *
jk_window_get_page_name (JkWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

void
jk_window_go_back (JkWindow *self)
{
  const JkPageInfo *previous = g_queue_pop_tail (&self->history);

  if (previous != NULL)
    switch_to (self, previous);
}

void
jk_window_go_home (JkWindow *self)
{
  g_queue_clear (&self->history);
  switch_to (self, self->home);
  gtk_widget_set_sensitive (self->back_button, FALSE);
}

void
jk_window_finish_visit (JkWindow *self)
{
  hide_modal (self, FALSE);
  flush_visit_counts (self);
  jk_session_reset (self->session);
  update_armed (self);
}

void
jk_window_ask_finish (JkWindow *self)
{
  if (visit_holds_anything (self))
    show_modal (self, GTK_WIDGET (self->finish_confirm));
  else
    finish_and_tell (self);
}

GtkWidget *
jk_window_get_finish_confirm (JkWindow *self)
{
  return GTK_WIDGET (self->finish_confirm);
}

GtkWidget *
jk_window_get_cleared_notice (JkWindow *self)
{
  return self->cleared_notice;
}

JkPage *
jk_window_get_current_page (JkWindow *self)
{
  g_return_val_if_fail (JK_IS_WINDOW (self), NULL);

  return current_page (self);
}

gboolean
jk_window_cancel_modal (JkWindow *self)
{
  g_return_val_if_fail (JK_IS_WINDOW (self), FALSE);

  if (self->modal == GTK_WIDGET (self->finish_confirm))
    on_finish_cancelled (self);
  else if (self->modal == GTK_WIDGET (self->idle_warning))
    on_more_time (self);
  else
    return FALSE;
  return TRUE;
}

GtkWidget *
jk_window_get_speech_bar (JkWindow *self)
{
  g_return_val_if_fail (JK_IS_WINDOW (self), NULL);

  return self->speech_bar;
}

JkSession *
jk_window_get_session (JkWindow *self)
{
  return self->session;
}

JkIdleMonitor *
jk_window_get_idle_monitor (JkWindow *self)
{
  return self->idle;
}

void
jk_window_set_center_name (JkWindow   *self,
                           const char *center_name)
{
  g_return_if_fail (JK_IS_WINDOW (self));

  gtk_label_set_text (self->center_label, center_name != NULL ? center_name : "");
}

JkKeyboard *
jk_window_get_keyboard (JkWindow *self)
{
  return ensure_keyboard (self);
}

gboolean
jk_window_get_keyboard_shown (JkWindow *self)
{
  return gtk_revealer_get_reveal_child (self->keyboard_revealer);
}

GtkWidget *
jk_window_get_idle_warning (JkWindow *self)
{
  return GTK_WIDGET (self->idle_warning);
}

void
jk_window_set_printer_badge (JkWindow   *self,
                             const char *text,
                             gboolean    ready)
{
  self->printer_ready = ready;
  gtk_label_set_text (self->printer_label, text != NULL ? text : "");
  gtk_image_set_from_icon_name (self->printer_icon, ready ? "printer-symbolic" : "printer-error-symbolic",
                                GTK_ICON_SIZE_LARGE_TOOLBAR);
  atk_object_set_name (gtk_widget_get_accessible (self->printer_badge), text != NULL ? text : "");
  update_printer_badge (self);
}

const char *
jk_window_get_printer_problem (JkWindow *self)
{
  g_return_val_if_fail (JK_IS_WINDOW (self), NULL);

  if (!gtk_widget_get_visible (self->printer_badge) || self->printer_ready)
    return NULL;
  return gtk_label_get_text (self->printer_label);
}

const char *
jk_window_get_step_text (JkWindow *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->step_label)) ? gtk_label_get_text (self->step_label) : "";
}

const char *
jk_window_get_title_text (JkWindow *self)
{
  return gtk_label_get_text (self->title_label);
}
