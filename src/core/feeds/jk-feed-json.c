/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-feed-json.c: what the JSON feed parsers share: reading JSON values, money, places; dispatch to JSON-LD or USAJOBS */

#define G_LOG_DOMAIN "jk-feed"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "jobkiosk/jk-feed.h"
#include "feeds/jk-feed-private.h"
#include "feeds/jk-feed-json-private.h"
#include "feeds/jk-normalize-private.h"

/* json-glib has no streaming parser: a JSON feed is read whole into a
 * JsonNode tree. That is acceptable for JSON feeds (a JSON-LD page or a
 * USAJOBS page is small); jk-feed.c bounds the input size, and the nesting
 * is bounded here before json-glib (which recurses) sees it. */
#define MAX_NESTING 200
/* Money figures outside this range are taken as nonsense. */
#define MONEY_MAX 1e9

/* ---------------------------------------------------------------------- */
/* Reading JSON values whatever their shape                               */

JsonNode *
jk_json_get_member (JsonObject *object,
                    const char *name)
{
  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  return json_object_get_member (object, name);
}

JsonObject *
jk_json_node_object (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
jk_json_node_array (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The node itself, or the first element when it is an array. */
JsonNode *
jk_json_first_of (JsonNode *node)
{
  JsonArray *array = jk_json_node_array (node);

  if (array == NULL)
    return node;
  return json_array_get_length (array) > 0 ? json_array_get_element (array, 0) : NULL;
}

const char *
jk_json_node_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* A string, or a number written out ("12345"). */
char *
jk_json_node_text (JsonNode *node)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_DOUBLE && isfinite (json_node_get_double (node)))
    return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (node)));
  return NULL;
}

/* A number, or a string holding only a number ("16.25", " 75000.0 "). */
gboolean
jk_json_node_number (JsonNode *node,
                     double   *out_value)
{
  const char *text;
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
    {
      *out_value = json_node_get_double (node);
      return isfinite (*out_value);
    }
  text = jk_json_node_string (node);
  if (text != NULL)
    {
      g_autofree char *copy = g_strstrip (g_strdup (text));
      char *end = NULL;

      if (*copy == '\0')
        return FALSE;
      *out_value = g_ascii_strtod (copy, &end);
      return end != NULL && *end == '\0' && isfinite (*out_value);
    }
  return FALSE;
}

const char *
jk_json_member_string (JsonObject *object,
                       const char *name)
{
  return jk_json_node_string (jk_json_first_of (jk_json_get_member (object, name)));
}

char *
jk_json_member_field (JsonObject *object,
                      const char *name)
{
  return jk_clean_field (jk_json_member_string (object, name), JK_FIELD_MAX);
}

gint64
jk_json_member_date (JsonObject *object,
                     const char *name)
{
  g_autofree char *text = jk_json_member_field (object, name);
  gint64 when = 0;

  if (text == NULL || !jk_parse_date (text, &when))
    return 0;
  return when;
}

/* "JobPosting", "schema:JobPosting", "http://schema.org/JobPosting", or an
 * array holding one of them. */
gboolean
jk_json_is_type (JsonObject *object,
                 const char *type)
{
  JsonNode *node = jk_json_get_member (object, "@type");
  JsonArray *array = jk_json_node_array (node);
  guint n = array != NULL ? json_array_get_length (array) : 1;

  for (guint i = 0; i < n; i++)
    {
      const char *value = jk_json_node_string (array != NULL ? json_array_get_element (array, i) : node);
      const char *tail;

      if (value == NULL)
        continue;
      tail = strrchr (value, '/');
      if (tail == NULL)
        tail = strrchr (value, ':');
      if (g_strcmp0 (tail != NULL ? tail + 1 : value, type) == 0)
        return TRUE;
    }
  return FALSE;
}

#define NUL_ESCAPE "\\u0000"

/* Bounds the nesting; counts the \u0000 escapes in strings, which
 * json-glib would turn into a NUL that ends the field there. */
