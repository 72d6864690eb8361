/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-feed-jsonld.c: schema.org JobPosting as JSON-LD, alone or inside HTML pages */

#define G_LOG_DOMAIN "jk-feed"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "jobkiosk/jk-feed.h"
#include "feeds/jk-feed-private.h"
#include "feeds/jk-feed-json-private.h"
#include "feeds/jk-normalize-private.h"

/* How far the walk goes into @graph / itemListElement / mainEntity. */
#define MAX_WALK_DEPTH 16

typedef struct {
  gboolean in_block;
  GString *block;
  GPtrArray *blocks;
} HtmlScan;

/* baseSalary: a number, a text, or a MonetaryAmount whose value is a
 * number, a text or a QuantitativeValue {value | minValue/maxValue, unitText}. */
static void
fill_base_salary (JkJob      *job,
                  JsonNode   *node,
                  const char *posting_currency)
{
  JsonObject *amount, *quantity;
  JsonNode *value_node;
  const char *currency, *unit;
  double low = NAN, high = NAN, one;
  JkSalaryPeriod period;

  node = jk_json_first_of (node);
  /* A bare figure ("baseSalary": 42000) takes the posting's
   * salaryCurrency, as schema.org's own example has it. */
  if (jk_json_node_number (node, &one))
    {
      jk_json_set_salary (job, one, one, JK_SALARY_PERIOD_NONE, posting_currency);
      return;
    }
  if (jk_json_node_string (node) != NULL)
    {
      jk_json_set_salary_text (job, jk_json_node_string (node));
      return;
    }
  amount = jk_json_node_object (node);
  if (amount == NULL)
    return;

  currency = jk_json_member_string (amount, "currency");
  if (currency == NULL)
    currency = posting_currency;
  unit = jk_json_member_string (amount, "unitText");
  value_node = jk_json_first_of (jk_json_get_member (amount, "value"));
  quantity = jk_json_node_object (value_node);
  if (quantity != NULL)
    {
      if (jk_json_member_string (quantity, "unitText") != NULL)
        unit = jk_json_member_string (quantity, "unitText");
      if (jk_json_node_number (jk_json_get_member (quantity, "value"), &one))
        low = high = one;
      if (jk_json_node_number (jk_json_get_member (quantity, "minValue"), &one))
        low = one;
      if (jk_json_node_number (jk_json_get_member (quantity, "maxValue"), &one))
        high = one;
    }
  else if (jk_json_node_number (value_node, &one))
    low = high = one;
  else if (jk_json_node_string (value_node) != NULL)
    {
      jk_json_set_salary_text (job, jk_json_node_string (value_node));
      return;
    }
  if (isnan (low) && jk_json_node_number (jk_json_get_member (amount, "minValue"), &one))
    low = one;
  if (isnan (high) && jk_json_node_number (jk_json_get_member (amount, "maxValue"), &one))
    high = one;

  period = jk_salary_period_from_unit (unit);
  jk_json_set_salary (job, low, high, period, currency);
}

/* A Place {address, geo}, a PostalAddress itself, or a text. */
static JkJsonPlace *
read_place (JsonNode *node)
{
  g_autoptr (JkJsonPlace) place = g_new0 (JkJsonPlace, 1);
  JsonObject *object = jk_json_node_object (node), *address, *geo;
  JsonNode *address_node;
  double latitude, longitude;

  if (jk_json_node_string (node) != NULL)
    {
      jk_json_split_city (place, jk_json_node_string (node));
      return g_steal_pointer (&place);
    }
  if (object == NULL)
    return NULL;

  address_node = jk_json_first_of (jk_json_get_member (object, "address"));
  address = jk_json_node_object (address_node);
  if (address == NULL && json_object_has_member (object, "addressLocality"))
    address = object;
  if (address != NULL)
    {
      JsonNode *country = jk_json_first_of (jk_json_get_member (address, "addressCountry"));

      place->city = jk_json_member_field (address, "addressLocality");
      jk_json_set_state (place, jk_json_member_string (address, "addressRegion"));
      place->postal_code = jk_json_member_field (address, "postalCode");
      if (jk_json_node_object (country) != NULL)
        place->country = jk_json_member_field (jk_json_node_object (country), "name");
      else
        place->country = jk_clean_field (jk_json_node_string (country), JK_FIELD_MAX);
    }
  else if (jk_json_node_string (address_node) != NULL)
    jk_json_split_city (place, jk_json_node_string (address_node));

  geo = jk_json_node_object (jk_json_first_of (jk_json_get_member (object, "geo")));
  if (geo != NULL && jk_json_node_number (jk_json_get_member (geo, "latitude"), &latitude)
      && jk_json_node_number (jk_json_get_member (geo, "longitude"), &longitude))
    jk_json_set_geo (place, latitude, longitude);
  return g_steal_pointer (&place);
}
/* ---------------------------------------------------------------------- */
/* schema.org JobPosting                                                  */

