/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-normalize.c: dates, pay, descriptions, fields, job types and states from hostile feed text */

#include <string.h>
#include <jobkiosk/jk-format.h>
#include <jobkiosk/jk-i18n.h>
#include "feeds/jk-normalize-private.h"

#define NOTE "\n\n[This posting was shortened. See the full posting at the apply link.]"

/* 2026-03-07T14:45:00Z and 2026-03-07T00:00:00Z */
#define T_1445 G_GINT64_CONSTANT (1772894700)
#define T_DAY G_GINT64_CONSTANT (1772841600)

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* Names the case in the TAP log, so a failure says which row; escaped,
 * since some rows are deliberately not UTF-8. */
static void
note_case (const char *what,
           const char *text)
{
  g_autofree char *escaped = g_strescape (text, NULL);

  g_test_message ("%s \"%s\"", what, escaped);
}

/* Asserts the shape every description must have, whatever went in. */
static void
assert_clean_text (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_null (strstr (text, "\n\n\n"));
  g_assert_null (strstr (text, "  "));
  g_assert_null (strstr (text, " \n"));
  g_assert_null (strstr (text, "\n "));
  if (*text != '\0')
    {
      g_assert_false (g_ascii_isspace (text[0]));
      g_assert_false (g_ascii_isspace (text[strlen (text) - 1]));
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_true (c == '\n' || !(c < 0x20 || (c >= 0x7F && c <= 0x9F)));
    }
}

/* ---------------------------------------------------------------------- */
/* Dates                                                                  */

typedef struct {
  const char *text;
  gboolean ok;
  gint64 expected;
} DateCase;

static const DateCase date_cases[] = {
  /* ISO 8601 */
  { "2026-03-07", TRUE, T_DAY },
  { "2026-03-07T14:45:00Z", TRUE, T_1445 },
  { "2026-03-07T14:45:00", TRUE, T_1445 },
  { "2026-03-07 14:45:00", TRUE, T_1445 },
  { "2026-03-07T14:45", TRUE, T_1445 },
  { "2026-03-07T14:45Z", TRUE, T_1445 },
  { "2026-03-07T09:45:00-05:00", TRUE, T_1445 },
  { "2026-03-07T15:45:00+01:00", TRUE, T_1445 },
  { "2026-03-07T15:45:00+0100", TRUE, T_1445 },
  { "2026-03-07T14:45:00.0000", TRUE, T_1445 },
  { "2026-03-07T14:45:00.123Z", TRUE, T_1445 },
  { "20260307T144500Z", TRUE, T_1445 },
  { "  2026-03-07  ", TRUE, T_DAY },
  { "1990-01-01", TRUE, G_GINT64_CONSTANT (631152000) },
  { "2100-12-31T00:00:00Z", TRUE, G_GINT64_CONSTANT (4133894400) },
  /* RFC 822 / 1123 and friends */
  { "Sat, 07 Mar 2026 14:45:00 GMT", TRUE, T_1445 },
  { "Sat, 07 Mar 2026 14:45:00 +0000", TRUE, T_1445 },
  { "Sat, 07 Mar 2026 09:45:00 EST", TRUE, T_1445 },
  { "Sat, 07 Mar 2026 09:45:00 -0500", TRUE, T_1445 },
  { "Saturday, 07-Mar-26 14:45:00 GMT", TRUE, T_1445 },
  { "Sat Mar  7 14:45:00 2026", TRUE, T_1445 },
  { "07 Mar 2026 14:45 GMT", TRUE, T_1445 },
  { "Mar 7, 2026", TRUE, T_DAY },
  { "March 7, 2026", TRUE, T_DAY },
  /* US */
  { "03/07/2026", TRUE, T_DAY },
  { "3/7/2026", TRUE, T_DAY },
  { "03-07-2026", TRUE, T_DAY },
  { "03/07/2026 02:45:00 PM", TRUE, T_1445 },
  { "3/7/2026 2:45 PM", TRUE, T_1445 },
  { "3/7/2026 2:45 p.m.", TRUE, T_1445 },
  { "03/07/2026 14:45", TRUE, T_1445 },
  { "03/07/2026 14:45:00", TRUE, T_1445 },
  { "03/07/2026 12:15 AM", TRUE, G_GINT64_CONSTANT (1772842500) },
  { "03/07/2026 12:15 PM", TRUE, G_GINT64_CONSTANT (1772885700) },
  /* Compact */
  { "20260307", TRUE, T_DAY },
  /* Nonsense */
  { "", FALSE, 0 },
  { "   ", FALSE, 0 },
  { "DOE", FALSE, 0 },
  { "yesterday", FALSE, 0 },
  { "12", FALSE, 0 },
  { "2026", FALSE, 0 },
  { "2026-13-07", FALSE, 0 },
  { "2026-02-30", FALSE, 0 },
  { "2026-03-07T25:00:00Z", FALSE, 0 },
  { "13/07/2026", FALSE, 0 },
  { "02/30/2026", FALSE, 0 },
  { "03/07/2026 13:45 PM", FALSE, 0 },
  { "03/07/2026 25:00", FALSE, 0 },
  { "03/07/26", FALSE, 0 },
  { "20261307", FALSE, 0 },
  { "99999999", FALSE, 0 },
  { "1989-12-31", FALSE, 0 },
  { "2101-01-01", FALSE, 0 },
  { "01/01/1850", FALSE, 0 },
  { "Mar 7, 1850", FALSE, 0 },
  { "Feb 30 2026", FALSE, 0 },
  { "Mon, 30 Feb 2026 10:00:00 GMT", FALSE, 0 },
  { "Negotiable 12 2026", FALSE, 0 },
  { "Sat, 07 Mar 2026 14:45:00 GMT hello", FALSE, 0 },
};

