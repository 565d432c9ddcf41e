/*
 * Qualcomm XPU: the memory firewall in front of DRAM (qcom-mss-sim)
 *
 * Copyright (c) 2026 The qcom-mss-sim authors
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * Qualcomm does not publish the XPU's register interface; the layout here
 * is ours and documented in docs/devel/qcom-xpu.rst. The behaviour follows
 * what the SoC does: resource groups of 4 KiB pages with per-VMID read and
 * write permissions, the most restrictive enabled group wins, and a
 * violation is captured in syndrome registers and reported.
 *
 * Placement: the protected range is an IOMMU memory region (as tz-mpc).
 * A page a master may both read and write translates to the DRAM itself,
 * so the CPU's TLB caches a plain RAM entry (the fast path). Any other
 * page translates to the "blocked" window, an MMIO region that checks
 * each access: allowed ones (say reads of a read-only page) go on to the
 * DRAM, denied ones are violations. The window must be mapped in system
 * memory, outside the protected range: QEMU 10.0's CPU TLB resolves an
 * MMIO target of an IOMMU in the CPU's own FlatView, so a window that
 * lived in an address space of its own would be looked up in the wrong
 * map.
 */

#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qemu/error-report.h"
#include "qemu/bswap.h"
#include "qapi/error.h"
#include "qapi/qapi-commands-qcom.h"
#include "qapi/qapi-events-qcom.h"
#include "qapi/util.h"
#include "hw/misc/qcom-xpu.h"
#include "hw/irq.h"
#include "hw/registerfields.h"
#include "hw/qdev-properties.h"
#include "migration/vmstate.h"
#include "monitor/monitor.h"
#include "monitor/hmp.h"
#include "qobject/qdict.h"
#include "exec/address-spaces.h"
#include "system/cpus.h"
#include "hw/core/cpu.h"
#include "system/runstate.h"
#include "trace.h"

REG32(ID, 0x000)
REG32(VERSION, 0x004)
REG32(NUM_GROUPS, 0x008)
REG32(CTRL, 0x00c)
    FIELD(CTRL, IRQ_EN, 0, 1)
REG32(ESR, 0x010)
    FIELD(ESR, VALID, 0, 1)
    FIELD(ESR, OVERFLOW, 1, 1)
    FIELD(ESR, KIND, 4, 2)
    FIELD(ESR, MASTER, 8, 8)
REG32(EAR_LO, 0x014)
REG32(EAR_HI, 0x018)
REG32(ESYNR, 0x01c)
    FIELD(ESYNR, VMID, 0, 8)
    FIELD(ESYNR, GROUP, 16, 16)
REG32(ESR_CLEAR, 0x020)
    FIELD(ESR_CLEAR, VALID, 0, 1)
    FIELD(ESR_CLEAR, OVERFLOW, 1, 1)
REG32(ERR_COUNT, 0x024)
REG32(BASE_LO, 0x028)
REG32(BASE_HI, 0x02c)
REG32(SIZE_LO, 0x030)
REG32(SIZE_HI, 0x034)

/* Group n at GROUP_BASE + GROUP_STRIDE * n */
#define GROUP_BASE 0x100
#define GROUP_STRIDE 0x20
REG32(G_START_LO, 0x00)
REG32(G_START_HI, 0x04)
REG32(G_END_LO, 0x08)
REG32(G_END_HI, 0x0c)
REG32(G_RPERM, 0x10)
REG32(G_WPERM, 0x14)
REG32(G_GCTRL, 0x18)
    FIELD(G_GCTRL, EN, 0, 1)
    FIELD(G_GCTRL, LOCK, 1, 1)

/* IOMMU indexes: one per master, then debug accesses */
#define XPU_IDX_DEBUG QCOM_MASTER_NUM
#define XPU_NUM_INDEXES (QCOM_MASTER_NUM + 1)

#define XPU_ID 0x51585055       /* "QXPU" */
#define XPU_VERSION 0x00010000
#define ESYNR_GROUP_NONE 0xffff
#define GRANULE_MASK ((uint64_t)QCOM_XPU_GRANULE - 1)

static const struct {
    const char *name;
    uint8_t vmid;
} master_info[QCOM_MASTER_NUM] = {
    [QCOM_MASTER_APPS] = { "apps", QCOM_VMID_HLOS },
    [QCOM_MASTER_MSS] = { "mss", QCOM_VMID_MSS_MSA },
    [QCOM_MASTER_ADSP] = { "adsp", QCOM_VMID_ADSP_Q6 },
    [QCOM_MASTER_CDSP] = { "cdsp", QCOM_VMID_CDSP },
    [QCOM_MASTER_SLPI] = { "slpi", QCOM_VMID_SSC_Q6 },
    [QCOM_MASTER_TZ] = { "tz", QCOM_VMID_TZ },
};

static const char *const kind_names[] = {
    [QCOM_XPU_ERR_READ] = "read",
    [QCOM_XPU_ERR_WRITE] = "write",
    [QCOM_XPU_ERR_WRITEBACK] = "write-back",
    [QCOM_XPU_ERR_EVICT] = "evict",
    [QCOM_XPU_ERR_HAZARD] = "hazard",
};

uint8_t qcom_master_vmid(QcomMaster master)
{
    return master < QCOM_MASTER_NUM ? master_info[master].vmid
                                    : QCOM_VMID_NONE;
}

const char *qcom_master_name(QcomMaster master)
{
    return master < QCOM_MASTER_NUM ? master_info[master].name : "unknown";
}

static const char *vmid_name(unsigned vmid)
{
    switch (vmid) {
    case QCOM_VMID_TZ:
        return "TZ";
    case QCOM_VMID_HLOS:
        return "HLOS";
    case QCOM_VMID_SSC_Q6:
        return "SSC_Q6";
    case QCOM_VMID_ADSP_Q6:
        return "ADSP_Q6";
    case QCOM_VMID_MSS_MSA:
        return "MSS_MSA";
    case QCOM_VMID_CDSP:
        return "CDSP";
    default:
        return NULL;
    }
}

/* "HLOS(3) MSS_MSA(15)", or "none" */
static void append_vmids(GString *buf, uint32_t mask)
{
    if (!mask) {
        g_string_append(buf, "none");
        return;
    }
    for (unsigned v = 0; v < 32; v++) {
        if (mask & (1u << v)) {
            const char *n = vmid_name(v);

            g_string_append_printf(buf, "%s%s(%u)", buf->len &&
                                   buf->str[buf->len - 1] != ' ' &&
                                   buf->str[buf->len - 1] != '{' ? " " : "",
                                   n ? n : "VMID", v);
        }
    }
}

/*
 * Debug accesses pass unchecked and unreported: gdbstub's and the
 * monitor's x (the CPU's attributes, debug set), and those with
 * unspecified attributes (qtest, xp) unless "unspecified-master" names
 * the master to check them as.
 */
static bool xpu_is_debug(QcomXpuState *s, MemTxAttrs attrs)
{
    return attrs.debug || (attrs.unspecified && s->unspecified_debug);
}

/* The master of an access that is not a debug access */
static QcomMaster xpu_master_of(QcomXpuState *s, MemTxAttrs attrs)
{
    QcomMaster m;

    if (attrs.unspecified) {
        return s->unspecified_master;
    }
    m = qcom_attrs_master(attrs);
    return m < QCOM_MASTER_NUM ? m : QCOM_MASTER_NUM;
}

