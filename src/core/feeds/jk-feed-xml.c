/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-feed-xml.c: XML job feeds (<source><job>…) and RSS 2.0, streamed through libxml2's SAX2 push parser */

#define G_LOG_DOMAIN "jk-feed"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "jobkiosk/jk-feed.h"
#include "base/jk-hash-private.h"
#include "feeds/jk-feed-private.h"
#include "feeds/jk-normalize-private.h"
#include "feeds/jk-record-scan-private.h"

/* The most text kept from one element: a description far longer than the
 * kiosk shows is cut here, before it is cleaned (and cut again, neatly). */
#define LONG_FIELD_MAX (1024 * 1024)
#define SHORT_FIELD_MAX (64 * 1024)

/* Never expand entities (no XML_PARSE_NOENT), never load a DTD or fetch
 * anything, keep libxml2's default size limits (no XML_PARSE_HUGE). */
#define PARSER_OPTIONS (XML_PARSE_NONET | XML_PARSE_COMPACT)
/* Bytes handed to the parser at a time. */
#define READ_CHUNK (64 * 1024)
#define FIELD_CACHE_BITS 6
#define FIELD_CACHE_SIZE (1 << FIELD_CACHE_BITS)
/* Raise when normalizing changes, so cached postings are normalized anew. */
#define RAW_HASH_VERSION 4
/* Records found by the scan and not yet met by libxml2 are bounded: past
 * this many, the bytes waiting for libxml2 go to it. */
#define MAX_SCANNED 4096

/* Why SAX and not xmlTextReader: the reader refuses every node once the
 * parser has met an error, even nodes parsed before it, so the postings
 * just before a truncation were lost. The SAX2 push parser hands each
 * </job> over the moment it is parsed and builds no tree at all: memory
 * stays flat whatever the feed's size (one record's text at a time).
 *
 * Before libxml2, jk-record-scan splits the bytes into records. A record
 * whose bytes the cache holds already (JkKnownBytesFunc) never reaches
 * libxml2: a re-sync where most postings are unchanged parses only the
 * few that changed. Each record libxml2 does parse is matched to the
 * scan's by where it starts and ends in the bytes given to libxml2; only
 * a record found the same by both gets its raw-bytes hash, so a scan that
 * went astray costs speed, never a wrong "unchanged". */

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
  FIELD_CREATOR,   /* RSS: dc:creator, or an Atom author's name */
  FIELD_LOCATION,  /* RSS: a job board's own <…:location> */
  FIELD_PUBLISHER, /* feed level, outside records */
  N_FIELDS
} Field;

typedef struct {
  const char *name;
  Field field;
  gboolean markup; /* HTML that may come as child elements */
} FieldName;

/* One posting's fields as read, before any normalizing: all in one
 * buffer, so a record costs a few allocations, not one per field (it is
 * made on one thread and freed on another, where each free contends). */
struct _JkFeedRecord
{
  JkFeedFormat format;
  guint64 raw_hash;           /* of its bytes; 0 when unknown */
  GString *text;              /* the values, each ended by a NUL; NULL when not parsed */
  gssize offsets[N_FIELDS];   /* into text; -1 when absent */
  gboolean has_posted;        /* its claim parsed the date posted already */
  gint64 posted;
};

static JkFeedRecord *
record_new (JkFeedFormat format)
{
  JkFeedRecord *record = g_new (JkFeedRecord, 1);

  record->format = format;
  record->raw_hash = 0;
  record->has_posted = FALSE;
  record->posted = 0;
  record->text = g_string_sized_new (4096);
  for (guint i = 0; i < N_FIELDS; i++)
    record->offsets[i] = -1;
  return record;
}

/* A record the cache holds as it is: its hash stands for it. */
static JkFeedRecord *
record_new_unparsed (JkFeedFormat format,
                     guint64      raw_hash)
{
  JkFeedRecord *record = g_new0 (JkFeedRecord, 1);

  record->format = format;
  record->raw_hash = raw_hash;
  return record;
}

static const char *
record_value (const JkFeedRecord *record,
              Field               field)
{
  return record->offsets[field] >= 0 ? record->text->str + record->offsets[field] : NULL;
}

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
  { "dc:creator", FIELD_CREATOR, FALSE },
  /* Job boards add their own elements, each in a namespace of its own:
   * any prefix ("*:") will do. */
  { "*:location", FIELD_LOCATION, FALSE },
  { "*:city", FIELD_CITY, FALSE },
  { "*:state", FIELD_STATE, FALSE },
  { NULL, FIELD_NONE, FALSE },
};

/* A record as the scan found it, in the bytes given to libxml2. */
typedef struct {
  gsize start;
  gsize start_tag_end;
  gsize end;
  guint64 raw_hash;
  gboolean unparsed;        /* the cache holds it: never given to libxml2 (start = end) */
} ScannedRecord;

