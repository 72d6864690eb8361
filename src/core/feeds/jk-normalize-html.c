/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-normalize-html.c: HTML (or escaped HTML, or plain text) to clean plain-text descriptions */

#define G_LOG_DOMAIN "jk-normalize"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <string.h>

#include "feeds/jk-normalize-private.h"
#include "feeds/jk-normalize-chars-private.h"

/* Appended to a description that had to be cut. The note counts WITHIN the
 * limit: jk_html_to_text never returns more than max_bytes bytes. When
 * max_bytes is too small to hold the note and some text, the text is cut
 * without it. */
#define SHORTENED_NOTE "\n\n[This posting was shortened. See the full posting at the apply link.]"

/* Decoding entities, or parsing text that turned out to be escaped HTML,
 * happens at most this many times: enough for double escaping, and bounded
 * so hostile input cannot make us loop. */
#define DECODE_ROUNDS 2

/* What the HTML parser reads at most: a description is cut to max_bytes
 * anyway, and this keeps a 50 MB "description" from costing 50 MB of tree. */
#define INPUT_FACTOR 64
#define INPUT_FLOOR (1024 * 1024)

#define MAX_LIST_LEVELS 16

/* Collects plain text, holding back whitespace until it knows what comes
 * next, so the result never has leading, trailing or doubled blank space. */
typedef struct {
  GString *out;
  guint pending_break; /* 0, 1 = "\n", 2 = "\n\n" */
  gboolean pending_space;
  gboolean has_marker;
  char marker[24]; /* "• " or "3. ", written before the item's first text */
  gsize limit;     /* stop collecting past this many bytes; 0 = no limit */
  gboolean full;
} TextBuilder;

typedef struct {
  gboolean ordered;
  gint64 counter;
} ListLevel;

typedef struct {
  TextBuilder *b;
  ListLevel lists[MAX_LIST_LEVELS];
  guint list_depth; /* may exceed MAX_LIST_LEVELS; deeper levels count as unordered */
  guint item_depth;
  guint pre_depth;
  guint rounds_left;
} TreeWalk;

static void render_html (TextBuilder *b,
                         const char  *html,
                         guint        rounds_left,
                         guint        item_depth);

/* ---------------------------------------------------------------------- */
/* Tables                                                                 */

typedef enum {
  ELEM_INLINE,
  ELEM_SKIP,
  ELEM_BLOCK,
  ELEM_LINE,
  ELEM_LIST,
  ELEM_ORDERED_LIST,
  ELEM_ITEM,
  ELEM_BREAK,
  ELEM_CELL,
  ELEM_PRE,
} ElementKind;

typedef struct {
  const char *name;
  ElementKind kind;
} ElementSpec;

