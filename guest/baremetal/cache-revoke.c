/*
 * For tests/qtest/cpu-dcache-test.c: leaves a page the CPU holds with
 * clean lines only and a page that also holds one dirty line, publishes
 * their addresses in a mailbox in memory, then waits while the test
 * takes them away from the CPUs through the XPU.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"
#include "mmu.h"

/* Below the program's load address: [0] clean, [1] dirty page, [2] = 1 */
#define MAILBOX ((volatile uint64_t *)0x80100000UL)

/* volatile: every access must reach the memory system */
static volatile uint64_t clean_page[4096 / 8] __attribute__((aligned(4096)));
/* volatile: as clean_page */
static volatile uint64_t dirty_page[4096 / 8] __attribute__((aligned(4096)));

int main(void)
{
    bm_mmu_enable();
    (void)clean_page[0];        /* the fill: every line held, clean */
    dirty_page[0] = 0x600d;     /* the fill, then line 0 dirty */
    BM_NC(MAILBOX)[0] = (uintptr_t)clean_page;
    BM_NC(MAILBOX)[1] = (uintptr_t)dirty_page;
    BM_NC(MAILBOX)[2] = 1;
    dsb_sy();
    for (;;) {
        __asm__ volatile("wfi");
    }
}
