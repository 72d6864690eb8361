/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-referral-page.c: "Ask them to contact me": the visitor's first name, phone and reason, consent, the slip */

#define G_LOG_DOMAIN "jk-referral-page"

#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-mail.h>
#include <jobkiosk/jk-referrals.h>
#include <sodium.h>
#include <string.h>

#include "print/jk-print-flow.h"
#include "shell/jk-retranslate.h"
#include "shell/jk-window.h"
#include "jk-referral-page.h"

#define REFERRAL_PAGE_CHILDREN \
  X (GtkScrolledWindow, scroller) X (GtkStack, steps) X (GtkLabel, form_heading) X (GtkLabel, service_label) \
  X (GtkEntry, first_name_entry) X (GtkEntry, phone_entry) X (GtkBox, reasons_box) X (GtkLabel, form_error) \
  X (GtkLabel, consent_label) X (GtkLabel, summary_label) X (GtkLabel, sent_heading) X (GtkLabel, reference_label) \
  X (GtkLabel, sent_body) X (GtkButton, back_button) X (GtkButton, print_button) X (GtkButton, next_button) \
  X (GtkButton, send_button)

struct _JkReferralPage
{
  JkPage parent_instance;

#define X(type, name) type *name;
  REFERRAL_PAGE_CHILDREN
#undef X

  const JkConfig *config;
  JkStore *store;
  JkClock *clock;
  JkPrintFlow *print_flow;
  char *db_path;

  JkReferralService *service;
  JkPartner *partner;
  const char *reason;          /* a key of JK_REFERRAL_REASONS, or NULL */
  const char *form_problem;    /* a msgid shown under the form, or NULL */
  gboolean busy;

  /* What was sent, for the slip: never the name or the whole number. */
  char *reference;
  char *phone_masked;
};

G_DEFINE_FINAL_TYPE (JkReferralPage, jk_referral_page, JK_TYPE_PAGE)

typedef struct {
  const char *key;
  const char *label;
} Reason;

static const Reason reasons[] = {
#define X(id, key, label) { key, label },
  JK_REFERRAL_REASONS
#undef X
};

typedef struct {
  const JkConfig *config;
  char *db_path;
  JkPartner *partner;
  JkReferralService *service;
  char *first_name;
  char *phone;
  char *reason;
  char *language;
  gint64 now;
  char *reference;
  gint64 outbox_id;
} SendJob;

typedef struct {
  const JkConfig *config;
  char *db_path;
  gint64 outbox_id;
  gint64 now;
} DeliverJob;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
wipe_string (char **text)
{
  if (*text == NULL)
    return;
  sodium_memzero (*text, strlen (*text));
  g_clear_pointer (text, g_free);
}

static void
send_job_free (gpointer data)
{
  SendJob *job = data;

  g_free (job->db_path);
  jk_partner_free (job->partner);
  jk_referral_service_free (job->service);
  wipe_string (&job->first_name);
  wipe_string (&job->phone);
  g_free (job->reason);
  g_free (job->language);
  g_free (job->reference);
  g_free (job);
}

static void
deliver_job_free (gpointer data)
{
  DeliverJob *job = data;

  g_free (job->db_path);
  g_free (job);
}

static JkPartner *
copy_partner (const JkPartner *partner)
{
  JkPartner *copy = g_new0 (JkPartner, 1);

  copy->name = g_strdup (partner->name);
  copy->display_name = g_strdup (partner->display_name);
  copy->organization = g_strdup (partner->organization);
  copy->endpoint = g_strdup (partner->endpoint);
  copy->token_file = g_strdup (partner->token_file);
  return copy;
}

static JkReferralService *
copy_service (const JkReferralService *service)
{
  JkReferralService *copy = g_new0 (JkReferralService, 1);

  copy->id = service->id;
  copy->organization = g_strdup (service->organization);
  copy->name = g_strdup (service->name);
  copy->category = g_strdup (service->category);
  return copy;
}

