/*
 * Emulated Qualcomm remote processor firmware (the modem's MBA and MPSS
 * images, the PAS DSPs' images): the on-disk layout shared by the
 * generator (mkmodemfw) and the checker (mdtcheck). What authenticates
 * an image is not here but in the unit the device models use,
 * include/hw/remoteproc/qcom-mdt-auth.h, which both tools are built
 * with. The specification is docs/devel/modem-firmware.rst; keep the
 * three in step.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */

#ifndef MSSFW_H
#define MSSFW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <glib.h>

#include "hw/remoteproc/qcom-mdt-auth.h"

/* ELF32, little-endian, Hexagon (QDSP6) */
#define MSSFW_EHDR_SIZE         52
#define MSSFW_PHDR_SIZE         32
#define MSSFW_SHDR_SIZE         40
#define MSSFW_EM_QDSP6          164
#define MSSFW_EF_HEXAGON_V65    0x65    /* SDM845's modem */
#define MSSFW_EF_HEXAGON_V66    0x66    /* SM8250's DSPs */
#define MSSFW_PT_NULL           0
#define MSSFW_PT_LOAD           1
#define MSSFW_PF_X              (1u << 0)
#define MSSFW_PF_W              (1u << 1)
#define MSSFW_PF_R              (1u << 2)

/* Qualcomm segment type in p_flags[26:24], as in linux/soc/qcom/mdt_loader.h */
#define MSSFW_SEG_TYPE_MASK     (7u << 24)
#define MSSFW_SEG_TYPE_HASH     (2u << 24)
#define MSSFW_SEG_TYPE_PHDR     (7u << 24)
#define MSSFW_SEG_RELOCATABLE   (1u << 27)
/* access type in p_flags[23:21]; real hash segments carry 1 (read-only) */
#define MSSFW_SEG_ACCESS_RO     (1u << 21)

#define MSSFW_HASH_SEG_FLAGS    (MSSFW_SEG_TYPE_HASH | MSSFW_SEG_ACCESS_RO)
#define MSSFW_PHDR_SEG_FLAGS    MSSFW_SEG_TYPE_PHDR

/* Hash segment: a 40-byte MBN v3 header, the digests, signature, certs */
#define MSSFW_HASH_HDR_SIZE     40
#define MSSFW_HASH_HDR_VERSION  3
#define MSSFW_DIGEST_SIZE       32
#define MSSFW_SIG_SIZE          256
#define MSSFW_CERT_CHAIN_SIZE   6144
#define MSSFW_IMAGE_ID_MODEM    QCOM_MDT_ID_MPSS
#define MSSFW_IMAGE_ID_MBA      QCOM_MDT_ID_MBA

/* Hash header word offsets (bytes) */
#define MSSFW_HH_IMAGE_ID       0x00
#define MSSFW_HH_VERSION        0x04
#define MSSFW_HH_IMAGE_SRC      0x08
#define MSSFW_HH_DEST_PTR       0x0c
#define MSSFW_HH_IMAGE_SIZE     0x10
#define MSSFW_HH_CODE_SIZE      0x14
#define MSSFW_HH_SIG_PTR        0x18
#define MSSFW_HH_SIG_SIZE       0x1c
#define MSSFW_HH_CERT_PTR       0x20
#define MSSFW_HH_CERT_SIZE      0x24

/* Layout used by the generator (not required by the checker) */
#define MSSFW_PAGE              0x1000u
#define MSSFW_HASH_OFFSET       0x1000u

/* q6v5_load(): the MBA is at most 1 MiB */
#define MSSFW_MBA_MAX_SIZE      0x100000u

/* sdm845.dtsi carve-outs */
#define MSSFW_DEFAULT_MPSS_BASE 0x8e000000u
#define MSSFW_DEFAULT_MPSS_SIZE 0x07800000u
#define MSSFW_DEFAULT_MBA_BASE  0x96500000u
#define MSSFW_DEFAULT_MBA_SIZE  0x00200000u

/*
 * The DSPs that TrustZone's PAS service authenticates, by the name
 * their firmware file and the models use: the hash header's image id,
 * Linux's PAS id (adsp_data.pas_id of qcom_q6v5_pas.c) and the
 * carve-out of sm8250.dtsi (the DT's memory-region), the default
 * --base/--size of both tools.
 */
