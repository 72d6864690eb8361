/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-keypad.c: a navigation keypad's keys as the kiosk's actions */

#define G_LOG_DOMAIN "jk-access"

#include "shell/jk-window.h"
#include "jk-keypad.h"

/* The focus ring lies up to this far outside a control (style.css). */
#define FOCUS_ROOM 12

/* The modifiers a key binding may use; lock keys never count. */
#define BINDING_MODS (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_MOD1_MASK | GDK_SUPER_MASK)

typedef struct {
  guint keyval;
  GdkModifierType mods;
  JkKeypadAction action;
} Binding;

struct _JkKeypad
{
  GObject parent_instance;

  JkWindow *window; /* weak: the window owns the keypad */
  GArray *bindings;
};

static const struct {
  const char *key;
  const char *keys;
} action_keys[] = {
#define X(id, key, keys) { key, keys },
  JK_KEYPAD_ACTIONS
#undef X
};

G_DEFINE_FINAL_TYPE (JkKeypad, jk_keypad, G_TYPE_OBJECT)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
bind_keys (JkKeypad      *self,
           JkKeypadAction action,
           GKeyFile      *keys)
{
  g_autofree char *configured = keys != NULL ? g_key_file_get_string (keys, "keypad", action_keys[action].key, NULL) : NULL;
  g_auto (GStrv) names = g_strsplit (configured != NULL ? configured : action_keys[action].keys, ";", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      Binding binding = { 0, 0, action };

      g_strstrip (names[i]);
      if (names[i][0] == '\0')
        continue;
      gtk_accelerator_parse (names[i], &binding.keyval, &binding.mods);
      if (binding.keyval == 0)
        {
          g_warning ("[keypad] %s: \"%s\" is not a key name GTK knows; it does nothing", action_keys[action].key,
                     names[i]);
          continue;
        }
      binding.keyval = gdk_keyval_to_lower (binding.keyval);
      g_array_append_val (self->bindings, binding);
    }
}

static gboolean
is_arrow (guint keyval)
{
  return keyval == GDK_KEY_Up || keyval == GDK_KEY_Down || keyval == GDK_KEY_Left || keyval == GDK_KEY_Right ||
         keyval == GDK_KEY_KP_Up || keyval == GDK_KEY_KP_Down;
}

/* Keys a focused control needs for itself: editing keys in a field,
 * arrows in a text area, Return and space to press what has the focus. */
static gboolean
belongs_to_focus (GtkWidget *focus,
                  guint      keyval)
{
  if (focus == NULL)
    return FALSE;
  if (GTK_IS_EDITABLE (focus) && (keyval == GDK_KEY_BackSpace || keyval == GDK_KEY_Delete))
    return TRUE;
  if (GTK_IS_TEXT_VIEW (focus) && (is_arrow (keyval) || keyval == GDK_KEY_BackSpace || keyval == GDK_KEY_Return))
    return TRUE;
  return FALSE;
}

static gboolean
activates_by_itself (guint keyval)
{
  return keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter ||
         keyval == GDK_KEY_space;
}

/* Keeps the focused control in view inside its page's scroller. */
static void
scroll_into_view (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  int x, y, height;
  double top, page;

  if (scroller == NULL)
    return;
  content = gtk_bin_get_child (GTK_BIN (scroller));
  /* Measured from what scrolls (a viewport's child), not from the
   * viewport, whose coordinates move with the view: from the view, a
   * control below it once scrolled looked as if already in sight. */
  if (GTK_IS_VIEWPORT (content) && gtk_bin_get_child (GTK_BIN (content)) != NULL)
    content = gtk_bin_get_child (GTK_BIN (content));
  if (content == NULL || !gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y))
    return;
  if (content != gtk_bin_get_child (GTK_BIN (scroller)))
    {
      GtkAllocation allocation;

      gtk_widget_get_allocation (content, &allocation);
      y += allocation.y;
    }
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  top = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  /* With room for the focus ring drawn around it. */
  y -= FOCUS_ROOM;
  height = gtk_widget_get_allocated_height (widget) + 2 * FOCUS_ROOM;
  if (y < top)
    gtk_adjustment_set_value (adjustment, y);
  else if (y + height > top + page)
    gtk_adjustment_set_value (adjustment, y + height - page);
}

/* Along a list of results, row by row; FALSE at its end. */
static gboolean
move_in_list (GtkWidget *focus,
              gboolean   forward)
{
  GtkWidget *row = focus != NULL ? (GTK_IS_LIST_BOX_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW)) : NULL;
  GtkListBox *list;
  int index;

  if (row == NULL || !GTK_IS_LIST_BOX (gtk_widget_get_parent (row)))
    return FALSE;
  /* A row with controls (staff mode's Called, Served…): Down goes through
   * them before the next row, Up from the first goes back to the row. */
  if (gtk_bin_get_child (GTK_BIN (row)) != NULL)
    {
      GtkWidget *inside = gtk_bin_get_child (GTK_BIN (row));

      if (focus == row && forward && gtk_widget_child_focus (inside, GTK_DIR_TAB_FORWARD))
        return TRUE;
      if (focus != row)
        {
          if (gtk_widget_child_focus (inside, forward ? GTK_DIR_TAB_FORWARD : GTK_DIR_TAB_BACKWARD))
            return TRUE;
          if (!forward && gtk_widget_get_can_focus (row))
            {
              gtk_widget_grab_focus (row);
              return TRUE;
            }
        }
    }
  list = GTK_LIST_BOX (gtk_widget_get_parent (row));
  index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  for (int i = forward ? index + 1 : index - 1; i >= 0; i += forward ? 1 : -1)
    {
      GtkListBoxRow *next = gtk_list_box_get_row_at_index (list, i);

      if (next == NULL)
        return FALSE;
      if (gtk_widget_get_visible (GTK_WIDGET (next)) && gtk_widget_get_child_visible (GTK_WIDGET (next)) &&
          gtk_widget_get_can_focus (GTK_WIDGET (next)))
        {
          gtk_widget_grab_focus (GTK_WIDGET (next));
          return TRUE;
        }
    }
  return FALSE;
}