static const char *
current_step (JkReferralPage *self)
{
  return gtk_stack_get_visible_child_name (self->steps);
}

static gboolean
is_step (JkReferralPage *self,
         const char     *name)
{
  return g_strcmp0 (current_step (self), name) == 0;
}

/* The fields emptied: the visitor's words are in the sealed outbox only. */
static void
clear_fields (JkReferralPage *self)
{
  gtk_entry_set_text (self->first_name_entry, "");
  gtk_entry_set_text (self->phone_entry, "");
  self->reason = NULL;
  self->form_problem = NULL;
}

static void
update_reason_chips (JkReferralPage *self)
{
  GList *children = gtk_container_get_children (GTK_CONTAINER (self->reasons_box));

  for (GList *l = children; l != NULL; l = l->next)
    {
      const char *key = g_object_get_data (l->data, "jk-reason");

      g_signal_handlers_block_matched (l->data, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      gtk_toggle_button_set_active (l->data, self->reason != NULL && g_strcmp0 (key, self->reason) == 0);
      g_signal_handlers_unblock_matched (l->data, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
    }
  g_list_free (children);
}

/* Every sentence naming the partner, the service or what was typed, in the
 * visit's language: again after a switch. */
static void
update_texts (JkReferralPage *self)
{
  g_autofree char *heading = NULL;
  g_autofree char *service = NULL;
  g_autofree char *consent = NULL;
  g_autofree char *sent_heading = NULL;
  g_autofree char *sent_body = NULL;
  const char *partner = self->partner != NULL ? self->partner->display_name : "";

  /* TRANSLATORS: the referral form's heading; %s is a partner's name */
  heading = g_strdup_printf (_("Ask %s to call you"), partner);
  /* TRANSLATORS: %s is the service the visitor asks about */
  service = g_strdup_printf (_("About: %s"), self->service != NULL ? self->service->name : "");
  /* TRANSLATORS: the consent screen; %s is a partner's name */
  consent = g_strdup_printf (_("We will send your first name, your phone number and the reason you pick to %s. "
                               "They will call you. Nothing else about you is kept on this kiosk."), partner);
  gtk_label_set_text (self->form_heading, heading);
  gtk_label_set_text (self->service_label, service);
  gtk_label_set_text (self->consent_label, consent);
  if (is_step (self, "consent"))
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_entry_get_text (self->first_name_entry)));
      g_autofree char *digits = jk_referrals_phone_digits (gtk_entry_get_text (self->phone_entry));
      g_autofree char *phone = digits != NULL ? jk_referrals_phone_display (digits) : g_strdup ("");
      const char *reason = jk_referrals_reason_name (self->reason);
      /* TRANSLATORS: what will be sent, one item a line */
      g_autofree char *summary = g_strdup_printf (_("First name: %s\nPhone: %s\nReason: %s"), name, phone,
                                                  reason != NULL ? reason : "");

      gtk_label_set_text (self->summary_label, summary);
      if (digits != NULL)
        sodium_memzero (digits, strlen (digits));
    }
  else
    gtk_label_set_text (self->summary_label, "");
  if (self->reference != NULL)
    {
      /* TRANSLATORS: after a referral was sent; %s is a partner's name */
      sent_heading = g_strdup_printf (_("Sent. %s will call you."), partner);
      /* TRANSLATORS: %s is a phone number with most digits hidden: "(xxx) xxx-xx12" */
      sent_body = g_strdup_printf (_("They will call you at %s. If nobody calls you in 3 work days, ask the staff "
                                     "here and give them your reference number."), self->phone_masked);
      gtk_label_set_text (self->sent_heading, sent_heading);
      gtk_label_set_text (self->reference_label, self->reference);
      gtk_label_set_text (self->sent_body, sent_body);
    }
  if (self->form_problem != NULL)
    {
      gtk_label_set_text (self->form_error, _(self->form_problem));
      gtk_widget_show (GTK_WIDGET (self->form_error));
    }
  else
    gtk_widget_hide (GTK_WIDGET (self->form_error));
}

