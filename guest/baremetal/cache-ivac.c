/*
 * DC IVAC discards a dirty line: the CPU then reads memory's value.
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
    BM_NC(buf)[0] = 0xaaaa;
    buf[0] = 0xbbbb;
    dc_ivac(buf);
    dsb_sy();
    if (buf[0] != 0xaaaa) {
        BM_FAIL("the write survived DC IVAC");
        return 1;
    }
    if (BM_NC(buf)[0] != 0xaaaa) {
        BM_FAIL("memory changed without a clean");
        return 1;
    }
    BM_PASS();
    return 0;
}
