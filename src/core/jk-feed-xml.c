/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-feed-xml.c: XML job feeds (<source><job>…) and RSS 2.0, streamed with libxml2's xmlTextReader */

#define G_LOG_DOMAIN "jk-feed"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlreader.h>

#include "jobkiosk/jk-feed.h"
#include "jobkiosk/jk-normalize.h"

/* The most text kept from one element: a description far longer than the
 * kiosk shows is cut here, before it is cleaned (and cut again, neatly). */
#define LONG_FIELD_MAX (1024 * 1024)
#define SHORT_FIELD_MAX (64 * 1024)

/* Never expand entities (no XML_PARSE_NOENT), never load a DTD or fetch
 * anything, keep libxml2's default size limits (no XML_PARSE_HUGE). */
#define READER_OPTIONS (XML_PARSE_NONET | XML_PARSE_COMPACT)

typedef enum {
  FIELD_NONE = -1,
  FIELD_TITLE,
  FIELD_DATE,
  FIELD_REFERENCE,
  FIELD_REQUISITION,
  FIELD_URL,
  FIELD_COMPANY,
  FIELD_SOURCE_NAME,
  FIELD_CITY,
  FIELD_STATE,
  FIELD_COUNTRY,
  FIELD_POSTAL_CODE,
  FIELD_DESCRIPTION,
  FIELD_SALARY,
  FIELD_EDUCATION,
  FIELD_JOB_TYPE,
  FIELD_CATEGORY,
  FIELD_EXPIRES,
  FIELD_GUID,
  FIELD_CONTENT,
  FIELD_PUBLISHER, /* feed level, outside records */
  N_FIELDS
} Field;

typedef struct {
  const char *name;
  Field field;
  gboolean markup; /* HTML that may come as child elements */
} FieldName;

static const FieldName job_xml_fields[] = {
  { "title", FIELD_TITLE, FALSE },
  { "date", FIELD_DATE, FALSE },
  { "referencenumber", FIELD_REFERENCE, FALSE },
  { "requisitionid", FIELD_REQUISITION, FALSE },
  { "url", FIELD_URL, FALSE },
  { "company", FIELD_COMPANY, FALSE },
  { "sourcename", FIELD_SOURCE_NAME, FALSE },
  { "city", FIELD_CITY, FALSE },
  { "state", FIELD_STATE, FALSE },
  { "country", FIELD_COUNTRY, FALSE },
  { "postalcode", FIELD_POSTAL_CODE, FALSE },
  { "description", FIELD_DESCRIPTION, TRUE },
  { "salary", FIELD_SALARY, FALSE },
  { "education", FIELD_EDUCATION, FALSE },
  { "jobtype", FIELD_JOB_TYPE, FALSE },
  { "category", FIELD_CATEGORY, FALSE },
  { "expirationdate", FIELD_EXPIRES, FALSE },
  { NULL, FIELD_NONE, FALSE },
};

static const FieldName rss_fields[] = {
  { "title", FIELD_TITLE, FALSE },
  { "link", FIELD_URL, FALSE },
  { "guid", FIELD_GUID, FALSE },
  { "pubDate", FIELD_DATE, FALSE },
  { "description", FIELD_DESCRIPTION, TRUE },
  { "content:encoded", FIELD_CONTENT, TRUE },
  { "category", FIELD_CATEGORY, FALSE },
  { NULL, FIELD_NONE, FALSE },
};

typedef struct {
  /* Input: a descriptor, or bytes in memory. */
  int fd;
  const char *data;
  gsize length;
  gsize offset;

  JkFeedFormat format;
  const FieldName *fields;
  const char *record_name;  /* "job" or "item" */
  const char *root_name;    /* "source" or "rss" */
  gboolean root_seen;
  gboolean root_matches;
  guint records_seen;

  int record_depth;         /* -1 outside a record */
  Field field;              /* the element being collected */
  int field_depth;
  gboolean field_markup;
  gboolean field_has_children;
  GString *text;            /* its text, entities decoded, CDATA as is */
  GString *markup;          /* for HTML fields: child elements kept as tags */
  gsize field_max;
  char *values[N_FIELDS];

  char *last_error;
  int last_error_line;
} XmlParse;

