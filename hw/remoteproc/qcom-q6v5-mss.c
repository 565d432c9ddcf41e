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
 *   -> CRASHED on an injected fatal error or watchdog bite
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
#include "qemu/units.h"
#include "qemu/bswap.h"
#include "qemu/cutils.h"
#include "qapi/error.h"
#include "hw/remoteproc/qcom-q6v5-mss.h"
#include "hw/misc/qcom-smem.h"
#include "hw/misc/qcom-tcsr-mutex.h"
#include "hw/misc/qcom-xpu.h"
#include "hw/irq.h"
#include "hw/registerfields.h"
#include "hw/qdev-properties.h"
#include "migration/vmstate.h"
#include "elf.h"
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
/* from AUTH_COMPLETE to SMP2P ready (driver: 5 s); SMEM lock retry */
#define MODEM_UP_NS     (1 * SCALE_MS)
#define SMEM_RETRY_NS   (100 * SCALE_US)

/* Hash segment: p_flags bits [26:24] == 2; relocatable: bit 27 */
#define MDT_TYPE_MASK   (7u << 24)
#define MDT_TYPE_HASH   (2u << 24)
/*
 * The hash segment (docs/devel/modem-firmware.rst): an MBN version 3
 * header, one SHA-256 digest per phdr, a "signature" whose first 32
 * bytes are the SHA-256 of header and table, a certificate chain.
 */
#define MBN_HEADER_SIZE 40
#define MBN_IMAGE_ID        0x00
#define MBN_VERSION         0x04
#define MBN_DEST_PTR        0x0c
#define MBN_IMAGE_SIZE      0x10
#define MBN_CODE_SIZE       0x14
#define MBN_SIGNATURE_PTR   0x18
#define MBN_SIGNATURE_SIZE  0x1c
#define MBN_CERT_PTR        0x20
#define MBN_CERT_SIZE       0x24
#define MBN_ID_MODEM        0x5353504d  /* "MPSS" */
#define MBN_ID_MBA          0x0041424d  /* "MBA" */
#define DIGEST_SIZE     32
#define DMA_CHUNK       (64 * KiB)

#define EHDR_SIZE       sizeof(Elf32_Ehdr)
#define PHDR_SIZE       sizeof(Elf32_Phdr)

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

/* SHA-256 of [addr, addr + len) read by DMA; false on a DMA fault. */
static bool mss_dma_sha256(QcomQ6v5MssState *s, const char *what,
                           uint64_t addr, uint32_t len,
                           uint8_t digest[DIGEST_SIZE])
{
    g_autoptr(GChecksum) ck = g_checksum_new(G_CHECKSUM_SHA256);
    g_autofree uint8_t *buf = g_malloc(MIN(len, DMA_CHUNK) + 1);
    gsize dlen = DIGEST_SIZE;

    for (uint32_t done = 0; done < len;) {
        uint32_t n = MIN(len - done, DMA_CHUNK);

        if (!mss_dma_read(s, what, addr + done, buf, n)) {
            return false;
        }
        g_checksum_update(ck, buf, n);
        done += n;
    }
    g_checksum_get_digest(ck, digest, &dlen);
    return true;
}

/* ---- image rules ------------------------------------------------------ */

static uint32_t phdr_field(const uint8_t *phdrs, unsigned i, size_t off)
{
    return ldl_le_p(phdrs + i * PHDR_SIZE + off);
}

#define PH(phdrs, i, f) phdr_field(phdrs, i, offsetof(Elf32_Phdr, f))

/*
 * The ELF header rules of PBL and MBA: 32-bit little-endian ELF for
 * EM_QDSP6, 2..QCOM_MSS_MAX_PHDRS program headers of 32 bytes right
 * after the ELF header. The type is not checked.
 */