static gboolean
check_nesting (const char *data,
               gsize       length,
               guint      *nul_escapes,
               GError    **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            {
              if (length - i >= strlen (NUL_ESCAPE) && memcmp (data + i, NUL_ESCAPE, strlen (NUL_ESCAPE)) == 0)
                (*nul_escapes)++;
              i++;
            }
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_NESTING)
            {
              g_set_error (error, JK_FEED_ERROR, JK_FEED_ERROR_MALFORMED, "The feed's JSON is nested too deeply");
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* The root of a JSON document, with its parser (which owns it). */
JsonParser *
jk_json_load (const char *data,
              gsize       length,
              GError    **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local_error = NULL;
  g_autofree char *cleaned = NULL;
  guint nul_escapes = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (length > G_MAXSSIZE)
    length = G_MAXSSIZE;
  if (!check_nesting (data, length, &nul_escapes, error))
    return NULL;
  if (nul_escapes > 0)
    {
      /* A NUL is no text: dropped, so the rest of its field stays. */
      gboolean in_string = FALSE;
      gsize n = 0;

      cleaned = g_malloc (length);
      for (gsize i = 0; i < length; i++)
        {
          if (in_string && data[i] == '\\' && length - i >= strlen (NUL_ESCAPE)
              && memcmp (data + i, NUL_ESCAPE, strlen (NUL_ESCAPE)) == 0)
            {
              i += strlen (NUL_ESCAPE) - 1;
              continue;
            }
          cleaned[n++] = data[i];
          if (in_string && data[i] == '\\' && i + 1 < length)
            cleaned[n++] = data[++i];
          else if (data[i] == '"')
            in_string = !in_string;
        }
      g_debug ("feed JSON: %u \\u0000 escapes dropped", nul_escapes);
      data = cleaned;
      length = n;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_debug ("feed JSON error: %s", local_error->message);
      g_set_error_literal (error, JK_FEED_ERROR, JK_FEED_ERROR_MALFORMED, "The feed's JSON is broken or cut short");
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, JK_FEED_ERROR, JK_FEED_ERROR_MALFORMED, "The feed is empty");
      return NULL;
    }
  return g_steal_pointer (&parser);
}

/* ---------------------------------------------------------------------- */
/* Money                                                                  */

static const char *
period_words (JkSalaryPeriod period)
{
  switch (period)
    {
    case JK_SALARY_PERIOD_HOUR:
      return " per hour";
    case JK_SALARY_PERIOD_DAY:
      return " per day";
    case JK_SALARY_PERIOD_WEEK:
      return " per week";
    case JK_SALARY_PERIOD_MONTH:
      return " per month";
    case JK_SALARY_PERIOD_YEAR:
      return " per year";
    case JK_SALARY_PERIOD_NONE:
    default:
      return "";
    }
}

