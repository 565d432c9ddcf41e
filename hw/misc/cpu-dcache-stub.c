/*
 * CPU data-cache model: QMP commands for builds without the device
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qapi/qapi-commands-dcache.h"

DcacheInfo *qmp_query_dcache(uint64_t addr, bool has_len, uint64_t len,
                             Error **errp)
{
    error_setg(errp, "no CPU data-cache model");
    return NULL;
}
