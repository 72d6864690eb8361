/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-id-map.c: an open-addressing table of a source's postings during a sync */

#define G_LOG_DOMAIN "jk-id-map"

#include <string.h>

#include "base/jk-hash-private.h"
#include "feeds/jk-id-map-private.h"

#define MIN_CAPACITY 1024
#define EMPTY_KEY 0

/* The row id and two bits share a word; with the dates, 32 bytes a slot. */
#define SEEN_BIT 1
/* A copy of the cached posting comes later in the feed, left unparsed. */
#define RESERVED_BIT 2
#define ROW_SHIFT 2
#define ROW_OF(word) ((gint64) ((word) >> ROW_SHIFT))

typedef struct {
  guint64 key;      /* EMPTY_KEY when the slot is free */
  guint64 raw_hash;
  guint64 row_seen; /* row << ROW_SHIFT | bits; row 0 for a posting new in this snapshot */
  /* Dates posted, in Unix seconds clamped to 32 bits (enough to compare
   * two copies of one posting): the cached posting's, and that of the
   * copy that stands in this snapshot so far. */
  guint32 cached_posted;
  guint32 posted;
} Slot;

#define NO_SLOT G_MAXUINT32

struct _JkIdMap
{
  Slot *slots;
  gsize capacity; /* a power of two */
  gsize used;

  /* Once jk_id_map_index_raw is called: the slots of cached postings by
   * raw hash, as positions in slots (4 bytes each, NO_SLOT when free);
   * as many as slots, and rebuilt when they grow. */
  guint32 *raw_index;
};

static void build_raw_index (JkIdMap *map);

static guint32
clamp_time (gint64 when)
{
  return (guint32) CLAMP (when, 0, (gint64) G_MAXUINT32);
}

static Slot *
find_slot (Slot   *slots,
           gsize   capacity,
           guint64 key)
{
  gsize mask = capacity - 1;
  gsize i = (gsize) (key ^ (key >> 32)) & mask;

  while (slots[i].key != EMPTY_KEY && slots[i].key != key)
    i = (i + 1) & mask;
  return &slots[i];
}

/* Kept under 70% full, where linear probing stays short. */
static void
grow_if_needed (JkIdMap *map)
{
  Slot *old = map->slots;
  gsize old_capacity = map->capacity;

  if ((map->used + 1) * 10 < map->capacity * 7)
    return;
  map->capacity *= 2;
  map->slots = g_new0 (Slot, map->capacity);
  for (gsize i = 0; i < old_capacity; i++)
    if (old[i].key != EMPTY_KEY)
      *find_slot (map->slots, map->capacity, old[i].key) = old[i];
  g_free (old);
  if (map->raw_index != NULL)
    build_raw_index (map);
}

/* A power of two that holds n entries under 70% full. */
static gsize
capacity_for (gsize n)
{
  gsize capacity = MIN_CAPACITY;

  while (n * 10 >= capacity * 7)
    capacity *= 2;
  return capacity;
}

JkIdMap *
jk_id_map_new (gsize expected)
{
  JkIdMap *map = g_new0 (JkIdMap, 1);

  map->capacity = capacity_for (expected);
  map->slots = g_new0 (Slot, map->capacity);
  return map;
}

void
jk_id_map_free (JkIdMap *map)
{
  if (map == NULL)
    return;
  g_free (map->slots);
  g_free (map->raw_index);
  g_free (map);
}

guint64
jk_id_map_key (const char *external_id)
{
  guint64 key = jk_hash_text (0, external_id);

  /* Two different ids share a key once in some 10^13 pairs: accepted. */
  return key != EMPTY_KEY ? key : 1;
}

void
jk_id_map_add_cached (JkIdMap *map,
                      guint64  key,
                      guint64  raw_hash,
                      gint64   row)
{
  jk_id_map_add_cached_posted (map, key, raw_hash, row, 0);
}

void
jk_id_map_add_cached_posted (JkIdMap *map,
                             guint64  key,
                             guint64  raw_hash,
                             gint64   row,
                             gint64   posted)
{
  Slot *slot;

  grow_if_needed (map);
  slot = find_slot (map->slots, map->capacity, key);
  if (slot->key == EMPTY_KEY)
    map->used++;
  slot->key = key;
  slot->raw_hash = raw_hash;
  slot->row_seen = (guint64) row << ROW_SHIFT;
  slot->cached_posted = clamp_time (posted);
  slot->posted = slot->cached_posted;
}

JkIdState
jk_id_map_see (JkIdMap *map,
               guint64  key,
               gint64  *out_row,
               guint64 *out_raw_hash)
{
  Slot *slot;

  grow_if_needed (map);
  slot = find_slot (map->slots, map->capacity, key);
  if (slot->key == EMPTY_KEY)
    {
      slot->key = key;
      slot->row_seen = SEEN_BIT;
      map->used++;
      return JK_ID_NEW;
    }
  if (slot->row_seen & SEEN_BIT)
    return JK_ID_REPEAT;
  slot->row_seen |= SEEN_BIT;
  if (out_row != NULL)
    *out_row = ROW_OF (slot->row_seen);
  if (out_raw_hash != NULL)
    *out_raw_hash = slot->raw_hash;
  return JK_ID_CACHED;
}

