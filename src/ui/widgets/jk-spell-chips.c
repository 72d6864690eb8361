/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-spell-chips.c: spell checking of one field, its fixes offered as big chips under it */

#define G_LOG_DOMAIN "jk-spell-chips"

#include <string.h>
#include <gspell/gspell.h>
#include <jobkiosk/jk-i18n.h>

#include "shell/jk-retranslate.h"
#include "jk-spell-chips.h"

/* The pause in typing after which the field is checked. */
#define DEBOUNCE_MS 400
/* Text checked on each side of the cursor: a long text is never checked
 * whole on every pause, so typing in it stays as quick as in a short one. */
#define WINDOW_CHARS 1000
/* Longer "words" are codes or pasted junk; hunspell is slow to suggest for them. */
#define MAX_WORD_CHARS 40
/* Enough text around the cursor to find the word it is in. */
#define CURSOR_CONTEXT_CHARS 48
#define TAG_NAME "jk-misspelt"

typedef struct {
  int start;            /* characters into the field's text */
  int end;
  char *word;
} Misspelt;

struct _JkSpellChips
{
  GtkBox parent_instance;

  GtkWidget *heading;
  GtkWidget *chips;

  GtkEntry *entry;
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  GtkTextTag *tag;

  JkSession *session;
  char *language;                 /* set by the page; NULL follows the visit */

  guint debounce_id;
  guint idle_id;
  int cursor_word_start;          /* -1: the cursor is in no word */
  int prefer_after;               /* after a fix: the next word from here; -1: nearest */
  gboolean replacing;

  GArray *misspelt;               /* of Misspelt, in order */
  /* The word whose suggestions are being looked for, off the main thread. */
  char *pending_word;
  int pending_start;
  int pending_end;
  guint generation;
  char *shown_word;
  int shown_start;
  int shown_end;
};

enum {
  SIGNAL_SUGGESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JkSpellChips, jk_spell_chips, GTK_TYPE_BOX)

/* One checker per language for the whole kiosk, so a word kept in one field
 * is kept in every other; the kept words are the visit's and go with it. */
static GspellChecker *checkers[2];
static GHashTable *kept_words;    /* casefolded word -> itself */

/* Hunspell takes 20 to 70 ms to suggest for one word on this kind of
 * machine: too long for the main thread between two keystrokes. One
 * thread at a time suggests, with checkers of its own (a checker is not
 * for two threads); what it found is kept for the next time. */
static GThreadPool *suggest_pool;
static GspellChecker *worker_checkers[2];
static GHashTable *suggestion_cache;   /* "en:word" -> GStrv */
#define SUGGESTION_CACHE_SIZE 256

typedef struct {
  GWeakRef self;
  guint generation;
  gboolean spanish;
  char *word;
  char **suggestions;
} SuggestRequest;

static void schedule_check (JkSpellChips *self,
                            guint         delay_ms);

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
misspelt_clear (Misspelt *misspelt)
{
  g_free (misspelt->word);
}

static gboolean
is_spanish (const char *language)
{
  return language != NULL && g_str_has_prefix (language, "es");
}

static const char *
effective_language (JkSpellChips *self)
{
  if (self->language != NULL)
    return self->language;
  if (self->session != NULL)
    return jk_session_get_language (self->session);
  return jk_i18n_get_language ();
}

/* The dictionary for "en" or "es": the United States' first (the kiosk's
 * visitors), then any of that language hunspell-es or another package
 * installed. */
static const GspellLanguage *
find_dictionary (gboolean spanish)
{
  static const char *const english[] = { "en_US", "en", "en_GB", NULL };
  static const char *const spanish_codes[] = { "es_US", "es_MX", "es_ES", "es", NULL };
  const char *const *codes = spanish ? spanish_codes : english;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      const GspellLanguage *language = gspell_language_lookup (codes[i]);

      if (language != NULL)
        return language;
    }
  for (const GList *l = gspell_language_get_available (); l != NULL; l = l->next)
    if (g_str_has_prefix (gspell_language_get_code (l->data), spanish ? "es" : "en"))
      return l->data;
  return NULL;
}

static GspellChecker *
get_checker (JkSpellChips *self)
{
  gboolean spanish = is_spanish (effective_language (self));
  static gboolean warned[2];

  if (checkers[spanish] == NULL)
    {
      const GspellLanguage *language = find_dictionary (spanish);

      if (language == NULL)
        {
          if (!warned[spanish])
            g_warning ("no %s spelling dictionary (install %s): spell checking is off",
                       spanish ? "Spanish" : "English", spanish ? "hunspell-es" : "hunspell-en-us");
          warned[spanish] = TRUE;
          return NULL;
        }
      checkers[spanish] = gspell_checker_new (language);
      g_debug ("spelling in %s with %s", spanish ? "es" : "en", gspell_language_get_code (language));
    }
  return checkers[spanish];
}