typedef struct {
  xmlParserCtxtPtr ctxt;
  JkKnownBytesFunc known_bytes;
  JkRecordFunc record_func; /* when set, records are handed over unnormalized */
  JkJobFunc func;
  gpointer user_data;
  JkFeedStats *stats;
  GError *error;            /* from the callback, or NOT_A_FEED */
  gboolean stopped;
  int error_line;           /* of the first fatal XML error */
  int depth;                /* of the element being read, root = 0 */

  /* Input: a descriptor, or bytes in memory. */
  int fd;
  const char *data;
  gsize length;
  gsize offset;

  JkFeedFormat format;
  const FieldName *fields;
  const char *record_name;  /* "job" or "item" */
  const char *root_name;    /* "source" or "rss" */
  gboolean root_matches;
  guint records_seen;

  int record_depth;         /* -1 outside a record */
  int author_depth;         /* of an RSS item's <atom:author>; -1 outside one */
  Field field;              /* the element being collected */
  int field_depth;
  gboolean field_markup;
  gboolean field_has_children;
  GString *text;            /* its text, entities decoded, CDATA as is */
  GString *markup;          /* for HTML fields with child elements: kept as tags */
  /* Until an HTML field has a child element, only where its text came
   * from is noted: most never have one, and need no markup at all. */
  GArray *segments;         /* of TextSegment */
  gsize field_max;
  JkFeedRecord *record;     /* being read; NULL outside records */
  ScannedRecord matched;    /* the scan's record the one being read is, */
  gboolean has_matched;     /* when it starts where the scan's started */

  JkRecordScan *scan;
  GString *pending;         /* bytes for libxml2, not given yet */
  gsize given;              /* bytes given to libxml2 so far */
  GArray *scanned;          /* of ScannedRecord, in feed order, from scanned_head on */
  guint scanned_head;
  int lines_unparsed;       /* so error lines count the records libxml2 never saw */
  gboolean offsets_unknown; /* libxml2 converts the encoding: no record is matched */
  gboolean utf8;            /* the feed is to be UTF-8: a posting that is not is mended */
  guint records_scanned;
  /* libxml2 keeps one copy of each element name per parse, so a name seen
   * before is found again by its address rather than by comparing text. */
  struct {
    const xmlChar *local;
    const xmlChar *prefix;
    Field field;
    gboolean markup;
  } names[FIELD_CACHE_SIZE];
} XmlParse;

typedef struct {
  gsize end;       /* in text */
  gboolean cdata;  /* HTML as is, not text to escape */
} TextSegment;

/* ---------------------------------------------------------------------- */
/* Input and errors                                                       */

/* Up to size bytes of the feed; 0 at the end, -1 on a read error. */
static gssize
read_input (XmlParse *parse,
            char     *buffer,
            gsize     size)
{
  if (parse->data != NULL)
    {
      gsize n = MIN (size, parse->length - parse->offset);

      memcpy (buffer, parse->data + parse->offset, n);
      parse->offset += n;
      return (gssize) n;
    }
  for (;;)
    {
      gssize n = read (parse->fd, buffer, size);

      if (n >= 0 || errno != EINTR)
        return n;
    }
}

/* The callbacks get the parser context; entity text parsed in a context of
 * its own is not the feed's text and is ignored. */
static XmlParse *
get_parse (void *context)
{
  xmlParserCtxtPtr ctxt = context;
  XmlParse *parse = ctxt != NULL ? ctxt->_private : NULL;

  return parse != NULL && parse->ctxt == ctxt && !parse->stopped ? parse : NULL;
}

/* libxml2's messages quote the feed, so they go to the debug log only. */
static void
record_error_cb (void       *context,
                 xmlErrorPtr xml_error)
{
  xmlParserCtxtPtr ctxt = context;
  XmlParse *parse = ctxt != NULL ? ctxt->_private : NULL;

  if (parse == NULL || xml_error == NULL || xml_error->level < XML_ERR_ERROR)
    return;
  if (xml_error->level == XML_ERR_FATAL && parse->error_line == 0)
    parse->error_line = xml_error->line > 0 ? xml_error->line + parse->lines_unparsed : -1;
  g_debug ("feed XML error at line %d: %s", xml_error->line,
           xml_error->message != NULL ? xml_error->message : "?");
}

/* Stops the parse from a callback, keeping the error for the caller. */
static void
stop_parse (XmlParse *parse,
            GError   *error)
{
  parse->stopped = TRUE;
  g_propagate_error (&parse->error, error);
  xmlStopParser (parse->ctxt);
}

/* ---------------------------------------------------------------------- */
/* Records the scan found, and libxml2 met or never saw                    */

/* Where libxml2 is in the bytes given to it; -1 when that is no byte
 * offset of them (an encoding being converted). */
static gssize
parser_offset (xmlParserCtxtPtr ctxt)
{
  xmlParserInputPtr input = ctxt->input;

  if (ctxt->inputNr != 1 || input == NULL || input->buf == NULL || input->buf->encoder != NULL)
    return -1;
  return (gssize) (input->consumed + (gsize) (input->cur - input->base));
}

static int
count_lines (const char *text,
             gsize       length)
{
  const char *end = text + length;
  int lines = 0;

  while ((text = memchr (text, '\n', (gsize) (end - text))) != NULL)
    {
      lines++;
      text++;
    }
  return lines;
}