static int mss_check_ehdr(const uint8_t *eh, uint32_t *phoff,
                          uint32_t *phnum, const char **why)
{
    *phoff = ldl_le_p(eh + offsetof(Elf32_Ehdr, e_phoff));
    *phnum = lduw_le_p(eh + offsetof(Elf32_Ehdr, e_phnum));

    if (memcmp(eh, ELFMAG, SELFMAG)) {
        *why = "no ELF magic";
    } else if (eh[EI_CLASS] != ELFCLASS32 || eh[EI_DATA] != ELFDATA2LSB) {
        *why = "not a 32-bit little-endian ELF";
    } else if (lduw_le_p(eh + offsetof(Elf32_Ehdr, e_phentsize)) !=
               PHDR_SIZE) {
        *why = "e_phentsize is not 32";
    } else if (*phnum < 2 || *phnum > QCOM_MSS_MAX_PHDRS) {
        *why = "e_phnum is not 2..256";
    } else if (lduw_le_p(eh + offsetof(Elf32_Ehdr, e_machine)) !=
               EM_HEXAGON) {
        *why = "e_machine is not EM_QDSP6";
    } else if (*phoff != EHDR_SIZE) {
        *why = "e_phoff is not 52";
    } else {
        return 0;
    }
    return QCOM_RMB_ERR_BAD_ELF;
}

/* Index of the hash segment: the first phdr >= 1 of type "hash", or -1 */
static int mss_find_hash(const uint8_t *phdrs, uint32_t phnum)
{
    for (uint32_t i = 1; i < phnum; i++) {
        if ((PH(phdrs, i, p_flags) & MDT_TYPE_MASK) == MDT_TYPE_HASH) {
            return i;
        }
    }
    return -1;
}

static void sha256(const uint8_t *data, uint32_t len,
                   uint8_t digest[DIGEST_SIZE])
{
    g_autoptr(GChecksum) ck = g_checksum_new(G_CHECKSUM_SHA256);
    gsize dlen = DIGEST_SIZE;

    g_checksum_update(ck, data, len);
    g_checksum_get_digest(ck, digest, &dlen);
}

/*
 * The hash segment's rules: its MBN header (image id, version 3, a table
 * of one digest per phdr, sizes that add up to the segment, pointers
 * that follow from its p_paddr), the "signature" over header and table,
 * and digest 0 over the headers segment (the first phdr[0].p_filesz
 * bytes of the image, in headers).
 */
static int mss_check_hash(const uint8_t *hash, uint32_t hash_size,
                          uint32_t hash_paddr, uint32_t phnum,
                          uint32_t image_id, const uint8_t *headers,
                          uint32_t headers_len, const char **why)
{
    uint32_t code = phnum * DIGEST_SIZE;
    uint64_t sig_size, cert_size, image_size;
    uint32_t dest = hash_paddr + MBN_HEADER_SIZE;
    uint8_t digest[DIGEST_SIZE];

    if (hash_size < MBN_HEADER_SIZE) {
        *why = "hash segment shorter than its header";
        return QCOM_RMB_ERR_BAD_HASH_TABLE;
    }
    sig_size = ldl_le_p(hash + MBN_SIGNATURE_SIZE);
    cert_size = ldl_le_p(hash + MBN_CERT_SIZE);
    image_size = ldl_le_p(hash + MBN_IMAGE_SIZE);
    if (ldl_le_p(hash + MBN_IMAGE_ID) != image_id ||
        ldl_le_p(hash + MBN_VERSION) != 3) {
        *why = "hash header: wrong image id or version";
    } else if (ldl_le_p(hash + MBN_CODE_SIZE) != code) {
        *why = "hash header: table size is not one digest per phdr";
    } else if (image_size != code + sig_size + cert_size ||
               MBN_HEADER_SIZE + image_size != hash_size ||
               sig_size < DIGEST_SIZE) {
        *why = "hash header: sizes do not add up to the hash segment";
    } else if (ldl_le_p(hash + MBN_DEST_PTR) != dest ||
               ldl_le_p(hash + MBN_SIGNATURE_PTR) != dest + code ||
               ldl_le_p(hash + MBN_CERT_PTR) !=
               (uint32_t)(dest + code + sig_size)) {
        *why = "hash header: pointers do not follow the segment";
    } else {
        sha256(hash, MBN_HEADER_SIZE + code, digest);
        if (memcmp(digest, hash + MBN_HEADER_SIZE + code, DIGEST_SIZE)) {
            *why = "hash table signature does not match";
            return QCOM_RMB_ERR_BAD_HASH_TABLE;
        }
        sha256(headers, headers_len, digest);
        if (memcmp(digest, hash + MBN_HEADER_SIZE, DIGEST_SIZE)) {
            *why = "digest 0 does not match the headers";
            return QCOM_RMB_ERR_BAD_HASH_TABLE;
        }
        return 0;
    }
    return QCOM_RMB_ERR_BAD_HASH_TABLE;
}

