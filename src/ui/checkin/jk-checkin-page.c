/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-checkin-page.c: checking in at the kiosk: a scanned or typed code, last name and birth date, or a walk-in's number */

#define G_LOG_DOMAIN "jk-checkin-page"

#include <jobkiosk/jk-checkin.h>
#include <jobkiosk/jk-document.h>
#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-i18n.h>
#include <string.h>

#include "print/jk-print-flow.h"
#include "shell/jk-home-page.h"
#include "shell/jk-retranslate.h"
#include "jk-checkin-page.h"

/* A scanner types a whole code in a few milliseconds a key; a person
 * needs a tenth of a second or more. */
#define SCAN_GAP_MS 30
#define SCAN_MIN_CHARS 6
#define SCAN_MAX_CHARS 64
#define RESULT_SECONDS 15
#define CALL_BY_MINUTES 15

#define CHECKIN_PAGE_CHILDREN \
  X (GtkScrolledWindow, scroller) X (GtkStack, steps) X (GtkButton, scan_button) X (GtkButton, code_button) \
  X (GtkButton, person_button) X (GtkButton, walkin_button) X (GtkEntry, code_entry) X (GtkLabel, code_error) \
  X (GtkEntry, last_name_entry) X (GtkEntry, month_entry) X (GtkEntry, day_entry) X (GtkEntry, year_entry) \
  X (GtkLabel, person_error) X (GtkGrid, reasons_grid) X (GtkEntry, first_name_entry) X (GtkEntry, phone_entry) \
  X (GtkLabel, walkin_error) X (GtkLabel, result_heading) X (GtkLabel, queue_label) X (GtkLabel, result_body) \
  X (GtkBox, action_row) X (GtkButton, back_button) X (GtkButton, slip_button) X (GtkButton, main_button)

struct _JkCheckinPage
{
  JkPage parent_instance;

#define X(type, name) type *name;
  CHECKIN_PAGE_CHILDREN
#undef X

  const JkConfig *config;
  JkClock *clock;
  JkPrintFlow *print_flow;
  char *db_path;
  GtkWindow *window;
  GtkEventController *keys;

  gboolean shown;
  gboolean busy;
  char *reason;                /* the walk-in reason picked */

  /* The scanner: the keys of the burst so far. */
  GString *burst;
  guint32 burst_last;
  gboolean burst_bad;

  /* The result, and when it goes home. */
  JkCheckinSlipInput slip;
  char *slip_service;
  char *slip_location;
  gint64 home_at;              /* the clock's monotonic µs; 0: none */
  guint home_id;

  /* What the result shows, to say it again in another language. */
  JkCheckinResult *shown_checkin;
  JkWalkinResult shown_walkin;
  gboolean shown_is_walkin;
  const char *shown_heading;   /* msgids of a problem shown as the result */
  const char *shown_body;
  gboolean redrawing;
};

G_DEFINE_FINAL_TYPE (JkCheckinPage, jk_checkin_page, JK_TYPE_PAGE)

typedef struct {
  const char *key;
  const char *label;
  const char *icon;
} Reason;

static const Reason reasons[] = {
#define X(id, key, label) { key, label, NULL },
  JK_WALKIN_REASONS
#undef X
};

static const char *const reason_icons[] = {
  "system-search-symbolic", "printer-symbolic", "x-office-document-symbolic", "emblem-documents-symbolic",
  "emblem-system-symbolic", "avatar-default-symbolic", "x-office-presentation-symbolic", "dialog-question-symbolic",
};

G_STATIC_ASSERT (G_N_ELEMENTS (reasons) == G_N_ELEMENTS (reason_icons));

static void cancel_home (JkCheckinPage *self);

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static const char *
current_step (JkCheckinPage *self)
{
  return gtk_stack_get_visible_child_name (self->steps);
}

static gboolean
is_step (JkCheckinPage *self,
         const char    *name)
{
  const char *step = current_step (self);

  return step != NULL && g_str_equal (step, name);
}

static gint64
now_unix (JkCheckinPage *self)
{
  g_autoptr (GDateTime) now = jk_clock_now_local (self->clock);

  return g_date_time_to_unix (now);
}

