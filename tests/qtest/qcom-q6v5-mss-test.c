/*
 * QTest for the Qualcomm Q6v5 modem subsystem on db845c: the RMB
 * protocol driven as Linux's qcom_q6v5_mss does for sdm845, without a
 * CPU. The test builds its own MBA and modem images (ELF32, a hash
 * segment of SHA-256 digests, loadable segments), writes them to DRAM,
 * gives the modem access through the XPU, programs the registers and
 * steps the virtual clock. Success to AUTH_COMPLETE, each error status,
 * reset in the middle of authentication, the AXI halt handshake, the
 * XPU fault when the metadata is not handed to the modem (logged, and
 * with the default action the SoC reset), and malformed metadata.
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "libqtest.h"
#include "qobject/qdict.h"
#include "db845c-gic.h"
#include "hw/remoteproc/qcom-dump-digest.h"

#define QDSP6           0x04080000ULL
#define RMB             0x04180000ULL
#define TCSR            0x01f60000ULL
#define MSS_PATH        "/machine/soc/mss"

#define QDSP6SS_SLEEP           0x03c
#define QDSP6SS_BOOT_CORE_START 0x400
#define QDSP6SS_BOOT_CMD        0x404
#define CLKOFF                  (1u << 31)

#define RMB_MBA_IMAGE           0x00
#define RMB_PBL_STATUS          0x04
#define RMB_MBA_COMMAND         0x08
#define RMB_MBA_STATUS          0x0c
#define RMB_PMI_META_DATA       0x10
#define RMB_PMI_CODE_START      0x14
#define RMB_PMI_CODE_LENGTH     0x18
#define RMB_MBA_MSS_STATUS      0x40
#define RMB_MBA_ALT_RESET       0x44

#define HALT_Q6         0x3000
#define HALT_MODEM      0x5000
#define HALT_NC         0x4000
#define HALTREQ         0x0
#define HALTACK         0x4
#define IDLE            0x8

#define ST_XPU_UNLOCKED         1
#define ST_META_DATA_AUTH       3
#define ST_AUTH_COMPLETE        4
#define ERR_DMA                 (-1)
#define ERR_BAD_ELF             (-2)
#define ERR_BAD_HASH_TABLE      (-3)
#define ERR_HASH_MISMATCH       (-4)
#define ERR_BAD_COMMAND         (-5)
#define ERR_BAD_LENGTH          (-6)

/* Our carve-outs for the test, in the default 2 GiB of DRAM */
#define MBA_ADDR        0x90000000ULL
#define META_ADDR       0x90200000ULL
#define MPSS_ADDR       0x91000000ULL
#define MODEM_REGION    "0x90000000 0x2000000"
#define VMIDS_SHARED    "0x8008 0x8008"     /* HLOS(3) and MSS_MSA(15) */
#define IMG_PADDR       0x8e000000u         /* the images' link address */

#define MACHINE_ARGS    "-M db845c -smp 1 -global qcom-xpu.action=log"

#define EHDR_SIZE       52
#define PHDR_SIZE       32
#define DIGEST_SIZE     32
#define MBN_HDR_SIZE    40
#define ID_MBA          0x0041424d
#define ID_MODEM        0x5353504d

typedef struct Image {
    uint8_t *file;          /* the whole ELF (mba.mbn; modem .mdt+.bNN) */
    size_t file_len;
    size_t hdr_len;         /* ELF header and phdrs */
    size_t hash_off, hash_len;
    unsigned phnum;
    unsigned nload;
    uint32_t paddr[8], offset[8], filesz[8], memsz[8];
} Image;

/* ---- image builder ---------------------------------------------------- */

static void put_phdr(uint8_t *p, uint32_t type, uint32_t offset,
                     uint32_t paddr, uint32_t filesz, uint32_t memsz,
                     uint32_t flags)
{
    stl_le_p(p + 0, type);
    stl_le_p(p + 4, offset);
    stl_le_p(p + 8, paddr);
    stl_le_p(p + 12, paddr);
    stl_le_p(p + 16, filesz);
    stl_le_p(p + 20, memsz);
    stl_le_p(p + 24, flags);
    stl_le_p(p + 28, 0x1000);
}

static uint8_t *phdr(Image *img, unsigned i)
{
    return img->file + EHDR_SIZE + i * PHDR_SIZE;
}

static void sha256(const uint8_t *data, size_t len, uint8_t *digest)
{
    GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256);
    gsize dlen = DIGEST_SIZE;

    g_checksum_update(ck, data, len);
    g_checksum_get_digest(ck, digest, &dlen);
    g_checksum_free(ck);
}

/* Digests: 0 over the headers, one per segment with data; signature */
static void image_rehash(Image *img)
{
    uint8_t *table = img->file + img->hash_off + MBN_HDR_SIZE;
    uint32_t code = img->phnum * DIGEST_SIZE;

    sha256(img->file, img->hdr_len, table);
    for (unsigned i = 0; i < img->nload; i++) {
        if (img->filesz[i]) {
            sha256(img->file + img->offset[i], img->filesz[i],
                   table + (2 + i) * DIGEST_SIZE);
        }
    }
    sha256(img->file + img->hash_off, MBN_HDR_SIZE + code, table + code);
}

/*
 * An image as docs/devel/modem-firmware.rst describes it: headers
 * segment, hash segment (MBN v3 header, digest table, 256 bytes of
 * "signature", cert_len bytes of certificate chain), nload loadable
 * segments, the last one zero-fill only.
 */
static void image_build_big(Image *img, unsigned nload, uint32_t image_id,
                            size_t cert_len, uint32_t big)
{
    uint32_t hash_paddr = IMG_PADDR - 0x1000, dest, code, sig = 256;
    uint8_t *h;
    size_t off;

    memset(img, 0, sizeof(*img));
    img->nload = nload;
    img->phnum = 2 + nload;
    img->hdr_len = EHDR_SIZE + img->phnum * PHDR_SIZE;
    img->hash_off = img->hdr_len;
    code = img->phnum * DIGEST_SIZE;
    img->hash_len = MBN_HDR_SIZE + code + sig + cert_len;
    off = ROUND_UP(img->hash_off + img->hash_len, 16);
    for (unsigned i = 0; i < nload; i++) {
        img->paddr[i] = i ? img->paddr[i - 1] +
                            ROUND_UP(img->memsz[i - 1], 0x10000) : IMG_PADDR;
        img->offset[i] = off;
        img->filesz[i] = i == nload - 1 ? 0 : 0x1000 + 0x123 * i;
        if (i == 0 && big) {
            img->filesz[i] = big;
        }
        img->memsz[i] = img->filesz[i] + 0x800;
        off = ROUND_UP(off + img->filesz[i], 16);
    }
    img->file_len = off;
    img->file = g_malloc0(off);

    memcpy(img->file, "\177ELF\1\1\1", 7);
    stw_le_p(img->file + 16, 2);            /* ET_EXEC */
    stw_le_p(img->file + 18, 164);          /* EM_QDSP6 */
    stl_le_p(img->file + 20, 1);
    stl_le_p(img->file + 28, EHDR_SIZE);    /* e_phoff */
    stw_le_p(img->file + 40, EHDR_SIZE);
    stw_le_p(img->file + 42, PHDR_SIZE);
    stw_le_p(img->file + 44, img->phnum);

    put_phdr(phdr(img, 0), 0, 0, 0, img->hdr_len, 0, 0x07000000);
    put_phdr(phdr(img, 1), 0, img->hash_off, hash_paddr, img->hash_len,
             ROUND_UP(img->hash_len, 0x1000), 0x02200000);
    for (unsigned i = 0; i < nload; i++) {
        uint8_t *data = img->file + img->offset[i];

        for (uint32_t j = 0; j < img->filesz[i]; j++) {
            data[j] = (j * 7 + i * 31 + (j >> 8)) & 0xff;
        }
        /* relocatable */
        put_phdr(phdr(img, 2 + i), 1, img->offset[i], img->paddr[i],
                 img->filesz[i], img->memsz[i], 0x08000005);
    }

    h = img->file + img->hash_off;
    dest = hash_paddr + MBN_HDR_SIZE;
    stl_le_p(h + 0x00, image_id);
    stl_le_p(h + 0x04, 3);
    stl_le_p(h + 0x0c, dest);
    stl_le_p(h + 0x10, code + sig + cert_len);
    stl_le_p(h + 0x14, code);
    stl_le_p(h + 0x18, dest + code);
    stl_le_p(h + 0x1c, sig);
    stl_le_p(h + 0x20, dest + code + sig);
    stl_le_p(h + 0x24, cert_len);
    image_rehash(img);
}

