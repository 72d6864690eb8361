/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-normalize.c: feed text to kiosk values: dates, pay, plain-text descriptions, fields, job types, states */

#define G_LOG_DOMAIN "jk-normalize"

#include <curl/curl.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <string.h>

#include "feeds/jk-normalize-private.h"

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

/* A date string longer than this is not a date. */
#define DATE_MAX_LEN 100

/* Pay above this is a data error, not a salary. */
#define SALARY_ABSURD 10000000.0

#define MAX_SALARY_NUMBERS 16
#define MAX_LIST_LEVELS 16

/* ---------------------------------------------------------------------- */
/* Types and prototypes                                                   */

typedef enum {
  CHAR_TEXT,
  CHAR_SPACE,
  CHAR_NEWLINE,
  CHAR_CONTROL,   /* C0, DEL, C1: never shown */
  CHAR_INVISIBLE, /* zero-width and direction overrides: dropped, not spaced */
} CharClass;

/* Compiled once, shared read-only by every thread (GRegex matching is
 * thread-safe; each call has its own GMatchInfo). */
typedef struct {
  GRegex *us_date;
  GRegex *compact_date;
  GRegex *iso_date;
  GRegex *iso_no_seconds;
} DateRegexes;

typedef struct {
  double value;
  gboolean currency;  /* "$", "USD" or "dollars" next to it */
  gboolean thousands; /* written with a K */
  gsize start;        /* including a leading "$" */
  gsize end;          /* including a trailing "k" or currency word */
} SalaryNumber;

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

typedef struct {
  const char *word;
  JkSalaryPeriod period;
} PeriodWord;

/* Words that name a pay period, English and Spanish, lower case. */
static const PeriodWord period_words[] = {
  { "hour", JK_SALARY_PERIOD_HOUR },      { "hours", JK_SALARY_PERIOD_HOUR },
  { "hourly", JK_SALARY_PERIOD_HOUR },    { "hr", JK_SALARY_PERIOD_HOUR },
  { "hrs", JK_SALARY_PERIOD_HOUR },       { "h", JK_SALARY_PERIOD_HOUR },
  { "hora", JK_SALARY_PERIOD_HOUR },      { "horas", JK_SALARY_PERIOD_HOUR },
  { "day", JK_SALARY_PERIOD_DAY },        { "days", JK_SALARY_PERIOD_DAY },
  { "daily", JK_SALARY_PERIOD_DAY },      { "día", JK_SALARY_PERIOD_DAY },
  { "dia", JK_SALARY_PERIOD_DAY },        { "diario", JK_SALARY_PERIOD_DAY },
  { "diaria", JK_SALARY_PERIOD_DAY },     { "week", JK_SALARY_PERIOD_WEEK },
  { "weeks", JK_SALARY_PERIOD_WEEK },     { "weekly", JK_SALARY_PERIOD_WEEK },
  { "wk", JK_SALARY_PERIOD_WEEK },        { "semana", JK_SALARY_PERIOD_WEEK },
  { "semanal", JK_SALARY_PERIOD_WEEK },   { "month", JK_SALARY_PERIOD_MONTH },
  { "months", JK_SALARY_PERIOD_MONTH },   { "monthly", JK_SALARY_PERIOD_MONTH },
  { "mo", JK_SALARY_PERIOD_MONTH },       { "mes", JK_SALARY_PERIOD_MONTH },
  { "mensual", JK_SALARY_PERIOD_MONTH },  { "year", JK_SALARY_PERIOD_YEAR },
  { "years", JK_SALARY_PERIOD_YEAR },     { "yearly", JK_SALARY_PERIOD_YEAR },
  { "yr", JK_SALARY_PERIOD_YEAR },        { "annual", JK_SALARY_PERIOD_YEAR },
  { "annually", JK_SALARY_PERIOD_YEAR },  { "annum", JK_SALARY_PERIOD_YEAR },
  { "año", JK_SALARY_PERIOD_YEAR },       { "ano", JK_SALARY_PERIOD_YEAR },
  { "anual", JK_SALARY_PERIOD_YEAR },      { "anuales", JK_SALARY_PERIOD_YEAR },
  { "semanales", JK_SALARY_PERIOD_WEEK }, { "mensuales", JK_SALARY_PERIOD_MONTH },
  { "diarios", JK_SALARY_PERIOD_DAY },
};

/* Periods the kiosk cannot store; their figures must not be guessed at. */
static const char *const odd_period_words[] = {
  "biweekly", "fortnightly", "semimonthly", "quincenal", "bimonthly", "bimensual",
};

/* Codes as feeds send them in a unit field (schema.org unitText, USAJOBS
 * RateIntervalCode), upper case. */
static const PeriodWord period_codes[] = {
  { "HOUR", JK_SALARY_PERIOD_HOUR }, { "PH", JK_SALARY_PERIOD_HOUR },
  { "DAY", JK_SALARY_PERIOD_DAY },   { "PD", JK_SALARY_PERIOD_DAY },
  { "WEEK", JK_SALARY_PERIOD_WEEK }, { "PW", JK_SALARY_PERIOD_WEEK },
  { "MONTH", JK_SALARY_PERIOD_MONTH }, { "PM", JK_SALARY_PERIOD_MONTH },
  { "YEAR", JK_SALARY_PERIOD_YEAR }, { "PA", JK_SALARY_PERIOD_YEAR },
  { "PY", JK_SALARY_PERIOD_YEAR },   { "ANNUAL", JK_SALARY_PERIOD_YEAR },
};

