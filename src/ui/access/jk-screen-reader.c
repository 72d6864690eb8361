/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-screen-reader.c: what the kiosk says while speech is on */

#define G_LOG_DOMAIN "jk-access"

#include <jobkiosk/jk-i18n.h>

#include "shell/jk-window.h"
#include "jk-describe.h"
#include "jk-screen-reader.h"

/* The idle countdown is said at these seconds left. */
static const guint countdown_said[] = { 20, 10, 5 };

struct _JkScreenReader
{
  GObject parent_instance;

  JkWindow *window; /* weak: the window owns the reader */
  JkSpeech *speech;
  GSimpleAction *speech_action;
  GtkWidget *focus;       /* weak: the control whose description waits */
  GtkWidget *typed_field; /* weak: the field whose typing is said */
  guint focus_idle_id;
};

G_DEFINE_FINAL_TYPE (JkScreenReader, jk_screen_reader, G_TYPE_OBJECT)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static gboolean
speaking (JkScreenReader *self)
{
  return jk_speech_get_active (self->speech);
}

static void
say (JkScreenReader *self,
     const char     *text,
     JkSpeakMode     mode)
{
  jk_speech_say (self->speech, text, mode);
}

static void
say_widget (JkScreenReader *self,
            GtkWidget      *widget,
            JkSpeakMode     mode)
{
  g_autofree char *description = widget != NULL ? jk_describe_widget (widget) : NULL;

  if (description != NULL)
    say (self, description, mode);
}

/* "Find a job. Step 2 of 6. What kind of work? …" */
static char *
screen_text (JkScreenReader *self)
{
  JkPage *page = jk_window_get_current_page (self->window);
  g_autoptr (GString) text = g_string_new (jk_window_get_title_text (self->window));
  const char *step = jk_window_get_step_text (self->window);
  const char *prompt = page != NULL ? jk_page_get_prompt (page) : NULL;

  /* TRANSLATORS: between sentences read aloud, after a title */
  if (step[0] != '\0')
    g_string_append_printf (text, _(". %s"), step);
  if (prompt != NULL)
    g_string_append_printf (text, _(". %s"), _(prompt));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
cancel_focus_idle (JkScreenReader *self)
{
  g_clear_handle_id (&self->focus_idle_id, g_source_remove);
}

static void
say_screen (JkScreenReader *self)
{
  g_autofree char *text = screen_text (self);
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self->window));

  cancel_focus_idle (self);
  say (self, text, JK_SPEAK_INTERRUPT);
  /* A printer that cannot print, on a page that offers printing. */
  say (self, jk_window_get_printer_problem (self->window), JK_SPEAK_QUEUE);
  say_widget (self, focus, JK_SPEAK_QUEUE);
}

static void
on_insert_text (GtkEditable    *editable,
                const char     *text,
                int             length,
                int            *position,
                JkScreenReader *self)
{
  g_autofree char *inserted = g_strndup (text, length >= 0 ? (gsize) length : strlen (text));

  if (!speaking (self) || inserted[0] == '\0')
    return;
  if (GTK_IS_ENTRY (editable) && !gtk_entry_get_visibility (GTK_ENTRY (editable)))
    jk_speech_say_tone (self->speech);
  else if (g_utf8_strlen (inserted, -1) == 1)
    jk_speech_say_character (self->speech, g_utf8_get_char (inserted));
  else
    /* A paste, or a word the keyboard completed. */
    say (self, inserted, JK_SPEAK_INTERRUPT);
}

static void
on_delete_text (GtkEditable    *editable,
                int             start,
                int             end,
                JkScreenReader *self)
{
  if (!speaking (self) || end == start)
    return;
  if (GTK_IS_ENTRY (editable) && !gtk_entry_get_visibility (GTK_ENTRY (editable)))
    jk_speech_say_tone (self->speech);
  else
    jk_speech_say_character (self->speech, '\b');
}