static void
show_step (JkReferralPage *self,
           const char     *step)
{
  gboolean form = g_str_equal (step, "form");
  gboolean consent = g_str_equal (step, "consent");
  gboolean sent = g_str_equal (step, "sent");
  GtkWidget *main_action = GTK_WIDGET (form ? self->next_button : consent ? self->send_button : self->print_button);

  gtk_stack_set_visible_child_name (self->steps, step);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), form);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), consent);
  gtk_widget_set_visible (GTK_WIDGET (self->send_button), consent);
  gtk_widget_set_visible (GTK_WIDGET (self->print_button), sent);
  gtk_widget_set_sensitive (GTK_WIDGET (self->send_button), !self->busy);
  jk_page_set_main_action (JK_PAGE (self), main_action);
  jk_page_set_step (JK_PAGE (self), form ? 1 : consent ? 2 : 3, 3);
  update_texts (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
say_step (JkReferralPage *self)
{
  if (!jk_page_is_speaking (JK_PAGE (self)))
    return;
  if (is_step (self, "consent"))
    {
      jk_page_say (JK_PAGE (self), gtk_label_get_text (self->consent_label), JK_SPEAK_QUEUE);
      jk_page_say (JK_PAGE (self), gtk_label_get_text (self->summary_label), JK_SPEAK_QUEUE);
    }
  else if (is_step (self, "sent"))
    {
      /* TRANSLATORS: spoken; %s is the reference number ("R-7K3M") */
      g_autofree char *reference = g_strdup_printf (_("Your reference number is %s."), self->reference);

      jk_page_say (JK_PAGE (self), gtk_label_get_text (self->sent_heading), JK_SPEAK_QUEUE);
      jk_page_say (JK_PAGE (self), reference, JK_SPEAK_QUEUE);
      jk_page_say (JK_PAGE (self), gtk_label_get_text (self->sent_body), JK_SPEAK_QUEUE);
    }
  else
    jk_page_say (JK_PAGE (self), gtk_label_get_text (self->form_heading), JK_SPEAK_QUEUE);
}

static void
forget (JkReferralPage *self)
{
  g_clear_pointer (&self->service, jk_referral_service_free);
  g_clear_pointer (&self->partner, jk_partner_free);
  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->phone_masked, g_free);
  gtk_label_set_text (self->reference_label, "");
  gtk_label_set_text (self->sent_heading, "");
  gtk_label_set_text (self->sent_body, "");
}

static JkReferralPage *
find_referral_page (JkPage *from)
{
  GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (from));
  JkPage *page;

  if (!JK_IS_WINDOW (toplevel))
    {
      GApplication *application = g_application_get_default ();

      toplevel = application != NULL && GTK_IS_APPLICATION (application)
                   ? GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (application)))
                   : NULL;
    }
  if (toplevel == NULL || !JK_IS_WINDOW (toplevel))
    return NULL;
  page = jk_window_get_page (JK_WINDOW (toplevel), &jk_referral_page_info);
  return page != NULL && JK_IS_REFERRAL_PAGE (page) ? JK_REFERRAL_PAGE (page) : NULL;
}

/* ---------------------------------------------------------------------- */
/* Work                                                                   */

static gboolean
send_work (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  SendJob *job = data;

  job->reference = jk_referrals_queue (job->config, job->db_path, job->partner, job->service, job->first_name,
                                       job->phone, job->reason, job->language, job->now, &job->outbox_id, error);
  return job->reference != NULL;
}

/* Handed over at once where the partner answers; otherwise the outbox's
 * minute (or jobkioskctl outbox flush) tries again. Not the page's work:
 * leaving the page must not stop it, and nothing of it is shown. */
static gboolean
deliver_work (gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  DeliverJob *job = data;
  g_autoptr (GError) local_error = NULL;
  JkOutboxState state = jk_outbox_deliver (job->config, job->db_path, job->outbox_id, job->now, &local_error);

  if (state != JK_OUTBOX_HANDED_OVER)
    g_info ("the referral waits in the outbox: %s", local_error != NULL ? local_error->message : "");
  return TRUE;
}

