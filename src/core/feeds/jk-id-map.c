/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-id-map.c: an open-addressing table of a source's postings during a sync */

#define G_LOG_DOMAIN "jk-id-map"

#include <string.h>

#include "base/jk-hash-private.h"
#include "feeds/jk-id-map-private.h"

#define MIN_CAPACITY 1024
#define EMPTY_KEY 0

/* A slot's state word: two bits, the cached posting's place in cached
 * (plus one; 0 for a posting new in this snapshot) and the date posted of
 * the copy that stands so far, in Unix seconds clamped to 32 bits (enough
 * to compare two copies of one posting). 16 bytes a slot: what only a
 * cached posting has (row, raw hash, its own date) lives in cached. */
#define SEEN_BIT 1
/* A copy of the cached posting comes later in the feed, left unparsed. */
#define RESERVED_BIT 2
#define REF_SHIFT 2
#define REF_BITS 30
#define REF_MASK ((G_GUINT64_CONSTANT (1) << REF_BITS) - 1)
#define POSTED_SHIFT 32
/* A source of more postings than this would not fit in memory anyway. */
#define MAX_CACHED ((gsize) REF_MASK)

typedef struct {
  guint64 key;   /* EMPTY_KEY when the slot is free */
  guint64 state; /* posted << POSTED_SHIFT | (cached place + 1) << REF_SHIFT | bits */
} Slot;

/* A posting the cache holds: 24 bytes. */
typedef struct {
  guint64 raw_hash;
  gint64 row;
  guint32 posted; /* its own date posted, clamped like a slot's */
  guint32 slot;   /* its slot's position in slots, kept up to date when they grow */
} Cached;

#define NO_ENTRY G_MAXUINT32

struct _JkIdMap
{
  Slot *slots;
  gsize capacity; /* a power of two, at most 2^32 */
  gsize used;

  Cached *cached;
  gsize n_cached;
  gsize cached_room;

  /* Once jk_id_map_index_raw is called: the cached postings by raw hash,
   * as places in cached (4 bytes each, NO_ENTRY when free); they never
   * move, so growing slots leaves it as it is. */
  guint32 *raw_index;
  gsize raw_capacity; /* a power of two */
};

static guint32
clamp_time (gint64 when)
{
  return (guint32) CLAMP (when, 0, (gint64) G_MAXUINT32);
}

static inline guint32
slot_posted (const Slot *slot)
{
  return (guint32) (slot->state >> POSTED_SHIFT);
}

static inline void
set_slot_posted (Slot   *slot,
                 guint32 when)
{
  slot->state = (slot->state & G_MAXUINT32) | ((guint64) when << POSTED_SHIFT);
}

static inline Cached *
slot_cached (const JkIdMap *map,
             const Slot    *slot)
{
  gsize ref = (gsize) ((slot->state >> REF_SHIFT) & REF_MASK);

  return ref != 0 ? &map->cached[ref - 1] : NULL;
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
  g_return_if_fail (map->capacity * 2 <= (gsize) NO_ENTRY + 1);
  map->capacity *= 2;
  map->slots = g_new0 (Slot, map->capacity);
  for (gsize i = 0; i < old_capacity; i++)
    if (old[i].key != EMPTY_KEY)
      {
        Slot *slot = find_slot (map->slots, map->capacity, old[i].key);
        Cached *cached;

        *slot = old[i];
        cached = slot_cached (map, slot);
        if (cached != NULL)
          cached->slot = (guint32) (slot - map->slots);
      }
  g_free (old);
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
  g_free (map->cached);
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
  guint32 when = clamp_time (posted);
  Cached *cached;
  Slot *slot;

  /* The raw index is built once every cached posting is in. */
  g_return_if_fail (map->raw_index == NULL);

  grow_if_needed (map);
  slot = find_slot (map->slots, map->capacity, key);
  if (slot->key == EMPTY_KEY)
    {
      map->used++;
      slot->key = key;
      slot->state = 0;
    }
  cached = slot_cached (map, slot);
  if (cached == NULL)
    {
      g_return_if_fail (map->n_cached < MAX_CACHED);
      if (map->n_cached == map->cached_room)
        {
          /* Room for what the table was sized for, then twice as much. */
          map->cached_room = MAX (map->capacity * 7 / 10, map->cached_room * 2);
          map->cached = g_renew (Cached, map->cached, map->cached_room);
        }
      cached = &map->cached[map->n_cached++];
    }
  cached->raw_hash = raw_hash;
  cached->row = row;
  cached->posted = when;
  cached->slot = (guint32) (slot - map->slots);
  slot->state = (guint64) (cached - map->cached + 1) << REF_SHIFT | (guint64) when << POSTED_SHIFT;
}

