/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-headphone-watch.c: a headphone jack's switch events, as a "plugged" signal */

#define G_LOG_DOMAIN "jk-speech"

#include <errno.h>
#include <fcntl.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <linux/input.h>
#include <string.h>
#include <unistd.h>

#include "jobkiosk/jk-i18n.h"
#include "jobkiosk/jk-headphone-watch.h"

struct _JkHeadphoneWatch
{
  GObject parent_instance;

  char *device;
  int fd;
  guint source_id;
  /* A record may arrive in pieces (a pipe): the start of the next one. */
  guint8 partial[sizeof (struct input_event)];
  gsize partial_len;
};

enum {
  SIGNAL_PLUGGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (JkHeadphoneWatch, jk_headphone_watch, G_TYPE_OBJECT)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
stop_watching (JkHeadphoneWatch *self)
{
  g_clear_handle_id (&self->source_id, g_source_remove);
  if (self->fd >= 0)
    {
      g_close (self->fd, NULL);
      self->fd = -1;
    }
}

static void
handle_event (JkHeadphoneWatch         *self,
              const struct input_event *event)
{
  /* Only the switch turning on: an unplug, a key, a SYN_REPORT or the
   * microphone switch say nothing to speech mode. */
  if (event->type == EV_SW && event->code == SW_HEADPHONE_INSERT && event->value == 1)
    g_signal_emit (self, signals[SIGNAL_PLUGGED], 0);
}

static gboolean
read_cb (int          fd,
         GIOCondition condition,
         gpointer     user_data)
{
  JkHeadphoneWatch *self = user_data;
  guint8 buffer[64 * sizeof (struct input_event)];
  gssize n;

  /* One read per wake-up: the source fires again while more is waiting. */
  do
    n = read (fd, buffer, sizeof buffer);
  while (n < 0 && errno == EINTR);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
    return G_SOURCE_CONTINUE;
  if (n <= 0)
    {
      /* The device went away (a USB sound card unplugged): nothing more
       * will come from this descriptor. */
      g_message ("The headphone jack %s is gone; headphones no longer start speech", self->device);
      self->source_id = 0;
      g_close (self->fd, NULL);
      self->fd = -1;
      return G_SOURCE_REMOVE;
    }

  /* A handler may drop the last reference: finalize then removes this
   * source, and returning afterwards is safe. */
  g_object_ref (self);
  for (gsize offset = 0; offset < (gsize) n;)
    {
      gsize take = MIN (sizeof self->partial - self->partial_len, (gsize) n - offset);

      memcpy (self->partial + self->partial_len, buffer + offset, take);
      self->partial_len += take;
      offset += take;
      if (self->partial_len == sizeof self->partial)
        {
          struct input_event event;

          memcpy (&event, self->partial, sizeof event);
          self->partial_len = 0;
          handle_event (self, &event);
        }
    }
  g_object_unref (self);
  return G_SOURCE_CONTINUE;
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_headphone_watch_finalize (GObject *object)
{
  JkHeadphoneWatch *self = JK_HEADPHONE_WATCH (object);

  stop_watching (self);
  g_free (self->device);
  G_OBJECT_CLASS (jk_headphone_watch_parent_class)->finalize (object);
}

static void
jk_headphone_watch_class_init (JkHeadphoneWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jk_headphone_watch_finalize;

  signals[SIGNAL_PLUGGED] =
    g_signal_new ("plugged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jk_headphone_watch_init (JkHeadphoneWatch *self)
{
  self->fd = -1;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkHeadphoneWatch *
jk_headphone_watch_new (const char *device,
                        GError    **error)
{
  g_autoptr (JkHeadphoneWatch) self = NULL;
  int fd;

  g_return_val_if_fail (device != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fd = g_open (device, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Headphones cannot start speech: the headphone jack %s cannot be read (%s)"), device,
                   g_strerror (saved));
      return NULL;
    }

  self = g_object_new (JK_TYPE_HEADPHONE_WATCH, NULL);
  self->device = g_strdup (device);
  self->fd = fd;
  self->source_id = g_unix_fd_add (fd, G_IO_IN | G_IO_HUP | G_IO_ERR, read_cb, self);
  return g_steal_pointer (&self);
}

const char *
jk_headphone_watch_get_device (JkHeadphoneWatch *self)
{
  g_return_val_if_fail (JK_IS_HEADPHONE_WATCH (self), NULL);

  return self->device;
}
