/*
 * Model of a CPU cluster's data cache as the rest of the system sees it
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Mechanism (docs/devel/cache-model.rst has the measurements):
 *
 * The RAM block holds the CPUs' view. A page the CPUs hold has a
 * CpuDcachePage with memory's copy of it ("mem"). The CPU view is an
 * IOMMU region: translate() runs once per page when a CPU fills its TLB,
 * with the access's attributes, and that is where a page becomes held:
 * memory's copy is taken, every line is valid (an adjacent-line
 * prefetcher's worth) and the CPU then runs on plain RAM until
 * maintenance or a change of ownership needs to see it again, at which
 * point an IOMMU unmap notification makes the CPUs refill their TLBs.
 *
 * A held line is dirty while the CPU's view differs from "base", the
 * value it last exchanged with memory: memory's copy, unless another
 * master wrote memory under a line the CPU holds ("stale" lines, whose
 * base is kept separately). Lines the CPU never wrote compare equal, so
 * page-granular tracking never writes back data nobody wrote; a line
 * written with the value it already had is not dirty either (a write-
 * back of it would be invisible but to a firewall).
 *
 * Non-cacheable accesses of the CPUs use the IOMMU index 1: they go to
 * the bus (memory's view, through any firewall), via the slow window
 * when the page is held. Other masters reach memory's view, region 2,
 * whose translate() sends pages nobody holds straight to RAM.
 *
 * Debug accesses (gdbstub's and the monitor's x, MemTxAttrs.debug: index
 * 2, straight to the RAM block or memory's side of a held page; those
 * with unspecified attributes, qtest's and xp's, on the bus) change
 * nothing the model keeps and report nothing: see debug_access().
 */

#include "qemu/osdep.h"
#include "qemu/units.h"
#include "qemu/bitops.h"
#include "qemu/error-report.h"
#include "qemu/log.h"
#include "qemu/main-loop.h"
#include "qapi/error.h"
#include "qapi/qapi-events-dcache.h"
#include "hw/core/cpu.h"
#include "hw/misc/cpu-dcache.h"
#include "hw/qdev-properties.h"
#include "hw/qdev-properties-system.h"
#include "migration/vmstate.h"
#include "monitor/hmp.h"
#include "monitor/monitor.h"
#include "qobject/qdict.h"
#include "exec/address-spaces.h"
#include "trace.h"

#define LINE CPU_DCACHE_LINE_SIZE
#define PAGE CPU_DCACHE_PAGE_SIZE
#define NLINES CPU_DCACHE_LINES_PER_PAGE
#define ALL_LINES UINT64_MAX

enum {
    IOMMU_IDX_CACHEABLE,
    IOMMU_IDX_NONCACHEABLE,
    IOMMU_IDX_DEBUG,
    IOMMU_NUM_INDEXES,
};

enum {
    COHERENCY_EMULATE,
    COHERENCY_REPORT,
};

/* What happened last to a line, for reports. */
typedef struct CpuDcacheLineHist {
    const char *insn;           /* last maintenance, NULL if none */
    uint64_t pc, lr, va;
    uint64_t seq;
    int cpu;
    bool dirty_when_maintained;
} CpuDcacheLineHist;

struct CpuDcachePage {
    uint64_t valid;             /* lines the CPUs hold */
    uint64_t stale;             /* held lines another master wrote under */
    uint8_t *mem;               /* memory's copy of the page */
    uint8_t *base;              /* CPU's last exchanged value, stale lines */
    uint64_t fill_pc;           /* the access that made the page held */
    uint64_t fill_seq;
    int fill_cpu;
    CpuDcacheLineHist *hist;    /* per line, once maintenance touched it */
};

static uint8_t *ram_ptr(CpuDcacheState *s, uint64_t pageno)
{
    return (uint8_t *)memory_region_get_ram_ptr(s->ram) + pageno * PAGE;
}

static CpuDcacheLineHist *line_hist(CpuDcachePage *p, unsigned line)
{
    if (!p->hist) {
        p->hist = g_new0(CpuDcacheLineHist, NLINES);
    }
    return &p->hist[line];
}

static const uint8_t *line_base(CpuDcachePage *p, unsigned line)
{
    return (p->stale & BIT_ULL(line) ? p->base : p->mem) + line * LINE;
}

static bool line_dirty(CpuDcacheState *s, uint64_t pageno, CpuDcachePage *p,
                       unsigned line)
{
    return (p->valid & BIT_ULL(line)) &&
           memcmp(ram_ptr(s, pageno) + line * LINE, line_base(p, line), LINE);
}

static const char *master_name(CpuDcacheState *s, MemTxAttrs attrs,
                               char *buf, size_t len)
{
    if (s->master_name) {
        return s->master_name(attrs.requester_id);
    }
    snprintf(buf, len, "requester 0x%x", attrs.requester_id);
    return buf;
}

static MemTxAttrs cluster_attrs(unsigned kind)
{
    /* The cluster is requester 0; bits [11:8] carry the kind of access. */
    MemTxAttrs attrs = { .requester_id = kind << 8 };

    return attrs;
}

#define KIND_ACCESS 0
#define KIND_WRITEBACK 1
#define KIND_EVICT 2

static bool bounded(CpuDcacheState *s)
{
    return s->capacity != 0;
}

