/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fast 64-bit hash for telling records apart, not for security: XXH3
 * (libxxhash) with the seed, so hashing a whole feed costs little next to
 * reading it. */
guint64  jk_hash_bytes  (guint64     seed,
                         const void *data,
                         gsize       length);
/* Chains text into a running hash; NULL and "" hash differently. */
guint64  jk_hash_text   (guint64     seed,
                         const char *text);

G_END_DECLS
