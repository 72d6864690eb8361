/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-usage.c: counts by day, hour and counter with no identity; what of them may be shown; CSV */

#define G_LOG_DOMAIN "jk-usage"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jobkiosk/jk-checkin.h>
#include <jobkiosk/jk-i18n.h>
#include <jobkiosk/jk-usage.h>

#include "store/jk-store-private.h"

/* A counter key is short: a family's part is a page's or a reason's key. */
#define MAX_KEY_LENGTH 64

G_DEFINE_QUARK (jk-usage-error-quark, jk_usage_error)

typedef struct {
  const char *key;
  const char *label;
} Counter;

#define X(id, key, label) { key, label },
static const Counter counters[] = { JK_USAGE_COUNTERS };
static const Counter walkin_reasons[] = { JK_WALKIN_REASONS };
#undef X

/* "referral:KEY": referrals to a partner by the service's category (one
 * of the nine, or "other"), named in words for the reports. */
static const Counter referral_categories[] = {
  { "childcare", N_("Referrals: child care") },
  { "transportation", N_("Referrals: getting to work") },
  { "food", N_("Referrals: food") },
  { "housing", N_("Referrals: housing") },
  { "health", N_("Referrals: health") },
  { "education", N_("Referrals: education and GED") },
  { "disability", N_("Referrals: disability services") },
  { "legal", N_("Referrals: legal help") },
  { "money", N_("Referrals: money and benefits") },
  { "other", N_("Referrals: other services") },
};

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static char *
local_format (gint64      when,
              const char *format)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (when);

  return g_date_time_format (time, format);
}

static gboolean
is_key_part (const char *part)
{
  if (part[0] == '\0' || !g_ascii_isalpha (part[0]))
    return FALSE;
  for (const char *p = part; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-' && *p != '_')
        return FALSE;
    }
  return TRUE;
}

static void
to_usage_error (GError **error)
{
  if (error != NULL && *error != NULL && (*error)->domain != JK_USAGE_ERROR)
    {
      (*error)->domain = JK_USAGE_ERROR;
      (*error)->code = JK_USAGE_ERROR_FAILED;
    }
}

static JkUsageRow *
row_new (const char *day,
         guint       hour,
         const char *what,
         gint64      count)
{
  JkUsageRow *row = g_new0 (JkUsageRow, 1);

  g_strlcpy (row->day, day, sizeof row->day);
  row->hour = hour;
  row->what = g_strdup (what);
  row->count = count;
  return row;
}


/* The total less the hours shown is what the hidden hours add up to: it
 * may be shown only when it is no small count itself. */
static gboolean
is_withheld (const JkUsageTotal *total)
{
  gint64 hidden = total->count - total->shown_hours;

  return hidden > 0 && hidden < JK_USAGE_MIN_SHOWN;
}

static int
compare_totals (gconstpointer a,
                gconstpointer b)
{
  const JkUsageTotal *x = *(const JkUsageTotal **) a;
  const JkUsageTotal *y = *(const JkUsageTotal **) b;
  int by_day = strcmp (x->day, y->day);

  return by_day != 0 ? by_day : strcmp (x->what, y->what);
}

/* A field as RFC 4180 has it: quoted when it holds a comma, a quote or a
 * line break, quotes doubled. */
