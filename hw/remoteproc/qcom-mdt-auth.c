/*
 * Qualcomm firmware images: the authentication rules of the secure boot
 * chain (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * See include/hw/remoteproc/qcom-mdt-auth.h. The checks run in a fixed
 * order, and the first that fails names itself in *why, so that a model
 * reports the same status for the same image every time and the tools
 * can say which rule an image breaks.
 */

#include "qemu/osdep.h"
#include "hw/remoteproc/qcom-mdt-auth.h"

#define ELF_MAGIC       "\177ELF"
#define EI_CLASS_OFF    4
#define EI_DATA_OFF     5
#define ELF_CLASS32     1
#define ELF_DATA2LSB    1
#define E_MACHINE_OFF   18
#define E_PHOFF_OFF     28
#define E_PHENTSIZE_OFF 42
#define E_PHNUM_OFF     44
#define EM_QDSP6        164
#define PT_LOAD_TYPE    1

/* MBN version 3 header: word offsets */
#define MBN_IMAGE_ID        0x00
#define MBN_VERSION         0x04
#define MBN_DEST_PTR        0x0c
#define MBN_IMAGE_SIZE      0x10
#define MBN_CODE_SIZE       0x14
#define MBN_SIGNATURE_PTR   0x18
#define MBN_SIGNATURE_SIZE  0x1c
#define MBN_CERT_PTR        0x20
#define MBN_CERT_SIZE       0x24

#define PH(phdrs, i, f) qcom_mdt_phdr(phdrs, i, QCOM_MDT_P_##f)

void qcom_mdt_sha256(const uint8_t *data, size_t len,
                     uint8_t digest[QCOM_MDT_DIGEST_SIZE])
{
    GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256);
    gsize dlen = QCOM_MDT_DIGEST_SIZE;

    g_checksum_update(ck, data, len);
    g_checksum_get_digest(ck, digest, &dlen);
    g_checksum_free(ck);
}

#define READ_CHUNK      (64 * 1024)

void qcom_mdt_hash_start(QcomMdtHash *h, uint64_t addr, uint32_t len)
{
    qcom_mdt_hash_cancel(h);
    h->ck = g_checksum_new(G_CHECKSUM_SHA256);
    h->addr = addr;
    h->len = len;
    h->done = 0;
}

void qcom_mdt_hash_cancel(QcomMdtHash *h)
{
    if (h->ck) {
        g_checksum_free(h->ck);
        h->ck = NULL;
    }
}

QcomMdtHashStep qcom_mdt_hash_step(QcomMdtHash *h, QcomMdtReadFn read,
                                   void *opaque, uint64_t *budget,
                                   uint8_t digest[QCOM_MDT_DIGEST_SIZE])
{
    uint8_t *buf = g_malloc(MIN(h->len, READ_CHUNK) + 1);
    gsize dlen = QCOM_MDT_DIGEST_SIZE;
    QcomMdtHashStep ret = QCOM_MDT_HASH_MORE;

    while (h->done < h->len && *budget) {
        uint32_t n = MIN(MIN(h->len - h->done, READ_CHUNK), *budget);

        if (!read(opaque, h->addr + h->done, buf, n)) {
            ret = QCOM_MDT_HASH_FAULT;
            break;
        }
        g_checksum_update(h->ck, buf, n);
        h->done += n;
        *budget -= n;
    }
    if (ret != QCOM_MDT_HASH_FAULT && h->done == h->len) {
        g_checksum_get_digest(h->ck, digest, &dlen);
        ret = QCOM_MDT_HASH_DONE;
    }
    if (ret != QCOM_MDT_HASH_MORE) {
        qcom_mdt_hash_cancel(h);
    }
    g_free(buf);
    return ret;
}

bool qcom_mdt_sha256_read(QcomMdtReadFn read, void *opaque, uint64_t addr,
                          uint32_t len, uint8_t digest[QCOM_MDT_DIGEST_SIZE])
{
    QcomMdtHash h = { 0 };
    uint64_t budget = UINT64_MAX;

    qcom_mdt_hash_start(&h, addr, len);
    return qcom_mdt_hash_step(&h, read, opaque, &budget, digest) ==
           QCOM_MDT_HASH_DONE;
}

