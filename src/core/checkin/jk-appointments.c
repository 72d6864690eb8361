/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-appointments.c: the scheduling system's iCalendar read into today's appointments, as check-in needs them */

#define G_LOG_DOMAIN "jk-appointments"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <libical/ical.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jobkiosk/jk-appointments.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-secret.h>

#include "checkin/jk-appointments-private.h"
#include "checkin/jk-checkin-person-private.h"
#include "feeds/jk-fetch-private.h"
#include "store/jk-store-private.h"

/* A calendar with more events than this is refused before libical reads
 * it (each parsed event costs memory); a day's calendar has hundreds. */
#define MAX_EVENTS 200000
/* Steps of one RRULE before giving up on reaching today (a daily rule
 * begun 50 years ago takes 18 000), and of the whole file, so an endless
 * or absurd rule (FREQ=SECONDLY) cannot hold the import. */
#define MAX_STEPS_PER_RULE 50000
#define MAX_STEPS_PER_FILE 2000000
/* Problems listed; the rest are counted. */
#define MAX_PROBLEMS 50
/* Stored strings: what a label on the check-in screen can hold. */
#define MAX_TEXT_CHARS 80
#define MAX_NAME_CHARS 30
#define MAX_UID_BYTES 255

typedef struct {
  icalcomponent *component;
  guint index;              /* 1-based, in the file's order */
  int sequence;
  char *uid;
  char *recurrence_id;      /* '' or the original start, UTC */
} Event;

typedef struct {
  char *uid;
  char *recurrence_id;
  int sequence;
  gint64 starts;
  gint64 ends;
  char *code;
  gboolean has_person;
  guint8 person[JK_CHECKIN_PERSON_SIZE];
  char *greeting;
  char *service;
  char *location;
  char *staff;
  gboolean cancelled;
} Row;

typedef struct {
  icalcomponent *calendar;
  GHashTable *zones;        /* TZID → icaltimezone * (or NULL: unknown) */
  GHashTable *events;       /* "uid\nrecurrence-id" → Event */
  GPtrArray *order;         /* Event, as kept, in file order */
  GHashTable *rows;         /* "uid\nrecurrence-id" → Row */
  gint64 window_start;
  gint64 window_end;
  guint64 steps;
  const guint8 *secret;
  JkAppointmentsReport *report;
  guint problems_dropped;
} Import;

G_DEFINE_QUARK (jk-appointments-error-quark, jk_appointments_error)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static void
event_free (Event *event)
{
  g_free (event->uid);
  g_free (event->recurrence_id);
  g_free (event);
}

static void
row_free (Row *row)
{
  g_free (row->uid);
  g_free (row->recurrence_id);
  g_free (row->code);
  sodium_memzero (row->person, sizeof row->person);
  g_free (row->greeting);
  g_free (row->service);
  g_free (row->location);
  g_free (row->staff);
  g_free (row);
}

static void
add_problem (Import     *import,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_problem (Import     *import,
             const char *format,
             ...)
{
  va_list args;

  if (import->report->problems->len >= MAX_PROBLEMS)
    {
      import->problems_dropped++;
      return;
    }
  va_start (args, format);
  g_ptr_array_add (import->report->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
ensure_libical (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      /* libical's default may abort() on a malformed value: a hostile calendar must not end the kiosk. */
      icalerror_set_errors_are_fatal (0);
      g_once_init_leave (&once, 1);
    }
}

static char *
format_utc (gint64 unix_time)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_utc (unix_time);

  return time != NULL ? g_date_time_format (time, "%Y%m%dT%H%M%SZ") : g_strdup ("");
}

static char *
local_day (gint64 unix_time)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (unix_time);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%d") : g_strdup ("");
}

/* Local midnight of now's day, and of the day days later. */
static gint64
local_midnight (gint64 now,
                guint  days)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (now);
  g_autoptr (GDateTime) midnight = NULL;
  g_autoptr (GDateTime) later = NULL;

  midnight = g_date_time_new_local (g_date_time_get_year (time), g_date_time_get_month (time),
                                    g_date_time_get_day_of_month (time), 0, 0, 0);
  later = g_date_time_add_days (midnight, (gint) days);
  return g_date_time_to_unix (later);
}

static const char *
strip_quotes (const char *text,
              char      **copy)
{
  gsize length = strlen (text);

  if (length >= 2 && text[0] == '"' && text[length - 1] == '"')
    {
      *copy = g_strndup (text + 1, length - 2);
      return *copy;
    }
  return text;
}

/* The calendar's VTIMEZONE, else a Windows name, else an IANA name libical
 * knows; NULL when none of them (the time is then read as the kiosk's). */
static icaltimezone *
resolve_zone (Import     *import,
              const char *tzid)
{
  g_autofree char *copy = NULL;
  const char *name = strip_quotes (tzid, &copy);
  icaltimezone *zone = NULL;
  const char *iana;

  if (g_hash_table_lookup_extended (import->zones, tzid, NULL, (gpointer *) &zone))
    return zone;
  zone = icalcomponent_get_timezone (import->calendar, tzid);
  if (zone == NULL && name != tzid)
    zone = icalcomponent_get_timezone (import->calendar, name);
  if (zone == NULL && (iana = jk_appointments_windows_zone (name)) != NULL)
    zone = icaltimezone_get_builtin_timezone (iana);
  if (zone == NULL && strlen (name) < 100)
    zone = icaltimezone_get_builtin_timezone (name);
  if (zone == NULL)
    zone = icaltimezone_get_builtin_timezone_from_tzid (name);
  g_hash_table_insert (import->zones, g_strdup (tzid), zone);
  return zone;
}