static void
hide_errors (JkCheckinPage *self)
{
  gtk_widget_hide (GTK_WIDGET (self->code_error));
  gtk_widget_hide (GTK_WIDGET (self->person_error));
  gtk_widget_hide (GTK_WIDGET (self->walkin_error));
}

static void
show_step (JkCheckinPage *self,
           const char    *name)
{
  GtkWidget *focus = NULL;
  const char *action = NULL;

  cancel_home (self);
  hide_errors (self);
  gtk_stack_set_visible_child_name (self->steps, name);
  /* The start has no actions: its ways in get the row's room. */
  gtk_widget_set_visible (GTK_WIDGET (self->action_row), !g_str_equal (name, "start"));
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), !g_str_equal (name, "start"));
  jk_retranslate_set_button (self->back_button, g_str_equal (name, "result") ? N_("Start over") : N_("Previous step"));
  gtk_widget_set_visible (GTK_WIDGET (self->slip_button), FALSE);
  if (g_str_equal (name, "code"))
    action = N_("Check in"), focus = GTK_WIDGET (self->code_entry);
  else if (g_str_equal (name, "person"))
    action = N_("Check in"), focus = GTK_WIDGET (self->last_name_entry);
  else if (g_str_equal (name, "walkin"))
    action = N_("Get my number"), focus = GTK_WIDGET (self->first_name_entry);
  else if (g_str_equal (name, "result"))
    action = N_("Done");
  gtk_widget_set_visible (GTK_WIDGET (self->main_button), action != NULL);
  if (action != NULL)
    jk_retranslate_set_button (self->main_button, action);
  jk_page_set_main_action (JK_PAGE (self), action != NULL ? GTK_WIDGET (self->main_button) : NULL);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  if (focus != NULL && self->shown)
    gtk_widget_grab_focus (focus);
  else if (self->shown)
    {
      /* A step without fields: a field of the step left keeps no focus,
       * so the keyboard goes with it. */
      GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));
      GtkWidget *focused = GTK_IS_WINDOW (toplevel) ? gtk_window_get_focus (GTK_WINDOW (toplevel)) : NULL;

      if (focused != NULL && GTK_IS_EDITABLE (focused) && gtk_widget_is_ancestor (focused, GTK_WIDGET (self)))
        gtk_window_set_focus (GTK_WINDOW (toplevel), NULL);
    }
}

static void
show_error (JkCheckinPage *self,
            GtkLabel      *label,
            const char    *text)
{
  gtk_label_set_text (label, text);
  gtk_widget_show (GTK_WIDGET (label));
  jk_page_say (JK_PAGE (self), text, JK_SPEAK_INTERRUPT);
}

static gboolean
home_cb (gpointer data)
{
  JkCheckinPage *self = data;

  if (self->home_at == 0 || jk_clock_get_monotonic (self->clock) < self->home_at)
    return G_SOURCE_CONTINUE;
  self->home_id = 0;
  self->home_at = 0;
  jk_page_navigate (JK_PAGE (self), &jk_home_page_info, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_clock_advanced (JkCheckinPage *self)
{
  if (self->home_id != 0)
    home_cb (self);
}

static void
cancel_home (JkCheckinPage *self)
{
  self->home_at = 0;
  g_clear_handle_id (&self->home_id, g_source_remove);
}

/* The result screen: heading, sentences, and home after RESULT_SECONDS. */
static void
show_result (JkCheckinPage *self,
             const char    *heading,
             const char    *body,
             guint          queue_number,
             gboolean       slip)
{
  g_autofree char *spoken = NULL;
  gint64 home_at = self->home_at;

  show_step (self, "result");
  gtk_label_set_text (self->result_heading, heading);
  gtk_label_set_text (self->result_body, body != NULL ? body : "");
  gtk_widget_set_visible (GTK_WIDGET (self->result_body), body != NULL && *body != '\0');
  if (queue_number > 0)
    {
      g_autofree char *number = g_strdup_printf ("%u", queue_number);

      gtk_label_set_text (self->queue_label, number);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->queue_label), queue_number > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->slip_button), slip && self->config->checkin_slip);
  if (self->redrawing)
    {
      self->home_at = home_at;
      self->home_id = g_timeout_add_seconds (1, home_cb, self);
      return;
    }
  spoken = queue_number > 0 ? g_strdup_printf ("%s %u. %s", heading, queue_number, body != NULL ? body : "")
                            : g_strdup_printf ("%s %s", heading, body != NULL ? body : "");
  jk_page_say (JK_PAGE (self), spoken, JK_SPEAK_INTERRUPT);
  self->home_at = jk_clock_get_monotonic (self->clock) + (gint64) RESULT_SECONDS * G_USEC_PER_SEC;
  self->home_id = g_timeout_add_seconds (1, home_cb, self);
}

