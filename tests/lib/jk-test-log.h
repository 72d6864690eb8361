/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* g_test_expect_message does not see structured logging, so tests install
 * this writer instead: expected warnings are consumed, any other warning or
 * critical stays fatal, and every message is kept for inspection. */
void         jk_test_log_init                (void);
void         jk_test_log_expect_warning      (const char *domain,
                                              const char *pattern);
void         jk_test_log_assert_expected     (void);
/* TRUE if any message logged so far contains needle. */
gboolean     jk_test_log_contains            (const char *needle);
/* Forgets the messages kept so far (to look at what comes after a step). */
void         jk_test_log_clear               (void);

G_END_DECLS