static bool group_enabled(const QcomXpuGroup *g)
{
    return FIELD_EX32(g->gctrl, G_GCTRL, EN);
}

static bool group_locked(const QcomXpuGroup *g)
{
    return FIELD_EX32(g->gctrl, G_GCTRL, LOCK);
}

static bool group_contains(const QcomXpuGroup *g, uint64_t addr)
{
    return group_enabled(g) && addr >= g->start &&
           addr <= (g->end | GRANULE_MASK);
}

/*
 * Effective permission at addr over the groups g[0..n): the AND of the
 * masks of every enabled group containing addr; nothing if none does.
 */
static void perm_at(const QcomXpuGroup *g, unsigned n, uint64_t addr,
                    uint32_t *rd, uint32_t *wr)
{
    bool covered = false;

    *rd = *wr = UINT32_MAX;
    for (unsigned i = 0; i < n; i++) {
        if (group_contains(&g[i], addr)) {
            *rd &= g[i].rperm;
            *wr &= g[i].wperm;
            covered = true;
        }
    }
    if (!covered) {
        *rd = *wr = 0;
    }
}

static bool vmid_in(uint32_t mask, uint8_t vmid)
{
    return vmid < 32 && (mask & (1u << vmid));
}

bool qcom_xpu_allows(QcomXpuState *s, hwaddr addr, QcomMaster master,
                     bool is_write)
{
    uint32_t rd, wr;

    if (addr < s->base || addr - s->base >= s->size) {
        return false;
    }
    /* TrustZone programs the XPU and reads what it has taken from HLOS */
    if (master == QCOM_MASTER_TZ) {
        return true;
    }
    perm_at(s->groups, s->num_groups, addr, &rd, &wr);
    return vmid_in(is_write ? wr : rd, qcom_master_vmid(master));
}

/* The first enabled group containing addr that denies; -1 if none covers. */
static int denying_group(QcomXpuState *s, uint64_t addr, uint8_t vmid,
                         bool is_write)
{
    for (unsigned i = 0; i < s->num_groups; i++) {
        QcomXpuGroup *g = &s->groups[i];

        if (group_contains(g, addr) &&
            !vmid_in(is_write ? g->wperm : g->rperm, vmid)) {
            return i;
        }
    }
    return QCOM_XPU_NO_GROUP;
}

static void xpu_update_irq(QcomXpuState *s)
{
    int level = FIELD_EX32(s->esr, ESR, VALID) &&
                FIELD_EX32(s->ctrl, CTRL, IRQ_EN);

    trace_qcom_xpu_irq(level);
    qemu_set_irq(s->irq, level);
}

/* ---- changes of configuration ------------------------------------- */

static void xpu_flush_iommu(QcomXpuState *s)
{
    IOMMUTLBEvent event = {
        .type = IOMMU_NOTIFIER_UNMAP,
        .entry = {
            .target_as = &s->downstream_as,
            .iova = 0,
            .translated_addr = 0,
            .addr_mask = pow2ceil(s->size) - 1,
            .perm = IOMMU_NONE,
        },
    };

    for (int idx = 0; idx < XPU_NUM_INDEXES; idx++) {
        memory_region_notify_iommu(&s->upstream, idx, event);
    }
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

    return x < y ? -1 : x > y;
}

/*
 * After the groups changed from old[] to s->groups[] somewhere in
 * [lo, hi]: flush the CPUs' TLBs and tell the change notifiers which
 * stretches changed the effective permission of APPS.
 */
static void xpu_changed(QcomXpuState *s, const QcomXpuGroup *old,
                        uint64_t lo, uint64_t hi)
{
    unsigned n = s->num_groups;
    g_autofree uint64_t *cut = g_new(uint64_t, 4 * n + 2);
    unsigned ncut = 0;
    const uint8_t hlos = QCOM_VMID_HLOS;

    xpu_flush_iommu(s);

    lo = MAX(lo, s->base);
    hi = MIN(hi, s->base + s->size - 1);
    if (lo > hi || QLIST_EMPTY(&s->change_notifiers.notifiers)) {
        return;
    }
    /* Stretches of constant permission start at lo and at group edges. */
    cut[ncut++] = lo;
    for (unsigned i = 0; i < n; i++) {
        const QcomXpuGroup *gs[2] = { &old[i], &s->groups[i] };

        for (int k = 0; k < 2; k++) {
            uint64_t e[2] = { gs[k]->start, (gs[k]->end | GRANULE_MASK) + 1 };

            for (int j = 0; j < 2; j++) {
                if (group_enabled(gs[k]) && e[j] > lo && e[j] <= hi) {
                    cut[ncut++] = e[j];
                }
            }
        }
    }
    qsort(cut, ncut, sizeof(*cut), cmp_u64);
    cut[ncut] = hi + 1;

    for (unsigned i = 0; i < ncut; i++) {
        QcomXpuChange c = { .start = cut[i], .end = cut[i + 1] - 1 };
        uint32_t r0, w0, r1, w1;

        if (cut[i + 1] == cut[i]) {
            continue;
        }
        perm_at(old, n, c.start, &r0, &w0);
        perm_at(s->groups, n, c.start, &r1, &w1);
        c.apps_read_before = vmid_in(r0, hlos);
        c.apps_write_before = vmid_in(w0, hlos);
        c.apps_read_after = vmid_in(r1, hlos);
        c.apps_write_after = vmid_in(w1, hlos);
        if (c.apps_read_before != c.apps_read_after ||
            c.apps_write_before != c.apps_write_after) {
            notifier_list_notify(&s->change_notifiers, &c);
        }
    }
}

void qcom_xpu_add_change_notifier(QcomXpuState *s, Notifier *n)
{
    notifier_list_add(&s->change_notifiers, n);
}

static void xpu_set_defaults(QcomXpuState *s)
{
    memset(s->groups, 0, sizeof(*s->groups) * s->num_groups);
    s->groups[0].start = s->base;
    s->groups[0].end = s->base + s->size - QCOM_XPU_GRANULE;
    s->groups[0].rperm = 1u << QCOM_VMID_HLOS;
    s->groups[0].wperm = 1u << QCOM_VMID_HLOS;
    s->groups[0].gctrl = R_G_GCTRL_EN_MASK;
    s->ctrl = 0;
    s->esr = 0;
    s->ear = 0;
    s->esynr = 0;
    s->err_count = 0;
    s->crash_pending = false;
    s->nhist = 0;
    memset(s->kind_count, 0, sizeof(s->kind_count));
    memset(s->kind_reported, 0, sizeof(s->kind_reported));
}

/* ---- violations ---------------------------------------------------- */

static QcomXpuErrKind err_kind(QcomXpuKind kind, bool is_write)
{
    switch (kind) {
    case QCOM_XPU_KIND_WRITEBACK:
        return QCOM_XPU_ERR_WRITEBACK;
    case QCOM_XPU_KIND_EVICT:
        return QCOM_XPU_ERR_EVICT;
    default:
        return is_write ? QCOM_XPU_ERR_WRITE : QCOM_XPU_ERR_READ;
    }
}