/* segment 0 big bytes, if big */
static void image_build(Image *img, unsigned nload, uint32_t image_id,
                        size_t cert_len)
{
    image_build_big(img, nload, image_id, cert_len, 0);
}

static void image_free(Image *img)
{
    g_free(img->file);
}

/* ---- register access ---------------------------------------------------- */

static uint32_t rmb_rd(QTestState *qts, unsigned reg)
{
    return qtest_readl(qts, RMB + reg);
}

static void rmb_wr(QTestState *qts, unsigned reg, uint32_t v)
{
    qtest_writel(qts, RMB + reg, v);
}

static int32_t mba_status(QTestState *qts)
{
    return (int32_t)rmb_rd(qts, RMB_MBA_STATUS);
}

static void step_ms(QTestState *qts, unsigned ms)
{
    qtest_clock_step(qts, ms * 1000000LL);
}

static QTestState *mss_start_args(const char *extra)
{
    QTestState *qts = qtest_initf(MACHINE_ARGS " %s", extra);
    char *out = qtest_hmp(qts, "xpu-assign " MODEM_REGION " " VMIDS_SHARED);

    g_assert_cmpstr(out, ==, "");
    g_free(out);
    return qts;
}

static QTestState *mss_start(void)
{
    return mss_start_args("");
}

/* q6v5_reset_deassert (alt reset), MBA_IMAGE, q6v5proc_reset (sdm845) */
static void mss_boot_core(QTestState *qts)
{
    rmb_wr(qts, RMB_MBA_ALT_RESET, 1);
    rmb_wr(qts, RMB_MBA_ALT_RESET, 0);
    rmb_wr(qts, RMB_MBA_IMAGE, MBA_ADDR);

    g_assert_cmphex(qtest_readl(qts, QDSP6 + QDSP6SS_SLEEP), ==, CLKOFF);
    qtest_writel(qts, QDSP6 + QDSP6SS_SLEEP,
                 qtest_readl(qts, QDSP6 + QDSP6SS_SLEEP) | 1);
    g_assert_cmphex(qtest_readl(qts, QDSP6 + QDSP6SS_SLEEP), ==, 1);
    qtest_writel(qts, QDSP6 + QDSP6SS_BOOT_CORE_START, 1);
    qtest_writel(qts, QDSP6 + QDSP6SS_BOOT_CMD, 1);

    g_assert_cmphex(rmb_rd(qts, RMB_MBA_MSS_STATUS) & 1, ==, 0);
    qtest_clock_step(qts, 100 * 1000);          /* boot FSM: < 10 ms */
    g_assert_cmphex(rmb_rd(qts, RMB_MBA_MSS_STATUS) & 1, ==, 1);
}

/* ... then the PBL and MBA waits */
static void mss_boot_mba(QTestState *qts, Image *mba)
{
    qtest_memwrite(qts, MBA_ADDR, mba->file, mba->file_len);
    mss_boot_core(qts);
    step_ms(qts, 2);
    g_assert_cmphex(rmb_rd(qts, RMB_PBL_STATUS), ==, 1);
    g_assert_cmpint(mba_status(qts), ==, ST_XPU_UNLOCKED);
}

/* q6v5_mpss_init_image: metadata = ELF header + phdrs, then hash */
static void mss_send_metadata(QTestState *qts, Image *img)
{
    rmb_wr(qts, RMB_PMI_CODE_LENGTH, 0);
    qtest_memwrite(qts, META_ADDR, img->file, img->hdr_len);
    qtest_memwrite(qts, META_ADDR + img->hdr_len,
                   img->file + img->hash_off, img->hash_len);
    rmb_wr(qts, RMB_PMI_META_DATA, META_ADDR);
    rmb_wr(qts, RMB_MBA_COMMAND, 1);
    step_ms(qts, 1);
}

/*
 * q6v5_mpss_load's loop over loadable segments from..to-1 (relocatable
 * image: segment i at mpss_phys + p_paddr - lowest p_paddr, CODE_START =
 * mpss_phys; CODE_LENGTH = cumulative p_memsz).
 */
static void mss_load_segments(QTestState *qts, Image *img, unsigned from,
                              unsigned to)
{
    uint32_t size = 0;

    for (unsigned i = 0; i < from; i++) {
        size += img->memsz[i];
    }
    for (unsigned i = from; i < to; i++) {
        uint64_t at = MPSS_ADDR + img->paddr[i] - IMG_PADDR;

        qtest_memwrite(qts, at, img->file + img->offset[i], img->filesz[i]);
        qtest_memset(qts, at + img->filesz[i], 0,
                     img->memsz[i] - img->filesz[i]);
        size += img->memsz[i];
        if (rmb_rd(qts, RMB_PMI_CODE_LENGTH) == 0) {
            rmb_wr(qts, RMB_PMI_CODE_START, MPSS_ADDR);
            rmb_wr(qts, RMB_MBA_COMMAND, 2);
        }
        rmb_wr(qts, RMB_PMI_CODE_LENGTH, size);
        g_assert_cmphex(rmb_rd(qts, RMB_PMI_CODE_LENGTH), ==, size);
        g_assert_cmpint(mba_status(qts), >=, 0);
    }
}

static uint32_t image_code_size(Image *img)
{
    uint32_t total = 0;

    for (unsigned i = 0; i < img->nload; i++) {
        total += img->memsz[i];
    }
    return total;
}

/* ---- tests ------------------------------------------------------------- */

/* The whole protocol, with metadata larger than a page */
static void test_auth_complete(void)
{
    QTestState *qts = mss_start();
    Image mba, modem;

    image_build(&mba, 2, ID_MBA, 0);
    image_build(&modem, 4, ID_MODEM, 6000);
    g_assert_cmpuint(modem.hdr_len + modem.hash_len, >, 4096);

    mss_boot_mba(qts, &mba);
    mss_send_metadata(qts, &modem);
    g_assert_cmpint(mba_status(qts), ==, ST_META_DATA_AUTH);
    mss_load_segments(qts, &modem, 0, modem.nload);
    g_assert_cmphex(rmb_rd(qts, RMB_PMI_CODE_LENGTH), ==,
                    image_code_size(&modem));
    step_ms(qts, 1);
    g_assert_cmpint(mba_status(qts), ==, ST_AUTH_COMPLETE);

    image_free(&mba);
    image_free(&modem);
    qtest_quit(qts);
}

