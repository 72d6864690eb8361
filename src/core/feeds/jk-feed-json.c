/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-feed-json.c: schema.org JobPosting (JSON-LD, alone or inside HTML pages) and USAJOBS search JSON */

#define G_LOG_DOMAIN "jk-feed"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "jobkiosk/jk-feed.h"
#include "feeds/jk-feed-private.h"
#include "feeds/jk-normalize-private.h"

/* json-glib has no streaming parser: a JSON feed is read whole into a
 * JsonNode tree. That is acceptable for JSON feeds (a JSON-LD page or a
 * USAJOBS page is small); jk-feed.c bounds the input size, and the nesting
 * is bounded here before json-glib (which recurses) sees it. */
#define MAX_NESTING 200
/* How far the walk goes into @graph / itemListElement / mainEntity. */
#define MAX_WALK_DEPTH 16
/* Money figures outside this range are taken as nonsense. */
#define MONEY_MAX 1e9

typedef struct {
  char *city;
  char *state;
  char *postal_code;
  char *country;
  gboolean has_geo;
  double latitude;
  double longitude;
} Place;

typedef struct {
  JkJobFunc func;
  gpointer user_data;
  JkFeedStats *stats;
  guint postings_seen; /* JobPosting objects, taken or skipped */
} Walk;

typedef struct {
  gboolean in_block;
  GString *block;
  GPtrArray *blocks;
} HtmlScan;

/* ---------------------------------------------------------------------- */
/* Reading JSON values whatever their shape                               */

static JsonNode *
get_member (JsonObject *object,
            const char *name)
{
  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  return json_object_get_member (object, name);
}

