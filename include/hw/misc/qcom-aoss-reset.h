/*
 * Qualcomm AOSS clock controller resets (qcom,sdm845-aoss-cc)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The always-on subsystem's block reset registers as Linux's
 * reset-qcom-aoss driver uses them: one 32-bit register per subsystem
 * reset, bit 0 set = reset asserted. The registers read back what was
 * written; every other offset reads as zero (a guest error).
 *
 * QEMU interface:
 *  + sysbus MMIO region 0: the registers (QCOM_AOSS_RESET_SIZE bytes)
 *  + GPIO outputs 0..QCOM_AOSS_RESET_NUM-1: the reset lines in the order
 *    of Linux's dt-bindings/reset/qcom,sdm845-aoss.h (0 = MSS_RESTART),
 *    high while asserted
 */

#ifndef HW_MISC_QCOM_AOSS_RESET_H
#define HW_MISC_QCOM_AOSS_RESET_H

#include "hw/sysbus.h"
#include "qom/object.h"

#define TYPE_QCOM_AOSS_RESET "qcom-aoss-reset"
OBJECT_DECLARE_SIMPLE_TYPE(QcomAossResetState, QCOM_AOSS_RESET)

#define QCOM_AOSS_RESET_SIZE 0x31000

/* Reset ids (dt-bindings/reset/qcom,sdm845-aoss.h) */
enum {
    QCOM_AOSS_RESET_MSS,
    QCOM_AOSS_RESET_CAMSS,
    QCOM_AOSS_RESET_VENUS,
    QCOM_AOSS_RESET_GPU,
    QCOM_AOSS_RESET_DISPSS,
    QCOM_AOSS_RESET_WCSS,
    QCOM_AOSS_RESET_LPASS,
    QCOM_AOSS_RESET_NUM,
};

struct QcomAossResetState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    qemu_irq line[QCOM_AOSS_RESET_NUM];
    uint32_t reg[QCOM_AOSS_RESET_NUM];
};

#endif /* HW_MISC_QCOM_AOSS_RESET_H */
