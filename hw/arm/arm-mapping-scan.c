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
#include "target/arm/internals.h"

#define OA_MASK MAKE_64BIT_MASK(0, 48)

typedef struct ArmScan {
    const ArmScanRam *ram;
    uint64_t mair;
    unsigned granule_bits;      /* 12, 14 or 16 */
    hwaddr start, end;
    uint64_t budget;
    GHashTable *seen;           /* tables walked, by PA | level */
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
            /*
             * A table already walked at this level maps nothing new:
             * the answer is about physical pages, not where they are
             * mapped, so shared and looping tables cost once.
             */
            uint64_t *key = g_new(uint64_t, 1);

            *key = oa | (level + 1);    /* oa is granule-aligned */
            if (g_hash_table_add(sc->seen, key)) {
                scan_table(sc, oa, level + 1, stride, evva);
            }
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
    ARMVAParameters p = aa64_va_parameters(env, n ? -1ULL : 0,
                                           ARMMMUIdx_Stage1_E1, true, false);
    uint64_t ttbr = n ? env->cp15.ttbr1_el[1] : env->cp15.ttbr0_el[1];
    unsigned vabits = 64 - p.tsz, stride, levels, first_bits;

    if (p.epd) {
        return;                 /* EPDn: walks of this half are disabled */
    }
    if (p.ds) {
        g_string_append_printf(sc->why, "the tables of %s have 52-bit "
                               "descriptors (FEAT_LPA2), which the scan does "
                               "not read; any mapping may be cacheable",
                               n ? "TTBR1_EL1" : "TTBR0_EL1");
        sc->found = true;
        return;
    }
    sc->granule_bits = arm_granule_bits(p.gran);
    stride = sc->granule_bits - 3;
    levels = DIV_ROUND_UP(vabits - sc->granule_bits, stride);
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
        .seen = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free,
                                      NULL),
        .why = why,
    };

    /* With the MMU off data accesses are Device-nGnRnE: never cached */
    if (!(env->cp15.sctlr_el[1] & SCTLR_M)) {
        return false;
    }
    scan_regime_half(&sc, env, 1);
    if (!sc.found) {
        g_hash_table_remove_all(sc.seen);   /* the other half's granule */
        scan_regime_half(&sc, env, 0);
    }
    g_hash_table_destroy(sc.seen);
    return sc.found;
}

bool arm_scan_translate(ARMCPU *cpu, const ArmScanRam *ram, uint64_t va,
                        hwaddr *pa)
{
    CPUARMState *env = &cpu->env;
    int n = extract64(va, 55, 1);
    ARMVAParameters p = aa64_va_parameters(env, va, ARMMMUIdx_Stage1_E1,
                                           true, false);
    uint64_t ttbr = n ? env->cp15.ttbr1_el[1] : env->cp15.ttbr0_el[1];
    unsigned vabits = 64 - p.tsz, gbits, stride, levels, first_bits;
    ArmScan sc = { .ram = ram };
    hwaddr table;

    if (!(env->cp15.sctlr_el[1] & SCTLR_M)) {
        *pa = va;
        return true;
    }
    if (p.epd || p.ds) {
        return false;
    }
    gbits = arm_granule_bits(p.gran);
    stride = gbits - 3;
    levels = DIV_ROUND_UP(vabits - gbits, stride);
    first_bits = vabits - gbits - (levels - 1) * stride;
    table = ttbr & OA_MASK & ~(uint64_t)(MAX(8u << first_bits, 64u) - 1);
    for (int level = 4 - levels; level <= 3; level++) {
        unsigned shift = gbits + stride * (3 - level);
        unsigned bits = level == 4 - levels ? first_bits : stride;
        uint64_t desc;
        hwaddr oa;

        if (!scan_read(&sc, table + extract64(va, shift, bits) * 8, &desc) ||
            !(desc & 1)) {
            return false;
        }
        oa = desc & OA_MASK & ~MAKE_64BIT_MASK(0, gbits);
        if (level < 3 && (desc & 2)) {
            table = oa;
            continue;
        }
        if ((level < 3 && !scan_block_level(gbits, level)) ||
            (level == 3 && !(desc & 2))) {
            return false;
        }
        *pa = (oa & ~MAKE_64BIT_MASK(0, shift)) | extract64(va, 0, shift);
        return true;
    }
    return false;
}
