/*
 * A non-cacheable alias bypasses the cache: its write reaches memory at
 * once, while the CPU keeps reading the line it holds through the
 * cacheable alias until it invalidates it.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"
#include "mmu.h"

/* volatile: every access must reach the memory system */
static volatile uint64_t buf[BM_LINE / 8] __attribute__((aligned(4096)));

int main(void)
{
    bm_mmu_enable();
    buf[0] = 0x1234;
    bm_dcache_range(buf, BM_LINE, 0);   /* clean: memory has 0x1234 */
    (void)buf[0];                       /* the line stays held */
    BM_NC(buf)[0] = 0x5678;             /* a write that bypasses the cache */
    if (BM_NC(buf)[0] != 0x5678) {
        BM_FAIL("the non-cacheable alias did not read memory");
        return 1;
    }
    if (buf[0] != 0x1234) {
        BM_FAIL("the held line changed under the CPU");
        return 1;
    }
    dc_ivac(buf);
    dsb_sy();
    if (buf[0] != 0x5678) {
        BM_FAIL("after DC IVAC the CPU does not see memory");
        return 1;
    }
    BM_PASS();
    return 0;
}