static gint64
floating_to_unix (struct icaltimetype time)
{
  g_autoptr (GDateTime) local = g_date_time_new_local (time.year, time.month, time.day,
                                                       time.hour, time.minute, time.second);

  return local != NULL ? g_date_time_to_unix (local) : G_MININT64;
}

/* A property's date-time as unix seconds; *is_date for a DATE value. The
 * zone used is put in *zone_out (NULL: UTC or floating, *floating says
 * which). FALSE when there is no valid value. */
static gboolean
read_time (Import               *import,
           guint                 index,
           icalproperty         *property,
           gint64               *unix_out,
           gboolean             *is_date,
           struct icaltimetype  *time_out,
           icaltimezone        **zone_out)
{
  icalvalue *value = icalproperty_get_value (property);
  icalparameter *tzid_param;
  struct icaltimetype time;
  icaltimezone *zone = NULL;

  if (value == NULL)
    return FALSE;
  switch (icalvalue_isa (value))
    {
    case ICAL_DATETIME_VALUE:
      time = icalvalue_get_datetime (value);
      break;
    case ICAL_DATE_VALUE:
      time = icalvalue_get_date (value);
      break;
    case ICAL_DATETIMEDATE_VALUE:
      time = icalvalue_get_datetimedate (value);
      break;
    default:
      return FALSE;
    }
  if (icaltime_is_null_time (time) || !icaltime_is_valid_time (time) || time.year < 1900 || time.year > 2200 ||
      time.month < 1 || time.month > 12 || time.day < 1 || time.day > 31)
    return FALSE;
  *is_date = time.is_date;
  if (time_out != NULL)
    *time_out = time;
  if (zone_out != NULL)
    *zone_out = NULL;
  if (time.is_date)
    {
      *unix_out = floating_to_unix (time);
      return TRUE;
    }
  if (icaltime_is_utc (time))
    {
      *unix_out = icaltime_as_timet (time);
      if (zone_out != NULL)
        *zone_out = icaltimezone_get_utc_timezone ();
      return TRUE;
    }
  tzid_param = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  if (tzid_param != NULL && icalparameter_get_tzid (tzid_param) != NULL)
    {
      zone = resolve_zone (import, icalparameter_get_tzid (tzid_param));
      if (zone == NULL)
        add_problem (import, _("event %u: unknown time zone; read as the kiosk's own"), index);
    }
  if (zone != NULL)
    {
      time.zone = NULL;
      *unix_out = icaltime_as_timet_with_zone (time, zone);
    }
  else
    *unix_out = floating_to_unix (time);
  if (zone_out != NULL)
    *zone_out = zone;
  return *unix_out != G_MININT64;
}

static const char *
x_property (icalcomponent *component,
            const char    *name)
{
  for (icalproperty *property = icalcomponent_get_first_property (component, ICAL_X_PROPERTY); property != NULL;
       property = icalcomponent_get_next_property (component, ICAL_X_PROPERTY))
    {
      const char *x_name = icalproperty_get_x_name (property);

      if (x_name != NULL && g_ascii_strcasecmp (x_name, name) == 0)
        return icalproperty_get_x (property);
    }
  return NULL;
}

/* YYYY-MM-DD from YYYY-MM-DD or YYYYMMDD; NULL otherwise. */
static char *
canonical_date (const char *text)
{
  g_autofree char *clean = text != NULL ? g_strstrip (g_strdup (text)) : NULL;

  if (clean == NULL)
    return NULL;
  if (strlen (clean) == 8)
    {
      for (guint i = 0; i < 8; i++)
        if (!g_ascii_isdigit (clean[i]))
          return NULL;
      return g_strdup_printf ("%.4s-%.2s-%.2s", clean, clean + 4, clean + 6);
    }
  return strlen (clean) == 10 ? g_steal_pointer (&clean) : NULL;
}

static char *
first_word (const char *text)
{
  g_autofree char *clean = jk_appointments_clean_text (text, MAX_TEXT_CHARS);
  char *space;

  if (clean == NULL)
    return NULL;
  g_strdelimit (clean, "\"", ' ');
  g_strstrip (clean);
  space = strchr (clean, ' ');
  if (space != NULL)
    *space = '\0';
  return jk_appointments_clean_text (clean, MAX_NAME_CHARS);
}

/* What every occurrence of an event carries; FALSE when a check-in could
 * not find it (no code, no person). */
