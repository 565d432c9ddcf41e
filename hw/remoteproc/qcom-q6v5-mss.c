/*
 * Qualcomm Q6v5 modem subsystem (MSS): QDSP6SS, RMB, AXI halt, PBL, MBA
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Registers and sequences as Linux's qcom_q6v5_mss driver uses them for
 * "qcom,sdm845-mss-pil" (and sc7180). The boot chain is a state machine
 * on the virtual clock, one phase per QcomMssPhase:
 *
 *   BOOT_CMD=1 -> BOOT_FSM -> (MBA_MSS_STATUS bit 0) -> PBL: reads and
 *   checks the MBA image at MBA_IMAGE (PBL_STATUS 1 or an error) ->
 *   MBA_START -> MBA_IDLE (MBA_STATUS 1, XPU_UNLOCKED)
 *   MBA_COMMAND=1 -> META: reads the metadata at PMI_META_DATA, checks
 *   the ELF header, phdrs and hash segment -> META_DONE (status 3)
 *   MBA_COMMAND=2 -> LOADING: each PMI_CODE_LENGTH update lets it read
 *   and hash the segments it now covers -> AUTHENTICATED (status 4)
 *   -> RUNNING: the modem creates its SMP2P item in SMEM and raises
 *   ready and handover; it answers the APPS side's stop with stop-ack
 *   -> CRASHED on an injected fatal error or watchdog bite, or instead
 *   of ready and handover at the first boot with "crash-at-boot"; each
 *   crash digests the image's segments for the dump check
 *
 * Any error ends in FAILED with a negative MBA_STATUS (or PBL_STATUS).
 * Every read goes through the "dma" address space with the MSS master's
 * attributes, so the XPU checks it against the MSS_MSA VMID. Reset (the
 * mss_restart and pdc_reset inputs, MBA_ALT_RESET, or a device reset)
 * stops the core and cancels whatever phase was under way.
 * docs/devel/qcom-q6v5-mss.rst documents the registers, the image rules
 * and the status codes.
 */

#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qemu/bswap.h"
#include "qemu/cutils.h"
#include "qemu/units.h"
#include "qapi/error.h"
#include "hw/remoteproc/qcom-q6v5-mss.h"
#include "hw/remoteproc/qcom-q6v5-remote.h"
#include "hw/misc/qcom-smem.h"
#include "hw/misc/qcom-tcsr-mutex.h"
#include "hw/misc/qcom-xpu.h"
#include "hw/irq.h"
#include "hw/registerfields.h"
#include "hw/qdev-properties.h"
#include "migration/vmstate.h"
#include "trace.h"

/* QDSP6SS ("qdsp6") */
REG32(QDSP6SS_RESET, 0x014)
REG32(QDSP6SS_CORE_CBCR, 0x020)
REG32(QDSP6SS_PWR_CTL, 0x030)
REG32(QDSP6SS_XO_CBCR, 0x038)
REG32(QDSP6SS_SLEEP, 0x03c)
REG32(QDSP6SS_MEM_PWR_CTL, 0x0b0)
REG32(QDSP6SS_STRAP_ACC, 0x110)
REG32(QDSP6SS_BOOT_CORE_START, 0x400)
    FIELD(QDSP6SS_BOOT_CORE_START, START, 0, 1)
REG32(QDSP6SS_BOOT_CMD, 0x404)
    FIELD(QDSP6SS_BOOT_CMD, CMD, 0, 1)

/* Branch clock control (CBCR) bits, common to the three CBCRs */
FIELD(CBCR, CLKEN, 0, 1)
FIELD(CBCR, CLKOFF, 31, 1)

/* RMB ("rmb") */
REG32(RMB_MBA_IMAGE, 0x00)
REG32(RMB_PBL_STATUS, 0x04)
REG32(RMB_MBA_COMMAND, 0x08)
REG32(RMB_MBA_STATUS, 0x0c)
REG32(RMB_PMI_META_DATA, 0x10)
REG32(RMB_PMI_CODE_START, 0x14)
REG32(RMB_PMI_CODE_LENGTH, 0x18)
REG32(RMB_MBA_MSS_STATUS, 0x40)
    FIELD(RMB_MBA_MSS_STATUS, BOOT_FSM_DONE, 0, 1)
REG32(RMB_MBA_ALT_RESET, 0x44)
    FIELD(RMB_MBA_ALT_RESET, RESET, 0, 1)

#define RMB_CMD_META_DATA_READY 1
#define RMB_CMD_LOAD_READY      2

/* AXI halt triplet, at each port's offset in the TCSR block */
REG32(AXI_HALTREQ, 0x0)
REG32(AXI_HALTACK, 0x4)
REG32(AXI_IDLE, 0x8)
#define AXI_HALT_SIZE 0xc

/*
 * How long each phase takes, in virtual time: well inside the driver's
 * timeouts (boot FSM 10 ms, PBL 1 s, MBA 5 s, metadata 1 s, load 10 s).
 */
#define BOOT_FSM_NS     (20 * SCALE_US)
#define PBL_NS          (200 * SCALE_US)
#define MBA_START_NS    (500 * SCALE_US)
#define META_NS         (100 * SCALE_US)
#define SEGMENT_NS      (20 * SCALE_US)
/* The MBA hashes at most this much of the segments a tick of SEGMENT_NS */
#define HASH_SLICE      (1 * MiB)
/* from AUTH_COMPLETE to SMP2P ready (driver: 5 s); SMEM lock retry */
#define MODEM_UP_NS     (1 * SCALE_MS)
#define SMEM_RETRY_NS   (100 * SCALE_US)

#define DIGEST_SIZE     QCOM_MDT_DIGEST_SIZE
#define EHDR_SIZE       QCOM_MDT_EHDR_SIZE
#define PHDR_SIZE       QCOM_MDT_PHDR_SIZE
#define PH(phdrs, i, f) qcom_mdt_phdr(phdrs, i, QCOM_MDT_P_##f)

static const char *const phase_names[QCOM_MSS_PHASE_NUM] = {
    [QCOM_MSS_OFF] = "off",
    [QCOM_MSS_BOOT_FSM] = "boot-fsm",
    [QCOM_MSS_PBL] = "pbl",
    [QCOM_MSS_MBA_START] = "mba-start",
    [QCOM_MSS_MBA_IDLE] = "mba-idle",
    [QCOM_MSS_META] = "metadata",
    [QCOM_MSS_META_DONE] = "metadata-done",
    [QCOM_MSS_LOADING] = "loading",
    [QCOM_MSS_AUTHENTICATED] = "authenticated",
    [QCOM_MSS_FAILED] = "failed",
    [QCOM_MSS_RUNNING] = "running",
    [QCOM_MSS_CRASHED] = "crashed",
};

