/*
 * QTest for TrustZone's PAS service on rb5 (hw/misc/qcom-scm-pas.c) and
 * the DSP it starts (hw/remoteproc/qcom-dsp.c): a good ADSP image goes
 * through INIT_IMAGE, MEM_SETUP and AUTH_AND_RESET, the carve-out becomes
 * the ADSP's, the ADSP comes up on SMP2P, SHUTDOWN gives it all back; bad
 * arguments (unknown PAS id, metadata unaligned or outside DRAM, wrong
 * counts), calls out of order (auth before init, mem-setup twice) and
 * corrupt images (signature, a segment's hash) answer errors and change
 * nothing; metadata the CPU left in its cache when INIT_IMAGE protects it
 * is the hazard the XPU reports. A running DSP's injected crash (its
 * reason in SMEM, SMP2P fatal; the watchdog). And the secure register
 * calls that reach the download-mode register. A large image is
 * authenticated a slice a call (QCOM_SCM_INTERRUPTED, resumed).
 *
 * The calls come from guest/baremetal/scm-calls.c (qcom-scm-calls.h).
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "libqtest.h"
#include "qcom-scm-calls.h"
#include "qobject/qdict.h"
#include "hw/remoteproc/qcom-mdt-auth.h"
#include "hw/remoteproc/qcom-dump-digest.h"
#include "qcom-xpu-regs.h"

/* The metadata buffer (4 KiB aligned, as Linux's dma_alloc_coherent) */
#define META            0x80400000ULL
#define META_SRC        0x80410000ULL   /* what the program copies from */
#define UART            0x00a90000ULL   /* MMIO: never memory */

/* sm8250.dtsi: adsp_mem, SMEM */
#define ADSP_MEM        0x8a100000ULL
#define ADSP_MEM_SIZE   0x01d00000ULL
#define SMEM_BASE       0x80900000ULL
#define CDSP_MEM        0x87800000ULL
#define CDSP_MEM_SIZE   0x01400000ULL

#define PAS_ADSP        1
#define PAS_CDSP        18
#define VMID_HLOS       3
#define VMID_ADSP       6

#define STD64(fnid)     (0x42000000ULL | (fnid))
#define SIP(fnid)       (0x02000000ULL | (fnid))
#define IS_CALL_AVAIL   0x0601
#define INIT_IMAGE      0x0201
#define MEM_SETUP       0x0202
#define AUTH_AND_RESET  0x0205
#define SHUTDOWN        0x0206
#define IS_SUPPORTED    0x0207
#define IO_READ         0x0501
#define IO_WRITE        0x0502
#define DLOAD_REG       0x01fd3000ULL   /* <&tcsr 0x13000> */

#define OK              0
#define ERROR           (-1)
#define EINVAL_ARG      (-2)
#define EINVAL_ADDR     (-3)

/* SMEM items of the ADSP and CDSP (sm8250.dtsi smp2p-*, PAS data) */
#define ITEM_SMP2P_ADSP 443
#define ITEM_SMP2P_APPS_ADSP 429
#define ITEM_CRASH_ADSP 423
#define ITEM_SMP2P_CDSP 94
#define ITEM_CRASH_CDSP 601
/* SMEM version 12: the $TOC in the last 4 KiB, its first entry global */
#define SMEM_SIZE       0x200000ULL
#define SMEM_PTABLE     (SMEM_BASE + SMEM_SIZE - 0x1000)
#define SMEM_CANARY     0xa5a5

/* The test image: headers, hash segment, one relocatable segment */
#define PHNUM           3
#define HDR_SIZE        (QCOM_MDT_EHDR_SIZE + PHNUM * QCOM_MDT_PHDR_SIZE)
#define SIG_SIZE        256
#define HASH_SIZE       (QCOM_MDT_HASH_HDR_SIZE + PHNUM * 32 + SIG_SIZE)
#define HASH_PADDR      0x8a0ff000u
#define SEG_PADDR       0x0u
#define SEG_FILESZ      0x3000u
#define SEG_MEMSZ       0x4000u


typedef struct Image {
    uint8_t meta[HDR_SIZE + HASH_SIZE];
    uint8_t seg[SEG_FILESZ];
} Image;

static void sha256(const uint8_t *data, size_t len, uint8_t *digest)
{
    g_autoptr(GChecksum) ck = g_checksum_new(G_CHECKSUM_SHA256);
    gsize dlen = 32;

    g_checksum_update(ck, data, len);
    g_checksum_get_digest(ck, digest, &dlen);
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = v;
    p[1] = v >> 8;
    p[2] = v >> 16;
    p[3] = v >> 24;
}

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = v;
    p[1] = v >> 8;
}

static void phdr(uint8_t *p, uint32_t type, uint32_t off, uint32_t paddr,
                 uint32_t filesz, uint32_t memsz, uint32_t flags)
{
    put32(p + 0, type);
    put32(p + 4, off);
    put32(p + 8, paddr);
    put32(p + 12, paddr);
    put32(p + 16, filesz);
    put32(p + 20, memsz);
    put32(p + 24, flags);
    put32(p + 28, 0x1000);
}

