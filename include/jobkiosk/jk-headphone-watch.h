/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Headphones plugged into the kiosk start speech mode (36 CFR 1194
 * 402.2.1): watches a Linux input device (the sound card's "Headphone"
 * jack, /dev/input/eventN, configuration [speech] headphone-device) for
 * the headphone switch turning on, and emits "plugged" on the main
 * context that was the thread's default when it was made. Reading never
 * blocks; everything but a plug is ignored. */
#define JK_TYPE_HEADPHONE_WATCH (jk_headphone_watch_get_type ())
G_DECLARE_FINAL_TYPE (JkHeadphoneWatch, jk_headphone_watch, JK, HEADPHONE_WATCH, GObject)

/* NULL with a G_IO_ERROR when the device cannot be opened. */
JkHeadphoneWatch *jk_headphone_watch_new        (const char       *device,
                                                 GError          **error);
const char       *jk_headphone_watch_get_device (JkHeadphoneWatch *self);

G_END_DECLS