/*
 * Make the CPUs (and memory's view) translate a page again. Which IOMMU
 * indexes need it depends on what changed:
 *  - the page became held: non-cacheable CPU accesses and memory's view
 *    must now take the slow path (CPU cacheable entries cannot exist yet);
 *  - lines were invalidated: the CPUs' next cacheable access must be seen,
 *    to make the page held again.
 */
#define REARM_HELD  1
#define REARM_INVAL 2

static void cpu_dcache_rearm(CpuDcacheState *s, uint64_t pageno, int why)
{
    IOMMUTLBEvent event = {
        .type = IOMMU_NOTIFIER_UNMAP,
        .entry = {
            .target_as = &s->ram_as,
            .iova = pageno * PAGE,
            .translated_addr = pageno * PAGE,
            .addr_mask = PAGE - 1,
            .perm = IOMMU_NONE,
        },
    };

    if (why & REARM_INVAL) {
        memory_region_notify_iommu(&s->cpu_view, IOMMU_IDX_CACHEABLE, event);
    }
    if (why & REARM_HELD) {
        memory_region_notify_iommu(&s->cpu_view, IOMMU_IDX_NONCACHEABLE,
                                   event);
        if (test_and_clear_bit(pageno, s->mem_mapped)) {
            memory_region_notify_iommu(&s->mem_view, 0, event);
        }
    }
}

static CpuDcachePage *page_get(CpuDcacheState *s, uint64_t pageno)
{
    CpuDcachePage *p = s->pages[pageno];

    if (!p) {
        p = g_new0(CpuDcachePage, 1);
        p->mem = g_memdup2(ram_ptr(s, pageno), PAGE);
        s->pages[pageno] = p;
        cpu_dcache_rearm(s, pageno, REARM_HELD);
    }
    return p;
}

static void page_free(CpuDcacheState *s, uint64_t pageno)
{
    CpuDcachePage *p = s->pages[pageno];

    g_free(p->mem);
    g_free(p->base);
    g_free(p->hist);
    g_free(p);
    s->pages[pageno] = NULL;
    cpu_dcache_rearm(s, pageno, REARM_HELD | REARM_INVAL);
}

/*
 * Report a divergence between memory and the CPUs' caches: log, trace
 * and QMP event.
 */
static void cpu_dcache_finding(CpuDcacheState *s, const char *kind,
                               hwaddr addr, MemTxAttrs attrs,
                               const char *what)
{
    char buf[32];
    const char *master = master_name(s, attrs, buf, sizeof(buf));
    /* The log gets the first line; the event the whole description */
    int len = strcspn(what, "\n");

    s->findings++;
    trace_cpu_dcache_finding(kind, addr, master);
    qemu_log_mask(LOG_GUEST_ERROR, "cpu-dcache: %s at 0x%" HWADDR_PRIx
                  " by %s: %.*s\n", kind, addr, master, len, what);
    qapi_event_send_dcache_finding(kind, addr, master, what);
}

/* Fill the lines of a page the CPUs do not hold yet. */
static void page_fill(CpuDcacheState *s, uint64_t pageno)
{
    CpuDcachePage *p = page_get(s, pageno);
    uint8_t probe;

    if (p->valid == ALL_LINES) {
        return;
    }
    /*
     * The fill is a read of the cluster on the bus: a firewall sees it.
     * The lines' data is memory's copy, which invalid lines already hold
     * in RAM too (see page_write_mem()).
     */
    address_space_read(&s->bus_as, pageno * PAGE, cluster_attrs(KIND_ACCESS),
                       &probe, 1);
    p->valid = ALL_LINES;
    p->fill_pc = current_cpu ? current_cpu->cc->get_pc(current_cpu) : 0;
    p->fill_cpu = current_cpu ? current_cpu->cpu_index : -1;
    p->fill_seq = ++s->seq;
    trace_cpu_dcache_fill(s->base + pageno * PAGE, p->fill_pc);
}

static IOMMUTLBEntry cpu_view_translate(IOMMUMemoryRegion *iommu,
                                        hwaddr addr, IOMMUAccessFlags flags,
                                        int iommu_idx)
{
    CpuDcacheState *s = container_of(iommu, CpuDcacheState, cpu_view);
    uint64_t pageno = addr / PAGE;
    /* TLB fills of several vCPUs may race: the model's state is the BQL's */
    BQL_LOCK_GUARD();
    IOMMUTLBEntry ret = {
        .iova = addr & ~(hwaddr)(PAGE - 1),
        .translated_addr = addr & ~(hwaddr)(PAGE - 1),
        .addr_mask = PAGE - 1,
        .perm = IOMMU_RW,
    };

    if (iommu_idx == IOMMU_IDX_DEBUG) {
        ret.target_as = s->pages[pageno] ? &s->mem_io_as : &s->ram_as;
    } else if (iommu_idx == IOMMU_IDX_CACHEABLE && !bounded(s)) {
        page_fill(s, pageno);
        ret.target_as = &s->ram_as;
    } else if (s->pages[pageno] || iommu_idx == IOMMU_IDX_CACHEABLE) {
        ret.target_as = &address_space_memory;
        ret.translated_addr += s->window_base;
    } else {
        ret.target_as = &s->bus_as;
    }
    return ret;
}