/* The digests of the headers and of the segment, the signature */
static void image_sign(Image *im, const uint8_t *seg, uint32_t filesz)
{
    uint8_t *hash = im->meta + HDR_SIZE;
    uint32_t code = PHNUM * 32;

    sha256(im->meta, HDR_SIZE, hash + QCOM_MDT_HASH_HDR_SIZE);
    sha256(seg, filesz, hash + QCOM_MDT_HASH_HDR_SIZE + 2 * 32);
    sha256(hash, QCOM_MDT_HASH_HDR_SIZE + code,
           hash + QCOM_MDT_HASH_HDR_SIZE + code);
}

/* An ADSP image the rules of docs/devel/modem-firmware.rst accept */
static void make_image(Image *im, uint32_t image_id)
{
    uint8_t *eh = im->meta, *ph = eh + QCOM_MDT_EHDR_SIZE;
    uint8_t *hash = im->meta + HDR_SIZE;
    uint32_t code = PHNUM * 32, dest = HASH_PADDR + QCOM_MDT_HASH_HDR_SIZE;

    memset(im, 0, sizeof(*im));
    memcpy(eh, "\177ELF", 4);
    eh[4] = 1;                          /* ELFCLASS32 */
    eh[5] = 1;                          /* ELFDATA2LSB */
    eh[6] = 1;
    put16(eh + 16, 2);                  /* ET_EXEC */
    put16(eh + 18, 164);                /* EM_QDSP6 */
    put32(eh + 20, 1);
    put32(eh + 28, QCOM_MDT_EHDR_SIZE);
    put16(eh + 40, QCOM_MDT_EHDR_SIZE);
    put16(eh + 42, QCOM_MDT_PHDR_SIZE);
    put16(eh + 44, PHNUM);
    phdr(ph, 0, 0, 0, HDR_SIZE, 0, 7u << 24);
    phdr(ph + 32, 0, 0x1000, HASH_PADDR, HASH_SIZE, 0x1000,
         QCOM_MDT_TYPE_HASH | (1u << 21));
    phdr(ph + 64, 1, 0x2000, SEG_PADDR, SEG_FILESZ, SEG_MEMSZ,
         QCOM_MDT_RELOCATABLE | 5);
    for (unsigned i = 0; i < SEG_FILESZ; i++) {
        im->seg[i] = i * 7 + (i >> 8);
    }
    put32(hash + 0x00, image_id);
    put32(hash + 0x04, 3);
    put32(hash + 0x0c, dest);
    put32(hash + 0x10, code + SIG_SIZE);
    put32(hash + 0x14, code);
    put32(hash + 0x18, dest + code);
    put32(hash + 0x1c, SIG_SIZE);
    put32(hash + 0x20, dest + code + SIG_SIZE);
    put32(hash + 0x24, 0);
    image_sign(im, im->seg, SEG_FILESZ);
}

static QTestState *boot(const char *extra)
{
    return scm_calls_boot("rb5", extra);
}


/* One PAS call; its x0 and x1 */
static int64_t pas(QTestState *qts, uint32_t fnid, unsigned nargs,
                   uint64_t a0, uint64_t a1, uint64_t a2, uint64_t *x1)
{
    Call c = { .x = { STD64(fnid), nargs, a0, a1, a2, UART } };

    scm_calls_run(qts, &c, 1);
    if (x1) {
        *x1 = c.out[1];
    }
    return c.out[0];
}

/* The page's VMIDs: (read mask) << 32 | write mask, over enabled groups */
static uint64_t xpu_reg64(QTestState *qts, unsigned n, unsigned lo)
{
    return qtest_readl(qts, XPU + G(n, lo)) |
           (uint64_t)qtest_readl(qts, XPU + G(n, lo + 4)) << 32;
}

static uint64_t perm(QTestState *qts, uint64_t addr)
{
    unsigned n = qtest_readl(qts, XPU + A_NUM_GROUPS);
    uint32_t rd = UINT32_MAX, wr = UINT32_MAX;
    bool covered = false;

    for (unsigned i = 0; i < n; i++) {
        uint64_t start = xpu_reg64(qts, i, G_START_LO);
        uint64_t end = xpu_reg64(qts, i, G_END_LO) | 0xfff;

        if ((qtest_readl(qts, XPU + G(i, G_GCTRL)) & EN) && addr >= start &&
            addr <= end) {
            covered = true;
            rd &= qtest_readl(qts, XPU + G(i, G_RPERM));
            wr &= qtest_readl(qts, XPU + G(i, G_WPERM));
        }
    }
    return covered ? (uint64_t)rd << 32 | wr : 0;
}

#define HLOS_ONLY ((uint64_t)(1u << VMID_HLOS) << 32 | (1u << VMID_HLOS))
#define ADSP_ONLY ((uint64_t)(1u << VMID_ADSP) << 32 | (1u << VMID_ADSP))

