/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-staff-page.c: staff mode: the PIN pad, then the staff tools */

#define G_LOG_DOMAIN "jk-staff-page"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-staff.h>
#include <sodium.h>

#include "shell/jk-home-page.h"
#include "shell/jk-retranslate.h"
#include "shell/jk-window.h"
#include "widgets/jk-pin-pad.h"
#include "jk-staff-feeds.h"
#include "jk-staff-audit.h"
#include "jk-staff-page.h"
#include "jk-staff-print-queue.h"
#include "jk-staff-resume.h"
#include "jk-staff-section.h"
#include "jk-staff-settings-form.h"
#include "jk-staff-today.h"
#include "jk-staff-usage.h"

/* The tools, in the order of their buttons. Adding one: its files and a
 * line here. */
static const JkStaffSectionInfo *const sections[] = {
  &jk_staff_today_section,
  &jk_staff_print_queue_section,
  &jk_staff_resume_section,
  &jk_staff_feeds_section,
  &jk_staff_usage_section,
  &jk_staff_settings_form_section,
  NULL,
};

struct _JkStaffPage
{
  JkPage parent_instance;

  GtkStack *modes;
  GtkBox *pin_box;
  GtkLabel *pin_prompt;
  GtkLabel *pin_message;
  GtkLabel *signed_in_label;
  GtkBox *section_buttons;
  GtkStack *sections;

  JkPinPad *pad;
  GtkEventController *keys;
  GtkWindow *window;
  const JkPageContext *context;
  JkStaffContext staff;       /* while signed in: staff_name set */
  const char *message;        /* a msgid shown under the pad, or NULL */
  char *message_text;         /* or a message already in words (the core's) */
  gboolean busy;
  guint remake_id;            /* the tools made again after a language switch */
};

G_DEFINE_FINAL_TYPE (JkStaffPage, jk_staff_page, JK_TYPE_PAGE)

typedef struct {
  const JkConfig *config;
  char *database_path;
  char pin[JK_STAFF_PIN_MAX + 1];
  gint64 now;
  char *name;                 /* out: who signed in */
} SignIn;

static void
sign_in_free (gpointer data)
{
  SignIn *job = data;

  sodium_memzero (job->pin, sizeof job->pin);
  g_free (job->database_path);
  g_free (job->name);
  g_free (job);
}

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static gint64
now_seconds (JkStaffPage *self)
{
  g_autoptr (GDateTime) now = jk_clock_now_local (self->context->clock);

  return g_date_time_to_unix (now);
}

static void
show_message (JkStaffPage *self,
              const char  *msgid,
              const char  *text)
{
  self->message = msgid;
  g_free (self->message_text);
  self->message_text = g_strdup (text);
  gtk_label_set_text (self->pin_message, text != NULL ? text : msgid != NULL ? _(msgid) : "");
  if (text != NULL || msgid != NULL)
    jk_page_say (JK_PAGE (self), gtk_label_get_text (self->pin_message), JK_SPEAK_QUEUE);
}

static void
set_busy (JkStaffPage *self,
          gboolean     busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->pad), !busy);
}

static void
set_idle_timeout (JkStaffPage *self,
                  guint        seconds)
{
  GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));

  if (JK_IS_WINDOW (toplevel))
    jk_idle_monitor_set_timeout (jk_window_get_idle_monitor (JK_WINDOW (toplevel)), seconds);
}

static void
on_section_button_toggled (GtkToggleButton *button,
                           JkStaffPage     *self)
{
  if (gtk_toggle_button_get_active (button))
    jk_staff_page_show_section (self, g_object_get_data (G_OBJECT (button), "jk-section"));
}

/* The tools, made in the visit's language (again after a switch). */
static void
destroy_sections (JkStaffPage *self)
{
  GList *children = gtk_container_get_children (GTK_CONTAINER (self->sections));

  g_list_free_full (g_steal_pointer (&children), (GDestroyNotify) gtk_widget_destroy);
  children = gtk_container_get_children (GTK_CONTAINER (self->section_buttons));
  g_list_free_full (g_steal_pointer (&children), (GDestroyNotify) gtk_widget_destroy);
}

