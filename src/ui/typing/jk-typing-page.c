/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-typing-page.c: the typing test: how long, the passage typed, the figures and errors after */

#define G_LOG_DOMAIN "jk-typing"

#include <jobkiosk/jk-clock.h>
#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-typing.h>
#include <math.h>

#include "print/jk-print-flow.h"
#include "jk-typing-page.h"

#define TICK_MS 200
#define MAX_ERRORS_SHOWN 60
#define PRACTICE_MINUTES 1
#define FOCUS_RING 6

struct _JkTypingPage
{
  JkPage parent_instance;

  GtkStack *stack;
  GtkLabel *intro_label;
  GtkLabel *title_label;
  GtkLabel *countdown_label;
  GtkLabel *passage_label;
  GtkTextView *typed_view;
  GtkLabel *result_label;
  GtkLabel *net_label;
  GtkLabel *gross_label;
  GtkLabel *accuracy_label;
  GtkLabel *errors_heading;
  GtkLabel *errors_label;
  GtkWidget *one_button;
  GtkWidget *stop_button;
  GtkWidget *again_button;
  GtkWidget *print_button;
  GtkWidget *action_row;
  GtkWidget *typing_box;

  JkClock *clock;
  JkPrintFlow *print_flow;
  char *passage;        /* the visit's: wiped with it */
  guint minutes;
  gboolean practice;
  gboolean running;
  gint64 started_at;    /* the clock's microseconds at the first key; 0 before */
  guint tick_id;
  gint last_shown;      /* seconds left last shown, so the label changes once a second */
  guint next_passage;
  JkTypingResult *result;
};

G_DEFINE_FINAL_TYPE (JkTypingPage, jk_typing_page, JK_TYPE_PAGE)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
show_mode (JkTypingPage *self,
           const char   *mode)
{
  gboolean test = g_str_equal (mode, "test");
  gboolean result = g_str_equal (mode, "result");

  gtk_stack_set_visible_child_name (self->stack, mode);
  /* The lengths are the choice itself: no empty row under them. */
  gtk_widget_set_visible (self->action_row, test || result);
  gtk_widget_set_visible (self->typing_box, test);
  gtk_widget_set_visible (self->stop_button, test);
  gtk_widget_set_visible (self->again_button, result);
  gtk_widget_set_visible (self->print_button, result && !self->practice);
  jk_page_set_main_action (JK_PAGE (self), result ? (self->practice ? self->again_button : self->print_button)
                                                  : test ? NULL : self->one_button);
}

static double
elapsed_seconds (JkTypingPage *self)
{
  if (self->started_at == 0)
    return 0;
  return (jk_clock_get_monotonic (self->clock) - self->started_at) / (double) G_USEC_PER_SEC;
}

