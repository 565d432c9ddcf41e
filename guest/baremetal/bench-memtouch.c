/*
 * Benchmark: a guest that touches gigabytes, as a program that mallocs
 * TOUCH_GIB GiB, writes it twice and reads it back: MMU and caches on,
 * every access cacheable, each page of the range held by the cache
 * model in turn. Memory from 0xa0000000 (above the SoC's carve-outs);
 * with TOUCH_GIB=4 the machine needs -m 8G. bench/dcache_overhead.py
 * runs it with the model on and off.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"
#include "mmu.h"

#define START 0xa0000000UL
#define SIZE ((uint64_t)TOUCH_GIB << 30)
#define SEED 0x9e3779b97f4a7c15ULL

/* volatile: every access must reach the memory system */
static void fill(volatile uint64_t *p, uint64_t n, uint64_t salt)
{
    for (uint64_t i = 0; i < n; i += 2) {
        p[i] = i * SEED ^ salt;
        p[i + 1] = salt;
    }
}

int main(void)
{
    /* volatile: every access must reach the memory system */
    volatile uint64_t *p = (volatile uint64_t *)START;
    uint64_t n = SIZE / 8, bad = 0;

    /* DRAM up to the end of the range, at 2.5 + TOUCH_GIB GiB */
    bm_mmu_enable_dram(1 + TOUCH_GIB);
    fill(p, n, 1);
    fill(p, n, 2);
    for (uint64_t i = 0; i < n; i += 2) {
        bad |= (p[i] ^ (i * SEED ^ 2)) | (p[i + 1] ^ 2);
    }
    if (bad) {
        BM_FAIL("memory does not read back what was written");
        return 1;
    }
    BM_PASS();
    return 0;
}