static int cpu_view_attrs_to_index(IOMMUMemoryRegion *iommu, MemTxAttrs attrs)
{
    if (attrs.debug) {
        return IOMMU_IDX_DEBUG;
    }
    return attrs.cacheable ? IOMMU_IDX_CACHEABLE : IOMMU_IDX_NONCACHEABLE;
}

static int cpu_view_num_indexes(IOMMUMemoryRegion *iommu)
{
    return IOMMU_NUM_INDEXES;
}

/* Memory's view: nobody's cache holds the page, so it is plain RAM. */
static IOMMUTLBEntry mem_view_translate(IOMMUMemoryRegion *iommu,
                                        hwaddr addr, IOMMUAccessFlags flags,
                                        int iommu_idx)
{
    CpuDcacheState *s = container_of(iommu, CpuDcacheState, mem_view);
    uint64_t pageno = addr / PAGE;
    BQL_LOCK_GUARD();
    IOMMUTLBEntry ret = {
        .target_as = &s->ram_as,
        .iova = addr & ~(hwaddr)(PAGE - 1),
        .translated_addr = addr & ~(hwaddr)(PAGE - 1),
        .addr_mask = PAGE - 1,
        .perm = IOMMU_RW,
    };

    if (s->pages[pageno]) {
        ret.target_as = &s->mem_io_as;
    } else {
        set_bit(pageno, s->mem_mapped);
    }
    return ret;
}

static int mem_view_attrs_to_index(IOMMUMemoryRegion *iommu, MemTxAttrs attrs)
{
    return 0;
}

/*
 * A debug access: gdbstub's and the monitor's x (a CPU's attributes,
 * debug set), and those with unspecified attributes (qtest, xp, ROM
 * loading). It neither reports nor changes what the model keeps (fills,
 * stale lines, histories). Reads see what the CPU would: its cache
 * through a cacheable mapping, else memory (as qtest and xp, which read
 * as a device); writes reach both, see mem_io_debug_write().
 */
static bool debug_access(MemTxAttrs attrs)
{
    return attrs.debug || attrs.unspecified;
}

/*
 * A debug write: memory, the CPUs' copy and a stale line's last
 * exchanged value all take it, so that it leaves no line dirty or stale
 * that was not.
 */
static void mem_io_debug_write(CpuDcacheState *s, uint64_t pageno,
                               CpuDcachePage *p, unsigned off,
                               unsigned size, uint64_t data)
{
    uint8_t buf[8];

    stn_le_p(buf, size, data);
    /* through the address space, which tells TCG of changed code */
    address_space_write(&s->ram_as, pageno * PAGE + off,
                        MEMTXATTRS_UNSPECIFIED, buf, size);
    memcpy(p->mem + off, buf, size);
    if (p->stale & BIT_ULL(off / LINE)) {
        memcpy(p->base + off, buf, size);
    }
}

/*
 * Memory's side of a held page: reads see memory's copy, writes change
 * it; the CPUs keep what they hold.
 */
static MemTxResult mem_io_read(void *opaque, hwaddr addr, uint64_t *data,
                               unsigned size, MemTxAttrs attrs)
{
    CpuDcacheState *s = opaque;
    uint64_t pageno = addr / PAGE;
    CpuDcachePage *p = s->pages[pageno];
    unsigned off = addr % PAGE, line = off / LINE;
    bool dirty = line_dirty(s, pageno, p, line);
    bool cluster = !attrs.unspecified && attrs.requester_id == 0;
    bool report = dirty && !debug_access(attrs);

    if (attrs.debug && attrs.cacheable) {
        *data = ldn_le_p(ram_ptr(s, pageno) + off, size);
        return MEMTX_OK;
    }
    if (report && !cluster) {
        cpu_dcache_finding(s, "stale-read", s->base + addr, attrs,
                           s->coherency == COHERENCY_EMULATE ?
                           "read memory under a line the CPUs hold dirty: "
                           "got memory's older data" :
                           "read memory under a line the CPUs hold dirty");
    } else if (report) {
        cpu_dcache_finding(s, "mismatched-alias", s->base + addr, attrs,
                           "non-cacheable CPU read of a line the CPUs hold "
                           "dirty through a cacheable alias");
    }
    if (dirty && s->coherency == COHERENCY_REPORT) {
        *data = ldn_le_p(ram_ptr(s, pageno) + off, size);
    } else {
        *data = ldn_le_p(p->mem + off, size);
    }
    return MEMTX_OK;
}