JkIdClaim
jk_id_map_claim (JkIdMap *map,
                 guint64  key,
                 gint64   posted,
                 gint64  *out_row,
                 guint64 *out_raw_hash)
{
  guint32 when = clamp_time (posted);
  Slot *slot;

  grow_if_needed (map);
  slot = find_slot (map->slots, map->capacity, key);
  *out_row = 0;
  *out_raw_hash = 0;
  if (slot->key == EMPTY_KEY)
    {
      slot->key = key;
      slot->row_seen = SEEN_BIT;
      slot->posted = when;
      map->used++;
      return JK_ID_CLAIM_NEW;
    }
  *out_row = ROW_OF (slot->row_seen);
  *out_raw_hash = slot->raw_hash;
  if (slot->row_seen & SEEN_BIT)
    {
      /* The newest stands; of two as new, the later in the feed. */
      if (when < slot->posted)
        return JK_ID_CLAIM_OLDER;
      slot->posted = when;
      return JK_ID_CLAIM_NEWER;
    }
  /* The cached bytes come later in the feed, unparsed: as new or newer,
   * they stand, and this copy is the older one. */
  if ((slot->row_seen & RESERVED_BIT) && slot->cached_posted >= when)
    return JK_ID_CLAIM_OLDER;
  slot->row_seen |= SEEN_BIT;
  slot->posted = when;
  return JK_ID_CLAIM_CACHED;
}

/* Where raw_hash is, or would go, in the raw index. */
static gsize
find_raw (const JkIdMap *map,
          guint64        raw_hash)
{
  gsize mask = map->capacity - 1;
  gsize i = (gsize) (raw_hash ^ (raw_hash >> 29)) & mask;

  while (map->raw_index[i] != NO_SLOT && map->slots[map->raw_index[i]].raw_hash != raw_hash)
    i = (i + 1) & mask;
  return i;
}

static void
build_raw_index (JkIdMap *map)
{
  g_free (map->raw_index);
  map->raw_index = g_new (guint32, map->capacity);
  memset (map->raw_index, 0xff, map->capacity * sizeof (guint32));
  for (gsize i = 0; i < map->capacity; i++)
    if (map->slots[i].key != EMPTY_KEY && map->slots[i].raw_hash != EMPTY_KEY)
      map->raw_index[find_raw (map, map->slots[i].raw_hash)] = (guint32) i;
}

void
jk_id_map_index_raw (JkIdMap *map)
{
  g_return_if_fail (map->raw_index == NULL);
  g_return_if_fail (map->capacity <= NO_SLOT);

  build_raw_index (map);
}

static Slot *
lookup_raw (const JkIdMap *map,
            guint64        raw_hash)
{
  guint32 position;

  if (map->raw_index == NULL || raw_hash == EMPTY_KEY)
    return NULL;
  position = map->raw_index[find_raw (map, raw_hash)];
  return position != NO_SLOT ? &map->slots[position] : NULL;
}

gboolean
jk_id_map_holds_raw (const JkIdMap *map,
                     guint64        raw_hash)
{
  return lookup_raw (map, raw_hash) != NULL;
}

gboolean
jk_id_map_reserve_raw (JkIdMap *map,
                       guint64  raw_hash)
{
  Slot *slot = lookup_raw (map, raw_hash);

  if (slot == NULL)
    return FALSE;
  /* Another copy of the id stands already: the cached bytes, as new or
   * newer, replace it and must be parsed to; older, they are skipped. */
  if (slot->row_seen & SEEN_BIT)
    return slot->cached_posted < slot->posted;
  slot->row_seen |= RESERVED_BIT;
  return TRUE;
}

JkIdState
jk_id_map_see_raw (JkIdMap *map,
                   guint64  raw_hash)
{
  Slot *slot = lookup_raw (map, raw_hash);

  g_return_val_if_fail (slot != NULL, JK_ID_NEW);

  if (slot->row_seen & SEEN_BIT)
    return JK_ID_REPEAT;
  slot->row_seen = (slot->row_seen | SEEN_BIT) & ~(guint64) RESERVED_BIT;
  slot->posted = slot->cached_posted;
  return JK_ID_CACHED;
}

guint
jk_id_map_size (const JkIdMap *map)
{
  return (guint) map->used;
}

GArray *
jk_id_map_unseen_rows (const JkIdMap *map)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (gsize i = 0; i < map->capacity; i++)
    if (map->slots[i].key != EMPTY_KEY && !(map->slots[i].row_seen & SEEN_BIT))
      {
        gint64 row = ROW_OF (map->slots[i].row_seen);
        g_array_append_val (rows, row);
      }
  return rows;
}
