/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-checkin-person-private.h: the keyed hash a check-in by last name and date of birth matches on */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* BLAKE2b-256 keyed by the kiosk's secret over the normalized last name
 * (NFKD, accents dropped, case folded, letters only) + "|" + the date
 * (YYYY-MM-DD). FALSE when the name has no letter or the date is not a
 * real one: nothing can match then. */
gboolean jk_checkin_person_hash (const guint8  secret[32],
                                 const char   *last_name,
                                 const char   *dob_yyyy_mm_dd,
                                 guint8        out[32]);

G_END_DECLS
