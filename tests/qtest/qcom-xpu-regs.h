/*
 * The XPU's registers, as the qtests reach them (at the same place on
 * db845c and rb5)
 * (docs/devel/qcom-xpu.rst has their meaning).
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#ifndef QCOM_XPU_REGS_H
#define QCOM_XPU_REGS_H

#define XPU             0x01fb0000ULL
#define A_ID            0x000
#define A_NUM_GROUPS    0x008
#define A_CTRL          0x00c
#define A_ESR           0x010
#define A_EAR_LO        0x014
#define A_EAR_HI        0x018
#define A_ESYNR         0x01c
#define A_ESR_CLEAR     0x020
#define A_ERR_COUNT     0x024
/* register r of resource group n */
#define G(n, r)         (0x100 + 0x20 * (n) + (r))
#define G_START_LO      0x00
#define G_START_HI      0x04
#define G_END_LO        0x08
#define G_END_HI        0x0c
#define G_RPERM         0x10
#define G_WPERM         0x14
#define G_GCTRL         0x18
/* G_GCTRL bits */
#define EN              1
#define LOCK            2

#endif /* QCOM_XPU_REGS_H */