static MemTxResult mem_io_write(void *opaque, hwaddr addr, uint64_t data,
                                unsigned size, MemTxAttrs attrs)
{
    CpuDcacheState *s = opaque;
    uint64_t pageno = addr / PAGE;
    CpuDcachePage *p = s->pages[pageno];
    unsigned off = addr % PAGE, line = off / LINE;
    bool cluster = !attrs.unspecified && (attrs.requester_id & 0xff) == 0;
    /* the cache's own write-backs and evictions, not a bypassing access */
    bool writeback = cluster && (attrs.requester_id >> 8) != KIND_ACCESS;

    if (debug_access(attrs)) {
        mem_io_debug_write(s, pageno, p, off, size, data);
        return MEMTX_OK;
    }
    if (!(p->valid & BIT_ULL(line)) || s->coherency == COHERENCY_REPORT) {
        /* nobody holds the line: the CPUs will read what memory has */
        stn_le_p(ram_ptr(s, pageno) + off, size, data);
    } else if (!writeback && !(p->stale & BIT_ULL(line))) {
        /*
         * The first write under a held line makes it stale and is
         * reported; more writes under it (a memset, say) add nothing
         * until the CPUs exchange the line with memory again.
         */
        cpu_dcache_finding(s, cluster ? "mismatched-alias" :
                           "write-under-cache", s->base + addr, attrs,
                           line_dirty(s, pageno, p, line) ?
                           "wrote memory under a line the CPUs hold dirty: "
                           "a later write-back will overwrite it" :
                           "wrote memory under a line the CPUs hold: they "
                           "keep reading their older copy until they "
                           "invalidate it");
        if (!p->base) {
            p->base = g_malloc(PAGE);
        }
        memcpy(p->base + line * LINE, p->mem + line * LINE, LINE);
        p->stale |= BIT_ULL(line);
    }
    stn_le_p(p->mem + off, size, data);
    return MEMTX_OK;
}

static const MemoryRegionOps mem_io_ops = {
    .read_with_attrs = mem_io_read,
    .write_with_attrs = mem_io_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid.min_access_size = 1,
    .valid.max_access_size = 8,
    .impl.min_access_size = 1,
    .impl.max_access_size = 8,
};

/* Write a dirty line back to memory, as a transaction on the bus. */
static void line_clean(CpuDcacheState *s, uint64_t pageno, CpuDcachePage *p,
                       unsigned line)
{
    hwaddr addr = pageno * PAGE + line * LINE;

    if (line_dirty(s, pageno, p, line)) {
        trace_cpu_dcache_writeback(s->base + addr);
        line_hist(p, line)->dirty_when_maintained = true;
        address_space_write(&s->bus_as, addr, cluster_attrs(KIND_WRITEBACK),
                            ram_ptr(s, pageno) + line * LINE, LINE);
    }
    /* Whatever the bus did with it, the CPU's copy is now clean. */
    memcpy(p->mem + line * LINE, ram_ptr(s, pageno) + line * LINE, LINE);
    p->stale &= ~BIT_ULL(line);
}

/* Discard a line: the CPUs see memory's data again. */
static void line_inval(CpuDcacheState *s, uint64_t pageno, CpuDcachePage *p,
                       unsigned line)
{
    memcpy(ram_ptr(s, pageno) + line * LINE, p->mem + line * LINE, LINE);
    p->valid &= ~BIT_ULL(line);
    p->stale &= ~BIT_ULL(line);
    if (bounded(s)) {
        uint64_t lineno = pageno * NLINES + line;
        uint64_t *set = &s->set_lines[(lineno % s->nsets) * s->ways];

        for (unsigned w = 0; w < s->ways; w++) {
            if (set[w] == lineno + 1) {
                set[w] = 0;
            }
        }
    }
}

/* xorshift64*: the replacement policy's seeded, reproducible choice */
static uint64_t rng_next(CpuDcacheState *s)
{
    s->rng ^= s->rng >> 12;
    s->rng ^= s->rng << 25;
    s->rng ^= s->rng >> 27;
    return s->rng * 0x2545f4914f6cdd1dULL;
}

/* Capacity eviction: dirty lines are written back, clean ones dropped. */
static void line_evict(CpuDcacheState *s, uint64_t lineno)
{
    uint64_t pageno = lineno / NLINES;
    unsigned line = lineno % NLINES;
    CpuDcachePage *p = s->pages[pageno];
    bool dirty = line_dirty(s, pageno, p, line);

    trace_cpu_dcache_evict(s->base + lineno * LINE, dirty);
    if (dirty) {
        line_clean(s, pageno, p, line);
    } else if (s->visible_evict) {
        /* WriteEvict: the clean data goes out, a firewall sees it */
        address_space_write(&s->bus_as, lineno * LINE,
                            cluster_attrs(KIND_EVICT),
                            ram_ptr(s, pageno) + line * LINE, LINE);
    }
    line_inval(s, pageno, p, line);
}

/*
 * Bounded capacity: a line the CPUs now hold takes a way of its set,
 * evicting a line chosen by the seeded replacement policy when the set
 * is full.
 */
static void line_allocate(CpuDcacheState *s, uint64_t pageno, unsigned line)
{
    uint64_t lineno = pageno * NLINES + line;
    uint64_t *set;
    unsigned w;

    if (!bounded(s)) {
        return;
    }
    set = &s->set_lines[(lineno % s->nsets) * s->ways];
    for (w = 0; w < s->ways && set[w]; w++) {
        if (set[w] == lineno + 1) {
            return;
        }
    }
    if (w == s->ways) {
        w = rng_next(s) % s->ways;
        line_evict(s, set[w] - 1);
    }
    set[w] = lineno + 1;
}

