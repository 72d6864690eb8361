/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-spell-chips.c: spelling fixes offered as chips under an entry or a text view, in English and Spanish */

#include <string.h>
#include <gspell/gspell.h>
#include <jobkiosk/jk-i18n.h>

#include "widgets/jk-spell-chips.h"
#include "jk-test.h"
#include "jk-test-ui-util.h"

typedef struct {
  GtkWidget *window;
  GtkWidget *box;
  GtkEntry *entry;
  GtkEntry *other_entry;
  GtkTextView *text_view;
  JkSpellChips *chips;
  JkSession *session;
  GPtrArray *suggested;          /* words of "suggested", in order */
} Fixture;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
load_style (void)
{
  g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/org/jobkiosk/JobKiosk/shell/style.css");
  gtk_style_context_add_provider_for_screen (gdk_screen_get_default (), GTK_STYLE_PROVIDER (provider),
                                             GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* The dictionaries are the kiosk's own dependencies (packaging/dev/packages):
 * missing, the tests cannot say anything, and under CI that is a failure. */
static gboolean
have_dictionaries (void)
{
  gboolean english = gspell_language_lookup ("en_US") != NULL;
  gboolean spanish = FALSE;

  for (const GList *l = gspell_language_get_available (); l != NULL; l = l->next)
    if (g_str_has_prefix (gspell_language_get_code (l->data), "es"))
      spanish = TRUE;
  if (english && spanish)
    return TRUE;
  if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
    g_error ("hunspell dictionaries missing (install hunspell-en-us and hunspell-es)");
  g_test_skip ("hunspell dictionaries missing (install hunspell-en-us and hunspell-es)");
  return FALSE;
}

static void
give_window_focus (GtkWidget *window)
{
  GdkEvent *event;

  if (gtk_window_is_active (GTK_WINDOW (window)))
    return;
  /* No window manager under Xvfb hands out the focus: say the window has it. */
  event = gdk_event_new (GDK_FOCUS_CHANGE);
  event->focus_change.window = g_object_ref (gtk_widget_get_window (window));
  event->focus_change.send_event = TRUE;
  event->focus_change.in = TRUE;
  gdk_event_set_device (event, gdk_seat_get_keyboard (gdk_display_get_default_seat (gtk_widget_get_display (window))));
  gtk_main_do_event (event);
  gdk_event_free (event);
}

/* Types text into the focused field one key at a time, as a keyboard does. */
static void
type_text (Fixture    *fixture,
           const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    jk_test_press_key (fixture->window, gdk_unicode_to_keyval (g_utf8_get_char (p)));
}

static gboolean
row_shown (gpointer user_data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (user_data));
}

static gboolean
row_hidden (gpointer user_data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (user_data));
}

static gboolean
offers_dishwaser (gpointer user_data)
{
  return g_strcmp0 (jk_spell_chips_get_word (user_data), "dishwaser") == 0;
}

static void
on_suggested (JkSpellChips *chips,
              const char   *word,
              Fixture      *fixture)
{
  g_ptr_array_add (fixture->suggested, g_strdup (word));
}

static GtkWidget *
labelled (const char *text,
          GtkWidget  *field)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_style_context_add_class (gtk_widget_get_style_context (label), "field-label");
  gtk_container_add (GTK_CONTAINER (box), label);
  gtk_container_add (GTK_CONTAINER (box), field);
  atk_object_set_name (gtk_widget_get_accessible (field), text);
  return box;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  GtkWidget *scroller;

  jk_i18n_set_language ("en");
  fixture->suggested = g_ptr_array_new_with_free_func (g_free);
  fixture->session = jk_session_new ("en", FALSE, FALSE);
  fixture->window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 720);
  fixture->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  g_object_set (fixture->box, "margin", 48, NULL);

  /* A step of the resume builder as it will look: fields, the chips
   * under them. */
  fixture->entry = GTK_ENTRY (gtk_entry_new ());
  fixture->other_entry = GTK_ENTRY (gtk_entry_new ());
  fixture->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (fixture->text_view, GTK_WRAP_WORD_CHAR);
  scroller = gtk_scrolled_window_new (NULL, NULL);
  gtk_widget_set_size_request (scroller, -1, 120);
  gtk_container_add (GTK_CONTAINER (scroller), GTK_WIDGET (fixture->text_view));
  gtk_container_add (GTK_CONTAINER (fixture->box), labelled ("Job title", GTK_WIDGET (fixture->entry)));
  fixture->chips = jk_spell_chips_new ();
  gtk_container_add (GTK_CONTAINER (fixture->box), GTK_WIDGET (fixture->chips));
  gtk_container_add (GTK_CONTAINER (fixture->box), labelled ("Employer", GTK_WIDGET (fixture->other_entry)));
  gtk_container_add (GTK_CONTAINER (fixture->box), labelled ("What you did", scroller));
  gtk_container_add (GTK_CONTAINER (fixture->window), fixture->box);

  jk_spell_chips_set_session (fixture->chips, fixture->session);
  g_signal_connect (fixture->chips, "suggested", G_CALLBACK (on_suggested), fixture);

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
  /* The kept words are the visit's: the next case starts a new one. */
  jk_session_reset (fixture->session);
  gtk_widget_destroy (fixture->window);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_object_unref (fixture->session);
  g_ptr_array_unref (fixture->suggested);
  jk_i18n_set_language ("en");
}