static void test_register_basics(void)
{
    QTestState *qts = mss_start();

    /* PMI_CODE_LENGTH and the address registers read back */
    rmb_wr(qts, RMB_PMI_CODE_LENGTH, 0x1234);
    g_assert_cmphex(rmb_rd(qts, RMB_PMI_CODE_LENGTH), ==, 0x1234);
    rmb_wr(qts, RMB_PMI_META_DATA, 0x9abcd000);
    g_assert_cmphex(rmb_rd(qts, RMB_PMI_META_DATA), ==, 0x9abcd000);
    rmb_wr(qts, RMB_MBA_ALT_RESET, 1);
    g_assert_cmphex(rmb_rd(qts, RMB_MBA_ALT_RESET), ==, 1);
    /* alt reset clears the subsystem's registers, not itself */
    g_assert_cmphex(rmb_rd(qts, RMB_PMI_CODE_LENGTH), ==, 0);
    /* status registers are read-only */
    rmb_wr(qts, RMB_MBA_STATUS, 4);
    rmb_wr(qts, RMB_PBL_STATUS, 1);
    g_assert_cmphex(rmb_rd(qts, RMB_MBA_STATUS), ==, 0);
    g_assert_cmphex(rmb_rd(qts, RMB_PBL_STATUS), ==, 0);
    /* BOOT_CMD is ignored while held in reset */
    qtest_writel(qts, QDSP6 + QDSP6SS_SLEEP, 1);
    qtest_writel(qts, QDSP6 + QDSP6SS_BOOT_CORE_START, 1);
    qtest_writel(qts, QDSP6 + QDSP6SS_BOOT_CMD, 1);
    step_ms(qts, 20);
    g_assert_cmphex(rmb_rd(qts, RMB_MBA_MSS_STATUS), ==, 0);
    rmb_wr(qts, RMB_MBA_ALT_RESET, 0);
    /* ... and without the sleep clock the boot FSM never completes */
    qtest_writel(qts, QDSP6 + QDSP6SS_SLEEP, 0);
    g_assert_cmphex(qtest_readl(qts, QDSP6 + QDSP6SS_SLEEP), ==, CLKOFF);
    qtest_writel(qts, QDSP6 + QDSP6SS_BOOT_CORE_START, 1);
    qtest_writel(qts, QDSP6 + QDSP6SS_BOOT_CMD, 1);
    step_ms(qts, 20);
    g_assert_cmphex(rmb_rd(qts, RMB_MBA_MSS_STATUS), ==, 0);
    g_assert_cmphex(rmb_rd(qts, RMB_PBL_STATUS), ==, 0);
    qtest_quit(qts);
}

static void test_bad_mba(void)
{
    QTestState *qts = mss_start();
    Image mba;

    image_build(&mba, 2, ID_MBA, 0);
    mba.file[mba.offset[0] + 5] ^= 0x40;
    qtest_memwrite(qts, MBA_ADDR, mba.file, mba.file_len);
    mss_boot_core(qts);
    step_ms(qts, 10);
    g_assert_cmphex(rmb_rd(qts, RMB_PBL_STATUS), ==,
                    (uint32_t)ERR_HASH_MISMATCH);
    g_assert_cmpint(mba_status(qts), ==, 0);

    /* a new boot with a good image succeeds */
    image_free(&mba);
    image_build(&mba, 2, ID_MBA, 0);
    mss_boot_mba(qts, &mba);
    image_free(&mba);

    /* not an ELF at all */
    rmb_wr(qts, RMB_MBA_ALT_RESET, 1);
    qtest_memset(qts, MBA_ADDR, 0, 64);
    mss_boot_core(qts);
    step_ms(qts, 10);
    g_assert_cmphex(rmb_rd(qts, RMB_PBL_STATUS), ==, (uint32_t)ERR_BAD_ELF);
    qtest_quit(qts);
}

typedef enum MetaFault {
    META_BAD_MAGIC,
    META_PHDR0_LOAD,
    META_NO_HASH,
    META_SHORT_HASH,
    META_FILESZ_GT_MEMSZ,
    META_TABLE_BIT,
    META_HEADER_CHANGED,
    META_WRONG_ID,
} MetaFault;

static void check_bad_metadata(MetaFault fault, int32_t expect)
{
    QTestState *qts = mss_start();
    Image mba, modem;

    image_build(&mba, 2, ID_MBA, 0);
    image_build(&modem, 3, ID_MODEM, 100);
    switch (fault) {
    case META_BAD_MAGIC:
        modem.file[1] = 'X';
        break;
    case META_PHDR0_LOAD:
        stl_le_p(phdr(&modem, 0), 1);
        break;
    case META_NO_HASH:
        stl_le_p(phdr(&modem, 1) + 24, 0x07000000);
        break;
    case META_SHORT_HASH:
        /* a table with room for fewer digests than phdrs */
        modem.hash_len = 2 * DIGEST_SIZE;
        stl_le_p(phdr(&modem, 1) + 16, modem.hash_len);
        break;
    case META_FILESZ_GT_MEMSZ:
        stl_le_p(phdr(&modem, 2) + 20, 0x10);
        break;
    case META_TABLE_BIT:
        /* mkmodemfw --corrupt=hash-table: the "signature" disagrees */
        modem.file[modem.hash_off + MBN_HDR_SIZE + 2 * DIGEST_SIZE] ^= 1;
        break;
    case META_HEADER_CHANGED:
        /* e_flags: digest 0 no longer matches the headers */
        modem.file[36] ^= 1;
        break;
    case META_WRONG_ID:
        /* an MBA's hash segment in a modem image */
        stl_le_p(modem.file + modem.hash_off, ID_MBA);
        break;
    }
    mss_boot_mba(qts, &mba);
    mss_send_metadata(qts, &modem);
    g_assert_cmpint(mba_status(qts), ==, expect);
    /* the MBA stays failed: later commands change nothing */
    rmb_wr(qts, RMB_MBA_COMMAND, 2);
    step_ms(qts, 1);
    g_assert_cmpint(mba_status(qts), ==, expect);
    image_free(&mba);
    image_free(&modem);
    qtest_quit(qts);
}

static void test_bad_elf(void)
{
    check_bad_metadata(META_BAD_MAGIC, ERR_BAD_ELF);
    check_bad_metadata(META_PHDR0_LOAD, ERR_BAD_ELF);
    check_bad_metadata(META_NO_HASH, ERR_BAD_ELF);
    check_bad_metadata(META_FILESZ_GT_MEMSZ, ERR_BAD_ELF);
}

static void test_bad_hash_table(void)
{
    check_bad_metadata(META_SHORT_HASH, ERR_BAD_HASH_TABLE);
    check_bad_metadata(META_TABLE_BIT, ERR_BAD_HASH_TABLE);
    check_bad_metadata(META_HEADER_CHANGED, ERR_BAD_HASH_TABLE);
    check_bad_metadata(META_WRONG_ID, ERR_BAD_HASH_TABLE);
}

static void test_hash_mismatch(void)
{
    QTestState *qts = mss_start();
    Image mba, modem;

    image_build(&mba, 2, ID_MBA, 0);
    image_build(&modem, 4, ID_MODEM, 100);
    mss_boot_mba(qts, &mba);
    mss_send_metadata(qts, &modem);
    g_assert_cmpint(mba_status(qts), ==, ST_META_DATA_AUTH);
    /* segment 1 differs from what the hash segment promises */
    modem.file[modem.offset[1] + modem.filesz[1] - 1] ^= 1;
    mss_load_segments(qts, &modem, 0, 1);
    step_ms(qts, 1);
    g_assert_cmpint(mba_status(qts), ==, ST_META_DATA_AUTH);
    mss_load_segments(qts, &modem, 1, 2);
    step_ms(qts, 1);
    g_assert_cmpint(mba_status(qts), ==, ERR_HASH_MISMATCH);
    image_free(&mba);
    image_free(&modem);
    qtest_quit(qts);
}

/*
 * A segment of several MiB is hashed 1 MiB a tick of 20 us, not in one
 * go: the MBA takes 4 ticks over 3.5 MiB, and finds a byte changed at
 * its very end.
 */
