/* SPDX-License-Identifier: GPL-3.0-or-later */
/* jk-test.h: what every GTest program here shares */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Adds a test that runs with a fresh Fixture: the file defines
 * fixture_set_up() and fixture_tear_down() for its Fixture type. */
#define JK_TEST_ADD(path, Fixture, func) \
  g_test_add ((path), Fixture, NULL, fixture_set_up, (func), fixture_tear_down)

G_END_DECLS