typedef enum {
  EMPLOYMENT_FULL_TIME = 1 << 0,
  EMPLOYMENT_PART_TIME = 1 << 1,
  EMPLOYMENT_TEMPORARY = 1 << 2,
  EMPLOYMENT_CONTRACT = 1 << 3,
  EMPLOYMENT_INTERNSHIP = 1 << 4,
  EMPLOYMENT_SEASONAL = 1 << 5,
  EMPLOYMENT_PER_DIEM = 1 << 6,
  EMPLOYMENT_VOLUNTEER = 1 << 7,
} EmploymentFlags;

/* In the order the kiosk lists them when a posting has several. */
static const char *const employment_names[] = {
  "full-time", "part-time", "temporary", "contract", "internship", "seasonal", "per-diem", "volunteer",
};

typedef struct {
  const char *words[3]; /* one to three lower-case tokens in a row */
  EmploymentFlags flag;
} EmploymentPhrase;

static const EmploymentPhrase employment_phrases[] = {
  { { "full", "time" }, EMPLOYMENT_FULL_TIME },
  { { "fulltime" }, EMPLOYMENT_FULL_TIME },
  { { "tiempo", "completo" }, EMPLOYMENT_FULL_TIME },
  { { "jornada", "completa" }, EMPLOYMENT_FULL_TIME },
  { { "part", "time" }, EMPLOYMENT_PART_TIME },
  { { "parttime" }, EMPLOYMENT_PART_TIME },
  { { "tiempo", "parcial" }, EMPLOYMENT_PART_TIME },
  { { "medio", "tiempo" }, EMPLOYMENT_PART_TIME },
  { { "media", "jornada" }, EMPLOYMENT_PART_TIME },
  { { "temporary" }, EMPLOYMENT_TEMPORARY },
  { { "temp" }, EMPLOYMENT_TEMPORARY },
  { { "temporal" }, EMPLOYMENT_TEMPORARY },
  { { "temporario" }, EMPLOYMENT_TEMPORARY },
  { { "contract" }, EMPLOYMENT_CONTRACT },
  { { "contractor" }, EMPLOYMENT_CONTRACT },
  { { "contrato" }, EMPLOYMENT_CONTRACT },
  { { "contratista" }, EMPLOYMENT_CONTRACT },
  { { "freelance" }, EMPLOYMENT_CONTRACT },
  { { "intern" }, EMPLOYMENT_INTERNSHIP },
  { { "internship" }, EMPLOYMENT_INTERNSHIP },
  { { "pasantía" }, EMPLOYMENT_INTERNSHIP },
  { { "pasantia" }, EMPLOYMENT_INTERNSHIP },
  { { "práctica" }, EMPLOYMENT_INTERNSHIP },
  { { "prácticas" }, EMPLOYMENT_INTERNSHIP },
  { { "seasonal" }, EMPLOYMENT_SEASONAL },
  { { "estacional" }, EMPLOYMENT_SEASONAL },
  { { "temporada" }, EMPLOYMENT_SEASONAL },
  { { "per", "diem" }, EMPLOYMENT_PER_DIEM },
  { { "perdiem" }, EMPLOYMENT_PER_DIEM },
  { { "prn" }, EMPLOYMENT_PER_DIEM },
  { { "volunteer" }, EMPLOYMENT_VOLUNTEER },
  { { "voluntario" }, EMPLOYMENT_VOLUNTEER },
  { { "voluntaria" }, EMPLOYMENT_VOLUNTEER },
  { { "voluntariado" }, EMPLOYMENT_VOLUNTEER },
};

typedef struct {
  const char *code;
  const char *name; /* lower case, dots removed, as state_key() makes it */
} StateSpec;

static const StateSpec state_specs[] = {
  { "AL", "alabama" },        { "AK", "alaska" },          { "AZ", "arizona" },
  { "AR", "arkansas" },       { "CA", "california" },      { "CO", "colorado" },
  { "CT", "connecticut" },    { "DE", "delaware" },        { "FL", "florida" },
  { "GA", "georgia" },        { "HI", "hawaii" },          { "ID", "idaho" },
  { "IL", "illinois" },       { "IN", "indiana" },         { "IA", "iowa" },
  { "KS", "kansas" },         { "KY", "kentucky" },        { "LA", "louisiana" },
  { "ME", "maine" },          { "MD", "maryland" },        { "MA", "massachusetts" },
  { "MI", "michigan" },       { "MN", "minnesota" },       { "MS", "mississippi" },
  { "MO", "missouri" },       { "MT", "montana" },         { "NE", "nebraska" },
  { "NV", "nevada" },         { "NH", "new hampshire" },   { "NJ", "new jersey" },
  { "NM", "new mexico" },     { "NY", "new york" },        { "NC", "north carolina" },
  { "ND", "north dakota" },   { "OH", "ohio" },            { "OK", "oklahoma" },
  { "OR", "oregon" },         { "PA", "pennsylvania" },    { "RI", "rhode island" },
  { "SC", "south carolina" }, { "SD", "south dakota" },    { "TN", "tennessee" },
  { "TX", "texas" },          { "UT", "utah" },            { "VT", "vermont" },
  { "VA", "virginia" },       { "WA", "washington" },      { "WV", "west virginia" },
  { "WI", "wisconsin" },      { "WY", "wyoming" },         { "DC", "district of columbia" },
  { "DC", "washington dc" },  { "PR", "puerto rico" },     { "GU", "guam" },
  { "VI", "virgin islands" }, { "VI", "us virgin islands" },
  { "VI", "united states virgin islands" },                { "AS", "american samoa" },
  { "MP", "northern mariana islands" },
  { "MP", "commonwealth of the northern mariana islands" },
};