static void
test_dates (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      const DateCase *c = &date_cases[i];
      gint64 t = -42;
      gboolean ok = jk_parse_date (c->text, &t);

      note_case ("date", c->text);
      g_assert_cmpint (ok, ==, c->ok);
      if (c->ok)
        g_assert_cmpint (t, ==, c->expected);
      else
        g_assert_cmpint (t, ==, -42); /* untouched on failure */
    }
}

static void
test_dates_hostile (void)
{
  g_autofree char *long_text = g_strnfill (10000, '1');
  gint64 t = 0;

  g_assert_false (jk_parse_date (NULL, &t));
  g_assert_false (jk_parse_date (long_text, &t));
  g_assert_false (jk_parse_date ("2026-03-07\xff", &t));
  g_assert_false (jk_parse_date ("\xe2\x80\x8b", &t));
  g_assert_false (jk_parse_date ("Sat, 07 Mar 2026 14:45:00 GMT; DROP TABLE jobs", &t));
  /* A NULL out pointer is allowed for "is this a date?" checks. */
  g_assert_true (jk_parse_date ("2026-03-07", NULL));
}

/* ---------------------------------------------------------------------- */
/* Salary                                                                 */

typedef struct {
  const char *text;
  gboolean ok;
  double min;
  double max;
  JkSalaryPeriod period;
} SalaryCase;

#define HOUR JK_SALARY_PERIOD_HOUR
#define DAY JK_SALARY_PERIOD_DAY
#define WEEK JK_SALARY_PERIOD_WEEK
#define MONTH JK_SALARY_PERIOD_MONTH
#define YEAR JK_SALARY_PERIOD_YEAR
#define NONE JK_SALARY_PERIOD_NONE

static const SalaryCase salary_cases[] = {
  { "$16.25 - $18.00 per hour", TRUE, 16.25, 18, HOUR },
  { "$16.25–$18.00/hr", TRUE, 16.25, 18, HOUR },
  { "$16.25—$18.00 hourly", TRUE, 16.25, 18, HOUR },
  { "$16.25 to $18.00 an hour", TRUE, 16.25, 18, HOUR },
  { "$16 per hour to $18 per hour", TRUE, 16, 18, HOUR },
  { "$38K–$44K a year", TRUE, 38000, 44000, YEAR },
  { "$38k - 44k", TRUE, 38000, 44000, YEAR },
  { "$38-44K per year", TRUE, 38000, 44000, YEAR },
  { "$900 weekly", TRUE, 900, 900, WEEK },
  { "$900 per week", TRUE, 900, 900, WEEK },
  { "$14.50 la hora", TRUE, 14.5, 14.5, HOUR },
  { "$14,50 por hora", TRUE, 14.5, 14.5, HOUR },
  { "$14 a $16 la hora", TRUE, 14, 16, HOUR },
  { "Entre $15 y $18 por hora", TRUE, 15, 18, HOUR },
  { "$120 por día", TRUE, 120, 120, DAY },
  { "$120 diario", TRUE, 120, 120, DAY },
  { "$150 daily", TRUE, 150, 150, DAY },
  { "$150/day", TRUE, 150, 150, DAY },
  { "$650 a la semana", TRUE, 650, 650, WEEK },
  { "$650 semanal", TRUE, 650, 650, WEEK },
  { "$3,500 per month", TRUE, 3500, 3500, MONTH },
  { "$3,500/mo", TRUE, 3500, 3500, MONTH },
  { "$3,500 al mes", TRUE, 3500, 3500, MONTH },
  { "$3,500 mensual", TRUE, 3500, 3500, MONTH },
  { "$40,000 al año", TRUE, 40000, 40000, YEAR },
  { "$40,000 anual", TRUE, 40000, 40000, YEAR },
  { "$40,000/yr", TRUE, 40000, 40000, YEAR },
  { "52,000 - 60,000 annually", TRUE, 52000, 60000, YEAR },
  { "Up to $25 an hour", TRUE, 25, 25, HOUR },
  { "From $20/hr", TRUE, 20, 20, HOUR },
  { "$20/h", TRUE, 20, 20, HOUR },
  { "Hourly: $15.00", TRUE, 15, 15, HOUR },
  { "USD 45000 YEAR", TRUE, 45000, 45000, YEAR },
  { "45000 USD per year", TRUE, 45000, 45000, YEAR },
  { "45000 USD 50000 USD", TRUE, 45000, 45000, YEAR },
  { "$60,000 - $50,000 per year", TRUE, 50000, 60000, YEAR },
  { "Pay: $17.00 per hour, 40 hours per week", TRUE, 17, 17, HOUR },
  { "$15/hr plus $500 sign-on bonus", TRUE, 15, 15, HOUR },
  { "$18/hr + 401(k)", TRUE, 18, 18, HOUR },
  { "$20 hourly, 2nd shift", TRUE, 20, 20, HOUR },
  { "$20 per hour 🙂👍", TRUE, 20, 20, HOUR },
  { "Shift 9:00-5:30, $0 - $19.75 per hour", TRUE, 19.75, 19.75, HOUR },
  { "2nd shift 3:00 pm - 11:30 pm, 19.75 hourly", TRUE, 19.75, 19.75, HOUR },
  { "Salary: $45,000", TRUE, 45000, 45000, YEAR },
  { "Annual salary $45,000 - $50,000", TRUE, 45000, 50000, YEAR },
  /* No period: guessed from the size, or left NONE in between. */
  { "$22.50", TRUE, 22.5, 22.5, HOUR },
  { "Salary: $20", TRUE, 20, 20, HOUR },
  { "200", TRUE, 200, 200, HOUR },
  { "$1,000", TRUE, 1000, 1000, NONE },
  { "14999", TRUE, 14999, 14999, NONE },
  { "45000", TRUE, 45000, 45000, YEAR },
  { "52,000", TRUE, 52000, 52000, YEAR },
  /* Periods the kiosk cannot store: figures kept, no period, no guess. */
  { "$2,000 biweekly", TRUE, 2000, 2000, NONE },
  { "$60 bi-weekly", TRUE, 60, 60, NONE },
  /* No usable numbers */
  { "", FALSE, 0, 0, NONE },
  { "DOE", FALSE, 0, 0, NONE },
  { "Negotiable", FALSE, 0, 0, NONE },
  { "Competitive", FALSE, 0, 0, NONE },
  { "Depends on experience", FALSE, 0, 0, NONE },
  { "Competitive pay, 401k and 403(b)", FALSE, 0, 0, NONE },
  { "Según experiencia", FALSE, 0, 0, NONE },
  { "$0", FALSE, 0, 0, NONE },
  { "$25,000,000 a year", FALSE, 0, 0, NONE },
  { "99999999999999999999", FALSE, 0, 0, NONE },
};

