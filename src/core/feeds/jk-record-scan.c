/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-record-scan.c: where the records of an XML feed begin and end, found without parsing them */

#define G_LOG_DOMAIN "jk-record-scan"

#include <string.h>

#include "base/jk-hash-private.h"
#include "feeds/jk-record-scan-private.h"

struct _JkRecordScan
{
  char *record_name;
  gsize record_name_length;
  gboolean splitting;

  /* Bytes not yet handed on: buffer[0, length). */
  char *buffer;
  gsize length;
  gsize capacity;
  gsize pos;       /* where the walk goes on */
  gsize held;      /* the bytes before it are handed on */
  gsize resume;    /* in a comment, CDATA or instruction cut short: where to look on for its end */

  gboolean in_record;
  gsize record_start;
  gsize start_tag_length;
  guint record_depth; /* elements open inside the record, itself included */

  /* One context hash per element open outside records, each chained from
   * the one before; contexts[0] is the seed (with the XML declaration). */
  GArray *contexts;
};

JkRecordScan *
jk_record_scan_new (const char *record_name,
                    guint64     seed)
{
  JkRecordScan *scan = g_new0 (JkRecordScan, 1);

  scan->record_name = g_strdup (record_name);
  scan->record_name_length = strlen (record_name);
  scan->splitting = TRUE;
  scan->contexts = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_array_append_val (scan->contexts, seed);
  return scan;
}

void
jk_record_scan_free (JkRecordScan *scan)
{
  if (scan == NULL)
    return;
  g_free (scan->record_name);
  g_free (scan->buffer);
  g_array_unref (scan->contexts);
  g_free (scan);
}

gboolean
jk_record_scan_is_splitting (const JkRecordScan *scan)
{
  return scan->splitting;
}

static guint64
current_context (const JkRecordScan *scan)
{
  return g_array_index (scan->contexts, guint64, scan->contexts->len - 1);
}

static void
pass (const char       *data,
      gsize             length,
      JkRecordScanFunc  func,
      gpointer          user_data)
{
  JkRecordScanPiece piece = { .data = data, .length = length };

  if (length > 0)
    func (&piece, user_data);
}

/* Hands on the held bytes before offset. */
static void
pass_held (JkRecordScan     *scan,
           gsize             offset,
           JkRecordScanFunc  func,
           gpointer          user_data)
{
  /* Nothing held may mean no buffer yet: no pointer arithmetic on NULL. */
  if (offset > scan->held)
    pass (scan->buffer + scan->held, offset - scan->held, func, user_data);
  scan->held = offset;
}

static void
give_up (JkRecordScan     *scan,
         JkRecordScanFunc  func,
         gpointer          user_data)
{
  pass_held (scan, scan->length, func, user_data);
  scan->splitting = FALSE;
  scan->in_record = FALSE;
  scan->pos = scan->length;
}

/* The end of a comment, CDATA section or processing instruction: the
 * offset just after terminator, or 0 when it has not arrived yet. */
static gsize
find_terminator (JkRecordScan *scan,
                 gsize         from,
                 const char   *terminator)
{
  gsize terminator_length = strlen (terminator);
  gsize start = MAX (from, scan->resume);
  const char *hit = NULL;

  /* memchr for the first character, then a compare: much faster than
   * memmem here, where that character is rare. */
  while (start < scan->length && hit == NULL)
    {
      const char *first = memchr (scan->buffer + start, terminator[0], scan->length - start);

      if (first == NULL)
        break;
      if ((gsize) (scan->buffer + scan->length - first) < terminator_length)
        {
          /* Too few bytes left to tell: hit stays NULL. */
          start = scan->length;
          break;
        }
      if (memcmp (first, terminator, terminator_length) == 0)
        hit = first;
      start = (gsize) (first - scan->buffer) + 1;
    }
  if (hit == NULL)
    {
      /* Next time, only the new bytes and the few before them. */
      if (scan->length >= from + terminator_length)
        scan->resume = scan->length - (terminator_length - 1);
      return 0;
    }
  scan->resume = 0;
  return (gsize) (hit - scan->buffer) + terminator_length;
}

/* The offset just after a tag's '>', past any '>' in quoted attribute
 * values; 0 when the tag has not all arrived. */
static gsize
find_tag_end (const JkRecordScan *scan,
              gsize               from)
{
  const char *p = scan->buffer + from;
  const char *end = scan->buffer + scan->length;

  while (p < end)
    {
      if (*p == '>')
        return (gsize) (p - scan->buffer) + 1;
      if (*p == '"' || *p == '\'')
        {
          const char *quote = memchr (p + 1, *p, (gsize) (end - p - 1));

          if (quote == NULL)
            return 0;
          p = quote;
        }
      p++;
    }
  return 0;
}

/* Whether the start tag at offset names a record: any case, no prefix. */
static gboolean
names_record (const JkRecordScan *scan,
              gsize               offset,
              gsize               tag_end)
{
  const char *name = scan->buffer + offset + 1;
  gsize room = tag_end - offset - 1;
  char after;

  if (room <= scan->record_name_length || g_ascii_strncasecmp (name, scan->record_name, scan->record_name_length) != 0)
    return FALSE;
  after = name[scan->record_name_length];
  return after == ' ' || after == '\t' || after == '\r' || after == '\n' || after == '/' || after == '>';
}

static void
end_record (JkRecordScan     *scan,
            JkRecordScanFunc  func,
            gpointer          user_data)
{
  JkRecordScanPiece piece = {
    .data = scan->buffer + scan->record_start,
    .length = scan->pos - scan->record_start,
    .record = TRUE,
    .context = current_context (scan),
    .start_tag_length = scan->start_tag_length,
    .depth = scan->contexts->len - 1,
  };

  func (&piece, user_data);
  scan->held = scan->pos;
  scan->in_record = FALSE;
}