static const ElementSpec element_specs[] = {
  { "script", ELEM_SKIP },     { "style", ELEM_SKIP },        { "head", ELEM_SKIP },
  { "title", ELEM_SKIP },      { "noscript", ELEM_SKIP },     { "iframe", ELEM_SKIP },
  { "template", ELEM_SKIP },   { "object", ELEM_SKIP },       { "embed", ELEM_SKIP },
  { "svg", ELEM_SKIP },        { "math", ELEM_SKIP },         { "select", ELEM_SKIP },
  { "button", ELEM_SKIP },     { "meta", ELEM_SKIP },         { "link", ELEM_SKIP },
  { "p", ELEM_BLOCK },         { "div", ELEM_BLOCK },         { "h1", ELEM_BLOCK },
  { "h2", ELEM_BLOCK },        { "h3", ELEM_BLOCK },          { "h4", ELEM_BLOCK },
  { "h5", ELEM_BLOCK },        { "h6", ELEM_BLOCK },          { "section", ELEM_BLOCK },
  { "article", ELEM_BLOCK },   { "header", ELEM_BLOCK },      { "footer", ELEM_BLOCK },
  { "nav", ELEM_BLOCK },       { "aside", ELEM_BLOCK },       { "main", ELEM_BLOCK },
  { "blockquote", ELEM_BLOCK },{ "table", ELEM_BLOCK },       { "tr", ELEM_BLOCK },
  { "caption", ELEM_BLOCK },   { "dl", ELEM_BLOCK },          { "address", ELEM_BLOCK },
  { "figure", ELEM_BLOCK },    { "figcaption", ELEM_BLOCK },  { "hr", ELEM_BLOCK },
  { "center", ELEM_BLOCK },    { "form", ELEM_BLOCK },        { "fieldset", ELEM_BLOCK },
  { "legend", ELEM_BLOCK },    { "details", ELEM_BLOCK },     { "summary", ELEM_BLOCK },
  { "body", ELEM_BLOCK },      { "html", ELEM_BLOCK },        { "thead", ELEM_BLOCK },
  { "tbody", ELEM_BLOCK },     { "tfoot", ELEM_BLOCK },       { "dt", ELEM_LINE },
  { "dd", ELEM_LINE },         { "ul", ELEM_LIST },           { "menu", ELEM_LIST },
  { "dir", ELEM_LIST },        { "ol", ELEM_ORDERED_LIST },   { "li", ELEM_ITEM },
  { "br", ELEM_BREAK },        { "td", ELEM_CELL },           { "th", ELEM_CELL },
  { "pre", ELEM_PRE },
};

/* Tags that make a string "look like HTML" besides the ones above; a '<'
 * before anything else ("<$20", "<Enter>") is plain text. */
static const char *const inline_tags[] = {
  "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em", "font",
  "i", "img", "ins", "kbd", "label", "mark", "nobr", "o:p", "q", "s", "samp", "small", "span",
  "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "input", "textarea",
  "col", "colgroup", "area", "map", "source", "picture", "video", "audio", "canvas",
};

/* ---------------------------------------------------------------------- */
/* HTML to text: the output builder                                       */

static void
add_break (TextBuilder *b,
           guint        kind)
{
  if (b->out->len == 0 || b->has_marker)
    return;
  b->pending_break = MAX (b->pending_break, kind);
  b->pending_space = FALSE;
}

/* <br>: one line break, a second in a row makes a blank line. */
static void
add_line_break (TextBuilder *b)
{
  if (b->out->len == 0 || b->has_marker)
    return;
  b->pending_break = MIN (b->pending_break + 1, 2);
  b->pending_space = FALSE;
}

static void
add_space (TextBuilder *b)
{
  if (b->out->len == 0 || b->pending_break > 0 || b->has_marker)
    return;
  b->pending_space = TRUE;
}

static void
set_marker (TextBuilder *b,
            const char  *marker)
{
  g_strlcpy (b->marker, marker, sizeof b->marker);
  b->has_marker = TRUE;
  b->pending_space = FALSE;
}

static void
add_char (TextBuilder *b,
          gunichar     c)
{
  if (b->full)
    return;
  if (b->pending_break > 0)
    g_string_append (b->out, b->pending_break > 1 ? "\n\n" : "\n");
  else if (b->pending_space)
    g_string_append_c (b->out, ' ');
  b->pending_break = 0;
  b->pending_space = FALSE;
  if (b->has_marker)
    {
      g_string_append (b->out, b->marker);
      b->has_marker = FALSE;
    }
  if (c < 0x80)
    g_string_append_c (b->out, (char) c);
  else
    g_string_append_unichar (b->out, c);
  if (b->limit > 0 && b->out->len > b->limit)
    b->full = TRUE;
}

/* Text inside HTML: every run of whitespace is one space, except in <pre>
 * where line ends stay line ends. */
static void
add_html_text (TextBuilder *b,
               const char  *text,
               gboolean     preformatted)
{
  const char *p = text;

  while (*p != '\0' && !b->full)
    {
      gunichar c = jk_read_char (&p);

      switch (jk_classify_char (c))
        {
        case JK_CHAR_NEWLINE:
          if (preformatted)
            add_break (b, 1);
          else
            add_space (b);
          break;
        case JK_CHAR_SPACE:
          add_space (b);
          break;
        case JK_CHAR_CONTROL:
        case JK_CHAR_INVISIBLE:
          break;
        case JK_CHAR_TEXT:
        default:
          add_char (b, c);
          break;
        }
    }
}