static const char *const port_names[QCOM_MSS_HALT_NUM] = {
    [QCOM_MSS_HALT_Q6] = "q6",
    [QCOM_MSS_HALT_MODEM] = "modem",
    [QCOM_MSS_HALT_NC] = "nc",
};

static void mss_set_phase(QcomQ6v5MssState *s, QcomMssPhase phase,
                          int64_t delay_ns)
{
    trace_qcom_mss_phase(phase_names[s->phase], phase_names[phase]);
    s->phase = phase;
    if (delay_ns) {
        timer_mod(s->timer,
                  qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) + delay_ns);
    } else {
        timer_del(s->timer);
    }
}

static void mss_mba_fail(QcomQ6v5MssState *s, int32_t status,
                         const char *why)
{
    trace_qcom_mss_mba_status(status, why);
    s->mba_status = status;
    mss_set_phase(s, QCOM_MSS_FAILED, 0);
}

static bool mss_in_reset(QcomQ6v5MssState *s)
{
    return s->mss_restart || s->pdc_reset ||
           FIELD_EX32(s->alt_reset, RMB_MBA_ALT_RESET, RESET);
}

/* ---- DMA as the MSS master ----------------------------------------- */

/*
 * Read guest memory as the modem does: through the SoC bus and the XPU,
 * with the MSS master's attributes. A burst that reaches a page the XPU
 * denies stops there: the XPU reports one violation (at the first denied
 * byte) and applies its action, and the MBA sees a DMA fault. A bus
 * error is a DMA fault too. A halted Q6 port issues nothing.
 */
static bool mss_dma_read(QcomQ6v5MssState *s, const char *what,
                         uint64_t addr, void *buf, uint32_t len)
{
    MemTxAttrs attrs = qcom_master_attrs(QCOM_MASTER_MSS,
                                         QCOM_XPU_KIND_NORMAL);
    uint64_t end = addr + len;
    bool denied = false;
    MemTxResult r = MEMTX_OK;

    if (s->halt_req[QCOM_MSS_HALT_Q6]) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-q6v5-mss: %s read at 0x%"
                      PRIx64 " while the Q6 AXI port is halted\n", what,
                      addr);
        trace_qcom_mss_dma(what, addr, len, "halted");
        return false;
    }
    if (s->xpu) {
        uint64_t base = s->xpu->base, limit = s->xpu->base + s->xpu->size;

        for (uint64_t p = addr & ~(uint64_t)(QCOM_XPU_GRANULE - 1);
             p < end; p += QCOM_XPU_GRANULE) {
            if (p >= base && p < limit &&
                !qcom_xpu_allows(s->xpu, p, QCOM_MASTER_MSS, false)) {
                denied = true;
                end = MAX(addr, p);
                break;
            }
        }
    }
    if (end > addr) {
        r = address_space_read(&s->dma_as, addr, attrs, buf, end - addr);
    }
    if (denied) {
        qcom_xpu_report_violation(s->xpu, end, attrs, false);
    }
    if (denied || r != MEMTX_OK) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-q6v5-mss: %s read at 0x%"
                      PRIx64 "+0x%x faulted (%s)\n", what, addr, len,
                      denied ? "XPU denied the MSS" : "bus error");
        trace_qcom_mss_dma(what, addr, len, denied ? "xpu-denied" :
                           "bus-error");
        return false;
    }
    trace_qcom_mss_dma(what, addr, len, "ok");
    return true;
}

/* The readers of the segments' hashing (qcom_mdt_sha256_read) */
static bool mss_mba_segment_read(void *opaque, uint64_t addr, void *buf,
                                 uint32_t len)
{
    return mss_dma_read(opaque, "mba segment", addr, buf, len);
}

static bool mss_segment_read(void *opaque, uint64_t addr, void *buf,
                             uint32_t len)
{
    return mss_dma_read(opaque, "segment", addr, buf, len);
}

/* ---- image rules ------------------------------------------------------ */

/* The boot chain's status for a rule the image breaks */
static int32_t mss_status_of(QcomMdtError err)
{
    switch (err) {
    case QCOM_MDT_OK:
        return 0;
    case QCOM_MDT_BAD_ELF:
        return QCOM_RMB_ERR_BAD_ELF;
    case QCOM_MDT_BAD_HASH_TABLE:
        return QCOM_RMB_ERR_BAD_HASH_TABLE;
    case QCOM_MDT_BAD_LENGTH:
        return QCOM_RMB_ERR_BAD_LENGTH;
    case QCOM_MDT_READ_FAULT:
        return QCOM_RMB_ERR_DMA;
    default:
        return QCOM_RMB_ERR_HASH_MISMATCH;
    }
}

/* ---- PBL: the MBA image ------------------------------------------------ */

/*
 * The MBA image is a whole ELF file at MBA_IMAGE, at most 1 MiB: header,
 * phdrs, the hash segment at its p_offset, and each loadable segment's
 * p_filesz bytes at its p_offset, whose SHA-256 must match the table.
 */