static gboolean
has_prefix_at (const JkRecordScan *scan,
               gsize               offset,
               const char         *prefix)
{
  gsize length = strlen (prefix);

  return scan->length - offset >= length && memcmp (scan->buffer + offset, prefix, length) == 0;
}

/* Whether the bytes at offset could still become prefix. */
static gboolean
may_become (const JkRecordScan *scan,
            gsize               offset,
            const char         *prefix)
{
  gsize have = MIN (scan->length - offset, strlen (prefix));

  return memcmp (scan->buffer + offset, prefix, have) == 0;
}

/* Walks tag to tag until the bytes run out, in the middle of a tag or
 * not; scan->pos is then where the next walk starts. */
static void
walk (JkRecordScan     *scan,
      JkRecordScanFunc  func,
      gpointer          user_data)
{
  while (scan->splitting)
    {
      const char *lt = memchr (scan->buffer + scan->pos, '<', scan->length - scan->pos);
      gsize at, end = 0;
      char kind;

      if (lt == NULL)
        {
          scan->pos = scan->length;
          return;
        }
      at = scan->pos = (gsize) (lt - scan->buffer);
      if (scan->length - at < 2)
        return;
      kind = scan->buffer[at + 1];

      if (kind == '!')
        {
          if (has_prefix_at (scan, at, "<!--"))
            end = find_terminator (scan, at + 4, "-->");
          else if (has_prefix_at (scan, at, "<![CDATA["))
            end = find_terminator (scan, at + 9, "]]>");
          else if (may_become (scan, at, "<!--") || may_become (scan, at, "<![CDATA["))
            return;
          else
            {
              /* A DTD may declare entities: beyond a quick walk. */
              give_up (scan, func, user_data);
              return;
            }
        }
      else if (kind == '?')
        {
          end = find_terminator (scan, at + 2, "?>");
          /* The XML declaration (its encoding) shapes every record. */
          if (end != 0 && scan->contexts->len == 1 && !scan->in_record)
            {
              guint64 *seed = &g_array_index (scan->contexts, guint64, 0);
              *seed = jk_hash_bytes (*seed, scan->buffer + at, end - at);
            }
        }
      else if (kind == '/')
        {
          const char *gt = memchr (scan->buffer + at + 2, '>', scan->length - at - 2);

          if (gt != NULL)
            {
              end = (gsize) (gt - scan->buffer) + 1;
              if (scan->in_record)
                scan->record_depth--;
              else if (scan->contexts->len > 1)
                g_array_set_size (scan->contexts, scan->contexts->len - 1);
            }
        }
      else
        {
          end = find_tag_end (scan, at + 1);
          if (end != 0)
            {
              gboolean empty = scan->buffer[end - 2] == '/';

              if (scan->in_record)
                scan->record_depth += empty ? 0 : 1;
              else if (names_record (scan, at, end))
                {
                  pass_held (scan, at, func, user_data);
                  scan->in_record = TRUE;
                  scan->record_start = at;
                  scan->start_tag_length = end - at;
                  scan->record_depth = empty ? 0 : 1;
                }
              else if (!empty)
                {
                  guint64 context = jk_hash_bytes (current_context (scan), scan->buffer + at, end - at);
                  g_array_append_val (scan->contexts, context);
                }
            }
        }

      if (end == 0)
        return;
      scan->pos = end;
      if (scan->in_record && scan->record_depth == 0)
        {
          /* The same limit however the reads cut the feed. */
          if (scan->pos - scan->record_start > JK_RECORD_SCAN_MAX)
            {
              give_up (scan, func, user_data);
              return;
            }
          end_record (scan, func, user_data);
        }
    }
}

static void
take_bytes (JkRecordScan *scan,
            const char   *data,
            gsize         length)
{
  /* What was handed on leaves the buffer first. */
  if (scan->held > 0)
    {
      memmove (scan->buffer, scan->buffer + scan->held, scan->length - scan->held);
      scan->length -= scan->held;
      scan->pos -= scan->held;
      scan->record_start -= MIN (scan->record_start, scan->held);
      scan->resume -= MIN (scan->resume, scan->held);
      scan->held = 0;
    }
  if (scan->length + length > scan->capacity)
    {
      scan->capacity = MAX (scan->capacity * 2, scan->length + length);
      scan->buffer = g_realloc (scan->buffer, scan->capacity);
    }
  memcpy (scan->buffer + scan->length, data, length);
  scan->length += length;
}

void
jk_record_scan_feed (JkRecordScan     *scan,
                     const char       *data,
                     gsize             length,
                     JkRecordScanFunc  func,
                     gpointer          user_data)
{
  if (!scan->splitting)
    {
      pass (data, length, func, user_data);
      return;
    }
  take_bytes (scan, data, length);
  walk (scan, func, user_data);
  if (!scan->splitting)
    return;
  if (!scan->in_record)
    pass_held (scan, scan->pos, func, user_data);
  /* A record (or a tag, a comment) that never ends is not held forever. */
  if (scan->length - scan->held > JK_RECORD_SCAN_MAX)
    give_up (scan, func, user_data);
}

void
jk_record_scan_finish (JkRecordScan     *scan,
                       JkRecordScanFunc  func,
                       gpointer          user_data)
{
  if (scan->splitting)
    pass_held (scan, scan->length, func, user_data);
  scan->in_record = FALSE;
  scan->pos = scan->length;
}
