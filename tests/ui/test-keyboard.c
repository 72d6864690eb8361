/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-keyboard.c: the on-screen keyboard, typing into a real entry */

#include <string.h>
#include <jobkiosk/jk-i18n.h>

#include "shell/jk-keyboard.h"
#include "shell/jk-retranslate.h"
#include "jk-test.h"
#include "jk-test-ui-util.h"

typedef struct {
  GtkWidget *window;
  GtkWidget *box;
  GtkEntry *entry;
  JkKeyboard *keyboard;
  guint activated;
  guint hide_requested;
} Fixture;

static const char *const layers[] = { "letters", "accents", "symbols", "numpad" };

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
load_style (void)
{
  const char *const sheets[] = {
    "/org/jobkiosk/JobKiosk/shell/style.css",
    "/org/jobkiosk/JobKiosk/shell/keyboard.css",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (sheets); i++)
    {
      g_autoptr (GtkCssProvider) provider = NULL;

      if (!g_resources_get_info (sheets[i], G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
        continue;
      provider = gtk_css_provider_new ();
      gtk_css_provider_load_from_resource (provider, sheets[i]);
      gtk_style_context_add_provider_for_screen (gdk_screen_get_default (), GTK_STYLE_PROVIDER (provider),
                                                 GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
}

static gboolean
quit_loop_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for a while, timers and all. */
static void
run_main_loop (guint milliseconds)
{
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (milliseconds, quit_loop_cb, loop);
  g_main_loop_run (loop);
}

static void
on_activate (GtkEntry *entry,
             Fixture  *fixture)
{
  fixture->activated++;
}

static void
on_hide_requested (JkKeyboard *keyboard,
                   Fixture    *fixture)
{
  fixture->hide_requested++;
}

static void
give_window_focus (GtkWidget *window)
{
  GdkEvent *event;

  if (gtk_window_is_active (GTK_WINDOW (window)))
    return;
  /* No window manager under Xvfb may hand out the focus: tell GTK the
   * window has it, as a window manager would. */
  event = gdk_event_new (GDK_FOCUS_CHANGE);
  event->focus_change.window = g_object_ref (gtk_widget_get_window (window));
  event->focus_change.send_event = TRUE;
  event->focus_change.in = TRUE;
  gdk_event_set_device (event, gdk_seat_get_keyboard (gdk_display_get_default_seat (gtk_widget_get_display (window))));
  gtk_main_do_event (event);
  gdk_event_free (event);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1920, 460);
  fixture->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  fixture->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_margin_top (GTK_WIDGET (fixture->entry), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (fixture->entry), 48);
  gtk_widget_set_margin_end (GTK_WIDGET (fixture->entry), 48);
  gtk_widget_set_valign (GTK_WIDGET (fixture->entry), GTK_ALIGN_START);
  gtk_widget_set_vexpand (GTK_WIDGET (fixture->entry), TRUE);
  fixture->keyboard = JK_KEYBOARD (jk_keyboard_new ());
  gtk_container_add (GTK_CONTAINER (fixture->box), GTK_WIDGET (fixture->entry));
  gtk_container_add (GTK_CONTAINER (fixture->box), GTK_WIDGET (fixture->keyboard));
  gtk_container_add (GTK_CONTAINER (fixture->window), fixture->box);

  jk_keyboard_set_target (fixture->keyboard, GTK_WIDGET (fixture->entry));
  g_signal_connect (fixture->entry, "activate", G_CALLBACK (on_activate), fixture);
  g_signal_connect (fixture->keyboard, "hide-requested", G_CALLBACK (on_hide_requested), fixture);

  gtk_widget_show_all (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_widget_grab_focus (GTK_WIDGET (fixture->entry));
  jk_test_wait_drawn (fixture->window);
  give_window_focus (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_widget_destroy (fixture->window);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
press_all (JkKeyboard        *keyboard,
           const char *const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      if (!jk_keyboard_press (keyboard, keys[i]))
        g_error ("no key \"%s\" on the layer showing", keys[i]);
    }
}

static void
set_text (Fixture    *fixture,
          const char *text,
          int         position)
{
  gtk_entry_set_text (fixture->entry, text);
  gtk_editable_set_position (GTK_EDITABLE (fixture->entry), position);
}

static const char *
get_accessible_name (GtkWidget *widget)
{
  return atk_object_get_name (gtk_widget_get_accessible (widget));
}

static const char *
get_key_label (GtkWidget *button)
{
  GtkWidget *child = gtk_bin_get_child (GTK_BIN (button));

  g_assert_true (GTK_IS_LABEL (child));
  return gtk_label_get_text (GTK_LABEL (child));
}

static void
collect_buttons (GtkWidget *widget,
                 gpointer   user_data)
{
  if (GTK_IS_BUTTON (widget))
    g_ptr_array_add (user_data, widget);
  else if (GTK_IS_CONTAINER (widget))
    gtk_container_forall (GTK_CONTAINER (widget), collect_buttons, user_data);
}

static GtkStack *
get_stack (JkKeyboard *keyboard)
{
  g_autoptr (GList) children = gtk_container_get_children (GTK_CONTAINER (keyboard));

  g_assert_nonnull (children);
  g_assert_true (GTK_IS_STACK (children->data));
  return children->data;
}

/* Shows a layer the way a person would get there. */
static void
show_layer (JkKeyboard *keyboard,
            const char *layer)
{
  jk_keyboard_set_mode (keyboard, g_str_equal (layer, "numpad") ? JK_KEYBOARD_MODE_NUMBER_PAD
                                                                 : JK_KEYBOARD_MODE_TEXT);
  if (g_str_equal (layer, "accents") || g_str_equal (layer, "symbols"))
    g_assert_true (jk_keyboard_press (keyboard, layer));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_stack (keyboard)), ==, layer);
}

#define send_button_event jk_test_send_button_event
#define click jk_test_click_widget

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

static void
test_types_through_layers (Fixture       *fixture,
                           gconstpointer  user_data)
{
  const char *const keys[] = {
    "shift", "N", "accents", "ú", "ñ", "letters", "e", "z", "space", "symbols", "4", "5", "4", "0", "2", NULL
  };

  press_all (fixture->keyboard, keys);
  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, "Núñez 45402");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (fixture->entry)), ==, 11);
}