static int32_t mss_pbl_check(QcomQ6v5MssState *s, const char **why)
{
    uint64_t img = s->mba_image;
    uint8_t eh[EHDR_SIZE];
    g_autofree uint8_t *phdrs = NULL;
    g_autofree uint8_t *hash = NULL;
    g_autofree uint8_t *headers = NULL;
    QcomMdtImage image;
    uint32_t phnum, hoff, hsize, hdr_size;
    int32_t ret;
    int hidx;

    if (!mss_dma_read(s, "mba header", img, eh, sizeof(eh))) {
        *why = "DMA fault on the MBA header";
        return QCOM_RMB_ERR_DMA;
    }
    ret = mss_status_of(qcom_mdt_check_ehdr(eh, &phnum, why));
    if (ret) {
        return ret;
    }
    if (EHDR_SIZE + phnum * PHDR_SIZE > QCOM_MSS_MAX_MBA_SIZE) {
        *why = "MBA program headers beyond 1 MiB";
        return QCOM_RMB_ERR_BAD_ELF;
    }
    phdrs = g_malloc(phnum * PHDR_SIZE);
    if (!mss_dma_read(s, "mba phdrs", img + EHDR_SIZE, phdrs,
                      phnum * PHDR_SIZE)) {
        *why = "DMA fault on the MBA program headers";
        return QCOM_RMB_ERR_DMA;
    }
    hidx = qcom_mdt_find_hash(phdrs, phnum);
    if (hidx < 0) {
        *why = "MBA has no hash segment";
        return QCOM_RMB_ERR_BAD_ELF;
    }
    hoff = PH(phdrs, hidx, OFFSET);
    hsize = PH(phdrs, hidx, FILESZ);
    if (hoff > QCOM_MSS_MAX_MBA_SIZE ||
        hsize > QCOM_MSS_MAX_MBA_SIZE - hoff) {
        *why = "MBA hash segment beyond 1 MiB";
        return QCOM_RMB_ERR_BAD_HASH_TABLE;
    }
    hash = g_malloc(hsize + 1);
    if (!mss_dma_read(s, "mba hash", img + hoff, hash, hsize)) {
        *why = "DMA fault on the MBA hash segment";
        return QCOM_RMB_ERR_DMA;
    }
    hdr_size = PH(phdrs, 0, FILESZ);
    if (hdr_size < EHDR_SIZE + phnum * PHDR_SIZE ||
        hdr_size > QCOM_MSS_MAX_MBA_SIZE) {
        *why = "phdr 0 does not cover the ELF header and phdrs";
        return QCOM_RMB_ERR_BAD_ELF;
    }
    headers = g_malloc(hdr_size);
    if (!mss_dma_read(s, "mba headers", img, headers, hdr_size)) {
        *why = "DMA fault on the MBA headers";
        return QCOM_RMB_ERR_DMA;
    }
    ret = mss_status_of(qcom_mdt_parse(headers, hdr_size, hash, hsize,
                                       QCOM_MDT_ID_MBA, &image, why));
    if (ret) {
        return ret;
    }
    for (uint32_t i = 0; i < image.nsegs && !ret; i++) {
        QcomMdtSegment *seg = &image.segs[i];
        uint8_t digest[DIGEST_SIZE];

        if (!seg->filesz) {
            continue;
        }
        if (seg->offset > QCOM_MSS_MAX_MBA_SIZE ||
            seg->filesz > QCOM_MSS_MAX_MBA_SIZE - seg->offset) {
            *why = "an MBA segment lies beyond 1 MiB";
            ret = QCOM_RMB_ERR_BAD_ELF;
        } else if (!qcom_mdt_sha256_read(mss_mba_segment_read, s,
                                         img + seg->offset, seg->filesz,
                                         digest)) {
            *why = "DMA fault on an MBA segment";
            ret = QCOM_RMB_ERR_DMA;
        } else if (memcmp(digest, seg->digest, DIGEST_SIZE)) {
            trace_qcom_mss_segment("mba", seg->index, img + seg->offset,
                                   seg->filesz, "mismatch");
            *why = "an MBA segment's SHA-256 does not match";
            ret = QCOM_RMB_ERR_HASH_MISMATCH;
        } else {
            trace_qcom_mss_segment("mba", seg->index, img + seg->offset,
                                   seg->filesz, "ok");
        }
    }
    qcom_mdt_image_clear(&image);
    return ret ? ret : QCOM_RMB_PBL_SUCCESS;
}

/* ---- MBA: metadata --------------------------------------------------- */

/*
 * The metadata blob (what qcom_mdt_read_metadata() builds): the headers
 * and the hash segment. Fills in the derived segment list.
 */
static int mss_parse_meta(QcomQ6v5MssState *s, const uint8_t *meta,
                          uint32_t len, const char **why)
{
    qcom_mdt_image_clear(&s->image);
    return mss_status_of(qcom_mdt_parse_metadata(meta, len, QCOM_MDT_ID_MPSS,
                                                 &s->image, why));
}

static bool mss_meta_read(void *opaque, uint64_t addr, void *buf,
                          uint32_t len)
{
    return mss_dma_read(opaque, "metadata", addr, buf, len);
}

static void mss_mba_metadata(QcomQ6v5MssState *s)
{
    const char *why = NULL;
    QcomMdtError err;

    g_free(s->meta);
    qcom_mdt_image_clear(&s->image);
    err = qcom_mdt_read_metadata(mss_meta_read, s, s->pmi_meta_data,
                                 QCOM_MSS_MAX_META_SIZE, QCOM_MDT_ID_MPSS,
                                 &s->meta, &s->meta_len, &s->image, &why);
    if (err) {
        mss_mba_fail(s, err == QCOM_MDT_READ_FAULT ? QCOM_RMB_ERR_DMA :
                     mss_status_of(err), why);
        return;
    }
    s->code_done = 0;
    s->seg_next = 0;
    qcom_mdt_hash_cancel(&s->seg_hash);
    trace_qcom_mss_mba_status(QCOM_RMB_MBA_META_DATA_AUTH_SUCCESS,
                              "metadata authenticated");
    s->mba_status = QCOM_RMB_MBA_META_DATA_AUTH_SUCCESS;
    mss_set_phase(s, QCOM_MSS_META_DONE, 0);
}

/* ---- MBA: segments ----------------------------------------------------- */

/*
 * Check every segment that PMI_CODE_LENGTH now covers completely, at most
 * HASH_SLICE bytes a tick. Segment i lies at PMI_CODE_START + (p_paddr -
 * lowest p_paddr); its p_filesz bytes are hashed (the rest is the zero
 * fill).
 */
static void mss_mba_load(QcomQ6v5MssState *s)
{
    uint64_t budget = HASH_SLICE;

    while (s->seg_next < s->image.nsegs &&
           s->code_done + s->image.segs[s->seg_next].memsz <=
           s->pmi_code_length) {
        QcomMdtSegment *seg = &s->image.segs[s->seg_next];
        uint64_t addr = (uint64_t)s->pmi_code_start + seg->paddr -
                        s->image.min_paddr;
        uint8_t digest[DIGEST_SIZE];

        if (seg->filesz) {
            if (!s->seg_hash.ck) {
                qcom_mdt_hash_start(&s->seg_hash, addr, seg->filesz);
            }
            switch (qcom_mdt_hash_step(&s->seg_hash, mss_segment_read, s,
                                       &budget, digest)) {
            case QCOM_MDT_HASH_MORE:
                timer_mod(s->timer, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                          SEGMENT_NS);
                return;
            case QCOM_MDT_HASH_FAULT:
                mss_mba_fail(s, QCOM_RMB_ERR_DMA,
                             "DMA fault on a segment");
                return;
            case QCOM_MDT_HASH_DONE:
                break;
            }
            if (memcmp(digest, seg->digest, DIGEST_SIZE)) {
                trace_qcom_mss_segment("modem", seg->index, addr,
                                       seg->filesz, "mismatch");
                qemu_log_mask(LOG_GUEST_ERROR, "qcom-q6v5-mss: segment %u "
                              "at 0x%" PRIx64 ": SHA-256 mismatch\n",
                              seg->index, addr);
                mss_mba_fail(s, QCOM_RMB_ERR_HASH_MISMATCH,
                             "segment hash mismatch");
                return;
            }
        }
        trace_qcom_mss_segment("modem", seg->index, addr, seg->filesz, "ok");
        s->code_done += seg->memsz;
        s->seg_next++;
    }
    if (s->pmi_code_length > s->image.total_memsz) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-q6v5-mss: code length 0x%x "
                      "beyond the image's 0x%x\n", s->pmi_code_length,
                      s->image.total_memsz);
        mss_mba_fail(s, QCOM_RMB_ERR_BAD_LENGTH,
                     "code length beyond the image");
        return;
    }
    if (s->code_done == s->image.total_memsz) {
        trace_qcom_mss_mba_status(QCOM_RMB_MBA_AUTH_COMPLETE,
                                  "all segments authenticated");
        s->mba_status = QCOM_RMB_MBA_AUTH_COMPLETE;
        mss_set_phase(s, QCOM_MSS_AUTHENTICATED, MODEM_UP_NS);
    }
}