static char *dsp_phase(QTestState *qts, const char *dsp)
{
    g_autofree char *path = g_strdup_printf("/machine/soc/%s", dsp);
    QDict *rsp = qtest_qmp(qts, "{'execute': 'qom-get', 'arguments': "
                           "{'path': %s, 'property': 'phase'}}", path);
    char *phase = g_strdup(qdict_get_str(rsp, "return"));

    qobject_unref(rsp);
    return phase;
}

static void assert_phase(QTestState *qts, const char *dsp, const char *want)
{
    g_autofree char *phase = dsp_phase(qts, dsp);

    g_assert_cmpstr(phase, ==, want);
}

/* The DSP boots in 1 ms of virtual time, which runs with the CPU */
static void wait_phase(QTestState *qts, const char *dsp, const char *want)
{
    for (int i = 0;; i++) {
        g_autofree char *phase = dsp_phase(qts, dsp);

        if (!strcmp(phase, want)) {
            return;
        }
        g_assert_cmpint(i, <, 10000);
        g_assert_cmpstr(phase, ==, "booting");
        g_usleep(1000);
    }
}

/* The global partition's header, from the partition table's entry */
static uint64_t smem_part(QTestState *qts)
{
    g_assert_cmphex(qtest_readl(qts, SMEM_PTABLE), ==, 0x434f5424);
    g_assert_cmphex(qtest_readw(qts, SMEM_PTABLE + 0x20 + 12), ==, 0xfffe);
    return SMEM_BASE + qtest_readl(qts, SMEM_PTABLE + 0x20);
}

/*
 * The physical address of SMEM item n, 0 if not allocated: the global
 * partition's uncached list, as smem.c's qcom_smem_get_private reads it
 */
static uint64_t smem_item_sized(QTestState *qts, unsigned n, uint32_t *size)
{
    uint64_t part = smem_part(qts);
    uint32_t end = qtest_readl(qts, part + 0xc);

    for (uint32_t off = 0x20; off < end;) {
        uint64_t e = part + off;
        uint32_t len = qtest_readl(qts, e + 4);
        uint16_t pad_hdr = qtest_readw(qts, e + 10);

        g_assert_cmphex(qtest_readw(qts, e), ==, SMEM_CANARY);
        if (qtest_readw(qts, e + 2) == n) {
            if (size) {
                *size = len - qtest_readw(qts, e + 8);
            }
            return e + 16 + pad_hdr;
        }
        off += 16 + pad_hdr + len;
    }
    return 0;
}

static uint64_t smem_item(QTestState *qts, unsigned n)
{
    return smem_item_sized(qts, n, NULL);
}

/* An item of APPS's, as smem.c's qcom_smem_alloc_private lays it out */
static uint64_t smem_alloc(QTestState *qts, unsigned n, uint32_t size)
{
    uint64_t part = smem_part(qts);
    uint32_t end = qtest_readl(qts, part + 0xc);
    uint32_t aligned = (size + 7) & ~7u;
    uint64_t e = part + end;

    g_assert_cmphex(smem_item(qts, n), ==, 0);
    g_assert_cmpuint(end + 16 + aligned, <=, qtest_readl(qts, part + 0x10));
    qtest_writew(qts, e, SMEM_CANARY);
    qtest_writew(qts, e + 2, n);
    qtest_writel(qts, e + 4, aligned);
    qtest_writew(qts, e + 8, aligned - size);
    qtest_writew(qts, e + 10, 0);
    qtest_writel(qts, e + 12, 0);
    qtest_writel(qts, part + 0xc, end + 16 + aligned);
    return e + 16;
}

static void write_image(QTestState *qts, const Image *im)
{
    qtest_memwrite(qts, META, im->meta, sizeof(im->meta));
    qtest_memwrite(qts, ADSP_MEM + SEG_PADDR, im->seg, sizeof(im->seg));
}

