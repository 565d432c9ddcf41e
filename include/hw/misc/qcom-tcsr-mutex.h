/*
 * Qualcomm TCSR mutex: the hardware spinlocks shared by the SoC's processors
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * One 32-bit register per lock, QCOM_TCSR_MUTEX_STRIDE apart, as Linux's
 * qcom_hwspinlock driver ("qcom,tcsr-mutex") uses it: a processor writes
 * its own non-zero id to take the lock and reads the register back (it
 * holds the lock iff it reads its id); writing 0 releases it. A write of
 * an id while another owner holds the lock has no effect. Linux's APPS
 * id is 1; the modem model uses QCOM_TCSR_MUTEX_ID_MSS.
 *
 * QEMU interface:
 *  + sysbus MMIO region 0: the locks ("num-locks" x 4 KiB)
 *  + QOM property "num-locks": number of locks, 1..64 (default 32)
 *  + C API below for other processors' models (the modem takes lock 3
 *    around its SMEM allocations, as the AP does)
 */

#ifndef HW_MISC_QCOM_TCSR_MUTEX_H
#define HW_MISC_QCOM_TCSR_MUTEX_H

#include "hw/sysbus.h"
#include "qom/object.h"

#define TYPE_QCOM_TCSR_MUTEX "qcom-tcsr-mutex"
OBJECT_DECLARE_SIMPLE_TYPE(QcomTcsrMutexState, QCOM_TCSR_MUTEX)

#define QCOM_TCSR_MUTEX_STRIDE 0x1000
#define QCOM_TCSR_MUTEX_MAX_LOCKS 64
#define QCOM_TCSR_MUTEX_ID_APPS 1
#define QCOM_TCSR_MUTEX_ID_MSS 2

struct QcomTcsrMutexState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    uint32_t owner[QCOM_TCSR_MUTEX_MAX_LOCKS];

    /* properties */
    uint32_t num_locks;
};

/* Take lock n for owner id (non-zero); true if owner now holds it. */
bool qcom_tcsr_mutex_trylock(QcomTcsrMutexState *s, unsigned n,
                             uint32_t id);
/* Release lock n if owner id holds it. */
void qcom_tcsr_mutex_unlock(QcomTcsrMutexState *s, unsigned n, uint32_t id);

#endif /* HW_MISC_QCOM_TCSR_MUTEX_H */