/* Bounded capacity: a cacheable access, line by line, fills on a miss. */
static void line_access(CpuDcacheState *s, hwaddr addr)
{
    uint64_t pageno = addr / PAGE;
    unsigned line = (addr % PAGE) / LINE;
    CpuDcachePage *p = page_get(s, pageno);
    uint8_t probe;

    if (p->valid & BIT_ULL(line)) {
        return;
    }
    line_allocate(s, pageno, line);
    address_space_read(&s->bus_as, addr & ~(hwaddr)(LINE - 1),
                       cluster_attrs(KIND_ACCESS), &probe, 1);
    p->valid |= BIT_ULL(line);
    p->fill_pc = current_cpu ? current_cpu->cc->get_pc(current_cpu) : 0;
    p->fill_cpu = current_cpu ? current_cpu->cpu_index : -1;
    p->fill_seq = ++s->seq;
    trace_cpu_dcache_fill(s->base + (addr & ~(hwaddr)(LINE - 1)), p->fill_pc);
}

/*
 * The slow window: non-cacheable CPU accesses to pages the CPUs hold,
 * which bypass the cache and go to the bus (the memory side reports what
 * they find), and with bounded capacity every cacheable access, which
 * hits or fills lines and then uses the CPUs' view.
 */
static MemTxResult window_read(void *opaque, hwaddr addr, uint64_t *data,
                               unsigned size, MemTxAttrs attrs)
{
    CpuDcacheState *s = opaque;
    uint8_t buf[8] = {};
    MemTxResult r;

    if (attrs.cacheable) {
        line_access(s, addr);
        line_access(s, addr + size - 1);
        *data = ldn_le_p(ram_ptr(s, 0) + addr, size);
        return MEMTX_OK;
    }
    attrs.requester_id = cluster_attrs(KIND_ACCESS).requester_id;
    r = address_space_read(&s->bus_as, addr, attrs, buf, size);
    *data = ldn_le_p(buf, size);
    return r;
}

static MemTxResult window_write(void *opaque, hwaddr addr, uint64_t data,
                                unsigned size, MemTxAttrs attrs)
{
    CpuDcacheState *s = opaque;
    uint8_t buf[8];

    if (attrs.cacheable) {
        line_access(s, addr);
        line_access(s, addr + size - 1);
        stn_le_p(ram_ptr(s, 0) + addr, size, data);
        return MEMTX_OK;
    }
    stn_le_p(buf, size, data);
    attrs.requester_id = cluster_attrs(KIND_ACCESS).requester_id;
    return address_space_write(&s->bus_as, addr, attrs, buf, size);
}

static const MemoryRegionOps window_ops = {
    .read_with_attrs = window_read,
    .write_with_attrs = window_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid.min_access_size = 1,
    .valid.max_access_size = 8,
    .impl.min_access_size = 1,
    .impl.max_access_size = 8,
};

static void line_note(CpuDcacheState *s, CpuDcachePage *p, unsigned line,
                      const CpuDcacheOrigin *o)
{
    CpuDcacheLineHist *h = line_hist(p, line);

    h->insn = o->insn;
    h->pc = o->pc;
    h->lr = o->lr;
    h->va = o->va;
    h->cpu = o->cpu;
    h->seq = ++s->seq;
}

static void line_maintain(CpuDcacheState *s, CpuDcacheOp op, uint64_t pageno,
                          unsigned line, const CpuDcacheOrigin *o)
{
    CpuDcachePage *p = s->pages[pageno];

    if (op == CPU_DCACHE_ZERO) {
        /* Dirty zero lines without a fill; QEMU zeroes RAM after us. */
        p = page_get(s, pageno);
        if (!(p->valid & BIT_ULL(line))) {
            line_allocate(s, pageno, line);
            p->valid |= BIT_ULL(line);
        }
        line_note(s, p, line, o);
        return;
    }
    if (!p || !(p->valid & BIT_ULL(line))) {
        return;
    }
    line_note(s, p, line, o);
    switch (op) {
    case CPU_DCACHE_CLEAN_POC:
    case CPU_DCACHE_SW_CLEAN:
        line_clean(s, pageno, p, line);
        break;
    case CPU_DCACHE_CLEAN_POU:
        /* cleaned into the cluster's own levels: memory does not see it */
        break;
    case CPU_DCACHE_INVAL:
    case CPU_DCACHE_SW_INVAL:
        line_inval(s, pageno, p, line);
        break;
    case CPU_DCACHE_CLEAN_INVAL:
    case CPU_DCACHE_SW_CLEAN_INVAL:
        line_clean(s, pageno, p, line);
        line_inval(s, pageno, p, line);
        break;
    default:
        g_assert_not_reached();
    }
}

static bool op_is_set_way(CpuDcacheOp op)
{
    return op == CPU_DCACHE_SW_CLEAN || op == CPU_DCACHE_SW_INVAL ||
           op == CPU_DCACHE_SW_CLEAN_INVAL;
}