static void
add_types_from (GString  *types,
                JsonNode *node)
{
  JsonArray *array = jk_json_node_array (node);

  if (array == NULL)
    {
      jk_feed_add_employment_type (types, jk_json_node_string (node));
      return;
    }
  for (guint i = 0; i < json_array_get_length (array) && i < 16; i++)
    jk_feed_add_employment_type (types, jk_json_node_string (json_array_get_element (array, i)));
}

static char *
read_identifier (JsonNode *node)
{
  g_autofree char *text = NULL;
  JsonObject *object;

  node = jk_json_first_of (node);
  object = jk_json_node_object (node);
  text = object != NULL ? jk_json_node_text (jk_json_first_of (jk_json_get_member (object, "value"))) : jk_json_node_text (node);
  return jk_feed_clean_url (text, FALSE);
}

static char *
read_name (JsonNode *node)
{
  JsonObject *object;

  node = jk_json_first_of (node);
  object = jk_json_node_object (node);
  if (object != NULL)
    return jk_json_member_field (object, "name");
  return jk_clean_field (jk_json_node_string (node), JK_FIELD_MAX);
}

/* occupationalCategory: "35-2014", "35-2014.00 Cooks", or a CategoryCode. */
static void
fill_category (JkJob    *job,
               JsonNode *node)
{
  JsonObject *object;

  node = jk_json_first_of (node);
  object = jk_json_node_object (node);
  if (object != NULL)
    {
      g_autofree char *code = jk_json_member_field (object, "codeValue");
      g_autofree char *name = jk_json_member_field (object, "name");

      if (code != NULL && name != NULL)
        job->category = g_strdup_printf ("%s %s", code, name);
      else
        job->category = g_strdup (code != NULL ? code : name);
    }
  else
    job->category = jk_clean_field (jk_json_node_string (node), JK_FIELD_MAX);
  job->soc_code = jk_feed_find_soc_code (job->category);
}

/* educationRequirements: text, or EducationalOccupationalCredential. */
static char *
read_education (JsonNode *node)
{
  JsonObject *object;

  node = jk_json_first_of (node);
  object = jk_json_node_object (node);
  if (object != NULL)
    {
      JsonNode *category = jk_json_first_of (jk_json_get_member (object, "credentialCategory"));
      if (jk_json_node_object (category) != NULL)
        return read_name (category);
      return jk_clean_field (jk_json_node_string (category), JK_FIELD_MAX);
    }
  return jk_clean_field (jk_json_node_string (node), JK_FIELD_MAX);
}

/* What schema.org gives a posting besides its description, shown after
 * it in this order, each headed by the property's plain-English label.
 * Not translated: the description is the feed's own text, stored as the
 * feed wrote it and shown whatever language the visitor picks, and these
 * headings are part of that text (the postings they head are in English
 * as often as not). */
static const struct {
  const char *property;
  const char *label;
} description_sections[] = {
  { "responsibilities", "Responsibilities" },
  { "qualifications", "Qualifications" },
  { "skills", "Skills" },
  { "experienceRequirements", "Experience requirements" },
  { "educationRequirements", "Education requirements" },
  { "jobBenefits", "Job benefits" },
  { "workHours", "Work hours" },
  { "incentiveCompensation", "Incentive compensation" },
};

/* Items of one section kept at most. */
#define MAX_SECTION_ITEMS 32
/* How deep a section's value is looked into (a credential's category as a
 * DefinedTerm is two levels). */
#define MAX_SECTION_DEPTH 4

static char *section_value_text (JsonNode *node,
                                 guint     depth);

/* monthsOfExperience: "2 years of experience", "6 months of experience". */
static char *
describe_months (double months)
{
  gint64 whole = (gint64) months;

  if (!(months >= 1 && months <= 1200) || (double) whole != months)
    return NULL;
  if (whole % 12 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT " year%s of experience", whole / 12, whole == 12 ? "" : "s");
  return g_strdup_printf ("%" G_GINT64_FORMAT " month%s of experience", whole, whole == 1 ? "" : "s");
}

/* An object as a section's value: OccupationalExperienceRequirements
 * (monthsOfExperience, description), EducationalOccupationalCredential
 * (credentialCategory, else its name or description), a DefinedTerm or any
 * other Thing (name, else description). */
