/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Measurements of a drawn window that a person would otherwise make with a
 * ruler and a colour picker: what can be touched, whether it is cut off,
 * hidden under the keyboard or too small, and whether text, control
 * borders and focus rings stand out from what is drawn behind them.
 *
 * Each check appends one line per failure to failures (a GPtrArray of
 * strings), starting with where (the screen, size, theme and language) and
 * naming the widget by its accessible name and type, with the figure, so
 * the line alone is enough to find and fix it. */

/* Thresholds: WCAG 2 (1.4.3, 1.4.11, 2.5.8) and the kiosk's own bar. */
#define JK_LAYOUT_MIN_TARGET       44
#define JK_LAYOUT_MIN_MAIN_TARGET  64
#define JK_LAYOUT_MIN_GAP          8
#define JK_LAYOUT_TEXT_CONTRAST    4.5
/* WCAG AA lets large text (24 px, or 18.66 px bold) through at 3:1; but
 * the kiosk's smallest text is 18 pt (24 px), so that would lower every
 * text to 3:1. For its low-vision visitors the kiosk holds all text to
 * 4.5:1, WCAG AAA's bar for large text (1.4.6). */
#define JK_LAYOUT_LARGE_CONTRAST   4.5
#define JK_LAYOUT_UI_CONTRAST      3.0

/* Where an actionable widget is, and how much of it a person sees. */
typedef struct {
  GdkRectangle rect;     /* its border box, in window coordinates */
  GdkRectangle visible;  /* the part not cut off or scrolled away */
  GtkWidget *clipper;    /* the ancestor (not a scroller) cutting it, or NULL */
  GtkWidget *cover;      /* a visible overlay lying over it, or NULL */
  gboolean scrolled;     /* partly or wholly scrolled out of a scroller's view */
  gboolean outside;      /* partly outside the screen */
} JkSight;

/* Buttons of every kind, entries, switches, editable text views, and list
 * rows and flow box children whose list reacts to their activation. */
gboolean   jk_layout_is_actionable     (GtkWidget   *widget);
/* A page's main action (class "main-action") or a bottom bar button. */
gboolean   jk_layout_is_main_action    (GtkWidget   *widget);
/* The visible, mapped actionable widgets under root, in tree order. */
GPtrArray *jk_layout_collect_actionable (GtkWidget  *root);
/* “Print” (GtkButton): accessible name, else its text, and its type. */
char      *jk_layout_describe          (GtkWidget   *widget);
/* screen_width/height: the screen the window was given (0: the window's). */
void       jk_layout_sight             (GtkWidget   *widget,
                                        int          screen_width,
                                        int          screen_height,
                                        JkSight     *sight);
/* The on-screen keyboard's area in window coordinates, if it is showing. */
gboolean   jk_layout_keyboard_rect     (GtkWidget   *window,
                                        GdkRectangle *rect);

/* (a) The window no larger than the screen; no actionable widget cut off
 * by a parent that does not scroll, outside the screen, under the
 * keyboard, or reachable behind an overlay (the idle warning). */
void       jk_layout_check_fit         (GtkWidget   *window,
                                        int          screen_width,
                                        int          screen_height,
                                        const char  *where,
                                        GPtrArray   *failures);
/* (b) Every actionable widget at least 44x44 px, a main action at least
 * 64 px tall, and 8 px or more from its neighbours. */
void       jk_layout_check_targets     (GtkWidget   *window,
                                        const char  *where,
                                        GPtrArray   *failures);
/* (c) From the pixels of shot (the window as drawn): labels and the text
 * (or placeholder) of entries at 4.5:1 (3:1 when large: 24 px, or 18.66 px
 * bold), the boundary of buttons and entries (border or fill) at 3:1
 * against what is behind them; and from the resolved style, the focus
 * indicator at 3:1 against that background. */
void       jk_layout_check_contrast    (GtkWidget   *window,
                                        GdkPixbuf   *shot,
                                        const char  *where,
                                        GPtrArray   *failures);

/* (d) Keys alone, as a visitor with a navigation keypad: from no focus,
 * the keypad's Down (through the window's real key handler) until the
 * focus comes back to where it started. Every actionable widget on screen
 * that is sensitive and not under an overlay (a modal's own buttons only,
 * while one is shown) must be reached; in reading order (top to bottom,
 * left to right within a row; what scrolls before the sticky rows and the
 * bars below it); and each, focused, shows an outline of at least
 * JK_LAYOUT_MIN_OUTLINE px at 3:1 against what it is drawn over, measured
 * from the pixels drawn with and without the focus. The on-screen
 * keyboard's keys are left out: they never take the focus, which stays in
 * the field the keys type into (a real keyboard's keys type there too).
 * min_outline (may be NULL) is lowered to the smallest outline contrast
 * measured. Leaves nothing focused, as it began. */
#define JK_LAYOUT_MIN_OUTLINE      2
void       jk_layout_check_keys        (GtkWidget   *window,
                                        const char  *where,
                                        GPtrArray   *failures,
                                        double      *min_outline);

/* The outline check of (d) alone, for widget, which has the focus. */
void       jk_layout_check_outline     (GtkWidget   *window,
                                        GtkWidget   *widget,
                                        const char  *where,
                                        GPtrArray   *failures,
                                        double      *min_outline);

/* The window as drawn now. */
GdkPixbuf *jk_layout_capture           (GtkWidget   *window);
/* WCAG 2 contrast ratio of two opaque colours. */
double     jk_layout_contrast_ratio    (const GdkRGBA *a,
                                        const GdkRGBA *b);

G_END_DECLS