static void
make_sections (JkStaffPage *self)
{
  g_autofree char *who = NULL;
  GtkWidget *group = NULL;

  /* TRANSLATORS: above the staff tools; %s is the staff member's name */
  who = g_strdup_printf (_("Staff mode: %s"), self->staff.staff_name);
  gtk_label_set_text (self->signed_in_label, who);
  for (guint i = 0; sections[i] != NULL; i++)
    {
      GtkWidget *section = sections[i]->create (&self->staff);
      /* Radio buttons drawn as buttons: the shown tool's stays pressed,
       * and a screen reader hears which is. */
      GtkWidget *button = gtk_radio_button_new_from_widget (GTK_RADIO_BUTTON (group));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *image = gtk_image_new_from_icon_name (sections[i]->icon, GTK_ICON_SIZE_LARGE_TOOLBAR);
      GtkWidget *label = gtk_label_new (NULL);

      gtk_widget_show (section);
      /* Its template's words, built untranslated like every page's, in the
       * visit's language. */
      jk_retranslate_capture (section);
      jk_retranslate_apply (section);
      /* The stack clips what its child draws: a margin inside it keeps the
       * tool's focus rings in sight. */
      g_object_set (section, "margin", 8, NULL);
      gtk_stack_add_named (self->sections, section, sections[i]->name);
      jk_retranslate_set_label (GTK_LABEL (label), sections[i]->title);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      jk_retranslate_set_a11y_name (button, sections[i]->title);
      gtk_container_add (GTK_CONTAINER (box), image);
      gtk_container_add (GTK_CONTAINER (box), label);
      gtk_container_add (GTK_CONTAINER (button), box);
      gtk_style_context_add_class (gtk_widget_get_style_context (button), "staff-section-button");
      g_object_set_data (G_OBJECT (button), "jk-section", (gpointer) sections[i]->name);
      gtk_toggle_button_set_mode (GTK_TOGGLE_BUTTON (button), FALSE);
      g_signal_connect (button, "toggled", G_CALLBACK (on_section_button_toggled), self);
      gtk_widget_show_all (button);
      gtk_container_add (GTK_CONTAINER (self->section_buttons), button);
      group = button;
    }
}

/* The tools are made for this sign-in only. */
static void
signed_in (JkStaffPage *self,
           const char  *name)
{
  self->staff.staff_name = g_strdup (name);
  make_sections (self);
  if (sections[0] != NULL)
    jk_staff_page_show_section (self, sections[0]->name);
  gtk_stack_set_visible_child_name (self->modes, "tools");
  set_idle_timeout (self, self->context->config->staff_idle_minutes * 60);
  jk_page_set_title (JK_PAGE (self), N_("Staff mode"));
}

/* Staff mode ends like a visit: the next person starts with a fresh
 * session (and with whatever staff granted it, such as extra pages). */
static gboolean
end_visit_cb (gpointer data)
{
  jk_session_reset (data);
  return G_SOURCE_REMOVE;
}

/* Back to the PIN pad with nothing of the last sign-in left. */
static void
sign_out (JkStaffPage *self,
          gboolean     end_visit)
{

  jk_pin_pad_clear (self->pad);
  show_message (self, NULL, NULL);
  if (self->staff.staff_name == NULL)
    return;
  /* No cancellable: the sign-out is logged even as the page is left,
   * which cancels the page's own work. */
  jk_staff_audit_later (self, NULL, self->staff.database_path, self->staff.staff_name, "staff-leave", NULL,
                        now_seconds (self));
  g_clear_pointer ((char **) &self->staff.staff_name, g_free);
  destroy_sections (self);
  gtk_label_set_text (self->signed_in_label, "");
  gtk_stack_set_visible_child_name (self->modes, "pin");
  set_idle_timeout (self, self->context->config->idle_timeout);
  jk_page_set_title (JK_PAGE (self), N_("Staff sign-in"));
  /* Not from inside the page switch that signed out. */
  if (end_visit)
    g_idle_add_full (G_PRIORITY_HIGH_IDLE, end_visit_cb, g_object_ref (jk_page_get_session (JK_PAGE (self))),
                   g_object_unref);
}

static gboolean
sign_in_work (gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  SignIn *job = data;
  g_autoptr (GError) audit_error = NULL;

  job->name = jk_staff_verify (job->config, job->database_path, job->pin, job->now, NULL, error);
  if (job->name == NULL)
    return FALSE;
  if (!jk_audit_add (job->database_path, job->name, "staff-enter", NULL, job->now, &audit_error))
    g_warning ("The audit log could not be written: %s", audit_error->message);
  return TRUE;
}

static void
on_signed_in (JkPage       *page,
              gpointer      data,
              const GError *error)
{
  JkStaffPage *self = JK_STAFF_PAGE (page);
  SignIn *job = data;

  set_busy (self, FALSE);
  if (error != NULL)
    {
      /* The core's words: wrong, locked until when, or no accounts yet. */
      show_message (self, NULL, error->message);
      return;
    }
  show_message (self, NULL, NULL);
  signed_in (self, job->name);
}