/* ---- the running modem: SMP2P, crash reason ------------------------- */

static MemTxAttrs mss_attrs(void)
{
    return qcom_master_attrs(QCOM_MASTER_MSS, QCOM_XPU_KIND_NORMAL);
}

/* The modem's outbound SMP2P entries */
static const char *const mss_smp2p_entries[] = { "slave-kernel", "ipa" };

/* Set the modem's "slave-kernel" bits and kick APPS */
static void mss_smp2p_update(QcomQ6v5MssState *s, uint32_t value)
{
    if (qcom_q6v5_remote_set(&s->remote, value)) {
        qemu_irq_pulse(s->smp2p_irq);
    }
}

/*
 * The modem comes up: its outbound SMP2P item, then ready and handover
 * (qcom-q6v5-remote.c).
 */
static void mss_modem_up(QcomQ6v5MssState *s)
{
    if (qcom_q6v5_remote_up(&s->remote) == -EBUSY) {
        /* APPS holds the SMEM lock: try again a little later */
        timer_mod(s->timer, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                  SMEM_RETRY_NS);
        return;
    }
    /* the MBA loaded segment i at PMI_CODE_START + p_paddr - lowest */
    qcom_q6v5_remote_image(&s->remote, &s->image, true, s->pmi_code_start);
    if (s->crash_at_boot && *s->crash_at_boot && !s->boot_crashed) {
        Error *err = NULL;

        /* once: the boot fails before its handover */
        s->boot_crashed = true;
        if (!qcom_q6v5_remote_crash_reason(&s->remote, s->crash_at_boot,
                                           &err)) {
            qemu_log_mask(LOG_GUEST_ERROR, "%s\n", error_get_pretty(err));
            error_free(err);
        }
        trace_qcom_mss_crash("fatal at boot", s->crash_at_boot);
        mss_set_phase(s, QCOM_MSS_CRASHED, 0);
        qcom_q6v5_remote_snapshot(&s->remote);
        mss_smp2p_update(s, BIT(QCOM_Q6V5_SMP2P_FATAL));
        return;
    }
    mss_set_phase(s, QCOM_MSS_RUNNING, 0);
    mss_smp2p_update(s, BIT(QCOM_Q6V5_SMP2P_READY) |
                        BIT(QCOM_Q6V5_SMP2P_HANDOVER));
}

/* The APPS side rang the modem's SMP2P doorbell */
static void mss_ipc_in(void *opaque, int n, int level)
{
    QcomQ6v5MssState *s = opaque;
    uint32_t master;

    if (!level) {
        return;
    }
    if (s->phase != QCOM_MSS_RUNNING && s->phase != QCOM_MSS_CRASHED) {
        trace_qcom_mss_ipc(0, "modem not running");
        return;
    }
    if (qcom_q6v5_remote_negotiate(&s->remote)) {
        qemu_irq_pulse(s->smp2p_irq);
    }
    master = qcom_q6v5_remote_master(&s->remote);
    trace_qcom_mss_ipc(master, master & 1 ? "stop" : "no stop");
    if (master & 1) {
        mss_smp2p_update(s, s->remote.value |
                         BIT(QCOM_Q6V5_SMP2P_STOP_ACK));
    }
}

/* The crash reason, SMEM item 421 (QCOM_SMEM_HOST_ANY) */
static bool mss_crash_reason(QcomQ6v5MssState *s, const char *reason,
                             Error **errp)
{
    if (s->phase != QCOM_MSS_RUNNING) {
        error_setg(errp, "qcom-q6v5-mss: the modem is not running (%s)",
                   phase_names[s->phase]);
        return false;
    }
    return qcom_q6v5_remote_crash_reason(&s->remote, reason, errp);
}

static void mss_inject_fatal(Object *obj, const char *reason, Error **errp)
{
    QcomQ6v5MssState *s = QCOM_Q6V5_MSS(obj);

    if (mss_crash_reason(s, reason, errp)) {
        trace_qcom_mss_crash("fatal", reason);
        mss_set_phase(s, QCOM_MSS_CRASHED, 0);
        qcom_q6v5_remote_snapshot(&s->remote);
        mss_smp2p_update(s, s->remote.value | BIT(QCOM_Q6V5_SMP2P_FATAL));
    }
}

static void mss_inject_wdog(Object *obj, const char *reason, Error **errp)
{
    QcomQ6v5MssState *s = QCOM_Q6V5_MSS(obj);

    if (mss_crash_reason(s, reason, errp)) {
        trace_qcom_mss_crash("watchdog", reason);
        mss_set_phase(s, QCOM_MSS_CRASHED, 0);
        qcom_q6v5_remote_snapshot(&s->remote);
        qemu_irq_pulse(s->wdog_irq);
    }
}

static char *mss_get_crash_dump(Object *obj, Error **errp)
{
    return qcom_q6v5_remote_dump_text(&QCOM_Q6V5_MSS(obj)->remote);
}

/* ---- the boot chain's clock ------------------------------------------ */

