/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-staff-today.c: staff mode's Today: today's arrivals in arrival order, marked called, served or no-show */

#define G_LOG_DOMAIN "jk-staff-today"

#include <jobkiosk/jk-checkin.h>
#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-staff.h>
#include <jobkiosk/jk-task.h>

#include "jk-staff-today.h"

/* Arrivals change as visitors check in at this kiosk and others: read
 * again this often while the section is shown. */
#define REFRESH_SECONDS 30

struct _JkStaffToday
{
  GtkBox parent_instance;

  GtkLabel *summary;
  GtkLabel *error_label;
  GtkButton *refresh_button;
  GtkListBox *list;

  const JkPageContext *page_context;
  char *staff_name;
  char *database_path;
  GCancellable *cancellable;   /* every read and mark; cancelled at destroy */
  guint refresh_id;
  guint busy;                  /* reads and marks running */
};

typedef struct {
  const JkConfig *config;
  char *database_path;
  gint64 now;
  GPtrArray *arrivals;         /* out: JkArrival */
} LoadWork;

typedef struct {
  char *database_path;
  char *actor;
  gint64 id;
  char *state;
  char *detail;                /* for the audit log: which arrival, no name */
  gint64 now;
} MarkWork;

G_DEFINE_FINAL_TYPE (JkStaffToday, jk_staff_today, GTK_TYPE_BOX)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
load_work_free (LoadWork *work)
{
  g_free (work->database_path);
  g_clear_pointer (&work->arrivals, g_ptr_array_unref);
  g_free (work);
}

static void
mark_work_free (MarkWork *work)
{
  g_free (work->database_path);
  g_free (work->actor);
  g_free (work->state);
  g_free (work->detail);
  g_free (work);
}

static gint64
now_unix (JkStaffToday *self)
{
  g_autoptr (GDateTime) now = jk_clock_now_local (self->page_context->clock);

  return g_date_time_to_unix (now);
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (unix_time);

  return jk_format_time_of_day (time);
}

/* Who the arrival is, as staff call them: "Maria N.", else a walk-in's number. */
static char *
describe_who (const JkArrival *arrival)
{
  if (arrival->greeting != NULL && *arrival->greeting != '\0')
    return g_strdup (arrival->greeting);
  if (arrival->queue_number > 0)
    /* TRANSLATORS: a walk-in who gave no name, by their number */
    return g_strdup_printf (_("Walk-in %u"), arrival->queue_number);
  return g_strdup (_("Someone"));
}

static char *
describe_what (const JkArrival *arrival)
{
  const char *label;

  if (g_strcmp0 (arrival->kind, "walk-in") == 0)
    {
      label = jk_walkin_reason_label (arrival->reason);
      return g_strdup (label != NULL ? _(label) : (arrival->reason != NULL ? arrival->reason : ""));
    }
  return g_strdup (arrival->reason != NULL ? arrival->reason : "");
}

/* When and how: "Appointment 10:30 AM" or "Walk-in, number 4". */
static char *
describe_kind (const JkArrival *arrival)
{
  if (g_strcmp0 (arrival->kind, "walk-in") == 0)
    /* TRANSLATORS: a walk-in's queue number */
    return g_strdup_printf (_("Walk-in, number %u"), arrival->queue_number);
  else
    {
      g_autofree char *time = format_time (arrival->starts);

      /* TRANSLATORS: an appointment's time ("10:30 AM") */
      return g_strdup_printf (_("Appointment %s"), time);
    }
}