static char *
time_text (gint64 when)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (when);

  return jk_format_time_of_day (time);
}

/* "10:30 AM, Career Services, Room 2" */
static char *
appointment_text (const JkCheckinAppointment *appointment)
{
  g_autofree char *when = time_text (appointment->starts);
  GString *text = g_string_new (when);

  if (appointment->service != NULL && *appointment->service != '\0')
    g_string_append_printf (text, ", %s", appointment->service);
  if (appointment->location != NULL && *appointment->location != '\0')
    g_string_append_printf (text, ", %s", appointment->location);
  return g_string_free (text, FALSE);
}

static void
keep_slip (JkCheckinPage              *self,
           const JkCheckinAppointment *appointment,
           guint                       queue_number)
{
  g_free (self->slip_service);
  g_free (self->slip_location);
  self->slip_service = appointment != NULL ? g_strdup (appointment->service) : NULL;
  self->slip_location = appointment != NULL ? g_strdup (appointment->location) : NULL;
  self->slip.starts = appointment != NULL ? appointment->starts : 0;
  self->slip.service = self->slip_service;
  self->slip.location = self->slip_location;
  self->slip.queue_number = queue_number;
}

static void
show_checkin (JkCheckinPage   *self,
              JkCheckinResult *result)
{
  const JkCheckinAppointment *first = result->appointments->len > 0 ? result->appointments->pdata[0] : NULL;
  g_autofree char *what = first != NULL ? appointment_text (first) : NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *also = NULL;

  if (result->appointments->len > 1)
    {
      GString *more = g_string_new (NULL);

      for (guint i = 1; i < result->appointments->len; i++)
        {
          g_autofree char *text = appointment_text (result->appointments->pdata[i]);

          g_string_append_printf (more, "%s%s", i > 1 ? "; " : " ", text);
        }
      also = g_strdup_printf (_("You also have:%s."), more->str);
      g_string_free (more, TRUE);
    }
  keep_slip (self, first, 0);
  switch (result->outcome)
    {
    case JK_CHECKIN_CHECKED_IN:
      {
        g_autofree char *by = time_text (first->starts + CALL_BY_MINUTES * 60);

        heading = result->greeting != NULL ? g_strdup_printf (_("Welcome, %s"), result->greeting)
                                           : g_strdup (_("Welcome."));
        body = g_strdup_printf (_("You're checked in for %s. Please have a seat. "
                                  "If no one calls you by %s, tell the front desk."), what, by);
        break;
      }
    case JK_CHECKIN_EARLY:
      heading = g_strdup (_("You're early; we've noted you're here."));
      body = g_strdup_printf (_("Your appointment: %s. Please have a seat."), what);
      break;
    case JK_CHECKIN_LATE:
      heading = g_strdup (_("Please check in at the front desk."));
      body = g_strdup_printf (_("Your appointment was at %s."), what);
      break;
    case JK_CHECKIN_NOT_FOUND:
    default:
      show_result (self, _("We could not find an appointment for today."),
                   _("Please check your letter and try again, or ask at the front desk."), 0, FALSE);
      return;
    }
  if (also != NULL)
    {
      char *longer = g_strdup_printf ("%s %s", body, also);

      g_free (body);
      body = longer;
    }
  show_result (self, heading, body, 0, result->outcome != JK_CHECKIN_LATE);
}