#define BIG_SEGMENT (3 * 1024 * 1024 + 512 * 1024)

static void check_big_segment(bool corrupt)
{
    QTestState *qts = mss_start();
    Image mba, modem;

    image_build(&mba, 2, ID_MBA, 0);
    image_build_big(&modem, 3, ID_MODEM, 100, BIG_SEGMENT);
    mss_boot_mba(qts, &mba);
    mss_send_metadata(qts, &modem);
    g_assert_cmpint(mba_status(qts), ==, ST_META_DATA_AUTH);
    if (corrupt) {
        modem.file[modem.offset[0] + BIG_SEGMENT - 1] ^= 1;
    }
    mss_load_segments(qts, &modem, 0, modem.nload);
    /* the tick the last CODE_LENGTH write set, and 2 more: 3 MiB hashed */
    qtest_clock_step(qts, 3 * 20 * 1000);
    g_assert_cmpint(mba_status(qts), ==, ST_META_DATA_AUTH);
    qtest_clock_step(qts, 20 * 1000);
    g_assert_cmpint(mba_status(qts), ==,
                    corrupt ? ERR_HASH_MISMATCH : ST_AUTH_COMPLETE);
    image_free(&mba);
    image_free(&modem);
    qtest_quit(qts);
}

static void test_big_segment(void)
{
    check_big_segment(false);
    check_big_segment(true);
}

static void test_bad_sequence(void)
{
    QTestState *qts = mss_start();
    Image mba, modem;

    image_build(&mba, 2, ID_MBA, 0);
    image_build(&modem, 3, ID_MODEM, 100);

    /* LOAD_READY before the metadata */
    mss_boot_mba(qts, &mba);
    rmb_wr(qts, RMB_MBA_COMMAND, 2);
    g_assert_cmpint(mba_status(qts), ==, ERR_BAD_COMMAND);

    /* a code length beyond the image */
    mss_boot_mba(qts, &mba);
    mss_send_metadata(qts, &modem);
    mss_load_segments(qts, &modem, 0, modem.nload);
    rmb_wr(qts, RMB_PMI_CODE_LENGTH, image_code_size(&modem) + 0x1000);
    step_ms(qts, 1);
    g_assert_cmpint(mba_status(qts), ==, ERR_BAD_LENGTH);
    image_free(&mba);
    image_free(&modem);
    qtest_quit(qts);
}

/* Reset while the MBA checks segments: everything stops, cleanly. */
static void test_reset_mid_auth(void)
{
    QTestState *qts = mss_start();
    Image mba, modem;

    image_build(&mba, 2, ID_MBA, 0);
    image_build(&modem, 4, ID_MODEM, 6000);

    /* MBA_ALT_RESET with segment checks pending on the timer */
    mss_boot_mba(qts, &mba);
    mss_send_metadata(qts, &modem);
    mss_load_segments(qts, &modem, 0, 2);
    rmb_wr(qts, RMB_MBA_ALT_RESET, 1);
    g_assert_cmpint(mba_status(qts), ==, 0);
    g_assert_cmphex(rmb_rd(qts, RMB_PBL_STATUS), ==, 0);
    g_assert_cmphex(rmb_rd(qts, RMB_MBA_MSS_STATUS), ==, 0);
    step_ms(qts, 20);
    g_assert_cmpint(mba_status(qts), ==, 0);
    /* commands reach no MBA now */
    rmb_wr(qts, RMB_MBA_COMMAND, 1);
    step_ms(qts, 5);
    g_assert_cmpint(mba_status(qts), ==, 0);

    /* mss_restart from the AOSS while the metadata is being read */
    mss_boot_mba(qts, &mba);
    rmb_wr(qts, RMB_PMI_CODE_LENGTH, 0);
    qtest_memwrite(qts, META_ADDR, modem.file, modem.hdr_len);
    qtest_memwrite(qts, META_ADDR + modem.hdr_len,
                   modem.file + modem.hash_off, modem.hash_len);
    rmb_wr(qts, RMB_PMI_META_DATA, META_ADDR);
    rmb_wr(qts, RMB_MBA_COMMAND, 1);
    qtest_set_irq_in(qts, MSS_PATH, "mss_restart", 0, 1);
    qtest_set_irq_in(qts, MSS_PATH, "mss_restart", 0, 0);
    step_ms(qts, 20);
    g_assert_cmpint(mba_status(qts), ==, 0);

    /* pdc_reset holds the core: BOOT_CMD is ignored */
    qtest_set_irq_in(qts, MSS_PATH, "pdc_reset", 0, 1);
    qtest_writel(qts, QDSP6 + QDSP6SS_SLEEP, 1);
    qtest_writel(qts, QDSP6 + QDSP6SS_BOOT_CORE_START, 1);
    qtest_writel(qts, QDSP6 + QDSP6SS_BOOT_CMD, 1);
    step_ms(qts, 20);
    g_assert_cmphex(rmb_rd(qts, RMB_MBA_MSS_STATUS), ==, 0);
    qtest_set_irq_in(qts, MSS_PATH, "pdc_reset", 0, 0);

    /* and the whole boot works again afterwards */
    mss_boot_mba(qts, &mba);
    mss_send_metadata(qts, &modem);
    mss_load_segments(qts, &modem, 0, modem.nload);
    step_ms(qts, 1);
    g_assert_cmpint(mba_status(qts), ==, ST_AUTH_COMPLETE);

    /* a system reset stops the modem too */
    qtest_qmp_assert_success(qts, "{'execute': 'system_reset'}");
    qtest_qmp_eventwait(qts, "RESET");
    g_assert_cmpint(mba_status(qts), ==, 0);
    g_assert_cmphex(rmb_rd(qts, RMB_MBA_MSS_STATUS), ==, 0);
    image_free(&mba);
    image_free(&modem);
    qtest_quit(qts);
}

static uint32_t halt_rd(QTestState *qts, unsigned port, unsigned reg)
{
    return qtest_readl(qts, TCSR + port + reg);
}

/* q6v5proc_halt_axi_port, on each port */
static void halt_port(QTestState *qts, unsigned port)
{
    g_assert_cmphex(halt_rd(qts, port, IDLE), ==, 0);
    qtest_writel(qts, TCSR + port + HALTREQ, 1);
    g_assert_cmphex(halt_rd(qts, port, HALTACK), ==, 1);
    g_assert_cmphex(halt_rd(qts, port, IDLE), ==, 1);
    qtest_writel(qts, TCSR + port + HALTREQ, 0);
    g_assert_cmphex(halt_rd(qts, port, HALTACK), ==, 0);
}

static void test_halt(void)
{
    QTestState *qts = mss_start();
    static const unsigned ports[] = { HALT_Q6, HALT_MODEM, HALT_NC };
    Image mba, modem;

    image_build(&mba, 2, ID_MBA, 0);
    image_build(&modem, 3, ID_MODEM, 100);
    /* a stopped core's ports are idle */
    for (int i = 0; i < 3; i++) {
        g_assert_cmphex(halt_rd(qts, ports[i], IDLE), ==, 1);
        g_assert_cmphex(halt_rd(qts, ports[i], HALTACK), ==, 0);
    }
    mss_boot_mba(qts, &mba);
    for (int i = 0; i < 3; i++) {
        halt_port(qts, ports[i]);
    }

    /* the MBA cannot read through a halted Q6 port */
    qtest_writel(qts, TCSR + HALT_Q6 + HALTREQ, 1);
    mss_send_metadata(qts, &modem);
    g_assert_cmpint(mba_status(qts), ==, ERR_DMA);
    qtest_writel(qts, TCSR + HALT_Q6 + HALTREQ, 0);
    /* the driver's reclaim: reset; ports idle again */
    rmb_wr(qts, RMB_MBA_ALT_RESET, 1);
    for (int i = 0; i < 3; i++) {
        g_assert_cmphex(halt_rd(qts, ports[i], IDLE), ==, 1);
    }
    image_free(&mba);
    image_free(&modem);
    qtest_quit(qts);
}