/*
 * From the phdrs and the hash segment, the loadable segments (PT_LOAD,
 * not the hash segment, p_memsz != 0, in phdr order) with their expected
 * digests. mss_check_hash() then checks the hash segment itself.
 */
static int mss_parse_segments(const uint8_t *phdrs, uint32_t phnum,
                              const uint8_t *hash, uint32_t hash_size,
                              QcomMssSegment **segsp, uint32_t *nsegsp,
                              uint32_t *totalp, uint32_t *minp,
                              const char **why)
{
    uint32_t off = MBN_HEADER_SIZE;
    g_autofree QcomMssSegment *segs = g_new0(QcomMssSegment, phnum);
    uint32_t n = 0, min = UINT32_MAX;
    uint64_t total = 0;

    if (PH(phdrs, 0, p_type) == PT_LOAD) {
        *why = "phdr 0 is PT_LOAD";
        return QCOM_RMB_ERR_BAD_ELF;
    }
    if (hash_size < MBN_HEADER_SIZE + phnum * DIGEST_SIZE) {
        *why = "hash segment too small for one digest per phdr";
        return QCOM_RMB_ERR_BAD_HASH_TABLE;
    }
    for (uint32_t i = 1; i < phnum; i++) {
        uint32_t flags = PH(phdrs, i, p_flags);
        QcomMssSegment *seg = &segs[n];

        if (PH(phdrs, i, p_type) != PT_LOAD ||
            (flags & MDT_TYPE_MASK) == MDT_TYPE_HASH ||
            !PH(phdrs, i, p_memsz)) {
            continue;
        }
        seg->index = i;
        seg->paddr = PH(phdrs, i, p_paddr);
        seg->filesz = PH(phdrs, i, p_filesz);
        seg->memsz = PH(phdrs, i, p_memsz);
        memcpy(seg->digest, hash + off + i * DIGEST_SIZE, DIGEST_SIZE);
        if (seg->filesz > seg->memsz) {
            *why = "a segment's p_filesz exceeds its p_memsz";
            return QCOM_RMB_ERR_BAD_ELF;
        }
        if ((uint64_t)seg->paddr + seg->memsz > UINT32_MAX + 1ULL) {
            *why = "a segment ends beyond 4 GiB";
            return QCOM_RMB_ERR_BAD_ELF;
        }
        min = MIN(min, seg->paddr);
        total += seg->memsz;
        n++;
    }
    if (!n) {
        *why = "no loadable segment";
        return QCOM_RMB_ERR_BAD_ELF;
    }
    if (total > UINT32_MAX) {
        *why = "segments add up to more than 4 GiB";
        return QCOM_RMB_ERR_BAD_LENGTH;
    }
    *segsp = g_steal_pointer(&segs);
    *nsegsp = n;
    *totalp = total;
    *minp = min;
    return 0;
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
    g_autofree QcomMssSegment *segs = NULL;
    uint32_t phoff, phnum, nsegs, total, min, hoff, hsize, hdr_size;
    int hidx, ret;

    if (!mss_dma_read(s, "mba header", img, eh, sizeof(eh))) {
        *why = "DMA fault on the MBA header";
        return QCOM_RMB_ERR_DMA;
    }
    ret = mss_check_ehdr(eh, &phoff, &phnum, why);
    if (ret) {
        return ret;
    }
    if (phoff + phnum * PHDR_SIZE > QCOM_MSS_MAX_MBA_SIZE) {
        *why = "MBA program headers beyond 1 MiB";
        return QCOM_RMB_ERR_BAD_ELF;
    }
    phdrs = g_malloc(phnum * PHDR_SIZE);
    if (!mss_dma_read(s, "mba phdrs", img + phoff, phdrs,
                      phnum * PHDR_SIZE)) {
        *why = "DMA fault on the MBA program headers";
        return QCOM_RMB_ERR_DMA;
    }
    hidx = mss_find_hash(phdrs, phnum);
    if (hidx < 0) {
        *why = "MBA has no hash segment";
        return QCOM_RMB_ERR_BAD_ELF;
    }
    hoff = PH(phdrs, hidx, p_offset);
    hsize = PH(phdrs, hidx, p_filesz);
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
    hdr_size = PH(phdrs, 0, p_filesz);
    if (hdr_size < phoff + phnum * PHDR_SIZE ||
        hdr_size > QCOM_MSS_MAX_MBA_SIZE) {
        *why = "phdr 0 does not cover the ELF header and phdrs";
        return QCOM_RMB_ERR_BAD_ELF;
    }
    headers = g_malloc(hdr_size);
    if (!mss_dma_read(s, "mba headers", img, headers, hdr_size)) {
        *why = "DMA fault on the MBA headers";
        return QCOM_RMB_ERR_DMA;
    }
    ret = mss_parse_segments(phdrs, phnum, hash, hsize, &segs, &nsegs,
                             &total, &min, why);
    if (ret) {
        return ret;
    }
    ret = mss_check_hash(hash, hsize, PH(phdrs, hidx, p_paddr), phnum,
                         MBN_ID_MBA, headers, hdr_size, why);
    if (ret) {
        return ret;
    }
    for (uint32_t i = 0; i < nsegs; i++) {
        uint32_t off = PH(phdrs, segs[i].index, p_offset);
        uint8_t digest[DIGEST_SIZE];

        if (!segs[i].filesz) {
            continue;
        }
        if (off > QCOM_MSS_MAX_MBA_SIZE ||
            segs[i].filesz > QCOM_MSS_MAX_MBA_SIZE - off) {
            *why = "an MBA segment lies beyond 1 MiB";
            return QCOM_RMB_ERR_BAD_ELF;
        }
        if (!mss_dma_sha256(s, "mba segment", img + off, segs[i].filesz,
                            digest)) {
            *why = "DMA fault on an MBA segment";
            return QCOM_RMB_ERR_DMA;
        }
        if (memcmp(digest, segs[i].digest, DIGEST_SIZE)) {
            trace_qcom_mss_segment("mba", segs[i].index, img + off,
                                   segs[i].filesz, "mismatch");
            *why = "an MBA segment's SHA-256 does not match";
            return QCOM_RMB_ERR_HASH_MISMATCH;
        }
        trace_qcom_mss_segment("mba", segs[i].index, img + off,
                               segs[i].filesz, "ok");
    }
    return QCOM_RMB_PBL_SUCCESS;
}

