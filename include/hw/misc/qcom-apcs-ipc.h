/*
 * Qualcomm APCS IPC: the application processor's doorbells to other cores
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The "apss-shared" block's IPC register as Linux's qcom-apcs-ipc-mailbox
 * driver uses it: sending on channel n writes BIT(n) to the register;
 * nothing is read back and no interrupt comes back. Each bit written as
 * 1 pulses its output line (an edge the receiving core counts as a
 * doorbell). The sdm845 layout puts the register at offset 0xc; modem
 * doorbells are bit 12 (GLINK) and bit 14 (SMP2P).
 *
 * QEMU interface:
 *  + sysbus MMIO region 0: the block (QCOM_APCS_IPC_SIZE bytes); reads
 *    give 0
 *  + 32 unnamed GPIO outputs: bit n of a write to the IPC register
 *    pulses output n
 *  + QOM property "ipc-offset": offset of the IPC register (default 0xc)
 */

#ifndef HW_MISC_QCOM_APCS_IPC_H
#define HW_MISC_QCOM_APCS_IPC_H

#include "hw/sysbus.h"
#include "qom/object.h"

#define TYPE_QCOM_APCS_IPC "qcom-apcs-ipc"
OBJECT_DECLARE_SIMPLE_TYPE(QcomApcsIpcState, QCOM_APCS_IPC)

#define QCOM_APCS_IPC_SIZE 0x1000
#define QCOM_APCS_IPC_LINES 32
/* channels of the sdm845 apss_shared mailbox */
#define QCOM_APCS_IPC_AOSS_QMP 0
#define QCOM_APCS_IPC_MSS_GLINK 12
#define QCOM_APCS_IPC_MSS_SMP2P 14

struct QcomApcsIpcState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    qemu_irq out[QCOM_APCS_IPC_LINES];

    /* properties */
    uint32_t ipc_offset;
};

#endif /* HW_MISC_QCOM_APCS_IPC_H */
