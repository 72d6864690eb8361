/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jk-page-info.h"

G_BEGIN_DECLS

/* Every page of the kiosk, home first; NULL-terminated. */
const JkPageInfo *const *jk_page_registry_get (void);

G_END_DECLS
