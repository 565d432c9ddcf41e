/*
 * Qualcomm SCM: decoding the hypervisor's assign_mem argument lists
 * (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * assign_mem(mem_list, mem_size, src_list, src_size, dest_list,
 * dest_size, 0) hands the hypervisor three lists in guest memory
 * (Linux's qcom_scm_assign_mem()): ranges (u64 addr, u64 size), the
 * VMIDs that own them now (u32 each) and the VMIDs to give them to (u32
 * vmid, u32 perm, u64 ctx, u32 ctx_size, u32 pad). What the lists say,
 * in the order the firmware checks it and with the status it answers
 * for the first rule broken, is this header: bytes in, decoded lists or
 * a status out. hw/misc/qcom-scm.c reads the lists from guest memory and
 * acts on them; tests/fuzz/scm-args-fuzz.c feeds it arbitrary bytes.
 *
 * Plain C and GLib only (no QEMU API and no device state), so that a
 * fuzzer builds it without QEMU; header-only, as qcom-scm.c is its only
 * user in QEMU, so that it needs no build rule of its own.
 */

#ifndef HW_MISC_QCOM_SCM_ARGS_H
#define HW_MISC_QCOM_SCM_ARGS_H

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <glib.h>

/* SCM status values (drivers/firmware/qcom/qcom_scm.h) */
#define QCOM_SCM_OK             0
#define QCOM_SCM_ERROR          (-1)
#define QCOM_SCM_EINVAL_ARG     (-2)
#define QCOM_SCM_EINVAL_ADDR    (-3)
#define QCOM_SCM_ENOMEM         (-5)
#define QCOM_SCM_INTERRUPTED    1

#define QCOM_SCM_MEM_ENTRY_SIZE     16  /* u64 addr, u64 size */
#define QCOM_SCM_SRC_ENTRY_SIZE     4   /* u32 vmid */
#define QCOM_SCM_DEST_ENTRY_SIZE    24  /* u32 vmid, u32 perm, u64 ctx, ... */
#define QCOM_SCM_MAX_RANGES         64
#define QCOM_SCM_NUM_VMIDS          32  /* the XPU's permission masks */
/* Ranges are whole pages of the XPU (QCOM_XPU_GRANULE) */
#define QCOM_SCM_RANGE_ALIGN        0x1000

/* Permissions in the destination list */
#define QCOM_SCM_PERM_EXEC          0x1
#define QCOM_SCM_PERM_WRITE         0x2
#define QCOM_SCM_PERM_READ          0x4

typedef struct QcomScmRange {
    uint64_t addr;
    uint64_t size;
} QcomScmRange;

/* What an assign_mem call's lists say */
typedef struct QcomScmAssign {
    QcomScmRange ranges[QCOM_SCM_MAX_RANGES];
    unsigned nranges;
    uint32_t src_vmids;         /* the owners the caller names */
    uint32_t rd;                /* the VMIDs to read the ranges */
    uint32_t wr;                /* and to write them */
} QcomScmAssign;

/* Is [addr, addr + size) DRAM that assign_mem may give away? */
typedef bool (*QcomScmInDramFn)(void *opaque, uint64_t addr, uint64_t size);

static inline uint32_t qcom_scm_ld32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) |
           ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static inline uint64_t qcom_scm_ld64(const uint8_t *p)
{
    return qcom_scm_ld32(p) | ((uint64_t)qcom_scm_ld32(p + 4) << 32);
}

/*
 * A list of size bytes must be 1..max entries of entry bytes; checked
 * before the firmware reads it. On error *why (g_free) says so.
 */
static inline int64_t qcom_scm_list_check(uint64_t size, unsigned entry,
                                          unsigned max, const char *what,
                                          char **why)
{
    if (size == 0 || size % entry || size / entry > max) {
        *why = g_strdup_printf("assign_mem: %s size %" PRIu64 " is not "
                               "1..%u entries of %u bytes", what, size, max,
                               entry);
        return QCOM_SCM_EINVAL_ARG;
    }
    return QCOM_SCM_OK;
}

static inline int64_t qcom_scm_decode_src(const uint8_t *list, unsigned n,
                                          QcomScmAssign *a, char **why)
{
    for (unsigned i = 0; i < n; i++) {
        uint32_t vmid = qcom_scm_ld32(list + i * QCOM_SCM_SRC_ENTRY_SIZE);

        if (vmid >= QCOM_SCM_NUM_VMIDS || a->src_vmids & (1u << vmid)) {
            *why = g_strdup_printf("assign_mem: source VMID %u is out of "
                                   "range or repeated", vmid);
            return QCOM_SCM_EINVAL_ARG;
        }
        a->src_vmids |= 1u << vmid;
    }
    return QCOM_SCM_OK;
}