static void
show_walkin (JkCheckinPage  *self,
             JkWalkinResult *result)
{
  g_autofree char *estimate = NULL;
  g_autofree char *body = NULL;

  if (result->waiting_ahead == 0)
    estimate = g_strdup (_("You're next."));
  else if (result->estimate_minutes > 0)
    estimate = g_strdup_printf (jk_ngettext ("About %u minute.", "About %u minutes.", result->estimate_minutes),
                                result->estimate_minutes);
  else
    /* Nobody called yet today: no flow to reckon a wait from, so only
     * what is known. */
    estimate = g_strdup_printf (jk_ngettext ("%u person is ahead of you.", "%u people are ahead of you.",
                                             result->waiting_ahead),
                                result->waiting_ahead);
  body = g_strdup_printf ("%s%s%s", estimate != NULL ? estimate : "", estimate != NULL ? " " : "",
                          _("Please have a seat. We will call your number."));
  keep_slip (self, NULL, result->queue_number);
  show_result (self, _("Your number is"), body, result->queue_number, TRUE);
}

static void
forget_shown (JkCheckinPage *self)
{
  g_clear_pointer (&self->shown_checkin, jk_checkin_result_free);
  self->shown_is_walkin = FALSE;
  self->shown_heading = NULL;
  self->shown_body = NULL;
}

/* heading and body: msgids. */
static void
show_problem_result (JkCheckinPage *self,
                     const char    *heading,
                     const char    *body)
{
  forget_shown (self);
  self->shown_heading = heading;
  self->shown_body = body;
  show_result (self, _(heading), body != NULL ? _(body) : NULL, 0, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Checking in on a worker                                                */

typedef enum {
  BY_CODE,
  BY_PERSON,
  WALK_IN,
} CheckinWay;

typedef struct {
  CheckinWay way;
  const JkConfig *config;
  char *db_path;
  char *code;
  char *last_name;
  char *date_of_birth;
  char *reason;
  char *first_name;
  char *phone;
  gint64 now;
  gboolean scanned;
  JkCheckinResult *result;
  JkWalkinResult *walkin;
} CheckinJob;

static void
checkin_job_free (gpointer data)
{
  CheckinJob *job = data;

  g_free (job->db_path);
  g_free (job->code);
  g_free (job->last_name);
  g_free (job->date_of_birth);
  g_free (job->reason);
  g_free (job->first_name);
  g_free (job->phone);
  g_clear_pointer (&job->result, jk_checkin_result_free);
  g_clear_pointer (&job->walkin, jk_walkin_result_free);
  g_free (job);
}

static gboolean
checkin_work (gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  CheckinJob *job = data;

  switch (job->way)
    {
    case BY_CODE:
      job->result = jk_checkin_by_code (job->config, job->db_path, job->code, job->now, error);
      return job->result != NULL;
    case BY_PERSON:
      job->result = jk_checkin_by_person (job->config, job->db_path, job->last_name, job->date_of_birth, job->now,
                                          error);
      return job->result != NULL;
    case WALK_IN:
    default:
      job->walkin = jk_checkin_walk_in (job->config, job->db_path, job->reason, job->first_name, job->phone, job->now,
                                        error);
      return job->walkin != NULL;
    }
}

static GtkLabel *
error_label (JkCheckinPage *self)
{
  if (is_step (self, "code"))
    return self->code_error;
  if (is_step (self, "person"))
    return self->person_error;
  if (is_step (self, "walkin"))
    return self->walkin_error;
  return NULL;
}

/* On the step's own line when typed there, so it can be put right;
 * otherwise (a scan) as the result. text: a msgid. */
static void
show_problem (JkCheckinPage *self,
              const char    *text)
{
  GtkLabel *label = error_label (self);

  if (label != NULL)
    show_error (self, label, _(text));
  else
    show_problem_result (self, text, NULL);
}

static void
on_checkin_done (JkPage       *page,
                 gpointer      data,
                 const GError *error)
{
  JkCheckinPage *self = JK_CHECKIN_PAGE (page);
  CheckinJob *job = data;

  self->busy = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->main_button), TRUE);
  if (g_error_matches (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_RATE_LIMITED))
    show_problem (self, N_("Please wait a minute and try again, or ask at the front desk."));
  else if (g_error_matches (error, JK_CHECKIN_ERROR, JK_CHECKIN_ERROR_BAD_INPUT))
    show_problem (self, job->scanned ? N_("That code could not be read. Please try again, or type your code.")
                  : job->way == BY_PERSON ? N_("Please type your last name, and your date of birth as month, day and year.")
                  : N_("A code has letters and numbers, like ABCD-2345. Please check it."));
  else if (error != NULL)
    {
      g_warning ("Check-in: %s", error->message);
      show_problem (self, N_("Check-in is not working right now. Please ask at the front desk."));
    }
  else if (job->walkin != NULL)
    {
      forget_shown (self);
      self->shown_walkin = *job->walkin;
      self->shown_is_walkin = TRUE;
      show_walkin (self, job->walkin);
    }
  else if (job->result->outcome == JK_CHECKIN_NOT_FOUND && error_label (self) != NULL)
    show_problem (self, N_("We could not find an appointment for today. Please check what you typed, "
                           "or ask at the front desk."));
  else
    {
      forget_shown (self);
      self->shown_checkin = g_steal_pointer (&job->result);
      show_checkin (self, self->shown_checkin);
    }
}