/* ---- MBA: metadata --------------------------------------------------- */

/*
 * The metadata blob (what qcom_mdt_read_metadata() builds): phdr 0's
 * p_filesz bytes of the file (ELF header and phdrs) followed by the hash
 * segment's p_filesz bytes. Fills in the derived segment list.
 */
static int mss_parse_meta(QcomQ6v5MssState *s, const uint8_t *meta,
                          uint32_t len, const char **why)
{
    uint32_t phoff, phnum, hdr_size;
    int hidx, ret;

    if (len < EHDR_SIZE) {
        *why = "metadata shorter than an ELF header";
        return QCOM_RMB_ERR_BAD_ELF;
    }
    ret = mss_check_ehdr(meta, &phoff, &phnum, why);
    if (ret) {
        return ret;
    }
    if (phoff + phnum * PHDR_SIZE > len) {
        *why = "program headers beyond the metadata";
        return QCOM_RMB_ERR_BAD_ELF;
    }
    hdr_size = PH(meta + phoff, 0, p_filesz);
    if (hdr_size < phoff + phnum * PHDR_SIZE || hdr_size > len) {
        *why = "phdr 0 does not cover the ELF header and phdrs";
        return QCOM_RMB_ERR_BAD_ELF;
    }
    hidx = mss_find_hash(meta + phoff, phnum);
    if (hidx < 0) {
        *why = "no hash segment";
        return QCOM_RMB_ERR_BAD_ELF;
    }
    if (PH(meta + phoff, hidx, p_filesz) != len - hdr_size) {
        *why = "hash segment size does not match the metadata";
        return QCOM_RMB_ERR_BAD_HASH_TABLE;
    }
    g_free(s->segs);
    s->segs = NULL;
    s->nsegs = 0;
    ret = mss_parse_segments(meta + phoff, phnum, meta + hdr_size,
                             len - hdr_size, &s->segs, &s->nsegs,
                             &s->code_total, &s->min_paddr, why);
    if (ret) {
        return ret;
    }
    return mss_check_hash(meta + hdr_size, len - hdr_size,
                          PH(meta + phoff, hidx, p_paddr), phnum,
                          MBN_ID_MODEM, meta, hdr_size, why);
}