static void
on_sign_in_clicked (JkStaffPage *self)
{
  SignIn *job;
  const char *pin = jk_pin_pad_get_pin (self->pad);

  if (self->busy)
    return;
  if (pin[0] == '\0')
    {
      show_message (self, N_("Type your staff PIN first."), NULL);
      return;
    }
  job = g_new0 (SignIn, 1);
  job->config = self->context->config;
  job->database_path = g_strdup (self->staff.database_path);
  g_strlcpy (job->pin, pin, sizeof job->pin);
  job->now = now_seconds (self);
  /* The PIN leaves the pad at once: nothing typed stays on screen. */
  jk_pin_pad_clear (self->pad);
  set_busy (self, TRUE);
  show_message (self, N_("Checking…"), NULL);
  jk_page_run (JK_PAGE (self), "jk-staff-sign-in", sign_in_work, on_signed_in, job, sign_in_free);
}

/* With speech on, each key of the pad is a tone, never the digit. */
static void
on_pad_changed (JkStaffPage *self)
{
  JkSpeech *speech = jk_page_get_speech (JK_PAGE (self));

  if (speech != NULL && jk_pin_pad_get_pin (self->pad)[0] != '\0')
    jk_speech_say_tone (speech);
}

static void
on_leave_clicked (JkStaffPage *self)
{
  jk_page_navigate (JK_PAGE (self), &jk_home_page_info, NULL);
}