static gboolean
settled (gpointer user_data)
{
  return !jk_spell_chips_is_pending (user_data);
}

/* Checks now and waits for the suggestions, found on their own thread. */
static void
check_now (Fixture *fixture)
{
  jk_spell_chips_check_now (fixture->chips);
  jk_test_wait_until (settled, fixture->chips, 5000);
}

/* Touches a chip and waits for the next word's, if any. */
static void
click_chip (Fixture    *fixture,
            const char *name)
{
  jk_test_click (GTK_WIDGET (fixture->chips), name);
  jk_test_wait_until (settled, fixture->chips, 5000);
}

static void
set_entry_text (Fixture    *fixture,
                const char *text)
{
  gtk_entry_set_text (fixture->entry, text);
  gtk_editable_set_position (GTK_EDITABLE (fixture->entry), -1);
  check_now (fixture);
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* Whether the text view underlines the first occurrence of word. */
static gboolean
underlined (GtkTextView *view,
            const char  *word)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "jk-misspelt");
  GtkTextIter start, match;

  gtk_text_buffer_get_start_iter (buffer, &start);
  if (tag == NULL || !gtk_text_iter_forward_search (&start, word, 0, &match, NULL, NULL))
    return FALSE;
  gtk_text_iter_forward_char (&match);
  return gtk_text_iter_has_tag (&match, tag);
}

/* ---------------------------------------------------------------------- */
/* Tests                                                                  */

static void
test_english_entry (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GtkWidget *good;
  g_autofree char *said = NULL;

  if (!have_dictionaries ())
    return;
  jk_spell_chips_attach_entry (fixture->chips, fixture->entry);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->chips)));

  /* Typed key by key: the space after the word leaves it, and it is
   * checked then; the rest waits for the pause. */
  type_text (fixture, "I am a goood cook");
  jk_test_wait_until (row_shown, fixture->chips, 5000);
  jk_test_wait_drawn (fixture->window);
  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, "I am a goood cook");
  g_assert_cmpstr (jk_spell_chips_get_word (fixture->chips), ==, "goood");
  g_assert_cmpuint (jk_spell_chips_get_n_misspelt (fixture->chips), ==, 1);
  g_assert_cmpuint (fixture->suggested->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->suggested, 0), ==, "goood");
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (fixture->chips), "Did you mean?"));
  g_assert_nonnull (jk_test_find_by_name (GTK_WIDGET (fixture->chips), "Keep “goood”"));
  said = jk_spell_chips_dup_announcement (fixture->chips);
  g_assert_true (g_str_has_prefix (said, "Check the spelling of “goood”. Did you mean: "));
  g_assert_nonnull (strstr (said, "good"));

  /* Big chips: a finger's target. */
  good = jk_test_find_by_name (GTK_WIDGET (fixture->chips), "good");
  g_assert_nonnull (good);
  g_assert_cmpint (gtk_widget_get_allocated_height (good), >=, 44);
  g_assert_cmpint (gtk_widget_get_allocated_width (good), >=, 44);
  g_assert_cmpstr (atk_object_get_description (gtk_widget_get_accessible (good)), ==, "Put “good” in place of “goood”");
  /* Under the field, as wide as the window allows. */
  jk_test_screenshot (fixture->window, "spell-chips-en-1280x720");
  jk_test_resize (fixture->window, 1920, 1080);
  jk_test_screenshot (fixture->window, "spell-chips-en-1920x1080");

  /* A touch: the word replaced, the focus (and the cursor) left in the field. */
  jk_test_click_widget (good);
  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, "I am a good cook");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (fixture->entry)), ==, 16);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->entry)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->chips)));
  g_assert_cmpuint (jk_spell_chips_get_n_misspelt (fixture->chips), ==, 0);
  g_assert_null (jk_spell_chips_dup_announcement (fixture->chips));
}