/*
 * How sure the fault is, in every report: "violation" (a transaction
 * reached the XPU), "hazard-dirty" (a write-back will), "hazard-clean"
 * (only a visible eviction or a new fill would).
 */
static char *xpu_report(QcomXpuState *s, uint64_t addr, QcomMaster master,
                        QcomXpuErrKind kind, int group, const char *severity,
                        uint64_t suppressed)
{
    g_autofree char *path = object_get_canonical_path(OBJECT(s));
    GString *r = g_string_new(NULL);
    uint8_t vmid = qcom_master_vmid(master);
    const char *vn = vmid_name(vmid);

    g_string_append_printf(r,
        "qcom-xpu: XPU VIOLATION at %s (protected 0x%" PRIx64 "-0x%" PRIx64
        ")\n", path, s->base, s->base + s->size - 1);
    g_string_append_printf(r, "qcom-xpu:   address  0x%016" PRIx64 "\n",
                           addr);
    g_string_append_printf(r, "qcom-xpu:   master   %s (VMID %u %s)\n",
                           qcom_master_name(master), vmid, vn ? vn : "?");
    g_string_append_printf(r, "qcom-xpu:   access   %s\n", kind_names[kind]);
    g_string_append_printf(r, "qcom-xpu:   severity %s\n", severity);
    if (suppressed) {
        g_string_append_printf(r, "qcom-xpu:   suppressed %" PRIu64 " more %s "
                               "violations since the last one reported\n",
                               suppressed, kind_names[kind]);
    }
    if (group == QCOM_XPU_NO_GROUP) {
        g_string_append(r, "qcom-xpu:   group    none (no enabled group "
                        "covers the address)\n");
    } else {
        QcomXpuGroup *g = &s->groups[group];

        g_string_append_printf(r, "qcom-xpu:   group    %d [0x%" PRIx64
                               "-0x%" PRIx64 "] read {", group, g->start,
                               g->end | GRANULE_MASK);
        append_vmids(r, g->rperm);
        g_string_append(r, "} write {");
        append_vmids(r, g->wperm);
        g_string_append(r, "}\n");
    }
    g_string_append_printf(r, "qcom-xpu:   ESR 0x%08x EAR 0x%016" PRIx64
                           " ESYNR 0x%08x\n", s->esr, s->ear, s->esynr);
    if (s->cause) {
        g_string_append_printf(r, "qcom-xpu:   cause    %s\n", s->cause);
    }
    if (s->caller) {
        g_string_append_printf(r, "qcom-xpu:   caller   %s\n", s->caller);
    }
    return g_string_free(r, false);
}

/* What the system does after a violation, by the "action" property. */
static void xpu_act(QcomXpuState *s, const char *report)
{
    switch (s->action) {
    case QCOM_XPU_ACTION_CRASH:
        if (!s->crash_pending) {
            s->crash_pending = true;
            fprintf(stderr, "%sqcom-xpu:   action   crash: the SoC resets; "
                    "QEMU exits with status 1\n", report);
            qemu_system_shutdown_request_with_code(SHUTDOWN_CAUSE_GUEST_PANIC,
                                                   1);
            /* as the reset would, stop the CPU that caused it right away */
            cpu_stop_current();
        }
        break;
    case QCOM_XPU_ACTION_STOP:
        fprintf(stderr, "%sqcom-xpu:   action   stop: VM paused "
                "(gdbstub or 'cont' to resume)\n", report);
        qemu_system_vmstop_request_prepare();
        qemu_system_vmstop_request(RUN_STATE_PAUSED);
        /*
         * The vCPU that made the access stops after its instruction, not
         * some blocks later when the main loop gets to the request: a
         * debugger then finds it where the finding is.
         */
        cpu_stop_current();
        break;
    case QCOM_XPU_ACTION_LOG:
        qemu_log_mask(LOG_GUEST_ERROR, "%sqcom-xpu:   action   log: reads "
                      "give 0, writes are dropped\n", report);
        break;
    default:
        g_assert_not_reached();
    }
}

/*
 * Violations of one kind are all captured and counted; the first
 * XPU_REPORT_BURST are reported and acted upon, then only the 2^n-th,
 * each saying how many it stands for: a master that hammers a denied
 * page gets a few dozen reports (and stops), not one per access. By
 * count rather than time, so that the same guest gives the same reports.
 * Returns whether to report the violation, and how many were not since
 * the last one that was.
 */
#define XPU_REPORT_BURST 32

static bool xpu_reportable(QcomXpuState *s, QcomXpuErrKind kind,
                           uint64_t *suppressed)
{
    uint64_t n = ++s->kind_count[kind];

    if (n > XPU_REPORT_BURST && (n & (n - 1))) {
        return false;
    }
    *suppressed = n - 1 - s->kind_reported[kind];
    s->kind_reported[kind] = n;
    return true;
}

static void xpu_violation(QcomXpuState *s, uint64_t addr, QcomMaster master,
                          QcomXpuKind xkind, bool is_write)
{
    uint8_t vmid = qcom_master_vmid(master);
    QcomXpuErrKind kind = err_kind(xkind, is_write);
    int group = denying_group(s, addr, vmid, is_write);
    g_autofree char *path = object_get_canonical_path(OBJECT(s));
    g_autofree char *report = NULL;
    QcomXpuViolation *h;
    uint64_t suppressed;

    trace_qcom_xpu_violation(addr, qcom_master_name(master), vmid,
                             kind_names[kind], group);
    if (s->err_count < UINT32_MAX) {
        s->err_count++;
    }
    if (FIELD_EX32(s->esr, ESR, VALID)) {
        s->esr = FIELD_DP32(s->esr, ESR, OVERFLOW, 1);
    } else {
        s->esr = FIELD_DP32(0, ESR, VALID, 1);
        s->esr = FIELD_DP32(s->esr, ESR, KIND, kind);
        s->esr = FIELD_DP32(s->esr, ESR, MASTER, master);
        s->ear = addr;
        s->esynr = FIELD_DP32(0, ESYNR, VMID, vmid);
        s->esynr = FIELD_DP32(s->esynr, ESYNR, GROUP,
                              group < 0 ? ESYNR_GROUP_NONE : group);
    }
    h = &s->hist[s->nhist++ % ARRAY_SIZE(s->hist)];
    h->addr = addr;
    h->master = master;
    h->kind = kind;
    h->group = group;
    xpu_update_irq(s);

    if (!xpu_reportable(s, kind, &suppressed)) {
        return;
    }
    qapi_event_send_xpu_violation(path, addr, qcom_master_name(master), vmid,
                                  kind_names[kind], group,
                                  QcomXpuAction_str(s->action), !!suppressed,
                                  suppressed, current_cpu != NULL,
                                  current_cpu ? current_cpu->cpu_index : 0);
    report = xpu_report(s, addr, master, kind, group, "violation",
                        suppressed);
    xpu_act(s, report);
}