static char *
typed_text (JkTypingPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->typed_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_countdown (JkTypingPage *self)
{
  double left = self->minutes * 60.0 - elapsed_seconds (self);
  gint seconds = MAX (0, (gint) ceil (left));
  g_autofree char *text = NULL;

  if (seconds == self->last_shown)
    return;
  self->last_shown = seconds;
  /* TRANSLATORS: the typing test's countdown: minutes and seconds left ("2:05") */
  text = g_strdup_printf (_("Time left: %d:%02d"), seconds / 60, seconds % 60);
  gtk_label_set_text (self->countdown_label, text);
}

static void
show_intro (JkTypingPage *self)
{
  gtk_label_set_text (self->intro_label,
                      _("Type a short text as fast and as well as you can. Pick how long the test lasts. The "
                        "time starts with your first key. Mistakes are shown at the end."));
}

static char *
describe_result (JkTypingPage *self)
{
  const JkTypingResult *r = self->result;
  g_autofree char *errors = g_strdup_printf (jk_ngettext ("%u error.", "%u errors.", r->errors), r->errors);

  return g_strdup_printf (_("Net speed: %.0f words per minute. Gross speed: %.0f words per minute. Accuracy: "
                            "%.0f percent. %s"),
                          round (r->net_wpm), round (r->gross_wpm), round (r->accuracy * 100), errors);
}

static void
show_result (JkTypingPage *self,
             JkSpeakMode   mode)
{
  const JkTypingResult *r = self->result;
  g_autoptr (GString) lines = g_string_new (NULL);
  g_autofree char *number = NULL;
  g_autofree char *spoken = NULL;

  gtk_label_set_text (self->result_label, self->practice ? _("Practice done. Your result:") : _("Your result"));
  number = g_strdup_printf ("%.0f", round (r->net_wpm));
  gtk_label_set_text (self->net_label, number);
  g_free (number);
  number = g_strdup_printf ("%.0f", round (r->gross_wpm));
  gtk_label_set_text (self->gross_label, number);
  g_free (number);
  /* TRANSLATORS: accuracy as a percentage, large on the typing test's result */
  number = g_strdup_printf (_("%.0f%%"), round (r->accuracy * 100));
  gtk_label_set_text (self->accuracy_label, number);

  for (guint i = 0; i < r->error_list->len && i < MAX_ERRORS_SHOWN; i++)
    {
      const JkTypingError *e = g_ptr_array_index (r->error_list, i);

      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      if (e->expected[0] == '\0')
        /* TRANSLATORS: a typing test error: a word typed that is not in the text */
        g_string_append_printf (lines, _("Extra word: “%s”"), e->typed);
      else if (e->typed[0] == '\0')
        /* TRANSLATORS: a typing test error: a word of the text not typed */
        g_string_append_printf (lines, _("Word left out: “%s”"), e->expected);
      else
        /* TRANSLATORS: a typing test error: the word of the text, then what was typed */
        g_string_append_printf (lines, _("“%s” was typed “%s”"), e->expected, e->typed);
    }
  gtk_label_set_text (self->errors_heading, r->errors > 0 ? _("Your errors") : _("No errors. Well done!"));
  gtk_label_set_text (self->errors_label, lines->str);
  gtk_widget_set_visible (GTK_WIDGET (self->errors_label), lines->len > 0);
  show_mode (self, "result");
  spoken = describe_result (self);
  jk_page_say (JK_PAGE (self), spoken, mode);
}

static void
stop_tick (JkTypingPage *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
}

static void
finish (JkTypingPage *self)
{
  g_autofree char *typed = NULL;
  double seconds;

  if (!self->running)
    return;
  self->running = FALSE;
  stop_tick (self);
  gtk_text_view_set_editable (self->typed_view, FALSE);
  if (self->started_at == 0)
    {
      /* Stopped before a key: nothing to score. */
      show_mode (self, "choose");
      return;
    }
  typed = typed_text (self);
  seconds = MIN (elapsed_seconds (self), self->minutes * 60.0);
  g_clear_pointer (&self->result, jk_typing_result_free);
  self->result = jk_typing_score (self->passage, typed, MAX (seconds, 1.0));
  show_result (self, JK_SPEAK_INTERRUPT);
}

static gboolean
tick_cb (gpointer user_data)
{
  JkTypingPage *self = user_data;

  if (!self->running || self->started_at == 0)
    return G_SOURCE_CONTINUE;
  show_countdown (self);
  if (elapsed_seconds (self) >= self->minutes * 60.0)
    {
      self->tick_id = 0;
      finish (self);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
start (JkTypingPage *self,
       guint         minutes,
       gboolean      practice)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->typed_view);
  g_autofree char *spoken = NULL;

  g_clear_pointer (&self->passage, g_free);
  g_clear_pointer (&self->result, jk_typing_result_free);
  self->minutes = minutes;
  self->practice = practice;
  if (practice)
    {
      self->passage = g_strdup (jk_typing_home_row_drill ());
      gtk_label_set_text (self->title_label, _("Practice the home row"));
    }
  else
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) passages = jk_typing_get_passages (jk_i18n_get_language (), &error);
      const JkTypingPassage *passage;

      if (passages == NULL || passages->len == 0)
        {
          g_warning ("No typing test passages: %s", error != NULL ? error->message : "none in this language");
          return;
        }
      passage = g_ptr_array_index (passages, self->next_passage++ % passages->len);
      self->passage = g_strdup (passage->text);
      gtk_label_set_text (self->title_label, passage->title);
    }
  gtk_label_set_text (self->passage_label, self->passage);
  gtk_text_buffer_set_text (buffer, "", -1);
  gtk_text_view_set_editable (self->typed_view, TRUE);
  self->started_at = 0;
  self->last_shown = -1;
  self->running = TRUE;
  show_countdown (self);
  show_mode (self, "test");
  gtk_widget_grab_focus (GTK_WIDGET (self->typed_view));
  spoken = g_strdup_printf (jk_ngettext ("Type the text shown, in the box below it. You have %u minute, from your "
                                         "first key. Press Stop the test to end early. The text: %s",
                                         "Type the text shown, in the box below it. You have %u minutes, from "
                                         "your first key. Press Stop the test to end early. The text: %s",
                                         minutes),
                            minutes, self->passage);
  jk_page_say (JK_PAGE (self), spoken, JK_SPEAK_INTERRUPT);
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_buffer_changed (JkTypingPage *self)
{
  g_autofree char *typed = NULL;

  if (!self->running)
    return;
  if (self->started_at == 0)
    {
      JkSession *session = jk_page_get_session (JK_PAGE (self));

      self->started_at = jk_clock_get_monotonic (self->clock);
      self->tick_id = g_timeout_add (TICK_MS, tick_cb, self);
      /* What was typed is the visit's: Finish asks, and the wipe clears it. */
      if (session != NULL)
        jk_session_set_data (session, "typing-test", GINT_TO_POINTER (1), NULL);
    }
  typed = typed_text (self);
  if (jk_typing_is_finished (self->passage, typed))
    finish (self);
}

