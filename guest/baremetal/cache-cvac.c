/*
 * A cacheable write stays in the CPU's cache: the non-cacheable alias,
 * which reads memory as a device would, sees the old value until DC CVAC
 * writes the line back.
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
    BM_NC(buf)[0] = 0x1111;          /* memory holds the old value */
    buf[0] = 0x2222;                 /* the CPU's cached copy changes */
    if (BM_NC(buf)[0] != 0x1111) {
        BM_FAIL("memory saw a cacheable write before any clean");
        return 1;
    }
    dc_cvac(buf);
    dsb_sy();
    if (BM_NC(buf)[0] != 0x2222) {
        BM_FAIL("memory did not get the line after DC CVAC");
        return 1;
    }
    BM_PASS();
    return 0;
}