void qcom_xpu_report_hazard(QcomXpuState *s, hwaddr start, hwaddr end,
                            bool dirty, const char *details)
{
    uint8_t vmid = qcom_master_vmid(QCOM_MASTER_APPS);
    int group = denying_group(s, start, vmid, false);
    g_autofree char *path = NULL;
    g_autofree char *report = NULL;
    g_autofree char *full = NULL;
    uint64_t suppressed;

    trace_qcom_xpu_violation(start, qcom_master_name(QCOM_MASTER_APPS), vmid,
                             kind_names[QCOM_XPU_ERR_HAZARD], group);
    if (!xpu_reportable(s, QCOM_XPU_ERR_HAZARD, &suppressed)) {
        return;
    }
    path = object_get_canonical_path(OBJECT(s));
    report = xpu_report(s, start, QCOM_MASTER_APPS, QCOM_XPU_ERR_HAZARD,
                        group, dirty ? "hazard-dirty" : "hazard-clean",
                        suppressed);
    full = g_strdup_printf("%sqcom-xpu:   hazard   0x%" HWADDR_PRIx "-0x%"
                           HWADDR_PRIx ": %s", report, start, end, details);
    qapi_event_send_xpu_violation(path, start,
                                  qcom_master_name(QCOM_MASTER_APPS), vmid,
                                  kind_names[QCOM_XPU_ERR_HAZARD], group,
                                  QcomXpuAction_str(s->action), !!suppressed,
                                  suppressed, current_cpu != NULL,
                                  current_cpu ? current_cpu->cpu_index : 0);
    xpu_act(s, full);
}

void qcom_xpu_report_violation(QcomXpuState *s, hwaddr addr,
                               MemTxAttrs attrs, bool is_write)
{
    xpu_violation(s, addr, xpu_master_of(s, attrs), attrs.unspecified ?
                  QCOM_XPU_KIND_NORMAL : qcom_attrs_kind(attrs), is_write);
}

MemTxResult qcom_xpu_rw(QcomXpuState *s, hwaddr addr, MemTxAttrs attrs,
                        void *buf, hwaddr len, bool is_write)
{
    bool debug = xpu_is_debug(s, attrs);
    QcomMaster master = xpu_master_of(s, attrs);
    uint8_t *p = buf;

    if (addr < s->base || len > s->size || addr - s->base > s->size - len) {
        return MEMTX_DECODE_ERROR;
    }
    while (len) {
        hwaddr chunk = MIN(len, QCOM_XPU_GRANULE - (addr & GRANULE_MASK));

        if (debug || qcom_xpu_allows(s, addr, master, is_write)) {
            address_space_rw(&s->downstream_as, addr - s->base, attrs, p,
                             chunk, is_write);
        } else {
            qcom_xpu_report_violation(s, addr, attrs, is_write);
            if (!is_write) {
                memset(p, 0, chunk);
            }
        }
        addr += chunk;
        p += chunk;
        len -= chunk;
    }
    return MEMTX_OK;
}

/* ---- the protected range ------------------------------------------- */

static IOMMUTLBEntry xpu_translate(IOMMUMemoryRegion *iommu, hwaddr addr,
                                   IOMMUAccessFlags flags, int iommu_idx)
{
    QcomXpuState *s = container_of(iommu, QcomXpuState, upstream);
    hwaddr page = addr & ~GRANULE_MASK;
    uint8_t vmid = qcom_master_vmid(iommu_idx);
    uint32_t rd, wr;
    bool pass = true;
    IOMMUTLBEntry ret = {
        .iova = page,
        .translated_addr = page,
        .addr_mask = GRANULE_MASK,
        .perm = IOMMU_RW,
        .target_as = &s->downstream_as,
    };

    if (iommu_idx != XPU_IDX_DEBUG && iommu_idx != QCOM_MASTER_TZ) {
        perm_at(s->groups, s->num_groups, s->base + page, &rd, &wr);
        pass = vmid_in(rd, vmid) && vmid_in(wr, vmid);
    }
    if (!pass) {
        /* checked access by access in the blocked window */
        if (s->blocked.container == get_system_memory()) {
            ret.target_as = &address_space_memory;
            ret.translated_addr = s->blocked.addr + page;
        } else {
            ret.target_as = &s->blocked_as;
        }
    }
    trace_qcom_xpu_translate(s->base + page, iommu_idx == XPU_IDX_DEBUG ?
                             "debug" : qcom_master_name(iommu_idx),
                             pass ? "ram" : "checked");
    return ret;
}

static int xpu_attrs_to_index(IOMMUMemoryRegion *iommu, MemTxAttrs attrs)
{
    QcomXpuState *s = container_of(iommu, QcomXpuState, upstream);
    QcomMaster m;

    if (xpu_is_debug(s, attrs)) {
        return XPU_IDX_DEBUG;
    }
    m = xpu_master_of(s, attrs);
    /* An unknown master is checked as APPS would be, then reported. */
    return m < QCOM_MASTER_NUM ? m : QCOM_MASTER_APPS;
}

static int xpu_num_indexes(IOMMUMemoryRegion *iommu)
{
    return XPU_NUM_INDEXES;
}

static MemTxResult xpu_blocked_read(void *opaque, hwaddr offset,
                                    uint64_t *data, unsigned size,
                                    MemTxAttrs attrs)
{
    QcomXpuState *s = opaque;
    uint8_t buf[8] = { 0 };

    qcom_xpu_rw(s, s->base + offset, attrs, buf, size, false);
    *data = ldn_le_p(buf, size);
    return MEMTX_OK;
}

static MemTxResult xpu_blocked_write(void *opaque, hwaddr offset,
                                     uint64_t data, unsigned size,
                                     MemTxAttrs attrs)
{
    QcomXpuState *s = opaque;
    uint8_t buf[8];

    stn_le_p(buf, size, data);
    qcom_xpu_rw(s, s->base + offset, attrs, buf, size, true);
    return MEMTX_OK;
}

static const MemoryRegionOps xpu_blocked_ops = {
    .read_with_attrs = xpu_blocked_read,
    .write_with_attrs = xpu_blocked_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid.min_access_size = 1,
    .valid.max_access_size = 8,
    .impl.min_access_size = 1,
    .impl.max_access_size = 8,
};

/* ---- hypervisor assign ----------------------------------------------- */

static int free_group(const QcomXpuGroup *g, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        if (!g[i].gctrl) {
            return i;
        }
    }
    return -1;
}

/*
 * Fold into group k the unlocked groups right next to it that grant the
 * same, as the hypervisor does, so that giving a range back frees the
 * groups taking it away used: the permissions stay what they were.
 */
static void xpu_merge(QcomXpuGroup *g, unsigned n, unsigned k)
{
    bool merged;

    do {
        merged = false;
        for (unsigned i = 0; i < n; i++) {
            if (i == k || g[i].gctrl != g[k].gctrl ||
                g[i].rperm != g[k].rperm || g[i].wperm != g[k].wperm) {
                continue;
            }
            if (g[i].end + QCOM_XPU_GRANULE == g[k].start) {
                g[k].start = g[i].start;
            } else if (g[k].end + QCOM_XPU_GRANULE == g[i].start) {
                g[k].end = g[i].end;
            } else {
                continue;
            }
            memset(&g[i], 0, sizeof(g[i]));
            merged = true;
        }
    } while (merged);
}