void cpu_dcache_maintain(CpuDcacheState *s, CpuDcacheOp op, hwaddr pa,
                         unsigned size, unsigned set,
                         const CpuDcacheOrigin *o)
{
    if (op_is_set_way(op)) {
        /* Each set/way operation handles the held lines of its set. */
        trace_cpu_dcache_maintain_sw(o->insn, set);
        for (uint64_t pageno = 0; pageno < s->npages; pageno++) {
            CpuDcachePage *p = s->pages[pageno];
            uint64_t before;

            if (!p || !p->valid) {
                continue;
            }
            before = p->valid;
            for (unsigned line = 0; line < NLINES; line++) {
                hwaddr pa_line = pageno * PAGE + line * LINE;

                if ((pa_line / LINE) % CPU_DCACHE_SW_SETS == set) {
                    line_maintain(s, op, pageno, line, o);
                }
            }
            if (p->valid != before) {
                cpu_dcache_rearm(s, pageno, REARM_INVAL);
            }
        }
        return;
    }

    trace_cpu_dcache_maintain(o->insn, pa, size, o->pc);
    if (pa < s->base || pa - s->base >= s->npages * PAGE) {
        return;     /* outside the modelled range: nothing cached */
    }
    pa -= s->base;
    size = MIN(size, s->npages * PAGE - pa);
    for (hwaddr a = QEMU_ALIGN_DOWN(pa, LINE); a < pa + size; a += LINE) {
        uint64_t pageno = a / PAGE;
        CpuDcachePage *p = s->pages[pageno];
        uint64_t before = p ? p->valid : 0;

        line_maintain(s, op, pageno, (a % PAGE) / LINE, o);
        p = s->pages[pageno];
        if (p && (before & ~p->valid)) {
            cpu_dcache_rearm(s, pageno, REARM_INVAL);
        }
    }
}

void cpu_dcache_set_mapping_query(CpuDcacheState *s, CpuDcacheMappedFn *fn,
                                  void *opaque)
{
    s->mapped = fn;
    s->mapped_opaque = opaque;
}

static void describe_line(CpuDcacheState *s, uint64_t pageno,
                          CpuDcachePage *p, unsigned line, bool dirty,
                          GString *out)
{
    CpuDcacheLineHist *h = p->hist ? &p->hist[line] : NULL;

    g_string_append_printf(out, "  line 0x%" HWADDR_PRIx ": %s%s, filled "
                           "by cpu%d pc 0x%" PRIx64 " (event %" PRIu64 ")",
                           s->base + pageno * PAGE + line * LINE,
                           dirty ? "dirty" : "clean",
                           p->stale & BIT_ULL(line) ? " (memory changed "
                           "since)" : "", p->fill_cpu, p->fill_pc,
                           p->fill_seq);
    if (h && h->insn) {
        g_string_append_printf(out, "; last %s by cpu%d pc 0x%" PRIx64
                               " lr 0x%" PRIx64 " va 0x%" PRIx64 " (event %"
                               PRIu64 ")%s", h->insn, h->cpu, h->pc, h->lr,
                               h->va, h->seq,
                               h->dirty_when_maintained ? " (wrote it back)"
                               : "");
    } else {
        g_string_append(out, "; never maintained");
    }
    g_string_append_c(out, '\n');
}

/*
 * Describe the lines held in [start, start + size), only the dirty ones
 * if @dirty_only; returns how many were described, *@ndirty how many of
 * them are dirty.
 */
static unsigned describe_range(CpuDcacheState *s, hwaddr start, hwaddr size,
                               bool dirty_only, GString *out,
                               unsigned *ndirty)
{
    unsigned n = 0;
    hwaddr end;

    *ndirty = 0;
    if (start < s->base) {
        size -= MIN(size, s->base - start);
        start = s->base;
    }
    end = MIN(start + size, s->base + s->npages * PAGE);
    for (hwaddr a = QEMU_ALIGN_DOWN(start, LINE); a < end; a += LINE) {
        uint64_t pageno = (a - s->base) / PAGE;
        unsigned line = ((a - s->base) % PAGE) / LINE;
        CpuDcachePage *p = s->pages[pageno];
        bool dirty;

        if (!p || !p->valid) {
            a = s->base + (pageno + 1) * PAGE - LINE;
            continue;
        }
        if (!(p->valid & BIT_ULL(line))) {
            continue;
        }
        dirty = line_dirty(s, pageno, p, line);
        if (dirty || !dirty_only) {
            describe_line(s, pageno, p, line, dirty, out);
            n++;
            *ndirty += dirty;
        }
    }
    return n;
}

void cpu_dcache_describe(CpuDcacheState *s, hwaddr start, hwaddr size,
                         GString *out)
{
    unsigned ndirty;

    describe_range(s, start, size, false, out, &ndirty);
}

CpuDcacheHazard cpu_dcache_check_revoke(CpuDcacheState *s, hwaddr start,
                                        hwaddr end, bool read_kept,
                                        char **report)
{
    g_autoptr(GString) lines = g_string_new("");
    g_autoptr(GString) mapping = g_string_new("");
    unsigned nlines, ndirty;
    bool spec;

    /*
     * While the CPUs may still read the range, clean lines may stay and
     * a speculative fill is harmless: only a write-back would fault.
     */
    nlines = describe_range(s, start, end - start + 1, read_kept, lines,
                            &ndirty);
    spec = !read_kept && s->strict_speculation && s->mapped &&
           s->mapped(s->mapped_opaque, start, end, mapping);
    if (!nlines && !spec) {
        return CPU_DCACHE_NO_HAZARD;
    }
    if (read_kept) {
        *report = g_strdup_printf("the CPUs lose write access to 0x%"
                                  HWADDR_PRIx "..0x%" HWADDR_PRIx " while "
                                  "their data cache holds dirty lines of "
                                  "it:\n%s", start, end, lines->str);
    } else if (nlines) {
        *report = g_strdup_printf("the CPUs lose access to 0x%" HWADDR_PRIx
                                  "..0x%" HWADDR_PRIx " while their data "
                                  "cache holds lines of it:\n%s",
                                  start, end, lines->str);
    } else {
        *report = g_strdup_printf("the CPUs lose access to 0x%" HWADDR_PRIx
                                  "..0x%" HWADDR_PRIx " while their page "
                                  "tables map it cacheable, so that they may "
                                  "fill it speculatively at any time:\n"
                                  "  %s\n", start, end, mapping->str);
    }
    trace_cpu_dcache_hazard(start, end, nlines);
    cpu_dcache_finding(s, "hazard", start, cluster_attrs(KIND_ACCESS),
                       *report);
    return ndirty ? CPU_DCACHE_HAZARD_DIRTY : CPU_DCACHE_HAZARD_CLEAN;
}