static const char *const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december",
};

static const char *const day_names[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

/* The zone names curl_getdate knows. */
static const char *const zone_names[] = {
  "GMT", "UT", "UTC", "WET", "BST", "WAT", "AST", "ADT", "EST", "EDT", "CST", "CDT", "MST", "MDT",
  "PST", "PDT", "YST", "YDT", "HST", "HDT", "CAT", "AHST", "NT", "IDLW", "CET", "MET", "MEWT",
  "MEST", "CEST", "MESZ", "FWT", "FST", "EET", "WAST", "WADT", "CCT", "JST", "EAST", "EADT",
  "GST", "NZT", "NZST", "NZDT", "IDLE",
};

/* ---------------------------------------------------------------------- */
/* Characters                                                             */

static CharClass
classify_char (gunichar c)
{
  if (c > ' ' && c < 0x7F)
    return CHAR_TEXT;
  if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029)
    return CHAR_NEWLINE;
  if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == 0x00A0 || c == 0x1680
      || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000)
    return CHAR_SPACE;
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
    return CHAR_CONTROL;
  /* Zero-width space, soft hyphen, BOM, word joiner, noncharacters, and the
   * bidi overrides that could make a title read differently than it sorts.
   * U+200D (joiner) stays: emoji sequences need it. */
  if (c == 0x200B || c == 0x00AD || c == 0xFEFF || c == 0x2060 || c == 0xFFFE || c == 0xFFFF
      || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
    return CHAR_INVISIBLE;
  return CHAR_TEXT;
}

/* Reads one character, turning a bad byte into U+FFFD and stepping over it. */
static gunichar
read_char (const char **p)
{
  gunichar c;

  /* Most feed text is ASCII: one byte, no decoding. */
  if ((guchar) **p < 0x80)
    return (guchar) *(*p)++;
  c = g_utf8_get_char_validated (*p, -1);

  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      (*p)++;
      return 0xFFFD;
    }
  *p = g_utf8_next_char (*p);
  return c;
}

/* The largest length <= len that does not end inside a UTF-8 character. */
static gsize
find_char_boundary (const char *text,
                    gsize       len)
{
  while (len > 0 && ((guchar) text[len] & 0xC0) == 0x80)
    len--;
  return len;
}

/* Steps over a run of letters (and digits, if asked) in valid UTF-8. */
static const char *
skip_word (const char *p,
           gboolean    with_digits)
{
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (!(g_unichar_isalpha (c) || (with_digits && g_unichar_isdigit (c))))
        break;
      p = g_utf8_next_char (p);
    }
  return p;
}

static void
trim_trailing_space (GString *s)
{
  while (s->len > 0 && g_ascii_isspace (s->str[s->len - 1]))
    g_string_truncate (s, s->len - 1);
}

/* ---------------------------------------------------------------------- */
/* Dates                                                                  */

static gpointer
compile_date_regexes (gpointer data)
{
  DateRegexes *re = g_new0 (DateRegexes, 1);

  /* [0-9], not \d: GRegex matches Unicode digits with \d. */
  re->us_date = g_regex_new ("^([0-9]{1,2})([/-])([0-9]{1,2})\\2([0-9]{4})"
                             "(?:[ T]+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?"
                             "\\s*(?:([AaPp])\\.?[Mm]\\.?)?)?$",
                             0, 0, NULL);
  re->compact_date = g_regex_new ("^([0-9]{4})([0-9]{2})([0-9]{2})$", 0, 0, NULL);
  re->iso_date = g_regex_new ("^([0-9]{4})-([0-9]{2})-([0-9]{2})$", 0, 0, NULL);
  re->iso_no_seconds = g_regex_new ("^([0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2})"
                                    "([Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?$",
                                    0, 0, NULL);
  g_assert (re->us_date && re->compact_date && re->iso_date && re->iso_no_seconds);
  return re;
}

static const DateRegexes *
get_date_regexes (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, compile_date_regexes, NULL);
}

static int
fetch_int (GMatchInfo *match,
           int         group)
{
  g_autofree char *s = g_match_info_fetch (match, group);

  return (s != NULL && *s != '\0') ? (int) g_ascii_strtoll (s, NULL, 10) : -1;
}