static void
test_salary (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (salary_cases); i++)
    {
      const SalaryCase *c = &salary_cases[i];
      double min = -1, max = -1;
      JkSalaryPeriod period = (JkSalaryPeriod) 99;
      gboolean ok = jk_parse_salary (c->text, &min, &max, &period);

      note_case ("salary", c->text);
      g_assert_cmpint (ok, ==, c->ok);
      if (!c->ok)
        continue;
      g_assert_cmpfloat_with_epsilon (min, c->min, 1e-9);
      g_assert_cmpfloat_with_epsilon (max, c->max, 1e-9);
      g_assert_cmpint (period, ==, c->period);
    }
}

static void
test_salary_hostile (void)
{
  g_autoptr (GString) huge = g_string_new ("$17 per hour ");
  double min = 0, max = 0;
  JkSalaryPeriod period = NONE;

  g_assert_false (jk_parse_salary (NULL, &min, &max, &period));
  /* Bad bytes around a figure do not hide it. */
  g_assert_true (jk_parse_salary ("\xff$19.50\xfe/hr", &min, &max, &period));
  g_assert_cmpfloat_with_epsilon (min, 19.5, 1e-9);
  g_assert_cmpint (period, ==, HOUR);
  /* A description pasted into the salary field stays cheap. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (huge, "and 12 more words ");
  g_assert_true (jk_parse_salary (huge->str, &min, &max, &period));
  g_assert_cmpfloat_with_epsilon (max, 17, 1e-9);
  /* NULL outputs are allowed. */
  g_assert_true (jk_parse_salary ("$20/hr", NULL, NULL, NULL));
}

typedef struct {
  const char *unit;
  JkSalaryPeriod period;
} UnitCase;

static const UnitCase unit_cases[] = {
  { "HOUR", HOUR },          { "hour", HOUR },           { "Hour", HOUR },
  { "DAY", DAY },            { "WEEK", WEEK },           { "MONTH", MONTH },
  { "YEAR", YEAR },          { " year ", YEAR },         { "PH", HOUR },
  { "PD", DAY },             { "PW", WEEK },             { "PM", MONTH },
  { "PA", YEAR },            { "Per Hour", HOUR },       { "Per Day", DAY },
  { "Per Week", WEEK },      { "Per Month", MONTH },     { "Per Year", YEAR },
  { "Per Annum", YEAR },     { "hourly", HOUR },         { "annually", YEAR },
  { "a year", YEAR },        { "al año", YEAR },         { "la hora", HOUR },
  { "por hora", HOUR },      { "por día", DAY },         { "semanal", WEEK },
  { "mensual", MONTH },      { "Annual Salary", YEAR },  { "BW", NONE },
  { "Bi-weekly", NONE },     { "Biweekly", NONE },       { "FB", NONE },
  { "Fee Basis", NONE },     { "WC", NONE },             { "", NONE },
  { "OTHER", NONE },         { "\xff\xfe", NONE },
};

static void
test_salary_unit (void)
{
  g_assert_cmpint (jk_salary_period_from_unit (NULL), ==, NONE);
  for (guint i = 0; i < G_N_ELEMENTS (unit_cases); i++)
    {
      note_case ("unit", unit_cases[i].unit);
      g_assert_cmpint (jk_salary_period_from_unit (unit_cases[i].unit), ==, unit_cases[i].period);
    }
}

/* ---------------------------------------------------------------------- */
/* HTML to text                                                           */

typedef struct {
  const char *html;
  const char *text;
} HtmlCase;

