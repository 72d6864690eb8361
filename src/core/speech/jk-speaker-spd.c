/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-speaker-spd.c: the kiosk's voice through speech-dispatcher, on a thread of its own */

#define G_LOG_DOMAIN "jk-speech"

#include <libspeechd.h>
#include <stdlib.h>
#include <string.h>

#include "jobkiosk/jk-i18n.h"
#include "jobkiosk/jk-speaker-spd.h"

#define CLIENT_NAME "jobkiosk"
/* After speech-dispatcher could not be reached, requests are dropped for
 * this long instead of each trying (and autospawning) again: a visitor
 * moving the focus would otherwise queue a connection attempt per step. */
#define RETRY_AFTER_US (2 * G_USEC_PER_SEC)

typedef enum {
  REQUEST_SPEAK,
  REQUEST_CANCEL,
} RequestType;

typedef struct {
  RequestType type;
  JkSpeakKind kind;
  char *text;
  char *language;
} Request;

struct _JkSpeakerSpd
{
  GObject parent_instance;

  char *module;
  GThread *thread;

  /* Shared with the caller and with libspeechd's event thread. */
  GMutex lock;
  GCond cond;
  GQueue requests;
  gboolean quit;
  gboolean busy;        /* the worker holds a request it took */
  guint rate;           /* 0-100, wanted */
  guint volume;
  guint handed;
  gint64 last_handed;
  gint64 last_id;       /* the last spd_say's message id */
  gint64 done_id;       /* the highest id speech-dispatcher said ended or was cancelled */

  /* The worker's alone. */
  SPDConnection *connection;
  int client_id;
  char *language;       /* set on the connection */
  int applied_rate;     /* on speech-dispatcher's -100..100; G_MININT: not yet */
  int applied_volume;
  gint64 retry_after;
  gboolean warned;
};

static void jk_speaker_spd_speaker_init (JkSpeakerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JkSpeakerSpd, jk_speaker_spd, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (JK_TYPE_SPEAKER, jk_speaker_spd_speaker_init))

/* libspeechd's callbacks carry no user data, only the client id: the
 * speakers with an open connection, by client id. */
G_LOCK_DEFINE_STATIC (clients);
static GHashTable *clients;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
request_free (Request *request)
{
  g_free (request->text);
  g_free (request->language);
  g_free (request);
}

static int
to_spd_scale (guint value)
{
  /* 0-100 with 50 the voice's normal onto -100..100 with 0 the normal. */
  return (int) MIN (value, 100) * 2 - 100;
}

/* libspeechd's reasons run to several lines ("Error: Can't connect to unix
 * socket …. Autospawn: …"): the first sentence says enough. */
static char *
short_reason (const char *reason)
{
  g_autofree char *text = g_strdup (reason != NULL && reason[0] != '\0' ? reason : "no reason given");
  char *end;
  char *start = text;

  if (g_str_has_prefix (start, "Error: "))
    start += strlen ("Error: ");
  end = strstr (start, ". ");
  if (end != NULL)
    *end = '\0';
  end = strchr (start, '\n');
  if (end != NULL)
    *end = '\0';
  g_strstrip (start);
  end = start + strlen (start);
  while (end > start && end[-1] == '.')
    *--end = '\0';
  return g_strdup (start);
}

static void
on_spd_event (size_t              msg_id,
              size_t              client_id,
              SPDNotificationType state)
{
  JkSpeakerSpd *self;

  G_LOCK (clients);
  self = clients != NULL ? g_hash_table_lookup (clients, GSIZE_TO_POINTER (client_id)) : NULL;
  if (self != NULL)
    {
      g_mutex_lock (&self->lock);
      /* Messages of one connection are spoken in order: the highest id
       * that ended tells that everything before it has ended too. */
      self->done_id = MAX (self->done_id, (gint64) msg_id);
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->lock);
    }
  G_UNLOCK (clients);
}

