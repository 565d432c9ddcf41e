/*
 * Qualcomm AOSS QMP: the always-on processor's message channel
 * (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The AOP's side of the message RAM Linux's qcom_aoss driver talks
 * through: a descriptor (magic, version, link and channel states) and
 * the mailbox Linux writes its messages to, each a length word and up to
 * 64 bytes of text such as "{class: image, res: load_state, name: modem,
 * val: on}". On every doorbell the AOP acknowledges the link and channel
 * states Linux set, takes the message waiting in the mailbox (clearing
 * its length word) and interrupts Linux. Messages are checked: a
 * load_state message must name an image and say on or off; anything the
 * model does not know is taken and logged (LOG_UNIMP), malformed ones
 * too (LOG_GUEST_ERROR), as the AOP takes every message.
 *
 * QEMU interface:
 *  + sysbus MMIO region 0: the message RAM (QCOM_AOSS_QMP_SIZE bytes,
 *    32-bit accesses)
 *  + sysbus IRQ 0: pulsed after every doorbell (edge)
 *  + unnamed GPIO input 0: the doorbell, APSS IPC channel 0 (rising edge)
 *  + read-only QOM property "load-state": the images' states as the
 *    load_state messages left them, "NAME=on|off,..." sorted by name
 *    ("" before any), e.g. "modem=on"
 */

#ifndef HW_MISC_QCOM_AOSS_QMP_H
#define HW_MISC_QCOM_AOSS_QMP_H

#include "hw/sysbus.h"
#include "qom/object.h"

#define TYPE_QCOM_AOSS_QMP "qcom-aoss-qmp"
OBJECT_DECLARE_SIMPLE_TYPE(QcomAossQmpState, QCOM_AOSS_QMP)

#define QCOM_AOSS_QMP_SIZE 0x400
#define QCOM_AOSS_QMP_MAX_IMAGES 8
#define QCOM_AOSS_QMP_IMAGE_NAME 16

typedef struct QcomAossQmpImage {
    char name[QCOM_AOSS_QMP_IMAGE_NAME];
    bool on;
} QcomAossQmpImage;

struct QcomAossQmpState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    qemu_irq irq;
    uint32_t ram[QCOM_AOSS_QMP_SIZE / 4];
    QcomAossQmpImage image[QCOM_AOSS_QMP_MAX_IMAGES];
    uint32_t num_images;
};

#endif /* HW_MISC_QCOM_AOSS_QMP_H */