static gboolean
check_year (gint64 unix_time)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (unix_time);
  int year;

  if (dt == NULL)
    return FALSE;
  year = g_date_time_get_year (dt);
  return year >= 1990 && year <= 2100;
}

/* g_date_time_new rolls nothing over: Feb 30 or 25:00 give NULL. */
static gboolean
make_utc_time (int     year,
               int     month,
               int     day,
               int     hour,
               int     minute,
               int     second,
               gint64 *out_unix)
{
  g_autoptr (GDateTime) dt = NULL;

  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0
      || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return FALSE;
  dt = g_date_time_new_utc (year, month, day, hour, minute, second);
  if (dt == NULL)
    return FALSE;
  *out_unix = g_date_time_to_unix (dt);
  return TRUE;
}

static gboolean
parse_us_date (const DateRegexes *re,
               const char        *text,
               gint64            *out_unix)
{
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *ampm = NULL;
  int hour = 0, minute = 0, second = 0;

  if (!g_regex_match (re->us_date, text, 0, &match))
    return FALSE;
  if (fetch_int (match, 5) >= 0)
    {
      hour = fetch_int (match, 5);
      minute = fetch_int (match, 6);
      second = MAX (fetch_int (match, 7), 0);
      ampm = g_match_info_fetch (match, 8);
      if (ampm != NULL && *ampm != '\0')
        {
          if (hour < 1 || hour > 12)
            return FALSE;
          if (hour == 12)
            hour = 0;
          if (*ampm == 'p' || *ampm == 'P')
            hour += 12;
        }
    }
  return make_utc_time (fetch_int (match, 4), fetch_int (match, 1), fetch_int (match, 3), hour, minute,
                        second, out_unix);
}

static gboolean
parse_ymd (GRegex     *regex,
           const char *text,
           gint64     *out_unix)
{
  g_autoptr (GMatchInfo) match = NULL;

  if (!g_regex_match (regex, text, 0, &match))
    return FALSE;
  return make_utc_time (fetch_int (match, 1), fetch_int (match, 2), fetch_int (match, 3), 0, 0, 0, out_unix);
}

static gboolean
parse_iso_date_time (const DateRegexes *re,
                     const char        *text,
                     gint64            *out_unix)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) dt = g_date_time_new_from_iso8601 (text, utc);
  g_autoptr (GMatchInfo) match = NULL;

  /* GLib wants seconds; feeds often leave them out ("2026-03-07T14:45"). */
  if (dt == NULL && g_regex_match (re->iso_no_seconds, text, 0, &match))
    {
      g_autofree char *head = g_match_info_fetch (match, 1);
      g_autofree char *zone = g_match_info_fetch (match, 2);
      g_autofree char *full = g_strconcat (head, ":00", zone, NULL);

      dt = g_date_time_new_from_iso8601 (full, utc);
    }
  if (dt == NULL)
    return FALSE;
  *out_unix = g_date_time_to_unix (dt);
  return check_year (*out_unix);
}

static gboolean
is_date_word (const char *word,
              gsize       len,
              int        *out_month)
{
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (len == 3 && g_ascii_strncasecmp (word, month_names[i], 3) == 0)
      {
        *out_month = (int) i + 1;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (day_names); i++)
    if ((len == 3 || len == strlen (day_names[i])) && g_ascii_strncasecmp (word, day_names[i], len) == 0)
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (zone_names); i++)
    if (len == strlen (zone_names[i]) && g_ascii_strncasecmp (word, zone_names[i], len) == 0)
      return TRUE;
  /* Military zones: one letter. */
  return len == 1;
}

/* curl_getdate is generous: it rolls "Feb 30" over into March and stops
 * reading after the zone ("… GMT; DROP TABLE"). Accept only words a date
 * has, and day numbers its month has. */
static gboolean
check_http_date (const char *text)
{
  int month = 0, day = 0, year = 0;
  const char *p = text;

  while (*p != '\0')
    {
      if (g_ascii_isalpha (*p))
        {
          const char *start = p;

          while (g_ascii_isalpha (*p))
            p++;
          if (!is_date_word (start, (gsize) (p - start), &month))
            return FALSE;
        }
      else if (g_ascii_isdigit (*p))
        {
          const char *start = p;
          gboolean in_time = (p > text && p[-1] == ':');

          while (g_ascii_isdigit (*p))
            p++;
          in_time = in_time || *p == ':' || (start > text && (start[-1] == '+' || start[-1] == '-'));
          if (in_time)
            continue;
          if (p - start == 4)
            year = (int) g_ascii_strtoll (start, NULL, 10);
          else if (p - start <= 2 && day == 0)
            day = (int) g_ascii_strtoll (start, NULL, 10);
        }
      else
        p++;
    }
  if (month == 0 || day == 0 || year == 0)
    return TRUE;
  return g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* "March 7, 2026" → "Mar 7, 2026": curl knows only the short month names. */
static char *
shorten_month_names (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;
      gsize len;
      gboolean is_month = FALSE;

      if (!g_ascii_isalpha (*p))
        {
          g_string_append_c (out, *p++);
          continue;
        }
      while (g_ascii_isalpha (*p))
        p++;
      len = (gsize) (p - start);
      for (guint i = 0; i < G_N_ELEMENTS (month_names) && len > 3; i++)
        if (strlen (month_names[i]) == len && g_ascii_strncasecmp (start, month_names[i], len) == 0)
          is_month = TRUE;
      g_string_append_len (out, start, is_month ? 3 : (gssize) len);
    }
  return g_string_free (out, FALSE);
}