static SPDConnection *
open_connection (const char *module,
                 GError    **error)
{
  char *reason = NULL;
  SPDConnection *connection;

  /* NULL address: SPEECHD_ADDRESS, or the user's socket, autospawning. */
  connection = spd_open2 (CLIENT_NAME, "main", NULL, SPD_MODE_THREADED, NULL, TRUE, &reason);
  if (connection == NULL)
    {
      g_autofree char *why = short_reason (reason);

      g_debug ("spd_open2: %s", reason != NULL ? reason : "(no reason)");
      g_set_error (error, JK_SPEAKER_ERROR, JK_SPEAKER_ERROR_UNREACHABLE,
                   _("speech-dispatcher could not be reached (%s)"), why);
      free (reason);
      return NULL;
    }
  free (reason);
  /* Plain text: speech-dispatcher 0.11 itself escapes it into SSML for the
   * module (its debug log shows "&lt;speak&gt;"), so markup in a job title
   * is read out, never obeyed. */
  if (spd_set_data_mode (connection, SPD_DATA_TEXT) != 0 ||
      spd_set_punctuation (connection, SPD_PUNCT_SOME) != 0 ||
      (module != NULL && module[0] != '\0' && spd_set_output_module (connection, module) != 0))
    {
      spd_close (connection);
      g_set_error (error, JK_SPEAKER_ERROR, JK_SPEAKER_ERROR_FAILED,
                   _("speech-dispatcher refused the kiosk's settings (voice module “%s”)"), module);
      return NULL;
    }
  return connection;
}

