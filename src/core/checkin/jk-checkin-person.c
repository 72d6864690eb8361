/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-checkin-person.c: the keyed hash that stands for a person: the appointments and the check-in share it */

#define G_LOG_DOMAIN "jk-checkin-person"

#include <sodium.h>
#include <string.h>

#include "checkin/jk-checkin-person-private.h"

/* A last name longer than this is not one: refused rather than hashed. */
#define MAX_NAME_BYTES 512

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static gboolean
parse_date (const char *text,
            char        canonical[11])
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
  if (year < 1800 || year > 2200 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  memcpy (canonical, text, 10);
  canonical[10] = '\0';
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

char *
jk_checkin_person_normalize (const char *last_name)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *again = NULL;
  GString *letters;

  if (last_name == NULL || strlen (last_name) > MAX_NAME_BYTES || !g_utf8_validate (last_name, -1, NULL))
    return NULL;
  decomposed = g_utf8_normalize (last_name, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return NULL;
  folded = g_utf8_casefold (decomposed, -1);
  /* Casefolding may compose again ("ẞ" → "ss" is fine, but not every fold is NFKD). */
  again = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  if (again == NULL)
    return NULL;
  letters = g_string_new (NULL);
  for (const char *p = again; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c) && !g_unichar_ismark (c))
        g_string_append_unichar (letters, c);
    }
  if (letters->len == 0)
    {
      g_string_free (letters, TRUE);
      return NULL;
    }
  return g_string_free (letters, FALSE);
}

gboolean
jk_checkin_person_hash (const guint8  secret[32],
                        const char   *last_name,
                        const char   *dob_yyyy_mm_dd,
                        guint8        out[32])
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  char date[11];

  if (!parse_date (dob_yyyy_mm_dd, date))
    return FALSE;
  name = jk_checkin_person_normalize (last_name);
  if (name == NULL)
    return FALSE;
  message = g_strconcat (name, "|", date, NULL);
  crypto_generichash (out, JK_CHECKIN_PERSON_SIZE, (const guint8 *) message, strlen (message), secret, 32);
  sodium_memzero (message, strlen (message));
  return TRUE;
}