/* Up and Down move the focus, as on every other screen, so keys alone (and
 * the keypad) leave the field; a typing test needs no lines to move between. */
static gboolean
on_view_key_pressed (JkTypingPage *self,
                     GdkEventKey  *event)
{
  GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));
  GtkDirectionType direction;

  switch (event->keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      direction = GTK_DIR_DOWN;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      direction = GTK_DIR_UP;
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }
  if (GTK_IS_WINDOW (toplevel))
    g_signal_emit_by_name (toplevel, "move-focus", direction);
  return GDK_EVENT_STOP;
}

static void
on_clock_advanced (JkTypingPage *self)
{
  if (self->running && self->started_at != 0)
    tick_cb (self);
}

static void
on_one_clicked (JkTypingPage *self)
{
  start (self, 1, FALSE);
}

static void
on_three_clicked (JkTypingPage *self)
{
  start (self, 3, FALSE);
}

static void
on_five_clicked (JkTypingPage *self)
{
  start (self, 5, FALSE);
}

static void
on_practice_clicked (JkTypingPage *self)
{
  start (self, PRACTICE_MINUTES, TRUE);
}

static void
on_stop_clicked (JkTypingPage *self)
{
  finish (self);
}

static void
on_again_clicked (JkTypingPage *self)
{
  g_clear_pointer (&self->result, jk_typing_result_free);
  show_mode (self, "choose");
  gtk_widget_grab_focus (self->one_button);
}

static void
on_print_clicked (JkTypingPage *self)
{
  JkTypingSheetInput input = { 0 };

  if (self->result == NULL || self->practice)
    return;
  input.minutes = self->minutes;
  input.gross_wpm = self->result->gross_wpm;
  input.net_wpm = self->result->net_wpm;
  input.accuracy = self->result->accuracy;
  input.errors = self->result->errors;
  jk_print_flow_show (self->print_flow, JK_PAGE (self), &jk_document_typing_sheet, &input);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_typing_page_enter (JkPage *page)
{
  JkTypingPage *self = JK_TYPING_PAGE (page);

  /* Back from printing: the result stays. */
  if (self->result == NULL && !self->running)
    {
      show_mode (self, "choose");
      jk_page_say (page, gtk_label_get_text (self->intro_label), JK_SPEAK_QUEUE);
    }
}

static void
jk_typing_page_leave (JkPage *page)
{
  JkTypingPage *self = JK_TYPING_PAGE (page);

  /* A test left half-way is not kept running in the background. */
  if (self->running)
    {
      self->running = FALSE;
      stop_tick (self);
      show_mode (self, "choose");
    }
}

static void
jk_typing_page_reset (JkPage *page)
{
  JkTypingPage *self = JK_TYPING_PAGE (page);

  JK_PAGE_CLASS (jk_typing_page_parent_class)->reset (page);
  stop_tick (self);
  self->running = FALSE;
  self->started_at = 0;
  self->next_passage = 0;
  g_clear_pointer (&self->passage, g_free);
  g_clear_pointer (&self->result, jk_typing_result_free);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->typed_view), "", -1);
  gtk_label_set_text (self->passage_label, "");
  gtk_label_set_text (self->errors_label, "");
  gtk_label_set_text (self->net_label, "");
  gtk_label_set_text (self->gross_label, "");
  gtk_label_set_text (self->accuracy_label, "");
  show_mode (self, "choose");
}

