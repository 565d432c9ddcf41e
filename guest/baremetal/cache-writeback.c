/*
 * A dirty line written back into a range the CPU no longer owns: the XPU
 * faults the write-back (master APPS, kind write-back). Run with the XPU
 * action "log", so the program goes on and reports.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"
#include "mmu.h"

/* volatile: every access must reach the memory system */
static volatile uint64_t buf[512] __attribute__((aligned(4096)));

int main(void)
{
    static const unsigned mss[] = { VMID_MSS_MSA };

    bm_mmu_enable();
    buf[8] = 0xdeadbeef;              /* line 0x40 of the page is dirty */
    if (bm_scm_assign((uintptr_t)buf, 4096, VMID_HLOS, mss, 1)) {
        BM_FAIL("assign_mem failed");
        return 1;
    }
    dc_cvac(&buf[8]);                 /* the write-back the XPU sees */
    dsb_sy();
    BM_PASS();
    return 0;
}