static const HtmlCase html_cases[] = {
  /* Empty and plain */
  { "", "" },
  { "   \n\t  ", "" },
  { "Hello", "Hello" },
  { "  Hello   world  ", "Hello world" },
  { "Line one\nLine two\n\n\n\nPara two", "Line one\nLine two\n\nPara two" },
  { "Line one\r\nLine two\r\n\r\nPara two", "Line one\nLine two\n\nPara two" },
  { "Duties:\n* Clean\n- Cook\n• Serve", "Duties:\n• Clean\n• Cook\n• Serve" },
  { "Lift <50 lbs and press <Enter>", "Lift <50 lbs and press <Enter>" },
  { "Fish &amp; Chips", "Fish & Chips" },
  { "Wages &lt; $20 &amp; tips", "Wages < $20 & tips" },
  { "AT&T store; R&D", "AT&T store; R&D" },
  /* Entities, escaped and double-escaped HTML */
  { "&lt;p&gt;Hello&lt;/p&gt;", "Hello" },
  { "&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two&lt;/p&gt;", "One\n\nTwo" },
  { "&amp;lt;p&amp;gt;Hello&amp;lt;/p&amp;gt;", "Hello" },
  { "Tom &amp;amp; Jerry", "Tom & Jerry" },
  { "<p>Tom &amp;amp; Jerry</p>", "Tom & Jerry" },
  { "<p>Tom &amp; Jerry</p>", "Tom & Jerry" },
  { "<p>caf&eacute; &#233; &#xE9;&nbsp;&nbsp;x</p>", "café é é x" },
  { "<p>x &amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt;</p>", "x bold" },
  { "<div>&lt;p&gt;Inside&lt;/p&gt;&lt;ul&gt;&lt;li&gt;A&lt;/li&gt;&lt;/ul&gt;</div>", "Inside\n\n• A" },
  /* Decoding stops after two rounds instead of chasing escapes forever. */
  { "&amp;amp;amp;", "&amp;" },
  /* CDATA inside the string */
  { "<![CDATA[<p>Hi</p><p>There</p>]]>", "Hi\n\nThere" },
  { "<![CDATA[&lt;p&gt;Hi&lt;/p&gt;]]>", "Hi" },
  { "<![CDATA[unterminated <b>bold</b>", "unterminated bold" },
  /* Blocks */
  { "<p>Hello</p>", "Hello" },
  { "<p>One</p><p>Two</p>", "One\n\nTwo" },
  { "<div>One</div><div>Two</div>", "One\n\nTwo" },
  { "<div><div><p>Deep</p></div></div><section>Next</section>", "Deep\n\nNext" },
  { "<h2>Duties</h2><p>Clean</p><h3>Pay</h3>", "Duties\n\nClean\n\nPay" },
  { "<p>Pay</p>\n\n<p>\n</p><p>  </p><p>More</p>", "Pay\n\nMore" },
  { "<p>A</p><hr><p>B</p>", "A\n\nB" },
  { "Intro text<p>Para</p>tail", "Intro text\n\nPara\n\ntail" },
  { "<p>  lots    of   \n  space  </p>", "lots of space" },
  { "<b>Bold</b> and <i>italic</i> and <a href='https://x.test/'>link</a>", "Bold and italic and link" },
  { "<p>A<!-- hidden -->B</p>", "AB" },
  { "<pre>a    b\nc\n\n\n\nd</pre>", "a b\nc\nd" },
  { "<table><tr><td>Pay</td><td>$15</td></tr><tr><th>Shift</th><td>Days</td></tr></table>",
    "Pay $15\n\nShift Days" },
  { "<dl><dt>Term</dt><dd>Meaning</dd></dl>", "Term\nMeaning" },
  /* Line breaks */
  { "<p>Line one<br>Line two</p>", "Line one\nLine two" },
  { "Line one<br/>Line two<br />Line three", "Line one\nLine two\nLine three" },
  { "<p>A<br><br><br><br>B</p>", "A\n\nB" },
  { "<br><br><p>Start</p><br><br>", "Start" },
  /* Lists */
  { "<ul><li>One</li><li>Two</li></ul>", "• One\n• Two" },
  { "<p>Needs:</p><ul><li>One</li><li>Two</li></ul><p>Apply now</p>", "Needs:\n\n• One\n• Two\n\nApply now" },
  { "Needs:<ul><li>One</li></ul>Apply", "Needs:\n\n• One\n\nApply" },
  { "<ol><li>First</li><li>Second</li></ol>", "1. First\n2. Second" },
  { "<ol start=\"3\"><li>Third</li><li>Fourth</li></ol>", "3. Third\n4. Fourth" },
  { "<ul><li>Kitchen<ul><li>Prep</li><li>Dish</li></ul></li><li>Front</li></ul>",
    "• Kitchen\n• Prep\n• Dish\n• Front" },
  { "<ol><li>Apply<ol><li>Online</li><li>In person</li></ol></li><li>Interview</li></ol>",
    "1. Apply\n1. Online\n2. In person\n2. Interview" },
  { "<ul><li><p>Para item</p></li><li></li><li>  </li><li><div>Two</div><div>lines</div></li></ul>",
    "• Para item\n• Two\nlines" },
  { "<li>orphan</li><li>items</li>", "• orphan\n• items" },
  /* Dropped content */
  { "<script>alert(1)</script><p>Safe</p>", "Safe" },
  { "<style>p{color:red}</style><p>Safe</p>", "Safe" },
  { "<p>A<script type=\"text/javascript\">document.write('<p>x</p>')</script>B</p>", "AB" },
  { "<html><head><title>T</title><style>x</style><script>y</script></head><body>"
    "<noscript>nojs</noscript><p>Body</p><iframe src=\"x\">frame</iframe>"
    "<template><p>tmpl</p></template></body></html>",
    "Body" },
  { "<script>only</script>", "" },
  { "<p></p><div> </div>", "" },
  /* Characters */
  { "<p>Bad\x01\x07text\x1b here\x7f!</p>", "Badtext here!" },
  { "Plain\x01 text\x02", "Plain text" },
  { "<p>caf\xe9 ok</p>", "caf\xef\xbf\xbd ok" },
  { "Caf\xc3", "Caf\xef\xbf\xbd" },
  { "<p>Cook 👩‍🍳 wanted 🎉</p>", "Cook 👩‍🍳 wanted 🎉" },
  { "<p>Se busca cocinero. ¡Aplique hoy!</p><p>Niños, años, ¿preguntas?</p>",
    "Se busca cocinero. ¡Aplique hoy!\n\nNiños, años, ¿preguntas?" },
  { "\xef\xbb\xbfHello\xe2\x80\x8b world", "Hello world" },
  { "abc\xe2\x80\xae" "def", "abcdef" },
  { "<meta charset=\"iso-8859-1\"><p>café</p>", "café" },
};