static void
test_by_keys (Fixture       *fixture,
              gconstpointer  user_data)
{
  GtkWidget *focus;

  if (!have_dictionaries ())
    return;
  jk_spell_chips_attach_entry (fixture->chips, fixture->entry);
  type_text (fixture, "Line cokk and dishwaser");
  /* After the pause, the word nearest the cursor (at the end) is offered. */
  jk_test_wait_until (offers_dishwaser, fixture->chips, 5000);
  jk_test_wait_until (settled, fixture->chips, 5000);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->chips)));
  g_assert_cmpuint (jk_spell_chips_get_n_misspelt (fixture->chips), ==, 2);

  /* Tab from the field reaches the first chip; Enter takes it. */
  jk_test_press_key (fixture->window, GDK_KEY_Tab);
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (fixture->chips)));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus)), ==, "dishwasher");
  jk_test_press_key (fixture->window, GDK_KEY_Return);
  jk_test_wait_until (settled, fixture->chips, 5000);
  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, "Line cokk and dishwasher");
  /* On to the other word, the focus on its first chip. */
  g_assert_cmpstr (jk_spell_chips_get_word (fixture->chips), ==, "cokk");
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (fixture->chips)));
  g_assert_true (GTK_IS_BUTTON (focus));
  jk_test_press_key (fixture->window, GDK_KEY_Return);
  jk_test_wait_until (settled, fixture->chips, 5000);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->chips)));
  /* Nothing left: back to the field. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->entry)));
  g_assert_true (g_str_has_prefix (gtk_entry_get_text (fixture->entry), "Line "));
  g_assert_true (g_str_has_suffix (gtk_entry_get_text (fixture->entry), " and dishwasher"));
  g_assert_null (strstr (gtk_entry_get_text (fixture->entry), "cokk"));
}

static void
test_keep (Fixture       *fixture,
           gconstpointer  user_data)
{
  if (!have_dictionaries ())
    return;
  jk_spell_chips_attach_entry (fixture->chips, fixture->entry);
  set_entry_text (fixture, "I am a goood cook");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->chips)));
  click_chip (fixture, "Keep “goood”");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->chips)));
  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, "I am a goood cook");
  g_assert_cmpuint (jk_spell_chips_get_n_misspelt (fixture->chips), ==, 0);

  /* Kept in the other fields too, for the rest of the visit... */
  jk_spell_chips_attach_entry (fixture->chips, fixture->other_entry);
  gtk_entry_set_text (fixture->other_entry, "Goood Foods");
  check_now (fixture);
  g_assert_cmpuint (jk_spell_chips_get_n_misspelt (fixture->chips), ==, 0);
  /* ...and only for it. */
  jk_session_reset (fixture->session);
  check_now (fixture);
  g_assert_cmpuint (jk_spell_chips_get_n_misspelt (fixture->chips), ==, 1);
  g_assert_cmpstr (jk_spell_chips_get_word (fixture->chips), ==, "Goood");
}

static void
test_spanish (Fixture       *fixture,
              gconstpointer  user_data)
{
  if (!have_dictionaries ())
    return;
  /* The visitor switches to Spanish: the dictionary and the row follow. */
  jk_i18n_set_language ("es");
  jk_session_set_language (fixture->session, "es");
  jk_spell_chips_attach_entry (fixture->chips, fixture->entry);
  set_entry_text (fixture, "Soy cosinero con experiencia en cocina");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->chips)));
  g_assert_cmpstr (jk_spell_chips_get_word (fixture->chips), ==, "cosinero");
  g_assert_cmpuint (jk_spell_chips_get_n_misspelt (fixture->chips), ==, 1);
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (fixture->chips), "¿Quiso decir?"));
  g_assert_nonnull (jk_test_find_by_name (GTK_WIDGET (fixture->chips), "Dejar «cosinero» así"));
  g_assert_nonnull (jk_test_find_by_name (GTK_WIDGET (fixture->chips), "cocinero"));
  jk_test_screenshot (fixture->window, "spell-chips-es-1280x720");
  jk_test_resize (fixture->window, 1920, 1080);
  jk_test_screenshot (fixture->window, "spell-chips-es-1920x1080");
  click_chip (fixture, "cocinero");
  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, "Soy cocinero con experiencia en cocina");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->chips)));

  /* Accents: right ones pass, missing ones are offered back. */
  set_entry_text (fixture, "Atención al público, limpieza y panaderia");
  g_assert_cmpstr (jk_spell_chips_get_word (fixture->chips), ==, "panaderia");
  g_assert_nonnull (jk_test_find_by_name (GTK_WIDGET (fixture->chips), "panadería"));

  /* Back to English mid-word: the same text is judged by the other dictionary. */
  jk_session_set_language (fixture->session, "en");
  jk_i18n_set_language ("en");
  set_entry_text (fixture, "Tengo experiencia");
  g_assert_cmpuint (jk_spell_chips_get_n_misspelt (fixture->chips), ==, 2);
  g_assert_nonnull (jk_test_find_label (GTK_WIDGET (fixture->chips), "Did you mean?"));
  /* A page may also choose the language itself. */
  jk_spell_chips_set_language (fixture->chips, "es");
  g_assert_cmpuint (jk_spell_chips_get_n_misspelt (fixture->chips), ==, 0);
}

