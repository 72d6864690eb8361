/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The postings of one source during a sync, by a 64-bit hash of their feed
 * id: which ones the cache holds (with their row and raw hash), and which
 * the new snapshot has listed so far. 28 bytes a slot with the raw-hash
 * index, under 70% full: a million postings fit in 56 MB; not
 * thread-safe. */
typedef struct _JkIdMap JkIdMap;

typedef enum {
  JK_ID_NEW,    /* not in the cache, first time in this snapshot */
  JK_ID_CACHED, /* in the cache, first time in this snapshot */
  JK_ID_REPEAT, /* already listed earlier in this snapshot */
} JkIdState;

/* Sized for expected postings; it grows past them if need be. */
JkIdMap   *jk_id_map_new             (gsize       expected);
void       jk_id_map_free            (JkIdMap    *map);

guint64    jk_id_map_key             (const char *external_id);
/* A posting the cache holds, not yet seen in the new snapshot. */
void       jk_id_map_add_cached      (JkIdMap    *map,
                                      guint64     key,
                                      guint64     raw_hash,
                                      gint64      row);
/* Marks key as listed in the snapshot and says what it was before; for
 * JK_ID_CACHED, also the cached row and raw hash. */
JkIdState  jk_id_map_see             (JkIdMap    *map,
                                      guint64     key,
                                      gint64     *out_row,
                                      guint64    *out_raw_hash);
/* Indexes the cached postings by raw hash, once they are all added. */
void       jk_id_map_index_raw       (JkIdMap    *map);
/* Whether a cached posting has this raw hash. */
gboolean   jk_id_map_holds_raw       (const JkIdMap *map,
                                      guint64     raw_hash);
/* Marks the cached posting with this raw hash (holds_raw said there is
 * one) as listed: JK_ID_CACHED, or JK_ID_REPEAT when its id was listed
 * already. */
JkIdState  jk_id_map_see_raw         (JkIdMap    *map,
                                      guint64     raw_hash);
guint      jk_id_map_size            (const JkIdMap *map);
/* The rows of cached postings the snapshot never listed. */
GArray    *jk_id_map_unseen_rows     (const JkIdMap *map);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JkIdMap, jk_id_map_free)

G_END_DECLS