static gboolean
read_fields (Import        *import,
             const Event   *event,
             Row           *row)
{
  icalcomponent *component = event->component;
  const char *code = x_property (component, "X-JOBKIOSK-CODE");
  const char *last_name = x_property (component, "X-JOBKIOSK-LASTNAME");
  const char *dob = x_property (component, "X-JOBKIOSK-DOB");
  const char *first_name = x_property (component, "X-JOBKIOSK-FIRSTNAME");
  const char *service = x_property (component, "X-JOBKIOSK-SERVICE");
  icalproperty *property;

  if (code != NULL)
    {
      row->code = jk_appointments_normalize_code (code);
      if (row->code == NULL)
        add_problem (import, _("event %u: X-JOBKIOSK-CODE is not a check-in code"), event->index);
    }
  if (last_name != NULL || dob != NULL)
    {
      g_autofree char *date = canonical_date (dob);

      row->has_person = date != NULL && jk_checkin_person_hash (import->secret, last_name, date, row->person);
      if (!row->has_person)
        add_problem (import, _("event %u: X-JOBKIOSK-LASTNAME or X-JOBKIOSK-DOB cannot be used"), event->index);
    }
  if (first_name != NULL)
    {
      g_autofree char *first = jk_appointments_clean_text (first_name, MAX_NAME_CHARS);
      g_autofree char *last = last_name != NULL ? jk_appointments_clean_text (last_name, MAX_NAME_CHARS) : NULL;
      gunichar initial = 0;

      g_strdelimit (first, "\"", ' ');
      for (const char *p = last; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isalpha (g_utf8_get_char (p)))
          {
            initial = g_unichar_toupper (g_utf8_get_char (p));
            break;
          }
      if (first != NULL && initial != 0)
        {
          char buffer[8] = { 0 };

          g_unichar_to_utf8 (initial, buffer);
          row->greeting = g_strdup_printf ("%s %s.", g_strstrip (first), buffer);
        }
      else if (first != NULL)
        row->greeting = g_strdup (g_strstrip (first));
    }
  if (service != NULL)
    row->service = jk_appointments_clean_text (service, MAX_TEXT_CHARS);
  property = icalcomponent_get_first_property (component, ICAL_CATEGORIES_PROPERTY);
  if (row->service == NULL && property != NULL)
    row->service = jk_appointments_clean_text (icalproperty_get_categories (property), MAX_TEXT_CHARS);
  property = icalcomponent_get_first_property (component, ICAL_LOCATION_PROPERTY);
  if (property != NULL)
    row->location = jk_appointments_clean_text (icalproperty_get_location (property), MAX_TEXT_CHARS);
  property = icalcomponent_get_first_property (component, ICAL_ORGANIZER_PROPERTY);
  if (property != NULL)
    {
      icalparameter *cn = icalproperty_get_first_parameter (property, ICAL_CN_PARAMETER);

      if (cn != NULL && icalparameter_get_cn (cn) != NULL)
        row->staff = first_word (icalparameter_get_cn (cn));
    }
  row->cancelled = icalcomponent_get_status (component) == ICAL_STATUS_CANCELLED;
  return row->code != NULL || row->has_person;
}

static Row *
row_copy (const Row *row)
{
  Row *copy = g_new0 (Row, 1);

  *copy = *row;
  copy->uid = g_strdup (row->uid);
  copy->recurrence_id = g_strdup (row->recurrence_id);
  copy->code = g_strdup (row->code);
  copy->greeting = g_strdup (row->greeting);
  copy->service = g_strdup (row->service);
  copy->location = g_strdup (row->location);
  copy->staff = g_strdup (row->staff);
  return copy;
}

static void
keep_row (Import     *import,
          const Row  *fields,
          const char *recurrence_id,
          gint64      starts,
          gint64      ends)
{
  Row *row = row_copy (fields);

  g_free (row->recurrence_id);
  row->recurrence_id = g_strdup (recurrence_id);
  row->starts = starts;
  row->ends = MAX (ends, starts);
  g_hash_table_replace (import->rows, g_strconcat (row->uid, "\n", row->recurrence_id, NULL), row);
}

static gboolean
in_window (Import *import,
           gint64  starts)
{
  return starts >= import->window_start && starts < import->window_end;
}

/* The event's length: DTEND, else DURATION, else none. */
static gint64
read_duration (Import        *import,
               const Event   *event,
               gint64         starts)
{
  icalproperty *property = icalcomponent_get_first_property (event->component, ICAL_DTEND_PROPERTY);
  gint64 ends;
  gboolean is_date;

  if (property != NULL && read_time (import, event->index, property, &ends, &is_date, NULL, NULL) && ends >= starts)
    return MIN (ends - starts, 7 * 24 * 3600);
  property = icalcomponent_get_first_property (event->component, ICAL_DURATION_PROPERTY);
  if (property != NULL)
    {
      int seconds = icaldurationtype_as_int (icalproperty_get_duration (property));

      if (seconds > 0)
        return MIN (seconds, 7 * 24 * 3600);
    }
  return 0;
}

static gboolean
is_excluded (Import        *import,
             const Event   *event,
             gint64         occurrence,
             const char    *occurrence_day)
{
  for (icalproperty *property = icalcomponent_get_first_property (event->component, ICAL_EXDATE_PROPERTY);
       property != NULL; property = icalcomponent_get_next_property (event->component, ICAL_EXDATE_PROPERTY))
    {
      gint64 excluded;
      gboolean is_date;

      if (!read_time (import, event->index, property, &excluded, &is_date, NULL, NULL))
        continue;
      if (is_date)
        {
          g_autofree char *day = local_day (excluded);

          if (g_strcmp0 (day, occurrence_day) == 0)
            return TRUE;
        }
      else if (excluded == occurrence)
        return TRUE;
    }
  return FALSE;
}

/* The master's occurrences in the window, each unless an override or an
 * EXDATE takes its place. */