static void
test_not_flagged (Fixture       *fixture,
                  gconstpointer  user_data)
{
  const char *const fine[] = {
    "CDL, CNA and OSHA 10 cards",
    "Email me at jane.doe@example.com or maria_lopez@correo.mx",
    "See https://jobs.example.org/apply?id=77 or www.example.com",
    "Worked 2019-2023, 40hrs a week, shift 3B",
    "",
    "   ",
    "Cook 👩‍🍳 and cashier 💵",
    "Cook שלום עולם مرحبا بكم cashier",
    "I",
  };

  if (!have_dictionaries ())
    return;
  jk_spell_chips_attach_entry (fixture->chips, fixture->entry);
  for (gsize i = 0; i < G_N_ELEMENTS (fine); i++)
    {
      g_test_message ("%s", fine[i]);
      set_entry_text (fixture, fine[i]);
      g_assert_cmpuint (jk_spell_chips_get_n_misspelt (fixture->chips), ==, 0);
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->chips)));
    }
  /* The same kinds of text around a real misspelling still find it. */
  set_entry_text (fixture, "CDL driver 👩‍🍳 at jane@example.com, 5 years, reliabel");
  g_assert_cmpuint (jk_spell_chips_get_n_misspelt (fixture->chips), ==, 1);
  g_assert_cmpstr (jk_spell_chips_get_word (fixture->chips), ==, "reliabel");
  /* The replacement lands after the emoji, the multi-byte text intact. */
  click_chip (fixture, "reliable");
  g_assert_cmpstr (gtk_entry_get_text (fixture->entry), ==, "CDL driver 👩‍🍳 at jane@example.com, 5 years, reliable");
}

static void
test_text_view (Fixture       *fixture,
                gconstpointer  user_data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->text_view);
  GtkTextIter iter;
  g_autofree char *text = NULL;

  if (!have_dictionaries ())
    return;
  gtk_text_buffer_set_text (buffer, "Cleaned the kitchen.\nI was a goood team member and a hard workr.", -1);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 10);
  gtk_text_buffer_place_cursor (buffer, &iter);
  jk_spell_chips_attach_text_view (fixture->chips, fixture->text_view);
  check_now (fixture);
  g_assert_cmpuint (jk_spell_chips_get_n_misspelt (fixture->chips), ==, 2);
  /* Nearest the cursor first, both underlined. */
  g_assert_cmpstr (jk_spell_chips_get_word (fixture->chips), ==, "goood");
  g_assert_true (underlined (fixture->text_view, "goood"));
  g_assert_true (underlined (fixture->text_view, "workr"));
  g_assert_false (underlined (fixture->text_view, "kitchen"));

  click_chip (fixture, "good");
  text = buffer_text (fixture->text_view);
  g_assert_cmpstr (text, ==, "Cleaned the kitchen.\nI was a good team member and a hard workr.");
  /* The cursor stays where it was in the text before the word. */
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, 10);
  /* On to the next word. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->chips)));
  g_assert_cmpstr (jk_spell_chips_get_word (fixture->chips), ==, "workr");
  g_assert_false (underlined (fixture->text_view, "good"));
  click_chip (fixture, "worker");
  g_clear_pointer (&text, g_free);
  text = buffer_text (fixture->text_view);
  g_assert_cmpstr (text, ==, "Cleaned the kitchen.\nI was a good team member and a hard worker.");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->chips)));

  /* Typing in the text view is checked after the pause. */
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_insert (buffer, &iter, " Recieved awards.", -1);
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  jk_test_wait_until (row_shown, fixture->chips, 5000);
  g_assert_cmpstr (jk_spell_chips_get_word (fixture->chips), ==, "Recieved");
  g_assert_nonnull (jk_test_find_by_name (GTK_WIDGET (fixture->chips), "Received"));

  /* Emptied (as the wipe empties fields): the row goes. */
  gtk_text_buffer_set_text (buffer, "", -1);
  jk_test_wait_until (row_hidden, fixture->chips, 5000);
  g_assert_cmpuint (jk_spell_chips_get_n_misspelt (fixture->chips), ==, 0);
}