static void
jk_typing_page_language_changed (JkPage *page)
{
  JkTypingPage *self = JK_TYPING_PAGE (page);

  JK_PAGE_CLASS (jk_typing_page_parent_class)->language_changed (page);
  show_intro (self);
  self->last_shown = -1;
  if (self->running)
    show_countdown (self);
  if (self->result != NULL)
    show_result (self, JK_SPEAK_QUEUE);
}

static void
jk_typing_page_dispose (GObject *object)
{
  JkTypingPage *self = JK_TYPING_PAGE (object);

  stop_tick (self);
  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  g_clear_object (&self->clock);
  G_OBJECT_CLASS (jk_typing_page_parent_class)->dispose (object);
}

static void
jk_typing_page_finalize (GObject *object)
{
  JkTypingPage *self = JK_TYPING_PAGE (object);

  g_free (self->passage);
  g_clear_pointer (&self->result, jk_typing_result_free);
  G_OBJECT_CLASS (jk_typing_page_parent_class)->finalize (object);
}

static void
jk_typing_page_class_init (JkTypingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JkPageClass *page_class = JK_PAGE_CLASS (klass);

  object_class->dispose = jk_typing_page_dispose;
  object_class->finalize = jk_typing_page_finalize;
  page_class->enter = jk_typing_page_enter;
  page_class->leave = jk_typing_page_leave;
  page_class->reset = jk_typing_page_reset;
  page_class->language_changed = jk_typing_page_language_changed;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/typing/jk-typing-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JkTypingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, JkTypingPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, JkTypingPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, JkTypingPage, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, JkTypingPage, passage_label);
  gtk_widget_class_bind_template_child (widget_class, JkTypingPage, typed_view);
  gtk_widget_class_bind_template_child (widget_class, JkTypingPage, result_label);
  gtk_widget_class_bind_template_child (widget_class, JkTypingPage, net_label);
  gtk_widget_class_bind_template_child (widget_class, JkTypingPage, gross_label);
  gtk_widget_class_bind_template_child (widget_class, JkTypingPage, accuracy_label);
  gtk_widget_class_bind_template_child (widget_class, JkTypingPage, errors_heading);
  gtk_widget_class_bind_template_child (widget_class, JkTypingPage, errors_label);
  gtk_widget_class_bind_template_child (widget_class, JkTypingPage, one_button);
  gtk_widget_class_bind_template_child (widget_class, JkTypingPage, stop_button);
  gtk_widget_class_bind_template_child (widget_class, JkTypingPage, again_button);
  gtk_widget_class_bind_template_child (widget_class, JkTypingPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, JkTypingPage, action_row);
  gtk_widget_class_bind_template_child (widget_class, JkTypingPage, typing_box);
  gtk_widget_class_bind_template_callback (widget_class, on_one_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_three_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_five_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_practice_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_again_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_view_key_pressed);
}

static void
jk_typing_page_init (JkTypingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jk_page_init_strings (JK_PAGE (self));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->typed_view), "changed",
                            G_CALLBACK (on_buffer_changed), self);
  /* Room for the focus ring inside the field (style.css colours it). */
  for (GtkTextWindowType side = GTK_TEXT_WINDOW_LEFT; side <= GTK_TEXT_WINDOW_BOTTOM; side++)
    gtk_text_view_set_border_window_size (self->typed_view, side, FOCUS_RING);
  show_intro (self);
  self->last_shown = -1;
  show_mode (self, "choose");
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

static JkPage *
create (const JkPageInfo    *info,
        const JkPageContext *context)
{
  JkTypingPage *self = g_object_new (JK_TYPE_TYPING_PAGE, "title", N_("Typing test"),
                                     "prompt", N_("How long should the typing test be?"), NULL);

  self->clock = g_object_ref (context->clock);
  self->print_flow = context->print_flow;
  g_signal_connect_swapped (self->clock, "advanced", G_CALLBACK (on_clock_advanced), self);
  return JK_PAGE (self);
}

const JkPageInfo jk_typing_page_info = { "typing", JK_PAGE_PRINTER_BADGE | JK_PAGE_NO_KEYBOARD, create };

const char *
jk_typing_page_get_passage (JkTypingPage *self)
{
  return self->passage;
}

GtkTextView *
jk_typing_page_get_view (JkTypingPage *self)
{
  return self->typed_view;
}

const JkTypingResult *
jk_typing_page_get_result (JkTypingPage *self)
{
  return self->result;
}

GtkLabel *
jk_typing_page_get_errors_label (JkTypingPage *self)
{
  return self->errors_label;
}
