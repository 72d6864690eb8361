/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-feed-usajobs.c: USAJOBS search results (SearchResult.SearchResultItems) */

#define G_LOG_DOMAIN "jk-feed"

#include <math.h>

#include <json-glib/json-glib.h>

#include "jobkiosk/jk-feed.h"
#include "feeds/jk-feed-private.h"
#include "feeds/jk-feed-json-private.h"
#include "feeds/jk-normalize-private.h"

/* ---------------------------------------------------------------------- */
/* USAJOBS search results                                                 */

/* PositionLocation[]: CityName "Columbus, Ohio", CountrySubDivisionCode
 * "Ohio", CountryCode, Latitude, Longitude. */
static JkJsonPlace *
read_usajobs_place (JsonObject *object)
{
  g_autoptr (JkJsonPlace) place = g_new0 (JkJsonPlace, 1);
  const char *city = jk_json_member_string (object, "CityName");
  double latitude, longitude;

  jk_json_set_state (place, jk_json_member_string (object, "CountrySubDivisionCode"));
  jk_json_split_city (place, city != NULL ? city : jk_json_member_string (object, "LocationName"));
  place->country = jk_json_member_field (object, "CountryCode");
  if (jk_json_node_number (jk_json_get_member (object, "Latitude"), &latitude)
      && jk_json_node_number (jk_json_get_member (object, "Longitude"), &longitude))
    jk_json_set_geo (place, latitude, longitude);
  return g_steal_pointer (&place);
}

static void
fill_usajobs_pay (JkJob      *job,
                  JsonObject *pay)
{
  double low = NAN, high = NAN;

  if (pay == NULL)
    return;
  jk_json_node_number (jk_json_get_member (pay, "MinimumRange"), &low);
  jk_json_node_number (jk_json_get_member (pay, "MaximumRange"), &high);
  jk_json_set_salary (job, low, high, jk_salary_period_from_unit (jk_json_member_string (pay, "RateIntervalCode")), NULL);
}

/* JobCategory[].Code "2210" → "OPM 2210" (several joined by ", "). */
static char *
read_usajobs_categories (JsonArray *array)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; array != NULL && i < json_array_get_length (array) && i < 8; i++)
    {
      g_autofree char *code
          = jk_clean_field (jk_json_member_string (jk_json_node_object (json_array_get_element (array, i)), "Code"), 16);
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
                   JkJsonWalk *walk,
                   GError    **error)
{
  g_autoptr (JkJob) job = jk_job_new ();
  g_autoptr (GPtrArray) places = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_json_place_free);
  g_autoptr (GString) types = g_string_new (NULL);
  JsonObject *position = jk_json_node_object (jk_json_get_member (item, "MatchedObjectDescriptor"));
  JsonObject *details;
  JsonArray *array;
  const char *summary;

  if (position == NULL)
    position = item;
  walk->postings_seen++;
  job->title = jk_json_member_field (position, "PositionTitle");
  if (job->title == NULL)
    {
      g_debug ("skipped a USAJOBS item with no title");
      walk->stats->skipped++;
      return TRUE;
    }

  job->external_id = jk_feed_clean_url (jk_json_member_string (position, "PositionID"), FALSE);
  if (job->external_id == NULL)
    {
      g_autofree char *id = jk_json_node_text (jk_json_get_member (item, "MatchedObjectId"));
      job->external_id = jk_feed_clean_url (id, FALSE);
    }
  job->employer = jk_json_member_field (position, "OrganizationName");
  if (job->employer == NULL)
    job->employer = jk_json_member_field (position, "DepartmentName");
  job->apply_url = jk_feed_clean_url (jk_json_member_string (position, "PositionURI"), TRUE);
  if (job->apply_url == NULL)
    job->apply_url = jk_feed_clean_url (jk_json_member_string (position, "ApplyURI"), TRUE);
  job->posted = jk_json_member_date (position, "PublicationStartDate");
  job->expires = jk_json_member_date (position, "ApplicationCloseDate");

  details = jk_json_node_object (jk_json_get_member (jk_json_node_object (jk_json_get_member (position, "UserArea")), "Details"));
  summary = jk_json_member_string (details, "JobSummary");
  /* Remote, not telework (TeleworkEligible): some days at home is still a
   * place to go to. */
  {
    JsonNode *remote = jk_json_get_member (details, "RemoteIndicator");

    job->remote = remote != NULL && JSON_NODE_HOLDS_VALUE (remote) &&
                  json_node_get_value_type (remote) == G_TYPE_BOOLEAN && json_node_get_boolean (remote);
  }
  job->description = jk_feed_describe (summary != NULL ? summary : jk_json_member_string (position, "QualificationSummary"));

  array = jk_json_node_array (jk_json_get_member (position, "PositionSchedule"));
  for (guint i = 0; array != NULL && i < json_array_get_length (array) && i < 8; i++)
    jk_feed_add_employment_type (types, jk_json_member_string (jk_json_node_object (json_array_get_element (array, i)), "Name"));
  if (types->len > 0)
    job->employment_type = g_strdup (types->str);

  job->category = read_usajobs_categories (jk_json_node_array (jk_json_get_member (position, "JobCategory")));
  fill_usajobs_pay (job, jk_json_node_object (jk_json_first_of (jk_json_get_member (position, "PositionRemuneration"))));

  array = jk_json_node_array (jk_json_get_member (position, "PositionLocation"));
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *location = jk_json_node_object (json_array_get_element (array, i));
      if (location != NULL)
        g_ptr_array_add (places, read_usajobs_place (location));
    }
  return jk_json_emit_at_places (g_steal_pointer (&job), places, walk, error);
}

/* One page of SearchResult.SearchResultItems[].MatchedObjectDescriptor. */
static gboolean
parse_usajobs (JsonNode   *root,
               JkJsonWalk *walk,
               GError    **error)
{
  JsonObject *result = jk_json_node_object (jk_json_get_member (jk_json_node_object (root), "SearchResult"));
  JsonArray *items;

  if (result == NULL)
    {
      g_set_error_literal (error, JK_FEED_ERROR, JK_FEED_ERROR_NOT_A_FEED, "This is not a USAJOBS search result");
      return FALSE;
    }
  items = jk_json_node_array (jk_json_get_member (result, "SearchResultItems"));
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = jk_json_node_object (json_array_get_element (items, i));
      if (item != NULL && !emit_usajobs_item (item, walk, error))
        return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Inside the feed module                                                 */

gboolean
jk_feed_usajobs_parse (JsonNode   *root,
                       JkJsonWalk *walk,
                       GError    **error)
{
  return parse_usajobs (root, walk, error);
}
