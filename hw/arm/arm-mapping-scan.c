/*
 * Which memory does the software on an Arm CPU map cacheable?
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A walk over every valid descriptor of the EL1&0 stage 1 tables, looking
 * for the physical range in the output addresses: the opposite direction
 * of QEMU's table walker, which translates one virtual address. Only what
 * the reverse search needs is decoded (no 52-bit addresses, no permission
 * indirection, no hierarchical attributes: those do not change the
 * memory type).
 */

#include "qemu/osdep.h"
#include "qemu/bitops.h"
#include "hw/arm/arm-mapping-scan.h"
#include "target/arm/cpu.h"

#define OA_MASK MAKE_64BIT_MASK(0, 48)

typedef struct ArmScan {
    const ArmScanRam *ram;
    uint64_t mair;
    unsigned granule_bits;      /* 12, 14 or 16 */
    hwaddr start, end;
    uint64_t budget;
    bool found;
    GString *why;
    const char *ttbr_name;
    uint64_t va_top;            /* the bits above the region's VA bits */
} ArmScan;

/* Normal memory, inner cacheable: the CPU's own caches may hold it */
static bool scan_attr_cacheable(uint8_t attr)
{
    uint8_t outer = attr >> 4, inner = attr & 0xf;

    if (attr == 0xf0) {
        return true;            /* Tagged Normal, write-back (FEAT_MTE) */
    }
    return outer != 0 && inner != 0 && inner != 0x4;
}

static bool scan_read(ArmScan *sc, hwaddr pa, uint64_t *desc)
{
    if (pa < sc->ram->base || pa - sc->ram->base > sc->ram->size - 8) {
        return false;
    }
    *desc = ldq_le_p(sc->ram->host + (pa - sc->ram->base));
    return true;
}

/* Blocks are architected at these levels for 48-bit output addresses */
static bool scan_block_level(unsigned granule_bits, int level)
{
    return granule_bits == 12 ? level == 1 || level == 2 : level == 2;
}

static void scan_table(ArmScan *sc, hwaddr table, int level,
                       unsigned index_bits, uint64_t va)
{
    unsigned stride = sc->granule_bits - 3;
    unsigned shift = sc->granule_bits + stride * (3 - level);
    uint64_t entries = 1ULL << index_bits;

    for (uint64_t i = 0; i < entries && !sc->found; i++) {
        uint64_t desc, evva = va | (i << shift);
        hwaddr oa, size = 1ULL << shift;
        uint8_t attr;

        if (sc->budget-- == 0) {
            g_string_append_printf(sc->why, "the tables of %s are too large "
                                   "to scan (over %u descriptors); any "
                                   "mapping may be cacheable", sc->ttbr_name,
                                   ARM_SCAN_MAX_DESCRIPTORS);
            sc->found = true;
            return;
        }
        if (!scan_read(sc, table + i * 8, &desc) || !(desc & 1)) {
            continue;
        }
        oa = desc & OA_MASK & ~MAKE_64BIT_MASK(0, sc->granule_bits);
        if (level < 3 && (desc & 2)) {
            scan_table(sc, oa, level + 1, stride, evva);
            continue;
        }
        if (level < 3 && !scan_block_level(sc->granule_bits, level)) {
            continue;
        }
        if (level == 3 && !(desc & 2)) {
            continue;           /* reserved encoding */
        }
        oa &= ~(size - 1);
        attr = sc->mair >> (8 * extract64(desc, 2, 3));
        if (oa > sc->end || oa + size - 1 < sc->start ||
            !scan_attr_cacheable(attr)) {
            continue;
        }
        g_string_append_printf(sc->why, "VA 0x%" PRIx64 " -> PA 0x%"
                               HWADDR_PRIx " (level %d %s of 0x%" HWADDR_PRIx
                               " bytes, MAIR attribute 0x%02x) in the tables "
                               "of %s", sc->va_top | evva, oa, level,
                               level == 3 ? "page" : "block", size, attr,
                               sc->ttbr_name);
        sc->found = true;
    }
}

/* One half of the EL1&0 regime: TTBR0 (n = 0) or TTBR1 (n = 1) */
static void scan_regime_half(ArmScan *sc, CPUARMState *env, int n)
{
    uint64_t tcr = env->cp15.tcr_el[1];
    uint64_t ttbr = n ? env->cp15.ttbr1_el[1] : env->cp15.ttbr0_el[1];
    unsigned tsz = extract64(tcr, n ? 16 : 0, 6);
    unsigned tg = extract64(tcr, n ? 30 : 14, 2);
    unsigned vabits, stride, levels, first_bits;
    static const unsigned tg0_bits[4] = { 12, 16, 14, 0 };
    static const unsigned tg1_bits[4] = { 0, 14, 12, 16 };

    if (extract64(tcr, n ? 23 : 7, 1)) {
        return;                 /* EPDn: walks of this half are disabled */
    }
    sc->granule_bits = n ? tg1_bits[tg] : tg0_bits[tg];
    if (!sc->granule_bits) {
        sc->granule_bits = 12;  /* reserved TGn values behave as 4 KiB */
    }
    vabits = 64 - MAX(MIN(tsz, 39), 16);
    stride = sc->granule_bits - 3;
    if (vabits <= sc->granule_bits) {
        return;
    }
    levels = DIV_ROUND_UP(vabits - sc->granule_bits, stride);
    if (levels > 4) {
        return;
    }
    first_bits = vabits - sc->granule_bits - (levels - 1) * stride;
    sc->ttbr_name = n ? "TTBR1_EL1" : "TTBR0_EL1";
    sc->va_top = n ? ~MAKE_64BIT_MASK(0, vabits) : 0;
    scan_table(sc, ttbr & OA_MASK & ~(uint64_t)(MAX(8u << first_bits, 64u) - 1),
               4 - levels, first_bits, 0);
}

bool arm_scan_cacheable_mapping(ARMCPU *cpu, const ArmScanRam *ram,
                                hwaddr start, hwaddr end, GString *why)
{
    CPUARMState *env = &cpu->env;
    ArmScan sc = {
        .ram = ram,
        .mair = env->cp15.mair_el[1],
        .start = start,
        .end = end,
        .budget = ARM_SCAN_MAX_DESCRIPTORS,
        .why = why,
    };

    /* With the MMU off data accesses are Device-nGnRnE: never cached */
    if (!(env->cp15.sctlr_el[1] & SCTLR_M)) {
        return false;
    }
    scan_regime_half(&sc, env, 1);
    if (!sc.found) {
        scan_regime_half(&sc, env, 0);
    }
    return sc.found;
}
