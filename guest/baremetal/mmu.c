/*
 * MMU, cache maintenance and SCM helpers for bare-metal test programs.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
#include "bm.h"
#include "mmu.h"

#define MAIR_DEVICE 0x00
#define MAIR_WB 0xff
#define MAIR_NC 0x44
#define ATTR_DEVICE 0
#define ATTR_WB 1
#define ATTR_NC 2

#define BLOCK (1ULL << 0)
#define ATTRIDX(i) ((uint64_t)(i) << 2)
#define SH_INNER (3ULL << 8)
#define AF (1ULL << 10)
#define GIB (1ULL << 30)

#define TABLE (3ULL << 0)
#define MIB2 (2ULL << 20)

static uint64_t l1_table[512] __attribute__((aligned(4096)));
static uint64_t l2_table[512] __attribute__((aligned(4096)));
static uint64_t l1_cached[512] __attribute__((aligned(4096)));

/* The map of mmu.h in 1 GiB blocks */
static void fill_l1(uint64_t *l1)
{
    l1[0] = 0 | BLOCK | ATTRIDX(ATTR_DEVICE) | AF;
    for (int i = 2; i < 4; i++) {
        l1[i] = i * GIB | BLOCK | ATTRIDX(ATTR_WB) | SH_INNER | AF;
        l1[i + 4] = i * GIB | BLOCK | ATTRIDX(ATTR_NC) | SH_INNER | AF;
    }
}

static void mmu_enable(int image_nc, unsigned dram_gib)
{
    uint64_t tcr, sctlr;

    fill_l1(l1_table);
    for (unsigned i = 4; i < 2 + dram_gib; i++) {
        l1_table[i] = i * GIB | BLOCK | ATTRIDX(ATTR_WB) | SH_INNER | AF;
    }
    if (image_nc) {
        /* the first GiB of DRAM in 2 MiB blocks, the program's one NC */
        for (int i = 0; i < 512; i++) {
            int nc = (2 * GIB + i * MIB2) == BM_IMAGE_BLOCK;

            l2_table[i] = (2 * GIB + i * MIB2) | BLOCK | SH_INNER | AF |
                          ATTRIDX(nc ? ATTR_NC : ATTR_WB);
        }
        l1_table[2] = (uintptr_t)l2_table | TABLE;
    }
    /*
     * T0SZ 25 (39-bit VA), WB WA walks, inner shareable, 4K granule,
     * 40-bit PA, no TTBR1 walks
     */
    tcr = 25 | (1ULL << 8) | (1ULL << 10) | (3ULL << 12) | (1ULL << 23) |
          (2ULL << 32);
    __asm__ volatile(
        "msr mair_el1, %0\n"
        "msr tcr_el1, %1\n"
        "msr ttbr0_el1, %2\n"
        "isb\n"
        "tlbi vmalle1\n"
        "dsb sy\n"
        "isb\n"
        : : "r"((uint64_t)MAIR_DEVICE << (8 * ATTR_DEVICE) |
                (uint64_t)MAIR_WB << (8 * ATTR_WB) |
                (uint64_t)MAIR_NC << (8 * ATTR_NC)),
            "r"(tcr), "r"(l1_table) : "memory");
    __asm__ volatile("mrs %0, sctlr_el1" : "=r"(sctlr));
    sctlr |= (1 << 0) | (1 << 2) | (1 << 12);    /* M, C, I */
    __asm__ volatile("msr sctlr_el1, %0\nisb" : : "r"(sctlr) : "memory");
}

void bm_mmu_enable(void)
{
    mmu_enable(0, 0);
}

void bm_mmu_enable_image_nc(void)
{
    mmu_enable(1, 0);
}

void bm_mmu_enable_dram(unsigned gib)
{
    mmu_enable(0, gib);
}

void bm_mmu_use_cached_tables(void)
{
    fill_l1(l1_cached);
    __asm__ volatile(
        "dsb ishst\n"
        "msr ttbr0_el1, %0\n"
        "isb\n"
        "tlbi vmalle1\n"
        "dsb sy\n"
        "isb\n"
        : : "r"(l1_cached) : "memory");
}

/* volatile: the caller's buffers are device-visible memory */
void bm_dcache_range(const volatile void *p, unsigned long len, int inval)
{
    uintptr_t a = (uintptr_t)p & ~(uintptr_t)(BM_LINE - 1);

    for (; a < (uintptr_t)p + len; a += BM_LINE) {
        if (inval) {
            dc_civac((void *)a);
        } else {
            dc_cvac((void *)a);
        }
    }
    dsb_sy();
}

void bm_dcache_clean_all_setway(void)
{
    uint64_t ccsidr, sets, ways, shift;

    /* Level 1 data cache */
    __asm__ volatile("msr csselr_el1, xzr\nisb\nmrs %0, ccsidr_el1"
                     : "=r"(ccsidr));
    sets = ((ccsidr >> 13) & 0x7fff) + 1;
    ways = ((ccsidr >> 3) & 0x3ff) + 1;
    shift = 32 - __builtin_clz((uint32_t)(ways - 1) | 1);
    if (ways == 1) {
        shift = 0;
    }
    for (uint64_t w = 0; w < ways; w++) {
        for (uint64_t s = 0; s < sets; s++) {
            uint64_t v = (w << (32 - shift)) | (s << 6);

            if (!shift) {
                v = s << 6;
            }
            __asm__ volatile("dc csw, %0" : : "r"(v) : "memory");
        }
    }
    dsb_sy();
}

/* Argument buffers the SCM reads from memory: written through the NC alias */
static uint8_t scm_buf[4096] __attribute__((aligned(4096)));

long bm_scm_assign(uint64_t addr, uint64_t size, unsigned src_vmid,
                   const unsigned *dest_vmids, unsigned ndest)
{
    /* volatile: the firmware reads these lists from memory */
    volatile uint8_t *b = BM_NC(scm_buf);
    volatile uint32_t *src = (volatile uint32_t *)b;        /* see above */
    volatile uint64_t *mem = (volatile uint64_t *)(b + 64);  /* see above */
    volatile uint32_t *dest = (volatile uint32_t *)(b + 128); /* ditto */
    volatile uint64_t *ext = (volatile uint64_t *)(b + 1024); /* ditto */
    uint64_t base = (uintptr_t)scm_buf;
    register uint64_t x0 __asm__("x0") = 0x42000C16;
    register uint64_t x1 __asm__("x1") = 0x1117;
    register uint64_t x2 __asm__("x2") = base + 64;
    register uint64_t x3 __asm__("x3") = 16;
    register uint64_t x4 __asm__("x4") = base;
    register uint64_t x5 __asm__("x5") = base + 1024;
    register uint64_t x6 __asm__("x6") = 0;

    src[0] = src_vmid;
    mem[0] = addr;
    mem[1] = size;
    for (unsigned i = 0; i < ndest; i++) {
        dest[i * 6 + 0] = dest_vmids[i];
        dest[i * 6 + 1] = 0x6;     /* read | write */
        dest[i * 6 + 2] = 0;
        dest[i * 6 + 3] = 0;
        dest[i * 6 + 4] = 0;
        dest[i * 6 + 5] = 0;
    }
    ext[0] = 4;                     /* source list size */
    ext[1] = base + 128;            /* destination list */
    ext[2] = 24 * ndest;            /* destination list size */
    ext[3] = ext[4] = ext[5] = ext[6] = 0;
    dsb_sy();
    __asm__ volatile("smc #0"
                     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4),
                       "+r"(x5), "+r"(x6) : : "memory");
    return (long)x0 ? (long)x0 : (long)x1;
}