static void
follow_typing (JkScreenReader *self,
               GtkWidget      *widget)
{
  if (self->typed_field == widget)
    return;
  if (self->typed_field != NULL)
    g_signal_handlers_disconnect_by_data (self->typed_field, self);
  g_set_weak_pointer (&self->typed_field, widget);
  if (widget != NULL)
    {
      g_signal_connect (widget, "insert-text", G_CALLBACK (on_insert_text), self);
      g_signal_connect (widget, "delete-text", G_CALLBACK (on_delete_text), self);
    }
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static gboolean
say_focus_cb (gpointer user_data)
{
  JkScreenReader *self = user_data;

  self->focus_idle_id = 0;
  if (self->focus != NULL)
    say_widget (self, self->focus, JK_SPEAK_INTERRUPT);
  g_clear_weak_pointer (&self->focus);
  return G_SOURCE_REMOVE;
}

/* Said once the focus settles: a page switch moves it and then says the
 * whole screen, which includes it. */
static void
on_set_focus (GtkWindow      *window,
              GtkWidget      *widget,
              JkScreenReader *self)
{
  follow_typing (self, widget != NULL && GTK_IS_EDITABLE (widget) ? widget : NULL);
  if (!speaking (self) || widget == NULL)
    return;
  g_set_weak_pointer (&self->focus, widget);
  if (self->focus_idle_id == 0)
    {
      self->focus_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, say_focus_cb, self, NULL);
      g_source_set_name_by_id (self->focus_idle_id, "[jk-screen-reader] focus");
    }
}

static void
on_page_shown (JkWindow       *window,
               JkPage         *page,
               JkScreenReader *self)
{
  if (speaking (self))
    say_screen (self);
}

static void
on_modal_shown (JkWindow       *window,
                GtkWidget      *modal,
                JkScreenReader *self)
{
  AtkObject *accessible = gtk_widget_get_accessible (modal);

  if (!speaking (self))
    return;
  cancel_focus_idle (self);
  say (self, atk_object_get_name (accessible), JK_SPEAK_INTERRUPT);
  say (self, atk_object_get_description (accessible), JK_SPEAK_QUEUE);
  if (modal == jk_window_get_idle_warning (window))
    say (self, _("To go on, press any key or touch the screen."), JK_SPEAK_QUEUE);
  say_widget (self, gtk_window_get_focus (GTK_WINDOW (window)), JK_SPEAK_QUEUE);
}

static void
on_idle_countdown (JkIdleMonitor  *idle,
                   guint           seconds_left,
                   JkScreenReader *self)
{
  g_autofree char *text = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (countdown_said); i++)
    if (seconds_left == countdown_said[i])
      {
        text = g_strdup_printf (jk_ngettext ("%u second left. To go on, press any key or touch the screen.",
                                             "%u seconds left. To go on, press any key or touch the screen.",
                                             seconds_left),
                                seconds_left);
        say (self, text, JK_SPEAK_INTERRUPT);
      }
}

static void
on_speech_active (JkSpeech       *speech,
                  GParamSpec     *pspec,
                  JkScreenReader *self)
{
  gboolean active = jk_speech_get_active (speech);

  g_simple_action_set_state (self->speech_action, g_variant_new_boolean (active));
  if (active)
    {
      say (self, _("Speech is on."), JK_SPEAK_INTERRUPT);
      say_screen (self);
    }
}

/* ---------------------------------------------------------------------- */
/* Actions                                                                */

static void
speech_change_state (GSimpleAction *action,
                     GVariant      *state,
                     gpointer       user_data)
{
  JkScreenReader *self = user_data;

  jk_speech_set_active (self->speech, g_variant_get_boolean (state));
}

static void
speech_activate (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  JkScreenReader *self = user_data;

  jk_speech_set_active (self->speech, !jk_speech_get_active (self->speech));
}