static guint
expand (Import              *import,
        const Event         *event,
        const Row           *fields,
        icalproperty        *rrule,
        struct icaltimetype  start,
        icaltimezone        *zone,
        gint64               duration)
{
  struct icalrecurrencetype rule = icalproperty_get_rrule (rrule);
  icalrecur_iterator *iterator;
  guint kept = 0;
  guint steps = 0;

  if (rule.freq == ICAL_NO_RECURRENCE)
    {
      add_problem (import, _("event %u: RRULE cannot be read"), event->index);
      return 0;
    }
  if (zone != NULL && zone != icaltimezone_get_utc_timezone ())
    start.zone = zone;
  iterator = icalrecur_iterator_new (rule, start);
  if (iterator == NULL)
    {
      add_problem (import, _("event %u: RRULE cannot be read"), event->index);
      return 0;
    }
  for (;;)
    {
      struct icaltimetype next = icalrecur_iterator_next (iterator);
      g_autofree char *recurrence_id = NULL;
      g_autofree char *key = NULL;
      g_autofree char *day = NULL;
      gint64 starts;

      if (icaltime_is_null_time (next))
        break;
      if (++steps > MAX_STEPS_PER_RULE || ++import->steps > MAX_STEPS_PER_FILE)
        {
          add_problem (import, _("event %u: its recurrence does not reach today within %u steps; left out"),
                       event->index, (guint) MAX_STEPS_PER_RULE);
          break;
        }
      if (icaltime_is_utc (next))
        starts = icaltime_as_timet (next);
      else if (zone != NULL)
        {
          next.zone = NULL;
          starts = icaltime_as_timet_with_zone (next, zone);
        }
      else
        starts = floating_to_unix (next);
      if (starts >= import->window_end)
        break;
      if (starts < import->window_start)
        continue;
      recurrence_id = format_utc (starts);
      key = g_strconcat (event->uid, "\n", recurrence_id, NULL);
      if (g_hash_table_contains (import->events, key))
        continue;  /* its override is kept on its own */
      day = local_day (starts);
      if (is_excluded (import, event, starts, day))
        continue;
      keep_row (import, fields, recurrence_id, starts, starts + duration);
      kept++;
    }
  icalrecur_iterator_free (iterator);
  return kept;
}

static void
read_event (Import      *import,
            const Event *event)
{
  icalproperty *dtstart = icalcomponent_get_first_property (event->component, ICAL_DTSTART_PROPERTY);
  icalproperty *rrule = icalcomponent_get_first_property (event->component, ICAL_RRULE_PROPERTY);
  struct icaltimetype start_time;
  icaltimezone *zone = NULL;
  Row fields = { 0 };
  gboolean is_date = FALSE;
  gint64 starts, duration;
  guint kept = 0;

  if (dtstart == NULL || !read_time (import, event->index, dtstart, &starts, &is_date, &start_time, &zone))
    {
      add_problem (import, _("event %u: DTSTART is missing or not a date-time"), event->index);
      import->report->skipped++;
      return;
    }
  if (is_date)
    {
      /* All day: nothing to check in for at a time. */
      import->report->skipped++;
      return;
    }
  fields.uid = event->uid;
  if (!read_fields (import, event, &fields))
    {
      import->report->skipped++;
      goto out;
    }
  duration = read_duration (import, event, starts);
  if (event->recurrence_id[0] != '\0' || rrule == NULL)
    {
      if (in_window (import, starts))
        {
          keep_row (import, &fields, event->recurrence_id, starts, starts + duration);
          kept++;
        }
    }
  else
    kept = expand (import, event, &fields, rrule, start_time, zone, duration);
  if (kept == 0)
    import->report->skipped++;

out:
  fields.uid = NULL;
  g_free (fields.code);
  g_free (fields.greeting);
  g_free (fields.service);
  g_free (fields.location);
  g_free (fields.staff);
  sodium_memzero (fields.person, sizeof fields.person);
}

/* Sorts the events: one per UID and RECURRENCE-ID, the highest SEQUENCE
 * (the later one on a tie, as a calendar re-sent whole lists the newest
 * last). Overrides are keyed by their original start in UTC, as the
 * master's occurrences are, whichever comes first in the file. */
static void
collect_event (Import        *import,
               icalcomponent *component,
               guint          index)
{
  icalproperty *recurrence = icalcomponent_get_first_property (component, ICAL_RECURRENCEID_PROPERTY);
  const char *uid = icalcomponent_get_uid (component);
  g_autofree char *clean_uid = NULL;
  g_autofree char *key = NULL;
  Event *event, *previous;

  import->report->events++;
  for (icalproperty *error = icalcomponent_get_first_property (component, ICAL_XLICERROR_PROPERTY); error != NULL;
       error = icalcomponent_get_next_property (component, ICAL_XLICERROR_PROPERTY))
    {
      /* libical's message quotes the bad line, which may be a client's text: only say that there was one. */
      add_problem (import, _("event %u: a line could not be read"), index);
      break;
    }
  if (uid == NULL || strlen (uid) > MAX_UID_BYTES || (clean_uid = jk_appointments_clean_text (uid, MAX_UID_BYTES)) == NULL)
    {
      add_problem (import, _("event %u: no usable UID"), index);
      import->report->skipped++;
      return;
    }
  event = g_new0 (Event, 1);
  event->component = component;
  event->index = index;
  event->sequence = icalcomponent_get_sequence (component);
  event->uid = g_steal_pointer (&clean_uid);
  if (recurrence != NULL)
    {
      gint64 original;
      gboolean is_date;

      if (!read_time (import, index, recurrence, &original, &is_date, NULL, NULL))
        {
          add_problem (import, _("event %u: RECURRENCE-ID is not a date-time"), index);
          import->report->skipped++;
          event_free (event);
          return;
        }
      event->recurrence_id = format_utc (original);
    }
  else
    event->recurrence_id = g_strdup ("");
  key = g_strconcat (event->uid, "\n", event->recurrence_id, NULL);
  previous = g_hash_table_lookup (import->events, key);
  if (previous != NULL && previous->sequence > event->sequence)
    {
      import->report->skipped++;
      event_free (event);
      return;
    }
  if (previous != NULL)
    {
      import->report->skipped++;
      g_ptr_array_remove (import->order, previous);
    }
  g_ptr_array_add (import->order, event);
  g_hash_table_replace (import->events, g_steal_pointer (&key), event);
}

