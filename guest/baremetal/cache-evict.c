/*
 * Capacity (run with a small cpu-dcache.capacity): dirty lines pushed out
 * by other accesses are written back without any maintenance; then clean
 * lines of a page handed to the modem are evicted, which with
 * clean-evict=visible is a transaction the XPU faults (kind evict). The
 * page tables are written with the caches on and evicted too: the table
 * walker reads them as the CPU wrote them, through the cache.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"
#include "mmu.h"

#define LINES 64
/* volatile: every access must reach the memory system */
static volatile uint64_t a[LINES * 8] __attribute__((aligned(4096)));
/* volatile: every access must reach the memory system */
static volatile uint64_t b[512] __attribute__((aligned(4096)));
/* volatile: every access must reach the memory system */
static volatile uint64_t thrash[64 * 1024] __attribute__((aligned(4096)));

static void thrash_all(void)
{
    uint64_t sum = 0;

    for (unsigned i = 0; i < sizeof(thrash) / 8; i += 8) {
        sum += thrash[i];
    }
    (void)sum;
}

int main(void)
{
    static const unsigned mss[] = { VMID_MSS_MSA };

    bm_mmu_enable();
    bm_mmu_use_cached_tables();
    for (int i = 0; i < LINES; i++) {
        a[i * 8] = 0xe71c7000 + i;
    }
    thrash_all();
    for (int i = 0; i < LINES; i++) {
        if (BM_NC(a)[i * 8] != 0xe71c7000 + (uint64_t)i) {
            BM_FAIL("a dirty line pushed out was not written back");
            return 1;
        }
    }
    (void)b[0];                          /* clean lines of b are held */
    if (bm_scm_assign((uintptr_t)b, sizeof(b), VMID_HLOS, mss, 1)) {
        BM_FAIL("assign_mem failed");
        return 1;
    }
    thrash_all();                        /* evicts them */
    BM_PASS();
    return 0;
}