static void
test_shift (Fixture       *fixture,
            gconstpointer  user_data)
{
  const char *const capitals[] = { "C", "D", NULL };
  GtkWidget *a_key;

  /* One capital, then back to lower case. */
  a_key = jk_keyboard_find_key (fixture->keyboard, "a");
  g_assert_nonnull (a_key);
  g_assert_null (jk_keyboard_find_key (fixture->keyboard, "A"));
  g_assert_true (jk_keyboard_press (fixture->keyboard, "shift"));
  g_assert_true (jk_keyboard_find_key (fixture->keyboard, "A") == a_key);
  g_assert_null (jk_keyboard_find_key (fixture->keyboard, "a"));
  g_assert_cmpstr (get_key_label (a_key), ==, "A");
  g_assert_cmpstr (get_accessible_name (a_key), ==, "A");
  g_assert_true (jk_keyboard_press (fixture->keyboard, "A"));
  g_assert_cmpstr (get_key_label (a_key), ==, "a");
  g_assert_null (jk_keyboard_find_key (fixture->keyboard, "B"));
  g_assert_true (jk_keyboard_press (fixture->keyboard, "b"));
  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, "Ab");

  /* Shift tapped twice: capitals until Shift again. */
  g_assert_true (jk_keyboard_press (fixture->keyboard, "shift"));
  g_assert_true (jk_keyboard_press (fixture->keyboard, "shift"));
  press_all (fixture->keyboard, capitals);
  g_assert_true (jk_keyboard_press (fixture->keyboard, "space"));
  g_assert_true (jk_keyboard_press (fixture->keyboard, "Ñ"));
  g_assert_true (jk_keyboard_press (fixture->keyboard, "shift"));
  g_assert_true (jk_keyboard_press (fixture->keyboard, "e"));
  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, "AbCD Ñe");

  /* Shift, then a change of mind: tapping it again takes it back. */
  g_assert_true (jk_keyboard_press (fixture->keyboard, "shift"));
  g_assert_nonnull (jk_keyboard_find_key (fixture->keyboard, "F"));
  jk_keyboard_reset (fixture->keyboard);
  g_assert_nonnull (jk_keyboard_find_key (fixture->keyboard, "f"));
}