/* A good image all the way, twice: ADSP runs, stops, runs */
static void test_boot(void)
{
    QTestState *qts = boot("");
    Image *im = g_new(Image, 1);
    uint64_t x1 = 0, item;

    make_image(im, QCOM_MDT_ID_ADSP);
    g_assert_cmpint(pas(qts, IS_CALL_AVAIL, 1, SIP(INIT_IMAGE), 0, 0, &x1),
                    ==, OK);
    g_assert_cmpuint(x1, ==, 1);
    g_assert_cmpint(pas(qts, IS_SUPPORTED, 1, PAS_ADSP, 0, 0, &x1), ==, OK);
    g_assert_cmpuint(x1, ==, 1);
    g_assert_cmpint(pas(qts, IS_SUPPORTED, 1, 99, 0, 0, &x1), ==, OK);
    g_assert_cmpuint(x1, ==, 0);

    for (int round = 0; round < 2; round++) {
        write_image(qts, im);
        g_assert_cmphex(perm(qts, ADSP_MEM), ==, HLOS_ONLY);
        g_assert_cmpint(pas(qts, INIT_IMAGE, 2, PAS_ADSP, META, 0, NULL),
                        ==, OK);
        /* the blob was protected only during the call */
        g_assert_cmphex(perm(qts, META), ==, HLOS_ONLY);
        g_assert_cmpint(pas(qts, MEM_SETUP, 3, PAS_ADSP, ADSP_MEM,
                            ADSP_MEM_SIZE, NULL), ==, OK);
        g_assert_cmpint(pas(qts, AUTH_AND_RESET, 1, PAS_ADSP, 0, 0, NULL),
                        ==, OK);
        g_assert_cmphex(perm(qts, ADSP_MEM), ==, ADSP_ONLY);
        g_assert_cmphex(perm(qts, ADSP_MEM + ADSP_MEM_SIZE - 1), ==,
                        ADSP_ONLY);
        g_assert_cmphex(perm(qts, ADSP_MEM + ADSP_MEM_SIZE), ==, HLOS_ONLY);
        wait_phase(qts, "adsp", "running");
        item = smem_item(qts, ITEM_SMP2P_ADSP);
        g_assert_cmphex(item, !=, 0);
        g_assert_cmphex(qtest_readl(qts, item), ==, 0x504d5324);
        g_assert_cmphex(qtest_readl(qts, item + 8) & 0xffff, ==, 2);
        /* "slave-kernel": ready | handover */
        g_assert_cmphex(qtest_readl(qts, item + 20 + 16), ==, 0x6);
        assert_phase(qts, "cdsp", "off");

        /* running: a new image must wait for SHUTDOWN */
        g_assert_cmpint(pas(qts, INIT_IMAGE, 2, PAS_ADSP, META, 0, NULL),
                        ==, ERROR);
        g_assert_cmpint(pas(qts, SHUTDOWN, 1, PAS_ADSP, 0, 0, NULL), ==, OK);
        assert_phase(qts, "adsp", "off");
        g_assert_cmphex(qtest_readl(qts, item + 20 + 16), ==, 0);
        g_assert_cmphex(perm(qts, ADSP_MEM), ==, HLOS_ONLY);
    }
    /* shutting down what does not run is harmless */
    g_assert_cmpint(pas(qts, SHUTDOWN, 1, PAS_ADSP, 0, 0, NULL), ==, OK);
    g_free(im);
    qtest_quit(qts);
}

/* Authenticate and start a DSP with a good image of its own */
static void start_dsp(QTestState *qts, Image *im, uint32_t pas_id,
                      uint32_t image_id, uint64_t mem, uint64_t size,
                      const char *name)
{
    make_image(im, image_id);
    qtest_memwrite(qts, META, im->meta, sizeof(im->meta));
    qtest_memwrite(qts, mem + SEG_PADDR, im->seg, sizeof(im->seg));
    g_assert_cmpint(pas(qts, INIT_IMAGE, 2, pas_id, META, 0, NULL), ==, OK);
    g_assert_cmpint(pas(qts, MEM_SETUP, 3, pas_id, mem, size, NULL), ==, OK);
    g_assert_cmpint(pas(qts, AUTH_AND_RESET, 1, pas_id, 0, 0, NULL), ==,
                    OK);
    wait_phase(qts, name, "running");
}

static void inject(QTestState *qts, const char *dsp, const char *how,
                   const char *reason, bool ok)
{
    g_autofree char *path = g_strdup_printf("/machine/soc/%s", dsp);
    QDict *rsp = qtest_qmp(qts, "{'execute': 'qom-set', 'arguments': "
                           "{'path': %s, 'property': %s, 'value': %s}}",
                           path, how, reason);

    g_assert(qdict_haskey(rsp, ok ? "return" : "error"));
    qobject_unref(rsp);
}

/*
 * A running DSP crashes: the reason in its SMEM item, then SMP2P fatal.
 * A DSP that does not run cannot crash; SHUTDOWN clears the bits; a
 * machine reset stops a running one.
 */
static void test_dsp_crash(void)
{
    QTestState *qts = boot("");
    Image *im = g_new(Image, 1);
    uint64_t item, reason;
    char text[16] = { 0 };

    inject(qts, "adsp", "inject-fatal", "not yet", false);
    start_dsp(qts, im, PAS_ADSP, QCOM_MDT_ID_ADSP, ADSP_MEM, ADSP_MEM_SIZE,
              "adsp");
    inject(qts, "adsp", "inject-fatal", "adsp test crash", true);
    assert_phase(qts, "adsp", "crashed");
    item = smem_item(qts, ITEM_SMP2P_ADSP);
    g_assert_cmphex(qtest_readl(qts, item + 20 + 16), ==, 0x7);
    reason = smem_item(qts, ITEM_CRASH_ADSP);
    g_assert_cmphex(reason, !=, 0);
    qtest_memread(qts, reason, text, sizeof(text) - 1);
    g_assert_cmpstr(text, ==, "adsp test crash");
    inject(qts, "adsp", "inject-wdog", "again", false);
    g_assert_cmpint(pas(qts, SHUTDOWN, 1, PAS_ADSP, 0, 0, NULL), ==, OK);
    g_assert_cmphex(qtest_readl(qts, item + 20 + 16), ==, 0);

    start_dsp(qts, im, PAS_CDSP, QCOM_MDT_ID_CDSP, CDSP_MEM, CDSP_MEM_SIZE,
              "cdsp");
    inject(qts, "cdsp", "inject-wdog", "cdsp watchdog", true);
    assert_phase(qts, "cdsp", "crashed");
    g_assert_cmpint(pas(qts, SHUTDOWN, 1, PAS_CDSP, 0, 0, NULL), ==, OK);
    assert_phase(qts, "cdsp", "off");

    /* a machine reset stops a running DSP and gives its memory back */
    start_dsp(qts, im, PAS_ADSP, QCOM_MDT_ID_ADSP, ADSP_MEM, ADSP_MEM_SIZE,
              "adsp");
    g_assert_cmphex(perm(qts, ADSP_MEM), ==, ADSP_ONLY);
    qtest_qmp_assert_success(qts, "{'execute': 'system_reset'}");
    assert_phase(qts, "adsp", "off");
    g_assert_cmphex(perm(qts, ADSP_MEM), ==, HLOS_ONLY);
    g_free(im);
    qtest_quit(qts);
}

