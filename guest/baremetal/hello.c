/*
 * The smallest bare-metal test: the console works and DRAM holds what is
 * written to it.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"

/* volatile: every access must reach the memory system */
static volatile uint64_t words[64];

int main(void)
{
    uint64_t sum = 0;

    bm_puts("bm: hello from db845c\n");
    for (int i = 0; i < 64; i++) {
        words[i] = 0x9e3779b97f4a7c15ULL * (i + 1);
    }
    for (int i = 0; i < 64; i++) {
        sum += words[i] ^ (0x9e3779b97f4a7c15ULL * (i + 1));
    }
    if (sum) {
        BM_FAIL("dram readback");
        return 1;
    }
    BM_PASS();
    return 0;
}