static void
test_insert_at_cursor (Fixture       *fixture,
                       gconstpointer  user_data)
{
  int start = 0, end = 0;

  set_text (fixture, "Prez", 1);
  g_assert_true (jk_keyboard_press (fixture->keyboard, "accents"));
  g_assert_true (jk_keyboard_press (fixture->keyboard, "é"));
  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, "Pérez");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (fixture->entry)), ==, 2);

  /* Typing over a selection replaces it. */
  gtk_editable_select_region (GTK_EDITABLE (fixture->entry), 1, 4);
  g_assert_true (jk_keyboard_press (fixture->keyboard, "letters"));
  g_assert_true (jk_keyboard_press (fixture->keyboard, "o"));
  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, "Poz");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (fixture->entry)), ==, 2);
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (fixture->entry), &start, &end));
}

static void
test_backspace (Fixture       *fixture,
                gconstpointer  user_data)
{
  set_text (fixture, "abcdef", -1);
  g_assert_true (jk_keyboard_press (fixture->keyboard, "backspace"));
  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, "abcde");

  /* The character before the cursor, not the last one. */
  gtk_editable_set_position (GTK_EDITABLE (fixture->entry), 2);
  g_assert_true (jk_keyboard_press (fixture->keyboard, "backspace"));
  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, "acde");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (fixture->entry)), ==, 1);

  /* A selection goes as a whole. */
  gtk_editable_select_region (GTK_EDITABLE (fixture->entry), 1, 3);
  g_assert_true (jk_keyboard_press (fixture->keyboard, "backspace"));
  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, "ae");

  /* Nothing before the cursor: nothing happens. */
  gtk_editable_set_position (GTK_EDITABLE (fixture->entry), 0);
  g_assert_true (jk_keyboard_press (fixture->keyboard, "backspace"));
  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, "ae");

  /* On every layer and in the number pad. */
  for (gsize i = 0; i < G_N_ELEMENTS (layers); i++)
    {
      show_layer (fixture->keyboard, layers[i]);
      g_assert_nonnull (jk_keyboard_find_key (fixture->keyboard, "backspace"));
    }
}

static void
test_backspace_repeats (Fixture       *fixture,
                        gconstpointer  user_data)
{
  const char *text = "The quick brown fox jumps";
  GtkWidget *backspace = jk_keyboard_find_key (fixture->keyboard, "backspace");
  glong length;

  /* Held down with a real press: one after 500 ms, then every 80 ms. */
  set_text (fixture, text, -1);
  send_button_event (backspace, GDK_BUTTON_PRESS);
  run_main_loop (300);
  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, text);
  run_main_loop (500);
  send_button_event (backspace, GDK_BUTTON_RELEASE);
  length = g_utf8_strlen (gtk_entry_get_text (fixture->entry), -1);
  g_assert_cmpint (length, <, (glong) strlen (text) - 1);
  g_assert_cmpint (length, >, 0);

  /* Let go: it stops. */
  run_main_loop (300);
  g_assert_cmpint (g_utf8_strlen (gtk_entry_get_text (fixture->entry), -1), ==, length);

  /* A quick tap deletes exactly one. */
  click (backspace);
  g_assert_cmpint (g_utf8_strlen (gtk_entry_get_text (fixture->entry), -1), ==, length - 1);

  /* Reset stops a repeat that is running. */
  set_text (fixture, text, -1);
  g_signal_emit_by_name (backspace, "pressed");
  run_main_loop (700);
  length = g_utf8_strlen (gtk_entry_get_text (fixture->entry), -1);
  g_assert_cmpint (length, <, (glong) strlen (text));
  jk_keyboard_reset (fixture->keyboard);
  run_main_loop (300);
  g_assert_cmpint (g_utf8_strlen (gtk_entry_get_text (fixture->entry), -1), ==, length);
  g_signal_emit_by_name (backspace, "released");

  /* So does hiding the keyboard (unmap). */
  set_text (fixture, text, -1);
  g_signal_emit_by_name (backspace, "pressed");
  run_main_loop (100);
  gtk_widget_hide (GTK_WIDGET (fixture->keyboard));
  run_main_loop (700);
  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, text);
  g_signal_emit_by_name (backspace, "released");
  gtk_widget_show (GTK_WIDGET (fixture->keyboard));
}