void cpu_dcache_set_master_namer(CpuDcacheState *s, CpuDcacheMasterNameFn *fn)
{
    s->master_name = fn;
}

static int find_dcache(Object *obj, void *opaque)
{
    CpuDcacheState **found = opaque;

    if (!*found && object_dynamic_cast(obj, TYPE_CPU_DCACHE)) {
        *found = CPU_DCACHE(obj);
    }
    return 0;
}

static void hmp_info_dcache(Monitor *mon, const QDict *qdict)
{
    CpuDcacheState *s = NULL;
    g_autoptr(GString) out = g_string_new(NULL);
    hwaddr addr, size;

    object_child_foreach_recursive(object_get_root(), find_dcache, &s);
    if (!s) {
        monitor_printf(mon, "no CPU data-cache model\n");
        return;
    }
    addr = qdict_get_try_int(qdict, "addr", s->base);
    size = qdict_get_try_int(qdict, "size",
                             qdict_haskey(qdict, "addr") ? PAGE :
                             s->npages * PAGE);
    cpu_dcache_describe(s, addr, size, out);
    monitor_printf(mon, "%s in 0x%" HWADDR_PRIx "..0x%" HWADDR_PRIx
                   " (%" PRIu64 " findings since reset)\n%s",
                   out->len ? "lines held" : "no line held", addr,
                   addr + size - 1, s->findings, out->str);
}

static void cpu_dcache_reset_hold(Object *obj, ResetType type)
{
    CpuDcacheState *s = CPU_DCACHE(obj);

    /* A reset loses what the cache held; memory keeps what it has. */
    for (uint64_t pageno = 0; pageno < s->npages; pageno++) {
        if (s->pages[pageno]) {
            memcpy(ram_ptr(s, pageno), s->pages[pageno]->mem, PAGE);
            page_free(s, pageno);
        }
    }
    if (s->set_lines) {
        memset(s->set_lines, 0, (uint64_t)s->nsets * s->ways *
               sizeof(*s->set_lines));
    }
    s->rng = s->seed ? s->seed : 1;
    s->findings = 0;
}

static void cpu_dcache_realize(DeviceState *dev, Error **errp)
{
    CpuDcacheState *s = CPU_DCACHE(dev);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);
    uint64_t size;

    if (!s->ram || !memory_region_is_ram(s->ram)) {
        error_setg(errp, "cpu-dcache: property 'ram' must link to RAM");
        return;
    }
    if (!s->bus) {
        error_setg(errp, "cpu-dcache: property 'bus' is not set");
        return;
    }
    size = memory_region_size(s->ram);
    if (size % PAGE || s->base % PAGE || s->window_base % PAGE) {
        error_setg(errp, "cpu-dcache: 'base', 'window-base' and the RAM "
                   "size must be multiples of 4 KiB");
        return;
    }
    if (!strcmp(s->coherency_str, "emulate")) {
        s->coherency = COHERENCY_EMULATE;
    } else if (!strcmp(s->coherency_str, "report")) {
        s->coherency = COHERENCY_REPORT;
    } else {
        error_setg(errp, "cpu-dcache: 'coherency' must be 'emulate' or "
                   "'report', not '%s'", s->coherency_str);
        return;
    }
    if (!strcmp(s->speculation_str, "off")) {
        s->strict_speculation = false;
    } else if (!strcmp(s->speculation_str, "strict")) {
        s->strict_speculation = true;
    } else {
        error_setg(errp, "cpu-dcache: 'speculation' must be 'off' or "
                   "'strict', not '%s'", s->speculation_str);
        return;
    }

    if (s->capacity) {
        if (s->ways < 1 || s->ways > 64 ||
            s->capacity % ((uint64_t)s->ways * LINE) ||
            s->capacity > 64 * MiB) {
            error_setg(errp, "cpu-dcache: 'capacity' must be a multiple of "
                       "'ways' (1..64) x 64 bytes, at most 64 MiB");
            return;
        }
        s->nsets = s->capacity / ((uint64_t)s->ways * LINE);
        s->set_lines = g_new0(uint64_t, (uint64_t)s->nsets * s->ways);
    }
    if (!strcmp(s->clean_evict_str, "silent")) {
        s->visible_evict = false;
    } else if (!strcmp(s->clean_evict_str, "visible")) {
        s->visible_evict = true;
    } else {
        error_setg(errp, "cpu-dcache: 'clean-evict' must be 'silent' or "
                   "'visible', not '%s'", s->clean_evict_str);
        return;
    }
    s->rng = s->seed ? s->seed : 1;
    s->npages = size / PAGE;
    s->pages = g_new0(CpuDcachePage *, s->npages);
    s->mem_mapped = bitmap_new(s->npages);

    memory_region_init_iommu(&s->cpu_view, sizeof(s->cpu_view),
                             TYPE_CPU_DCACHE_CPU_VIEW, OBJECT(s),
                             "cpu-dcache-cpu-view", size);
    memory_region_init_iommu(&s->mem_view, sizeof(s->mem_view),
                             TYPE_CPU_DCACHE_MEM_VIEW, OBJECT(s),
                             "cpu-dcache-mem-view", size);
    memory_region_init_io(&s->window, OBJECT(s), &window_ops, s,
                          "cpu-dcache-window", size);
    memory_region_init_io(&s->mem_io, OBJECT(s), &mem_io_ops, s,
                          "cpu-dcache-mem-io", size);
    /*
     * A CPU's non-cacheable access goes through the window, the bus and
     * back into memory's side of this same device: that nesting is by
     * design, and ends there.
     */
    s->window.disable_reentrancy_guard = true;
    s->mem_io.disable_reentrancy_guard = true;
    memory_region_init(&s->bus_root, OBJECT(s), "cpu-dcache-bus", size);
    memory_region_add_subregion(&s->bus_root, 0, s->bus);
    address_space_init(&s->ram_as, s->ram, "cpu-dcache-ram");
    address_space_init(&s->bus_as, &s->bus_root, "cpu-dcache-bus");
    address_space_init(&s->mem_io_as, &s->mem_io, "cpu-dcache-mem-io");

    sysbus_init_mmio(sbd, MEMORY_REGION(&s->cpu_view));
    sysbus_init_mmio(sbd, &s->window);
    sysbus_init_mmio(sbd, MEMORY_REGION(&s->mem_view));
}