static gboolean
hand_over (XmlParse      *parse,
           JkFeedRecord  *record,
           GError       **error)
{
  parse->records_seen++;
  if (parse->record_func != NULL)
    return parse->record_func (record, parse->user_data, error);
  return jk_feed_record_finish (record, NULL, parse->func, parse->user_data, parse->stats, error);
}

/* Hands over the unparsed records up to offset, in feed order with the
 * parsed ones, and forgets the scan's records libxml2 went past without
 * taking them for records. */
static void
catch_up (XmlParse *parse,
          gsize     offset)
{
  while (parse->scanned_head < parse->scanned->len && !parse->stopped)
    {
      ScannedRecord entry = g_array_index (parse->scanned, ScannedRecord, parse->scanned_head);
      GError *error = NULL;

      if (entry.unparsed ? entry.start > offset : entry.end > offset)
        break;
      parse->scanned_head++;
      if (entry.unparsed && !hand_over (parse, record_new_unparsed (parse->format, entry.raw_hash), &error))
        stop_parse (parse, error);
    }
  if (parse->scanned_head == parse->scanned->len)
    {
      g_array_set_size (parse->scanned, 0);
      parse->scanned_head = 0;
    }
}

/* A record starts in libxml2: is it the next one the scan found? */
static void
match_scanned (XmlParse *parse)
{
  gssize at = parser_offset (parse->ctxt);
  const ScannedRecord *next;

  parse->has_matched = FALSE;
  if (at <= 0)
    return;
  catch_up (parse, (gsize) at - 1);
  if (parse->scanned_head == parse->scanned->len)
    return;
  next = &g_array_index (parse->scanned, ScannedRecord, parse->scanned_head);
  if (!next->unparsed && next->start < (gsize) at && (gsize) at <= next->start_tag_end)
    {
      parse->matched = *next;
      parse->has_matched = TRUE;
      parse->scanned_head++;
    }
}

/* The record ends in libxml2 where the scan's did: it is those bytes. */
static void
take_matched_hash (XmlParse *parse)
{
  if (parse->has_matched && parser_offset (parse->ctxt) == (gssize) parse->matched.end)
    parse->record->raw_hash = parse->matched.raw_hash;
  parse->has_matched = FALSE;
}

static void
give_pending (XmlParse *parse,
              gboolean  terminate)
{
  gssize at;

  xmlParseChunk (parse->ctxt, parse->pending->str, (int) parse->pending->len, terminate);
  parse->given += parse->pending->len;
  g_string_truncate (parse->pending, 0);
  if (parse->stopped || parse->record_depth >= 0)
    return;
  at = parser_offset (parse->ctxt);
  if (at >= 0)
    catch_up (parse, (gsize) at);
  else
    {
      /* Offsets in converted text match no scan: only bytes pass now. */
      parse->offsets_unknown = TRUE;
      for (guint i = parse->scanned_head; i < parse->scanned->len; i++)
        if (!g_array_index (parse->scanned, ScannedRecord, i).unparsed)
          g_array_remove_index (parse->scanned, i--);
    }
}

/* Whether the feed is to be UTF-8: no UTF-16 (marked or not), and no
 * XML declaration naming another encoding. */
static gboolean
is_utf8_feed (const char *head,
              gsize       length)
{
  const char *end, *at;

  if (length >= 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0)
    return TRUE;
  if (memchr (head, '\0', MIN (length, 4)) != NULL || (length >= 2 && (guchar) head[0] >= 0xFE))
    return FALSE;
  if (length < 5 || memcmp (head, "<?xml", 5) != 0 || (end = g_strstr_len (head, (gssize) MIN (length, 256), "?>")) == NULL)
    return TRUE;
  if ((at = g_strstr_len (head, end - head, "encoding")) == NULL)
    return TRUE;
  at += strlen ("encoding");
  while (at < end && (*at == ' ' || *at == '=' || *at == '"' || *at == '\''))
    at++;
  return g_ascii_strncasecmp (at, "utf-8", 5) == 0 || g_ascii_strncasecmp (at, "utf8", 4) == 0
         || g_ascii_strncasecmp (at, "us-ascii", 8) == 0;
}

/* A posting with bytes that are not UTF-8 would stop libxml2 there, and
 * the whole feed with it: its bad bytes become U+FFFD, and it is said. */
static gboolean
append_mended (XmlParse                *parse,
               const JkRecordScanPiece *piece,
               ScannedRecord           *entry)
{
  g_autofree char *head = NULL;
  g_autofree char *rest = NULL;

  if (!parse->utf8 || g_utf8_validate_len (piece->data, piece->length, NULL))
    return FALSE;
  /* The start tag ends with '>': no character is split there. */
  head = g_utf8_make_valid (piece->data, (gssize) piece->start_tag_length);
  rest = g_utf8_make_valid (piece->data + piece->start_tag_length, (gssize) (piece->length - piece->start_tag_length));
  entry->start_tag_end = entry->start + strlen (head);
  entry->end = entry->start_tag_end + strlen (rest);
  g_string_append (parse->pending, head);
  g_string_append (parse->pending, rest);
  if (parse->stats != NULL)
    parse->stats->repaired++;
  g_message ("feed: posting %u has bytes that are not UTF-8; they are replaced and the posting kept",
             parse->records_scanned);
  return TRUE;
}

