/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A page of the resume as it will print: a picture the printout's own
 * code drew (jk_document_render_preview), scaled into the space given. */
#define JK_TYPE_RESUME_PREVIEW (jk_resume_preview_get_type ())
G_DECLARE_FINAL_TYPE (JkResumePreview, jk_resume_preview, JK, RESUME_PREVIEW, GtkDrawingArea)

GtkWidget   *jk_resume_preview_new          (void);
/* Takes surface (a cairo image surface), or NULL for an empty page. */
void         jk_resume_preview_set_page     (JkResumePreview *self,
                                             gpointer         surface);
/* The width a picture should be drawn at to fill this widget. */
int          jk_resume_preview_get_width    (JkResumePreview *self,
                                             double           page_aspect);

G_END_DECLS
