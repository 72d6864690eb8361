/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test-lmi.h: labor market information written straight into the tables, for the query tests */
#pragma once

#include <jobkiosk/jk-store.h>

G_BEGIN_DECLS

/* The place the sample is for: Ohio and the Columbus metro. */
#define JK_TEST_LMI_STATE "39"
#define JK_TEST_LMI_METRO "18140"

/* Releases of the sample, by id. */
enum {
  JK_TEST_LMI_ONET = 1,         /* O*NET 29.1 */
  JK_TEST_LMI_OEWS = 2,         /* OEWS May 2024 */
  JK_TEST_LMI_PROJECTIONS = 3,  /* national projections 2023-2033 */
  JK_TEST_LMI_STATE_PROJECTIONS = 4, /* Ohio's 2022-2032, marked demo */
  JK_TEST_LMI_LAUS = 5,
  JK_TEST_LMI_REQUIREMENTS = 6,
};

/* A dozen common occupations with their titles and alternate titles
 * (O*NET's words), wages for the metro, the state and the nation (some
 * top coded, some not released), national and state projections, tasks,
 * education, related occupations, hiring requirements and Ohio's
 * unemployment rates; then jk_lmi_reindex. The figures are made up for
 * the tests; tests/unit/test-lmi.c says which ones it relies on. */
void         jk_test_lmi_fill_sample  (JkStore    *store);

/* Runs SQL (a printf format) and fails the test when it fails. */
void         jk_test_lmi_exec         (JkStore    *store,
                                       const char *format,
                                       ...) G_GNUC_PRINTF (2, 3);

/* A generated labor market at a real one's size: occupations with
 * alternates alternate titles among them, made of job words, wages for
 * the metro, the state and the nation and national and state projections
 * for each, then jk_lmi_reindex. Fills *words (NULL-terminated, free with
 * g_strfreev) with the words titles are made of, for typing them. */
void         jk_test_lmi_generate     (JkStore    *store,
                                       guint       occupations,
                                       guint       alternates,
                                       GStrv      *words);

G_END_DECLS