static void mss_mba_metadata(QcomQ6v5MssState *s)
{
    uint64_t addr = s->pmi_meta_data;
    uint8_t eh[EHDR_SIZE];
    g_autofree uint8_t *phdrs = NULL;
    uint32_t phoff, phnum, hdr_size, hash_size;
    const char *why = NULL;
    int hidx, ret;

    if (!mss_dma_read(s, "metadata header", addr, eh, sizeof(eh))) {
        mss_mba_fail(s, QCOM_RMB_ERR_DMA, "DMA fault on the metadata");
        return;
    }
    ret = mss_check_ehdr(eh, &phoff, &phnum, &why);
    if (ret) {
        mss_mba_fail(s, ret, why);
        return;
    }
    phdrs = g_malloc(phnum * PHDR_SIZE);
    if (!mss_dma_read(s, "metadata phdrs", addr + phoff, phdrs,
                      phnum * PHDR_SIZE)) {
        mss_mba_fail(s, QCOM_RMB_ERR_DMA, "DMA fault on the metadata");
        return;
    }
    hdr_size = PH(phdrs, 0, p_filesz);
    hidx = mss_find_hash(phdrs, phnum);
    if (hidx < 0) {
        mss_mba_fail(s, QCOM_RMB_ERR_BAD_ELF, "no hash segment");
        return;
    }
    hash_size = PH(phdrs, hidx, p_filesz);
    if (hdr_size < phoff + phnum * PHDR_SIZE ||
        hdr_size > QCOM_MSS_MAX_META_SIZE) {
        mss_mba_fail(s, QCOM_RMB_ERR_BAD_ELF,
                     "phdr 0 does not cover the ELF header and phdrs");
        return;
    }
    if (hash_size > QCOM_MSS_MAX_META_SIZE - hdr_size) {
        mss_mba_fail(s, QCOM_RMB_ERR_BAD_HASH_TABLE,
                     "metadata larger than 1 MiB");
        return;
    }

    g_free(s->meta);
    s->meta_len = hdr_size + hash_size;
    s->meta = g_malloc(s->meta_len);
    if (!mss_dma_read(s, "metadata", addr, s->meta, s->meta_len)) {
        mss_mba_fail(s, QCOM_RMB_ERR_DMA, "DMA fault on the metadata");
        return;
    }
    ret = mss_parse_meta(s, s->meta, s->meta_len, &why);
    if (ret) {
        mss_mba_fail(s, ret, why);
        return;
    }
    s->code_done = 0;
    s->seg_next = 0;
    trace_qcom_mss_mba_status(QCOM_RMB_MBA_META_DATA_AUTH_SUCCESS,
                              "metadata authenticated");
    s->mba_status = QCOM_RMB_MBA_META_DATA_AUTH_SUCCESS;
    mss_set_phase(s, QCOM_MSS_META_DONE, 0);
}

/* ---- MBA: segments ----------------------------------------------------- */

/*
 * Check every segment that PMI_CODE_LENGTH now covers completely. Segment
 * i lies at PMI_CODE_START + (p_paddr - lowest p_paddr); its p_filesz
 * bytes are hashed (the rest is the zero fill).
 */