QcomMdtError qcom_mdt_check_ehdr(const uint8_t *eh, uint32_t *phnum,
                                 const char **why)
{
    *phnum = qcom_mdt_ld16(eh + E_PHNUM_OFF);

    if (memcmp(eh, ELF_MAGIC, 4)) {
        *why = "no ELF magic";
    } else if (eh[EI_CLASS_OFF] != ELF_CLASS32 ||
               eh[EI_DATA_OFF] != ELF_DATA2LSB) {
        *why = "not a 32-bit little-endian ELF";
    } else if (qcom_mdt_ld16(eh + E_PHENTSIZE_OFF) != QCOM_MDT_PHDR_SIZE) {
        *why = "e_phentsize is not 32";
    } else if (*phnum < 2 || *phnum > QCOM_MDT_MAX_PHDRS) {
        *why = "e_phnum is not 2..256";
    } else if (qcom_mdt_ld16(eh + E_MACHINE_OFF) != EM_QDSP6) {
        *why = "e_machine is not EM_QDSP6";
    } else if (qcom_mdt_ld32(eh + E_PHOFF_OFF) != QCOM_MDT_EHDR_SIZE) {
        *why = "e_phoff is not 52";
    } else {
        return QCOM_MDT_OK;
    }
    return QCOM_MDT_BAD_ELF;
}

int qcom_mdt_find_hash(const uint8_t *phdrs, uint32_t phnum)
{
    for (uint32_t i = 1; i < phnum; i++) {
        if ((PH(phdrs, i, FLAGS) & QCOM_MDT_TYPE_MASK) ==
            QCOM_MDT_TYPE_HASH) {
            return i;
        }
    }
    return -1;
}

/* The loadable segments, with the digests the table gives them */
static QcomMdtError mdt_segments(const uint8_t *phdrs, uint32_t phnum,
                                 const uint8_t *hash, uint32_t hash_size,
                                 QcomMdtImage *img, const char **why)
{
    uint64_t total = 0, end = 0;
    uint32_t min = UINT32_MAX;

    if (PH(phdrs, 0, TYPE) == PT_LOAD_TYPE) {
        *why = "phdr 0 is PT_LOAD";
        return QCOM_MDT_BAD_ELF;
    }
    if (hash_size < QCOM_MDT_HASH_HDR_SIZE +
        (uint64_t)phnum * QCOM_MDT_DIGEST_SIZE) {
        *why = "hash segment too small for one digest per phdr";
        return QCOM_MDT_BAD_HASH_TABLE;
    }
    img->segs = g_new0(QcomMdtSegment, phnum);
    for (uint32_t i = 1; i < phnum; i++) {
        uint32_t flags = PH(phdrs, i, FLAGS);
        QcomMdtSegment *seg = &img->segs[img->nsegs];

        if (PH(phdrs, i, TYPE) != PT_LOAD_TYPE ||
            (flags & QCOM_MDT_TYPE_MASK) == QCOM_MDT_TYPE_HASH ||
            !PH(phdrs, i, MEMSZ)) {
            continue;
        }
        seg->index = i;
        seg->paddr = PH(phdrs, i, PADDR);
        seg->filesz = PH(phdrs, i, FILESZ);
        seg->memsz = PH(phdrs, i, MEMSZ);
        seg->offset = PH(phdrs, i, OFFSET);
        memcpy(seg->digest, hash + QCOM_MDT_HASH_HDR_SIZE +
               i * QCOM_MDT_DIGEST_SIZE, QCOM_MDT_DIGEST_SIZE);
        if (seg->filesz > seg->memsz) {
            *why = "a segment's p_filesz exceeds its p_memsz";
            return QCOM_MDT_BAD_ELF;
        }
        if ((uint64_t)seg->paddr + seg->memsz > UINT32_MAX + 1ULL) {
            *why = "a segment ends beyond 4 GiB";
            return QCOM_MDT_BAD_ELF;
        }
        if (flags & QCOM_MDT_RELOCATABLE) {
            img->relocatable = true;
        }
        min = MIN(min, seg->paddr);
        end = MAX(end, (uint64_t)seg->paddr + seg->memsz);
        total += seg->memsz;
        img->nsegs++;
    }
    if (!img->nsegs) {
        *why = "no loadable segment";
        return QCOM_MDT_BAD_ELF;
    }
    if (total > UINT32_MAX || end > UINT32_MAX) {
        *why = "segments add up to more than 4 GiB";
        return QCOM_MDT_BAD_LENGTH;
    }
    img->min_paddr = min;
    img->max_paddr = end;
    img->total_memsz = total;
    return QCOM_MDT_OK;
}

