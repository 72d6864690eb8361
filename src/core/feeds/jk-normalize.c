/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-normalize.c: short fields, job types and states; the character helpers the jk-normalize-*.c files share */

#define G_LOG_DOMAIN "jk-normalize"

#include <string.h>

#include "feeds/jk-normalize-private.h"
#include "feeds/jk-normalize-chars-private.h"

/* ---------------------------------------------------------------------- */
/* Tables                                                                 */

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

/* ---------------------------------------------------------------------- */
/* Characters                                                             */

/* The largest length <= len that does not end inside a UTF-8 character. */
gsize
jk_find_char_boundary (const char *text,
                       gsize       len)
{
  while (len > 0 && ((guchar) text[len] & 0xC0) == 0x80)
    len--;
  return len;
}

/* Steps over a run of letters (and digits, if asked) in valid UTF-8. */
const char *
jk_skip_word (const char *p,
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

void
jk_trim_trailing_space (GString *s)
{
  while (s->len > 0 && g_ascii_isspace (s->str[s->len - 1]))
    g_string_truncate (s, s->len - 1);
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
  jk_trim_trailing_space (key);
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

      p = jk_skip_word (p, TRUE);
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
    len = jk_find_char_boundary (text, max_bytes * 4 + 1024);
  valid = g_utf8_make_valid (text, (gssize) len);
  out = g_string_sized_new (MIN (len, max_bytes > 0 ? max_bytes : len) + 8);

  p = valid;
  while (*p != '\0' && (max_bytes == 0 || out->len <= max_bytes))
    {
      gunichar c = jk_read_char (&p);

      switch (jk_classify_char (c))
        {
        case JK_CHAR_NEWLINE:
        case JK_CHAR_SPACE:
        case JK_CHAR_CONTROL:
          pending_space = out->len > 0;
          break;
        case JK_CHAR_INVISIBLE:
          break;
        case JK_CHAR_TEXT:
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
    g_string_truncate (out, jk_find_char_boundary (out->str, max_bytes));
  /* A cut must not leave an emoji's joiner dangling at the end. */
  while (g_str_has_suffix (out->str, "\u200d"))
    g_string_truncate (out, out->len - strlen ("\u200d"));
  jk_trim_trailing_space (out);
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
  lower = g_utf8_strdown (text, (gssize) jk_find_char_boundary (text, MIN (strlen (text), 1024)));
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
