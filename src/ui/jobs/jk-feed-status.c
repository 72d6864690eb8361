/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-feed-status.c: "Updated 12 minutes ago" */

#define G_LOG_DOMAIN "jk-feed-status"

#include <jobkiosk/jk-refresher.h>
#include <jobkiosk/jk-sync.h>

#include "jk-feed-status.h"

struct _JkFeedStatus
{
  GtkBox parent_instance;

  GtkImage *icon;
  GtkLabel *label;

  JkStore *store;   /* the window's connection; owned by the application */
  JkClock *clock;
  guint minute_id;
};

G_DEFINE_FINAL_TYPE (JkFeedStatus, jk_feed_status, GTK_TYPE_BOX)

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static gboolean
minute_cb (gpointer user_data)
{
  jk_feed_status_update (user_data);
  return G_SOURCE_CONTINUE;
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_feed_status_dispose (GObject *object)
{
  JkFeedStatus *self = JK_FEED_STATUS (object);

  g_clear_handle_id (&self->minute_id, g_source_remove);
  g_clear_object (&self->clock);
  G_OBJECT_CLASS (jk_feed_status_parent_class)->dispose (object);
}

static void
jk_feed_status_class_init (JkFeedStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jk_feed_status_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/jobs/jk-feed-status.ui");
  gtk_widget_class_bind_template_child (widget_class, JkFeedStatus, icon);
  gtk_widget_class_bind_template_child (widget_class, JkFeedStatus, label);
  gtk_widget_class_set_css_name (widget_class, "jkfeedstatus");
}

static void
jk_feed_status_init (JkFeedStatus *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

GtkWidget *
jk_feed_status_new (JkStore *store,
                    JkClock *clock)
{
  JkFeedStatus *self = g_object_new (JK_TYPE_FEED_STATUS, NULL);

  self->store = store;
  self->clock = g_object_ref (clock);
  self->minute_id = g_timeout_add_seconds (60, minute_cb, self);
  jk_feed_status_update (self);
  return GTK_WIDGET (self);
}

void
jk_feed_status_update (JkFeedStatus *self)
{
  g_autoptr (GDateTime) now = jk_clock_now_local (self->clock);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) statuses = jk_sync_list_status (self->store, g_date_time_to_unix (now), &error);
  g_autofree char *text = NULL;
  gboolean trouble = FALSE;

  if (statuses == NULL)
    {
      g_warning ("Cannot read the feeds' state: %s", error->message);
      gtk_widget_hide (GTK_WIDGET (self));
      return;
    }
  text = jk_refresher_describe (statuses, now);
  for (guint i = 0; i < statuses->len; i++)
    {
      const char *state = ((JkSourceStatus *) statuses->pdata[i])->state;
      trouble |= g_strcmp0 (state, "failing") == 0 || g_strcmp0 (state, "suspect") == 0;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), text != NULL);
  gtk_label_set_text (self->label, text != NULL ? text : "");
  gtk_image_set_from_icon_name (self->icon, trouble ? "network-offline-symbolic" : "emblem-synchronizing-symbolic",
                                GTK_ICON_SIZE_LARGE_TOOLBAR);
}

const char *
jk_feed_status_get_text (JkFeedStatus *self)
{
  return gtk_label_get_text (self->label);
}
