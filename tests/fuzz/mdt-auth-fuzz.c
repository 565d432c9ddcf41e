/*
 * libFuzzer target: the firmware image authentication rules
 * (hw/remoteproc/qcom-mdt-auth.c), as the models call them
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * An input is one selector byte and an image:
 *
 *   byte 0, bits [2:0]  the image id checked against (mod 5): MPSS, MBA,
 *                       ADSP, CDSP, SLPI
 *   byte 0, bits [6:3]  n: the segments are hashed 61 << n bytes a tick
 *   bytes 1..           the image, as guest memory from address 0: reads
 *                       beyond its end fail as a DMA fault does
 *
 * Each input goes through every path a model takes:
 *
 *  - the image as a saved metadata blob, parsed whole with its length
 *    (the MSS's and PAS's post_load);
 *  - the blob read from memory at 0, its size from its own headers
 *    (TrustZone's INIT_IMAGE, the MBA's metadata command), then its
 *    segments' SHA-256 a budget at a time from the memory right after
 *    it, as the MBA (mss_mba_load) and AUTH_AND_RESET hash them;
 *  - the image as a whole MBA file, as the PBL reads it (mss_pbl_check,
 *    mirrored here: its bounds are the model's code, the parser calls
 *    the unit's), with the tools' check of a segment in a file.
 *
 * Besides the sanitizers, the API's contract is checked: an error names
 * itself and leaves the image cleared; a parsed image's segments lie in
 * the bounds it reports; the ways of reading metadata and of hashing a
 * segment agree. A breach aborts, which libFuzzer reports as a crash.
 */

#include "qemu/osdep.h"
#include "fuzz.h"
#include "hw/remoteproc/qcom-mdt-auth.h"

/* The models' limits (qcom-q6v5-mss.h, qcom-scm-pas.c's PAS_MAX_META) */
#define MAX_MBA_SIZE    (1 * 1024 * 1024)
#define MAX_META_SIZE   (1 * 1024 * 1024)

#define PH(phdrs, i, f) qcom_mdt_phdr(phdrs, i, QCOM_MDT_P_##f)

typedef struct FuzzMem {
    const uint8_t *data;
    size_t size;
} FuzzMem;

static const uint32_t image_ids[] = {
    QCOM_MDT_ID_MPSS, QCOM_MDT_ID_MBA, QCOM_MDT_ID_ADSP, QCOM_MDT_ID_CDSP,
    QCOM_MDT_ID_SLPI,
};

static bool fuzz_read(void *opaque, uint64_t addr, void *buf, uint32_t len)
{
    const FuzzMem *m = opaque;

    if (addr > m->size || len > m->size - addr) {
        return false;
    }
    memcpy(buf, m->data + addr, len);
    return true;
}

static void check_error(QcomMdtError err, const char *why,
                        const QcomMdtImage *img)
{
    CHECK(err > QCOM_MDT_OK && err <= QCOM_MDT_READ_FAULT);
    CHECK(why && strlen(why) > 0);
    CHECK(!img->segs && !img->nsegs);
}

/* What a parsed image says must hold together */
static void check_image(const QcomMdtImage *img)
{
    uint64_t total = 0;

    CHECK(img->phnum >= 2 && img->phnum <= QCOM_MDT_MAX_PHDRS);
    CHECK(img->hash_index >= 1 && (uint32_t)img->hash_index < img->phnum);
    CHECK(img->nsegs >= 1 && img->nsegs <= img->phnum - 2);
    CHECK(img->min_paddr <= img->max_paddr);
    for (uint32_t i = 0; i < img->nsegs; i++) {
        const QcomMdtSegment *seg = &img->segs[i];

        CHECK(seg->index >= 1 && seg->index < img->phnum);
        CHECK(seg->index != (uint32_t)img->hash_index);
        CHECK(!i || seg->index > img->segs[i - 1].index);
        CHECK(seg->memsz && seg->filesz <= seg->memsz);
        CHECK(seg->paddr >= img->min_paddr);
        CHECK((uint64_t)seg->paddr + seg->memsz <= img->max_paddr);
        total += seg->memsz;
    }
    CHECK(total == img->total_memsz);
}

