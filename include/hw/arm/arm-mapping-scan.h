/*
 * Which memory does the software on an Arm CPU map cacheable?
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * A reverse search of the stage 1 translation tables of a CPU's EL1&0
 * regime (TTBR0_EL1 and TTBR1_EL1 as they are now, AArch64 long
 * descriptors with 4, 16 or 64 KiB granules): is any page of a physical
 * range the output of a valid block or page descriptor whose memory type
 * (MAIR_EL1) is Normal inner cacheable? That is memory the CPU may fill
 * into its caches speculatively at any time, e.g. Linux's linear map of
 * all RAM that is not a no-map carve-out.
 *
 * QEMU interface:
 *  + arm_scan_cacheable_mapping() for boards and device models
 *  + arm_scan_translate(): the same tables read forwards, for firmware
 *    models that follow the guest's pointers (QEMU's debug walk goes
 *    through the XPU and the cache model's regions, which it cannot)
 */

#ifndef HW_ARM_ARM_MAPPING_SCAN_H
#define HW_ARM_ARM_MAPPING_SCAN_H

#include "exec/hwaddr.h"
#include "target/arm/cpu-qom.h"

/* Where the translation tables can be: one RAM block, as the CPU sees it */
typedef struct ArmScanRam {
    const uint8_t *host;
    hwaddr base;
    uint64_t size;
} ArmScanRam;

/*
 * Descriptors read at most per scan: bounds the time a guest can cost.
 * Linux's linear map of 8 GiB in 4 KiB pages (rodata=full) is 2 Mi.
 */
#define ARM_SCAN_MAX_DESCRIPTORS (4 * 1024 * 1024)

/*
 * Does @cpu map any of [start, end] (inclusive) cacheable? Reads the
 * tables from @ram (descriptors pointing elsewhere count as invalid),
 * each table once however many descriptors point to it.
 * Returns true with a one-line description of the first such mapping
 * appended to @why; also true (and says so) when the tables are too
 * large to scan within ARM_SCAN_MAX_DESCRIPTORS, as any of them may.
 */
bool arm_scan_cacheable_mapping(ARMCPU *cpu, const ArmScanRam *ram,
                                hwaddr start, hwaddr end, GString *why);

/*
 * The physical address @cpu's EL1&0 stage 1 tables give @va (the VA
 * itself with the MMU off), reading the tables from @ram; false if
 * they do not map it.
 */
bool arm_scan_translate(ARMCPU *cpu, const ArmScanRam *ram, uint64_t va,
                        hwaddr *pa);

#endif /* HW_ARM_ARM_MAPPING_SCAN_H */
