/*
 * Qualcomm Hexagon DSP subsystem booted through TrustZone PAS
 * (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The remote side of Linux's qcom_q6v5_pas for SM8250's ADSP, CDSP and
 * SLPI (and any Q6v5 DSP of that kind). Linux never touches the DSP's
 * registers: TrustZone authenticates the image and starts the core
 * (hw/misc/qcom-scm-pas.c calls qcom_dsp_start()), and the DSP talks to
 * APPS over SMP2P (qcom-q6v5-remote.c):
 *
 *   OFF --start--> BOOTING --QCOM_DSP_BOOT_NS--> RUNNING: the DSP's SMP2P
 *   item, "slave-kernel" ready | handover, doorbell
 *   RUNNING: APPS's "master-kernel" bit 0 (stop) -> stop-ack
 *   RUNNING --inject-fatal/-wdog--> CRASHED: crash reason in SMEM, then
 *   SMP2P fatal or the watchdog interrupt
 *   BOOTING --crash-at-boot--> CRASHED: instead of ready and handover,
 *   SMP2P fatal with that reason (once after reset)
 *   any --stop (PAS shutdown)--> OFF: "slave-kernel" 0, doorbell
 *   Each crash digests the image's segments as memory holds them, which
 *   a coredump must match ("crash-dump")
 *
 * All timing is on the virtual clock.
 *
 * QEMU interface:
 *  + QOM property "name": "adsp", "cdsp", "slpi", ... (messages, QMP)
 *  + QOM property "pas-id": the PAS peripheral id TrustZone knows it by
 *  + QOM property "image-id": the hash header's image id its firmware
 *    must carry (QCOM_MDT_ID_ADSP, ...)
 *  + QOM property "master": its bus master (QcomMaster), so its VMID
 *  + QOM properties "smp2p-pid", "smp2p-out-item", "smp2p-in-item",
 *    "crash-reason-item": its SMP2P processor id and SMEM items, as the
 *    DT's smp2p node and Linux's PAS data name them
 *  + QOM property "smem": link to the qcom-smem (optional)
 *  + QOM property "dma": link to the MemoryRegion the DSP accesses memory
 *    through (the SoC bus)
 *  + gpio-in "ipc": APPS rang the DSP's SMP2P doorbell (IPCC)
 *  + gpio-out "smp2p": the DSP rings APPS (IPCC)
 *  + gpio-out "wdog": the watchdog bite: level, high from the bite until
 *    the DSP is stopped (the DT's interrupts are level-high)
 *  + read-only QOM property "phase": off, booting, running, crashed
 *  + write-only QOM properties "inject-fatal", "inject-wdog": crash the
 *    running DSP with the given reason
 *  + QOM property "crash-at-boot": a crash reason; the first boot after
 *    reset then raises SMP2P fatal with it instead of ready and handover
 *    (a crash before the handover); empty (the default): none
 *  + read-only QOM property "crash-dump": what a coredump of the last
 *    crash must hold (qcom_q6v5_remote_dump_text())
 */

#ifndef HW_REMOTEPROC_QCOM_DSP_H
#define HW_REMOTEPROC_QCOM_DSP_H

#include "hw/qdev-core.h"
#include "exec/memory.h"
#include "qemu/timer.h"
#include "qom/object.h"
#include "hw/remoteproc/qcom-q6v5-remote.h"

#define TYPE_QCOM_DSP "qcom-dsp"
OBJECT_DECLARE_SIMPLE_TYPE(QcomDspState, QCOM_DSP)

typedef struct QcomSmemState QcomSmemState;

/* From the start of the core to "ready" (Linux waits 5 s) */
#define QCOM_DSP_BOOT_NS    (1 * 1000 * 1000)

typedef enum QcomDspPhase {
    QCOM_DSP_OFF,
    QCOM_DSP_BOOTING,
    QCOM_DSP_RUNNING,
    QCOM_DSP_CRASHED,
    QCOM_DSP_PHASE_NUM
} QcomDspPhase;

struct QcomDspState {
    DeviceState parent_obj;

    AddressSpace dma_as;
    QEMUTimer *timer;
    qemu_irq smp2p_irq;
    qemu_irq wdog_irq;
    uint32_t phase;
    QcomQ6v5Remote remote;
    bool boot_crashed;          /* crash-at-boot has fired since reset */

    /* properties */
    char *name;
    uint32_t pas_id;
    uint32_t image_id;
    uint8_t master;
    uint32_t smp2p_pid;
    uint32_t smp2p_out_item;
    uint32_t smp2p_in_item;
    uint32_t crash_reason_item;
    char *crash_at_boot;
    QcomSmemState *smem;
    MemoryRegion *dma_mr;
};

/*
 * TrustZone's side: start the core with the authenticated image img
 * (relocated to base, or at its p_paddr), stop it
 */
void qcom_dsp_start(QcomDspState *s, const QcomMdtImage *img, bool relocated,
                    uint64_t base);
void qcom_dsp_stop(QcomDspState *s);

#endif /* HW_REMOTEPROC_QCOM_DSP_H */