JkIdState
jk_id_map_see (JkIdMap *map,
               guint64  key,
               gint64  *out_row,
               guint64 *out_raw_hash)
{
  Cached *cached;
  Slot *slot;

  grow_if_needed (map);
  slot = find_slot (map->slots, map->capacity, key);
  if (slot->key == EMPTY_KEY)
    {
      slot->key = key;
      slot->state = SEEN_BIT;
      map->used++;
      return JK_ID_NEW;
    }
  if (slot->state & SEEN_BIT)
    return JK_ID_REPEAT;
  slot->state |= SEEN_BIT;
  cached = slot_cached (map, slot);
  if (out_row != NULL)
    *out_row = cached != NULL ? cached->row : 0;
  if (out_raw_hash != NULL)
    *out_raw_hash = cached != NULL ? cached->raw_hash : 0;
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
  Cached *cached;
  Slot *slot;

  grow_if_needed (map);
  slot = find_slot (map->slots, map->capacity, key);
  *out_row = 0;
  *out_raw_hash = 0;
  if (slot->key == EMPTY_KEY)
    {
      slot->key = key;
      slot->state = SEEN_BIT | (guint64) when << POSTED_SHIFT;
      map->used++;
      return JK_ID_CLAIM_NEW;
    }
  cached = slot_cached (map, slot);
  if (cached != NULL)
    {
      *out_row = cached->row;
      *out_raw_hash = cached->raw_hash;
    }
  if (slot->state & SEEN_BIT)
    {
      /* The newest stands; of two as new, the later in the feed. */
      if (when < slot_posted (slot))
        return JK_ID_CLAIM_OLDER;
      set_slot_posted (slot, when);
      return JK_ID_CLAIM_NEWER;
    }
  /* The cached bytes come later in the feed, unparsed: as new or newer,
   * they stand, and this copy is the older one. */
  if ((slot->state & RESERVED_BIT) && cached != NULL && cached->posted >= when)
    return JK_ID_CLAIM_OLDER;
  slot->state |= SEEN_BIT;
  set_slot_posted (slot, when);
  return JK_ID_CLAIM_CACHED;
}

/* Where raw_hash is, or would go, in the raw index. */
static gsize
find_raw (const JkIdMap *map,
          guint64        raw_hash)
{
  gsize mask = map->raw_capacity - 1;
  gsize i = (gsize) (raw_hash ^ (raw_hash >> 29)) & mask;

  while (map->raw_index[i] != NO_ENTRY && map->cached[map->raw_index[i]].raw_hash != raw_hash)
    i = (i + 1) & mask;
  return i;
}

void
jk_id_map_index_raw (JkIdMap *map)
{
  g_return_if_fail (map->raw_index == NULL);

  map->raw_capacity = capacity_for (map->n_cached);
  map->raw_index = g_new (guint32, map->raw_capacity);
  memset (map->raw_index, 0xff, map->raw_capacity * sizeof (guint32));
  for (gsize i = 0; i < map->n_cached; i++)
    if (map->cached[i].raw_hash != EMPTY_KEY)
      map->raw_index[find_raw (map, map->cached[i].raw_hash)] = (guint32) i;
}

static Cached *
lookup_raw (const JkIdMap *map,
            guint64        raw_hash)
{
  guint32 position;

  if (map->raw_index == NULL || raw_hash == EMPTY_KEY)
    return NULL;
  position = map->raw_index[find_raw (map, raw_hash)];
  return position != NO_ENTRY ? &map->cached[position] : NULL;
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
  Cached *cached = lookup_raw (map, raw_hash);
  Slot *slot;

  if (cached == NULL)
    return FALSE;
  slot = &map->slots[cached->slot];
  /* Another copy of the id stands already: the cached bytes, as new or
   * newer, replace it and must be parsed to; older, they are skipped. */
  if (slot->state & SEEN_BIT)
    return cached->posted < slot_posted (slot);
  slot->state |= RESERVED_BIT;
  return TRUE;
}

JkIdState
jk_id_map_see_raw (JkIdMap *map,
                   guint64  raw_hash)
{
  Cached *cached = lookup_raw (map, raw_hash);
  Slot *slot;

  g_return_val_if_fail (cached != NULL, JK_ID_NEW);

  slot = &map->slots[cached->slot];
  if (slot->state & SEEN_BIT)
    return JK_ID_REPEAT;
  slot->state = (slot->state | SEEN_BIT) & ~(guint64) RESERVED_BIT;
  set_slot_posted (slot, cached->posted);
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

  for (gsize i = 0; i < map->n_cached; i++)
    if (!(map->slots[map->cached[i].slot].state & SEEN_BIT))
      g_array_append_val (rows, map->cached[i].row);
  return rows;
}