static void
test_one_field_at_a_time (Fixture       *fixture,
                          gconstpointer  user_data)
{
  PangoAttrList *attrs;

  if (!have_dictionaries ())
    return;
  jk_spell_chips_attach_entry (fixture->chips, fixture->entry);
  set_entry_text (fixture, "goood");
  g_assert_nonnull (gtk_entry_get_attributes (fixture->entry));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->chips)));

  /* Another field: the first one's underline and chips go. */
  jk_spell_chips_attach_entry (fixture->chips, fixture->other_entry);
  g_assert_null (gtk_entry_get_attributes (fixture->entry));
  jk_test_run_for (20);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->chips)));
  gtk_entry_set_text (fixture->entry, "baaad");
  jk_test_run_for (600);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->chips)));

  gtk_entry_set_text (fixture->other_entry, "Acme Cleening");
  gtk_editable_set_position (GTK_EDITABLE (fixture->other_entry), -1);
  jk_test_wait_until (row_shown, fixture->chips, 5000);
  g_assert_cmpstr (jk_spell_chips_get_word (fixture->chips), ==, "Cleening");
  attrs = gtk_entry_get_attributes (fixture->other_entry);
  g_assert_nonnull (attrs);

  /* A field destroyed while attached: the row lets go of it. */
  gtk_widget_destroy (GTK_WIDGET (fixture->other_entry));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->chips)));
  check_now (fixture);
  g_assert_cmpuint (jk_spell_chips_get_n_misspelt (fixture->chips), ==, 0);
}

/* A very long text: each check looks near the cursor, so it costs the
 * same as for a short one. */
static void
test_long_text (Fixture       *fixture,
                gconstpointer  user_data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fixture->text_view);
  g_autoptr (GString) text = g_string_new (NULL);
  GtkTextIter iter;
  double seconds;

  if (!have_dictionaries ())
    return;
  while (text->len < 500000)
    g_string_append (text, "Served customers and kept the tables clen. ");
  gtk_text_buffer_set_text (buffer, text->str, (int) text->len);
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  jk_spell_chips_attach_text_view (fixture->chips, fixture->text_view);

  g_test_timer_start ();
  jk_spell_chips_check_now (fixture->chips);
  seconds = g_test_timer_elapsed ();
  jk_test_wait_until (settled, fixture->chips, 5000);
  g_test_message ("one check of %" G_GSIZE_FORMAT " characters (suggestions apart): %.1f ms", text->len,
                  seconds * 1000);
  g_test_minimized_result (seconds * 1000, "check of a 500 KB text, ms");
  g_assert_cmpstr (jk_spell_chips_get_word (fixture->chips), ==, "clen");
  /* The words near the cursor, not the 11 000 in the whole text. */
  g_assert_cmpuint (jk_spell_chips_get_n_misspelt (fixture->chips), >, 0);
  g_assert_cmpuint (jk_spell_chips_get_n_misspelt (fixture->chips), <=, 2 * 1000 / 40 + 2);

  /* One word fixed in the middle of it. */
  click_chip (fixture, "clean");
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, (int) text->len + 1);
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

  JK_TEST_ADD ("/spell-chips/english-entry", Fixture, test_english_entry);
  JK_TEST_ADD ("/spell-chips/by-keys", Fixture, test_by_keys);
  JK_TEST_ADD ("/spell-chips/keep", Fixture, test_keep);
  JK_TEST_ADD ("/spell-chips/spanish", Fixture, test_spanish);
  JK_TEST_ADD ("/spell-chips/not-flagged", Fixture, test_not_flagged);
  JK_TEST_ADD ("/spell-chips/text-view", Fixture, test_text_view);
  JK_TEST_ADD ("/spell-chips/one-field-at-a-time", Fixture, test_one_field_at_a_time);
  JK_TEST_ADD ("/spell-chips/long-text", Fixture, test_long_text);
  return g_test_run ();
}