static gboolean
is_kept (const char *word)
{
  g_autofree char *folded = NULL;

  if (kept_words == NULL)
    return FALSE;
  folded = g_utf8_casefold (word, -1);
  return g_hash_table_contains (kept_words, folded);
}

static void
forget_kept_words (void)
{
  if (kept_words != NULL)
    g_hash_table_remove_all (kept_words);
  for (guint i = 0; i < G_N_ELEMENTS (checkers); i++)
    if (checkers[i] != NULL)
      gspell_checker_clear_session (checkers[i]);
}

/* The field's text, whichever kind it is. */
static int
text_length (JkSpellChips *self)
{
  if (self->entry != NULL)
    return (int) gtk_entry_get_text_length (self->entry);
  if (self->buffer != NULL)
    return gtk_text_buffer_get_char_count (self->buffer);
  return 0;
}

static int
cursor_offset (JkSpellChips *self)
{
  if (self->entry != NULL)
    return gtk_editable_get_position (GTK_EDITABLE (self->entry));
  if (self->buffer != NULL)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
      return gtk_text_iter_get_offset (&iter);
    }
  return 0;
}

static char *
text_range (JkSpellChips *self,
            int           start,
            int           end)
{
  if (self->entry != NULL)
    return g_utf8_substring (gtk_entry_get_text (self->entry), start, end);
  if (self->buffer != NULL)
    {
      GtkTextIter from, to;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &from, start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &to, end);
      /* A slice keeps one character per embedded object: offsets stay true. */
      return gtk_text_buffer_get_slice (self->buffer, &from, &to, TRUE);
    }
  return g_strdup ("");
}

/* The whitespace-separated run of text around [start, end): an address or
 * a link is judged as a whole, not by the words Pango finds in it. */
static gboolean
in_address (const char *text,
            const char *word_start,
            const char *word_end)
{
  const char *from = word_start;
  const char *to = word_end;
  g_autofree char *chunk = NULL;

  while (from > text)
    {
      const char *prev = g_utf8_prev_char (from);

      if (g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      from = prev;
    }
  while (*to != '\0' && !g_unichar_isspace (g_utf8_get_char (to)))
    to = g_utf8_next_char (to);
  chunk = g_strndup (from, to - from);
  return strchr (chunk, '@') != NULL || strstr (chunk, "://") != NULL
         || g_ascii_strncasecmp (chunk, "www.", 4) == 0;
}

/* Whether the dictionary should judge this word at all. */
static gboolean
is_checkable (const char *word,
              int         n_chars)
{
  gboolean any_lower = FALSE;
  guint letters = 0;

  if (n_chars > MAX_WORD_CHARS)
    return FALSE;
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeScript script = g_unichar_get_script (c);

      /* Numbers, codes, domain names ("example.com"). */
      if (g_unichar_isdigit (c) || c == '.' || c == '_' || c == '/')
        return FALSE;
      /* Neither dictionary knows Arabic or Hebrew words: not theirs to judge. */
      if (g_unichar_isalpha (c) && script != G_UNICODE_SCRIPT_LATIN && script != G_UNICODE_SCRIPT_COMMON
          && script != G_UNICODE_SCRIPT_INHERITED)
        return FALSE;
      if (g_unichar_isalpha (c))
        letters++;
      if (g_unichar_islower (c))
        any_lower = TRUE;
    }
  /* Acronyms (CDL, CNA, OSHA) and one letter ("I", "a", an initial). */
  return letters >= 2 && any_lower;
}

/* Finds the words of text (which starts offset characters into the field)
 * and calls found for each; stops when found returns FALSE. */
typedef gboolean (*WordFunc) (const char *text,
                              const char *start,
                              const char *end,
                              int         start_offset,
                              int         end_offset,
                              gpointer    user_data);

static void
for_each_word (const char *text,
               int         offset,
               const char *language,
               WordFunc    found,
               gpointer    user_data)
{
  glong n_chars = g_utf8_strlen (text, -1);
  g_autofree PangoLogAttr *attrs = g_new0 (PangoLogAttr, n_chars + 1);
  const char *p = text;
  const char *word = NULL;
  int word_start = 0;

  pango_get_log_attrs (text, (int) strlen (text), -1, pango_language_from_string (language), attrs,
                       (int) n_chars + 1);
  for (int i = 0; i <= n_chars; i++)
    {
      if (attrs[i].is_word_end && word != NULL)
        {
          if (!found (text, word, p, offset + word_start, offset + i, user_data))
            return;
          word = NULL;
        }
      if (attrs[i].is_word_start && i < n_chars)
        {
          word = p;
          word_start = i;
        }
      if (i < n_chars)
        p = g_utf8_next_char (p);
    }
}

typedef struct {
  JkSpellChips *self;
  GspellChecker *checker;
} CheckData;