static void
test_enter_and_hide (Fixture       *fixture,
                     gconstpointer  user_data)
{
  for (gsize i = 0; i < G_N_ELEMENTS (layers); i++)
    {
      show_layer (fixture->keyboard, layers[i]);
      fixture->activated = fixture->hide_requested = 0;
      g_assert_true (jk_keyboard_press (fixture->keyboard, "enter"));
      g_assert_cmpuint (fixture->activated, ==, 1);
      g_assert_cmpuint (fixture->hide_requested, ==, 0);
      g_assert_true (jk_keyboard_press (fixture->keyboard, "hide"));
      g_assert_cmpuint (fixture->hide_requested, ==, 1);
      g_assert_cmpuint (fixture->activated, ==, 1);
    }
}

static void
test_number_pad (Fixture       *fixture,
                 gconstpointer  user_data)
{
  const char *const digits[] = { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", NULL };
  const char *const marks[] = { "-", "/", "(", ")", "backspace", "enter", "hide", "space", NULL };
  const char *const absent[] = { "a", "q", "A", "ñ", "shift", "letters", "accents", "symbols", NULL };
  const char *const phone[] = { "(", "5", "5", "5", ")", "space", "8", "6", "7", "-", "5", "3", "0", "9", NULL };
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *pad;

  jk_keyboard_set_mode (fixture->keyboard, JK_KEYBOARD_MODE_NUMBER_PAD);
  g_assert_cmpint (jk_keyboard_get_mode (fixture->keyboard), ==, JK_KEYBOARD_MODE_NUMBER_PAD);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_stack (fixture->keyboard)), ==, "numpad");
  for (guint i = 0; digits[i] != NULL; i++)
    g_assert_nonnull (jk_keyboard_find_key (fixture->keyboard, digits[i]));
  for (guint i = 0; marks[i] != NULL; i++)
    g_assert_nonnull (jk_keyboard_find_key (fixture->keyboard, marks[i]));
  for (guint i = 0; absent[i] != NULL; i++)
    g_assert_null (jk_keyboard_find_key (fixture->keyboard, absent[i]));

  /* No letter anywhere on the pad. */
  pad = gtk_stack_get_visible_child (get_stack (fixture->keyboard));
  collect_buttons (pad, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      const char *name = get_accessible_name (buttons->pdata[i]);

      if (g_utf8_strlen (name, -1) == 1)
        g_assert_false (g_unichar_isalpha (g_utf8_get_char (name)));
    }

  press_all (fixture->keyboard, phone);
  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, "(555) 867-5309");

  jk_keyboard_set_mode (fixture->keyboard, JK_KEYBOARD_MODE_TEXT);
  g_assert_cmpint (jk_keyboard_get_mode (fixture->keyboard), ==, JK_KEYBOARD_MODE_TEXT);
  g_assert_nonnull (jk_keyboard_find_key (fixture->keyboard, "q"));

  /* Reset goes back to the letters. */
  jk_keyboard_set_mode (fixture->keyboard, JK_KEYBOARD_MODE_NUMBER_PAD);
  jk_keyboard_reset (fixture->keyboard);
  g_assert_cmpint (jk_keyboard_get_mode (fixture->keyboard), ==, JK_KEYBOARD_MODE_TEXT);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (get_stack (fixture->keyboard)), ==, "letters");
}