static void
run_checkin (JkCheckinPage *self,
             CheckinJob    *job)
{
  job->config = self->config;
  job->db_path = g_strdup (self->db_path);
  job->now = now_unix (self);
  self->busy = TRUE;
  hide_errors (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->main_button), FALSE);
  jk_page_run (JK_PAGE (self), "jk-checkin", checkin_work, on_checkin_done, job, checkin_job_free);
}

static void
check_code (JkCheckinPage *self,
            const char    *text,
            gboolean       scanned)
{
  g_autofree char *code = jk_checkin_code_normalize (text);
  CheckinJob *job;

  if (self->busy)
    return;
  if (code == NULL)
    {
      if (scanned)
        show_problem_result (self, N_("That code could not be read."), N_("Please try again, or type your code."));
      else
        show_error (self, self->code_error, _("A code has letters and numbers, like ABCD-2345. Please check it."));
      return;
    }
  job = g_new0 (CheckinJob, 1);
  job->way = BY_CODE;
  job->code = g_steal_pointer (&code);
  job->scanned = scanned;
  run_checkin (self, job);
}

static void
check_person (JkCheckinPage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_entry_get_text (self->last_name_entry)));
  guint64 month = 0, day = 0, year = 0;
  CheckinJob *job;

  if (self->busy)
    return;
  if (*name == '\0' ||
      !g_ascii_string_to_unsigned (gtk_entry_get_text (self->month_entry), 10, 1, 12, &month, NULL) ||
      !g_ascii_string_to_unsigned (gtk_entry_get_text (self->day_entry), 10, 1, 31, &day, NULL) ||
      !g_ascii_string_to_unsigned (gtk_entry_get_text (self->year_entry), 10, 1900, 2100, &year, NULL) ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      show_error (self, self->person_error, _("Please type your last name, and your date of birth as month, day and year."));
      return;
    }
  job = g_new0 (CheckinJob, 1);
  job->way = BY_PERSON;
  job->last_name = g_steal_pointer (&name);
  job->date_of_birth = g_strdup_printf ("%04u-%02u-%02u", (guint) year, (guint) month, (guint) day);
  run_checkin (self, job);
}

static void
walk_in (JkCheckinPage *self)
{
  g_autofree char *first = g_strstrip (g_strdup (gtk_entry_get_text (self->first_name_entry)));
  g_autofree char *phone = g_strstrip (g_strdup (gtk_entry_get_text (self->phone_entry)));
  guint digits = 0;
  CheckinJob *job;

  if (self->busy || self->reason == NULL)
    return;
  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" -().+", *p) == NULL)
        digits = 100;
    }
  if (*phone != '\0' && (digits < 10 || digits > 15))
    {
      show_error (self, self->walkin_error, _("A mobile number has 10 digits, like 555 123 4567. Or leave it empty."));
      return;
    }
  job = g_new0 (CheckinJob, 1);
  job->way = WALK_IN;
  job->reason = g_strdup (self->reason);
  job->first_name = *first != '\0' ? g_steal_pointer (&first) : NULL;
  job->phone = *phone != '\0' ? g_steal_pointer (&phone) : NULL;
  run_checkin (self, job);
}