static char *
section_object_text (JsonObject *object,
                     guint       depth)
{
  static const char *const members[] = { "credentialCategory", "name", "description", "codeValue" };
  double months;

  if (jk_json_node_number (jk_json_first_of (jk_json_get_member (object, "monthsOfExperience")), &months))
    {
      g_autofree char *phrase = describe_months (months);
      g_autofree char *about = section_value_text (jk_json_get_member (object, "description"), depth + 1);

      if (phrase != NULL && about != NULL)
        return g_strdup_printf ("%s: %s", phrase, about);
      return g_strdup (phrase != NULL ? phrase : about);
    }
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      char *text = section_value_text (jk_json_first_of (jk_json_get_member (object, members[i])), depth + 1);
      if (text != NULL)
        return text;
    }
  return NULL;
}

/* One value as plain text: a text (HTML or not), a number, or an object. */
static char *
section_value_text (JsonNode *node,
                    guint     depth)
{
  g_autofree char *text = NULL;
  JsonObject *object = jk_json_node_object (node);

  if (node == NULL || depth > MAX_SECTION_DEPTH)
    return NULL;
  if (object != NULL)
    return section_object_text (object, depth);
  text = jk_json_node_text (node);
  return jk_feed_describe (text);
}

/* Appends "Label:\n" and the property's value: one text as it is, several
 * as "• " lines. A section that would make the description longer than
 * the kiosk keeps is left out whole rather than cut. */
static void
append_section (GString    *description,
                const char *label,
                JsonNode   *node,
                const char *unless)
{
  g_autoptr (GString) body = g_string_new (NULL);
  JsonArray *array = jk_json_node_array (node);

  if (array != NULL)
    {
      for (guint i = 0; i < json_array_get_length (array) && i < MAX_SECTION_ITEMS; i++)
        {
          g_autofree char *text = section_value_text (json_array_get_element (array, i), 0);
          g_autofree char *line = jk_clean_field (text, JK_DESCRIPTION_MAX);
          const char *item = line;

          if (item == NULL)
            continue;
          if (g_str_has_prefix (item, "\xE2\x80\xA2 "))
            item += strlen ("\xE2\x80\xA2 ");
          if (body->len > 0)
            g_string_append_c (body, '\n');
          g_string_append_printf (body, "\xE2\x80\xA2 %s", item);
        }
    }
  else
    {
      g_autofree char *text = section_value_text (node, 0);
      if (text != NULL)
        g_string_append (body, text);
    }
  if (body->len == 0 || g_strcmp0 (body->str, unless) == 0 || description->len + strlen (label) + body->len + 4 > JK_DESCRIPTION_MAX)
    return;
  if (description->len > 0)
    g_string_append (description, "\n\n");
  g_string_append_printf (description, "%s:\n%s", label, body->str);
}

/* The description and the sections after it. One education requirement
 * is the job's education field already, shown on its own: no section. */
static char *
describe_posting (JsonObject  *object,
                  const JkJob *job)
{
  g_autofree char *text = jk_feed_describe (jk_json_member_string (object, "description"));
  g_autoptr (GString) description = g_string_new (text);

  for (guint i = 0; i < G_N_ELEMENTS (description_sections); i++)
    {
      const char *property = description_sections[i].property;

      append_section (description, description_sections[i].label, jk_json_get_member (object, property),
                      g_str_equal (property, "educationRequirements") ? job->education : NULL);
    }
  return description->len > 0 ? g_strdup (description->str) : NULL;
}

/* A posting with neither identifier nor url (schema.org's own example has
 * neither) is known by what it says: a hash of its title, employer, first
 * place and date posted, the same at every sync while they stay the same.
 * GLib's SHA-256, not the kiosk's own hash, which may change from one
 * version to the next where an id must not. */
static char *
make_content_id (const JkJob       *job,
                 const JkJsonPlace *place)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *posted = g_strdup_printf ("%" G_GINT64_FORMAT, job->posted);
  const char *parts[] = {
    job->title, job->employer, place != NULL ? place->city : NULL, place != NULL ? place->state : NULL,
    place != NULL ? place->postal_code : NULL, place != NULL ? place->country : NULL, posted,
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_checksum_update (checksum, (const guchar *) (parts[i] != NULL ? parts[i] : ""), -1);
      g_checksum_update (checksum, (const guchar *) "\x1F", 1);
    }
  return g_strdup_printf ("posting-%.16s", g_checksum_get_string (checksum));
}

