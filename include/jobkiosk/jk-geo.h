/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "jk-store.h"

G_BEGIN_DECLS

#define JK_GEO_ERROR (jk_geo_error_quark ())

typedef enum {
  JK_GEO_ERROR_FORMAT,  /* not a Census ZCTA gazetteer file */
} JkGeoError;

GQuark       jk_geo_error_quark      (void);

/* Imports ZIP code centroids from a Census Gazetteer ZCTA file (tab-
 * separated, with a header naming GEOID, INTPTLAT and INTPTLONG), replacing
 * rows for the same ZIPs, and gives postings without coordinates their
 * ZIP's. Returns the number of ZIPs read, or -1. */
gint64       jk_geo_import_gazetteer (JkStore     *store,
                                      const char  *path,
                                      GError     **error);
/* Imports the configured zip-centroids file when the database has none yet. */
gboolean     jk_geo_ensure_centroids (JkStore     *store,
                                      const char  *gazetteer_path,
                                      GError     **error);
/* A place given as a ZIP ("43215") or "latitude,longitude". */
gboolean     jk_geo_locate           (JkStore     *store,
                                      const char  *place,
                                      double      *out_latitude,
                                      double      *out_longitude);

G_END_DECLS
