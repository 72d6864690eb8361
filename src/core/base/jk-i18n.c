/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-i18n.c: the message catalogues, read once, and a language per visit */

#define G_LOG_DOMAIN "jk-i18n"

#include "jk-build-config.h"

#include <locale.h>
#include <string.h>

#include "jobkiosk/jk-i18n.h"

/* A catalogue is read whole from its .mo file and never changes or goes
 * away afterwards, so any thread may read it without a lock. */
typedef struct {
  char language[8];
  GMappedFile *file;
  GHashTable *messages; /* msgid (with "context\004" before it) -> msgstr; NULL: untranslated */
} Catalog;

#define MO_MAGIC 0x950412deU

static GMutex catalogs_lock;
static GPtrArray *catalogs;         /* Catalog *, loaded on first use */
static const Catalog *visit_catalog; /* atomic */
static _Thread_local const Catalog *thread_catalog;

/* ---------------------------------------------------------------------- */
/* Helpers                                                                */

static guint32
read_u32 (const guint8 *data,
          gsize         length,
          gsize         offset,
          gboolean      swapped,
          gboolean     *ok)
{
  guint32 value;

  if (offset > length || length - offset < 4)
    {
      *ok = FALSE;
      return 0;
    }
  memcpy (&value, data + offset, 4);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* The GNU .mo layout: a header, then two tables of (length, offset) pairs,
 * originals and translations, in the same order. */
static GHashTable *
parse_mo (const guint8 *data,
          gsize         length)
{
  g_autoptr (GHashTable) messages = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean ok = TRUE;
  gboolean swapped;
  guint32 magic, n, originals, translations;

  if (length < 28)
    return NULL;
  memcpy (&magic, data, 4);
  if (magic != MO_MAGIC && GUINT32_SWAP_LE_BE (magic) != MO_MAGIC)
    return NULL;
  swapped = magic != MO_MAGIC;
  n = read_u32 (data, length, 8, swapped, &ok);
  originals = read_u32 (data, length, 12, swapped, &ok);
  translations = read_u32 (data, length, 16, swapped, &ok);
  for (guint32 i = 0; ok && i < n; i++)
    {
      guint32 id_length = read_u32 (data, length, originals + 8 * (gsize) i, swapped, &ok);
      guint32 id_offset = read_u32 (data, length, originals + 8 * (gsize) i + 4, swapped, &ok);
      guint32 str_length = read_u32 (data, length, translations + 8 * (gsize) i, swapped, &ok);
      guint32 str_offset = read_u32 (data, length, translations + 8 * (gsize) i + 4, swapped, &ok);

      /* Each string is followed by a NUL in the file, which makes it a C string. */
      if (!ok || id_offset > length || length - id_offset <= id_length || str_offset > length
          || length - str_offset <= str_length)
        return NULL;
      if (id_length == 0 || str_length == 0)
        continue; /* the header entry, or an untranslated message */
      g_hash_table_insert (messages, (char *) data + id_offset, (char *) data + str_offset);
    }
  return ok ? g_steal_pointer (&messages) : NULL;
}

static Catalog *
load_catalog (const char *language)
{
  Catalog *catalog = g_new0 (Catalog, 1);
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  g_strlcpy (catalog->language, language, sizeof catalog->language);
  if (g_str_equal (language, "en"))
    return catalog; /* the messages are English */

  path = g_build_filename (jk_i18n_get_localedir (), language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  catalog->file = g_mapped_file_new (path, FALSE, &error);
  if (catalog->file == NULL)
    {
      g_warning ("No messages for language %s: %s", language, error->message);
      return catalog;
    }
  catalog->messages = parse_mo ((const guint8 *) g_mapped_file_get_contents (catalog->file),
                                g_mapped_file_get_length (catalog->file));
  if (catalog->messages == NULL)
    g_warning ("The messages for language %s are damaged: %s", language, path);
  return catalog;
}

static const Catalog *
get_catalog (const char *language)
{
  const Catalog *found = NULL;

  g_mutex_lock (&catalogs_lock);
  if (catalogs == NULL)
    catalogs = g_ptr_array_new ();
  for (guint i = 0; i < catalogs->len && found == NULL; i++)
    {
      const Catalog *catalog = catalogs->pdata[i];
      if (g_str_equal (catalog->language, language))
        found = catalog;
    }
  if (found == NULL)
    {
      Catalog *catalog = load_catalog (language);
      g_ptr_array_add (catalogs, catalog);
      found = catalog;
    }
  g_mutex_unlock (&catalogs_lock);
  return found;
}

static const Catalog *
current_catalog (void)
{
  const Catalog *catalog = thread_catalog;

  if (catalog == NULL)
    catalog = g_atomic_pointer_get (&visit_catalog);
  return catalog;
}

static const char *
lookup (const char *key)
{
  const Catalog *catalog = current_catalog ();

  if (catalog == NULL || catalog->messages == NULL)
    return NULL;
  return g_hash_table_lookup (catalog->messages, key);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */

const char *
jk_i18n_get_localedir (void)
{
  const char *env = g_getenv ("JOBKIOSK_LOCALEDIR");
  return env != NULL && env[0] != '\0' ? env : JK_LOCALEDIR;
}

void
jk_i18n_init (void)
{
  const char *name = setlocale (LC_ALL, "");

  /* UTF-8 text handling whatever the system locale is: C.UTF-8 is always
   * there. Messages do not depend on the locale: see jk_gettext. */
  if (name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX"))
    setlocale (LC_ALL, "C.UTF-8");
  jk_i18n_set_language ("en");
}

void
jk_i18n_set_language (const char *language)
{
  g_return_if_fail (language != NULL);

  g_atomic_pointer_set (&visit_catalog, get_catalog (language));
}

const char *
jk_i18n_get_language (void)
{
  const Catalog *catalog = current_catalog ();
  return catalog != NULL ? catalog->language : "en";
}

void
jk_i18n_set_thread_language (const char *language)
{
  thread_catalog = language != NULL ? get_catalog (language) : NULL;
}

const char *
jk_gettext (const char *msgid)
{
  const char *found = lookup (msgid);
  return found != NULL ? found : msgid;
}

/* English and Spanish both have two forms, the second for n != 1
 * ("Plural-Forms: nplurals=2; plural=(n != 1);" in po/es.po). A language
 * with other plural rules would need its formula read from the header. */
const char *
jk_ngettext (const char *msgid,
             const char *msgid_plural,
             gulong      n)
{
  const char *found = lookup (msgid);

  if (found == NULL)
    return n == 1 ? msgid : msgid_plural;
  return n == 1 ? found : found + strlen (found) + 1;
}

const char *
jk_pgettext (const char *context,
             const char *msgid)
{
  g_autofree char *key = g_strconcat (context, "\004", msgid, NULL);
  const char *found = lookup (key);

  return found != NULL ? found : msgid;
}
