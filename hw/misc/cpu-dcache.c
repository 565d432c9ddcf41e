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
 * every line is valid (an adjacent-line prefetcher's worth) and the CPU
 * then runs on plain RAM until maintenance, a change of ownership or an
 * eviction needs to see it again, at which point an IOMMU unmap
 * notification makes the CPUs refill their TLBs.
 *
 * Memory's copy of a held page ("mem") is taken at the CPUs' first write
 * to it: at the fill, when a store makes it (tlb_fill_access_type());
 * after a load's fill, at the store that TCG's notdirty path shows
 * (tlb_watch_first_write(), the hook first_write()); or when another
 * master writes under its lines:
 * until then memory and the CPUs have the same data, which RAM holds. A
 * page the CPUs only read costs no copy, and none to evict.
 *
 * DC ZVA comes without the BQL: a clear_page()'s sweep of a page held
 * whole is recorded per vCPU with an atomic OR, see sweeps_flush().
 *
 * A held line is dirty while the CPU's view differs from "base", the
 * value it last exchanged with memory: memory's copy, unless another
 * master wrote memory under a line the CPU holds ("stale" lines, whose
 * base is kept separately). Lines the CPU never wrote compare equal, so
 * page-granular tracking never writes back data nobody wrote; a line
 * written with the value it already had is not dirty either (a write-
 * back of it would be invisible but to a firewall).
 *
 * Capacity: the held pages are kept in the order they were filled or
 * last maintained by address (DC ZVA, CVAC...: the events of their use
 * that the model sees). Beyond the capacity, the vCPU that filled a page
 * evicts the first in that order at its next exit from the translated
 * code (not inside the TLB fill, whose entry must survive), down to half
 * the capacity, and flushes the CPUs' TLBs once for all of them:
 * eviction is one more event, like maintenance, and the accesses between
 * events stay on the fast path.
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
#include "qemu/cutils.h"
#include "qemu/error-report.h"
#include "qemu/host-utils.h"
#include "qemu/log.h"
#include "qemu/main-loop.h"
#include "qapi/error.h"
#include "qapi/qapi-commands-dcache.h"
#include "qapi/qapi-events-dcache.h"
#include "qapi/util.h"
#include "hw/core/cpu.h"
#include "hw/misc/cpu-dcache.h"
#include "hw/qdev-properties.h"
#include "hw/qdev-properties-system.h"
#include "migration/vmstate.h"
#include "monitor/hmp.h"
#include "monitor/monitor.h"
#include "qobject/qdict.h"
#include "exec/address-spaces.h"
#include "exec/cputlb.h"
#include "exec/target_page.h"
#include "trace.h"

#define LINE CPU_DCACHE_LINE_SIZE
#define PAGE CPU_DCACHE_PAGE_SIZE
#define NLINES CPU_DCACHE_LINES_PER_PAGE
#define ALL_LINES UINT64_MAX
#define NO_PAGE UINT64_MAX

/* The summary line of a report names at most this many stretches */
#define REPORT_STRETCHES 16
/* Findings of a kind reported in full before only the 2^n-th are */
#define FINDING_BURST 32
/* Pages and copies dropped that are kept for reuse, without their malloc */
#define SPARE_PAGES 1024

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

typedef enum FindingKind {
    FINDING_STALE_READ,
    FINDING_WRITE_UNDER_CACHE,
    FINDING_MISMATCHED_ALIAS,
    FINDING_HAZARD,
} FindingKind;

static const char *const finding_names[CPU_DCACHE_FINDING_KINDS] = {
    [FINDING_STALE_READ] = "stale-read",
    [FINDING_WRITE_UNDER_CACHE] = "write-under-cache",
    [FINDING_MISMATCHED_ALIAS] = "mismatched-alias",
    [FINDING_HAZARD] = "hazard",
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
    uint64_t pageno;
    uint64_t valid;             /* lines the CPUs hold */
    uint64_t stale;             /* held lines another master wrote under */
    uint8_t *mem;               /* memory's copy of the page, or NULL: RAM */
    uint8_t *base;              /* CPU's last exchanged value, stale lines */
    uint64_t fill_pc;           /* the access that made the page held */
    uint64_t fill_seq;
    int fill_cpu;
    CpuDcacheLineHist *hist;    /* per line, once maintenance touched it */
    QTAILQ_ENTRY(CpuDcachePage) link;   /* in held, in order of eviction */
    QLIST_ENTRY(CpuDcachePage) cleaned_link;   /* in cleaned, once */
    QSLIST_ENTRY(CpuDcachePage) spare_link;
};

static uint8_t *ram_ptr(CpuDcacheState *s, uint64_t pageno)
{
    return s->ram_host + pageno * PAGE;
}

static CpuDcacheLineHist *line_hist(CpuDcachePage *p, unsigned line)
{
    if (!p->hist) {
        p->hist = g_new0(CpuDcacheLineHist, NLINES);
    }
    return &p->hist[line];
}

/* What memory holds of a held page: its copy, or RAM before one is taken */
static const uint8_t *page_mem(CpuDcacheState *s, CpuDcachePage *p)
{
    return p->mem ? p->mem : ram_ptr(s, p->pageno);
}

static const uint8_t *line_base(CpuDcachePage *p, unsigned line)
{
    return (p->stale & BIT_ULL(line) ? p->base : p->mem) + line * LINE;
}

/* Without memory's copy, no line is dirty (or stale) */
static bool line_dirty(CpuDcacheState *s, CpuDcachePage *p, unsigned line)
{
    return p->mem && (p->valid & BIT_ULL(line)) &&
           memcmp(ram_ptr(s, p->pageno) + line * LINE, line_base(p, line),
                  LINE);
}

static uint64_t page_dirty_lines(CpuDcacheState *s, CpuDcachePage *p)
{
    uint64_t dirty = 0;

    if (!p->mem ||
        (!p->stale && !memcmp(ram_ptr(s, p->pageno), p->mem, PAGE))) {
        return 0;
    }
    for (unsigned line = 0; line < NLINES; line++) {
        if (line_dirty(s, p, line)) {
            dirty |= BIT_ULL(line);
        }
    }
    return dirty;
}

/* The lines of a page that [start, end) covers */
static uint64_t lines_of(hwaddr start, hwaddr end)
{
    unsigned first = (start % PAGE) / LINE;
    unsigned last = ((end - 1) % PAGE) / LINE;

    return MAKE_64BIT_MASK(first, last - first + 1);
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
    return s->capacity_lines != 0;
}

/*
 * Would a transaction of the cluster on the bus reach @target at
 * @target_addr, as memory (RAM, or memory's side of the model) that
 * takes it whole? Then the bus lets it through, and its effect is known
 * without making it.
 */
static bool bus_passes(CpuDcacheState *s, hwaddr addr, hwaddr len,
                       bool is_write, unsigned kind, MemoryRegion *target,
                       hwaddr target_addr)
{
    hwaddr xlat, l = len;
    MemoryRegion *mr;

    RCU_READ_LOCK_GUARD();
    mr = address_space_translate(&s->bus_as, addr, &xlat, &l, is_write,
                                 cluster_attrs(kind));
    return mr == target && xlat == target_addr && l >= len;
}

/*
 * The bus's answers for a page, as a fill's read and a write-back of the
 * whole page ask them (the translation through any firewall and memory's
 * view, on every page the CPUs hold), are kept until the bus changes: a
 * change of its map (bus_listener), or of the translation of an IOMMU it
 * maps, which that IOMMU notifies (unmap) as it must for the CPUs' TLBs.
 * Memory's view, this device's own, answers those two questions the same
 * way every time. Only answers that the bus lets them pass are kept: the
 * others make a transaction, which a firewall reports.
 */
static void bus_changed(CpuDcacheState *s)
{
    bitmap_zero(s->bus_read_ok, s->npages);
    bitmap_zero(s->bus_wb_ok, s->npages);
}

static void bus_iommu_changed(IOMMUNotifier *n, IOMMUTLBEntry *entry)
{
    CpuDcacheBusIommu *bi = container_of(n, CpuDcacheBusIommu, notifier);

    bus_changed(bi->s);
}

/*
 * Watch an IOMMU the bus maps, at the index @idx of the cluster's fills
 * or write-backs, over all of it (its unmap notifications may cover more
 * than the bus maps); counted once per section the bus maps.
 */
static void bus_iommu_watch(CpuDcacheState *s, MemoryRegion *mr, int idx)
{
    CpuDcacheBusIommu *bi;
    Error *err = NULL;

    QLIST_FOREACH(bi, &s->bus_iommus, next) {
        if (bi->mr == mr && bi->notifier.iommu_idx == idx) {
            bi->sections++;
            return;
        }
    }
    bi = g_new0(CpuDcacheBusIommu, 1);
    bi->mr = mr;
    bi->s = s;
    bi->sections = 1;
    iommu_notifier_init(&bi->notifier, bus_iommu_changed,
                        IOMMU_NOTIFIER_UNMAP, 0, HWADDR_MAX, idx);
    if (memory_region_register_iommu_notifier(mr, &bi->notifier, &err)) {
        /* then nothing is kept: every question goes to the bus */
        error_report_err(err);
        g_free(bi);
        s->bus_uncached = true;
        return;
    }
    QLIST_INSERT_HEAD(&s->bus_iommus, bi, next);
}

static void bus_region_add(MemoryListener *l, MemoryRegionSection *section)
{
    CpuDcacheState *s = container_of(l, CpuDcacheState, bus_listener);
    IOMMUMemoryRegion *iommu = memory_region_get_iommu(section->mr);

    bus_changed(s);
    if (iommu && iommu != &s->mem_view) {
        for (unsigned kind = KIND_ACCESS; kind <= KIND_WRITEBACK; kind++) {
            bus_iommu_watch(s, section->mr,
                            memory_region_iommu_attrs_to_index(
                                iommu, cluster_attrs(kind)));
        }
    }
}

static void bus_region_del(MemoryListener *l, MemoryRegionSection *section)
{
    CpuDcacheState *s = container_of(l, CpuDcacheState, bus_listener);
    CpuDcacheBusIommu *bi, *next;

    bus_changed(s);
    QLIST_FOREACH_SAFE(bi, &s->bus_iommus, next, next) {
        if (bi->mr == section->mr && !--bi->sections) {
            memory_region_unregister_iommu_notifier(bi->mr, &bi->notifier);
            QLIST_REMOVE(bi, next);
            g_free(bi);
        }
    }
}

/* A fill's read of page @pageno passes: bus_passes(), kept */
static bool bus_fill_passes(CpuDcacheState *s, uint64_t pageno)
{
    if (test_bit(pageno, s->bus_read_ok)) {
        return true;
    }
    if (!bus_passes(s, pageno * PAGE, 1, false, KIND_ACCESS, &s->mem_io,
                    pageno * PAGE)) {
        return false;
    }
    if (!s->bus_uncached) {
        set_bit(pageno, s->bus_read_ok);
    }
    return true;
}

/* Take the lowest run of lines out of *@m: its first line, *@n lines */
static unsigned take_run(uint64_t *m, unsigned *n)
{
    unsigned first = ctz64(*m);

    *n = cto64(*m >> first);
    *m &= ~MAKE_64BIT_MASK(first, *n);
    return first;
}

static void notify_unmap(IOMMUMemoryRegion *iommu, int idx,
                         CpuDcacheState *s, hwaddr iova, hwaddr mask)
{
    IOMMUTLBEvent event = {
        .type = IOMMU_NOTIFIER_UNMAP,
        .entry = {
            .target_as = &s->ram_as,
            .iova = iova,
            .translated_addr = iova,
            .addr_mask = mask,
            .perm = IOMMU_NONE,
        },
    };

    memory_region_notify_iommu(iommu, idx, event);
}

/*
 * Make the CPUs (and memory's view) translate a page again. Which IOMMU
 * indexes need it depends on what changed:
 *  - the page became held: CPU accesses that memory's view sent straight
 *    to RAM (non-cacheable ones, through the bus) must now reach memory's
 *    copy; mem_mapped says whether it did since the last time;
 *  - lines were invalidated: the CPUs' next cacheable access must be seen,
 *    to make the page held again.
 */
#define REARM_HELD  1
#define REARM_INVAL 2

static void cpu_dcache_rearm(CpuDcacheState *s, uint64_t pageno, int why)
{
    if (why & REARM_INVAL) {
        notify_unmap(&s->cpu_view, IOMMU_IDX_CACHEABLE, s, pageno * PAGE,
                     PAGE - 1);
    }
    if ((why & REARM_HELD) && test_and_clear_bit(pageno, s->mem_mapped)) {
        notify_unmap(&s->cpu_view, IOMMU_IDX_NONCACHEABLE, s, pageno * PAGE,
                     PAGE - 1);
        notify_unmap(&s->mem_view, 0, s, pageno * PAGE, PAGE - 1);
    }
}

static uint8_t *mem_alloc(CpuDcacheState *s)
{
    return s->nspare_mem ? s->spare_mem[--s->nspare_mem] : g_malloc(PAGE);
}

/*
 * A copy of memory's data that is all zeros (memory never written, or
 * zeroed: the first write pass over fresh RAM) is the shared zero page
 * until the model changes it, see page_mem_own().
 */
static const uint8_t zero_page[PAGE];

/*
 * Take memory's copy of a held page, before the CPUs' view and memory's
 * part: at the CPUs' first write, or another master's under their lines.
 */
static void page_snapshot(CpuDcacheState *s, CpuDcachePage *p)
{
    uint8_t *ram = ram_ptr(s, p->pageno);

    if (p->mem) {
        return;
    }
    if (buffer_is_zero(ram, PAGE)) {
        p->mem = (uint8_t *)zero_page;
    } else {
        p->mem = mem_alloc(s);
        memcpy(p->mem, ram, PAGE);
    }
    clear_bit_atomic(p->pageno, s->watch);
}

/* Memory's copy of a page, to change it */
static uint8_t *page_mem_own(CpuDcacheState *s, CpuDcachePage *p)
{
    if (p->mem == zero_page) {
        p->mem = mem_alloc(s);
        memset(p->mem, 0, PAGE);
    }
    return p->mem;
}

static void page_snapshot_free(CpuDcacheState *s, CpuDcachePage *p)
{
    if (!p->mem || p->mem == zero_page) {
        /* nothing of its own */
    } else if (s->nspare_mem < SPARE_PAGES) {
        s->spare_mem[s->nspare_mem++] = p->mem;
    } else {
        g_free(p->mem);
    }
    p->mem = NULL;
}

/*
 * TCG's notdirty path, before a CPU's store to RAM that
 * tlb_watch_first_write() made clean: the first write to a page held
 * without memory's copy takes it. Other stores (to code pages, say)
 * come this way too, and pass on the bitmap's test, without the BQL.
 */
static void first_write(ram_addr_t ram_addr, unsigned size, void *opaque)
{
    CpuDcacheState *s = opaque;
    uint64_t pageno = (ram_addr - s->ram_addr) / PAGE;
    uint64_t last = (ram_addr + size - 1 - s->ram_addr) / PAGE;

    if (ram_addr < s->ram_addr || last >= s->npages) {
        return;
    }
    for (; pageno <= last; pageno++) {
        if (test_bit(pageno, s->watch)) {
            BQL_LOCK_GUARD();

            if (s->pages[pageno]) {
                page_snapshot(s, s->pages[pageno]);
            }
        }
    }
}

/* Send the CPUs' next store to a page to first_write() */
static void watch_first_write(CpuDcacheState *s, uint64_t pageno)
{
    size_t tp = qemu_target_page_size();

    set_bit_atomic(pageno, s->watch);
    for (size_t off = 0; off < PAGE; off += tp) {
        tlb_watch_first_write(s->ram_addr + pageno * PAGE + off);
    }
}

/*
 * The page of @pageno, held from now on. @written: the CPUs' first write
 * to it is under way, which takes memory's copy (page_snapshot()), so
 * that a new page is not watched.
 */
static CpuDcachePage *page_get(CpuDcacheState *s, uint64_t pageno,
                               bool written)
{
    CpuDcachePage *p = s->pages[pageno];

    if (!p) {
        p = QSLIST_FIRST(&s->spare);
        if (p) {
            QSLIST_REMOVE_HEAD(&s->spare, spare_link);
            s->nspare--;
        } else {
            p = g_new(CpuDcachePage, 1);
        }
        *p = (CpuDcachePage) { .pageno = pageno };
        s->pages[pageno] = p;
        QTAILQ_INSERT_TAIL(&s->held, p, link);
        s->held_pages++;
        /*
         * No CPU maps the page writable: an unheld page has no cacheable
         * TLB entry (evictions and invalidations flushed them), and its
         * non-cacheable ones go now (rearm).
         */
        if (!written) {
            watch_first_write(s, pageno);
        }
        cpu_dcache_rearm(s, pageno, REARM_HELD);
    }
    if (written) {
        page_snapshot(s, p);
    }
    return p;
}

static void page_set_valid(CpuDcacheState *s, CpuDcachePage *p,
                           uint64_t valid)
{
    uint64_t added = valid & ~p->valid, removed = p->valid & ~valid;

    if (added) {
        s->held_lines += ctpop64(added);
    }
    if (removed) {
        s->held_lines -= ctpop64(removed);
    }
    if (valid == ALL_LINES && p->valid != ALL_LINES) {
        set_bit_atomic(p->pageno, s->full);
    } else if (valid != ALL_LINES && p->valid == ALL_LINES) {
        clear_bit_atomic(p->pageno, s->full);
    }
    p->valid = valid;
}

/*
 * Forget a page. Its invalid lines already have memory's data in RAM;
 * the caller has made the CPUs' view of the others what it must be.
 */
static void page_drop(CpuDcacheState *s, CpuDcachePage *p)
{
    page_set_valid(s, p, 0);
    QTAILQ_REMOVE(&s->held, p, link);
    s->held_pages--;
    s->pages[p->pageno] = NULL;
    clear_bit_atomic(p->pageno, s->watch);
    if (QLIST_IS_INSERTED(p, cleaned_link)) {
        QLIST_REMOVE(p, cleaned_link);
    }
    page_snapshot_free(s, p);
    g_free(p->base);
    g_free(p->hist);
    if (s->nspare < SPARE_PAGES) {
        QSLIST_INSERT_HEAD(&s->spare, p, spare_link);
        s->nspare++;
    } else {
        g_free(p);
    }
}

/*
 * Findings of one kind are all counted; the first FINDING_BURST are
 * reported, then only the 2^n-th, each saying how many it stands for:
 * a guest that repeats one mistake a million times gets a few dozen
 * reports. By count rather than time, so that the same guest gives the
 * same reports.
 */
static bool finding_reportable(uint64_t n)
{
    return n <= FINDING_BURST || !(n & (n - 1));
}

/*
 * Report a divergence between memory and the CPUs' caches: log, trace
 * and QMP event, rate-limited as above.
 */
static void cpu_dcache_finding(CpuDcacheState *s, FindingKind kind,
                               hwaddr addr, MemTxAttrs attrs,
                               const char *what)
{
    char buf[32];
    const char *master = master_name(s, attrs, buf, sizeof(buf));
    const char *name = finding_names[kind];
    /* The log gets the first line; the event the whole description */
    int len = strcspn(what, "\n");
    uint64_t n = ++s->kind_count[kind];
    uint64_t suppressed = n - 1 - s->kind_reported[kind];

    s->findings++;
    trace_cpu_dcache_finding(name, addr, master);
    if (!finding_reportable(n)) {
        return;
    }
    s->kind_reported[kind] = n;
    if (suppressed) {
        qemu_log_mask(LOG_GUEST_ERROR, "cpu-dcache: %s at 0x%" HWADDR_PRIx
                      " by %s: %.*s (%" PRIu64 " more %s findings since "
                      "the last one reported)\n", name, addr, master, len,
                      what, suppressed, name);
    } else {
        qemu_log_mask(LOG_GUEST_ERROR, "cpu-dcache: %s at 0x%" HWADDR_PRIx
                      " by %s: %.*s\n", name, addr, master, len, what);
    }
    qapi_event_send_dcache_finding(name, addr, master, what, !!suppressed,
                                   suppressed);
}

/*
 * Evict the pages first in the order until the model holds half its
 * capacity (so that a flush of the TLBs comes once every half capacity
 * of fills), then make the CPUs refill their TLB entries of them: the
 * next cacheable access to one makes it held again.
 */
static void page_evict(CpuDcacheState *s, CpuDcachePage *p);
static void sweeps_flush(CpuDcacheState *s);

/*
 * Pages cleaned by address or set/way since the last flush of the CPUs'
 * TLBs (an eviction's) that have no dirty line left give memory's copy
 * back and are watched again: their next write takes a new one. Watching
 * needs that no CPU maps the page writable, which the flush that follows
 * makes true (a vCPU yet to see it writes unseen, as in an eviction), so
 * the copies go at the next eviction rather than at the clean, which
 * would flush the TLBs once per page cleaned.
 */
static void cpu_dcache_release_clean(CpuDcacheState *s)
{
    CpuDcachePage *p, *next;

    QLIST_FOREACH_SAFE(p, &s->cleaned, cleaned_link, next) {
        QLIST_REMOVE(p, cleaned_link);
        if (p->mem && !p->stale && !page_dirty_lines(s, p)) {
            trace_cpu_dcache_copy_released(s->base + p->pageno * PAGE);
            page_snapshot_free(s, p);
            watch_first_write(s, p->pageno);
        }
    }
}

static void cpu_dcache_evict(CpuDcacheState *s)
{
    uint64_t low = s->capacity_lines / 2;
    uint64_t before = s->held_lines, pages = 0;
    CpuDcachePage *p;

    sweeps_flush(s);
    while (s->held_lines > low && (p = QTAILQ_FIRST(&s->held))) {
        page_evict(s, p);
        pages++;
    }
    if (pages) {
        trace_cpu_dcache_evict_batch(pages, before, s->held_lines);
        cpu_dcache_release_clean(s);
        notify_unmap(&s->cpu_view, IOMMU_IDX_CACHEABLE, s, 0,
                     pow2ceil(s->npages * PAGE) - 1);
    }
}

static void cpu_dcache_evict_work(CPUState *cpu, run_on_cpu_data data)
{
    CpuDcacheState *s = data.host_ptr;
    BQL_LOCK_GUARD();

    s->evict_pending = false;
    if (s->held_lines > s->capacity_lines) {
        cpu_dcache_evict(s);
    }
}

/*
 * Lines were added. Beyond the capacity, the vCPU at work evicts once it
 * leaves the translated code: a TLB fill (where pages are filled) must
 * not flush the TLB whose entry it is writing.
 */
static void cpu_dcache_check_capacity(CpuDcacheState *s)
{
    if (!bounded(s) || s->held_lines <= s->capacity_lines ||
        s->evict_pending) {
        return;
    }
    if (current_cpu) {
        s->evict_pending = true;
        async_run_on_cpu(current_cpu, cpu_dcache_evict_work,
                         RUN_ON_CPU_HOST_PTR(s));
    } else {
        cpu_dcache_evict(s);
    }
}

/*
 * Fill the lines of a page the CPUs do not hold yet, for a store if
 * @store.
 */
static void page_fill(CpuDcacheState *s, uint64_t pageno, bool store)
{
    CpuDcachePage *p;
    uint8_t probe;

    sweeps_flush(s);    /* before the number and the place it takes */
    p = page_get(s, pageno, store);
    if (p->valid == ALL_LINES) {
        return;
    }
    /*
     * The fill is a read of the cluster on the bus: a firewall sees it.
     * The lines' data is memory's copy, which invalid lines already hold
     * in RAM too (see mem_io_write()).
     */
    if (!bus_fill_passes(s, pageno)) {
        address_space_read(&s->bus_as, pageno * PAGE,
                           cluster_attrs(KIND_ACCESS), &probe, 1);
    }
    page_set_valid(s, p, ALL_LINES);
    p->fill_pc = current_cpu ? current_cpu->cc->get_pc(current_cpu) : 0;
    p->fill_cpu = current_cpu ? current_cpu->cpu_index : -1;
    p->fill_seq = ++s->seq;
    trace_cpu_dcache_fill(s->base + pageno * PAGE, p->fill_pc);
    cpu_dcache_check_capacity(s);
}

static IOMMUTLBEntry cpu_view_translate(IOMMUMemoryRegion *iommu,
                                        hwaddr addr, IOMMUAccessFlags flags,
                                        int iommu_idx)
{
    CpuDcacheState *s = container_of(iommu, CpuDcacheState, cpu_view);
    uint64_t pageno = addr / PAGE;
    IOMMUTLBEntry ret = {
        .target_as = &s->ram_as,
        .iova = addr & ~(hwaddr)(PAGE - 1),
        .translated_addr = addr & ~(hwaddr)(PAGE - 1),
        .addr_mask = PAGE - 1,
        .perm = IOMMU_RW,
    };

    /*
     * A page held whole is RAM and stays so, without the BQL: the refills
     * that follow every TLB flush find most pages so. A page dropped
     * meanwhile is dropped before its unmap notification, which comes
     * after this CPU armed its notifier (before this translate: hence the
     * barrier) and flushes the entry this returns.
     */
    smp_mb();
    if (iommu_idx == IOMMU_IDX_CACHEABLE && test_bit(pageno, s->full)) {
        return ret;
    }
    /* TLB fills of several vCPUs may race: the model's state is the BQL's */
    BQL_LOCK_GUARD();
    if (iommu_idx == IOMMU_IDX_DEBUG) {
        ret.target_as = s->pages[pageno] ? &s->mem_io_as : &s->ram_as;
    } else if (iommu_idx == IOMMU_IDX_CACHEABLE) {
        /*
         * Held from now on, and always RAM: so the table walker, coherent
         * with the cache, reads the CPUs' view through a host pointer.
         */
        page_fill(s, pageno, tlb_fill_access_type() == MMU_DATA_STORE);
        ret.target_as = &s->ram_as;
    } else if (s->pages[pageno]) {
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

/*
 * Memory's view: nobody's cache holds the page, so it is plain RAM; the
 * page being written back goes to the copy of its lines in wb_ram.
 */
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

    if (pageno == s->wb_pageno) {
        ret.target_as = &s->wb_as;
        ret.translated_addr = 0;
    } else if (s->pages[pageno]) {
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
static void mem_io_debug_write(CpuDcacheState *s, CpuDcachePage *p,
                               unsigned off, unsigned size, uint64_t data)
{
    uint8_t buf[8];

    stn_le_p(buf, size, data);
    /* through the address space, which tells TCG of changed code */
    address_space_write(&s->ram_as, p->pageno * PAGE + off,
                        MEMTXATTRS_UNSPECIFIED, buf, size);
    if (p->mem) {
        memcpy(page_mem_own(s, p) + off, buf, size);
    }
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
    CpuDcachePage *p = s->pages[addr / PAGE];
    unsigned off = addr % PAGE, line = off / LINE;
    bool dirty = line_dirty(s, p, line);
    bool cluster = !attrs.unspecified && attrs.requester_id == 0;
    bool report = dirty && !debug_access(attrs);

    if (attrs.debug && attrs.cacheable) {
        *data = ldn_le_p(ram_ptr(s, p->pageno) + off, size);
        return MEMTX_OK;
    }
    if (report && !cluster) {
        cpu_dcache_finding(s, FINDING_STALE_READ, s->base + addr, attrs,
                           s->coherency == COHERENCY_EMULATE ?
                           "read memory under a line the CPUs hold dirty: "
                           "got memory's older data" :
                           "read memory under a line the CPUs hold dirty");
    } else if (report) {
        cpu_dcache_finding(s, FINDING_MISMATCHED_ALIAS, s->base + addr,
                           attrs, "non-cacheable CPU read of a line the CPUs "
                           "hold dirty through a cacheable alias");
    }
    if (dirty && s->coherency == COHERENCY_REPORT) {
        *data = ldn_le_p(ram_ptr(s, p->pageno) + off, size);
    } else {
        *data = ldn_le_p(page_mem(s, p) + off, size);
    }
    return MEMTX_OK;
}

static MemTxResult mem_io_write(void *opaque, hwaddr addr, uint64_t data,
                                unsigned size, MemTxAttrs attrs)
{
    CpuDcacheState *s = opaque;
    CpuDcachePage *p = s->pages[addr / PAGE];
    unsigned off = addr % PAGE, line = off / LINE;
    bool cluster = !attrs.unspecified && (attrs.requester_id & 0xff) == 0;

    if (debug_access(attrs)) {
        mem_io_debug_write(s, p, off, size, data);
        return MEMTX_OK;
    }
    if (!(p->valid & BIT_ULL(line)) || s->coherency == COHERENCY_REPORT) {
        /* nobody holds the line: the CPUs will read what memory has */
        stn_le_p(ram_ptr(s, p->pageno) + off, size, data);
        if (!p->mem) {
            return MEMTX_OK;
        }
    } else if (!(p->stale & BIT_ULL(line))) {
        /*
         * The first write under a held line makes it stale and is
         * reported; more writes under it (a memset, say) add nothing
         * until the CPUs exchange the line with memory again.
         */
        cpu_dcache_finding(s, cluster ? FINDING_MISMATCHED_ALIAS :
                           FINDING_WRITE_UNDER_CACHE, s->base + addr, attrs,
                           line_dirty(s, p, line) ?
                           "wrote memory under a line the CPUs hold dirty: "
                           "a later write-back will overwrite it" :
                           "wrote memory under a line the CPUs hold: they "
                           "keep reading their older copy until they "
                           "invalidate it");
        page_snapshot(s, p);
        if (!p->base) {
            p->base = g_malloc(PAGE);
        }
        memcpy(p->base + line * LINE, p->mem + line * LINE, LINE);
        p->stale |= BIT_ULL(line);
    }
    stn_le_p(page_mem_own(s, p) + off, size, data);
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

/*
 * Write the CPUs' data of the lines in @mask to memory, as transactions
 * of the cluster on the bus (one per run of lines), of the kind
 * KIND_WRITEBACK or KIND_EVICT. Memory's view sends them to wb_ram, so
 * that what the bus lets through is plain RAM: when it all would, it is
 * known without a transaction that memory takes the CPUs' data;
 * otherwise wb_ram holds memory's copy of the lines before the
 * transactions, and what they changed after. Returns the lines whose
 * data reached memory. Memory's copy of the page then has what memory
 * has, unless the lines all reached it and the page is not to be @kept.
 */
static uint64_t page_write_lines(CpuDcacheState *s, CpuDcachePage *p,
                                 uint64_t mask, unsigned kind, bool kept)
{
    uint8_t *wb = s->wb_host, *data = s->wb_data;
    uint8_t *ram = ram_ptr(s, p->pageno);
    uint64_t landed = 0, m;
    unsigned first, n;
    bool pass = true;

    s->wb_pageno = p->pageno;
    for (m = mask; m && pass;) {
        first = take_run(&m, &n);
        pass = bus_passes(s, p->pageno * PAGE + first * LINE, n * LINE, true,
                          kind, &s->wb_ram, first * LINE);
    }
    s->wb_pageno = NO_PAGE;
    if (pass) {
        for (m = kept ? mask : 0; m;) {
            first = take_run(&m, &n);
            memcpy(page_mem_own(s, p) + first * LINE, ram + first * LINE,
                   n * LINE);
        }
        return mask;
    }
    for (m = mask; m;) {
        first = take_run(&m, &n);
        memcpy(wb + first * LINE, p->mem + first * LINE, n * LINE);
        memcpy(data + first * LINE, ram + first * LINE, n * LINE);
    }
    s->wb_pageno = p->pageno;
    for (m = mask; m;) {
        first = take_run(&m, &n);
        address_space_write(&s->bus_as, p->pageno * PAGE + first * LINE,
                            cluster_attrs(kind), data + first * LINE,
                            n * LINE);
    }
    s->wb_pageno = NO_PAGE;
    for (m = mask; m;) {
        first = take_run(&m, &n);
        for (unsigned line = first; line < first + n; line++) {
            if (!memcmp(wb + line * LINE, data + line * LINE, LINE)) {
                landed |= BIT_ULL(line);
            }
        }
        memcpy(page_mem_own(s, p) + first * LINE, wb + first * LINE,
               n * LINE);
    }
    return landed;
}

/*
 * Would a write-back of the whole page all reach memory? Then evicting
 * it needs no look at which lines are dirty.
 */
static bool page_writeback_passes(CpuDcacheState *s, CpuDcachePage *p)
{
    bool pass;

    if (!p->mem || test_bit(p->pageno, s->bus_wb_ok)) {
        return true;    /* nothing to write back, or known to pass */
    }
    s->wb_pageno = p->pageno;
    pass = bus_passes(s, p->pageno * PAGE, PAGE, true, KIND_WRITEBACK,
                      &s->wb_ram, 0);
    s->wb_pageno = NO_PAGE;
    if (pass && !s->bus_uncached) {
        set_bit(p->pageno, s->bus_wb_ok);
    }
    return pass;
}

/* Write a dirty line back to memory, as a transaction on the bus. */
static void line_clean(CpuDcacheState *s, CpuDcachePage *p, unsigned line)
{
    if (!line_dirty(s, p, line)) {
        return;
    }
    trace_cpu_dcache_writeback(s->base + p->pageno * PAGE + line * LINE);
    line_hist(p, line)->dirty_when_maintained = true;
    if (page_write_lines(s, p, BIT_ULL(line), KIND_WRITEBACK, true)) {
        p->stale &= ~BIT_ULL(line);
    } else {
        /* the bus dropped it: the line is clean, memory has other data */
        if (!p->base) {
            p->base = g_malloc(PAGE);
        }
        memcpy(p->base + line * LINE, ram_ptr(s, p->pageno) + line * LINE,
               LINE);
        p->stale |= BIT_ULL(line);
    }
}

/* Discard a line: the CPUs see memory's data again. */
static void line_inval(CpuDcacheState *s, CpuDcachePage *p, unsigned line)
{
    if (p->mem) {
        memcpy(ram_ptr(s, p->pageno) + line * LINE, p->mem + line * LINE,
               LINE);
    }
    page_set_valid(s, p, p->valid & ~BIT_ULL(line));
    p->stale &= ~BIT_ULL(line);
}

/*
 * Capacity eviction of a whole page: dirty lines are written back, clean
 * ones dropped (or, visibly, written out as evictions). The CPUs then
 * see memory's data: what it took from them, its own where the bus
 * dropped their write-back or where another master wrote under a line.
 * Lines whose data reached memory are left alone in RAM, where a vCPU
 * yet to flush its TLB may still be writing.
 */
static void page_evict(CpuDcacheState *s, CpuDcachePage *p)
{
    uint64_t dirty, clean, landed = 0, restore;

    if (!p->stale && !s->visible_evict && page_writeback_passes(s, p)) {
        /*
         * Memory takes the CPUs' data, which RAM has: which lines were
         * dirty matters only to the trace.
         */
        if (trace_event_get_state_backends(TRACE_CPU_DCACHE_EVICT)) {
            trace_cpu_dcache_evict(s->base + p->pageno * PAGE,
                                   ctpop64(p->valid),
                                   ctpop64(page_dirty_lines(s, p)));
        }
        s->evicted_pages++;
        page_drop(s, p);
        return;
    }
    if (s->visible_evict) {
        page_snapshot(s, p);    /* the clean lines' data goes out too */
    }
    dirty = page_dirty_lines(s, p);
    clean = p->valid & ~dirty;
    trace_cpu_dcache_evict(s->base + p->pageno * PAGE, ctpop64(p->valid),
                           ctpop64(dirty));
    if (dirty) {
        landed |= page_write_lines(s, p, dirty, KIND_WRITEBACK, false);
    }
    if (clean && s->visible_evict) {
        /* WriteEvict: the clean data goes out, a firewall sees it */
        landed |= page_write_lines(s, p, clean, KIND_EVICT, false);
    }
    restore = (dirty | (p->valid & p->stale)) & ~landed;
    for (; restore; restore &= restore - 1) {
        unsigned line = ctz64(restore);

        memcpy(ram_ptr(s, p->pageno) + line * LINE, p->mem + line * LINE,
               LINE);
    }
    s->evicted_pages++;
    page_drop(s, p);
}

/*
 * The slow window: non-cacheable CPU accesses to pages the CPUs hold,
 * which bypass the cache and go to the bus (the memory side reports what
 * they find).
 */
static MemTxResult window_read(void *opaque, hwaddr addr, uint64_t *data,
                               unsigned size, MemTxAttrs attrs)
{
    CpuDcacheState *s = opaque;
    uint8_t buf[8] = {};
    MemTxResult r;

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
    h->dirty_when_maintained = false;
}

/* A page used by address goes last in the order of eviction */
static void page_touch(CpuDcacheState *s, CpuDcachePage *p)
{
    QTAILQ_REMOVE(&s->held, p, link);
    QTAILQ_INSERT_TAIL(&s->held, p, link);
}

/*
 * DC ZVA sweeps. clear_page() zeroes a page with one DC ZVA per line; on
 * a page held whole with memory's copy, one changes nothing but the
 * line's history and the page's place in the order of eviction (RAM,
 * which QEMU zeroes after the hook, makes the line dirty). The vCPU
 * records it in its sweep without the BQL (cpu_dcache_zero()), and every
 * event that takes a number or moves a page in that order, and every
 * report, writes the sweeps out first: the lines get the numbers and the
 * page the place they would have had. A line recorded while another
 * vCPU drops its page (an eviction, whose TLB flush the vCPU has yet to
 * see) is history lost: the page is memory's again, as for the stores
 * of a vCPU yet to flush its TLB.
 */
static void sweeps_flush(CpuDcacheState *s)
{
    for (unsigned i = 0; i < s->sweep_cpus; i++) {
        CpuDcacheSweep *w = &s->sweeps[i];
        CpuDcacheOrigin o = {
            .insn = "DC ZVA", .pc = w->pc, .lr = w->lr, .cpu = i,
        };
        CpuDcachePage *p;
        uint64_t m;

        if (!qatomic_read(&w->lines)) {
            continue;
        }
        m = qatomic_xchg(&w->lines, 0);
        p = s->pages[w->pageno];
        if (!p || !(m & p->valid)) {
            continue;
        }
        for (m &= p->valid; m; m &= m - 1) {
            o.va = w->va + ctz64(m) * LINE;
            line_note(s, p, ctz64(m), &o);
        }
        page_touch(s, p);
    }
}

static void line_maintain(CpuDcacheState *s, CpuDcacheOp op, CpuDcachePage *p,
                          unsigned line, const CpuDcacheOrigin *o)
{
    if (op == CPU_DCACHE_ZERO) {
        /*
         * Dirty zero lines without a fill; QEMU zeroes RAM after us.
         * The probe of the store took memory's copy (first_write()),
         * unless the page became held only now, in page_maintain().
         */
        page_snapshot(s, p);
        page_set_valid(s, p, p->valid | BIT_ULL(line));
        line_note(s, p, line, o);
        return;
    }
    if (!(p->valid & BIT_ULL(line))) {
        return;
    }
    line_note(s, p, line, o);
    switch (op) {
    case CPU_DCACHE_CLEAN_POC:
    case CPU_DCACHE_SW_CLEAN:
        line_clean(s, p, line);
        break;
    case CPU_DCACHE_CLEAN_POU:
        /* cleaned into the cluster's own levels: memory does not see it */
        break;
    case CPU_DCACHE_INVAL:
    case CPU_DCACHE_SW_INVAL:
        line_inval(s, p, line);
        break;
    case CPU_DCACHE_CLEAN_INVAL:
    case CPU_DCACHE_SW_CLEAN_INVAL:
        line_clean(s, p, line);
        line_inval(s, p, line);
        break;
    default:
        g_assert_not_reached();
    }
}

static bool op_is_clean(CpuDcacheOp op)
{
    return op == CPU_DCACHE_CLEAN_POC || op == CPU_DCACHE_SW_CLEAN ||
           op == CPU_DCACHE_CLEAN_INVAL || op == CPU_DCACHE_SW_CLEAN_INVAL;
}

static bool op_is_set_way(CpuDcacheOp op)
{
    return op == CPU_DCACHE_SW_CLEAN || op == CPU_DCACHE_SW_INVAL ||
           op == CPU_DCACHE_SW_CLEAN_INVAL;
}

/*
 * Maintain the lines of @mask in a page; a page left with no line held
 * is forgotten.
 */
static void page_maintain(CpuDcacheState *s, CpuDcacheOp op, uint64_t pageno,
                          uint64_t mask, const CpuDcacheOrigin *o)
{
    CpuDcachePage *p = s->pages[pageno];
    uint64_t before;

    if (op == CPU_DCACHE_ZERO) {
        p = page_get(s, pageno, false);
    } else if (!p || !(p->valid & mask)) {
        return;
    }
    before = p->valid;
    for (uint64_t m = mask; m; m &= m - 1) {
        line_maintain(s, op, p, ctz64(m), o);
    }
    if (op_is_clean(op) && p->mem && !QLIST_IS_INSERTED(p, cleaned_link)) {
        QLIST_INSERT_HEAD(&s->cleaned, p, cleaned_link);
    }
    if (!op_is_set_way(op)) {
        page_touch(s, p);
    }
    if (before & ~p->valid) {
        cpu_dcache_rearm(s, pageno, REARM_INVAL);
    }
    if (!p->valid) {
        page_drop(s, p);
    } else if (op == CPU_DCACHE_ZERO) {
        cpu_dcache_check_capacity(s);
    }
}

/*
 * A set/way operation handles the held lines of its set, the pages held
 * and not all of DRAM: line n of the range is in set n % SETS, so a page
 * has one line in the set, or none.
 */
QEMU_BUILD_BUG_ON(CPU_DCACHE_SW_SETS % NLINES);

static void cpu_dcache_maintain_set(CpuDcacheState *s, CpuDcacheOp op,
                                    unsigned set, const CpuDcacheOrigin *o)
{
    CpuDcachePage *p, *next;

    trace_cpu_dcache_maintain_sw(o->insn, set);
    QTAILQ_FOREACH_SAFE(p, &s->held, link, next) {
        if ((p->pageno * NLINES) % CPU_DCACHE_SW_SETS == set - set % NLINES) {
            page_maintain(s, op, p->pageno, BIT_ULL(set % NLINES), o);
        }
    }
}

void cpu_dcache_maintain(CpuDcacheState *s, CpuDcacheOp op, hwaddr pa,
                         unsigned size, unsigned set,
                         const CpuDcacheOrigin *o)
{
    hwaddr end;

    sweeps_flush(s);
    if (op_is_set_way(op)) {
        cpu_dcache_maintain_set(s, op, set, o);
        return;
    }
    trace_cpu_dcache_maintain(o->insn, pa, size, o->pc);
    if (pa < s->base || pa - s->base >= s->npages * PAGE) {
        return;     /* outside the modelled range: nothing cached */
    }
    pa -= s->base;
    end = MIN(pa + size, s->npages * PAGE);
    pa = QEMU_ALIGN_DOWN(pa, LINE);
    while (pa < end) {
        hwaddr next = MIN(end, QEMU_ALIGN_DOWN(pa, PAGE) + PAGE);

        page_maintain(s, op, pa / PAGE, lines_of(pa, next), o);
        pa = next;
    }
}

/* Held with all its lines and memory's copy: see sweeps_flush() */
static bool page_whole_copied(CpuDcacheState *s, uint64_t pageno)
{
    bool full = test_bit(pageno, s->full);

    /* a page becomes watched before full, and stops once copied */
    smp_rmb();
    return full && !test_bit(pageno, s->watch);
}

void cpu_dcache_zero(CpuDcacheState *s, hwaddr pa, unsigned size,
                     const CpuDcacheOrigin *o)
{
    CpuDcacheSweep *w = o->cpu >= 0 && o->cpu < CPU_DCACHE_SWEEP_CPUS ?
                        &s->sweeps[o->cpu] : NULL;
    hwaddr off = pa - s->base;
    uint64_t pageno = off / PAGE, mask = 0;

    if (pa < s->base || off >= s->npages * PAGE || !size ||
        off % PAGE + size > PAGE) {
        w = NULL;   /* outside the range, or more than a page */
    } else {
        mask = lines_of(off, off + size);
    }
    /*
     * The next lines of the vCPU's sweep: the same page, at the same VA,
     * from the same code, in ascending order (the history numbers them
     * so), on a page that stays held whole.
     */
    if (w && w->pageno == pageno && w->va == o->va - off % PAGE &&
        w->pc == o->pc && w->lr == o->lr && (mask & -mask) > w->swept &&
        page_whole_copied(s, pageno)) {
        trace_cpu_dcache_maintain(o->insn, pa, size, o->pc);
        w->swept |= mask;
        qatomic_or(&w->lines, mask);
        return;
    }

    BQL_LOCK_GUARD();
    cpu_dcache_maintain(s, CPU_DCACHE_ZERO, pa, size, 0, o);
    if (w) {
        /* a new sweep: this vCPU's others are written out */
        s->sweep_cpus = MAX(s->sweep_cpus, o->cpu + 1);
        w->pageno = pageno;
        w->va = o->va - off % PAGE;
        w->pc = o->pc;
        w->lr = o->lr;
        w->swept = mask;
    }
}

void cpu_dcache_set_mapping_query(CpuDcacheState *s, CpuDcacheMappedFn *fn,
                                  void *opaque)
{
    s->mapped = fn;
    s->mapped_opaque = opaque;
}

/*
 * The lines held in a range, as query-dcache gives them: the first
 * CPU_DCACHE_REPORT_LINES with their histories, all of them counted, by
 * state and in stretches of consecutive lines.
 */
typedef struct DcacheReport {
    DcacheInfo *info;           /* what the report fills in */
    bool dirty_only;            /* only the dirty lines count */
    unsigned listed;
    DcacheLineList **tail;
    DcacheStretchList **stretch_tail;
    hwaddr first, last;         /* the stretch under way */
} DcacheReport;

static DcacheLine *line_info(CpuDcacheState *s, CpuDcachePage *p,
                             unsigned line, bool dirty)
{
    CpuDcacheLineHist *h = p->hist ? &p->hist[line] : NULL;
    DcacheLine *l = g_new0(DcacheLine, 1);

    l->address = s->base + p->pageno * PAGE + line * LINE;
    l->state = dirty ? DCACHE_LINE_STATE_DIRTY : DCACHE_LINE_STATE_CLEAN;
    l->memory_changed = !!(p->stale & BIT_ULL(line));
    l->fill = g_new0(DcacheFill, 1);
    l->fill->cpu = p->fill_cpu;
    l->fill->pc = p->fill_pc;
    l->fill->event = p->fill_seq;
    if (h && h->insn) {
        l->last_maintenance = g_new0(DcacheMaintenance, 1);
        l->last_maintenance->insn = g_strdup(h->insn);
        l->last_maintenance->cpu = h->cpu;
        l->last_maintenance->pc = h->pc;
        l->last_maintenance->lr = h->lr;
        l->last_maintenance->va = h->va;
        l->last_maintenance->event = h->seq;
        l->last_maintenance->wrote_back = h->dirty_when_maintained;
    }
    return l;
}

static void report_stretch_done(DcacheReport *r)
{
    DcacheStretch *st;

    if (r->info->stretch_count &&
        r->info->stretch_count <= REPORT_STRETCHES) {
        st = g_new0(DcacheStretch, 1);
        st->start = r->first;
        st->end = r->last;
        QAPI_LIST_APPEND(r->stretch_tail, st);
    }
}

static void report_line(CpuDcacheState *s, DcacheReport *r, CpuDcachePage *p,
                        unsigned line)
{
    DcacheInfo *info = r->info;
    hwaddr a = s->base + p->pageno * PAGE + line * LINE;
    bool dirty = line_dirty(s, p, line);

    if (r->dirty_only && !dirty) {
        return;
    }
    info->held++;
    info->dirty += dirty;
    info->memory_changed += !!(p->stale & BIT_ULL(line));
    if (r->listed < CPU_DCACHE_REPORT_LINES) {
        QAPI_LIST_APPEND(r->tail, line_info(s, p, line, dirty));
        r->listed++;
    }
    if (info->stretch_count && a == r->last + 1) {
        r->last = a + LINE - 1;
    } else {
        report_stretch_done(r);
        info->stretch_count++;
        r->first = a;
        r->last = a + LINE - 1;
    }
}

static int page_cmp(const void *a, const void *b)
{
    uint64_t x = (*(CpuDcachePage *const *)a)->pageno;
    uint64_t y = (*(CpuDcachePage *const *)b)->pageno;

    return x < y ? -1 : x > y;
}

/*
 * Report the lines held in [start, start + size), in address order, into
 * @info. The work is bounded by what is held, not by the size of the
 * range.
 */
static void report_range(CpuDcacheState *s, hwaddr start, hwaddr size,
                         bool dirty_only, DcacheInfo *info)
{
    DcacheReport r = {
        .info = info, .dirty_only = dirty_only,
        .tail = &info->lines, .stretch_tail = &info->stretches,
    };
    g_autofree CpuDcachePage **held = NULL;
    uint64_t first, last, n = 0;
    hwaddr end;
    CpuDcachePage *p;

    sweeps_flush(s);
    if (start < s->base) {
        size -= MIN(size, s->base - start);
        start = s->base;
    }
    end = MIN(start + size, s->base + s->npages * PAGE);
    if (start < end && s->held_pages) {
        first = (start - s->base) / PAGE;
        last = (end - 1 - s->base) / PAGE;
        held = g_new(CpuDcachePage *, MIN(last - first + 1, s->held_pages));
        if (last - first < s->held_pages) {
            for (uint64_t pageno = first; pageno <= last; pageno++) {
                if (s->pages[pageno]) {
                    held[n++] = s->pages[pageno];
                }
            }
        } else {
            QTAILQ_FOREACH(p, &s->held, link) {
                if (p->pageno >= first && p->pageno <= last) {
                    held[n++] = p;
                }
            }
            qsort(held, n, sizeof(*held), page_cmp);
        }
    }
    for (uint64_t i = 0; i < n; i++) {
        hwaddr pstart = s->base + held[i]->pageno * PAGE;
        uint64_t mask = lines_of(MAX(start, pstart) - s->base,
                                 MIN(end, pstart + PAGE) - s->base);

        for (mask &= held[i]->valid; mask; mask &= mask - 1) {
            report_line(s, &r, held[i], ctz64(mask));
        }
    }
    report_stretch_done(&r);
    info->truncated = info->held > r.listed;
}

/* A line of a report, as the log and "info dcache" print it */
static void format_line(const DcacheLine *l, GString *out)
{
    const DcacheMaintenance *m = l->last_maintenance;

    g_string_append_printf(out, "  line 0x%" PRIx64 ": %s%s, filled by cpu%"
                           PRId64 " pc 0x%" PRIx64 " (event %" PRIu64 ")",
                           l->address, DcacheLineState_str(l->state),
                           l->memory_changed ? " (memory changed since)" : "",
                           l->fill->cpu, l->fill->pc, l->fill->event);
    if (m) {
        g_string_append_printf(out, "; last %s by cpu%" PRId64 " pc 0x%"
                               PRIx64 " lr 0x%" PRIx64 " va 0x%" PRIx64
                               " (event %" PRIu64 ")%s", m->insn, m->cpu,
                               m->pc, m->lr, m->va, m->event,
                               m->wrote_back ? " (wrote it back)" : "");
    } else {
        g_string_append(out, "; never maintained");
    }
    g_string_append_c(out, '\n');
}

/*
 * The text of a report: its lines, then, when there are more than are
 * listed, a summary line:
 *   "  summary: N lines held, M listed: D dirty, C clean (S with memory
 *   changed since), in K stretches: 0x...-0x... ... (J more)"
 */
static void format_report(const DcacheInfo *info, bool dirty_only,
                          GString *out)
{
    unsigned listed = 0;

    for (DcacheLineList *e = info->lines; e; e = e->next) {
        format_line(e->value, out);
        listed++;
    }
    if (!info->truncated) {
        return;
    }
    g_string_append_printf(out, "  summary: %" PRIu64 " %slines held, %u "
                           "listed: %" PRIu64 " dirty, %" PRIu64 " clean (%"
                           PRIu64 " with memory changed since), in %" PRIu64
                           " stretch%s:", info->held,
                           dirty_only ? "dirty " : "", listed, info->dirty,
                           info->held - info->dirty, info->memory_changed,
                           info->stretch_count,
                           info->stretch_count == 1 ? "" : "es");
    for (DcacheStretchList *e = info->stretches; e; e = e->next) {
        g_string_append_printf(out, " 0x%" PRIx64 "-0x%" PRIx64,
                               e->value->start, e->value->end);
    }
    if (info->stretch_count > REPORT_STRETCHES) {
        g_string_append_printf(out, " (%" PRIu64 " more)",
                               info->stretch_count - REPORT_STRETCHES);
    }
    g_string_append_c(out, '\n');
}

CpuDcacheHazard cpu_dcache_check_revoke(CpuDcacheState *s, hwaddr start,
                                        hwaddr end, bool read_kept,
                                        char **report)
{
    g_autoptr(DcacheInfo) info = g_new0(DcacheInfo, 1);
    g_autoptr(GString) lines = g_string_new("");
    g_autoptr(GString) mapping = g_string_new("");
    bool spec;

    /*
     * While the CPUs may still read the range, clean lines may stay and
     * a speculative fill is harmless: only a write-back would fault.
     */
    report_range(s, start, end - start + 1, read_kept, info);
    format_report(info, read_kept, lines);
    spec = !read_kept && s->strict_speculation && s->mapped &&
           s->mapped(s->mapped_opaque, start, end, mapping);
    if (!info->held && !spec) {
        return CPU_DCACHE_NO_HAZARD;
    }
    if (read_kept) {
        *report = g_strdup_printf("the CPUs lose write access to 0x%"
                                  HWADDR_PRIx "..0x%" HWADDR_PRIx " while "
                                  "their data cache holds dirty lines of "
                                  "it:\n%s", start, end, lines->str);
    } else if (info->held) {
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
    trace_cpu_dcache_hazard(start, end, info->held);
    cpu_dcache_finding(s, FINDING_HAZARD, start, cluster_attrs(KIND_ACCESS),
                       *report);
    return info->dirty ? CPU_DCACHE_HAZARD_DIRTY : CPU_DCACHE_HAZARD_CLEAN;
}

void cpu_dcache_set_master_namer(CpuDcacheState *s, CpuDcacheMasterNameFn *fn)
{
    s->master_name = fn;
}

/* ---- monitor ------------------------------------------------------- */

static int find_dcache(Object *obj, void *opaque)
{
    CpuDcacheState **found = opaque;

    if (!*found && object_dynamic_cast(obj, TYPE_CPU_DCACHE) &&
        DEVICE(obj)->realized) {
        *found = CPU_DCACHE(obj);
    }
    return 0;
}

DcacheInfo *qmp_query_dcache(uint64_t addr, bool has_len, uint64_t len,
                             Error **errp)
{
    CpuDcacheState *s = NULL;
    DcacheInfo *info;
    uint64_t size;

    object_child_foreach_recursive(object_get_root(), find_dcache, &s);
    if (!s) {
        error_setg(errp, "no CPU data-cache model");
        return NULL;
    }
    if (!has_len) {
        len = LINE;
    }
    if (!len || len > UINT64_MAX - addr) {
        error_setg(errp, "invalid range 0x%" PRIx64 " + 0x%" PRIx64 ": the "
                   "length must be at least 1 and the range within the "
                   "address space", addr, len);
        return NULL;
    }
    size = s->npages * PAGE;
    if (addr + len <= s->base || addr >= s->base + size) {
        error_setg(errp, "0x%" PRIx64 "..0x%" PRIx64 " is outside the range "
                   "of the CPU data-cache model, 0x%" PRIx64 "..0x%" PRIx64,
                   addr, addr + len - 1, s->base, s->base + size - 1);
        return NULL;
    }
    info = g_new0(DcacheInfo, 1);
    info->path = object_get_canonical_path(OBJECT(s));
    info->base = s->base;
    info->size = size;
    info->capacity = bounded(s) ? s->capacity : 0;
    info->held_bytes = s->held_lines * LINE;
    info->evicted_pages = s->evicted_pages;
    info->findings = s->findings;
    report_range(s, addr, len, false, info);
    return info;
}

static void hmp_info_dcache(Monitor *mon, const QDict *qdict)
{
    bool whole = !qdict_haskey(qdict, "addr");
    uint64_t addr = qdict_get_try_int(qdict, "addr", 0);
    /* without an address, all of the model's range */
    uint64_t size = qdict_get_try_int(qdict, "size",
                                      whole ? UINT64_MAX : PAGE);
    g_autoptr(DcacheInfo) info = NULL;
    g_autoptr(GString) out = g_string_new(NULL);
    g_autofree char *capacity = NULL;
    Error *err = NULL;

    info = qmp_query_dcache(addr, true, size, &err);
    if (hmp_handle_error(mon, err)) {
        return;
    }
    if (whole) {
        addr = info->base;
        size = info->size;
    }
    format_report(info, false, out);
    capacity = info->capacity ? g_strdup_printf("%" PRIu64 " KiB",
                                                info->capacity / KiB)
                              : g_strdup("no limit");
    monitor_printf(mon, "%s in 0x%" PRIx64 "..0x%" PRIx64 " (%" PRIu64
                   " findings since reset; %" PRIu64 " KiB held of %s, %"
                   PRIu64 " pages evicted)\n%s",
                   info->held ? "lines held" : "no line held", addr,
                   addr + size - 1, info->findings, info->held_bytes / KiB,
                   capacity, info->evicted_pages, out->str);
}

/*
 * Forget every held page, RAM taking memory's data (a reset) or keeping
 * its own (a load, whose RAM is the snapshot's), and make the CPUs refill
 * their TLB entries.
 */
static void cpu_dcache_forget_held(CpuDcacheState *s, bool memory_wins)
{
    CpuDcachePage *p, *next;

    sweeps_flush(s);
    QTAILQ_FOREACH_SAFE(p, &s->held, link, next) {
        if (memory_wins && p->mem) {
            memcpy(ram_ptr(s, p->pageno), p->mem, PAGE);
        }
        page_drop(s, p);
    }
    notify_unmap(&s->cpu_view, IOMMU_IDX_CACHEABLE, s, 0,
                 pow2ceil(s->npages * PAGE) - 1);
}

static void cpu_dcache_reset_hold(Object *obj, ResetType type)
{
    CpuDcacheState *s = CPU_DCACHE(obj);

    /* A reset loses what the cache held; memory keeps what it has. */
    cpu_dcache_forget_held(s, true);
    s->findings = 0;
    s->evicted_pages = 0;
    memset(s->kind_count, 0, sizeof(s->kind_count));
    memset(s->kind_reported, 0, sizeof(s->kind_reported));
}

static CpuDcacheState *first_write_owner;

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
    if (first_write_owner) {
        /* TCG has one hook for the CPUs' first writes */
        error_setg(errp, "cpu-dcache: a machine has at most one");
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
    if (s->capacity && (s->capacity % PAGE || s->capacity < 2 * PAGE)) {
        error_setg(errp, "cpu-dcache: 'capacity' must be 0 (no limit) or a "
                   "multiple of 4 KiB, at least 8 KiB");
        return;
    }
    s->capacity_lines = s->capacity / LINE;
    if (!strcmp(s->clean_evict_str, "silent")) {
        s->visible_evict = false;
    } else if (!strcmp(s->clean_evict_str, "visible")) {
        s->visible_evict = true;
    } else {
        error_setg(errp, "cpu-dcache: 'clean-evict' must be 'silent' or "
                   "'visible', not '%s'", s->clean_evict_str);
        return;
    }
    if (!memory_region_init_ram_nomigrate(&s->wb_ram, OBJECT(s),
                                          "cpu-dcache-writeback", PAGE,
                                          errp)) {
        return;
    }
    s->wb_data = g_malloc(PAGE);
    s->ram_host = memory_region_get_ram_ptr(s->ram);
    s->wb_host = memory_region_get_ram_ptr(&s->wb_ram);
    s->wb_pageno = NO_PAGE;
    s->npages = size / PAGE;
    s->pages = g_new0(CpuDcachePage *, s->npages);
    s->mem_mapped = bitmap_new(s->npages);
    s->full = bitmap_new(s->npages);
    s->watch = bitmap_new(s->npages);
    s->spare_mem = g_new(uint8_t *, SPARE_PAGES);
    s->ram_addr = memory_region_get_ram_addr(s->ram);
    first_write_owner = s;
    tlb_set_notdirty_hook(first_write, s);

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
    address_space_init(&s->wb_as, &s->wb_ram, "cpu-dcache-writeback");
    s->bus_read_ok = bitmap_new(s->npages);
    s->bus_wb_ok = bitmap_new(s->npages);
    s->bus_listener = (MemoryListener) {
        .name = "cpu-dcache-bus",
        .region_add = bus_region_add,
        .region_del = bus_region_del,
    };
    memory_listener_register(&s->bus_listener, &s->bus_as);

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
    DEFINE_PROP_UINT64("capacity", CpuDcacheState, capacity, 8 * MiB),
    DEFINE_PROP_STRING("clean-evict", CpuDcacheState, clean_evict_str),
};

static void cpu_dcache_init(Object *obj)
{
    CpuDcacheState *s = CPU_DCACHE(obj);

    QTAILQ_INIT(&s->held);
    QLIST_INIT(&s->cleaned);
    QSLIST_INIT(&s->spare);
    for (unsigned i = 0; i < CPU_DCACHE_SWEEP_CPUS; i++) {
        s->sweeps[i].pageno = NO_PAGE;
    }
    s->coherency_str = g_strdup("emulate");
    s->speculation_str = g_strdup("off");
    s->clean_evict_str = g_strdup("silent");
}

/*
 * What the model holds (memory's copy of each held page, the lines'
 * histories) is not migrated: the model saves only while it holds
 * nothing, which is the case of record/replay's snapshot at power-on
 * (rrsnapshot, what reverse debugging goes back to), and refuses
 * otherwise. Loading forgets what it held: RAM, loaded before the
 * devices, has the snapshot's data, memory's and the CPUs' alike.
 */
static int cpu_dcache_pre_save(void *opaque)
{
    CpuDcacheState *s = opaque;

    if (s->held_pages) {
        error_report("cpu-dcache: the CPU data-cache model holds %" PRIu64
                     " pages; it can be saved only while it holds none "
                     "(at power-on, or with dcache=off)", s->held_pages);
        return -EBUSY;
    }
    return 0;
}

static int cpu_dcache_post_load(void *opaque, int version_id)
{
    CpuDcacheState *s = opaque;

    cpu_dcache_forget_held(s, false);
    s->evict_pending = false;
    return 0;
}

static const VMStateDescription vmstate_cpu_dcache = {
    .name = TYPE_CPU_DCACHE,
    .version_id = 1,
    .minimum_version_id = 1,
    .pre_save = cpu_dcache_pre_save,
    .post_load = cpu_dcache_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT64(findings, CpuDcacheState),
        VMSTATE_UINT64(evicted_pages, CpuDcacheState),
        VMSTATE_UINT64(seq, CpuDcacheState),
        VMSTATE_UINT64_ARRAY(kind_count, CpuDcacheState,
                             CPU_DCACHE_FINDING_KINDS),
        VMSTATE_UINT64_ARRAY(kind_reported, CpuDcacheState,
                             CPU_DCACHE_FINDING_KINDS),
        VMSTATE_END_OF_LIST()
    }
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