static char *dsp_crash_dump(QTestState *qts, const char *dsp)
{
    g_autofree char *path = g_strdup_printf("/machine/soc/%s", dsp);
    QDict *rsp = qtest_qmp(qts, "{'execute': 'qom-get', 'arguments': "
                           "{'path': %s, 'property': 'crash-dump'}}", path);
    char *dump = g_strdup(qdict_get_str(rsp, "return"));

    qobject_unref(rsp);
    return dump;
}

/* What the crash-dump of a DSP running im relocated to mem must say */
static char *dsp_expected_dump(const Image *im)
{
    g_autofree uint8_t *mem = g_malloc0(SEG_MEMSZ);

    memcpy(mem, im->seg, SEG_FILESZ);
    return g_strdup_printf("%x:%x:%016" PRIx64, SEG_PADDR, SEG_MEMSZ,
                           qcom_dump_digest(QCOM_DUMP_DIGEST_INIT, mem,
                                            SEG_MEMSZ));
}

/*
 * A crash digests the DSP's segment where TrustZone started it (the
 * MEM_SETUP region); the digests stay through SHUTDOWN, for the
 * coredump the kernel takes after it.
 */
static void test_dsp_crash_dump(void)
{
    QTestState *qts = boot("");
    Image *im = g_new(Image, 1);
    g_autofree char *before = NULL, *want = NULL, *got = NULL;
    g_autofree char *after = NULL;

    start_dsp(qts, im, PAS_ADSP, QCOM_MDT_ID_ADSP, ADSP_MEM, ADSP_MEM_SIZE,
              "adsp");
    before = dsp_crash_dump(qts, "adsp");
    g_assert_cmpstr(before, ==, "");
    inject(qts, "adsp", "inject-wdog", "dump me", true);
    want = dsp_expected_dump(im);
    got = dsp_crash_dump(qts, "adsp");
    g_assert_cmpstr(got, ==, want);
    g_assert_cmpint(pas(qts, SHUTDOWN, 1, PAS_ADSP, 0, 0, NULL), ==, OK);
    after = dsp_crash_dump(qts, "adsp");
    g_assert_cmpstr(after, ==, want);
    g_free(im);
    qtest_quit(qts);
}

/*
 * crash-at-boot: the first boot after reset raises SMP2P fatal instead
 * of ready and handover (the kernel's start times out and shuts the DSP
 * down); the next boot comes up
 */
static void test_dsp_crash_at_boot(void)
{
    QTestState *qts = boot("-global qcom-dsp.crash-at-boot=boot-crash");
    Image *im = g_new(Image, 1);
    uint64_t item, reason;
    char text[16] = { 0 };

    make_image(im, QCOM_MDT_ID_ADSP);
    write_image(qts, im);
    g_assert_cmpint(pas(qts, INIT_IMAGE, 2, PAS_ADSP, META, 0, NULL), ==, OK);
    g_assert_cmpint(pas(qts, MEM_SETUP, 3, PAS_ADSP, ADSP_MEM, ADSP_MEM_SIZE,
                        NULL), ==, OK);
    g_assert_cmpint(pas(qts, AUTH_AND_RESET, 1, PAS_ADSP, 0, 0, NULL), ==,
                    OK);
    wait_phase(qts, "adsp", "crashed");
    item = smem_item(qts, ITEM_SMP2P_ADSP);
    g_assert_cmphex(qtest_readl(qts, item + 20 + 16), ==, 0x1);
    reason = smem_item(qts, ITEM_CRASH_ADSP);
    g_assert_cmphex(reason, !=, 0);
    qtest_memread(qts, reason, text, sizeof(text) - 1);
    g_assert_cmpstr(text, ==, "boot-crash");
    g_assert_cmpint(pas(qts, SHUTDOWN, 1, PAS_ADSP, 0, 0, NULL), ==, OK);
    assert_phase(qts, "adsp", "off");
    start_dsp(qts, im, PAS_ADSP, QCOM_MDT_ID_ADSP, ADSP_MEM, ADSP_MEM_SIZE,
              "adsp");
    g_assert_cmphex(qtest_readl(qts, item + 20 + 16), ==, 0x6);
    g_free(im);
    qtest_quit(qts);
}

