/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-feed.c: job feeds: the error domain, format detection and dispatch to the XML and JSON parsers */

#define G_LOG_DOMAIN "jk-feed"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "jobkiosk/jk-feed.h"
#include "feeds/jk-feed-private.h"
#include "feeds/jk-normalize-private.h"

/* How much of a feed is looked at to guess its format. */
#define HEAD_SIZE (64 * 1024)
/* JSON feeds and HTML pages are parsed in memory (json-glib has no streaming
 * parser); anything bigger than this is refused as absurd. */
#define IN_MEMORY_MAX ((gsize) 512 * 1024 * 1024)
/* Longest URL or id kept: longer than a short field, never cut. */
#define URL_MAX 2048

typedef enum {
  KIND_EMPTY,   /* nothing, or only whitespace */
  KIND_XML,     /* an XML document; root_name says which */
  KIND_HTML,    /* an HTML page */
  KIND_JSON,    /* starts like JSON */
  KIND_OTHER,   /* binary, gzip, plain text… */
} Kind;

static const char *const format_names[] = {
  [JK_FEED_FORMAT_AUTO] = "auto",
  [JK_FEED_FORMAT_JOB_XML] = "job-xml",
  [JK_FEED_FORMAT_JSONLD] = "jsonld",
  [JK_FEED_FORMAT_RSS] = "rss",
  [JK_FEED_FORMAT_USAJOBS] = "usajobs",
};

G_DEFINE_QUARK (jk-feed-error-quark, jk_feed_error)

/* ---------------------------------------------------------------------- */
/* Sniffing the first bytes                                               */

static gboolean
has_prefix_ci (const char *p,
               const char *end,
               const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && g_ascii_strncasecmp (p, prefix, n) == 0;
}