static void images_equal(const QcomMdtImage *a, const QcomMdtImage *b)
{
    CHECK(a->nsegs == b->nsegs && a->phnum == b->phnum &&
          a->hash_index == b->hash_index &&
          a->min_paddr == b->min_paddr && a->max_paddr == b->max_paddr &&
          a->relocatable == b->relocatable);
    CHECK(!memcmp(a->segs, b->segs, a->nsegs * sizeof(*a->segs)));
}

/*
 * The segments where a loader put them (relocated: at p_paddr - the
 * lowest p_paddr into a region at base), hashed as the MBA's
 * mss_mba_load and PAS's pas_auth_segments do: a budget a tick (a call)
 * that the segments share, a new tick when it is spent. Where a reset
 * would come (the third tick of an odd segment), the hash is cancelled
 * and the segment hashed again. A digest done must be the one-shot one.
 */
static void hash_segments(FuzzMem *m, const QcomMdtImage *img, uint64_t base,
                          uint64_t slice)
{
    uint64_t budget = slice;

    for (uint32_t i = 0; i < img->nsegs; i++) {
        const QcomMdtSegment *seg = &img->segs[i];
        uint64_t addr = base + seg->paddr - img->min_paddr;
        uint8_t digest[QCOM_MDT_DIGEST_SIZE], whole[QCOM_MDT_DIGEST_SIZE];
        QcomMdtHash h = { 0 };
        QcomMdtHashStep step;
        unsigned ticks = 0;
        bool reset = false;

        qcom_mdt_hash_start(&h, addr, seg->filesz);
        for (;;) {
            uint64_t before = budget;

            step = qcom_mdt_hash_step(&h, fuzz_read, m, &budget, digest);
            CHECK(budget <= before);
            CHECK(step == QCOM_MDT_HASH_MORE ? !budget && h.ck : !h.ck);
            if (step != QCOM_MDT_HASH_MORE) {
                break;
            }
            budget = slice;
            if (++ticks == 3 && i & 1 && !reset) {
                qcom_mdt_hash_cancel(&h);
                CHECK(!h.ck);
                reset = true;
                qcom_mdt_hash_start(&h, addr, seg->filesz);
            }
        }
        CHECK(qcom_mdt_sha256_read(fuzz_read, m, addr, seg->filesz, whole) ==
              (step != QCOM_MDT_HASH_FAULT));
        CHECK(step != QCOM_MDT_HASH_DONE || !memcmp(digest, whole,
                                                    sizeof(whole)));
        if (step == QCOM_MDT_HASH_FAULT) {
            break;
        }
    }
}

/* A saved blob, given whole with its length (the models' post_load) */
static void fuzz_parse_metadata(FuzzMem *m, uint32_t image_id)
{
    const char *why = NULL;
    QcomMdtImage img;
    QcomMdtError err;

    err = qcom_mdt_parse_metadata(m->data, m->size, image_id, &img, &why);
    if (err) {
        check_error(err, why, &img);
        return;
    }
    check_image(&img);
    qcom_mdt_image_clear(&img);
    CHECK(!img.segs && !img.nsegs);
}

/*
 * The blob read from memory, its size from its headers (INIT_IMAGE, the
 * MBA's metadata command); then the segments, loaded after it.
 */
static void fuzz_read_metadata(FuzzMem *m, uint32_t image_id,
                               uint64_t slice)
{
    const char *why = NULL, *why2 = NULL;
    QcomMdtImage img, again;
    QcomMdtError err;
    uint8_t *meta;
    uint32_t len;

    err = qcom_mdt_read_metadata(fuzz_read, m, 0, MAX_META_SIZE, image_id,
                                 &meta, &len, &img, &why);
    if (err) {
        check_error(err, why, &img);
        CHECK(!meta && !len);
        return;
    }
    check_image(&img);
    CHECK(len <= MAX_META_SIZE && len <= m->size);
    CHECK(!memcmp(meta, m->data, len));
    /* the blob it read parses the same in place */
    CHECK(qcom_mdt_parse_metadata(meta, len, image_id, &again, &why2) ==
          QCOM_MDT_OK);
    images_equal(&img, &again);
    qcom_mdt_image_clear(&again);
    hash_segments(m, &img, len, slice);
    qcom_mdt_image_clear(&img);
    g_free(meta);
}