bool qcom_xpu_assign(QcomXpuState *s, hwaddr start, hwaddr size,
                     uint32_t rd_vmids, uint32_t wr_vmids, Error **errp)
{
    unsigned n = s->num_groups;
    g_autofree QcomXpuGroup *old = g_memdup2(s->groups, n * sizeof(*old));
    g_autofree QcomXpuGroup *g = g_memdup2(s->groups, n * sizeof(*g));
    uint64_t a = start, b = start + size - QCOM_XPU_GRANULE;
    int k;

    if (!size || (start | size) & GRANULE_MASK) {
        error_setg(errp, "range 0x%" HWADDR_PRIx "+0x%" HWADDR_PRIx
                   " is empty or not 4 KiB aligned", start, size);
        return false;
    }
    if (start < s->base || size > s->size || start - s->base > s->size - size) {
        error_setg(errp, "range 0x%" HWADDR_PRIx "+0x%" HWADDR_PRIx
                   " is outside the protected range 0x%" PRIx64 "+0x%" PRIx64,
                   start, size, s->base, s->size);
        return false;
    }
    for (unsigned i = 0; i < n; i++) {
        QcomXpuGroup *gi = &g[i];

        if (!group_enabled(gi) || gi->end < a || gi->start > b) {
            continue;
        }
        if (group_locked(gi)) {
            error_setg(errp, "locked group %u [0x%" PRIx64 "-0x%" PRIx64
                       "] overlaps the range", i, gi->start,
                       gi->end | GRANULE_MASK);
            return false;
        }
        if (gi->start >= a && gi->end <= b) {
            memset(gi, 0, sizeof(*gi));
        } else if (gi->start < a && gi->end > b) {
            k = free_group(g, n);
            if (k < 0) {
                goto full;
            }
            g[k] = *gi;
            g[k].start = b + QCOM_XPU_GRANULE;
            gi->end = a - QCOM_XPU_GRANULE;
        } else if (gi->start < a) {
            gi->end = a - QCOM_XPU_GRANULE;
        } else {
            gi->start = b + QCOM_XPU_GRANULE;
        }
    }
    k = free_group(g, n);
    if (k < 0) {
        goto full;
    }
    g[k].start = a;
    g[k].end = b;
    g[k].rperm = rd_vmids;
    g[k].wperm = wr_vmids;
    g[k].gctrl = R_G_GCTRL_EN_MASK;
    xpu_merge(g, n, k);

    trace_qcom_xpu_assign(start, size, rd_vmids, wr_vmids, k);
    memcpy(s->groups, g, n * sizeof(*g));
    xpu_changed(s, old, a, b | GRANULE_MASK);
    return true;

full:
    error_setg(errp, "no free resource group for 0x%" HWADDR_PRIx "+0x%"
               HWADDR_PRIx " (%u groups)", start, size, n);
    return false;
}

void qcom_xpu_set_cause(QcomXpuState *s, const char *cause,
                        const char *caller)
{
    g_free(s->cause);
    g_free(s->caller);
    s->cause = g_strdup(cause);
    s->caller = cause ? g_strdup(caller) : NULL;
}

/* ---- register block ------------------------------------------------- */

static uint32_t group_reg_read(QcomXpuState *s, unsigned n, hwaddr r)
{
    QcomXpuGroup *g = &s->groups[n];

    switch (r) {
    case A_G_START_LO:
        return g->start;
    case A_G_START_HI:
        return g->start >> 32;
    case A_G_END_LO:
        return g->end;
    case A_G_END_HI:
        return g->end >> 32;
    case A_G_RPERM:
        return g->rperm;
    case A_G_WPERM:
        return g->wperm;
    case A_G_GCTRL:
        return g->gctrl;
    default:
        return 0;
    }
}

static MemTxResult xpu_reg_read(void *opaque, hwaddr offset, uint64_t *data,
                                unsigned size, MemTxAttrs attrs)
{
    QcomXpuState *s = opaque;
    uint64_t r = 0;

    switch (offset) {
    case A_ID:
        r = XPU_ID;
        break;
    case A_VERSION:
        r = XPU_VERSION;
        break;
    case A_NUM_GROUPS:
        r = s->num_groups;
        break;
    case A_CTRL:
        r = s->ctrl;
        break;
    case A_ESR:
        r = s->esr;
        break;
    case A_EAR_LO:
        r = (uint32_t)s->ear;
        break;
    case A_EAR_HI:
        r = s->ear >> 32;
        break;
    case A_ESYNR:
        r = s->esynr;
        break;
    case A_ERR_COUNT:
        r = s->err_count;
        break;
    case A_BASE_LO:
        r = (uint32_t)s->base;
        break;
    case A_BASE_HI:
        r = s->base >> 32;
        break;
    case A_SIZE_LO:
        r = (uint32_t)s->size;
        break;
    case A_SIZE_HI:
        r = s->size >> 32;
        break;
    default:
        if (offset >= GROUP_BASE) {
            unsigned n = (offset - GROUP_BASE) / GROUP_STRIDE;

            if (n < s->num_groups) {
                r = group_reg_read(s, n, (offset - GROUP_BASE) % GROUP_STRIDE);
                break;
            }
        }
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-xpu: read of unknown register "
                      "0x%" HWADDR_PRIx "\n", offset);
        break;
    }
    trace_qcom_xpu_reg_read(offset, r);
    *data = r;
    return MEMTX_OK;
}

static uint64_t set_lo(uint64_t v, uint32_t lo)
{
    return (v & ~0xffffffffULL) | lo;
}

static uint64_t set_hi(uint64_t v, uint32_t hi)
{
    return (v & 0xffffffffULL) | ((uint64_t)hi << 32);
}

static void group_reg_write(QcomXpuState *s, unsigned n, hwaddr r,
                            uint32_t value)
{
    QcomXpuGroup *g = &s->groups[n];
    QcomXpuGroup before = *g;
    g_autofree QcomXpuGroup *old = NULL;

    if (group_locked(g)) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-xpu: group %u is locked; write "
                      "0x%x to +0x%" HWADDR_PRIx " ignored until reset\n",
                      n, value, r);
        trace_qcom_xpu_group_refused(n, "locked");
        return;
    }
    if ((r == A_G_START_LO || r == A_G_END_LO) && (value & GRANULE_MASK)) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-xpu: group %u: address 0x%x is "
                      "not 4 KiB aligned; bits [11:0] ignored\n", n, value);
        value &= ~GRANULE_MASK;
    }
    switch (r) {
    case A_G_START_LO:
        g->start = set_lo(g->start, value);
        break;
    case A_G_START_HI:
        g->start = set_hi(g->start, value);
        break;
    case A_G_END_LO:
        g->end = set_lo(g->end, value);
        break;
    case A_G_END_HI:
        g->end = set_hi(g->end, value);
        break;
    case A_G_RPERM:
        g->rperm = value;
        break;
    case A_G_WPERM:
        g->wperm = value;
        break;
    case A_G_GCTRL:
        g->gctrl = value & (R_G_GCTRL_EN_MASK | R_G_GCTRL_LOCK_MASK);
        break;
    default:
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-xpu: group %u: write to unknown "
                      "register +0x%" HWADDR_PRIx "\n", n, r);
        return;
    }
    if (group_enabled(g) && g->start > g->end) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-xpu: group %u: start 0x%" PRIx64
                      " after end 0x%" PRIx64 "; %s refused\n", n, g->start,
                      g->end, r == A_G_GCTRL ? "enable" : "write");
        trace_qcom_xpu_group_refused(n, "start after end");
        *g = before;
        return;
    }
    trace_qcom_xpu_group_change(n, g->start, g->end, g->rperm, g->wperm,
                                g->gctrl);
    if (group_enabled(g) || group_enabled(&before)) {
        old = g_memdup2(s->groups, s->num_groups * sizeof(*old));
        old[n] = before;
        xpu_changed(s, old, MIN(g->start, before.start),
                    MAX(g->end, before.end) | GRANULE_MASK);
    }
}

