/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include <jobkiosk/jk-job.h>

G_BEGIN_DECLS

/* Turning what feeds say into what the kiosk stores. All of it takes
 * untrusted text: any bytes, any size; none of it fails loudly. */

/* Longest description kept, in bytes; longer ones are cut at a paragraph or
 * sentence boundary and end with a note saying the posting was shortened. */
#define JK_DESCRIPTION_MAX (16 * 1024)
/* Longest short field (title, employer, city…), in bytes. */
#define JK_FIELD_MAX 300

/* ISO 8601 ("2026-03-07", "2026-03-07T14:45:00Z", with offsets or without),
 * RFC 822 / 1123 ("Sat, 07 Mar 2026 14:45:00 GMT", "+0000", "EST"), US
 * ("03/07/2026", "03/07/2026 02:45:00 PM", "3/7/2026 2:45 PM"), and
 * "20260307". Dates without a zone are taken as UTC. */
gboolean       jk_parse_date              (const char     *text,
                                           gint64         *out_unix);

/* "$16.25 - $18.00 per hour", "$38K–$44K a year", "$900 weekly",
 * "$14.50 la hora", "From $20/hr", "52,000" … Returns FALSE when there are
 * no usable numbers ("DOE", "Negotiable", "Competitive"). min == max for
 * one figure. When the text names no period, figures up to 200 are taken as
 * hourly and from 15 000 as yearly; between, the period stays NONE. */
gboolean       jk_parse_salary            (const char     *text,
                                           double         *out_min,
                                           double         *out_max,
                                           JkSalaryPeriod *out_period);

/* Units as feeds spell them: schema.org unitText HOUR/DAY/WEEK/MONTH/YEAR,
 * USAJOBS RateIntervalCode PH/PD/PW/PM/PA (and "Per Hour"…), words
 * ("hourly", "annually", "a year", "al año"). */
JkSalaryPeriod jk_salary_period_from_unit (const char     *unit);

/* HTML (or entity-escaped HTML, or plain text) to clean plain text: parsed
 * with libxml2's HTML parser, scripts and styles dropped, entities decoded
 * (double-escaped ones too), block elements as paragraphs ("\n\n"), <li> as
 * "• " lines, <br> as "\n", whitespace collapsed, control characters
 * removed, cut to max_bytes as described above. Never NULL. */
char          *jk_html_to_text            (const char     *html,
                                           gsize           max_bytes);

/* A short field: valid UTF-8 (bad bytes replaced), control characters and
 * runs of whitespace collapsed to one space, trimmed, cut to max_bytes at a
 * character boundary. Markup characters stay as they are. NULL when empty. */
char          *jk_clean_field             (const char     *text,
                                           gsize           max_bytes);

/* "FULL_TIME", "Full-Time", "full time", "Tiempo completo", "PART_TIME",
 * "Temporary", "CONTRACTOR", "INTERN", "Seasonal", "PER_DIEM", USAJOBS
 * "Full-time" … to the kiosk's words (see JkJob); NULL when unknown. */
const char    *jk_normalize_employment_type (const char   *text);

/* "OH", "Ohio", "ohio" → "OH" for the US states, DC and territories;
 * other text cleaned as a field. */
char          *jk_normalize_state         (const char     *text);

G_END_DECLS
