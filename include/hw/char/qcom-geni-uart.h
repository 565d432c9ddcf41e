/*
 * Qualcomm GENI serial engine as a UART (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A QUPv3 serial engine loaded with the UART protocol, in FIFO mode, as
 * Linux's qcom_geni_serial driver and its earlycon use it: the primary
 * sequencer transmits (START_TX of SE_UART_TX_TRANS_LEN bytes, fed through
 * a 16-word TX FIFO), the secondary one receives (START_READ, RX FIFO with
 * RX_LAST and the valid bytes of the last word). Bytes go to the chardev
 * as the FIFO is written; RX takes one batch of input at a time.
 * docs/devel/qcom-platform.rst describes the registers' behaviour.
 *
 * QEMU interface:
 *  + sysbus MMIO region 0: the serial engine (QCOM_GENI_UART_SIZE bytes)
 *  + sysbus IRQ 0: level, high while (M_IRQ_STATUS & M_IRQ_EN) or
 *    (S_IRQ_STATUS & S_IRQ_EN) is non-zero
 *  + QOM property "chardev": the serial line
 */

#ifndef HW_CHAR_QCOM_GENI_UART_H
#define HW_CHAR_QCOM_GENI_UART_H

#include "hw/sysbus.h"
#include "chardev/char-fe.h"
#include "qom/object.h"

#define TYPE_QCOM_GENI_UART "qcom-geni-uart"
OBJECT_DECLARE_SIMPLE_TYPE(QcomGeniUartState, QCOM_GENI_UART)

#define QCOM_GENI_UART_SIZE 0x4000
#define QCOM_GENI_FIFO_WORDS 16
#define QCOM_GENI_STORAGE_REGS 32

struct QcomGeniUartState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    qemu_irq irq;
    CharBackend chr;

    /* the registers the engine only holds (geni_storage_regs[]) */
    uint32_t storage[QCOM_GENI_STORAGE_REGS];
    /* primary sequencer: TX, active while a START_TX owes bytes */
    uint32_t m_status;
    uint32_t tx_left;           /* bytes the current START_TX still owes */
    uint32_t tx_sent;           /* bytes it sent (M_GP_LENGTH) */
    /* secondary sequencer: RX */
    bool s_active;
    uint32_t s_status;
    uint32_t rx_fifo[QCOM_GENI_FIFO_WORDS];
    uint32_t rx_words;
    uint32_t rx_head;
    uint32_t rx_last_bytes;     /* valid bytes of the last word, 0 = all */
};

#endif /* HW_CHAR_QCOM_GENI_UART_H */
