/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-window.c: the kiosk frame, page navigation, keyboard and idle wipe */

#define G_LOG_DOMAIN "jk-window"

#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-i18n.h>

#include "jk-idle-warning.h"
#include "jk-retranslate.h"
#include "jk-window.h"

struct _JkWindow
{
  GtkApplicationWindow parent_instance;

  /* template */
  GtkLabel *center_label;
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

  JkKeyboard *keyboard;
  JkIdleWarning *idle_warning;
  GtkWidget *printer_badge;
  GtkLabel *printer_label;
  GtkImage *printer_icon;
  GtkGesture *activity_gesture;
  GtkEventController *activity_keys;

  JkSession *session;
  JkClock *clock;
  JkIdleMonitor *idle;
  GQueue history; /* JkPageInfo, most recent last */
  const JkPageInfo *home;
  gboolean kiosk_mode;
  guint clock_tick_id;
  int shown_minute;
};

static void update_armed (JkWindow *self);
static void on_keyboard_hide_requested (JkWindow *self);

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
    }
  return self->keyboard;
}

static void
hide_keyboard (JkWindow *self)
{
  gtk_revealer_set_reveal_child (self->keyboard_revealer, FALSE);
  if (self->keyboard == NULL)
    return;
  jk_keyboard_set_target (self->keyboard, NULL);
  jk_keyboard_reset (self->keyboard);
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

static void
update_printer_badge (JkWindow *self)
{
  gtk_widget_set_visible (self->printer_badge, current_has (self, JK_PAGE_PRINTER_BADGE) &&
                                                 gtk_label_get_text (self->printer_label)[0] != '\0');
}

static void
switch_to (JkWindow         *self,
           const JkPageInfo *info)
{
  JkPage *old_page = current_page (self);
  GtkWidget *new_page = info != NULL ? gtk_stack_get_child_by_name (self->stack, info->name) : NULL;

  if (new_page == NULL)
    {
      g_warning ("no page named %s", info != NULL ? info->name : "(none)");
      return;
    }
  if (GTK_WIDGET (old_page) == new_page)
    return;
  hide_keyboard (self);
  if (old_page != NULL)
    jk_page_leave (old_page);
  gtk_stack_set_visible_child (self->stack, new_page);
  jk_page_enter (JK_PAGE (new_page));
  gtk_widget_set_sensitive (self->back_button, !g_queue_is_empty (&self->history));
  update_title (self);
  update_armed (self);
  update_printer_badge (self);
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

  for (GList *l = pages; l != NULL; l = l->next)
    jk_page_reset (JK_PAGE (l->data));
  g_list_free (pages);
  hide_keyboard (self);
  jk_window_go_home (self);
}

static void
on_set_focus (GtkWindow *window,
              GtkWidget *widget,
              JkWindow  *self)
{
  if (widget != NULL && GTK_IS_EDITABLE (widget) && gtk_editable_get_editable (GTK_EDITABLE (widget)) &&
      !current_has (self, JK_PAGE_NO_KEYBOARD))
    {
      jk_keyboard_set_target (ensure_keyboard (self), widget);
      jk_keyboard_set_mode (self->keyboard, jk_keyboard_mode_for_widget (widget));
      gtk_revealer_set_reveal_child (self->keyboard_revealer, TRUE);
      scroll_to_target (self);
    }
  else if (gtk_revealer_get_reveal_child (self->keyboard_revealer))
    {
      hide_keyboard (self);
    }
}

static void
on_keyboard_revealed (JkWindow *self)
{
  if (gtk_revealer_get_child_revealed (self->keyboard_revealer))
    scroll_to_target (self);
}

static void
on_keyboard_hide_requested (JkWindow *self)
{
  hide_keyboard (self);
}

static void
on_activity (JkWindow *self)
{
  jk_idle_monitor_poke (self->idle);
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
  hide_keyboard (self);
  jk_idle_warning_set_seconds_left (self->idle_warning, seconds_left);
  gtk_widget_show (GTK_WIDGET (self->idle_warning));
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
  gtk_widget_hide (GTK_WIDGET (self->idle_warning));
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

static gboolean
clock_tick_cb (gpointer user_data)
{
  update_clock (user_data, FALSE);
  return G_SOURCE_CONTINUE;
}

static void
on_clock_advanced (JkClock  *clock,
                   JkWindow *self)
{
  update_clock (self, FALSE);
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
on_page_step (JkWindow *self)
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
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, name);

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
  jk_window_finish_visit (user_data);
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
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  if (self->idle != NULL)
    g_signal_handlers_disconnect_by_data (self->idle, self);
  g_clear_object (&self->activity_gesture);
  g_clear_object (&self->activity_keys);
  g_clear_object (&self->idle);
  g_clear_object (&self->session);
  g_clear_object (&self->clock);
  g_queue_clear (&self->history);
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
  gtk_widget_class_bind_template_callback (widget_class, on_language_toggled);
}

static void
jk_window_init (JkWindow *self)
{
  static const GActionEntry actions[] = {
    { "show-page", show_page_action, "s", NULL, NULL },
    { "back", back_action, NULL, NULL, NULL },
    { "home", home_action, NULL, NULL, NULL },
    { "finish", finish_action, NULL, NULL, NULL },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  g_queue_init (&self->history);
  self->shown_minute = -1;

  g_signal_connect_swapped (self->keyboard_revealer, "notify::child-revealed", G_CALLBACK (on_keyboard_revealed), self);
  g_signal_connect_after (self, "set-focus", G_CALLBACK (on_set_focus), self);

  self->idle_warning = JK_IDLE_WARNING (jk_idle_warning_new ());
  gtk_overlay_add_overlay (self->overlay, GTK_WIDGET (self->idle_warning));
  g_signal_connect_swapped (self->idle_warning, "more-time", G_CALLBACK (on_more_time), self);
  g_signal_connect_swapped (self->idle_warning, "finish", G_CALLBACK (jk_window_finish_visit), self);

  /* Any touch or key anywhere counts as the visitor being there. Capture
   * phase, so it is seen before the widget under the finger handles it. */
  self->activity_gesture = gtk_gesture_multi_press_new (GTK_WIDGET (self));
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->activity_gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (self->activity_gesture, "pressed", G_CALLBACK (on_activity), self);
  self->activity_keys = gtk_event_controller_key_new (GTK_WIDGET (self));
  gtk_event_controller_set_propagation_phase (self->activity_keys, GTK_PHASE_CAPTURE);
  g_signal_connect (self->activity_keys, "key-pressed", G_CALLBACK (on_key_pressed), self);

  /* Made in code and placed before Help: a label that follows the printer. */
  self->printer_badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->printer_icon = GTK_IMAGE (gtk_image_new_from_icon_name ("printer-symbolic", GTK_ICON_SIZE_LARGE_TOOLBAR));
  self->printer_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_line_wrap (self->printer_label, TRUE);
  gtk_label_set_max_width_chars (self->printer_label, 30);
  gtk_style_context_add_class (gtk_widget_get_style_context (self->printer_badge), "printer-badge");
  gtk_container_add (GTK_CONTAINER (self->printer_badge), GTK_WIDGET (self->printer_icon));
  gtk_container_add (GTK_CONTAINER (self->printer_badge), GTK_WIDGET (self->printer_label));
  gtk_widget_show_all (self->printer_badge);
  gtk_widget_hide (self->printer_badge);
  gtk_box_pack_end (GTK_BOX (gtk_widget_get_parent (self->back_button)), self->printer_badge, FALSE, FALSE, 0);
  gtk_box_reorder_child (GTK_BOX (gtk_widget_get_parent (self->back_button)), self->printer_badge, 3);

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
      gtk_window_set_decorated (GTK_WINDOW (self), FALSE);
      gtk_window_fullscreen (GTK_WINDOW (self));
    }

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
  g_signal_connect_object (page, "navigate", G_CALLBACK (on_page_navigate), self, 0);
  g_signal_connect_object (page, "notify::step", G_CALLBACK (on_page_step), self, G_CONNECT_SWAPPED);
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

JkPage *
jk_window_get_page (JkWindow         *self,
                    const JkPageInfo *info)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->stack, info->name);

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
  gtk_widget_hide (GTK_WIDGET (self->idle_warning));
  jk_session_reset (self->session);
  update_armed (self);
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
  gtk_label_set_text (self->printer_label, text != NULL ? text : "");
  gtk_image_set_from_icon_name (self->printer_icon, ready ? "printer-symbolic" : "printer-error-symbolic",
                                GTK_ICON_SIZE_LARGE_TOOLBAR);
  atk_object_set_name (gtk_widget_get_accessible (self->printer_badge), text != NULL ? text : "");
  update_printer_badge (self);
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