static void
on_sent (JkPage       *page,
         gpointer      data,
         const GError *error)
{
  JkReferralPage *self = JK_REFERRAL_PAGE (page);
  SendJob *job = data;
  g_autofree char *digits = NULL;
  DeliverJob *deliver;

  self->busy = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->send_button), TRUE);
  if (error != NULL)
    {
      g_warning ("The referral was not kept: %s", error->message);
      self->form_problem = g_error_matches (error, JK_REFERRALS_ERROR, JK_REFERRALS_ERROR_BAD_INPUT)
                             ? N_("Check your first name, your phone number and the reason.")
                             : N_("Sorry, this could not be sent. Please ask the staff for help.");
      show_step (self, "form");
      jk_page_say (page, _(self->form_problem), JK_SPEAK_QUEUE);
      return;
    }
  digits = jk_referrals_phone_digits (job->phone);
  self->phone_masked = digits != NULL ? jk_referrals_phone_masked (digits) : g_strdup ("");
  if (digits != NULL)
    sodium_memzero (digits, strlen (digits));
  self->reference = g_strdup (job->reference);
  clear_fields (self);
  update_reason_chips (self);
  show_step (self, "sent");
  say_step (self);

  deliver = g_new0 (DeliverJob, 1);
  deliver->config = job->config;
  deliver->db_path = g_strdup (job->db_path);
  deliver->outbox_id = job->outbox_id;
  deliver->now = job->now;
  jk_task_run (NULL, NULL, "jk-referral-deliver", deliver_work, NULL, deliver, deliver_job_free);
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_reason_toggled (GtkToggleButton *button,
                   JkReferralPage  *self)
{
  if (gtk_toggle_button_get_active (button))
    self->reason = g_object_get_data (G_OBJECT (button), "jk-reason");
  else if (g_strcmp0 (self->reason, g_object_get_data (G_OBJECT (button), "jk-reason")) == 0)
    self->reason = NULL;
  update_reason_chips (self);
}

static void
on_next_clicked (JkReferralPage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_entry_get_text (self->first_name_entry)));
  g_autofree char *digits = jk_referrals_phone_digits (gtk_entry_get_text (self->phone_entry));

  if (name[0] == '\0')
    self->form_problem = N_("Type your first name.");
  else if (digits == NULL)
    self->form_problem = N_("Type a US phone number with its area code: 10 numbers.");
  else if (self->reason == NULL)
    self->form_problem = N_("Pick a reason.");
  else
    self->form_problem = NULL;
  if (digits != NULL)
    sodium_memzero (digits, strlen (digits));
  if (self->form_problem != NULL)
    {
      update_texts (self);
      jk_page_say (JK_PAGE (self), _(self->form_problem), JK_SPEAK_INTERRUPT);
      return;
    }
  show_step (self, "consent");
  say_step (self);
}

static void
on_send_clicked (JkReferralPage *self)
{
  SendJob *job;
  g_autoptr (GDateTime) now = NULL;

  if (self->busy || self->partner == NULL || self->service == NULL || !is_step (self, "consent"))
    return;
  now = jk_clock_now_local (self->clock);
  job = g_new0 (SendJob, 1);
  job->config = self->config;
  job->db_path = g_strdup (self->db_path);
  job->partner = copy_partner (self->partner);
  job->service = copy_service (self->service);
  job->first_name = g_strdup (gtk_entry_get_text (self->first_name_entry));
  job->phone = g_strdup (gtk_entry_get_text (self->phone_entry));
  job->reason = g_strdup (self->reason);
  job->language = g_strdup (jk_session_get_language (jk_page_get_session (JK_PAGE (self))));
  job->now = g_date_time_to_unix (now);
  self->busy = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->send_button), FALSE);
  jk_page_run (JK_PAGE (self), "jk-referral-send", send_work, on_sent, job, send_job_free);
}