/*
 * The CDSP's crash reason is SMEM item 601, beyond the 512 of a global
 * heap: in SMEM version 12's global partition, where Linux's
 * qcom_smem_get looks for it. Allocated once, the next crash's reason
 * goes to the same item.
 */
static void test_cdsp_crash_reason(void)
{
    QTestState *qts = boot("");
    Image *im = g_new(Image, 1);
    uint64_t item, reason;
    uint32_t size = 0;
    char text[16] = { 0 };

    start_dsp(qts, im, PAS_CDSP, QCOM_MDT_ID_CDSP, CDSP_MEM, CDSP_MEM_SIZE,
              "cdsp");
    inject(qts, "cdsp", "inject-fatal", "cdsp test crash", true);
    assert_phase(qts, "cdsp", "crashed");
    item = smem_item(qts, ITEM_SMP2P_CDSP);
    g_assert_cmphex(qtest_readl(qts, item + 20 + 16), ==, 0x7);
    reason = smem_item_sized(qts, ITEM_CRASH_CDSP, &size);
    g_assert_cmphex(reason, !=, 0);
    g_assert_cmpuint(size, ==, 256);
    qtest_memread(qts, reason, text, sizeof(text) - 1);
    g_assert_cmpstr(text, ==, "cdsp test crash");
    g_assert_cmpint(pas(qts, SHUTDOWN, 1, PAS_CDSP, 0, 0, NULL), ==, OK);

    start_dsp(qts, im, PAS_CDSP, QCOM_MDT_ID_CDSP, CDSP_MEM, CDSP_MEM_SIZE,
              "cdsp");
    inject(qts, "cdsp", "inject-wdog", "cdsp watchdog", true);
    assert_phase(qts, "cdsp", "crashed");
    g_assert_cmphex(smem_item(qts, ITEM_CRASH_CDSP), ==, reason);
    qtest_memread(qts, reason, text, sizeof(text) - 1);
    g_assert_cmpstr(text, ==, "cdsp watchdog");
    g_assert_cmpint(pas(qts, SHUTDOWN, 1, PAS_CDSP, 0, 0, NULL), ==, OK);
    assert_phase(qts, "cdsp", "off");
    g_free(im);
    qtest_quit(qts);
}

/*
 * An item APPS allocated in SMEM's global partition (Linux's SMP2P item
 * towards the ADSP, version 2 as a 7.x kernel publishes it) is the one
 * the ADSP reads: it publishes its own in the same version
 */
static void test_dsp_finds_apps_item(void)
{
    QTestState *qts = boot("");
    Image *im = g_new(Image, 1);
    uint64_t apps, item;

    apps = smem_alloc(qts, ITEM_SMP2P_APPS_ADSP, 340);
    g_assert_cmphex(smem_item(qts, ITEM_SMP2P_APPS_ADSP), ==, apps);
    qtest_writel(qts, apps, 0x504d5324);
    qtest_writel(qts, apps + 4, 2);             /* version 2, features 0 */
    qtest_writel(qts, apps + 8, 0x00020000);    /* local 0, remote 2 */
    start_dsp(qts, im, PAS_ADSP, QCOM_MDT_ID_ADSP, ADSP_MEM, ADSP_MEM_SIZE,
              "adsp");
    item = smem_item(qts, ITEM_SMP2P_ADSP);
    g_assert_cmphex(item, >, apps);
    g_assert_cmphex(qtest_readl(qts, item), ==, 0x504d5324);
    g_assert_cmphex(qtest_readb(qts, item + 4), ==, 2);
    g_free(im);
    qtest_quit(qts);
}

typedef struct Snapshot {
    uint32_t err_count;
    uint64_t meta, mem;
    char *adsp;
} Snapshot;

static void snap(QTestState *qts, Snapshot *s)
{
    s->err_count = qtest_readl(qts, XPU + A_ERR_COUNT);
    s->meta = perm(qts, META);
    s->mem = perm(qts, ADSP_MEM);
    s->adsp = dsp_phase(qts, "adsp");
}

/* A call that must answer status and change nothing */
static void refused(QTestState *qts, const char *what, uint32_t fnid,
                    unsigned nargs, uint64_t a0, uint64_t a1, uint64_t a2,
                    int64_t status)
{
    Snapshot before, after;

    g_test_message("refused: %s", what);
    snap(qts, &before);
    g_assert_cmpint(pas(qts, fnid, nargs, a0, a1, a2, NULL), ==, status);
    snap(qts, &after);
    g_assert_cmpuint(before.err_count, ==, after.err_count);
    g_assert_cmphex(before.meta, ==, after.meta);
    g_assert_cmphex(before.mem, ==, after.mem);
    g_assert_cmpstr(before.adsp, ==, after.adsp);
    g_free(before.adsp);
    g_free(after.adsp);
}

