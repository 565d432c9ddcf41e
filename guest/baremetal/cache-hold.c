/*
 * For tests/qtest/cpu-dcache-test.c: leaves a dirty line in the CPU's
 * cache, publishes its address in a mailbox in memory, reads it through
 * the non-cacheable alias (a finding the model reports), then waits.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"
#include "mmu.h"

/* Below the program's load address: mailbox[0] = line address, [1] = 1 */
#define MAILBOX ((volatile uint64_t *)0x80100000UL)

/* volatile: every access must reach the memory system */
static volatile uint64_t line[BM_LINE / 8] __attribute__((aligned(4096)));

int main(void)
{
    bm_mmu_enable();
    BM_NC(line)[0] = 0x01d;
    line[0] = 0x600d;
    BM_NC(MAILBOX)[0] = (uintptr_t)line;
    BM_NC(MAILBOX)[1] = 1;
    dsb_sy();
    (void)BM_NC(line)[0];
    for (;;) {
        __asm__ volatile("wfi");
    }
}