/* "No, go back": nothing is sent, nothing typed is kept. */
static void
on_back_clicked (JkReferralPage *self)
{
  GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));

  clear_fields (self);
  update_reason_chips (self);
  show_step (self, "form");
  if (JK_IS_WINDOW (toplevel))
    jk_window_go_back (JK_WINDOW (toplevel));
}

static void
on_print_clicked (JkReferralPage *self)
{
  JkReferralSlipInput input = { 0 };

  if (self->reference == NULL || self->partner == NULL || self->service == NULL)
    return;
  input.reference = self->reference;
  input.partner = self->partner->display_name;
  input.service = self->service->name;
  input.phone_masked = self->phone_masked;
  jk_print_flow_show (self->print_flow, JK_PAGE (self), &jk_document_referral_slip, &input);
}

static void
on_ask_clicked (GtkButton *button,
                JkPage    *page)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "jk-service-id");

  jk_page_navigate (page, &jk_referral_page_info, g_variant_new_int64 (id));
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static gboolean
jk_referral_page_prepare (JkPage   *page,
                          GVariant *argument)
{
  JkReferralPage *self = JK_REFERRAL_PAGE (page);
  g_autoptr (GError) error = NULL;
  g_autoptr (JkReferralService) service = NULL;
  g_autoptr (JkPartner) partner = NULL;

  /* Back from printing the slip: as it was. */
  if (argument == NULL)
    return self->service != NULL;
  if (!g_variant_is_of_type (argument, G_VARIANT_TYPE_INT64))
    return FALSE;
  service = jk_referrals_get_service (self->store, g_variant_get_int64 (argument), &error);
  if (service == NULL)
    {
      g_info ("no referral for this service: %s", error->message);
      return FALSE;
    }
  partner = jk_referrals_find_partner (self->config, service->organization);
  if (partner == NULL)
    return FALSE;
  forget (self);
  clear_fields (self);
  update_reason_chips (self);
  self->service = g_steal_pointer (&service);
  self->partner = g_steal_pointer (&partner);
  show_step (self, "form");
  return TRUE;
}

static void
jk_referral_page_enter (JkPage *page)
{
  JkReferralPage *self = JK_REFERRAL_PAGE (page);

  say_step (self);
}

static void
jk_referral_page_leave (JkPage *page)
{
  JkReferralPage *self = JK_REFERRAL_PAGE (page);

  self->busy = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->send_button), TRUE);
}

static void
jk_referral_page_reset (JkPage *page)
{
  JkReferralPage *self = JK_REFERRAL_PAGE (page);

  jk_referral_page_leave (page);
  JK_PAGE_CLASS (jk_referral_page_parent_class)->reset (page);
  clear_fields (self);
  update_reason_chips (self);
  forget (self);
  show_step (self, "form");
}

static void
jk_referral_page_language_changed (JkPage *page)
{
  JkReferralPage *self = JK_REFERRAL_PAGE (page);

  JK_PAGE_CLASS (jk_referral_page_parent_class)->language_changed (page);
  update_texts (self);
}

static void
jk_referral_page_finalize (GObject *object)
{
  JkReferralPage *self = JK_REFERRAL_PAGE (object);

  g_clear_pointer (&self->service, jk_referral_service_free);
  g_clear_pointer (&self->partner, jk_partner_free);
  g_free (self->reference);
  g_free (self->phone_masked);
  g_free (self->db_path);
  G_OBJECT_CLASS (jk_referral_page_parent_class)->finalize (object);
}

static void
jk_referral_page_class_init (JkReferralPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JkPageClass *page_class = JK_PAGE_CLASS (klass);

  object_class->finalize = jk_referral_page_finalize;
  page_class->prepare = jk_referral_page_prepare;
  page_class->enter = jk_referral_page_enter;
  page_class->leave = jk_referral_page_leave;
  page_class->reset = jk_referral_page_reset;
  page_class->language_changed = jk_referral_page_language_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/services/jk-referral-page.ui");
#define X(type, name) gtk_widget_class_bind_template_child (widget_class, JkReferralPage, name);
  REFERRAL_PAGE_CHILDREN
#undef X
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_send_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked);
}

