/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-mail-page.c: "Email it to me": the address, Send, and how it went */

#define G_LOG_DOMAIN "jk-mail-page"

#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-i18n.h>
#include <string.h>

#include "jk-mail-flow.h"
#include "jk-mail-page.h"

/* How the last Send went, kept as what it means and put in words when
 * shown, so it follows a language switch at once. */
typedef enum {
  STATUS_NONE,
  STATUS_BAD_ADDRESS,
  STATUS_SENDING,
  STATUS_HANDED_OVER,
  STATUS_WAITING,
  STATUS_REFUSED,
  STATUS_FAILED,
} Status;

struct _JkMailPage
{
  JkPage parent_instance;

  GtkLabel *what_label;
  GtkEntry *address_entry;
  GtkFlowBox *endings_box;
  GtkSpinner *spinner;
  GtkLabel *status_label;
  GtkWidget *send_button;

  JkMailFlow *flow;
  JkMailRequest *request;   /* what this page sends; NULL once sent */
  Status status;
  GDateTime *handed_at;     /* STATUS_HANDED_OVER */
  gboolean sending;
};

/* A Send on a worker thread: the request is the page's until it is done. */
typedef struct {
  JkMailRequest *request;
  char *address;
  gint64 now;
  JkOutboxState state;
} SendJob;

G_DEFINE_FINAL_TYPE (JkMailPage, jk_mail_page, JK_TYPE_PAGE)

/* What addresses most often end with: one touch types it where the cursor is. */
static const struct {
  const char *text;
  const char *name;   /* the accessible name, a msgid; NULL: the text itself */
} endings[] = {
  /* TRANSLATORS: the accessible name of the button that types "@" in the email address */
  { "@", N_("at sign") },
  /* TRANSLATORS: the accessible name of the button that types ".com" */
  { ".com", N_("dot com") },
  { "@gmail.com", NULL },
  { "@yahoo.com", NULL },
  { "@hotmail.com", NULL },
  { "@outlook.com", NULL },
};

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
send_job_free (SendJob *job)
{
  if (job->request != NULL)
    jk_mail_request_free (job->request);
  if (job->address != NULL)
    {
      memset (job->address, 0, strlen (job->address));
      g_free (job->address);
    }
  g_free (job);
}

/* Empties the field, the text it held overwritten first. */
static void
clear_address (JkMailPage *self)
{
  gtk_entry_buffer_delete_text (gtk_entry_get_buffer (self->address_entry), 0, -1);
}

static void
show_what (JkMailPage *self)
{
  g_autofree char *what = NULL;

  if (self->request == NULL)
    {
      gtk_label_set_text (self->what_label, _("Nothing to send right now."));
      return;
    }
  /* TRANSLATORS: the heading of the email page; %s is what is sent ("My saved jobs") */
  what = g_strdup_printf (_("Email “%s” to yourself"), _(jk_mail_request_get_title (self->request)));
  gtk_label_set_text (self->what_label, what);
}

static void
show_status (JkMailPage *self)
{
  g_autofree char *text = NULL;
  g_autofree char *time = NULL;

  switch (self->status)
    {
    case STATUS_BAD_ADDRESS:
      text = g_strdup (_("This does not look like an email address. It needs one @ and a dot after it, "
                         "like name@gmail.com."));
      break;
    case STATUS_SENDING:
      text = g_strdup (_("Sending your email…"));
      break;
    case STATUS_HANDED_OVER:
      time = jk_format_time_of_day (self->handed_at);
      /* TRANSLATORS: %s is a time of day ("2:14 PM") */
      text = g_strdup_printf (_("Sent to the center's mail server at %s. It should reach you in a few minutes. "
                                "Check your spam folder too."), time);
      break;
    case STATUS_WAITING:
      text = g_strdup (_("The mail server is not answering. Your email is kept and will be sent when it answers; "
                         "you can leave."));
      break;
    case STATUS_REFUSED:
      text = g_strdup (_("The mail server refused this address. Check it and try again."));
      break;
    case STATUS_FAILED:
      text = g_strdup (_("Sorry, the email could not be prepared. Please ask staff for help."));
      break;
    case STATUS_NONE:
    default:
      break;
    }
  if (text != NULL && g_strcmp0 (text, gtk_label_get_text (self->status_label)) != 0)
    jk_page_say (JK_PAGE (self), text, JK_SPEAK_QUEUE);
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  /* An empty line would take the room the field needs. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->status_label)),
                          text != NULL || gtk_widget_get_visible (GTK_WIDGET (self->spinner)));
  gtk_widget_set_sensitive (self->send_button, self->request != NULL && !self->sending);
  gtk_widget_set_sensitive (GTK_WIDGET (self->address_entry), self->request != NULL && !self->sending);
  atk_object_set_description (gtk_widget_get_accessible (self->send_button),
                              self->request == NULL ? _("Nothing to send right now.") : "");
}

static void
set_status (JkMailPage *self,
            Status      status)
{
  self->status = status;
  show_status (self);
}

static gboolean
send_work (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  SendJob *job = data;

  return jk_mail_request_send (job->request, job->address, job->now, &job->state, error);
}

static void
stop_spinner (JkMailPage *self)
{
  gtk_spinner_stop (self->spinner);
  gtk_widget_hide (GTK_WIDGET (self->spinner));
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_sent (JkPage       *page,
         gpointer      data,
         const GError *error)
{
  JkMailPage *self = JK_MAIL_PAGE (page);
  SendJob *job = data;

  self->sending = FALSE;
  stop_spinner (self);
  if (error != NULL)
    {
      g_warning ("Cannot keep the email: %s", error->message);
      /* Nothing was kept: the visitor may try again. */
      self->request = g_steal_pointer (&job->request);
      set_status (self, STATUS_FAILED);
      return;
    }
  if (job->state == JK_OUTBOX_GIVEN_UP)
    {
      /* Refused for good: the address may be mistyped; the printout stays to try again. */
      self->request = g_steal_pointer (&job->request);
      set_status (self, STATUS_REFUSED);
      gtk_widget_grab_focus (GTK_WIDGET (self->address_entry));
      return;
    }
  clear_address (self);
  g_clear_pointer (&self->handed_at, g_date_time_unref);
  self->handed_at = g_date_time_new_from_unix_local (job->now);
  set_status (self, job->state == JK_OUTBOX_HANDED_OVER ? STATUS_HANDED_OVER : STATUS_WAITING);
}

