/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Structured logging to the journal when there is one, to stderr
 * otherwise. Log what the kiosk does, never what a visitor typed. */
void         jk_log_init            (gboolean verbose);

G_END_DECLS