/* One chip per reason, side by side; their words wrap rather than widen
 * the window in larger Spanish text. */
static void
add_reason_chips (JkReferralPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      jk_retranslate_set_label (GTK_LABEL (label), reasons[i].label);
      jk_retranslate_set_a11y_name (button, reasons[i].label);
      gtk_container_add (GTK_CONTAINER (button), label);
      gtk_style_context_add_class (gtk_widget_get_style_context (button), "chip");
      g_object_set_data (G_OBJECT (button), "jk-reason", (gpointer) reasons[i].key);
      g_signal_connect (button, "toggled", G_CALLBACK (on_reason_toggled), self);
      gtk_widget_show_all (button);
      gtk_container_add (GTK_CONTAINER (self->reasons_box), button);
    }
}

static void
jk_referral_page_init (JkReferralPage *self)
{
  PangoAttrList *big = pango_attr_list_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  pango_attr_list_insert (big, pango_attr_scale_new (3.0));
  pango_attr_list_insert (big, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  gtk_label_set_attributes (self->reference_label, big);
  pango_attr_list_unref (big);
  add_reason_chips (self);
  jk_page_init_strings (JK_PAGE (self));
}

static JkPage *
create (const JkPageInfo    *info,
        const JkPageContext *context)
{
  JkReferralPage *self = g_object_new (JK_TYPE_REFERRAL_PAGE, "title", N_("Get a call"), "prompt",
                                       N_("Type your first name and phone number, and pick why they should call."),
                                       NULL);

  self->config = context->config;
  self->store = context->store;
  self->clock = context->clock;
  self->print_flow = context->print_flow;
  self->db_path = g_strdup (jk_store_get_path (context->store));
  show_step (self, "form");
  return JK_PAGE (self);
}

const JkPageInfo jk_referral_page_info = { "referral", 0, create };

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

GtkWidget *
jk_referral_page_new_button (JkPage          *page,
                             const JkService *service)
{
  JkReferralPage *referral_page;
  g_autoptr (JkPartner) partner = NULL;
  GtkWidget *button;

  g_return_val_if_fail (JK_IS_PAGE (page), NULL);
  g_return_val_if_fail (service != NULL, NULL);

  referral_page = find_referral_page (page);
  if (referral_page == NULL)
    return NULL;
  partner = jk_referrals_find_partner (referral_page->config, service->organization);
  if (partner == NULL)
    return NULL;
  button = gtk_button_new ();
  jk_retranslate_set_button (GTK_BUTTON (button), N_("Ask them to contact me"));
  /* It sits in a row of equal buttons: its words wrap like theirs rather
   * than widen the row past a 1280 px screen in larger text. */
  {
    GtkLabel *label = GTK_LABEL (gtk_bin_get_child (GTK_BIN (button)));

    gtk_label_set_line_wrap (label, TRUE);
    gtk_label_set_max_width_chars (label, 20);
    gtk_label_set_justify (label, GTK_JUSTIFY_CENTER);
  }
  g_object_set_data_full (G_OBJECT (button), "jk-service-id", g_memdup2 (&service->id, sizeof service->id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_ask_clicked), page);
  gtk_widget_show (button);
  return button;
}

const char *
jk_referral_page_get_step (JkReferralPage *self)
{
  return current_step (self);
}

const char *
jk_referral_page_get_reference (JkReferralPage *self)
{
  return self->reference;
}

gboolean
jk_referral_page_is_busy (JkReferralPage *self)
{
  return self->busy;
}

GtkWidget *
jk_referral_page_get_widget (JkReferralPage *self,
                             const char     *id)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), JK_TYPE_REFERRAL_PAGE, id));
}
