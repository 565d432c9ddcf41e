/*
 * Bare-metal test programs with the MMU and caches on: an identity map of
 * the first 4 GiB with 1 GiB blocks (4 KiB granule, 39-bit VA), and an
 * alias of DRAM as Normal Non-cacheable memory.
 *
 *   VA 0x0_0000_0000..0x0_3fff_ffff  Device-nGnRnE (peripherals)
 *   VA 0x0_8000_0000..0x0_ffff_ffff  Normal Write-Back (DRAM, cacheable)
 *   VA 0x1_8000_0000..0x1_ffff_ffff  Normal Non-cacheable alias of DRAM
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#ifndef BM_MMU_H
#define BM_MMU_H

#include <stdint.h>

#define BM_NC_OFFSET 0x100000000ULL
/* The non-cacheable alias of a cacheable pointer into DRAM */
#define BM_NC(p) ((__typeof__(&(p)[0]))((uintptr_t)(p) + BM_NC_OFFSET))
#define BM_LINE 64

void bm_mmu_enable(void);
/*
 * The same map, but the 2 MiB block the program is loaded in (text,
 * data, stack) Normal Non-cacheable in the cacheable range too: the
 * program's pages are in no cacheable mapping at all.
 */
#define BM_IMAGE_BLOCK 0x80200000ULL
void bm_mmu_enable_image_nc(void);
/*
 * The map of bm_mmu_enable(), but all of a DRAM of @gib GiB (up to 510)
 * Normal Write-Back at VA = PA, in place of the non-cacheable alias where
 * they meet (beyond 2 GiB of DRAM).
 */
void bm_mmu_enable_dram(unsigned gib);
/*
 * After bm_mmu_enable(): the same map from tables written with the caches
 * on, as an operating system writes its own. Their lines are dirty in the
 * data cache: the table walker sees them (it is coherent with the cache),
 * memory does not yet.
 */
void bm_mmu_use_cached_tables(void);

static inline void dc_cvac(const volatile void *p)   /* any pointer */
{
    __asm__ volatile("dc cvac, %0" : : "r"(p) : "memory");
}

static inline void dc_civac(const volatile void *p)   /* any pointer */
{
    __asm__ volatile("dc civac, %0" : : "r"(p) : "memory");
}

static inline void dc_ivac(const volatile void *p)   /* any pointer */
{
    __asm__ volatile("dc ivac, %0" : : "r"(p) : "memory");
}

static inline void dc_zva(volatile void *p)   /* any pointer */
{
    __asm__ volatile("dc zva, %0" : : "r"(p) : "memory");
}

static inline void dsb_sy(void)
{
    __asm__ volatile("dsb sy" : : : "memory");
}

/* Clean (and optionally invalidate) [p, p + len) by VA, then DSB. */
void bm_dcache_range(const volatile void *p, unsigned long len, int inval);

/* Clean every line by set/way, as firmware does before turning caches off */
void bm_dcache_clean_all_setway(void);

/*
 * Qualcomm hypervisor assign_mem through the SCM SiP call: give
 * [addr, addr + size) to the VMIDs of dest_vmids (read and write), taking
 * it from src_vmid. Returns the SCM status (0 = success).
 */
long bm_scm_assign(uint64_t addr, uint64_t size, unsigned src_vmid,
                   const unsigned *dest_vmids, unsigned ndest);

#define VMID_HLOS 3
#define VMID_MSS_MSA 15

#endif