static const Property cpu_dcache_properties[] = {
    DEFINE_PROP_LINK("ram", CpuDcacheState, ram, TYPE_MEMORY_REGION,
                     MemoryRegion *),
    DEFINE_PROP_LINK("bus", CpuDcacheState, bus, TYPE_MEMORY_REGION,
                     MemoryRegion *),
    DEFINE_PROP_UINT64("base", CpuDcacheState, base, 0),
    DEFINE_PROP_UINT64("window-base", CpuDcacheState, window_base, 0),
    DEFINE_PROP_STRING("coherency", CpuDcacheState, coherency_str),
    DEFINE_PROP_STRING("speculation", CpuDcacheState, speculation_str),
    DEFINE_PROP_UINT64("capacity", CpuDcacheState, capacity, 0),
    DEFINE_PROP_UINT32("ways", CpuDcacheState, ways, 16),
    DEFINE_PROP_UINT64("seed", CpuDcacheState, seed, 1),
    DEFINE_PROP_STRING("clean-evict", CpuDcacheState, clean_evict_str),
};

static void cpu_dcache_init(Object *obj)
{
    CpuDcacheState *s = CPU_DCACHE(obj);

    s->coherency_str = g_strdup("emulate");
    s->speculation_str = g_strdup("off");
    s->clean_evict_str = g_strdup("silent");
}

/*
 * What the cache holds is host state tied to this run's RAM contents;
 * migrating it would mean migrating memory's copies too.
 */
static const VMStateDescription vmstate_cpu_dcache = {
    .name = TYPE_CPU_DCACHE,
    .unmigratable = 1,
};

static void cpu_dcache_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->realize = cpu_dcache_realize;
    dc->vmsd = &vmstate_cpu_dcache;
    dc->desc = "Model of a CPU cluster's data cache (clean/dirty lines)";
    rc->phases.hold = cpu_dcache_reset_hold;
    device_class_set_props(dc, cpu_dcache_properties);
}

static void cpu_view_class_init(ObjectClass *klass, void *data)
{
    IOMMUMemoryRegionClass *imrc = IOMMU_MEMORY_REGION_CLASS(klass);

    imrc->translate = cpu_view_translate;
    imrc->attrs_to_index = cpu_view_attrs_to_index;
    imrc->num_indexes = cpu_view_num_indexes;
}

static void mem_view_class_init(ObjectClass *klass, void *data)
{
    IOMMUMemoryRegionClass *imrc = IOMMU_MEMORY_REGION_CLASS(klass);

    imrc->translate = mem_view_translate;
    imrc->attrs_to_index = mem_view_attrs_to_index;
}

static const TypeInfo cpu_dcache_types[] = {
    {
        .name = TYPE_CPU_DCACHE,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(CpuDcacheState),
        .instance_init = cpu_dcache_init,
        .class_init = cpu_dcache_class_init,
    }, {
        .name = TYPE_CPU_DCACHE_CPU_VIEW,
        .parent = TYPE_IOMMU_MEMORY_REGION,
        .class_init = cpu_view_class_init,
    }, {
        .name = TYPE_CPU_DCACHE_MEM_VIEW,
        .parent = TYPE_IOMMU_MEMORY_REGION,
        .class_init = mem_view_class_init,
    },
};

static void cpu_dcache_register_types(void)
{
    type_register_static_array(cpu_dcache_types,
                               ARRAY_SIZE(cpu_dcache_types));
    monitor_register_hmp("dcache", true, hmp_info_dcache);
}

type_init(cpu_dcache_register_types)
