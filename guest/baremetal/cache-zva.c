/*
 * DC ZVA makes dirty zero lines without reading memory: memory keeps its
 * data until the lines are cleaned.
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
    for (int i = 0; i < BM_LINE / 8; i++) {
        BM_NC(buf)[i] = 0x5a5a5a5a00000000ULL | i;
    }
    dc_zva(buf);
    dsb_sy();
    for (int i = 0; i < BM_LINE / 8; i++) {
        if (buf[i] != 0) {
            BM_FAIL("the CPU does not see zeros after DC ZVA");
            return 1;
        }
        if (BM_NC(buf)[i] != (0x5a5a5a5a00000000ULL | i)) {
            BM_FAIL("memory was zeroed before a clean");
            return 1;
        }
    }
    dc_cvac(buf);
    dsb_sy();
    if (BM_NC(buf)[3] != 0) {
        BM_FAIL("memory not zero after cleaning the zeroed line");
        return 1;
    }
    BM_PASS();
    return 0;
}