static void
test_mode_for_widget (void)
{
  const GtkInputPurpose pad[] = {
    GTK_INPUT_PURPOSE_PHONE, GTK_INPUT_PURPOSE_DIGITS, GTK_INPUT_PURPOSE_NUMBER, GTK_INPUT_PURPOSE_PIN,
  };
  const GtkInputPurpose text[] = {
    GTK_INPUT_PURPOSE_FREE_FORM, GTK_INPUT_PURPOSE_ALPHA, GTK_INPUT_PURPOSE_NAME, GTK_INPUT_PURPOSE_EMAIL,
    GTK_INPUT_PURPOSE_URL, GTK_INPUT_PURPOSE_PASSWORD,
  };
  GtkWidget *entry = g_object_ref_sink (gtk_entry_new ());
  GtkWidget *label = g_object_ref_sink (gtk_label_new ("not typed into"));

  g_assert_cmpint (jk_keyboard_mode_for_widget (entry), ==, JK_KEYBOARD_MODE_TEXT);
  for (gsize i = 0; i < G_N_ELEMENTS (pad); i++)
    {
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), pad[i]);
      g_assert_cmpint (jk_keyboard_mode_for_widget (entry), ==, JK_KEYBOARD_MODE_NUMBER_PAD);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (text); i++)
    {
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), text[i]);
      g_assert_cmpint (jk_keyboard_mode_for_widget (entry), ==, JK_KEYBOARD_MODE_TEXT);
    }
  g_assert_cmpint (jk_keyboard_mode_for_widget (label), ==, JK_KEYBOARD_MODE_TEXT);
  g_assert_cmpint (jk_keyboard_mode_for_widget (NULL), ==, JK_KEYBOARD_MODE_TEXT);
  g_object_unref (entry);
  g_object_unref (label);
}

static void
test_keys_named_and_big (Fixture       *fixture,
                         gconstpointer  user_data)
{
  const struct {
    const char *layer;
    const char *key;
    const char *name;
  } named[] = {
    { "letters", "shift", "Shift" },
    { "letters", "backspace", "Backspace" },
    { "letters", "space", "Space" },
    { "letters", "enter", "Enter" },
    { "letters", "hide", "Hide keyboard" },
    { "letters", "symbols", "Numbers and symbols" },
    { "letters", "accents", "Spanish letters" },
    { "letters", "q", "q" },
    { "accents", "letters", "Letters" },
    { "accents", "ñ", "ñ" },
    { "accents", "Ñ", "Ñ" },
    { "symbols", "letters", "Letters" },
    { "numpad", "7", "7" },
  };
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *button;
  int width = 0, height = 0;

  /* Every key of every layer, the hidden ones too. */
  collect_buttons (GTK_WIDGET (fixture->keyboard), buttons);
  g_assert_cmpuint (buttons->len, >, 90);
  for (guint i = 0; i < buttons->len; i++)
    {
      const char *name;

      button = buttons->pdata[i];
      name = get_accessible_name (button);
      g_assert_nonnull (name);
      g_assert_cmpstr (name, !=, "");
      gtk_widget_get_size_request (button, &width, &height);
      g_assert_cmpint (width, >=, 56);
      g_assert_cmpint (height, >=, 56);
      g_assert_false (gtk_widget_get_can_focus (button));
      g_assert_false (gtk_widget_get_focus_on_click (button));
      g_assert_true (gtk_style_context_has_class (gtk_widget_get_style_context (button), "key"));
    }

  for (gsize i = 0; i < G_N_ELEMENTS (named); i++)
    {
      show_layer (fixture->keyboard, named[i].layer);
      button = jk_keyboard_find_key (fixture->keyboard, named[i].key);
      g_assert_nonnull (button);
      g_assert_cmpstr (get_accessible_name (button), ==, named[i].name);
    }
  show_layer (fixture->keyboard, "accents");
  button = jk_keyboard_find_key (fixture->keyboard, "ñ");
  g_assert_cmpstr (atk_object_get_description (gtk_widget_get_accessible (button)), ==, "n with tilde");

  /* As drawn, too: at least 56 px, 8 px apart. */
  for (gsize i = 0; i < G_N_ELEMENTS (layers); i++)
    {
      GtkWidget *grid;

      show_layer (fixture->keyboard, layers[i]);
      jk_test_wait_drawn (fixture->window);
      grid = gtk_stack_get_visible_child (get_stack (fixture->keyboard));
      g_assert_cmpuint (gtk_grid_get_row_spacing (GTK_GRID (grid)), >=, 8);
      g_assert_cmpuint (gtk_grid_get_column_spacing (GTK_GRID (grid)), >=, 8);
      g_ptr_array_set_size (buttons, 0);
      collect_buttons (grid, buttons);
      for (guint j = 0; j < buttons->len; j++)
        {
          g_assert_cmpint (gtk_widget_get_allocated_width (buttons->pdata[j]), >=, 56);
          g_assert_cmpint (gtk_widget_get_allocated_height (buttons->pdata[j]), >=, 56);
        }
    }
}

