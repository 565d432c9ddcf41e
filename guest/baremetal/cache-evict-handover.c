/*
 * A page evicted before its handover is the XPU's after it: the model
 * keeps the bus's answers to its fills and write-backs only until the
 * XPU changes. The page's write-back passed once; after the handover,
 * its next one (line 0x40, dirty again) and its next fill fault. Run
 * with a small cpu-dcache.capacity and the XPU action "log".
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"
#include "mmu.h"

/* volatile: every access must reach the memory system */
static volatile uint64_t buf[512] __attribute__((aligned(4096)));
/* volatile: every access must reach the memory system */
static volatile uint64_t thrash[64 * 1024] __attribute__((aligned(4096)));

/* Read 512 KiB: every page held before goes */
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
    buf[0] = 1;                 /* filled, dirty */
    thrash_all();               /* written back: the XPU let it pass */
    buf[8] = 2;                 /* filled again; line 0x40 dirty */
    if (bm_scm_assign((uintptr_t)buf, sizeof(buf), VMID_HLOS, mss, 1)) {
        BM_FAIL("assign_mem failed");
        return 1;
    }
    thrash_all();               /* its write-back, which the XPU faults */
    (void)buf[16];              /* a fill, which it faults too */
    BM_PASS();
    return 0;
}
