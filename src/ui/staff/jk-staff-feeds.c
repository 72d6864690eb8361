/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-staff-feeds.c: staff mode's Feeds: each source's health in words, and Sync now through the refresher */

#define G_LOG_DOMAIN "jk-staff-feeds"

#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-refresher.h>
#include <jobkiosk/jk-sync.h>
#include <jobkiosk/jk-task.h>

#include "jk-staff-audit.h"
#include "jk-staff-feeds.h"

struct _JkStaffFeeds
{
  GtkBox parent_instance;

  GtkLabel *summary;
  GtkButton *sync_button;
  GtkListBox *list;

  const JkPageContext *page_context;
  char *staff_name;
  char *database_path;
  GCancellable *cancellable;   /* reads and the audit; cancelled at destroy */
  guint loads;                 /* reads running */
  gboolean syncing;            /* a Sync now of this section's not yet over */
};

typedef struct {
  char *database_path;
  gint64 now;
  GPtrArray *statuses;         /* out: JkSourceStatus */
} LoadWork;

G_DEFINE_FINAL_TYPE (JkStaffFeeds, jk_staff_feeds, GTK_TYPE_BOX)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
load_work_free (LoadWork *work)
{
  g_free (work->database_path);
  g_clear_pointer (&work->statuses, g_ptr_array_unref);
  g_free (work);
}

static const char *
describe_state (const char *state)
{
  if (g_strcmp0 (state, "ok") == 0)
    return _("Working");
  if (g_strcmp0 (state, "unchanged") == 0)
    return _("Working, nothing new at the last check");
  if (g_strcmp0 (state, "suspect") == 0)
    return _("Suspect: the last download was much smaller, so the old listings were kept");
  if (g_strcmp0 (state, "failing") == 0)
    return _("Failing: the old listings are kept");
  return _("Not synced yet");
}

static char *
describe_time (gint64     when,
               GDateTime *now)
{
  g_autoptr (GDateTime) time = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *date = NULL;

  if (when == 0)
    return g_strdup (_("never"));
  time = g_date_time_new_from_unix_local (when);
  clock = jk_format_time_of_day (time);
  if (g_date_time_get_year (time) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (time) == g_date_time_get_day_of_year (now))
    /* TRANSLATORS: a time of today ("today at 9:40 AM") */
    return g_strdup_printf (_("today at %s"), clock);
  date = jk_format_date_short (time);
  /* TRANSLATORS: a date and time ("Nov 21 at 9:40 AM") */
  return g_strdup_printf (_("%s at %s"), date, clock);
}

static GtkWidget *
make_label (const char *text,
            const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  if (style_class != NULL)
    gtk_style_context_add_class (gtk_widget_get_style_context (label), style_class);
  return label;
}

static GtkWidget *
make_row (const JkSourceStatus *status,
          GDateTime            *now)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *good = describe_time (status->last_good_sync, now);
  g_autofree char *checked = describe_time (MAX (status->last_checked, status->last_attempt), now);
  g_autofree char *count = jk_format_job_count (status->active);
  /* TRANSLATORS: a feed's health: its state, how many postings, when it last worked, when last tried */
  g_autofree char *line = g_strdup_printf (_("%s. %s. Last good sync %s; last try %s."), describe_state (status->state),
                                           count, good, checked);
  g_autofree char *problem = status->last_error != NULL && *status->last_error != '\0'
                               /* TRANSLATORS: a feed's last error, in the sync's own words */
                               ? g_strdup_printf (_("Last problem: %s"), status->last_error)
                               : NULL;
  g_autofree char *sentence = g_strdup_printf ("%s. %s %s", status->name, line, problem != NULL ? problem : "");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_style_context_add_class (gtk_widget_get_style_context (box), "log-row");
  gtk_box_pack_start (GTK_BOX (box), make_label (status->name, "card-title"), FALSE, FALSE, 0);
  gtk_box_pack_start (GTK_BOX (box), make_label (line, NULL), FALSE, FALSE, 0);
  if (problem != NULL)
    gtk_box_pack_start (GTK_BOX (box), make_label (problem, "field-error"), FALSE, FALSE, 0);
  gtk_container_add (GTK_CONTAINER (row), box);
  atk_object_set_name (gtk_widget_get_accessible (row), sentence);
  gtk_widget_show_all (row);
  return row;
}

static void
update_sync_button (JkStaffFeeds *self)
{
  JkRefresher *refresher = self->page_context->refresher;
  gboolean busy = refresher == NULL || jk_refresher_is_busy (refresher);

  gtk_widget_set_sensitive (GTK_WIDGET (self->sync_button), !busy);
  gtk_button_set_label (self->sync_button, busy && refresher != NULL ? _("Syncing…") : _("Sync now"));
}