static gboolean
contains_ci (const char *p,
             const char *end,
             const char *needle)
{
  gsize n = strlen (needle);

  for (; (gsize) (end - p) >= n; p++)
    if (g_ascii_strncasecmp (p, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

/* Past "<!--…-->", "<?…?>" or "<!…>" (with an internal subset in brackets);
 * NULL when the construct does not end inside the head. */
static const char *
skip_markup_decl (const char *p,
                  const char *end)
{
  if (has_prefix_ci (p, end, "<!--"))
    {
      for (p += 4; end - p >= 3; p++)
        if (memcmp (p, "-->", 3) == 0)
          return p + 3;
      return NULL;
    }
  if (has_prefix_ci (p, end, "<?"))
    {
      for (p += 2; end - p >= 2; p++)
        if (memcmp (p, "?>", 2) == 0)
          return p + 2;
      return NULL;
    }
  /* "<!DOCTYPE …>" */
  {
    int brackets = 0;

    for (p += 2; p < end; p++)
      {
        if (*p == '[')
          brackets++;
        else if (*p == ']' && brackets > 0)
          brackets--;
        else if (*p == '>' && brackets == 0)
          return p + 1;
      }
  }
  return NULL;
}

static gboolean
is_html_element (const char *name)
{
  static const char *const names[] = { "html", "head", "body", "meta", "title", "link", "script", "div", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* What kind of document the head is, and for XML its root element's name. */
static Kind
sniff_kind (const char *head,
            gsize       length,
            char      **out_root)
{
  const char *p = head, *end = head + length;

  *out_root = NULL;
  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  p = skip_space (p, end);
  if (p == end)
    return KIND_EMPTY;
  if (*p == '{' || *p == '[')
    return KIND_JSON;
  if (*p != '<')
    return KIND_OTHER;

  while (p < end && *p == '<')
    {
      if (has_prefix_ci (p, end, "<!doctype"))
        {
          const char *q = skip_space (p + 9, end);
          if (has_prefix_ci (q, end, "html"))
            return KIND_HTML;
        }
      if (has_prefix_ci (p, end, "<!") || has_prefix_ci (p, end, "<?"))
        {
          p = skip_markup_decl (p, end);
          /* Cut short before the root: XML, but which is unknown. */
          if (p == NULL)
            return KIND_XML;
          p = skip_space (p, end);
          continue;
        }
      /* The root element's name, up to a space, '>' or '/'. */
      {
        const char *name = ++p;
        g_autofree char *root = NULL;

        while (p < end && !g_ascii_isspace (*p) && *p != '>' && *p != '/')
          p++;
        if (p == name)
          return KIND_XML;
        root = g_strndup (name, p - name);
        if (is_html_element (root))
          return KIND_HTML;
        *out_root = g_steal_pointer (&root);
        return KIND_XML;
      }
    }
  /* Only declarations and comments in the head. */
  return KIND_XML;
}

/* The same, decoding a UTF-16 head first (libxml2 reads UTF-16 XML itself). */
static Kind
sniff (const char *head,
       gsize       length,
       char      **out_root)
{
  if (length >= 2 && ((guchar) head[0] == 0xFF && (guchar) head[1] == 0xFE))
    {
      g_autofree char *utf8 = g_convert (head + 2, (length - 2) & ~(gsize) 1, "UTF-8", "UTF-16LE", NULL, NULL, NULL);
      Kind kind = utf8 != NULL ? sniff_kind (utf8, strlen (utf8), out_root) : KIND_OTHER;
      return kind == KIND_XML ? KIND_XML : KIND_OTHER;
    }
  if (length >= 2 && ((guchar) head[0] == 0xFE && (guchar) head[1] == 0xFF))
    {
      g_autofree char *utf8 = g_convert (head + 2, (length - 2) & ~(gsize) 1, "UTF-8", "UTF-16BE", NULL, NULL, NULL);
      Kind kind = utf8 != NULL ? sniff_kind (utf8, strlen (utf8), out_root) : KIND_OTHER;
      return kind == KIND_XML ? KIND_XML : KIND_OTHER;
    }
  return sniff_kind (head, length, out_root);
}

static JkFeedFormat
detect (Kind        kind,
        const char *root,
        const char *head,
        gsize       length)
{
  const char *end = head + length;

  switch (kind)
    {
    case KIND_XML:
      if (root == NULL)
        return JK_FEED_FORMAT_AUTO;
      if (g_ascii_strcasecmp (root, "source") == 0)
        return JK_FEED_FORMAT_JOB_XML;
      if (g_ascii_strcasecmp (root, "rss") == 0)
        return JK_FEED_FORMAT_RSS;
      return JK_FEED_FORMAT_AUTO;
    case KIND_JSON:
      if (contains_ci (head, end, "\"SearchResult\""))
        return JK_FEED_FORMAT_USAJOBS;
      if (contains_ci (head, end, "JobPosting") || contains_ci (head, end, "schema.org"))
        return JK_FEED_FORMAT_JSONLD;
      return JK_FEED_FORMAT_AUTO;
    case KIND_HTML:
      if (contains_ci (head, end, "application/ld+json"))
        return JK_FEED_FORMAT_JSONLD;
      return JK_FEED_FORMAT_AUTO;
    case KIND_EMPTY:
    case KIND_OTHER:
    default:
      return JK_FEED_FORMAT_AUTO;
    }
}

/* ---------------------------------------------------------------------- */
/* Dispatch                                                               */

static gboolean
set_not_a_feed (GError **error)
{
  g_set_error_literal (error, JK_FEED_ERROR, JK_FEED_ERROR_NOT_A_FEED, "This is not a job feed");
  return FALSE;
}

static gboolean
set_empty (GError **error)
{
  g_set_error_literal (error, JK_FEED_ERROR, JK_FEED_ERROR_MALFORMED, "The feed is empty");
  return FALSE;
}

static gboolean
check_in_memory_size (gsize    length,
                      GError **error)
{
  if (length <= IN_MEMORY_MAX)
    return TRUE;
  g_set_error (error, JK_FEED_ERROR, JK_FEED_ERROR_TOO_LARGE,
               "The feed is too large (%" G_GSIZE_FORMAT " MB; at most %" G_GSIZE_FORMAT " MB for this format)",
               length / (1024 * 1024), IN_MEMORY_MAX / (1024 * 1024));
  return FALSE;
}

/* Which parser a feed of this kind goes to. Returns FALSE with the error
 * when no parser fits. out_xml says whether it is the streaming XML one. */
static gboolean
choose_format (JkFeedFormat  format,
               const char   *head,
               gsize         head_length,
               JkFeedFormat *out_format,
               gboolean     *out_html,
               GError      **error)
{
  g_autofree char *root = NULL;
  Kind kind = sniff (head, head_length, &root);

  *out_html = kind == KIND_HTML;
  if (kind == KIND_EMPTY)
    return set_empty (error);
  if (kind == KIND_OTHER)
    return set_not_a_feed (error);

  if (format == JK_FEED_FORMAT_AUTO)
    {
      format = detect (kind, root, head, head_length);
      /* Undecided from the head: JSON and HTML may still hold postings
       * further in; the JSON-LD parser says so if they do not. */
      if (format == JK_FEED_FORMAT_AUTO && (kind == KIND_JSON || kind == KIND_HTML))
        format = JK_FEED_FORMAT_JSONLD;
      if (format == JK_FEED_FORMAT_AUTO)
        return set_not_a_feed (error);
      g_debug ("detected feed format %s", format_names[format]);
    }

  switch (format)
    {
    case JK_FEED_FORMAT_JOB_XML:
    case JK_FEED_FORMAT_RSS:
      if (kind != KIND_XML)
        return set_not_a_feed (error);
      break;
    case JK_FEED_FORMAT_USAJOBS:
      if (kind != KIND_JSON)
        return set_not_a_feed (error);
      break;
    case JK_FEED_FORMAT_JSONLD:
      if (kind != KIND_JSON && kind != KIND_HTML)
        return set_not_a_feed (error);
      break;
    case JK_FEED_FORMAT_AUTO:
    default:
      return set_not_a_feed (error);
    }
  *out_format = format;
  return TRUE;
}

static gboolean
parse_in_memory (const char       *data,
                 gsize             length,
                 JkFeedFormat      format,
                 gboolean          html,
                 const JkFeedSink *sink,
                 GError          **error)
{
  switch (format)
    {
    case JK_FEED_FORMAT_JOB_XML:
    case JK_FEED_FORMAT_RSS:
      return jk_feed_xml_parse (-1, data, length, format, sink, error);
    case JK_FEED_FORMAT_JSONLD:
    case JK_FEED_FORMAT_USAJOBS:
      if (!check_in_memory_size (length, error))
        return FALSE;
      if (html)
        return jk_feed_html_parse (data, length, sink, error);
      return jk_feed_json_parse (data, length, format, sink, error);
    case JK_FEED_FORMAT_AUTO:
    default:
      return set_not_a_feed (error);
    }
}

static gboolean
read_head (int      fd,
           char    *buffer,
           gsize    size,
           gsize   *out_length,
           GError **error)
{
  gsize got = 0;

  while (got < size)
    {
      gssize n = pread (fd, buffer + got, size - got, (off_t) got);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "Could not read the feed: %s",
                       g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        break;
      got += (gsize) n;
    }
  *out_length = got;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Inside the feed module                                                 */

/* A place that is no place: "Remote", "Work from home", "Anywhere in the
 * U.S. (remote job)". Whole words, so "Remoteville" is a town. */
static gboolean
names_remote_work (const char *text)
{
  static const char *const phrases[] = {
    "remote", "remotely", "telecommute", "telework only", "work from home", "work at home", "wfh", "anywhere",
    "remoto", "teletrabajo", "desde casa",
  };
  g_autofree char *lower = NULL;

  if (text == NULL)
    return FALSE;
  lower = g_utf8_strdown (text, -1);
  for (gsize i = 0; i < G_N_ELEMENTS (phrases); i++)
    for (const char *at = strstr (lower, phrases[i]); at != NULL; at = strstr (at + 1, phrases[i]))
      {
        const char *end = at + strlen (phrases[i]);

        if ((at == lower || !g_ascii_isalnum (at[-1])) && !g_ascii_isalnum (*end))
          return TRUE;
      }
  return FALSE;
}

gboolean
jk_feed_emit_job (JkJob       *job,
                  JkJobFunc    func,
                  gpointer     user_data,
                  JkFeedStats *stats,
                  GError     **error)
{
  g_autoptr (GError) local_error = NULL;

  stats->jobs++;
  /* Every format names remote work in its place's words too. */
  if (names_remote_work (job->city))
    {
      job->remote = TRUE;
      g_clear_pointer (&job->city, g_free);
    }
  if (names_remote_work (job->state))
    {
      job->remote = TRUE;
      g_clear_pointer (&job->state, g_free);
    }
  if (func == NULL)
    {
      jk_job_free (job);
      return TRUE;
    }
  if (func (job, user_data, &local_error))
    return TRUE;
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error_literal (error, JK_FEED_ERROR, JK_FEED_ERROR_ABORTED, "Stopped before the end of the feed");
  return FALSE;
}

/* "35-2014" from "35-2014", "35-2014.00 Cooks" or "Food (35-2014)": two
 * digits of a SOC major group (odd, 11 to 55), a hyphen, four digits. */
char *
jk_feed_describe (const char *html)
{
  g_autofree char *text = NULL;

  if (html == NULL)
    return NULL;
  text = jk_html_to_text (html, JK_DESCRIPTION_MAX);
  if (text == NULL || *text == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

char *
jk_feed_find_soc_code (const char *text)
{
  if (text == NULL)
    return NULL;
  for (const char *p = text; *p != '\0'; p++)
    {
      int major;

      if (p > text && g_ascii_isdigit (p[-1]))
        continue;
      if (!(g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && p[2] == '-' && g_ascii_isdigit (p[3])
            && g_ascii_isdigit (p[4]) && g_ascii_isdigit (p[5]) && g_ascii_isdigit (p[6])))
        continue;
      if (g_ascii_isdigit (p[7]))
        continue;
      major = (p[0] - '0') * 10 + (p[1] - '0');
      if (major >= 11 && major <= 55 && major % 2 == 1)
        return g_strndup (p, 7);
    }
  return NULL;
}

void
jk_feed_set_publisher (JkFeedStats *stats,
                       const char  *name)
{
  if (name == NULL || stats->publisher != NULL)
    return;
  stats->publisher = g_strdup (name);
}

/* Adds the kiosk's words for "Full-time, Temporary" (or one value of a JSON
 * array) to a comma-separated list, each once. */
void
jk_feed_add_employment_type (GString    *types,
                             const char *text)
{
  g_auto (GStrv) parts = NULL;

  if (text == NULL)
    return;
  parts = g_strsplit_set (text, ",;/|", 16);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *cleaned = jk_clean_field (parts[i], JK_FIELD_MAX);
      const char *word = cleaned != NULL ? jk_normalize_employment_type (cleaned) : NULL;
      g_auto (GStrv) have = NULL;

      if (word == NULL)
        continue;
      have = g_strsplit (types->str, ",", -1);
      if (g_strv_contains ((const char *const *) have, word))
        continue;
      if (types->len > 0)
        g_string_append_c (types, ',');
      g_string_append (types, word);
    }
}

/* A URL or id as a field, never cut: NULL when empty or absurdly long, and
 * with web_only, NULL unless it is an http(s) address (no "javascript:"). */
char *
jk_feed_clean_url (const char *text,
                   gboolean    web_only)
{
  g_autofree char *cleaned = NULL;

  if (text == NULL || strlen (text) > URL_MAX * 4)
    return NULL;
  cleaned = jk_clean_field (text, URL_MAX + 1);
  if (cleaned == NULL || strlen (cleaned) > URL_MAX)
    return NULL;
  if (web_only && !(g_ascii_strncasecmp (cleaned, "http://", 7) == 0 || g_ascii_strncasecmp (cleaned, "https://", 8) == 0))
    return NULL;
  return g_steal_pointer (&cleaned);
}

/* libxml2 wants its global state set up once, before threads use it. */
static void
ensure_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

JkFeedFormat
jk_feed_detect_format (const char *head,
                       gsize       length)
{
  g_autofree char *root = NULL;
  Kind kind;

  if (head == NULL)
    return JK_FEED_FORMAT_AUTO;
  kind = sniff (head, length, &root);
  return detect (kind, root, head, length);
}

const char *
jk_feed_format_to_string (JkFeedFormat format)
{
  if ((guint) format < G_N_ELEMENTS (format_names))
    return format_names[format];
  return "auto";
}

gboolean
jk_feed_format_from_string (const char   *text,
                            JkFeedFormat *out_format)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (text, format_names[i]) == 0)
      {
        if (out_format != NULL)
          *out_format = (JkFeedFormat) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
jk_feed_parse_data_full (const char       *data,
                         gsize             length,
                         JkFeedFormat      format,
                         JkKnownBytesFunc  known_bytes,
                         JkRecordFunc      record_func,
                         JkJobFunc         func,
                         gpointer          user_data,
                         JkFeedStats      *stats,
                         GError          **error)
{
  JkFeedStats local_stats = { 0 };
  JkFeedSink sink = { known_bytes, record_func, func, user_data, stats != NULL ? stats : &local_stats };
  JkFeedFormat chosen = JK_FEED_FORMAT_AUTO;
  gboolean html = FALSE, ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ensure_libxml ();
  if (data == NULL)
    data = "";
  if (!choose_format (format, data, MIN (length, HEAD_SIZE), &chosen, &html, error))
    return FALSE;
  ok = parse_in_memory (data, length, chosen, html, &sink, error);
  jk_feed_stats_clear (&local_stats);
  return ok;
}

gboolean
jk_feed_parse_file_full (const char   *path,
                         JkFeedFormat  format,
                         JkKnownBytesFunc known_bytes,
                         JkRecordFunc  record_func,
                         JkJobFunc     func,
                         gpointer      user_data,
                         JkFeedStats  *stats,
                         GError      **error)
{
  JkFeedStats local_stats = { 0 };
  JkFeedSink sink = { known_bytes, record_func, func, user_data, stats != NULL ? stats : &local_stats };
  JkFeedFormat chosen = JK_FEED_FORMAT_AUTO;
  g_autofree char *head = NULL;
  gsize head_length = 0;
  gboolean html = FALSE, ok = FALSE;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ensure_libxml ();
  if (stats == NULL)
    stats = &local_stats;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "Could not open the feed %s: %s", path,
                   g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "The feed %s is not a regular file", path);
      goto out;
    }

  head = g_malloc (HEAD_SIZE);
  if (!read_head (fd, head, HEAD_SIZE, &head_length, error))
    goto out;
  if (!choose_format (format, head, head_length, &chosen, &html, error))
    goto out;

  if (chosen == JK_FEED_FORMAT_JOB_XML || chosen == JK_FEED_FORMAT_RSS)
    {
      /* Streamed from the descriptor: flat memory, and never gunzipped
       * behind our back the way libxml2 does with file names. */
      ok = jk_feed_xml_parse (fd, NULL, 0, chosen, &sink, error);
    }
  else
    {
      g_autoptr (GMappedFile) mapped = NULL;
      g_autoptr (GError) local_error = NULL;

      if (!check_in_memory_size ((gsize) st.st_size, error))
        goto out;
      mapped = g_mapped_file_new_from_fd (fd, FALSE, &local_error);
      if (mapped == NULL)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, "Could not read the feed %s: %s", path,
                       local_error->message);
          goto out;
        }
      if (g_mapped_file_get_contents (mapped) == NULL)
        {
          set_empty (error);
          goto out;
        }
      ok = parse_in_memory (g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped), chosen, html,
                            &sink, error);
    }

out:
  close (fd);
  jk_feed_stats_clear (&local_stats);
  return ok;
}

void
jk_feed_stats_clear (JkFeedStats *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->publisher, g_free);
  stats->jobs = 0;
  stats->skipped = 0;
  stats->unchanged = 0;
  stats->repaired = 0;
}