static void
test_entry_keeps_focus (Fixture       *fixture,
                        gconstpointer  user_data)
{
  const char *const keys[] = { "shift", "H", "i", "space", "accents", "ñ", "symbols", "4", "backspace", NULL };
  GtkWidget *other = gtk_button_new_with_label ("Other");

  g_assert_true (gtk_window_is_active (GTK_WINDOW (fixture->window)));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->entry)));

  /* Real clicks, through each key's own gesture. */
  for (guint i = 0; keys[i] != NULL; i++)
    {
      GtkWidget *key = jk_keyboard_find_key (fixture->keyboard, keys[i]);

      g_assert_nonnull (key);
      click (key);
      g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->entry)));
      g_assert_true (gtk_widget_is_focus (GTK_WIDGET (fixture->entry)));
    }
  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, "Hi ñ");

  /* The same click on an ordinary button does take the focus: the check
   * above can fail. */
  gtk_container_add (GTK_CONTAINER (fixture->box), other);
  gtk_widget_show (other);
  jk_test_wait_drawn (fixture->window);
  click (other);
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (fixture->entry)));
}

static void
test_retranslate_keeps_state (Fixture       *fixture,
                              gconstpointer  user_data)
{
  GtkWidget *a_key = jk_keyboard_find_key (fixture->keyboard, "a");

  /* The window captures and re-applies strings over its whole tree; the
   * keys must still show what they type. */
  jk_retranslate_capture (fixture->window);
  g_assert_true (jk_keyboard_press (fixture->keyboard, "shift"));
  jk_retranslate_apply (fixture->window);
  jk_keyboard_retranslate (fixture->keyboard);
  g_assert_cmpstr (get_key_label (a_key), ==, "A");
  g_assert_cmpstr (get_accessible_name (a_key), ==, "A");
  g_assert_true (jk_keyboard_find_key (fixture->keyboard, "A") == a_key);
  g_assert_true (jk_keyboard_press (fixture->keyboard, "A"));
  jk_retranslate_apply (fixture->window);
  g_assert_cmpstr (get_key_label (a_key), ==, "a");
  g_assert_cmpstr (get_accessible_name (jk_keyboard_find_key (fixture->keyboard, "hide")), ==, "Hide keyboard");
  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, "A");
}