/*
 * The driver forgot to hand the metadata to the modem: the MBA's read is
 * an XPU violation of the MSS master, and the MBA reports a DMA fault.
 */
static void test_xpu_fault(void)
{
    QTestState *qts = qtest_init(MACHINE_ARGS);
    Image mba, modem;
    QDict *ev, *data;
    char *out;

    out = qtest_hmp(qts, "xpu-assign 0x90000000 0x100000 " VMIDS_SHARED);
    g_assert_cmpstr(out, ==, "");
    g_free(out);
    image_build(&mba, 2, ID_MBA, 0);
    image_build(&modem, 3, ID_MODEM, 6000);
    mss_boot_mba(qts, &mba);
    mss_send_metadata(qts, &modem);
    g_assert_cmpint(mba_status(qts), ==, ERR_DMA);

    ev = qtest_qmp_eventwait_ref(qts, "XPU_VIOLATION");
    data = qdict_get_qdict(ev, "data");
    g_assert_cmphex(qdict_get_int(data, "address"), ==, META_ADDR);
    g_assert_cmpstr(qdict_get_str(data, "master"), ==, "mss");
    g_assert_cmpint(qdict_get_int(data, "vmid"), ==, 15);
    g_assert_cmpstr(qdict_get_str(data, "kind"), ==, "read");
    qobject_unref(ev);

    /* the PBL cannot read an MBA that was not handed over either */
    out = qtest_hmp(qts, "xpu-assign 0x90000000 0x100000 0x8 0x8");
    g_assert_cmpstr(out, ==, "");
    g_free(out);
    mss_boot_core(qts);
    step_ms(qts, 2);
    g_assert_cmphex(rmb_rd(qts, RMB_PBL_STATUS), ==, (uint32_t)ERR_DMA);
    ev = qtest_qmp_eventwait_ref(qts, "XPU_VIOLATION");
    data = qdict_get_qdict(ev, "data");
    g_assert_cmphex(qdict_get_int(data, "address"), ==, MBA_ADDR);
    g_assert_cmpstr(qdict_get_str(data, "master"), ==, "mss");
    qobject_unref(ev);
    image_free(&mba);
    image_free(&modem);
    qtest_quit(qts);
}

/*
 * With the XPU's default action the modem's denied read resets the SoC:
 * QEMU exits with status 1 and the report names the MSS master.
 */
static void test_xpu_fault_crash(void)
{
    g_autofree char *path = NULL;
    g_autofree char *args = NULL;
    g_autofree char *log = NULL;
    g_autoptr(GError) err = NULL;
    int fd = g_file_open_tmp("qcom-mss-crash-XXXXXX.log", &path, &err);
    QTestState *qts;
    Image mba, modem;
    QDict *ev;
    char *out;

    g_assert_no_error(err);
    close(fd);
    args = g_strdup_printf("-M db845c -smp 1 2>%s", path);
    qts = qtest_init(args);
    out = qtest_hmp(qts, "xpu-assign 0x90000000 0x100000 " VMIDS_SHARED);
    g_assert_cmpstr(out, ==, "");
    g_free(out);
    image_build(&mba, 2, ID_MBA, 0);
    image_build(&modem, 3, ID_MODEM, 100);
    mss_boot_mba(qts, &mba);
    qtest_set_expected_status(qts, 1);
    mss_send_metadata(qts, &modem);
    ev = qtest_qmp_eventwait_ref(qts, "SHUTDOWN");
    g_assert_cmpstr(qdict_get_str(qdict_get_qdict(ev, "data"), "reason"),
                    ==, "guest-panic");
    qobject_unref(ev);
    qtest_quit(qts);

    g_assert_true(g_file_get_contents(path, &log, NULL, &err));
    unlink(path);
    g_assert_nonnull(strstr(log, "master   mss (VMID 15 MSS_MSA)"));
    g_assert_nonnull(strstr(log, "action   crash"));
    image_free(&mba);
    image_free(&modem);
}

/*
 * Malformed metadata never hangs or crashes the model: bit flips, edge
 * values in header, phdr and hash-header words, each answered with
 * META_DATA_AUTH_SUCCESS (a change the MBA does not check, e.g. in the
 * certificate filler) or an error code.
 */
static void test_fuzz_metadata(void)
{
    static const uint32_t edge[] = {
        0, 1, 2, 0x34, 0x1000, 0x7fffffff, 0x80000000, 0xfffffffe,
        0xffffffff,
    };
    QTestState *qts = mss_start();
    GRand *rand = g_rand_new_with_seed(0x4d5353);
    Image mba, modem;
    size_t len;
    uint8_t *blob;

    image_build(&mba, 2, ID_MBA, 0);
    image_build(&modem, 4, ID_MODEM, 600);
    len = modem.hdr_len + modem.hash_len;
    blob = g_malloc(len);
    for (int n = 0; n < 120; n++) {
        int32_t st;

        memcpy(blob, modem.file, modem.hdr_len);
        memcpy(blob + modem.hdr_len, modem.file + modem.hash_off,
               modem.hash_len);
        if (n % 2) {
            for (int k = g_rand_int_range(rand, 1, 5); k; k--) {
                size_t bit = g_rand_int_range(rand, 0, len * 8);

                blob[bit / 8] ^= 1 << (bit % 8);
            }
        } else {
            size_t words = (modem.hdr_len + MBN_HDR_SIZE) / 4;

            stl_le_p(blob + 4 * g_rand_int_range(rand, 0, words),
                     edge[g_rand_int_range(rand, 0, ARRAY_SIZE(edge))]);
        }
        rmb_wr(qts, RMB_MBA_ALT_RESET, 1);
        mss_boot_mba(qts, &mba);
        rmb_wr(qts, RMB_PMI_CODE_LENGTH, 0);
        qtest_memwrite(qts, META_ADDR, blob, len);
        rmb_wr(qts, RMB_PMI_META_DATA, META_ADDR);
        rmb_wr(qts, RMB_MBA_COMMAND, 1);
        step_ms(qts, 1);
        st = mba_status(qts);
        if (st != ST_META_DATA_AUTH) {
            g_assert_cmpint(st, <=, ERR_DMA);
            g_assert_cmpint(st, >=, ERR_BAD_LENGTH);
        }
    }
    g_free(blob);
    g_rand_free(rand);
    image_free(&mba);
    image_free(&modem);
    qtest_quit(qts);
}

/* ---- the running modem: SMEM, SMP2P, TCSR mutex, APCS IPC ----------- */

#define SMEM            0x86000000ULL
#define SMEM_SIZE       0x200000u
#define SMEM_TOC        0xd0
#define SMEM_HEAP       (0xd0 + 512 * 16)
#define TCSR_MUTEX      0x01f40000ULL
#define APCS_IPC        0x17990000ULL
#define SPI_WDOG        266
#define SPI_SMP2P       451
#define SMP2P_MAGIC     0x504d5324
#define ITEM_CRASH      421
#define ITEM_APPS_OUT   428
#define ITEM_MSS_OUT    435
#define BIT_FATAL       (1u << 0)
#define BIT_READY       (1u << 1)
#define BIT_HANDOVER    (1u << 2)
#define BIT_STOP_ACK    (1u << 3)

