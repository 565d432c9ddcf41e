/*
 * Qualcomm firmware images: the authentication rules of the secure boot
 * chain (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A Qualcomm remote processor image is a 32-bit little-endian ELF for
 * QDSP6 whose "hash segment" holds an MBN version 3 header, one SHA-256
 * digest per program header, a "signature" (here: the SHA-256 of header
 * and table) and a certificate chain. The modem's PBL and MBA and
 * TrustZone's PAS service check images with the same rules; this unit is
 * those rules, used by the models (hw/remoteproc/qcom-q6v5-mss.c,
 * hw/misc/qcom-scm-pas.c) and by the host tools that write and check
 * firmware (guest/tools/). docs/devel/modem-firmware.rst specifies the
 * format.
 *
 * Plain C and GLib only (no QEMU API), so that the tools build it too.
 * Nothing here reads memory: callers hand in the bytes they read.
 */

#ifndef HW_REMOTEPROC_QCOM_MDT_AUTH_H
#define HW_REMOTEPROC_QCOM_MDT_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <glib.h>

#define QCOM_MDT_EHDR_SIZE      52
#define QCOM_MDT_PHDR_SIZE      32
#define QCOM_MDT_HASH_HDR_SIZE  40      /* MBN version 3 header */
#define QCOM_MDT_DIGEST_SIZE    32      /* SHA-256 */
#define QCOM_MDT_MAX_PHDRS      256

/* Qualcomm segment type in p_flags[26:24]; relocatable: bit 27 */
#define QCOM_MDT_TYPE_MASK      (7u << 24)
#define QCOM_MDT_TYPE_HASH      (2u << 24)
#define QCOM_MDT_RELOCATABLE    (1u << 27)

/* Image ids of the hash header: four ASCII bytes, little-endian */
#define QCOM_MDT_ID_MPSS        0x5353504du     /* "MPSS" */
#define QCOM_MDT_ID_MBA         0x0041424du     /* "MBA\0" */
#define QCOM_MDT_ID_ADSP        0x50534441u     /* "ADSP" */
#define QCOM_MDT_ID_CDSP        0x50534443u     /* "CDSP" */
#define QCOM_MDT_ID_SLPI        0x49504c53u     /* "SLPI" */

typedef enum QcomMdtError {
    QCOM_MDT_OK = 0,
    QCOM_MDT_BAD_ELF,           /* ELF header, phdrs, segment layout */
    QCOM_MDT_BAD_HASH_TABLE,    /* the hash segment */
    QCOM_MDT_BAD_LENGTH,        /* sizes that cannot be loaded */
    QCOM_MDT_HASH_MISMATCH,     /* a segment's SHA-256 */
    QCOM_MDT_READ_FAULT,        /* the reader failed */
} QcomMdtError;

/* Read len bytes at addr into buf; false if the memory cannot be read */
typedef bool (*QcomMdtReadFn)(void *opaque, uint64_t addr, void *buf,
                              uint32_t len);

/* A loadable segment: PT_LOAD, not the hash segment, p_memsz != 0 */
typedef struct QcomMdtSegment {
    uint32_t index;             /* phdr index */
    uint32_t paddr;
    uint32_t filesz;
    uint32_t memsz;
    uint32_t offset;            /* p_offset */
    uint8_t digest[QCOM_MDT_DIGEST_SIZE];
} QcomMdtSegment;

/* What the headers and the hash segment say about an image */
typedef struct QcomMdtImage {
    uint32_t phnum;
    uint32_t headers_size;      /* phdr 0's p_filesz */
    int hash_index;
    uint32_t hash_offset;       /* its p_offset, p_filesz, p_paddr */
    uint32_t hash_size;
    uint32_t hash_paddr;
    QcomMdtSegment *segs;       /* g_new; qcom_mdt_image_clear() frees */
    uint32_t nsegs;
    uint32_t min_paddr;         /* of the loadable segments */
    uint32_t max_paddr;         /* end of the highest one */
    uint32_t total_memsz;
    bool relocatable;           /* a loadable segment says so */
} QcomMdtImage;

static inline uint32_t qcom_mdt_ld32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) |
           ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static inline uint16_t qcom_mdt_ld16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

/* Field at byte offset off of program header i of the table phdrs */
static inline uint32_t qcom_mdt_phdr(const uint8_t *phdrs, unsigned i,
                                     unsigned off)
{
    return qcom_mdt_ld32(phdrs + (size_t)i * QCOM_MDT_PHDR_SIZE + off);
}

