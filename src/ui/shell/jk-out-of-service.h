/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The window the kiosk shows instead of going dark when it cannot work
 * (its database cannot be used): "out of service, please ask staff" in
 * English and Spanish at once, since no visitor can switch language here.
 * Nothing on it can be pressed. */
#define JK_TYPE_OUT_OF_SERVICE (jk_out_of_service_get_type ())
G_DECLARE_FINAL_TYPE (JkOutOfService, jk_out_of_service, JK, OUT_OF_SERVICE, GtkWindow)

GtkWidget   *jk_out_of_service_new     (void);

G_END_DECLS
