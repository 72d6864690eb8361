/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The postings of one source during a sync, by a 64-bit hash of their feed
 * id: which ones the cache holds (with their row and raw hash), and which
 * the new snapshot has listed so far, and the date posted of each, so
 * that of two postings with one id the newest stands. 16 bytes a slot,
 * under 70% full, and for each cached posting 24 bytes and a place in the
 * raw-hash index: a million postings new to the cache fit in 32 MB, a
 * million cached ones in 64 MB; not thread-safe. */
typedef struct _JkIdMap JkIdMap;

typedef enum {
  JK_ID_NEW,    /* not in the cache, first time in this snapshot */
  JK_ID_CACHED, /* in the cache, first time in this snapshot */
  JK_ID_REPEAT, /* already listed earlier in this snapshot */
} JkIdState;

/* What a posting's claim found (jk_id_map_claim). */
typedef enum {
  JK_ID_CLAIM_NEW,    /* not in the cache, first time in this snapshot */
  JK_ID_CLAIM_CACHED, /* in the cache, first time in this snapshot */
  JK_ID_CLAIM_NEWER,  /* listed earlier in this snapshot, and this copy replaces that one */
  JK_ID_CLAIM_OLDER,  /* another copy stands: listed earlier and newer, or the cached
                         bytes coming later (reserved) and as new */
} JkIdClaim;

/* Sized for expected postings; it grows past them if need be. */
JkIdMap   *jk_id_map_new             (gsize       expected);
void       jk_id_map_free            (JkIdMap    *map);

guint64    jk_id_map_key             (const char *external_id);
/* A posting the cache holds, not yet seen in the new snapshot. */
void       jk_id_map_add_cached      (JkIdMap    *map,
                                      guint64     key,
                                      guint64     raw_hash,
                                      gint64      row);
/* The same with the cached posting's date posted. */
void       jk_id_map_add_cached_posted (JkIdMap  *map,
                                        guint64   key,
                                        guint64   raw_hash,
                                        gint64    row,
                                        gint64    posted);
/* A parsed copy of key, posted then, is listed: whether it stands
 * (newest by date posted, then latest in the feed). out_row and
 * out_raw_hash are the cached posting's (row 0 when none). */
JkIdClaim  jk_id_map_claim           (JkIdMap    *map,
                                      guint64     key,
                                      gint64      posted,
                                      gint64     *out_row,
                                      guint64    *out_raw_hash);
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
/* Asked when the feed's bytes for a posting are the cached posting's:
 * TRUE when they need no parsing, and then the posting is reserved (it
 * stands against parsed copies before it that are not newer); FALSE when
 * there is no such posting, or when it must be parsed to replace another
 * copy of its id listed already. */
gboolean   jk_id_map_reserve_raw     (JkIdMap    *map,
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
