/*
 * Qualcomm XPU: QMP commands for builds without the device
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "qapi/qapi-commands-qcom.h"

QcomXpuInfoList *qmp_query_xpu(Error **errp)
{
    return NULL;        /* no XPU: an empty list */
}