static char *
describe_state (const JkArrival *arrival,
                gint64           now)
{
  if (g_strcmp0 (arrival->state, "waiting") == 0)
    {
      gint64 minutes = MAX (0, now - arrival->arrived) / 60;
      g_autofree char *arrived = format_time (arrival->arrived);

      /* TRANSLATORS: an arrival still waiting: when they came, and for how long */
      return g_strdup_printf (jk_ngettext ("Came at %s, waiting %d minute", "Came at %s, waiting %d minutes",
                                           (gulong) minutes),
                              arrived, (int) minutes);
    }
  if (g_strcmp0 (arrival->state, "called") == 0)
    {
      g_autofree char *called = format_time (arrival->called);

      return g_strdup_printf (_("Called at %s"), called);
    }
  if (g_strcmp0 (arrival->state, "served") == 0)
    {
      g_autofree char *served = format_time (arrival->served);

      return g_strdup_printf (_("Served at %s"), served);
    }
  if (arrival->id == 0)
    return g_strdup (_("No-show: did not check in"));
  return g_strdup (_("Marked no-show"));
}

static GtkWidget *
make_label (const char *text,
            const char *style_class,
            int         width_chars)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), width_chars);
  if (style_class != NULL)
    gtk_style_context_add_class (gtk_widget_get_style_context (label), style_class);
  return label;
}

static void on_mark_clicked (GtkButton *button, JkStaffToday *self);

/* A button marking the arrival state; its accessible name says whom. */
static GtkWidget *
make_mark_button (JkStaffToday    *self,
                  const JkArrival *arrival,
                  const char      *state,
                  const char      *label,
                  const char      *who)
{
  GtkWidget *button = gtk_button_new_with_label (label);
  /* TRANSLATORS: a button's accessible name: the action and the person ("Called: Maria N.") */
  g_autofree char *name = g_strdup_printf (_("%s: %s"), label, who);

  g_object_set_data (G_OBJECT (button), "jk-arrival-id", GINT_TO_POINTER ((int) arrival->id));
  g_object_set_data_full (G_OBJECT (button), "jk-state", g_strdup (state), g_free);
  atk_object_set_name (gtk_widget_get_accessible (button), name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (on_mark_clicked), self);
  return button;
}

static GtkWidget *
make_row (JkStaffToday    *self,
          const JkArrival *arrival,
          gint64           now)
{
  GtkWidget *row = gtk_list_box_row_new ();
  /* The buttons under the words: beside them, larger Spanish text made
   * the row wider than the screen. */
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *who = describe_who (arrival);
  g_autofree char *kind = describe_kind (arrival);
  g_autofree char *what = describe_what (arrival);
  g_autofree char *state = describe_state (arrival, now);
  g_autofree char *first = *what != '\0' ? g_strdup_printf ("%s · %s", kind, what) : g_strdup (kind);
  g_autofree char *sentence = g_strdup_printf ("%s. %s. %s.", who, first, state);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_style_context_add_class (gtk_widget_get_style_context (box), "log-row");
  gtk_box_pack_start (GTK_BOX (words), make_label (who, "card-title", 30), FALSE, FALSE, 0);
  gtk_box_pack_start (GTK_BOX (words), make_label (first, NULL, 40), FALSE, FALSE, 0);
  gtk_box_pack_start (GTK_BOX (words), make_label (state, "card-when", 40), FALSE, FALSE, 0);
  gtk_widget_set_hexpand (words, TRUE);
  gtk_box_pack_start (GTK_BOX (box), words, TRUE, TRUE, 0);

  /* A no-show found after the grace period has no arrival to mark. */
  if (arrival->id != 0)
    {
      if (g_strcmp0 (arrival->state, "waiting") == 0)
        gtk_box_pack_start (GTK_BOX (buttons), make_mark_button (self, arrival, "called", _("Called"), who),
                            FALSE, FALSE, 0);
      if (g_strcmp0 (arrival->state, "served") != 0)
        gtk_box_pack_start (GTK_BOX (buttons), make_mark_button (self, arrival, "served", _("Served"), who),
                            FALSE, FALSE, 0);
      if (g_strcmp0 (arrival->state, "waiting") == 0)
        gtk_box_pack_start (GTK_BOX (buttons), make_mark_button (self, arrival, "no-show", _("No-show"), who),
                            FALSE, FALSE, 0);
      if (g_strcmp0 (arrival->state, "waiting") != 0)
        /* TRANSLATORS: undoes a mark: the arrival waits again */
        gtk_box_pack_start (GTK_BOX (buttons), make_mark_button (self, arrival, "waiting", _("Back to waiting"), who),
                            FALSE, FALSE, 0);
    }
  /* Room for the buttons' focus ring when the row ends the view. */
  g_object_set (buttons, "margin-top", 10, "margin-bottom", 10, NULL);
  gtk_box_pack_end (GTK_BOX (box), buttons, FALSE, FALSE, 0);
  gtk_container_add (GTK_CONTAINER (row), box);
  atk_object_set_name (gtk_widget_get_accessible (row), sentence);
  gtk_widget_show_all (row);
  return row;
}