static void
show_statuses (JkStaffFeeds *self,
               GPtrArray    *statuses)
{
  g_autoptr (GList) children = gtk_container_get_children (GTK_CONTAINER (self->list));
  g_autoptr (GDateTime) now = jk_clock_now_local (self->page_context->clock);
  guint failing = 0;
  g_autofree char *summary = NULL;

  for (GList *l = children; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  for (guint i = 0; i < statuses->len; i++)
    {
      const JkSourceStatus *status = statuses->pdata[i];

      if (g_strcmp0 (status->state, "failing") == 0 || g_strcmp0 (status->state, "suspect") == 0)
        failing++;
      gtk_container_add (GTK_CONTAINER (self->list), make_row (status, now));
    }
  if (statuses->len == 0)
    summary = g_strdup (_("No job feeds have been synced on this kiosk."));
  else if (failing == 0)
    summary = g_strdup_printf (jk_ngettext ("%u feed, all working.", "%u feeds, all working.", statuses->len),
                               statuses->len);
  else
    /* TRANSLATORS: "3 feeds, 1 with a problem." */
    summary = g_strdup_printf (jk_ngettext ("%u feed, %u with a problem.", "%u feeds, %u with a problem.",
                                            statuses->len),
                               statuses->len, failing);
  gtk_label_set_text (self->summary, summary);
}

/* Worker thread: its own reader. */
static gboolean
load_work (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  LoadWork *work = data;
  g_autoptr (JkStore) reader = jk_store_open_reader (work->database_path, error);

  if (reader == NULL)
    return FALSE;
  work->statuses = jk_sync_list_status (reader, work->now, error);
  return work->statuses != NULL;
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_loaded (gpointer      source,
           gpointer      data,
           const GError *error)
{
  JkStaffFeeds *self = JK_STAFF_FEEDS (source);
  LoadWork *work = data;

  self->loads--;
  if (error != NULL)
    {
      g_warning ("Cannot read the feeds' health: %s", error->message);
      gtk_label_set_text (self->summary, _("The feeds' health cannot be read right now."));
      return;
    }
  show_statuses (self, work->statuses);
}

static void
on_refresher_updated (JkStaffFeeds *self)
{
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (!jk_refresher_is_busy (self->page_context->refresher))
    self->syncing = FALSE;
  update_sync_button (self);
  jk_staff_feeds_refresh (self);
}

static void
on_sync_clicked (JkStaffFeeds *self)
{
  g_autoptr (GDateTime) now = jk_clock_now_local (self->page_context->clock);
  guint started = jk_refresher_sync_now (self->page_context->refresher);
  g_autofree char *detail = g_strdup_printf ("%u sources", started);

  jk_staff_audit_later (self, self->cancellable, self->database_path, self->staff_name, "feeds-sync-now", detail,
                        g_date_time_to_unix (now));
  self->syncing = started > 0;
  update_sync_button (self);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_staff_feeds_map (GtkWidget *widget)
{
  JkStaffFeeds *self = JK_STAFF_FEEDS (widget);

  GTK_WIDGET_CLASS (jk_staff_feeds_parent_class)->map (widget);
  update_sync_button (self);
  jk_staff_feeds_refresh (self);
}

static void
jk_staff_feeds_destroy (GtkWidget *widget)
{
  JkStaffFeeds *self = JK_STAFF_FEEDS (widget);

  g_cancellable_cancel (self->cancellable);
  GTK_WIDGET_CLASS (jk_staff_feeds_parent_class)->destroy (widget);
}

static void
jk_staff_feeds_finalize (GObject *object)
{
  JkStaffFeeds *self = JK_STAFF_FEEDS (object);

  g_clear_object (&self->cancellable);
  g_free (self->staff_name);
  g_free (self->database_path);
  G_OBJECT_CLASS (jk_staff_feeds_parent_class)->finalize (object);
}

static void
jk_staff_feeds_class_init (JkStaffFeedsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = jk_staff_feeds_finalize;
  widget_class->map = jk_staff_feeds_map;
  widget_class->destroy = jk_staff_feeds_destroy;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/staff/jk-staff-feeds.ui");
  gtk_widget_class_bind_template_child (widget_class, JkStaffFeeds, summary);
  gtk_widget_class_bind_template_child (widget_class, JkStaffFeeds, sync_button);
  gtk_widget_class_bind_template_child (widget_class, JkStaffFeeds, list);
  gtk_widget_class_bind_template_callback (widget_class, on_sync_clicked);
  gtk_widget_class_set_css_name (widget_class, "jkstafffeeds");
}

static void
jk_staff_feeds_init (JkStaffFeeds *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

static GtkWidget *
create_section (const JkStaffContext *context)
{
  return jk_staff_feeds_new (context);
}

const JkStaffSectionInfo jk_staff_feeds_section = {
  .name = "feeds",
  .title = N_("Feeds"),
  .icon = "network-server-symbolic",
  .create = create_section,
};

GtkWidget *
jk_staff_feeds_new (const JkStaffContext *context)
{
  JkStaffFeeds *self = g_object_new (JK_TYPE_STAFF_FEEDS, NULL);

  self->page_context = context->context;
  self->staff_name = g_strdup (context->staff_name);
  self->database_path = g_strdup (context->database_path);
  if (self->page_context->refresher != NULL)
    g_signal_connect_object (self->page_context->refresher, "updated", G_CALLBACK (on_refresher_updated), self,
                             G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

void
jk_staff_feeds_refresh (JkStaffFeeds *self)
{
  LoadWork *work;
  g_autoptr (GDateTime) now = NULL;

  g_return_if_fail (JK_IS_STAFF_FEEDS (self));

  now = jk_clock_now_local (self->page_context->clock);
  work = g_new0 (LoadWork, 1);
  work->database_path = g_strdup (self->database_path);
  work->now = g_date_time_to_unix (now);
  self->loads++;
  jk_task_run (self, self->cancellable, "jk-staff-feeds", load_work, on_loaded, work, (GDestroyNotify) load_work_free);
}

gboolean
jk_staff_feeds_is_busy (JkStaffFeeds *self)
{
  g_return_val_if_fail (JK_IS_STAFF_FEEDS (self), FALSE);

  return self->loads > 0 || self->syncing;
}
