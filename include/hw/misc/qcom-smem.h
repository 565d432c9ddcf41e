/*
 * Qualcomm shared memory (SMEM) as the boot loader leaves it
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * SMEM is plain DRAM (a no-map carve-out) through which the SoC's
 * processors share named items. The boot loader lays it out before
 * Linux runs; this device does that at every reset, writing through the
 * SoC bus (so through the XPU and the memory side of the cache model),
 * in one of the two layouts Linux's smem.c reads:
 *  - version 11, the "global heap": header with initialized = 1,
 *    version[7] = 11 << 16, free_offset/available accounting, a table
 *    of 512 items, and no partition table ($TOC), so every item of
 *    every host (0..511) lives in the heap;
 *  - version 12, the "global partition": the same header (its table
 *    unused, the heap given whole to the partition), a $TOC in the last
 *    4 KiB with one entry, the global partition (hosts 0xfffe:0xfffe),
 *    followed by the smem_info ("SIII") that sets the number of items;
 *    the partition's $PRT header and its list of uncached items hold
 *    every item of every host, as there is no host's own partition.
 * It also gives the range to both HLOS and the modem in the XPU, as the
 * boot chain does. docs/devel/qcom-q6v5-mss.rst ("Modem services") has
 * the layouts.
 *
 * QEMU interface:
 *  + no MMIO: the contents are in the RAM behind "memory"
 *  + QOM property "memory": link to the MemoryRegion of the SoC bus
 *    (address 0 at physical address 0)
 *  + QOM properties "base", "size": the carve-out (4 KiB aligned; size
 *    at least 16 KiB, 20 KiB for version 12, default 2 MiB)
 *  + QOM property "mutex": link to the qcom-tcsr-mutex (optional): the
 *    allocations of qcom_smem_alloc take lock QCOM_SMEM_HWLOCK, as the
 *    Linux driver's do
 *  + QOM property "version": the layout, 11 (default) or 12
 *  + QOM property "items": version 12's number of items (smem_info's
 *    num_items, 512..65535, default QCOM_SMEM_ITEMS_DEFAULT); version 11
 *    has 512
 *  + QOM property "minidump" (bool, default false): version 12 also
 *    holds item 602, the boot loader's minidump table of contents
 *    (initialised, no subsystem enabled)
 *  + C API below for the board (qcom_smem_layout) and the other
 *    processors' models
 */

#ifndef HW_MISC_QCOM_SMEM_H
#define HW_MISC_QCOM_SMEM_H

#include "hw/sysbus.h"
#include "exec/memory.h"
#include "qom/object.h"

#define TYPE_QCOM_SMEM "qcom-smem"
OBJECT_DECLARE_SIMPLE_TYPE(QcomSmemState, QCOM_SMEM)

typedef struct QcomTcsrMutexState QcomTcsrMutexState;

/* The layout (smem.c, 6.1) */
#define QCOM_SMEM_VERSION_OFFSET    0x5c    /* version[7] */
#define QCOM_SMEM_INITIALIZED       0xc0
#define QCOM_SMEM_FREE_OFFSET       0xc4
#define QCOM_SMEM_AVAILABLE         0xc8
#define QCOM_SMEM_RESERVED          0xcc
#define QCOM_SMEM_TOC               0xd0
#define QCOM_SMEM_TOC_ENTRY_SIZE    16      /* allocated, offset, size, aux */
#define QCOM_SMEM_ITEM_COUNT        512     /* of the global heap's table */
#define QCOM_SMEM_HEAP_START        (QCOM_SMEM_TOC + QCOM_SMEM_ITEM_COUNT * \
                                     QCOM_SMEM_TOC_ENTRY_SIZE)
#define QCOM_SMEM_GLOBAL_HEAP_VERSION 11
#define QCOM_SMEM_GLOBAL_PART_VERSION 12
/* Items below this are the boot loader's; Linux may not allocate them */
#define QCOM_SMEM_ITEM_FIRST_FREE   8
/* The last 4 KiB: the partition table (zero in version 11: no $TOC) */
#define QCOM_SMEM_PTABLE_SIZE       0x1000
#define QCOM_SMEM_HWLOCK            3

