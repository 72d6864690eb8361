/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-geo.c: ZIP code centroids, for distances */

#define G_LOG_DOMAIN "jk-geo"

#include <gio/gio.h>
#include <string.h>

#include "jobkiosk/jk-geo.h"
#include "store/jk-store-private.h"

G_DEFINE_QUARK (jk-geo-error-quark, jk_geo_error)

static int
find_column (GStrv       header,
             const char *name)
{
  for (int i = 0; header[i] != NULL; i++)
    if (g_str_equal (g_strstrip (header[i]), name))
      return i;
  return -1;
}

gint64
jk_geo_import_gazetteer (JkStore     *store,
                         const char  *path,
                         GError     **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) raw = g_file_read (file, NULL, error);
  g_autoptr (GDataInputStream) in = NULL;
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autofree char *header_line = NULL;
  g_auto (GStrv) header = NULL;
  int zip_column, lat_column, lon_column;
  gint64 count = 0;
  g_autoptr (GError) read_error = NULL;
  char *line;

  if (raw == NULL)
    return -1;
  in = g_data_input_stream_new (G_INPUT_STREAM (raw));
  header_line = g_data_input_stream_read_line_utf8 (in, NULL, NULL, error);
  if (header_line == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, JK_GEO_ERROR, JK_GEO_ERROR_FORMAT, "%s is empty", path);
      return -1;
    }
  header = g_strsplit (header_line, "\t", -1);
  zip_column = find_column (header, "GEOID");
  lat_column = find_column (header, "INTPTLAT");
  lon_column = find_column (header, "INTPTLONG");
  if (zip_column < 0 || lat_column < 0 || lon_column < 0)
    {
      g_set_error (error, JK_GEO_ERROR, JK_GEO_ERROR_FORMAT,
                   "%s is not a Census ZCTA gazetteer file (it needs GEOID, INTPTLAT and INTPTLONG columns)", path);
      return -1;
    }

  insert = jk_store_prepare (store, "INSERT OR REPLACE INTO zip_centroids (zip, latitude, longitude) VALUES (?1, ?2, ?3)",
                             error);
  if (insert == NULL || !jk_store_begin (store, error))
    return -1;
  /* Bytes, not UTF-8 lines: a stray byte spoils its own row (its fields are
   * checked below), never the rows after it. */
  while ((line = g_data_input_stream_read_line (in, NULL, NULL, &read_error)) != NULL)
    {
      g_auto (GStrv) fields = g_strsplit (line, "\t", -1);
      guint n = g_strv_length (fields);
      double lat, lon;
      char *end_lat, *end_lon;

      g_free (line);
      if ((guint) MAX (zip_column, MAX (lat_column, lon_column)) >= n)
        continue;
      lat = g_ascii_strtod (g_strstrip (fields[lat_column]), &end_lat);
      lon = g_ascii_strtod (g_strstrip (fields[lon_column]), &end_lon);
      g_strstrip (fields[zip_column]);
      /* Written so that NaN ("nan") fails too: the columns are NOT NULL. */
      if (*end_lat != '\0' || *end_lon != '\0' || !(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180) ||
          strlen (fields[zip_column]) != 5 || strspn (fields[zip_column], "0123456789") != 5)
        continue;
      sqlite3_bind_text (insert, 1, fields[zip_column], -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (insert, 2, lat);
      sqlite3_bind_double (insert, 3, lon);
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          jk_store_set_error (store, error, "Cannot save a ZIP code");
          jk_store_rollback (store);
          return -1;
        }
      sqlite3_reset (insert);
      count++;
    }
  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      jk_store_rollback (store);
      return -1;
    }
  if (!jk_store_exec (store,
                      "UPDATE jobs SET latitude = z.latitude, longitude = z.longitude FROM zip_centroids z"
                      " WHERE jobs.latitude IS NULL AND z.zip = substr (jobs.postal_code, 1, 5)",
                      error) ||
      !jk_store_commit (store, error))
    {
      jk_store_rollback (store);
      return -1;
    }
  return count;
}

gboolean
jk_geo_ensure_centroids (JkStore     *store,
                         const char  *gazetteer_path,
                         GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (gazetteer_path == NULL)
    return TRUE;
  stmt = jk_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM zip_centroids)", error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  if (sqlite3_column_int (stmt, 0) != 0)
    return TRUE;
  return jk_geo_import_gazetteer (store, gazetteer_path, error) >= 0;
}

gboolean
jk_geo_locate (JkStore    *store,
               const char *place,
               double     *out_latitude,
               double     *out_longitude)
{
  g_auto (GStrv) parts = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (place == NULL)
    return FALSE;
  parts = g_strsplit (place, ",", 2);
  if (parts[0] != NULL && parts[1] != NULL)
    {
      char *end_lat, *end_lon;
      double lat = g_ascii_strtod (g_strstrip (parts[0]), &end_lat);
      double lon = g_ascii_strtod (g_strstrip (parts[1]), &end_lon);

      if (*end_lat == '\0' && *end_lon == '\0' && parts[0][0] != '\0' && parts[1][0] != '\0')
        {
          *out_latitude = lat;
          *out_longitude = lon;
          return TRUE;
        }
    }
  stmt = jk_store_prepare (store, "SELECT latitude, longitude FROM zip_centroids WHERE zip = substr (?1, 1, 5)", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, place, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *out_latitude = sqlite3_column_double (stmt, 0);
  *out_longitude = sqlite3_column_double (stmt, 1);
  return TRUE;
}
