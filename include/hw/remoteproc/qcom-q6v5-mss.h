/*
 * Qualcomm Q6v5 modem subsystem (MSS): QDSP6SS, RMB, AXI halt, PBL, MBA
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * The modem's Hexagon (Q6) core as the Linux driver qcom_q6v5_mss sees it
 * for "qcom,sdm845-mss-pil": the QDSP6SS control registers that start its
 * boot state machine, the relay message buffer (RMB) through which the
 * boot ROM (PBL) and the modem boot authenticator (MBA) talk to the
 * application processor, and the halt request/acknowledge/idle registers
 * of its three AXI ports. PBL and MBA run as a state machine on the
 * virtual clock; they read the MBA image, the firmware metadata and every
 * loaded segment by DMA, as the MSS bus master, and check the segments'
 * SHA-256 digests against the hash segment. docs/devel/qcom-q6v5-mss.rst
 * has the registers, the image rules and the status codes.
 *
 * QEMU interface:
 *  + sysbus MMIO region 0: QDSP6SS registers ("qdsp6", 0x408 bytes)
 *  + sysbus MMIO region 1: RMB registers ("rmb", 0x48 bytes)
 *  + sysbus MMIO region 2: the TCSR block holding the AXI halt registers
 *    (QCOM_MSS_TCSR_SIZE bytes; other offsets read as zero)
 *  + named GPIO inputs "mss_restart" and "pdc_reset" (one line each):
 *    the subsystem is held in reset while either is high or while
 *    RMB MBA_ALT_RESET is 1
 *  + QOM property "dma": link to the MemoryRegion (the SoC bus, address
 *    0 at physical address 0) through which the MSS master reads memory
 *  + QOM property "xpu": link to the qcom-xpu in front of DRAM (optional);
 *    with it, a read the XPU denies is a DMA fault of the MBA (the XPU
 *    itself reports the violation and applies its action)
 *  + QOM properties "halt-q6", "halt-modem", "halt-nc": offsets of the
 *    three halt register triplets in the TCSR region (defaults 0x3000,
 *    0x5000, 0x4000 as on SDM845)
 *  + QOM property "smem": link to the qcom-smem (optional). With it, the
 *    modem comes up after AUTH_COMPLETE: it creates its outbound SMP2P
 *    item (435) with entries "slave-kernel" and "ipa", sets ready and
 *    handover, and pulses "smp2p"
 *  + named GPIO output "smp2p": pulsed on every change of the modem's
 *    SMP2P entries (the APPS side's smp2p-mpss interrupt, edge)
 *  + named GPIO output "wdog": pulsed on a watchdog bite (edge)
 *  + named GPIO input "ipc": the APCS IPC doorbell (bit 14); on a rising
 *    edge the modem reads the APPS "master-kernel" entry of item 428 and
 *    answers its stop bit with stop-ack
 *  + write-only QOM string properties "inject-fatal" and "inject-wdog"
 *    (qom-set): while the modem runs, store the value as the crash reason
 *    (SMEM item 421) and raise SMP2P fatal, or bite the watchdog
 *  + QOM string property "crash-at-boot": a crash reason; the first boot
 *    after reset that authenticates its image then raises SMP2P fatal
 *    with it instead of ready and handover (a crash before the
 *    handover); empty (the default): none
 *  + read-only QOM string property "crash-dump": at the last crash, each
 *    segment of the modem's image as DA:SIZE:DIGEST, what a coredump
 *    must hold (qcom_q6v5_remote_dump_text()); empty before one
 */

#ifndef HW_REMOTEPROC_QCOM_Q6V5_MSS_H
#define HW_REMOTEPROC_QCOM_Q6V5_MSS_H

#include "hw/sysbus.h"
#include "exec/memory.h"
#include "qemu/timer.h"
#include "qom/object.h"
#include "hw/remoteproc/qcom-mdt-auth.h"
#include "hw/remoteproc/qcom-q6v5-remote.h"

#define TYPE_QCOM_Q6V5_MSS "qcom-q6v5-mss"
OBJECT_DECLARE_SIMPLE_TYPE(QcomQ6v5MssState, QCOM_Q6V5_MSS)

typedef struct QcomXpuState QcomXpuState;
typedef struct QcomSmemState QcomSmemState;

#define QCOM_MSS_QDSP6_SIZE 0x408
#define QCOM_MSS_RMB_SIZE 0x48
#define QCOM_MSS_TCSR_SIZE 0x20000

/* RMB status values the PBL and the MBA report */
#define QCOM_RMB_PBL_SUCCESS                1
#define QCOM_RMB_MBA_XPU_UNLOCKED           1
#define QCOM_RMB_MBA_META_DATA_AUTH_SUCCESS 3
#define QCOM_RMB_MBA_AUTH_COMPLETE          4