static void mss_mba_load(QcomQ6v5MssState *s)
{
    while (s->seg_next < s->nsegs &&
           s->code_done + s->segs[s->seg_next].memsz <=
           s->pmi_code_length) {
        QcomMssSegment *seg = &s->segs[s->seg_next];
        uint64_t addr = (uint64_t)s->pmi_code_start + seg->paddr -
                        s->min_paddr;
        uint8_t digest[DIGEST_SIZE];

        if (seg->filesz) {
            if (!mss_dma_sha256(s, "segment", addr, seg->filesz, digest)) {
                mss_mba_fail(s, QCOM_RMB_ERR_DMA,
                             "DMA fault on a segment");
                return;
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
    if (s->pmi_code_length > s->code_total) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-q6v5-mss: code length 0x%x "
                      "beyond the image's 0x%x\n", s->pmi_code_length,
                      s->code_total);
        mss_mba_fail(s, QCOM_RMB_ERR_BAD_LENGTH,
                     "code length beyond the image");
        return;
    }
    if (s->code_done == s->code_total) {
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

static hwaddr mss_smp2p_item(QcomQ6v5MssState *s)
{
    return s->smem ? qcom_smem_get(s->smem, QCOM_SMEM_ITEM_SMP2P_MSS_APPS,
                                   NULL, mss_attrs()) : 0;
}

/* Entry 0 of our item is "slave-kernel"; write its value, kick APPS. */
static void mss_smp2p_update(QcomQ6v5MssState *s, uint32_t value)
{
    hwaddr item = mss_smp2p_item(s);
    uint8_t b[4];

    if (!item || value == s->smp2p_value) {
        return;
    }
    trace_qcom_mss_smp2p(s->smp2p_value, value);
    s->smp2p_value = value;
    stl_le_p(b, value);
    if (address_space_write(&s->dma_as, item + QCOM_SMP2P_ENTRIES +
                            QCOM_SMP2P_ENTRY_NAME, mss_attrs(), b, 4) !=
        MEMTX_OK) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-q6v5-mss: cannot write the "
                      "SMP2P item at 0x%" HWADDR_PRIx "\n", item);
        return;
    }
    qemu_irq_pulse(s->smp2p_irq);
}

/*
 * The version of the APPS side's outbound item (428): 0 while it has
 * none, else what its header says.
 */
static uint8_t mss_smp2p_apps_version(QcomQ6v5MssState *s)
{
    uint8_t hdr[8];
    hwaddr addr = s->smem ? qcom_smem_get(s->smem,
                                          QCOM_SMEM_ITEM_SMP2P_APPS_MSS,
                                          NULL, mss_attrs()) : 0;

    if (!addr || address_space_read(&s->dma_as, addr, mss_attrs(), hdr,
                                    sizeof(hdr)) != MEMTX_OK ||
        ldl_le_p(hdr) != QCOM_SMP2P_MAGIC) {
        return 0;
    }
    return hdr[4];
}

static void mss_smp2p_set_version(QcomQ6v5MssState *s, uint8_t version)
{
    hwaddr item = mss_smp2p_item(s);

    s->smp2p_version = version;
    if (!item || address_space_write(&s->dma_as, item + 4, mss_attrs(),
                                     &version, 1) != MEMTX_OK) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-q6v5-mss: cannot write the "
                      "SMP2P version at 0x%" HWADDR_PRIx "\n", item);
    }
}

/*
 * SMP2P version negotiation, on the modem's side: each side publishes
 * the highest version it speaks that the other may speak too, and the
 * one with the higher version steps down to the other's. Linux 6.x
 * publishes version 1 and never steps down; 7.x publishes 2 while the
 * modem's item does not exist and steps down to a lower one, without
 * reading the entries on that interrupt. So the modem follows the APPS
 * side's version, 1 or 2, and rings again once both agree, so that
 * ready and handover are seen.
 */
static void mss_smp2p_negotiate(QcomQ6v5MssState *s)
{
    uint8_t apps = mss_smp2p_apps_version(s);
    uint8_t was = s->smp2p_apps_version;

    s->smp2p_apps_version = apps;
    if (apps && apps < s->smp2p_version) {
        trace_qcom_mss_smp2p_version(s->smp2p_version, apps);
        mss_smp2p_set_version(s, apps);
        qemu_irq_pulse(s->smp2p_irq);
    } else if (apps != was && apps == s->smp2p_version) {
        qemu_irq_pulse(s->smp2p_irq);
    }
}

/*
 * The modem comes up: its outbound SMP2P item (as smp2p.c's remote side,
 * the header is complete before the version is written), then ready and
 * handover. After a restart the item exists already: the entry slots
 * stay as they were, since the APPS side does not match names again.
 */
