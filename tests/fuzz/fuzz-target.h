/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-target.h: the entry point every fuzz target defines, and libFuzzer or replay.c calls */
#pragma once

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