/* The scanner's keys went to whichever field had the focus: take them out. */
static void
remove_burst_from_focus (JkCheckinPage *self)
{
  GtkWidget *focus = self->window != NULL ? gtk_window_get_focus (self->window) : NULL;
  const char *text;

  if (focus == NULL || !GTK_IS_ENTRY (focus) || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return;
  text = gtk_entry_get_text (GTK_ENTRY (focus));
  if (g_str_has_suffix (text, self->burst->str))
    {
      g_autofree char *kept = g_strndup (text, strlen (text) - self->burst->len);

      gtk_entry_set_text (GTK_ENTRY (focus), kept);
    }
}

static void
clear_burst (JkCheckinPage *self)
{
  g_string_truncate (self->burst, 0);
  self->burst_bad = FALSE;
  self->burst_last = 0;
}

/* ---------------------------------------------------------------------- */
/* Signal callbacks                                                       */

/* Every key on the window while the page shows, before any field has it:
 * a run of quick keys ending in Enter is a scan. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                JkCheckinPage         *self)
{
  guint32 time = gtk_get_current_event_time ();
  gunichar c = gdk_keyval_to_unicode (keyval);
  gboolean quick;

  if (!self->shown || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return GDK_EVENT_PROPAGATE;
  /* Synthesized keys carry no time: the clock's instead. */
  if (time == GDK_CURRENT_TIME)
    time = (guint32) (g_get_monotonic_time () / 1000);
  quick = self->burst->len > 0 && time - self->burst_last <= SCAN_GAP_MS;
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      gsize n = g_utf8_strlen (self->burst->str, -1);
      gboolean scan = quick && (n >= SCAN_MIN_CHARS || self->burst_bad);

      if (!scan)
        {
          clear_burst (self);
          return GDK_EVENT_PROPAGATE;
        }
      remove_burst_from_focus (self);
      if (self->burst_bad)
        show_problem_result (self, N_("That code could not be read."), N_("Please try again, or type your code."));
      else
        {
          g_autofree char *text = g_strdup (self->burst->str);

          if (!self->busy)
            show_step (self, "start");
          check_code (self, text, TRUE);
        }
      clear_burst (self);
      return GDK_EVENT_STOP;
    }
  if (c == 0 || (state & (GDK_CONTROL_MASK | GDK_MOD1_MASK)) != 0 || g_unichar_iscntrl (c))
    {
      /* A control character inside a burst spoils it; a person's Tab or
       * arrow ends any burst. */
      if (quick)
        {
          self->burst_bad = TRUE;
          self->burst_last = time;
        }
      else
        clear_burst (self);
      return GDK_EVENT_PROPAGATE;
    }
  if (!quick)
    clear_burst (self);
  if (self->burst->len < SCAN_MAX_CHARS * 4)
    g_string_append_unichar (self->burst, c);
  else
    self->burst_bad = TRUE;
  if (g_utf8_strlen (self->burst->str, -1) > SCAN_MAX_CHARS)
    self->burst_bad = TRUE;
  self->burst_last = time;
  return GDK_EVENT_PROPAGATE;
}