static gboolean
parse_http_date (const char *text,
                 gint64     *out_unix)
{
  g_autofree char *shortened = shorten_month_names (text);
  time_t t = curl_getdate (shortened, NULL);

  if (t == (time_t) -1 || !check_http_date (shortened))
    return FALSE;
  *out_unix = (gint64) t;
  return check_year (*out_unix);
}

/* ---------------------------------------------------------------------- */
/* Salary                                                                 */

static gboolean
has_word_at (const char *s,
             gsize       pos,
             const char *word)
{
  gsize len = strlen (word);

  return strncmp (s + pos, word, len) == 0 && !g_ascii_isalpha (s[pos + len]);
}

/* Reads "3,500", "16.25", "16,25" (a Spanish decimal comma) or ".50" at
 * s[*pos] into value, leaving *pos after it. */
static double
read_amount (const char *s,
             gsize      *pos)
{
  char buf[64];
  gsize n = 0, i = *pos;
  gboolean seen_point = FALSE, seen_group = FALSE;

  while (n < sizeof buf - 2)
    {
      if (g_ascii_isdigit (s[i]))
        buf[n++] = s[i++];
      else if (s[i] == ',' && !seen_point && g_ascii_isdigit (s[i + 1]) && g_ascii_isdigit (s[i + 2])
               && g_ascii_isdigit (s[i + 3]) && !g_ascii_isdigit (s[i + 4]))
        {
          seen_group = TRUE;
          i++;
        }
      else if (s[i] == ',' && !seen_point && !seen_group && g_ascii_isdigit (s[i + 1])
               && !g_ascii_isdigit (s[i + 1 + (g_ascii_isdigit (s[i + 2]) ? 2 : 1)]))
        {
          seen_point = TRUE;
          buf[n++] = '.';
          i++;
        }
      else if (s[i] == '.' && !seen_point && g_ascii_isdigit (s[i + 1]))
        {
          seen_point = TRUE;
          buf[n++] = '.';
          i++;
        }
      else
        break;
    }
  /* Skip what a long digit run left unread so it is not read again. */
  while (g_ascii_isdigit (s[i]) || s[i] == '.' || s[i] == ',')
    i++;
  buf[n] = '\0';
  *pos = i;
  return g_ascii_strtod (buf, NULL);
}

/* Finds the figures in lower-cased salary text; skips "401(k)", "1st",
 * "10%", "9:00" and zero, which are numbers but not pay. */
