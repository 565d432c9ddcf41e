/*
 * Qualcomm secure channel manager (SCM): the secure firmware's SiP calls
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Answers the SMCCC SiP calls Linux's qcom_scm driver makes, as
 * Qualcomm's TrustZone and hypervisor would: the availability query,
 * setting the download mode, and the hypervisor's assign_mem, which moves
 * ownership of memory between VMIDs by programming the XPU. Other SiP
 * calls answer an error (LOG_UNIMP).
 *
 * QEMU interface:
 *  + QOM property "xpu": link to the qcom-xpu the hypervisor programs
 *    (optional: without it assign_mem only validates its arguments)
 *  + QOM property "memory": link to the MemoryRegion, starting at
 *    physical address 0, through which the firmware reads the call's
 *    argument buffers (from memory, as a non-coherent device would)
 *  + qcom_scm_smccc(): an ARMSMCCCHandlerFn for the APPS CPUs
 */

#ifndef HW_MISC_QCOM_SCM_H
#define HW_MISC_QCOM_SCM_H

#include "hw/qdev-core.h"
#include "exec/memory.h"
#include "qom/object.h"
#include "target/arm/cpu-qom.h"

#define TYPE_QCOM_SCM "qcom-scm"
OBJECT_DECLARE_SIMPLE_TYPE(QcomScmState, QCOM_SCM)

typedef struct QcomXpuState QcomXpuState;

struct QcomScmState {
    DeviceState parent_obj;

    AddressSpace as;
    uint64_t calls;
    bool download_mode;

    /* properties */
    QcomXpuState *xpu;
    MemoryRegion *memory;
};

/* SMCCC handler: register with arm_set_smccc_handler(cpu, fn, scm). */
bool qcom_scm_smccc(ARMCPU *cpu, void *opaque);

#endif /* HW_MISC_QCOM_SCM_H */