static void
disconnect (JkSpeakerSpd *self)
{
  if (self->connection == NULL)
    return;
  G_LOCK (clients);
  g_hash_table_remove (clients, GINT_TO_POINTER (self->client_id));
  G_UNLOCK (clients);
  /* Outside the lock: spd_close joins the event thread, which may be
   * waiting for it in on_spd_event. */
  spd_close (self->connection);
  self->connection = NULL;
  g_clear_pointer (&self->language, g_free);
  g_mutex_lock (&self->lock);
  self->done_id = self->last_id;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

static gboolean
ensure_connection (JkSpeakerSpd *self)
{
  g_autoptr (GError) error = NULL;

  if (self->connection != NULL)
    return TRUE;
  if (g_get_monotonic_time () < self->retry_after)
    return FALSE;

  self->connection = open_connection (self->module, &error);
  if (self->connection == NULL)
    {
      /* Once per outage, not once per request. */
      if (!self->warned)
        g_warning ("Speech is not available: %s", error->message);
      self->warned = TRUE;
      self->retry_after = g_get_monotonic_time () + RETRY_AFTER_US;
      return FALSE;
    }
  if (self->warned)
    g_message ("Speech is available again");
  self->warned = FALSE;
  self->applied_rate = G_MININT;
  self->applied_volume = G_MININT;
  self->client_id = spd_get_client_id (self->connection);

  self->connection->callback_end = on_spd_event;
  self->connection->callback_cancel = on_spd_event;
  spd_set_notification_on (self->connection, SPD_END);
  spd_set_notification_on (self->connection, SPD_CANCEL);

  G_LOCK (clients);
  if (clients == NULL)
    clients = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (clients, GINT_TO_POINTER (self->client_id), self);
  G_UNLOCK (clients);

  /* Nothing said on an earlier connection is still to come. */
  g_mutex_lock (&self->lock);
  self->done_id = self->last_id = 0;
  g_mutex_unlock (&self->lock);
  return TRUE;
}

/* FALSE when the connection failed under it: the caller makes it again. */
static gboolean
apply_settings (JkSpeakerSpd *self,
                const char   *language)
{
  int rate, volume;

  g_mutex_lock (&self->lock);
  rate = to_spd_scale (self->rate);
  volume = to_spd_scale (self->volume);
  g_mutex_unlock (&self->lock);

  if (rate != self->applied_rate)
    {
      if (spd_set_voice_rate (self->connection, rate) != 0)
        return FALSE;
      self->applied_rate = rate;
    }
  if (volume != self->applied_volume)
    {
      if (spd_set_volume (self->connection, volume) != 0)
        return FALSE;
      self->applied_volume = volume;
    }
  if (language != NULL && g_strcmp0 (language, self->language) != 0)
    {
      if (spd_set_language (self->connection, language) != 0)
        return FALSE;
      g_free (self->language);
      self->language = g_strdup (language);
    }
  return TRUE;
}

static gboolean
hand_over (JkSpeakerSpd  *self,
           const Request *request)
{
  /* Every text has priority "message": messages wait for each other in
   * order (queue) and are not dropped by the server as "text" would be
   * when another client speaks; interrupting is our own spd_cancel. */
  int id;

  if (!apply_settings (self, request->language))
    return FALSE;

  if (request->kind == JK_SPEAK_CHARACTER && g_utf8_strlen (request->text, -1) == 1)
    {
      if (spd_char (self->connection, SPD_MESSAGE, request->text) != 0)
        return FALSE;
      id = 0;
    }
  else
    {
      /* A tone has no sound icon with espeak-ng here: its text ("digit"). */
      id = spd_say (self->connection, SPD_MESSAGE, request->text);
      if (id < 0)
        return FALSE;
    }

  g_mutex_lock (&self->lock);
  self->handed++;
  self->last_handed = g_get_monotonic_time ();
  if (id > 0)
    self->last_id = MAX (self->last_id, id);
  g_mutex_unlock (&self->lock);
  return TRUE;
}

static void
cancel_speech (JkSpeakerSpd *self)
{
  if (self->connection == NULL)
    return;
  if (spd_cancel (self->connection) != 0)
    {
      disconnect (self);
      return;
    }
  /* Whatever was handed is gone: nobody waits for its end event. */
  g_mutex_lock (&self->lock);
  self->done_id = MAX (self->done_id, self->last_id);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

static void
do_request (JkSpeakerSpd  *self,
            const Request *request)
{
  if (request->type == REQUEST_CANCEL)
    {
      cancel_speech (self);
      return;
    }

  /* One more try on a fresh connection when speech-dispatcher went away
   * (restarted, or exited when idle) since the last request. */
  for (int attempt = 0; attempt < 2; attempt++)
    {
      if (!ensure_connection (self))
        return;
      if (hand_over (self, request))
        return;
      g_debug ("speech-dispatcher connection lost; connecting again");
      disconnect (self);
    }
}

static gpointer
speak_work (gpointer data)
{
  JkSpeakerSpd *self = data;

  for (;;)
    {
      Request *request;

      g_mutex_lock (&self->lock);
      self->busy = FALSE;
      g_cond_broadcast (&self->cond);
      while (!self->quit && g_queue_is_empty (&self->requests))
        g_cond_wait (&self->cond, &self->lock);
      if (self->quit)
        {
          g_mutex_unlock (&self->lock);
          break;
        }
      request = g_queue_pop_head (&self->requests);
      self->busy = TRUE;
      g_mutex_unlock (&self->lock);

      do_request (self, request);
      request_free (request);
    }

  disconnect (self);
  return NULL;
}

static void
push (JkSpeakerSpd *self,
      Request      *request,
      gboolean      drop_waiting)
{
  g_mutex_lock (&self->lock);
  if (drop_waiting)
    {
      Request *cancel = g_new0 (Request, 1);

      cancel->type = REQUEST_CANCEL;
      g_queue_clear_full (&self->requests, (GDestroyNotify) request_free);
      g_queue_push_tail (&self->requests, cancel);
    }
  if (request != NULL)
    g_queue_push_tail (&self->requests, request);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
speaker_speak (JkSpeaker  *speaker,
               JkSpeakKind kind,
               const char *text,
               const char *language,
               JkSpeakMode mode)
{
  JkSpeakerSpd *self = JK_SPEAKER_SPD (speaker);
  Request *request;

  if (text == NULL || text[0] == '\0')
    return;
  request = g_new0 (Request, 1);
  request->type = REQUEST_SPEAK;
  request->kind = kind;
  request->text = g_utf8_make_valid (text, -1);
  request->language = g_strdup (language != NULL ? language : "en");
  push (self, request, mode == JK_SPEAK_INTERRUPT);
}

static void
speaker_stop (JkSpeaker *speaker)
{
  push (JK_SPEAKER_SPD (speaker), NULL, TRUE);
}

static void
speaker_set_rate (JkSpeaker *speaker,
                  guint      rate)
{
  JkSpeakerSpd *self = JK_SPEAKER_SPD (speaker);

  /* Applied by the worker before the next line it hands over. */
  g_mutex_lock (&self->lock);
  self->rate = MIN (rate, 100);
  g_mutex_unlock (&self->lock);
}

static void
speaker_set_volume (JkSpeaker *speaker,
                    guint      volume)
{
  JkSpeakerSpd *self = JK_SPEAKER_SPD (speaker);

  g_mutex_lock (&self->lock);
  self->volume = MIN (volume, 100);
  g_mutex_unlock (&self->lock);
}

static gboolean
speaker_check (JkSpeaker *speaker,
               GError   **error)
{
  JkSpeakerSpd *self = JK_SPEAKER_SPD (speaker);
  SPDConnection *connection;
  char **modules;
  gboolean found = FALSE;

  /* A connection of its own, on the caller's thread: check is the one
   * call allowed to block. */
  connection = open_connection (self->module, error);
  if (connection == NULL)
    return FALSE;
  modules = spd_list_modules (connection);
  for (guint i = 0; modules != NULL && modules[i] != NULL; i++)
    {
      found = found || g_strcmp0 (modules[i], self->module) == 0;
      free (modules[i]);
    }
  free (modules);
  spd_close (connection);
  if (!found && self->module != NULL && self->module[0] != '\0')
    {
      g_set_error (error, JK_SPEAKER_ERROR, JK_SPEAKER_ERROR_FAILED,
                   _("speech-dispatcher has no voice module “%s”"), self->module);
      return FALSE;
    }
  return TRUE;
}

static void
jk_speaker_spd_speaker_init (JkSpeakerInterface *iface)
{
  iface->speak = speaker_speak;
  iface->stop = speaker_stop;
  iface->set_rate = speaker_set_rate;
  iface->set_volume = speaker_set_volume;
  iface->check = speaker_check;
}

static void
jk_speaker_spd_finalize (GObject *object)
{
  JkSpeakerSpd *self = JK_SPEAKER_SPD (object);

  g_mutex_lock (&self->lock);
  self->quit = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
  g_thread_join (self->thread);

  g_queue_clear_full (&self->requests, (GDestroyNotify) request_free);
  g_free (self->module);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  G_OBJECT_CLASS (jk_speaker_spd_parent_class)->finalize (object);
}

static void
jk_speaker_spd_class_init (JkSpeakerSpdClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jk_speaker_spd_finalize;
}

static void
jk_speaker_spd_init (JkSpeakerSpd *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  g_queue_init (&self->requests);
  self->rate = JK_SPEECH_NORMAL;
  self->volume = JK_SPEECH_NORMAL;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkSpeakerSpd *
jk_speaker_spd_new (const char *module)
{
  JkSpeakerSpd *self = g_object_new (JK_TYPE_SPEAKER_SPD, NULL);

  self->module = g_strdup (module != NULL && module[0] != '\0' ? module : "espeak-ng");
  self->thread = g_thread_new ("jk-speaker-spd", speak_work, self);
  return self;
}

guint
jk_speaker_spd_get_handed (JkSpeakerSpd *self,
                           gint64       *last_time)
{
  guint handed;

  g_return_val_if_fail (JK_IS_SPEAKER_SPD (self), 0);

  g_mutex_lock (&self->lock);
  handed = self->handed;
  if (last_time != NULL)
    *last_time = self->last_handed;
  g_mutex_unlock (&self->lock);
  return handed;
}

gboolean
jk_speaker_spd_wait_idle (JkSpeakerSpd *self,
                          guint         timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * G_TIME_SPAN_MILLISECOND;
  gboolean idle;

  g_return_val_if_fail (JK_IS_SPEAKER_SPD (self), FALSE);

  g_mutex_lock (&self->lock);
  for (;;)
    {
      idle = g_queue_is_empty (&self->requests) && !self->busy && self->done_id >= self->last_id;
      if (idle || !g_cond_wait_until (&self->cond, &self->lock, deadline))
        break;
    }
  idle = g_queue_is_empty (&self->requests) && !self->busy && self->done_id >= self->last_id;
  g_mutex_unlock (&self->lock);
  return idle;
}