static MemTxResult xpu_reg_write(void *opaque, hwaddr offset, uint64_t value,
                                 unsigned size, MemTxAttrs attrs)
{
    QcomXpuState *s = opaque;
    bool secure = attrs.unspecified ? s->unspecified_secure : attrs.secure;

    trace_qcom_xpu_reg_write(offset, value, secure);
    if (!secure) {
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-xpu: non-secure write 0x%"
                      PRIx64 " to 0x%" HWADDR_PRIx " ignored\n",
                      value, offset);
        trace_qcom_xpu_reg_write_nonsecure(offset, value);
        return MEMTX_OK;
    }

    switch (offset) {
    case A_CTRL:
        s->ctrl = value & R_CTRL_IRQ_EN_MASK;
        xpu_update_irq(s);
        break;
    case A_ESR_CLEAR:
        if (FIELD_EX32(value, ESR_CLEAR, VALID)) {
            s->esr = 0;
            s->ear = 0;
            s->esynr = 0;
        } else if (FIELD_EX32(value, ESR_CLEAR, OVERFLOW)) {
            s->esr = FIELD_DP32(s->esr, ESR, OVERFLOW, 0);
        }
        xpu_update_irq(s);
        break;
    case A_ID ... A_NUM_GROUPS:
    case A_ESR ... A_ESYNR:
    case A_ERR_COUNT ... A_SIZE_HI:
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-xpu: write to read-only "
                      "register 0x%" HWADDR_PRIx "\n", offset);
        break;
    default:
        if (offset >= GROUP_BASE) {
            unsigned n = (offset - GROUP_BASE) / GROUP_STRIDE;

            if (n < s->num_groups) {
                group_reg_write(s, n, (offset - GROUP_BASE) % GROUP_STRIDE,
                                value);
                break;
            }
            qemu_log_mask(LOG_GUEST_ERROR, "qcom-xpu: group %u out of range "
                          "(%u groups); write ignored\n", n, s->num_groups);
            break;
        }
        qemu_log_mask(LOG_GUEST_ERROR, "qcom-xpu: write to unknown register "
                      "0x%" HWADDR_PRIx "\n", offset);
        break;
    }
    return MEMTX_OK;
}

static const MemoryRegionOps xpu_reg_ops = {
    .read_with_attrs = xpu_reg_read,
    .write_with_attrs = xpu_reg_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid.min_access_size = 4,
    .valid.max_access_size = 4,
    .impl.min_access_size = 4,
    .impl.max_access_size = 4,
};

/* ---- monitor ------------------------------------------------------- */

/* The QAPI enums list the masters and access kinds in the model's order */
QEMU_BUILD_BUG_ON((int)QCOM_BUS_MASTER_APPS != QCOM_MASTER_APPS ||
                  (int)QCOM_BUS_MASTER_MSS != QCOM_MASTER_MSS ||
                  (int)QCOM_BUS_MASTER_ADSP != QCOM_MASTER_ADSP ||
                  (int)QCOM_BUS_MASTER_CDSP != QCOM_MASTER_CDSP ||
                  (int)QCOM_BUS_MASTER_SLPI != QCOM_MASTER_SLPI ||
                  (int)QCOM_BUS_MASTER_TZ != QCOM_MASTER_TZ ||
                  (int)QCOM_BUS_MASTER_UNKNOWN != QCOM_MASTER_NUM);
QEMU_BUILD_BUG_ON((int)QCOM_XPU_ACCESS_READ != QCOM_XPU_ERR_READ ||
                  (int)QCOM_XPU_ACCESS_WRITE != QCOM_XPU_ERR_WRITE ||
                  (int)QCOM_XPU_ACCESS_WRITE_BACK != QCOM_XPU_ERR_WRITEBACK ||
                  (int)QCOM_XPU_ACCESS_EVICT != QCOM_XPU_ERR_EVICT);

static QcomBusMaster xpu_bus_master(unsigned master)
{
    return master < QCOM_MASTER_NUM ? master : QCOM_BUS_MASTER_UNKNOWN;
}

static QcomXpuVmidList *xpu_vmids_info(uint32_t mask)
{
    QcomXpuVmidList *head = NULL, **tail = &head;

    for (unsigned v = 0; v < 32; v++) {
        if (mask & (1u << v)) {
            QcomXpuVmid *e = g_new0(QcomXpuVmid, 1);

            e->vmid = v;
            e->name = g_strdup(vmid_name(v));
            QAPI_LIST_APPEND(tail, e);
        }
    }
    return head;
}

static QcomXpuGroupInfoList *xpu_groups_info(QcomXpuState *s)
{
    QcomXpuGroupInfoList *head = NULL, **tail = &head;

    for (unsigned i = 0; i < s->num_groups; i++) {
        QcomXpuGroup *g = &s->groups[i];
        QcomXpuGroupInfo *gi;

        if (!g->gctrl && !g->start && !g->end && !g->rperm && !g->wperm) {
            continue;
        }
        gi = g_new0(QcomXpuGroupInfo, 1);
        gi->index = i;
        gi->start = g->start;
        gi->end = g->end | GRANULE_MASK;
        gi->enabled = group_enabled(g);
        gi->locked = group_locked(g);
        gi->read = xpu_vmids_info(g->rperm);
        gi->write = xpu_vmids_info(g->wperm);
        QAPI_LIST_APPEND(tail, gi);
    }
    return head;
}

static QcomXpuViolationInfo *xpu_violation_info(uint64_t addr,
                                                unsigned master, uint8_t vmid,
                                                QcomXpuErrKind kind,
                                                int group)
{
    QcomXpuViolationInfo *v = g_new0(QcomXpuViolationInfo, 1);

    v->address = addr;
    v->master = xpu_bus_master(master);
    v->vmid = vmid;
    v->access = kind;
    v->group = group;
    return v;
}

/* The syndrome registers, decoded; NULL if no error is captured */
static QcomXpuCapturedError *xpu_captured_info(QcomXpuState *s)
{
    unsigned grp = FIELD_EX32(s->esynr, ESYNR, GROUP);
    QcomXpuCapturedError *c;

    if (!FIELD_EX32(s->esr, ESR, VALID)) {
        return NULL;
    }
    c = g_new0(QcomXpuCapturedError, 1);
    c->violation = xpu_violation_info(s->ear, FIELD_EX32(s->esr, ESR, MASTER),
                                      FIELD_EX32(s->esynr, ESYNR, VMID),
                                      FIELD_EX32(s->esr, ESR, KIND),
                                      grp == ESYNR_GROUP_NONE ? -1 : grp);
    c->overflow = FIELD_EX32(s->esr, ESR, OVERFLOW);
    return c;
}

