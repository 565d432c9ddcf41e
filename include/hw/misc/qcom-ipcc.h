/*
 * Qualcomm IPCC: the inter-processor communication controller
 * (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * On SM8250 and later SoCs the processors (APPS, the AOP, the DSPs...)
 * signal each other through the IPCC instead of the APSS IPC bits: a
 * client rings another by writing (its peer's client id, a signal), and
 * the peer's interrupt controller latches (the sender's client id, the
 * signal) until it is cleared. This is APPS's frame of the MPROC
 * protocol, as Linux's drivers/mailbox/qcom-ipcc.c drives it ("qcom,ipcc";
 * 6.1, 6.12 and 7.2):
 *  - SEND_ID (0x0c, write-only): client << 16 | signal rings that client;
 *  - RECV_ID (0x10, read-only): the pending and enabled (client << 16 |
 *    signal) with the lowest client, then signal; 0xffffffff if none;
 *  - RECV_SIGNAL_ENABLE, _DISABLE, _CLEAR (0x14, 0x18, 0x1c, write-only):
 *    client << 16 | signal;
 *  - CLIENT_CLEAR (0x38, write-only): bit 0 resets APPS's receive state,
 *    every signal cleared and disabled;
 *  - CONFIG (0x08): bit 0 CLEAR_ON_RECV_RD, a read of RECV_ID clears the
 *    signal it returns (7.2 clears it at probe; 0 at reset).
 * The summary interrupt is a level, high while a signal is pending and
 * enabled. Client and signal ids are dt-bindings/mailbox/qcom-ipcc.h's.
 *
 * QEMU interface:
 *  + sysbus MMIO region 0: the registers (QCOM_IPCC_SIZE bytes, 32-bit
 *    accesses); the others read as zero and ignore writes (LOG_UNIMP)
 *  + sysbus IRQ 0: the summary interrupt to the GIC (level)
 *  + unnamed GPIO inputs 0..QCOM_IPCC_NUM_LINES - 1: line
 *    QCOM_IPCC_LINE(client, signal) is client's signal to APPS; a rising
 *    edge makes (client, signal) pending
 *  + named GPIO outputs "client" 0..QCOM_IPCC_NUM_LINES - 1: line
 *    QCOM_IPCC_LINE(client, signal) is pulsed when APPS writes SEND_ID
 *    client << 16 | signal
 */

#ifndef HW_MISC_QCOM_IPCC_H
#define HW_MISC_QCOM_IPCC_H

#include "hw/sysbus.h"
#include "qom/object.h"

#define TYPE_QCOM_IPCC "qcom-ipcc"
OBJECT_DECLARE_SIMPLE_TYPE(QcomIpccState, QCOM_IPCC)

#define QCOM_IPCC_SIZE 0x1000

/* dt-bindings/mailbox/qcom-ipcc.h */
#define QCOM_IPCC_CLIENT_AOP 0
#define QCOM_IPCC_CLIENT_LPASS 3
#define QCOM_IPCC_CLIENT_SLPI 4
#define QCOM_IPCC_CLIENT_CDSP 6
#define QCOM_IPCC_SIGNAL_GLINK_QMP 0
#define QCOM_IPCC_SIGNAL_SMP2P 2

/* Client ids 0..31, the MPROC protocol's signals 0..3 */
#define QCOM_IPCC_NUM_CLIENTS 32
#define QCOM_IPCC_NUM_SIGNALS 4
#define QCOM_IPCC_NUM_LINES (QCOM_IPCC_NUM_CLIENTS * QCOM_IPCC_NUM_SIGNALS)
#define QCOM_IPCC_LINE(client, signal) \
    ((client) * QCOM_IPCC_NUM_SIGNALS + (signal))

struct QcomIpccState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    qemu_irq irq;
    qemu_irq client[QCOM_IPCC_NUM_LINES];

    /* per client, one bit per signal */
    uint32_t pending[QCOM_IPCC_NUM_CLIENTS];
    uint32_t enabled[QCOM_IPCC_NUM_CLIENTS];
    uint32_t level[QCOM_IPCC_NUM_CLIENTS];     /* the input lines */
    uint32_t config;
};

#endif /* HW_MISC_QCOM_IPCC_H */