static void
on_hierarchy_changed (JkCheckinPage *self,
                      GtkWidget     *previous_toplevel)
{
  GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));

  if (!GTK_IS_WINDOW (toplevel) || GTK_WINDOW (toplevel) == self->window)
    return;
  self->window = GTK_WINDOW (toplevel);
  g_clear_object (&self->keys);
  self->keys = gtk_event_controller_key_new (toplevel);
  /* Before the keypad's and the fields' handlers, so the Enter that ends a
   * scan never reaches them. */
  gtk_event_controller_set_propagation_phase (self->keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (self->keys, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
}

static void
on_scan_clicked (JkCheckinPage *self)
{
  show_step (self, "scan");
}

static void
on_code_clicked (JkCheckinPage *self)
{
  show_step (self, "code");
}

static void
on_person_clicked (JkCheckinPage *self)
{
  show_step (self, "person");
}

static void
on_walkin_clicked (JkCheckinPage *self)
{
  show_step (self, "reason");
}

static void
on_reason_clicked (JkCheckinPage *self,
                   GtkButton     *button)
{
  g_free (self->reason);
  self->reason = g_strdup (g_object_get_data (G_OBJECT (button), "jk-reason"));
  show_step (self, "walkin");
}

static void
on_back_clicked (JkCheckinPage *self)
{
  if (is_step (self, "walkin"))
    show_step (self, "reason");
  else
    show_step (self, "start");
}

static void
on_main_clicked (JkCheckinPage *self)
{
  if (is_step (self, "code"))
    check_code (self, gtk_entry_get_text (self->code_entry), FALSE);
  else if (is_step (self, "person"))
    check_person (self);
  else if (is_step (self, "walkin"))
    walk_in (self);
  else if (is_step (self, "result"))
    {
      cancel_home (self);
      jk_page_navigate (JK_PAGE (self), &jk_home_page_info, NULL);
    }
}

static void
on_slip_clicked (JkCheckinPage *self)
{
  cancel_home (self);
  jk_print_flow_show (self->print_flow, JK_PAGE (self), &jk_document_checkin_slip, &self->slip);
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */

static void
jk_checkin_page_enter (JkPage *page)
{
  JkCheckinPage *self = JK_CHECKIN_PAGE (page);

  self->shown = TRUE;
  clear_burst (self);
  /* Back from printing a slip: the result stays a while longer. */
  if (is_step (self, "result"))
    {
      self->home_at = jk_clock_get_monotonic (self->clock) + (gint64) RESULT_SECONDS * G_USEC_PER_SEC;
      if (self->home_id == 0)
        self->home_id = g_timeout_add_seconds (1, home_cb, self);
    }
  else if (current_step (self) == NULL || is_step (self, "start"))
    show_step (self, "start");
}

static void
jk_checkin_page_leave (JkPage *page)
{
  JkCheckinPage *self = JK_CHECKIN_PAGE (page);

  self->shown = FALSE;
  self->busy = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->main_button), TRUE);
  cancel_home (self);
  clear_burst (self);
}

static void
jk_checkin_page_reset (JkPage *page)
{
  JkCheckinPage *self = JK_CHECKIN_PAGE (page);

  jk_checkin_page_leave (page);
  JK_PAGE_CLASS (jk_checkin_page_parent_class)->reset (page);
  g_clear_pointer (&self->reason, g_free);
  forget_shown (self);
  keep_slip (self, NULL, 0);
  gtk_label_set_text (self->result_heading, "");
  gtk_label_set_text (self->result_body, "");
  gtk_label_set_text (self->queue_label, "");
  show_step (self, "start");
}

static void
jk_checkin_page_language_changed (JkPage *page)
{
  JkCheckinPage *self = JK_CHECKIN_PAGE (page);

  JK_PAGE_CLASS (jk_checkin_page_parent_class)->language_changed (page);
  if (!is_step (self, "result"))
    return;
  self->redrawing = TRUE;
  if (self->shown_checkin != NULL)
    show_checkin (self, self->shown_checkin);
  else if (self->shown_is_walkin)
    show_walkin (self, &self->shown_walkin);
  else if (self->shown_heading != NULL)
    show_result (self, _(self->shown_heading), self->shown_body != NULL ? _(self->shown_body) : NULL, 0, FALSE);
  self->redrawing = FALSE;
}

static void
jk_checkin_page_finalize (GObject *object)
{
  JkCheckinPage *self = JK_CHECKIN_PAGE (object);

  g_clear_handle_id (&self->home_id, g_source_remove);
  if (self->clock != NULL)
    g_signal_handlers_disconnect_by_data (self->clock, self);
  g_clear_object (&self->keys);
  g_free (self->db_path);
  g_free (self->reason);
  g_free (self->slip_service);
  g_free (self->slip_location);
  forget_shown (self);
  g_string_free (self->burst, TRUE);
  G_OBJECT_CLASS (jk_checkin_page_parent_class)->finalize (object);
}

