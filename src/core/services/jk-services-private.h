/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-services-private.h: what the services import and search share */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Days bits (jk_services_parse_days) as stored: "MO,TU,WE". */
char        *jk_services_days_to_text    (guint8      days);
/* The words visitors type for space-separated keys, in English and
 * Spanish both, for the search index ("food comida pantry..."). */
char        *jk_services_category_words  (const char *keys);

G_END_DECLS
