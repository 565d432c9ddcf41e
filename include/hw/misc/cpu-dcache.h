/*
 * Model of a CPU cluster's data cache as the rest of the system sees it
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * QEMU has no caches: every CPU store is at once in memory and every
 * device sees it. This device makes a range of RAM (the DRAM) behave like
 * memory behind a write-back data cache that devices do not snoop:
 *  - the RAM block holds what the CPUs see (their cached view);
 *  - for every 4 KiB page the CPUs hold, the model keeps memory's own
 *    copy, which is what other bus masters read and write;
 *  - lines are held from the CPU's first cacheable access to the page
 *    (the whole page, as an adjacent-line prefetcher would) until the
 *    CPU invalidates them or, beyond the capacity, they are evicted; a
 *    held line is dirty while the CPU's view of it differs from the value
 *    it last exchanged with memory;
 *  - cache maintenance (clean, invalidate, clean+invalidate, zero) moves
 *    data between the two views and is where write-backs are issued, as
 *    transactions of the CPU cluster on the "bus" with the kind of access
 *    in their attributes;
 *  - debug accesses (MemTxAttrs.debug: gdbstub, the monitor's x; and
 *    those with unspecified attributes: qtest, xp) change nothing the
 *    model keeps and are never reported.
 * docs/devel/cache-model.rst explains the mechanism and its costs.
 *
 * QEMU interface:
 *  + sysbus MMIO region 0: the CPUs' view of the range (an IOMMU region):
 *    to be mapped where the RAM was in the CPUs' address space
 *  + sysbus MMIO region 1: the "slow" window of the same size, to be
 *    mapped in system memory at an unused address (QOM property
 *    "window-base"); the CPU view sends non-cacheable accesses to held
 *    pages there, so that the CPU's TLB finds it in its own FlatView
 *  + sysbus MMIO region 2: memory's view of the range (an IOMMU region,
 *    starting at 0): what other masters reach through the bus, e.g. as
 *    the XPU's downstream
 *  + QOM property "ram": link to the RAM MemoryRegion
 *  + QOM property "bus": link to the MemoryRegion (at offset 0 = start of
 *    the range) through which the cluster's transactions (fills, write-
 *    backs, non-cacheable accesses) go: memory's view, or a firewall in
 *    front of it
 *  + QOM property "base": physical address of the range
 *  + QOM property "window-base": where region 1 is mapped
 *  + QOM property "coherency": "emulate" (default: devices see memory,
 *    CPUs their caches, and each divergence is reported) or "report"
 *    (devices see the CPUs' data as in plain QEMU; divergence reported)
 *  + QOM property "speculation": "off" (default), "strict": memory the
 *    CPUs' page tables map cacheable may be filled at any time, so taking
 *    it away from the CPUs is a hazard even with no line held (the board
 *    answers cpu_dcache_set_mapping_query())
 *  + QOM property "capacity": how much the model holds at most, in bytes
 *    (a multiple of 4 KiB, at least 8 KiB; default 8 MiB, the CPU caches
 *    of SDM845 or SM8250 with a margin; 0: unbounded, lines stay until
 *    maintained).
 *    Beyond it the pages held longest are evicted: dirty lines written
 *    back through the bus, clean ones dropped per "clean-evict"
 *  + QOM property "clean-evict": "silent" (default) or "visible": a clean
 *    line evicted goes out as an eviction transaction a firewall sees
 *  + C API below: maintenance, hazard check, no-map ranges, reports
 *  + QMP command query-dcache and HMP command "info dcache": the lines
 *    held in a range, with their states and histories
 */

#ifndef HW_MISC_CPU_DCACHE_H
#define HW_MISC_CPU_DCACHE_H

#include "hw/sysbus.h"
#include "exec/memory.h"
#include "qom/object.h"
#include "qemu/queue.h"

#define TYPE_CPU_DCACHE "cpu-dcache"
OBJECT_DECLARE_SIMPLE_TYPE(CpuDcacheState, CPU_DCACHE)

#define TYPE_CPU_DCACHE_CPU_VIEW "cpu-dcache-cpu-view-iommu-memory-region"
#define TYPE_CPU_DCACHE_MEM_VIEW "cpu-dcache-mem-view-iommu-memory-region"

#define CPU_DCACHE_LINE_SIZE 64
#define CPU_DCACHE_PAGE_SIZE 4096
#define CPU_DCACHE_LINES_PER_PAGE (CPU_DCACHE_PAGE_SIZE / CPU_DCACHE_LINE_SIZE)

