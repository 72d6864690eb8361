/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-uninstalled.h: programs run from the build tree use the source tree's data */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* When a jobkiosk-uninstalled.ini lies beside the running executable (meson
 * writes one next to each program in the build tree and never installs
 * it), sets JOBKIOSK_DATADIR and JOBKIOSK_LOCALEDIR from it unless they are
 * set already. Call first in main(), before any thread starts. */
void         jk_uninstalled_setup        (void);

G_END_DECLS