/* A truncated download still parses (libical closes what is open): a
 * calendar must end as it began, and hold no NUL. */
static gboolean
check_whole (const char  *data,
             gsize        length,
             GError     **error)
{
  const char *start = data;
  gsize end = length;
  guint events = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    start += 3;
  while (start < data + length && g_ascii_isspace (*start))
    start++;
  if ((gsize) (data + length - start) < 15 || g_ascii_strncasecmp (start, "BEGIN:VCALENDAR", 15) != 0)
    {
      g_set_error (error, JK_APPOINTMENTS_ERROR, JK_APPOINTMENTS_ERROR_MALFORMED,
                   _("This is not an iCalendar file: it does not begin with BEGIN:VCALENDAR"));
      return FALSE;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, JK_APPOINTMENTS_ERROR, JK_APPOINTMENTS_ERROR_MALFORMED,
                   _("The calendar holds a NUL byte: it is damaged"));
      return FALSE;
    }
  while (end > 0 && g_ascii_isspace (data[end - 1]))
    end--;
  if (end < 13 || g_ascii_strncasecmp (data + end - 13, "END:VCALENDAR", 13) != 0)
    {
      g_set_error (error, JK_APPOINTMENTS_ERROR, JK_APPOINTMENTS_ERROR_MALFORMED,
                   _("The calendar is cut short: it does not end with END:VCALENDAR"));
      return FALSE;
    }
  for (const char *p = data; (p = g_strstr_len (p, data + length - p, "BEGIN:VEVENT")) != NULL; p += 12)
    if (++events > MAX_EVENTS)
      {
        g_set_error (error, JK_APPOINTMENTS_ERROR, JK_APPOINTMENTS_ERROR_TOO_LARGE,
                     _("The calendar holds more than %u events: refused"), (guint) MAX_EVENTS);
        return FALSE;
      }
  return TRUE;
}