static void
scan_piece_cb (const JkRecordScanPiece *piece,
               gpointer                 user_data)
{
  XmlParse *parse = user_data;
  gsize at = parse->given + parse->pending->len;

  if (parse->stopped)
    return;
  if (piece->record && !parse->offsets_unknown)
    {
      ScannedRecord entry = { .start = at, .end = at };

      parse->records_scanned++;
      entry.raw_hash = jk_hash_bytes (piece->context, piece->data, piece->length);
      entry.raw_hash += entry.raw_hash == 0;
      /* The root is never left out: libxml2 would see no document. */
      entry.unparsed = piece->depth > 0 && parse->known_bytes != NULL
                       && parse->known_bytes (entry.raw_hash, parse->user_data);
      if (entry.unparsed)
        parse->lines_unparsed += count_lines (piece->data, piece->length);
      else if (!append_mended (parse, piece, &entry))
        {
          entry.start_tag_end = at + piece->start_tag_length;
          entry.end = at + piece->length;
          g_string_append_len (parse->pending, piece->data, (gssize) piece->length);
        }
      g_array_append_val (parse->scanned, entry);
    }
  else
    g_string_append_len (parse->pending, piece->data, (gssize) piece->length);

  if (parse->pending->len >= READ_CHUNK || parse->scanned->len - parse->scanned_head >= MAX_SCANNED)
    give_pending (parse, FALSE);
}

/* ---------------------------------------------------------------------- */
/* Collecting the text of an element                                      */

/* Appends up to the field's limit; a cut in the middle of a character or
 * a tag is mended later by the cleaning. */
static void
append_capped (XmlParse   *parse,
               GString    *buffer,
               const char *text,
               gsize       length,
               gboolean    escape)
{
  gsize room;

  if (buffer->len >= parse->field_max)
    return;
  room = parse->field_max - buffer->len;
  if (escape)
    {
      g_autofree char *escaped = g_markup_escape_text (text, (gssize) MIN (length, room));
      g_string_append_len (buffer, escaped, (gssize) MIN (strlen (escaped), room));
    }
  else
    g_string_append_len (buffer, text, (gssize) MIN (length, room));
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
  g_array_set_size (parse->segments, 0);
}

/* The field's text so far as markup: character data escaped, CDATA as is. */
static void
start_markup (XmlParse *parse)
{
  gsize start = 0;

  for (guint i = 0; i < parse->segments->len; i++)
    {
      const TextSegment *segment = &g_array_index (parse->segments, TextSegment, i);

      append_capped (parse, parse->markup, parse->text->str + start, segment->end - start, !segment->cdata);
      start = segment->end;
    }
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
  if (parse->record != NULL && parse->record->offsets[field] < 0 && value->len > 0)
    {
      parse->record->offsets[field] = (gssize) parse->record->text->len;
      g_string_append_len (parse->record->text, value->str, (gssize) value->len);
      g_string_append_c (parse->record->text, '\0');
    }
}

/* ---------------------------------------------------------------------- */
/* From collected text to a job                                           */

static char *
clean_value (const JkFeedRecord *record,
             Field               field)
{
  return jk_clean_field (record_value (record, field), JK_FIELD_MAX);
}

static gint64
parse_date_value (const JkFeedRecord *record,
                  Field               field)
{
  g_autofree char *text = clean_value (record, field);
  gint64 when = 0;

  if (text == NULL || !jk_parse_date (text, &when))
    return 0;
  return when;
}