/* The hash segment's own rules, the signature and digest 0 */
static QcomMdtError mdt_check_hash(const uint8_t *hash, uint32_t hash_size,
                                   uint32_t hash_paddr, uint32_t phnum,
                                   uint32_t image_id, const uint8_t *headers,
                                   uint32_t headers_len, const char **why)
{
    uint32_t code = phnum * QCOM_MDT_DIGEST_SIZE;
    uint32_t dest = hash_paddr + QCOM_MDT_HASH_HDR_SIZE;
    uint64_t sig_size = qcom_mdt_ld32(hash + MBN_SIGNATURE_SIZE);
    uint64_t cert_size = qcom_mdt_ld32(hash + MBN_CERT_SIZE);
    uint64_t image_size = qcom_mdt_ld32(hash + MBN_IMAGE_SIZE);
    uint8_t digest[QCOM_MDT_DIGEST_SIZE];

    if (qcom_mdt_ld32(hash + MBN_IMAGE_ID) != image_id ||
        qcom_mdt_ld32(hash + MBN_VERSION) != 3) {
        *why = "hash header: wrong image id or version";
    } else if (qcom_mdt_ld32(hash + MBN_CODE_SIZE) != code) {
        *why = "hash header: table size is not one digest per phdr";
    } else if (image_size != code + sig_size + cert_size ||
               QCOM_MDT_HASH_HDR_SIZE + image_size != hash_size ||
               sig_size < QCOM_MDT_DIGEST_SIZE) {
        *why = "hash header: sizes do not add up to the hash segment";
    } else if (qcom_mdt_ld32(hash + MBN_DEST_PTR) != dest ||
               qcom_mdt_ld32(hash + MBN_SIGNATURE_PTR) != dest + code ||
               qcom_mdt_ld32(hash + MBN_CERT_PTR) !=
               (uint32_t)(dest + code + sig_size)) {
        *why = "hash header: pointers do not follow the segment";
    } else {
        qcom_mdt_sha256(hash, QCOM_MDT_HASH_HDR_SIZE + code, digest);
        if (memcmp(digest, hash + QCOM_MDT_HASH_HDR_SIZE + code,
                   QCOM_MDT_DIGEST_SIZE)) {
            *why = "hash table signature does not match";
            return QCOM_MDT_BAD_HASH_TABLE;
        }
        qcom_mdt_sha256(headers, headers_len, digest);
        if (memcmp(digest, hash + QCOM_MDT_HASH_HDR_SIZE,
                   QCOM_MDT_DIGEST_SIZE)) {
            *why = "digest 0 does not match the headers";
            return QCOM_MDT_BAD_HASH_TABLE;
        }
        return QCOM_MDT_OK;
    }
    return QCOM_MDT_BAD_HASH_TABLE;
}

QcomMdtError qcom_mdt_parse(const uint8_t *headers, uint32_t headers_len,
                            const uint8_t *hash, uint32_t hash_size,
                            uint32_t image_id, QcomMdtImage *img,
                            const char **why)
{
    const uint8_t *phdrs = headers + QCOM_MDT_EHDR_SIZE;
    QcomMdtError err;
    uint32_t phnum;

    memset(img, 0, sizeof(*img));
    if (headers_len < QCOM_MDT_EHDR_SIZE) {
        *why = "shorter than an ELF header";
        return QCOM_MDT_BAD_ELF;
    }
    err = qcom_mdt_check_ehdr(headers, &phnum, why);
    if (err) {
        return err;
    }
    if (QCOM_MDT_EHDR_SIZE + phnum * QCOM_MDT_PHDR_SIZE > headers_len ||
        PH(phdrs, 0, FILESZ) != headers_len) {
        *why = "phdr 0 does not cover the ELF header and phdrs";
        return QCOM_MDT_BAD_ELF;
    }
    img->phnum = phnum;
    img->headers_size = headers_len;
    img->hash_index = qcom_mdt_find_hash(phdrs, phnum);
    if (img->hash_index < 0) {
        *why = "no hash segment";
        return QCOM_MDT_BAD_ELF;
    }
    img->hash_offset = PH(phdrs, img->hash_index, OFFSET);
    img->hash_size = PH(phdrs, img->hash_index, FILESZ);
    img->hash_paddr = PH(phdrs, img->hash_index, PADDR);
    if (img->hash_size != hash_size) {
        *why = "hash segment size does not match its p_filesz";
        err = QCOM_MDT_BAD_HASH_TABLE;
    } else {
        err = mdt_segments(phdrs, phnum, hash, hash_size, img, why);
    }
    if (!err) {
        err = mdt_check_hash(hash, hash_size, img->hash_paddr, phnum,
                             image_id, headers, headers_len, why);
    }
    if (err) {
        qcom_mdt_image_clear(img);
    }
    return err;
}