static void
test_html (void)
{
  g_autofree char *from_null = jk_html_to_text (NULL, JK_DESCRIPTION_MAX);

  g_assert_cmpstr (from_null, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (html_cases); i++)
    {
      g_autofree char *text = NULL;

      note_case ("html", html_cases[i].html);
      text = jk_html_to_text (html_cases[i].html, JK_DESCRIPTION_MAX);
      g_assert_cmpstr (text, ==, html_cases[i].text);
      assert_clean_text (text);
    }
}

static char *
make_nested (guint depth)
{
  GString *html = g_string_new ("<p>start</p>");

  for (guint i = 0; i < depth; i++)
    g_string_append (html, "<div><span>");
  g_string_append (html, "deep");
  for (guint i = 0; i < depth; i++)
    g_string_append (html, "</span></div>");
  g_string_append (html, "<p>after</p>");
  return g_string_free (html, FALSE);
}

static void
test_html_deep (void)
{
  g_autofree char *nested = make_nested (500);
  g_autofree char *hostile = make_nested (50000);
  g_autofree char *text = jk_html_to_text (nested, JK_DESCRIPTION_MAX);
  g_autofree char *hostile_text = jk_html_to_text (hostile, JK_DESCRIPTION_MAX);

  /* 1000 levels: deeper than any real posting, still read in full. */
  g_assert_cmpstr (text, ==, "start\n\ndeep\n\nafter");
  /* 100 000 levels: the parser gives up past its limit; what came before
   * is kept, nothing crashes, the result is still clean. */
  assert_clean_text (hostile_text);
  g_assert_true (g_str_has_prefix (hostile_text, "start"));
}

/* ---------------------------------------------------------------------- */
/* Shortening                                                             */

static char *
make_big_description (void)
{
  GString *html = g_string_new ("<div class=\"job\"><style>.x{}</style>");
  guint n = 0;

  while (html->len < 200 * 1024)
    {
      g_string_append_printf (html,
                              "<p>Paragraph %u: we serve food &amp; drinks. ¿Habla español? "
                              "Niños y años 👩‍🍳. Shifts vary!</p>"
                              "<ul><li>Duty %u one</li><li>Duty %u two</li></ul>",
                              n, n, n);
      n++;
    }
  g_string_append (html, "<p>THE END</p></div>");
  return g_string_free (html, FALSE);
}

/* The cut text is the uncut text up to a boundary, then the note. */
static void
assert_cut_cleanly (const char *cut,
                    const char *full,
                    gsize       max_bytes)
{
  gsize body_len;
  char next;

  assert_clean_text (cut);
  g_assert_cmpuint (strlen (cut), <=, max_bytes);
  g_assert_true (g_str_has_suffix (cut, NOTE));
  body_len = strlen (cut) - strlen (NOTE);
  /* Not cut absurdly short either. */
  g_assert_cmpuint (body_len, >, max_bytes / 2);
  g_assert_true (strncmp (cut, full, body_len) == 0);
  next = full[body_len];
  g_assert_true (next == '\n' || (next == ' ' && strchr (".!?", cut[body_len - 1]) != NULL));
}

static void
test_shorten_big (void)
{
  g_autofree char *html = make_big_description ();
  g_autofree char *full = jk_html_to_text (html, 0);
  g_autofree char *cut = jk_html_to_text (html, JK_DESCRIPTION_MAX);

  g_assert_cmpuint (strlen (html), >=, 200 * 1024);
  /* 0 means no limit: everything comes through, with no note. */
  assert_clean_text (full);
  g_assert_true (g_str_has_suffix (full, "THE END"));
  g_assert_null (strstr (full, "shortened"));
  g_assert_cmpuint (strlen (full), >, 100 * 1024);

  assert_cut_cleanly (cut, full, JK_DESCRIPTION_MAX);
  g_assert_null (strstr (cut, "THE END"));
  g_assert_nonnull (strstr (cut, "• Duty 3 two"));
}

static void
test_shorten_plain (void)
{
  g_autoptr (GString) plain = g_string_new (NULL);
  g_autofree char *full = NULL;
  g_autofree char *cut = NULL;

  while (plain->len < 200 * 1024)
    g_string_append (plain, "We hire. Apply today at the front desk, ask for María\n");
  full = jk_html_to_text (plain->str, 0);
  cut = jk_html_to_text (plain->str, 4000);
  assert_cut_cleanly (cut, full, 4000);
}