static gboolean
write_rows (const char  *database_path,
            const char  *source,
            Import      *import,
            GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  JkStore *store = jk_store_open_writer (database_path, &local_error);
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autoptr (sqlite3_stmt) remove = NULL;
  GHashTableIter iter;
  Row *row;
  gboolean ok = FALSE;

  if (store == NULL)
    {
      g_set_error (error, JK_APPOINTMENTS_ERROR, JK_APPOINTMENTS_ERROR_FAILED, "%s", local_error->message);
      return FALSE;
    }
  if (!jk_store_begin (store, &local_error))
    goto out;
  remove = jk_store_prepare (store, "DELETE FROM appointments WHERE source = ?1", &local_error);
  insert = jk_store_prepare (store,
                             "INSERT OR REPLACE INTO appointments (source, uid, recurrence_id, sequence, day, starts,"
                             " ends, code, person, greeting, service, location, staff, cancelled)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                             &local_error);
  if (remove == NULL || insert == NULL)
    {
      jk_store_rollback (store);
      goto out;
    }
  sqlite3_bind_text (remove, 1, source, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (remove) != SQLITE_DONE)
    {
      jk_store_set_error (store, &local_error, "clearing the calendar's appointments");
      jk_store_rollback (store);
      goto out;
    }
  g_hash_table_iter_init (&iter, import->rows);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
    {
      g_autofree char *day = local_day (row->starts);

      sqlite3_reset (insert);
      sqlite3_bind_text (insert, 1, source, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 2, row->uid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 3, row->recurrence_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (insert, 4, row->sequence);
      sqlite3_bind_text (insert, 5, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (insert, 6, row->starts);
      sqlite3_bind_int64 (insert, 7, row->ends);
      sqlite3_bind_text (insert, 8, row->code, -1, SQLITE_TRANSIENT);
      if (row->has_person)
        sqlite3_bind_blob (insert, 9, row->person, sizeof row->person, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (insert, 9);
      sqlite3_bind_text (insert, 10, row->greeting, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 11, row->service, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 12, row->location, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 13, row->staff, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (insert, 14, row->cancelled);
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          jk_store_set_error (store, &local_error, "keeping an appointment");
          jk_store_rollback (store);
          goto out;
        }
      if (row->cancelled)
        import->report->cancelled++;
      else
        import->report->kept++;
    }
  ok = jk_store_commit (store, &local_error);
  if (!ok)
    jk_store_rollback (store);

out:
  g_clear_pointer (&insert, sqlite3_finalize);
  g_clear_pointer (&remove, sqlite3_finalize);
  jk_store_free (store);
  if (!ok)
    {
      import->report->kept = import->report->cancelled = 0;
      g_set_error (error, JK_APPOINTMENTS_ERROR, JK_APPOINTMENTS_ERROR_FAILED, "%s",
                   local_error != NULL ? local_error->message : "database");
    }
  return ok;
}

static JkAppointmentsReport *
report_new (const char *source)
{
  JkAppointmentsReport *report = g_new0 (JkAppointmentsReport, 1);

  report->source = g_strdup (source);
  report->problems = g_ptr_array_new_with_free_func (g_free);
  return report;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

char *
jk_appointments_clean_text (const char *text,
                            guint       max_chars)
{
  g_autofree char *valid = NULL;
  GString *clean;
  gboolean space = TRUE;
  gboolean in_tag = FALSE;
  guint chars = 0;

  if (text == NULL)
    return NULL;
  valid = g_utf8_make_valid (text, MIN (strlen (text), (gsize) 64 * 1024));
  clean = g_string_new (NULL);
  for (const char *p = valid; *p != '\0' && chars < max_chars; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      /* Markup is dropped whole: what shows is plain words. */
      if (c == '<')
        {
          in_tag = TRUE;
          continue;
        }
      if (in_tag)
        {
          in_tag = c != '>';
          continue;
        }
      if (c == '>' || c == 0xFFFD)
        continue;
      /* Other control and format characters (escapes, bidi overrides, zero widths) are dropped. */
      if (!g_unichar_isspace (c) && (type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT))
        continue;
      if (g_unichar_isspace (c) || type == G_UNICODE_LINE_SEPARATOR || type == G_UNICODE_PARAGRAPH_SEPARATOR)
        {
          if (!space)
            {
              g_string_append_c (clean, ' ');
              chars++;
            }
          space = TRUE;
          continue;
        }
      if (type == G_UNICODE_UNASSIGNED || type == G_UNICODE_PRIVATE_USE || type == G_UNICODE_SURROGATE)
        continue;
      g_string_append_unichar (clean, c);
      chars++;
      space = FALSE;
    }
  while (clean->len > 0 && clean->str[clean->len - 1] == ' ')
    g_string_truncate (clean, clean->len - 1);
  if (clean->len == 0)
    {
      g_string_free (clean, TRUE);
      return NULL;
    }
  return g_string_free (clean, FALSE);
}

char *
jk_appointments_normalize_code (const char *text)
{
  GString *code;

  if (text == NULL || strlen (text) > 256)
    return NULL;
  code = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '-')
        continue;
      if (!g_ascii_isalnum (*p) || code->len >= 32)
        {
          g_string_free (code, TRUE);
          return NULL;
        }
      g_string_append_c (code, g_ascii_toupper (*p));
    }
  if (code->len == 0)
    {
      g_string_free (code, TRUE);
      return NULL;
    }
  return g_string_free (code, FALSE);
}

gboolean
jk_appointments_import_data (const JkConfig        *config,
                             const char            *database_path,
                             const char            *source,
                             const char            *data,
                             gsize                  length,
                             gint64                 now,
                             guint                  days_ahead,
                             JkAppointmentsReport **report,
                             GError               **error)
{
  g_autoptr (JkAppointmentsReport) result = report_new (source);
  g_autofree char *text = NULL;
  guint8 secret[JK_SECRET_SIZE];
  icalcomponent *root;
  Import import = { 0 };
  g_autoptr (GError) local_error = NULL;
  gboolean ok;
  guint index = 0;

  g_return_val_if_fail (source != NULL, FALSE);
  if (length > JK_APPOINTMENTS_MAX_SIZE)
    {
      g_set_error (error, JK_APPOINTMENTS_ERROR, JK_APPOINTMENTS_ERROR_TOO_LARGE,
                   _("The calendar is %u MB, more than the limit of %u MB"),
                   (guint) (length / (1024 * 1024)), (guint) (JK_APPOINTMENTS_MAX_SIZE / (1024 * 1024)));
      return FALSE;
    }
  if (!check_whole (data, length, error))
    return FALSE;
  if (!jk_secret_load (config, database_path, secret, &local_error))
    {
      g_set_error (error, JK_APPOINTMENTS_ERROR, JK_APPOINTMENTS_ERROR_FAILED, "%s", local_error->message);
      return FALSE;
    }
  ensure_libical ();
  text = g_strndup (data, length);
  root = icalparser_parse_string (text);
  sodium_memzero (text, length);
  if (root == NULL || icalcomponent_isa (root) != ICAL_VCALENDAR_COMPONENT)
    {
      if (root != NULL)
        icalcomponent_free (root);
      sodium_memzero (secret, sizeof secret);
      g_set_error (error, JK_APPOINTMENTS_ERROR, JK_APPOINTMENTS_ERROR_MALFORMED,
                   _("The calendar cannot be read as one VCALENDAR"));
      return FALSE;
    }

  import.calendar = root;
  import.zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.order = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  import.rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) row_free);
  import.window_start = local_midnight (now, 0);
  import.window_end = local_midnight (now, days_ahead + 1);
  import.secret = secret;
  import.report = result;

  for (icalcomponent *component = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       component != NULL; component = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    collect_event (&import, component, ++index);
  for (guint i = 0; i < import.order->len; i++)
    {
      Event *event = import.order->pdata[i];

      read_event (&import, event);
    }
  if (import.problems_dropped > 0)
    g_ptr_array_add (result->problems,
                     g_strdup_printf (jk_ngettext ("and %u more problem", "and %u more problems",
                                                   import.problems_dropped), import.problems_dropped));

  ok = write_rows (database_path, source, &import, error);

  g_hash_table_unref (import.rows);
  g_hash_table_unref (import.events);
  g_ptr_array_unref (import.order);
  g_hash_table_unref (import.zones);
  icalcomponent_free (root);
  sodium_memzero (secret, sizeof secret);
  if (ok && report != NULL)
    *report = g_steal_pointer (&result);
  return ok;
}

gboolean
jk_appointments_import_file (const JkConfig        *config,
                             const char            *database_path,
                             const char            *path,
                             gint64                 now,
                             guint                  days_ahead,
                             JkAppointmentsReport **report,
                             GError               **error)
{
  return jk_appointments_import_file_as (config, database_path, path, NULL, now, days_ahead, report, error);
}

gboolean
jk_appointments_import_file_as (const JkConfig        *config,
                                const char            *database_path,
                                const char            *path,
                                const char            *source,
                                gint64                 now,
                                guint                  days_ahead,
                                JkAppointmentsReport **report,
                                GError               **error)
{
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  struct stat st;
  gssize got;
  gsize length = 0;
  int fd;
  gboolean ok;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, JK_APPOINTMENTS_ERROR, JK_APPOINTMENTS_ERROR_FETCH, _("Cannot read %s: %s"), path,
                   fd >= 0 ? _("not a file") : g_strerror (saved));
      return FALSE;
    }
  if (st.st_size > JK_APPOINTMENTS_MAX_SIZE)
    {
      close (fd);
      g_set_error (error, JK_APPOINTMENTS_ERROR, JK_APPOINTMENTS_ERROR_TOO_LARGE,
                   _("The calendar is %u MB, more than the limit of %u MB"),
                   (guint) (st.st_size / (1024 * 1024)), (guint) (JK_APPOINTMENTS_MAX_SIZE / (1024 * 1024)));
      return FALSE;
    }
  /* Read up to one byte past the limit: a file that grew since fstat is still refused. */
  data = g_malloc ((gsize) st.st_size + 2);
  while (length < (gsize) st.st_size + 1 &&
         (got = read (fd, data + length, (gsize) st.st_size + 1 - length)) != 0)
    {
      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          int saved = errno;

          close (fd);
          g_set_error (error, JK_APPOINTMENTS_ERROR, JK_APPOINTMENTS_ERROR_FETCH, _("Cannot read %s: %s"), path,
                       g_strerror (saved));
          return FALSE;
        }
      length += (gsize) got;
    }
  close (fd);
  name = source != NULL ? g_strdup (source) : g_path_get_basename (path);
  ok = jk_appointments_import_data (config, database_path, name, data, length, now, days_ahead, report, error);
  sodium_memzero (data, length);
  return ok;
}