static void
test_target_changes (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkWidget *other = gtk_entry_new ();

  gtk_container_add (GTK_CONTAINER (fixture->box), other);
  jk_keyboard_set_target (fixture->keyboard, other);
  g_assert_true (jk_keyboard_get_target (fixture->keyboard) == other);
  g_assert_true (jk_keyboard_press (fixture->keyboard, "x"));
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (other)), ==, "x");
  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, "");

  /* A target that goes away is forgotten; keys then do nothing. */
  gtk_widget_destroy (other);
  g_assert_null (jk_keyboard_get_target (fixture->keyboard));
  g_assert_true (jk_keyboard_press (fixture->keyboard, "y"));
  g_assert_true (jk_keyboard_press (fixture->keyboard, "backspace"));
  g_assert_true (jk_keyboard_press (fixture->keyboard, "enter"));

  /* A read-only entry is not typed into. */
  jk_keyboard_set_target (fixture->keyboard, GTK_WIDGET (fixture->entry));
  gtk_editable_set_editable (GTK_EDITABLE (fixture->entry), FALSE);
  g_assert_true (jk_keyboard_press (fixture->keyboard, "z"));
  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, "");
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GtkStyleContext *context = gtk_widget_get_style_context (fixture->window);

  gtk_entry_set_text (fixture->entry, "Núñez 45402");
  for (gsize i = 0; i < G_N_ELEMENTS (layers); i++)
    {
      g_autofree char *name = g_strdup_printf ("keyboard-%s", layers[i]);

      show_layer (fixture->keyboard, layers[i]);
      jk_test_screenshot (fixture->window, name);
    }

  show_layer (fixture->keyboard, "letters");
  g_assert_true (jk_keyboard_press (fixture->keyboard, "shift"));
  jk_test_screenshot (fixture->window, "keyboard-letters-shift");
  jk_keyboard_reset (fixture->keyboard);
  g_assert_true (jk_keyboard_press (fixture->keyboard, "shift"));
  g_assert_true (jk_keyboard_press (fixture->keyboard, "shift"));
  g_assert_nonnull (jk_keyboard_find_key (fixture->keyboard, "A"));
  jk_test_screenshot (fixture->window, "keyboard-letters-caps-lock");
  gtk_style_context_add_class (context, "high-contrast");
  jk_test_screenshot (fixture->window, "keyboard-letters-high-contrast");
  gtk_style_context_remove_class (context, "high-contrast");
  jk_keyboard_reset (fixture->keyboard);
  gtk_style_context_add_class (context, "large-text");
  jk_test_screenshot (fixture->window, "keyboard-letters-large-text");
  gtk_style_context_remove_class (context, "large-text");

  gtk_window_resize (GTK_WINDOW (fixture->window), 1280, 400);
  jk_test_wait_drawn (fixture->window);
  jk_test_screenshot (fixture->window, "keyboard-letters-1280");
}

static gboolean
on_enter_pressed (JkKeyboard *keyboard,
                  Fixture    *fixture)
{
  return TRUE;
}

/* A handler of "enter-pressed" that deals with Enter (the window moving to
 * the next field) keeps the field from being activated. */
static void
test_enter_handled (Fixture       *fixture,
                    gconstpointer  user_data)
{
  fixture->activated = 0;
  g_signal_connect (fixture->keyboard, "enter-pressed", G_CALLBACK (on_enter_pressed), fixture);
  g_assert_true (jk_keyboard_press (fixture->keyboard, "enter"));
  g_assert_cmpuint (fixture->activated, ==, 0);
  g_signal_handlers_disconnect_by_func (fixture->keyboard, on_enter_pressed, fixture);
  g_assert_true (jk_keyboard_press (fixture->keyboard, "enter"));
  g_assert_cmpuint (fixture->activated, ==, 1);
}

/* A screen reader says a sign in words, in the visitor's language; only
 * letters and digits are named by themselves. */
