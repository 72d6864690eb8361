/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-mail-flow.c: from an "Email it to me" button to the center's mail relay */

#define G_LOG_DOMAIN "jk-mail-flow"

#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-task.h>

#include "mail/jk-mail-page.h"
#include "jk-mail-flow.h"

#define RETRY_SECONDS 60

struct _JkMailRequest
{
  JkDocumentRequest *document;
  char *database_path;
};

struct _JkMailFlow
{
  GObject parent_instance;

  const JkConfig *config;
  char *database_path;
  char *center_name;
  JkPaperSize paper;
  JkClock *clock;
  JkSession *session;

  JkMailRequest *request;    /* asked for, not yet taken by the email page */
  guint retry_id;
  gboolean retrying;
};

/* What a minute's retry is handed. */
typedef struct {
  const JkConfig *config;
  char *database_path;
  gint64 now;
} RetryWork;

G_DEFINE_FINAL_TYPE (JkMailFlow, jk_mail_flow, G_TYPE_OBJECT)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
retry_work_free (RetryWork *work)
{
  g_free (work->database_path);
  g_free (work);
}

static gboolean
retry_work (gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  RetryWork *work = data;
  g_autoptr (GError) local_error = NULL;
  guint handed_over = jk_outbox_deliver_due (work->config, work->database_path, work->now, &local_error);

  if (handed_over > 0)
    g_info ("%u waiting emails handed to the relay", handed_over);
  if (local_error != NULL)
    g_info ("the outbox waits: %s", local_error->message);
  return TRUE;
}

/* The attachment's file name, in the visitor's language: what they see
 * in their mail. ASCII only, which every reader shows whole. */