/* Shared inside the feed module. There is no private header, so these
 * prototypes are repeated word for word in jk-feed.c and jk-feed-json.c:
 * change all three together. */
G_GNUC_INTERNAL gboolean jk_feed_emit_job      (JkJob        *job,
                                                JkJobFunc     func,
                                                gpointer      user_data,
                                                JkFeedStats  *stats,
                                                GError      **error);
G_GNUC_INTERNAL char    *jk_feed_find_soc_code (const char   *text);
G_GNUC_INTERNAL void     jk_feed_set_publisher (JkFeedStats  *stats,
                                                const char   *name);
G_GNUC_INTERNAL void     jk_feed_add_employment_type (GString    *types,
                                                      const char *text);
G_GNUC_INTERNAL char    *jk_feed_clean_url     (const char   *text,
                                                gboolean      web_only);
G_GNUC_INTERNAL gboolean jk_feed_xml_parse     (int           fd,
                                                const char   *data,
                                                gsize         length,
                                                JkFeedFormat  format,
                                                JkJobFunc     func,
                                                gpointer      user_data,
                                                JkFeedStats  *stats,
                                                GError      **error);

/* ---------------------------------------------------------------------- */
/* Input and errors                                                       */

static int
read_input_cb (void *context,
               char *buffer,
               int   size)
{
  XmlParse *parse = context;

  if (size <= 0)
    return 0;
  if (parse->data != NULL)
    {
      gsize n = MIN ((gsize) size, parse->length - parse->offset);

      memcpy (buffer, parse->data + parse->offset, n);
      parse->offset += n;
      return (int) n;
    }
  for (;;)
    {
      gssize n = read (parse->fd, buffer, (gsize) size);

      if (n >= 0)
        return (int) n;
      if (errno != EINTR)
        {
          g_debug ("reading the feed failed: %s", g_strerror (errno));
          return -1;
        }
    }
}

static int
close_input_cb (void *context)
{
  return 0;
}

/* libxml2's messages quote the feed, so they go to the debug log only. */
static void
record_error_cb (void       *context,
                 xmlErrorPtr xml_error)
{
  XmlParse *parse = context;

  if (xml_error == NULL || xml_error->level < XML_ERR_ERROR)
    return;
  g_free (parse->last_error);
  parse->last_error = g_strchomp (g_strdup (xml_error->message != NULL ? xml_error->message : "?"));
  parse->last_error_line = xml_error->line;
  g_debug ("feed XML error at line %d: %s", xml_error->line, parse->last_error);
}

/* ---------------------------------------------------------------------- */
/* Collecting the text of an element                                      */

static Field
lookup_field (const FieldName *fields,
              const char      *name,
              gboolean        *out_markup)
{
  for (guint i = 0; fields[i].name != NULL; i++)
    if (g_ascii_strcasecmp (fields[i].name, name) == 0)
      {
        *out_markup = fields[i].markup;
        return fields[i].field;
      }
  return FIELD_NONE;
}

static void
append_capped (XmlParse   *parse,
               GString    *buffer,
               const char *text,
               gboolean    escape)
{
  gsize n, room;

  if (text == NULL || buffer->len >= parse->field_max)
    return;
  room = parse->field_max - buffer->len;
  if (escape)
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      n = strlen (escaped);
      g_string_append_len (buffer, escaped, MIN (n, room));
    }
  else
    {
      n = strlen (text);
      g_string_append_len (buffer, text, MIN (n, room));
    }
}

static void
start_field (XmlParse *parse,
             Field     field,
             int       depth,
             gboolean  markup)
{
  parse->field = field;
  parse->field_depth = depth;
  parse->field_markup = markup;
  parse->field_has_children = FALSE;
  parse->field_max = markup ? LONG_FIELD_MAX : SHORT_FIELD_MAX;
  g_string_truncate (parse->text, 0);
  g_string_truncate (parse->markup, 0);
}

static void
finish_field (XmlParse    *parse,
              JkFeedStats *stats)
{
  Field field = parse->field;
  GString *value = parse->field_has_children && parse->field_markup ? parse->markup : parse->text;

  parse->field = FIELD_NONE;
  if (field == FIELD_PUBLISHER)
    {
      g_autofree char *name = jk_clean_field (value->str, JK_FIELD_MAX);
      jk_feed_set_publisher (stats, name);
      return;
    }
  /* A repeated element keeps its first value. */
  if (parse->values[field] == NULL && value->len > 0)
    parse->values[field] = g_strndup (value->str, value->len);
}