static void test_bad_args(void)
{
    QTestState *qts = boot("");
    Image *im = g_new(Image, 1);

    make_image(im, QCOM_MDT_ID_ADSP);
    write_image(qts, im);
    refused(qts, "unknown PAS id", INIT_IMAGE, 2, 99, META, 0, EINVAL_ARG);
    refused(qts, "unknown PAS id (auth)", AUTH_AND_RESET, 1, 99, 0, 0,
            EINVAL_ARG);
    refused(qts, "wrong argument count", INIT_IMAGE, 1, PAS_ADSP, 0, 0,
            EINVAL_ARG);
    refused(qts, "metadata unaligned", INIT_IMAGE, 2, PAS_ADSP, META + 8, 0,
            EINVAL_ADDR);
    refused(qts, "metadata in MMIO", INIT_IMAGE, 2, PAS_ADSP, UART, 0,
            EINVAL_ADDR);
    refused(qts, "metadata outside DRAM", INIT_IMAGE, 2, PAS_ADSP,
            0x10000000, 0, EINVAL_ADDR);
    refused(qts, "auth before init", AUTH_AND_RESET, 1, PAS_ADSP, 0, 0,
            ERROR);
    refused(qts, "mem-setup before init", MEM_SETUP, 3, PAS_ADSP, ADSP_MEM,
            ADSP_MEM_SIZE, ERROR);

    g_assert_cmpint(pas(qts, INIT_IMAGE, 2, PAS_ADSP, META, 0, NULL), ==,
                    OK);
    refused(qts, "relocatable image without mem-setup", AUTH_AND_RESET, 1,
            PAS_ADSP, 0, 0, ERROR);
    refused(qts, "mem-setup unaligned", MEM_SETUP, 3, PAS_ADSP,
            ADSP_MEM + 0x800, ADSP_MEM_SIZE, EINVAL_ADDR);
    refused(qts, "mem-setup outside DRAM", MEM_SETUP, 3, PAS_ADSP,
            0x10000000, ADSP_MEM_SIZE, EINVAL_ADDR);
    refused(qts, "mem-setup smaller than the image", MEM_SETUP, 3, PAS_ADSP,
            ADSP_MEM, 0x1000, EINVAL_ARG);
    g_assert_cmpint(pas(qts, MEM_SETUP, 3, PAS_ADSP, ADSP_MEM, ADSP_MEM_SIZE,
                        NULL), ==, OK);
    refused(qts, "mem-setup twice", MEM_SETUP, 3, PAS_ADSP, ADSP_MEM,
            ADSP_MEM_SIZE, ERROR);
    refused(qts, "another DSP's auth before its init", AUTH_AND_RESET, 1,
            PAS_CDSP, 0, 0, ERROR);

    /* a segment that is not what the hash table says */
    qtest_writeb(qts, ADSP_MEM + SEG_PADDR + 0x1234, 0x5a ^ im->seg[0x1234]);
    g_assert_cmpint(pas(qts, AUTH_AND_RESET, 1, PAS_ADSP, 0, 0, NULL), ==,
                    ERROR);
    assert_phase(qts, "adsp", "off");
    g_assert_cmphex(perm(qts, ADSP_MEM), ==, HLOS_ONLY);
    /* and the image is forgotten */
    refused(qts, "auth after a failed auth", AUTH_AND_RESET, 1, PAS_ADSP, 0,
            0, ERROR);

    /* metadata whose signature does not match */
    im->meta[HDR_SIZE + QCOM_MDT_HASH_HDR_SIZE + 2 * 32] ^= 1;
    write_image(qts, im);
    g_assert_cmpint(pas(qts, INIT_IMAGE, 2, PAS_ADSP, META, 0, NULL), ==,
                    ERROR);
    refused(qts, "auth after a failed init", AUTH_AND_RESET, 1, PAS_ADSP, 0,
            0, ERROR);
    /* another DSP's image id */
    make_image(im, QCOM_MDT_ID_CDSP);
    write_image(qts, im);
    g_assert_cmpint(pas(qts, INIT_IMAGE, 2, PAS_ADSP, META, 0, NULL), ==,
                    ERROR);
    g_free(im);
    qtest_quit(qts);
}

/*
 * The CPU writes the metadata with cacheable stores and does not clean:
 * when INIT_IMAGE takes the blob from HLOS the lines are still held,
 * which the XPU reports as a hazard (action log: the call goes on).
 */
static void test_metadata_hazard(void)
{
    QTestState *qts = boot("-global qcom-xpu.action=log");
    Image *im = g_new(Image, 1);
    Call c = { .x = { STD64(INIT_IMAGE), 2, PAS_ADSP, META, 0, UART },
               .copy_src = META_SRC, .copy_dst = META,
               .copy_len = sizeof(im->meta) };
    QDict *ev, *data;

    make_image(im, QCOM_MDT_ID_ADSP);
    qtest_memwrite(qts, META_SRC, im->meta, sizeof(im->meta));
    scm_calls_run(qts, &c, 1);
    /* the call is over: its event came before this command's answer */
    qobject_unref(qtest_qmp(qts, "{'execute': 'query-status'}"));
    ev = qtest_qmp_event_ref(qts, "XPU_VIOLATION");
    g_assert_nonnull(ev);
    data = qdict_get_qdict(ev, "data");
    g_assert_cmpstr(qdict_get_str(data, "kind"), ==, "hazard");
    g_assert_cmpstr(qdict_get_str(data, "master"), ==, "apps");
    g_assert_cmphex(qdict_get_int(data, "address") & ~0xfffULL, ==, META);
    qobject_unref(ev);
    g_free(im);
    qtest_quit(qts);
}

