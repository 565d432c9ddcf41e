/*
 * Arm generic timer, memory-mapped: CNTCTLBase and one CNTBase frame
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The memory-mapped view of the system counter that Armv8-A SoCs put
 * beside the CPUs' own timers (the "arm,armv7-timer-mem" binding): the
 * frame controller CNTCTLBase (CNTFRQ, CNTTIDR, CNTACR0, CNTVOFF0) and
 * timer frame 0 (counts, a physical and a virtual timer). The count is
 * the CPUs' generic timer count: QEMU's virtual clock divided by the
 * counter period, as target/arm computes it. Frames 1..7 are not
 * implemented (CNTTIDR says so; their registers read as zero).
 *
 * QEMU interface:
 *  + sysbus MMIO region 0: CNTCTLBase (4 KiB)
 *  + sysbus MMIO region 1: CNTBase0 (4 KiB)
 *  + sysbus IRQ 0: frame 0's physical timer, IRQ 1: its virtual timer
 *    (level, high while the timer is enabled, unmasked and its
 *    condition met)
 *  + QOM property "cntfrq": the counter frequency in Hz (default
 *    62500000, QEMU's CPUs' default); a board sets its CPUs' value
 */

#ifndef HW_TIMER_ARM_GENERIC_TIMER_MMIO_H
#define HW_TIMER_ARM_GENERIC_TIMER_MMIO_H

#include "hw/sysbus.h"
#include "qemu/timer.h"
#include "qom/object.h"

#define TYPE_ARM_GENERIC_TIMER_MMIO "arm-generic-timer-mmio"
OBJECT_DECLARE_SIMPLE_TYPE(ArmGenericTimerMmioState, ARM_GENERIC_TIMER_MMIO)

#define ARM_GTMMIO_FRAME_SIZE 0x1000

enum {
    ARM_GTMMIO_PHYS,
    ARM_GTMMIO_VIRT,
    ARM_GTMMIO_NUM_TIMERS,
};

typedef struct ArmGenericTimerMmioTimer {
    QEMUTimer *timer;
    qemu_irq irq;
    uint64_t cval;
    uint32_t ctl;
} ArmGenericTimerMmioTimer;

struct ArmGenericTimerMmioState {
    SysBusDevice parent_obj;

    MemoryRegion ctlbase;
    MemoryRegion base;
    ArmGenericTimerMmioTimer t[ARM_GTMMIO_NUM_TIMERS];
    uint32_t cntacr;
    uint32_t cntel0acr;
    uint64_t cntvoff;

    /* properties */
    uint32_t cntfrq;
};

#endif /* HW_TIMER_ARM_GENERIC_TIMER_MMIO_H */
