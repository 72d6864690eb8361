/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-hash.c: a 64-bit hash (multiply, rotate, xor), four words at a time on long inputs */

#include <string.h>

#include "base/jk-hash-private.h"

#define PRIME_1 G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)
#define PRIME_2 G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F)
#define PRIME_3 G_GUINT64_CONSTANT (0x165667B19E3779F9)

static inline guint64
rotate_left (guint64 value,
             int     bits)
{
  return (value << bits) | (value >> (64 - bits));
}

static inline guint64
mix_word (guint64 hash,
          guint64 word)
{
  word *= PRIME_2;
  word = rotate_left (word, 31) * PRIME_1;
  hash ^= word;
  return rotate_left (hash, 27) * PRIME_1 + PRIME_3;
}

/* The final avalanche, so every input bit reaches every output bit. */
static inline guint64
finish (guint64 hash)
{
  hash ^= hash >> 33;
  hash *= PRIME_2;
  hash ^= hash >> 29;
  hash *= PRIME_3;
  hash ^= hash >> 32;
  return hash;
}

static inline guint64
read_word (const guchar *p)
{
  guint64 word;

  memcpy (&word, p, sizeof word);
  return GUINT64_FROM_LE (word);
}

/* One of four lanes taking a word: the lanes do not wait on each other,
 * so long inputs go about four times faster than through one chain. */
static inline guint64
lane_step (guint64 lane,
           guint64 word)
{
  return rotate_left (lane + word * PRIME_2, 31) * PRIME_1;
}

guint64
jk_hash_bytes (guint64     seed,
               const void *data,
               gsize       length)
{
  const guchar *p = data;
  guint64 hash = seed ^ ((guint64) length * PRIME_1);
  guint64 tail = 0;

  if (length >= 32)
    {
      guint64 lanes[4] = { hash + PRIME_1 + PRIME_2, hash + PRIME_2, hash, hash - PRIME_1 };

      for (; length >= 32; p += 32, length -= 32)
        for (int i = 0; i < 4; i++)
          lanes[i] = lane_step (lanes[i], read_word (p + 8 * i));
      hash = rotate_left (lanes[0], 1) + rotate_left (lanes[1], 7) + rotate_left (lanes[2], 12)
             + rotate_left (lanes[3], 18);
      for (int i = 0; i < 4; i++)
        hash = mix_word (hash, lanes[i]);
    }
  for (; length >= 8; p += 8, length -= 8)
    hash = mix_word (hash, read_word (p));
  for (gsize i = 0; i < length; i++)
    tail |= (guint64) p[i] << (8 * i);
  hash = mix_word (hash, tail ^ ((guint64) length << 56));
  return finish (hash);
}

guint64
jk_hash_text (guint64     seed,
              const char *text)
{
  if (text == NULL)
    return finish (seed ^ PRIME_3);
  return jk_hash_bytes (seed, text, strlen (text));
}