#define QCOM_MDT_P_TYPE     0
#define QCOM_MDT_P_OFFSET   4
#define QCOM_MDT_P_PADDR    12
#define QCOM_MDT_P_FILESZ   16
#define QCOM_MDT_P_MEMSZ    20
#define QCOM_MDT_P_FLAGS    24

void qcom_mdt_sha256(const uint8_t *data, size_t len,
                     uint8_t digest[QCOM_MDT_DIGEST_SIZE]);

/*
 * The ELF header rules (QCOM_MDT_EHDR_SIZE bytes at eh): ELF magic,
 * ELFCLASS32, ELFDATA2LSB, e_machine QDSP6, e_phentsize 32, e_phoff 52,
 * 2..256 program headers (in *phnum). The type is not checked.
 */
QcomMdtError qcom_mdt_check_ehdr(const uint8_t *eh, uint32_t *phnum,
                                 const char **why);

/* Index of the hash segment: the first phdr >= 1 of type hash, or -1 */
int qcom_mdt_find_hash(const uint8_t *phdrs, uint32_t phnum);

/*
 * The headers (ELF header and phdrs, headers_len >= the header's phdr
 * table) and the hash segment: fills img (the loadable segments with
 * their expected digests, in phdr order; their bounds) and checks the
 * hash segment: image id, version 3, one digest per phdr, sizes that add
 * up, pointers that follow from its p_paddr, the signature over header
 * and table, and digest 0 over the headers. On error img is cleared.
 */
QcomMdtError qcom_mdt_parse(const uint8_t *headers, uint32_t headers_len,
                            const uint8_t *hash, uint32_t hash_size,
                            uint32_t image_id, QcomMdtImage *img,
                            const char **why);

/*
 * A metadata blob, as Linux's qcom_mdt_read_metadata() builds it: phdr
 * 0's p_filesz bytes of the image (ELF header and phdrs) followed by the
 * hash segment's p_filesz bytes. Parsed and checked as qcom_mdt_parse().
 */
QcomMdtError qcom_mdt_parse_metadata(const uint8_t *meta, uint32_t len,
                                     uint32_t image_id, QcomMdtImage *img,
                                     const char **why);

/*
 * Read a metadata blob whose size only its headers tell, as the MBA and
 * TrustZone do from the address Linux gives them: the ELF header, the
 * phdrs, then phdr 0's p_filesz plus the hash segment's p_filesz bytes,
 * at most max_len. The blob (g_malloc) in *meta, its size in *len; then
 * parsed and checked as qcom_mdt_parse_metadata() into img.
 */
QcomMdtError qcom_mdt_read_metadata(QcomMdtReadFn read, void *opaque,
                                    uint64_t addr, uint32_t max_len,
                                    uint32_t image_id, uint8_t **meta,
                                    uint32_t *len, QcomMdtImage *img,
                                    const char **why);

/*
 * SHA-256 of len bytes at addr, read in chunks (a segment may be tens of
 * MiB); false if a read fails.
 */
bool qcom_mdt_sha256_read(QcomMdtReadFn read, void *opaque, uint64_t addr,
                          uint32_t len, uint8_t digest[QCOM_MDT_DIGEST_SIZE]);

/*
 * The same SHA-256 a slice at a time, for a model that must not read a
 * segment of up to 4 GiB in one go: start it, then step it with a budget
 * of bytes until it is done. ck is NULL when no hash is under way.
 */
typedef struct QcomMdtHash {
    GChecksum *ck;
    uint64_t addr;
    uint32_t len;
    uint32_t done;
} QcomMdtHash;

typedef enum QcomMdtHashStep {
    QCOM_MDT_HASH_MORE,         /* the budget is spent, bytes remain */
    QCOM_MDT_HASH_DONE,         /* the digest is there, h is idle again */
    QCOM_MDT_HASH_FAULT,        /* a read failed, h is idle again */
} QcomMdtHashStep;

void qcom_mdt_hash_start(QcomMdtHash *h, uint64_t addr, uint32_t len);
/* Read and hash at most *budget more bytes, taking them off *budget */
QcomMdtHashStep qcom_mdt_hash_step(QcomMdtHash *h, QcomMdtReadFn read,
                                   void *opaque, uint64_t *budget,
                                   uint8_t digest[QCOM_MDT_DIGEST_SIZE]);
/* Abandon a hash under way, if any */
void qcom_mdt_hash_cancel(QcomMdtHash *h);

/* Check one segment's loaded p_filesz bytes against its digest */
QcomMdtError qcom_mdt_check_segment(const QcomMdtSegment *seg,
                                    const uint8_t *data, const char **why);

void qcom_mdt_image_clear(QcomMdtImage *img);

#endif /* HW_REMOTEPROC_QCOM_MDT_AUTH_H */