static void
test_shorten_no_boundary (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *cut = NULL;
  gsize body_len;

  /* No space, no sentence, two- and four-byte characters: the cut may only
   * fall between characters. */
  while (text->len < 200 * 1024)
    g_string_append (text, "ñ🎉ñ");
  cut = jk_html_to_text (text->str, 1001);
  assert_clean_text (cut);
  g_assert_cmpuint (strlen (cut), <=, 1001);
  g_assert_true (g_str_has_suffix (cut, NOTE));
  body_len = strlen (cut) - strlen (NOTE);
  g_assert_cmpuint (body_len, >, 1001 - strlen (NOTE) - 4);
  g_assert_true (strncmp (cut, text->str, body_len) == 0);
}

static void
test_shorten_edges (void)
{
  g_autofree char *exact = g_strnfill (500, 'a');
  g_autofree char *over = g_strnfill (501, 'a');
  g_autofree char *a = jk_html_to_text (exact, 500);
  g_autofree char *b = jk_html_to_text (over, 500);
  g_autofree char *tiny = jk_html_to_text ("<p>Short words here. More words follow after that.</p>", 20);
  g_autofree char *small_utf8 = jk_html_to_text ("ñññññññññññ", 7);

  /* At the limit: untouched. One byte over: cut, and the note fits inside. */
  g_assert_cmpstr (a, ==, exact);
  g_assert_cmpuint (strlen (b), <=, 500);
  g_assert_true (g_str_has_suffix (b, NOTE));
  /* Too small for the note: text only, still within the limit. */
  g_assert_cmpuint (strlen (tiny), <=, 20);
  g_assert_cmpstr (tiny, ==, "Short words here.");
  g_assert_cmpstr (small_utf8, ==, "ñññ");
}

static void
test_shorten_huge_input (void)
{
  gsize size = 8 * 1024 * 1024;
  char *huge = g_malloc (size + 1);
  g_autofree char *text = NULL;

  /* 8 MB of paragraphs: bounded before parsing, cut with the note. */
  for (gsize i = 0; i < size; i++)
    huge[i] = "<p>Word. </p>"[i % 13];
  huge[size] = '\0';
  text = jk_html_to_text (huge, JK_DESCRIPTION_MAX);
  g_free (huge);
  assert_clean_text (text);
  g_assert_cmpuint (strlen (text), <=, JK_DESCRIPTION_MAX);
  g_assert_true (g_str_has_suffix (text, NOTE));
  g_assert_true (g_str_has_prefix (text, "Word.\n\nWord."));
}

/* ---------------------------------------------------------------------- */
/* Short fields                                                           */

typedef struct {
  const char *text;
  gsize max;
  const char *expected;
} FieldCase;

static const FieldCase field_cases[] = {
  { "", JK_FIELD_MAX, NULL },
  { "   \n\t ", JK_FIELD_MAX, NULL },
  { "\x01\x02", JK_FIELD_MAX, NULL },
  { "  Line   Cook \n", JK_FIELD_MAX, "Line Cook" },
  { "<i>Baker</i> & <u>Helper</u>", JK_FIELD_MAX, "<i>Baker</i> & <u>Helper</u>" },
  { "Tom &amp; Jerry's <script>", JK_FIELD_MAX, "Tom &amp; Jerry's <script>" },
  { "Cook\x01\x02Helper", JK_FIELD_MAX, "Cook Helper" },
  { "Cook\x7f\xc2\x85Helper", JK_FIELD_MAX, "Cook Helper" },
  { "Line\nCook\r\n", JK_FIELD_MAX, "Line Cook" },
  { "Line\xe2\x80\xa8" "Cook", JK_FIELD_MAX, "Line Cook" },
  { "Line\xc2\xa0\xc2\xa0" "Cook", JK_FIELD_MAX, "Line Cook" },
  { "Caf\xe9", JK_FIELD_MAX, "Caf\xef\xbf\xbd" },
  { "Cocinero/a — Niños 👩‍🍳", JK_FIELD_MAX, "Cocinero/a — Niños 👩‍🍳" },
  { "a\xe2\x80\x8b" "b", JK_FIELD_MAX, "ab" },
  { "\xef\xbb\xbfTitle", JK_FIELD_MAX, "Title" },
  { "evil\xe2\x80\xae" "txt.exe", JK_FIELD_MAX, "eviltxt.exe" },
  { "ééééé", 5, "éé" },
  { "ab👩‍🍳", 6, "ab👩" },
  { "ab👩‍🍳", 9, "ab👩" },
  { "ab👩‍🍳", 0, "ab👩‍🍳" },
  { "word word", 5, "word" },
};

static void
test_clean_field (void)
{
  g_autofree char *long_title = g_strnfill (100000, 'a');
  g_autofree char *long_cut = NULL;

  g_assert_null (jk_clean_field (NULL, JK_FIELD_MAX));
  for (guint i = 0; i < G_N_ELEMENTS (field_cases); i++)
    {
      g_autofree char *clean = jk_clean_field (field_cases[i].text, field_cases[i].max);

      note_case ("field", field_cases[i].text);
      g_assert_cmpstr (clean, ==, field_cases[i].expected);
      if (clean != NULL)
        assert_clean_text (clean);
    }
  long_cut = jk_clean_field (long_title, JK_FIELD_MAX);
  g_assert_cmpuint (strlen (long_cut), ==, JK_FIELD_MAX);
}

/* ---------------------------------------------------------------------- */
/* Employment types                                                       */

typedef struct {
  const char *text;
  const char *expected;
} TypeCase;