static gboolean
check_one (const char *text,
           const char *start,
           const char *end,
           int         start_offset,
           int         end_offset,
           gpointer    user_data)
{
  CheckData *data = user_data;
  g_autofree char *word = g_strndup (start, end - start);
  g_autoptr (GError) error = NULL;
  Misspelt misspelt;

  if (!is_checkable (word, end_offset - start_offset) || in_address (text, start, end) || is_kept (word))
    return TRUE;
  if (gspell_checker_check_word (data->checker, word, -1, &error))
    return TRUE;
  if (error != NULL)
    {
      g_debug ("cannot check a word: %s", error->message);
      return TRUE;
    }
  misspelt.start = start_offset;
  misspelt.end = end_offset;
  misspelt.word = g_steal_pointer (&word);
  g_array_append_val (data->self->misspelt, misspelt);
  return TRUE;
}

typedef struct {
  int cursor;
  int start;
} CursorWord;

static gboolean
find_cursor_word (const char *text,
                  const char *start,
                  const char *end,
                  int         start_offset,
                  int         end_offset,
                  gpointer    user_data)
{
  CursorWord *data = user_data;

  if (start_offset <= data->cursor && data->cursor <= end_offset)
    {
      data->start = start_offset;
      return FALSE;
    }
  return start_offset <= data->cursor;
}

/* Where the word the cursor is in (or just after) starts; -1 if none. */
static int
cursor_word_start (JkSpellChips *self)
{
  int cursor = cursor_offset (self);
  int from = MAX (0, cursor - CURSOR_CONTEXT_CHARS);
  g_autofree char *text = text_range (self, from, MIN (text_length (self), cursor + CURSOR_CONTEXT_CHARS));
  CursorWord data = { cursor, -1 };

  for_each_word (text, from, effective_language (self), find_cursor_word, &data);
  return data.start;
}

static void
clear_underlines (JkSpellChips *self,
                  int           start,
                  int           end)
{
  if (self->entry != NULL)
    gtk_entry_set_attributes (self->entry, NULL);
  else if (self->buffer != NULL && self->tag != NULL)
    {
      GtkTextIter from, to;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &from, start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &to, end);
      gtk_text_buffer_remove_tag (self->buffer, self->tag, &from, &to);
    }
}

/* The misspelt words underlined: a hint of where to look, the chips being
 * the way to fix them. */
static void
underline (JkSpellChips *self,
           int           window_start,
           int           window_end)
{
  clear_underlines (self, window_start, window_end);
  if (self->entry != NULL && self->misspelt->len > 0)
    {
      const char *text = gtk_entry_get_text (self->entry);
      g_autoptr (PangoAttrList) list = pango_attr_list_new ();

      for (guint i = 0; i < self->misspelt->len; i++)
        {
          Misspelt *m = &g_array_index (self->misspelt, Misspelt, i);
          guint start = (guint) (g_utf8_offset_to_pointer (text, m->start) - text);
          guint end = (guint) (g_utf8_offset_to_pointer (text, m->end) - text);
          PangoAttribute *style = pango_attr_underline_new (PANGO_UNDERLINE_ERROR);
          PangoAttribute *colour = pango_attr_underline_color_new (0xa4a4, 0x1616, 0x1a1a);

          style->start_index = colour->start_index = start;
          style->end_index = colour->end_index = end;
          pango_attr_list_insert (list, style);
          pango_attr_list_insert (list, colour);
        }
      gtk_entry_set_attributes (self->entry, list);
    }
  else if (self->buffer != NULL)
    for (guint i = 0; i < self->misspelt->len; i++)
      {
        Misspelt *m = &g_array_index (self->misspelt, Misspelt, i);
        GtkTextIter from, to;

        gtk_text_buffer_get_iter_at_offset (self->buffer, &from, m->start);
        gtk_text_buffer_get_iter_at_offset (self->buffer, &to, m->end);
        gtk_text_buffer_apply_tag (self->buffer, self->tag, &from, &to);
      }
}