static void
activate_window_action (JkKeypad   *self,
                        const char *name,
                        GVariant   *parameter)
{
  g_action_group_activate_action (G_ACTION_GROUP (self->window), name, parameter);
}

static void
do_action (JkKeypad      *self,
           JkKeypadAction action)
{
  JkWindow *window = self->window;
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));

  switch (action)
    {
    case JK_KEYPAD_NEXT:
    case JK_KEYPAD_PREVIOUS:
      jk_keypad_move_focus (window, action == JK_KEYPAD_NEXT);
      break;
    case JK_KEYPAD_SELECT:
      if (focus != NULL)
        gtk_widget_activate (focus);
      break;
    case JK_KEYPAD_BACK:
      if (!jk_window_cancel_modal (window))
        activate_window_action (self, "back", NULL);
      break;
    case JK_KEYPAD_HELP:
      /* A visitor who asks a keypad for help wants to hear it. */
      g_action_group_change_action_state (G_ACTION_GROUP (window), "speech", g_variant_new_boolean (TRUE));
      activate_window_action (self, "speech-help", NULL);
      break;
    case JK_KEYPAD_SPEECH:
      activate_window_action (self, "speech", NULL);
      break;
    case JK_KEYPAD_REPEAT:
      activate_window_action (self, "speech-repeat", NULL);
      break;
    case JK_KEYPAD_STOP:
      activate_window_action (self, "speech-stop", NULL);
      break;
    case JK_KEYPAD_SLOWER:
    case JK_KEYPAD_FASTER:
      activate_window_action (self, "speech-rate", g_variant_new_int32 (action == JK_KEYPAD_FASTER ? 1 : -1));
      break;
    case JK_KEYPAD_QUIETER:
    case JK_KEYPAD_LOUDER:
      activate_window_action (self, "speech-volume", g_variant_new_int32 (action == JK_KEYPAD_LOUDER ? 1 : -1));
      break;
    case JK_KEYPAD_N_ACTIONS:
    default:
      g_assert_not_reached ();
    }
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static gboolean
on_key_press (GtkWidget   *widget,
              GdkEventKey *event,
              JkKeypad    *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (widget));
  int action = jk_keypad_lookup (self, event->keyval, event->state);

  if (action < 0 || belongs_to_focus (focus, event->keyval))
    return GDK_EVENT_PROPAGATE;
  /* Return on a focused button presses it the usual way. */
  if (action == JK_KEYPAD_SELECT && activates_by_itself (event->keyval))
    return GDK_EVENT_PROPAGATE;
  do_action (self, action);
  return GDK_EVENT_STOP;
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_keypad_dispose (GObject *object)
{
  JkKeypad *self = JK_KEYPAD (object);

  if (self->window != NULL)
    g_signal_handlers_disconnect_by_data (self->window, self);
  g_clear_weak_pointer (&self->window);
  G_OBJECT_CLASS (jk_keypad_parent_class)->dispose (object);
}

static void
jk_keypad_finalize (GObject *object)
{
  g_array_unref (JK_KEYPAD (object)->bindings);
  G_OBJECT_CLASS (jk_keypad_parent_class)->finalize (object);
}

static void
jk_keypad_class_init (JkKeypadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jk_keypad_dispose;
  object_class->finalize = jk_keypad_finalize;
}

static void
jk_keypad_init (JkKeypad *self)
{
  self->bindings = g_array_new (FALSE, FALSE, sizeof (Binding));
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkKeypad *
jk_keypad_new (JkWindow *window,
               GKeyFile *keys)
{
  JkKeypad *self;

  g_return_val_if_fail (JK_IS_WINDOW (window), NULL);

  self = g_object_new (JK_TYPE_KEYPAD, NULL);
  g_set_weak_pointer (&self->window, window);
  for (int action = 0; action < JK_KEYPAD_N_ACTIONS; action++)
    bind_keys (self, action, keys);
  /* Before the window's own handling: GTK would move the focus by
   * direction on arrows, and Escape would do nothing. */
  g_signal_connect (window, "key-press-event", G_CALLBACK (on_key_press), self);
  return self;
}

int
jk_keypad_lookup (JkKeypad       *self,
                  guint           keyval,
                  GdkModifierType state)
{
  guint lower = gdk_keyval_to_lower (keyval);

  g_return_val_if_fail (JK_IS_KEYPAD (self), -1);

  for (guint i = 0; i < self->bindings->len; i++)
    {
      const Binding *binding = &g_array_index (self->bindings, Binding, i);

      if (binding->keyval == lower && binding->mods == (state & BINDING_MODS))
        return binding->action;
    }
  return -1;
}

void
jk_keypad_move_focus (JkWindow *window,
                      gboolean  forward)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));

  g_return_if_fail (JK_IS_WINDOW (window));

  if (!move_in_list (focus, forward))
    gtk_widget_child_focus (GTK_WIDGET (window), forward ? GTK_DIR_TAB_FORWARD : GTK_DIR_TAB_BACKWARD);
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  if (focus != NULL)
    scroll_into_view (focus);
}
