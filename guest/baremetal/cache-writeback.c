/*
 * Dirty lines written back into a range the CPU no longer owns: the XPU
 * faults each write-back (master APPS, kind write-back). One page is
 * written first (memory's copy taken as its store fills the TLB), the
 * other read first (the copy taken at the first store after). Run with
 * the XPU action "log", so the program goes on and reports.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"
#include "mmu.h"

/* volatile: every access must reach the memory system */
static volatile uint64_t buf[2][512] __attribute__((aligned(4096)));

int main(void)
{
    static const unsigned mss[] = { VMID_MSS_MSA };

    bm_mmu_enable();
    buf[0][8] = 0xdeadbeef;           /* line 0x40 of page 0 is dirty */
    (void)buf[1][0];                  /* page 1 held clean, */
    buf[1][16] = 0xfeedface;          /* then its line 0x80 dirty */
    if (bm_scm_assign((uintptr_t)buf, sizeof(buf), VMID_HLOS, mss, 1)) {
        BM_FAIL("assign_mem failed");
        return 1;
    }
    dc_cvac(&buf[0][8]);              /* the write-backs the XPU sees */
    dc_cvac(&buf[1][16]);
    dsb_sy();
    BM_PASS();
    return 0;
}
