/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-keyboard.c: the built-in on-screen keyboard */

#define G_LOG_DOMAIN "jk-keyboard"

#include <jobkiosk/jk-i18n.h>

#include "jk-keyboard.h"
#include "jk-retranslate.h"

/* Backspace held down: the first repeat after this long, then at this pace. */
#define REPEAT_DELAY_MS 500
#define REPEAT_INTERVAL_MS 80
/* Two taps on Shift closer than this lock the capitals. */
#define CAPS_LOCK_TAP_MIN_MS 500
/* Every key is at least this big, whatever the theme says. */
#define KEY_MIN_SIZE 56
/* On a wide screen the letter layers stop growing here, so that a finger
 * does not have to travel the whole width of the kiosk. */
#define TEXT_LAYERS_MAX_WIDTH 1400

typedef enum {
  KEY_END = 0,    /* ends a row */
  KEY_GAP,        /* empty room, to line keys up */
  KEY_CHAR,       /* types its character */
  KEY_LAYER,      /* shows another layer */
  KEY_SHIFT,
  KEY_BACKSPACE,
  KEY_SPACE,
  KEY_ENTER,
  KEY_HIDE,
  N_KEY_KINDS
} KeyKind;

typedef struct {
  KeyKind     kind;
  const char *text;   /* KEY_CHAR: what it types; KEY_LAYER: the layer's name */
  guint       width;  /* in half keys */
} KeyDef;

typedef enum {
  LAYER_LETTERS,
  LAYER_ACCENTS,
  LAYER_SYMBOLS,
  LAYER_NUMPAD,
  N_LAYERS
} Layer;

typedef struct {
  const char          *name;         /* the GtkStack child, and the id of the key showing it */
  const KeyDef *const *rows;
  guint                columns;      /* half keys across every row */
  gboolean             has_shift;
  const char          *switch_label; /* on the key that shows this layer */
  const char          *switch_name;  /* that key's accessible name, a msgid */
} LayerDef;

typedef struct {
  const char *id;     /* for jk_keyboard_press () */
  const char *label;  /* what the key shows: a sign, or a msgid */
  const char *name;   /* accessible name, a msgid */
  const char *style;  /* style class besides "key" */
} SpecialDef;

typedef enum {
  SHIFT_OFF,
  SHIFT_ONCE,
  SHIFT_LOCKED
} ShiftState;

typedef struct {
  JkKeyboard   *keyboard;
  Layer         layer;
  const KeyDef *def;
  GtkButton    *button;
  GtkLabel     *label;
  char         *capital;  /* on a layer with Shift: what the key types shifted */
} Key;

struct _JkKeyboard
{
  GtkBox parent_instance;

  GtkStack *stack;
  GtkGrid *letters_grid;
  GtkGrid *accents_grid;
  GtkGrid *symbols_grid;
  GtkGrid *numpad_grid;

  GPtrArray *keys[N_LAYERS];   /* of Key, in table order */
  Key *shift_key;

  GtkWidget *target;           /* weak */
  JkKeyboardMode mode;
  Layer layer;
  ShiftState shift;
  gint64 shift_tapped_at;

  guint repeat_id;
  gboolean repeating;          /* Backspace has deleted on its own since the press */
};