QcomMdtError qcom_mdt_parse_metadata(const uint8_t *meta, uint32_t len,
                                     uint32_t image_id, QcomMdtImage *img,
                                     const char **why)
{
    uint32_t phnum, hdr_size;
    QcomMdtError err;

    memset(img, 0, sizeof(*img));
    if (len < QCOM_MDT_EHDR_SIZE) {
        *why = "metadata shorter than an ELF header";
        return QCOM_MDT_BAD_ELF;
    }
    err = qcom_mdt_check_ehdr(meta, &phnum, why);
    if (err) {
        return err;
    }
    if (QCOM_MDT_EHDR_SIZE + phnum * QCOM_MDT_PHDR_SIZE > len) {
        *why = "program headers beyond the metadata";
        return QCOM_MDT_BAD_ELF;
    }
    hdr_size = PH(meta + QCOM_MDT_EHDR_SIZE, 0, FILESZ);
    if (hdr_size < QCOM_MDT_EHDR_SIZE + phnum * QCOM_MDT_PHDR_SIZE ||
        hdr_size > len) {
        *why = "phdr 0 does not cover the ELF header and phdrs";
        return QCOM_MDT_BAD_ELF;
    }
    return qcom_mdt_parse(meta, hdr_size, meta + hdr_size, len - hdr_size,
                          image_id, img, why);
}

QcomMdtError qcom_mdt_read_metadata(QcomMdtReadFn read, void *opaque,
                                    uint64_t addr, uint32_t max_len,
                                    uint32_t image_id, uint8_t **meta,
                                    uint32_t *len, QcomMdtImage *img,
                                    const char **why)
{
    uint8_t eh[QCOM_MDT_EHDR_SIZE];
    g_autofree uint8_t *phdrs = NULL;
    uint32_t phnum, hdr_size, hash_size;
    QcomMdtError err;
    int hidx;

    *meta = NULL;
    *len = 0;
    memset(img, 0, sizeof(*img));
    if (!read(opaque, addr, eh, sizeof(eh))) {
        *why = "the metadata cannot be read";
        return QCOM_MDT_READ_FAULT;
    }
    err = qcom_mdt_check_ehdr(eh, &phnum, why);
    if (err) {
        return err;
    }
    phdrs = g_malloc(phnum * QCOM_MDT_PHDR_SIZE);
    if (!read(opaque, addr + QCOM_MDT_EHDR_SIZE, phdrs,
              phnum * QCOM_MDT_PHDR_SIZE)) {
        *why = "the metadata's program headers cannot be read";
        return QCOM_MDT_READ_FAULT;
    }
    hdr_size = PH(phdrs, 0, FILESZ);
    hidx = qcom_mdt_find_hash(phdrs, phnum);
    if (hidx < 0) {
        *why = "no hash segment";
        return QCOM_MDT_BAD_ELF;
    }
    hash_size = PH(phdrs, hidx, FILESZ);
    if (hdr_size < QCOM_MDT_EHDR_SIZE + phnum * QCOM_MDT_PHDR_SIZE ||
        hdr_size > max_len) {
        *why = "phdr 0 does not cover the ELF header and phdrs";
        return QCOM_MDT_BAD_ELF;
    }
    if (hash_size > max_len - hdr_size) {
        *why = "metadata larger than the firmware accepts";
        return QCOM_MDT_BAD_HASH_TABLE;
    }
    *len = hdr_size + hash_size;
    *meta = g_malloc(*len);
    if (!read(opaque, addr, *meta, *len)) {
        *why = "the metadata cannot be read";
        err = QCOM_MDT_READ_FAULT;
    } else {
        err = qcom_mdt_parse_metadata(*meta, *len, image_id, img, why);
    }
    if (err) {
        g_free(*meta);
        *meta = NULL;
        *len = 0;
    }
    return err;
}

QcomMdtError qcom_mdt_check_segment(const QcomMdtSegment *seg,
                                    const uint8_t *data, const char **why)
{
    uint8_t digest[QCOM_MDT_DIGEST_SIZE];

    qcom_mdt_sha256(data, seg->filesz, digest);
    if (memcmp(digest, seg->digest, QCOM_MDT_DIGEST_SIZE)) {
        *why = "a segment's SHA-256 does not match";
        return QCOM_MDT_HASH_MISMATCH;
    }
    return QCOM_MDT_OK;
}

void qcom_mdt_image_clear(QcomMdtImage *img)
{
    g_free(img->segs);
    memset(img, 0, sizeof(*img));
}