static void
hide_row (JkSpellChips *self)
{
  g_clear_pointer (&self->shown_word, g_free);
  g_clear_pointer (&self->pending_word, g_free);
  self->generation++;
  self->shown_start = self->shown_end = -1;
  if (self->chips != NULL)
    gtk_container_foreach (GTK_CONTAINER (self->chips), (GtkCallback) gtk_widget_destroy, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void on_suggestion_clicked (GtkButton    *button,
                                   JkSpellChips *self);
static void on_keep_clicked       (GtkButton    *button,
                                   JkSpellChips *self);

static GtkWidget *
chip_new (JkSpellChips *self,
          const char   *text,
          const char   *description)
{
  GtkWidget *chip = gtk_button_new_with_label (text);
  GtkWidget *label = gtk_bin_get_child (GTK_BIN (chip));
  AtkObject *accessible = gtk_widget_get_accessible (chip);

  /* A tap keeps the focus (and the on-screen keyboard) in the field;
   * the keys still reach every chip. */
  gtk_widget_set_focus_on_click (chip, FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_style_context_add_class (gtk_widget_get_style_context (chip), "chip");
  atk_object_set_name (accessible, text);
  if (description != NULL)
    atk_object_set_description (accessible, description);
  gtk_widget_show (chip);
  gtk_box_pack_start (GTK_BOX (self->chips), chip, FALSE, TRUE, 0);
  return chip;
}

/* A suggestion that splits the word ("goo od", "goo-od") is rarely what
 * was meant: one-word ones come first, unless hunspell ranks a split best
 * ("alot": "a lot"); a split offered with a space and a hyphen once. */
static char **
order_suggestions (GSList     *suggestions,
                   const char *word)
{
  g_autoptr (GPtrArray) whole = g_ptr_array_new ();
  g_autoptr (GPtrArray) split = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *ordered = g_ptr_array_new ();  /* of copies, NULL-terminated */

  for (GSList *l = suggestions; l != NULL; l = l->next)
    {
      const char *suggestion = l->data;
      char *key;

      if (suggestion[0] == '\0' || g_str_equal (suggestion, word))
        continue;
      key = g_strdelimit (g_strdup (suggestion), "-", ' ');
      if (!g_hash_table_add (seen, key))
        continue;
      if (strpbrk (suggestion, " -") != NULL && l != suggestions)
        g_ptr_array_add (split, (gpointer) suggestion);
      else
        g_ptr_array_add (whole, (gpointer) suggestion);
    }
  for (guint i = 0; i < whole->len && ordered->len < JK_SPELL_CHIPS_MAX_SUGGESTIONS; i++)
    g_ptr_array_add (ordered, g_strdup (whole->pdata[i]));
  for (guint i = 0; i < split->len && ordered->len < JK_SPELL_CHIPS_MAX_SUGGESTIONS; i++)
    g_ptr_array_add (ordered, g_strdup (split->pdata[i]));
  g_ptr_array_add (ordered, NULL);
  return (char **) g_ptr_array_free (ordered, FALSE);
}

static void
show_row (JkSpellChips       *self,
          const char         *word,
          int                 start,
          int                 end,
          const char * const *suggestions)
{
  g_autofree char *keep = NULL;
  guint shown = g_strv_length ((char **) suggestions);
  GtkWidget *chip;

  g_free (self->shown_word);
  self->shown_word = g_strdup (word);
  self->shown_start = start;
  self->shown_end = end;
  if (self->chips == NULL)
    return;
  gtk_container_foreach (GTK_CONTAINER (self->chips), (GtkCallback) gtk_widget_destroy, NULL);

  for (guint i = 0; suggestions[i] != NULL; i++)
    {
      const char *suggestion = suggestions[i];
      g_autofree char *description = NULL;

      /* TRANSLATORS: what a suggestion chip does, for a screen reader: "Put “good” in place of “goood”" */
      description = g_strdup_printf (_("Put “%s” in place of “%s”"), suggestion, word);
      chip = chip_new (self, suggestion, description);
      gtk_style_context_add_class (gtk_widget_get_style_context (chip), "suggestion");
      g_object_set_data_full (G_OBJECT (chip), "jk-suggestion", g_strdup (suggestion), g_free);
      g_signal_connect (chip, "clicked", G_CALLBACK (on_suggestion_clicked), self);
    }

  gtk_label_set_text (GTK_LABEL (self->heading), shown > 0 ? _("Did you mean?") : _("Check the spelling:"));
  /* TRANSLATORS: a button that leaves a word as the visitor wrote it: Keep “Oaxaca” */
  keep = g_strdup_printf (_("Keep “%s”"), word);
  chip = chip_new (self, keep, _("The word is right as it is"));
  g_signal_connect (chip, "clicked", G_CALLBACK (on_keep_clicked), self);

  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  g_signal_emit (self, signals[SIGNAL_SUGGESTED], 0, word);
}

static char *
cache_key (gboolean    spanish,
           const char *word)
{
  return g_strconcat (spanish ? "es:" : "en:", word, NULL);
}

static void
suggest_request_free (SuggestRequest *request)
{
  g_weak_ref_clear (&request->self);
  g_free (request->word);
  g_strfreev (request->suggestions);
  g_free (request);
}

static gboolean
on_suggested_done (gpointer user_data)
{
  SuggestRequest *request = user_data;
  g_autoptr (JkSpellChips) self = g_weak_ref_get (&request->self);

  if (suggestion_cache == NULL)
    suggestion_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  if (g_hash_table_size (suggestion_cache) >= SUGGESTION_CACHE_SIZE)
    g_hash_table_remove_all (suggestion_cache);
  g_hash_table_replace (suggestion_cache, cache_key (request->spanish, request->word),
                        g_strdupv (request->suggestions));
  /* Only the answer for the word still waited for: the visitor may have
   * typed on or moved to another word meanwhile. */
  if (self != NULL && self->pending_word != NULL && request->generation == self->generation)
    {
      g_autofree char *word = g_steal_pointer (&self->pending_word);

      show_row (self, word, self->pending_start, self->pending_end, (const char * const *) request->suggestions);
    }
  suggest_request_free (request);
  return G_SOURCE_REMOVE;
}

static void
suggest_work (gpointer data,
              gpointer user_data)
{
  SuggestRequest *request = data;
  GspellChecker *checker = worker_checkers[request->spanish];
  GSList *suggestions = NULL;

  if (checker != NULL)
    suggestions = gspell_checker_get_suggestions (checker, request->word, -1);
  request->suggestions = order_suggestions (suggestions, request->word);
  g_slist_free_full (suggestions, g_free);
  g_idle_add (on_suggested_done, request);
}

/* Shows the row for this word: at once if its suggestions are known,
 * else once the suggesting thread has them. */
static void
offer (JkSpellChips *self,
       Misspelt     *misspelt)
{
  gboolean spanish = is_spanish (effective_language (self));
  g_autofree char *key = cache_key (spanish, misspelt->word);
  char **cached = suggestion_cache != NULL ? g_hash_table_lookup (suggestion_cache, key) : NULL;
  SuggestRequest *request;

  if (cached != NULL)
    {
      g_clear_pointer (&self->pending_word, g_free);
      self->generation++;
      show_row (self, misspelt->word, misspelt->start, misspelt->end, (const char * const *) cached);
      return;
    }
  if (self->pending_word != NULL && g_str_equal (self->pending_word, misspelt->word)
      && self->pending_start == misspelt->start)
    {
      self->pending_end = misspelt->end;
      return;
    }
  g_free (self->pending_word);
  self->pending_word = g_strdup (misspelt->word);
  self->pending_start = misspelt->start;
  self->pending_end = misspelt->end;
  self->generation++;

  /* Made here: enchant's broker, which opens dictionaries, is for one
   * thread; the suggesting thread only uses the checker. */
  if (worker_checkers[spanish] == NULL)
    {
      const GspellLanguage *language = find_dictionary (spanish);

      if (language != NULL)
        worker_checkers[spanish] = gspell_checker_new (language);
    }
  if (suggest_pool == NULL)
    suggest_pool = g_thread_pool_new (suggest_work, NULL, 1, FALSE, NULL);
  request = g_new0 (SuggestRequest, 1);
  g_weak_ref_init (&request->self, self);
  request->generation = self->generation;
  request->spanish = spanish;
  request->word = g_strdup (misspelt->word);
  g_thread_pool_push (suggest_pool, request, NULL);
}

/* Which misspelt word the row offers: after a fix, the next one along;
 * otherwise the one nearest the cursor. */
static Misspelt *
pick (JkSpellChips *self)
{
  int cursor = cursor_offset (self);
  Misspelt *best = NULL;
  int best_distance = G_MAXINT;

  if (self->misspelt->len == 0)
    return NULL;
  if (self->prefer_after >= 0)
    {
      for (guint i = 0; i < self->misspelt->len; i++)
        if (g_array_index (self->misspelt, Misspelt, i).start >= self->prefer_after)
          return &g_array_index (self->misspelt, Misspelt, i);
      return &g_array_index (self->misspelt, Misspelt, 0);
    }
  for (guint i = 0; i < self->misspelt->len; i++)
    {
      Misspelt *m = &g_array_index (self->misspelt, Misspelt, i);
      int distance = cursor < m->start ? m->start - cursor : cursor > m->end ? cursor - m->end : 0;

      if (distance < best_distance)
        {
          best = m;
          best_distance = distance;
        }
    }
  return best;
}

static void
check (JkSpellChips *self)
{
  GspellChecker *checker;
  int length, cursor, from, to;
  g_autofree char *text = NULL;
  CheckData data;
  Misspelt *chosen;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_array_set_size (self->misspelt, 0);
  checker = get_checker (self);
  if ((self->entry == NULL && self->buffer == NULL) || checker == NULL)
    {
      hide_row (self);
      return;
    }

  length = text_length (self);
  cursor = cursor_offset (self);
  from = MAX (0, cursor - WINDOW_CHARS);
  to = MIN (length, cursor + WINDOW_CHARS);
  text = text_range (self, from, to);
  /* A window cut mid-word would judge half a word: start and end at spaces. */
  if (from > 0 || to < length)
    {
      char *start = text;
      char *end = text + strlen (text);

      if (from > 0)
        while (*start != '\0' && !g_unichar_isspace (g_utf8_get_char (start)))
          {
            start = g_utf8_next_char (start);
            from++;
          }
      if (to < length)
        while (end > start && !g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
          {
            end = g_utf8_prev_char (end);
            to--;
          }
      memmove (text, start, end - start);
      text[end - start] = '\0';
    }

  data.self = self;
  data.checker = checker;
  for_each_word (text, from, effective_language (self), check_one, &data);
  underline (self, from, to);

  chosen = pick (self);
  self->prefer_after = -1;
  if (chosen == NULL)
    hide_row (self);
  else if (self->shown_word == NULL || !g_str_equal (self->shown_word, chosen->word)
           || self->shown_start != chosen->start)
    offer (self, chosen);
  else
    {
      g_clear_pointer (&self->pending_word, g_free);
      self->shown_end = chosen->end;
    }
}

static gboolean
debounce_cb (gpointer user_data)
{
  JkSpellChips *self = user_data;

  self->debounce_id = 0;
  check (self);
  return G_SOURCE_REMOVE;
}

static gboolean
check_idle_cb (gpointer user_data)
{
  JkSpellChips *self = user_data;

  self->idle_id = 0;
  check (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (JkSpellChips *self,
                guint         delay_ms)
{
  if (delay_ms == 0)
    {
      g_clear_handle_id (&self->debounce_id, g_source_remove);
      if (self->idle_id == 0)
        self->idle_id = g_idle_add (check_idle_cb, self);
      return;
    }
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (delay_ms, debounce_cb, self);
}

/* Puts replacement in place of the word at [start, end) if the field
 * still has it there; the cursor keeps its place in the text around. */
static gboolean
replace_word (JkSpellChips *self,
              int           start,
              int           end,
              const char   *word,
              const char   *replacement)
{
  g_autofree char *current = text_range (self, start, end);
  int cursor = cursor_offset (self);
  int new_end = start + (int) g_utf8_strlen (replacement, -1);
  int new_cursor;

  if (g_strcmp0 (current, word) != 0)
    return FALSE;
  if (cursor >= end)
    new_cursor = cursor + new_end - end;
  else if (cursor > start)
    new_cursor = new_end;
  else
    new_cursor = cursor;

  self->replacing = TRUE;
  if (self->entry != NULL)
    {
      int position = start;

      gtk_editable_delete_text (GTK_EDITABLE (self->entry), start, end);
      gtk_editable_insert_text (GTK_EDITABLE (self->entry), replacement, -1, &position);
      gtk_editable_set_position (GTK_EDITABLE (self->entry), new_cursor);
    }
  else
    {
      GtkTextIter from, to;

      gtk_text_buffer_begin_user_action (self->buffer);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &from, start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &to, end);
      gtk_text_buffer_delete (self->buffer, &from, &to);
      gtk_text_buffer_insert (self->buffer, &from, replacement, -1);
      gtk_text_buffer_end_user_action (self->buffer);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &from, new_cursor);
      gtk_text_buffer_place_cursor (self->buffer, &from);
    }
  self->replacing = FALSE;
  self->cursor_word_start = -1;
  self->prefer_after = new_end;
  return TRUE;
}

static GtkWidget *
field (JkSpellChips *self)
{
  return self->entry != NULL ? GTK_WIDGET (self->entry) : GTK_WIDGET (self->text_view);
}

/* After a fix by keys, the focus goes on to the next word's first chip,
 * or back to the field; a fix by touch left it in the field. */
static void
after_fix (JkSpellChips *self,
           gboolean      had_focus)
{
  check (self);
  if (!had_focus)
    return;
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      g_autoptr (GList) chips = gtk_container_get_children (GTK_CONTAINER (self->chips));

      if (chips != NULL)
        gtk_widget_grab_focus (chips->data);
    }
  else if (field (self) != NULL)
    gtk_widget_grab_focus (field (self));
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_suggestion_clicked (GtkButton    *button,
                       JkSpellChips *self)
{
  const char *suggestion = g_object_get_data (G_OBJECT (button), "jk-suggestion");
  gboolean had_focus = gtk_widget_has_focus (GTK_WIDGET (button));
  g_autofree char *word = g_strdup (self->shown_word);

  if (word == NULL || !replace_word (self, self->shown_start, self->shown_end, word, suggestion))
    {
      /* The text moved under the chips: offer what is there now. */
      g_clear_pointer (&self->shown_word, g_free);
      check (self);
      return;
    }
  after_fix (self, had_focus);
}

static void
on_keep_clicked (GtkButton    *button,
                 JkSpellChips *self)
{
  gboolean had_focus = gtk_widget_has_focus (GTK_WIDGET (button));
  GspellChecker *checker = get_checker (self);

  if (self->shown_word == NULL)
    return;
  if (kept_words == NULL)
    kept_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (kept_words, g_utf8_casefold (self->shown_word, -1));
  if (checker != NULL)
    gspell_checker_add_word_to_session (checker, self->shown_word, -1);
  self->prefer_after = self->shown_end;
  after_fix (self, had_focus);
}

static void
on_text_changed (JkSpellChips *self)
{
  if (self->replacing)
    return;
  schedule_check (self, DEBOUNCE_MS);
}

/* Leaving a word (a space typed, the cursor moved away) checks it at once;
 * moving within one waits for the pause. */
static void
on_cursor_moved (JkSpellChips *self)
{
  int start;

  if (self->replacing)
    return;
  start = cursor_word_start (self);
  if (self->cursor_word_start >= 0 && start != self->cursor_word_start)
    schedule_check (self, 0);
  else if (self->idle_id == 0)
    schedule_check (self, DEBOUNCE_MS);
  self->cursor_word_start = start;
}

static void
on_mark_set (GtkTextBuffer *buffer,
             GtkTextIter   *location,
             GtkTextMark   *mark,
             JkSpellChips  *self)
{
  if (mark == gtk_text_buffer_get_insert (buffer))
    on_cursor_moved (self);
}

static void
on_field_destroyed (JkSpellChips *self)
{
  jk_spell_chips_detach (self);
}

static void
on_session_language (JkSpellChips *self)
{
  g_clear_pointer (&self->language, g_free);
  /* The row is rebuilt in the new words once the window has switched the
   * catalogue (its handler may run after this one). */
  g_clear_pointer (&self->shown_word, g_free);
  if (self->entry != NULL || self->buffer != NULL)
    schedule_check (self, 0);
}

static void
on_session_reset (JkSpellChips *self)
{
  forget_kept_words ();
  g_array_set_size (self->misspelt, 0);
  hide_row (self);
}

static void
attach_buffer (JkSpellChips  *self,
               GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  self->buffer = g_object_ref (buffer);
  self->tag = gtk_text_tag_table_lookup (table, TAG_NAME);
  if (self->tag == NULL)
    {
      GdkRGBA red = { 0xa4 / 255.0, 0x16 / 255.0, 0x1a / 255.0, 1.0 };

      self->tag = gtk_text_buffer_create_tag (buffer, TAG_NAME, "underline", PANGO_UNDERLINE_ERROR,
                                              "underline-rgba", &red, NULL);
    }
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (on_mark_set), self, 0);
}

static void
detach_buffer (JkSpellChips *self)
{
  if (self->buffer == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->buffer, self);
  if (self->tag != NULL)
    {
      GtkTextIter from, to;

      gtk_text_buffer_get_bounds (self->buffer, &from, &to);
      gtk_text_buffer_remove_tag (self->buffer, self->tag, &from, &to);
    }
  self->tag = NULL;
  g_clear_object (&self->buffer);
}

static void
on_buffer_replaced (JkSpellChips *self)
{
  detach_buffer (self);
  attach_buffer (self, gtk_text_view_get_buffer (self->text_view));
  schedule_check (self, 0);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_spell_chips_dispose (GObject *object)
{
  JkSpellChips *self = JK_SPELL_CHIPS (object);

  jk_spell_chips_detach (self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (jk_spell_chips_parent_class)->dispose (object);
  /* The template's children are gone; dispose may run again. */
  self->heading = NULL;
  self->chips = NULL;
}

static void
jk_spell_chips_finalize (GObject *object)
{
  JkSpellChips *self = JK_SPELL_CHIPS (object);

  g_free (self->language);
  g_free (self->shown_word);
  g_free (self->pending_word);
  g_array_unref (self->misspelt);
  G_OBJECT_CLASS (jk_spell_chips_parent_class)->finalize (object);
}

static void
jk_spell_chips_class_init (JkSpellChipsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jk_spell_chips_dispose;
  object_class->finalize = jk_spell_chips_finalize;

  /**
   * JkSpellChips::suggested:
   * @word: the misspelt word the row now offers fixes for
   */
  signals[SIGNAL_SUGGESTED] = g_signal_new ("suggested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                            NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_css_name (widget_class, "jkspellchips");
  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/widgets/jk-spell-chips.ui");
  gtk_widget_class_bind_template_child (widget_class, JkSpellChips, heading);
  gtk_widget_class_bind_template_child (widget_class, JkSpellChips, chips);
}

static void
jk_spell_chips_init (JkSpellChips *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->misspelt = g_array_new (FALSE, TRUE, sizeof (Misspelt));
  g_array_set_clear_func (self->misspelt, (GDestroyNotify) misspelt_clear);
  self->cursor_word_start = -1;
  self->prefer_after = -1;
  self->shown_start = self->shown_end = -1;
  jk_retranslate_set_label (GTK_LABEL (self->heading), N_("Did you mean?"));
  jk_retranslate_set_a11y_name (GTK_WIDGET (self), N_("Spelling suggestions"));
  /* Shown only while a word needs a look, whatever show_all the page does. */
  gtk_widget_set_no_show_all (GTK_WIDGET (self), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkSpellChips *
jk_spell_chips_new (void)
{
  return g_object_new (JK_TYPE_SPELL_CHIPS, NULL);
}

void
jk_spell_chips_detach (JkSpellChips *self)
{
  g_return_if_fail (JK_IS_SPELL_CHIPS (self));

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->entry != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->entry, self);
      gtk_entry_set_attributes (self->entry, NULL);
      g_clear_object (&self->entry);
    }
  if (self->text_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->text_view, self);
      detach_buffer (self);
      g_clear_object (&self->text_view);
    }
  g_array_set_size (self->misspelt, 0);
  self->cursor_word_start = -1;
  self->prefer_after = -1;
  hide_row (self);
}

void
jk_spell_chips_attach_entry (JkSpellChips *self,
                             GtkEntry     *entry)
{
  g_return_if_fail (JK_IS_SPELL_CHIPS (self));
  g_return_if_fail (GTK_IS_ENTRY (entry));

  if (self->entry == entry)
    return;
  jk_spell_chips_detach (self);
  self->entry = g_object_ref (entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "notify::cursor-position", G_CALLBACK (on_cursor_moved), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "destroy", G_CALLBACK (on_field_destroyed), self, G_CONNECT_SWAPPED);
  self->cursor_word_start = cursor_word_start (self);
  schedule_check (self, 0);
}

void
jk_spell_chips_attach_text_view (JkSpellChips *self,
                                 GtkTextView  *text_view)
{
  g_return_if_fail (JK_IS_SPELL_CHIPS (self));
  g_return_if_fail (GTK_IS_TEXT_VIEW (text_view));

  if (self->text_view == text_view)
    return;
  jk_spell_chips_detach (self);
  self->text_view = g_object_ref (text_view);
  attach_buffer (self, gtk_text_view_get_buffer (text_view));
  g_signal_connect_object (text_view, "notify::buffer", G_CALLBACK (on_buffer_replaced), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (text_view, "destroy", G_CALLBACK (on_field_destroyed), self, G_CONNECT_SWAPPED);
  self->cursor_word_start = cursor_word_start (self);
  schedule_check (self, 0);
}

void
jk_spell_chips_set_session (JkSpellChips *self,
                            JkSession    *session)
{
  g_return_if_fail (JK_IS_SPELL_CHIPS (self));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session == NULL)
    return;
  g_signal_connect_object (session, "notify::language", G_CALLBACK (on_session_language), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "reset", G_CALLBACK (on_session_reset), self, G_CONNECT_SWAPPED);
}

void
jk_spell_chips_set_language (JkSpellChips *self,
                             const char   *language)
{
  g_return_if_fail (JK_IS_SPELL_CHIPS (self));

  if (g_strcmp0 (self->language, language) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  g_clear_pointer (&self->shown_word, g_free);
  if (self->entry != NULL || self->buffer != NULL)
    check (self);
}

gboolean
jk_spell_chips_has_dictionary (JkSpellChips *self)
{
  g_return_val_if_fail (JK_IS_SPELL_CHIPS (self), FALSE);

  return get_checker (self) != NULL;
}

void
jk_spell_chips_check_now (JkSpellChips *self)
{
  g_return_if_fail (JK_IS_SPELL_CHIPS (self));

  check (self);
}

gboolean
jk_spell_chips_is_pending (JkSpellChips *self)
{
  g_return_val_if_fail (JK_IS_SPELL_CHIPS (self), FALSE);

  return self->pending_word != NULL || self->debounce_id != 0 || self->idle_id != 0;
}

guint
jk_spell_chips_get_n_misspelt (JkSpellChips *self)
{
  g_return_val_if_fail (JK_IS_SPELL_CHIPS (self), 0);

  return self->misspelt->len;
}

const char *
jk_spell_chips_get_word (JkSpellChips *self)
{
  g_return_val_if_fail (JK_IS_SPELL_CHIPS (self), NULL);

  return self->shown_word;
}

char *
jk_spell_chips_dup_announcement (JkSpellChips *self)
{
  g_autoptr (GList) chips = NULL;
  g_autoptr (GString) words = g_string_new (NULL);

  g_return_val_if_fail (JK_IS_SPELL_CHIPS (self), NULL);

  if (self->shown_word == NULL)
    return NULL;
  chips = gtk_container_get_children (GTK_CONTAINER (self->chips));
  for (GList *l = chips; l != NULL; l = l->next)
    {
      const char *suggestion = g_object_get_data (l->data, "jk-suggestion");

      if (suggestion == NULL)
        continue;
      if (words->len > 0)
        g_string_append (words, ", ");
      g_string_append (words, suggestion);
    }
  if (words->len == 0)
    /* TRANSLATORS: said when a word is not in the dictionary and there is nothing to offer */
    return g_strdup_printf (_("Check the spelling of “%s”."), self->shown_word);
  /* TRANSLATORS: said when the spelling chips show: Check the spelling of “goood”. Did you mean: good, god? */
  return g_strdup_printf (_("Check the spelling of “%s”. Did you mean: %s?"), self->shown_word, words->str);
}
