/*
 * A set/way clean of every line writes back all dirty lines.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"
#include "mmu.h"

#define N 3
/* volatile: every access must reach the memory system */
static volatile uint64_t bufs[N][512] __attribute__((aligned(4096)));

int main(void)
{
    bm_mmu_enable();
    for (int p = 0; p < N; p++) {
        for (int i = 0; i < 512; i += 8) {
            bufs[p][i] = 0xc0ffee00 + p * 1000 + i;
        }
    }
    if (BM_NC(&bufs[1][0])[0] == 0xc0ffee00 + 1000) {
        BM_FAIL("memory saw the writes before any clean");
        return 1;
    }
    bm_dcache_clean_all_setway();
    for (int p = 0; p < N; p++) {
        for (int i = 0; i < 512; i += 8) {
            if (BM_NC(&bufs[p][i])[0] != 0xc0ffee00 + p * 1000 + i) {
                BM_FAIL("a dirty line was not written back by set/way");
                return 1;
            }
        }
    }
    BM_PASS();
    return 0;
}