static gboolean
read_state (JkStore     *store,
            const char  *source,
            char       **etag,
            char       **last_modified,
            GError     **error)
{
  g_autoptr (sqlite3_stmt) select = jk_store_prepare (store,
                                                      "SELECT etag, last_modified FROM calendar_state WHERE source = ?1",
                                                      error);

  if (select == NULL)
    return FALSE;
  sqlite3_bind_text (select, 1, source, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (select) == SQLITE_ROW)
    {
      *etag = g_strdup ((const char *) sqlite3_column_text (select, 0));
      *last_modified = g_strdup ((const char *) sqlite3_column_text (select, 1));
    }
  return TRUE;
}

/* After a good fetch: the validators, the time and the count; after a
 * failed one (validators NULL, keep_validators) only the error. */
static gboolean
write_state (JkStore     *store,
             const char  *source,
             gboolean     good,
             const char  *etag,
             const char  *last_modified,
             gint64       now,
             guint        events,
             const char  *last_error,
             GError     **error)
{
  const char *sql = good
    ? "INSERT INTO calendar_state (source, etag, last_modified, fetched, events, last_error)"
      " VALUES (?1, ?2, ?3, ?4, ?5, NULL) ON CONFLICT (source) DO UPDATE SET etag = ?2, last_modified = ?3,"
      " fetched = ?4, events = ?5, last_error = NULL"
    : "INSERT INTO calendar_state (source, last_error) VALUES (?1, ?6)"
      " ON CONFLICT (source) DO UPDATE SET last_error = ?6";
  g_autoptr (sqlite3_stmt) statement = jk_store_prepare (store, sql, error);

  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, source, -1, SQLITE_TRANSIENT);
  if (good)
    {
      sqlite3_bind_text (statement, 2, etag, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (statement, 3, last_modified, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (statement, 4, now);
      sqlite3_bind_int64 (statement, 5, events);
    }
  else
    sqlite3_bind_text (statement, 6, last_error, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "keeping the calendar's state");
      return FALSE;
    }
  return TRUE;
}