static inline int64_t qcom_scm_decode_dest(const uint8_t *list, unsigned n,
                                           QcomScmAssign *a, char **why)
{
    const uint32_t rw = QCOM_SCM_PERM_READ | QCOM_SCM_PERM_WRITE;
    uint32_t seen = 0;

    for (unsigned i = 0; i < n; i++) {
        const uint8_t *e = list + i * QCOM_SCM_DEST_ENTRY_SIZE;
        uint32_t vmid = qcom_scm_ld32(e), perm = qcom_scm_ld32(e + 4);

        if (vmid >= QCOM_SCM_NUM_VMIDS || seen & (1u << vmid)) {
            *why = g_strdup_printf("assign_mem: destination VMID %u is out "
                                   "of range or repeated", vmid);
            return QCOM_SCM_EINVAL_ARG;
        }
        /* the XPU grants reads and writes; execute comes with them */
        if (perm & ~(rw | QCOM_SCM_PERM_EXEC) || !(perm & rw)) {
            *why = g_strdup_printf("assign_mem: permission 0x%x of VMID %u "
                                   "grants neither read nor write or has "
                                   "unknown bits", perm, vmid);
            return QCOM_SCM_EINVAL_ARG;
        }
        seen |= 1u << vmid;
        a->rd |= perm & QCOM_SCM_PERM_READ ? 1u << vmid : 0;
        a->wr |= perm & QCOM_SCM_PERM_WRITE ? 1u << vmid : 0;
    }
    return QCOM_SCM_OK;
}

static inline int64_t qcom_scm_decode_mem(const uint8_t *list, unsigned n,
                                          QcomScmInDramFn in_dram,
                                          void *opaque, QcomScmAssign *a,
                                          char **why)
{
    for (unsigned i = 0; i < n; i++) {
        uint64_t addr = qcom_scm_ld64(list + i * QCOM_SCM_MEM_ENTRY_SIZE);
        uint64_t size = qcom_scm_ld64(list + i * QCOM_SCM_MEM_ENTRY_SIZE + 8);

        if (!size || (addr | size) & (QCOM_SCM_RANGE_ALIGN - 1)) {
            *why = g_strdup_printf("assign_mem: range 0x%" PRIx64 "+0x%"
                                   PRIx64 " is empty or not 4 KiB aligned",
                                   addr, size);
            return QCOM_SCM_EINVAL_ADDR;
        }
        if (!in_dram(opaque, addr, size)) {
            *why = g_strdup_printf("assign_mem: range 0x%" PRIx64 "+0x%"
                                   PRIx64 " is not in DRAM", addr, size);
            return QCOM_SCM_EINVAL_ADDR;
        }
        for (unsigned j = 0; j < i; j++) {
            if (addr < a->ranges[j].addr + a->ranges[j].size &&
                a->ranges[j].addr < addr + size) {
                *why = g_strdup_printf("assign_mem: range 0x%" PRIx64 "+0x%"
                                       PRIx64 " overlaps range %u", addr,
                                       size, j);
                return QCOM_SCM_EINVAL_ADDR;
            }
        }
        a->ranges[i].addr = addr;
        a->ranges[i].size = size;
        a->nranges = i + 1;
    }
    return QCOM_SCM_OK;
}

/*
 * Decode the three lists, each of a size qcom_scm_list_check() passed:
 * the source VMIDs (each < 32, none repeated), the destinations (the
 * same, each granted read or write and nothing unknown), then the
 * ranges (page-aligned, not empty, in_dram(), not overlapping an
 * earlier one). in_dram must refuse a range that wraps around. The
 * first rule broken answers its status with *why (g_free); *a is
 * filled as far as the lists are decoded.
 */
static inline int64_t qcom_scm_decode_assign(const uint8_t *mem,
                                             uint64_t mem_size,
                                             const uint8_t *src,
                                             uint64_t src_size,
                                             const uint8_t *dest,
                                             uint64_t dest_size,
                                             QcomScmInDramFn in_dram,
                                             void *opaque, QcomScmAssign *a,
                                             char **why)
{
    int64_t ret;

    memset(a, 0, sizeof(*a));
    ret = qcom_scm_decode_src(src, src_size / QCOM_SCM_SRC_ENTRY_SIZE, a,
                              why);
    ret = ret ?: qcom_scm_decode_dest(dest,
                                      dest_size / QCOM_SCM_DEST_ENTRY_SIZE,
                                      a, why);
    return ret ?: qcom_scm_decode_mem(mem, mem_size / QCOM_SCM_MEM_ENTRY_SIZE,
                                      in_dram, opaque, a, why);
}

#endif /* HW_MISC_QCOM_SCM_ARGS_H */
