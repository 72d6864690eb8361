/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-services-vcard.c: a service as a vCard 3.0 (RFC 2426) for the QR code a visitor takes away */

#define G_LOG_DOMAIN "jk-services"

#include <string.h>

#include "jobkiosk/jk-services.h"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

/* A text value or one component of a structured one: RFC 2426 4
 * escapes backslash, comma and semicolon, and writes a newline as \n. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    switch (*p)
      {
      case '\\':
      case ',':
      case ';':
        g_string_append_c (out, '\\');
        g_string_append_c (out, *p);
        break;
      case '\r':
        break;
      case '\n':
        g_string_append (out, "\\n");
        break;
      default:
        g_string_append_c (out, *p);
      }
}

/* Ends a content line: folded at 75 octets (RFC 2426 2.6, from RFC 2425
 * 5.8.1: CRLF and one space), never inside a UTF-8 character. */
static void
end_line (GString    *card,
          const char *line)
{
  gsize length = strlen (line);
  gsize start = 0;
  gsize limit = 75;

  while (length - start > limit)
    {
      gsize cut = start + limit;

      while (cut > start && (line[cut] & 0xC0) == 0x80)
        cut--;
      g_string_append_len (card, line + start, (gssize) (cut - start));
      g_string_append (card, "\r\n ");
      start = cut;
      /* The space that begins a continuation counts. */
      limit = 74;
    }
  g_string_append (card, line + start);
  g_string_append (card, "\r\n");
}

static void
add_property (GString    *card,
              const char *name,
              const char *value)
{
  g_autoptr (GString) line = g_string_new (name);

  if (value == NULL || *value == '\0')
    return;
  g_string_append_c (line, ':');
  append_escaped (line, value);
  end_line (card, line->str);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

char *
jk_services_vcard (const JkService *service)
{
  g_autoptr (GString) card = g_string_new ("BEGIN:VCARD\r\nVERSION:3.0\r\n");
  const char *name = service->name != NULL ? service->name : service->organization;

  /* A card for a service, not a person: N is required, and left empty
   * as phones do for a company's card. */
  end_line (card, "N:;;;;");
  add_property (card, "FN", name);
  add_property (card, "ORG", service->organization);
  add_property (card, "TEL;TYPE=WORK,VOICE", service->phone);
  if (service->address != NULL || service->city != NULL || service->postal_code != NULL)
    {
      g_autoptr (GString) line = g_string_new ("ADR;TYPE=WORK:;;");

      /* post office box; extended; street; locality; region; code; country */
      append_escaped (line, service->address);
      g_string_append_c (line, ';');
      append_escaped (line, service->city);
      g_string_append_c (line, ';');
      append_escaped (line, service->state);
      g_string_append_c (line, ';');
      append_escaped (line, service->postal_code);
      g_string_append_c (line, ';');
      end_line (card, line->str);
    }
  add_property (card, "EMAIL;TYPE=INTERNET", service->email);
  /* A URL's commas are part of it; RFC 2426 gives URL no escaping. */
  if (service->url != NULL && *service->url != '\0')
    {
      g_autofree char *line = g_strconcat ("URL:", service->url, NULL);

      end_line (card, line);
    }
  g_string_append (card, "END:VCARD\r\n");
  return g_string_free (g_steal_pointer (&card), FALSE);
}

char *
jk_services_qr_text (const JkService *service)
{
  if (service->url != NULL && *service->url != '\0')
    return g_strdup (service->url);
  return jk_services_vcard (service);
}
