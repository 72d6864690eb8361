/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-lmi-query-private.h: what the LMI query files share */
#pragma once

#include <glib.h>

#include "jobkiosk/jk-lmi.h"

G_BEGIN_DECLS

/* Lower case without accents, as the title index compares words; ASCII
 * text takes a short way. */
char        *jk_lmi_fold             (const char *text);
/* The words of folded text (runs of letters and digits), in order. */
GPtrArray   *jk_lmi_words            (const char *folded);
gboolean     jk_lmi_is_stop_word     (const char *folded);

/* The active postings of an occupation (jk-lmi-search.c): by soc_code where
 * a posting has one, else by the titles that name it alone; *text is what
 * to hand to job search for them. -1 with error. */
gint64       jk_lmi_count_open_jobs  (JkStore    *store,
                                      const char *soc,
                                      gint64      now,
                                      char      **text,
                                      GError    **error);

G_END_DECLS