static JkAppointmentsReport *
sync_one (const JkConfig *config,
          const char     *database_path,
          JkStore        *store,
          const char     *url,
          gint64          now,
          GError        **error)
{
  g_autoptr (JkAppointmentsReport) report = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *last_modified = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *dest = NULL;
  JkFetchRequest request = { 0 };
  JkFetchResult fetched = { 0 };
  gboolean ok;

  if (!read_state (store, url, &etag, &last_modified, error))
    return NULL;
  folder = g_dir_make_tmp ("jk-calendar-XXXXXX", &local_error);
  if (folder == NULL)
    {
      g_set_error (error, JK_APPOINTMENTS_ERROR, JK_APPOINTMENTS_ERROR_FAILED, "%s", local_error->message);
      return NULL;
    }
  dest = g_build_filename (folder, "calendar.ics", NULL);
  request.url = url;
  request.subject = "calendar";
  request.etag = etag;
  request.last_modified = last_modified;
  request.dest_path = dest;
  request.connect_timeout = config->feed_connect_timeout;
  request.total_timeout = config->feed_timeout;
  request.stall_timeout = config->feed_stall_timeout;
  request.max_bytes = JK_APPOINTMENTS_MAX_SIZE;
  request.max_attempts = MAX (config->feed_attempts, 1);
  request.retry_base_ms = config->feed_retry_delay_ms;

  if (!jk_fetch (&request, &fetched, NULL, &local_error))
    {
      report = report_new (url);
      report->error = g_strdup (local_error->message);
    }
  else if (fetched.not_modified)
    {
      report = report_new (url);
      report->unchanged = TRUE;
    }
  else if (!jk_appointments_import_file_as (config, database_path, fetched.body_path, url, now,
                                            JK_APPOINTMENTS_SYNC_DAYS_AHEAD, &report, &local_error))
    {
      report = report_new (url);
      report->error = g_strdup (local_error->message);
    }
  if (report->error != NULL)
    ok = write_state (store, url, FALSE, NULL, NULL, now, 0, report->error, error);
  else if (report->unchanged)
    ok = write_state (store, url, TRUE, etag, last_modified, now, 0, NULL, error);
  else
    ok = write_state (store, url, TRUE, fetched.etag, fetched.last_modified, now, report->events, NULL, error);
  /* The download held SUMMARY and DESCRIPTION: it goes at once. */
  g_unlink (dest);
  g_rmdir (folder);
  jk_fetch_result_clear (&fetched);
  return ok ? g_steal_pointer (&report) : NULL;
}

GPtrArray *
jk_appointments_sync (const JkConfig *config,
                      const char     *database_path,
                      gint64          now,
                      GError        **error)
{
  g_autoptr (GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_appointments_report_free);
  g_auto (GStrv) urls = NULL;
  g_autoptr (GError) local_error = NULL;
  JkStore *store;

  if (config->checkin_calendars == NULL)
    return g_steal_pointer (&reports);
  store = jk_store_open_writer (database_path, &local_error);
  if (store == NULL)
    {
      g_set_error (error, JK_APPOINTMENTS_ERROR, JK_APPOINTMENTS_ERROR_FAILED, "%s", local_error->message);
      return NULL;
    }
  urls = g_strsplit (config->checkin_calendars, ";", -1);
  for (guint i = 0; urls[i] != NULL; i++)
    {
      JkAppointmentsReport *report;
      g_autofree char *resolved = NULL;

      g_strstrip (urls[i]);
      if (urls[i][0] == '\0')
        continue;
      /* A file named without a scheme is beside the configuration, as a
       * feed's is (the demo's calendar). */
      if (g_uri_peek_scheme (urls[i]) == NULL)
        resolved = jk_config_resolve_path (config, urls[i]);
      report = sync_one (config, database_path, store, resolved != NULL ? resolved : urls[i], now, &local_error);
      if (report == NULL)
        {
          jk_store_free (store);
          g_set_error (error, JK_APPOINTMENTS_ERROR, JK_APPOINTMENTS_ERROR_FAILED, "%s", local_error->message);
          return NULL;
        }
      g_ptr_array_add (reports, report);
    }
  jk_store_free (store);
  if (jk_appointments_purge (database_path, now, &local_error) < 0)
    g_warning ("Purging past appointments: %s", local_error->message);
  return g_steal_pointer (&reports);
}

int
jk_appointments_purge (const char  *database_path,
                       gint64       now,
                       GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *today = local_day (now);
  JkStore *store = jk_store_open_writer (database_path, &local_error);
  const char *const statements[] = {
    "DELETE FROM appointments WHERE day < ?1",
    "DELETE FROM arrivals WHERE day < ?1",
  };
  int removed = 0;

  if (store == NULL || !jk_store_begin (store, &local_error))
    goto failed;
  for (gsize i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr (sqlite3_stmt) statement = jk_store_prepare (store, statements[i], &local_error);

      if (statement == NULL)
        {
          jk_store_rollback (store);
          goto failed;
        }
      sqlite3_bind_text (statement, 1, today, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (statement) != SQLITE_DONE)
        {
          jk_store_set_error (store, &local_error, "purging past appointments");
          jk_store_rollback (store);
          goto failed;
        }
      removed += sqlite3_changes (jk_store_get_db (store));
    }
  if (!jk_store_commit (store, &local_error))
    {
      jk_store_rollback (store);
      goto failed;
    }
  jk_store_free (store);
  return removed;

failed:
  if (store != NULL)
    jk_store_free (store);
  g_set_error (error, JK_APPOINTMENTS_ERROR, JK_APPOINTMENTS_ERROR_FAILED, "%s", local_error->message);
  return -1;
}

void
jk_appointments_report_free (JkAppointmentsReport *report)
{
  if (report == NULL)
    return;
  g_free (report->source);
  g_free (report->error);
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}