/*
 * Error values (ours; Qualcomm does not publish the MBA's): negative in
 * MBA_STATUS, the same 32-bit values in PBL_STATUS.
 */
#define QCOM_RMB_ERR_DMA            (-1)    /* a read was denied or failed */
#define QCOM_RMB_ERR_BAD_ELF        (-2)    /* ELF header or phdrs */
#define QCOM_RMB_ERR_BAD_HASH_TABLE (-3)    /* hash segment */
#define QCOM_RMB_ERR_HASH_MISMATCH  (-4)    /* a segment's SHA-256 */
#define QCOM_RMB_ERR_BAD_COMMAND    (-5)    /* command out of sequence */
#define QCOM_RMB_ERR_BAD_LENGTH     (-6)    /* code length/segment layout */

/* The modem's SMP2P processor id */
#define QCOM_SMP2P_PID_MSS          1

/* Limits of the images the PBL and the MBA accept */
#define QCOM_MSS_MAX_PHDRS 256
#define QCOM_MSS_MAX_MBA_SIZE (1 * 1024 * 1024)
#define QCOM_MSS_MAX_META_SIZE (1 * 1024 * 1024)

typedef enum QcomMssHaltPort {
    QCOM_MSS_HALT_Q6,
    QCOM_MSS_HALT_MODEM,
    QCOM_MSS_HALT_NC,
    QCOM_MSS_HALT_NUM
} QcomMssHaltPort;

/* Where the boot chain is; see qcom-q6v5-mss.c */
typedef enum QcomMssPhase {
    QCOM_MSS_OFF = 0,       /* core stopped (reset, or not booted yet) */
    QCOM_MSS_BOOT_FSM,      /* boot FSM running; timer ends it */
    QCOM_MSS_PBL,           /* PBL loads and checks the MBA; timer */
    QCOM_MSS_MBA_START,     /* MBA starting; timer sets XPU_UNLOCKED */
    QCOM_MSS_MBA_IDLE,      /* MBA waits for META_DATA_READY */
    QCOM_MSS_META,          /* MBA reads the metadata; timer */
    QCOM_MSS_META_DONE,     /* metadata authenticated; waits LOAD_READY */
    QCOM_MSS_LOADING,       /* checks segments as CODE_LENGTH grows */
    QCOM_MSS_AUTHENTICATED, /* AUTH_COMPLETE */
    QCOM_MSS_FAILED,        /* an error status is reported */
    QCOM_MSS_RUNNING,       /* modem up: SMP2P ready/handover sent */
    QCOM_MSS_CRASHED,       /* fatal error or watchdog bite reported */
    QCOM_MSS_PHASE_NUM
} QcomMssPhase;

struct QcomQ6v5MssState {
    SysBusDevice parent_obj;

    MemoryRegion qdsp6;
    MemoryRegion rmb;
    MemoryRegion tcsr;
    AddressSpace dma_as;
    QEMUTimer *timer;

    /* QDSP6SS */
    uint32_t core_cbcr;
    uint32_t xo_cbcr;
    uint32_t sleep_cbcr;
    uint32_t boot_core_start;

    /* RMB */
    uint32_t mba_image;
    uint32_t pbl_status;
    uint32_t mba_command;
    uint32_t mba_status;
    uint32_t pmi_meta_data;
    uint32_t pmi_code_start;
    uint32_t pmi_code_length;
    uint32_t mss_status;
    uint32_t alt_reset;

    /* AXI halt ports */
    uint32_t halt_req[QCOM_MSS_HALT_NUM];

    /* the running modem */
    qemu_irq smp2p_irq;
    qemu_irq wdog_irq;
    QcomQ6v5Remote remote;  /* SMP2P, crash reason, dump */
    bool boot_crashed;      /* crash-at-boot has fired since reset */

    /* reset inputs */
    bool mss_restart;
    bool pdc_reset;

    /* boot chain */
    uint32_t phase;
    uint32_t meta_len;
    uint8_t *meta;          /* the authenticated metadata blob */
    uint32_t code_done;     /* bytes of segments checked */
    uint32_t seg_next;      /* next segment to check */
    /*
     * seg_next's SHA-256 under way, a slice a tick (not saved: after a
     * migration the segment is hashed again from its start)
     */
    QcomMdtHash seg_hash;

    /* derived from meta (not saved) */
    QcomMdtImage image;

    /* properties */
    MemoryRegion *dma_mr;
    QcomXpuState *xpu;
    QcomSmemState *smem;
    uint32_t halt_offset[QCOM_MSS_HALT_NUM];
    char *crash_at_boot;
};

#endif /* HW_REMOTEPROC_QCOM_Q6V5_MSS_H */