static void mss_timer_cb(void *opaque)
{
    QcomQ6v5MssState *s = opaque;
    const char *why = NULL;
    int32_t st;

    switch (s->phase) {
    case QCOM_MSS_BOOT_FSM:
        s->mss_status = FIELD_DP32(s->mss_status, RMB_MBA_MSS_STATUS,
                                   BOOT_FSM_DONE, 1);
        mss_set_phase(s, QCOM_MSS_PBL, PBL_NS);
        break;
    case QCOM_MSS_PBL:
        st = mss_pbl_check(s, &why);
        trace_qcom_mss_pbl_status(st, why ? why : "MBA image authenticated");
        s->pbl_status = st;
        if (st == QCOM_RMB_PBL_SUCCESS) {
            mss_set_phase(s, QCOM_MSS_MBA_START, MBA_START_NS);
        } else {
            qemu_log_mask(LOG_GUEST_ERROR, "qcom-q6v5-mss: PBL rejects the "
                          "MBA image at 0x%x: %s\n", s->mba_image, why);
            mss_set_phase(s, QCOM_MSS_FAILED, 0);
        }
        break;
    case QCOM_MSS_MBA_START:
        trace_qcom_mss_mba_status(QCOM_RMB_MBA_XPU_UNLOCKED, "MBA running");
        s->mba_status = QCOM_RMB_MBA_XPU_UNLOCKED;
        mss_set_phase(s, QCOM_MSS_MBA_IDLE, 0);
        break;
    case QCOM_MSS_META:
        mss_mba_metadata(s);
        break;
    case QCOM_MSS_LOADING:
        mss_mba_load(s);
        break;
    case QCOM_MSS_AUTHENTICATED:
        mss_modem_up(s);
        break;
    default:
        break;
    }
}

/* ---- reset ------------------------------------------------------------- */

/*
 * The subsystem's own reset: core stopped, boot chain forgotten. A modem
 * that had come up clears its SMP2P bits (and says so, unless the whole
 * machine resets), so that the next boot's ready is a rising edge.
 */
static void mss_subsystem_reset(QcomQ6v5MssState *s, bool notify)
{
    if (notify) {
        mss_smp2p_update(s, 0);
    }
    s->remote.value = 0;
    mss_set_phase(s, QCOM_MSS_OFF, 0);
    s->core_cbcr = 0;
    s->xo_cbcr = 0;
    s->sleep_cbcr = 0;
    s->boot_core_start = 0;
    s->mba_image = 0;
    s->pbl_status = 0;
    s->mba_command = 0;
    s->mba_status = 0;
    s->pmi_meta_data = 0;
    s->pmi_code_start = 0;
    s->pmi_code_length = 0;
    s->mss_status = 0;
    s->code_done = 0;
    s->seg_next = 0;
    qcom_mdt_hash_cancel(&s->seg_hash);
    g_free(s->meta);
    s->meta = NULL;
    s->meta_len = 0;
    qcom_mdt_image_clear(&s->image);
}

static void mss_reset_input(QcomQ6v5MssState *s, const char *source,
                            bool *line, bool level)
{
    bool rising = level && !*line;

    *line = level;
    trace_qcom_mss_reset(source, level, mss_in_reset(s));
    if (rising) {
        mss_subsystem_reset(s, true);
    }
}

static void mss_restart_in(void *opaque, int n, int level)
{
    QcomQ6v5MssState *s = opaque;

    mss_reset_input(s, "mss_restart", &s->mss_restart, level);
}

static void mss_pdc_reset_in(void *opaque, int n, int level)
{
    QcomQ6v5MssState *s = opaque;

    mss_reset_input(s, "pdc_reset", &s->pdc_reset, level);
}

/* ---- QDSP6SS registers ------------------------------------------------- */

static uint32_t cbcr_read(uint32_t v)
{
    /* the branch clock turns on as soon as it is enabled */
    return FIELD_DP32(v, CBCR, CLKOFF, !FIELD_EX32(v, CBCR, CLKEN));
}

static uint64_t qdsp6_read(void *opaque, hwaddr offset, unsigned size)
{
    QcomQ6v5MssState *s = opaque;
    uint32_t r = 0;

    switch (offset) {
    case A_QDSP6SS_CORE_CBCR:
        r = cbcr_read(s->core_cbcr);
        break;
    case A_QDSP6SS_XO_CBCR:
        r = cbcr_read(s->xo_cbcr);
        break;
    case A_QDSP6SS_SLEEP:
        r = cbcr_read(s->sleep_cbcr);
        break;
    case A_QDSP6SS_BOOT_CORE_START:
        r = s->boot_core_start;
        break;
    case A_QDSP6SS_BOOT_CMD:
        break;          /* write-only */
    case A_QDSP6SS_RESET:
    case A_QDSP6SS_PWR_CTL:
    case A_QDSP6SS_MEM_PWR_CTL:
    case A_QDSP6SS_STRAP_ACC:
        qemu_log_mask(LOG_UNIMP, "qcom-q6v5-mss: QDSP6SS register 0x%"
                      HWADDR_PRIx " (pre-v65 sequence) not modelled\n",
                      offset);
        break;
    default:
        qemu_log_mask(LOG_UNIMP, "qcom-q6v5-mss: read of QDSP6SS register "
                      "0x%" HWADDR_PRIx " not modelled\n", offset);
        break;
    }
    trace_qcom_mss_reg_read("qdsp6", offset, r);
    return r;
}

static void mss_boot_cmd(QcomQ6v5MssState *s)
{
    const char *why = NULL;

    if (mss_in_reset(s)) {
        why = "the subsystem is held in reset";
    } else if (s->phase != QCOM_MSS_OFF) {
        why = "the core was started already";
    } else if (!FIELD_EX32(s->boot_core_start, QDSP6SS_BOOT_CORE_START,
                           START)) {
        why = "BOOT_CORE_START is 0";
    } else if (!FIELD_EX32(s->sleep_cbcr, CBCR, CLKEN)) {
        why = "the sleep clock is off";
    }
    if (why) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-q6v5-mss: BOOT_CMD ignored: "
                      "%s\n", why);
        trace_qcom_mss_boot_refused(why);
        return;
    }
    mss_set_phase(s, QCOM_MSS_BOOT_FSM, BOOT_FSM_NS);
}