static void
append_field (GString    *out,
              const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_line (GString    *out,
             const char *day,
             const char *hour,
             const char *what,
             const char *count,
             const char *note)
{
  append_field (out, day);
  g_string_append_c (out, ',');
  append_field (out, hour);
  g_string_append_c (out, ',');
  append_field (out, what);
  g_string_append_c (out, ',');
  append_field (out, count);
  g_string_append_c (out, ',');
  append_field (out, note);
  g_string_append (out, "\r\n");
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

gboolean
jk_usage_key_is_valid (const char *what)
{
  const char *colon;

  if (what == NULL || strlen (what) > MAX_KEY_LENGTH)
    return FALSE;
  colon = strchr (what, ':');
  if (colon == NULL)
    {
      for (gsize i = 0; i < G_N_ELEMENTS (counters); i++)
        {
          if (strcmp (counters[i].key, what) == 0)
            return TRUE;
        }
      return FALSE;
    }
  if (g_str_has_prefix (what, JK_USAGE_WALKIN_PREFIX))
    {
      for (gsize i = 0; i < G_N_ELEMENTS (walkin_reasons); i++)
        {
          if (strcmp (walkin_reasons[i].key, colon + 1) == 0)
            return TRUE;
        }
      return FALSE;
    }
  if (g_str_has_prefix (what, JK_USAGE_REFERRAL_PREFIX))
    {
      for (gsize i = 0; i < G_N_ELEMENTS (referral_categories); i++)
        {
          if (strcmp (referral_categories[i].key, colon + 1) == 0)
            return TRUE;
        }
      return FALSE;
    }
  return g_str_has_prefix (what, JK_USAGE_SCREEN_PREFIX) && is_key_part (colon + 1);
}

gboolean
jk_usage_day_is_valid (const char *day)
{
  int y, m, d;

  if (day == NULL || strlen (day) != 10 || day[4] != '-' || day[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (day[i]))
        return FALSE;
    }
  if (sscanf (day, "%d-%d-%d", &y, &m, &d) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

gboolean
jk_usage_add (JkStore     *store,
              const char  *what,
              gint64       n,
              gint64       now,
              GError     **error)
{
  g_autofree char *day = NULL;
  g_autofree char *hour = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 before, after, shown;

  if (!jk_usage_key_is_valid (what) || n < 0)
    {
      g_set_error (error, JK_USAGE_ERROR, JK_USAGE_ERROR_BAD_INPUT, "Not a usage counter: %s", what ? what : "(null)");
      return FALSE;
    }
  if (n == 0)
    return TRUE;
  day = local_format (now, "%Y-%m-%d");
  hour = local_format (now, "%H");
  stmt = jk_store_prepare (store, "INSERT INTO usage_hours (day, hour, what, count) VALUES (?, ?, ?, ?) "
                           "ON CONFLICT (day, hour, what) DO UPDATE SET count = count + excluded.count "
                           "RETURNING count", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, atoi (hour));
  sqlite3_bind_text (stmt, 3, what, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, n);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      jk_store_set_error (store, error, "counting usage");
      return FALSE;
    }
  after = sqlite3_column_int64 (stmt, 0);
  before = after - n;
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "counting usage");
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  /* The day's row: the hour's count moves into the shown part once it
   * reaches JK_USAGE_MIN_SHOWN. */
  shown = (after >= JK_USAGE_MIN_SHOWN ? after : 0) - (before >= JK_USAGE_MIN_SHOWN ? before : 0);
  stmt = jk_store_prepare (store, "INSERT INTO usage_days (day, what, count, shown_hours) VALUES (?, ?, ?, ?) "
                           "ON CONFLICT (day, what) DO UPDATE SET count = count + excluded.count, "
                           "shown_hours = shown_hours + excluded.shown_hours", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, what, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, n);
  sqlite3_bind_int64 (stmt, 4, shown);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "counting usage by day");
      return FALSE;
    }
  return TRUE;
}

gboolean
jk_usage_add_counts (const char  *database_path,
                     GHashTable  *counts,
                     gint64       now,
                     GError     **error)
{
  g_autoptr (JkStore) store = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (counts == NULL || g_hash_table_size (counts) == 0)
    return TRUE;
  /* One bad key refuses the whole visit before anything is written. */
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!jk_usage_key_is_valid (key) || GPOINTER_TO_INT (value) < 0)
        {
          g_set_error (error, JK_USAGE_ERROR, JK_USAGE_ERROR_BAD_INPUT, "Not a usage counter: %s",
                       (const char *) key);
          return FALSE;
        }
    }
  store = jk_store_open_writer (database_path, error);
  if (store == NULL || !jk_store_begin (store, error))
    goto failed;
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!jk_usage_add (store, key, GPOINTER_TO_INT (value), now, error))
        goto failed;
    }
  if (!jk_store_commit (store, error))
    goto failed;
  return TRUE;

failed:
  if (store != NULL)
    jk_store_rollback (store);
  to_usage_error (error);
  return FALSE;
}

/* A reader's statement over the days from first_day to last_day (the
 * query's two parameters), after checking they are days; NULL with the
 * error set otherwise. */
static sqlite3_stmt *
prepare_range (const char  *database_path,
               const char  *first_day,
               const char  *last_day,
               const char  *sql,
               JkStore    **store,
               GError     **error)
{
  sqlite3_stmt *stmt;

  if (!jk_usage_day_is_valid (first_day) || !jk_usage_day_is_valid (last_day))
    {
      g_set_error (error, JK_USAGE_ERROR, JK_USAGE_ERROR_BAD_INPUT, "A day is written YYYY-MM-DD: %s, %s",
                   first_day ? first_day : "(null)", last_day ? last_day : "(null)");
      return NULL;
    }
  *store = jk_store_open_reader (database_path, error);
  if (*store == NULL)
    return NULL;
  stmt = jk_store_prepare (*store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, first_day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last_day, -1, SQLITE_STATIC);
  return stmt;
}

GPtrArray *
jk_usage_query (const char  *database_path,
                const char  *first_day,
                const char  *last_day,
                GError     **error)
{
  g_autoptr (JkStore) store = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  int rc;

  stmt = prepare_range (database_path, first_day, last_day,
                        "SELECT day, hour, what, count FROM usage_hours WHERE day BETWEEN ? AND ? "
                        "ORDER BY day, hour, what", &store, error);
  if (stmt == NULL)
    goto failed;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_usage_row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_new ((const char *) sqlite3_column_text (stmt, 0), sqlite3_column_int (stmt, 1),
                                    (const char *) sqlite3_column_text (stmt, 2), sqlite3_column_int64 (stmt, 3)));
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "reading usage");
      goto failed;
    }
  return g_steal_pointer (&rows);

failed:
  to_usage_error (error);
  return NULL;
}