static void mss_modem_up(QcomQ6v5MssState *s)
{
    static const char *const names[] = { "slave-kernel", "ipa" };
    uint8_t item[QCOM_SMP2P_ITEM_SIZE] = { 0 };
    hwaddr addr;
    int ret;

    if (!s->smem) {
        qemu_log_mask(LOG_UNIMP, "qcom-q6v5-mss: no SMEM: the modem runs "
                      "without SMP2P\n");
        mss_set_phase(s, QCOM_MSS_RUNNING, 0);
        return;
    }
    ret = qcom_smem_alloc(s->smem, QCOM_SMEM_ITEM_SMP2P_MSS_APPS,
                          QCOM_SMP2P_ITEM_SIZE, QCOM_TCSR_MUTEX_ID_MSS,
                          mss_attrs());
    if (ret == -EBUSY) {
        /* APPS holds the SMEM lock: try again a little later */
        timer_mod(s->timer, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL) +
                  SMEM_RETRY_NS);
        return;
    }
    addr = mss_smp2p_item(s);
    if ((ret && ret != -EEXIST) || !addr) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-q6v5-mss: cannot allocate the "
                      "SMP2P item %d in SMEM (%d)\n",
                      QCOM_SMEM_ITEM_SMP2P_MSS_APPS, ret);
        mss_set_phase(s, QCOM_MSS_RUNNING, 0);
        return;
    }
    s->smp2p_apps_version = mss_smp2p_apps_version(s);
    if (ret == 0) {
        s->smp2p_version = s->smp2p_apps_version == 2 ? 2 : 1;
        stl_le_p(item, QCOM_SMP2P_MAGIC);
        stw_le_p(item + 8, QCOM_SMP2P_PID_MSS);
        stw_le_p(item + 10, QCOM_SMP2P_PID_APPS);
        stw_le_p(item + 12, QCOM_SMP2P_MAX_ENTRIES);
        stw_le_p(item + 14, ARRAY_SIZE(names));
        for (int i = 0; i < ARRAY_SIZE(names); i++) {
            strncpy((char *)item + QCOM_SMP2P_ENTRIES +
                    i * QCOM_SMP2P_ENTRY_SIZE, names[i],
                    QCOM_SMP2P_ENTRY_NAME);
        }
        if (address_space_write(&s->dma_as, addr, mss_attrs(), item,
                                sizeof(item)) != MEMTX_OK ||
            address_space_write(&s->dma_as, addr + 4, mss_attrs(),
                                &s->smp2p_version, 1) != MEMTX_OK) {
            qemu_log_mask(LOG_GUEST_ERROR, "qcom-q6v5-mss: cannot write the "
                          "SMP2P item at 0x%" HWADDR_PRIx "\n", addr);
        }
    }
    s->smp2p_value = 0;
    mss_set_phase(s, QCOM_MSS_RUNNING, 0);
    mss_smp2p_update(s, BIT(QCOM_MSS_SMP2P_READY) |
                        BIT(QCOM_MSS_SMP2P_HANDOVER));
}

/* Value of the APPS side's outbound entry "master-kernel", or 0 */
static uint32_t mss_smp2p_master_kernel(QcomQ6v5MssState *s)
{
    uint8_t item[QCOM_SMP2P_ITEM_SIZE];
    uint32_t size = 0;
    hwaddr addr = s->smem ? qcom_smem_get(s->smem,
                                          QCOM_SMEM_ITEM_SMP2P_APPS_MSS,
                                          &size, mss_attrs()) : 0;
    unsigned valid;

    if (!addr || size < sizeof(item) ||
        address_space_read(&s->dma_as, addr, mss_attrs(), item,
                           sizeof(item)) != MEMTX_OK ||
        ldl_le_p(item) != QCOM_SMP2P_MAGIC || !item[4] ||
        item[4] > QCOM_SMP2P_MAX_VERSION) {
        return 0;
    }
    valid = MIN(lduw_le_p(item + 14), QCOM_SMP2P_MAX_ENTRIES);
    for (unsigned i = 0; i < valid; i++) {
        uint8_t *e = item + QCOM_SMP2P_ENTRIES + i * QCOM_SMP2P_ENTRY_SIZE;

        if (!strncmp((char *)e, "master-kernel", QCOM_SMP2P_ENTRY_NAME)) {
            return ldl_le_p(e + QCOM_SMP2P_ENTRY_NAME);
        }
    }
    return 0;
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
    mss_smp2p_negotiate(s);
    master = mss_smp2p_master_kernel(s);
    trace_qcom_mss_ipc(master, master & 1 ? "stop" : "no stop");
    if (master & 1) {
        mss_smp2p_update(s, s->smp2p_value | BIT(QCOM_MSS_SMP2P_STOP_ACK));
    }
}