typedef const char *CpuDcacheMasterNameFn(uint16_t requester_id);
typedef bool CpuDcacheMappedFn(void *opaque, hwaddr start, hwaddr end,
                               GString *why);
typedef struct CpuDcachePage CpuDcachePage;

/* stale-read, write-under-cache, mismatched-alias, hazard */
#define CPU_DCACHE_FINDING_KINDS 4

/* vCPUs whose DC ZVA sweeps are recorded without the BQL (cpu_index) */
#define CPU_DCACHE_SWEEP_CPUS 16

/*
 * A vCPU's DC ZVA sweep of a page held whole (clear_page(): one DC ZVA
 * per line, in ascending order, from one pc), whose history the model
 * has yet to write: cpu_dcache_zero().
 */
typedef struct CpuDcacheSweep {
    /* the vCPU's own, written with the BQL held */
    uint64_t pageno;
    uint64_t va;                /* of the page */
    uint64_t pc, lr;
    uint64_t swept;             /* the lines of the page zeroed so far */
    /* the lines zeroed since; set by the vCPU, taken with the BQL held */
    uint64_t lines;
} CpuDcacheSweep;

/* An IOMMU the bus maps, whose changes drop the bus's answers kept */
typedef struct CpuDcacheBusIommu {
    IOMMUNotifier notifier;
    MemoryRegion *mr;
    unsigned sections;          /* of it that the bus maps */
    CpuDcacheState *s;
    QLIST_ENTRY(CpuDcacheBusIommu) next;
} CpuDcacheBusIommu;

struct CpuDcacheState {
    SysBusDevice parent_obj;

    IOMMUMemoryRegion cpu_view;
    IOMMUMemoryRegion mem_view;
    MemoryRegion window;        /* slow path of the CPU view */
    MemoryRegion mem_io;        /* slow path of memory's view */
    AddressSpace ram_as;
    AddressSpace bus_as;
    AddressSpace mem_io_as;
    MemoryRegion bus_root;

    uint8_t *ram_host;
    CpuDcachePage **pages;
    uint64_t npages;
    QSLIST_HEAD(, CpuDcachePage) spare;     /* to reuse */
    unsigned nspare;
    uint8_t **spare_mem;        /* memory's copies to reuse */
    unsigned nspare_mem;
    unsigned long *watch;       /* held pages without: first_write() */
    ram_addr_t ram_addr;
    /* the pages that hold lines, in the order they were filled */
    QTAILQ_HEAD(, CpuDcachePage) held;
    /* held pages cleaned since the last eviction, with memory's copy */
    QLIST_HEAD(, CpuDcachePage) cleaned;
    uint64_t held_pages;
    uint64_t held_lines;
    uint64_t capacity_lines;    /* 0: unbounded */
    uint64_t evicted_pages;     /* since reset */
    bool evict_pending;         /* a vCPU is to evict at its next exit */
    unsigned long *mem_mapped;  /* memory's view sent to RAM since rearm */
    unsigned long *full;        /* pages held with all their lines */
    CpuDcacheMappedFn *mapped;  /* for strict speculation */
    void *mapped_opaque;
    CpuDcacheMasterNameFn *master_name;
    uint64_t findings;
    /* per kind of finding: how many, and the number of the last reported */
    uint64_t kind_count[CPU_DCACHE_FINDING_KINDS];
    uint64_t kind_reported[CPU_DCACHE_FINDING_KINDS];
    /*
     * Events (fills, maintenance) are numbered: an order that the same
     * guest reproduces exactly, which virtual time read from a TLB fill or
     * a helper could not give under -icount.
     */
    uint64_t seq;
    CpuDcacheSweep sweeps[CPU_DCACHE_SWEEP_CPUS];
    unsigned sweep_cpus;        /* sweeps[] used so far: the BQL's */

    /*
     * Write-backs: while the lines of page wb_pageno go out on the bus,
     * memory's view sends that page to wb_ram, which holds memory's copy
     * of the lines; wb_data is what the cluster writes.
     */
    MemoryRegion wb_ram;
    AddressSpace wb_as;
    uint64_t wb_pageno;
    uint8_t *wb_host;
    uint8_t *wb_data;

    /*
     * The bus's answers kept: per page, its fill's read passes, its
     * write-back whole passes (bus_passes()); dropped when the bus's map
     * or an IOMMU on it changes (bus_changed()).
     */
    unsigned long *bus_read_ok;
    unsigned long *bus_wb_ok;
    MemoryListener bus_listener;
    QLIST_HEAD(, CpuDcacheBusIommu) bus_iommus;
    bool bus_uncached;          /* an IOMMU refused to notify us */