typedef struct MssfwPas {
    const char *name;
    uint32_t image_id;
    uint32_t pas_id;
    uint32_t base;
    uint32_t size;
} MssfwPas;

static const MssfwPas mssfw_pas[] = {
    { "adsp", QCOM_MDT_ID_ADSP, 1, 0x8a100000u, 0x01d00000u },
    { "cdsp", QCOM_MDT_ID_CDSP, 18, 0x87800000u, 0x01400000u },
    { "slpi", QCOM_MDT_ID_SLPI, 12, 0x88c00000u, 0x01500000u },
};

static inline const MssfwPas *mssfw_pas_find(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(mssfw_pas); i++) {
        if (!strcmp(mssfw_pas[i].name, name)) {
            return &mssfw_pas[i];
        }
    }
    return NULL;
}

/* The layout here and the rules there describe the same format */
G_STATIC_ASSERT(MSSFW_EHDR_SIZE == QCOM_MDT_EHDR_SIZE);
G_STATIC_ASSERT(MSSFW_PHDR_SIZE == QCOM_MDT_PHDR_SIZE);
G_STATIC_ASSERT(MSSFW_HASH_HDR_SIZE == QCOM_MDT_HASH_HDR_SIZE);
G_STATIC_ASSERT(MSSFW_DIGEST_SIZE == QCOM_MDT_DIGEST_SIZE);
G_STATIC_ASSERT(MSSFW_SEG_TYPE_MASK == QCOM_MDT_TYPE_MASK);
G_STATIC_ASSERT(MSSFW_SEG_TYPE_HASH == QCOM_MDT_TYPE_HASH);
G_STATIC_ASSERT(MSSFW_SEG_RELOCATABLE == QCOM_MDT_RELOCATABLE);

typedef struct MssfwPhdr {
    uint32_t type;
    uint32_t offset;
    uint32_t vaddr;
    uint32_t paddr;
    uint32_t filesz;
    uint32_t memsz;
    uint32_t flags;
    uint32_t align;
} MssfwPhdr;

static inline uint16_t mssfw_get16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

static inline uint32_t mssfw_get32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) |
           ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static inline void mssfw_put16(uint8_t *p, uint16_t v)
{
    p[0] = v;
    p[1] = v >> 8;
}

static inline void mssfw_put32(uint8_t *p, uint32_t v)
{
    p[0] = v;
    p[1] = v >> 8;
    p[2] = v >> 16;
    p[3] = v >> 24;
}

/* Program header @i of a table starting at @tab (no bounds check) */
static inline void mssfw_get_phdr(const uint8_t *tab, unsigned i,
                                  MssfwPhdr *ph)
{
    const uint8_t *p = tab + (size_t)i * MSSFW_PHDR_SIZE;

    ph->type = mssfw_get32(p + 0);
    ph->offset = mssfw_get32(p + 4);
    ph->vaddr = mssfw_get32(p + 8);
    ph->paddr = mssfw_get32(p + 12);
    ph->filesz = mssfw_get32(p + 16);
    ph->memsz = mssfw_get32(p + 20);
    ph->flags = mssfw_get32(p + 24);
    ph->align = mssfw_get32(p + 28);
}

static inline void mssfw_put_phdr(uint8_t *tab, unsigned i,
                                  const MssfwPhdr *ph)
{
    uint8_t *p = tab + (size_t)i * MSSFW_PHDR_SIZE;

    mssfw_put32(p + 0, ph->type);
    mssfw_put32(p + 4, ph->offset);
    mssfw_put32(p + 8, ph->vaddr);
    mssfw_put32(p + 12, ph->paddr);
    mssfw_put32(p + 16, ph->filesz);
    mssfw_put32(p + 20, ph->memsz);
    mssfw_put32(p + 24, ph->flags);
    mssfw_put32(p + 28, ph->align);
}

static inline void mssfw_sha256(const uint8_t *data, size_t len,
                                uint8_t out[MSSFW_DIGEST_SIZE])
{
    qcom_mdt_sha256(data, len, out);
}

#endif /* MSSFW_H */