/* qcom_smem_get_global: address of an item, 0 if not allocated */
static uint64_t smem_item(QTestState *qts, unsigned item, uint32_t *size)
{
    uint64_t e = SMEM + SMEM_TOC + item * 16;

    if (!qtest_readl(qts, e)) {
        return 0;
    }
    if (size) {
        *size = qtest_readl(qts, e + 8);
    }
    return SMEM + qtest_readl(qts, e + 4);
}

/* hwspinlock: write our id, read it back; unlock: write 0 */
static bool mutex_lock(QTestState *qts, unsigned n, uint32_t id)
{
    qtest_writel(qts, TCSR_MUTEX + n * 0x1000, id);
    return qtest_readl(qts, TCSR_MUTEX + n * 0x1000) == id;
}

static void mutex_unlock(QTestState *qts, unsigned n)
{
    qtest_writel(qts, TCSR_MUTEX + n * 0x1000, 0);
}

/*
 * What smp2p.c's probe does on the APPS side: item 428 in SMP2P version
 * @version (6.x: 1; 7.x: 2 until it sees the modem's), master-kernel,
 * then a kick of the modem
 */
static uint64_t apps_smp2p_publish(QTestState *qts, uint8_t version)
{
    uint32_t free_off, avail;
    uint64_t e = SMEM + SMEM_TOC + ITEM_APPS_OUT * 16, item;

    g_assert_true(mutex_lock(qts, 3, 1));
    free_off = qtest_readl(qts, SMEM + 0xc4);
    avail = qtest_readl(qts, SMEM + 0xc8);
    qtest_writel(qts, e + 4, free_off);
    qtest_writel(qts, e + 8, 344);
    qtest_writel(qts, e, 1);
    qtest_writel(qts, SMEM + 0xc4, free_off + 344);
    qtest_writel(qts, SMEM + 0xc8, avail - 344);
    mutex_unlock(qts, 3);

    item = SMEM + free_off;
    qtest_memset(qts, item, 0, 340);
    qtest_writel(qts, item, SMP2P_MAGIC);
    qtest_writew(qts, item + 8, 0);
    qtest_writew(qts, item + 10, 1);
    qtest_writew(qts, item + 12, 16);
    qtest_writew(qts, item + 14, 1);
    qtest_memwrite(qts, item + 20, "master-kernel", 14);
    qtest_writeb(qts, item + 4, version);
    qtest_writel(qts, APCS_IPC + 0xc, 1u << 14);
    return item;
}

static uint64_t apps_smp2p_init(QTestState *qts)
{
    return apps_smp2p_publish(qts, 1);
}

/* Boot the MBA, then the modem image to AUTH_COMPLETE */
static void modem_boot(QTestState *qts, Image *modem)
{
    Image mba;

    image_build(&mba, 2, ID_MBA, 0);
    mss_boot_mba(qts, &mba);
    mss_send_metadata(qts, modem);
    mss_load_segments(qts, modem, 0, modem->nload);
    step_ms(qts, 1);
    g_assert_cmpint(mba_status(qts), ==, ST_AUTH_COMPLETE);
    image_free(&mba);
}

/* Boot to AUTH_COMPLETE and let the modem come up */
static QTestState *modem_up(void)
{
    QTestState *qts = mss_start();
    Image modem;

    gic_spi_edge(qts, SPI_SMP2P);
    gic_spi_edge(qts, SPI_WDOG);
    image_build(&modem, 3, ID_MODEM, 0);
    modem_boot(qts, &modem);
    image_free(&modem);
    return qts;
}

static uint32_t modem_bits(QTestState *qts)
{
    uint64_t item = smem_item(qts, ITEM_MSS_OUT, NULL);

    g_assert_cmphex(item, !=, 0);
    return qtest_readl(qts, item + 20 + 16);
}

/* The header as smem.c's probe checks it (version 11, global heap) */
static void test_smem_header(void)
{
    QTestState *qts = qtest_init(MACHINE_ARGS);
    uint32_t free_off = qtest_readl(qts, SMEM + 0xc4);
    uint32_t avail = qtest_readl(qts, SMEM + 0xc8);

    g_assert_cmphex(qtest_readl(qts, SMEM + 0x5c) >> 16, ==, 11);
    g_assert_cmphex(qtest_readl(qts, SMEM + 0xc0), ==, 1);
    g_assert_cmphex(qtest_readl(qts, SMEM + 0xcc), ==, 0);
    g_assert_cmphex(free_off, ==, SMEM_HEAP);
    g_assert_cmphex(free_off + avail, <=, SMEM_SIZE - 0x1000);
    g_assert_cmphex(avail, >, 64 * 1024);
    /* no "$TOC": no partitions */
    g_assert_cmphex(qtest_readl(qts, SMEM + SMEM_SIZE - 0x1000), ==, 0);
    g_assert_cmphex(smem_item(qts, ITEM_MSS_OUT, NULL), ==, 0);
    /* laid out again at every reset */
    qtest_writel(qts, SMEM + 0xc0, 0);
    qtest_system_reset(qts);
    g_assert_cmphex(qtest_readl(qts, SMEM + 0xc0), ==, 1);
    qtest_quit(qts);
}

static void test_tcsr_mutex(void)
{
    QTestState *qts = qtest_init(MACHINE_ARGS);

    g_assert_cmphex(qtest_readl(qts, TCSR_MUTEX + 0x3000), ==, 0);
    g_assert_true(mutex_lock(qts, 3, 1));
    /* another processor (id 2) cannot take it; the owner keeps it */
    g_assert_false(mutex_lock(qts, 3, 2));
    g_assert_cmphex(qtest_readl(qts, TCSR_MUTEX + 0x3000), ==, 1);
    /* other locks are independent */
    g_assert_true(mutex_lock(qts, 4, 2));
    g_assert_true(mutex_lock(qts, 31, 1));
    mutex_unlock(qts, 3);
    g_assert_true(mutex_lock(qts, 3, 2));
    mutex_unlock(qts, 3);
    mutex_unlock(qts, 4);
    g_assert_cmphex(qtest_readl(qts, TCSR_MUTEX + 0x4000), ==, 0);
    /* reset frees every lock */
    qtest_system_reset(qts);
    g_assert_cmphex(qtest_readl(qts, TCSR_MUTEX + 31 * 0x1000), ==, 0);
    qtest_quit(qts);
}

/* AUTH_COMPLETE -> item 435, version 1, ready + handover, SPI 451 */
static void test_smp2p_ready(void)
{
    QTestState *qts = modem_up();
    uint64_t item;
    uint32_t size;
    char name[16];

    g_assert_cmphex(smem_item(qts, ITEM_MSS_OUT, NULL), ==, 0);
    g_assert_false(gic_spi_pending(qts, SPI_SMP2P));
    step_ms(qts, 2);
    item = smem_item(qts, ITEM_MSS_OUT, &size);
    g_assert_cmphex(item, !=, 0);
    g_assert_cmpuint(size, >=, 340);
    g_assert_cmphex(qtest_readl(qts, item), ==, SMP2P_MAGIC);
    g_assert_cmphex(qtest_readb(qts, item + 4), ==, 1);
    g_assert_cmphex(qtest_readw(qts, item + 8), ==, 1);     /* local: mss */
    g_assert_cmphex(qtest_readw(qts, item + 10), ==, 0);    /* remote */
    g_assert_cmphex(qtest_readw(qts, item + 12), ==, 16);
    g_assert_cmphex(qtest_readw(qts, item + 14), ==, 2);
    qtest_memread(qts, item + 20, name, sizeof(name));
    g_assert_cmpstr(name, ==, "slave-kernel");
    qtest_memread(qts, item + 40, name, sizeof(name));
    g_assert_cmpstr(name, ==, "ipa");
    g_assert_cmphex(modem_bits(qts), ==, BIT_READY | BIT_HANDOVER);
    g_assert_true(gic_spi_pending(qts, SPI_SMP2P));
    /* the hardware lock was released */
    g_assert_cmphex(qtest_readl(qts, TCSR_MUTEX + 0x3000), ==, 0);
    qtest_quit(qts);
}