/* A keyboard's digits, BackSpace and Enter go to the pad while it shows. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                JkStaffPage           *self)
{
  GdkEvent *event = gtk_get_current_event ();
  gboolean handled = FALSE;

  if (event != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->busy
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->modes), "pin") == 0
      && (event->type == GDK_KEY_PRESS))
    {
      handled = jk_pin_pad_handle_key (self->pad, (GdkEventKey *) event);
    }
  g_clear_pointer (&event, gdk_event_free);
  return handled ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

static void
on_hierarchy_changed (JkStaffPage *self,
                      GtkWidget   *previous_toplevel)
{
  GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));

  if (!GTK_IS_WINDOW (toplevel) || GTK_WINDOW (toplevel) == self->window)
    return;
  self->window = GTK_WINDOW (toplevel);
  g_clear_object (&self->keys);
  self->keys = gtk_event_controller_key_new (toplevel);
  /* Before the keypad's handlers: BackSpace deletes a digit here, not "back". */
  gtk_event_controller_set_propagation_phase (self->keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (self->keys, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_staff_page_enter (JkPage *page)
{
  JkStaffPage *self = JK_STAFF_PAGE (page);

  if (self->staff.staff_name == NULL)
    {
      jk_page_set_title (page, N_("Staff sign-in"));
      gtk_stack_set_visible_child_name (self->modes, "pin");
      gtk_widget_grab_focus (jk_pin_pad_get_button (self->pad, '1'));
    }
}

static void
jk_staff_page_leave (JkPage *page)
{
  JkStaffPage *self = JK_STAFF_PAGE (page);

  set_busy (self, FALSE);
  sign_out (self, TRUE);
}

/* The visit is ending already (the idle wipe, Finish). */
static void
jk_staff_page_reset (JkPage *page)
{
  JkStaffPage *self = JK_STAFF_PAGE (page);

  set_busy (self, FALSE);
  sign_out (self, FALSE);
}

static gboolean
remake_sections_cb (gpointer data)
{
  JkStaffPage *self = data;
  g_autofree char *shown = g_strdup (gtk_stack_get_visible_child_name (self->sections));

  self->remake_id = 0;
  if (self->staff.staff_name == NULL)
    return G_SOURCE_REMOVE;
  destroy_sections (self);
  make_sections (self);
  if (shown != NULL)
    jk_staff_page_show_section (self, shown);
  return G_SOURCE_REMOVE;
}

static void
jk_staff_page_language_changed (JkPage *page)
{
  JkStaffPage *self = JK_STAFF_PAGE (page);

  /* The tools' words were written as they were made: made again, in the
   * new language once it is in force (after this signal), showing the
   * same one. */
  if (self->staff.staff_name != NULL && self->remake_id == 0)
    self->remake_id = g_idle_add (remake_sections_cb, self);
  if (self->message_text == NULL)
    gtk_label_set_text (self->pin_message, self->message != NULL ? _(self->message) : "");
}

static void
jk_staff_page_dispose (GObject *object)
{
  JkStaffPage *self = JK_STAFF_PAGE (object);

  g_clear_object (&self->keys);
  g_clear_handle_id (&self->remake_id, g_source_remove);
  G_OBJECT_CLASS (jk_staff_page_parent_class)->dispose (object);
}

static void
jk_staff_page_finalize (GObject *object)
{
  JkStaffPage *self = JK_STAFF_PAGE (object);

  g_free ((char *) self->staff.staff_name);
  g_free (self->staff.database_path);
  g_free (self->message_text);
  G_OBJECT_CLASS (jk_staff_page_parent_class)->finalize (object);
}

static void
jk_staff_page_class_init (JkStaffPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JkPageClass *page_class = JK_PAGE_CLASS (klass);

  object_class->dispose = jk_staff_page_dispose;
  object_class->finalize = jk_staff_page_finalize;
  page_class->enter = jk_staff_page_enter;
  page_class->leave = jk_staff_page_leave;
  page_class->reset = jk_staff_page_reset;
  page_class->language_changed = jk_staff_page_language_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/staff/jk-staff-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JkStaffPage, modes);
  gtk_widget_class_bind_template_child (widget_class, JkStaffPage, pin_box);
  gtk_widget_class_bind_template_child (widget_class, JkStaffPage, pin_prompt);
  gtk_widget_class_bind_template_child (widget_class, JkStaffPage, pin_message);
  gtk_widget_class_bind_template_child (widget_class, JkStaffPage, signed_in_label);
  gtk_widget_class_bind_template_child (widget_class, JkStaffPage, section_buttons);
  gtk_widget_class_bind_template_child (widget_class, JkStaffPage, sections);
  gtk_widget_class_bind_template_callback (widget_class, on_leave_clicked);
}

static void
jk_staff_page_init (JkStaffPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pad = JK_PIN_PAD (jk_pin_pad_new (JK_STAFF_PIN_MAX));
  gtk_widget_show (GTK_WIDGET (self->pad));
  gtk_container_add (GTK_CONTAINER (self->pin_box), GTK_WIDGET (self->pad));
  g_signal_connect_swapped (self->pad, "activate", G_CALLBACK (on_sign_in_clicked), self);
  g_signal_connect_swapped (self->pad, "changed", G_CALLBACK (on_pad_changed), self);
  g_signal_connect (self, "hierarchy-changed", G_CALLBACK (on_hierarchy_changed), NULL);
  jk_page_init_strings (JK_PAGE (self));
}

static JkPage *
create (const JkPageInfo    *info,
        const JkPageContext *context)
{
  JkStaffPage *self = g_object_new (JK_TYPE_STAFF_PAGE, "title", N_("Staff sign-in"), "prompt",
                                    N_("Type your staff PIN, then press Sign in."), NULL);

  self->context = context;
  self->staff.context = context;
  self->staff.database_path = g_strdup (jk_store_get_path (context->store));
  return JK_PAGE (self);
}

/* No printer badge, and the on-screen keyboard never opens: the pad is
 * the keyboard here. */
const JkPageInfo jk_staff_page_info = { "staff", JK_PAGE_NO_KEYBOARD, create };

/* ---------------------------------------------------------------------- */
/* Public                                                                 */

const char *
jk_staff_page_get_signed_in (JkStaffPage *self)
{
  g_return_val_if_fail (JK_IS_STAFF_PAGE (self), NULL);
  return self->staff.staff_name;
}

const char *
jk_staff_page_get_message (JkStaffPage *self)
{
  g_return_val_if_fail (JK_IS_STAFF_PAGE (self), NULL);
  return gtk_label_get_text (self->pin_message);
}

gboolean
jk_staff_page_is_busy (JkStaffPage *self)
{
  g_return_val_if_fail (JK_IS_STAFF_PAGE (self), FALSE);
  return self->busy;
}

GtkWidget *
jk_staff_page_get_pin_pad (JkStaffPage *self)
{
  g_return_val_if_fail (JK_IS_STAFF_PAGE (self), NULL);
  return GTK_WIDGET (self->pad);
}

GtkWidget *
jk_staff_page_get_section (JkStaffPage *self,
                           const char  *name)
{
  g_return_val_if_fail (JK_IS_STAFF_PAGE (self), NULL);
  if (self->staff.staff_name == NULL)
    return NULL;
  return gtk_stack_get_child_by_name (self->sections, name);
}

void
jk_staff_page_show_section (JkStaffPage *self,
                            const char  *name)
{
  GList *buttons;

  g_return_if_fail (JK_IS_STAFF_PAGE (self));
  if (gtk_stack_get_child_by_name (self->sections, name) == NULL)
    return;
  gtk_stack_set_visible_child_name (self->sections, name);
  buttons = gtk_container_get_children (GTK_CONTAINER (self->section_buttons));
  for (GList *l = buttons; l != NULL; l = l->next)
    if (g_strcmp0 (g_object_get_data (l->data, "jk-section"), name) == 0)
      gtk_toggle_button_set_active (l->data, TRUE);
  g_list_free (buttons);
}