static void
clear_values (XmlParse *parse)
{
  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&parse->values[i], g_free);
}

/* ---------------------------------------------------------------------- */
/* From collected text to a job                                           */

static char *
clean_value (XmlParse *parse,
             Field     field)
{
  return jk_clean_field (parse->values[field], JK_FIELD_MAX);
}

static gint64
parse_date_value (XmlParse *parse,
                  Field     field)
{
  g_autofree char *text = clean_value (parse, field);
  gint64 when = 0;

  if (text == NULL || !jk_parse_date (text, &when))
    return 0;
  return when;
}

static char *
describe_value (const char *html)
{
  g_autofree char *text = NULL;

  if (html == NULL)
    return NULL;
  text = jk_html_to_text (html, JK_DESCRIPTION_MAX);
  if (text == NULL || *text == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

static void
fill_salary (JkJob      *job,
             const char *text)
{
  double low, high;
  JkSalaryPeriod period;

  job->salary_text = jk_clean_field (text, JK_FIELD_MAX);
  if (job->salary_text != NULL && jk_parse_salary (job->salary_text, &low, &high, &period))
    {
      job->salary_min = low;
      job->salary_max = high;
      job->salary_period = period;
    }
}

static JkJob *
build_job_xml_job (XmlParse *parse)
{
  g_autoptr (JkJob) job = jk_job_new ();
  g_autoptr (GString) types = g_string_new (NULL);
  g_autofree char *state = NULL;

  job->title = clean_value (parse, FIELD_TITLE);
  if (job->title == NULL)
    return NULL;

  job->external_id = jk_feed_clean_url (parse->values[FIELD_REFERENCE], FALSE);
  if (job->external_id == NULL)
    job->external_id = jk_feed_clean_url (parse->values[FIELD_REQUISITION], FALSE);
  if (job->external_id == NULL)
    job->external_id = jk_feed_clean_url (parse->values[FIELD_URL], FALSE);

  job->employer = clean_value (parse, FIELD_COMPANY);
  if (job->employer == NULL)
    job->employer = clean_value (parse, FIELD_SOURCE_NAME);
  job->city = clean_value (parse, FIELD_CITY);
  state = clean_value (parse, FIELD_STATE);
  job->state = state != NULL ? jk_normalize_state (state) : NULL;
  job->postal_code = clean_value (parse, FIELD_POSTAL_CODE);
  job->country = clean_value (parse, FIELD_COUNTRY);

  fill_salary (job, parse->values[FIELD_SALARY]);
  jk_feed_add_employment_type (types, parse->values[FIELD_JOB_TYPE]);
  if (types->len > 0)
    job->employment_type = g_strdup (types->str);
  job->category = clean_value (parse, FIELD_CATEGORY);
  job->soc_code = jk_feed_find_soc_code (job->category);
  job->education = clean_value (parse, FIELD_EDUCATION);
  job->description = describe_value (parse->values[FIELD_DESCRIPTION]);
  job->apply_url = jk_feed_clean_url (parse->values[FIELD_URL], TRUE);
  job->posted = parse_date_value (parse, FIELD_DATE);
  job->expires = parse_date_value (parse, FIELD_EXPIRES);
  return g_steal_pointer (&job);
}

static JkJob *
build_rss_job (XmlParse *parse)
{
  g_autoptr (JkJob) job = jk_job_new ();
  const char *html;

  job->title = clean_value (parse, FIELD_TITLE);
  if (job->title == NULL)
    return NULL;

  job->external_id = jk_feed_clean_url (parse->values[FIELD_GUID], FALSE);
  if (job->external_id == NULL)
    job->external_id = jk_feed_clean_url (parse->values[FIELD_URL], FALSE);
  job->apply_url = jk_feed_clean_url (parse->values[FIELD_URL], TRUE);
  if (job->apply_url == NULL)
    job->apply_url = jk_feed_clean_url (parse->values[FIELD_GUID], TRUE);
  job->posted = parse_date_value (parse, FIELD_DATE);
  /* content:encoded, when there, is the full text; description a summary. */
  html = parse->values[FIELD_CONTENT] != NULL ? parse->values[FIELD_CONTENT] : parse->values[FIELD_DESCRIPTION];
  job->description = describe_value (html);
  job->category = clean_value (parse, FIELD_CATEGORY);
  job->soc_code = jk_feed_find_soc_code (job->category);
  return g_steal_pointer (&job);
}

static gboolean
finish_record (XmlParse     *parse,
               JkJobFunc     func,
               gpointer      user_data,
               JkFeedStats  *stats,
               GError      **error)
{
  JkJob *job;

  parse->record_depth = -1;
  parse->records_seen++;
  if (parse->format == JK_FEED_FORMAT_RSS)
    job = build_rss_job (parse);
  else
    job = build_job_xml_job (parse);
  clear_values (parse);
  if (job == NULL)
    {
      g_debug ("skipped a posting with no title");
      stats->skipped++;
      return TRUE;
    }
  return jk_feed_emit_job (job, func, user_data, stats, error);
}

/* ---------------------------------------------------------------------- */
/* The reader's nodes                                                     */

static gboolean
is_publisher (XmlParse   *parse,
              const char *name,
              int         depth)
{
  if (parse->format == JK_FEED_FORMAT_RSS)
    return depth == 2 && g_ascii_strcasecmp (name, "title") == 0;
  return depth == 1 && g_ascii_strcasecmp (name, "publisher") == 0;
}

/* Returns FALSE with the error to stop. */
static gboolean
on_element (XmlParse         *parse,
            xmlTextReaderPtr  reader,
            JkJobFunc         func,
            gpointer          user_data,
            JkFeedStats      *stats,
            GError          **error)
{
  const char *name = (const char *) xmlTextReaderConstName (reader);
  int depth = xmlTextReaderDepth (reader);
  gboolean empty = xmlTextReaderIsEmptyElement (reader) == 1;
  gboolean markup = FALSE;
  Field field;

  if (name == NULL)
    return TRUE;

  if (!parse->root_seen)
    {
      parse->root_seen = TRUE;
      if (g_ascii_strcasecmp (name, "html") == 0)
        {
          g_set_error_literal (error, JK_FEED_ERROR, JK_FEED_ERROR_NOT_A_FEED, "This is a web page, not a job feed");
          return FALSE;
        }
      parse->root_matches = g_ascii_strcasecmp (name, parse->root_name) == 0;
    }

  if (parse->field != FIELD_NONE)
    {
      /* Markup inside a field: kept as tags for HTML, text only otherwise. */
      parse->field_has_children = TRUE;
      if (parse->field_markup && parse->markup->len < parse->field_max)
        g_string_append_printf (parse->markup, "<%s>", name);
      return TRUE;
    }

  if (parse->record_depth >= 0)
    {
      if (depth != parse->record_depth + 1)
        return TRUE;
      field = lookup_field (parse->fields, name, &markup);
      if (field == FIELD_NONE)
        return TRUE;
      start_field (parse, field, depth, markup);
      if (empty)
        finish_field (parse, stats);
      return TRUE;
    }

  if (g_ascii_strcasecmp (name, parse->record_name) == 0)
    {
      parse->record_depth = depth;
      clear_values (parse);
      if (empty)
        return finish_record (parse, func, user_data, stats, error);
      return TRUE;
    }

  if (is_publisher (parse, name, depth))
    {
      start_field (parse, FIELD_PUBLISHER, depth, FALSE);
      if (empty)
        finish_field (parse, stats);
    }
  return TRUE;
}

static void
on_text (XmlParse         *parse,
         xmlTextReaderPtr  reader,
         gboolean          cdata)
{
  const char *value;

  if (parse->field == FIELD_NONE)
    return;
  value = (const char *) xmlTextReaderConstValue (reader);
  append_capped (parse, parse->text, value, FALSE);
  if (parse->field_markup)
    append_capped (parse, parse->markup, value, !cdata);
}

static gboolean
on_end_element (XmlParse         *parse,
                xmlTextReaderPtr  reader,
                JkJobFunc         func,
                gpointer          user_data,
                JkFeedStats      *stats,
                GError          **error)
{
  int depth = xmlTextReaderDepth (reader);

  if (parse->field != FIELD_NONE)
    {
      if (depth == parse->field_depth)
        finish_field (parse, stats);
      else if (parse->field_markup && parse->markup->len < parse->field_max)
        g_string_append_printf (parse->markup, "</%s>", (const char *) xmlTextReaderConstName (reader));
      return TRUE;
    }
  if (parse->record_depth >= 0 && depth == parse->record_depth)
    return finish_record (parse, func, user_data, stats, error);
  return TRUE;
}

static gboolean
read_all (XmlParse         *parse,
          xmlTextReaderPtr  reader,
          JkJobFunc         func,
          gpointer          user_data,
          JkFeedStats      *stats,
          GError          **error)
{
  int status;

  while ((status = xmlTextReaderRead (reader)) == 1)
    {
      switch (xmlTextReaderNodeType (reader))
        {
        case XML_READER_TYPE_ELEMENT:
          if (!on_element (parse, reader, func, user_data, stats, error))
            return FALSE;
          break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          on_text (parse, reader, FALSE);
          break;
        case XML_READER_TYPE_CDATA:
          on_text (parse, reader, TRUE);
          break;
        case XML_READER_TYPE_END_ELEMENT:
          if (!on_end_element (parse, reader, func, user_data, stats, error))
            return FALSE;
          break;
        default:
          /* Entity references stay unexpanded and are dropped; comments,
           * processing instructions and the DOCTYPE are ignored. */
          break;
        }
    }

  if (status < 0)
    {
      if (!parse->root_seen)
        g_set_error (error, JK_FEED_ERROR, JK_FEED_ERROR_MALFORMED, "The feed is empty or is not XML (line %d)",
                     parse->last_error_line);
      else
        g_set_error (error, JK_FEED_ERROR, JK_FEED_ERROR_MALFORMED,
                     "The feed is broken or cut short at line %d, after %u postings", parse->last_error_line,
                     parse->records_seen);
      return FALSE;
    }
  if (parse->records_seen == 0 && !parse->root_matches)
    {
      g_set_error (error, JK_FEED_ERROR, JK_FEED_ERROR_NOT_A_FEED, "This XML document is not %s",
                   parse->format == JK_FEED_FORMAT_RSS ? "an RSS feed" : "a job feed");
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Inside the feed module                                                 */

/* Parses job-xml or RSS from fd (when data is NULL) or from data. Each job
 * is built and handed over as its end tag is read; the reader frees the
 * nodes behind it, so memory does not grow with the feed. */
gboolean
jk_feed_xml_parse (int           fd,
                   const char   *data,
                   gsize         length,
                   JkFeedFormat  format,
                   JkJobFunc     func,
                   gpointer      user_data,
                   JkFeedStats  *stats,
                   GError      **error)
{
  XmlParse parse = {
    .fd = fd,
    .data = data,
    .length = length,
    .format = format,
    .fields = format == JK_FEED_FORMAT_RSS ? rss_fields : job_xml_fields,
    .record_name = format == JK_FEED_FORMAT_RSS ? "item" : "job",
    .root_name = format == JK_FEED_FORMAT_RSS ? "rss" : "source",
    .record_depth = -1,
    .field = FIELD_NONE,
  };
  xmlTextReaderPtr reader;
  gboolean ok;

  g_return_val_if_fail (format == JK_FEED_FORMAT_JOB_XML || format == JK_FEED_FORMAT_RSS, FALSE);

  reader = xmlReaderForIO (read_input_cb, close_input_cb, &parse, NULL, NULL, READER_OPTIONS);
  if (reader == NULL)
    {
      g_set_error_literal (error, JK_FEED_ERROR, JK_FEED_ERROR_MALFORMED, "The feed could not be read as XML");
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (reader, record_error_cb, &parse);

  parse.text = g_string_sized_new (1024);
  parse.markup = g_string_sized_new (1024);
  ok = read_all (&parse, reader, func, user_data, stats, error);

  xmlFreeTextReader (reader);
  clear_values (&parse);
  g_string_free (parse.text, TRUE);
  g_string_free (parse.markup, TRUE);
  g_free (parse.last_error);
  return ok;
}