static void qdsp6_write(void *opaque, hwaddr offset, uint64_t value,
                        unsigned size)
{
    QcomQ6v5MssState *s = opaque;
    uint32_t clken = value & R_CBCR_CLKEN_MASK;

    trace_qcom_mss_reg_write("qdsp6", offset, value);
    switch (offset) {
    case A_QDSP6SS_CORE_CBCR:
        s->core_cbcr = clken;
        break;
    case A_QDSP6SS_XO_CBCR:
        s->xo_cbcr = clken;
        break;
    case A_QDSP6SS_SLEEP:
        s->sleep_cbcr = clken;
        break;
    case A_QDSP6SS_BOOT_CORE_START:
        s->boot_core_start = value & R_QDSP6SS_BOOT_CORE_START_START_MASK;
        break;
    case A_QDSP6SS_BOOT_CMD:
        if (FIELD_EX32(value, QDSP6SS_BOOT_CMD, CMD)) {
            mss_boot_cmd(s);
        }
        break;
    case A_QDSP6SS_RESET:
    case A_QDSP6SS_PWR_CTL:
    case A_QDSP6SS_MEM_PWR_CTL:
    case A_QDSP6SS_STRAP_ACC:
        qemu_log_mask(LOG_UNIMP, "qcom-q6v5-mss: QDSP6SS register 0x%"
                      HWADDR_PRIx " (pre-v65 sequence) not modelled\n",
                      offset);
        break;
    default:
        qemu_log_mask(LOG_UNIMP, "qcom-q6v5-mss: write of QDSP6SS register "
                      "0x%" HWADDR_PRIx " not modelled\n", offset);
        break;
    }
}

static const MemoryRegionOps qdsp6_ops = {
    .read = qdsp6_read,
    .write = qdsp6_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid.min_access_size = 4,
    .valid.max_access_size = 4,
};

/* ---- RMB registers ----------------------------------------------------- */

static uint64_t rmb_read(void *opaque, hwaddr offset, unsigned size)
{
    QcomQ6v5MssState *s = opaque;
    uint32_t r = 0;

    switch (offset) {
    case A_RMB_MBA_IMAGE:
        r = s->mba_image;
        break;
    case A_RMB_PBL_STATUS:
        r = s->pbl_status;
        break;
    case A_RMB_MBA_COMMAND:
        r = s->mba_command;
        break;
    case A_RMB_MBA_STATUS:
        r = s->mba_status;
        break;
    case A_RMB_PMI_META_DATA:
        r = s->pmi_meta_data;
        break;
    case A_RMB_PMI_CODE_START:
        r = s->pmi_code_start;
        break;
    case A_RMB_PMI_CODE_LENGTH:
        r = s->pmi_code_length;
        break;
    case A_RMB_MBA_MSS_STATUS:
        r = s->mss_status;
        break;
    case A_RMB_MBA_ALT_RESET:
        r = s->alt_reset;
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-q6v5-mss: read of unknown RMB "
                      "register 0x%" HWADDR_PRIx "\n", offset);
        break;
    }
    trace_qcom_mss_reg_read("rmb", offset, r);
    return r;
}

static void mss_mba_command(QcomQ6v5MssState *s, uint32_t cmd)
{
    switch (s->phase) {
    case QCOM_MSS_MBA_IDLE:
        if (cmd == RMB_CMD_META_DATA_READY) {
            mss_set_phase(s, QCOM_MSS_META, META_NS);
            return;
        }
        break;
    case QCOM_MSS_META_DONE:
        if (cmd == RMB_CMD_LOAD_READY) {
            mss_set_phase(s, QCOM_MSS_LOADING, SEGMENT_NS);
            return;
        }
        break;
    case QCOM_MSS_META:
    case QCOM_MSS_LOADING:
        break;
    default:
        /* no MBA is listening */
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-q6v5-mss: MBA command %u while "
                      "the MBA does not run (%s)\n", cmd,
                      phase_names[s->phase]);
        return;
    }
    qemu_log_mask(LOG_GUEST_ERROR, "qcom-q6v5-mss: MBA command %u out of "
                  "sequence (%s)\n", cmd, phase_names[s->phase]);
    mss_mba_fail(s, QCOM_RMB_ERR_BAD_COMMAND, "command out of sequence");
}

static void rmb_write(void *opaque, hwaddr offset, uint64_t value,
                      unsigned size)
{
    QcomQ6v5MssState *s = opaque;

    trace_qcom_mss_reg_write("rmb", offset, value);
    switch (offset) {
    case A_RMB_MBA_IMAGE:
        s->mba_image = value;
        break;
    case A_RMB_MBA_COMMAND:
        s->mba_command = value;
        mss_mba_command(s, value);
        break;
    case A_RMB_PMI_META_DATA:
        s->pmi_meta_data = value;
        break;
    case A_RMB_PMI_CODE_START:
        s->pmi_code_start = value;
        break;
    case A_RMB_PMI_CODE_LENGTH:
        s->pmi_code_length = value;
        if (s->phase == QCOM_MSS_LOADING && !timer_pending(s->timer)) {
            timer_mod(s->timer, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                      SEGMENT_NS);
        }
        break;
    case A_RMB_MBA_ALT_RESET: {
        bool rising = (value & R_RMB_MBA_ALT_RESET_RESET_MASK) &&
                      !s->alt_reset;

        s->alt_reset = value & R_RMB_MBA_ALT_RESET_RESET_MASK;
        trace_qcom_mss_reset("alt_reset", s->alt_reset, mss_in_reset(s));
        if (rising) {
            mss_subsystem_reset(s, true);
        }
        break;
    }
    case A_RMB_PBL_STATUS:
    case A_RMB_MBA_STATUS:
    case A_RMB_MBA_MSS_STATUS:
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-q6v5-mss: write to read-only "
                      "RMB register 0x%" HWADDR_PRIx "\n", offset);
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-q6v5-mss: write to unknown RMB "
                      "register 0x%" HWADDR_PRIx "\n", offset);
        break;
    }
}

static const MemoryRegionOps rmb_ops = {
    .read = rmb_read,
    .write = rmb_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid.min_access_size = 4,
    .valid.max_access_size = 4,
};

/* ---- AXI halt registers (TCSR) ---------------------------------------- */

/*
 * HALTREQ=1 halts the port at once: HALTACK reads 1 and IDLE 1. A port
 * is also idle while the core does not run. HALTREQ=0 releases it.
 */
static int tcsr_port(QcomQ6v5MssState *s, hwaddr offset, hwaddr *reg)
{
    for (int p = 0; p < QCOM_MSS_HALT_NUM; p++) {
        if (offset >= s->halt_offset[p] &&
            offset < s->halt_offset[p] + AXI_HALT_SIZE) {
            *reg = offset - s->halt_offset[p];
            return p;
        }
    }
    return -1;
}

