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
 * calls answer SMCCC NOT_SUPPORTED (-1, LOG_UNIMP); calls of other owners
 * and SMC32 calls are left to QEMU, which answers the same. Bad arguments
 * answer QCOM_SCM_EINVAL_ARG (-2), QCOM_SCM_EINVAL_ADDR (-3) or
 * QCOM_SCM_ENOMEM (-5) and change nothing (LOG_GUEST_ERROR).
 *
 * QEMU interface:
 *  + QOM property "xpu": link to the qcom-xpu the hypervisor programs
 *    (optional: without it assign_mem only validates its arguments and
 *    cannot check the source VMIDs)
 *  + QOM property "memory": link to the MemoryRegion, starting at
 *    physical address 0, that holds the memory the firmware accepts
 *    argument buffers and ranges in, and through which it reads them
 *    (from memory, as a non-coherent device would)
 *  + QOM property "dma-coherent" (default false): read the argument
 *    buffers as the CPUs see them instead, as Linux expects when the DT
 *    marks the scm node dma-coherent; needs "ram"
 *  + QOM property "ram": link to the DRAM's RAM MemoryRegion, which holds
 *    what the CPUs see (their data cache, with hw/misc/cpu-dcache.c);
 *    with it, argument buffers must lie in DRAM (never device registers)
 *  + QOM property "ram-base": physical address of "ram"
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
    AddressSpace ram_as;        /* the CPUs' view, when dma_coherent */
    bool download_mode;

    /* properties */
    QcomXpuState *xpu;
    MemoryRegion *memory;
    MemoryRegion *ram;
    uint64_t ram_base;
    bool dma_coherent;
};

/* SMCCC handler: register with arm_set_smccc_handler(cpu, fn, scm). */
bool qcom_scm_smccc(ARMCPU *cpu, void *opaque);

#endif /* HW_MISC_QCOM_SCM_H */
