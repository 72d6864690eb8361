/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-feed-json-private.h: what the JSON-LD and USAJOBS parsers share (jk-feed-json.c) */
#pragma once

#include <json-glib/json-glib.h>

#include "feeds/jk-feed-private.h"

G_BEGIN_DECLS

/* One place of a posting; a posting at several becomes one job each. */
typedef struct {
  char *city;
  char *state;
  char *postal_code;
  char *country;
  gboolean has_geo;
  double latitude;
  double longitude;
} JkJsonPlace;

typedef struct {
  JkJobFunc func;
  gpointer user_data;
  JkFeedStats *stats;
  guint postings_seen; /* JobPosting objects, taken or skipped */
} JkJsonWalk;

/* Reading JSON values whatever their shape: each takes NULL and a node of
 * any type, and gives NULL (or FALSE) for a shape it does not read. */
G_GNUC_INTERNAL JsonNode    *jk_json_get_member      (JsonObject   *object,
                                                      const char   *name);
G_GNUC_INTERNAL JsonObject  *jk_json_node_object     (JsonNode     *node);
G_GNUC_INTERNAL JsonArray   *jk_json_node_array      (JsonNode     *node);
/* The node itself, or the first element when it is an array. */
G_GNUC_INTERNAL JsonNode    *jk_json_first_of        (JsonNode     *node);
G_GNUC_INTERNAL const char  *jk_json_node_string     (JsonNode     *node);
/* A string, or a number written out ("12345"). */
G_GNUC_INTERNAL char        *jk_json_node_text       (JsonNode     *node);
/* A number, or a string holding only a number ("16.25", " 75000.0 "). */
G_GNUC_INTERNAL gboolean     jk_json_node_number     (JsonNode     *node,
                                                      double       *out_value);
G_GNUC_INTERNAL const char  *jk_json_member_string   (JsonObject   *object,
                                                      const char   *name);
G_GNUC_INTERNAL char        *jk_json_member_field    (JsonObject   *object,
                                                      const char   *name);
G_GNUC_INTERNAL gint64       jk_json_member_date     (JsonObject   *object,
                                                      const char   *name);
/* "JobPosting", "schema:JobPosting", "http://schema.org/JobPosting", or an
 * array holding one of them. */
G_GNUC_INTERNAL gboolean     jk_json_is_type         (JsonObject   *object,
                                                      const char   *type);
/* The root of a JSON document, with its parser (which owns it). */
G_GNUC_INTERNAL JsonParser  *jk_json_load            (const char   *data,
                                                      gsize         length,
                                                      GError      **error);

/* Money: figures (NAN when not given) to salary fields and text. */
G_GNUC_INTERNAL void         jk_json_set_salary      (JkJob        *job,
                                                      double        low,
                                                      double        high,
                                                      JkSalaryPeriod period,
                                                      const char   *currency);
G_GNUC_INTERNAL void         jk_json_set_salary_text (JkJob        *job,
                                                      const char   *text);

G_GNUC_INTERNAL void         jk_json_place_free      (JkJsonPlace  *place);
G_GNUC_INTERNAL void         jk_json_set_geo         (JkJsonPlace  *place,
                                                      double        latitude,
                                                      double        longitude);
G_GNUC_INTERNAL void         jk_json_set_state       (JkJsonPlace  *place,
                                                      const char   *text);
G_GNUC_INTERNAL void         jk_json_split_city      (JkJsonPlace  *place,
                                                      const char   *text);
/* One job per place; takes job. */
G_GNUC_INTERNAL gboolean     jk_json_emit_at_places  (JkJob        *job,
                                                      GPtrArray    *places,
                                                      JkJsonWalk   *walk,
                                                      GError      **error);

G_GNUC_INTERNAL gboolean     jk_feed_jsonld_parse    (JsonNode     *root,
                                                      JkJsonWalk   *walk,
                                                      GError      **error);
G_GNUC_INTERNAL gboolean     jk_feed_usajobs_parse   (JsonNode     *root,
                                                      JkJsonWalk   *walk,
                                                      GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkJsonPlace, jk_json_place_free)

G_END_DECLS