enum {
  SIGNAL_HIDE_REQUESTED,
  SIGNAL_ENTER_PRESSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void on_key_clicked        (GtkButton *button,
                                   Key       *key);
static void on_backspace_pressed  (GtkButton *button,
                                   Key       *key);
static void on_backspace_released (GtkButton *button,
                                   Key       *key);

G_DEFINE_FINAL_TYPE (JkKeyboard, jk_keyboard, GTK_TYPE_BOX)

/* ---------------------------------------------------------------------- */
/* Layouts                                                                */

#define CH(c) { KEY_CHAR, (c), 2 }
#define GAP(w) { KEY_GAP, NULL, (w) }
#define SPECIAL(kind, w) { (kind), NULL, (w) }
#define SHOW(layer, w) { KEY_LAYER, (layer), (w) }
#define END { KEY_END, NULL, 0 }

/* Twenty half keys across. The bottom row is the same everywhere: the key
 * in the first place (and in the second) takes you back where you were. */
static const KeyDef letters_row1[] = {
  CH ("q"), CH ("w"), CH ("e"), CH ("r"), CH ("t"), CH ("y"), CH ("u"), CH ("i"), CH ("o"), CH ("p"), END
};
static const KeyDef letters_row2[] = {
  CH ("a"), CH ("s"), CH ("d"), CH ("f"), CH ("g"), CH ("h"), CH ("j"), CH ("k"), CH ("l"), CH ("ñ"), END
};
static const KeyDef letters_row3[] = {
  SPECIAL (KEY_SHIFT, 3),
  CH ("z"), CH ("x"), CH ("c"), CH ("v"), CH ("b"), CH ("n"), CH ("m"),
  SPECIAL (KEY_BACKSPACE, 3), END
};
static const KeyDef letters_row4[] = {
  SHOW ("symbols", 3), SHOW ("accents", 3), SPECIAL (KEY_SPACE, 8), SPECIAL (KEY_ENTER, 3), SPECIAL (KEY_HIDE, 3), END
};
static const KeyDef *const letters_rows[] = { letters_row1, letters_row2, letters_row3, letters_row4, NULL };

/* Capitals have a row of their own, so there is no Shift to learn here. */
static const KeyDef accents_row1[] = {
  GAP (3), CH ("á"), CH ("é"), CH ("í"), CH ("ó"), CH ("ú"), CH ("ü"), CH ("ñ"), GAP (3), END
};
static const KeyDef accents_row2[] = {
  GAP (3), CH ("Á"), CH ("É"), CH ("Í"), CH ("Ó"), CH ("Ú"), CH ("Ü"), CH ("Ñ"), GAP (3), END
};
static const KeyDef accents_row3[] = {
  GAP (3), CH ("¿"), CH ("¡"), CH ("?"), CH ("!"), CH ("."), CH (","), CH ("-"), SPECIAL (KEY_BACKSPACE, 3), END
};
static const KeyDef accents_row4[] = {
  SHOW ("symbols", 3), SHOW ("letters", 3), SPECIAL (KEY_SPACE, 8), SPECIAL (KEY_ENTER, 3), SPECIAL (KEY_HIDE, 3), END
};
static const KeyDef *const accents_rows[] = { accents_row1, accents_row2, accents_row3, accents_row4, NULL };

static const KeyDef symbols_row1[] = {
  CH ("1"), CH ("2"), CH ("3"), CH ("4"), CH ("5"), CH ("6"), CH ("7"), CH ("8"), CH ("9"), CH ("0"), END
};
static const KeyDef symbols_row2[] = {
  CH ("-"), CH ("/"), CH (":"), CH (";"), CH ("("), CH (")"), CH ("$"), CH ("&"), CH ("@"), CH ("\""), END
};
static const KeyDef symbols_row3[] = {
  GAP (1), CH ("."), CH (","), CH ("?"), CH ("!"), CH ("'"), CH ("#"), CH ("%"), CH ("+"),
  SPECIAL (KEY_BACKSPACE, 3), END
};
static const KeyDef symbols_row4[] = {
  SHOW ("letters", 3), CH ("="), CH ("_"), CH ("*"), SPECIAL (KEY_SPACE, 5), SPECIAL (KEY_ENTER, 3),
  SPECIAL (KEY_HIDE, 3), END
};
static const KeyDef *const symbols_rows[] = { symbols_row1, symbols_row2, symbols_row3, symbols_row4, NULL };

/* Eleven half keys: marks for phone numbers, dates and times, a 3x4 pad,
 * then the keys that do something. */
static const KeyDef numpad_row1[] = {
  CH ("("), CH ("1"), CH ("2"), CH ("3"), SPECIAL (KEY_BACKSPACE, 3), END
};
static const KeyDef numpad_row2[] = {
  CH (")"), CH ("4"), CH ("5"), CH ("6"), SPECIAL (KEY_SPACE, 3), END
};
static const KeyDef numpad_row3[] = {
  CH ("-"), CH ("7"), CH ("8"), CH ("9"), SPECIAL (KEY_ENTER, 3), END
};
static const KeyDef numpad_row4[] = {
  CH ("/"), CH (":"), CH ("0"), CH ("."), SPECIAL (KEY_HIDE, 3), END
};
static const KeyDef *const numpad_rows[] = { numpad_row1, numpad_row2, numpad_row3, numpad_row4, NULL };

static const LayerDef layer_defs[N_LAYERS] = {
  /* TRANSLATORS: accessible name of the key that shows the letters */
  [LAYER_LETTERS] = { "letters", letters_rows, 20, TRUE, "ABC", N_("Letters") },
  /* TRANSLATORS: accessible name of the key that shows á é í ó ú ü ñ ¿ ¡ */
  [LAYER_ACCENTS] = { "accents", accents_rows, 20, FALSE, "áñ", N_("Spanish letters") },
  /* TRANSLATORS: accessible name of the key that shows digits and punctuation */
  [LAYER_SYMBOLS] = { "symbols", symbols_rows, 20, FALSE, "123", N_("Numbers and symbols") },
  [LAYER_NUMPAD] = { "numpad", numpad_rows, 11, FALSE, NULL, NULL },
};

static const SpecialDef special_defs[N_KEY_KINDS] = {
  [KEY_SHIFT] = { "shift", "⇧", N_("Shift"), "key-special" },
  [KEY_BACKSPACE] = { "backspace", "⌫", N_("Backspace"), "key-special" },
  /* TRANSLATORS: the space bar of the on-screen keyboard */
  [KEY_SPACE] = { "space", N_("Space"), N_("Space"), "key-space" },
  /* TRANSLATORS: the Enter key of the on-screen keyboard; keep it short */
  [KEY_ENTER] = { "enter", N_("Enter"), N_("Enter"), "key-enter" },
  /* TRANSLATORS: the key that puts the on-screen keyboard away; keep it short */
  [KEY_HIDE] = { "hide", N_("Hide"), N_("Hide keyboard"), "key-special" },
};

/* A sign is named in words, as a screen reader should say it, not by the
 * bare character (which many readers skip or misread). */
static const struct {
  const char *text;
  const char *name;
} sign_names[] = {
  /* TRANSLATORS: accessible names of the keyboard's signs, said by a screen reader */
  { "-", N_("hyphen") },
  { "/", N_("slash") },
  { ":", N_("colon") },
  { ";", N_("semicolon") },
  { "(", N_("left parenthesis") },
  { ")", N_("right parenthesis") },
  { "$", N_("dollar sign") },
  { "&", N_("ampersand") },
  { "@", N_("at sign") },
  { "\"", N_("quotation mark") },
  { ".", N_("period") },
  { ",", N_("comma") },
  { "?", N_("question mark") },
  { "!", N_("exclamation mark") },
  { "'", N_("apostrophe") },
  { "#", N_("number sign") },
  { "%", N_("percent sign") },
  { "+", N_("plus sign") },
  { "=", N_("equals sign") },
  { "_", N_("underscore") },
  { "*", N_("asterisk") },
  { "¿", N_("inverted question mark") },
  { "¡", N_("inverted exclamation mark") },
};

/* Said by a screen reader after the key's name. */
static const struct {
  const char *text;
  const char *description;
} key_descriptions[] = {
  { "á", N_("a with acute accent") },
  { "é", N_("e with acute accent") },
  { "í", N_("i with acute accent") },
  { "ó", N_("o with acute accent") },
  { "ú", N_("u with acute accent") },
  { "ü", N_("u with diaeresis") },
  { "ñ", N_("n with tilde") },
  { "Á", N_("capital A with acute accent") },
  { "É", N_("capital E with acute accent") },
  { "Í", N_("capital I with acute accent") },
  { "Ó", N_("capital O with acute accent") },
  { "Ú", N_("capital U with acute accent") },
  { "Ü", N_("capital U with diaeresis") },
  { "Ñ", N_("capital N with tilde") },
};

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
key_free (gpointer data)
{
  Key *key = data;

  g_free (key->capital);
  g_free (key);
}

static GtkGrid *
get_layer_grid (JkKeyboard *self,
                Layer       layer)
{
  switch (layer)
    {
    case LAYER_LETTERS:
      return self->letters_grid;
    case LAYER_ACCENTS:
      return self->accents_grid;
    case LAYER_SYMBOLS:
      return self->symbols_grid;
    case LAYER_NUMPAD:
    case N_LAYERS:
    default:
      return self->numpad_grid;
    }
}

static Layer
find_layer (const char *name)
{
  for (guint i = 0; i < N_LAYERS; i++)
    {
      if (g_strcmp0 (layer_defs[i].name, name) == 0)
        return i;
    }
  g_return_val_if_reached (LAYER_LETTERS);
}

/* What a character key types now. */
static const char *
get_key_output (JkKeyboard *self,
                Key        *key)
{
  if (key->capital != NULL && self->shift != SHIFT_OFF)
    return key->capital;
  return key->def->text;
}

static const char *
find_sign_name (const char *text)
{
  for (gsize i = 0; i < G_N_ELEMENTS (sign_names); i++)
    {
      if (g_strcmp0 (sign_names[i].text, text) == 0)
        return sign_names[i].name;
    }
  return NULL;
}

static const char *
find_description (const char *text)
{
  for (gsize i = 0; i < G_N_ELEMENTS (key_descriptions); i++)
    {
      if (g_strcmp0 (key_descriptions[i].text, text) == 0)
        return key_descriptions[i].description;
    }
  return NULL;
}

static gboolean
key_has_id (JkKeyboard *self,
            Key        *key,
            const char *key_id)
{
  switch (key->def->kind)
    {
    case KEY_CHAR:
      return g_strcmp0 (get_key_output (self, key), key_id) == 0;
    case KEY_LAYER:
      return g_strcmp0 (key->def->text, key_id) == 0;
    case KEY_SHIFT:
    case KEY_BACKSPACE:
    case KEY_SPACE:
    case KEY_ENTER:
    case KEY_HIDE:
      return g_strcmp0 (special_defs[key->def->kind].id, key_id) == 0;
    case KEY_END:
    case KEY_GAP:
    case N_KEY_KINDS:
    default:
      return FALSE;
    }
}

/* Sets what a key shows and how a screen reader names it. Every string goes
 * through jk_retranslate so that a window-wide capture and apply (which
 * would otherwise record a letter key's current face as its msgid) always
 * puts back the key's face of the moment. Signs and letters have no
 * translation, so _() gives them back unchanged. */
static void
update_key_face (JkKeyboard *self,
                 Key        *key)
{
  const KeyDef *def = key->def;
  AtkObject *accessible = gtk_widget_get_accessible (GTK_WIDGET (key->button));
  const char *text;
  const char *description;

  switch (def->kind)
    {
    case KEY_CHAR:
      text = get_key_output (self, key);
      jk_retranslate_set_label (key->label, text);
      jk_retranslate_set_a11y_name (GTK_WIDGET (key->button),
                                    find_sign_name (text) != NULL ? find_sign_name (text) : text);
      description = find_description (text);
      if (description != NULL)
        atk_object_set_description (accessible, _(description));
      break;
    case KEY_LAYER:
      {
        const LayerDef *shown = &layer_defs[find_layer (def->text)];

        jk_retranslate_set_label (key->label, shown->switch_label);
        jk_retranslate_set_a11y_name (GTK_WIDGET (key->button), shown->switch_name);
      }
      break;
    case KEY_SHIFT:
    case KEY_BACKSPACE:
    case KEY_SPACE:
    case KEY_ENTER:
    case KEY_HIDE:
      jk_retranslate_set_label (key->label, special_defs[def->kind].label);
      jk_retranslate_set_a11y_name (GTK_WIDGET (key->button), special_defs[def->kind].name);
      break;
    case KEY_END:
    case KEY_GAP:
    case N_KEY_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static void
update_shift_key (JkKeyboard *self)
{
  GtkStyleContext *context;
  AtkObject *accessible;
  const char *description;

  if (self->shift_key == NULL)
    return;
  context = gtk_widget_get_style_context (GTK_WIDGET (self->shift_key->button));
  accessible = gtk_widget_get_accessible (GTK_WIDGET (self->shift_key->button));
  if (self->shift == SHIFT_ONCE)
    gtk_style_context_add_class (context, "key-latched");
  else
    gtk_style_context_remove_class (context, "key-latched");
  if (self->shift == SHIFT_LOCKED)
    gtk_style_context_add_class (context, "key-locked");
  else
    gtk_style_context_remove_class (context, "key-locked");

  jk_retranslate_set_label (self->shift_key->label, self->shift == SHIFT_LOCKED ? "⇪" : "⇧");
  switch (self->shift)
    {
    case SHIFT_ONCE:
      description = N_("On: the next letter is a capital");
      break;
    case SHIFT_LOCKED:
      description = N_("Locked: all letters are capitals until you tap Shift again");
      break;
    case SHIFT_OFF:
    default:
      description = N_("Tap once for one capital letter, twice for all capitals");
      break;
    }
  atk_object_set_description (accessible, _(description));
}

static void
set_shift (JkKeyboard *self,
           ShiftState  shift)
{
  GPtrArray *keys = self->keys[LAYER_LETTERS];

  self->shift = shift;
  update_shift_key (self);
  for (guint i = 0; i < keys->len; i++)
    {
      Key *key = g_ptr_array_index (keys, i);

      if (key->capital != NULL)
        update_key_face (self, key);
    }
}

static void
tap_shift (JkKeyboard *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  gint64 now = g_get_monotonic_time ();
  int double_tap_ms = 0;

  g_object_get (settings, "gtk-double-click-time", &double_tap_ms, NULL);
  double_tap_ms = MAX (double_tap_ms, CAPS_LOCK_TAP_MIN_MS);

  if (self->shift == SHIFT_ONCE && now - self->shift_tapped_at <= (gint64) double_tap_ms * 1000)
    set_shift (self, SHIFT_LOCKED);
  else if (self->shift == SHIFT_OFF)
    set_shift (self, SHIFT_ONCE);
  else
    set_shift (self, SHIFT_OFF);
  self->shift_tapped_at = now;
}

static void
stop_repeat (JkKeyboard *self)
{
  g_clear_handle_id (&self->repeat_id, g_source_remove);
  self->repeating = FALSE;
}

static void
show_layer (JkKeyboard *self,
            Layer       layer)
{
  stop_repeat (self);
  /* A capital asked for on one layer is not wanted on another; Caps Lock
   * stays until Shift is tapped again. */
  if (self->shift == SHIFT_ONCE)
    set_shift (self, SHIFT_OFF);
  self->layer = layer;
  gtk_stack_set_visible_child_name (self->stack, layer_defs[layer].name);
}

static GtkEditable *
get_editable_target (JkKeyboard *self)
{
  if (self->target == NULL || !GTK_IS_EDITABLE (self->target))
    return NULL;
  if (!gtk_editable_get_editable (GTK_EDITABLE (self->target)))
    return NULL;
  return GTK_EDITABLE (self->target);
}

/* Types at the cursor, over the selection if there is one, and leaves the
 * cursor after what was typed. Never logs the text: it is the visitor's. */
static void
insert_text (JkKeyboard *self,
             const char *text)
{
  GtkEditable *editable = get_editable_target (self);
  int start, end, position;

  if (editable == NULL)
    return;
  if (gtk_editable_get_selection_bounds (editable, &start, &end))
    gtk_editable_delete_text (editable, start, end);
  position = gtk_editable_get_position (editable);
  gtk_editable_insert_text (editable, text, -1, &position);
  gtk_editable_set_position (editable, position);
}

static void
delete_backward (JkKeyboard *self)
{
  GtkEditable *editable = get_editable_target (self);
  int start, end, position;

  if (editable == NULL)
    return;
  if (gtk_editable_get_selection_bounds (editable, &start, &end))
    {
      gtk_editable_delete_text (editable, start, end);
      return;
    }
  position = gtk_editable_get_position (editable);
  if (position > 0)
    gtk_editable_delete_text (editable, position - 1, position);
}

static Key *
create_key (JkKeyboard   *self,
            Layer         layer,
            const KeyDef *def)
{
  Key *key = g_new0 (Key, 1);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkStyleContext *context = gtk_widget_get_style_context (button);

  key->keyboard = self;
  key->layer = layer;
  key->def = def;
  key->button = GTK_BUTTON (button);
  key->label = GTK_LABEL (label);
  if (def->kind == KEY_CHAR && layer_defs[layer].has_shift)
    {
      key->capital = g_utf8_strup (def->text, -1);
      if (g_strcmp0 (key->capital, def->text) == 0)
        g_clear_pointer (&key->capital, g_free);
    }

  /* The target keeps the focus, always. */
  gtk_widget_set_can_focus (button, FALSE);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_set_size_request (button, KEY_MIN_SIZE, KEY_MIN_SIZE);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_vexpand (button, TRUE);

  gtk_style_context_add_class (context, "key");
  if (def->kind == KEY_LAYER)
    gtk_style_context_add_class (context, "key-special");
  else if (def->kind != KEY_CHAR)
    gtk_style_context_add_class (context, special_defs[def->kind].style);
  if (def->kind == KEY_ENTER)
    gtk_style_context_add_class (context, "key-special");
  if (def->kind == KEY_SHIFT || def->kind == KEY_BACKSPACE)
    gtk_style_context_add_class (context, "key-sign");
  /* On the pad, set the marks apart from the digits. */
  if (layer == LAYER_NUMPAD && def->kind == KEY_CHAR && !g_ascii_isdigit (def->text[0]))
    gtk_style_context_add_class (context, "key-mark");

  if (def->kind == KEY_HIDE)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *image = gtk_image_new_from_icon_name ("go-down-symbolic", GTK_ICON_SIZE_LARGE_TOOLBAR);

      gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
      gtk_container_add (GTK_CONTAINER (box), label);
      gtk_container_add (GTK_CONTAINER (box), image);
      gtk_container_add (GTK_CONTAINER (button), box);
    }
  else
    {
      gtk_container_add (GTK_CONTAINER (button), label);
    }
  gtk_widget_show_all (button);

  update_key_face (self, key);
  return key;
}

typedef struct {
  Key *key;
  guint column;
  guint row;
} Placement;

static void
build_layer (JkKeyboard *self,
             Layer       layer)
{
  const LayerDef *layer_def = &layer_defs[layer];
  GtkGrid *grid = get_layer_grid (self, layer);
  g_autoptr (GArray) placements = g_array_new (FALSE, FALSE, sizeof (Placement));

  self->keys[layer] = g_ptr_array_new_with_free_func (key_free);
  for (guint row = 0; layer_def->rows[row] != NULL; row++)
    {
      guint column = 0;

      for (const KeyDef *def = layer_def->rows[row]; def->kind != KEY_END; def++)
        {
          if (def->kind != KEY_GAP)
            {
              Key *key = create_key (self, layer, def);
              Placement placement = { key, column, row };

              g_array_append_val (placements, placement);
              g_signal_connect (key->button, "clicked", G_CALLBACK (on_key_clicked), key);
              if (def->kind == KEY_BACKSPACE)
                {
                  g_signal_connect (key->button, "pressed", G_CALLBACK (on_backspace_pressed), key);
                  g_signal_connect (key->button, "released", G_CALLBACK (on_backspace_released), key);
                }
              if (def->kind == KEY_SHIFT)
                self->shift_key = key;
              g_ptr_array_add (self->keys[layer], key);
            }
          column += def->width;
        }
      g_warn_if_fail (column == layer_def->columns);
    }
  /* GtkGrid lists its children last attached first, and a screen reader
   * reads them in that order: attached backwards, the keys read row by
   * row, left to right, as they are seen. */
  for (guint i = placements->len; i > 0; i--)
    {
      Placement *placement = &g_array_index (placements, Placement, i - 1);

      gtk_grid_attach (grid, GTK_WIDGET (placement->key->button), placement->column, placement->row,
                       placement->key->def->width, 1);
    }
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static gboolean
repeat_backspace_cb (gpointer user_data)
{
  JkKeyboard *self = user_data;

  delete_backward (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
start_repeat_cb (gpointer user_data)
{
  JkKeyboard *self = user_data;

  self->repeating = TRUE;
  delete_backward (self);
  self->repeat_id = g_timeout_add (REPEAT_INTERVAL_MS, repeat_backspace_cb, self);
  g_source_set_name_by_id (self->repeat_id, "[jk-keyboard] backspace repeat");
  return G_SOURCE_REMOVE;
}

static void
on_backspace_pressed (GtkButton *button,
                      Key       *key)
{
  JkKeyboard *self = key->keyboard;

  stop_repeat (self);
  self->repeat_id = g_timeout_add (REPEAT_DELAY_MS, start_repeat_cb, self);
  g_source_set_name_by_id (self->repeat_id, "[jk-keyboard] backspace delay");
}

/* GtkButton emits "clicked" from its own "released" handler, before this
 * one runs; a press that already repeated has been dealt with there. */
static void
on_backspace_released (GtkButton *button,
                       Key       *key)
{
  stop_repeat (key->keyboard);
}

static void
on_key_clicked (GtkButton *button,
                Key       *key)
{
  JkKeyboard *self = key->keyboard;
  gboolean repeated;

  switch (key->def->kind)
    {
    case KEY_CHAR:
      insert_text (self, get_key_output (self, key));
      if (key->capital != NULL && self->shift == SHIFT_ONCE)
        set_shift (self, SHIFT_OFF);
      break;
    case KEY_SPACE:
      insert_text (self, " ");
      break;
    case KEY_BACKSPACE:
      /* A tap deletes one; a press held long enough to repeat has already
       * deleted all it should. */
      repeated = self->repeating;
      stop_repeat (self);
      if (!repeated)
        delete_backward (self);
      break;
    case KEY_SHIFT:
      tap_shift (self);
      break;
    case KEY_LAYER:
      show_layer (self, find_layer (key->def->text));
      break;
    case KEY_ENTER:
      {
        gboolean handled = FALSE;

        g_signal_emit (self, signals[SIGNAL_ENTER_PRESSED], 0, &handled);
        if (!handled && self->target != NULL)
          gtk_widget_activate (self->target);
      }
      break;
    case KEY_HIDE:
      stop_repeat (self);
      g_signal_emit (self, signals[SIGNAL_HIDE_REQUESTED], 0);
      break;
    case KEY_END:
    case KEY_GAP:
    case N_KEY_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_keyboard_unmap (GtkWidget *widget)
{
  stop_repeat (JK_KEYBOARD (widget));
  GTK_WIDGET_CLASS (jk_keyboard_parent_class)->unmap (widget);
}

static void
jk_keyboard_size_allocate (GtkWidget     *widget,
                           GtkAllocation *allocation)
{
  JkKeyboard *self = JK_KEYBOARD (widget);
  GtkAllocation stack_allocation;

  GTK_WIDGET_CLASS (jk_keyboard_parent_class)->size_allocate (widget, allocation);

  gtk_widget_get_allocation (GTK_WIDGET (self->stack), &stack_allocation);
  if (stack_allocation.width > TEXT_LAYERS_MAX_WIDTH)
    {
      stack_allocation.x += (stack_allocation.width - TEXT_LAYERS_MAX_WIDTH) / 2;
      stack_allocation.width = TEXT_LAYERS_MAX_WIDTH;
      gtk_widget_size_allocate (GTK_WIDGET (self->stack), &stack_allocation);
    }
}

static void
jk_keyboard_dispose (GObject *object)
{
  JkKeyboard *self = JK_KEYBOARD (object);

  stop_repeat (self);
  g_clear_weak_pointer (&self->target);
  self->shift_key = NULL;

  G_OBJECT_CLASS (jk_keyboard_parent_class)->dispose (object);
}

static void
jk_keyboard_finalize (GObject *object)
{
  JkKeyboard *self = JK_KEYBOARD (object);

  for (guint i = 0; i < N_LAYERS; i++)
    g_clear_pointer (&self->keys[i], g_ptr_array_unref);

  G_OBJECT_CLASS (jk_keyboard_parent_class)->finalize (object);
}

static void
jk_keyboard_class_init (JkKeyboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jk_keyboard_dispose;
  object_class->finalize = jk_keyboard_finalize;
  widget_class->unmap = jk_keyboard_unmap;
  widget_class->size_allocate = jk_keyboard_size_allocate;

  /**
   * JkKeyboard::hide-requested:
   *
   * The visitor tapped Hide; the window puts the keyboard away.
   */
  signals[SIGNAL_HIDE_REQUESTED] = g_signal_new ("hide-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * JkKeyboard::enter-pressed:
   *
   * The visitor tapped Enter. A handler that returns TRUE has dealt with
   * it (the window moves to the next field, or does the page's main
   * action); otherwise the target is activated, as a real Enter would.
   */
  signals[SIGNAL_ENTER_PRESSED] = g_signal_new ("enter-pressed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                0, g_signal_accumulator_true_handled, NULL, NULL,
                                                G_TYPE_BOOLEAN, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/shell/jk-keyboard.ui");
  gtk_widget_class_bind_template_child (widget_class, JkKeyboard, stack);
  gtk_widget_class_bind_template_child (widget_class, JkKeyboard, letters_grid);
  gtk_widget_class_bind_template_child (widget_class, JkKeyboard, accents_grid);
  gtk_widget_class_bind_template_child (widget_class, JkKeyboard, symbols_grid);
  gtk_widget_class_bind_template_child (widget_class, JkKeyboard, numpad_grid);
  gtk_widget_class_set_css_name (widget_class, "jkkeyboard");
}

static void
jk_keyboard_init (JkKeyboard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint layer = 0; layer < N_LAYERS; layer++)
    build_layer (self, layer);
  /* TRANSLATORS: accessible name of the whole on-screen keyboard */
  jk_retranslate_set_a11y_name (GTK_WIDGET (self), N_("On-screen keyboard"));

  self->mode = JK_KEYBOARD_MODE_TEXT;
  set_shift (self, SHIFT_OFF);
  show_layer (self, LAYER_LETTERS);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

GtkWidget *
jk_keyboard_new (void)
{
  return g_object_new (JK_TYPE_KEYBOARD, NULL);
}

void
jk_keyboard_set_target (JkKeyboard *self,
                        GtkWidget  *editable)
{
  g_return_if_fail (JK_IS_KEYBOARD (self));
  g_return_if_fail (editable == NULL || GTK_IS_EDITABLE (editable));

  if (self->target == editable)
    return;
  stop_repeat (self);
  g_set_weak_pointer (&self->target, editable);
}

GtkWidget *
jk_keyboard_get_target (JkKeyboard *self)
{
  g_return_val_if_fail (JK_IS_KEYBOARD (self), NULL);

  return self->target;
}

void
jk_keyboard_set_mode (JkKeyboard     *self,
                      JkKeyboardMode  mode)
{
  g_return_if_fail (JK_IS_KEYBOARD (self));
  g_return_if_fail (mode == JK_KEYBOARD_MODE_TEXT || mode == JK_KEYBOARD_MODE_NUMBER_PAD);

  self->mode = mode;
  show_layer (self, mode == JK_KEYBOARD_MODE_NUMBER_PAD ? LAYER_NUMPAD : LAYER_LETTERS);
}

JkKeyboardMode
jk_keyboard_get_mode (JkKeyboard *self)
{
  g_return_val_if_fail (JK_IS_KEYBOARD (self), JK_KEYBOARD_MODE_TEXT);

  return self->mode;
}

JkKeyboardMode
jk_keyboard_mode_for_widget (GtkWidget *editable)
{
  GtkInputPurpose purpose = GTK_INPUT_PURPOSE_FREE_FORM;

  g_return_val_if_fail (editable == NULL || GTK_IS_WIDGET (editable), JK_KEYBOARD_MODE_TEXT);

  if (editable == NULL || g_object_class_find_property (G_OBJECT_GET_CLASS (editable), "input-purpose") == NULL)
    return JK_KEYBOARD_MODE_TEXT;
  g_object_get (editable, "input-purpose", &purpose, NULL);
  switch (purpose)
    {
    case GTK_INPUT_PURPOSE_DIGITS:
    case GTK_INPUT_PURPOSE_NUMBER:
    case GTK_INPUT_PURPOSE_PHONE:
    case GTK_INPUT_PURPOSE_PIN:
      return JK_KEYBOARD_MODE_NUMBER_PAD;
    case GTK_INPUT_PURPOSE_FREE_FORM:
    case GTK_INPUT_PURPOSE_ALPHA:
    case GTK_INPUT_PURPOSE_URL:
    case GTK_INPUT_PURPOSE_EMAIL:
    case GTK_INPUT_PURPOSE_NAME:
    case GTK_INPUT_PURPOSE_PASSWORD:
    case GTK_INPUT_PURPOSE_TERMINAL:
    default:
      return JK_KEYBOARD_MODE_TEXT;
    }
}

void
jk_keyboard_reset (JkKeyboard *self)
{
  g_return_if_fail (JK_IS_KEYBOARD (self));

  stop_repeat (self);
  set_shift (self, SHIFT_OFF);
  self->mode = JK_KEYBOARD_MODE_TEXT;
  show_layer (self, LAYER_LETTERS);
}

void
jk_keyboard_retranslate (JkKeyboard *self)
{
  g_return_if_fail (JK_IS_KEYBOARD (self));

  jk_retranslate_apply (GTK_WIDGET (self));
  for (guint layer = 0; layer < N_LAYERS; layer++)
    {
      for (guint i = 0; i < self->keys[layer]->len; i++)
        update_key_face (self, g_ptr_array_index (self->keys[layer], i));
    }
  update_shift_key (self);
}

gboolean
jk_keyboard_press (JkKeyboard *self,
                   const char *key_id)
{
  GtkWidget *button;

  g_return_val_if_fail (JK_IS_KEYBOARD (self), FALSE);
  g_return_val_if_fail (key_id != NULL, FALSE);

  button = jk_keyboard_find_key (self, key_id);
  if (button == NULL)
    return FALSE;
  gtk_button_clicked (GTK_BUTTON (button));
  return TRUE;
}

GtkWidget *
jk_keyboard_find_key (JkKeyboard *self,
                      const char *key_id)
{
  GPtrArray *keys;

  g_return_val_if_fail (JK_IS_KEYBOARD (self), NULL);
  g_return_val_if_fail (key_id != NULL, NULL);

  keys = self->keys[self->layer];
  for (guint i = 0; i < keys->len; i++)
    {
      Key *key = g_ptr_array_index (keys, i);

      if (key_has_id (self, key, key_id))
        return GTK_WIDGET (key->button);
    }
  return NULL;
}