static gboolean
emit_posting (JsonObject *object,
              JkJsonWalk *walk,
              GError    **error)
{
  g_autoptr (JkJob) job = jk_job_new ();
  g_autoptr (GPtrArray) places = g_ptr_array_new_with_free_func ((GDestroyNotify) jk_json_place_free);
  g_autoptr (GString) types = g_string_new (NULL);
  JsonNode *locations;
  JsonArray *array;

  walk->postings_seen++;
  job->title = jk_json_member_field (object, "title");
  if (job->title == NULL)
    job->title = jk_json_member_field (object, "name");
  if (job->title == NULL)
    {
      g_debug ("skipped a JobPosting with no title");
      walk->stats->skipped++;
      return TRUE;
    }

  job->external_id = read_identifier (jk_json_get_member (object, "identifier"));
  if (job->external_id == NULL)
    job->external_id = jk_feed_clean_url (jk_json_member_string (object, "url"), FALSE);
  job->apply_url = jk_feed_clean_url (jk_json_member_string (object, "url"), TRUE);
  job->employer = read_name (jk_json_get_member (object, "hiringOrganization"));
  job->posted = jk_json_member_date (object, "datePosted");
  job->expires = jk_json_member_date (object, "validThrough");
  add_types_from (types, jk_json_get_member (object, "employmentType"));
  if (types->len > 0)
    job->employment_type = g_strdup (types->str);
  fill_base_salary (job, jk_json_get_member (object, "baseSalary"), jk_json_member_string (object, "salaryCurrency"));
  fill_category (job, jk_json_get_member (object, "occupationalCategory"));
  job->education = read_education (jk_json_get_member (object, "educationRequirements"));
  job->description = describe_posting (object, job);
  /* schema.org's one value for it; the jobLocation then, if any, is where
   * the employer is, not where the work is. */
  job->remote = g_ascii_strcasecmp (jk_json_member_string (object, "jobLocationType") ?: "", "TELECOMMUTE") == 0;

  locations = jk_json_get_member (object, "jobLocation");
  array = jk_json_node_array (locations);
  if (array != NULL)
    {
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JkJsonPlace *place = read_place (json_array_get_element (array, i));
          if (place != NULL)
            g_ptr_array_add (places, place);
        }
    }
  else if (locations != NULL)
    {
      JkJsonPlace *place = read_place (locations);
      if (place != NULL)
        g_ptr_array_add (places, place);
    }
  if (job->external_id == NULL)
    job->external_id = make_content_id (job, places->len > 0 ? g_ptr_array_index (places, 0) : NULL);
  return jk_json_emit_at_places (g_steal_pointer (&job), places, walk, error);
}

/* Finds JobPostings in arrays, @graph, ItemList itemListElement (ListItem
 * {item}) and mainEntity; everything else is skipped. */
static gboolean
walk_node (JsonNode   *node,
           JkJsonWalk *walk,
           guint       depth,
           GError    **error)
{
  JsonObject *object;
  JsonArray *array;

  if (node == NULL || depth > MAX_WALK_DEPTH)
    return TRUE;
  array = jk_json_node_array (node);
  if (array != NULL)
    {
      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!walk_node (json_array_get_element (array, i), walk, depth + 1, error))
          return FALSE;
      return TRUE;
    }
  object = jk_json_node_object (node);
  if (object == NULL)
    return TRUE;
  if (jk_json_is_type (object, "JobPosting"))
    return emit_posting (object, walk, error);

  if (!walk_node (jk_json_get_member (object, "@graph"), walk, depth + 1, error))
    return FALSE;
  if (!walk_node (jk_json_get_member (object, "mainEntity"), walk, depth + 1, error))
    return FALSE;
  array = jk_json_node_array (jk_json_get_member (object, "itemListElement"));
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonNode *item = jk_json_get_member (jk_json_node_object (element), "item");

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
  JsonObject *object = jk_json_node_object (root);
  JsonArray *array = jk_json_node_array (root);

  if (array != NULL)
    return json_array_get_length (array) == 0;
  array = jk_json_node_array (jk_json_get_member (object, "@graph"));
  if (array == NULL)
    array = jk_json_node_array (jk_json_get_member (object, "itemListElement"));
  return array != NULL && json_array_get_length (array) == 0;
}

static gboolean
parse_jsonld (JsonNode   *root,
              JkJsonWalk *walk,
              GError    **error)
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
jk_feed_jsonld_parse (JsonNode   *root,
                      JkJsonWalk *walk,
                      GError    **error)
{
  return parse_jsonld (root, walk, error);
}

/* Each block is a JSON document of its own. A broken block that mentions
 * JobPosting makes the page's snapshot incomplete (MALFORMED, after the
 * postings of the other blocks); other broken blocks (breadcrumbs…) are
 * ignored. */
gboolean
jk_feed_html_parse (const char       *data,
                    gsize             length,
                    const JkFeedSink *sink,
                    GError          **error)
{
  g_autoptr (GPtrArray) blocks = find_ld_json_blocks (data, length);
  JkJsonWalk walk = { .func = sink->func, .user_data = sink->user_data, .stats = sink->stats };
  gboolean broken_postings = FALSE;

  for (guint i = 0; i < blocks->len; i++)
    {
      const char *text = g_ptr_array_index (blocks, i);
      g_autoptr (JsonParser) parser = NULL;
      g_autoptr (GError) local_error = NULL;

      if (*text == '\0')
        continue;
      parser = jk_json_load (text, strlen (text), &local_error);
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
