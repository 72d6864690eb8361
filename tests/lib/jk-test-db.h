/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-store.h>

G_BEGIN_DECLS

/* The first column of the first row of a query (printf format, built by
 * the test itself); the test fails when there is no row. */
gint64       jk_test_query_int           (JkStore    *store,
                                          const char *format,
                                          ...) G_GNUC_PRINTF (2, 3);
/* The same as text; NULL for SQL NULL. */
char        *jk_test_query_text          (JkStore    *store,
                                          const char *format,
                                          ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