static const TypeCase type_cases[] = {
  { "FULL_TIME", "full-time" },
  { "Full-Time", "full-time" },
  { "full time", "full-time" },
  { "Fulltime", "full-time" },
  { "Full-time", "full-time" },
  { "Tiempo completo", "full-time" },
  { "PART_TIME", "part-time" },
  { "Part time", "part-time" },
  { "Medio tiempo", "part-time" },
  { "Tiempo parcial", "part-time" },
  { "Temporary", "temporary" },
  { "temp", "temporary" },
  { "Temporal", "temporary" },
  { "CONTRACTOR", "contract" },
  { "Contract", "contract" },
  { "INTERN", "internship" },
  { "Internship", "internship" },
  { "Pasantía", "internship" },
  { "Seasonal", "seasonal" },
  { "De temporada", "seasonal" },
  { "PER_DIEM", "per-diem" },
  { "Per Diem", "per-diem" },
  { "VOLUNTEER", "volunteer" },
  { "Voluntario", "volunteer" },
  { "Full-time, Part-time", "full-time,part-time" },
  { "FULL_TIME,PART_TIME", "full-time,part-time" },
  { "PART_TIME, FULL_TIME", "full-time,part-time" },
  { "Full Time Temporary", "full-time,temporary" },
  { "Temporary/Seasonal", "temporary,seasonal" },
  { "INTERN PER_DIEM VOLUNTEER CONTRACTOR", "contract,internship,per-diem,volunteer" },
  { "OTHER", NULL },
  { "Shift work", NULL },
  { "Multiple Schedules", NULL },
  { "", NULL },
  { "\xff\xfe", NULL },
};

static void
test_employment_type (void)
{
  g_assert_null (jk_normalize_employment_type (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (type_cases); i++)
    {
      note_case ("type", type_cases[i].text);
      g_assert_cmpstr (jk_normalize_employment_type (type_cases[i].text), ==, type_cases[i].expected);
    }
  /* Static or interned: the same answer is the same pointer, never freed. */
  g_assert_true (jk_normalize_employment_type ("Full-time, Part-time")
                 == jk_normalize_employment_type ("PART_TIME,FULL_TIME"));
}

/* ---------------------------------------------------------------------- */
/* States                                                                 */

static const char *const all_codes[] = {
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN",
  "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
  "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN",
  "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP",
};

static const TypeCase state_cases[] = {
  { "OH", "OH" },
  { "oh", "OH" },
  { "Oh", "OH" },
  { "Ohio", "OH" },
  { "ohio", "OH" },
  { "OHIO", "OH" },
  { " Ohio \n", "OH" },
  { "New York", "NY" },
  { "new   york", "NY" },
  { "North Carolina", "NC" },
  { "West Virginia", "WV" },
  { "Virginia", "VA" },
  { "Washington", "WA" },
  { "District of Columbia", "DC" },
  { "Washington, D.C.", "DC" },
  { "D.C.", "DC" },
  { "Puerto Rico", "PR" },
  { "pr", "PR" },
  { "Guam", "GU" },
  { "U.S. Virgin Islands", "VI" },
  { "American Samoa", "AS" },
  { "Northern Mariana Islands", "MP" },
  { "Ontario", "Ontario" },
  { "  Baja   California ", "Baja California" },
  { "XX", "XX" },
  { "<b>OH</b>", "<b>OH</b>" },
  { "", NULL },
  { " \t", NULL },
};

static void
test_state (void)
{
  g_assert_null (jk_normalize_state (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (state_cases); i++)
    {
      g_autofree char *state = jk_normalize_state (state_cases[i].text);

      note_case ("state", state_cases[i].text);
      g_assert_cmpstr (state, ==, state_cases[i].expected);
    }
  g_assert_cmpuint (G_N_ELEMENTS (all_codes), ==, 56);
  for (guint i = 0; i < G_N_ELEMENTS (all_codes); i++)
    {
      g_autofree char *lower = g_ascii_strdown (all_codes[i], -1);
      g_autofree char *state = jk_normalize_state (lower);

      g_assert_cmpstr (state, ==, all_codes[i]);
    }
}

/* ---------------------------------------------------------------------- */
/* Threads                                                                */

typedef struct {
  const char *html;
  const char *expected_text;
} ThreadData;

static gpointer
normalize_in_thread (gpointer user_data)
{
  const ThreadData *data = user_data;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *text = jk_html_to_text (data->html, JK_DESCRIPTION_MAX);
      gint64 t = 0;
      double min = 0, max = 0;
      JkSalaryPeriod period = NONE;

      if (g_strcmp0 (text, data->expected_text) != 0 || !jk_parse_date ("3/7/2026 2:45 PM", &t) || t != T_1445
          || !jk_parse_date ("Sat, 07 Mar 2026 09:45:00 EST", &t) || t != T_1445
          || !jk_parse_salary ("$38K–$44K a year", &min, &max, &period) || max != 44000 || period != YEAR)
        return GINT_TO_POINTER (FALSE);
    }
  return GINT_TO_POINTER (TRUE);
}

static void
test_threads (void)
{
  ThreadData data = { "&lt;ul&gt;&lt;li&gt;Uno&lt;/li&gt;&lt;li&gt;Dos 🎉&lt;/li&gt;&lt;/ul&gt;", "• Uno\n• Dos 🎉" };
  GThread *threads[4];

  /* First use of every table happens in the threads, at the same time. */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("normalize", normalize_in_thread, &data);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[i])));
}

/* A feed's education and schedule, in the kiosk's own words and the
 * visit's language; the feed's words when the kiosk does not know them. */