GPtrArray *
jk_usage_query_totals (const char  *database_path,
                       const char  *first_day,
                       const char  *last_day,
                       GError     **error)
{
  g_autoptr (JkStore) store = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) totals = NULL;
  int rc;

  /* usage_days, kept by jk_usage_add: summing a year of hours here took
   * over 100 ms (bench-usage). */
  stmt = prepare_range (database_path, first_day, last_day,
                        "SELECT day, what, count, shown_hours FROM usage_days WHERE day BETWEEN ? AND ? "
                        "ORDER BY day, what", &store, error);
  if (stmt == NULL)
    goto failed;
  totals = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_usage_total_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JkUsageTotal *total = g_new0 (JkUsageTotal, 1);

      g_strlcpy (total->day, (const char *) sqlite3_column_text (stmt, 0), sizeof total->day);
      total->what = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      total->count = sqlite3_column_int64 (stmt, 2);
      total->shown_hours = sqlite3_column_int64 (stmt, 3);
      total->withheld = is_withheld (total);
      g_ptr_array_add (totals, total);
    }
  if (rc != SQLITE_DONE)
    {
      jk_store_set_error (store, error, "reading usage");
      goto failed;
    }
  return g_steal_pointer (&totals);

failed:
  to_usage_error (error);
  return NULL;
}

gboolean
jk_usage_row_shown (const JkUsageRow *row)
{
  return row->count >= JK_USAGE_MIN_SHOWN;
}

GPtrArray *
jk_usage_day_totals (GPtrArray *rows)
{
  g_autoptr (GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *totals = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_usage_total_free);

  for (guint i = 0; i < rows->len; i++)
    {
      const JkUsageRow *row = rows->pdata[i];
      g_autofree char *key = g_strconcat (row->day, " ", row->what, NULL);
      JkUsageTotal *total = g_hash_table_lookup (by_key, key);

      if (total == NULL)
        {
          total = g_new0 (JkUsageTotal, 1);
          g_strlcpy (total->day, row->day, sizeof total->day);
          total->what = g_strdup (row->what);
          g_ptr_array_add (totals, total);
          g_hash_table_insert (by_key, g_steal_pointer (&key), total);
        }
      total->count += row->count;
      if (jk_usage_row_shown (row))
        total->shown_hours += row->count;
    }
  for (guint i = 0; i < totals->len; i++)
    {
      JkUsageTotal *total = totals->pdata[i];

      total->withheld = is_withheld (total);
    }
  g_ptr_array_sort (totals, compare_totals);
  return totals;
}

char *
jk_usage_to_csv (GPtrArray *rows)
{
  GString *out = g_string_new (NULL);
  g_autoptr (GPtrArray) totals = jk_usage_day_totals (rows);
  guint t = 0;

  append_line (out, "day", "hour", "counter", "count", "note");
  for (guint i = 0; i <= rows->len; i++)
    {
      const JkUsageRow *row = i < rows->len ? rows->pdata[i] : NULL;

      /* A day's totals follow its last hour. */
      while (t < totals->len && (row == NULL || strcmp (((JkUsageTotal *) totals->pdata[t])->day, row->day) < 0))
        {
          const JkUsageTotal *total = totals->pdata[t++];
          g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, total->count);

          if (total->withheld)
            append_line (out, total->day, "", total->what, "",
                         "day total left out; with the hours shown it would tell a count below 5");
          else
            append_line (out, total->day, "", total->what, count,
                         "exact day total; hours with counts from 1 to 4 are in it but not listed");
        }
      if (row != NULL && jk_usage_row_shown (row))
        {
          g_autofree char *hour = g_strdup_printf ("%u", row->hour);
          g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, row->count);

          append_line (out, row->day, hour, row->what, count, "");
        }
    }
  return g_string_free (out, FALSE);
}

const char *
jk_usage_counter_label (const char *what)
{
  if (what == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (counters); i++)
    {
      if (strcmp (counters[i].key, what) == 0)
        return counters[i].label;
    }
  if (g_str_has_prefix (what, JK_USAGE_WALKIN_PREFIX))
    {
      for (gsize i = 0; i < G_N_ELEMENTS (walkin_reasons); i++)
        {
          if (strcmp (walkin_reasons[i].key, what + strlen (JK_USAGE_WALKIN_PREFIX)) == 0)
            return walkin_reasons[i].label;
        }
    }
  if (g_str_has_prefix (what, JK_USAGE_REFERRAL_PREFIX))
    {
      for (gsize i = 0; i < G_N_ELEMENTS (referral_categories); i++)
        {
          if (strcmp (referral_categories[i].key, what + strlen (JK_USAGE_REFERRAL_PREFIX)) == 0)
            return referral_categories[i].label;
        }
    }
  return NULL;
}

void
jk_usage_total_free (JkUsageTotal *total)
{
  if (total == NULL)
    return;
  g_free (total->what);
  g_free (total);
}

void
jk_usage_row_free (JkUsageRow *row)
{
  if (row == NULL)
    return;
  g_free (row->what);
  g_free (row);
}