/* The date posted, parsed once: by the claim, or else here. */
static gint64
record_posted (const JkFeedRecord *record)
{
  return record->has_posted ? record->posted : parse_date_value (record, FIELD_DATE);
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

/* The feed's id for the posting, cleaned: the same text whether or not
 * the posting is then normalized. */
static char *
record_external_id (const JkFeedRecord *record)
{
  static const Field job_xml_ids[] = { FIELD_REFERENCE, FIELD_REQUISITION, FIELD_URL };
  static const Field rss_ids[] = { FIELD_GUID, FIELD_URL };
  gboolean rss = record->format == JK_FEED_FORMAT_RSS;
  const Field *ids = rss ? rss_ids : job_xml_ids;
  guint n_ids = rss ? G_N_ELEMENTS (rss_ids) : G_N_ELEMENTS (job_xml_ids);

  for (guint i = 0; i < n_ids; i++)
    {
      char *id = jk_feed_clean_url (record_value (record, ids[i]), FALSE);
      if (id != NULL)
        return id;
    }
  return NULL;
}

/* The hash of the record's bytes when the scan matched it; else every
 * raw field, in order. Either way with the format and the version of the
 * normalizing: a kiosk that normalizes differently re-reads everything. */
static guint64
hash_raw_record (const JkFeedRecord *record)
{
  guint64 hash;

  if (record->raw_hash != 0)
    return record->raw_hash;
  hash = jk_hash_bytes (RAW_HASH_VERSION, &record->format, sizeof record->format);
  for (guint i = 0; i < N_FIELDS; i++)
    hash = jk_hash_text (hash, record_value (record, (Field) i));
  return hash != 0 ? hash : 1;
}

static void
fill_job_xml_job (const JkFeedRecord *record,
                  JkJob              *job)
{
  g_autoptr (GString) types = g_string_new (NULL);
  g_autofree char *state = NULL;

  job->employer = clean_value (record, FIELD_COMPANY);
  if (job->employer == NULL)
    job->employer = clean_value (record, FIELD_SOURCE_NAME);
  job->city = clean_value (record, FIELD_CITY);
  state = clean_value (record, FIELD_STATE);
  job->state = state != NULL ? jk_normalize_state (state) : NULL;
  job->postal_code = clean_value (record, FIELD_POSTAL_CODE);
  job->country = clean_value (record, FIELD_COUNTRY);

  fill_salary (job, record_value (record, FIELD_SALARY));
  jk_feed_add_employment_type (types, record_value (record, FIELD_JOB_TYPE));
  if (types->len > 0)
    job->employment_type = g_strdup (types->str);
  job->category = clean_value (record, FIELD_CATEGORY);
  job->soc_code = jk_feed_find_soc_code (job->category);
  job->education = clean_value (record, FIELD_EDUCATION);
  job->description = jk_feed_describe (record_value (record, FIELD_DESCRIPTION));
  job->apply_url = jk_feed_clean_url (record_value (record, FIELD_URL), TRUE);
  job->posted = record_posted (record);
  job->expires = parse_date_value (record, FIELD_EXPIRES);
}

/* "Columbus, OH 43215", "Dublin, Ohio" or "Columbus": city, state and
 * postal code into the job's empty ones. */
static void
fill_place (JkJob      *job,
            const char *text)
{
  g_autofree char *cleaned = jk_clean_field (text, JK_FIELD_MAX);
  g_auto (GStrv) words = NULL;
  char *comma;
  guint n;

  if (cleaned == NULL)
    return;
  comma = strrchr (cleaned, ',');
  if (comma == NULL)
    {
      if (job->city == NULL)
        job->city = g_steal_pointer (&cleaned);
      return;
    }
  *comma = '\0';
  if (job->city == NULL)
    job->city = jk_clean_field (cleaned, JK_FIELD_MAX);
  words = g_strsplit (g_strstrip (comma + 1), " ", -1);
  n = g_strv_length (words);
  if (n >= 2 && strlen (words[n - 1]) >= 5 && g_ascii_isdigit (words[n - 1][0]))
    {
      if (job->postal_code == NULL)
        job->postal_code = g_strdup (words[n - 1]);
      g_clear_pointer (&words[n - 1], g_free);
    }
  if (job->state == NULL)
    {
      g_autofree char *state = g_strjoinv (" ", words);
      g_autofree char *state_cleaned = jk_clean_field (state, JK_FIELD_MAX);

      job->state = state_cleaned != NULL ? jk_normalize_state (state_cleaned) : NULL;
    }
}

/* Job boards' "Forklift Operator at Scioto Freight (Grove City, OH)":
 * taken apart only when the feed gave no employer or no place, and only
 * when the title ends with a place whose state is a US state's code; a
 * bare " at " ("Work at Home …") is left alone. */
static void
split_title (JkJob *job)
{
  static GRegex *regex = NULL;
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *before = NULL;
  g_autofree char *title = NULL;
  g_autofree char *employer = NULL;
  g_autofree char *city = NULL;
  g_autofree char *state = NULL;
  g_autofree char *code = NULL;

  if (job->title == NULL || (job->employer != NULL && (job->city != NULL || job->state != NULL)))
    return;
  /* Compiled once, shared read-only by every thread. */
  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^(.+?)(?: at (.+?))? \\(([^(),]+), ([^(),]+)\\)$", G_REGEX_OPTIMIZE, 0,
                                            NULL));
  if (!g_regex_match (regex, job->title, 0, &match))
    return;
  before = g_match_info_fetch (match, 1);
  title = jk_clean_field (before, JK_FIELD_MAX);
  employer = g_match_info_fetch (match, 2);
  city = g_match_info_fetch (match, 3);
  state = g_match_info_fetch (match, 4);
  code = jk_normalize_state (state);
  if (title == NULL || code == NULL || strlen (code) != 2 || !g_ascii_isupper (code[0]) || !g_ascii_isupper (code[1]))
    return;
  if (job->employer == NULL && employer != NULL && *employer != '\0')
    job->employer = jk_clean_field (employer, JK_FIELD_MAX);
  if (job->city == NULL && job->state == NULL)
    {
      job->city = jk_clean_field (city, JK_FIELD_MAX);
      job->state = g_steal_pointer (&code);
    }
  g_free (job->title);
  job->title = g_steal_pointer (&title);
}

static void
fill_rss_job (const JkFeedRecord *record,
              JkJob              *job)
{
  g_autofree char *state = NULL;
  const char *html;

  job->employer = clean_value (record, FIELD_CREATOR);
  job->city = clean_value (record, FIELD_CITY);
  state = clean_value (record, FIELD_STATE);
  job->state = state != NULL ? jk_normalize_state (state) : NULL;
  fill_place (job, record_value (record, FIELD_LOCATION));
  split_title (job);

  job->apply_url = jk_feed_clean_url (record_value (record, FIELD_URL), TRUE);
  if (job->apply_url == NULL)
    job->apply_url = jk_feed_clean_url (record_value (record, FIELD_GUID), TRUE);
  job->posted = record_posted (record);
  /* content:encoded, when there, is the full text; description a summary. */
  html = record_value (record, FIELD_CONTENT) != NULL ? record_value (record, FIELD_CONTENT) : record_value (record, FIELD_DESCRIPTION);
  job->description = jk_feed_describe (html);
  job->category = clean_value (record, FIELD_CATEGORY);
  job->soc_code = jk_feed_find_soc_code (job->category);
}

