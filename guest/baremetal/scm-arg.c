/*
 * TrustZone reads its arguments from memory, as a device that does not
 * snoop the CPUs' caches. An assign_mem call whose source VMID list the
 * CPU wrote through a cacheable mapping and did not clean (CLEAN=0)
 * reaches the firmware as memory's older data, no VMID at all: the call
 * is refused (the range is HLOS's, not VMID 0's), and the cache model
 * reports a stale read by TrustZone. Cleaned first (CLEAN=1), the call
 * goes through. The range goes from HLOS to HLOS: nothing else changes.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"
#include "mmu.h"

#define SCM_ASSIGN 0x42000c16ULL     /* SiP, SMC64, svc 0x0c cmd 0x16 */
#define SCM_ARGINFO_ASSIGN 0x1117    /* 7 arguments, lists by address */
#define SCM_EINVAL_ARG (-2)

/*
 * Argument lists, as bm_scm_assign() lays them out: the source list at
 * +0, the memory list at +64, the destination list at +128, arguments
 * 3..9 at +1024. volatile: the firmware reads them from memory.
 */
static volatile uint8_t args[4096] __attribute__((aligned(4096)));
/* The range assigned */
static uint8_t range[4096] __attribute__((aligned(4096)));

static long assign(void)
{
    uint64_t base = (uintptr_t)args;
    register uint64_t x0 __asm__("x0") = SCM_ASSIGN;
    register uint64_t x1 __asm__("x1") = SCM_ARGINFO_ASSIGN;
    register uint64_t x2 __asm__("x2") = base + 64;
    register uint64_t x3 __asm__("x3") = 16;
    register uint64_t x4 __asm__("x4") = base;
    register uint64_t x5 __asm__("x5") = base + 1024;
    register uint64_t x6 __asm__("x6") = 0;

    __asm__ volatile("smc #0"
                     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4),
                       "+r"(x5), "+r"(x6) : : "memory");
    return (long)x0;
}

int main(void)
{
    /* volatile: each access must reach the uncached alias, in order */
    volatile uint8_t *nc = BM_NC(args);
    volatile uint64_t *mem = (volatile uint64_t *)(nc + 64);   /* see args */
    volatile uint32_t *dest = (volatile uint32_t *)(nc + 128); /* ditto */
    volatile uint64_t *ext = (volatile uint64_t *)(nc + 1024); /* ditto */
    long ret;

    bm_mmu_enable();
    /* everything but the source list straight to memory */
    mem[0] = (uintptr_t)range;
    mem[1] = sizeof(range);
    dest[0] = VMID_HLOS;
    dest[1] = 0x6;                  /* read | write */
    for (int i = 2; i < 6; i++) {
        dest[i] = 0;
    }
    ext[0] = 4;                     /* source list size */
    ext[1] = (uintptr_t)args + 128; /* destination list */
    ext[2] = 24;                    /* destination list size */
    ext[3] = ext[4] = ext[5] = ext[6] = 0;
    /* the source list in the CPU's cache: memory keeps 0 (.bss) */
    *(volatile uint32_t *)args = VMID_HLOS;
    if (CLEAN) {
        dc_cvac(args);
    }
    dsb_sy();
    ret = assign();
    if (CLEAN && ret != 0) {
        BM_FAIL("assign_mem with a cleaned source list failed");
        return 1;
    }
    if (!CLEAN && ret != SCM_EINVAL_ARG) {
        BM_FAIL("TrustZone read the CPU's uncleaned source list");
        return 1;
    }
    BM_PASS();
    return 0;
}
