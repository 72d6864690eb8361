/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The bundled Spanish and English job words (data/vocabulary/es-en.tsv),
 * read once on first use, from any thread; read-only after. */

/* A word as the vocabulary and the search index compare it: lower case,
 * without accents ("Almacén" → "almacen", "niño" → "nino"). */
char        *jk_vocabulary_fold      (const char *word);

/* Appends to terms (const char *, owned by the vocabulary, each once) the
 * words that word also stands for, folded: its own line's and its
 * translations, its singular's when it is a regular plural; with prefix,
 * also those of the listed words that begin with it (a word still being
 * typed), unless they are too many to mean one thing. Never more than max
 * terms in all. Adds nothing for a word the vocabulary does not know. */
void         jk_vocabulary_expand    (const char *word,
                                      gboolean    prefix,
                                      GPtrArray  *terms,
                                      guint       max);

G_END_DECLS