/* A record ends: handed over as it is, or finished here. */
static gboolean
finish_record (XmlParse  *parse,
               GError   **error)
{
  take_matched_hash (parse);
  parse->record_depth = -1;
  return hand_over (parse, g_steal_pointer (&parse->record), error);
}

/* ---------------------------------------------------------------------- */
/* SAX callbacks                                                          */

/* "title", or "content:encoded" against prefix "content", local "encoded". */
static gboolean
name_matches (const char    *wanted,
              const xmlChar *prefix,
              const xmlChar *local)
{
  const char *colon = strchr (wanted, ':');

  if (g_str_has_prefix (wanted, "*:"))
    return prefix != NULL && g_ascii_strcasecmp (wanted + 2, (const char *) local) == 0;
  if (prefix == NULL)
    return colon == NULL && g_ascii_strcasecmp (wanted, (const char *) local) == 0;
  return colon != NULL && strlen ((const char *) prefix) == (gsize) (colon - wanted)
         && g_ascii_strncasecmp (wanted, (const char *) prefix, colon - wanted) == 0
         && g_ascii_strcasecmp (colon + 1, (const char *) local) == 0;
}

static Field
lookup_field (XmlParse      *parse,
              const xmlChar *prefix,
              const xmlChar *local,
              gboolean      *out_markup)
{
  /* Names sit close together in libxml2's dictionary: a multiplicative
   * hash spreads their addresses over the slots. */
  guint64 key = (guint64) (guintptr) local ^ ((guint64) (guintptr) prefix << 1);
  guint slot = (guint) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - FIELD_CACHE_BITS));
  Field field = FIELD_NONE;
  gboolean markup = FALSE;

  if (parse->names[slot].local == local && parse->names[slot].prefix == prefix)
    {
      *out_markup = parse->names[slot].markup;
      return parse->names[slot].field;
    }
  for (guint i = 0; parse->fields[i].name != NULL; i++)
    if (name_matches (parse->fields[i].name, prefix, local))
      {
        markup = parse->fields[i].markup;
        field = parse->fields[i].field;
        break;
      }
  parse->names[slot].local = local;
  parse->names[slot].prefix = prefix;
  parse->names[slot].field = field;
  parse->names[slot].markup = markup;
  *out_markup = markup;
  return field;
}

static gboolean
is_publisher (XmlParse      *parse,
              const xmlChar *prefix,
              const xmlChar *local,
              int            depth)
{
  if (prefix != NULL)
    return FALSE;
  if (parse->format == JK_FEED_FORMAT_RSS)
    return depth == 2 && g_ascii_strcasecmp ((const char *) local, "title") == 0;
  return depth == 1 && g_ascii_strcasecmp ((const char *) local, "publisher") == 0;
}

static void
start_element_cb (void           *context,
                  const xmlChar  *local,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  XmlParse *parse = get_parse (context);
  gboolean markup = FALSE;
  int depth;
  Field field;

  if (parse == NULL)
    return;
  depth = parse->depth++;

  if (depth == 0)
    {
      if (g_ascii_strcasecmp ((const char *) local, "html") == 0)
        {
          stop_parse (parse, g_error_new_literal (JK_FEED_ERROR, JK_FEED_ERROR_NOT_A_FEED,
                                                  "This is a web page, not a job feed"));
          return;
        }
      parse->root_matches = prefix == NULL && g_ascii_strcasecmp ((const char *) local, parse->root_name) == 0;
    }

  if (parse->field != FIELD_NONE)
    {
      /* Markup inside a field: kept as tags for HTML, text only otherwise. */
      if (parse->field_markup && !parse->field_has_children)
        start_markup (parse);
      parse->field_has_children = TRUE;
      if (parse->field_markup && parse->markup->len < parse->field_max)
        g_string_append_printf (parse->markup, "<%s>", (const char *) local);
      return;
    }

  if (parse->record_depth >= 0)
    {
      /* An Atom author's name is one level further down. */
      if (parse->author_depth >= 0 && depth == parse->author_depth + 1
          && g_ascii_strcasecmp ((const char *) local, "name") == 0)
        {
          start_field (parse, FIELD_CREATOR, depth, FALSE);
          return;
        }
      if (depth != parse->record_depth + 1)
        return;
      if (parse->format == JK_FEED_FORMAT_RSS && prefix != NULL && g_ascii_strcasecmp ((const char *) local, "author") == 0)
        {
          parse->author_depth = depth;
          return;
        }
      field = lookup_field (parse, prefix, local, &markup);
      if (field != FIELD_NONE)
        start_field (parse, field, depth, markup);
      return;
    }

  if (prefix == NULL && g_ascii_strcasecmp ((const char *) local, parse->record_name) == 0)
    {
      match_scanned (parse);
      if (parse->stopped)
        return;
      parse->record_depth = depth;
      jk_feed_record_free (parse->record);
      parse->record = record_new (parse->format);
      return;
    }

  if (is_publisher (parse, prefix, local, depth))
    start_field (parse, FIELD_PUBLISHER, depth, FALSE);
}