static guint
collect_salary_numbers (const char   *s,
                        SalaryNumber *numbers,
                        guint         max_numbers)
{
  guint count = 0;
  gsize i = 0;

  while (s[i] != '\0' && count < max_numbers)
    {
      SalaryNumber num = { 0 };
      gsize start = i, back = i;
      const char *after;

      if (!(g_ascii_isdigit (s[i]) || (s[i] == '.' && g_ascii_isdigit (s[i + 1])))
          || (i > 0 && (g_ascii_isalnum (s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ':')))
        {
          i++;
          continue;
        }
      while (back > 0 && s[back - 1] == ' ')
        back--;
      if (back > 0 && s[back - 1] == '$')
        {
          num.currency = TRUE;
          start = back - 1;
          if (start >= 2 && strncmp (s + start - 2, "us", 2) == 0)
            start -= 2;
        }
      else if (back >= 3 && strncmp (s + back - 3, "usd", 3) == 0 && (back == 3 || !g_ascii_isalpha (s[back - 4])))
        {
          num.currency = TRUE;
          start = back - 3;
        }
      /* "5 usd 6": the "usd" already ended the previous figure. */
      num.start = (count > 0) ? MAX (start, numbers[count - 1].end) : start;
      num.value = read_amount (s, &i);
      after = s + i;
      if (num.value <= 0 || g_str_has_prefix (after, "(k)") || g_str_has_prefix (after, "(b)") || *after == '%'
          || (*after == ':' && g_ascii_isdigit (after[1]))
          || has_word_at (s, i, "st") || has_word_at (s, i, "nd") || has_word_at (s, i, "rd")
          || has_word_at (s, i, "th")
          || (!num.currency && (num.value == 401 || num.value == 403) && (*after == 'k' || *after == 'b')))
        continue;
      if ((*after == 'k') && !g_ascii_isalpha (after[1]))
        {
          num.thousands = TRUE;
          num.value *= 1000;
          i++;
        }
      {
        gsize j = i;

        while (s[j] == ' ')
          j++;
        if (has_word_at (s, j, "usd") || has_word_at (s, j, "dollars") || has_word_at (s, j, "dólares")
            || has_word_at (s, j, "dolares"))
          {
            num.currency = TRUE;
            while (g_ascii_isalpha (s[j]) || (guchar) s[j] >= 0x80)
              j++;
            i = j;
          }
      }
      num.end = i;
      numbers[count++] = num;
    }
  return count;
}

/* Is the text between two figures a range ("-", "–", "to", "a", "hasta")?
 * Strict: nothing else there. Loose ("$16 per hour to $18 per hour"): other
 * words allowed, but only for the unambiguous separators. */
static gboolean
is_range_gap (const char *gap,
              gsize       len,
              gboolean    loose)
{
  static const char *const strict_words[] = { "-", "–", "—", "~", "to", "a", "y", "and", "hasta", "through" };
  static const char *const loose_words[] = { "-", "–", "—", "to", "hasta" };
  g_autofree char *copy = g_strndup (gap, len);
  g_auto (GStrv) tokens = NULL;
  guint n_tokens = 0;
  gboolean found = FALSE;

  if (len > 32)
    return FALSE;
  /* Split dashes off so "$16.25–$18" and "16 - 18" tokenize alike. */
  {
    g_autoptr (GString) spaced = g_string_new (NULL);

    for (const char *p = copy; *p != '\0'; p++)
      {
        if (*p == '-' || *p == '~' || *p == '/' || *p == ',' || *p == ':')
          g_string_append_printf (spaced, " %c ", *p);
        else if (g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—"))
          {
            g_string_append_c (spaced, ' ');
            g_string_append_len (spaced, p, 3);
            g_string_append_c (spaced, ' ');
            p += 2;
          }
        else
          g_string_append_c (spaced, *p);
      }
    tokens = g_strsplit_set (spaced->str, " \t", -1);
  }
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *const *words = loose ? loose_words : strict_words;
      guint n_words = loose ? G_N_ELEMENTS (loose_words) : G_N_ELEMENTS (strict_words);

      if (*tokens[i] == '\0')
        continue;
      n_tokens++;
      for (guint w = 0; w < n_words; w++)
        if (g_str_equal (tokens[i], words[w]))
          found = TRUE;
    }
  return found && (loose || n_tokens == 1);
}

static JkSalaryPeriod
lookup_period_word (const char *word,
                    gboolean   *out_odd)
{
  for (guint i = 0; i < G_N_ELEMENTS (odd_period_words); i++)
    if (g_str_equal (word, odd_period_words[i]))
      {
        *out_odd = TRUE;
        return JK_SALARY_PERIOD_NONE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (period_words); i++)
    if (g_str_equal (word, period_words[i].word))
      return period_words[i].period;
  return JK_SALARY_PERIOD_NONE;
}

/* The first period word in lower-case text. out_odd is set for periods the
 * kiosk cannot store ("biweekly", "bi-weekly"); out_salary when the text
 * says "salary", which suggests but does not prove a yearly figure. */
static JkSalaryPeriod
find_period_word (const char *s,
                  gboolean   *out_odd,
                  gboolean   *out_salary)
{
  const char *p = s;
  gboolean after_bi = FALSE;

  *out_odd = FALSE;
  *out_salary = FALSE;
  while (*p != '\0')
    {
      const char *start = p;
      g_autofree char *word = NULL;
      JkSalaryPeriod period;

      /* A word is a run of letters, non-ASCII ones included ("día", "año"). */
      p = skip_word (p, FALSE);
      if (p == start)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      word = g_strndup (start, (gsize) (p - start));
      if (g_str_equal (word, "bi") || g_str_equal (word, "semi"))
        {
          after_bi = TRUE;
          continue;
        }
      if (g_str_equal (word, "salary") || g_str_equal (word, "salario") || g_str_equal (word, "sueldo"))
        *out_salary = TRUE;
      period = lookup_period_word (word, out_odd);
      if (*out_odd)
        return JK_SALARY_PERIOD_NONE;
      if (period != JK_SALARY_PERIOD_NONE)
        {
          if (after_bi && (period == JK_SALARY_PERIOD_WEEK || period == JK_SALARY_PERIOD_MONTH))
            {
              *out_odd = TRUE;
              return JK_SALARY_PERIOD_NONE;
            }
          return period;
        }
      after_bi = FALSE;
    }
  return JK_SALARY_PERIOD_NONE;
}

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
      gunichar c = read_char (&p);

      switch (classify_char (c))
        {
        case CHAR_NEWLINE:
          if (preformatted)
            add_break (b, 1);
          else
            add_space (b);
          break;
        case CHAR_SPACE:
          add_space (b);
          break;
        case CHAR_CONTROL:
        case CHAR_INVISIBLE:
          break;
        case CHAR_TEXT:
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
      gunichar c = read_char (&p);

      if (c == '\r' && *p == '\n')
        continue;
      switch (classify_char (c))
        {
        case CHAR_NEWLINE:
          newlines++;
          line_start = TRUE;
          break;
        case CHAR_SPACE:
          if (!line_start)
            add_space (b);
          break;
        case CHAR_CONTROL:
        case CHAR_INVISIBLE:
          break;
        case CHAR_TEXT:
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
  return find_char_boundary (text, budget);
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
      trim_trailing_space (text);
      return;
    }
  g_string_truncate (text, find_cut (text->str, max_bytes - note_len));
  trim_trailing_space (text);
  g_string_append (text, SHORTENED_NOTE);
}

/* ---------------------------------------------------------------------- */
/* Short fields, job types, states                                        */

/* Lower case, dots dropped, commas as spaces, spaces collapsed: "Washington,
 * D.C." and "washington dc" meet. */
static char *
make_state_key (const char *text)
{
  GString *key = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '.')
        continue;
      if (*p == ',' || *p == ' ' || *p == '-')
        {
          if (key->len > 0 && key->str[key->len - 1] != ' ')
            g_string_append_c (key, ' ');
          continue;
        }
      g_string_append_c (key, g_ascii_tolower (*p));
    }
  trim_trailing_space (key);
  return g_string_free (key, FALSE);
}