/* "$38,000" or "$16.25": thousands grouped, cents when asked. */
static void
append_amount (GString    *out,
               double      value,
               gboolean    cents,
               const char *symbol)
{
  char digits[64];
  const char *point;
  gsize whole;

  g_snprintf (digits, sizeof digits, cents ? "%.2f" : "%.0f", value);
  point = strchr (digits, '.');
  whole = point != NULL ? (gsize) (point - digits) : strlen (digits);

  g_string_append (out, symbol);
  for (gsize i = 0; i < whole; i++)
    {
      if (i > 0 && (whole - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  if (point != NULL)
    g_string_append (out, point);
}

static gboolean
has_cents (double value)
{
  return fabs (value - round (value)) > 0.004;
}

/* "$16.25–$18.00 per hour", "$52,000 per year", "EUR 1,900 per month". */
static char *
format_salary (double          low,
               double          high,
               JkSalaryPeriod  period,
               const char     *currency)
{
  GString *out = g_string_new (NULL);
  gboolean cents = has_cents (low) || has_cents (high);
  gboolean dollars = currency == NULL || g_ascii_strcasecmp (currency, "USD") == 0;
  const char *symbol = dollars ? "$" : "";

  if (!dollars)
    g_string_append_printf (out, "%s ", currency);
  append_amount (out, low, cents, symbol);
  if (high != low)
    {
      g_string_append (out, "\xE2\x80\x93"); /* en dash */
      append_amount (out, high, cents, symbol);
    }
  g_string_append (out, period_words (period));
  return g_string_free (out, FALSE);
}

static gboolean
is_money (double value)
{
  return isfinite (value) && value >= 0 && value <= MONEY_MAX;
}

void
jk_json_set_salary (JkJob         *job,
                    double         low,
                    double         high,
                    JkSalaryPeriod period,
                    const char    *currency)
{
  g_autofree char *clean_currency = jk_clean_field (currency, 8);

  if (!is_money (low) && !is_money (high))
    return;
  if (!is_money (low))
    low = high;
  if (!is_money (high))
    high = low;
  if (low > high)
    {
      double swap = low;
      low = high;
      high = swap;
    }
  if (low == 0 && high == 0)
    return;
  job->salary_min = low;
  job->salary_max = high;
  job->salary_period = period;
  g_free (job->salary_text);
  job->salary_text = format_salary (low, high, period, clean_currency);
}

void
jk_json_set_salary_text (JkJob      *job,
                         const char *text)
{
  double low, high;
  JkSalaryPeriod period;

  g_free (job->salary_text);
  job->salary_text = jk_clean_field (text, JK_FIELD_MAX);
  if (job->salary_text != NULL && jk_parse_salary (job->salary_text, &low, &high, &period))
    {
      job->salary_min = low;
      job->salary_max = high;
      job->salary_period = period;
    }
}

/* ---------------------------------------------------------------------- */
/* Places                                                                 */

void
jk_json_place_free (JkJsonPlace *place)
{
  g_free (place->city);
  g_free (place->state);
  g_free (place->postal_code);
  g_free (place->country);
  g_free (place);
}

void
jk_json_set_geo (JkJsonPlace *place,
                 double       latitude,
                 double       longitude)
{
  /* 0,0 is in the Gulf of Guinea: a feed's way of saying "unknown". */
  if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180 || (latitude == 0 && longitude == 0))
    return;
  place->has_geo = TRUE;
  place->latitude = latitude;
  place->longitude = longitude;
}

void
jk_json_set_state (JkJsonPlace *place,
                   const char  *text)
{
  g_autofree char *cleaned = jk_clean_field (text, JK_FIELD_MAX);

  if (cleaned != NULL && place->state == NULL)
    place->state = jk_normalize_state (cleaned);
}

/* "Columbus, Ohio" or "Columbus, OH 43215": city, and the rest as state
 * (and postal code) when the feed gives them no other way. */
void
jk_json_split_city (JkJsonPlace *place,
                    const char  *text)
{
  g_autofree char *cleaned = jk_clean_field (text, JK_FIELD_MAX);
  char *comma;

  if (cleaned == NULL)
    return;
  comma = strrchr (cleaned, ',');
  if (comma == NULL)
    {
      place->city = g_steal_pointer (&cleaned);
      return;
    }
  *comma = '\0';
  place->city = jk_clean_field (cleaned, JK_FIELD_MAX);
  {
    g_auto (GStrv) words = g_strsplit (g_strstrip (comma + 1), " ", -1);
    guint n = g_strv_length (words);

    if (n >= 2 && strlen (words[n - 1]) >= 5 && g_ascii_isdigit (words[n - 1][0]) && place->postal_code == NULL)
      {
        place->postal_code = g_strdup (words[n - 1]);
        g_clear_pointer (&words[n - 1], g_free);
      }
    {
      g_autofree char *state = g_strjoinv (" ", words);
      jk_json_set_state (place, state);
    }
  }
}

static void
apply_place (JkJob             *job,
             const JkJsonPlace *place)
{
  g_free (job->city);
  g_free (job->state);
  g_free (job->postal_code);
  g_free (job->country);
  job->city = g_strdup (place->city);
  job->state = g_strdup (place->state);
  job->postal_code = g_strdup (place->postal_code);
  job->country = g_strdup (place->country);
  job->has_geo = place->has_geo;
  job->latitude = place->latitude;
  job->longitude = place->longitude;
}

/* One job per place: the first keeps the feed's id, the second and later
 * get "#2", "#3"… appended. Takes job. */
gboolean
jk_json_emit_at_places (JkJob      *job,
                        GPtrArray  *places,
                        JkJsonWalk *walk,
                        GError    **error)
{
  g_autoptr (JkJob) base = job;

  if (places->len == 0)
    return jk_feed_emit_job (g_steal_pointer (&base), walk->func, walk->user_data, walk->stats, error);

  for (guint i = 0; i < places->len; i++)
    {
      JkJob *copy = jk_job_copy (base);

      apply_place (copy, g_ptr_array_index (places, i));
      if (i > 0 && copy->external_id != NULL)
        {
          char *id = g_strdup_printf ("%s#%u", copy->external_id, i + 1);
          g_free (copy->external_id);
          copy->external_id = id;
        }
      if (!jk_feed_emit_job (copy, walk->func, walk->user_data, walk->stats, error))
        return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Inside the feed module                                                 */

gboolean
jk_feed_json_parse (const char       *data,
                    gsize             length,
                    JkFeedFormat      format,
                    const JkFeedSink *sink,
                    GError          **error)
{
  g_autoptr (JsonParser) parser = jk_json_load (data, length, error);
  JkJsonWalk walk = { .func = sink->func, .user_data = sink->user_data, .stats = sink->stats };

  if (parser == NULL)
    return FALSE;
  if (format == JK_FEED_FORMAT_USAJOBS)
    return jk_feed_usajobs_parse (json_parser_get_root (parser), &walk, error);
  return jk_feed_jsonld_parse (json_parser_get_root (parser), &walk, error);
}
