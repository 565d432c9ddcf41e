/*
 * Qualcomm Q6v5 remote processors: what every one of them does toward
 * the APPS processor (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Linux's qcom_q6v5.c watches a remote processor through SMP2P: the
 * remote's outbound item in SMEM has an entry "slave-kernel" whose bits
 * say fatal error, ready, handover and stop-ack; the APPS side's item has
 * "master-kernel", whose bit 0 asks the remote to stop. A remote that
 * crashes leaves a reason string in an SMEM item. The modem model
 * (qcom-q6v5-mss.c) and the DSP model (qcom-dsp.c) do this with the
 * helpers below; each rings its own doorbell (APCS IPC or IPCC) when a
 * helper says so.
 */

#ifndef HW_REMOTEPROC_QCOM_Q6V5_REMOTE_H
#define HW_REMOTEPROC_QCOM_Q6V5_REMOTE_H

#include "exec/memory.h"
#include "migration/vmstate.h"
#include "hw/remoteproc/qcom-mdt-auth.h"

typedef struct QcomSmemState QcomSmemState;

/* SMP2P items (smp2p.c) */
#define QCOM_SMP2P_MAGIC            0x504d5324  /* "$SMP" */
#define QCOM_SMP2P_MAX_VERSION      2
#define QCOM_SMP2P_ITEM_SIZE        340
#define QCOM_SMP2P_MAX_ENTRIES      16
#define QCOM_SMP2P_ENTRY_NAME       16
#define QCOM_SMP2P_ENTRIES          20          /* offset of entry 0 */
#define QCOM_SMP2P_ENTRY_SIZE       20          /* name, u32 value */
#define QCOM_SMP2P_PID_APPS         0

/* Bits of "slave-kernel" (qcom_q6v5.c) */
#define QCOM_Q6V5_SMP2P_FATAL       0
#define QCOM_Q6V5_SMP2P_READY       1
#define QCOM_Q6V5_SMP2P_HANDOVER    2
#define QCOM_Q6V5_SMP2P_STOP_ACK    3
#define QCOM_Q6V5_CRASH_REASON_SIZE 256

/*
 * What a coredump of the remote must show: the loadable segments of the
 * image it runs (in phdr order, as the kernel registers its dump
 * segments: p_paddr, p_memsz) and where they lie; from its last crash,
 * the digest of each as memory held it then
 * (include/hw/remoteproc/qcom-dump-digest.h). At most
 * QCOM_Q6V5_DUMP_MAX_BYTES are digested at a crash, the segments in
 * order: those beyond are not (taken counts the digested ones).
 */
#define QCOM_Q6V5_DUMP_MAX_BYTES    (64 * 1024 * 1024)

typedef struct QcomQ6v5RemoteDump {
    uint32_t nsegs;             /* 0: no image has run since reset */
    uint32_t da[QCOM_MDT_MAX_PHDRS];
    uint32_t size[QCOM_MDT_MAX_PHDRS];
    uint64_t addr[QCOM_MDT_MAX_PHDRS];
    uint64_t digest[QCOM_MDT_MAX_PHDRS];
    uint32_t crashes;           /* digests taken since reset */
    uint32_t taken;             /* segments digested at the last crash */
} QcomQ6v5RemoteDump;

extern const VMStateDescription vmstate_qcom_q6v5_remote_dump;

typedef struct QcomQ6v5Remote {
    /* set by the owner before use */
    const char *name;           /* for messages: "qcom-q6v5-mss", ... */
    QcomSmemState *smem;        /* NULL: the remote runs without SMP2P */
    AddressSpace *as;           /* the remote's view of memory */
    MemTxAttrs attrs;           /* its transactions */
    uint32_t lock_id;           /* its TCSR mutex id */
    uint16_t pid;               /* its SMP2P/SMEM processor id */
    unsigned out_item;          /* its outbound item (remote -> APPS) */
    unsigned in_item;           /* the APPS side's item (APPS -> remote) */
    unsigned crash_item;        /* its crash reason */
    const char *const *entries; /* its outbound entries; 0 is slave-kernel */
    unsigned num_entries;

    /* state, in the owner's VMState (vmstate_qcom_q6v5_remote) */
    uint32_t value;             /* "slave-kernel" */
    uint8_t version;            /* our item's version */
    uint8_t apps_version;       /* the APPS item's, last seen */
    QcomQ6v5RemoteDump dump;    /* in the owner's VMState too */
} QcomQ6v5Remote;

extern const VMStateDescription vmstate_qcom_q6v5_remote;

/*
 * The remote comes up: its outbound item (the header complete before the
 * version is written, as smp2p.c does), with "slave-kernel" 0. After a
 * restart the item exists already and keeps its entry slots. Returns 0,
 * -EBUSY (APPS holds the SMEM lock: try again later) or another negative
 * errno (logged; the remote runs without SMP2P).
 */
int qcom_q6v5_remote_up(QcomQ6v5Remote *r);

/*
 * Set "slave-kernel" to value. True when it changed and was written: the
 * caller rings APPS.
 */
bool qcom_q6v5_remote_set(QcomQ6v5Remote *r, uint32_t value);

/*
 * The APPS side rang: follow its SMP2P version (each side publishes the
 * highest it speaks, the higher steps down; Linux 6.x publishes 1, 7.x
 * 2 until the remote's item exists, and then steps down without reading
 * the entries on that interrupt). True when the caller must ring APPS
 * (our version changed, or both now agree).
 */
bool qcom_q6v5_remote_negotiate(QcomQ6v5Remote *r);

/* The APPS side's "master-kernel" value, or 0 while it has none */
uint32_t qcom_q6v5_remote_master(QcomQ6v5Remote *r);

/*
 * Write reason to the crash reason item (allocated if need be), as the
 * remote's firmware does before it reports fatal error or lets its
 * watchdog bite. False with errp set if SMEM cannot take it.
 */
bool qcom_q6v5_remote_crash_reason(QcomQ6v5Remote *r, const char *reason,
                                   Error **errp);

/*
 * The remote starts img: segment i lies at base + p_paddr - the lowest
 * p_paddr when relocated, else at p_paddr. Remembered for its dump.
 */
void qcom_q6v5_remote_image(QcomQ6v5Remote *r, const QcomMdtImage *img,
                            bool relocated, uint64_t base);

/*
 * The remote crashes: the digest of each of its segments as memory holds
 * them now (read as the remote reads), for the dump check.
 */
void qcom_q6v5_remote_snapshot(QcomQ6v5Remote *r);

/*
 * The "crash-dump" property's text: "" before any crash, else one
 * "DA:SIZE:DIGEST" per segment (hex; DIGEST "-" for one not digested),
 * separated by spaces. g_free() it.
 */
char *qcom_q6v5_remote_dump_text(const QcomQ6v5Remote *r);

/* An incoming migration's dump is consistent */
bool qcom_q6v5_remote_dump_valid(const QcomQ6v5Remote *r);

/* Reset: no image, no crash */
void qcom_q6v5_remote_forget_dump(QcomQ6v5Remote *r);

#endif /* HW_REMOTEPROC_QCOM_Q6V5_REMOTE_H */
