/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-hash.c: a word-at-a-time 64-bit hash (multiply, rotate, xor) */

#include <string.h>

#include "jobkiosk/jk-hash.h"

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

guint64
jk_hash_bytes (guint64     seed,
               const void *data,
               gsize       length)
{
  const guchar *p = data;
  guint64 hash = seed ^ ((guint64) length * PRIME_1);
  guint64 tail = 0;

  for (; length >= 8; p += 8, length -= 8)
    {
      guint64 word;

      memcpy (&word, p, sizeof word);
      hash = mix_word (hash, GUINT64_FROM_LE (word));
    }
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
