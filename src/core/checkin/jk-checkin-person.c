/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-checkin-person.c: the keyed hash of a last name and a date of birth, so neither is ever stored */

#define G_LOG_DOMAIN "jk-checkin-person"

#include <sodium.h>
#include <string.h>

#include "checkin/jk-checkin-person-private.h"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* "Núñez-García" and "NUNEZ GARCIA" are one name: what a calendar and a
 * visitor's typing agree on. */
static char *
normalize_name (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *letters;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return NULL;
  folded = g_utf8_casefold (decomposed, -1);
  letters = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Combining accents are marks, not letters: they go with the rest. */
      if (g_unichar_isalpha (c))
        g_string_append_unichar (letters, c);
    }
  return g_string_free (letters, FALSE);
}

static gboolean
date_is_valid (const char *text)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  return g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year) && year >= 1900;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

gboolean
jk_checkin_person_hash (const guint8  secret[32],
                        const char   *last_name,
                        const char   *dob_yyyy_mm_dd,
                        guint8        out[32])
{
  g_autofree char *name = normalize_name (last_name);
  g_autofree char *message = NULL;

  if (name == NULL || name[0] == '\0' || !date_is_valid (dob_yyyy_mm_dd))
    return FALSE;
  message = g_strconcat (name, "|", dob_yyyy_mm_dd, NULL);
  crypto_generichash (out, 32, (const guint8 *) message, strlen (message), secret, 32);
  sodium_memzero (message, strlen (message));
  sodium_memzero (name, strlen (name));
  return TRUE;
}
