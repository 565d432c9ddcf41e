/*
 * Qualcomm QUPv3 wrapper: the common registers of a group of serial
 * engines (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Linux's qcom-geni-se driver reads one register of the wrapper, the
 * hardware version, to know the engines' sampling rate and FIFO layout;
 * the engines themselves are devices of their own (qcom-geni-uart).
 *
 * QEMU interface:
 *  + sysbus MMIO region 0: the wrapper's registers (QCOM_QUPV3_SIZE);
 *    QUPV3_HW_VER reads QCOM_QUPV3_HW_VER, the rest reads as zero and
 *    ignores writes (LOG_UNIMP)
 */

#ifndef HW_MISC_QCOM_QUPV3_H
#define HW_MISC_QCOM_QUPV3_H

#include "hw/sysbus.h"
#include "qom/object.h"

#define TYPE_QCOM_QUPV3 "qcom-qupv3"
OBJECT_DECLARE_SIMPLE_TYPE(QcomQupv3State, QCOM_QUPV3)

#define QCOM_QUPV3_SIZE 0x6000
/*
 * Version 1.2.0: below 2.5, where Linux halves a UART's oversampling, as
 * SDM845's QUPs are (Qualcomm does not publish the value itself).
 */
#define QCOM_QUPV3_HW_VER 0x10020000

struct QcomQupv3State {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
};

#endif /* HW_MISC_QCOM_QUPV3_H */