static void
on_send_clicked (JkMailPage *self)
{
  g_autofree char *address = NULL;
  SendJob *job;

  if (self->request == NULL || self->sending)
    return;
  address = g_strstrip (g_strdup (gtk_entry_get_text (self->address_entry)));
  if (!jk_mail_address_is_valid (address))
    {
      set_status (self, STATUS_BAD_ADDRESS);
      gtk_widget_grab_focus (GTK_WIDGET (self->address_entry));
      return;
    }
  job = g_new0 (SendJob, 1);
  job->request = g_steal_pointer (&self->request);
  job->address = g_steal_pointer (&address);
  job->now = jk_mail_flow_now (self->flow);
  self->sending = TRUE;
  gtk_widget_show (GTK_WIDGET (self->spinner));
  gtk_spinner_start (self->spinner);
  set_status (self, STATUS_SENDING);
  jk_page_run (JK_PAGE (self), "jk-mail-send", send_work, on_sent, job, (GDestroyNotify) send_job_free);
}

static void
on_address_changed (JkMailPage *self)
{
  /* A mistake pointed out goes once the visitor corrects it. */
  if (self->status == STATUS_BAD_ADDRESS || self->status == STATUS_REFUSED)
    set_status (self, STATUS_NONE);
}

static void
on_ending_clicked (GtkButton  *button,
                   JkMailPage *self)
{
  const char *text = g_object_get_data (G_OBJECT (button), "jk-ending");
  int position = gtk_editable_get_position (GTK_EDITABLE (self->address_entry));

  gtk_editable_insert_text (GTK_EDITABLE (self->address_entry), text, -1, &position);
  gtk_editable_set_position (GTK_EDITABLE (self->address_entry), position);
  gtk_widget_grab_focus (GTK_WIDGET (self->address_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->address_entry), position, position);
}

static void
add_endings (JkMailPage *self)
{
  for (gsize i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (endings[i].text);
      GtkWidget *child;

      gtk_style_context_add_class (gtk_widget_get_style_context (button), "chip");
      /* Room for the focus ring, which the flow box would otherwise clip. */
      gtk_widget_set_margin_start (button, 6);
      gtk_widget_set_margin_end (button, 6);
      gtk_widget_set_margin_top (button, 6);
      gtk_widget_set_margin_bottom (button, 6);
      g_object_set_data (G_OBJECT (button), "jk-ending", (gpointer) endings[i].text);
      /* Typing into the field, not leaving it: the keyboard stays up. */
      gtk_widget_set_focus_on_click (button, FALSE);
      g_signal_connect (button, "clicked", G_CALLBACK (on_ending_clicked), self);
      gtk_widget_show (button);
      gtk_container_add (GTK_CONTAINER (self->endings_box), button);
      child = gtk_widget_get_parent (button);
      gtk_widget_set_can_focus (child, FALSE);
    }
}