static QcomXpuInfo *xpu_info(QcomXpuState *s)
{
    QcomXpuInfo *info = g_new0(QcomXpuInfo, 1);
    QcomXpuViolationInfoList **tail = &info->recent;
    unsigned nh = MIN(s->nhist, ARRAY_SIZE(s->hist));

    info->path = object_get_canonical_path(OBJECT(s));
    info->base = s->base;
    info->size = s->size;
    info->num_groups = s->num_groups;
    info->action = s->action;
    info->has_unspecified_master = !s->unspecified_debug;
    info->unspecified_master = xpu_bus_master(s->unspecified_master);
    info->irq_enabled = FIELD_EX32(s->ctrl, CTRL, IRQ_EN);
    info->groups = xpu_groups_info(s);
    info->captured = xpu_captured_info(s);
    info->violations = s->err_count;
    for (unsigned i = 0; i < nh; i++) {
        QcomXpuViolation *h = &s->hist[(s->nhist - nh + i) %
                                       ARRAY_SIZE(s->hist)];

        QAPI_LIST_APPEND(tail, xpu_violation_info(h->addr, h->master,
                                                  qcom_master_vmid(h->master),
                                                  h->kind, h->group));
    }
    return info;
}

static int xpu_query_one(Object *obj, void *opaque)
{
    QcomXpuInfoList ***tail = opaque;
    QcomXpuState *s = (QcomXpuState *)object_dynamic_cast(obj, TYPE_QCOM_XPU);

    if (s && DEVICE(s)->realized) {
        QAPI_LIST_APPEND(*tail, xpu_info(s));
    }
    return 0;
}

QcomXpuInfoList *qmp_query_xpu(Error **errp)
{
    QcomXpuInfoList *head = NULL, **tail = &head;

    object_child_foreach_recursive(object_get_root(), xpu_query_one, &tail);
    return head;
}

/* "HLOS(3) MSS_MSA(15)", or "none" */
static void hmp_print_vmids(Monitor *mon, QcomXpuVmidList *vmids)
{
    if (!vmids) {
        monitor_printf(mon, "none");
    }
    for (QcomXpuVmidList *e = vmids; e; e = e->next) {
        monitor_printf(mon, "%s%s(%u)", e == vmids ? "" : " ",
                       e->value->name ?: "VMID", e->value->vmid);
    }
}

static void hmp_info_xpu(Monitor *mon, const QDict *qdict)
{
    g_autoptr(QcomXpuInfoList) list = NULL;
    Error *err = NULL;

    list = qmp_query_xpu(&err);
    if (hmp_handle_error(mon, err)) {
        return;
    }
    if (!list) {
        monitor_printf(mon, "no XPU\n");
    }
    for (QcomXpuInfoList *e = list; e; e = e->next) {
        QcomXpuInfo *info = e->value;
        QcomXpuCapturedError *c = info->captured;

        monitor_printf(mon, "%s: protected 0x%" PRIx64 "-0x%" PRIx64 ", %u "
                       "groups, action %s, unspecified master %s, IRQ %s\n",
                       info->path, info->base, info->base + info->size - 1,
                       info->num_groups, QcomXpuAction_str(info->action),
                       info->has_unspecified_master ?
                       QcomBusMaster_str(info->unspecified_master) : "debug",
                       info->irq_enabled ? "enabled" : "disabled");
        for (QcomXpuGroupInfoList *g = info->groups; g; g = g->next) {
            monitor_printf(mon, "  group %3u [0x%010" PRIx64 "-0x%010" PRIx64
                           "] %s%s read {", g->value->index, g->value->start,
                           g->value->end,
                           g->value->enabled ? "enabled" : "disabled",
                           g->value->locked ? " locked" : "");
            hmp_print_vmids(mon, g->value->read);
            monitor_printf(mon, "} write {");
            hmp_print_vmids(mon, g->value->write);
            monitor_printf(mon, "}\n");
        }
        if (c) {
            monitor_printf(mon, "  captured error: address 0x%" PRIx64
                           " master %s VMID %u %s group %" PRId64 "%s\n",
                           c->violation->address,
                           QcomBusMaster_str(c->violation->master),
                           c->violation->vmid,
                           QcomXpuAccess_str(c->violation->access),
                           c->violation->group,
                           c->overflow ? " (overflow: more errors since)" : "");
        } else {
            monitor_printf(mon, "  captured error: none\n");
        }
        monitor_printf(mon, "  violations since reset: %u\n",
                       info->violations);
        for (QcomXpuViolationInfoList *v = info->recent; v; v = v->next) {
            monitor_printf(mon, "  recent: 0x%" PRIx64 " %s %s group %" PRId64
                           "\n", v->value->address,
                           QcomBusMaster_str(v->value->master),
                           QcomXpuAccess_str(v->value->access),
                           v->value->group);
        }
    }
}

static int find_one(Object *obj, void *opaque)
{
    Object **found = opaque;

    if (!*found && object_dynamic_cast(obj, TYPE_QCOM_XPU)) {
        *found = obj;
    }
    return 0;
}

static void hmp_xpu_assign(Monitor *mon, const QDict *qdict)
{
    Object *obj = NULL;
    Error *err = NULL;

    object_child_foreach_recursive(object_get_root(), find_one, &obj);
    if (!obj) {
        monitor_printf(mon, "no XPU\n");
        return;
    }
    if (!qcom_xpu_assign(QCOM_XPU(obj), qdict_get_int(qdict, "start"),
                         qdict_get_int(qdict, "size"),
                         qdict_get_int(qdict, "rdvmids"),
                         qdict_get_int(qdict, "wrvmids"), &err)) {
        hmp_handle_error(mon, err);
    }
}

/* ---- device ------------------------------------------------------- */

static void xpu_reset_enter(Object *obj, ResetType type)
{
    QcomXpuState *s = QCOM_XPU(obj);
    g_autofree QcomXpuGroup *old = g_memdup2(s->groups, s->num_groups *
                                             sizeof(*old));

    xpu_set_defaults(s);
    xpu_changed(s, old, s->base, s->base + s->size - 1);
}

static void xpu_reset_hold(Object *obj, ResetType type)
{
    xpu_update_irq(QCOM_XPU(obj));
}

static bool parse_name(const char *str, const char *const *names, int n,
                       int *out)
{
    for (int i = 0; i < n; i++) {
        if (!g_strcmp0(str, names[i])) {
            *out = i;
            return true;
        }
    }
    return false;
}