static uint64_t tcsr_read(void *opaque, hwaddr offset, unsigned size)
{
    QcomQ6v5MssState *s = opaque;
    hwaddr reg;
    int p = tcsr_port(s, offset, &reg);
    uint32_t r = 0;

    if (p < 0) {
        qemu_log_mask(LOG_UNIMP, "qcom-q6v5-mss: read of TCSR register 0x%"
                      HWADDR_PRIx " not modelled\n", offset);
    } else if (reg == A_AXI_HALTREQ) {
        r = s->halt_req[p];
    } else if (reg == A_AXI_HALTACK) {
        r = s->halt_req[p];
    } else {
        r = s->halt_req[p] || s->phase == QCOM_MSS_OFF;
    }
    trace_qcom_mss_reg_read("tcsr", offset, r);
    return r;
}

static void tcsr_write(void *opaque, hwaddr offset, uint64_t value,
                       unsigned size)
{
    QcomQ6v5MssState *s = opaque;
    hwaddr reg;
    int p = tcsr_port(s, offset, &reg);

    trace_qcom_mss_reg_write("tcsr", offset, value);
    if (p < 0) {
        qemu_log_mask(LOG_UNIMP, "qcom-q6v5-mss: write of TCSR register 0x%"
                      HWADDR_PRIx " not modelled\n", offset);
    } else if (reg == A_AXI_HALTREQ) {
        s->halt_req[p] = value & 1;
        trace_qcom_mss_halt(port_names[p], s->halt_req[p]);
    } else {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-q6v5-mss: write to read-only "
                      "%s halt register 0x%" HWADDR_PRIx "\n",
                      port_names[p], offset);
    }
}

static const MemoryRegionOps tcsr_ops = {
    .read = tcsr_read,
    .write = tcsr_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid.min_access_size = 4,
    .valid.max_access_size = 4,
};

/* ---- device ------------------------------------------------------------ */

static void mss_reset_enter(Object *obj, ResetType type)
{
    QcomQ6v5MssState *s = QCOM_Q6V5_MSS(obj);

    mss_subsystem_reset(s, false);
    s->alt_reset = 0;
    memset(s->halt_req, 0, sizeof(s->halt_req));
    /* SMEM is laid out again: the next item is a new one */
    s->remote.version = 0;
    s->remote.apps_version = 0;
    s->boot_crashed = false;
    qcom_q6v5_remote_forget_dump(&s->remote);
}

static void mss_realize(DeviceState *dev, Error **errp)
{
    QcomQ6v5MssState *s = QCOM_Q6V5_MSS(dev);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);

    if (!s->dma_mr) {
        error_setg(errp, "qcom-q6v5-mss: property 'dma' is not set");
        return;
    }
    for (int p = 0; p < QCOM_MSS_HALT_NUM; p++) {
        if (s->halt_offset[p] % 4 ||
            s->halt_offset[p] > QCOM_MSS_TCSR_SIZE - AXI_HALT_SIZE) {
            error_setg(errp, "qcom-q6v5-mss: halt-%s 0x%x is not a 4-byte "
                       "aligned offset inside the TCSR block (0x%x)",
                       port_names[p], s->halt_offset[p], QCOM_MSS_TCSR_SIZE);
            return;
        }
        for (int q = 0; q < p; q++) {
            if (s->halt_offset[p] < s->halt_offset[q] + AXI_HALT_SIZE &&
                s->halt_offset[q] < s->halt_offset[p] + AXI_HALT_SIZE) {
                error_setg(errp, "qcom-q6v5-mss: halt-%s and halt-%s "
                           "overlap", port_names[p], port_names[q]);
                return;
            }
        }
    }

    memory_region_init_io(&s->qdsp6, OBJECT(s), &qdsp6_ops, s,
                          "qcom-mss-qdsp6", QCOM_MSS_QDSP6_SIZE);
    sysbus_init_mmio(sbd, &s->qdsp6);
    memory_region_init_io(&s->rmb, OBJECT(s), &rmb_ops, s, "qcom-mss-rmb",
                          QCOM_MSS_RMB_SIZE);
    sysbus_init_mmio(sbd, &s->rmb);
    memory_region_init_io(&s->tcsr, OBJECT(s), &tcsr_ops, s,
                          "qcom-mss-tcsr", QCOM_MSS_TCSR_SIZE);
    sysbus_init_mmio(sbd, &s->tcsr);
    address_space_init(&s->dma_as, s->dma_mr, "qcom-mss-dma");
    s->timer = timer_new_ns(QEMU_CLOCK_VIRTUAL, mss_timer_cb, s);
    s->remote = (QcomQ6v5Remote) {
        .name = "qcom-q6v5-mss",
        .smem = s->smem,
        .as = &s->dma_as,
        .attrs = mss_attrs(),
        .lock_id = QCOM_TCSR_MUTEX_ID_MSS,
        .pid = QCOM_SMP2P_PID_MSS,
        .out_item = QCOM_SMEM_ITEM_SMP2P_MSS_APPS,
        .in_item = QCOM_SMEM_ITEM_SMP2P_APPS_MSS,
        .crash_item = QCOM_SMEM_ITEM_CRASH_REASON_MSS,
        .entries = mss_smp2p_entries,
        .num_entries = ARRAY_SIZE(mss_smp2p_entries),
    };
}

static void mss_init(Object *obj)
{
    DeviceState *dev = DEVICE(obj);
    QcomQ6v5MssState *s = QCOM_Q6V5_MSS(obj);

    qdev_init_gpio_in_named(dev, mss_restart_in, "mss_restart", 1);
    qdev_init_gpio_in_named(dev, mss_pdc_reset_in, "pdc_reset", 1);
    qdev_init_gpio_in_named(dev, mss_ipc_in, "ipc", 1);
    qdev_init_gpio_out_named(dev, &s->smp2p_irq, "smp2p", 1);
    qdev_init_gpio_out_named(dev, &s->wdog_irq, "wdog", 1);
}

static void mss_finalize(Object *obj)
{
    QcomQ6v5MssState *s = QCOM_Q6V5_MSS(obj);

    if (s->timer) {
        timer_free(s->timer);
    }
    g_free(s->meta);
    qcom_mdt_hash_cancel(&s->seg_hash);
    qcom_mdt_image_clear(&s->image);
}

static int mss_pre_load(void *opaque)
{
    QcomQ6v5MssState *s = opaque;

    g_free(s->meta);
    s->meta = NULL;
    qcom_mdt_hash_cancel(&s->seg_hash);
    /* streams without the dump subsection: no crash since reset */
    qcom_q6v5_remote_forget_dump(&s->remote);
    s->boot_crashed = false;
    /* streams of version 2 and before: SMP2P version 1 on both sides */
    s->remote.version = 1;
    s->remote.apps_version = 1;
    return 0;
}