static JsonObject *
node_object (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
node_array (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The node itself, or the first element when it is an array. */
static JsonNode *
first_of (JsonNode *node)
{
  JsonArray *array = node_array (node);

  if (array == NULL)
    return node;
  return json_array_get_length (array) > 0 ? json_array_get_element (array, 0) : NULL;
}

static const char *
node_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* A string, or a number written out ("12345"). */
static char *
node_text (JsonNode *node)
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
static gboolean
node_number (JsonNode *node,
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
  text = node_string (node);
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

static const char *
member_string (JsonObject *object,
               const char *name)
{
  return node_string (first_of (get_member (object, name)));
}

static char *
member_field (JsonObject *object,
              const char *name)
{
  return jk_clean_field (member_string (object, name), JK_FIELD_MAX);
}

static gint64
member_date (JsonObject *object,
             const char *name)
{
  g_autofree char *text = member_field (object, name);
  gint64 when = 0;

  if (text == NULL || !jk_parse_date (text, &when))
    return 0;
  return when;
}

/* "JobPosting", "schema:JobPosting", "http://schema.org/JobPosting", or an
 * array holding one of them. */
static gboolean
is_type (JsonObject *object,
         const char *type)
{
  JsonNode *node = get_member (object, "@type");
  JsonArray *array = node_array (node);
  guint n = array != NULL ? json_array_get_length (array) : 1;

  for (guint i = 0; i < n; i++)
    {
      const char *value = node_string (array != NULL ? json_array_get_element (array, i) : node);
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

static gboolean
check_nesting (const char *data,
               gsize       length,
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
            i++;
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
static JsonParser *
load_json (const char  *data,
           gsize        length,
           GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local_error = NULL;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (length > G_MAXSSIZE)
    length = G_MAXSSIZE;
  if (!check_nesting (data, length, error))
    return NULL;
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

static void
set_salary (JkJob          *job,
            double          low,
            double          high,
            JkSalaryPeriod  period,
            const char     *currency)
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

static void
set_salary_text (JkJob      *job,
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

/* baseSalary: a number, a text, or a MonetaryAmount whose value is a
 * number, a text or a QuantitativeValue {value | minValue/maxValue, unitText}. */
static void
fill_base_salary (JkJob    *job,
                  JsonNode *node)
{
  JsonObject *amount, *quantity;
  JsonNode *value_node;
  const char *currency, *unit;
  double low = NAN, high = NAN, one;
  JkSalaryPeriod period;

  node = first_of (node);
  if (node_number (node, &one))
    {
      set_salary (job, one, one, JK_SALARY_PERIOD_NONE, NULL);
      return;
    }
  if (node_string (node) != NULL)
    {
      set_salary_text (job, node_string (node));
      return;
    }
  amount = node_object (node);
  if (amount == NULL)
    return;

  currency = member_string (amount, "currency");
  unit = member_string (amount, "unitText");
  value_node = first_of (get_member (amount, "value"));
  quantity = node_object (value_node);
  if (quantity != NULL)
    {
      if (member_string (quantity, "unitText") != NULL)
        unit = member_string (quantity, "unitText");
      if (node_number (get_member (quantity, "value"), &one))
        low = high = one;
      if (node_number (get_member (quantity, "minValue"), &one))
        low = one;
      if (node_number (get_member (quantity, "maxValue"), &one))
        high = one;
    }
  else if (node_number (value_node, &one))
    low = high = one;
  else if (node_string (value_node) != NULL)
    {
      set_salary_text (job, node_string (value_node));
      return;
    }
  if (isnan (low) && node_number (get_member (amount, "minValue"), &one))
    low = one;
  if (isnan (high) && node_number (get_member (amount, "maxValue"), &one))
    high = one;

  period = jk_salary_period_from_unit (unit);
  set_salary (job, low, high, period, currency);
}

/* ---------------------------------------------------------------------- */
/* Places                                                                 */

static void
place_free (Place *place)
{
  g_free (place->city);
  g_free (place->state);
  g_free (place->postal_code);
  g_free (place->country);
  g_free (place);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Place, place_free)

static void
set_geo (Place *place,
         double latitude,
         double longitude)
{
  /* 0,0 is in the Gulf of Guinea: a feed's way of saying "unknown". */
  if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180 || (latitude == 0 && longitude == 0))
    return;
  place->has_geo = TRUE;
  place->latitude = latitude;
  place->longitude = longitude;
}

static void
set_state (Place      *place,
           const char *text)
{
  g_autofree char *cleaned = jk_clean_field (text, JK_FIELD_MAX);

  if (cleaned != NULL && place->state == NULL)
    place->state = jk_normalize_state (cleaned);
}

/* "Columbus, Ohio" or "Columbus, OH 43215": city, and the rest as state
 * (and postal code) when the feed gives them no other way. */
static void
split_city (Place      *place,
            const char *text)
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
      set_state (place, state);
    }
  }
}

/* A Place {address, geo}, a PostalAddress itself, or a text. */
static Place *
read_place (JsonNode *node)
{
  g_autoptr (Place) place = g_new0 (Place, 1);
  JsonObject *object = node_object (node), *address, *geo;
  JsonNode *address_node;
  double latitude, longitude;

  if (node_string (node) != NULL)
    {
      split_city (place, node_string (node));
      return g_steal_pointer (&place);
    }
  if (object == NULL)
    return NULL;

  address_node = first_of (get_member (object, "address"));
  address = node_object (address_node);
  if (address == NULL && json_object_has_member (object, "addressLocality"))
    address = object;
  if (address != NULL)
    {
      JsonNode *country = first_of (get_member (address, "addressCountry"));

      place->city = member_field (address, "addressLocality");
      set_state (place, member_string (address, "addressRegion"));
      place->postal_code = member_field (address, "postalCode");
      if (node_object (country) != NULL)
        place->country = member_field (node_object (country), "name");
      else
        place->country = jk_clean_field (node_string (country), JK_FIELD_MAX);
    }
  else if (node_string (address_node) != NULL)
    split_city (place, node_string (address_node));

  geo = node_object (first_of (get_member (object, "geo")));
  if (geo != NULL && node_number (get_member (geo, "latitude"), &latitude)
      && node_number (get_member (geo, "longitude"), &longitude))
    set_geo (place, latitude, longitude);
  return g_steal_pointer (&place);
}

static void
apply_place (JkJob       *job,
             const Place *place)
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
static gboolean
emit_at_places (JkJob       *job,
                GPtrArray   *places,
                Walk        *walk,
                GError     **error)
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
/* schema.org JobPosting                                                  */

static void
add_types_from (GString  *types,
                JsonNode *node)
{
  JsonArray *array = node_array (node);

  if (array == NULL)
    {
      jk_feed_add_employment_type (types, node_string (node));
      return;
    }
  for (guint i = 0; i < json_array_get_length (array) && i < 16; i++)
    jk_feed_add_employment_type (types, node_string (json_array_get_element (array, i)));
}

static char *
read_identifier (JsonNode *node)
{
  g_autofree char *text = NULL;
  JsonObject *object;

  node = first_of (node);
  object = node_object (node);
  text = object != NULL ? node_text (first_of (get_member (object, "value"))) : node_text (node);
  return jk_feed_clean_url (text, FALSE);
}

static char *
read_name (JsonNode *node)
{
  JsonObject *object;

  node = first_of (node);
  object = node_object (node);
  if (object != NULL)
    return member_field (object, "name");
  return jk_clean_field (node_string (node), JK_FIELD_MAX);
}

/* occupationalCategory: "35-2014", "35-2014.00 Cooks", or a CategoryCode. */
static void
fill_category (JkJob    *job,
               JsonNode *node)
{
  JsonObject *object;

  node = first_of (node);
  object = node_object (node);
  if (object != NULL)
    {
      g_autofree char *code = member_field (object, "codeValue");
      g_autofree char *name = member_field (object, "name");

      if (code != NULL && name != NULL)
        job->category = g_strdup_printf ("%s %s", code, name);
      else
        job->category = g_strdup (code != NULL ? code : name);
    }
  else
    job->category = jk_clean_field (node_string (node), JK_FIELD_MAX);
  job->soc_code = jk_feed_find_soc_code (job->category);
}

/* educationRequirements: text, or EducationalOccupationalCredential. */
static char *
read_education (JsonNode *node)
{
  JsonObject *object;

  node = first_of (node);
  object = node_object (node);
  if (object != NULL)
    {
      JsonNode *category = first_of (get_member (object, "credentialCategory"));
      if (node_object (category) != NULL)
        return read_name (category);
      return jk_clean_field (node_string (category), JK_FIELD_MAX);
    }
  return jk_clean_field (node_string (node), JK_FIELD_MAX);
}

static gboolean
emit_posting (JsonObject *object,
              Walk       *walk,
              GError    **error)
{
  g_autoptr (JkJob) job = jk_job_new ();
  g_autoptr (GPtrArray) places = g_ptr_array_new_with_free_func ((GDestroyNotify) place_free);
  g_autoptr (GString) types = g_string_new (NULL);
  JsonNode *locations;
  JsonArray *array;

  walk->postings_seen++;
  job->title = member_field (object, "title");
  if (job->title == NULL)
    job->title = member_field (object, "name");
  if (job->title == NULL)
    {
      g_debug ("skipped a JobPosting with no title");
      walk->stats->skipped++;
      return TRUE;
    }

  job->external_id = read_identifier (get_member (object, "identifier"));
  if (job->external_id == NULL)
    job->external_id = jk_feed_clean_url (member_string (object, "url"), FALSE);
  job->apply_url = jk_feed_clean_url (member_string (object, "url"), TRUE);
  job->employer = read_name (get_member (object, "hiringOrganization"));
  job->description = jk_feed_describe (member_string (object, "description"));
  job->posted = member_date (object, "datePosted");
  job->expires = member_date (object, "validThrough");
  add_types_from (types, get_member (object, "employmentType"));
  if (types->len > 0)
    job->employment_type = g_strdup (types->str);
  fill_base_salary (job, get_member (object, "baseSalary"));
  fill_category (job, get_member (object, "occupationalCategory"));
  job->education = read_education (get_member (object, "educationRequirements"));

  locations = get_member (object, "jobLocation");
  array = node_array (locations);
  if (array != NULL)
    {
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          Place *place = read_place (json_array_get_element (array, i));
          if (place != NULL)
            g_ptr_array_add (places, place);
        }
    }
  else if (locations != NULL)
    {
      Place *place = read_place (locations);
      if (place != NULL)
        g_ptr_array_add (places, place);
    }
  return emit_at_places (g_steal_pointer (&job), places, walk, error);
}

/* Finds JobPostings in arrays, @graph, ItemList itemListElement (ListItem
 * {item}) and mainEntity; everything else is skipped. */
static gboolean
walk_node (JsonNode *node,
           Walk     *walk,
           guint     depth,
           GError  **error)
{
  JsonObject *object;
  JsonArray *array;

  if (node == NULL || depth > MAX_WALK_DEPTH)
    return TRUE;
  array = node_array (node);
  if (array != NULL)
    {
      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!walk_node (json_array_get_element (array, i), walk, depth + 1, error))
          return FALSE;
      return TRUE;
    }
  object = node_object (node);
  if (object == NULL)
    return TRUE;
  if (is_type (object, "JobPosting"))
    return emit_posting (object, walk, error);

  if (!walk_node (get_member (object, "@graph"), walk, depth + 1, error))
    return FALSE;
  if (!walk_node (get_member (object, "mainEntity"), walk, depth + 1, error))
    return FALSE;
  array = node_array (get_member (object, "itemListElement"));
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonNode *item = get_member (node_object (element), "item");

      if (!walk_node (item != NULL ? item : element, walk, depth + 1, error))
        return FALSE;
    }
  return TRUE;
}

/* "[]", {"@graph": []} or an empty ItemList: a feed with nothing in it
 * today, not something that is not a feed. */
static gboolean
is_empty_container (JsonNode *root)
{
  JsonObject *object = node_object (root);
  JsonArray *array = node_array (root);

  if (array != NULL)
    return json_array_get_length (array) == 0;
  array = node_array (get_member (object, "@graph"));
  if (array == NULL)
    array = node_array (get_member (object, "itemListElement"));
  return array != NULL && json_array_get_length (array) == 0;
}

static gboolean
parse_jsonld (JsonNode *root,
              Walk     *walk,
              GError  **error)
{
  if (!walk_node (root, walk, 0, error))
    return FALSE;
  if (walk->postings_seen == 0 && !is_empty_container (root))
    {
      g_set_error_literal (error, JK_FEED_ERROR, JK_FEED_ERROR_NOT_A_FEED, "This JSON holds no job postings");
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* USAJOBS search results                                                 */

/* PositionLocation[]: CityName "Columbus, Ohio", CountrySubDivisionCode
 * "Ohio", CountryCode, Latitude, Longitude. */
static Place *
read_usajobs_place (JsonObject *object)
{
  g_autoptr (Place) place = g_new0 (Place, 1);
  const char *city = member_string (object, "CityName");
  double latitude, longitude;

  set_state (place, member_string (object, "CountrySubDivisionCode"));
  split_city (place, city != NULL ? city : member_string (object, "LocationName"));
  place->country = member_field (object, "CountryCode");
  if (node_number (get_member (object, "Latitude"), &latitude)
      && node_number (get_member (object, "Longitude"), &longitude))
    set_geo (place, latitude, longitude);
  return g_steal_pointer (&place);
}

static void
fill_usajobs_pay (JkJob      *job,
                  JsonObject *pay)
{
  double low = NAN, high = NAN;

  if (pay == NULL)
    return;
  node_number (get_member (pay, "MinimumRange"), &low);
  node_number (get_member (pay, "MaximumRange"), &high);
  set_salary (job, low, high, jk_salary_period_from_unit (member_string (pay, "RateIntervalCode")), NULL);
}

/* JobCategory[].Code "2210" → "OPM 2210" (several joined by ", "). */
static char *
read_usajobs_categories (JsonArray *array)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; array != NULL && i < json_array_get_length (array) && i < 8; i++)
    {
      g_autofree char *code
          = jk_clean_field (member_string (node_object (json_array_get_element (array, i)), "Code"), 16);
      if (code == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append_printf (text, "OPM %s", code);
    }
  return text->len > 0 ? g_strdup (text->str) : NULL;
}

static gboolean
emit_usajobs_item (JsonObject *item,
                   Walk       *walk,
                   GError    **error)
{
  g_autoptr (JkJob) job = jk_job_new ();
  g_autoptr (GPtrArray) places = g_ptr_array_new_with_free_func ((GDestroyNotify) place_free);
  g_autoptr (GString) types = g_string_new (NULL);
  JsonObject *position = node_object (get_member (item, "MatchedObjectDescriptor"));
  JsonObject *details;
  JsonArray *array;
  const char *summary;

  if (position == NULL)
    position = item;
  walk->postings_seen++;
  job->title = member_field (position, "PositionTitle");
  if (job->title == NULL)
    {
      g_debug ("skipped a USAJOBS item with no title");
      walk->stats->skipped++;
      return TRUE;
    }

  job->external_id = jk_feed_clean_url (member_string (position, "PositionID"), FALSE);
  if (job->external_id == NULL)
    {
      g_autofree char *id = node_text (get_member (item, "MatchedObjectId"));
      job->external_id = jk_feed_clean_url (id, FALSE);
    }
  job->employer = member_field (position, "OrganizationName");
  if (job->employer == NULL)
    job->employer = member_field (position, "DepartmentName");
  job->apply_url = jk_feed_clean_url (member_string (position, "PositionURI"), TRUE);
  if (job->apply_url == NULL)
    job->apply_url = jk_feed_clean_url (member_string (position, "ApplyURI"), TRUE);
  job->posted = member_date (position, "PublicationStartDate");
  job->expires = member_date (position, "ApplicationCloseDate");

  details = node_object (get_member (node_object (get_member (position, "UserArea")), "Details"));
  summary = member_string (details, "JobSummary");
  job->description = jk_feed_describe (summary != NULL ? summary : member_string (position, "QualificationSummary"));

  array = node_array (get_member (position, "PositionSchedule"));
  for (guint i = 0; array != NULL && i < json_array_get_length (array) && i < 8; i++)
    jk_feed_add_employment_type (types, member_string (node_object (json_array_get_element (array, i)), "Name"));
  if (types->len > 0)
    job->employment_type = g_strdup (types->str);

  job->category = read_usajobs_categories (node_array (get_member (position, "JobCategory")));
  fill_usajobs_pay (job, node_object (first_of (get_member (position, "PositionRemuneration"))));

  array = node_array (get_member (position, "PositionLocation"));
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *location = node_object (json_array_get_element (array, i));
      if (location != NULL)
        g_ptr_array_add (places, read_usajobs_place (location));
    }
  return emit_at_places (g_steal_pointer (&job), places, walk, error);
}

/* One page of SearchResult.SearchResultItems[].MatchedObjectDescriptor. */
static gboolean
parse_usajobs (JsonNode *root,
               Walk     *walk,
               GError  **error)
{
  JsonObject *result = node_object (get_member (node_object (root), "SearchResult"));
  JsonArray *items;

  if (result == NULL)
    {
      g_set_error_literal (error, JK_FEED_ERROR, JK_FEED_ERROR_NOT_A_FEED, "This is not a USAJOBS search result");
      return FALSE;
    }
  items = node_array (get_member (result, "SearchResultItems"));
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = node_object (json_array_get_element (items, i));
      if (item != NULL && !emit_usajobs_item (item, walk, error))
        return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* JSON-LD inside an HTML page                                            */

static gboolean
is_ld_json_script (const xmlChar **attributes)
{
  for (guint i = 0; attributes != NULL && attributes[i] != NULL; i += 2)
    {
      const char *name = (const char *) attributes[i];
      const char *value = (const char *) attributes[i + 1];

      if (value != NULL && g_ascii_strcasecmp (name, "type") == 0)
        {
          g_autofree char *type = g_strstrip (g_strdup (value));
          char *semicolon = strchr (type, ';');

          if (semicolon != NULL)
            *semicolon = '\0';
          return g_ascii_strcasecmp (g_strstrip (type), "application/ld+json") == 0;
        }
    }
  return FALSE;
}

static void
html_start_element_cb (void           *context,
                       const xmlChar  *name,
                       const xmlChar **attributes)
{
  HtmlScan *scan = context;

  if (g_ascii_strcasecmp ((const char *) name, "script") == 0 && is_ld_json_script (attributes))
    {
      scan->in_block = TRUE;
      g_string_truncate (scan->block, 0);
    }
}

static void
html_end_element_cb (void          *context,
                     const xmlChar *name)
{
  HtmlScan *scan = context;

  if (scan->in_block && g_ascii_strcasecmp ((const char *) name, "script") == 0)
    {
      scan->in_block = FALSE;
      g_ptr_array_add (scan->blocks, g_strndup (scan->block->str, scan->block->len));
    }
}

static void
html_text_cb (void          *context,
              const xmlChar *text,
              int            length)
{
  HtmlScan *scan = context;

  if (scan->in_block && length > 0)
    g_string_append_len (scan->block, (const char *) text, length);
}

static void
html_error_cb (void       *context,
               xmlErrorPtr xml_error)
{
  /* A web page is rarely valid HTML; nothing worth reporting. */
}

/* The text of every <script type="application/ld+json"> in the page, found
 * with libxml2's HTML parser in SAX mode (no tree is built). */
static GPtrArray *
find_ld_json_blocks (const char *data,
                     gsize       length)
{
  g_autoptr (GString) block = g_string_new (NULL);
  GPtrArray *blocks = g_ptr_array_new_with_free_func (g_free);
  HtmlScan scan = { .block = block, .blocks = blocks };
  htmlParserCtxtPtr context;

  if (length > G_MAXINT)
    length = G_MAXINT;
  context = htmlCreateMemoryParserCtxt (data, (int) length);
  if (context == NULL)
    return blocks;
  /* A page that does not say otherwise is UTF-8 (JSON-LD must be), not
   * libxml2's ISO-8859-1; a <meta charset> still wins. */
  xmlSwitchEncoding (context, XML_CHAR_ENCODING_UTF8);
  /* RECOVER: a script ends at </script> only, not at a "</p>" inside a
   * JSON string. */
  htmlCtxtUseOptions (context, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  memset (context->sax, 0, sizeof *context->sax);
  context->sax->initialized = XML_SAX2_MAGIC;
  context->sax->startElement = html_start_element_cb;
  context->sax->endElement = html_end_element_cb;
  context->sax->characters = html_text_cb;
  context->sax->cdataBlock = html_text_cb;
  context->sax->serror = html_error_cb;
  context->userData = &scan;

  htmlParseDocument (context);
  /* A page cut short inside a block: keep what there is; the JSON parser
   * will say it is broken. */
  if (scan.in_block)
    g_ptr_array_add (blocks, g_strndup (block->str, block->len));

  if (context->myDoc != NULL)
    xmlFreeDoc (context->myDoc);
  context->myDoc = NULL;
  htmlFreeParserCtxt (context);
  return blocks;
}

/* ---------------------------------------------------------------------- */
/* Inside the feed module                                                 */

gboolean
jk_feed_json_parse (const char   *data,
                    gsize         length,
                    JkFeedFormat  format,
                    JkJobFunc     func,
                    gpointer      user_data,
                    JkFeedStats  *stats,
                    GError      **error)
{
  g_autoptr (JsonParser) parser = load_json (data, length, error);
  Walk walk = { .func = func, .user_data = user_data, .stats = stats };

  if (parser == NULL)
    return FALSE;
  if (format == JK_FEED_FORMAT_USAJOBS)
    return parse_usajobs (json_parser_get_root (parser), &walk, error);
  return parse_jsonld (json_parser_get_root (parser), &walk, error);
}

/* Each block is a JSON document of its own. A broken block that mentions
 * JobPosting makes the page's snapshot incomplete (MALFORMED, after the
 * postings of the other blocks); other broken blocks (breadcrumbs…) are
 * ignored. */
gboolean
jk_feed_html_parse (const char   *data,
                    gsize         length,
                    JkJobFunc     func,
                    gpointer      user_data,
                    JkFeedStats  *stats,
                    GError      **error)
{
  g_autoptr (GPtrArray) blocks = find_ld_json_blocks (data, length);
  Walk walk = { .func = func, .user_data = user_data, .stats = stats };
  gboolean broken_postings = FALSE;

  for (guint i = 0; i < blocks->len; i++)
    {
      const char *text = g_ptr_array_index (blocks, i);
      g_autoptr (JsonParser) parser = NULL;
      g_autoptr (GError) local_error = NULL;

      if (*text == '\0')
        continue;
      parser = load_json (text, strlen (text), &local_error);
      if (parser == NULL)
        {
          g_debug ("JSON-LD block %u of the page is broken: %s", i + 1, local_error->message);
          if (strstr (text, "JobPosting") != NULL)
            broken_postings = TRUE;
          continue;
        }
      if (!walk_node (json_parser_get_root (parser), &walk, 0, error))
        return FALSE;
    }

  if (broken_postings)
    {
      g_set_error_literal (error, JK_FEED_ERROR, JK_FEED_ERROR_MALFORMED,
                           "The page's job postings (JSON-LD) are broken or cut short");
      return FALSE;
    }
  if (walk.postings_seen == 0)
    {
      g_set_error_literal (error, JK_FEED_ERROR, JK_FEED_ERROR_NOT_A_FEED, "This web page holds no job postings");
      return FALSE;
    }
  return TRUE;
}
