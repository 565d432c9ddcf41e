/*
 * For the debugger cases of tests/guest/test_cache.py: a line the CPU
 * holds dirty, reached through translation tables that are dirty in the
 * cache too (as an operating system's are), at a point where the test's
 * gdb reads it (debug_point); then the buffer is handed to the modem with
 * the line still dirty and the line is written back: a hazard and a
 * write-back violation (run with the XPU action "log"). Whether a
 * debugger looked or not, the model's reports must be the same.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"
#include "mmu.h"

#define VALUE 0x600dcafeULL

/* volatile: every access must reach the memory system */
volatile uint64_t buf[512] __attribute__((aligned(4096)));

/*
 * The test's debugger breaks here, on a page of its own: TCG translates
 * the code of a page that holds a breakpoint one instruction at a time,
 * which would move the program counters the model's histories record
 * (those its translation blocks synchronise) for the rest of the program.
 */
void debug_point(void);
__asm__(".pushsection .text.debug_point, \"ax\"\n"
        ".balign 4096\n"
        ".global debug_point\n"
        "debug_point:\n"
        "ret\n"
        ".balign 4096\n"
        ".popsection\n");

int main(void)
{
    static const unsigned mss[] = { VMID_MSS_MSA };

    bm_mmu_enable();
    bm_mmu_use_cached_tables();
    buf[8] = VALUE;                   /* line 0x40 dirty; memory has 0 */
    debug_point();
    if (BM_NC(buf)[8] != 0) {
        BM_FAIL("memory has the line: something wrote it back");
        return 1;
    }
    if (buf[8] != VALUE) {
        BM_FAIL("the CPU lost its write");
        return 1;
    }
    if (bm_scm_assign((uintptr_t)buf, 4096, VMID_HLOS, mss, 1)) {
        BM_FAIL("assign_mem failed");
        return 1;
    }
    dc_cvac(&buf[8]);                 /* the write-back the XPU sees */
    dsb_sy();
    BM_PASS();
    return 0;
}