/* Version 12: the partition table at size - QCOM_SMEM_PTABLE_SIZE */
#define QCOM_SMEM_PTABLE_MAGIC      0x434f5424      /* "$TOC" */
#define QCOM_SMEM_PTABLE_ENTRIES    0x20    /* after magic, version, count */
#define QCOM_SMEM_PTABLE_ENTRY_SIZE 48
#define QCOM_SMEM_INFO_MAGIC        0x49494953      /* "SIII" */
#define QCOM_SMEM_GLOBAL_HOST       0xfffe
#define QCOM_SMEM_CACHELINE         64
#define QCOM_SMEM_ITEMS_DEFAULT     3000
/* the global partition: from the page after the header's table */
#define QCOM_SMEM_PART_OFFSET       0x3000
#define QCOM_SMEM_PART_MAGIC        0x54525024      /* "$PRT" */
#define QCOM_SMEM_PART_HDR_SIZE     0x20
#define QCOM_SMEM_PART_FREE_UNCACHED 0xc        /* in the partition header */
#define QCOM_SMEM_PART_FREE_CACHED  0x10
#define QCOM_SMEM_PRIVATE_HDR_SIZE  16  /* canary, item, size, paddings */
#define QCOM_SMEM_PRIVATE_CANARY    0xa5a5

/* Items of the modem flow */
#define QCOM_SMEM_ITEM_CRASH_REASON_MSS 421
#define QCOM_SMEM_ITEM_SMP2P_APPS_MSS   428     /* APPS -> modem */
#define QCOM_SMEM_ITEM_SMP2P_MSS_APPS   435     /* modem -> APPS */
/* The boot loader's minidump table (qcom_common.c's), 10 subsystems */
#define QCOM_SMEM_ITEM_MINIDUMP         602
#define QCOM_SMEM_MINIDUMP_TOC_SIZE     (16 + 10 * 32)

struct QcomSmemState {
    SysBusDevice parent_obj;

    AddressSpace as;

    /* properties */
    MemoryRegion *memory;
    uint64_t base;
    uint64_t size;
    QcomTcsrMutexState *mutex;
    uint32_t version;
    uint32_t items;
    bool minidump;
};

/*
 * Write the layout the boot loader leaves: version 11, header (global
 * heap) with an empty table of contents and a zeroed partition table;
 * version 12, the header, the partition table and an empty global
 * partition (with the minidump table if "minidump"). The board calls it
 * at every reset, once the devices (the XPU, the cache model) are back
 * to their reset state.
 */
void qcom_smem_layout(QcomSmemState *s);

/* The number of items: 512 in version 11, "items" in version 12 */
unsigned qcom_smem_item_count(QcomSmemState *s);

/*
 * Allocate item (QCOM_SMEM_ITEM_FIRST_FREE..qcom_smem_item_count() - 1)
 * of size bytes for a processor whose TCSR mutex id is lock_id,
 * accessing memory with attrs, as smem.c's qcom_smem_alloc_global
 * (version 11: size rounded up to 8) or qcom_smem_alloc_private in the
 * global partition (version 12) does. Returns 0, -EEXIST (already
 * allocated: not an error for SMP2P), -EBUSY (the hardware lock is held
 * by another processor: retry later), -ENOMEM, -EINVAL (bad item) or
 * -EIO (memory access failed, or the partition's list is corrupt).
 */
int qcom_smem_alloc(QcomSmemState *s, unsigned item, uint32_t size,
                    uint32_t lock_id, MemTxAttrs attrs);

/*
 * Physical address of an allocated item (its size in *size if not
 * NULL: rounded up to 8 in version 11, as allocated in version 12), or
 * 0 if item is not allocated or its entry is out of range. Version 12
 * looks in the global partition's uncached list, where every processor
 * here allocates.
 */
hwaddr qcom_smem_get(QcomSmemState *s, unsigned item, uint32_t *size,
                     MemTxAttrs attrs);

#endif /* HW_MISC_QCOM_SMEM_H */
