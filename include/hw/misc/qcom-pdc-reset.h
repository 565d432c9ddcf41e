/*
 * Qualcomm PDC global resets (qcom,sdm845-pdc-global)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The power domain controller's synchronous reset register as Linux's
 * reset-qcom-pdc driver uses it on SDM845: one 32-bit register at
 * +0x100 whose bit n holds reset n asserted (n as in
 * dt-bindings/reset/qcom,sdm845-pdc.h; 9 is the modem). Linux updates it
 * by read-modify-write, so it reads back what was written.
 *
 * QEMU interface:
 *  + sysbus MMIO region 0: the block (QCOM_PDC_RESET_SIZE bytes)
 *  + GPIO outputs 0..QCOM_PDC_RESET_NUM-1: reset line n follows bit n
 *    of the sync reset register (high while asserted)
 */

#ifndef HW_MISC_QCOM_PDC_RESET_H
#define HW_MISC_QCOM_PDC_RESET_H

#include "hw/sysbus.h"
#include "qom/object.h"

#define TYPE_QCOM_PDC_RESET "qcom-pdc-reset"
OBJECT_DECLARE_SIMPLE_TYPE(QcomPdcResetState, QCOM_PDC_RESET)

#define QCOM_PDC_RESET_SIZE 0x20000
/* The resets SDM845 has: APPS (0) .. MODEM (9) */
#define QCOM_PDC_RESET_NUM 10
#define QCOM_PDC_RESET_MODEM 9

struct QcomPdcResetState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    qemu_irq line[QCOM_PDC_RESET_NUM];
    uint32_t sync_reset;
};

#endif /* HW_MISC_QCOM_PDC_RESET_H */
