/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <jobkiosk/jk-clock.h>
#include <jobkiosk/jk-store.h>

#include "jk-feed-status.h"
#include "shell/jk-page.h"

G_BEGIN_DECLS

/* "Find a job": what and where, suggestion chips, filter chips, and the
 * results, fetched off the main loop and loaded page by page as the
 * visitor scrolls. A card opens the job's page. Emits "results-shown" each
 * time a page of results is on screen. */
#define JK_TYPE_SEARCH_PAGE (jk_search_page_get_type ())
G_DECLARE_FINAL_TYPE (JkSearchPage, jk_search_page, JK, SEARCH_PAGE, JkPage)

extern const JkPageInfo jk_search_page_info;

/* The freshness line under the count. */
JkFeedStatus *jk_search_page_get_feed_status (JkSearchPage *self);
void         jk_search_page_set_text       (JkSearchPage *self,
                                            const char   *what,
                                            const char   *where);
/* Runs the search now, without waiting for typing to pause. */
void         jk_search_page_search_now     (JkSearchPage *self);
gint64       jk_search_page_get_count      (JkSearchPage *self);
guint        jk_search_page_get_n_loaded   (JkSearchPage *self);
gboolean     jk_search_page_is_busy        (JkSearchPage *self);
/* The results area: a box of lists of cards. */
GtkWidget   *jk_search_page_get_results    (JkSearchPage *self);
/* Cards on screen, and the one at index across the lists (or NULL). */
guint        jk_search_page_get_n_shown    (JkSearchPage *self);
GtkListBoxRow *jk_search_page_get_result   (JkSearchPage *self,
                                            guint         index);

G_END_DECLS
