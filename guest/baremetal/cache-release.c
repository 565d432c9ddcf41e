/*
 * Memory's copy of a page goes once a clean leaves no line of it dirty
 * (at the next eviction, whose TLB flush it needs), and the page is
 * watched again: a later write makes a line dirty, and the hazard report
 * of its handover says which. Run with a small cpu-dcache.capacity.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"
#include "mmu.h"

/* volatile: every access must reach the memory system */
static volatile uint64_t buf[512] __attribute__((aligned(4096)));
/* volatile: every access must reach the memory system */
static volatile uint64_t thrash[64 * 512] __attribute__((aligned(4096)));

int main(void)
{
    static const unsigned mss[] = { VMID_MSS_MSA };
    uint64_t sum = 0;

    bm_mmu_enable();
    buf[0] = 1;                         /* line 0 dirty */
    /*
     * Fill 64 other pages, four times the capacity, cleaning line 0
     * after each: the clean keeps the page last in the order of
     * eviction, so it stays held while the others go.
     */
    for (unsigned i = 0; i < 64; i++) {
        sum += thrash[i * 512];
        dc_cvac(&buf[0]);
        dsb_sy();
    }
    buf[16] = sum + 2;                  /* line 0x80 dirty */
    if (bm_scm_assign((uintptr_t)buf, sizeof(buf), VMID_HLOS, mss, 1)) {
        BM_FAIL("assign_mem failed");
        return 1;
    }
    BM_PASS();
    return 0;
}