static gboolean
is_plain_bullet (gunichar c)
{
  return c == '*' || c == '-' || c == 0x2022 || c == 0x00B7 || c == 0x25AA || c == 0x2023 || c == 0x25E6;
}

/* Text that was never HTML: its line ends mean something. One line end
 * stays a line end, a blank line is a paragraph; "* " and "- " at the start
 * of a line become the kiosk's bullet. */
static void
add_plain_text (TextBuilder *b,
                const char  *text)
{
  const char *p = text;
  guint newlines = 0;
  gboolean line_start = TRUE;

  while (*p != '\0' && !b->full)
    {
      gunichar c = jk_read_char (&p);

      if (c == '\r' && *p == '\n')
        continue;
      switch (jk_classify_char (c))
        {
        case JK_CHAR_NEWLINE:
          newlines++;
          line_start = TRUE;
          break;
        case JK_CHAR_SPACE:
          if (!line_start)
            add_space (b);
          break;
        case JK_CHAR_CONTROL:
        case JK_CHAR_INVISIBLE:
          break;
        case JK_CHAR_TEXT:
        default:
          if (newlines > 0)
            add_break (b, newlines > 1 ? 2 : 1);
          newlines = 0;
          if (line_start && is_plain_bullet (c) && (*p == ' ' || *p == '\t'))
            {
              add_break (b, 1);
              set_marker (b, "• ");
              line_start = FALSE;
              break;
            }
          line_start = FALSE;
          add_char (b, c);
          break;
        }
    }
}

/* ---------------------------------------------------------------------- */
/* HTML to text: entities, detection, the tree walk                       */

/* Reads the entity at p (which is at '&'), if it is one we know. */
static gboolean
read_entity (const char *p,
             gunichar   *out_char,
             gsize      *out_len)
{
  char name[40];
  gsize n = 0;

  p++;
  while (n < sizeof name - 1 && (g_ascii_isalnum (p[n]) || (n == 0 && p[n] == '#')))
    {
      name[n] = p[n];
      n++;
    }
  if (n == 0 || p[n] != ';')
    return FALSE;
  name[n] = '\0';
  *out_len = n + 2;
  if (name[0] == '#')
    {
      gboolean hex = (name[1] == 'x' || name[1] == 'X');
      const char *digits = name + (hex ? 2 : 1);
      char *end = NULL;
      guint64 value;

      if (*digits == '\0' || strlen (digits) > 8)
        return FALSE;
      value = g_ascii_strtoull (digits, &end, hex ? 16 : 10);
      if (end == NULL || *end != '\0')
        return FALSE;
      /* A reference to nothing valid is still a character: the mark that says so. */
      *out_char = (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
                    ? 0xFFFD
                    : (gunichar) value;
      return TRUE;
    }
  else
    {
      const htmlEntityDesc *desc = htmlEntityLookup ((const xmlChar *) name);

      if (desc == NULL)
        return FALSE;
      *out_char = desc->value;
      return TRUE;
    }
}

/* One round of entity decoding; NULL when there was nothing to decode. */
static char *
decode_entities (const char *text)
{
  GString *out = NULL;
  const char *p = text, *copied = text;

  while ((p = strchr (p, '&')) != NULL)
    {
      gunichar c;
      gsize len;

      if (!read_entity (p, &c, &len))
        {
          p++;
          continue;
        }
      if (out == NULL)
        out = g_string_sized_new (strlen (text));
      g_string_append_len (out, copied, p - copied);
      g_string_append_unichar (out, c);
      p += len;
      copied = p;
    }
  if (out == NULL)
    return NULL;
  g_string_append (out, copied);
  return g_string_free (out, FALSE);
}

static ElementKind
lookup_element (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (element_specs); i++)
    if (g_ascii_strcasecmp (name, element_specs[i].name) == 0)
      return element_specs[i].kind;
  return ELEM_INLINE;
}