static void
test_signs_named_in_words (Fixture       *fixture,
                           gconstpointer  user_data)
{
  const struct {
    const char *layer;
    const char *key;
    const char *english;
    const char *spanish;
  } signs[] = {
    { "symbols", "@", "at sign", "arroba" },
    { "symbols", "-", "hyphen", "guion" },
    { "symbols", ".", "period", "punto" },
    { "accents", "¿", "inverted question mark", "signo de interrogación de apertura" },
    { "numpad", "/", "slash", "barra" },
  };
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  collect_buttons (GTK_WIDGET (fixture->keyboard), buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      const char *name = get_accessible_name (buttons->pdata[i]);

      if (g_utf8_strlen (name, -1) == 1 && !g_unichar_isalnum (g_utf8_get_char (name)))
        g_error ("a key is named by the bare sign “%s”", name);
    }
  for (int spanish = 0; spanish < 2; spanish++)
    {
      jk_i18n_set_language (spanish ? "es" : "en");
      jk_keyboard_retranslate (fixture->keyboard);
      for (gsize i = 0; i < G_N_ELEMENTS (signs); i++)
        {
          show_layer (fixture->keyboard, signs[i].layer);
          g_assert_cmpstr (get_accessible_name (jk_keyboard_find_key (fixture->keyboard, signs[i].key)), ==,
                           spanish ? signs[i].spanish : signs[i].english);
        }
    }
  jk_i18n_set_language ("en");
  jk_keyboard_retranslate (fixture->keyboard);
}

/* A screen reader reads each layer's keys row by row, left to right. */
static void
test_reading_order (Fixture       *fixture,
                    gconstpointer  user_data)
{
  for (gsize i = 0; i < G_N_ELEMENTS (layers); i++)
    {
      GtkWidget *grid;
      AtkObject *accessible;
      int last_row = -1, last_column = -1;

      show_layer (fixture->keyboard, layers[i]);
      grid = gtk_stack_get_visible_child (get_stack (fixture->keyboard));
      accessible = gtk_widget_get_accessible (grid);
      g_assert_cmpint (atk_object_get_n_accessible_children (accessible), >, 10);
      for (int n = 0; n < atk_object_get_n_accessible_children (accessible); n++)
        {
          AtkObject *child = atk_object_ref_accessible_child (accessible, n);
          GtkWidget *key = gtk_accessible_get_widget (GTK_ACCESSIBLE (child));
          int row = 0, column = 0;

          gtk_container_child_get (GTK_CONTAINER (grid), key, "top-attach", &row, "left-attach", &column, NULL);
          if (row < last_row || (row == last_row && column <= last_column))
            g_error ("layer %s: “%s” is read after a key that comes later", layers[i],
                     get_accessible_name (key));
          last_row = row;
          last_column = column;
          g_object_unref (child);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  jk_i18n_init ();
  /* No display is a failure, never a skip. */
  jk_test_require_display ();
  load_style ();

  g_test_add_func ("/keyboard/mode-for-widget", test_mode_for_widget);
  JK_TEST_ADD ("/keyboard/types-through-layers", Fixture, test_types_through_layers);
  JK_TEST_ADD ("/keyboard/shift", Fixture, test_shift);
  JK_TEST_ADD ("/keyboard/insert-at-cursor", Fixture, test_insert_at_cursor);
  JK_TEST_ADD ("/keyboard/backspace", Fixture, test_backspace);
  JK_TEST_ADD ("/keyboard/backspace-repeats", Fixture, test_backspace_repeats);
  JK_TEST_ADD ("/keyboard/enter-and-hide", Fixture, test_enter_and_hide);
  JK_TEST_ADD ("/keyboard/number-pad", Fixture, test_number_pad);
  JK_TEST_ADD ("/keyboard/keys-named-and-big", Fixture, test_keys_named_and_big);
  JK_TEST_ADD ("/keyboard/entry-keeps-focus", Fixture, test_entry_keeps_focus);
  JK_TEST_ADD ("/keyboard/retranslate-keeps-state", Fixture, test_retranslate_keeps_state);
  JK_TEST_ADD ("/keyboard/target-changes", Fixture, test_target_changes);
  JK_TEST_ADD ("/keyboard/screenshots", Fixture, test_screenshots);
  JK_TEST_ADD ("/keyboard/enter-handled", Fixture, test_enter_handled);
  JK_TEST_ADD ("/keyboard/signs-named-in-words", Fixture, test_signs_named_in_words);
  JK_TEST_ADD ("/keyboard/reading-order", Fixture, test_reading_order);

  return g_test_run ();
}