static void
jk_checkin_page_class_init (JkCheckinPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  JkPageClass *page_class = JK_PAGE_CLASS (klass);

  object_class->finalize = jk_checkin_page_finalize;
  page_class->enter = jk_checkin_page_enter;
  page_class->leave = jk_checkin_page_leave;
  page_class->reset = jk_checkin_page_reset;
  page_class->language_changed = jk_checkin_page_language_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/jobkiosk/JobKiosk/checkin/jk-checkin-page.ui");
#define X(type, name) gtk_widget_class_bind_template_child (widget_class, JkCheckinPage, name);
  CHECKIN_PAGE_CHILDREN
#undef X
  gtk_widget_class_bind_template_callback (widget_class, on_scan_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_code_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_person_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_walkin_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_main_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_slip_clicked);
}

/* A picture tile per reason, four to a row. */
static void
add_reason_tiles (JkCheckinPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
      GtkWidget *image = gtk_image_new_from_icon_name (reason_icons[i], GTK_ICON_SIZE_DIALOG);
      GtkWidget *label = gtk_label_new (NULL);

      gtk_image_set_pixel_size (GTK_IMAGE (image), 48);
      gtk_label_set_line_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      jk_retranslate_set_label (GTK_LABEL (label), reasons[i].label);
      jk_retranslate_set_a11y_name (button, reasons[i].label);
      gtk_container_add (GTK_CONTAINER (box), image);
      gtk_container_add (GTK_CONTAINER (box), label);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_container_add (GTK_CONTAINER (button), box);
      gtk_widget_set_hexpand (button, TRUE);
      g_object_set_data (G_OBJECT (button), "jk-reason", (gpointer) reasons[i].key);
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_reason_clicked), self);
      gtk_widget_show_all (button);
      gtk_grid_attach (self->reasons_grid, button, i % 4, i / 4, 1, 1);
    }
}

static void
jk_checkin_page_init (JkCheckinPage *self)
{
  PangoAttrList *big = pango_attr_list_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->burst = g_string_new (NULL);
  pango_attr_list_insert (big, pango_attr_scale_new (4.0));
  pango_attr_list_insert (big, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  gtk_label_set_attributes (self->queue_label, big);
  pango_attr_list_unref (big);
  add_reason_tiles (self);
  g_signal_connect (self, "hierarchy-changed", G_CALLBACK (on_hierarchy_changed), NULL);
  jk_page_init_strings (JK_PAGE (self));
}

static JkPage *
create (const JkPageInfo    *info,
        const JkPageContext *context)
{
  JkCheckinPage *self = g_object_new (JK_TYPE_CHECKIN_PAGE, "title", N_("Check in"), "prompt",
                                      N_("Scan the code on your letter, type your code, use your last name and date "
                                         "of birth, or tell us you don't have an appointment."), NULL);

  self->config = context->config;
  self->clock = context->clock;
  self->print_flow = context->print_flow;
  self->db_path = g_strdup (jk_store_get_path (context->store));
  g_signal_connect_swapped (self->clock, "advanced", G_CALLBACK (on_clock_advanced), self);
  show_step (self, "start");
  return JK_PAGE (self);
}

const JkPageInfo jk_checkin_page_info = { "checkin", 0, create };

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

const char *
jk_checkin_page_get_step (JkCheckinPage *self)
{
  return current_step (self);
}

gboolean
jk_checkin_page_is_busy (JkCheckinPage *self)
{
  return self->busy;
}

char *
jk_checkin_page_dup_result (JkCheckinPage *self)
{
  return g_strdup_printf ("%s %s %s", gtk_label_get_text (self->result_heading),
                          gtk_widget_get_visible (GTK_WIDGET (self->queue_label)) ? gtk_label_get_text (self->queue_label)
                                                                                   : "",
                          gtk_label_get_text (self->result_body));
}

GtkWidget *
jk_checkin_page_get_widget (JkCheckinPage *self,
                            const char    *id)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), JK_TYPE_CHECKIN_PAGE, id));
}