    /* properties */
    uint64_t capacity;
    bool visible_evict;
    MemoryRegion *ram;
    MemoryRegion *bus;
    uint64_t base;
    uint64_t window_base;
    char *coherency_str;
    char *speculation_str;
    char *clean_evict_str;
    int coherency;
    bool strict_speculation;
};

/* Maintenance operations, by physical address or by set/way. */
typedef enum CpuDcacheOp {
    CPU_DCACHE_CLEAN_POC,       /* DC CVAC, CVAP, CVADP: write back */
    CPU_DCACHE_CLEAN_POU,       /* DC CVAU: no further than the cluster */
    CPU_DCACHE_INVAL,           /* DC IVAC: discard */
    CPU_DCACHE_CLEAN_INVAL,     /* DC CIVAC */
    CPU_DCACHE_ZERO,            /* DC ZVA: dirty zero lines, no fill */
    CPU_DCACHE_SW_CLEAN,        /* DC CSW */
    CPU_DCACHE_SW_INVAL,        /* DC ISW */
    CPU_DCACHE_SW_CLEAN_INVAL,  /* DC CISW */
} CpuDcacheOp;

/* Where a maintenance operation came from, for the lines' histories. */
typedef struct CpuDcacheOrigin {
    const char *insn;           /* e.g. "DC CVAC" */
    uint64_t pc;
    uint64_t lr;                /* the caller of a maintenance routine */
    uint64_t va;
    int cpu;
} CpuDcacheOrigin;

/* Set/way geometry used to split set/way operations over held lines. */
#define CPU_DCACHE_SW_SETS 256

/*
 * Perform a maintenance operation on [pa, pa + size) (by-address ops) or
 * on the lines of set @set (set/way ops; @pa and @size are ignored).
 * Called with the BQL held.
 */
void cpu_dcache_maintain(CpuDcacheState *s, CpuDcacheOp op, hwaddr pa,
                         unsigned size, unsigned set,
                         const CpuDcacheOrigin *origin);

/*
 * DC ZVA of the block [pa, pa + size), as cpu_dcache_maintain() does it
 * (CPU_DCACHE_ZERO), but called without the BQL: a kernel issues one per
 * 64 bytes of each page it clears. Where the only effect is the lines'
 * history (the page is held whole, with memory's copy), it is recorded
 * in the vCPU's sweep without a lock; otherwise it takes the BQL.
 */
void cpu_dcache_zero(CpuDcacheState *s, hwaddr pa, unsigned size,
                     const CpuDcacheOrigin *origin);

/* How sure a fault is when the CPUs lose access (cpu_dcache_check_revoke) */
typedef enum CpuDcacheHazard {
    CPU_DCACHE_NO_HAZARD = 0,
    /*
     * Clean lines only (or, with strict speculation, a cacheable mapping):
     * a fault only if a line is evicted visibly or filled again
     */
    CPU_DCACHE_HAZARD_CLEAN,
    /* At least one dirty line: its write-back will reach the range */
    CPU_DCACHE_HAZARD_DIRTY,
} CpuDcacheHazard;

/*
 * The range [start, end] (inclusive) is being taken away from the CPUs
 * (e.g. a firewall now denies them): all access, or only write access
 * when @read_kept. Returns whether that is a hazard, and how sure, and
 * then fills @report (a newly allocated, human-readable description of
 * the lines the CPUs still hold there, with their histories: only the
 * dirty ones when @read_kept, since the CPUs may keep reading clean ones).
 */
CpuDcacheHazard cpu_dcache_check_revoke(CpuDcacheState *s, hwaddr start,
                                        hwaddr end, bool read_kept,
                                        char **report);

/*
 * Strict speculation asks the board whether the CPUs' software maps any
 * of [start, end] (inclusive) cacheable, as the kernel's linear map does
 * with all memory that is not a no-map carve-out; if so, it appends a
 * one-line description of such a mapping to @why and returns true.
 * Without the query strict speculation finds no hazard of its own.
 */
void cpu_dcache_set_mapping_query(CpuDcacheState *s, CpuDcacheMappedFn *fn,
                                  void *opaque);

/*
 * Names bus masters from the requester_id of their transactions in
 * reports; optional.
 */
void cpu_dcache_set_master_namer(CpuDcacheState *s, CpuDcacheMasterNameFn *fn);

/*
 * Reports of the lines held in a range (a hazard's, query-dcache's and
 * "info dcache") list the first CPU_DCACHE_REPORT_LINES in full, then sum
 * them all up.
 */
#define CPU_DCACHE_REPORT_LINES 256

#endif /* HW_MISC_CPU_DCACHE_H */