/* APPS holds the SMEM lock: the modem waits for it */
static void test_smp2p_lock_busy(void)
{
    QTestState *qts = modem_up();

    g_assert_true(mutex_lock(qts, 3, 1));
    step_ms(qts, 3);
    g_assert_cmphex(smem_item(qts, ITEM_MSS_OUT, NULL), ==, 0);
    mutex_unlock(qts, 3);
    step_ms(qts, 1);
    g_assert_cmphex(modem_bits(qts), ==, BIT_READY | BIT_HANDOVER);
    qtest_quit(qts);
}

/* q6v5_stop: master-kernel bit 0 + APCS IPC bit 14 -> stop-ack */
static void test_smp2p_stop(void)
{
    QTestState *qts = modem_up();
    uint64_t apps;

    step_ms(qts, 2);
    apps = apps_smp2p_init(qts);
    gic_spi_clear(qts, SPI_SMP2P);

    /* a doorbell without the stop bit changes nothing */
    qtest_writel(qts, APCS_IPC + 0xc, 1u << 14);
    g_assert_cmphex(modem_bits(qts), ==, BIT_READY | BIT_HANDOVER);
    g_assert_false(gic_spi_pending(qts, SPI_SMP2P));
    /* the stop bit without the doorbell neither */
    qtest_writel(qts, apps + 20 + 16, 1);
    g_assert_cmphex(modem_bits(qts), ==, BIT_READY | BIT_HANDOVER);
    /* another channel (GLINK, bit 12) is not the modem's SMP2P */
    qtest_writel(qts, APCS_IPC + 0xc, 1u << 12);
    g_assert_cmphex(modem_bits(qts), ==, BIT_READY | BIT_HANDOVER);
    qtest_writel(qts, APCS_IPC + 0xc, 1u << 14);
    g_assert_cmphex(modem_bits(qts), ==,
                    BIT_READY | BIT_HANDOVER | BIT_STOP_ACK);
    g_assert_true(gic_spi_pending(qts, SPI_SMP2P));
    g_assert_cmphex(qtest_readl(qts, APCS_IPC + 0xc), ==, 0);

    /* the driver's reclaim resets the modem: bits drop, kick */
    gic_spi_clear(qts, SPI_SMP2P);
    rmb_wr(qts, RMB_MBA_ALT_RESET, 1);
    g_assert_cmphex(modem_bits(qts), ==, 0);
    g_assert_true(gic_spi_pending(qts, SPI_SMP2P));
    qtest_quit(qts);
}

/*
 * SMP2P version negotiation: the modem speaks 1 and 2, takes the APPS
 * side's version when it comes up, steps down to a lower one, and rings
 * once both sides agree.
 */
static void test_smp2p_version(void)
{
    QTestState *qts = modem_up();
    uint64_t apps, mss;

    /* 7.x: APPS published version 2 before the modem came up */
    apps = apps_smp2p_publish(qts, 2);
    step_ms(qts, 2);
    mss = smem_item(qts, ITEM_MSS_OUT, NULL);
    g_assert_cmphex(qtest_readb(qts, mss + 4), ==, 2);
    g_assert_cmphex(modem_bits(qts), ==, BIT_READY | BIT_HANDOVER);
    g_assert_true(gic_spi_pending(qts, SPI_SMP2P));
    /* the same version again: nothing to say */
    gic_spi_clear(qts, SPI_SMP2P);
    qtest_writel(qts, APCS_IPC + 0xc, 1u << 14);
    g_assert_false(gic_spi_pending(qts, SPI_SMP2P));
    /* APPS steps down: so does the modem, and it rings */
    qtest_writeb(qts, apps + 4, 1);
    qtest_writel(qts, APCS_IPC + 0xc, 1u << 14);
    g_assert_cmphex(qtest_readb(qts, mss + 4), ==, 1);
    g_assert_true(gic_spi_pending(qts, SPI_SMP2P));
    /* and never goes up again */
    gic_spi_clear(qts, SPI_SMP2P);
    qtest_writeb(qts, apps + 4, 2);
    qtest_writel(qts, APCS_IPC + 0xc, 1u << 14);
    g_assert_cmphex(qtest_readb(qts, mss + 4), ==, 1);
    g_assert_false(gic_spi_pending(qts, SPI_SMP2P));
    qtest_quit(qts);

    /* 7.x: the modem came up first, in version 1 */
    qts = modem_up();
    step_ms(qts, 2);
    mss = smem_item(qts, ITEM_MSS_OUT, NULL);
    g_assert_cmphex(qtest_readb(qts, mss + 4), ==, 1);
    gic_spi_clear(qts, SPI_SMP2P);
    /* APPS says 2: the modem waits for it to step down */
    apps = apps_smp2p_publish(qts, 2);
    g_assert_cmphex(qtest_readb(qts, mss + 4), ==, 1);
    g_assert_false(gic_spi_pending(qts, SPI_SMP2P));
    /* it does: now they agree, and the modem's entries are news */
    qtest_writeb(qts, apps + 4, 1);
    qtest_writel(qts, APCS_IPC + 0xc, 1u << 14);
    g_assert_true(gic_spi_pending(qts, SPI_SMP2P));
    /* stop works in the agreed version */
    qtest_writel(qts, apps + 20 + 16, 1);
    qtest_writel(qts, APCS_IPC + 0xc, 1u << 14);
    g_assert_cmphex(modem_bits(qts), ==,
                    BIT_READY | BIT_HANDOVER | BIT_STOP_ACK);
    qtest_quit(qts);
}

static void check_crash_reason(QTestState *qts, const char *reason)
{
    uint32_t size;
    uint64_t at = smem_item(qts, ITEM_CRASH, &size);
    char buf[256];

    g_assert_cmphex(at, !=, 0);
    g_assert_cmpuint(size, ==, sizeof(buf));
    qtest_memread(qts, at, buf, sizeof(buf));
    g_assert_cmpstr(buf, ==, reason);
}

static void test_inject_fatal(void)
{
    QTestState *qts = modem_up();
    QDict *rsp;

    /* not before the modem runs */
    rsp = qtest_qmp(qts, "{'execute': 'qom-set', 'arguments': {"
                    "'path': '" MSS_PATH "', 'property': 'inject-fatal', "
                    "'value': 'too early'}}");
    g_assert_true(qdict_haskey(rsp, "error"));
    qobject_unref(rsp);

    step_ms(qts, 2);
    gic_spi_clear(qts, SPI_SMP2P);
    rsp = qtest_qmp(qts, "{'execute': 'qom-set', 'arguments': {"
                    "'path': '" MSS_PATH "', 'property': 'inject-fatal', "
                    "'value': 'err_fatal: mcfg_nv.c:123'}}");
    g_assert_false(qdict_haskey(rsp, "error"));
    qobject_unref(rsp);
    check_crash_reason(qts, "err_fatal: mcfg_nv.c:123");
    g_assert_cmphex(modem_bits(qts), ==,
                    BIT_READY | BIT_HANDOVER | BIT_FATAL);
    g_assert_true(gic_spi_pending(qts, SPI_SMP2P));
    g_assert_false(gic_spi_pending(qts, SPI_WDOG));

    /* recovery: the stop dance still gets its stop-ack */
    qtest_writel(qts, apps_smp2p_init(qts) + 20 + 16, 1);
    qtest_writel(qts, APCS_IPC + 0xc, 1u << 14);
    g_assert_cmphex(modem_bits(qts) & BIT_STOP_ACK, ==, BIT_STOP_ACK);
    qtest_quit(qts);
}