static void
end_element_cb (void          *context,
                const xmlChar *local,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  XmlParse *parse = get_parse (context);
  GError *error = NULL;
  int depth;

  if (parse == NULL)
    return;
  depth = --parse->depth;

  if (parse->field != FIELD_NONE)
    {
      if (depth == parse->field_depth)
        finish_field (parse, parse->stats);
      else if (parse->field_markup && parse->markup->len < parse->field_max)
        g_string_append_printf (parse->markup, "</%s>", (const char *) local);
      return;
    }
  if (depth == parse->author_depth)
    parse->author_depth = -1;
  if (parse->record_depth >= 0 && depth == parse->record_depth && !finish_record (parse, &error))
    stop_parse (parse, error);
}

static void
append_text (void          *context,
             const xmlChar *text,
             int            length,
             gboolean       cdata)
{
  XmlParse *parse = get_parse (context);

  if (parse == NULL || parse->field == FIELD_NONE || length <= 0)
    return;
  append_capped (parse, parse->text, (const char *) text, (gsize) length, FALSE);
  if (!parse->field_markup)
    return;
  if (parse->field_has_children)
    append_capped (parse, parse->markup, (const char *) text, (gsize) length, !cdata);
  else
    {
      TextSegment *last = parse->segments->len > 0
                            ? &g_array_index (parse->segments, TextSegment, parse->segments->len - 1)
                            : NULL;

      if (last != NULL && last->cdata == cdata)
        last->end = parse->text->len;
      else
        {
          TextSegment segment = { parse->text->len, cdata };
          g_array_append_val (parse->segments, segment);
        }
    }
}

static void
characters_cb (void          *context,
               const xmlChar *text,
               int            length)
{
  append_text (context, text, length, FALSE);
}

static void
cdata_cb (void          *context,
          const xmlChar *text,
          int            length)
{
  append_text (context, text, length, TRUE);
}

/* ---------------------------------------------------------------------- */
/* Records read but not yet normalized                                    */

gboolean
jk_feed_record_claim (JkFeedRecord *record,
                      JkKnownFunc   known,
                      gpointer      user_data,
                      JkFeedStats  *stats)
{
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;

  if (!jk_feed_record_is_parsed (record))
    {
      stats->unchanged++;
      return FALSE;
    }
  title = clean_value (record, FIELD_TITLE);
  if (title == NULL)
    {
      g_debug ("skipped a posting with no title");
      stats->skipped++;
      return FALSE;
    }
  record->raw_hash = hash_raw_record (record);
  id = record_external_id (record);
  if (known == NULL || id == NULL)
    return TRUE;
  record->posted = parse_date_value (record, FIELD_DATE);
  record->has_posted = TRUE;
  if (known (id, record->raw_hash, record->posted, user_data))
    {
      stats->unchanged++;
      return FALSE;
    }
  return TRUE;
}

gboolean
jk_feed_record_finish (JkFeedRecord *record,
                       JkKnownFunc   known,
                       JkJobFunc     func,
                       gpointer      user_data,
                       JkFeedStats  *stats,
                       GError      **error)
{
  g_autoptr (JkFeedRecord) owned = record;
  g_autoptr (JkJob) job = NULL;

  if (!jk_feed_record_claim (record, known, user_data, stats))
    return TRUE;

  job = jk_job_new ();
  job->title = clean_value (record, FIELD_TITLE);
  job->external_id = record_external_id (record);
  job->raw_hash = record->raw_hash;
  if (record->format == JK_FEED_FORMAT_RSS)
    fill_rss_job (record, job);
  else
    fill_job_xml_job (record, job);
  return jk_feed_emit_job (g_steal_pointer (&job), func, user_data, stats, error);
}

void
jk_feed_record_free (JkFeedRecord *record)
{
  if (record == NULL)
    return;
  if (record->text != NULL)
    g_string_free (record->text, TRUE);
  g_free (record);
}

gboolean
jk_feed_record_is_parsed (const JkFeedRecord *record)
{
  return record->text != NULL;
}

guint64
jk_feed_record_get_raw_hash (const JkFeedRecord *record)
{
  return record->raw_hash;
}

/* ---------------------------------------------------------------------- */
/* Inside the feed module                                                 */

/* Parses job-xml or RSS from fd (when data is NULL) or from data. Each job
 * is built and handed over as its end tag is parsed. */