/* Splits lower-case text into words: letters and digits, non-ASCII ones
 * included; everything else ("_", "-", "/", ",") separates. */
static GPtrArray *
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;

      p = skip_word (p, TRUE);
      if (p == start)
        p = g_utf8_next_char (p);
      else
        g_ptr_array_add (words, g_strndup (start, (gsize) (p - start)));
    }
  return words;
}

static gboolean
match_phrase (GPtrArray             *words,
              guint                  at,
              const EmploymentPhrase *phrase,
              guint                 *out_len)
{
  guint n = 0;

  while (n < G_N_ELEMENTS (phrase->words) && phrase->words[n] != NULL)
    {
      if (at + n >= words->len || !g_str_equal (words->pdata[at + n], phrase->words[n]))
        return FALSE;
      n++;
    }
  *out_len = n;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

gboolean
jk_parse_date (const char *text,
               gint64     *out_unix)
{
  const DateRegexes *re = get_date_regexes ();
  g_autofree char *trimmed = NULL;
  gint64 result = 0;
  gboolean ok;

  if (text == NULL || strlen (text) > DATE_MAX_LEN || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return FALSE;

  if (g_regex_match (re->compact_date, trimmed, 0, NULL))
    ok = parse_ymd (re->compact_date, trimmed, &result);
  else if (g_regex_match (re->iso_date, trimmed, 0, NULL))
    ok = parse_ymd (re->iso_date, trimmed, &result);
  else if (g_ascii_isdigit (trimmed[0]) && g_ascii_isdigit (trimmed[1]) && g_ascii_isdigit (trimmed[2])
           && g_ascii_isdigit (trimmed[3]) && (trimmed[4] == '-' || trimmed[4] == 'T' || g_ascii_isdigit (trimmed[4])))
    /* Looks ISO: only GLib judges it, so curl cannot "fix" 2026-13-07. */
    ok = parse_iso_date_time (re, trimmed, &result);
  else if (g_ascii_isdigit (trimmed[0]) && strchr (trimmed, '/') != NULL)
    ok = parse_us_date (re, trimmed, &result);
  else
    ok = parse_us_date (re, trimmed, &result) || parse_http_date (trimmed, &result);

  if (ok && out_unix != NULL)
    *out_unix = result;
  return ok;
}

gboolean
jk_parse_salary (const char     *text,
                 double         *out_min,
                 double         *out_max,
                 JkSalaryPeriod *out_period)
{
  SalaryNumber numbers[MAX_SALARY_NUMBERS];
  g_autofree char *valid = NULL;
  g_autofree char *lower = NULL;
  guint count, first = 0;
  gboolean any_currency = FALSE, odd = FALSE, said_salary = FALSE;
  double min, max;
  JkSalaryPeriod period;

  if (text == NULL)
    return FALSE;
  /* Salary text is short; a long one is a description in the wrong field. */
  valid = g_utf8_make_valid (text, (gssize) find_char_boundary (text, MIN (strlen (text), 1024)));
  lower = g_utf8_strdown (valid, -1);
  count = collect_salary_numbers (lower, numbers, MAX_SALARY_NUMBERS);
  if (count == 0)
    return FALSE;

  for (guint i = 0; i < count; i++)
    if (numbers[i].currency)
      {
        any_currency = TRUE;
        first = i;
        break;
      }
  min = max = numbers[first].value;
  if (first + 1 < count)
    {
      const SalaryNumber *a = &numbers[first], *b = &numbers[first + 1];
      const char *gap = lower + a->end;
      gsize gap_len = b->start - a->end;
      gboolean loose = any_currency && a->currency && b->currency;

      if (is_range_gap (gap, gap_len, FALSE) || (loose && is_range_gap (gap, gap_len, TRUE)))
        {
          max = b->value;
          /* "$38-44K": the K covers both figures. */
          if (b->thousands && !a->thousands && min < 1000 && min * 1000 <= max)
            min *= 1000;
        }
    }
  if (min > max)
    {
      double t = min;

      min = max;
      max = t;
    }
  if (max <= 0 || max > SALARY_ABSURD)
    return FALSE;

  period = find_period_word (lower, &odd, &said_salary);
  if (period == JK_SALARY_PERIOD_NONE && !odd)
    {
      if (said_salary && min >= 1000)
        period = JK_SALARY_PERIOD_YEAR;
      else if (max <= 200)
        period = JK_SALARY_PERIOD_HOUR;
      else if (min >= 15000)
        period = JK_SALARY_PERIOD_YEAR;
    }

  if (out_min != NULL)
    *out_min = min;
  if (out_max != NULL)
    *out_max = max;
  if (out_period != NULL)
    *out_period = period;
  return TRUE;
}

JkSalaryPeriod
jk_salary_period_from_unit (const char *unit)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *lower = NULL;
  gboolean odd = FALSE, said_salary = FALSE;
  JkSalaryPeriod period;

  if (unit == NULL || !g_utf8_validate (unit, -1, NULL))
    return JK_SALARY_PERIOD_NONE;
  trimmed = g_strstrip (g_strdup (unit));
  for (guint i = 0; i < G_N_ELEMENTS (period_codes); i++)
    if (g_ascii_strcasecmp (trimmed, period_codes[i].word) == 0)
      return period_codes[i].period;
  lower = g_utf8_strdown (trimmed, -1);
  period = find_period_word (lower, &odd, &said_salary);
  if (period == JK_SALARY_PERIOD_NONE && said_salary && !odd)
    return JK_SALARY_PERIOD_YEAR;
  return period;
}

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
    len = find_char_boundary (html, bound);
  valid = g_utf8_make_valid (html, (gssize) len);
  unwrapped = unwrap_cdata (valid);

  b.out = g_string_sized_new (MIN (len, max_bytes > 0 ? max_bytes + 64 : len) + 1);
  b.limit = max_bytes;
  render_description (&b, unwrapped != NULL ? unwrapped : valid, DECODE_ROUNDS);

  trim_trailing_space (b.out);
  shorten_text (b.out, max_bytes);
  return g_string_free (b.out, FALSE);
}

