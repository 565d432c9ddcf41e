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
 * SoC bus (so through the XPU and the memory side of the cache model):
 * the "global heap" layout, SMEM version 11, of Linux's smem.c: header
 * with initialized = 1, version[7] = 11 << 16, free_offset/available
 * accounting, a table of 512 items, and no partition table ($TOC), so
 * every item of every host lives in the global heap. It also gives the
 * range to both HLOS and the modem in the XPU, as the boot chain does.
 * docs/devel/qcom-q6v5-mss.rst ("Modem services") has the layout.
 *
 * QEMU interface:
 *  + no MMIO: the contents are in the RAM behind "memory"
 *  + QOM property "memory": link to the MemoryRegion of the SoC bus
 *    (address 0 at physical address 0)
 *  + QOM properties "base", "size": the carve-out (4 KiB aligned; size
 *    at least 16 KiB, default 2 MiB)
 *  + QOM property "mutex": link to the qcom-tcsr-mutex (optional): the
 *    allocations of qcom_smem_alloc take lock QCOM_SMEM_HWLOCK, as the
 *    Linux driver's do
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
#define QCOM_SMEM_ITEM_COUNT        512
#define QCOM_SMEM_HEAP_START        (QCOM_SMEM_TOC + QCOM_SMEM_ITEM_COUNT * \
                                     QCOM_SMEM_TOC_ENTRY_SIZE)
#define QCOM_SMEM_GLOBAL_HEAP_VERSION 11
/* Items below this are the boot loader's; Linux may not allocate them */
#define QCOM_SMEM_ITEM_FIRST_FREE   8
/* The last 4 KiB would hold the partition table; left zero (no $TOC) */
#define QCOM_SMEM_PTABLE_SIZE       0x1000
#define QCOM_SMEM_HWLOCK            3

/* Items of the modem flow */
#define QCOM_SMEM_ITEM_CRASH_REASON_MSS 421
#define QCOM_SMEM_ITEM_SMP2P_APPS_MSS   428     /* APPS -> modem */
#define QCOM_SMEM_ITEM_SMP2P_MSS_APPS   435     /* modem -> APPS */

struct QcomSmemState {
    SysBusDevice parent_obj;

    AddressSpace as;

    /* properties */
    MemoryRegion *memory;
    uint64_t base;
    uint64_t size;
    QcomTcsrMutexState *mutex;
};

/*
 * Write the layout the boot loader leaves: header (global heap, version
 * 11), empty table of contents, zeroed partition table. The board calls
 * it at every reset, once the devices (the XPU, the cache model) are
 * back to their reset state.
 */
void qcom_smem_layout(QcomSmemState *s);

/*
 * Allocate item (QCOM_SMEM_ITEM_FIRST_FREE..511) of size bytes (rounded
 * up to 8) for a processor whose TCSR mutex id is lock_id, accessing
 * memory with attrs, as smem.c's qcom_smem_alloc_global does. Returns 0,
 * -EEXIST (already allocated: not an error for SMP2P), -EBUSY (the
 * hardware lock is held by another processor: retry later), -ENOMEM,
 * -EINVAL (bad item) or -EIO (memory access failed).
 */
int qcom_smem_alloc(QcomSmemState *s, unsigned item, uint32_t size,
                    uint32_t lock_id, MemTxAttrs attrs);

/*
 * Physical address of an allocated item (its size in *size if not
 * NULL), or 0 if item is not allocated or its entry is out of range.
 */
hwaddr qcom_smem_get(QcomSmemState *s, unsigned item, uint32_t *size,
                     MemTxAttrs attrs);

#endif /* HW_MISC_QCOM_SMEM_H */
