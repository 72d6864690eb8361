/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-store.h>

G_BEGIN_DECLS

/* A new database in a private folder, what the tests of postings start
 * from: sources 1 ('test', job-xml) and 2 ('other', jsonld) are in it. */
typedef struct {
  char    *dir;
  JkStore *store;
} JkTestDb;

/* Makes the folder (dir_template as for g_dir_make_tmp ()), opens the
 * store in it, adds the two sources and runs extra_sql (or nothing). */
void         jk_test_db_set_up           (JkTestDb      *db,
                                          const char    *dir_template,
                                          const char    *extra_sql);
/* Closes the store and removes the folder. */
void         jk_test_db_tear_down        (JkTestDb      *db);

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