static void
repeat_activate (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  JkScreenReader *self = user_data;
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self->window));

  /* In a field, "repeat" reads the field: its name and all its text. */
  if (focus != NULL && GTK_IS_ENTRY (focus))
    say_widget (self, focus, JK_SPEAK_INTERRUPT);
  else
    jk_speech_repeat (self->speech);
}

static void
stop_activate (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  JkScreenReader *self = user_data;

  jk_speech_stop (self->speech);
}

static void
rate_activate (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  JkScreenReader *self = user_data;

  jk_speech_change_rate (self->speech, g_variant_get_int32 (parameter));
}

static void
volume_activate (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  JkScreenReader *self = user_data;

  jk_speech_change_volume (self->speech, g_variant_get_int32 (parameter));
}

static void
help_activate (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  JkScreenReader *self = user_data;
  g_autofree char *help = jk_screen_reader_get_help (self);

  say (self, help, JK_SPEAK_INTERRUPT);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_screen_reader_dispose (GObject *object)
{
  JkScreenReader *self = JK_SCREEN_READER (object);

  cancel_focus_idle (self);
  follow_typing (self, NULL);
  g_clear_weak_pointer (&self->focus);
  if (self->speech != NULL)
    g_signal_handlers_disconnect_by_data (self->speech, self);
  g_clear_object (&self->speech);
  g_clear_object (&self->speech_action);
  g_clear_weak_pointer (&self->window);
  G_OBJECT_CLASS (jk_screen_reader_parent_class)->dispose (object);
}

static void
jk_screen_reader_class_init (JkScreenReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = jk_screen_reader_dispose;
}

static void
jk_screen_reader_init (JkScreenReader *self)
{
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkScreenReader *
jk_screen_reader_new (JkWindow *window,
                      JkSpeech *speech)
{
  const GActionEntry actions[] = {
    { "speech-repeat", repeat_activate, NULL, NULL, NULL },
    { "speech-stop", stop_activate, NULL, NULL, NULL },
    { "speech-rate", rate_activate, "i", NULL, NULL },
    { "speech-volume", volume_activate, "i", NULL, NULL },
    { "speech-help", help_activate, NULL, NULL, NULL },
  };
  JkScreenReader *self;

  g_return_val_if_fail (JK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (JK_IS_SPEECH (speech), NULL);

  self = g_object_new (JK_TYPE_SCREEN_READER, NULL);
  g_set_weak_pointer (&self->window, window);
  self->speech = g_object_ref (speech);

  self->speech_action = g_simple_action_new_stateful ("speech", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect (self->speech_action, "change-state", G_CALLBACK (speech_change_state), self);
  g_signal_connect (self->speech_action, "activate", G_CALLBACK (speech_activate), self);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (self->speech_action));
  g_action_map_add_action_entries (G_ACTION_MAP (window), actions, G_N_ELEMENTS (actions), self);

  g_signal_connect_object (speech, "notify::active", G_CALLBACK (on_speech_active), self, 0);
  g_signal_connect_object (window, "set-focus", G_CALLBACK (on_set_focus), self, G_CONNECT_AFTER);
  g_signal_connect_object (window, "page-shown", G_CALLBACK (on_page_shown), self, 0);
  g_signal_connect_object (window, "modal-shown", G_CALLBACK (on_modal_shown), self, 0);
  g_signal_connect_object (jk_window_get_idle_monitor (window), "countdown", G_CALLBACK (on_idle_countdown), self, 0);
  return self;
}

char *
jk_screen_reader_get_help (JkScreenReader *self)
{
  g_autofree char *screen = NULL;

  g_return_val_if_fail (JK_IS_SCREEN_READER (self), NULL);

  screen = screen_text (self);
  return g_strdup_printf (_("%s. Press Down for the next choice and Up for the one before. Press Select to choose. "
                            "Press Back to go back. Press Repeat to hear something again, Stop to stop. "
                            "Slower, Faster, Quieter and Louder change the voice. Press Help to hear this again."),
                          screen);
}