/*
 * mss_pbl_check: the MBA as a whole ELF file of at most 1 MiB (header,
 * phdrs, the hash segment at its p_offset, the segments at theirs).
 */
static void fuzz_pbl(FuzzMem *m, uint32_t image_id)
{
    uint8_t eh[QCOM_MDT_EHDR_SIZE];
    g_autofree uint8_t *phdrs = NULL;
    g_autofree uint8_t *hash = NULL;
    g_autofree uint8_t *headers = NULL;
    const char *why = NULL;
    uint32_t phnum, hoff, hsize, hdr_size;
    QcomMdtImage img;
    QcomMdtError err;
    int hidx;

    if (!fuzz_read(m, 0, eh, sizeof(eh))) {
        return;
    }
    err = qcom_mdt_check_ehdr(eh, &phnum, &why);
    if (err) {
        CHECK(err == QCOM_MDT_BAD_ELF && why);
        return;
    }
    CHECK(phnum >= 2 && phnum <= QCOM_MDT_MAX_PHDRS);
    phdrs = g_malloc(phnum * QCOM_MDT_PHDR_SIZE);
    if (!fuzz_read(m, QCOM_MDT_EHDR_SIZE, phdrs,
                   phnum * QCOM_MDT_PHDR_SIZE)) {
        return;
    }
    hidx = qcom_mdt_find_hash(phdrs, phnum);
    if (hidx < 0) {
        return;
    }
    CHECK(hidx >= 1 && (uint32_t)hidx < phnum);
    hoff = PH(phdrs, hidx, OFFSET);
    hsize = PH(phdrs, hidx, FILESZ);
    if (hoff > MAX_MBA_SIZE || hsize > MAX_MBA_SIZE - hoff) {
        return;
    }
    hash = g_malloc(hsize + 1);
    if (!fuzz_read(m, hoff, hash, hsize)) {
        return;
    }
    hdr_size = PH(phdrs, 0, FILESZ);
    if (hdr_size < QCOM_MDT_EHDR_SIZE + phnum * QCOM_MDT_PHDR_SIZE ||
        hdr_size > MAX_MBA_SIZE) {
        return;
    }
    headers = g_malloc(hdr_size);
    if (!fuzz_read(m, 0, headers, hdr_size)) {
        return;
    }
    err = qcom_mdt_parse(headers, hdr_size, hash, hsize, image_id, &img,
                         &why);
    if (err) {
        check_error(err, why, &img);
        return;
    }
    check_image(&img);
    for (uint32_t i = 0; i < img.nsegs; i++) {
        const QcomMdtSegment *seg = &img.segs[i];
        uint8_t digest[QCOM_MDT_DIGEST_SIZE];
        bool match;

        if (!seg->filesz) {
            continue;
        }
        if (seg->offset > MAX_MBA_SIZE ||
            seg->filesz > MAX_MBA_SIZE - seg->offset ||
            !qcom_mdt_sha256_read(fuzz_read, m, seg->offset, seg->filesz,
                                  digest)) {
            break;
        }
        /* the tools' check of a segment in a file says the same */
        match = !memcmp(digest, seg->digest, sizeof(digest));
        CHECK(qcom_mdt_check_segment(seg, m->data + seg->offset, &why) ==
              (match ? QCOM_MDT_OK : QCOM_MDT_HASH_MISMATCH));
        if (!match) {
            break;
        }
    }
    qcom_mdt_image_clear(&img);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzMem m;
    uint32_t image_id;
    uint64_t slice;

    if (size < 1 || size > UINT32_MAX) {
        return 0;
    }
    image_id = image_ids[(data[0] & 7) % G_N_ELEMENTS(image_ids)];
    slice = (uint64_t)61 << ((data[0] >> 3) & 15);
    m.data = data + 1;
    m.size = size - 1;

    fuzz_parse_metadata(&m, image_id);
    fuzz_read_metadata(&m, image_id, slice);
    fuzz_pbl(&m, image_id);
    return 0;
}
