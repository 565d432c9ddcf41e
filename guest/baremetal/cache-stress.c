/*
 * The cache model at scale: hold every page of 1 GiB (a cacheable read of
 * each, and a write to every 16th: dirty lines too), write under 100 of
 * the lines held through the non-cacheable alias (100 findings), hand
 * all of it to the modem with one assign_mem, then touch another 64 MiB,
 * so that the lines still held in the modem's memory are evicted into
 * it. The runner (tests/guest/test_cache.py) checks that QEMU's memory
 * stays within its bound, that the hazard's report lists 256 lines and
 * sums up the others, that the findings and the write-back violations
 * are rate-limited, and that the program gets to its end.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"
#include "mmu.h"

/* volatile: every access must reach the memory system */
#define HANDED ((volatile uint64_t *)0xa0000000UL)
#define HANDED_SIZE (1UL << 30)
/* volatile: every access must reach the memory system */
#define OTHER ((volatile uint64_t *)0x90000000UL)
#define OTHER_SIZE (64UL << 20)
#define PAGE 4096
#define UNDER 100

/* volatile: every access must reach the memory system */
static uint64_t touch(volatile uint64_t *p, uint64_t size, unsigned every)
{
    uint64_t sum = 0;

    for (uint64_t off = 0; off < size / 8; off += PAGE / 8) {
        sum += p[off];
        if ((off / (PAGE / 8)) % every == 0) {
            p[off + 1] = off;
        }
    }
    return sum;
}

int main(void)
{
    static const unsigned mss[] = { VMID_MSS_MSA };

    bm_mmu_enable();
    touch(HANDED, HANDED_SIZE, 16);
    for (uint64_t i = 1; i <= UNDER; i++) {
        BM_NC(HANDED)[(HANDED_SIZE - i * PAGE) / 8 + 2] = i;
    }
    if (bm_scm_assign((uintptr_t)HANDED, HANDED_SIZE, VMID_HLOS, mss, 1)) {
        BM_FAIL("assign_mem failed");
        return 1;
    }
    touch(OTHER, OTHER_SIZE, 1);
    BM_PASS();
    return 0;
}
