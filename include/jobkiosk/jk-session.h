/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Everything one visitor does lives here and nowhere else: their language
 * and display choices and whatever the pages keep for them (saved jobs, a
 * job-search log, a resume in progress). Reset frees all of it. */
#define JK_TYPE_SESSION (jk_session_get_type ())
G_DECLARE_FINAL_TYPE (JkSession, jk_session, JK, SESSION, GObject)

JkSession   *jk_session_new                (const char    *default_language,
                                            gboolean       default_high_contrast,
                                            gboolean       default_large_text);

const char  *jk_session_get_language       (JkSession     *self);
void         jk_session_set_language       (JkSession     *self,
                                            const char    *language);
gboolean     jk_session_get_high_contrast  (JkSession     *self);
void         jk_session_set_high_contrast  (JkSession     *self,
                                            gboolean       enabled);
gboolean     jk_session_get_large_text     (JkSession     *self);
void         jk_session_set_large_text     (JkSession     *self,
                                            gboolean       enabled);

/* Pages keep the visitor's things under a key; destroy runs at reset. */
void         jk_session_set_data           (JkSession     *self,
                                            const char    *key,
                                            gpointer       data,
                                            GDestroyNotify destroy);
gpointer     jk_session_get_data           (JkSession     *self,
                                            const char    *key);
guint        jk_session_get_n_items        (JkSession     *self);

/* TRUE while the visitor has done nothing that reset would undo. */
gboolean     jk_session_is_pristine        (JkSession     *self);
/* A number that changes with every visit, for logs that must not name anyone. */
guint        jk_session_get_visit_number   (JkSession     *self);

/* The visit's usage counts (jk-usage.h keys: "searches", "screen:job"):
 * how many times, never what. They do not make the visit less pristine;
 * reset drops them, so the window steals them first (a table of
 * key -> GINT_TO_POINTER (n), the caller's, an empty one left behind). */
void         jk_session_count              (JkSession     *self,
                                            const char    *what,
                                            guint          n);
guint        jk_session_get_count          (JkSession     *self,
                                            const char    *what);
GHashTable  *jk_session_steal_counts       (JkSession     *self);

void         jk_session_reset              (JkSession     *self);

G_END_DECLS
