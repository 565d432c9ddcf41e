/*
 * DC ZVA sweeps: three pages zeroed by DC ZVA, the first and last as
 * arm64's clear_page() does (one per line, ascending, from one pc), the
 * middle one from its last line down, then handed to the modem without
 * a clean. Memory keeps its data until a clean; the hazard's report
 * gives each line the history of its own DC ZVA: its address, and event
 * numbers in the order the lines were zeroed (the model records the
 * ascending sweeps without the BQL and writes them out before it
 * numbers anything else: tests/guest/test_cache.py checks the order).
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"
#include "mmu.h"

#define PAGES 3
#define PAGE 4096
/* volatile: every access must reach the memory system */
static volatile uint64_t buf[PAGES * PAGE / 8] __attribute__((aligned(PAGE)));

/* As arm64's clear_page(): one DC ZVA per line, one loop, one pc */
static void clear_page_zva(uintptr_t p)
{
    __asm__ volatile("1: dc zva, %0\n"
                     "   add %0, %0, #64\n"
                     "   tst %0, #4095\n"
                     "   b.ne 1b"
                     : "+r"(p) : : "memory", "cc");
}

int main(void)
{
    static const unsigned mss[] = { VMID_MSS_MSA };
    uintptr_t page = (uintptr_t)buf;
    long ret;

    bm_mmu_enable();
    for (int i = 0; i < PAGES * PAGE / 8; i++) {
        BM_NC(buf)[i] = 0x5a5a5a5a00000000ULL | i;
    }
    clear_page_zva(page);
    for (int line = PAGE / BM_LINE - 1; line >= 0; line--) {
        dc_zva((void *)(page + PAGE + line * BM_LINE));
    }
    clear_page_zva(page + 2 * PAGE);
    dsb_sy();
    for (int i = 0; i < PAGES * PAGE / 8; i++) {
        if (buf[i] != 0) {
            BM_FAIL("the CPU does not see zeros after DC ZVA");
            return 1;
        }
        if (BM_NC(buf)[i] != (0x5a5a5a5a00000000ULL | i)) {
            BM_FAIL("memory was zeroed before a clean");
            return 1;
        }
    }
    ret = bm_scm_assign((uintptr_t)buf, sizeof(buf), VMID_HLOS, mss, 1);
    if (ret) {
        BM_FAIL("assign_mem failed");
        return 1;
    }
    BM_PASS();
    return 0;
}