static char *
attachment_name (const JkMailRequest *request,
                 const char          *extension)
{
  g_autofree char *title = g_str_to_ascii (_(request->document->kind->title), NULL);
  GString *name = g_string_new (NULL);

  for (const char *p = title; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (name, g_ascii_tolower (*p));
      else if (name->len > 0 && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
    }
  while (name->len > 0 && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_append (name, "document");
  g_string_append_printf (name, ".%s", extension);
  return g_string_free (name, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_retried (gpointer      source,
            gpointer      data,
            const GError *error)
{
  JK_MAIL_FLOW (source)->retrying = FALSE;
}

static gboolean
retry_cb (gpointer user_data)
{
  jk_mail_flow_retry (user_data);
  return G_SOURCE_CONTINUE;
}

/* The wipe: what the visitor asked to email, if the page never took it, goes. */
static void
on_visit_ended (JkMailFlow *self)
{
  g_clear_pointer (&self->request, jk_mail_request_free);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_mail_flow_dispose (GObject *object)
{
  JkMailFlow *self = JK_MAIL_FLOW (object);

  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->clock);
  g_clear_pointer (&self->request, jk_mail_request_free);
  G_OBJECT_CLASS (jk_mail_flow_parent_class)->dispose (object);
}

static void
jk_mail_flow_finalize (GObject *object)
{
  JkMailFlow *self = JK_MAIL_FLOW (object);

  g_free (self->database_path);
  g_free (self->center_name);
  G_OBJECT_CLASS (jk_mail_flow_parent_class)->finalize (object);
}

static void
jk_mail_flow_class_init (JkMailFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jk_mail_flow_dispose;
  object_class->finalize = jk_mail_flow_finalize;
}

static void
jk_mail_flow_init (JkMailFlow *self)
{
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkMailFlow *
jk_mail_flow_new (const JkConfig *config,
                  const char     *database_path,
                  JkClock        *clock,
                  JkSession      *session)
{
  JkMailFlow *self = g_object_new (JK_TYPE_MAIL_FLOW, NULL);

  self->config = config;
  self->database_path = g_strdup (database_path);
  self->center_name = g_strdup (config->center_name);
  self->paper = g_strcmp0 (config->print_paper, "a4") == 0 ? JK_PAPER_A4 : JK_PAPER_LETTER;
  self->clock = g_object_ref (clock);
  self->session = g_object_ref (session);
  g_signal_connect_swapped (session, "reset", G_CALLBACK (on_visit_ended), self);
  return self;
}

/* The minute's retry delivers every kind of the outbox: mail, and the
 * referrals to partners a kiosk without mail also sends. */
static gboolean
outbox_in_use (JkMailFlow *self)
{
  return jk_mail_flow_is_enabled (self) || self->config->partner_names->len > 0;
}

void
jk_mail_flow_start (JkMailFlow *self)
{
  if (!outbox_in_use (self))
    return;
  jk_mail_flow_retry (self);
  if (self->retry_id == 0)
    self->retry_id = g_timeout_add_seconds (RETRY_SECONDS, retry_cb, self);
}

void
jk_mail_flow_retry (JkMailFlow *self)
{
  RetryWork *work;

  /* A slow relay holds one try at a time, never a pile of them. */
  if (self->retrying || !outbox_in_use (self))
    return;
  work = g_new0 (RetryWork, 1);
  work->config = self->config;
  work->database_path = g_strdup (self->database_path);
  work->now = jk_mail_flow_now (self);
  self->retrying = TRUE;
  jk_task_run (self, NULL, "jk-outbox", retry_work, on_retried, work, (GDestroyNotify) retry_work_free);
}

gint64
jk_mail_flow_now (JkMailFlow *self)
{
  g_autoptr (GDateTime) now = jk_clock_now_local (self->clock);

  return g_date_time_to_unix (now);
}

gboolean
jk_mail_flow_is_retrying (JkMailFlow *self)
{
  return self->retrying;
}

gboolean
jk_mail_flow_is_enabled (JkMailFlow *self)
{
  return jk_mail_is_configured (self->config);
}

void
jk_mail_flow_show (JkMailFlow           *self,
                   JkPage               *from,
                   const JkDocumentKind *kind,
                   gconstpointer         input)
{
  JkMailRequest *request = g_new0 (JkMailRequest, 1);
  g_autoptr (GDateTime) now = jk_clock_now_local (self->clock);
  /* The application's configuration outlives every email. */
  JkDocumentContext context = { self->center_name, self->paper, now, jk_session_get_language (self->session),
                                self->config };

  request->document = jk_document_request_new (kind, input, &context);
  request->database_path = g_strdup (self->database_path);
  g_clear_pointer (&self->request, jk_mail_request_free);
  self->request = request;
  jk_page_navigate (from, &jk_mail_page_info, NULL);
}

JkMailRequest *
jk_mail_flow_take_request (JkMailFlow *self)
{
  return g_steal_pointer (&self->request);
}

const char *
jk_mail_request_get_title (JkMailRequest *request)
{
  return request->document->kind->title;
}

gboolean
jk_mail_request_send (JkMailRequest *request,
                      const char    *address,
                      gint64         now,
                      JkOutboxState *state,
                      GError       **error)
{
  const JkDocumentContext *context = &request->document->context;
  const char *center_name = context->center_name != NULL ? context->center_name : "Job Kiosk";
  g_autoptr (JkDocument) document = jk_document_request_render (request->document, error);
  g_autofree char *text = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *pdf_name = NULL;
  g_autoptr (JkMailMessage) message = NULL;
  g_autoptr (GError) deliver_error = NULL;
  gint64 id;

  if (document == NULL)
    return FALSE;
  text = jk_document_request_render_text (request->document);
  /* The words of the message in the visit's language, as the printout's. */
  jk_i18n_set_thread_language (context->language);
  pdf_name = attachment_name (request, "pdf");
  /* TRANSLATORS: an email's subject: what is attached, and the center it comes from */
  subject = g_strdup_printf (_("%1$s, from %2$s"), _(request->document->kind->title), center_name);
  /* TRANSLATORS: the start of the email a visitor sends to themselves; %s is the center's name */
  body = g_strdup_printf (_("Here is what you asked to send yourself at %s. The PDF file is attached; "
                            "the same text is below.\n\n%s"),
                          center_name, text != NULL ? text : "");
  jk_i18n_set_thread_language (NULL);
  message = jk_mail_message_new (address, subject, body);
  jk_mail_message_attach (message, pdf_name, "application/pdf", jk_document_get_pdf (document));

  id = jk_outbox_add_mail (context->config, request->database_path, message, now, error);
  if (id == 0)
    return FALSE;
  *state = jk_outbox_deliver (context->config, request->database_path, id, now,
                              &deliver_error);
  if (deliver_error != NULL)
    g_info ("email %" G_GINT64_FORMAT ": %s", id, deliver_error->message);
  return TRUE;
}

void
jk_mail_request_free (JkMailRequest *request)
{
  jk_document_request_free (request->document);
  g_free (request->database_path);
  g_free (request);
}
