/*
 * Qualcomm secure channel manager (SCM): the secure firmware's SiP calls
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Answers the SMCCC SiP calls Linux's qcom_scm driver makes, as
 * Qualcomm's TrustZone and hypervisor would: the availability query,
 * setting the download mode (by call or through the TCSR register the
 * secure io_readl/io_writel calls reach), the hypervisor's assign_mem,
 * which moves ownership of memory between VMIDs by programming the XPU,
 * and
 * TrustZone's peripheral authentication service (PAS, qcom-scm-pas.c),
 * which authenticates and starts the DSPs linked to it. Other SiP
 * calls answer SMCCC NOT_SUPPORTED (-1, LOG_UNIMP); calls of other owners
 * and SMC32 calls are left to QEMU, which answers the same. Bad arguments
 * answer QCOM_SCM_EINVAL_ARG (-2), QCOM_SCM_EINVAL_ADDR (-3) or
 * QCOM_SCM_ENOMEM (-5) and change nothing (LOG_GUEST_ERROR). A call with
 * long work (PAS AUTH_AND_RESET of a large image) does a slice of it and
 * answers QCOM_SCM_INTERRUPTED (1) with a session in x6, as TrustZone
 * does when an interrupt is pending; the caller resumes it with an SMC
 * of x0 = 1, the same x1..x5 and that x6, as Linux's __scm_smc_do_quirk
 * does, until the call answers something else.
 *
 * QEMU interface:
 *  + QOM property "xpu": link to the qcom-xpu the hypervisor programs
 *    (optional: without it assign_mem only validates its arguments and
 *    cannot check the source VMIDs)
 *  + QOM property "memory": link to the MemoryRegion, starting at
 *    physical address 0, that holds the memory the firmware accepts
 *    argument buffers and ranges in, and through which it reads them
 *    as master TrustZone (QCOM_MASTER_TZ, secure: the XPU lets it
 *    through), from memory, as a non-coherent device would
 *  + QOM property "dma-coherent" (default false): read the argument
 *    buffers as the CPUs see them instead, as Linux expects when the DT
 *    marks the scm node dma-coherent; needs "ram"
 *  + QOM property "ram": link to the DRAM's RAM MemoryRegion, which holds
 *    what the CPUs see (their data cache, with hw/misc/cpu-dcache.c);
 *    with it, argument buffers must lie in DRAM (never device registers)
 *  + QOM property "ram-base": physical address of "ram"
 *  + QOM property "dload-mode-addr": the TCSR download-mode register
 *    (the DT's qcom,dload-mode), which io_readl/io_writel reach; 0: none
 *  + QOM properties "dsp0".."dsp3": links to the qcom-dsp subsystems the
 *    PAS service knows (by their "pas-id"); optional
 *  + qcom_scm_smccc(): an ARMSMCCCHandlerFn for the APPS CPUs
 */

#ifndef HW_MISC_QCOM_SCM_H
#define HW_MISC_QCOM_SCM_H

#include "hw/qdev-core.h"
#include "exec/memory.h"
#include "qom/object.h"
#include "target/arm/cpu-qom.h"
#include "hw/remoteproc/qcom-mdt-auth.h"
/* the status values and assign_mem's lists */
#include "hw/misc/qcom-scm-args.h"

#define TYPE_QCOM_SCM "qcom-scm"
OBJECT_DECLARE_SIMPLE_TYPE(QcomScmState, QCOM_SCM)

typedef struct QcomXpuState QcomXpuState;
typedef struct QcomDspState QcomDspState;

#define QCOM_SCM_MAX_PAS 4

/* What TrustZone's PAS service holds for one peripheral */
typedef enum QcomScmPasPhase {
    QCOM_SCM_PAS_IDLE,          /* nothing, or shut down */
    QCOM_SCM_PAS_INIT,          /* metadata authenticated */
    QCOM_SCM_PAS_RUNNING,       /* authenticated, out of reset */
    QCOM_SCM_PAS_PHASE_NUM
} QcomScmPasPhase;

typedef struct QcomScmPas {
    uint32_t phase;
    uint64_t mem_base;          /* MEM_SETUP's region; size 0: none */
    uint64_t mem_size;
    uint64_t locked_base;       /* given to the DSP while running */
    uint64_t locked_size;
    uint32_t meta_len;
    uint8_t *meta;              /* the authenticated metadata */
    QcomMdtImage image;         /* derived from meta, not saved */
    /*
     * AUTH_AND_RESET interrupted (QCOM_SCM_INTERRUPTED) at segment
     * auth_seg; the SHA-256 of that segment under way (not saved: after
     * a migration the segment is hashed again from its start)
     */
    bool auth_pending;
    uint32_t auth_seg;
    QcomMdtHash auth_hash;
} QcomScmPas;

/* One call: x0's function id, the arguments (x2..x5, then the buffer) */
typedef struct QcomScmCall {
    uint64_t x0;
    uint32_t fnid;
    unsigned nargs;
    uint64_t args[10];
    char *caller;               /* the guest's return addresses, or NULL */
    bool resumed;               /* resumes the call that was interrupted */
} QcomScmCall;

struct QcomScmState {
    DeviceState parent_obj;

    AddressSpace as;
    AddressSpace ram_as;        /* the CPUs' view, when dma_coherent */
    bool download_mode;
    uint32_t dload_reg;         /* the TCSR download-mode register */
    QcomScmPas pas[QCOM_SCM_MAX_PAS];
    /* the call answered QCOM_SCM_INTERRUPTED, to resume (0: none) */
    uint64_t resume_x0;
    uint64_t resume_session;    /* the x6 it was given */
    uint64_t sessions;          /* numbers them */

    /* properties */
    QcomXpuState *xpu;
    MemoryRegion *memory;
    MemoryRegion *ram;
    uint64_t ram_base;
    bool dma_coherent;
    uint64_t dload_mode_addr;
    QcomDspState *dsp[QCOM_SCM_MAX_PAS];
};

extern const VMStateDescription vmstate_qcom_scm_pas;

/* SMCCC handler: register with arm_set_smccc_handler(cpu, fn, scm). */
bool qcom_scm_smccc(ARMCPU *cpu, void *opaque);

/* For the services in their own files (qcom-scm-pas.c) */
int64_t G_GNUC_PRINTF(3, 4) qcom_scm_refuse(const QcomScmCall *c,
                                            int64_t status,
                                            const char *fmt, ...);
bool qcom_scm_in_memory(QcomScmState *s, uint64_t addr, uint64_t len);
bool qcom_scm_read(QcomScmState *s, uint64_t addr, void *buf, uint64_t len);
uint32_t qcom_scm_owners(QcomXpuState *x, uint64_t addr, uint64_t *next);

/*
 * PAS: is the call one of its own (only with a DSP linked: a firmware
 * without peripherals to authenticate has no PAS service), answer it;
 * reset; after migration
 */
bool qcom_scm_pas_handles(QcomScmState *s, uint32_t fnid, unsigned *nargs);
int64_t qcom_scm_pas_call(QcomScmState *s, const QcomScmCall *c,
                          uint64_t *result);
void qcom_scm_pas_reset(QcomScmState *s);
int qcom_scm_pas_post_load(QcomScmState *s);

#endif /* HW_MISC_QCOM_SCM_H */
