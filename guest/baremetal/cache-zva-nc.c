/*
 * DC ZVA through the non-cacheable alias (as memset() of a coherent DMA
 * buffer does) zeroes memory without putting lines in the cache: the
 * buffer can then be handed to the modem without a hazard.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"
#include "mmu.h"

/* volatile: every access must reach the memory system */
static volatile uint64_t buf[512] __attribute__((aligned(4096)));

int main(void)
{
    static const unsigned mss[] = { VMID_MSS_MSA };

    bm_mmu_enable();
    BM_NC(buf)[0] = 0x1234;
    for (int i = 0; i < 4096; i += BM_LINE) {
        dc_zva(BM_NC((volatile uint8_t *)buf) + i);   /* byte steps */
    }
    dsb_sy();
    if (BM_NC(buf)[0] != 0) {
        BM_FAIL("DC ZVA through the non-cacheable alias did not zero memory");
        return 1;
    }
    if (bm_scm_assign((uintptr_t)buf, sizeof(buf), VMID_HLOS, mss, 1)) {
        BM_FAIL("assign_mem failed");
        return 1;
    }
    BM_PASS();
    return 0;
}