/* The crash reason, SMEM item 421 (QCOM_SMEM_HOST_ANY) */
static bool mss_crash_reason(QcomQ6v5MssState *s, const char *reason,
                             Error **errp)
{
    char buf[QCOM_MSS_CRASH_REASON_SIZE] = { 0 };
    uint32_t size;
    hwaddr addr;
    int ret;

    if (s->phase != QCOM_MSS_RUNNING) {
        error_setg(errp, "qcom-q6v5-mss: the modem is not running (%s)",
                   phase_names[s->phase]);
        return false;
    }
    if (!s->smem) {
        return true;
    }
    ret = qcom_smem_alloc(s->smem, QCOM_SMEM_ITEM_CRASH_REASON_MSS,
                          sizeof(buf), QCOM_TCSR_MUTEX_ID_MSS, mss_attrs());
    addr = qcom_smem_get(s->smem, QCOM_SMEM_ITEM_CRASH_REASON_MSS, &size,
                         mss_attrs());
    if ((ret && ret != -EEXIST) || !addr) {
        error_setg(errp, "qcom-q6v5-mss: cannot allocate the crash reason "
                   "(SMEM item %d): %s", QCOM_SMEM_ITEM_CRASH_REASON_MSS,
                   ret == -EBUSY ? "the SMEM lock is held, try again" :
                   strerror(-ret));
        return false;
    }
    pstrcpy(buf, MIN(size, sizeof(buf)), reason);
    address_space_write(&s->dma_as, addr, mss_attrs(), buf,
                        MIN(size, sizeof(buf)));
    return true;
}

static void mss_inject_fatal(Object *obj, const char *reason, Error **errp)
{
    QcomQ6v5MssState *s = QCOM_Q6V5_MSS(obj);

    if (mss_crash_reason(s, reason, errp)) {
        trace_qcom_mss_crash("fatal", reason);
        mss_set_phase(s, QCOM_MSS_CRASHED, 0);
        mss_smp2p_update(s, s->smp2p_value | BIT(QCOM_MSS_SMP2P_FATAL));
    }
}

static void mss_inject_wdog(Object *obj, const char *reason, Error **errp)
{
    QcomQ6v5MssState *s = QCOM_Q6V5_MSS(obj);

    if (mss_crash_reason(s, reason, errp)) {
        trace_qcom_mss_crash("watchdog", reason);
        mss_set_phase(s, QCOM_MSS_CRASHED, 0);
        qemu_irq_pulse(s->wdog_irq);
    }
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
    s->smp2p_value = 0;
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
    g_free(s->meta);
    s->meta = NULL;
    s->meta_len = 0;
    g_free(s->segs);
    s->segs = NULL;
    s->nsegs = 0;
    s->code_total = 0;
    s->min_paddr = 0;
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
    s->smp2p_version = 0;
    s->smp2p_apps_version = 0;
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
    g_free(s->segs);
}

static int mss_pre_load(void *opaque)
{
    QcomQ6v5MssState *s = opaque;

    g_free(s->meta);
    s->meta = NULL;
    /* streams of version 2 and before: SMP2P version 1 on both sides */
    s->smp2p_version = 1;
    s->smp2p_apps_version = 1;
    return 0;
}

static int mss_post_load(void *opaque, int version_id)
{
    QcomQ6v5MssState *s = opaque;
    const char *why = NULL;

    g_free(s->segs);
    s->segs = NULL;
    s->nsegs = 0;
    if (s->phase >= QCOM_MSS_PHASE_NUM ||
        s->smp2p_version > QCOM_SMP2P_MAX_VERSION) {
        return -EINVAL;
    }
    /* the derived segment list of metadata that passed once */
    if (s->meta_len && mss_parse_meta(s, s->meta, s->meta_len, &why)) {
        return -EINVAL;
    }
    return 0;
}

static const VMStateDescription mss_vmstate = {
    .name = "qcom-q6v5-mss",
    .version_id = 3,
    .minimum_version_id = 1,
    .pre_load = mss_pre_load,
    .post_load = mss_post_load,
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
        VMSTATE_UINT32_V(smp2p_value, QcomQ6v5MssState, 2),
        VMSTATE_UINT8_V(smp2p_version, QcomQ6v5MssState, 3),
        VMSTATE_UINT8_V(smp2p_apps_version, QcomQ6v5MssState, 3),
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
