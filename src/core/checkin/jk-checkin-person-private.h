/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-checkin-person-private.h: the keyed hash that stands for a person (last name and date of birth) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JK_CHECKIN_PERSON_SIZE 32

/* Puts in out the keyed BLAKE2b (libsodium crypto_generichash, key: the
 * kiosk's secret) of the normalized last name, "|" and the date of birth.
 * The name is normalized so that what the scheduling system wrote and
 * what a visitor types meet: NFKD, accents dropped, casefolded, letters
 * only ("O'Brien-Núñez" and "obriennunez" are one). The same function
 * serves the importer and the check-in, so both compute the same bytes.
 * Returns FALSE (out untouched) for a name without a letter or a date
 * that is not a real YYYY-MM-DD. */
gboolean  jk_checkin_person_hash       (const guint8  secret[32],
                                        const char   *last_name,
                                        const char   *dob_yyyy_mm_dd,
                                        guint8        out[32]);
/* The normalized last name (see above), or NULL when no letter is left. */
char     *jk_checkin_person_normalize  (const char   *last_name);

G_END_DECLS