/*
 * 6.12's sm8250.dtsi names the TCSR download-mode register, which Linux
 * reaches with the secure io_readl/io_writel calls; no other register
 */
/*
 * A segment of 10 MiB: AUTH_AND_RESET hashes 4 MiB a call and answers
 * QCOM_SCM_INTERRUPTED in between, which the caller resumes twice; the
 * DSP then runs. A byte changed at the segment's end is found the same.
 */
#define BIG_FILESZ (10 * 1024 * 1024 + 0x123)

static void check_big_image(QTestState *qts, bool corrupt)
{
    Image *im = g_new(Image, 1);
    g_autofree uint8_t *big = g_malloc(BIG_FILESZ);
    Call auth = { .x = { STD64(AUTH_AND_RESET), 1, PAS_ADSP, 0, 0, UART } };

    make_image(im, QCOM_MDT_ID_ADSP);
    for (uint32_t i = 0; i < BIG_FILESZ; i++) {
        big[i] = i * 13 + (i >> 12);
    }
    phdr(im->meta + QCOM_MDT_EHDR_SIZE + 64, 1, 0x2000, SEG_PADDR,
         BIG_FILESZ, ROUND_UP(BIG_FILESZ, 0x1000), QCOM_MDT_RELOCATABLE | 5);
    image_sign(im, big, BIG_FILESZ);
    if (corrupt) {
        big[BIG_FILESZ - 1] ^= 1;
    }
    qtest_memwrite(qts, META, im->meta, sizeof(im->meta));
    qtest_bufwrite(qts, ADSP_MEM + SEG_PADDR, big, BIG_FILESZ);
    g_assert_cmpint(pas(qts, INIT_IMAGE, 2, PAS_ADSP, META, 0, NULL), ==, OK);
    g_assert_cmpint(pas(qts, MEM_SETUP, 3, PAS_ADSP, ADSP_MEM, ADSP_MEM_SIZE,
                        NULL), ==, OK);
    scm_calls_run(qts, &auth, 1);
    g_assert_cmpint(auth.out[0], ==, corrupt ? ERROR : OK);
    g_assert_cmpuint(auth.interrupted, ==, 2);
    g_assert_cmphex(perm(qts, ADSP_MEM), ==, corrupt ? HLOS_ONLY : ADSP_ONLY);
    if (!corrupt) {
        wait_phase(qts, "adsp", "running");
        g_assert_cmpint(pas(qts, SHUTDOWN, 1, PAS_ADSP, 0, 0, NULL), ==, OK);
    }
    g_free(im);
}

static void test_big_image(void)
{
    QTestState *qts = boot("");

    check_big_image(qts, false);
    check_big_image(qts, true);
    qtest_quit(qts);
}

static void test_io_dload_mode(void)
{
    QTestState *qts = boot("");
    uint64_t x1 = 1;

    g_assert_cmpint(pas(qts, IO_READ, 1, DLOAD_REG, 0, 0, &x1), ==, OK);
    g_assert_cmphex(x1, ==, 0);
    g_assert_cmpint(pas(qts, IO_WRITE, 2, DLOAD_REG, 0x10, 0, NULL), ==, OK);
    g_assert_cmpint(pas(qts, IO_READ, 1, DLOAD_REG, 0, 0, &x1), ==, OK);
    g_assert_cmphex(x1, ==, 0x10);
    g_assert_cmpint(pas(qts, IO_READ, 1, DLOAD_REG + 4, 0, 0, NULL), ==,
                    EINVAL_ADDR);
    g_assert_cmpint(pas(qts, IO_WRITE, 2, XPU, 0, 0, NULL), ==, EINVAL_ADDR);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    if (!g_getenv("QMS_GUEST_DIR")) {
        g_test_skip("QMS_GUEST_DIR is not set (guest/baremetal programs)");
        return g_test_run();
    }
    qtest_add_func("/qcom-scm-pas/boot", test_boot);
    qtest_add_func("/qcom-scm-pas/big-image", test_big_image);
    qtest_add_func("/qcom-scm-pas/bad-args", test_bad_args);
    qtest_add_func("/qcom-scm-pas/metadata-hazard", test_metadata_hazard);
    qtest_add_func("/qcom-scm-pas/io-dload-mode", test_io_dload_mode);
    qtest_add_func("/qcom-scm-pas/dsp-crash", test_dsp_crash);
    qtest_add_func("/qcom-scm-pas/dsp-finds-apps-item",
                   test_dsp_finds_apps_item);
    qtest_add_func("/qcom-scm-pas/dsp-crash-dump", test_dsp_crash_dump);
    qtest_add_func("/qcom-scm-pas/dsp-crash-at-boot", test_dsp_crash_at_boot);
    qtest_add_func("/qcom-scm-pas/cdsp-crash-reason", test_cdsp_crash_reason);
    return g_test_run();
}