static void
test_education (void)
{
  static const struct {
    const char *feed;
    const char *en;
    const char *es;
  } cases[] = {
    /* The demo's and the fixtures' values. */
    { "No degree needed", "No degree needed", "Sin título universitario" },
    { "No degree required", "No degree needed", "Sin título universitario" },
    { "Bachelor's degree not required", "No degree needed", "Sin título universitario" },
    { "High school diploma or GED", "High school diploma or GED", "Diploma de secundaria o GED" },
    { "High school diploma or GED preferred", "High school diploma or GED, preferred",
      "Diploma de secundaria o GED, preferible" },
    { "Some college", "Some college", "Algunos estudios universitarios" },
    { "Currently enrolled in college", "Some college", "Algunos estudios universitarios" },
    { "Training provided", "Training provided", "Se ofrece capacitación" },
    { "Trade school or experience", "Trade school", "Escuela de oficios" },
    { "Associate degree preferred", "Associate degree, preferred", "Título universitario de dos años, preferible" },
    { "Bachelor's degree in nursing", "Bachelor's degree", "Licenciatura" },
    { "Bachelor's Degree in Computer Science, Information Systems or related fluency.", "Bachelor's degree",
      "Licenciatura" },
    { "Master's degree", "Master's degree", "Maestría" },
    { "CDL-A license", "Certificate or license (CDL-A license)", "Certificado o licencia (CDL-A license)" },
    { "STNA certificate", "Certificate or license (STNA certificate)", "Certificado o licencia (STNA certificate)" },
    { "Welding certificate preferred", "Certificate or license (Welding certificate), preferred",
      "Certificado o licencia (Welding certificate), preferible" },
    /* Not a word the kiosk knows: as the feed says it. "ged" only as a word. */
    { "Managed a team of five", "Managed a team of five", "Managed a team of five" },
    { "Ability to lift 50 lb", "Ability to lift 50 lb", "Ability to lift 50 lb" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *en = NULL;
      g_autofree char *es = NULL;

      jk_i18n_set_language ("en");
      en = jk_format_education (cases[i].feed);
      jk_i18n_set_language ("es");
      es = jk_format_education (cases[i].feed);
      g_assert_cmpstr (en, ==, cases[i].en);
      g_assert_cmpstr (es, ==, cases[i].es);
    }
  g_assert_null (jk_format_education (NULL));

  /* The schedule is the kiosk's own words already, in both languages. */
  {
    g_autofree char *es = jk_format_employment_type ("full-time,part-time");
    g_autofree char *en = NULL;

    jk_i18n_set_language ("en");
    en = jk_format_employment_type ("full-time,part-time");
    g_assert_cmpstr (en, ==, "Full-time, Part-time");
    g_assert_cmpstr (es, !=, en);
  }
}

/* Where a posting's work is, as cards, the job page and printouts say it. */
static void
test_place (void)
{
  g_autoptr (JkJob) job = jk_job_new ();
  struct {
    const char *city, *state, *postal_code;
    gboolean remote, with_postal_code;
    const char *en, *es;
  } cases[] = {
    { "Dayton", "OH", "45402", FALSE, TRUE, "Dayton, OH 45402", "Dayton, OH 45402" },
    { "Dayton", "OH", "45402", FALSE, FALSE, "Dayton, OH", "Dayton, OH" },
    { NULL, NULL, "45402", FALSE, FALSE, "45402", "45402" },
    { NULL, NULL, NULL, FALSE, TRUE, "Place not given", "Lugar no indicado" },
    { NULL, "OH", NULL, TRUE, TRUE, "Remote", "Trabajo a distancia" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *en = NULL;
      g_autofree char *es = NULL;

      g_free (job->city);
      g_free (job->state);
      g_free (job->postal_code);
      job->city = g_strdup (cases[i].city);
      job->state = g_strdup (cases[i].state);
      job->postal_code = g_strdup (cases[i].postal_code);
      job->remote = cases[i].remote;
      jk_i18n_set_language ("en");
      en = jk_format_place (job, cases[i].with_postal_code);
      jk_i18n_set_language ("es");
      es = jk_format_place (job, cases[i].with_postal_code);
      g_assert_cmpstr (en, ==, cases[i].en);
      g_assert_cmpstr (es, ==, cases[i].es);
    }
  jk_i18n_set_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Threads first, so they are the ones racing to initialize. */
  g_test_add_func ("/normalize/threads", test_threads);
  g_test_add_func ("/normalize/date", test_dates);
  g_test_add_func ("/normalize/date/hostile", test_dates_hostile);
  g_test_add_func ("/normalize/salary", test_salary);
  g_test_add_func ("/normalize/salary/hostile", test_salary_hostile);
  g_test_add_func ("/normalize/salary/unit", test_salary_unit);
  g_test_add_func ("/normalize/html", test_html);
  g_test_add_func ("/normalize/html/deep", test_html_deep);
  g_test_add_func ("/normalize/html/shorten-200k", test_shorten_big);
  g_test_add_func ("/normalize/html/shorten-plain", test_shorten_plain);
  g_test_add_func ("/normalize/html/shorten-no-boundary", test_shorten_no_boundary);
  g_test_add_func ("/normalize/html/shorten-edges", test_shorten_edges);
  g_test_add_func ("/normalize/html/shorten-huge-input", test_shorten_huge_input);
  g_test_add_func ("/normalize/field", test_clean_field);
  g_test_add_func ("/normalize/employment-type", test_employment_type);
  g_test_add_func ("/normalize/state", test_state);
  g_test_add_func ("/normalize/education", test_education);
  g_test_add_func ("/normalize/place", test_place);

  return g_test_run ();
}
