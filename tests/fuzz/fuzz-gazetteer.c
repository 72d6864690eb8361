/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-gazetteer.c: libFuzzer target for the ZIP gazetteer import */

#define G_LOG_DOMAIN "jk-fuzz"

#include <string.h>

#include <jobkiosk/jk-geo.h>
#include <jobkiosk/jk-store.h>

#include "store/jk-store-private.h"
#include "fuzz-files.h"
#include "fuzz-target.h"

static JkStore *store;

static int
find_column (GStrv       header,
             const char *name)
{
  for (int i = 0; header[i] != NULL; i++)
    if (g_str_equal (g_strstrip (header[i]), name))
      return i;
  return -1;
}

/* A good row for the input's own header, to be found after whatever the
 * input's rows were: a bad row must never lose the good ones. NULL when
 * the header is not a gazetteer's. */
static char *
make_canary (const uint8_t *data,
             size_t          size)
{
  const uint8_t *newline = memchr (data, '\n', size);
  g_autofree char *first = g_strndup ((const char *) data, newline != NULL ? (size_t) (newline - data) : size);
  g_auto (GStrv) header = NULL;
  g_autoptr (GPtrArray) fields = g_ptr_array_new ();
  int zip, lat, lon;

  if (newline == NULL || strlen (first) != (size_t) (newline - data) || !g_utf8_validate (first, -1, NULL))
    return NULL;
  header = g_strsplit (first, "\t", -1);
  zip = find_column (header, "GEOID");
  lat = find_column (header, "INTPTLAT");
  lon = find_column (header, "INTPTLONG");
  if (zip < 0 || lat < 0 || lon < 0)
    return NULL;
  for (int i = 0; header[i] != NULL; i++)
    g_ptr_array_add (fields, (gpointer) (i == zip ? "99999" : i == lat ? "40.5" : i == lon ? "-83.25" : ""));
  g_ptr_array_add (fields, NULL);
  return g_strjoinv ("\t", (GStrv) fields->pdata);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *canary = make_canary (data, size);
  g_autoptr (GByteArray) input = g_byte_array_new ();
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) rows = NULL;
  gint64 count, stored = 0;
  gboolean canary_found = FALSE;

  if (store == NULL)
    {
      g_autofree char *db_path = g_build_filename (fuzz_dir (), "fuzz.db", NULL);

      store = jk_store_open (db_path, &error);
      g_assert_no_error (error);
    }
  g_assert_true (jk_store_exec (store, "DELETE FROM zip_centroids", NULL));

  g_byte_array_append (input, data, size);
  if (canary != NULL)
    {
      g_byte_array_append (input, (const guint8 *) "\n", 1);
      g_byte_array_append (input, (const guint8 *) canary, strlen (canary));
      g_byte_array_append (input, (const guint8 *) "\n", 1);
    }
  path = fuzz_write ("gazetteer.txt", input->data, input->len);

  count = jk_geo_import_gazetteer (store, path, &error);
  if (count < 0)
    {
      /* Only a file that is not a gazetteer (or cannot be read) is refused. */
      g_assert_nonnull (error);
      g_assert_true (error->domain == JK_GEO_ERROR || error->domain == G_IO_ERROR ||
                     error->domain == G_CONVERT_ERROR);
      g_assert_null (canary);
      return 0;
    }
  g_assert_no_error (error);

  /* What was stored is a ZIP code's place. */
  rows = jk_store_prepare (store, "SELECT zip, latitude, longitude, typeof (latitude), typeof (longitude)"
                                  " FROM zip_centroids", NULL);
  g_assert_nonnull (rows);
  while (sqlite3_step (rows) == SQLITE_ROW)
    {
      const char *zip = (const char *) sqlite3_column_text (rows, 0);
      double latitude = sqlite3_column_double (rows, 1);
      double longitude = sqlite3_column_double (rows, 2);

      g_assert_cmpuint (strlen (zip), ==, 5);
      g_assert_cmpuint (strspn (zip, "0123456789"), ==, 5);
      g_assert_cmpstr ((const char *) sqlite3_column_text (rows, 3), ==, "real");
      g_assert_cmpstr ((const char *) sqlite3_column_text (rows, 4), ==, "real");
      g_assert_true (latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180);
      if (g_str_equal (zip, "99999"))
        {
          canary_found = TRUE;
          g_assert_cmpfloat (latitude, ==, 40.5);
          g_assert_cmpfloat (longitude, ==, -83.25);
        }
      stored++;
    }
  g_assert_cmpint (stored, <=, count);
  g_assert_true (canary == NULL || canary_found);
  return 0;
}