/* max_bytes == 0 means no limit. */
char *
jk_clean_field (const char *text,
                gsize       max_bytes)
{
  g_autoptr (GString) out = NULL;
  g_autofree char *valid = NULL;
  gboolean pending_space = FALSE;
  gsize len;
  const char *p;

  if (text == NULL)
    return NULL;
  /* Read only what could fill max_bytes, with room for collapsed space. */
  len = strlen (text);
  if (max_bytes > 0 && len > max_bytes * 4 + 1024)
    len = find_char_boundary (text, max_bytes * 4 + 1024);
  valid = g_utf8_make_valid (text, (gssize) len);
  out = g_string_sized_new (MIN (len, max_bytes > 0 ? max_bytes : len) + 8);

  p = valid;
  while (*p != '\0' && (max_bytes == 0 || out->len <= max_bytes))
    {
      gunichar c = read_char (&p);

      switch (classify_char (c))
        {
        case CHAR_NEWLINE:
        case CHAR_SPACE:
        case CHAR_CONTROL:
          pending_space = out->len > 0;
          break;
        case CHAR_INVISIBLE:
          break;
        case CHAR_TEXT:
        default:
          if (pending_space)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          if (c < 0x80)
            g_string_append_c (out, (char) c);
          else
            g_string_append_unichar (out, c);
          break;
        }
    }
  if (max_bytes > 0 && out->len > max_bytes)
    g_string_truncate (out, find_char_boundary (out->str, max_bytes));
  /* A cut must not leave an emoji's joiner dangling at the end. */
  while (g_str_has_suffix (out->str, "\u200d"))
    g_string_truncate (out, out->len - strlen ("\u200d"));
  trim_trailing_space (out);
  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

const char *
jk_normalize_employment_type (const char *text)
{
  g_autofree char *lower = NULL;
  g_autoptr (GPtrArray) words = NULL;
  g_autoptr (GString) joined = NULL;
  guint flags = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  lower = g_utf8_strdown (text, (gssize) find_char_boundary (text, MIN (strlen (text), 1024)));
  words = split_words (lower);
  for (guint i = 0; i < words->len; i++)
    for (guint k = 0; k < G_N_ELEMENTS (employment_phrases); k++)
      {
        guint len;

        if (match_phrase (words, i, &employment_phrases[k], &len))
          {
            flags |= employment_phrases[k].flag;
            i += len - 1;
            break;
          }
      }
  if (flags == 0)
    return NULL;

  joined = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (employment_names); i++)
    if (flags & (1u << i))
      {
        if (joined->len > 0)
          g_string_append_c (joined, ',');
        g_string_append (joined, employment_names[i]);
      }
  /* At most 255 combinations, so interning cannot grow without bound. */
  return g_intern_string (joined->str);
}

char *
jk_normalize_state (const char *text)
{
  g_autofree char *cleaned = jk_clean_field (text, JK_FIELD_MAX);
  g_autofree char *key = NULL;

  if (cleaned == NULL)
    return NULL;
  key = make_state_key (cleaned);
  for (guint i = 0; i < G_N_ELEMENTS (state_specs); i++)
    if (g_ascii_strcasecmp (key, state_specs[i].code) == 0 || g_str_equal (key, state_specs[i].name))
      return g_strdup (state_specs[i].code);
  return g_steal_pointer (&cleaned);
}