static void
show_arrivals (JkStaffToday *self,
               GPtrArray    *arrivals)
{
  g_autoptr (GList) children = gtk_container_get_children (GTK_CONTAINER (self->list));
  gint64 now = now_unix (self);
  guint waiting = 0, called = 0, served = 0;
  g_autofree char *summary = NULL;

  for (GList *l = children; l != NULL; l = l->next)
    gtk_widget_destroy (l->data);
  for (guint i = 0; i < arrivals->len; i++)
    {
      const JkArrival *arrival = arrivals->pdata[i];

      if (g_strcmp0 (arrival->state, "waiting") == 0)
        waiting++;
      else if (g_strcmp0 (arrival->state, "called") == 0)
        called++;
      else if (g_strcmp0 (arrival->state, "served") == 0)
        served++;
      gtk_container_add (GTK_CONTAINER (self->list), make_row (self, arrival, now));
    }
  if (arrivals->len == 0)
    summary = g_strdup (_("No one has checked in today yet."));
  else
    /* TRANSLATORS: today's arrivals at a glance: "3 waiting, 1 called, 2 served" */
    summary = g_strdup_printf (_("%u waiting, %u called, %u served"), waiting, called, served);
  gtk_label_set_text (self->summary, summary);
}

static void
show_error (JkStaffToday *self,
            const char   *text)
{
  gtk_label_set_text (self->error_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), text != NULL);
}

/* Worker threads: each opens its own connection (jk_checkin_*, jk_audit_add). */
static gboolean
load_work (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  LoadWork *work = data;

  work->arrivals = jk_checkin_arrivals (work->config, work->database_path, NULL, work->now, error);
  return work->arrivals != NULL;
}

static gboolean
mark_work (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  MarkWork *work = data;

  if (!jk_checkin_mark (work->database_path, work->id, work->state, work->now, error))
    return FALSE;
  return jk_audit_add (work->database_path, work->actor, "arrival-mark", work->detail, work->now, error);
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

static void
on_loaded (gpointer      source,
           gpointer      data,
           const GError *error)
{
  JkStaffToday *self = JK_STAFF_TODAY (source);
  LoadWork *work = data;

  self->busy--;
  if (error != NULL)
    {
      g_warning ("Cannot read today's arrivals: %s", error->message);
      show_error (self, _("Today's arrivals cannot be read right now."));
      return;
    }
  show_error (self, NULL);
  show_arrivals (self, work->arrivals);
}

static void
on_marked (gpointer      source,
           gpointer      data,
           const GError *error)
{
  JkStaffToday *self = JK_STAFF_TODAY (source);

  self->busy--;
  if (error != NULL)
    {
      g_warning ("Cannot mark an arrival: %s", error->message);
      show_error (self, _("That could not be saved. Try again."));
    }
  jk_staff_today_refresh (self);
}

static void
on_mark_clicked (GtkButton    *button,
                 JkStaffToday *self)
{
  MarkWork *work = g_new0 (MarkWork, 1);

  work->database_path = g_strdup (self->database_path);
  work->actor = g_strdup (self->staff_name);
  work->id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "jk-arrival-id"));
  work->state = g_strdup (g_object_get_data (G_OBJECT (button), "jk-state"));
  work->detail = g_strdup_printf ("arrival %" G_GINT64_FORMAT ": %s", work->id, work->state);
  work->now = now_unix (self);
  /* No second tap while it is saved. */
  gtk_widget_set_sensitive (gtk_widget_get_parent (GTK_WIDGET (button)), FALSE);
  self->busy++;
  jk_task_run (self, self->cancellable, "jk-staff-mark", mark_work, on_marked, work, (GDestroyNotify) mark_work_free);
}