gboolean
jk_feed_xml_parse (int               fd,
                   const char       *data,
                   gsize             length,
                   JkFeedFormat      format,
                   const JkFeedSink *sink,
                   GError          **error)
{
  XmlParse parse = {
    .known_bytes = sink->known_bytes,
    .record_func = sink->record_func,
    .func = sink->func,
    .user_data = sink->user_data,
    .stats = sink->stats,
    .fd = fd,
    .data = data,
    .length = length,
    .format = format,
    .fields = format == JK_FEED_FORMAT_RSS ? rss_fields : job_xml_fields,
    .record_name = format == JK_FEED_FORMAT_RSS ? "item" : "job",
    .root_name = format == JK_FEED_FORMAT_RSS ? "rss" : "source",
    .record_depth = -1,
    .author_depth = -1,
    .field = FIELD_NONE,
  };
  /* Only the document and its DTD's entity declarations are built by
   * libxml2 itself (so that a declared entity is not an error); entity
   * references are dropped, never expanded. */
  xmlSAXHandler sax = {
    .initialized = XML_SAX2_MAGIC,
    .startDocument = xmlSAX2StartDocument,
    .internalSubset = xmlSAX2InternalSubset,
    .entityDecl = xmlSAX2EntityDecl,
    .getEntity = xmlSAX2GetEntity,
    .startElementNs = start_element_cb,
    .endElementNs = end_element_cb,
    .characters = characters_cb,
    .ignorableWhitespace = characters_cb,
    .cdataBlock = cdata_cb,
    .serror = record_error_cb,
  };
  g_autofree char *buffer = g_malloc (READ_CHUNK);
  gboolean ok = FALSE;
  gboolean first_read = TRUE;
  gssize n;

  g_return_val_if_fail (format == JK_FEED_FORMAT_JOB_XML || format == JK_FEED_FORMAT_RSS, FALSE);

  /* libxml2 tells the encoding from the first bytes it is given. */
  parse.ctxt = xmlCreatePushParserCtxt (&sax, NULL, NULL, 0, NULL);
  if (parse.ctxt == NULL)
    {
      g_set_error_literal (error, JK_FEED_ERROR, JK_FEED_ERROR_MALFORMED, "The feed could not be read as XML");
      return FALSE;
    }
  parse.ctxt->_private = &parse;
  xmlCtxtUseOptions (parse.ctxt, PARSER_OPTIONS);
  parse.text = g_string_sized_new (1024);
  parse.markup = g_string_sized_new (1024);
  parse.segments = g_array_new (FALSE, FALSE, sizeof (TextSegment));
  parse.scan = jk_record_scan_new (parse.record_name, jk_hash_bytes (RAW_HASH_VERSION, &format, sizeof format));
  parse.pending = g_string_sized_new (2 * READ_CHUNK);
  parse.scanned = g_array_new (FALSE, FALSE, sizeof (ScannedRecord));

  while (!parse.stopped && parse.ctxt->wellFormed)
    {
      n = read_input (&parse, buffer, READ_CHUNK);
      if (n < 0)
        goto read_failed;
      if (first_read)
        parse.utf8 = is_utf8_feed (buffer, (gsize) n);
      first_read = FALSE;
      if (n == 0)
        {
          jk_record_scan_finish (parse.scan, scan_piece_cb, &parse);
          give_pending (&parse, TRUE);
          break;
        }
      jk_record_scan_feed (parse.scan, buffer, (gsize) n, scan_piece_cb, &parse);
    }
  /* The unparsed records after the last one libxml2 met. */
  if (!parse.stopped && parse.ctxt->wellFormed)
    catch_up (&parse, G_MAXSIZE);

  if (parse.error != NULL)
    g_propagate_error (error, g_steal_pointer (&parse.error));
  else if (!parse.ctxt->wellFormed && parse.root_matches)
    g_set_error (error, JK_FEED_ERROR, JK_FEED_ERROR_MALFORMED,
                 "The feed is broken or cut short at line %d, after %u postings", parse.error_line,
                 parse.records_seen);
  else if (!parse.ctxt->wellFormed)
    g_set_error (error, JK_FEED_ERROR, JK_FEED_ERROR_MALFORMED, "The feed is not well-formed XML (line %d)",
                 parse.error_line);
  else if (parse.records_seen == 0 && !parse.root_matches)
    g_set_error (error, JK_FEED_ERROR, JK_FEED_ERROR_NOT_A_FEED, "This XML document is not %s",
                 parse.format == JK_FEED_FORMAT_RSS ? "an RSS feed" : "a job feed");
  else
    ok = TRUE;
  goto out;

read_failed:
  g_set_error (error, JK_FEED_ERROR, JK_FEED_ERROR_MALFORMED, "Reading the feed failed: %s", g_strerror (errno));

out:
  if (parse.ctxt != NULL)
    {
      if (parse.ctxt->myDoc != NULL)
        xmlFreeDoc (parse.ctxt->myDoc);
      parse.ctxt->myDoc = NULL;
      xmlFreeParserCtxt (parse.ctxt);
    }
  jk_feed_record_free (parse.record);
  jk_record_scan_free (parse.scan);
  if (parse.pending != NULL)
    g_string_free (parse.pending, TRUE);
  g_clear_pointer (&parse.scanned, g_array_unref);
  if (parse.text != NULL)
    g_string_free (parse.text, TRUE);
  if (parse.markup != NULL)
    g_string_free (parse.markup, TRUE);
  g_clear_pointer (&parse.segments, g_array_unref);
  g_clear_error (&parse.error);
  return ok;
}
