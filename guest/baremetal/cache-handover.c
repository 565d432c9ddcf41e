/*
 * The 2022 regression in small: a buffer is written through the cacheable
 * mapping, cleaned (CLEAN_ONLY=1) or cleaned and invalidated, then handed
 * to the modem with the hypervisor's assign_mem. Handing over lines the
 * CPU still holds is a hazard the cache model reports; with clean and
 * invalidate there is none and the program passes. IMAGE_NC=1 maps the
 * program's memory, the buffer with it, non-cacheable only: then even
 * strict speculation finds nothing in the page tables to fill it from.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"
#include "mmu.h"

#define SIZE (2 * 4096)
/* volatile: every access must reach the memory system */
static volatile uint8_t buf[SIZE] __attribute__((aligned(4096)));

int main(void)
{
    static const unsigned mss[] = { VMID_MSS_MSA };
    long ret;

    if (IMAGE_NC) {
        bm_mmu_enable_image_nc();
    } else {
        bm_mmu_enable();
    }
    for (int i = 0; i < SIZE; i++) {
        buf[i] = i * 7;
    }
    bm_dcache_range(buf, SIZE, !CLEAN_ONLY);
    ret = bm_scm_assign((uintptr_t)buf, SIZE, VMID_HLOS, mss, 1);
    if (ret) {
        BM_FAIL("assign_mem failed");
        return 1;
    }
    BM_PASS();
    return 0;
}