/* The endings' names in the visit's language. */
static void
name_endings (JkMailPage *self)
{
  g_autoptr (GList) children = gtk_container_get_children (GTK_CONTAINER (self->endings_box));
  gsize i = 0;

  for (GList *l = children; l != NULL && i < G_N_ELEMENTS (endings); l = l->next, i++)
    {
      GtkWidget *button = gtk_bin_get_child (GTK_BIN (l->data));
      /* TRANSLATORS: the accessible name of a button that types the end of an email address: "Type @gmail.com" */
      g_autofree char *name = g_strdup_printf (_("Type %s"), endings[i].name != NULL ? _(endings[i].name)
                                                                                     : endings[i].text);

      atk_object_set_name (gtk_widget_get_accessible (button), name);
    }
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static gboolean
jk_mail_page_prepare (JkPage   *page,
                      GVariant *argument)
{
  JkMailPage *self = JK_MAIL_PAGE (page);
  JkMailRequest *request = jk_mail_flow_take_request (self->flow);

  if (request == NULL)
    return self->request != NULL || self->status != STATUS_NONE;
  if (self->sending)
    {
      /* The last one is on its way: it finishes on its own, unseen. */
      jk_page_cancel_work (page);
      self->sending = FALSE;
      stop_spinner (self);
    }
  g_clear_pointer (&self->request, jk_mail_request_free);
  self->request = request;
  self->status = STATUS_NONE;
  show_what (self);
  show_status (self);
  return TRUE;
}

static void
jk_mail_page_enter (JkPage *page)
{
  JkMailPage *self = JK_MAIL_PAGE (page);

  if (self->request != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->address_entry));
}

static void
jk_mail_page_reset (JkPage *page)
{
  JkMailPage *self = JK_MAIL_PAGE (page);

  /* Chains up first: the page's editables are cleared, its work cancelled
   * (an email already kept is still sent: it is in the outbox). */
  JK_PAGE_CLASS (jk_mail_page_parent_class)->reset (page);
  clear_address (self);
  self->sending = FALSE;
  stop_spinner (self);
  g_clear_pointer (&self->request, jk_mail_request_free);
  g_clear_pointer (&self->handed_at, g_date_time_unref);
  self->status = STATUS_NONE;
  show_what (self);
  show_status (self);
}

static void
jk_mail_page_language_changed (JkPage *page)
{
  JkMailPage *self = JK_MAIL_PAGE (page);

  JK_PAGE_CLASS (jk_mail_page_parent_class)->language_changed (page);
  show_what (self);
  show_status (self);
  name_endings (self);
}

static void
jk_mail_page_dispose (GObject *object)
{
  JkMailPage *self = JK_MAIL_PAGE (object);

  g_clear_object (&self->flow);
  g_clear_pointer (&self->request, jk_mail_request_free);
  g_clear_pointer (&self->handed_at, g_date_time_unref);
  G_OBJECT_CLASS (jk_mail_page_parent_class)->dispose (object);
}

static void
jk_mail_page_class_init (JkMailPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JkPageClass *page_class = JK_PAGE_CLASS (klass);

  object_class->dispose = jk_mail_page_dispose;
  page_class->prepare = jk_mail_page_prepare;
  page_class->enter = jk_mail_page_enter;
  page_class->reset = jk_mail_page_reset;
  page_class->language_changed = jk_mail_page_language_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/mail/jk-mail-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JkMailPage, what_label);
  gtk_widget_class_bind_template_child (widget_class, JkMailPage, address_entry);
  gtk_widget_class_bind_template_child (widget_class, JkMailPage, endings_box);
  gtk_widget_class_bind_template_child (widget_class, JkMailPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, JkMailPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, JkMailPage, send_button);
  gtk_widget_class_bind_template_callback (widget_class, on_send_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_address_changed);
}

static void
jk_mail_page_init (JkMailPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_endings (self);
  name_endings (self);
  jk_page_set_main_action (JK_PAGE (self), self->send_button);
  jk_page_init_strings (JK_PAGE (self));
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

static JkPage *
create (const JkPageInfo    *info,
        const JkPageContext *context)
{
  /* TRANSLATORS: the title of the page that emails a printout to the visitor */
  JkMailPage *self = g_object_new (JK_TYPE_MAIL_PAGE, "title", N_("Send by email"), "prompt",
                                   N_("Type your email address, then press Send."), NULL);

  self->flow = g_object_ref (context->mail_flow);
  show_what (self);
  show_status (self);
  return JK_PAGE (self);
}

const JkPageInfo jk_mail_page_info = { "email", 0, create };

gboolean
jk_mail_page_is_sending (JkMailPage *self)
{
  return self->sending;
}

const char *
jk_mail_page_get_status (JkMailPage *self)
{
  return gtk_label_get_text (self->status_label);
}

GtkEntry *
jk_mail_page_get_entry (JkMailPage *self)
{
  return self->address_entry;
}