static void test_inject_wdog(void)
{
    QTestState *qts = modem_up();
    QDict *rsp;

    step_ms(qts, 2);
    gic_spi_clear(qts, SPI_SMP2P);
    rsp = qtest_qmp(qts, "{'execute': 'qom-set', 'arguments': {"
                    "'path': '" MSS_PATH "', 'property': 'inject-wdog', "
                    "'value': 'watchdog bite'}}");
    g_assert_false(qdict_haskey(rsp, "error"));
    qobject_unref(rsp);
    check_crash_reason(qts, "watchdog bite");
    g_assert_true(gic_spi_pending(qts, SPI_WDOG));
    g_assert_false(gic_spi_pending(qts, SPI_SMP2P));
    g_assert_cmphex(modem_bits(qts), ==, BIT_READY | BIT_HANDOVER);

    /* restart: the item stays, ready is a rising edge again */
    rmb_wr(qts, RMB_MBA_ALT_RESET, 1);
    g_assert_cmphex(modem_bits(qts), ==, 0);
    qtest_quit(qts);
}

static char *crash_dump(QTestState *qts)
{
    QDict *rsp = qtest_qmp(qts, "{'execute': 'qom-get', 'arguments': {"
                           "'path': '" MSS_PATH "', 'property': "
                           "'crash-dump'}}");
    char *dump = g_strdup(qdict_get_str(rsp, "return"));

    qobject_unref(rsp);
    return dump;
}

/*
 * What the crash-dump property must say of img as it lies in memory:
 * each loadable segment's p_paddr, p_memsz and the digest of its bytes
 * (its data, then the zero fill)
 */
static char *expected_dump(const Image *img)
{
    GString *out = g_string_new("");

    for (unsigned i = 0; i < img->nload; i++) {
        g_autofree uint8_t *mem = g_malloc0(img->memsz[i]);

        memcpy(mem, img->file + img->offset[i], img->filesz[i]);
        g_string_append_printf(out, "%s%x:%x:%016" PRIx64, i ? " " : "",
                               img->paddr[i], img->memsz[i],
                               qcom_dump_digest(QCOM_DUMP_DIGEST_INIT, mem,
                                                img->memsz[i]));
    }
    return g_string_free(out, false);
}

/*
 * The crash takes the digests of the image's segments as memory holds
 * them: what Linux's coredump must match. Memory changing afterwards
 * (the kernel reloading the image) does not change them; a machine reset
 * forgets them.
 */
static void test_crash_dump(void)
{
    QTestState *qts = mss_start();
    Image modem;
    g_autofree char *before = NULL, *want = NULL, *got = NULL;
    g_autofree char *later = NULL, *after_reset = NULL;

    image_build(&modem, 4, ID_MODEM, 0);
    modem_boot(qts, &modem);
    step_ms(qts, 2);
    before = crash_dump(qts);
    g_assert_cmpstr(before, ==, "");
    qtest_qmp_assert_success(qts, "{'execute': 'qom-set', 'arguments': {"
                             "'path': '" MSS_PATH "', 'property': "
                             "'inject-fatal', 'value': 'dump me'}}");
    want = expected_dump(&modem);
    got = crash_dump(qts);
    g_assert_cmpstr(got, ==, want);

    qtest_memset(qts, MPSS_ADDR, 0x5a, 0x100);
    later = crash_dump(qts);
    g_assert_cmpstr(later, ==, want);

    qtest_qmp_assert_success(qts, "{'execute': 'system_reset'}");
    after_reset = crash_dump(qts);
    g_assert_cmpstr(after_reset, ==, "");
    image_free(&modem);
    qtest_quit(qts);
}

/*
 * crash-at-boot: the first boot after reset that authenticates its image
 * raises fatal with the reason instead of ready and handover, once; a
 * machine reset arms it again.
 */
static void test_crash_at_boot(void)
{
    QTestState *qts = mss_start_args("-global qcom-q6v5-mss.crash-at-boot="
                                     "boot-crash");
    Image modem;
    g_autofree char *dump = NULL;

    image_build(&modem, 3, ID_MODEM, 0);
    for (int round = 0; round < 2; round++) {
        /* the GIC's configuration too is reset */
        gic_spi_edge(qts, SPI_SMP2P);
        modem_boot(qts, &modem);
        step_ms(qts, 2);
        g_assert_cmphex(modem_bits(qts), ==, BIT_FATAL);
        g_assert_true(gic_spi_pending(qts, SPI_SMP2P));
        gic_spi_clear(qts, SPI_SMP2P);
        check_crash_reason(qts, "boot-crash");
        dump = crash_dump(qts);
        g_assert_cmpstr(dump, !=, "");
        g_free(dump);
        dump = NULL;
        /* the driver's error path: the subsystem is reset */
        rmb_wr(qts, RMB_MBA_ALT_RESET, 1);
        rmb_wr(qts, RMB_MBA_ALT_RESET, 0);
        g_assert_cmphex(modem_bits(qts), ==, 0);

        /* the next boot comes up */
        modem_boot(qts, &modem);
        step_ms(qts, 2);
        g_assert_cmphex(modem_bits(qts), ==, BIT_READY | BIT_HANDOVER);
        qtest_qmp_assert_success(qts, "{'execute': 'system_reset'}");
        g_free(qtest_hmp(qts, "xpu-assign " MODEM_REGION " " VMIDS_SHARED));
    }
    image_free(&modem);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("/qcom-q6v5-mss/auth-complete", test_auth_complete);
    qtest_add_func("/qcom-q6v5-mss/registers", test_register_basics);
    qtest_add_func("/qcom-q6v5-mss/bad-mba", test_bad_mba);
    qtest_add_func("/qcom-q6v5-mss/bad-elf", test_bad_elf);
    qtest_add_func("/qcom-q6v5-mss/bad-hash-table", test_bad_hash_table);
    qtest_add_func("/qcom-q6v5-mss/hash-mismatch", test_hash_mismatch);
    qtest_add_func("/qcom-q6v5-mss/big-segment", test_big_segment);
    qtest_add_func("/qcom-q6v5-mss/bad-sequence", test_bad_sequence);
    qtest_add_func("/qcom-q6v5-mss/reset-mid-auth", test_reset_mid_auth);
    qtest_add_func("/qcom-q6v5-mss/halt", test_halt);
    qtest_add_func("/qcom-q6v5-mss/xpu-fault", test_xpu_fault);
    qtest_add_func("/qcom-q6v5-mss/xpu-fault-crash", test_xpu_fault_crash);
    qtest_add_func("/qcom-q6v5-mss/fuzz-metadata", test_fuzz_metadata);
    qtest_add_func("/qcom-q6v5-mss/smem-header", test_smem_header);
    qtest_add_func("/qcom-q6v5-mss/tcsr-mutex", test_tcsr_mutex);
    qtest_add_func("/qcom-q6v5-mss/smp2p-ready", test_smp2p_ready);
    qtest_add_func("/qcom-q6v5-mss/smp2p-lock-busy", test_smp2p_lock_busy);
    qtest_add_func("/qcom-q6v5-mss/smp2p-stop", test_smp2p_stop);
    qtest_add_func("/qcom-q6v5-mss/smp2p-version", test_smp2p_version);
    qtest_add_func("/qcom-q6v5-mss/inject-fatal", test_inject_fatal);
    qtest_add_func("/qcom-q6v5-mss/inject-wdog", test_inject_wdog);
    qtest_add_func("/qcom-q6v5-mss/crash-dump", test_crash_dump);
    qtest_add_func("/qcom-q6v5-mss/crash-at-boot", test_crash_at_boot);
    return g_test_run();
}