static gboolean
is_known_tag (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (element_specs); i++)
    if (g_ascii_strcasecmp (name, element_specs[i].name) == 0)
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (inline_tags); i++)
    if (g_ascii_strcasecmp (name, inline_tags[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Does the text contain a real tag ("<p>", "</li>", "<br/>", "<!--")? A
 * '<' before anything else is text: "under <50 lbs", "press <Enter>". */
static gboolean
looks_like_html (const char *text)
{
  const char *p = text;

  while ((p = strchr (p, '<')) != NULL)
    {
      char name[16];
      gsize n = 0;

      p++;
      if (g_str_has_prefix (p, "!--") || g_ascii_strncasecmp (p, "!doctype", 8) == 0)
        return TRUE;
      if (*p == '/')
        p++;
      while (n < sizeof name - 1 && (g_ascii_isalnum (p[n]) || p[n] == ':'))
        {
          name[n] = p[n];
          n++;
        }
      name[n] = '\0';
      if (n > 0 && (p[n] == '>' || p[n] == '/' || g_ascii_isspace (p[n])) && is_known_tag (name))
        return TRUE;
    }
  return FALSE;
}

/* "<![CDATA[<p>Hi</p>]]>" → "<p>Hi</p>": the HTML parser would take a
 * CDATA section for a bogus comment and drop it. NULL when there is none. */
static char *
unwrap_cdata (const char *text)
{
  static const char open[] = "<![CDATA[";
  GString *out;
  const char *p = text, *start;

  if (strstr (text, open) == NULL)
    return NULL;
  out = g_string_sized_new (strlen (text));
  while ((start = strstr (p, open)) != NULL)
    {
      const char *content = start + strlen (open);
      const char *close = strstr (content, "]]>");

      g_string_append_len (out, p, start - p);
      if (close == NULL)
        {
          g_string_append (out, content);
          return g_string_free (out, FALSE);
        }
      g_string_append_len (out, content, close - content);
      p = close + 3;
    }
  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

static void render_html (TextBuilder *b, const char *html, guint rounds_left, guint item_depth);

static gpointer
init_libxml (gpointer data)
{
  /* Must run once before threads parse; libxml2 initializes globals here. */
  xmlInitParser ();
  return GINT_TO_POINTER (1);
}

static void
ensure_libxml (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, init_libxml, NULL);
}

/* A text node may itself hold escaped HTML or entities a second time
 * ("&amp;amp;", "<div>&lt;p&gt;…"): unwrap what the rounds allow. */
static void
add_text_node (TreeWalk   *w,
               const char *text,
               guint       rounds_left)
{
  g_autofree char *decoded = NULL;

  if (rounds_left > 0 && looks_like_html (text))
    {
      render_html (w->b, text, rounds_left - 1, w->item_depth);
      return;
    }
  if (rounds_left > 0 && strchr (text, '&') != NULL && (decoded = decode_entities (text)) != NULL)
    {
      add_text_node (w, decoded, rounds_left - 1);
      return;
    }
  add_html_text (w->b, text, w->pre_depth > 0);
}

static guint
block_break (TreeWalk *w)
{
  /* Inside a list item a block is a new line, not a new paragraph, so an
   * item written as <li><p>…</p></li> stays one bullet. */
  return (w->item_depth > 0 || w->list_depth > 0) ? 1 : 2;
}

static void
start_list_item (TreeWalk *w)
{
  char marker[24];
  ListLevel *level = (w->list_depth > 0 && w->list_depth <= MAX_LIST_LEVELS) ? &w->lists[w->list_depth - 1]
                                                                               : NULL;

  add_break (w->b, 1);
  if (level != NULL && level->ordered)
    {
      level->counter++;
      g_snprintf (marker, sizeof marker, "%" G_GINT64_FORMAT ". ", level->counter);
      set_marker (w->b, marker);
    }
  else
    set_marker (w->b, "• ");
  w->item_depth++;
}

static void
start_list (TreeWalk *w,
            xmlNode  *node,
            gboolean  ordered)
{
  add_break (w->b, block_break (w));
  w->list_depth++;
  if (w->list_depth <= MAX_LIST_LEVELS)
    {
      ListLevel *level = &w->lists[w->list_depth - 1];
      xmlChar *start = ordered ? xmlGetProp (node, (const xmlChar *) "start") : NULL;
      gint64 first = start != NULL ? g_ascii_strtoll ((const char *) start, NULL, 10) : 1;

      xmlFree (start);
      level->ordered = ordered;
      level->counter = CLAMP (first, 0, 1000000) - 1;
    }
}

/* Returns whether to walk into the node's children. */
static gboolean
enter_node (TreeWalk *w,
            xmlNode  *node)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        add_text_node (w, (const char *) node->content, w->rounds_left);
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE || node->name == NULL)
    return FALSE;
  switch (lookup_element ((const char *) node->name))
    {
    case ELEM_SKIP:
      return FALSE;
    case ELEM_BLOCK:
      add_break (w->b, block_break (w));
      break;
    case ELEM_LINE:
      add_break (w->b, 1);
      break;
    case ELEM_LIST:
      start_list (w, node, FALSE);
      break;
    case ELEM_ORDERED_LIST:
      start_list (w, node, TRUE);
      break;
    case ELEM_ITEM:
      start_list_item (w);
      break;
    case ELEM_BREAK:
      add_line_break (w->b);
      break;
    case ELEM_CELL:
      add_space (w->b);
      break;
    case ELEM_PRE:
      add_break (w->b, block_break (w));
      w->pre_depth++;
      break;
    case ELEM_INLINE:
    default:
      break;
    }
  return TRUE;
}

static void
leave_node (TreeWalk *w,
            xmlNode  *node)
{
  switch (lookup_element ((const char *) node->name))
    {
    case ELEM_BLOCK:
      add_break (w->b, block_break (w));
      break;
    case ELEM_LINE:
      add_break (w->b, 1);
      break;
    case ELEM_LIST:
    case ELEM_ORDERED_LIST:
      if (w->list_depth > 0)
        w->list_depth--;
      add_break (w->b, block_break (w));
      break;
    case ELEM_ITEM:
      /* An item with no text leaves no bullet behind. */
      w->b->has_marker = FALSE;
      if (w->item_depth > 0)
        w->item_depth--;
      add_break (w->b, 1);
      break;
    case ELEM_CELL:
      add_space (w->b);
      break;
    case ELEM_PRE:
      if (w->pre_depth > 0)
        w->pre_depth--;
      add_break (w->b, block_break (w));
      break;
    case ELEM_SKIP:
    case ELEM_BREAK:
    case ELEM_INLINE:
    default:
      break;
    }
}

/* Iterative, so a hostile document nested 100 000 deep costs no stack. */
static void
walk_tree (TreeWalk *w,
           xmlDoc   *doc)
{
  xmlNode *node = doc->children;

  while (node != NULL && !w->b->full)
    {
      gboolean entered = enter_node (w, node);

      if (entered && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      if (entered)
        leave_node (w, node);
      while (node != NULL && node->next == NULL)
        {
          node = node->parent;
          if (node == NULL || node == (xmlNode *) doc)
            node = NULL;
          else
            leave_node (w, node);
        }
      if (node != NULL)
        node = node->next;
    }
}

static void
render_html (TextBuilder *b,
             const char  *html,
             guint        rounds_left,
             guint        item_depth)
{
  TreeWalk w = { .b = b, .rounds_left = rounds_left, .item_depth = item_depth };
  htmlParserCtxtPtr ctxt;
  htmlDocPtr doc;
  gsize len = strlen (html);

  ensure_libxml ();
  ctxt = htmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      add_html_text (b, html, FALSE);
      return;
    }
  /* HUGE raises libxml2's nesting limit from 256 to 2048 elements, past
   * which it stops and keeps what it has; real postings (Word exports
   * included) stay far below. Input size is bounded by our caller. */
  doc = htmlCtxtReadMemory (ctxt, html, (int) MIN (len, (gsize) G_MAXINT), NULL, "UTF-8",
                            HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
                              | XML_PARSE_HUGE);
  if (doc != NULL)
    {
      walk_tree (&w, doc);
      xmlFreeDoc (doc);
    }
  if (ctxt->errNo == XML_ERR_INTERNAL_ERROR)
    g_debug ("HTML parser stopped early (nesting too deep?); kept the text before that point");
  htmlFreeParserCtxt (ctxt);
}

/* The top of a description: HTML, escaped HTML (decoded a round at a time),
 * or plain text. */
static void
render_description (TextBuilder *b,
                    const char  *text,
                    guint        rounds_left)
{
  g_autofree char *decoded = NULL;

  if (looks_like_html (text))
    render_html (b, text, rounds_left, 0);
  else if (rounds_left > 0 && strchr (text, '&') != NULL && (decoded = decode_entities (text)) != NULL)
    render_description (b, decoded, rounds_left - 1);
  else
    add_plain_text (b, text);
}

/* Where to cut so the kept text fits in budget bytes: the latest paragraph,
 * line or sentence end in the second half of the budget, else the latest
 * space there, else the latest character boundary. */
static gsize
find_cut (const char *text,
          gsize       budget)
{
  gsize floor_pos = budget / 2;

  for (gsize p = budget; p > floor_pos; p--)
    if (text[p] == '\n'
        || ((text[p] == ' ' || text[p] == '\n') && (text[p - 1] == '.' || text[p - 1] == '!' || text[p - 1] == '?')))
      return p;
  for (gsize p = budget; p > floor_pos; p--)
    if (text[p] == ' ')
      return p;
  return jk_find_char_boundary (text, budget);
}

static void
shorten_text (GString *text,
              gsize    max_bytes)
{
  gsize note_len = strlen (SHORTENED_NOTE);

  if (max_bytes == 0 || text->len <= max_bytes)
    return;
  if (max_bytes < 2 * note_len)
    {
      /* No room for the note and enough text to make it worth reading. */
      g_string_truncate (text, find_cut (text->str, max_bytes));
      jk_trim_trailing_space (text);
      return;
    }
  g_string_truncate (text, find_cut (text->str, max_bytes - note_len));
  jk_trim_trailing_space (text);
  g_string_append (text, SHORTENED_NOTE);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

/* max_bytes == 0 means no limit. When the text is cut, the note is part of
 * the max_bytes, not added past them. */
char *
jk_html_to_text (const char *html,
                 gsize       max_bytes)
{
  TextBuilder b = { 0 };
  g_autofree char *valid = NULL;
  g_autofree char *unwrapped = NULL;
  gsize len, bound;

  if (html == NULL || *html == '\0')
    return g_strdup ("");

  /* Only so much input can matter to max_bytes of output; the rest is cut
   * before it costs parse time and memory. */
  len = strlen (html);
  bound = max_bytes > 0 ? MAX (max_bytes * INPUT_FACTOR, (gsize) INPUT_FLOOR) : (gsize) G_MAXINT - 1;
  if (len > bound)
    len = jk_find_char_boundary (html, bound);
  valid = g_utf8_make_valid (html, (gssize) len);
  unwrapped = unwrap_cdata (valid);

  b.out = g_string_sized_new (MIN (len, max_bytes > 0 ? max_bytes + 64 : len) + 1);
  b.limit = max_bytes;
  render_description (&b, unwrapped != NULL ? unwrapped : valid, DECODE_ROUNDS);

  jk_trim_trailing_space (b.out);
  shorten_text (b.out, max_bytes);
  return g_string_free (b.out, FALSE);
}