static void xpu_realize(DeviceState *dev, Error **errp)
{
    QcomXpuState *s = QCOM_XPU(dev);
    SysBusDevice *sbd = SYS_BUS_DEVICE(dev);
    Object *obj = OBJECT(dev);
    /* TrustZone passes unchecked: as such a master it would be "debug" */
    const char *masters[QCOM_MASTER_TZ];
    int v;

    if (!s->downstream) {
        error_setg(errp, "qcom-xpu: the 'downstream' link is not set");
        return;
    }
    if (s->num_groups < 1 || s->num_groups > QCOM_XPU_MAX_GROUPS) {
        error_setg(errp, "qcom-xpu: num-groups %u is outside 1..%u",
                   s->num_groups, QCOM_XPU_MAX_GROUPS);
        return;
    }
    if (!s->size || (s->size | s->base) & GRANULE_MASK ||
        s->size > memory_region_size(s->downstream)) {
        error_setg(errp, "qcom-xpu: base 0x%" PRIx64 " size 0x%" PRIx64
                   ": both must be 4 KiB multiples, the size non-zero and "
                   "within the downstream region (0x%" PRIx64 ")", s->base,
                   s->size, (uint64_t)memory_region_size(s->downstream));
        return;
    }
    v = qapi_enum_parse(&QcomXpuAction_lookup, s->action_str, -1, NULL);
    if (v < 0) {
        error_setg(errp, "qcom-xpu: action '%s' is not one of crash, stop, "
                   "log", s->action_str);
        return;
    }
    s->action = v;
    for (v = 0; v < ARRAY_SIZE(masters); v++) {
        masters[v] = master_info[v].name;
    }
    s->unspecified_debug = !strcmp(s->unspecified_master_str, "debug");
    if (!s->unspecified_debug) {
        if (!parse_name(s->unspecified_master_str, masters,
                        ARRAY_SIZE(masters), &v)) {
            error_setg(errp, "qcom-xpu: unspecified-master '%s' is not one "
                       "of debug, apps, mss, adsp, cdsp, slpi",
                       s->unspecified_master_str);
            return;
        }
        s->unspecified_master = v;
    }

    memory_region_init_io(&s->regs, obj, &xpu_reg_ops, s, "qcom-xpu-regs",
                          QCOM_XPU_REGS_SIZE);
    sysbus_init_mmio(sbd, &s->regs);
    memory_region_init_iommu(&s->upstream, sizeof(s->upstream),
                             TYPE_QCOM_XPU_IOMMU_MEMORY_REGION, obj,
                             "qcom-xpu-protected", s->size);
    sysbus_init_mmio(sbd, MEMORY_REGION(&s->upstream));
    memory_region_init_io(&s->blocked, obj, &xpu_blocked_ops, s,
                          "qcom-xpu-blocked", s->size);
    sysbus_init_mmio(sbd, &s->blocked);
    address_space_init(&s->downstream_as, s->downstream,
                       "qcom-xpu-downstream");
    address_space_init(&s->blocked_as, &s->blocked, "qcom-xpu-blocked");

    s->groups = g_new0(QcomXpuGroup, s->num_groups);
    xpu_set_defaults(s);
}

static void xpu_init(Object *obj)
{
    QcomXpuState *s = QCOM_XPU(obj);

    sysbus_init_irq(SYS_BUS_DEVICE(obj), &s->irq);
    notifier_list_init(&s->change_notifiers);
}

static const VMStateDescription xpu_group_vmstate = {
    .name = "qcom-xpu-group",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT64(start, QcomXpuGroup),
        VMSTATE_UINT64(end, QcomXpuGroup),
        VMSTATE_UINT32(rperm, QcomXpuGroup),
        VMSTATE_UINT32(wperm, QcomXpuGroup),
        VMSTATE_UINT32(gctrl, QcomXpuGroup),
        VMSTATE_END_OF_LIST()
    }
};


static bool xpu_reports_needed(void *opaque)
{
    QcomXpuState *s = opaque;

    for (unsigned k = 0; k < QCOM_XPU_ERR_NUM; k++) {
        if (s->kind_count[k]) {
            return true;
        }
    }
    return false;
}

static int xpu_reports_post_load(void *opaque, int version_id)
{
    QcomXpuState *s = opaque;

    for (unsigned k = 0; k < QCOM_XPU_ERR_NUM; k++) {
        if (s->kind_reported[k] > s->kind_count[k]) {
            return -EINVAL;
        }
    }
    return 0;
}

/* How many violations of each kind there were, and were reported */
static const VMStateDescription xpu_reports_vmstate = {
    .name = "qcom-xpu/reports",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = xpu_reports_needed,
    .post_load = xpu_reports_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT64_ARRAY(kind_count, QcomXpuState, QCOM_XPU_ERR_NUM),
        VMSTATE_UINT64_ARRAY(kind_reported, QcomXpuState, QCOM_XPU_ERR_NUM),
        VMSTATE_END_OF_LIST()
    }
};

static int xpu_post_load(void *opaque, int version_id)
{
    xpu_flush_iommu(opaque);
    return 0;
}

static const VMStateDescription xpu_vmstate = {
    .name = "qcom-xpu",
    .version_id = 1,
    .minimum_version_id = 1,
    .post_load = xpu_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(ctrl, QcomXpuState),
        VMSTATE_UINT32(esr, QcomXpuState),
        VMSTATE_UINT64(ear, QcomXpuState),
        VMSTATE_UINT32(esynr, QcomXpuState),
        VMSTATE_UINT32(err_count, QcomXpuState),
        VMSTATE_STRUCT_VARRAY_POINTER_UINT32(groups, QcomXpuState,
                                             num_groups, xpu_group_vmstate,
                                             QcomXpuGroup),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &xpu_reports_vmstate,
        NULL
    }
};

static const Property xpu_properties[] = {
    DEFINE_PROP_LINK("downstream", QcomXpuState, downstream,
                     TYPE_MEMORY_REGION, MemoryRegion *),
    DEFINE_PROP_UINT64("base", QcomXpuState, base, 0),
    DEFINE_PROP_UINT64("size", QcomXpuState, size, 0),
    DEFINE_PROP_UINT32("num-groups", QcomXpuState, num_groups, 32),
    DEFINE_PROP_STRING("action", QcomXpuState, action_str),
    DEFINE_PROP_STRING("unspecified-master", QcomXpuState,
                       unspecified_master_str),
    DEFINE_PROP_BOOL("unspecified-secure", QcomXpuState, unspecified_secure,
                     true),
};

static void xpu_instance_post_init(Object *obj)
{
    QcomXpuState *s = QCOM_XPU(obj);

    /* string properties have no default of their own */
    if (!s->action_str) {
        s->action_str = g_strdup("crash");
    }
    if (!s->unspecified_master_str) {
        s->unspecified_master_str = g_strdup("debug");
    }
}

static void xpu_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);

    dc->desc = "Qualcomm XPU memory firewall";
    dc->realize = xpu_realize;
    dc->vmsd = &xpu_vmstate;
    rc->phases.enter = xpu_reset_enter;
    rc->phases.hold = xpu_reset_hold;
    device_class_set_props(dc, xpu_properties);
}

static void xpu_iommu_class_init(ObjectClass *klass, void *data)
{
    IOMMUMemoryRegionClass *imrc = IOMMU_MEMORY_REGION_CLASS(klass);

    imrc->translate = xpu_translate;
    imrc->attrs_to_index = xpu_attrs_to_index;
    imrc->num_indexes = xpu_num_indexes;
}

static const TypeInfo xpu_types[] = {
    {
        .name = TYPE_QCOM_XPU,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(QcomXpuState),
        .instance_init = xpu_init,
        .instance_post_init = xpu_instance_post_init,
        .class_init = xpu_class_init,
    }, {
        .name = TYPE_QCOM_XPU_IOMMU_MEMORY_REGION,
        .parent = TYPE_IOMMU_MEMORY_REGION,
        .class_init = xpu_iommu_class_init,
    },
};

static void xpu_register_types(void)
{
    type_register_static(&xpu_types[0]);
    type_register_static(&xpu_types[1]);
    monitor_register_hmp("xpu", true, hmp_info_xpu);
    monitor_register_hmp("xpu-assign", false, hmp_xpu_assign);
}

type_init(xpu_register_types)