static void
on_refresh_clicked (JkStaffToday *self)
{
  jk_staff_today_refresh (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  jk_staff_today_refresh (user_data);
  return G_SOURCE_CONTINUE;
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_staff_today_map (GtkWidget *widget)
{
  JkStaffToday *self = JK_STAFF_TODAY (widget);

  GTK_WIDGET_CLASS (jk_staff_today_parent_class)->map (widget);
  jk_staff_today_refresh (self);
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, refresh_cb, self);
}

static void
jk_staff_today_unmap (GtkWidget *widget)
{
  JkStaffToday *self = JK_STAFF_TODAY (widget);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  GTK_WIDGET_CLASS (jk_staff_today_parent_class)->unmap (widget);
}

static void
jk_staff_today_destroy (GtkWidget *widget)
{
  JkStaffToday *self = JK_STAFF_TODAY (widget);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  GTK_WIDGET_CLASS (jk_staff_today_parent_class)->destroy (widget);
}

static void
jk_staff_today_finalize (GObject *object)
{
  JkStaffToday *self = JK_STAFF_TODAY (object);

  g_clear_object (&self->cancellable);
  g_free (self->staff_name);
  g_free (self->database_path);
  G_OBJECT_CLASS (jk_staff_today_parent_class)->finalize (object);
}

static void
jk_staff_today_class_init (JkStaffTodayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = jk_staff_today_finalize;
  widget_class->map = jk_staff_today_map;
  widget_class->unmap = jk_staff_today_unmap;
  widget_class->destroy = jk_staff_today_destroy;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/staff/jk-staff-today.ui");
  gtk_widget_class_bind_template_child (widget_class, JkStaffToday, summary);
  gtk_widget_class_bind_template_child (widget_class, JkStaffToday, error_label);
  gtk_widget_class_bind_template_child (widget_class, JkStaffToday, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, JkStaffToday, list);
  gtk_widget_class_bind_template_callback (widget_class, on_refresh_clicked);
  gtk_widget_class_set_css_name (widget_class, "jkstafftoday");
}

static void
jk_staff_today_init (JkStaffToday *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

static GtkWidget *
create_section (const JkStaffContext *context)
{
  return jk_staff_today_new (context);
}

const JkStaffSectionInfo jk_staff_today_section = {
  .name = "today",
  .title = N_("Today"),
  .icon = "x-office-calendar-symbolic",
  .create = create_section,
};

GtkWidget *
jk_staff_today_new (const JkStaffContext *context)
{
  JkStaffToday *self = g_object_new (JK_TYPE_STAFF_TODAY, NULL);

  self->page_context = context->context;
  self->staff_name = g_strdup (context->staff_name);
  self->database_path = g_strdup (context->database_path);
  return GTK_WIDGET (self);
}

void
jk_staff_today_refresh (JkStaffToday *self)
{
  LoadWork *work;

  g_return_if_fail (JK_IS_STAFF_TODAY (self));

  work = g_new0 (LoadWork, 1);
  work->config = self->page_context->config;
  work->database_path = g_strdup (self->database_path);
  work->now = now_unix (self);
  self->busy++;
  jk_task_run (self, self->cancellable, "jk-staff-today", load_work, on_loaded, work, (GDestroyNotify) load_work_free);
}

gboolean
jk_staff_today_is_busy (JkStaffToday *self)
{
  g_return_val_if_fail (JK_IS_STAFF_TODAY (self), FALSE);

  return self->busy > 0;
}