static int mss_post_load(void *opaque, int version_id)
{
    QcomQ6v5MssState *s = opaque;
    const char *why = NULL;

    qcom_mdt_image_clear(&s->image);
    if (s->phase >= QCOM_MSS_PHASE_NUM ||
        s->remote.version > QCOM_SMP2P_MAX_VERSION ||
        !qcom_q6v5_remote_dump_valid(&s->remote)) {
        return -EINVAL;
    }
    /* the derived segment list of metadata that passed once */
    if (s->meta_len && mss_parse_meta(s, s->meta, s->meta_len, &why)) {
        return -EINVAL;
    }
    return 0;
}

static bool mss_dump_needed(void *opaque)
{
    QcomQ6v5MssState *s = opaque;

    return s->remote.dump.nsegs || s->boot_crashed;
}

static const VMStateDescription mss_vmstate_dump = {
    .name = "qcom-q6v5-mss/dump",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = mss_dump_needed,
    .fields = (const VMStateField[]) {
        VMSTATE_STRUCT(remote.dump, QcomQ6v5MssState, 1,
                       vmstate_qcom_q6v5_remote_dump, QcomQ6v5RemoteDump),
        VMSTATE_BOOL(boot_crashed, QcomQ6v5MssState),
        VMSTATE_END_OF_LIST()
    }
};

static const VMStateDescription mss_vmstate = {
    .name = "qcom-q6v5-mss",
    .version_id = 3,
    .minimum_version_id = 1,
    .pre_load = mss_pre_load,
    .post_load = mss_post_load,
    .subsections = (const VMStateDescription * const []) {
        &mss_vmstate_dump,
        NULL
    },
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(core_cbcr, QcomQ6v5MssState),
        VMSTATE_UINT32(xo_cbcr, QcomQ6v5MssState),
        VMSTATE_UINT32(sleep_cbcr, QcomQ6v5MssState),
        VMSTATE_UINT32(boot_core_start, QcomQ6v5MssState),
        VMSTATE_UINT32(mba_image, QcomQ6v5MssState),
        VMSTATE_UINT32(pbl_status, QcomQ6v5MssState),
        VMSTATE_UINT32(mba_command, QcomQ6v5MssState),
        VMSTATE_UINT32(mba_status, QcomQ6v5MssState),
        VMSTATE_UINT32(pmi_meta_data, QcomQ6v5MssState),
        VMSTATE_UINT32(pmi_code_start, QcomQ6v5MssState),
        VMSTATE_UINT32(pmi_code_length, QcomQ6v5MssState),
        VMSTATE_UINT32(mss_status, QcomQ6v5MssState),
        VMSTATE_UINT32(alt_reset, QcomQ6v5MssState),
        VMSTATE_UINT32_ARRAY(halt_req, QcomQ6v5MssState, QCOM_MSS_HALT_NUM),
        VMSTATE_BOOL(mss_restart, QcomQ6v5MssState),
        VMSTATE_BOOL(pdc_reset, QcomQ6v5MssState),
        VMSTATE_UINT32(phase, QcomQ6v5MssState),
        VMSTATE_UINT32(code_done, QcomQ6v5MssState),
        VMSTATE_UINT32(seg_next, QcomQ6v5MssState),
        VMSTATE_UINT32(meta_len, QcomQ6v5MssState),
        VMSTATE_VBUFFER_ALLOC_UINT32(meta, QcomQ6v5MssState, 0, NULL,
                                     meta_len),
        VMSTATE_TIMER_PTR(timer, QcomQ6v5MssState),
        VMSTATE_UINT32_V(remote.value, QcomQ6v5MssState, 2),
        VMSTATE_UINT8_V(remote.version, QcomQ6v5MssState, 3),
        VMSTATE_UINT8_V(remote.apps_version, QcomQ6v5MssState, 3),
        VMSTATE_END_OF_LIST()
    }
};

static const Property mss_properties[] = {
    DEFINE_PROP_LINK("dma", QcomQ6v5MssState, dma_mr, TYPE_MEMORY_REGION,
                     MemoryRegion *),
    DEFINE_PROP_LINK("xpu", QcomQ6v5MssState, xpu, TYPE_QCOM_XPU,
                     QcomXpuState *),
    DEFINE_PROP_LINK("smem", QcomQ6v5MssState, smem, TYPE_QCOM_SMEM,
                     QcomSmemState *),
    DEFINE_PROP_UINT32("halt-q6", QcomQ6v5MssState,
                       halt_offset[QCOM_MSS_HALT_Q6], 0x3000),
    DEFINE_PROP_UINT32("halt-modem", QcomQ6v5MssState,
                       halt_offset[QCOM_MSS_HALT_MODEM], 0x5000),
    DEFINE_PROP_UINT32("halt-nc", QcomQ6v5MssState,
                       halt_offset[QCOM_MSS_HALT_NC], 0x4000),
    DEFINE_PROP_STRING("crash-at-boot", QcomQ6v5MssState, crash_at_boot),
};

static void mss_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->desc = "Qualcomm Q6v5 modem subsystem (QDSP6SS, RMB, PBL/MBA)";
    dc->realize = mss_realize;
    dc->vmsd = &mss_vmstate;
    /* needs the SoC bus and the XPU of its machine */
    dc->user_creatable = false;
    rc->phases.enter = mss_reset_enter;
    device_class_set_props(dc, mss_properties);
    object_class_property_add_str(klass, "inject-fatal", NULL,
                                  mss_inject_fatal);
    object_class_property_set_description(klass, "inject-fatal",
        "Crash the running modem: the value is the crash reason (SMEM "
        "item 421), then SMP2P fatal is raised");
    object_class_property_add_str(klass, "inject-wdog", NULL,
                                  mss_inject_wdog);
    object_class_property_set_description(klass, "inject-wdog",
        "Bite the running modem's watchdog: the value is the crash reason "
        "(SMEM item 421), then the wdog interrupt fires");
    object_class_property_add_str(klass, "crash-dump", mss_get_crash_dump,
                                  NULL);
    object_class_property_set_description(klass, "crash-dump",
        "At the last crash, each segment of the modem's image as "
        "DA:SIZE:DIGEST (FNV-1a 64 of its memory then); empty before one");
}

static const TypeInfo mss_types[] = {
    {
        .name = TYPE_QCOM_Q6V5_MSS,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(QcomQ6v5MssState),
        .instance_init = mss_init,
        .instance_finalize = mss_finalize,
        .class_init = mss_class_init,
    },
};

DEFINE_TYPES(mss_types)
