/*
 * libFuzzer target: the SCM's decoding of assign_mem's argument lists
 * (include/hw/misc/qcom-scm-args.h), as hw/misc/qcom-scm.c calls it
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * An input, all little-endian:
 *
 *   u64 mem_size, src_size, dest_size   the call's x3, args[3], args[5]
 *   u64 dram_base, dram_size            the DRAM that ranges must lie in
 *   bytes                               the memory list, then the source
 *                                       list, then the destination list
 *
 * The lists go through what scm_assign_mem does with them: each size
 * checked, then the bytes read (an input too short for a list is the
 * read fault of a list that is not in memory), then decoded. Besides the
 * sanitizers, the result is checked: a refusal has a status of the
 * assign_mem contract and a reason; a list that decodes says what its
 * bytes say, with ranges that are aligned, in DRAM and disjoint, VMIDs
 * below 32 and none repeated. A breach aborts, which libFuzzer reports
 * as a crash.
 */

#include "qemu/osdep.h"
#include "fuzz.h"
#include "hw/misc/qcom-scm-args.h"

#define HDR_SIZE    40

typedef struct FuzzDram {
    uint64_t base;
    uint64_t size;
} FuzzDram;

/* As qcom_scm_in_memory() with "ram": wholly inside DRAM, no wrap */
static bool fuzz_in_dram(void *opaque, uint64_t addr, uint64_t size)
{
    const FuzzDram *d = opaque;

    return size && addr + size >= addr && addr >= d->base &&
           addr - d->base <= d->size && size <= d->size - (addr - d->base);
}

/* One list: its size checked, then its bytes taken from the input */
static int64_t fuzz_list(const uint8_t **p, size_t *left, uint64_t size,
                         unsigned entry, unsigned max, const char *what,
                         const uint8_t **list)
{
    g_autofree char *why = NULL;
    int64_t ret = qcom_scm_list_check(size, entry, max, what, &why);

    if (ret) {
        CHECK(ret == QCOM_SCM_EINVAL_ARG && why && strstr(why, what));
        return ret;
    }
    CHECK(!why && size % entry == 0 && size / entry >= 1 &&
          size / entry <= max);
    if (size > *left) {
        return QCOM_SCM_EINVAL_ADDR;
    }
    *list = *p;
    *p += size;
    *left -= size;
    return QCOM_SCM_OK;
}

static unsigned popcount32(uint32_t x)
{
    return __builtin_popcount(x);
}

static void check_decoded(const QcomScmAssign *a, const FuzzDram *d,
                          const uint8_t *mem, uint64_t mem_size,
                          const uint8_t *src, uint64_t src_size,
                          const uint8_t *dest, uint64_t dest_size)
{
    unsigned nsrc = src_size / QCOM_SCM_SRC_ENTRY_SIZE;
    unsigned ndest = dest_size / QCOM_SCM_DEST_ENTRY_SIZE;

    CHECK(a->nranges == mem_size / QCOM_SCM_MEM_ENTRY_SIZE);
    CHECK(popcount32(a->src_vmids) == nsrc);
    CHECK(popcount32(a->rd | a->wr) == ndest);
    for (unsigned i = 0; i < nsrc; i++) {
        CHECK(a->src_vmids & (1u << qcom_scm_ld32(src + 4 * i)));
    }
    for (unsigned i = 0; i < ndest; i++) {
        const uint8_t *e = dest + i * QCOM_SCM_DEST_ENTRY_SIZE;
        uint32_t bit = 1u << qcom_scm_ld32(e), perm = qcom_scm_ld32(e + 4);

        CHECK(!!(a->rd & bit) == !!(perm & QCOM_SCM_PERM_READ));
        CHECK(!!(a->wr & bit) == !!(perm & QCOM_SCM_PERM_WRITE));
    }
    for (unsigned i = 0; i < a->nranges; i++) {
        const QcomScmRange *r = &a->ranges[i];

        CHECK(r->addr == qcom_scm_ld64(mem + i * QCOM_SCM_MEM_ENTRY_SIZE));
        CHECK(r->size && !((r->addr | r->size) &
                           (QCOM_SCM_RANGE_ALIGN - 1)));
        CHECK(fuzz_in_dram((void *)d, r->addr, r->size));
        for (unsigned j = 0; j < i; j++) {
            const QcomScmRange *q = &a->ranges[j];

            CHECK(r->addr + r->size <= q->addr ||
                  q->addr + q->size <= r->addr);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *p, *mem = NULL, *src = NULL, *dest = NULL;
    size_t left;
    uint64_t mem_size, src_size, dest_size;
    g_autofree char *why = NULL;
    QcomScmAssign a;
    FuzzDram dram;
    int64_t ret;

    if (size < HDR_SIZE) {
        return 0;
    }
    mem_size = qcom_scm_ld64(data);
    src_size = qcom_scm_ld64(data + 8);
    dest_size = qcom_scm_ld64(data + 16);
    dram.base = qcom_scm_ld64(data + 24);
    dram.size = qcom_scm_ld64(data + 32);
    p = data + HDR_SIZE;
    left = size - HDR_SIZE;

    /* scm_assign_mem's order: each list checked and read in turn */
    ret = fuzz_list(&p, &left, mem_size, QCOM_SCM_MEM_ENTRY_SIZE,
                    QCOM_SCM_MAX_RANGES, "memory list", &mem);
    ret = ret ?: fuzz_list(&p, &left, src_size, QCOM_SCM_SRC_ENTRY_SIZE,
                           QCOM_SCM_NUM_VMIDS, "source list", &src);
    ret = ret ?: fuzz_list(&p, &left, dest_size, QCOM_SCM_DEST_ENTRY_SIZE,
                           QCOM_SCM_NUM_VMIDS, "destination list", &dest);
    if (ret) {
        return 0;
    }
    ret = qcom_scm_decode_assign(mem, mem_size, src, src_size, dest,
                                 dest_size, fuzz_in_dram, &dram, &a, &why);
    if (ret) {
        CHECK((ret == QCOM_SCM_EINVAL_ARG || ret == QCOM_SCM_EINVAL_ADDR) &&
              why && g_str_has_prefix(why, "assign_mem: "));
        return 0;
    }
    CHECK(!why);
    check_decoded(&a, &dram, mem, mem_size, src, src_size, dest, dest_size);
    return 0;
}
