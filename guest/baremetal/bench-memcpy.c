/*
 * Benchmark: copy 64 MiB of DRAM to another 64 MiB, BM_ROUNDS times,
 * MMU and caches off (every access is a plain TCG load or store to RAM),
 * or with CACHED=1 on (cacheable accesses, for the cache model).
 * bench/xpu_overhead.py and bench/dcache_overhead.py run it.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"
#include "mmu.h"

#define SRC 0x88000000UL
#define DST 0x8c000000UL
#define SIZE (64UL << 20)
#define BM_ROUNDS 4

int main(void)
{
    /* volatile: every access must reach the memory system */
    volatile uint64_t *src = (volatile uint64_t *)SRC;
    /* volatile: every access must reach the memory system */
    volatile uint64_t *dst = (volatile uint64_t *)DST;
    uint64_t n = SIZE / 8, sum = 0;

    if (CACHED) {
        bm_mmu_enable();
    }

    for (uint64_t i = 0; i < n; i++) {
        src[i] = i * 0x9e3779b97f4a7c15ULL;
    }
    for (int r = 0; r < BM_ROUNDS; r++) {
        for (uint64_t i = 0; i < n; i += 4) {
            dst[i] = src[i];
            dst[i + 1] = src[i + 1];
            dst[i + 2] = src[i + 2];
            dst[i + 3] = src[i + 3];
        }
    }
    for (uint64_t i = 0; i < n; i += 4097) {
        sum += dst[i] ^ (i * 0x9e3779b97f4a7c15ULL);
    }
    if (sum) {
        BM_FAIL("copy does not match");
        return 1;
    }
    BM_PASS();
    return 0;
}
