/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-hash.c: the 64-bit hash, XXH3 from libxxhash's header */

#define G_LOG_DOMAIN "jk-hash"

#include <string.h>
/* XXH3 compiled here, not called in the shared library: most of what is
 * hashed is a few bytes (an id, a field), where the call itself cost as
 * much as the hashing. The same algorithm, so the same hashes. */
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "base/jk-hash-private.h"

guint64
jk_hash_bytes (guint64     seed,
               const void *data,
               gsize       length)
{
  return XXH3_64bits_withSeed (data, length, seed);
}

/* NULL is hashed as the one byte NUL: no text's bytes can be that, so NULL
 * and "" (no bytes at all) never hash alike. */
guint64
jk_hash_text (guint64     seed,
              const char *text)
{
  if (text == NULL)
    return XXH3_64bits_withSeed ("", 1, seed);
  return XXH3_64bits_withSeed (text, strlen (text), seed);
}
